// Tests render/exchange.cpp: TimelineJS text is HTML-escaped, and the seed's GeoJSON and timeline
// SVG against golden files.
#include "render/exchange.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/timeline_svg.hpp"
#include "tests/kb/ukraine_seed.hpp"

TEST_SUITE("render") {
  TEST_CASE("export_timelinejs escapes the headline, summary and quote as HTML") {
    kb::Event e;
    e.id = 7;
    e.title = "Talks <b>end</b> & resume";
    e.summary = "A \"summary\"";
    e.date = kb::FuzzyDate::day(date::year{2023} / 5 / 20);
    kb::Citation c;
    c.quote = "</blockquote><script>alert(1)</script>";
    e.citations.push_back(c);
    const auto doc = kb::render::export_timelinejs({e}, "t");
    const auto& text = doc["events"][0]["text"];
    CHECK(text["headline"] == "Talks &lt;b&gt;end&lt;/b&gt; &amp; resume");
    CHECK(text["text"] ==
          "A &quot;summary&quot; <blockquote>&lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/"
          "script&gt;</blockquote>");
  }
}

// Golden files for the map and the picture (issue #12): KB_UPDATE_GOLDEN=1 rewrites them.
namespace {

std::string golden_text(const std::string& name, const std::string& actual) {
  const std::string path = std::string(KB_TEST_DATA_DIR) + "/exports/" + name;
  if (std::getenv("KB_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("export_geojson and the timeline SVG of the seed match their golden files") {
    auto s = kb::test::ukraine_seed();
    REQUIRE(s.store.set_point(s.entities.at("Bakhmut"), 48.5956, 38.0003).has_value());
    REQUIRE(s.store.set_point(s.entities.at("Vilnius"), 54.6872, 25.2797).has_value());
    auto events = s.store.timeline(kb::TimelineQuery{});
    REQUIRE(events.has_value());
    std::map<kb::Id, kb::Entity> places;
    for (auto& e : *events) {
      e.uuid = fmt::format("00000000-0000-4000-8000-{:012}", e.id);  // permanent ids are random
      for (const auto& p : e.participants) {
        if (p.role == kb::Role::location) {
          places[p.entity_id] = s.store.entity(p.entity_id).value();
        }
      }
    }
    const std::string geojson = kb::render::export_geojson(*events, places).dump(2) + "\n";
    CHECK(geojson == golden_text("ukraine.geojson", geojson));
    const std::string svg = kb::render::render_timeline_svg(*events, "Ukraine");
    CHECK(svg == golden_text("ukraine-timeline.svg", svg));
  }
}
