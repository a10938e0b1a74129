// Store: entities and their aliases (case- and accent-insensitive through alias_key()).

#include <fmt/format.h>

#include "kb/text_key.hpp"
#include "storage/sqlite/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::sqlite {
namespace {

constexpr std::string_view kInsertEntity =
    "INSERT INTO entity (entity_id, name, kind, description, wikidata, country_id, uuid, "
    "import_id, latitude, longitude) VALUES ((SELECT last_id + 1 FROM id_sequence WHERE name = "
    "'entity'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr std::string_view kSetPoint =
    "UPDATE entity SET latitude = ?2, longitude = ?3 WHERE entity_id = ?1";
constexpr std::string_view kInsertAlias =
    "INSERT OR IGNORE INTO entity_alias (alias_key, alias, entity_id) VALUES (?1, ?2, ?3)";
constexpr std::string_view kSameName =
    "SELECT entity_id FROM entity WHERE kind = ?1 AND entity_id IN "
    "(SELECT entity_id FROM entity_alias WHERE alias_key = ?2) AND "
    "lower(name) = lower(?3)";
constexpr std::string_view kLookup =
    "SELECT DISTINCT entity_id FROM entity_alias WHERE alias_key = ?1 ORDER BY entity_id";
constexpr std::string_view kEntity =
    "SELECT entity_id, name, kind, description, wikidata, country_id, uuid, import_id, latitude, "
    "longitude FROM entity WHERE entity_id = ?1";
constexpr std::string_view kAliases =
    "SELECT alias FROM entity_alias WHERE entity_id = ?1 ORDER BY alias";
constexpr std::string_view kEntities =
    "SELECT entity_id FROM entity WHERE ?1 IS NULL OR kind = ?1 ORDER BY name COLLATE NOCASE, "
    "entity_id";
constexpr std::string_view kEventCount =
    "SELECT count(DISTINCT event_id) FROM event_entity WHERE entity_id = ?1";
// Merging: roles that would collide with the kept entity's are dropped first.
constexpr std::string_view kMergeRolesDedupe =
    "DELETE FROM event_entity WHERE entity_id = ?2 AND EXISTS (SELECT 1 FROM event_entity k "
    "WHERE k.entity_id = ?1 AND k.event_id = event_entity.event_id AND k.role = "
    "event_entity.role)";
constexpr std::string_view kMergeRolesMove =
    "UPDATE event_entity SET entity_id = ?1 WHERE entity_id = ?2";
constexpr std::string_view kMergeAliases =
    "INSERT OR IGNORE INTO entity_alias (alias_key, alias, entity_id) "
    "SELECT alias_key, alias, ?1 FROM entity_alias WHERE entity_id = ?2";
constexpr std::string_view kMergePlaces = "UPDATE entity SET country_id = ?1 WHERE country_id = ?2";
constexpr std::string_view kDeleteEntity = "DELETE FROM entity WHERE entity_id = ?1";

}  // namespace

Result<Id> Store::add_entity(const Entity& e) {
  const std::string key = alias_key(e.name);
  if (key.empty()) {
    return fail(Errc::invalid_argument, "an entity needs a name");
  }
  KB_ASSIGN(Statement same, db_.prepare(kSameName));
  same.bind(1, to_string(e.kind)).bind(2, key).bind(3, e.name);
  KB_ASSIGN(Step found, same.step());
  if (found == Step::row) {
    return fail(Errc::conflict, fmt::format("a {} named '{}' already exists (id {})",
                                            to_string(e.kind), e.name, same.column_int(0)));
  }
  KB_ASSIGN(Statement insert, db_.prepare(kInsertEntity));
  insert.bind(1, e.name).bind(2, to_string(e.kind)).bind(3, e.description);
  insert.bind(4, e.wikidata).bind(5, e.country_id).bind(6, rows::optional_uuid(e.uuid));
  insert.bind(7, e.import_id);
  const bool point = e.latitude && e.longitude;
  insert.bind(8, point ? e.latitude : std::nullopt).bind(9, point ? e.longitude : std::nullopt);
  KB_TRY(insert.run());
  const Id id = db_.last_insert_id();
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
  KB_ASSIGN(Statement s, db_.prepare(kSetPoint));
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
  KB_ASSIGN(Statement insert, db_.prepare(kInsertAlias));
  insert.bind(1, key).bind(2, alias).bind(3, id);
  return insert.run();
}

Result<std::vector<Entity>> Store::lookup_entities(std::string_view name) {
  KB_ASSIGN(Statement lookup, db_.prepare(kLookup));
  lookup.bind(1, alias_key(name));
  std::vector<Id> ids;
  for (;;) {
    KB_ASSIGN(Step s, lookup.step());
    if (s == Step::done) {
      break;
    }
    ids.push_back(lookup.column_int(0));
  }
  std::vector<Entity> out;
  for (Id id : ids) {
    KB_ASSIGN(Entity e, entity(id));
    out.push_back(std::move(e));
  }
  return out;
}

Result<Entity> Store::entity(Id id) {
  KB_ASSIGN(Statement s, db_.prepare(kEntity));
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
  KB_ASSIGN(Statement aliases, db_.prepare(kAliases));
  aliases.bind(1, id);
  for (;;) {
    KB_ASSIGN(Step a, aliases.step());
    if (a == Step::done) {
      break;
    }
    std::string alias = aliases.column_text(0);
    if (alias != e.name) {
      e.aliases.push_back(std::move(alias));
    }
  }
  return e;
}

Result<std::vector<Entity>> Store::entities(std::optional<EntityKind> kind) {
  KB_ASSIGN(Statement s, db_.prepare(kEntities));
  if (kind) {
    s.bind(1, to_string(*kind));
  } else {
    s.bind_null(1);
  }
  std::vector<Id> ids;
  for (;;) {
    KB_ASSIGN(Step step, s.step());
    if (step == Step::done) {
      break;
    }
    ids.push_back(s.column_int(0));
  }
  std::vector<Entity> out;
  out.reserve(ids.size());
  for (Id id : ids) {
    KB_ASSIGN(Entity e, entity(id));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::int64_t> Store::event_count(Id entity_id) {
  KB_ASSIGN(Statement s, db_.prepare(kEventCount));
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
    KB_ASSIGN(Statement s, db_.prepare(sql));
    s.bind(1, keep).bind(2, drop);
    KB_TRY(s.run());
  }
  KB_ASSIGN(Statement del, db_.prepare(kDeleteEntity));
  del.bind(1, drop);
  KB_TRY(del.run());
  return add_alias(keep, dropped.name);
}

}  // namespace kb::sqlite
