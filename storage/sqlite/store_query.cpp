// Store: timeline, full-text search and statistics.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <future>
#include <iterator>
#include <optional>

#include <fmt/format.h>

#include "storage/sqlite/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::sqlite {
namespace {

constexpr std::string_view kEntityRoles =
    "SELECT event_id, role FROM event_entity WHERE entity_id = ?1 ORDER BY event_id";
// Events overlapping [?2, ?3] that are not ?1 and not already linked to it as the same event.
constexpr std::string_view kNearby =
    "SELECT event_id FROM event WHERE event_id <> ?1 AND last_day >= ?2 AND first_day <= ?3 "
    "AND event_id NOT IN (SELECT to_event FROM link WHERE from_event = ?1 AND relation = "
    "'same-as' UNION SELECT from_event FROM link WHERE to_event = ?1 AND relation = 'same-as') "
    "ORDER BY first_day, event_id LIMIT ?4";
constexpr std::string_view kSameEvent =
    "SELECT event_id FROM event WHERE title = ?1 AND timex = ?2 AND modifier = ?3 LIMIT 1";

// The ids of the entities a topic names plus the places that lie in them, as a JSON array
// bound to ?1 (json_each keeps the SQL fixed). Filters bound as NULL do not apply.
// The topic matches through ?1 (entity ids and the places in them, a JSON array bound so that
// the SQL stays fixed), ?2 (a tag) or ?3 (an FTS query); any of them suffices. Other filters
// bound as NULL do not apply.
constexpr std::string_view kTimelineWhere =
    "WHERE (e.merged_into IS NULL OR ?11) AND ((?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL)"
    "    OR e.event_id IN (SELECT ee.event_id FROM event_entity ee"
    "                      WHERE ee.entity_id IN (SELECT value FROM json_each(?1)))"
    "    OR e.event_id IN (SELECT event_id FROM event_tag WHERE tag = ?2)"
    "    OR (?3 IS NOT NULL AND"  // FTS5 rejects MATCH NULL, so only search when bound
    "        e.event_id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?3)))"
    "  AND (?4 IS NULL OR e.last_day >= ?4) AND (?5 IS NULL OR e.first_day <= ?5)"
    "  AND (?6 IS NULL OR e.kind IN (SELECT value FROM json_each(?6)))"
    "  AND (?7 IS NULL OR e.event_id IN (SELECT ee.event_id FROM event_entity ee "
    "      WHERE ee.role = 'actor' AND ee.entity_id IN (SELECT value FROM json_each(?7))))"
    "  AND (?8 IS NULL OR (e.origin = 'manual' AND substr(e.recorded_at, 1, 10) <= ?9)"
    "      OR EXISTS (SELECT 1 FROM citation c JOIN source s ON s.source_id = c.source_id"
    "                 WHERE c.event_id = e.event_id AND s.published_day <= ?8))"
    "  AND (?12 IS NULL OR e.event_id IN (SELECT ee.event_id FROM event_entity ee "
    "      WHERE ee.role = 'target' AND ee.entity_id IN (SELECT value FROM json_each(?12))))"
    "  AND (?13 IS NULL OR e.event_id IN (SELECT ee.event_id FROM event_entity ee "
    "      WHERE ee.role = 'location' AND ee.entity_id IN (SELECT value FROM json_each(?13))))"
    "  AND (?14 IS NULL OR e.event_id IN (SELECT event_id FROM event_tag "
    "      WHERE tag IN (SELECT value FROM json_each(?14))))"
    "  AND (?15 IS NULL OR e.status IN (SELECT value FROM json_each(?15)))"
    "  AND (?16 IS NULL OR e.event_id IN (SELECT c.event_id FROM citation c "
    "      JOIN source s ON s.source_id = c.source_id WHERE s.source_id = ?17 OR (?17 IS NULL AND"
    "      (instr(lower(coalesce(s.url, '')), ?16) OR instr(lower(s.title), ?16)"
    "       OR instr(lower(coalesce(s.publisher, '')), ?16)))))"
    "  AND (?18 IS NULL OR e.confidence >= ?18) AND (NOT ?19 OR e.curated = 1 OR e.origin = "
    "'manual')";
// The orders (TimelineQuery::Sort), each with its reverse; LIMIT ?10 keeps the first rows.
constexpr std::string_view kOldestFirst = " ORDER BY e.first_day, e.last_day, e.event_id LIMIT ?10";
constexpr std::string_view kNewestFirst =
    " ORDER BY e.last_day DESC, e.first_day DESC, e.event_id DESC LIMIT ?10";
constexpr std::string_view kFirstRecorded = " ORDER BY e.recorded_at, e.event_id LIMIT ?10";
constexpr std::string_view kLastRecorded =
    " ORDER BY e.recorded_at DESC, e.event_id DESC LIMIT ?10";
constexpr std::string_view kMostCited =
    " ORDER BY (SELECT count(*) FROM citation c WHERE c.event_id = e.event_id) DESC, "
    "e.first_day, e.event_id LIMIT ?10";
constexpr std::string_view kLeastCited =
    " ORDER BY (SELECT count(*) FROM citation c WHERE c.event_id = e.event_id), "
    "e.first_day DESC, e.event_id DESC LIMIT ?10";
constexpr std::string_view kTagExists = "SELECT 1 FROM event_tag WHERE tag = ?1 LIMIT 1";
constexpr std::string_view kPlacesIn =
    "WITH RECURSIVE inside(id) AS (SELECT value FROM json_each(?1) UNION "
    "SELECT e.entity_id FROM entity e JOIN inside ON e.country_id = inside.id) "
    "SELECT id FROM inside";
// Ranking: bm25() in the ORDER BY of a query that selects only rowid and score costs FTS5 one
// score per match and nothing else; "ORDER BY rank" runs a nested query (about 30% slower on a
// term with 40,000 matches) and a snippet in the same SELECT would be made for every match. So
// the candidates are ranked first and the snippets made afterwards, by a MATCH restricted to the
// rowid, for the rows kept only. Events merged into others (same-as) are dropped after ranking,
// so a few more candidates than asked for are fetched.
constexpr std::string_view kSearchEvents =
    "WITH hit AS (SELECT rowid AS id, bm25(event_fts) AS score FROM event_fts "
    "WHERE event_fts MATCH ?1 ORDER BY score LIMIT ?2 * 2 + 10) "
    "SELECT 0, h.id, e.title, (SELECT snippet(event_fts, -1, '[', ']', '…', 12) FROM event_fts "
    "WHERE event_fts MATCH ?1 AND rowid = h.id), h.score, e.timex, e.modifier, e.first_day, "
    "e.last_day, e.precision, NULL FROM hit h JOIN event e ON e.event_id = h.id "
    "WHERE e.merged_into IS NULL ORDER BY h.score LIMIT ?2";
constexpr std::string_view kSearchSources =
    "WITH hit AS (SELECT rowid AS id, bm25(source_fts) AS score FROM source_fts "
    "WHERE source_fts MATCH ?1 ORDER BY score LIMIT ?2) "
    "SELECT 1, h.id, s.title, (SELECT snippet(source_fts, 1, '[', ']', '…', 12) FROM source_fts "
    "WHERE source_fts MATCH ?1 AND rowid = h.id), h.score, NULL, NULL, NULL, NULL, NULL, "
    "s.published FROM hit h JOIN source s ON s.source_id = h.id ORDER BY h.score";
// The events that match less those merged into others: counting the matches alone costs FTS5
// one pass, where joining each of them to its event doubled a search's time on a million events
// (bench/core.sh: 46 -> ~100 ms); the merged ones are few and found through their index.
constexpr std::string_view kSearchCount =
    "SELECT (SELECT count(*) FROM event_fts WHERE event_fts MATCH ?1) - "
    "(SELECT count(*) FROM event e INDEXED BY event_merged_into WHERE e.merged_into IS NOT NULL "
    "AND e.event_id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?1)), "
    "(SELECT count(*) FROM source_fts WHERE source_fts MATCH ?1)";
constexpr std::string_view kCounts =
    "SELECT (SELECT count(*) FROM event), (SELECT count(*) FROM entity), "
    "(SELECT count(*) FROM source), (SELECT count(*) FROM citation), "
    "(SELECT count(*) FROM link), (SELECT count(DISTINCT tag) FROM event_tag)";
constexpr std::string_view kExtent =
    "SELECT min(event_id) FILTER (WHERE first_day = (SELECT min(first_day) FROM event)), "
    "max(event_id) FILTER (WHERE last_day = (SELECT max(last_day) FROM event)) FROM event";
constexpr std::string_view kByKind =
    "SELECT kind, count(*) FROM event GROUP BY kind ORDER BY count(*) DESC, kind";

// The most words a search (or a timeline topic searched as words) may have. FTS5 matches every
// term against every hit, so the cost of a query grows with its words times its hits; a
// question rarely needs more than a dozen words.
constexpr std::size_t kMaxSearchTerms = 64;

// Plain words as FTS5 terms: every run of letters/digits becomes a quoted string, so
// punctuation and FTS5 operators typed by a user are taken literally. "" when none is left.
// `terms` receives the number of words.
std::string plain_query(std::string_view text, std::size_t& terms) {
  terms = 0;
  std::string out;
  std::string term;
  auto flush = [&] {
    if (!term.empty()) {
      ++terms;
      out += out.empty() ? "\"" : " \"";
      out += term;
      out += '"';
      term.clear();
    }
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) != 0) {
      term += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// The FTS5 query for `text` (taken as FTS5 syntax when `raw`, else as plain words). Error
// (invalid_argument) naming the limit when it has more than kMaxSearchTerms words.
Result<std::string> fts_query(std::string_view text, bool raw) {
  std::size_t terms = 0;
  std::string plain = plain_query(text, terms);
  if (terms > kMaxSearchTerms) {
    return fail(Errc::invalid_argument,
                fmt::format("search query has {} words; kb searches for at most {}", terms,
                            kMaxSearchTerms));
  }
  return raw ? std::string(text) : plain;
}

// `s` with ASCII letters lower-cased (as SQLite's lower() does).
std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string json_ids(const std::vector<Id>& ids) {
  return fmt::format("[{}]", fmt::join(ids, ","));
}

std::string json_strings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (const auto& v : values) {
    if (out.size() > 1) {
      out += ',';
    }
    out += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') {
        out += '\\';
      }
      if (static_cast<unsigned char>(c) >= 0x20) {
        out += c;
      }
    }
    out += '"';
  }
  return out + "]";
}

