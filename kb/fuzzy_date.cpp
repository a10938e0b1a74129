// FuzzyDate: units of the calendar, modifiers, TIMEX3 values, display and ordering. Parsing is
// in fuzzy_date_parse.cpp. All calendar arithmetic is Howard Hinnant's date / iso_week.
#include "kb/fuzzy_date.hpp"

#include <array>
#include <cassert>
#include <tuple>
#include <utility>

#include <date/iso_week.h>
#include <fmt/format.h>

#include "kb/calendar_words.hpp"

namespace kb {
namespace {

using date::days;
using date::sys_days;

constexpr std::array<std::string_view, 10> kPrecisionNames = {
    "day",     "weekend",   "week", "month",  "season",
    "quarter", "half_year", "year", "decade", "century"};
constexpr std::array<std::string_view, 9> kModifierNames = {
    "none", "early", "mid", "late", "approx", "before", "after", "since", "until"};
constexpr std::array<std::string_view, 9> kTimexMods = {
    "", "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE"};
// How display() writes each modifier in front of the date.
constexpr std::array<std::string_view, 9> kModifierWords = {
    "", "early ", "mid-", "late ", "about ", "before ", "after ", "since ", "until "};
// Seasons start in Dec, Mar, Jun, Sep: indexed by (start month / 3) % 4.
constexpr std::array<std::string_view, 4> kSeasonCodes = {"WI", "SP", "SU", "FA"};
constexpr std::array<std::string_view, 4> kSeasonNames = {"winter", "spring", "summer", "autumn"};

// A closed interval of days.
struct Span {
  sys_days first;
  sys_days last;
};

template <typename E, std::size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) {
      return static_cast<E>(i);
    }
  }
  return std::nullopt;
}

int floor_div(int a, int b) { return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0); }
int year_of(sys_days d) { return static_cast<int>(date::year_month_day{d}.year()); }
unsigned month_of(sys_days d) { return static_cast<unsigned>(date::year_month_day{d}.month()); }
unsigned day_of(sys_days d) { return static_cast<unsigned>(date::year_month_day{d}.day()); }
date::year_month year_month_of(sys_days d) {
  const date::year_month_day ymd{d};
  return ymd.year() / ymd.month();
}
int days_between(sys_days a, sys_days b) { return (b - a).count(); }

Span months_span(date::year_month first, int count) {
  return {sys_days{first / 1}, sys_days{(first + date::months{count - 1}) / date::last}};
}
Span years_span(int first, int count) {
  return {sys_days{date::year{first} / 1 / 1}, sys_days{date::year{first + count - 1} / 12 / 31}};
}
sys_days iso_monday(sys_days d) { return d - (date::weekday{d} - date::Monday); }

// The unit of precision `p` containing `d`.
Span unit_span(sys_days d, Precision p) {
  const date::year_month ym = year_month_of(d);
  const int y = year_of(d);
  const auto m = static_cast<int>(month_of(d));
  switch (p) {
    case Precision::day:
      return {d, d};
    case Precision::weekend:
      return {iso_monday(d) + days{5}, iso_monday(d) + days{6}};
    case Precision::week:
      return {iso_monday(d), iso_monday(d) + days{6}};
    case Precision::month:
      return months_span(ym, 1);
    case Precision::season:  // Jan and Feb belong to the winter that began in December
      return months_span(ym - date::months{m % 3}, 3);
    case Precision::quarter:
      return months_span(ym - date::months{(m - 1) % 3}, 3);
    case Precision::half_year:
      return months_span(ym - date::months{(m - 1) % 6}, 6);
    case Precision::year:
      return years_span(y, 1);
    case Precision::decade:
      return years_span(floor_div(y, 10) * 10, 10);
    case Precision::century:
      return years_span(floor_div(y, 100) * 100, 100);
  }
  return {d, d};
}

// The steps an interval is cut into for early/mid/late.
enum class Step { day, month, year };

Step split_step(Precision p, bool range) {
  if (p <= Precision::week || (p == Precision::month && !range)) {
    return Step::day;
  }
  if (p == Precision::year) {
    return range ? Step::year : Step::month;
  }
  return p < Precision::year ? Step::month : Step::year;
}

// The first day of step `i` of an interval starting at `first`.
sys_days step_start(Step step, sys_days first, int i) {
  switch (step) {
    case Step::day:
      return first + days{i};
    case Step::month:
      return sys_days{(year_month_of(first) + date::months{i}) / 1};
    case Step::year:
      return sys_days{date::year{year_of(first) + i} / 1 / 1};
  }
  return first;
}

int step_count(Step step, Span s) {
  switch (step) {
    case Step::day:
      return days_between(s.first, s.last) + 1;
    case Step::month:
      return (year_month_of(s.last) - year_month_of(s.first)).count() + 1;
    case Step::year:
      return year_of(s.last) - year_of(s.first) + 1;
  }
  return 1;
}

