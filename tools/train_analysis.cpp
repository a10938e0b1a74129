// kb_train_analysis: trains the analysis models on UD English EWT and scores them.
//
//   kb_train_analysis train --treebank DIR --out data/analysis/en_ewt.kbm [--tagger-iter N]
//                           [--parser-iter N] [--beam B] [--decode-beam D] [--seed S]
//                           [--folds K] [--prune W] [--parser-prune P] [--keep-passes DIR]
//                           [--tagger-second-pass 1]
//                           (B: the parser's training beam width, 1 = greedy; D: the width it
//                           decodes with, default B; P: the parser's pruning threshold, default
//                           W; DIR: the model as it stands after each parser pass, pruned, is
//                           written to DIR/pass-N.kbm, the bytes `--parser-iter N` gives)
//   kb_train_analysis tagger --treebank DIR [--tagger-iter N] [--seed S] [--tagger-second-pass K]
//                           [--dev FILE]   (the tagger alone: dev UPOS/XPOS after every pass)
//   kb_train_analysis jackknife --treebank DIR --out FILE [--tagger-iter N] [--seed S] [--folds K]
//                           [--tagger-second-pass 1]
//                           (the parser's training sentences with jackknifed tags, CoNLL-U)
//   kb_train_analysis train-parser --model BASE --train FILE --out M [--parser-iter N] [--beam B]
//                           [--decode-beam D] [--seed S] [--prune W] [--keep-passes DIR]
//                           (BASE's tagger and
//                           lemmatizer, a new parser trained on jackknife's FILE: the bytes `train`
//                           gives with the same options; for parser experiments without retraining
//                           the taggers)
//   kb_train_analysis prune --model M --prune W [--parser-prune P] [--conllu DEV] [--beam B]
//                           [--out FILE]   (size and scores at a threshold, P for the parser's
//                           weights (default W), decoding with width B; the pruned model
//                           written to FILE)
//   kb_train_analysis eval  --model data/analysis/en_ewt.kbm --conllu FILE [--verbs LEXICON]
//                           [--beam B]   (decode with another beam width than the model's)
//   kb_train_analysis resave FILE...   (rewrites kb model files in the current table format)
//
// Training is deterministic: the same treebank, options and seed give the same bytes. The
// parser is trained on tags predicted by taggers trained on the other folds (jackknifing), so
// it sees tags as good as, and no better than, those it will get at run time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <fmt/core.h>

#include "importers/analysis/clusters.hpp"
#include "importers/analysis/model.hpp"
#include "importers/analysis/sentence.hpp"
#include "importers/extract/learned.hpp"
#include "importers/extract/topic.hpp"

namespace {

using kb::analysis::ParsedSentence;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "kb_train_analysis: cannot read " << path << "\n";
    std::exit(2);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The word clusters the tagger reads (--clusters, default data/analysis/clusters.kbc): treebank
// words get their classes as kb's analyzer gives them to the words of a text.
kb::analysis::WordClusters word_clusters;

std::vector<ParsedSentence> load(const std::string& path) {
  auto r = kb::analysis::read_conllu(slurp(path));
  if (!r) {
    std::cerr << "kb_train_analysis: " << path << ": " << r.error().message << "\n";
    std::exit(2);
  }
  for (ParsedSentence& s : *r) {
    word_clusters.assign(s.words);
  }
  return std::move(*r);
}

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) {
      return argv[i + 1];
    }
  }
  return fallback;
}

// --keep-passes: writes the model as it stands after parser pass N to DIR/pass-N.kbm, its
// parser pruned as the final one would be (the bytes a run with --parser-iter N writes).
void keep_pass(const std::string& dir, const std::string& stage, const kb::analysis::Models& m,
               float parser_prune) {
  const std::string prefix = "parser pass ";
  if (dir.empty() || stage.rfind(prefix, 0) != 0) {
    return;
  }
  kb::analysis::Models p = m;
  p.parser.prune(parser_prune);
  std::string bytes;
  p.write(bytes);
  const std::string path = dir + "/pass-" + stage.substr(prefix.size()) + ".kbm";
  if (auto w = kb::analysis::write_model_file(path, bytes); !w) {
    std::cerr << "kb_train_analysis: " << w.error().message << "\n";
    std::exit(1);
  }
}

