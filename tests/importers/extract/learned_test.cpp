// Tests for importers/extract/learned.cpp: the learned extractor's shipped models load and
// round-trip, damaged model and support-verb files are refused, the extractor dates events by
// their clause, their paragraph's frame or the publication date, writes headlines, and stays safe
// on text that is not prose.
#include "importers/extract/learned.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/analysis/sentence.hpp"
#include "importers/extract/extractor.hpp"
#include "tests/importers/extract/extract_fixture.hpp"

namespace {

namespace ex = kb::importers::extract;
using kb::importers::Article;
using kb::test::data_dir;
using kb::test::gazetteer;
using kb::test::learned::extract;
using kb::test::learned::extract_triggers;
using kb::test::learned::has;
using kb::test::learned::kDay;
using kb::test::learned::learned_extractor;
using kb::test::learned::titles_of;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("present_3sg inflects a verb lemma for a headline") {
    using ex::learned::present_3sg;
    CHECK(present_3sg("annex") == "annexes");
    CHECK(present_3sg("say") == "says");
    CHECK(present_3sg("deny") == "denies");
    CHECK(present_3sg("go") == "goes");
    CHECK(present_3sg("push") == "pushes");
    CHECK(present_3sg("take") == "takes");
    CHECK(present_3sg("be") == "is");
    CHECK(present_3sg("have") == "has");
  }

  TEST_CASE("the shipped event models load and round-trip byte for byte") {
    auto m = ex::EventModel::load(data_dir());
    REQUIRE(m.has_value());
    CHECK(m->kinds.size() == m->kind.classes());
    CHECK(std::find(m->kinds.begin(), m->kinds.end(), kb::EventKind::statement) != m->kinds.end());
    std::string bytes;
    m->write(bytes);
    auto again = ex::EventModel::read(bytes);
    REQUIRE(again.has_value());
    std::string bytes2;
    again->write(bytes2);
    CHECK(bytes == bytes2);
  }

