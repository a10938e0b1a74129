// Timestamp parsing: a strict ISO 8601 scanner plus a token-based parser for written dates.
#include "importers/readers/timestamps.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <vector>

#include "importers/readers/utf8.hpp"
#include "kb/calendar_words.hpp"

namespace kb::importers::readers {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Zone abbreviations that news pages print after a time, with their offset in minutes east of
// UTC (error class: Telegraph bylines "3:17PM BST 12 Apr 2014" read as UTC, an hour off, or not
// read at all). Ambiguous ones (IST, CST as China time) are left out.
struct Zone {
  std::string_view name;
  int offset;
};
constexpr auto kZones = std::to_array<Zone>({{"utc", 0},
                                             {"gmt", 0},
                                             {"z", 0},
                                             {"(utc)", 0},
                                             {"bst", 60},
                                             {"cet", 60},
                                             {"cest", 120},
                                             {"eet", 120},
                                             {"eest", 180},
                                             {"msk", 180},
                                             {"est", -300},
                                             {"edt", -240},
                                             {"pst", -480},
                                             {"pdt", -420},
                                             {"cdt", -300},
                                             {"mst", -420},
                                             {"mdt", -360},
                                             {"hst", -600}});

// United States zones written without standard or daylight time ("7:04 pm ET"), with their
// standard offset; daylight time adds an hour (error class: US pages' bylines read without a
// zone, so their evening times fell on the wrong day).
constexpr auto kUsZones =
    std::to_array<Zone>({{"et", -300}, {"ct", -360}, {"mt", -420}, {"pt", -480}});

// Whether US daylight saving time is in force on `day` (by day: the 2 a.m. switch is ignored):
// from the second Sunday of March to the first Sunday of November since 2007, from the first
// Sunday of April to the last Sunday of October before.
bool us_daylight(date::sys_days day) {
  const date::year_month_day ymd(day);
  const date::year y = ymd.year();
  using date::Sunday;
  if (y >= date::year{2007}) {
    const date::sys_days start{y / date::March / Sunday[2]};
    const date::sys_days end{y / date::November / Sunday[1]};
    return day >= start && day < end;
  }
  const date::sys_days start{y / date::April / Sunday[1]};
  const date::sys_days end{y / date::October / Sunday[date::last]};
  return day >= start && day < end;
}

std::optional<int> zone_offset(std::string_view lower) {
  for (const Zone& z : kZones) {
    if (z.name == lower) {
      return z.offset;
    }
  }
  return std::nullopt;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at `s[pos]`; advances `pos`.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) {
    return std::nullopt;
  }
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!is_digit(s[pos + k])) {
      return std::nullopt;
    }
    v = v * 10 + (s[pos + k] - '0');
  }
  pos += n;
  return v;
}

std::optional<date::sys_days> make_day(int y, int m, int d) {
  if (y < 1900 || y > 2100) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return date::sys_days{ymd};
}

// Parses "+03:00", "-0500", "+03" at `s[pos]` into minutes east of UTC.
std::optional<int> offset_minutes(std::string_view s, std::size_t& pos) {
  if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) {
    return std::nullopt;
  }
  const int sign = s[pos] == '-' ? -1 : 1;
  ++pos;
  const auto h = digits(s, pos, 2);
  if (!h) {
    return std::nullopt;
  }
  int m = 0;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
  }
  if (pos < s.size()) {
    const auto mm = digits(s, pos, 2);
    if (!mm) {
      return std::nullopt;
    }
    m = *mm;
  }
  if (*h > 14 || m > 59) {
    return std::nullopt;
  }
  return sign * (*h * 60 + m);
}

std::optional<Timestamp> parse_iso(std::string_view s) {
  std::size_t pos = 0;
  const auto y = digits(s, pos, 4);
  if (!y || pos >= s.size() || s[pos] != '-') {
    return std::nullopt;
  }
  ++pos;
  const auto m = digits(s, pos, 2);
  if (!m || pos >= s.size() || s[pos] != '-') {
    return std::nullopt;
  }
  ++pos;
  const auto d = digits(s, pos, 2);
  const auto day = d ? make_day(*y, *m, *d) : std::nullopt;
  if (!day) {
    return std::nullopt;
  }
  if (pos == s.size()) {
    return Timestamp{date::sys_seconds{*day}, false, std::nullopt};
  }
  if (s[pos] != 'T' && s[pos] != ' ') {
    return std::nullopt;
  }
  ++pos;
  const auto hh = digits(s, pos, 2);
  if (!hh || pos >= s.size() || s[pos] != ':') {
    return std::nullopt;
  }
  ++pos;
  const auto mi = digits(s, pos, 2);
  int sec = 0;
  if (!mi) {
    return std::nullopt;
  }
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    const auto ss = digits(s, pos, 2);
    if (!ss) {
      return std::nullopt;
    }
    sec = *ss;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      while (pos < s.size() && is_digit(s[pos])) {
        ++pos;
      }
    }
  }
  if (*hh > 23 || *mi > 59 || sec > 60) {
    return std::nullopt;
  }
  std::optional<int> off;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
    off = 0;
  } else if (pos < s.size()) {
    // "2019-11-19 21:57:00 -0800" (sailthru.date) has a space before the offset.
    if (s[pos] == ' ' && pos + 1 < s.size() && (s[pos + 1] == '+' || s[pos + 1] == '-')) {
      ++pos;
    }
    off = offset_minutes(s, pos);
    if (!off) {
      return std::nullopt;
    }
  }
  if (pos != s.size()) {
    return std::nullopt;
  }
  const auto t =
      date::sys_seconds{*day} + hours{*hh} + minutes{*mi} + seconds{sec} - minutes{off.value_or(0)};
  return Timestamp{t, true, off};
}

