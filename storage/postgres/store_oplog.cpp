// Store: the operation log (`kb log`, `kb undo`) and putting one event back exactly as it was,
// on PostgreSQL: storage/sqlite/store_oplog.cpp's statements in PostgreSQL's dialect ("user" is
// a reserved word there, OR IGNORE becomes ON CONFLICT DO NOTHING, IS NOT becomes IS DISTINCT
// FROM, a new operation's number comes back through RETURNING).

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "kb/text_key.hpp"
#include "storage/postgres/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::postgres {
namespace {

namespace rows = kb::sqlite::rows;

constexpr std::string_view kInsertOp =
    "INSERT INTO op (at, \"user\", command, undoes, import_id, undid_import) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING op_id";
// One a flushed operation holds already (OpRecorder::flush) keeps its before and history.
constexpr std::string_view kInsertOpEvent =
    "INSERT INTO op_event (op_id, event_id, event_uuid, before, after, history) "
    "VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (op_id, event_id) DO UPDATE SET after = excluded.after";
constexpr std::string_view kOps =
    "SELECT op_id, at, \"user\", command, undoes, undone_by, import_id, undid_import FROM op "
    "WHERE $1::bigint IS NULL OR op_id IN (SELECT op_id FROM op_event WHERE event_id = $1) "
    "ORDER BY op_id DESC LIMIT $2::bigint";
constexpr std::string_view kLastUndoable =
    "SELECT op_id, at, \"user\", command, undoes, undone_by, import_id, undid_import FROM op "
    "WHERE undoes IS NULL AND undone_by IS NULL AND NOT EXISTS (SELECT 1 FROM import_run r "
    "WHERE r.import_id = op.import_id AND r.undone_at IS NOT NULL) "
    "ORDER BY op_id DESC LIMIT 1";
constexpr std::string_view kOpEvents =
    "SELECT event_id, event_uuid, before, after, history FROM op_event WHERE op_id = $1 "
    "ORDER BY event_id";
constexpr std::string_view kInsertOpEntity =
    "INSERT INTO op_entity (op_id, entity_id, entity_uuid, before, after, import_id) "
    "VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (op_id, entity_id) DO UPDATE SET after = excluded.after";
constexpr std::string_view kOpEntities =
    "SELECT entity_id, entity_uuid, before, after, import_id FROM op_entity WHERE op_id = $1 "
    "ORDER BY entity_id";
constexpr std::string_view kInsertOpSource =
    "INSERT INTO op_source (op_id, source_id, source_uuid, before, after, import_id) "
    "VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (op_id, source_id) DO UPDATE SET after = excluded.after";
constexpr std::string_view kOpSources =
    "SELECT source_id, source_uuid, before, after, import_id FROM op_source WHERE op_id = $1 "
    "ORDER BY source_id";
constexpr std::string_view kInsertOpRecord =
    "INSERT INTO op_record (op_id, kind, record_id) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kOpRecords =
    "SELECT kind, record_id FROM op_record WHERE op_id = $1 ORDER BY kind, record_id";
constexpr std::string_view kSetUndone = "UPDATE op SET undone_by = $2 WHERE op_id = $1";
constexpr std::string_view kEventExists = "SELECT 1 FROM event WHERE event_id = $1";
constexpr std::string_view kPutUpdate =
    "UPDATE event SET title = $2, summary = $3, first_day = $4, last_day = $5, precision = $6, "
    "modifier = $7, timex = $8, date_text = $9, kind = $10, status = $11, confidence = $12, "
    "origin = $13, recorded_at = $14, updated_at = $15, uuid = coalesce($16, uuid), curated = $17, "
    "merged_into = (SELECT event_id FROM event WHERE event_id = $18), fatalities = $19, "
    "lineage = $20 WHERE event_id = $1";
constexpr std::string_view kPutInsert =
    "INSERT INTO event (event_id, title, summary, first_day, last_day, precision, modifier, "
    "timex, date_text, kind, status, confidence, origin, recorded_at, updated_at, uuid, curated, "
    "merged_into, fatalities, lineage) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
    "$12, $13, $14, $15, coalesce($16, gen_random_uuid()::text), $17, (SELECT event_id FROM event "
    "WHERE event_id = $18), $19, $20)";
constexpr std::string_view kClearRoles = "DELETE FROM event_entity WHERE event_id = $1";
constexpr std::string_view kPutRole =
    "INSERT INTO event_entity (event_id, entity_id, role) "
    "SELECT $1, entity_id, $3 FROM entity WHERE entity_id = $2 ON CONFLICT DO NOTHING";
constexpr std::string_view kClearTags = "DELETE FROM event_tag WHERE event_id = $1";
constexpr std::string_view kPutTag =
    "INSERT INTO event_tag (event_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING";
constexpr std::string_view kCitationIds = "SELECT citation_id FROM citation WHERE event_id = $1";
constexpr std::string_view kDropCitation = "DELETE FROM citation WHERE citation_id = $1";
constexpr std::string_view kPutCitation =
    "INSERT INTO citation (citation_id, event_id, source_id, quote, quote_begin, "
    "quote_end) SELECT $1, $2, source_id, $4, $5, $6 FROM source WHERE source_id = $3 "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kDropLink = "DELETE FROM link WHERE link_id = $1";
constexpr std::string_view kPutLink =
    "INSERT INTO link (link_id, from_event, relation, to_event, citation_id, "
    "created_at) SELECT $1, $2, $3, $4, (SELECT citation_id FROM citation WHERE citation_id = $5), "
    "$6 WHERE EXISTS (SELECT 1 FROM event WHERE event_id = $2) "
    "AND EXISTS (SELECT 1 FROM event WHERE event_id = $4) ON CONFLICT DO NOTHING";
constexpr std::string_view kEntityExists = "SELECT 1 FROM entity WHERE entity_id = $1";
constexpr std::string_view kPutEntityUpdate =
    "UPDATE entity SET name = $2, kind = $3, description = $4, wikidata = $5, "
    "country_id = (SELECT entity_id FROM entity WHERE entity_id = $6), uuid = coalesce($7, uuid), "
    "import_id = (SELECT import_id FROM import_run WHERE import_id = $8), latitude = $9, "
    "longitude = $10 WHERE entity_id = $1";
constexpr std::string_view kPutEntityInsert =
    "INSERT INTO entity (entity_id, name, kind, description, wikidata, country_id, uuid, "
    "import_id, latitude, longitude) VALUES ($1, $2, $3, $4, $5, (SELECT entity_id FROM entity "
    "WHERE entity_id = $6), coalesce($7, gen_random_uuid()::text), (SELECT import_id FROM "
    "import_run WHERE import_id = $8), $9, $10)";
constexpr std::string_view kSourceExists = "SELECT 1 FROM source WHERE source_id = $1";
constexpr std::string_view kPutSourceUpdate =
    "UPDATE source SET url = $2, title = $3, publisher = $4, original_publisher = $5, "
    "published = $6, published_day = $7, retrieved = $8, content_hash = $9, origin = $10, "
    "body = $11, import_id = (SELECT import_id FROM import_run WHERE import_id = $12), "
    "uuid = coalesce($13, uuid) "
    "WHERE source_id = $1";
constexpr std::string_view kPutSourceInsert =
    "INSERT INTO source (source_id, url, title, publisher, original_publisher, published, "
    "published_day, retrieved, content_hash, origin, body, import_id, uuid) VALUES ($1, $2, $3, "
    "$4, $5, $6, $7, $8, $9, $10, $11, (SELECT import_id FROM import_run WHERE import_id = $12), "
    "coalesce($13, gen_random_uuid()::text))";
constexpr std::string_view kReopenImport =
    "UPDATE import_run SET undone_at = NULL WHERE import_id = $1";
constexpr std::string_view kEntitiesOfImport =
    "SELECT entity_id FROM entity WHERE import_id = $1 ORDER BY entity_id";
constexpr std::string_view kClearAliases = "DELETE FROM entity_alias WHERE entity_id = $1";
constexpr std::string_view kPutAlias =
    "INSERT INTO entity_alias (alias_key, alias, entity_id) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING";
// A link put back before the citation it rests on (another event's) gets it on the next pass.
constexpr std::string_view kPutLinkCitation =
    "UPDATE link SET citation_id = (SELECT citation_id FROM citation WHERE citation_id = "
    "$2::bigint) "
    "WHERE link_id = $1 AND citation_id IS DISTINCT FROM $2::bigint";

Op read_op(const Statement& s) {
  Op op;
  op.id = s.column_int(0);
  op.at = s.column_text(1);
  op.user = s.column_text(2);
  op.command = s.column_text(3);
  op.undoes = s.column_optional_int(4);
  op.undone_by = s.column_optional_int(5);
  op.import_id = s.column_optional_int(6);
  op.undid_import = s.column_optional_int(7);
  return op;
}

Result<void> load_op_events(Db& db, Op& op) {
  Statement s = db.prepare(kOpEvents);
  s.bind(1, op.id);
  KB_ASSIGN(op.events, s.collect([](const Statement& row) {
    return OpEvent{row.column_int(0), row.column_text(1), row.column_optional_text(2),
                   row.column_optional_text(3), row.column_optional_text(4)};
  }));
  Statement n = db.prepare(kOpEntities);
  n.bind(1, op.id);
  KB_ASSIGN(op.entities, n.collect([](const Statement& row) {
    return OpEntity{row.column_int(0), row.column_text(1), row.column_optional_text(2),
                    row.column_optional_text(3), row.column_optional_int(4)};
  }));
  Statement src = db.prepare(kOpSources);
  src.bind(1, op.id);
  KB_ASSIGN(op.sources, src.collect([](const Statement& row) {
    return OpSource{row.column_int(0), row.column_text(1), row.column_optional_text(2),
                    row.column_optional_text(3), row.column_optional_int(4)};
  }));
  Statement r = db.prepare(kOpRecords);
  r.bind(1, op.id);
  KB_ASSIGN(op.created, r.collect([](const Statement& row) {
    const RecordKind kind =
        row.column_text(0) == "entity" ? RecordKind::entity : RecordKind::source;
    return std::pair<RecordKind, Id>(kind, row.column_int(1));
  }));
  return ok();
}

// The numbers `sql` selects for `id`.
Result<std::vector<Id>> numbers(Db& db, std::string_view sql, Id id) {
  Statement s = db.prepare(sql);
  s.bind(1, id);
  return s.collect([](const Statement& row) { return row.column_int(0); });
}

}  // namespace

