// Event titles from the parts the role rules found: "Russia annexes Crimea", "NATO summit in
// Vilnius", "Russia's invasion", "Zelensky submits application", "Talks between A and B", and
// the trimmed sentence when nothing better is known.
#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "importers/extract/internal.hpp"

namespace kb::importers::extract::detail {

namespace {

// Light verbs before a noun trigger and their third-person present forms.
constexpr auto kLightVerbs = std::to_array<std::pair<std::string_view, std::string_view>>({
#include "lexicon/extract/light_verbs.inc"
});

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
std::string_view relation_word(EventKind kind, std::string_view noun) {
  if (noun == "arrival") {
    return "in";
  }
  if (kind == EventKind::visit || kind == EventKind::aid) {
    return "to";
  }
  if (kind == EventKind::meeting || kind == EventKind::agreement) {
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

// Words that end an object phrase.
constexpr auto kObjectStops = std::to_array<std::string_view>({
#include "lexicon/extract/object_stops.inc"
});

// Whether word `k` ends an object phrase.
bool object_stop(const SentenceView& v, std::size_t k) {
  const Word& w = v.words[k];
  const bool dated = std::any_of(v.dates.begin(), v.dates.end(),
                                 [&](const DateRef& d) { return k >= d.first && k <= d.last; });
  return w.punct || w.quoted || dated || is_preposition(w.lower) || is_clause_opener(w.lower) ||
         std::find(kObjectStops.begin(), kObjectStops.end(), w.lower) != kObjectStops.end();
}

// The first word of the subject of a passive trigger at `first` ("The concept for an Israeli
// model was first drafted"), or nullopt when the trigger is not passive.
std::optional<std::size_t> passive_subject(const SentenceView& v, std::size_t first) {
  std::size_t aux = first;
  for (std::size_t back = 1; back <= 2 && back <= first; ++back) {
    const std::string& w = v.words[first - back].lower;
    aux =
        (w == "was" || w == "were" || w == "been" || w == "is" || w == "are") ? first - back : aux;
  }
  if (aux == first || aux == 0) {
    return std::nullopt;
  }
  std::size_t start = aux;
  while (start > 0 && aux - start < 6 && !v.words[start - 1].punct &&
         !is_clause_opener(v.words[start - 1].lower)) {
    --start;
  }
  return start;
}

}  // namespace

std::string object_phrase(const SentenceView& v, const TriggerHit& h, std::string_view text) {
  constexpr std::size_t kMaxWords = 5;
  const std::size_t begin = passive_subject(v, h.first).value_or(h.last + 1);
  std::size_t end = begin;
  while (end < v.words.size() && end < begin + kMaxWords && !object_stop(v, end)) {
    ++end;
  }
  if (end == begin || (end < v.words.size() && end == begin + kMaxWords && !object_stop(v, end))) {
    return {};  // nothing, or more than a short phrase (cut mid-phrase)
  }
  // Not a speaker's own "my", "our", "your" (error class: "Russia speaks with my colleague";
  // the learned headlines leave them out too).
  std::size_t first_word = begin;
  while (first_word + 1 < end &&
         (v.words[first_word].lower == "my" || v.words[first_word].lower == "our" ||
          v.words[first_word].lower == "your")) {
    ++first_word;
  }
  std::string phrase(
      text.substr(v.words[first_word].begin, v.words[end - 1].end - v.words[first_word].begin));
  const std::string& first = v.words[first_word].lower;
  if (first == "the" || first == "a" || first == "an" || first == "this") {
    phrase[0] = static_cast<char>(phrase[0] | 0x20);  // "The concept" inside a title
  }
  return phrase;
}

std::string_view light_verb_present(std::string_view lower_word) {
  const auto* const it = std::find_if(kLightVerbs.begin(), kLightVerbs.end(),
                                      [&](const auto& p) { return p.first == lower_word; });
  return it == kLightVerbs.end() ? std::string_view() : it->second;
}

std::pair<std::string, double> make_title(const TitleParts& p) {
  const Trigger& t = *p.trigger;
  const std::string noun(t.noun);
  if ((t.flags & kNounTitle) != 0) {
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
    if (p.verbal && !p.object.empty()) {  // "Andriy Yermak drafts a new security model"
      return {p.actor + " " + std::string(t.verb) + " " + p.object, 0.15};
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
