// Private to the date tagger: the rule functions (rules.cpp, rules_words.cpp) that match_at()
// tries at each token that can start a temporal expression.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "importers/timex/internal.hpp"

namespace kb::timex::detail {

// A count read from the text: "3", "three", "twenty-four", "a", "a couple of"; value -1 for
// unspecified counts ("several", "a few"). `last` is its last token.
struct Count {
  std::int64_t value = 0;
  std::size_t last = 0;
  bool half = false;  // "2 1/2": value 2 and a half
};
std::optional<Count> read_count(const Context& ctx, std::size_t i);

// True if token i is a calendar unit word ("day", "weeks", "quarter"), and which unit.
inline bool is_unit(const Context& ctx, std::size_t i) { return ctx.is_cat(i, Cat::unit); }
inline Unit unit_at(const Context& ctx, std::size_t i) {
  return static_cast<Unit>(ctx.at(i).lex.value);
}
// A candidate over tokens first..last with a ready TIMEX3 value.
inline Candidate make(std::size_t first, std::size_t last, TimexType type, std::string value) {
  Candidate c;
  c.first = first;
  c.last = last;
  c.type = type;
  c.value = std::move(value);
  return c;
}
// A DATE (or TIME, below a day) candidate for the calendar value `v`.
inline Candidate make_date(std::size_t first, std::size_t last, const DateVal& v) {
  Candidate c = make(first, last, v.gran <= Gran::part_of_day ? TimexType::time : TimexType::date,
                     format_value(v));
  c.date = v;
  return c;
}
// make_date(), noting whether the text stated the year.
inline Candidate date_candidate(std::size_t first, std::size_t last, const DateVal& v,
                                bool explicit_year) {
  Candidate c = make_date(first, last, v);
  c.explicit_year = explicit_year;
  return c;
}
// Whether y-m-d is a day of the calendar.
inline bool valid_day(int y, int m, int d) {
  return date::year_month_day{date::year{y}, date::month{static_cast<unsigned>(m)},
                              date::day{static_cast<unsigned>(d)}}
      .ok();
}

// Explicit dates, years, decades, centuries, BC years and clock times starting with a number.
std::optional<Candidate> match_number(Context& ctx, std::size_t i);
// Years, decades ("1990s", "'90s"), centuries ("20th century") and BC years.
// Whether token i is a 4-digit year (1000-2199), not part of a bigger number or a code
// ("F-1990"), a document number ("decree No. 1096"), a clock time ("1500 GMT") or a count
// ("used 1370 missiles").
bool is_year_token(const Context& ctx, std::size_t i);

std::optional<Candidate> match_year_like(Context& ctx, std::size_t i);
// "10:30 a.m.", "10 p.m.", "13:37", "10 p.m. Wednesday": a clock time (rules_time.cpp).
std::optional<Candidate> match_clock(Context& ctx, std::size_t i);
// "Thanksgiving Day", "Christmas Eve", "last Christmas", "Election Day" (rules_holiday.cpp).
std::optional<Candidate> match_holiday(Context& ctx, std::size_t i);
// "noon Thursday", "midnight Friday": a time on a named day.
std::optional<Candidate> match_noon(Context& ctx, std::size_t i);
// "nineteen ninety-seven": a year in words.
std::optional<Candidate> match_word_year(Context& ctx, std::size_t i);
// "May 20, 2023", "May 2023", "May" (bare month names resolved by tense).
std::optional<Candidate> match_month(Context& ctx, std::size_t i);
// "three years", "10-year", "a few days", "two weeks ago", "a year earlier".
std::optional<Candidate> match_duration(Context& ctx, std::size_t i);
// "Saturday", "Saturday night", "Sunday, May 21, 2023".
std::optional<Candidate> match_weekday(Context& ctx, std::size_t i);
// "last week", "next year", "this month", "the past three months", "the following day".
std::optional<Candidate> match_relative(Context& ctx, std::size_t i);
// now, today, yesterday, tonight, recently, currently, the future, ...
std::optional<Candidate> match_reference(Context& ctx, std::size_t i);
// every year, each week, daily, weekly, annually.
std::optional<Candidate> match_set(Context& ctx, std::size_t i);
// "the third quarter", "third-quarter", "the first half of 1998", "Q3 2014", "fiscal 1998".
std::optional<Candidate> match_quarter(Context& ctx, std::size_t i);
// "summer", "the summer of 1940", "this spring".
std::optional<Candidate> match_season(Context& ctx, std::size_t i);
// "the first nine months": a duration.
std::optional<Candidate> match_first_n(Context& ctx, std::size_t i);
// "the quarter", "the weekend", "the year-earlier quarter" (starts at "the").
std::optional<Candidate> match_the(Context& ctx, std::size_t i);
// Phrases after "the" (rules_phrases.cpp): "the year ended ...", "the full year", "the
// nineties", "the year two thousand", "the near term", "the weeks ahead".
std::optional<Candidate> match_the_phrase(Context& ctx, std::size_t i);
// The other day of a span of days: "24" in "June 23-24" or "April 24 and 25", "20" in
// "20-21 May 2023" (rules_phrases.cpp).
std::optional<Candidate> match_day_span(Context& ctx, std::size_t i);
// "year-end", "year end", "year's end": the end of the year reported on (rules_phrases.cpp).
std::optional<Candidate> match_year_end(Context& ctx, std::size_t i);
// "year-earlier", "for years", "within weeks".
std::optional<Candidate> match_bare_unit(Context& ctx, std::size_t i);
// "the nineteenth century".
std::optional<Candidate> match_ordinal_century(Context& ctx, std::size_t i);

}  // namespace kb::timex::detail
