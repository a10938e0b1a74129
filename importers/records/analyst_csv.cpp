// The analyst CSV: one event per row with date, title, kind, actors, place, source, quote, tags.

#include <algorithm>

#include <fmt/format.h>

#include "importers/records/csv.hpp"
#include "importers/records/records.hpp"
#include "importers/records/rows.hpp"

namespace kb::importers {
namespace {

// Splits "Russia; Ukraine" (also "|" separated) into trimmed, non-empty names.
std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    const auto b = cur.find_first_not_of(' ');
    if (b != std::string::npos) {
      out.push_back(cur.substr(b, cur.find_last_not_of(' ') - b + 1));
    }
    cur.clear();
  };
  for (char c : s) {
    if (c == ';' || c == '|') {
      flush();
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

// "country:Russia" names a kind; a plain name gets `fallback`.
RecordEntity named_entity(const std::string& spec, EntityKind fallback, Role role) {
  RecordEntity n{spec, fallback, role, std::nullopt, {}, {}, {}};
  const auto colon = spec.find(':');
  if (colon != std::string::npos && colon > 0) {
    if (auto kind = parse_entity_kind(spec.substr(0, colon))) {
      n.kind = *kind;
      n.name = spec.substr(colon + 1);
      n.name.erase(0, n.name.find_first_not_of(' '));
    }
  }
  return n;
}

RecordSource source_of(const std::string& text) {
  RecordSource s;
  if (text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0) {
    s.url = text;
    s.key = "url:" + text;
  } else {
    s.title = text;
    s.publisher = text;
    s.key = "ref:" + text;
  }
  return s;
}

struct Columns {
  int date, title, kind, actors, place, source, quote, tags, status, summary, targets;
  int source_title, publisher, original_publisher, published;
};

Columns columns_of(const csv::Row& h) {
  return Columns{csv::column(h, "date"),      csv::column(h, "title"),
                 csv::column(h, "kind"),      csv::column(h, "actors"),
                 csv::column(h, "place"),     csv::column(h, "source"),
                 csv::column(h, "quote"),     csv::column(h, "tags"),
                 csv::column(h, "status"),    csv::column(h, "summary"),
                 csv::column(h, "targets"),   csv::column(h, "source_title"),
                 csv::column(h, "publisher"), csv::column(h, "original_publisher"),
                 csv::column(h, "published")};
}

// The event of one row, or the reason to skip it.
Result<RecordEvent> read_row(const csv::Row& row, const Columns& c) {
  RecordEvent r;
  r.line = row.line;
  Event& e = r.event;
  e.origin = Origin::imported;
  e.title = csv::field(row, c.title);
  if (e.title.empty()) {
    return fail(Errc::invalid_argument, "missing title");
  }
  e.date_text = csv::field(row, c.date);
  if (e.date_text.empty()) {
    return fail(Errc::invalid_argument, "missing date");
  }
  KB_ASSIGN(e.date, FuzzyDate::parse(e.date_text));
  const std::string kind = csv::field(row, c.kind);
  KB_ASSIGN(e.kind, parse_event_kind(kind.empty() ? "other" : kind));
  const std::string status = csv::field(row, c.status);
  if (!status.empty()) {
    KB_ASSIGN(e.status, parse_status(status));
  }
  e.summary = csv::field(row, c.summary);
  for (const auto& a : split_list(csv::field(row, c.actors))) {
    r.entities.push_back(named_entity(a, EntityKind::organisation, Role::actor));
  }
  for (const auto& t : split_list(csv::field(row, c.targets))) {
    r.entities.push_back(named_entity(t, EntityKind::organisation, Role::target));
  }
  for (const auto& p : split_list(csv::field(row, c.place))) {
    r.entities.push_back(named_entity(p, EntityKind::place, Role::location));
  }
  std::string tags = csv::field(row, c.tags);
  std::replace(tags.begin(), tags.end(), ',', ';');
  e.tags = split_list(tags);
  const std::string source = csv::field(row, c.source);
  if (!source.empty()) {
    r.source = source_of(source);
    auto optional_field = [&row](int col) {
      std::string v = csv::field(row, col);
      return v.empty() ? std::nullopt : std::optional<std::string>(std::move(v));
    };
    if (auto title = csv::field(row, c.source_title); !title.empty()) {
      r.source->title = title;
    }
    if (auto publisher = optional_field(c.publisher)) {
      r.source->publisher = publisher;
    }
    r.source->original_publisher = optional_field(c.original_publisher);
    r.source->published = optional_field(c.published);
  }
  r.quote = csv::field(row, c.quote);
  if (!r.quote.empty() && !r.source) {
    return fail(Errc::invalid_argument, "a quote needs a source");
  }
  return r;
}

}  // namespace

const std::vector<std::string_view>& analyst_csv_columns() {
  static const std::vector<std::string_view> columns = {"date",  "title",  "kind",  "actors",
                                                        "place", "source", "quote", "tags"};
  return columns;
}

bool looks_like_analyst_csv(std::string_view text) {
  const auto rows = csv::parse(text.substr(0, text.find('\n')));
  return rows && !rows->empty() && csv::column(rows->front(), "date") >= 0 &&
         csv::column(rows->front(), "title") >= 0;
}

Result<RecordBatch> read_analyst_csv(std::string_view text) {
  KB_ASSIGN(auto rows, csv::parse(text));
  if (rows.empty()) {
    return fail(Errc::parse, "empty CSV: expected a header with date and title columns");
  }
  const Columns c = columns_of(rows.front());
  if (c.date < 0 || c.title < 0) {
    return fail(Errc::parse,
                "line 1: the CSV header needs date and title columns (documented "
                "columns: date, title, kind, actors, place, source, quote, tags)");
  }
  return records_detail::read_rows(rows, c, read_row);
}

}  // namespace kb::importers
