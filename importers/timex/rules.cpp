// The date tagger's rules, part 1: expressions that start with a number (explicit dates,
// years, decades, times, durations "N units", "N units ago/later") and with a month name.
// Each rule reads the token stream from token i and returns the longest expression it knows.
#include "importers/timex/rules.hpp"

#include <array>

namespace kb::timex::detail {

std::optional<Count> read_count(const Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  if (t.kind == TokKind::number) {
    if (t.digits > 4 || (ctx.is_punct(i + 1, ',') && ctx.at(i + 2).kind == TokKind::number &&
                         !ctx.at(i + 1).space_before)) {
      return std::nullopt;
    }
    // "2 1/2 years"; "2.5 years" is read as unspecified-precision 2.
    if (ctx.at(i + 1).num == 1 && ctx.at(i + 1).digits == 1 && ctx.is_punct(i + 2, '/') &&
        ctx.at(i + 3).num == 2 && ctx.at(i + 3).digits == 1 && !ctx.at(i + 2).space_before &&
        !ctx.at(i + 3).space_before) {
      return Count{t.num, i + 3, true};
    }
    return Count{t.num, i};
  }
  if (ctx.is_kw(i, Kw::a) || ctx.is_kw(i, Kw::an)) {
    if (ctx.is_cat(i + 1, Cat::quant) && ctx.at(i + 1).lex.value_as<Quant>() == Quant::few) {
      return Count{-1, i + 1};  // "a few"
    }
    if (ctx.is_cat(i + 1, Cat::quant) && ctx.at(i + 1).lex.value_as<Quant>() == Quant::couple) {
      return Count{2, ctx.is_kw(i + 2, Kw::of) ? i + 2 : i + 1};  // "a couple of"
    }
    if (ctx.is_cat(i + 1, Cat::numword) && ctx.at(i + 1).lex.value >= 100) {
      return Count{ctx.at(i + 1).lex.value, i + 1};  // "a hundred"
    }
    return Count{1, i};
  }
  if (t.lex.cat == Cat::quant) {
    if (t.lex.value_as<Quant>() == Quant::couple) {
      return Count{2, ctx.is_kw(i + 1, Kw::of) ? i + 1 : i};
    }
    return Count{-1, i};
  }
  if (t.lex.cat != Cat::numword) {
    return std::nullopt;
  }
  // Number words: "twenty four", "twenty-four", "one hundred", "two thousand".
  std::int64_t total = 0;
  std::int64_t part = 0;
  std::size_t j = i;
  std::size_t last = i;
  while (ctx.is_cat(j, Cat::numword)) {
    const int v = ctx.at(j).lex.value;
    if (v == 100 || v == 1000) {
      part = (part == 0 ? 1 : part) * v;
      if (v == 1000) {
        total += part;
        part = 0;
      }
    } else if ((part % 100 >= 20 && part % 10 == 0 && v < 10) || part % 100 == 0) {
      part += v;
    } else {
      break;
    }
    last = j;
    j += ctx.is_punct(j + 1, '-') && ctx.is_cat(j + 2, Cat::numword) ? 2U : 1U;
    if (ctx.is_kw(j, Kw::and_word) && ctx.is_cat(j + 1, Cat::numword)) {
      ++j;
    }
  }
  return Count{total + part, last};
}

namespace {

// Words before a number that make it a document or item number, not a year.
constexpr auto kNumberSigns = std::to_array<std::string_view>({
#include "lexicon/timex/number_signs.inc"
});
// Words after a 4-digit number that make it a clock time.
constexpr auto kClockZones = std::to_array<std::string_view>({
#include "lexicon/timex/clock_zones.inc"
});
// Words before a number that let a plural noun follow a year.
constexpr auto kYearLead = std::to_array<std::string_view>({
#include "lexicon/timex/year_lead.inc"
});
// Plurals that do not end in "s" (a number before them is a count).
constexpr auto kIrregularPlurals = std::to_array<std::string_view>({
#include "lexicon/timex/irregular_plurals.inc"
});
constexpr std::string_view kMenEnding = "men";
// Plural-looking words that may follow a year.
constexpr auto kNotPlural = std::to_array<std::string_view>({
#include "lexicon/timex/not_plural.inc"
});

template <std::size_t N>
bool in(const std::array<std::string_view, N>& table, std::string_view w) {
  return std::find(table.begin(), table.end(), w) != table.end();
}

}  // namespace

// A 4-digit year (1000-2199) that is not part of a bigger number or a code like "F-16", not a
// document number, a clock time or a count.
bool is_year_token(const Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  if (t.kind != TokKind::number || t.digits != 4 || t.num < 1000 || t.num > 2199) {
    return false;
  }
  if (i > 0) {
    const Token& p = ctx.at(i - 1);
    const std::string_view prev = ctx.text.substr(p.begin, p.end - p.begin);
    if (prev == "\xC2\xA9" || ctx.lower(i - 1) == "copyright" || ctx.is_punct(i - 1, ')')) {
      return false;  // "© 2025", "(c) 2025": a copyright footer, not a date
    }
    if (!t.space_before && (p.kind == TokKind::word || p.punct == '$' || p.punct == '#' ||
                            p.punct == '.' || p.punct == ',' || p.punct == '/')) {
      return false;
    }
    if (!t.space_before && p.punct == '-' && i > 1 && ctx.at(i - 2).kind == TokKind::word &&
        ctx.at(i - 2).lex.cat == Cat::none) {
      return false;  // "F-1990"-like codes
    }
  }
  const Token& nx = ctx.at(i + 1);
  if (!nx.space_before &&
      (nx.punct == '%' ||
       (nx.punct == '.' && ctx.at(i + 2).kind == TokKind::number && !ctx.at(i + 2).space_before))) {
    return false;
  }
  if (!nx.space_before && nx.punct == ',' && ctx.at(i + 2).kind == TokKind::number &&
      !ctx.at(i + 2).space_before) {
    return false;
  }
  if (i > 0) {
    const Token& p = ctx.at(i - 1);
    const std::string_view prev = ctx.text.substr(p.begin, p.end - p.begin);
    const std::size_t sign = p.punct == '.' && i > 1 ? i - 2 : i - 1;
    if (in(kNumberSigns, ctx.lower(sign).view()) || in(kNumberSigns, prev)) {
      return false;
    }
  }
  // "1500 GMT", "1500-1530 Ukrainian time", "1500 local time"
  std::size_t after = i + 1;
  if (ctx.is_punct(after, '-') && ctx.at(after + 1).kind == TokKind::number) {
    after += 2;
  }
  if (in(kClockZones, ctx.lower(after).view()) || ctx.lower(after + 1) == "time") {
    return false;
  }
  const Token& w = ctx.at(i + 1);
  const auto next_lower = ctx.lower(i + 1);  // owns the lower-cased text the view reads
  const std::string_view next = next_lower.view();
  const bool plural = (next.size() > 3 && next.back() == 's' && !in(kNotPlural, next)) ||
                      in(kIrregularPlurals, next) ||
                      (next.size() > 3 && next.ends_with(kMenEnding));
  if (w.kind == TokKind::word && w.space_before && !w.upper && plural &&
      (i == 0 || !in(kYearLead, ctx.lower(i - 1).view())) && w.lex.cat == Cat::none &&
      !ctx.is_cat(i - 1, Cat::month) && !ctx.is_punct(i - 1, ',') && !ctx.is_punct(i - 1, '-')) {
    return false;
  }
  return true;
}

namespace {

// Suffix word right after a number with no space: "th", "s", "bc", ... ("" if none).
std::string adjacent_suffix(const Context& ctx, std::size_t i) {
  const Token& nx = ctx.at(i + 1);
  if (nx.kind == TokKind::word && !nx.space_before) {
    return std::string(ctx.lower(i + 1).view());
  }
  return {};
}

bool is_ordinal_suffix(std::string_view s) {
  return s == "th" || s == "st" || s == "nd" || s == "rd";
}

// Day of month at token i ("20", "20th"); returns the day and the last token.
std::optional<Count> read_day(const Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  if (t.kind != TokKind::number || t.digits > 2 || t.num < 1 || t.num > 31) {
    return std::nullopt;
  }
  if (is_ordinal_suffix(adjacent_suffix(ctx, i))) {
    return Count{t.num, i + 1};
  }
  if (ctx.at(i + 1).kind == TokKind::word && !ctx.at(i + 1).space_before) {
    return std::nullopt;
  }
  return Count{t.num, i};
}

// The year for a month and day written without one: in a narrative the anchor's year, in news
// the year that puts the day nearest the DCT ("Dec. 15" in a November article is this Dec.).
// The year of a month and day stated without one: the next occurrence after the DCT in the
// future tense, else the last one before it, unless the next is within kFutureDays (news
// reports more past than future, so a date a few months back beats one a few months ahead).
int nearest_year(Context& ctx, std::size_t i, int month, int day) {
  if (ctx.narrative) {
    return ctx.use_anchor().year;
  }
  constexpr long kFutureDays = 120;
  const int y = ctx.use_dct_day().year;
  const auto offset = [&](int year) {
    const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(std::min(day, 28))}};
    return static_cast<long>((date::sys_days{ymd} - ctx.use_dct()).count());
  };
  const int next = offset(y) > 0 ? y : y + 1;  // the first occurrence after the DCT
  const int prev = next - 1;                   // the last one on or before it
  constexpr long kFutureTenseDays = 240;       // "will ... on Jan. 14" a day after it: still that
  const long ahead = offset(next);
  const Tense tense = ctx.tense_at(i);
  if (ahead <= kFutureTenseDays && tense == Tense::future) {
    return next;
  }
  return ahead <= kFutureDays ? next : prev;
}

