// Repository: every read and write of the knowledge base that the domain needs, with no SQL
// (and no storage engine) in its signatures. storage/sqlite/ implements it; services/ and the
// front ends use only this interface, so a second engine plugs in beside the first.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/dump.hpp"
#include "kb/fuzzy_date.hpp"
#include "kb/model.hpp"
#include "kb/result.hpp"

namespace kb {

// Which events a timeline shows. Empty fields do not filter.
struct TimelineQuery {
  std::optional<std::string> topic;      // entity name/alias, tag, or full-text query
  std::optional<FuzzyDate> from;         // events that end on or after from.first()
  std::optional<FuzzyDate> to;           // events that start on or before to.last()
  std::vector<EventKind> kinds;          // any of these event kinds
  std::vector<std::string> actors;       // names: events with any of them as actor
  std::vector<std::string> targets;      // names: events with any of them as target
  std::vector<std::string> places;       // names: events located in any of them (or in a place
                                         // that lies in one: a country includes its cities)
  std::vector<std::string> tags;         // events carrying any of these tags
  std::vector<Status> statuses;          // any of these statuses
  std::optional<std::string> source;     // events cited by a source whose URL, title or
                                         // publisher contains this text (any case), or "#N"
  std::optional<double> min_confidence;  // confidence at least this
  bool curated_only = false;             // only events an analyst changed or entered
  std::optional<date::sys_days> as_of;   // only what was known then (see Store::timeline)
  std::size_t limit = 0;                 // 0: no limit
  // The order: by date (oldest first), by when kb recorded the event (first recorded first), or
  // by number of citations (most first); `newest_first` reverses it, and a limit keeps the
  // first events of the chosen order.
  enum class Sort { date, recorded, citations } sort = Sort::date;
  bool newest_first = false;    // reversed order (by date: latest end first)
  bool include_merged = false;  // also events merged into others (same-as), each with
                                // only its own details (exports)
};

// How a timeline topic was understood.
struct TopicMatch {
  enum class How { all, entity, tag, text } how = How::all;
  std::vector<Entity> entities;  // for How::entity: the entities matched by name or alias
};

// One full-text hit.
struct SearchHit {
  enum class What { event, source } what = What::event;
  Id id = 0;
  std::string title;
  std::string snippet;                   // with the matched terms in [brackets]
  std::optional<FuzzyDate> date;         // events
  std::optional<std::string> published;  // sources
  double rank = 0;                       // bm25, lower is better
};

// A source as listed by sources().
struct SourceSummary {
  Source source;  // body left empty unless asked for
  std::int64_t events = 0;
};

// Counts for `kb stats`.
struct Stats {
  std::int64_t events = 0, entities = 0, sources = 0, citations = 0, links = 0, tags = 0;
  std::optional<FuzzyDate> earliest, latest;
  std::vector<std::pair<EventKind, std::int64_t>> by_kind;  // most events first, then by name
};

// Entities an event shares actors/places with, for `kb show`.
struct RelatedEvent {
  Id id = 0;
  std::string title;
  FuzzyDate date = FuzzyDate::year(date::year{1970});
  std::string shared;  // the entity they share
};

// The kinds of record that carry a permanent id.
enum class RecordKind { event, entity, source };

// An event an analyst curated, as `kb import --undo` names it when it refuses to remove it.
struct CuratedEvent {
  Id id = 0;
  std::string uuid;
  std::string title;
};

// One event as an operation changed it: kb JSON of the event and its links before and after.
struct OpEvent {
  Id event_id = 0;
  std::string event_uuid;
  std::optional<std::string> before;  // nullopt: the operation created the event
  std::optional<std::string> after;   // nullopt: the operation deleted it
  // What kb keeps beside it, before: its date refinements and disputes and which of its
  // citations extraction made (JSON, importers::write_bookkeeping); nullopt when the operation
  // created it.
  std::optional<std::string> history;
};

// One entity as a logged operation changed it: kb JSON documents holding that entity (its
// name, kind, description, Wikidata id, country and aliases) before and after.
struct OpEntity {
  Id entity_id = 0;
  std::string entity_uuid;
  std::optional<std::string> before;  // nullopt: the operation created the entity
  std::optional<std::string> after;   // nullopt: the operation deleted it
  std::optional<Id> import_id;        // before: the import run whose extraction created it
};

// One source as a logged operation changed it (`kb import --undo N` deletes them): kb JSON
// documents holding that source, its text included.
struct OpSource {
  Id source_id = 0;
  std::string source_uuid;
  std::optional<std::string> before;  // nullopt: the operation created the source
  std::optional<std::string> after;   // nullopt: the operation deleted it
  std::optional<Id> import_id;        // before: the import run that added it
};

// One logged analyst command (`kb log`, `kb undo`).
struct Op {
  Id id = 0;
  std::string at;  // ISO 8601 UTC, stamped by the store when empty
  std::string user;
  std::string command;          // "edit #12"
  std::optional<Id> undoes;     // for an undo: the operation it reverted
  std::optional<Id> undone_by;  // the undo that reverted this operation
  std::optional<Id> import_id;  // an article import: the run, which an undo undoes as a whole
  std::vector<OpEvent> events;
  std::vector<OpEntity> entities;  // the existing entities it changed, before and after
  std::vector<OpSource> sources;   // the existing sources it changed, before and after
  std::optional<Id> undid_import;  // `kb import --undo N`: the run it undid (an undo reopens it)
  // The entities and sources it created (never events: those are in `events`), so that an
  // undo can remove them again.
  std::vector<std::pair<RecordKind, Id>> created;
};

// Which changes `kb export --since` keeps: those at or after a time, or from an operation on.
struct ChangesSince {
  std::optional<std::string> at;  // ISO 8601 UTC or a prefix of one ("2026-12-03")
  std::optional<Id> op;           // this logged operation and those after it
};

// One `kb import` run, as logged.
struct ImportRun {
  Id id = 0;
  std::string started_at;
  std::optional<std::string> finished_at;
  std::string inputs;  // the paths as given, one per line
  std::int64_t articles = 0, added = 0, unchanged = 0, failed = 0, events = 0, warnings = 0;
  std::optional<std::string> undone_at;
};

// What `kb import --undo` removed.
struct UndoCounts {
  std::int64_t sources = 0, events = 0, citations = 0, entities = 0;
};

// What an extracted event is compared with to find the stored event it may repeat.
struct MergeProbe {
  EventKind kind = EventKind::other;
  date::sys_days first, last;  // the extracted date's interval
  std::vector<Id> entity_ids;  // the entities taking part in a role other than mentioned
  std::string title;
  int title_window_days = 0;  // how far apart same-titled events may be and still match
  std::string concept_name;   // the normalised predicate ("invade"); empty when none
};

// A stored event merge_candidates() found: its title, kind, date interval and concept (empty
// when none).
struct MergeCandidate {
  std::string title;
  EventKind kind = EventKind::other;
  date::sys_days first, last;
  std::string concept_name;
  std::string date_text;  // the date as the text wrote it
  bool operator==(const MergeCandidate&) const = default;
};

// A citation an extraction added (so that undoing the extraction removes exactly it).
struct ExtractionCitation {
  Id citation_id = 0;
  Id source_id = 0;
  Id event_id = 0;
  bool created_event = false;  // the extraction created the event (rather than merging)
};

// A role an extraction of a source gave an event (so that undoing the extraction removes the
// roles no other extraction supports, and never one an analyst or a record import gave).
struct ExtractionRole {
  Id source_id = 0;
  Id event_id = 0;
  Id entity_id = 0;
  Role role = Role::mentioned;
  bool operator==(const ExtractionRole&) const = default;
};

// One recorded change of an event's date by an extraction: a refinement (a more precise date)
// or a dispute (a conflicting one, kept side by side).
struct DateChange {
  Id id = 0;
  Id event_id = 0;
  std::string change;  // "refined" or "disputed"
  FuzzyDate old_date = FuzzyDate::year(date::year{1970});
  std::string old_text;
  Status old_status = Status::reported;
  FuzzyDate new_date = FuzzyDate::year(date::year{1970});
  std::string new_text;  // the expression the source used
  std::optional<Id> source_id;
  std::string quote;
  std::string recorded_at;  // stamped by the store when empty
};

// A unit of work on a repository: a transaction, or a savepoint nested in one. Its writes are
// undone when it is destroyed unless commit() succeeded. Move-only.
class Transaction {
 public:
  // What an engine supplies: commit, and undo in its destructor unless committed.
  class Impl {
   public:
    virtual ~Impl() = default;
    virtual Result<void> commit() = 0;
  };