Error malformed_query(std::string_view query) {
  return Error{Errc::invalid_argument,
               fmt::format("malformed search query '{}' (without --raw, words are searched "
                           "as plain terms)",
                           query)};
}

}  // namespace

Result<TopicMatch> Store::match_topic(std::string_view topic) {
  TopicMatch m;
  KB_ASSIGN(m.entities, lookup_entities(topic));
  if (!m.entities.empty()) {
    m.how = TopicMatch::How::entity;
    return m;
  }
  KB_ASSIGN(Statement tag, db_.prepare(kTagExists));
  tag.bind(1, ascii_lower(topic));
  KB_ASSIGN(Step found, tag.step());
  m.how = found == Step::row ? TopicMatch::How::tag : TopicMatch::How::text;
  return m;
}

Result<std::vector<Id>> Store::places_within(const std::vector<Id>& roots) {
  KB_ASSIGN(Statement s, db_.prepare(kPlacesIn));
  s.bind(1, json_ids(roots));
  std::vector<Id> ids;
  while (true) {
    KB_ASSIGN(Step step, s.step());
    if (step == Step::done) {
      break;
    }
    ids.push_back(s.column_int(0));
  }
  return ids;
}

Result<std::vector<Id>> Store::named_ids(const std::vector<std::string>& names, bool with_places) {
  std::vector<Id> ids;
  for (const auto& name : names) {
    KB_ASSIGN(auto found, lookup_entities(name));
    if (found.empty()) {
      return fail(Errc::not_found, fmt::format("no entity named '{}'", name));
    }
    for (const auto& e : found) {
      ids.push_back(e.id);
    }
  }
  if (!with_places) {
    return ids;
  }
  return places_within(ids);
}

