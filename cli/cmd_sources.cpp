// kb sources: the imported articles, so an analyst can check what the cleaner kept
// (`kb sources ID --text` prints the cleaned text).

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <date/date.h>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "importers/readers/timestamps.hpp"

namespace kb::cli {
namespace {

struct SourcesOptions {
  std::optional<Id> id;
  bool text = false;
  std::string format = "text";
};

nlohmann::ordered_json optional_json(const std::optional<std::string>& s) {
  return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json(nullptr);
}

// The UTC instant of a publication time stored with the publisher's offset
// ("2017-02-23T17:18:13-08:00" -> "2017-02-24T01:18:13Z"); nullopt for a day or a time without
// one (stored times without an offset are UTC already).
std::optional<std::string> utc_of(const std::optional<std::string>& published) {
  if (!published) {
    return std::nullopt;
  }
  const auto t = importers::readers::parse_timestamp(*published);
  if (!t || !t->offset || *t->offset == 0) {
    return std::nullopt;
  }
  return date::format("%FT%TZ", t->time);
}

nlohmann::ordered_json source_json(const SourceSummary& s, bool with_text) {
  nlohmann::ordered_json j = {{"id", s.source.id},
                              {"url", optional_json(s.source.url)},
                              {"title", s.source.title},
                              {"publisher", optional_json(s.source.publisher)},
                              {"original_publisher", optional_json(s.source.original_publisher)},
                              {"published", optional_json(s.source.published)},
                              {"published_utc", optional_json(utc_of(s.source.published))},
                              {"retrieved", s.source.retrieved},
                              {"events", s.events}};
  if (with_text) {
    j["text"] = s.source.body;
  }
  return j;
}

void print_text(const SourceSummary& s, bool with_text, Context& ctx) {
  const auto& src = s.source;
  std::string who = src.publisher.value_or("");
  if (src.original_publisher) {
    who += fmt::format(" (reprinting {})", *src.original_publisher);
  }
  std::string when = src.published.value_or("date unknown");
  if (const auto utc = utc_of(src.published)) {
    when += fmt::format(" ({} UTC)", utc->substr(0, 16));
  }
  ctx.out << fmt::format("#{:<4} {:<19}  {}{}  [{}]\n", src.id, when,
                         src.title.empty() ? src.url.value_or("(untitled)") : src.title,
                         who.empty() ? "" : fmt::format(" — {}", who), count_of(s.events, "event"));
  if (with_text) {
    if (src.url) {
      ctx.out << "      " << *src.url << '\n';
    }
    ctx.out << '\n' << src.body << "\n\n";
  }
}

Result<void> run_sources(const SourcesOptions& o, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(o.format));
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(auto all, store.sources(o.text));
  if (o.id) {
    std::erase_if(all, [&](const SourceSummary& s) { return s.source.id != *o.id; });
    if (all.empty()) {
      return fail(Errc::not_found, fmt::format("no source with id {}", *o.id));
    }
  }
  if (format == Format::json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& s : all) {
      arr.push_back(source_json(s, o.text));
    }
    ctx.out << arr.dump(2) << '\n';
    return ok();
  }
  for (const auto& s : all) {
    print_text(s, o.text, ctx);
  }
  return ok();
}

}  // namespace

void add_sources_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SourcesOptions>();
  auto* sub =
      app.add_subcommand("sources", "List imported articles; ID --text shows what was kept");
  sub->add_option("id", o->id, "Only this source");
  sub->add_flag("--text", o->text, "Include the cleaned text kb kept");
  sub->add_option("--format,-f", o->format, "text or json");
  sub->footer("Example: kb sources 1 --text");
  on_run(sub, ctx, [o, &ctx] { return run_sources(*o, ctx); });
}

}  // namespace kb::cli
