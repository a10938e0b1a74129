// Counts over time (issue #12): how many events fall in each day, week, month or year, split by
// kind, actor or place, as ACLED and GDELT users compute them. render/counts.hpp writes them.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/repository.hpp"

namespace kb::services {

// The size of a period, and what the counts are split by.
enum class Period { day, week, month, year };
enum class Split { none, kind, actor, place };

// One period: its first and last day, its label ("2023-05-20", "2023-W20", "2023-05", "2023"),
// the number of events in it and, when split, per group (in the order of CountTable::groups).
struct PeriodCount {
  date::sys_days first, last;
  std::string label;
  std::size_t total = 0;
  std::vector<std::size_t> by_group;
};

struct CountTable {
  Period period = Period::month;
  Split split = Split::none;
  // The groups, largest first: at most `kMaxGroups`, the rest summed in a last group "(rest)".
  // An event with several actors (places) counts once for each; one with none counts under
  // "(none)".
  std::vector<std::string> groups;
  std::vector<PeriodCount> periods;  // every period from the first event's to the last's
  std::size_t events = 0;            // events counted
  // Events whose date spans more than one period (a month-precision event in weekly counts, an
  // open "since 2014"): not counted in any period, and said so.
  std::size_t wider = 0;
};

inline constexpr std::size_t kMaxGroups = 8;
// More periods than this is an error that asks for a longer period.
inline constexpr std::size_t kMaxPeriods = 20000;

// The spellings of the periods and splits, in enum order (Split::none is "").
inline constexpr std::array<std::string_view, 4> kPeriodNames = {"day", "week", "month", "year"};
inline constexpr std::array<std::string_view, 4> kSplitNames = {"", "kind", "actor", "place"};

// "day", "week", "month", "year" / "kind", "actor", "place": Error (invalid_argument) listing the
// valid values.
Result<Period> parse_period(std::string_view s);
Result<Split> parse_split(std::string_view s);
std::string_view to_string(Period p);
std::string_view to_string(Split s);

// Counts `events` (any order). Error (invalid_argument) when the periods would exceed
// kMaxPeriods.
Result<CountTable> count_events(const std::vector<Event>& events, Period period, Split split);

}  // namespace kb::services
