// Storing what the event extractor found in one source: entities resolved through their names
// and aliases (created when unknown), events merged with the ones the knowledge base already
// holds (one event, several citations; a more precise date refines, a conflicting one is kept
// side by side and flags the event disputed), typed links, and the bookkeeping that lets
// `kb extract` redo and `kb import --undo` undo an extraction. The caller owns the transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "kb/repository.hpp"
#include "kb/result.hpp"
#include "services/merge_model.hpp"

namespace kb::services {

// The stored entity for participant `p`, resolved as extraction resolves entities: found by its
// name or aliases (its kind preferred), else created with its kind, description, Wikidata id,
// aliases and country (itself resolved the same way). `created` (when given) tells whether it
// was added. For `kb add --actor Ukraine`, fed from the gazetteer.
Result<Id> resolve_participant(Repository& store, const importers::extract::ExtractedParticipant& p,
                               bool* created = nullptr);

// Adds the knowledge base's own entities to `gazetteer`, so that recognition finds what an
// analyst recorded: `kb entity add Mayorsk --kind place --in Ukraine` and `kb entity alias` feed
// every later import and `kb extract` of the same KB (colleagues who re-extract it get the same
// result). Entities the gazetteer knows gain the KB's aliases; the others are added with their
// kind, description, Wikidata id, aliases and country. Returns how many were new to it.
Result<std::size_t> add_kb_entities(Repository& store, importers::Gazetteer& gazetteer);

// What store_extraction() did.
struct StoredCounts {
  std::int64_t created = 0;   // new events
  std::int64_t merged = 0;    // extracted events that cited an existing event instead
  std::int64_t refined = 0;   // of the merged: dates made more precise
  std::int64_t disputed = 0;  // of the merged: conflicting dates recorded, event flagged
  std::int64_t links = 0;     // typed links added
  std::int64_t entities = 0;  // entities created
};

// Where an extracted event went: the stored event and the citation that supports it (none when
// the event already cited the source).
struct StoredEventRef {
  Id event_id = 0;
  std::optional<Id> citation_id;
};

// Called for each extracted event once its entities are resolved (`roles`: distinct entity and
// role), before it is merged or created: a StoredEventRef when the hook stored it itself (kb
// extract keeps earlier events this way, see reextract()), nullopt to store it as usual.
using BeforeEventHook = std::function<Result<std::optional<StoredEventRef>>(
    const importers::extract::ExtractedEvent& x, const std::vector<std::pair<Id, Role>>& roles)>;

// One comparison of an extracted event with a stored event it may repeat, as
// `kb import --trace-merges` writes it: the merge model's features and the decision.
struct MergeTrace {
  Id source_id = 0;             // the source the extracted event is read from
  std::size_t quote_begin = 0;  // its sentence, bytes of the source's text
  std::size_t quote_end = 0;
  std::string title;  // its title
  Id event_id = 0;    // the stored event
  MergeFeatures features{};
  std::string concept_name;  // the concept both name ("" when none), MergeModel::concept_weights
  bool same = false;  // whether that reaches the model's threshold (the likeliest such merges)
};

// Options for store_extraction().
struct StoreExtractionOptions {
  std::optional<Id> import_id;   // stamped on created events (the import log, schema 0003)
  BeforeEventHook before_event;  // optional
  // Told each stored event this extraction is about to change (a merge, a link), before it
  // changes it: the operation log snapshots it. Optional.
  std::function<Result<void>(Id)> before_change;
  // Told of each stored event compared with an extracted one (every candidate up to the one it
  // merges into). Optional; costs a read of each candidate.
  std::function<void(const MergeTrace&)> on_compare;
  // Off: every extracted event is stored as its own event (still compared, for on_compare):
  // the pairs the merge model is trained on, each a stored event of one citation.
  bool merge = true;
  // The merge decision; null: the shipped one (shipped_merge_model()).
  const MergeModel* merge_model = nullptr;
};

// Stores `x` (extracted from source `source_id`) into `store`. Requires: an open write
// transaction. Errors are the store's (storage, conflict); nothing is half-written once the
// caller rolls back.
Result<StoredCounts> store_extraction(Repository& store, Id source_id,
                                      const importers::extract::Extraction& x,
                                      const StoreExtractionOptions& options = {});

// What forget_extraction() removed.
struct ForgetCounts {
  std::int64_t citations = 0;  // citations the extraction had added
  std::int64_t events = 0;     // imported events left without any citation, deleted
  std::int64_t reverted = 0;   // date refinements / disputes of that source undone
  std::int64_t roles = 0;      // roles it gave that no other source's extraction gives
};

// How forget_extraction() treats curated events and events left without support.
struct ForgetOptions {
  bool keep_curated = false;  // leave curated events' citations and date changes as they are
  bool remove_events = true;  // delete imported, uncurated events no citation supports
};

// Undoes what extractions of source `source_id` stored: reverts the date refinements and
// disputes it caused, removes the roles it gave that no extraction of another source gives
// (also on events from before it, which a merge gave them; never on curated events), removes
// its citations, and deletes imported events no other source
// supports (never curated ones). Hand-entered events and hand-added citations stay. Requires: a
// write transaction.
Result<ForgetCounts> forget_extraction(Repository& store, Id source_id,
                                       const ForgetOptions& options = {});

// What reextract() found on re-reading a source: for each event an analyst curated that the
// source supports, or an uncurated event it kept, the fields extraction would change (curated:
// changes it did not make) as "field: old -> new".
struct EventChanges {
  Id event_id = 0;
  std::string uuid;
  std::string title;
  bool curated = false;
  std::vector<std::string> changes;
};

// What reextract() did.
struct ReextractReport {
  StoredCounts stored;         // events created or merged anew (as store_extraction counts them)
  std::int64_t kept = 0;       // uncurated events found again: same local number and permanent id
  std::int64_t removed = 0;    // uncurated events the source no longer yields, deleted
  std::int64_t citations = 0;  // earlier citations of the source replaced
  std::vector<EventChanges> updated;  // kept events whose machine fields changed
  std::vector<EventChanges> curated;  // curated events left as they were, with what would change
};

// Re-runs the storing of source `source_id`'s extraction `x` over what earlier extractions of
// it stored. An event an earlier extraction created from the same sentence (the same quote) is
// found again and keeps its local number and permanent id: if uncurated, its machine fields
// (title, summary, date, kind, status, confidence, roles, concept) are rewritten from `x`; if
// curated, nothing of it changes and what would have changed is reported. Uncurated events the
// source no longer yields are deleted; curated ones and hand-entered ones never are. Requires: a
// write transaction (a dry run rolls it back). Errors are the store's.
// `before_change`, when set, is told each stored event before the re-extraction changes it (the
// operation log snapshots it).
Result<ReextractReport> reextract(Repository& store, Id source_id,
                                  const importers::extract::Extraction& x,
                                  const std::function<Result<void>(Id)>& before_change = {});

// Stores the extraction `x` of source `source_id`, a new version of source `previous` (the same
// URL, changed text), over what earlier extractions of `previous` stored: an event found again
// in the same sentence keeps its local number and permanent id and is cited from the new
// version; if uncurated, its machine fields are rewritten from `x` (report.updated), if curated
// nothing of it changes and what would have changed is reported (report.curated). Events the new
// version no longer tells stay, cited by the old one. `options.before_change` is told each
// stored event before it changes. Requires: a write transaction.
Result<ReextractReport> extract_new_version(Repository& store, Id source_id, Id previous,
                                            const importers::extract::Extraction& x,
                                            const StoreExtractionOptions& options);

// Deletes imported, uncurated events that no citation supports any more (for example after their
// sources were deleted); returns how many. Requires: a write transaction.
Result<std::int64_t> remove_unsupported_events(Repository& store);

// A stored source as the extractor reads it (its kept text, title, publisher, origin and
// publication day).
importers::Article article_of(const Source& s);

// What extract_sources() did with one source.
struct SourceExtracted {
  Id source = 0;
  std::size_t events = 0;  // events the extraction found
  ReextractReport report;
  std::string_view text;  // the source's kept text (valid while `each` runs)
};
// kb extract: re-runs `extractor` on each of `sources` and stores the result over what earlier
// extractions of it stored (reextract), one transaction per source. Sources without text are
// skipped. Unless `dry_run` (each transaction then rolls back), the whole run is one operation
// of the log (`command`, by `user`), written with each source's transaction, so a run killed
// half-way leaves what it committed undoable; the events it creates are only those numbered
// inside its own transactions. `each` is told every source done, with its extraction (for the
// caller to report warnings, changes and traces).
Result<void> extract_sources(
    Repository& store, const importers::extract::Extractor& extractor,
    const std::vector<Id>& sources, bool dry_run, const std::string& command,
    const std::string& user,
    const std::function<void(const SourceExtracted&, const importers::extract::Extraction&)>& each);

// The date refinements and disputes of event `event_id`, oldest first (empty if none).
Result<std::vector<DateChange>> date_history(Repository& store, Id event_id);

}  // namespace kb::services
