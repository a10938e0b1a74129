// make_app(): the explicit list of kb's commands, in --help order.

#include "cli/app.hpp"

#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace kb::cli {

std::unique_ptr<CLI::App> make_app(Context& ctx) {
  auto app = std::make_unique<CLI::App>(
      "kb: a geopolitical timeline and knowledge base.\n"
      "Dated events with their sources, entities and relations, in one SQLite file.",
      "kb");
  app->set_version_flag("--version", std::string("kb ") + KB_VERSION);
  app->option_defaults()->always_capture_default();
  app->add_option("--db", ctx.db_option,
                  "Database file (default: $KB_DB, else $XDG_DATA_HOME/kb/kb.db, "
                  "else ~/.local/share/kb/kb.db)");
  app->require_subcommand(1);
  app->footer(
      "Example: kb add \"Russia annexes Crimea\" --date 2014-03-18 --actor Russia\n"
      "         kb timeline ukraine --from 2014");
  add_import_command(*app, ctx);
  add_sources_command(*app, ctx);
  add_add_command(*app, ctx);
  add_edit_command(*app, ctx);
  add_rm_command(*app, ctx);
  add_link_command(*app, ctx);
  add_unlink_command(*app, ctx);
  add_tag_command(*app, ctx);
  add_entity_command(*app, ctx);
  add_timeline_command(*app, ctx);
  add_show_command(*app, ctx);
  add_search_command(*app, ctx);
  add_stats_command(*app, ctx);
  add_dates_command(*app, ctx);
  add_parse_command(*app, ctx);
  add_extract_command(*app, ctx);
  add_xref_command(*app, ctx);
  add_brief_command(*app, ctx);
  add_export_command(*app, ctx);
  return app;
}

int run(const std::vector<std::string>& args, Context& ctx) {
  auto app = make_app(ctx);
  ctx.exit_code = 0;
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
  try {
    app->parse(reversed);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports --help/--version through exceptions too; print them where they belong.
    return app->exit(e, ctx.out, ctx.err);
  }
  return ctx.exit_code;
}

}  // namespace kb::cli
