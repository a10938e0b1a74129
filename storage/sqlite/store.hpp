// Store: the SQLite implementation of kb::Repository. Callers never see SQL: it lives in the
// store_*.cpp files beside this header, as named constants at the top of each.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/repository.hpp"
#include "storage/sqlite/sqlite.hpp"

namespace kb::sqlite {

class Store final : public Repository {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // Opens (and for writable modes, creates and migrates) the database at `path`. A read-only
  // open of an older schema is an error asking for a write; a newer schema is Errc::conflict.
  static Result<Store> open(const std::string& path, OpenMode mode);
  // A fresh, migrated in-memory database (tests).
  static Result<Store> open_memory();

  // Replaces the clock that stamps recorded_at/updated_at/retrieved (tests fix it).
  void set_clock(Clock clock) { clock_ = std::move(clock); }
  // The current time as ISO 8601 UTC, from the clock.
  std::string now_iso() const override;

  // Starts a write transaction (BEGIN IMMEDIATE); it rolls back unless committed.
  Result<kb::Transaction> transaction() override;
  // Opens a savepoint inside the current transaction (see Db::savepoint).
  Result<kb::Transaction> savepoint() override;

  // --- entities (store_entities.cpp) ---
  // Inserts an entity with its aliases; returns its id. Error (conflict) if an entity of the
  // same kind already has that name.
  Result<std::vector<Id>> ids_by_uuid(RecordKind kind, std::string_view prefix,
                                      std::size_t limit) override;
  Result<void> mark_curated(Id event_id) override;
  Result<Id> last_id(RecordKind kind) override;
  Result<std::vector<Id>> events_changed_since(const ChangesSince& since) override;
  Result<bool> remove_unused(RecordKind kind, Id id) override;
  Result<std::vector<CuratedEvent>> curated_events_of_import(Id import_id) override;

  Result<Id> add_op(const Op& op) override;
  Result<void> extend_op(Id op_id, const Op& part) override;
  Result<std::vector<Op>> ops(std::optional<Id> event_id, std::size_t limit) override;
  Result<std::optional<Op>> last_undoable_op() override;
  Result<void> set_op_undone(Id op_id, Id undo_id) override;
  Result<std::optional<Event>> stored_event(Id id) override;
  Result<std::vector<DumpLink>> links_of(Id event_id) override;
  Result<void> put_event(const Event& e, const std::vector<DumpLink>& links) override;
  Result<void> put_entity(const Entity& e) override;
  Result<void> put_source(const Source& s) override;
  Result<void> reopen_import(Id import_id) override;
  Result<std::vector<Id>> events_citing(Id source_id) override;
  Result<std::vector<Id>> entities_of_import(Id import_id) override;
  Result<std::vector<Id>> merged_into(Id id) override;
  Result<std::vector<Id>> lying_in(Id id) override;

  Result<Id> add_entity(const Entity& e) override;
  // Entities whose name or alias has the same alias_key as `name`, oldest first.
  Result<std::vector<Entity>> lookup_entities(std::string_view name) override;
  Result<void> set_point(Id id, double latitude, double longitude) override;
  // One entity with its aliases. Error (not_found) naming the id.
  Result<Entity> entity(Id id) override;
  // All entities (of `kind` if given) ordered by name.
  Result<std::vector<Entity>> entities(std::optional<EntityKind> kind = std::nullopt) override;
  // Adds an alias; adding an existing one is a no-op.
  Result<void> add_alias(Id id, std::string_view alias) override;
  // Moves everything of `drop` (aliases, event roles, places in it) to `keep`, then deletes
  // `drop`; its name becomes an alias of `keep`.
  Result<void> merge_entities(Id keep, Id drop) override;
  // The events entity `entity_id` takes part in, each with its roles, by event id.
  Result<std::map<Id, std::vector<Role>>> roles_of_entity(Id entity_id) override;
  // Counts of events per entity, for `kb entity list`.
  Result<std::int64_t> event_count(Id entity_id) override;

  // --- sources (store_sources.cpp) ---
  // Inserts a source, stamping `retrieved` when empty. Error (conflict) on a duplicate hash.
  Result<Id> add_source(const Source& s) override;
  // The source with this content hash / URL, if any.
  Result<std::optional<Id>> find_source_by_hash(std::string_view hash) override;
  Result<std::optional<Id>> find_source_by_url(std::string_view url) override;
  // A reference to a URL an analyst cited by hand: the existing source with that URL, or a new
  // bare one (no body) created for it.
  Result<Id> source_for_url(std::string_view url) override;
  // One source with its body. Error (not_found).
  Result<Source> source(Id id) override;
  // All sources, oldest import first, with their event counts; bodies only if `with_text`.
  Result<std::vector<SourceSummary>> sources(bool with_text) override;

