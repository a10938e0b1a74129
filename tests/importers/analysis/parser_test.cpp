// Tests importers/analysis/parser.cpp on a toy treebank of its own: a trained parser, greedy or
// with a beam, gives every sentence one projective tree, its training sentences the gold one,
// and reads back from a file (the old greedy format too).
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

// Checks that `words` (parsed) form one tree over 1..n: one root, no word its own head.
void check_tree(const std::vector<Word>& words) {
  int roots = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    CHECK(words[i].head >= 0);
    CHECK(words[i].head <= static_cast<int>(words.size()));
    CHECK(words[i].head != static_cast<int>(i) + 1);
    roots += words[i].head == 0 ? 1 : 0;
  }
  CHECK(roots == 1);
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
    check_tree(words);
  }

  TEST_CASE("Parser with a beam, trained globally, parses its sentences and keeps its width") {
    const auto bank = toy_treebank();
    Parser::Options options;
    options.iterations = 10;
    options.beam = 4;
    const Parser p = Parser::train(bank, options);
    CHECK(p.beam() == 4);
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
    CHECK(back->beam() == 4);
    CHECK(arcs(*back, bank[2].words) == arcs(p, bank[2].words));
  }

  TEST_CASE("Parser: a parse does not depend on the sentences or models parsed before it") {
    // The parsers remember rows and context scores between configurations (and rows between
    // sentences): what they remember never changes a result, whichever model asked last.
    const auto bank = toy_treebank();
    Parser::Options options;
    options.iterations = 5;
    const Parser greedy = Parser::train(bank, options);
    options.beam = 3;
    const Parser beam = Parser::train(bank, options);
    std::vector<std::vector<std::string>> first;
    for (const Parser* p : {&greedy, &beam}) {
      for (const auto& s : bank) {
        first.push_back(arcs(*p, s.words));
      }
    }
    std::vector<std::vector<std::string>> again(first.size());
    for (std::size_t k = bank.size(); k-- > 0;) {  // reversed, the models alternating
      again[bank.size() + k] = arcs(beam, bank[k].words);
      again[k] = arcs(greedy, bank[k].words);
    }
    CHECK(again == first);
  }

  TEST_CASE("Parser with a beam: a sentence of 600 words gets one tree") {
    Parser::Options options;
    options.iterations = 2;
    options.beam = 8;
    const Parser p = Parser::train(toy_treebank(), options);
    std::vector<Word> words(600);
    for (std::size_t i = 0; i < words.size(); ++i) {
      words[i].form = i % 3 == 0 ? "treaty" : "w" + std::to_string(i);
      words[i].upos = i % 3 == 1 ? "VERB" : (i % 3 == 0 ? "NOUN" : "DET");
      words[i].xpos = words[i].upos;
    }
    p.parse(words);
    check_tree(words);
  }

  TEST_CASE("Parser: a greedy parser keeps the old file format, a beam parser says its width") {
    const auto bank = toy_treebank();
    Parser::Options options;
    options.iterations = 5;
    const Parser greedy = Parser::train(bank, options);
    options.beam = 3;
    const Parser beam = Parser::train(bank, options);
    std::string old_tag, new_tag;
    put_str(old_tag, "kb-parser-1");
    put_str(new_tag, "kb-parser-2");
    std::string g, b;
    greedy.write(g);
    beam.write(b);
    CHECK(g.compare(0, old_tag.size(), old_tag) == 0);  // what kb read before beams existed
    CHECK(b.compare(0, new_tag.size(), new_tag) == 0);
    std::size_t pos = 0;
    auto g2 = Parser::read(g, pos);
    REQUIRE(g2.has_value());
    CHECK(pos == g.size());
    CHECK(g2->beam() == 1);
    pos = 0;
    auto b2 = Parser::read(b, pos);
    REQUIRE(b2.has_value());
    CHECK(pos == b.size());
    CHECK(b2->beam() == 3);
    for (const auto& s : bank) {
      CHECK(arcs(*g2, s.words) == arcs(greedy, s.words));
      CHECK(arcs(*b2, s.words) == arcs(beam, s.words));
    }
  }

  TEST_CASE("Parser: a model file with a bad beam width or an unknown tag is refused") {
    Parser::Options options;
    options.iterations = 1;
    options.beam = 2;
    const Parser p = Parser::train(toy_treebank(), options);
    std::string bytes;
    p.write(bytes);
    std::string tag;
    put_str(tag, "kb-parser-2");
    for (const std::uint32_t width : {0U, Parser::kMaxBeam + 1}) {
      std::string bad = bytes;
      std::string w;
      put_u32(w, width);
      bad.replace(tag.size(), 4, w);
      std::size_t pos = 0;
      auto r = Parser::read(bad, pos);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().message.find("beam width") != std::string::npos);
    }
    std::string other = bytes;
    other[tag.size() - 1] = '9';  // kb-parser-9
    std::size_t pos = 0;
    auto r = Parser::read(other, pos);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message.find("kb-parser-2") != std::string::npos);
  }

  TEST_CASE("Parser: set_beam changes the decoding width within 1..kMaxBeam") {
    Parser p;
    p.set_beam(0);
    CHECK(p.beam() == 1);
    p.set_beam(6);
    CHECK(p.beam() == 6);
    p.set_beam(1000);
    CHECK(p.beam() == static_cast<int>(Parser::kMaxBeam));
  }
}

}  // namespace kb::analysis
