// Store: the whole knowledge base as id-carrying records — the links as stored, whether it is
// empty, and a verbatim restore (ids and timestamps kept) for the kb JSON round trip and for
// kb copy, which writes a part at a time and keeps a marker of how far it got.

#include <array>
#include <utility>

#include <fmt/format.h>

#include "kb/dump.hpp"
#include "kb/text_key.hpp"
#include "storage/sqlite/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::sqlite {
namespace {

constexpr std::string_view kLinks =
    "SELECT link_id, from_event, relation, to_event, citation_id, created_at FROM link "
    "ORDER BY link_id";
constexpr std::string_view kLinksBetween =
    "SELECT link_id, from_event, relation, to_event, citation_id, created_at FROM link "
    "WHERE link_id BETWEEN ?1 AND ?2 ORDER BY link_id";
constexpr std::string_view kCounts =
    "SELECT (SELECT count(*) FROM event) + (SELECT count(*) FROM entity) + "
    "(SELECT count(*) FROM source)";
// The keys each pass of kb copy reads (CopyPass order, kCopyKeys), above ?1, at most ?2.
constexpr std::string_view kEntityKeys =
    "SELECT entity_id FROM entity WHERE entity_id > ?1 ORDER BY entity_id LIMIT ?2";
constexpr std::string_view kCountryKeys =
    "SELECT entity_id FROM entity WHERE entity_id > ?1 AND country_id > entity_id "
    "ORDER BY entity_id LIMIT ?2";
constexpr std::string_view kSourceKeys =
    "SELECT source_id FROM source WHERE source_id > ?1 ORDER BY source_id LIMIT ?2";
constexpr std::string_view kEventKeys =
    "SELECT event_id FROM event WHERE event_id > ?1 ORDER BY event_id LIMIT ?2";
constexpr std::string_view kMergeKeys =
    "SELECT event_id FROM event WHERE event_id > ?1 AND merged_into > event_id "
    "ORDER BY event_id LIMIT ?2";
constexpr std::string_view kLinkKeys =
    "SELECT link_id FROM link WHERE link_id > ?1 ORDER BY link_id LIMIT ?2";
constexpr std::array<std::string_view, 6> kCopyKeys = {kEntityKeys, kCountryKeys, kSourceKeys,
                                                       kEventKeys,  kMergeKeys,   kLinkKeys};
constexpr std::string_view kCopyMarker =
    "SELECT source, fingerprint, pass, last_key FROM copy_marker";
constexpr std::string_view kSetCopyMarker =
    "INSERT OR REPLACE INTO copy_marker (one, source, fingerprint, pass, last_key) "
    "VALUES (1, ?1, ?2, ?3, ?4)";
constexpr std::string_view kClearCopyMarker = "DELETE FROM copy_marker";
constexpr std::string_view kRaiseLastId =
    "UPDATE id_sequence SET last_id = ?2 WHERE name = ?1 AND last_id < ?2";
constexpr std::string_view kInsertEntity =
    "INSERT INTO entity (entity_id, name, kind, description, wikidata, uuid, latitude, longitude) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr std::string_view kSetCountry = "UPDATE entity SET country_id = ?2 WHERE entity_id = ?1";
// A part of a copy sets the countries that are there already; the rest come later.
constexpr std::string_view kSetCountryThere =
    "UPDATE entity SET country_id = ?2 WHERE entity_id = ?1 "
    "AND EXISTS (SELECT 1 FROM entity WHERE entity_id = ?2)";
constexpr std::string_view kInsertAlias =
    "INSERT OR IGNORE INTO entity_alias (alias_key, alias, entity_id) VALUES (?1, ?2, ?3)";
constexpr std::string_view kInsertSource =
    "INSERT INTO source (source_id, url, title, publisher, original_publisher, published, "
    "published_day, retrieved, content_hash, origin, body, uuid) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr std::string_view kInsertEvent =
    "INSERT INTO event (event_id, title, summary, first_day, last_day, precision, modifier, "
    "timex, date_text, kind, status, confidence, origin, recorded_at, updated_at, uuid, curated, "
    "fatalities, lineage, revision) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    "?20)";
// Merges are restored once the events exist (merged_into refers to another event).
constexpr std::string_view kRestoreMerge = "UPDATE event SET merged_into = ?2 WHERE event_id = ?1";
constexpr std::string_view kRestoreMergeThere =
    "UPDATE event SET merged_into = ?2 WHERE event_id = ?1 "
    "AND EXISTS (SELECT 1 FROM event WHERE event_id = ?2)";
constexpr std::string_view kInsertRole =
    "INSERT OR IGNORE INTO event_entity (event_id, entity_id, role) VALUES (?1, ?2, ?3)";
