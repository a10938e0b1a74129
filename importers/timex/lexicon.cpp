// Word tables of the date tagger and their lookup (a small open-addressing hash table built
// once from the constant table below).
#include "importers/timex/lexicon.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "kb/calendar_words.hpp"

namespace kb::timex {
namespace {

struct Word {
  std::string_view text;
  LexEntry entry;
};

constexpr LexEntry m(int v) { return {Cat::month, static_cast<std::int16_t>(v), false}; }
constexpr LexEntry wd(int v) { return {Cat::weekday, static_cast<std::int16_t>(v), false}; }
constexpr LexEntry u(Unit v, bool plural = false) { return {Cat::unit, v, plural}; }
constexpr LexEntry n(int v) { return {Cat::numword, static_cast<std::int16_t>(v), false}; }
constexpr LexEntry o(int v) { return {Cat::ordinal, static_cast<std::int16_t>(v), false}; }
constexpr LexEntry s(Season v, bool plural = false) { return {Cat::season, v, plural}; }
constexpr LexEntry p(PartOfDay v) { return {Cat::part_of_day, v, false}; }
constexpr LexEntry md(Mod v) { return {Cat::mod, v, false}; }
constexpr LexEntry r(Rel v) { return {Cat::rel, v, false}; }
constexpr LexEntry rf(Ref v) { return {Cat::ref, v, false}; }
constexpr LexEntry st(Unit v) { return {Cat::set_word, v, false}; }
constexpr LexEntry q(Quant v) { return {Cat::quant, v, false}; }
constexpr LexEntry k(Kw v) { return {Cat::kw, v, false}; }
constexpr LexEntry ap(Approx v) { return {Cat::approx, v, false}; }
constexpr LexEntry hd(Holiday v) { return {Cat::holiday, v, false}; }

// The tables. Abbreviations are stored without their full stop.
constexpr Word kWords[] = {
    // months and weekdays: from kb/calendar_words.hpp (Table() adds them)
    // units
    {"second", u(kSecond)},
    {"seconds", u(kSecond, true)},
    {"minute", u(kMinute)},
    {"minutes", u(kMinute, true)},
    {"hour", u(kHour)},
    {"hours", u(kHour, true)},
    {"day", u(kDay)},
    {"days", u(kDay, true)},
    {"weekend", u(kWeekend)},
    {"weekends", u(kWeekend, true)},
    {"week", u(kWeek)},
    {"weeks", u(kWeek, true)},
    {"fortnight", u(kFortnight)},
    {"month", u(kMonth)},
    {"months", u(kMonth, true)},
    {"quarter", u(kQuarter)},
    {"quarters", u(kQuarter, true)},
    {"half", u(kHalf)},
    {"year", u(kYear)},
    {"years", u(kYear, true)},
    {"decade", u(kDecade)},
    {"decades", u(kDecade, true)},
    {"century", u(kCentury)},
    {"centuries", u(kCentury, true)},
    {"yr", u(kYear)},
    {"yrs", u(kYear, true)},
    {"hrs", u(kHour, true)},
    {"mins", u(kMinute, true)},
    // number words
    {"one", n(1)},
    {"two", n(2)},
    {"three", n(3)},
    {"four", n(4)},
    {"five", n(5)},
    {"six", n(6)},
    {"seven", n(7)},
    {"eight", n(8)},
    {"nine", n(9)},
    {"ten", n(10)},
    {"eleven", n(11)},
    {"twelve", n(12)},
    {"thirteen", n(13)},
    {"fourteen", n(14)},
    {"fifteen", n(15)},
    {"sixteen", n(16)},
    {"seventeen", n(17)},
    {"eighteen", n(18)},
    {"nineteen", n(19)},
    {"twenty", n(20)},
    {"thirty", n(30)},
    {"forty", n(40)},
    {"fifty", n(50)},
    {"sixty", n(60)},
    {"seventy", n(70)},
    {"eighty", n(80)},
    {"ninety", n(90)},
    {"hundred", n(100)},
    {"thousand", n(1000)},
    {"dozen", n(12)},
    // ordinals
    {"first", o(1)},
    {"third", o(3)},
    {"fourth", o(4)},
    {"fifth", o(5)},
    {"sixth", o(6)},
    {"seventh", o(7)},
    {"eighth", o(8)},
    {"ninth", o(9)},
    {"tenth", o(10)},
    {"eleventh", o(11)},
    {"twelfth", o(12)},
    {"thirteenth", o(13)},
    {"fourteenth", o(14)},
    {"fifteenth", o(15)},
    {"sixteenth", o(16)},
    {"seventeenth", o(17)},
    {"eighteenth", o(18)},
    {"nineteenth", o(19)},
    {"twentieth", o(20)},
    {"twenty-first", o(21)},
    // seasons
    {"spring", s(kSpring)},
    {"summer", s(kSummer)},
    {"fall", s(kFall)},
    {"autumn", s(kFall)},
    {"winter", s(kWinter)},
    {"springs", s(kSpring, true)},
    {"summers", s(kSummer, true)},
    {"winters", s(kWinter, true)},
    // parts of the day
    {"morning", p(kMorning)},
    {"afternoon", p(kAfternoon)},
    {"evening", p(kEvening)},
    {"night", p(kNight)},
    {"noon", p(kNoon)},
    {"midnight", p(kMidnight)},
    {"overnight", p(kNight)},
    // modifiers
    {"early", md(kEarly)},
    {"mid", md(kMid)},
    {"late", md(kLate)},
    {"beginning", md(kBeginning)},
    {"start", md(kBeginning)},
    {"end", md(kEnd)},
    {"middle", md(kMiddle)},
    // relative words
    {"last", r(kLast)},
    {"next", r(kNext)},
    {"this", r(kThis)},
    {"past", r(kPast)},
    {"coming", r(kComing)},
    {"previous", r(kPrevious)},
    {"following", r(kFollowing)},
    {"current", r(kCurrent)},
    {"latest", r(kLatest)},
    {"recent", r(kRecent)},
    {"same", r(kSame)},
    {"prior", r(kPrior)},
    {"that", r(kThat)},
    {"upcoming", r(kComing)},
    {"preceding", r(kPrevious)},
    {"subsequent", r(kFollowing)},
    // holidays
    {"thanksgiving", hd(kThanksgiving)},
    {"christmas", hd(kChristmas)},
    {"easter", hd(kEaster)},
    {"halloween", hd(kHalloween)},
    {"election", hd(kElection)},
    // deictic and vague references
    {"now", rf(kNow)},
    {"today", rf(kToday)},
    {"yesterday", rf(kYesterday)},
    {"tomorrow", rf(kTomorrow)},
    {"tonight", rf(kTonight)},
    {"recently", rf(kRecently)},
    {"currently", rf(kCurrently)},
    {"former", rf(kFormer)},
    {"future", rf(kFuture)},
    {"soon", rf(kSoon)},
    {"previously", rf(kPreviously)},
    {"nowadays", rf(kNowadays)},
    {"formerly", rf(kFormer)},
    {"lately", rf(kRecently)},
    {"then", rf(kThen)},
    {"once", rf(kOnce)},
    // sets
    {"daily", st(kDay)},
    {"weekly", st(kWeek)},
    {"monthly", st(kMonth)},
    {"yearly", st(kYear)},
    {"annually", st(kYear)},
    {"annual", st(kYear)},
    {"quarterly", st(kQuarter)},
    {"hourly", st(kHour)},
    {"nightly", st(kDay)},
    {"biweekly", st(kFortnight)},
    // quantities
    {"several", q(kSeveral)},
    {"few", q(kFew)},
    {"some", q(kSome)},
    {"many", q(kMany)},
    {"couple", q(kCouple)},
    // keywords
    {"the", k(kThe)},
    {"a", k(kA)},
    {"an", k(kAn)},
    {"of", k(kOf)},
    {"ago", k(kAgo)},
    {"later", k(kLater)},
    {"earlier", k(kEarlier)},
    {"before", k(kBefore)},
    {"after", k(kAfter)},
    {"since", k(kSince)},
    {"until", k(kUntil)},
    {"till", k(kTill)},
    {"from", k(kFrom)},
    {"between", k(kBetween)},
    {"and", k(kAnd)},
    {"to", k(kTo)},
    {"through", k(kThrough)},
    {"every", k(kEvery)},
    {"each", k(kEach)},
    {"per", k(kPer)},
    {"fiscal", k(kFiscal)},
    {"bc", k(kBc)},
    {"bce", k(kBc)},
    {"ad", k(kAd)},
    {"ce", k(kAd)},
    {"am", k(kAm)},
    {"pm", k(kPm)},
    {"in", k(kIn)},
    {"on", k(kOn)},
    {"at", k(kAt)},
    {"by", k(kBy)},
    {"during", k(kDuring)},
    {"over", k(kOver)},
    {"for", k(kFor)},
    {"within", k(kWithin)},
    {"hence", k(kHence)},
    {"fy", k(kFy)},
    {"or", k(kOr)},
    // approximations
    {"about", ap(kAbout)},
    {"around", ap(kAbout)},
    {"approximately", ap(kAbout)},
    {"roughly", ap(kAbout)},
    {"some", q(kSome)},
    {"nearly", ap(kNearly)},
    {"almost", ap(kAlmost)},
    {"least", ap(kAtLeast)},
    {"more", ap(kMoreThan)},
    {"less", ap(kLessThan)},
    {"up", ap(kUpTo)},
};

constexpr std::size_t kSlots = 2048;  // power of two, > 4x the table size: short probes
static_assert((std::size(kWords) + std::size(calendar::kMonthWords) +
               std::size(calendar::kWeekdayWords) + 7) *
                  4 <
              kSlots);

std::uint32_t hash(std::string_view w) {
  std::uint32_t h = kLexHashSeed;
  for (char c : w) {
    h = lex_hash_step(h, c);
  }
  return h;
}

// Open-addressing table: each used slot holds a word's full hash and its index in kWords + 1
// (0 = empty), so most probes are decided without comparing text.
struct Table {
  struct Slot {
    std::uint32_t hash = 0;
    std::uint16_t index = 0;
  };
  std::array<Slot, kSlots> slot{};
  // The words: kWords, then the month and weekday words read in prose (calendar_words.hpp)
  // with the weekdays' plurals ("Mondays").
  std::vector<Word> words;
  std::array<std::string, 7> plurals;
  Table() {
    words.assign(std::begin(kWords), std::end(kWords));
    for (const auto& w : calendar::kMonthWords) {
      if (w.in_prose) {
        words.push_back({w.word, m(w.number)});
      }
    }
    for (const auto& w : calendar::kWeekdayWords) {
      if (w.in_prose) {
        words.push_back({w.word, wd(w.number)});
      }
    }
    for (std::size_t d = 0; d < plurals.size(); ++d) {
      for (const char c : calendar::kWeekdayNames[d]) {
        plurals[d] += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      }
      plurals[d] += 's';
      words.push_back({plurals[d], wd(static_cast<int>(d) + 1)});
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::uint32_t full = hash(words[i].text);
      std::uint32_t h = full & (kSlots - 1);
      bool duplicate = false;
      while (slot[h].index != 0) {
        duplicate = duplicate || words[slot[h].index - 1].text == words[i].text;
        h = (h + 1) & (kSlots - 1);
      }
      if (!duplicate) {
        slot[h] = Slot{full, static_cast<std::uint16_t>(i + 1)};
      }
    }
  }
};

const Table kTable;

}  // namespace

LexEntry lookup_word(std::string_view lower) { return lookup_word(lower, hash(lower)); }

LexEntry lookup_word(std::string_view lower, std::uint32_t full) {
  std::uint32_t h = full & (kSlots - 1);
  while (kTable.slot[h].index != 0) {
    if (kTable.slot[h].hash == full) {
      const Word& w = kTable.words[kTable.slot[h].index - 1];
      if (w.text == lower) {
        return w.entry;
      }
    }
    h = (h + 1) & (kSlots - 1);
  }
  return {};
}

}  // namespace kb::timex
