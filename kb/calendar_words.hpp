// Month and weekday names as kb reads and writes them (English), in one place: the date tagger's
// lexicon, the parser of dates typed by a user (fuzzy_date_parse.cpp), the readers of page
// timestamps and FuzzyDate::display() all take them from here.
#pragma once

#include <array>
#include <string_view>

namespace kb::calendar {

// A spelling kb reads, with the month (1-12) or ISO weekday (1 = Monday) it names.
struct NamedNumber {
  std::string_view word;  // lowercase, without a full stop
  int number;
  // Also read in running text. "sat", "sun", "wed", "mon" are ordinary English words there (or
  // page furniture), and are read only where a date is expected: a timestamp, a typed date.
  bool in_prose;
};

// How kb writes them.
inline constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
inline constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// Every spelling kb reads: the full names and their usual abbreviations.
inline constexpr std::array<NamedNumber, 24> kMonthWords = {{
    {"january", 1, true},   {"jan", 1, true},    {"february", 2, true},  {"feb", 2, true},
    {"march", 3, true},     {"mar", 3, true},    {"april", 4, true},     {"apr", 4, true},
    {"may", 5, true},       {"june", 6, true},   {"jun", 6, true},       {"july", 7, true},
    {"jul", 7, true},       {"august", 8, true}, {"aug", 8, true},       {"september", 9, true},
    {"sept", 9, true},      {"sep", 9, true},    {"october", 10, true},  {"oct", 10, true},
    {"november", 11, true}, {"nov", 11, true},   {"december", 12, true}, {"dec", 12, true},
}};
inline constexpr std::array<NamedNumber, 17> kWeekdayWords = {{
    {"monday", 1, true},
    {"mon", 1, false},
    {"tuesday", 2, true},
    {"tues", 2, true},
    {"tue", 2, false},
    {"wednesday", 3, true},
    {"wed", 3, false},
    {"thursday", 4, true},
    {"thurs", 4, true},
    {"thur", 4, false},
    {"thu", 4, false},
    {"friday", 5, true},
    {"fri", 5, false},
    {"saturday", 6, true},
    {"sat", 6, false},
    {"sunday", 7, true},
    {"sun", 7, false},
}};

// The month (1-12) a word names, any case, with or without a final full stop ("Sept."); 0 when
// it names none.
int month_number(std::string_view word);
// The ISO weekday (1 = Monday) a word names, as month_number(); 0 when it names none.
int weekday_number(std::string_view word);

}  // namespace kb::calendar
