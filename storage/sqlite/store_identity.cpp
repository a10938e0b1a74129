// Store: permanent ids (looking records up by a UUID or a prefix of one) and the curated mark.

#include <optional>

#include <fmt/format.h>

#include "storage/sqlite/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::sqlite {
namespace {

// GLOB, not LIKE: case-sensitive, so the unique uuid indexes serve the prefix. The prefix is
// hex digits and dashes only (kb::uuid_prefix), so it holds no GLOB syntax.
constexpr std::string_view kEventsByUuid =
    "SELECT event_id FROM event WHERE uuid GLOB ?1 || '*' ORDER BY event_id LIMIT ?2";
constexpr std::string_view kEntitiesByUuid =
    "SELECT entity_id FROM entity WHERE uuid GLOB ?1 || '*' ORDER BY entity_id LIMIT ?2";
constexpr std::string_view kSourcesByUuid =
    "SELECT source_id FROM source WHERE uuid GLOB ?1 || '*' ORDER BY source_id LIMIT ?2";
constexpr std::string_view kMarkCurated =
    "UPDATE event SET curated = 1, updated_at = ?2 WHERE event_id = ?1";
// Events stamped at or after ?1 (imports and extraction are not operations of their own), and
// those changed by an operation at or after ?1 or, given ?2, by operation ?2 and those after it
// (?1 is then that operation's time: an event stamped in that same second comes too).
constexpr std::string_view kChangedSince =
    "SELECT event_id FROM event WHERE updated_at >= ?1 "
    "UNION SELECT oe.event_id FROM op_event oe JOIN op o ON o.op_id = oe.op_id "
    "JOIN event e ON e.event_id = oe.event_id WHERE CASE WHEN ?2 IS NULL THEN o.at >= ?1 "
    "ELSE o.op_id >= ?2 END "
    "ORDER BY 1";
constexpr std::string_view kLastId = "SELECT last_id FROM id_sequence WHERE name = ?1";
constexpr std::string_view kOpTime = "SELECT at FROM op WHERE op_id = ?1";
constexpr std::string_view kRemoveUnusedEntity =
    "DELETE FROM entity WHERE entity_id = ?1 "
    "AND NOT EXISTS (SELECT 1 FROM event_entity WHERE entity_id = ?1) "
    "AND NOT EXISTS (SELECT 1 FROM entity WHERE country_id = ?1)";
constexpr std::string_view kRemoveUnusedSource =
    "DELETE FROM source WHERE source_id = ?1 "
    "AND NOT EXISTS (SELECT 1 FROM citation WHERE source_id = ?1) "
    "AND NOT EXISTS (SELECT 1 FROM extraction_citation WHERE source_id = ?1) "
    "AND NOT EXISTS (SELECT 1 FROM extraction_role WHERE source_id = ?1) "
    "AND NOT EXISTS (SELECT 1 FROM event_date_history WHERE source_id = ?1)";
// The events only an import supports (rows::kOnlyImportSupports), curated ones only. Built on
// first use, so that no exception can escape a static initializer (cert-err58).
const std::string& curated_of_import() {
  static const std::string sql = fmt::format(
      "SELECT event_id, uuid, title FROM event WHERE curated = 1 AND {} ORDER BY event_id",
      rows::kOnlyImportSupports);
  return sql;
}

}  // namespace

Result<std::vector<Id>> Store::ids_by_uuid(RecordKind kind, std::string_view prefix,
                                           std::size_t limit) {
  const std::string_view sql = kind == RecordKind::event    ? kEventsByUuid
                               : kind == RecordKind::entity ? kEntitiesByUuid
                                                            : kSourcesByUuid;
  KB_ASSIGN(Statement s, db_.prepare(sql));
  s.bind(1, prefix).bind(2, static_cast<std::int64_t>(limit));
  return s.collect([](const Statement& row) { return row.column_int(0); });
}

Result<void> Store::mark_curated(Id event_id) {
  KB_ASSIGN(Statement s, db_.prepare(kMarkCurated));
  s.bind(1, event_id).bind(2, now_iso());
  KB_TRY(s.run());
  if (db_.changes() == 0) {
    return fail(Errc::not_found, fmt::format("no event with id {}", event_id));
  }
  return ok();
}

Result<Id> Store::last_id(RecordKind kind) {
  KB_ASSIGN(Statement s, db_.prepare(kLastId));
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
    KB_ASSIGN(Statement t, db_.prepare(kOpTime));
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
  KB_ASSIGN(Statement s, db_.prepare(kChangedSince));
  s.bind(1, at).bind(2, first_op);
  return s.collect([](const Statement& row) { return row.column_int(0); });
}

Result<bool> Store::remove_unused(RecordKind kind, Id id) {
  if (kind == RecordKind::event) {
    return fail(Errc::invalid_argument, "remove_unused: events are removed with remove_event");
  }
  KB_ASSIGN(Statement s,
            db_.prepare(kind == RecordKind::entity ? kRemoveUnusedEntity : kRemoveUnusedSource));
  s.bind(1, id);
  KB_TRY(s.run());
  return db_.changes() > 0;
}

Result<std::vector<CuratedEvent>> Store::curated_events_of_import(Id import_id) {
  KB_ASSIGN(Statement s, db_.prepare(curated_of_import()));
  s.bind(1, import_id);
  return s.collect([](const Statement& row) {
    return CuratedEvent{row.column_int(0), row.column_text(1), row.column_text(2)};
  });
}

}  // namespace kb::sqlite
