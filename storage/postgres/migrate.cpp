// migrate(): applies schema/*.sql above kb_schema_version.version.

#include "storage/postgres/migrate.hpp"

#include <fmt/format.h>

#include "storage/postgres/migrations.hpp"

namespace kb::postgres {
namespace {

// Whether the version table exists, and the number of tables in the schema kb uses.
constexpr std::string_view kHasVersionAndTables =
    "SELECT to_regclass('kb_schema_version') IS NOT NULL, "
    "(SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema())";
constexpr std::string_view kVersion = "SELECT max(version) FROM kb_schema_version";
constexpr std::string_view kCreateVersion =
    "CREATE TABLE kb_schema_version (version integer NOT NULL); "
    "INSERT INTO kb_schema_version (version) VALUES (0)";
constexpr std::string_view kSetVersion = "UPDATE kb_schema_version SET version = $1";
// Taken by every migrating kb process ("kb" + 1), so that they take turns.
constexpr std::string_view kMigrationLock = "SELECT pg_advisory_xact_lock(27491)";

// The schema version of `db` once it is known to be one this kb may migrate: not newer, and
// either a kb database or one with no tables at all. 0 for a new one. Reads only.
Result<int> migratable_version(Db& db) {
  Statement s = db.prepare(kHasVersionAndTables);
  KB_ASSIGN(const Step step, s.step());
  if (step != Step::row) {
    return fail(Errc::storage, fmt::format("cannot read the schema version of {}", db.label()));
  }
  if (s.column_int(0) == 0) {
    if (s.column_int(1) > 0) {
      return fail(Errc::storage, fmt::format("{} is not a kb database", db.label()));
    }
    return 0;
  }
  Statement v = db.prepare(kVersion);
  KB_TRY(v.step());
  const auto current = static_cast<int>(v.column_int(0));
  if (current > schema_version()) {
    return fail(Errc::conflict,
                fmt::format("{} has schema version {}, newer than this kb ({}); upgrade kb",
                            db.label(), current, schema_version()));
  }
  return current;
}

}  // namespace

int schema_version() {
  const auto& list = schema::migrations();
  return list.empty() ? 0 : list.back().version;
}

Result<void> migrate(Db& db) {
  // The usual case, a kb database at this kb's version, costs one small statement. The full
  // check reads pg_tables, which a new server process plans and runs from cold catalog caches
  // (tens of milliseconds on a loaded machine: docs/scale.md), so it runs only when this one
  // fails (no version table) or finds another version.
  {
    Statement v = db.prepare(kVersion);
    const auto step = v.step();
    if (step && *step == Step::row && v.column_int(0) == schema_version()) {
      return ok();
    }
  }
  KB_ASSIGN(const int seen, migratable_version(db));
  if (seen == schema_version()) {
    return ok();
  }
  KB_ASSIGN(Transaction tx, db.transaction(false));
  KB_TRY(db.exec(kMigrationLock));
  KB_ASSIGN(const int current, migratable_version(db));
  if (current == 0) {
    Statement exists = db.prepare(kHasVersionAndTables);
    KB_TRY(exists.step());
    if (exists.column_int(0) == 0) {
      KB_TRY(db.exec(kCreateVersion));
    }
  }
  for (const auto& m : schema::migrations()) {
    if (m.version <= current) {
      continue;
    }
    auto applied = db.exec(m.sql);
    if (!applied) {
      return fail(Errc::storage, fmt::format("migration {} failed on {}: {}", m.name, db.label(),
                                             applied.error().message));
    }
    Statement set = db.prepare(kSetVersion);
    set.bind(1, m.version);
    KB_TRY(set.run());
  }
  return tx.commit();
}

}  // namespace kb::postgres
