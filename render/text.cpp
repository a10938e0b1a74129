// Text layout for terminal output (see text.hpp).

#include "render/text.hpp"

#include <fmt/format.h>

namespace kb::render {

std::size_t display_width(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

std::string pad(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t w = display_width(s);
  if (w < width) {
    out.append(width - w, ' ');
  }
  return out;
}

std::string paint(bool on, std::string_view code, std::string_view s) {
  if (!on) {
    return std::string(s);
  }
  return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
}

}  // namespace kb::render
