// Tagger: see tagger.hpp. The feature templates follow the classic averaged-perceptron tagger
// (Collins 2002; Honnibal's "a good POS tagger in 200 lines"): word, affixes, shape and the
// words and predicted tags around it.
#include "importers/analysis/tagger.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "importers/analysis/features.hpp"

namespace kb::analysis {
namespace {

constexpr std::uint64_t kNone = 0x5a5a5a5aULL;  // the value of a feature outside the sentence

// Features of word `i` given the keys of all words and the classes predicted before it.
void features(const std::vector<WordKeys>& k, const std::vector<std::uint16_t>& tags, std::size_t i,
              std::vector<std::uint64_t>& out) {
  out.clear();
  auto at = [&](std::ptrdiff_t j) -> const WordKeys* {
    const std::ptrdiff_t p = static_cast<std::ptrdiff_t>(i) + j;
    return (p < 0 || p >= static_cast<std::ptrdiff_t>(k.size())) ? nullptr
                                                                 : &k[static_cast<std::size_t>(p)];
  };
  auto lw = [&](std::ptrdiff_t j) {
    const WordKeys* w = at(j);
    return w ? w->lower : kNone;
  };
  auto tag = [&](std::ptrdiff_t j) -> std::uint64_t {
    const std::ptrdiff_t p = static_cast<std::ptrdiff_t>(i) + j;
    return p < 0 ? kNone : tags[static_cast<std::size_t>(p)] + 1ULL;
  };
  const WordKeys& w = k[i];
  out.push_back(feat(1, 0));
  out.push_back(feat(2, w.form));
  out.push_back(feat(3, w.lower));
  for (std::size_t s = 0; s < w.suffix.size(); ++s) {
    out.push_back(feat(4 + static_cast<std::uint64_t>(s), w.suffix[s]));
  }
  for (std::size_t s = 0; s < w.prefix.size(); ++s) {
    out.push_back(feat(8 + static_cast<std::uint64_t>(s), w.prefix[s]));
  }
  out.push_back(feat(11, w.shape));
  out.push_back(feat(12, w.flags, i == 0 ? 1 : 0));
  out.push_back(feat(13, lw(-1)));
  out.push_back(feat(14, lw(1)));
  out.push_back(feat(15, lw(-2)));
  out.push_back(feat(16, lw(2)));
  const WordKeys* prev = at(-1);
  const WordKeys* next = at(1);
  out.push_back(feat(17, prev ? prev->suffix[2] : kNone));
  out.push_back(feat(18, next ? next->suffix[2] : kNone));
  out.push_back(feat(19, next ? next->shape : kNone));
  out.push_back(feat(20, prev ? prev->shape : kNone));
  out.push_back(feat(21, tag(-1)));
  out.push_back(feat(22, tag(-2), tag(-1)));
  out.push_back(feat(23, tag(-1), w.lower));
  out.push_back(feat(24, lw(-1), w.lower));
  out.push_back(feat(25, w.lower, lw(1)));
  out.push_back(feat(26, tag(-1), lw(1)));
  out.push_back(feat(27, w.suffix[2], lw(1)));
  out.push_back(feat(28, tag(-1), w.suffix[2]));
  out.push_back(feat(29, lw(-1), w.suffix[2]));
  out.push_back(feat(30, lw(1), lw(2)));
  // Word classes (clusters.hpp) carry what was learned on the treebank's words to words it
  // lacks or saw rarely, from news text ("struck" with "shelled", "repelled").
  auto cl = [&](std::ptrdiff_t j) {
    const WordKeys* x = at(j);
    return x ? x->cluster : kNone;
  };
  out.push_back(feat(31, w.cluster));
  out.push_back(feat(32, w.coarse));
  out.push_back(feat(33, cl(-1), w.cluster));
  out.push_back(feat(34, w.cluster, cl(1)));
  out.push_back(feat(35, tag(-1), w.cluster));
  out.push_back(feat(36, w.suffix[2], w.cluster));
}

}  // namespace

WordKeys word_keys(const Word& w) {
  WordKeys k = word_keys(w.form);
  k.cluster = w.cluster;
  k.coarse = w.cluster_coarse;
  return k;
}

WordKeys word_keys(std::string_view form) {
  WordKeys k;
  k.form = hash_string(form);
  const std::string low = lower_ascii(form);
  k.lower = hash_string(low);
  const std::string_view lv = low;
  for (std::size_t n = 1; n <= 4; ++n) {
    k.suffix[n - 1] = hash_string(lv.size() >= n ? lv.substr(lv.size() - n) : lv) + n;
  }
  for (std::size_t n = 1; n <= 3; ++n) {
    k.prefix[n - 1] = hash_string(lv.substr(0, std::min(n, lv.size()))) + n;
  }
  std::string shape;
  bool digit = false;
  bool upper = false;
  bool hyphen = false;
  bool all_upper = !form.empty();
  for (char c : form) {
    char s = c;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
      upper = true;
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
      all_upper = false;
    } else if (c >= '0' && c <= '9') {
      s = 'd';
      digit = true;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      s = 'u';
    } else if (c == '-') {
      hyphen = true;
    }
    // collapse runs longer than two ("Xxxxx" -> "Xxx")
    if (shape.size() >= 2 && shape[shape.size() - 1] == s && shape[shape.size() - 2] == s) {
      continue;
    }
    shape.push_back(s);
  }
  k.shape = hash_string(shape);
  const bool initial_upper = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  k.flags = (digit ? 1U : 0U) | (upper ? 2U : 0U) | (hyphen ? 4U : 0U) | (all_upper ? 8U : 0U) |
            (initial_upper ? 16U : 0U);
  return k;
}

