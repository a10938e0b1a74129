// Tests `kb brief` end to end: the seed briefing as of 23 May 2023 (golden Markdown), the SVG
// written next to it, stdout output, an empty topic, and an unwritable output path.

#include <cstdlib>
#include <fstream>

#include <doctest/doctest.h>

#include "tests/cli/cli_seed.hpp"
#include "tests/kb/markdown_check.hpp"

namespace kb {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("kb brief -o writes the Markdown briefing and its timeline SVG") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const std::string md_path = dir.file("ukraine.md");
    const auto r =
        test::kb_run(db, {"brief", "Ukraine", "--from", "2014", "--as-of", "2023-05-23", "-o",
                          md_path, "--title", "Ukraine: security guarantees, as of 23 May 2023"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out == "wrote " + md_path + " (5 key developments, 1 context, 1 ahead) and " +
                       dir.file("ukraine.svg") + "\n");
    const std::string md = slurp(md_path);
    const std::string golden_path = std::string(KB_TEST_DATA_DIR) + "/briefings/cli-ukraine.md";
    if (std::getenv("KB_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(golden_path, std::ios::binary) << md;
    }
    CHECK(md == slurp(golden_path));
    const auto outline = test::parse_markdown(md);
    CHECK(outline.rc == 0);
    CHECK(outline.images == 1);
    CHECK(test::footnote_problems(md).empty());
    CHECK(md.find("](<ukraine.svg>)") != std::string::npos);
    const std::string svg = slurp(dir.file("ukraine.svg"));
    CHECK(svg.find("1994 · The US, UK and Russia give Ukraine security assurances") !=
          std::string::npos);
    CHECK(svg.find("NATO summit in Vilnius") != std::string::npos);
  }

  TEST_CASE("kb brief without -o prints the briefing; later knowledge stays out") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    REQUIRE(
        test::kb_run(db, {"add", "Zelensky meets G7 leaders in Hiroshima", "--date", "2023-05-21",
                          "--actor", "person:Volodymyr Zelensky", "--target", "Ukraine"})
            .code == 0);
    auto r = test::kb_run(db, {"brief", "Ukraine", "--as-of", "2023-05-23"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("Hiroshima") == std::string::npos);
    CHECK(r.out.find("## Timeline") == std::string::npos);
    CHECK(r.out.find("## Ahead\n\n- **July 2023** *(expected)* — NATO summit in Vilnius.") !=
          std::string::npos);
    r = test::kb_run(db, {"brief", "Ukraine"});  // today is 15 Jan 2026: nothing ahead
    CHECK(r.out.find("Hiroshima") != std::string::npos);
    CHECK(r.out.find("## Ahead") == std::string::npos);
  }

  TEST_CASE("kb brief on an unknown topic is a short valid document") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const auto r = test::kb_run(db, {"brief", "Atlantis"});
    REQUIRE(r.code == 0);
    CHECK(r.out ==
          "# Briefing: Atlantis\n\n*0 key developments*\n\n## Key developments\n\nNo events about "
          "this topic in this period.\n\n## Sources\n\nNo sources cited.\n");
  }

  TEST_CASE("kb brief to an unwritable path fails cleanly") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const std::string path = dir.file("missing-dir/brief.md");
    const auto r = test::kb_run(db, {"brief", "Ukraine", "-o", path});
    CHECK(r.code == 1);
    CHECK(r.err.rfind("kb: cannot write '" + path + "'", 0) == 0);
    CHECK(!std::filesystem::exists(path));
  }
}

}  // namespace kb