// Month number 1..12 for a month name or abbreviation ("Sept.", "May"), else 0
// (kb/calendar_words.hpp).
int month_of(std::string_view word) { return calendar::month_number(word); }

// A weekday name or abbreviation ("Tue", "Thurs."): not a word that merely starts like one
// ("Monument", "Saturn", which the reader once took for weekdays).
bool is_weekday(std::string_view word) { return calendar::weekday_number(word) != 0; }

// The words of `s` split at spaces, tabs and newlines only (views into `s`).
std::vector<std::string_view> space_words(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) {
      ++i;
    }
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') {
      ++i;
    }
    if (i > b) {
      out.push_back(s.substr(b, i - b));
    }
  }
  return out;
}

// Splits at spaces and commas; keeps "+0300" / "03:02" tokens whole.
std::vector<std::string_view> tokens_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) {
      ++i;
    }
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\t') {
      ++i;
    }
    if (i > b) {
      out.push_back(s.substr(b, i - b));
    }
  }
  return out;
}

// Parses "H:MM" or "HH:MM:SS" (with an optional glued "am"/"pm").
bool parse_clock(std::string_view t, int& h, int& m, int& sec, int& ampm) {
  std::size_t pos = 0;
  const std::size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) {
    return false;
  }
  const auto hh = digits(t, pos, colon);
  ++pos;
  const auto mm = digits(t, pos, 2);
  if (!hh || !mm) {
    return false;
  }
  h = *hh, m = *mm, sec = 0;
  if (pos < t.size() && t[pos] == ':') {
    ++pos;
    const auto ss = digits(t, pos, 2);
    if (!ss) {
      return false;
    }
    sec = *ss;
  }
  const std::string rest = ascii_lower(t.substr(pos));
  if (rest == "am" || rest == "a.m.") {
    ampm = 1;
  } else if (rest == "pm" || rest == "p.m.") {
    ampm = 2;
  } else if (!rest.empty()) {
    return false;
  }
  return h <= 23 && m <= 59 && sec <= 60;
}

// State of the written-date parser.
struct Parts {
  int year = 0, month = 0, day = 0, hour = -1, minute = 0, second = 0, ampm = 0;
  std::optional<int> offset;  // minutes east of UTC, when a zone or offset is written
  bool us_zone = false;       // `offset` is a US zone's standard time; daylight time may apply
};

bool take_token(std::string_view t, Parts& p) {
  if (const int mo = month_of(t); mo != 0 && p.month == 0) {
    p.month = mo;
    return true;
  }
  if (is_weekday(t)) {
    return true;
  }
  const std::string low = ascii_lower(t);
  if (const auto zone = zone_offset(low)) {
    p.offset = zone;
    return true;
  }
  for (const Zone& z : kUsZones) {
    if (low == z.name) {
      p.offset = z.offset;
      p.us_zone = true;
      return true;
    }
  }
  if (low == "at" || low == "-" || low == "--" || low == "|" || low == "on" || low == "published" ||
      low == "updated") {
    return true;
  }
  if (low == "am" || low == "a.m." || low == "pm" || low == "p.m.") {
    p.ampm = low[0] == 'a' ? 1 : 2;
    return true;
  }
  if (t.find(':') != std::string_view::npos && p.hour < 0) {
    return parse_clock(t, p.hour, p.minute, p.second, p.ampm);
  }
  if (t[0] == '+' || (t[0] == '-' && t.size() > 1)) {
    std::size_t pos = 0;
    p.offset = offset_minutes(t, pos);
    return p.offset.has_value() && pos == t.size();
  }
  std::string_view num = t;
  for (std::string_view suffix : {"st", "nd", "rd", "th", "."}) {
    if (num.size() > suffix.size() && num.ends_with(suffix)) {
      num.remove_suffix(suffix.size());
    }
  }
  std::size_t pos = 0;
  if (num.size() == 4 && p.year == 0) {
    const auto y = digits(num, pos, 4);
    p.year = y.value_or(0);
    return y.has_value();
  }
  if (num.size() <= 2 && p.day == 0) {
    const auto d = digits(num, pos, num.size());
    p.day = d.value_or(0);
    return d.has_value() && p.day >= 1;
  }
  return false;
}

