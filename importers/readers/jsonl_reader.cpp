// JSON Lines corpora: one {"id","url","title","published","source","text"} object per line.
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include <fmt/format.h>

#include "importers/readers/clean.hpp"
#include "importers/readers/formats.hpp"
#include "importers/readers/timestamps.hpp"
#include "importers/readers/utf8.hpp"

namespace kb::importers::readers {
namespace {

// The string value of `key` in `obj`, or empty when absent, null or not a string.
std::string string_field(const nlohmann::json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) {
    return {};
  }
  return it->get<std::string>();
}

// `line` with every number too large for a double (1e999999, an integer of 400 digits) made
// null: the JSON parser refuses such numbers, and a record must not be lost for a field kb never
// reads (kb reads only strings). `first` receives the first number replaced, "" when none was.
std::string null_huge_numbers(std::string_view line, std::string& first) {
  std::string out;
  out.reserve(line.size());
  bool in_string = false;
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (in_string) {
      const std::size_t n = c == '\\' && i + 1 < line.size() ? 2 : 1;
      out.append(line.substr(i, n));
      in_string = c != '"';
      i += n;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i + 1;
      while (end < line.size() &&
             std::string_view("0123456789.eE+-").find(line[end]) != std::string_view::npos) {
        ++end;
      }
      const std::string number(line.substr(i, end - i));
      if (std::isinf(std::strtod(number.c_str(), nullptr))) {
        if (first.empty()) {
          first = number.size() > 40 ? number.substr(0, 40) + "…" : number;
        }
        out += "null";
      } else {
        out += number;
      }
      i = end;
    } else {
      in_string = c == '"';
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace

Result<Article> read_jsonl_record(std::string_view line, std::string_view origin,
                                  std::size_t line_no, const ReadOptions& options) {
  std::string repaired;
  bool had_bad_utf8 = false;
  if (!valid_utf8(line)) {
    std::size_t bad = 0;
    repaired = repair_utf8(line, bad);
    line = repaired;
    had_bad_utf8 = true;
  }
  auto doc = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  std::string huge;  // the first number out of a double's range, when the parser refused one
  if (doc.is_discarded()) {
    const std::string nulled = null_huge_numbers(line, huge);
    if (!huge.empty()) {
      doc = nlohmann::json::parse(nulled, nullptr, /*allow_exceptions=*/false);
    }
  }
  if (doc.is_discarded()) {
    return fail(Errc::parse, located(origin, line_no, "not a JSON object (record skipped)"));
  }
  if (!doc.is_object()) {
    return fail(Errc::parse, located(origin, line_no, "JSON value is not an object (skipped)"));
  }
  Article a;
  a.origin = fmt::format("{}:{}", origin, line_no);
  a.text = normalize_body(string_field(doc, "text"));
  if (a.text.empty()) {
    return fail(Errc::parse, located(origin, line_no, "record has no \"text\" (skipped)"));
  }
  a.url = string_field(doc, "url");
  a.title = clean_title(string_field(doc, "title"));
  a.publisher = string_field(doc, "source");
  const std::string published = string_field(doc, "published");
  if (!published.empty()) {
    if (const auto t = parse_timestamp(published)) {
      a.published = t->time;
      a.published_has_time = t->has_time;
      a.published_offset = t->offset;
    } else {
      a.warnings.push_back(located(origin, line_no,
                                   fmt::format("unreadable \"published\" "
                                               "value '{}'",
                                               published)));
    }
  }
  if (!huge.empty()) {
    a.warnings.push_back(
        located(origin, line_no, fmt::format("number {} is out of range; read as null", huge)));
  }
  if (had_bad_utf8) {
    a.warnings.push_back(located(origin, line_no, "invalid UTF-8 replaced by U+FFFD"));
  }
  finish_article(a, options);
  return a;
}

}  // namespace kb::importers::readers
