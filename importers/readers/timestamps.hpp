// Parsing of publication times as pages, feeds and corpora write them: ISO 8601, RFC 822
// (RSS pubDate) and datelines such as "23 May 2023 03:02" or "24 June 2022, 17:30 UTC".
#pragma once

#include <optional>
#include <string_view>

#include <date/date.h>

namespace kb::importers::readers {

// A publication time and whether a time of day was given (else it is midnight of the day).
struct Timestamp {
  date::sys_seconds time;
  bool has_time = false;
};

// Parses the whole of `s` (trimmed) as a timestamp. Accepts ISO 8601 dates and date-times
// (with "T" or a space, optional seconds, fraction, "Z" or offset), RFC 822 dates, and
// day-month-year / month-day-year forms with an optional weekday, time, AM/PM and zone
// (UTC, GMT, Z, +0300). Times with an offset are converted to UTC; others are taken as given.
// Returns nullopt when `s` is anything else (prose, an impossible date, a year outside
// 1900..2100).
std::optional<Timestamp> parse_timestamp(std::string_view s);

}  // namespace kb::importers::readers
