// kb rm: delete an event (with its roles, citations, links and tags). Asks on a terminal.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/bulk.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "services/curation.hpp"
#include "services/identity.hpp"

namespace kb::cli {
namespace {

Result<void> run_rm(const std::optional<std::string>& ref, const std::string& where, bool yes,
                    std::optional<std::int64_t> expect_revision, Context& ctx) {
  if (ref.has_value() == !where.empty()) {
    return fail(Errc::invalid_argument,
                "kb rm takes one event (kb rm 12) or a filter (kb rm --where \"…\"), not both");
  }
  if (expect_revision && !ref) {
    return fail(Errc::invalid_argument,
                "--expect-revision is one event's: give it with one event (kb rm 12 "
                "--expect-revision 7)");
  }
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  if (!where.empty()) {
    KB_ASSIGN(const auto ids, where_events(store, where, ctx));
    KB_ASSIGN(const bool go, confirm_bulk(ctx, ids.size(), "delete", yes, where));
    if (!go) {
      return ok();
    }
    KB_TRY(
        services::remove_events(store, ids, fmt::format("rm --where \"{}\"", where), op_user(ctx)));
    ctx.out << fmt::format("deleted {} event{}\n", ids.size(), ids.size() == 1 ? "" : "s");
    return ok();
  }
  KB_ASSIGN(const Id id, services::resolve_ref(store, RecordKind::event, *ref));
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
  KB_TRY(services::remove_events(store, {id}, fmt::format("rm #{} {}", id, e.title), op_user(ctx),
                                 expect_revision));
  ctx.out << fmt::format("deleted #{}  {}\n", id, e.title);
  return ok();
}

}  // namespace

void add_rm_command(CLI::App& app, Context& ctx) {
  auto id = std::make_shared<std::optional<std::string>>();
  auto where = std::make_shared<std::string>();
  auto yes = std::make_shared<bool>(false);
  auto expect_revision = std::make_shared<std::optional<std::int64_t>>();
  auto* sub = app.add_subcommand("rm", "Delete an event, or every event a filter selects");
  sub->add_option("id", *id, "Event: local number or permanent id");
  sub->add_option("--expect-revision", *expect_revision,
                  "Delete only if the event is still at this revision (kb show prints it): "
                  "refused when a colleague changed it since");
  add_bulk_options(sub, *where, *yes);
  sub->footer("Example: kb rm 12 --yes\n         kb rm --where \"--tag draft --to 1990\"");
  on_run(sub, ctx, [id, where, yes, expect_revision, &ctx] {
    return run_rm(*id, *where, *yes, *expect_revision, ctx);
  });
}

}  // namespace kb::cli
