// kb xref: what connects an entity (its events, companions, sources, aliases) or an event (its
// links both ways, nearby events, candidate duplicates, citations), optionally as of a date.

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "render/timeline.hpp"
#include "render/xref.hpp"
#include "services/identity.hpp"

namespace kb::cli {
namespace {

struct XrefOptions {
  std::string target;
  std::optional<std::string> from, to, as_of;
  int window = 365;
  std::size_t companions = 10;
  std::string format = "text";
};

// An event id: digits, optionally after '#'.
std::optional<Id> event_id(std::string_view s) {
  if (!s.empty() && s.front() == '#') {
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  return static_cast<Id>(std::stoll(std::string(s)));
}

Result<services::XrefWindow> window_of(const XrefOptions& o, const Context& ctx) {
  services::XrefWindow w;
  if (o.from) {
    KB_ASSIGN(w.from, parse_date_option(*o.from, ctx));
  }
  if (o.to) {
    KB_ASSIGN(w.to, parse_date_option(*o.to, ctx));
  }
  if (o.as_of) {
    KB_ASSIGN(FuzzyDate d, parse_date_option(*o.as_of, ctx));
    w.as_of = d.last();
  }
  return w;
}

Result<void> run_xref(const XrefOptions& o, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(o.format));
  if (format == Format::csv) {
    return fail(Errc::invalid_argument, "kb xref writes text, md or json");
  }
  KB_ASSIGN(services::XrefWindow w, window_of(o, ctx));
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  std::optional<Id> id = event_id(o.target);
  if (!id && uuid_prefix(o.target)) {
    KB_ASSIGN(id, services::resolve_ref(store, RecordKind::event, o.target));
  }
  if (id) {
    KB_ASSIGN(services::EventXref x, services::event_xref(store, *id, w, o.window));
    ctx.out << render::render_event_xref(x, format, o.window);
    return ok();
  }
  KB_ASSIGN(auto found, store.lookup_entities(o.target));
  if (found.empty()) {
    return fail(Errc::not_found,
                fmt::format("no entity named '{}' (for an event, give its id)", o.target));
  }
  for (std::size_t i = 1; i < found.size(); ++i) {
    ctx.err << fmt::format("kb: note: '{}' also names {} #{} ({})\n", o.target,
                           to_string(found[i].kind), found[i].id, found[i].name);
  }
  KB_ASSIGN(services::EntityXref x,
            services::entity_xref(store, found.front().id, w, o.companions));
  ctx.out << render::render_entity_xref(x, format);
  return ok();
}

}  // namespace

void add_xref_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<XrefOptions>();
  auto* sub = app.add_subcommand("xref", "What connects an entity or an event");
  sub->add_option("target", o->target,
                  "An entity name or alias, or an event (local number or permanent id)")
      ->required();
  sub->add_option("--from", o->from, "Only events that end on or after this date");
  sub->add_option("--to", o->to, "Only events that start on or before this date");
  sub->add_option("--as-of", o->as_of,
                  "Only what was known on that date (sources published and hand entries made "
                  "by then)");
  sub->add_option("--window", o->window, "Days around an event to look for related events");
  sub->add_option("--companions", o->companions, "How many companions of an entity to list");
  sub->add_option("--format,-f", o->format, "text, md or json");
  sub->footer("Example: kb xref Russia --from 2014\n         kb xref 2 --as-of 2023-05-23");
  on_run(sub, ctx, [o, &ctx] { return run_xref(*o, ctx); });
}

}  // namespace kb::cli
