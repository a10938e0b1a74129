// open(): SQLite for a path, PostgreSQL for a connection URI.

#include "storage/open.hpp"

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

}  // namespace kb::storage
