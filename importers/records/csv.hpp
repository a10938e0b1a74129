// A small RFC 4180 CSV reader that keeps the line number where each row starts, for the
// record importers' warnings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kb/result.hpp"

namespace kb::importers::csv {

// One row: its fields and the 1-based line it starts on.
struct Row {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

// Splits `text` into rows: comma-separated, fields in double quotes may hold commas, line breaks
// and doubled quotes; CRLF and LF both end rows; a UTF-8 BOM is skipped; blank lines are
// dropped. Error (parse) naming the line where an unterminated quoted field starts.
Result<std::vector<Row>> parse(std::string_view text);

// The header's column positions: index of `name` (compared case-insensitively, trimmed) or -1.
int column(const Row& header, std::string_view name);

// The field at `index`, trimmed; "" when the index is -1 or past the row's end.
std::string field(const Row& row, int index);

}  // namespace kb::importers::csv
