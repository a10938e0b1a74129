// The import pipeline: reader thread -> worker threads -> this thread writing in input order.

#include "services/import_articles.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <istream>
#include <iterator>
#include <map>
#include <ostream>
#include <sstream>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "services/extraction.hpp"
#include "services/oplog.hpp"
#include "services/queue.hpp"

namespace kb::services {
namespace {

constexpr std::size_t kQueueCapacity = 64;
// How long the writer keeps a batch's transaction (and so the write lock) open while no extracted
// article is ready; then it commits, so that kb processes importing or editing at the same time
// take turns instead of waiting for this one's extraction (issue #16).
constexpr std::chrono::milliseconds kWriterIdle{50};

// One article on its way through the pipeline.
struct Work {
  std::size_t seq = 0;  // input order
  importers::Article article;
  std::string hash;
  // The events found in the article (filled by the workers unless --no-events).
  std::optional<importers::extract::Extraction> extraction;
};

// A file-level problem, reported by the reader thread.
struct FileProblem {
  std::string message;
  bool failed = false;
};

std::string published_text(const importers::Article& a) {
  if (!a.published) {
    return {};
  }
  if (!a.published_has_time) {
    return date::format("%F", std::chrono::floor<date::days>(*a.published));
  }
  // A stated offset other than UTC's is kept: the local time with its offset
  // ("2017-02-23T17:18:13-08:00"), whose day is the publisher's (and the article's) day.
  if (a.published_offset && *a.published_offset != 0) {
    const int off = *a.published_offset;
    return date::format("%FT%T", *a.published + std::chrono::minutes{off}) +
           fmt::format("{}{:02}:{:02}", off < 0 ? '-' : '+', std::abs(off) / 60,
                       std::abs(off) % 60);
  }
  return date::format("%FT%T", *a.published);
}

Source to_source(const importers::Article& a, const std::string& hash, Id import_id) {
  Source s;
  if (!a.url.empty()) {
    s.url = a.url;
  }
  s.title = a.title;
  if (!a.publisher.empty()) {
    s.publisher = a.publisher;
  }
  if (!a.original_publisher.empty()) {
    s.original_publisher = a.original_publisher;
  }
  if (const std::string p = published_text(a); !p.empty()) {
    s.published = p;
  }
  s.content_hash = hash;
  s.origin = a.origin;
  s.body = a.text;
  s.import_id = import_id;
  return s;
}

// Reads every input into `queue`, numbering articles in order; closes the queue at the end.
void read_inputs(const std::vector<std::string>& files, const importers::ReadOptions& options,
                 std::istream* in, BoundedQueue<Work>& queue, std::vector<FileProblem>& problems,
                 std::atomic<std::size_t>& files_done) {
  std::size_t seq = 0;
  auto sink = [&](importers::Article&& a) {
    Work w;
    w.seq = seq++;
    w.article = std::move(a);
    queue.push(std::move(w));
  };
  for (const auto& file : files) {
    std::vector<std::string> warnings;
    Result<std::size_t> read = std::size_t{0};
    if (file == "-") {
      std::istringstream nothing;
      read = importers::stream_input(in != nullptr ? *in : nothing, "<stdin>", options, sink,
                                     warnings);
    } else {
      read = importers::stream_path(file, options, sink, warnings);
    }
    for (auto& w : warnings) {
      problems.push_back(FileProblem{std::move(w), false});
    }
    if (!read) {
      problems.push_back(FileProblem{read.error().message, true});
    }
    ++files_done;
  }
  queue.close();
}

// Prepares articles: content hash and, with an extractor, the article's events.
void prepare(BoundedQueue<Work>& in, BoundedQueue<Work>& out,
             const importers::extract::Extractor* extractor) {
  while (auto w = in.pop()) {
    w->hash = importers::content_hash(w->article.text);
    if (extractor != nullptr) {
      w->extraction = extractor->extract(w->article);
      for (auto& warning : w->extraction->warnings) {
        w->article.warnings.push_back(std::move(warning));
      }
    }
    out.push(std::move(*w));
  }
}

// The extractor for an import that wants events: built once, shared by the workers. When the
// gazetteer cannot be loaded, sources are still imported and a warning says why no events were.
struct ExtractionSetup {
  std::optional<importers::Gazetteer> gazetteer;
  std::optional<importers::extract::Extractor> extractor;
};

void start_extraction(ExtractionSetup& x, Repository& store, bool all_topics,
                      std::vector<std::string>& warnings) {
  auto dir = importers::find_data_dir();
  auto gazetteer =
      dir ? importers::load_gazetteer(*dir) : Result<importers::Gazetteer>(dir.error());
  if (!gazetteer) {
    warnings.push_back("no events extracted: " + gazetteer.error().message);
    return;
  }
  x.gazetteer = std::move(gazetteer).value();
  // What the analyst recorded in this KB is recognised too (kb entity add ... --in ...).
  if (auto added = add_kb_entities(store, *x.gazetteer); !added) {
    warnings.push_back("the knowledge base's own entities are not recognised: " +
                       added.error().message);
  }
  auto options = importers::extract::default_options(*dir, warnings);
  options.all_topics = all_topics;
  x.extractor.emplace(*x.gazetteer, std::move(options));
}

// Stores one article inside the writer's batch transaction. Returns false if it was already
// stored. Adds the number of events it created or cited to `events`. With `atomic`, the article
// is its own savepoint: either all of it lands or none. Without, a failure leaves it half
// written and the caller must roll the batch back.
Result<bool> store_article(Repository& store, const Work& w, Id import_id, bool atomic,
                           std::int64_t& events, StoreExtractionOptions options,
                           std::vector<std::string>& warnings) {
  KB_ASSIGN(auto existing, store.find_source_by_hash(w.hash));
  if (existing) {
    // Nothing new to store, but what reading it found is part of this import's log, as the
    // console reports it.
    for (const auto& warning : w.article.warnings) {
      KB_TRY(store.add_import_warning(import_id, w.article.origin, warning));
    }
    return false;
  }
  std::optional<Transaction> unit;
  if (atomic) {
    KB_ASSIGN(Transaction sp, store.savepoint());
    unit.emplace(std::move(sp));
  }
  // A changed text at a URL kb has read: a new version of that source.
  std::vector<std::string> notes;  // for the console once the article has landed
  std::optional<Id> previous;
  if (!w.article.url.empty()) {
    KB_ASSIGN(previous, store.find_source_by_url(w.article.url));
  }
  KB_ASSIGN(Id source_id, store.add_source(to_source(w.article, w.hash, import_id)));
  if (w.extraction) {
    options.import_id = import_id;
    if (previous) {
      KB_ASSIGN(const ReextractReport r,
                extract_new_version(store, source_id, *previous, *w.extraction, options));
      events +=
          r.stored.created + r.stored.merged + r.kept + static_cast<std::int64_t>(r.curated.size());
      for (const EventChanges& c : r.curated) {
        if (!c.changes.empty()) {
          std::string note =
              fmt::format("{}: new version of source #{}: curated event #{} left as it is ({})",
                          w.article.origin, *previous, c.event_id, fmt::join(c.changes, "; "));
          KB_TRY(store.add_import_warning(import_id, w.article.origin, note));
          notes.push_back(std::move(note));
        }
      }
    } else {
      KB_ASSIGN(const StoredCounts c, store_extraction(store, source_id, *w.extraction, options));
      events += c.created + c.merged;
    }
  }
  for (const auto& warning : w.article.warnings) {
    KB_TRY(store.add_import_warning(import_id, w.article.origin, warning));
  }
  if (unit) {
    KB_TRY(unit->commit());
  }
  warnings.insert(warnings.end(), notes.begin(), notes.end());
  return true;
}

class Progress {
 public:
  Progress(std::ostream* out, std::size_t files) : out_(out), files_(files) {}
  void tick(std::size_t articles, std::size_t files_done) {
    if (out_ == nullptr) {
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) {
      return;
    }
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(articles) / secs : 0.0;
    std::string eta;
    if (files_done > 0 && files_done < files_) {
      const double left =
          secs * static_cast<double>(files_ - files_done) / static_cast<double>(files_done);
      eta = fmt::format(", ETA {:.0f}s", left);
    }
    *out_ << fmt::format("\r  {} articles, {}/{} files, {:.0f}/s{}   ", articles, files_done,
                         files_, rate, eta);
    out_->flush();
  }
  void done() {
    if (out_ != nullptr) {
      *out_ << "\r\x1b[K";
    }
  }

