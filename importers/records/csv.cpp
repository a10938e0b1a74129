// RFC 4180 CSV splitting with line numbers.

#include "importers/records/csv.hpp"

#include <cctype>

#include <fmt/format.h>

namespace kb::importers::csv {
namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) {
    return {};
  }
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

bool blank(const Row& row) {
  for (const auto& f : row.fields) {
    if (!trim(f).empty()) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<std::vector<Row>> parse(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  std::vector<Row> rows;
  Row row{1, {}};
  std::string cell;
  std::size_t line = 1;
  std::size_t quote_line = 0;
  bool quoted = false;
  auto end_row = [&] {
    row.fields.push_back(std::move(cell));
    cell.clear();
    if (!blank(row)) {
      rows.push_back(std::move(row));
    }
    row = Row{line, {}};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        line += c == '\n' ? 1 : 0;
        cell += c;
      }
    } else if (c == '"' && trim(cell).empty()) {
      cell.clear();
      quoted = true;
      quote_line = line;
    } else if (c == ',') {
      row.fields.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      ++line;
      end_row();
    } else {
      cell += c;
    }
  }
  if (quoted) {
    return fail(Errc::parse, fmt::format("line {}: a quoted field is never closed", quote_line));
  }
  end_row();
  return rows;
}

int column(const Row& header, std::string_view name) {
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string h = trim(header.fields[i]);
    for (auto& ch : h) {
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    if (h == name) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::string field(const Row& row, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= row.fields.size()) {
    return {};
  }
  return trim(row.fields[static_cast<std::size_t>(index)]);
}

}  // namespace kb::importers::csv
