// FuzzyDate: what a text says about time, as an interval of days plus the precision it was
// stated at ("1994" is all of 1994 at year precision). Parses and prints TIMEX3 values and the
// dates people write; compares as an interval. Calendar arithmetic is Howard Hinnant's date.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <fmt/format.h>

#include "kb/result.hpp"

namespace kb {

// The unit a date was stated in, finest first. The numeric order is meaningful: a smaller
// value is more precise.
enum class Precision : std::uint8_t {
  day,
  weekend,    // Saturday + Sunday of one ISO week (TIMEX3 2023-W20-WE)
  week,       // an ISO week, Monday..Sunday (2023-W20)
  month,      // 2022-02
  season,     // 2014-SP/SU/FA/WI (northern meteorological seasons; WI spans the year end)
  quarter,    // 2014-Q1
  half_year,  // 2014-H1
  year,       // 1994
  decade,     // 199X
  century,    // 19XX
};

// How the text qualified the date: "early 2014", "about 1994", "since 2014".
enum class Modifier : std::uint8_t {
  none,
  early,   // first third of the unit (TIMEX3 mod START)
  mid,     // middle third (MID)
  late,    // last third (END)
  approx,  // "about", "around" (APPROX)
  before,  // "before 2014": open start, ends where the anchor starts (BEFORE)
  after,   // "after 2014": starts after the anchor, open end (AFTER)
  since,   // "since 2014": from the anchor's start, open end (ON_OR_AFTER)
  until,   // "until 2014": open start, to the anchor's end (ON_OR_BEFORE)
};

// Returns "day", "weekend", ... (the spelling used in the database, JSON and the CLI).
std::string_view to_string(Precision p);
// Parses the spelling of to_string(); nullopt if unknown.
std::optional<Precision> precision_from_string(std::string_view s);
// Returns "none", "early", ... as stored in the database.
std::string_view to_string(Modifier m);
// Parses the spelling of to_string(Modifier); nullopt if unknown.
std::optional<Modifier> modifier_from_string(std::string_view s);
// Parses a TIMEX3 `mod` ("" for none, "START", "ON_OR_AFTER", ...: FuzzyDate::timex_mod());
// nullopt if unknown.
std::optional<Modifier> modifier_from_timex(std::string_view s);

// An interval of days [first, last] with the precision and modifier it was stated at.
// Invariants: first <= last; for a range ("2019–2028") is_range() is true and `precision` is
// the precision of the start. Open ends (before/after/since/until) use kOpenStart / kOpenEnd so
// that interval queries still work.
//
// Modifiers early/mid/late take thirds of the stated unit, counted in whole steps:
//   day: the day itself; weekend: Saturday / Saturday+Sunday / Sunday; week: Mon-Tue / Wed-Fri /
//   Sat-Sun; month: days 1-10 / 11-20 / 21-end; season, quarter: one month each; half-year: two
//   months each; year: Jan-Apr / May-Aug / Sep-Dec; decade: 1990-92 / 1993-96 / 1997-99;
//   century: 1900-32 / 1933-66 / 1967-99. A range is cut in days (day-like starts), months
//   (month, season, quarter, half-year starts) or years; of n steps, early is the first
//   round(n/3), late starts at round(2n/3); a range of fewer than 3 steps gives its first / all /
//   last step.
// display() writes a week (like a weekend) as its days, "15–21 May 2023"; parse() also reads
// "week 20 of 2023".
class FuzzyDate {
 public:
  static constexpr date::sys_days kOpenStart = date::sys_days{date::year{-9999} / 1 / 1};
  static constexpr date::sys_days kOpenEnd = date::sys_days{date::year{9999} / 12 / 31};

  // A single day / a month / a year / an ISO week ... Requires: valid calendar values.
  static FuzzyDate day(date::year_month_day ymd);
  static FuzzyDate month(date::year_month ym);
  static FuzzyDate year(date::year y);
  // The unit of precision `p` that contains `d`: unit(2014-02-10, quarter) is 2014-Q1,
  // unit(2015-01-10, season) is winter 2014-15 (2014-WI), unit(a Tuesday, weekend) is the
  // weekend of its ISO week, unit(1994-05-01, century) is 19XX (1900-1999).
  static FuzzyDate unit(date::sys_days d, Precision p);
  // The span from `start` to `end` ("2019–2028", TIMEX3 2019/2028), at the precision of
  // `start`; modifiers of either are ignored. Error (invalid_argument) if `end` starts or ends
  // before `start` does.
  static Result<FuzzyDate> range(const FuzzyDate& start, const FuzzyDate& end);
  // Any interval at a stated precision (used by the tagger and the store). [`first`, `last`] is
  // the date stated; `m` is then applied as with_modifier(m) does. If `first` and `last` lie in
  // different units of `p` the result is a range; timex() names the units, not the exact days.
  // Requires: first <= last.
  static FuzzyDate interval(date::sys_days first, date::sys_days last, Precision p,
                            Modifier m = Modifier::none);

