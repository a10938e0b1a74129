// Part-of-speech tagger: a greedy left-to-right averaged perceptron over hashed lexical and
// context features that predicts the UPOS and Penn XPOS tags of a word jointly, with a tag
// dictionary for frequent unambiguous words, and optionally a second left-to-right pass that also
// reads the first pass's tags of the words to the right. Trained on the UD English Web Treebank.
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
  // words before it; with a second pass, also the first pass's tags of the words after it).
  // Linear in the number of words.
  void tag(std::vector<Word>& words) const;

  // Trains on `sentences` (gold tags) for `iterations` passes in an order fixed by `seed`.
  // With `second_pass_folds` >= 2, a second pass is trained on first-pass tags jackknifed over
  // that many folds (each fold tagged by a first pass trained on the others). `progress(pass)`
  // is called after each training pass, the second pass's numbered on from the first's (may be
  // empty).
  static Tagger train(const std::vector<ParsedSentence>& sentences, int iterations,
                      std::uint64_t seed,
                      const std::function<void(int, const Tagger&)>& progress = {},
                      int second_pass_folds = 0);
  // A two-pass tagger trained as train() with `folds` (>= 2) second-pass folds, which also gives
  // `heldout`: `sentences` with each fold's tags predicted by a first and a second pass trained
  // on the other folds (the parser's training tags, as good as the tagger's on new text). Two
  // trainings per fold and two for the tagger itself.
  static Tagger train_jackknifed(const std::vector<ParsedSentence>& sentences, int iterations,
                                 std::uint64_t seed, int folds,
                                 std::vector<ParsedSentence>& heldout,
                                 const std::function<void(int, const Tagger&)>& progress = {});

  // Drops weights of magnitude <= `threshold` (smaller model, see TrainOptions::prune).
  void prune(float threshold) {
    model_ = model_.pruned(threshold);
    if (two_pass_) {
      model2_ = model2_.pruned(threshold);
    }
  }
  std::size_t weights() const { return model_.weights() + (two_pass_ ? model2_.weights() : 0); }
  bool two_pass() const { return two_pass_; }

  void write(std::string& out) const;
  // `owner`, when given, keeps `in` alive: the weights are used where they lie (perceptron.hpp).
  static Result<Tagger> read(std::string_view in, std::size_t& pos,
                             const std::shared_ptr<const void>& owner = {});

  const std::vector<std::string>& classes() const { return classes_; }

 private:
  static Tagger train_core(const std::vector<ParsedSentence>& sentences, int iterations,
                           std::uint64_t seed, int folds, std::vector<ParsedSentence>* heldout,
                           const std::function<void(int, const Tagger&)>& progress);

  std::vector<std::string> classes_;                          // "UPOS\tXPOS"
  std::unordered_map<std::uint64_t, std::uint16_t> tagdict_;  // lower-case form -> class
  std::vector<std::uint8_t> flags_;  // per class: finite verb, clause boundary (tagger.cpp)
  LinearModel model_;                // the first pass
  LinearModel model2_;               // the second pass, when two_pass_
  bool two_pass_ = false;
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
