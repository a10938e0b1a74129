// KbDump: the whole knowledge base (or one topic's part of it) as plain records with their ids,
// for the kb JSON exchange format. dump_store() reads it; restore_store() writes it back verbatim.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kb/model.hpp"
#include "kb/result.hpp"

namespace kb {

class Store;

// One stored link, with the ids of both events and of its supporting citation.
struct DumpLink {
  Id id = 0;
  Id from = 0;
  std::string relation;
  Id to = 0;
  std::optional<Id> citation_id;
  std::string created_at;  // ISO 8601 UTC
};

// Records sorted by id. Events carry participants (entity_id + role; names filled for
// reading), citations (id, source_id, quote, offsets) and tags; links are separate.
struct KbDump {
  std::vector<Entity> entities;  // aliases exclude the canonical name
  std::vector<Source> sources;   // with bodies
  std::vector<Event> events;     // `links` left empty: see `links`
  std::vector<DumpLink> links;
};

// Reads the knowledge base. With `only_events`, keeps those events, the links between them,
// the sources they cite, and the entities they involve (plus the countries those lie in).
Result<KbDump> dump_store(Store& store, const std::optional<std::vector<Id>>& only_events);

// True when the knowledge base holds no events, entities or sources.
Result<bool> store_is_empty(Store& store);

// Writes `dump` with its ids and timestamps unchanged, so that dumping again gives the same
// records. Requires: an empty knowledge base (Error conflict otherwise). Error (invalid_argument)
// for records that reference missing ids. Does not open a transaction: the caller wraps it.
Result<void> restore_store(Store& store, const KbDump& dump);

}  // namespace kb
