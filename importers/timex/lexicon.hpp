// The date tagger's word tables: every word that can start or extend a temporal expression,
// with its category and value (months, weekdays, units, number words, ...). Data, not code.
#pragma once

#include <cstdint>
#include <string_view>

namespace kb::timex {

// What a word means to the tagger.
enum class Cat : std::uint8_t {
  none,
  month,        // value 1..12
  weekday,      // value 1..7 (Monday = 1, ISO)
  unit,         // value: Unit
  numword,      // value: the number ("three" = 3, "twenty" = 20, "hundred" = 100)
  ordinal,      // value: the number ("third" = 3)
  season,       // value: Season
  part_of_day,  // value: PartOfDay
  mod,          // value: Mod (early, mid, late, beginning, end, middle)
  rel,          // value: Rel (last, next, this, past, coming, ...)
  ref,          // value: Ref (now, today, yesterday, recently, ...)
  set_word,     // value: Unit of the period ("daily" = day)
  quant,        // value: Quant (several, few, some, many, couple)
  kw,           // value: Kw (the, a, of, ago, since, ...)
  approx,       // value: Approx ("about", "nearly", "more than", ...)
  holiday,      // value: Holiday
};

// The values of the categories (LexEntry::value). A word that is a C++ keyword ("this",
// "and", "or", "for") is named with a _word suffix.
enum class Unit : std::int16_t {
  second,
  minute,
  hour,
  day,
  weekend,
  week,
  fortnight,
  month,
  quarter,
  half,
  year,
  decade,
  century,
};
enum class Season : std::int16_t { spring, summer, fall, winter };
enum class PartOfDay : std::int16_t { morning, afternoon, evening, night, noon, midnight };
enum class Mod : std::int16_t { early, mid, late, beginning, end, middle };
enum class Rel : std::int16_t {
  last,
  next,
  this_word,
  past,
  coming,
  previous,
  following,
  current,
  latest,
  recent,
  same,
  prior,
  that
};
enum class Ref : std::int16_t {
  now,
  today,
  yesterday,
  tomorrow,
  tonight,
  recently,
  currently,
  former,
  future,
  soon,
  previously,
  nowadays,
  then,
  once
};
enum class Holiday : std::int16_t { thanksgiving, christmas, easter, halloween, election };
enum class Quant : std::int16_t { several, few, some, many, couple, number };
enum class Kw : std::int16_t {
  the,
  a,
  an,
  of,
  ago,
  later,
  earlier,
  before,
  after,
  since,
  until,
  from,
  between,
  and_word,
  to,
  through,
  every,
  each,
  per,
  fiscal,
  bc,
  ad,
  am,
  pm,
  in,
  on,
  at,
  by,
  during,
  over,
  for_word,
  years,
  within,
  hence,
  fy,
  till,
  or_word,
  cent_abbr
};
enum class Approx : std::int16_t {
  about,
  nearly,
  almost,
  more_than,
  less_than,
  at_least,
  up_to,
  over_approx
};

// A word of the tables.
struct LexEntry {
  Cat cat = Cat::none;
  std::int16_t value = 0;
  bool plural = false;  // "years", "months": a plural unit or season

  // `value` as the enumeration of its category: value_as<Kw>() == Kw::the.
  template <class E>
  constexpr E value_as() const {
    return static_cast<E>(value);
  }
};

// Looks up a lowercase ASCII word; {Cat::none} if it is not in the tables.
LexEntry lookup_word(std::string_view lower);
// lookup_word() given the word's hash, computed with lex_hash_step() from kLexHashSeed (the
// tokenizer hashes while it lowercases).
LexEntry lookup_word(std::string_view lower, std::uint32_t hash);

// FNV-1a, the hash of the word tables: start from kLexHashSeed, one step per byte.
inline constexpr std::uint32_t kLexHashSeed = 2166136261u;
constexpr std::uint32_t lex_hash_step(std::uint32_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 16777619u;
}

}  // namespace kb::timex
