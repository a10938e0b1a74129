// Tests services/import_articles.cpp: the inputs of an import expanded into files. The import
// itself is tested with its undo in tests/services/undo_test.cpp and through `kb import`.
#include "services/import_articles.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace kb {

TEST_SUITE("services") {
  TEST_CASE("expand_inputs keeps files and '-', lists directories recursively in order") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "b" / "deep");
    test::write_file(dir.file("b/deep/z.jsonl"), "{}\n");
    test::write_file(dir.file("b/a.txt"), "x\n");
    test::write_file(dir.file("one.html"), "<p>x</p>\n");
    const auto files =
        services::expand_inputs({dir.file("one.html"), "-", (dir.path() / "b").string()});
    REQUIRE(files.has_value());
    CHECK(*files == std::vector<std::string>{dir.file("one.html"), "-", dir.file("b/a.txt"),
                                             dir.file("b/deep/z.jsonl")});
    auto missing = services::expand_inputs({dir.file("nothing.jsonl")});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == Errc::not_found);
    CHECK(missing.error().message.find("nothing.jsonl") != std::string::npos);
  }
}

}  // namespace kb