  explicit Transaction(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
  // Commits (for a savepoint: keeps its writes in the enclosing transaction); afterwards the
  // destructor does nothing. Error (storage) if the engine fails.
  Result<void> commit() {
    KB_TRY(impl_->commit());
    impl_.reset();
    return ok();
  }

 private:
  std::unique_ptr<Impl> impl_;  // null once committed
};

class Repository {
 public:
  Repository() = default;
  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;
  Repository(Repository&&) = default;
  Repository& operator=(Repository&&) = default;
  virtual ~Repository() = default;

  // The current time as ISO 8601 UTC (the stamp of recorded_at/updated_at).
  virtual std::string now_iso() const = 0;
  // Starts a write transaction; it rolls back unless committed.
  virtual Result<Transaction> transaction() = 0;
  // Opens a savepoint inside the current transaction: its writes are undone unless committed,
  // so one unit of work can fail without losing the rest. Requires: an open transaction.
  virtual Result<Transaction> savepoint() = 0;

  // --- identity and curation ---
  // The local numbers of the records of `kind` whose permanent id starts with `prefix`
  // (lower-case, see kb::uuid_prefix), at most `limit`, by local number.
  virtual Result<std::vector<Id>> ids_by_uuid(RecordKind kind, std::string_view prefix,
                                              std::size_t limit) = 0;
  // The highest local number ever given out for records of `kind` (0 for none).
  virtual Result<Id> last_id(RecordKind kind) = 0;
  // Marks an event curated (an analyst changed it) and stamps its updated_at, the time of the
  // analyst's latest change, which decides between two versions when knowledge bases merge.
  // Error (not_found).
  virtual Result<void> mark_curated(Id event_id) = 0;
  // The events changed since `since`: updated at or after that time (imports, extraction and
  // analyst commands all stamp updated_at), or changed by a logged operation at or after it.
  // By local number. Error (not_found) for an unknown operation.
  virtual Result<std::vector<Id>> events_changed_since(const ChangesSince& since) = 0;
  // Deletes entity or source `id` when nothing refers to it any more (no role, alias of another
  // record, place lying in it, or citation); true when it was deleted. Events are not records
  // this removes (see remove_event).
  virtual Result<bool> remove_unused(RecordKind kind, Id id) = 0;
  // The curated events `kb import --undo import_id` would remove: imported events every
  // citation of which comes from that import's sources, or that it created and nothing cites.
  virtual Result<std::vector<CuratedEvent>> curated_events_of_import(Id import_id) = 0;

