// Event titles from the parts the role rules found: "Russia annexes Crimea", "NATO summit in
// Vilnius", "Russia's invasion", "Zelensky submits application", "Talks between A and B", and
// the trimmed sentence when nothing better is known.
#include <algorithm>
#include <array>
#include <utility>

#include "importers/extract/internal.hpp"

namespace kb::importers::extract::detail {

namespace {

// Light verbs before a noun trigger and their third-person present forms.
constexpr std::array<std::pair<std::string_view, std::string_view>, 27> kLightVerbs = {{
    {"submitted", "submits"},
    {"filed", "files"},
    {"made", "makes"},
    {"launched", "launches"},
    {"held", "holds"},
    {"holds", "holds"},
    {"began", "begins"},
    {"started", "starts"},
    {"signed", "signs"},
    {"reached", "reaches"},
    {"concluded", "concludes"},
    {"had", "has"},
    {"has", "has"},
    {"have", "has"},
    {"staged", "stages"},
    {"conducted", "conducts"},
    {"carried", "carries out"},
    {"received", "receives"},
    {"gave", "gives"},
    {"giving", "gives"},
    {"sent", "sends"},
    {"announced", "announces"},
    {"offering", "offers"},
    {"offered", "offers"},
    {"provided", "provides"},
    {"providing", "provides"},
    {"presented", "presents"},
}};

std::string capitalized(std::string_view s) {
  std::string r(s);
  if (!r.empty() && r[0] >= 'a' && r[0] <= 'z') {
    r[0] = static_cast<char>(r[0] - 'a' + 'A');
  }
  return r;
}

// "holds talks with" without an object reads "holds talks"; a particle stays ("takes over").
std::string_view bare_verb(std::string_view verb) {
  const std::size_t sp = verb.rfind(' ');
  if (sp != std::string_view::npos && verb.substr(sp + 1) != "over" &&
      is_preposition(verb.substr(sp + 1))) {
    return verb.substr(0, sp);
  }
  return verb;
}

// The sentence, trimmed to about 90 bytes at a word boundary, as a fallback title.
std::string clause_title(std::string_view quote) {
  std::string t(quote.substr(0, std::min<std::size_t>(quote.size(), 200)));
  if (t.size() > 90) {
    const std::size_t sp = t.rfind(' ', 90);
    t = t.substr(0, sp == std::string::npos ? 90 : sp) + "…";
  }
  while (!t.empty() && (t.back() == '.' || t.back() == ' ')) {
    t.pop_back();
  }
  return t;
}

// How a noun of `kind` takes the one it is about: "visit to", "talks with", "attack on",
// "invasion of".
std::string_view relation_word(std::string_view kind, std::string_view noun) {
  if (noun == "arrival") {
    return "in";
  }
  if (kind == "visit" || kind == "aid") {
    return "to";
  }
  if (kind == "meeting" || kind == "agreement") {
    return "with";
  }
  for (std::string_view on : {"attack", "strike", "sanctions", "embargo", "ban"}) {
    if (noun.ends_with(on) || noun.ends_with(std::string(on) + "s")) {
      return "on";
    }
  }
  return "of";
}

// "Russia's", "United States'".
std::string possessive(const std::string& name) {
  return name + (name.ends_with('s') ? "'" : "'s");
}

}  // namespace

std::string_view light_verb_present(std::string_view lower_word) {
  const auto it = std::find_if(kLightVerbs.begin(), kLightVerbs.end(),
                               [&](const auto& p) { return p.first == lower_word; });
  return it == kLightVerbs.end() ? std::string_view() : it->second;
}

std::pair<std::string, double> make_title(const TitleParts& p) {
  const Trigger& t = *p.trigger;
  const std::string noun(t.noun);
  if (t.flags & kNounTitle) {
    if (p.actor.empty() && p.place.empty()) {
      if (!p.partners.empty()) {
        return {capitalized(noun) + " " + p.partners, 0.05};
      }
      return {clause_title(p.quote), -0.2};
    }
    std::string title = p.actor.empty() ? capitalized(noun) : p.actor + " " + noun;
    return {title + (p.place.empty() ? "" : " in " + p.place), 0.15};
  }
  if (!p.actor.empty() && !p.target.empty()) {
    return {p.actor + " " + std::string(t.verb) + " " + p.target, 0.25};
  }
  if (!p.actor.empty()) {
    if (!p.light_verb.empty()) {  // "Zelensky submitted a formal application"
      return {p.actor + " " + std::string(light_verb_present(p.light_verb)) + " " + noun, 0.15};
    }
    return {p.verbal ? p.actor + " " + std::string(bare_verb(t.verb))
                     : possessive(p.actor) + " " + noun,
            0.15};
  }
  if (!p.target.empty()) {
    return {capitalized(noun) + " " + std::string(relation_word(t.kind, t.noun)) + " " + p.target,
            0.1};
  }
  if (!p.partners.empty()) {
    return {capitalized(noun) + " " + p.partners, 0.0};
  }
  return {clause_title(p.quote), -0.1};
}

}  // namespace kb::importers::extract::detail