Result<Id> Store::add_op(const Op& op) {
  Statement s = db_.prepare(kInsertOp);
  s.bind(1, op.at.empty() ? now_iso() : op.at).bind(2, op.user).bind(3, op.command);
  s.bind(4, op.undoes).bind(5, op.import_id).bind(6, op.undid_import);
  KB_TRY(s.step());
  const Id id = s.column_int(0);
  KB_TRY(extend_op(id, op));
  return id;
}

Result<void> Store::extend_op(Id id, const Op& op) {
  Statement e = db_.prepare(kInsertOpEvent);
  for (const OpEvent& oe : op.events) {
    e.reset();
    e.bind(1, id).bind(2, oe.event_id).bind(3, oe.event_uuid).bind(4, oe.before).bind(5, oe.after);
    e.bind(6, oe.history);
    KB_TRY(e.run());
  }
  Statement n = db_.prepare(kInsertOpEntity);
  for (const OpEntity& oe : op.entities) {
    n.reset();
    n.bind(1, id).bind(2, oe.entity_id).bind(3, oe.entity_uuid).bind(4, oe.before);
    n.bind(5, oe.after).bind(6, oe.import_id);
    KB_TRY(n.run());
  }
  Statement src = db_.prepare(kInsertOpSource);
  for (const OpSource& os : op.sources) {
    src.reset();
    src.bind(1, id).bind(2, os.source_id).bind(3, os.source_uuid).bind(4, os.before);
    src.bind(5, os.after).bind(6, os.import_id);
    KB_TRY(src.run());
  }
  Statement r = db_.prepare(kInsertOpRecord);
  for (const auto& [kind, record] : op.created) {
    if (kind == RecordKind::event) {
      continue;  // events are in op.events
    }
    r.reset();
    r.bind(1, id).bind(2, std::string_view(kind == RecordKind::entity ? "entity" : "source"));
    r.bind(3, record);
    KB_TRY(r.run());
  }
  return ok();
}

