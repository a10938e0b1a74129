// Tests importers/analysis/tagger.cpp on a toy treebank of its own: training learns the tags of
// the words it saw, in their contexts, and a written tagger reads back the same.
#include "importers/analysis/tagger.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace kb::analysis {
namespace {

// One sentence of "form/UPOS/XPOS" items.
ParsedSentence sentence(const std::vector<std::string>& items) {
  ParsedSentence s;
  for (const auto& item : items) {
    Word w;
    const auto a = item.find('/');
    const auto b = item.find('/', a + 1);
    w.form = item.substr(0, a);
    w.upos = item.substr(a + 1, b - a - 1);
    w.xpos = item.substr(b + 1);
    s.words.push_back(w);
  }
  return s;
}

std::vector<ParsedSentence> toy_treebank() {
  return {sentence({"Envoys/NOUN/NNS", "meet/VERB/VBP", "in/ADP/IN", "Geneva/PROPN/NNP"}),
          sentence({"Ministers/NOUN/NNS", "sign/VERB/VBP", "a/DET/DT", "treaty/NOUN/NN"}),
          sentence({"The/DET/DT", "treaty/NOUN/NN", "ends/VERB/VBZ", "a/DET/DT", "war/NOUN/NN"}),
          sentence({"Envoys/NOUN/NNS", "sign/VERB/VBP", "in/ADP/IN", "Oslo/PROPN/NNP"})};
}

std::vector<std::string> tags(const Tagger& t, std::vector<Word> words) {
  for (auto& w : words) {
    w.upos.clear();
    w.xpos.clear();
  }
  t.tag(words);
  std::vector<std::string> out;
  for (const auto& w : words) {
    out.push_back(w.upos + "/" + w.xpos);
  }
  return out;
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("Tagger trained on a toy treebank tags its sentences and survives a file") {
    const auto bank = toy_treebank();
    int passes = 0;
    const Tagger t = Tagger::train(bank, 5, 1, [&passes](int, const Tagger&) { ++passes; });
    CHECK(passes == 5);
    CHECK(t.weights() > 0);
    for (const auto& s : bank) {
      std::vector<std::string> gold;
      for (const auto& w : s.words) {
        gold.push_back(w.upos + "/" + w.xpos);
      }
      CHECK(tags(t, s.words) == gold);
    }
    std::string bytes;
    t.write(bytes);
    std::size_t pos = 0;
    auto back = Tagger::read(bytes, pos);
    REQUIRE(back.has_value());
    CHECK(pos == bytes.size());
    CHECK(back->classes() == t.classes());
    CHECK(tags(*back, bank[2].words) == tags(t, bank[2].words));
    pos = 0;
    CHECK_FALSE(Tagger::read(bytes.substr(0, bytes.size() / 2), pos).has_value());
  }

  TEST_CASE("Tagger with a second pass: trained on jackknifed first-pass tags, kept in its file") {
    auto bank = toy_treebank();
    const auto more = toy_treebank();
    bank.insert(bank.end(), more.begin(), more.end());  // two folds of the same sentences
    int passes = 0;
    const Tagger t = Tagger::train(
        bank, 4, 1, [&passes](int, const Tagger&) { ++passes; }, 2);
    CHECK(passes == 8);  // four first-pass passes, then four of the second
    CHECK(t.two_pass());
    const Tagger one = Tagger::train(bank, 4, 1);
    CHECK_FALSE(one.two_pass());
    CHECK(t.weights() > one.weights());
    for (const auto& s : bank) {
      std::vector<std::string> gold;
      for (const auto& w : s.words) {
        gold.push_back(w.upos + "/" + w.xpos);
      }
      CHECK(tags(t, s.words) == gold);
    }
    std::string bytes;
    t.write(bytes);
    CHECK(bytes.find("kb-tagger-2") != std::string::npos);
    std::string old;
    one.write(old);
    CHECK(old.find("kb-tagger-1") != std::string::npos);  // a one-pass tagger keeps format 1
    std::size_t pos = 0;
    auto back = Tagger::read(bytes, pos);
    REQUIRE(back.has_value());
    CHECK(pos == bytes.size());
    CHECK(back->two_pass());
    CHECK(back->weights() == t.weights());
    for (const auto& s : bank) {
      CHECK(tags(*back, s.words) == tags(t, s.words));
    }
    // Cut inside the second pass's model: an error, not a one-pass tagger.
    pos = 0;
    CHECK_FALSE(Tagger::read(bytes.substr(0, old.size() + 8), pos).has_value());
    std::string wrong = bytes;
    wrong.replace(wrong.find("kb-tagger-2"), 11, "kb-tagger-9");
    pos = 0;
    CHECK_FALSE(Tagger::read(wrong, pos).has_value());
  }

  TEST_CASE("word_keys: a word's case, shape and affixes give different keys") {
    const WordKeys upper = word_keys("Geneva");
    const WordKeys lower = word_keys("geneva");
    CHECK(upper.form != lower.form);
    CHECK(upper.lower == lower.lower);
    CHECK(upper.shape != lower.shape);
    CHECK(upper.suffix == lower.suffix);
    CHECK(word_keys("Oslo").shape == upper.shape);
  }
}

}  // namespace kb::analysis
