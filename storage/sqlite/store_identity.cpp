// Store: permanent ids (looking records up by a UUID or a prefix of one) and the curated mark.

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
constexpr std::string_view kMarkCurated = "UPDATE event SET curated = 1 WHERE event_id = ?1";
// The events only an import supports (rows::kOnlyImportSupports), curated ones only.
const std::string kCuratedOfImport = fmt::format(
    "SELECT event_id, uuid, title FROM event WHERE curated = 1 AND {} ORDER BY event_id",
    rows::kOnlyImportSupports);

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
  s.bind(1, event_id);
  KB_TRY(s.run());
  if (db_.changes() == 0) {
    return fail(Errc::not_found, fmt::format("no event with id {}", event_id));
  }
  return ok();
}

Result<std::vector<CuratedEvent>> Store::curated_events_of_import(Id import_id) {
  KB_ASSIGN(Statement s, db_.prepare(kCuratedOfImport));
  s.bind(1, import_id);
  return s.collect([](const Statement& row) {
    return CuratedEvent{row.column_int(0), row.column_text(1), row.column_text(2)};
  });
}

}  // namespace kb::sqlite