  TEST_CASE("damaged event models are refused with an error, never a crash") {
    auto m = ex::EventModel::load(data_dir());
    REQUIRE(m.has_value());
    std::string bytes;
    m->write(bytes);
    // Every truncation point in the header and a spread through the weights.
    for (std::size_t cut = 0; cut < bytes.size(); cut += cut < 64 ? 1 : 4093) {
      CHECK_FALSE(ex::EventModel::read(std::string_view(bytes).substr(0, cut)).has_value());
    }
    CHECK_FALSE(ex::EventModel::read(bytes + "x").has_value());
    std::string wrong = bytes;
    wrong[0] = static_cast<char>(wrong[0] ^ 0x20);
    CHECK_FALSE(ex::EventModel::read(wrong).has_value());
    // A kind name kb does not know (the names are stored as text, near the end).
    std::string renamed = bytes;
    const std::size_t kind_at = renamed.rfind("territorial_change");
    REQUIRE(kind_at != std::string::npos);
    renamed.replace(kind_at, 18, "territorial_chanXe");
    const auto unknown = ex::EventModel::read(renamed);
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code == kb::Errc::parse);
    CHECK(unknown.error().message.find("unknown event kind 'territorial_chanXe'") !=
          std::string::npos);
    // A size field flipped to a huge count is refused, not allocated.
    for (std::size_t at = 17; at < 40; ++at) {
      std::string flipped = bytes;
      flipped[at] = static_cast<char>(0xff);
      (void)ex::EventModel::read(flipped);  // may parse or fail; must not crash or exhaust memory
    }
    const auto missing = ex::EventModel::load("/nonexistent-kb-data");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message.find("events.kbm") != std::string::npos);
  }

  TEST_CASE("the learned extractor reads a dated clause: date, actor, headline") {
    // The trigger model's own choice for this sentence is checked end to end in
    // services/extraction_test.cpp; here the annexation is given as the trigger.
    const auto x = extract_triggers(
        "The US helped persuade Ukraine in 1994 to give up its nuclear weapons. Moscow violated "
        "that agreement when it annexed Crimea and moved military units into eastern Ukraine in "
        "2014.",
        date::sys_days{date::year{2023} / 5 / 23}, {"annexed"});
    const auto annex = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.date.timex() == "2014" && e.title.find("Crimea") != std::string::npos;
    });
    REQUIRE(annex != x.events.end());
    CHECK(annex->title == "Russia annexes Crimea");
    CHECK(annex->status == kb::Status::reported);
  }

  TEST_CASE("a trigger oracle makes the words it lists the triggers, and no others") {
    const std::string text =
        "Russian forces shelled Kharkiv on June 12. Russian troops captured Toshkivka on June 12.";
    const date::sys_days day{date::year{2022} / 6 / 13};
    const auto all = titles_of(extract(text, day));
    CAPTURE(all);
    REQUIRE(has(all, "Russia shells Kharkiv"));
    REQUIRE(has(all, "Russia captures Toshkivka"));
    const auto one = extract_triggers(text, day, {"captured"});
    CHECK(titles_of(one) == std::vector<std::string>{"Russia captures Toshkivka"});
    REQUIRE(one.events.size() == 1);
    CHECK(one.events.front().date.timex() == "2022-06-12");
    CHECK(extract_triggers(text, day, {"Kharkiv-free"}).events.empty());
  }

  TEST_CASE("a headline names the target that 'the country' describes") {
    // From the reference article: the text names Ukraine only in the clause before.
    const auto x = extract(
        "The Kremlin said in 2021 that Ukraine joining NATO would be a red line. Russian forces "
        "shelled Kharkiv on 3 March 2022. Ukraine's army said on 4 March 2022 that Russian "
        "troops attacked Ukrainian positions near Izium. Ukraine didn't become part of the "
        "alliance, but Russia invaded the country on 24 February 2022.",
        date::sys_days{date::year{2023} / 5 / 23});
    const auto invasion = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.date.timex() == "2022-02-24";
    });
    REQUIRE(invasion != x.events.end());
    CHECK(invasion->title == "Russia invades Ukraine");
  }

  TEST_CASE("what was said: a 'that' clause hung on a weekday, a nominal predicate, 'F-16s'") {
    const auto x = extract(
        "Russian Deputy Foreign Minister Alexander Grushko warned Saturday that sending F-16s to "
        "Ukraine would escalate the conflict. The Kremlin said in 2021 that Ukraine joining NATO "
        "would be a red line.",
        date::sys_days{date::year{2023} / 5 / 23});
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    CHECK(std::find(titles.begin(), titles.end(),
                    "Alexander Grushko warns sending F-16s to Ukraine would escalate the "
                    "conflict") != titles.end());
    CHECK(has(titles, "Russia says Ukraine joining NATO would be a red line"));
    // The official acts for the country his title names, as the guide has it.
    for (const auto& e : x.events) {
      if (e.title.starts_with("Alexander Grushko")) {
        std::vector<std::string> actors;
        for (const auto& p : e.participants) {
          if (p.role == kb::Role::actor) {
            actors.push_back(p.name);
          }
        }
        CHECK(actors == std::vector<std::string>{"Alexander Grushko", "Russia"});
      }
    }
  }

  TEST_CASE("a 'that' clause the parser hung on a year is what the speaker said") {
    // Both parses of this error class: "that" the clause's marker with the clause a relative
    // clause of the year, and "that" a pronoun on the year with the clause below it.
    for (const std::string said :
         {"NATO would be a red line", "Ukraine joining NATO would be a red line"}) {
      const auto x = extract(
          "Russian Deputy Foreign Minister Alexander Grushko warned Saturday "
          "that sending F-16s to Ukraine would escalate the conflict. The "
          "Kremlin said in 2019 that " +
              said + ".",
          date::sys_days{date::year{2023} / 5 / 23});
      INFO(said);
      const auto it = std::find_if(x.events.begin(), x.events.end(),
                                   [](const auto& e) { return e.title.starts_with("Russia "); });
      REQUIRE(it != x.events.end());
      CHECK(it->title == "Russia says " + said);
      CHECK(it->date.timex() == "2019");
    }
  }

  TEST_CASE("a year and the day of it told one after the other date the happening to the day") {
    // "In 2014, on June 13": the day takes the year before it and the two are one date (before,
    // the liberation was dated 2014 or 13 June 2022).
    const auto x = extract(
        "In 2014, on this day, June 13, Ukrainian forces liberated Mariupol from the separatists.",
        date::sys_days{date::year{2022} / 6 / 13});
    const auto it = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.title.find("Mariupol") != std::string::npos;
    });
    REQUIRE(it != x.events.end());
    CHECK(it->date.timex() == "2014-06-13");
  }

  TEST_CASE("one article: the same side acting in two places or by two acts is two events") {
    // An ISW-style day report: every line a happening of the same side on the same day. (The
    // within-article merge once took any two attacks by one actor on one day for one event.)
    const auto x = extract_triggers(
        "Russian forces shelled Kharkiv on June 12. Russian forces also shelled Mykolaiv on June "
        "12. Russian troops captured Toshkivka on June 12, and Russian aircraft struck Lysychansk "
        "on June 12.",
        date::sys_days{date::year{2022} / 6 / 13}, {"shelled", "captured", "struck"});
    const auto count = [&](auto&& pred) {
      return std::count_if(x.events.begin(), x.events.end(), pred);
    };
    const auto place = [](const ex::ExtractedEvent& e, const std::string& name) {
      return std::any_of(e.participants.begin(), e.participants.end(), [&](const auto& p) {
        return p.role == kb::Role::location && p.name == name;
      });
    };
    const auto titled = [](const std::string& word) {
      return
          [word](const ex::ExtractedEvent& e) { return e.title.find(word) != std::string::npos; };
    };
    CHECK(count([&](const auto& e) { return place(e, "Kharkiv"); }) == 1);
    CHECK(count([&](const auto& e) { return place(e, "Mykolaiv"); }) == 1);
    CHECK(count(titled("Toshkivka")) == 1);
    CHECK(count(titled("strikes Lysychansk")) == 1);
    CHECK(std::all_of(x.events.begin(), x.events.end(),
                      [](const auto& e) { return e.date.timex() == "2022-06-12"; }));
  }

  TEST_CASE("one date expression dates one happening of its sentence") {
    // Three predicates on one date expression (ISW, 14 March 2022): one happening told with its
    // details, not three events; a second expression of the same day dates a second one.
    const auto x = extract(
        "Ukrainian forces repelled Russian forces around Izyum late on March 13, repelling "
        "Russian attacks near several villages, including Topolske.",
        date::sys_days{date::year{2022} / 3 / 14});
    REQUIRE(x.events.size() == 1);
    CHECK(x.events.front().date.timex() == "2022-03-13");
    CHECK(x.events.front().trigger == "repelled");
  }

  TEST_CASE("two verbs joined by 'and', each acting on its own object, are two happenings") {
    // "annexed Crimea and moved military units into eastern Ukraine in 2014" (the reference
    // article): one date expression, two happenings; the troop movement had replaced the
    // annexation when the trigger model was surer of it.
    const auto x = extract_triggers(
        "Moscow annexed the peninsula of Crimea and moved military units into eastern Ukraine in "
        "2014.",
        date::sys_days{date::year{2023} / 5 / 23}, {"annexed", "moved"});
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    REQUIRE(x.events.size() == 2);
    CHECK(x.events[0].trigger == "annexed");
    CHECK(x.events[1].trigger == "moved");
  }

  TEST_CASE("a helper's verb does not stand for the happening its complement states") {
    // The reference article's 1994 security assurances were titled "United States helps
    // persuade"; "tried to storm" keeps its own headline (the attempt is what was reported).
    const auto x = extract(
        "The US helped persuade Ukraine in 1994 to give up its nuclear weapons, offering it "
        "security assurances alongside the UK and Russia.\n\nRussian troops tried to storm the "
        "Azovstal plant on March 13.",
        kDay);
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    REQUIRE(x.events.size() == 2);
    CHECK(x.events[0].date.timex() == "1994");
    CHECK(x.events[0].title.find("helps") == std::string::npos);
    CHECK(x.events[0].title.find("security assurances") != std::string::npos);
    CHECK(x.events[1].title.find("tries to storm") != std::string::npos);
  }

  TEST_CASE("a strike or a capture where only the place is named is done to the place's country") {
    const auto x = extract(
        "Russian forces shelled Kharkiv on June 12. Ukrainian forces shelled Kharkiv Oblast "
        "positions on June 12.",
        date::sys_days{date::year{2022} / 6 / 13});
    const auto has = [](const ex::ExtractedEvent& e, kb::Role role, const std::string& name) {
      return std::any_of(e.participants.begin(), e.participants.end(),
                         [&](const auto& p) { return p.role == role && p.name == name; });
    };
    const auto russian = std::find_if(x.events.begin(), x.events.end(), [&](const auto& e) {
      return has(e, kb::Role::actor, "Russia");
    });
    REQUIRE(russian != x.events.end());
    CHECK(russian->kind == kb::EventKind::attack);
    CHECK(has(*russian, kb::Role::location, "Kharkiv"));
    CHECK(has(*russian, kb::Role::target, "Ukraine"));
    // A side acting in its own country strikes no one the place names.
    for (const auto& e : x.events) {
      if (has(e, kb::Role::actor, "Ukraine")) {
        CHECK_FALSE(has(e, kb::Role::target, "Ukraine"));
      }
    }
  }

  TEST_CASE("an event noun a light verb governs is done by that verb's subject") {
    // ISW, 14 March 2022: the role model took the river crossing's side for the attacks' actor
    // ("Ukraine conducts several limited attacks northwest of Kyiv").
    const auto x = extract_triggers(
        "Russian forces conducted several limited attacks northwest of Kyiv on March 14, "
        "unsuccessfully attempting to bridge the Irpin River.",
        date::sys_days{date::year{2022} / 3 / 15}, {"attacks"});
    REQUIRE(x.events.size() == 1);
    const auto& e = x.events.front();
    CAPTURE(e.title);
    CHECK(e.trigger == "attacks");
    CHECK(std::any_of(e.participants.begin(), e.participants.end(), [](const auto& p) {
      return p.role == kb::Role::actor && p.name == "Russia";
    }));
    CHECK(std::none_of(e.participants.begin(), e.participants.end(), [](const auto& p) {
      return p.role == kb::Role::actor && p.name == "Ukraine";
    }));
  }

  TEST_CASE("a complement clause without a subject is done by its verb's subject") {
    // ISW, 16 March 2022: "Russia detains two Russian saboteurs" (the saboteurs' "Russian"
    // taken for the actor).
    const auto x = extract_triggers(
        "The Ukrainian Border Guard reported detaining two Russian saboteurs in Kharkiv on March "
        "16; Russian regular forces are still failing in their frontal attacks on the city.",
        date::sys_days{date::year{2022} / 3 / 18}, {"detaining"});
    const auto acts = [&](std::string_view trigger, std::string_view name) {
      return std::any_of(x.events.begin(), x.events.end(), [&](const auto& e) {
        return e.trigger == trigger &&
               std::any_of(e.participants.begin(), e.participants.end(), [&](const auto& p) {
                 return p.role == kb::Role::actor && p.name == name;
               });
      });
    };
    CAPTURE(titles_of(x));
    CHECK(acts("detaining", "Ukraine"));
    CHECK_FALSE(acts("detaining", "Russia"));
  }

  TEST_CASE("in a report on two sides, an attack that names no target is done to the other") {
    const auto x = extract(
        "Russian forces continued ground attacks on June 12. Ukrainian officials said that "
        "Ukraine would hold its positions. Russia claimed gains near the front, and Russian "
        "milbloggers repeated the claim. Ukraine denied it.",
        date::sys_days{date::year{2022} / 6 / 13});
    const auto attack = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.kind == kb::EventKind::attack && e.date.timex() == "2022-06-12";
    });
    REQUIRE(attack != x.events.end());
    const auto has = [&](kb::Role role, const std::string& name) {
      return std::any_of(attack->participants.begin(), attack->participants.end(),
                         [&](const auto& p) { return p.role == role && p.name == name; });
    };
    CHECK(has(kb::Role::actor, "Russia"));
    CHECK(has(kb::Role::target, "Ukraine"));
    // One side named only once or twice is no side: no target is guessed.
    const auto y = extract("Russian forces continued ground attacks on June 12.",
                           date::sys_days{date::year{2022} / 6 / 13});
    for (const auto& e : y.events) {
      CHECK(std::none_of(e.participants.begin(), e.participants.end(),
                         [](const auto& p) { return p.role == kb::Role::target; }));
    }
  }

  TEST_CASE("a name that completes a title takes the title's preposition") {
    const auto x = extract(
        "Vladimir Putin spoke with President of Kazakhstan Kassym-Jomart Tokayev following the "
        "CSTO summit.",
        date::sys_days{date::year{2022} / 5 / 16});
    REQUIRE_FALSE(x.events.empty());
    CHECK(x.events.front().title == "Vladimir Putin speaks with Kassym-Jomart Tokayev");
  }

  TEST_CASE("'he' opening a sentence acts for the subject of the sentence before") {
    // The role model took the country named later in the clause ("Ukraine urges Macron ...");
    // with no name at all the event had no headline and was lost.
    const auto x = extract(
        "Vladimir Putin held talks with French President Emmanuel Macron on March 3. He urged "
        "Macron to help evacuate foreign nationals from Ukraine.",
        date::sys_days{date::year{2022} / 3 / 4});
    const auto urged = std::find_if(x.events.begin(), x.events.end(),
                                    [](const auto& e) { return e.quote.starts_with("He urged"); });
    REQUIRE(urged != x.events.end());
    CHECK(urged->title.starts_with("Vladimir Putin urges Macron"));
    CHECK(std::any_of(urged->participants.begin(), urged->participants.end(), [](const auto& p) {
      return p.role == kb::Role::actor && p.name == "Vladimir Putin";
    }));
    // A pronoun that does not open its sentence is left to the sentence itself.
    const auto y = extract(
        "Vladimir Putin held talks with Emmanuel Macron on March 3. Officials said he urged "
        "Macron to help evacuate foreign nationals from Ukraine.",
        date::sys_days{date::year{2022} / 3 / 4});
    for (const auto& e : y.events) {
      CHECK_FALSE(e.title.starts_with("Vladimir Putin urges"));
    }
  }

  TEST_CASE("one called on is asked to do what the infinitive after them says") {
    // "Kassym-Jomart Tokayev calls on companies", "Volodymyr Zelensky stresses need": the
    // headline stopped at the one asked, or at the noun the infinitive completes.
    const auto x = titles_of(extract(
        "Kassym-Jomart Tokayev called on companies to invest in Kazakhstan on May 5.\n\nThe "
        "Ukrainian Head of State also stressed the need to increase sanctions pressure on Russia "
        "on May 5.",
        date::sys_days{date::year{2022} / 5 / 6}));
    CAPTURE(x);
    CHECK(std::any_of(x.begin(), x.end(), [](const std::string& t) {
      return t.starts_with("Kassym-Jomart Tokayev calls on companies to invest");
    }));
    CHECK(std::any_of(x.begin(), x.end(), [](const std::string& t) {
      return t.find("stresses need to increase") != std::string::npos;
    }));
  }

  TEST_CASE("a wire dateline is not read as the sentence's subject") {
    // "WASHINGTON, April 9 - President Reagan signed ...": the parser took the city for the
    // subject ("United States signs order", "Sweden says 19").
    const auto x = titles_of(extract(
        "WASHINGTON, April 9 - President Reagan signed an order imposing tariffs on Japanese "
        "electronic goods.",
        date::sys_days{date::year{1987} / 4 / 9}));
    CAPTURE(x);
    // (the order said with what it does since 2026-12-08: "Reagan signs order imposing tariffs")
    CHECK(std::any_of(x.begin(), x.end(),
                      [](const std::string& t) { return t.starts_with("Reagan signs order"); }));
  }

  TEST_CASE("a meeting's headline names whom it was held with") {
    // "Vladimir Putin holds talks": the target known and left out for the object "talks"; and
    // "with" read as the head of "Maria Lvova-Belova", so no partner was found at all.
    const auto x = titles_of(extract(
        "Vladimir Putin held talks at the Kremlin with President of the Islamic Republic of Iran "
        "Sayyid Ebrahim Raisi.\n\nVladimir Putin held a meeting with Maria Lvova-Belova via "
        "videoconference.",
        date::sys_days{date::year{2022} / 1 / 19}));
    CAPTURE(x);
    CHECK(has(x, "Vladimir Putin holds talks with Sayyid Ebrahim Raisi"));
    CHECK(std::any_of(x.begin(), x.end(), [](const std::string& t) {
      return t.starts_with("Vladimir Putin holds meeting with Maria Lvova") ||
             t.starts_with("Vladimir Putin meets with Maria Lvova");
    }));
    // A modified meeting noun takes its partner too, and a title's holder the parser hung
    // elsewhere is named ("Vladimir Putin holds working meeting"; "... with Governor").
    const auto z = titles_of(extract(
        "Vladimir Putin held a working meeting with Governor of the Yamalo-Nenets Autonomous Area "
        "Dmitry Artyukhov.",
        date::sys_days{date::year{2022} / 4 / 22}));
    CAPTURE(z);
    CHECK(has(z, "Vladimir Putin holds working meeting with Dmitry Artyukhov"));
    // The country's official the gazetteer does not know is met, not the country (error
    // class: "Olena Zelenska meets Turkey").
    const auto y = extract("Olena Zelenska met with Ambassador of Turkey Murat Sahin on May 5.",
                           date::sys_days{date::year{2022} / 5 / 6});
    REQUIRE(y.events.size() == 1);
    CHECK(y.events.front().title == "Olena Zelenska meets Murat Sahin");
    CHECK(std::any_of(y.events.front().participants.begin(), y.events.front().participants.end(),
                      [](const auto& p) {
                        return p.role == kb::Role::target && p.name == "Murat Sahin" &&
                               p.kind == kb::EntityKind::person && p.country == "Turkey";
                      }));
  }

  TEST_CASE("the 'of' phrase of 'bombing' or 'murder' names whom it was done to") {
    // "Ukraine launches bombing" for "a bombing of Kyiv", "Vladislav Listyev launches brazen
    // murder" for "the brazen murder of Vladislav Listyev": the role model took the one the
    // happening was done to for the actor (data/lexicon/extract/patient_nouns.txt).
    const auto actor_named = [](const kb::importers::extract::Extraction& x, std::string_view n) {
      return std::any_of(x.events.begin(), x.events.end(), [&](const auto& e) {
        return std::any_of(e.participants.begin(), e.participants.end(),
                           [&](const auto& p) { return p.role == kb::Role::actor && p.name == n; });
      });
    };
    const auto day = date::sys_days{date::year{2022} / 3 / 4};
    const auto kyiv = extract("Tonight there was a bombing of Kyiv and other cities.", day);
    REQUIRE_FALSE(kyiv.events.empty());
    CHECK_FALSE(actor_named(kyiv, "Ukraine"));
    CHECK_FALSE(actor_named(kyiv, "Kyiv"));
    const auto murder = extract(
        "In 1995, many were shaken at the brazen murder of Vladislav Listyev, at the time the head "
        "of one of Russia's biggest television stations.",
        day);
    REQUIRE_FALSE(murder.events.empty());
    CHECK_FALSE(actor_named(murder, "Vladislav Listyev"));
  }

  TEST_CASE("a noun predicate's own preposition stays out of its title") {
    // The name completing "invasion of Ukraine" took the preposition that ties the invasion to
    // the sentence: "Russia invades after Ukraine".
    const auto x = titles_of(extract(
        "Grain exports fell sharply after Russia's invasion of Ukraine on February 24, 2022.",
        date::sys_days{date::year{2022} / 9 / 15}));
    CAPTURE(x);
    CHECK(has(x, "Russia invades Ukraine"));
  }

  TEST_CASE("'This was stated by X' titles what the sentence before said") {
    const auto x = extract(
        "Ukraine is ready for negotiations with Russia in any format. This was stated by "
        "President Volodymyr Zelenskyy during a press conference in Kyiv.",
        date::sys_days{date::year{2022} / 3 / 5});
    const auto said = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.kind == kb::EventKind::statement;
    });
    REQUIRE(said != x.events.end());
    CHECK(said->title == "Volodymyr Zelensky says Ukraine is ready for negotiations with Russia");
    CHECK(said->title.size() <= 80);
    // With nothing before it, the sentence keeps its own headline (or none), never a pronoun.
    const auto alone = extract("This was stated by President Volodymyr Zelenskyy on March 5.",
                               date::sys_days{date::year{2022} / 3 / 5});
    for (const auto& e : alone.events) {
      CHECK(e.title.find("says Ukraine") == std::string::npos);
      CHECK(e.title.find("This") == std::string::npos);
    }
    // What was said does not fit a headline: the statement and its occasion, not "states This".
    const auto long_said = titles_of(extract(
        "If Russia seizes more land with impunity, it can set an example for other states, so the "
        "whole world must join the fight against the aggressor. This was stated by President "
        "Volodymyr Zelenskyy during an online press conference for Danish media.",
        date::sys_days{date::year{2022} / 3 / 5}));
    CAPTURE(long_said);
    CHECK(has(long_said, "Volodymyr Zelensky makes statement during online press conference"));
  }

  TEST_CASE("a headline's object is not a word of time") {
    // The parser takes a leading "Yesterday," for the verb's clausal object.
    const auto x = extract(
        "Yesterday, President Macron told you that it was important to "
        "keep talking to Moscow.",
        date::sys_days{date::year{2022} / 2 / 21});
    for (const auto& e : x.events) {
      CAPTURE(e.title);
      CHECK(e.title.find("Yesterday") == std::string::npos);
    }
  }

  TEST_CASE("a span of days written as one ('March 12-13') dates an event over both days") {
    const auto x = extract(
        "Russian forces shelled the town of Popasna with incendiary rockets on March 12-13.",
        date::sys_days{date::year{2022} / 3 / 28});
    REQUIRE_FALSE(x.events.empty());
    const auto& e = x.events.front();
    CHECK(e.date.first() == date::sys_days{date::year{2022} / 3 / 12});
    CHECK(e.date.last() == date::sys_days{date::year{2022} / 3 / 13});
    CHECK(e.date_text == "March 12-13");
  }

  TEST_CASE("a report's lead is dated by its publication date") {
    const auto x = extract(
        "Vladimir Putin met with President of the State of Palestine Mahmoud Abbas in Sochi.\n\n"
        "The discussion focused on bilateral cooperation as well as the Middle East agenda.",
        date::sys_days{date::year{2021} / 11 / 23});
    REQUIRE_FALSE(x.events.empty());
    const auto& e = x.events.front();
    CHECK(e.date.timex() == "2021-11-23");
    CHECK(e.date_text == "(publication date)");
    CHECK(e.kind == kb::EventKind::meeting);
    CHECK(e.title.starts_with("Vladimir Putin meets"));
    CHECK(std::any_of(e.participants.begin(), e.participants.end(), [](const auto& p) {
      return p.role == kb::Role::actor && p.name == "Vladimir Putin";
    }));
  }

  TEST_CASE("a sentence's date candidates: its own, its paragraph's frame, the publication") {
    Article a;
    a.title = "Test article";
    a.origin = "test.txt";
    a.published = date::sys_seconds(kDay);
    a.text =
        "Russian forces launched a new assault on Mariupol on March 12. Ukrainian forces "
        "repulsed Russian attacks on Volnovakha.\n\nKherson residents protested against the "
        "occupation of their city.";
    using Candidates = std::vector<std::pair<ex::learned::DateSource, std::string>>;
    std::vector<Candidates> seen;
    learned_extractor().visit(a, [&](const ex::learned::SynSentence& s, const auto&) {
      auto& c = seen.emplace_back();
      for (const auto& d : s.dates) {
        c.emplace_back(d.source, d.timex->date->timex());
      }
    });
    using enum ex::learned::DateSource;
    REQUIRE(seen.size() == 3);
    CHECK(seen[0] == Candidates{{stated, "2022-03-12"}, {publication, "2022-03-14"}});
    CHECK(seen[1] == Candidates{{frame, "2022-03-12"}, {publication, "2022-03-14"}});
    // A new paragraph starts without a frame.
    CHECK(seen[2] == Candidates{{publication, "2022-03-14"}});
  }

  TEST_CASE("every learned title is a headline: words, at most 80 bytes, never cut") {
    const auto x = extract(
        "Russian forces continued offensive operations northwest of Kyiv on March 13. Ukrainian "
        "forces repulsed Russian attacks on Volnovakha. The Kremlin denied on March 13 that "
        "Russia had asked China for military aid. Kherson residents protested against the "
        "occupation on March 13. Russia will hold talks with Ukraine on Tuesday.",
        kDay);
    REQUIRE_FALSE(x.events.empty());
    for (const auto& e : x.events) {
      INFO(e.title);
      CHECK(e.title.size() <= 80);
      CHECK(e.title.find(' ') != std::string::npos);
      CHECK_FALSE(e.title.ends_with("…"));
      CHECK_FALSE(e.title.ends_with("..."));
      CHECK(e.quote_begin < e.quote_end);
      CHECK(e.date.last() <= kDay + date::days{7});
    }
  }

  TEST_CASE("a claimed happening names who claims it") {
    // Issue #17 item 3: "X claimed that ..." is tagged claimed with X as the claimant.
    const auto x = extract(
        "The Russian Ministry of Defense claimed that Russian troops captured Pisky on March 13.",
        kDay);
    const auto claimed = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return std::find(e.tags.begin(), e.tags.end(), "claimed") != e.tags.end();
    });
    REQUIRE(claimed != x.events.end());
    CHECK(
        std::any_of(claimed->participants.begin(), claimed->participants.end(), [](const auto& p) {
          return p.role == kb::Role::claimant && p.name == "Russian Defence Ministry";
        }));
  }

  TEST_CASE("a claim to land is no report: what preceded it is no claim") {
    // "claimed" here owns the territory; the storming is an adverbial clause of it, told as a
    // fact (the reference article's February 2022 invasion).
    const auto x = extract(
        "Ukraine aims to push Russia back from the territory it claimed after storming the "
        "country last year.",
        date::sys_days{date::year{2023} / 5 / 23});
    REQUIRE_FALSE(x.events.empty());
    for (const auto& e : x.events) {
      INFO(e.title);
      CHECK(std::find(e.tags.begin(), e.tags.end(), "claimed") == e.tags.end());
    }
  }

  TEST_CASE("a trace names the rule or decision behind each sentence, word and event") {
    Article a;
    a.title = "Test article";
    a.origin = "test.txt";
    a.published = date::sys_seconds(date::sys_days{date::year{2022} / 3 / 14});
    // An event; one date dating two predicates; a denial; in a fourth paragraph an undated
    // sentence that is read (every sentence is) and is no event.
    a.text =
        "Ukrainian forces repelled Russian forces around Izyum late on March 13, repelling "
        "Russian attacks near several villages, including Topolske.\n\nThe Kremlin denied on "
        "March 13 that Russian forces had not struck Kharkiv.\n\nThe report said more.\n\n"
        "Officials in the region spoke about the weather and the harvest at length.";
    const auto quiet = learned_extractor().extract(a);
    CHECK(quiet.trace.empty());  // only when asked for
    std::vector<std::string> warnings;
    ex::ExtractOptions options = ex::default_options(data_dir(), warnings);
    options.trace = true;
    const ex::Extractor tracing(gazetteer(), options);
    const auto x = tracing.extract(a);
    // Tracing changes nothing extracted.
    REQUIRE(x.events.size() == quiet.events.size());
    for (std::size_t i = 0; i < x.events.size(); ++i) {
      CHECK(x.events[i].title == quiet.events[i].title);
    }
    std::set<std::string_view> known;
    for (const auto& r : ex::trace_rules()) {
      known.insert(r.id);
      CHECK_FALSE(r.what.empty());
    }
    const auto step_at = [&](std::string_view word, std::string_view rule) {
      const std::size_t at = a.text.find(word);
      return std::any_of(x.trace.begin(), x.trace.end(), [&](const ex::TraceStep& t) {
        return t.rule == rule && t.begin <= at && at < t.end;
      });
    };
    for (std::size_t i = 0; i < x.trace.size(); ++i) {
      INFO(x.trace[i].rule);
      CHECK(known.contains(x.trace[i].rule));  // every id is a declared rule
      CHECK(x.trace[i].begin < x.trace[i].end);
      CHECK(x.trace[i].end <= a.text.size());
      if (i > 0) {
        CHECK(x.trace[i - 1].begin <= x.trace[i].begin);  // text order
      }
    }
    CHECK(step_at("repelled", "trigger.yes"));
    // "repelling" is no second event: the model turns it down, or the date keeps one happening.
    CHECK((step_at("repelling", "date.one-happening") || step_at("repelling", "trigger.no")));
    CHECK(step_at("spoke", "trigger.no"));
    // Every candidate the trigger model turned down is in the trace with its margin.
    CHECK(std::any_of(x.trace.begin(), x.trace.end(), [](const ex::TraceStep& t) {
      return t.rule == "trigger.no" && t.detail.starts_with("margin -");
    }));
  }

  TEST_CASE("a title says what the object was asked to do, and keeps with whom talks were held") {
    const auto x = extract_triggers(
        "On March 2, Putin urged the EU to stop supplying weapons.\n\nOn March 4, the United "
        "States held talks with the Philippines on defence cooperation.",
        date::sys_days{date::year{2022} / 3 / 5}, {"urged", "talks"});
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    // Not the bare "Putin urges EU"; not the idiom's "United States holds talks" over the
    // model's fuller title.
    CHECK((has(titles, "Putin urges EU to stop supplying weapons") ||
           has(titles, "Putin urges European Union to stop supplying weapons")));
    CHECK(has(titles, "United States holds talks with Philippines"));
    // A long object cut to its core keeps the partner its "with" names: the person, whom an
    // apposition names after the office.
    const auto call = titles_of(extract_triggers(
        "On Saturday, Vladimir Putin had a telephone conversation with Prime Minister of Israel "
        "Naftali Bennett.",
        date::sys_days{date::year{2022} / 3 / 5}, {"conversation"}));
    CAPTURE(call);
    CHECK(has(call, "Vladimir Putin holds telephone conversation with Naftali Bennett"));
    // A message's recipient through its "of" phrase, and what a message that congratulates did.
    const auto messages = titles_of(extract(
        "On March 4, Vladimir Putin sent a message of greetings to Prime Minister of Hungary "
        "Viktor Orban.\n\nOn March 4, Vladimir Putin sent a message congratulating President of "
        "Azerbaijan Ilham Aliyev on the national holiday.",
        date::sys_days{date::year{2022} / 3 / 5}));
    CAPTURE(messages);
    CHECK(has(messages, "Vladimir Putin sends message to Viktor Orban"));
    CHECK(has(messages, "Vladimir Putin congratulates Ilham Aliyev"));
    // Where a sending verb sends its object; a shelling's "to" is a direction, not a recipient.
    const auto sent = titles_of(extract(
        "On March 4, Vladimir Putin sent his greetings to the members of the Minin Choir on its "
        "50th anniversary.\n\nOn March 4, Russian forces deployed an electronic warfare complex "
        "to Melitopol.",
        date::sys_days{date::year{2022} / 3 / 5}));
    CAPTURE(sent);
    CHECK(has(sent, "Vladimir Putin sends greetings to Minin Choir"));
    CHECK(has(sent, "Russia deploys electronic warfare complex to Melitopol"));
  }

  TEST_CASE("'took place' is no event of its own, what took place is") {
    const auto x = extract("Putin's talks with Erdogan took place on March 13.", kDay);
    REQUIRE_FALSE(x.events.empty());
    for (const auto& e : x.events) {
      INFO(e.title);
      CHECK(e.title.find("place") == std::string::npos);
    }
    CHECK(std::any_of(x.events.begin(), x.events.end(),
                      [](const auto& e) { return e.kind == kb::EventKind::meeting; }));
  }

  TEST_CASE("an event noun is framed by its verb, the actor first, not 'X by Y'") {
    const auto x = extract(
        "On March 8, the energy embargo by the United States was announced.\n\nThe special "
        "military operation by Russia began on February 24.",
        kDay);
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    CHECK(has(titles, "United States imposes energy embargo"));
    CHECK(has(titles, "Russia launches special military operation"));
  }

  TEST_CASE("what a report dated one day says happened on another is the report's content") {
    // The tagger reads "that" after "on March 27" as a relative pronoun and the parser hangs
    // the capture on the date as a relative clause; it is what was reported.
    const auto x = extract_triggers(
        "Ukrainian officials reported on March 27 that Russian forces captured Slavutych on "
        "March 26.",
        date::sys_days{date::year{2022} / 3 / 28}, {"reported", "captured"});
    const auto capture = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.title.starts_with("Russia captures Slavutych");
    });
    REQUIRE(capture != x.events.end());
    CHECK(capture->date.timex() == "2022-03-26");
    // The report has what it said as its content.
    CHECK(has(titles_of(x), "Ukraine reports Russian forces captured Slavutych"));
  }

  TEST_CASE("an act the other side repelled is one event, told from the side that repelled it") {
    const auto x =
        extract("Russian forces repelled Ukrainian assaults near Kuzemivka on November 12.",
                date::sys_days{date::year{2022} / 11 / 13});
    const auto titles = titles_of(x);
    CAPTURE(titles);
    CHECK(x.events.size() == 1);
    for (const auto& t : titles) {
      CHECK(t.find("launches") == std::string::npos);  // not "Russia launches Ukrainian assaults"
    }
  }

  TEST_CASE("a title agrees with a plural subject and keeps no light verb of the parse's") {
    const auto titles = titles_of(extract(
        "The General Staff reported that Russian forces conducted airstrikes against Hulyaipole "
        "and Olhivske on March 3.\n\nFifteen people were killed in the Copperbelt during food "
        "riots on March 2.",
        date::sys_days{date::year{2022} / 3 / 4}));
    CAPTURE(titles);
    CHECK(has(titles, "Fifteen people are killed in Copperbelt"));
    for (const auto& t : titles) {
      CHECK(t.find("launches conducted") == std::string::npos);
    }
  }

  TEST_CASE("an organisation naming an event noun holds it, not the host city's country") {
    const auto titles = titles_of(
        extract("The security pact is now on the agenda for the NATO summit in July in Vilnius, "
                "Lithuania's capital, officials said.",
                date::sys_days{date::year{2023} / 5 / 23}));
    CAPTURE(titles);
    CHECK(has(titles, "NATO holds a summit in Vilnius"));
  }

  TEST_CASE("an event noun's 'by' phrase names who did it, and the title says it once") {
    // Error classes: no one acting ("Sanctions by the European Union"), and the phrase kept
    // beside the actor ("Russia imposes blockade of Mariupol by forces").
    const auto x = extract_triggers(
        "On May 4, new sanctions by the European Union were announced.\n\nThe blockade of "
        "Mariupol by Russian forces began on March 1.",
        date::sys_days{date::year{2022} / 5 / 6}, {"sanctions", "blockade"});
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    CHECK(has(titles, "European Union imposes sanctions"));
    CHECK(has(titles, "Russia imposes blockade of Mariupol"));
  }

  TEST_CASE("a title does not name its actor again as the object's possessor or adjective") {
    // Error class: "Russia launches Russian assaults on Izyum", the actor taken from another
    // mention of Russia than the adjective the phrase keeps (ISW, 18 March 2022).
    const auto x = extract_triggers(
        "Russian commanders said that Russian assaults on Izyum went on all day on March 18.",
        date::sys_days{date::year{2022} / 3 / 19}, {"assaults"});
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    CHECK(has(titles, "Russia launches assaults on Izyum"));
  }

  TEST_CASE("a telling verb's title says what the addressee was told") {
    // The tagger reads the "that" after the addressee as a relative pronoun; the clause is
    // still what was said, not a description of the counterparts.
    const auto x = extract(
        "And last week, Biden told his Group of Seven counterparts that the US would support "
        "training Ukrainian pilots to fly F-16 jets.",
        date::sys_days{date::year{2023} / 5 / 23});
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    CHECK(has(titles, "Biden tells G7 the US would support training Ukrainian pilots"));
  }

  TEST_CASE("a meeting's partner the gazetteer does not know is named by the person's name") {
    // Not "Vladimir Putin holds working meeting", nor "... with Head" or with the whole
    // "Federal Taxation Service Daniil Yegorov".
    const auto titles = titles_of(extract(
        "On March 5, Vladimir Putin had a working meeting with Head of the Federal Taxation "
        "Service Daniil Yegorov, who reported on the results of the service over the past year "
        "and its plans.",
        kDay));
    CAPTURE(titles);
    CHECK(has(titles, "Vladimir Putin holds working meeting with Daniil Yegorov"));
  }

  TEST_CASE("a city does not speak: its official or council does") {
    const auto x = extract(
        "Melitopol Mayor Ivan Fedorov claimed on March 4 that Russian forces are blocking men "
        "from leaving the city.\n\nThe Mariupol City Council stated on March 5 that Russian "
        "forces had deported residents.",
        kDay);
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    // What the mayor claimed is the event, the mayor its claimant (the claim outranks nothing
    // the trigger model is surer of: extractor.cpp, "one date expression dates one happening").
    const auto claimed = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.title.starts_with("Russia blocks men") ||
             e.title == "Ivan Fedorov claims Russian forces are blocking men";
    });
    REQUIRE(claimed != x.events.end());
    if (claimed->title.starts_with("Russia")) {
      CHECK(std::any_of(claimed->participants.begin(), claimed->participants.end(),
                        [](const auto& p) {
                          return p.role == kb::Role::claimant && p.name == "Ivan Fedorov" &&
                                 p.kind == kb::EntityKind::person;
                        }));
    }
    CHECK(has(titles, "Mariupol City Council states Russian forces had deported residents"));
    for (const auto& e : x.events) {
      for (const auto& p : e.participants) {
        INFO(e.title << ": " << p.name);
        CHECK_FALSE((p.role == kb::Role::actor && p.kind == kb::EntityKind::place));
        CHECK_FALSE((p.role == kb::Role::claimant && p.kind == kb::EntityKind::place));
      }
    }
  }

  TEST_CASE("a decree's title says what it is about, never a date or a dangling 'of'") {
    const auto titles = titles_of(extract(
        "On March 4, President Vladimir Putin signed the Executive Order On Conferring Honourary "
        "Title on the 64th Detached Motor Rifle Brigade.\n\nThe President signed a decree on "
        "March 12.",
        kDay));
    CAPTURE(titles);
    CHECK(has(titles, "Vladimir Putin signs Executive Order on Conferring Honourary Title"));
    for (const auto& t : titles) {
      CHECK(t.find("on 12") == std::string::npos);
      CHECK_FALSE(t.ends_with(" of"));
    }
  }

  TEST_CASE("a title says what the object was urged to do and what one took part in") {
    // The parser hangs the infinitive on "urged" as an adverbial clause, and the United States
    // is the target, not a plain object: the infinitive is still what was urged.
    const auto urged = titles_of(
        extract("On March 2, Russia urged the United States to stop arming Ukraine.", kDay));
    CAPTURE(urged);
    CHECK(has(urged, "Russia urges United States to stop arming Ukraine"));
    const auto part = titles_of(extract(
        "Vladimir Putin took part in a videoconference ceremony to launch the new metro line on "
        "March 7.",
        kDay));
    CAPTURE(part);
    CHECK(has(part, "Vladimir Putin takes part in videoconference ceremony"));
    // A purpose clause is no part of the headline of a verb that controls no object.
    const auto deploys = titles_of(extract(
        "Russian forces deployed additional artillery to support offensive operations on March "
        "12.",
        kDay));
    CAPTURE(deploys);
    for (const auto& t : deploys) {
      CHECK(t.find("to support") == std::string::npos);
    }
  }

  TEST_CASE("an event noun without a verb takes the support verb the corpus gives it") {
    const auto x = extract(
        "Russian forces made limited territorial gains near Izium on March 19.\n\nVladimir "
        "Putin's video address to veterans on March 20 was broadcast across Russia.",
        date::sys_days{date::year{2022} / 3 / 21});
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    // Not "Limited territorial gains by Russia near Izium", "Video address by Vladimir Putin".
    CHECK(has(titles, "Russia makes limited territorial gains near Izium"));
    CHECK(has(titles, "Vladimir Putin delivers video address to veterans"));
    const auto loaded = ex::SupportVerbs::load(data_dir() / "events" / "support_verbs.tsv");
    REQUIRE(loaded.has_value());
    const ex::SupportVerbs& support = *loaded;
    CHECK(support.verb("gain") == "make");
    CHECK(support.verb("concern") == "express");
    CHECK(support.verb("counterattack") == "conduct");
    CHECK(support.verb("no-such-noun").empty());
  }

  TEST_CASE("a damaged support-verb table is refused naming the file and line") {
    const auto dir = std::filesystem::temp_directory_path() / "kb-support-verbs-test";
    std::filesystem::create_directories(dir);
    const auto path = dir / "support_verbs.tsv";
    {
      std::ofstream out(path, std::ios::binary);
      out << "# noun\tverb\tcount\tshare\ngain\tmake\t163\t0.89\nconcern express 84\n";
    }
    const auto bad = ex::SupportVerbs::load(path);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message.find("support_verbs.tsv:3") != std::string::npos);
    {
      std::ofstream out(path, std::ios::binary);
      out << "gain\tmake\t163\t0.89\nconcern\texpress\t84\t1.00\n";
    }
    const auto good = ex::SupportVerbs::load(path);
    REQUIRE(good.has_value());
    CHECK(good->verb("concern") == "express");
    CHECK(good->verb("gain") == "make");
    CHECK_FALSE(ex::SupportVerbs::load(dir / "missing.tsv").has_value());
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("the direct object before the recipient, 'of' is no preposition of the verb") {
    const auto x = extract(
        "Vladimir Putin sent Ilham Aliyev a message on March 13.\n\nAndriy Yermak met the "
        "President of South Korea on March 13.",
        kDay);
    const std::vector<std::string> titles = titles_of(x);
    CAPTURE(titles);
    CHECK(has(titles, "Vladimir Putin sends message to Ilham Aliyev"));
    CHECK(has(titles, "Andriy Yermak meets President of South Korea"));
  }

  TEST_CASE("a denied happening is no event") {
    // EVENTS-GUIDE: negations are no event (error class: "Confirmed ground attacks" stored for
    // "did not conduct any confirmed ground attacks").
    const auto denied = extract(
        "Russian forces did not conduct any confirmed ground attacks near Bakhmut on March 13.",
        kDay);
    CHECK(denied.events.empty());
    const auto stated =
        extract("Russian forces conducted ground attacks near Bakhmut on March 13.", kDay);
    CHECK_FALSE(stated.events.empty());
  }

  TEST_CASE("a reported clause keeps its 'there' or 'it', and one without a subject is not said") {
    // Error classes: "Ramzan Kadyrov states are no changes", "Volodymyr Zelensky stresses is
    // important", "Prigozhin claims was filmed in Soledar" (a relative clause's "which").
    const auto titles = titles_of(extract(
        "On March 13, Volodymyr Zelenskyy stressed: \"It is extremely important to increase "
        "sanctions pressure.\"\n\nOn March 13, Ramzan Kadyrov stated that there are no changes."
        "\n\nOn March 13, Prigozhin published footage, which he claimed was filmed in Soledar.",
        kDay));
    CAPTURE(titles);
    CHECK(has(titles, "Ramzan Kadyrov states there are no changes"));
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Volodymyr Zelensky stresses it is important");
    }));
    for (const auto& t : titles) {
      CHECK(t.find(" was filmed") == std::string::npos);
    }
  }

  TEST_CASE("a country's adjective on an attack noun names who attacks") {
    // Error class: "Ukraine launches Russian shelling of the Kherson region", the role model
    // taking the country the region lies in.
    const auto x = extract(
        "A 9-year-old girl died today as a result of the Russian shelling of the Kherson region "
        "of Ukraine.",
        kDay);
    const auto titles = titles_of(x);
    CAPTURE(titles);
    const auto shelling = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.title.find("shelling") != std::string::npos && e.kind == kb::EventKind::attack;
    });
    REQUIRE(shelling != x.events.end());
    CHECK(kb::test::blind_round::has_actor(*shelling, "Russia"));
    CHECK_FALSE(kb::test::blind_round::has_actor(*shelling, "Ukraine"));
  }

  TEST_CASE("what a denial denies is no event, the denial is") {
    // EVENTS-GUIDE: denials are no event (error class: "Ukraine liberates Kreminna" for "denied
    // reports that Ukrainian forces liberated Kreminna", "Ukraine attacks Russian positions",
    // "Russia prepares for wave of partial mobilization" stored as happenings).
    for (const char* text :
         {"Haidai denied reports that Ukrainian forces liberated Kreminna on March 13.",
          "Russian milbloggers denied social media reports that Ukrainian forces attacked "
          "Russian positions near the Donetsk City Airport on March 13.",
          "On March 13, the Kremlin denied that Russian authorities are preparing another wave "
          "of partial mobilization."}) {
      CAPTURE(text);
      const auto titles = titles_of(extract(text, kDay));
      CAPTURE(titles);
      for (const auto& t : titles) {
        CHECK_FALSE(t.starts_with("Ukraine "));
        CHECK_FALSE(t.starts_with("Russia prepares"));
        CHECK_FALSE(t.starts_with("Russia launches"));
      }
    }
    // Denying one's part in a happening does not deny the happening.
    const auto titles =
        titles_of(extract("On March 13, Russia denied involvement in the attack on Kyiv.", kDay));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(),
                      [](const std::string& t) { return t.find("ttack") != std::string::npos; }));
  }

  TEST_CASE("a conditional or a happening an evaluation only supposes is no event") {
    // EVENTS-GUIDE: hypotheticals and conditionals are no event (error classes: "Ukraine
    // launches counterattack" for "... if Ukrainian forces launch a counterattack", "Vladimir
    // Putin storms industrial zone" for "it would be inadvisable to storm this industrial zone").
    struct Case {
      const char* text;
      const char* word;  // a word of the title of the happening
      bool stated;       // whether the text states the happening
    };
    for (const Case& c : std::initializer_list<Case>{
             {"Russian forces will withdraw from the spit if Ukrainian forces launch a "
              "counterattack on March 13.",
              "counterattack", false},
             // the clause a condition is put on
             {"If Russia invades Ukraine on March 13, the West will impose sanctions.", "imposes",
              false},
             {"President of Russia Vladimir Putin: On March 13, I said that it would be "
              "inadvisable to storm this industrial zone.",
              "storms", false},
             {"On March 13, Zelensky said that additional effective sanctions would be an "
              "embargo on imports of all Russian products.",
              "imposes", false},
             // a warning's condition is part of the warning, which is a statement
             {"On March 13, Kremlin spokesman Dmitry Peskov warned Washington of stronger "
              "countermeasures if the military escalation continued.",
              "warns", true},
             // a concessive "even if" puts no condition on what it follows
             {"Vice Prime Minister Iryna Vereschuk made an announcement on March 13 calling on "
              "civilians to evacuate, even if that required them to flee to Crimea.",
              "announcement", true},
             {"Russian forces stormed the industrial zone on March 13.", "storms", true}}) {
      CAPTURE(c.text);
      const auto titles = titles_of(extract(c.text, kDay));
      CAPTURE(titles);
      CHECK(std::any_of(titles.begin(), titles.end(), [&](const std::string& t) {
              return t.find(c.word) != std::string::npos;
            }) == c.stated);
    }
  }

  TEST_CASE("a happening whose object is denied by no is no event") {
    // Error class: "Russia takes active actions in this area" for "took no active actions".
    const auto denied =
        extract("Russian units attempted no ground attacks near Lyman on March 13.", kDay);
    CHECK(denied.events.empty());
    const auto stated =
        extract("Russian units attempted ground attacks near Lyman on March 13.", kDay);
    CHECK_FALSE(stated.events.empty());
  }

  TEST_CASE("a forecast or a possibility is no event, an announced plan is") {
    // EVENTS-GUIDE: forecasts and hypotheticals are left out (error class: "Russia captures
    // Mariupol", planned, for an analysis's "will likely capture Mariupol in the coming week").
    for (const char* text :
         {"Russian troops will likely begin a new assault on the west of Kyiv on March 15.",
          "Russian troops may begin a new assault on the west of Kyiv on March 15.",
          "Russian troops are likely to begin a new assault on the west of Kyiv on March 15."}) {
      CAPTURE(text);
      CHECK(titles_of(extract(text, kDay)).empty());
    }
    const auto plan =
        extract("Russian troops will begin a new assault on the west of Kyiv on March 15.", kDay);
    CHECK_FALSE(plan.events.empty());
    // A modal of another clause that the parser hangs on the verb across a comma is not its.
    const auto met = extract(
        "However that may be, Defense Minister Sergey Shoigu met with Surovikin on March 9 at a "
        "public event and told him to pull back.",
        kDay);
    CAPTURE(titles_of(met));
    CHECK_FALSE(met.events.empty());
  }

  TEST_CASE("a headline names what the verb acts on as the text says it, and where") {
    // A name that only modifies the object is not the object (error class: "Russia seizes
    // Ukraine" for "... seizing Ukrainian farming machinery").
    const auto seized = extract(
        "Ukrainian military intelligence reported on March 14 that Russian forces are seizing "
        "Ukrainian farming machinery.",
        kDay);
    REQUIRE_FALSE(seized.events.empty());
    CHECK(seized.events.front().title.find("farming machinery") != std::string::npos);
    // The place the headline does not name yet is added with the text's preposition.
    const auto shelled =
        extract("Russian forces shelled settlements near Izyum on March 13.", kDay);
    REQUIRE_FALSE(shelled.events.empty());
    INFO(shelled.events.front().title);
    CHECK(shelled.events.front().title.starts_with("Russia shells settlements near Iz"));
  }

  TEST_CASE("a headline says where by the bearing the text gives") {
    // Error classes: "Russia conducts limited ground attack southwest near Donetsk", the parser
    // making the bearing the object's head; "Ukraine launches counteroffensive operations", the
    // place said on the verb of a noun's happening left out; "near" for "north of".
    const auto attack = extract(
        "Russian troops carried out a small ground attack southwest of Donetsk City on March 13.",
        kDay);
    CAPTURE(titles_of(attack));
    CHECK(has(titles_of(attack), "Russia carries out small ground attack southwest of Donetsk"));
    const auto operations = extract(
        "Ukrainian troops continued to launch counterattacks north of Kherson City on March 13.",
        kDay);
    CAPTURE(titles_of(operations));
    CHECK(has(titles_of(operations), "Ukraine launches counterattacks north of Kherson"));
  }

  TEST_CASE("a date hung inside a partner's phrase does not lose the partner") {
    // Error class: "Vladimir Putin meets", the parser hanging "yesterday" on "services".
    const auto met = extract(
        "Vladimir Putin met with the Foreign Minister and the heads of the security services "
        "yesterday.",
        kDay);
    CAPTURE(titles_of(met));
    CHECK(has(titles_of(met), "Vladimir Putin meets with Foreign Minister"));
  }

  TEST_CASE("a person the knowledge base knows gets the role the text introducing them gives") {
    // Error class: `kb extract` lost "target Damon Wilson" that the import gave: after the import
    // stored him, recognition matched him by name, not by the appositive or the title that
    // introduced him, and the role model read a person known by name as the side that acts.
    const auto targets = [](const ex::Extraction& x) {
      std::string out;
      for (const auto& e : x.events) {
        out += e.title + ":";
        for (const auto& p : e.participants) {
          out += p.role == kb::Role::target ? " " + p.name : "";
        }
        out += "; ";
      }
      return out;
    };
    const auto check = [&](const std::string& text, const std::string& name,
                           const std::string& description) {
      kb::importers::Article a;
      a.title = "Test article";
      a.text = text;
      a.origin = "test.txt";
      a.published = date::sys_seconds(kDay);
      const std::string first = targets(learned_extractor().extract(a));
      REQUIRE(first.find(" " + name + ";") != std::string::npos);
      kb::importers::Gazetteer known = gazetteer();
      kb::importers::NamedEntity person;
      person.name = name;
      person.kind = kb::EntityKind::person;
      person.description = description;
      person.from_kb = true;  // as services::add_kb_entities adds what the import stored
      known.add_entity(person);
      std::vector<std::string> warnings;
      const ex::Extractor again(known, ex::default_options(data_dir(), warnings));
      CHECK(targets(again.extract(a)) == first);
    };
    check(
        "Andriy Yermak had a meeting with Damon Wilson, an American expert on foreign policy, in "
        "Kyiv.",
        "Damon Wilson", "American expert");
    check(
        "Volodymyr Zelenskyy held a meeting with Prime Minister of Bulgaria Kiril Petkov in Kyiv.",
        "Kiril Petkov", "Prime Minister of Bulgaria");
  }

  TEST_CASE("a relative clause's predicate does not stand for its sentence's happening") {
    // Error class: "Russia pays official visit to Russia" kept for a readout's talks, both dated
    // by the publication day and the relative clause's visit the surer of the two.
    const auto talks = extract(
        "Vladimir Putin and President of Kazakhstan Kassym-Jomart Tokayev, who is paying an "
        "official visit to Russia, held talks in the Kremlin.",
        kDay);
    CAPTURE(titles_of(talks));
    REQUIRE(talks.events.size() == 1);
    CHECK(talks.events.front().title.starts_with("Vladimir Putin holds talks"));
  }

  TEST_CASE("a headline never splits a word written with a hyphen") {
    // Error class: "Russia strikes cities of Zaporizhzhia with S" for "... with S-300 missiles",
    // "Small scale attacks" for "small-scale attacks": the tokenizer splits hyphenated words.
    const auto struck = extract(
        "Ukrainian officials said on March 13 that Russian troops hit the cities of Zaporizhzhia "
        "and Mykolaiv with S-300 missiles.",
        kDay);
    const auto titles = titles_of(struck);
    CAPTURE(titles);
    REQUIRE_FALSE(titles.empty());
    for (const auto& title : titles) {
      CHECK_FALSE(title.ends_with(" S"));
    }
    CHECK(std::any_of(titles.begin(), titles.end(),
                      [](const std::string& t) { return t.find("S-300") != std::string::npos; }));
  }

  TEST_CASE("in an address, I is the speaker, and two calls with two leaders are two events") {
    // Error classes: "United Arab Emirates speaks with Egypt" for the President's "I spoke with
    // the President of Egypt and the Crown Prince of the United Arab Emirates"; the call with
    // Macron merged into the call with Scholz, the one's partner not taken for a target.
    kb::importers::Article a;
    a.title = "Address by President of Ukraine Volodymyr Zelenskyy";
    a.publisher = "President of Ukraine (president.gov.ua)";
    a.text =
        "I spoke this morning with the President of Egypt and with the Crown Prince of the "
        "United Arab Emirates.\n\nI spoke today with German Chancellor Olaf Scholz, in "
        "particular about this. About the shelling of our towns and our people. I spoke with "
        "French President Macron.";
    a.origin = "test.txt";
    a.published = date::sys_seconds(kDay);
    const auto x = learned_extractor().extract(a);
    const auto titles = titles_of(x);
    CAPTURE(titles);
    REQUIRE_FALSE(x.events.empty());
    CHECK(x.events.front().title.starts_with("Volodymyr Zelensky speaks with"));
    CHECK(std::count_if(titles.begin(), titles.end(), [](const std::string& t) {
            return t.starts_with("Volodymyr Zelensky speaks with");
          }) == 3);
  }

  TEST_CASE("sides joined as the subject act together, and the headline names them") {
    // Error class: the second party lost ("Russia signs Treaty of Shimoda" for "Russia and Japan
    // signed ..."), or taken for the target of what both did.
    const auto x = extract(
        "In 1855, Russia and Japan signed a treaty on the Kuril islands.\n\nOn March 3, the "
        "Russian and Ukrainian forces clashed near the border village.",
        kDay);
    const auto titles = titles_of(x);
    CAPTURE(titles);
    const auto signed_treaty = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.title.starts_with("Russia and Japan sign");
    });
    REQUIRE(signed_treaty != x.events.end());
    const auto has = [](const kb::importers::extract::ExtractedEvent& e, std::string_view name,
                        kb::Role role) {
      return std::any_of(e.participants.begin(), e.participants.end(),
                         [&](const auto& p) { return p.name == name && p.role == role; });
    };
    CHECK(has(*signed_treaty, "Russia", kb::Role::actor));
    CHECK(has(*signed_treaty, "Japan", kb::Role::actor));
    CHECK_FALSE(has(*signed_treaty, "Japan", kb::Role::target));
    const auto clashed = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.title.starts_with("Russia and Ukraine clash");
    });
    REQUIRE(clashed != x.events.end());
    CHECK(has(*clashed, "Ukraine", kb::Role::actor));
    CHECK_FALSE(has(*clashed, "Ukraine", kb::Role::target));
  }

  TEST_CASE("a headline names a titled partner by name and a visit's destination directly") {
    // Error classes: "Vladimir Putin holds telephone conversation with President of Finland"
    // (the partner's title kept, the name lost) and "Ilham Aliyev visits to Moscow".
    const std::string kremlin = "President of Russia (en.kremlin.ru)";
    auto titles = titles_of(extract(
        "Vladimir Putin had a telephone conversation with President of Finland Sauli Fakenen on "
        "Monday.",
        kDay, kremlin));
    for (std::string& t : titles_of(extract(
             "Prime Minister of Israel Naftali Bennett made a short working visit to Moscow on "
             "Monday.",
             kDay, kremlin))) {
      titles.push_back(std::move(t));
    }
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Vladimir Putin") && t.ends_with("with Sauli Fakenen");
    }));
    CHECK(std::find(titles.begin(), titles.end(), "Naftali Bennett visits Moscow") != titles.end());
    CHECK(std::none_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.find("visits to") != std::string::npos;
    }));
  }

  TEST_CASE("an event noun with an actor takes the corpus's verb, not a noun phrase with by") {
    // Error class: "Speech by Vladimir Putin", "Interview by Mykhailo Podolyak" (357 titles
    // "... by ..." in a full import): the support verb of data/events/support_verbs.tsv.
    const auto titles = titles_of(extract(
        "Vladimir Putin made it clear in his speech on Monday that sanctions would not deter "
        "Russia.",
        kDay, "President of Russia (en.kremlin.ru)"));
    CAPTURE(titles);
    CHECK(std::find(titles.begin(), titles.end(), "Vladimir Putin makes speech") != titles.end());
    CHECK(std::none_of(titles.begin(), titles.end(),
                       [](const std::string& t) { return t.find(" by ") != std::string::npos; }));
  }

  TEST_CASE("a partner named only by a country's office is the office, not the country") {
    // Error class: "Volodymyr Zelensky speaks with Japan" for a talk with the Prime Minister of
    // Japan, whose name the sentence does not give.
    const auto titles =
        titles_of(extract("Volodymyr Zelenskyy spoke today with the Prime Minister of Japan.", kDay,
                          "President of Ukraine (president.gov.ua)"));
    CAPTURE(titles);
    CHECK(std::find(titles.begin(), titles.end(),
                    "Volodymyr Zelensky speaks with Prime Minister of Japan") != titles.end());
  }

  TEST_CASE("a readout's leaders are the two sides of its call, and the partner is its target") {
    // Error classes: "Leaders agree on further personal contacts" in a readout of a call
    // between two presidents; the call's other side named in its headline but not among its
    // entities, so a timeline of that side missed the call.
    const auto x = extract(
        "Vladimir Putin had a telephone conversation with President of Turkey Recep Tayyip "
        "Erdogan. The leaders talked about the situation in Syria. The leaders agreed on further "
        "personal contacts. During the call, both leaders reaffirmed their intention to deepen "
        "ties.",
        kDay, "President of Russia (en.kremlin.ru)");
    const auto titles = titles_of(x);
    CAPTURE(titles);
    const auto agreed = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.title.starts_with("Vladimir Putin and Recep Tayyip Erdogan agree");
    });
    REQUIRE(agreed != x.events.end());
    const auto acts = [&](std::string_view name) {
      return std::any_of(
          agreed->participants.begin(), agreed->participants.end(),
          [&](const auto& p) { return p.name == name && p.role == kb::Role::actor; });
    };
    CHECK(acts("Vladimir Putin"));
    CHECK(acts("Recep Tayyip Erdogan"));
    CHECK(std::find(titles.begin(), titles.end(),
                    "Vladimir Putin and Recep Tayyip Erdogan reaffirm intention to deepen ties") !=
          titles.end());
    const auto call = std::find_if(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.title.starts_with("Vladimir Putin ") &&
             e.title.ends_with(" with Recep Tayyip Erdogan");
    });
    REQUIRE(call != x.events.end());
    CHECK(std::any_of(call->participants.begin(), call->participants.end(), [](const auto& p) {
      return p.name == "Recep Tayyip Erdogan" && p.role == kb::Role::target;
    }));
  }

  TEST_CASE("a happening no one acts in is titled with what its clause says became of it") {
    // Error class: verbless titles ("Explosions in Enerhodar", "Meeting in Geneva"), the
    // judges' largest class of unusable titles.
    const auto titles = titles_of(
        extract("Loud explosions were heard in the town of Enerhodar on March 12.", kDay));
    CAPTURE(titles);
    CHECK(has(titles, "Loud explosions are heard in town of Enerhodar"));
  }

  TEST_CASE("a call's partner after a title the parser took for the phrase's head is kept") {
    // Error class: "Volodymyr Zelensky holds phone conversation" for a call "with German
    // Chancellor Angela Merkel" ("with" hung on the title, the name the phrase's head).
    const auto titles = titles_of(
        extract("President of Ukraine Volodymyr Zelenskyy had a phone conversation with German "
                "Chancellor Angela Merkel on Monday.",
                kDay, "President of Ukraine (president.gov.ua)"));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return (t.starts_with("Volodymyr Zelensky holds phone conversation with") ||
              t.starts_with("Volodymyr Zelensky talks with")) &&
             t.ends_with("Angela Merkel");
    }));
  }

  TEST_CASE("an over-long sentence is skipped with one warning") {
    // 100 KB without a full stop: reading it took time quadratic in its length (minutes for a
    // megabyte); bench/ measures the speed, this checks that it is not read.
    std::string text = "Russia attacked Kharkiv on March 13";
    for (int i = 0; i < 2000; ++i) {
      text += " and Ukraine said forces captured a town near Bakhmut";
    }
    text += ". Russian forces shelled Kharkiv on March 12.";
    const auto x = extract(text, kDay);
    CHECK(std::count_if(x.warnings.begin(), x.warnings.end(), [](const std::string& w) {
            return w.find("not read for events") != std::string::npos;
          }) == 1);
    for (const auto& e : x.events) {
      CHECK(e.quote.size() <= 2000);
    }
  }

  TEST_CASE("the learned extractor survives invalid UTF-8, control bytes and odd punctuation") {
    std::string text = "Russia \xff\xfe attacked \x01\x02 Kyiv on March 13.\n\n";
    text += std::string(300, '.') + " On March 12 \xe2\x80 forces \xc3( captured. ";
    text += R"("""(((]]] on March 11 ;;; --- 2022 2021 1994.)";
    text += std::string("\0\0 Ukraine struck on Monday.", 28);
    const auto x = extract(text, kDay);
    for (const auto& e : x.events) {
      CHECK(e.quote_end <= text.size());
      CHECK_FALSE(e.title.empty());
    }
  }

  TEST_CASE("a title names what a wave, series or number of counts, not the count") {
    const auto titles = titles_of(extract(
        "Russian forces conducted a wave of precision strikes against Ukrainian energy facilities "
        "on September 10. Serbian forces repulsed a number of attacks near Belgrade on May 3.",
        date::sys_days{date::year{2022} / 9 / 12}));
    CAPTURE(titles);
    CHECK(has(titles, "Russia conducts precision strikes against Ukrainian energy facilities"));
    CHECK(has(titles, "Serbia repulses attacks near Belgrade"));
  }

  TEST_CASE("a meeting with no object names its partner before any other oblique") {
    const auto titles = titles_of(extract(
        "Vladimir Putin met, via videoconference, with members of the Opora Rossii business "
        "association.",
        date::sys_days{date::year{2022} / 3 / 5}));
    CAPTURE(titles);
    CHECK(has(titles, "Vladimir Putin meets with Opora Rossii"));
  }

  TEST_CASE("a meeting held with someone the role model left out names them") {
    const auto titles = titles_of(
        extract("On Tuesday, President Ivan Fakeov held a meeting with the heads of the regional "
                "military administrations. On Monday, Ivan Fakeov held a meeting in the capital.",
                date::sys_days{date::year{2022} / 5 / 11}));
    CAPTURE(titles);
    CHECK(has(titles, "Ivan Fakeov holds meeting with heads of regional military administrations"));
    for (const auto& t : titles) {
      CHECK(t.find("with capital") == std::string::npos);
    }
  }

  TEST_CASE("an object cut to its head keeps what its 'of' or 'for' names") {
    const auto titles = titles_of(extract(
        "On May 3, Ukraine started preparations for the full-scale restoration of damaged bridges, "
        "schools, hospitals and rural roads.",
        date::sys_days{date::year{2022} / 5 / 4}));
    CAPTURE(titles);
    CHECK(has(titles, "Ukraine starts preparations for full-scale restoration"));
  }

  TEST_CASE("a relative pronoun is read as its noun, another pronoun gives no title") {
    const auto titles = titles_of(extract(
        "Estonia now hosts a British brigade of 3,000 soldiers, which were deployed there in "
        "March. On March 3, he was killed by an artillery strike.",
        date::sys_days{date::year{2022} / 3 / 14}));
    CAPTURE(titles);
    CHECK(has(titles, "United Kingdom deploys British brigade of 3,000 soldiers"));
    for (const auto& t : titles) {
      CHECK(t.find("which") == std::string::npos);
      CHECK(!t.starts_with("He "));
    }
  }

  TEST_CASE("a sentence is never its own title") {
    const std::string text = "The annual award for young painters was established in 2008.";
    const auto x = extract(text, date::sys_days{date::year{2022} / 3 / 14});
    for (const auto& e : x.events) {
      CHECK(!text.starts_with(e.title));
    }
  }

  TEST_CASE("two coordinated modifiers keep the noun they modify in a title") {
    const auto titles = titles_of(
        extract("Serbian forces continued air and missile strikes against Sarajevo on May 3. "
                "Serbian forces "
                "destroyed two Bosnian sabotage and reconnaissance groups near Mostar on May 5.",
                date::sys_days{date::year{2022} / 5 / 14}));
    CAPTURE(titles);
    REQUIRE(titles.size() == 2);
    CHECK(titles[0].ends_with(" air and missile strikes against Sarajevo"));
    // "near Mostar": a place by its cue (recognizer), named where there is room.
    CHECK(titles[1] ==
          "Serbia destroys two Bosnian sabotage and reconnaissance groups near Mostar");
  }

  TEST_CASE("of two predicates one date dates, the one the model is surest of stands") {
    const auto titles = titles_of(
        extract("Serbian forces continued offensive operations around Tuzla and reportedly took "
                "control of Brcko on May 5.",
                date::sys_days{date::year{2022} / 5 / 14}));
    CAPTURE(titles);
    REQUIRE(titles.size() == 1);
    CHECK(titles[0].starts_with("Serbia takes control of Brcko"));
  }

  TEST_CASE("a date dates the predicate it hangs on, not another clause of its sentence") {
    // "perceived" is the surer predicate, but "on March 3" dates the annexation the sentence
    // mentions (error class: "Russia perceives good attitude of other states" on the day of the
    // invasion).
    const auto titles = titles_of(
        extract("The annexation of Kosovo on March 3 showed that the Serbian government perceived "
                "the restraint of other states as weakness.",
                date::sys_days{date::year{2022} / 6 / 1}));
    CAPTURE(titles);
    REQUIRE(titles.size() == 1);
    CHECK(titles[0].find("nnexation") != std::string::npos);
  }

  TEST_CASE("an event noun with no verb of its own is titled by the verb WordNet derives it from") {
    const auto titles = titles_of(
        extract("The signing of the border agreements by Serbia took place on March 3. The "
                "deployment of peacekeepers by Russia in Nagorno-Karabakh began on March 4.",
                date::sys_days{date::year{2022} / 3 / 14}));
    CAPTURE(titles);
    CHECK(has(titles, "Serbia signs border agreements"));
    CHECK(has(titles, "Russia deploys peacekeepers in Nagorno-Karabakh"));
  }

  TEST_CASE("a word of time is no object of a headline") {
    const auto titles = titles_of(
        extract("Serbian forces shelled the hospital at noon local time on March 12. The Serbian "
                "army withdrew for the first time on March 13.",
                date::sys_days{date::year{2022} / 3 / 14}));
    CAPTURE(titles);
    for (const auto& t : titles) {
      CHECK(t.find("time") == std::string::npos);
    }
  }

  // A headline from a hand-written parse (as the beam parser reads these sentences), so the case
  // holds whatever the shipped parser makes of the words.
  // `name`, when given, marks words [first, last] as one recognised name.
  std::string headline_of(const std::string& conllu, std::size_t predicate,
                          const std::string& actor,
                          std::optional<std::pair<std::size_t, std::size_t>> name = std::nullopt) {
    auto parsed = kb::analysis::read_conllu(conllu);
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 1);
    ex::learned::SynSentence s = ex::learned::bare(std::move(parsed->front()));
    if (name) {
      ex::learned::SynMention m;
      m.first = name->first;
      m.last = name->second;
      m.head = name->first;
      m.kind = kb::EntityKind::organisation;
      s.mentions.push_back(m);
      for (std::size_t k = name->first; k <= name->second; ++k) {
        s.mention_of[k] = 0;
      }
    }
    ex::learned::Decision d;
    d.word = predicate;
    return ex::learned::headline(s, d, actor, "");
  }

  TEST_CASE("a headline reads what was said and the object whichever way the parser hung them") {
    // "NATO would be a red line" read as a clause of the gerund: the gerund is its subject, and
    // the whole is what was said (not "Russia says Ukraine joining").
    CHECK(headline_of("1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
                      "2\tKremlin\tKremlin\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
                      "3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                      "4\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_\n"
                      "5\tUkraine\tUkraine\tPROPN\tNNP\t_\t6\tnsubj\t_\t_\n"
                      "6\tjoining\tjoin\tVERB\tVBG\t_\t3\tccomp\t_\t_\n"
                      "7\tNATO\tNATO\tPROPN\tNNP\t_\t12\tnsubj\t_\t_\n"
                      "8\twould\twould\tAUX\tMD\t_\t12\taux\t_\t_\n"
                      "9\tbe\tbe\tAUX\tVB\t_\t12\tcop\t_\t_\n"
                      "10\ta\ta\tDET\tDT\t_\t12\tdet\t_\t_\n"
                      "11\tred\tred\tADJ\tJJ\t_\t12\tamod\t_\t_\n"
                      "12\tline\tline\tNOUN\tNN\t_\t6\tccomp\t_\tSpaceAfter=No\n"
                      "13\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n",
                      2, "Russia") == "Russia says Ukraine joining NATO would be a red line");
    // A time of day hung on the object as its modifier is no part of the object.
    CHECK(headline_of("1\tSerbian\tSerbian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                      "2\tforces\tforce\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                      "3\tshelled\tshell\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                      "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
                      "5\thospital\thospital\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
                      "6\tat\tat\tADP\tIN\t_\t9\tcase\t_\t_\n"
                      "7\tnoon\tnoon\tNOUN\tNN\t_\t9\tcompound\t_\t_\n"
                      "8\tlocal\tlocal\tADJ\tJJ\t_\t9\tamod\t_\t_\n"
                      "9\ttime\ttime\tNOUN\tNN\t_\t5\tnmod\t_\tSpaceAfter=No\n"
                      "10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n",
                      2, "Serbia") == "Serbia shells hospital");
    // A name that opens with a partitive noun is no partitive: "Group of Seven" is the G7.
    const std::string told =
        "1\tBiden\tBiden\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\ttold\ttell\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
        "4\tGroup\tGroup\tPROPN\tNNP\t_\t2\tiobj\t_\t_\n"
        "5\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n"
        "6\tSeven\tSeven\tNUM\tCD\t_\t7\tnummod\t_\t_\n"
        "7\tcounterparts\tcounterpart\tNOUN\tNNS\t_\t4\tnmod\t_\tSpaceAfter=No\n"
        "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    CHECK(headline_of(told, 1, "Biden", std::pair<std::size_t, std::size_t>{3, 5}) ==
          "Biden tells Group of Seven counterparts");
  }

  // The headline of `predicate` after mend_complements, with the head and relation it leaves on
  // word `w`.
  struct Mended {
    std::string title;
    int head = 0;  // 1-based, as in CoNLL-U
    std::string deprel;
  };
  Mended mended(const std::string& conllu, std::size_t predicate, const std::string& actor,
                std::size_t w) {
    auto parsed = kb::analysis::read_conllu(conllu);
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 1);
    ex::learned::SynSentence s = ex::learned::bare(std::move(parsed->front()));
    ex::learned::mend_complements(s);
    ex::learned::Decision d;
    d.word = predicate;
    return {ex::learned::headline(s, d, actor, ""), s.parse.words[w].head, s.parse.words[w].deprel};
  }

  TEST_CASE("a side that only qualifies the predicate's phrase is said with that phrase") {
    // "fired on Ukrainian positions": the target is Ukraine, the headline says what was fired on.
    auto parsed = kb::analysis::read_conllu(
        "1\tRussian\tRussian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
        "2\tforces\tforce\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
        "3\tfired\tfire\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "4\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_\n"
        "5\tUkrainian\tUkrainian\tADJ\tJJ\t_\t6\tamod\t_\t_\n"
        "6\tpositions\tposition\tNOUN\tNNS\t_\t3\tobl\t_\tSpaceAfter=No\n"
        "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 1);
    ex::learned::SynSentence s = ex::learned::bare(std::move(parsed->front()));
    ex::learned::SynMention m;
    m.first = m.last = m.head = 4;
    m.kind = kb::EntityKind::country;
    s.mentions.push_back(m);
    s.mention_of[4] = 0;
    ex::learned::Decision d;
    d.word = 2;
    d.target = 0;
    CHECK(ex::learned::headline(s, d, "Russia", "Ukraine") ==
          "Russia fires on Ukrainian positions");
  }

  TEST_CASE("a saying verb's object followed by a verb is the subject of what was said") {
    // "surrendered" read as a reduced relative of "forces" (the parse of the twenty-fourth
    // session's shipped model): before the mend, "Fomichev states Ukrainian forces".
    const std::string stated =
        "1\tFomichev\tFomichev\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tstated\tstate\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
        "4\tUkrainian\tUkrainian\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
        "5\tforces\tforce\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "6\tsurrendered\tsurrender\tVERB\tVBN\t_\t5\tacl\t_\tSpaceAfter=No\n"
        "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    const Mended a = mended(stated, 1, "Fomichev", 4);
    CHECK(a.title == "Fomichev states the Ukrainian forces surrendered");
    CHECK(a.head == 6);
    CHECK(a.deprel == "nsubj");
    // The clause hung on the verb with no subject, its subject taken for the verb's object.
    const std::string claimed =
        "1\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tclaimed\tclaim\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tRussian\tRussian\tADJ\tJJ\t_\t4\tamod\t_\t_\n"
        "4\tforces\tforce\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "5\thave\thave\tAUX\tVBP\t_\t6\taux\t_\t_\n"
        "6\tadvanced\tadvance\tVERB\tVBN\t_\t2\tccomp\t_\t_\n"
        "7\t15\t15\tNUM\tCD\t_\t8\tnummod\t_\t_\n"
        "8\tkm\tkm\tNOUN\tNN\t_\t6\tobj\t_\tSpaceAfter=No\n"
        "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    const Mended b = mended(claimed, 1, "Russia", 3);
    CHECK(b.title == "Russia claims Russian forces have advanced 15 km");
    CHECK(b.head == 6);
    CHECK(b.deprel == "nsubj");
    // A participle with its agent stays a reduced relative: "the weapons supplied by the US".
    const std::string agent =
        "1\tKyiv\tKyiv\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
        "4\tweapons\tweapon\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "5\tsupplied\tsupply\tVERB\tVBN\t_\t4\tacl\t_\t_\n"
        "6\tby\tby\tADP\tIN\t_\t8\tcase\t_\t_\n"
        "7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_\n"
        "8\tUS\tUS\tPROPN\tNNP\t_\t5\tobl\t_\tSpaceAfter=No\n"
        "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    const Mended c = mended(agent, 1, "Ukraine", 3);
    CHECK(c.head == 2);
    CHECK(c.deprel == "obj");
    // Nor does a verb that takes a noun object with a reduced relative: "confirmed the deaths
    // caused by ..." (confirm is not listed).
    const std::string confirmed =
        "1\tKyiv\tKyiv\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tconfirmed\tconfirm\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
        "4\tlosses\tloss\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "5\tincurred\tincur\tVERB\tVBN\t_\t4\tacl\t_\tSpaceAfter=No\n"
        "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    const Mended e = mended(confirmed, 1, "Ukraine", 3);
    CHECK(e.head == 2);
    CHECK(e.deprel == "obj");
    // A "that" read as the object's determiner is the clause's marker.
    const std::string that =
        "1\tofficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
        "2\tstated\tstate\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tthat\tthat\tDET\tDT\t_\t4\tdet\t_\t_\n"
        "4\tmobilization\tmobilization\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
        "5\tended\tend\tVERB\tVBD\t_\t4\tacl\t_\tSpaceAfter=No\n"
        "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    const Mended f = mended(that, 1, "Russia", 2);
    CHECK(f.head == 5);
    CHECK(f.deprel == "mark");
    CHECK(f.title == "Russia states mobilization ended");
  }

  TEST_CASE("an infinitive in a title keeps its 'to', a short object its infinitive") {
    const auto titles = titles_of(
        extract("Serbian intelligence chief Petar Petrovic stated on December 23 that Bosnia is "
                "trying to divert Serbian forces from the northern border with constant raids. The "
                "leaders reaffirmed their intention to expand trade on December 22.",
                date::sys_days{date::year{2022} / 12 / 24}));
    CAPTURE(titles);
    CHECK(has(titles, "Leaders reaffirm intention to expand trade"));
    for (const auto& t : titles) {
      CHECK(t.find("trying divert") == std::string::npos);
    }
  }

  TEST_CASE("a reported clause's long object keeps its core, a verb with none its oblique") {
    // Error class: titles that stop at the reported verb or at a bare head noun ("... states
    // Moldova may be preparing", "... would demand round"): the judged corpus sample of the
    // thirty-second session found 13 of 81 real events titled by such a fragment.
    const auto titles = titles_of(
        extract("The Romanian defense minister stated on May 13 that Moldova may be preparing for "
                "a large-scale offensive in June and July. The Polish foreign minister stated on "
                "May 13 that Warsaw would demand a second round of talks about the eastern "
                "border crossings with Belarusian officials.",
                date::sys_days{date::year{2023} / 5 / 14}));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.ends_with("may be preparing for large-scale offensive");
    }));
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.ends_with("would demand second round of talks");
    }));
  }

  TEST_CASE("a happening no one is named doing is titled by its noun's frame") {
    // Error class: titles with no subject or verb ("Explosions in Crimea", "Missile attack on
    // Odesa"), which the judges of the whole corpus refused as fragments.
    const auto titles = titles_of(
        extract("Local residents reported a missile attack on Odesa on March 4. Ukrainian "
                "officials reported explosions near a substation in Melitopol on March 3.",
                date::sys_days{date::year{2023} / 3 / 5}));
    CAPTURE(titles);
    CHECK(has(titles, "Missile attack hits Odesa"));
    CHECK(has(titles, "Explosions occur near substation in Melitopol"));
  }

  TEST_CASE("a country's statement about itself says 'it', a person's keeps the name") {
    // Error class: repeated names, "Russia says Russia is to sell 10 fighter jets".
    const auto titles = titles_of(
        extract("Belgium said on May 2 that Belgium was ready to send two frigates to the Baltic "
                "Sea to deter Russian warships. Estonia said on May 3 that Estonian troops had "
                "left Mali.",
                date::sys_days{date::year{2023} / 5 / 4}));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Belgium says it was ready");
    }));
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Estonia says Estonian troops had left");
    }));
  }

  TEST_CASE("a reported clause's 'they' is who reports it") {
    // Error class: no headline for an event whose clause's subject is a pronoun the sentence
    // itself resolves ("Murmansk Oblast authorities reported on July 20 that they are
    // recruiting ...").
    const auto titles = titles_of(extract(
        "Pskov Oblast authorities reported on July 20 that they are recruiting for a new "
        "volunteer battalion to fight in Ukraine. Russian forces shelled Kharkiv on July 20.",
        date::sys_days{date::year{2022} / 7 / 21}));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Pskov Oblast authorities recruit");
    }));
  }

  TEST_CASE("a 'that' clause the parser hung as an adverbial clause is what was said") {
    // Error class: "Bashar al-Assad confirms in television interview", "Mikhail Razvozhaev
    // announces", what was confirmed or announced lost.
    const auto titles = titles_of(
        extract("Russian-appointed Governor of Kherson Vladimir Saldo announced on January 18 "
                "that Russian state-owned Promsvyazbank began operations in Russian-occupied "
                "Kherson and claimed that more branches will open within one year.",
                date::sys_days{date::year{2023} / 1 / 19}));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.find("announces") != std::string::npos &&
             t.find("Promsvyazbank began operations") != std::string::npos;
    }));
  }

  TEST_CASE("talks a 'between' phrase names the sides of are held with the other side") {
    // Error class: "Russia holds talks" for "talks between the delegations of Russia and
    // Ukraine" (28 bare meeting titles of a full import had "between" in their quote).
    const auto titles = titles_of(
        extract("Moldova's president praised the second round of talks between the delegations "
                "of Romania and Moldova held on March 7 in Chisinau.",
                date::sys_days{date::year{2022} / 3 / 8}));
    CAPTURE(titles);
    CHECK(has(titles, "Romania holds talks with Moldova"));
  }

  TEST_CASE("a separatist entity acts for the state that backs it, not for the one it lies in") {
    const auto x = extract(
        "The Donetsk People's Republic announced on May 3 that it had appointed a new head of its "
        "militia.",
        date::sys_days{date::year{2022} / 5 / 4});
    REQUIRE(!x.events.empty());
    for (const auto& e : x.events) {
      for (const auto& p : e.participants) {
        INFO(e.title << ": " << p.name);
        CHECK_FALSE((p.role == kb::Role::actor && p.name == "Ukraine"));
      }
    }
  }

  TEST_CASE("a predicate noun's title keeps neither its subject nor its copula") {
    const auto titles = titles_of(extract(
        "This is the 40th such summit, and this year it brought together the leading "
        "figures of European business. This has been the second meeting since the beginning "
        "of this year.",
        date::sys_days{date::year{1995} / 6 / 17}));
    CAPTURE(titles);
    for (const auto& t : titles) {
      CHECK_FALSE(t.starts_with("Is "));
      CHECK_FALSE(t.starts_with("Has been "));
    }
  }

  TEST_CASE("a speaker's own 'my', 'our', 'your' is no part of a title") {
    const auto titles = titles_of(extract(
        "On March 3, Prime Minister Ivica Dacic discussed our energy needs with his "
        "Hungarian counterpart. On March 4, the government approved our new defence budget.",
        date::sys_days{date::year{2022} / 3 / 14}));
    CAPTURE(titles);
    REQUIRE(!titles.empty());
    for (const auto& t : titles) {
      CHECK(t.find(" our ") == std::string::npos);
    }
    // ... nor of a partner's phrase, nor of a lexicon pattern's object (both took their words
    // from the text without the headline's phrase rules: "Russia speaks with my colleague").
    const auto spoken = titles_of(extract(
        "President of Russia Vladimir Putin: This morning, I spoke with my colleague from the "
        "African Union Commission.",
        date::sys_days{date::year{2022} / 3 / 3}, "President of Russia (en.kremlin.ru)",
        "Meeting with Government members"));
    CAPTURE(spoken);
    REQUIRE(!spoken.empty());
    for (const auto& t : spoken) {
      CHECK(t.find("my ") == std::string::npos);
    }
  }

  TEST_CASE("a turn label the sentence opens with names who its 'I' is") {
    // The splitter left "President of Russia Vladimir Putin:" at the head of the sentence: the
    // label's country is not the subject of "I spoke" (error class: "Russia speaks with ...").
    const auto x = extract(
        "President of Russia Vladimir Putin: This morning, I spoke with my colleague from the "
        "African Union Commission.",
        date::sys_days{date::year{2022} / 3 / 3}, "President of Russia (en.kremlin.ru)",
        "Meeting with Government members");
    const auto titles = titles_of(x);
    CAPTURE(titles);
    REQUIRE(titles.size() == 1);
    CHECK(titles[0].starts_with("Vladimir Putin "));
    CHECK(std::any_of(
        x.events[0].participants.begin(), x.events[0].participants.end(),
        [](const auto& p) { return p.role == kb::Role::actor && p.name == "Vladimir Putin"; }));
  }

  TEST_CASE("an official named after their country's title acts, not the country alone") {
    const auto x = extract(
        "On March 3, President of Ukraine Volodymyr Zelenskyy held a video conference with the "
        "Prime Minister of Croatia.",
        date::sys_days{date::year{2022} / 3 / 14});
    const auto titles = titles_of(x);
    CAPTURE(titles);
    REQUIRE(titles.size() == 1);
    CHECK(titles[0].starts_with("Volodymyr Zelensky "));
    CHECK(std::any_of(
        x.events[0].participants.begin(), x.events[0].participants.end(),
        [](const auto& p) { return p.role == kb::Role::actor && p.name == "Ukraine"; }));
  }

  // The relation between the events of `x` from the event titled `from` to the one titled `to`,
  // if any.
  std::optional<kb::Relation> link_between(const kb::importers::extract::Extraction& x,
                                           std::string_view from, std::string_view to) {
    for (const auto& l : x.links) {
      if (x.events[l.from].title == from && x.events[l.to].title == to) {
        return l.relation;
      }
    }
    return std::nullopt;
  }

  TEST_CASE("stated_links: what a sentence says one event did to another becomes a link") {
    // A readout: what was signed "during the meeting" was part of the meeting its lead reports.
    const auto readout = extract(
        "On March 10, Volodymyr Zelenskyy held a meeting with Prime Minister of Croatia Andrej "
        "Plenkovic in Kyiv. During the meeting, Volodymyr Zelenskyy and Andrej Plenkovic signed a "
        "joint declaration on Ukraine's European perspective.",
        kDay);
    CAPTURE(titles_of(readout));
    REQUIRE(readout.events.size() == 2);
    REQUIRE(readout.links.size() == 1);
    CHECK(readout.links[0].relation == kb::Relation::part_of);
    CHECK(readout.links[0].from == 1);
    CHECK(readout.links[0].to == 0);
    CHECK(readout.links[0].quote.starts_with("During the meeting"));
    // "in response to" names the event answered, in the same sentence.
    const auto answer = extract(
        "On March 12, the United States destroyed an oil platform in the Gulf in response to an "
        "Iranian missile strike on a Kuwaiti tanker on March 10.",
        kDay);
    CAPTURE(titles_of(answer));
    REQUIRE(answer.links.size() == 1);
    CHECK(answer.links[0].relation == kb::Relation::responds_to);
    CHECK(answer.events[answer.links[0].from].date.timex() == "2022-03-12");
    CHECK(answer.events[answer.links[0].to].date.timex() == "2022-03-10");
    // "violated the agreement when they shelled": the shelling violates it.
    const auto violated = extract(
        "On March 1, Russia and Ukraine agreed a ceasefire in Donbas. Russian forces violated the "
        "agreement on March 3 when they shelled Mariupol.",
        kDay);
    CAPTURE(titles_of(violated));
    REQUIRE(!violated.links.empty());
    CHECK(link_between(violated, "Russia shells Mariupol",
                       violated.events[violated.links[0].to].title)
              .value_or(kb::Relation::related) == kb::Relation::violates);
    CHECK(violated.events[violated.links[0].to].kind == kb::EventKind::agreement);
  }

  TEST_CASE("stated_links: another instance, a report of a breach and mere neighbours make none") {
    // "our previous meeting" is not the meeting the article reports first.
    const auto previous = extract(
        "On March 10, Vladimir Putin held a meeting with workers of the plant in Tula. The "
        "President promised at our previous meeting on March 1 to help the plant.",
        kDay);
    CAPTURE(titles_of(previous));
    REQUIRE(previous.events.size() >= 2);
    CHECK(previous.events[0].trigger == "held");
    for (const auto& l : previous.links) {
      CHECK(l.to != 0);
    }
    // The accusing breaches nothing.
    const auto accused = extract(
        "On March 1, Greece and Turkey signed an agreement on the Aegean in Berne. On March 10, "
        "the Turkish Foreign Ministry accused Greece of breaching the agreement and summoned the "
        "Greek ambassador.",
        kDay);
    CAPTURE(titles_of(accused));
    REQUIRE(has(titles_of(accused), "Turkey accuses Greece"));
    CHECK(accused.links.empty());
    // Two events told one after the other are not linked by being neighbours.
    const auto neighbours = extract(
        "On March 10, Russian forces shelled Kharkiv. On March 11, Ukraine received new air "
        "defence systems from Germany.",
        kDay);
    CAPTURE(titles_of(neighbours));
    CHECK(neighbours.links.empty());
  }

  TEST_CASE("since_state: 'captured since 2014' is a state, 'captured since May 2' a happening") {
    const date::sys_days published = date::sys_days{date::year{2023} / 5 / 23};
    const auto trigger_of = [](const kb::importers::extract::Extraction& x, std::string_view w) {
      return std::any_of(x.events.begin(), x.events.end(),
                         [&](const auto& e) { return e.trigger == w; });
    };
    // The reference article's sentence: no capture dated by its publication day.
    const auto state = extract(
        "President Volodymyr Zelensky has stated repeatedly that Ukraine's goal is to retake "
        "all the land Russia has captured since 2014, including Crimea.",
        published);
    CHECK_FALSE(trigger_of(state, "captured"));
    // Three weeks back: what was captured since then happened in those weeks.
    const auto recent = extract(
        "The General Staff reported that Russian forces have captured 12 villages near Bakhmut "
        "since May 2.",
        published);
    std::string titles;
    for (const auto& t : titles_of(recent)) {
      titles += t + "; ";
    }
    CAPTURE(titles);
    CHECK(trigger_of(recent, "captured"));
  }

  TEST_CASE("a pattern's idiom does not make the one who claims a capture its actor") {
    const auto x = extract(
        "The Russian Ministry of Defense (MoD) claimed DNR forces took control of Mikhaylovka, "
        "Stavka, Botmanka, and Vasilevka on March 16.",
        kDay);
    const auto control = std::find_if(x.events.begin(), x.events.end(),
                                      [](const auto& e) { return e.trigger == "took"; });
    REQUIRE(control != x.events.end());
    CAPTURE(control->title);
    CHECK(control->title.starts_with("DNR"));
    bool ministry_acts = false;
    for (const auto& p : control->participants) {
      ministry_acts =
          ministry_acts || (p.role == kb::Role::actor && p.name == "Russian Defence Ministry");
    }
    CHECK_FALSE(ministry_acts);
  }

  TEST_CASE("a pattern's idiom with no one acting does not replace the model's title") {
    // The lexicon reads "met with" as a meeting with no actor (the deputy prime minister is not
    // named): its "Meeting with Kherson Oblast" says less than the model's headline.
    const auto x = extract(
        "Russian Deputy Prime Minister for Construction and Regional Development met with Kherson "
        "Oblast occupation Head Vladimir Saldo on November 22 to discuss the restoration of "
        "infrastructure.",
        date::sys_days{date::year{2022} / 11 / 23});
    REQUIRE_FALSE(x.events.empty());
    for (const auto& e : x.events) {
      CAPTURE(e.title);
      CHECK_FALSE(e.title.starts_with("Meeting"));
    }
  }

  TEST_CASE("the claimant of a claim the parser hung on a reduced relative is still found") {
    // The parser reads "Russian forces attacked ... but did not advance" as forces (that were)
    // attacked ... did not advance: the happening hangs on the subject of the reported clause.
    const auto x = extract(
        "The Ukrainian General Staff claimed that Russian forces attacked Ukrainian positions "
        "around Topolske on March 13 but did not advance.",
        kDay);
    const auto attack = std::find_if(x.events.begin(), x.events.end(),
                                     [](const auto& e) { return e.trigger == "attacked"; });
    REQUIRE(attack != x.events.end());
    CAPTURE(attack->title);
    REQUIRE(std::find(attack->tags.begin(), attack->tags.end(), "claimed") != attack->tags.end());
    CHECK(std::any_of(attack->participants.begin(), attack->participants.end(), [](const auto& p) {
      return p.role == kb::Role::claimant && p.name == "Ukrainian General Staff";
    }));
  }

  TEST_CASE("a possessor in a title is said with what it owns, never as ''s Ukraine'") {
    const auto titles =
        titles_of(extract("On March 11, Russian forces struck Ukraine's energy infrastructure in "
                          "Kramatorsk. On March 12, Vladimir Putin addressed Russia's parliament.",
                          kDay));
    std::string all;
    for (const auto& t : titles) {
      all += t + "\n";
    }
    CAPTURE(all);
    CHECK(all.find(" 's ") == std::string::npos);
    CHECK(all.find("Ukraine's energy infrastructure") != std::string::npos);
  }

  TEST_CASE("a country's adjective keeps its noun, and a long object keeps its first phrases") {
    const auto titles = titles_of(extract(
        "On March 10, President Volodymyr Zelenskyy presented the Orders of the Golden Star to "
        "Ukrainian servicemen who have been conferred the title of Hero of Ukraine. On March 11, "
        "the European Union imposed a complete embargo on Russian gas and oil. On March 12, "
        "Emmanuel Macron praised Zelenskyy's efforts to implement important reforms in the "
        "judiciary and in the fight against corruption in Ukraine.",
        kDay));
    std::string all;
    for (const auto& t : titles) {
      all += t + "\n";
      CHECK_FALSE(t.ends_with(" Ukrainian"));
      CHECK_FALSE(t.ends_with(" Russian"));
      CHECK(t != "Emmanuel Macron praises");  // never a bare verb for an object too long
    }
    CAPTURE(all);
    CHECK(all.find("Ukrainian servicemen") != std::string::npos);
    CHECK(all.find("embargo on Russian gas") != std::string::npos);
    CHECK(all.find("Emmanuel Macron praises Zelenskyy's efforts") != std::string::npos);
  }

  TEST_CASE("a verb joined by 'and' to another shares its subject as actor, a reported one not") {
    const auto x = extract(
        "Ukrainian forces are resisting Russian assaults on Severodonetsk and repelled a Russian "
        "attack on Metolkine on June 11. Ukrainian authorities reported Russian forces shelled the "
        "town of Popasna with incendiary rockets on March 12-13.",
        kDay);
    auto actors_of = [&](std::string_view trigger) {
      std::string out;
      for (const auto& e : x.events) {
        if (e.trigger != trigger) {
          continue;
        }
        for (const auto& p : e.participants) {
          if (p.role == kb::Role::actor) {
            out += p.name + ";";
          }
        }
      }
      return out;
    };
    CHECK(actors_of("repelled") == "Ukraine;");
    CHECK(actors_of("shelled") == "Russia;");
  }

  TEST_CASE(
      "a claim's claimant is found even where the parser read the reporting 'that' as a pronoun") {
    // The parser reads "... on March 11 that Russian forces are shifting ..." as "11" with the
    // pronoun "that" and a relative clause: the claim hangs under "reported" all the same.
    const auto x = extract(
        "Ukraine's Defence Minister Oleksii Reznikov reported at midnight local time on March 11 "
        "that Russian forces are shifting reserves in Velyka Pysarivka.",
        kDay);
    const auto shift = std::find_if(x.events.begin(), x.events.end(),
                                    [](const auto& e) { return e.trigger == "shifting"; });
    REQUIRE(shift != x.events.end());
    CAPTURE(shift->title);
    REQUIRE(std::find(shift->tags.begin(), shift->tags.end(), "claimed") != shift->tags.end());
    CHECK(std::any_of(shift->participants.begin(), shift->participants.end(), [](const auto& p) {
      return p.role == kb::Role::claimant && p.name == "Oleksii Reznikov";
    }));
  }

  TEST_CASE(
      "what a verb of claiming takes as its clause is a claim, what one says is not by that") {
    Article a;
    a.title = "Test article";
    a.origin = "test.txt";
    a.published = date::sys_seconds(kDay);
    a.text =
        "Readovka claimed that Russian forces are fighting in Udy on June 26. Readovka said that "
        "Russian forces are fighting in Udy on June 26. Russian forces are fighting in Udy on June "
        "26, Readovka alleged.";
    std::vector<bool> claimed;
    learned_extractor().visit(a, [&](const ex::learned::SynSentence& s, const auto&) {
      for (std::size_t w = 0; w < s.parse.words.size(); ++w) {
        if (s.parse.words[w].form == "fighting") {
          claimed.push_back(ex::learned::claimed_by_verb(s, w));
        }
      }
    });
    CHECK(claimed == std::vector<bool>{true, false, true});
  }

  TEST_CASE("a headline never ends with an article, a preposition or an auxiliary") {
    auto trimmed = [](std::string t, std::size_t keep) {
      ex::learned::drop_dangling_words(t, keep);
      return t;
    };
    CHECK(trimmed("Reagan approves an", 15) == "Reagan approves");
    CHECK(trimmed("Ukraine launches counterattack near Ivanhrad to hold advancing", 16) ==
          "Ukraine launches counterattack near Ivanhrad to hold advancing");
    CHECK(trimmed("Russia instructs the government to ensure that", 16) ==
          "Russia instructs the government to ensure");
    CHECK(trimmed("Vladimir Putin holds meeting with Director General of", 20) ==
          "Vladimir Putin holds meeting with Director General");
    CHECK(trimmed("Taliban takes over", 13) == "Taliban takes over");  // a verb's particle stays
    CHECK(trimmed("Meeting of the", 7) == "Meeting");
    CHECK(trimmed("Russia says that", 16) == "Russia says that");  // never into subject and verb
  }

  TEST_CASE("a voice's demonym is no side: 'Russian Telegram channels' are not Russia acting") {
    const auto x = extract(
        "Russian Telegram channels began spreading a fake mobilization order on June 12. Russian "
        "forces shelled Kharkiv on June 12.",
        kDay);
    std::map<std::string, std::string> actors;  // trigger -> actors
    for (const auto& e : x.events) {
      for (const auto& p : e.participants) {
        if (p.role == kb::Role::actor) {
          actors[e.trigger] += p.name + ";";
        }
      }
    }
    CHECK(actors.count("spreading") == 0);
    CHECK(actors.count("began") == 0);
    CHECK(actors["shelled"] == "Russia;");
  }

  TEST_CASE(
      "a participle passive without its auxiliary names what it acted on, never its agent twice") {
    // A reduced relative with its agent, and a passive joined to another.
    const auto seized = titles_of(extract(
        "Kyiv says it has the right to regain all its land, including territory seized by Russia "
        "in 2014.",
        kDay));
    CHECK(has(seized, "Russia seizes territory"));
    const auto law = titles_of(extract(
        "The federal law was adopted by the State Duma and approved by the Federation Council on "
        "February 22, 2022.",
        kDay));
    CHECK(has(law, "Federation Council approves federal law"));
    for (const auto& t : seized) {
      CHECK(t.find(" by ") == std::string::npos);
    }
    for (const auto& t : law) {
      CHECK(t.find(" by ") == std::string::npos);
    }
    // A main verb the parser read as a reduced relative acts, as before: no agent, an object.
    const auto acts =
        titles_of(extract("On March 12 Russian forces conducted airstrikes on Hulyaipole.", kDay));
    CHECK(has(acts, "Russia conducts airstrikes on Hulyaipole"));
  }

  TEST_CASE("a headline whose object names its own subject is none") {
    const auto cases = std::to_array<std::pair<const char*, const char*>>({
        {"On May 3 I called on Spain, Denmark and all other European democracies to further "
         "strengthen sanctions for this war.",
         "Spain calls on Spain"},
        {"The Ukrainian Ministry for Reintegration reported that 45 Ukrainian POWs returned to "
         "Ukraine after exchanging 45 Russian POWs on November 11.",
         "Ukraine returns to Ukraine"},
    });
    for (const auto& c : cases) {
      CAPTURE(c.first);  // a structured binding cannot be captured (clang 14)
      CHECK_FALSE(has(titles_of(extract(c.first, kDay)), c.second));
    }
  }

  TEST_CASE("a gerund the parser hung on a verb as an adverbial clause is what the verb did") {
    // "stopped providing": the parser made "providing" an advcl; no headline was built.
    const auto x = extract(
        "Mariupol officials reported on July 27 that Russian forces stopped providing humanitarian "
        "assistance to Mariupol residents.",
        kDay);
    const auto titles = titles_of(x);
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Russia stops providing");
    }));
  }

  TEST_CASE("a place a meeting's phrase names with 'in' is where it was held, not with whom") {
    // Error class: "Volodymyr Zelensky holds meeting with Kyiv", "Xavier Bettel holds
    // conversation with Kyiv" (12 titles "... with Kyiv" or "... with Moscow" in a full import).
    const auto titles = titles_of(extract_triggers(
        "President Volodymyr Zelenskyy held a meeting with representatives of foreign media in "
        "Kyiv on Monday.",
        kDay, {"meeting"}, "President of Ukraine (president.gov.ua)"));
    CAPTURE(titles);
    REQUIRE(titles.size() == 1);
    CHECK(titles.front().starts_with("Volodymyr Zelensky holds meeting with representatives"));
    CHECK_FALSE(titles.front().ends_with("with Kyiv"));
    // Nor is the region an office's title names, whether the role model took it for the other
    // side ("Vladimir Putin meets Dagestan") or the headline for where it was ("... near
    // Dagestan", the "of" read as a bearing's).
    const auto melikov = titles_of(
        extract("Vladimir Putin had a working meeting with Head of the Republic of Dagestan Sergei "
                "Melikov to discuss the socioeconomic situation in the region.",
                kDay, "President of Russia (en.kremlin.ru)",
                "Meeting with Head of Dagestan Sergei Melikov"));
    CAPTURE(melikov);
    CHECK(has(melikov, "Vladimir Putin holds working meeting with Sergei Melikov"));
    const auto standalone = titles_of(extract_triggers(
        "On March 12, Vladimir Putin had a working meeting with Head of the Republic of Dagestan "
        "Sergei Melikov to discuss the socioeconomic situation in the region.",
        kDay, {"had"}));
    CAPTURE(standalone);
    CHECK(has(standalone, "Vladimir Putin holds working meeting with Sergei Melikov"));
    // The lexicon's pattern for the same meeting, which the oracle above leaves out, names no
    // place as the one met either.
    const auto patterns = titles_of(extract(
        "On March 12, Vladimir Putin had a working meeting with Head of the Republic of Dagestan "
        "Sergei Melikov to discuss the socioeconomic situation in the region.",
        kDay));
    CAPTURE(patterns);
    CHECK(has(patterns, "Vladimir Putin holds working meeting with Sergei Melikov"));
    CHECK_FALSE(has(patterns, "Vladimir Putin meets Dagestan"));
  }

  TEST_CASE("what a think tank assesses, reports or forecasts is no event") {
    // The guide leaves out analysis and commentary; the gazetteer describes ISW as a think
    // tank. What it reports happened is still read.
    const auto x = extract(
        "ISW forecasted on March 12 that Russian forces would resume offensive operations. ISW "
        "reported on March 12 that Russian forces captured Volnovakha.",
        kDay, "Institute for the Study of War");
    const auto titles = titles_of(x);
    CAPTURE(titles);
    CHECK(std::none_of(x.events.begin(), x.events.end(), [](const auto& e) {
      return std::any_of(e.participants.begin(), e.participants.end(), [](const auto& p) {
        return p.role == kb::Role::actor && p.name == "Institute for the Study of War";
      });
    }));
    CHECK(has(titles, "Russia captures Volnovakha"));
    // Nor does a lexicon pattern give the think tank another's act ("Institute for the Study of
    // War signs two decrees").
    const auto pattern = extract(
        "As ISW previously reported on August 29, Putin signed two decrees on August 27 to "
        "assist stateless people and migrants from Ukraine.",
        date::sys_days{date::year{2022} / 9 / 1}, "Institute for the Study of War");
    CAPTURE(titles_of(pattern));
    CHECK(std::none_of(pattern.events.begin(), pattern.events.end(), [](const auto& e) {
      return e.title.starts_with("Institute for the Study of War");
    }));
  }

  TEST_CASE("the speaker who had a conversation is its actor, not its partner") {
    // Error class: "Alexander Lukashenko holds phone conversation with Alexander Lukashenko" for
    // an address's "I had a phone conversation with Alexander Lukashenko" (the speaker's "I"
    // was looked for on the noun, whose subject is its verb's).
    const auto titles = titles_of(
        extract("Ukrainians! I had a phone conversation with Alexander Lukashenko. We discussed "
                "the situation on the border.",
                kDay, "President of Ukraine (president.gov.ua)",
                "Address by President Volodymyr Zelenskyy to the citizens"));
    CAPTURE(titles);
    // (said by the conversation's own verb, "talks with", or by "holds phone conversation with")
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Volodymyr Zelensky ") && t.ends_with(" with Alexander Lukashenko");
    }));
  }

  TEST_CASE("the speaker who finished a conversation is its actor") {
    // Error class: "Conversation with French President Emmanuel Macron", no one acting, for an
    // address's "I have recently finished a conversation with ..." (the speaker's "I" was read
    // on a meeting noun's light verb only).
    const auto titles = titles_of(
        extract("Ukrainians! I have just finished a conversation with Emmanuel Macron. We "
                "discussed the situation on the border.",
                kDay, "President of Ukraine (president.gov.ua)",
                "Address by President Volodymyr Zelenskyy to the citizens"));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Volodymyr Zelensky ") && t.ends_with(" with Emmanuel Macron");
    }));
  }

  TEST_CASE("'I' after a monarch's name is a regnal numeral, not the speaker") {
    // Error class: "Vladimir Putin issues order to institute Academy of Sciences" for a Kremlin
    // speech's sentence about Peter I.
    const auto x = extract(
        "Colleagues, we discussed the security situation and the work of the armed forces with "
        "the Defence Ministry. In 1696 Peter I issued a decree to build a navy for Russia.",
        kDay, "President of Russia (en.kremlin.ru)",
        "Speech by Vladimir Putin at a meeting with the Security Council");
    // The decree is Peter's: no event gives it to the speaker.
    CHECK(std::none_of(x.events.begin(), x.events.end(), [](const auto& e) {
      return e.title.find("decree") != std::string::npos &&
             std::any_of(e.participants.begin(), e.participants.end(),
                         [](const auto& p) { return p.name == "Vladimir Putin"; });
    }));
    // The speaker's own "I" is still his.
    const auto own =
        extract("On March 12 I signed a decree on the Academy of Sciences.", kDay,
                "President of Russia (en.kremlin.ru)", "Speech by Vladimir Putin at a meeting");
    const auto titles = titles_of(own);
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(),
                      [](const std::string& t) { return t.starts_with("Vladimir Putin signs"); }));
  }

  TEST_CASE("'he' or 'she' as a subject is the person the clause that reports it names") {
    // Not another name of the sentence (the role model took the Donetsk People's Republic).
    const auto x = extract(
        "Another Russian milblogger claimed that former Roscosmos head Dmitry Rogozin announced on "
        "November 11 that he created a military inspection group in the DNR.",
        kDay);
    CHECK(has(titles_of(x), "Dmitry Rogozin creates military inspection group"));
  }

  TEST_CASE("an address its title gives 'by the President of Ukraine' is that President's 'I'") {
    const auto x = extract("Today I spoke again with President of Lithuania Gitanas Nausėda.", kDay,
                           "President of Ukraine (president.gov.ua)",
                           "Our goal - address by the President of Ukraine");
    const auto titles = titles_of(x);
    CAPTURE(titles);
    // The name as written or as the gazetteer spells it.
    CHECK((has(titles, "Volodymyr Zelensky speaks with Gitanas Nausėda") ||
           has(titles, "Volodymyr Zelensky speaks with Gitanas Nauseda")));
  }

  TEST_CASE("a commentator's statement is no event, an official's is") {
    // The guide counts the statements of officials and governments, not commentary.
    CHECK(titles_of(extract("A pro-Russian source expressed concern about the state of Mariupol on "
                            "August 28.",
                            kDay))
              .empty());
    CHECK(has(titles_of(extract("Kremlin spokesman Dmitry Peskov expressed concern about the state "
                                "of Mariupol on August 28.",
                                kDay)),
              "Dmitry Peskov expresses concern about the state of Mariupol"));
  }

  TEST_CASE("who gives the interview a statement is set in, and who holds an office's title") {
    // Error class: "Ukraine gives interview for host" for what Podolyak said in an interview,
    // the role model taking the title chain's country.
    const auto actor_of = [](const std::string& text, std::string_view trigger) {
      Article a;
      a.title = "Test article";
      a.origin = "test.txt";
      a.published = date::sys_seconds(kDay);
      a.text = text;
      std::vector<std::string> actors;
      learned_extractor().visit(a, [&](const ex::learned::SynSentence& s, const auto&) {
        for (std::size_t w = 0; w < s.parse.words.size(); ++w) {
          if (s.parse.words[w].form != trigger) {
            continue;
          }
          ex::learned::Decision d;
          d.word = w;
          d.kind = kb::EventKind::statement;
          ex::learned::subject_acts(s, d);
          actors.push_back(d.actor ? s.mentions[*d.actor].ref->mention->text : "");
        }
      });
      return actors;
    };
    CHECK(actor_of("Mykhailo Podolyak, Adviser to the Head of the Office of the President of "
                   "Ukraine, said this in an interview for a French radio station.",
                   "interview") == std::vector<std::string>{"Mykhailo Podolyak"});
    CHECK(actor_of("This was stated by Adviser to the Head of the Office of the President of "
                   "Ukraine Mykhailo Podolyak in an interview.",
                   "stated") == std::vector<std::string>{"Mykhailo Podolyak"});
    // A name behind a preposition is not the office's holder ("the office of ...").
    CHECK(actor_of("This was stated by an adviser to the office of Mykhailo Podolyak in an "
                   "interview.",
                   "stated") == std::vector<std::string>{""});
  }

  TEST_CASE("what a reporting verb says stands for the occasion it was said on") {
    // Error class: "Bob Hawke gives television interview" kept for "In a television interview
    // yesterday prime minister Bob Hawke said he might call an early election ...", the date
    // hung on the interview ("on Sunday" here).
    const auto titles = titles_of(
        extract("In a television interview on Sunday, Chancellor Helmut Kohl said the government "
                "might call an early election if the opposition blocked the treaty in parliament.",
                kDay));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(),
                      [](const std::string& t) { return t.starts_with("Helmut Kohl says"); }));
    CHECK(std::none_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.find("interview") != std::string::npos;
    }));
  }

  TEST_CASE("who 'had' a call is who holds it") {
    // Error class: "Naftali Bennett holds telephone conversation with Israel" for "Vladimir Putin
    // had a telephone conversation with Prime Minister of Israel Naftali Bennett" (most of 32
    // titles it changed in a full dev.jsonl import, the partner taken for who acts).
    const auto titles = titles_of(
        extract("Vladimir Putin had a telephone conversation with Prime Minister of Japan Fumio "
                "Kishida, at the initiative of the Japanese side.",
                kDay));
    CAPTURE(titles);
    CHECK(has(titles, "Vladimir Putin holds telephone conversation with Fumio Kishida"));
  }

  TEST_CASE("what has lasted since a dated happening is a state, the date the happening's") {
    // Error class: "Ukraine enters Russia" dated 24 February 2022 for "... displaced Ukrainians
    // have entered Russia since the full-scale invasion began on February 24", "Dvornikov
    // commands Donbas axes" for "has commanded ... since the beginning of the current Russian
    // invasion on February 24".
    const auto titles = titles_of(
        extract("The mayor also noted that over 2 million displaced Ukrainians have entered Poland "
                "since the full-scale invasion began on February 24. Russian officers have "
                "commanded the southern axis since the beginning of the Russian invasion on "
                "February 24.",
                date::sys_days{date::year{2022} / 8 / 30}));
    CAPTURE(titles);
    CHECK(std::none_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.find("enters") != std::string::npos || t.find("commands") != std::string::npos;
    }));
    // A "since" with no happening of its own leaves what was done since an event.
    const auto since_day = titles_of(
        extract("Ukrainian partisans have killed 30 Russian officers in Melitopol since August 12.",
                date::sys_days{date::year{2022} / 8 / 30}));
    CAPTURE(since_day);
    CHECK(std::any_of(since_day.begin(), since_day.end(), [](const std::string& t) {
      return t.find("kills 30 Russian officers") != std::string::npos;
    }));
  }

  TEST_CASE("a meeting's 'with' phrase names the other side, never who holds it") {
    // Error class: "Brian Mulroney holds annual meeting with Prime Minister Brian Mulroney in
    // Ottawa", "Japan holds talks" for "progress has been made in talks with Japan".
    const auto titles = titles_of(
        extract("Some saw the decision as a goodwill gesture before his annual meeting, on April "
                "5-6 in Ottawa, with Prime Minister Brian Mulroney.",
                kDay));
    CAPTURE(titles);
    REQUIRE(titles.size() == 1);
    CHECK_FALSE(titles.front().starts_with("Brian Mulroney holds"));
    CHECK(titles.front().find("with Prime Minister Brian Mulroney") != std::string::npos);
  }

  TEST_CASE("a headline that says its other side already takes no second 'with'") {
    namespace l = ex::learned;
    CHECK(l::says_partner("Talks with President Macron", "Emmanuel Macron", true));
    CHECK(l::says_partner("Grain talks with Soviet counterparts", "Soviet Union", true));
    CHECK(l::says_partner("Russia launches strikes on Odesa", "Odesa", false));
    CHECK_FALSE(l::says_partner("Conference", "Ukraine", true));
    CHECK_FALSE(l::says_partner("Talks with President Macron", "Soviet Union", false));
    CHECK_FALSE(l::says_partner("Talks on Macronism", "Emmanuel Macron", true));  // whole words
  }

  TEST_CASE("an attack's weapons say what they were aimed at, a word of time never") {
    // Error class: "Russia launches two cruise missiles" for "... launched two cruise missiles
    // at a bridge over the Dniester estuary"; "Ukraine shells ZNPP at night".
    const auto titles = titles_of(
        extract("The Southern Operational Command reported that Russian forces launched two "
                "cruise missiles at a bridge over the Dniester estuary on March 13.",
                kDay));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.find("cruise missiles at bridge over the Dniester estuary") != std::string::npos;
    }));
    const auto night = titles_of(extract(
        "Russian forces shelled the Zaporizhzhia nuclear power plant at night on March 13.", kDay));
    CAPTURE(night);
    REQUIRE_FALSE(night.empty());
    CHECK(std::none_of(night.begin(), night.end(),
                       [](const std::string& t) { return t.find("night") != std::string::npos; }));
  }

  TEST_CASE("a date's words never modify a headline's noun") {
    // Error class: "Lavrov gives 27 interview with TASS" for "... in a December 27 interview
    // with Russian state news wire TASS", the parser making "27" the noun's compound.
    const auto titles = titles_of(
        extract("Lavrov stated in a March 12 interview with Russian state news wire TASS that "
                "Ukraine and the West are well aware of the proposals.",
                kDay));
    CAPTURE(titles);
    REQUIRE_FALSE(titles.empty());
    CHECK(std::none_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.find("12") != std::string::npos || t.find("March") != std::string::npos;
    }));
  }

  TEST_CASE("a phrase set off before the subject is no object, but a gerund clause can be") {
    // Error class: "Vladimir Putin warns in response" for "In response, Vladimir Putin warned
    // against shifting the responsibility on Russia".
    const auto titles =
        titles_of(extract("In response, Vladimir Putin warned on March 13 against shifting the "
                          "responsibility on Russia.",
                          kDay));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Vladimir Putin warns against shifting the responsibility");
    }));
  }

  TEST_CASE("a signed document says what it does, by its participle or its purpose") {
    // Error class: "Volodymyr Zelensky signs decree" for "... signed a decree awarding 286
    // servicemen", "... signed a decree today to award our military" (36 such bare titles).
    const auto titles = titles_of(
        extract("President Volodymyr Zelensky signed a decree on March 13 awarding 286 servicemen "
                "of the Armed Forces of Ukraine. President Vladimir Putin signed a decree on "
                "March 12 to establish new military training centers.",
                kDay));
    CAPTURE(titles);
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Volodymyr Zelensky signs decree awarding 286 servicemen");
    }));
    CHECK(std::any_of(titles.begin(), titles.end(), [](const std::string& t) {
      return t.starts_with("Vladimir Putin signs decree to establish");
    }));
  }
}
