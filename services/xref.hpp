// Cross-references: what connects an entity or an event to the rest of the knowledge base —
// events over time, companions, sources, typed links, nearby events, candidate duplicates —
// optionally as known on a given day. Built on Repository's reads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kb/repository.hpp"

namespace kb::services {

// Which events count. Empty fields do not filter.
struct XrefWindow {
  std::optional<FuzzyDate> from;        // events that end on or after from.first()
  std::optional<FuzzyDate> to;          // events that start on or before to.last()
  std::optional<date::sys_days> as_of;  // only what was known then (see known_as_of)
};

// True when `e` was known on `day`: entered by hand on or before it, or cited by a source
// published on or before it (the rule of Repository::timeline's as_of).
bool known_as_of(const Event& e, date::sys_days day);
// `e` as it was known on `day`: citations of sources published later are dropped (citations
// whose source has no publication date are kept).
Event as_known_on(Event e, date::sys_days day);
// True when `e` passes the window's date and as-of filters.
bool in_window(const Event& e, const XrefWindow& w);

// An entity's event with the roles it had in it.
struct EntityEvent {
  Event event;
  std::vector<Role> roles;
};

// An entity that appears in events together with another one.
struct Companion {
  Id id = 0;
  std::string name;
  EntityKind kind = EntityKind::organisation;
  std::int64_t events = 0;                              // shared events
  FuzzyDate first = FuzzyDate::year(date::year{1970});  // date of the earliest shared event
  FuzzyDate last = FuzzyDate::year(date::year{1970});   // date of the latest
};

// A source cited by some events, with how many.
struct CitedSource {
  Id id = 0;
  std::optional<std::string> url;
  std::string title;
  std::optional<std::string> publisher;
  std::optional<std::string> original_publisher;
  std::optional<std::string> published;
  std::int64_t events = 0;
};

// Everything `kb xref ENTITY` shows.
struct EntityXref {
  Entity entity;                      // with its aliases
  std::vector<EntityEvent> events;    // oldest first
  std::vector<Companion> companions;  // most shared events first, then by name
  std::vector<CitedSource> sources;   // by publication date, then id
};

// An event that may describe the same happening as another.
struct DuplicateCandidate {
  Id id = 0;
  std::string title;
  FuzzyDate date = FuzzyDate::year(date::year{1970});
  double score = 0;  // 0..1: title words, shared entities, same kind
};

// Everything `kb xref EVENT` shows; links and citations are in `event`.
struct EventXref {
  Event event;
  std::vector<RelatedEvent> related;           // share an actor, target or place nearby
  std::vector<DuplicateCandidate> duplicates;  // best first
};

// The cross-references of entity `id`. Error (not_found) for an unknown id.
Result<EntityXref> entity_xref(Repository& store, Id id, const XrefWindow& w,
                               std::size_t companions);

// The cross-references of event `id`: related events within `window_days`, duplicate candidates
// (overlapping or within a week, scoring at least 0.3, not already linked same-as). Related
// events and links are filtered by `w`. Error (not_found) for an unknown id.
Result<EventXref> event_xref(Repository& store, Id id, const XrefWindow& w, int window_days);

// How alike two events are (0..1): shared title/summary words, shared entities, same kind.
double duplicate_score(const Event& a, const Event& b);

}  // namespace kb::services
