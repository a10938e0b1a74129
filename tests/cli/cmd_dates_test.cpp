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
