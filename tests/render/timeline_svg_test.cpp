// Tests render/timeline_svg.cpp: the seed's picture labels 1994 and May 2023 alike, text is
// escaped, output is deterministic, and a thousand events stay bounded.

#include "render/timeline_svg.hpp"

#include <algorithm>

#include <doctest/doctest.h>

#include "tests/kb/ukraine_seed.hpp"

namespace kb {
namespace {

std::size_t count(const std::string& s, std::string_view what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("render_timeline_svg labels events decades apart and cuts the quiet years") {
    auto s = test::ukraine_seed();
    auto events = s.store.timeline(TimelineQuery{});
    REQUIRE(events.has_value());
    const std::string svg = kb::render::render_timeline_svg(*events, "Ukraine & its <security>");
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
    CHECK(svg.find("Ukraine &amp; its &lt;security&gt;") != std::string::npos);
    CHECK(count(svg, "<circle") == events->size());
    CHECK(svg.find(">1994 · The US, UK and Russia give Ukraine security assurances</text>") !=
          std::string::npos);
    CHECK(svg.find(">20–21 May 2023 · Bakhmut falls to Wagner</text>") != std::string::npos);
    CHECK(svg.find("font-style=\"italic\">July 2023 · NATO summit in Vilnius") !=
          std::string::npos);
    CHECK(count(svg, ">//</text>") == 2);  // 1994 | 2014 | 2022-2023
    CHECK(svg.find("not labelled") == std::string::npos);
    CHECK(kb::render::render_timeline_svg(*events, "Ukraine & its <security>") == svg);
  }

  TEST_CASE("render_timeline_svg with no events or a thousand") {
    const std::string empty = kb::render::render_timeline_svg({}, "t");
    CHECK(empty.find("No events") != std::string::npos);
    CHECK(empty.size() > 0);
    CHECK(empty.substr(empty.size() - 7) == "</svg>\n");
    std::vector<Event> many;
    for (int i = 0; i < 1000; ++i) {
      Event e;
      e.id = i + 1;
      e.title = "Shelling \"near\" town " + std::to_string(i);
      e.date = FuzzyDate::day(
          date::year_month_day{date::sys_days{date::year{2022} / 3 / 1} + date::days{i % 400}});
      many.push_back(e);
    }
    const std::string svg = kb::render::render_timeline_svg(many, "busy");
    CHECK(count(svg, "<circle") == 1000);
    CHECK(count(svg, "<text") < 200);
    CHECK(svg.find("more events not labelled") != std::string::npos);
    CHECK(svg.find("&quot;near&quot;") != std::string::npos);
    CHECK(svg.find("\"near\"") == std::string::npos);
  }
}

}  // namespace kb
