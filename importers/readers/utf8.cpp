// UTF-8 repair and the string helpers the readers share.
#include "importers/readers/utf8.hpp"

#include <cstdint>

namespace kb::importers::readers {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is invalid.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<std::uint8_t>(s[i]);
  if (b0 < 0x80) {
    return 1;
  }
  std::size_t len = 0;
  std::uint32_t min = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + len > s.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<std::uint8_t>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

// Length of a whitespace-like sequence at `s[i]` (ASCII space, NBSP, zero-width, BOM), else 0.
std::size_t space_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<std::uint8_t>(s[i]);
  if (c < 0x80) {
    return (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') ? 1 : 0;
  }
  if (i + 1 >= s.size()) {
    return 0;
  }
  const auto c1 = static_cast<std::uint8_t>(s[i + 1]);
  if (c == 0xC2) {
    return c1 == 0xA0 ? 2 : 0;  // NBSP
  }
  if (i + 2 >= s.size()) {
    return 0;
  }
  const auto c2 = static_cast<std::uint8_t>(s[i + 2]);
  if (c == 0xE2 && c1 == 0x80) {
    // EN/EM/thin spaces, zero-width space, narrow NBSP.
    return (c2 == 0x82 || c2 == 0x83 || c2 == 0x89 || c2 == 0x8B || c2 == 0xAF) ? 3 : 0;
  }
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) {
    return 3;  // BOM / zero-width no-break space
  }
  return (c == 0xE3 && c1 == 0x80 && c2 == 0x80) ? 3 : 0;  // ideographic space
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string repair_utf8(std::string_view in, std::size_t& replaced) {
  replaced = 0;
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    const std::size_t len = sequence_length(in, i);
    if (len == 0) {
      out += kReplacement;
      ++replaced;
      ++i;
      // Skip the continuation bytes of the broken sequence so that one error gives one U+FFFD.
      while (i < in.size() && (static_cast<std::uint8_t>(in[i]) & 0xC0) == 0x80) {
        ++i;
      }
      continue;
    }
    out.append(in.substr(i, len));
    i += len;
  }
  return out;
}

bool valid_utf8(std::string_view in) {
  std::size_t i = 0;
  while (i < in.size()) {
    // Fast path over ASCII.
    if (static_cast<std::uint8_t>(in[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = sequence_length(in, i);
    if (len == 0) {
      return false;
    }
    i += len;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    const std::size_t n = space_length(s, b);
    if (n == 0) {
      break;
    }
    b += n;
  }
  std::size_t e = s.size();
  while (e > b) {
    std::size_t n = 0;
    for (std::size_t k = 1; k <= 3 && k <= e - b && n == 0; ++k) {
      if (space_length(s, e - k) == k) {
        n = k;
      }
    }
    if (n == 0) {
      break;
    }
    e -= n;
  }
  return s.substr(b, e - b);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = lower(c);
  }
  return out;
}

bool contains_icase(std::string_view hay, std::string_view needle) {
  if (needle.empty()) {
    return true;
  }
  if (needle.size() > hay.size()) {
    return false;
  }
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower(hay[i + k]) == lower(needle[k])) {
      ++k;
    }
    if (k == needle.size()) {
      return true;
    }
  }
  return false;
}

bool equals_icase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && contains_icase(a, b);
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string_view::npos) {
      end = s.size();
    }
    std::string_view line = s.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t n = space_length(s, i);
    if (n > 0) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += s[i];
    ++i;
  }
  return out;
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto lead = static_cast<std::uint8_t>(c);
    // Kana and CJK ideographs (U+3040..U+9FFF, lead bytes E3..E9) are written without spaces:
    // each counts as a word of its own, or a Japanese paragraph would be one word.
    if (lead >= 0xE3 && lead <= 0xE9 && i + 2 < s.size() &&
        (lead > 0xE3 || static_cast<std::uint8_t>(s[i + 1]) >= 0x81)) {
      ++words;
      in_word = false;
      i += 2;
      continue;
    }
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) {
      ++words;
    }
    in_word = !space;
  }
  return words;
}

}  // namespace kb::importers::readers
