// kb_train_clusters: learns the word clusters of data/analysis/clusters.kbc (see
// importers/analysis/clusters.hpp) from running text without labels: the articles of
// ../shared/data/articles/dev.jsonl and the sentences of the UD English Web Treebank's training
// file, tokenised as kb tokenises. Two flat clusterings (fine and coarse) by the exchange
// algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every word of the vocabulary
// starts in the class of its frequency rank modulo C, then, pass after pass, each word moves
// to the class that most raises the likelihood of the class bigram model of the text. The
// words are visited in frequency order and ties keep the lower class: the same text and options
// give the same bytes. Never run by the build or the tests.
//
//   kb_train_clusters --articles ../shared/data/articles/dev.jsonl
//     --conllu ../shared/data/ud-ewt/en_ewt-ud-train.conllu --fine 256 --coarse 32
//     --min-count 5 --iter 12 --out data/analysis/clusters.kbc      (one line)
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/core.h>

#include "importers/analysis/clusters.hpp"
#include "importers/analysis/perceptron.hpp"
#include "importers/analysis/sentence.hpp"
#include "importers/analysis/tokenizer.hpp"
#include "importers/readers/formats.hpp"

namespace an = kb::analysis;

namespace {

[[noreturn]] void die(const std::string& m) {
  std::cerr << "kb_train_clusters: " << m << "\n";
  std::exit(2);
}

// The text as word ids, sentence by sentence (id 0: a word outside the vocabulary; a boundary
// between texts is a bigram with no class on one side, so it is left out).
struct Corpus {
  std::vector<std::string> words;  // id -> normal form, most frequent first (id 0 unused)
  std::vector<std::uint64_t> count;
  std::vector<std::vector<std::uint32_t>> texts;
};

double xlogx(double x) { return x > 0 ? x * std::log(x) : 0.0; }

// Flat classes 1..classes for words 1..n-1 of `c`.
std::vector<std::uint16_t> exchange(const Corpus& c, std::uint16_t classes, int iterations) {
  const std::size_t n = c.words.size();
  // Each word's right and left neighbours with counts.
  std::vector<std::unordered_map<std::uint32_t, std::uint32_t>> right(n), left(n);
  for (const auto& t : c.texts) {
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      if (t[i] != 0 && t[i + 1] != 0) {
        right[t[i]][t[i + 1]] += 1;
        left[t[i + 1]][t[i]] += 1;
      }
    }
  }
  std::vector<std::uint16_t> cls(n, 0);
  for (std::size_t w = 1; w < n; ++w) {
    cls[w] = static_cast<std::uint16_t>((w - 1) % classes);
  }
  const std::size_t k = classes;
  std::vector<double> big(k * k, 0.0);  // big[a * k + b]: bigrams class a then class b
  std::vector<double> uni(k, 0.0);
  for (std::size_t w = 1; w < n; ++w) {
    uni[cls[w]] += static_cast<double>(c.count[w]);
    for (const auto& [v, m] : right[w]) {
      big[cls[w] * k + cls[v]] += m;
    }
  }
  std::vector<double> to(k), from(k);  // w's bigrams into / out of each class
  std::vector<std::uint16_t> touched_to, touched_from;
  for (int it = 0; it < iterations; ++it) {
    std::size_t moved = 0;
    for (std::size_t w = 1; w < n; ++w) {
      const std::uint16_t a = cls[w];
      touched_to.clear();
      touched_from.clear();
      double self = 0;  // bigrams w w
      for (const auto& [v, m] : right[w]) {
        if (v == w) {
          self += m;
          continue;
        }
        if (to[cls[v]] == 0) {
          touched_to.push_back(cls[v]);
        }
        to[cls[v]] += m;
      }
      for (const auto& [u, m] : left[w]) {
        if (u == w) {
          continue;
        }
        if (from[cls[u]] == 0) {
          touched_from.push_back(cls[u]);
        }
        from[cls[u]] += m;
      }
      const double nw = static_cast<double>(c.count[w]);
      // Take w out of class a.
      for (const std::uint16_t b : touched_to) {
        big[a * k + b] -= to[b];
      }
      for (const std::uint16_t b : touched_from) {
        big[b * k + a] -= from[b];
      }
      big[a * k + a] -= self;
      uni[a] -= nw;
      // The gain of putting it into class b (terms that do not change left out).
      const auto gain = [&](std::size_t b) {
        double g = 0;
        for (const std::uint16_t d : touched_to) {
          g += xlogx(big[b * k + d] + to[d]) - xlogx(big[b * k + d]);
        }
        for (const std::uint16_t d : touched_from) {
          const double add = from[d];
          if (d == b) {
            // the cell (b, b) got w's right bigrams into b already above
            const double base = big[b * k + b] + to[b];
            g += xlogx(base + add) - xlogx(base);
          } else {
            g += xlogx(big[d * k + b] + add) - xlogx(big[d * k + b]);
          }
        }
        {
          const double base = big[b * k + b] + to[b] + from[b];
          g += xlogx(base + self) - xlogx(base);
        }
        g -= 2 * (xlogx(uni[b] + nw) - xlogx(uni[b]));
        return g;
      };
      std::size_t best = a;
      double best_gain = gain(a);
      for (std::size_t b = 0; b < k; ++b) {
        if (b == a) {
          continue;
        }
        const double g = gain(b);
        if (g > best_gain + 1e-9) {
          best_gain = g;
          best = b;
        }
      }
      const auto nb = static_cast<std::uint16_t>(best);
      for (const std::uint16_t b : touched_to) {
        big[nb * k + b] += to[b];
      }
      for (const std::uint16_t b : touched_from) {
        big[b * k + nb] += from[b];
      }
      big[nb * k + nb] += self;
      uni[nb] += nw;
      moved += nb != a ? 1U : 0U;
      cls[w] = nb;
      for (const std::uint16_t b : touched_to) {
        to[b] = 0;
      }
      for (const std::uint16_t b : touched_from) {
        from[b] = 0;
      }
    }
    fmt::print("{} classes, pass {}: {} of {} words moved\n", classes, it + 1, moved, n - 1);
    if (moved == 0) {
      break;
    }
  }
  for (auto& x : cls) {
    x = static_cast<std::uint16_t>(x + 1);
  }
  return cls;
}

}  // namespace

