// kb undo: reverts the last analyst command; kb log: the operation log, for all events or one.

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "services/identity.hpp"
#include "services/oplog.hpp"

namespace kb::cli {
namespace {

Result<void> run_undo(Context& ctx) {
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  KB_ASSIGN(Transaction tx, store.transaction());
  KB_ASSIGN(const services::UndoneOp undone, services::undo_last(store, op_user(ctx)));
  KB_TRY(tx.commit());
  ctx.out << fmt::format("undid operation #{}: {} ({}, {}); logged as #{}\n", undone.op.id,
                         undone.op.command, undone.op.user, undone.op.at, undone.undo_id);
  return ok();
}

Result<void> run_log(Context& ctx, const std::optional<std::string>& event, std::size_t limit) {
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  std::optional<Id> id;
  if (event) {
    KB_ASSIGN(id, services::resolve_ref(store, RecordKind::event, *event));
  }
  KB_ASSIGN(const auto ops, store.ops(id, limit));
  for (const Op& op : ops) {
    ctx.out << fmt::format("#{}  {}  {}  {}{}\n", op.id, op.at, op.user, op.command,
                           op.undone_by ? fmt::format("  (undone by #{})", *op.undone_by) : "");
    for (const OpEvent& e : op.events) {
      if (id && e.event_id != *id) {
        continue;
      }
      for (const auto& line : services::describe_change(e)) {
        ctx.out << fmt::format("    #{} {}\n", e.event_id, line);
      }
    }
    for (const OpEntity& e : op.entities) {
      if (id) {
        break;  // only the event asked about
      }
      for (const auto& line : services::describe_change(e)) {
        ctx.out << fmt::format("    entity #{} {}\n", e.entity_id, line);
      }
    }
    for (const OpSource& e : op.sources) {
      if (id) {
        break;
      }
      for (const auto& line : services::describe_change(e)) {
        ctx.out << fmt::format("    source #{} {}\n", e.source_id, line);
      }
    }
  }
  return ok();
}

}  // namespace

void add_undo_command(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("undo", "Revert the last analyst command (repeatable)");
  sub->footer(
      "Reverts the newest logged command not yet undone (add, edit, rm, tag, link, unlink, "
      "extract, import, entity add, alias or merge; run it again for the one before); the undo "
      "itself is logged (kb log). kb import --undo N undoes an older import run.\n"
      "Example: kb undo");
  on_run(sub, ctx, [&ctx] { return run_undo(ctx); });
}

void add_log_command(CLI::App& app, Context& ctx) {
  auto event = std::make_shared<std::optional<std::string>>();
  auto limit = std::make_shared<std::size_t>(20);
  auto* sub = app.add_subcommand("log", "The operation log: who changed what, when");
  sub->add_option("--event,-e", *event, "Only operations that changed this event");
  sub->add_option("--limit,-n", *limit, "At most this many operations, newest first (0: all)");
  sub->footer("Example: kb log --event 12");
  on_run(sub, ctx, [event, limit, &ctx] { return run_log(ctx, *event, *limit); });
}

}  // namespace kb::cli
