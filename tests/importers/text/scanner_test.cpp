// Tests for importers/text/scanner.cpp: character classes, pieces and slices of a text.
#include "importers/text/scanner.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

namespace {

using kb::text::CharClass;
using kb::text::Piece;

// The pieces of `text` written as "class:bytes" words, for compact expectations.
std::string describe(std::string_view text) {
  static constexpr std::array<std::string_view, 20> kNames = {
      "letter",  "digit",       "blank", "line_break", "page_break", "null",
      "control", "punct",       "space", "soft_space", "apostrophe", "other_apostrophe",
      "quote",   "other_quote", "dash",  "other_dash", "ellipsis",   "other_punct",
      "word",    "invalid"};
  std::string out;
  for (const Piece& p : kb::text::scan(text)) {
    out += out.empty() ? "" : " ";
    out += kNames[static_cast<std::size_t>(p.cls)];
    out += ':';
    out += text.substr(p.begin, p.end - p.begin);
  }
  return out;
}

bool same(const std::vector<Piece>& a, const std::vector<Piece>& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].cp != b[i].cp ||
        a[i].cls != b[i].cls) {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("text::char_at decodes UTF-8 and classes the characters") {
    const std::vector<std::pair<std::string, CharClass>> cases = {
        {"a", CharClass::letter},
        {"7", CharClass::digit},
        {"\t", CharClass::blank},
        {"\r", CharClass::line_break},
        {"\f", CharClass::page_break},
        {std::string(1, '\0'), CharClass::null},
        {"\x7f", CharClass::control},
        {"`", CharClass::punct},
        {"\u00a0", CharClass::space},
        {"\u2009", CharClass::space},
        {"\u3000", CharClass::space},
        {"\ufeff", CharClass::soft_space},
        {"\u200d", CharClass::soft_space},
        {"\u2019", CharClass::apostrophe},
        {"\u02bc", CharClass::other_apostrophe},
        {"\u00ab", CharClass::quote},
        {"\u201e", CharClass::other_quote},
        {"\u2014", CharClass::dash},
        {"\u2212", CharClass::other_dash},
        {"\u2026", CharClass::ellipsis},
        {"\u2022", CharClass::other_punct},
        {"\u00e9", CharClass::word},
        {"\U0001F600", CharClass::word},
        {"\xff", CharClass::invalid},
        {"\x80", CharClass::invalid},
        {"\xc1\xbf", CharClass::invalid},
        {"\xe2\x80", CharClass::invalid},
        {"\xf5\x80\x80\x80", CharClass::invalid},
    };
    for (const auto& [text, cls] : cases) {
      CAPTURE(text);
      const kb::text::Char c = kb::text::char_at(text, 0);
      CHECK(c.cls == cls);
      CHECK(c.len == (cls == CharClass::invalid ? 1 : text.size()));
    }
    CHECK(kb::text::char_at("\u00e9", 0).cp == 0xE9);
    CHECK(kb::text::char_at("\xff", 0).cp == 0xFF);
  }

  TEST_CASE("text::scan runs letters, digits and word characters, and cuts the rest singly") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Kyiv 2023", "letter:Kyiv blank:  digit:2023"},
        {"A320s", "letter:A digit:320 letter:s"},
        {"Київ’s", "word:Київ apostrophe:’ letter:s"},
        {"--\u2014", "punct:- punct:- dash:\u2014"},
        {"a\u00a0\u00a0b", "letter:a space:\u00a0 space:\u00a0 letter:b"},
        {"\xe2\x80x", "invalid:\xe2 invalid:\x80 letter:x"},
        {"caf\u00e9\xff", "letter:caf word:\u00e9 invalid:\xff"},
        {"", ""},
    };
    for (const auto& [text, expected] : cases) {
      CAPTURE(text);
      CHECK(describe(text) == expected);
    }
  }

  TEST_CASE("text::scan covers every byte of any input, in order") {
    std::string all;
    for (int b = 0; b < 256; ++b) {
      all += static_cast<char>(b);
      all += "\xe2\x80";  // a truncated sequence after every byte
    }
    for (std::string_view text : {std::string_view(all), std::string_view("\xf0\x9f\x98")}) {
      std::size_t at = 0;
      for (const Piece& p : kb::text::scan(text)) {
        CHECK(p.begin == at);
        CHECK(p.end > p.begin);
        at = p.end;
      }
      CHECK(at == text.size());
    }
  }

  TEST_CASE("text::slice equals a scan of the slice, wherever it is cut") {
    const std::string text =
        "Mr. Zelenskyy\u2019s \u201cKyiv\u201d: 2023\u00a0\xff\xe2\x80 caf\u00e9s";
    const std::vector<Piece> pieces = kb::text::scan(text);
    for (std::size_t b = 0; b <= text.size(); ++b) {
      for (std::size_t e = b; e <= text.size(); ++e) {
        CAPTURE(b);
        CAPTURE(e);
        REQUIRE(same(kb::text::slice(text, pieces, b, e), kb::text::scan(text.substr(b, e - b))));
      }
    }
  }

  TEST_CASE("text::ascii_form and starts_upper") {
    const std::string text = "`\u2018\u201e\u2013\u2026\u2020\u00c9t\u00e9 x";
    const std::vector<Piece> pieces = kb::text::scan(text);
    std::string forms;
    for (const Piece& p : pieces) {
      forms += kb::text::ascii_form(p) != 0 ? kb::text::ascii_form(p) : '_';
    }
    CHECK(forms == "''\"-.*_____");
    CHECK(kb::text::starts_upper(pieces[6]));   // É
    CHECK(!kb::text::starts_upper(pieces[7]));  // t
  }
}