Result<std::vector<Event>> Store::timeline(const TimelineQuery& q) {
  std::string_view order = q.newest_first ? kNewestFirst : kOldestFirst;
  if (q.sort == TimelineQuery::Sort::recorded) {
    order = q.newest_first ? kLastRecorded : kFirstRecorded;
  } else if (q.sort == TimelineQuery::Sort::citations) {
    order = q.newest_first ? kLeastCited : kMostCited;
  }
  KB_ASSIGN(Statement s, db_.prepare(fmt::format("SELECT {} FROM event e {}{}", rows::kEventColumns,
                                                 kTimelineWhere, order)));
  for (int i = 1; i <= 18; ++i) {
    s.bind_null(i);
  }
  s.bind(19, q.curated_only ? 1 : 0);
  if (q.topic) {
    KB_ASSIGN(TopicMatch m, match_topic(*q.topic));
    if (m.how == TopicMatch::How::entity || m.how == TopicMatch::How::tag) {
      // An entity's timeline also shows the events tagged with its name.
      if (m.how == TopicMatch::How::entity) {
        std::vector<Id> roots;
        for (const auto& e : m.entities) {
          roots.push_back(e.id);
        }
        KB_ASSIGN(auto ids, places_within(roots));
        s.bind(1, json_ids(ids));
      }
      s.bind(2, ascii_lower(*q.topic));
    } else {
      KB_ASSIGN(const std::string fts, fts_query(*q.topic, false));
      if (fts.empty()) {
        return std::vector<Event>{};
      }
      s.bind(3, fts);
    }
  }
  if (q.from) {
    s.bind(4, to_day_number(q.from->first()));
  }
  if (q.to) {
    s.bind(5, to_day_number(q.to->last()));
  }
  if (!q.kinds.empty()) {
    std::vector<std::string> kinds;
    for (const EventKind k : q.kinds) {
      kinds.emplace_back(to_string(k));
    }
    s.bind(6, json_strings(kinds));
  }
  if (!q.actors.empty()) {
    KB_ASSIGN(const auto ids, named_ids(q.actors, false));
    s.bind(7, json_ids(ids));
  }
  if (!q.targets.empty()) {
    KB_ASSIGN(const auto ids, named_ids(q.targets, false));
    s.bind(12, json_ids(ids));
  }
  if (!q.places.empty()) {
    KB_ASSIGN(const auto ids, named_ids(q.places, true));
    s.bind(13, json_ids(ids));
  }
  if (!q.tags.empty()) {
    std::vector<std::string> tags;
    for (const auto& t : q.tags) {
      tags.push_back(normal_tag(t));
    }
    s.bind(14, json_strings(tags));
  }
  if (!q.statuses.empty()) {
    std::vector<std::string> statuses;
    for (const Status st : q.statuses) {
      statuses.emplace_back(to_string(st));
    }
    s.bind(15, json_strings(statuses));
  }
  if (q.source) {
    const std::string text = ascii_lower(*q.source);
    s.bind(16, text);
    // "#12" names a source by its local number.
    std::int64_t number = 0;
    const char* end = text.data() + text.size();
    if (text.size() > 1 && text[0] == '#' &&
        std::from_chars(text.data() + 1, end, number).ptr == end) {
      s.bind(17, number);
    }
  }
  if (q.min_confidence) {
    s.bind(18, *q.min_confidence);
  }
  if (q.as_of) {
    s.bind(8, to_day_number(*q.as_of)).bind(9, iso_day(*q.as_of));
  }
  s.bind(10, q.limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(q.limit));
  s.bind(11, q.include_merged ? 1 : 0);
  std::vector<Event> out;
  while (true) {
    KB_ASSIGN(Step step, s.step());
    if (step == Step::done) {
      break;
    }
    KB_ASSIGN(Event e, rows::read_event(s));
    out.push_back(std::move(e));
  }
  for (auto& e : out) {
    KB_TRY(load_details(e, !q.include_merged));
  }
  return out;
}

