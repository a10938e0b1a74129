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
    Trigger{"fell into the hands of", "territorial_change", "takes", "fall", kSwapRoles},
    Trigger{"fell to", "territorial_change", "takes", "fall", kSwapRoles},
    Trigger{"annexed", "territorial_change", "annexes", "annexation", kVerb},
    Trigger{"annexes", "territorial_change", "annexes", "annexation", kVerb},
    Trigger{"annexation", "territorial_change", "annexes", "annexation", kNoun},
    Trigger{"captured", "territorial_change", "captures", "capture", kVerb},
    Trigger{"captures", "territorial_change", "captures", "capture", kVerb},
    Trigger{"capture of", "territorial_change", "captures", "capture", kNoun},
    Trigger{"seized", "territorial_change", "seizes", "seizure", kVerb},
    Trigger{"took control of", "territorial_change", "takes control of", "takeover", kVerb},
    Trigger{"took over", "territorial_change", "takes over", "takeover", kVerb},
    Trigger{"liberated", "territorial_change", "liberates", "liberation", kVerb},
    Trigger{"liberation of", "territorial_change", "liberates", "liberation", kNoun},
    Trigger{"recaptured", "territorial_change", "recaptures", "recapture", kVerb},
    Trigger{"retook", "territorial_change", "retakes", "recapture", kVerb},
    Trigger{"withdrew from", "territorial_change", "withdraws from", "withdrawal", kVerb},
    Trigger{"occupied", "territorial_change", "occupies", "occupation", kVerb},
    // attack
    Trigger{"invaded", "attack", "invades", "invasion", kVerb},
    Trigger{"invades", "attack", "invades", "invasion", kVerb},
    Trigger{"invasion", "attack", "invades", "invasion", kNoun},
    Trigger{"attacked", "attack", "attacks", "attack", kVerb},
    Trigger{"attack on", "attack", "attacks", "attack", kNoun},
    Trigger{"attacks on", "attack", "attacks", "attacks", kNoun},
    Trigger{"struck", "attack", "strikes", "strike", kVerb},
    Trigger{"shelled", "attack", "shells", "shelling", kVerb},
    Trigger{"bombed", "attack", "bombs", "bombing", kVerb},
    Trigger{"launched an offensive", "attack", "launches offensive", "offensive", kVerb},
    Trigger{"launched a counteroffensive", "attack", "launches counteroffensive", "counteroffensive", kVerb},
    Trigger{"missile strike", "attack", "strikes", "missile strike", kNoun},
    Trigger{"missile strikes", "attack", "strikes", "missile strikes", kNoun},
    Trigger{"airstrike", "attack", "strikes", "airstrike", kNoun},
    Trigger{"airstrikes", "attack", "strikes", "airstrikes", kNoun},
    Trigger{"air strikes", "attack", "strikes", "air strikes", kNoun},
    Trigger{"shot down", "attack", "shoots down", "shooting down", kVerb},
    Trigger{"killed", "attack", "kills", "killing", kWeak},
    Trigger{"bombing", "attack", "bombs", "bombing", kNoun},
    Trigger{"destroyed", "attack", "destroys", "destruction", kVerb},
    Trigger{"missile attack", "attack", "attacks", "missile attack", kNoun},
    Trigger{"air alarms", "attack", "air-raid alarms", "air-raid alarms", kNoun | kNounTitle},
    Trigger{"air raid alarms", "attack", "air-raid alarms", "air-raid alarms", kNoun | kNounTitle},
    Trigger{"air-raid alarms", "attack", "air-raid alarms", "air-raid alarms", kNoun | kNounTitle},
    Trigger{"air raid sirens", "attack", "air-raid sirens", "air-raid sirens", kNoun | kNounTitle},
    Trigger{"air-raid sirens", "attack", "air-raid sirens", "air-raid sirens", kNoun | kNounTitle},
    Trigger{"started the war", "attack", "starts the war", "start of the war", kVerb},
    Trigger{"started this war", "attack", "starts the war", "start of the war", kVerb},
    Trigger{"began the war", "attack", "starts the war", "start of the war", kVerb},
    Trigger{"launched the war", "attack", "starts the war", "start of the war", kVerb},
    Trigger{"attack", "attack", "attacks", "attack", kNoun | kWeak},
    Trigger{"attacks", "attack", "attacks", "attacks", kNoun | kWeak},
    Trigger{"assault", "attack", "assaults", "assault", kNoun | kWeak},
    Trigger{"offensive", "attack", "launches offensive against", "offensive", kNoun | kWeak},
    Trigger{"offensives", "attack", "launches offensives against", "offensives", kNoun | kWeak},
    Trigger{"counteroffensive", "attack", "launches counteroffensive against", "counteroffensive", kNoun | kWeak},
    Trigger{"shelling", "attack", "shells", "shelling", kNoun | kWeak},
    Trigger{"explosion", "attack", "explosion", "explosion", kNoun | kWeak},
    Trigger{"burned alive", "attack", "burns alive", "burning", kVerb},
    // agreement
    Trigger{"signed", "agreement", "signs", "signing", kVerb},
    Trigger{"signs", "agreement", "signs", "signing", kVerb},
    Trigger{"agreed to", "agreement", "agrees to", "agreement", kVerb},
    Trigger{"agreed on", "agreement", "agrees on", "agreement", kVerb},
    Trigger{"agreed with", "agreement", "agrees with", "agreement", kVerb},
    Trigger{"agreed", "agreement", "agrees", "agreement", kWeak},
    Trigger{"signing", "agreement", "signs", "signing", kNoun},
    Trigger{"security assurances", "agreement", "gives security assurances to", "security assurances", kNoun},
    Trigger{"treaty", "agreement", "signs treaty with", "treaty", kNoun | kWeak},
    Trigger{"memorandum", "agreement", "signs memorandum with", "memorandum", kNoun | kWeak},
    Trigger{"accord", "agreement", "reaches accord with", "accord", kNoun | kWeak},
    Trigger{"ceasefire", "agreement", "agrees ceasefire with", "ceasefire", kNoun | kWeak},
    Trigger{"cease-fire", "agreement", "agrees ceasefire with", "ceasefire", kNoun | kWeak},
    Trigger{"truce", "agreement", "agrees truce with", "truce", kNoun | kWeak},
    Trigger{"agreement", "agreement", "reaches agreement with", "agreement", kNoun | kWeak},
    Trigger{"agreements", "agreement", "reaches agreements with", "agreements", kNoun | kWeak},
    Trigger{"declaration", "agreement", "adopts declaration", "declaration", kNoun | kWeak},
    Trigger{"draft treaty", "agreement", "presents draft treaty to", "draft treaty", kNoun},
    Trigger{"deal", "agreement", "reaches deal with", "deal", kNoun | kWeak},
    // meeting
    Trigger{"summit", "meeting", "summit", "summit", kNoun | kNounTitle},
    Trigger{"summits", "meeting", "summits", "summits", kNoun | kNounTitle},
    Trigger{"held talks", "meeting", "holds talks with", "talks", kVerb},
    Trigger{"hold talks", "meeting", "holds talks with", "talks", kVerb},
    Trigger{"talks", "meeting", "talks", "talks", kNoun | kNounTitle | kWeak},
    Trigger{"met with", "meeting", "meets", "meeting", kVerb},
    Trigger{"met", "meeting", "meets", "meeting", kVerb},
    Trigger{"meets", "meeting", "meets", "meeting", kVerb},
    Trigger{"will meet", "meeting", "meets", "meeting", kVerb},
    Trigger{"meeting with", "meeting", "meets", "meeting", kNoun},
    Trigger{"meeting of", "meeting", "meets", "meeting", kNoun},
    Trigger{"meeting", "meeting", "meeting", "meeting", kNoun | kNounTitle | kWeak},
    Trigger{"consultations", "meeting", "consultations", "consultations", kNoun | kNounTitle | kWeak},
    Trigger{"telephone conversation", "meeting", "holds phone call with", "phone call", kNoun},
    Trigger{"phone call", "meeting", "holds phone call with", "phone call", kNoun},
    Trigger{"phone conversation", "meeting", "holds phone call with", "phone call", kNoun},
    Trigger{"spoke by phone", "meeting", "holds phone call with", "phone call", kVerb},
    Trigger{"spoke over the phone", "meeting", "holds phone call with", "phone call", kVerb},
    Trigger{"talked by phone", "meeting", "holds phone call with", "phone call", kVerb},
    Trigger{"talked over the phone", "meeting", "holds phone call with", "phone call", kVerb},
    Trigger{"had a conversation with", "meeting", "holds talks with", "talks", kVerb},
    Trigger{"spoke with", "meeting", "speaks with", "talks", kVerb},
    Trigger{"conversation", "meeting", "holds talks", "talks", kNoun | kWeak},
    Trigger{"conference", "meeting", "conference", "conference", kNoun | kNounTitle | kWeak},
    Trigger{"negotiations", "meeting", "negotiations", "negotiations", kNoun | kNounTitle | kWeak},
    // statement
    Trigger{"warned", "statement", "warns", "warning", kVerb},
    Trigger{"warns", "statement", "warns", "warning", kVerb},
    Trigger{"threatened", "statement", "threatens", "threat", kVerb},
    Trigger{"announced", "statement", "announces", "announcement", kVerb},
    Trigger{"announces", "statement", "announces", "announcement", kVerb},
    Trigger{"announce", "statement", "announces", "announcement", kVerb},
    Trigger{"declared", "statement", "declares", "declaration", kVerb},
    Trigger{"vowed", "statement", "vows", "vow", kVerb},
    Trigger{"demanded", "statement", "demands", "demand", kVerb},
    Trigger{"condemned", "statement", "condemns", "condemnation", kVerb},
    Trigger{"accused", "statement", "accuses", "accusation", kVerb},
    Trigger{"denied", "statement", "denies", "denial", kVerb},
    Trigger{"response", "statement", "responds", "response", kNoun | kWeak},
    Trigger{"responses", "statement", "responds", "responses", kNoun | kWeak},
    Trigger{"red line", "statement", "draws red line", "red line", kStatementCue},
    Trigger{"ultimatum", "statement", "issues ultimatum", "ultimatum", kStatementCue},
    Trigger{"address to the nation", "statement", "addresses the nation", "address", kNoun},
    // aid
    Trigger{"supplied", "aid", "supplies", "supplies", kVerb},
    Trigger{"delivered", "aid", "delivers", "delivery", kVerb},
    Trigger{"donated", "aid", "donates", "donation", kVerb},
    Trigger{"pledged", "aid", "pledges", "pledge", kVerb},
    Trigger{"aid package", "aid", "announces aid package", "aid package", kNoun},
    Trigger{"military aid", "aid", "gives military aid to", "military aid", kNoun | kWeak},
    Trigger{"humanitarian aid", "aid", "sends humanitarian aid to", "humanitarian aid", kNoun | kWeak},
    Trigger{"support training", "aid", "supports training", "training", kVerb},
    Trigger{"sent", "aid", "sends", "delivery", kWeak},
    // visit
    Trigger{"visited", "visit", "visits", "visit", kVerb},
    Trigger{"visits", "visit", "visits", "visit", kVerb},
    Trigger{"visit to", "visit", "visits", "visit", kNoun},
    Trigger{"arrived in", "visit", "arrives in", "arrival", kVerb},
    Trigger{"arrives in", "visit", "arrives in", "arrival", kVerb},
    Trigger{"will arrive", "visit", "arrives", "arrival", kVerb},
    Trigger{"will visit", "visit", "visits", "visit", kVerb},
    Trigger{"will come", "visit", "visits", "visit", kWeak},
    Trigger{"will be here", "visit", "visits", "visit", kWeak},
    Trigger{"is coming", "visit", "visits", "visit", kWeak},
    Trigger{"trip to", "visit", "visits", "trip", kNoun},
    // election
    Trigger{"presidential election", "election", "presidential election", "presidential election", kNoun | kNounTitle},
    Trigger{"parliamentary election", "election", "parliamentary election", "parliamentary election", kNoun | kNounTitle},
    Trigger{"parliamentary elections", "election", "parliamentary elections", "parliamentary elections", kNoun | kNounTitle},
    Trigger{"election", "election", "election", "election", kNoun | kNounTitle},
    Trigger{"elections", "election", "elections", "elections", kNoun | kNounTitle},
    Trigger{"referendum", "election", "referendum", "referendum", kNoun | kNounTitle},
    Trigger{"was elected", "election", "is elected", "election", kVerb},
    Trigger{"re-elected", "election", "is re-elected", "re-election", kVerb},
    Trigger{"voted", "election", "votes", "vote", kVerb},
    // application
    Trigger{"applied for", "application", "applies for", "application", kVerb},
    Trigger{"applied to join", "application", "applies to join", "application", kVerb},
    Trigger{"application", "application", "applies to join", "application", kNoun},
    Trigger{"bid to join", "application", "bids to join", "bid to join", kNoun},
    Trigger{"joined", "application", "joins", "accession", kVerb},
    Trigger{"accession", "application", "accedes to", "accession", kNoun | kWeak},
    // sanction
    Trigger{"sanctions", "sanction", "imposes sanctions on", "sanctions", kNoun | kWeak},
    Trigger{"sanctioned", "sanction", "sanctions", "sanctions", kVerb},
    Trigger{"imposed sanctions", "sanction", "imposes sanctions on", "sanctions", kVerb},
    Trigger{"embargo", "sanction", "imposes embargo on", "embargo", kNoun | kWeak},
    Trigger{"expelled", "sanction", "expels", "expulsion", kVerb},
    Trigger{"banned", "sanction", "bans", "ban", kVerb},
    // decision
    Trigger{"signed a decree", "decision", "signs decree", "decree", kVerb},
    Trigger{"signed a law", "decision", "signs law", "law", kVerb},
    Trigger{"signed the law", "decision", "signs law", "law", kVerb},
    Trigger{"signed a bill", "decision", "signs bill", "bill", kVerb},
    Trigger{"signed an executive order", "decision", "signs executive order", "executive order", kVerb},
    Trigger{"decree", "decision", "decrees", "decree", kNoun | kWeak},
    Trigger{"decided", "decision", "decides", "decision", kVerb},
    Trigger{"approved", "decision", "approves", "approval", kVerb},
    Trigger{"adopted", "decision", "adopts", "adoption", kVerb},
    Trigger{"ratified", "decision", "ratifies", "ratification", kVerb},
    Trigger{"appointed", "decision", "appoints", "appointment", kVerb},
    Trigger{"resigned", "decision", "resigns", "resignation", kVerb},
    Trigger{"recognised", "decision", "recognises", "recognition", kVerb},
    Trigger{"recognized", "decision", "recognizes", "recognition", kVerb},
    Trigger{"suspended", "decision", "suspends", "suspension", kVerb},
    Trigger{"imposed", "decision", "imposes", "imposition", kVerb},
    Trigger{"introduced", "decision", "introduces", "introduction", kWeak},
    Trigger{"passed", "decision", "passes", "passage", kWeak},
    Trigger{"cut", "decision", "cuts", "cut", kWeak},
    Trigger{"raised", "decision", "raises", "rise", kWeak},
    Trigger{"launched", "other", "launches", "launch", kWeak},
    // protest
    Trigger{"protests", "protest", "protests", "protests", kNoun | kWeak},
    Trigger{"protested", "protest", "protests", "protest", kVerb},
    Trigger{"demonstrations", "protest", "demonstrations", "demonstrations", kNoun | kWeak},
    Trigger{"rallies", "protest", "rallies", "rallies", kNoun | kWeak},
    Trigger{"riots", "protest", "riots", "riots", kNoun},
    // other
    Trigger{"drafted", "other", "drafts", "draft", kVerb},
    Trigger{"proposed", "other", "proposes", "proposal", kVerb},
    Trigger{"offered", "other", "offers", "offer", kVerb},
    Trigger{"presented", "other", "presents", "presentation", kWeak},
    Trigger{"initiated", "other", "initiates", "initiative", kWeak},
    Trigger{"took the initiative", "other", "takes the initiative", "initiative", kVerb},
    Trigger{"opened", "other", "opens", "opening", kWeak},
    Trigger{"created", "other", "creates", "creation", kWeak},
    Trigger{"offer", "other", "offers", "offer", kNoun | kWeak},
    Trigger{"resumed", "other", "resumes", "resumption", kWeak},
    Trigger{"disaster", "other", "disaster", "disaster", kNoun | kWeak},
    Trigger{"sold", "other", "sells", "sale", kWeak},
    Trigger{"bought", "other", "buys", "purchase", kWeak},
    Trigger{"founded", "other", "founds", "founding", kVerb},
    Trigger{"established", "other", "establishes", "establishment", kWeak},
    Trigger{"collapsed", "other", "collapses", "collapse", kVerb},
    Trigger{"collapse of", "other", "collapses", "collapse", kNoun},
    Trigger{"arrested", "other", "arrests", "arrest", kVerb},
    Trigger{"acquired", "other", "acquires", "acquisition", kVerb},
    Trigger{"merger", "other", "merger", "merger", kNoun | kWeak},
    Trigger{"coup", "other", "stages coup", "coup", kNoun},
    Trigger{"military parade", "other", "military parade", "military parade", kNoun | kNounTitle},
    Trigger{"parade", "other", "parade", "parade", kNoun | kNounTitle | kWeak},
};
// clang-format on

