// Tests importers/analysis/page_array.cpp: zeroed memory of its own, copies keep only what is
// kept, moves leave the source empty.
#include "importers/analysis/page_array.hpp"

#include <cstdint>
#include <utility>

#include <doctest/doctest.h>

using kb::analysis::PageArray;

TEST_SUITE("importers") {
  TEST_CASE("PageArray starts zeroed, is written and read like an array") {
    PageArray<std::uint32_t> a(5000);  // more than one 4 KiB page
    REQUIRE(a.size() == 5000);
    CHECK_FALSE(a.empty());
    std::uint64_t sum = 0;
    for (const std::uint32_t v : a) {
      sum += v;
    }
    CHECK(sum == 0);
    a[0] = 7;
    a[4999] = 9;
    CHECK(a.data()[0] == 7);
    CHECK(*(a.end() - 1) == 9);
    CHECK(PageArray<float>().empty());
  }

  TEST_CASE("PageArray copies the values kept after shrink, moves leave nothing behind") {
    PageArray<std::uint16_t> a(10);
    for (std::size_t i = 0; i < a.size(); ++i) {
      a[i] = static_cast<std::uint16_t>(i * 3);
    }
    a.shrink(4);
    a.shrink(8);  // never grows
    CHECK(a.size() == 4);
    PageArray<std::uint16_t> copy(a);
    REQUIRE(copy.size() == 4);
    CHECK(copy[3] == 9);
    copy[3] = 1;
    CHECK(a[3] == 9);  // a copy, not a view
    PageArray<std::uint16_t> moved(std::move(copy));
    CHECK(moved[3] == 1);
    PageArray<std::uint16_t> assigned;
    assigned = moved;
    CHECK(assigned.size() == 4);
    CHECK(assigned[2] == 6);
  }
}
