// Store: the whole knowledge base as id-carrying records — the links as stored, whether it is
// empty, and a verbatim restore (ids and timestamps kept) for the kb JSON round trip and for kb
// copy. On PostgreSQL: storage/sqlite/store_dump.cpp's restore in PostgreSQL's dialect, with the
// rows of each table sent in one COPY (links() and is_empty() are in store_records.cpp).

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "kb/dump.hpp"
#include "kb/text_key.hpp"
#include "storage/postgres/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::postgres {
namespace {

namespace rows = kb::sqlite::rows;

constexpr std::string_view kLinksBetween =
    "SELECT link_id, from_event, relation, to_event, citation_id, created_at FROM link "
    "WHERE link_id BETWEEN $1 AND $2 ORDER BY link_id";
// The keys each pass of kb copy reads (CopyPass order, kCopyKeys), above $1, at most $2.
constexpr std::string_view kEntityKeys =
    "SELECT entity_id FROM entity WHERE entity_id > $1 ORDER BY entity_id LIMIT $2";
constexpr std::string_view kCountryKeys =
    "SELECT entity_id FROM entity WHERE entity_id > $1 AND country_id > entity_id "
    "ORDER BY entity_id LIMIT $2";
constexpr std::string_view kSourceKeys =
    "SELECT source_id FROM source WHERE source_id > $1 ORDER BY source_id LIMIT $2";
constexpr std::string_view kEventKeys =
    "SELECT event_id FROM event WHERE event_id > $1 ORDER BY event_id LIMIT $2";
constexpr std::string_view kMergeKeys =
    "SELECT event_id FROM event WHERE event_id > $1 AND merged_into > event_id "
    "ORDER BY event_id LIMIT $2";
constexpr std::string_view kLinkKeys =
    "SELECT link_id FROM link WHERE link_id > $1 ORDER BY link_id LIMIT $2";
constexpr std::array<std::string_view, 6> kCopyKeys = {kEntityKeys, kCountryKeys, kSourceKeys,
                                                       kEventKeys,  kMergeKeys,   kLinkKeys};
constexpr std::string_view kCopyMarker =
    "SELECT source, fingerprint, pass, last_key FROM copy_marker";
constexpr std::string_view kSetCopyMarker =
    "INSERT INTO copy_marker (one, source, fingerprint, pass, last_key) "
    "VALUES (1, $1, $2, $3, $4) ON CONFLICT (one) DO UPDATE SET source = EXCLUDED.source, "
    "fingerprint = EXCLUDED.fingerprint, pass = EXCLUDED.pass, last_key = EXCLUDED.last_key";
constexpr std::string_view kClearCopyMarker = "DELETE FROM copy_marker";
constexpr std::string_view kRaiseLastId =
    "UPDATE id_sequence SET last_id = $2 WHERE name = $1 AND last_id < $2";

// The COPY targets: each table and the columns its rows give, in order.
constexpr std::string_view kCopyEntity =
    "entity (entity_id, name, kind, description, wikidata, uuid, latitude, longitude)";
constexpr std::string_view kCopyAlias = "entity_alias (alias_key, alias, entity_id)";
constexpr std::string_view kCopySource =
    "source (source_id, url, title, publisher, original_publisher, published, published_day, "
    "retrieved, content_hash, origin, body, uuid)";
constexpr std::string_view kCopyEvent =
    "event (event_id, title, summary, first_day, last_day, precision, modifier, timex, "
    "date_text, kind, status, confidence, origin, recorded_at, updated_at, uuid, curated, "
    "fatalities, lineage, revision)";
constexpr std::string_view kCopyRole = "event_entity (event_id, entity_id, role)";
constexpr std::string_view kCopyCitation =
    "citation (citation_id, event_id, source_id, quote, quote_begin, quote_end)";
constexpr std::string_view kCopyTag = "event_tag (event_id, tag)";
constexpr std::string_view kCopyLink =
    "link (link_id, from_event, relation, to_event, citation_id, created_at)";

// Countries and merges for many records in one statement: $1 the records, $2 what they refer
// to. The *There forms leave out those whose target is not there yet (a part of a copy).
constexpr std::string_view kSetCountries =
    "UPDATE entity e SET country_id = v.country FROM unnest($1::bigint[], $2::bigint[]) "
    "AS v(id, country) WHERE e.entity_id = v.id";
constexpr std::string_view kSetCountriesThere =
    "UPDATE entity e SET country_id = v.country FROM unnest($1::bigint[], $2::bigint[]) "
    "AS v(id, country) WHERE e.entity_id = v.id "
    "AND EXISTS (SELECT 1 FROM entity c WHERE c.entity_id = v.country)";
constexpr std::string_view kSetMerges =
    "UPDATE event e SET merged_into = v.keep FROM unnest($1::bigint[], $2::bigint[]) "
    "AS v(id, keep) WHERE e.event_id = v.id";
constexpr std::string_view kSetMergesThere =
    "UPDATE event e SET merged_into = v.keep FROM unnest($1::bigint[], $2::bigint[]) "
    "AS v(id, keep) WHERE e.event_id = v.id "
    "AND EXISTS (SELECT 1 FROM event k WHERE k.event_id = v.keep)";

// Records without a permanent id (an old kb JSON export) take one from the server, which COPY
// cannot ask for: those go row by row.
constexpr std::string_view kInsertEntity =
    "INSERT INTO entity (entity_id, name, kind, description, wikidata, uuid, latitude, longitude) "
    "VALUES ($1, $2, $3, $4, $5, coalesce($6, gen_random_uuid()::text), $7, $8)";
constexpr std::string_view kInsertSource =
    "INSERT INTO source (source_id, url, title, publisher, original_publisher, published, "
    "published_day, retrieved, content_hash, origin, body, uuid) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12, gen_random_uuid()::text))";
constexpr std::string_view kInsertEvent =
    "INSERT INTO event (event_id, title, summary, first_day, last_day, precision, modifier, "
    "timex, date_text, kind, status, confidence, origin, recorded_at, updated_at, uuid, curated, "
    "fatalities, lineage, revision) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "coalesce($16, gen_random_uuid()::text), $17, $18, $19, $20)";

