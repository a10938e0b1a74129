// LinearModel and PerceptronTrainer: see perceptron.hpp.
#include "importers/analysis/perceptron.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kb::analysis {
namespace {

std::uint64_t nonzero(std::uint64_t k) { return k == 0 ? 1 : k; }

// Little-endian integers of any width.
template <class T>
void put_le(std::string& out, T v) {
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    out.push_back(static_cast<char>((static_cast<std::uint64_t>(v) >> (8 * i)) & 0xFFU));
  }
}

template <class T>
Result<T> get_le(std::string_view in, std::size_t& pos) {
  if (in.size() < sizeof(T) || pos > in.size() - sizeof(T)) {
    return fail(Errc::parse, "model file truncated at byte " + std::to_string(pos));
  }
  T v = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    v = static_cast<T>(
        v | static_cast<T>(static_cast<T>(static_cast<std::uint8_t>(in[pos + i])) << (8 * i)));
  }
  pos += sizeof(T);
  return v;
}

}  // namespace

void put_u16(std::string& out, std::uint16_t v) { put_le(out, v); }
void put_u32(std::string& out, std::uint32_t v) { put_le(out, v); }
void put_u64(std::string& out, std::uint64_t v) { put_le(out, v); }
Result<std::uint16_t> get_u16(std::string_view in, std::size_t& pos) {
  return get_le<std::uint16_t>(in, pos);
}
Result<std::uint32_t> get_u32(std::string_view in, std::size_t& pos) {
  return get_le<std::uint32_t>(in, pos);
}
Result<std::uint64_t> get_u64(std::string_view in, std::size_t& pos) {
  return get_le<std::uint64_t>(in, pos);
}

void put_f32(std::string& out, float v) { put_u32(out, std::bit_cast<std::uint32_t>(v)); }

Result<float> get_f32(std::string_view in, std::size_t& pos) {
  KB_ASSIGN(const std::uint32_t bits, get_u32(in, pos));
  const auto v = std::bit_cast<float>(bits);
  if (!std::isfinite(v)) {
    return fail(Errc::parse, "a model value is not a finite number");
  }
  return v;
}

Result<std::string> read_model_file(const std::filesystem::path& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    return fail(Errc::not_found, "cannot read the " + std::string(what) + " " + path.string());
  }
  const std::streamoff size = in.tellg();
  std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(size, 0)), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) {
    return fail(Errc::storage, "cannot read the " + std::string(what) + " " + path.string());
  }
  return bytes;
}

Result<void> write_model_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      return fail(Errc::storage, "cannot write " + tmp.string());
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return fail(Errc::storage, "cannot replace " + path.string());
  }
  return ok();
}

void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

Result<void> expect_magic(std::string_view in, std::size_t& pos, std::string_view magic) {
  KB_ASSIGN(std::string found, get_str(in, pos));
  if (found != magic) {
    return fail(Errc::parse, "not a kb model part (expected '" + std::string(magic) + "')");
  }
  return ok();
}

Result<std::string> get_str(std::string_view in, std::size_t& pos) {
  KB_ASSIGN(std::uint32_t n, get_u32(in, pos));
  if (n > in.size() - pos) {
    return fail(Errc::parse, "model file truncated at byte " + std::to_string(pos));
  }
  std::string s(in.substr(pos, n));
  pos += n;
  return s;
}

namespace {

// Format 2 opens with this where format 1 has its class count (at most 65535).
constexpr std::uint32_t kTableFormat2 = 0x3254424BU;  // "KBT2"
constexpr std::size_t kSlotBytes = 16;
constexpr std::size_t kCellBytes = 4;

static_assert(std::endian::native == std::endian::little,
              "model tables are read in place: a little-endian host is assumed");

// The table's size for `n` keys: a power of two at least 4n/3 (load factor <= 3/4, ~1/2 on
// average), at least 16.
std::size_t capacity_for(std::size_t n) {
  std::size_t cap = 16;
  while (cap * 3 < n * 4) {
    cap *= 2;
  }
  return cap;
}

}  // namespace

void LinearModel::set_capacity(std::size_t cap) {
  mask_ = cap - 1;
  shift_ = static_cast<unsigned>(64 - std::countr_zero(cap));
}

