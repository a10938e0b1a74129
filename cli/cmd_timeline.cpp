// kb timeline: the events about a topic in date order, each date at its own precision.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/filter_options.hpp"
#include "render/exchange.hpp"
#include "render/timeline.hpp"

namespace kb::cli {
namespace {

struct TimelineOptions {
  EventFilter filter;
  std::string format = "text";
};

Result<void> run_timeline(const TimelineOptions& o, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(o.format));
  KB_ASSIGN(const TimelineQuery q, filter_query(o.filter, ctx));
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(auto events, store.timeline(q));
  switch (format) {
    case Format::text:
      ctx.out << render::timeline_text(events, use_color(ctx));
      if (events.empty()) {
        ctx.err << "kb: no events"
                << (o.filter.topic ? fmt::format(" about '{}'", *o.filter.topic) : "") << '\n';
      }
      break;
    case Format::md:
      ctx.out << render::timeline_markdown(events);
      break;
    case Format::csv:
      ctx.out << render::export_csv(events);  // one CSV layout for events
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
  add_filter_options(sub, o->filter);
  sub->add_option("--format,-f", o->format, "text, md, json or csv");
  sub->footer(
      "Example: kb timeline ukraine --from 2014 --to \"May 2023\" --format json\n"
      "         kb timeline --place Bakhmut --kind attack --status reported --reverse --limit 10\n"
      "         kb timeline wagner --sort citations --limit 5\n"
      "The filter options are the same for timeline, export, brief and stats: docs/filters.md");
  on_run(sub, ctx, [o, &ctx] { return run_timeline(*o, ctx); });
}

}  // namespace kb::cli
