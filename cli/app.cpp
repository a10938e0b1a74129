// make_app(): the explicit list of kb's commands, in --help order.

#include "cli/app.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>
#include <utility>

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
  add_untag_command(*app, ctx);
  add_undo_command(*app, ctx);
  add_log_command(*app, ctx);
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
  add_copy_command(*app, ctx);
  add_admin_command(*app, ctx);
  return app;
}

namespace {

// Flushes standard output. Output that could not be written (a full disk, a closed file) turns
// a success into a failure with one message; a command that already failed has said why. A
// pipe closed by its reader (`kb timeline | head -1`) is a failure too, but a quiet one.
int check_output(Context& ctx, int code) {
  errno = 0;
  ctx.out.flush();
  if (ctx.out.good()) {
    return code;
  }
  if (ctx.out_closed && ctx.out_closed()) {
    return code == 0 ? 1 : code;  // the reader has gone (`| head -1`): nothing to tell anyone
  }
  if (code == 0) {
    const int err = errno;
    ctx.err << "kb: cannot write to standard output"
            << (err != 0 ? std::string(": ") + std::strerror(err) : std::string()) << '\n';
    return 1;
  }
  return code;
}

// The subcommand of `app` nearest to `word` (at most two edits away), or "".
std::string nearest_command(const CLI::App& app, const std::string& word) {
  std::string best;
  std::size_t best_distance = 3;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::string& name = sub->get_name();
    // Levenshtein distance, one row at a time.
    std::vector<std::size_t> row(name.size() + 1);
    for (std::size_t j = 0; j <= name.size(); ++j) {
      row[j] = j;
    }
    for (std::size_t i = 1; i <= word.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= name.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min(
            {row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] == name[j - 1] ? 0U : 1U)});
        diagonal = above;
      }
    }
    if (row[name.size()] < best_distance) {
      best_distance = row[name.size()];
      best = name;
    }
  }
  return best;
}

// The first word of `args` that is neither an option nor --db's value: where a command belongs.
std::string command_word(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--db") {
      ++i;
    } else if (!args[i].starts_with("-")) {
      return args[i];
    }
  }
  return {};
}

}  // namespace

int run(const std::vector<std::string>& args, Context& ctx) {
  auto app = make_app(ctx);
  ctx.exit_code = 0;
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
  try {
    app->parse(reversed);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports --help/--version through exceptions too; print them where they belong.
    if (e.get_exit_code() == 0) {
      app->exit(e, ctx.out, ctx.err);
      return check_output(ctx, 0);
    }
    // A mistyped command gets one line naming it (not CLI11's "A subcommand is required" too).
    const std::string word = command_word(args);
    const auto named = [&word](const CLI::App* sub) { return sub->check_name(word); };
    if (!word.empty() && std::as_const(*app).get_subcommands(named).empty()) {
      const std::string near = nearest_command(*app, word);
      ctx.err << "kb: '" << word << "' is not a kb command; "
              << (near.empty() ? std::string("kb --help lists them")
                               : "did you mean '" + near + "'?")
              << '\n';
      return 2;
    }
    // Every usage error exits 2, whatever CLI11's own code for it.
    app->exit(e, ctx.out, ctx.err);
    return 2;
  }
  return check_output(ctx, ctx.exit_code);
}

}  // namespace kb::cli
