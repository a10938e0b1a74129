// Internal to the store_*.cpp files: the column list every event read selects, and the
// function that turns such a row into an Event. Not part of kb's public surface.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kb/model.hpp"
#include "storage/sqlite/sqlite.hpp"
#include "storage/sqlite/store.hpp"

namespace kb::sqlite::rows {

// The imported events that only import ?1 supports: every citation comes from its sources, or it
// created them and nothing cites them any more (an undo removes them; curated ones it lists).
inline constexpr std::string_view kOnlyImportSupports =
    "origin = 'imported' AND ("
    "  (event_id IN (SELECT c.event_id FROM citation c JOIN source s ON s.source_id = c.source_id"
    "                WHERE s.import_id = ?1)"
    "   AND NOT EXISTS (SELECT 1 FROM citation c JOIN source s ON s.source_id = c.source_id"
    "                   WHERE c.event_id = event.event_id"
    "                     AND (s.import_id IS NULL OR s.import_id <> ?1)))"
    "  OR (import_id = ?1 AND NOT EXISTS (SELECT 1 FROM citation c"
    "                                     WHERE c.event_id = event.event_id)))";

// Selected as `SELECT <kEventColumns> FROM event e ...`; read_event() expects this order.
constexpr std::string_view kEventColumns =
    "e.event_id, e.title, e.summary, e.first_day, e.last_day, e.precision, e.modifier, e.timex, "
    "e.date_text, e.kind, e.status, e.confidence, e.origin, e.recorded_at, e.updated_at, "
    "e.import_id, e.merged_into, e.uuid, e.curated, e.fatalities, e.lineage, e.revision";

// A permanent id to bind: NULL (the store makes one) when `uuid` is empty.
// The day of an ISO 8601 date or date-time (source.published_day), if it starts with one.
inline std::optional<std::int64_t> published_day(const std::optional<std::string>& published) {
  if (!published || published->size() < 10) {
    return std::nullopt;
  }
  const auto parsed = FuzzyDate::from_timex(published->substr(0, 10));
  if (!parsed || parsed->precision() != Precision::day) {
    return std::nullopt;
  }
  return to_day_number(parsed->first());
}

inline std::optional<std::string> optional_uuid(const std::string& uuid) {
  return uuid.empty() ? std::nullopt : std::optional<std::string>(uuid);
}

// The Event of the current row (without participants, citations, links, tags).
Result<Event> read_event(const Statement& s);
// The DumpLink of a row selected as `link_id, from_event, relation, to_event, citation_id,
// created_at`. Error (storage) for a relation the model does not know.
Result<DumpLink> read_link(const Statement& s);
// event.lineage (schema 0014) as its keys, and back.
std::vector<std::string> split_lineage(std::string_view text);
std::string join_lineage(const std::vector<std::string>& keys);

// A stored date back as a FuzzyDate: from the TIMEX3 value and modifier, or from the interval
// when the value does not parse.
Result<FuzzyDate> restore_date(std::string_view timex, std::string_view modifier,
                               std::int64_t first, std::int64_t last, std::string_view precision);

}  // namespace kb::sqlite::rows
