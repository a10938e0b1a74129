// Private to the date tagger: tokens, calendar values and the matcher context shared by
// tokenizer.cpp, value.cpp, rules*.cpp and tagger.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "importers/text/scanner.hpp"
#include "importers/timex/lexicon.hpp"
#include "importers/timex/tagger.hpp"

namespace kb::timex::detail {

enum class TokKind : std::uint8_t { word, number, punct };

// One token with its byte span. Numbers keep their value; words their table entry.
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  TokKind kind = TokKind::punct;
  LexEntry lex;
  char punct = 0;            // the ASCII punctuation ('-' also for en/em dashes)
  bool space_before = true;  // whitespace (or start of text) before this token
  bool upper = false;        // a word starting with an ASCII capital
  std::uint8_t digits = 0;   // numbers: count of digits (capped at 255)
  std::int64_t num = 0;      // numbers: value (capped)
};

// Splits `text` into tokens (a view over its text::scan() pieces).
std::vector<Token> tokenize(std::string_view text);
// The same tokens from `pieces`, the pieces text::scan(`text`) returns.
std::vector<Token> tokenize(std::string_view text, std::span<const text::Piece> pieces);

// Calendar granularity of a DateVal, finest first.
enum class Gran : std::uint8_t {
  time,
  part_of_day,
  day,
  weekend,
  week,
  month,
  season,
  quarter,
  half,
  year,
  decade,
  century
};

// A calendar value as TIMEX3 writes it ("1998-Q3", "2023-W20-WE", "199", "BC0480").
struct DateVal {
  Gran gran = Gran::day;
  int year = 0;  // for BC years: the positive year number, with bc set
  bool bc = false;
  int month = 0;  // 1..12 when gran <= month
  int day = 0;    // 1..31 when gran <= day
  int sub = 0;    // week number, quarter 1..4, half 1..2, season (Season), part of day
  int hour = -1;  // time: hour and minute
  int minute = -1;
  int second = -1;
};

// TIMEX3 value of `v`.
std::string format_value(const DateVal& v);
// The day value of `d`.
DateVal day_value(date::sys_days d);
// The first day of `v` (day/week/weekend/month...); requires a CE year.
date::sys_days first_day(const DateVal& v);
// `v` moved by `n` units of `unit` (calendar arithmetic at v's granularity or finer).
DateVal shift(const DateVal& v, Unit unit, int n);
// `v` coarsened to the granularity of `unit` (a day -> its week, month, quarter, year...).
DateVal coarsen(const DateVal& v, Unit unit);
// The TIMEX3 duration for `n` units ("P3Y", "PT2H", "P2Q"); n < 0 means unspecified ("PXY").
std::string duration_value(Unit unit, long n);

// A match found by a rule: tokens [first, last], with its normalised value.
struct Candidate {
  std::size_t first = 0;
  std::size_t last = 0;
  TimexType type = TimexType::date;
  std::string value;
  std::string mod;
  std::optional<DateVal> date;  // when value is a calendar value
  bool explicit_year = false;   // states its own year: becomes the narrative anchor
  bool backref = false;         // looks back from the anchor ("a year earlier"): does not move it
  std::string_view rule;        // the id of the rule that found it (timex::rules())
  bool used_dct = false;        // resolved against the DCT (Context::use_dct())
  bool used_anchor = false;     // resolved against the narrative anchor (Context::use_anchor())
};

// The lowercase text of a word token (up to 31 bytes), held inline: no allocation.
class LowerWord {
 public:
  LowerWord() = default;
  // Lowercases the ASCII letters of `s` (truncated to 31 bytes).
  explicit LowerWord(std::string_view s);
  std::string_view view() const { return {buf_.data(), len_}; }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  bool operator==(std::string_view s) const { return view() == s; }
  std::size_t size() const { return len_; }
  bool empty() const { return len_ == 0; }
  char back() const { return len_ == 0 ? '\0' : buf_[len_ - 1]; }
  bool ends_with(std::string_view s) const { return view().ends_with(s); }

 private:
  std::array<char, 31> buf_ = {};
  std::uint8_t len_ = 0;
};

// What rules see: the tokens, the reference time and the narrative anchor.
class Context {
 public:
  Context(std::string_view text, const std::vector<Token>& toks, date::sys_days dct);

  std::string_view text;
  const std::vector<Token>& toks;
  // Rules read these three through use_dct(), use_dct_day() and use_anchor() when they resolve
  // against them (tests of their granularity may read them directly).
  date::sys_days dct;
  DateVal dct_day;
  DateVal anchor;                 // last explicit date mentioned (the DCT until one is)
  bool narrative = false;         // resolve underspecified dates against `anchor`, not the DCT
  std::optional<DateVal> period;  // the quarter or half a report is about ("the quarter")
  bool period_ended = false;      // `period` had ended by the DCT

  // Token i, or a dummy punct token when out of range.
  const Token& at(std::size_t i) const { return i < toks.size() ? toks[i] : dummy_; }
  // True if token i is the word `kw`.
  bool is_kw(std::size_t i, Kw kw) const;
  bool is_cat(std::size_t i, Cat c) const { return at(i).lex.cat == c; }
  bool is_punct(std::size_t i, char c) const {
    return at(i).kind == TokKind::punct && at(i).punct == c;
  }
  // The lowercase ASCII text of token i (up to 31 bytes).
  LowerWord lower(std::size_t i) const;
  // Tense of the verb nearest to token i in its sentence (cached per sentence).
  Tense tense_at(std::size_t i);
  // The reference for underspecified dates: the anchor in narratives, else the DCT.
  const DateVal& reference() const { return narrative ? use_anchor() : use_dct_day(); }
  // Rules read the DCT and the anchor through these, which note that the rule being tried
  // resolved against them (kb dates --explain says against what).
  date::sys_days use_dct() const {
    used_dct = true;
    return dct;
  }
  const DateVal& use_dct_day() const {
    used_dct = true;
    return dct_day;
  }
  const DateVal& use_anchor() const {
    used_anchor = true;
    return anchor;
  }
  mutable bool used_dct = false;
  mutable bool used_anchor = false;

 private:
  Token dummy_;
};

// The rules: each looks for an expression starting at token i (see rules.cpp).
std::optional<Candidate> match_at(Context& ctx, std::size_t i);
// False for tokens no rule starts at (punctuation, most words): match_at() finds nothing there.
bool can_start(const Token& t);

// Year for a month (or season/quarter) with no year, relative to `ref` and the tense.
int infer_year(int month, const DateVal& ref, Tense tense);

}  // namespace kb::timex::detail
