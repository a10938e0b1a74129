// Counts over time: events bucketed by the period their whole date falls in.

#include "services/counts.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace kb::services {
namespace {

// The first day of the period of `p` that contains `d`.
date::sys_days period_start(date::sys_days d, Period p) {
  const date::year_month_day ymd(d);
  switch (p) {
    case Period::day:
      return d;
    case Period::week:  // ISO weeks start on Monday
      return d - (date::weekday(d) - date::Monday);
    case Period::month:
      return date::sys_days(ymd.year() / ymd.month() / 1);
    case Period::year:
      return date::sys_days(ymd.year() / date::January / 1);
  }
  return d;
}

date::sys_days next_start(date::sys_days start, Period p) {
  const date::year_month_day ymd(start);
  switch (p) {
    case Period::day:
      return start + date::days{1};
    case Period::week:
      return start + date::days{7};
    case Period::month:
      return date::sys_days((ymd.year() / ymd.month() / 1) + date::months{1});
    case Period::year:
      return date::sys_days((ymd.year() + date::years{1}) / date::January / 1);
  }
  return start;
}

std::string label_of(date::sys_days start, Period p) {
  switch (p) {
    case Period::day:
      return date::format("%F", start);
    case Period::week: {
      // The ISO week's year is the year of its Thursday.
      const date::sys_days thursday = start + date::days{3};
      const date::year y = date::year_month_day(thursday).year();
      const date::sys_days jan4{y / date::January / 4};
      const date::sys_days week1 = jan4 - (date::weekday(jan4) - date::Monday);
      return fmt::format("{}-W{:02}", static_cast<int>(y), (start - week1).count() / 7 + 1);
    }
    case Period::month:
      return date::format("%Y-%m", start);
    case Period::year:
      return date::format("%Y", start);
  }
  return {};
}

// The groups an event counts under.
std::vector<std::string> groups_of(const Event& e, Split split) {
  std::vector<std::string> out;
  if (split == Split::kind) {
    out.emplace_back(to_string(e.kind));
    return out;
  }
  const Role role = split == Split::actor ? Role::actor : Role::location;
  std::set<std::string> seen;
  for (const auto& p : e.participants) {
    if (p.role == role && seen.insert(p.name).second) {
      out.push_back(p.name);
    }
  }
  if (out.empty()) {
    out.emplace_back("(none)");
  }
  return out;
}

}  // namespace

Result<Period> parse_period(std::string_view s) {
  for (std::size_t i = 0; i < kPeriodNames.size(); ++i) {
    if (s == kPeriodNames[i]) {
      return static_cast<Period>(i);
    }
  }
  return fail(Errc::invalid_argument,
              fmt::format("--by '{}': expected day, week, month or year", s));
}

Result<Split> parse_split(std::string_view s) {
  for (std::size_t i = 1; i < kSplitNames.size(); ++i) {
    if (s == kSplitNames[i]) {
      return static_cast<Split>(i);
    }
  }
  return fail(Errc::invalid_argument, fmt::format("--per '{}': expected kind, actor or place", s));
}

std::string_view to_string(Period p) { return kPeriodNames[static_cast<std::size_t>(p)]; }

std::string_view to_string(Split s) { return kSplitNames[static_cast<std::size_t>(s)]; }

Result<CountTable> count_events(const std::vector<Event>& events, Period period, Split split) {
  CountTable t;
  t.period = period;
  t.split = split;
  // Events inside one period, by that period's start.
  std::vector<std::pair<date::sys_days, const Event*>> placed;
  for (const Event& e : events) {
    const date::sys_days start = period_start(e.date.first(), period);
    if (period_start(e.date.last(), period) != start) {
      ++t.wider;
      continue;
    }
    placed.emplace_back(start, &e);
  }
  t.events = placed.size();
  if (placed.empty()) {
    return t;
  }
  const auto [lo, hi] = std::minmax_element(
      placed.begin(), placed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const date::sys_days first = lo->first, last = hi->first;
  // The groups, largest first (ties by name), at most kMaxGroups with the rest as "(rest)".
  std::map<std::string, std::size_t> sizes;
  if (split != Split::none) {
    for (const auto& [start, e] : placed) {
      for (const auto& g : groups_of(*e, split)) {
        ++sizes[g];
      }
    }
    std::vector<std::pair<std::string, std::size_t>> order(sizes.begin(), sizes.end());
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    const bool other = order.size() > kMaxGroups;
    for (std::size_t i = 0; i < order.size() && i < (other ? kMaxGroups - 1 : kMaxGroups); ++i) {
      t.groups.push_back(order[i].first);
    }
    if (other) {
      t.groups.emplace_back("(rest)");
    }
  }
  std::map<date::sys_days, std::size_t> index;
  for (date::sys_days s = first; s <= last; s = next_start(s, period)) {
    if (t.periods.size() == kMaxPeriods) {
      return fail(Errc::invalid_argument,
                  fmt::format("the events span more than {} periods; count by a longer period "
                              "(--by week, month or year) or fewer dates (--from, --to)",
                              kMaxPeriods));
    }
    PeriodCount pc;
    pc.first = s;
    pc.last = next_start(s, period) - date::days{1};
    pc.label = label_of(s, period);
    pc.by_group.assign(t.groups.size(), 0);
    index[s] = t.periods.size();
    t.periods.push_back(std::move(pc));
  }
  for (const auto& [start, e] : placed) {
    PeriodCount& pc = t.periods[index.at(start)];
    ++pc.total;
    if (split == Split::none) {
      continue;
    }
    std::set<std::size_t> hit;
    for (const auto& g : groups_of(*e, split)) {
      const auto it = std::find(t.groups.begin(), t.groups.end(), g);
      hit.insert(it != t.groups.end() ? static_cast<std::size_t>(it - t.groups.begin())
                                      : t.groups.size() - 1);
    }
    for (const std::size_t i : hit) {
      ++pc.by_group[i];
    }
  }
  return t;
}

}  // namespace kb::services
