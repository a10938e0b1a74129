// Tests render/counts.cpp: the count table as a chart, a text table, CSV and JSON.
#include "render/counts.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "services/counts.hpp"
#include "tests/services/counts_fixture.hpp"

namespace kb {
namespace {

using test::day;
using test::event;

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("counts_svg draws a bar per period, thins labels so none overlap, escapes text") {
    std::vector<Event> events;
    for (unsigned d = 1; d <= 28; ++d) {
      for (unsigned k = 0; k < d % 4; ++k) {
        events.push_back(event(day(2022, 2, d), k % 2 ? EventKind::attack : EventKind::statement));
      }
    }
    auto t = services::count_events(events, services::Period::day, services::Split::kind);
    REQUIRE(t.has_value());
    const std::string svg = render::counts_svg(*t, "Kharkiv <& Izium>");
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
    CHECK(svg.find("Kharkiv &lt;&amp; Izium&gt;") != std::string::npos);
    // Label x positions: each at least a label's width (10 characters at ~7 px) apart.
    std::vector<double> xs;
    for (auto p = svg.find("class=\"period\" x=\""); p != std::string::npos;
         p = svg.find("class=\"period\" x=\"", p + 1)) {
      xs.push_back(std::stod(svg.substr(p + 18)));
    }
    REQUIRE(xs.size() >= 3);
    for (std::size_t i = 1; i < xs.size(); ++i) {
      CHECK(xs[i] - xs[i - 1] >= 70.0);
    }
    CHECK(svg.find("<title>2022-02-03 attack: 1</title>") != std::string::npos);
    CHECK(render::counts_svg(*t, "Kharkiv <& Izium>") == svg);  // deterministic
  }
}

}  // namespace kb
