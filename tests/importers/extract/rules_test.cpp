// Tests for the extractor rules of the second blind round (eval/events/README.md): present-tense
// "today", speech dates, anniversaries, duplicates, office holders named by a demonym, weak
// triggers ranked behind verbs, and the triggers added then.
#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"

namespace {

using kb::importers::Article;
using kb::importers::extract::Extraction;
using kb::importers::extract::Extractor;

const Extractor& extractor() {
  static const kb::importers::Gazetteer g = [] {
    auto dir = kb::importers::find_data_dir();
    REQUIRE(dir.has_value());
    auto loaded = kb::importers::load_gazetteer(*dir);
    REQUIRE(loaded.has_value());
    return std::move(loaded).value();
  }();
  static const Extractor x(g);
  return x;
}

Extraction run(const std::string& text, const std::string& title = "Test article") {
  Article a;
  a.title = title;
  a.text = text;
  a.origin = "test.txt";
  a.published = date::sys_seconds(date::sys_days{date::year{2022} / 5 / 24});
  return extractor().extract(a);
}

bool has_actor(const kb::importers::extract::ExtractedEvent& e, const std::string& name) {
  return std::any_of(e.participants.begin(), e.participants.end(),
                     [&](const auto& p) { return p.role == kb::Role::actor && p.name == name; });
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("Extractor reads 'Today, X represent ...' as nowadays, not as an event's day") {
    CHECK(run("Today, sanctions represent an opportunity for us and our allies.").events.empty());
    CHECK(run("Today the ministry announced new sanctions on the bank.").events.size() == 1);
    CHECK(run("Today, the two leaders are signing a treaty in Minsk.").events.size() == 1);
  }

  TEST_CASE("Extractor dates the speech, not what is reported after a colon") {
    CHECK(run("I said yesterday: even after 1990, the sanctions imposed on the USSR were "
              "retained.")
              .events.empty());
    CHECK(run("Russia said yesterday that it imposed sanctions on the bank.").events.size() == 1);
  }

  TEST_CASE("Extractor does not date a trigger by the year of what its anniversary marks") {
    const Extraction x =
        run("Putin attended a military parade marking the 77th anniversary of Victory in 1945.");
    CHECK(std::none_of(x.events.begin(), x.events.end(),
                       [](const auto& e) { return e.date.timex() == "1945"; }));
  }

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

  TEST_CASE("Extractor lets a demonym before an office act for its country") {
    const Extraction x =
        run("Our colleagues say the Polish Foreign Minister will be here tomorrow.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].kind == kb::EventKind::visit);
    CHECK(has_actor(x.events[0], "Poland"));
    CHECK(x.events[0].status == kb::Status::planned);
  }

  TEST_CASE("Extractor ranks a weak noun behind a verb a little further from the date") {
    const Extraction x = run("Andrzej Duda arrived in Kyiv on Tuesday for talks with Zelensky.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].kind == kb::EventKind::visit);
  }

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

  TEST_CASE("Extractor reads 'I' and 'we' as the speaker of the turn or of the speech") {
    const Extraction turn = run(
        "Vladimir Putin: Thank you for coming.\n\nI spoke with President Erdogan today about the "
        "grain corridor.");
    REQUIRE(turn.events.size() == 1);
    CHECK(has_actor(turn.events[0], "Vladimir Putin"));
    const Extraction we =
        run("Alexander Lukashenko: Good afternoon.\n\nWe signed the treaty in Minsk yesterday.");
    REQUIRE(we.events.size() == 1);
    CHECK(has_actor(we.events[0], "Belarus"));
    const Extraction speech =
        run("Today, I'm glad to announce here in Davos that we are setting up a group.",
            "Speech by Head of the Office of the President Andriy Yermak at Davos");
    REQUIRE(speech.events.size() == 1);
    CHECK(has_actor(speech.events[0], "Andriy Yermak"));
    // The marker after the quote a president's office leads its titles with.
    const Extraction quoted_title =
        run("Today, I'm glad to announce here in Davos that we are setting up a group.",
            "We are setting up a group - speech by Head of the Office of the President Andriy "
            "Yermak at Davos");
    REQUIRE(quoted_title.events.size() == 1);
    CHECK(has_actor(quoted_title.events[0], "Andriy Yermak"));
    const Extraction untitled =
        run("Today, I'm glad to announce here in Davos that we are setting up a group.");
    REQUIRE(untitled.events.size() == 1);
    CHECK(std::none_of(untitled.events[0].participants.begin(),
                       untitled.events[0].participants.end(),
                       [](const auto& p) { return p.role == kb::Role::actor; }));
  }

  TEST_CASE("Extractor does not merge two same-day events by a shared preposition") {
    const Extraction x =
        run("Vladimir Putin spoke with Recep Tayyip Erdogan today. Antonio Guterres presented the "
            "proposals he had put forward the same day during his meeting with Sergei Lavrov.");
    CHECK(x.events.size() == 2);
  }

  TEST_CASE("Extractor titles a verb with no named target by the short phrase it governs") {
    const std::pair<const char*, const char*> cases[] = {
        {"Last December Russia proposed signing a treaty on security guarantees.",
         "Russia proposes signing a treaty"},
        {"The concept for an Israeli model was first drafted in September by Andriy Yermak.",
         "Andriy Yermak drafts the concept"},
        {"In 2010 Russia agreed to extend its military presence in the region.",
         "Russia agrees to extend its military presence"},
        {"In 2010 Russia proposed it again.", "Russia proposes"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.first);  // a structured binding cannot be captured (clang 14)
      const Extraction x = run(c.first);
      REQUIRE(x.events.size() == 1);
      CHECK(x.events[0].title == c.second);
    }
  }

  TEST_CASE("Extractor lets a weak verb reach its date across prepositions and names only") {
    const Extraction x =
        run("The proposals from our General Staff, sent to NATO in 2020, included measures.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].date.timex() == "2020");
    CHECK(run("The reply was sent back quickly in 2020.").events.empty());
  }
}
