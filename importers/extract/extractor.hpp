// Event extraction: from one article, the dated events an analyst would put on a timeline, with
// their kind, actors, places, status, confidence and the sentence they came from. Pure text in,
// data out (no database); services/extraction.cpp resolves and stores the result.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "importers/article.hpp"
#include "importers/entities/gazetteer.hpp"
#include "importers/entities/recognizer.hpp"
#include "importers/sentences.hpp"
#include "kb/fuzzy_date.hpp"
#include "kb/model.hpp"
#include "kb/result.hpp"

namespace kb::importers::extract {

namespace detail {
struct DocContext;
}
namespace learned {
struct SynSentence;
}

// The models of the learned extractor (importers/extract/learned.hpp): the analysis layer, the
// CAMEO dictionary and the event models. Loaded once, shared read-only by every thread.
struct LearnedModels;
// Loads them from kb's data directory (data/analysis, data/cameo, data/events); errors name
// the file.
Result<std::shared_ptr<const LearnedModels>> load_learned(const std::filesystem::path& data_dir);

// An entity as one extracted event involves it; resolved to KB entities by name and aliases.
struct ExtractedParticipant {
  std::string name;  // canonical name ("Wagner Group", "Russia")
  EntityKind kind = EntityKind::organisation;
  Role role = Role::mentioned;
  std::optional<std::string> wikidata;  // "Q212"
  std::vector<std::string> aliases;     // other names, including the form written in the text
  std::optional<std::string> country;   // canonical name of the country a place lies in
  std::string description;              // "capital of Ukraine", "Russian private military company"
};

// The date text of an event that no expression of its own dates: a report of the day, dated by
// its publication.
inline constexpr std::string_view kPublicationDateText = "(publication date)";

// One event found in a clause that carries a resolved date.
struct ExtractedEvent {
  std::string title;    // "Russia annexes Crimea"
  std::string summary;  // extra context; empty for now (the quote holds the sentence)
  FuzzyDate date = FuzzyDate::year(date::year{1970});
  std::string date_text;  // the expression as written ("over the weekend"), or
                          // kPublicationDateText when the publication date dates it
  // The byte offset in Article::text of the expression that dates it (the sentence's own, or
  // an earlier one framing its paragraph); npos when the publication date dates it.
  std::size_t date_begin = std::string::npos;
  EventKind kind = EventKind::other;
  Status status = Status::reported;
  double confidence = 0.5;
  std::vector<ExtractedParticipant> participants;
  std::string quote;            // the sentence, as written
  std::size_t quote_begin = 0;  // byte offsets of the sentence in Article::text
  std::size_t quote_end = 0;
  std::string trigger;            // the word that made it an event ("annexed")
  std::size_t trigger_begin = 0;  // its byte offset in Article::text
  std::string concept_name;  // what kind of happening the trigger names (concepts.hpp); "" if none
  std::vector<std::string> tags;
};

// A typed relation stated in the text between two extracted events.
struct ExtractedLink {
  std::size_t from = 0;  // index into Extraction::events
  std::size_t to = 0;
  Relation relation = Relation::related;  // violates, responds_to, precedes
  std::string quote;                      // the sentence stating it
  std::size_t quote_begin = 0;
  std::size_t quote_end = 0;
};

// One step of an extraction, as `kb extract --trace` shows it: the rule or learned decision that
// read, kept or left out a sentence, a candidate predicate or an event, and what it decided on.
struct TraceStep {
  std::size_t begin = 0, end = 0;  // the bytes of the article it is about (a sentence, a word)
  std::string_view rule;           // an id of trace_rules()
  std::string detail;              // a margin, a title, the event it gave way to ...
};

// A rule or decision a trace names: its id and what it does (the error class it serves).
struct TraceRule {
  std::string_view id;
  std::string_view what;
};
// Every id a trace can name, in the order extraction applies them.
std::span<const TraceRule> trace_rules();

// Everything extracted from one article.
struct Extraction {
  std::vector<ExtractedEvent> events;  // in text order
  std::vector<ExtractedLink> links;
  std::vector<ExtractedParticipant> topics;  // the article's main subjects (role mentioned)
  std::vector<std::string> warnings;         // e.g. no publication date: relative dates skipped
  std::vector<TraceStep> trace;              // in text order per sentence; when options.trace
};

// Options for Extractor.
struct ExtractOptions {
  std::size_t max_topics = 3;  // at most this many topics per article
  // With models, events come from the dependency tree and the learned decisions; without, from
  // the hand rules of lexicon.cpp (the fallback when data/events is missing).
  std::shared_ptr<const LearnedModels> learned;
  // Read every article for events, also those the topic gate (topic.hpp) takes for business,
  // sport or entertainment news.
  bool all_topics = false;
  // Record in Extraction::trace which rule or decision kept or left out each sentence,
  // candidate predicate and event (the learned extractor; the patterns alone record nothing).
  bool trace = false;
  // A trigger oracle, for tests of what follows the trigger decision (dates, roles, headlines,
  // one event per happening) that must not hang on the trigger model's draws: when not empty,
  // the candidate predicates written so ("annexed") are the learned extractor's triggers and
  // no others (learned::decide), and the lexicon's patterns add no event whose word it does not
  // list. kb's commands leave it empty.
  std::vector<std::string> triggers;
};

// The options kb's commands extract with: the learned models from `data_dir`, or, when they
// cannot be loaded, the hand rules with a warning in `warnings` that says why.
ExtractOptions default_options(const std::filesystem::path& data_dir,
                               std::vector<std::string>& warnings);

// Called with each dated sentence as the learned extractor sees it (the training tool's view).
using SentenceHook = std::function<void(const learned::SynSentence&, const detail::DocContext&)>;

// Extracts events from articles. Build once (the gazetteer is the costly part); extract() may
// then be called from several threads at once (each call borrows a sentence splitter from a
// pool the extractor owns, so ICU's iterators are freed with it).
class Extractor {
 public:
  // Requires: `gazetteer` outlives the extractor.
  explicit Extractor(const Gazetteer& gazetteer, ExtractOptions options = {});

  // The events, links and topics of `article`. Dates are resolved against
  // `article.published`; without it only dates with an explicit year are used and a warning
  // says so. Never fails.
  Extraction extract(const Article& article) const;

  // Runs the learned extractor's analysis over `article` and calls `hook` for each dated
  // sentence instead of deciding events (requires options.learned). For the training tool.
  void visit(const Article& article, const SentenceHook& hook) const;

  // Whether events come from the learned models.
  bool learned() const { return options_.learned != nullptr; }

 private:
  // Ranks the article's entities (mentions, title mentions count thrice) and adds the top ones
  // as topics, and as 'mentioned' participants of each event whose paragraph names them (or one
  // of a topic country's places) or names no entity at all.
  void add_topics(const Article& article, const Recognition& rec, const detail::DocContext& doc,
                  Extraction& x) const;

  Extraction run(const Article& article, const SentenceHook* hook) const;

  // A splitter from the pool (a new one when all are in use); give it back with release().
  std::unique_ptr<SentenceSplitter> borrow_splitter() const;
  void release_splitter(std::unique_ptr<SentenceSplitter> splitter) const;

  const Gazetteer& gazetteer_;
  ExtractOptions options_;
  std::unordered_map<std::string, std::size_t> countries_;            // ISO code -> gazetteer index
  mutable std::mutex pool_mutex_;                                     // guards splitters_
  mutable std::vector<std::unique_ptr<SentenceSplitter>> splitters_;  // idle splitters
};

}  // namespace kb::importers::extract
