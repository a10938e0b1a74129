// Store: the whole knowledge base as id-carrying records — the links as stored, whether it is
// empty, and a verbatim restore (ids and timestamps kept) for the kb JSON round trip. On
// PostgreSQL: storage/sqlite/store_dump.cpp's restore in PostgreSQL's dialect (links() and
// is_empty() are in store_records.cpp).

#include <fmt/format.h>

#include "kb/dump.hpp"
#include "kb/text_key.hpp"
#include "storage/postgres/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::postgres {
namespace {

namespace rows = kb::sqlite::rows;

constexpr std::string_view kInsertEntity =
    "INSERT INTO entity (entity_id, name, kind, description, wikidata, uuid, latitude, longitude) "
    "VALUES ($1, $2, $3, $4, $5, coalesce($6, gen_random_uuid()::text), $7, $8)";
constexpr std::string_view kSetCountry = "UPDATE entity SET country_id = $2 WHERE entity_id = $1";
constexpr std::string_view kInsertAlias =
    "INSERT INTO entity_alias (alias_key, alias, entity_id) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kInsertSource =
    "INSERT INTO source (source_id, url, title, publisher, original_publisher, published, "
    "published_day, retrieved, content_hash, origin, body, uuid) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12, gen_random_uuid()::text))";
constexpr std::string_view kInsertEvent =
    "INSERT INTO event (event_id, title, summary, first_day, last_day, precision, modifier, "
    "timex, date_text, kind, status, confidence, origin, recorded_at, updated_at, uuid, curated, "
    "fatalities, lineage) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "coalesce($16, gen_random_uuid()::text), $17, $18, $19)";
// Merges are restored once every event exists (merged_into refers to another event).
constexpr std::string_view kRestoreMerge = "UPDATE event SET merged_into = $2 WHERE event_id = $1";
constexpr std::string_view kInsertRole =
    "INSERT INTO event_entity (event_id, entity_id, role) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kInsertCitation =
    "INSERT INTO citation (citation_id, event_id, source_id, quote, quote_begin, quote_end) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kInsertTag =
    "INSERT INTO event_tag (event_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING";
constexpr std::string_view kInsertLink =
    "INSERT INTO link (link_id, from_event, relation, to_event, citation_id, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";

Result<void> restore_entities(Db& db, const std::vector<Entity>& entities) {
  Statement insert = db.prepare(kInsertEntity);
  Statement alias = db.prepare(kInsertAlias);
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
  Statement country = db.prepare(kSetCountry);
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
  Statement s = db.prepare(kInsertSource);
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
  Statement s = db.prepare(kInsertEvent);
  s.bind(1, e.id).bind(2, e.title).bind(3, e.summary);
  s.bind(4, sqlite::to_day_number(e.date.first())).bind(5, sqlite::to_day_number(e.date.last()));
  s.bind(6, to_string(e.date.precision())).bind(7, to_string(e.date.modifier()));
  s.bind(8, e.date.timex()).bind(9, e.date_text);
  s.bind(10, to_string(e.kind)).bind(11, to_string(e.status));
  s.bind(12, e.confidence).bind(13, to_string(e.origin)).bind(14, e.recorded_at);
  s.bind(15, e.updated_at).bind(16, rows::optional_uuid(e.uuid)).bind(17, e.curated ? 1 : 0);
  s.bind(18, e.fatalities).bind(19, rows::join_lineage(e.lineage));
  KB_TRY(s.run());
  Statement role = db.prepare(kInsertRole);
  for (const auto& p : e.participants) {
    role.reset();
    role.bind(1, e.id).bind(2, p.entity_id).bind(3, to_string(p.role));
    KB_TRY(role.run());
  }
  Statement cite = db.prepare(kInsertCitation);
  for (const auto& c : e.citations) {
    cite.reset();
    cite.bind(1, c.id).bind(2, e.id).bind(3, c.source_id).bind(4, c.quote);
    cite.bind(5, c.quote_begin).bind(6, c.quote_end);
    KB_TRY(cite.run());
  }
  Statement tag = db.prepare(kInsertTag);
  for (const auto& t : e.tags) {
    tag.reset();
    tag.bind(1, e.id).bind(2, t);
    KB_TRY(tag.run());
  }
  return ok();
}

}  // namespace

Result<void> Store::restore(const KbDump& dump) {
  KB_ASSIGN(bool empty, is_empty());
  if (!empty) {
    return fail(Errc::conflict,
                "restoring a kb JSON export verbatim needs an empty knowledge base");
  }
  Db& db = db_;
  KB_TRY(restore_entities(db, dump.entities));
  KB_TRY(restore_sources(db, dump.sources));
  for (const auto& e : dump.events) {
    auto r = restore_event(db, e);
    if (!r) {
      return fail(Errc::invalid_argument,
                  fmt::format("event {} cannot be restored: {}", e.id, r.error().message));
    }
  }
  Statement merge = db.prepare(kRestoreMerge);
  for (const auto& e : dump.events) {
    if (e.merged_into) {
      merge.reset();
      merge.bind(1, e.id).bind(2, *e.merged_into);
      KB_TRY(merge.run());
    }
  }
  Statement link = db.prepare(kInsertLink);
  for (const auto& l : dump.links) {
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

}  // namespace kb::postgres