  // --- the operation log ---
  // Records an operation with its events; returns its id.
  virtual Result<Id> add_op(const Op& op) = 0;
  // Adds to logged operation `op_id` the events, entities, sources and created records of
  // `part` (its other fields are not used): one the operation holds already keeps its `before`
  // and takes `part`'s `after`.
  virtual Result<void> extend_op(Id op_id, const Op& part) = 0;
  // Logged operations, newest first, at most `limit` (0: all); only those that changed event
  // `event_id` when given. Each with its events.
  virtual Result<std::vector<Op>> ops(std::optional<Id> event_id, std::size_t limit) = 0;
  // The newest operation that is not an undo and was not undone (nor, for an article import,
  // its run undone by `kb import --undo`), if any.
  virtual Result<std::optional<Op>> last_undoable_op() = 0;
  // Records that operation `undo_id` reverted `op_id`.
  virtual Result<void> set_op_undone(Id op_id, Id undo_id) = 0;
  // Event `id` as stored (its own participants, citations and tags, nothing folded in from
  // events merged into it; links left empty), or nullopt when there is none.
  virtual Result<std::optional<Event>> stored_event(Id id) = 0;
  // The links from or to event `event_id`, by id.
  virtual Result<std::vector<DumpLink>> links_of(Id event_id) = 0;
  // Makes event `e` (by its id) exactly as given: its fields, permanent id, curated mark and
  // merge, participants, tags, citations (by citation id) and `links` (by link id; those not
  // listed are removed), inserting it when missing. Roles, citations and links that refer to
  // entities, sources or events that no longer exist are left out.
  virtual Result<void> put_event(const Event& e, const std::vector<DumpLink>& links) = 0;
  // Makes entity `e` (by its id) exactly as given: name, kind, description, Wikidata id,
  // country, permanent id and aliases (those not listed are removed), inserting it when missing.
  // A country that no longer exists is left out.
  virtual Result<void> put_entity(const Entity& e) = 0;
  // Makes source `s` (by its id) exactly as given, its import run included, inserting it when
  // missing.
  virtual Result<void> put_source(const Source& s) = 0;
  // Marks import run `import_id` as not undone (an undo of `kb import --undo` put it back).
  virtual Result<void> reopen_import(Id import_id) = 0;
  // The events that cite source `source_id`, by id.
  virtual Result<std::vector<Id>> events_citing(Id source_id) = 0;
  // The entities the extraction of import run `import_id` created, by id.
  virtual Result<std::vector<Id>> entities_of_import(Id import_id) = 0;
  // The events merged into event `id` (same-as), by id.
  virtual Result<std::vector<Id>> merged_into(Id id) = 0;
  // The entities whose country is entity `id`, by id.
  virtual Result<std::vector<Id>> lying_in(Id id) = 0;

