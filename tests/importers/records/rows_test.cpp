// Tests importers/records/rows.hpp: every data row becomes an event or a warning with its line.
#include "importers/records/rows.hpp"

#include <string>

#include <doctest/doctest.h>

#include "kb/result.hpp"

TEST_SUITE("importers") {
  TEST_CASE("read_rows skips the header and turns each bad row into a warning with its line") {
    const auto rows =
        kb::importers::csv::parse("title,place\nTalks,Geneva\n\n,Vienna\nTruce,Oslo\n");
    REQUIRE(rows.has_value());
    const int columns = 0;
    const auto batch = kb::importers::records_detail::read_rows(
        *rows, columns,
        [](const kb::importers::csv::Row& row, int col) -> kb::Result<kb::importers::RecordEvent> {
          const std::string& title = row.fields.at(static_cast<std::size_t>(col));
          if (title.empty()) {
            return kb::fail(kb::Errc::parse, "missing title");
          }
          kb::importers::RecordEvent e;
          e.line = row.line;
          e.event.title = title;
          return e;
        });
    REQUIRE(batch.events.size() == 2);
    CHECK(batch.events[0].event.title == "Talks");
    CHECK(batch.events[0].line == 2);
    CHECK(batch.events[1].event.title == "Truce");
    REQUIRE(batch.warnings.size() == 1);
    CHECK(batch.warnings[0].line == 4);  // the blank line 3 is dropped, lines keep counting
    CHECK(batch.warnings[0].message == "missing title");
  }
}
