// ACLED CSV exports: one political-violence or protest event per row, with actors, admin
// regions, coordinates and ACLED's date precision.

#include <charconv>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "importers/records/csv.hpp"
#include "importers/records/records.hpp"
#include "importers/records/rows.hpp"

namespace kb::importers {
namespace {

// A decimal number written in a cell ("48.5947", "-3", "12"), or nullopt.
std::optional<double> number_of(std::string_view cell) {
  while (!cell.empty() && cell.front() == ' ') {
    cell.remove_prefix(1);
  }
  while (!cell.empty() && cell.back() == ' ') {
    cell.remove_suffix(1);
  }
  double v = 0;
  const char* end = cell.data() + cell.size();
  const auto [ptr, ec] = std::from_chars(cell.data(), end, v);
  if (cell.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

struct Columns {
  int date, type, sub_type, actor1, actor2, country, admin1, location, latitude, longitude, source,
      notes, fatalities, precision, id;
};

Columns columns_of(const csv::Row& h) {
  return Columns{csv::column(h, "event_date"),     csv::column(h, "event_type"),
                 csv::column(h, "sub_event_type"), csv::column(h, "actor1"),
                 csv::column(h, "actor2"),         csv::column(h, "country"),
                 csv::column(h, "admin1"),         csv::column(h, "location"),
                 csv::column(h, "latitude"),       csv::column(h, "longitude"),
                 csv::column(h, "source"),         csv::column(h, "notes"),
                 csv::column(h, "fatalities"),     csv::column(h, "time_precision"),
                 csv::column(h, "event_id_cnty")};
}

// ACLED's event and sub-event types on kb's taxonomy.
EventKind kind_of(std::string_view type, std::string_view sub_type) {
  if (sub_type == "Government regains territory" ||
      sub_type == "Non-state actor overtakes territory") {
    return EventKind::territorial_change;
  }
  if (sub_type == "Agreement") {
    return EventKind::agreement;
  }
  if (type == "Battles" || type == "Explosions/Remote violence" ||
      type == "Violence against civilians") {
    return EventKind::attack;
  }
  if (type == "Protests" || type == "Riots") {
    return EventKind::protest;
  }
  return EventKind::other;
}

// The date at ACLED's time_precision: 1 the day, 2 the ISO week around it, 3 its month.
Result<FuzzyDate> acled_date(const std::string& text, const std::string& precision) {
  KB_ASSIGN(FuzzyDate d, FuzzyDate::parse(text));
  if (precision == "2") {
    return FuzzyDate::unit(d.first(), Precision::week);
  }
  if (precision == "3") {
    return FuzzyDate::unit(d.first(), Precision::month);
  }
  if (!precision.empty() && precision != "1") {
    return fail(Errc::invalid_argument,
                fmt::format("time_precision must be 1, 2 or 3, not '{}'", precision));
  }
  return d;
}

std::string title_of(const csv::Row& row, const Columns& c) {
  std::string what = csv::field(row, c.sub_type);
  if (what.empty()) {
    what = csv::field(row, c.type);
  }
  std::string t = fmt::format("{}: {}", what, csv::field(row, c.actor1));
  if (const auto a2 = csv::field(row, c.actor2); !a2.empty()) {
    t += " vs " + a2;
  }
  if (const auto where = csv::field(row, c.location); !where.empty()) {
    t += " in " + where;
  }
  return t;
}

void add_entities(const csv::Row& row, const Columns& c, RecordEvent& r) {
  const std::string country = csv::field(row, c.country);
  if (const auto a = csv::field(row, c.actor1); !a.empty()) {
    r.entities.push_back(RecordEntity{a, EntityKind::group, Role::actor, std::nullopt, {}, {}, {}});
  }
  if (const auto a = csv::field(row, c.actor2); !a.empty()) {
    r.entities.push_back(
        RecordEntity{a, EntityKind::group, Role::target, std::nullopt, {}, {}, {}});
  }
  std::optional<std::string> in_country;
  if (!country.empty()) {
    in_country = country;
    r.entities.push_back(
        RecordEntity{country, EntityKind::country, Role::location, {}, {}, {}, {}});
  }
  if (const auto admin = csv::field(row, c.admin1); !admin.empty()) {
    r.entities.push_back(
        RecordEntity{admin, EntityKind::place, Role::location, in_country, {}, {}, {}});
  }
  if (const auto loc = csv::field(row, c.location); !loc.empty()) {
    RecordEntity place{loc, EntityKind::place, Role::location, in_country, {}, {}, {}};
    const auto lat = number_of(csv::field(row, c.latitude));
    const auto lon = number_of(csv::field(row, c.longitude));
    if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) {
      place.latitude = lat;
      place.longitude = lon;
    }
    r.entities.push_back(std::move(place));
  }
}

Result<RecordEvent> read_row(const csv::Row& row, const Columns& c) {
  RecordEvent r;
  r.line = row.line;
  Event& e = r.event;
  e.origin = Origin::imported;
  e.date_text = csv::field(row, c.date);
  if (e.date_text.empty()) {
    return fail(Errc::invalid_argument, "missing event_date");
  }
  KB_ASSIGN(e.date, acled_date(e.date_text, csv::field(row, c.precision)));
  if (csv::field(row, c.type).empty() || csv::field(row, c.actor1).empty()) {
    return fail(Errc::invalid_argument, "missing event_type or actor1");
  }
  e.title = title_of(row, c);
  e.kind = kind_of(csv::field(row, c.type), csv::field(row, c.sub_type));
  e.summary = csv::field(row, c.notes);
  if (const auto f = csv::field(row, c.fatalities); !f.empty()) {
    const auto n = number_of(f);
    if (!n || *n < 0 || *n != std::floor(*n) || *n > 1e9) {
      return fail(Errc::invalid_argument, fmt::format("fatalities '{}' is not a count", f));
    }
    e.fatalities = static_cast<std::int64_t>(*n);
  }
  e.tags = {"acled"};
  add_entities(row, c, r);
  const std::string id = csv::field(row, c.id);
  RecordSource s;
  s.title = id.empty() ? "ACLED event" : fmt::format("ACLED event {}", id);
  s.publisher = "ACLED";
  if (const auto src = csv::field(row, c.source); !src.empty()) {
    s.original_publisher = src;
  }
  s.key = id.empty() ? fmt::format("acled:{}:{}", e.date_text, e.title) : "acled:" + id;
  r.source = std::move(s);
  r.quote = csv::field(row, c.notes);
  return r;
}

}  // namespace

bool looks_like_acled_csv(std::string_view text) {
  const auto rows = csv::parse(text.substr(0, text.find('\n')));
  return rows && !rows->empty() && csv::column(rows->front(), "event_date") >= 0 &&
         csv::column(rows->front(), "event_type") >= 0;
}

Result<RecordBatch> read_acled_csv(std::string_view text) {
  KB_ASSIGN(auto rows, csv::parse(text));
  if (rows.empty()) {
    return fail(Errc::parse, "empty CSV: expected an ACLED header");
  }
  const Columns c = columns_of(rows.front());
  if (c.date < 0 || c.type < 0 || c.actor1 < 0) {
    return fail(Errc::parse,
                "line 1: an ACLED export needs event_date, event_type and actor1 columns");
  }
  return records_detail::read_rows(rows, c, read_row);
}

}  // namespace kb::importers
