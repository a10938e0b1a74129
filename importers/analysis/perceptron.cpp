// LinearModel and PerceptronTrainer: see perceptron.hpp.
#include "importers/analysis/perceptron.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>

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
  const float v = std::bit_cast<float>(bits);
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

const LinearModel::Slot* LinearModel::find(std::uint64_t raw) const {
  const std::uint64_t k = nonzero(raw);
  for (std::uint64_t slot = slot_of(k);; slot = (slot + 1) & mask_) {
    const Slot& here = slots_[slot];
    if (here.key == k) {
      return &here;
    }
    if (here.key == 0) {
      return nullptr;
    }
  }
}

void LinearModel::score(std::span<const std::uint64_t> keys, std::span<float> scores) const {
  if (slots_.empty()) {
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
        __builtin_prefetch(&cells_[found[i]->begin]);
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (const Slot* s = found[i]) {
        for (std::uint32_t c = s->begin; c < s->begin + s->len; ++c) {
          scores[cells_[c].cls] += cells_[c].w;
        }
      }
    }
  }
}

LinearModel LinearModel::build(
    std::size_t classes,
    const std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint16_t, float>>>>&
        rows) {
  LinearModel m;
  m.classes_ = classes;
  m.count_ = rows.size();
  std::size_t cap = 16;
  while (cap < rows.size() * 2) {
    cap *= 2;
  }
  m.mask_ = cap - 1;
  m.shift_ = static_cast<unsigned>(64 - std::countr_zero(cap));
  m.slots_.assign(cap, Slot{});
  for (const auto& [raw, cells] : rows) {
    const std::uint64_t k = nonzero(raw);
    std::uint64_t slot = m.slot_of(k);
    while (m.slots_[slot].key != 0 && m.slots_[slot].key != k) {
      slot = (slot + 1) & m.mask_;
    }
    if (m.slots_[slot].key == k) {
      continue;  // a hash collision of two keys: keep the first
    }
    m.slots_[slot] = Slot{k, static_cast<std::uint32_t>(m.cells_.size()),
                          static_cast<std::uint16_t>(cells.size())};
    for (const auto& [c, w] : cells) {
      m.cells_.push_back(Cell{c, w});
    }
  }
  return m;
}

