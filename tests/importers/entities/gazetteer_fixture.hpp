// What the entity tests share: the real gazetteer from data/, loaded once per test binary.
#pragma once

#include <filesystem>

#include <doctest/doctest.h>

#include "importers/entities/gazetteer.hpp"

namespace kb::test {

inline const kb::importers::Gazetteer& real_gazetteer() {
  static const kb::importers::Gazetteer g = [] {
    auto loaded = kb::importers::load_gazetteer(std::filesystem::path(KB_SOURCE_DIR) / "data");
    REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().message));
    return std::move(loaded).value();
  }();
  return g;
}

}  // namespace kb::test
