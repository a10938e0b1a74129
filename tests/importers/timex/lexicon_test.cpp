// Tests importers/timex/lexicon.cpp: the date tagger's word tables.
#include "importers/timex/lexicon.hpp"

#include <string_view>

#include <doctest/doctest.h>

namespace kb::timex {
namespace {

std::uint32_t hash_of(std::string_view word) {
  std::uint32_t h = kLexHashSeed;
  for (const char c : word) {
    h = lex_hash_step(h, c);
  }
  return h;
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("lookup_word gives a word's category and value") {
    CHECK(lookup_word("march").cat == Cat::month);
    CHECK(lookup_word("march").value == 3);
    CHECK(lookup_word("sunday").value == 7);
    const LexEntry weeks = lookup_word("weeks");
    CHECK(weeks.cat == Cat::unit);
    CHECK(weeks.value_as<Unit>() == Unit::week);
    CHECK(weeks.plural);
    CHECK_FALSE(lookup_word("week").plural);
    CHECK(lookup_word("twenty").value == 20);
    CHECK(lookup_word("third").cat == Cat::ordinal);
    CHECK(lookup_word("ago").value_as<Kw>() == Kw::ago);
    CHECK(lookup_word("yesterday").value_as<Ref>() == Ref::yesterday);
    CHECK(lookup_word("this").value_as<Rel>() == Rel::this_word);
    CHECK(lookup_word("winter").value_as<Season>() == Season::winter);
    CHECK(lookup_word("tank").cat == Cat::none);
    CHECK(lookup_word("March").cat == Cat::none);  // the tables hold lower-case words
    CHECK(lookup_word("").cat == Cat::none);
  }

  TEST_CASE("lookup_word by hash agrees with the plain lookup") {
    for (const std::string_view w : {"june", "fortnight", "daily", "several", "noon", "tank"}) {
      CAPTURE(w);
      const LexEntry plain = lookup_word(w);
      const LexEntry hashed = lookup_word(w, hash_of(w));
      CHECK(hashed.cat == plain.cat);
      CHECK(hashed.value == plain.value);
      CHECK(hashed.plural == plain.plural);
    }
    CHECK(hash_of("") == 2166136261u);
    CHECK(hash_of("a") == 0xe40c292cu);  // FNV-1a 32
  }
}

}  // namespace kb::timex
