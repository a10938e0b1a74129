// The date tagger's driver: tokenise, try the rules at every token that can start a temporal
// expression, widen matches with their modifiers ("early", "the", "nearly"), keep the narrative
// anchor, and attach FuzzyDates.
#include "importers/timex/tagger.hpp"

#include <algorithm>
#include <array>

#include "importers/timex/internal.hpp"
#include "importers/timex/rules.hpp"

namespace kb::timex {

std::string_view to_string(TimexType t) {
  switch (t) {
    case TimexType::date:
      return "DATE";
    case TimexType::time:
      return "TIME";
    case TimexType::duration:
      return "DURATION";
    case TimexType::set:
      return "SET";
  }
  return "DATE";
}

namespace detail {

Context::Context(std::string_view text_in, const std::vector<Token>& toks_in, date::sys_days dct_in)
    : text(text_in), toks(toks_in), dct(dct_in), dct_day(day_value(dct_in)), anchor(dct_day) {}

bool Context::is_kw(std::size_t i, Kw kw) const {
  const Token& t = at(i);
  return t.lex.cat == Cat::kw && t.lex.value_as<Kw>() == kw;
}

LowerWord::LowerWord(std::string_view s)
    : len_(static_cast<std::uint8_t>(std::min<std::size_t>(s.size(), 31))) {
  for (std::size_t k = 0; k < len_; ++k) {
    const char c = s[k];
    buf_[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
  }
}

LowerWord Context::lower(std::size_t i) const {
  const Token& t = at(i);
  if (i >= toks.size() || t.kind != TokKind::word) {
    return {};
  }
  return LowerWord(text.substr(t.begin, t.end - t.begin));
}

namespace {

// Tense cues: words whose nearest occurrence decides the tense of a bare month or weekday.
Tense cue_tense(const Context& ctx, std::size_t k) {
  const Token& t = ctx.at(k);
  if (t.kind != TokKind::word) {
    return Tense::none;
  }
  const LowerWord w = ctx.lower(k);
  static constexpr std::array kFuture = {
      "will",      "ll",  "shall",    "plans", "plan", "expected", "expects", "going",  "upcoming",
      "scheduled", "due", "planning", "would", "soon", "resume",   "meet",    "expect", "might"};
  static constexpr std::array kPast = {
      "said",   "was",     "were",  "had",   "did",  "ago",    "last",   "took", "came",
      "went",   "made",    "began", "won",   "lost", "fell",   "rose",   "led",  "saw",
      "gave",   "left",    "sent",  "told",  "met",  "held",   "became", "got",  "ran",
      "struck", "broke",   "spoke", "wrote", "sold", "bought", "paid",   "hit",  "fought",
      "signed", "earlier", "told",  "knew",  "began"};
  static constexpr std::array kPresent = {"is", "are", "am", "says", "has", "have"};
  for (const char* f : kFuture) {
    if (w == f) {
      return Tense::future;
    }
  }

  for (const char* p : kPast) {
    if (w == p) {
      return Tense::past;
    }
  }
  for (const char* p : kPresent) {
    if (w == p) {
      return Tense::present;
    }
  }
  // A word in -ed is a past verb unless capitalised ("United States", "Red Cross": a past verb
  // is capitalised only at a sentence start, where it cues nothing after a full stop anyway)
  // or one of the common words in -ed that are not verbs.
  if (w.size() >= 5 && w.ends_with("ed") && !t.upper && w != "need" && w != "speed" &&
      w != "indeed" && w != "hundred" && w != "sacred" && w != "naked") {
    // A participle after an auxiliary ("to be completed", "will be needed") is not a past.
    const LowerWord prev = k > 0 ? ctx.lower(k - 1) : LowerWord();
    const bool aux = prev == "be" || prev == "been" || prev == "being" || prev == "to" ||
                     prev == "is" || prev == "are" || prev == "will" || prev == "would";
    return aux ? Tense::none : Tense::past;
  }
  return Tense::none;
}

bool sentence_end(const Context& ctx, std::size_t k) {
  const Token& t = ctx.at(k);
  if (t.kind != TokKind::punct) {
    return false;
  }
  if (t.punct == '!' || t.punct == '?' || t.punct == ';') {
    return true;
  }
  if (t.punct != '.' || k == 0) {
    return false;
  }
  const Token& p = ctx.at(k - 1);
  const bool abbrev = p.kind == TokKind::word && (p.end - p.begin <= 2 || p.lex.cat == Cat::month);
  return !abbrev && (ctx.at(k + 1).upper || ctx.at(k + 1).kind != TokKind::word);
}

}  // namespace

Tense Context::tense_at(std::size_t i) {
  if (narrative) {
    return Tense::none;  // a narrative moves forward from its anchor; tense says nothing
  }
  // "ahead of the weekend", "as early as Tuesday", "as soon as next week": the expression
  // itself lies ahead.
  const std::size_t of = i >= 1 && lower(i - 1) == "the" ? i - 1 : i;
  if (of >= 2 && lower(of - 1) == "of" && lower(of - 2) == "ahead") {
    return Tense::future;
  }
  if (i >= 3 && lower(i - 1) == "as" && (lower(i - 2) == "early" || lower(i - 2) == "soon") &&
      lower(i - 3) == "as") {
    return Tense::future;
  }
  constexpr std::size_t kWindow = 30;  // tokens each side; keeps the tagger linear
  Tense best = Tense::none;
  for (std::size_t d = 1; d <= kWindow; ++d) {
    if (d <= i) {
      if (sentence_end(*this, i - d)) {
        break;
      }
      if (Tense t = cue_tense(*this, i - d); t != Tense::none) {
        best = t;
        break;
      }
    }
  }
  std::size_t best_after = kWindow + 1;
  Tense after = Tense::none;
  for (std::size_t d = 1; d <= kWindow && i + d < toks.size(); ++d) {
    if (sentence_end(*this, i + d)) {
      break;
    }
    if (Tense t = cue_tense(*this, i + d); t != Tense::none) {
      after = t;
      best_after = d;
      break;
    }
  }
  // Prefer the preceding cue unless the following one is much closer or the only one.
  if (best == Tense::none || (after == Tense::future && best_after <= 2)) {
    return after;
  }
  return best;
}

namespace {

using Rule = std::optional<Candidate> (*)(Context&, std::size_t);

// The rules, each with the id kb dates --explain shows and what it matches.
struct RuleEntry {
  RuleInfo info;
  Rule fn;
};
constexpr auto kRules = std::to_array<RuleEntry>({
    {{"number",
      "explicit dates, years, decades, centuries and clock times starting with a number "
      "(\"2023-05-20\", \"20 May 2023\", \"1994\", \"the 1990s\")"},
     &match_number},
    {{"day-span", R"(the other day of a span of days ("24" in "June 23-24"))"}, &match_day_span},
    {{"duration",
      "amounts of time, and \"ago\"/\"earlier\" dates counted from the reference "
      "(\"three years\", \"two weeks ago\")"},
     &match_duration},
    {{"quarter", R"(quarters and halves ("the third quarter", "Q3 2014", "fiscal 1998"))"},
     &match_quarter},
    {{"set", R"(repetitions ("every year", "weekly"))"}, &match_set},
    {{"the",
      "phrases opening with \"the\" (\"the weekend\", \"the year ended\", \"the "
      "nineties\")"},
     &match_the},
    {{"month",
      "month names, with day and year where given (\"May 20, 2023\", \"May\": the "
      "year from the reference and the tense)"},
     &match_month},
    {{"weekday",
      "weekday names (\"Saturday\": the nearest one before or after the reference, "
      "by tense)"},
     &match_weekday},
    {{"relative", R"("last week", "next year", "this month", "the following day")"},
     &match_relative},
    {{"holiday", R"(named days ("Christmas Eve", "Victory Day"))"}, &match_holiday},
    {{"reference", "now, today, yesterday, recently, the future"}, &match_reference},
    {{"season", R"(seasons ("the summer of 1940", "this spring"))"}, &match_season},
    {{"word-year", "a year in words (\"nineteen ninety-seven\")"}, &match_word_year},
    {{"ordinal-century", "\"the nineteenth century\""}, &match_ordinal_century},
    {{"first-n", "\"the first nine months\""}, &match_first_n},
    {{"bare-unit", R"("year-earlier", "for years", "within weeks")"}, &match_bare_unit},
    {{"year-end", R"("year-end", "year's end")"}, &match_year_end},
    {{"noon", R"("noon Thursday", "midnight Friday")"}, &match_noon},
});

constexpr const RuleEntry& rule(std::string_view id) {
  for (const RuleEntry& r : kRules) {
    if (r.info.id == id) {
      return r;
    }
  }
  throw "no such rule";  // a compile-time error where rule() is used in a constant expression
}

constexpr const RuleEntry& kNumber = rule("number");
constexpr const RuleEntry& kDaySpan = rule("day-span");
constexpr const RuleEntry& kDuration = rule("duration");
constexpr const RuleEntry& kQuarter = rule("quarter");
constexpr const RuleEntry& kSet = rule("set");
constexpr const RuleEntry& kThePhrase = rule("the");

// Which rules may start at a token of each category (the trigger table).
struct Trigger {
  Cat cat;
  std::array<const RuleEntry*, 3> rules;
};
constexpr auto kTriggers = std::to_array<Trigger>({
    {Cat::month, {&rule("month"), nullptr, nullptr}},
    {Cat::weekday, {&rule("weekday"), nullptr, nullptr}},
    {Cat::rel, {&rule("relative"), &kQuarter, &rule("holiday")}},
    {Cat::holiday, {&rule("holiday"), nullptr, nullptr}},
    {Cat::ref, {&rule("reference"), nullptr, nullptr}},
    {Cat::set_word, {&kSet, nullptr, nullptr}},
    {Cat::season, {&rule("season"), nullptr, nullptr}},
    {Cat::numword, {&kDuration, &rule("word-year"), nullptr}},
    {Cat::quant, {&kDuration, nullptr, nullptr}},
    {Cat::ordinal, {&kQuarter, &rule("ordinal-century"), &rule("first-n")}},
    {Cat::unit, {&rule("bare-unit"), &rule("year-end"), nullptr}},
    {Cat::part_of_day, {&rule("noon"), nullptr, nullptr}},
});

// Tries rule `r` at token i and keeps its candidate if it is longer than `best` (the first on
// ties), noting the rule and whether it resolved against the reference.
void try_rule(std::optional<Candidate>& best, Context& ctx, std::size_t i, const RuleEntry& r) {
  ctx.used_dct = false;
  ctx.used_anchor = false;
  std::optional<Candidate> c = r.fn(ctx, i);
  if (c && (!best || c->last > best->last)) {
    c->rule = r.info.id;
    c->used_dct = ctx.used_dct;
    c->used_anchor = ctx.used_anchor;
    best = std::move(c);
  }
}

constexpr auto kSteps = std::to_array<RuleInfo>({
    {"modifier", R"(a modifier before it joined ("mid-May", "early 2023"))"},
    {"day-before-after", "\"the day before/after\" joined to a day"},
    {"approx", R"("about", "some", "nearly": made approximate)"},
    {"determiner", "a leading \"the\" joined"},
    {"signal", R"("since", "until", "by", "before", "after": an open span)"},
    {"narrative",
     "the text reads as a history: resolved against its last stated date, not the "
     "publication date"},
});

std::array<RuleInfo, kRules.size()> rule_infos() {
  std::array<RuleInfo, kRules.size()> out{};
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    out[i] = kRules[i].info;
  }
  return out;
}

}  // namespace

bool can_start(const Token& t) {
  if (t.kind != TokKind::word) {
    return t.kind == TokKind::number;
  }
  switch (t.lex.cat) {
    case Cat::none:
      return t.end - t.begin == 1;  // "Q3", "H1"
    case Cat::kw: {
      const auto kw = t.lex.value_as<Kw>();
      return kw == Kw::a || kw == Kw::an || kw == Kw::every || kw == Kw::each || kw == Kw::the ||
             kw == Kw::fiscal || kw == Kw::fy;
    }
    case Cat::mod:
    case Cat::approx:
      return false;
    default:
      return true;
  }
}

std::optional<Candidate> match_at(Context& ctx, std::size_t i) {
  const Token& t = ctx.at(i);
  std::optional<Candidate> best;
  if (t.kind == TokKind::number) {
    try_rule(best, ctx, i, kDaySpan);
    try_rule(best, ctx, i, kNumber);
    try_rule(best, ctx, i, kDuration);
    try_rule(best, ctx, i, kQuarter);
    return best;
  }
  if (t.kind != TokKind::word) {
    return best;
  }
  if (t.lex.cat == Cat::kw) {
    switch (t.lex.value_as<Kw>()) {
      case Kw::a:
      case Kw::an:
        try_rule(best, ctx, i, kDuration);
        break;
      case Kw::every:
      case Kw::each:
        try_rule(best, ctx, i, kSet);
        break;
      case Kw::the:
        try_rule(best, ctx, i, kThePhrase);
        break;
      case Kw::fiscal:
      case Kw::fy:
        try_rule(best, ctx, i, kQuarter);
        break;
      default:
        break;
    }
    return best;
  }
  if (t.lex.cat == Cat::none) {
    const LowerWord w = t.end - t.begin == 1 ? ctx.lower(i) : LowerWord();
    if (w == "q" || w == "h") {
      try_rule(best, ctx, i, kQuarter);
    }
    return best;
  }
  for (const Trigger& trig : kTriggers) {
    if (trig.cat == t.lex.cat) {
      for (const RuleEntry* r : trig.rules) {
        if (r != nullptr) {
          try_rule(best, ctx, i, *r);
        }
      }
    }
  }
  if (t.lex.cat == Cat::unit && ctx.lower(i) == "second") {
    try_rule(best, ctx, i, kQuarter);
  }
  return best;
}

}  // namespace detail

std::span<const RuleInfo> rules() {
  static const auto infos = detail::rule_infos();
  return infos;
}

std::span<const RuleInfo> steps() { return detail::kSteps; }

}  // namespace kb::timex
