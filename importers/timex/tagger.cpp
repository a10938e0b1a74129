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
  return t.lex.cat == Cat::kw && t.lex.value == kw;
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

// Which rules may start at a token of each category (the trigger table).
struct Trigger {
  Cat cat;
  Rule rules[3];
};
constexpr Trigger kTriggers[] = {
    {Cat::month, {&match_month, nullptr, nullptr}},
    {Cat::weekday, {&match_weekday, nullptr, nullptr}},
    {Cat::rel, {&match_relative, &match_quarter, &match_holiday}},
    {Cat::holiday, {&match_holiday, nullptr, nullptr}},
    {Cat::ref, {&match_reference, nullptr, nullptr}},
    {Cat::set_word, {&match_set, nullptr, nullptr}},
    {Cat::season, {&match_season, nullptr, nullptr}},
    {Cat::numword, {&match_duration, &match_word_year, nullptr}},
    {Cat::quant, {&match_duration, nullptr, nullptr}},
    {Cat::ordinal, {&match_quarter, &match_ordinal_century, &match_first_n}},
    {Cat::unit, {&match_bare_unit, &match_year_end, nullptr}},
    {Cat::part_of_day, {&match_noon, nullptr, nullptr}},
};

// The longest of two candidates (the first on ties).
void keep_longest(std::optional<Candidate>& best, std::optional<Candidate> c) {
  if (c && (!best || c->last > best->last)) {
    best = std::move(c);
  }
}

}  // namespace

bool can_start(const Token& t) {
  if (t.kind != TokKind::word) {
    return t.kind == TokKind::number;
  }
  switch (t.lex.cat) {
    case Cat::none:
      return t.end - t.begin == 1;  // "Q3", "H1"
    case Cat::kw:
      return t.lex.value == kA || t.lex.value == kAn || t.lex.value == kEvery ||
             t.lex.value == kEach || t.lex.value == kThe || t.lex.value == kFiscal ||
             t.lex.value == kFy;
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
    keep_longest(best, match_day_span(ctx, i));
    keep_longest(best, match_number(ctx, i));
    keep_longest(best, match_duration(ctx, i));
    keep_longest(best, match_quarter(ctx, i));
    return best;
  }
  if (t.kind != TokKind::word) {
    return best;
  }
  if (t.lex.cat == Cat::kw) {
    switch (t.lex.value) {
      case kA:
      case kAn:
        keep_longest(best, match_duration(ctx, i));
        break;
      case kEvery:
      case kEach:
        keep_longest(best, match_set(ctx, i));
        break;
      case kThe:
        keep_longest(best, match_the(ctx, i));
        break;
      case kFiscal:
      case kFy:
        keep_longest(best, match_quarter(ctx, i));
        break;
      default:
        break;
    }
    return best;
  }
  if (t.lex.cat == Cat::none) {
    const LowerWord w = t.end - t.begin == 1 ? ctx.lower(i) : LowerWord();
    if (w == "q" || w == "h") {
      keep_longest(best, match_quarter(ctx, i));
    }
    return best;
  }
  for (const Trigger& trig : kTriggers) {
    if (trig.cat == t.lex.cat) {
      for (Rule r : trig.rules) {
        if (r != nullptr) {
          keep_longest(best, r(ctx, i));
        }
      }
    }
  }
  if (t.lex.cat == Cat::unit && ctx.lower(i) == "second") {
    keep_longest(best, match_quarter(ctx, i));
  }
  return best;
}

}  // namespace detail
}  // namespace kb::timex
