// The concept table: word forms and lemmas, grouped by the happening they name.
#include "importers/extract/concepts.hpp"

#include <algorithm>
#include <array>

#include "importers/analysis/features.hpp"

namespace kb::importers::extract {

namespace {

struct Group {
  std::string_view concept_name;
  std::string_view words;  // space-separated lemmas, nominalisations and irregular forms
};

// The concept groups: one happening named with different words.
constexpr auto kGroups = std::to_array<Group>({
#include "lexicon/extract/concept_groups.inc"
});

// Verbs that frame the happening their object names.
constexpr auto kLight = std::to_array<std::string_view>({
#include "lexicon/extract/concept_light_verbs.inc"
});

// Verbs that frame the happening their object names for its concept only, their headline kept.
constexpr auto kConceptLight = std::to_array<std::string_view>({
#include "lexicon/extract/concept_light_only_verbs.inc"
});

// Nouns that frame the happening their modifier names.
constexpr auto kLightNouns = std::to_array<std::string_view>({
#include "lexicon/extract/concept_light_nouns.inc"
});

// Words and the word after them that together name something else than the word's concept
// ("calls on Canada to supply weapons" is no phone call), both as space-separated forms.
struct Cancel {
  std::string_view words, next;
};
constexpr auto kCancelled = std::to_array<Cancel>({
#include "lexicon/extract/concept_cancelled.inc"
});

bool listed(std::string_view list, std::string_view w) {
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    if (list.substr(0, space) == w) {
      return true;
    }
    list = space == std::string_view::npos ? std::string_view() : list.substr(space + 1);
  }
  return false;
}

bool in_group(const Group& g, std::string_view w) { return listed(g.words, w); }

std::string_view group_of(std::string_view w) {
  for (const Group& g : kGroups) {
    if (in_group(g, w)) {
      return g.concept_name;
    }
  }
  return {};
}

}  // namespace

std::string concept_of(std::string_view word) {
  const std::string w = analysis::lower_ascii(word);
  if (const auto c = group_of(w); !c.empty()) {
    return std::string(c);
  }
  // Regular inflections: "annexed", "annexes", "seizing", "strikes", "captured".
  struct Strip {
    std::string_view suffix, add;
  };
  static constexpr std::array<Strip, 8> kStrips = {{{"ies", "y"},
                                                    {"es", ""},
                                                    {"s", ""},
                                                    {"ed", ""},
                                                    {"ed", "e"},
                                                    {"ing", ""},
                                                    {"ing", "e"},
                                                    {"d", ""}}};
  for (const Strip& s : kStrips) {
    if (w.size() > s.suffix.size() + 2 && w.ends_with(s.suffix)) {
      std::string stem = w.substr(0, w.size() - s.suffix.size());
      stem += s.add;
      if (const auto c = group_of(stem); !c.empty()) {
        return std::string(c);
      }
    }
  }
  return {};
}

bool concept_cancelled(std::string_view word, std::string_view next) {
  const std::string w = analysis::lower_ascii(word);
  const std::string n = analysis::lower_ascii(next);
  return std::any_of(kCancelled.begin(), kCancelled.end(),
                     [&](const Cancel& c) { return listed(c.words, w) && listed(c.next, n); });
}

bool light_verb(std::string_view lemma) {
  return std::find(kLight.begin(), kLight.end(), lemma) != kLight.end();
}

bool concept_light_verb(std::string_view lemma) {
  return light_verb(lemma) ||
         std::find(kConceptLight.begin(), kConceptLight.end(), lemma) != kConceptLight.end();
}

// Verbs whose infinitive, not themselves, is the happening ("helped persuade").
constexpr auto kCatenative = std::to_array<std::string_view>({
#include "lexicon/extract/catenative_verbs.inc"
});

bool catenative_verb(std::string_view lemma) {
  return std::find(kCatenative.begin(), kCatenative.end(), lemma) != kCatenative.end();
}

bool light_noun(std::string_view lemma) {
  return std::find(kLightNouns.begin(), kLightNouns.end(), lemma) != kLightNouns.end();
}

}  // namespace kb::importers::extract