  // --- entities ---
  // Inserts an entity with its aliases; returns its id. Error (conflict) if an entity of the
  // same kind already has that name.
  virtual Result<Id> add_entity(const Entity& e) = 0;
  // Entities whose name or alias has the same alias_key as `name`, oldest first.
  virtual Result<std::vector<Entity>> lookup_entities(std::string_view name) = 0;

  // Sets a place's point (WGS 84 degrees). Error (invalid_argument) off the globe, (not_found).
  virtual Result<void> set_point(Id id, double latitude, double longitude) = 0;
  // One entity with its aliases. Error (not_found) naming the id.
  virtual Result<Entity> entity(Id id) = 0;
  // All entities (of `kind` if given) ordered by name.
  virtual Result<std::vector<Entity>> entities(std::optional<EntityKind> kind = std::nullopt) = 0;
  // Adds an alias; adding an existing one is a no-op.
  virtual Result<void> add_alias(Id id, std::string_view alias) = 0;
  // Moves everything of `drop` (aliases, event roles, places in it) to `keep`, then deletes
  // `drop`; its name becomes an alias of `keep`.
  virtual Result<void> merge_entities(Id keep, Id drop) = 0;
  // The events entity `entity_id` takes part in, each with its roles, by event id.
  virtual Result<std::map<Id, std::vector<Role>>> roles_of_entity(Id entity_id) = 0;
  // Counts of events per entity, for `kb entity list`.
  virtual Result<std::int64_t> event_count(Id entity_id) = 0;

  // --- sources ---
  // Inserts a source, stamping `retrieved` when empty. Error (conflict) on a duplicate hash.
  virtual Result<Id> add_source(const Source& s) = 0;
  // The source with this content hash / URL, if any.
  virtual Result<std::optional<Id>> find_source_by_hash(std::string_view hash) = 0;
  virtual Result<std::optional<Id>> find_source_by_url(std::string_view url) = 0;
  // A reference to a URL an analyst cited by hand: the existing source with that URL, or a new
  // bare one (no body) created for it.
  virtual Result<Id> source_for_url(std::string_view url) = 0;
  // One source with its body. Error (not_found).
  virtual Result<Source> source(Id id) = 0;
  // All sources, oldest import first, with their event counts; bodies only if `with_text`.
  virtual Result<std::vector<SourceSummary>> sources(bool with_text) = 0;

