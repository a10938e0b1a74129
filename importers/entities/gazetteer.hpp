// Gazetteer: the curated names kb recognises in text (countries, capitals, places, organisations,
// armed groups, people, titles), loaded from data/gazetteer/*.tsv plus Debian's iso-codes JSON.
// docs/gazetteer.md describes the files; recognizer.hpp finds the names in text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "importers/entities/token_trie.hpp"
#include "kb/model.hpp"
#include "kb/result.hpp"

namespace kb::importers {

// Where Debian's iso-codes package puts the ISO 3166-1 country list.
inline constexpr std::string_view kIsoCodesJson = "/usr/share/iso-codes/json/iso_3166-1.json";

// How a mention's text matched its entity.
enum class MatchKind {
  name,           // the canonical name ("Ukraine", "Joe Biden")
  alias,          // another name ("Kiev", "U.S.", "Group of Seven", "Biden")
  demonym,        // a demonym of a country ("Ukrainian", "Poles"): the extractor may treat it
                  // as an attribute rather than the country acting
  metonym,        // a place standing for a country's government ("the Kremlin", "Bankova")
  title_pattern,  // an unknown person introduced by a title ("Gen. Valeriy Zaluzhniy")
  appositive,     // an unknown person named before ", a former NATO chief"
  coreference,    // a later short form of a person seen earlier ("Duda" after "Andrzej Duda")
  place_context,  // an unknown place the text introduces: "the village of Mayorsk", "Mayorsk
                  // (20km south of Bakhmut)", "Ivanivka, Kharkiv Oblast" (and its later mentions)
};

// The spelling of a MatchKind ("title_pattern").
std::string_view to_string(MatchKind how);

// One named thing as the gazetteer knows it (no database ids: resolution to KB entities is by
// name and alias, see kb::alias_key).
struct NamedEntity {
  std::string name;                     // canonical name
  EntityKind kind = EntityKind::place;  // person, country, organisation, place or group
  std::string country;                  // ISO 3166-1 alpha-2 code it belongs to, or empty
  std::string description;              // "capital of Ukraine", "Russian Deputy Foreign Minister"
  std::string wikidata;                 // "Q212", or empty when not known for sure
  std::vector<std::string> aliases;     // other names, canonical name not repeated
  std::vector<std::string> demonyms;    // countries: "Ukrainian", "Ukrainians"
  std::vector<std::string> metonyms;    // countries: "Kremlin", "White House"
  // Added from the knowledge base (an entity an extraction or an analyst stored), not shipped:
  // recognition says how the text introduces such a person (a title, an appositive), as it
  // did when the person was not known yet.
  bool from_kb = false;
};

// One way of writing an entity's name, as stored at a trie node.
struct NameEntry {
  std::size_t entity = 0;            // index into Gazetteer::entities()
  MatchKind how = MatchKind::name;   // name, alias, demonym or metonym
  bool exact_case = false;           // must match letter case exactly ("US" is not "us")
  std::vector<std::string> surface;  // the tokens as written, for exact_case checks
};

// Transparent string hash, so that maps keyed by std::string accept std::string_view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The names, titles and stop words, indexed by token for the recogniser. Build it with
// load_gazetteer(); add_entity() and add_alias() extend it (for example with aliases from the KB).
class Gazetteer {
 public:
  // Id of tokens the gazetteer has never seen.
  static constexpr std::uint32_t kUnknownToken = 0;

  // Adds `entity` with its name, aliases, demonyms and metonyms; returns its index. If an entity
  // of the same kind and name key exists, merges the new names into it and returns that index.
  std::size_t add_entity(NamedEntity entity);
  // Adds `alias` (a name, or a demonym/metonym per `how`) to entity `index`. Error
  // (invalid_argument) when `index` is out of range or `alias` has no letters or digits.
  Result<void> add_alias(std::size_t index, std::string_view alias,
                         MatchKind how = MatchKind::alias);
  // Adds a title such as "Deputy Foreign Minister" or "Gen." that introduces a person's name.
  void add_title(std::string_view title);
  // Adds a capitalised word that never starts or continues a person's name ("The", "May").
  void add_stop_word(std::string_view word);

  // All entities, in load order.
  const std::vector<NamedEntity>& entities() const { return entities_; }
  // Problems that did not stop loading (for example iso-codes missing), for the analyst.
  const std::vector<std::string>& warnings() const { return warnings_; }
  void add_warning(std::string warning) { warnings_.push_back(std::move(warning)); }
  // Index of the entity whose name or alias has the same kb::alias_key as `name` (of `kind`
  // when given); nullopt when none. The first added wins among equal keys.
  std::optional<std::size_t> find(std::string_view name,
                                  std::optional<EntityKind> kind = std::nullopt) const;

  // --- Used by the recogniser ---
  // Vocabulary id of a token key (see token_key()), or kUnknownToken.
  std::uint32_t token_id(std::string_view key) const;
  // The trie of names (ids from token_id()) and the entries ending at a node (empty if none).
  const TokenTrie& names() const { return names_; }
  const std::vector<NameEntry>& entries_at(std::uint32_t node) const;
  // The trie of titles and whether a node ends a title.
  const TokenTrie& titles() const { return titles_; }
  bool ends_title(std::uint32_t node) const { return title_ends_.count(node) != 0; }
  // Whether a token id is a stop word.
  bool is_stop_word(std::uint32_t id) const { return stop_words_.count(id) != 0; }

 private:
  // Tokenizes `text` into ids, adding new keys to the vocabulary; fills `surface` when given.
  std::vector<std::uint32_t> intern(std::string_view text, std::vector<std::string>* surface);
  void index_name(std::size_t index, std::string_view text, MatchKind how);

  std::vector<NamedEntity> entities_;
  std::vector<std::string> warnings_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> vocabulary_;
  std::unordered_map<std::string, std::vector<std::size_t>, StringHash, std::equal_to<>> by_key_;
  TokenTrie names_;
  std::unordered_map<std::uint32_t, std::vector<NameEntry>> entries_;
  TokenTrie titles_;
  std::unordered_set<std::uint32_t> title_ends_;
  std::unordered_set<std::uint32_t> stop_words_;
};

// Loads the gazetteer from `data_dir`/gazetteer/ (countries.tsv, places.tsv, organisations.tsv,
// groups.tsv, people.tsv, titles.txt, stop_words.txt) and the official country names from
// `iso_json`. A missing iso-codes file is a warning (countries.tsv still supplies names); a
// missing or malformed gazetteer file is an Error (parse) naming the file and line.
Result<Gazetteer> load_gazetteer(const std::filesystem::path& data_dir,
                                 const std::filesystem::path& iso_json = kIsoCodesJson);

// The data directory holding gazetteer/: $KB_DATA_DIR if set, else the source tree's data/
// (KB_SOURCE_DATA_DIR), else the installed one (KB_INSTALL_DATA_DIR); the first that contains
// gazetteer/countries.tsv. Error (not_found) listing the places tried.
Result<std::filesystem::path> find_data_dir();

}  // namespace kb::importers
