// What the analysis tests share: the shipped models, loaded once per test binary, and a word
// of a parsed sentence found by its form.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "importers/analysis/analyzer.hpp"
#include "importers/analysis/sentence.hpp"

namespace kb::test {

inline const analysis::Analyzer& shipped_analyzer() {
  static analysis::Analyzer a = [] {
    auto r = analysis::Analyzer::load(std::filesystem::path(KB_SOURCE_DIR) / "data");
    REQUIRE_MESSAGE(r.has_value(), (r ? "" : r.error().message));
    return std::move(*r);
  }();
  return a;
}

// The sentences of `text` as the shipped models analyse them.
inline std::vector<analysis::ParsedSentence> analyze(std::string_view text) {
  return const_cast<analysis::Analyzer&>(shipped_analyzer()).analyze(text);
}

inline const analysis::Word* find_word(const analysis::ParsedSentence& s, std::string_view form) {
  for (const analysis::Word& w : s.words) {
    if (w.form == form) {
      return &w;
    }
  }
  return nullptr;
}

// The forms of `words`, space-separated.
inline std::string forms(const std::vector<analysis::Word>& words) {
  std::string out;
  for (const analysis::Word& w : words) {
    out += (out.empty() ? "" : " ") + w.form;
  }
  return out;
}

}  // namespace kb::test
