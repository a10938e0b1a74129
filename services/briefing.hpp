// Briefings: what a briefing about a topic covers — key developments, the older events they
// link to, what lies ahead — gathered from the repository. render/briefing.hpp writes it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kb/repository.hpp"

namespace kb::services {

// Key developments a briefing shows unless asked for another number.
inline constexpr std::size_t kDefaultTop = 12;

// What a briefing covers. Empty fields do not filter.
struct BriefingQuery {
  std::optional<std::string> topic;     // entity, tag or words, as for Repository::timeline
  std::optional<FuzzyDate> from, to;    // the period of the key developments
  std::optional<date::sys_days> as_of;  // only what was known then; also the "now" of Ahead
  date::sys_days today;                 // the "now" of Ahead when as_of is not given
  // Further filters (kinds, actors, places, tags, statuses, sources, confidence, curated) that
  // the key developments and Ahead both keep; its topic, dates, order and limit are ignored.
  TimelineQuery filter;
  // At most this many key developments, the most significant (significance()); 0: all.
  std::size_t top = kDefaultTop;
};

// The content of a briefing; every list is in date order (first day, last day, id).
struct Briefing {
  std::string title;
  std::optional<FuzzyDate> from, to;          // as asked; the events' extent is shown otherwise
  std::optional<date::sys_days> as_of;        // shown as "as known on"
  std::vector<Event> key;                     // happened on or before the reference day: the
                                              // `top` most significant, in date order
  std::size_t key_total = 0;                  // key developments before the cut to `top`
  std::map<EventKind, std::size_t> left_out;  // those not shown, counted per kind
  std::vector<Event> context;                 // events the key ones link to, outside the period
  std::vector<Event> ahead;                   // start after the reference day (planned, expected)
  std::string timeline_href;                  // relative link to the timeline SVG; empty: none
};

// How much an event matters to a briefing: its kind's weight (kKindWeights in briefing.cpp),
// more for each independent source (distinct publishers, the original one for a reprint), for an
// analyst's curation and for the actors and targets it names. Higher is more significant.
double significance(const Event& e);

// Gathers a briefing: key developments from Repository::timeline(topic, from, to, as_of), Ahead
// from the events starting after the reference day (as_of, else today) regardless of `to`, Context
// from the links of the key developments. With as_of, citations of sources published later
// are left out. `title` is used as is.
Result<Briefing> collect_briefing(Repository& store, const BriefingQuery& q, std::string title);

}  // namespace kb::services
