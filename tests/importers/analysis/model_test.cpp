// Tests for importers/analysis/model.cpp: a damaged model file is one clear error.
#include "importers/analysis/model.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "tests/importers/analysis/analysis_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using kb::analysis::Models;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("a damaged model file is one clear error, never a crash") {
    CHECK(!Models::read("").has_value());
    CHECK(!Models::read("not a model at all").has_value());
    std::ifstream in(fs::path(KB_SOURCE_DIR) / "data" / "analysis" / "en_ewt.kbm",
                     std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    REQUIRE(bytes.size() > 1000);
    for (std::size_t cut : {std::size_t{10}, bytes.size() / 3, bytes.size() - 1}) {
      auto r = Models::read(std::string_view(bytes).substr(0, cut));
      REQUIRE(!r.has_value());
      CHECK(r.error().message.find("model") != std::string::npos);
    }
    auto missing = Models::load("/nonexistent/en_ewt.kbm");
    REQUIRE(!missing.has_value());
    CHECK(missing.error().message.find("/nonexistent/en_ewt.kbm") != std::string::npos);
  }
}

TEST_SUITE("importers") {
  TEST_CASE("a sentence's past-tense verb is read as finite across adverbs and participles") {
    // Each sentence's verb was tagged VBN (a participle) and the sentence parsed as a noun
    // phrase: an adverb before the verb, a participle opening the object, a finite verb that
    // only continues the clause.
    const std::pair<const char*, const char*> cases[] = {
        {"Serbian troops additionally conducted artillery strikes on the bridge.", "conducted"},
        {"Serbian troops resumed limited shelling of the town.", "resumed"},
        {"Serbian troops continued offensive operations and reportedly took control of the town.",
         "continued"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.first);
      const auto sentences = kb::test::analyze(c.first);
      REQUIRE(sentences.size() == 1);
      const auto* verb = kb::test::find_word(sentences[0], c.second);
      REQUIRE(verb != nullptr);
      CHECK(verb->xpos == "VBD");
      CHECK(verb->upos == "VERB");
    }
    // A participle with a finite verb of its own stays one ("Troops deployed near the town
    // attacked it").
    const auto s = kb::test::analyze("Troops deployed near the town attacked the bridge.");
    REQUIRE(s.size() == 1);
    CHECK(kb::test::find_word(s[0], "deployed")->xpos == "VBN");
  }

  TEST_CASE(
      "a reported clause's past-tense verb is read as finite, the reporting verb is not its") {
    // The clause after "reported that" or a reporting verb needs a finite verb of its own: each
    // verb below was tagged VBN and parsed as a modifier of the noun after it ("repelled" amod
    // "attacks"), the event lost its actor and verb.
    const std::pair<const char*, const char*> cases[] = {
        {"The General Staff reported that Serbian troops repelled Croatian attacks near the town.",
         "repelled"},
        {"Local officials reported Serbian troops repelled Croatian attacks near the town.",
         "repelled"},
        {"Officials said that Serbian troops repelled Croatian attacks and that fighting is "
         "ongoing.",
         "repelled"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.first);
      const auto sentences = kb::test::analyze(c.first);
      REQUIRE(sentences.size() == 1);
      const auto* verb = kb::test::find_word(sentences[0], c.second);
      REQUIRE(verb != nullptr);
      CHECK(verb->xpos == "VBD");
      if (std::string_view(c.first).find(" that ") != std::string_view::npos) {
        // The clause hangs on the reporting verb, not on the noun after it. (Without "that" the
        // greedy parser may still read the clause's subject as the reporting verb's object.)
        REQUIRE(verb->head > 0);
        const auto& head = sentences[0].words[static_cast<std::size_t>(verb->head - 1)];
        CHECK(head.upos == "VERB");
      }
    }
    // A participle in a clause with a finite verb of its own stays one, even after "that"
    // ("reported that troops deployed near the town attacked it").
    const auto s = kb::test::analyze(
        "Officials reported that troops deployed near the town attacked the bridge.");
    REQUIRE(s.size() == 1);
    CHECK(kb::test::find_word(s[0], "deployed")->xpos == "VBN");
  }
}
