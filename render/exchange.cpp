// CSV, TimelineJS and iCalendar renderings of events, and the atomic file writer.

#include "render/exchange.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/timeline.hpp"

namespace kb::render {
namespace {

using Json = nlohmann::ordered_json;

std::string joined(const Event& e, Role role) {
  std::string out;
  for (const auto& p : e.participants) {
    if (p.role == role) {
      out += out.empty() ? "" : "; ";
      out += p.name;
    }
  }
  return out;
}

// A date FuzzyDate::parse reads back: the TIMEX3 value, or the words when a modifier applies.
std::string csv_date(const Event& e) {
  return e.date.modifier() == Modifier::none ? e.date.timex() : e.date.display();
}

Json date_object(date::sys_days d, Precision p) {
  const date::year_month_day ymd{d};
  Json j;
  j["year"] = fmt::format("{}", static_cast<int>(ymd.year()));
  if (p <= Precision::half_year) {
    j["month"] = fmt::format("{}", static_cast<unsigned>(ymd.month()));
  }
  if (p <= Precision::week) {
    j["day"] = fmt::format("{}", static_cast<unsigned>(ymd.day()));
  }
  return j;
}

// Escapes TEXT values (RFC 5545 3.3.11).
std::string ics_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Folds a content line at 75 octets without splitting a UTF-8 sequence.
std::string ics_line(std::string_view line) {
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto u = static_cast<unsigned char>(line[i]);
    std::size_t len = 1;
    if (u >= 0xF0) {
      len = 4;
    } else if (u >= 0xE0) {
      len = 3;
    } else if (u >= 0xC0) {
      len = 2;
    }
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, len));
    width += len;
    i += len - 1;
  }
  return out + "\r\n";
}

std::string ics_day(date::sys_days d) { return date::format("%Y%m%d", d); }

