// Tests render/timeline_svg.cpp: the seed's picture labels 1994 and May 2023 alike, text is
// escaped, output is deterministic, and a thousand events stay bounded.

#include "render/timeline_svg.hpp"

#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/format.h>

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

// Overlaps in a picture: two label boxes that meet, a leader line through another event's label,
// or a label past the picture's right edge. Boxes are estimated as render_timeline_svg does
// (6.4 px a character at font-size 11, 12 px tall).
std::vector<std::string> label_problems(const std::string& svg) {
  struct Box {
    double x0, x1, y0, y1;
  };
  const auto attr = [](const std::string& tag, const std::string& name) {
    const auto at = tag.find(" " + name + "=\"");
    return at == std::string::npos ? 0.0 : std::stod(tag.substr(at + name.size() + 3));
  };
  std::vector<Box> labels;
  std::vector<Box> leaders;
  for (auto p = svg.find("<text class=\"label\""); p != std::string::npos;
       p = svg.find("<text class=\"label\"", p + 1)) {
    const auto close = svg.find('>', p);
    const std::string tag = svg.substr(p, close - p);
    const std::string text = svg.substr(close + 1, svg.find("</text>", close) - close - 1);
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
        continue;
      }
      if (text[i] == '&') {  // an entity is one character
        i = text.find(';', i);
      }
      ++chars;
    }
    const double x = attr(tag, "x"), y = attr(tag, "y");
    labels.push_back(Box{x, x + 6.4 * static_cast<double>(chars), y - 9, y + 3});
  }
  for (auto p = svg.find("<line class=\"leader\""); p != std::string::npos;
       p = svg.find("<line class=\"leader\"", p + 1)) {
    const std::string tag = svg.substr(p, svg.find('>', p) - p);
    leaders.push_back(Box{attr(tag, "x1"), attr(tag, "x1"), attr(tag, "y2"), attr(tag, "y1")});
  }
  std::vector<std::string> problems;
  const double width = attr(svg.substr(0, svg.find('>')), "width");
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const Box& a = labels[i];
    if (a.x1 > width) {
      problems.push_back(fmt::format("label {} ends at {:.0f}, past {:.0f}", i, a.x1, width));
    }
    for (std::size_t j = i + 1; j < labels.size(); ++j) {
      const Box& b = labels[j];
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) {
        problems.push_back(fmt::format("labels {} and {} overlap", i, j));
      }
    }
    for (std::size_t k = 0; k < leaders.size(); ++k) {
      const Box& l = leaders[k];
      const bool own = l.x0 == a.x0 && l.y0 <= a.y1 && l.y0 >= a.y0;
      if (!own && l.x0 > a.x0 && l.x0 < a.x1 && l.y0 < a.y0 && l.y1 > a.y1) {
        problems.push_back(fmt::format("leader {} crosses label {}", k, i));
      }
    }
  }
  return problems;
}

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("render_timeline_svg labels every event without overlaps, ticks and span bars") {
    auto s = test::ukraine_seed();
    auto events = s.store.timeline(TimelineQuery{});
    REQUIRE(events.has_value());
    const std::string svg = kb::render::render_timeline_svg(*events, "Ukraine");
    CHECK(count(svg, "<text class=\"label\"") == events->size());
    CHECK(label_problems(svg).empty());
    CHECK(count(svg, "<line class=\"tick\"") > 3);  // years on the axis
    CHECK(count(svg, "<rect class=\"span\"") > 0);  // spans (a year, a weekend) as bars
    // Two dozen events in one month, and a busy fortnight: still every one labelled, no overlap.
    std::vector<Event> busy;
    for (int i = 0; i < 24; ++i) {
      Event e;
      e.id = i + 1;
      e.title = fmt::format("Shelling of settlement number {} near the front line", i);
      e.date = FuzzyDate::day(
          date::year_month_day{date::sys_days{date::year{2023} / 5 / 1} + date::days{i % 14}});
      busy.push_back(e);
    }
    const std::string dense = kb::render::render_timeline_svg(busy, "May 2023");
    CHECK(count(dense, "<text class=\"label\"") == 24);
    const auto problems = label_problems(dense);
    CHECK_MESSAGE(problems.empty(), fmt::format("{}", fmt::join(problems, "; ")));
  }

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
    CHECK(svg.find("more events are not labelled for want of room; the briefing lists every "
                   "event.") != std::string::npos);
    CHECK(svg.find("hover") == std::string::npos);  // a static picture cannot be hovered
    CHECK(label_problems(svg).empty());
    CHECK(svg.find("&quot;near&quot;") != std::string::npos);
    CHECK(svg.find("\"near\"") == std::string::npos);
  }
}

}  // namespace kb