 private:
  std::ostream* out_;  // null: no progress shown
  std::size_t files_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// The writing end of the pipeline: stores articles in input order, batching them into
// transactions of up to kBatchArticles, and counts what happened. A bad article is skipped
// without losing the rest of its batch, so each article must be atomic. A savepoint per article
// would give that, but FTS5 flushes its pending index data to a new segment at every savepoint
// (a third of the writer's time on dev.jsonl), and bad articles are rare. So a batch is written
// without savepoints, and only when an article in it fails is the batch rolled back and written
// again with one savepoint per article. Counts and warnings of a batch reach the report when it
// commits.
class Writer {
 public:
  // `op` (when writing) is told the stored events the run changes that it did not create
  // (those numbered up to `last_event` are from before it), so that `kb undo` can put them
  // back.
  Writer(Repository* store, bool dry_run, ImportReport& report, OpRecorder* op, Id last_event)
      : store_(store), dry_run_(dry_run), report_(report), op_(op), last_event_(last_event) {}

  // How extracted events are stored (ImportRequest::on_compare and merge); the writer adds
  // the import run and the operation log's hook.
  StoreExtractionOptions extraction;

  // Stores (or, for a dry run, checks) one article. A bad article is a warning and a failure
  // count; a database failure stops all further writing and is returned by finish().
  void write(Work item) {
    ++report_.run.articles;
    for (const auto& warning : item.article.warnings) {
      report_.warnings.push_back(warning);
    }
    if (fatal_) {
      return;
    }
    if (auto r = store_one(std::move(item)); !r) {
      fatal_ = std::move(r).error();
    }
  }

