// collect_briefing(): the events of a briefing, read from the store.

#include "services/briefing.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "services/xref.hpp"

namespace kb::services {
namespace {

// What each kind weighs in a briefing's triage (error class: a month of a war briefed as 246
// "key developments" in date order, statements and meetings burying the invasion). Kinds not
// listed weigh 1.
struct KindWeight {
  EventKind kind;
  double weight;
};
constexpr std::array<KindWeight, 13> kKindWeights = {{{EventKind::attack, 4},
                                                      {EventKind::territorial_change, 5},
                                                      {EventKind::agreement, 4},
                                                      {EventKind::election, 3},
                                                      {EventKind::decision, 3},
                                                      {EventKind::sanction, 3},
                                                      {EventKind::aid, 2.5},
                                                      {EventKind::application, 2},
                                                      {EventKind::meeting, 1.5},
                                                      {EventKind::visit, 1.5},
                                                      {EventKind::protest, 1.5},
                                                      {EventKind::statement, 1},
                                                      {EventKind::other, 0.5}}};

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

double significance(const Event& e) {
  double score = 1;
  for (const auto& [kind, weight] : kKindWeights) {
    if (kind == e.kind) {
      score = weight;
    }
  }
  std::set<std::string> publishers;
  for (const auto& c : e.citations) {
    publishers.insert(c.original_publisher.value_or(
        c.publisher.value_or(c.url.value_or(std::to_string(c.source_id)))));
  }
  score += 2 * std::log2(1 + static_cast<double>(publishers.size()));
  score += e.curated || e.origin == Origin::manual ? 2 : 0;
  std::set<Id> named;
  for (const auto& p : e.participants) {
    if (p.role == Role::actor || p.role == Role::target) {
      named.insert(p.entity_id);
    }
  }
  score += 0.5 * static_cast<double>(std::min<std::size_t>(named.size(), 3));
  score -= e.status == Status::disputed ? 1 : 0;
  return score;
}

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
  // Triage: the `top` most significant (ties: the later first), shown in date order; the rest
  // counted per kind.
  b.key_total = b.key.size();
  if (q.top != 0 && b.key.size() > q.top) {
    std::vector<std::pair<double, std::size_t>> ranked;
    for (std::size_t i = 0; i < b.key.size(); ++i) {
      ranked.emplace_back(significance(b.key[i]), i);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second > y.second;
    });
    std::set<std::size_t> kept;
    for (std::size_t r = 0; r < q.top; ++r) {
      kept.insert(ranked[r].second);
    }
    std::vector<Event> shown;
    for (std::size_t i = 0; i < b.key.size(); ++i) {
      if (kept.count(i) != 0) {
        shown.push_back(std::move(b.key[i]));
      } else {
        ++b.left_out[b.key[i].kind];  // still taken: not context, not ahead
      }
    }
    b.key = std::move(shown);
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