constexpr std::array<std::string_view, 13> kReporting = {
    "said",       "says",       "told",      "stated",   "added", "noted",    "stressed",
    "emphasized", "emphasised", "explained", "reported", "wrote", "commented"};
constexpr std::array<std::string_view, 22> kModalNegation = {
    "would", "could",  "might",     "may",      "should",      "can",      "must",     "not",
    "never", "didn't", "don't",     "doesn't",  "won't",       "cannot",   "wouldn't", "no",
    "if",    "unless", "prospects", "possible", "possibility", "potential"};
constexpr std::array<std::string_view, 10> kFuture = {"will",      "expected", "plans", "planned",
                                                      "scheduled", "upcoming", "due",   "next",
                                                      "shall",     "intends"};
constexpr std::array<std::string_view, 19> kPrepositions = {
    "in", "to",    "of",      "for",   "with",   "from",    "against", "into",      "at",  "on",
    "by", "about", "between", "among", "toward", "towards", "over",    "alongside", "near"};
constexpr std::array<std::string_view, 10> kClauseOpeners = {
    "when",    "after", "which",  "that",     "while",
    "because", "since", "before", "although", "following"};
constexpr std::array<std::string_view, 9> kPlaceNouns = {
    "city", "town", "village", "port", "region", "settlement", "capital", "airport", "plant"};
