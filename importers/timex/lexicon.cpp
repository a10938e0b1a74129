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

// An entry of category `c` whose value is the enumerator `v`.
template <class E>
constexpr LexEntry make_entry(Cat c, E v, bool plural = false) {
  return {c, static_cast<std::int16_t>(v), plural};
}

constexpr LexEntry m(int v) { return {Cat::month, static_cast<std::int16_t>(v), false}; }
constexpr LexEntry wd(int v) { return {Cat::weekday, static_cast<std::int16_t>(v), false}; }
constexpr LexEntry u(Unit v, bool plural = false) { return make_entry(Cat::unit, v, plural); }
constexpr LexEntry n(int v) { return {Cat::numword, static_cast<std::int16_t>(v), false}; }
constexpr LexEntry o(int v) { return {Cat::ordinal, static_cast<std::int16_t>(v), false}; }
constexpr LexEntry s(Season v, bool plural = false) { return make_entry(Cat::season, v, plural); }
constexpr LexEntry p(PartOfDay v) { return make_entry(Cat::part_of_day, v); }
constexpr LexEntry md(Mod v) { return make_entry(Cat::mod, v); }
constexpr LexEntry r(Rel v) { return make_entry(Cat::rel, v); }
constexpr LexEntry rf(Ref v) { return make_entry(Cat::ref, v); }
constexpr LexEntry st(Unit v) { return make_entry(Cat::set_word, v); }
constexpr LexEntry q(Quant v) { return make_entry(Cat::quant, v); }
constexpr LexEntry k(Kw v) { return make_entry(Cat::kw, v); }
constexpr LexEntry ap(Approx v) { return make_entry(Cat::approx, v); }
constexpr LexEntry hd(Holiday v) { return make_entry(Cat::holiday, v); }

