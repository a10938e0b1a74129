// Tests for importers/entities/gazetteer_load.cpp: the real gazetteer from data/ and iso-codes,
// malformed data files named by file and line, and missing iso-codes.
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "importers/entities/gazetteer.hpp"
#include "tests/importers/entities/gazetteer_fixture.hpp"

namespace {

using kb::EntityKind;
using kb::importers::Gazetteer;
using kb::test::real_gazetteer;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("load_gazetteer reads the shipped data and iso-codes") {
    const Gazetteer& g = real_gazetteer();
    CHECK(g.entities().size() > 700);
    auto ua = g.find("Ukraine", EntityKind::country);
    REQUIRE(ua);
    CHECK(g.entities()[*ua].wikidata == "Q212");
    CHECK(g.entities()[*ua].country == "UA");
    auto kyiv = g.find("Kiev");
    REQUIRE(kyiv);
    CHECK(g.entities()[*kyiv].name == "Kyiv");
    CHECK(g.entities()[*kyiv].kind == EntityKind::place);
    // A country only iso-codes knows is still there under its official name.
    CHECK(g.find("Aruba", EntityKind::country));
    CHECK(g.find("NORTH ATLANTIC TREATY ORGANIZATION") == g.find("NATO"));
  }
}

TEST_SUITE("importers") {
  TEST_CASE("load_gazetteer: a malformed line names file and line") {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "kb_entities_test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "gazetteer");
    for (const char* name : {"countries.tsv", "places.tsv", "organisations.tsv", "groups.tsv",
                             "people.tsv", "titles.txt", "stop_words.txt"}) {
      std::filesystem::copy_file(std::filesystem::path(KB_SOURCE_DIR) / "data" / "gazetteer" / name,
                                 dir / "gazetteer" / name);
    }
    SUBCASE("bad Wikidata id") {
      std::ofstream(dir / "gazetteer" / "people.tsv") << "# header\nJane Doe\tGB\tMP\t\tX12\n";
    }
    SUBCASE("too many fields") {
      std::ofstream(dir / "gazetteer" / "people.tsv")
          << "# header\nJane Doe\tGB\tMP\t\t\t\textra\n";
    }
    SUBCASE("bad country code") {
      std::ofstream(dir / "gazetteer" / "people.tsv") << "# header\nJane Doe\tgbr\tMP\t\t\n";
    }
    auto loaded = kb::importers::load_gazetteer(dir);
    std::filesystem::remove_all(dir);
    REQUIRE_FALSE(loaded.has_value());
    CHECK(loaded.error().code == kb::Errc::parse);
    CHECK(loaded.error().message.find("people.tsv:2:") != std::string::npos);
  }

  TEST_CASE("load_gazetteer: missing iso-codes degrades with a warning") {
    auto loaded = kb::importers::load_gazetteer(std::filesystem::path(KB_SOURCE_DIR) / "data",
                                                "/nonexistent/iso_3166-1.json");
    REQUIRE(loaded.has_value());
    REQUIRE(loaded->warnings().size() == 1);
    CHECK(loaded->warnings()[0].find("iso-codes") != std::string::npos);
    CHECK(loaded->find("Ukraine"));
    CHECK_FALSE(loaded->find("Aruba"));
  }
}
