// store_extraction(): turns one source's Extraction into stored entities, events, citations and
// links, merging with what the knowledge base already holds (see store_extraction.hpp).
#include "services/extraction.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "kb/text_key.hpp"
#include "services/entities.hpp"

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

std::set<Id> with_role(const std::vector<std::pair<Id, Role>>& roles, bool actors) {
  std::set<Id> out;
  for (const auto& [id, role] : roles) {
    if (actors ? role == Role::actor : (role == Role::target || role == Role::location)) {
      out.insert(id);
    }
  }
  return out;
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

// Whether a stored event (its title, concept and roles) and extracted `e` describe the same
// happening: the same title; or the same concept (what happened) with participants that can be
// the same on both sides, dates one within the other, and not a statement (one official says
// many things a day); or, for events of no shared concept_name, the same actor and object.
Result<bool> same_happening(Repository& store, const MergeCandidate& old,
                            const std::vector<std::pair<Id, Role>>& old_roles,
                            const ex::ExtractedEvent& e, const Resolved& r) {
  if (alias_key(old.title) == alias_key(e.title)) {
    // The same title on days that do not overlap is one happening told with two dates (a
    // dispute) only when both texts state their date; a report of the day repeating a routine
    // title on another day tells another happening (error class: "Vladimir Putin sends
    // greetings" disputed with 14 dates; "Russia launches ground attack" with 5).
    const bool overlap = old.first <= e.date.last() && e.date.first() <= old.last;
    return overlap ||
           (old.date_text != ex::kPublicationDateText && e.date_text != ex::kPublicationDateText);
  }
  auto new_objects = with_role(r.roles, false);
  auto old_objects = with_role(old_roles, false);
  const auto new_actors = with_role(r.roles, true);
  const auto old_actors = with_role(old_roles, true);
  if (!e.concept_name.empty() && old.concept_name == e.concept_name) {
    const bool nested = (old.first <= e.date.first() && e.date.last() <= old.last) ||
                        (e.date.first() <= old.first && old.last <= e.date.last());
    if (!nested) {
      return false;
    }
    // Two sides that swap (A strikes B, B strikes A) are two happenings.
    if (!new_actors.empty() && intersects(new_actors, old_objects) &&
        !intersects(new_actors, old_actors)) {
      return false;
    }
    // A side does not act on itself: an entity both actor and target of one event is a role
    // mistake, and is not held against a match.
    std::erase_if(new_objects, [&](Id id) { return new_actors.count(id) != 0; });
    std::erase_if(old_objects, [&](Id id) { return old_actors.count(id) != 0; });
    KB_ASSIGN(const bool actors, compatible(store, new_actors, old_actors));
    KB_ASSIGN(const bool objects, compatible(store, new_objects, old_objects));
    return actors && objects;
  }
  if (e.kind != old.kind) {
    return false;  // found by concept only
  }
  const bool objects_agree =
      intersects(new_objects, old_objects) || (new_objects.empty() && old_objects.empty());
  return intersects(new_actors, old_actors) && objects_agree;
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
  for (const auto& [id, candidate] : found) {
    KB_ASSIGN(const auto roles, store.event_roles(id));
    KB_ASSIGN(const bool same, same_happening(store, candidate, roles, x, r));
    if (!same) {
      continue;
    }
    KB_ASSIGN(Event old, store.event(id));
    const bool near = old.date.overlaps(x.date) || (old.date.precision() <= Precision::month &&
                                                    x.date.precision() <= Precision::month);
    if (near) {
      if (options.before_change) {
        KB_TRY(options.before_change(id));
      }
      KB_ASSIGN(const auto citation, merge(store, std::move(old), source_id, x, r, counts));
      return std::make_pair(id, citation);
    }
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
