// Word tokenisation after UD English (EWT) conventions, on one sentence of text: clitics split
// ("don't" -> "do" "n't", "Russia's" -> "Russia" "'s"), punctuation split off except in
// abbreviations ("U.S.", "Mr.", "Feb.") and numbers ("1,000.5", "9/11"), hyphenated words split
// ("15-year" -> "15" "-" "year") except after prefixes kept whole in EWT ("co-", "non-",
// "anti-"), URLs and e-mail addresses kept whole. Byte offsets are kept, so no character of the
// input is lost; invalid UTF-8 is passed through byte for byte. Built on the pieces of the shared
// scanner (importers/text/scanner.hpp).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "importers/analysis/sentence.hpp"
#include "importers/text/scanner.hpp"

namespace kb::analysis {

// The words of `text` (bytes [0, text.size())), with `begin`/`end` offset by `base` and
// `space_after` set. Linear in the length of `text`; never fails.
std::vector<Word> tokenize(std::string_view text, std::size_t base = 0);

// The same words from `pieces`, the pieces text::scan(`text`) returns.
std::vector<Word> tokenize(std::string_view text, std::span<const text::Piece> pieces,
                           std::size_t base = 0);

}  // namespace kb::analysis