  // --- events ---
  // Inserts an event with its participants (by entity id), citations (by source id) and tags.
  // Stamps recorded_at/updated_at. Returns the new id.
  virtual Result<Id> add_event(const Event& e) = 0;
  // Rewrites the event's own fields, participants and tags from `e` (citations and links are
  // kept; add them with add_citation/add_link). Error (not_found).
  virtual Result<void> update_event(const Event& e) = 0;
  // Deletes the event with its roles, citations, links and tags. Error (not_found).
  virtual Result<void> remove_event(Id id) = 0;
  // The full event: participants, citations (with their sources), links both ways, tags.
  virtual Result<Event> event(Id id) = 0;
  // Cites a source for an event; returns the citation id.
  virtual Result<Id> add_citation(Id event_id, const Citation& c) = 0;
  // Links two events. Error (invalid_argument) for a self-link, (not_found) for unknown ids,
  // (conflict) when the link exists. `A same-as B` also merges B into A: B is hidden from
  // timelines and search, and A shows B's entities, citations and tags (B itself stays stored;
  // remove_link undoes the merge). Error (conflict) if B is already merged elsewhere.
  virtual Result<Id> add_link(Id from, Relation relation, Id to, std::optional<Id> citation_id) = 0;
  // Removes a link; for same-as also undoes the merge. Error (not_found) if there is none.
  virtual Result<void> remove_link(Id from, Relation relation, Id to) = 0;
  // Adds tags (lower-cased, trimmed); existing ones are kept.
  virtual Result<void> add_tags(Id event_id, const std::vector<std::string>& tags) = 0;
  // The quotes of the first `limit` citations of event `event_id` (and of the events merged
  // into it), in the order event() gives its citations.
  virtual Result<std::vector<std::string>> event_quotes(Id event_id, std::size_t limit) = 0;
  // The roles of event `event_id` other than mentioned, as (entity id, role).
  virtual Result<std::vector<std::pair<Id, Role>>> event_roles(Id event_id) = 0;
  // Adds a role to an event; an existing one is kept. Returns whether the event lacked it.
  virtual Result<bool> add_role(Id event_id, Id entity_id, Role role) = 0;
  // Whether source `source_id` already supports event `event_id`.
  virtual Result<bool> cites_source(Id event_id, Id source_id) = 0;
  // Deletes one citation. Deleting a missing one is a no-op.
  virtual Result<void> remove_citation(Id citation_id) = 0;
  // Stamps the import run that created an event / the run stamped on it (nullopt: none, or no
  // such event).
  virtual Result<void> set_event_import(Id event_id, Id import_id) = 0;
  virtual Result<std::optional<Id>> event_import(Id event_id) = 0;
  // An event titled exactly `title` with the same TIMEX3 value and modifier as `date`, if any.
  virtual Result<std::optional<Id>> find_event(std::string_view title, const FuzzyDate& date) = 0;
  // Events other than `except` overlapping [`first`, `last`] and not merged with it (same-as),
  // oldest first, at most `limit`.
  virtual Result<std::vector<Id>> events_overlapping(Id except, date::sys_days first,
                                                     date::sys_days last, std::size_t limit) = 0;
  // Other events that share an actor, target or place with `id`, within `window_days` of it.
  virtual Result<std::vector<RelatedEvent>> related_events(Id id, int window_days,
                                                           std::size_t limit) = 0;

  // --- import log ---
  // Records the start of a `kb import` of `inputs`; returns its id.
  virtual Result<Id> begin_import(const std::vector<std::string>& inputs) = 0;
  // Records an import's counts and finish time.
  virtual Result<void> finish_import(const ImportRun& counts) = 0;
  // Stores a warning of an import, naming the file (and line).
  virtual Result<void> add_import_warning(Id import_id, std::string_view origin,
                                          std::string_view message) = 0;
  // The sources import `import_id` added, by id.
  virtual Result<std::vector<Id>> import_sources(Id import_id) = 0;
  // Every import, newest first.
  virtual Result<std::vector<ImportRun>> imports() = 0;
  // The warnings import `import_id` stored, in the order it stored them, each as "origin:
  // message"; Errc::not_found when there is no such import.
  virtual Result<std::vector<std::string>> import_warnings(Id import_id) = 0;
  // Undoes an import: removes the sources it added (their citations go with them) and the
  // imported events no remaining source supports; hand edits and events still cited elsewhere
  // stay. Error (not_found) for an unknown id, (conflict) if already undone.
  virtual Result<UndoCounts> undo_import(Id import_id) = 0;

