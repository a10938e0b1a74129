// Article: one news article as the readers deliver it (metadata + cleaned body), before any
// extraction. The `kb import` command stores each one as a Source.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

namespace kb::importers {

// One article read from a file, feed item or corpus record.
struct Article {
  std::string url;                 // canonical URL, empty when unknown
  std::string title;               // headline, without site-name suffixes or "PHOTO" labels
  std::string publisher;           // who published this copy ("Caliber.Az")
  std::string original_publisher;  // for reprints: who published it first; else empty
  std::optional<date::sys_seconds> published;  // publication time (UTC when the zone was known)
  bool published_has_time = false;             // false when only the day was known
  // Minutes east of UTC that the source stated with the time ("-08:00", "BST"; 0 for "Z"),
  // nullopt when it stated none: the publisher's local time, and day, is `published` + offset.
  std::optional<int> published_offset;
  std::string text;    // cleaned body: paragraphs separated by "\n\n", no newline inside one
  std::string origin;  // file name, plus ":LINE" for JSONL records
  std::vector<std::string> warnings;  // problems with this article, each naming origin (and line)
};

}  // namespace kb::importers
