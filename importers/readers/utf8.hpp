// Small UTF-8 and string helpers shared by the readers: repair, trimming, case-folding of ASCII.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb::importers::readers {

// Copies `in`, replacing each invalid UTF-8 sequence with U+FFFD; returns the number replaced
// through `replaced`.
std::string repair_utf8(std::string_view in, std::size_t& replaced);

// True iff `in` is valid UTF-8.
bool valid_utf8(std::string_view in);

// `s` without leading/trailing ASCII whitespace, NBSP (U+00A0), zero-width chars and BOM.
std::string_view trim(std::string_view s);

// ASCII lower-case copy of `s` (other bytes unchanged).
std::string ascii_lower(std::string_view s);

// True iff `hay` contains `needle`, ignoring ASCII case.
bool contains_icase(std::string_view hay, std::string_view needle);

// True iff `a` equals `b`, ignoring ASCII case.
bool equals_icase(std::string_view a, std::string_view b);

// Splits `s` at '\n' (a trailing '\r' is dropped from each line).
std::vector<std::string_view> split_lines(std::string_view s);

// Collapses runs of whitespace (incl. NBSP) into one space and trims.
std::string collapse_spaces(std::string_view s);

// Number of whitespace-separated words in `s`.
std::size_t count_words(std::string_view s);

}  // namespace kb::importers::readers
