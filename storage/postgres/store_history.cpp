// Store: the bookkeeping of event extraction — merge candidates, roles added to merged events,
// which citations an extraction made, and the history of date refinements and disputes — so
// that `kb extract` can redo and `kb import --undo` can undo an extraction. On PostgreSQL:
// storage/sqlite/store_history.cpp's statements in PostgreSQL's dialect (an array parameter for
// json_each, lower() = lower() of "C"-collated text for COLLATE NOCASE, ON CONFLICT DO NOTHING
// for OR IGNORE, a history number one past the highest as SQLite's rowid).

#include <string>

#include "storage/postgres/store.hpp"
#include "storage/sqlite/store.hpp"

namespace kb::postgres {
namespace {

// Events of kind $1 overlapping [$2, $3] (starting at most 400 days before $2: longer events match
// by title only) in which one of the entities in the array $4 takes part in a role other than
// mentioned.
constexpr std::string_view kCandidatesByEntity =
    "SELECT DISTINCT e.event_id, e.title, e.kind, e.first_day, e.last_day, e.concept, "
    "e.date_text FROM event e "
    "JOIN event_entity ee ON ee.event_id = e.event_id "
    "WHERE e.kind = $1 AND e.first_day BETWEEN $2::bigint - 400 AND $3::bigint "
    "AND e.last_day >= $2 AND ee.role <> 'mentioned' AND ee.entity_id = ANY ($4::bigint[])";
// Events of `kind` with the same title near [$3, $4] (the window where dates can conflict).
constexpr std::string_view kCandidatesByTitle =
    "SELECT event_id, title, kind, first_day, last_day, concept, date_text FROM event "
    "WHERE kind = $1 AND lower(title) = lower($2::ctext) "
    "AND first_day <= $4 AND last_day >= $3";
// Events of the same concept, of any kind, overlapping [$2, $3] (schema 0007).
constexpr std::string_view kCandidatesByConcept =
    "SELECT event_id, title, kind, first_day, last_day, concept, date_text FROM event "
    "WHERE concept = $1 "
    "AND first_day BETWEEN $2::bigint - 400 AND $3::bigint AND last_day >= $2 "
    "AND merged_into IS NULL";
constexpr std::string_view kSetConcept = "UPDATE event SET concept = $2 WHERE event_id = $1";
constexpr std::string_view kRecordCitation =
    "INSERT INTO extraction_citation (citation_id, source_id, event_id, created_event) "
    "VALUES ($1, $2, $3, $4)";
constexpr std::string_view kCitationsOfEvent =
    "SELECT citation_id, source_id, created_event FROM extraction_citation WHERE event_id = $1 "
    "ORDER BY citation_id";
constexpr std::string_view kForgetEventCitations =
    "DELETE FROM extraction_citation WHERE event_id = $1";
constexpr std::string_view kRestoreCitation =
    "INSERT INTO extraction_citation (citation_id, source_id, event_id, created_event) "
    "SELECT $1::bigint, $2::bigint, $3::bigint, $4::bigint WHERE EXISTS (SELECT 1 FROM citation "
    "WHERE citation_id = $1 AND event_id = $3) AND EXISTS (SELECT 1 FROM source "
    "WHERE source_id = $2) ON CONFLICT DO NOTHING";
// Schema 0013: $5 = the extraction just added the role.
constexpr std::string_view kRecordRole =
    "INSERT INTO extraction_role (source_id, event_id, entity_id, role) "
    "SELECT $1::bigint, $2::bigint, $3::bigint, $4::ctext WHERE $5::boolean OR EXISTS "
    "(SELECT 1 FROM extraction_role WHERE event_id = $2 AND entity_id = $3 AND role = $4) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kRolesOfSource =
    "SELECT source_id, event_id, entity_id, role FROM extraction_role WHERE source_id = $1 "
    "ORDER BY event_id, entity_id, role";
constexpr std::string_view kRolesOfEvent =
    "SELECT source_id, event_id, entity_id, role FROM extraction_role WHERE event_id = $1 "
    "ORDER BY entity_id, role, source_id";
constexpr std::string_view kForgetRole =
    "DELETE FROM extraction_role WHERE source_id = $1 AND event_id = $2 AND entity_id = $3 "
    "AND role = $4";
// The role, unless an extraction of another source still supports it.
constexpr std::string_view kRemoveUnsupportedRole =
    "DELETE FROM event_entity WHERE event_id = $1 AND entity_id = $2 AND role = $3 "
    "AND NOT EXISTS (SELECT 1 FROM extraction_role WHERE event_id = $1 AND entity_id = $2 "
    "AND role = $3)";
constexpr std::string_view kForgetEventRoles = "DELETE FROM extraction_role WHERE event_id = $1";
constexpr std::string_view kRestoreRole =
    "INSERT INTO extraction_role (source_id, event_id, entity_id, role) "
    "SELECT $1::bigint, $2::bigint, $3::bigint, $4::ctext WHERE EXISTS (SELECT 1 FROM "
    "event_entity WHERE event_id = $2 AND entity_id = $3 AND role = $4) AND EXISTS (SELECT 1 "
    "FROM source WHERE source_id = $1) ON CONFLICT DO NOTHING";
constexpr std::string_view kRecordHistory =
    "INSERT INTO event_date_history (history_id, event_id, change, old_timex, old_modifier, "
    "old_text, old_status, new_timex, new_modifier, new_text, source_id, quote, recorded_at) "
    "VALUES ((SELECT coalesce(max(history_id), 0) + 1 FROM event_date_history), $1, $2, $3, $4, "
    "$5, $6, $7, $8, $9, $10, $11, $12) RETURNING history_id";
constexpr std::string_view kHistoryColumns =
    "SELECT history_id, event_id, change, old_timex, old_modifier, old_text, old_status, "
    "new_timex, new_modifier, new_text, source_id, quote, recorded_at FROM event_date_history ";
constexpr std::string_view kHistoryOfSource = "WHERE source_id = $1 ORDER BY history_id DESC";
constexpr std::string_view kHistoryOfEvent = "WHERE event_id = $1 ORDER BY history_id";
constexpr std::string_view kOtherDisputes =
    "SELECT count(*) FROM event_date_history WHERE event_id = $1 AND change = 'disputed' "
    "AND history_id <> $2";
constexpr std::string_view kDeleteHistory = "DELETE FROM event_date_history WHERE history_id = $1";
constexpr std::string_view kCitationsOfSource =
    "SELECT citation_id, event_id, created_event FROM extraction_citation WHERE source_id = $1 "
    "ORDER BY citation_id";
constexpr std::string_view kUnsupported =
    "SELECT event_id FROM event e WHERE origin = 'imported' AND curated = 0 AND NOT EXISTS "
    "(SELECT 1 FROM citation c WHERE c.event_id = e.event_id)";

Result<FuzzyDate> stored_date(const std::string& timex, const std::string& modifier) {
  KB_ASSIGN(const FuzzyDate d, FuzzyDate::from_timex(timex));
  return d.with_modifier(modifier_from_string(modifier).value_or(Modifier::none));
}

Result<DateChange> read_change(const Statement& st) {
  DateChange c;
  c.id = st.column_int(0);
  c.event_id = st.column_int(1);
  c.change = st.column_text(2);
  KB_ASSIGN(c.old_date, stored_date(st.column_text(3), st.column_text(4)));
  c.old_text = st.column_text(5);
  KB_ASSIGN(c.old_status, parse_status(st.column_text(6)));
  KB_ASSIGN(c.new_date, stored_date(st.column_text(7), st.column_text(8)));
  c.new_text = st.column_text(9);
  c.source_id = st.column_optional_int(10);
  c.quote = st.column_text(11);
  c.recorded_at = st.column_text(12);
  return c;
}

}  // namespace

Result<std::map<Id, MergeCandidate>> Store::merge_candidates(const MergeProbe& probe) {
  const std::int64_t first = sqlite::to_day_number(probe.first);
  const std::int64_t last = sqlite::to_day_number(probe.last);
  std::string ids = "{";
  for (const Id id : probe.entity_ids) {
    ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
  }
  ids += "}";
  const auto row = [](const Statement& st) -> Result<std::pair<Id, MergeCandidate>> {
    KB_ASSIGN(const EventKind kind, parse_event_kind(st.column_text(2)));
    return std::make_pair(
        st.column_int(0),
        MergeCandidate{st.column_text(1), kind, sqlite::from_day_number(st.column_int(3)),
                       sqlite::from_day_number(st.column_int(4)), st.column_text(5),
                       st.column_text(6)});
  };
  std::map<Id, MergeCandidate> found;
  Statement by_entity = db_.prepare(kCandidatesByEntity);
  by_entity.bind(1, to_string(probe.kind)).bind(2, first).bind(3, last).bind(4, ids);
  KB_ASSIGN(const auto shared, by_entity.collect(row));
  found.insert(shared.begin(), shared.end());
  Statement by_title = db_.prepare(kCandidatesByTitle);
  by_title.bind(1, to_string(probe.kind)).bind(2, probe.title);
  by_title.bind(3, first - probe.title_window_days).bind(4, last + probe.title_window_days);
  KB_ASSIGN(const auto titled, by_title.collect(row));
  found.insert(titled.begin(), titled.end());
  if (!probe.concept_name.empty()) {
    Statement by_concept = db_.prepare(kCandidatesByConcept);
    by_concept.bind(1, probe.concept_name).bind(2, first).bind(3, last);
    KB_ASSIGN(const auto same, by_concept.collect(row));
    found.insert(same.begin(), same.end());
  }
  return found;
}

Result<void> Store::set_event_concept(Id event_id, std::string_view concept_name) {
  Statement st = db_.prepare(kSetConcept);
  st.bind(1, event_id).bind(2, concept_name);
  return st.run();
}

Result<void> Store::record_extraction_citation(const ExtractionCitation& c) {
  Statement st = db_.prepare(kRecordCitation);
  st.bind(1, c.citation_id).bind(2, c.source_id).bind(3, c.event_id);
  st.bind(4, c.created_event ? 1 : 0);
  return st.run();
}

Result<std::vector<ExtractionCitation>> Store::extraction_citations(Id source_id) {
  Statement st = db_.prepare(kCitationsOfSource);
  st.bind(1, source_id);
  return st.collect([source_id](const Statement& row) {
    return ExtractionCitation{row.column_int(0), source_id, row.column_int(1),
                              row.column_int(2) != 0};
  });
}

Result<std::vector<ExtractionCitation>> Store::extraction_citations_of_event(Id event_id) {
  Statement st = db_.prepare(kCitationsOfEvent);
  st.bind(1, event_id);
  return st.collect([event_id](const Statement& row) {
    return ExtractionCitation{row.column_int(0), row.column_int(1), event_id,
                              row.column_int(2) != 0};
  });
}

namespace {

// Replaces event `event_id`'s bookkeeping rows: `forget` ($1: the event) deletes them, then
// `insert` runs once per record, bound by `bind(statement, record)`.
template <typename Record, typename Bind>
Result<void> replace_rows(Db& db, std::string_view forget, std::string_view insert, Id event_id,
                          const std::vector<Record>& records, Bind bind) {
  Statement gone = db.prepare(forget);
  gone.bind(1, event_id);
  KB_TRY(gone.run());
  Statement st = db.prepare(insert);
  for (const Record& r : records) {
    st.reset();
    bind(st, r);
    KB_TRY(st.run());
  }
  return ok();
}

}  // namespace

Result<void> Store::restore_extraction_citations(Id event_id,
                                                 const std::vector<ExtractionCitation>& records) {
  return replace_rows(db_, kForgetEventCitations, kRestoreCitation, event_id, records,
                      [event_id](Statement& st, const ExtractionCitation& c) {
                        st.bind(1, c.citation_id).bind(2, c.source_id).bind(3, event_id);
                        st.bind(4, c.created_event ? 1 : 0);
                      });
}

namespace {

Result<ExtractionRole> read_role(const Statement& row) {
  KB_ASSIGN(const Role role, parse_role(row.column_text(3)));
  return ExtractionRole{row.column_int(0), row.column_int(1), row.column_int(2), role};
}

}  // namespace

Result<void> Store::record_extraction_role(const ExtractionRole& r, bool added) {
  Statement st = db_.prepare(kRecordRole);
  st.bind(1, r.source_id).bind(2, r.event_id).bind(3, r.entity_id).bind(4, to_string(r.role));
  st.bind(5, added ? 1 : 0);
  return st.run();
}

Result<std::vector<ExtractionRole>> Store::extraction_roles(Id source_id) {
  Statement st = db_.prepare(kRolesOfSource);
  st.bind(1, source_id);
  return st.collect(read_role);
}

Result<std::vector<ExtractionRole>> Store::extraction_roles_of_event(Id event_id) {
  Statement st = db_.prepare(kRolesOfEvent);
  st.bind(1, event_id);
  return st.collect(read_role);
}

Result<bool> Store::forget_extraction_role(const ExtractionRole& r) {
  Statement forget = db_.prepare(kForgetRole);
  forget.bind(1, r.source_id).bind(2, r.event_id).bind(3, r.entity_id).bind(4, to_string(r.role));
  KB_TRY(forget.run());
  Statement remove = db_.prepare(kRemoveUnsupportedRole);
  remove.bind(1, r.event_id).bind(2, r.entity_id).bind(3, to_string(r.role));
  KB_TRY(remove.run());
  return db_.changes() > 0;
}

Result<void> Store::restore_extraction_roles(Id event_id,
                                             const std::vector<ExtractionRole>& records) {
  return replace_rows(db_, kForgetEventRoles, kRestoreRole, event_id, records,
                      [event_id](Statement& st, const ExtractionRole& r) {
                        st.bind(1, r.source_id).bind(2, event_id).bind(3, r.entity_id);
                        st.bind(4, to_string(r.role));
                      });
}

Result<std::vector<Id>> Store::unsupported_imported_events() {
  Statement st = db_.prepare(kUnsupported);
  return st.collect([](const Statement& row) { return row.column_int(0); });
}

Result<Id> Store::add_date_change(const DateChange& c) {
  Statement st = db_.prepare(kRecordHistory);
  st.bind(1, c.event_id).bind(2, c.change).bind(3, c.old_date.timex());
  st.bind(4, to_string(c.old_date.modifier())).bind(5, c.old_text);
  st.bind(6, to_string(c.old_status)).bind(7, c.new_date.timex());
  st.bind(8, to_string(c.new_date.modifier())).bind(9, c.new_text);
  st.bind(10, c.source_id).bind(11, c.quote);
  st.bind(12, c.recorded_at.empty() ? now_iso() : c.recorded_at);
  KB_TRY(st.step());
  return st.column_int(0);
}

Result<std::vector<DateChange>> Store::date_changes_of_event(Id event_id) {
  Statement st = db_.prepare(std::string(kHistoryColumns) + std::string(kHistoryOfEvent));
  st.bind(1, event_id);
  return st.collect(read_change);
}

Result<std::vector<DateChange>> Store::date_changes_of_source(Id source_id) {
  Statement st = db_.prepare(std::string(kHistoryColumns) + std::string(kHistoryOfSource));
  st.bind(1, source_id);
  return st.collect(read_change);
}

Result<bool> Store::disputed_elsewhere(Id event_id, Id change_id) {
  Statement st = db_.prepare(kOtherDisputes);
  st.bind(1, event_id).bind(2, change_id);
  KB_TRY(st.step());
  return st.column_int(0) != 0;
}

Result<void> Store::remove_date_change(Id change_id) {
  Statement st = db_.prepare(kDeleteHistory);
  st.bind(1, change_id);
  return st.run();
}

}  // namespace kb::postgres
