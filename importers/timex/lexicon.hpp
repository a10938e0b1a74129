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

enum Unit : std::int16_t {
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeekend,
  kWeek,
  kFortnight,
  kMonth,
  kQuarter,
  kHalf,
  kYear,
  kDecade,
  kCentury,
};
enum Season : std::int16_t { kSpring, kSummer, kFall, kWinter };
enum PartOfDay : std::int16_t { kMorning, kAfternoon, kEvening, kNight, kNoon, kMidnight };
enum Mod : std::int16_t { kEarly, kMid, kLate, kBeginning, kEnd, kMiddle };
enum Rel : std::int16_t {
  kLast,
  kNext,
  kThis,
  kPast,
  kComing,
  kPrevious,
  kFollowing,
  kCurrent,
  kLatest,
  kRecent,
  kSame,
  kPrior,
  kThat
};
enum Ref : std::int16_t {
  kNow,
  kToday,
  kYesterday,
  kTomorrow,
  kTonight,
  kRecently,
  kCurrently,
  kFormer,
  kFuture,
  kSoon,
  kPreviously,
  kNowadays,
  kThen,
  kOnce
};
enum Holiday : std::int16_t { kThanksgiving, kChristmas, kEaster, kHalloween, kElection };
enum Quant : std::int16_t { kSeveral, kFew, kSome, kMany, kCouple, kNumber };
enum Kw : std::int16_t {
  kThe,
  kA,
  kAn,
  kOf,
  kAgo,
  kLater,
  kEarlier,
  kBefore,
  kAfter,
  kSince,
  kUntil,
  kFrom,
  kBetween,
  kAnd,
  kTo,
  kThrough,
  kEvery,
  kEach,
  kPer,
  kFiscal,
  kBc,
  kAd,
  kAm,
  kPm,
  kIn,
  kOn,
  kAt,
  kBy,
  kDuring,
  kOver,
  kFor,
  kYears,
  kWithin,
  kHence,
  kFy,
  kTill,
  kOr,
  kCentAbbr
};
enum Approx : std::int16_t {
  kAbout,
  kNearly,
  kAlmost,
  kMoreThan,
  kLessThan,
  kAtLeast,
  kUpTo,
  kOverApprox
};

// A word of the tables.
struct LexEntry {
  Cat cat = Cat::none;
  std::int16_t value = 0;
  bool plural = false;  // "years", "months": a plural unit or season
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
