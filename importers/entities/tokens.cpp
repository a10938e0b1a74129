// Tokenizer for the entity recogniser: one pass over UTF-8 bytes, no allocation per token beyond
// the output vector. Non-ASCII letters belong to words; typographic punctuation is mapped to ASCII.

#include "importers/entities/tokens.hpp"

#include <unicode/uchar.h>

#include "kb/text_key.hpp"

namespace kb::importers {
namespace {

constexpr char kSpace = ' ';  // classification result for whitespace-like code points
constexpr char kLetter = 0;   // classification result for word characters

// Decodes one UTF-8 code point at `i`; sets `len` (0 on invalid input).
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
  if (n == 0 || b >= 0xF5 || i + n > s.size()) {
    len = 0;
    return 0;
  }
  char32_t cp = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      len = 0;
      return 0;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  len = n;
  return cp;
}

// Classifies a non-ASCII code point: kLetter, kSpace, or the ASCII punctuation it stands for.
char classify(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    case 0x2026:
      return '.';
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
    case 0x2028:
    case 0x2029:
      return kSpace;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200F) {
    return kSpace;
  }
  if (cp >= 0x2016 && cp <= 0x206F) {  // the rest of General Punctuation (bullets, daggers)
    return '*';
  }
  return kLetter;
}

bool is_ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of the word starting at `i` (ASCII alnum and non-ASCII letters).
std::size_t word_length(std::string_view text, std::size_t i) {
  std::size_t j = i;
  while (j < text.size()) {
    auto c = static_cast<unsigned char>(text[j]);
    if (c < 0x80) {
      if (!is_ascii_word(c)) {
        break;
      }
      ++j;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = decode(text, j, len);
    if (len == 0 || classify(cp) != kLetter) {
      break;
    }
    j += len;
  }
  return j - i;
}

bool starts_capitalized(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  std::size_t len = 0;
  char32_t cp = decode(text, i, len);
  return len > 0 && u_isupper(static_cast<UChar32>(cp)) != 0;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  bool newline = false;
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    Token t;
    t.begin = i;
    t.newline_before = newline;
    if (c < 0x80) {
      if (is_ascii_word(c)) {
        t.end = i + word_length(text, i);
        t.capitalized = starts_capitalized(text, i);
      } else if (c <= ' ' || c == 0x7F) {
        newline = newline || c == '\n' || c == '\r';
        ++i;
        continue;
      } else {
        t.end = i + 1;
        t.punct = c == '`' ? '\'' : static_cast<char>(c);
      }
    } else {
      std::size_t len = 0;
      char32_t cp = decode(text, i, len);
      char kind = len == 0 ? kSpace : classify(cp);
      if (kind == kSpace) {
        i += len == 0 ? 1 : len;
        continue;
      }
      if (kind == kLetter) {
        t.end = i + word_length(text, i);
        t.capitalized = starts_capitalized(text, i);
      } else {
        t.end = i + len;
        t.punct = kind;
      }
    }
    newline = false;
    i = t.end;
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
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      return kb::alias_key(word);
    }
    if (c >= 'A' && c <= 'Z') {
      ch = static_cast<char>(c + ('a' - 'A'));
    }
  }
  return key;
}

}  // namespace kb::importers
