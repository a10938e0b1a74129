// Store: events with their participants, citations, links and tags, on PostgreSQL. The same
// statements as storage/sqlite/store_events.cpp where the dialects agree; where they differ:
// $N parameters (cast where the server cannot infer a type), RETURNING for new ids, ON CONFLICT
// DO NOTHING for INSERT OR IGNORE, NULLS FIRST where SQLite sorts NULL first, and a citation or
// link number that is one past the highest, as SQLite gives a rowid.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "storage/postgres/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::postgres {
namespace {

namespace rows = kb::sqlite::rows;

constexpr std::string_view kInsertEvent =
    "INSERT INTO event (event_id, title, summary, first_day, last_day, precision, modifier, "
    "timex, date_text, kind, status, confidence, origin, recorded_at, updated_at, import_id, "
    "uuid, curated, fatalities) "
    "VALUES ((SELECT last_id + 1 FROM id_sequence WHERE name = 'event'), $1, $2, $3, $4, $5, "
    "$6, $7, $8, $9, $10, $11, $12, $13, $13, $14, coalesce($15, gen_random_uuid()::text), $16, "
    "$17) RETURNING event_id";
constexpr std::string_view kUpdateEvent =
    "UPDATE event SET title = $2, summary = $3, first_day = $4, last_day = $5, precision = $6, "
    "modifier = $7, timex = $8, date_text = $9, kind = $10, status = $11, confidence = $12, "
    "updated_at = $13, fatalities = $14 WHERE event_id = $1";
constexpr std::string_view kVersionFields =
    "SELECT title, summary, timex, modifier, date_text, kind, "
    "CASE status WHEN 'disputed' THEN '' ELSE status END, coalesce(fatalities::text, ''), "
    "lineage FROM event WHERE event_id = $1";
constexpr std::string_view kVersionRoles =
    "SELECT (ee.role || ':' || coalesce(n.uuid, n.entity_id::text))::ctext AS r "
    "FROM event_entity ee JOIN entity n ON n.entity_id = ee.entity_id WHERE ee.event_id = $1 "
    "ORDER BY r";
constexpr std::string_view kSetLineage = "UPDATE event SET lineage = $2 WHERE event_id = $1";
constexpr std::string_view kDeleteEvent = "DELETE FROM event WHERE event_id = $1";
constexpr std::string_view kEventById = "WHERE e.event_id = $1";
constexpr std::string_view kDeleteParticipants = "DELETE FROM event_entity WHERE event_id = $1";
constexpr std::string_view kInsertParticipant =
    "INSERT INTO event_entity (event_id, entity_id, role) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kDeleteTags = "DELETE FROM event_tag WHERE event_id = $1";
constexpr std::string_view kInsertTag =
    "INSERT INTO event_tag (event_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING";
constexpr std::string_view kInsertCitation =
    "INSERT INTO citation (citation_id, event_id, source_id, quote, quote_begin, quote_end) "
    "VALUES ((SELECT coalesce(max(citation_id), 0) + 1 FROM citation), $1, $2, $3, $4, $5) "
    "RETURNING citation_id";
constexpr std::string_view kInsertLink =
    "INSERT INTO link (link_id, from_event, relation, to_event, citation_id, created_at) "
    "VALUES ((SELECT coalesce(max(link_id), 0) + 1 FROM link), $1, $2, $3, $4, $5) "
    "RETURNING link_id";
constexpr std::string_view kMerge =
    "UPDATE event SET merged_into = $1, updated_at = $3 WHERE event_id = $2 OR merged_into = $2";
constexpr std::string_view kUnmerge =
    "UPDATE event SET merged_into = NULL, updated_at = $3 WHERE event_id = $2 AND merged_into = $1";
constexpr std::string_view kDeleteLink =
    "DELETE FROM link WHERE from_event = $1 AND relation = $2 AND to_event = $3";
constexpr std::string_view kLinkExists =
    "SELECT link_id FROM link WHERE from_event = $1 AND relation = $2 AND to_event = $3";
constexpr std::string_view kParticipants =
    "SELECT n.entity_id, n.name, n.kind, ee.role FROM event_entity ee "
    "JOIN entity n ON n.entity_id = ee.entity_id WHERE ee.event_id IN "
    "(SELECT $1::bigint UNION SELECT event_id FROM event WHERE merged_into = $1 AND $2::boolean) "
    "GROUP BY n.entity_id, ee.role "
    "ORDER BY CASE ee.role WHEN 'actor' THEN 0 WHEN 'target' THEN 1 WHEN 'location' THEN 2 "
    "ELSE 3 END, n.name";
constexpr std::string_view kCitations =
    "SELECT c.citation_id, c.source_id, c.quote, c.quote_begin, c.quote_end, s.url, s.title, "
    "s.publisher, s.original_publisher, s.published FROM citation c "
    "JOIN source s ON s.source_id = c.source_id WHERE c.event_id IN "
    "(SELECT $1::bigint UNION SELECT event_id FROM event WHERE merged_into = $1 AND $2::boolean) "
    "ORDER BY s.published NULLS FIRST, c.citation_id";
constexpr std::string_view kLinks =
    "SELECT l.link_id, l.relation, 1, o.event_id, o.title, o.timex, o.modifier, o.first_day, "
    "o.last_day, o.precision, c.quote FROM link l JOIN event o ON o.event_id = l.to_event "
    "LEFT JOIN citation c ON c.citation_id = l.citation_id WHERE l.from_event = $1 "
    "UNION ALL "
    "SELECT l.link_id, l.relation, 0, o.event_id, o.title, o.timex, o.modifier, o.first_day, "
    "o.last_day, o.precision, c.quote FROM link l JOIN event o ON o.event_id = l.from_event "
    "LEFT JOIN citation c ON c.citation_id = l.citation_id WHERE l.to_event = $1 "
    "ORDER BY 8, 4";
constexpr std::string_view kTags =
    "SELECT DISTINCT tag FROM event_tag WHERE event_id IN "
    "(SELECT $1::bigint UNION SELECT event_id FROM event WHERE merged_into = $1 AND $2::boolean) "
    "ORDER BY tag";
// The same four for many events at once ($1: their ids), each row led by the event it belongs
// to, in the order above per event (ties, which the statements above leave to the plan, go to
// the lower entity or link number): a timeline of 100 events costs four statements, not 400.
constexpr std::string_view kMembersOf =
    "WITH own AS (SELECT DISTINCT unnest($1::bigint[]) AS owner), "
    "members AS (SELECT owner, owner AS event_id FROM own UNION "
    "SELECT o.owner, e.event_id FROM own o JOIN event e ON e.merged_into = o.owner "
    "WHERE $2::boolean) ";
constexpr std::string_view kParticipantsOf =
    "SELECT m.owner, n.entity_id, n.name, n.kind, ee.role FROM members m "
    "JOIN event_entity ee ON ee.event_id = m.event_id JOIN entity n ON n.entity_id = ee.entity_id "
    "GROUP BY m.owner, n.entity_id, ee.role "
    "ORDER BY m.owner, CASE ee.role WHEN 'actor' THEN 0 WHEN 'target' THEN 1 "
    "WHEN 'location' THEN 2 ELSE 3 END, n.name, n.entity_id";
constexpr std::string_view kCitationsOf =
    "SELECT m.owner, c.citation_id, c.source_id, c.quote, c.quote_begin, c.quote_end, s.url, "
    "s.title, s.publisher, s.original_publisher, s.published FROM members m "
    "JOIN citation c ON c.event_id = m.event_id JOIN source s ON s.source_id = c.source_id "
    "ORDER BY m.owner, s.published NULLS FIRST, c.citation_id";
constexpr std::string_view kTagsOf =
    "SELECT DISTINCT m.owner, t.tag FROM members m JOIN event_tag t ON t.event_id = m.event_id "
    "ORDER BY m.owner, t.tag";
constexpr std::string_view kLinksOfMany =
    "WITH own AS (SELECT DISTINCT unnest($1::bigint[]) AS owner) "
    "SELECT w.owner, l.link_id, l.relation, 1, o.event_id, o.title, o.timex, o.modifier, "
    "o.first_day, o.last_day, o.precision, c.quote FROM own w JOIN link l ON l.from_event = "
    "w.owner "
    "JOIN event o ON o.event_id = l.to_event "
    "LEFT JOIN citation c ON c.citation_id = l.citation_id "
    "UNION ALL "
    "SELECT w.owner, l.link_id, l.relation, 0, o.event_id, o.title, o.timex, o.modifier, "
    "o.first_day, o.last_day, o.precision, c.quote FROM own w JOIN link l ON l.to_event = w.owner "
    "JOIN event o ON o.event_id = l.from_event "
    "LEFT JOIN citation c ON c.citation_id = l.citation_id "
    "ORDER BY 1, 9, 5, 2";
constexpr std::string_view kRelated =
    "SELECT o.event_id, o.title, o.timex, o.modifier, o.first_day, o.last_day, o.precision, "
    "min(n.name) FROM event_entity me "
    "JOIN event_entity oe ON oe.entity_id = me.entity_id AND oe.event_id <> me.event_id "
    "JOIN event o ON o.event_id = oe.event_id JOIN entity n ON n.entity_id = me.entity_id "
    "WHERE me.event_id = $1 AND me.role IN ('actor', 'target', 'location') "
    "AND oe.role IN ('actor', 'target', 'location') "
    "AND o.last_day >= $2 AND o.first_day <= $3 "
    "GROUP BY o.event_id ORDER BY o.first_day, o.last_day, o.event_id LIMIT $4";
constexpr std::string_view kEventQuotes =
    "SELECT c.quote FROM citation c JOIN source s ON s.source_id = c.source_id "
    "WHERE c.event_id IN (SELECT $1::bigint UNION SELECT event_id FROM event "
    "WHERE merged_into = $1) ORDER BY s.published NULLS FIRST, c.citation_id LIMIT $2";
constexpr std::string_view kRoles =
    "SELECT entity_id, role FROM event_entity WHERE event_id = $1 AND role <> 'mentioned'";
constexpr std::string_view kCitedBySource =
    "SELECT 1 FROM citation WHERE event_id = $1 AND source_id = $2 LIMIT 1";
constexpr std::string_view kDeleteCitation = "DELETE FROM citation WHERE citation_id = $1";
constexpr std::string_view kSetImport = "UPDATE event SET import_id = $2 WHERE event_id = $1";
constexpr std::string_view kEventImport = "SELECT import_id FROM event WHERE event_id = $1";
constexpr std::string_view kSameEvent =
    "SELECT event_id FROM event WHERE title = $1 AND timex = $2 AND modifier = $3 "
    "ORDER BY event_id LIMIT 1";
constexpr std::string_view kNearby =
    "SELECT event_id FROM event WHERE event_id <> $1 AND last_day >= $2 AND first_day <= $3 "
    "AND event_id NOT IN (SELECT to_event FROM link WHERE from_event = $1 AND relation = "
    "'same-as' UNION SELECT from_event FROM link WHERE to_event = $1 AND relation = 'same-as') "
    "ORDER BY first_day, event_id LIMIT $4";
constexpr std::string_view kLinksOf =
    "SELECT link_id, from_event, relation, to_event, citation_id, created_at FROM link "
    "WHERE from_event = $1 OR to_event = $1 ORDER BY link_id";
constexpr std::string_view kMergedInto =
    "SELECT event_id FROM event WHERE merged_into = $1 ORDER BY event_id";

Result<void> validate(const Event& e) {
  if (e.title.find_first_not_of(" \t\r\n") == std::string::npos) {
    return fail(Errc::invalid_argument, "an event needs a title");
  }
  if (!(e.confidence >= 0.0 && e.confidence <= 1.0)) {
    return fail(Errc::invalid_argument,
                fmt::format("confidence must lie in [0, 1], not {}", e.confidence));
  }
  return ok();
}

// Binds the date columns of an event starting at parameter `first`.
void bind_date(Statement& s, int first, const Event& e) {
  s.bind(first, sqlite::to_day_number(e.date.first()));
  s.bind(first + 1, sqlite::to_day_number(e.date.last()));
  s.bind(first + 2, to_string(e.date.precision())).bind(first + 3, to_string(e.date.modifier()));
  s.bind(first + 4, e.date.timex()).bind(first + 5, e.date_text);
}

Result<FuzzyDate> date_at(const Statement& s, int timex_col) {
  return rows::restore_date(s.column_text(timex_col), s.column_text(timex_col + 1),
                            s.column_int(timex_col + 2), s.column_int(timex_col + 3),
                            s.column_text(timex_col + 4));
}

}  // namespace

