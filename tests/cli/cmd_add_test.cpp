// Tests for cli/cmd_add.cpp and cli/event_options.cpp: `kb add` and `kb edit` in-process,
// their output, their errors, and that a failed write leaves the database as it was.
#include <string>
#include <vector>

#include <doctest/doctest.h>

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
          "kb: note: new place 'Crimea' (#2); write KIND:NAME (e.g. person:Andrzej Duda) to "
          "choose another kind\n");
    // A known entity is reused silently, by alias-insensitive name.
    const auto again = kb({"add", "Second", "--date", "2014", "--actor", "RUSSIA"});
    CHECK(again.code == 0);
    CHECK(again.out == "#2  2014  Second\n");
    CHECK(again.err.empty());
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
}
