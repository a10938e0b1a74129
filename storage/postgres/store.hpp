// Store: the PostgreSQL implementation of kb::Repository, for a knowledge base a team shares.
// Callers never see SQL: it lives in the store_*.cpp files beside this header, as named
// constants at the top of each. Same records, ids, orders and texts as storage/sqlite/.
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
#include "storage/postgres/pg.hpp"

namespace kb::postgres {

class Store final : public Repository {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // Connects to the server `uri` names and brings its schema up to date (see migrate()). Error
  // (storage) naming the server when it cannot connect or the database is not kb's; (conflict)
  // for a newer schema than this kb knows.
  static Result<Store> open(const std::string& uri);

  // Replaces the clock that stamps recorded_at/updated_at/retrieved (tests fix it).
  void set_clock(Clock clock) { clock_ = std::move(clock); }
  std::string now_iso() const override;

  // Every method below does what kb::Repository says it does, on PostgreSQL: store.cpp
  // (transactions), store_records.cpp (entities, sources, identity), store_events.cpp,
  // store_oplog.cpp, store_history.cpp, store_imports.cpp, store_dump.cpp, store_query.cpp.
  Result<kb::Transaction> transaction() override;
  Result<kb::Transaction> savepoint() override;
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
  Result<std::vector<Entity>> lookup_entities(std::string_view name) override;
  Result<void> set_point(Id id, double latitude, double longitude) override;
  Result<Entity> entity(Id id) override;
  Result<std::vector<Entity>> entities(std::optional<EntityKind> kind) override;
  Result<void> add_alias(Id id, std::string_view alias) override;
  Result<void> merge_entities(Id keep, Id drop) override;
  Result<std::map<Id, std::vector<Role>>> roles_of_entity(Id entity_id) override;
  Result<std::int64_t> event_count(Id entity_id) override;
  Result<Id> add_source(const Source& s) override;
  Result<std::optional<Id>> find_source_by_hash(std::string_view hash) override;
  Result<std::optional<Id>> find_source_by_url(std::string_view url) override;
  Result<Id> source_for_url(std::string_view url) override;
  Result<Source> source(Id id) override;
  Result<std::vector<SourceSummary>> sources(bool with_text) override;
  Result<Id> add_event(const Event& e) override;
  Result<void> update_event(const Event& e) override;
  Result<void> remove_event(Id id) override;
  Result<Event> event(Id id) override;
  Result<Id> add_citation(Id event_id, const Citation& c) override;
  Result<Id> add_link(Id from, Relation relation, Id to, std::optional<Id> citation_id) override;
  Result<void> remove_link(Id from, Relation relation, Id to) override;
  Result<void> add_tags(Id event_id, const std::vector<std::string>& tags) override;
  Result<std::vector<std::string>> event_quotes(Id event_id, std::size_t limit) override;
  Result<std::vector<std::pair<Id, Role>>> event_roles(Id event_id) override;
  Result<bool> add_role(Id event_id, Id entity_id, Role role) override;
  Result<bool> cites_source(Id event_id, Id source_id) override;
  Result<void> remove_citation(Id citation_id) override;
  Result<void> set_event_import(Id event_id, Id import_id) override;
  Result<std::optional<Id>> event_import(Id event_id) override;
  Result<std::optional<Id>> find_event(std::string_view title, const FuzzyDate& date) override;
  Result<std::vector<Id>> events_overlapping(Id except, date::sys_days first, date::sys_days last,
                                             std::size_t limit) override;
  Result<std::vector<RelatedEvent>> related_events(Id id, int window_days,
                                                   std::size_t limit) override;
  Result<Id> begin_import(const std::vector<std::string>& inputs) override;
  Result<void> finish_import(const ImportRun& counts) override;
  Result<void> add_import_warning(Id import_id, std::string_view origin,
                                  std::string_view message) override;
  Result<std::vector<Id>> import_sources(Id import_id) override;
  Result<std::vector<ImportRun>> imports() override;
  Result<std::vector<std::string>> import_warnings(Id import_id) override;
  Result<UndoCounts> undo_import(Id import_id) override;
  Result<std::map<Id, MergeCandidate>> merge_candidates(const MergeProbe& probe) override;
  Result<void> set_event_concept(Id event_id, std::string_view concept_name) override;
  Result<void> record_extraction_citation(const ExtractionCitation& c) override;
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
  Result<std::vector<Id>> unsupported_imported_events() override;
  Result<Id> add_date_change(const DateChange& c) override;
  Result<std::vector<DateChange>> date_changes_of_event(Id event_id) override;
  Result<std::vector<DateChange>> date_changes_of_source(Id source_id) override;
  Result<bool> disputed_elsewhere(Id event_id, Id change_id) override;
  Result<void> remove_date_change(Id change_id) override;
  Result<std::vector<DumpLink>> links() override;
  Result<bool> is_empty() override;
  Result<void> restore(const KbDump& dump) override;
  Result<std::vector<Id>> copy_keys(CopyPass pass, Id after, std::size_t limit) override;
  Result<std::vector<DumpLink>> links_between(Id first, Id last) override;
  Result<void> restore_part(const KbDump& part) override;
  Result<void> restore_refs(const KbDump& part) override;
  Result<std::optional<CopyMarker>> copy_marker() override;
  Result<void> set_copy_marker(const std::optional<CopyMarker>& marker) override;
  Result<void> raise_last_id(RecordKind kind, Id id) override;
  Result<TopicMatch> match_topic(std::string_view topic) override;
  Result<std::vector<Event>> timeline(const TimelineQuery& q) override;
  using Repository::search;
  Result<std::vector<SearchHit>> search(std::string_view query, std::size_t limit, bool raw,
                                        bool all) override;
  SearchScope last_search_scope() const override { return last_scope_; }
  Result<SearchCount> search_count(std::string_view query, bool raw, bool exact) override;
  Result<Stats> stats() override;

