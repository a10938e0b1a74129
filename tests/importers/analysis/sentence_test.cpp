// Tests for importers/analysis/sentence.cpp: CoNLL-U reading, writing and its errors.
#include "importers/analysis/sentence.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/importers/analysis/analysis_fixture.hpp"

TEST_SUITE("importers") {
  TEST_CASE("read_conllu reads words and names the line of an error") {
    const std::string doc =
        "# text = It "
        "works.\n1-2\tIt's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
        "2\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_"
        "\t_\n\n";
    auto r = kb::analysis::read_conllu(doc);
    REQUIRE(r.has_value());
    REQUIRE(r->size() == 1);
    CHECK((*r)[0].text == "It works.");
    CHECK((*r)[0].words.size() == 3);
    CHECK(!(*r)[0].words[1].space_after);
    CHECK((*r)[0].words[2].head == 2);
    const std::string written = kb::analysis::write_conllu(*r);
    CHECK(written.find("# text = It works.\n") != std::string::npos);
    CHECK(written.find("2\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n") !=
          std::string::npos);

    auto bad = kb::analysis::read_conllu("# text = x\n1\tx\tx\tX\n");
    REQUIRE(!bad.has_value());
    CHECK(bad.error().message.find("line 2") != std::string::npos);
  }
}
