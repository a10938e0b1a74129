// read_articles / read_path / stream_path: format detection, input sanity checks (binary, empty,
// encodings) and dispatch to the per-format readers.
#include "importers/readers/reader.hpp"

#include <cstdint>
#include <fstream>
#include <istream>
#include <system_error>

#include <fmt/format.h>

#include "importers/readers/clean.hpp"
#include "importers/readers/formats.hpp"
#include "importers/readers/timestamps.hpp"
#include "importers/readers/utf8.hpp"

namespace kb::importers {
namespace {

using readers::located;

// How much of an input the sniffing and binary checks look at.
constexpr std::size_t kSniffBytes = std::size_t{64} * 1024;

// Reason why `head` looks binary (NUL bytes, many control characters), else empty.
std::string binary_reason(std::string_view head) {
  std::size_t controls = 0;
  for (const char ch : head) {
    const auto c = static_cast<std::uint8_t>(ch);
    if (c == 0) {
      return "contains NUL bytes (binary file?)";
    }
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
      ++controls;
    }
  }
  if (controls * 20 > head.size() && controls > 8) {
    return "contains many control characters (binary file?)";
  }
  return {};
}

// A limit for messages: "128 MiB", or "1000 bytes" when not a whole number of MiB.
std::string size_text(std::size_t bytes) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  return bytes % kMiB == 0 ? fmt::format("{} MiB", bytes / kMiB) : fmt::format("{} bytes", bytes);
}

std::string_view skip_space_and_bom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) {
    s.remove_prefix(3);
  }
  while (!s.empty() && (s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t')) {
    s.remove_prefix(1);
  }
  return s;
}

// Reads a JSONL input line by line, `pending` (what was already read) first and then `in`,
// delivering records to `sink`. No line is held beyond options.max_record_bytes: a longer one is
// skipped, with a warning, up to its end.
std::size_t stream_jsonl(std::string pending, std::istream& in, std::string_view origin,
                         const ReadOptions& options, const ArticleSink& sink,
                         std::vector<std::string>& warnings, std::size_t& failures) {
  constexpr std::size_t kChunk = std::size_t{64} * 1024;
  std::size_t line_no = 0;
  std::size_t delivered = 0;
  bool skipping = false;  // inside a line too long to keep
  std::string chunk(kChunk, '\0');
  for (;;) {
    std::size_t start = 0;
    for (std::size_t end = pending.find('\n'); end != std::string::npos;
         start = end + 1, end = pending.find('\n', start)) {
      ++line_no;
      if (skipping) {
        skipping = false;
        continue;
      }
      const std::string_view line = std::string_view(pending).substr(start, end - start);
      if (readers::trim(line).empty()) {
        continue;
      }
      auto article = readers::read_jsonl_record(line, origin, line_no, options);
      if (!article) {
        warnings.push_back(article.error().message);
        ++failures;
        continue;
      }
      sink(std::move(*article));
      ++delivered;
    }
    pending.erase(0, start);
    if (pending.size() > options.max_record_bytes && !skipping) {
      warnings.push_back(
          located(origin, line_no + 1,
                  fmt::format("line longer than {} skipped", size_text(options.max_record_bytes))));
      ++failures;
      skipping = true;
    }
    if (skipping) {
      pending.clear();
    }
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) {
      break;
    }
    pending.append(chunk, 0, got);
  }
  if (!skipping && !readers::trim(pending).empty()) {
    ++line_no;
    auto article = readers::read_jsonl_record(pending, origin, line_no, options);
    if (article) {
      sink(std::move(*article));
      ++delivered;
    } else {
      warnings.push_back(article.error().message);
      ++failures;
    }
  }
  return delivered;
}

