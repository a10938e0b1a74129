// Plain-text pages: the corpus sample layout, or a scraped page where navigation, a dateline,
// the title, the body and footers follow each other. General positional rules only.
#include <algorithm>

#include <fmt/format.h>

#include "importers/readers/clean.hpp"
#include "importers/readers/formats.hpp"
#include "importers/readers/timestamps.hpp"
#include "importers/readers/utf8.hpp"

namespace kb::importers::readers {
namespace {

constexpr std::string_view kEmDashSep = " \xE2\x80\x94 ";  // " — "
// How far (in units) a title may sit above the first body line.
constexpr std::size_t kTitleReach = 12;

void set_time(Article& a, const Timestamp& t) {
  a.published = t.time;
  a.published_has_time = t.has_time;
  a.published_offset = t.offset;
}

// Dateline: the whole line is a time, or "Published: <time>" / "Updated <time>".
std::optional<Timestamp> dateline(std::string_view line) {
  std::string_view s = trim(line);
  for (const std::string_view prefix : {"Published:", "Published", "Posted:", "Posted", "Date:"}) {
    if (s.starts_with(prefix)) {
      s.remove_prefix(prefix.size());
      break;
    }
  }
  return parse_timestamp(s);
}

// The sample layout: "<title>\n<date or 'Date not given'> — <source>\n[url]\n\n<body>".
bool read_sample_layout(const std::vector<std::string_view>& lines, std::string_view content,
                        Article& a) {
  if (lines.size() < 4 || trim(lines[0]).empty()) {
    return false;
  }
  const std::size_t sep = lines[1].find(kEmDashSep);
  if (sep == std::string_view::npos) {
    return false;
  }
  const std::string_view when = trim(lines[1].substr(0, sep));
  const auto t = parse_timestamp(when);
  if (!t && when != "Date not given") {
    return false;
  }
  std::size_t body_line = 2;
  if (lines[2].starts_with("http://") || lines[2].starts_with("https://")) {
    a.url = std::string(trim(lines[2]));
    body_line = 3;
  }
  if (!trim(lines[body_line]).empty()) {
    return false;
  }
  a.title = clean_title(lines[0]);
  a.publisher = std::string(trim(lines[1].substr(sep + kEmDashSep.size())));
  if (t) {
    set_time(a, *t);
  }
  // Offset of the body: after the header lines and the blank line.
  const auto offset = static_cast<std::size_t>(lines[body_line + 1].data() - content.data());
  a.text = normalize_body(content.substr(offset));
  return true;
}

// A title candidate: a few words, not furniture, not a time.
bool title_like(std::string_view line) {
  const std::string_view s = trim(line);
  const std::size_t words = count_words(s);
  return words >= 3 && words <= 40 && !is_boilerplate_line(s) && !dateline(s);
}

// A line, or a hard-wrapped block of lines (wire copy), classified as one piece of text.
struct Unit {
  std::size_t begin = 0, end = 0;  // lines [begin, end)
  std::string text;                // the lines joined by spaces
};

// Blank-line-separated blocks whose lines average >= 40 and are at most 90 characters are one
// unit (hard-wrapped prose); every other non-blank line is a unit of its own (navigation lists).
std::vector<Unit> units_of(const std::vector<std::string_view>& lines) {
  std::vector<Unit> units;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (trim(lines[i]).empty()) {
      ++i;
      continue;
    }
    std::size_t j = i, total = 0, longest = 0;
    bool has_time = false;
    while (j < lines.size() && !trim(lines[j]).empty()) {
      total += lines[j].size();
      longest = std::max(longest, lines[j].size());
      has_time = has_time || dateline(lines[j]).has_value();
      ++j;
    }
    if (j - i >= 2 && longest <= 90 && total >= 40 * (j - i) && !has_time) {
      Unit u{i, j, {}};
      for (std::size_t k = i; k < j; ++k) {
        u.text += u.text.empty() ? "" : " ";
        u.text += trim(lines[k]);
      }
      units.push_back(std::move(u));
    } else {
      for (std::size_t k = i; k < j; ++k) {
        units.push_back(Unit{k, k + 1, std::string(trim(lines[k]))});
      }
    }
    i = j;
  }
  return units;
}

// Index of the title unit next to the dateline unit `d` (above it first), or `none`.
std::size_t title_near(const std::vector<Unit>& units, std::size_t d, std::size_t none) {
  if (d > 0 && title_like(units[d - 1].text)) {
    return d - 1;
  }
  if (d + 1 < units.size() && title_like(units[d + 1].text)) {
    return d + 1;
  }
  return none;
}

void read_scraped_page(const std::vector<std::string_view>& lines, Article& a) {
  const std::vector<Unit> units = units_of(lines);
  const std::size_t none = units.size();
  if (units.empty()) {
    return;
  }
  std::size_t first = none, last = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (is_sentence_like(units[i].text) && !is_boilerplate_line(units[i].text)) {
      first = std::min(first, i);
      last = i;
    }
  }
  if (first == none) {
    first = 0, last = units.size() - 1;
  }
  // Dateline: the first unit that is wholly a time, up to just inside the body.
  std::size_t date_at = none;
  for (std::size_t i = 0; i < std::min(units.size(), first + 3) && date_at == none; ++i) {
    if (const auto t = dateline(units[i].text)) {
      set_time(a, *t);
      date_at = i;
    }
  }
  // Title: next to the dateline; else the nearest title-like non-question above the body.
  std::size_t title_at = date_at != none ? title_near(units, date_at, none) : none;
  for (std::size_t i = first; title_at == none && i > 0 && first - i < kTitleReach; --i) {
    if (title_like(units[i - 1].text) && !units[i - 1].text.ends_with("?")) {
      title_at = i - 1;
    }
  }
  if (title_at != none) {
    a.title = clean_title(units[title_at].text);
  }
  // The body starts after the title and the dateline when those were taken for text.
  for (const std::size_t taken : {title_at, date_at}) {
    while (taken != none && first <= taken && first < last) {
      ++first;
    }
  }
  // Publisher from a copyright line anywhere outside the body.
  for (std::size_t i = 0; i < units.size() && a.publisher.empty(); ++i) {
    if (i < first || i > last) {
      a.publisher = publisher_from_copyright(units[i].text);
    }
  }
  std::string body;
  for (std::size_t i = first; i <= last; ++i) {
    if (i == title_at || i == date_at) {
      continue;
    }
    for (std::size_t k = units[i].begin; k < units[i].end; ++k) {
      body.append(lines[k]);
      body += '\n';
    }
    body += '\n';
  }
  a.text = normalize_body(body);
}

}  // namespace

Result<ReadResult> read_text(std::string_view content, std::string_view origin,
                             const ReadOptions& options) {
  Article a;
  a.origin = std::string(origin);
  std::string repaired;
  if (!valid_utf8(content)) {
    std::size_t bad = 0;
    repaired = repair_utf8(content, bad);
    content = repaired;
    a.warnings.push_back(
        located(origin, 0, fmt::format("invalid UTF-8 ({} sequences replaced by U+FFFD)", bad)));
  }
  const auto lines = split_lines(content);
  if (!read_sample_layout(lines, content, a)) {
    read_scraped_page(lines, a);
  }
  finish_article(a, options);
  ReadResult result;
  result.articles.push_back(std::move(a));
  return result;
}

}  // namespace kb::importers::readers
