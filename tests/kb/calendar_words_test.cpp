// Tests for kb/calendar_words.hpp: the month and weekday words every date reader of kb shares.
#include "kb/calendar_words.hpp"

#include <doctest/doctest.h>

#include "importers/timex/tagger.hpp"
#include "kb/fuzzy_date.hpp"

TEST_SUITE("kb") {
  TEST_CASE("month and weekday words: full names and abbreviations, any case, a final stop") {
    using kb::calendar::month_number;
    using kb::calendar::weekday_number;
    CHECK(month_number("January") == 1);
    CHECK(month_number("sept.") == 9);
    CHECK(month_number("SEP") == 9);
    CHECK(month_number("Dec") == 12);
    CHECK(month_number("Janu") == 0);  // not a spelling kb reads
    CHECK(month_number("") == 0);
    CHECK(weekday_number("Thurs.") == 4);
    CHECK(weekday_number("sun") == 7);
    // Words that only start like a weekday (the timestamp reader once took them for one).
    CHECK(weekday_number("Monument") == 0);
    CHECK(weekday_number("Saturn") == 0);
    CHECK(weekday_number("Wedding") == 0);
    // Every month and weekday has its full name among the words, numbered in order.
    for (std::size_t i = 0; i < kb::calendar::kMonthNames.size(); ++i) {
      CHECK(month_number(kb::calendar::kMonthNames[i]) == static_cast<int>(i) + 1);
    }
    for (std::size_t i = 0; i < kb::calendar::kWeekdayNames.size(); ++i) {
      CHECK(weekday_number(kb::calendar::kWeekdayNames[i]) == static_cast<int>(i) + 1);
    }
  }

  TEST_CASE("the readers of dates agree on the words: typed dates, prose, display") {
    // A typed date with an abbreviation, and how kb writes it.
    const auto typed = kb::FuzzyDate::parse("4 Sept 2022");
    REQUIRE(typed.has_value());
    CHECK(typed->timex() == "2022-09-04");
    CHECK(typed->display() == "4 September 2022");
    // In prose the tagger reads "Sept." and "Thurs." but not "sat" or "Sun" (ordinary words).
    const std::string text = "He sat down on Thurs. 8 Sept. The Sun reported it.";
    const auto found = kb::timex::tag(text, date::sys_days{date::year{2022} / 9 / 10});
    REQUIRE(found.size() == 2);
    CHECK(text.substr(found[0].begin, found[0].end - found[0].begin).starts_with("Thurs"));
    CHECK(found[1].value == "2022-09-08");
  }
}