Result<Event> Store::read_event(const Statement& s) {
  Event e;
  e.id = s.column_int(0);
  e.title = s.column_text(1);
  e.summary = s.column_text(2);
  KB_ASSIGN(e.date, rows::restore_date(s.column_text(7), s.column_text(6), s.column_int(3),
                                       s.column_int(4), s.column_text(5)));
  e.date_text = s.column_text(8);
  KB_ASSIGN(e.kind, parse_event_kind(s.column_text(9)));
  KB_ASSIGN(e.status, parse_status(s.column_text(10)));
  e.confidence = s.column_double(11);
  e.origin = s.column_text(12) == "manual" ? Origin::manual : Origin::imported;
  e.recorded_at = s.column_text(13);
  e.updated_at = s.column_text(14);
  e.import_id = s.column_optional_int(15);
  e.merged_into = s.column_optional_int(16);
  e.uuid = s.column_text(17);
  e.curated = s.column_int(18) != 0;
  e.fatalities = s.column_optional_int(19);
  e.lineage = rows::split_lineage(s.column_text(20));
  e.revision = s.column_int(21);
  return e;
}

Result<void> Store::note_version(Id event_id) {
  Statement fields = db_.prepare(kVersionFields);
  fields.bind(1, event_id);
  KB_ASSIGN(const Step found, fields.step());
  if (found != Step::row) {
    return ok();
  }
  std::string state;
  for (int col = 0; col < 8; ++col) {
    state += fields.column_text(col);
    state += '\x1f';
  }
  auto lineage = rows::split_lineage(fields.column_text(8));
  Statement roles = db_.prepare(kVersionRoles);
  roles.bind(1, event_id);
  KB_ASSIGN(const auto role_keys,
            roles.collect([](const Statement& row) { return row.column_text(0); }));
  for (const auto& r : role_keys) {
    state += r;
    state += '\x1e';
  }
  // The same chained FNV-1a keys as storage/sqlite (store_events.cpp), so that a lineage means
  // the same on both engines.
  const auto key_after = [&state](std::string_view parent) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : state) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    for (const char c : parent) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return fmt::format("{:016x}", hash);
  };
  const std::size_t n = lineage.size();
  if (n > 0 && lineage.back() == key_after(n > 1 ? std::string_view(lineage[n - 2]) : "")) {
    return ok();
  }
  const std::string key = key_after(n > 0 ? std::string_view(lineage.back()) : "");
  if (std::find(lineage.begin(), lineage.end(), key) != lineage.end()) {
    return ok();
  }
  lineage.push_back(key);
  if (lineage.size() > kLineageKept) {
    lineage.erase(lineage.begin(),
                  lineage.begin() + static_cast<std::ptrdiff_t>(lineage.size() - kLineageKept));
  }
  Statement set = db_.prepare(kSetLineage);
  set.bind(1, event_id).bind(2, rows::join_lineage(lineage));
  return set.run();
}

