// Averaged perceptron over hashed features with sparse per-class weights: a trainer (used only by
// the retrain tool) and a compact, read-only model with a binary file format of its own.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "importers/analysis/page_array.hpp"
#include "kb/result.hpp"

namespace kb::analysis {

// A trained model: feature key -> a few (class, weight) pairs. Scoring adds the weights of the
// given features into a dense score vector. Immutable once built; safe to share across threads,
// and copies share the tables.
class LinearModel {
 public:
  using Rows = std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint16_t, float>>>>;

  LinearModel() = default;

  // Adds to `scores` (size >= classes()) the weights of every feature in `keys`.
  void score(std::span<const std::uint64_t> keys, std::span<float> scores) const;

  // The rows a caller looked up last, for one that scores many overlapping feature sets (the
  // parser's configurations share most of their features with the beam's other items and with
  // the step before): direct-mapped, key -> the key's row or none, so that a repeated key costs
  // no probe into the table, which is far larger than the caches. Tied to the model it was last
  // used with (a model that shares its tables counts as the same model); used with another it
  // starts empty. Not thread-safe: one per thread.
  class Memo {
   public:
    Memo() : entries_(kSize) {}

   private:
    friend class LinearModel;
    static constexpr std::size_t kSize = 4096;  // 64 KB
    static constexpr std::uint32_t kAbsent = 0xFFFFFFFFU;
    struct Entry {
      std::uint64_t key = 0;  // 0: empty (keys are never 0 in the table)
      std::uint32_t slot = kAbsent;
    };
    std::vector<Entry> entries_;
    std::uint64_t model_ = 0;  // the id of the model the entries belong to
    // Long rows (the bias, tags, frequent words: most of the weights a parser configuration
    // adds) also as dense vectors of every class's weight, 0 where the row has none: added
    // class by class in one pass the compiler vectorises, instead of one scattered weight at a
    // time. Each class's sum gets the same weights in the same order (x + 0 is x), so the same
    // floats. Direct-mapped by key.
    static constexpr std::size_t kDenseRows = 512;
    static constexpr std::uint16_t kDenseFrom = 24;  // rows of at least this many weights
    std::vector<std::uint64_t> dense_keys_;          // 0: empty
    std::vector<float> dense_;                       // kDenseRows x the model's classes
  };
  // score() with `memo`: the same sums, in the same order, so the same floats.
  void score(std::span<const std::uint64_t> keys, std::span<float> scores, Memo& memo) const;

  std::size_t classes() const { return classes_; }
  std::size_t features() const { return count_; }
  std::size_t weights() const { return ncells_; }

  // Serialisation: appends the model to `out`; reads one back from `in` at `pos` (advanced).
  // The file holds the lookup table as it lies in memory (format 2, below), so that a model
  // read from a mapped file (`owner` keeps those bytes alive, see ModelFile) uses the table
  // where it lies instead of building it: loading costs no time in proportion to the table.
  // Files of format 1 (rows only) are still read, by building the table.
  void write(std::string& out) const;
  static Result<LinearModel> read(std::string_view in, std::size_t& pos,
                                  const std::shared_ptr<const void>& owner = {});

  // A copy without the weights of magnitude <= `threshold` (rows left empty are dropped).
  LinearModel pruned(float threshold) const;

  // The model whose every weight is the mean of that weight over `models` (absent = 0): bagging
  // of models trained on shuffles of the same data, which steadies what one shuffle decides.
  // The models must have the same number of classes (Errc::invalid_argument otherwise).
  static Result<LinearModel> mean(std::span<const LinearModel> models);

  // Builds the runtime table; used by the trainer. `rows` maps key -> (class, weight) pairs.
  static LinearModel build(std::size_t classes, const Rows& rows);

