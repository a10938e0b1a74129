// import_records(): stores what the structured readers return, one transaction per file.

#include "services/import_records.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "importers/records/kb_json.hpp"
#include "services/dump.hpp"
#include "services/entities.hpp"
#include "services/oplog.hpp"

namespace kb::services {
namespace {

Result<std::optional<Id>> same_event(Repository& store, const Event& e) {
  return store.find_event(e.title, e.date);
}

// The record of `kind` whose permanent id is `uuid`, if this knowledge base holds it.
Result<std::optional<Id>> by_uuid(Repository& store, RecordKind kind, const std::string& uuid) {
  if (!is_uuid(uuid)) {
    return std::optional<Id>();
  }
  KB_ASSIGN(const auto ids, store.ids_by_uuid(kind, *uuid_prefix(uuid), 2));
  return ids.size() == 1 ? std::optional<Id>(ids.front()) : std::nullopt;
}

// The entity a record names (find_entity: the record states its kind), created when missing.
Result<Id> entity_named(Repository& store, const Entity& wanted, RecordImportSummary& sum,
                        OpRecorder& op) {
  KB_ASSIGN(const auto found, find_entity(store, wanted.name, wanted.kind, true, wanted.aliases));
  if (found) {
    return *found;
  }
  ++sum.entities;
  KB_ASSIGN(const Id id, store.add_entity(wanted));
  op.created(RecordKind::entity, id);
  return id;
}

Result<Id> source_for(Repository& store, const importers::RecordSource& rs, std::string_view origin,
                      RecordImportSummary& sum, OpRecorder& op) {
  KB_ASSIGN(auto existing,
            rs.url ? store.find_source_by_url(*rs.url) : store.find_source_by_hash(rs.key));
  if (existing) {
    return *existing;
  }
  Source s;
  s.url = rs.url;
  s.title = rs.title;
  s.publisher = rs.publisher;
  s.original_publisher = rs.original_publisher;
  s.published = rs.published;
  s.content_hash = rs.key;
  s.origin = std::string(origin);
  ++sum.sources;
  KB_ASSIGN(const Id id, store.add_source(s));
  op.created(RecordKind::source, id);
  return id;
}

Result<void> store_record(Repository& store, const importers::RecordEvent& r,
                          std::string_view origin, RecordImportSummary& sum, OpRecorder& op) {
  KB_ASSIGN(auto same, same_event(store, r.event));
  if (same) {
    ++sum.existing;
    return ok();
  }
  Event e = r.event;
  for (const auto& n : r.entities) {
    Entity wanted;
    wanted.name = n.name;
    wanted.kind = n.kind;
    wanted.description = n.description;
    if (n.country) {
      Entity country;
      country.name = *n.country;
      country.kind = EntityKind::country;
      KB_ASSIGN(wanted.country_id, entity_named(store, country, sum, op));
    }
    wanted.latitude = n.latitude;
    wanted.longitude = n.longitude;
    KB_ASSIGN(Id id, entity_named(store, wanted, sum, op));
    if (n.latitude && n.longitude) {
      // A place kb knew without a point takes the record's (ACLED's coordinates).
      KB_ASSIGN(const Entity have, store.entity(id));
      if (!have.latitude) {
        KB_TRY(op.watch_entity(store, id));
        KB_TRY(store.set_point(id, *n.latitude, *n.longitude));
      }
    }
    e.participants.push_back(Participant{id, n.name, n.kind, n.role});
  }
  if (r.source) {
    Citation c;
    KB_ASSIGN(c.source_id, source_for(store, *r.source, origin, sum, op));
    c.quote = r.quote;
    e.citations.push_back(std::move(c));
  }
  KB_ASSIGN(const Id id, store.add_event(e));
  op.created(id);
  ++sum.events;
  return ok();
}

Result<void> import_csv(Repository& store, std::string_view content, std::string_view origin,
                        RecordFormat format, const RecordImportOptions& options,
                        RecordImportSummary& sum, OpRecorder& op) {
  const bool strict = options.strict;
  const SkipReporter& skipped = options.skipped;
  auto read = format == RecordFormat::acled_csv ? importers::read_acled_csv(content)
                                                : importers::read_analyst_csv(content);
  if (!read) {  // "line 7: a quoted field is never closed": say which file
    return fail(read.error().code, fmt::format("{}: {}", origin, read.error().message));
  }
  importers::RecordBatch batch = std::move(read).value();
  if (strict && !batch.warnings.empty()) {
    const auto& w = batch.warnings.front();
    return fail(Errc::invalid_argument,
                fmt::format("{}:{}: {} (--strict: nothing imported from this file)", origin, w.line,
                            w.message));
  }
  if (skipped) {
    for (const auto& w : batch.warnings) {
      skipped(w);
    }
  }
  sum.warnings = std::move(batch.warnings);
  for (const auto& r : batch.events) {
    auto stored = store_record(store, r, origin, sum, op);
    if (!stored) {
      return fail(stored.error().code,
                  fmt::format("{}:{}: {}", origin, r.line, stored.error().message));
    }
  }
  return ok();
}

// The roles of an event as comparable (entity, role) pairs.
std::set<std::pair<Id, Role>> roles_of(const Event& e) {
  std::set<std::pair<Id, Role>> out;
  for (const auto& p : e.participants) {
    out.emplace(p.entity_id, p.role);
  }
  return out;
}

// The fields on which two versions of one event differ: its own fields and roles. A dispute
// recorded here stays until an analyst settles it, so a disputed status is not a difference.
std::vector<std::string> differing_fields(const Event& here, const Event& there) {
  std::vector<std::string> out;
  const auto note = [&](bool same, std::string_view field) {
    if (!same) {
      out.emplace_back(field);
    }
  };
  note(here.title == there.title, "title");
  note(here.summary == there.summary, "summary");
  note(here.date == there.date && here.date_text == there.date_text, "date");
  note(here.kind == there.kind, "kind");
  note(here.status == there.status || here.status == Status::disputed, "status");
  note(roles_of(here) == roles_of(there), "roles");
  return out;
}

// Whether a version whose lineage is `later` was made from the state whose lineage is
// `earlier`: the latter's newest key is among the former's (schema 0014).
bool descends(const std::vector<std::string>& later, const std::vector<std::string>& earlier) {
  return !earlier.empty() && std::find(later.begin(), later.end(), earlier.back()) != later.end();
}

// Merges one event of a dump (`theirs`, its entity and source ids already this knowledge base's)
// into the stored event `id`; true when it changed anything. Which version's fields win: one
// changed from the other's state (lineage: the error class was a colleague's edit of an event
// both had, where ours was only tagged, reported as a conflict and disputed), else an analyst's
// (curated) over a machine's, else the newer. Both curated, neither made from the other, and
// different: the newer wins and the event is disputed.
Result<bool> merge_event(Repository& store, Id id, const Event& theirs, std::string_view origin,
                         RecordImportSummary& sum, std::map<Id, Id>& citations) {
  KB_ASSIGN(const auto stored, store.stored_event(id));
  if (!stored) {
    return fail(Errc::not_found, fmt::format("no event with id {}", id));
  }
  Event merged = *stored;
  bool changed = false;
  const auto differ = differing_fields(*stored, theirs);
  const bool theirs_later = descends(theirs.lineage, stored->lineage);
  const bool ours_later = !theirs_later && descends(stored->lineage, theirs.lineage);
  bool took = differ.empty();  // the event now holds their version's fields
  if (!differ.empty() && !ours_later) {
    const bool newer = theirs.updated_at > stored->updated_at;
    const bool take = theirs_later ||
                      (stored->curated != theirs.curated ? theirs.curated  // analysts over machines
                                                         : newer);
    if (take) {
      merged.title = theirs.title;
      merged.summary = theirs.summary;
      merged.date = theirs.date;
      merged.date_text = theirs.date_text;
      merged.kind = theirs.kind;
      merged.status = theirs.status;
      merged.confidence = theirs.confidence;
      merged.participants = theirs.participants;
      merged.updated_at = std::max(stored->updated_at, theirs.updated_at);
      changed = true;
      took = true;
    }
    if (stored->curated && theirs.curated && !theirs_later) {
      sum.conflicts.push_back(fmt::format(
          "#{} {} ({}): both changed by analysts ({}); kept the {} version: '{}' on {} "
          "(the other: '{}' on {}, in kb log)",
          id, stored->uuid, origin, fmt::join(differ, ", "), take ? "imported" : "stored",
          merged.title, merged.date.display(), take ? stored->title : theirs.title,
          take ? stored->date.display() : theirs.date.display()));
      if (merged.status != Status::disputed) {
        merged.status = Status::disputed;
        changed = true;
      }
    }
  }
  if (theirs.curated && !merged.curated) {
    merged.curated = true;
    changed = true;
  }
  // Both histories, so that later merges see them, the version kept last (its newest key is
  // the state the event is in). Written, not counted as a change.
  const std::vector<std::string>& last = took ? theirs.lineage : stored->lineage;
  const std::vector<std::string>& first = took ? stored->lineage : theirs.lineage;
  std::vector<std::string> lineage;
  for (const auto& key : first) {
    if (std::find(last.begin(), last.end(), key) == last.end()) {
      lineage.push_back(key);
    }
  }
  lineage.insert(lineage.end(), last.begin(), last.end());
  if (lineage.size() > kLineageKept) {
    lineage.erase(lineage.begin(), lineage.end() - static_cast<std::ptrdiff_t>(kLineageKept));
  }
  const bool seen = lineage != stored->lineage;
  merged.lineage = std::move(lineage);
  for (const auto& t : theirs.tags) {
    if (std::find(merged.tags.begin(), merged.tags.end(), t) == merged.tags.end()) {
      merged.tags.push_back(t);
      changed = true;
    }
  }
  std::vector<Citation> new_citations;
  for (const Citation& c : theirs.citations) {
    const auto same = std::find_if(
        merged.citations.begin(), merged.citations.end(),
        [&](const Citation& m) { return m.source_id == c.source_id && m.quote == c.quote; });
    if (same != merged.citations.end()) {
      citations[c.id] = same->id;
    } else {
      new_citations.push_back(c);
    }
  }
  if (changed || seen) {
    KB_ASSIGN(const auto links, store.links_of(id));
    KB_TRY(store.put_event(merged, links));
  }
  for (const Citation& c : new_citations) {
    KB_ASSIGN(citations[c.id], store.add_citation(id, c));
  }
  return changed || !new_citations.empty();
}

// Adds one event of a dump (ids already mapped) with its own timestamps and permanent id.
Result<Id> add_dumped_event(Repository& store, const Event& theirs, std::map<Id, Id>& citations) {
  Event e = theirs;
  e.citations.clear();
  e.merged_into.reset();  // its same-as link, among the dump's links, merges it again
  KB_ASSIGN(const Id id, store.add_event(e));
  for (const Citation& c : theirs.citations) {
    KB_ASSIGN(citations[c.id], store.add_citation(id, c));
  }
  KB_ASSIGN(auto stored, store.stored_event(id));
  stored->recorded_at = theirs.recorded_at;
  stored->updated_at = theirs.updated_at;
  KB_TRY(store.put_event(*stored, {}));
  return id;
}

// Merges a kb JSON dump into a knowledge base that already holds records (see import_records).
Result<void> merge_dump(Repository& store, const KbDump& dump, std::string_view origin,
                        RecordImportSummary& sum, OpRecorder& op) {
  std::map<Id, Id> entities, sources, events, citations;
  for (int pass = 0; pass < 2; ++pass) {  // places after the countries they lie in
    for (const auto& n : dump.entities) {
      if (n.country_id.has_value() != (pass == 1)) {
        continue;
      }
      KB_ASSIGN(const auto known, by_uuid(store, RecordKind::entity, n.uuid));
      if (known) {
        entities[n.id] = *known;
      } else {
        Entity e = n;
        e.country_id = n.country_id && entities.count(*n.country_id) != 0
                           ? std::optional<Id>(entities[*n.country_id])
                           : std::nullopt;
        KB_ASSIGN(entities[n.id], entity_named(store, e, sum, op));
      }
      KB_ASSIGN(const Entity here, store.entity(entities[n.id]));
      for (const auto& a : n.aliases) {
        if (a != here.name &&
            std::find(here.aliases.begin(), here.aliases.end(), a) == here.aliases.end()) {
          KB_TRY(op.watch_entity(store, entities[n.id]));  // an undo takes the alias back
          KB_TRY(store.add_alias(entities[n.id], a));
        }
      }
    }
  }
  for (const auto& s : dump.sources) {
    KB_ASSIGN(auto existing, by_uuid(store, RecordKind::source, s.uuid));
    if (!existing) {
      KB_ASSIGN(existing, store.find_source_by_hash(s.content_hash));
    }
    if (existing) {
      sources[s.id] = *existing;
      continue;
    }
    ++sum.sources;
    KB_ASSIGN(sources[s.id], store.add_source(s));
    op.created(RecordKind::source, sources[s.id]);
  }
  for (const auto& d : dump.events) {
    Event theirs = d;
    for (auto& p : theirs.participants) {
      p.entity_id = entities.at(p.entity_id);
    }
    for (auto& c : theirs.citations) {
      c.source_id = sources.at(c.source_id);
    }
    KB_ASSIGN(auto same, by_uuid(store, RecordKind::event, d.uuid));
    if (!same) {
      KB_ASSIGN(same, same_event(store, d));
    }
    if (!same) {
      KB_ASSIGN(events[d.id], add_dumped_event(store, theirs, citations));
      op.created(events[d.id]);
      ++sum.events;
      continue;
    }
    events[d.id] = *same;
    ++sum.existing;
    KB_TRY(op.watch(store, *same));
    KB_ASSIGN(const bool changed, merge_event(store, *same, theirs, origin, sum, citations));
    sum.updated += changed ? 1 : 0;
  }
  for (const auto& l : dump.links) {
    std::optional<Id> cite;
    if (l.citation_id && citations.count(*l.citation_id) != 0) {
      cite = citations[*l.citation_id];
    }
    const Id from = events.at(l.from);
    const Id to = events.at(l.to);
    if (from == to) {
      continue;  // both ends were found as one stored event
    }
    KB_TRY(op.watch(store, from));
    KB_TRY(op.watch(store, to));
    auto added = store.add_link(from, l.relation, to, cite);
    if (added) {
      ++sum.links;
    } else if (added.error().code != Errc::conflict) {
      return std::move(added).error();
    }
  }
  return ok();
}

// Every id a dump refers to must be in it, so merge_dump's lookups cannot miss.
Result<void> check_references(const KbDump& dump) {
  std::map<Id, int> entities, sources, events;
  for (const auto& n : dump.entities) {
    entities[n.id] = 1;
  }
  for (const auto& s : dump.sources) {
    sources[s.id] = 1;
  }
  for (const auto& e : dump.events) {
    events[e.id] = 1;
  }
  for (const auto& e : dump.events) {
    for (const auto& p : e.participants) {
      if (entities.count(p.entity_id) == 0) {
        return fail(Errc::parse,
                    fmt::format("kb JSON: event {} names unknown entity {}", e.id, p.entity_id));
      }
    }
    for (const auto& c : e.citations) {
      if (sources.count(c.source_id) == 0) {
        return fail(Errc::parse,
                    fmt::format("kb JSON: event {} cites unknown source {}", e.id, c.source_id));
      }
    }
  }
  for (const auto& l : dump.links) {
    if (events.count(l.from) == 0 || events.count(l.to) == 0) {
      return fail(Errc::parse, fmt::format("kb JSON: link {} joins unknown events", l.id));
    }
  }
  return ok();
}

Result<void> import_kb_json(Repository& store, std::string_view content, std::string_view origin,
                            RecordImportSummary& sum, OpRecorder& op) {
  auto read = importers::read_kb_json(content);
  if (!read) {  // "kb JSON: events[3].date: ...": say which file
    return fail(read.error().code, fmt::format("{}: {}", origin, read.error().message));
  }
  const KbDump dump = std::move(read).value();
  if (auto checked = check_references(dump); !checked) {
    return fail(checked.error().code, fmt::format("{}: {}", origin, checked.error().message));
  }
  KB_ASSIGN(bool empty, store_is_empty(store));
  if (!empty) {
    return merge_dump(store, dump, origin, sum, op);
  }
  KB_TRY(restore_store(store, dump));
  for (const auto& e : dump.events) {
    op.created(e.id);
  }
  for (const auto& n : dump.entities) {
    op.created(RecordKind::entity, n.id);
  }
  for (const auto& src : dump.sources) {
    op.created(RecordKind::source, src.id);
  }
  sum.verbatim = true;
  sum.events = dump.events.size();
  sum.entities = dump.entities.size();
  sum.sources = dump.sources.size();
  sum.links = dump.links.size();
  return ok();
}

}  // namespace

std::optional<RecordFormat> sniff_record_format(std::string_view content) {
  if (importers::looks_like_kb_json(content)) {
    return RecordFormat::kb_json;
  }
  if (importers::looks_like_acled_csv(content)) {
    return RecordFormat::acled_csv;
  }
  if (importers::looks_like_analyst_csv(content)) {
    return RecordFormat::analyst_csv;
  }
  return std::nullopt;
}

Result<RecordImportSummary> import_records(Repository& store, std::string_view content,
                                           std::string_view origin, RecordFormat format,
                                           const RecordImportOptions& options) {
  RecordImportSummary sum;
  KB_ASSIGN(Transaction tx, store.transaction());
  OpRecorder op(options.user, fmt::format("import {}", origin));
  if (format == RecordFormat::kb_json) {
    KB_TRY(import_kb_json(store, content, origin, sum, op));
  } else {
    KB_TRY(import_csv(store, content, origin, format, options, sum, op));
  }
  KB_ASSIGN(sum.op, op.finish(store));
  KB_TRY(tx.commit());
  return sum;
}

}  // namespace kb::services
