// kb show: one event with its date (as stated and as an interval), entities and roles,
// citations, links both ways, and nearby events that share an actor or place.

#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "render/text.hpp"
#include "render/timeline.hpp"
#include "services/extraction.hpp"
#include "services/identity.hpp"

namespace kb::cli {
namespace {

constexpr int kRelatedWindowDays = 365;
constexpr std::size_t kRelatedLimit = 10;

std::string interval_text(const FuzzyDate& d) {
  const auto first = render::day_json(d.first());
  const auto last = render::day_json(d.last());
  return fmt::format("{} .. {}", first.is_null() ? "(open)" : first.get<std::string>(),
                     last.is_null() ? "(open)" : last.get<std::string>());
}

void print_event(const Event& e, Context& ctx) {
  const bool color = use_color(ctx);
  auto& out = ctx.out;
  out << paint(color, "1", fmt::format("#{}  {}", e.id, e.title)) << '\n';
  out << fmt::format("  date:       {}", e.date.display());
  if (!e.date_text.empty() && e.date_text != e.date.display()) {
    out << fmt::format("  (stated as \"{}\")", e.date_text);
  }
  out << '\n';
  out << fmt::format("  interval:   {}  [{}, TIMEX3 {}{}]\n", interval_text(e.date),
                     to_string(e.date.precision()), e.date.timex(),
                     e.date.timex_mod().empty() ? "" : fmt::format(" {}", e.date.timex_mod()));
  const std::string claim = render::claim_note(e);
  out << fmt::format("  kind:       {}   status: {}{}{}{}   confidence: {:.2f}   origin: {}\n",
                     to_string(e.kind), to_string(e.status), claim.empty() ? "" : " (", claim,
                     claim.empty() ? "" : ")", e.confidence, to_string(e.origin));
  out << fmt::format("  revision:   {}\n", e.revision);
  if (e.merged_into) {
    out << fmt::format("  merged:     into #{} (same-as; `kb unlink {} same-as {}` undoes it)\n",
                       *e.merged_into, *e.merged_into, e.id);
  }
  if (!e.summary.empty()) {
    out << "  summary:    " << e.summary << '\n';
  }
  if (!e.tags.empty()) {
    out << fmt::format("  tags:       {}\n", fmt::join(e.tags, ", "));
  }
  if (!e.participants.empty()) {
    out << "  entities:\n";
    for (const auto& p : e.participants) {
      out << fmt::format("    {:<10} {} ({}, #{})\n", to_string(p.role), p.name, to_string(p.kind),
                         p.entity_id);
    }
  }
  if (!e.citations.empty()) {
    out << "  sources:\n";
    for (const auto& c : e.citations) {
      std::string who = c.publisher.value_or("");
      if (c.original_publisher) {
        who += fmt::format(" (reprinting {})", *c.original_publisher);
      }
      out << fmt::format("    [{}] {}{}{}\n", c.source_id,
                         c.source_title.empty() ? c.url.value_or("") : c.source_title,
                         who.empty() ? "" : fmt::format(" — {}", who),
                         c.published ? fmt::format(", {}", c.published->substr(0, 10)) : "");
      if (c.url && !c.source_title.empty()) {
        out << "        " << *c.url << '\n';
      }
      if (!c.quote.empty()) {
        out << fmt::format("        “{}”\n", c.quote);
      }
    }
  }
  if (!e.links.empty()) {
    out << "  links:\n";
    for (const auto& l : e.links) {
      // Read from this event: "violates #1 …" or, for an incoming link, "violated-by #2 …".
      out << fmt::format("    {} #{} {} ({})\n",
                         l.outgoing ? to_string(l.relation) : inverse_relation(l.relation),
                         l.other_id, l.other_title, l.other_date.display());
    }
  }
}

Result<void> run_show(const std::string& ref, const std::string& format_name, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(format_name));
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(const Id id, services::resolve_ref(store, RecordKind::event, ref));
  KB_ASSIGN(Event e, store.event(id));
  KB_ASSIGN(auto related, store.related_events(id, kRelatedWindowDays, kRelatedLimit));
  KB_ASSIGN(const auto history, services::date_history(store, id));
  if (format == Format::json) {
    auto j = render::event_json(e);
    auto changes = nlohmann::ordered_json::array();
    for (const auto& h : history) {
      changes.push_back({{"change", h.change},
                         {"from", h.old_date.timex()},
                         {"to", h.new_date.timex()},
                         {"text", h.new_text},
                         {"source_id", h.source_id ? nlohmann::ordered_json(*h.source_id)
                                                   : nlohmann::ordered_json(nullptr)},
                         {"recorded_at", h.recorded_at}});
    }
    j["revision"] = e.revision;
    j["date_history"] = std::move(changes);
    auto arr = nlohmann::ordered_json::array();
    for (const auto& r : related) {
      arr.push_back(
          {{"id", r.id}, {"title", r.title}, {"date", r.date.display()}, {"shared", r.shared}});
    }
    j["related"] = std::move(arr);
    ctx.out << j.dump(2) << '\n';
    return ok();
  }
  print_event(e, ctx);
  if (!history.empty()) {
    ctx.out << "  date history:\n";
    for (const auto& h : history) {
      const std::string from = h.source_id ? fmt::format(" (source [{}])", *h.source_id) : "";
      ctx.out << (h.change == "refined"
                      ? fmt::format("    refined {} -> {}{}\n", h.old_date.display(),
                                    h.new_date.display(), from)
                      : fmt::format("    disputed: kept {}, also reported as {}{}\n",
                                    h.old_date.display(), h.new_date.display(), from));
    }
  }
  if (!related.empty()) {
    ctx.out << "  nearby events with a shared actor or place (within a year):\n";
    for (const auto& r : related) {
      ctx.out << fmt::format("    #{} {}  {}  (shares {})\n", r.id, r.date.display(), r.title,
                             r.shared);
    }
  }
  return ok();
}

}  // namespace

void add_show_command(CLI::App& app, Context& ctx) {
  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto* sub = app.add_subcommand("show", "Show one event with its sources and links");
  sub->add_option("id", *id, "Event: local number or permanent id (or its first 8+ characters)")
      ->required();
  sub->add_option("--format,-f", *format, "text or json");
  sub->footer("Example: kb show 3");
  on_run(sub, ctx, [id, format, &ctx] { return run_show(*id, *format, ctx); });
}

}  // namespace kb::cli
