// Which date expressions can date an event: calendar intervals, not open spans, quotes,
// datelines or "today" meaning nowadays; and the dateline day of an undated article.
#include <algorithm>
#include <array>

#include "importers/extract/internal.hpp"

namespace kb::importers::extract::detail {

namespace {

bool has_year_digits(std::string_view s) {
  std::size_t run = 0;
  for (char c : s) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run == 4) {
      return true;
    }
  }
  return false;
}

// A present-tense state within a few words after word `at` ("Today, sanctions represent an
// opportunity"), not a progressive or passive event ("today the leaders are meeting", "today
// the treaty is signed") nor a past one ("today Russia signed").
bool present_state_after(const SentenceView& v, std::size_t at) {
  static constexpr auto kStative = std::to_array<std::string_view>({
#include "lexicon/extract/stative_verbs.inc"
  });
  const auto eventive = [](const std::string& w) {
    return w.ends_with("ed") || w.ends_with("ing") || w == "held" || w == "was" || w == "were" ||
           w == "will" || w == "has" || w == "have" || w == "had";
  };
  std::size_t k = at + 1;
  if (k < v.words.size() && v.words[k].lower == ",") {
    ++k;
  }
  for (std::size_t n = 0; n < 4 && k < v.words.size(); ++n, ++k) {
    const std::string& w = v.words[k].lower;
    if (v.words[k].punct || eventive(w)) {
      return false;
    }
    if (std::find(kStative.begin(), kStative.end(), w) != kStative.end()) {
      return k + 1 >= v.words.size() || !eventive(v.words[k + 1].lower);
    }
  }
  return false;
}

// "Today" meaning "nowadays": "the documents of today", "what it is today", "are absolutely
// real today" (a present-tense "is"/"are" before it with no participle in between: "we are
// meeting today" is an event), "Today, sanctions represent ..." (a present state after it).
bool nowadays(const SentenceView& v, const timex::Timex& t, std::string_view written) {
  if (written != "today" && written != "Today") {
    return false;
  }
  std::size_t at = 0;
  while (at < v.words.size() && v.words[at].begin < t.begin) {
    ++at;
  }
  if (at > 0 && v.words[at - 1].lower == "of") {
    return true;
  }
  for (std::size_t back = 1; back <= 3 && back <= at; ++back) {
    const std::string& w = v.words[at - back].lower;
    if (w.ends_with("ed") || w.ends_with("ing") || w == "held" || v.words[at - back].punct) {
      return false;
    }
    if (w == "is" || w == "are" || w == "remains" || w == "remain") {
      return true;
    }
  }
  return at < v.words.size() && present_state_after(v, at);
}

}  // namespace

// Whether a date expression can date an event: a calendar interval, not an open span ("since
// 2014" is a duration), not quoted, not the dateline; without a DCT only explicit years.
bool usable(const timex::Timex& t, const SentenceView& v, const DocContext& doc) {
  if ((t.type != timex::TimexType::date && t.type != timex::TimexType::time) || !t.date) {
    return false;
  }
  const Modifier m = t.date->modifier();
  if (m == Modifier::before || m == Modifier::after || m == Modifier::since ||
      m == Modifier::until) {
    return false;
  }
  const std::string_view written = doc.text.substr(t.begin, t.end - t.begin);
  if ((!doc.dct && !has_year_digits(written)) || nowadays(v, t, written)) {
    return false;
  }
  for (const auto& w : v.words) {
    if (w.begin == t.begin && w.quoted) {
      return false;
    }
  }
  return !is_dateline(doc.text, t.begin, t.end);
}

// The day of a dateline near the top of `text` (a full date alone on its line, or followed by a
// dash), for articles whose publication date the reader did not find.
std::optional<date::sys_days> dateline_day(std::string_view text) {
  constexpr std::size_t kHead = 800;
  const std::string_view head = text.substr(0, std::min(text.size(), kHead));
  for (const auto& t : timex::tag(head, date::sys_days{date::year{2000} / 1 / 1})) {
    if (t.date && t.date->precision() == Precision::day &&
        has_year_digits(head.substr(t.begin, t.end - t.begin)) &&
        is_dateline(text, t.begin, t.end)) {
      return t.date->first();
    }
  }
  return std::nullopt;
}

// Could `t` date an event at all (the cheap checks of usable())?
bool candidate(const timex::Timex& t, std::string_view text, bool has_dct) {
  if ((t.type != timex::TimexType::date && t.type != timex::TimexType::time) || !t.date) {
    return false;
  }
  return has_dct || has_year_digits(text.substr(t.begin, t.end - t.begin));
}

}  // namespace kb::importers::extract::detail
