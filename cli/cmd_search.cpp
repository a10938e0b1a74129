// kb search: full-text search over events and sources, best first, with snippets.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "render/search.hpp"

namespace kb::cli {
namespace {

struct SearchOptions {
  std::string query;
  std::size_t limit = 20;
  bool raw = false;
  bool exact_count = false;
  bool all = false;
  std::string format = "text";
};

// An estimated count to two significant digits, with thousands separated: 427000 -> "430,000".
std::string about(std::int64_t n) {
  std::int64_t unit = 1;
  while (n / unit >= 100) {
    unit *= 10;
  }
  const std::int64_t rounded = (n + unit / 2) / unit * unit;
  std::string digits = std::to_string(rounded);
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return digits;
}

// "ranked among the events dated 2024-07 to 2024-12 (the newest 6 months that have any) and
// all matching sources"
std::string ranked_among(const Repository::SearchScope& scope) {
  auto part = [](const std::optional<Repository::SearchWindow>& w, std::string_view noun) {
    if (!w) {
      return fmt::format("all matching {}", noun);
    }
    return fmt::format("the {} dated {} to {} (the newest {} months that have any)", noun,
                       w->first_month, w->last_month, w->months);
  };
  return fmt::format("ranked among {} and {}", part(scope.events, "events"),
                     part(scope.sources, "sources"));
}

Result<void> run_search(const SearchOptions& o, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(o.format));
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(auto hits, store.search(o.query, o.limit, o.raw, o.all));
  // Say so when the hits shown are not all that match (issue #12: search stopped at 20 hits
  // without a word).
  if (hits.size() >= o.limit) {
    KB_ASSIGN(const auto all, store.search_count(o.query, o.raw, o.exact_count));
    const auto total = static_cast<std::size_t>(all.events + all.sources);
    if (total > hits.size()) {
      if (all.events_estimated || all.sources_estimated) {
        // PostgreSQL estimated a large count rather than read every match (docs/storage.md).
        auto part = [](std::int64_t n, bool estimated, std::string_view noun) {
          return estimated ? fmt::format("about {} {}s", about(n), noun) : count_of(n, noun);
        };
        ctx.err << fmt::format(
            "kb: showing {} of about {} matches ({}, {}; estimated, --exact-count counts them); "
            "--limit N shows more\n",
            hits.size(), about(all.events + all.sources),
            part(all.events, all.events_estimated, "event"),
            part(all.sources, all.sources_estimated, "source"));
      } else {
        ctx.err << fmt::format("kb: showing {} of {} matches ({}, {}); --limit N shows more\n",
                               hits.size(), total, count_of(all.events, "event"),
                               count_of(all.sources, "source"));
      }
    }
  }
  // Say so when the best hits are those of the newest months only (docs/storage.md).
  const Repository::SearchScope scope = store.last_search_scope();
  if (scope.events || scope.sources) {
    ctx.err << "kb: " << ranked_among(scope) << "; --all ranks every match\n";
  }
  if (format == Format::json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& h : hits) {
      if (h.what == SearchHit::What::event) {
        KB_ASSIGN(const Event e, store.event(h.id));
        arr.push_back(render::event_hit_json(h, e));
      } else {
        KB_ASSIGN(const Source src, store.source(h.id));
        arr.push_back(render::source_hit_json(h, src));
      }
    }
    ctx.out << arr.dump(2) << '\n';
    return ok();
  }
  const bool color = use_color(ctx);
  for (const auto& h : hits) {
    const bool event = h.what == SearchHit::What::event;
    const std::string when = event ? h.date->display() : h.published.value_or("").substr(0, 10);
    ctx.out << paint(color, "1", fmt::format("{} #{}", event ? "event " : "source", h.id))
            << fmt::format("  {}  {}\n", when, h.title);
    ctx.out << "    " << h.snippet << '\n';
  }
  if (hits.empty()) {
    ctx.err << fmt::format("kb: nothing matches '{}'\n", o.query);
  }
  return ok();
}

}  // namespace

void add_search_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SearchOptions>();
  auto* sub = app.add_subcommand("search", "Full-text search over events and sources");
  sub->add_option("query", o->query, "Words to find (all of them; at most 64)")->required();
  sub->add_option("--limit,-n", o->limit, "At most N hits");
  sub->add_flag("--raw", o->raw, "Pass FTS5 query syntax through (AND, OR, NEAR, \"phrases\", *)");
  sub->add_option("--format,-f", o->format, "text or json");
  sub->add_flag("--exact-count", o->exact_count,
                "Count every match when more are found than shown (PostgreSQL may otherwise "
                "estimate a large count)");
  sub->add_flag("--all", o->all,
                "Rank every match (PostgreSQL may otherwise rank only the matches of the newest "
                "months when very many match, and says so)");
  sub->footer("Example: kb search \"security guarantees\" --limit 5");
  on_run(sub, ctx, [o, &ctx] { return run_search(*o, ctx); });
}

}  // namespace kb::cli
