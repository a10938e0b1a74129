// copy_store: a whole knowledge base into another (kb copy), a slice at a time and resumably.
// Each slice is one transaction in the target that also records how far the copy got (a
// CopyMarker); running the copy again after an interruption goes on from there. docs/storage.md
// ("kb copy") has the design.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "kb/repository.hpp"

namespace kb::services {

struct CopySettings {
  std::string source_name;   // the source as the user named it (password hidden), for the marker
  std::string target_name;   // the target, for messages
  std::size_t slice = 2000;  // records read and written per transaction (at least 1)
  // Tests (KB_COPY_STOP_AFTER in kb copy): fail (Errc::storage) after committing this many
  // slices, as an interrupted copy would.
  std::optional<std::size_t> stop_after;
};

// What one copy_store() call wrote.
struct CopyCounts {
  std::size_t entities = 0;
  std::size_t sources = 0;
  std::size_t events = 0;
  std::size_t links = 0;
  bool resumed = false;  // it went on with an interrupted copy
};

// Copies every entity, source, event and link of `from` into `to` exactly (ids, permanent ids,
// times, curated marks, merges, revisions; `kb export` of both gives the same bytes), with the
// highest numbers given out. `to` must be empty, or hold an interrupted copy of `from` named
// the same way (settings.source_name) that has given out no higher numbers since (which it
// finishes). Error (conflict) for any other target, or when `from` changed since the
// interrupted copy began; (invalid_argument) when `from` is itself an unfinished copy.
// Requires: `from` is not written to while it runs.
Result<CopyCounts> copy_store(Repository& from, Repository& to, const CopySettings& settings);

}  // namespace kb::services
