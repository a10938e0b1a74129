// What the counts tests share (services/counts_test.cpp, render/counts_test.cpp): events made of a
// date, a kind and actors.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "kb/model.hpp"

namespace kb::test {

inline Event event(FuzzyDate d, EventKind kind, std::vector<std::string> actors = {}) {
  Event e;
  e.date = d;
  e.kind = kind;
  for (auto& a : actors) {
    Participant p;
    p.name = std::move(a);
    p.role = Role::actor;
    e.participants.push_back(std::move(p));
  }
  return e;
}

inline FuzzyDate day(int y, unsigned m, unsigned d) {
  return FuzzyDate::day(date::year{y} / date::month{m} / date::day{d});
}

}  // namespace kb::test
