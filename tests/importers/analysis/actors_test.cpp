// Tests importers/analysis/actors.cpp: the shipped actor dictionaries resolve a name to its CAMEO
// actor code on a day, names are normalised as the dictionaries index them.
#include "importers/analysis/actors.hpp"

#include <chrono>
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

namespace {

namespace fs = std::filesystem;
using kb::analysis::ActorDictionary;
using std::chrono::year_month_day;

fs::path data_dir() { return fs::path(KB_SOURCE_DIR) / "data" / "cameo"; }

const ActorDictionary& actors() {
  static const ActorDictionary d = [] {
    auto loaded = ActorDictionary::load(data_dir());
    REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().message));
    return std::move(*loaded);
  }();
  return d;
}

year_month_day day(int y, unsigned m, unsigned d) {
  return year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("ActorDictionary: officials resolve to country and role on a day") {
    const ActorDictionary& a = actors();
    CHECK(a.size() > 20000);

    auto lavrov = a.resolve("Lavrov", day(2015, 6, 1));
    REQUIRE(lavrov);
    CHECK(lavrov->role.code == "RUSGOVFRM");
    CHECK(lavrov->role.country == "RUS");
    CHECK(lavrov->role.iso2 == "RU");
    CHECK(lavrov->role.country_name == "Russia");
    CHECK(lavrov->role.has_role("GOV"));
    CHECK(lavrov->role.has_role("FRM"));
    CHECK(a.resolve("Sergei Lavrov", day(2015, 6, 1))->role.code == "RUSGOVFRM");
    CHECK(a.resolve("Sergey V. Lavrov", day(2015, 6, 1))->role.country == "RUS");

    auto peskov = a.resolve("Dmitry Peskov", day(2022, 3, 1));
    REQUIRE(peskov);
    CHECK(peskov->role.country_name == "Russia");
    CHECK(peskov->role.has_role("SPK"));
    CHECK(a.resolve("Peskov", day(2016, 1, 1))->role.code == "RUSGOVSPK");

    auto zelensky = a.resolve("Zelenskyy", day(2022, 3, 1));
    REQUIRE(zelensky);
    CHECK(zelensky->role.code == "UKRGOVPRS");
    CHECK(zelensky->role.country_name == "Ukraine");
    CHECK(zelensky->dated);
    CHECK_FALSE(a.resolve("Volodymyr Zelensky", day(2018, 1, 1)));

    // Ranges meet on the day of the handover; the successor is found the day after.
    CHECK(a.resolve("Shoigu", day(2020, 1, 1))->role.code == "RUSGOVDEF");
    CHECK(a.resolve("Belousov", day(2024, 6, 1))->role.code == "RUSGOVDEF");
    CHECK(a.resolve("Kuleba", day(2023, 1, 1))->role.code == "UKRGOVFRM");
    CHECK_FALSE(a.resolve("Kuleba", day(2025, 1, 1)));
    CHECK(a.resolve("Olaf Scholz", day(2022, 2, 27))->role.code == "DEUGOVHOG");
    CHECK(a.resolve("Olaf Scholz", day(2019, 1, 1))->role.code == "DEUGOV");
    CHECK(a.resolve("Stoltenberg", day(2022, 7, 1))->role.bloc == "IGO");
    CHECK(a.resolve("Joe Biden", day(2023, 1, 1))->role.code == "USAGOVPRS");

    // A Phoenix figure with a historical range: Yeltsin was an elite before 1991, then in
    // government until the end of 1999.
    auto yeltsin = a.resolve("Boris Yeltsin", day(1995, 1, 1));
    REQUIRE(yeltsin);
    CHECK(yeltsin->role.code == "RUSGOV");
    CHECK(yeltsin->record->source == kb::analysis::ActorSource::phoenix_countries);
    CHECK(a.resolve("President Yeltsin", day(1985, 1, 1))->role.code == "RUSELI");
    // A country name resolves to its default code.
    CHECK(a.resolve("Ukrainian", day(2022, 3, 1))->role.code == "UKR");
    CHECK_FALSE(a.resolve("Nobody Inparticular", day(2022, 3, 1)));
    CHECK(a.agent("Foreign Minister") == "~GOV");
    CHECK(a.agent("spokesmen") == "~MED");
  }
}