Result<std::vector<Op>> Store::ops(std::optional<Id> event_id, std::size_t limit) {
  Statement s = db_.prepare(kOps);
  s.bind(1, event_id);
  if (limit == 0) {
    s.bind_null(2);
  } else {
    s.bind(2, static_cast<std::int64_t>(limit));
  }
  KB_ASSIGN(std::vector<Op> out, s.collect(read_op));
  for (Op& op : out) {
    KB_TRY(load_op_events(db_, op));
  }
  return out;
}

Result<std::optional<Op>> Store::last_undoable_op() {
  Statement s = db_.prepare(kLastUndoable);
  KB_ASSIGN(Step step, s.step());
  if (step != Step::row) {
    return std::optional<Op>();
  }
  Op op = read_op(s);
  KB_TRY(load_op_events(db_, op));
  return std::optional<Op>(std::move(op));
}

Result<void> Store::set_op_undone(Id op_id, Id undo_id) {
  Statement s = db_.prepare(kSetUndone);
  s.bind(1, op_id).bind(2, undo_id);
  return s.run();
}

Result<void> Store::put_event(const Event& e, const std::vector<DumpLink>& links) {
  Statement exists = db_.prepare(kEventExists);
  exists.bind(1, e.id);
  KB_ASSIGN(const Step found, exists.step());
  Statement s = db_.prepare(found == Step::row ? kPutUpdate : kPutInsert);
  s.bind(1, e.id).bind(2, e.title).bind(3, e.summary);
  s.bind(4, sqlite::to_day_number(e.date.first())).bind(5, sqlite::to_day_number(e.date.last()));
  s.bind(6, to_string(e.date.precision())).bind(7, to_string(e.date.modifier()));
  s.bind(8, e.date.timex()).bind(9, e.date_text);
  s.bind(10, to_string(e.kind)).bind(11, to_string(e.status));
  s.bind(12, e.confidence).bind(13, to_string(e.origin)).bind(14, e.recorded_at);
  s.bind(15, e.updated_at).bind(16, rows::optional_uuid(e.uuid)).bind(17, e.curated ? 1 : 0);
  s.bind(18, e.merged_into).bind(19, e.fatalities).bind(20, rows::join_lineage(e.lineage));
  KB_TRY(s.run());
  const auto run_for = [&](std::string_view sql) -> Result<void> {
    Statement st = db_.prepare(sql);
    st.bind(1, e.id);
    return st.run();
  };
  KB_TRY(run_for(kClearRoles));
  Statement role = db_.prepare(kPutRole);
  for (const auto& p : e.participants) {
    role.reset();
    role.bind(1, e.id).bind(2, p.entity_id).bind(3, to_string(p.role));
    KB_TRY(role.run());
  }
  KB_TRY(run_for(kClearTags));
  Statement tag = db_.prepare(kPutTag);
  for (const auto& t : e.tags) {
    tag.reset();
    tag.bind(1, e.id).bind(2, t);
    KB_TRY(tag.run());
  }
  std::set<Id> keep;
  for (const auto& c : e.citations) {
    keep.insert(c.id);
  }
  Statement ids = db_.prepare(kCitationIds);
  ids.bind(1, e.id);
  KB_ASSIGN(const auto present,
            ids.collect([](const Statement& row) { return row.column_int(0); }));
  Statement drop = db_.prepare(kDropCitation);
  for (const Id id : present) {
    if (keep.count(id) == 0) {
      drop.reset();
      drop.bind(1, id);
      KB_TRY(drop.run());
    }
  }
  Statement cite = db_.prepare(kPutCitation);
  for (const auto& c : e.citations) {
    cite.reset();
    cite.bind(1, c.id).bind(2, e.id).bind(3, c.source_id).bind(4, c.quote);
    cite.bind(5, c.quote_begin).bind(6, c.quote_end);
    KB_TRY(cite.run());
  }
  std::set<Id> keep_links;
  for (const auto& l : links) {
    keep_links.insert(l.id);
  }
  KB_ASSIGN(const auto linked, links_of(e.id));
  Statement drop_link = db_.prepare(kDropLink);
  for (const auto& l : linked) {
    if (keep_links.count(l.id) == 0) {
      drop_link.reset();
      drop_link.bind(1, l.id);
      KB_TRY(drop_link.run());
    }
  }
  Statement link = db_.prepare(kPutLink);
  Statement cited = db_.prepare(kPutLinkCitation);
  for (const auto& l : links) {
    link.reset();
    link.bind(1, l.id).bind(2, l.from).bind(3, to_string(l.relation)).bind(4, l.to);
    link.bind(5, l.citation_id).bind(6, l.created_at);
    KB_TRY(link.run());
    cited.reset();
    cited.bind(1, l.id).bind(2, l.citation_id);
    KB_TRY(cited.run());
  }
  return ok();
}