// The first, second or last third (`m` = early, mid, late) of `s`, stated at `p`.
Span third_of(Span s, Precision p, bool range, Modifier m) {
  const Step step = split_step(p, range);
  const int n = step_count(step, s);
  int cut1 = (n + 1) / 3;
  int cut2 = (2 * n + 1) / 3;
  if (p == Precision::month && !range) {
    cut1 = 10;
    cut2 = 20;
  }
  std::pair<int, int> steps{cut2, n};  // [begin, end) in steps
  if (n < 3) {
    steps = m == Modifier::early ? std::pair{0, 1}
            : m == Modifier::mid ? std::pair{0, n}
                                 : std::pair{n - 1, n};
  } else if (m != Modifier::late) {
    steps = m == Modifier::early ? std::pair{0, cut1} : std::pair{cut1, cut2};
  }
  return {step_start(step, s.first, steps.first),
          step_start(step, s.first, steps.second) - days{1}};
}

Span apply_modifier(Span s, Precision p, bool range, Modifier m) {
  switch (m) {
    case Modifier::none:
    case Modifier::approx:
      return s;
    case Modifier::early:
    case Modifier::mid:
    case Modifier::late:
      return third_of(s, p, range, m);
    case Modifier::before:
      return {FuzzyDate::kOpenStart, s.first - days{1}};
    case Modifier::after:
      return {s.last + days{1}, FuzzyDate::kOpenEnd};
    case Modifier::since:
      return {s.first, FuzzyDate::kOpenEnd};
    case Modifier::until:
      return {FuzzyDate::kOpenStart, s.last};
  }
  return s;
}

std::string week_timex(sys_days d) {
  const iso_week::year_weeknum_weekday w{d};
  return fmt::format("{:04}-W{:02}", static_cast<int>(w.year()),
                     static_cast<unsigned>(w.weeknum()));
}

// The TIMEX3 value of the unit of precision `p` containing `d`.
std::string unit_timex(sys_days d, Precision p) {
  d = unit_span(d, p).first;
  const int y = year_of(d);
  const unsigned m = month_of(d);
  switch (p) {
    case Precision::day:
      return iso_day(d);
    case Precision::weekend:
      return week_timex(d) + "-WE";
    case Precision::week:
      return week_timex(d);
    case Precision::month:
      return fmt::format("{:04}-{:02}", y, m);
    case Precision::season:
      return fmt::format("{:04}-{}", y, kSeasonCodes[(m / 3) % 4]);
    case Precision::quarter:
      return fmt::format("{:04}-Q{}", y, (m - 1) / 3 + 1);
    case Precision::half_year:
      return fmt::format("{:04}-H{}", y, (m - 1) / 6 + 1);
    case Precision::year:
      return fmt::format("{:04}", y);
    case Precision::decade:
      return fmt::format("{:03}X", floor_div(y, 10));
    case Precision::century:
      return fmt::format("{:02}XX", floor_div(y, 100));
  }
  return iso_day(d);
}

std::string_view month_name(sys_days d) { return calendar::kMonthNames[month_of(d) - 1]; }
std::string day_text(sys_days d) {
  return fmt::format("{} {} {}", day_of(d), month_name(d), year_of(d));
}
std::string ordinal(int n) {
  const int tens = n % 100;
  const int last = n % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : last == 1                ? "st"
                       : last == 2                ? "nd"
                       : last == 3                ? "rd"
                                                  : "th";
  return fmt::format("{}{}", n, suffix);
}

// Days as people write them: "20–21 May 2023", "30 April – 1 May 2023".
std::string days_text(sys_days first, sys_days last) {
  if (first == last) {
    return day_text(first);
  }
  if (year_month_of(first) == year_month_of(last)) {
    return fmt::format("{}–{} {} {}", day_of(first), day_of(last), month_name(last), year_of(last));
  }
  if (year_of(first) == year_of(last)) {
    return fmt::format("{} {} – {}", day_of(first), month_name(first), day_text(last));
  }
  return fmt::format("{} – {}", day_text(first), day_text(last));
}

std::string unit_text(Span s, Precision p) {
  const int y = year_of(s.first);
  switch (p) {
    case Precision::day:
    case Precision::weekend:
    case Precision::week:
      return days_text(s.first, s.last);
    case Precision::month:
      return fmt::format("{} {}", month_name(s.first), y);
    case Precision::season:
      if (month_of(s.first) == 12) {
        return fmt::format("winter {}–{:02}", y, (y + 1) % 100);
      }
      return fmt::format("{} {}", kSeasonNames[month_of(s.first) / 3], y);
    case Precision::quarter:
      return fmt::format("Q{} {}", (month_of(s.first) - 1) / 3 + 1, y);
    case Precision::half_year:
      return fmt::format("H{} {}", (month_of(s.first) - 1) / 6 + 1, y);
    case Precision::year:
      return fmt::format("{}", y);
    case Precision::decade:
      return fmt::format("the {}s", y);
    case Precision::century:
      return fmt::format("the {} century", ordinal(floor_div(y, 100) + 1));
  }
  return days_text(s.first, s.last);
}

