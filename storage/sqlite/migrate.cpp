// migrate(): applies schema/*.sql above PRAGMA user_version.

#include "storage/sqlite/migrate.hpp"

#include <fmt/format.h>

#include "storage/sqlite/migrations.hpp"

namespace kb::sqlite {
namespace {

constexpr std::string_view kCountTables =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";

}  // namespace

int schema_version() {
  const auto& list = schema::migrations();
  return list.empty() ? 0 : list.back().version;
}

Result<void> migrate(Db& db) {
  KB_ASSIGN(const int current, db.user_version());
  if (current > schema_version()) {
    return fail(Errc::conflict,
                fmt::format("'{}' has schema version {}, newer than this kb ({}); upgrade kb",
                            db.path(), current, schema_version()));
  }
  if (current == 0) {
    KB_ASSIGN(Statement count, db.prepare(kCountTables));
    KB_TRY(count.step());
    if (count.column_int(0) > 0) {
      return fail(Errc::storage, fmt::format("'{}' is not a kb database", db.path()));
    }
  }
  for (const auto& m : schema::migrations()) {
    if (m.version <= current) {
      continue;
    }
    KB_ASSIGN(Transaction tx, db.transaction());
    auto applied = db.exec(m.sql);
    if (!applied) {
      return fail(Errc::storage,
                  fmt::format("migration {} failed: {}", m.name, applied.error().message));
    }
    KB_TRY(db.exec(fmt::format("PRAGMA user_version = {}", m.version)));
    KB_TRY(tx.commit());
  }
  return ok();
}

}  // namespace kb::sqlite
