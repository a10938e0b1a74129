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
#include "kb/repository.hpp"

namespace kb::services {

// The structured formats `kb import` reads besides articles.
enum class RecordFormat { kb_json, analyst_csv, acled_csv };

// What one file added.
struct RecordImportSummary {
  std::size_t events = 0;    // events added
  std::size_t existing = 0;  // events skipped because the same title and date were stored
  std::size_t entities = 0;  // entities created
  std::size_t sources = 0;   // sources created
  std::size_t links = 0;     // links created
  bool verbatim = false;     // a kb JSON export restored with its ids (empty knowledge base)
  std::vector<importers::RecordWarning> warnings;  // rows skipped, with their line numbers
};

// Recognises a structured file by its content: kb JSON (an object with "format": "kb-json"),
// ACLED CSV (header with event_date, event_type), analyst CSV (header with date, title).
// nullopt for anything else (articles).
std::optional<RecordFormat> sniff_record_format(std::string_view content);

// Told about each CSV row that is skipped (before anything is stored).
using SkipReporter = std::function<void(const importers::RecordWarning&)>;

// Imports one file in ONE transaction of its own (callers must not hold one): all of it or,
// on error, nothing. kb JSON goes in verbatim (ids, timestamps) into an empty knowledge base,
// else it is merged (entities by name and kind, sources by content hash, events by title and
// date). CSV rows that cannot be read are passed to `skipped` (when set) and skipped, or with
// `strict` fail the whole file (Error invalid_argument naming the line). Error (parse) for
// unreadable files.
Result<RecordImportSummary> import_records(Repository& store, std::string_view content,
                                           std::string_view origin, RecordFormat format,
                                           bool strict, const SkipReporter& skipped = {});

}  // namespace kb::services
