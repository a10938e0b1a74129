// Tests importers/extract/topic.cpp: the gate's features and margin, and its file format.
#include "importers/extract/topic.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/analysis/features.hpp"

namespace kb::importers::extract {
namespace {

// The keys the gate reads for a title word and a text word (topic.cpp's templates 2 and 3).
std::uint64_t title_word(std::string_view w) { return analysis::feat(2, analysis::hash_string(w)); }
std::uint64_t text_word(std::string_view w) { return analysis::feat(3, analysis::hash_string(w)); }

// A gate that says "geopolitical" for "ceasefire" in a title and "not" for "earnings" in a text.
TopicModel toy_gate() {
  TopicModel m;
  m.model = analysis::LinearModel::build(
      2, {{title_word("ceasefire"), {{1, 2.0F}}}, {text_word("earnings"), {{0, 3.0F}}}});
  m.bias = 0.5F;
  return m;
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("topic_features: the bias, title and text words of 3 to 24 letters, each once") {
    std::vector<std::uint64_t> keys;
    topic_features("Ceasefire, CEASEFIRE at 5pm", "no earnings", keys);
    // "at", "pm" and "no" are too short; "5" is no letter.
    std::vector<std::uint64_t> expected{analysis::feat(1, 0), title_word("ceasefire"),
                                        text_word("earnings")};
    std::sort(expected.begin(), expected.end());
    CHECK(keys == expected);
    // Only the first kTopicBytes of the text are read.
    keys.clear();
    topic_features("", std::string(kTopicBytes, ' ') + "earnings", keys);
    CHECK(keys.size() == 1);
  }

  TEST_CASE("TopicModel: the margin adds the words' weights to the bias, and survives a file") {
    const TopicModel gate = toy_gate();
    CHECK(gate.margin("Ceasefire holds", "") == doctest::Approx(2.5));
    CHECK(gate.margin("Quarterly report", "earnings rose") == doctest::Approx(-2.5));
    CHECK(gate.margin("Weather", "sunny") == doctest::Approx(0.5));
    std::string bytes;
    gate.write(bytes);
    auto back = TopicModel::read(bytes);
    REQUIRE(back.has_value());
    // The file keeps the weights at a lower precision.
    CHECK(back->margin("Ceasefire holds", "earnings") == doctest::Approx(-0.5).epsilon(0.001));
    CHECK_FALSE(TopicModel::read(bytes.substr(0, bytes.size() - 2)).has_value());
    CHECK_FALSE(TopicModel::read("kb-merge-model").has_value());
    CHECK(topic_model_path("/opt/kb") == std::filesystem::path("/opt/kb/events/topic.kbm"));
  }
}

}  // namespace kb::importers::extract
