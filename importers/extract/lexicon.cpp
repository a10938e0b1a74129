// The trigger lexicon and closed word lists of the event extractor (see lexicon.hpp). Adding a
// trigger is adding a row; forms are matched as whole lower-case words.
#include "importers/extract/lexicon.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

namespace kb::importers::extract {

namespace {

// One row of data/lexicon/extract/triggers.tsv as written: the kind and flags by name.
struct TriggerRow {
  std::string_view form, kind, verb, noun, flags;
};
constexpr auto kTriggerRows = std::to_array<TriggerRow>({
#include "lexicon/extract/triggers.inc"
});

// A misspelt kind or flag name in triggers.tsv: not a constant expression, so the build stops
// here (tests/importers/extract/lexicon_test.cpp names the file and line).
[[noreturn]] inline void unknown_trigger_name() {
  throw "data/lexicon/extract/triggers.tsv: unknown event kind or trigger flag name";
}

constexpr auto kTriggers = [] {
  std::array<Trigger, kTriggerRows.size()> out{};
  for (std::size_t i = 0; i < kTriggerRows.size(); ++i) {
    const TriggerRow& row = kTriggerRows[i];
    const auto kind = trigger_kind(row.kind);
    const auto flags = trigger_flags(row.flags);
    if (!kind || !flags) {
      unknown_trigger_name();
    }
    out[i] = Trigger{row.form, *kind, row.verb, row.noun, *flags};
  }
  return out;
}();

constexpr auto kReporting = std::to_array<std::string_view>({
#include "lexicon/extract/reporting_forms.inc"
});
constexpr auto kModalNegation = std::to_array<std::string_view>({
#include "lexicon/extract/modal_negation.inc"
});
constexpr auto kFuture = std::to_array<std::string_view>({
#include "lexicon/extract/future_cues.inc"
});
constexpr auto kPrepositions = std::to_array<std::string_view>({
#include "lexicon/extract/prepositions.inc"
});
constexpr auto kClauseOpeners = std::to_array<std::string_view>({
#include "lexicon/extract/clause_openers.inc"
});
constexpr auto kPlaceNouns = std::to_array<std::string_view>({
#include "lexicon/extract/place_nouns.inc"
});
constexpr auto kOfficeNouns = std::to_array<std::string_view>({
#include "lexicon/extract/office_nouns.inc"
});
constexpr auto kCollectiveNouns = std::to_array<std::string_view>({
#include "lexicon/extract/collective_nouns.inc"
});
constexpr auto kAdjectiveSlot = std::to_array<std::string_view>({
#include "lexicon/extract/adjective_slot.inc"
});
// Where only an -ed form is an adjective.
constexpr auto kParticipleSlot = std::to_array<std::string_view>({
#include "lexicon/extract/participle_slot.inc"
});
constexpr auto kIssueNouns = std::to_array<std::string_view>({
#include "lexicon/extract/issue_nouns.inc"
});
constexpr auto kBoilerplate = std::to_array<std::string_view>({
#include "lexicon/extract/boilerplate_markers.inc"
});

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

std::span<const Trigger> triggers() { return kTriggers; }

const Trigger* find_trigger(std::string_view lower_word) {
  static const std::unordered_map<std::string_view, const Trigger*> one_word = [] {
    std::unordered_map<std::string_view, const Trigger*> m;
    for (const Trigger& t : kTriggers) {
      if (t.form.find(' ') == std::string_view::npos) {
        m.emplace(t.form, &t);  // the first entry of a form, as the patterns read it
      }
    }
    return m;
  }();
  const auto it = one_word.find(lower_word);
  return it == one_word.end() ? nullptr : it->second;
}
bool is_reporting_verb(std::string_view w) { return in(kReporting, w); }
bool is_modal_or_negation(std::string_view w) { return in(kModalNegation, w); }
bool is_future_cue(std::string_view w) { return in(kFuture, w); }
bool is_preposition(std::string_view w) { return in(kPrepositions, w); }
bool is_clause_opener(std::string_view w) { return in(kClauseOpeners, w); }
bool is_place_noun(std::string_view w) { return in(kPlaceNouns, w); }
bool is_adjective_slot(std::string_view w, bool ed_form) {
  return in(kAdjectiveSlot, w) || (ed_form && in(kParticipleSlot, w));
}
bool is_collective_noun(std::string_view w) { return in(kCollectiveNouns, w); }
bool is_office_noun(std::string_view w) { return in(kOfficeNouns, w); }
bool is_issue_noun(std::string_view w) { return in(kIssueNouns, w); }
std::span<const std::string_view> boilerplate_markers() { return kBoilerplate; }

std::span<const std::string_view> locative_prepositions() {
  static constexpr auto kLocative = std::to_array<std::string_view>({
#include "lexicon/extract/locative_prepositions.inc"
  });
  return kLocative;
}

}  // namespace kb::importers::extract
