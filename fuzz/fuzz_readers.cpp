// libFuzzer target for the article readers and the sentence splitter: any bytes, any format,
// must give articles or an error, never a crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importers/readers/reader.hpp"
#include "importers/sentences.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  // The first byte picks the format, so every reader is reached (auto-detect included).
  static constexpr kb::importers::Format kFormats[] = {
      kb::importers::Format::auto_detect, kb::importers::Format::text, kb::importers::Format::html,
      kb::importers::Format::feed, kb::importers::Format::jsonl};
  kb::importers::ReadOptions options;
  options.format = kFormats[data[0] % 5];
  const std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  static kb::importers::SentenceSplitter splitter;
  auto result = kb::importers::read_articles(content, "fuzz", options);
  if (result) {
    for (const auto& a : result->articles) {
      for (const auto& s : splitter.split(a.text)) {
        if (s.begin >= s.end || s.end > a.text.size()) {
          __builtin_trap();
        }
      }
    }
  }
  for (const auto& s : splitter.split(content)) {
    if (s.begin >= s.end || s.end > content.size()) {
      __builtin_trap();
    }
  }
  return 0;
}
