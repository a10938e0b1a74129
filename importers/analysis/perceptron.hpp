// Averaged perceptron over hashed features with sparse per-class weights: a trainer (used only by
// the retrain tool) and a compact, read-only model with a binary file format of its own.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/result.hpp"

namespace kb::analysis {

// A trained model: feature key -> a few (class, weight) pairs. Scoring adds the weights of the
// given features into a dense score vector. Immutable once built; safe to share across threads.
class LinearModel {
 public:
  LinearModel() = default;

  // Adds to `scores` (size >= classes()) the weights of every feature in `keys`.
  void score(std::span<const std::uint64_t> keys, std::span<float> scores) const;

  std::size_t classes() const { return classes_; }
  std::size_t features() const { return slots_.empty() ? 0 : count_; }
  std::size_t weights() const { return cells_.size(); }

  // Serialisation: appends the model to `out`; reads one back from `in` at `pos` (advanced).
  void write(std::string& out) const;
  static Result<LinearModel> read(std::string_view in, std::size_t& pos);

  // A copy without the weights of magnitude <= `threshold` (rows left empty are dropped).
  LinearModel pruned(float threshold) const;

  // The model whose every weight is the mean of that weight over `models` (absent = 0): bagging
  // of models trained on shuffles of the same data, which steadies what one shuffle decides.
  // The models must have the same number of classes (Errc::invalid_argument otherwise).
  static Result<LinearModel> mean(std::span<const LinearModel> models);

  // Builds the runtime table; used by the trainer. `rows` maps key -> (class, weight) pairs.
  static LinearModel build(
      std::size_t classes,
      const std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint16_t, float>>>>&
          rows);

 private:
  std::size_t classes_ = 0;
  std::size_t count_ = 0;
  std::uint64_t mask_ = 0;
  unsigned shift_ = 60;
  // A key's home slot is its top bits, so rows stored in ascending key order (the file's
  // order) are inserted in ascending slot order: loading writes memory sequentially.
  std::uint64_t slot_of(std::uint64_t key) const { return key >> shift_; }
  // Open addressing over slots_ (key 0 = empty); a slot's weights are cells_[begin, begin +
  // len). Key and range share a cache line, and a cell holds its class beside its weight: a
  // lookup costs two memory fetches, which score() overlaps across all of a decision's features.
  // A key of 0 is remapped to 1 at build and lookup time.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t begin = 0;
    std::uint16_t len = 0;
  };
  struct Cell {
    std::uint16_t cls = 0;
    float w = 0.0F;
  };
  std::vector<Slot> slots_;
  std::vector<Cell> cells_;
  // Finds the slot of `raw`'s key, or nullptr.
  const Slot* find(std::uint64_t raw) const;
};

// Averaged perceptron trainer (Collins 2002) with lazy averaging. Deterministic.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::size_t classes) : classes_(classes) {}

  // Current (not averaged) scores of `keys` into `scores`.
  void score(std::span<const std::uint64_t> keys, std::span<float> scores) const;
  // One update: +1 to `good`, -1 to `bad` for every key; `tick()` once per training instance.
  void update(std::span<const std::uint64_t> keys, std::size_t good, std::size_t bad);
  void tick() { ++now_; }

  // The averaged model; weights whose magnitude is below `prune` are dropped.
  LinearModel average(float prune = 0.0F) const;

 private:
  struct Cell {
    std::uint16_t cls;
    float w;
    double total;  // sum of w over time up to `stamp`
    std::uint64_t stamp;
  };
  std::size_t classes_;
  std::uint64_t now_ = 1;
  std::unordered_map<std::uint64_t, std::vector<Cell>> table_;
};

// Small binary helpers for model files (little-endian, length-prefixed strings).
void put_u32(std::string& out, std::uint32_t v);
void put_u16(std::string& out, std::uint16_t v);
void put_u64(std::string& out, std::uint64_t v);
void put_str(std::string& out, std::string_view s);
Result<std::uint32_t> get_u32(std::string_view in, std::size_t& pos);
Result<std::uint16_t> get_u16(std::string_view in, std::size_t& pos);
Result<std::uint64_t> get_u64(std::string_view in, std::size_t& pos);
Result<std::string> get_str(std::string_view in, std::size_t& pos);
void put_f32(std::string& out, float v);
// Errc::parse when the value is not finite.
Result<float> get_f32(std::string_view in, std::size_t& pos);
// The bytes of a model file; Errc::not_found naming `what` and the path when it cannot be
// opened, Errc::storage when it cannot be read.
Result<std::string> read_model_file(const std::filesystem::path& path, std::string_view what);
// Reads the length-prefixed tag that opens each part of a model file; Errc::parse naming the
// expected tag when it is something else.
Result<void> expect_magic(std::string_view in, std::size_t& pos, std::string_view magic);

}  // namespace kb::analysis
