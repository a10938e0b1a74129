// Tests for cli/cmd_dates.cpp: the dates kb understands in a text, as JSON and text, from a file
// or standard input, against a --dct; bad --dct and missing files.
#include <nlohmann/json.hpp>
#include <string>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

using kb::test::run_kb;
using kb::test::RunOptions;
using kb::test::TempDir;

TEST_SUITE("cli") {
  TEST_CASE("kb dates prints each expression with its value and display as JSON") {
    RunOptions stdin_text;
    stdin_text.input = "Talks resumed over the weekend and end in 2024.";
    const auto r = run_kb({"dates", "--dct", "2023-05-23", "--format", "json"}, stdin_text);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(R"({"timexes": [
      {"start": 19, "end": 30, "text": "the weekend", "type": "DATE", "value": "2023-W20-WE",
       "display": "20–21 May 2023"},
      {"start": 42, "end": 46, "text": "2024", "type": "DATE", "value": "2024",
       "display": "2024"}]})"));
  }

  TEST_CASE("kb dates --explain names the rule, the steps and what a date was resolved against") {
    RunOptions in;
    // A history: "December" takes its year from the last year the text stated; "since" opens
    // a span.
    in.input =
        "In 1994 Ukraine gave up its arsenal. In December the memorandum was signed. In mid-May "
        "1995 talks failed; since 1996 they have cost about three years. In 1997 they resumed.";
    const auto r = run_kb({"dates", "--dct", "2023-05-23", "--format", "json", "--explain"}, in);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto j = nlohmann::json::parse(r.out)["timexes"];
    REQUIRE(j.size() == 6);
    CHECK(j[0]["rule"] == "number");
    CHECK(j[0]["steps"].empty());
    CHECK_FALSE(j[0].contains("reference"));  // states its own year
    CHECK(j[1]["text"] == "December");
    CHECK(j[1]["value"] == "1994-12");
    CHECK(j[1]["rule"] == "month");
    CHECK(j[1]["reference"] == "1994");
    CHECK(j[1]["steps"] == nlohmann::json::array({"narrative"}));
    CHECK(j[2]["text"] == "mid-May 1995");
    CHECK(j[2]["steps"] == nlohmann::json::array({"modifier"}));
    CHECK(j[3]["text"] == "1996");
    CHECK(j[3]["steps"] == nlohmann::json::array({"signal"}));
    CHECK(j[4]["rule"] == "duration");
    CHECK(j[4]["steps"] == nlohmann::json::array({"approx"}));
    CHECK(j[5]["rule"] == "number");
    // In a day's report a weekday counts from the --dct day.
    RunOptions report;
    report.input = "Officials met on Saturday.";
    const auto day = run_kb({"dates", "--dct", "2023-05-23", "-f", "json", "--explain"}, report);
    const auto w = nlohmann::json::parse(day.out)["timexes"][0];
    CHECK(w["rule"] == "weekday");
    CHECK(w["reference"] == "2023-05-23");
    CHECK(w["value"] == "2023-05-20");
    // Without --explain the JSON is as before.
    const auto plain = run_kb({"dates", "--dct", "2023-05-23", "--format", "json"}, in);
    CHECK(nlohmann::json::parse(plain.out)["timexes"][1].contains("rule") == false);
    // The text form adds the explanation to each line and a legend of what fired.
    const auto text = run_kb({"dates", "--dct", "2023-05-23", "--explain"}, in);
    CHECK(text.out.find("\"December\"  -> December 1994  [rule month; steps narrative; against "
                        "1994]") != std::string::npos);
    CHECK(text.out.find("  rule month ") != std::string::npos);
    CHECK(text.out.find("  step narrative ") != std::string::npos);
    CHECK(text.out.find("rule quarter") == std::string::npos);  // only what fired
  }

  TEST_CASE("kb dates reads a file, gives byte offsets and defaults the DCT to today") {
    TempDir dir;
    const std::string path = dir.file("a.txt");
    // "é" is two bytes: offsets count bytes, not characters.
    kb::test::write_file(path, "Café opened yesterday, said officials.\n");
    const auto r = run_kb({"dates", path, "-f", "json"});  // today = 2024-01-15
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["timexes"].size() == 1);
    CHECK(j["timexes"][0]["start"] == 13);
    CHECK(j["timexes"][0]["end"] == 22);
    CHECK(j["timexes"][0]["value"] == "2024-01-14");
    const auto text = run_kb({"dates", path});
    CHECK(text.code == 0);
    CHECK(text.out.find("\"yesterday\"  -> 14 January 2024") != std::string::npos);
  }

  TEST_CASE("kb dates accepts relative --dct expressions and '-' for standard input") {
    RunOptions in;
    in.input = "The law passed last year.";
    const auto r = run_kb({"dates", "-", "--dct", "last year", "-f", "json"}, in);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(nlohmann::json::parse(r.out)["timexes"][0]["value"] == "2022");
    const auto none = run_kb({"dates", "-f", "json"}, RunOptions{});
    CHECK(none.code == 0);
    CHECK(nlohmann::json::parse(none.out) == nlohmann::json::parse(R"({"timexes": []})"));
  }

  TEST_CASE("kb dates rejects a bad --dct, a bad format and a missing file") {
    const auto bad = run_kb({"dates", "--dct", "someday soon"});
    CHECK(bad.code == 2);
    CHECK(bad.err == "kb: not a date: 'someday soon'\n");
    const auto fmt = run_kb({"dates", "--format", "csv"});
    CHECK(fmt.code == 2);
    TempDir dir;
    const std::string missing = dir.file("nope.txt");
    const auto gone = run_kb({"dates", missing});
    CHECK(gone.code == 1);
    CHECK(gone.err.find(missing) != std::string::npos);
    CHECK(gone.out.empty());
  }
}
