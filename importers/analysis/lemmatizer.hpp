// Lemmatizer: the lemma of a tagged word from the treebank's own (form, XPOS) -> lemma table,
// else from the edit rule ("strip 3, add y") that words of the same XPOS and longest shared
// suffix take in the treebank. Learned from the UD English Web Treebank.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "importers/analysis/sentence.hpp"

namespace kb::analysis {

class Lemmatizer {
 public:
  // Fills `lemma` of every word from its form and XPOS (tags must be set).
  void lemmatize(std::vector<Word>& words) const;
  std::string lemma(std::string_view form, std::string_view xpos) const;

  static Lemmatizer train(const std::vector<ParsedSentence>& sentences);
  void write(std::string& out) const;
  static Result<Lemmatizer> read(std::string_view in, std::size_t& pos);

 private:
  std::unordered_map<std::string, std::string> exact_;  // xpos \t form -> lemma
  std::unordered_map<std::string, std::string> rules_;  // xpos \t suffix -> rule
};

}  // namespace kb::analysis