void print_scores(const std::string& what, const kb::analysis::Scores& s) {
  fmt::print(
      "{}: words {}  UPOS {:.2f}  XPOS {:.2f}  lemma {:.2f}  UAS {:.2f}  LAS {:.2f}  (labels with "
      "subtypes {:.2f})\n",
      what, s.words, s.upos, s.xpos, s.lemma, s.uas, s.las, s.las_full);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: kb_train_analysis train|eval …\n";
    return 2;
  }
  const std::string cmd = argv[1];
  {
    auto c = kb::analysis::WordClusters::load(
        arg(argc, argv, "--clusters", "data/analysis/clusters.kbc"));
    if (!c) {
      std::cerr << "kb_train_analysis: " << c.error().message << "\n";
      return 2;
    }
    word_clusters = std::move(*c);
  }
  if (cmd == "train") {
    const std::string dir = arg(argc, argv, "--treebank", "../shared/data/ud-ewt");
    const std::string out = arg(argc, argv, "--out", "data/analysis/en_ewt.kbm");
    kb::analysis::TrainOptions o;
    o.tagger_iterations =
        std::stoi(arg(argc, argv, "--tagger-iter", std::to_string(o.tagger_iterations)));
    o.parser_iterations =
        std::stoi(arg(argc, argv, "--parser-iter", std::to_string(o.parser_iterations)));
    o.seed = std::stoull(arg(argc, argv, "--seed", std::to_string(o.seed)));
    o.prune = std::stof(arg(argc, argv, "--prune", "0"));
    o.parser_prune = std::stof(arg(argc, argv, "--parser-prune", "-1"));
    o.folds = std::stoi(arg(argc, argv, "--folds", std::to_string(o.folds)));
    o.tagger_second_pass = arg(argc, argv, "--tagger-second-pass", "0") != "0";
    const std::string keep = arg(argc, argv, "--keep-passes", "");
    o.parser_beam = std::stoi(arg(argc, argv, "--beam", std::to_string(o.parser_beam)));
    o.parser_decode_beam = std::stoi(arg(argc, argv, "--decode-beam", "0"));
    const std::vector<ParsedSentence> train = load(dir + "/en_ewt-ud-train.conllu");
    const std::vector<ParsedSentence> dev = load(dir + "/en_ewt-ud-dev.conllu");
    const auto t0 = std::chrono::steady_clock::now();
    kb::analysis::Models m = kb::analysis::train_models(
        train, o, [&](const std::string& stage, const kb::analysis::Models& partial) {
          print_scores(stage + " (dev)", kb::analysis::evaluate(partial, dev));
          keep_pass(keep, stage, partial, o.parser_threshold());
          std::fflush(stdout);
        });
    // What pruning would cost: size and dev scores at a few thresholds above the chosen one.
    for (float t : {0.01F, 0.03F, 0.1F, 0.3F, 1.0F}) {
      if (t <= o.prune) {
        continue;
      }
      kb::analysis::Models p = m;
      p.tagger.prune(t);
      p.parser.prune(std::max(t, o.parser_threshold()));
      std::string b;
      p.write(b);
      print_scores(fmt::format("pruned at {} ({} bytes, dev)", t, b.size()),
                   kb::analysis::evaluate(p, dev));
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string bytes;
    m.write(bytes);
    if (auto w = kb::analysis::write_model_file(out, bytes); !w) {
      std::cerr << "kb_train_analysis: " << w.error().message << "\n";
      return 1;
    }
    fmt::print("wrote {} ({} bytes) in {:.0f} s\n", out, bytes.size(), secs);
    print_scores("final (dev)", kb::analysis::evaluate(m, dev));
    return 0;
  }
  if (cmd == "tagger") {
    // The tagger alone, for tagger experiments: dev UPOS / XPOS after every training pass.
    const std::string dir = arg(argc, argv, "--treebank", "../shared/data/ud-ewt");
    const int iterations = std::stoi(arg(argc, argv, "--tagger-iter", "8"));
    const std::uint64_t seed = std::stoull(arg(argc, argv, "--seed", "1"));
    const int second = std::stoi(arg(argc, argv, "--tagger-second-pass", "0"));
    const std::vector<ParsedSentence> train = load(dir + "/en_ewt-ud-train.conllu");
    const std::vector<ParsedSentence> dev =
        load(arg(argc, argv, "--dev", dir + "/en_ewt-ud-dev.conllu"));
    const auto t0 = std::chrono::steady_clock::now();
    auto score = [&](const kb::analysis::Tagger& t) {
      std::size_t n = 0, upos = 0, xpos = 0;
      for (const ParsedSentence& g : dev) {
        std::vector<kb::analysis::Word> words = g.words;
        t.tag(words);
        for (std::size_t i = 0; i < words.size(); ++i) {
          ++n;
          upos += words[i].upos == g.words[i].upos ? 1U : 0U;
          xpos += words[i].xpos == g.words[i].xpos ? 1U : 0U;
        }
      }
      const double d = n == 0 ? 1.0 : static_cast<double>(n);
      return std::pair{100.0 * static_cast<double>(upos) / d,
                       100.0 * static_cast<double>(xpos) / d};
    };
    const kb::analysis::Tagger t = kb::analysis::Tagger::train(
        train, iterations, seed,
        [&](int pass, const kb::analysis::Tagger& partial) {
          const auto [u, x] = score(partial);
          fmt::print("pass {}: dev UPOS {:.2f}  XPOS {:.2f}\n", pass, u, x);
          std::fflush(stdout);
        },
        second);
    const auto [u, x] = score(t);
    fmt::print("final: dev UPOS {:.2f}  XPOS {:.2f}  ({} weights, {:.0f} s)\n", u, x, t.weights(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
  }
  if (cmd == "jackknife") {
    const std::string dir = arg(argc, argv, "--treebank", "../shared/data/ud-ewt");
    kb::analysis::TrainOptions o;
    o.tagger_iterations =
        std::stoi(arg(argc, argv, "--tagger-iter", std::to_string(o.tagger_iterations)));
    o.seed = std::stoull(arg(argc, argv, "--seed", std::to_string(o.seed)));
    o.folds = std::stoi(arg(argc, argv, "--folds", std::to_string(o.folds)));
    o.tagger_second_pass = arg(argc, argv, "--tagger-second-pass", "0") != "0";
    const std::string out = arg(argc, argv, "--out", "");
    if (out.empty()) {
      std::cerr << "kb_train_analysis jackknife: --out FILE is required\n";
      return 2;
    }
    const std::string text = kb::analysis::write_conllu(
        kb::analysis::jackknife(load(dir + "/en_ewt-ud-train.conllu"), o));
    std::ofstream f(out, std::ios::binary);
    f << text;
    if (!f.flush()) {
      std::cerr << "kb_train_analysis: cannot write " << out << "\n";
      return 1;
    }
    fmt::print("wrote {} ({} bytes)\n", out, text.size());
    return 0;
  }
  if (cmd == "train-parser") {
    auto m = kb::analysis::Models::load(arg(argc, argv, "--model", "data/analysis/en_ewt.kbm"));
    if (!m) {
      std::cerr << "kb_train_analysis: " << m.error().message << "\n";
      return 1;
    }
    kb::analysis::TrainOptions o;
    o.parser_iterations =
        std::stoi(arg(argc, argv, "--parser-iter", std::to_string(o.parser_iterations)));
    o.parser_beam = std::stoi(arg(argc, argv, "--beam", std::to_string(o.parser_beam)));
    o.parser_decode_beam = std::stoi(arg(argc, argv, "--decode-beam", "0"));
    o.seed = std::stoull(arg(argc, argv, "--seed", std::to_string(o.seed)));
    o.prune = std::stof(arg(argc, argv, "--prune", "0"));
    o.parser_prune = std::stof(arg(argc, argv, "--parser-prune", "-1"));
    const std::string keep = arg(argc, argv, "--keep-passes", "");
    const std::string out = arg(argc, argv, "--out", "");
    if (out.empty()) {
      std::cerr << "kb_train_analysis train-parser: --out FILE is required\n";
      return 2;
    }
    const std::vector<ParsedSentence> train = load(arg(argc, argv, "--train", ""));
    const std::vector<ParsedSentence> dev =
        load(arg(argc, argv, "--dev", "../shared/data/ud-ewt/en_ewt-ud-dev.conllu"));
    const auto t0 = std::chrono::steady_clock::now();
    kb::analysis::train_parser(
        *m, train, o, [&](const std::string& stage, const kb::analysis::Models& partial) {
          print_scores(stage + " (dev)", kb::analysis::evaluate(partial, dev));
          keep_pass(keep, stage, partial, o.parser_threshold());
          std::fflush(stdout);
        });
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string bytes;
    m->write(bytes);
    if (auto w = kb::analysis::write_model_file(out, bytes); !w) {
      std::cerr << "kb_train_analysis: " << w.error().message << "\n";
      return 1;
    }
    fmt::print("wrote {} ({} bytes) in {:.0f} s\n", out, bytes.size(), secs);
    return 0;
  }
  if (cmd == "prune") {  // what a threshold would cost, on an existing model (dev scores, size)
    auto m = kb::analysis::Models::load(arg(argc, argv, "--model", "data/analysis/en_ewt.kbm"));
    if (!m) {
      std::cerr << "kb_train_analysis: " << m.error().message << "\n";
      return 1;
    }
    const float t = std::stof(arg(argc, argv, "--prune", "0"));
    const float pt = std::stof(arg(argc, argv, "--parser-prune", std::to_string(t)));
    m->tagger.prune(t);
    m->parser.prune(pt);
    if (const std::string beam = arg(argc, argv, "--beam", ""); !beam.empty()) {
      m->parser.set_beam(std::stoi(beam));
    }
    std::string b;
    m->write(b);
    const std::string dev =
        arg(argc, argv, "--conllu", "../shared/data/ud-ewt/en_ewt-ud-dev.conllu");
    print_scores(fmt::format("pruned at {}, parser at {} ({} bytes)", t, pt, b.size()),
                 kb::analysis::evaluate(*m, load(dev)));
    if (const std::string out = arg(argc, argv, "--out", ""); !out.empty()) {
      if (auto w = kb::analysis::write_model_file(out, b); !w) {
        std::cerr << "kb_train_analysis: " << w.error().message << "\n";
        return 1;
      }
      fmt::print("wrote {}\n", out);
    }
    return 0;
  }
  if (cmd == "resave") {  // a model file of any kind, rewritten by the current writer
    for (int i = 2; i < argc; ++i) {
      const std::string bytes = slurp(argv[i]);
      std::string out;
      if (auto a = kb::analysis::Models::read(bytes)) {
        a->write(out);
      } else if (auto e = kb::importers::extract::EventModel::read(bytes)) {
        e->write(out);
      } else if (auto t = kb::importers::extract::TopicModel::read(bytes)) {
        t->write(out);
      } else {
        std::cerr << "kb_train_analysis: " << argv[i] << ": not a kb model file\n";
        return 1;
      }
      if (auto w = kb::analysis::write_model_file(argv[i], out); !w) {
        std::cerr << "kb_train_analysis: " << w.error().message << "\n";
        return 1;
      }
      fmt::print("{}: {} -> {} bytes\n", argv[i], bytes.size(), out.size());
    }
    return 0;
  }
  if (cmd == "eval") {
    const std::string model = arg(argc, argv, "--model", "data/analysis/en_ewt.kbm");
    const std::string conllu =
        arg(argc, argv, "--conllu", "../shared/data/ud-ewt/en_ewt-ud-test.conllu");
    // The lemmatizer checks unseen verbs against WordNet, as kb does at run time.
    auto m = kb::analysis::Models::load(
        model, arg(argc, argv, "--verbs", "data/analysis/wordnet-verbs.txt"));
    if (!m) {
      std::cerr << "kb_train_analysis: " << m.error().message << "\n";
      return 1;
    }
    if (const std::string beam = arg(argc, argv, "--beam", ""); !beam.empty()) {
      m->parser.set_beam(std::stoi(beam));
    }
    print_scores(conllu, kb::analysis::evaluate(*m, load(conllu)));
    return 0;
  }
  std::cerr << "usage: kb_train_analysis train|eval …\n";
  return 2;
}
