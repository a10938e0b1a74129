// Tests storage/sqlite/store_rows.hpp: stored dates back as FuzzyDates, lineage keys, the day of
// a publication time and the permanent id to bind.
#include "storage/sqlite/store_rows.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace kb::sqlite {

TEST_SUITE("storage") {
  TEST_CASE("restore_date reads the TIMEX3 value, else the interval, else says it is corrupt") {
    auto from_value = rows::restore_date("2022-02", "early", 0, 0, "month");
    REQUIRE(from_value.has_value());
    CHECK(from_value->timex() == "2022-02");
    CHECK(from_value->modifier() == Modifier::early);
    const auto first = to_day_number(date::sys_days{date::year{2021} / 6 / 1});
    const auto last = to_day_number(date::sys_days{date::year{2021} / 6 / 3});
    auto from_interval = rows::restore_date("not a value", "", first, last, "day");
    REQUIRE(from_interval.has_value());
    CHECK(from_interval->first() == date::sys_days{date::year{2021} / 6 / 1});
    CHECK(from_interval->precision() == Precision::day);
    CHECK(from_day_number(first) == date::sys_days{date::year{2021} / 6 / 1});
    auto corrupt = rows::restore_date("x1", "", last, first, "day");
    REQUIRE_FALSE(corrupt.has_value());
    CHECK(corrupt.error().code == Errc::storage);
    CHECK(corrupt.error().message == "corrupt date in database: 'x1'");
  }

  TEST_CASE("lineage keys split on spaces and join back") {
    CHECK(rows::split_lineage("") == std::vector<std::string>{});
    CHECK(rows::split_lineage("ab12  cd34 ") == std::vector<std::string>{"ab12", "cd34"});
    CHECK(rows::join_lineage({"ab12", "cd34"}) == "ab12 cd34");
    CHECK(rows::join_lineage({}).empty());
  }

  TEST_CASE(
      "published_day takes the day a publication time starts with, optional_uuid binds NULL") {
    const auto day = rows::published_day(std::string("2023-05-20T10:00:00Z"));
    REQUIRE(day.has_value());
    CHECK(from_day_number(*day) == date::sys_days{date::year{2023} / 5 / 20});
    CHECK_FALSE(rows::published_day(std::string("2023-05")).has_value());
    CHECK_FALSE(rows::published_day(std::nullopt).has_value());
    CHECK_FALSE(rows::optional_uuid("").has_value());
    CHECK(rows::optional_uuid("abc") == "abc");
  }
}

}  // namespace kb::sqlite
