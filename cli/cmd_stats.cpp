// kb stats: what the knowledge base holds, or (--by) how many events fall in each period.

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/filter_options.hpp"
#include "render/counts.hpp"
#include "services/counts.hpp"
#include "storage/open.hpp"

namespace kb::cli {
namespace {

struct StatsOptions {
  std::string format = "text";
  EventFilter filter;
  std::optional<std::string> by, per, output;
  bool force = false;
};

Result<void> run_totals(Format format, Context& ctx) {
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(Stats st, store.stats());
  if (format == Format::json) {
    nlohmann::ordered_json j = {{"database", storage::shown(db_path(ctx))},
                                {"events", st.events},
                                {"entities", st.entities},
                                {"sources", st.sources},
                                {"citations", st.citations},
                                {"links", st.links},
                                {"tags", st.tags}};
    j["earliest"] = st.earliest ? nlohmann::ordered_json(st.earliest->display()) : nullptr;
    j["latest"] = st.latest ? nlohmann::ordered_json(st.latest->display()) : nullptr;
    nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
    for (const auto& [kind, n] : st.by_kind) {
      kinds[std::string(to_string(kind))] = n;
    }
    j["by_kind"] = std::move(kinds);
    ctx.out << j.dump(2) << '\n';
    return ok();
  }
  ctx.out << fmt::format("database   {}\n", storage::shown(db_path(ctx)));
  ctx.out << fmt::format(
      "events     {}\nentities   {}\nsources    {}\ncitations  {}\n"
      "links      {}\ntags       {}\n",
      st.events, st.entities, st.sources, st.citations, st.links, st.tags);
  if (st.earliest) {
    ctx.out << fmt::format("span       {} – {}\n", st.earliest->display(), st.latest->display());
  }
  for (const auto& [kind, n] : st.by_kind) {
    ctx.out << fmt::format("  {:<20} {}\n", to_string(kind), n);
  }
  return ok();
}

// Counts over time: the filtered events by period (and group), as a table, CSV or JSON, and
// with -o a bar chart.
Result<void> run_counts(const StatsOptions& o, Format format, Context& ctx) {
  KB_ASSIGN(const services::Period period, services::parse_period(*o.by));
  services::Split split = services::Split::none;
  if (o.per) {
    KB_ASSIGN(split, services::parse_split(*o.per));
  }
  KB_ASSIGN(const TimelineQuery q, filter_query(o.filter, ctx));
  if (o.output) {
    KB_TRY(output_target(*o.output, o.force));
  }
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(const auto events, store.timeline(q));
  KB_ASSIGN(const services::CountTable table, services::count_events(events, period, split));
  if (o.output) {
    const std::string title = fmt::format("Events per {}{}{}", *o.by, o.per ? " by " + *o.per : "",
                                          o.filter.topic ? ": " + *o.filter.topic : "");
    KB_TRY(write_text_file(*o.output, render::counts_svg(table, title), o.force));
    ctx.err << fmt::format("wrote {} ({} period{})\n", *o.output, table.periods.size(),
                           table.periods.size() == 1 ? "" : "s");
  }
  switch (format) {
    case Format::json:
      ctx.out << render::counts_json(table).dump(2) << '\n';
      break;
    case Format::csv:
      ctx.out << render::counts_csv(table);
      break;
    default:
      ctx.out << render::counts_text(table);
      break;
  }
  return ok();
}

Result<void> run_stats(const StatsOptions& o, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(o.format));
  if (o.by) {
    return run_counts(o, format, ctx);
  }
  KB_ASSIGN(const TimelineQuery q, filter_query(o.filter, ctx));
  if (narrows(q) || o.per || o.output) {
    return fail(Errc::invalid_argument,
                "a topic, filters, --per and -o count events over time: add --by day, week, "
                "month or year");
  }
  if (format == Format::csv || format == Format::md) {
    return fail(Errc::invalid_argument, "kb stats without --by writes text or json");
  }
  return run_totals(format, ctx);
}

}  // namespace

void add_stats_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<StatsOptions>();
  auto* sub = app.add_subcommand(
      "stats", "Counts and time span of the knowledge base, or events per period (--by)");
  add_filter_options(sub, o->filter, FilterParts{.order = false});
  sub->add_option("--by", o->by,
                  "Count events per day, week (ISO, Monday first), month or year; an event "
                  "counts in the period its whole date lies in");
  sub->add_option("--per", o->per,
                  "With --by, split each period by kind, actor or place (the 8 largest groups, "
                  "the rest summed as (rest))");
  sub->add_option("--output,-o", o->output, "With --by, also draw a bar chart to FILE.svg");
  sub->add_flag("--force", o->force, "When the -o path is a symbolic link, replace the file");
  sub->add_option("--format,-f", o->format, "text or json; with --by also csv");
  sub->footer(
      "Example: kb stats --format json\n"
      "         kb stats ukraine --by week --per kind --from 2023-05 --to 2023-06\n"
      "         kb stats --by month --place Bakhmut --format csv -o bakhmut.svg\n"
      "The filter options are those of kb timeline: docs/filters.md");
  on_run(sub, ctx, [o, &ctx] { return run_stats(*o, ctx); });
}

}  // namespace kb::cli
