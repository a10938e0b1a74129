// What the reader tests share: the sample files in tests/data/readers/, reading one of them, a
// UTC time, and the body kb reads from an HTML page built of numbered news paragraphs.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "importers/readers/reader.hpp"

namespace kb::test {

inline std::filesystem::path data(const char* name) {
  return std::filesystem::path(KB_TEST_DATA_DIR) / "readers" / name;
}

inline date::sys_seconds at(int y, unsigned m, unsigned d, int h, int mi) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{h} +
         std::chrono::minutes{mi};
}

inline kb::importers::ReadResult read(const char* name) {
  auto r = kb::importers::read_path(data(name), {});
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? "" : r.error().message));
  return std::move(*r);
}

inline bool contains(const std::string& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}

// The body kb reads from an HTML page `html`.
inline std::string html_body(const std::string& html) {
  kb::importers::ReadOptions o;
  o.format = kb::importers::Format::html;
  auto r = kb::importers::read_articles(html, "page.html", o);
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? "" : r.error().message));
  REQUIRE(r->articles.size() == 1);
  return r->articles[0].text;
}

// `n` paragraphs of plain news prose, numbered so each is distinct.
inline std::string paragraphs(int from, int n) {
  std::string out;
  for (int i = from; i < from + n; ++i) {
    out += "<p>Paragraph " + std::to_string(i) +
           " tells the story: the ministers met on Tuesday, agreed on a plan, and said that "
           "the money would follow within weeks, as officials had promised.</p>";
  }
  return out;
}

}  // namespace kb::test
