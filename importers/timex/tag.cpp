// tag(): the date tagger's main loop, the span conventions of TimeML (determiners and
// modifiers inside the span, signals such as "since" outside) and the user-facing resolver.
#include <algorithm>

#include "importers/timex/internal.hpp"
#include "importers/timex/rules.hpp"
#include "importers/timex/tagger.hpp"

namespace kb::timex {
namespace {

using detail::Candidate;

using detail::Context;
using detail::Gran;
using detail::LowerWord;
using detail::TokKind;

// TIMEX3 mods of the words that may precede a duration ("nearly forty years").
std::string approx_mod(const Context& ctx, std::size_t i, std::size_t& first) {
  if (i == 0) {
    return {};
  }
  const LowerWord w = ctx.lower(i - 1);
  if (w == "about" || w == "around" || w == "approximately" || w == "roughly" || w == "some") {
    first = i - 1;
    return "APPROX";
  }
  if (w == "nearly" || w == "almost") {
    first = i - 1;
    return "LESS_THAN";
  }
  if (w == "over") {
    first = i - 1;
    return "MORE_THAN";
  }
  if (w == "than" && i >= 2) {
    const LowerWord v = ctx.lower(i - 2);
    if (v == "more" || v == "less" || v == "fewer") {
      first = i - 2;
      return v == "more" ? "MORE_THAN" : "LESS_THAN";
    }
  }
  if (w == "least" && i >= 2 && ctx.is_kw(i - 2, Kw::at)) {
    first = i - 2;
    return "EQUAL_OR_MORE";
  }
  if (w == "to" && i >= 2 && ctx.lower(i - 2) == "up") {
    first = i - 2;
    return "EQUAL_OR_LESS";
  }
  return {};
}

// "early", "mid-", "late", "the end of", "the beginning of": widens `c` and sets its mod.
void widen_with_modifier(const Context& ctx, Candidate& c) {
  std::size_t i = c.first;
  if (i >= 1 && ctx.is_punct(i - 1, '-') && i >= 2 && ctx.is_cat(i - 2, Cat::mod) &&
      !ctx.at(i).space_before) {
    i -= 1;  // "mid-1990s"
  }
  if (i >= 1 && ctx.is_cat(i - 1, Cat::mod)) {
    const auto m = static_cast<Mod>(ctx.at(i - 1).lex.value);
    if (m == Mod::early || m == Mod::mid || m == Mod::late) {
      c.first = i - 1;
      c.mod = m == Mod::early ? "START" : m == Mod::mid ? "MID" : "END";
      return;
    }
  }
  // "earlier this year", "later today"
  if (i >= 1 && (ctx.is_kw(i - 1, Kw::earlier) || ctx.is_kw(i - 1, Kw::later)) &&
      (ctx.is_cat(i, Cat::rel) || ctx.is_cat(i, Cat::ref))) {
    c.first = i - 1;
    c.mod = ctx.is_kw(i - 1, Kw::earlier) ? "START" : "END";
    return;
  }
  if (i >= 2 && ctx.is_kw(i - 1, Kw::of) && ctx.is_cat(i - 2, Cat::mod)) {
    const auto m = static_cast<Mod>(ctx.at(i - 2).lex.value);
    if (m == Mod::beginning || m == Mod::end || m == Mod::middle) {
      c.first = i - 2;
      c.mod = m == Mod::beginning ? "START" : m == Mod::end ? "END" : "MID";
    }
  }
}

// "the day before last Tuesday", "the day after Christmas": the day next to a named day.
void widen_day_before_after(const Context& ctx, Candidate& c, std::size_t free_from) {
  const std::size_t i = c.first;
  if (!c.date || c.date->gran != Gran::day || c.date->bc || i < 2 || i - 2 < free_from ||
      !(ctx.is_kw(i - 1, Kw::before) || ctx.is_kw(i - 1, Kw::after)) ||
      !ctx.is_cat(i - 2, Cat::unit) || ctx.at(i - 2).lex.value_as<Unit>() != Unit::day ||
      ctx.at(i - 2).lex.plural) {
    return;
  }
  const int step = ctx.is_kw(i - 1, Kw::before) ? -1 : 1;
  c.date = detail::day_value(detail::first_day(*c.date) + date::days{step});
  c.value = detail::format_value(*c.date);
  c.first = i - 2;
}

// Whether a "the" right before the candidate belongs to it (TimeML puts determiners inside:
// "the third quarter", "the 1990s", "the past three months"; not "the 2014 annexation").
bool takes_determiner(const Context& ctx, const Candidate& c) {
  const detail::Token& t = ctx.at(c.first);
  if (c.type == TimexType::duration) {
    return !(ctx.is_punct(c.last - 1, '-'));  // not "the 10-year plan"
  }
  if (t.lex.cat == Cat::month || t.lex.cat == Cat::weekday) {
    return false;
  }
  if (c.first == c.last && t.lex.cat == Cat::rel) {
    return false;  // "the current", "the recent": TimeML tags the adjective alone
  }
  if (ctx.is_punct(c.first + 1, '-') && !ctx.at(c.first + 1).space_before &&
      t.lex.cat != Cat::mod) {
    return false;  // hyphenated adjectives: "third-quarter results"
  }
  if (t.kind == TokKind::number) {
    return c.date && (c.date->gran == Gran::decade || c.date->gran == Gran::century ||
                      c.date->gran == Gran::quarter);  // "the 1988 third quarter"
  }
  return c.date.has_value() || c.value == "PAST_REF" || c.value == "FUTURE_REF" ||
         c.value == "PRESENT_REF";
}

// Whether tokens i (a month name) and its neighbour write a month and day ("March 21", "21
// March") that lies within three days of the DCT in the DCT's year: a report of its own days.
bool month_day_near(const Context& ctx, std::size_t i, date::sys_days dct) {
  const auto day_at = [&](std::size_t k) -> unsigned {
    const detail::Token& d = ctx.toks[k];
    return d.kind == detail::TokKind::number && d.digits <= 2 && d.num >= 1 && d.num <= 31
               ? static_cast<unsigned>(d.num)
               : 0U;
  };
  unsigned day = i + 1 < ctx.toks.size() ? day_at(i + 1) : 0U;
  std::size_t last = i + 1;  // the date's last token
  if (day == 0 && i > 0) {
    day = day_at(i - 1);
    last = i;
  }
  if (day == 0) {
    return false;
  }
  // "December 10, 1941" states its year: no evidence either way.
  std::size_t next = last + 1;
  if (next < ctx.toks.size() && ctx.toks[next].kind == detail::TokKind::punct &&
      ctx.toks[next].punct == ',') {
    ++next;
  }
  if (next < ctx.toks.size() && detail::is_year_token(ctx, next)) {
    return false;
  }
  const date::year_month_day ymd{date::year_month_day{dct}.year(),
                                 date::month{static_cast<unsigned>(ctx.toks[i].lex.value)},
                                 date::day{std::min(day, 28U)}};
  const auto gap = (date::sys_days{ymd} - dct).count();
  return gap >= -3 && gap <= 3;
}

// A document reads as a history narrative when most of its explicit years are well before
// the DCT; then underspecified dates are resolved against the last mentioned date. Weekdays,
// "yesterday", "today" and month-days within three days of the DCT are a report on the days
// around the DCT, and count against it (error class: an ISW report that names a rifle "first
// produced in 1891" and "1973" read its "March 21" as 1891-03-21).
bool is_narrative(const Context& ctx, date::sys_days dct) {
  const int dct_year = static_cast<int>(date::year_month_day{dct}.year());
  int old = 0;
  int recent = 0;
  int deictic = 0;
  for (std::size_t i = 0; i < ctx.toks.size(); ++i) {
    const detail::Token& t = ctx.toks[i];
    if (detail::is_year_token(ctx, i)) {
      (t.num < dct_year - 3 ? old : recent) += 1;
    } else if ((t.lex.cat == Cat::weekday && !t.lex.plural) ||
               (t.lex.cat == Cat::ref &&
                (t.lex.value_as<Ref>() == Ref::today || t.lex.value_as<Ref>() == Ref::yesterday ||
                 t.lex.value_as<Ref>() == Ref::tomorrow)) ||
               (t.lex.cat == Cat::month && !t.lex.plural && month_day_near(ctx, i, dct))) {
      deictic += 1;
    }
  }
  return old >= 3 && old > 2 * recent && old >= 4 * deictic;
}

std::optional<kb::FuzzyDate> fuzzy_of(const Candidate& c) {
  if (!c.date || c.date->bc) {
    return std::nullopt;
  }
  detail::DateVal v = *c.date;
  if (v.gran <= Gran::part_of_day) {
    v.gran = Gran::day;
  }
  auto fd = kb::FuzzyDate::from_timex(detail::format_value(v));
  if (!fd) {
    return std::nullopt;
  }
  const auto m = c.mod == "START" ? kb::Modifier::early
                 : c.mod == "MID" ? kb::Modifier::mid
                 : c.mod == "END" ? kb::Modifier::late
                                  : kb::Modifier::none;
  return m == kb::Modifier::none ? *fd : fd->with_modifier(m);
}

// "since 2014", "until 2014", "before 2014", "after 2014": the signal word before a date
// qualifies its FuzzyDate (the TIMEX3 span and value stay those of the date).
void apply_signal(const Context& ctx, std::size_t first, Timex& t) {
  if (!t.date || first == 0 || t.date->modifier() != kb::Modifier::none) {
    return;
  }
  const std::size_t p = ctx.is_kw(first - 1, Kw::the) && first >= 2 ? first - 2 : first - 1;
  if (ctx.is_kw(p, Kw::since)) {
    t.date = t.date->with_modifier(kb::Modifier::since);
  } else if (ctx.is_kw(p, Kw::until) || ctx.is_kw(p, Kw::till)) {
    t.date = t.date->with_modifier(kb::Modifier::until);
  } else if (ctx.is_kw(p, Kw::before)) {
    t.date = t.date->with_modifier(kb::Modifier::before);
  } else if (ctx.is_kw(p, Kw::after)) {
    t.date = t.date->with_modifier(kb::Modifier::after);
  }
}

// Notes a quarter or half as the period a report is about ("the quarter", "year-ago" refer to
// it) if it has begun by the DCT and began less than about 15 months before it. A period that
// had ended by the DCT (the one reported) is not replaced by one still running ("continue into
// the fourth quarter"); a forecast ("through the third quarter of 1990") or an old comparison
// ("the 1988 period") is never the period.
void note_period(Context& ctx, const detail::DateVal& v) {
  const bool quarter = v.gran == Gran::quarter;
  if (!quarter && v.gran != Gran::half) {
    return;
  }
  if (ctx.narrative) {
    ctx.period = v;
    return;
  }
  const date::sys_days begin = detail::first_day(v);
  const bool ended = detail::first_day(detail::shift(v, quarter ? Unit::quarter : Unit::half, 1)) <=
                     ctx.dct + date::days{1};
  if (begin > ctx.dct || begin <= ctx.dct - date::days{456} ||
      (!ended && ctx.period && ctx.period_ended)) {
    return;
  }
  ctx.period = v;
  ctx.period_ended = ended;
}

}  // namespace

std::vector<Timex> tag(std::string_view text, date::sys_days dct, const TagOptions& options) {
  return tag(text, text::scan(text), dct, options);
}

std::vector<Timex> tag(std::string_view text, std::span<const text::Piece> pieces,
                       date::sys_days dct, const TagOptions& options) {
  const std::vector<detail::Token> toks = detail::tokenize(text, pieces);
  Context ctx(text, toks, dct);
  ctx.narrative = options.narrative_anchoring && is_narrative(ctx, dct);
  std::vector<Timex> out;
  std::string dct_value;         // the DCT as a TIMEX3 value, for Timex::reference
  std::size_t prev_end_tok = 0;  // first token not yet covered by an earlier timex
  for (std::size_t i = 0; i < toks.size();) {
    if (!detail::can_start(toks[i])) {
      ++i;
      continue;
    }
    std::optional<Candidate> c = detail::match_at(ctx, i);
    if (!c || c->first < prev_end_tok) {
      ++i;
      continue;
    }
    std::uint8_t steps = 0;
    const auto widened = [&](std::size_t first, std::uint8_t step) {
      if (c->first != first) {
        steps |= step;
      }
    };
    if (c->type == TimexType::date || c->type == TimexType::time) {
      std::size_t first = c->first;
      widen_with_modifier(ctx, *c);
      widened(first, kStepModifier);
      first = c->first;
      widen_day_before_after(ctx, *c, prev_end_tok);
      widened(first, kStepDayBefore);
    }
    if (c->type == TimexType::duration ||
        (c->type == TimexType::date && ctx.is_kw(c->last, Kw::ago))) {
      std::size_t first = c->first;
      std::string mod = approx_mod(ctx, c->first, first);
      if (!mod.empty() && first >= prev_end_tok) {
        c->first = first;
        c->mod = mod;
        steps |= kStepApprox;
      }
    }
    if (c->first >= 1 && c->first - 1 >= prev_end_tok && ctx.is_kw(c->first - 1, Kw::the) &&
        takes_determiner(ctx, *c)) {
      c->first -= 1;
      steps |= kStepDeterminer;
    }
    if (c->first < prev_end_tok) {
      ++i;
      continue;
    }
    Timex t;
    t.begin = toks[c->first].begin;
    t.end = toks[c->last].end;
    t.type = c->type;
    t.value = c->value;
    t.mod = c->mod;
    t.date = fuzzy_of(*c);
    const auto modifier = t.date ? t.date->modifier() : kb::Modifier::none;
    apply_signal(ctx, c->first, t);
    if (t.date && t.date->modifier() != modifier) {
      steps |= kStepSignal;
    }
    t.rule = c->rule;
    // The anchor is the DCT until the text states a date of its own.
    if (c->used_dct || c->used_anchor) {
      if (dct_value.empty()) {
        dct_value = format_value(ctx.dct_day);  // once per text, when first needed
      }
      t.reference = c->used_anchor ? format_value(ctx.anchor) : dct_value;
      if (t.reference != dct_value) {
        steps |= kStepNarrative;
      }
    }
    t.steps = steps;
    if (c->date && !c->date->bc && !c->backref && c->date->gran != Gran::century &&
        c->date->gran != Gran::decade) {
      ctx.anchor = *c->date;
      note_period(ctx, *c->date);
    }
    out.push_back(std::move(t));
    prev_end_tok = c->last + 1;
    i = c->last + 1;
  }
  return out;
}

Tense sentence_tense(std::string_view text, std::size_t offset) {
  // Tokenise only a window around the offset: the tense cues are within a sentence.
  const std::size_t from = offset > 400 ? offset - 400 : 0;
  const std::size_t to = std::min(text.size(), offset + 400);
  const std::string_view window = text.substr(from, to - from);
  const std::vector<detail::Token> toks = detail::tokenize(window);
  Context ctx(window, toks, date::sys_days{});
  std::size_t i = 0;
  while (i + 1 < toks.size() && toks[i + 1].begin <= offset - from) {
    ++i;
  }
  return toks.empty() ? Tense::none : ctx.tense_at(i);
}

kb::Result<kb::FuzzyDate> resolve_expression(std::string_view expr, date::sys_days today) {
  std::size_t b = 0;
  std::size_t e = expr.size();
  while (b < e && (expr[b] == ' ' || expr[b] == '\t')) {
    ++b;
  }
  while (e > b && (expr[e - 1] == ' ' || expr[e - 1] == '\t')) {
    --e;
  }
  const std::string_view trimmed = expr.substr(b, e - b);
  const std::vector<Timex> found = tag(trimmed, today, TagOptions{false});
  if (found.size() == 1 && found[0].begin == 0 && found[0].end == trimmed.size() && found[0].date) {
    return *found[0].date;
  }
  auto parsed = kb::FuzzyDate::parse(trimmed);
  if (parsed) {
    return parsed;
  }
  return kb::fail(kb::Errc::invalid_argument, "not a date: '" + std::string(expr) + "'");
}

}  // namespace kb::timex
