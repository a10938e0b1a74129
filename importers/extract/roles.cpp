// Reading an event from a sentence: who acts (the clause subject, a noun's modifier, the agent
// after "by" or "fell to"), who or what is acted on, where, and a short title built from them.
#include <algorithm>
#include <array>

#include "importers/extract/internal.hpp"

namespace kb::importers::extract::detail {

const NamedEntity& entity_of(const DocContext& doc, const MentionRef& m) {
  return doc.recognition->entities[m.mention->entity].entity;
}

// The entity that acts when `m` is named as an actor: a capital stands for its country.
const NamedEntity& acting(const DocContext& doc, const MentionRef& m) {
  const NamedEntity& e = entity_of(doc, m);
  if (e.kind == EntityKind::place && e.description.starts_with("capital of ") &&
      !e.country.empty()) {
    const auto it = doc.countries->find(e.country);
    if (it != doc.countries->end()) {
      return doc.gazetteer->entities()[it->second];
    }
  }
  return e;
}

const NamedEntity& acted_on(const DocContext& doc, const MentionRef& m, EventKind kind) {
  const bool city = kind == EventKind::visit || kind == EventKind::attack ||
                    kind == EventKind::territorial_change;
  return city ? entity_of(doc, m) : acting(doc, m);
}

std::string display(const DocContext& doc, const MentionRef& m, const NamedEntity& e) {
  if (&e == &entity_of(doc, m) && (e.kind == EntityKind::person || e.kind == EntityKind::group) &&
      m.mention->title.empty() && m.mention->text.size() <= e.name.size()) {
    std::string_view s = m.mention->text;
    if (s.starts_with("the ") || s.starts_with("The ")) {
      s.remove_prefix(4);
    }
    return std::string(s);
  }
  return e.name;
}

namespace {

constexpr auto kPassiveAux = std::to_array<std::string_view>({
#include "lexicon/extract/passive_auxiliaries.inc"
});

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Whether a demonym at word `last` names an office holder: an office noun within two words
// after it ("the Polish Foreign Minister", "the German Chancellor").
bool office_after(const SentenceView& v, std::size_t last) {
  for (std::size_t k = last + 1; k <= last + 2 && k < v.words.size() && !v.words[k].punct; ++k) {
    if (is_office_noun(v.words[k].lower)) {
      return true;
    }
  }
  return false;
}

// Whether `m` can be an actor: not a place, and a demonym only before a collective noun or an
// office ("Russian forces" and "the Polish Foreign Minister" act for their country; "a Russian
// city" does not).
bool can_act(const DocContext& doc, const SentenceView& v, const MentionRef& m) {
  if (m.mention->how == MatchKind::demonym &&
      (m.last + 1 >= v.words.size() || !is_collective_noun(v.words[m.last + 1].lower)) &&
      !office_after(v, m.last)) {
    return false;
  }
  const NamedEntity& e = acting(doc, m);
  return e.kind != EntityKind::place;
}

bool boundary(const Word& w) {
  return (w.punct && (w.lower == ";" || w.lower == ":" || w.lower == "-")) ||
         (!w.punct && is_clause_opener(w.lower));
}

// First word of the clause holding word `t`.
std::size_t clause_start(const SentenceView& v, std::size_t t) {
  for (std::size_t k = t; k > 0; --k) {
    if (boundary(v.words[k - 1])) {
      return k;
    }
  }
  return 0;
}

// The leftmost mention in words [from, to) that can act and is not a prepositional object.
const MentionRef* subject(const DocContext& doc, const SentenceView& v, std::size_t from,
                          std::size_t to) {
  for (const MentionRef& m : v.mentions) {
    // "the Federal Chancellor of Germany" is a subject: the office acts for its country.
    const bool of_office = m.first >= 2 && v.words[m.first - 1].lower == "of" &&
                           is_office_noun(v.words[m.first - 2].lower);
    if (m.first >= from && m.last < to && can_act(doc, v, m) &&
        (m.first == 0 || !is_preposition(v.words[m.first - 1].lower) || of_office)) {
      return &m;
    }
  }
  return nullptr;
}

// The first mention after word `after` within `limit` words, not crossing a clause boundary.
const MentionRef* object_after(const DocContext& doc, const SentenceView& v, std::size_t after,
                               std::size_t limit, bool actors_only) {
  for (const MentionRef& m : v.mentions) {
    if (m.first <= after || m.first > after + limit) {
      continue;
    }
    bool crossed = false;
    for (std::size_t k = after + 1; k < m.first; ++k) {
      crossed = crossed || boundary(v.words[k]) || v.words[k].lower == ",";
    }
    if (crossed) {
      return nullptr;
    }
    // An object of another preposition ("alongside the UK") is not what the verb acts on.
    std::size_t b = m.first - 1;
    while (b > after + 1 && (v.words[b].lower == "the" || v.words[b].lower == "a")) {
      --b;
    }
    const std::string& before = v.words[b].lower;
    if (b > after && is_preposition(before) && before != "to" && before != "against" &&
        before != "on" && before != "of" && !actors_only) {
      return nullptr;  // "alongside the UK and Russia": what follows belongs to that phrase
    }
    if (m.mention->how != MatchKind::demonym && (!actors_only || can_act(doc, v, m))) {
      return &m;
    }
  }
  return nullptr;
}

// The modifier of a noun trigger: "Russia's [February 2022] invasion", "NATO summit".
const MentionRef* modifier(const SentenceView& v, std::size_t t) {
  for (const MentionRef& m : v.mentions) {
    if (m.last + 5 < t || m.last >= t) {
      continue;
    }
    bool clean = true;
    for (std::size_t k = m.last + 1; k < t; ++k) {
      const Word& w = v.words[k];
      clean = clean && !w.punct && !is_preposition(w.lower) && w.lower != "the" && w.lower != "a" &&
              w.lower != "an" && !is_clause_opener(w.lower);
    }
    if (clean) {
      return &m;
    }
  }
  return nullptr;
}

struct Roles {
  bool verbal = true;  // read as a verb (a noun after "submitted", "signed" ... counts as one)
  std::string_view light_verb;  // that light verb, lower-case
  const MentionRef* actor = nullptr;
  const MentionRef* target = nullptr;
  const MentionRef* location = nullptr;
  std::optional<std::size_t> coref_place;  // Recognition index of a place named earlier
};

Roles read_roles(const SentenceView& v, const TriggerHit& h, const DocContext& doc) {
  Roles r;
  const Trigger& t = *h.trigger;
  const std::size_t cs = clause_start(v, h.first);
  bool verbal = (t.flags & kNoun) == 0;
  for (std::size_t k = (h.first > 3 ? h.first - 3 : 0); k < h.first && !verbal; ++k) {
    verbal = !light_verb_present(v.words[k].lower).empty();
    r.light_verb = verbal ? std::string_view(v.words[k].lower) : std::string_view();
  }
  r.verbal = verbal;
  if ((t.flags & kSwapRoles) != 0) {
    r.actor = object_after(doc, v, h.last, 10, true);
    r.target = subject(doc, v, cs, h.first);
  } else if (!verbal) {
    r.actor = modifier(v, h.first);
    if (r.actor == nullptr && (t.flags & kNounTitle) != 0) {
      r.actor = subject(doc, v, h.first > 8 ? h.first - 8 : 0, h.first);
    }
    const std::string& next = h.last + 1 < v.words.size() ? v.words[h.last + 1].lower : "";
    if (t.form.ends_with(" of") || t.form.ends_with(" on") || t.form.ends_with(" to") ||
        next == "of" || next == "on" || next == "against") {
      r.target = object_after(doc, v, h.last, 3, false);
    }
  } else {
    const bool passive = (h.first > 0 && in(kPassiveAux, v.words[h.first - 1].lower)) ||
                         (h.first > 1 && in(kPassiveAux, v.words[h.first - 2].lower));
    std::size_t by = 0;
    for (std::size_t k = h.last + 1; passive && k < v.words.size() && k <= h.last + 8; ++k) {
      by = v.words[k].lower == "by" && by == 0 ? k : by;
    }
    const MentionRef* subj = subject(doc, v, cs, h.first);
    // "I" or "we" opening the clause is the speaker, whom build_event names; not a name before
    // the clause (error class: "Russia speaks with colleague" for a turn "President of Russia
    // Vladimir Putin: This morning, I spoke with my colleague ...", the label's country taken
    // for the subject).
    const bool spoken = subj == nullptr && first_person(v, cs, h.first, doc) != nullptr;
    if (subj == nullptr && (t.flags & kStatementCue) == 0 && !spoken) {
      subj = subject(doc, v, 0, h.first);
    }
    if ((t.flags & kStatementCue) != 0) {  // the speaker of the reported statement
      subj = subject(doc, v, 0, h.first);
    }
    if (by != 0) {
      r.actor = object_after(doc, v, by, 3, true);
      r.target = subj;
    } else {
      r.actor = subj;
      r.target = object_after(doc, v, h.last, 6, false);
    }
  }
  if (r.target != nullptr && r.actor != nullptr &&
      acting(doc, *r.target).name == acting(doc, *r.actor).name) {
    r.target = nullptr;
  }
  for (const MentionRef& m : v.mentions) {
    const bool after_in =
        m.first > 0 && (v.words[m.first - 1].lower == "in" || v.words[m.first - 1].lower == "at");
    const EntityKind k = entity_of(doc, m).kind;
    if (after_in && m.first >= cs && m.first <= h.last + 10 && &m != r.target &&
        (k == EntityKind::place || k == EntityKind::country) &&
        m.mention->how != MatchKind::demonym) {
      r.location = &m;
      break;
    }
  }
  if (r.target == nullptr &&
      (t.kind == EventKind::territorial_change || t.kind == EventKind::attack)) {
    for (std::size_t k = cs; k < h.first; ++k) {
      if (is_place_noun(v.words[k].lower)) {
        r.coref_place = doc.last_place;
      }
    }
  }
  return r;
}

// "talks between Russia and the United States", "phone call with NATO": who a noun trigger
// without an actor is between or with; empty when not stated right after it.
std::string partners(const SentenceView& v, const TriggerHit& h, const DocContext& doc) {
  const std::size_t k = h.last + 1;
  if (k >= v.words.size() || (v.words[k].lower != "between" && v.words[k].lower != "with")) {
    return {};
  }
  // The first two mentions after it, each at most three words ("and the") past the last.
  std::vector<const MentionRef*> named;
  for (const MentionRef& m : v.mentions) {
    const std::size_t last = named.empty() ? k : named.back()->last;
    if (named.size() < 2 && m.first > last && m.first <= last + 3) {
      named.push_back(&m);
    }
  }
  const auto name = [&](const MentionRef* m) { return display(doc, *m, acting(doc, *m)); };
  if (v.words[k].lower == "with" && !named.empty()) {
    return "with " + name(named[0]);
  }
  bool joined = named.size() == 2;
  for (std::size_t i = joined ? named[0]->last + 1 : 0; joined && i < named[1]->first; ++i) {
    joined = v.words[i].lower == "and" || v.words[i].lower == "the";
  }
  return joined ? "between " + name(named[0]) + " and " + name(named[1]) : std::string();
}

}  // namespace

ExtractedParticipant participant(const DocContext& doc, const NamedEntity& e, Role role,
                                 std::string_view written) {
  ExtractedParticipant p;
  p.name = e.name;
  p.kind = e.kind;
  p.role = role;
  p.description = e.description;
  if (!e.wikidata.empty()) {
    p.wikidata = e.wikidata;
  }
  p.aliases = e.aliases;
  if (!written.empty() && written != e.name && e.kind != EntityKind::country &&
      std::find(p.aliases.begin(), p.aliases.end(), written) == p.aliases.end()) {
    p.aliases.emplace_back(written);
  }
  if (e.kind != EntityKind::country && !e.country.empty()) {
    const auto it = doc.countries->find(e.country);
    if (it != doc.countries->end()) {
      p.country = doc.gazetteer->entities()[it->second].name;
    }
  }
  return p;
}

ExtractedEvent build_event(const SentenceView& v, const TriggerHit& h, const DateRef& d,
                           const DocContext& doc) {
  const Trigger& t = *h.trigger;
  ExtractedEvent e;
  e.kind = t.kind;
  e.date = *d.timex->date;
  e.date_text = std::string(doc.text.substr(d.timex->begin, d.timex->end - d.timex->begin));
  e.date_begin = d.timex->begin;
  e.quote = std::string(doc.text.substr(v.begin, v.end - v.begin));
  e.quote_begin = v.begin;
  e.quote_end = v.end;
  e.trigger_begin = v.words[h.first].begin;
  e.trigger = std::string(
      doc.text.substr(v.words[h.first].begin, v.words[h.last].end - v.words[h.first].begin));
  const Roles r = read_roles(v, h, doc);
  std::string actor, target, place;
  if (r.actor != nullptr) {
    const NamedEntity& a = acting(doc, *r.actor);
    actor = display(doc, *r.actor, a);
    e.participants.push_back(participant(doc, a, Role::actor, r.actor->mention->text));
  } else if (const NamedEntity* s =
                 r.verbal ? first_person(v, clause_start(v, h.first), h.first, doc) : nullptr) {
    actor = s->name;  // "I spoke with ..." in a transcript: the speaker
    e.participants.push_back(participant(doc, *s, Role::actor, ""));
  }
  if (r.target != nullptr) {
    const NamedEntity& g = acted_on(doc, *r.target, t.kind);
    target = display(doc, *r.target, g);
    const Role role = g.kind == EntityKind::place ? Role::location : Role::target;
    e.participants.push_back(participant(doc, g, role, r.target->mention->text));
  } else if (r.coref_place) {
    const NamedEntity& g = doc.recognition->entities[*r.coref_place].entity;
    target = g.name;
    e.participants.push_back(participant(doc, g, Role::location, ""));
  }
  if (r.location != nullptr) {
    const NamedEntity& l = entity_of(doc, *r.location);
    place = l.name;
    e.participants.push_back(participant(doc, l, Role::location, r.location->mention->text));
  }
  TitleParts parts{&t, actor, target, place, r.verbal, r.light_verb, {}, e.quote, {}};
  if (!actor.empty() && target.empty() && r.verbal && r.light_verb.empty()) {
    parts.object = object_phrase(v, h, doc.text);
  }
  if (actor.empty() && (t.flags & kNoun) != 0) {
    parts.partners = partners(v, h, doc);
  }
  auto [title, bonus] = make_title(parts);
  e.title = std::move(title);
  double confidence = 0.55 + bonus;
  if ((t.flags & kWeak) != 0) {
    confidence -= 0.1;
  }
  if (e.date.precision() <= Precision::month) {
    confidence += 0.1;
  }
  e.confidence = std::clamp(confidence, 0.1, 0.95);
  return e;
}

std::optional<ExtractedEvent> build_announcement(const SentenceView& v, const DateRef& d,
                                                 const DocContext& doc) {
  for (std::size_t r = 0; r < v.words.size(); ++r) {
    const Word& w = v.words[r];
    const std::size_t dist = r < d.first ? d.first - r : (r > d.last ? r - d.last : 0);
    if (w.punct || w.quoted || !is_reporting_verb(w.lower) || dist > 6) {
      continue;
    }
    for (const TriggerHit& h : v.triggers) {
      const bool will =
          h.first >= 2 &&
          (v.words[h.first - 1].lower == "will" || v.words[h.first - 1].lower == "would" ||
           v.words[h.first - 2].lower == "will" || v.words[h.first - 2].lower == "would");
      if (!h.hypothetical || !will || h.first <= r || h.first > r + 15 ||
          (h.trigger->flags & kWeak) != 0) {
        continue;
      }
      const MentionRef* speaker = subject(doc, v, clause_start(v, r), r);
      if (speaker == nullptr) {
        continue;
      }
      TriggerHit inner = h;
      inner.hypothetical = false;
      ExtractedEvent e = build_event(v, inner, d, doc);
      for (ExtractedParticipant& p : e.participants) {
        p.role = p.role == Role::actor ? Role::target : p.role;
      }
      const NamedEntity& s = acting(doc, *speaker);
      e.participants.insert(e.participants.begin(),
                            participant(doc, s, Role::actor, speaker->mention->text));
      e.title = display(doc, *speaker, s) + " says " + e.title;
      e.kind = EventKind::statement;
      e.trigger = std::string(doc.text.substr(w.begin, w.end - w.begin));
      e.trigger_begin = w.begin;
      e.confidence = std::max(0.1, e.confidence - 0.15);
      return e;
    }
  }
  return std::nullopt;
}

}  // namespace kb::importers::extract::detail
