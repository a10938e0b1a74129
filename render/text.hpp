// Text layout for terminal output: display width of UTF-8, padding, ANSI styling.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kb/model.hpp"

namespace kb::render {

// Output formats a listing command offers.
enum class Format { text, md, json, csv };

// Terminal columns a UTF-8 string takes (code points; East Asian wide forms are rare here).
std::size_t display_width(std::string_view utf8);
// Pads `s` with spaces to `width` columns.
std::string pad(std::string_view s, std::size_t width);
// Wraps `s` in an ANSI SGR code when `on` ("1" bold, "2" dim, "33" yellow, ...).
std::string paint(bool on, std::string_view code, std::string_view s);

// "claimed by Ukraine, Rybar" for an event tagged `claimed` with its claimants, "claimed" when
// no claimant is known, "" for an event nobody is said to claim.
std::string claim_note(const Event& e);

}  // namespace kb::render
