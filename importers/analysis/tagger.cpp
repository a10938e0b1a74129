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

// What the second pass knows of a class (Tagger::flags_): kFinite for a finite verb (VBD, VBZ,
// VBP, MD), kBoundary for a word that opens or closes a clause (a subordinator, conjunction,
// wh-word, comma, colon or semicolon).
constexpr std::uint8_t kFinite = 1;
constexpr std::uint8_t kBoundary = 2;

std::vector<std::uint8_t> class_flags(const std::vector<std::string>& classes) {
  std::vector<std::uint8_t> flags(classes.size(), 0);
  for (std::size_t c = 0; c < classes.size(); ++c) {
    const std::string& name = classes[c];
    const std::size_t tab = name.find('\t');
    const std::string_view upos = std::string_view(name).substr(0, tab);
    const std::string_view xpos = std::string_view(name).substr(tab + 1);
    if (xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" || xpos == "MD") {
      flags[c] |= kFinite;
    }
    if (upos == "SCONJ" || upos == "CCONJ" || xpos == "WDT" || xpos == "WP" || xpos == "WRB" ||
        xpos == "," || xpos == ":") {
      flags[c] |= kBoundary;
    }
  }
  return flags;
}

// For each word, whether a finite verb follows it (first pass's tags) before the next clause
// boundary: computed once, right to left, so the second pass stays linear.
std::vector<std::uint8_t> finite_ahead(const std::vector<std::uint16_t>& first,
                                       const std::vector<std::uint8_t>& flags) {
  std::vector<std::uint8_t> ahead(first.size(), 0);
  for (std::size_t j = first.size(); j > 1; --j) {
    const std::uint8_t c = flags[first[j - 1]];
    ahead[j - 2] = (c & kBoundary) != 0 ? 0 : ((c & kFinite) != 0 || ahead[j - 1] != 0 ? 1 : 0);
  }
  return ahead;
}

// The second pass's features of word `i`: the first pass's, the first pass's tags of the word and
// the words after it (the right context a left-to-right tagger cannot see), and whether its
// clause already has a finite verb before it (`finite_before`, from this pass's tags) or after it
// ("Ukrainian troops repelled Russian attacks": no finite verb around "repelled", so it is one).
void features2(const std::vector<WordKeys>& k, const std::vector<std::uint16_t>& tags,
               const std::vector<std::uint16_t>& first, const std::vector<std::uint8_t>& ahead,
               bool finite_before, std::size_t i, std::vector<std::uint64_t>& out) {
  features(k, tags, i, out);
  const WordKeys& w = k[i];
  auto t1 = [&](std::size_t j) -> std::uint64_t {
    const std::size_t p = i + j;
    return p >= first.size() ? kNone : first[p] + 1ULL;
  };
  const std::uint64_t prev = i == 0 ? kNone : tags[i - 1] + 1ULL;
  const std::uint64_t clause = (finite_before ? 2U : 0U) + ahead[i] + 1U;
  out.push_back(feat(40, t1(1)));
  out.push_back(feat(41, t1(1), t1(2)));
  out.push_back(feat(42, prev, t1(1)));
  out.push_back(feat(43, w.lower, t1(1)));
  out.push_back(feat(44, w.suffix[2], t1(1)));
  out.push_back(feat(45, w.cluster, t1(1)));
  out.push_back(feat(46, t1(0)));
  out.push_back(feat(47, t1(0), t1(1)));
  out.push_back(feat(48, t1(0), prev));
  out.push_back(feat(49, clause, w.suffix[2]));
  out.push_back(feat(50, clause, w.cluster));
  out.push_back(feat(51, clause, prev, t1(1)));
  out.push_back(feat(52, clause, t1(0)));
}

// Whether the clause has a finite verb before the next word, after a word of class flags `c`.
bool next_finite_before(bool before, std::uint8_t c) {
  return (c & kBoundary) != 0 ? false : (before || (c & kFinite) != 0);
}