Result<Id> Store::add_event(const Event& e) {
  KB_TRY(validate(e));
  Statement s = db_.prepare(kInsertEvent);
  s.bind(1, e.title).bind(2, e.summary);
  bind_date(s, 3, e);
  s.bind(9, to_string(e.kind)).bind(10, to_string(e.status)).bind(11, e.confidence);
  s.bind(12, to_string(e.origin)).bind(13, now_iso()).bind(14, e.import_id);
  s.bind(15, rows::optional_uuid(e.uuid)).bind(16, e.curated ? 1 : 0).bind(17, e.fatalities);
  KB_TRY(s.step());
  Event stored = e;
  stored.id = s.column_int(0);
  KB_TRY(write_participants(stored));
  KB_TRY(write_tags(stored.id, e.tags));
  for (const auto& c : e.citations) {
    KB_TRY(add_citation(stored.id, c));
  }
  KB_TRY(note_version(stored.id));
  return stored.id;
}

Result<void> Store::update_event(const Event& e) {
  KB_TRY(validate(e));
  Statement s = db_.prepare(kUpdateEvent);
  s.bind(1, e.id).bind(2, e.title).bind(3, e.summary);
  bind_date(s, 4, e);
  s.bind(10, to_string(e.kind)).bind(11, to_string(e.status));
  s.bind(12, e.confidence).bind(13, now_iso());
  s.bind(14, e.fatalities);
  KB_TRY(s.run());
  if (db_.changes() == 0) {
    return fail(Errc::not_found, fmt::format("no event with id {}", e.id));
  }
  Statement del = db_.prepare(kDeleteParticipants);
  del.bind(1, e.id);
  KB_TRY(del.run());
  KB_TRY(write_participants(e));
  KB_TRY(note_version(e.id));
  Statement del_tags = db_.prepare(kDeleteTags);
  del_tags.bind(1, e.id);
  KB_TRY(del_tags.run());
  return write_tags(e.id, e.tags);
}

