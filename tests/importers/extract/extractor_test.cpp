// Tests for importers/extract/extractor.cpp: Extractor::extract() over whole articles: which
// sentences become events, their dates, kinds, roles, titles, status and quotes, the relations
// between them, the article's topics, merged duplicates, what is never an event, and the hand
// rules kb falls back on without its models.
#include "importers/extract/extractor.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/importers/extract/extract_fixture.hpp"

namespace {

namespace ex = kb::importers::extract;
using kb::importers::extract::Extraction;

}  // namespace

TEST_SUITE("importers") {
  using kb::test::hand_rules::run;

  TEST_CASE("Extractor reads actor, verb, object and date from a clause") {
    const std::string text =
        "The US helped persuade Ukraine in 1994 to give up its nuclear weapons, offering it "
        "security assurances alongside the UK and Russia. Moscow violated that agreement when it "
        "annexed Crimea and moved military units into eastern Ukraine in 2014.";
    const Extraction x = run(text);
    REQUIRE(x.events.size() == 2);
    const auto& annex = x.events[1];
    CHECK(annex.title == "Russia annexes Crimea");
    CHECK(annex.kind == kb::EventKind::territorial_change);
    CHECK(annex.date.timex() == "2014");
    CHECK(annex.status == kb::Status::reported);
    CHECK(annex.quote == text.substr(annex.quote_begin, annex.quote_end - annex.quote_begin));
    CHECK(annex.quote.starts_with("Moscow violated"));
    CHECK(x.events[0].kind == kb::EventKind::agreement);
    CHECK(x.events[0].date.timex() == "1994");
    REQUIRE(x.links.size() == 1);
    CHECK(x.links[0].relation == kb::Relation::violates);
    CHECK(x.links[0].from == 1);
    CHECK(x.links[0].to == 0);
  }

  TEST_CASE("Extractor marks future events planned and resolves relative dates") {
    const Extraction x =
        run("It is now part of the agenda for the NATO summit in July in Vilnius, the capital.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].title == "NATO summit in Vilnius");
    CHECK(x.events[0].kind == kb::EventKind::meeting);
    CHECK(x.events[0].date.timex() == "2023-07");
    CHECK(x.events[0].status == kb::Status::planned);
  }

  TEST_CASE("Extractor finds no event in reporting verbs, questions, footers and datelines") {
    const std::array cases = {
        "The minister said on Tuesday that the economy was growing steadily.",
        "Will Russia invade Ukraine again in 2024 as many fear?",
        "Caliber.az \xc2\xa9 2025. All rights reserved by the publisher of this article.",
        "\xe2\x80\x9cWe signed the treaty in 2019 and we keep it,\xe2\x80\x9d he said.",
        "Russia would never invade Ukraine in 2022, the ambassador argued at length.",
        "Russia has captured land since 2014, including Crimea and parts of Donbas.",
    };
    for (const char* text : cases) {
      CAPTURE(text);
      CHECK(run(text).events.empty());
    }
    const Extraction dateline =
        run("LONDON, March 2 - Britain and France held talks about the plan.",
            date::sys_days{date::year{1987} / 3 / 2});
    CHECK(dateline.events.empty());
  }

  TEST_CASE("Extractor without a publication date uses only explicit years and warns") {
    const Extraction x = run(
        "Russia invaded Ukraine last year, officials said. Russia annexed Crimea in March 2014.",
        std::nullopt);
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].title == "Russia annexes Crimea");
    CHECK(x.events[0].date.timex() == "2014-03");
    CHECK(x.warnings.size() == 1);
  }

  TEST_CASE("Extractor adds the article's main subjects as mentioned participants") {
    const Extraction x =
        run("Ukraine wants guarantees. Ukraine needs weapons. Ukraine met allies. Biden visited "
            "Poland in February.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].title == "Biden visits Poland");
    REQUIRE_FALSE(x.topics.empty());
    CHECK(x.topics[0].name == "Ukraine");
    bool mentioned = false;
    for (const auto& p : x.events[0].participants) {
      mentioned = mentioned || (p.name == "Ukraine" && p.role == kb::Role::mentioned);
    }
    CHECK(mentioned);
  }

  TEST_CASE("Extractor attaches a topic only to events told near it or its places") {
    const Extraction x =
        run("Ukraine wants guarantees. Ukraine needs weapons. Ukraine met allies.\n\nBiden "
            "visited Lviv in February.\n\nWashington signed an aid agreement with Israel in 2016, "
            "officials in Washington and Jerusalem said.");
    REQUIRE(x.events.size() == 2);
    REQUIRE_FALSE(x.topics.empty());
    CHECK(x.topics[0].name == "Ukraine");
    const auto mentions_ukraine = [](const kb::importers::extract::ExtractedEvent& e) {
      return std::any_of(e.participants.begin(), e.participants.end(), [](const auto& p) {
        return p.name == "Ukraine" && p.role == kb::Role::mentioned;
      });
    };
    CHECK(x.events[0].date.timex() == "2023-02");
    CHECK(mentions_ukraine(x.events[0]));  // Lviv lies in Ukraine
    CHECK(x.events[1].date.timex() == "2016");
    CHECK_FALSE(mentions_ukraine(x.events[1]));
  }

  TEST_CASE("Extractor reads report-style sentences: collective actors, light verbs, footnotes") {
    const std::string text =
        "Russian forces conducted limited ground offensives in three towns near Izyum on May "
        "20.[6] Officials expect more.";
    const Extraction x = run(text);
    REQUIRE(x.events.size() == 1);
    const auto& e = x.events[0];
    CHECK(e.title == "Russia conducts offensives");  // "Russian forces" act for Russia
    CHECK(e.kind == kb::EventKind::attack);
    CHECK(e.date.timex() == "2023-05-20");
    CHECK(e.quote ==
          "Russian forces conducted limited ground offensives in three towns near Izyum "
          "on May 20.");
    CHECK(e.quote == text.substr(e.quote_begin, e.quote_end - e.quote_begin));
    // Without a light verb a common noun still needs its date next to it.
    CHECK(run("The offensives in three towns near the river ended, officials said on May 20.")
              .events.empty());
    // A demonym before an ordinary noun does not act.
    const Extraction city = run("The Ukrainian city was shelled by artillery on May 20.");
    for (const auto& ev : city.events) {
      for (const auto& p : ev.participants) {
        CHECK(p.role != kb::Role::actor);
      }
    }
  }

  TEST_CASE("Extractor: an office acts for its country, a later clause's 'will' is not a plan") {
    const Extraction visit =
        run("I met the US leaders; the Federal Chancellor of Germany is coming tomorrow.");
    REQUIRE(visit.events.size() == 1);
    CHECK(visit.events[0].title == "Germany visits");
    CHECK(visit.events[0].status == kb::Status::planned);
    const Extraction signed_today =
        run("Today Russia and Kazakhstan signed documents which will allow trade to grow.");
    REQUIRE(signed_today.events.size() == 1);
    CHECK(signed_today.events[0].kind == kb::EventKind::agreement);
    CHECK(signed_today.events[0].status == kb::Status::reported);
  }

  TEST_CASE("Extractor needs a visitor or a destination for a visit") {
    CHECK(run("The pact is holding, but the test will come in summer when demand falls.")
              .events.empty());
    CHECK(run("Biden will come to Warsaw in summer for the summit of allies.").events.size() == 1);
  }
}

