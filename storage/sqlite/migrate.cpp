// migrate(): applies schema/*.sql above PRAGMA user_version.

#include "storage/sqlite/migrate.hpp"

#include <fmt/format.h>

#include "storage/sqlite/migrations.hpp"

namespace kb::sqlite {
namespace {

// The schema version and the number of schema objects, read in one statement so that both come
// from the same snapshot even while another process is migrating the file. Any object at all (a
// table, view, index or trigger) in a file without a version makes it someone else's.
constexpr std::string_view kVersionAndObjects =
    "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)";

// The schema version of `db` once it is known to be one this kb may migrate: not newer, and
// either a kb database (version > 0) or an empty one. Reads only.
Result<int> migratable_version(Db& db) {
  KB_ASSIGN(Statement s, db.prepare(kVersionAndObjects));
  KB_ASSIGN(const Step step, s.step());
  if (step != Step::row) {
    return fail(Errc::storage, fmt::format("cannot read the schema version of '{}'", db.path()));
  }
  const auto current = static_cast<int>(s.column_int(0));
  if (current > schema_version()) {
    return fail(Errc::conflict,
                fmt::format("'{}' has schema version {}, newer than this kb ({}); upgrade kb",
                            db.path(), current, schema_version()));
  }
  if (current == 0 && s.column_int(1) > 0) {
    return fail(Errc::storage, fmt::format("'{}' is not a kb database", db.path()));
  }
  return current;
}

}  // namespace

int schema_version() {
  const auto& list = schema::migrations();
  return list.empty() ? 0 : list.back().version;
}

Result<void> migrate(Db& db) {
  // A first look outside any transaction: an up-to-date database needs no write lock (so
  // readers work on read-only files), and a foreign one is refused before anything is written.
  KB_ASSIGN(const int seen, migratable_version(db));
  if (seen == schema_version()) {
    return ok();
  }
  KB_TRY(db.use_wal());
  // Another kb process may be migrating the same file right now. The write lock is taken
  // first and the version read again under it, so each migration runs exactly once: whoever
  // comes second finds the work done.
  KB_ASSIGN(Transaction tx, db.transaction(true));
  KB_ASSIGN(const int current, migratable_version(db));
  for (const auto& m : schema::migrations()) {
    if (m.version <= current) {
      continue;
    }
    auto applied = db.exec(m.sql);
    if (!applied) {
      return fail(Errc::storage,
                  fmt::format("migration {} failed: {}", m.name, applied.error().message));
    }
    KB_TRY(db.exec(fmt::format("PRAGMA user_version = {}", m.version)));
  }
  return tx.commit();
}

}  // namespace kb::sqlite