// Greedy left-to-right decoding of one sentence with `model` (the first pass when `first` is
// null, else the second over the first pass's tags `first`).
template <class Model>
std::vector<std::uint16_t> decode(const Model& model, std::size_t classes,
                                  const std::unordered_map<std::uint64_t, std::uint16_t>& tagdict,
                                  const std::vector<WordKeys>& k,
                                  const std::vector<std::uint16_t>* first,
                                  const std::vector<std::uint8_t>& flags) {
  std::vector<std::uint16_t> tags(k.size(), 0);
  std::vector<std::uint64_t> f;
  std::vector<float> scores(classes);
  std::vector<std::uint8_t> ahead;
  if (first != nullptr) {
    ahead = finite_ahead(*first, flags);
  }
  bool finite_before = false;
  for (std::size_t i = 0; i < k.size(); ++i) {
    auto it = tagdict.find(k[i].lower);
    if (it != tagdict.end()) {
      tags[i] = it->second;
    } else {
      if (first == nullptr) {
        features(k, tags, i, f);
      } else {
        features2(k, tags, *first, ahead, finite_before, i, f);
      }
      std::fill(scores.begin(), scores.end(), 0.0F);
      model.score(f, scores);
      tags[i] = static_cast<std::uint16_t>(std::max_element(scores.begin(), scores.end()) -
                                           scores.begin());
    }
    finite_before = next_finite_before(finite_before, flags[tags[i]]);
  }
  return tags;
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
  std::vector<std::uint16_t> tags =
      decode(model_, classes_.size(), tagdict_, keys, nullptr, flags_);
  if (two_pass_) {
    tags = decode(model2_, classes_.size(), tagdict_, keys, &tags, flags_);
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& c = classes_[tags[i]];
    const std::size_t tab = c.find('\t');
    words[i].upos = c.substr(0, tab);
    words[i].xpos = c.substr(tab + 1);
  }
}

namespace {

// One pass's model trained on the sentences `subset` of `keys`/`gold` (all when empty), the second
// pass's when `first` gives the first pass's tags of every sentence. `progress(pass, trainer)`
// after each pass.
LinearModel train_pass(const std::vector<std::vector<WordKeys>>& keys,
                       const std::vector<std::vector<std::uint16_t>>& gold,
                       const std::vector<std::size_t>& subset,
                       const std::vector<std::vector<std::uint16_t>>* first,
                       const std::unordered_map<std::uint64_t, std::uint16_t>& tagdict,
                       const std::vector<std::uint8_t>& flags, std::size_t classes, int iterations,
                       std::uint64_t seed,
                       const std::function<void(int, const PerceptronTrainer&)>& progress) {
  PerceptronTrainer trainer(classes);
  std::vector<std::size_t> order = subset;
  if (order.empty()) {
    order.resize(keys.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      order[i] = i;
    }
  }
  Rng rng{seed};
  std::vector<std::uint64_t> f;
  std::vector<float> scores(classes);
  std::vector<std::uint8_t> ahead;
  for (int it = 0; it < iterations; ++it) {
    shuffle(order, rng);
    for (std::size_t si : order) {
      const auto& k = keys[si];
      if (first != nullptr) {
        ahead = finite_ahead((*first)[si], flags);
      }
      bool finite_before = false;
      std::vector<std::uint16_t> tags(k.size(), 0);
      for (std::size_t i = 0; i < k.size(); ++i) {
        auto d = tagdict.find(k[i].lower);
        if (d != tagdict.end()) {
          tags[i] = d->second;
        } else {
          if (first == nullptr) {
            features(k, tags, i, f);
          } else {
            features2(k, tags, (*first)[si], ahead, finite_before, i, f);
          }
          std::fill(scores.begin(), scores.end(), 0.0F);
          trainer.score(f, scores);
          const auto guess = static_cast<std::size_t>(
              std::max_element(scores.begin(), scores.end()) - scores.begin());
          trainer.update(f, gold[si][i], guess);
          trainer.tick();
          tags[i] = static_cast<std::uint16_t>(guess);  // greedy: later words see the guess
        }
        finite_before = next_finite_before(finite_before, flags[tags[i]]);
      }
    }
    if (progress) {
      progress(it + 1, trainer);
    }
  }
  return trainer.average(0.001F);
}

}  // namespace

Tagger Tagger::train(const std::vector<ParsedSentence>& sentences, int iterations,
                     std::uint64_t seed, const std::function<void(int, const Tagger&)>& progress,
                     int second_pass_folds) {
  return train_core(sentences, iterations, seed, second_pass_folds, nullptr, progress);
}

Tagger Tagger::train_jackknifed(const std::vector<ParsedSentence>& sentences, int iterations,
                                std::uint64_t seed, int folds, std::vector<ParsedSentence>& heldout,
                                const std::function<void(int, const Tagger&)>& progress) {
  return train_core(sentences, iterations, seed, folds, &heldout, progress);
}

