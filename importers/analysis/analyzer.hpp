// Analyzer: text in, analysed sentences out — kb's sentence splitter, UD tokenisation, then
// tagging, lemmas and dependency trees from the trained models in data/analysis/. Knows nothing
// of events or the database.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "importers/analysis/clusters.hpp"
#include "importers/analysis/model.hpp"
#include "importers/analysis/sentence.hpp"
#include "importers/text/scanner.hpp"

namespace kb::analysis {

// Where the models live: `data_dir`/analysis/en_ewt.kbm.
std::filesystem::path model_path(const std::filesystem::path& data_dir);
// The WordNet verb lexicon the lemmatizer checks: `data_dir`/analysis/wordnet-verbs.txt.
std::filesystem::path verbs_path(const std::filesystem::path& data_dir);
// The word clusters (clusters.hpp): `data_dir`/analysis/clusters.kbc.
std::filesystem::path clusters_path(const std::filesystem::path& data_dir);

// Sentences longer than this many words are analysed in pieces of at most this size, so a
// pathological "sentence" (a table, a list without full stops) stays linear in time.
inline constexpr std::size_t kMaxSentenceWords = 400;

// Whether a sentence begins inside a quotation that an earlier sentence opened: its first
// quotation mark closes (`... in this direction," the President said.`): a U+201D, or a
// straight mark that touches the word before it and not the one after it. The sentence
// splitter cuts a quotation of several sentences into pieces, and the last piece, parsed as
// it stands, hangs the attribution on the quoted clause ("said" a conjunct of "are").
bool opens_inside_quotation(std::string_view sentence);

// Analyses `words` with an opening quotation mark put before them, as the treebank's
// quotations are written, then takes it out again: the attribution's verb becomes the root
// with the quoted clause its complement. Offsets and forms are unchanged.
void analyze_with_opening_quote(const Models& models, std::vector<Word>& words);

class Analyzer {
 public:
  // Words get their classes from `clusters` when given (clusters.hpp).
  explicit Analyzer(std::shared_ptr<const Models> models,
                    std::shared_ptr<const WordClusters> clusters = nullptr);
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // Loads the models and the word clusters from `data_dir` (see model_path, clusters_path).
  // Errors name the file.
  static Result<Analyzer> load(const std::filesystem::path& data_dir);

  // Every sentence of `text` with its words analysed; offsets are bytes into `text`. Never
  // fails: invalid UTF-8 and binary input give words made of the bytes as they are.
  std::vector<ParsedSentence> analyze(std::string_view text);
  // One sentence (bytes [`begin`, `end`) of `text`).
  ParsedSentence analyze_sentence(std::string_view text, std::size_t begin, std::size_t end) const;
  // The same, given `pieces`, the pieces text::scan(`text`) returns (the sentence's are cut
  // from them rather than scanned again).
  ParsedSentence analyze_sentence(std::string_view text, std::span<const text::Piece> pieces,
                                  std::size_t begin, std::size_t end) const;

 private:
  // Analyses `sentence`, bytes [`begin`, `end`) of a text, whose pieces are `pieces`.
  ParsedSentence analyze_words(std::string_view sentence, std::span<const text::Piece> pieces,
                               std::size_t begin, std::size_t end) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kb::analysis
