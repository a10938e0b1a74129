// The date tagger's rules, part 3: calendar units named by words: quarters and halves
// ("the third quarter", "Q3 2014", "fiscal 1998"), seasons, ordinal centuries.
#include "importers/timex/rules.hpp"

namespace kb::timex::detail {

int infer_year(int month, const DateVal& ref, Tense tense) {
  if (tense == Tense::past && month > ref.month) {
    return ref.year - 1;
  }
  if (tense == Tense::future && month < ref.month) {
    return ref.year + 1;
  }
  return ref.year;
}

namespace {

// Ordinal 1..4 at token i: "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th".
std::optional<Count> read_ordinal(const Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  if (t.lex.cat == Cat::ordinal) {
    return Count{t.lex.value, i};
  }
  if (t.kind == TokKind::word && ctx.lower(i) == "second") {
    return Count{2, i};
  }
  if (t.kind == TokKind::number && t.digits == 1 && ctx.at(i + 1).kind == TokKind::word &&
      !ctx.at(i + 1).space_before) {
    const LowerWord s = ctx.lower(i + 1);
    if (s == "st" || s == "nd" || s == "rd" || s == "th") {
      return Count{t.num, i + 1};
    }
  }
  return std::nullopt;
}

// "of 1998", "1998", "of this year", "of last year" after a quarter; the year and last token.
std::optional<Count> quarter_year(const Context& ctx, std::size_t i) {
  std::size_t j = ctx.is_kw(i, Kw::of) ? i + 1 : i;
  if (ctx.is_kw(j, Kw::fiscal)) {
    ++j;
  }
  const Token& t = ctx.at(j);
  if (t.kind == TokKind::number && t.digits == 4 && t.num >= 1000 && t.num < 2200) {
    return Count{t.num, j};
  }
  if (ctx.is_cat(j, Cat::rel) && ctx.is_cat(j + 1, Cat::unit) &&
      ctx.at(j + 1).lex.value_as<Unit>() == Unit::year && ctx.is_kw(i, Kw::of)) {
    const auto r = static_cast<Rel>(ctx.at(j).lex.value);
    const int y = ctx.use_dct_day().year + (r == Rel::last ? -1 : r == Rel::next ? 1 : 0);
    return Count{y, j + 1};
  }
  return std::nullopt;
}

// A year before a quarter: "1988" in "the 1988 third quarter", "this year's" in "this year's
// third quarter" (also "last year's", "next year's"). The year and the last token, or none.
std::optional<Count> year_prefix(const Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  if (t.kind == TokKind::number && t.digits == 4 && t.num >= 1000 && t.num < 2200) {
    return Count{t.num, i};
  }
  if (ctx.is_cat(i, Cat::rel) && ctx.is_cat(i + 1, Cat::unit) && !ctx.at(i + 1).lex.plural &&
      ctx.at(i + 1).lex.value_as<Unit>() == Unit::year && ctx.is_punct(i + 2, '\'') &&
      ctx.lower(i + 3) == "s") {
    const auto r = static_cast<Rel>(ctx.at(i).lex.value);
    if (r != Rel::last && r != Rel::next && r != Rel::this_word) {
      return std::nullopt;
    }
    return Count{ctx.use_dct_day().year + (r == Rel::last ? -1 : r == Rel::next ? 1 : 0), i + 3};
  }
  return std::nullopt;
}

// "the 1988 third quarter", "this year's third quarter", "last year's quarter", "the 1989
// period": a quarter of a stated year; a bare "quarter"/"period" is the quarter the text is
// about (the last one mentioned).
std::optional<Candidate> match_year_quarter(const Context& ctx, std::size_t i) {
  const auto year = year_prefix(ctx, i);
  if (!year) {
    return std::nullopt;
  }
  std::size_t k = year->last + 1;
  DateVal v;
  if (auto ord = read_ordinal(ctx, k);
      ord && ord->value >= 1 && ord->value <= 4 && ctx.is_cat(ord->last + 1, Cat::unit) &&
      !ctx.at(ord->last + 1).lex.plural &&
      ctx.at(ord->last + 1).lex.value_as<Unit>() == Unit::quarter) {
    v.gran = Gran::quarter;
    v.sub = static_cast<int>(ord->value);
    k = ord->last + 1;
  } else if (ctx.is_cat(k, Cat::unit) && !ctx.at(k).lex.plural &&
             ctx.at(k).lex.value_as<Unit>() == Unit::quarter) {
    // "the 1988 quarter": the quarter the text is about (as "the quarter"), in that year.
    v = ctx.period.value_or(coarsen(ctx.use_anchor(), Unit::quarter));
  } else if (ctx.period && ctx.lower(k) == "period") {
    v = *ctx.period;
  } else {
    return std::nullopt;
  }
  v.year = static_cast<int>(year->value);
  return date_candidate(i, k, v, true);
}

}  // namespace

std::optional<Candidate> match_quarter(Context& ctx, std::size_t i) {
  if (auto c = match_year_quarter(ctx, i)) {
    return c;
  }
  std::size_t j = i;
  // "fiscal 1998", "fiscal year 1998", "FY2023"
  if (ctx.is_kw(j, Kw::fiscal) || ctx.is_kw(j, Kw::fy)) {
    std::size_t k = j + 1;
    if (ctx.is_cat(k, Cat::unit) && ctx.at(k).lex.value_as<Unit>() == Unit::year) {
      ++k;
    }
    const Token& y = ctx.at(k);
    if (y.kind == TokKind::number && (y.digits == 4 || y.digits == 2)) {
      DateVal v;
      v.gran = Gran::year;
      v.year = static_cast<int>(y.digits == 4 ? y.num : (y.num < 50 ? 2000 : 1900) + y.num);
      return date_candidate(i, k, v, true);
    }
    ++j;
  }
  // "Q3", "Q3 2014", "H1"
  int n = 0;
  Unit unit = Unit::quarter;
  std::size_t last = 0;
  const LowerWord w = ctx.lower(j);
  if ((w == "q" || w == "h") && ctx.at(j + 1).kind == TokKind::number &&
      !ctx.at(j + 1).space_before && ctx.at(j + 1).digits == 1) {
    n = static_cast<int>(ctx.at(j + 1).num);
    unit = w == "q" ? Unit::quarter : Unit::half;
    last = j + 1;
  } else if (auto ord = read_ordinal(ctx, j)) {
    std::size_t k = ord->last + 1;
    if (ctx.is_punct(k, '-') && !ctx.at(k).space_before) {
      ++k;
    }
    if (!ctx.is_cat(k, Cat::unit) || ctx.at(k).lex.plural ||
        (ctx.at(k).lex.value_as<Unit>() != Unit::quarter &&
         ctx.at(k).lex.value_as<Unit>() != Unit::half)) {
      return std::nullopt;
    }
    n = static_cast<int>(ord->value);
    unit = static_cast<Unit>(ctx.at(k).lex.value);
    last = k;
  } else if ((w == "last" || w == "latter" || w == "final") && ctx.lower(j + 1) == "half" &&
             ctx.is_kw(j + 2, Kw::of) && quarter_year(ctx, j + 2)) {
    // "the last half of 1989": the second half of that year (alone, "the last half" is the
    // half before the present one, a relative expression).
    n = 2;
    unit = Unit::half;
    last = j + 1;
  } else {
    return std::nullopt;
  }
  if (n < 1 || n > (unit == Unit::quarter ? 4 : 2)) {
    return std::nullopt;
  }
  DateVal v;
  v.gran = unit == Unit::quarter ? Gran::quarter : Gran::half;
  v.sub = n;
  bool explicit_year = false;
  if (auto y = quarter_year(ctx, last + 1)) {
    v.year = static_cast<int>(y->value);
    last = y->last;
    explicit_year = true;
  } else {
    const DateVal& ref = ctx.reference();
    const int cur = unit == Unit::quarter ? (ref.month - 1) / 3 + 1 : (ref.month - 1) / 6 + 1;
    v.year = ref.year;
    if (!ctx.narrative && n > cur && ctx.tense_at(i) != Tense::future) {
      v.year -= 1;
    }
  }
  return date_candidate(i, last, v, explicit_year);
}

std::optional<Candidate> match_season(Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  if (t.lex.plural) {
    return std::nullopt;
  }
  DateVal v;
  v.gran = Gran::season;
  v.sub = t.lex.value;
  std::size_t last = i;
  std::size_t j = ctx.is_kw(i + 1, Kw::of) ? i + 2 : i + 1;
  const Token& y = ctx.at(j);
  bool explicit_year = false;
  if (y.kind == TokKind::number && y.digits == 4 && y.num >= 1000 && y.num < 2200) {
    v.year = static_cast<int>(y.num);
    last = j;
    explicit_year = true;
  } else {
    // A bare season needs a date-like word before it ("in", "the", "this", "early" ...).
    if (i == 0) {
      return std::nullopt;
    }
    const Token& p = ctx.at(i - 1);
    const bool ok = ctx.is_kw(i - 1, Kw::in) || ctx.is_kw(i - 1, Kw::the) ||
                    ctx.is_kw(i - 1, Kw::by) || ctx.is_kw(i - 1, Kw::during) ||
                    ctx.is_kw(i - 1, Kw::since) || ctx.is_kw(i - 1, Kw::until) ||
                    ctx.is_kw(i - 1, Kw::of) || p.lex.cat == Cat::mod ||
                    (p.kind == TokKind::punct && p.punct == '-');
    if (!ok || (t.lex.value_as<Season>() == Season::fall && !ctx.is_kw(i - 1, Kw::the) &&
                !ctx.is_kw(i - 1, Kw::in))) {
      return std::nullopt;
    }
    if (ctx.is_kw(i + 1, Kw::of) || ctx.at(i + 1).lex.cat == Cat::unit) {
      return std::nullopt;  // "the spring of hope", "the summer months" is left alone
    }
    const int month = 3 * t.lex.value + 4;  // mid-season month
    v.year = ctx.narrative ? ctx.use_anchor().year
                           : infer_year(std::min(month, 12), ctx.use_dct_day(), ctx.tense_at(i));
  }
  Candidate c;
  c.first = i;
  c.last = last;
  c.value = format_value(v);
  c.date = v;
  c.explicit_year = explicit_year;
  return c;
}

std::optional<Candidate> match_ordinal_century(Context& ctx, std::size_t i) {
  std::size_t j = i;
  int n = ctx.at(i).lex.value;
  if (ctx.is_punct(j + 1, '-') && ctx.is_cat(j + 2, Cat::ordinal)) {
    n += ctx.at(j + 2).lex.value;  // "twenty-first"
    j += 2;
  }
  if (!ctx.is_cat(j + 1, Cat::unit) || ctx.at(j + 1).lex.value_as<Unit>() != Unit::century ||
      ctx.at(j + 1).lex.plural || n < 1 || n > 21) {
    return std::nullopt;
  }
  DateVal v;
  v.gran = Gran::century;
  v.year = (n - 1) * 100;
  Candidate c;
  c.first = i;
  c.last = j + 1;
  c.value = format_value(v);
  c.date = v;
  c.explicit_year = true;
  return c;
}

}  // namespace kb::timex::detail
