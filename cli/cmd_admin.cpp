// kb admin init | grant USER reader|editor|admin: access to a knowledge base a team shares on
// PostgreSQL (storage::init_access, storage::grant_access). A SQLite file's access is its file
// permissions.

#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "storage/open.hpp"

namespace kb::cli {
namespace {

struct AdminOptions {
  std::string user;
  std::string access;
};

Result<void> run_init(Context& ctx) {
  KB_TRY(storage::init_access(db_path(ctx)));
  ctx.out << fmt::format(
      "{}: kb's tables are ready, with the roles kb_reader, kb_editor and kb_admin; "
      "`kb admin grant USER reader|editor|admin` gives a login one of them\n",
      storage::shown(db_path(ctx)));
  return ok();
}

Result<void> run_grant(const AdminOptions& o, Context& ctx) {
  KB_TRY(storage::grant_access(db_path(ctx), o.user, o.access));
  ctx.out << fmt::format("{} is now a kb {} of {}\n", o.user, o.access,
                         storage::shown(db_path(ctx)));
  return ok();
}

}  // namespace

void add_admin_command(CLI::App& app, Context& ctx) {
  auto* admin = app.add_subcommand("admin", "Access to a shared knowledge base on PostgreSQL");
  admin->require_subcommand(1);
  admin->footer("Example: kb --db postgresql://postgres@kb.example.org/teamkb admin init");
  auto* init = admin->add_subcommand(
      "init", "Create kb's tables and the roles kb_reader, kb_editor, kb_admin with their grants");
  init->footer("Example: kb --db postgresql://postgres@kb.example.org/teamkb admin init");
  on_run(init, ctx, [&ctx] { return run_init(ctx); });
  auto o = std::make_shared<AdminOptions>();
  auto* grant =
      admin->add_subcommand("grant", "Make a PostgreSQL login a kb reader, editor or admin");
  grant->add_option("user", o->user, "The PostgreSQL login")->required();
  grant->add_option("access", o->access, "reader, editor or admin")->required();
  grant->footer(
      "Example: kb --db postgresql://postgres@kb.example.org/teamkb admin grant alice editor");
  on_run(grant, ctx, [o, &ctx] { return run_grant(*o, ctx); });
}

}  // namespace kb::cli