std::optional<Timestamp> parse_written(std::string_view s) {
  const auto tokens = tokens_of(s);
  if (tokens.size() < 3 || tokens.size() > 9) {
    return std::nullopt;
  }
  Parts p;
  for (const auto t : tokens) {
    if (!take_token(t, p)) {
      return std::nullopt;
    }
  }
  if (p.year == 0 || p.month == 0 || p.day == 0) {
    return std::nullopt;
  }
  const auto day = make_day(p.year, p.month, p.day);
  if (!day) {
    return std::nullopt;
  }
  if (p.hour < 0) {
    return Timestamp{date::sys_seconds{*day}, false, std::nullopt};
  }
  if (p.ampm != 0 && (p.hour < 1 || p.hour > 12)) {
    return std::nullopt;
  }
  if (p.us_zone && us_daylight(*day)) {
    p.offset = *p.offset + 60;
  }
  int h = p.hour;
  if (p.ampm == 1 && h == 12) {
    h = 0;
  } else if (p.ampm == 2 && h != 12) {
    h += 12;
  }
  const auto t = date::sys_seconds{*day} + hours{h} + minutes{p.minute} + seconds{p.second} -
                 minutes{p.offset.value_or(0)};
  return Timestamp{t, true, p.offset};
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view s) {
  s = trim(s);
  if (s.size() < 8 || s.size() > 64) {
    return std::nullopt;
  }
  if (is_digit(s[0]) && s.size() >= 10 && s[4] == '-') {
    return parse_iso(s);
  }
  return parse_written(s);
}

std::optional<Timestamp> find_written_time(std::string_view text) {
  text = trim(text);
  if (text.size() > 160) {
    return std::nullopt;
  }
  // Commas stay with their word, as parse_timestamp reads them.
  const auto words = space_words(text);
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::string_view first = words[w];
    while (!first.empty() && (first.back() == ',' || first.back() == '.')) {
      first.remove_suffix(1);
    }
    if (first.empty() || (!is_digit(first[0]) && month_of(first) == 0 && !is_weekday(first))) {
      continue;
    }
    for (std::size_t last = std::min(words.size(), w + 9); last > w + 1; --last) {
      std::string_view span(words[w].data(),
                            static_cast<std::size_t>(words[last - 1].data() +
                                                     words[last - 1].size() - words[w].data()));
      while (!span.empty() && (span.back() == ',' || span.back() == '|' || span.back() == '-')) {
        span.remove_suffix(1);
      }
      if (const auto t = parse_timestamp(span)) {
        return t;
      }
    }
    if (const auto t = parse_timestamp(first)) {
      return t;
    }
  }
  return std::nullopt;
}

std::optional<Timestamp> find_byline_time(std::string_view text, std::size_t reach) {
  const std::string_view head = text.substr(0, std::min(text.size(), reach));
  const auto is_alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  for (std::size_t colon = head.find(':'); colon != std::string_view::npos;
       colon = head.find(':', colon + 1)) {
    // H:MM or HH:MM, not inside a longer number.
    std::size_t b = colon;
    while (b > 0 && colon - b < 2 && is_digit(head[b - 1])) {
      --b;
    }
    if (b == colon || (b > 0 && is_digit(head[b - 1])) || colon + 5 > head.size() ||
        !is_digit(head[colon + 1]) || !is_digit(head[colon + 2])) {
      continue;
    }
    std::size_t i = colon + 3;
    // AM/PM, then " ZONE D Mon YYYY"; the year may run into the next word.
    if (i + 2 > head.size() ||
        (ascii_lower(head.substr(i, 2)) != "am" && ascii_lower(head.substr(i, 2)) != "pm")) {
      continue;
    }
    i += 2;
    std::size_t fields = 0;
    std::size_t end = i;
    while (fields < 3 && end < head.size() && head[end] == ' ') {
      std::size_t w = end + 1;
      while (w < head.size() && (is_alpha(head[w]) || is_digit(head[w]))) {
        ++w;
      }
      if (w == end + 1) {
        break;
      }
      end = w, ++fields;
    }
    if (fields != 3 || end + 5 > head.size() || head[end] != ' ' ||
        !std::all_of(head.begin() + static_cast<std::ptrdiff_t>(end) + 1,
                     head.begin() + static_cast<std::ptrdiff_t>(end) + 5, is_digit)) {
      continue;
    }
    const std::string_view written = head.substr(b, end + 5 - b);
    if (const auto t = parse_written(written); t && t->offset) {
      return t;
    }
  }
  return std::nullopt;
}