Result<void> Store::remove_event(Id id) {
  Statement s = db_.prepare(kDeleteEvent);
  s.bind(1, id);
  KB_TRY(s.run());
  if (db_.changes() == 0) {
    return fail(Errc::not_found, fmt::format("no event with id {}", id));
  }
  return ok();
}

Result<void> Store::write_participants(const Event& e) {
  Statement s = db_.prepare(kInsertParticipant);
  for (const auto& p : e.participants) {
    s.reset();
    s.bind(1, e.id).bind(2, p.entity_id).bind(3, to_string(p.role));
    KB_TRY(s.run());
  }
  return ok();
}

Result<void> Store::write_tags(Id event_id, const std::vector<std::string>& tags) {
  Statement s = db_.prepare(kInsertTag);
  for (const auto& tag : tags) {
    const std::string t = normal_tag(tag);
    if (t.empty()) {
      return fail(Errc::invalid_argument, "a tag cannot be empty");
    }
    s.reset();
    s.bind(1, event_id).bind(2, t);
    KB_TRY(s.run());
  }
  return ok();
}

Result<void> Store::add_tags(Id event_id, const std::vector<std::string>& tags) {
  KB_ASSIGN(Event e, event(event_id));
  (void)e;
  return write_tags(event_id, tags);
}

