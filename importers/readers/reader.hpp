// The article readers' public face: read plain-text pages, HTML, RSS/Atom feeds and JSONL corpora
// into cleaned Articles. Used by `kb import`; knows nothing of the database or the command line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "importers/article.hpp"
#include "kb/result.hpp"

namespace kb::importers {

// Input formats; `auto_detect` sniffs the content (see detect_format).
enum class Format { auto_detect, text, html, feed, jsonl };

// Caller's overrides. Empty / nullopt fields mean "find it in the document".
struct ReadOptions {
  Format format = Format::auto_detect;
  std::optional<date::sys_seconds>
      published;          // overrides any found time (a time of day unless midnight)
  std::string publisher;  // overrides any found publisher
  std::string url;        // overrides any found URL (single articles)
  // Limits that keep memory bounded whatever the input: a text, HTML or feed file is read whole
  // up to `max_document_bytes` (more is an error naming the file); a JSONL line longer than
  // `max_record_bytes` is skipped with a warning naming the file and line.
  std::size_t max_document_bytes = std::size_t{128} << 20;
  std::size_t max_record_bytes = std::size_t{32} << 20;
};

// Articles read from one input, plus warnings about the input as a whole (skipped records,
// repaired encodings). Each warning names the origin and, for JSONL, the line.
struct ReadResult {
  std::vector<Article> articles;
  std::vector<std::string> warnings;
};

// Receives each article as it is read; used for streaming large inputs.
using ArticleSink = std::function<void(Article&&)>;

// Name of a format ("text", "html", "feed", "jsonl", "auto"), for messages and options.
std::string_view format_name(Format format);

// Parses a format name ("auto", "text"/"txt", "html"/"htm", "feed"/"rss"/"atom", "jsonl").
// Returns Errc::invalid_argument naming the accepted values on anything else.
Result<Format> parse_format(std::string_view name);

// Guesses the format from the first bytes of `content`: "<?xml"/"<rss"/"<feed"/"<rdf:RDF" -> feed
// (an XML prolog followed by <html> -> html), "<!DOCTYPE html"/"<html" -> html, a first
// non-blank line starting with '{' -> jsonl, else text.
Format detect_format(std::string_view content);

// Reads every article in `content`; `origin` (usually the file name) is copied into each
// Article and every warning. Content-level failures (binary data, empty input, unparseable
// feed) return an Errc::parse error naming `origin`; bad records become warnings and are skipped.
Result<ReadResult> read_articles(std::string_view content, std::string_view origin,
                                 const ReadOptions& options);

// Reads the file at `path` (origin = the path as given). A missing or unreadable file is
// Errc::not_found / Errc::storage; a binary file is Errc::parse. JSONL files are streamed.
Result<ReadResult> read_path(const std::filesystem::path& path, const ReadOptions& options);

// Streams the articles of the file at `path` into `sink` one at a time, so that memory stays
// flat for large JSONL corpora (other formats are read whole, within options.max_document_bytes).
// Input-level warnings are appended to `warnings`. Returns the number of articles delivered, or
// the errors of read_path; binary input (a device such as /dev/zero included) is refused from
// its first bytes, and a document over the limit is Errc::parse naming the limit.
Result<std::size_t> stream_path(const std::filesystem::path& path, const ReadOptions& options,
                                const ArticleSink& sink, std::vector<std::string>& warnings);

// stream_path() on an open stream (standard input): `origin` names it in articles and messages.
Result<std::size_t> stream_input(std::istream& in, std::string_view origin,
                                 const ReadOptions& options, const ArticleSink& sink,
                                 std::vector<std::string>& warnings);

// Stable hash of an article text for idempotent re-imports: 64-bit FNV-1a as 16 lower-case hex
// digits.
std::string content_hash(std::string_view text);

}  // namespace kb::importers
