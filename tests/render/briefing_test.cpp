// Tests render/briefing.cpp: golden Markdown for the seed knowledge base, CommonMark structure
// (md4c), footnotes, and zero, one or a thousand events. What the briefing holds is tested in
// tests/services/briefing_test.cpp.

#include "render/briefing.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "render/timeline_svg.hpp"
#include "tests/kb/markdown_check.hpp"
#include "tests/kb/ukraine_seed.hpp"
#include "tests/services/briefing_fixture.hpp"

namespace kb {
namespace {

using test::seed_briefing;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Compares with a golden file; KB_UPDATE_GOLDEN=1 rewrites it instead.
void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(KB_TEST_DATA_DIR) + "/briefings/" + name;
  if (std::getenv("KB_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  CHECK(read_file(path) == actual);
}

Event synthetic(Id id, date::sys_days day, Id source) {
  Event e;
  e.id = id;
  e.title = "Event number " + std::to_string(id) + " with *stars* and [brackets]";
  e.date = FuzzyDate::day(date::year_month_day{day});
  e.date_text = e.date.display();
  e.kind = kb::EventKind::attack;
  e.participants.push_back(
      Participant{id % 7 + 1, "Actor " + std::to_string(id % 7), EntityKind::group, Role::actor});
  Citation c;
  c.source_id = source;
  c.source_title = "Source " + std::to_string(source);
  c.url = "https://example.org/" + std::to_string(source);
  c.published = "2023-01-01";
  c.quote = "A sentence | with a pipe.";
  e.citations.push_back(c);
  return e;
}

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("render_briefing matches the golden seed briefing and is valid CommonMark") {
    auto s = test::ukraine_seed();
    kb::services::Briefing b = seed_briefing(s, "2014");
    b.timeline_href = "ukraine-2023-05-23.svg";
    const std::string md = kb::render::render_briefing(b);
    check_golden("ukraine-2023-05-23.md", md);
    CHECK(kb::render::render_briefing(b) == md);  // deterministic
    const auto outline = test::parse_markdown(md);
    CHECK(outline.rc == 0);
    CHECK(outline.headings == std::vector<std::string>{"1:Ukraine's security, as of 23 May 2023",
                                                       "2:Key developments", "2:Context", "2:Ahead",
                                                       "2:Actors", "2:Timeline", "2:Sources"});
    CHECK(outline.list_items == 5);
    CHECK(outline.tables == 1);
    CHECK(outline.images == 1);
    CHECK(outline.quotes == 5);
    CHECK(test::footnote_problems(md).empty());
    CHECK(md.find("[^1]: *WSJ: Allies look to security model to aid Ukraine in fight against "
                  "Russia*, Caliber.az (originally published by The Wall Street Journal), "
                  "23 May 2023. <https://caliber.az/") != std::string::npos);
    CHECK(md.find("It was violated by *Russia annexes Crimea* (2014).") != std::string::npos);
    CHECK(md.find("**20–21 May 2023** (“over the weekend”)") != std::string::npos);
  }

  TEST_CASE("render_briefing with zero events is a valid document without footnotes") {
    kb::services::Briefing b;
    b.title = "Nothing yet";
    b.timeline_href = "x.svg";
    const std::string md = kb::render::render_briefing(b);
    check_golden("empty.md", md);
    const auto outline = test::parse_markdown(md);
    CHECK(outline.rc == 0);
    CHECK(outline.list_items == 0);
    CHECK(outline.images == 0);
    CHECK(md.find("[^") == std::string::npos);
  }

  TEST_CASE("render_briefing with one event") {
    kb::services::Briefing b;
    b.title = "One";
    b.key.push_back(synthetic(1, date::sys_days{date::year{2023} / 5 / 20}, 9));
    const std::string md = kb::render::render_briefing(b);
    check_golden("one.md", md);
    const auto outline = test::parse_markdown(md);
    CHECK(outline.rc == 0);
    CHECK(outline.list_items == 1);
    CHECK(test::footnote_problems(md).empty());
    // Markdown syntax in titles reads literally.
    CHECK(outline.text.find("Event number 1 with *stars* and [brackets]") != std::string::npos);
    CHECK(outline.text.find("A sentence | with a pipe.") != std::string::npos);
  }

  TEST_CASE("render_briefing with a thousand events keeps footnotes and structure") {
    kb::services::Briefing b;
    b.title = "Busy";
    const auto start = date::sys_days{date::year{2020} / 1 / 1};
    for (Id i = 1; i <= 1000; ++i) {
      b.key.push_back(synthetic(i, start + date::days{static_cast<int>(i)}, 1000 - i % 50));
    }
    b.timeline_href = "busy.svg";
    const std::string md = kb::render::render_briefing(b);
    const auto outline = test::parse_markdown(md);
    CHECK(outline.rc == 0);
    CHECK(outline.list_items == 1000);
    CHECK(outline.tables == 1);
    CHECK(test::footnote_problems(md).empty());
    CHECK(md.find("[^50]: ") != std::string::npos);
    CHECK(md.find("[^51]") == std::string::npos);
    CHECK(kb::render::render_briefing(b) == md);
  }

  TEST_CASE("footnote_problems finds missing, unused and out-of-order footnotes") {
    CHECK(test::footnote_problems("a[^1] b[^2]\n\n[^1]: x\n[^2]: y\n").empty());
    CHECK(!test::footnote_problems("a[^1]\n").empty());
    CHECK(!test::footnote_problems("a[^1]\n\n[^1]: x\n[^2]: y\n").empty());
    CHECK(!test::footnote_problems("a[^2] b[^1]\n\n[^1]: x\n[^2]: y\n").empty());
  }
}

}  // namespace kb