constexpr std::string_view kInsertCitation =
    "INSERT INTO citation (citation_id, event_id, source_id, quote, quote_begin, quote_end) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr std::string_view kInsertTag =
    "INSERT OR IGNORE INTO event_tag (event_id, tag) VALUES (?1, ?2)";
constexpr std::string_view kInsertLink =
    "INSERT INTO link (link_id, from_event, relation, to_event, citation_id, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

std::string_view sequence_name(RecordKind kind) {
  return kind == RecordKind::event ? "event" : kind == RecordKind::entity ? "entity" : "source";
}

// `set_country`: kSetCountry (a restore: every country is there) or kSetCountryThere.
Result<void> restore_entities(Db& db, const std::vector<Entity>& entities,
                              std::string_view set_country) {
  KB_ASSIGN(Statement insert, db.prepare(kInsertEntity));
  KB_ASSIGN(Statement alias, db.prepare(kInsertAlias));
  for (const auto& n : entities) {
    insert.reset();
    insert.bind(1, n.id).bind(2, n.name).bind(3, to_string(n.kind)).bind(4, n.description);
    insert.bind(5, n.wikidata).bind(6, rows::optional_uuid(n.uuid));
    const bool point = n.latitude && n.longitude;
    insert.bind(7, point ? n.latitude : std::nullopt).bind(8, point ? n.longitude : std::nullopt);
    KB_TRY(insert.run());
    std::vector<std::string> names{n.name};
    names.insert(names.end(), n.aliases.begin(), n.aliases.end());
    for (const auto& a : names) {
      alias.reset();
      alias.bind(1, alias_key(a)).bind(2, a).bind(3, n.id);
      KB_TRY(alias.run());
    }
  }
  KB_ASSIGN(Statement country, db.prepare(set_country));
  for (const auto& n : entities) {
    if (n.country_id) {
      country.reset();
      country.bind(1, n.id).bind(2, *n.country_id);
      KB_TRY(country.run());
    }
  }
  return ok();
}

Result<void> restore_sources(Db& db, const std::vector<Source>& sources) {
  KB_ASSIGN(Statement s, db.prepare(kInsertSource));
  for (const auto& src : sources) {
    s.reset();
    s.bind(1, src.id).bind(2, src.url).bind(3, src.title).bind(4, src.publisher);
    s.bind(5, src.original_publisher)
        .bind(6, src.published)
        .bind(7, rows::published_day(src.published));
    s.bind(8, src.retrieved).bind(9, src.content_hash).bind(10, src.origin).bind(11, src.body);
    s.bind(12, rows::optional_uuid(src.uuid));
    KB_TRY(s.run());
  }
  return ok();
}

Result<void> restore_event(Db& db, const Event& e) {
  KB_ASSIGN(Statement s, db.prepare(kInsertEvent));
  s.bind(1, e.id).bind(2, e.title).bind(3, e.summary);
  s.bind(4, to_day_number(e.date.first())).bind(5, to_day_number(e.date.last()));
  s.bind(6, to_string(e.date.precision())).bind(7, to_string(e.date.modifier()));
  s.bind(8, e.date.timex()).bind(9, e.date_text);
  s.bind(10, to_string(e.kind)).bind(11, to_string(e.status));
  s.bind(12, e.confidence).bind(13, to_string(e.origin)).bind(14, e.recorded_at);
  s.bind(15, e.updated_at).bind(16, rows::optional_uuid(e.uuid)).bind(17, e.curated ? 1 : 0);
  s.bind(18, e.fatalities).bind(19, rows::join_lineage(e.lineage));
  s.bind(20, e.revision > 0 ? e.revision : std::int64_t{1});
  KB_TRY(s.run());
  KB_ASSIGN(Statement role, db.prepare(kInsertRole));
  for (const auto& p : e.participants) {
    role.reset();
    role.bind(1, e.id).bind(2, p.entity_id).bind(3, to_string(p.role));
    KB_TRY(role.run());
  }
  KB_ASSIGN(Statement cite, db.prepare(kInsertCitation));
  for (const auto& c : e.citations) {
    cite.reset();
    cite.bind(1, c.id).bind(2, e.id).bind(3, c.source_id).bind(4, c.quote);
    cite.bind(5, c.quote_begin).bind(6, c.quote_end);
    KB_TRY(cite.run());
  }
  KB_ASSIGN(Statement tag, db.prepare(kInsertTag));
  for (const auto& t : e.tags) {
    tag.reset();
    tag.bind(1, e.id).bind(2, t);
    KB_TRY(tag.run());
  }
  return ok();
}

}  // namespace