Result<Id> Store::add_citation(Id event_id, const Citation& c) {
  Statement s = db_.prepare(kInsertCitation);
  s.bind(1, event_id).bind(2, c.source_id).bind(3, c.quote);
  s.bind(4, c.quote_begin).bind(5, c.quote_end);
  KB_TRY(s.step());
  return s.column_int(0);
}

Result<Id> Store::add_link(Id from, Relation relation, Id to, std::optional<Id> citation_id) {
  const std::string_view rel = to_string(relation);
  if (from == to) {
    return fail(Errc::invalid_argument, fmt::format("cannot link event {} to itself", from));
  }
  KB_ASSIGN(Event a, event(from));
  KB_ASSIGN(Event b, event(to));
  Statement exists = db_.prepare(kLinkExists);
  exists.bind(1, from).bind(2, rel).bind(3, to);
  KB_ASSIGN(Step found, exists.step());
  if (found == Step::row) {
    return fail(Errc::conflict, fmt::format("event {} already {} event {}", from, rel, to));
  }
  if (relation == Relation::same_as) {
    KB_TRY(merge_same_as(a, b));
  }
  Statement s = db_.prepare(kInsertLink);
  s.bind(1, from).bind(2, rel).bind(3, to).bind(4, citation_id).bind(5, now_iso());
  KB_TRY(s.step());
  return s.column_int(0);
}

