// kb brief: a Markdown briefing on a topic (key developments with footnoted sources, context,
// what lies ahead, actors, sources) and, with -o, its timeline picture as SVG next to it.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/filter_options.hpp"
#include "render/briefing.hpp"
#include "render/exchange.hpp"
#include "render/timeline_svg.hpp"

namespace kb::cli {
namespace {

struct BriefOptions {
  std::string topic;
  EventFilter filter;  // its dates are the briefing's period
  std::size_t top = services::kDefaultTop;
  std::optional<std::string> output;
  std::optional<std::string> title;
  bool force = false;  // -o (or its .svg) may be a symbolic link: write the file it points to
};

Result<services::BriefingQuery> query_of(const BriefOptions& o, const Context& ctx) {
  services::BriefingQuery q;
  KB_ASSIGN(q.filter, filter_query(o.filter, ctx));
  q.topic = o.topic;
  q.today = ctx.today;
  q.from = q.filter.from;
  q.to = q.filter.to;
  q.as_of = q.filter.as_of;
  q.top = o.top;
  return q;
}

std::string default_title(const std::string& topic) {
  std::string t = topic;
  if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') {
    t[0] = static_cast<char>(t[0] - 'a' + 'A');
  }
  return fmt::format("Briefing: {}", t);
}

Result<void> run_brief(const BriefOptions& o, Context& ctx) {
  KB_ASSIGN(services::BriefingQuery q, query_of(o, ctx));
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(services::Briefing b,
            services::collect_briefing(store, q, o.title.value_or(default_title(o.topic))));
  if (!o.output || *o.output == "-") {
    ctx.out << render::render_briefing(b);
    return ok();
  }
  const std::filesystem::path md(*o.output);
  std::filesystem::path svg = md;
  svg.replace_extension(".svg");
  b.timeline_href = svg.filename().string();
  // Both paths are checked before either is written, so a refused SVG leaves no briefing.
  KB_TRY(output_target(md.string(), o.force));
  KB_TRY(output_target(svg.string(), o.force));
  KB_TRY(write_text_file(md.string(), render::render_briefing(b), o.force));
  std::vector<Event> all = b.context;
  all.insert(all.end(), b.key.begin(), b.key.end());
  all.insert(all.end(), b.ahead.begin(), b.ahead.end());
  KB_TRY(write_text_file(svg.string(), render::render_timeline_svg(all, b.title), o.force));
  ctx.out << fmt::format("wrote {} ({} key development{}, {} context, {} ahead) and {}\n",
                         md.string(), b.key.size(), b.key.size() == 1 ? "" : "s", b.context.size(),
                         b.ahead.size(), svg.string());
  return ok();
}

}  // namespace

void add_brief_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<BriefOptions>();
  auto* sub = app.add_subcommand("brief", "Write a Markdown briefing on a topic");
  sub->add_option("topic", o->topic, "An entity (name or alias), a tag, or words")->required();
  sub->add_option("--from", o->filter.from, "Key developments that end on or after this date");
  sub->add_option("--to", o->filter.to, "Key developments that start on or before this date");
  sub->add_option("--as-of", o->filter.as_of,
                  "Only what was known on that date; later events go under Ahead");
  add_filter_options(sub, o->filter, FilterParts{.order = false, .dates = false, .topic = false});
  sub->add_option("--top", o->top,
                  "Show the N most significant key developments (kind, independent sources, "
                  "curation, actors; default 12), the rest counted per kind; 0 shows all");
  sub->add_option("--output,-o", o->output,
                  "Write FILE.md, and the timeline picture FILE.svg next to it");
  sub->add_option("--title", o->title, "The briefing's title (default: Briefing: TOPIC)");
  sub->add_flag("--force", o->force,
                "When the -o path (or its .svg) is a symbolic link, replace the file it points "
                "to");
  sub->footer(
      "Example: kb brief ukraine --from 2014 --as-of 2023-05-23 -o briefing.md\n"
      "         kb brief bakhmut --from 2023-05 --kind attack --status reported\n"
      "The filter options are those of kb timeline: docs/filters.md");
  on_run(sub, ctx, [o, &ctx] { return run_brief(*o, ctx); });
}

}  // namespace kb::cli
