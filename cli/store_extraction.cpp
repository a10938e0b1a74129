// store_extraction(): turns one source's Extraction into stored entities, events, citations and
// links, merging with what the knowledge base already holds (see store_extraction.hpp).
#include "cli/store_extraction.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "kb/text_key.hpp"

namespace kb::cli {

namespace {

namespace ex = importers::extract;

// Events of kind ?1 overlapping [?2, ?3] (starting at most 400 days before ?2: longer events match
// by title only) in which one of the entities in the JSON array ?4 takes part in a role other than
// mentioned.
constexpr std::string_view kCandidatesByEntity =
    "SELECT DISTINCT e.event_id, e.title FROM event e "
    "JOIN event_entity ee ON ee.event_id = e.event_id "
    "WHERE e.kind = ?1 AND e.first_day BETWEEN ?2 - 400 AND ?3 AND e.last_day >= ?2 "
    "AND ee.role <> 'mentioned' AND ee.entity_id IN (SELECT value FROM json_each(?4))";
// Events of `kind` with the same title near [?3, ?4] (the window where dates can conflict).
constexpr std::string_view kCandidatesByTitle =
    "SELECT event_id, title FROM event WHERE kind = ?1 AND title = ?2 COLLATE NOCASE "
    "AND first_day <= ?4 AND last_day >= ?3";
constexpr std::string_view kRoles =
    "SELECT entity_id, role FROM event_entity WHERE event_id = ?1 AND role <> 'mentioned'";
constexpr std::string_view kAddRole =
    "INSERT OR IGNORE INTO event_entity (event_id, entity_id, role) VALUES (?1, ?2, ?3)";
constexpr std::string_view kRecordCitation =
    "INSERT INTO extraction_citation (citation_id, source_id, event_id, created_event) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr std::string_view kCitedBySource =
    "SELECT 1 FROM citation WHERE event_id = ?1 AND source_id = ?2 LIMIT 1";
constexpr std::string_view kSetImport = "UPDATE event SET import_id = ?2 WHERE event_id = ?1";
constexpr std::string_view kRecordHistory =
    "INSERT INTO event_date_history (event_id, change, old_timex, old_modifier, old_text, "
    "old_status, new_timex, new_modifier, new_text, source_id, quote, recorded_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

// How far apart two dates may be and still be one event with conflicting accounts.
constexpr std::int64_t kDisputeWindowDays = 31;

// Entity ids resolved so far in this call, by alias key and kind.
using EntityCache = std::map<std::pair<std::string, EntityKind>, Id>;

Result<Id> resolve(Store& store, const ex::ExtractedParticipant& p, EntityCache& cache,
                   StoredCounts& counts) {
  const auto key = std::make_pair(alias_key(p.name), p.kind);
  if (const auto it = cache.find(key); it != cache.end()) {
    return it->second;
  }
  std::vector<std::string> names{p.name};
  names.insert(names.end(), p.aliases.begin(), p.aliases.end());
  std::optional<Id> found;
  for (const std::string& name : names) {
    KB_ASSIGN(const auto matches, store.lookup_entities(name));
    for (const Entity& e : matches) {
      if (e.kind == p.kind || (name == p.name && alias_key(e.name) == key.first)) {
        found = e.id;
        break;
      }
    }
    if (found) {
      break;
    }
  }
  if (!found) {
    Entity e;
    e.name = p.name;
    e.kind = p.kind;
    e.description = p.description;
    e.wikidata = p.wikidata;
    e.aliases = p.aliases;
    if (p.country) {
      ex::ExtractedParticipant country;
      country.name = *p.country;
      country.kind = EntityKind::country;
      KB_ASSIGN(e.country_id, resolve(store, country, cache, counts));
    }
    KB_ASSIGN(found, store.add_entity(e));
    counts.entities += 1;
  }
  cache[key] = *found;
  return *found;
}

struct Resolved {
  std::vector<std::pair<Id, Role>> roles;  // distinct (entity, role)
};

Result<Resolved> resolve_all(Store& store, const ex::ExtractedEvent& e, EntityCache& cache,
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
Result<std::map<Id, std::string>> candidates(Store& store, const ex::ExtractedEvent& e,
                                             const Resolved& r) {
  const std::int64_t first = to_day_number(e.date.first());
  const std::int64_t last = to_day_number(e.date.last());
  std::map<Id, std::string> found;
  const auto collect = [&found](Statement& st) -> Result<void> {
    while (true) {
      KB_ASSIGN(const Step s, st.step());
      if (s != Step::row) {
        return ok();
      }
      found.emplace(st.column_int(0), st.column_text(1));
    }
  };
  std::string ids = "[";
  for (const auto& [id, role] : r.roles) {
    if (role != Role::mentioned) {
      ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
    }
  }
  ids += "]";
  KB_ASSIGN(Statement by_entity, store.db().prepare(kCandidatesByEntity));
  by_entity.bind(1, e.kind).bind(2, first).bind(3, last).bind(4, ids);
  KB_TRY(collect(by_entity));
  KB_ASSIGN(Statement by_title, store.db().prepare(kCandidatesByTitle));
  by_title.bind(1, e.kind).bind(2, e.title);
  by_title.bind(3, first - kDisputeWindowDays).bind(4, last + kDisputeWindowDays);
  KB_TRY(collect(by_title));
  return found;
}

Result<std::vector<std::pair<Id, Role>>> roles_of(Store& store, Id event_id) {
  KB_ASSIGN(Statement st, store.db().prepare(kRoles));
  st.bind(1, event_id);
  std::vector<std::pair<Id, Role>> out;
  while (true) {
    KB_ASSIGN(const Step s, st.step());
    if (s != Step::row) {
      return out;
    }
    KB_ASSIGN(const Role role, parse_role(st.column_text(1)));
    out.emplace_back(st.column_int(0), role);
  }
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

// Whether a stored event (its title and roles) and extracted `e` describe the same happening.
bool same_happening(std::string_view old_title, const std::vector<std::pair<Id, Role>>& old_roles,
                    const ex::ExtractedEvent& e, const Resolved& r) {
  if (alias_key(old_title) == alias_key(e.title)) {
    return true;
  }
  const auto new_objects = with_role(r.roles, false);
  const auto old_objects = with_role(old_roles, false);
  const bool objects_agree =
      intersects(new_objects, old_objects) || (new_objects.empty() && old_objects.empty());
  return intersects(with_role(r.roles, true), with_role(old_roles, true)) && objects_agree;
}

Result<void> record_history(Store& store, Id event_id, std::string_view change, const Event& old,
                            const ex::ExtractedEvent& e, Id source_id) {
  KB_ASSIGN(Statement st, store.db().prepare(kRecordHistory));
  st.bind(1, event_id).bind(2, change).bind(3, old.date.timex());
  st.bind(4, to_string(old.date.modifier())).bind(5, old.date_text).bind(6, to_string(old.status));
  st.bind(7, e.date.timex()).bind(8, to_string(e.date.modifier())).bind(9, e.date_text);
  st.bind(10, source_id).bind(11, e.quote).bind(12, store.now_iso());
  return st.run();
}

Result<Id> cite(Store& store, Id event_id, Id source_id, const ex::ExtractedEvent& e,
                bool created) {
  Citation c;
  c.source_id = source_id;
  c.quote = e.quote;
  c.quote_begin = static_cast<std::int64_t>(e.quote_begin);
  c.quote_end = static_cast<std::int64_t>(e.quote_end);
  KB_ASSIGN(const Id citation, store.add_citation(event_id, c));
  KB_ASSIGN(Statement st, store.db().prepare(kRecordCitation));
  st.bind(1, citation).bind(2, source_id).bind(3, event_id).bind(4, created ? 1 : 0);
  KB_TRY(st.run());
  return citation;
}

// Merges `e` into stored event `id`: cites it, adds new roles, refines or disputes the date.
Result<std::optional<Id>> merge(Store& store, Event old, Id source_id, const ex::ExtractedEvent& e,
                                const Resolved& r, StoredCounts& counts) {
  KB_ASSIGN(Statement cited, store.db().prepare(kCitedBySource));
  cited.bind(1, old.id).bind(2, source_id);
  KB_ASSIGN(const Step already, cited.step());
  KB_ASSIGN(Statement add_role, store.db().prepare(kAddRole));
  for (const auto& [entity, role] : r.roles) {
    add_role.reset();
    add_role.bind(1, old.id).bind(2, entity).bind(3, to_string(role));
    KB_TRY(add_role.run());
  }
  const bool imported = old.origin == Origin::imported;
  if (!old.date.overlaps(e.date)) {
    KB_TRY(record_history(store, old.id, "disputed", old, e, source_id));
    old.status = Status::disputed;
    KB_TRY(store.update_event(old));
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
  if (already == Step::row) {
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
Result<std::pair<Id, std::optional<Id>>> store_event(Store& store, Id source_id,
                                                     const ex::ExtractedEvent& x,
                                                     EntityCache& cache, StoredCounts& counts,
                                                     const StoreExtractionOptions& options) {
  KB_ASSIGN(const Resolved r, resolve_all(store, x, cache, counts));
  KB_ASSIGN(const auto found, candidates(store, x, r));
  for (const auto& [id, title] : found) {
    KB_ASSIGN(const auto roles, roles_of(store, id));
    if (!same_happening(title, roles, x, r)) {
      continue;
    }
    KB_ASSIGN(Event old, store.event(id));
    const bool near = old.date.overlaps(x.date) || (old.date.precision() <= Precision::month &&
                                                    x.date.precision() <= Precision::month);
    if (near) {
      KB_ASSIGN(const auto citation, merge(store, std::move(old), source_id, x, r, counts));
      return std::make_pair(id, citation);
    }
  }
  KB_ASSIGN(const Id id, store.add_event(to_event(x, r)));
  if (options.import_id) {
    KB_ASSIGN(Statement st, store.db().prepare(kSetImport));
    st.bind(1, id).bind(2, *options.import_id);
    KB_TRY(st.run());
  }
  KB_ASSIGN(const Id citation, cite(store, id, source_id, x, true));
  counts.created += 1;
  return std::make_pair(id, std::optional<Id>(citation));
}

}  // namespace

Result<StoredCounts> store_extraction(Store& store, Id source_id, const ex::Extraction& x,
                                      const StoreExtractionOptions& options) {
  StoredCounts counts;
  EntityCache cache;
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

}  // namespace kb::cli
