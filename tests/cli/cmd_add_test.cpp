// Tests for cli/cmd_add.cpp and cli/event_options.cpp: `kb add` and `kb edit` in-process,
// their output, their errors, and that a failed write leaves the database as it was.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/test_util.hpp"

namespace {

using kb::test::TempKb;

std::size_t lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb add prints the new event and notes new entities") {
    const auto r = kb({"add", "Russia annexes Crimea", "--date", "18 March 2014", "--kind",
                       "territorial_change", "--actor", "country:Russia", "--place", "Crimea",
                       "--source", "https://example.org/a", "--quote", "Russia annexed Crimea."});
    CHECK(r.code == 0);
    CHECK(r.out == "#1  18 March 2014  Russia annexes Crimea\n");
    CHECK(r.err ==
          "kb: note: new country 'Russia' (#1)\n"
          "kb: note: new place 'Crimea' (#3, in Ukraine) from kb's gazetteer\n");
    // A known entity is reused silently, by alias-insensitive name.
    const auto again = kb({"add", "Second", "--date", "2014", "--actor", "RUSSIA"});
    CHECK(again.code == 0);
    CHECK(again.out == "#2  2014  Second\n");
    CHECK(again.err.empty());
  }

  TEST_CASE_FIXTURE(TempKb, "kb add takes a name kb's gazetteer knows as that entity") {
    // Issue #11, item 5: "--actor Ukraine" made a new organisation named Ukraine.
    const auto r = kb({"add", "Talks", "--date", "2022", "--actor", "Ukraine", "--target",
                       "Russian Federation", "--place", "Kharkiv"});
    CHECK(r.code == 0);
    CHECK(r.err.find("new country 'Ukraine' (#1) from kb's gazetteer") != std::string::npos);
    CHECK(r.err.find("new country 'Russia'") != std::string::npos);  // by its alias
    CHECK(r.err.find("new place 'Kharkiv'") != std::string::npos);
    CHECK(r.err.find("organisation") == std::string::npos);
    const auto shown = kb({"entity", "list"});
    CHECK(shown.out.find("country       Ukraine") != std::string::npos);
    // A name kb does not know is still created as typed, with the hint.
    const auto unknown = kb({"add", "Other", "--date", "2022", "--actor", "Qwertyland Group"});
    CHECK(unknown.err.find("new organisation 'Qwertyland Group'") != std::string::npos);
    CHECK(unknown.err.find("KIND:NAME") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb add cites a stored source by number, or a new one it describes") {
    const auto first =
        kb({"add", "A", "--date", "2022", "--source-title", "Morning report", "--source-publisher",
            "ISW", "--source-date", "2022-03-01", "--quote", "It happened."});
    CHECK(first.code == 0);
    // The same description again is the same source; --source-id names it directly.
    CHECK(kb({"add", "B", "--date", "2022", "--source-title", "Morning report",
              "--source-publisher", "ISW", "--source-date", "2022-03-01"})
              .code == 0);
    CHECK(kb({"add", "C", "--date", "2022", "--source-id", "1"}).code == 0);
    const auto sources = kb({"sources"});
    CHECK(sources.out.find("Morning report") != std::string::npos);
    CHECK(sources.out.find("[3 events]") != std::string::npos);
    // Wrong or conflicting source options are one clear error each, and nothing is written.
    const auto missing = kb({"add", "D", "--date", "2022", "--source-id", "9"});
    CHECK(missing.code != 0);
    CHECK(missing.err.find("no source with id 9") != std::string::npos);
    const auto both =
        kb({"add", "E", "--date", "2022", "--source-id", "1", "--source-title", "Another"});
    CHECK(both.code == 2);
    CHECK(both.err.find("--source-id names a stored source") != std::string::npos);
    const auto bad_day =
        kb({"add", "F", "--date", "2022", "--source-title", "X", "--source-date", "2022-02-30"});
    CHECK(bad_day.code == 2);
    CHECK(bad_day.err.find("--source-date '2022-02-30'") != std::string::npos);
    const auto untitled = kb({"add", "G", "--date", "2022", "--source-publisher", "ISW"});
    CHECK(untitled.code == 2);
    CHECK(untitled.err.find("needs --source-title") != std::string::npos);
    CHECK(kb({"add", "H", "--date", "2022", "--quote", "q"}).err.find("--quote needs a source") !=
          std::string::npos);
    CHECK(kb({"timeline", "--format", "csv"}).out.find(",D,") == std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb add --claimed-by stores the claimant and tags the claim") {
    const auto r = kb({"add", "Wagner takes Soledar", "--date", "2023-01-12", "--actor",
                       "group:Wagner", "--claimed-by", "person:Yevgeny Prigozhin"});
    CHECK(r.code == 0);
    const auto shown = kb({"show", "1"});
    CHECK(shown.out.find("status: reported (claimed by Yevgeny Prigozhin)") != std::string::npos);
    CHECK(shown.out.find("claimant   Yevgeny Prigozhin") != std::string::npos);
    CHECK(shown.out.find("tags:       claimed") != std::string::npos);
    const auto listed = kb({"timeline"});
    CHECK(listed.out.find("Wagner takes Soledar (claimed by Yevgeny Prigozhin)") !=
          std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb add and edit reject bad input with exit 2 and change nothing") {
    seed();
    const auto before = rows();
    struct Case {
      std::vector<std::string> args;
      std::string named;  // what the one-line message must name
    };
    const Case cases[] = {
        {{"add", "X", "--date", "32 May 2023"}, "'32 May 2023'"},
        {{"add", "X", "--date", "2023-13"}, "'2023-13'"},
        {{"add", "X"}, "--date"},
        {{"add", "X", "--date", "2014", "--kind", "massacre"}, "'massacre'"},
        {{"add", "X", "--date", "2014", "--status", "rumoured"}, "'rumoured'"},
        {{"add", "X", "--date", "2014", "--confidence", "2"}, "confidence"},
        {{"add", "X", "--date", "2014", "--end", "2013"}, "--end"},
        {{"add", "X", "--date", "2014", "--actor", "New Person", "--quote", "q"}, "--source"},
        {{"add", "  ", "--date", "2014"}, "title"},
        {{"edit", "1", "--date", "32 May 2023"}, "'32 May 2023'"},
        {{"edit", "2", "--actor", "Someone New", "--date", "2023-13"}, "'2023-13'"},
        {{"edit", "1", "--tag", " "}, "tag"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.args);
      const auto r = kb(c.args);
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err.rfind("kb: ", 0) == 0);
      CHECK(r.err.find(c.named) != std::string::npos);
      if (c.args[0] != "add" || c.args.size() < 6 || c.args[4] != "--actor") {
        CHECK(lines(r.err) == 1);
      }
      CHECK(rows() == before);
    }
  }

  TEST_CASE_FIXTURE(TempKb, "kb edit changes only what is given") {
    seed();
    const auto r = kb(
        {"edit", "2", "--date", "2014-03-16", "--title", "Crimea referendum", "--tag", "crimea"});
    CHECK(r.code == 0);
    CHECK(r.out == "#2  16 March 2014  Crimea referendum\n");
    const std::string shown = ok({"show", "2"});
    CHECK(shown.find("#2  Crimea referendum\n") == 0);
    CHECK(shown.find("territorial_change") != std::string::npos);  // kind kept
    CHECK(shown.find("actor      Russia") != std::string::npos);   // actors kept
    CHECK(shown.find("tags:       crimea") != std::string::npos);
    CHECK(shown.find("“Russia annexed Crimea.”") != std::string::npos);  // citation kept

    const auto cite = kb({"edit", "2", "--source", "https://example.org/b"});
    CHECK(cite.code == 0);
    CHECK(ok({"show", "2"}).find("https://example.org/b") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb edit of an unknown id exits 1 and changes nothing") {
    seed();
    const auto before = rows();
    const auto r = kb({"edit", "42", "--title", "Nope", "--actor", "Brand New"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "kb: no event with id 42\n");
    CHECK(rows() == before);
  }

  TEST_CASE_FIXTURE(TempKb, "kb edit --expect-revision refuses to overwrite a change made since") {
    seed();
    const auto revision = [this] {
      return nlohmann::json::parse(ok({"show", "2", "--format", "json"}))["revision"].get<long>();
    };
    const long seen = revision();
    CHECK(ok({"show", "2"}).find(fmt::format("  revision:   {}\n", seen)) != std::string::npos);
    // Up to date: the edit goes through, and the revision grows.
    CHECK(kb({"edit", "2", "--summary", "First", "--expect-revision", std::to_string(seen)}).code ==
          0);
    const long edited = revision();
    CHECK(edited > seen);
    // A tag (or a citation, a role, a link) is a write of the event too.
    ok({"tag", "2", "crimea"});
    const long tagged = revision();
    CHECK(tagged > edited);
    // Stale: one clear message naming the event and both revisions, exit 1, nothing written.
    const auto before = rows();
    const auto stale =
        kb({"edit", "2", "--summary", "Second", "--expect-revision", std::to_string(edited)});
    CHECK(stale.code == 1);
    CHECK(stale.out.empty());
    CHECK(stale.err == fmt::format("kb: event #2 changed since you read it: you expected revision "
                                   "{}, it is at revision {} now (see kb show 2); nothing was "
                                   "written\n",
                                   edited, tagged));
    CHECK(rows() == before);
    CHECK(ok({"show", "2"}).find("summary:    First") != std::string::npos);
    // One event's revision, not many events'.
    const auto many = kb({"edit", "--where", "--from 1990", "--yes", "--status", "disputed",
                          "--expect-revision", std::to_string(tagged)});
    CHECK(many.code == 2);
    CHECK(rows() == before);
  }
}
