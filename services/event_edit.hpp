// Events entered and corrected by hand, for any front end (kb add, kb edit): what the analyst
// gave, applied to a new event or to events already stored, in one transaction logged for kb undo
// under the analyst's name. Every event changed becomes curated, so re-extraction keeps it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "kb/repository.hpp"

namespace kb::services {

// What the analyst gave; a field left unset leaves an edited event as it was. A role list given
// replaces that role's participants.
struct EventFields {
  std::optional<std::string> title;
  std::optional<std::string> date;  // as typed: 2022-02-24, "Feb 2022", "last week" …
  std::optional<std::string> end;   // the last day of a span that starts at `date`
  std::optional<std::string> kind;
  std::optional<std::string> summary;
  std::optional<std::string> status;
  std::optional<double> confidence;
  // Entities by name ("KIND:NAME" chooses the kind of a new one). A name the KB lacks is taken
  // from kb's gazetteer when it knows it ("Ukraine" is the country), else created; either way a
  // note tells the analyst.
  std::vector<std::string> actors, targets, places, tags;
  std::vector<std::string> claimants;    // who claims it: the event is tagged claimed
  std::optional<std::string> source;     // a source's URL
  std::optional<std::string> source_id;  // a stored source, by number or permanent id
  std::optional<std::string> source_title, source_publisher, source_date;  // a new source
  std::optional<std::string> quote;  // the sentence of the source that supports it
  // Editing one event: the revision the analyst saw (kb show); the edit is refused if the
  // event has been written since.
  std::optional<std::int64_t> expect_revision;
};

// The events as they are after the change (at most `shown` of them), how many changed, and the
// notes for the analyst (entities created, a source already stored under that URL).
struct Changed {
  std::vector<Event> events;
  std::size_t changed = 0;
  std::vector<std::string> notes;
};

// Adds a manual event. Relative dates count from `today`. Error (invalid_argument) without a
// date, for a date, kind, status or source that does not parse, or a quote without a source.
Result<Changed> add_event(Repository& store, const EventFields& changes, date::sys_days today,
                          const std::string& user);

// Applies `changes` to the events `ids` (logged as `command`). Error (not_found) naming a
// missing event; (invalid_argument) for a title or an expected revision given to more than one
// event; (conflict) naming the event and both revisions when `changes.expect_revision` is not
// its revision, with nothing written.
Result<Changed> edit_events(Repository& store, const std::vector<Id>& ids,
                            const EventFields& changes, date::sys_days today,
                            const std::string& command, const std::string& user,
                            std::size_t shown = 1);

}  // namespace kb::services
