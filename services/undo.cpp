// undo_import(): forget each source's extraction, then the run's sources (see undo.hpp).

#include "services/undo.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "services/extraction.hpp"
#include "services/oplog.hpp"

namespace kb::services {

Result<UndoCounts> undo_import(Repository& store, Id import_id, bool force,
                               const std::string& user) {
  KB_ASSIGN(Transaction tx, store.transaction());
  KB_ASSIGN(const auto last, store.last_undoable_op());
  if (last && last->import_id == import_id) {
    KB_ASSIGN(const UndoneOp undone, undo_last(store, user, force, true));
    KB_TRY(tx.commit());
    return undone.run;
  }
  // An older run: logged with what it deletes and changes as it was (its sources with their
  // text, the events that cite them or whose dates they changed, the events linked or merged
  // to those, the entities its extraction created), so that `kb undo` can put the run back.
  OpRecorder op(user, fmt::format("import --undo {}", import_id));
  op.set_undid_import(import_id);
  KB_ASSIGN(const auto source_ids, store.import_sources(import_id));
  std::vector<Id> events;
  for (const Id source_id : source_ids) {
    KB_TRY(op.watch_source(store, source_id));
    KB_ASSIGN(const auto citing, store.events_citing(source_id));
    events.insert(events.end(), citing.begin(), citing.end());
    KB_ASSIGN(const auto changes, store.date_changes_of_source(source_id));
    for (const DateChange& c : changes) {
      events.push_back(c.event_id);
    }
  }
  for (const Id id : events) {
    KB_TRY(op.watch(store, id));
    KB_TRY(op.watch_merged(store, id));
    KB_ASSIGN(const auto links, store.links_of(id));
    for (const DumpLink& l : links) {
      KB_TRY(op.watch(store, l.from == id ? l.to : l.from));
    }
  }
  KB_ASSIGN(const auto entities, store.entities_of_import(import_id));
  for (const Id id : entities) {
    KB_TRY(op.watch_entity(store, id));
  }
  KB_ASSIGN(UndoCounts n, undo_import_run(store, import_id, force));
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  return n;
}

Result<UndoCounts> undo_import_run(Repository& store, Id import_id, bool force) {
  KB_ASSIGN(const auto curated, store.curated_events_of_import(import_id));
  if (!curated.empty() && !force) {
    std::string listed;
    for (const CuratedEvent& e : curated) {
      listed += fmt::format("\n  #{} {} {}", e.id, e.uuid, e.title);
    }
    return fail(Errc::conflict,
                fmt::format("import {} supports {} event{} an analyst curated; nothing was undone "
                            "(--force removes them too):{}",
                            import_id, curated.size(), curated.size() == 1 ? "" : "s", listed));
  }
  KB_ASSIGN(const auto source_ids, store.import_sources(import_id));
  ForgetCounts forgot;
  for (const Id source_id : source_ids) {
    KB_ASSIGN(const ForgetCounts f, forget_extraction(store, source_id));
    forgot.citations += f.citations;
    forgot.events += f.events;
    forgot.reverted += f.reverted;
  }
  // Curated events are kept by forget_extraction; with --force they go like the rest (before
  // the run's entities, which they may be the last to use).
  std::int64_t forced = 0;
  for (const CuratedEvent& e : curated) {
    auto removed = store.remove_event(e.id);
    if (removed) {
      forced += 1;
    } else if (removed.error().code != Errc::not_found) {
      return std::move(removed).error();
    }
  }
  KB_ASSIGN(UndoCounts n, store.undo_import(import_id));
  n.citations += forgot.citations;
  n.events += forgot.events + forced;
  return n;
}

}  // namespace kb::services
