// Gazetteer: the in-memory indexes (vocabulary, name trie, title trie, stop words) and the
// merging of entities that appear in more than one data file.

#include "importers/entities/gazetteer.hpp"

#include <algorithm>
#include <utility>

#include "importers/entities/tokens.hpp"
#include "kb/text_key.hpp"

namespace kb::importers {
namespace {

// Short all-capital acronyms ("US", "U.K.", "EU", "G7") match only in that exact case.
bool is_short_acronym(std::string_view text) {
  int letters = 0;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') {
      return false;
    }
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    }
  }
  return letters > 0 && letters <= 3;
}

// Strips the "=" prefix that forces exact-case matching; reports whether it was there.
std::string_view strip_exact(std::string_view text, bool& exact) {
  exact = !text.empty() && text.front() == '=';
  return exact ? text.substr(1) : text;
}

void append_unique(std::vector<std::string>& to, const std::string& value) {
  if (std::find(to.begin(), to.end(), value) == to.end()) {
    to.push_back(value);
  }
}

}  // namespace

std::string_view to_string(MatchKind how) {
  switch (how) {
    case MatchKind::name:
      return "name";
    case MatchKind::alias:
      return "alias";
    case MatchKind::demonym:
      return "demonym";
    case MatchKind::metonym:
      return "metonym";
    case MatchKind::title_pattern:
      return "title_pattern";
    case MatchKind::appositive:
      return "appositive";
    case MatchKind::coreference:
      return "coreference";
    case MatchKind::place_context:
      return "place_context";
  }
  return "name";
}

std::vector<std::uint32_t> Gazetteer::intern(std::string_view text,
                                             std::vector<std::string>* surface) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  std::vector<std::uint32_t> ids;
  ids.reserve(tokens.size());
  for (const Token& t : tokens) {
    auto next = static_cast<std::uint32_t>(vocabulary_.size() + 1);
    auto [it, inserted] = vocabulary_.try_emplace(token_key(text, t), next);
    ids.push_back(it->second);
    if (surface != nullptr) {
      surface->emplace_back(text.substr(t.begin, t.end - t.begin));
    }
  }
  return ids;
}

void Gazetteer::index_name(std::size_t index, std::string_view text, MatchKind how) {
  bool exact = false;
  text = strip_exact(text, exact);
  if (text.substr(0, 4) == "the ") {
    text.remove_prefix(4);  // "the Kremlin": the article is optional and never part of a mention
  }
  NameEntry entry{index, how, exact || is_short_acronym(text), {}};
  std::vector<std::uint32_t> ids = intern(text, &entry.surface);
  if (ids.empty()) {
    return;
  }
  std::vector<NameEntry>& at = entries_[names_.insert(ids)];
  for (const NameEntry& e : at) {
    if (e.entity == index && e.exact_case == entry.exact_case) {
      return;
    }
  }
  at.push_back(std::move(entry));
  if (how == MatchKind::name || how == MatchKind::alias) {
    std::vector<std::size_t>& owners = by_key_[kb::alias_key(text)];
    if (std::find(owners.begin(), owners.end(), index) == owners.end()) {
      owners.push_back(index);
    }
  }
}

std::size_t Gazetteer::add_entity(NamedEntity entity) {
  bool exact = false;
  entity.name = std::string(strip_exact(entity.name, exact));
  std::optional<std::size_t> existing = find(entity.name, entity.kind);
  if (existing && kb::alias_key(entities_[*existing].name) == kb::alias_key(entity.name)) {
    NamedEntity& old = entities_[*existing];
    for (const std::string& a : entity.aliases) {
      (void)add_alias(*existing, a, MatchKind::alias);
    }
    for (const std::string& d : entity.demonyms) {
      (void)add_alias(*existing, d, MatchKind::demonym);
    }
    for (const std::string& m : entity.metonyms) {
      (void)add_alias(*existing, m, MatchKind::metonym);
    }
    if (old.country.empty()) {
      old.country = std::move(entity.country);
    }
    if (old.description.empty()) {
      old.description = std::move(entity.description);
    }
    if (old.wikidata.empty()) {
      old.wikidata = std::move(entity.wikidata);
    }
    return *existing;
  }
  std::size_t index = entities_.size();
  NamedEntity stored = entity;
  stored.aliases.clear();
  stored.demonyms.clear();
  stored.metonyms.clear();
  entities_.push_back(std::move(stored));
  index_name(index, exact ? "=" + entity.name : entity.name, MatchKind::name);
  for (const std::string& a : entity.aliases) {
    (void)add_alias(index, a, MatchKind::alias);
  }
  for (const std::string& d : entity.demonyms) {
    (void)add_alias(index, d, MatchKind::demonym);
  }
  for (const std::string& m : entity.metonyms) {
    (void)add_alias(index, m, MatchKind::metonym);
  }
  return index;
}

Result<void> Gazetteer::add_alias(std::size_t index, std::string_view alias, MatchKind how) {
  if (index >= entities_.size()) {
    return fail(Errc::invalid_argument, "no gazetteer entity #" + std::to_string(index));
  }
  bool exact = false;
  std::string plain(strip_exact(alias, exact));
  if (std::none_of(plain.begin(), plain.end(), [](char c) { return c != ' ' && c != '\t'; })) {
    return fail(Errc::invalid_argument, "empty alias for '" + entities_[index].name + "'");
  }
  NamedEntity& e = entities_[index];
  if (how == MatchKind::demonym) {
    append_unique(e.demonyms, plain);
  } else if (how == MatchKind::metonym) {
    append_unique(e.metonyms, plain);
  } else if (kb::alias_key(plain) != kb::alias_key(e.name)) {
    append_unique(e.aliases, plain);
  }
  index_name(index, alias, how);
  return ok();
}

void Gazetteer::add_title(std::string_view title) {
  std::vector<std::uint32_t> ids = intern(title, nullptr);
  if (!ids.empty()) {
    title_ends_.insert(titles_.insert(ids));
  }
}

void Gazetteer::add_stop_word(std::string_view word) {
  std::vector<std::uint32_t> ids = intern(word, nullptr);
  if (ids.size() == 1) {
    stop_words_.insert(ids.front());
  }
}

std::optional<std::size_t> Gazetteer::find(std::string_view name,
                                           std::optional<EntityKind> kind) const {
  auto it = by_key_.find(kb::alias_key(name));
  if (it == by_key_.end()) {
    return std::nullopt;
  }
  for (std::size_t index : it->second) {
    if (!kind || entities_[index].kind == *kind) {
      return index;
    }
  }
  return std::nullopt;
}

std::uint32_t Gazetteer::token_id(std::string_view key) const {
  auto it = vocabulary_.find(key);
  return it == vocabulary_.end() ? kUnknownToken : it->second;
}

const std::vector<NameEntry>& Gazetteer::entries_at(std::uint32_t node) const {
  static const std::vector<NameEntry> no_entries;
  auto it = entries_.find(node);
  return it == entries_.end() ? no_entries : it->second;
}

}  // namespace kb::importers
