// Tests for importers/analysis/model.cpp: a damaged model file is one clear error.
#include "importers/analysis/model.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/importers/analysis/analysis_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using kb::analysis::Models;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("a damaged model file is one clear error, never a crash") {
    CHECK(!Models::read("").has_value());
    CHECK(!Models::read("not a model at all").has_value());
    std::ifstream in(fs::path(KB_SOURCE_DIR) / "data" / "analysis" / "en_ewt.kbm",
                     std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    REQUIRE(bytes.size() > 1000);
    for (std::size_t cut : {std::size_t{10}, bytes.size() / 3, bytes.size() - 1}) {
      auto r = Models::read(std::string_view(bytes).substr(0, cut));
      REQUIRE(!r.has_value());
      CHECK(r.error().message.find("model") != std::string::npos);
    }
    auto missing = Models::load("/nonexistent/en_ewt.kbm");
    REQUIRE(!missing.has_value());
    CHECK(missing.error().message.find("/nonexistent/en_ewt.kbm") != std::string::npos);
  }
}
