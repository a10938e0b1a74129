// import_record_file(): the structured files (kb JSON, analyst and ACLED CSV) among the inputs of
// `kb import`, read and handed to services::import_records.
#pragma once

#include <string>

#include "cli/context.hpp"
#include "kb/result.hpp"

namespace kb::cli {

// For `kb import`: when `path` is a .csv or .json file in one of the structured formats,
// imports it (or with `dry_run` only reads it), prints a one-line summary on ctx.out and
// returns true; returns false for anything else, which `kb import` reads as articles.
// Errors as import_records, plus (storage) for unreadable files.
Result<bool> import_record_file(const std::string& path, bool strict, bool dry_run, Context& ctx);

}  // namespace kb::cli
