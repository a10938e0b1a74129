// libFuzzer target for the kb JSON reader: any bytes must give a dump or one error naming what
// is wrong, never a crash, hang, leak or a library's raw exception text; a dump read once
// writes, reads back and writes again to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "importers/records/kb_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kb::importers::looks_like_kb_json(text);
  auto dump = kb::importers::read_kb_json(text);
  if (!dump) {
    const std::string& message = dump.error().message;
    // A syntax error quotes up to 200 bytes of the input, which may hold anything.
    const bool raw = message.find("[json.exception.") != std::string::npos &&
                     text.find("[json.exception.") == std::string_view::npos;
    if (message.rfind("kb JSON: ", 0) != 0 || raw || message.size() > 1000) {
      std::abort();
    }
    return 0;
  }
  const std::string once = kb::importers::write_kb_json(*dump);
  auto back = kb::importers::read_kb_json(once);
  if (!back || kb::importers::write_kb_json(*back) != once) {
    std::abort();
  }
  return 0;
}
