// The shared event filter: options and their reading.

#include "cli/filter_options.hpp"

#include <fmt/format.h>

#include "cli/common.hpp"

namespace kb::cli {

void add_filter_options(CLI::App* sub, EventFilter& f, FilterParts parts) {
  if (parts.topic) {
    sub->add_option("topic", f.topic,
                    "An entity (name or alias; a country includes its places), a tag, or "
                    "words to search for");
  }
  if (parts.dates) {
    sub->add_option("--from", f.from, "Only events that end on or after this date");
    sub->add_option("--to", f.to,
                    "Only events that start on or before this date (--to 1991 includes all "
                    "of 1991)");
    sub->add_option("--as-of", f.as_of,
                    "Only what was known on that date (sources published and hand entries "
                    "made by then)");
  }
  sub->add_option("--kind,-k", f.kinds, "Only these kinds (repeatable)");
  sub->add_option("--actor,-a", f.actors, "Only events with this actor (repeatable)");
  sub->add_option("--target", f.targets, "Only events with this target (repeatable)");
  sub->add_option("--place", f.places,
                  "Only events located in this place, or in a place within it (repeatable)");
  sub->add_option("--tag", f.tags, "Only events with this tag (repeatable: any of them)");
  sub->add_option("--status", f.statuses,
                  "Only events with this status: reported, planned or disputed (repeatable)");
  sub->add_option("--source", f.source,
                  "Only events cited by a source whose URL, title or publisher contains this "
                  "text, or source #N");
  sub->add_option("--min-confidence", f.min_confidence,
                  "Only events whose confidence is at least this (0 to 1)");
  sub->add_flag("--curated", f.curated, "Only events an analyst entered or changed");
  if (parts.order) {
    sub->add_option("--sort", f.sort,
                    "date (oldest first), recorded (first recorded first) or citations (most "
                    "cited first)");
    sub->add_flag("--reverse,-r", f.reverse, "The reverse order (by date: newest first)");
    sub->add_option("--limit,-n", f.limit,
                    "At most N events, the first of the order (with --reverse: the newest)");
  }
}

Result<TimelineQuery> filter_query(const EventFilter& f, const Context& ctx) {
  TimelineQuery q;
  q.topic = f.topic;
  if (f.from) {
    KB_ASSIGN(q.from, parse_date_option(*f.from, ctx));
  }
  if (f.to) {
    KB_ASSIGN(q.to, parse_date_option(*f.to, ctx));
  }
  if (f.as_of) {
    KB_ASSIGN(FuzzyDate as_of, parse_date_option(*f.as_of, ctx));
    q.as_of = as_of.last();
  }
  for (const auto& k : f.kinds) {
    KB_ASSIGN(const EventKind kind, parse_event_kind(k));
    q.kinds.push_back(kind);
  }
  for (const auto& s : f.statuses) {
    KB_ASSIGN(const Status status, parse_status(s));
    q.statuses.push_back(status);
  }
  q.actors = f.actors;
  q.targets = f.targets;
  q.places = f.places;
  q.tags = f.tags;
  q.source = f.source;
  if (f.min_confidence && (*f.min_confidence < 0 || *f.min_confidence > 1)) {
    return fail(Errc::invalid_argument,
                fmt::format("--min-confidence {} is outside 0 to 1", *f.min_confidence));
  }
  q.min_confidence = f.min_confidence;
  q.curated_only = f.curated;
  if (f.sort == "date") {
    q.sort = TimelineQuery::Sort::date;
  } else if (f.sort == "recorded") {
    q.sort = TimelineQuery::Sort::recorded;
  } else if (f.sort == "citations") {
    q.sort = TimelineQuery::Sort::citations;
  } else {
    return fail(Errc::invalid_argument,
                fmt::format("--sort '{}': expected date, recorded or citations", f.sort));
  }
  q.newest_first = f.reverse;
  q.limit = f.limit;
  return q;
}

bool narrows(const TimelineQuery& q) {
  return q.topic || q.from || q.to || q.as_of || !q.kinds.empty() || !q.actors.empty() ||
         !q.targets.empty() || !q.places.empty() || !q.tags.empty() || !q.statuses.empty() ||
         q.source || q.min_confidence || q.curated_only || q.limit != 0;
}

}  // namespace kb::cli
