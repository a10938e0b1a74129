// Feature hashing shared by the tagger and the parser: strings and small integers become 64-bit
// keys with a fixed, platform-independent hash, so a model trained here loads anywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb::analysis {

// FNV-1a over the bytes of `s`, then finalised with splitmix64 (stable across platforms).
constexpr std::uint64_t hash_string(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : s) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 1099511628211ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// Combines a running key with one more value (order matters).
constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  return h;
}

// A feature key: template number `t` with up to three values.
constexpr std::uint64_t feat(std::uint64_t t, std::uint64_t a) {
  return mix(mix(t * 0x100000001b3ULL + 1, a), 7);
}
constexpr std::uint64_t feat(std::uint64_t t, std::uint64_t a, std::uint64_t b) {
  return mix(mix(mix(t * 0x100000001b3ULL + 2, a), b), 11);
}
constexpr std::uint64_t feat(std::uint64_t t, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return mix(mix(mix(mix(t * 0x100000001b3ULL + 3, a), b), c), 13);
}

// ASCII lower case (other bytes unchanged): the case folding of every feature and table key.
inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// A small deterministic generator (splitmix64) for training orders and exploration, so a
// retrain gives the same bytes on any platform.
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

// Fisher–Yates shuffle driven by `rng`.
template <class T>
void shuffle(std::vector<T>& v, Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) {
    std::swap(v[i - 1], v[rng.next() % i]);
  }
}

}  // namespace kb::analysis
