// What the briefing tests share (services/briefing_test.cpp, render/briefing_test.cpp): the seed
// knowledge base's briefing on Ukraine as known on 23 May 2023.
#pragma once

#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "services/briefing.hpp"
#include "tests/kb/ukraine_seed.hpp"

namespace kb::test {

inline kb::services::Briefing seed_briefing(UkraineSeed& s, std::optional<std::string> from) {
  kb::services::BriefingQuery q;
  q.topic = "Ukraine";
  if (from) {
    q.from = *FuzzyDate::parse(*from);
  }
  q.as_of = date::sys_days{date::year{2023} / 5 / 23};
  q.today = date::sys_days{date::year{2026} / 1 / 1};
  auto b = kb::services::collect_briefing(s.store, q, "Ukraine's security, as of 23 May 2023");
  REQUIRE(b.has_value());
  return *b;
}

}  // namespace kb::test
