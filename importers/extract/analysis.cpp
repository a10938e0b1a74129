// Sentence analysis for the event extractor: words and quotes, trigger lookup, sentence filters
// and datelines (dates are paired with triggers in pairing.cpp).
#include <algorithm>
#include <array>
#include <unordered_map>

#include "importers/extract/internal.hpp"

namespace kb::importers::extract::detail {

namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Length of a typographic mark at `i` (curly quotes, dashes, ellipsis), else 0.
std::size_t mark_length(std::string_view t, std::size_t i) {
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
      static_cast<unsigned char>(t[i + 1]) == 0x80) {
    return 3;
  }
  if (i + 1 < t.size() && static_cast<unsigned char>(t[i]) == 0xC2 &&
      (static_cast<unsigned char>(t[i + 1]) == 0xA0 ||
       static_cast<unsigned char>(t[i + 1]) == 0xAB ||
       static_cast<unsigned char>(t[i + 1]) == 0xBB)) {
    return 2;
  }
  return 0;
}

bool is_apostrophe(std::string_view t, std::size_t i, std::size_t* len) {
  if (t[i] == '\'') {
    *len = 1;
    return true;
  }
  if (mark_length(t, i) == 3 && static_cast<unsigned char>(t[i + 2]) == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

// The triggers indexed by their first word.
const std::unordered_map<std::string_view, std::vector<const Trigger*>>& trigger_index() {
  static const auto index = [] {
    std::unordered_map<std::string_view, std::vector<const Trigger*>> m;
    for (const Trigger& t : triggers()) {
      const std::string_view first = t.form.substr(0, t.form.find(' '));
      m[first].push_back(&t);
    }
    for (auto& [word, list] : m) {
      std::stable_sort(list.begin(), list.end(), [](const Trigger* a, const Trigger* b) {
        return a->form.size() > b->form.size();
      });
    }
    return m;
  }();
  return index;
}

// Whether the words from `i` spell `form`; sets `last` to the last word's index.
bool matches(const std::vector<Word>& words, std::size_t i, std::string_view form,
             std::size_t* last) {
  std::size_t k = i;
  while (!form.empty()) {
    const std::size_t sp = form.find(' ');
    const std::string_view part = form.substr(0, sp);
    if (k >= words.size() || words[k].punct || words[k].lower != part) {
      return false;
    }
    form = sp == std::string_view::npos ? std::string_view() : form.substr(sp + 1);
    ++k;
  }
  *last = k - 1;
  return true;
}

// False for triggers used in another sense: "fell to 106 billion" (a figure, not a town),
// "the issues the correspondents raised" (a question raised, not a price).
bool ordinary_sense(const std::vector<Word>& w, std::size_t i, std::size_t last, const Trigger& t) {
  if ((t.flags & kSwapRoles) != 0 && last + 1 < w.size() && !w[last + 1].lower.empty() &&
      w[last + 1].lower[0] >= '0' && w[last + 1].lower[0] <= '9') {
    return false;
  }
  if (t.form == "raised") {
    for (std::size_t k = i > 8 ? i - 8 : 0; k < std::min(w.size(), last + 4); ++k) {
      if (is_issue_noun(w[k].lower)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

std::vector<Word> split_words(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Word> words;
  bool quoted = false;
  std::size_t i = begin;
  while (i < end) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t mark = mark_length(text, i);
    if (mark == 3) {
      const auto m = static_cast<unsigned char>(text[i + 2]);
      if (m == 0x9C || m == 0x9D) {  // “ ”
        quoted = m == 0x9C;
        words.push_back({i, i + 3, "\"", true, quoted});
      } else if (m == 0x93 || m == 0x94) {  // – —
        words.push_back({i, i + 3, "-", true, quoted});
      }
      i += 3;
      continue;
    }
    if (mark == 2) {
      i += 2;
      continue;
    }
    if (is_word_byte(c)) {
      Word w{i, i, {}, false, quoted};
      while (i < end) {
        std::size_t len = 0;
        const auto b = static_cast<unsigned char>(text[i]);
        if (mark_length(text, i) != 0 && !is_apostrophe(text, i, &len)) {
          break;
        }
        if (is_word_byte(b) && mark_length(text, i) == 0) {
          w.lower.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b | 0x20) : text[i]);
          ++i;
        } else if ((is_apostrophe(text, i, &len) || b == '-') && i + len < end &&
                   is_word_byte(static_cast<unsigned char>(text[i + (len != 0 ? len : 1)]))) {
          w.lower.push_back(b == '-' ? '-' : '\'');
          i += len != 0 ? len : 1;
        } else {
          break;
        }
      }
      w.end = i;
      words.push_back(std::move(w));
      continue;
    }
    if (c == '"') {
      quoted = !quoted;
      words.push_back({i, i + 1, "\"", true, quoted});
    } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
      words.push_back({i, i + 1, std::string(1, text[i]), true, quoted});
    }
    ++i;
  }
  return words;
}

std::optional<std::pair<std::size_t, std::size_t>> word_span(const std::vector<Word>& words,
                                                             std::size_t offset,
                                                             std::size_t end_offset) {
  std::optional<std::size_t> first;
  std::size_t last = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    // A word starting inside the span belongs to it ("Russia's" for the mention "Russia").
    if (words[i].begin >= offset && words[i].begin < end_offset) {
      if (!first) {
        first = i;
      }
      last = i;
    } else if (words[i].begin >= end_offset) {
      break;
    }
  }
  if (!first) {
    return std::nullopt;
  }
  return std::make_pair(*first, last);
}

void find_triggers(SentenceView& view) {
  const auto& index = trigger_index();
  const auto& w = view.words;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i].punct || w[i].quoted) {
      continue;
    }
    const auto it = index.find(w[i].lower);
    if (it == index.end()) {
      continue;
    }
    for (const Trigger* t : it->second) {
      std::size_t last = 0;
      if (!matches(w, i, t->form, &last)) {
        continue;
      }
      if ((t->flags & kNoun) == 0 && t->form.find(' ') == std::string_view::npos && i > 0 &&
          is_adjective_slot(w[i - 1].lower, t->form.ends_with("ed"))) {
        break;  // "the occupied areas", "deployed to occupied territories": an adjective
      }
      if (!ordinary_sense(w, i, last, *t)) {
        break;
      }
      TriggerHit hit{t, i, last, false, false};
      for (std::size_t back = 1; (t->flags & kNoun) != 0 && back <= 3 && back <= i; ++back) {
        hit.light = hit.light || !light_verb_present(w[i - back].lower).empty();
      }
      for (std::size_t back = 1; back <= 4 && back <= i && !w[i - back].punct; ++back) {
        const std::string& before = w[i - back].lower;
        if (is_modal_or_negation(before) || before.ends_with("n't")) {
          hit.hypothetical = (t->flags & kStatementCue) == 0;
        }
      }
      view.triggers.push_back(hit);
      i = last;
      break;
    }
  }
}