std::optional<Timestamp> find_url_day(std::string_view url) {
  for (std::size_t at = url.find('/'); at != std::string_view::npos; at = url.find('/', at + 1)) {
    std::size_t pos = at + 1;
    const auto year = digits(url, pos, 4);
    if (!year || pos >= url.size() || (url[pos] != '/' && url[pos] != '-')) {
      continue;
    }
    const char sep = url[pos++];
    // The month as two digits or as a name ("nov", "november"), then the same separator.
    const std::size_t month_end = std::min(url.find(sep, pos), url.size());
    std::size_t after = pos;
    std::optional<int> month = digits(url, after, 2);
    if (!month || after != month_end) {
      const int named = month_of(url.substr(pos, month_end - pos));
      month = named != 0 ? std::optional<int>(named) : std::nullopt;
    }
    after = month_end + 1;
    const auto day = month ? digits(url, after, 2) : std::nullopt;
    if (!day ||
        (after < url.size() && url[after] != '/' && url[after] != '-' && url[after] != '.')) {
      continue;
    }
    if (const auto d = make_day(*year, *month, *day); d && *year >= 1990) {
      return Timestamp{date::sys_seconds{*d}, false, std::nullopt};
    }
  }
  return std::nullopt;
}

std::optional<int> find_url_year(std::string_view url) {
  for (std::size_t at = url.find('/'); at != std::string_view::npos; at = url.find('/', at + 1)) {
    std::size_t pos = at + 1;
    const auto year = digits(url, pos, 4);
    if (year && *year >= 1990 && *year <= 2100 &&
        (pos == url.size() || url[pos] == '/' || url[pos] == '?' || url[pos] == '#')) {
      return year;
    }
  }
  return std::nullopt;
}

std::optional<Timestamp> find_dateline_day(std::string_view text,
                                           std::optional<date::sys_days> latest) {
  // Words split at spaces only, so that "Moscow," keeps its comma.
  const auto words = space_words(text.substr(0, std::min<std::size_t>(text.size(), 200)));
  const auto is_dash = [](std::string_view w) {
    return w == "-" || w == "--" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94";
  };
  const auto bracketed = [](std::string_view w) {
    return w.size() > 2 && w.front() == '(' && w.back() == ')';
  };
  const auto capitalised = [](std::string_view w) {
    return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0xC0);
  };
  std::size_t i = 0;
  // An agency before the place: "(ANSA) -".
  if (i < words.size() && bracketed(words[i])) {
    ++i;
    if (i < words.size() && is_dash(words[i])) {
      ++i;
    }
  }
  // The place: one to five capitalised words, the last ending in a comma.
  const std::size_t place = i;
  while (i < words.size() && i - place < 5 && capitalised(words[i]) && month_of(words[i]) == 0) {
    ++i;
  }
  if (i == place || i >= words.size() || !words[i - 1].ends_with(',')) {
    return std::nullopt;
  }
  const int month = month_of(words[i]);
  if (month == 0 || ++i >= words.size()) {
    return std::nullopt;
  }
  std::string_view day_word = words[i++];
  const bool comma = day_word.ends_with(',');
  day_word.remove_suffix(comma ? 1 : 0);
  std::size_t pos = 0;
  const auto day = digits(day_word, pos, day_word.size() <= 2 ? day_word.size() : 0);
  if (!day || pos != day_word.size() || day_word.empty()) {
    return std::nullopt;
  }
  std::optional<int> year;
  if (i < words.size() && words[i].size() == 4) {
    pos = 0;
    year = digits(words[i], pos, 4);
    if (year) {
      ++i;
    }
  } else if (comma) {
    return std::nullopt;
  }
  if (i < words.size() && bracketed(words[i])) {
    ++i;
  }
  if (i >= words.size() || !is_dash(words[i])) {
    return std::nullopt;
  }
  if (!year && latest) {
    const date::year_month_day last(*latest);
    year = static_cast<int>(last.year());
    const auto d = make_day(*year, month, *day);
    if (d && *d > *latest) {
      --*year;
    }
  }
  const auto d = year ? make_day(*year, month, *day) : std::nullopt;
  if (!d) {
    return std::nullopt;
  }
  return Timestamp{date::sys_seconds{*d}, false, std::nullopt};
}

date::sys_days local_day(const Timestamp& t) {
  return date::floor<date::days>(t.time + minutes(t.offset.value_or(0)));
}

std::optional<date::sys_days> latest_publication(const std::optional<Timestamp>& modified,
                                                 std::string_view url) {
  if (modified) {
    return local_day(*modified);
  }
  if (const auto year = find_url_year(url)) {
    return date::sys_days{date::year{*year} / date::December / 31};
  }
  return std::nullopt;
}

}  // namespace kb::importers::readers
