// scan(): see scanner.hpp. ASCII bytes are classed by a table; other code points by the short
// lists below, everything else being a word character.
#include "importers/text/scanner.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <unicode/uchar.h>

namespace kb::text {
namespace {

constexpr std::array<CharClass, 128> ascii_classes() {
  std::array<CharClass, 128> t{};
  for (std::size_t c = 0; c < t.size(); ++c) {
    const auto ch = static_cast<char>(c);
    t[c] = is_ascii_letter(ch)        ? CharClass::letter
           : is_ascii_digit(ch)       ? CharClass::digit
           : ch == ' ' || ch == '\t'  ? CharClass::blank
           : ch == '\n' || ch == '\r' ? CharClass::line_break
           : ch == '\v' || ch == '\f' ? CharClass::page_break
           : ch == '\0'               ? CharClass::null
           : c < 0x20 || c == 0x7F    ? CharClass::control
                                      : CharClass::punct;
  }
  return t;
}
constexpr std::array<CharClass, 128> kAscii = ascii_classes();

// True iff the class is one whose characters run together into one piece.
constexpr bool runs(CharClass cls) {
  return cls == CharClass::letter || cls == CharClass::digit || cls == CharClass::word;
}

}  // namespace

CharClass classify(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
      return CharClass::apostrophe;
    case 0x201A:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
      return CharClass::other_apostrophe;
    case 0x201C:
    case 0x201D:
    case 0x00AB:
    case 0x00BB:
      return CharClass::quote;
    case 0x201E:
    case 0x201F:
      return CharClass::other_quote;
    case 0x2013:
    case 0x2014:
      return CharClass::dash;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2015:
    case 0x2212:
      return CharClass::other_dash;
    case 0x2026:
      return CharClass::ellipsis;
    case 0x00A0:
    case 0x202F:
    case 0x3000:
      return CharClass::space;
    case 0x205F:
    case 0xFEFF:
    case 0x2028:
    case 0x2029:
      return CharClass::soft_space;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200B) {
    return CharClass::space;
  }
  if (cp >= 0x200C && cp <= 0x200F) {
    return CharClass::soft_space;
  }
  if (cp >= 0x2016 && cp <= 0x206F) {
    return CharClass::other_punct;
  }
  return CharClass::word;
}

Char char_at(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    return Char{b, 1, kAscii[b]};
  }
  const Char bad{b, 1, CharClass::invalid};
  const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
  if (n == 0 || b >= 0xF5 || i + n > text.size()) {
    return bad;
  }
  char32_t cp = b & (0x7FU >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) {
      return bad;
    }
    cp = (cp << 6) | (c & 0x3FU);
  }
  return Char{cp, static_cast<std::uint8_t>(n), classify(cp)};
}

void scan(std::string_view text, std::vector<Piece>& out) {
  out.clear();
  out.reserve(text.size() / 3 + 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const Char c = char_at(text, i);
    Piece p{i, i + c.len, c.cp, c.cls};
    if (runs(c.cls)) {
      while (p.end < text.size()) {
        const auto b = static_cast<unsigned char>(text[p.end]);
        if (b < 0x80) {
          if (kAscii[b] != c.cls) {
            break;
          }
          ++p.end;
          continue;
        }
        const Char next = char_at(text, p.end);
        if (next.cls != c.cls) {
          break;
        }
        p.end += next.len;
      }
    }
    i = p.end;
    out.push_back(p);
  }
}

std::vector<Piece> scan(std::string_view text) {
  std::vector<Piece> out;
  scan(text, out);
  return out;
}

std::vector<Piece> slice(std::string_view text, std::span<const Piece> pieces, std::size_t begin,
                         std::size_t end) {
  if (begin >= end) {
    return {};
  }
  const auto first = std::partition_point(pieces.begin(), pieces.end(),
                                          [begin](const Piece& p) { return p.end <= begin; });
  const auto last =
      std::partition_point(first, pieces.end(), [end](const Piece& p) { return p.begin < end; });
  // A cut inside a run is a cut between characters unless it falls on a continuation byte; a
  // cut inside any other piece splits a character.
  const auto between = [text](const Piece& p, std::size_t at) {
    return runs(p.cls) && (static_cast<unsigned char>(text[at]) & 0xC0U) != 0x80;
  };
  if ((first->begin < begin && !between(*first, begin)) ||
      (std::prev(last)->end > end && !between(*std::prev(last), end))) {
    return scan(text.substr(begin, end - begin));
  }
  std::vector<Piece> out(first, last);
  out.front().cp = char_at(text, std::max(begin, out.front().begin)).cp;
  for (Piece& p : out) {
    p.begin = std::max(p.begin, begin) - begin;
    p.end = std::min(p.end, end) - begin;
  }
  return out;
}

char ascii_form(const Piece& p) {
  switch (p.cls) {
    case CharClass::punct:
      return p.cp == '`' ? '\'' : static_cast<char>(p.cp);
    case CharClass::apostrophe:
    case CharClass::other_apostrophe:
      return '\'';
    case CharClass::quote:
    case CharClass::other_quote:
      return '"';
    case CharClass::dash:
    case CharClass::other_dash:
      return '-';
    case CharClass::ellipsis:
      return '.';
    case CharClass::other_punct:
      return '*';
    default:
      return 0;
  }
}

bool starts_upper(const Piece& p) {
  if (p.cls == CharClass::letter) {
    return is_ascii_upper(static_cast<char>(p.cp));
  }
  return p.cls == CharClass::word && u_isupper(static_cast<UChar32>(p.cp)) != 0;
}

}  // namespace kb::text
