// Structured event records read from CSV files (an analyst's spreadsheet, ACLED exports): text
// in, events with the names of their entities and sources out. Nothing here opens a database;
// cli/import_records.cpp resolves the names and stores the events.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model.hpp"
#include "kb/result.hpp"

namespace kb::importers {

// An entity named by a record, with its part in the event.
struct RecordEntity {
  std::string name;
  EntityKind kind = EntityKind::organisation;
  Role role = Role::actor;
  std::optional<std::string> country;         // for places: the country they lie in
  std::string description;                    // used only when the entity is new
  std::optional<double> latitude, longitude;  // a place's point, when the record gives one
};

// The source a record cites: a URL, or a named reference without one.
struct RecordSource {
  std::optional<std::string> url;
  std::string title;
  std::optional<std::string> publisher;
  std::optional<std::string> original_publisher;
  std::optional<std::string> published;  // ISO 8601 day or date-time
  std::string key;  // identifies the source across rows and imports: "url:<URL>" or "ref:<name>"
};

// One event read from one row.
struct RecordEvent {
  std::size_t line = 0;  // 1-based line where the row starts
  Event event;           // title, summary, date, date_text, kind, status, tags; origin imported
  std::vector<RecordEntity> entities;
  std::optional<RecordSource> source;
  std::string quote;  // the sentence of the source that supports the event
};

// A row that was skipped, and why.
struct RecordWarning {
  std::size_t line = 0;
  std::string message;
};

// What a file gave.
struct RecordBatch {
  std::vector<RecordEvent> events;
  std::vector<RecordWarning> warnings;
};

// The header names of the analyst CSV, in their documented order.
const std::vector<std::string_view>& analyst_csv_columns();

// True when the first line of `text` is a CSV header with the analyst columns "date" and
// "title" / with ACLED's "event_date" and "event_type".
bool looks_like_analyst_csv(std::string_view text);
bool looks_like_acled_csv(std::string_view text);

// Reads an analyst's CSV (columns: date, title, kind, actors, place, source, quote, tags; also
// status, summary, targets, and for the source source_title, publisher, original_publisher,
// published; any order; others ignored). Rows with a bad date, a missing title
// or an unknown kind become warnings with their line number. Error (parse) when the header
// lacks date or title, or a quoted field never ends.
Result<RecordBatch> read_analyst_csv(std::string_view text);

// Reads an ACLED CSV export (event_date, event_type, sub_event_type, actor1, actor2, country,
// admin1, location, latitude, longitude, source, notes, fatalities, time_precision). Dates get
// ACLED's precision (1 day, 2 week, 3 month). Same warnings and errors as read_analyst_csv.
Result<RecordBatch> read_acled_csv(std::string_view text);

}  // namespace kb::importers
