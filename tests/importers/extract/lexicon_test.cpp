// Tests for importers/extract/lexicon.cpp: the trigger lexicon's rows read through the extractor:
// each trigger gives its event kind; the names in data/lexicon/extract/triggers.tsv.
#include "importers/extract/lexicon.hpp"

#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/importers/extract/extract_fixture.hpp"

namespace {

using kb::importers::extract::Extraction;

}  // namespace

TEST_SUITE("importers") {
  using kb::test::hand_rules::run;

  TEST_CASE("Extractor reads agreements, declarations, replies, alarms and coming visits") {
    struct Case {
      const char* text;
      const char* kind;
      const char* date;
    };
    const Case cases[] = {
        {"Putin and Lavrov agreed today that the ministry would present its views.", "agreement",
         "2023-05-23"},
        {"The Russia-NATO 2002 Rome Declaration set out the principles of their council.",
         "agreement", "2002"},
        {"Many of the suggestions were part of the January 26 response sent by Washington.",
         "statement", "2023-01-26"},
        {"Last night there were air alarms almost all over the country.", "attack", "2023-05-22"},
        {"The Federal Chancellor of Germany is coming tomorrow to continue the talks.", "visit",
         "2023-05-24"},
        {"They recalled the moment of signing the 1997 Founding Act between the two.", "agreement",
         "1997"},
        {"The leaders discussed the grain corridor at today's meeting in the capital.", "meeting",
         "2023-05-23"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      const Extraction x = run(c.text);
      REQUIRE(x.events.size() == 1);
      CHECK(kb::to_string(x.events[0].kind) == c.kind);
      CHECK(x.events[0].date.timex().substr(0, 10) == c.date);
    }
  }
}

TEST_SUITE("importers") {
  // The second blind round's cases (eval/events/README.md).
  using kb::test::blind_round::run;

  TEST_CASE("Extractor reads coups, conversations, announcements, parades and killings") {
    struct Case {
      const char* text;
      const char* kind;
    };
    for (const Case& c : {
             Case{"The crisis emerged after a coup staged in Ukraine in 2014.", "other"},
             Case{"I had a conversation with President Erdogan today about the port.", "meeting"},
             Case{"Officials talked over the phone with their Russian colleagues yesterday.",
                  "meeting"},
             Case{"Today, I'm glad to announce here in Davos that we are setting up a group.",
                  "statement"},
             Case{"The military parade on Red Square on 9 May 2022 featured new tanks.", "other"},
             Case{"Dozens were burned alive in the House of Trade Unions in May 2014.", "attack"},
         }) {
      CAPTURE(c.text);
      const Extraction x = run(c.text);
      REQUIRE(x.events.size() == 1);
      CHECK(kb::to_string(x.events[0].kind) == c.kind);
    }
  }
}

// The trigger table's names (data/lexicon/extract/triggers.tsv): a misspelt one stops the build;
// this test says which file and line it is on.
TEST_SUITE("importers") {
  TEST_CASE("every row of triggers.tsv names a known event kind and known flags") {
    namespace ex = kb::importers::extract;
    for (const kb::EventKind k : kb::event_kinds()) {
      CHECK(ex::trigger_kind(kb::to_string(k)) == k);
    }
    CHECK_FALSE(ex::trigger_kind("atack").has_value());
    CHECK(ex::trigger_flags("verb") == ex::kVerb);
    CHECK(ex::trigger_flags("weak") == ex::kWeak);
    CHECK(ex::trigger_flags("noun+noun_title+weak") == (ex::kNoun | ex::kNounTitle | ex::kWeak));
    CHECK_FALSE(ex::trigger_flags("noun+").has_value());
    CHECK_FALSE(ex::trigger_flags("verb+weak").has_value());
    CHECK_FALSE(ex::trigger_flags("nuon").has_value());

    const std::string path = std::string(KB_SOURCE_DIR) + "/data/lexicon/extract/triggers.tsv";
    std::ifstream in(path);
    REQUIRE(in);
    std::string line;
    std::size_t line_no = 0, rows = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line[0] == '#') {
        continue;
      }
      const std::string where = path + ":" + std::to_string(line_no);
      CAPTURE(where);
      std::vector<std::string> fields;
      std::size_t at = 0;
      for (std::size_t tab = line.find('\t'); tab != std::string::npos;
           at = tab + 1, tab = line.find('\t', at)) {
        fields.push_back(line.substr(at, tab - at));
      }
      fields.push_back(line.substr(at));
      REQUIRE(fields.size() == 5);
      CHECK(ex::trigger_kind(fields[1]).has_value());
      CHECK(ex::trigger_flags(fields[4]).has_value());
      ++rows;
    }
    CHECK(rows == ex::triggers().size());
  }
}
