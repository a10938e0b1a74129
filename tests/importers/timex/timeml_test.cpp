// Tests of the TimeML reader and the TempEval-3 Task A scorer (importers/timex/timeml.hpp).
#include "importers/timex/timeml.hpp"

#include <string>

#include <doctest/doctest.h>

TEST_SUITE("importers") {
  TEST_CASE("timex TimeML scorer: gold against itself is 100, damage shows") {
    const std::string tml =
        "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">x</TIMEX3></DCT>"
        "<TEXT>Sales rose &amp; fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1997\">last "
        "year</TIMEX3> and <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3M\">three "
        "months</TIMEX3>.</TEXT></TimeML>";
    auto doc = kb::timex::parse_timeml(tml, "t");
    REQUIRE(doc.has_value());
    CHECK(doc->text == "Sales rose & fell last year and three months.");
    REQUIRE(doc->timexes.size() == 2);
    CHECK(doc->text.substr(doc->timexes[0].begin, 9) == "last year");
    const auto same = kb::timex::score_timexes(doc->timexes, doc->timexes);
    CHECK(same.strict_f1() == doctest::Approx(100.0));
    CHECK(same.value_f1() == doctest::Approx(100.0));
    auto damaged = doc->timexes;
    damaged[0].value = "1996";
    damaged[1].begin += 1;
    const auto s = kb::timex::score_timexes(doc->timexes, damaged);
    CHECK(s.relaxed_f1() == doctest::Approx(100.0));
    CHECK(s.strict_f1() == doctest::Approx(50.0));
    CHECK(s.value_f1() == doctest::Approx(50.0));
  }

  TEST_CASE("TimeML reader keeps each EVENT's words and class") {
    const std::string tml =
        "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">x</TIMEX3></DCT>"
        "<TEXT>Troops <EVENT eid=\"e1\" class=\"OCCURRENCE\">attacked</EVENT> the town, "
        "officials <EVENT eid=\"e2\" class=\"REPORTING\">said</EVENT> <TIMEX3 tid=\"t1\" "
        "type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3>.<EVENT eid=\"e3\" "
        "class=\"STATE\"/></TEXT></TimeML>";
    auto doc = kb::timex::parse_timeml(tml, "t");
    REQUIRE(doc.has_value());
    CHECK(doc->text == "Troops attacked the town, officials said yesterday.");
    REQUIRE(doc->events.size() == 2);  // an empty EVENT carries no words
    CHECK(doc->text.substr(doc->events[0].begin, doc->events[0].end - doc->events[0].begin) ==
          "attacked");
    CHECK(doc->events[0].cls == "OCCURRENCE");
    CHECK(doc->events[1].cls == "REPORTING");
    CHECK(doc->timexes.size() == 1);
  }
}
