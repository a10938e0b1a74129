// Word clusters: see clusters.hpp.
#include "importers/analysis/clusters.hpp"

#include <algorithm>

#include "importers/analysis/features.hpp"
#include "importers/analysis/perceptron.hpp"
#include "importers/analysis/sentence.hpp"

namespace kb::analysis {
namespace {
constexpr std::string_view kMagic = "kb-word-clusters-1";
}  // namespace

std::string WordClusters::normal(std::string_view form) {
  std::string out = lower_ascii(form);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c >= '0' && c <= '9'; }, '0');
  return out;
}

std::uint64_t WordClusters::key(std::string_view normal_form) { return hash_string(normal_form); }

WordClass WordClusters::of(std::string_view form) const {
  const std::uint64_t k = key(normal(form));
  const auto it = std::lower_bound(rows_.begin(), rows_.end(), k,
                                   [](const Row& r, std::uint64_t v) { return r.key < v; });
  return it != rows_.end() && it->key == k ? it->cls : WordClass{};
}

void WordClusters::assign(std::vector<Word>& words) const {
  for (Word& w : words) {
    const WordClass c = of(w.form);
    w.cluster = c.fine;
    w.cluster_coarse = c.coarse;
  }
}

Result<WordClusters> WordClusters::from_rows(std::vector<Row> rows, std::uint16_t fine,
                                             std::uint16_t coarse) {
  for (const Row& r : rows) {
    if (r.cls.fine == 0 || r.cls.fine > fine || r.cls.coarse == 0 || r.cls.coarse > coarse) {
      return fail(Errc::parse, "word clusters: a class outside 1.." + std::to_string(fine) +
                                   " / 1.." + std::to_string(coarse));
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.key < b.key; });
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const Row& a, const Row& b) { return a.key == b.key; }),
             rows.end());
  WordClusters c;
  c.rows_ = std::move(rows);
  c.fine_ = fine;
  c.coarse_ = coarse;
  return c;
}

void WordClusters::write(std::string& out) const {
  put_str(out, kMagic);
  put_u16(out, fine_);
  put_u16(out, coarse_);
  put_u32(out, static_cast<std::uint32_t>(rows_.size()));
  for (const Row& r : rows_) {
    put_u64(out, r.key);
    put_u16(out, r.cls.fine);
    put_u16(out, r.cls.coarse);
  }
}

Result<WordClusters> WordClusters::parse(std::string_view bytes, std::string_view name) {
  const auto bad = [&](const Error& e) {
    return fail(Errc::parse, std::string(name) + ": " + e.message);
  };
  std::size_t pos = 0;
  if (auto m = expect_magic(bytes, pos, kMagic); !m) {
    return bad(m.error());
  }
  const auto fine = get_u16(bytes, pos);
  const auto coarse = get_u16(bytes, pos);
  const auto n = get_u32(bytes, pos);
  if (!fine || !coarse || !n) {
    return bad(Error{Errc::parse, "truncated header"});
  }
  if (*n > (bytes.size() - pos) / 12 || (bytes.size() - pos) != static_cast<std::size_t>(*n) * 12) {
    return bad(Error{Errc::parse, "expected " + std::to_string(*n) + " rows of 12 bytes"});
  }
  std::vector<Row> rows(*n);
  for (Row& r : rows) {
    r.key = get_u64(bytes, pos).value();
    r.cls.fine = get_u16(bytes, pos).value();
    r.cls.coarse = get_u16(bytes, pos).value();
  }
  auto c = from_rows(std::move(rows), *fine, *coarse);
  if (!c) {
    return bad(c.error());
  }
  return c;
}

Result<WordClusters> WordClusters::load(const std::filesystem::path& path) {
  KB_ASSIGN(const std::string bytes, read_model_file(path, "word clusters"));
  return parse(bytes, path.string());
}

}  // namespace kb::analysis
