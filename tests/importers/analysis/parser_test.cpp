// Tests importers/analysis/parser.cpp on a toy treebank of its own: a trained parser gives every
// sentence one projective tree, its training sentences the gold one, and reads back from a file.
#include "importers/analysis/parser.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace kb::analysis {
namespace {

struct Item {
  const char* form;
  const char* upos;
  int head;
  const char* deprel;
};

ParsedSentence sentence(const std::vector<Item>& items) {
  ParsedSentence s;
  for (const Item& i : items) {
    Word w;
    w.form = i.form;
    w.upos = i.upos;
    w.xpos = i.upos;
    w.head = i.head;
    w.deprel = i.deprel;
    s.words.push_back(w);
  }
  return s;
}

std::vector<ParsedSentence> toy_treebank() {
  return {sentence({{"Envoys", "NOUN", 2, "nsubj"},
                    {"meet", "VERB", 0, "root"},
                    {"in", "ADP", 4, "case"},
                    {"Geneva", "PROPN", 2, "obl"}}),
          sentence({{"Ministers", "NOUN", 2, "nsubj"},
                    {"sign", "VERB", 0, "root"},
                    {"a", "DET", 4, "det"},
                    {"treaty", "NOUN", 2, "obj"}}),
          sentence({{"The", "DET", 2, "det"},
                    {"treaty", "NOUN", 3, "nsubj"},
                    {"ends", "VERB", 0, "root"},
                    {"a", "DET", 5, "det"},
                    {"war", "NOUN", 3, "obj"}})};
}

std::vector<std::string> arcs(const Parser& p, std::vector<Word> words) {
  for (auto& w : words) {
    w.head = -1;
    w.deprel.clear();
  }
  p.parse(words);
  std::vector<std::string> out;
  for (const auto& w : words) {
    out.push_back(std::to_string(w.head) + " " + w.deprel);
  }
  return out;
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("Parser trained on a toy treebank parses its sentences and survives a file") {
    const auto bank = toy_treebank();
    Parser::Options options;
    options.iterations = 10;
    const Parser p = Parser::train(bank, options);
    CHECK(p.weights() > 0);
    for (const auto& s : bank) {
      std::vector<std::string> gold;
      for (const auto& w : s.words) {
        gold.push_back(std::to_string(w.head) + " " + w.deprel);
      }
      CHECK(arcs(p, s.words) == gold);
    }
    std::string bytes;
    p.write(bytes);
    std::size_t pos = 0;
    auto back = Parser::read(bytes, pos);
    REQUIRE(back.has_value());
    CHECK(pos == bytes.size());
    CHECK(arcs(*back, bank[1].words) == arcs(p, bank[1].words));
  }

  TEST_CASE("Parser: an unseen sentence still gets exactly one root and a head for every word") {
    Parser::Options options;
    options.iterations = 3;
    const Parser p = Parser::train(toy_treebank(), options);
    std::vector<Word> words(7);
    for (std::size_t i = 0; i < words.size(); ++i) {
      words[i].form = "w" + std::to_string(i);
      words[i].upos = i % 2 == 0 ? "NOUN" : "VERB";
      words[i].xpos = words[i].upos;
    }
    p.parse(words);
    int roots = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      CHECK(words[i].head >= 0);
      CHECK(words[i].head <= static_cast<int>(words.size()));
      CHECK(words[i].head != static_cast<int>(i) + 1);
      roots += words[i].head == 0 ? 1 : 0;
    }
    CHECK(roots == 1);
  }
}

}  // namespace kb::analysis
