// Store: the import log, and undoing an import, on PostgreSQL (storage/sqlite/store_imports.cpp
// in PostgreSQL's dialect: a run's number is one past the highest, as SQLite's rowid).

#include <fmt/format.h>

#include "storage/postgres/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::postgres {
namespace {

namespace rows = kb::sqlite::rows;

// rows::kOnlyImportSupports with PostgreSQL's $1 for SQLite's ?1.
std::string only_import_supports() {
  std::string sql(rows::kOnlyImportSupports);
  for (auto at = sql.find("?1"); at != std::string::npos; at = sql.find("?1", at)) {
    sql.replace(at, 2, "$1");
  }
  return sql;
}

constexpr std::string_view kBeginImport =
    "INSERT INTO import_run (import_id, started_at, inputs) VALUES ((SELECT coalesce(max("
    "import_id), 0) + 1 FROM import_run), $1, $2) RETURNING import_id";
constexpr std::string_view kFinishImport =
    "UPDATE import_run SET finished_at = $2, articles = $3, added = $4, unchanged = $5, "
    "failed = $6, events = $7 WHERE import_id = $1";
constexpr std::string_view kAddWarning =
    "INSERT INTO import_warning (import_id, origin, message) VALUES ($1, $2, $3)";
constexpr std::string_view kImports =
    "SELECT r.import_id, r.started_at, r.finished_at, r.inputs, r.articles, r.added, r.unchanged, "
    "r.failed, r.events, (SELECT count(*) FROM import_warning w WHERE w.import_id = r.import_id), "
    "r.undone_at FROM import_run r ORDER BY r.import_id DESC";
constexpr std::string_view kImportSources =
    "SELECT source_id FROM source WHERE import_id = $1 ORDER BY source_id";
constexpr std::string_view kImportWarnings =
    "SELECT origin, message FROM import_warning WHERE import_id = $1 ORDER BY warning_id";
constexpr std::string_view kImportExists = "SELECT 1 FROM import_run WHERE import_id = $1";
constexpr std::string_view kUndoneAt = "SELECT undone_at FROM import_run WHERE import_id = $1";
// The events only this import supports (rows::kOnlyImportSupports). Built on first use, so that
// no exception can escape a static initializer (cert-err58).
const std::string& orphaned_events() {
  static const std::string sql = fmt::format("DELETE FROM event WHERE {}", only_import_supports());
  return sql;
}
constexpr std::string_view kCountCitations =
    "SELECT count(*) FROM citation c JOIN source s ON s.source_id = c.source_id "
    "WHERE s.import_id = $1";
constexpr std::string_view kDeleteSources = "DELETE FROM source WHERE import_id = $1";
// The entities the import's extraction created that no event, and no place, uses any more.
constexpr std::string_view kDeleteEntities =
    "DELETE FROM entity WHERE import_id = $1 "
    "AND NOT EXISTS (SELECT 1 FROM event_entity r WHERE r.entity_id = entity.entity_id) "
    "AND NOT EXISTS (SELECT 1 FROM entity p WHERE p.country_id = entity.entity_id)";
constexpr std::string_view kMarkUndone =
    "UPDATE import_run SET undone_at = $2 WHERE import_id = $1";

}  // namespace

Result<Id> Store::begin_import(const std::vector<std::string>& inputs) {
  Statement s = db_.prepare(kBeginImport);
  s.bind(1, now_iso()).bind(2, fmt::format("{}", fmt::join(inputs, "\n")));
  KB_TRY(s.step());
  return s.column_int(0);
}

Result<void> Store::finish_import(const ImportRun& r) {
  Statement s = db_.prepare(kFinishImport);
  s.bind(1, r.id).bind(2, now_iso()).bind(3, r.articles).bind(4, r.added).bind(5, r.unchanged);
  s.bind(6, r.failed).bind(7, r.events);
  return s.run();
}

Result<void> Store::add_import_warning(Id import_id, std::string_view origin,
                                       std::string_view message) {
  Statement s = db_.prepare(kAddWarning);
  s.bind(1, import_id).bind(2, origin).bind(3, message);
  return s.run();
}

Result<std::vector<std::string>> Store::import_warnings(Id import_id) {
  Statement exists = db_.prepare(kImportExists);
  exists.bind(1, import_id);
  KB_ASSIGN(const Step found, exists.step());
  if (found != Step::row) {
    return fail(Errc::not_found, fmt::format("no import with id {}", import_id));
  }
  Statement s = db_.prepare(kImportWarnings);
  s.bind(1, import_id);
  return s.collect([](const Statement& row) {
    const std::string origin = row.column_text(0);
    const std::string message = row.column_text(1);
    // Warnings already name their file ("f.jsonl:3: ..."); others get it here.
    return message.starts_with(origin) ? message : fmt::format("{}: {}", origin, message);
  });
}

Result<std::vector<Id>> Store::import_sources(Id import_id) {
  Statement s = db_.prepare(kImportSources);
  s.bind(1, import_id);
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

Result<std::vector<ImportRun>> Store::imports() {
  Statement s = db_.prepare(kImports);
  std::vector<ImportRun> out;
  while (true) {
    KB_ASSIGN(Step step, s.step());
    if (step == Step::done) {
      break;
    }
    ImportRun r;
    r.id = s.column_int(0);
    r.started_at = s.column_text(1);
    r.finished_at = s.column_optional_text(2);
    r.inputs = s.column_text(3);
    r.articles = s.column_int(4);
    r.added = s.column_int(5);
    r.unchanged = s.column_int(6);
    r.failed = s.column_int(7);
    r.events = s.column_int(8);
    r.warnings = s.column_int(9);
    r.undone_at = s.column_optional_text(10);
    out.push_back(std::move(r));
  }
  return out;
}

Result<UndoCounts> Store::undo_import(Id import_id) {
  Statement check = db_.prepare(kUndoneAt);
  check.bind(1, import_id);
  KB_ASSIGN(Step found, check.step());
  if (found != Step::row) {
    return fail(Errc::not_found, fmt::format("no import with id {}", import_id));
  }
  if (!check.column_is_null(0)) {
    return fail(Errc::conflict,
                fmt::format("import {} was already undone on {}", import_id, check.column_text(0)));
  }
  UndoCounts counts;
  Statement cites = db_.prepare(kCountCitations);
  cites.bind(1, import_id);
  KB_TRY(cites.step());
  counts.citations = cites.column_int(0);
  Statement events = db_.prepare(orphaned_events());
  events.bind(1, import_id);
  KB_TRY(events.run());
  counts.events = db_.changes();
  Statement sources = db_.prepare(kDeleteSources);
  sources.bind(1, import_id);
  KB_TRY(sources.run());
  counts.sources = db_.changes();
  Statement entities = db_.prepare(kDeleteEntities);
  for (bool more = true; more;) {  // places first, then the countries only they lay in
    entities.reset();
    entities.bind(1, import_id);
    KB_TRY(entities.run());
    counts.entities += db_.changes();
    more = db_.changes() > 0;
  }
  Statement mark = db_.prepare(kMarkUndone);
  mark.bind(1, import_id).bind(2, now_iso());
  KB_TRY(mark.run());
  return counts;
}

}  // namespace kb::postgres
