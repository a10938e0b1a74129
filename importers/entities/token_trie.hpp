// TokenTrie: a trie over token ids, stored as one hash map of edges, so that the recogniser finds
// every gazetteer name starting at a token in a few hash lookups.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>

namespace kb::importers {

// Paths of token ids; each node is a number, the root is kRoot.
class TokenTrie {
 public:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // Adds the path `ids` (creating nodes as needed) and returns the node at its end.
  std::uint32_t insert(std::span<const std::uint32_t> ids);
  // The child of `node` along `id`, or kNone.
  std::uint32_t child(std::uint32_t node, std::uint32_t id) const;
  // The number of nodes, root included.
  std::uint32_t size() const { return nodes_; }

 private:
  static std::uint64_t edge(std::uint32_t node, std::uint32_t id) {
    return (static_cast<std::uint64_t>(node) << 32) | id;
  }
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
  std::uint32_t nodes_ = 1;
};

}  // namespace kb::importers
