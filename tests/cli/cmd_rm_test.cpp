// Tests for cli/cmd_rm.cpp: `kb rm` with --yes, with a confirmation prompt, on unknown ids, and
// with an expected revision.
#include <nlohmann/json.hpp>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/test_util.hpp"

using kb::test::TempKb;

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb rm --yes deletes the event and its citations") {
    seed();
    const auto r = kb({"rm", "2", "--yes"});
    CHECK(r.code == 0);
    CHECK(r.out == "deleted #2  Russia annexes Crimea\n");
    CHECK(r.err.empty());
    const auto show = kb({"show", "2"});
    CHECK(show.code == 1);
    CHECK(show.err == "kb: no event with id 2\n");
    const std::string stats = ok({"stats"});
    CHECK(stats.find("events     1\n") != std::string::npos);
    CHECK(stats.find("citations  0\n") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb rm asks on a terminal and keeps the event unless told yes") {
    seed();
    const auto before = rows();
    kb::test::RunOptions no;
    no.in_is_tty = true;
    no.input = "n\n";
    const auto kept = kb({"rm", "1"}, no);
    CHECK(kept.code == 0);
    CHECK(kept.out.empty());
    CHECK(kept.err ==
          "Delete #1 5 December 1994 \"Budapest Memorandum\"? [y/N] kb: nothing deleted\n");
    CHECK(rows() == before);

    kb::test::RunOptions yes = no;
    yes.input = "y\n";
    const auto gone = kb({"rm", "1"}, yes);
    CHECK(gone.code == 0);
    CHECK(gone.out == "deleted #1  Budapest Memorandum\n");
    CHECK(rows() != before);
  }

  TEST_CASE_FIXTURE(TempKb, "kb rm of an unknown id exits 1 and changes nothing") {
    seed();
    const auto before = rows();
    const auto r = kb({"rm", "99", "--yes"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "kb: no event with id 99\n");
    CHECK(rows() == before);
  }

  TEST_CASE_FIXTURE(TempKb, "kb rm --expect-revision refuses to delete an event changed since") {
    seed();
    const auto revision = [this] {
      return nlohmann::json::parse(ok({"show", "2", "--format", "json"}))["revision"].get<long>();
    };
    const long seen = revision();
    ok({"tag", "2", "crimea"});  // a colleague's change after the analyst read the event
    const long tagged = revision();
    REQUIRE(tagged > seen);
    const auto before = rows();
    const auto stale = kb({"rm", "2", "--yes", "--expect-revision", std::to_string(seen)});
    CHECK(stale.code == 1);
    CHECK(stale.out.empty());
    CHECK(stale.err == fmt::format("kb: event #2 changed since you read it: you expected revision "
                                   "{}, it is at revision {} now (see kb show 2); nothing was "
                                   "deleted\n",
                                   seen, tagged));
    CHECK(rows() == before);
    // A filter selects many events: an expected revision is one event's.
    const auto many =
        kb({"rm", "--where", "--from 1990", "--yes", "--expect-revision", std::to_string(tagged)});
    CHECK(many.code == 2);
    CHECK(rows() == before);
    // Up to date: deleted.
    const auto current = kb({"rm", "2", "--yes", "--expect-revision", std::to_string(tagged)});
    CHECK(current.code == 0);
    CHECK(current.out == "deleted #2  Russia annexes Crimea\n");
  }
}
