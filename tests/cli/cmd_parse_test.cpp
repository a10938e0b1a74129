// Tests for cli/cmd_parse.cpp: the analysis of a text as readable text and as CoNLL-U, and the
// error for an unknown format or a missing file.
#include <string>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

using kb::test::run_kb;
using kb::test::RunOptions;

TEST_SUITE("cli") {
  TEST_CASE("kb parse prints CoNLL-U with the characters of the input and the entities") {
    RunOptions o;
    o.input = "Russia annexed Crimea in 2014. Kyiv didn't agree.";
    const auto r = run_kb({"parse", "--format", "conllu"}, o);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("# sent_id = 1\n# text = Russia annexed Crimea in 2014.\n") == 0);
    CHECK(r.out.find("# entities = Russia (country) 0-6; Crimea (place) 15-21\n") !=
          std::string::npos);
    CHECK(r.out.find("\tannexed\tannex\tVERB\tVBD\t_\t0\troot\t") != std::string::npos);
    CHECK(r.out.find("5\t2014\t2014\tNUM\tCD\t_\t2\tobl\t_\tSpaceAfter=No\n") != std::string::npos);
    CHECK(r.out.find("# sent_id = 2\n# text = Kyiv didn't agree.\n") != std::string::npos);
    CHECK(r.out.find("\tdid\tdo\tAUX\t") != std::string::npos);
    CHECK(r.out.find("\tn't\tnot\tPART\tRB\t") != std::string::npos);
  }

  TEST_CASE("kb parse prints a readable table and rejects an unknown format or file") {
    RunOptions o;
    o.input = "Putin spoke.";
    const auto r = run_kb({"parse"}, o);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("# sentence 1 (bytes 0-12)") == 0);
    CHECK(r.out.find("spoke") != std::string::npos);
    CHECK(r.out.find("ROOT") != std::string::npos);
    const auto bad = run_kb({"parse", "--format", "xml"}, o);
    CHECK(bad.code == 2);
    CHECK(bad.err.find("text or conllu") != std::string::npos);
    const auto missing = run_kb({"parse", "/nonexistent/article.txt"});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("/nonexistent/article.txt") != std::string::npos);
  }

  TEST_CASE("kb parse gives people their CAMEO office on the --dct day") {
    RunOptions o;
    o.input = "Sergei Lavrov met Volodymyr Zelensky in Kyiv.";
    const auto before = run_kb({"parse", "--dct", "2015-06-01"}, o);
    REQUIRE_MESSAGE(before.code == 0, before.err);
    CHECK(before.out.find("entities: Sergei Lavrov (person, RUSGOVFRM) 0-13; Volodymyr Zelensky "
                          "(person) 18-36") != std::string::npos);
    const auto after = run_kb({"parse", "--dct", "2022-03-01"}, o);
    REQUIRE_MESSAGE(after.code == 0, after.err);
    CHECK(after.out.find("Volodymyr Zelensky (person, UKRGOVPRS) 18-36") != std::string::npos);
    CHECK(run_kb({"parse", "--dct", "not a date"}, o).code == 2);
  }
}