Result<void> Store::merge_same_as(const Event& keep, const Event& merged) {
  if (merged.merged_into) {
    return fail(Errc::conflict, fmt::format("event {} is already merged into event {}", merged.id,
                                            *merged.merged_into));
  }
  if (keep.merged_into) {
    return fail(Errc::invalid_argument,
                fmt::format("event {} is merged into event {}: link to that one instead", keep.id,
                            *keep.merged_into));
  }
  Statement s = db_.prepare(kMerge);
  s.bind(1, keep.id).bind(2, merged.id).bind(3, now_iso());
  return s.run();
}

Result<void> Store::remove_link(Id from, Relation relation, Id to) {
  const std::string_view rel = to_string(relation);
  Statement s = db_.prepare(kDeleteLink);
  s.bind(1, from).bind(2, rel).bind(3, to);
  KB_TRY(s.run());
  if (db_.changes() == 0) {
    return fail(Errc::not_found, fmt::format("no link: event {} {} event {}", from, rel, to));
  }
  if (relation == Relation::same_as) {
    Statement unmerge = db_.prepare(kUnmerge);
    unmerge.bind(1, from).bind(2, to).bind(3, now_iso());
    KB_TRY(unmerge.run());
  }
  return ok();
}

Result<Event> Store::event(Id id) {
  Statement s =
      db_.prepare(fmt::format("SELECT {} FROM event e {}", rows::kEventColumns, kEventById));
  s.bind(1, id);
  KB_ASSIGN(Step step, s.step());
  if (step != Step::row) {
    return fail(Errc::not_found, fmt::format("no event with id {}", id));
  }
  KB_ASSIGN(Event e, read_event(s));
  KB_TRY(load_details(e, true));
  return e;
}

Result<std::optional<Event>> Store::stored_event(Id id) {
  Statement s =
      db_.prepare(fmt::format("SELECT {} FROM event e {}", rows::kEventColumns, kEventById));
  s.bind(1, id);
  KB_ASSIGN(Step step, s.step());
  if (step != Step::row) {
    return std::optional<Event>();
  }
  KB_ASSIGN(Event e, read_event(s));
  KB_TRY(load_details(e, false));
  e.links.clear();
  return std::optional<Event>(std::move(e));
}

Result<void> Store::load_details(Event& e, bool fold_merged) {
  const int fold = fold_merged ? 1 : 0;
  Statement p = db_.prepare(kParticipants);
  p.bind(1, e.id).bind(2, fold);
  KB_ASSIGN(e.participants, p.collect([](const Statement& row) -> Result<Participant> {
    Participant part;
    part.entity_id = row.column_int(0);
    part.name = row.column_text(1);
    KB_ASSIGN(part.kind, parse_entity_kind(row.column_text(2)));
    KB_ASSIGN(part.role, parse_role(row.column_text(3)));
    return part;
  }));
  Statement c = db_.prepare(kCitations);
  c.bind(1, e.id).bind(2, fold);
  KB_ASSIGN(e.citations, c.collect([](const Statement& row) {
    Citation cit;
    cit.id = row.column_int(0);
    cit.source_id = row.column_int(1);
    cit.quote = row.column_text(2);
    cit.quote_begin = row.column_optional_int(3);
    cit.quote_end = row.column_optional_int(4);
    cit.url = row.column_optional_text(5);
    cit.source_title = row.column_text(6);
    cit.publisher = row.column_optional_text(7);
    cit.original_publisher = row.column_optional_text(8);
    cit.published = row.column_optional_text(9);
    return cit;
  }));
  Statement l = db_.prepare(kLinks);
  l.bind(1, e.id);
  KB_ASSIGN(e.links, l.collect([](const Statement& row) -> Result<LinkRef> {
    LinkRef link;
    link.link_id = row.column_int(0);
    KB_ASSIGN(link.relation, parse_relation(row.column_text(1)));
    link.outgoing = row.column_int(2) != 0;
    link.other_id = row.column_int(3);
    link.other_title = row.column_text(4);
    KB_ASSIGN(link.other_date, date_at(row, 5));
    link.quote = row.column_optional_text(10);
    return link;
  }));
  Statement t = db_.prepare(kTags);
  t.bind(1, e.id).bind(2, fold);
  KB_ASSIGN(e.tags, t.collect([](const Statement& row) { return row.column_text(0); }));
  return ok();
}

