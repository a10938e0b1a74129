// The date tagger's tokens: words, numbers and punctuation over the pieces of the shared scanner
// (importers/text/scanner.hpp), with byte offsets. A word is a run of ASCII letters and of any
// non-ASCII characters (invalid bytes included) except the en and em dashes, which are read as
// '-'; blanks, line breaks and NUL bytes separate tokens; every other character is a mark.
#include <algorithm>
#include <array>

#include "importers/text/scanner.hpp"
#include "importers/timex/internal.hpp"

namespace kb::timex::detail {
namespace {

using text::CharClass;

bool separates(CharClass cls) {
  return cls == CharClass::blank || cls == CharClass::line_break || cls == CharClass::null;
}

bool in_word(CharClass cls) {
  return cls == CharClass::letter || (text::is_non_ascii(cls) && cls != CharClass::dash);
}

// The word table entry of the word `w`: its bytes folded by `| 0x20` (ASCII lower case), looked
// up when it fits the table's 16-byte keys.
LexEntry word_entry(std::string_view w) {
  std::array<char, 16> buf;
  if (w.size() > buf.size()) {
    return LexEntry{};
  }
  std::uint32_t h = kLexHashSeed;
  for (std::size_t k = 0; k < w.size(); ++k) {
    buf[k] = static_cast<char>(static_cast<unsigned char>(w[k]) | 0x20);
    h = lex_hash_step(h, buf[k]);
  }
  return lookup_word(std::string_view(buf.data(), w.size()), h);
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) { return tokenize(text, text::scan(text)); }

std::vector<Token> tokenize(std::string_view text, std::span<const text::Piece> pieces) {
  std::vector<Token> toks;
  toks.reserve(text.size() / 5 + 16);
  bool space = true;
  for (std::size_t k = 0; k < pieces.size();) {
    const text::Piece& p = pieces[k];
    if (separates(p.cls)) {
      space = true;
      ++k;
      continue;
    }
    Token t;
    t.begin = p.begin;
    t.space_before = space;
    space = false;
    if (p.cls == CharClass::digit) {
      t.kind = TokKind::number;
      std::int64_t v = 0;
      for (std::size_t i = p.begin; i < p.end; ++i) {
        if (v < 1'000'000'000'000) {
          v = v * 10 + (text[i] - '0');
        }
      }
      t.num = v;
      t.digits = static_cast<std::uint8_t>(std::min<std::size_t>(p.end - p.begin, 255));
      t.end = p.end;
      ++k;
    } else if (in_word(p.cls)) {
      t.kind = TokKind::word;
      t.upper = p.cls == CharClass::letter && text::starts_upper(p);
      std::size_t last = k + 1;
      while (last < pieces.size() && in_word(pieces[last].cls)) {
        ++last;
      }
      t.end = pieces[last - 1].end;
      t.lex = word_entry(text.substr(t.begin, t.end - t.begin));
      k = last;
    } else {
      t.kind = TokKind::punct;
      t.punct = p.cls == CharClass::dash ? '-' : text[p.begin];
      t.end = p.end;
      ++k;
    }
    toks.push_back(t);
  }
  return toks;
}

}  // namespace kb::timex::detail
