// The date tagger's rules, part 4: clock times ("10:30 a.m.", "10 p.m. Wednesday",
// "5 p.m. EST, Nov. 9") and "noon Thursday" / "midnight Friday".
#include <array>

#include "importers/timex/rules.hpp"

namespace kb::timex::detail {
namespace {

Candidate time_candidate(std::size_t first, std::size_t last, const DateVal& v) {
  Candidate c;
  c.first = first;
  c.last = last;
  c.type = TimexType::time;
  c.value = format_value(v);
  c.date = v;
  return c;
}

// A time-zone abbreviation after a clock time ("EST", "GMT").
bool is_zone(std::string_view w) {
  static constexpr auto kZones = std::to_array<std::string_view>({
#include "lexicon/timex/time_zones.inc"
  });
  for (std::string_view z : kZones) {
    if (w == z) {
      return true;
    }
  }
  return false;
}

// "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "9 a.m. tomorrow": the day a clock time is on.
// Moves `v`'s date to it and `last` to its last token.
// After a parenthesis ("10:35 a.m. (0735 GMT) Friday") the day still dates the time but stays
// an expression of its own.
void attach_day(Context& ctx, std::size_t k, DateVal& v, std::size_t& last) {
  if (is_zone(ctx.lower(k)) && ctx.at(k).end - ctx.at(k).begin == 3) {
    ++k;
  }
  if (ctx.is_punct(k, ',')) {
    ++k;
  }
  bool aside = false;
  if (ctx.is_punct(k, '(')) {
    constexpr std::size_t kMaxAside = 8;
    std::size_t close = k + 1;
    while (close < k + kMaxAside && !ctx.is_punct(close, ')') && close < ctx.toks.size()) {
      ++close;
    }
    if (!ctx.is_punct(close, ')')) {
      return;
    }
    k = close + 1;
    aside = true;
  }
  std::optional<Candidate> day;
  if (ctx.is_cat(k, Cat::weekday)) {
    day = match_weekday(ctx, k);
  } else if (ctx.is_cat(k, Cat::month)) {
    day = match_month(ctx, k);
  } else if (ctx.is_cat(k, Cat::ref)) {
    day = match_reference(ctx, k);
  }
  if (!day || !day->date || day->date->gran != Gran::day || day->type != TimexType::date) {
    return;
  }
  v.year = day->date->year;
  v.month = day->date->month;
  v.day = day->date->day;
  if (!aside) {
    last = day->last;
  }
}

// "10:30 a.m.", "10 p.m.", "13:37": a time today (or on the reference day), or on the day
// named after it ("10 p.m. Wednesday").
}  // namespace

std::optional<Candidate> match_clock(Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  if (t.digits > 2 || t.num > 24) {
    return std::nullopt;
  }
  DateVal v = ctx.reference();
  v.gran = Gran::time;
  v.hour = static_cast<int>(t.num);
  v.minute = 0;
  std::size_t j = i + 1;
  bool has_minutes = false;
  if (ctx.is_punct(j, ':') && ctx.at(j + 1).digits == 2 && !ctx.at(j + 1).space_before) {
    v.minute = static_cast<int>(ctx.at(j + 1).num);
    has_minutes = true;
    j += 2;
  }
  // am/pm: "am", "pm", "a.m.", "p.m."
  const LowerWord w = ctx.lower(j);
  std::size_t last = j - 1;
  bool pm = false;
  bool ampm = false;
  if (w == "am" || w == "pm") {
    ampm = true;
    pm = w == "pm";
    last = j;
  } else if ((w == "a" || w == "p") && ctx.is_punct(j + 1, '.') && ctx.lower(j + 2) == "m") {
    ampm = true;
    pm = w == "p";
    last = ctx.is_punct(j + 3, '.') ? j + 3 : j + 2;
  }
  if (!ampm && !has_minutes) {
    return std::nullopt;
  }
  if (ampm) {
    if (v.hour > 12 || v.hour == 0) {
      return std::nullopt;
    }
    v.hour = v.hour % 12 + (pm ? 12 : 0);
  }
  if (v.minute > 59 || v.hour > 24) {
    return std::nullopt;
  }
  if (v.gran != Gran::time || v.day == 0) {
    return std::nullopt;
  }
  if (ampm) {
    attach_day(ctx, last + 1, v, last);
  }
  return time_candidate(i, last, v);
}

std::optional<Candidate> match_noon(Context& ctx, std::size_t i) {
  const auto part = ctx.at(i).lex.value_as<PartOfDay>();
  if (part != PartOfDay::noon && part != PartOfDay::midnight) {
    return std::nullopt;
  }
  DateVal v;
  v.gran = Gran::time;
  v.hour = part == PartOfDay::noon ? 12 : 24;
  v.minute = 0;
  std::size_t last = i;
  attach_day(ctx, i + 1, v, last);
  if (v.day == 0) {
    return std::nullopt;
  }
  return time_candidate(i, last, v);
}

}  // namespace kb::timex::detail
