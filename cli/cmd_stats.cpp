// kb stats: what the knowledge base holds.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace kb::cli {
namespace {

Result<void> run_stats(const std::string& format_name, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(format_name));
  KB_ASSIGN(Store store, open_store(ctx, false));
  KB_ASSIGN(Stats st, store.stats());
  if (format == Format::json) {
    nlohmann::ordered_json j = {
        {"database", db_path(ctx)}, {"events", st.events},       {"entities", st.entities},
        {"sources", st.sources},    {"citations", st.citations}, {"links", st.links},
        {"tags", st.tags}};
    j["earliest"] = st.earliest ? nlohmann::ordered_json(st.earliest->display()) : nullptr;
    j["latest"] = st.latest ? nlohmann::ordered_json(st.latest->display()) : nullptr;
    nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
    for (const auto& [kind, n] : st.by_kind) {
      kinds[kind] = n;
    }
    j["by_kind"] = std::move(kinds);
    ctx.out << j.dump(2) << '\n';
    return ok();
  }
  ctx.out << fmt::format("database   {}\n", db_path(ctx));
  ctx.out << fmt::format(
      "events     {}\nentities   {}\nsources    {}\ncitations  {}\n"
      "links      {}\ntags       {}\n",
      st.events, st.entities, st.sources, st.citations, st.links, st.tags);
  if (st.earliest) {
    ctx.out << fmt::format("span       {} – {}\n", st.earliest->display(), st.latest->display());
  }
  for (const auto& [kind, n] : st.by_kind) {
    ctx.out << fmt::format("  {:<20} {}\n", kind, n);
  }
  return ok();
}

}  // namespace

void add_stats_command(CLI::App& app, Context& ctx) {
  auto format = std::make_shared<std::string>("text");
  auto* sub = app.add_subcommand("stats", "Counts and time span of the knowledge base");
  sub->add_option("--format,-f", *format, "text or json");
  sub->footer("Example: kb stats --format json");
  on_run(sub, ctx, [format, &ctx] { return run_stats(*format, ctx); });
}

}  // namespace kb::cli
