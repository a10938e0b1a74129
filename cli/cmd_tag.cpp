// kb tag: add tags to one or more events.

#include <algorithm>
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
  auto rest = std::make_shared<std::vector<std::string>>();
  auto* sub = app.add_subcommand("tag", "Add tags to events");
  sub->add_option("id", *id, "Event: local number or permanent id")->required();
  sub->add_option("more", *rest,
                  "More event numbers, then the tags (the first word that is not a number "
                  "begins the tags)")
      ->required();
  sub->footer("Example: kb tag 12 crimea annexation\n         kb tag 1103 1192 bakhmut");
  on_run(sub, ctx, [id, rest, &ctx]() -> Result<void> {
    // "kb tag 1103 1192 bakhmut" tags two events (error class: it made a tag named "1192").
    std::vector<std::string> refs = {*id};
    std::size_t first_tag = 0;
    while (first_tag < rest->size() && all_digits((*rest)[first_tag])) {
      refs.push_back((*rest)[first_tag++]);
    }
    const std::vector<std::string> tags(rest->begin() + static_cast<std::ptrdiff_t>(first_tag),
                                        rest->end());
    if (tags.empty()) {
      return fail(Errc::invalid_argument,
                  "no tag given: event numbers come first, then at least one tag that is not a "
                  "number (kb tag 12 crimea)");
    }
    KB_ASSIGN(Store store, open_store(ctx, true));
    KB_ASSIGN(Transaction tx, store.transaction());
    std::vector<Id> ids;
    for (const std::string& ref : refs) {
      KB_ASSIGN(const Id event_id, services::resolve_ref(store, RecordKind::event, ref));
      if (std::find(ids.begin(), ids.end(), event_id) == ids.end()) {
        ids.push_back(event_id);
      }
    }
    std::vector<std::string> numbered;
    for (const Id event_id : ids) {
      numbered.push_back(fmt::format("#{}", event_id));
    }
    services::OpRecorder op(
        op_user(ctx), fmt::format("tag {} {}", fmt::join(numbered, " "), fmt::join(tags, " ")));
    for (const Id event_id : ids) {
      KB_TRY(op.watch(store, event_id));
      KB_TRY(store.add_tags(event_id, tags));
      KB_TRY(store.mark_curated(event_id));
    }
    KB_TRY(op.finish(store));
    std::vector<Event> tagged;
    for (const Id event_id : ids) {
      KB_ASSIGN(Event e, store.event(event_id));
      tagged.push_back(std::move(e));
    }
    KB_TRY(tx.commit());
    for (const Event& e : tagged) {
      ctx.out << fmt::format("#{}  {}  tags: {}\n", e.id, e.title, fmt::join(e.tags, ", "));
    }
    return ok();
  });
}

}  // namespace kb::cli
