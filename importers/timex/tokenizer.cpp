// The date tagger's tokenizer: one pass over the bytes producing words, numbers and
// punctuation with byte offsets. Any byte sequence is accepted (non-ASCII bytes are word bytes,
// except the UTF-8 en and em dashes, which are read as '-').
#include <algorithm>
#include <array>

#include "importers/timex/internal.hpp"

namespace kb::timex::detail {
namespace {

bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Length of an en/em dash (E2 80 93 / E2 80 94) at text[i], else 0.
std::size_t dash_at(std::string_view text, std::size_t i) {
  if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
      static_cast<unsigned char>(text[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(text[i + 2]) == 0x93 ||
       static_cast<unsigned char>(text[i + 2]) == 0x94)) {
    return 3;
  }
  return 0;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> toks;
  toks.reserve(text.size() / 5 + 16);
  bool space = true;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_space(c) || c == 0) {
      space = true;
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    t.space_before = space;
    space = false;
    if (is_digit(c)) {
      t.kind = TokKind::number;
      std::int64_t v = 0;
      std::size_t d = 0;
      while (i < n && is_digit(static_cast<unsigned char>(text[i]))) {
        if (v < 1'000'000'000'000) {
          v = v * 10 + (text[i] - '0');
        }
        ++d;
        ++i;
      }
      t.num = v;
      t.digits = static_cast<std::uint8_t>(std::min<std::size_t>(d, 255));
    } else if (is_alpha(c) || (c >= 0x80 && dash_at(text, i) == 0)) {
      t.kind = TokKind::word;
      t.upper = c >= 'A' && c <= 'Z';
      std::array<char, 16> buf;
      std::size_t len = 0;
      std::uint32_t h = kLexHashSeed;
      while (i < n) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (!(is_alpha(b) || (b >= 0x80 && dash_at(text, i) == 0))) {
          break;
        }
        if (len < buf.size()) {
          buf[len] = static_cast<char>(b | 0x20);
          h = lex_hash_step(h, buf[len]);
        }
        ++len;
        ++i;
      }
      if (len <= buf.size()) {
        t.lex = lookup_word(std::string_view(buf.data(), len), h);
      }
    } else {
      t.kind = TokKind::punct;
      const std::size_t dash = dash_at(text, i);
      t.punct = dash != 0 ? '-' : static_cast<char>(c);
      i += dash != 0 ? dash : 1;
    }
    t.end = i;
    toks.push_back(t);
  }
  return toks;
}

}  // namespace kb::timex::detail
