// kb export: the knowledge base (or one topic) as kb JSON, CSV, TimelineJS JSON or iCalendar.

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/filter_options.hpp"
#include "importers/records/kb_json.hpp"
#include "render/exchange.hpp"
#include "services/dump.hpp"

namespace kb::cli {
namespace {

struct ExportOptions {
  EventFilter filter;
  std::string format = "json";
  std::optional<std::string> output;
  std::optional<std::string> title;
  std::optional<std::string> since;  // a time, or an operation: "#41" or "41"
  bool force = false;                // -o may be a symbolic link: write the file it points to
};

// `--since`: an operation number ("41", "#41") or a UTC time, "2026-12-03" or
// "2026-12-03T14:05:00Z" (or a prefix of one: the export compares ISO 8601 text).
Result<ChangesSince> parse_since(const std::string& text) {
  ChangesSince since;
  const std::string_view digits =
      !text.empty() && text[0] == '#' ? std::string_view(text).substr(1) : std::string_view(text);
  if (all_digits(digits) && digits.size() < 10 && (text[0] == '#' || digits.size() != 4)) {
    since.op = std::stoll(std::string(digits));
    return since;
  }
  // YYYY-MM-DD, then optionally THH, :MM, :SS and Z, each checked digit by digit.
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  const bool shaped = text.size() >= 10 && text.size() <= kShape.size() &&
                      std::equal(text.begin(), text.end(), kShape.begin(), [](char c, char k) {
                        return k == 'd' ? (c >= '0' && c <= '9') : c == k;
                      });
  if (!shaped) {
    return fail(Errc::invalid_argument,
                fmt::format("--since: '{}' is neither a date (2026-12-03, 2026-12-03T14:05:00Z, "
                            "UTC) nor an operation number (#41, see kb log)",
                            text));
  }
  since.at = text;
  return since;
}

Result<std::string> render_export(Repository& store, const ExportOptions& o, const Context& ctx) {
  KB_ASSIGN(const TimelineQuery q, filter_query(o.filter, ctx));
  // Any filter makes the export a subset (kb JSON then keeps only those events' entities,
  // sources and links).
  const bool subset = narrows(q);
  KB_ASSIGN(auto events, store.timeline(q));
  if (o.since) {
    KB_ASSIGN(const ChangesSince since, parse_since(*o.since));
    KB_ASSIGN(const auto changed, services::changed_events(store, since));
    const std::set<Id> keep(changed.begin(), changed.end());
    std::erase_if(events, [&](const Event& e) { return keep.count(e.id) == 0; });
  }
  if (o.format == "json") {
    std::optional<std::vector<Id>> only;
    if (subset || o.since) {
      only.emplace();
      for (const auto& e : events) {
        only->push_back(e.id);
      }
    }
    KB_ASSIGN(KbDump dump, services::dump_store(store, only));
    return importers::write_kb_json(dump);
  }
  if (o.format == "csv") {
    return render::export_csv(events);
  }
  if (o.format == "timelinejs") {
    const std::string title = o.title.value_or(
        o.filter.topic ? fmt::format("Timeline: {}", *o.filter.topic) : "Timeline");
    return render::export_timelinejs(events, title).dump(2) + "\n";
  }
  if (o.format == "ics") {
    return render::export_ics(events);
  }
  if (o.format == "geojson") {
    std::map<Id, Entity> places;
    for (const auto& e : events) {
      for (const auto& p : e.participants) {
        if (p.role == Role::location && places.count(p.entity_id) == 0) {
          KB_ASSIGN(Entity place, store.entity(p.entity_id));
          places.emplace(p.entity_id, std::move(place));
        }
      }
    }
    return render::export_geojson(events, places).dump(2) + "\n";
  }
  return fail(
      Errc::invalid_argument,
      fmt::format("unknown export format '{}' (expected json, csv, timelinejs, ics or geojson)",
                  o.format));
}

Result<void> run_export(const ExportOptions& o, Context& ctx) {
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(std::string text, render_export(store, o, ctx));
  if (!o.output || *o.output == "-") {
    ctx.out << text;
    return ok();
  }
  return write_text_file(*o.output, text, o.force);
}

}  // namespace

void add_export_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ExportOptions>();
  auto* sub = app.add_subcommand("export", "Write the knowledge base in an exchange format");
  add_filter_options(sub, o->filter);
  sub->add_option("--format,-f", o->format,
                  "json (kb JSON, re-importable), csv (one event per row), timelinejs, ics "
                  "(planned events), geojson (events with a place, at its coordinates)");
  sub->add_option("--output,-o", o->output, "Write to FILE instead of standard output");
  sub->add_option("--title", o->title, "Title of a TimelineJS document");
  sub->add_option("--since", o->since,
                  "Only what changed since WHEN: a UTC date or time (2026-12-03, "
                  "2026-12-03T14:05:00Z) or an operation number from kb log (#41), and the "
                  "events linked to it; the other side merges it with kb import");
  sub->add_flag("--force", o->force,
                "When the -o path is a symbolic link, replace the file it points to");
  sub->footer(
      "Example: kb export -o kb.json   (then: kb --db other.db import kb.json)\n"
      "         kb export ukraine --format timelinejs -o ukraine-timeline.json\n"
      "         kb export --since 2026-12-01 -o changes.json   (a colleague: kb import "
      "changes.json)\n"
      "         kb export --place Bakhmut --from 2023-05 --format csv -o bakhmut.csv\n"
      "The filter options are those of kb timeline: docs/filters.md");
  on_run(sub, ctx, [o, &ctx] { return run_export(*o, ctx); });
}

}  // namespace kb::cli