constexpr std::array<std::string_view, 14> kOfficeNouns = {
    "president", "chancellor", "minister", "premier", "leader",     "head",     "king",
    "queen",     "secretary",  "chairman", "speaker", "ambassador", "ministry", "government"};
constexpr std::array<std::string_view, 16> kCollectiveNouns = {
    "forces",     "troops",     "army",        "military",  "soldiers", "units",
    "officials",  "government", "authorities", "diplomats", "navy",     "servicemen",
    "leadership", "side",       "delegation",  "parliament"};
constexpr std::array<std::string_view, 16> kAdjectiveSlot = {
    "the",   "a",   "an",  "in",  "from",  "of",       "into",      "its",
    "their", "his", "her", "our", "newly", "recently", "illegally", "temporarily"};
// Where only an -ed form is an adjective ("to occupied territories"; "to cut" is a verb).
constexpr std::array<std::string_view, 5> kParticipleSlot = {"to", "for", "across", "throughout",
                                                             "within"};
constexpr std::array<std::string_view, 10> kIssueNouns = {
    "issue",    "issues", "question", "questions", "concern",
    "concerns", "matter", "matters",  "point",     "points"};
constexpr std::array<std::string_view, 14> kBoilerplate = {
    "\xc2\xa9",     "copyright", "all rights reserved", "reproduced under", "http",
    "www.",         "subscribe", "click here",          "share it on",      "views:",
    "terms of use", "cookie",    "newsletter",          "sign up"};

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
