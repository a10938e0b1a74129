// dump_store / restore_store: the knowledge base as id-carrying records (KbDump) and back, for
// the kb JSON exchange format. Restoring writes ids and timestamps verbatim so a round trip is
// exact.
#pragma once

#include <optional>
#include <vector>

#include "kb/repository.hpp"
#include "services/dump.hpp"

namespace kb::services {

// Reads the knowledge base. With `only_events`, keeps those events, the links between them,
// the sources they cite, and the entities they involve (plus the countries those lie in).
Result<KbDump> dump_store(Repository& store, const std::optional<std::vector<Id>>& only_events);

// The events `kb export --since` writes: those changed since `since` (Repository::
// events_changed_since) and the events they are linked to, so that a merge can restore the
// links; by local number.
Result<std::vector<Id>> changed_events(Repository& store, const ChangesSince& since);

// True when the knowledge base holds no events, entities or sources.
Result<bool> store_is_empty(Repository& store);

// Writes `dump` with its ids and timestamps unchanged, so that dumping again gives the same
// records. Requires: an empty knowledge base (Error conflict otherwise). Error (invalid_argument)
// for records that reference missing ids. Does not open a transaction: the caller wraps it.
Result<void> restore_store(Repository& store, const KbDump& dump);

}  // namespace kb::services
