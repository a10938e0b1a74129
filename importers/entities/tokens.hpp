// Tokens for the entity recogniser: words and single punctuation marks with byte spans, plus the
// lookup key of a word. Typographic apostrophes, quotes and dashes are unified to ASCII. A view
// over the pieces of the shared scanner (importers/text/scanner.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "importers/text/scanner.hpp"

namespace kb::importers {

// A word (letters and digits) or one punctuation mark of a text.
struct Token {
  std::size_t begin = 0;        // byte offset of the first byte
  std::size_t end = 0;          // byte offset one past the last byte
  std::uint32_t id = 0;         // vocabulary id of the key (set by the caller); 0 = unknown
  char punct = 0;               // for punctuation: the ASCII form ('\'' for U+2019); 0 for words
  bool capitalized = false;     // a word whose first character is an upper-case letter or a digit
  bool newline_before = false;  // a line break separates this token from the previous one
};

// Splits UTF-8 `text` into tokens, appending them to `out` (cleared first). Whitespace, control
// characters and invalid UTF-8 bytes separate tokens and are not returned. Never fails.
void tokenize(std::string_view text, std::vector<Token>& out);

// The same tokens from `pieces`, the text's pieces as text::scan() returns them (so a text
// scanned once serves the date tagger and the recogniser alike).
void tokenize(std::span<const text::Piece> pieces, std::vector<Token>& out);

// The lookup key of a token: a word case-folded and stripped of accents (kb::alias_key; ASCII
// words take a fast path), or the one-character ASCII form of a punctuation mark.
std::string token_key(std::string_view text, const Token& token);

}  // namespace kb::importers
