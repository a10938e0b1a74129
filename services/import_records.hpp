// Structured imports: kb JSON (a full export), an analyst's CSV of events, and ACLED CSV
// exports. Reading is done by importers/records; this stores what they read.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/records/records.hpp"
#include "kb/model.hpp"
#include "kb/repository.hpp"

namespace kb::services {

// The structured formats `kb import` reads besides articles.
enum class RecordFormat { kb_json, analyst_csv, acled_csv };

// What one file added.
struct RecordImportSummary {
  std::size_t events = 0;    // events added
  std::size_t existing = 0;  // events already stored (the same permanent id, or title and date)
  std::size_t updated = 0;   // of those, events the file changed (fields, tags, citations)
  std::size_t entities = 0;  // entities created
  std::size_t sources = 0;   // sources created
  std::size_t links = 0;     // links created
  bool verbatim = false;     // a kb JSON export restored with its ids (empty knowledge base)
  std::vector<importers::RecordWarning> warnings;  // rows skipped, with their line numbers
  // Events both sides' analysts changed differently, one line each: which event, which fields,
  // which version was kept. Each such event is marked disputed.
  std::vector<std::string> conflicts;
  Id op = 0;  // the logged operation (`kb undo` reverts the import)
};

// Recognises a structured file by its content: kb JSON (an object with "format": "kb-json"),
// ACLED CSV (header with event_date, event_type), analyst CSV (header with date, title).
// nullopt for anything else (articles).
std::optional<RecordFormat> sniff_record_format(std::string_view content);

// Told about each CSV row that is skipped (before anything is stored).
using SkipReporter = std::function<void(const importers::RecordWarning&)>;

// How to import: `strict` fails a whole CSV file on its first unreadable row (else it is passed
// to `skipped`, when set, and skipped); `user` is who the operation log names.
struct RecordImportOptions {
  bool strict = false;
  SkipReporter skipped;
  std::string user = "kb";
};

// Imports one file in ONE transaction of its own (callers must not hold one): all of it or,
// on error, nothing; logged as one operation, so `kb undo` reverts it. kb JSON goes in
// verbatim (ids, timestamps) into an empty knowledge base. Into a non-empty one it is merged:
// records by permanent id (else entities by name and kind, sources by content hash, events by
// title and date). For an event both sides hold, the version an analyst changed wins over a
// machine's, else the newer (updated_at); where both sides' analysts changed it differently
// the newer wins, the event is marked disputed and the conflict reported (the other version
// stays in the operation log); tags, citations and links are united. Importing the same file
// again changes nothing. CSV rows that cannot be read are skipped or, with `strict`, fail the
// whole file (Error invalid_argument naming the line). Error (parse) for unreadable files.
Result<RecordImportSummary> import_records(Repository& store, std::string_view content,
                                           std::string_view origin, RecordFormat format,
                                           const RecordImportOptions& options);

}  // namespace kb::services
