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

// The first date or time written inside a short text, such as a page's byline or date line
// ("By Jo Smith | November 18, 2019 11:03 PM", "Nov 18, 2019 @17:19 PM", "Published 9:02 AM,
// November 19, 2019"): the longest span of at most nine words, starting at a month, weekday or
// number, that parse_timestamp reads. Texts over 160 bytes hold prose, not a date line: nullopt.
std::optional<Timestamp> find_written_time(std::string_view text);

// The first byline time in the first `reach` bytes of an article's text: a clock with AM/PM, a
// zone, and a day, month and year ("9:26PM GMT 24 Mar 2014", "3:17PM BST 12 Apr 2014"), which
// pages such as the Telegraph's print between the byline and the body, often glued to the
// words around it ("David Blair9:26PM GMT 24 Mar 2014Russia was …"). nullopt when none.
std::optional<Timestamp> find_byline_time(std::string_view text, std::size_t reach = 3000);

// The day a URL's path states, as news sites write their article addresses ("/2019/11/19/",
// "/2019/nov/18/", "/2021-03-05-"): a day with no time, or nullopt.
std::optional<Timestamp> find_url_day(std::string_view url);

// The year a URL's path states on its own ("/2019/" as a whole segment, 1990..2100), or nullopt.
std::optional<int> find_url_year(std::string_view url);

// The day of a news agency dateline at the start of an article's text: "MOSCOW, March 3 - ",
// "(ANSA) - Rome, January 24 - ", "KYIV, Ukraine, Jan. 5, 2023 (Reuters) - ". A place (words
// in capitals, commas allowed), a month name, a day, an optional year, an optional agency in
// brackets and a dash, within the first 200 bytes. A dateline without a year takes it from
// `latest`, the last day the article can have been published (a modification time, the end of
// the year its URL states): the latest such day on or before it. nullopt without a dateline, or
// without a year from either.
std::optional<Timestamp> find_dateline_day(std::string_view text,
                                           std::optional<date::sys_days> latest = std::nullopt);

// The publisher's local day of a time (its stated offset applied).
date::sys_days local_day(const Timestamp& t);

// The last day an article can have been published, for a dateline without a year: the local day
// of its modification time, else the end of the year its URL states, else nullopt.
std::optional<date::sys_days> latest_publication(const std::optional<Timestamp>& modified,
                                                 std::string_view url);

}  // namespace kb::importers::readers
