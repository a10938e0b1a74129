// FuzzyDate::from_timex: TIMEX3 values, table-driven: a value's shape (digits as 'd', e.g.
// "dddd-Wdd") picks the row whose builder checks the calendar and makes the date.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include <date/iso_week.h>
#include <fmt/format.h>

#include "kb/fuzzy_date.hpp"

namespace kb {
namespace {

using date::sys_days;
using Nums = std::array<int, 6>;  // the numbers read from a value, in order; unused ones are 0
using Build = std::optional<FuzzyDate> (*)(const Nums& n);

unsigned u(int n) { return static_cast<unsigned>(n); }

// All of `s` as a decimal number; nullopt unless `s` is 1-4 digits.
std::optional<int> to_int(std::string_view s) {
  int value = 0;
  if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

std::optional<FuzzyDate> unit_at(int y, int m, Precision p) {
  return FuzzyDate::unit(sys_days{date::year{y} / date::month{u(m)} / 1}, p);
}

// ---- Builders: numbers in, a date out (nullopt if the calendar says no). ----

std::optional<FuzzyDate> build_year(const Nums& n) { return FuzzyDate::year(date::year{n[0]}); }
std::optional<FuzzyDate> build_month(const Nums& n) {
  const date::year_month ym{date::year{n[0]}, date::month{u(n[1])}};
  return ym.ok() ? std::optional{FuzzyDate::month(ym)} : std::nullopt;
}
std::optional<FuzzyDate> build_day(const Nums& n) {
  const date::year_month_day ymd{date::year{n[0]}, date::month{u(n[1])}, date::day{u(n[2])}};
  return ymd.ok() ? std::optional{FuzzyDate::day(ymd)} : std::nullopt;
}
// A date-time (2023-05-23T03:02[:05]) is its day; the time must still be a time.
std::optional<FuzzyDate> build_date_time(const Nums& n) {
  return n[3] <= 24 && n[4] <= 59 && n[5] <= 60 ? build_day(n) : std::nullopt;
}
template <unsigned kWeekday, Precision kPrecision>
std::optional<FuzzyDate> build_week(const Nums& n) {
  const iso_week::year_weeknum_weekday w{iso_week::year{n[0]}, iso_week::weeknum{u(n[1])},
                                         iso_week::weekday{kWeekday}};
  return w.ok() ? std::optional{FuzzyDate::unit(sys_days{w}, kPrecision)} : std::nullopt;
}
template <int kMonths, Precision kPrecision>  // quarter (3 months) or half-year (6) number n[1]
std::optional<FuzzyDate> build_part(const Nums& n) {
  const bool ok = n[1] >= 1 && n[1] <= 12 / kMonths;
  return ok ? unit_at(n[0], (n[1] - 1) * kMonths + 1, kPrecision) : std::nullopt;
}
template <int kMonth>  // the month a season starts in
std::optional<FuzzyDate> build_season(const Nums& n) {
  return unit_at(n[0], kMonth, Precision::season);
}
std::optional<FuzzyDate> build_decade(const Nums& n) {
  return unit_at(n[0] * 10, 1, Precision::decade);
}
std::optional<FuzzyDate> build_century(const Nums& n) {
  return unit_at(n[0] * 100, 1, Precision::century);
}

// ---- TIMEX3 values ----

// The shape of a TIMEX3 value (digits as 'd') and what builds it from the value's numbers.
struct TimexRow {
  std::string_view shape;
  Build build;
};
constexpr std::array kTimexRows = {
    TimexRow{"dddd", &build_year},
    TimexRow{"dddd-dd", &build_month},
    TimexRow{"dddd-dd-dd", &build_day},
    TimexRow{"dddd-dd-ddTdd:dd", &build_date_time},
    TimexRow{"dddd-dd-ddTdd:dd:dd", &build_date_time},
    TimexRow{"dddd-Wdd", &build_week<1, Precision::week>},
    TimexRow{"dddd-Wdd-WE", &build_week<6, Precision::weekend>},
    TimexRow{"dddd-Qd", &build_part<3, Precision::quarter>},
    TimexRow{"dddd-Hd", &build_part<6, Precision::half_year>},
    TimexRow{"dddd-SP", &build_season<3>},
    TimexRow{"dddd-SU", &build_season<6>},
    TimexRow{"dddd-FA", &build_season<9>},
    TimexRow{"dddd-WI", &build_season<12>},
    TimexRow{"dddX", &build_decade},
    TimexRow{"ddXX", &build_century},
};

std::string shape_of(std::string_view v) {
  std::string shape(v);
  for (char& c : shape) {
    c = std::isdigit(static_cast<unsigned char>(c)) != 0 ? 'd' : c;
  }
  return shape;
}

// The runs of digits in `v`, as numbers. Requires: at most 6 runs of at most 4 digits.
Nums numbers_in(std::string_view v) {
  Nums n{};
  std::size_t count = 0;
  std::size_t pos = v.find_first_of("0123456789");
  while (pos != std::string_view::npos && count < n.size()) {
    const std::size_t end = std::min(v.find_first_not_of("0123456789", pos), v.size());
    n[count++] = to_int(v.substr(pos, end - pos)).value_or(0);
    pos = v.find_first_of("0123456789", end);
  }
  return n;
}

// One TIMEX3 unit (no '/').
std::optional<FuzzyDate> timex_unit(std::string_view v) {
  const std::string shape = shape_of(v);
  for (const TimexRow& row : kTimexRows) {
    if (row.shape == shape) {
      return row.build(numbers_in(v));
    }
  }
  return std::nullopt;
}

std::optional<FuzzyDate> range_of(const std::optional<FuzzyDate>& a,
                                  const std::optional<FuzzyDate>& b) {
  if (!a || !b) {
    return std::nullopt;
  }
  Result<FuzzyDate> r = FuzzyDate::range(*a, *b);
  return r ? std::optional{*r} : std::nullopt;
}

// A TIMEX3 value: a unit or a range "start/end".
std::optional<FuzzyDate> timex_value(std::string_view v) {
  const std::size_t slash = v.find('/');
  if (slash == std::string_view::npos) {
    return timex_unit(v);
  }
  return range_of(timex_unit(v.substr(0, slash)), timex_unit(v.substr(slash + 1)));
}

}  // namespace

Result<FuzzyDate> FuzzyDate::from_timex(std::string_view value) {
  if (std::optional<FuzzyDate> d = timex_value(value)) {
    return *d;
  }
  return fail(Errc::parse, fmt::format("not a date: '{}'", value));
}

}  // namespace kb