bool ends_with_abbreviation(std::string_view sentence) {
  static constexpr auto kAbbreviations = std::to_array<std::string_view>({
#include "lexicon/extract/sentence_abbreviations.inc"
  });
  const std::size_t sp = sentence.find_last_of(" \n");
  const std::string_view last = sp == std::string_view::npos ? sentence : sentence.substr(sp + 1);
  if (std::find(kAbbreviations.begin(), kAbbreviations.end(), last) != kAbbreviations.end()) {
    return true;
  }
  // Initialisms: "U.S.", "U.K.", "U.N.".
  return last.size() >= 4 && last.size() <= 6 && last[1] == '.' && last.back() == '.' &&
         std::all_of(last.begin(), last.end(),
                     [](char c) { return c == '.' || (c >= 'A' && c <= 'Z'); });
}

std::vector<Sentence> join_fragments(std::string_view text,
                                     const std::vector<Sentence>& sentences) {
  std::vector<Sentence> out;
  for (const Sentence& s : sentences) {
    if (!out.empty()) {
      Sentence& prev = out.back();
      const std::string_view gap = text.substr(prev.end, s.begin - prev.end);
      if (gap.find("\n\n") == std::string_view::npos &&
          ends_with_abbreviation(text.substr(prev.begin, prev.end - prev.begin))) {
        prev.end = s.end;
        continue;
      }
    }
    out.push_back(s);
  }
  return out;
}

bool skip_sentence(std::string_view sentence, const std::vector<Word>& words) {
  std::size_t real = 0;
  for (const Word& w : words) {
    real += w.punct ? 0 : 1;
  }
  if (real < 5 || sentence.ends_with('?') || sentence.ends_with("?\"") ||
      sentence.ends_with("?\xe2\x80\x9d")) {
    return true;
  }
  std::string lower(sentence.size(), ' ');
  std::transform(sentence.begin(), sentence.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; });
  for (std::string_view marker : boilerplate_markers()) {
    if (lower.find(marker) != std::string::npos) {
      return true;
    }
  }
  // A sentence that is all quotation (an opinion in someone's words) states no event itself.
  return !words.empty() && words.front().lower == "\"";
}

bool is_dateline(std::string_view text, std::size_t begin, std::size_t end) {
  // Only the 81 bytes before the date are searched for the line's start: a search back to the
  // start of the line made each date cost the length of its line, so a long line of dated
  // sentences took quadratic time (1 MB on one line: 15 s).
  const std::size_t from = begin > 81 ? begin - 81 : 0;
  const std::size_t para = text.substr(from, begin - from).rfind('\n');
  if (para == std::string_view::npos && from > 0) {
    return false;  // the line starts more than 80 bytes before the date
  }
  const std::size_t start = para == std::string_view::npos ? 0 : from + para + 1;
  if (begin - start > 80) {
    return false;
  }
  std::size_t i = end;
  while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == ')')) {
    ++i;
  }
  if (i >= text.size() || text[i] == '\n') {
    return true;  // a date alone on its line ("23 May 2023 03:02")
  }
  // A hyphen right after the date joins a range ("the heating season of 2021-2022"), no
  // dateline's dash (error class: the year read as a dateline, the range's sentence cut there).
  return (text[i] == '-' && i > end) ||
         (mark_length(text, i) == 3 && (static_cast<unsigned char>(text[i + 2]) == 0x93 ||
                                        static_cast<unsigned char>(text[i + 2]) == 0x94));
}

std::size_t after_dateline(std::string_view text, std::size_t begin, std::size_t end) {
  if (!is_dateline(text, begin, end)) {
    return std::string_view::npos;
  }
  std::size_t i = end;
  while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == ')')) {
    ++i;
  }
  if (i < text.size() && text[i] == '-') {
    while (i < text.size() && text[i] == '-') {
      ++i;
    }
  } else if (mark_length(text, i) == 3) {
    i += 3;  // an en or em dash
  } else {
    return std::string_view::npos;  // a date alone on its line
  }
  while (i < text.size() && text[i] == ' ') {
    ++i;
  }
  return i;
}

}  // namespace kb::importers::extract::detail
