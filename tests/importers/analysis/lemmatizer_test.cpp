// Tests for importers/analysis/lemmatizer.cpp: learned suffix rules, WordNet's verb lemmas, names
// kept as they are, and the verb lexicon's errors.
#include "importers/analysis/lemmatizer.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/analysis/model.hpp"
#include "tests/importers/analysis/analysis_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using kb::analysis::Models;
using kb::analysis::ParsedSentence;
using kb::analysis::Word;

// A treebank word with its tag and lemma.
Word word(std::string form, std::string xpos, std::string lemma) {
  Word w;
  w.form = std::move(form);
  w.xpos = std::move(xpos);
  w.lemma = std::move(lemma);
  return w;
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("unseen verbs take WordNet's lemma, unseen names keep their form") {
    // The learned suffix rules alone gave "shel", "repell", "outlin" and "Peskovember".
    const auto sentences = kb::test::analyze(
        "Russian forces shelled the town. Ukrainian forces repelled "
        "them. Poroshenko outlined a plan. Dmitry Peskov spoke.");
    REQUIRE(sentences.size() == 4);
    CHECK(kb::test::find_word(sentences[0], "shelled")->lemma == "shell");
    CHECK(kb::test::find_word(sentences[1], "repelled")->lemma == "repel");
    CHECK(kb::test::find_word(sentences[2], "outlined")->lemma == "outline");
    CHECK(kb::test::find_word(sentences[3], "Peskov")->lemma == "Peskov");
  }

  TEST_CASE("a learned suffix rule never rewrites more of a word than its suffix") {
    // "best" -> "good" strips the whole word: learned as a rule for every JJS it turned
    // "harvest" into "hargood". Only the word itself (or a longer one ending so) may take it.
    ParsedSentence s;
    s.words = {word("best", "JJS", "good"),      word("best", "JJS", "good"),
               word("best", "JJS", "good"),      word("best", "JJS", "good"),
               word("greatest", "JJS", "great"), word("greatest", "JJS", "great"),
               word("tallest", "JJS", "tall")};
    const auto l = kb::analysis::Lemmatizer::train({s});
    CHECK(l.lemma("best", "JJS") == "good");
    CHECK(l.lemma("harvest", "JJS") != "hargood");
    CHECK(l.lemma("smallest", "JJS") == "small");
    CHECK(l.lemma("Best", "JJS") == "good");
  }

  TEST_CASE("a base form is its own lemma unless WordNet knows it only as an inflection") {
    // "are" -> "be" was learned as a rule for every VBP ending in "are": "declare" became
    // "declbe". And a past form the tagger took for a base form keeps its verb's lemma.
    ParsedSentence s;
    s.words = {word("are", "VBP", "be"),      word("are", "VBP", "be"),   word("Are", "VBP", "be"),
               word("share", "VBP", "share"), word("make", "VB", "make"), word("went", "VBD", "go"),
               word("Take", "VB", "take"),    word("have", "VBP", "have")};
    auto l = kb::analysis::Lemmatizer::train({s});
    CHECK(l.lemma("are", "VBP") == "be");
    CHECK(l.lemma("declare", "VBP") == "declare");
    CHECK(l.lemma("Prepare", "VB") == "prepare");
    auto verbs =
        kb::analysis::VerbLexicon::parse("strike\nlay\nlie\nstruck strike\nlay lie\n", "verbs.txt");
    REQUIRE(verbs.has_value());
    l.set_verbs(std::move(*verbs));
    CHECK(l.lemma("struck", "VBP") == "strike");  // only an inflection in WordNet
    CHECK(l.lemma("lay", "VBP") == "lay");        // a verb of its own too
    CHECK(l.lemma("declare", "VBP") == "declare");
  }

  TEST_CASE("a rule is chosen by every word it gets right: case kept, separators deleted") {
    ParsedSentence s;
    // Lower-case web addresses were taken for examples of lower-casing ("L0:") and turned
    // "duffie@Stanford.EDU" into "duffie@stanford.edu"; they are as much examples of keeping.
    s.words = {word("www.foo.com", "ADD", "www.foo.com"), word("bar.org", "ADD", "bar.org"),
               word("Space.com", "ADD", "Space.com"),
               // EWT writes numbers without their thousands separators.
               word("2000", "CD", "2000"), word("1,250", "CD", "1250"),
               word("3,500,000", "CD", "3500000"), word("12", "CD", "12"),
               // Plural nouns still lower-case where the treebank does.
               word("Dogs", "NNS", "dog"), word("cats", "NNS", "cat"), word("rats", "NNS", "rat")};
    const auto l = kb::analysis::Lemmatizer::train({s});
    CHECK(l.lemma("duffie@Stanford.EDU", "ADD") == "duffie@Stanford.EDU");
    CHECK(l.lemma("6,363,217", "CD") == "6363217");
    CHECK(l.lemma("1990", "CD") == "1990");
    CHECK(l.lemma("Bats", "NNS") == "bat");
    CHECK(l.lemma("hats", "NNS") == "hat");
  }

  TEST_CASE("a web address is its own lemma even where a suffix rule would lower-case it") {
    // Addresses lower-cased for training ("index.html") taught "L0:" for the ".html" ending,
    // and an unseen "PakistanBirdClub/index.HTML" lost its case (EWT keeps every address).
    ParsedSentence s;
    s.words = {word("INDEX.HTML", "ADD", "index.html"), word("Main.HTML", "ADD", "main.html"),
               word("a.html", "ADD", "a.html")};
    const auto l = kb::analysis::Lemmatizer::train({s});
    CHECK(l.lemma("INDEX.HTML", "ADD") == "index.html");  // seen: the treebank's own lemma
    CHECK(l.lemma("Pakistan/Birds.HTML", "ADD") == "Pakistan/Birds.HTML");
  }

  TEST_CASE("a plural-tagged form the treebank knows as a singular noun keeps its form") {
    // "series" tagged NNS took the "-ies" -> "-y" rule: "sery".
    ParsedSentence s;
    s.words = {word("series", "NN", "series"), word("parties", "NNS", "party"),
               word("cities", "NNS", "city"), word("goods", "NNS", "good")};
    const auto l = kb::analysis::Lemmatizer::train({s});
    CHECK(l.lemma("series", "NNS") == "series");
    CHECK(l.lemma("Series", "NNS") == "series");
    CHECK(l.lemma("armies", "NNS") == "army");  // the rule still serves real plurals
    CHECK(l.lemma("goods", "NNS") == "good");
  }

  TEST_CASE("the verb lexicon reads lemmas and irregular forms and names a bad line") {
    using kb::analysis::VerbLexicon;
    auto ok = VerbLexicon::parse("# comment\nshell\nshook shake\n", "verbs.txt");
    REQUIRE(ok.has_value());
    CHECK(ok->lemmas.contains("shell"));
    CHECK(ok->irregular.at("shook") == "shake");
    auto bad = VerbLexicon::parse("shell\nshook shake extra\n", "verbs.txt");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message.find("verbs.txt:2") != std::string::npos);
    CHECK_FALSE(VerbLexicon::parse("# only a comment\n", "verbs.txt").has_value());
    auto missing = Models::load(fs::path(KB_SOURCE_DIR) / "data" / "analysis" / "en_ewt.kbm",
                                "/nonexistent/wordnet-verbs.txt");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message.find("/nonexistent/wordnet-verbs.txt") != std::string::npos);
  }
}
