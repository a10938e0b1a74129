// Helpers shared by the commands: opening the database, reading dates, reporting errors,
// terminal width and colour.
#pragma once

#include <concepts>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cli/context.hpp"
#include "kb/fuzzy_date.hpp"
#include "kb/model.hpp"
#include "kb/repository.hpp"
#include "kb/result.hpp"
#include "render/text.hpp"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's own namespace
class App;
}

namespace kb::cli {

// Text layout helpers shared with render/.
using render::display_width;
using render::Format;
using render::pad;
using render::paint;

// Every event kind / relation as the help texts list them: "agreement, attack, ...".
std::string listed(std::span<const EventKind> kinds);
std::string listed(std::span<const Relation> relations);

// Parses "text", "md"/"markdown", "json", "csv". Error (invalid_argument) otherwise.
Result<Format> parse_format(std::string_view s);

// The knowledge base: --db, else $KB_DB, else $XDG_DATA_HOME/kb/kb.db, else
// ~/.local/share/kb/kb.db. A postgresql:// or postgres:// URI names a PostgreSQL database,
// anything else a SQLite file.
std::string db_path(const Context& ctx);

// Opens the knowledge base db_path() names (storage::open chooses the engine), migrating an
// older schema. Writers create a SQLite file on first use (and the folder of the default path,
// never one named by --db or KB_DB: Error (not_found) then); readers get Error (not_found)
// saying how to create one. A PostgreSQL database must exist; kb creates its schema.
Result<std::unique_ptr<Repository>> open_store(const Context& ctx, bool write);

// A date typed at the command line: a TIMEX3 value, a date as people write it, or words
// relative to ctx.today such as "last year" (resolved by the date tagger).
Result<FuzzyDate> parse_date_option(std::string_view text, const Context& ctx);

// The whole of `file`, or of ctx.in for "" / "-". Error (not_found) naming an unreadable file.
Result<std::string> read_input(const std::string& file, Context& ctx);

// Writes `text` to `path` through a temporary file beside it, renamed into place, so a failed
// write leaves no partial file; an existing file keeps its permissions. Error (invalid_argument)
// when `path` is a directory, a device, a FIFO or anything but a regular file, or a symbolic
// link unless `force` (then the file it points to is written); (storage) naming the path and the
// reason when writing fails.
Result<void> write_text_file(const std::string& path, std::string_view text, bool force = false);

// Where write_text_file(path, …, force) would write, checked without writing anything: the
// file itself or, through a symbolic link with `force`, the file it points to; the mode of the
// file it replaces, if any. Same errors as write_text_file's checks.
struct OutputTarget {
  std::string path;
  std::optional<unsigned> mode;
};
Result<OutputTarget> output_target(const std::string& path, bool force);

// Who runs the command, for the operation log: $KB_USER, else $LOGNAME, else $USER, else
// "unknown".
std::string op_user(const Context& ctx);

// Whether `s` is a non-empty run of ASCII digits (an event number, not a tag or a date).
bool all_digits(std::string_view s);

// "1 source", "3 sources": a count with its noun in the right number (`many` defaults to
// `one` + "s").
std::string count_text(long long n, std::string_view one, std::string_view many);
template <std::integral N>
std::string count_of(N n, std::string_view one, std::string_view many = {}) {
  return count_text(static_cast<long long>(n), one, many);
}

// Prints "kb: <message>" to ctx.err and returns the exit code for the error's kind.
int report(Context& ctx, const Error& error);

// Makes `sub` run `action` when chosen; an error is reported and becomes ctx.exit_code (a
// successful action may still have set a non-zero code, e.g. import with failed files).
void on_run(CLI::App* sub, Context& ctx, std::function<Result<void>()> action);

// True when output may be coloured: a terminal and no NO_COLOR in the environment.
bool use_color(const Context& ctx);

}  // namespace kb::cli
