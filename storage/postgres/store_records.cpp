// Store: entities and their aliases, sources, permanent ids and the whole-base records
// (links, emptiness) on PostgreSQL.

#include <fmt/format.h>

#include "kb/text_key.hpp"
#include "storage/postgres/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::postgres {
namespace {

namespace rows = kb::sqlite::rows;

// Local numbers come from id_sequence, as on SQLite: never given out twice.
constexpr std::string_view kInsertEntity =
    "INSERT INTO entity (entity_id, name, kind, description, wikidata, country_id, uuid, "
    "import_id, latitude, longitude) VALUES ((SELECT last_id + 1 FROM id_sequence WHERE name = "
    "'entity'), $1, $2, $3, $4, $5, coalesce($6, gen_random_uuid()::text), $7, $8, $9) "
    "RETURNING entity_id";
constexpr std::string_view kSetPoint =
    "UPDATE entity SET latitude = $2, longitude = $3 WHERE entity_id = $1";
constexpr std::string_view kInsertAlias =
    "INSERT INTO entity_alias (alias_key, alias, entity_id) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kSameName =
    "SELECT entity_id FROM entity WHERE kind = $1 AND entity_id IN "
    "(SELECT entity_id FROM entity_alias WHERE alias_key = $2) AND "
    "lower(name) = lower($3::ctext)";
constexpr std::string_view kLookup =
    "SELECT DISTINCT entity_id FROM entity_alias WHERE alias_key = $1 ORDER BY entity_id";
constexpr std::string_view kEntity =
    "SELECT entity_id, name, kind, description, wikidata, country_id, uuid, import_id, latitude, "
    "longitude FROM entity WHERE entity_id = $1";
constexpr std::string_view kAliases =
    "SELECT alias FROM entity_alias WHERE entity_id = $1 ORDER BY alias";
// lower() of a "C"-collated text folds ASCII only, as SQLite's NOCASE does.
constexpr std::string_view kEntities =
    "SELECT entity_id FROM entity WHERE $1::ctext IS NULL OR kind = $1 ORDER BY lower(name), "
    "entity_id";
constexpr std::string_view kEventCount =
    "SELECT count(DISTINCT event_id) FROM event_entity WHERE entity_id = $1";
constexpr std::string_view kMergeRolesDedupe =
    "DELETE FROM event_entity WHERE entity_id = $2 AND EXISTS (SELECT 1 FROM event_entity k "
    "WHERE k.entity_id = $1 AND k.event_id = event_entity.event_id AND k.role = "
    "event_entity.role)";
constexpr std::string_view kMergeRolesMove =
    "UPDATE event_entity SET entity_id = $1 WHERE entity_id = $2";
constexpr std::string_view kMergeAliases =
    "INSERT INTO entity_alias (alias_key, alias, entity_id) "
    "SELECT alias_key, alias, $1 FROM entity_alias WHERE entity_id = $2 ON CONFLICT DO NOTHING";
constexpr std::string_view kMergePlaces = "UPDATE entity SET country_id = $1 WHERE country_id = $2";
constexpr std::string_view kDeleteEntity = "DELETE FROM entity WHERE entity_id = $1";
constexpr std::string_view kEntityRoles =
    "SELECT event_id, role FROM event_entity WHERE entity_id = $1 ORDER BY event_id";
constexpr std::string_view kLyingIn =
    "SELECT entity_id FROM entity WHERE country_id = $1 ORDER BY entity_id";

constexpr std::string_view kInsertSource =
    "INSERT INTO source (source_id, url, title, publisher, original_publisher, published, "
    "published_day, retrieved, content_hash, origin, body, import_id, uuid) "
    "VALUES ((SELECT last_id + 1 FROM id_sequence WHERE name = 'source'), $1, $2, $3, $4, $5, "
    "$6, $7, $8, $9, $10, $11, coalesce($12, gen_random_uuid()::text)) RETURNING source_id";
constexpr std::string_view kByHash = "SELECT source_id FROM source WHERE content_hash = $1";
constexpr std::string_view kByUrl =
    "SELECT source_id FROM source WHERE url = $1 ORDER BY source_id DESC LIMIT 1";
constexpr std::string_view kSource =
    "SELECT source_id, url, title, publisher, original_publisher, published, retrieved, "
    "content_hash, origin, CASE WHEN $2::boolean THEN body ELSE '' END, import_id, uuid "
    "FROM source WHERE source_id = $1";
constexpr std::string_view kSources =
    "SELECT s.source_id, (SELECT count(DISTINCT c.event_id) FROM citation c "
    "WHERE c.source_id = s.source_id) FROM source s ORDER BY s.source_id";
constexpr std::string_view kEventsCiting =
    "SELECT DISTINCT event_id FROM citation WHERE source_id = $1 ORDER BY event_id";

// The prefix is hex digits and dashes only (kb::uuid_prefix), so it holds no LIKE syntax; a
// "C"-collated LIKE prefix is case-sensitive, as SQLite's GLOB.
constexpr std::string_view kEventsByUuid =
    "SELECT event_id FROM event WHERE uuid LIKE $1 || '%' ORDER BY event_id LIMIT $2";
constexpr std::string_view kEntitiesByUuid =
    "SELECT entity_id FROM entity WHERE uuid LIKE $1 || '%' ORDER BY entity_id LIMIT $2";
constexpr std::string_view kSourcesByUuid =
    "SELECT source_id FROM source WHERE uuid LIKE $1 || '%' ORDER BY source_id LIMIT $2";
constexpr std::string_view kMarkCurated =
    "UPDATE event SET curated = 1, updated_at = $2 WHERE event_id = $1";
constexpr std::string_view kLastId = "SELECT last_id FROM id_sequence WHERE name = $1";
constexpr std::string_view kChangedSince =
    "SELECT event_id FROM event WHERE updated_at >= $1 "
    "UNION SELECT oe.event_id FROM op_event oe JOIN op o ON o.op_id = oe.op_id "
    "JOIN event e ON e.event_id = oe.event_id WHERE CASE WHEN $2::bigint IS NULL THEN "
    "o.at >= $1::ctext ELSE o.op_id >= $2 END "
    "ORDER BY 1";
constexpr std::string_view kOpTime = "SELECT at FROM op WHERE op_id = $1";
constexpr std::string_view kRemoveUnusedEntity =
    "DELETE FROM entity WHERE entity_id = $1 "
    "AND NOT EXISTS (SELECT 1 FROM event_entity WHERE entity_id = $1) "
    "AND NOT EXISTS (SELECT 1 FROM entity WHERE country_id = $1)";
constexpr std::string_view kRemoveUnusedSource =
    "DELETE FROM source WHERE source_id = $1 "
    "AND NOT EXISTS (SELECT 1 FROM citation WHERE source_id = $1) "
    "AND NOT EXISTS (SELECT 1 FROM extraction_citation WHERE source_id = $1) "
    "AND NOT EXISTS (SELECT 1 FROM extraction_role WHERE source_id = $1) "
    "AND NOT EXISTS (SELECT 1 FROM event_date_history WHERE source_id = $1)";
constexpr std::string_view kLinks =
    "SELECT link_id, from_event, relation, to_event, citation_id, created_at FROM link "
    "ORDER BY link_id";
constexpr std::string_view kCounts =
    "SELECT (SELECT count(*) FROM event) + (SELECT count(*) FROM entity) + "
    "(SELECT count(*) FROM source)";

// The events only import $1 supports (rows::kOnlyImportSupports, with $1 for SQLite's ?1),
// curated ones only.
std::string curated_of_import() {
  std::string only(rows::kOnlyImportSupports);
  for (auto at = only.find("?1"); at != std::string::npos; at = only.find("?1", at)) {
    only.replace(at, 2, "$1");
  }
  return fmt::format(
      "SELECT event_id, uuid, title FROM event WHERE curated = 1 AND {} ORDER BY event_id", only);
}

Result<std::optional<Id>> find_one(Db& db, std::string_view sql, std::string_view value) {
  Statement s = db.prepare(sql);
  s.bind(1, value);
  KB_ASSIGN(Step step, s.step());
  if (step == Step::done) {
    return std::optional<Id>{};
  }
  return std::optional<Id>{s.column_int(0)};
}

// One source; its body only when `with_body`.
Result<Source> read_source(Db& db, Id id, bool with_body) {
  Statement s = db.prepare(kSource);
  s.bind(1, id).bind(2, with_body ? 1 : 0);
  KB_ASSIGN(Step step, s.step());
  if (step != Step::row) {
    return fail(Errc::not_found, fmt::format("no source with id {}", id));
  }
  Source src;
  src.id = s.column_int(0);
  src.url = s.column_optional_text(1);
  src.title = s.column_text(2);
  src.publisher = s.column_optional_text(3);
  src.original_publisher = s.column_optional_text(4);
  src.published = s.column_optional_text(5);
  src.retrieved = s.column_text(6);
  src.content_hash = s.column_text(7);
  src.origin = s.column_optional_text(8);
  src.body = s.column_text(9);
  src.import_id = s.column_optional_int(10);
  src.uuid = s.column_text(11);
  return src;
}

Result<std::vector<Id>> ids_of(Db& db, std::string_view sql, Id id) {
  Statement s = db.prepare(sql);
  s.bind(1, id);
  return s.collect([](const Statement& row) { return row.column_int(0); });
}

}  // namespace

