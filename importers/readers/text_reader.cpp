// Plain-text pages: the corpus sample layout, or a scraped page where navigation, a dateline,
// the title, the body and footers follow each other. General positional rules only.
#include <fmt/format.h>

#include "importers/readers/clean.hpp"
#include "importers/readers/formats.hpp"
#include "importers/readers/timestamps.hpp"
#include "importers/readers/utf8.hpp"

namespace kb::importers::readers {
namespace {

constexpr std::string_view kEmDashSep = " \xE2\x80\x94 ";  // " — "
// How far a title may sit above the first body line, and a dateline around the title.
constexpr std::size_t kTitleReach = 12;

void set_time(Article& a, const Timestamp& t) {
  a.published = t.time;
  a.published_has_time = t.has_time;
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
  const std::size_t offset = static_cast<std::size_t>(lines[body_line + 1].data() - content.data());
  a.text = normalize_body(content.substr(offset));
  return true;
}

// A title candidate: a few words, not furniture, not a sentence, not a time.
bool title_like(std::string_view line) {
  const std::string_view s = trim(line);
  const std::size_t words = count_words(s);
  return words >= 3 && words <= 30 && !is_boilerplate_line(s) && !dateline(s) && !s.ends_with("?");
}

void read_scraped_page(const std::vector<std::string_view>& lines, Article& a) {
  std::size_t first = lines.size();
  std::size_t last = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_sentence_like(lines[i]) && !is_boilerplate_line(lines[i])) {
      first = std::min(first, i);
      last = i;
    }
  }
  if (first == lines.size()) {
    first = 0, last = lines.size() - 1;
  }
  // Title: the nearest title-like line above the body; dateline: the nearest time line.
  std::size_t title_at = lines.size();
  for (std::size_t i = first; i > 0 && first - i < kTitleReach; --i) {
    if (title_at == lines.size() && title_like(lines[i - 1])) {
      title_at = i - 1;
    }
  }
  const std::size_t scan_from = title_at < lines.size() ? title_at : first;
  for (std::size_t i = scan_from >= kTitleReach ? scan_from - kTitleReach : 0;
       i < std::min(lines.size(), first + 3) && !a.published; ++i) {
    if (const auto t = dateline(lines[i])) {
      set_time(a, *t);
    }
  }
  if (title_at < lines.size()) {
    a.title = clean_title(lines[title_at]);
  }
  // Publisher from a copyright line anywhere outside the body.
  for (std::size_t i = 0; i < lines.size() && a.publisher.empty(); ++i) {
    if (i < first || i > last) {
      a.publisher = publisher_from_copyright(lines[i]);
    }
  }
  std::string body;
  for (std::size_t i = first; i <= last && i < lines.size(); ++i) {
    if (dateline(lines[i]) || i == title_at) {
      continue;
    }
    body.append(lines[i]);
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
