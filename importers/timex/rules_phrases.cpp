// The date tagger's rules, part 5: phrases of reports and speech that start with "the" ("the
// year ended June 30", "the full year", "the nineties", "the year two thousand", "the near
// term", "the weeks ahead") and "year-end".
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
  if (n.kind == TokKind::number && n.digits == 4 && n.num >= 1000 && n.num < 2200) {
    DateVal v;
    v.gran = Gran::year;
    v.year = static_cast<int>(n.num);
    return make_date(i, j + 1, v);
  }
  if (n.lex.cat == Cat::numword) {
    const auto count = read_count(ctx, j + 1);
    if (count && count->value >= 1000 && count->value < 2200) {
      DateVal v;
      v.gran = Gran::year;
      v.year = static_cast<int>(count->value);
      return make_date(i, count->last, v);
    }
  }
  return std::nullopt;
}

// "the year ended June 30" (a year's duration; the end date is its own expression) and "the
// year", "the full year", "the fiscal year" (the year the text is about) in reports.
std::optional<Candidate> the_year(Context& ctx, std::size_t i) {
  std::size_t j = i + 1;
  const LowerWord adj = ctx.lower(j);
  if (adj == "full" || adj == "fiscal" || adj == "calendar") {
    ++j;
  }
  if (!is_unit(ctx, j) || ctx.at(j).lex.plural || unit_at(ctx, j) != kYear ||
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
  if (n.kind == TokKind::number || n.lex.cat == Cat::numword || ctx.is_kw(j + 1, kAgo) ||
      ctx.is_kw(j + 1, kEarlier) || ctx.is_kw(j + 1, kLater) || ctx.is_kw(j + 1, kBefore) ||
      ctx.is_kw(j + 1, kAfter) || next == "when" || next == "that" || next == "in") {
    return std::nullopt;  // "the year before", "the year when ..."
  }
  return make_date(i, j, coarsen(ctx.reference(), kYear));
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
  if (is_unit(ctx, i + 1) && ctx.at(i + 1).lex.plural && unit_at(ctx, i + 1) >= kDay &&
      next == "ahead") {
    return make(i, i + 2, TimexType::duration, duration_value(unit_at(ctx, i + 1), -1));
  }
  return std::nullopt;
}

}  // namespace

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
  if (unit_at(ctx, i) != kYear || ctx.at(i).lex.plural) {
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
  DateVal v = coarsen(ctx.reference(), kYear);
  if (i > 0 && ctx.is_kw(i - 1, kSince)) {
    v = shift(v, kYear, -1);
  }
  Candidate c = make_date(i, j, v);
  c.mod = "END";
  return c;
}

}  // namespace kb::timex::detail
