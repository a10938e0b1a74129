// Dependency parser: arc-hybrid transitions (Kuhlmann et al. 2011) with the root at the end of
// the buffer, scored by an averaged perceptron over Zhang & Nivre (2011) style rich features.
// Beam width 1: greedy, trained with a dynamic oracle and exploration (Goldberg & Nivre 2012,
// 2013). Wider: beam search, trained globally (structured perceptron with max-violation
// updates, Huang et al. 2012; Zhang & Nivre 2011). Linear time in the sentence length: 2n
// transitions, each scoring a fixed set of features for each of at most `beam` configurations.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "importers/analysis/perceptron.hpp"
#include "importers/analysis/sentence.hpp"

namespace kb::analysis {

class Parser {
 public:
  // Sets `head` (1-based, 0 = root) and `deprel` of every word; tags must be set. Exactly one
  // word gets the root; the tree is projective.
  void parse(std::vector<Word>& words) const;

  struct Options {
    int iterations = 15;
    std::uint64_t seed = 1;
    double explore = 0.9;  // greedy: from the second pass on, follow the model's choice this often
    int beam = 1;          // 1: greedy; more: beam search with global training (<= kMaxBeam)
  };
  static constexpr std::uint32_t kMaxBeam = 64;
  // Trains on `sentences`, whose words carry gold heads/labels and the tags the parser will see
  // (predicted, ideally). `progress(iteration, parser)` is called after each pass (may be empty).
  static Parser train(const std::vector<ParsedSentence>& sentences, const Options& options,
                      const std::function<void(int, const Parser&)>& progress = {});

  // Drops weights of magnitude <= `threshold` (smaller model, see TrainOptions::prune).
  void prune(float threshold) { model_ = model_.pruned(threshold); }
  std::size_t weights() const { return model_.weights(); }

  // The beam width parse() uses: the one the parser was trained with (1 for a file of format
  // kb-parser-1), or another for measurement; clamped to 1..kMaxBeam.
  int beam() const { return beam_; }
  void set_beam(int width) { beam_ = std::clamp(width, 1, static_cast<int>(kMaxBeam)); }

  void write(std::string& out) const;
  // `owner`, when given, keeps `in` alive: the weights are used where they lie (perceptron.hpp).
  static Result<Parser> read(std::string_view in, std::size_t& pos,
                             const std::shared_ptr<const void>& owner = {});

 private:
  std::vector<std::string> labels_;
  int beam_ = 1;
  LinearModel model_;  // classes: 0 shift, 1 + 2l left-arc with label l, 2 + 2l right-arc
};

}  // namespace kb::analysis
