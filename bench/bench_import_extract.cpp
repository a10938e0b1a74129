// Import benchmark with event extraction: streams a JSONL corpus (default
// ../shared/data/articles/dev.jsonl) into a fresh knowledge base twice — first the floor (sources
// stored in SQLite + FTS5, no extraction), then with extraction in worker threads and one writer —
// and prints articles/s, MB/s, events/article, the ratio to the floor and peak/sampled RSS.
// Usage: bench_import_extract [JSONL] [--limit N] [--workers N] [--dir DIR]
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "cli/store_extraction.hpp"
#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "importers/readers/reader.hpp"
#include "kb/store.hpp"

namespace {

namespace fs = std::filesystem;
namespace imp = kb::importers;
using Clock = std::chrono::steady_clock;

// A resident-set figure from /proc/self/status ("VmRSS" or "VmHWM"), in MiB.
double rss_mib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(field + ":")) {
      return std::stod(line.substr(field.size() + 1)) / 1024.0;
    }
  }
  return 0;
}

kb::Source source_of(const imp::Article& a) {
  kb::Source s;
  s.url = a.url.empty() ? std::nullopt : std::optional<std::string>(a.url);
  s.title = a.title;
  s.publisher = a.publisher.empty() ? std::nullopt : std::optional<std::string>(a.publisher);
  if (a.published) {
    s.published = date::format("%Y-%m-%dT%H:%M:%SZ", *a.published);
  }
  s.content_hash = imp::content_hash(a.text);
  s.origin = a.origin;
  s.body = a.text;
  return s;
}

// A bounded queue between the reader, the extraction workers and the writer.
template <typename T>
class Queue {
 public:
  explicit Queue(std::size_t cap) : cap_(cap) {}
  void push(T v) {
    std::unique_lock lock(m_);
    not_full_.wait(lock, [&] { return q_.size() < cap_; });
    q_.push_back(std::move(v));
    not_empty_.notify_one();
  }
  std::optional<T> pop() {
    std::unique_lock lock(m_);
    not_empty_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) {
      return std::nullopt;
    }
    T v = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return v;
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::size_t cap_;
  std::deque<T> q_;
  bool closed_ = false;
  std::mutex m_;
  std::condition_variable not_full_, not_empty_;
};

struct Run {
  std::size_t articles = 0, bytes = 0, events = 0;
  double seconds = 0;
  double store_seconds = 0;   // in the writer: source + events + commit
  double events_seconds = 0;  // of which store_extraction()
};

kb::Store fresh_store(const fs::path& path) {
  fs::remove(path);
  fs::remove(path.string() + "-wal");
  fs::remove(path.string() + "-shm");
  auto s = kb::Store::open(path.string(), kb::OpenMode::create);
  if (!s) {
    std::cerr << s.error().message << "\n";
    std::exit(1);
  }
  return std::move(s).value();
}

void store_one(kb::Store& store, const imp::Article& a, const imp::extract::Extraction* x,
               Run& run) {
  const auto t0 = Clock::now();
  auto tx = store.transaction();
  auto id = store.add_source(source_of(a));
  if (!tx || !id) {
    return;  // duplicate text: the importer reports it as unchanged
  }
  if (x != nullptr) {
    const auto e0 = Clock::now();
    auto c = kb::cli::store_extraction(store, *id, *x);
    run.events_seconds += std::chrono::duration<double>(Clock::now() - e0).count();
    if (!c) {
      std::cerr << "store_extraction: " << c.error().message << "\n";
      std::exit(1);
    }
    run.events += x->events.size();
  }
  if (!tx->commit()) {
    std::exit(1);
  }
  run.articles += 1;
  run.bytes += a.text.size();
  run.store_seconds += std::chrono::duration<double>(Clock::now() - t0).count();
}

