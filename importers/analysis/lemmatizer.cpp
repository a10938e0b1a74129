// Lemmatizer: see lemmatizer.hpp. A rule is "<case><strip>:<add>": case 'L' lower-cases the
// form first, 'K' keeps it; then `strip` bytes are removed from the end and `add` appended. A
// rule "D<c>" deletes every byte c (EWT writes "3,500,000" as the lemma 3500000).
#include "importers/analysis/lemmatizer.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "importers/analysis/features.hpp"
#include "importers/analysis/perceptron.hpp"

namespace kb::analysis {
namespace {

constexpr std::size_t kMaxSuffix = 6;

std::string make_rule(std::string_view form, std::string_view lemma) {
  const std::string low = lower_ascii(form);
  for (char mode : {'L', 'K'}) {
    const std::string_view base = mode == 'L' ? std::string_view(low) : form;
    std::size_t common = 0;
    while (common < base.size() && common < lemma.size() && base[common] == lemma[common]) {
      ++common;
    }
    if (common == 0 && !base.empty() && !lemma.empty()) {
      continue;
    }
    std::string rule(1, mode);
    rule.append(std::to_string(base.size() - common));
    rule.push_back(':');
    rule.append(lemma.substr(common));
    return rule;
  }
  std::string rule("K");
  rule.append(std::to_string(form.size()));
  rule.push_back(':');
  rule.append(lemma);
  return rule;
}

// The number of bytes a rule strips ("L2:y" -> 2); 0 for a malformed rule.
std::size_t rule_strip(std::string_view rule) {
  std::size_t strip = 0;
  for (std::size_t i = 1; i < rule.size() && rule[i] != ':'; ++i) {
    if (rule[i] < '0' || rule[i] > '9' || strip > 1000) {
      return 0;
    }
    strip = strip * 10 + static_cast<std::size_t>(rule[i] - '0');
  }
  return strip;
}

// `form` without any byte `c`.
std::string without(std::string_view form, char c) {
  std::string out(form);
  std::erase(out, c);
  return out;
}

// The rule "D<c>" when deleting every `c` from `form` gives `lemma`, for the punctuation
// characters a treebank lemma drops; "" otherwise.
std::string deletion_rule(std::string_view form, std::string_view lemma) {
  for (const char c : {',', '-', '.', '\''}) {
    const std::string rest = without(form, c);
    if (rest.size() < form.size() && rest == lemma) {
      return std::string{'D', c};
    }
  }
  return {};
}

std::string apply_rule(std::string_view form, std::string_view rule) {
  if (rule.size() == 2 && rule[0] == 'D') {
    std::string out = without(form, rule[1]);
    return out.empty() ? std::string(form) : out;
  }
  const std::size_t colon = rule.find(':');
  if (rule.size() < 3 || colon == std::string_view::npos) {
    return std::string(form);
  }
  std::string base = rule[0] == 'L' ? lower_ascii(form) : std::string(form);
  const std::size_t strip = rule_strip(rule);
  if (strip > base.size()) {
    return std::string(form);
  }
  base.resize(base.size() - strip);
  base.append(rule.substr(colon + 1));
  return base.empty() ? std::string(form) : base;
}

}  // namespace

std::string Lemmatizer::lemma(std::string_view form, std::string_view xpos) const {
  std::string key(xpos);
  key += '\t';
  key += form;
  if (auto it = exact_.find(key); it != exact_.end()) {
    return it->second;
  }
  const std::string low = lower_ascii(form);
  key.resize(xpos.size() + 1);
  key += low;
  if (auto it = exact_.find(key); it != exact_.end()) {
    return form == low ? it->second : apply_rule(form, make_rule(low, it->second));
  }
  // A plural-tagged form the treebank lists as a singular noun is that noun, a tagging error
  // ("series" tagged NNS: error class "sery" from the "-ies" rule, and the headline "Russia
  // conducts large series" for "a large series of missile strikes", the partitive lost).
  if (xpos == "NNS") {
    std::string singular("NN\t");
    singular += low;
    if (auto it = exact_.find(singular); it != exact_.end() && it->second == low) {
      return it->second;
    }
  }
  // A name the treebank never saw is its own lemma: suffix rules learned from abbreviations
  // turned "Peskov" into "Peskovember" ("Nov" -> "November").
  // A web or e-mail address (ADD) is its own lemma, case and all, as in every EWT training
  // example (error class: "hmtag_itl_EN.asp" lower-cased by a suffix rule learned from others).
  if (xpos == "NNP" || xpos == "ADD") {
    return std::string(form);
  }
  // A base form (VB, VBP) the treebank does not list is its own lemma, in lower case: a suffix
  // rule learned from a whole word must not rewrite the end of another (error class: "are" ->
  // "be" making "declare", "prepare", "share" into "declbe", "prepbe", "shbe"); a form WordNet
  // knows only as an irregular inflection is a tagging error's past form ("Ukrainian forces
  // struck the bridge" tagged VBP; error class: the title "Ukraine strucks Antonivskyi
  // Bridge"), and takes its verb's lemma.
  if (xpos == "VB" || xpos == "VBP") {
    if (!verbs_.empty() && !verbs_.lemmas.contains(low)) {
      if (auto it = verbs_.irregular.find(low); it != verbs_.irregular.end()) {
        return it->second;
      }
    }
    return lower_ascii(form);
  }
  std::string learned(form);
  for (std::size_t n = std::min(kMaxSuffix, low.size()) + 1; n-- > 0;) {
    key.resize(xpos.size() + 1);
    key += std::string_view(low).substr(low.size() - n);
    if (auto it = rules_.find(key); it != rules_.end()) {
      learned = apply_rule(form, it->second);
      break;
    }
  }
  // Inflected verbs only: a base form (VB, VBP) is its own lemma ("lay" is not "lie" there).
  if ((xpos == "VBD" || xpos == "VBN" || xpos == "VBZ" || xpos == "VBG") && !verbs_.empty()) {
    return verb_lemma(low, std::move(learned));
  }
  return learned;
}

// WordNet's morphy for verbs: an irregular form's lemma, else the learned lemma when WordNet
// knows it, else the first detachment ("-ies" -> "-y", "-es", "-s", "-ed" -> "", "-ed" -> "-e",
// "-ing" -> "", "-ing" -> "-e", a doubled final consonant undoubled) that gives a WordNet verb.
std::string Lemmatizer::verb_lemma(std::string_view low, std::string learned) const {
  if (auto it = verbs_.irregular.find(std::string(low)); it != verbs_.irregular.end()) {
    return it->second;
  }
  if (verbs_.lemmas.contains(lower_ascii(learned))) {
    return learned;
  }
  const auto known = [&](const std::string& c) { return verbs_.lemmas.contains(c); };
  for (const auto& [suffix, add] :
       std::initializer_list<std::pair<std::string_view, std::string_view>>{{"ies", "y"},
                                                                            {"es", ""},
                                                                            {"s", ""},
                                                                            {"ied", "y"},
                                                                            {"ed", ""},
                                                                            {"ed", "e"},
                                                                            {"ying", "ie"},
                                                                            {"ing", ""},
                                                                            {"ing", "e"}}) {
    if (!low.ends_with(suffix) || low.size() < suffix.size() + 2) {
      continue;
    }
    std::string stem(low.substr(0, low.size() - suffix.size()));
    if (std::string c = stem + std::string(add); known(c)) {
      return c;
    }
    // "planned" -> "plan", "stopping" -> "stop"
    if (add.empty() && stem.size() >= 3 && stem.back() == stem[stem.size() - 2]) {
      if (std::string c = stem.substr(0, stem.size() - 1); known(c)) {
        return c;
      }
    }
  }
  return learned;
}

Result<VerbLexicon> VerbLexicon::parse(std::string_view text, std::string_view name) {
  VerbLexicon v;
  std::size_t line = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view row = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line;
    if (row.empty() || row.front() == '#') {
      continue;
    }
    const std::size_t sp = row.find(' ');
    const std::string_view first = row.substr(0, sp);
    const std::string_view second =
        sp == std::string_view::npos ? std::string_view() : row.substr(sp + 1);
    if (first.empty() || second.find(' ') != std::string_view::npos ||
        (sp != std::string_view::npos && second.empty())) {
      return fail(Errc::parse, std::string(name) + ":" + std::to_string(line) +
                                   R"(: expected "lemma" or "form lemma")");
    }
    if (second.empty()) {
      v.lemmas.emplace(first);
    } else {
      v.irregular.emplace(std::string(first), std::string(second));
    }
  }
  if (v.lemmas.empty()) {
    return fail(Errc::parse, std::string(name) + ": no verb lemmas");
  }
  return v;
}