  // --- events (store_events.cpp) ---
  // Inserts an event with its participants (by entity id), citations (by source id) and tags.
  // Stamps recorded_at/updated_at. Returns the new id.
  Result<Id> add_event(const Event& e) override;
  // Rewrites the event's own fields, participants and tags from `e` (citations and links are
  // kept; add them with add_citation/add_link). Error (not_found).
  Result<void> update_event(const Event& e) override;
  // Deletes the event with its roles, citations, links and tags. Error (not_found).
  Result<void> remove_event(Id id) override;
  // The full event: participants, citations (with their sources), links both ways, tags.
  Result<Event> event(Id id) override;
  // Cites a source for an event; returns the citation id.
  Result<Id> add_citation(Id event_id, const Citation& c) override;
  // Links two events. Error (invalid_argument) for a self-link, (not_found) for unknown ids,
  // (conflict) when the link exists. `A same-as B` also merges B into A: B is hidden from
  // timelines and search, and A shows B's entities, citations and tags (B itself stays stored;
  // remove_link undoes the merge). Error (conflict) if B is already merged elsewhere.
  Result<Id> add_link(Id from, Relation relation, Id to, std::optional<Id> citation_id) override;
  // Removes a link; for same-as also undoes the merge. Error (not_found) if there is none.
  Result<void> remove_link(Id from, Relation relation, Id to) override;
  // Adds tags (lower-cased, trimmed); existing ones are kept.
  Result<void> add_tags(Id event_id, const std::vector<std::string>& tags) override;
  // The roles of event `event_id` other than mentioned, as (entity id, role).
  Result<std::vector<std::string>> event_quotes(Id event_id, std::size_t limit) override;
  Result<std::vector<std::pair<Id, Role>>> event_roles(Id event_id) override;
  // Adds a role to an event; an existing one is kept.
  Result<bool> add_role(Id event_id, Id entity_id, Role role) override;
  // Whether source `source_id` already supports event `event_id`.
  Result<bool> cites_source(Id event_id, Id source_id) override;
  // Deletes one citation. Deleting a missing one is a no-op.
  Result<void> remove_citation(Id citation_id) override;
  // Stamps the import run that created an event.
  Result<void> set_event_import(Id event_id, Id import_id) override;
  Result<std::optional<Id>> event_import(Id event_id) override;
  // An event titled exactly `title` with the same TIMEX3 value and modifier as `date`, if any.
  Result<std::optional<Id>> find_event(std::string_view title, const FuzzyDate& date) override;
  // Events other than `except` overlapping [`first`, `last`] and not merged with it (same-as),
  // oldest first, at most `limit`.
  Result<std::vector<Id>> events_overlapping(Id except, date::sys_days first, date::sys_days last,
                                             std::size_t limit) override;
  // Other events that share an actor, target or place with `id`, within `window_days` of it.
  Result<std::vector<RelatedEvent>> related_events(Id id, int window_days,
                                                   std::size_t limit) override;

  // --- import log (store_imports.cpp) ---
  // Records the start of a `kb import` of `inputs`; returns its id.
  Result<Id> begin_import(const std::vector<std::string>& inputs) override;
  // Records an import's counts and finish time.
  Result<void> finish_import(const ImportRun& counts) override;
  // Stores a warning of an import, naming the file (and line).
  Result<void> add_import_warning(Id import_id, std::string_view origin,
                                  std::string_view message) override;
  // The sources import `import_id` added, by id.
  Result<std::vector<Id>> import_sources(Id import_id) override;
  // Every import, newest first.
  Result<std::vector<ImportRun>> imports() override;
  Result<std::vector<std::string>> import_warnings(Id import_id) override;
  // Undoes an import: removes the sources it added (their citations go with them) and the
  // imported events no remaining source supports; hand edits and events still cited elsewhere
  // stay. Error (not_found) for an unknown id, (conflict) if already undone.
  Result<UndoCounts> undo_import(Id import_id) override;

