// The per-format readers behind read_articles(); internal to importers/readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "importers/readers/reader.hpp"
#include "kb/result.hpp"

namespace kb::importers::readers {

// A scraped page as plain text (navigation, dateline, title, body, footers) or the corpus
// sample layout (title / "date — source" / url / blank / body). Always one article.
Result<ReadResult> read_text(std::string_view content, std::string_view origin,
                             const ReadOptions& options);

// An HTML page: metadata from <meta>/JSON-LD/<time>, body chosen by content density.
Result<ReadResult> read_html(std::string_view content, std::string_view origin,
                             const ReadOptions& options);

// An RSS 0.9x/1.0/2.0 or Atom feed: one article per item/entry.
Result<ReadResult> read_feed(std::string_view content, std::string_view origin,
                             const ReadOptions& options);

// One JSONL record (`line_no` counts from 1). Returns the article, or an Errc::parse error
// naming origin:line when the record is unusable (the caller turns it into a warning).
Result<Article> read_jsonl_record(std::string_view line, std::string_view origin,
                                  std::size_t line_no, const ReadOptions& options);

// Applies `options` overrides, repairs/normalises fields, detects reprints and adds the
// "no publication time" warning. Every reader calls this on each article it returns.
void finish_article(Article& article, const ReadOptions& options);

// "origin: message" or "origin:line: message".
std::string located(std::string_view origin, std::size_t line_no, std::string_view message);

}  // namespace kb::importers::readers
