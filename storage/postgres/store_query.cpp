// Store: timeline, full-text search and statistics on PostgreSQL. Lists of ids or names travel
// as one array parameter ($1::bigint[]), so the SQL stays fixed, as json_each does on SQLite.
// Full text: the tsvector columns of event and source (schema/0001_init.sql), queried with
// plainto_tsquery (plain words, all of them) or websearch_to_tsquery (--raw: "phrases", OR,
// -word), ranked with ts_rank_cd (or from the RUM index where schema 0005 made one) and shown
// with ts_headline between the same [brackets].

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iterator>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "storage/postgres/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::postgres {
namespace {

namespace rows = kb::sqlite::rows;

// The timeline's conditions: the topic ($1 entity ids, $2 a tag, $3 words; any of them suffices,
// none bound: every event), then the filters (kTimelineFilters; NULL: not applied).
constexpr std::string_view kTimelineTopic =
    "(($1::bigint[] IS NULL AND $2::ctext IS NULL AND $3::text IS NULL)"
    "    OR e.event_id IN (SELECT ee.event_id FROM event_entity ee"
    "                      WHERE ee.entity_id = ANY ($1::bigint[]))"
    "    OR e.event_id IN (SELECT event_id FROM event_tag WHERE tag = $2::ctext)"
    "    OR ($3::text IS NOT NULL AND e.search @@ plainto_tsquery('simple', $3::text)))";
constexpr std::string_view kTimelineFilters =
    "(e.merged_into IS NULL OR $11::boolean)"
    "  AND ($4::bigint IS NULL OR e.last_day >= $4) AND ($5::bigint IS NULL OR e.first_day <= $5)"
    "  AND ($6::text[] IS NULL OR e.kind = ANY ($6::text[]))"
    "  AND ($7::bigint[] IS NULL OR e.event_id IN (SELECT ee.event_id FROM event_entity ee "
    "      WHERE ee.role = 'actor' AND ee.entity_id = ANY ($7::bigint[])))"
    "  AND ($8::bigint IS NULL OR (e.origin = 'manual' AND substr(e.recorded_at, 1, 10) <= "
    "$9::ctext) OR EXISTS (SELECT 1 FROM citation c JOIN source s ON s.source_id = c.source_id"
    "                 WHERE c.event_id = e.event_id AND s.published_day <= $8))"
    "  AND ($12::bigint[] IS NULL OR e.event_id IN (SELECT ee.event_id FROM event_entity ee "
    "      WHERE ee.role = 'target' AND ee.entity_id = ANY ($12::bigint[])))"
    "  AND ($13::bigint[] IS NULL OR e.event_id IN (SELECT ee.event_id FROM event_entity ee "
    "      WHERE ee.role = 'location' AND ee.entity_id = ANY ($13::bigint[])))"
    "  AND ($14::text[] IS NULL OR e.event_id IN (SELECT event_id FROM event_tag "
    "      WHERE tag = ANY ($14::text[])))"
    "  AND ($15::text[] IS NULL OR e.status = ANY ($15::text[]))"
    "  AND ($16::ctext IS NULL OR e.event_id IN (SELECT c.event_id FROM citation c "
    "      JOIN source s ON s.source_id = c.source_id WHERE s.source_id = $17::bigint OR "
    "      ($17::bigint IS NULL AND (strpos(lower(coalesce(s.url, '')), $16::ctext) > 0 OR "
    "       strpos(lower(s.title), $16::ctext) > 0 OR "
    "       strpos(lower(coalesce(s.publisher, '')), $16::ctext) > 0))))"
    "  AND ($18::float8 IS NULL OR e.confidence >= $18) AND (NOT $19::boolean OR e.curated = 1 "
    "OR e.origin = 'manual')";
// The timeline of an entity or a tag, oldest first (the default order), split so that each part
// reads only the rows it keeps. An `OR` of the entity's and the tag's conditions lets no index
// serve the order, so PostgreSQL read every event of the entity and walked the date index
// (docs/scale.md). Here each entity id ($1: the entity and the places in it) gives its events
// from event_entity_entity_day (schema 0003) in the timeline's order, once each however many
// roles the entity has in them, joined to the events for the filters until $10 pass; the tag
// ($2) gives its first $10 tagged events that pass. The first $10 of the union are the first $10
// of the timeline: each part holds the first $10 of its own events in the same order. $3 (words)
// is not a topic here.
constexpr std::string_view kTopicOldestFirst =
    "WITH picked AS ("
    "  SELECT p.event_id FROM unnest($1::bigint[]) AS t(id) CROSS JOIN LATERAL ("
    "    SELECT d.event_id FROM (SELECT DISTINCT ee.first_day, ee.last_day, ee.event_id"
    "      FROM event_entity ee WHERE ee.entity_id = t.id) d"
    "    JOIN event e ON e.event_id = d.event_id WHERE {0}"
    "    ORDER BY d.first_day, d.last_day, d.event_id LIMIT $10::bigint) p"
    "  UNION"
    "  (SELECT e.event_id FROM event e"
    "   WHERE e.event_id IN (SELECT event_id FROM event_tag WHERE tag = $2::ctext) AND {0}"
    "   ORDER BY e.first_day, e.last_day, e.event_id LIMIT $10::bigint)) "
    "SELECT {1} FROM event e WHERE e.event_id IN (SELECT event_id FROM picked) "
    "AND $3::text IS NULL "
    "ORDER BY e.first_day, e.last_day, e.event_id LIMIT $10::bigint";
// The orders (TimelineQuery::Sort), each with its reverse; LIMIT $10 (NULL: all) keeps the
// first rows.
constexpr std::string_view kOldestFirst =
    " ORDER BY e.first_day, e.last_day, e.event_id LIMIT $10::bigint";
constexpr std::string_view kNewestFirst =
    " ORDER BY e.last_day DESC, e.first_day DESC, e.event_id DESC LIMIT $10::bigint";
constexpr std::string_view kFirstRecorded = " ORDER BY e.recorded_at, e.event_id LIMIT $10::bigint";
constexpr std::string_view kLastRecorded =
    " ORDER BY e.recorded_at DESC, e.event_id DESC LIMIT $10::bigint";
constexpr std::string_view kMostCited =
    " ORDER BY (SELECT count(*) FROM citation c WHERE c.event_id = e.event_id) DESC, "
    "e.first_day, e.event_id LIMIT $10::bigint";
constexpr std::string_view kLeastCited =
    " ORDER BY (SELECT count(*) FROM citation c WHERE c.event_id = e.event_id), "
    "e.first_day DESC, e.event_id DESC LIMIT $10::bigint";
constexpr std::string_view kTagExists = "SELECT 1 FROM event_tag WHERE tag = $1 LIMIT 1";
constexpr std::string_view kPlacesIn =
    "WITH RECURSIVE inside(id) AS (SELECT unnest($1::bigint[]) UNION "
    "SELECT e.entity_id FROM entity e JOIN inside ON e.country_id = inside.id) "
    "SELECT id FROM inside";

// The search statements, for plain words (plainto_tsquery) or --raw (websearch_to_tsquery).
// Hits are ranked first and the headlines made afterwards for the rows kept only; a rank is
// negated so that, as bm25 on SQLite, lower is better. Ties go to the lower number. Ranking
// reads every match (the GIN index finds them but cannot rank them), so each statement also
// counts the matches it ranked (the last column), from the ranked rows kept aside (`m`), and
// search_count() needs no second pass over the matches (docs/scale.md). (A window count over
// the matches would make the server sort them all instead of keeping the best $2.)
constexpr std::string_view kSearchEvents =
    "WITH q AS (SELECT {}('simple', $1) AS q), "
    "m AS MATERIALIZED (SELECT e.event_id AS id, ts_rank_cd(e.search, q.q) AS score "
    "FROM event e, q WHERE e.search @@ q.q AND e.merged_into IS NULL), "
    "hit AS (SELECT id, score FROM m ORDER BY score DESC, id LIMIT $2) "
    "SELECT 0, h.id, e.title, ts_headline('simple', concat_ws(' … ', e.title, "
    "nullif(e.summary, ''), (SELECT string_agg(c.quote, ' … ' ORDER BY c.citation_id) "
    "FROM citation c WHERE c.event_id = e.event_id AND c.quote <> '')), q.q, {}), -h.score, "
    "e.timex, e.modifier, e.first_day, e.last_day, e.precision, NULL, "
    "(SELECT count(*) FROM m) FROM hit h JOIN event e ON e.event_id = h.id CROSS JOIN q "
    "ORDER BY h.score DESC, h.id";
constexpr std::string_view kSearchSources =
    "WITH q AS (SELECT {}('simple', $1) AS q), "
    "m AS MATERIALIZED (SELECT s.source_id AS id, ts_rank_cd(s.search, q.q) AS score "
    "FROM source s, q WHERE s.search @@ q.q), "
    "hit AS (SELECT id, score FROM m ORDER BY score DESC, id LIMIT $2) "
    "SELECT 1, h.id, s.title, ts_headline('simple', s.body, q.q, {}), -h.score, NULL, NULL, "
    "NULL, NULL, NULL, s.published, (SELECT count(*) FROM m) FROM hit h "
    "JOIN source s ON s.source_id = h.id CROSS JOIN q ORDER BY h.score DESC, h.id";
// The rows of the hits a RUM ranking kept (`q`, and `hit` with each match's distance), as the
// statements below end: the whole ranking's and the newest months'.
constexpr std::string_view kEventHitsByDistance =
    "SELECT 0, h.id, e.title, ts_headline('simple', concat_ws(' … ', e.title, "
    "nullif(e.summary, ''), (SELECT string_agg(c.quote, ' … ' ORDER BY c.citation_id) "
    "FROM citation c WHERE c.event_id = e.event_id AND c.quote <> '')), q.q, {1}), "
    "(-1 / h.distance)::float8, e.timex, e.modifier, e.first_day, e.last_day, e.precision, NULL, "
    "NULL FROM hit h JOIN event e ON e.event_id = h.id CROSS JOIN q "
    "ORDER BY h.distance, h.id";
constexpr std::string_view kSourceHitsByDistance =
    "SELECT 1, h.id, s.title, ts_headline('simple', s.body, q.q, {1}), "
    "(-1 / h.distance)::float8, NULL, NULL, NULL, NULL, NULL, s.published, NULL "
    "FROM hit h JOIN source s ON s.source_id = h.id CROSS JOIN q ORDER BY h.distance, h.id";
// With the RUM indexes (schema 0005; kb_setting 'search_ranking' = 'rum'), the index returns
// the matches best first by its distance, 1 / a cover-density score computed from the positions
// and weights the index holds (title A 1.0, summary B 0.4, quotes C 0.2, as ts_rank_cd's
// defaults, but each repetition of a cover adds less: docs/storage.md), so only the rows shown
// are read. Equal distances come in the index's order; the rows kept are then listed by
// distance and number. The rank is the negated score, as ts_rank_cd's.
constexpr std::string_view kSearchEventsRum =
    "WITH q AS (SELECT {0}('simple', $1) AS q), "
    "hit AS (SELECT e.event_id AS id, e.search <=> {0}('simple', $1) AS distance FROM event e "
    "WHERE e.search @@ {0}('simple', $1) AND e.merged_into IS NULL "
    "ORDER BY e.search <=> {0}('simple', $1) LIMIT $2) ";
constexpr std::string_view kSearchSourcesRum =
    "WITH q AS (SELECT {0}('simple', $1) AS q), "
    "hit AS (SELECT s.source_id AS id, s.search <=> {0}('simple', $1) AS distance FROM source s "
    "WHERE s.search @@ {0}('simple', $1) ORDER BY s.search <=> {0}('simple', $1) LIMIT $2) ";
// A query whose words the planner expects to match kb.search_bound rows or more is ranked among
// the matches of the newest months only (schema 0006; docs/storage.md "Full text"): $3 holds the
// months ('202412'), and each month's best $2 come from the month index, whose documents have
// every lexeme renamed with their month ('ceasefire 202412') as the query is
// (kb_search_in_month()), so a month reads only its own postings; then the best $2 of them all.
// Positions and weights are those of the search column, so a hit's distance is the one the whole
// ranking gives it.
constexpr std::string_view kSearchEventsWindow =
    "WITH q AS (SELECT {0}('simple', $1) AS q), "
    "hit AS (SELECT w.id, w.distance FROM unnest($3::text[]) AS mo(month) CROSS JOIN LATERAL ("
    "SELECT e.event_id AS id, kb_search_month(e.search, e.first_day) <=> "
    "kb_search_in_month({0}('simple', $1), mo.month) AS distance FROM event e "
    "WHERE kb_search_month(e.search, e.first_day) @@ kb_search_in_month({0}('simple', $1), "
    "mo.month) AND e.merged_into IS NULL ORDER BY kb_search_month(e.search, e.first_day) <=> "
    "kb_search_in_month({0}('simple', $1), mo.month) LIMIT $2) w "
    "ORDER BY w.distance, w.id LIMIT $2) ";
constexpr std::string_view kSearchSourcesWindow =
    "WITH q AS (SELECT {0}('simple', $1) AS q), "
    "hit AS (SELECT w.id, w.distance FROM unnest($3::text[]) AS mo(month) CROSS JOIN LATERAL ("
    "SELECT s.source_id AS id, kb_search_month(s.search, s.published_day) <=> "
    "kb_search_in_month({0}('simple', $1), mo.month) AS distance FROM source s "
    "WHERE kb_search_month(s.search, s.published_day) @@ kb_search_in_month({0}('simple', $1), "
    "mo.month) ORDER BY kb_search_month(s.search, s.published_day) <=> "
    "kb_search_in_month({0}('simple', $1), mo.month) LIMIT $2) w "
    "ORDER BY w.distance, w.id LIMIT $2) ";
// The planner's estimate of the events (sources) holding any of the query's words ($1: the words
// joined by " | "): what decides whether a query is common enough for the window. It is at least
// the matches of the most common word, whereas the estimate of all the words (they are taken as
// independent) can be far below the matches of a phrase or of words that go together, and the
// whole ranking reads every posting of every word.
constexpr std::string_view kEstimateEventWords =
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM event e WHERE e.search @@ to_tsquery('simple', $1)";
constexpr std::string_view kEstimateSourceWords =
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM source s WHERE s.search @@ to_tsquery('simple', $1)";
// The newest $1 months that have events (sources with a date), newest first ('202412'):
// one step down the date index per month.
constexpr std::string_view kEventMonths =
    "WITH RECURSIVE m(day) AS ((SELECT first_day FROM event ORDER BY first_day DESC LIMIT 1) "
    "UNION ALL SELECT (SELECT e.first_day FROM event e WHERE e.first_day < m.day + 1 - "
    "extract(day FROM make_date(1970, 1, 1) + m.day::int)::bigint ORDER BY e.first_day DESC "
    "LIMIT 1) FROM m WHERE m.day IS NOT NULL) "
    "SELECT kb_search_month_of(day) FROM m WHERE day IS NOT NULL LIMIT $1";
constexpr std::string_view kSourceMonths =
    "WITH RECURSIVE m(day) AS ((SELECT published_day FROM source WHERE published_day IS NOT NULL "
    "ORDER BY published_day DESC LIMIT 1) "
    "UNION ALL SELECT (SELECT s.published_day FROM source s WHERE s.published_day < m.day + 1 - "
    "extract(day FROM make_date(1970, 1, 1) + m.day::int)::bigint ORDER BY s.published_day DESC "
    "LIMIT 1) FROM m WHERE m.day IS NOT NULL) "
    "SELECT kb_search_month_of(day) FROM m WHERE day IS NOT NULL LIMIT $1";
// The month of a source without a date (kb_search_month_of()).
constexpr std::string_view kNoMonth = "none";
// search_count()'s statements for each of the two: the planner's estimate of the matches (from
// the statistics of the tsvector column's most common lexemes, ANALYZE's) and the exact count,
// which reads every match's row to test merged_into and the row's visibility (at 10M events,
// 417,042 matches: 1.6 s in a warm server process, 7 s and more in a new one, docs/scale.md).
// Unless asked for exact counts, a part whose estimate is kEstimateFrom or more is estimated.
constexpr std::string_view kEstimateEvents =
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM event e WHERE e.search @@ {0}('simple', $1) "
    "AND e.merged_into IS NULL";
constexpr std::string_view kCountEvents =
    "SELECT count(*) FROM event e WHERE e.search @@ {0}('simple', $1) AND e.merged_into IS NULL";
constexpr std::string_view kEstimateSources =
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM source s WHERE s.search @@ {0}('simple', $1)";
constexpr std::string_view kCountSources =
    "SELECT count(*) FROM source s WHERE s.search @@ {0}('simple', $1)";
constexpr std::int64_t kEstimateFrom = 10000;
constexpr std::string_view kSearchSettings =
    "SELECT (SELECT value FROM kb_setting WHERE name = 'search_ranking'), "
    "coalesce(nullif(current_setting('kb.search_bound', true), ''), '50000'), "
    "coalesce(nullif(current_setting('kb.search_months', true), ''), '6')";
// About as long as SQLite's snippet of 12 tokens, the matches in [brackets].
constexpr std::string_view kHeadline =
    "'StartSel=\"[\", StopSel=\"]\", MaxWords=12, MinWords=5, ShortWord=0, MaxFragments=1, "
    "FragmentDelimiter=\" … \"'";
constexpr std::string_view kPlain = "plainto_tsquery";
constexpr std::string_view kRaw = "websearch_to_tsquery";

constexpr std::string_view kCounts =
    "SELECT (SELECT count(*) FROM event), (SELECT count(*) FROM entity), "
    "(SELECT count(*) FROM source), (SELECT count(*) FROM citation), "
    "(SELECT count(*) FROM link), (SELECT count(DISTINCT tag) FROM event_tag)";
constexpr std::string_view kExtent =
    "SELECT min(event_id) FILTER (WHERE first_day = (SELECT min(first_day) FROM event)), "
    "max(event_id) FILTER (WHERE last_day = (SELECT max(last_day) FROM event)) FROM event";
constexpr std::string_view kByKind =
    "SELECT kind, count(*) FROM event GROUP BY kind ORDER BY count(*) DESC, kind";

// The most words a search may have, as on SQLite.
constexpr std::size_t kMaxSearchTerms = 64;

// The words of `text` as SQLite's engine splits them (runs of ASCII letters and digits, and
// of bytes of other characters), joined by spaces: plainto_tsquery then wants them all.
std::string plain_words(std::string_view text, std::size_t& terms) {
  terms = 0;
  std::string out;
  std::string term;
  auto flush = [&] {
    if (!term.empty()) {
      ++terms;
      out += out.empty() ? "" : " ";
      out += term;
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

// The query text for `text` and whether it is plain words; error (invalid_argument) past the
// word limit.
Result<std::string> search_text(std::string_view text, bool raw) {
  std::size_t terms = 0;
  std::string plain = plain_words(text, terms);
  if (terms > kMaxSearchTerms) {
    return fail(Errc::invalid_argument,
                fmt::format("search query has {} words; kb searches for at most {}", terms,
                            kMaxSearchTerms));
  }
  return raw ? (plain.empty() ? std::string() : std::string(text)) : plain;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// A PostgreSQL array literal of numbers / of strings (quoted, \ and " escaped).
std::string array_of(const std::vector<Id>& ids) {
  return fmt::format("{{{}}}", fmt::join(ids, ","));
}

std::string array_of(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const auto& v : values) {
    if (out.size() > 1) {
      out += ',';
    }
    out += '"';
    for (const char c : v) {
      if (c == '"' || c == '\\') {
        out += '\\';
      }
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

}  // namespace

Result<TopicMatch> Store::match_topic(std::string_view topic) {
  TopicMatch m;
  KB_ASSIGN(m.entities, lookup_entities(topic));
  if (!m.entities.empty()) {
    m.how = TopicMatch::How::entity;
    return m;
  }
  Statement tag = db_.prepare(kTagExists);
  tag.bind(1, ascii_lower(topic));
  KB_ASSIGN(Step found, tag.step());
  m.how = found == Step::row ? TopicMatch::How::tag : TopicMatch::How::text;
  return m;
}

Result<std::vector<Id>> Store::places_within(const std::vector<Id>& roots) {
  Statement s = db_.prepare(kPlacesIn);
  s.bind(1, array_of(roots));
  return s.collect([](const Statement& row) { return row.column_int(0); });
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
  std::optional<TopicMatch> m;
  if (q.topic) {
    KB_ASSIGN(m, match_topic(*q.topic));
  }
  const bool by_topic = m && m->how != TopicMatch::How::text;
  Statement s =
      db_.prepare(by_topic && q.sort == TimelineQuery::Sort::date && !q.newest_first
                      ? fmt::format(kTopicOldestFirst, kTimelineFilters, rows::kEventColumns)
                      : fmt::format("SELECT {} FROM event e WHERE {} AND {}{}", rows::kEventColumns,
                                    kTimelineTopic, kTimelineFilters, order));
  for (int i = 1; i <= 18; ++i) {
    s.bind_null(i);
  }
  s.bind(19, q.curated_only ? 1 : 0);
  if (m) {
    if (by_topic) {
      if (m->how == TopicMatch::How::entity) {
        std::vector<Id> roots;
        for (const auto& e : m->entities) {
          roots.push_back(e.id);
        }
        KB_ASSIGN(auto ids, places_within(roots));
        s.bind(1, array_of(ids));
      }
      s.bind(2, ascii_lower(*q.topic));
    } else {
      KB_ASSIGN(const std::string words, search_text(*q.topic, false));
      if (words.empty()) {
        return std::vector<Event>{};
      }
      s.bind(3, words);
    }
  }
  if (q.from) {
    s.bind(4, sqlite::to_day_number(q.from->first()));
  }
  if (q.to) {
    s.bind(5, sqlite::to_day_number(q.to->last()));
  }
  if (!q.kinds.empty()) {
    std::vector<std::string> kinds;
    for (const EventKind k : q.kinds) {
      kinds.emplace_back(to_string(k));
    }
    s.bind(6, array_of(kinds));
  }
  if (!q.actors.empty()) {
    KB_ASSIGN(const auto ids, named_ids(q.actors, false));
    s.bind(7, array_of(ids));
  }
  if (!q.targets.empty()) {
    KB_ASSIGN(const auto ids, named_ids(q.targets, false));
    s.bind(12, array_of(ids));
  }
  if (!q.places.empty()) {
    KB_ASSIGN(const auto ids, named_ids(q.places, true));
    s.bind(13, array_of(ids));
  }
  if (!q.tags.empty()) {
    std::vector<std::string> tags;
    for (const auto& t : q.tags) {
      tags.push_back(normal_tag(t));
    }
    s.bind(14, array_of(tags));
  }
  if (!q.statuses.empty()) {
    std::vector<std::string> statuses;
    for (const Status st : q.statuses) {
      statuses.emplace_back(to_string(st));
    }
    s.bind(15, array_of(statuses));
  }
  if (q.source) {
    const std::string text = ascii_lower(*q.source);
    s.bind(16, text);
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
    s.bind(8, sqlite::to_day_number(*q.as_of)).bind(9, iso_day(*q.as_of));
  }
  if (q.limit == 0) {
    s.bind_null(10);
  } else {
    s.bind(10, static_cast<std::int64_t>(q.limit));
  }
  s.bind(11, q.include_merged ? 1 : 0);
  KB_ASSIGN(std::vector<Event> out, s.collect(read_event));
  KB_TRY(load_details(out, !q.include_merged));
  return out;
}

namespace {

// Runs one of the two search statements, appending its hits; `matches` receives the number of
// rows that matched (0 when none did).
Result<void> collect_hits(Db& db, const std::string& sql, const std::string& text,
                          std::size_t limit, std::vector<SearchHit>& hits, std::int64_t& matches,
                          const std::vector<std::string>* months = nullptr) {
  Statement s = db.prepare(sql);
  s.bind(1, text).bind(2, static_cast<std::int64_t>(limit));
  if (months != nullptr) {
    s.bind(3, array_of(*months));
  }
  matches = 0;
  KB_ASSIGN(auto found, s.collect([&matches](const Statement& row) -> Result<SearchHit> {
    matches = row.column_int(11);
    SearchHit h;
    h.what = row.column_int(0) == 0 ? SearchHit::What::event : SearchHit::What::source;
    h.id = row.column_int(1);
    h.title = row.column_text(2);
    h.snippet = row.column_text(3);
    h.rank = row.column_double(4);
    if (h.what == SearchHit::What::event) {
      KB_ASSIGN(h.date,
                rows::restore_date(row.column_text(5), row.column_text(6), row.column_int(7),
                                   row.column_int(8), row.column_text(9)));
    } else {
      h.published = row.column_optional_text(10);
    }
    return h;
  }));
  hits.insert(hits.end(), std::make_move_iterator(found.begin()),
              std::make_move_iterator(found.end()));
  return ok();
}

// The planner's estimate of the rows of `estimate_sql` (an EXPLAIN in JSON) for `text`.
Result<std::int64_t> estimate_matches(Db& db, const std::string& estimate_sql,
                                      const std::string& text) {
  Statement plan = db.prepare(estimate_sql);
  plan.bind(1, text);
  KB_ASSIGN(const Step step, plan.step());
  const std::string json = step == Step::row ? plan.column_text(0) : std::string();
  constexpr std::string_view kRows = "\"Plan Rows\":";
  const auto at = json.find(kRows);
  std::int64_t rows = 0;
  if (at != std::string::npos) {
    const auto digits = json.find_first_not_of(' ', at + kRows.size());
    const char* first = json.data() + std::min(digits, json.size());
    std::from_chars(first, json.data() + json.size(), rows);
  }
  return rows;
}

// The rows `count_sql` counts; unless `exact`, the planner's estimate of them from
// `estimate_sql` (an EXPLAIN in JSON) when that is kEstimateFrom or more (`estimated`).
Result<std::int64_t> count_matches(Db& db, const std::string& estimate_sql,
                                   const std::string& count_sql, const std::string& text,
                                   bool exact, bool& estimated) {
  estimated = false;
  if (!exact) {
    KB_ASSIGN(const std::int64_t rows, estimate_matches(db, estimate_sql, text));
    if (rows >= kEstimateFrom) {
      estimated = true;
      return rows;
    }
  }
  Statement s = db.prepare(count_sql);
  s.bind(1, text);
  KB_TRY(s.step());
  return s.column_int(0);
}

// "2024-12" for the month "202412".
std::string month_of(std::string_view month) {
  return fmt::format("{}-{}", month.substr(0, month.size() - 2), month.substr(month.size() - 2));
}

// A whole number setting, or an error naming it.
Result<std::int64_t> setting_number(std::string_view name, const std::string& value) {
  std::int64_t n = 0;
  const char* end = value.data() + value.size();
  const auto [at, error] = std::from_chars(value.data(), end, n);
  if (error != std::errc() || at != end || n < 1) {
    return fail(Errc::invalid_argument,
                fmt::format("the setting {} is '{}', not a whole number above 0", name, value));
  }
  return n;
}

}  // namespace

Result<void> Store::rank_rum(bool sources, std::string_view parse, const std::string& text,
                             std::size_t limit, bool all, const SearchSettings& settings,
                             std::vector<SearchHit>& hits, std::optional<SearchWindow>& window) {
  window.reset();
  std::int64_t unused = 0;
  // A ranking's statement: its hits (`hits_sql`) and the rows they give.
  const auto by_distance = [&](std::string_view hits_sql) {
    std::string sql(hits_sql);
    sql += sources ? kSourceHitsByDistance : kEventHitsByDistance;
    return fmt::format(fmt::runtime(sql), parse, kHeadline);
  };
  if (!all && limit > 0) {
    std::size_t terms = 0;
    std::string words;
    const std::string plain = plain_words(text, terms);
    for (std::size_t at = 0; at < plain.size();) {
      const auto end = std::min(plain.find(' ', at), plain.size());
      const std::string_view word(plain.data() + at, end - at);
      // websearch_to_tsquery's "or" is an operator, not a word
      if (!(parse == kRaw && ascii_lower(word) == "or")) {
        words += words.empty() ? "" : " | ";
        words += word;
      }
      at = end + 1;
    }
    std::int64_t expected = 0;
    if (!words.empty()) {
      KB_ASSIGN(expected,
                estimate_matches(
                    db_, std::string(sources ? kEstimateSourceWords : kEstimateEventWords), words));
    }
    // The newest months, widened while they hold fewer hits than asked for; once they are all
    // the months there are (and, for sources, those without a date), every match is ranked.
    for (std::int64_t months = settings.months; expected >= settings.bound; months *= 4) {
      Statement which = db_.prepare(sources ? kSourceMonths : kEventMonths);
      which.bind(1, months);
      KB_ASSIGN(std::vector<std::string> months_found,
                which.collect([](const Statement& row) -> Result<std::string> {
                  return row.column_text(0);
                }));
      const bool whole = static_cast<std::int64_t>(months_found.size()) < months;
      if (whole && sources) {
        months_found.emplace_back(kNoMonth);
      }
      std::vector<SearchHit> found;
      KB_TRY(collect_hits(db_, by_distance(sources ? kSearchSourcesWindow : kSearchEventsWindow),
                          text, limit, found, unused, &months_found));
      if (whole || found.size() >= limit) {
        if (!whole) {
          window =
              SearchWindow{month_of(months_found.back()), month_of(months_found.front()), months};
        }
        hits.insert(hits.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
        return ok();
      }
    }
  }
  return collect_hits(db_, by_distance(sources ? kSearchSourcesRum : kSearchEventsRum), text, limit,
                      hits, unused);
}

Result<std::vector<SearchHit>> Store::search(std::string_view query, std::size_t limit, bool raw,
                                             bool all) {
  KB_ASSIGN(const std::string text, search_text(query, raw));
  if (text.empty()) {
    return fail(Errc::invalid_argument, "empty search query");
  }
  const std::string_view parse = raw ? kRaw : kPlain;
  KB_ASSIGN(const SearchSettings settings, search_settings());
  std::vector<SearchHit> hits;
  last_count_.reset();
  last_scope_ = {};
  SearchCount count;
  if (settings.rum) {
    // The RUM statements rank only the rows they keep and so count nothing: search_count()
    // counts or estimates.
    KB_TRY(rank_rum(false, parse, text, limit, all, settings, hits, last_scope_.events));
    KB_TRY(rank_rum(true, parse, text, limit, all, settings, hits, last_scope_.sources));
  } else {
    KB_TRY(collect_hits(db_, fmt::format(kSearchEvents, parse, kHeadline), text, limit, hits,
                        count.events));
    KB_TRY(collect_hits(db_, fmt::format(kSearchSources, parse, kHeadline), text, limit, hits,
                        count.sources));
  }
  // The counts are known when the statements could return rows (with no row, a match count of
  // 0 is what the statements say only when they were not limited to none).
  if (limit > 0 && !settings.rum) {
    last_count_ = LastCount{text, raw, db_.statements(), count};
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; });
  if (hits.size() > limit) {
    hits.resize(limit);
  }
  return hits;
}

Result<Repository::SearchCount> Store::search_count(std::string_view query, bool raw, bool exact) {
  KB_ASSIGN(const std::string text, search_text(query, raw));
  if (text.empty()) {
    return fail(Errc::invalid_argument, "empty search query");
  }
  // The counts of the search just made with the same words, if no statement ran since.
  if (last_count_ && last_count_->text == text && last_count_->raw == raw &&
      last_count_->statements == db_.statements()) {
    return last_count_->count;
  }
  const std::string_view parse = raw ? kRaw : kPlain;
  SearchCount out;
  KB_ASSIGN(out.events,
            count_matches(db_, fmt::format(kEstimateEvents, parse),
                          fmt::format(kCountEvents, parse), text, exact, out.events_estimated));
  KB_ASSIGN(out.sources,
            count_matches(db_, fmt::format(kEstimateSources, parse),
                          fmt::format(kCountSources, parse), text, exact, out.sources_estimated));
  return out;
}

Result<Store::SearchSettings> Store::search_settings() {
  if (!search_settings_) {
    Statement s = db_.prepare(kSearchSettings);
    KB_ASSIGN(const Step step, s.step());
    if (step != Step::row) {
      return fail(Errc::storage, "cannot read kb's search settings");
    }
    SearchSettings out;
    out.rum = !s.column_is_null(0) && s.column_text(0) == "rum";
    KB_ASSIGN(out.bound, setting_number("kb.search_bound", s.column_text(1)));
    KB_ASSIGN(out.months, setting_number("kb.search_months", s.column_text(2)));
    search_settings_ = out;
  }
  return *search_settings_;
}

Result<Stats> Store::stats() {
  Stats st;
  Statement counts = db_.prepare(kCounts);
  KB_TRY(counts.step());
  st.events = counts.column_int(0);
  st.entities = counts.column_int(1);
  st.sources = counts.column_int(2);
  st.citations = counts.column_int(3);
  st.links = counts.column_int(4);
  st.tags = counts.column_int(5);
  Statement extent = db_.prepare(kExtent);
  KB_TRY(extent.step());
  if (!extent.column_is_null(0)) {
    KB_ASSIGN(Event first, event(extent.column_int(0)));
    KB_ASSIGN(Event last, event(extent.column_int(1)));
    st.earliest = first.date;
    st.latest = last.date;
  }
  Statement kinds = db_.prepare(kByKind);
  KB_ASSIGN(st.by_kind,
            kinds.collect([](const Statement& row) -> Result<std::pair<EventKind, std::int64_t>> {
              KB_ASSIGN(const EventKind kind, parse_event_kind(row.column_text(0)));
              return std::make_pair(kind, row.column_int(1));
            }));
  return st;
}

}  // namespace kb::postgres
