// kb tag / kb untag: add or remove tags on events, named by number or chosen by --where.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/bulk.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "services/curation.hpp"
#include "services/identity.hpp"

namespace kb::cli {
namespace {

struct TagOptions {
  std::vector<std::string> words;  // event numbers then tags; with --where, tags only
  std::string where;
  bool yes = false;
};

// Adds (`add`) or removes the tags on the events the options name, in one transaction.
Result<void> run_tags(const TagOptions& o, bool add, Context& ctx) {
  const std::string_view verb = add ? "tag" : "untag";
  std::vector<std::string> refs;
  std::size_t first_tag = 0;
  if (o.where.empty()) {
    // "kb tag 1103 1192 bakhmut" tags two events (error class: it made a tag named "1192"); the
    // first word is always an event (it may be a permanent id).
    if (!o.words.empty()) {
      refs.push_back(o.words.front());
      first_tag = 1;
    }
    while (first_tag < o.words.size() && all_digits(o.words[first_tag])) {
      refs.push_back(o.words[first_tag++]);
    }
  }
  std::vector<std::string> tags(o.words.begin() + static_cast<std::ptrdiff_t>(first_tag),
                                o.words.end());
  if (tags.empty()) {
    return fail(Errc::invalid_argument,
                fmt::format("no tag given: event numbers come first, then at least one tag that "
                            "is not a number (kb {} 12 crimea, kb {} --where \"…\" crimea)",
                            verb, verb));
  }
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  std::vector<Id> ids;
  if (!o.where.empty()) {
    KB_ASSIGN(ids, where_events(store, o.where, ctx));
    KB_ASSIGN(const bool go, confirm_bulk(ctx, ids.size(),
                                          fmt::format("{} {} {}", verb, add ? "with" : "removing",
                                                      fmt::join(tags, ", ")),
                                          o.yes, o.where));
    if (!go) {
      return ok();
    }
  }
  for (const std::string& ref : refs) {
    KB_ASSIGN(const Id event_id, services::resolve_ref(store, RecordKind::event, ref));
    if (std::find(ids.begin(), ids.end(), event_id) == ids.end()) {
      ids.push_back(event_id);
    }
  }
  std::vector<std::string> numbered;
  numbered.reserve(ids.size());
  for (const Id event_id : ids) {
    numbered.push_back(fmt::format("#{}", event_id));
  }
  const std::string target = o.where.empty() ? fmt::format("{}", fmt::join(numbered, " "))
                                             : fmt::format("--where \"{}\"", o.where);
  KB_ASSIGN(const services::Tagged done,
            services::tag_events(store, ids, tags, add,
                                 fmt::format("{} {} {}", verb, target, fmt::join(tags, " ")),
                                 op_user(ctx)));
  const std::size_t changed = done.changed;
  for (const Event& e : done.events) {
    ctx.out << fmt::format("#{}  {}  tags: {}\n", e.id, e.title, fmt::join(e.tags, ", "));
  }
  if (done.events.size() != ids.size() || !add) {
    ctx.out << fmt::format("{} {} event{}\n", add ? "tagged" : "untagged", changed,
                           changed == 1 ? "" : "s");
  }
  return ok();
}

void add_tags_command(CLI::App& app, Context& ctx, bool add) {
  auto o = std::make_shared<TagOptions>();
  auto* sub = app.add_subcommand(add ? "tag" : "untag",
                                 add ? "Add tags to events" : "Remove tags from events");
  sub->add_option("words", o->words,
                  "Event numbers (or a permanent id first), then the tags: the first word that "
                  "is not a number begins the tags; with --where, only tags")
      ->required();
  add_bulk_options(sub, o->where, o->yes);
  sub->footer(add ? "Example: kb tag 12 crimea annexation\n"
                    "         kb tag 1103 1192 bakhmut\n"
                    "         kb tag --where \"--place Bakhmut --from 2023-05\" bakhmut --yes"
                  : "Example: kb untag 12 annexation\n"
                    "         kb untag --where \"--tag draft --curated\" draft");
  on_run(sub, ctx, [o, add, &ctx] { return run_tags(*o, add, ctx); });
}

}  // namespace

void add_tag_command(CLI::App& app, Context& ctx) { add_tags_command(app, ctx, true); }

void add_untag_command(CLI::App& app, Context& ctx) { add_tags_command(app, ctx, false); }

}  // namespace kb::cli
