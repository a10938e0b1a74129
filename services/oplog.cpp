// OpRecorder, undo_last() and describe_change() (see oplog.hpp). Snapshots are kb JSON
// documents holding one event and its links, the format `kb export` writes.

#include "services/oplog.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "importers/records/kb_json.hpp"
#include "services/undo.hpp"

namespace kb::services {
namespace {

// Event `id` and its links as kb JSON, or nullopt when there is no such event.
Result<std::optional<std::string>> snapshot(Repository& store, Id id, std::string* uuid) {
  KB_ASSIGN(const auto e, store.stored_event(id));
  if (!e) {
    return std::optional<std::string>();
  }
  KbDump dump;
  dump.events.push_back(*e);
  KB_ASSIGN(dump.links, store.links_of(id));
  if (uuid != nullptr) {
    *uuid = e->uuid;
  }
  return std::optional<std::string>(importers::write_kb_json(dump));
}

// A record `found` by number as kb JSON in `list` (with its permanent id and import run beside
// it), or nullopt when there is no such record. Entities and sources (the source's text
// included) are kept so.
template <typename Record>
Result<std::optional<std::string>> record_snapshot(Result<Record> found,
                                                   std::vector<Record> KbDump::*list,
                                                   std::string& uuid,
                                                   std::optional<Id>& import_id) {
  if (!found) {
    if (found.error().code == Errc::not_found) {
      return std::optional<std::string>();
    }
    return std::move(found).error();
  }
  uuid = found->uuid;
  import_id = found->import_id;
  KbDump dump;
  (dump.*list).push_back(std::move(*found));
  return std::optional<std::string>(importers::write_kb_json(dump));
}

Result<std::optional<std::string>> entity_snapshot(Repository& store, Id id, std::string& uuid,
                                                   std::optional<Id>& import_id) {
  return record_snapshot(store.entity(id), &KbDump::entities, uuid, import_id);
}

Result<std::optional<std::string>> source_snapshot(Repository& store, Id id, std::string& uuid,
                                                   std::optional<Id>& import_id) {
  return record_snapshot(store.source(id), &KbDump::sources, uuid, import_id);
}

Result<KbDump> parse(const std::string& text) { return importers::read_kb_json(text); }

// The one record a snapshot of operation `op` holds in `list`, with the import run it had.
template <typename Record>
Result<Record> as_it_was(const std::string& snapshot, std::vector<Record> KbDump::*list,
                         std::optional<Id> import_id, Id op) {
  KB_ASSIGN(KbDump d, parse(snapshot));
  if ((d.*list).size() != 1) {
    return fail(Errc::storage, fmt::format("operation {} has a damaged snapshot", op));
  }
  Record r = std::move((d.*list).front());
  r.import_id = import_id;
  return r;
}

// Snapshots each watched record (entities or sources) not logged yet as it is now into
// `after`, and keeps in `out` (marking them logged) those the command changed, the import run
// they belong to included.
template <typename Watched, typename Snapshot>
Result<void> keep_changed(std::vector<Watched>& watched, std::vector<bool>& logged, Id Watched::*id,
                          Snapshot snapshot, Repository& store, std::vector<Watched>& out) {
  for (std::size_t i = 0; i < watched.size(); ++i) {
    if (logged[i]) {
      continue;
    }
    Watched& w = watched[i];
    std::string uuid;
    std::optional<Id> import_id;
    KB_ASSIGN(w.after, snapshot(store, w.*id, uuid, import_id));
    if (w.before != w.after || w.import_id != import_id) {
      logged[i] = true;
      out.push_back(w);
    }
  }
  return ok();
}

}  // namespace

Result<void> OpRecorder::watch(Repository& store, Id id) {
  if (const auto it = event_index_.find(id); it != event_index_.end()) {
    if (event_logged_[it->second] &&
        std::find(pending_.begin(), pending_.end(), it->second) == pending_.end()) {
      pending_.push_back(it->second);  // logged, and about to change again
    }
    return ok();
  }
  if (created_by_command(&Marks::event, id)) {
    // The command created it (in an earlier transaction of its own, as kb extract does source
    // by source): it is undone by deleting it, not by putting back this later state.
    created(id);
    return ok();
  }
  OpEvent e;
  e.event_id = id;
  KB_ASSIGN(e.before, snapshot(store, id, &e.event_uuid));
  if (e.before) {
    importers::Bookkeeping kept;
    KB_ASSIGN(kept.date_changes, store.date_changes_of_event(id));
    KB_ASSIGN(kept.extraction, store.extraction_citations_of_event(id));
    KB_ASSIGN(kept.roles, store.extraction_roles_of_event(id));
    e.history = importers::write_bookkeeping(kept);
    add_event(std::move(e));
  }
  return ok();
}

void OpRecorder::add_event(OpEvent e) {
  event_index_.emplace(e.event_id, events_.size());
  pending_.push_back(events_.size());
  events_.push_back(std::move(e));
  event_logged_.push_back(false);
}

Result<void> OpRecorder::watch_entity(Repository& store, Id id) {
  if (watched_entities_.count(id) != 0 || created_by_command(&Marks::entity, id)) {
    return ok();  // watched already, or created by the command (finish() counts it)
  }
  OpEntity e;
  e.entity_id = id;
  KB_ASSIGN(e.before, entity_snapshot(store, id, e.entity_uuid, e.import_id));
  if (e.before) {
    watched_entities_.insert(id);
    entities_.push_back(std::move(e));
    entity_logged_.push_back(false);
  }
  return ok();
}

Result<void> OpRecorder::watch_source(Repository& store, Id id) {
  if (!watched_sources_.insert(id).second) {
    return ok();
  }
  OpSource s;
  s.source_id = id;
  KB_ASSIGN(s.before, source_snapshot(store, id, s.source_uuid, s.import_id));
  if (s.before) {
    sources_.push_back(std::move(s));
    source_logged_.push_back(false);
  }
  return ok();
}

Result<void> OpRecorder::watch_entity_merge(Repository& store, Id keep, Id drop) {
  KB_TRY(watch_entity(store, keep));
  KB_TRY(watch_entity(store, drop));
  KB_ASSIGN(const auto places, store.lying_in(drop));
  for (const Id place : places) {
    KB_TRY(watch_entity(store, place));
  }
  KB_ASSIGN(const auto roles, store.roles_of_entity(drop));
  for (const auto& [event_id, kinds] : roles) {
    (void)kinds;
    KB_TRY(watch(store, event_id));
  }
  return ok();
}

Result<void> OpRecorder::watch_merged(Repository& store, Id id) {
  KB_ASSIGN(const auto merged, store.merged_into(id));
  for (const Id m : merged) {
    KB_TRY(watch(store, m));
  }
  return ok();
}

namespace {

template <typename Marks>
Result<Marks> last_numbers(Repository& store) {
  Marks m;
  KB_ASSIGN(m.event, store.last_id(RecordKind::event));
  KB_ASSIGN(m.entity, store.last_id(RecordKind::entity));
  KB_ASSIGN(m.source, store.last_id(RecordKind::source));
  return m;
}

}  // namespace

Result<void> OpRecorder::mark_new_records(Repository& store) {
  KB_TRY(end_new_records(store));
  KB_ASSIGN(marks_, last_numbers<Marks>(store));
  return ok();
}

Result<void> OpRecorder::end_new_records(Repository& store) {
  if (marks_) {
    KB_ASSIGN(const Marks now, last_numbers<Marks>(store));
    marked_.emplace_back(*marks_, now);
    marks_.reset();
  }
  return ok();
}

bool OpRecorder::created_by_command(Id Marks::*kind, Id id) const {
  return (marks_ && id > (*marks_).*kind) ||
         std::any_of(marked_.begin(), marked_.end(), [kind, id](const auto& m) {
           return id > m.first.*kind && id <= m.second.*kind;
         });
}

void OpRecorder::created(Id id) {
  if (event_index_.count(id) != 0) {
    return;
  }
  OpEvent e;
  e.event_id = id;
  add_event(std::move(e));
}

Result<Id> OpRecorder::flush(Repository& store, std::optional<Id> undoes) {
  KB_TRY(end_new_records(store));
  for (; marked_logged_ < marked_.size(); ++marked_logged_) {
    const auto& [from, to] = marked_[marked_logged_];
    for (Id id = from.event + 1; id <= to.event; ++id) {
      created(id);  // one the command created and deleted again has no snapshot either side
    }
    for (Id id = from.entity + 1; id <= to.entity; ++id) {
      records_.emplace_back(RecordKind::entity, id);
    }
    for (Id id = from.source + 1; id <= to.source; ++id) {
      records_.emplace_back(RecordKind::source, id);
    }
  }
  Op op;
  op.user = user_;
  op.command = command_;
  op.undoes = undoes;
  op.import_id = import_id_;
  op.undid_import = undid_import_;
  op.created.assign(records_.begin() + static_cast<std::ptrdiff_t>(records_logged_),
                    records_.end());
  records_logged_ = records_.size();
  // Entities and sources the command changed (snapshotted with their import run); one not
  // changed yet waits for the next flush.
  KB_TRY(keep_changed(entities_, entity_logged_, &OpEntity::entity_id, entity_snapshot, store,
                      op.entities));
  KB_TRY(keep_changed(sources_, source_logged_, &OpSource::source_id, source_snapshot, store,
                      op.sources));
  std::vector<std::size_t> waiting;
  for (const std::size_t i : pending_) {
    OpEvent& e = events_[i];
    std::string uuid;
    KB_ASSIGN(e.after, snapshot(store, e.event_id, &uuid));
    if (e.event_uuid.empty()) {
      e.event_uuid = uuid;
    }
    if (e.before == e.after && !event_logged_[i]) {
      waiting.push_back(i);  // not changed (yet)
      continue;
    }
    event_logged_[i] = true;
    op.events.push_back(e);
  }
  pending_ = std::move(waiting);
  if (!op_id_) {
    KB_ASSIGN(op_id_, store.add_op(op));
  } else {
    KB_TRY(store.extend_op(*op_id_, op));
  }
  return *op_id_;
}

Result<UndoneOp> undo_last(Repository& store, const std::string& user, bool force,
                           bool unfinished) {
  KB_ASSIGN(const auto last, store.last_undoable_op());
  if (!last) {
    return fail(Errc::not_found, "nothing to undo");
  }
  if (last->import_id && !unfinished) {
    KB_ASSIGN(const auto runs, store.imports());
    const auto run = std::find_if(runs.begin(), runs.end(),
                                  [&](const ImportRun& r) { return r.id == *last->import_id; });
    if (run != runs.end() && !run->finished_at) {
      return fail(Errc::conflict,
                  fmt::format("the last operation (#{}) is import {}, which has not finished: it "
                              "may still be running; once no kb import is, `kb import --undo {}` "
                              "undoes what it stored",
                              last->id, *last->import_id, *last->import_id));
    }
  }
  OpRecorder undo(user, fmt::format("undo #{} ({})", last->id, last->command));
  UndoCounts run;
  for (const OpEvent& e : last->events) {
    KB_TRY(undo.watch(store, e.event_id));
  }
  for (const OpEntity& e : last->entities) {
    KB_TRY(undo.watch_entity(store, e.entity_id));
  }
  for (const OpSource& s : last->sources) {
    KB_TRY(undo.watch_source(store, s.source_id));
  }
  if (last->import_id) {
    // An article import: its run is undone as `kb import --undo` does, then the events from
    // before it that it changed (merges, links) are put back below.
    KB_ASSIGN(run, undo_import_run(store, *last->import_id, force));
  }
  // A run `kb import --undo` undid is open again, so what comes back below is its own.
  if (last->undid_import) {
    KB_TRY(store.reopen_import(*last->undid_import));
  }
  // Sources and entities first, as they were (a merged entity back with its number), since the
  // events put back below refer to them; countries before the places that lie in them.
  for (const OpSource& s : last->sources) {
    if (s.before) {
      KB_ASSIGN(Source src, as_it_was(*s.before, &KbDump::sources, s.import_id, last->id));
      KB_TRY(store.put_source(src));
    }
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (const OpEntity& e : last->entities) {
      if (e.before) {
        KB_ASSIGN(Entity entity, as_it_was(*e.before, &KbDump::entities, e.import_id, last->id));
        KB_TRY(store.put_entity(entity));
      }
    }
  }
  // Created events go first (links to them go with them), then the others come back.
  for (const OpEvent& e : last->events) {
    if (!e.before) {
      auto removed = store.remove_event(e.event_id);
      if (!removed && removed.error().code != Errc::not_found) {
        return std::move(removed).error();
      }
    }
  }
  for (int pass = 0; pass < 2; ++pass) {  // twice: links and merges between restored events
    for (const OpEvent& e : last->events) {
      if (e.before) {
        KB_ASSIGN(const KbDump d, parse(*e.before));
        if (d.events.size() != 1) {
          return fail(Errc::storage, fmt::format("operation {} has a damaged snapshot", last->id));
        }
        KB_TRY(store.put_event(d.events.front(), d.links));
      }
    }
  }
  // What kb kept beside them, as it was: date histories (extraction refines and disputes
  // dates), which citations extraction made (so that it finds those events again) and which
  // roles it gave (so that undoing that extraction again removes them).
  std::map<Id, bool> sources;  // whether a date change's source still exists
  for (const OpEvent& e : last->events) {
    if (!e.before || !e.history) {
      continue;
    }
    KB_ASSIGN(const importers::Bookkeeping saved, importers::read_bookkeeping(*e.history));
    KB_ASSIGN(const auto now, store.date_changes_of_event(e.event_id));
    for (const DateChange& c : now) {
      KB_TRY(store.remove_date_change(c.id));
    }
    KB_TRY(store.restore_extraction_citations(e.event_id, saved.extraction));
    KB_TRY(store.restore_extraction_roles(e.event_id, saved.roles));
    for (const DateChange& c : saved.date_changes) {
      if (c.source_id) {
        auto [known, fresh] = sources.emplace(*c.source_id, false);
        if (fresh) {
          known->second = store.source(*c.source_id).has_value();  // one read per source
        }
        if (!known->second) {
          continue;  // its source is gone since
        }
      }
      KB_TRY(store.add_date_change(c));
    }
  }
  // Places before the countries they lie in: repeat while a pass removes something.
  std::vector<std::pair<RecordKind, Id>> left = last->created;
  for (bool progress = true; progress && !left.empty();) {
    progress = false;
    std::vector<std::pair<RecordKind, Id>> kept;
    for (const auto& [kind, id] : left) {
      KB_ASSIGN(const bool removed, store.remove_unused(kind, id));
      if (removed) {
        progress = true;
      } else {
        kept.emplace_back(kind, id);
      }
    }
    left = std::move(kept);
  }
  KB_ASSIGN(const Id undo_id, undo.finish(store, last->id));
  KB_TRY(store.set_op_undone(last->id, undo_id));
  return UndoneOp{*last, undo_id, run};
}

namespace {

// "created", "deleted", or one "field: old -> new" line for each field `compare` finds changed
// between two kb JSON snapshots ("changed" when it finds none, or a snapshot does not hold the
// one record it should: compare returns false).
template <class Compare>
std::vector<std::string> describe(const std::optional<std::string>& before,
                                  const std::optional<std::string>& after, Compare compare) {
  if (!before) {
    return {"created"};
  }
  if (!after) {
    return {"deleted"};
  }
  const auto a = importers::read_kb_json(*before);
  const auto b = importers::read_kb_json(*after);
  std::vector<std::string> out;
  const auto note = [&out](std::string_view field, const std::string& from, const std::string& to) {
    if (from != to) {
      out.push_back(fmt::format("{}: '{}' -> '{}'", field, from, to));
    }
  };
  if (!a || !b || !compare(*a, *b, note) || out.empty()) {
    return {"changed"};
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

std::string number(const std::optional<Id>& id) { return id ? fmt::format("#{}", *id) : ""; }

}  // namespace

std::vector<std::string> describe_change(const OpEvent& e) {
  return describe(e.before, e.after, [](const KbDump& a, const KbDump& b, const auto& note) {
    if (a.events.size() != 1 || b.events.size() != 1) {
      return false;
    }
    const Event& x = a.events.front();
    const Event& y = b.events.front();
    note("title", x.title, y.title);
    note("summary", x.summary, y.summary);
    note("date", x.date.display(), y.date.display());
    note("kind", std::string(to_string(x.kind)), std::string(to_string(y.kind)));
    note("status", std::string(to_string(x.status)), std::string(to_string(y.status)));
    note("tags", joined(x.tags), joined(y.tags));
    const auto roles = [](const Event& ev) {
      std::vector<std::string> r;
      for (const auto& p : ev.participants) {
        r.push_back(fmt::format("{} #{}", to_string(p.role), p.entity_id));
      }
      std::sort(r.begin(), r.end());
      return joined(r);
    };
    note("roles", roles(x), roles(y));
    note("citations", std::to_string(x.citations.size()), std::to_string(y.citations.size()));
    note("links", std::to_string(a.links.size()), std::to_string(b.links.size()));
    note("merged into", number(x.merged_into), number(y.merged_into));
    return true;
  });
}

std::vector<std::string> describe_change(const OpEntity& e) {
  return describe(e.before, e.after, [](const KbDump& a, const KbDump& b, const auto& note) {
    if (a.entities.size() != 1 || b.entities.size() != 1) {
      return false;
    }
    const Entity& x = a.entities.front();
    const Entity& y = b.entities.front();
    note("name", x.name, y.name);
    note("kind", std::string(to_string(x.kind)), std::string(to_string(y.kind)));
    note("description", x.description, y.description);
    note("in", number(x.country_id), number(y.country_id));
    note("aliases", joined(x.aliases), joined(y.aliases));
    return true;
  });
}

std::vector<std::string> describe_change(const OpSource& e) {
  return describe(e.before, e.after, [](const KbDump& a, const KbDump& b, const auto& note) {
    if (a.sources.size() != 1 || b.sources.size() != 1) {
      return false;
    }
    note("title", a.sources.front().title, b.sources.front().title);
    note("url", a.sources.front().url.value_or(""), b.sources.front().url.value_or(""));
    return true;
  });
}

}  // namespace kb::services
