// recognize(): one left-to-right pass over the tokens. At each token it tries a title pattern,
// a gazetteer name, a person seen earlier in the document and an appositive, and keeps the
// longest; the names are found by walking the gazetteer's token trie.

#include "importers/entities/recognizer.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <unordered_map>

#include "importers/entities/tokens.hpp"

namespace kb::importers {
namespace {

constexpr std::size_t kMaxNameWords = 4;     // words in an unknown person's name
constexpr std::size_t kMaxRoleDistance = 7;  // tokens between ", a" and the role noun
constexpr std::size_t kMaxBodyWords = 5;     // words in a body's name without its nation
constexpr auto kParticles = std::to_array<std::string_view>({
#include "lexicon/entities/name_particles.inc"
});
constexpr auto kTitleModifiers = std::to_array<std::string_view>({
#include "lexicon/entities/title_modifiers.inc"
});

// Whether `w` is written in capitals ("NSA", "BAHIA"): two characters or more, no lower-case
// ASCII letter.
bool in_capitals(std::string_view w) {
  return w.size() > 1 &&
         std::none_of(w.begin(), w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

// Words that introduce a settlement's name ("the village of Mayorsk").
constexpr auto kSettlementWords = std::to_array<std::string_view>({
#include "lexicon/entities/settlement_words.inc"
});
// Words before an unknown place's name ("near Bohorodychne"), and directions before "of".
constexpr auto kPlaceCues = std::to_array<std::string_view>({
#include "lexicon/entities/place_cues.inc"
});
constexpr auto kPlaceDirections = std::to_array<std::string_view>({
#include "lexicon/entities/place_directions.inc"
});
// Words that may open a distance after a place.
constexpr auto kApprox = std::to_array<std::string_view>({
#include "lexicon/entities/approximators.inc"
});
// Region words that end a gazetteer place's name.
constexpr auto kRegionEnds = std::to_array<std::string_view>({
#include "lexicon/entities/region_ends.inc"
});
constexpr std::size_t kMaxPlaceWords = 3;  // words in an unknown place's name
// Descriptions that name a person by office ("the Head of State"), and the office they name.
constexpr auto kOfficeDescriptions = std::to_array<std::pair<std::string_view, std::string_view>>({
#include "lexicon/entities/office_descriptions.inc"
});

// The offices a publisher implies (see publisher_offices()).
struct PublisherOffice {
  std::string_view publisher_word, office, holder, first, last;
};
constexpr auto kPublisherOffices = std::to_array<PublisherOffice>({
#include "lexicon/entities/publisher_offices.inc"
});

// The office of kOfficeDescriptions that `title` (a title or a description) begins with, as a
// whole word and in any case ("President of Ukraine": "president"), or empty.
std::string_view office_of(std::string_view title) {
  std::string lower(title.substr(0, title.find(';')));
  for (char& ch : lower) {
    ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + ('a' - 'A')) : ch;
  }
  for (const auto& row : kOfficeDescriptions) {
    const std::string_view office = row.second;
    if (lower.starts_with(office) &&
        (lower.size() == office.size() || lower[office.size()] == ' ')) {
      return office;
    }
  }
  return {};
}

// A possible mention over tokens [first, last).
struct Candidate {
  std::size_t first = 0;
  std::size_t last = 0;
  MatchKind how = MatchKind::name;
  std::optional<std::size_t> gazetteer;  // a gazetteer entity, or
  std::optional<std::size_t> doc;        // an entity already found in this document, or
  NamedEntity fresh;                     // a new person
  std::string title;
  std::optional<std::size_t> affiliation;  // gazetteer index of the qualifying country/org
};

// Preference among entries ending at the same trie node: names before metonyms and demonyms.
int rank(MatchKind how) {
  return how == MatchKind::demonym ? 2 : how == MatchKind::metonym ? 1 : 0;
}

class Scan {
 public:
  // `offices`: for a second pass, the gazetteer person who holds each office of
  // kOfficeDescriptions in this document (see cataphora()).
  // `publisher`: the holders of the offices the document's publisher implies, which come first.
  Scan(const Gazetteer& g, std::string_view text, std::span<const text::Piece> pieces,
       std::unordered_map<std::string_view, std::size_t> offices = {},
       const PublisherOffices* publisher = nullptr)
      : g_(g),
        text_(text),
        seeds_(std::move(offices)),
        publisher_(publisher),
        the_(g.token_id("the")) {
    tokenize(pieces, tokens_);
    for (Token& t : tokens_) {
      t.id = g_.token_id(key(t));
    }
  }

  Recognition run() {
    std::size_t i = 0;
    while (i < tokens_.size()) {
      std::optional<Candidate> best = best_at(i);
      if (!best) {
        ++i;
        continue;
      }
      emit(*best);
      i = best->last;
    }
    if (unresolved_office_) {
      for (const auto& [office, doc] : office_holders_) {
        if (const auto& holder = out_.entities[doc].gazetteer_index) {
          cataphora_.emplace(office, *holder);
        }
      }
    }
    return std::move(out_);
  }

  // After run(): the gazetteer people who hold an office that a description named before the
  // document introduced them ("The President held a meeting ..." opening a readout that names
  // Vladimir Putin later), for a second pass that resolves those descriptions too. Empty when
  // every description was resolved.
  const std::unordered_map<std::string_view, std::size_t>& cataphora() const { return cataphora_; }

 private:
  std::string key(const Token& t) const { return token_key(text_, t); }
  std::string_view raw(std::size_t first, std::size_t last) const {
    return text_.substr(tokens_[first].begin, tokens_[last - 1].end - tokens_[first].begin);
  }
  bool is_word(std::size_t i) const { return i < tokens_.size() && tokens_[i].punct == 0; }
  bool is_punct(std::size_t i, char c) const { return i < tokens_.size() && tokens_[i].punct == c; }
  bool name_word(std::size_t i) const {
    return is_word(i) && tokens_[i].capitalized && !g_.is_stop_word(tokens_[i].id) &&
           (text_[tokens_[i].begin] < '0' || text_[tokens_[i].begin] > '9');
  }

  std::optional<Candidate> best_at(std::size_t i) {
    std::optional<Candidate> name = match_name(i);
    std::optional<Candidate> best = match_title(i, name);
    if (name && (!best || name->last > best->last)) {
      best = std::move(name);
    }
    if (!person_keys_.empty() && name_word(i)) {
      std::optional<Candidate> coref = match_coreference(i);
      if (coref && (!best || coref->last > best->last)) {
        best = std::move(coref);
      }
    }
    // A national body named without its nation after the document named it with it; as long
    // as a gazetteer name, it is still this document's body ("the Ministry of Defence" after
    // "the Russian Ministry of Defence" is not the UK's).
    if (!organisation_keys_.empty() && is_word(i) && tokens_[i].capitalized) {
      std::optional<Candidate> body = match_organisation(i);
      if (body && (!best || body->last >= best->last)) {
        best = std::move(body);
      }
    }
    if (!best && name_word(i)) {
      best = match_place(i);
    }
    if (!best && the_ != Gazetteer::kUnknownToken && tokens_[i].id == the_) {
      best = match_office(i);
    }
    if (!best || best->last <= i + 1) {
      std::optional<Candidate> appositive = match_appositive(i);
      if (appositive && (!best || appositive->last > best->last)) {
        best = std::move(appositive);
      }
    }
    introduce_known(i, best);
    return best;
  }

  // A person the knowledge base learned from an earlier text is matched by name; the mention
  // says how this text introduces them, as it said when they were not known (error class:
  // `kb extract` lost "target Damon Wilson" that the import gave: the role model reads a person
  // introduced by an appositive or a title, a partner more often, apart from one named by name).
  void introduce_known(std::size_t i, std::optional<Candidate>& best) {
    if (!best || !best->gazetteer || best->doc ||
        (best->how != MatchKind::name && best->how != MatchKind::alias)) {
      return;
    }
    const NamedEntity& e = g_.entities()[*best->gazetteer];
    if (!e.from_kb || e.kind != EntityKind::person) {
      return;
    }
    if (!best->title.empty()) {
      best->how = MatchKind::title_pattern;
    } else if (const std::optional<Candidate> a = match_appositive(i);
               a && a->gazetteer == best->gazetteer && a->last == best->last) {
      best->how = MatchKind::appositive;
    }
  }

  // Whether the tokens [first, first + entry.surface.size()) may be read as `entry`.
  bool accepts(const NameEntry& entry, std::size_t first) const {
    if (!entry.exact_case) {
      return tokens_[first].capitalized;
    }
    for (std::size_t k = 0; k < entry.surface.size(); ++k) {
      const Token& t = tokens_[first + k];
      std::string_view s = entry.surface[k];
      bool same =
          t.punct != 0 ? s.size() == 1 && s[0] == t.punct : raw(first + k, first + k + 1) == s;
      if (!same) {
        return false;
      }
    }
    return true;
  }

  // The longest gazetteer name starting at token `i`.
  std::optional<Candidate> match_name(std::size_t i) const {
    std::optional<Candidate> best;
    std::uint32_t node = TokenTrie::kRoot;
    for (std::size_t j = i; j < tokens_.size(); ++j) {
      if (tokens_[j].id == Gazetteer::kUnknownToken) {
        break;
      }
      node = g_.names().child(node, tokens_[j].id);
      if (node == TokenTrie::kNone) {
        break;
      }
      const NameEntry* pick = nullptr;
      for (const NameEntry& e : g_.entries_at(node)) {
        if (accepts(e, i) && (pick == nullptr || rank(e.how) < rank(pick->how))) {
          pick = &e;
        }
      }
      if (pick != nullptr) {
        best = Candidate{i, j + 1, pick->how, pick->entity, {}, {}, {}, {}};
      }
    }
    return best;
  }

  // The end of the longest chain of titles starting at `i` ("Deputy" "Foreign Minister", "Gen.").
  std::size_t title_chain(std::size_t i) const {
    std::size_t end = i;
    while (true) {
      std::uint32_t node = TokenTrie::kRoot;
      std::size_t found = end;
      for (std::size_t j = end; j < tokens_.size() && tokens_[j].id != 0; ++j) {
        node = g_.titles().child(node, tokens_[j].id);
        if (node == TokenTrie::kNone) {
          break;
        }
        if (g_.ends_title(node)) {
          found = j + 1;
        }
      }
      if (found == end) {
        return end;
      }
      const Token& last = tokens_[found - 1];
      if (is_punct(found, '.') && last.punct == 0 && last.end - last.begin <= 4) {
        ++found;  // the period of an abbreviation ("Gen.") when titles.txt lists "Gen"
      }
      end = found;
    }
  }

  // The end of a person's name starting at `i`: capitalised words, initials, hyphenated parts
  // and particles, stopping at stop words and at names of places, countries or organisations.
  std::size_t name_end(std::size_t i) {
    // A known person's full name ends the name ("Foreign Minister Sergei Lavrov Lavrov
    // SergeiForeign", page furniture after the name, is not one longer name).
    if (std::optional<Candidate> known = match_name(i);
        known && g_.entities()[*known->gazetteer].kind == EntityKind::person &&
        known->last > i + 1) {
      return known->last;
    }
    std::size_t end = i;
    std::size_t words = 0;
    std::size_t j = i;
    while (words < kMaxNameWords && name_word(j) && !starts_title(j) &&
           (j == i || !tokens_[j].newline_before)) {
      std::optional<Candidate> known = match_name(j);
      if (known && g_.entities()[*known->gazetteer].kind != EntityKind::person) {
        break;
      }
      ++words;
      j += 1;
      if (is_punct(j, '.') && tokens_[j - 1].end - tokens_[j - 1].begin == 1) {
        ++j;  // an initial: "George W. Bush"
      }
      end = j;
      if (is_punct(j, '-') && name_word(j + 1) && tokens_[j + 1].begin == tokens_[j].end) {
        ++j;  // "Jean-Yves"
        continue;
      }
      std::size_t p = j;
      while (is_word(p) && !tokens_[p].capitalized && particle(p)) {
        ++p;  // "Ursula von der Leyen"
      }
      if (p > j && name_word(p)) {
        j = p;
      }
    }
    return end;
  }

  bool starts_title(std::size_t i) const {
    std::uint32_t node = g_.titles().child(TokenTrie::kRoot, tokens_[i].id);
    return node != TokenTrie::kNone && g_.ends_title(node);
  }

  // The token keys of [first, last) joined by spaces ("andrzej duda").
  std::string joined_key(std::size_t first, std::size_t last) {
    std::string k;
    for (std::size_t j = first; j < last; ++j) {
      k += (j == first ? "" : " ") + key(tokens_[j]);
    }
    return k;
  }

  bool particle(std::size_t i) {
    std::string k = key(tokens_[i]);
    return std::find(kParticles.begin(), kParticles.end(), k) != kParticles.end();
  }

  std::optional<Candidate> match_title(std::size_t i, const std::optional<Candidate>& at_i);
  std::optional<Candidate> person(std::size_t first, std::size_t last);
  std::optional<Candidate> match_coreference(std::size_t i);
  std::optional<Candidate> match_organisation(std::size_t i);
  std::optional<Candidate> match_appositive(std::size_t i);
  std::optional<Candidate> match_place(std::size_t i);
  std::optional<Candidate> match_office(std::size_t i);
  std::size_t place_end(std::size_t i);
  std::string region_after(std::size_t end);
  std::size_t found_entity(const Candidate& c);
  // "The President of Ukraine" (tokens [i, of_at) the office, `of_at` its "of") in a release
  // of that President's own office names its holder, unless a name follows ("President of
  // Ukraine Volodymyr Zelenskyy" is read as before) or it follows "of" or "to" (staff). Error
  // class: an address "by the President of Ukraine" whose "I" was nobody, so that "Today I
  // spoke again with President of Lithuania Gitanas Nausėda" was titled "Gitanas Nauseda speaks
  // with ...".
  std::optional<Candidate> own_office(std::size_t i, std::size_t of_at,
                                      std::string_view office) const {
    const auto implied = publisher_office(office);
    const auto country = match_name(of_at + 1);
    if (!implied || !country || !country->gazetteer || name_word(country->last)) {
      return std::nullopt;
    }
    // Nor the office's staff: "the Office of the President of Ukraine", "Adviser to the
    // President of Ukraine".
    if (i > 0 && is_word(i - 1) && (key(tokens_[i - 1]) == "of" || key(tokens_[i - 1]) == "to")) {
      return std::nullopt;
    }
    const NamedEntity& place = g_.entities()[*country->gazetteer];
    if (place.kind != EntityKind::country || place.country != g_.entities()[*implied].country) {
      return std::nullopt;
    }
    Candidate c{i,
                country->last,
                MatchKind::coreference,
                {},
                {},
                {},
                std::string(raw(i + 1, country->last)),
                {}};
    c.gazetteer = implied;
    return c;
  }

  // The gazetteer index of the holder of `office` that the publisher implies, if any.
  std::optional<std::size_t> publisher_office(std::string_view office) const {
    if (publisher_ == nullptr) {
      return std::nullopt;
    }
    const auto it = publisher_->find(office);
    return it == publisher_->end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }
  void remember_person(std::size_t doc);
  void remember_organisation(std::size_t doc);
  void emit(const Candidate& c);

  const Gazetteer& g_;
  std::string_view text_;
  std::vector<Token> tokens_;
  Recognition out_;
  std::unordered_map<std::size_t, std::size_t> doc_of_gazetteer_;
  // Each national body's names without its nation, by gazetteer index (remember_organisation).
  std::unordered_map<std::size_t, std::vector<std::string>> body_keys_;
  std::unordered_map<std::string, std::size_t> person_keys_;  // "andrzej duda", "duda" -> doc
  std::unordered_map<std::string, std::size_t> place_keys_;   // "mayorsk" -> doc
  // A national body's names without the nation's adjective: "general staff" -> doc.
  std::unordered_map<std::string, std::size_t> organisation_keys_;
  // The first person the document introduced in each office of kOfficeDescriptions.
  std::unordered_map<std::string_view, std::size_t> office_holders_;  // "president" -> doc
  std::unordered_map<std::string_view, std::size_t> seeds_;           // office -> gazetteer index
  std::unordered_map<std::string_view, std::size_t> cataphora_;       // the same, for a second pass
  const PublisherOffices* publisher_ = nullptr;  // office -> gazetteer index, before the rest
  bool unresolved_office_ = false;               // a description came before its office's holder
  std::uint32_t the_;  // the token id of "the", which opens every description
};

std::optional<Candidate> Scan::match_title(std::size_t i, const std::optional<Candidate>& at_i) {
  std::size_t j = title_chain(i);
  std::optional<Candidate> pre = j == i ? at_i : match_name(j);
  std::optional<std::size_t> affiliation;
  std::size_t title_begin = i;
  if (pre && pre->how != MatchKind::metonym &&
      g_.entities()[*pre->gazetteer].kind != EntityKind::person &&
      g_.entities()[*pre->gazetteer].kind != EntityKind::place) {
    std::size_t k = title_chain(pre->last);
    if (k > pre->last) {
      affiliation = pre->gazetteer;
      title_begin = pre->last;
      j = k;
    }
  }
  if (j == i) {
    return std::nullopt;
  }
  // "<title> of [the] <country, body or place> <name>": "Prime Minister of Lithuania Ingrida
  // Šimonytė", "Chairman of the Russian State Duma Vyacheslav Volodin" (error class: the person
  // unknown, the country or body taken for who acted).
  bool of_phrase = false;
  if (!affiliation && is_word(j) && key(tokens_[j]) == "of") {
    std::size_t k = j + 1;
    if (k < tokens_.size() && tokens_[k].id == the_) {
      ++k;
    }
    std::optional<std::size_t> of;
    for (int names = 0; names < 2; ++names) {  // a demonym and a body: "Russian" "State Duma"
      const std::optional<Candidate> m = match_name(k);
      if (!m || g_.entities()[*m->gazetteer].kind == EntityKind::person) {
        break;
      }
      of = m->gazetteer;
      k = m->last;
    }
    // The rest of a body's name after the place or demonym is no part of the person's:
    // "Governor of Khabarovsk Territory Mikhail Degtyaryov", "CEO of the Russian Direct
    // Investment Fund Kirill Dmitriev" (capitalised words that never make a name,
    // data/gazetteer/stop_words.txt; error class: the persons "Territory Mikhail Degtyaryov"
    // and "Direct Investment Fund").
    std::size_t body = k;
    while (of && is_word(body) && tokens_[body].capitalized && g_.is_stop_word(tokens_[body].id) &&
           tokens_[body].id != the_ && key(tokens_[body]) != "of" && key(tokens_[body]) != "and") {
      ++body;
    }
    // and the body's acronym after it ("... Direct Investment Fund (RDIF) Kirill Dmitriev").
    if (body > k && is_punct(body, '(') && is_word(body + 1) && is_punct(body + 2, ')')) {
      body += 3;
    }
    // Only for a person the gazetteer does not ship: a known one is found by name, with the
    // office from the gazetteer's description, and the country keeps its own mention; one the
    // knowledge base learned from a text is introduced here as it was there.
    const std::size_t name_stop = of ? name_end(body) : body;
    const std::optional<Candidate> named =
        name_stop > body ? person(body, name_stop) : std::nullopt;
    // One word after such a phrase is more often the end of the body's name than a surname
    // (error class: the persons "Mission" for "Head of the NATO Mission", "Centre", "Armed",
    // "Airborne"): a person kb does not know yet takes two words at least.
    std::size_t words = 0;
    for (std::size_t w = body; w < name_stop; ++w) {
      words += tokens_[w].capitalized ? 1U : 0U;
    }
    const bool fresh = named && !named->gazetteer && !named->doc;
    if (named && (!named->gazetteer || g_.entities()[*named->gazetteer].from_kb) &&
        (!fresh || words >= 2)) {
      affiliation = of;
      of_phrase = true;
      j = body;
    } else if (name_stop > body) {
      return std::nullopt;  // no name the "of" phrase's body does not end
    }
  }
  std::size_t end = name_end(j);
  if (end == j) {
    return std::nullopt;
  }
  std::optional<Candidate> c = person(j, end);
  if (!c) {
    return std::nullopt;
  }
  // A name of one word kb does not know: not after a title of modifiers alone ("former",
  // data/lexicon/entities/title_modifiers.txt), nor in capitals ("former NSA contractor": an
  // acronym, not a surname).
  if (!c->gazetteer && !c->doc && end == j + 1) {
    bool modifiers = true;
    for (std::size_t k = title_begin; k < j && modifiers; ++k) {
      modifiers = !is_word(k) || std::find(kTitleModifiers.begin(), kTitleModifiers.end(),
                                           key(tokens_[k])) != kTitleModifiers.end();
    }
    if (modifiers || in_capitals(raw(j, end))) {
      return std::nullopt;
    }
  }
  c->first = i;
  c->title = std::string(raw(title_begin, j));
  c->affiliation = affiliation;
  if (!c->gazetteer && !c->doc) {
    c->fresh.description = std::string(raw(i, j));
    const NamedEntity* a = affiliation ? &g_.entities()[*affiliation] : nullptr;
    // The country of what the title's "of" names: "Mayor of Kharkiv" is Ukraine's.
    c->fresh.country =
        a != nullptr && (a->kind == EntityKind::country || of_phrase) ? a->country : "";
  }
  return c;
}

// Resolves the name in tokens [first, last): a gazetteer person, a person seen earlier, or new.
std::optional<Candidate> Scan::person(std::size_t first, std::size_t last) {
  std::optional<Candidate> known = match_name(first);
  if (known && known->last == last && g_.entities()[*known->gazetteer].kind == EntityKind::person) {
    return known;
  }
  auto it = person_keys_.find(joined_key(first, last));
  if (it != person_keys_.end()) {
    return Candidate{first, last, MatchKind::coreference, {}, it->second, {}, {}, {}};
  }
  Candidate c{first, last, MatchKind::title_pattern, {}, {}, {}, {}, {}};
  c.fresh.name = std::string(raw(first, last));
  c.fresh.kind = EntityKind::person;
  return c;
}

std::optional<Candidate> Scan::match_organisation(std::size_t i) {
  const std::size_t longest = std::min(tokens_.size(), i + kMaxBodyWords);
  for (std::size_t last = longest; last > i + 1; --last) {
    auto it = organisation_keys_.find(joined_key(i, last));
    if (it != organisation_keys_.end()) {
      return Candidate{i, last, MatchKind::coreference, {}, it->second, {}, {}, {}};
    }
  }
  return std::nullopt;
}

std::optional<Candidate> Scan::match_coreference(std::size_t i) {
  std::size_t longest = std::min(tokens_.size(), i + kMaxNameWords);
  for (std::size_t last = longest; last > i; --last) {
    auto it = person_keys_.find(joined_key(i, last));
    if (it != person_keys_.end()) {
      return Candidate{i, last, MatchKind::coreference, {}, it->second, {}, {}, {}};
    }
  }
  return std::nullopt;
}

// "Fabrice Pothier, a former NATO policy chief": a name of two or more words, a comma, and a
// role from titles.txt within a few words.
std::optional<Candidate> Scan::match_appositive(std::size_t i) {
  if (!name_word(i) || starts_title(i)) {
    return std::nullopt;
  }
  std::size_t end = name_end(i);
  std::size_t words = 0;
  for (std::size_t j = i; j < end; ++j) {
    words += tokens_[j].capitalized ? 1U : 0U;
  }
  if (words < 2 || !is_punct(end, ',')) {
    return std::nullopt;
  }
  // A wire story's dateline is in capitals ("BAHIA BLANCA, Argentina - Pope John Paul ..."),
  // a person's name in running text is not (error class: the person "BAHIA BLANCA", stored in
  // the knowledge base).
  if (std::all_of(tokens_.begin() + static_cast<std::ptrdiff_t>(i),
                  tokens_.begin() + static_cast<std::ptrdiff_t>(end), [&](const Token& t) {
                    return in_capitals(text_.substr(t.begin, t.end - t.begin));
                  })) {
    return std::nullopt;
  }
  std::size_t start = end + 1;
  if (is_word(start) && !tokens_[start].capitalized) {
    std::string k = key(tokens_[start]);
    start += k == "a" || k == "an" || k == "the" ? 1U : 0U;
  }
  std::size_t limit = std::min(tokens_.size(), start + kMaxRoleDistance);
  std::size_t role_end = start;  // the end of the last title in the phrase ("former ... chief")
  for (std::size_t k = start; k < limit && (is_word(k) || is_punct(k, '-')); ++k) {
    if (role_end > start && !tokens_[k].capitalized && key(tokens_[k]) == "and") {
      break;  // "chief and aide to Rasmussen": keep the first role
    }
    std::size_t t = title_chain(k);
    if (t > k) {
      role_end = t;
      k = t - 1;
    }
  }
  if (role_end == start) {
    return std::nullopt;
  }
  std::optional<Candidate> c = person(i, end);
  if (c && !c->gazetteer && !c->doc) {
    c->how = MatchKind::appositive;
    c->fresh.description = std::string(raw(start, role_end));
  }
  return c;
}

// The end of an unknown place's name at `i`: up to three capitalised words, hyphenated parts
// joined ("Pisky-Radkivski"), stopping at known names and at line breaks.
std::size_t Scan::place_end(std::size_t i) {
  std::size_t j = i;
  for (std::size_t words = 0; words < kMaxPlaceWords && name_word(j) &&
                              (j == i || !tokens_[j].newline_before) && !match_name(j);
       ++words) {
    ++j;
    while (is_punct(j, '-') && name_word(j + 1) && tokens_[j + 1].begin == tokens_[j].end &&
           tokens_[j].begin == tokens_[j - 1].end) {
      j += 2;
    }
  }
  return j;
}

// The country code of the region named right after a place ("Ivanivka, Kharkiv Oblast"), or
// after a distance ("Mayorsk (20km south of Bakhmut)"): the first gazetteer place or country in
// the parenthesis. Empty when there is none; "?" when the place is not followed by either.
std::string Scan::region_after(std::size_t end) {
  if (is_punct(end, ',')) {
    if (auto known = match_name(end + 1)) {
      const NamedEntity& e = g_.entities()[*known->gazetteer];
      const bool region = std::any_of(kRegionEnds.begin(), kRegionEnds.end(),
                                      [&](std::string_view r) { return e.name.ends_with(r); });
      if (region && e.kind == EntityKind::place) {
        return e.country;
      }
    }
    return "?";
  }
  if (!is_punct(end, '(')) {
    return "?";
  }
  std::size_t k = end + 1;
  if (is_word(k) && std::find(kApprox.begin(), kApprox.end(), key(tokens_[k])) != kApprox.end()) {
    ++k;
  }
  // "20km", "20 km", "20 kilometers", "12 miles"
  const std::string first = is_word(k) ? key(tokens_[k]) : "";
  const bool digits = !first.empty() && first[0] >= '0' && first[0] <= '9';
  const bool joined = digits && (first.ends_with("km") || first.ends_with("mi"));
  const std::string unit = is_word(k + 1) ? key(tokens_[k + 1]) : "";
  if (!digits || !(joined || unit == "km" || unit == "kilometers" || unit == "kilometres" ||
                   unit == "miles")) {
    return "?";
  }
  for (std::size_t j = k; j < tokens_.size() && j < k + 12 && !is_punct(j, ')'); ++j) {
    if (auto known = match_name(j)) {
      const NamedEntity& e = g_.entities()[*known->gazetteer];
      if (e.kind == EntityKind::place || e.kind == EntityKind::country) {
        return e.country;
      }
    }
  }
  return "";
}

// An unknown place the text introduces, or one it introduced earlier in the document.
std::optional<Candidate> Scan::match_place(std::size_t i) {
  const std::size_t end = place_end(i);
  if (end == i) {
    return std::nullopt;
  }
  if (auto it = place_keys_.find(joined_key(i, end)); it != place_keys_.end()) {
    return Candidate{i, end, MatchKind::place_context, {}, it->second, {}, {}, {}};
  }
  const auto listed_at = [&](std::size_t k, const auto& table) {
    return is_word(k) && std::find(table.begin(), table.end(), key(tokens_[k])) != table.end();
  };
  // "the village of Mayorsk", "near Mayorsk", "northwest of Mayorsk"
  const bool of = i >= 2 && is_word(i - 1) && key(tokens_[i - 1]) == "of";
  const bool cued =
      (of && (listed_at(i - 2, kSettlementWords) || listed_at(i - 2, kPlaceDirections))) ||
      (i >= 1 && listed_at(i - 1, kPlaceCues));
  std::string country = region_after(end);
  if (!cued && country == "?") {
    return std::nullopt;
  }
  Candidate c{i, end, MatchKind::place_context, {}, {}, {}, {}, {}};
  c.fresh.name = std::string(raw(i, end));
  c.fresh.kind = EntityKind::place;
  c.fresh.country = country == "?" ? "" : country;
  return c;
}

// "The President" or "the Head of State" (kOfficeDescriptions) for the person the document
// introduced in that office, with the office as the mention's title; not "the President of ...",
// "the President's Office", "the President Vladimir Putin" (a title before a name) or "the Office
// of the President".
std::optional<Candidate> Scan::match_office(std::size_t i) {
  if (!is_word(i) || (i > 0 && is_word(i - 1) && key(tokens_[i - 1]) == "of")) {
    return std::nullopt;
  }
  // "the Ukrainian Head of State", "the Russian President": a country's demonym after "the"
  // names whose holder the description means (error class: "Ukraine stresses need" for "The
  // Ukrainian Head of State also stressed the need ...", the demonym read as the country acting
  // and the President unnamed). The holder must be of that country.
  std::string_view qualifier;  // the demonym's country (ISO code), if any
  std::size_t after_qualifier = i + 1;
  if (const auto q = match_name(i + 1);
      q && q->how == MatchKind::demonym && q->gazetteer && q->last > i + 1) {
    qualifier = g_.entities()[*q->gazetteer].country;
    after_qualifier = q->last;
  }
  for (const auto& [phrase, office] : kOfficeDescriptions) {
    std::size_t j = i;
    std::size_t from = 0;
    bool same = true;
    while (same && from <= phrase.size()) {
      std::size_t to = phrase.find(' ', from);
      to = to == std::string_view::npos ? phrase.size() : to;
      same = is_word(j) && key(tokens_[j]) == phrase.substr(from, to - from);
      j = j == i && !qualifier.empty() ? after_qualifier : j + 1;
      from = to + 1;
    }
    if (!same) {
      continue;
    }
    if (is_word(j) && key(tokens_[j]) == "of") {
      return own_office(i, j, office);
    }
    if (name_word(j)) {
      return std::nullopt;
    }
    if (is_punct(j, '\'') && is_word(j + 1) && key(tokens_[j + 1]) == "s" && is_word(j + 2) &&
        key(tokens_[j + 2]) == "office") {
      return std::nullopt;
    }
    // The office is the mention's title, so the person is shown by name ("Volodymyr Zelensky
    // holds meeting", not "Head of State holds meeting").
    Candidate c{i, j, MatchKind::coreference, {}, {}, {}, std::string(raw(i + 1, j)), {}};
    if (const auto implied = publisher_office(office)) {
      c.gazetteer = implied;
    } else if (const auto holder = office_holders_.find(office); holder != office_holders_.end()) {
      c.doc = holder->second;
    } else if (const auto seed = seeds_.find(office); seed != seeds_.end()) {
      c.gazetteer = seed->second;
    } else {
      unresolved_office_ = qualifier.empty() || unresolved_office_;
      return std::nullopt;
    }
    const NamedEntity& holder = c.doc ? out_.entities[*c.doc].entity : g_.entities()[*c.gazetteer];
    if (!qualifier.empty() && holder.country != qualifier) {
      return std::nullopt;  // "the Russian President" in a Ukrainian readout: not its President
    }
    return c;
  }
  return std::nullopt;
}

std::size_t Scan::found_entity(const Candidate& c) {
  if (c.doc) {
    return *c.doc;
  }
  if (c.gazetteer) {
    auto [it, added] = doc_of_gazetteer_.try_emplace(*c.gazetteer, out_.entities.size());
    if (added) {
      out_.entities.push_back(FoundEntity{g_.entities()[*c.gazetteer], c.gazetteer});
    }
    return it->second;
  }
  out_.entities.push_back(FoundEntity{c.fresh, std::nullopt});
  return out_.entities.size() - 1;
}

// Lets later mentions of the person's full name or surname resolve to `doc`.
void Scan::remember_person(std::size_t doc) {
  const std::string& name = out_.entities[doc].entity.name;
  std::vector<Token> tokens;
  tokenize(name, tokens);
  std::string full;
  std::string surname;
  std::size_t words = 0;
  for (const Token& t : tokens) {
    std::string k = token_key(name, t);
    full += (full.empty() ? "" : " ") + k;
    if (t.punct == 0 && t.capitalized && !g_.is_stop_word(g_.token_id(k))) {
      surname = k;
      ++words;
    }
  }
  person_keys_[full] = doc;
  if (words >= 2 && !surname.empty()) {
    person_keys_[surname] = doc;
  }
}

// Lets a gazetteer organisation of one country, named with the country's adjective ("Ukrainian
// General Staff", "Russian Ministry of Defense"), be named later in the document without it
// ("the General Staff additionally reported"; error class, gold2 train: the claimant of such
// claims and the actor of what the body did left empty). Only names of two or more words
// remain; the latest body so named wins.
void Scan::remember_organisation(std::size_t doc) {
  const auto& index = out_.entities[doc].gazetteer_index;
  if (!index) {
    return;
  }
  const auto emplaced = body_keys_.try_emplace(*index);
  std::vector<std::string>& keys = emplaced.first->second;
  if (!emplaced.second) {
    for (const std::string& key : keys) {
      organisation_keys_[key] = doc;  // named again: the latest body so named wins
    }
    return;
  }
  const NamedEntity& body = g_.entities()[*index];
  if (body.kind != EntityKind::organisation || body.country.empty()) {
    return;
  }
  std::vector<std::string> adjectives;
  for (const NamedEntity& e : g_.entities()) {
    if (e.kind == EntityKind::country && e.country == body.country) {
      for (const std::string& d : e.demonyms) {
        std::vector<Token> tokens;
        tokenize(d, tokens);
        if (tokens.size() == 1) {
          adjectives.push_back(token_key(d, tokens.front()));
        }
      }
    }
  }
  auto remember = [&](const std::string& name) {
    std::vector<Token> tokens;
    tokenize(name, tokens);
    if (tokens.size() < 3 || tokens.size() > kMaxBodyWords + 1 || !tokens[1].capitalized ||
        std::find(adjectives.begin(), adjectives.end(), token_key(name, tokens.front())) ==
            adjectives.end()) {
      return;
    }
    std::string rest;
    for (std::size_t k = 1; k < tokens.size(); ++k) {
      rest += (rest.empty() ? "" : " ") + token_key(name, tokens[k]);
    }
    organisation_keys_[rest] = doc;
    keys.push_back(rest);
  };
  remember(body.name);
  for (const std::string& a : body.aliases) {
    remember(a);
  }
}

void Scan::emit(const Candidate& c) {
  Mention m;
  m.begin = tokens_[c.first].begin;
  m.end = tokens_[c.last - 1].end;
  m.text = std::string(text_.substr(m.begin, m.end - m.begin));
  m.entity = found_entity(c);
  m.how = c.how;
  m.title = c.title;
  if (c.affiliation) {
    Candidate a;
    a.gazetteer = c.affiliation;
    m.affiliation = found_entity(a);
  }
  out_.mentions.push_back(std::move(m));
  if (out_.entities[out_.mentions.back().entity].entity.kind == EntityKind::person) {
    const Mention& last = out_.mentions.back();
    std::string_view office = office_of(last.title);
    office = office.empty() && c.how != MatchKind::coreference
                 ? office_of(out_.entities[last.entity].entity.description)
                 : office;
    if (!office.empty()) {
      office_holders_.try_emplace(office, last.entity);
    }
    remember_person(out_.mentions.back().entity);
  } else if (c.how == MatchKind::place_context) {
    place_keys_.emplace(joined_key(c.first, c.last), out_.mentions.back().entity);
  } else if (c.how != MatchKind::coreference) {
    remember_organisation(out_.mentions.back().entity);
  }
}

}  // namespace

Recognition recognize(const Gazetteer& gazetteer, std::string_view text) {
  return recognize(gazetteer, text, text::scan(text));
}

Recognition recognize(const Gazetteer& gazetteer, std::string_view text,
                      std::span<const text::Piece> pieces) {
  return recognize(gazetteer, text, pieces, PublisherOffices{});
}

Recognition recognize(const Gazetteer& gazetteer, std::string_view text,
                      std::span<const text::Piece> pieces, const PublisherOffices& publisher) {
  Scan first(gazetteer, text, pieces, {}, &publisher);
  Recognition r = first.run();
  if (first.cataphora().empty()) {
    return r;
  }
  return Scan(gazetteer, text, pieces, first.cataphora(), &publisher).run();
}

PublisherOffices publisher_offices(const Gazetteer& gazetteer, std::string_view publisher,
                                   std::optional<date::sys_days> day) {
  PublisherOffices out;
  if (!day || publisher.empty()) {
    return out;
  }
  std::string lower(publisher);
  for (char& ch : lower) {
    ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + ('a' - 'A')) : ch;
  }
  const date::year_month_day ymd{*day};
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  const std::string_view iso(buf.data());
  for (const PublisherOffice& row : kPublisherOffices) {
    if (lower.find(row.publisher_word) == std::string::npos || iso < row.first || iso > row.last) {
      continue;
    }
    if (const auto holder = gazetteer.find(row.holder, EntityKind::person)) {
      out.try_emplace(row.office, *holder);
    }
  }
  return out;
}

std::span<const Mention> mentions_between(const Recognition& recognition, std::size_t begin,
                                          std::size_t end) {
  const std::vector<Mention>& all = recognition.mentions;
  auto first = std::lower_bound(all.begin(), all.end(), begin,
                                [](const Mention& m, std::size_t b) { return m.begin < b; });
  auto last = first;
  while (last != all.end() && last->end <= end) {
    ++last;
  }
  return {first, last};
}

}  // namespace kb::importers
