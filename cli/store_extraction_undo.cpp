// Undoing and reviewing extraction: forget_extraction() (before `kb extract` re-runs a source or
// an import is undone), remove_unsupported_events(), and date_history() for `kb show`.
#include <set>
#include <string_view>

#include "cli/store_extraction.hpp"

namespace kb::cli {

namespace {

constexpr std::string_view kHistoryOfSource =
    "SELECT history_id, event_id, change, old_timex, old_modifier, old_text, old_status, "
    "new_timex FROM event_date_history WHERE source_id = ?1 ORDER BY history_id DESC";
constexpr std::string_view kOtherDisputes =
    "SELECT count(*) FROM event_date_history WHERE event_id = ?1 AND change = 'disputed' "
    "AND history_id <> ?2";
constexpr std::string_view kDeleteHistory = "DELETE FROM event_date_history WHERE history_id = ?1";
constexpr std::string_view kCitationsOfSource =
    "SELECT citation_id, event_id FROM extraction_citation WHERE source_id = ?1";
constexpr std::string_view kDeleteCitation = "DELETE FROM citation WHERE citation_id = ?1";
constexpr std::string_view kUnsupported =
    "SELECT event_id FROM event e WHERE origin = 'imported' AND NOT EXISTS "
    "(SELECT 1 FROM citation c WHERE c.event_id = e.event_id)";
constexpr std::string_view kHistoryOfEvent =
    "SELECT change, old_timex, old_modifier, new_timex, new_modifier, new_text, source_id, "
    "quote, recorded_at FROM event_date_history WHERE event_id = ?1 ORDER BY history_id";

Result<FuzzyDate> stored_date(const std::string& timex, const std::string& modifier) {
  KB_ASSIGN(const FuzzyDate d, FuzzyDate::from_timex(timex));
  return d.with_modifier(modifier_from_string(modifier).value_or(Modifier::none));
}

// Reverts one history row of the source being forgotten.
Result<bool> revert(Store& store, Statement& row) {
  const Id history = row.column_int(0);
  KB_ASSIGN(Event e, store.event(row.column_int(1)));
  bool changed = false;
  if (row.column_text(2) == "refined" && e.date.timex() == row.column_text(7)) {
    KB_ASSIGN(e.date, stored_date(row.column_text(3), row.column_text(4)));
    e.date_text = row.column_text(5);
    changed = true;
  } else if (row.column_text(2) == "disputed") {
    KB_ASSIGN(Statement others, store.db().prepare(kOtherDisputes));
    others.bind(1, e.id).bind(2, history);
    KB_TRY(others.step());
    if (others.column_int(0) == 0) {
      KB_ASSIGN(e.status, parse_status(row.column_text(6)));
      changed = true;
    }
  }
  if (changed) {
    KB_TRY(store.update_event(e));
  }
  KB_ASSIGN(Statement del, store.db().prepare(kDeleteHistory));
  del.bind(1, history);
  KB_TRY(del.run());
  return changed;
}

}  // namespace

Result<ForgetCounts> forget_extraction(Store& store, Id source_id) {
  ForgetCounts counts;
  KB_ASSIGN(Statement history, store.db().prepare(kHistoryOfSource));
  history.bind(1, source_id);
  while (true) {
    KB_ASSIGN(const Step s, history.step());
    if (s != Step::row) {
      break;
    }
    KB_ASSIGN(const bool changed, revert(store, history));
    counts.reverted += changed ? 1 : 0;
  }
  std::vector<std::pair<Id, Id>> cited;
  KB_ASSIGN(Statement citations, store.db().prepare(kCitationsOfSource));
  citations.bind(1, source_id);
  while (true) {
    KB_ASSIGN(const Step s, citations.step());
    if (s != Step::row) {
      break;
    }
    cited.emplace_back(citations.column_int(0), citations.column_int(1));
  }
  KB_ASSIGN(Statement del, store.db().prepare(kDeleteCitation));
  for (const auto& [citation, event] : cited) {
    del.reset();
    del.bind(1, citation);
    KB_TRY(del.run());
    counts.citations += 1;
  }
  KB_ASSIGN(counts.events, remove_unsupported_events(store));
  return counts;
}

Result<std::int64_t> remove_unsupported_events(Store& store) {
  KB_ASSIGN(Statement st, store.db().prepare(kUnsupported));
  std::vector<Id> ids;
  while (true) {
    KB_ASSIGN(const Step s, st.step());
    if (s != Step::row) {
      break;
    }
    ids.push_back(st.column_int(0));
  }
  for (const Id id : ids) {
    KB_TRY(store.remove_event(id));
  }
  return static_cast<std::int64_t>(ids.size());
}

Result<std::vector<DateChange>> date_history(Store& store, Id event_id) {
  KB_ASSIGN(Statement st, store.db().prepare(kHistoryOfEvent));
  st.bind(1, event_id);
  std::vector<DateChange> out;
  while (true) {
    KB_ASSIGN(const Step s, st.step());
    if (s != Step::row) {
      break;
    }
    DateChange c;
    c.change = st.column_text(0);
    KB_ASSIGN(c.old_date, stored_date(st.column_text(1), st.column_text(2)));
    KB_ASSIGN(c.new_date, stored_date(st.column_text(3), st.column_text(4)));
    c.new_text = st.column_text(5);
    c.source_id = st.column_optional_int(6);
    c.quote = st.column_text(7);
    c.recorded_at = st.column_text(8);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kb::cli
