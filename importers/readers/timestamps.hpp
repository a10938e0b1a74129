// Parsing of publication times as pages, feeds and corpora write them: ISO 8601, RFC 822
// (RSS pubDate) and datelines such as "23 May 2023 03:02" or "24 June 2022, 17:30 UTC".
#pragma once

#include <optional>
#include <string_view>

#include <date/date.h>

namespace kb::importers::readers {

// A publication time and whether a time of day was given (else it is midnight of the day).
struct Timestamp {
  date::sys_seconds time;  // UTC when a zone or offset was stated, else as given
  bool has_time = false;
  // Minutes east of UTC that the text stated ("-08:00", "+0300", "BST"; "Z", "UTC", "GMT": 0),
  // so the publisher's local time is `time` + offset; nullopt when none was stated.
  std::optional<int> offset;
};

// Parses the whole of `s` (trimmed) as a timestamp. Accepts ISO 8601 dates and date-times
// (with "T" or a space, optional seconds, fraction, "Z" or offset), RFC 822 dates, and
// day-month-year / month-day-year forms with an optional weekday, time, AM/PM and zone
// (UTC, GMT, Z, +0300). Times with an offset are converted to UTC; others are taken as given.
// Returns nullopt when `s` is anything else (prose, an impossible date, a year outside
// 1900..2100).
std::optional<Timestamp> parse_timestamp(std::string_view s);

// The first byline time in the first `reach` bytes of an article's text: a clock with AM/PM, a
// zone, and a day, month and year ("9:26PM GMT 24 Mar 2014", "3:17PM BST 12 Apr 2014"), which
// pages such as the Telegraph's print between the byline and the body, often glued to the
// words around it ("David Blair9:26PM GMT 24 Mar 2014Russia was …"). nullopt when none.
std::optional<Timestamp> find_byline_time(std::string_view text, std::size_t reach = 3000);

// The day a URL's path states, as news sites write their article addresses ("/2019/11/19/",
// "/2019/nov/18/", "/2021-03-05-"): a day with no time, or nullopt.
std::optional<Timestamp> find_url_day(std::string_view url);

}  // namespace kb::importers::readers
