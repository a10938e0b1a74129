// recognize(): finds the gazetteer's countries, capitals, places, organisations, groups and
// people in a document, plus unknown people introduced by titles or appositions, and follows
// people through the document ("Polish President Andrzej Duda" ... "Duda said").
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <date/date.h>

#include "importers/entities/gazetteer.hpp"
#include "importers/text/scanner.hpp"

namespace kb::importers {

// An entity mentioned in one document: a copy of the gazetteer's entry, or a new person.
struct FoundEntity {
  NamedEntity entity;                          // name, kind, country, description, wikidata
  std::optional<std::size_t> gazetteer_index;  // index in Gazetteer::entities(); nullopt if new
};

// One mention: a byte span of the text and the entity it names.
struct Mention {
  std::size_t begin = 0;            // byte offset of the first byte in the text
  std::size_t end = 0;              // byte offset one past the last byte
  std::string text;                 // the text of [begin, end) as written
  std::size_t entity = 0;           // index into Recognition::entities
  MatchKind how = MatchKind::name;  // how the text matched
  std::string title;  // the title or role that introduced a person ("Deputy Foreign Minister")
  // The country or organisation that qualified the title ("Russian" in "Russian Deputy Foreign
  // Minister Alexander Grushko"), as an index into Recognition::entities. It is part of this
  // mention's span and has no mention of its own.
  std::optional<std::size_t> affiliation;
};

// The entities of one document and their mentions, in text order, never overlapping.
struct Recognition {
  std::vector<FoundEntity> entities;  // each entity once, in order of first mention
  std::vector<Mention> mentions;      // sorted by `begin`
};

// Finds the entities mentioned in UTF-8 `text` (a sentence or a whole document; run it over the
// whole document so that later short names resolve). Longest match wins. Never fails.
Recognition recognize(const Gazetteer& gazetteer, std::string_view text);
// The same, given `pieces`, the pieces text::scan(`text`) returns.
Recognition recognize(const Gazetteer& gazetteer, std::string_view text,
                      std::span<const text::Piece> pieces);

// The holders of the offices a document's publisher implies, by office ("president") as
// gazetteer indexes: "The President" in a Kremlin readout is the President of Russia on its day,
// whoever else the text names president (data/lexicon/entities/publisher_offices.tsv).
using PublisherOffices = std::unordered_map<std::string_view, std::size_t>;

// The offices `publisher` (as an article names it: "President of Russia (en.kremlin.ru)")
// implies on `day`; empty for any other publisher, without a day, or when the gazetteer lacks
// the holder.
PublisherOffices publisher_offices(const Gazetteer& gazetteer, std::string_view publisher,
                                   std::optional<date::sys_days> day);

// The same as recognize(), with `publisher`'s offices: a description of such an office ("The
// President", "the Head of State") names its holder there before anyone the text introduces.
Recognition recognize(const Gazetteer& gazetteer, std::string_view text,
                      std::span<const text::Piece> pieces, const PublisherOffices& publisher);

// The mentions lying wholly within bytes [`begin`, `end`) (for example, one sentence).
std::span<const Mention> mentions_between(const Recognition& recognition, std::size_t begin,
                                          std::size_t end);

}  // namespace kb::importers