LinearModel::Slot& LinearModel::place(PageArray<Slot>& slots, std::uint64_t k) {
  std::uint64_t slot = slot_of(k);
  std::uint32_t probe = 0;
  while (slots[slot].key != 0 && slots[slot].key != k) {
    slot = (slot + 1) & mask_;
    ++probe;
  }
  max_probe_ = std::max(max_probe_, probe);
  return slots[slot];
}

void LinearModel::own(std::shared_ptr<PageArray<Slot>> slots,
                      std::shared_ptr<PageArray<Cell>> cells, std::size_t used) {
  cells->shrink(used);
  slots_ = slots->data();
  slot_owner_ = std::move(slots);
  cells_ = cells->data();
  ncells_ = used;
  cell_owner_ = std::move(cells);
  id_ = next_id();
}

const LinearModel::Slot* LinearModel::find(std::uint64_t raw) const {
  const std::uint64_t k = nonzero(raw);
  std::uint64_t slot = slot_of(k);
  for (std::uint32_t probe = 0; probe <= max_probe_; ++probe, slot = (slot + 1) & mask_) {
    const Slot& here = slots_[slot];
    if (here.key == k) {
      // A range outside the cells (only in a damaged file) holds nothing.
      return here.begin <= ncells_ && here.len <= ncells_ - here.begin ? &here : nullptr;
    }
    if (here.key == 0) {
      return nullptr;
    }
  }
  return nullptr;
}

std::uint64_t LinearModel::next_id() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

void LinearModel::add_row(const Slot& s, std::span<float> scores) const {
  if (qcells_ != nullptr) {
    for (std::uint32_t c = s.begin; c < s.begin + s.len; ++c) {
      // The same float a Cell read from the file holds; a class past the model's (only in a
      // damaged file, whose weights are not checked at load) adds nothing.
      const float w = static_cast<float>(qcells_[c].q) * scale_;
      if (qcells_[c].cls < classes_) {
        scores[qcells_[c].cls] += w;
      }
    }
  } else {
    for (std::uint32_t c = s.begin; c < s.begin + s.len; ++c) {
      scores[cells_[c].cls] += cells_[c].w;
    }
  }
}

void LinearModel::add_dense(const Slot& s, std::span<float> scores, Memo& memo) const {
  const std::size_t d = (s.key >> 32) & (Memo::kDenseRows - 1);
  float* row = memo.dense_.data() + d * classes_;
  if (memo.dense_keys_[d] != s.key) {
    std::fill(row, row + classes_, 0.0F);
    add_row(s, std::span<float>(row, classes_));
    memo.dense_keys_[d] = s.key;
  }
  // Four classes at a time (each lane the scalar sum it stands for), then the rest.
  using Four = float __attribute__((vector_size(16)));
  float* out = scores.data();
  std::size_t c = 0;
  for (; c + 4 <= classes_; c += 4) {
    Four a;
    Four b;
    std::memcpy(&a, out + c, sizeof a);
    std::memcpy(&b, row + c, sizeof b);
    a += b;
    std::memcpy(out + c, &a, sizeof a);
  }
  for (; c < classes_; ++c) {
    out[c] += row[c];
  }
}

