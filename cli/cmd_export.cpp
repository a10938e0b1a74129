// kb export: the knowledge base (or one topic) as kb JSON, CSV, TimelineJS JSON or iCalendar.

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "importers/records/kb_json.hpp"
#include "render/exchange.hpp"
#include "services/dump.hpp"

namespace kb::cli {
namespace {

struct ExportOptions {
  std::optional<std::string> topic;
  std::string format = "json";
  std::optional<std::string> output;
  std::optional<std::string> title;
  bool force = false;  // -o may be a symbolic link: write the file it points to
};

Result<std::string> render_export(Store& store, const ExportOptions& o) {
  TimelineQuery q;
  q.topic = o.topic;
  KB_ASSIGN(auto events, store.timeline(q));
  if (o.format == "json") {
    std::optional<std::vector<Id>> only;
    if (o.topic) {
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
    const std::string title =
        o.title.value_or(o.topic ? fmt::format("Timeline: {}", *o.topic) : "Timeline");
    return render::export_timelinejs(events, title).dump(2) + "\n";
  }
  if (o.format == "ics") {
    return render::export_ics(events);
  }
  return fail(
      Errc::invalid_argument,
      fmt::format("unknown export format '{}' (expected json, csv, timelinejs or ics)", o.format));
}

Result<void> run_export(const ExportOptions& o, Context& ctx) {
  KB_ASSIGN(Store store, open_store(ctx, false));
  KB_ASSIGN(std::string text, render_export(store, o));
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
  sub->add_option("topic", o->topic,
                  "Only the events about this entity, tag or words (kb JSON then also keeps "
                  "their entities, sources and the links between them)");
  sub->add_option("--format,-f", o->format,
                  "json (kb JSON, re-importable), csv (one event per row), timelinejs, ics "
                  "(planned events)");
  sub->add_option("--output,-o", o->output, "Write to FILE instead of standard output");
  sub->add_option("--title", o->title, "Title of a TimelineJS document");
  sub->add_flag("--force", o->force,
                "When the -o path is a symbolic link, replace the file it points to");
  sub->footer(
      "Example: kb export -o kb.json   (then: kb --db other.db import kb.json)\n"
      "         kb export ukraine --format timelinejs -o ukraine-timeline.json");
  on_run(sub, ctx, [o, &ctx] { return run_export(*o, ctx); });
}

}  // namespace kb::cli
