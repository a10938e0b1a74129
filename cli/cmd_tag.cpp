// kb tag: add tags to an event.

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace kb::cli {

void add_tag_command(CLI::App& app, Context& ctx) {
  auto id = std::make_shared<Id>(0);
  auto tags = std::make_shared<std::vector<std::string>>();
  auto* sub = app.add_subcommand("tag", "Add tags to an event");
  sub->add_option("id", *id, "Event id")->required();
  sub->add_option("tags", *tags, "Tags")->required();
  sub->footer("Example: kb tag 12 crimea annexation");
  on_run(sub, ctx, [id, tags, &ctx]() -> Result<void> {
    KB_ASSIGN(Store store, open_store(ctx, true));
    KB_ASSIGN(Transaction tx, store.transaction());
    KB_TRY(store.add_tags(*id, *tags));
    KB_ASSIGN(Event e, store.event(*id));
    KB_TRY(tx.commit());
    ctx.out << fmt::format("#{}  {}  tags: {}\n", e.id, e.title, fmt::join(e.tags, ", "));
    return ok();
  });
}

}  // namespace kb::cli