void Tagger::tag(std::vector<Word>& words) const {
  if (classes_.empty()) {
    return;
  }
  std::vector<WordKeys> keys;
  keys.reserve(words.size());
  for (const Word& w : words) {
    keys.push_back(word_keys(w));
  }
  std::vector<std::uint16_t> tags(words.size(), 0);
  std::vector<std::uint64_t> f;
  std::vector<float> scores(classes_.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto it = tagdict_.find(keys[i].lower);
    if (it != tagdict_.end()) {
      tags[i] = it->second;
    } else {
      features(keys, tags, i, f);
      std::fill(scores.begin(), scores.end(), 0.0F);
      model_.score(f, scores);
      tags[i] = static_cast<std::uint16_t>(std::max_element(scores.begin(), scores.end()) -
                                           scores.begin());
    }
    const std::string& c = classes_[tags[i]];
    const std::size_t tab = c.find('\t');
    words[i].upos = c.substr(0, tab);
    words[i].xpos = c.substr(tab + 1);
  }
}

Tagger Tagger::train(const std::vector<ParsedSentence>& sentences, int iterations,
                     std::uint64_t seed, const std::function<void(int, const Tagger&)>& progress) {
  Tagger t;
  std::map<std::string, std::uint16_t> index;
  std::map<std::string, std::map<std::uint16_t, int>> counts;  // lower form -> class -> n
  for (const ParsedSentence& s : sentences) {
    for (const Word& w : s.words) {
      const std::string c = w.upos + "\t" + w.xpos;
      auto [it, fresh] = index.emplace(c, static_cast<std::uint16_t>(index.size()));
      (void)fresh;
      counts[lower_ascii(w.form)][it->second] += 1;
    }
  }
  t.classes_.resize(index.size());
  for (const auto& [name, id] : index) {
    t.classes_[id] = name;
  }
  // Tag dictionary: frequent words that (almost) always take one tag.
  for (const auto& [form, byclass] : counts) {
    int total = 0;
    int best = 0;
    std::uint16_t best_class = 0;
    for (const auto& [c, n] : byclass) {
      total += n;
      if (n > best) {
        best = n;
        best_class = c;
      }
    }
    if (total >= 20 && best * 1000 >= total * 995) {
      t.tagdict_.emplace(hash_string(form), best_class);
    }
  }
  std::vector<std::vector<WordKeys>> keys;
  std::vector<std::vector<std::uint16_t>> gold;
  for (const ParsedSentence& s : sentences) {
    std::vector<WordKeys> k;
    std::vector<std::uint16_t> g;
    for (const Word& w : s.words) {
      k.push_back(word_keys(w));
      g.push_back(index.at(w.upos + "\t" + w.xpos));
    }
    keys.push_back(std::move(k));
    gold.push_back(std::move(g));
  }
  PerceptronTrainer trainer(t.classes_.size());
  std::vector<std::size_t> order(sentences.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  Rng rng{seed};
  std::vector<std::uint64_t> f;
  std::vector<float> scores(t.classes_.size());
  for (int it = 0; it < iterations; ++it) {
    shuffle(order, rng);
    for (std::size_t si : order) {
      const auto& k = keys[si];
      std::vector<std::uint16_t> tags(k.size(), 0);
      for (std::size_t i = 0; i < k.size(); ++i) {
        auto d = t.tagdict_.find(k[i].lower);
        if (d != t.tagdict_.end()) {
          tags[i] = d->second;
          continue;
        }
        features(k, tags, i, f);
        std::fill(scores.begin(), scores.end(), 0.0F);
        trainer.score(f, scores);
        const auto guess = static_cast<std::size_t>(std::max_element(scores.begin(), scores.end()) -
                                                    scores.begin());
        trainer.update(f, gold[si][i], guess);
        trainer.tick();
        tags[i] = static_cast<std::uint16_t>(guess);  // greedy: later words see the guess
      }
    }
    if (progress) {
      Tagger snapshot = t;
      snapshot.model_ = trainer.average();
      progress(it + 1, snapshot);
    }
  }
  t.model_ = trainer.average(0.001F);
  return t;
}

void Tagger::write(std::string& out) const {
  put_str(out, "kb-tagger-1");
  put_u32(out, static_cast<std::uint32_t>(classes_.size()));
  for (const std::string& c : classes_) {
    put_str(out, c);
  }
  std::vector<std::pair<std::uint64_t, std::uint16_t>> dict(tagdict_.begin(), tagdict_.end());
  std::sort(dict.begin(), dict.end());
  put_u32(out, static_cast<std::uint32_t>(dict.size()));
  for (const auto& [k, c] : dict) {
    put_u64(out, k);
    put_u32(out, c);
  }
  model_.write(out);
}

Result<Tagger> Tagger::read(std::string_view in, std::size_t& pos,
                            const std::shared_ptr<const void>& owner) {
  KB_TRY(expect_magic(in, pos, "kb-tagger-1"));
  Tagger t;
  KB_ASSIGN(std::uint32_t n, get_u32(in, pos));
  if (n == 0 || n > 4096) {
    return fail(Errc::parse, "tagger model: bad class count");
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    KB_ASSIGN(std::string c, get_str(in, pos));
    if (c.find('\t') == std::string::npos) {
      return fail(Errc::parse, "tagger model: bad class name");
    }
    t.classes_.push_back(std::move(c));
  }
  KB_ASSIGN(std::uint32_t d, get_u32(in, pos));
  if (d > (in.size() - pos) / 12) {
    return fail(Errc::parse, "tagger model: bad dictionary size");
  }
  for (std::uint32_t i = 0; i < d; ++i) {
    KB_ASSIGN(std::uint64_t k, get_u64(in, pos));
    KB_ASSIGN(std::uint32_t c, get_u32(in, pos));
    if (c >= n) {
      return fail(Errc::parse, "tagger model: bad dictionary entry");
    }
    t.tagdict_.emplace(k, static_cast<std::uint16_t>(c));
  }
  KB_ASSIGN(LinearModel m, LinearModel::read(in, pos, owner));
  if (m.classes() != n) {
    return fail(Errc::parse, "tagger model: weights do not match the classes");
  }
  t.model_ = std::move(m);
  return t;
}

}  // namespace kb::analysis
