// FuzzyDate::parse: the dates people type ("24 Feb 2022", "the 1990s", "early 2014",
// "20–21 May 2023"). Table-driven: a row of word matchers writes a TIMEX3 value, which
// from_timex checks against the calendar. Ranges and modifiers wrap single dates.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "kb/calendar_words.hpp"
#include "kb/fuzzy_date.hpp"

namespace kb {
namespace {

using Values = std::array<int, 4>;  // what the matchers of a TextRow returned, in order
using Match = std::optional<int> (*)(std::string_view word);
using Format = std::string (*)(const Values& v);

// Indexed as match_season() returns.
constexpr std::array<std::string_view, 4> kSeasonCodes = {"SP", "SU", "FA", "WI"};

std::size_t u(int n) { return static_cast<std::size_t>(n); }

// All of `s` as a decimal number; nullopt unless `s` is 1-4 digits.
std::optional<int> to_int(std::string_view s) {
  int value = 0;
  if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

std::optional<FuzzyDate> from_timex(std::string_view value) {
  Result<FuzzyDate> d = FuzzyDate::from_timex(value);
  return d ? std::optional{*d} : std::nullopt;
}

std::optional<FuzzyDate> range_of(const std::optional<FuzzyDate>& a,
                                  const std::optional<FuzzyDate>& b) {
  if (!a || !b) {
    return std::nullopt;
  }
  Result<FuzzyDate> r = FuzzyDate::range(*a, *b);
  return r ? std::optional{*r} : std::nullopt;
}

// A month name or its abbreviation ("feb", "feb.", "sept"; calendar_words.hpp), as 1-12.
std::optional<int> match_month(std::string_view t) {
  const int m = calendar::month_number(t);
  return m != 0 ? std::optional<int>(m) : std::nullopt;
}
std::optional<int> match_year(std::string_view t) {
  return t.size() == 4 ? to_int(t) : std::nullopt;
}
// A number with an optional ordinal suffix: "24", "24th", "1st".
std::optional<int> match_ordinal(std::string_view t) {
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (t.ends_with(suffix)) {
      t.remove_suffix(2);
      break;
    }
  }
  return t.size() <= 2 ? to_int(t) : std::nullopt;
}
std::optional<int> match_day(std::string_view t) {
  const std::optional<int> d = match_ordinal(t);
  return d && *d >= 1 && *d <= 31 ? d : std::nullopt;
}
// "1990s" -> 199; "'90s" and "90s" -> 199 (two digits: 30-99 are 19xx, 00-29 are 20xx).
std::optional<int> match_decade(std::string_view t) {
  if (t.starts_with('\'')) {
    t.remove_prefix(1);
  }
  if (!t.ends_with("0s") || (t.size() != 5 && t.size() != 3)) {
    return std::nullopt;
  }
  const std::optional<int> n = to_int(t.substr(0, t.size() - 2));
  if (!n || t.size() == 5) {
    return n;
  }
  return *n >= 3 ? 190 + *n : 200 + *n;
}
template <char kLetter>  // "q1", "h2": the number; from_timex checks its range
std::optional<int> match_part(std::string_view t) {
  return t.size() == 2 && t[0] == kLetter ? to_int(t.substr(1)) : std::nullopt;
}
// A season word, as its index in kSeasonCodes.
std::optional<int> match_season(std::string_view t) {
  constexpr std::array<std::pair<std::string_view, int>, 5> kSeasons = {
      {{"spring", 0}, {"summer", 1}, {"autumn", 2}, {"fall", 2}, {"winter", 3}}};
  for (const auto& [word, index] : kSeasons) {
    if (t == word) {
      return index;
    }
  }
  return std::nullopt;
}
// "2014-15" (the winter of 2014-15), as 2014.
std::optional<int> match_winter_years(std::string_view t) {
  const std::optional<int> y =
      t.size() == 7 && t[4] == '-' ? match_year(t.substr(0, 4)) : std::nullopt;
  const std::optional<int> next = y ? to_int(t.substr(5)) : std::nullopt;
  return next && *next == (*y + 1) % 100 ? y : std::nullopt;
}
template <const std::string_view& kWord>
std::optional<int> match_word(std::string_view t) {
  return t == kWord ? std::optional{0} : std::nullopt;
}
constexpr std::string_view kWeek = "week";
constexpr std::string_view kOf = "of";
constexpr std::string_view kCentury = "century";
constexpr std::string_view kWinter = "winter";

// A sequence of words and the TIMEX3 value written from what the matchers returned.
struct TextRow {
  std::size_t size;
  std::array<Match, 4> match;
  Format timex;
};
constexpr std::array kTextRows = {
    TextRow{3,
            {&match_day, &match_month, &match_year},  // 24 February 2022
            [](const Values& v) { return fmt::format("{:04}-{:02}-{:02}", v[2], v[1], v[0]); }},
    TextRow{3,
            {&match_month, &match_day, &match_year},  // February 24, 2022
            [](const Values& v) { return fmt::format("{:04}-{:02}-{:02}", v[2], v[0], v[1]); }},
    TextRow{2,
            {&match_month, &match_year},  // Feb 2022
            [](const Values& v) { return fmt::format("{:04}-{:02}", v[1], v[0]); }},
    TextRow{2,
            {&match_season, &match_year},  // summer 2014
            [](const Values& v) { return fmt::format("{:04}-{}", v[1], kSeasonCodes[u(v[0])]); }},
    TextRow{2,
            {&match_word<kWinter>, &match_winter_years},  // winter 2014-15
            [](const Values& v) { return fmt::format("{:04}-WI", v[1]); }},
    TextRow{2,
            {&match_part<'q'>, &match_year},  // Q1 2014
            [](const Values& v) { return fmt::format("{:04}-Q{}", v[1], v[0]); }},
    TextRow{2,
            {&match_part<'h'>, &match_year},  // H1 2014
            [](const Values& v) { return fmt::format("{:04}-H{}", v[1], v[0]); }},
    TextRow{1,
            {&match_decade},  // 1990s
            [](const Values& v) { return fmt::format("{:03}X", v[0]); }},
    TextRow{2,
            {&match_ordinal, &match_word<kCentury>},  // 20th century
            [](const Values& v) { return fmt::format("{:02}XX", v[0] - 1); }},
    TextRow{4,
            {&match_word<kWeek>, &match_ordinal, &match_word<kOf>, &match_year},  // week 20 of 2023
            [](const Values& v) { return fmt::format("{:04}-W{:02}", v[3], v[1]); }},
};

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t pos = s.find_first_not_of(" ,");
  while (pos != std::string_view::npos) {
    const std::size_t end = std::min(s.find_first_of(" ,", pos), s.size());
    words.push_back(s.substr(pos, end - pos));
    pos = s.find_first_not_of(" ,", end);
  }
  return words;
}

std::optional<FuzzyDate> match_row(const TextRow& row, const std::vector<std::string_view>& w) {
  Values values{};
  if (w.size() != row.size) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < row.size; ++i) {
    const std::optional<int> v = row.match[i](w[i]);
    if (!v) {
      return std::nullopt;
    }
    values[i] = *v;
  }
  return from_timex(row.timex(values));
}