  // Commits the open batch, if any, so that other processes may write while this one waits for
  // its workers: the batch's transaction holds the knowledge base's single write lock (SQLite's,
  // or kb's advisory lock on PostgreSQL). A failure is kept for finish().
  void pause() {
    if (!fatal_ && batch_) {
      if (auto r = commit_batch(); !r) {
        fatal_ = std::move(r).error();
      }
    }
  }

  // Whether a batch is open.
  bool in_batch() const { return batch_.has_value(); }

  // Commits the last batch; the first database failure, if any.
  Result<void> finish() {
    if (!fatal_ && batch_) {
      if (auto r = commit_batch(); !r) {
        fatal_ = std::move(r).error();
      }
    }
    batch_.reset();
    if (fatal_) {
      return *fatal_;
    }
    return ok();
  }

 private:
  static constexpr std::size_t kBatchArticles = 256;
  // A batch also ends once the articles it holds (kept for a rewrite) reach this many bytes.
  static constexpr std::size_t kBatchBytes = std::size_t{64} << 20;

  struct Counts {
    std::int64_t added = 0;
    std::int64_t unchanged = 0;
    std::int64_t failed = 0;
    std::int64_t events = 0;
    std::vector<std::string> warnings;
  };

  Result<void> store_one(Work item) {
    if (store_ == nullptr) {
      ++report_.run.added;
      return ok();
    }
    if (dry_run_) {
      KB_ASSIGN(auto existing, store_->find_source_by_hash(item.hash));
      ++(existing ? report_.run.unchanged : report_.run.added);
      return ok();
    }
    if (!batch_) {
      KB_TRY(begin_batch());
    }
    bool rewrite = false;
    KB_TRY(put(item, rewrite));
    held_bytes_ += item.article.text.size();
    held_.push_back(std::move(item));
    if (rewrite) {
      KB_TRY(rewrite_batch());
    }
    if (held_.size() >= kBatchArticles || held_bytes_ >= kBatchBytes) {
      KB_TRY(commit_batch());
    }
    return ok();
  }

