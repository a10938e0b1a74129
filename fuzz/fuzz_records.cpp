// libFuzzer target for the CSV record readers (analyst CSV, ACLED CSV) and the CSV splitter
// under them: any bytes must give events and warnings or one error, never a crash, hang or
// leak; every event and warning names a line of the input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "importers/records/csv.hpp"
#include "importers/records/records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  // The first byte picks the reader; the rest is the file.
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::size_t lines = 1 +
                            static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
                            static_cast<std::size_t>(std::count(text.begin(), text.end(), '\r'));
  auto rows = kb::importers::csv::parse(text);
  if (rows) {
    for (const auto& row : *rows) {
      if (row.line == 0 || row.line > lines || row.fields.empty()) {
        std::abort();
      }
    }
  }
  (void)kb::importers::looks_like_analyst_csv(text);
  (void)kb::importers::looks_like_acled_csv(text);
  auto batch = data[0] % 2 == 0 ? kb::importers::read_analyst_csv(text)
                                : kb::importers::read_acled_csv(text);
  if (batch) {
    for (const auto& e : batch->events) {
      if (e.line < 2 || e.line > lines || e.event.title.empty()) {
        std::abort();
      }
    }
    for (const auto& w : batch->warnings) {
      if (w.line < 2 || w.line > lines || w.message.empty()) {
        std::abort();
      }
    }
  } else if (batch.error().message.empty()) {
    std::abort();
  }
  return 0;
}