 private:
  // Open addressing with linear probing over `slots_` (key 0 = empty; a key of 0 is remapped
  // to 1 at build and lookup time); a slot's weights are cells_[begin, begin + len). Key and
  // range share a cache line and a cell holds its class beside its weight: a lookup costs two
  // memory fetches, which score() overlaps across all of a decision's features. The layout is
  // the file's (little-endian, 16 bytes a slot).
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t begin = 0;
    std::uint16_t len = 0;
    std::uint16_t unused = 0;
  };
  struct Cell {
    std::uint16_t cls = 0;
    float w = 0.0F;
  };
  // A weight as the file stores it: the float is q * scale_, the same float a Cell would hold.
  struct QCell {
    std::uint16_t cls = 0;
    std::int16_t q = 0;
  };
  std::size_t classes_ = 0;
  std::size_t count_ = 0;  // keys in the table
  // Names the tables (a fresh one each time a table is built or read; copies share it): what a
  // Memo is tied to.
  std::uint64_t id_ = 0;
  static std::uint64_t next_id();
  std::uint64_t mask_ = 0;
  unsigned shift_ = 60;
  // No key lies further than this from its home slot: a lookup stops there (also on a damaged
  // file whose table has no empty slot).
  std::uint32_t max_probe_ = 0;
  // The quantisation step of the weights in the file; kept so that a model read and written
  // again gives the same bytes.
  float scale_ = 1.0F;
  // A key's home slot is its top bits, so rows inserted in ascending key order (the trainer's
  // order) fill the table in ascending slot order.
  std::uint64_t slot_of(std::uint64_t key) const { return key >> shift_; }
  const Slot* slots_ = nullptr;             // mask_ + 1 slots, or nullptr when empty
  std::shared_ptr<const void> slot_owner_;  // keeps slots_ alive: our own pages or the file
  // The weights: floats for a model the trainer built (or read from a format-1 file); for a
  // format-2 file its 16-bit weights where they lie (qcells_), so that loading reads none of
  // them. Exactly one of the two is set when the model has weights.
  const Cell* cells_ = nullptr;
  const QCell* qcells_ = nullptr;
  std::size_t ncells_ = 0;
  std::shared_ptr<const void> cell_owner_;  // keeps cells_ or qcells_ alive
  std::uint16_t cls_at(std::size_t i) const { return qcells_ ? qcells_[i].cls : cells_[i].cls; }
  float weight_at(std::size_t i) const {
    return qcells_ ? static_cast<float>(qcells_[i].q) * scale_ : cells_[i].w;
  }
  // Sizes the table for `cap` slots (a power of two).
  void set_capacity(std::size_t cap);
  // While building: the slot key `k` belongs in (its own, else the first empty one from its
  // home slot); the longest probe grows to reach it.
  Slot& place(PageArray<Slot>& slots, std::uint64_t k);
  // Takes built tables: `slots`, and the first `used` of `cells`.
  void own(std::shared_ptr<PageArray<Slot>> slots, std::shared_ptr<PageArray<Cell>> cells,
           std::size_t used);
  // Finds the slot of `raw`'s key, or nullptr.
  const Slot* find(std::uint64_t raw) const;
  // Adds the weights of the row in slot `s` to `scores`.
  void add_row(const Slot& s, std::span<float> scores) const;
  // The same, from the row's dense vector in `memo` (made there when absent).
  void add_dense(const Slot& s, std::span<float> scores, Memo& memo) const;
  static Result<LinearModel> read_rows(std::string_view in, std::size_t& pos,
                                       std::uint32_t classes);
};

// The bytes of a model file, memory-mapped read-only; models read from them with `owner()`
// keep the mapping alive and use their tables in place.
class ModelFile {
 public:
  // Errc::not_found naming `what` and the path when it cannot be opened, Errc::storage when it
  // cannot be mapped.
  static Result<ModelFile> map(const std::filesystem::path& path, std::string_view what);
  std::string_view bytes() const { return bytes_; }
  const std::shared_ptr<const void>& owner() const { return owner_; }

 private:
  std::string_view bytes_;
  std::shared_ptr<const void> owner_;
};

// Averaged perceptron trainer (Collins 2002) with lazy averaging. Deterministic.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::size_t classes) : classes_(classes) {}

  // Current (not averaged) scores of `keys` into `scores`.
  void score(std::span<const std::uint64_t> keys, std::span<float> scores) const;
  // One update: +1 to `good`, -1 to `bad` for every key; `tick()` once per training instance.
  void update(std::span<const std::uint64_t> keys, std::size_t good, std::size_t bad);
  // Adds `delta` to the weight of class `cls` for every key (global training's updates).
  void add(std::span<const std::uint64_t> keys, std::size_t cls, float delta);
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
  // score()'s memo of rows looked up since the last change to the table (a beam search scores
  // the same keys many times between two updates): direct-mapped, key -> row or none; an entry
  // holds only while its generation is the current one, and every add() starts a new one. A row
  // found stays where it is (the map's elements never move), so an entry is never stale.
  struct MemoEntry {
    std::uint64_t key = 0;
    std::uint64_t generation = 0;
    const std::vector<Cell>* row = nullptr;
  };
  static constexpr std::size_t kMemoSize = 8192;
  mutable std::vector<MemoEntry> memo_ = std::vector<MemoEntry>(kMemoSize);
  std::uint64_t generation_ = 1;
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
// Writes a model file whole: into a temporary file beside it, then renamed over it, so that a kb
// process that has the old file mapped keeps reading the old bytes (a file truncated under a
// mapping would stop it with SIGBUS). Errc::storage naming the path on failure.
Result<void> write_model_file(const std::filesystem::path& path, std::string_view bytes);
// Reads the length-prefixed tag that opens each part of a model file; Errc::parse naming the
// expected tag when it is something else.
Result<void> expect_magic(std::string_view in, std::size_t& pos, std::string_view magic);

}  // namespace kb::analysis