  // Stores one article in the open batch. Sets `rewrite` when it failed without a savepoint.
  Result<void> put(const Work& item, bool& rewrite) {
    const auto before_change = [this](Id id) -> Result<void> {
      if (op_ == nullptr) {
        return ok();
      }
      if (id > last_event_) {
        // Numbered after the run began: created by this run (its undo deletes it), unless
        // another process added it between two of the run's batches.
        KB_ASSIGN(const auto run, store_->event_import(id));
        if (run == report_.run.id) {
          return ok();
        }
      }
      return op_->watch(*store_, id);
    };
    StoreExtractionOptions options = extraction;
    options.before_change = before_change;
    auto stored = store_article(*store_, item, report_.run.id, careful_, counts_.events,
                                std::move(options), counts_.warnings);
    if (stored) {
      ++(*stored ? counts_.added : counts_.unchanged);
      return ok();
    }
    if (stored.error().code == Errc::storage) {
      return std::move(stored).error();
    }
    if (!careful_) {
      rewrite = true;
      return ok();
    }
    ++counts_.failed;
    // The article's savepoint took its warnings with it: log them again, with why it failed.
    std::string why =
        fmt::format("{}: not stored: {}", item.article.origin, stored.error().message);
    for (const auto& warning : item.article.warnings) {
      KB_TRY(store_->add_import_warning(report_.run.id, item.article.origin, warning));
    }
    KB_TRY(store_->add_import_warning(report_.run.id, item.article.origin, why));
    counts_.warnings.push_back(std::move(why));
    return ok();
  }

  Result<void> begin_batch() {
    KB_ASSIGN(Transaction tx, store_->transaction());
    batch_.emplace(std::move(tx));
    return ok();
  }

  // Rolls the batch back and writes its articles again, each in its own savepoint.
  Result<void> rewrite_batch() {
    batch_.reset();
    counts_ = {};
    careful_ = true;
    KB_TRY(begin_batch());
    for (const Work& item : held_) {
      bool unused = false;
      KB_TRY(put(item, unused));
    }
    return ok();
  }

  Result<void> commit_batch() {
    if (op_ != nullptr) {
      KB_TRY(op_->flush(*store_));  // logged with the batch: a crash after it leaves it undoable
    }
    KB_TRY(batch_->commit());
    batch_.reset();
    report_.run.added += counts_.added;
    report_.run.unchanged += counts_.unchanged;
    report_.run.failed += counts_.failed;
    report_.run.events += counts_.events;
    std::move(counts_.warnings.begin(), counts_.warnings.end(),
              std::back_inserter(report_.warnings));
    counts_ = {};
    held_.clear();
    held_bytes_ = 0;
    careful_ = false;
    return ok();
  }

  Repository* store_;
  bool dry_run_;
  ImportReport& report_;
  OpRecorder* op_;
  Id last_event_;
  std::optional<Transaction> batch_;  // open while articles are being written
  std::vector<Work> held_;            // the articles of the open batch, for a rewrite
  std::size_t held_bytes_ = 0;
  bool careful_ = false;  // the open batch is being written one savepoint per article
  Counts counts_;         // of the open batch
  std::optional<Error> fatal_;
};

// The pipeline's threads. On destruction (an early return) the queues are closed, so every
// thread runs out of work, and then all are joined.
class Threads {
 public:
  Threads(BoundedQueue<Work>& to_workers, BoundedQueue<Work>& to_writer)
      : to_workers_(to_workers), to_writer_(to_writer) {}
  Threads(const Threads&) = delete;
  Threads& operator=(const Threads&) = delete;
  ~Threads() {
    to_workers_.close();
    to_writer_.close();
    join();
  }

  // Starts `f` on a new thread. Error (storage) when the system cannot create one.
  template <typename F>
  Result<void> start(F&& f) {
    try {
      list_.emplace_back(std::forward<F>(f));
    } catch (const std::system_error& e) {
      return fail(Errc::storage, fmt::format("cannot start an import thread: {}", e.what()));
    }
    return ok();
  }
  void join() {
    for (auto& t : list_) {
      if (t.joinable()) {
        t.join();
      }
    }
  }

