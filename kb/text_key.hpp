// alias_key(): the lookup key that makes entity names match case- and accent-insensitively
// ("Zelenskyy", "ZELENSKYY", "Zelenskýy" and "Kyiv’s" all meet). Shared by the store and the
// importers' entity recogniser so both agree on what "the same name" means.
#pragma once

#include <string>
#include <string_view>

namespace kb {

// Returns `name` case-folded, with accents removed, curly quotes/apostrophes and dashes unified,
// runs of whitespace collapsed to one space and the ends trimmed. Invalid UTF-8 is replaced,
// never an error. Example: alias_key("  Zelenskýy’s ") == "zelenskyy's".
std::string alias_key(std::string_view name);

}  // namespace kb