template <typename Record>
bool all_have_uuids(const std::vector<Record>& records) {
  return std::all_of(records.begin(), records.end(),
                     [](const Record& r) { return !r.uuid.empty(); });
}

// "{1,2,3}": ids as one bigint[] parameter.
std::string id_array(const std::vector<Id>& ids) {
  std::string out = "{";
  for (const Id id : ids) {
    if (out.size() > 1) {
      out += ',';
    }
    out += std::to_string(id);
  }
  return out + "}";
}

// Sets many countries or merges (kSetCountries...) in one statement.
Result<void> set_refs(Db& db, std::string_view sql, const std::vector<std::pair<Id, Id>>& refs) {
  if (refs.empty()) {
    return ok();
  }
  std::vector<Id> ids, targets;
  for (const auto& [id, target] : refs) {
    ids.push_back(id);
    targets.push_back(target);
  }
  Statement s = db.prepare(sql);
  s.bind(1, id_array(ids)).bind(2, id_array(targets));
  return s.run();
}

std::vector<std::pair<Id, Id>> countries_of(const std::vector<Entity>& entities) {
  std::vector<std::pair<Id, Id>> out;
  for (const auto& n : entities) {
    if (n.country_id) {
      out.emplace_back(n.id, *n.country_id);
    }
  }
  return out;
}

std::vector<std::pair<Id, Id>> merges_of(const std::vector<Event>& events) {
  std::vector<std::pair<Id, Id>> out;
  for (const auto& e : events) {
    if (e.merged_into) {
      out.emplace_back(e.id, *e.merged_into);
    }
  }
  return out;
}

Result<void> restore_entities(Db& db, const std::vector<Entity>& entities) {
  if (all_have_uuids(entities)) {
    CopyRows batch;
    for (const auto& n : entities) {
      const bool point = n.latitude && n.longitude;
      batch.add(n.id).add(n.name).add(to_string(n.kind)).add(n.description).add(n.wikidata);
      batch.add(n.uuid).add(point ? n.latitude : std::nullopt);
      batch.add(point ? n.longitude : std::nullopt);
      batch.end_row();
    }
    KB_TRY(db.copy(kCopyEntity, batch));
  } else {
    Statement insert = db.prepare(kInsertEntity);
    for (const auto& n : entities) {
      insert.reset();
      insert.bind(1, n.id).bind(2, n.name).bind(3, to_string(n.kind)).bind(4, n.description);
      insert.bind(5, n.wikidata).bind(6, rows::optional_uuid(n.uuid));
      const bool point = n.latitude && n.longitude;
      insert.bind(7, point ? n.latitude : std::nullopt).bind(8, point ? n.longitude : std::nullopt);
      KB_TRY(insert.run());
    }
  }
  // Each name once per entity (the canonical name and an alias may share a key): the first.
  CopyRows aliases;
  for (const auto& n : entities) {
    std::set<std::string> keys;
    std::vector<std::string> names{n.name};
    names.insert(names.end(), n.aliases.begin(), n.aliases.end());
    for (const auto& a : names) {
      std::string key = alias_key(a);
      if (keys.insert(key).second) {
        aliases.add(key).add(a).add(n.id);
        aliases.end_row();
      }
    }
  }
  return db.copy(kCopyAlias, aliases);
}