// The year a month opening a refinement of it takes: "In 2014, on June 13, Mariupol was
// liberated", "In 2008, in August, ...", "In 2014, on this day, June 13": a year right before
// the month, with nothing between but what timex::refines accepts (error class: such a month
// and day taken for the publication year, "June 13" of a 2022 speech recalling 2014 read as 13
// June 2022). Nullopt when anything else stands between.
std::optional<int> leading_year(const Context& ctx, std::size_t i) {
  for (std::size_t k = i, steps = 0; k > 0 && steps < 6; --k, ++steps) {
    const std::size_t p = k - 1;
    if (is_year_token(ctx, p)) {
      const std::size_t from = ctx.at(p).end;
      return refines(ctx.text.substr(from, ctx.at(i).begin - from))
                 ? std::optional<int>(static_cast<int>(ctx.at(p).num))
                 : std::nullopt;
    }
  }
  return std::nullopt;
}

// A year in words, as broadcasts transcribe it: "nineteen ninety-seven" (1997).
std::optional<Count> read_word_year(const Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  if (t.lex.cat != Cat::numword || t.lex.value < 11 || t.lex.value > 20 ||
      !ctx.is_cat(i + 1, Cat::numword)) {
    return std::nullopt;
  }
  const auto rest = read_count(ctx, i + 1);
  if (!rest || rest->value < 10 || rest->value > 99) {
    return std::nullopt;
  }
  return Count{std::int64_t{t.lex.value} * 100 + rest->value, rest->last};
}