bool strip_prefix(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) {
    return false;
  }
  s.remove_prefix(prefix.size());
  return true;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// One date, no range or modifier: "24 feb 2022", "the 1990s", "2014-q1".
std::optional<FuzzyDate> single(std::string_view s) {
  strip_prefix(s, "the ");
  if (std::optional<FuzzyDate> d = from_timex(upper(s))) {
    return d;
  }
  const std::vector<std::string_view> words = words_of(s);
  for (const TextRow& row : kTextRows) {
    if (std::optional<FuzzyDate> d = match_row(row, words)) {
      return d;
    }
  }
  return std::nullopt;
}

// `left` may leave out what `right` ends with: "20" + "21 may 2023", "february" + "may 2022".
std::optional<FuzzyDate> join(std::string_view left, std::string_view right) {
  const std::optional<FuzzyDate> end = single(right);
  const std::vector<std::string_view> words = words_of(right);
  if (!end || left.empty()) {
    return std::nullopt;
  }
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::size_t from = words.size() - k;
    const std::string_view tail =
        k == 0 ? "" : right.substr(static_cast<std::size_t>(words[from].data() - right.data()));
    const std::string start = k == 0 ? std::string(left) : fmt::format("{} {}", left, tail);
    if (std::optional<FuzzyDate> d = range_of(single(start), end)) {
      return d;
    }
  }
  return std::nullopt;
}

