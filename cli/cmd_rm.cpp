// kb rm: delete an event (with its roles, citations, links and tags). Asks on a terminal.

#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "services/identity.hpp"
#include "services/oplog.hpp"

namespace kb::cli {
namespace {

Result<void> run_rm(const std::string& ref, bool yes, Context& ctx) {
  KB_ASSIGN(Store store, open_store(ctx, true));
  KB_ASSIGN(Transaction tx, store.transaction());
  KB_ASSIGN(const Id id, services::resolve_ref(store, RecordKind::event, ref));
  KB_ASSIGN(Event e, store.event(id));
  if (!yes && ctx.in_is_tty) {
    ctx.err << fmt::format("Delete #{} {} \"{}\"? [y/N] ", id, e.date.display(), e.title);
    ctx.err.flush();
    std::string answer;
    std::getline(ctx.in, answer);
    if (answer != "y" && answer != "Y" && answer != "yes") {
      ctx.err << "kb: nothing deleted\n";
      return ok();
    }
  }
  services::OpRecorder op(op_user(ctx), fmt::format("rm #{} {}", id, e.title));
  KB_TRY(op.watch(store, id));
  // Events merged into this one and events it links to change too.
  for (const auto& l : e.links) {
    KB_TRY(op.watch(store, l.other_id));
  }
  KB_TRY(op.watch_merged(store, id));  // also those merged through a chain, without a link
  KB_TRY(store.remove_event(id));
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  ctx.out << fmt::format("deleted #{}  {}\n", id, e.title);
  return ok();
}

}  // namespace

void add_rm_command(CLI::App& app, Context& ctx) {
  auto id = std::make_shared<std::string>();
  auto yes = std::make_shared<bool>(false);
  auto* sub = app.add_subcommand("rm", "Delete an event");
  sub->add_option("id", *id, "Event: local number or permanent id")->required();
  sub->add_flag("--yes,-y", *yes, "Do not ask for confirmation");
  sub->footer("Example: kb rm 12 --yes");
  on_run(sub, ctx, [id, yes, &ctx] { return run_rm(*id, *yes, ctx); });
}

}  // namespace kb::cli
