// Tests storage/postgres/migrations.hpp: the embedded PostgreSQL schema files, in order.
#include "storage/postgres/migrations.hpp"

#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

TEST_SUITE("storage") {
  TEST_CASE("postgres migrations are numbered from 1 without gaps, named by their file") {
    const auto& all = kb::postgres::schema::migrations();
    REQUIRE_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) {
      const auto& m = all[i];
      CAPTURE(m.name);
      CHECK(m.version == static_cast<int>(i) + 1);
      CHECK(m.name.rfind(fmt::format("{:04}_", m.version), 0) == 0);
      CHECK(m.name.substr(m.name.size() - 4) == ".sql");
      CHECK(m.sql.find(';') != std::string_view::npos);
    }
    CHECK(all.front().name == "0001_init.sql");
  }
}
