// Part-of-speech tagger: a greedy left-to-right averaged perceptron over hashed lexical and
// context features that predicts the UPOS and Penn XPOS tags of a word jointly, with a tag
// dictionary for frequent unambiguous words. Trained on the UD English Web Treebank.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "importers/analysis/perceptron.hpp"
#include "importers/analysis/sentence.hpp"

namespace kb::analysis {

class Tagger {
 public:
  // Fills `upos` and `xpos` of every word from its form (and the tags already given to the
  // words before it). Linear in the number of words.
  void tag(std::vector<Word>& words) const;

  // Trains on `sentences` (gold tags) for `iterations` passes in an order fixed by `seed`.
  // `progress(iteration)` is called after each pass (may be empty).
  static Tagger train(const std::vector<ParsedSentence>& sentences, int iterations,
                      std::uint64_t seed,
                      const std::function<void(int, const Tagger&)>& progress = {});

  // Drops weights of magnitude <= `threshold` (smaller model, see TrainOptions::prune).
  void prune(float threshold) { model_ = model_.pruned(threshold); }
  std::size_t weights() const { return model_.weights(); }

  void write(std::string& out) const;
  // `owner`, when given, keeps `in` alive: the weights are used where they lie (perceptron.hpp).
  static Result<Tagger> read(std::string_view in, std::size_t& pos,
                             const std::shared_ptr<const void>& owner = {});

  const std::vector<std::string>& classes() const { return classes_; }

 private:
  std::vector<std::string> classes_;                          // "UPOS\tXPOS"
  std::unordered_map<std::uint64_t, std::uint16_t> tagdict_;  // lower-case form -> class
  LinearModel model_;
};

// Per-word hashes the feature templates use (computed once per word).
struct WordKeys {
  std::uint64_t form = 0;
  std::uint64_t lower = 0;
  std::uint64_t shape = 0;
  std::array<std::uint64_t, 4> suffix = {0, 0, 0, 0};
  std::array<std::uint64_t, 3> prefix = {0, 0, 0};
  std::uint64_t flags = 0;
  std::uint64_t cluster = 0, coarse = 0;  // the word's classes (clusters.hpp), 0: unknown
};
WordKeys word_keys(std::string_view form);
// The keys of `w`: its form's, and its word classes.
WordKeys word_keys(const Word& w);

}  // namespace kb::analysis
