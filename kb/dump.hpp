// KbDump: the whole knowledge base (or one topic's part of it) as plain records with their ids,
// for the kb JSON exchange format. services/dump.hpp reads and restores it.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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

// kb copy's passes over a knowledge base, in the order it makes them (services/copy.hpp); each
// reads its records by key, a slice at a time. The first passes leave out a country or merge
// that refers to a record with a higher number (not there yet): `countries` sets those of the
// entities lying in a country with a higher number, `merges` those of the events merged into one
// with a higher number.
enum class CopyPass { entities, countries, sources, events, merges, links };

inline constexpr std::array<std::string_view, 6> kCopyPassNames = {
    "entities", "countries", "sources", "events", "merges", "links"};

inline std::string_view to_string(CopyPass pass) {
  return kCopyPassNames.at(static_cast<std::size_t>(pass));
}

inline std::optional<CopyPass> parse_copy_pass(std::string_view name) {
  for (std::size_t i = 0; i < kCopyPassNames.size(); ++i) {
    if (kCopyPassNames.at(i) == name) {
      return static_cast<CopyPass>(i);
    }
  }
  return std::nullopt;
}

// A copy in progress, as its target records it: which source it reads and how far it got.
struct CopyMarker {
  std::string source;       // the source as kb copy was given it (password hidden), for messages
  std::string fingerprint;  // what the source held when the copy began (services/copy.cpp)
  CopyPass pass = CopyPass::entities;
  Id after = 0;  // the last key `pass` wrote (0: none yet)
};

}  // namespace kb
