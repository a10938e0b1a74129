// libFuzzer target for the date tagger: any bytes, with a DCT taken from the first two bytes,
// must be tagged without a crash, hang or sanitizer report, and spans must lie in the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "importers/timex/tagger.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  int offset = 0;
  if (size >= 2) {
    offset = (data[0] << 8 | data[1]) - 32768;  // days around 2000-01-01
  }
  const date::sys_days dct = date::sys_days{date::year{2000} / 1 / 1} + date::days{offset};
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t prev_end = 0;
  for (const auto& t : kb::timex::tag(text, dct)) {
    if (t.begin < prev_end || t.end <= t.begin || t.end > size || t.value.empty()) {
      std::abort();
    }
    prev_end = t.end;
  }
  (void)kb::timex::resolve_expression(text.substr(0, 64), dct);
  return 0;
}
