// collect_briefing(): the events of a briefing, read from the store.

#include "services/briefing.hpp"

#include <algorithm>
#include <set>

#include "services/xref.hpp"

namespace kb::services {
namespace {

bool by_date(const Event& a, const Event& b) {
  if (a.date.first() != b.date.first()) {
    return a.date.first() < b.date.first();
  }
  if (a.date.last() != b.date.last()) {
    return a.date.last() < b.date.last();
  }
  return a.id < b.id;
}

}  // namespace

Result<Briefing> collect_briefing(Repository& store, const BriefingQuery& q, std::string title) {
  Briefing b;
  b.title = std::move(title);
  b.from = q.from;
  b.to = q.to;
  b.as_of = q.as_of;
  const date::sys_days now = q.as_of.value_or(q.today);
  TimelineQuery tq = q.filter;
  tq.sort = TimelineQuery::Sort::date;
  tq.newest_first = false;
  tq.limit = 0;
  tq.topic = q.topic;
  tq.from = q.from;
  tq.to = q.to;
  tq.as_of = q.as_of;
  KB_ASSIGN(auto events, store.timeline(tq));
  TimelineQuery ahead_q = tq;
  ahead_q.to.reset();
  ahead_q.from = FuzzyDate::day(date::year_month_day{now + date::days{1}});
  ahead_q.as_of = q.as_of;
  KB_ASSIGN(auto later, store.timeline(ahead_q));
  std::set<Id> taken;
  for (auto& e : later) {
    if (e.date.first() > now && taken.insert(e.id).second) {
      b.ahead.push_back(q.as_of ? as_known_on(std::move(e), *q.as_of) : std::move(e));
    }
  }
  for (auto& e : events) {
    if (taken.count(e.id) == 0 && e.date.first() <= now) {
      taken.insert(e.id);
      b.key.push_back(q.as_of ? as_known_on(std::move(e), *q.as_of) : std::move(e));
    }
  }
  std::set<Id> context_ids;
  for (const auto& e : b.key) {
    for (const auto& l : e.links) {
      if (taken.count(l.other_id) == 0) {
        context_ids.insert(l.other_id);
      }
    }
  }
  for (Id id : context_ids) {
    KB_ASSIGN(Event e, store.event(id));
    if (!q.as_of || known_as_of(e, *q.as_of)) {
      b.context.push_back(q.as_of ? as_known_on(std::move(e), *q.as_of) : std::move(e));
    }
  }
  std::sort(b.context.begin(), b.context.end(), by_date);
  return b;
}

}  // namespace kb::services
