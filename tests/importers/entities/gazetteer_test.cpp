// Tests importers/entities/gazetteer.cpp: entities, names and titles added by hand, found by key
// and walked token by token as the recogniser does. Loading the shipped data is tested in
// gazetteer_load_test.cpp.
#include "importers/entities/gazetteer.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/entities/tokens.hpp"

namespace kb::importers {
namespace {

// The trie node the words of `text` lead to from the root, or kNone.
std::uint32_t walk(const Gazetteer& g, const TokenTrie& trie, std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  std::uint32_t node = TokenTrie::kRoot;
  for (const Token& t : tokens) {
    node = trie.child(node, g.token_id(token_key(text, t)));
    if (node == TokenTrie::kNone) {
      break;
    }
  }
  return node;
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("Gazetteer finds an entity by any of its names, case- and accent-blind") {
    Gazetteer g;
    NamedEntity atlantis;
    atlantis.name = "Atlantis";
    atlantis.kind = EntityKind::country;
    atlantis.demonyms = {"Atlantean"};
    const std::size_t a = g.add_entity(atlantis);
    NamedEntity port;
    port.name = "Port Atlantis";
    port.kind = EntityKind::place;
    const std::size_t p = g.add_entity(port);
    REQUIRE(g.add_alias(a, "Atlántica").has_value());
    CHECK_FALSE(g.add_alias(a, " \t ").has_value());  // blank
    CHECK_FALSE(g.add_alias(9, "Lemuria").has_value());
    CHECK(g.find("ATLANTIS") == a);
    CHECK(g.find("atlantica") == a);
    CHECK(g.find("Port Atlantis") == p);
    CHECK_FALSE(g.find("Atlantis", EntityKind::person).has_value());
    CHECK_FALSE(g.find("Lemuria").has_value());
    // The same kind and name again merges into the first entity.
    NamedEntity again;
    again.name = "atlantis";
    again.kind = EntityKind::country;
    again.aliases = {"Old Atlantis"};
    CHECK(g.add_entity(again) == a);
    CHECK(g.entities().size() == 2);
    CHECK(g.find("Old Atlantis") == a);
    CHECK(g.token_id("submarine") == Gazetteer::kUnknownToken);
  }

  TEST_CASE("Gazetteer: the name trie ends on a name's last word with how it was named") {
    Gazetteer g;
    NamedEntity atlantis;
    atlantis.name = "Atlantis";
    atlantis.kind = EntityKind::country;
    atlantis.demonyms = {"Atlantean"};
    g.add_entity(atlantis);
    NamedEntity port;
    port.name = "Port Atlantis";
    port.kind = EntityKind::place;
    g.add_entity(port);
    g.add_title("Harbour Master");
    g.add_stop_word("The");
    const std::uint32_t node = walk(g, g.names(), "port atlantis");
    REQUIRE(node != TokenTrie::kNone);
    REQUIRE(g.entries_at(node).size() == 1);
    CHECK(g.entries_at(node)[0].entity == 1);
    CHECK(g.entries_at(node)[0].how == MatchKind::name);
    const std::uint32_t demonym = walk(g, g.names(), "Atlantean");
    REQUIRE(demonym != TokenTrie::kNone);
    CHECK(g.entries_at(demonym)[0].how == MatchKind::demonym);
    CHECK(g.entries_at(walk(g, g.names(), "Port")).empty());  // a prefix, no name
    CHECK(g.ends_title(walk(g, g.titles(), "harbour master")));
    CHECK_FALSE(g.ends_title(walk(g, g.titles(), "harbour")));
    CHECK(g.is_stop_word(g.token_id("the")));
    CHECK(to_string(MatchKind::demonym) == "demonym");
  }
}

}  // namespace kb::importers