Result<void> Store::load_details(std::vector<Event>& events, bool fold_merged) {
  if (events.size() <= 1) {
    for (auto& e : events) {
      KB_TRY(load_details(e, fold_merged));
    }
    return ok();
  }
  std::map<Id, Event*> by_id;
  std::vector<Id> ids;
  for (auto& e : events) {
    e.participants.clear();
    e.citations.clear();
    e.links.clear();
    e.tags.clear();
    by_id.emplace(e.id, &e);
    ids.push_back(e.id);
  }
  const std::string id_list = fmt::format("{{{}}}", fmt::join(ids, ","));
  const int fold = fold_merged ? 1 : 0;
  // Runs `sql` for the events and hands each row to `read` with the event it belongs to.
  const auto each = [&](const std::string& sql, bool with_fold, const auto& read) -> Result<void> {
    Statement s = db_.prepare(sql);
    s.bind(1, id_list);
    if (with_fold) {
      s.bind(2, fold);
    }
    while (true) {
      KB_ASSIGN(const Step step, s.step());
      if (step == Step::done) {
        return ok();
      }
      const auto at = by_id.find(s.column_int(0));
      if (at == by_id.end()) {
        return fail(Errc::storage, "event details for an event not asked for");
      }
      KB_TRY(read(s, *at->second));
    }
  };
  KB_TRY(each(fmt::format("{}{}", kMembersOf, kParticipantsOf), true,
              [](const Statement& row, Event& e) -> Result<void> {
                Participant part;
                part.entity_id = row.column_int(1);
                part.name = row.column_text(2);
                KB_ASSIGN(part.kind, parse_entity_kind(row.column_text(3)));
                KB_ASSIGN(part.role, parse_role(row.column_text(4)));
                e.participants.push_back(std::move(part));
                return ok();
              }));
  KB_TRY(each(fmt::format("{}{}", kMembersOf, kCitationsOf), true,
              [](const Statement& row, Event& e) -> Result<void> {
                Citation cit;
                cit.id = row.column_int(1);
                cit.source_id = row.column_int(2);
                cit.quote = row.column_text(3);
                cit.quote_begin = row.column_optional_int(4);
                cit.quote_end = row.column_optional_int(5);
                cit.url = row.column_optional_text(6);
                cit.source_title = row.column_text(7);
                cit.publisher = row.column_optional_text(8);
                cit.original_publisher = row.column_optional_text(9);
                cit.published = row.column_optional_text(10);
                e.citations.push_back(std::move(cit));
                return ok();
              }));
  KB_TRY(each(std::string(kLinksOfMany), false, [](const Statement& row, Event& e) -> Result<void> {
    LinkRef link;
    link.link_id = row.column_int(1);
    KB_ASSIGN(link.relation, parse_relation(row.column_text(2)));
    link.outgoing = row.column_int(3) != 0;
    link.other_id = row.column_int(4);
    link.other_title = row.column_text(5);
    KB_ASSIGN(link.other_date, date_at(row, 6));
    link.quote = row.column_optional_text(11);
    e.links.push_back(std::move(link));
    return ok();
  }));
  return each(fmt::format("{}{}", kMembersOf, kTagsOf), true,
              [](const Statement& row, Event& e) -> Result<void> {
                e.tags.push_back(row.column_text(1));
                return ok();
              });
}

