// undo_import(): removes exactly what one `kb import` run added, in one transaction.
#pragma once

#include <string>

#include "kb/repository.hpp"

namespace kb::services {

// Undoes import run `import_id`: first what extraction did with each of its sources (date
// refinements and disputes are reverted, its citations removed, imported events no other source
// supports deleted), then the sources themselves with their remaining citations. Opens and
// commits its own transaction. An analyst's curated events that the undo would remove (every
// citation from this run) are removed only with `force`; without it nothing changes and the
// Error (conflict) lists them (local number, permanent id, title). Error (not_found) for an
// unknown run, (conflict) if already undone, else the repository's.
// When the run is the newest operation of the log, this is `kb undo` of it (undo_last: the
// events from before the run that it changed are put back exactly, and the undo is logged as
// `user`'s).
Result<UndoCounts> undo_import(Repository& store, Id import_id, bool force = false,
                               const std::string& user = "kb");

// undo_import() inside the caller's write transaction (for `kb undo`).
Result<UndoCounts> undo_import_run(Repository& store, Id import_id, bool force);

}  // namespace kb::services
