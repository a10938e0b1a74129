// undo_import(): forget each source's extraction, then the run's sources (see undo.hpp).

#include "services/undo.hpp"

#include "services/extraction.hpp"

namespace kb::services {

Result<UndoCounts> undo_import(Repository& store, Id import_id) {
  KB_ASSIGN(Transaction tx, store.transaction());
  KB_ASSIGN(const auto source_ids, store.import_sources(import_id));
  ForgetCounts forgot;
  for (const Id source_id : source_ids) {
    KB_ASSIGN(const ForgetCounts f, forget_extraction(store, source_id));
    forgot.citations += f.citations;
    forgot.events += f.events;
    forgot.reverted += f.reverted;
  }
  KB_ASSIGN(UndoCounts n, store.undo_import(import_id));
  n.citations += forgot.citations;
  n.events += forgot.events;
  KB_TRY(tx.commit());
  return n;
}

}  // namespace kb::services
