// The filter language every event-listing command shares (timeline, export, brief, stats): the
// same options, read the same way, into one TimelineQuery.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "kb/repository.hpp"

namespace kb::cli {

// The options as typed; filter_query() checks and converts them.
struct EventFilter {
  std::optional<std::string> topic;
  std::optional<std::string> from, to, as_of;
  std::vector<std::string> kinds, actors, targets, places, tags, statuses;
  std::optional<std::string> source;
  std::optional<double> min_confidence;
  bool curated = false;
  std::string sort = "date";
  bool reverse = false;
  std::size_t limit = 0;
};

// Which options a command offers: every command takes the topic and the filters; `order` adds
// --sort, --reverse and --limit (lists), `dates` adds --from, --to and --as-of (commands with
// their own dates leave them out).
struct FilterParts {
  bool order = true;
  bool dates = true;
  bool topic = true;
};

// Adds the filter's options to `sub`, with one help text each (docs/filters.md has them all).
void add_filter_options(CLI::App* sub, EventFilter& f, FilterParts parts = {});

// The query the options ask for. Error (invalid_argument) naming the option for a bad date,
// kind, status, sort or confidence.
Result<TimelineQuery> filter_query(const EventFilter& f, const Context& ctx);

// Whether a query narrows the events at all (a topic, a date, any filter or a limit).
bool narrows(const TimelineQuery& q);

}  // namespace kb::cli
