// libFuzzer target for event extraction with the learned models: any bytes, as an article's
// text with a publication date, give events without a crash, hang or sanitizer report; every
// event's quote lies in the text, its title is non-empty and at most 80 bytes, and its date is
// a valid interval. The first input byte
// also picks damaged copies of the event model file, which must be refused, never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "importers/extract/learned.hpp"

namespace {

namespace ex = kb::importers::extract;

const std::string& model_bytes() {
  static const std::string bytes = [] {
    std::ifstream in(std::string(KB_FUZZ_DATA_DIR) + "/events/events.kbm", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return bytes;
}

const ex::Extractor& extractor() {
  static const kb::importers::Gazetteer gazetteer = [] {
    auto g = kb::importers::load_gazetteer(KB_FUZZ_DATA_DIR);
    if (!g) {
      std::abort();  // the shipped gazetteer must load
    }
    return std::move(*g);
  }();
  static const ex::Extractor x = [] {
    std::vector<std::string> warnings;
    ex::ExtractOptions options = ex::default_options(KB_FUZZ_DATA_DIR, warnings);
    if (options.learned == nullptr) {
      std::abort();  // the shipped models must load
    }
    return ex::Extractor(gazetteer, options);
  }();
  return x;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > 2 && data[0] == 0xFF) {
    const std::string& bytes = model_bytes();
    std::string damaged = bytes.substr(0, (size * 7919) % (bytes.size() + 1));
    if (!damaged.empty()) {
      damaged[(data[1] * 257U + data[2]) % damaged.size()] ^= static_cast<char>(data[size - 1] | 1);
    }
    (void)ex::EventModel::read(damaged);
    return 0;
  }
  kb::importers::Article a;
  a.title = "Fuzzed article";
  a.origin = "fuzz";
  a.text = std::string(text);
  a.published = date::sys_seconds(date::sys_days{date::year{2022} / 3 / 14});
  const ex::Extraction x = extractor().extract(a);
  for (const auto& e : x.events) {
    if (e.quote_begin > e.quote_end || e.quote_end > size ||
        text.substr(e.quote_begin, e.quote_end - e.quote_begin) != e.quote) {
      std::abort();
    }
    if (e.title.empty() || e.title.size() > 80 || e.date.first() > e.date.last()) {
      std::abort();
    }
  }
  return 0;
}
