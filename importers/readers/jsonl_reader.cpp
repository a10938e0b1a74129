// JSON Lines corpora: one {"id","url","title","published","source","text"} object per line.
#include <nlohmann/json.hpp>

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
  const auto doc = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
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
    } else {
      a.warnings.push_back(located(origin, line_no,
                                   fmt::format("unreadable \"published\" "
                                               "value '{}'",
                                               published)));
    }
  }
  if (had_bad_utf8) {
    a.warnings.push_back(located(origin, line_no, "invalid UTF-8 replaced by U+FFFD"));
  }
  finish_article(a, options);
  return a;
}

}  // namespace kb::importers::readers