  // --- extraction bookkeeping ---
  // Stored events that may be the happening `probe` describes: of its kind, either overlapping
  // its dates (starting at most 400 days before) with one of its entities in a real role, or
  // titled the same (ignoring case) within `probe.title_window_days`, or of the same concept
  // (any kind) overlapping its dates and not merged into another event. By event id.
  virtual Result<std::map<Id, MergeCandidate>> merge_candidates(const MergeProbe& probe) = 0;
  // Records the concept of an imported event (see MergeProbe::concept_name).
  virtual Result<void> set_event_concept(Id event_id, std::string_view concept_name) = 0;
  // Records that an extraction added a citation.
  virtual Result<void> record_extraction_citation(const ExtractionCitation& c) = 0;
  // The citations extractions of source `source_id` added, oldest first.
  virtual Result<std::vector<ExtractionCitation>> extraction_citations(Id source_id) = 0;
  // The citations of event `event_id` that extraction made, by citation id.
  virtual Result<std::vector<ExtractionCitation>> extraction_citations_of_event(Id event_id) = 0;
  // Makes `records` the extraction citations of event `event_id` (for undo); those whose
  // citation or source no longer exists are left out.
  virtual Result<void> restore_extraction_citations(
      Id event_id, const std::vector<ExtractionCitation>& records) = 0;
  // Records that the extraction of `r.source_id` gives event `r.event_id` role `r.role` of
  // `r.entity_id`: always when `added` (that extraction just gave it), else only when another
  // extraction's record supports the role already (one an analyst or a record import gave
  // stays theirs).
  virtual Result<void> record_extraction_role(const ExtractionRole& r, bool added) = 0;
  // The roles extractions of source `source_id` gave / those of event `event_id`, in key order.
  virtual Result<std::vector<ExtractionRole>> extraction_roles(Id source_id) = 0;
  virtual Result<std::vector<ExtractionRole>> extraction_roles_of_event(Id event_id) = 0;
  // Forgets record `r`; when no extraction of another source supports its role any more, the
  // event loses the role too. Returns whether it did.
  virtual Result<bool> forget_extraction_role(const ExtractionRole& r) = 0;
  // Makes `records` the extraction roles of event `event_id` (for undo); those whose source,
  // entity or role on the event no longer exists are left out.
  virtual Result<void> restore_extraction_roles(Id event_id,
                                                const std::vector<ExtractionRole>& records) = 0;
  // Imported, uncurated events that no citation supports, by id.
  virtual Result<std::vector<Id>> unsupported_imported_events() = 0;
  // Records a date refinement or dispute; returns its id.
  virtual Result<Id> add_date_change(const DateChange& c) = 0;
  // The date changes of an event, oldest first / those a source caused, newest first.
  virtual Result<std::vector<DateChange>> date_changes_of_event(Id event_id) = 0;
  virtual Result<std::vector<DateChange>> date_changes_of_source(Id source_id) = 0;
  // Whether event `event_id` has a recorded dispute other than change `change_id`.
  virtual Result<bool> disputed_elsewhere(Id event_id, Id change_id) = 0;
  // Forgets one recorded date change.
  virtual Result<void> remove_date_change(Id change_id) = 0;

  // --- whole-base records ---
  // Every link, by id.
  virtual Result<std::vector<DumpLink>> links() = 0;
  // True when the knowledge base holds no events, entities or sources.
  virtual Result<bool> is_empty() = 0;
  // Writes `dump` with its ids and timestamps unchanged, so that dumping again gives the same
  // records. Error (conflict) unless the knowledge base is empty; (invalid_argument) for records
  // that reference missing ids. Does not open a transaction: the caller wraps it.
  virtual Result<void> restore(const KbDump& dump) = 0;

