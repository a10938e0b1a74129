// The date tagger's rules, part 2: expressions that start with a word (weekdays, "last week",
// "the past three months", "now", "every year", quarters, seasons, durations in words).
#include <array>

#include "importers/timex/rules.hpp"

namespace kb::timex::detail {
namespace {

constexpr std::array<Gran, 13> kUnitGran = {
    Gran::time,  Gran::time,    Gran::time, Gran::day,  Gran::weekend, Gran::week,   Gran::week,
    Gran::month, Gran::quarter, Gran::half, Gran::year, Gran::decade,  Gran::century};

Gran unit_gran(Unit u) { return kUnitGran[static_cast<std::size_t>(u)]; }

// The TIMEX3 duration for `n` and a half units: "P2Y6M", "PT1M30S", "PT5H30M".
std::string half_duration_value(Unit u, std::int64_t n) {
  std::string whole = duration_value(u, n);
  switch (u) {
    case Unit::year:
      return whole + "6M";
    case Unit::day:
      return whole + "T12H";
    case Unit::hour:
      return whole + "30M";
    case Unit::minute:
      return whole + "30S";
    default:
      return whole;
  }
}

// `base` at the granularity of a unit ("week" of the DCT), moved `n` units.
DateVal unit_relative(const DateVal& base, Unit u, int n) { return shift(coarsen(base, u), u, n); }

// The weekday `wd` (1 = Monday) nearest `ref` in the direction given by the tense.
DateVal resolve_weekday(const DateVal& ref, int wd, Tense tense, bool strict) {
  const date::sys_days d = first_day(ref);
  const int cur = static_cast<int>(date::weekday{d}.iso_encoding());
  int delta = 0;
  if (tense == Tense::future) {
    delta = (wd - cur + 7) % 7;
    if (strict && delta == 0) {
      delta = 7;
    }
  } else {
    delta = -((cur - wd + 7) % 7);
    if (strict && delta == 0) {
      delta = -7;
    }
  }
  return day_value(d + date::days{delta});
}

Tense direction(Rel r) {
  switch (r) {
    case Rel::last:
    case Rel::past:
    case Rel::previous:
    case Rel::prior:
    case Rel::latest:
      return Tense::past;
    case Rel::next:
    case Rel::coming:
    case Rel::following:
      return Tense::future;
    default:
      return Tense::present;
  }
}

// The reference a relative word is resolved against: "the following day" and "the same year"
// refer to the narrative anchor, "next week" to the DCT.
const DateVal& base_for(const Context& ctx, Rel r, std::size_t i) {
  if (r == Rel::next && ctx.is_kw(i - 1, Kw::the)) {
    return ctx.use_anchor();  // "the next day" follows the narrative, "next week" the DCT
  }
  return r == Rel::following || r == Rel::previous || r == Rel::same || r == Rel::that ||
                 r == Rel::prior
             ? ctx.use_anchor()
             : ctx.use_dct_day();
}

std::optional<Candidate> relative_unit(Context& ctx, std::size_t i, Rel r, std::size_t j) {
  const Unit u = unit_at(ctx, j);
  if (ctx.at(j).lex.plural) {
    if (r == Rel::recent || (r == Rel::coming && u >= Unit::day)) {
      // "in recent months", "in coming weeks": an unspecified stretch of months up to now or
      // of weeks from now, as the news corpora mostly annotate them.
      return make(i, j, TimexType::duration, duration_value(u, -1));
    }
    return std::nullopt;
  }
  if (u <= Unit::hour || u == Unit::fortnight || r == Rel::recent) {
    return std::nullopt;
  }
  const DateVal& base = base_for(ctx, r, i);
  if (u == Unit::day && (r == Rel::last || r == Rel::this_word || r == Rel::past ||
                         r == Rel::latest || r == Rel::current)) {
    return std::nullopt;  // "last day", "this day": not a date
  }
  const Tense dir = direction(r);
  const int n = dir == Tense::past ? -1 : dir == Tense::future ? 1 : 0;
  DateVal v;
  if (u == Unit::weekend && r == Rel::this_word) {
    v = coarsen(base, Unit::weekend);
  } else if (u == Unit::quarter && (r == Rel::latest || r == Rel::last) && r != Rel::past) {
    v = unit_relative(base, u, -1);
  } else {
    v = unit_relative(base, u, n);
  }
  if (u == Unit::day && base.gran > Gran::day) {
    return std::nullopt;
  }
  return make_date(i, j, v);
}

std::optional<Candidate> relative_month(Context& ctx, std::size_t i, Rel r, std::size_t j) {
  const int month = ctx.at(j).lex.value;
  const DateVal& ref = ctx.use_dct_day();
  DateVal v;
  v.gran = Gran::month;
  v.month = month;
  const Tense dir = direction(r);
  if (dir == Tense::past) {
    v.year = month < ref.month ? ref.year : ref.year - 1;
  } else if (dir == Tense::future) {
    v.year = month > ref.month ? ref.year : ref.year + 1;
  } else {
    v.year = ref.year;
  }
  return make_date(i, j, v);
}

std::optional<Candidate> relative_season(Context& ctx, std::size_t i, Rel r, std::size_t j) {
  const DateVal& ref = ctx.use_dct_day();
  const int cur = ((ref.month % 12) / 3 + 3) % 4;  // Mar-May spring(0) ... Dec-Feb winter(3)
  const int s = ctx.at(j).lex.value;
  DateVal v;
  v.gran = Gran::season;
  v.sub = s;
  v.year = ref.month <= 2 ? ref.year - 1 : ref.year;  // January is in the last year's winter
  const Tense dir = direction(r);
  if (dir == Tense::past && s >= cur) {
    v.year -= 1;
  } else if (dir == Tense::future && s <= cur) {
    v.year += 1;
  }
  return make_date(i, j, v);
}

}  // namespace

std::optional<Candidate> match_duration(Context& ctx, std::size_t i) {
  auto count = read_count(ctx, i);
  if (!count) {
    return std::nullopt;
  }
  std::size_t j = count->last + 1;
  bool adjective = false;
  if (ctx.is_punct(j, '-') && !ctx.at(j).space_before && is_unit(ctx, j + 1) &&
      !ctx.at(j + 1).space_before) {
    adjective = true;
    ++j;
  } else if (ctx.lower(j) == "more" || ctx.lower(j) == "full" || ctx.lower(j) == "straight") {
    ++j;
  }
  if (!is_unit(ctx, j)) {
    return std::nullopt;
  }
  if (adjective && ctx.is_punct(j + 1, '-') && ctx.lower(j + 2) == "old") {
    return std::nullopt;  // "a 6-year-old boy": an age
  }
  if (!adjective && ctx.is_punct(j + 1, '-') && !ctx.at(j + 1).space_before &&
      (ctx.is_kw(j + 2, Kw::earlier) || ctx.is_kw(j + 2, Kw::ago))) {
    return std::nullopt;  // "a year-earlier loss": the year-earlier rule's
  }
  if (ctx.lower(j + 1) == "old" || (ctx.is_punct(j + 1, '-') && ctx.lower(j + 2) == "old")) {
    return std::nullopt;  // "52 years old": an age, not annotated in the news corpora
  }
  if (unit_at(ctx, j) == Unit::half) {
    return std::nullopt;  // "a half", "one-half share", "about a half million": a fraction
  }
  if (unit_at(ctx, j) == Unit::quarter && ctx.is_kw(j + 1, Kw::of) && !ctx.is_kw(j + 2, Kw::the) &&
      ctx.at(j + 2).kind != TokKind::number && !ctx.is_cat(j + 2, Cat::rel)) {
    return std::nullopt;  // "three-quarters of its food": a fraction
  }
  const Unit u = unit_at(ctx, j);
  const bool plural = ctx.at(j).lex.plural;
  const std::int64_t n = count->value;
  if (!plural && !adjective && ctx.at(i).kind == TokKind::number && ctx.at(i).digits == 4) {
    return std::nullopt;  // "the 1988 quarter": a year naming a period, not 1988 quarters
  }
  const bool article = ctx.is_kw(i, Kw::a) || ctx.is_kw(i, Kw::an);
  if ((article && plural && n == 1) || (n < 0 && !plural && !adjective) ||
      (n == 1 && plural && ctx.at(i).kind == TokKind::number && ctx.at(i).num != 1 && false)) {
    return std::nullopt;
  }
  if (u == Unit::second && article && !plural && ctx.at(j + 1).kind == TokKind::word &&
      ctx.at(j + 1).lex.cat != Cat::kw) {
    return std::nullopt;  // "a second betrayal", "a second group": the ordinal
  }
  if (u == Unit::second && ctx.at(i).kind != TokKind::number && !article && !plural && n == 2) {
    return std::nullopt;
  }
  const int k = static_cast<int>(std::min<std::int64_t>(n, 100000));
  // "a month later than usual", "two weeks earlier than planned": how much later, not when (error
  // class: "will begin its conscription call-up a month later than usual on November 1, 2022"
  // dated a month after the text's last date instead of November 1). TimeML tags the amount.
  if (!adjective && (ctx.is_kw(j + 1, Kw::earlier) || ctx.is_kw(j + 1, Kw::later)) &&
      ctx.lower(j + 2) == "than") {
    if (n < 0) {
      return std::nullopt;  // "some days later than": no amount
    }
    return make(i, j, TimexType::duration, duration_value(u, n));
  }
  // "two weeks ago", "a year earlier", "three days later"
  if (!adjective && (ctx.is_kw(j + 1, Kw::ago) || ctx.is_kw(j + 1, Kw::earlier) ||
                     ctx.is_kw(j + 1, Kw::later) || ctx.is_kw(j + 1, Kw::hence))) {
    const bool ago = ctx.is_kw(j + 1, Kw::ago) || ctx.is_kw(j + 1, Kw::hence);
    const int sign = ctx.is_kw(j + 1, Kw::ago) || ctx.is_kw(j + 1, Kw::earlier) ? -1 : 1;
    if (n < 0) {
      return make(i, j + 1, TimexType::date, sign < 0 ? "PAST_REF" : "FUTURE_REF");
    }
    if (u <= Unit::hour) {
      return make(i, j + 1, TimexType::duration, duration_value(u, n));
    }
    // "a year ago" in a report on a quarter means that quarter a year before.
    const bool period_anchor = ctx.anchor.gran == Gran::quarter || ctx.anchor.gran == Gran::half;
    const bool use_anchor = !ago || (u == Unit::year && period_anchor);
    const DateVal& base = use_anchor ? ctx.use_anchor() : ctx.use_dct_day();
    Gran g = unit_gran(u);
    if (use_anchor && base.gran > g) {
      g = base.gran;
    }
    if (use_anchor && u == Unit::year && base.gran < Gran::year && base.gran > Gran::day) {
      g = base.gran;
    }
    DateVal v = shift(base, u, sign * k);
    const Unit coarse_unit = g == Gran::quarter   ? Unit::quarter
                             : g == Gran::month   ? Unit::month
                             : g == Gran::week    ? Unit::week
                             : g == Gran::year    ? Unit::year
                             : g == Gran::half    ? Unit::half
                             : g == Gran::decade  ? Unit::decade
                             : g == Gran::century ? Unit::century
                                                  : Unit::day;
    if (g != Gran::season) {
      v = coarsen(v, coarse_unit);
    }
    Candidate c = make_date(i, j + 1, v);
    // "a year earlier" looks back from the anchor and leaves it, and so does "compared with a
    // year ago"; "Three years ago" opening a sentence sets the time the text goes on from (error
    // class: "Three years ago, my goal was ... Three years later, Russia launched ..." dated
    // three years after the publication, not after the year "ago" gave). In business news
    // "a year ago" inside a sentence is a comparison: moving the anchor there misdated the
    // "a year earlier" after it (TimeBank wsj_0924, wsj_0950).
    const bool opens_sentence =
        i == 0 || ctx.is_punct(i - 1, '.') || ctx.is_punct(i - 1, '!') ||
        ctx.is_punct(i - 1, '?') ||
        ctx.text.substr(ctx.at(i - 1).end, ctx.at(i).begin - ctx.at(i - 1).end).find('\n') !=
            std::string_view::npos;
    c.backref = sign < 0 && !(ago && opens_sentence);
    return c;
  }
  // "a minute and a half", "an hour and a half"
  std::size_t last = j;
  bool half = count->half;
  if (!half && n >= 0 && ctx.is_kw(j + 1, Kw::and_word) && ctx.is_kw(j + 2, Kw::a) &&
      ctx.lower(j + 3) == "half") {
    half = true;
    last = j + 3;
  }
  return make(i, last, TimexType::duration,
              half ? half_duration_value(u, n) : duration_value(u, n < 0 ? -1 : n));
}

std::optional<Candidate> match_weekday(Context& ctx, std::size_t i) {
  const int wd = ctx.at(i).lex.value;
  if (ctx.lower(i).back() == 's' && ctx.lower(i) != "tues" && ctx.lower(i) != "thurs") {
    return make(i, i, TimexType::set, "XXXX-WXX-" + std::to_string(wd));
  }
  std::size_t j = i + 1;
  if (ctx.is_punct(j, ',')) {
    ++j;
  }
  if (ctx.is_cat(j, Cat::month)) {
    if (auto c = match_month(ctx, j); c && c->date && c->date->gran == Gran::day) {
      c->first = i;
      return c;
    }
  }
  const DateVal& ref =
      ctx.narrative && ctx.anchor.gran == Gran::day ? ctx.use_anchor() : ctx.use_dct_day();
  // "Wednesday's ruling": a possessive weekday is one that has happened.
  const bool possessive = ctx.is_punct(i + 1, '\'') && ctx.lower(i + 2) == "s";
  Tense t = possessive ? Tense::past : ctx.tense_at(i);
  Tense dir = t == Tense::future ? Tense::future : Tense::past;
  if (t == Tense::present && !possessive) {
    // "The summit is on Friday": the present tense of a schedule points at the nearer one.
    const DateVal ahead = resolve_weekday(ref, wd, Tense::future, true);
    const DateVal back = resolve_weekday(ref, wd, Tense::past, false);
    if (first_day(ahead) - first_day(ref) < first_day(ref) - first_day(back)) {
      dir = Tense::future;
    }
  }
  DateVal v = resolve_weekday(ref, wd, dir, false);
  if (ctx.is_cat(i + 1, Cat::part_of_day) &&
      ctx.at(i + 1).lex.value_as<PartOfDay>() <= PartOfDay::night) {
    v.gran = Gran::part_of_day;
    v.sub = ctx.at(i + 1).lex.value;
    Candidate c = make_date(i, i + 1, v);
    c.type = TimexType::date;  // news corpora annotate "Friday night" as a DATE
    return c;
  }
  return make_date(i, i, v);
}

std::optional<Candidate> match_relative(Context& ctx, std::size_t i) {
  const Rel r = static_cast<Rel>(ctx.at(i).lex.value);
  const std::size_t j = i + 1;
  if (r == Rel::next && i > 0 && (ctx.is_kw(i - 1, Kw::every) || ctx.is_kw(i - 1, Kw::each))) {
    return std::nullopt;  // "every next day of the war": no particular day
  }
  // "the past three months", "the next few days", "the last 24 hours"
  if (r == Rel::past || r == Rel::last || r == Rel::next || r == Rel::coming ||
      r == Rel::following || r == Rel::previous || r == Rel::latest) {
    if (auto count = read_count(ctx, j); count && !ctx.is_kw(j, Kw::a) && !ctx.is_kw(j, Kw::an)) {
      if (is_unit(ctx, count->last + 1) && ctx.at(count->last + 1).lex.plural) {
        const Unit u = unit_at(ctx, count->last + 1);
        return make(i, count->last + 1, TimexType::duration,
                    duration_value(u, count->value < 0 ? -1 : count->value));
      }
    }
  }
  if (is_unit(ctx, j)) {
    return relative_unit(ctx, i, r, j);
  }
  if (r == Rel::current || r == Rel::recent) {
    // "current" and "recent" as adjectives of non-temporal nouns still refer to the present
    // and the past in TimeML ("current prices", "recent gains").
    return make(i, i, TimexType::date, r == Rel::current ? "PRESENT_REF" : "PAST_REF");
  }
  if (r == Rel::that || r == Rel::same || r == Rel::prior) {
    return std::nullopt;
  }
  if (ctx.is_cat(j, Cat::month) && ctx.at(j).upper) {
    const std::size_t d = ctx.is_punct(j + 1, '.') ? j + 2 : j + 1;
    if (ctx.at(d).kind == TokKind::number && ctx.at(d).digits <= 2) {
      return std::nullopt;  // "last Oct. 23": the date alone, resolved by the month rule
    }
    return relative_month(ctx, i, r, j);
  }
  if (ctx.is_cat(j, Cat::weekday)) {
    const Tense dir = direction(r);
    if (dir == Tense::present) {
      return make_date(
          i, j, resolve_weekday(ctx.use_dct_day(), ctx.at(j).lex.value, Tense::future, false));
    }
    // "the previous Friday", "the following Monday": from the day last mentioned.
    const DateVal& base = base_for(ctx, r, i);
    const DateVal& from = base.gran == Gran::day ? base : ctx.use_dct_day();
    return make_date(i, j, resolve_weekday(from, ctx.at(j).lex.value, dir, true));
  }
  if (ctx.is_cat(j, Cat::season) && !ctx.at(j).lex.plural) {
    return relative_season(ctx, i, r, j);
  }
  if (ctx.is_cat(j, Cat::part_of_day) && ctx.at(j).lex.value_as<PartOfDay>() <= PartOfDay::night &&
      (r == Rel::this_word || r == Rel::last)) {
    DateVal v = r == Rel::last ? day_value(ctx.use_dct() - date::days{1}) : ctx.use_dct_day();
    v.gran = Gran::part_of_day;
    v.sub = ctx.at(j).lex.value;
    return make_date(i, j, v);
  }
  if (r == Rel::past && ctx.is_kw(i - 1, Kw::the)) {
    return make(i - 1, i, TimexType::date, "PAST_REF");
  }
  return std::nullopt;
}

std::optional<Candidate> match_reference(Context& ctx, std::size_t i) {
  const Ref r = static_cast<Ref>(ctx.at(i).lex.value);
  switch (r) {
    case Ref::now:
    case Ref::currently:
    case Ref::nowadays:
      return make(i, i, TimexType::date, "PRESENT_REF");
    case Ref::recently:
      return make(i, i, TimexType::date, "PAST_REF");
    case Ref::previously:  // "a previously announced offer": TimeML rarely tags it
    case Ref::former:
    case Ref::soon:
    case Ref::then:
    case Ref::once:
      return std::nullopt;
    case Ref::future:
      if (ctx.is_kw(i - 1, Kw::the) || ctx.lower(i - 1) == "near") {
        return make(i, i, TimexType::date, "FUTURE_REF");
      }
      return std::nullopt;
    case Ref::today:
    case Ref::yesterday:
    case Ref::tomorrow:
    case Ref::tonight: {
      const int delta = r == Ref::yesterday ? -1 : r == Ref::tomorrow ? 1 : 0;
      DateVal v = day_value(ctx.use_dct() + date::days{delta});
      std::size_t last = i;
      if (r == Ref::tonight) {
        v.gran = Gran::part_of_day;
        v.sub = static_cast<int>(PartOfDay::night);
      } else if (ctx.is_cat(i + 1, Cat::part_of_day) &&
                 ctx.at(i + 1).lex.value_as<PartOfDay>() <= PartOfDay::night) {
        v.gran = Gran::part_of_day;
        v.sub = ctx.at(i + 1).lex.value;
        last = i + 1;
      }
      return make_date(i, last, v);
    }
    default:
      return std::nullopt;
  }
}

std::optional<Candidate> match_set(Context& ctx, std::size_t i) {
  if (ctx.is_cat(i, Cat::set_word)) {
    if (ctx.lower(i) == "annual" || ctx.lower(i) == "quarterly") {
      return std::nullopt;  // adjectives of reports and dividends, not sets
    }
    const Unit u = static_cast<Unit>(ctx.at(i).lex.value);
    return make(i, i, TimexType::set, duration_value(u, 1));
  }
  // every/each [other|N] unit|weekday
  std::size_t j = i + 1;
  std::int64_t n = 1;
  if (ctx.lower(j) == "other") {
    n = 2;
    ++j;
  } else if (auto c = read_count(ctx, j);
             c && (ctx.at(j).kind != TokKind::word || ctx.is_cat(j, Cat::numword))) {
    n = c->value;
    j = c->last + 1;
  }
  if (is_unit(ctx, j) && unit_at(ctx, j) != Unit::half) {
    return make(i, j, TimexType::set, duration_value(unit_at(ctx, j), n));
  }
  if (ctx.is_cat(j, Cat::weekday)) {
    return make(i, j, TimexType::set, "XXXX-WXX-" + std::to_string(ctx.at(j).lex.value));
  }
  return std::nullopt;
}

std::optional<Candidate> match_first_n(Context& ctx, std::size_t i) {
  // "the first nine months", "the first two quarters of 1998": a duration.
  if (ctx.at(i).lex.value != 1) {
    return std::nullopt;
  }
  auto count = read_count(ctx, i + 1);
  if (!count || ctx.is_kw(i + 1, Kw::a) || ctx.is_kw(i + 1, Kw::an) ||
      !is_unit(ctx, count->last + 1) || !ctx.at(count->last + 1).lex.plural) {
    return std::nullopt;
  }
  return make(i, count->last + 1, TimexType::duration,
              duration_value(unit_at(ctx, count->last + 1), count->value));
}

std::optional<Candidate> match_the(Context& ctx, std::size_t i) {
  if (auto c = match_the_phrase(ctx, i)) {
    return c;
  }
  // "the latest period": in a report on a quarter, that quarter.
  if (ctx.period && ctx.lower(i + 1) == "latest" && ctx.lower(i + 2) == "period") {
    return make_date(i, i + 2, *ctx.period);
  }
  const std::size_t j = i + 1;
  if (!is_unit(ctx, j) || ctx.at(j).lex.plural) {
    return std::nullopt;
  }
  const Unit u = unit_at(ctx, j);
  // "the week of March 6": the ISO week holding that day.
  if (u == Unit::week && ctx.is_kw(j + 1, Kw::of) && ctx.is_cat(j + 2, Cat::month)) {
    if (auto c = match_month(ctx, j + 2); c && c->date && c->date->gran == Gran::day) {
      return make_date(i, c->last, coarsen(*c->date, Unit::week));
    }
  }
  // "the quarter": the quarter the text is about.
  if (u == Unit::quarter && !ctx.is_kw(j + 1, Kw::of)) {
    return make_date(i, j, ctx.period.value_or(coarsen(ctx.use_anchor(), Unit::quarter)));
  }
  // "the weekend": the one just past (or coming, in the future tense).
  if (u == Unit::weekend) {
    const Tense t = ctx.tense_at(i);
    const date::sys_days d = ctx.use_dct();
    const int wd = static_cast<int>(date::weekday{d}.iso_encoding());
    DateVal v = coarsen(ctx.use_dct_day(), Unit::weekend);
    if (t != Tense::future && wd < 6) {
      v = shift(v, Unit::week, -1);
    }
    return make_date(i, j, v);
  }
  // "the year-earlier quarter", "the year-ago period"
  if (u == Unit::year && ctx.is_punct(j + 1, '-') &&
      (ctx.is_kw(j + 2, Kw::earlier) || ctx.is_kw(j + 2, Kw::ago))) {
    std::size_t last = j + 2;
    const LowerWord next = ctx.lower(j + 3);
    if (next == "quarter" || next == "period") {
      last = j + 3;
    }
    Candidate c = make_date(i, last, shift(ctx.period.value_or(ctx.use_anchor()), Unit::year, -1));
    c.backref = true;
    return c;
  }
  return std::nullopt;
}

std::optional<Candidate> match_bare_unit(Context& ctx, std::size_t i) {
  // "year-earlier", "year-ago": the anchor a year before.
  if (unit_at(ctx, i) == Unit::year && !ctx.at(i).lex.plural && ctx.is_punct(i + 1, '-') &&
      (ctx.is_kw(i + 2, Kw::earlier) || ctx.is_kw(i + 2, Kw::ago)) && !ctx.at(i + 1).space_before) {
    Candidate c = make_date(i, i + 2, shift(ctx.period.value_or(ctx.use_anchor()), Unit::year, -1));
    c.backref = true;
    return c;
  }
  // "for years", "within weeks": an unspecified duration.
  if (ctx.at(i).lex.plural && i > 0 &&
      (ctx.is_kw(i - 1, Kw::for_word) || ctx.is_kw(i - 1, Kw::within) ||
       ctx.is_kw(i - 1, Kw::over) || ctx.is_kw(i - 1, Kw::in) || ctx.is_kw(i - 1, Kw::after)) &&
      unit_at(ctx, i) >= Unit::day && !ctx.is_kw(i + 1, Kw::of)) {
    return make(i, i, TimexType::duration, duration_value(unit_at(ctx, i), -1));
  }
  return std::nullopt;
}

}  // namespace kb::timex::detail
