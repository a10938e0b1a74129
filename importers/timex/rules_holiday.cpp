// The date tagger's rules, part 5: holidays ("Thanksgiving Day", "Christmas Eve", "Easter",
// "Election Day", "last Christmas"), dated in the year the DCT, the tense or "last"/"next" give.
#include "importers/timex/rules.hpp"

namespace kb::timex::detail {
namespace {

// Easter Sunday of year `y` (the anonymous Gregorian algorithm).
date::sys_days easter(int y) {
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return date::sys_days{date::year{y} / month / day};
}

// The holiday `h` in year `y`; `eve` for "Christmas Eve".
date::sys_days holiday_in(Holiday h, int y, bool eve) {
  using date::November;
  switch (h) {
    case Holiday::thanksgiving:
      return date::sys_days{date::year{y} / November / date::Thursday[4]};
    case Holiday::christmas:
      return date::sys_days{date::year{y} / 12 / (eve ? 24 : 25)};
    case Holiday::easter:
      return easter(y);
    case Holiday::halloween:
      return date::sys_days{date::year{y} / 10 / 31};
    case Holiday::election:  // the Tuesday after the first Monday in November
      return date::sys_days{date::year{y} / November / date::Monday[1]} + date::days{1};
  }
  return date::sys_days{date::year{y} / 1 / 1};
}

}  // namespace

std::optional<Candidate> match_holiday(Context& ctx, std::size_t i) {
  std::size_t j = i;
  int dir = 0;  // -1 "last", +1 "next", 0 none or "this"
  if (ctx.is_cat(i, Cat::rel)) {
    const auto r = static_cast<Rel>(ctx.at(i).lex.value);
    if (r != Rel::last && r != Rel::next && r != Rel::this_word && r != Rel::past &&
        r != Rel::coming) {
      return std::nullopt;
    }
    dir = r == Rel::last || r == Rel::past ? -1 : r == Rel::next || r == Rel::coming ? 1 : 0;
    ++j;
  }
  if (!ctx.is_cat(j, Cat::holiday) || !ctx.at(j).upper) {
    return std::nullopt;
  }
  const auto h = static_cast<Holiday>(ctx.at(j).lex.value);
  std::size_t last = j;
  const LowerWord next = ctx.lower(j + 1);
  const bool eve = next == "eve";
  const bool week = next == "week";  // "Easter week": the week holding it
  if (next == "day" || eve || week || (h == Holiday::easter && next == "sunday")) {
    last = j + 1;
  } else if (h == Holiday::election) {
    return std::nullopt;  // "election" alone is an event, not a date
  }
  // Which year: "last" the latest before the DCT, "next" the first after it; else as for a
  // month and day (the coming one in the future tense or within four months, else the last).
  const int y = ctx.narrative ? ctx.use_anchor().year : ctx.use_dct_day().year;
  const date::sys_days ref = ctx.narrative ? first_day(ctx.use_anchor()) : ctx.use_dct();
  date::sys_days after = holiday_in(h, y, eve);
  if (after <= ref) {
    after = holiday_in(h, y + 1, eve);
  }
  const date::sys_days before = holiday_in(h, after == holiday_in(h, y, eve) ? y - 1 : y, eve);
  constexpr int kFutureDays = 120;
  date::sys_days d = before;
  if (dir > 0 || (dir == 0 && !ctx.narrative &&
                  ((after - ref).count() <= kFutureDays || ctx.tense_at(j) == Tense::future))) {
    d = after;
  }
  if (ctx.narrative && dir == 0) {
    d = holiday_in(h, y, eve);
  }
  Candidate c;
  c.first = i;
  c.last = last;
  c.date = week ? coarsen(day_value(d), Unit::week) : day_value(d);
  c.value = format_value(*c.date);
  return c;
}

}  // namespace kb::timex::detail
