// import_articles(): the article import pipeline (`kb import`). A reader thread streams articles
// from the inputs, worker threads prepare them (hash, event extraction), and the calling thread
// writes each article in its own transaction, in input order, logging the run for undo.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "importers/readers/reader.hpp"
#include "kb/repository.hpp"
#include "services/extraction.hpp"

namespace kb::services {

// What to import and how.
struct ImportRequest {
  std::vector<std::string> inputs;  // files, directories (recursive), "-" for stdin
  importers::ReadOptions read;
  bool dry_run = false;              // read and clean, report, write nothing
  bool events = true;                // extract events (off: store sources only)
  bool all_topics = false;           // also from articles the topic gate rejects
  unsigned jobs = 0;                 // worker threads; 0: one per core
  std::istream* in = nullptr;        // what "-" reads (stdin)
  std::ostream* progress = nullptr;  // where progress is shown (a terminal); null: nowhere
  std::string user = "kb";           // who the operation log names
  // Told of each comparison of an extracted event with a stored one (store_extraction()).
  std::function<void(const MergeTrace&)> on_compare;
  bool merge = true;  // off: each extracted event stored on its own (StoreExtractionOptions)
};

// What an import did.
struct ImportReport {
  ImportRun run;                      // counts; run.id is 0 for a dry run
  std::vector<std::string> warnings;  // each naming the file (and line)
  std::size_t files = 0;
};

// Imports the articles of `request.inputs` into `store` (nullptr for a dry run without a
// database). Articles whose cleaned text is already stored are counted as unchanged. Problems
// with one file or article become warnings and count as failed; the rest still land.
// The run is logged as one operation (`kb undo` undoes it). Error only when the database
// itself fails.
Result<ImportReport> import_articles(Repository* store, const ImportRequest& request);

// The files an input names: the file itself, or every regular file under a directory in
// sorted order. "-" is kept as is. Error (not_found) naming a path that does not exist.
Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& inputs);

}  // namespace kb::services