// A year after a month/day: "May 20, 2023", "20 May 2023", "May 2023", "May of 2023".
std::optional<Count> read_trailing_year(const Context& ctx, std::size_t i) {
  std::size_t j = i;
  if (ctx.is_punct(j, ',') || ctx.is_kw(j, Kw::of)) {
    ++j;
  }
  if (auto w = read_word_year(ctx, j)) {
    return w;
  }
  if (is_year_token(ctx, j)) {
    return Count{ctx.at(j).num, j};
  }
  if (ctx.is_punct(j, '\'') && ctx.at(j + 1).kind == TokKind::number && ctx.at(j + 1).digits == 2) {
    return Count{1900 + ctx.at(j + 1).num, j + 1};  // "May '98"
  }
  return std::nullopt;
}

}  // namespace

std::optional<Candidate> match_month(Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  const int month = t.lex.value;
  const LowerWord word = ctx.lower(i);
  const bool abbrev = word.size() <= 4 && word != "june" && word != "july" && word != "may";
  std::size_t j = i + 1;
  if (ctx.is_punct(j, '.') && abbrev) {
    ++j;
  }
  const bool ambiguous = word == "may" || word == "march" || abbrev;
  DateVal v;
  v.month = month;
  if (auto day = read_day(ctx, j)) {
    v.gran = Gran::day;
    v.day = static_cast<int>(day->value);
    std::size_t last = day->last;
    bool explicit_year = false;
    if (auto y = read_trailing_year(ctx, last + 1)) {
      v.year = static_cast<int>(y->value);
      last = y->last;
      explicit_year = true;
    } else if (const auto lead = leading_year(ctx, i)) {
      v.year = *lead;
    } else {
      v.year = nearest_year(ctx, i, month, v.day);
    }
    if (!t.upper && ambiguous) {
      return std::nullopt;
    }
    if (!valid_day(v.year, v.month, v.day)) {
      return std::nullopt;
    }
    return date_candidate(i, last, v, explicit_year);
  }
  if (auto y = read_trailing_year(ctx, j)) {
    if (!t.upper && ambiguous) {
      return std::nullopt;
    }
    v.gran = Gran::month;
    v.year = static_cast<int>(y->value);
    return date_candidate(i, y->last, v, true);
  }
  // A bare month name: capitalised, and "May"/"March" only after a date preposition.
  if (!t.upper || (abbrev && !ctx.is_punct(i + 1, '.') && word != "sept")) {
    return std::nullopt;
  }
  if (ambiguous && i > 0) {
    const Token& p = ctx.at(i - 1);
    const bool prep = p.lex.cat == Cat::kw || p.lex.cat == Cat::rel || p.lex.cat == Cat::mod;
    if (!prep || ctx.is_kw(i - 1, Kw::a) || ctx.is_kw(i - 1, Kw::and_word) ||
        ctx.is_kw(i - 1, Kw::to)) {
      return std::nullopt;
    }
  } else if (ambiguous) {
    return std::nullopt;
  }
  v.gran = Gran::month;
  const std::size_t month_last = abbrev && ctx.is_punct(i + 1, '.') ? i + 1 : i;
  // "June last year", "January this year"
  if (const std::size_t k = month_last + 1;
      ctx.is_cat(k, Cat::rel) && ctx.is_cat(k + 1, Cat::unit) && !ctx.at(k + 1).lex.plural &&
      ctx.at(k + 1).lex.value_as<Unit>() == Unit::year) {
    const auto r = static_cast<Rel>(ctx.at(k).lex.value);
    if (r == Rel::last || r == Rel::this_word || r == Rel::next) {
      v.year = ctx.use_dct_day().year + (r == Rel::last ? -1 : r == Rel::next ? 1 : 0);
      return date_candidate(i, k + 1, v, true);
    }
  }
  if (const auto lead = leading_year(ctx, i)) {
    v.year = *lead;
    return date_candidate(i, month_last, v, false);
  }
  const Tense tense = ctx.tense_at(i);
  const int ahead = (month - ctx.use_dct_day().month + 12) % 12;  // months after the DCT's month
  // No tense: a month up to four months ahead of the DCT is the coming one, else the last. In
  // the past tense too the next month or the one after is the coming one: news written in
  // late October about "November" means the coming November even in "said it planned ... in
  // November" (in the TimeML news corpora a month one ahead is never the previous year's).
  constexpr int kFutureMonths = 4;
  constexpr int kPastTenseFutureMonths = 2;
  const bool untensed = tense == Tense::none || tense == Tense::present;
  if (!ctx.narrative && ahead != 0 &&
      (untensed ? ahead <= kFutureMonths : ahead <= kPastTenseFutureMonths)) {
    v.year = ctx.use_dct_day().year + (month < ctx.use_dct_day().month ? 1 : 0);
  } else if (untensed && !ctx.narrative) {
    v.year = ctx.use_dct_day().year + (month > ctx.use_dct_day().month ? -1 : 0);
  } else {
    v.year = infer_year(month, ctx.reference(), tense);
  }
  return date_candidate(i, month_last, v, false);
}

