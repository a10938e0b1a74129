// The trigger lexicon and closed word lists of the event extractor (see lexicon.hpp). Adding a
// trigger is adding a row; forms are matched as whole lower-case words.
#include "importers/extract/lexicon.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

namespace kb::importers::extract {

namespace {

// clang-format off
constexpr std::array kTriggers = {
    // territorial_change
    Trigger{"fell into the hands of", EventKind::territorial_change, "takes", "fall", kSwapRoles},
    Trigger{"fell to", EventKind::territorial_change, "takes", "fall", kSwapRoles},
    Trigger{"annexed", EventKind::territorial_change, "annexes", "annexation", kVerb},
    Trigger{"annexes", EventKind::territorial_change, "annexes", "annexation", kVerb},
    Trigger{"annexation", EventKind::territorial_change, "annexes", "annexation", kNoun},
    Trigger{"captured", EventKind::territorial_change, "captures", "capture", kVerb},
    Trigger{"captures", EventKind::territorial_change, "captures", "capture", kVerb},
    Trigger{"capture of", EventKind::territorial_change, "captures", "capture", kNoun},
    Trigger{"seized", EventKind::territorial_change, "seizes", "seizure", kVerb},
    Trigger{"took control of", EventKind::territorial_change, "takes control of", "takeover", kVerb},
    Trigger{"took over", EventKind::territorial_change, "takes over", "takeover", kVerb},
    Trigger{"liberated", EventKind::territorial_change, "liberates", "liberation", kVerb},
    Trigger{"liberation of", EventKind::territorial_change, "liberates", "liberation", kNoun},
    Trigger{"recaptured", EventKind::territorial_change, "recaptures", "recapture", kVerb},
    Trigger{"retook", EventKind::territorial_change, "retakes", "recapture", kVerb},
    Trigger{"withdrew from", EventKind::territorial_change, "withdraws from", "withdrawal", kVerb},
    Trigger{"occupied", EventKind::territorial_change, "occupies", "occupation", kVerb},
    // attack
    Trigger{"invaded", EventKind::attack, "invades", "invasion", kVerb},
    Trigger{"invades", EventKind::attack, "invades", "invasion", kVerb},
    Trigger{"invasion", EventKind::attack, "invades", "invasion", kNoun},
    Trigger{"attacked", EventKind::attack, "attacks", "attack", kVerb},
    Trigger{"attack on", EventKind::attack, "attacks", "attack", kNoun},
    Trigger{"attacks on", EventKind::attack, "attacks", "attacks", kNoun},
    Trigger{"struck", EventKind::attack, "strikes", "strike", kVerb},
    Trigger{"shelled", EventKind::attack, "shells", "shelling", kVerb},
    Trigger{"bombed", EventKind::attack, "bombs", "bombing", kVerb},
    Trigger{"launched an offensive", EventKind::attack, "launches offensive", "offensive", kVerb},
    Trigger{"launched a counteroffensive", EventKind::attack, "launches counteroffensive", "counteroffensive", kVerb},
    Trigger{"missile strike", EventKind::attack, "strikes", "missile strike", kNoun},
    Trigger{"missile strikes", EventKind::attack, "strikes", "missile strikes", kNoun},
    Trigger{"airstrike", EventKind::attack, "strikes", "airstrike", kNoun},
    Trigger{"airstrikes", EventKind::attack, "strikes", "airstrikes", kNoun},
    Trigger{"air strikes", EventKind::attack, "strikes", "air strikes", kNoun},
    Trigger{"shot down", EventKind::attack, "shoots down", "shooting down", kVerb},
    Trigger{"killed", EventKind::attack, "kills", "killing", kWeak},
    Trigger{"bombing", EventKind::attack, "bombs", "bombing", kNoun},
    Trigger{"destroyed", EventKind::attack, "destroys", "destruction", kVerb},
    Trigger{"missile attack", EventKind::attack, "attacks", "missile attack", kNoun},
    Trigger{"air alarms", EventKind::attack, "air-raid alarms", "air-raid alarms", kNoun | kNounTitle},
    Trigger{"air raid alarms", EventKind::attack, "air-raid alarms", "air-raid alarms", kNoun | kNounTitle},
    Trigger{"air-raid alarms", EventKind::attack, "air-raid alarms", "air-raid alarms", kNoun | kNounTitle},
    Trigger{"air raid sirens", EventKind::attack, "air-raid sirens", "air-raid sirens", kNoun | kNounTitle},
    Trigger{"air-raid sirens", EventKind::attack, "air-raid sirens", "air-raid sirens", kNoun | kNounTitle},
    Trigger{"started the war", EventKind::attack, "starts the war", "start of the war", kVerb},
    Trigger{"started this war", EventKind::attack, "starts the war", "start of the war", kVerb},
    Trigger{"began the war", EventKind::attack, "starts the war", "start of the war", kVerb},
    Trigger{"launched the war", EventKind::attack, "starts the war", "start of the war", kVerb},
    Trigger{"attack", EventKind::attack, "attacks", "attack", kNoun | kWeak},
    Trigger{"attacks", EventKind::attack, "attacks", "attacks", kNoun | kWeak},
    Trigger{"assault", EventKind::attack, "assaults", "assault", kNoun | kWeak},
    Trigger{"offensive", EventKind::attack, "launches offensive against", "offensive", kNoun | kWeak},
    Trigger{"offensives", EventKind::attack, "launches offensives against", "offensives", kNoun | kWeak},
    Trigger{"counteroffensive", EventKind::attack, "launches counteroffensive against", "counteroffensive", kNoun | kWeak},
    Trigger{"shelling", EventKind::attack, "shells", "shelling", kNoun | kWeak},
    Trigger{"explosion", EventKind::attack, "explosion", "explosion", kNoun | kWeak},
    Trigger{"burned alive", EventKind::attack, "burns alive", "burning", kVerb},
    // agreement
    Trigger{"signed", EventKind::agreement, "signs", "signing", kVerb},
    Trigger{"signs", EventKind::agreement, "signs", "signing", kVerb},
    Trigger{"agreed to", EventKind::agreement, "agrees to", "agreement", kVerb},
    Trigger{"agreed on", EventKind::agreement, "agrees on", "agreement", kVerb},
    Trigger{"agreed with", EventKind::agreement, "agrees with", "agreement", kVerb},
    Trigger{"agreed", EventKind::agreement, "agrees", "agreement", kWeak},
    Trigger{"signing", EventKind::agreement, "signs", "signing", kNoun},
    Trigger{"security assurances", EventKind::agreement, "gives security assurances to", "security assurances", kNoun},
    Trigger{"treaty", EventKind::agreement, "signs treaty with", "treaty", kNoun | kWeak},
    Trigger{"memorandum", EventKind::agreement, "signs memorandum with", "memorandum", kNoun | kWeak},
    Trigger{"accord", EventKind::agreement, "reaches accord with", "accord", kNoun | kWeak},
    Trigger{"ceasefire", EventKind::agreement, "agrees ceasefire with", "ceasefire", kNoun | kWeak},
    Trigger{"cease-fire", EventKind::agreement, "agrees ceasefire with", "ceasefire", kNoun | kWeak},
    Trigger{"truce", EventKind::agreement, "agrees truce with", "truce", kNoun | kWeak},
    Trigger{"agreement", EventKind::agreement, "reaches agreement with", "agreement", kNoun | kWeak},
    Trigger{"agreements", EventKind::agreement, "reaches agreements with", "agreements", kNoun | kWeak},
    Trigger{"declaration", EventKind::agreement, "adopts declaration", "declaration", kNoun | kWeak},
    Trigger{"draft treaty", EventKind::agreement, "presents draft treaty to", "draft treaty", kNoun},
    Trigger{"deal", EventKind::agreement, "reaches deal with", "deal", kNoun | kWeak},
    // meeting
    Trigger{"summit", EventKind::meeting, "summit", "summit", kNoun | kNounTitle},
    Trigger{"summits", EventKind::meeting, "summits", "summits", kNoun | kNounTitle},
    Trigger{"held talks", EventKind::meeting, "holds talks with", "talks", kVerb},
    Trigger{"hold talks", EventKind::meeting, "holds talks with", "talks", kVerb},
    Trigger{"talks", EventKind::meeting, "talks", "talks", kNoun | kNounTitle | kWeak},
    Trigger{"met with", EventKind::meeting, "meets", "meeting", kVerb},
    Trigger{"met", EventKind::meeting, "meets", "meeting", kVerb},
    Trigger{"meets", EventKind::meeting, "meets", "meeting", kVerb},
    Trigger{"will meet", EventKind::meeting, "meets", "meeting", kVerb},
    Trigger{"meeting with", EventKind::meeting, "meets", "meeting", kNoun},
    Trigger{"meeting of", EventKind::meeting, "meets", "meeting", kNoun},
    Trigger{"meeting", EventKind::meeting, "meeting", "meeting", kNoun | kNounTitle | kWeak},
    Trigger{"consultations", EventKind::meeting, "consultations", "consultations", kNoun | kNounTitle | kWeak},
    Trigger{"telephone conversation", EventKind::meeting, "holds phone call with", "phone call", kNoun},
    Trigger{"phone call", EventKind::meeting, "holds phone call with", "phone call", kNoun},
    Trigger{"phone conversation", EventKind::meeting, "holds phone call with", "phone call", kNoun},
    Trigger{"spoke by phone", EventKind::meeting, "holds phone call with", "phone call", kVerb},
    Trigger{"spoke over the phone", EventKind::meeting, "holds phone call with", "phone call", kVerb},
    Trigger{"talked by phone", EventKind::meeting, "holds phone call with", "phone call", kVerb},
    Trigger{"talked over the phone", EventKind::meeting, "holds phone call with", "phone call", kVerb},
    Trigger{"had a conversation with", EventKind::meeting, "holds talks with", "talks", kVerb},
    Trigger{"spoke with", EventKind::meeting, "speaks with", "talks", kVerb},
    Trigger{"conversation", EventKind::meeting, "holds talks", "talks", kNoun | kWeak},
    Trigger{"conference", EventKind::meeting, "conference", "conference", kNoun | kNounTitle | kWeak},
    Trigger{"negotiations", EventKind::meeting, "negotiations", "negotiations", kNoun | kNounTitle | kWeak},
    // statement
    Trigger{"warned", EventKind::statement, "warns", "warning", kVerb},
    Trigger{"warns", EventKind::statement, "warns", "warning", kVerb},
    Trigger{"threatened", EventKind::statement, "threatens", "threat", kVerb},
    Trigger{"announced", EventKind::statement, "announces", "announcement", kVerb},
    Trigger{"announces", EventKind::statement, "announces", "announcement", kVerb},
    Trigger{"announce", EventKind::statement, "announces", "announcement", kVerb},
    Trigger{"declared", EventKind::statement, "declares", "declaration", kVerb},
    Trigger{"vowed", EventKind::statement, "vows", "vow", kVerb},
    Trigger{"demanded", EventKind::statement, "demands", "demand", kVerb},
    Trigger{"condemned", EventKind::statement, "condemns", "condemnation", kVerb},
    Trigger{"accused", EventKind::statement, "accuses", "accusation", kVerb},
    Trigger{"denied", EventKind::statement, "denies", "denial", kVerb},
    Trigger{"response", EventKind::statement, "responds", "response", kNoun | kWeak},
    Trigger{"responses", EventKind::statement, "responds", "responses", kNoun | kWeak},
    Trigger{"red line", EventKind::statement, "draws red line", "red line", kStatementCue},
    Trigger{"ultimatum", EventKind::statement, "issues ultimatum", "ultimatum", kStatementCue},
    Trigger{"address to the nation", EventKind::statement, "addresses the nation", "address", kNoun},
    // aid
    Trigger{"supplied", EventKind::aid, "supplies", "supplies", kVerb},
    Trigger{"delivered", EventKind::aid, "delivers", "delivery", kVerb},
    Trigger{"donated", EventKind::aid, "donates", "donation", kVerb},
    Trigger{"pledged", EventKind::aid, "pledges", "pledge", kVerb},
    Trigger{"aid package", EventKind::aid, "announces aid package", "aid package", kNoun},
    Trigger{"military aid", EventKind::aid, "gives military aid to", "military aid", kNoun | kWeak},
    Trigger{"humanitarian aid", EventKind::aid, "sends humanitarian aid to", "humanitarian aid", kNoun | kWeak},
    Trigger{"support training", EventKind::aid, "supports training", "training", kVerb},
    Trigger{"sent", EventKind::aid, "sends", "delivery", kWeak},
    // visit
    Trigger{"visited", EventKind::visit, "visits", "visit", kVerb},
    Trigger{"visits", EventKind::visit, "visits", "visit", kVerb},
    Trigger{"visit to", EventKind::visit, "visits", "visit", kNoun},
    Trigger{"arrived in", EventKind::visit, "arrives in", "arrival", kVerb},
    Trigger{"arrives in", EventKind::visit, "arrives in", "arrival", kVerb},
    Trigger{"will arrive", EventKind::visit, "arrives", "arrival", kVerb},
    Trigger{"will visit", EventKind::visit, "visits", "visit", kVerb},
    Trigger{"will come", EventKind::visit, "visits", "visit", kWeak},
    Trigger{"will be here", EventKind::visit, "visits", "visit", kWeak},
    Trigger{"is coming", EventKind::visit, "visits", "visit", kWeak},
    Trigger{"trip to", EventKind::visit, "visits", "trip", kNoun},
    // election
    Trigger{"presidential election", EventKind::election, "presidential election", "presidential election", kNoun | kNounTitle},
    Trigger{"parliamentary election", EventKind::election, "parliamentary election", "parliamentary election", kNoun | kNounTitle},
    Trigger{"parliamentary elections", EventKind::election, "parliamentary elections", "parliamentary elections", kNoun | kNounTitle},
    Trigger{"election", EventKind::election, "election", "election", kNoun | kNounTitle},
    Trigger{"elections", EventKind::election, "elections", "elections", kNoun | kNounTitle},
    Trigger{"referendum", EventKind::election, "referendum", "referendum", kNoun | kNounTitle},
    Trigger{"was elected", EventKind::election, "is elected", "election", kVerb},
    Trigger{"re-elected", EventKind::election, "is re-elected", "re-election", kVerb},
    Trigger{"voted", EventKind::election, "votes", "vote", kVerb},
    // application
    Trigger{"applied for", EventKind::application, "applies for", "application", kVerb},
    Trigger{"applied to join", EventKind::application, "applies to join", "application", kVerb},
    Trigger{"application", EventKind::application, "applies to join", "application", kNoun},
    Trigger{"bid to join", EventKind::application, "bids to join", "bid to join", kNoun},
    Trigger{"joined", EventKind::application, "joins", "accession", kVerb},
    Trigger{"accession", EventKind::application, "accedes to", "accession", kNoun | kWeak},
    // sanction
    Trigger{"sanctions", EventKind::sanction, "imposes sanctions on", "sanctions", kNoun | kWeak},
    Trigger{"sanctioned", EventKind::sanction, "sanctions", "sanctions", kVerb},
    Trigger{"imposed sanctions", EventKind::sanction, "imposes sanctions on", "sanctions", kVerb},
    Trigger{"embargo", EventKind::sanction, "imposes embargo on", "embargo", kNoun | kWeak},
    Trigger{"expelled", EventKind::sanction, "expels", "expulsion", kVerb},
    Trigger{"banned", EventKind::sanction, "bans", "ban", kVerb},
    // decision
    Trigger{"signed a decree", EventKind::decision, "signs decree", "decree", kVerb},
    Trigger{"signed a law", EventKind::decision, "signs law", "law", kVerb},
    Trigger{"signed the law", EventKind::decision, "signs law", "law", kVerb},
    Trigger{"signed a bill", EventKind::decision, "signs bill", "bill", kVerb},
    Trigger{"signed an executive order", EventKind::decision, "signs executive order", "executive order", kVerb},
    Trigger{"decree", EventKind::decision, "decrees", "decree", kNoun | kWeak},
    Trigger{"decided", EventKind::decision, "decides", "decision", kVerb},
    Trigger{"approved", EventKind::decision, "approves", "approval", kVerb},
    Trigger{"adopted", EventKind::decision, "adopts", "adoption", kVerb},
    Trigger{"ratified", EventKind::decision, "ratifies", "ratification", kVerb},
    Trigger{"appointed", EventKind::decision, "appoints", "appointment", kVerb},
    Trigger{"resigned", EventKind::decision, "resigns", "resignation", kVerb},
    Trigger{"recognised", EventKind::decision, "recognises", "recognition", kVerb},
    Trigger{"recognized", EventKind::decision, "recognizes", "recognition", kVerb},
    Trigger{"suspended", EventKind::decision, "suspends", "suspension", kVerb},
    Trigger{"imposed", EventKind::decision, "imposes", "imposition", kVerb},
    Trigger{"introduced", EventKind::decision, "introduces", "introduction", kWeak},
    Trigger{"passed", EventKind::decision, "passes", "passage", kWeak},
    Trigger{"cut", EventKind::decision, "cuts", "cut", kWeak},
    Trigger{"raised", EventKind::decision, "raises", "rise", kWeak},
    Trigger{"launched", EventKind::other, "launches", "launch", kWeak},
    // protest
    Trigger{"protests", EventKind::protest, "protests", "protests", kNoun | kWeak},
    Trigger{"protested", EventKind::protest, "protests", "protest", kVerb},
    Trigger{"demonstrations", EventKind::protest, "demonstrations", "demonstrations", kNoun | kWeak},
    Trigger{"rallies", EventKind::protest, "rallies", "rallies", kNoun | kWeak},
    Trigger{"riots", EventKind::protest, "riots", "riots", kNoun},
    // other
    Trigger{"drafted", EventKind::other, "drafts", "draft", kVerb},
    Trigger{"proposed", EventKind::other, "proposes", "proposal", kVerb},
    Trigger{"offered", EventKind::other, "offers", "offer", kVerb},
    Trigger{"presented", EventKind::other, "presents", "presentation", kWeak},
    Trigger{"initiated", EventKind::other, "initiates", "initiative", kWeak},
    Trigger{"took the initiative", EventKind::other, "takes the initiative", "initiative", kVerb},
    Trigger{"opened", EventKind::other, "opens", "opening", kWeak},
    Trigger{"created", EventKind::other, "creates", "creation", kWeak},
    Trigger{"offer", EventKind::other, "offers", "offer", kNoun | kWeak},
    Trigger{"resumed", EventKind::other, "resumes", "resumption", kWeak},
    Trigger{"disaster", EventKind::other, "disaster", "disaster", kNoun | kWeak},
    Trigger{"sold", EventKind::other, "sells", "sale", kWeak},
    Trigger{"bought", EventKind::other, "buys", "purchase", kWeak},
    Trigger{"founded", EventKind::other, "founds", "founding", kVerb},
    Trigger{"established", EventKind::other, "establishes", "establishment", kWeak},
    Trigger{"collapsed", EventKind::other, "collapses", "collapse", kVerb},
    Trigger{"collapse of", EventKind::other, "collapses", "collapse", kNoun},
    Trigger{"arrested", EventKind::other, "arrests", "arrest", kVerb},
    Trigger{"acquired", EventKind::other, "acquires", "acquisition", kVerb},
    Trigger{"merger", EventKind::other, "merger", "merger", kNoun | kWeak},
    Trigger{"coup", EventKind::other, "stages coup", "coup", kNoun},
    Trigger{"military parade", EventKind::other, "military parade", "military parade", kNoun | kNounTitle},
    Trigger{"parade", EventKind::other, "parade", "parade", kNoun | kNounTitle | kWeak},
};
// clang-format on

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

}  // namespace kb::importers::extract
