// Text layout for terminal output (see text.hpp).

#include "render/text.hpp"

#include <algorithm>

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

std::string claim_note(const Event& e) {
  std::vector<std::string> by;
  for (const auto& p : e.participants) {
    if (p.role == Role::claimant && std::find(by.begin(), by.end(), p.name) == by.end()) {
      by.push_back(p.name);
    }
  }
  const bool tagged = std::find(e.tags.begin(), e.tags.end(), "claimed") != e.tags.end();
  if (!tagged && by.empty()) {
    return "";
  }
  return by.empty() ? "claimed" : fmt::format("claimed by {}", fmt::join(by, ", "));
}

}  // namespace kb::render