// File layout: u32 classes, u32 rows, f32 scale, then per row u64 key, u16 n, n x (u16 class,
// i16 weight / scale), rows in ascending key order so the bytes do not depend on hash-table
// iteration. Weights are quantised to 16 bits (scale = largest |weight| / 32767).
void LinearModel::write(std::string& out) const {
  std::vector<const Slot*> rows;
  for (const Slot& s : slots_) {
    if (s.key != 0) {
      rows.push_back(&s);
    }
  }
  std::sort(rows.begin(), rows.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  float largest = 0.0F;
  for (const Cell& c : cells_) {
    largest = std::max(largest, std::fabs(c.w));
  }
  const float scale = largest > 0.0F ? largest / 32767.0F : 1.0F;
  put_u32(out, static_cast<std::uint32_t>(classes_));
  put_u32(out, static_cast<std::uint32_t>(rows.size()));
  put_u32(out, std::bit_cast<std::uint32_t>(scale));
  for (const Slot* s : rows) {
    put_u64(out, s->key);
    put_u16(out, s->len);
    for (std::uint32_t i = s->begin; i < s->begin + s->len; ++i) {
      put_u16(out, cells_[i].cls);
      const auto q = static_cast<std::int16_t>(std::lround(cells_[i].w / scale));
      put_u16(out, static_cast<std::uint16_t>(q));
    }
  }
}

Result<LinearModel> LinearModel::read(std::string_view in, std::size_t& pos) {
  KB_ASSIGN(std::uint32_t classes, get_u32(in, pos));
  KB_ASSIGN(std::uint32_t n, get_u32(in, pos));
  KB_ASSIGN(std::uint32_t scale_bits, get_u32(in, pos));
  const float scale = std::bit_cast<float>(scale_bits);
  if (classes == 0 || classes > 65535 || n > (in.size() - pos) / 10 || !std::isfinite(scale) ||
      scale <= 0.0F) {
    return fail(Errc::parse, "model file: bad table header at byte " + std::to_string(pos));
  }
  // Built in place (one pass, no per-row allocation): loading is on every kb start.
  LinearModel m;
  m.classes_ = classes;
  m.count_ = n;
  std::size_t cap = 16;
  while (cap < static_cast<std::size_t>(n) * 2) {
    cap *= 2;
  }
  m.mask_ = cap - 1;
  m.shift_ = static_cast<unsigned>(64 - std::countr_zero(cap));
  m.slots_.assign(cap, Slot{});
  m.cells_.reserve((in.size() - pos) / 4);
  for (std::uint32_t r = 0; r < n; ++r) {
    KB_ASSIGN(std::uint64_t raw, get_u64(in, pos));
    KB_ASSIGN(std::uint16_t len, get_u16(in, pos));
    if (len > classes || len > (in.size() - pos) / 4) {
      return fail(Errc::parse, "model file: bad row at byte " + std::to_string(pos));
    }
    const std::uint64_t k = nonzero(raw);
    std::uint64_t slot = m.slot_of(k);
    while (m.slots_[slot].key != 0 && m.slots_[slot].key != k) {
      slot = (slot + 1) & m.mask_;
    }
    if (m.slots_[slot].key == k) {
      return fail(Errc::parse,
                  "model file: a feature appears twice (byte " + std::to_string(pos) + ")");
    }
    m.slots_[slot] = Slot{k, static_cast<std::uint32_t>(m.cells_.size()), len};
    for (std::uint32_t i = 0; i < len; ++i) {
      const auto c = static_cast<std::uint16_t>(static_cast<std::uint8_t>(in[pos]) |
                                                (static_cast<std::uint8_t>(in[pos + 1]) << 8));
      const auto q = static_cast<std::int16_t>(static_cast<std::uint16_t>(
          static_cast<std::uint8_t>(in[pos + 2]) | (static_cast<std::uint8_t>(in[pos + 3]) << 8)));
      pos += 4;
      if (c >= classes) {
        return fail(Errc::parse, "model file: bad weight at byte " + std::to_string(pos));
      }
      m.cells_.push_back(Cell{c, static_cast<float>(q) * scale});
    }
  }
  m.cells_.shrink_to_fit();
  return m;
}

LinearModel LinearModel::pruned(float threshold) const {
  std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint16_t, float>>>> rows;
  for (const Slot& s : slots_) {
    if (s.key == 0) {
      continue;
    }
    std::vector<std::pair<std::uint16_t, float>> cells;
    for (std::uint32_t i = s.begin; i < s.begin + s.len; ++i) {
      if (std::fabs(cells_[i].w) > threshold) {
        cells.emplace_back(cells_[i].cls, cells_[i].w);
      }
    }
    if (!cells.empty()) {
      rows.emplace_back(s.key, std::move(cells));
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
    for (const Slot& s : m.slots_) {
      for (std::uint32_t i = s.begin; s.key != 0 && i < s.begin + s.len; ++i) {
        sums[s.key][m.cells_[i].cls] += m.cells_[i].w;
      }
    }
  }
  const auto n = static_cast<double>(models.size());
  std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint16_t, float>>>> rows;
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

void PerceptronTrainer::score(std::span<const std::uint64_t> keys, std::span<float> scores) const {
  for (std::uint64_t k : keys) {
    auto it = table_.find(k);
    if (it == table_.end()) {
      continue;
    }
    for (const Cell& c : it->second) {
      scores[c.cls] += c.w;
    }
  }
}

void PerceptronTrainer::update(std::span<const std::uint64_t> keys, std::size_t good,
                               std::size_t bad) {
  if (good == bad) {
    return;
  }
  for (std::uint64_t k : keys) {
    std::vector<Cell>& cells = table_[k];
    for (const auto& change : {std::pair{good, 1.0F}, std::pair{bad, -1.0F}}) {
      const std::size_t cls = change.first;
      const float delta = change.second;
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
}

LinearModel PerceptronTrainer::average(float prune) const {
  std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint16_t, float>>>> rows;
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
