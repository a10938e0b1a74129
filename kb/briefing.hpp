// Briefings: the events about a topic as a Markdown document an analyst can send as is — key
// developments with footnoted sources, the older events they link to, what lies ahead, the
// actors, and the sources. collect_briefing() reads the store; render_briefing() is pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kb/store.hpp"

namespace kb {

// What a briefing covers. Empty fields do not filter.
struct BriefingQuery {
  std::optional<std::string> topic;     // entity, tag or words, as for Store::timeline
  std::optional<FuzzyDate> from, to;    // the period of the key developments
  std::optional<date::sys_days> as_of;  // only what was known then; also the "now" of Ahead
  date::sys_days today;                 // the "now" of Ahead when as_of is not given
};

// The content of a briefing; every list is in date order (first day, last day, id).
struct Briefing {
  std::string title;
  std::optional<FuzzyDate> from, to;    // as asked; the events' extent is shown otherwise
  std::optional<date::sys_days> as_of;  // shown as "as known on"
  std::vector<Event> key;               // happened on or before the reference day
  std::vector<Event> context;           // events the key ones link to, outside the period
  std::vector<Event> ahead;             // start after the reference day (planned, expected)
  std::string timeline_href;            // relative link to the timeline SVG; empty: none
};

// Gathers a briefing: key developments from Store::timeline(topic, from, to, as_of), Ahead from
// the events starting after the reference day (as_of, else today) regardless of `to`, Context
// from the links of the key developments. With as_of, citations of sources published later
// are left out. `title` is used as is.
Result<Briefing> collect_briefing(Store& store, const BriefingQuery& q, std::string title);

// The Markdown text: CommonMark with GitHub footnotes ([^1]), one footnote per source, numbered
// in order of first citation. Deterministic; valid for zero, one or many events.
std::string render_briefing(const Briefing& b);

// `text` with CommonMark's inline syntax characters backslash-escaped and line breaks turned
// into spaces, so that it reads literally inside a paragraph, list item or table cell.
std::string md_escape(std::string_view text);

}  // namespace kb
