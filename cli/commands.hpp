// One add_<name>_command() per subcommand, each defined in cli/cmd_<name>.cpp. app.cpp calls
// them in --help order.
#pragma once

#include "cli/context.hpp"

namespace CLI {
class App;
}

namespace kb::cli {

void add_import_command(CLI::App& app, Context& ctx);    // kb import: articles in
void add_sources_command(CLI::App& app, Context& ctx);   // kb sources: what was imported
void add_add_command(CLI::App& app, Context& ctx);       // kb add: a hand-entered event
void add_edit_command(CLI::App& app, Context& ctx);      // kb edit: change an event
void add_rm_command(CLI::App& app, Context& ctx);        // kb rm: delete an event
void add_link_command(CLI::App& app, Context& ctx);      // kb link: typed relation
void add_unlink_command(CLI::App& app, Context& ctx);    // kb unlink: remove a relation
void add_tag_command(CLI::App& app, Context& ctx);       // kb tag: add tags
void add_untag_command(CLI::App& app, Context& ctx);     // kb untag: remove tags
void add_undo_command(CLI::App& app, Context& ctx);      // kb undo: revert the last command
void add_log_command(CLI::App& app, Context& ctx);       // kb log: the operation log
void add_entity_command(CLI::App& app, Context& ctx);    // kb entity add|alias|merge|list|show
void add_timeline_command(CLI::App& app, Context& ctx);  // kb timeline
void add_show_command(CLI::App& app, Context& ctx);      // kb show
void add_search_command(CLI::App& app, Context& ctx);    // kb search
void add_stats_command(CLI::App& app, Context& ctx);     // kb stats
void add_dates_command(CLI::App& app, Context& ctx);     // kb dates: dates in a text
void add_parse_command(CLI::App& app, Context& ctx);     // kb parse: the analysis of a text
void add_extract_command(CLI::App& app, Context& ctx);   // kb extract: re-run extraction
void add_xref_command(CLI::App& app, Context& ctx);      // kb xref: what connects
void add_brief_command(CLI::App& app, Context& ctx);     // kb brief: Markdown briefing
void add_export_command(CLI::App& app, Context& ctx);    // kb export: exchange formats
void add_copy_command(CLI::App& app, Context& ctx);      // kb copy: a whole KB into an empty one
void add_admin_command(CLI::App& app, Context& ctx);     // kb admin init|grant (PostgreSQL)

}  // namespace kb::cli