 private:
  BoundedQueue<Work>& to_workers_;
  BoundedQueue<Work>& to_writer_;
  std::vector<std::thread> list_;
};

}  // namespace

Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    const auto status = std::filesystem::status(input, ec);
    if (ec || !std::filesystem::exists(status)) {
      return fail(Errc::not_found, fmt::format("no such file or directory: '{}'", input));
    }
    if (!std::filesystem::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = std::filesystem::recursive_directory_iterator(input, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) {
        found.push_back(it->path().string());
      }
    }
    if (ec) {
      return fail(Errc::storage,
                  fmt::format("cannot read directory '{}': {}", input, ec.message()));
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Result<ImportReport> import_articles(Repository* store, const ImportRequest& request) {
  KB_ASSIGN(auto files, expand_inputs(request.inputs));
  ImportReport report;
  report.files = files.size();
  // More workers than cores add only memory and contention, and thousands of threads may not
  // start at all: --jobs is clamped to the machine.
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  const unsigned workers = request.jobs > 0 ? std::min(request.jobs, cores) : cores;
  BoundedQueue<Work> to_workers(kQueueCapacity);
  BoundedQueue<Work> to_writer(kQueueCapacity);
  std::vector<FileProblem> problems;
  std::atomic<std::size_t> files_done{0};
  ExtractionSetup extraction;
  const bool writing = store != nullptr && !request.dry_run;
  Id last_event = 0;  // the highest event number before this run
  if (request.events && writing) {
    start_extraction(extraction, *store, request.all_topics, report.warnings);
  }
  const importers::extract::Extractor* extractor =
      extraction.extractor ? &*extraction.extractor : nullptr;
  // The threads start before the import is logged, so that a system that cannot start them
  // leaves no unfinished run in the log.
  std::atomic<unsigned> running{workers};  // workers still preparing; outlives the threads
  Threads threads(to_workers, to_writer);
  KB_TRY(threads.start(
      [&] { read_inputs(files, request.read, request.in, to_workers, problems, files_done); }));
  for (unsigned i = 0; i < workers; ++i) {
    auto started = threads.start([&] {
      prepare(to_workers, to_writer, extractor);
      if (--running == 0) {
        to_writer.close();
      }
    });
    if (!started) {
      if (i == 0) {
        return std::move(started).error();
      }
      // Go on with the workers that did start; the last of them closes the writer's queue.
      if (running.fetch_sub(workers - i) == workers - i) {
        to_writer.close();
      }
      break;
    }
  }
  if (writing) {
    KB_ASSIGN(Transaction tx, store->transaction());
    KB_ASSIGN(report.run.id, store->begin_import(request.inputs));
    KB_ASSIGN(last_event, store->last_id(RecordKind::event));
    KB_TRY(tx.commit());
  }
  Progress progress(request.progress, files.size());
  std::string command = fmt::format("import {}", fmt::join(request.inputs, " "));
  if (command.size() > 300) {  // a long list of files: the import log keeps them all
    std::size_t cut = 280;
    while (cut > 0 && (static_cast<unsigned char>(command[cut]) & 0xC0) == 0x80) {
      --cut;  // not inside a UTF-8 sequence
    }
    command = fmt::format("{}… ({} inputs)", command.substr(0, cut), request.inputs.size());
  }
  OpRecorder op(request.user, command);
  if (writing) {
    op.set_import(report.run.id);
  }
  Writer writer(store, request.dry_run, report, writing ? &op : nullptr, last_event);
  writer.extraction.on_compare = request.on_compare;
  writer.extraction.merge = request.merge;
  std::map<std::size_t, Work> pending;  // reorders the workers' output into input order
  std::size_t next = 0;
  for (;;) {
    if (writer.in_batch() && !to_writer.wait_for(kWriterIdle)) {
      writer.pause();  // the workers are behind: let other writers in meanwhile
    }
    auto w = to_writer.pop();
    if (!w) {
      break;
    }
    pending.emplace(w->seq, std::move(*w));
    for (auto it = pending.find(next); it != pending.end(); it = pending.find(++next)) {
      Work item = std::move(it->second);
      pending.erase(it);
      writer.write(
          std::move(item));  // after a database failure it only counts, draining the pipeline
      progress.tick(static_cast<std::size_t>(report.run.articles), files_done.load());
    }
  }
  threads.join();
  progress.done();
  KB_TRY(writer.finish());
  for (const auto& p : problems) {
    if (p.failed) {
      ++report.run.failed;
    }
  }
  if (writing) {
    KB_ASSIGN(Transaction tx, store->transaction());
    for (const auto& p : problems) {
      KB_TRY(store->add_import_warning(report.run.id, "", p.message));
    }
    KB_TRY(store->finish_import(report.run));
    KB_TRY(op.finish(*store));
    KB_TRY(tx.commit());
  }
  for (auto& p : problems) {
    report.warnings.push_back(std::move(p.message));  // only now: the log has its copy
  }
  report.run.warnings = static_cast<std::int64_t>(report.warnings.size());
  return report;
}

}  // namespace kb::services
