// Tests for importers/records/csv.cpp: RFC 4180 splitting with line numbers, and the line of a
// quoted field a truncated file leaves open.
#include "importers/records/csv.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/records/records.hpp"

namespace kb::importers {

TEST_SUITE("importers") {
  TEST_CASE("csv::parse keeps line numbers across quoted line breaks") {
    auto rows = csv::parse("a,b\r\n\"x\ny\",\"q\"\"q\"\n\n3,4");
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 3);
    CHECK((*rows)[1].line == 2);
    CHECK((*rows)[1].fields == std::vector<std::string>{"x\ny", "q\"q"});
    CHECK((*rows)[2].line == 5);
    CHECK(csv::parse("a\n\"open").error().message == "line 2: a quoted field is never closed");
  }

  TEST_CASE("csv::parse names the line of a quoted field a truncated file leaves open") {
    const auto r = read_analyst_csv("date,title\n2020,\"ok\"\n2021,\"cut sh");
    REQUIRE(!r.has_value());
    CHECK(r.error().message == "line 3: a quoted field is never closed");
  }
}

}  // namespace kb::importers
