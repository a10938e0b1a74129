// undo_import(): removes exactly what one `kb import` run added, in one transaction.
#pragma once

#include "kb/repository.hpp"

namespace kb::services {

// Undoes import run `import_id`: first what extraction did with each of its sources (date
// refinements and disputes are reverted, its citations removed, imported events no other source
// supports deleted), then the sources themselves with their remaining citations. Opens and
// commits its own transaction. An analyst's curated events that the undo would remove (every
// citation from this run) are removed only with `force`; without it nothing changes and the
// Error (conflict) lists them (local number, permanent id, title). Error (not_found) for an
// unknown run, (conflict) if already undone, else the repository's.
Result<UndoCounts> undo_import(Repository& store, Id import_id, bool force = false);

}  // namespace kb::services
