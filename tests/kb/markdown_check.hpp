// Test helper: checks a Markdown document with a real CommonMark parser (md4c, GitHub dialect)
// and checks GitHub footnotes by hand (md4c 0.4.8 has no footnote extension).
#pragma once

#include <map>
#include <md4c.h>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace kb::test {

// What md4c saw.
struct MarkdownOutline {
  int rc = -1;                        // md_parse's result: 0 when parsed
  std::vector<std::string> headings;  // "1:Title", "2:Key developments", ...
  int list_items = 0;
  int tables = 0;
  int quotes = 0;
  int images = 0;
  std::string text;  // all text content, concatenated
};

inline MarkdownOutline parse_markdown(const std::string& md) {
  struct State {
    MarkdownOutline out;
    int heading_level = 0;
    std::string heading;
  } st;
  MD_PARSER p{};
  p.abi_version = 0;
  p.flags = MD_DIALECT_GITHUB;
  p.enter_block = [](MD_BLOCKTYPE type, void* detail, void* u) {
    auto& s = *static_cast<State*>(u);
    if (type == MD_BLOCK_H) {
      s.heading_level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
      s.heading.clear();
    }
    s.out.list_items += type == MD_BLOCK_LI ? 1 : 0;
    s.out.tables += type == MD_BLOCK_TABLE ? 1 : 0;
    s.out.quotes += type == MD_BLOCK_QUOTE ? 1 : 0;
    return 0;
  };
  p.leave_block = [](MD_BLOCKTYPE type, void*, void* u) {
    auto& s = *static_cast<State*>(u);
    if (type == MD_BLOCK_H) {
      s.out.headings.push_back(std::to_string(s.heading_level) + ":" + s.heading);
      s.heading_level = 0;
    }
    return 0;
  };
  p.enter_span = [](MD_SPANTYPE type, void*, void* u) {
    static_cast<State*>(u)->out.images += type == MD_SPAN_IMG ? 1 : 0;
    return 0;
  };
  p.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  p.text = [](MD_TEXTTYPE, const MD_CHAR* t, MD_SIZE n, void* u) {
    auto& s = *static_cast<State*>(u);
    s.out.text.append(t, n);
    if (s.heading_level > 0) {
      s.heading.append(t, n);
    }
    return 0;
  };
  st.out.rc = md_parse(md.data(), static_cast<MD_SIZE>(md.size()), &p, &st);
  return st.out;
}

// Checks GitHub footnotes: every reference [^N] has exactly one definition line "[^N]: ",
// every definition is referenced, and the numbers run 1..n in order of first reference.
// Returns "" when all hold, else what is wrong.
inline std::string footnote_problems(const std::string& md) {
  std::vector<std::string> order;
  std::set<std::string> refs;
  std::map<std::string, int> defs;
  const std::regex def_re(R"(^\[\^(\d+)\]: )");
  const std::regex ref_re(R"(\[\^(\d+)\](?!:))");
  std::size_t pos = 0;
  while (pos < md.size()) {
    const auto end = md.find('\n', pos);
    const std::string line = md.substr(pos, end == std::string::npos ? end : end - pos);
    pos = end == std::string::npos ? md.size() : end + 1;
    std::smatch m;
    std::string body = line;
    if (std::regex_search(line, m, def_re)) {
      ++defs[m[1]];
      body = m.suffix();
    }
    for (auto it = std::sregex_iterator(body.begin(), body.end(), ref_re);
         it != std::sregex_iterator(); ++it) {
      if (refs.insert((*it)[1]).second) {
        order.push_back((*it)[1]);
      }
    }
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i] != std::to_string(i + 1)) {
      return "footnote " + order[i] + " is referenced out of order";
    }
  }
  for (const auto& r : refs) {
    if (defs[r] != 1) {
      return "footnote " + r + " has " + std::to_string(defs[r]) + " definitions";
    }
  }
  for (const auto& [d, n] : defs) {
    if (refs.count(d) == 0) {
      return "footnote " + d + " is defined but never referenced";
    }
  }
  return "";
}

}  // namespace kb::test