// Reads the whole of the (non-JSONL) content and hands each article to `sink`.
Result<ReadResult> read_whole(std::string_view content, std::string_view origin,
                              const ReadOptions& options, Format format) {
  switch (format) {
    case Format::html:
      return readers::read_html(content, origin, options);
    case Format::feed:
      return readers::read_feed(content, origin, options);
    case Format::text:
    case Format::auto_detect:
    case Format::jsonl:
      break;
  }
  return readers::read_text(content, origin, options);
}

}  // namespace

std::string_view format_name(Format format) {
  switch (format) {
    case Format::auto_detect:
      return "auto";
    case Format::text:
      return "text";
    case Format::html:
      return "html";
    case Format::feed:
      return "feed";
    case Format::jsonl:
      return "jsonl";
  }
  return "auto";
}

Result<Format> parse_format(std::string_view name) {
  const std::string n = readers::ascii_lower(name);
  if (n == "auto") {
    return Format::auto_detect;
  }
  if (n == "text" || n == "txt") {
    return Format::text;
  }
  if (n == "html" || n == "htm") {
    return Format::html;
  }
  if (n == "feed" || n == "rss" || n == "atom") {
    return Format::feed;
  }
  if (n == "jsonl") {
    return Format::jsonl;
  }
  return fail(Errc::invalid_argument,
              fmt::format("unknown format '{}' (expected auto, text, html, feed or jsonl)", name));
}

Format detect_format(std::string_view content) {
  const std::string_view s = skip_space_and_bom(content.substr(0, kSniffBytes));
  const std::string head = readers::ascii_lower(s.substr(0, 1024));
  if (head.starts_with("<?xml")) {
    const bool html =
        head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos;
    return html ? Format::html : Format::feed;
  }
  if (head.starts_with("<rss") || head.starts_with("<feed") || head.starts_with("<rdf:rdf")) {
    return Format::feed;
  }
  if (head.starts_with("<!doctype html") || head.starts_with("<html") ||
      head.starts_with("<head") || head.starts_with("<!--")) {
    return Format::html;
  }
  if (head.starts_with("{")) {
    return Format::jsonl;
  }
  return Format::text;
}

Result<ReadResult> read_articles(std::string_view content, std::string_view origin,
                                 const ReadOptions& options) {
  if (readers::trim(content).empty()) {
    return fail(Errc::parse, fmt::format("{}: empty input", origin));
  }
  if (const std::string why = binary_reason(content.substr(0, kSniffBytes)); !why.empty()) {
    return fail(Errc::parse, fmt::format("{}: {}", origin, why));
  }
  const Format format =
      options.format == Format::auto_detect ? detect_format(content) : options.format;
  if (format != Format::jsonl) {
    return read_whole(content, origin, options, format);
  }
  ReadResult result;
  std::size_t failures = 0;
  std::size_t line_no = 0;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    end = end == std::string_view::npos ? content.size() : end;
    const std::string_view line = content.substr(start, end - start);
    ++line_no;
    start = end + 1;
    if (readers::trim(line).empty()) {
      continue;
    }
    auto article = readers::read_jsonl_record(line, origin, line_no, options);
    if (article) {
      result.articles.push_back(std::move(*article));
    } else {
      result.warnings.push_back(article.error().message);
      ++failures;
    }
  }
  if (result.articles.empty()) {
    return fail(Errc::parse, fmt::format("{}: no readable JSONL record ({} bad lines; first: {})",
                                         origin, failures, result.warnings.front()));
  }
  return result;
}

Result<std::size_t> stream_path(const std::filesystem::path& path, const ReadOptions& options,
                                const ArticleSink& sink, std::vector<std::string>& warnings) {
  const std::string origin = path.string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return fail(Errc::not_found, fmt::format("{}: no such file", origin));
  }
  if (std::filesystem::is_directory(path, ec)) {
    return fail(Errc::invalid_argument, fmt::format("{}: is a directory", origin));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Errc::storage, fmt::format("{}: cannot open file", origin));
  }
  return stream_input(in, origin, options, sink, warnings);
}

