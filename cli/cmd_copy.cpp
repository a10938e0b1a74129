// kb copy SRC DST: the whole knowledge base from one store into an empty one, between any two
// engines (a SQLite file, a PostgreSQL URI), exactly: `kb export` of the copy is byte-identical.

#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "services/dump.hpp"
#include "storage/open.hpp"

namespace kb::cli {
namespace {

struct CopyOptions {
  std::string from;
  std::string to;
};

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
  KB_ASSIGN(const KbDump dump, services::dump_store(**source, std::nullopt));
  KB_ASSIGN(const auto target, storage::open(o.to, storage::OpenMode::create));
  KB_ASSIGN(Transaction tx, target->transaction());
  KB_ASSIGN(const bool empty, services::store_is_empty(*target));
  if (!empty) {
    return fail(Errc::conflict,
                fmt::format("'{}' is not empty: kb copy writes only into an empty knowledge base "
                            "(kb import merges a kb JSON export into one that is not)",
                            storage::shown(o.to)));
  }
  KB_TRY(services::restore_store(*target, dump));
  KB_TRY(tx.commit());
  ctx.out << fmt::format(
      "copied {}, {}, {} and {} from {} to {}\n", count_of(dump.events.size(), "event"),
      count_of(dump.entities.size(), "entity", "entities"), count_of(dump.sources.size(), "source"),
      count_of(dump.links.size(), "link"), storage::shown(o.from), storage::shown(o.to));
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
  sub->footer(
      "Copies every event, entity, source and link with its numbers, permanent ids, times and "
      "curated marks, in one transaction; the operation log and the import runs stay behind.\n"
      "Example: kb copy ~/.local/share/kb/kb.db postgresql://alice@kb.example.org/teamkb");
  on_run(sub, ctx, [o, &ctx] { return run_copy(*o, ctx); });
}

}  // namespace kb::cli
