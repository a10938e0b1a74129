// Sentence segmentation: ICU's sentence BreakIterator over a UTF-8 UText, so that its indices
// are already UTF-8 byte offsets (no UTF-16 copy, no index mapping).
#include "importers/sentences.hpp"

#include <algorithm>
#include <array>
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

namespace kb::importers {
namespace {

// U_FAILURE as a bool (it returns ICU's UBool).
bool failed(UErrorCode status) { return U_FAILURE(status) != 0; }

// Abbreviations after which a period does not end a sentence, on top of ICU's English list.
constexpr auto kAbbreviations = std::to_array<std::string_view>({
#include "lexicon/sentences/abbreviations.inc"
});

// A sentence iterator with ICU's English suppressions plus kAbbreviations; null on failure.
icu::BreakIterator* make_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale::getEnglish(), status));
  if (failed(status)) {
    return nullptr;
  }
  for (const std::string_view a : kAbbreviations) {
    builder->suppressBreakAfter(
        icu::UnicodeString::fromUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size()))),
        status);
  }
  icu::BreakIterator* base =
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status);
  if (failed(status)) {
    delete base;  // NOLINT(cppcoreguidelines-owning-memory): ICU hands out raw owning pointers
    return nullptr;
  }
  icu::BreakIterator* wrapped = builder->wrapIteratorWithFilter(base, status);  // adopts base
  if (failed(status)) {
    delete wrapped;  // NOLINT(cppcoreguidelines-owning-memory): as above
    return nullptr;
  }
  return wrapped;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; }

std::vector<std::size_t> glue_points(std::string_view s, std::size_t b, std::size_t e);

// Adds [b, e) of `s`, trimmed, split at every blank line, to `out`.
void add_trimmed(std::string_view s, std::size_t b, std::size_t e, std::vector<Sentence>& out) {
  while (b < e) {
    while (b < e && is_space(s[b])) {
      ++b;
    }
    // NBSP (C2 A0) counts as space at the edges too.
    while (b + 1 < e && s[b] == '\xC2' && s[b + 1] == '\xA0') {
      b += 2;
      while (b < e && is_space(s[b])) {
        ++b;
      }
    }
    const std::size_t blank = s.substr(0, e).find("\n\n", b);
    const std::size_t stop = blank == std::string_view::npos ? e : blank;
    std::size_t t = stop;
    while (t > b &&
           (is_space(s[t - 1]) || (t >= b + 2 && s[t - 2] == '\xC2' && s[t - 1] == '\xA0'))) {
      t -= is_space(s[t - 1]) ? std::size_t{1} : std::size_t{2};
    }
    if (t > b) {
      std::size_t from = b;
      for (const std::size_t p : glue_points(s, b, t)) {
        std::size_t end = p;
        while (end > from && is_space(s[end - 1])) {
          --end;
        }
        out.push_back(Sentence{from, end});
        from = p;
      }
      out.push_back(Sentence{from, t});
    }
    b = stop;
  }
}

