// Tests for importers/extract/: which sentences become events, their dates, kinds, roles,
// titles, status and quotes, the relations between them, and what is never an event.
#include "importers/extract/extractor.hpp"

#include <algorithm>
#include <chrono>
#include <string>

#include <doctest/doctest.h>

#include "importers/entities/gazetteer.hpp"
#include "importers/extract/internal.hpp"

namespace {

using kb::importers::Article;
using kb::importers::extract::Extraction;
using kb::importers::extract::Extractor;

const kb::importers::Gazetteer& gazetteer() {
  static const kb::importers::Gazetteer g = [] {
    auto dir = kb::importers::find_data_dir();
    REQUIRE(dir.has_value());
    auto loaded = kb::importers::load_gazetteer(*dir);
    REQUIRE(loaded.has_value());
    return std::move(loaded).value();
  }();
  return g;
}

Extraction run(const std::string& text, std::optional<date::sys_days> published = date::sys_days{
                                            date::year{2023} / 5 / 23}) {
  Article a;
  a.title = "Test article";
  a.text = text;
  a.origin = "test.txt";
  if (published) {
    a.published = date::sys_seconds(*published);
  }
  return Extractor(gazetteer()).extract(a);
}

}  // namespace

TEST_SUITE("importers") {
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
    const char* cases[] = {
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

  TEST_CASE("Extractor swaps roles for 'fell to' and follows 'the city' back to its name") {
    const Extraction x =
        run("The fight for Bakhmut has taken centre stage. But after the Ukrainian city fell into "
            "the hands of the Russian mercenary group Wagner over the weekend, a challenge looms.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].title == "Wagner takes Bakhmut");
    CHECK(x.events[0].date.timex() == "2023-W20-WE");
    bool wagner_acts = false;
    for (const auto& p : x.events[0].participants) {
      wagner_acts = wagner_acts || (p.name == "Wagner Group" && p.role == kb::Role::actor);
    }
    CHECK(wagner_acts);
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

  TEST_CASE("Extractor gives coordinated dates the trigger they share") {
    const Extraction x =
        run("The principle was confirmed at the 1999 and 2010 summits of the OSCE.");
    REQUIRE(x.events.size() == 2);
    CHECK(x.events[0].date.timex() == "1999");
    CHECK(x.events[1].date.timex() == "2010");
    CHECK(x.events[0].kind == kb::EventKind::meeting);
    CHECK(x.events[1].kind == kb::EventKind::meeting);
  }

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

  TEST_CASE("Extractor titles nouns by their actor, light verb, partners or object") {
    const std::pair<const char*, const char*> cases[] = {
        {"Since Russia's February 2022 invasion, the government has pushed for membership.",
         "Russia's invasion"},
        {"Zelensky last year submitted a formal application to the alliance.",
         "Zelensky submits application"},
        {"The call followed the December 7 talks between Russia and the United States.",
         "Talks between Russia and United States"},
        {"In August 2021, I had a telephone conversation with President of Ecuador.",
         "Phone call with Ecuador"},
        {"Gazprom took over the nuclear fuel firm Atomstroieksport in October 2004.",
         "Gazprom takes over the nuclear fuel firm Atomstroieksport"},
        {"The minister arrived in Kyiv on Tuesday evening.", "Arrival in Kyiv"},
    };
    for (const auto& [text, title] : cases) {
      CAPTURE(text);
      const Extraction x = run(text);
      REQUIRE(x.events.size() == 1);
      CHECK(x.events[0].title == title);
    }
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

  TEST_CASE("Extractor reads 'today' as nowadays after 'of' or a present 'is'/'are'") {
    for (const char* text : {
             "The threat of an attack on the port is laid out in the documents of today.",
             "The risk of famine, as the UN leadership warns, is absolutely real today.",
         }) {
      CAPTURE(text);
      CHECK(run(text).events.empty());
    }
    for (const char* text : {"This is why the two leaders are meeting today in the capital.",
                             "The new sanctions against the bank were announced today."}) {
      CAPTURE(text);
      CHECK(run(text).events.size() == 1);
    }
  }

  TEST_CASE("Extractor skips triggers in another sense and keeps attacked cities") {
    for (const char* text : {
             "Respondents reporting an increase in orders fell to 22 pct in March from 30 pct.",
             "Please take note of the issues the correspondents raised yesterday at the news.",
             "Civilians who deployed to occupied territories on July 13 get pensions, it said.",
         }) {
      CAPTURE(text);
      CHECK(run(text).events.empty());
    }
    const Extraction cut = run("The ministry urged chip makers last month to cut production.");
    REQUIRE(cut.events.size() == 1);
    CHECK(cut.events[0].kind == kb::EventKind::decision);
    const Extraction bombing = run("Exactly on this day in 1941 the Nazis started bombing Kyiv.");
    REQUIRE(bombing.events.size() == 1);
    CHECK(bombing.events[0].title == "Bombing of Kyiv");
  }

  TEST_CASE("Extractor needs a visitor or a destination for a visit") {
    CHECK(run("The pact is holding, but the test will come in summer when demand falls.")
              .events.empty());
    CHECK(run("Biden will come to Warsaw in summer for the summit of allies.").events.size() == 1);
  }

  TEST_CASE("is_dateline looks back at most 81 bytes for the start of the line") {
    using kb::importers::extract::detail::is_dateline;
    const std::string line = "LONDON, March 2 - Talks.";
    CHECK(is_dateline(line, 8, 15));
    CHECK(is_dateline(std::string(1000, 'x') + "\n" + line, 1009, 1016));
    // The date may start up to 80 bytes into its line: 72 + "LONDON, " puts it at 80, then 81.
    const std::string at80 = "x\n" + std::string(72, 'y') + line;
    CHECK(is_dateline(at80, 82, 89));
    const std::string at81 = "x\n" + std::string(73, 'y') + line;
    CHECK(!is_dateline(at81, 83, 90));
    CHECK(!is_dateline(std::string(73, 'y') + line, 81, 88));
    CHECK(is_dateline(std::string(72, 'y') + line, 80, 87));
    // A megabyte on one line, a date every 40 bytes: each call costs its 81 bytes, not the line
    // up to it (the search back to the line's start took quadratic time: 1 MB of dated
    // sentences on one line imported in 15 s).
    const std::string sentence = "Russia met Ukraine on 24 February 2022. ";
    std::string text;
    for (int i = 0; i < 25000; ++i) {
      text += sentence;
    }
    const auto start = std::chrono::steady_clock::now();
    std::size_t datelines = 0;
    for (std::size_t at = 22; at < text.size(); at += sentence.size()) {
      datelines += is_dateline(text, at, at + 16) ? 1U : 0U;
    }
    CHECK(datelines == 0);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  }
}