int main(int argc, char** argv) {
  std::string articles = "../shared/data/articles/dev.jsonl";
  std::string conllu = "../shared/data/ud-ewt/en_ewt-ud-train.conllu";
  std::string out = "data/analysis/clusters.kbc";
  int fine = 256, coarse = 32, iterations = 12;
  std::uint64_t min_count = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--articles") {
      articles = v;
    } else if (a == "--conllu") {
      conllu = v;
    } else if (a == "--out") {
      out = v;
    } else if (a == "--fine") {
      fine = std::stoi(v);
    } else if (a == "--coarse") {
      coarse = std::stoi(v);
    } else if (a == "--iter") {
      iterations = std::stoi(v);
    } else if (a == "--min-count") {
      min_count = std::stoull(v);
    } else {
      die("unknown option " + a);
    }
  }
  if (fine < 2 || fine > 4096 || coarse < 2 || coarse > 4096) {
    die("--fine and --coarse take 2..4096 classes");
  }
  // Texts as normal forms.
  std::vector<std::vector<std::string>> texts;
  {
    std::ifstream in(articles, std::ios::binary);
    if (!in) {
      die("cannot read " + articles);
    }
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      auto a = kb::importers::readers::read_jsonl_record(line, articles, line_no, {});
      if (!a) {
        continue;
      }
      std::vector<std::string> t;
      for (const an::Word& w : an::tokenize(a->title + "\n" + a->text)) {
        t.push_back(an::WordClusters::normal(w.form));
      }
      texts.push_back(std::move(t));
    }
  }
  {
    auto bytes = an::read_model_file(conllu, "treebank");
    if (!bytes) {
      die(bytes.error().message);
    }
    auto sentences = an::read_conllu(*bytes);
    if (!sentences) {
      die(conllu + ": " + sentences.error().message);
    }
    for (const auto& s : *sentences) {
      std::vector<std::string> t;
      for (const an::Word& w : s.words) {
        t.push_back(an::WordClusters::normal(w.form));
      }
      texts.push_back(std::move(t));
    }
  }
  std::unordered_map<std::string, std::uint64_t> freq;
  std::uint64_t tokens = 0;
  for (const auto& t : texts) {
    for (const auto& w : t) {
      freq[w] += 1;
      ++tokens;
    }
  }
  std::vector<std::pair<std::string, std::uint64_t>> vocab;
  for (const auto& [w, n] : freq) {
    if (n >= min_count) {
      vocab.emplace_back(w, n);
    }
  }
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  Corpus c;
  c.words.emplace_back();
  c.count.push_back(0);
  std::unordered_map<std::string, std::uint32_t> id;
  for (const auto& [w, n] : vocab) {
    id.emplace(w, static_cast<std::uint32_t>(c.words.size()));
    c.words.push_back(w);
    c.count.push_back(n);
  }
  for (const auto& t : texts) {
    std::vector<std::uint32_t> ids;
    ids.reserve(t.size());
    for (const auto& w : t) {
      const auto it = id.find(w);
      ids.push_back(it == id.end() ? 0 : it->second);
    }
    c.texts.push_back(std::move(ids));
  }
  texts.clear();
  fmt::print("{} texts, {} tokens, {} words seen at least {} times\n", c.texts.size(), tokens,
             c.words.size() - 1, min_count);
  const auto f = exchange(c, static_cast<std::uint16_t>(fine), iterations);
  const auto g = exchange(c, static_cast<std::uint16_t>(coarse), iterations);
  std::vector<an::WordClusters::Row> rows;
  for (std::size_t w = 1; w < c.words.size(); ++w) {
    rows.push_back({an::WordClusters::key(c.words[w]), {f[w], g[w]}});
  }
  auto clusters = an::WordClusters::from_rows(std::move(rows), static_cast<std::uint16_t>(fine),
                                              static_cast<std::uint16_t>(coarse));
  if (!clusters) {
    die(clusters.error().message);
  }
  std::string bytes;
  clusters->write(bytes);
  if (auto w = an::write_model_file(out, bytes); !w) {
    die(w.error().message);
  }
  // A few classes, for a reader to judge: the most frequent words of the fine classes of some
  // probe words.
  for (const std::string probe : {"shelled", "kyiv", "putin", "monday", "sanctions", "0000"}) {
    const auto it = id.find(probe);
    if (it == id.end()) {
      continue;
    }
    std::string members;
    std::size_t shown = 0;
    for (std::size_t w = 1; w < c.words.size() && shown < 12; ++w) {
      if (f[w] == f[it->second]) {
        members += " " + c.words[w];
        ++shown;
      }
    }
    fmt::print("class of {}:{}\n", probe, members);
  }
  fmt::print("wrote {} ({} words, {} bytes)\n", out, clusters->size(), bytes.size());
  return 0;
}
