// kb_train_topic: trains the topic gate (importers/extract/topic.hpp) on the articles of
// dev.jsonl that carry a section label in their id, and reports how it does on articles it
// never saw. Labels (distant supervision from the publishers' own sections):
//   geopolitical      kremlin-*, zelenskyy-*, isw-*, ukrbias-*, cp-*-wn-*, cp-*-uk-*,
//                     bbc2005-politics-*
//   not geopolitical  bbc2005-business-*, -sport-*, -tech-*, -entertainment-*, cp-*-sp-*,
//                     cp-*-tr-*, cp-*-b-*
//   unlabelled        reuters21578-* (what the gate is for), cp-*-oth-*, cp-*-bl-*
// Every fifth labelled article (by a hash of its id) is held out; the gold articles of
// eval/events/gold2's dev and blind splits are never trained on. The margin bias is chosen so
// that 98% of the held-out geopolitical articles pass.
//
//   kb_train_topic --articles ../shared/data/articles/dev.jsonl --gold eval/events/gold2
//                  --out data/events/topic.kbm [--iter N] [--seed S]
//
// Deterministic: the same articles, options and seed give the same bytes.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "importers/analysis/features.hpp"
#include "importers/extract/topic.hpp"
#include "importers/readers/formats.hpp"

namespace {

namespace ex = kb::importers::extract;
namespace an = kb::analysis;

enum class Label { none, yes, no };

Label label_of(const std::string& id) {
  const auto starts = [&](std::string_view p) { return id.starts_with(p); };
  const auto has = [&](std::string_view p) { return id.find(p) != std::string::npos; };
  if (starts("kremlin-") || starts("zelenskyy-") || starts("isw-") || starts("ukrbias-") ||
      starts("bbc2005-politics-") || (starts("cp-") && (has("-wn-") || has("-uk-")))) {
    return Label::yes;
  }
  if (starts("bbc2005-") || (starts("cp-") && (has("-sp-") || has("-tr-") || has("-b-")))) {
    return Label::no;
  }
  return Label::none;
}

// The group an article is reported in: its id up to the first number.
std::string group_of(const std::string& id) {
  std::string g;
  for (const char c : id) {
    if (c >= '0' && c <= '9') {
      break;
    }
    g.push_back(c);
  }
  while (!g.empty() && g.back() == '-') {
    g.pop_back();
  }
  return g;
}

struct Doc {
  std::string id;
  Label label = Label::none;
  bool held_out = false, gold_eval = false;
  std::vector<std::uint64_t> keys;
};

int usage() {
  std::cerr << "usage: kb_train_topic --articles JSONL --gold DIR --out FILE [--iter N] "
               "[--seed S]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string articles, gold, out;
  int iterations = 10;
  unsigned seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) {
      return usage();
    }
    if (a == "--articles") {
      articles = argv[++i];
    } else if (a == "--gold") {
      gold = argv[++i];
    } else if (a == "--out") {
      out = argv[++i];
    } else if (a == "--iter") {
      iterations = std::stoi(argv[++i]);
    } else if (a == "--seed") {
      seed = static_cast<unsigned>(std::stoul(argv[++i]));
    } else {
      return usage();
    }
  }
  if (articles.empty() || gold.empty() || out.empty()) {
    return usage();
  }
  // The gold articles the extractor is scored on (dev, blind): never trained on.
  std::set<std::string> gold_eval;
  {
    std::ifstream tsv(gold + "/articles.tsv");
    std::string line;
    while (std::getline(tsv, line)) {
      const auto t1 = line.find('\t');
      const auto t2 = line.find('\t', t1 + 1);
      const auto t3 = line.find('\t', t2 + 1);
      if (t1 == std::string::npos || t3 == std::string::npos) {
        continue;
      }
      const std::string split = line.substr(t2 + 1, t3 - t2 - 1);
      if (split == "dev" || split == "blind") {
        gold_eval.insert(line.substr(0, t1));
      }
    }
    if (gold_eval.empty()) {
      std::cerr << "kb_train_topic: no dev or blind articles in " << gold << "/articles.tsv\n";
      return 1;
    }
  }
  std::ifstream in(articles, std::ios::binary);
  if (!in) {
    std::cerr << "kb_train_topic: cannot read " << articles << "\n";
    return 1;
  }
  std::vector<Doc> docs;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    auto a = kb::importers::readers::read_jsonl_record(line, "dev.jsonl", line_no, {});
    if (!a) {
      continue;
    }
    Doc d;
    const std::size_t q = line.find("\"id\": \"");
    const std::size_t e = q == std::string::npos ? q : line.find('"', q + 7);
    if (e == std::string::npos) {
      continue;
    }
    d.id = line.substr(q + 7, e - q - 7);
    d.label = label_of(d.id);
    d.gold_eval = gold_eval.count(d.id) != 0;
    d.held_out = an::hash_string(d.id) % 5 == 0;
    ex::topic_features(a->title, a->text, d.keys);
    docs.push_back(std::move(d));
  }
  std::vector<std::size_t> train;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].label != Label::none && !docs[i].held_out && !docs[i].gold_eval) {
      train.push_back(i);
    }
  }
  an::PerceptronTrainer trainer(2);
  std::mt19937 rng(seed);
  for (int it = 0; it < iterations; ++it) {
    std::shuffle(train.begin(), train.end(), rng);
    for (const std::size_t i : train) {
      const Doc& d = docs[i];
      float scores[2] = {0.0F, 0.0F};
      trainer.score(d.keys, scores);
      const std::size_t good = d.label == Label::yes ? 1 : 0;
      const std::size_t guess = scores[1] > scores[0] ? 1 : 0;
      if (guess != good) {
        trainer.update(d.keys, good, guess);
      }
      trainer.tick();
    }
  }
  ex::TopicModel m;
  m.model = trainer.average();
  const auto margin = [&](const Doc& d) {
    float scores[2] = {0.0F, 0.0F};
    m.model.score(d.keys, scores);
    return scores[1] - scores[0];
  };
  // The bias that lets 98% of the held-out geopolitical articles through.
  std::vector<float> yes;
  for (const Doc& d : docs) {
    if (d.held_out && !d.gold_eval && d.label == Label::yes) {
      yes.push_back(margin(d));
    }
  }
  std::sort(yes.begin(), yes.end());
  const float cut = yes.empty() ? 0.0F : yes[yes.size() / 50];
  m.bias = -cut + 1e-3F;
  fmt::print("trained on {} articles, {} iterations; bias {:.3f}\n", train.size(), iterations,
             m.bias);
  // Pass rates on what was not trained on, by group.
  struct Count {
    std::size_t n = 0, pass = 0;
  };
  std::map<std::string, Count> held, unlabelled;
  Count gold_docs;
  for (const Doc& d : docs) {
    const bool pass = margin(d) + m.bias > 0;
    if (d.gold_eval) {
      gold_docs.n += 1;
      gold_docs.pass += pass ? 1 : 0;
      if (!pass) {
        fmt::print("  gold article not read: {} (margin {:.2f})\n", d.id, margin(d) + m.bias);
      }
    } else if (d.label == Label::none) {
      auto& c = unlabelled[group_of(d.id)];
      c.n += 1;
      c.pass += pass ? 1 : 0;
    } else if (d.held_out) {
      auto& c = held[group_of(d.id) + (d.label == Label::yes ? " (geopolitical)" : " (not)")];
      c.n += 1;
      c.pass += pass ? 1 : 0;
    }
  }
  fmt::print("held-out labelled articles: read for events / all\n");
  for (const auto& [g, c] : held) {
    fmt::print("  {:<40} {:>5} / {:<5} {:.3f}\n", g, c.pass, c.n,
               c.n ? double(c.pass) / double(c.n) : 0.0);
  }
  fmt::print("gold dev+blind articles (eval/events/gold2): {} / {}\n", gold_docs.pass, gold_docs.n);
  fmt::print("unlabelled articles: read for events / all\n");
  for (const auto& [g, c] : unlabelled) {
    fmt::print("  {:<40} {:>5} / {:<5} {:.3f}\n", g, c.pass, c.n,
               c.n ? double(c.pass) / double(c.n) : 0.0);
  }
  std::string bytes;
  m.write(bytes);
  if (auto w = kb::analysis::write_model_file(out, bytes); !w) {
    std::cerr << "kb_train_topic: " << w.error().message << "\n";
    return 1;
  }
  fmt::print("wrote {} ({} bytes)\n", out, bytes.size());
  return 0;
}