// --- entities ---

Result<Id> Store::add_entity(const Entity& e) {
  const std::string key = alias_key(e.name);
  if (key.empty()) {
    return fail(Errc::invalid_argument, "an entity needs a name");
  }
  Statement same = db_.prepare(kSameName);
  same.bind(1, to_string(e.kind)).bind(2, key).bind(3, e.name);
  KB_ASSIGN(Step found, same.step());
  if (found == Step::row) {
    return fail(Errc::conflict, fmt::format("a {} named '{}' already exists (id {})",
                                            to_string(e.kind), e.name, same.column_int(0)));
  }
  Statement insert = db_.prepare(kInsertEntity);
  insert.bind(1, e.name).bind(2, to_string(e.kind)).bind(3, e.description);
  insert.bind(4, e.wikidata).bind(5, e.country_id).bind(6, rows::optional_uuid(e.uuid));
  insert.bind(7, e.import_id);
  const bool point = e.latitude && e.longitude;
  insert.bind(8, point ? e.latitude : std::nullopt).bind(9, point ? e.longitude : std::nullopt);
  KB_TRY(insert.step());
  const Id id = insert.column_int(0);
  KB_TRY(add_alias(id, e.name));
  for (const auto& alias : e.aliases) {
    KB_TRY(add_alias(id, alias));
  }
  return id;
}