// True iff [b, e) ends with an abbreviation of kAbbreviations followed by spaces only (no line
// break), so that a break at `e` would split "Lt. Col. Smith".
bool ends_with_abbreviation(std::string_view s, std::size_t b, std::size_t e) {
  std::size_t t = e;
  while (t > b && (s[t - 1] == ' ' || s[t - 1] == '\t')) {
    --t;
  }
  if (t == e || t == b || s[t - 1] != '.') {
    return false;
  }
  std::size_t w = t;
  while (w > b && !is_space(s[w - 1])) {
    --w;
  }
  const std::string_view word = s.substr(w, t - w);
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// Words that often start a sentence.
constexpr auto kStarters = std::to_array<std::string_view>({
#include "lexicon/sentences/starters.inc"
});

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit_ascii(char c) { return c >= '0' && c <= '9'; }

// Lower-case abbreviations a number follows inside a sentence ("approx. 100").
constexpr auto kNumberAbbreviations = std::to_array<std::string_view>({
#include "lexicon/sentences/number_abbreviations.inc"
});

// Whether a sentence starts at `i` of [b, e), a number ICU kept with the sentence before it
// ("Tried to kill nations. 102 years later, ..."): a lower-case word of three letters or more
// (not kNumberAbbreviations) and ". " before it, a space and a word after it.
bool number_starts(std::string_view s, std::size_t b, std::size_t e, std::size_t i) {
  if (i < b + 5 || !is_digit_ascii(s[i]) || s[i - 1] != ' ' || s[i - 2] != '.') {
    return false;
  }
  std::size_t w = i - 2;
  while (w > b && is_lower_ascii(s[w - 1])) {
    --w;
  }
  if (i - 2 - w < 3 || (w > b && s[w - 1] != ' ' && s[w - 1] != '(') ||
      std::find(kNumberAbbreviations.begin(), kNumberAbbreviations.end(), s.substr(w, i - 2 - w)) !=
          kNumberAbbreviations.end()) {
    return false;
  }
  std::size_t k = i;
  while (k < e && (is_digit_ascii(s[k]) || s[k] == ',')) {
    ++k;
  }
  return k + 1 < e && s[k] == ' ' && (is_lower_ascii(s[k + 1]) || is_upper_ascii(s[k + 1]));
}

// Byte offsets inside [b, e) where two sentences were glued by a scraper: "statementHe added"
// (three or more lower-case letters, then a starter word) or "in March.The new" (sentence
// punctuation directly before a starter word). Only starter words count, which keeps
// "McDonald", "LinkedIn", "iPhone" and "Caliber.Az" whole. Also where a number starts a
// sentence ICU did not end (number_starts).
std::vector<std::size_t> glue_points(std::string_view s, std::size_t b, std::size_t e) {
  std::vector<std::size_t> points;
  for (std::size_t i = b + 3; i < e; ++i) {
    if (number_starts(s, b, e, i)) {
      points.push_back(i);
      continue;
    }
    if (!is_upper_ascii(s[i])) {
      continue;
    }
    std::size_t head = i;  // start of the word glued to the starter
    while (head > b && is_lower_ascii(s[head - 1])) {
      --head;
    }
    const bool after_lower =
        i - head >= 3 && (head == b || s[head - 1] == ' ' || s[head - 1] == '(');
    const bool after_stop = (s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?') &&
                            is_lower_ascii(s[i - 2]) && is_lower_ascii(s[i - 3]);
    if (!after_lower && !after_stop) {
      continue;
    }
    std::size_t w = i;
    while (w < e && ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= 'A' && s[w] <= 'Z'))) {
      ++w;
    }
    const std::string_view word = s.substr(i, w - i);
    if (w < e && s[w] == ' ' &&
        std::find(kStarters.begin(), kStarters.end(), word) != kStarters.end()) {
      points.push_back(i);
    }
  }
  return points;
}

// Fallback without ICU: paragraphs, then ". " / "! " / "? " before an upper-case letter.
void split_simple(std::string_view s, std::vector<Sentence>& out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const bool stop = (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
                      s[i + 2] >= 'A' && s[i + 2] <= 'Z';
    if (stop) {
      add_trimmed(s, start, i + 1, out);
      start = i + 1;
    }
  }
  add_trimmed(s, start, s.size(), out);
}

}  // namespace

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> iter;
};

SentenceSplitter::SentenceSplitter() : impl_(std::make_unique<Impl>()) {
  impl_->iter.reset(make_iterator());
}

SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<Sentence> SentenceSplitter::split(std::string_view utf8) {
  std::vector<Sentence> out;
  if (utf8.empty()) {
    return out;
  }
  if (!impl_->iter) {
    split_simple(utf8, out);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (failed(status)) {
    utext_close(text);
    split_simple(utf8, out);
    return out;
  }
  impl_->iter->setText(text, status);
  if (failed(status)) {
    utext_close(text);
    split_simple(utf8, out);
    return out;
  }
  auto begin = static_cast<std::size_t>(impl_->iter->first());
  for (std::int32_t next = impl_->iter->next(); next != icu::BreakIterator::DONE;
       next = impl_->iter->next()) {
    const auto end = static_cast<std::size_t>(next);
    if (end < utf8.size() && ends_with_abbreviation(utf8, begin, end)) {
      continue;  // ICU's filter misses some entries ("Lt."): keep the sentence going
    }
    add_trimmed(utf8, begin, end, out);
    begin = end;
  }
  add_trimmed(utf8, begin, utf8.size(), out);
  // The iterator keeps its own shallow clone of `text`; it is re-pointed before any next use.
  utext_close(text);
  return out;
}

std::vector<Sentence> split_sentences(std::string_view utf8) {
  SentenceSplitter splitter;
  return splitter.split(utf8);
}

}  // namespace kb::importers
