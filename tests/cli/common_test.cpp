// Tests cli/common.cpp: the helpers the commands share (formats, counts, numbers, output files).
#include "cli/common.hpp"

#include <array>
#include <filesystem>
#include <string>
#include <sys/stat.h>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace kb {

TEST_SUITE("cli") {
  TEST_CASE("parse_format, listed, all_digits and count_of") {
    CHECK(cli::parse_format("markdown").value() == render::Format::md);
    CHECK(cli::parse_format("csv").value() == render::Format::csv);
    auto bad = cli::parse_format("xml");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == Errc::invalid_argument);
    const std::array kinds{EventKind::attack, EventKind::agreement};
    CHECK(cli::listed(kinds) == "attack, agreement");
    CHECK(cli::all_digits("042"));
    CHECK_FALSE(cli::all_digits(""));
    CHECK_FALSE(cli::all_digits("4a"));
    CHECK(cli::count_of(1, "source") == "1 source");
    CHECK(cli::count_of(3U, "source") == "3 sources");
    CHECK(cli::count_of(0, "entity", "entities") == "0 entities");
  }

  TEST_CASE("write_text_file replaces a regular file in place, keeping its mode") {
    test::TempDir dir;
    const std::string path = dir.file("out.md");
    REQUIRE(cli::write_text_file(path, "first\n").has_value());
    CHECK(test::slurp(path) == "first\n");
    ::chmod(path.c_str(), 0640);
    const auto target = cli::output_target(path, false);
    REQUIRE(target.has_value());
    CHECK(target->path == path);
    CHECK(target->mode == 0640U);
    REQUIRE(cli::write_text_file(path, "second\n").has_value());
    CHECK(test::slurp(path) == "second\n");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777U) == 0640U);
    CHECK_FALSE(cli::output_target(dir.file("new.md"), false)->mode.has_value());
    auto refused = cli::write_text_file(dir.path().string(), "x");
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == Errc::invalid_argument);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                        std::filesystem::directory_iterator()) == 1);  // no temporary left
  }
}

}  // namespace kb