// "2019–2028", "February–May 2022", "20–21 May 2023", "November 2021 – February 2022".
std::string range_text(Span a, Precision pa, Span b, Precision pb) {
  if (pa == Precision::day && pb == Precision::day) {
    return days_text(a.first, b.last);
  }
  std::string left = unit_text(a, pa);
  if (pa == Precision::month && pb == Precision::month && year_of(a.first) == year_of(b.first)) {
    left = month_name(a.first);
  }
  const char* dash = left.find(' ') == std::string::npos ? "–" : " – ";
  return fmt::format("{}{}{}", left, dash, unit_text(b, pb));
}

// "early 2014", "the mid-1990s", "since 2014".
std::string with_words(const std::string& text, Modifier m) {
  const std::string_view word = kModifierWords[static_cast<std::size_t>(m)];
  const bool thirds = m == Modifier::early || m == Modifier::mid || m == Modifier::late;
  if (thirds && text.starts_with("the ")) {
    return fmt::format("the {}{}", word, text.substr(4));
  }
  return fmt::format("{}{}", word, text);
}

}  // namespace

std::string_view to_string(Precision p) { return kPrecisionNames[static_cast<std::size_t>(p)]; }
std::optional<Precision> precision_from_string(std::string_view s) {
  return find_name<Precision>(kPrecisionNames, s);
}
std::string_view to_string(Modifier m) { return kModifierNames[static_cast<std::size_t>(m)]; }
std::optional<Modifier> modifier_from_string(std::string_view s) {
  return find_name<Modifier>(kModifierNames, s);
}

std::optional<Modifier> modifier_from_timex(std::string_view s) {
  return find_name<Modifier>(kTimexMods, s);
}

std::string iso_day(date::sys_days d) {
  const date::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

FuzzyDate FuzzyDate::day(date::year_month_day ymd) {
  assert(ymd.ok());
  return FuzzyDate{sys_days{ymd}, sys_days{ymd}, Precision::day, std::nullopt};
}
FuzzyDate FuzzyDate::month(date::year_month ym) {
  assert(ym.ok());
  return unit(sys_days{ym / 1}, Precision::month);
}
FuzzyDate FuzzyDate::year(date::year y) {
  assert(y.ok());
  return unit(sys_days{y / 1 / 1}, Precision::year);
}
FuzzyDate FuzzyDate::unit(date::sys_days d, Precision p) {
  const Span s = unit_span(d, p);
  return FuzzyDate{s.first, s.last, p, std::nullopt};
}

FuzzyDate FuzzyDate::interval(date::sys_days first, date::sys_days last, Precision p, Modifier m) {
  assert(first <= last);
  const bool one_unit = unit_span(first, p).first == unit_span(last, p).first;
  return FuzzyDate{first, last, p, one_unit ? std::nullopt : std::optional{p}}.with_modifier(m);
}

Result<FuzzyDate> FuzzyDate::range(const FuzzyDate& start, const FuzzyDate& end) {
  if (end.anchor_first_ < start.anchor_first_ || end.anchor_last_ < start.anchor_last_) {
    return fail(Errc::invalid_argument,
                fmt::format("range ends before it starts: '{}/{}'", start.timex(), end.timex()));
  }
  return FuzzyDate{start.anchor_first_, end.anchor_last_, start.precision_,
                   end.range_end_.value_or(end.precision_)};
}

FuzzyDate FuzzyDate::with_modifier(Modifier m) const {
  FuzzyDate d = *this;
  const Span s = apply_modifier({anchor_first_, anchor_last_}, precision_, is_range(), m);
  d.first_ = s.first;
  d.last_ = s.last;
  d.modifier_ = m;
  return d;
}

std::string FuzzyDate::timex() const {
  std::string value = unit_timex(anchor_first_, precision_);
  if (range_end_) {
    value += "/" + unit_timex(anchor_last_, *range_end_);
  }
  return value;
}

std::string_view FuzzyDate::timex_mod() const {
  return kTimexMods[static_cast<std::size_t>(modifier_)];
}

std::string FuzzyDate::display() const {
  if (!range_end_) {
    return with_words(unit_text({anchor_first_, anchor_last_}, precision_), modifier_);
  }
  const Span start = unit_span(anchor_first_, precision_);
  const Span end = unit_span(anchor_last_, *range_end_);
  return with_words(range_text(start, precision_, end, *range_end_), modifier_);
}

std::strong_ordering FuzzyDate::operator<=>(const FuzzyDate& other) const {
  const auto key = [](const FuzzyDate& d) {
    const int range_end = d.range_end_ ? 1 + static_cast<int>(*d.range_end_) : 0;
    return std::tuple{d.first_.time_since_epoch().count(),
                      d.last_.time_since_epoch().count(),
                      d.precision_,
                      d.modifier_,
                      range_end,
                      d.anchor_first_.time_since_epoch().count(),
                      d.anchor_last_.time_since_epoch().count()};
  };
  return key(*this) <=> key(other);
}

bool FuzzyDate::operator==(const FuzzyDate& other) const { return std::is_eq(*this <=> other); }

}  // namespace kb