// "2023-05-23T10:00:00Z" -> "20230523T100000Z".
std::string ics_stamp(std::string_view iso) {
  std::string out;
  for (char c : iso) {
    if (c != '-' && c != ':') {
      out += c;
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string_view>& export_csv_columns() {
  static const std::vector<std::string_view> columns = {
      "date",      "title", "kind",         "actors",    "place",     "source",    "quote",
      "tags",      "id",    "status",       "targets",   "summary",   "first",     "last",
      "precision", "uuid",  "source_title", "publisher", "claimants", "mentioned", "confidence"};
  return columns;
}

namespace {

// The first citation of a source with a URL (its address, title, publisher and quote are what
// the CSV and GeoJSON show), or nullptr.
const Citation* first_cited(const Event& e) {
  for (const auto& c : e.citations) {
    if (c.url) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace

std::string export_csv(const std::vector<Event>& events) {
  std::string out = fmt::format("{}\r\n", fmt::join(export_csv_columns(), ","));
  for (const auto& e : events) {
    const Citation* cited = first_cited(e);
    const Json first = day_json(e.date.first());
    const Json last = day_json(e.date.last());
    const std::string_view kind = to_string(e.kind);
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
        csv_field(csv_date(e)), csv_field(e.title), kind, csv_field(joined(e, Role::actor)),
        csv_field(joined(e, Role::location)), csv_field(cited ? *cited->url : ""),
        csv_field(cited ? cited->quote : ""), csv_field(fmt::format("{}", fmt::join(e.tags, "; "))),
        e.id, to_string(e.status), csv_field(joined(e, Role::target)), csv_field(e.summary),
        first.is_null() ? "" : first.get<std::string>(),
        last.is_null() ? "" : last.get<std::string>(), to_string(e.date.precision()), e.uuid,
        csv_field(cited ? cited->source_title : ""),
        csv_field(cited ? cited->publisher.value_or("") : ""), csv_field(joined(e, Role::claimant)),
        csv_field(joined(e, Role::mentioned)), e.confidence);
  }
  return out;
}

Json export_timelinejs(const std::vector<Event>& events, std::string_view title) {
  Json doc;
  doc["title"] = Json{{"text", Json{{"headline", title}, {"text", ""}}}};
  doc["events"] = Json::array();
  for (const auto& e : events) {
    const bool open_start = e.date.first() <= FuzzyDate::kOpenStart;
    const bool open_end = e.date.last() >= FuzzyDate::kOpenEnd;
    const date::sys_days start = open_start ? e.date.stated_first() : e.date.first();
    Json j;
    j["start_date"] = date_object(start, e.date.precision());
    const Precision p = e.date.precision();
    const bool whole_unit = p == Precision::day || p == Precision::month || p == Precision::year;
    if (!open_end && (!whole_unit || e.date.last() != FuzzyDate::unit(start, p).last())) {
      j["end_date"] = date_object(e.date.last(), e.date.precision());
    }
    j["display_date"] = e.date.display();
    // TimelineJS shows headline and text as HTML: what the sources say is escaped.
    std::string text = xml_escape(e.summary);
    for (const auto& c : e.citations) {
      if (!c.quote.empty()) {
        text += fmt::format("{}<blockquote>{}</blockquote>", text.empty() ? "" : " ",
                            xml_escape(c.quote));
        break;
      }
    }
    j["text"] = Json{{"headline", xml_escape(e.title)}, {"text", text}};
    j["group"] = to_string(e.kind);
    // Built from the permanent id, so that a re-export updates the same slide.
    j["unique_id"] = e.uuid.empty() ? fmt::format("kb-{}", e.id) : fmt::format("kb-{}", e.uuid);
    doc["events"].push_back(std::move(j));
  }
  return doc;
}

std::string export_ics(const std::vector<Event>& events) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kb//kb " KB_VERSION
                    "//EN\r\n"
                    "CALSCALE:GREGORIAN\r\n";
  for (const auto& e : events) {
    if (e.status != Status::planned || e.date.first() <= FuzzyDate::kOpenStart ||
        e.date.last() >= FuzzyDate::kOpenEnd) {
      continue;
    }
    out += "BEGIN:VEVENT\r\n";
    // The permanent id: calendars update the same entry on re-import, and never another one.
    out += ics_line(e.uuid.empty() ? fmt::format("UID:kb-event-{}@kb", e.id)
                                   : fmt::format("UID:{}@kb", e.uuid));
    out += ics_line(fmt::format("DTSTAMP:{}", ics_stamp(e.recorded_at)));
    out += ics_line(fmt::format("DTSTART;VALUE=DATE:{}", ics_day(e.date.first())));
    out += ics_line(fmt::format("DTEND;VALUE=DATE:{}", ics_day(e.date.last() + date::days{1})));
    out += ics_line("SUMMARY:" + ics_text(e.title));
    std::string desc = fmt::format("{} ({})", e.date.display(), to_string(e.kind));
    if (!e.summary.empty()) {
      desc += "\n" + e.summary;
    }
    for (const auto& c : e.citations) {
      if (c.url) {
        out += ics_line("URL:" + *c.url);
        break;
      }
    }
    out += ics_line("DESCRIPTION:" + ics_text(desc));
    out += ics_line("CATEGORIES:" + ics_text(to_string(e.kind)));
    out += "STATUS:TENTATIVE\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n";
  }
  return out + "END:VCALENDAR\r\n";
}

Json export_geojson(const std::vector<Event>& events, const std::map<Id, Entity>& places) {
  Json doc;
  doc["type"] = "FeatureCollection";
  doc["features"] = Json::array();
  for (const auto& e : events) {
    Json points = Json::array();
    std::vector<std::string> names;
    for (const auto& p : e.participants) {
      if (p.role != Role::location) {
        continue;
      }
      names.push_back(p.name);
      const auto it = places.find(p.entity_id);
      if (it != places.end() && it->second.latitude && it->second.longitude) {
        points.push_back(Json::array({*it->second.longitude, *it->second.latitude}));
      }
    }
    if (names.empty()) {
      continue;  // no place: nothing to map
    }
    Json f;
    f["type"] = "Feature";
    f["id"] = e.uuid.empty() ? Json(e.id) : Json(e.uuid);
    if (points.empty()) {
      f["geometry"] = nullptr;  // located, but at no known point (RFC 7946 3.2)
    } else if (points.size() == 1) {
      f["geometry"] = Json{{"type", "Point"}, {"coordinates", points[0]}};
    } else {
      f["geometry"] = Json{{"type", "MultiPoint"}, {"coordinates", points}};
    }
    const Citation* cited = first_cited(e);
    const Json first = day_json(e.date.first());
    const Json last = day_json(e.date.last());
    f["properties"] = Json{{"id", e.id},
                           {"uuid", e.uuid},
                           {"title", e.title},
                           {"kind", to_string(e.kind)},
                           {"status", std::string(to_string(e.status))},
                           {"date", e.date.timex()},
                           {"first", first},
                           {"last", last},
                           {"display", e.date.display()},
                           {"places", fmt::format("{}", fmt::join(names, "; "))},
                           {"actors", joined(e, Role::actor)},
                           {"targets", joined(e, Role::target)},
                           {"fatalities", optional_json(e.fatalities)},
                           {"source", cited ? Json(*cited->url) : Json(nullptr)},
                           {"quote", cited ? Json(cited->quote) : Json(nullptr)}};
    doc["features"].push_back(std::move(f));
  }
  return doc;
}

}  // namespace kb::render
