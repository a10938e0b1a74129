// Test helper for the PostgreSQL engine: the server named by $KB_TEST_PG (a connection URI, as
// scripts/pg_test_cluster.sh prints it) and a fresh database on it for each test case, dropped
// at the end. Without the variable, or when the server cannot be reached, a case says so
// (doctest MESSAGE) and passes: PostgreSQL tests need a server, the rest of the suite does not.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "storage/postgres/pg.hpp"

namespace kb::test {

// `uri` with its database name replaced by `name` (the path after the host part).
inline std::string with_database(std::string_view uri, std::string_view name) {
  const auto scheme = uri.find("://");
  const auto path = uri.find('/', scheme + 3);
  const auto query = uri.find('?', scheme + 3);
  std::string out(uri.substr(0, std::min(path, query)));
  out += '/';
  out += name;
  if (query != std::string_view::npos) {
    out += uri.substr(query);
  }
  return out;
}

// A database of its own on the test server, created empty and dropped on destruction.
class PgDatabase {
 public:
  PgDatabase() {
    const char* server = std::getenv("KB_TEST_PG");
    if (server == nullptr || *server == '\0') {
      why_not_ = "KB_TEST_PG is not set";
      return;
    }
    auto admin = postgres::Db::open(server);
    if (!admin) {
      why_not_ = "cannot reach KB_TEST_PG: " + admin.error().message;
      return;
    }
    std::random_device rd;
    name_ = fmt::format("kb_test_{:08x}{:08x}", rd(), rd());
    auto created = admin->exec(fmt::format("CREATE DATABASE {}", name_));
    REQUIRE_MESSAGE(created.has_value(), (created ? "" : created.error().message));
    server_ = server;
    uri_ = with_database(server_, name_);
  }
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;
  ~PgDatabase() {
    if (uri_.empty()) {
      return;
    }
    if (auto admin = postgres::Db::open(server_)) {
      (void)admin->exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
    }
  }

  // Whether a server is there; when not, says why in the test's output.
  bool available() const {
    if (uri_.empty()) {
      MESSAGE("PostgreSQL case skipped: " << why_not_);
    }
    return !uri_.empty();
  }
  // The connection URI of the test's own database.
  const std::string& uri() const { return uri_; }

 private:
  std::string server_, name_, uri_, why_not_;
};

}  // namespace kb::test
