// Tests for importers/analysis/cameo.cpp and actors.cpp: the CAMEO classes, verb look-up, actors
// resolved on a day, and errors that name the bad line. Reads the repository's data/cameo.
#include "importers/analysis/cameo.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/analysis/actors.hpp"
#include "tests/test_util.hpp"

namespace {

namespace fs = std::filesystem;
using kb::analysis::ActorDictionary;
using kb::analysis::CameoDictionary;
using kb::analysis::PatternTerm;

fs::path data_dir() { return fs::path(KB_SOURCE_DIR) / "data" / "cameo"; }

const CameoDictionary& cameo() {
  static const CameoDictionary d = [] {
    auto loaded = CameoDictionary::load(data_dir());
    REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().message));
    return std::move(*loaded);
  }();
  return d;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Copies data/cameo into a temporary directory so that one file can be damaged.
void copy_data(const kb::test::TempDir& dir) {
  for (const auto& entry : fs::directory_iterator(data_dir())) {
    fs::copy_file(entry.path(), dir.path() / entry.path().filename());
  }
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("CameoDictionary: the 20 roots and their codes load") {
    const CameoDictionary& d = cameo();
    auto roots = d.roots();
    REQUIRE(roots.size() == 20);
    CHECK(roots.front()->code == "01");
    CHECK(roots.back()->code == "20");
    CHECK(d.codes().size() > 300);
    const auto* accuse = d.code("1123");
    REQUIRE(accuse);
    CHECK(accuse->name == "Accuse of aggression");
    CHECK(accuse->parent == "112");
    CHECK(accuse->root == "11");
    CHECK(accuse->quad == 3);
    CHECK(d.code("19")->name == "Fight");
    CHECK(d.code("19")->quad == 4);
    CHECK(d.code("042")->quad == 1);
    CHECK_FALSE(d.code("999"));
  }

  TEST_CASE("CameoDictionary: a verb lemma maps to its CAMEO classes") {
    const CameoDictionary& d = cameo();
    struct Case {
      const char* lemma;
      const char* code;
    };
    for (const Case& c : {Case{"invade", "192"}, Case{"accuse", "112"}, Case{"annex", "171"},
                          Case{"annex", "192"}, Case{"sanction", "163"}, Case{"attack", "190"},
                          Case{"Urge", "020"}, Case{"boycott", "163"}}) {
      CAPTURE(c.lemma);
      CHECK(contains(d.codes_of(c.lemma), c.code));
    }
    CHECK(d.senses("no-such-verb").empty());
    // Irregular forms and multi-word verbs are kept.
    bool take_over = false;
    for (const auto& s : d.senses("take")) {
      if (s.verb->phrase == "+take over") {
        take_over = true;
        CHECK(s.verb->code == "171");
        CHECK(contains(s.verb->forms, "took over"));
      }
    }
    CHECK(take_over);
  }

  TEST_CASE("CameoDictionary: a verb's patterns come with it, parsed") {
    const CameoDictionary& d = cameo();
    // CONFER block: "- * (IN {TELEPHONE CONVERSATION}) [041:041]".
    const kb::analysis::CameoPattern* phone = nullptr;
    for (const auto& s : d.senses("discuss")) {
      for (const auto& p : s.patterns) {
        if (p.text == "* (in {telephone conversation})") {
          phone = &p;
        }
      }
    }
    REQUIRE(phone);
    CHECK(phone->code == "041");
    CHECK(phone->reverse == "041");
    CHECK(phone->before.empty());
    REQUIRE(phone->after.size() == 1);
    CHECK(phone->after[0].kind == PatternTerm::Kind::prep);
    CHECK(phone->after[0].prep == "in");
    CHECK(phone->after[0].words == std::vector<std::string>{"telephone", "conversation"});
    const auto* ceasefire = d.synset("CEASEFIRE");
    REQUIRE(ceasefire);
    CHECK(contains(*ceasefire, "truce"));
    CHECK(contains(*ceasefire, "truces"));

    auto terms = kb::analysis::parse_pattern_side("$ {relief debt} (to +) idea_of");
    REQUIRE(terms.has_value());
    REQUIRE(terms->size() == 4);
    CHECK((*terms)[0].kind == PatternTerm::Kind::source);
    CHECK((*terms)[1].words == std::vector<std::string>{"relief", "debt"});
    CHECK((*terms)[2].prep == "to");
    CHECK((*terms)[3].words == std::vector<std::string>{"idea of"});
    CHECK_FALSE(kb::analysis::parse_pattern_side("(to {a b)").has_value());
  }

  TEST_CASE("CameoDictionary and ActorDictionary: a malformed line names file and line") {
    kb::test::TempDir dir;
    copy_data(dir);
    SUBCASE("bad date in kb_actors.tsv") {
      kb::test::write_file(dir.file("kb_actors.tsv"),
                           "# header\nsomeone\t\tRUSGOV@2004-03-09..\t\n"
                           "someone else\t\tRUSGOV@2004-13-01..\t\n");
      auto loaded = ActorDictionary::load(dir.path());
      REQUIRE_FALSE(loaded.has_value());
      CHECK(loaded.error().code == kb::Errc::parse);
      CHECK(loaded.error().message.find("kb_actors.tsv:3:") != std::string::npos);
      CHECK(loaded.error().message.find("2004-13-01") != std::string::npos);
    }
    SUBCASE("unknown code in kb_verbs.tsv") {
      kb::test::write_file(dir.file("kb_verbs.tsv"), "# header\nfoo\tfoo\tKB_FOO\t999\t\t\tkb\n");
      auto loaded = CameoDictionary::load(dir.path());
      REQUIRE_FALSE(loaded.has_value());
      CHECK(loaded.error().message.find("kb_verbs.tsv:2:") != std::string::npos);
      CHECK(loaded.error().message.find("'999'") != std::string::npos);
    }
    SUBCASE("missing field in cameo_codes.tsv") {
      kb::test::write_file(dir.file("cameo_codes.tsv"), "# header\n01\t\t01\t1\n");
      auto loaded = CameoDictionary::load(dir.path());
      REQUIRE_FALSE(loaded.has_value());
      CHECK(loaded.error().message.find("cameo_codes.tsv:2:") != std::string::npos);
    }
  }
}
