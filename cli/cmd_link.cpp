// kb link: a typed relation between two events, optionally with the sentence that states it.

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "services/curation.hpp"

namespace kb::cli {
namespace {

struct LinkOptions {
  std::string from;
  std::string relation;
  std::string to;
  std::optional<std::string> quote;
  std::optional<std::string> source;
};

Result<void> run_link(const LinkOptions& o, Context& ctx) {
  services::LinkRequest link;
  KB_ASSIGN(link.relation, parse_relation(o.relation));
  if (o.quote && !o.source) {
    return fail(Errc::invalid_argument, "--quote needs --source URL");  // before opening the KB
  }
  link.from = o.from;
  link.to = o.to;
  link.quote = o.quote;
  link.source = o.source;
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  KB_ASSIGN(const services::Linked l, services::link_events(store, link, op_user(ctx)));
  ctx.out << fmt::format("#{} {} {} #{} {}\n", l.from.id, l.from.title, to_string(link.relation),
                         l.to.id, l.to.title);
  if (link.relation == Relation::same_as) {
    ctx.out << fmt::format("merged #{} into #{}; `kb unlink {} same-as {}` undoes it\n", l.to.id,
                           l.from.id, l.from.id, l.to.id);
  }
  return ok();
}

}  // namespace

void add_link_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LinkOptions>();
  auto* sub = app.add_subcommand("link", "Relate two events: ID RELATION ID");
  sub->add_option("from", o->from, "Event: local number or permanent id")->required();
  sub->add_option("relation", o->relation, listed(link_relations()))->required();
  sub->add_option("to", o->to, "Event: local number or permanent id")->required();
  sub->add_option("--quote", o->quote, "The sentence that states the relation");
  sub->add_option("--source", o->source, "URL of the source of --quote");
  sub->footer(
      "Example: kb link 2 violates 1 --source https://example.org/a --quote \"Moscow "
      "violated that agreement when it annexed Crimea.\"");
  on_run(sub, ctx, [o, &ctx] { return run_link(*o, ctx); });
}

void add_unlink_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LinkOptions>();
  auto* sub = app.add_subcommand("unlink",
                                 "Remove a relation between two events (undoes a "
                                 "same-as merge)");
  sub->add_option("from", o->from, "Event: local number or permanent id")->required();
  sub->add_option("relation", o->relation, "The relation to remove")->required();
  sub->add_option("to", o->to, "Event: local number or permanent id")->required();
  sub->footer("Example: kb unlink 7 same-as 9");
  on_run(sub, ctx, [o, &ctx]() -> Result<void> {
    KB_ASSIGN(const auto owned, open_store(ctx, true));
    Repository& store = *owned;
    KB_ASSIGN(const auto ids,
              services::unlink_events(store, o->from, o->relation, o->to, op_user(ctx)));
    ctx.out << fmt::format("removed: #{} {} #{}\n", ids.first, o->relation, ids.second);
    return ok();
  });
}

}  // namespace kb::cli
