// The date tagger's rules, part 5: phrases of reports and speech that start with "the" ("the
// year ended June 30", "the full year", "the nineties", "the year two thousand", "the near
// term", "the weeks ahead"), "year-end" and the days of a span ("June 23-24", "20-21 May").
#include <array>

#include "importers/timex/rules.hpp"

namespace kb::timex::detail {
namespace {

// "the twenties" ... "the nineties": decades of the twentieth century.
constexpr std::array kDecadeWords = {"twenties", "thirties",  "forties",  "fifties",
                                     "sixties",  "seventies", "eighties", "nineties"};

// "the year 2000", "the year two thousand": that year, "the year" included.
std::optional<Candidate> the_year_named(const Context& ctx, std::size_t i, std::size_t j) {
  const Token& n = ctx.at(j + 1);
  std::optional<Count> year;
  if (n.kind == TokKind::number && n.digits == 4) {
    year = Count{n.num, j + 1};
  } else if (n.lex.cat == Cat::numword) {
    year = read_count(ctx, j + 1);
  }
  if (!year || year->value < 1000 || year->value >= 2200) {
    return std::nullopt;
  }
  DateVal v;
  v.gran = Gran::year;
  v.year = static_cast<int>(year->value);
  return make_date(i, year->last, v);
}

// "the year ended June 30" (a year's duration; the end date is its own expression) and "the
// year", "the full year", "the fiscal year" (the year the text is about) in reports.
std::optional<Candidate> the_year(Context& ctx, std::size_t i) {
  std::size_t j = i + 1;
  const LowerWord adj = ctx.lower(j);
  if (adj == "full" || adj == "fiscal" || adj == "calendar") {
    ++j;
  }
  if (!is_unit(ctx, j) || ctx.at(j).lex.plural || unit_at(ctx, j) != Unit::year ||
      ctx.is_punct(j + 1, '-')) {
    return std::nullopt;
  }
  if (auto named = the_year_named(ctx, i, j)) {
    return named;
  }
  const LowerWord next = ctx.lower(j + 1);
  if (next == "ended" || next == "ending") {
    return make(i, j, TimexType::duration, "P1Y");
  }
  const Token& n = ctx.at(j + 1);
  if (n.kind == TokKind::number || n.lex.cat == Cat::numword || ctx.is_kw(j + 1, Kw::ago) ||
      ctx.is_kw(j + 1, Kw::earlier) || ctx.is_kw(j + 1, Kw::later) ||
      ctx.is_kw(j + 1, Kw::before) || ctx.is_kw(j + 1, Kw::after) || next == "when" ||
      next == "that" || next == "in") {
    return std::nullopt;  // "the year before", "the year when ..."
  }
  return make_date(i, j, coarsen(ctx.reference(), Unit::year));
}

// "the nineties" (only after "the": "in his forties" is an age).
std::optional<Candidate> the_decade(const Context& ctx, std::size_t i) {
  const LowerWord w = ctx.lower(i + 1);
  for (std::size_t k = 0; k < kDecadeWords.size(); ++k) {
    if (w == kDecadeWords[k]) {
      DateVal v;
      v.gran = Gran::decade;
      v.year = 1920 + static_cast<int>(k) * 10;
      return make_date(i, i + 1, v);
    }
  }
  return std::nullopt;
}

// "the near term", "the short term", "the near future": the future; "the weeks ahead": an
// unspecified stretch of weeks from now.
std::optional<Candidate> the_future(const Context& ctx, std::size_t i) {
  const LowerWord w = ctx.lower(i + 1);
  const LowerWord next = ctx.lower(i + 2);
  if ((w == "near" || w == "short") && next == "term") {
    return make(i, i + 2, TimexType::date, "FUTURE_REF");
  }
  if (w == "near" && next == "future") {
    return make(i, i + 2, TimexType::date, "FUTURE_REF");
  }
  if (is_unit(ctx, i + 1) && ctx.at(i + 1).lex.plural && unit_at(ctx, i + 1) >= Unit::day &&
      next == "ahead") {
    return make(i, i + 2, TimexType::duration, duration_value(unit_at(ctx, i + 1), -1));
  }
  return std::nullopt;
}

// A day number 1..31 at token i, or 0.
int day_number(const Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  return t.kind == TokKind::number && t.digits <= 2 && t.num >= 1 && t.num <= 31
             ? static_cast<int>(t.num)
             : 0;
}

// Whether token k joins two days of one span: "-", "and", "to", "through".
bool joins_days(const Context& ctx, std::size_t k) {
  return ctx.is_punct(k, '-') || ctx.is_kw(k, Kw::and_word) || ctx.is_kw(k, Kw::to) ||
         ctx.lower(k) == "through";
}

}  // namespace

std::optional<Candidate> match_day_span(Context& ctx, std::size_t i) {
  const int d = day_number(ctx, i);
  if (d == 0 || !joins_days(ctx, i + 1)) {
    // "June 23-24", "April 24 and 25": the second day, in the month of the date before it.
    if (d == 0 || i < 2 || !joins_days(ctx, i - 1) || ctx.use_anchor().gran != Gran::day ||
        day_number(ctx, i - 2) != ctx.use_anchor().day || d <= ctx.use_anchor().day ||
        ctx.is_cat(i + 1, Cat::month) || ctx.is_cat(i + 1, Cat::unit) || ctx.is_punct(i + 1, ':')) {
      return std::nullopt;
    }
    if (!valid_day(ctx.use_anchor().year, ctx.use_anchor().month, d)) {
      return std::nullopt;
    }
    DateVal v = ctx.use_anchor();
    v.day = d;
    return make_date(i, i, v);
  }
  // "20-21 May 2023", "20 and 21 May": the first day, in the month of the date after it.
  const int second = day_number(ctx, i + 2);
  if (second <= d) {
    return std::nullopt;
  }
  auto after = match_number(ctx, i + 2);
  if (!after || !after->date || after->date->gran != Gran::day || after->date->day != second) {
    return std::nullopt;
  }
  DateVal v = *after->date;
  v.day = d;
  Candidate c = make_date(i, i, v);
  c.explicit_year = after->explicit_year;
  return c;
}

std::optional<Candidate> match_the_phrase(Context& ctx, std::size_t i) {
  if (auto c = the_year(ctx, i)) {
    return c;
  }
  if (auto c = the_decade(ctx, i)) {
    return c;
  }
  return the_future(ctx, i);
}

std::optional<Candidate> match_year_end(Context& ctx, std::size_t i) {
  // "year-end", "year end", "year's end"
  if (unit_at(ctx, i) != Unit::year || ctx.at(i).lex.plural) {
    return std::nullopt;
  }
  std::size_t j = i + 1;
  if (ctx.is_punct(j, '-') && !ctx.at(j).space_before) {
    ++j;
  } else if (ctx.is_punct(j, '\'') && ctx.lower(j + 1) == "s") {
    j += 2;
  }
  if (ctx.lower(j) != "end" || ctx.is_punct(j + 1, '-')) {
    return std::nullopt;  // "year-end bonuses" is fine; "year-end-" is not a phrase we know
  }
  // "since year-end" is the last one; otherwise the end of the year reported on.
  DateVal v = coarsen(ctx.reference(), Unit::year);
  if (i > 0 && ctx.is_kw(i - 1, Kw::since)) {
    v = shift(v, Unit::year, -1);
  }
  Candidate c = make_date(i, j, v);
  c.mod = "END";
  return c;
}

}  // namespace kb::timex::detail
