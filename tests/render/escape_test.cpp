// Tests render/escape.cpp: the escapers every output shares, for Markdown, XML and CSV.
#include "render/escape.hpp"

#include <string>

#include <doctest/doctest.h>

#include "tests/kb/markdown_check.hpp"

namespace kb {

TEST_SUITE("render") {
  TEST_CASE("md_escape makes CommonMark syntax literal") {
    const std::string raw = "a*b_c [d](e) <f> `g` #h | i ~j~ & k! \\ l\nm";
    const auto outline = test::parse_markdown(kb::render::md_escape(raw));
    CHECK(outline.rc == 0);
    CHECK(outline.text == "a*b_c [d](e) <f> `g` #h | i ~j~ & k! \\ l m");
  }

  TEST_CASE("the shared escapers") {
    CHECK(kb::render::xml_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;");
    CHECK(kb::render::csv_field("plain") == "plain");
    CHECK(kb::render::csv_field("a,\"b\"") == "\"a,\"\"b\"\"\"");
    CHECK(kb::render::md_escape("*x*") == "\\*x\\*");
  }
}

}  // namespace kb
