// store_extraction(): turns one source's Extraction into stored entities, events, citations and
// links, merging with what the knowledge base already holds (see store_extraction.hpp).
#include "services/extraction.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "kb/text_key.hpp"
#include "services/entities.hpp"
#include "services/merge_model.hpp"

namespace kb::services {

namespace {

namespace ex = importers::extract;

// How far apart two dates may be and still be one event with conflicting accounts.
constexpr int kDisputeWindowDays = 31;

// The entities resolved so far (by alias key and kind), and the import run new ones belong to.
struct EntityCache {
  std::map<std::pair<std::string, EntityKind>, Id> ids;
  std::optional<Id> import_id;
};

Result<Id> resolve(Repository& store, const ex::ExtractedParticipant& p, EntityCache& cache,
                   StoredCounts& counts) {
  const auto key = std::make_pair(alias_key(p.name), p.kind);
  if (const auto it = cache.ids.find(key); it != cache.ids.end()) {
    return it->second;
  }
  // The text (or kb's gazetteer) says what kind of entity it is.
  KB_ASSIGN(std::optional<Id> found, find_entity(store, p.name, p.kind, true, p.aliases));
  if (!found) {
    Entity e;
    e.name = p.name;
    e.kind = p.kind;
    e.description = p.description;
    e.wikidata = p.wikidata;
    e.aliases = p.aliases;
    e.import_id = cache.import_id;
    if (p.country) {
      ex::ExtractedParticipant country;
      country.name = *p.country;
      country.kind = EntityKind::country;
      KB_ASSIGN(e.country_id, resolve(store, country, cache, counts));
    }
    KB_ASSIGN(found, store.add_entity(e));
    counts.entities += 1;
  }
  cache.ids[key] = *found;
  return *found;
}

}  // namespace

Result<std::size_t> add_kb_entities(Repository& store, importers::Gazetteer& gazetteer) {
  KB_ASSIGN(const std::vector<Entity> all, store.entities());
  std::map<Id, std::string> country_code;  // KB country entity -> ISO code in the gazetteer
  for (const Entity& e : all) {
    if (e.kind != EntityKind::country) {
      continue;
    }
    if (const auto at = gazetteer.find(e.name, EntityKind::country)) {
      country_code[e.id] = gazetteer.entities()[*at].country;
    }
  }
  std::size_t added = 0;
  for (const Entity& e : all) {
    // A name kb's gazetteer knows as another kind keeps that reading: an "organisation Ukraine"
    // an older `kb add --actor Ukraine` made must not compete with the country.
    if (const auto known = gazetteer.find(e.name);
        known && gazetteer.entities()[*known].kind != e.kind) {
      continue;
    }
    importers::NamedEntity n;
    n.name = e.name;
    n.kind = e.kind;
    n.description = e.description;
    n.wikidata = e.wikidata.value_or("");
    n.aliases = e.aliases;
    n.from_kb = true;
    // A country carries its own code; anything else its country's.
    const auto code =
        country_code.find(e.kind == EntityKind::country ? e.id : e.country_id.value_or(0));
    if (code != country_code.end()) {
      n.country = code->second;
    }
    const std::size_t before = gazetteer.entities().size();
    (void)gazetteer.add_entity(std::move(n));
    added += gazetteer.entities().size() > before ? 1U : 0U;
  }
  return added;
}

Result<Id> resolve_participant(Repository& store, const ex::ExtractedParticipant& p,
                               bool* created) {
  EntityCache cache;
  StoredCounts counts;
  KB_ASSIGN(const Id id, resolve(store, p, cache, counts));
  if (created != nullptr) {
    *created = counts.entities > 0;
  }
  return id;
}

namespace {

struct Resolved {
  std::vector<std::pair<Id, Role>> roles;  // distinct (entity, role)
};

Result<Resolved> resolve_all(Repository& store, const ex::ExtractedEvent& e, EntityCache& cache,
                             StoredCounts& counts) {
  Resolved r;
  for (const auto& p : e.participants) {
    KB_ASSIGN(const Id id, resolve(store, p, cache, counts));
    const auto entry = std::make_pair(id, p.role);
    if (std::find(r.roles.begin(), r.roles.end(), entry) == r.roles.end()) {
      r.roles.push_back(entry);
    }
  }
  return r;
}

// Existing events that could be the same as `e`: same kind and sharing an entity in a real
// role with overlapping dates, or with the same title within the dispute window.
Result<std::map<Id, MergeCandidate>> candidates(Repository& store, const ex::ExtractedEvent& e,
                                                const Resolved& r) {
  MergeProbe probe;
  probe.kind = e.kind;
  probe.first = e.date.first();
  probe.last = e.date.last();
  for (const auto& [id, role] : r.roles) {
    if (role != Role::mentioned && role != Role::claimant) {
      probe.entity_ids.push_back(id);
    }
  }
  probe.title = e.title;
  probe.title_window_days = kDisputeWindowDays;
  probe.concept_name = e.concept_name;
  return store.merge_candidates(probe);
}

bool intersects(const std::set<Id>& a, const std::set<Id>& b) {
  return std::any_of(a.begin(), a.end(), [&](Id x) { return b.count(x) != 0; });
}

// Whether two sets of participants can name the same side: either is unknown, they share an
// entity, one is a place in the other's country ("Kherson" and "Ukraine"), or two who are not
// places act for the same country ("Vladimir Putin" and "Russia"). Two places are never the
// same side: strikes on Kharkiv and on Odesa on one day are two happenings.
Result<bool> compatible(Repository& store, const std::set<Id>& a, const std::set<Id>& b) {
  if (a.empty() || b.empty() || intersects(a, b)) {
    return true;
  }
  struct Side {
    Id id, country;
    bool place;
  };
  const auto describe = [&](const std::set<Id>& ids) -> Result<std::vector<Side>> {
    std::vector<Side> out;
    for (const Id id : ids) {
      KB_ASSIGN(const Entity e, store.entity(id));
      const Id country = e.kind == EntityKind::country || !e.country_id ? id : *e.country_id;
      out.push_back({id, country, e.kind == EntityKind::place});
    }
    return out;
  };
  KB_ASSIGN(const auto sa, describe(a));
  KB_ASSIGN(const auto sb, describe(b));
  for (const Side& dx : sa) {
    const Id x = dx.id;
    for (const Side& dy : sb) {
      const Id y = dy.id;
      const bool place_in = (dx.place && dx.country == y) || (dy.place && dy.country == x);
      const bool same_country = !dx.place && !dy.place && dx.country == dy.country;
      if (place_in || same_country) {
        return true;
      }
    }
  }
  return false;
}

// Concepts whose two sides do the same to each other: "Russia holds talks with Ukraine" and
// "Ukraine holds talks with Russia" in Istanbul that day are one meeting (error class: a meeting
// told by each side's readout stored twice, because sides that swap were kept apart as for
// strikes).
constexpr std::array<std::string_view, 3> kSymmetricConcepts = {"meet", "phone", "agree"};

bool symmetric(std::string_view concept_name) {
  return std::find(kSymmetricConcepts.begin(), kSymmetricConcepts.end(), concept_name) !=
         kSymmetricConcepts.end();
}

// The actors, the targets (less any actor) and the places of an event's roles.
struct Sides {
  std::set<Id> actors, targets, places;
};

Sides sides_of(const std::vector<std::pair<Id, Role>>& roles) {
  Sides s;
  for (const auto& [id, role] : roles) {
    if (role == Role::actor) {
      s.actors.insert(id);
    } else if (role == Role::target) {
      s.targets.insert(id);
    } else if (role == Role::location) {
      s.places.insert(id);
    }
  }
  std::erase_if(s.targets, [&](Id id) { return s.actors.count(id) != 0; });
  return s;
}

// Whether two sets of participants, both named, can be the same side.
Result<bool> shared(Repository& store, const std::set<Id>& a, const std::set<Id>& b) {
  if (a.empty() || b.empty()) {
    return false;
  }
  return compatible(store, a, b);
}

// Whether two meetings of one concept and nested dates are one. One official holds many
// meetings and calls a day, so the one met must be named on both and agree, or the place
// (error class: "Vladimir Putin holds telephone conversation with Emmanuel Macron" citing
// Putin's videoconference with a business association the same day). The sides may be told
// swapped (one's actors the other's targets: each side's readout of the same talks).
Result<bool> same_meeting(Repository& store, const std::vector<std::pair<Id, Role>>& old_roles,
                          const std::vector<std::pair<Id, Role>>& new_roles) {
  const Sides a = sides_of(old_roles);
  const Sides b = sides_of(new_roles);
  KB_ASSIGN(const bool places, compatible(store, a.places, b.places));
  KB_ASSIGN(const bool same_place, shared(store, a.places, b.places));
  if (!places) {
    return false;
  }
  KB_ASSIGN(const bool actors, compatible(store, a.actors, b.actors));
  KB_ASSIGN(const bool met, shared(store, a.targets, b.targets));
  if (actors && (met || (same_place && a.targets.empty() == b.targets.empty()))) {
    KB_ASSIGN(const bool targets, compatible(store, a.targets, b.targets));
    return targets;
  }
  KB_ASSIGN(const bool a_met_b, shared(store, a.actors, b.targets));
  KB_ASSIGN(const bool b_met_a, shared(store, a.targets, b.actors));
  KB_ASSIGN(const bool a_to_b, compatible(store, a.actors, b.targets));
  KB_ASSIGN(const bool b_to_a, compatible(store, a.targets, b.actors));
  return (a_met_b && b_to_a) || (b_met_a && a_to_b);
}

// Words a headline uses for any happening.
constexpr auto kHeadlineWords = std::to_array<std::string_view>({
#include "lexicon/services/headline_words.inc"
});

// The words of a headline that say what happened, lower-case, less `names` (the actor's).
std::set<std::string> title_words(std::string_view title, const std::set<std::string>& names) {
  std::set<std::string> out;
  std::string w;
  const auto flush = [&] {
    if (!w.empty() && names.count(w) == 0 &&
        std::find(kHeadlineWords.begin(), kHeadlineWords.end(), w) == kHeadlineWords.end()) {
      out.insert(w);
    }
    w.clear();
  };
  for (const char c : alias_key(title)) {
    if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '"') {
      flush();
    } else {
      w.push_back(c);
    }
  }
  flush();
  return out;
}

// Capitalised words that name no particular happening's participants, place or figures.
constexpr auto kCommonCapitalised = std::to_array<std::string_view>({
#include "lexicon/services/common_capitalised.inc"
});

// The lower-case capitalised words and figures of `quote` (a day of the month or a year is no
// figure: dates are compared apart), less `names`.
std::set<std::string> named_words(std::string_view quote, const std::set<std::string>& names) {
  std::set<std::string> out;
  const auto alnum = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(quote[k]);
    return std::isalnum(c) != 0 || c >= 0x80;
  };
  std::size_t i = 0;
  while (i < quote.size()) {
    if (!alnum(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < quote.size() && alnum(j)) {
      ++j;
    }
    const std::string_view w = quote.substr(i, j - i);
    const bool capital = w[0] >= 'A' && w[0] <= 'Z';
    const bool digits =
        std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool date_like =
        digits && (w.size() <= 2 || (w.size() == 4 && (w[0] == '1' || w[0] == '2')));
    if ((capital || digits) && !date_like) {
      const std::string key = alias_key(w);
      if (names.count(key) == 0 && std::find(kCommonCapitalised.begin(), kCommonCapitalised.end(),
                                             key) == kCommonCapitalised.end()) {
        out.insert(key);
      }
    }
    i = j;
  }
  return out;
}

// Words too common in news to tell one happening from another.
constexpr auto kCommonWords = std::to_array<std::string_view>({
#include "lexicon/services/common_words.inc"
});

// The content words of `quote`: lower-case words of four letters or more, cut to five (a crude
// stem: "attacked" and "attacks" meet), less kCommonWords.
std::set<std::string> content_words(std::string_view quote) {
  std::set<std::string> out;
  std::string w;
  const auto flush = [&] {
    if (w.size() >= 4 &&
        std::find(kCommonWords.begin(), kCommonWords.end(), w) == kCommonWords.end()) {
      out.insert(w.substr(0, 5));
    }
    w.clear();
  };
  for (const char c : quote) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) != 0) {
      w.push_back(static_cast<char>(std::tolower(u)));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

template <typename Set>
std::size_t common_count(const Set& a, const Set& b) {
  return static_cast<std::size_t>(
      std::count_if(a.begin(), a.end(), [&](const auto& x) { return b.count(x) != 0; }));
}

double jaccard(std::size_t common, std::size_t a, std::size_t b) {
  const std::size_t all = a + b - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

// How many of a stored event's citations the word measures read (the first ones).
constexpr std::size_t kCitationsCompared = 8;

// What the merge features read of an extracted event alone, once per event: the words of its
// actors' names (as named_words() and title_words() read them), the words of what happened in
// its title, and how many names and figures its quote gives beyond its actors'.
struct NewEventWords {
  std::set<std::string> actor_names, actor_title_words, title;
  std::size_t named_bound = 0;
};

Result<NewEventWords> new_event_words(Repository& store, const ex::ExtractedEvent& e,
                                      const Resolved& r) {
  NewEventWords out;
  for (const auto& [id, role] : r.roles) {
    if (role == Role::actor) {
      KB_ASSIGN(const Entity a, store.entity(id));
      const auto named = named_words(a.name, {});
      out.actor_names.insert(named.begin(), named.end());
      const auto titled = title_words(a.name, {});
      out.actor_title_words.insert(titled.begin(), titled.end());
    }
  }
  out.title = title_words(e.title, out.actor_title_words);
  out.named_bound = named_words(e.quote, out.actor_names).size();
  return out;
}

// The concept both events name, "" when they name none or differ (MergeModel::concept_weights).
std::string_view shared_concept(const MergeCandidate& candidate, const ex::ExtractedEvent& e) {
  return !e.concept_name.empty() && candidate.concept_name == e.concept_name
             ? std::string_view(e.concept_name)
             : std::string_view();
}

// What the merge model reads of stored event `old` (found as `candidate`, with roles
// `old_roles`) and extracted `e` (resolved as `r`; `ew` as new_event_words() gives). With
// `prune`, the quote measures are left at 0 when even their most could not make `prune` merge
// the pair, so that its decision is the same as with them.
Result<MergeFeatures> pair_features(Repository& store, Id old_id, const MergeCandidate& candidate,
                                    const std::vector<std::pair<Id, Role>>& old_roles,
                                    const ex::ExtractedEvent& e, const Resolved& r,
                                    const NewEventWords& ew, const MergeModel* prune) {
  using F = MergeFeature;
  MergeFeatures f{};
  const auto set = [&](F which, double value) { f[static_cast<std::size_t>(which)] = value; };
  set(F::bias, 1.0);
  set(F::same_title, alias_key(candidate.title) == alias_key(e.title) ? 1.0 : 0.0);
  const std::string_view concept_name = shared_concept(candidate, e);
  set(F::same_concept, concept_name.empty() ? 0.0 : 1.0);
  set(F::same_kind, candidate.kind == e.kind ? 1.0 : 0.0);
  const auto first = e.date.first();
  const auto last = e.date.last();
  const bool overlap = candidate.first <= last && first <= candidate.last;
  set(F::overlap, overlap ? 1.0 : 0.0);
  const bool nested = (candidate.first <= first && last <= candidate.last) ||
                      (first <= candidate.first && candidate.last <= last);
  set(F::nested, nested ? 1.0 : 0.0);
  if (!overlap) {
    const auto gap = candidate.last < first ? first - candidate.last : candidate.first - last;
    set(F::gap_days, std::log1p(static_cast<double>(gap.count())));
  }
  set(F::both_stated,
      candidate.date_text != ex::kPublicationDateText && e.date_text != ex::kPublicationDateText
          ? 1.0
          : 0.0);
  set(F::both_days, candidate.first == candidate.last && first == last ? 1.0 : 0.0);
  const Sides a = sides_of(old_roles);
  const Sides b = sides_of(r.roles);
  KB_ASSIGN(const bool some_actor, shared(store, a.actors, b.actors));
  KB_ASSIGN(const bool actors_ok, compatible(store, a.actors, b.actors));
  set(F::shared_actor, some_actor ? 1.0 : 0.0);
  set(F::actors_clash, actors_ok ? 0.0 : 1.0);
  std::set<Id> old_objects = a.targets;
  old_objects.insert(a.places.begin(), a.places.end());
  std::set<Id> new_objects = b.targets;
  new_objects.insert(b.places.begin(), b.places.end());
  const bool swapped = (intersects(b.actors, old_objects) && !intersects(b.actors, a.actors)) ||
                       (intersects(a.actors, new_objects) && !intersects(a.actors, b.actors));
  set(F::swapped, swapped ? 1.0 : 0.0);
  KB_ASSIGN(const bool some_object, shared(store, old_objects, new_objects));
  KB_ASSIGN(const bool objects_ok, compatible(store, old_objects, new_objects));
  set(F::shared_object, some_object ? 1.0 : 0.0);
  set(F::objects_clash, objects_ok ? 0.0 : 1.0);
  set(F::no_objects, old_objects.empty() && new_objects.empty() ? 1.0 : 0.0);
  set(F::one_object, old_objects.empty() != new_objects.empty() ? 1.0 : 0.0);
  if (!concept_name.empty() && symmetric(concept_name)) {
    KB_ASSIGN(const bool meeting, same_meeting(store, old_roles, r.roles));
    set(F::symmetric_meeting, meeting ? 1.0 : 0.0);
  }
  const auto old_title = title_words(candidate.title, ew.actor_title_words);
  set(F::title_shared, std::log1p(static_cast<double>(common_count(ew.title, old_title))));
  set(F::statement, e.kind == EventKind::statement ? 1.0 : 0.0);
  // The quotes are read only when they could still make the pair one happening: with the most
  // their three measures can add (the names of the new quote less its own actors' bound the
  // names shared), a pair that cannot reach the threshold is decided without them.
  if (prune != nullptr) {
    MergeFeatures most{};
    most[static_cast<std::size_t>(F::named_shared)] =
        std::log1p(static_cast<double>(ew.named_bound));
    most[static_cast<std::size_t>(F::named_jaccard)] = 1.0;
    most[static_cast<std::size_t>(F::words_jaccard)] = 1.0;
    if (!prune->may_merge(f, most, concept_name)) {
      return f;
    }
  }
  // Names and content words: the best of the stored event's first citations.
  std::set<std::string> names = ew.actor_names;
  for (const Id id : a.actors) {
    KB_ASSIGN(const Entity actor, store.entity(id));
    const auto words = named_words(actor.name, {});
    names.insert(words.begin(), words.end());
  }
  KB_ASSIGN(const auto quotes, store.event_quotes(old_id, kCitationsCompared));
  const auto mine = named_words(e.quote, names);
  const auto my_words = content_words(e.quote);
  double named = 0.0, named_share = 0.0, words_share = 0.0;
  for (const std::string& quote : quotes) {
    const auto theirs = named_words(quote, names);
    const std::size_t common = common_count(mine, theirs);
    named = std::max(named, std::log1p(static_cast<double>(common)));
    named_share = std::max(named_share, jaccard(common, mine.size(), theirs.size()));
    const auto their_words = content_words(quote);
    words_share = std::max(words_share, jaccard(common_count(my_words, their_words),
                                                my_words.size(), their_words.size()));
  }
  set(F::named_shared, named);
  set(F::named_jaccard, named_share);
  set(F::words_jaccard, words_share);
  return f;
}

Result<void> record_history(Repository& store, Id event_id, std::string_view change,
                            const Event& old, const ex::ExtractedEvent& e, Id source_id) {
  DateChange c;
  c.event_id = event_id;
  c.change = std::string(change);
  c.old_date = old.date;
  c.old_text = old.date_text;
  c.old_status = old.status;
  c.new_date = e.date;
  c.new_text = e.date_text;
  c.source_id = source_id;
  c.quote = e.quote;
  KB_TRY(store.add_date_change(c));
  return ok();
}

Result<Id> cite(Repository& store, Id event_id, Id source_id, const ex::ExtractedEvent& e,
                bool created) {
  Citation c;
  c.source_id = source_id;
  c.quote = e.quote;
  c.quote_begin = static_cast<std::int64_t>(e.quote_begin);
  c.quote_end = static_cast<std::int64_t>(e.quote_end);
  KB_ASSIGN(const Id citation, store.add_citation(event_id, c));
  KB_TRY(
      store.record_extraction_citation(ExtractionCitation{citation, source_id, event_id, created}));
  return citation;
}

// Merges `e` into stored event `id`: cites it, adds new roles, refines or disputes the date. An
// event an analyst curated only gains the citation (and a recorded dispute): its roles, date and
// status stay the analyst's.
Result<std::optional<Id>> merge(Repository& store, Event old, Id source_id,
                                const ex::ExtractedEvent& e, const Resolved& r,
                                StoredCounts& counts) {
  KB_ASSIGN(const bool already, store.cites_source(old.id, source_id));
  for (const auto& [entity, role] : r.roles) {
    if (!old.curated) {
      KB_ASSIGN(const bool added, store.add_role(old.id, entity, role));
      KB_TRY(store.record_extraction_role(ExtractionRole{source_id, old.id, entity, role}, added));
    }
  }
  const bool imported = old.origin == Origin::imported && !old.curated;
  if (!old.date.overlaps(e.date)) {
    KB_TRY(record_history(store, old.id, "disputed", old, e, source_id));
    if (!old.curated) {
      old.status = Status::disputed;
      KB_TRY(store.update_event(old));
    }
    counts.disputed += 1;
  } else if (imported && old.date.contains(e.date) && !(old.date == e.date) &&
             e.date.last() - e.date.first() < old.date.last() - old.date.first()) {
    KB_TRY(record_history(store, old.id, "refined", old, e, source_id));
    old.date = e.date;
    old.date_text = e.date_text;
    KB_TRY(store.update_event(old));
    counts.refined += 1;
  }
  counts.merged += 1;
  if (already) {
    return std::optional<Id>();
  }
  KB_ASSIGN(const Id citation, cite(store, old.id, source_id, e, false));
  return std::optional<Id>(citation);
}

Event to_event(const ex::ExtractedEvent& x, const Resolved& r) {
  Event e;
  e.title = x.title;
  e.summary = x.summary;
  e.date = x.date;
  e.date_text = x.date_text;
  e.kind = x.kind;
  e.status = x.status;
  e.confidence = x.confidence;
  e.origin = Origin::imported;
  e.tags = x.tags;
  for (const auto& [id, role] : r.roles) {
    e.participants.push_back(Participant{id, "", EntityKind::country, role});
  }
  return e;
}

// Stores one event (new or merged); returns its id and the citation that supports it.
Result<std::pair<Id, std::optional<Id>>> store_event(Repository& store, Id source_id,
                                                     const ex::ExtractedEvent& x,
                                                     EntityCache& cache, StoredCounts& counts,
                                                     const StoreExtractionOptions& options) {
  KB_ASSIGN(const Resolved r, resolve_all(store, x, cache, counts));
  if (options.before_event) {
    KB_ASSIGN(const auto taken, options.before_event(x, r.roles));
    if (taken) {
      return std::make_pair(taken->event_id, taken->citation_id);
    }
  }
  KB_ASSIGN(const auto found, candidates(store, x, r));
  const MergeModel* model = options.merge_model;
  if (model == nullptr && !found.empty()) {
    KB_ASSIGN(model, shipped_merge_model());
  }
  std::optional<NewEventWords> words;  // read once, when a candidate needs them
  std::optional<Id> best;  // the candidate the model finds likeliest to be the same happening
  double best_p = 0.0;
  for (const auto& [id, candidate] : found) {
    KB_ASSIGN(const auto roles, store.event_roles(id));
    if (!words) {
      KB_ASSIGN(words, new_event_words(store, x, r));
    }
    // Traced comparisons show every feature; the others skip what cannot change the decision.
    KB_ASSIGN(const MergeFeatures f, pair_features(store, id, candidate, roles, x, r, *words,
                                                   options.on_compare ? nullptr : model));
    const std::string_view concept_name = shared_concept(candidate, x);
    const double p = model->probability(f, concept_name);
    const bool same = model->same(f, concept_name);
    if (options.on_compare) {
      MergeTrace t;
      t.source_id = source_id;
      t.quote_begin = x.quote_begin;
      t.quote_end = x.quote_end;
      t.title = x.title;
      t.event_id = id;
      t.features = f;
      t.concept_name = std::string(concept_name);
      t.same = same;
      options.on_compare(t);
    }
    if (same && (!best || p > best_p)) {
      best = id;
      best_p = p;
    }
  }
  if (best && options.merge) {
    if (options.before_change) {
      KB_TRY(options.before_change(*best));
    }
    KB_ASSIGN(Event old, store.event(*best));
    KB_ASSIGN(const auto citation, merge(store, std::move(old), source_id, x, r, counts));
    return std::make_pair(*best, citation);
  }
  KB_ASSIGN(const Id id, store.add_event(to_event(x, r)));
  for (const auto& [entity, role] : r.roles) {
    KB_TRY(store.record_extraction_role(ExtractionRole{source_id, id, entity, role}, true));
  }
  if (!x.concept_name.empty()) {
    KB_TRY(store.set_event_concept(id, x.concept_name));
  }
  if (options.import_id) {
    KB_TRY(store.set_event_import(id, *options.import_id));
  }
  KB_ASSIGN(const Id citation, cite(store, id, source_id, x, true));
  counts.created += 1;
  return std::make_pair(id, std::optional<Id>(citation));
}

}  // namespace

Result<StoredCounts> store_extraction(Repository& store, Id source_id, const ex::Extraction& x,
                                      const StoreExtractionOptions& options) {
  StoredCounts counts;
  EntityCache cache;
  cache.import_id = options.import_id;
  std::vector<std::pair<Id, std::optional<Id>>> stored;
  for (const auto& e : x.events) {
    KB_ASSIGN(auto s, store_event(store, source_id, e, cache, counts, options));
    stored.push_back(s);
  }
  for (const auto& l : x.links) {
    if (l.from >= stored.size() || l.to >= stored.size() ||
        stored[l.from].first == stored[l.to].first) {
      continue;
    }
    if (options.before_change) {
      KB_TRY(options.before_change(stored[l.from].first));
      KB_TRY(options.before_change(stored[l.to].first));
    }
    auto added =
        store.add_link(stored[l.from].first, l.relation, stored[l.to].first, stored[l.from].second);
    if (added) {
      counts.links += 1;
    } else if (added.error().code != Errc::conflict) {
      return std::move(added).error();
    }
  }
  return counts;
}

}  // namespace kb::services