// The tables. Abbreviations are stored without their full stop.
constexpr auto kWords = std::to_array<Word>({
    // months and weekdays: from kb/calendar_words.hpp (Table() adds them)
    // units
    {"second", u(Unit::second)},
    {"seconds", u(Unit::second, true)},
    {"minute", u(Unit::minute)},
    {"minutes", u(Unit::minute, true)},
    {"hour", u(Unit::hour)},
    {"hours", u(Unit::hour, true)},
    {"day", u(Unit::day)},
    {"days", u(Unit::day, true)},
    {"weekend", u(Unit::weekend)},
    {"weekends", u(Unit::weekend, true)},
    {"week", u(Unit::week)},
    {"weeks", u(Unit::week, true)},
    {"fortnight", u(Unit::fortnight)},
    {"month", u(Unit::month)},
    {"months", u(Unit::month, true)},
    {"quarter", u(Unit::quarter)},
    {"quarters", u(Unit::quarter, true)},
    {"half", u(Unit::half)},
    {"year", u(Unit::year)},
    {"years", u(Unit::year, true)},
    {"decade", u(Unit::decade)},
    {"decades", u(Unit::decade, true)},
    {"century", u(Unit::century)},
    {"centuries", u(Unit::century, true)},
    {"yr", u(Unit::year)},
    {"yrs", u(Unit::year, true)},
    {"hrs", u(Unit::hour, true)},
    {"mins", u(Unit::minute, true)},
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
    {"spring", s(Season::spring)},
    {"summer", s(Season::summer)},
    {"fall", s(Season::fall)},
    {"autumn", s(Season::fall)},
    {"winter", s(Season::winter)},
    {"springs", s(Season::spring, true)},
    {"summers", s(Season::summer, true)},
    {"winters", s(Season::winter, true)},
    // parts of the day
    {"morning", p(PartOfDay::morning)},
    {"afternoon", p(PartOfDay::afternoon)},
    {"evening", p(PartOfDay::evening)},
    {"night", p(PartOfDay::night)},
    {"noon", p(PartOfDay::noon)},
    {"midnight", p(PartOfDay::midnight)},
    {"overnight", p(PartOfDay::night)},
    // modifiers
    {"early", md(Mod::early)},
    {"mid", md(Mod::mid)},
    {"late", md(Mod::late)},
    {"beginning", md(Mod::beginning)},
    {"start", md(Mod::beginning)},
    {"end", md(Mod::end)},
    {"middle", md(Mod::middle)},
    // relative words
    {"last", r(Rel::last)},
    {"next", r(Rel::next)},
    {"this", r(Rel::this_word)},
    {"past", r(Rel::past)},
    {"coming", r(Rel::coming)},
    {"previous", r(Rel::previous)},
    {"following", r(Rel::following)},
    {"current", r(Rel::current)},
    {"latest", r(Rel::latest)},
    {"recent", r(Rel::recent)},
    {"same", r(Rel::same)},
    {"prior", r(Rel::prior)},
    {"that", r(Rel::that)},
    {"upcoming", r(Rel::coming)},
    {"preceding", r(Rel::previous)},
    {"subsequent", r(Rel::following)},
    // holidays
    {"thanksgiving", hd(Holiday::thanksgiving)},
    {"christmas", hd(Holiday::christmas)},
    {"easter", hd(Holiday::easter)},
    {"halloween", hd(Holiday::halloween)},
    {"election", hd(Holiday::election)},
    // deictic and vague references
    {"now", rf(Ref::now)},
    {"today", rf(Ref::today)},
    {"yesterday", rf(Ref::yesterday)},
    {"tomorrow", rf(Ref::tomorrow)},
    {"tonight", rf(Ref::tonight)},
    {"recently", rf(Ref::recently)},
    {"currently", rf(Ref::currently)},
    {"former", rf(Ref::former)},
    {"future", rf(Ref::future)},
    {"soon", rf(Ref::soon)},
    {"previously", rf(Ref::previously)},
    {"nowadays", rf(Ref::nowadays)},
    {"formerly", rf(Ref::former)},
    {"lately", rf(Ref::recently)},
    {"then", rf(Ref::then)},
    {"once", rf(Ref::once)},
    // sets
    {"daily", st(Unit::day)},
    {"weekly", st(Unit::week)},
    {"monthly", st(Unit::month)},
    {"yearly", st(Unit::year)},
    {"annually", st(Unit::year)},
    {"annual", st(Unit::year)},
    {"quarterly", st(Unit::quarter)},
    {"hourly", st(Unit::hour)},
    {"nightly", st(Unit::day)},
    {"biweekly", st(Unit::fortnight)},
    // quantities
    {"several", q(Quant::several)},
    {"few", q(Quant::few)},
    {"some", q(Quant::some)},
    {"many", q(Quant::many)},
    {"couple", q(Quant::couple)},
    // keywords
    {"the", k(Kw::the)},
    {"a", k(Kw::a)},
    {"an", k(Kw::an)},
    {"of", k(Kw::of)},
    {"ago", k(Kw::ago)},
    {"later", k(Kw::later)},
    {"earlier", k(Kw::earlier)},
    {"before", k(Kw::before)},
    {"after", k(Kw::after)},
    {"since", k(Kw::since)},
    {"until", k(Kw::until)},
    {"till", k(Kw::till)},
    {"from", k(Kw::from)},
    {"between", k(Kw::between)},
    {"and", k(Kw::and_word)},
    {"to", k(Kw::to)},
    {"through", k(Kw::through)},
    {"every", k(Kw::every)},
    {"each", k(Kw::each)},
    {"per", k(Kw::per)},
    {"fiscal", k(Kw::fiscal)},
    {"bc", k(Kw::bc)},
    {"bce", k(Kw::bc)},
    {"ad", k(Kw::ad)},
    {"ce", k(Kw::ad)},
    {"am", k(Kw::am)},
    {"pm", k(Kw::pm)},
    {"in", k(Kw::in)},
    {"on", k(Kw::on)},
    {"at", k(Kw::at)},
    {"by", k(Kw::by)},
    {"during", k(Kw::during)},
    {"over", k(Kw::over)},
    {"for", k(Kw::for_word)},
    {"within", k(Kw::within)},
    {"hence", k(Kw::hence)},
    {"fy", k(Kw::fy)},
    {"or", k(Kw::or_word)},
    // approximations
    {"about", ap(Approx::about)},
    {"around", ap(Approx::about)},
    {"approximately", ap(Approx::about)},
    {"roughly", ap(Approx::about)},
    {"some", q(Quant::some)},
    {"nearly", ap(Approx::nearly)},
    {"almost", ap(Approx::almost)},
    {"least", ap(Approx::at_least)},
    {"more", ap(Approx::more_than)},
    {"less", ap(Approx::less_than)},
    {"up", ap(Approx::up_to)},
});

constexpr std::size_t kSlots = 2048;  // power of two, > 4x the table size: short probes
static_assert((kWords.size() + std::size(calendar::kMonthWords) +
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
    words.assign(kWords.begin(), kWords.end());
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

// The table, built on first use.
const Table& table() {
  static const Table t;
  return t;
}

}  // namespace

LexEntry lookup_word(std::string_view lower) { return lookup_word(lower, hash(lower)); }

LexEntry lookup_word(std::string_view lower, std::uint32_t full) {
  const Table& t = table();
  std::uint32_t h = full & (kSlots - 1);
  while (t.slot[h].index != 0) {
    if (t.slot[h].hash == full) {
      const Word& w = t.words[t.slot[h].index - 1];
      if (w.text == lower) {
        return w.entry;
      }
    }
    h = (h + 1) & (kSlots - 1);
  }
  return {};
}

}  // namespace kb::timex
