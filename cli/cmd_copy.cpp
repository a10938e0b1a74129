// kb copy SRC DST: the whole knowledge base from one store into an empty one, between any two
// engines (a SQLite file, a PostgreSQL URI), exactly: `kb export` of the copy is byte-identical.
// A slice of records at a time, each slice one transaction: an interrupted copy goes on where
// it stopped when the same command runs again (services/copy.hpp).

#include <charconv>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "services/copy.hpp"
#include "storage/open.hpp"

namespace kb::cli {
namespace {

struct CopyOptions {
  std::string from;
  std::string to;
  std::size_t slice = 2000;
};

// KB_COPY_STOP_AFTER=N (tests only): stop after N slices, as an interrupted copy would.
Result<std::optional<std::size_t>> stop_after(const Context& ctx) {
  const auto text = ctx.env("KB_COPY_STOP_AFTER");
  if (!text || text->empty()) {
    return std::optional<std::size_t>();
  }
  std::size_t n = 0;
  const char* end = text->data() + text->size();
  if (std::from_chars(text->data(), end, n).ptr != end || n == 0) {
    return fail(Errc::invalid_argument,
                fmt::format("KB_COPY_STOP_AFTER: expected a positive number, not '{}'", *text));
  }
  return std::optional<std::size_t>(n);
}

Result<void> run_copy(const CopyOptions& o, Context& ctx) {
  if (o.from == o.to) {
    return fail(Errc::invalid_argument, "kb copy needs two different knowledge bases");
  }
  auto source = storage::open(o.from, storage::OpenMode::read_write);
  if (!source) {
    if (source.error().code == Errc::not_found) {
      return fail(Errc::not_found, fmt::format("no knowledge base at '{}'", o.from));
    }
    return source.error();
  }
  KB_ASSIGN(const auto target, storage::open(o.to, storage::OpenMode::create));
  services::CopySettings settings;
  settings.source_name = storage::shown(o.from);
  settings.target_name = storage::shown(o.to);
  settings.slice = o.slice;
  KB_ASSIGN(settings.stop_after, stop_after(ctx));
  KB_ASSIGN(const auto counts, services::copy_store(**source, *target, settings));
  ctx.out << fmt::format(
      "copied {}, {}, {} and {} from {} to {}{}\n", count_of(counts.events, "event"),
      count_of(counts.entities, "entity", "entities"), count_of(counts.sources, "source"),
      count_of(counts.links, "link"), settings.source_name, settings.target_name,
      counts.resumed ? " (the rest of an interrupted copy)" : "");
  return ok();
}

}  // namespace

void add_copy_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<CopyOptions>();
  auto* sub = app.add_subcommand(
      "copy", "Copy a whole knowledge base into an empty one (SQLite file or PostgreSQL URI)");
  sub->add_option("from", o->from, "The knowledge base copied: a path or a postgresql:// URI")
      ->required();
  sub->add_option("to", o->to, "An empty (or new) knowledge base: a path or a postgresql:// URI")
      ->required();
  sub->add_option("--slice", o->slice, "Records copied per transaction (default 2000)")
      ->check(CLI::PositiveNumber);
  sub->footer(
      "Copies every event, entity, source and link with its numbers, permanent ids, times, "
      "revisions and curated marks; the operation log and the import runs stay behind. It "
      "writes a slice of records per transaction and notes in the target how far it got: when "
      "a copy is interrupted, run the same command again and it goes on from there (a target "
      "holding an unfinished copy of another knowledge base is refused).\n"
      "Example: kb copy ~/.local/share/kb/kb.db postgresql://alice@kb.example.org/teamkb");
  on_run(sub, ctx, [o, &ctx] { return run_copy(*o, ctx); });
}

}  // namespace kb::cli
