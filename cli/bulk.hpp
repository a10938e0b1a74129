// Bulk changes (issue #12): kb tag, untag, edit and rm act on every event a filter selects,
// given as one string in the filter language of kb timeline (`--where "--place Bakhmut --kind
// attack"`). They show the count, ask on a terminal (or take --yes), and run as one
// transaction with one entry in the operation log.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/common.hpp"

namespace kb::cli {

// The words of `text` as a shell would split them: spaces separate, '…' and "…" quote, a
// backslash escapes the next character. Error (invalid_argument) for an unclosed quote.
Result<std::vector<std::string>> split_words(std::string_view text);

// The events (local numbers, date order) that the filter `where` selects. Error
// (invalid_argument) naming --where for an unknown option or a bad value; (not_found) when an
// entity it names does not exist.
Result<std::vector<Id>> where_events(Repository& store, const std::string& where,
                                     const Context& ctx);

// Whether to go on with `action` on `n` events: its first word is the verb, the rest follows
// the count ("tag with bakhmut" asks "Tag 37 events with bakhmut? [y/N]"). --yes goes on; on
// a terminal the user is asked; without a terminal a change of more than one event needs
// --yes (error invalid_argument saying so). No events: an error (not_found) naming the filter.
Result<bool> confirm_bulk(Context& ctx, std::size_t n, std::string_view action, bool yes,
                          std::string_view where);

// Adds --where and --yes to a command that changes events.
void add_bulk_options(CLI::App* sub, std::string& where, bool& yes);

}  // namespace kb::cli
