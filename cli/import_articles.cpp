// The import pipeline: reader thread -> worker threads -> this thread writing in input order.

#include "cli/import_articles.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <map>
#include <thread>

#include <fmt/format.h>

#include "cli/pipeline.hpp"
#include "cli/store_extraction.hpp"
#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"

namespace kb::cli {
namespace {

constexpr std::size_t kQueueCapacity = 64;

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
  return a.published_has_time ? date::format("%FT%T", *a.published)
                              : date::format("%F", std::chrono::floor<date::days>(*a.published));
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
                 Context& ctx, BoundedQueue<Work>& queue, std::vector<FileProblem>& problems,
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
      std::string content(std::istreambuf_iterator<char>(ctx.in), {});
      auto all = importers::read_articles(content, "<stdin>", options);
      if (all) {
        warnings = std::move(all->warnings);
        for (auto& a : all->articles) {
          sink(std::move(a));
        }
      } else {
        read = std::move(all).error();
      }
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

void start_extraction(ExtractionSetup& x, std::vector<std::string>& warnings) {
  auto dir = importers::find_data_dir();
  auto gazetteer =
      dir ? importers::load_gazetteer(*dir) : Result<importers::Gazetteer>(dir.error());
  if (!gazetteer) {
    warnings.push_back("no events extracted: " + gazetteer.error().message);
    return;
  }
  x.gazetteer = std::move(gazetteer).value();
  x.extractor.emplace(*x.gazetteer);
}

// Stores one article as one atomic unit (a savepoint inside the writer's batch transaction):
// either all of it lands or none. Returns false if it was already stored. Adds the number of
// events it created or cited to `events`.
Result<bool> store_article(Store& store, const Work& w, Id import_id, std::int64_t& events) {
  KB_ASSIGN(auto existing, store.find_source_by_hash(w.hash));
  if (existing) {
    return false;
  }
  KB_ASSIGN(Savepoint unit, store.savepoint());
  KB_ASSIGN(Id source_id, store.add_source(to_source(w.article, w.hash, import_id)));
  if (w.extraction) {
    StoreExtractionOptions options;
    options.import_id = import_id;
    KB_ASSIGN(const StoredCounts c, store_extraction(store, source_id, *w.extraction, options));
    events += c.created + c.merged;
  }
  for (const auto& warning : w.article.warnings) {
    KB_TRY(store.add_import_warning(import_id, w.article.origin, warning));
  }
  KB_TRY(unit.release());
  return true;
}

class Progress {
 public:
  Progress(Context& ctx, bool on, std::size_t files) : ctx_(ctx), on_(on), files_(files) {}
  void tick(std::size_t articles, std::size_t files_done) {
    if (!on_) {
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
    ctx_.err << fmt::format("\r  {} articles, {}/{} files, {:.0f}/s{}   ", articles, files_done,
                            files_, rate, eta);
    ctx_.err.flush();
  }
  void done() {
    if (on_) {
      ctx_.err << "\r\x1b[K";
    }
  }

 private:
  Context& ctx_;
  bool on_;
  std::size_t files_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// The writing end of the pipeline: stores articles in input order, batching them into
// transactions of kBatchArticles (each article its own savepoint), and counts what happened.
class Writer {
 public:
  Writer(Store* store, bool dry_run, ImportReport& report)
      : store_(store), dry_run_(dry_run), report_(report) {}

  // Stores (or, for a dry run, checks) one article. A bad article is a warning and a failure
  // count; a database failure stops all further writing and is returned by finish().
  void write(const Work& item) {
    ++report_.run.articles;
    for (const auto& warning : item.article.warnings) {
      report_.warnings.push_back(warning);
    }
    if (fatal_) {
      return;
    }
    if (auto r = store_one(item); !r) {
      fatal_ = std::move(r).error();
    }
  }

  // Commits the last batch; the first database failure, if any.
  Result<void> finish() {
    if (!fatal_ && batch_) {
      if (auto r = batch_->commit(); !r) {
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

  Result<void> store_one(const Work& item) {
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
      KB_ASSIGN(Transaction tx, store_->transaction());
      batch_.emplace(std::move(tx));
    }
    auto stored = store_article(*store_, item, report_.run.id, report_.run.events);
    if (!stored) {
      if (stored.error().code == Errc::storage) {
        return std::move(stored).error();
      }
      ++report_.run.failed;
      report_.warnings.push_back(
          fmt::format("{}: not stored: {}", item.article.origin, stored.error().message));
    } else {
      ++(*stored ? report_.run.added : report_.run.unchanged);
    }
    if (++in_batch_ >= kBatchArticles) {
      KB_TRY(batch_->commit());
      batch_.reset();
      in_batch_ = 0;
    }
    return ok();
  }

  Store* store_;
  bool dry_run_;
  ImportReport& report_;
  std::optional<Transaction> batch_;  // open while articles are being written
  std::size_t in_batch_ = 0;
  std::optional<Error> fatal_;
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

Result<ImportReport> import_articles(Store* store, const ImportRequest& request, Context& ctx) {
  KB_ASSIGN(auto files, expand_inputs(request.inputs));
  ImportReport report;
  report.files = files.size();
  if (store != nullptr && !request.dry_run) {
    KB_ASSIGN(Transaction tx, store->transaction());
    KB_ASSIGN(report.run.id, store->begin_import(request.inputs));
    KB_TRY(tx.commit());
  }
  ExtractionSetup extraction;
  if (request.events && store != nullptr && !request.dry_run) {
    start_extraction(extraction, report.warnings);
  }
  const importers::extract::Extractor* extractor =
      extraction.extractor ? &*extraction.extractor : nullptr;
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  const unsigned workers = request.jobs > 0 ? request.jobs : cores;
  BoundedQueue<Work> to_workers(kQueueCapacity);
  BoundedQueue<Work> to_writer(kQueueCapacity);
  std::vector<FileProblem> problems;
  std::atomic<std::size_t> files_done{0};
  std::thread reader(read_inputs, std::cref(files), std::cref(request.read), std::ref(ctx),
                     std::ref(to_workers), std::ref(problems), std::ref(files_done));
  std::vector<std::thread> pool;
  std::atomic<unsigned> running{workers};
  for (unsigned i = 0; i < workers; ++i) {
    pool.emplace_back([&] {
      prepare(to_workers, to_writer, extractor);
      if (--running == 0) {
        to_writer.close();
      }
    });
  }
  Progress progress(ctx, request.progress, files.size());
  Writer writer(store, request.dry_run, report);
  std::map<std::size_t, Work> pending;  // reorders the workers' output into input order
  std::size_t next = 0;
  while (auto w = to_writer.pop()) {
    pending.emplace(w->seq, std::move(*w));
    for (auto it = pending.find(next); it != pending.end(); it = pending.find(++next)) {
      Work item = std::move(it->second);
      pending.erase(it);
      writer.write(item);  // after a database failure it only counts, draining the pipeline
      progress.tick(static_cast<std::size_t>(report.run.articles), files_done.load());
    }
  }
  reader.join();
  for (auto& t : pool) {
    t.join();
  }
  progress.done();
  KB_TRY(writer.finish());
  for (auto& p : problems) {
    if (p.failed) {
      ++report.run.failed;
    }
    report.warnings.push_back(std::move(p.message));
  }
  if (store != nullptr && !request.dry_run) {
    KB_ASSIGN(Transaction tx, store->transaction());
    for (const auto& p : problems) {
      KB_TRY(store->add_import_warning(report.run.id, "", p.message));
    }
    KB_TRY(store->finish_import(report.run));
    KB_TRY(tx.commit());
  }
  report.run.warnings = static_cast<std::int64_t>(report.warnings.size());
  return report;
}

}  // namespace kb::cli