void LinearModel::score(std::span<const std::uint64_t> keys, std::span<float> scores,
                        Memo& memo) const {
  if (slots_ == nullptr) {
    return;
  }
  if (memo.model_ != id_) {
    std::fill(memo.entries_.begin(), memo.entries_.end(), Memo::Entry{});
    memo.dense_keys_.assign(Memo::kDenseRows, 0);
    memo.dense_.assign(Memo::kDenseRows * classes_, 0.0F);
    memo.model_ = id_;
  }
  // As score(), with the memo asked first: only the keys it does not hold are probed (their
  // slots fetched together, then their rows), and what the probe found is kept.
  constexpr std::size_t kBatch = 128;
  std::array<const Slot*, kBatch> found{};
  std::array<bool, kBatch> miss{};
  for (std::size_t from = 0; from < keys.size(); from += kBatch) {
    const std::size_t n = std::min(kBatch, keys.size() - from);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t k = nonzero(keys[from + i]);
      const Memo::Entry& e = memo.entries_[k & (Memo::kSize - 1)];
      miss[i] = e.key != k;
      if (miss[i]) {
        __builtin_prefetch(&slots_[slot_of(k)]);
      } else {
        found[i] = e.slot == Memo::kAbsent ? nullptr : &slots_[e.slot];
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (miss[i]) {
        const std::uint64_t k = nonzero(keys[from + i]);
        found[i] = find(k);
        memo.entries_[k & (Memo::kSize - 1)] = Memo::Entry{
            k, found[i] == nullptr ? Memo::kAbsent : static_cast<std::uint32_t>(found[i] - slots_)};
        if (found[i] != nullptr) {
          __builtin_prefetch(qcells_ != nullptr
                                 ? static_cast<const void*>(&qcells_[found[i]->begin])
                                 : static_cast<const void*>(&cells_[found[i]->begin]));
        }
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (found[i] == nullptr) {
        continue;
      }
      if (found[i]->len >= Memo::kDenseFrom) {
        add_dense(*found[i], scores, memo);
      } else {
        add_row(*found[i], scores);
      }
    }
  }
}

void LinearModel::score(std::span<const std::uint64_t> keys, std::span<float> scores) const {
  if (slots_ == nullptr) {
    return;
  }
  // The table is far larger than the caches: ask for every feature's slot first, then probe
  // each and ask for its weights, then add them, so the memory fetches of all features overlap
  // instead of waiting one after another.
  for (std::uint64_t raw : keys) {
    __builtin_prefetch(&slots_[slot_of(nonzero(raw))]);
  }
  constexpr std::size_t kBatch = 128;
  std::array<const Slot*, kBatch> found{};
  for (std::size_t from = 0; from < keys.size(); from += kBatch) {
    const std::size_t n = std::min(kBatch, keys.size() - from);
    for (std::size_t i = 0; i < n; ++i) {
      found[i] = find(keys[from + i]);
      if (found[i] != nullptr) {
        __builtin_prefetch(qcells_ != nullptr ? static_cast<const void*>(&qcells_[found[i]->begin])
                                              : static_cast<const void*>(&cells_[found[i]->begin]));
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (found[i] != nullptr) {
        add_row(*found[i], scores);
      }
    }
  }
}

LinearModel LinearModel::build(std::size_t classes, const Rows& rows) {
  LinearModel m;
  m.classes_ = classes;
  const std::size_t cap = capacity_for(rows.size());
  m.set_capacity(cap);
  auto slots = std::make_shared<PageArray<Slot>>(cap);
  std::size_t total = 0;
  float largest = 0.0F;
  for (const auto& row : rows) {
    total += row.second.size();
    for (const auto& cell : row.second) {
      largest = std::max(largest, std::fabs(cell.second));
    }
  }
  // The step the file's 16-bit weights are written with: largest |weight| / 32767.
  m.scale_ = largest > 0.0F ? largest / 32767.0F : 1.0F;
  auto cells = std::make_shared<PageArray<Cell>>(total);
  std::size_t used = 0;
  for (const auto& [raw, row] : rows) {
    const std::uint64_t k = nonzero(raw);
    Slot& slot = m.place(*slots, k);
    if (slot.key == k) {
      continue;  // a hash collision of two keys: keep the first
    }
    ++m.count_;
    slot = Slot{k, static_cast<std::uint32_t>(used), static_cast<std::uint16_t>(row.size()), 0};
    for (const auto& [c, w] : row) {
      (*cells)[used++] = Cell{c, w};
    }
  }
  m.own(std::move(slots), std::move(cells), used);
  return m;
}

// Format 2: u32 "KBT2", u32 classes, u32 keys, u32 slots (a power of two), u32 longest probe,
// u32 cells, f32 scale, zero bytes up to a multiple of 16 from the start of the file, the slots
// (u64 key, u32 first cell, u16 cells, u16 zero; key 0 = empty), then the cells (u16 class, i16
// weight / scale). Weights are quantised to 16 bits. The same rows always give the same bytes.
void LinearModel::write(std::string& out) const {
  const std::size_t cap = slots_ == nullptr ? 0 : mask_ + 1;
  put_u32(out, kTableFormat2);
  put_u32(out, static_cast<std::uint32_t>(classes_));
  put_u32(out, static_cast<std::uint32_t>(count_));
  put_u32(out, static_cast<std::uint32_t>(cap));
  put_u32(out, max_probe_);
  put_u32(out, static_cast<std::uint32_t>(weights()));
  put_f32(out, scale_);
  out.append((kSlotBytes - out.size() % kSlotBytes) % kSlotBytes, '\0');
  for (std::size_t i = 0; i < cap; ++i) {
    put_u64(out, slots_[i].key);
    put_u32(out, slots_[i].begin);
    put_u16(out, slots_[i].len);
    put_u16(out, 0);
  }
  for (std::size_t i = 0; i < ncells_; ++i) {
    put_u16(out, cls_at(i));
    const auto q = qcells_ != nullptr
                       ? qcells_[i].q
                       : static_cast<std::int16_t>(std::lround(cells_[i].w / scale_));
    put_u16(out, static_cast<std::uint16_t>(q));
  }
}

Result<LinearModel> LinearModel::read(std::string_view in, std::size_t& pos,
                                      const std::shared_ptr<const void>& owner) {
  KB_ASSIGN(const std::uint32_t first, get_u32(in, pos));
  if (first != kTableFormat2) {
    return read_rows(in, pos, first);
  }
  const std::size_t at = pos;
  KB_ASSIGN(const std::uint32_t classes, get_u32(in, pos));
  KB_ASSIGN(const std::uint32_t count, get_u32(in, pos));
  KB_ASSIGN(const std::uint32_t cap, get_u32(in, pos));
  KB_ASSIGN(const std::uint32_t max_probe, get_u32(in, pos));
  KB_ASSIGN(const std::uint32_t ncells, get_u32(in, pos));
  KB_ASSIGN(const float scale, get_f32(in, pos));
  pos += (kSlotBytes - pos % kSlotBytes) % kSlotBytes;
  if (classes == 0 || classes > 65535 || scale <= 0.0F || (cap != 0 && !std::has_single_bit(cap)) ||
      count > cap || max_probe > cap || pos > in.size() || (in.size() - pos) / kSlotBytes < cap ||
      (in.size() - pos - std::size_t{cap} * kSlotBytes) / kCellBytes < ncells) {
    return fail(Errc::parse, "model file: bad table header at byte " + std::to_string(at));
  }
  LinearModel m;
  m.classes_ = classes;
  m.count_ = count;
  m.max_probe_ = max_probe;
  m.scale_ = scale;
  const char* table = in.data() + pos;
  pos += std::size_t{cap} * kSlotBytes;
  const char* weights = in.data() + pos;
  pos += std::size_t{ncells} * kCellBytes;
  // In place when the bytes stay alive and lie aligned (a mapped file); else copied. Slot ranges
  // and weight classes are checked when they are used (find, score), not here: loading costs
  // nothing in proportion to the table.
  static_assert(sizeof(QCell) == kCellBytes && sizeof(Slot) == kSlotBytes);
  const bool in_place = owner != nullptr &&
                        reinterpret_cast<std::uintptr_t>(table) % alignof(Slot) == 0 &&
                        reinterpret_cast<std::uintptr_t>(weights) % alignof(QCell) == 0;
  if (in_place) {
    m.qcells_ = reinterpret_cast<const QCell*>(weights);
    m.cell_owner_ = owner;
  } else {
    auto cells = std::make_shared<PageArray<QCell>>(ncells);
    if (ncells != 0) {
      std::memcpy(cells->data(), weights, std::size_t{ncells} * kCellBytes);
    }
    m.qcells_ = cells->data();
    m.cell_owner_ = std::move(cells);
  }
  m.ncells_ = ncells;
  m.id_ = next_id();
  if (cap == 0) {
    return m;
  }
  m.set_capacity(cap);
  if (in_place) {
    m.slots_ = reinterpret_cast<const Slot*>(table);
    m.slot_owner_ = owner;
  } else {
    auto slots = std::make_shared<PageArray<Slot>>(cap);
    std::memcpy(slots->data(), table, std::size_t{cap} * kSlotBytes);
    m.slots_ = slots->data();
    m.slot_owner_ = std::move(slots);
  }
  return m;
}

// Format 1: u32 classes, u32 rows, f32 scale, then per row u64 key, u16 n, n x (u16 class, i16
// weight / scale), rows in ascending key order; the table is built as the rows are read.
Result<LinearModel> LinearModel::read_rows(std::string_view in, std::size_t& pos,
                                           std::uint32_t classes) {
  KB_ASSIGN(std::uint32_t n, get_u32(in, pos));
  KB_ASSIGN(std::uint32_t scale_bits, get_u32(in, pos));
  const auto scale = std::bit_cast<float>(scale_bits);
  if (classes == 0 || classes > 65535 || n > (in.size() - pos) / 10 || !std::isfinite(scale) ||
      scale <= 0.0F) {
    return fail(Errc::parse, "model file: bad table header at byte " + std::to_string(pos));
  }
  LinearModel m;
  m.classes_ = classes;
  m.count_ = n;
  m.scale_ = scale;
  const std::size_t cap = capacity_for(n);
  m.set_capacity(cap);
  auto slots = std::make_shared<PageArray<Slot>>(cap);
  // At most one cell per 4 bytes left; the pages past the last cell are never touched.
  auto cells = std::make_shared<PageArray<Cell>>((in.size() - pos) / 4);
  std::size_t used = 0;
  for (std::uint32_t r = 0; r < n; ++r) {
    KB_ASSIGN(std::uint64_t raw, get_u64(in, pos));
    KB_ASSIGN(std::uint16_t len, get_u16(in, pos));
    if (len > classes || len > (in.size() - pos) / 4) {
      return fail(Errc::parse, "model file: bad row at byte " + std::to_string(pos));
    }
    const std::uint64_t k = nonzero(raw);
    Slot& slot = m.place(*slots, k);
    if (slot.key == k) {
      return fail(Errc::parse,
                  "model file: a feature appears twice (byte " + std::to_string(pos) + ")");
    }
    slot = Slot{k, static_cast<std::uint32_t>(used), len, 0};
    for (std::uint32_t i = 0; i < len; ++i) {
      const auto c = static_cast<std::uint16_t>(static_cast<std::uint8_t>(in[pos]) |
                                                (static_cast<std::uint8_t>(in[pos + 1]) << 8));
      const auto q = static_cast<std::int16_t>(static_cast<std::uint16_t>(
          static_cast<std::uint8_t>(in[pos + 2]) | (static_cast<std::uint8_t>(in[pos + 3]) << 8)));
      pos += 4;
      if (c >= classes) {
        return fail(Errc::parse, "model file: bad weight at byte " + std::to_string(pos));
      }
      (*cells)[used++] = Cell{c, static_cast<float>(q) * scale};
    }
  }
  m.own(std::move(slots), std::move(cells), used);
  return m;
}

LinearModel LinearModel::pruned(float threshold) const {
  Rows rows;
  for (std::size_t i = 0; slots_ != nullptr && i <= mask_; ++i) {
    const Slot& s = slots_[i];
    if (s.key == 0 || find(s.key) != &s) {
      continue;
    }
    std::vector<std::pair<std::uint16_t, float>> row;
    for (std::uint32_t c = s.begin; c < s.begin + s.len; ++c) {
      if (std::fabs(weight_at(c)) > threshold) {
        row.emplace_back(cls_at(c), weight_at(c));
      }
    }
    if (!row.empty()) {
      rows.emplace_back(s.key, std::move(row));
    }
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return build(classes_, rows);
}

Result<LinearModel> LinearModel::mean(std::span<const LinearModel> models) {
  if (models.empty()) {
    return Error{Errc::invalid_argument, "no models to average"};
  }
  std::map<std::uint64_t, std::map<std::uint16_t, double>> sums;
  for (const LinearModel& m : models) {
    if (m.classes_ != models.front().classes_) {
      return Error{Errc::invalid_argument, "models to average have " + std::to_string(m.classes_) +
                                               " and " + std::to_string(models.front().classes_) +
                                               " classes"};
    }
    for (std::size_t i = 0; m.slots_ != nullptr && i <= m.mask_; ++i) {
      const Slot& s = m.slots_[i];
      if (s.key == 0 || m.find(s.key) != &s) {
        continue;
      }
      for (std::uint32_t c = s.begin; c < s.begin + s.len; ++c) {
        sums[s.key][m.cls_at(c)] += m.weight_at(c);
      }
    }
  }
  const auto n = static_cast<double>(models.size());
  Rows rows;
  rows.reserve(sums.size());
  for (const auto& [key, cells] : sums) {
    std::vector<std::pair<std::uint16_t, float>> row;
    for (const auto& [cls, sum] : cells) {
      if (sum != 0.0) {
        row.emplace_back(cls, static_cast<float>(sum / n));
      }
    }
    if (!row.empty()) {
      rows.emplace_back(key, std::move(row));
    }
  }
  return build(models.front().classes_, rows);
}

Result<ModelFile> ModelFile::map(const std::filesystem::path& path, std::string_view what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return fail(Errc::not_found, "cannot read the " + std::string(what) + " " + path.string());
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(Errc::storage, "cannot read the " + std::string(what) + " " + path.string() +
                                   " (not a regular file)");
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  ModelFile f;
  if (size == 0) {
    ::close(fd);
    f.owner_ = std::make_shared<int>(0);
    return f;
  }
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) {
    return fail(Errc::storage, "cannot map the " + std::string(what) + " " + path.string());
  }
  f.bytes_ = std::string_view(static_cast<const char*>(p), size);
  f.owner_ = std::shared_ptr<const void>(p, [size](const void* q) {
    ::munmap(const_cast<void*>(q), size);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  });
  return f;
}

void PerceptronTrainer::score(std::span<const std::uint64_t> keys, std::span<float> scores) const {
  for (std::uint64_t k : keys) {
    MemoEntry& e = memo_[k & (kMemoSize - 1)];
    if (e.generation != generation_ || e.key != k) {
      auto it = table_.find(k);
      e = MemoEntry{k, generation_, it == table_.end() ? nullptr : &it->second};
    }
    if (e.row == nullptr) {
      continue;
    }
    for (const Cell& c : *e.row) {
      scores[c.cls] += c.w;
    }
  }
}

void PerceptronTrainer::update(std::span<const std::uint64_t> keys, std::size_t good,
                               std::size_t bad) {
  if (good == bad) {
    return;
  }
  add(keys, good, 1.0F);
  add(keys, bad, -1.0F);
}

void PerceptronTrainer::add(std::span<const std::uint64_t> keys, std::size_t cls, float delta) {
  ++generation_;  // rows may be added: what score() remembers no longer holds
  for (std::uint64_t k : keys) {
    std::vector<Cell>& cells = table_[k];
    auto it =
        std::find_if(cells.begin(), cells.end(), [cls](const Cell& c) { return c.cls == cls; });
    if (it == cells.end()) {
      cells.push_back(Cell{static_cast<std::uint16_t>(cls), 0.0F, 0.0, now_});
      it = cells.end() - 1;
    }
    it->total += static_cast<double>(now_ - it->stamp) * it->w;
    it->stamp = now_;
    it->w += delta;
  }
}

LinearModel PerceptronTrainer::average(float prune) const {
  LinearModel::Rows rows;
  rows.reserve(table_.size());
  for (const auto& [k, cells] : table_) {
    std::vector<std::pair<std::uint16_t, float>> out;
    for (const Cell& c : cells) {
      const double total = c.total + static_cast<double>(now_ - c.stamp) * c.w;
      const auto avg = static_cast<float>(total / static_cast<double>(now_));
      if (std::fabs(avg) > prune) {
        out.emplace_back(c.cls, avg);
      }
    }
    if (!out.empty()) {
      std::sort(out.begin(), out.end());
      rows.emplace_back(k, std::move(out));
    }
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return LinearModel::build(classes_, rows);
}

}  // namespace kb::analysis
