// Tests for importers/extract/concepts.cpp: word forms and lemmas normalised to the concept of
// the happening they name, light verbs, a concept cancelled by the next word ("calls on"), and
// the concepts the learned extractor gives its events.
#include "importers/extract/concepts.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "tests/importers/extract/extract_fixture.hpp"

namespace {

namespace ex = kb::importers::extract;
using kb::test::learned::extract;

}  // namespace

TEST_CASE("concept_of normalises inflections, nominalisations and synonyms") {
  CHECK(ex::concept_of("invaded") == "invade");
  CHECK(ex::concept_of("Invasion") == "invade");
  CHECK(ex::concept_of("war") == "invade");
  CHECK(ex::concept_of("seized") == "capture");
  CHECK(ex::concept_of("capture") == "capture");
  CHECK(ex::concept_of("annexes") == "annex");
  CHECK(ex::concept_of("mobilisation") == "mobilize");
  CHECK(ex::concept_of("struck") == "strike");
  CHECK(ex::concept_of("shelling") == "strike");
  CHECK(ex::concept_of("said").empty());
  CHECK(ex::concept_of("").empty());
  CHECK(ex::light_verb("launch"));
  CHECK_FALSE(ex::light_verb("invade"));
}

TEST_CASE("a light verb or noun framing the mobilisation gives its concept and its headline") {
  const auto x = extract(
      "President Vladimir Putin announced the beginning of mobilization on September 21, 2022. "
      "The mobilization decree Putin signed on September 21 states that the General Staff "
      "establishes regional quotas. Queues formed at the borders after President Vladimir "
      "Putin's declaration of partial mobilization on September 21.",
      date::sys_days{date::year{2022} / 10 / 12});
  std::vector<std::string> titles;
  for (const auto& e : x.events) {
    MESSAGE(e.title << " | " << e.trigger << " | " << e.concept_name);
    titles.push_back(e.title);
    if (e.title.find("obiliz") != std::string::npos) {
      CHECK(e.concept_name == "mobilize");
    }
  }
  CAPTURE(titles);
  const auto has = [&](std::string_view t) {
    return std::find(titles.begin(), titles.end(), t) != titles.end();
  };
  CHECK(has("Vladimir Putin announces beginning of mobilization"));
  CHECK(has("Vladimir Putin signs mobilization decree"));
  CHECK(has("Vladimir Putin declares partial mobilization"));
}

TEST_CASE("a call on someone or for something is no phone call") {
  CHECK(ex::concept_cancelled("calls", "on"));
  CHECK(ex::concept_cancelled("Called", "for"));
  CHECK(ex::concept_cancelled("call", "upon"));
  CHECK_FALSE(ex::concept_cancelled("called", "Macron"));
  CHECK_FALSE(ex::concept_cancelled("conversation", "on"));
  const auto x = extract(
      "On March 3, 2022, Zelensky called on Norway and other partners to send more air defence. On "
      "March 3, 2022, Vladimir Putin had a telephone conversation with Emmanuel Macron.",
      date::sys_days{date::year{2022} / 3 / 4});
  bool call = false;
  for (const auto& e : x.events) {
    MESSAGE(e.title << " | " << e.trigger << " | " << e.concept_name);
    if (e.quote.find("called on") != std::string::npos) {
      CHECK(e.concept_name != "phone");
    }
    call = call || (e.quote.find("telephone") != std::string::npos && e.concept_name == "phone");
  }
  CHECK(call);
}

TEST_CASE("extracted events carry the concept of their predicate") {
  const auto x = extract(
      "Russia launched a full-scale invasion of Ukraine on February 24, 2022. Russian troops "
      "captured Lysychansk on July 3, 2022. Since the capture of Lysychansk on July 3, Russian "
      "forces have tried to take Siversk.",
      date::sys_days{date::year{2022} / 7 / 20});
  for (const auto& e : x.events) {
    MESSAGE(e.title << " | " << e.trigger << " | " << e.concept_name);
  }
  const auto has = [&](std::string_view concept_name) {
    return std::any_of(x.events.begin(), x.events.end(),
                       [&](const ex::ExtractedEvent& e) { return e.concept_name == concept_name; });
  };
  CHECK(has("invade"));
  CHECK(has("capture"));
}
