// Tests cli/filter_options.cpp: the shared filter options as one TimelineQuery, and their errors.
#include "cli/filter_options.hpp"

#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "tests/cli/cli_seed.hpp"

namespace kb {

TEST_SUITE("cli") {
  TEST_CASE("filter_query reads dates against today, kinds, statuses and the order") {
    std::ostringstream out, err;
    std::istringstream in;
    const cli::Context ctx = test::make_context(out, err, in);  // today: 15 January 2026
    cli::EventFilter f;
    CHECK_FALSE(cli::narrows(test::must(cli::filter_query(f, ctx))));
    f.from = "last year";
    f.to = "2025-06";
    f.as_of = "2025-03-04";
    f.kinds = {"attack"};
    f.statuses = {"planned"};
    f.sort = "citations";
    f.reverse = true;
    f.limit = 5;
    const auto q = cli::filter_query(f, ctx);
    REQUIRE(q.has_value());
    CHECK(q->from->timex() == "2025");
    CHECK(q->to->timex() == "2025-06");
    CHECK(q->as_of == date::sys_days{date::year{2025} / 3 / 4});
    CHECK(q->kinds == std::vector<EventKind>{EventKind::attack});
    CHECK(q->statuses == std::vector<Status>{Status::planned});
    CHECK(q->sort == TimelineQuery::Sort::citations);
    CHECK(q->newest_first);
    CHECK(q->limit == 5);
    CHECK(cli::narrows(*q));
  }

  TEST_CASE("filter_query names the option of a bad value") {
    std::ostringstream out, err;
    std::istringstream in;
    const cli::Context ctx = test::make_context(out, err, in);
    cli::EventFilter f;
    f.sort = "size";
    auto bad = cli::filter_query(f, ctx);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message == "--sort 'size': expected date, recorded or citations");
    f.sort = "date";
    f.min_confidence = 1.5;
    bad = cli::filter_query(f, ctx);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message.find("--min-confidence") != std::string::npos);
    f.min_confidence.reset();
    f.kinds = {"picnic"};
    bad = cli::filter_query(f, ctx);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == Errc::invalid_argument);
  }
}

}  // namespace kb