namespace {

// "2023-05-20", "2009-12-19T17:00:00", "2023-05".
std::optional<Candidate> match_iso(Context& ctx, std::size_t i) {
  if (!(ctx.is_punct(i + 1, '-') && !ctx.at(i + 1).space_before && ctx.at(i + 2).digits == 2 &&
        !ctx.at(i + 2).space_before && ctx.is_punct(i + 3, '-') && ctx.at(i + 4).digits == 2 &&
        !ctx.at(i + 3).space_before && !ctx.at(i + 4).space_before)) {
    return std::nullopt;
  }
  DateVal v;
  v.year = static_cast<int>(ctx.at(i).num);
  v.month = static_cast<int>(ctx.at(i + 2).num);
  v.day = static_cast<int>(ctx.at(i + 4).num);
  if (!valid_day(v.year, v.month, v.day)) {
    return std::nullopt;
  }
  std::size_t last = i + 4;
  // "T17:00[:00]" is tokenised as word "t17"? No: word "T" + number "17".
  if (ctx.at(i + 5).kind == TokKind::word && !ctx.at(i + 5).space_before &&
      ctx.lower(i + 5) == "t" && ctx.at(i + 6).digits == 2 && ctx.is_punct(i + 7, ':') &&
      ctx.at(i + 8).digits == 2) {
    v.gran = Gran::time;
    v.hour = static_cast<int>(ctx.at(i + 6).num);
    v.minute = static_cast<int>(ctx.at(i + 8).num);
    last = i + 8;
    if (ctx.is_punct(i + 9, ':') && ctx.at(i + 10).digits == 2) {
      v.second = static_cast<int>(ctx.at(i + 10).num);
      last = i + 10;
    }
  }
  return date_candidate(i, last, v, true);
}

// "5/20/2023", "08-15-90": US month/day/year.
std::optional<Candidate> match_slash_date(Context& ctx, std::size_t i) {
  const char sep = ctx.at(i + 1).punct;
  if ((sep != '/' && sep != '-') || ctx.at(i).digits > 2 || !ctx.is_punct(i + 3, sep) ||
      ctx.at(i + 2).kind != TokKind::number || ctx.at(i + 4).kind != TokKind::number) {
    return std::nullopt;
  }
  for (std::size_t k = i + 1; k <= i + 4; ++k) {
    if (ctx.at(k).space_before) {
      return std::nullopt;
    }
  }
  const Token& y = ctx.at(i + 4);
  if (y.digits != 4 && y.digits != 2) {
    return std::nullopt;
  }
  DateVal v;
  v.month = static_cast<int>(ctx.at(i).num);
  v.day = static_cast<int>(ctx.at(i + 2).num);
  v.year = static_cast<int>(y.digits == 4 ? y.num : (y.num < 30 ? 2000 : 1900) + y.num);
  if (ctx.at(i + 2).digits > 2 || v.month > 12 || !valid_day(v.year, v.month, v.day)) {
    return std::nullopt;
  }
  return date_candidate(i, i + 4, v, true);
}

}  // namespace

