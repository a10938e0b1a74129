// Storing what the event extractor found in one source: entities resolved through their names
// and aliases (created when unknown), events merged with the ones the knowledge base already
// holds (one event, several citations; a more precise date refines, a conflicting one is kept
// side by side and flags the event disputed), typed links, and the bookkeeping that lets
// `kb extract` redo and `kb import --undo` undo an extraction. The caller owns the transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "importers/extract/extractor.hpp"
#include "kb/repository.hpp"
#include "kb/result.hpp"

namespace kb::services {

// What store_extraction() did.
struct StoredCounts {
  std::int64_t created = 0;   // new events
  std::int64_t merged = 0;    // extracted events that cited an existing event instead
  std::int64_t refined = 0;   // of the merged: dates made more precise
  std::int64_t disputed = 0;  // of the merged: conflicting dates recorded, event flagged
  std::int64_t links = 0;     // typed links added
  std::int64_t entities = 0;  // entities created
};

// Options for store_extraction().
struct StoreExtractionOptions {
  std::optional<Id> import_id;  // stamped on created events (the import log, schema 0003)
};

// Stores `x` (extracted from source `source_id`) into `store`. Requires: an open write
// transaction. Errors are the store's (storage, conflict); nothing is half-written once the
// caller rolls back.
Result<StoredCounts> store_extraction(Repository& store, Id source_id,
                                      const importers::extract::Extraction& x,
                                      const StoreExtractionOptions& options = {});

// What forget_extraction() removed.
struct ForgetCounts {
  std::int64_t citations = 0;  // citations the extraction had added
  std::int64_t events = 0;     // imported events left without any citation, deleted
  std::int64_t reverted = 0;   // date refinements / disputes of that source undone
};

// Undoes what extractions of source `source_id` stored: reverts the date refinements and
// disputes it caused, removes its citations, and deletes imported events no other source
// supports. Hand-entered events and hand-added citations stay. Requires: a write transaction.
Result<ForgetCounts> forget_extraction(Repository& store, Id source_id);

// Deletes imported events that no citation supports any more (for example after their sources
// were deleted); returns how many. Requires: a write transaction.
Result<std::int64_t> remove_unsupported_events(Repository& store);

// The date refinements and disputes of event `event_id`, oldest first (empty if none).
Result<std::vector<DateChange>> date_history(Repository& store, Id event_id);

}  // namespace kb::services
