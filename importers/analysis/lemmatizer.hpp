// Lemmatizer: the lemma of a tagged word from the treebank's own (form, XPOS) -> lemma table,
// else from the edit rule ("strip 3, add y") that words of the same XPOS and longest shared
// suffix take in the treebank. Learned from the UD English Web Treebank. A verb the treebank never
// saw is checked against WordNet's verb lemmas (data/analysis/wordnet-verbs.txt): the learned rule
// guesses "shel" for "shelled" and "outlin" for "outlined" from words with the same ending; the
// lexicon knows "shell" and "outline" (WordNet's own morphy detachment rules pick the candidate).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "importers/analysis/sentence.hpp"

namespace kb::analysis {

// Verb lemmas and irregular forms ("shook" -> "shake"), from WordNet 3.0.
struct VerbLexicon {
  std::unordered_set<std::string> lemmas;
  std::unordered_map<std::string, std::string> irregular;  // form -> lemma

  bool empty() const { return lemmas.empty(); }
  // Reads the text file written by scripts/wordnet_verbs.sh: one lemma a line, or "form lemma"
  // for an irregular form; errors name the file and line.
  static Result<VerbLexicon> load(const std::filesystem::path& path);
  static Result<VerbLexicon> parse(std::string_view text, std::string_view name);
};

class Lemmatizer {
 public:
  // Fills `lemma` of every word from its form and XPOS (tags must be set).
  void lemmatize(std::vector<Word>& words) const;
  std::string lemma(std::string_view form, std::string_view xpos) const;

  static Lemmatizer train(const std::vector<ParsedSentence>& sentences);
  void write(std::string& out) const;
  static Result<Lemmatizer> read(std::string_view in, std::size_t& pos);

  // Verbs outside the treebank's table are checked against `verbs` (none: the learned rules
  // alone).
  void set_verbs(VerbLexicon verbs) { verbs_ = std::move(verbs); }

 private:
  std::string verb_lemma(std::string_view form, std::string learned) const;

  VerbLexicon verbs_;
  std::unordered_map<std::string, std::string> exact_;  // xpos \t form -> lemma
  std::unordered_map<std::string, std::string> rules_;  // xpos \t suffix -> rule
};

}  // namespace kb::analysis
