// The operation log: each writing analyst command is recorded with who ran it, when, and every
// event it changed as it was before and after, so that `kb undo` can revert the last command
// and `kb log` can show an event's history. The caller owns the transaction, so a command and
// its log entry are written together or not at all.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kb/repository.hpp"

namespace kb::services {

// Records one command. Create it before the command writes, telling it (watch) each event the
// command will change; tell it (created) each event the command adds; finish() once the writes
// are done.
class OpRecorder {
 public:
  OpRecorder(std::string user, std::string command)
      : user_(std::move(user)), command_(std::move(command)) {}

  // Snapshots event `id` as it is now (nothing if there is none, or it is watched already).
  Result<void> watch(Repository& store, Id id);
  // Snapshots entity `id` as it is now, before the command changes it (nothing if there is
  // none, or it is watched already).
  Result<void> watch_entity(Repository& store, Id id);
  // Snapshots source `id` (its text included) as it is now, before the command deletes it.
  Result<void> watch_source(Repository& store, Id id);
  // Watches what merging entity `drop` into another changes besides the two: the events it
  // takes part in and the places that lie in it.
  Result<void> watch_entity_merge(Repository& store, Id keep, Id drop);
  // Watches the events merged into event `id` (same-as), which a merge into it or its deletion
  // changes too.
  Result<void> watch_merged(Repository& store, Id id);
  // Notes that the command created event `id`.
  void created(Id id);
  // Notes that the command created entity or source `id` (an undo removes it when unused).
  void created(RecordKind kind, Id id) { records_.emplace_back(kind, id); }
  // Notes the highest event, entity and source numbers given out so far: the ones given out
  // after them, up to end_new_records() (or finish()), count as created by the command. Only
  // its own transaction writes meanwhile, so a command that writes in several transactions
  // marks at the start of each and ends before each commit: records another process adds
  // between two of its transactions are not counted as its own.
  Result<void> mark_new_records(Repository& store);
  // Closes the numbers opened by mark_new_records() (nothing when none is open).
  Result<void> end_new_records(Repository& store);
  // Renames the command ("add #12 ..." once the number is known).
  void set_command(std::string command) { command_ = std::move(command); }
  // Makes it the log entry of article import run `import_id` (an undo undoes the run).
  void set_import(Id import_id) { import_id_ = import_id; }
  // Makes it the log entry of `kb import --undo import_id` (an undo reopens the run).
  void set_undid_import(Id import_id) { undid_import_ = import_id; }
  // Logs what the command has done so far, in the caller's transaction: the watched records
  // it has changed and those it created, as they are now (the first flush writes the log
  // entry, later ones add to it and update the records changed again). A command that writes
  // in several transactions flushes in each before it commits, so that a crash between two of
  // them leaves every committed change logged and undoable. Returns the entry's id.
  // `undoes`: for `kb undo`, the operation it reverted (given to the first flush).
  Result<Id> flush(Repository& store, std::optional<Id> undoes = std::nullopt);
  // The last flush(): logs the operation (also when it changed nothing); returns its id.
  Result<Id> finish(Repository& store, std::optional<Id> undoes = std::nullopt) {
    return flush(store, undoes);
  }

 private:
  std::string user_;
  std::string command_;
  std::vector<OpEvent> events_;     // before filled, after filled by flush()
  std::vector<OpEntity> entities_;  // likewise
  std::vector<OpSource> sources_;   // likewise
  std::vector<std::pair<RecordKind, Id>> records_;
  // What flush() has logged: the entry, and in events_ (by index), entities_ and sources_
  // those written. `pending_`: the events to write (again) at the next flush: watched or
  // created since, or watched again after being written (a later change).
  std::optional<Id> op_id_;
  std::vector<bool> event_logged_, entity_logged_, source_logged_;
  std::vector<std::size_t> pending_;
  std::map<Id, std::size_t> event_index_;  // event id -> index in events_
  std::size_t records_logged_ = 0;
  std::size_t marked_logged_ = 0;  // markings whose numbers are in events_ and records_
  std::optional<Id> import_id_;
  std::optional<Id> undid_import_;
  struct Marks {
    Id event = 0, entity = 0, source = 0;
  };
  // Whether record number `id` (`kind`: Marks::event or Marks::entity) was given out while the
  // command was marking.
  bool created_by_command(Id Marks::*kind, Id id) const;
  // Adds a watched or created event, to be written at the next flush.
  void add_event(OpEvent e);
  std::optional<Marks> marks_;  // the last numbers given out when the open marking began
  std::vector<std::pair<Marks, Marks>> marked_;  // closed markings: (after, up to) numbers
  std::set<Id> watched_entities_;
  std::set<Id> watched_sources_;
};

// What undo_last() reverted.
struct UndoneOp {
  Op op;           // the operation reverted
  Id undo_id = 0;  // the logged undo
  UndoCounts run;  // for an article import: what undoing its run removed
};

// Reverts the newest operation that is not an undo and was not undone: each entity it changed
// is put back as it was before (one a merge deleted comes back with its number, permanent id
// and aliases), then each event it changed is put back as it was before (one it created is deleted,
// one it deleted comes back with its number, permanent id, roles, citations, tags and links), and
// the entities and sources it created are deleted unless something else has come to use them. An
// article import is undone as a run (undo_import_run; Error conflict, changing nothing, when that
// would remove curated events: `kb import --undo N --force` can). The undo is logged as an
// operation by `user`. Requires: a write transaction. Error (not_found) when there is nothing to
// undo.
// `force`: an article import's run is undone even where that removes curated events.
// An article import whose run has not finished (its log entry grows batch by batch: it may
// still be running in another process, or was killed) is Error conflict unless `unfinished`
// (`kb import --undo N` names the run).
Result<UndoneOp> undo_last(Repository& store, const std::string& user, bool force = false,
                           bool unfinished = false);

// What an operation changed on one event, as "field: old -> new" lines ("created", "deleted").
std::vector<std::string> describe_change(const OpEvent& e);
// The same for one entity ("aliases: 'Kiev' -> 'Kiev, Kyjiw'", "deleted").
std::vector<std::string> describe_change(const OpEntity& e);
// The same for one source.
std::vector<std::string> describe_change(const OpSource& e);

}  // namespace kb::services
