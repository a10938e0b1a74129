// The import floor: the texts of a JSONL corpus stored into a plain SQLite table with an FTS5
// index and nothing else (no cleaning, no extraction), in one transaction. `bench/import.sh`
// runs it beside `kb import` on the same corpus to give the ratio the import targets refer to.
// Usage: bench_floor CORPUS.jsonl OUT.db   (prints "articles bytes seconds")

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include <fmt/format.h>

#include "storage/sqlite/sqlite.hpp"

namespace {

constexpr std::string_view kSchema =
    "CREATE TABLE doc (doc_id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
    "CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, content = 'doc', "
    "content_rowid = 'doc_id', tokenize = 'unicode61 remove_diacritics 2');"
    "CREATE TRIGGER doc_ai AFTER INSERT ON doc BEGIN "
    "INSERT INTO doc_fts (rowid, title, body) VALUES (NEW.doc_id, NEW.title, NEW.body); END;";

int fail(const std::string& message) {
  std::cerr << "bench_floor: " << message << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    return fail("usage: bench_floor CORPUS.jsonl OUT.db");
  }
  const std::string out = argv[2];
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(out + suffix);
  }
  auto db = kb::sqlite::Db::open(out, kb::sqlite::OpenMode::create);
  if (!db || !db->exec(kSchema)) {
    return fail("cannot create " + out);
  }
  std::ifstream in(argv[1]);
  if (!in) {
    return fail(std::string("cannot read ") + argv[1]);
  }
  const auto start = std::chrono::steady_clock::now();
  auto tx = db->transaction();
  auto insert = db->prepare("INSERT INTO doc (title, body) VALUES (?1, ?2)");
  if (!tx || !insert) {
    return fail("cannot prepare");
  }
  std::size_t articles = 0;
  std::size_t bytes = 0;
  std::string line;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      continue;
    }
    const std::string& text = j["text"].get_ref<const std::string&>();
    const std::string title = j.value("title", nlohmann::json()).is_string()
                                  ? j["title"].get<std::string>()
                                  : std::string();
    insert->reset();
    insert->bind(1, title).bind(2, text);
    if (!insert->run()) {
      return fail("insert failed");
    }
    ++articles;
    bytes += text.size();
  }
  if (!tx->commit()) {
    return fail("commit failed");
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("{} {} {:.3f}\n", articles, bytes, secs);
  return 0;
}