  // --- kb copy: a slice at a time, resumably (services/copy.hpp) ---
  // The keys that pass `pass` reads, above `after`, ascending, at most `limit`: entity numbers
  // (countries: of the entities lying in a country with a higher number), source numbers, event
  // numbers (merges: of the events merged into one with a higher number), link ids.
  virtual Result<std::vector<Id>> copy_keys(CopyPass pass, Id after, std::size_t limit) = 0;
  // The links with ids from `first` to `last`, by id.
  virtual Result<std::vector<DumpLink>> links_between(Id first, Id last) = 0;
  // Writes `part` as restore() does, into a knowledge base that may hold records already (the
  // parts of a copy written before): entities with their aliases, sources, events with their
  // roles, citations and tags, then links. A country or merge that refers to a record not there
  // yet is left out (restore_refs() sets it). An event's revision is written as given when above
  // 0. Does not open a transaction.
  virtual Result<void> restore_part(const KbDump& part) = 0;
  // Sets the country of each of `part.entities` and the merge of each of `part.events` that has
  // one (the records referred to must exist). Does not open a transaction.
  virtual Result<void> restore_refs(const KbDump& part) = 0;
  // The copy in progress into this knowledge base, if any.
  virtual Result<std::optional<CopyMarker>> copy_marker() = 0;
  // Records `marker` as the copy in progress (replacing any), or with nullopt that none is. While
  // one is, writes do not count in events' revisions, so that a copy keeps its source's.
  virtual Result<void> set_copy_marker(const std::optional<CopyMarker>& marker) = 0;
  // Raises the highest local number given out for records of `kind` to `id` (never lowers it).
  virtual Result<void> raise_last_id(RecordKind kind, Id id) = 0;

  // --- queries ---
  // How `topic` would be understood: an entity (name or alias), else a tag, else FTS text.
  virtual Result<TopicMatch> match_topic(std::string_view topic) = 0;
  // Events matching `q`, oldest first (first day, then last day, then id), fully loaded. A
  // topic that is an entity brings the events of that entity, of the places that lie in it,
  // and the events tagged with the topic; other topics match a tag or full text. With as_of,
  // only events cited by a source published on or before that day, or entered by hand on or
  // before it, are shown.
  virtual Result<std::vector<Event>> timeline(const TimelineQuery& q) = 0;
  // Full-text search over events and sources, best first. `raw` passes FTS5 syntax through;
  // otherwise each word is searched as a plain term. Error (invalid_argument) for a query FTS5
  // cannot parse, or one of more than 64 words (a timeline topic searched as words too). With
  // `all`, every match is ranked; without it an engine may rank only the matches dated in the
  // newest months when a query matches very many (PostgreSQL ranking from the RUM indexes:
  // docs/storage.md "Full text"), and last_search_scope() says where it did.
  virtual Result<std::vector<SearchHit>> search(std::string_view query, std::size_t limit, bool raw,
                                                bool all) = 0;
  Result<std::vector<SearchHit>> search(std::string_view query, std::size_t limit, bool raw) {
    return search(query, limit, raw, false);
  }
  // The matches of one kind that a search ranked when it did not rank them all: those dated in
  // `months` months, the newest that have any, from `first_month` to `last_month` ("2024-07").
  struct SearchWindow {
    std::string first_month;
    std::string last_month;
    std::int64_t months = 0;
  };
  struct SearchScope {
    std::optional<SearchWindow> events;   // nullopt: every matching event was ranked
    std::optional<SearchWindow> sources;  // nullopt: every matching source was ranked
  };
  // Where the last search() ranked only the newest months' matches (SQLite: never).
  virtual SearchScope last_search_scope() const = 0;
  // How many events (not merged into another) and sources `query` matches in all, as search()
  // reads it: so a front end can say how many of them it shows. Unless `exact`, an engine may
  // estimate a large count instead of counting every match (PostgreSQL with search ranked from
  // the RUM index: docs/storage.md) and says so; SQLite always counts.
  struct SearchCount {
    std::int64_t events = 0;
    std::int64_t sources = 0;
    bool events_estimated = false;
    bool sources_estimated = false;
  };
  virtual Result<SearchCount> search_count(std::string_view query, bool raw, bool exact) = 0;
  // Counts and extent of the knowledge base.
  virtual Result<Stats> stats() = 0;
};

}  // namespace kb
