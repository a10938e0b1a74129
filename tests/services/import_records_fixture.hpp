// What the tests of services::import_records and of `kb export` share: a record file imported
// into a knowledge base file the way `kb import` does it.
#pragma once

#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "services/import_records.hpp"
#include "storage/sqlite/store.hpp"

namespace kb::test {

// Imports `content` into the knowledge base at `db`, as `kb import` does.
inline Result<services::RecordImportSummary> import_text(const std::string& db,
                                                         const std::string& content, bool strict,
                                                         std::string* err = nullptr) {
  auto store = sqlite::Store::open(db, sqlite::OpenMode::create);
  REQUIRE(store.has_value());
  std::ostringstream errs;
  const auto format = services::sniff_record_format(content);
  REQUIRE(format.has_value());
  const auto skipped = [&errs](const importers::RecordWarning& w) {
    errs << "kb: input.csv:" << w.line << ": skipped: " << w.message << '\n';
  };
  services::RecordImportOptions options;
  options.strict = strict;
  options.skipped = skipped;
  auto r = services::import_records(*store, content, "input.csv", *format, options);
  if (err != nullptr) {
    *err = errs.str();
  }
  return r;
}

}  // namespace kb::test
