// Tests for importers/readers/utf8.cpp: UTF-8 repair.
#include "importers/readers/utf8.hpp"

#include <string>

#include <doctest/doctest.h>

namespace {

namespace rd = kb::importers::readers;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("repair_utf8 replaces each invalid sequence once") {
    std::size_t n = 0;
    CHECK(rd::repair_utf8("caf\xE9 ok", n) == "caf\xEF\xBF\xBD ok");
    CHECK(n == 1);
    CHECK(rd::repair_utf8("\xE2\x80", n) == "\xEF\xBF\xBD");        // truncated sequence
    CHECK(rd::repair_utf8("\xED\xA0\x80x", n) == "\xEF\xBF\xBDx");  // surrogate
    CHECK(rd::repair_utf8("\xC0\xAF", n) == "\xEF\xBF\xBD");        // overlong
    CHECK(rd::repair_utf8("\xE2\x80\x94 fine", n) == "\xE2\x80\x94 fine");
    CHECK(n == 0);
    CHECK(rd::valid_utf8("\xF0\x9F\x98\x80"));
    CHECK_FALSE(rd::valid_utf8("\xF5\x80\x80\x80"));
  }
}
