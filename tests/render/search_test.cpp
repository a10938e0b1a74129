// Tests render/search.cpp: search hits as JSON, an event's in the event contract.
#include "render/search.hpp"

#include <string>

#include <doctest/doctest.h>

#include "render/timeline.hpp"

namespace kb {

TEST_SUITE("render") {
  TEST_CASE("event_hit_json is the event's JSON with the hit's type, snippet and rank") {
    Event e;
    e.id = 4;
    e.title = "Envoys meet";
    e.date = FuzzyDate::day(date::year{2021} / 9 / 30);
    SearchHit hit;
    hit.id = 4;
    hit.snippet = "[envoys] meet";
    hit.rank = -1.5;
    const auto j = render::event_hit_json(hit, e);
    CHECK(j.begin().key() == "type");
    CHECK(j["type"] == "event");
    const nlohmann::ordered_json plain = render::event_json(e);
    for (auto it = plain.begin(); it != plain.end(); ++it) {
      CAPTURE(it.key());
      CHECK(j.at(it.key()) == it.value());
    }
    CHECK(j["snippet"] == "[envoys] meet");
    CHECK(j["rank"] == -1.5);
  }

  TEST_CASE("source_hit_json carries the source's fields, null where unknown") {
    Source s;
    s.id = 2;
    s.uuid = "u-2";
    s.title = "Harbour report";
    s.url = "https://example.org/harbour";
    s.published = "2021-09-30";
    SearchHit hit;
    hit.what = SearchHit::What::source;
    hit.snippet = "[harbour]";
    const auto j = render::source_hit_json(hit, s);
    CHECK(j["type"] == "source");
    CHECK(j["id"] == 2);
    CHECK(j["uuid"] == "u-2");
    CHECK(j["url"] == "https://example.org/harbour");
    CHECK(j["publisher"].is_null());
    CHECK(j["original_publisher"].is_null());
    CHECK(j["published"] == "2021-09-30");
    CHECK(j["snippet"] == "[harbour]");
  }
}

}  // namespace kb
