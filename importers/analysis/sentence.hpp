// The analysed sentence: UD-style words with their character offsets, tags, lemma and the
// dependency tree, plus CoNLL-U reading (for training and scoring) and writing (for `kb parse`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/result.hpp"

namespace kb::analysis {

// One syntactic word. `begin`/`end` are byte offsets into the analysed text (0/0 when read from
// a treebank). `head` is 1-based (0 = root, -1 = not yet attached).
struct Word {
  std::string form;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool space_after = true;
  std::string lemma;
  std::string upos;
  std::string xpos;
  int head = -1;
  std::string deprel;
  std::uint16_t cluster = 0;         // fine word class (clusters.hpp); 0: unknown or not set
  std::uint16_t cluster_coarse = 0;  // coarse word class
};

struct ParsedSentence {
  std::string text;  // the sentence as written (CoNLL-U "# text")
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<Word> words;
};

// Reads every sentence of a CoNLL-U document (multiword-token lines and empty nodes skipped).
// Errors name the line: "line 12: expected 10 tab-separated fields".
Result<std::vector<ParsedSentence>> read_conllu(std::string_view text);

// Writes sentences as CoNLL-U: "# sent_id", "# text", ten columns, SpaceAfter=No where the
// words touch. Sentence ids count from `first_id`.
std::string write_conllu(const std::vector<ParsedSentence>& sentences, std::size_t first_id = 1);

// "nsubj:pass" -> "nsubj" (the universal part, as the CoNLL 2018 scorer compares labels).
std::string_view universal_relation(std::string_view deprel);

}  // namespace kb::analysis
