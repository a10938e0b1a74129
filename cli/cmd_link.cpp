// kb link: a typed relation between two events, optionally with the sentence that states it.

#include <algorithm>
#include <array>
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

struct LinkOptions {
  std::string from;
  std::string relation;
  std::string to;
  std::optional<std::string> quote;
  std::optional<std::string> source;
};

// Relations that hold one way only: "A caused B" excludes "B caused A".
constexpr std::array<std::string_view, 5> kOneWay = {"violates", "responds-to", "part-of", "caused",
                                                     "precedes"};

// Whether `a RELATION b` can hold beside what the knowledge base already says: a one-way
// relation is refused when its reverse is stated, and `precedes` when `a` starts after `b` ends
// (issue #12: both directions of "caused" were accepted).
Result<void> check_relation(Repository& store, const Event& a, std::string_view relation,
                            const Event& b) {
  if (std::find(kOneWay.begin(), kOneWay.end(), relation) == kOneWay.end()) {
    return ok();
  }
  KB_ASSIGN(const auto links, store.links_of(a.id));
  for (const DumpLink& l : links) {
    if (l.from == b.id && l.to == a.id && l.relation == relation) {
      return fail(Errc::conflict,
                  fmt::format("event {} already {} event {}: the reverse cannot hold too "
                              "(kb unlink {} {} {} first)",
                              b.id, relation, a.id, b.id, relation, a.id));
    }
  }
  if (relation == "precedes" && a.date.first() > b.date.last()) {
    return fail(Errc::invalid_argument,
                fmt::format("event {} ({}) cannot precede event {} ({}): it starts after that ends",
                            a.id, a.date.display(), b.id, b.date.display()));
  }
  return ok();
}

Result<void> run_link(const LinkOptions& o, Context& ctx) {
  KB_ASSIGN(std::string relation, parse_relation(o.relation));
  if (o.quote && !o.source) {
    return fail(Errc::invalid_argument, "--quote needs --source URL");
  }
  KB_ASSIGN(Store store, open_store(ctx, true));
  KB_ASSIGN(Transaction tx, store.transaction());
  // Both events must exist before a citation is attached to `from`: otherwise an unknown id
  // surfaces as a foreign-key failure instead of "no event with id N".
  KB_ASSIGN(const Id from, services::resolve_ref(store, RecordKind::event, o.from));
  KB_ASSIGN(const Id to, services::resolve_ref(store, RecordKind::event, o.to));
  KB_ASSIGN(Event a, store.event(from));
  KB_ASSIGN(Event b, store.event(to));
  KB_TRY(check_relation(store, a, relation, b));
  services::OpRecorder op(op_user(ctx), fmt::format("link #{} {} #{}", from, relation, to));
  KB_TRY(op.watch(store, from));
  KB_TRY(op.watch(store, to));
  KB_TRY(op.watch_merged(store, to));  // a same-as merge moves them on to `from`
  KB_TRY(op.mark_new_records(store));  // --source may be new
  std::optional<Id> citation;
  if (o.source) {
    KB_ASSIGN(Id source_id, store.source_for_url(*o.source));
    Citation c;
    c.source_id = source_id;
    c.quote = o.quote.value_or("");
    KB_ASSIGN(citation, store.add_citation(from, c));
  }
  KB_ASSIGN(Id link, store.add_link(from, relation, to, citation));
  (void)link;
  KB_TRY(store.mark_curated(from));
  KB_TRY(store.mark_curated(to));
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  ctx.out << fmt::format("#{} {} {} #{} {}\n", a.id, a.title, relation, b.id, b.title);
  if (relation == "same-as") {
    ctx.out << fmt::format("merged #{} into #{}; `kb unlink {} same-as {}` undoes it\n", b.id, a.id,
                           a.id, b.id);
  }
  return ok();
}

}  // namespace

void add_link_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LinkOptions>();
  auto* sub = app.add_subcommand("link", "Relate two events: ID RELATION ID");
  sub->add_option("from", o->from, "Event: local number or permanent id")->required();
  sub->add_option("relation", o->relation,
                  "violates, responds-to, part-of, caused, precedes, same-as, related")
      ->required();
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
    KB_ASSIGN(Store store, open_store(ctx, true));
    KB_ASSIGN(Transaction tx, store.transaction());
    KB_ASSIGN(const Id from, services::resolve_ref(store, RecordKind::event, o->from));
    KB_ASSIGN(const Id to, services::resolve_ref(store, RecordKind::event, o->to));
    services::OpRecorder op(op_user(ctx), fmt::format("unlink #{} {} #{}", from, o->relation, to));
    KB_TRY(op.watch(store, from));
    KB_TRY(op.watch(store, to));
    KB_TRY(store.remove_link(from, o->relation, to));
    KB_TRY(store.mark_curated(from));
    KB_TRY(store.mark_curated(to));
    KB_TRY(op.finish(store));
    KB_TRY(tx.commit());
    ctx.out << fmt::format("removed: #{} {} #{}\n", from, o->relation, to);
    return ok();
  });
}

}  // namespace kb::cli