std::string_view trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(' ');
  return begin == std::string_view::npos ? ""
                                         : s.substr(begin, s.find_last_not_of(' ') - begin + 1);
}

// Tries every place `sep` occurs as the split between start and end.
std::optional<FuzzyDate> split_at(std::string_view s, std::string_view sep) {
  for (std::size_t pos = s.find(sep); pos != std::string_view::npos; pos = s.find(sep, pos + 1)) {
    if (std::optional<FuzzyDate> d =
            join(trim(s.substr(0, pos)), trim(s.substr(pos + sep.size())))) {
      return d;
    }
  }
  return std::nullopt;
}

// "2019-2028", "2019 to 2028", "between 2019 and 2028", "30 april - 1 may 2023".
std::optional<FuzzyDate> span(std::string_view s) {
  if (strip_prefix(s, "between ")) {
    return split_at(s, " and ");
  }
  strip_prefix(s, "from ");
  for (std::string_view sep : {" to ", " until ", " through ", "-", "/"}) {
    if (std::optional<FuzzyDate> d = split_at(s, sep)) {
      return d;
    }
  }
  return std::nullopt;
}

struct ModifierWord {
  std::string_view word;
  Modifier modifier;
};
constexpr std::array kModifierWords = {
    ModifierWord{"early ", Modifier::early},   ModifierWord{"early-", Modifier::early},
    ModifierWord{"mid-", Modifier::mid},       ModifierWord{"mid ", Modifier::mid},
    ModifierWord{"middle of ", Modifier::mid}, ModifierWord{"late ", Modifier::late},
    ModifierWord{"late-", Modifier::late},     ModifierWord{"about ", Modifier::approx},
    ModifierWord{"around ", Modifier::approx}, ModifierWord{"approximately ", Modifier::approx},
    ModifierWord{"circa ", Modifier::approx},  ModifierWord{"c. ", Modifier::approx},
    ModifierWord{"since ", Modifier::since},   ModifierWord{"before ", Modifier::before},
    ModifierWord{"after ", Modifier::after},   ModifierWord{"until ", Modifier::until},
    ModifierWord{"till ", Modifier::until},
};

Modifier strip_modifier(std::string_view& s) {
  for (const ModifierWord& m : kModifierWords) {
    if (strip_prefix(s, m.word)) {
      return m.modifier;
    }
  }
  return Modifier::none;
}

// Lower case, single spaces, and '-' for the dashes people use (en dash, em dash, minus).
std::string normalize(std::string_view text) {
  constexpr std::array<std::pair<std::string_view, char>, 8> kReplace = {{{"\u2013", '-'},
                                                                          {"\u2014", '-'},
                                                                          {"\u2212", '-'},
                                                                          {"\u2019", '\''},
                                                                          {"\u00a0", ' '},
                                                                          {"\t", ' '},
                                                                          {"\n", ' '},
                                                                          {"\r", ' '}}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    for (const auto& [from, to] : kReplace) {
      if (text.substr(i).starts_with(from)) {
        c = to;
        i += from.size() - 1;
        break;
      }
    }
    if (c != ' ' || (!out.empty() && out.back() != ' ')) {
      out += c;
    }
  }
  return std::string(trim(out));
}

std::optional<FuzzyDate> person_date(std::string_view text) {
  const std::string normal = normalize(text);
  std::string_view s = normal;
  strip_prefix(s, "in ");
  strip_prefix(s, "the ");
  const Modifier m = strip_modifier(s);
  std::optional<FuzzyDate> d = from_timex(upper(s));
  if (!d) {
    d = single(s);
  }
  if (!d) {
    d = span(s);
  }
  return d ? std::optional{d->with_modifier(m)} : std::nullopt;
}

}  // namespace

Result<FuzzyDate> FuzzyDate::parse(std::string_view text) {
  if (std::optional<FuzzyDate> d = person_date(text)) {
    return *d;
  }
  const std::string_view shown = trim(text);
  return fail(Errc::invalid_argument, fmt::format("not a date: '{}'", shown));
}

}  // namespace kb
