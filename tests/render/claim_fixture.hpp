// What the claim note tests share (render/text_test.cpp, render/timeline_test.cpp): an event
// one side claims and the other names.
#pragma once

#include "kb/model.hpp"

namespace kb::test {

inline kb::Event claimed_event() {
  kb::Event e;
  e.id = 7;
  e.title = "Russia captures Mayorsk";
  e.date = kb::FuzzyDate::day(date::year{2022} / 3 / 13);
  e.tags = {"claimed"};
  e.participants = {{1, "Russia", kb::EntityKind::country, kb::Role::actor},
                    {2, "Ukraine", kb::EntityKind::country, kb::Role::claimant}};
  return e;
}

}  // namespace kb::test
