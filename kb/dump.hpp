// KbDump: the whole knowledge base (or one topic's part of it) as plain records with their ids,
// for the kb JSON exchange format. services/dump.hpp reads and restores it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kb/model.hpp"
#include "kb/result.hpp"

namespace kb {

// One stored link, with the ids of both events and of its supporting citation.
struct DumpLink {
  Id id = 0;
  Id from = 0;
  Relation relation = Relation::related;
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

}  // namespace kb
