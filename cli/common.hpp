// Helpers shared by the commands: opening the database, reading dates, reporting errors,
// terminal width and colour.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "cli/context.hpp"
#include "kb/fuzzy_date.hpp"
#include "kb/result.hpp"
#include "kb/store.hpp"

namespace CLI {
class App;
}

namespace kb::cli {

// Output formats a listing command offers.
enum class Format { text, md, json, csv };
// Parses "text", "md"/"markdown", "json", "csv". Error (invalid_argument) otherwise.
Result<Format> parse_format(std::string_view s);

// The database path: --db, else $KB_DB, else $XDG_DATA_HOME/kb/kb.db, else
// ~/.local/share/kb/kb.db.
std::string db_path(const Context& ctx);

// Opens the knowledge base, migrating an older schema. Writers create it (and its directory) on
// first use; readers get Error (not_found) saying how to create one.
Result<Store> open_store(const Context& ctx, bool write);

// A date typed at the command line: a TIMEX3 value, a date as people write it, or words
// relative to ctx.today such as "last year" (resolved by the date tagger).
Result<FuzzyDate> parse_date_option(std::string_view text, const Context& ctx);

// Prints "kb: <message>" to ctx.err and returns the exit code for the error's kind.
int report(Context& ctx, const Error& error);

// Makes `sub` run `action` when chosen; an error is reported and becomes ctx.exit_code (a
// successful action may still have set a non-zero code, e.g. import with failed files).
void on_run(CLI::App* sub, Context& ctx, std::function<Result<void>()> action);

// Terminal columns a UTF-8 string takes (code points; East Asian wide forms are rare here).
std::size_t display_width(std::string_view utf8);
// Pads `s` with spaces to `width` columns.
std::string pad(std::string_view s, std::size_t width);

// True when output may be coloured: a terminal and no NO_COLOR in the environment.
bool use_color(const Context& ctx);
// Wraps `s` in an ANSI SGR code when `on` ("1" bold, "2" dim, "33" yellow, ...).
std::string paint(bool on, std::string_view code, std::string_view s);

}  // namespace kb::cli