Result<void> Store::put_entity(const Entity& e) {
  const std::string key = alias_key(e.name);
  if (key.empty()) {
    return fail(Errc::invalid_argument, "an entity needs a name");
  }
  Statement exists = db_.prepare(kEntityExists);
  exists.bind(1, e.id);
  KB_ASSIGN(const Step found, exists.step());
  Statement s = db_.prepare(found == Step::row ? kPutEntityUpdate : kPutEntityInsert);
  s.bind(1, e.id).bind(2, e.name).bind(3, to_string(e.kind)).bind(4, e.description);
  s.bind(5, e.wikidata).bind(6, e.country_id).bind(7, rows::optional_uuid(e.uuid));
  s.bind(8, e.import_id);
  const bool point = e.latitude && e.longitude;
  s.bind(9, point ? e.latitude : std::nullopt).bind(10, point ? e.longitude : std::nullopt);
  KB_TRY(s.run());
  Statement clear = db_.prepare(kClearAliases);
  clear.bind(1, e.id);
  KB_TRY(clear.run());
  Statement alias = db_.prepare(kPutAlias);
  alias.bind(1, key).bind(2, e.name).bind(3, e.id);
  KB_TRY(alias.run());
  for (const auto& a : e.aliases) {
    const std::string k = alias_key(a);
    if (k.empty()) {
      continue;
    }
    alias.reset();
    alias.bind(1, k).bind(2, a).bind(3, e.id);
    KB_TRY(alias.run());
  }
  return ok();
}

Result<void> Store::put_source(const Source& src) {
  Statement exists = db_.prepare(kSourceExists);
  exists.bind(1, src.id);
  KB_ASSIGN(const Step found, exists.step());
  Statement s = db_.prepare(found == Step::row ? kPutSourceUpdate : kPutSourceInsert);
  s.bind(1, src.id).bind(2, src.url).bind(3, src.title).bind(4, src.publisher);
  s.bind(5, src.original_publisher).bind(6, src.published);
  s.bind(7, rows::published_day(src.published)).bind(8, src.retrieved);
  s.bind(9, src.content_hash).bind(10, src.origin).bind(11, src.body).bind(12, src.import_id);
  s.bind(13, rows::optional_uuid(src.uuid));
  return s.run();
}

Result<void> Store::reopen_import(Id import_id) {
  Statement s = db_.prepare(kReopenImport);
  s.bind(1, import_id);
  return s.run();
}

Result<std::vector<Id>> Store::entities_of_import(Id import_id) {
  return numbers(db_, kEntitiesOfImport, import_id);
}

}  // namespace kb::postgres