Result<std::vector<DumpLink>> Store::links() {
  KB_ASSIGN(Statement s, db_.prepare(kLinks));
  return s.collect(rows::read_link);
}

Result<std::vector<DumpLink>> Store::links_between(Id first, Id last) {
  KB_ASSIGN(Statement s, db_.prepare(kLinksBetween));
  s.bind(1, first).bind(2, last);
  return s.collect(rows::read_link);
}

Result<bool> Store::is_empty() {
  KB_ASSIGN(Statement s, db_.prepare(kCounts));
  KB_TRY(s.step());
  return s.column_int(0) == 0;
}

Result<std::vector<Id>> Store::copy_keys(CopyPass pass, Id after, std::size_t limit) {
  KB_ASSIGN(Statement s, db_.prepare(kCopyKeys.at(static_cast<std::size_t>(pass))));
  s.bind(1, after).bind(2, static_cast<std::int64_t>(limit));
  return s.collect([](const Statement& row) { return Id{row.column_int(0)}; });
}

Result<std::optional<CopyMarker>> Store::copy_marker() {
  KB_ASSIGN(Statement s, db_.prepare(kCopyMarker));
  KB_ASSIGN(const Step step, s.step());
  if (step != Step::row) {
    return std::optional<CopyMarker>();
  }
  const auto pass = parse_copy_pass(s.column_text(2));
  if (!pass) {
    return fail(Errc::storage, fmt::format("copy_marker: unknown pass '{}'", s.column_text(2)));
  }
  return std::optional<CopyMarker>(
      CopyMarker{s.column_text(0), s.column_text(1), *pass, s.column_int(3)});
}

Result<void> Store::set_copy_marker(const std::optional<CopyMarker>& marker) {
  if (!marker) {
    KB_ASSIGN(Statement s, db_.prepare(kClearCopyMarker));
    return s.run();
  }
  KB_ASSIGN(Statement s, db_.prepare(kSetCopyMarker));
  s.bind(1, marker->source).bind(2, marker->fingerprint).bind(3, to_string(marker->pass));
  s.bind(4, marker->after);
  return s.run();
}

Result<void> Store::raise_last_id(RecordKind kind, Id id) {
  KB_ASSIGN(Statement s, db_.prepare(kRaiseLastId));
  s.bind(1, sequence_name(kind)).bind(2, id);
  return s.run();
}

Result<void> Store::restore(const KbDump& dump) {
  KB_ASSIGN(bool empty, is_empty());
  if (!empty) {
    return fail(Errc::conflict,
                "restoring a kb JSON export verbatim needs an empty knowledge base");
  }
  return write_part(dump, true);
}

Result<void> Store::restore_part(const KbDump& part) { return write_part(part, false); }

Result<void> Store::write_part(const KbDump& part, bool whole) {
  Db& db = db_;
  KB_TRY(restore_entities(db, part.entities, whole ? kSetCountry : kSetCountryThere));
  KB_TRY(restore_sources(db, part.sources));
  for (const auto& e : part.events) {
    auto r = restore_event(db, e);
    if (!r) {
      return fail(Errc::invalid_argument,
                  fmt::format("event {} cannot be restored: {}", e.id, r.error().message));
    }
  }
  KB_ASSIGN(Statement merge, db.prepare(whole ? kRestoreMerge : kRestoreMergeThere));
  for (const auto& e : part.events) {
    if (e.merged_into) {
      merge.reset();
      merge.bind(1, e.id).bind(2, *e.merged_into);
      KB_TRY(merge.run());
    }
  }
  KB_ASSIGN(Statement link, db.prepare(kInsertLink));
  for (const auto& l : part.links) {
    link.reset();
    link.bind(1, l.id).bind(2, l.from).bind(3, to_string(l.relation)).bind(4, l.to);
    link.bind(5, l.citation_id).bind(6, l.created_at);
    auto r = link.run();
    if (!r) {
      return fail(Errc::invalid_argument,
                  fmt::format("link {} cannot be restored: {}", l.id, r.error().message));
    }
  }
  return ok();
}

Result<void> Store::restore_refs(const KbDump& part) {
  KB_ASSIGN(Statement country, db_.prepare(kSetCountry));
  for (const auto& n : part.entities) {
    if (n.country_id) {
      country.reset();
      country.bind(1, n.id).bind(2, *n.country_id);
      KB_TRY(country.run());
    }
  }
  KB_ASSIGN(Statement merge, db_.prepare(kRestoreMerge));
  for (const auto& e : part.events) {
    if (e.merged_into) {
      merge.reset();
      merge.bind(1, e.id).bind(2, *e.merged_into);
      KB_TRY(merge.run());
    }
  }
  return ok();
}

}  // namespace kb::sqlite
