// Tests importers/entities/token_trie.cpp: paths of token ids share their prefixes.
#include "importers/entities/token_trie.hpp"

#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

using kb::importers::TokenTrie;

TEST_SUITE("importers") {
  TEST_CASE("TokenTrie shares prefixes and finds each path's end node") {
    TokenTrie t;
    CHECK(t.size() == 1);  // the root
    const std::vector<std::uint32_t> new_york{4, 9};
    const std::vector<std::uint32_t> new_york_city{4, 9, 12};
    const std::vector<std::uint32_t> new_delhi{4, 17};
    const std::uint32_t ny = t.insert(new_york);
    CHECK(t.size() == 3);
    const std::uint32_t nyc = t.insert(new_york_city);
    const std::uint32_t nd = t.insert(new_delhi);
    CHECK(t.size() == 5);             // "new" is one node for all three
    CHECK(t.insert(new_york) == ny);  // inserting again adds nothing
    CHECK(t.size() == 5);
    const std::uint32_t first = t.child(TokenTrie::kRoot, 4);
    REQUIRE(first != TokenTrie::kNone);
    CHECK(t.child(first, 9) == ny);
    CHECK(t.child(ny, 12) == nyc);
    CHECK(t.child(first, 17) == nd);
    CHECK(t.child(first, 12) == TokenTrie::kNone);
    CHECK(t.child(TokenTrie::kRoot, 9) == TokenTrie::kNone);
    CHECK(t.child(nyc, 1) == TokenTrie::kNone);
  }
}
