// Relations a sentence states between extracted events, read off its dependency tree: the
// wording of data/lexicon/extract/relation_cues.tsv ("due to", "in response to", "as part of",
// "sparking", "violated ... when") hung on an event's word names the other event, either an
// event of the same sentence or, by a definite noun ("the attack", "that agreement"), the last
// event of the article with that noun's concept. Nothing is inferred from two events being
// near each other.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/analysis/features.hpp"
#include "importers/extract/extractor.hpp"
#include "importers/extract/learned.hpp"

namespace kb::importers::extract::learned {

namespace {

struct Cue {
  std::string_view form;      // prep, noun or verb
  std::string_view words;     // the cue's words, or the verb's lemma
  std::string_view relation;  // kb's spelling
  std::string_view order;     // cue-first or event-first
  std::string_view concepts;  // comma-separated, or "*"
};

constexpr auto kCues = std::to_array<Cue>({
#include "lexicon/extract/relation_cues.inc"
});

std::optional<std::size_t> up(const SynSentence& s, std::size_t w) {
  const int h = s.parse.words[w].head;
  if (h <= 0 || static_cast<std::size_t>(h) > s.parse.words.size()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(h - 1);
}

std::string_view rel(const SynSentence& s, std::size_t w) {
  return analysis::universal_relation(s.parse.words[w].deprel);
}

std::string lower(const SynSentence& s, std::size_t w) {
  return analysis::lower_ascii(s.parse.words[w].form);
}

// The case marks of the phrase headed by `w`, with their fixed parts, in order ("due to").
std::string marks(const SynSentence& s, std::size_t w) {
  std::string out;
  for (const std::size_t c : s.children[w]) {
    if (rel(s, c) != "case" && rel(s, c) != "mark") {
      continue;
    }
    out += out.empty() ? "" : " ";
    out += lower(s, c);
    for (const std::size_t f : s.children[c]) {
      if (rel(s, f) == "fixed") {
        out += " " + lower(s, f);
      }
    }
  }
  return out;
}

constexpr auto kDemonstratives = std::to_array<std::string_view>({
#include "lexicon/extract/demonstratives.inc"
});

// Whether noun `w` points at something known: "the", a demonstrative or a possessive before it
// ("the attack", "that agreement", "its decision").
bool definite(const SynSentence& s, std::size_t w) {
  return std::any_of(s.children[w].begin(), s.children[w].end(), [&](std::size_t c) {
    const std::string d = lower(s, c);
    return (rel(s, c) == "det" &&
            (d == "the" || std::find(kDemonstratives.begin(), kDemonstratives.end(), d) !=
                               kDemonstratives.end())) ||
           s.parse.words[c].deprel == "nmod:poss";
  });
}

struct ConceptKind {
  std::string_view concept_name, kind;
};
constexpr auto kConceptKinds = std::to_array<ConceptKind>({
#include "lexicon/extract/concept_kinds.inc"
});

// Whether the earlier event `e` is one a noun of concept `concept_name` may name: the same
// concept, or no concept and the concept's kind.
bool of_concept(const ExtractedEvent& e, std::string_view concept_name) {
  if (e.concept_name == concept_name) {
    return true;
  }
  return e.concept_name.empty() &&
         std::any_of(kConceptKinds.begin(), kConceptKinds.end(), [&](const ConceptKind& c) {
           return c.concept_name == concept_name && c.kind == to_string(e.kind);
         });
}

constexpr auto kOtherInstance = std::to_array<std::string_view>({
#include "lexicon/extract/other_instance_adjectives.inc"
});

// How far back a definite noun may point, in bytes from its sentence, unless what it points at
// is told in the article's lead (a readout's "the meeting" is the one its first lines report).
constexpr std::size_t kAnaphoraReach = 1200;
constexpr std::size_t kLead = 800;

// Whether the definite noun `a` may stand for event `e` told before: none of its own modifiers
// marks it as another instance ("our previous meeting", "the next round of talks"), and every
// name or noun that modifies it also appears where `e` is told ("the Interior Ministry's board
// meeting" is not the Prosecutor General's Office's, "their summit meeting in Reykjavik" not the
// talks in Geneva; error class of a full dev.jsonl import: 6 of 51 links to the wrong event).
bool may_stand_for(const SynSentence& s, std::size_t a, const ExtractedEvent& e) {
  for (const std::size_t c : s.children[a]) {
    const std::string_view r = rel(s, c);
    const std::string_view d = s.parse.words[c].deprel;
    if (r == "amod" && std::find(kOtherInstance.begin(), kOtherInstance.end(), s.lemmas[c]) !=
                           kOtherInstance.end()) {
      return false;
    }
    const bool identifying = r == "compound" || r == "appos" || r == "flat" || r == "nummod" ||
                             (r == "nmod" && (d != "nmod:poss" || s.parse.words[c].upos != "PRON"));
    if (identifying && e.quote.find(s.parse.words[c].form) == std::string::npos) {
      return false;
    }
  }
  return true;
}

// Whether `concept_name` is one the cue allows.
bool allowed(const Cue& cue, std::string_view concept_name) {
  if (cue.concepts == "*") {
    return true;
  }
  std::string_view rest = cue.concepts;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    if (rest.substr(0, comma) == concept_name) {
      return true;
    }
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return false;
}

// The word of `s` that starts at byte `begin`, if any.
std::optional<std::size_t> word_at(const SynSentence& s, std::size_t begin) {
  for (std::size_t i = 0; i < s.parse.words.size(); ++i) {
    if (s.parse.words[i].begin == begin) {
      return i;
    }
  }
  return std::nullopt;
}

// The event word `a` names, other than `self`: an event of this sentence (from `first` on)
// whose word it is, or, for a definite noun, the last earlier event with its concept.
std::optional<std::size_t> event_named(const SynSentence& s, std::size_t a, std::size_t first,
                                       std::size_t self, const Extraction& x, const Cue& cue) {
  for (std::size_t k = first; k < x.events.size(); ++k) {
    if (k != self && word_at(s, x.events[k].trigger_begin) == a) {
      return allowed(cue, x.events[k].concept_name) ? std::optional(k) : std::nullopt;
    }
  }
  if (s.parse.words[a].upos != "NOUN" || !definite(s, a)) {
    return std::nullopt;
  }
  const std::string concept_name = concept_at(s, a);
  if (concept_name.empty() || !allowed(cue, concept_name)) {
    return std::nullopt;
  }
  for (std::size_t k = first; k-- > 0;) {
    const ExtractedEvent& e = x.events[k];
    if (!of_concept(e, concept_name)) {
      continue;
    }
    const std::size_t here = s.view != nullptr ? s.view->begin : e.quote_begin;
    const bool near = here < e.quote_begin + kAnaphoraReach || e.quote_begin < kLead;
    return near && may_stand_for(s, a, e) ? std::optional(k) : std::nullopt;
  }
  return std::nullopt;
}

// The other event a cue hung on word `w` names, with the cue; nullopt when none.
struct Found {
  std::size_t other;
  const Cue* cue;
};

std::optional<Found> cued(const SynSentence& s, std::size_t w, std::size_t first, std::size_t self,
                          const Extraction& x) {
  for (const Cue& cue : kCues) {
    if (cue.form == "prep") {
      for (const std::size_t c : s.children[w]) {
        const std::string_view r = rel(s, c);
        if ((r == "obl" || r == "nmod" || r == "advcl") && marks(s, c) == cue.words) {
          if (const auto k = event_named(s, c, first, self, x, cue)) {
            return Found{*k, &cue};
          }
        }
      }
    } else if (cue.form == "noun") {
      // "in response to": the noun "response" with its mark "in"; the phrase "to X" under it
      // or beside it.
      const std::size_t last_space = cue.words.rfind(' ');
      const std::string_view head_part = cue.words.substr(0, last_space);
      const std::string_view preposition = cue.words.substr(last_space + 1);
      const std::size_t noun_space = head_part.rfind(' ');
      const std::string_view noun = head_part.substr(noun_space + 1);
      const std::string_view opener = head_part.substr(0, head_part.find(' '));
      for (const std::size_t c : s.children[w]) {
        if (lower(s, c) != noun || marks(s, c) != opener) {
          continue;
        }
        std::vector<std::size_t> phrases = s.children[c];
        phrases.insert(phrases.end(), s.children[w].begin(), s.children[w].end());
        for (const std::size_t g : phrases) {
          if (g > c && marks(s, g) == preposition) {
            if (const auto k = event_named(s, g, first, self, x, cue)) {
              return Found{*k, &cue};
            }
          }
        }
      }
    } else if (cue.form == "bare") {
      // "In response, Putin urged ...": the phrase opens the sentence and names nothing; what
      // it answers is the last event told before the sentence.
      const std::string_view noun = cue.words.substr(cue.words.rfind(' ') + 1);
      const std::string_view opener = cue.words.substr(0, cue.words.find(' '));
      for (const std::size_t c : s.children[w]) {
        const bool bare = std::none_of(s.children[c].begin(), s.children[c].end(),
                                       [&](std::size_t g) { return rel(s, g) == "nmod"; });
        // Only when the event answered is told in the sentence right before (error class: "In
        // response, Putin warned ..." linked to an event three sentences up).
        const ExtractedEvent* last = first > 0 ? &x.events[first - 1] : nullptr;
        const bool adjacent = last != nullptr && s.view != nullptr &&
                              last->quote_end <= s.view->begin &&
                              s.view->begin - last->quote_end <= 3;
        if (c < 3 && lower(s, c) == noun && marks(s, c) == opener && bare && adjacent) {
          return Found{first - 1, &cue};
        }
      }
    } else if (cue.form == "object") {
      // "refused a Russian ultimatum to surrender": the event's own verb answers its object.
      if (s.lemmas[w] != cue.words) {
        continue;
      }
      for (const std::size_t o : s.children[w]) {
        if (rel(s, o) == "obj") {
          if (const auto k = event_named(s, o, first, self, x, cue)) {
            return Found{*k, &cue};
          }
        }
      }
    } else if (cue.form == "verb") {
      // "..., sparking protests" (a verb under the event's word) and "violated that agreement
      // when it annexed Crimea" (the event's word under the verb).
      // Not a verb the event's word reports ("accused Greece of breaching the agreement": the
      // accusing breaches nothing), so one with no mark of its own; under it, the event's
      // clause says when or how ("when", "by", "as").
      const auto marked = [&](std::size_t v) {
        return std::any_of(s.children[v].begin(), s.children[v].end(),
                           [&](std::size_t m) { return rel(s, m) == "mark"; });
      };
      std::vector<std::size_t> verbs;
      for (const std::size_t c : s.children[w]) {
        if (rel(s, c) == "advcl" && s.parse.words[c].xpos == "VBG" && !marked(c) &&
            s.lemmas[c] == cue.words) {
          verbs.push_back(c);
        }
      }
      if (const auto h = up(s, w); h && rel(s, w) == "advcl" && s.lemmas[*h] == cue.words) {
        for (const std::size_t m : s.children[w]) {
          const std::string how = lower(s, m);
          // EWT hangs "when" as an adverb, "by" and "as" as marks.
          if ((rel(s, m) == "mark" || rel(s, m) == "advmod") &&
              (how == "when" || how == "by" || how == "as")) {
            verbs.push_back(*h);
            break;
          }
        }
      }
      for (const std::size_t v : verbs) {
        for (const std::size_t o : s.children[v]) {
          if (rel(s, o) == "obj") {
            if (const auto k = event_named(s, o, first, self, x, cue)) {
              return Found{*k, &cue};
            }
          }
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::size_t stated_links(const SynSentence& s, std::size_t first, Extraction& x) {
  std::size_t added = 0;
  for (std::size_t self = first; self < x.events.size(); ++self) {
    const auto w = word_at(s, x.events[self].trigger_begin);
    if (!w) {
      continue;
    }
    // The cue may hang on the event's noun or on the verb that holds it ("held talks in response
    // to ...", "launched strikes over ...").
    std::vector<std::size_t> hosts{*w};
    if (const auto h = up(s, *w);
        h && s.parse.words[*w].upos == "NOUN" && (rel(s, *w) == "obj" || rel(s, *w) == "nsubj")) {
      hosts.push_back(*h);
    }
    for (const std::size_t host : hosts) {
      const auto found = cued(s, host, first, self, x);
      if (!found) {
        continue;
      }
      const auto relation = parse_relation(found->cue->relation);
      if (!relation) {
        break;
      }
      // Two tellings of one happening are not two ends of a relation (error class: "Response to
      // partisan threats responds-to Response to partisan threats").
      if (x.events[found->other].title == x.events[self].title) {
        break;
      }
      ExtractedLink l;
      l.from = found->cue->order == "cue-first" ? found->other : self;
      l.to = l.from == self ? found->other : self;
      l.relation = *relation;
      l.quote = x.events[self].quote;
      l.quote_begin = x.events[self].quote_begin;
      l.quote_end = x.events[self].quote_end;
      const bool known = std::any_of(x.links.begin(), x.links.end(), [&](const ExtractedLink& o) {
        return (o.from == l.from && o.to == l.to) || (o.from == l.to && o.to == l.from);
      });
      if (!known) {
        x.links.push_back(std::move(l));
        ++added;
      }
      break;
    }
  }
  return added;
}

}  // namespace kb::importers::extract::learned