Result<std::vector<RelatedEvent>> Store::related_events(Id id, int window_days, std::size_t limit) {
  KB_ASSIGN(Event e, event(id));
  Statement s = db_.prepare(kRelated);
  s.bind(1, id);
  s.bind(2, sqlite::to_day_number(e.date.first()) - window_days);
  s.bind(3, sqlite::to_day_number(e.date.last()) + window_days);
  s.bind(4, static_cast<std::int64_t>(limit));
  return s.collect([](const Statement& row) -> Result<RelatedEvent> {
    RelatedEvent r;
    r.id = row.column_int(0);
    r.title = row.column_text(1);
    KB_ASSIGN(r.date, date_at(row, 2));
    r.shared = row.column_text(7);
    return r;
  });
}

Result<std::vector<std::string>> Store::event_quotes(Id event_id, std::size_t limit) {
  Statement st = db_.prepare(kEventQuotes);
  st.bind(1, event_id).bind(2, static_cast<std::int64_t>(limit));
  return st.collect([](const Statement& row) { return row.column_text(0); });
}

Result<std::vector<std::pair<Id, Role>>> Store::event_roles(Id event_id) {
  Statement st = db_.prepare(kRoles);
  st.bind(1, event_id);
  return st.collect([](const Statement& row) -> Result<std::pair<Id, Role>> {
    KB_ASSIGN(const Role role, parse_role(row.column_text(1)));
    return std::make_pair(row.column_int(0), role);
  });
}

Result<bool> Store::add_role(Id event_id, Id entity_id, Role role) {
  Statement st = db_.prepare(kInsertParticipant);
  st.bind(1, event_id).bind(2, entity_id).bind(3, to_string(role));
  KB_TRY(st.run());
  if (db_.changes() == 0) {
    return false;
  }
  KB_TRY(note_version(event_id));
  return true;
}

Result<bool> Store::cites_source(Id event_id, Id source_id) {
  Statement st = db_.prepare(kCitedBySource);
  st.bind(1, event_id).bind(2, source_id);
  KB_ASSIGN(const Step s, st.step());
  return s == Step::row;
}

Result<void> Store::remove_citation(Id citation_id) {
  Statement st = db_.prepare(kDeleteCitation);
  st.bind(1, citation_id);
  return st.run();
}

Result<void> Store::set_event_import(Id event_id, Id import_id) {
  Statement st = db_.prepare(kSetImport);
  st.bind(1, event_id).bind(2, import_id);
  return st.run();
}

Result<std::optional<Id>> Store::event_import(Id event_id) {
  Statement st = db_.prepare(kEventImport);
  st.bind(1, event_id);
  KB_ASSIGN(const Step s, st.step());
  return s == Step::row ? st.column_optional_int(0) : std::optional<Id>();
}

Result<std::optional<Id>> Store::find_event(std::string_view title, const FuzzyDate& date) {
  Statement s = db_.prepare(kSameEvent);
  s.bind(1, title).bind(2, date.timex()).bind(3, to_string(date.modifier()));
  KB_ASSIGN(const Step step, s.step());
  return step == Step::row ? std::optional<Id>(s.column_int(0)) : std::nullopt;
}

Result<std::vector<Id>> Store::events_overlapping(Id except, date::sys_days first,
                                                  date::sys_days last, std::size_t limit) {
  Statement s = db_.prepare(kNearby);
  s.bind(1, except).bind(2, sqlite::to_day_number(first)).bind(3, sqlite::to_day_number(last));
  s.bind(4, static_cast<std::int64_t>(limit));
  return s.collect([](const Statement& row) { return row.column_int(0); });
}

Result<std::vector<DumpLink>> Store::links_of(Id event_id) {
  Statement s = db_.prepare(kLinksOf);
  s.bind(1, event_id);
  return s.collect([](const Statement& row) -> Result<DumpLink> {
    DumpLink l;
    l.id = row.column_int(0);
    l.from = row.column_int(1);
    KB_ASSIGN(l.relation, parse_relation(row.column_text(2)));
    l.to = row.column_int(3);
    l.citation_id = row.column_optional_int(4);
    l.created_at = row.column_text(5);
    return l;
  });
}

Result<std::vector<Id>> Store::merged_into(Id id) {
  Statement s = db_.prepare(kMergedInto);
  s.bind(1, id);
  return s.collect([](const Statement& row) { return row.column_int(0); });
}

}  // namespace kb::postgres
