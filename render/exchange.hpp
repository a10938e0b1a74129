// The exchange formats `kb export` writes besides kb JSON: CSV (one event per row), TimelineJS
// JSON and iCalendar. Documented in docs/exchange-formats.md.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model.hpp"
#include "kb/result.hpp"

namespace kb::render {

// The CSV columns, in order: the analyst CSV's (so an export can be imported again) followed
// by id, status, targets, summary and the interval.
const std::vector<std::string_view>& export_csv_columns();

// One row per event (RFC 4180, CRLF) under a header of export_csv_columns().
std::string export_csv(const std::vector<Event>& events);

// A TimelineJS 3 document: {"title": {...}, "events": [...]} with start_date/end_date objects at
// the event's precision, text.headline and text.text (summary and first cited sentence,
// HTML-escaped), group = kind, display_date as people write it, unique_id "kb-ID".
nlohmann::ordered_json export_timelinejs(const std::vector<Event>& events, std::string_view title);

// An iCalendar (RFC 5545) calendar of the planned events among `events`, all-day VEVENTs
// spanning each event's interval; CRLF lines folded at 75 octets. Deterministic: DTSTAMP is
// the event's recorded_at.
std::string export_ics(const std::vector<Event>& events);

// A GeoJSON FeatureCollection (RFC 7946): one Feature per event with a location, its geometry
// the Point (several: MultiPoint) of its located places, [longitude, latitude] in WGS 84, or
// null when none of its places has a point; properties: id, uuid, title, kind, status, date
// (TIMEX3 value), first, last, display, places, actors, targets, fatalities, source, quote.
// `places` holds the located entities by id (those without a point may be missing).
nlohmann::ordered_json export_geojson(const std::vector<Event>& events,
                                      const std::map<Id, Entity>& places);

}  // namespace kb::render