Result<void> restore_sources(Db& db, const std::vector<Source>& sources) {
  if (!all_have_uuids(sources)) {
    Statement s = db.prepare(kInsertSource);
    for (const auto& src : sources) {
      s.reset();
      s.bind(1, src.id).bind(2, src.url).bind(3, src.title).bind(4, src.publisher);
      s.bind(5, src.original_publisher)
          .bind(6, src.published)
          .bind(7, rows::published_day(src.published));
      s.bind(8, src.retrieved).bind(9, src.content_hash).bind(10, src.origin).bind(11, src.body);
      s.bind(12, rows::optional_uuid(src.uuid));
      KB_TRY(s.run());
    }
    return ok();
  }
  CopyRows batch;
  for (const auto& src : sources) {
    batch.add(src.id).add(src.url).add(src.title).add(src.publisher).add(src.original_publisher);
    batch.add(src.published).add(rows::published_day(src.published)).add(src.retrieved);
    batch.add(src.content_hash).add(src.origin).add(src.body).add(src.uuid);
    batch.end_row();
  }
  return db.copy(kCopySource, batch);
}

// The event's own row; its revision as given, else 1 (the triggers count from there).
Result<void> insert_event(Statement& s, const Event& e) {
  s.reset();
  s.bind(1, e.id).bind(2, e.title).bind(3, e.summary);
  s.bind(4, sqlite::to_day_number(e.date.first())).bind(5, sqlite::to_day_number(e.date.last()));
  s.bind(6, to_string(e.date.precision())).bind(7, to_string(e.date.modifier()));
  s.bind(8, e.date.timex()).bind(9, e.date_text);
  s.bind(10, to_string(e.kind)).bind(11, to_string(e.status));
  s.bind(12, e.confidence).bind(13, to_string(e.origin)).bind(14, e.recorded_at);
  s.bind(15, e.updated_at).bind(16, rows::optional_uuid(e.uuid)).bind(17, e.curated ? 1 : 0);
  s.bind(18, e.fatalities).bind(19, rows::join_lineage(e.lineage));
  s.bind(20, e.revision > 0 ? e.revision : std::int64_t{1});
  return s.run();
}

void add_event_row(CopyRows& batch, const Event& e) {
  batch.add(e.id).add(e.title).add(e.summary);
  batch.add(sqlite::to_day_number(e.date.first())).add(sqlite::to_day_number(e.date.last()));
  batch.add(to_string(e.date.precision())).add(to_string(e.date.modifier()));
  batch.add(e.date.timex()).add(e.date_text).add(to_string(e.kind)).add(to_string(e.status));
  batch.add(e.confidence).add(to_string(e.origin)).add(e.recorded_at).add(e.updated_at);
  batch.add(e.uuid).add(e.curated ? 1 : 0).add(e.fatalities).add(rows::join_lineage(e.lineage));
  batch.add(e.revision > 0 ? e.revision : std::int64_t{1});
  batch.end_row();
}

// The events' rows, then their roles, citations and tags (a role or tag given twice counts
// once, as SQLite's INSERT OR IGNORE has it).
Result<void> restore_events(Db& db, const std::vector<Event>& events) {
  if (all_have_uuids(events)) {
    CopyRows batch;
    for (const auto& e : events) {
      add_event_row(batch, e);
    }
    KB_TRY(db.copy(kCopyEvent, batch));
  } else {
    Statement insert = db.prepare(kInsertEvent);
    for (const auto& e : events) {
      auto r = insert_event(insert, e);
      if (!r) {
        return fail(Errc::invalid_argument,
                    fmt::format("event {} cannot be restored: {}", e.id, r.error().message));
      }
    }
  }
  CopyRows roles, citations, tags;
  for (const auto& e : events) {
    std::set<std::pair<Id, Role>> seen;
    for (const auto& p : e.participants) {
      if (seen.emplace(p.entity_id, p.role).second) {
        roles.add(e.id).add(p.entity_id).add(to_string(p.role));
        roles.end_row();
      }
    }
    for (const auto& c : e.citations) {
      citations.add(c.id).add(e.id).add(c.source_id).add(c.quote);
      citations.add(c.quote_begin).add(c.quote_end);
      citations.end_row();
    }
    std::set<std::string_view> tagged;
    for (const auto& t : e.tags) {
      if (tagged.insert(t).second) {
        tags.add(e.id).add(t);
        tags.end_row();
      }
    }
  }
  KB_TRY(db.copy(kCopyRole, roles));
  KB_TRY(db.copy(kCopyCitation, citations));
  return db.copy(kCopyTag, tags);
}

