// The extractor's word lists as data: event triggers (word forms -> kind, the verb and noun used
// in titles, how roles are read around them) and the small closed-class lists the rules consult.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "kb/model.hpp"

namespace kb::importers::extract {

// How the words around a trigger are read: the bits of Trigger::flags.
// a finite verb: the clause subject acts, the object is the target
inline constexpr std::uint8_t kVerb = 0;
// a noun ("invasion"): the actor is its modifier ("Russia's invasion")
inline constexpr std::uint8_t kNoun = 1U << 0;
// "X fell to Y": Y is the actor, X the target
inline constexpr std::uint8_t kSwapRoles = 1U << 1;
// titled "<actor> <noun> in <place>" ("NATO summit in Vilnius")
inline constexpr std::uint8_t kNounTitle = 1U << 2;
// news inside a reported statement ("a red line"): actor = speaker
inline constexpr std::uint8_t kStatementCue = 1U << 3;
// a common word that makes an event only next to its date
inline constexpr std::uint8_t kWeak = 1U << 4;

// One trigger: a lower-case word form (several words separated by single spaces).
struct Trigger {
  std::string_view form;  // "annexed", "fell into the hands of"
  EventKind kind = EventKind::other;
  std::string_view verb;  // third person for titles: "annexes"
  std::string_view noun;  // for titles without an actor: "annexation"
  std::uint8_t flags = kVerb;
};

// The event kind named `name` as kb spells it (kb::to_string), or nullopt; constexpr so that
// the trigger table (data/lexicon/extract/triggers.tsv) is converted when kb is compiled.
constexpr std::optional<EventKind> trigger_kind(std::string_view name) {
  return event_kind_named(name);
}

// Trigger flags written by name and joined by '+' ("noun+noun_title+weak"; "verb" alone for
// none), or nullopt for an unknown or empty name.
constexpr std::optional<std::uint8_t> trigger_flags(std::string_view names) {
  if (names == "verb") {
    return kVerb;
  }
  std::uint8_t flags = 0;
  while (true) {
    const std::size_t plus = names.find('+');
    const std::string_view name = names.substr(0, plus);
    if (name == "noun") {
      flags |= kNoun;
    } else if (name == "swap_roles") {
      flags |= kSwapRoles;
    } else if (name == "noun_title") {
      flags |= kNounTitle;
    } else if (name == "statement_cue") {
      flags |= kStatementCue;
    } else if (name == "weak") {
      flags |= kWeak;
    } else {
      return std::nullopt;
    }
    if (plus == std::string_view::npos) {
      return flags;
    }
    names.remove_prefix(plus + 1);
  }
}

// All triggers, longest forms first within each first word.
std::span<const Trigger> triggers();
// The one-word trigger written `lower_word`, or nullptr.
const Trigger* find_trigger(std::string_view lower_word);

// Reporting verbs ("said", "told"): events only when what is reported is news.
bool is_reporting_verb(std::string_view lower_word);
// Modal and negation words that make a following trigger hypothetical or denied.
bool is_modal_or_negation(std::string_view lower_word);
// Words that make a clause future: "will", "expected", "plans", "scheduled", ...
bool is_future_cue(std::string_view lower_word);
// Prepositions: an entity right after one is not a clause subject.
bool is_preposition(std::string_view lower_word);
// Words that start a subordinate clause ("when", "after", "which"): actor search stops there.
bool is_clause_opener(std::string_view lower_word);
// Nouns that refer back to a place ("city", "town", "region").
bool is_place_noun(std::string_view lower_word);
// Words after which a past participle is an adjective ("the occupied areas", "newly annexed";
// with `ed_form`, an -ed trigger, also "to occupied territories").
bool is_adjective_slot(std::string_view lower_word, bool ed_form = false);
// Nouns for a country's people acting as one ("Russian forces", "Ukrainian officials").
bool is_collective_noun(std::string_view lower_word);
// Offices held for a country ("the Chancellor of Germany" acts for Germany).
bool is_office_noun(std::string_view lower_word);
// Nouns one raises in talk, not in value ("the issues they raised"): "issue", "question", ...
bool is_issue_noun(std::string_view lower_word);
// Boilerplate markers (lower-case substrings): a sentence holding one is never an event.
std::span<const std::string_view> boilerplate_markers();
// Locative prepositions ("in", "near", "throughout"): a phrase one marks says where something
// happened, not what it was done to (data/lexicon/extract/locative_prepositions.txt).
std::span<const std::string_view> locative_prepositions();

}  // namespace kb::importers::extract
