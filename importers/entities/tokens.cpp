// Tokens for the entity recogniser over the pieces of the shared scanner
// (importers/text/scanner.hpp): a word joins adjacent runs of letters, digits and other word
// characters; each mark is a token of its own, in its ASCII form; the rest separates tokens.

#include "importers/entities/tokens.hpp"

#include "importers/text/scanner.hpp"
#include "kb/text_key.hpp"

namespace kb::importers {
namespace {

using text::CharClass;

bool in_word(CharClass cls) {
  return cls == CharClass::letter || cls == CharClass::digit || cls == CharClass::word;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) { tokenize(text::scan(text), out); }

void tokenize(std::span<const text::Piece> pieces, std::vector<Token>& out) {
  out.clear();
  bool newline = false;
  for (std::size_t k = 0; k < pieces.size();) {
    const text::Piece& p = pieces[k];
    Token t;
    t.begin = p.begin;
    t.newline_before = newline;
    if (in_word(p.cls)) {
      std::size_t last = k + 1;
      while (last < pieces.size() && in_word(pieces[last].cls)) {
        ++last;
      }
      t.end = pieces[last - 1].end;
      t.capitalized = p.cls == CharClass::digit || text::starts_upper(p);
      k = last;
    } else if (const char mark = text::ascii_form(p); mark != 0) {
      t.end = p.end;
      t.punct = mark;
      ++k;
    } else {  // spaces, control characters and invalid bytes
      newline = newline || p.cls == CharClass::line_break;
      ++k;
      continue;
    }
    newline = false;
    out.push_back(t);
  }
}

std::string token_key(std::string_view text, const Token& token) {
  if (token.punct != 0) {
    // NOLINTNEXTLINE(modernize-return-braced-init-list): {1, c} would be the two chars 1 and c
    return std::string(1, token.punct);
  }
  std::string_view word = text.substr(token.begin, token.end - token.begin);
  std::string key(word);
  for (char& ch : key) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      return kb::alias_key(word);
    }
    if (text::is_ascii_upper(ch)) {
      ch = static_cast<char>(ch + ('a' - 'A'));
    }
  }
  return key;
}

}  // namespace kb::importers
