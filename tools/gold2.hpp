// Reading eval/events/gold2 (format: eval/events/gold2/README.md) with each file's article from
// dev.jsonl, read by kb's own JSONL reader so that the text is the one import sees. Shared by
// the event-model trainer and the scorer; never part of kb itself.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "importers/article.hpp"
#include "kb/fuzzy_date.hpp"
#include "kb/model.hpp"
#include "kb/result.hpp"

namespace kb::gold2 {

struct Event {
  date::sys_days from, to;
  std::string value, trigger;
  EventKind kind = EventKind::other;  // "other" when the gold gives none
  std::string status, title;
  std::vector<std::size_t> at;  // byte offsets of the trigger in Article::text (each telling)
  std::vector<std::string> keywords, actors, targets, places, claimant;
};

struct Relation {
  std::size_t from = 0, to = 0;
  kb::Relation type = kb::Relation::related;
};

struct Doc {
  std::string id;   // "kremlin-68700"
  std::string set;  // train, dev or blind
  importers::Article article;
  std::vector<Event> events;
  std::vector<Relation> relations;
  bool published_from_gold = false;  // the record had no date; the gold file's was used
};

// Every gold file of `dir` whose set is one of `sets`, in file-name order, each with its
// article from `jsonl`. Errors name the file (an unknown event kind or relation type too).
Result<std::vector<Doc>> load(const std::filesystem::path& dir, const std::filesystem::path& jsonl,
                              const std::vector<std::string>& sets);

// Lower-case ASCII, for comparing names.
std::string lower(std::string_view s);

// Whether system name `system` names gold name `gold`: equal ignoring case, or one is the
// other's last word ("Peskov" / "Dmitry Peskov"), or they share a last word of 5+ letters.
bool same_name(std::string_view system, std::string_view gold);

}  // namespace kb::gold2