Result<void> restore_links(Db& db, const std::vector<DumpLink>& links) {
  CopyRows batch;
  for (const auto& l : links) {
    batch.add(l.id).add(l.from).add(to_string(l.relation)).add(l.to).add(l.citation_id);
    batch.add(l.created_at);
    batch.end_row();
  }
  return db.copy(kCopyLink, batch);
}

}  // namespace

Result<std::vector<DumpLink>> Store::links_between(Id first, Id last) {
  Statement s = db_.prepare(kLinksBetween);
  s.bind(1, first).bind(2, last);
  return s.collect([](const Statement& row) -> Result<DumpLink> {
    DumpLink l;
    l.id = row.column_int(0);
    l.from = row.column_int(1);
    KB_ASSIGN(l.relation, parse_relation(row.column_text(2)));
    l.to = row.column_int(3);
    l.citation_id = row.column_optional_int(4);
    l.created_at = row.column_text(5);
    return l;
  });
}

Result<std::vector<Id>> Store::copy_keys(CopyPass pass, Id after, std::size_t limit) {
  Statement s = db_.prepare(kCopyKeys.at(static_cast<std::size_t>(pass)));
  s.bind(1, after).bind(2, static_cast<std::int64_t>(limit));
  return s.collect([](const Statement& row) { return Id{row.column_int(0)}; });
}

Result<std::optional<CopyMarker>> Store::copy_marker() {
  Statement s = db_.prepare(kCopyMarker);
  KB_ASSIGN(const Step step, s.step());
  if (step != Step::row) {
    return std::optional<CopyMarker>();
  }
  const auto pass = parse_copy_pass(s.column_text(2));
  if (!pass) {
    return fail(Errc::storage, fmt::format("copy_marker: unknown pass '{}'", s.column_text(2)));
  }
  return std::optional<CopyMarker>(
      CopyMarker{s.column_text(0), s.column_text(1), *pass, s.column_int(3)});
}

Result<void> Store::set_copy_marker(const std::optional<CopyMarker>& marker) {
  if (!marker) {
    Statement s = db_.prepare(kClearCopyMarker);
    return s.run();
  }
  Statement s = db_.prepare(kSetCopyMarker);
  s.bind(1, marker->source).bind(2, marker->fingerprint).bind(3, to_string(marker->pass));
  s.bind(4, marker->after);
  return s.run();
}

Result<void> Store::raise_last_id(RecordKind kind, Id id) {
  Statement s = db_.prepare(kRaiseLastId);
  s.bind(1, std::string_view(kind == RecordKind::event    ? "event"
                             : kind == RecordKind::entity ? "entity"
                                                          : "source"));
  s.bind(2, id);
  return s.run();
}

Result<void> Store::restore(const KbDump& dump) {
  KB_ASSIGN(bool empty, is_empty());
  if (!empty) {
    return fail(Errc::conflict,
                "restoring a kb JSON export verbatim needs an empty knowledge base");
  }
  return write_part(dump, true);
}

Result<void> Store::restore_part(const KbDump& part) { return write_part(part, false); }

Result<void> Store::write_part(const KbDump& part, bool whole) {
  Db& db = db_;
  KB_TRY(restore_entities(db, part.entities));
  KB_TRY(set_refs(db, whole ? kSetCountries : kSetCountriesThere, countries_of(part.entities)));
  KB_TRY(restore_sources(db, part.sources));
  KB_TRY(restore_events(db, part.events));
  KB_TRY(set_refs(db, whole ? kSetMerges : kSetMergesThere, merges_of(part.events)));
  return restore_links(db, part.links);
}

Result<void> Store::restore_refs(const KbDump& part) {
  KB_TRY(set_refs(db_, kSetCountries, countries_of(part.entities)));
  return set_refs(db_, kSetMerges, merges_of(part.events));
}

}  // namespace kb::postgres