Result<void> Store::set_point(Id id, double latitude, double longitude) {
  if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
    return fail(Errc::invalid_argument,
                fmt::format("coordinates {}, {} are not a point on Earth", latitude, longitude));
  }
  Statement s = db_.prepare(kSetPoint);
  s.bind(1, id).bind(2, latitude).bind(3, longitude);
  KB_TRY(s.run());
  if (db_.changes() == 0) {
    return fail(Errc::not_found, fmt::format("no entity with id {}", id));
  }
  return ok();
}

Result<void> Store::add_alias(Id id, std::string_view alias) {
  const std::string key = alias_key(alias);
  if (key.empty()) {
    return fail(Errc::invalid_argument, "an alias cannot be empty");
  }
  KB_ASSIGN(Entity existing, entity(id));
  (void)existing;
  Statement insert = db_.prepare(kInsertAlias);
  insert.bind(1, key).bind(2, alias).bind(3, id);
  return insert.run();
}

Result<std::vector<Entity>> Store::lookup_entities(std::string_view name) {
  Statement lookup = db_.prepare(kLookup);
  lookup.bind(1, alias_key(name));
  KB_ASSIGN(const auto ids, lookup.collect([](const Statement& row) { return row.column_int(0); }));
  std::vector<Entity> out;
  for (Id id : ids) {
    KB_ASSIGN(Entity e, entity(id));
    out.push_back(std::move(e));
  }
  return out;
}

