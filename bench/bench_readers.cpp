// bench_readers: speed and quality of the article readers.
//   bench_readers speed [dev.jsonl]  read + clean + segment a JSONL corpus; MB/s, articles/s,
//                                    peak RSS, and the SQLite+FTS5 floor on the same texts
//   bench_readers eval [gold.jsonl]  cleaning quality on eval/cleaning/gold.jsonl
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "eval/cleaning/score.hpp"
#include "importers/readers/reader.hpp"
#include "importers/sentences.hpp"
#include "storage/sqlite/sqlite.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The repository root, from this file's location (bench/bench_readers.cpp).
fs::path repo_root() { return fs::path(__FILE__).parent_path().parent_path(); }

// Peak resident set size in KiB (VmHWM), or 0 when /proc is unavailable.
long peak_rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("VmHWM:")) {
      return std::stol(line.substr(6));
    }
  }
  return 0;
}

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Process CPU seconds (the machine may be shared, so wall time alone misleads).
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// The floor: the same texts in a plain SQLite table with an FTS5 index, one transaction.
// Returns wall seconds (CPU seconds through `cpu`), or -1 when SQLite fails.
double fts_floor_seconds(const std::vector<std::string>& texts, double& cpu) {
  const fs::path db_path = fs::temp_directory_path() / "bench_readers_floor.db";
  fs::remove(db_path);
  double s = -1;
  {
    auto db = kb::sqlite::Db::open(db_path.string(), kb::sqlite::OpenMode::create);
    if (!db) {
      return -1;
    }
    const auto t0 = Clock::now();
    const double c0 = cpu_seconds();
    const bool ok = [&]() -> bool {
      if (!db->exec("CREATE TABLE doc(id INTEGER PRIMARY KEY, body TEXT);"
                    "CREATE VIRTUAL TABLE doc_fts USING fts5(body, content='doc', "
                    "content_rowid='id');")) {
        return false;
      }
      auto tx = db->transaction();
      auto ins = db->prepare("INSERT INTO doc(body) VALUES (?1)");
      auto fts = db->prepare("INSERT INTO doc_fts(rowid, body) VALUES (?1, ?2)");
      if (!tx || !ins || !fts) {
        return false;
      }
      for (const auto& t : texts) {
        if (!ins->bind(1, t).run()) {
          return false;
        }
        ins->reset();
        if (!fts->bind(1, db->last_insert_id()).bind(2, t).run()) {
          return false;
        }
        fts->reset();
      }
      return tx->commit().has_value();
    }();
    if (ok) {
      s = seconds_since(t0);
      cpu = cpu_seconds() - c0;
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::remove(db_path.string() + suffix);
  }
  return s;
}

int run_speed(const fs::path& corpus, bool floor) {
  const double mb = static_cast<double>(fs::file_size(corpus)) / 1e6;
  kb::importers::SentenceSplitter splitter;
  std::size_t articles = 0, sentences = 0, warnings = 0, text_bytes = 0;
  std::vector<std::string> texts;
  std::vector<std::string> input_warnings;
  const auto t0 = Clock::now();
  const double c0 = cpu_seconds();
  const auto n = kb::importers::stream_path(
      corpus, {},
      [&](kb::importers::Article&& a) {
        ++articles;
        warnings += a.warnings.size();
        sentences += splitter.split(a.text).size();
        text_bytes += a.text.size();
        if (floor) {
          texts.push_back(std::move(a.text));
        }
      },
      input_warnings);
  const double s = seconds_since(t0);
  const double cpu = cpu_seconds() - c0;
  if (!n) {
    std::cerr << "bench_readers: " << n.error().message << "\n";
    return 1;
  }
  const long rss = peak_rss_kib();
  std::printf("readers: %zu articles, %zu sentences, %zu article warnings, %zu input warnings\n",
              articles, sentences, warnings, input_warnings.size());
  for (std::size_t i = 0; i < input_warnings.size() && i < 5; ++i) {
    std::printf("  %s\n", input_warnings[i].c_str());
  }
  std::printf(
      "readers: wall %.2f s (%.1f MB/s, %.0f articles/s), CPU %.2f s (%.1f MB/s, %.0f "
      "articles/s), peak RSS %.1f MiB%s\n",
      s, mb / s, static_cast<double>(articles) / s, cpu, mb / cpu,
      static_cast<double>(articles) / cpu, static_cast<double>(rss) / 1024.0,
      floor ? " (includes the kept texts for the floor)" : "");
  if (floor) {
    double fcpu = 0;
    const double f = fts_floor_seconds(texts, fcpu);
    std::printf(
        "floor (SQLite table + FTS5, same %.1f MB of text, one transaction): wall %.2f s "
        "(%.1f MB/s), CPU %.2f s (%.1f MB/s)\n",
        static_cast<double>(text_bytes) / 1e6, f, mb / f, fcpu, mb / fcpu);
    std::printf("readers / floor ratio: wall %.2f, CPU %.2f\n", s / f, cpu / fcpu);
  }
  return 0;
}

int run_eval(const fs::path& gold) {
  for (const bool wrapped : {false, true}) {
    const auto sc =
        kb::eval::score_cleaning(gold, repo_root(), repo_root() / ".." / "shared", wrapped);
    for (const auto& m : sc.misses) {
      std::printf("  %s\n", m.c_str());
    }
    std::printf("%s: items %zu (skipped %zu): title %.3f, day %.3f, body P %.3f R %.3f\n",
                wrapped ? "wrapped sample records" : "dev set", sc.items, sc.skipped,
                sc.title_accuracy(), sc.day_accuracy(), sc.precision(), sc.recall());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const std::string mode = args.empty() ? "speed" : args[0];
  if (mode == "speed" || mode == "speed-nofloor") {
    const fs::path corpus =
        args.size() > 1 ? fs::path(args[1]) : repo_root() / "../shared/data/articles/dev.jsonl";
    return run_speed(corpus, mode == "speed");
  }
  if (mode == "eval") {
    return run_eval(args.size() > 1 ? fs::path(args[1]) : repo_root() / "eval/cleaning/gold.jsonl");
  }
  std::cerr << "usage: bench_readers speed|speed-nofloor [corpus.jsonl] | eval [gold.jsonl]\n";
  return 2;
}
