// kb tag: add tags to an event.

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "services/identity.hpp"
#include "services/oplog.hpp"

namespace kb::cli {

void add_tag_command(CLI::App& app, Context& ctx) {
  auto id = std::make_shared<std::string>();
  auto tags = std::make_shared<std::vector<std::string>>();
  auto* sub = app.add_subcommand("tag", "Add tags to an event");
  sub->add_option("id", *id, "Event: local number or permanent id")->required();
  sub->add_option("tags", *tags, "Tags")->required();
  sub->footer("Example: kb tag 12 crimea annexation");
  on_run(sub, ctx, [id, tags, &ctx]() -> Result<void> {
    KB_ASSIGN(Store store, open_store(ctx, true));
    KB_ASSIGN(Transaction tx, store.transaction());
    KB_ASSIGN(const Id event_id, services::resolve_ref(store, RecordKind::event, *id));
    services::OpRecorder op(op_user(ctx),
                            fmt::format("tag #{} {}", event_id, fmt::join(*tags, " ")));
    KB_TRY(op.watch(store, event_id));
    KB_TRY(store.add_tags(event_id, *tags));
    KB_TRY(store.mark_curated(event_id));
    KB_TRY(op.finish(store));
    KB_ASSIGN(Event e, store.event(event_id));
    KB_TRY(tx.commit());
    ctx.out << fmt::format("#{}  {}  tags: {}\n", e.id, e.title, fmt::join(e.tags, ", "));
    return ok();
  });
}

}  // namespace kb::cli