std::optional<Candidate> match_word_year(Context& ctx, std::size_t i) {
  const auto y = read_word_year(ctx, i);
  if (!y) {
    return std::nullopt;
  }
  DateVal v;
  v.gran = Gran::year;
  v.year = static_cast<int>(y->value);
  return date_candidate(i, y->last, v, true);
}

std::optional<Candidate> match_number(Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  if (t.digits == 4) {
    if (auto c = match_iso(ctx, i)) {
      return c;
    }
  }
  if (auto c = match_slash_date(ctx, i)) {
    return c;
  }
  if (auto c = match_clock(ctx, i)) {
    return c;
  }
  // "20 May 2023", "20th of May"
  if (auto day = read_day(ctx, i)) {
    std::size_t j = day->last + 1;
    if (ctx.is_kw(j, Kw::of)) {
      ++j;
    }
    if (ctx.is_cat(j, Cat::month) && ctx.at(j).upper) {
      DateVal v;
      v.gran = Gran::day;
      v.month = ctx.at(j).lex.value;
      v.day = static_cast<int>(day->value);
      std::size_t last = j;
      if (ctx.is_punct(j + 1, '.') && ctx.lower(j).size() <= 4) {
        ++last;
      }
      bool explicit_year = false;
      if (auto y = read_trailing_year(ctx, last + 1)) {
        v.year = static_cast<int>(y->value);
        last = y->last;
        explicit_year = true;
      } else {
        v.year = nearest_year(ctx, i, v.month, v.day);
      }
      if (valid_day(v.year, v.month, v.day)) {
        return date_candidate(i, last, v, explicit_year);
      }
    }
  }
  return match_year_like(ctx, i);
}

