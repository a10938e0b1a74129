// The kb JSON exchange format: the whole knowledge base (entities, aliases, sources, events with
// roles, citations and tags, links) with ids and timestamps. Text in, KbDump out, and back.
// Documented in docs/exchange-formats.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/dump.hpp"
#include "kb/repository.hpp"
#include "kb/result.hpp"

namespace kb::importers {

// The value of the top-level "format" key that marks a kb JSON document.
inline constexpr std::string_view kKbJsonFormat = "kb-json";
// The version this reader and writer speak.
inline constexpr int kKbJsonVersion = 2;  // version 1 is still read

// Writes `dump` as kb JSON: records sorted by id, keys in a fixed order, two-space indent, a
// final newline. Equal dumps give byte-identical text.
std::string write_kb_json(const KbDump& dump);

// True when `text` looks like a kb JSON document: a JSON object whose "format" is "kb-json".
bool looks_like_kb_json(std::string_view text);

// Reads kb JSON. Error (parse) naming what is wrong and where ("events[3].date: ...") for
// malformed JSON, another format or version, missing keys or values of the wrong type.
Result<KbDump> read_kb_json(std::string_view text);

// What kb keeps beside one event: its date refinements and disputes (dates as in kb JSON,
// {"value": TIMEX3, "mod": ...}), which of its citations extraction made, and which roles
// extractions gave it. As a JSON object for the operation log's snapshots, and back (snapshots
// written before schema 0013 have no "roles").
struct Bookkeeping {
  std::vector<DateChange> date_changes;
  std::vector<ExtractionCitation> extraction;
  std::vector<ExtractionRole> roles;
};
std::string write_bookkeeping(const Bookkeeping& b);
Result<Bookkeeping> read_bookkeeping(std::string_view text);

}  // namespace kb::importers
