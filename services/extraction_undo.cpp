// Undoing and reviewing extraction: forget_extraction() (before `kb extract` re-runs a source or
// an import is undone: its citations, date changes and roles go), remove_unsupported_events(),
// and date_history() for `kb show`.
#include <map>

#include "services/extraction.hpp"

namespace kb::services {

namespace {

// Reverts one date change of the source being forgotten; returns whether the event changed.
Result<bool> revert(Repository& store, const DateChange& c) {
  KB_ASSIGN(Event e, store.event(c.event_id));
  bool changed = false;
  if (c.change == "refined" && e.date.timex() == c.new_date.timex()) {
    e.date = c.old_date;
    e.date_text = c.old_text;
    changed = true;
  } else if (c.change == "disputed") {
    KB_ASSIGN(const bool others, store.disputed_elsewhere(e.id, c.id));
    if (!others) {
      e.status = c.old_status;
      changed = true;
    }
  }
  if (changed) {
    KB_TRY(store.update_event(e));
  }
  KB_TRY(store.remove_date_change(c.id));
  return changed;
}

}  // namespace

Result<ForgetCounts> forget_extraction(Repository& store, Id source_id,
                                       const ForgetOptions& options) {
  ForgetCounts counts;
  std::map<Id, bool> curated;  // by event id, read once
  const auto curated_now = [&](Id event_id) -> Result<bool> {
    if (const auto it = curated.find(event_id); it != curated.end()) {
      return it->second;
    }
    KB_ASSIGN(const Event e, store.event(event_id));
    curated[event_id] = e.curated;
    return e.curated;
  };
  const auto is_curated = [&](Id event_id) -> Result<bool> {
    return options.keep_curated ? curated_now(event_id) : Result<bool>(false);
  };
  KB_ASSIGN(const auto history, store.date_changes_of_source(source_id));
  for (const DateChange& c : history) {
    KB_ASSIGN(const bool keep, is_curated(c.event_id));
    if (keep) {
      continue;
    }
    KB_ASSIGN(const bool changed, revert(store, c));
    counts.reverted += changed ? 1 : 0;
  }
  // The roles it gave events from before it (a merge), or its own: each goes unless an
  // extraction of another source gave it too. A curated event's roles are the analyst's now.
  KB_ASSIGN(const auto roles, store.extraction_roles(source_id));
  for (const ExtractionRole& r : roles) {
    KB_ASSIGN(const bool keep, curated_now(r.event_id));
    if (keep) {
      continue;
    }
    KB_ASSIGN(const bool removed, store.forget_extraction_role(r));
    counts.roles += removed ? 1 : 0;
  }
  KB_ASSIGN(const auto cited, store.extraction_citations(source_id));
  for (const ExtractionCitation& c : cited) {
    KB_ASSIGN(const bool keep, is_curated(c.event_id));
    if (keep) {
      continue;
    }
    KB_TRY(store.remove_citation(c.citation_id));
    counts.citations += 1;
  }
  if (options.remove_events) {
    KB_ASSIGN(counts.events, remove_unsupported_events(store));
  }
  return counts;
}

Result<std::int64_t> remove_unsupported_events(Repository& store) {
  KB_ASSIGN(const auto ids, store.unsupported_imported_events());
  for (const Id id : ids) {
    KB_TRY(store.remove_event(id));
  }
  return static_cast<std::int64_t>(ids.size());
}

Result<std::vector<DateChange>> date_history(Repository& store, Id event_id) {
  return store.date_changes_of_event(event_id);
}

}  // namespace kb::services