  // --- extraction bookkeeping (store_history.cpp) ---
  // Stored events that may be the happening `probe` describes: of its kind, either overlapping
  // its dates (starting at most 400 days before) with one of its entities in a real role, or
  // titled the same (ignoring case) within `probe.title_window_days`, or of the same concept
  // (any kind) overlapping its dates and not merged into another event. By event id.
  Result<std::map<Id, MergeCandidate>> merge_candidates(const MergeProbe& probe) override;
  Result<void> set_event_concept(Id event_id, std::string_view concept_name) override;
  // Records that an extraction added a citation.
  Result<void> record_extraction_citation(const ExtractionCitation& c) override;
  // The citations extractions of source `source_id` added (created_event left false).
  Result<std::vector<ExtractionCitation>> extraction_citations(Id source_id) override;
  Result<std::vector<ExtractionCitation>> extraction_citations_of_event(Id event_id) override;
  Result<void> restore_extraction_citations(
      Id event_id, const std::vector<ExtractionCitation>& records) override;
  Result<void> record_extraction_role(const ExtractionRole& r, bool added) override;
  Result<std::vector<ExtractionRole>> extraction_roles(Id source_id) override;
  Result<std::vector<ExtractionRole>> extraction_roles_of_event(Id event_id) override;
  Result<bool> forget_extraction_role(const ExtractionRole& r) override;
  Result<void> restore_extraction_roles(Id event_id,
                                        const std::vector<ExtractionRole>& records) override;
  // Imported events that no citation supports, by id.
  Result<std::vector<Id>> unsupported_imported_events() override;
  // Records a date refinement or dispute; returns its id.
  Result<Id> add_date_change(const DateChange& c) override;
  // The date changes of an event, oldest first / those a source caused, newest first.
  Result<std::vector<DateChange>> date_changes_of_event(Id event_id) override;
  Result<std::vector<DateChange>> date_changes_of_source(Id source_id) override;
  // Whether event `event_id` has a recorded dispute other than change `change_id`.
  Result<bool> disputed_elsewhere(Id event_id, Id change_id) override;
  // Forgets one recorded date change.
  Result<void> remove_date_change(Id change_id) override;

  // --- whole-base records (store_dump.cpp) ---
  // Every link, by id.
  Result<std::vector<DumpLink>> links() override;
  // True when the knowledge base holds no events, entities or sources.
  Result<bool> is_empty() override;
  // Writes `dump` with its ids and timestamps unchanged, so that dumping again gives the same
  // records. Error (conflict) unless the knowledge base is empty; (invalid_argument) for records
  // that reference missing ids. Does not open a transaction: the caller wraps it.
  Result<void> restore(const KbDump& dump) override;
  Result<std::vector<Id>> copy_keys(CopyPass pass, Id after, std::size_t limit) override;
  Result<std::vector<DumpLink>> links_between(Id first, Id last) override;
  Result<void> restore_part(const KbDump& part) override;
  Result<void> restore_refs(const KbDump& part) override;
  Result<std::optional<CopyMarker>> copy_marker() override;
  Result<void> set_copy_marker(const std::optional<CopyMarker>& marker) override;
  Result<void> raise_last_id(RecordKind kind, Id id) override;

  // --- queries (store_query.cpp) ---
  // How `topic` would be understood: an entity (name or alias), else a tag, else FTS text.
  Result<TopicMatch> match_topic(std::string_view topic) override;
  // Events matching `q`, oldest first (first day, then last day, then id), fully loaded. A
  // topic that is an entity brings the events of that entity, of the places that lie in it,
  // and the events tagged with the topic; other topics match a tag or full text. With as_of,
  // only events cited by a source published on or before that day, or entered by hand on or
  // before it, are shown.
  Result<std::vector<Event>> timeline(const TimelineQuery& q) override;
  // Full-text search over events and sources, best first. `raw` passes FTS5 syntax through;
  // otherwise each word is searched as a plain term. Error (invalid_argument) for a query FTS5
  // cannot parse.
  using Repository::search;
  Result<std::vector<SearchHit>> search(std::string_view query, std::size_t limit, bool raw,
                                        bool all) override;
  // Always every match: FTS5 ranks them all quickly enough.
  SearchScope last_search_scope() const override { return {}; }
  Result<SearchCount> search_count(std::string_view query, bool raw, bool exact) override;
  // Counts and extent of the knowledge base.
  Result<Stats> stats() override;

 private:
  friend struct StoreInternals;  // tests: raw SQL checks of what the store wrote
  explicit Store(Db db) : db_(std::move(db)) {}
  // Fills participants, citations, links and tags; with `fold_merged` also those of the
  // events merged into `e` (same-as).
  Result<void> load_details(Event& e, bool fold_merged);
  // restore() (`whole`: every country and merge must be there) and restore_part().
  Result<void> write_part(const KbDump& part, bool whole);
  Result<void> merge_same_as(const Event& keep, const Event& merged);
  Result<void> write_participants(const Event& e);
  Result<void> write_tags(Id event_id, const std::vector<std::string>& tags);
  // Appends the key of event `event_id`'s analyst-visible state to its lineage (schema 0014)
  // unless it is the last one there.
  Result<void> note_version(Id event_id);
  // `roots` and the places that lie in them (through country_id, transitively).
  Result<std::vector<Id>> places_within(const std::vector<Id>& roots);
  // The ids of the entities `names` name (error not_found for a name no entity has), and with
  // `with_places` the places that lie in them.
  Result<std::vector<Id>> named_ids(const std::vector<std::string>& names, bool with_places);

  Db db_;
  Clock clock_ = [] { return std::chrono::system_clock::now(); };
};

// Converts between days and the integers stored in the database.
std::int64_t to_day_number(date::sys_days d);
date::sys_days from_day_number(std::int64_t n);

}  // namespace kb::sqlite
