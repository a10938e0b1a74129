// TokenTrie: insertion and child lookup.

#include "importers/entities/token_trie.hpp"

namespace kb::importers {

std::uint32_t TokenTrie::insert(std::span<const std::uint32_t> ids) {
  std::uint32_t node = kRoot;
  for (std::uint32_t id : ids) {
    auto [it, inserted] = edges_.try_emplace(edge(node, id), nodes_);
    if (inserted) {
      ++nodes_;
    }
    node = it->second;
  }
  return node;
}

std::uint32_t TokenTrie::child(std::uint32_t node, std::uint32_t id) const {
  auto it = edges_.find(edge(node, id));
  return it == edges_.end() ? kNone : it->second;
}

}  // namespace kb::importers
