// kb timeline: the events about a topic in date order, each date at its own precision.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "render/timeline.hpp"

namespace kb::cli {
namespace {

struct TimelineOptions {
  std::optional<std::string> topic;
  std::optional<std::string> from, to, as_of;
  std::vector<std::string> kinds, actors;
  std::size_t limit = 0;
  bool reverse = false;  // newest first
  std::string format = "text";
};

Result<void> run_timeline(const TimelineOptions& o, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(o.format));
  TimelineQuery q;
  q.topic = o.topic;
  if (o.from) {
    KB_ASSIGN(q.from, parse_date_option(*o.from, ctx));
  }
  if (o.to) {
    KB_ASSIGN(q.to, parse_date_option(*o.to, ctx));
  }
  if (o.as_of) {
    KB_ASSIGN(FuzzyDate as_of, parse_date_option(*o.as_of, ctx));
    q.as_of = as_of.last();
  }
  for (const auto& k : o.kinds) {
    KB_ASSIGN(std::string kind, parse_event_kind(k));
    q.kinds.push_back(std::move(kind));
  }
  q.actors = o.actors;
  q.limit = o.limit;
  q.newest_first = o.reverse;
  KB_ASSIGN(Store store, open_store(ctx, false));
  KB_ASSIGN(auto events, store.timeline(q));
  switch (format) {
    case Format::text:
      ctx.out << render::timeline_text(events, use_color(ctx));
      if (events.empty()) {
        ctx.err << "kb: no events" << (o.topic ? fmt::format(" about '{}'", *o.topic) : "") << '\n';
      }
      break;
    case Format::md:
      ctx.out << render::timeline_markdown(events);
      break;
    case Format::csv:
      ctx.out << render::timeline_csv(events);
      break;
    case Format::json: {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& e : events) {
        arr.push_back(render::event_json(e));
      }
      ctx.out << arr.dump(2) << '\n';
      break;
    }
  }
  return ok();
}

}  // namespace

void add_timeline_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<TimelineOptions>();
  auto* sub = app.add_subcommand("timeline", "Events in date order, about a topic or all");
  sub->add_option("topic", o->topic,
                  "An entity (name or alias; a country includes its places), a tag, or "
                  "words to search for");
  sub->add_option("--from", o->from, "Only events that end on or after this date");
  sub->add_option("--to", o->to,
                  "Only events that start on or before this date (--to 1991 "
                  "includes all of 1991)");
  sub->add_option("--as-of", o->as_of,
                  "Only what was known on that date (sources published "
                  "and hand entries made by then)");
  sub->add_option("--kind,-k", o->kinds, "Only these kinds (repeatable)");
  sub->add_option("--actor,-a", o->actors, "Only events with this actor (repeatable)");
  sub->add_option("--limit,-n", o->limit,
                  "At most N events (the oldest; with --reverse the newest)");
  sub->add_flag("--reverse,-r", o->reverse, "Newest first");
  sub->add_option("--format,-f", o->format, "text, md, json or csv");
  sub->footer("Example: kb timeline ukraine --from 2014 --to \"May 2023\" --format json");
  on_run(sub, ctx, [o, &ctx] { return run_timeline(*o, ctx); });
}

}  // namespace kb::cli
