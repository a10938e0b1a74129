// open(): SQLite for a path, PostgreSQL for a connection URI.

#include "storage/open.hpp"

#include "storage/postgres/access.hpp"
#include "storage/postgres/migrate.hpp"
#include "storage/postgres/pg.hpp"
#include "storage/postgres/store.hpp"
#include "storage/sqlite/store.hpp"

namespace kb::storage {

Engine engine_of(std::string_view location) {
  return postgres::is_uri(location) ? Engine::postgres : Engine::sqlite;
}

std::string shown(std::string_view location) {
  return engine_of(location) == Engine::postgres ? postgres::redact(location)
                                                 : std::string(location);
}

Result<std::unique_ptr<Repository>> open(const std::string& location, OpenMode mode) {
  if (engine_of(location) == Engine::postgres) {
    KB_ASSIGN(postgres::Store store, postgres::Store::open(location));
    return std::unique_ptr<Repository>(std::make_unique<postgres::Store>(std::move(store)));
  }
  KB_ASSIGN(sqlite::Store store,
            sqlite::Store::open(location, mode == OpenMode::create ? sqlite::OpenMode::create
                                                                   : sqlite::OpenMode::read_write));
  return std::unique_ptr<Repository>(std::make_unique<sqlite::Store>(std::move(store)));
}

namespace {

// The PostgreSQL connection `kb admin` works on, its schema up to date.
Result<postgres::Db> admin_connection(const std::string& location) {
  if (engine_of(location) != Engine::postgres) {
    return fail(Errc::invalid_argument,
                "kb admin works on a PostgreSQL knowledge base (--db postgresql://…); a SQLite "
                "file's access is its file permissions");
  }
  KB_ASSIGN(postgres::Db db, postgres::Db::open(location));
  KB_TRY(postgres::migrate(db));
  return db;
}

}  // namespace

Result<void> init_access(const std::string& location) {
  KB_ASSIGN(postgres::Db db, admin_connection(location));
  return postgres::init_access(db);
}

Result<void> grant_access(const std::string& location, std::string_view user,
                          std::string_view access) {
  KB_ASSIGN(const postgres::Access role, postgres::parse_access(access));
  KB_ASSIGN(postgres::Db db, admin_connection(location));
  return postgres::grant_access(db, user, role);
}

}  // namespace kb::storage