Result<std::size_t> stream_input(std::istream& in, std::string_view origin,
                                 const ReadOptions& options, const ArticleSink& sink,
                                 std::vector<std::string>& warnings) {
  std::string head(kSniffBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  // Binary input is refused from its first bytes, before reading more of it: /dev/zero never
  // ends.
  if (const std::string why = binary_reason(head); !why.empty()) {
    return fail(Errc::parse, fmt::format("{}: {}", origin, why));
  }
  const Format format =
      options.format == Format::auto_detect ? detect_format(head) : options.format;
  if (format == Format::jsonl) {
    std::size_t failures = 0;
    const std::size_t n =
        stream_jsonl(std::move(head), in, origin, options, sink, warnings, failures);
    if (n == 0) {
      return fail(Errc::parse,
                  fmt::format("{}: no readable JSONL record ({} bad lines)", origin, failures));
    }
    return n;
  }
  std::string content = std::move(head);
  std::string chunk(kSniffBytes, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    content.append(chunk, 0, static_cast<std::size_t>(in.gcount()));
    if (content.size() > options.max_document_bytes) {
      return fail(Errc::parse,
                  fmt::format("{}: larger than {}, the most kb reads of a text, HTML or feed "
                              "document (JSONL is read a record at a time)",
                              origin, size_text(options.max_document_bytes)));
    }
  }
  KB_ASSIGN(ReadResult result, read_articles(content, origin, options));
  for (auto& w : result.warnings) {
    warnings.push_back(std::move(w));
  }
  for (auto& a : result.articles) {
    sink(std::move(a));
  }
  return result.articles.size();
}

Result<ReadResult> read_path(const std::filesystem::path& path, const ReadOptions& options) {
  ReadResult result;
  KB_TRY(stream_path(
      path, options, [&](Article&& a) { result.articles.push_back(std::move(a)); },
      result.warnings));
  return result;
}

std::string content_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", h);
}

namespace readers {

std::string located(std::string_view origin, std::size_t line_no, std::string_view message) {
  if (line_no == 0) {
    return fmt::format("{}: {}", origin, message);
  }
  return fmt::format("{}:{}: {}", origin, line_no, message);
}

void finish_article(Article& article, const ReadOptions& options) {
  std::size_t bad = 0;
  for (std::string* field : {&article.url, &article.title, &article.publisher, &article.text}) {
    if (!valid_utf8(*field)) {
      *field = repair_utf8(*field, bad);
    }
  }
  article.title = collapse_spaces(article.title);
  article.publisher = collapse_spaces(article.publisher);
  if (!options.publisher.empty()) {
    article.publisher = options.publisher;
  }
  if (!options.url.empty()) {
    article.url = options.url;
  }
  detect_reprint(article);
  if (options.published) {
    // A day (`kb import --published 2022-05-03`): its midnight is no time of release, which
    // would date a late-night publisher's "today" a day early (extractor.cpp, kDayTurns).
    article.published = options.published;
    article.published_has_time =
        std::chrono::floor<date::days>(*options.published) != *options.published;
    article.published_offset.reset();
  }
  if (!article.published) {
    // A byline time in the text ("9:26PM GMT 24 Mar 2014") when the page or record gave none.
    if (const auto t = find_byline_time(article.text)) {
      article.published = t->time;
      article.published_has_time = t->has_time;
      article.published_offset = t->offset;
    }
  }
  if (!article.published) {
    // A dateline ("MOSCOW, March 3 - "), its year stated or the year the URL states.
    if (const auto t =
            find_dateline_day(article.text, latest_publication(std::nullopt, article.url))) {
      article.published = t->time;
      article.published_has_time = false;
      article.published_offset.reset();
    }
  }
  if (!article.published) {
    article.warnings.push_back(located(article.origin, 0, "no publication time found"));
  }
  if (article.text.empty()) {
    article.warnings.push_back(located(article.origin, 0, "no article text found"));
  }
}

}  // namespace readers
}  // namespace kb::importers