 private:
  explicit Store(Db db) : db_(std::move(db)) {}
  // The Event of a row selected as sqlite::rows::kEventColumns (the same columns on both
  // engines), without participants, citations, links and tags.
  static Result<Event> read_event(const Statement& s);
  // Fills participants, citations, links and tags; with `fold_merged` also those of the
  // events merged into `e` (same-as).
  Result<void> load_details(Event& e, bool fold_merged);
  // The same for every event of `events`, in four statements whatever their number.
  Result<void> load_details(std::vector<Event>& events, bool fold_merged);
  // restore() (`whole`: every country and merge must be there) and restore_part().
  Result<void> write_part(const KbDump& part, bool whole);
  Result<void> merge_same_as(const Event& keep, const Event& merged);
  Result<void> write_participants(const Event& e);
  Result<void> write_tags(Id event_id, const std::vector<std::string>& tags);
  // Appends the key of event `event_id`'s analyst-visible state to its lineage unless it is the
  // last one there (as storage/sqlite does).
  Result<void> note_version(Id event_id);
  // `roots` and the places that lie in them (through country_id, transitively).
  Result<std::vector<Id>> places_within(const std::vector<Id>& roots);
  // The ids of the entities `names` name (error not_found for a name no entity has), and with
  // `with_places` the places that lie in them.
  Result<std::vector<Id>> named_ids(const std::vector<std::string>& names, bool with_places);

  // How search ranks, read once per Store at its first search: from the RUM indexes (schema
  // 0005's kb_setting row 'search_ranking'), and then from which estimated number of matches
  // (kb.search_bound) it ranks only those of the newest months (at first kb.search_months of
  // them; schema 0006).
  struct SearchSettings {
    bool rum = false;
    std::int64_t bound = 0;
    std::int64_t months = 0;
  };
  Result<SearchSettings> search_settings();
  // Appends the best `limit` events (or sources) matching `text` to `hits`, ranked from the RUM
  // indexes: among the matches of the newest months where `settings` say so and `all` does
  // not (`window` receives them), else among all.
  Result<void> rank_rum(bool sources, std::string_view parse, const std::string& text,
                        std::size_t limit, bool all, const SearchSettings& settings,
                        std::vector<SearchHit>& hits, std::optional<SearchWindow>& window);

  Db db_;
  Clock clock_ = [] { return std::chrono::system_clock::now(); };
  // The match counts the last search() counted as it ranked, for search_count() with the same
  // words while no other statement has run on the connection since (Db::statements()).
  struct LastCount {
    std::string text;
    bool raw = false;
    std::uint64_t statements = 0;
    SearchCount count;
  };
  std::optional<LastCount> last_count_;
  std::optional<SearchSettings> search_settings_;
  SearchScope last_scope_;
};

}  // namespace kb::postgres
