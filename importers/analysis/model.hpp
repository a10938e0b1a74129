// The analysis models as one unit: tagger, lemmatizer and parser, stored together in one binary
// file (data/analysis/en_ewt.kbm), trained together (train_models) and scored together.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "importers/analysis/lemmatizer.hpp"
#include "importers/analysis/parser.hpp"
#include "importers/analysis/sentence.hpp"
#include "importers/analysis/tagger.hpp"

namespace kb::analysis {

struct Models {
  Tagger tagger;
  Lemmatizer lemmatizer;
  Parser parser;

  // Tags, lemmatises and parses `words` in place.
  void analyze(std::vector<Word>& words) const;

  void write(std::string& out) const;
  // `owner`, when given, keeps `bytes` alive (a mapped file): the tables are used in place.
  static Result<Models> read(std::string_view bytes, const std::shared_ptr<const void>& owner = {});
  // Reads a model file and, when `verbs` is given, the verb lexicon the lemmatizer checks
  // (data/analysis/wordnet-verbs.txt); errors name the file.
  static Result<Models> load(const std::filesystem::path& path,
                             const std::filesystem::path& verbs = {});
};

struct TrainOptions {
  int tagger_iterations = 10;
  int parser_iterations = 15;
  int parser_beam = 1;         // 1: greedy parser; more: beam search with global training
  int parser_decode_beam = 0;  // the width the shipped parser decodes with; 0: parser_beam
  int folds = 5;               // jackknifing folds for the parser's training tags
  // A second tagging pass (Tagger::train_jackknifed over `folds` folds, which also gives the
  // parser's training tags).
  bool tagger_second_pass = false;
  std::uint64_t seed = 1;
  float prune = 0.0F;  // weights of magnitude <= this are dropped from the shipped model
  // The parser's own threshold (its weights are scored for every configuration of the beam, so
  // a smaller table pays more there); < 0: `prune`.
  float parser_prune = -1.0F;
  float parser_threshold() const { return parser_prune < 0.0F ? prune : parser_prune; }
};

// Trains every model on `train` (gold CoNLL-U). `report(stage, models)` is called after the
// tagger and after each parser pass so that a caller can score on held-out data.
Models train_models(const std::vector<ParsedSentence>& train, const TrainOptions& options,
                    const std::function<void(const std::string&, const Models&)>& report = {});

// The parser's training sentences: `train` with each fold's tags predicted by a tagger trained
// on the other folds (jackknifing; gold tags when options.folds <= 1). Deterministic.
std::vector<ParsedSentence> jackknife(const std::vector<ParsedSentence>& train,
                                      const TrainOptions& options);

// Trains the parser of `models` on `parser_train` (jackknife's output) with the parser options
// of `options` and prunes it; `report` as for train_models. train_models is the tagger and
// lemmatizer, then this: a parser trained here on a saved jackknife output has the same bytes.
void train_parser(Models& models, const std::vector<ParsedSentence>& parser_train,
                  const TrainOptions& options,
                  const std::function<void(const std::string&, const Models&)>& report = {});

// Scores with gold tokenisation and the word classes `gold` carries (the CoNLL 2018 measures with
// words aligned one to one):
// percentages of words with the right UPOS, XPOS, lemma, head (UAS), head and universal label
// (LAS), head and full label.
struct Scores {
  std::size_t words = 0;
  double upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
};
Scores evaluate(const Models& models, const std::vector<ParsedSentence>& gold);

}  // namespace kb::analysis
