// kb add / kb edit: analysts enter and correct events by hand. Each is one transaction.

#include <memory>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/bulk.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/event_options.hpp"
#include "services/identity.hpp"

namespace kb::cli {
namespace {

void print_notes(const std::vector<std::string>& notes, Context& ctx) {
  for (const auto& note : notes) {
    ctx.err << "kb: note: " << note << '\n';
  }
}

Result<void> run_add(const EventOptions& o, Context& ctx) {
  if (!o.date) {
    return fail(Errc::invalid_argument, "kb add needs --date");
  }
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  KB_ASSIGN(const services::Changed added, services::add_event(store, o, ctx.today, op_user(ctx)));
  print_notes(added.notes, ctx);
  const Event& e = added.events.front();
  ctx.out << fmt::format("#{}  {}  {}\n", e.id, e.date.display(), e.title);
  return ok();
}

Result<void> run_edit(const std::optional<std::string>& ref, const std::string& where, bool yes,
                      const EventOptions& o, Context& ctx) {
  if (ref.has_value() == !where.empty()) {
    return fail(Errc::invalid_argument,
                "kb edit takes one event (kb edit 12 …) or a filter (kb edit --where \"…\" …), "
                "not both");
  }
  if (!where.empty() && o.title) {
    return fail(Errc::invalid_argument,
                "--title names one event: kb edit --where changes the other fields of many");
  }
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  if (!where.empty()) {
    KB_ASSIGN(const auto ids, where_events(store, where, ctx));
    KB_ASSIGN(const bool go, confirm_bulk(ctx, ids.size(), "edit", yes, where));
    if (!go) {
      return ok();
    }
    KB_ASSIGN(const services::Changed edited,
              services::edit_events(store, ids, o, ctx.today,
                                    fmt::format("edit --where \"{}\"", where), op_user(ctx)));
    print_notes(edited.notes, ctx);
    ctx.out << fmt::format("edited {} event{}\n", edited.changed, edited.changed == 1 ? "" : "s");
    return ok();
  }
  KB_ASSIGN(const Id id, services::resolve_ref(store, RecordKind::event, *ref));
  KB_ASSIGN(
      const services::Changed edited,
      services::edit_events(store, {id}, o, ctx.today, fmt::format("edit #{}", id), op_user(ctx)));
  print_notes(edited.notes, ctx);
  const Event& e = edited.events.front();
  ctx.out << fmt::format("#{}  {}  {}\n", id, e.date.display(), e.title);
  return ok();
}

}  // namespace

void add_add_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<EventOptions>();
  auto* sub = app.add_subcommand("add", "Add an event by hand");
  sub->add_option("title", opts->title, "What happened, in a few words")->required();
  add_event_options(*sub, *opts);
  sub->footer(
      "Example: kb add \"Russia annexes Crimea\" --date \"18 March 2014\" --kind "
      "territorial_change --actor country:Russia --place Crimea --source https://example.org/a "
      "--quote \"Russia annexed Crimea.\"");
  on_run(sub, ctx, [opts, &ctx] { return run_add(*opts, ctx); });
}

void add_edit_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<EventOptions>();
  auto id = std::make_shared<std::optional<std::string>>();
  auto where = std::make_shared<std::string>();
  auto yes = std::make_shared<bool>(false);
  auto* sub = app.add_subcommand(
      "edit", "Change an event, or every event a filter selects: only the options given change");
  sub->add_option("id", *id, "Event: local number (see kb timeline) or permanent id");
  sub->add_option("--title", opts->title, "New title");
  sub->add_option("--expect-revision", opts->expect_revision,
                  "Only if the event is still at this revision (kb show prints it): refuse to "
                  "overwrite a change made since");
  add_event_options(*sub, *opts);
  add_bulk_options(sub, *where, *yes);
  sub->footer(
      "Example: kb edit 12 --date 2014-03-18 --kind territorial_change\n"
      "         kb edit --where \"--source example.com --status reported\" --status disputed");
  on_run(sub, ctx,
         [opts, id, where, yes, &ctx] { return run_edit(*id, *where, *yes, *opts, ctx); });
}

}  // namespace kb::cli