Result<Entity> Store::entity(Id id) {
  Statement s = db_.prepare(kEntity);
  s.bind(1, id);
  KB_ASSIGN(Step step, s.step());
  if (step != Step::row) {
    return fail(Errc::not_found, fmt::format("no entity with id {}", id));
  }
  Entity e;
  e.id = s.column_int(0);
  e.name = s.column_text(1);
  KB_ASSIGN(e.kind, parse_entity_kind(s.column_text(2)));
  e.description = s.column_text(3);
  e.wikidata = s.column_optional_text(4);
  e.country_id = s.column_optional_int(5);
  e.uuid = s.column_text(6);
  e.import_id = s.column_optional_int(7);
  if (!s.column_is_null(8) && !s.column_is_null(9)) {
    e.latitude = s.column_double(8);
    e.longitude = s.column_double(9);
  }
  Statement aliases = db_.prepare(kAliases);
  aliases.bind(1, id);
  KB_ASSIGN(auto names, aliases.collect([](const Statement& row) { return row.column_text(0); }));
  for (auto& alias : names) {
    if (alias != e.name) {
      e.aliases.push_back(std::move(alias));
    }
  }
  return e;
}

Result<std::vector<Entity>> Store::entities(std::optional<EntityKind> kind) {
  Statement s = db_.prepare(kEntities);
  if (kind) {
    s.bind(1, to_string(*kind));
  } else {
    s.bind_null(1);
  }
  KB_ASSIGN(const auto ids, s.collect([](const Statement& row) { return row.column_int(0); }));
  std::vector<Entity> out;
  out.reserve(ids.size());
  for (Id id : ids) {
    KB_ASSIGN(Entity e, entity(id));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::int64_t> Store::event_count(Id entity_id) {
  Statement s = db_.prepare(kEventCount);
  s.bind(1, entity_id);
  KB_TRY(s.step());
  return s.column_int(0);
}

Result<void> Store::merge_entities(Id keep, Id drop) {
  if (keep == drop) {
    return fail(Errc::invalid_argument, "cannot merge an entity into itself");
  }
  KB_ASSIGN(Entity kept, entity(keep));
  KB_ASSIGN(Entity dropped, entity(drop));
  (void)kept;
  for (std::string_view sql : {kMergeAliases, kMergePlaces, kMergeRolesDedupe, kMergeRolesMove}) {
    Statement s = db_.prepare(sql);
    s.bind(1, keep).bind(2, drop);
    KB_TRY(s.run());
  }
  Statement del = db_.prepare(kDeleteEntity);
  del.bind(1, drop);
  KB_TRY(del.run());
  return add_alias(keep, dropped.name);
}

Result<std::map<Id, std::vector<Role>>> Store::roles_of_entity(Id entity_id) {
  Statement s = db_.prepare(kEntityRoles);
  s.bind(1, entity_id);
  KB_ASSIGN(const auto found, s.collect([](const Statement& row) -> Result<std::pair<Id, Role>> {
    KB_ASSIGN(const Role role, parse_role(row.column_text(1)));
    return std::make_pair(row.column_int(0), role);
  }));
  std::map<Id, std::vector<Role>> out;
  for (const auto& [event_id, role] : found) {
    out[event_id].push_back(role);
  }
  return out;
}

Result<std::vector<Id>> Store::lying_in(Id id) { return ids_of(db_, kLyingIn, id); }

// --- sources ---

Result<Id> Store::add_source(const Source& src) {
  if (src.content_hash.empty()) {
    return fail(Errc::invalid_argument, "a source needs a content hash");
  }
  Statement s = db_.prepare(kInsertSource);
  s.bind(1, src.url).bind(2, src.title).bind(3, src.publisher).bind(4, src.original_publisher);
  s.bind(5, src.published).bind(6, rows::published_day(src.published));
  s.bind(7, src.retrieved.empty() ? now_iso() : src.retrieved);
  s.bind(8, src.content_hash).bind(9, src.origin).bind(10, src.body).bind(11, src.import_id);
  s.bind(12, rows::optional_uuid(src.uuid));
  KB_TRY(s.step());
  return s.column_int(0);
}

Result<std::optional<Id>> Store::find_source_by_hash(std::string_view hash) {
  return find_one(db_, kByHash, hash);
}

Result<std::optional<Id>> Store::find_source_by_url(std::string_view url) {
  return find_one(db_, kByUrl, url);
}

Result<Id> Store::source_for_url(std::string_view url) {
  KB_ASSIGN(auto existing, find_source_by_url(url));
  if (existing) {
    return *existing;
  }
  Source s;
  s.url = std::string(url);
  s.content_hash = fmt::format("url:{}", url);
  return add_source(s);
}

Result<Source> Store::source(Id id) { return read_source(db_, id, true); }

Result<std::vector<SourceSummary>> Store::sources(bool with_text) {
  Statement s = db_.prepare(kSources);
  KB_ASSIGN(const auto ids, s.collect([](const Statement& row) {
    return std::make_pair(row.column_int(0), row.column_int(1));
  }));
  std::vector<SourceSummary> out;
  out.reserve(ids.size());
  for (const auto& [id, events] : ids) {
    KB_ASSIGN(Source src, read_source(db_, id, with_text));
    out.push_back(SourceSummary{std::move(src), events});
  }
  return out;
}

Result<std::vector<Id>> Store::events_citing(Id source_id) {
  return ids_of(db_, kEventsCiting, source_id);
}

// --- identity ---

Result<std::vector<Id>> Store::ids_by_uuid(RecordKind kind, std::string_view prefix,
                                           std::size_t limit) {
  const std::string_view sql = kind == RecordKind::event    ? kEventsByUuid
                               : kind == RecordKind::entity ? kEntitiesByUuid
                                                            : kSourcesByUuid;
  Statement s = db_.prepare(sql);
  s.bind(1, prefix).bind(2, static_cast<std::int64_t>(limit));
  return s.collect([](const Statement& row) { return row.column_int(0); });
}

Result<void> Store::mark_curated(Id event_id) {
  Statement s = db_.prepare(kMarkCurated);
  s.bind(1, event_id).bind(2, now_iso());
  KB_TRY(s.run());
  if (db_.changes() == 0) {
    return fail(Errc::not_found, fmt::format("no event with id {}", event_id));
  }
  return ok();
}

Result<Id> Store::last_id(RecordKind kind) {
  Statement s = db_.prepare(kLastId);
  s.bind(1, std::string_view(kind == RecordKind::event    ? "event"
                             : kind == RecordKind::entity ? "entity"
                                                          : "source"));
  KB_ASSIGN(const Step step, s.step());
  return step == Step::row ? s.column_int(0) : Id{0};
}

Result<std::vector<Id>> Store::events_changed_since(const ChangesSince& since) {
  std::string at = since.at.value_or("");
  std::optional<Id> first_op;
  if (since.op) {
    Statement t = db_.prepare(kOpTime);
    t.bind(1, *since.op);
    KB_ASSIGN(const Step step, t.step());
    if (step != Step::row) {
      return fail(Errc::not_found, fmt::format("no operation {} in the log", *since.op));
    }
    at = t.column_text(0);
    first_op = *since.op;
  }
  if (at.empty()) {
    return fail(Errc::invalid_argument, "changes since when? (a time or an operation)");
  }
  Statement s = db_.prepare(kChangedSince);
  s.bind(1, at).bind(2, first_op);
  return s.collect([](const Statement& row) { return row.column_int(0); });
}

Result<bool> Store::remove_unused(RecordKind kind, Id id) {
  if (kind == RecordKind::event) {
    return fail(Errc::invalid_argument, "remove_unused: events are removed with remove_event");
  }
  Statement s = db_.prepare(kind == RecordKind::entity ? kRemoveUnusedEntity : kRemoveUnusedSource);
  s.bind(1, id);
  KB_TRY(s.run());
  return db_.changes() > 0;
}

Result<std::vector<CuratedEvent>> Store::curated_events_of_import(Id import_id) {
  Statement s = db_.prepare(curated_of_import());
  s.bind(1, import_id);
  return s.collect([](const Statement& row) {
    return CuratedEvent{row.column_int(0), row.column_text(1), row.column_text(2)};
  });
}

// --- whole-base records ---

Result<std::vector<DumpLink>> Store::links() {
  Statement s = db_.prepare(kLinks);
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

Result<bool> Store::is_empty() {
  Statement s = db_.prepare(kCounts);
  KB_TRY(s.step());
  return s.column_int(0) == 0;
}

}  // namespace kb::postgres
