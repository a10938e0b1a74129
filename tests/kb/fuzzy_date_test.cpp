// Tests for kb/fuzzy_date.cpp and kb/fuzzy_date_parse.cpp: TIMEX3 values, what people type,
// display, modifiers, ordering and the store's round trip (timex + modifier).
#include "kb/fuzzy_date.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace {

using kb::FuzzyDate;
using kb::Modifier;
using kb::Precision;

date::sys_days on(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

// The way the store restores a date: its TIMEX3 value plus its modifier.
void check_round_trip(const FuzzyDate& d) {
  CAPTURE(d.timex());
  CAPTURE(kb::to_string(d.modifier()));
  const kb::Result<FuzzyDate> back = FuzzyDate::from_timex(d.timex());
  REQUIRE(back.has_value());
  CHECK(back->with_modifier(d.modifier()) == d);
}

FuzzyDate tx(std::string_view value, Modifier m = Modifier::none) {
  const kb::Result<FuzzyDate> d = FuzzyDate::from_timex(value);
  REQUIRE_MESSAGE(d.has_value(), value);
  return d->with_modifier(m);
}

}  // namespace

TEST_SUITE("kb") {
  TEST_CASE("FuzzyDate::from_timex reads every TIMEX3 form") {
    struct Case {
      std::string_view value;
      date::sys_days first;
      date::sys_days last;
      Precision precision;
      std::string_view display;
    };
    const std::vector<Case> cases = {
        {"1994", on(1994, 1, 1), on(1994, 12, 31), Precision::year, "1994"},
        {"2022-02", on(2022, 2, 1), on(2022, 2, 28), Precision::month, "February 2022"},
        {"2024-02", on(2024, 2, 1), on(2024, 2, 29), Precision::month, "February 2024"},
        {"2022-02-24", on(2022, 2, 24), on(2022, 2, 24), Precision::day, "24 February 2022"},
        {"2024-02-29", on(2024, 2, 29), on(2024, 2, 29), Precision::day, "29 February 2024"},
        {"2023-W20", on(2023, 5, 15), on(2023, 5, 21), Precision::week, "15–21 May 2023"},
        {"2023-W20-WE", on(2023, 5, 20), on(2023, 5, 21), Precision::weekend, "20–21 May 2023"},
        {"2022-W17-WE", on(2022, 4, 30), on(2022, 5, 1), Precision::weekend,
         "30 April – 1 May 2022"},
        {"2022-W52-WE", on(2022, 12, 31), on(2023, 1, 1), Precision::weekend,
         "31 December 2022 – 1 January 2023"},
        {"2020-W53", on(2020, 12, 28), on(2021, 1, 3), Precision::week,
         "28 December 2020 – 3 January 2021"},
        {"2019-W01", on(2018, 12, 31), on(2019, 1, 6), Precision::week,
         "31 December 2018 – 6 January 2019"},
        {"2014-Q1", on(2014, 1, 1), on(2014, 3, 31), Precision::quarter, "Q1 2014"},
        {"2014-Q4", on(2014, 10, 1), on(2014, 12, 31), Precision::quarter, "Q4 2014"},
        {"2014-H1", on(2014, 1, 1), on(2014, 6, 30), Precision::half_year, "H1 2014"},
        {"2014-H2", on(2014, 7, 1), on(2014, 12, 31), Precision::half_year, "H2 2014"},
        {"2014-SP", on(2014, 3, 1), on(2014, 5, 31), Precision::season, "spring 2014"},
        {"2014-SU", on(2014, 6, 1), on(2014, 8, 31), Precision::season, "summer 2014"},
        {"2014-FA", on(2014, 9, 1), on(2014, 11, 30), Precision::season, "autumn 2014"},
        {"2014-WI", on(2014, 12, 1), on(2015, 2, 28), Precision::season, "winter 2014–15"},
        {"2015-WI", on(2015, 12, 1), on(2016, 2, 29), Precision::season, "winter 2015–16"},
        {"1999-WI", on(1999, 12, 1), on(2000, 2, 29), Precision::season, "winter 1999–00"},
        {"199X", on(1990, 1, 1), on(1999, 12, 31), Precision::decade, "the 1990s"},
        {"19XX", on(1900, 1, 1), on(1999, 12, 31), Precision::century, "the 20th century"},
        {"20XX", on(2000, 1, 1), on(2099, 12, 31), Precision::century, "the 21st century"},
        {"2019/2028", on(2019, 1, 1), on(2028, 12, 31), Precision::year, "2019–2028"},
        {"2022-02/2022-05", on(2022, 2, 1), on(2022, 5, 31), Precision::month, "February–May 2022"},
        {"2021-11/2022-02", on(2021, 11, 1), on(2022, 2, 28), Precision::month,
         "November 2021 – February 2022"},
        {"2023-05-20/2023-05-21", on(2023, 5, 20), on(2023, 5, 21), Precision::day,
         "20–21 May 2023"},
        {"2022-04-30/2022-05-01", on(2022, 4, 30), on(2022, 5, 1), Precision::day,
         "30 April – 1 May 2022"},
        {"199X/2014", on(1990, 1, 1), on(2014, 12, 31), Precision::decade, "the 1990s – 2014"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.value);
      const kb::Result<FuzzyDate> d = FuzzyDate::from_timex(c.value);
      REQUIRE(d.has_value());
      CHECK(d->first() == c.first);
      CHECK(d->last() == c.last);
      CHECK(d->precision() == c.precision);
      CHECK(d->modifier() == Modifier::none);
      CHECK(d->is_range() == (c.value.find('/') != std::string_view::npos));
      CHECK(d->timex() == c.value);
      CHECK(d->timex_mod() == "");
      CHECK(d->display() == c.display);
      CHECK(fmt::format("{}", *d) == c.display);
      check_round_trip(*d);
    }
  }

  TEST_CASE("FuzzyDate::from_timex reads a date-time as its day") {
    for (std::string_view value : {"2023-05-23T03:02", "2023-05-23T03:02:59"}) {
      CAPTURE(value);
      const kb::Result<FuzzyDate> d = FuzzyDate::from_timex(value);
      REQUIRE(d.has_value());
      CHECK(*d == FuzzyDate::day(date::year{2023} / 5 / 23));
      CHECK(d->timex() == "2023-05-23");
    }
  }

  TEST_CASE("FuzzyDate::from_timex rejects invalid values with the value in the message") {
    const std::vector<std::string_view> cases = {
        "2023-13",
        "2023-02-30",
        "2023-02-29",
        "2023-W54",
        "2021-W53",
        "2023-W00",
        "2014-Q5",
        "2014-Q0",
        "2014-H3",
        "2014-XX",
        "2014-su",
        "19X",
        "garbage",
        "",
        "1994-",
        "/1994",
        "2028/2019",
        "2023-00",
        "2023-05-00",
        "2023-5-2",
        "99999",
        "1994 ",
        "2023-05-23T25:00",
        "2023-05-23T",
        "2022/2022-",
        "2022-02-24x",
    };
    for (std::string_view value : cases) {
      CAPTURE(value);
      const kb::Result<FuzzyDate> d = FuzzyDate::from_timex(value);
      REQUIRE_FALSE(d.has_value());
      CHECK(d.error().code == kb::Errc::parse);
      CHECK(d.error().message == fmt::format("not a date: '{}'", value));
    }
  }

  TEST_CASE("FuzzyDate::parse reads what people type") {
    struct Case {
      std::string_view text;
      std::string_view timex;
      Modifier modifier;
    };
    const std::vector<Case> cases = {
        {"24 Feb 2022", "2022-02-24", Modifier::none},
        {"24 February 2022", "2022-02-24", Modifier::none},
        {"24th February 2022", "2022-02-24", Modifier::none},
        {"February 24, 2022", "2022-02-24", Modifier::none},
        {"Feb. 24, 2022", "2022-02-24", Modifier::none},
        {"Feb 2022", "2022-02", Modifier::none},
        {"February 2022", "2022-02", Modifier::none},
        {"Sept 2021", "2021-09", Modifier::none},
        {"2022-02-24", "2022-02-24", Modifier::none},
        {"1994", "1994", Modifier::none},
        {"in 1994", "1994", Modifier::none},
        {"the 1990s", "199X", Modifier::none},
        {"1990s", "199X", Modifier::none},
        {"the '90s", "199X", Modifier::none},
        {"the \u201990s", "199X", Modifier::none},
        {"early 2014", "2014", Modifier::early},
        {"mid-2014", "2014", Modifier::mid},
        {"mid 2014", "2014", Modifier::mid},
        {"late 2014", "2014", Modifier::late},
        {"the late 1990s", "199X", Modifier::late},
        {"the mid-1990s", "199X", Modifier::mid},
        {"mid-February 2022", "2022-02", Modifier::mid},
        {"about 1994", "1994", Modifier::approx},
        {"around 1994", "1994", Modifier::approx},
        {"since 2014", "2014", Modifier::since},
        {"before 2014", "2014", Modifier::before},
        {"after 2014", "2014", Modifier::after},
        {"until 2014", "2014", Modifier::until},
        {"since February 2022", "2022-02", Modifier::since},
        {"2019-2028", "2019/2028", Modifier::none},
        {"2019–2028", "2019/2028", Modifier::none},
        {"2019 – 2028", "2019/2028", Modifier::none},
        {"2019 to 2028", "2019/2028", Modifier::none},
        {"from 2019 to 2028", "2019/2028", Modifier::none},
        {"between 2019 and 2028", "2019/2028", Modifier::none},
        {"2019/2028", "2019/2028", Modifier::none},
        {"2022-02/2022-05", "2022-02/2022-05", Modifier::none},
        {"20-21 May 2023", "2023-05-20/2023-05-21", Modifier::none},
        {"20–21 May 2023", "2023-05-20/2023-05-21", Modifier::none},
        {"30 April – 1 May 2023", "2023-04-30/2023-05-01", Modifier::none},
        {"31 December 2022 – 1 January 2023", "2022-12-31/2023-01-01", Modifier::none},
        {"February–May 2022", "2022-02/2022-05", Modifier::none},
        {"November 2021 – February 2022", "2021-11/2022-02", Modifier::none},
        {"summer 2014", "2014-SU", Modifier::none},
        {"autumn 2014", "2014-FA", Modifier::none},
        {"fall 2014", "2014-FA", Modifier::none},
        {"winter 2014", "2014-WI", Modifier::none},
        {"winter 2014–15", "2014-WI", Modifier::none},
        {"Q1 2014", "2014-Q1", Modifier::none},
        {"H2 2014", "2014-H2", Modifier::none},
        {"the 20th century", "19XX", Modifier::none},
        {"21st century", "20XX", Modifier::none},
        {"the 1990s – 2014", "199X/2014", Modifier::none},
        {"week 20 of 2023", "2023-W20", Modifier::none},
        {"2023-W20-WE", "2023-W20-WE", Modifier::none},
        {"2014-q1", "2014-Q1", Modifier::none},
        {"SUMMER 2014", "2014-SU", Modifier::none},
        {"  \t24   FEB 2022 \n", "2022-02-24", Modifier::none},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      const kb::Result<FuzzyDate> d = FuzzyDate::parse(c.text);
      REQUIRE(d.has_value());
      CHECK(d->timex() == c.timex);
      CHECK(d->modifier() == c.modifier);
      CHECK(*d == tx(c.timex, c.modifier));
      check_round_trip(*d);
    }
  }

  TEST_CASE("FuzzyDate::parse rejects what is not a date, naming the text") {
    const std::vector<std::string_view> cases = {
        "32 May 2023",
        "31 February 2023",
        "29 February 2023",
        "",
        "   ",
        "yesterday",
        "Q5 2014",
        "2028-2019",
        "2023-13",
        "week 54 of 2023",
        "early",
        "since",
        "May",
        "24 May",
        "winter 2014–16",
        "the 0th century",
        "Febr 30 2022",
        "between 2019",
        "2019 to",
        "mid-",
    };
    for (std::string_view text : cases) {
      CAPTURE(text);
      const kb::Result<FuzzyDate> d = FuzzyDate::parse(text);
      REQUIRE_FALSE(d.has_value());
      CHECK(d.error().code == kb::Errc::invalid_argument);
    }
    const kb::Result<FuzzyDate> bad = FuzzyDate::parse(" 32 May 2023 ");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message == "not a date: '32 May 2023'");
  }

  TEST_CASE("FuzzyDate::display reads back through parse") {
    struct Case {
      std::string_view timex;
      Modifier modifier;
      std::string_view display;
    };
    const std::vector<Case> cases = {
        {"1994", Modifier::none, "1994"},
        {"2022-02", Modifier::none, "February 2022"},
        {"2022-02-24", Modifier::none, "24 February 2022"},
        {"2014-Q1", Modifier::none, "Q1 2014"},
        {"2014-H1", Modifier::none, "H1 2014"},
        {"2014-SU", Modifier::none, "summer 2014"},
        {"2014-WI", Modifier::none, "winter 2014–15"},
        {"199X", Modifier::none, "the 1990s"},
        {"19XX", Modifier::none, "the 20th century"},
        {"2014", Modifier::early, "early 2014"},
        {"2014", Modifier::mid, "mid-2014"},
        {"2014", Modifier::late, "late 2014"},
        {"199X", Modifier::early, "the early 1990s"},
        {"199X", Modifier::mid, "the mid-1990s"},
        {"19XX", Modifier::late, "the late 20th century"},
        {"1994", Modifier::approx, "about 1994"},
        {"2014", Modifier::since, "since 2014"},
        {"2014", Modifier::before, "before 2014"},
        {"2014", Modifier::after, "after 2014"},
        {"2014", Modifier::until, "until 2014"},
        {"2019/2028", Modifier::none, "2019–2028"},
        {"2022-02/2022-05", Modifier::none, "February–May 2022"},
        {"2023-05-20/2023-05-21", Modifier::none, "20–21 May 2023"},
        {"2022-12-31/2023-01-01", Modifier::none, "31 December 2022 – 1 January 2023"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.timex);
      CAPTURE(c.display);
      const FuzzyDate d = tx(c.timex, c.modifier);
      CHECK(d.display() == c.display);
      const kb::Result<FuzzyDate> back = FuzzyDate::parse(d.display());
      REQUIRE(back.has_value());
      CHECK(*back == d);
    }
  }

  TEST_CASE("FuzzyDate::with_modifier recomputes the interval") {
    const date::sys_days open_start = FuzzyDate::kOpenStart;
    const date::sys_days open_end = FuzzyDate::kOpenEnd;
    struct Case {
      std::string_view timex;
      Modifier modifier;
      date::sys_days first;
      date::sys_days last;
      std::string_view mod;
    };
    const std::vector<Case> cases = {
        {"2014", Modifier::early, on(2014, 1, 1), on(2014, 4, 30), "START"},
        {"2014", Modifier::mid, on(2014, 5, 1), on(2014, 8, 31), "MID"},
        {"2014", Modifier::late, on(2014, 9, 1), on(2014, 12, 31), "END"},
        {"2014", Modifier::approx, on(2014, 1, 1), on(2014, 12, 31), "APPROX"},
        {"2014", Modifier::since, on(2014, 1, 1), open_end, "ON_OR_AFTER"},
        {"2014", Modifier::after, on(2015, 1, 1), open_end, "AFTER"},
        {"2014", Modifier::before, open_start, on(2013, 12, 31), "BEFORE"},
        {"2014", Modifier::until, open_start, on(2014, 12, 31), "ON_OR_BEFORE"},
        {"2022-02", Modifier::early, on(2022, 2, 1), on(2022, 2, 10), "START"},
        {"2022-02", Modifier::mid, on(2022, 2, 11), on(2022, 2, 20), "MID"},
        {"2022-02", Modifier::late, on(2022, 2, 21), on(2022, 2, 28), "END"},
        {"2024-02", Modifier::late, on(2024, 2, 21), on(2024, 2, 29), "END"},
        {"2022-02-24", Modifier::early, on(2022, 2, 24), on(2022, 2, 24), "START"},
        {"2022-02-24", Modifier::before, open_start, on(2022, 2, 23), "BEFORE"},
        {"2023-W20", Modifier::early, on(2023, 5, 15), on(2023, 5, 16), "START"},
        {"2023-W20", Modifier::mid, on(2023, 5, 17), on(2023, 5, 19), "MID"},
        {"2023-W20", Modifier::late, on(2023, 5, 20), on(2023, 5, 21), "END"},
        {"2023-W20-WE", Modifier::early, on(2023, 5, 20), on(2023, 5, 20), "START"},
        {"2023-W20-WE", Modifier::mid, on(2023, 5, 20), on(2023, 5, 21), "MID"},
        {"2023-W20-WE", Modifier::late, on(2023, 5, 21), on(2023, 5, 21), "END"},
        {"2014-WI", Modifier::early, on(2014, 12, 1), on(2014, 12, 31), "START"},
        {"2014-WI", Modifier::late, on(2015, 2, 1), on(2015, 2, 28), "END"},
        {"2014-Q2", Modifier::mid, on(2014, 5, 1), on(2014, 5, 31), "MID"},
        {"2014-H2", Modifier::late, on(2014, 11, 1), on(2014, 12, 31), "END"},
        {"199X", Modifier::early, on(1990, 1, 1), on(1992, 12, 31), "START"},
        {"199X", Modifier::mid, on(1993, 1, 1), on(1996, 12, 31), "MID"},
        {"199X", Modifier::late, on(1997, 1, 1), on(1999, 12, 31), "END"},
        {"19XX", Modifier::early, on(1900, 1, 1), on(1932, 12, 31), "START"},
        {"19XX", Modifier::mid, on(1933, 1, 1), on(1966, 12, 31), "MID"},
        {"19XX", Modifier::late, on(1967, 1, 1), on(1999, 12, 31), "END"},
        {"2019/2028", Modifier::early, on(2019, 1, 1), on(2021, 12, 31), "START"},
        {"2019/2028", Modifier::since, on(2019, 1, 1), open_end, "ON_OR_AFTER"},
        {"2022-02/2022-05", Modifier::late, on(2022, 5, 1), on(2022, 5, 31), "END"},
        {"2023-05-20/2023-05-21", Modifier::mid, on(2023, 5, 20), on(2023, 5, 21), "MID"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.timex);
      CAPTURE(kb::to_string(c.modifier));
      const FuzzyDate d = tx(c.timex, c.modifier);
      CHECK(d.first() == c.first);
      CHECK(d.last() == c.last);
      CHECK(d.modifier() == c.modifier);
      CHECK(d.timex() == c.timex);
      CHECK(d.timex_mod() == c.mod);
      CHECK(d.stated_first() == tx(c.timex).first());
      CHECK(d.stated_last() == tx(c.timex).last());
      CHECK(d.with_modifier(Modifier::none) == tx(c.timex));
      check_round_trip(d);
    }
  }

  TEST_CASE("FuzzyDate orders by first day, then shorter, then finer precision") {
    const FuzzyDate day_range =
        FuzzyDate::interval(on(1994, 1, 1), on(1994, 1, 31), Precision::day);
    const std::vector<FuzzyDate> expected = {
        tx("1990", Modifier::before),
        tx("19XX"),
        tx("199X"),
        tx("1994-01-01"),
        day_range,
        tx("1994-01"),
        tx("1994-Q1"),
        tx("1994-H1"),
        tx("1994"),
        tx("1994/1996"),
        tx("1994", Modifier::since),
        tx("1994-W01"),
        tx("1994-01-09"),
        tx("1994-02"),
        tx("2014-WI"),
        tx("2015"),
    };
    std::vector<FuzzyDate> sorted(expected.rbegin(), expected.rend());
    std::rotate(sorted.begin(), sorted.begin() + 5, sorted.end());
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CAPTURE(i);
      CAPTURE(expected[i].display());
      CHECK(sorted[i].display() == expected[i].display());
      CHECK(sorted[i] == expected[i]);
    }
    CHECK(tx("1994") < tx("1994", Modifier::approx));
    CHECK(tx("1994") != tx("1994", Modifier::approx));
    CHECK(tx("1994") == FuzzyDate::year(date::year{1994}));
    CHECK(day_range.precision() < tx("1994-01").precision());
    CHECK((tx("1994-01") <=> day_range) == std::strong_ordering::greater);
  }

  TEST_CASE("FuzzyDate factories and interval relations") {
    CHECK(FuzzyDate::month(date::year{2024} / 2).last() == on(2024, 2, 29));
    CHECK(FuzzyDate::unit(on(2015, 1, 10), Precision::season).timex() == "2014-WI");
    CHECK(FuzzyDate::unit(on(2023, 5, 16), Precision::weekend).timex() == "2023-W20-WE");
    CHECK(FuzzyDate::unit(on(2021, 1, 2), Precision::week).timex() == "2020-W53");
    CHECK(FuzzyDate::unit(on(1994, 5, 1), Precision::century).timex() == "19XX");
    CHECK(FuzzyDate::unit(on(2000, 5, 1), Precision::decade).timex() == "200X");

    const FuzzyDate two_days =
        FuzzyDate::interval(on(2023, 5, 20), on(2023, 5, 21), Precision::day);
    CHECK(two_days.is_range());
    CHECK(two_days.timex() == "2023-05-20/2023-05-21");
    const FuzzyDate since =
        FuzzyDate::interval(on(2014, 1, 1), on(2014, 12, 31), Precision::year, Modifier::since);
    CHECK_FALSE(since.is_range());
    CHECK(since == tx("2014", Modifier::since));
    CHECK(since.last() == FuzzyDate::kOpenEnd);

    const kb::Result<FuzzyDate> backwards = FuzzyDate::range(tx("2028"), tx("2019"));
    REQUIRE_FALSE(backwards.has_value());
    CHECK(backwards.error().code == kb::Errc::invalid_argument);

    const FuzzyDate y1994 = tx("1994");
    CHECK(y1994.contains(on(1994, 6, 1)));
    CHECK_FALSE(y1994.contains(on(1995, 1, 1)));
    CHECK(y1994.contains(tx("1994-Q2")));
    CHECK_FALSE(y1994.contains(tx("199X")));
    CHECK(y1994.overlaps(tx("199X")));
    CHECK_FALSE(y1994.overlaps(tx("1995-01")));
    CHECK(tx("1993", Modifier::since).overlaps(tx("2050")));
  }

  TEST_CASE("Precision and Modifier spellings round-trip") {
    for (int i = 0; i <= static_cast<int>(Precision::century); ++i) {
      const auto p = static_cast<Precision>(i);
      CAPTURE(kb::to_string(p));
      CHECK(kb::precision_from_string(kb::to_string(p)) == p);
    }
    for (int i = 0; i <= static_cast<int>(Modifier::until); ++i) {
      const auto m = static_cast<Modifier>(i);
      CAPTURE(kb::to_string(m));
      CHECK(kb::modifier_from_string(kb::to_string(m)) == m);
    }
    CHECK(kb::to_string(Precision::half_year) == "half_year");
    CHECK(kb::to_string(Modifier::approx) == "approx");
    CHECK_FALSE(kb::precision_from_string("fortnight").has_value());
    CHECK_FALSE(kb::modifier_from_string("").has_value());
  }

  TEST_CASE("iso_day formats a day as ISO 8601") {
    CHECK(kb::iso_day(on(2022, 2, 24)) == "2022-02-24");
    CHECK(kb::iso_day(on(994, 5, 1)) == "0994-05-01");
    CHECK(kb::iso_day(FuzzyDate::kOpenEnd) == "9999-12-31");
  }
}
