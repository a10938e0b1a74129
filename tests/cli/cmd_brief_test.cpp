// Tests `kb brief` end to end: the seed briefing as of 23 May 2023 (golden Markdown), the SVG
// written next to it, stdout output, an empty topic, and an unwritable output path.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include <doctest/doctest.h>
#include <fmt/format.h>

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

  TEST_CASE("kb brief without -o prints the briefing, later knowledge stays out") {
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

  TEST_CASE("kb brief triages: the most significant key developments, the rest counted") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    for (int d = 1; d <= 14; ++d) {
      REQUIRE(test::kb_run(
                  db, {"add", fmt::format("Spokesman comments on day {}", d), "--date",
                       fmt::format("2022-02-{:02}", d), "--kind", "statement", "--actor", "Russia"})
                  .code == 0);
    }
    REQUIRE(test::kb_run(db, {"add", "Russia invades Ukraine", "--date", "2022-02-24", "--kind",
                              "attack", "--actor", "Russia", "--target", "Ukraine"})
                .code == 0);
    REQUIRE(test::kb_run(db, {"add", "Ceasefire talks", "--date", "2022-02-25", "--kind", "meeting",
                              "--actor", "Russia", "--actor", "Ukraine"})
                .code == 0);
    const auto r = test::kb_run(db, {"brief", "Russia", "--from", "2022-02", "--top", "3"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("the 3 most significant of 16 key developments") != std::string::npos);
    CHECK(r.out.find("Russia invades Ukraine") != std::string::npos);
    CHECK(r.out.find("Ceasefire talks") != std::string::npos);
    // Ties among the statements keep the latest; the rest is counted per kind.
    CHECK(r.out.find("Spokesman comments on day 14") != std::string::npos);
    CHECK(r.out.find("Spokesman comments on day 13") == std::string::npos);
    CHECK(
        r.out.find("*Also in this period, not shown: 13 statement (`--top 0` lists them all).*") !=
        std::string::npos);
    // In date order, as a briefing reads.
    CHECK(r.out.find("day 14") < r.out.find("invades"));
    CHECK(test::parse_markdown(r.out).rc == 0);
    // --top 0 shows all; the default is 12.
    const auto all = test::kb_run(db, {"brief", "Russia", "--from", "2022-02", "--top", "0"});
    CHECK(all.out.find("16 key developments") != std::string::npos);
    CHECK(all.out.find("not shown") == std::string::npos);
    const auto dflt = test::kb_run(db, {"brief", "Russia", "--from", "2022-02"});
    CHECK(dflt.out.find("the 12 most significant of 16") != std::string::npos);
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

  TEST_CASE("kb brief -o writes like kb export -o: no directory, FIFO, device or link unasked") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    namespace fs = std::filesystem;
    auto r = test::kb_run(db, {"brief", "Ukraine", "-o", dir.path().string()});
    CHECK(r.code == 2);
    CHECK(r.err == "kb: cannot write '" + dir.path().string() + "': it is a directory\n");
    CHECK(!fs::exists(dir.path().string() + ".svg"));

    const std::string fifo = dir.file("pipe.md");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    r = test::kb_run(db, {"brief", "Ukraine", "-o", fifo});
    CHECK(r.code == 2);
    CHECK(r.err == "kb: cannot write '" + fifo + "': it is a FIFO, not a regular file\n");
    CHECK(fs::is_fifo(fifo));
    CHECK(!fs::exists(dir.file("pipe.svg")));

    r = test::kb_run(db, {"brief", "Ukraine", "-o", "/dev/full"});
    CHECK(r.code == 2);
    CHECK(r.err == "kb: cannot write '/dev/full': it is a device, not a regular file\n");

    // The briefing is a link: refused, the file it points to untouched; --force writes it.
    const std::string target = dir.file("target.md");
    const std::string link = dir.file("link.md");
    std::ofstream(target) << "old";
    fs::create_symlink(target, link);
    r = test::kb_run(db, {"brief", "Ukraine", "-o", link});
    CHECK(r.code == 2);
    CHECK(r.err == "kb: cannot write '" + link +
                       "': it is a symbolic link (--force writes to the file it points to)\n");
    CHECK(slurp(target) == "old");
    CHECK(!fs::exists(dir.file("link.svg")));
    r = test::kb_run(db, {"brief", "Ukraine", "-o", link, "--force"});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(fs::is_symlink(link));
    CHECK(slurp(target).rfind("# Briefing: Ukraine\n", 0) == 0);
    CHECK(slurp(dir.file("link.svg")).find("<svg") != std::string::npos);

    // Only the picture beside it is a link: nothing is written, not even the briefing.
    const std::string svg_target = dir.file("picture.svg");
    std::ofstream(svg_target) << "old";
    fs::create_symlink(svg_target, dir.file("b.svg"));
    r = test::kb_run(db, {"brief", "Ukraine", "-o", dir.file("b.md")});
    CHECK(r.code == 2);
    CHECK(r.err.find("b.svg': it is a symbolic link") != std::string::npos);
    CHECK(!fs::exists(dir.file("b.md")));
    CHECK(slurp(svg_target) == "old");
    r = test::kb_run(db, {"brief", "Ukraine", "-o", dir.file("b.md"), "--force"});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(fs::is_symlink(dir.file("b.svg")));
    CHECK(slurp(svg_target).find("<svg") != std::string::npos);
    for (const auto& e : fs::directory_iterator(dir.path())) {
      CHECK(e.path().filename().string().find("kb-tmp") == std::string::npos);
    }
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
