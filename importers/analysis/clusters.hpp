// Word clusters: distributional classes of words, learned without labels from running text
// (tools/train_clusters.cpp: the exchange algorithm of Kneser & Ney 1993 / Martin, Liermann &
// Ney 1998, which groups words that occur in the same left and right contexts, the flat
// counterpart of Brown clusters). A class stands for words a model never saw labelled: "shelled"
// and "bombarded", "Bakhmut" and "Avdiivka" fall in the same class, so a feature on the class
// carries what was learned on one to the other (Koo, Carreras & Collins 2008; Turian et al. 2010).
// Each word has a fine and a coarse class (two clusterings); 0 means not in the vocabulary.
// The file (data/analysis/clusters.kbc) holds 64-bit hashes of the words, never the words.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kb/result.hpp"

namespace kb::analysis {

struct Word;

struct WordClass {
  std::uint16_t fine = 0, coarse = 0;  // 1-based; 0: unknown word
};

class WordClusters {
 public:
  // The form a word is clustered by: ASCII lower case, every digit 0 ("2022" -> "0000").
  static std::string normal(std::string_view form);
  // The hash the file keys a normal form by (features.hpp's hash_string).
  static std::uint64_t key(std::string_view normal_form);

  WordClass of(std::string_view form) const;
  // Sets every word's classes.
  void assign(std::vector<Word>& words) const;
  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return rows_.size(); }
  std::uint16_t fine_classes() const { return fine_; }
  std::uint16_t coarse_classes() const { return coarse_; }

  struct Row {
    std::uint64_t key = 0;
    WordClass cls;
  };
  // Rows in any order; duplicate keys keep the first. Classes must lie in 1..fine / 1..coarse.
  static Result<WordClusters> from_rows(std::vector<Row> rows, std::uint16_t fine,
                                        std::uint16_t coarse);
  void write(std::string& out) const;
  // Errors (Errc::parse) name `name` and what is wrong.
  static Result<WordClusters> parse(std::string_view bytes, std::string_view name);
  static Result<WordClusters> load(const std::filesystem::path& path);

 private:
  std::vector<Row> rows_;  // sorted by key
  std::uint16_t fine_ = 0, coarse_ = 0;
};

}  // namespace kb::analysis