std::optional<Candidate> match_year_like(Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  const std::string suffix = adjacent_suffix(ctx, i);
  // Decades: "1990s", "the '90s".
  if (suffix == "s" && t.num % 10 == 0 &&
      ((t.digits == 4 && t.num >= 1000 && t.num < 2200) ||
       (t.digits == 2 && ctx.is_punct(i - 1, '\'')))) {
    DateVal v;
    v.gran = Gran::decade;
    v.year = static_cast<int>(t.digits == 4 ? t.num : 1900 + t.num);
    const std::size_t first = t.digits == 2 ? i - 1 : i;
    return date_candidate(first, i + 1, v, true);
  }
  // Centuries: "the 20th century".
  if (is_ordinal_suffix(suffix) && t.digits <= 2 && t.num >= 1 && t.num <= 21 &&
      ctx.is_cat(i + 2, Cat::unit) && ctx.at(i + 2).lex.value_as<Unit>() == Unit::century &&
      !ctx.at(i + 2).lex.plural) {
    DateVal v;
    v.gran = Gran::century;
    v.year = static_cast<int>((t.num - 1) * 100);
    return date_candidate(i, i + 2, v, true);
  }
  // BC / AD years: "480 BC", "480 B.C.".
  if (t.digits <= 4 && t.num > 0) {
    const LowerWord w = ctx.lower(i + 1);
    std::size_t last = 0;
    if (ctx.is_kw(i + 1, Kw::bc)) {
      last = i + 1;
    } else if (w == "b" && ctx.is_punct(i + 2, '.') && ctx.lower(i + 3) == "c") {
      last = ctx.is_punct(i + 4, '.') ? i + 4 : i + 3;
    }
    if (last != 0 && ctx.at(i + 1).space_before) {
      DateVal v;
      v.gran = Gran::year;
      v.bc = true;
      v.year = static_cast<int>(t.num);
      return date_candidate(i, last, v, true);
    }
  }
  if (is_year_token(ctx, i)) {
    const Token& nx = ctx.at(i + 1);
    // Not "2000 people": a number word or unit right after is a count, not a year.
    if (nx.kind == TokKind::word && !nx.space_before) {
      return std::nullopt;
    }
    DateVal v;
    v.gran = Gran::year;
    v.year = static_cast<int>(t.num);
    return date_candidate(i, i, v, true);
  }
  return std::nullopt;
}

}  // namespace kb::timex::detail