namespace {

// Runs one of the two search queries on `db`, appending its hits.
Result<void> collect_hits(Db& db, std::string_view sql, const std::string& fts,
                          std::string_view query, std::size_t limit, std::vector<SearchHit>& hits) {
  KB_ASSIGN(Statement s, db.prepare(sql));
  s.bind(1, fts).bind(2, static_cast<std::int64_t>(limit));
  while (true) {
    auto step = s.step();
    if (!step) {
      return malformed_query(query);
    }
    if (*step == Step::done) {
      return {};
    }
    SearchHit h;
    h.what = s.column_int(0) == 0 ? SearchHit::What::event : SearchHit::What::source;
    h.id = s.column_int(1);
    h.title = s.column_text(2);
    h.snippet = s.column_text(3);
    h.rank = s.column_double(4);
    if (h.what == SearchHit::What::event) {
      KB_ASSIGN(h.date, rows::restore_date(s.column_text(5), s.column_text(6), s.column_int(7),
                                           s.column_int(8), s.column_text(9)));
    } else {
      h.published = s.column_optional_text(10);
    }
    hits.push_back(std::move(h));
  }
}

}  // namespace

Result<std::vector<SearchHit>> Store::search(std::string_view query, std::size_t limit, bool raw,
                                             bool /*all*/) {
  KB_ASSIGN(const std::string fts, fts_query(query, raw));
  if (fts.empty()) {
    return fail(Errc::invalid_argument, "empty search query");
  }
  std::vector<SearchHit> hits;
  std::vector<SearchHit> source_hits;
  // The event and source queries are independent. On a database file outside a transaction the
  // source query runs on a second, read-only connection in another thread, so a search costs
  // about the slower of the two rather than their sum; otherwise (in memory, or inside a
  // transaction whose writes a second connection would not see) they run one after the other.
  std::optional<std::future<Result<void>>> sources;
  if (db_.path() != ":memory:" && !db_.in_transaction()) {
    sources = std::async(std::launch::async, [&]() -> Result<void> {
      KB_ASSIGN(Db reader, Db::open(db_.path(), OpenMode::read_only));
      return collect_hits(reader, kSearchSources, fts, query, limit, source_hits);
    });
  }
  Result<void> events = collect_hits(db_, kSearchEvents, fts, query, limit, hits);
  Result<void> from_sources =
      sources ? sources->get() : collect_hits(db_, kSearchSources, fts, query, limit, source_hits);
  KB_TRY(events);
  KB_TRY(from_sources);
  hits.insert(hits.end(), std::make_move_iterator(source_hits.begin()),
              std::make_move_iterator(source_hits.end()));
  std::stable_sort(hits.begin(), hits.end(),
                   [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; });
  if (hits.size() > limit) {
    hits.resize(limit);
  }
  return hits;
}