  // Parses a TIMEX3 value: 1994, 2022-02, 2022-02-24, 2023-W20, 2023-W20-WE, 2014-Q1,
  // 2014-H2, 2014-SU, 199X, 19XX, ranges 2019/2028. Error (parse) naming the value otherwise,
  // e.g. "not a date: '2023-13'".
  static Result<FuzzyDate> from_timex(std::string_view value);

  // Parses what a person types: a TIMEX3 value or "24 Feb 2022", "February 24, 2022",
  // "Feb 2022", "the 1990s", "early 2014", "2019-2028", "2019–2028", "since 2014".
  // Relative words ("last week") are the date tagger's job. Error (invalid_argument) naming
  // the text on failure: "not a date: '32 May 2023'".
  static Result<FuzzyDate> parse(std::string_view text);

  // The same date with another modifier, its interval recomputed: early 2014 is Jan-Apr 2014,
  // since 2014 is [2014-01-01, kOpenEnd]. The store persists timex() + modifier and restores
  // with from_timex(value)->with_modifier(m).
  FuzzyDate with_modifier(Modifier m) const;

  date::sys_days first() const { return first_; }
  date::sys_days last() const { return last_; }
  Precision precision() const { return precision_; }
  Modifier modifier() const { return modifier_; }
  // The interval as stated before the modifier: "since 2014" -> 2014-01-01 .. 2014-12-31.
  date::sys_days stated_first() const { return anchor_first_; }
  date::sys_days stated_last() const { return anchor_last_; }
  // True for "2019–2028" style spans between two stated dates.
  bool is_range() const { return range_end_.has_value(); }

  // The TIMEX3 value: "1994", "2022-02", "2023-W20-WE", "2019/2028" (modifiers are not part of
  // the value; see timex_mod()).
  std::string timex() const;
  // The TIMEX3 mod attribute: "", "START", "MID", "END", "APPROX", "BEFORE", "AFTER",
  // "ON_OR_AFTER", "ON_OR_BEFORE".
  std::string_view timex_mod() const;
  // As people write it: "1994", "February 2022", "24 February 2022", "20–21 May 2023",
  // "15–21 May 2023" (a week), "Q1 2014", "summer 2014", "the 1990s", "the 20th century",
  // "early 2014", "since 2014", "2019–2028".
  std::string display() const;

  // Interval relations.
  bool contains(date::sys_days d) const { return first_ <= d && d <= last_; }
  bool contains(const FuzzyDate& other) const {
    return first_ <= other.first_ && other.last_ <= last_;
  }
  bool overlaps(const FuzzyDate& other) const {
    return first_ <= other.last_ && other.first_ <= last_;
  }

  // Chronological order: by first day, then the shorter (more precise) interval first, then the
  // finer precision; remaining ties (modifier, range, stated unit) are broken so that the order
  // is total and == holds only for identical dates.
  std::strong_ordering operator<=>(const FuzzyDate& other) const;
  bool operator==(const FuzzyDate& other) const;

 private:
  // An unmodified date: [first, last] as stated.
  FuzzyDate(date::sys_days first, date::sys_days last, Precision p,
            std::optional<Precision> range_end)
      : first_(first),
        last_(last),
        precision_(p),
        range_end_(range_end),
        anchor_first_(first),
        anchor_last_(last) {}

  // The interval meant, after the modifier: [first_, last_].
  date::sys_days first_;
  date::sys_days last_;
  Precision precision_ = Precision::day;
  Modifier modifier_ = Modifier::none;
  std::optional<Precision> range_end_;  // set iff this is a range; precision of its end
  // The interval as stated, before the modifier; timex() and with_modifier() start from it.
  date::sys_days anchor_first_;
  date::sys_days anchor_last_;
};

// Formats a day as ISO 8601 "2022-02-24".
std::string iso_day(date::sys_days d);

}  // namespace kb

template <>
struct fmt::formatter<kb::FuzzyDate> : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(const kb::FuzzyDate& d, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(d.display(), ctx);
  }
};
