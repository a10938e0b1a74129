// libFuzzer target for the analysis layer: any bytes are split, tokenised, tagged, lemmatised
// and parsed without a crash, hang or sanitizer report; every word lies in the input and every
// sentence is one tree. The first input byte also picks a prefix of the model file to load,
// so damaged model files are fuzzed too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "importers/analysis/analyzer.hpp"

namespace {

const std::string& model_bytes() {
  static const std::string bytes = [] {
    std::ifstream in(std::string(KB_FUZZ_DATA_DIR) + "/analysis/en_ewt.kbm", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return bytes;
}

kb::analysis::Analyzer& analyzer() {
  static kb::analysis::Analyzer a = [] {
    auto m = kb::analysis::Models::read(model_bytes());
    if (!m) {
      std::abort();  // the shipped model must load
    }
    return kb::analysis::Analyzer(std::make_shared<const kb::analysis::Models>(std::move(*m)));
  }();
  return a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > 0 && data[0] == 0xFF) {
    // a truncated or altered model file must be an error, never a crash
    const std::string& bytes = model_bytes();
    std::string damaged = bytes.substr(0, (size * 7919) % (bytes.size() + 1));
    if (size > 2 && !damaged.empty()) {
      damaged[(data[1] * 257U + data[2]) % damaged.size()] ^= static_cast<char>(data[size - 1] | 1);
    }
    // A damaged table may still read (its slots are checked when looked up): it must then
    // analyse text without a crash or hang.
    if (auto m = kb::analysis::Models::read(damaged)) {
      kb::analysis::Analyzer a(std::make_shared<const kb::analysis::Models>(std::move(*m)));
      (void)a.analyze("Russian forces struck Kharkiv on Monday, officials said.");
    }
    return 0;
  }
  for (const auto& s : analyzer().analyze(text)) {
    int roots = 0;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const auto& w = s.words[i];
      if (w.end > size || w.begin >= w.end || text.substr(w.begin, w.end - w.begin) != w.form) {
        std::abort();
      }
      if (w.head < 0 || w.head > static_cast<int>(s.words.size()) ||
          w.head == static_cast<int>(i + 1)) {
        std::abort();
      }
      roots += w.head == 0;
    }
    if (!s.words.empty() && roots != 1) {
      std::abort();
    }
  }
  return 0;
}
