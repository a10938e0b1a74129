// What the record reader tests share: the contents of a sample file in tests/data/records/.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace kb::test {

inline std::string data(const std::string& name) {
  std::ifstream in(std::string(KB_TEST_DATA_DIR) + "/records/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace kb::test
