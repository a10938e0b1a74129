// The options shared by `kb add` and `kb edit`.

#include "cli/event_options.hpp"

#include <CLI/CLI.hpp>

#include "cli/common.hpp"

namespace kb::cli {

void add_event_options(CLI::App& sub, EventOptions& o) {
  sub.add_option("--date,-d", o.date, "When: 2022-02-24, 'Feb 2022', 1994, 2023-W20-WE, ...");
  sub.add_option("--end", o.end, "Last day of a span that started at --date");
  sub.add_option("--kind,-k", o.kind, listed(event_kinds()));
  sub.add_option("--summary,-s", o.summary, "One or two sentences on what happened");
  sub.add_option("--status", o.status, "reported (default), planned or disputed");
  sub.add_option("--confidence", o.confidence, "0..1 (default 1 for hand entries)");
  sub.add_option("--actor,-a", o.actors,
                 "Who acted (repeatable; KIND:NAME creates a new entity "
                 "of that kind)");
  sub.add_option("--target,-t", o.targets, "Who or what it was aimed at (repeatable)");
  sub.add_option("--place,-p", o.places, "Where (repeatable)");
  sub.add_option("--claimed-by", o.claimants,
                 "Who claims it happened, when only they say so (repeatable; tags it 'claimed')");
  sub.add_option("--tag", o.tags, "A tag (repeatable)");
  sub.add_option("--source", o.source, "URL of the source that reports it");
  sub.add_option("--source-id", o.source_id,
                 "A stored source that reports it (its number or permanent id; see kb sources)");
  sub.add_option("--source-title", o.source_title,
                 "A new source that reports it: its title (with --source URL if it has one)");
  sub.add_option("--source-publisher", o.source_publisher, "The new source's publisher");
  sub.add_option("--source-date", o.source_date, "The new source's publication day, YYYY-MM-DD");
  sub.add_option("--quote", o.quote, "The sentence of the source that supports it");
}

}  // namespace kb::cli
