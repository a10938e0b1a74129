// Tests for importers/analysis/clusters.cpp: normal forms, lookup, the file format and its errors,
// and the shipped classes on words whose company is not in doubt.
#include "importers/analysis/clusters.hpp"

#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "importers/analysis/analyzer.hpp"
#include "importers/analysis/sentence.hpp"

namespace {
namespace fs = std::filesystem;
using kb::analysis::WordClusters;
}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("word clusters: normal forms, lookup, a round trip through the file format") {
    CHECK(WordClusters::normal("Kyiv") == "kyiv");
    CHECK(WordClusters::normal("2022-02-24") == "0000-00-00");
    const auto k = [](std::string_view w) { return WordClusters::key(WordClusters::normal(w)); };
    auto c = WordClusters::from_rows({{k("shelled"), {3, 1}}, {k("struck"), {3, 2}}}, 4, 2);
    REQUIRE(c.has_value());
    CHECK(c->of("SHELLED").fine == 3);
    CHECK(c->of("struck").coarse == 2);
    CHECK(c->of("unseen").fine == 0);
    std::string bytes;
    c->write(bytes);
    auto back = WordClusters::parse(bytes, "c.kbc");
    REQUIRE(back.has_value());
    CHECK(back->size() == 2);
    CHECK(back->of("Shelled").fine == 3);
    std::vector<kb::analysis::Word> words(2);
    words[0].form = "struck";
    words[1].form = "nothing-like-it";
    back->assign(words);
    CHECK(words[0].cluster == 3);
    CHECK(words[0].cluster_coarse == 2);
    CHECK(words[1].cluster == 0);

    CHECK_FALSE(WordClusters::from_rows({{1, {5, 1}}}, 4, 2).has_value());  // class 5 of 4
    const auto bad = WordClusters::parse(bytes.substr(0, bytes.size() - 3), "c.kbc");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message.find("c.kbc") != std::string::npos);
    CHECK_FALSE(WordClusters::parse("not clusters", "c.kbc").has_value());
    CHECK_FALSE(WordClusters::load("/nonexistent/clusters.kbc").has_value());
  }

  TEST_CASE("the shipped word classes group words that keep the same company") {
    auto c = WordClusters::load(kb::analysis::clusters_path(fs::path(KB_SOURCE_DIR) / "data"));
    REQUIRE(c.has_value());
    CHECK(c->size() > 10000);
    // Verbs of military action; regional capitals; weekdays.
    CHECK(c->of("shelled").fine != 0);
    CHECK(c->of("shelled").fine == c->of("repelled").fine);
    CHECK(c->of("Kharkiv").fine == c->of("Kherson").fine);
    CHECK(c->of("Monday").fine == c->of("Thursday").fine);
    CHECK(c->of("Monday").fine != c->of("shelled").fine);
  }
}