Run floor_run(const fs::path& input, const fs::path& db, std::size_t limit) {
  kb::Store store = fresh_store(db);
  Run run;
  std::vector<std::string> warnings;
  std::size_t n = 0;
  const auto t0 = Clock::now();
  (void)imp::stream_path(
      input, {},
      [&](imp::Article&& a) {
        if (limit == 0 || n++ < limit) {
          store_one(store, a, nullptr, run);
        }
      },
      warnings);
  run.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return run;
}

using Item = std::pair<imp::Article, std::optional<imp::extract::Extraction>>;

Run extract_run(const fs::path& input, const fs::path& db, std::size_t limit, unsigned workers,
                const imp::extract::Extractor& extractor) {
  kb::Store store = fresh_store(db);
  Run run;
  Queue<imp::Article> in(64);
  Queue<Item> out(64);
  const auto t0 = Clock::now();
  std::thread reader([&] {
    std::vector<std::string> warnings;
    std::size_t n = 0;
    (void)imp::stream_path(
        input, {},
        [&](imp::Article&& a) {
          if (limit == 0 || n++ < limit) {
            in.push(std::move(a));
          }
        },
        warnings);
    in.close();
  });
  std::atomic<unsigned> running{workers};
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      while (auto a = in.pop()) {
        auto x = extractor.extract(*a);
        out.push(Item(std::move(*a), std::move(x)));
      }
      if (--running == 0) {
        out.close();
      }
    });
  }
  double max_rss = 0;
  while (auto item = out.pop()) {
    store_one(store, item->first, &*item->second, run);
    if (run.articles % 500 == 0) {
      const double rss = rss_mib("VmRSS");
      max_rss = std::max(max_rss, rss);
      fmt::print("  {:>6} articles  RSS {:.0f} MiB\n", run.articles, rss);
    }
  }
  reader.join();
  for (auto& t : pool) {
    t.join();
  }
  run.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return run;
}

void report(const char* what, const Run& r) {
  fmt::print(
      "{:<12} {:>6} articles  {:>7.1f} s  {:>8.1f} articles/s  {:>6.2f} MB/s  {:.2f} "
      "events/article\n",
      what, r.articles, r.seconds, static_cast<double>(r.articles) / r.seconds,
      static_cast<double>(r.bytes) / 1e6 / r.seconds,
      r.articles ? static_cast<double>(r.events) / static_cast<double>(r.articles) : 0.0);
  fmt::print("             writer busy {:.1f} s, of which storing events {:.1f} s\n",
             r.store_seconds, r.events_seconds);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path input =
      fs::path(__FILE__).parent_path().parent_path() / "../shared/data/articles/dev.jsonl";
  fs::path dir = fs::temp_directory_path();
  std::size_t limit = 0;
  unsigned workers = 2;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--limit" && i + 1 < argc) {
      limit = std::stoul(argv[++i]);
    } else if (a == "--workers" && i + 1 < argc) {
      workers = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else {
      input = a;
    }
  }
  if (!fs::exists(input)) {
    std::cerr << "no corpus at " << input.string() << "\n";
    return 1;
  }
  auto data = imp::find_data_dir();
  auto gaz = data ? imp::load_gazetteer(*data) : kb::Result<imp::Gazetteer>(data.error());
  if (!gaz) {
    std::cerr << gaz.error().message << "\n";
    return 1;
  }
  const imp::extract::Extractor extractor(*gaz);
  fmt::print("gazetteer loaded: RSS {:.0f} MiB\n", rss_mib("VmRSS"));
  const Run floor = floor_run(input, dir / "kb-bench-floor.db", limit);
  report("floor", floor);
  const Run full = extract_run(input, dir / "kb-bench-extract.db", limit, workers, extractor);
  report("extraction", full);
  fmt::print("ratio (extraction / floor throughput): {:.2f}   peak RSS (VmHWM): {:.0f} MiB\n",
             (static_cast<double>(full.articles) / full.seconds) /
                 (static_cast<double>(floor.articles) / floor.seconds),
             rss_mib("VmHWM"));
  return 0;
}