TEST_SUITE("importers") {
  TEST_CASE("without the models kb extracts by the hand rules and says so") {
    std::vector<std::string> warnings;
    const ex::ExtractOptions options = ex::default_options("/nonexistent-kb-data", warnings);
    CHECK(options.learned == nullptr);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("hand rules") != std::string::npos);
  }
}

TEST_SUITE("importers") {
  // The second blind round's cases (eval/events/README.md).
  using kb::test::blind_round::run;

  TEST_CASE("Extractor merges one call told twice and keeps one actor's two meetings") {
    const Extraction call =
        run("Today's conversation was held against the backdrop of tension. The presidents agreed "
            "to continue contacts on all the issues discussed during the telephone conversation "
            "today.");
    CHECK(call.events.size() == 1);
    const Extraction two =
        run("Vladimir Putin met Emmanuel Macron in the Kremlin on Monday. Vladimir Putin also met "
            "Olaf Scholz in the Kremlin on Monday.");
    CHECK(two.events.size() == 2);
  }

  TEST_CASE("Extractor dates a presidential release of the small hours by the evening before") {
    // published at `time` after midnight UTC of 18 June 2022, with the stated offset if any
    const auto day_of = [](const std::string& publisher, std::chrono::minutes time,
                           std::optional<int> offset) {
      kb::importers::Article a;
      a.title = "Test article";
      a.text = "Vladimir Putin spoke with Recep Tayyip Erdogan today.";
      a.origin = "test.txt";
      a.publisher = publisher;
      a.published = date::sys_seconds(date::sys_days{date::year{2022} / 6 / 18}) + time;
      a.published_has_time = true;
      a.published_offset = offset;
      const Extraction x = ex::Extractor(kb::test::gazetteer()).extract(a);
      REQUIRE(x.events.size() == 1);
      return x.events[0].date.timex();
    };
    const std::string kremlin = "President of Russia (en.kremlin.ru)";
    CHECK(day_of(kremlin, std::chrono::minutes{5}, 0) == "2022-06-17");
    CHECK(day_of("President of Ukraine (president.gov.ua)", std::chrono::minutes{150},
                 std::nullopt) == "2022-06-17");
    CHECK(day_of(kremlin, std::chrono::minutes{600}, 0) == "2022-06-18");
    CHECK(day_of("BBC News", std::chrono::minutes{5}, 0) == "2022-06-18");
    CHECK(day_of(kremlin, std::chrono::minutes{5}, 180) == "2022-06-18");  // 03:05 local
  }

  TEST_CASE("Extractor does not merge two same-day events by a shared preposition") {
    const Extraction x =
        run("Vladimir Putin spoke with Recep Tayyip Erdogan today. Antonio Guterres presented the "
            "proposals he had put forward the same day during his meeting with Sergei Lavrov.");
    CHECK(x.events.size() == 2);
  }
}
