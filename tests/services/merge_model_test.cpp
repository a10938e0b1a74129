// Tests for services/merge_model.cpp: the merge model's file format, its errors and the model kb
// ships.
#include "services/merge_model.hpp"

#include <string>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace {

using kb::services::kMergeFeatureNames;
using kb::services::kMergeFeatures;
using kb::services::MergeFeature;
using kb::services::MergeFeatures;
using kb::services::MergeModel;
using kb::test::must;

std::string all_weights(double weight) {
  std::string text = "# a comment\nthreshold\t0.5\n";
  for (const auto name : kMergeFeatureNames) {
    text += std::string(name) + "\t" + std::to_string(weight) + "\n";
  }
  return text;
}

TEST_CASE("merge model: written and read back, the same probabilities") {
  MergeModel m;
  m.threshold = 0.4;
  for (std::size_t i = 0; i < kMergeFeatures; ++i) {
    m.weights[i] = 0.25 * static_cast<double>(i) - 2.0;
  }
  const MergeModel back = must(MergeModel::read(m.write(), "test"));
  CHECK(back.threshold == doctest::Approx(0.4));
  MergeFeatures x{};
  x[static_cast<std::size_t>(MergeFeature::bias)] = 1.0;
  x[static_cast<std::size_t>(MergeFeature::words_jaccard)] = 0.5;
  CHECK(back.probability(x) == doctest::Approx(m.probability(x)).epsilon(1e-6));
  // A bias alone of 0 is an even chance.
  const MergeModel zero = must(MergeModel::read(all_weights(0.0), "test"));
  CHECK(zero.probability(x) == doctest::Approx(0.5));
  CHECK(zero.same(x));
}

TEST_CASE("merge model: a concept's weight counts only for a concept both events share") {
  MergeModel m =
      must(MergeModel::read(all_weights(0.0) + "concept:invade\t2\nconcept:phone\t-2\n", "test"));
  REQUIRE(m.concept_weights.size() == 2);
  MergeFeatures x{};
  x[static_cast<std::size_t>(MergeFeature::bias)] = 1.0;
  m.weights[static_cast<std::size_t>(MergeFeature::bias)] = -1.0;
  const double none = m.probability(x);
  CHECK(m.probability(x, "invade") > none);
  CHECK(m.probability(x, "phone") < none);
  CHECK(m.probability(x, "meet") == doctest::Approx(none));  // not trained: nothing added
  m.threshold = 0.5;
  CHECK(m.same(x, "invade"));
  CHECK_FALSE(m.same(x));
  // Written and read back with its concepts.
  const MergeModel back = must(MergeModel::read(m.write(), "test"));
  CHECK(back.concept_weights.at("invade") == doctest::Approx(2.0));
  CHECK(back.probability(x, "phone") == doctest::Approx(m.probability(x, "phone")));
  const auto repeated =
      MergeModel::read(all_weights(0.0) + "concept:a\t1\nconcept:a\t2\n", "m.tsv");
  REQUIRE(!repeated);
  CHECK(repeated.error().message.find("repeated concept") != std::string::npos);
  const auto empty = MergeModel::read(all_weights(0.0) + "concept:\t1\n", "m.tsv");
  REQUIRE(!empty);
}

TEST_CASE("merge model: errors name the file, the line and what is wrong") {
  const auto unknown = MergeModel::read(all_weights(1.0) + "shoe_size\t2\n", "m.tsv");
  REQUIRE(!unknown);
  CHECK(unknown.error().message.find("m.tsv:") == 0);
  CHECK(unknown.error().message.find("shoe_size") != std::string::npos);
  const auto bad = MergeModel::read("threshold\tabc\n", "m.tsv");
  REQUIRE(!bad);
  CHECK(bad.error().message.find("m.tsv:1: not a number") == 0);
  const auto no_tab = MergeModel::read("threshold 0.5\n", "m.tsv");
  REQUIRE(!no_tab);
  CHECK(no_tab.error().message.find("m.tsv:1:") == 0);
  const auto missing = MergeModel::read("threshold\t0.5\nbias\t1\n", "m.tsv");
  REQUIRE(!missing);
  CHECK(missing.error().message.find("no weight for feature \"same_title\"") != std::string::npos);
  std::string no_threshold = all_weights(1.0);
  no_threshold.erase(no_threshold.find("threshold"), std::string("threshold\t0.5\n").size());
  const auto none = MergeModel::read(no_threshold, "m.tsv");
  REQUIRE(!none);
  CHECK(none.error().message == "m.tsv: no threshold");
}

TEST_CASE("merge model: the shipped model loads and needs more than a shared kind to merge") {
  const MergeModel* m = must(kb::services::shipped_merge_model());
  REQUIRE(m != nullptr);
  CHECK(m->threshold > 0.0);
  CHECK(m->threshold < 1.0);
  MergeFeatures x{};
  x[static_cast<std::size_t>(MergeFeature::bias)] = 1.0;
  x[static_cast<std::size_t>(MergeFeature::same_kind)] = 1.0;
  x[static_cast<std::size_t>(MergeFeature::overlap)] = 1.0;
  CHECK(!m->same(x));
  // The same title, concept and day, the same names and most words: one happening.
  for (const auto f : {MergeFeature::same_title, MergeFeature::same_concept, MergeFeature::nested,
                       MergeFeature::both_stated, MergeFeature::both_days,
                       MergeFeature::shared_actor, MergeFeature::shared_object}) {
    x[static_cast<std::size_t>(f)] = 1.0;
  }
  x[static_cast<std::size_t>(MergeFeature::named_shared)] = 1.1;
  x[static_cast<std::size_t>(MergeFeature::named_jaccard)] = 0.8;
  x[static_cast<std::size_t>(MergeFeature::words_jaccard)] = 0.7;
  x[static_cast<std::size_t>(MergeFeature::title_shared)] = 1.1;
  CHECK(m->same(x));
}

TEST_CASE("merge model: may_merge bounds what features not yet read can add") {
  MergeModel m;
  m.threshold = 0.5;
  m.weights[static_cast<std::size_t>(MergeFeature::bias)] = -2.0;
  m.weights[static_cast<std::size_t>(MergeFeature::words_jaccard)] = 3.0;
  m.weights[static_cast<std::size_t>(MergeFeature::named_jaccard)] = -5.0;  // adds nothing
  MergeFeatures x{};
  x[static_cast<std::size_t>(MergeFeature::bias)] = 1.0;
  MergeFeatures most{};
  most[static_cast<std::size_t>(MergeFeature::named_jaccard)] = 1.0;
  CHECK(!m.may_merge(x, most));  // -2, the negative weight cannot help
  most[static_cast<std::size_t>(MergeFeature::words_jaccard)] = 1.0;
  CHECK(m.may_merge(x, most));  // -2 + 3
  // A veto holds whatever the rest may add.
  x[static_cast<std::size_t>(MergeFeature::objects_clash)] = 1.0;
  CHECK(!m.may_merge(x, most));
}

}  // namespace