Result<VerbLexicon> VerbLexicon::load(const std::filesystem::path& path) {
  KB_ASSIGN(const std::string bytes, read_model_file(path, "verb lexicon"));
  return parse(bytes, path.string());
}

void Lemmatizer::lemmatize(std::vector<Word>& words) const {
  for (Word& w : words) {
    w.lemma = lemma(w.form, w.xpos);
  }
}

Lemmatizer Lemmatizer::train(const std::vector<ParsedSentence>& sentences) {
  std::map<std::string, std::map<std::string, int>> exact;
  std::map<std::string, std::map<std::string, int>> rules;
  std::map<std::string, int> seen;  // words under each key
  std::set<std::string> deletable;  // the deletion rules some word needs
  for (const ParsedSentence& s : sentences) {
    for (const Word& w : s.words) {
      if (std::string d = w.lemma.empty() ? "" : deletion_rule(w.form, w.lemma); !d.empty()) {
        deletable.insert(std::move(d));
      }
    }
  }
  for (const ParsedSentence& s : sentences) {
    for (const Word& w : s.words) {
      if (w.lemma.empty()) {
        continue;
      }
      exact[w.xpos + "\t" + w.form][w.lemma] += 1;
      const std::string low = lower_ascii(w.form);
      // Every rule that gets this word right has its vote: a lower-case form is as much an
      // example of keeping the case as of lower-casing it (preferring 'L' there had web
      // addresses lower-cased: "duffie@Stanford.EDU"), and a form without commas one of deleting
      // them.
      std::vector<std::string> right{make_rule(w.form, w.lemma)};
      if (right.front()[0] == 'L' && low == w.form) {
        right.push_back('K' + right.front().substr(1));
      }
      for (const std::string& d : deletable) {
        if (apply_rule(w.form, d) == w.lemma) {
          right.push_back(d);
        }
      }
      // A suffix only vouches for a rule that changes no more than that suffix: keyed on shorter
      // ones, "best" -> "good" (strip 4, add "good") turned "harvest" into "hargood".
      for (std::size_t n = 0; n <= std::min(kMaxSuffix, low.size()); ++n) {
        const std::string key = w.xpos + "\t" + low.substr(low.size() - n);
        bool any = false;
        for (const std::string& rule : right) {
          if ((rule[0] == 'D' ? 0 : rule_strip(rule)) <= n) {
            rules[key][rule] += 1;
            any = true;
          }
        }
        seen[key] += any ? 1 : 0;
      }
    }
  }
  auto best = [](const std::map<std::string, int>& m) {
    return std::max_element(m.begin(), m.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
  };
  // The rule with most votes; on a tie lower-casing before keeping before deleting, so a rule
  // that only the words every rule gets right vote for never wins.
  auto best_rule = [](const std::map<std::string, int>& m) {
    const auto rank = [](const std::string& r) { return r[0] == 'L' ? 0 : r[0] == 'K' ? 1 : 2; };
    return std::max_element(m.begin(), m.end(),
                            [&](const auto& a, const auto& b) {
                              return a.second != b.second ? a.second < b.second
                                                          : rank(a.first) > rank(b.first);
                            })
        ->first;
  };
  Lemmatizer l;
  for (const auto& [k, m] : exact) {
    l.exact_.emplace(k, best(m));
  }
  for (const auto& [k, m] : rules) {
    if (seen[k] >= 2 || k.back() == '\t') {  // a suffix seen once says little
      l.rules_.emplace(k, best_rule(m));
    }
  }
  return l;
}

void Lemmatizer::write(std::string& out) const {
  put_str(out, "kb-lemmatizer-1");
  for (const auto* table : {&exact_, &rules_}) {
    std::vector<std::pair<std::string, std::string>> rows(table->begin(), table->end());
    std::sort(rows.begin(), rows.end());
    put_u32(out, static_cast<std::uint32_t>(rows.size()));
    for (const auto& [k, v] : rows) {
      put_str(out, k);
      put_str(out, v);
    }
  }
}

Result<Lemmatizer> Lemmatizer::read(std::string_view in, std::size_t& pos) {
  KB_TRY(expect_magic(in, pos, "kb-lemmatizer-1"));
  Lemmatizer l;
  for (auto* table : {&l.exact_, &l.rules_}) {
    KB_ASSIGN(std::uint32_t n, get_u32(in, pos));
    if (n > (in.size() - pos) / 8) {
      return fail(Errc::parse, "lemmatizer model: bad table size");
    }
    table->reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      KB_ASSIGN(std::string k, get_str(in, pos));
      KB_ASSIGN(std::string v, get_str(in, pos));
      table->emplace(std::move(k), std::move(v));
    }
  }
  return l;
}

}  // namespace kb::analysis
