// The PostgreSQL schema migrations embedded from schema/*.sql at build time (see
// storage/sqlite/schema/embed.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace kb::postgres::schema {

// One forward-only migration: applying it moves the database to `version`.
struct Migration {
  int version;
  std::string_view name;  // file name, e.g. "0001_init.sql"
  std::string_view sql;
};

// Every migration, in ascending version order.
const std::vector<Migration>& migrations();

}  // namespace kb::postgres::schema