Tagger Tagger::train_core(const std::vector<ParsedSentence>& sentences, int iterations,
                          std::uint64_t seed, int folds_wanted,
                          std::vector<ParsedSentence>* heldout,
                          const std::function<void(int, const Tagger&)>& progress) {
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
  t.flags_ = class_flags(t.classes_);
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
  const std::size_t n = t.classes_.size();
  t.model_ = train_pass(keys, gold, {}, nullptr, t.tagdict_, t.flags_, n, iterations, seed,
                        [&](int pass, const PerceptronTrainer& trainer) {
                          if (progress) {
                            Tagger snapshot = t;
                            snapshot.model_ = trainer.average();
                            progress(pass, snapshot);
                          }
                        });
  if (folds_wanted < 2) {
    return t;
  }
  // The second pass learns from first-pass tags as wrong as they will be on new text: each
  // fold's sentences are tagged by a first pass trained on the other folds (jackknifing). With
  // `heldout`, a second pass trained on the other folds then tags each fold too: the tags a
  // parser should be trained on, as good as the tagger's on new text and no better.
  const auto folds = static_cast<std::size_t>(folds_wanted);
  auto others = [&](std::size_t fold) {
    std::vector<std::size_t> rest;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i % folds != fold) {
        rest.push_back(i);
      }
    }
    return rest;
  };
  std::vector<std::vector<std::uint16_t>> first(keys.size());
  for (std::size_t fold = 0; fold < folds && fold < keys.size(); ++fold) {
    const LinearModel m = train_pass(keys, gold, others(fold), nullptr, t.tagdict_, t.flags_, n,
                                     iterations, seed + 101 + fold, {});
    for (std::size_t i = fold; i < keys.size(); i += folds) {
      first[i] = decode(m, n, t.tagdict_, keys[i], nullptr, t.flags_);
    }
  }
  if (heldout != nullptr) {
    *heldout = sentences;
    for (std::size_t fold = 0; fold < folds && fold < keys.size(); ++fold) {
      const LinearModel m = train_pass(keys, gold, others(fold), &first, t.tagdict_, t.flags_, n,
                                       iterations, seed + 201 + fold, {});
      for (std::size_t i = fold; i < keys.size(); i += folds) {
        const std::vector<std::uint16_t> tags =
            decode(m, n, t.tagdict_, keys[i], &first[i], t.flags_);
        std::vector<Word>& words = (*heldout)[i].words;
        for (std::size_t w = 0; w < words.size(); ++w) {
          const std::string& c = t.classes_[tags[w]];
          const std::size_t tab = c.find('\t');
          words[w].upos = c.substr(0, tab);
          words[w].xpos = c.substr(tab + 1);
        }
      }
    }
  }
  t.model2_ = train_pass(keys, gold, {}, &first, t.tagdict_, t.flags_, n, iterations, seed + 1,
                         [&](int pass, const PerceptronTrainer& trainer) {
                           if (progress) {
                             Tagger snapshot = t;
                             snapshot.model2_ = trainer.average();
                             snapshot.two_pass_ = true;
                             progress(iterations + pass, snapshot);
                           }
                         });
  t.two_pass_ = true;
  return t;
}

void Tagger::write(std::string& out) const {
  // A one-pass tagger keeps format 1 (the bytes it always had); a second pass adds its model.
  put_str(out, two_pass_ ? "kb-tagger-2" : "kb-tagger-1");
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
  if (two_pass_) {
    model2_.write(out);
  }
}

Result<Tagger> Tagger::read(std::string_view in, std::size_t& pos,
                            const std::shared_ptr<const void>& owner) {
  Tagger t;
  KB_ASSIGN(const std::string magic, get_str(in, pos));
  if (magic == "kb-tagger-2") {
    t.two_pass_ = true;
  } else if (magic != "kb-tagger-1") {
    return fail(Errc::parse, "not a kb model part (expected 'kb-tagger-1' or 'kb-tagger-2')");
  }
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
  if (t.two_pass_) {
    KB_ASSIGN(LinearModel m2, LinearModel::read(in, pos, owner));
    if (m2.classes() != n) {
      return fail(Errc::parse, "tagger model: the second pass does not match the classes");
    }
    t.model2_ = std::move(m2);
  }
  t.flags_ = class_flags(t.classes_);
  return t;
}

}  // namespace kb::analysis