Result<Repository::SearchCount> Store::search_count(std::string_view query, bool raw,
                                                    bool /*exact*/) {
  KB_ASSIGN(const std::string fts, fts_query(query, raw));
  if (fts.empty()) {
    return fail(Errc::invalid_argument, "empty search query");
  }
  KB_ASSIGN(Statement s, db_.prepare(kSearchCount));
  s.bind(1, fts);
  KB_TRY(s.step());
  return SearchCount{s.column_int(0), s.column_int(1)};
}

Result<Stats> Store::stats() {
  Stats st;
  KB_ASSIGN(Statement counts, db_.prepare(kCounts));
  KB_TRY(counts.step());
  st.events = counts.column_int(0);
  st.entities = counts.column_int(1);
  st.sources = counts.column_int(2);
  st.citations = counts.column_int(3);
  st.links = counts.column_int(4);
  st.tags = counts.column_int(5);
  KB_ASSIGN(Statement extent, db_.prepare(kExtent));
  KB_TRY(extent.step());
  if (!extent.column_is_null(0)) {
    KB_ASSIGN(Event first, event(extent.column_int(0)));
    KB_ASSIGN(Event last, event(extent.column_int(1)));
    st.earliest = first.date;
    st.latest = last.date;
  }
  KB_ASSIGN(Statement kinds, db_.prepare(kByKind));
  while (true) {
    KB_ASSIGN(Step step, kinds.step());
    if (step == Step::done) {
      break;
    }
    KB_ASSIGN(const EventKind kind, parse_event_kind(kinds.column_text(0)));
    st.by_kind.emplace_back(kind, kinds.column_int(1));
  }
  return st;
}

Result<std::map<Id, std::vector<Role>>> Store::roles_of_entity(Id entity_id) {
  KB_ASSIGN(Statement s, db_.prepare(kEntityRoles));
  s.bind(1, entity_id);
  KB_ASSIGN(const auto rows, s.collect([](const Statement& row) -> Result<std::pair<Id, Role>> {
    KB_ASSIGN(const Role role, parse_role(row.column_text(1)));
    return std::make_pair(row.column_int(0), role);
  }));
  std::map<Id, std::vector<Role>> out;
  for (const auto& [event_id, role] : rows) {
    out[event_id].push_back(role);
  }
  return out;
}

Result<std::vector<Id>> Store::events_overlapping(Id except, date::sys_days first,
                                                  date::sys_days last, std::size_t limit) {
  KB_ASSIGN(Statement s, db_.prepare(kNearby));
  s.bind(1, except).bind(2, to_day_number(first)).bind(3, to_day_number(last));
  s.bind(4, static_cast<std::int64_t>(limit));
  return s.collect([](const Statement& row) { return row.column_int(0); });
}

Result<std::optional<Id>> Store::find_event(std::string_view title, const FuzzyDate& date) {
  KB_ASSIGN(Statement s, db_.prepare(kSameEvent));
  s.bind(1, title).bind(2, date.timex()).bind(3, to_string(date.modifier()));
  KB_ASSIGN(const Step step, s.step());
  return step == Step::row ? std::optional<Id>(s.column_int(0)) : std::nullopt;
}

}  // namespace kb::sqlite
