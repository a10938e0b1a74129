// Tests for importers/analysis/: UD tokenisation, CoNLL-U reading and writing, the model file
// format and its errors, and the shipped models on sentences whose analysis is not in doubt.
// The treebank check reads ../shared and is skipped without it.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/analysis/analyzer.hpp"
#include "importers/analysis/lemmatizer.hpp"
#include "importers/analysis/model.hpp"
#include "importers/analysis/perceptron.hpp"
#include "importers/analysis/sentence.hpp"
#include "importers/analysis/tokenizer.hpp"

namespace {

namespace fs = std::filesystem;
using kb::analysis::Analyzer;
using kb::analysis::Models;
using kb::analysis::ParsedSentence;
using kb::analysis::Word;

std::string forms(const std::vector<Word>& words) {
  std::string out;
  for (const Word& w : words) {
    out += (out.empty() ? "" : " ") + w.form;
  }
  return out;
}

const Analyzer& analyzer() {
  static Analyzer a = [] {
    auto r = Analyzer::load(fs::path(KB_SOURCE_DIR) / "data");
    REQUIRE_MESSAGE(r.has_value(), (r ? "" : r.error().message));
    return std::move(*r);
  }();
  return a;
}

const Word* find(const ParsedSentence& s, std::string_view form) {
  for (const Word& w : s.words) {
    if (w.form == form) {
      return &w;
    }
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("tokenize follows the UD English (EWT) conventions") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Russia's troops didn't stop.", "Russia 's troops did n't stop ."},
        {"They can't and won't, we're told.", "They ca n't and wo n't , we 're told ."},
        {"the leaders' summit", "the leaders ' summit"},
        {"Mr. Putin met U.S. officials at 10 a.m. on Feb. 3.",
         "Mr. Putin met U.S. officials at 10 a.m. on Feb. 3 ."},
        {"a 15-year term, anti-war and co-workers", "a 15 - year term , anti-war and co-workers"},
        {"\"We will win,\" he said (again).", "\" We will win , \" he said ( again ) ."},
        {"$1,000.50 or 5% on 9/11", "$ 1,000.50 or 5 % on 9/11"},
        {"see https://example.org/a?b=1, or mail a@b.org.",
         "see https://example.org/a?b=1 , or mail a@b.org ."},
        {"He left—quietly…", "He left — quietly …"},
        {"“Yes,” she said.", "“ Yes , ” she said ."},
        {"and/or", "and / or"},
    };
    for (const auto& [text, expected] : cases) {
      CAPTURE(text);
      CHECK(forms(kb::analysis::tokenize(text)) == expected);
    }
  }

  TEST_CASE("tokenize keeps byte offsets and spacing, and never loses a non-space byte") {
    const std::string text = "Kyiv\xC2\xA0(Ukraine)  said:\xff\xfe ok";
    const auto words = kb::analysis::tokenize(text, 100);
    std::string rebuilt;
    for (const Word& w : words) {
      CHECK(text.substr(w.begin - 100, w.end - w.begin) == w.form);
      rebuilt += w.form;
    }
    CHECK(rebuilt == "Kyiv(Ukraine)said:\xff\xfeok");
    CHECK(words[0].space_after);   // a no-break space is a space
    CHECK(!words[1].space_after);  // "(" touches "Ukraine"
  }

  TEST_CASE("read_conllu reads words and names the line of an error") {
    const std::string doc =
        "# text = It "
        "works.\n1-2\tIt's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
        "2\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_"
        "\t_\n\n";
    auto r = kb::analysis::read_conllu(doc);
    REQUIRE(r.has_value());
    REQUIRE(r->size() == 1);
    CHECK((*r)[0].text == "It works.");
    CHECK((*r)[0].words.size() == 3);
    CHECK(!(*r)[0].words[1].space_after);
    CHECK((*r)[0].words[2].head == 2);
    const std::string written = kb::analysis::write_conllu(*r);
    CHECK(written.find("# text = It works.\n") != std::string::npos);
    CHECK(written.find("2\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n") !=
          std::string::npos);

    auto bad = kb::analysis::read_conllu("# text = x\n1\tx\tx\tX\n");
    REQUIRE(!bad.has_value());
    CHECK(bad.error().message.find("line 2") != std::string::npos);
  }

  TEST_CASE("bagged linear models: each weight is the mean over the models") {
    using kb::analysis::LinearModel;
    using kb::analysis::PerceptronTrainer;
    // Two trainers that disagree: one learns key 7 -> class 1, the other key 7 -> class 0 and
    // key 9 -> class 1.
    PerceptronTrainer a(2), b(2);
    const std::vector<std::uint64_t> k7 = {7}, k9 = {9};
    a.update(k7, 1, 0);
    a.tick();
    b.update(k7, 0, 1);
    b.update(k9, 1, 0);
    b.tick();
    const std::vector<LinearModel> models = {a.average(), b.average()};
    auto mean = LinearModel::mean(models);
    REQUIRE(mean.has_value());
    std::vector<float> s7(2, 0.0F), s9(2, 0.0F), a7(2, 0.0F), b9(2, 0.0F);
    mean->score(k7, s7);
    mean->score(k9, s9);
    models[0].score(k7, a7);
    models[1].score(k9, b9);
    CHECK(s7[0] == doctest::Approx(0.0));  // +w and -w cancel
    CHECK(s7[1] == doctest::Approx(0.0));
    CHECK(s9[1] == doctest::Approx(b9[1] / 2));  // present in one model of two: half
    CHECK(s9[0] == doctest::Approx(b9[0] / 2));
    CHECK(a7[1] > 0.0F);
    // One model is its own mean; models of different class counts cannot be averaged.
    auto one = LinearModel::mean(std::span(models).first(1));
    REQUIRE(one.has_value());
    std::vector<float> o7(2, 0.0F);
    one->score(k7, o7);
    CHECK(o7[1] == doctest::Approx(a7[1]));
    PerceptronTrainer c(3);
    c.update(k7, 2, 0);
    c.tick();
    const std::vector<LinearModel> mixed = {a.average(), c.average()};
    CHECK_FALSE(LinearModel::mean(mixed).has_value());
    CHECK_FALSE(LinearModel::mean({}).has_value());
  }

  TEST_CASE(
      "a model table reads in place or copied alike, old files still read, damage is bounded") {
    using kb::analysis::LinearModel;
    using kb::analysis::PerceptronTrainer;
    // 3,000 keys over 5 classes, enough for a table of many slots and probe runs.
    PerceptronTrainer t(5);
    std::vector<std::uint64_t> keys;
    for (std::uint64_t i = 1; i <= 3000; ++i) {
      keys.push_back(i * 0x9E3779B97F4A7C15ULL);
      const std::vector<std::uint64_t> one = {keys.back()};
      t.update(one, i % 5, (i + 2) % 5);
      t.tick();
    }
    const LinearModel built = t.average();
    std::string bytes;
    built.write(bytes);
    auto scores = [&](const LinearModel& m) {
      std::vector<float> all;
      for (std::size_t i = 0; i < keys.size(); i += 7) {
        // Present keys, then one absent key beside each.
        std::vector<float> s(5, 0.0F);
        const std::vector<std::uint64_t> ks = {keys[i], keys[i] + 1};
        m.score(ks, s);
        all.insert(all.end(), s.begin(), s.end());
      }
      return all;
    };
    std::size_t pos = 0;
    auto copied = LinearModel::read(bytes, pos);
    REQUIRE(copied.has_value());
    CHECK(pos == bytes.size());
    // In place: the bytes stay alive with the model, which uses its table where it lies.
    auto held = std::make_shared<const std::string>(bytes);
    pos = 0;
    auto in_place = LinearModel::read(*held, pos, held);
    REQUIRE(in_place.has_value());
    held.reset();  // the model keeps the bytes
    // Read back, the weights are the file's 16-bit ones: within a step of the trained ones.
    CHECK(scores(*in_place) == scores(*copied));
    const auto trained = scores(built), read = scores(*copied);
    REQUIRE(trained.size() == read.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
      CHECK(read[i] == doctest::Approx(trained[i]).epsilon(0.001));
    }
    CHECK(in_place->weights() == built.weights());
    std::string again;
    in_place->write(again);
    CHECK(again == bytes);  // read and written again: the same bytes

    // Format 1 (rows in key order, no table) is still read.
    std::string v1;
    kb::analysis::put_u32(v1, 2);  // classes
    kb::analysis::put_u32(v1, 2);  // rows
    kb::analysis::put_f32(v1, 0.5F);
    for (const auto& [key, q] : {std::pair<std::uint64_t, std::int16_t>{5, 3}, {9, -4}}) {
      kb::analysis::put_u64(v1, key);
      kb::analysis::put_u16(v1, 1);  // one cell
      kb::analysis::put_u16(v1, 1);  // class 1
      kb::analysis::put_u16(v1, static_cast<std::uint16_t>(q));
    }
    pos = 0;
    auto old = LinearModel::read(v1, pos);
    REQUIRE(old.has_value());
    std::vector<float> s5(2, 0.0F), s9(2, 0.0F);
    old->score(std::vector<std::uint64_t>{5}, s5);
    old->score(std::vector<std::uint64_t>{9}, s9);
    CHECK(s5[1] == 1.5F);
    CHECK(s9[1] == -2.0F);

    // A damaged table: every slot taken by a foreign key, the longest probe the whole table,
    // slot ranges past the cells. Lookups end and add nothing they should not.
    std::string damaged = bytes;
    const std::size_t slots_at = 32;  // after the 28-byte header, aligned to 16
    std::uint32_t cap = 0;
    std::memcpy(&cap, damaged.data() + 12, 4);
    REQUIRE(cap >= 4096);
    std::memcpy(damaged.data() + 16, &cap, 4);  // longest probe = the table
    for (std::size_t i = 0; i < cap; ++i) {
      const std::uint64_t foreign = 0xFFFF000000000000ULL | i;
      const std::uint32_t far = 0xFFFFFFF0U;
      std::memcpy(damaged.data() + slots_at + 16 * i, &foreign, 8);
      std::memcpy(damaged.data() + slots_at + 16 * i + 8, &far, 4);
    }
    // ... and weights naming a class the model lacks.
    std::uint32_t ncells = 0;
    std::memcpy(&ncells, damaged.data() + 20, 4);
    REQUIRE(ncells > 0);
    for (std::size_t i = 0; i < ncells; i += 3) {
      const std::uint16_t far_class = 0xFFFF;
      std::memcpy(damaged.data() + slots_at + 16 * std::size_t{cap} + 4 * i, &far_class, 2);
    }
    pos = 0;
    auto bad = LinearModel::read(damaged, pos);
    REQUIRE(bad.has_value());  // the table is read as it is; lookups check what they use
    std::vector<float> none(5, 0.0F);
    bad->score(keys, none);
    const std::vector<std::uint64_t> foreign = {0xFFFF000000000000ULL | 3};
    bad->score(foreign, none);
    CHECK(none == std::vector<float>(5, 0.0F));
    // Read in place (as from a mapped file), the same damage is as harmless.
    auto held_damaged = std::make_shared<const std::string>(damaged);
    pos = 0;
    auto bad_in_place = LinearModel::read(*held_damaged, pos, held_damaged);
    REQUIRE(bad_in_place.has_value());
    bad_in_place->score(keys, none);
    CHECK(none == std::vector<float>(5, 0.0F));
    // A header promising more than the file holds is an error.
    pos = 0;
    CHECK_FALSE(LinearModel::read(std::string_view(bytes).substr(0, bytes.size() - 1), pos));
  }

  TEST_CASE("a damaged model file is one clear error, never a crash") {
    CHECK(!Models::read("").has_value());
    CHECK(!Models::read("not a model at all").has_value());
    std::ifstream in(fs::path(KB_SOURCE_DIR) / "data" / "analysis" / "en_ewt.kbm",
                     std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    REQUIRE(bytes.size() > 1000);
    for (std::size_t cut : {std::size_t{10}, bytes.size() / 3, bytes.size() - 1}) {
      auto r = Models::read(std::string_view(bytes).substr(0, cut));
      REQUIRE(!r.has_value());
      CHECK(r.error().message.find("model") != std::string::npos);
    }
    auto missing = Models::load("/nonexistent/en_ewt.kbm");
    REQUIRE(!missing.has_value());
    CHECK(missing.error().message.find("/nonexistent/en_ewt.kbm") != std::string::npos);
  }

  TEST_CASE("the shipped models tag, lemmatise and parse a plain news sentence") {
    const auto sentences =
        const_cast<Analyzer&>(analyzer())
            .analyze("Russia annexed Crimea in 2014. Wagner fighters took the town.");
    REQUIRE(sentences.size() == 2);
    const ParsedSentence& s = sentences[0];
    const Word* annexed = find(s, "annexed");
    REQUIRE(annexed != nullptr);
    CHECK(annexed->upos == "VERB");
    CHECK(annexed->xpos == "VBD");
    CHECK(annexed->lemma == "annex");
    CHECK(annexed->head == 0);
    CHECK(find(s, "Russia")->deprel == "nsubj");
    CHECK(find(s, "Crimea")->deprel == "obj");
    CHECK(find(s, "2014")->deprel == "obl");
    const Word* took = find(sentences[1], "took");
    REQUIRE(took != nullptr);
    CHECK(took->lemma == "take");
    CHECK(find(sentences[1], "fighters")->lemma == "fighter");
  }

  TEST_CASE("unseen verbs take WordNet's lemma, unseen names keep their form") {
    // The learned suffix rules alone gave "shel", "repell", "outlin" and "Peskovember".
    const auto sentences = const_cast<Analyzer&>(analyzer())
                               .analyze(
                                   "Russian forces shelled the town. Ukrainian forces repelled "
                                   "them. Poroshenko outlined a plan. Dmitry Peskov spoke.");
    REQUIRE(sentences.size() == 4);
    CHECK(find(sentences[0], "shelled")->lemma == "shell");
    CHECK(find(sentences[1], "repelled")->lemma == "repel");
    CHECK(find(sentences[2], "outlined")->lemma == "outline");
    CHECK(find(sentences[3], "Peskov")->lemma == "Peskov");
  }

  TEST_CASE("a learned suffix rule never rewrites more of a word than its suffix") {
    // "best" -> "good" strips the whole word: learned as a rule for every JJS it turned
    // "harvest" into "hargood". Only the word itself (or a longer one ending so) may take it.
    const auto word = [](std::string form, std::string xpos, std::string lemma) {
      Word w;
      w.form = std::move(form);
      w.xpos = std::move(xpos);
      w.lemma = std::move(lemma);
      return w;
    };
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

  TEST_CASE("every sentence is one tree, also for binary input and very long runs") {
    std::string noise;
    for (int i = 0; i < 3000; ++i) {
      noise += static_cast<char>((i * 7919) % 256);
      noise += (i % 5 == 0) ? " " : "";
    }
    std::string long_run;
    for (int i = 0; i < 1200; ++i) {
      long_run += "word" + std::to_string(i % 13) + (i % 9 == 0 ? ", " : " ");
    }
    for (const std::string& text : {noise, long_run, std::string(""), std::string(" \n\t")}) {
      for (const ParsedSentence& s : const_cast<Analyzer&>(analyzer()).analyze(text)) {
        int roots = 0;
        for (std::size_t i = 0; i < s.words.size(); ++i) {
          const Word& w = s.words[i];
          CHECK(w.head >= 0);
          CHECK(w.head <= static_cast<int>(s.words.size()));
          CHECK(w.head != static_cast<int>(i + 1));
          roots += w.head == 0;
          CHECK(!w.upos.empty());
          CHECK(!w.deprel.empty());
        }
        CHECK(roots == (s.words.empty() ? 0 : 1));
      }
    }
  }

  TEST_CASE("on held-out treebank text the models are far above chance (needs ../shared)") {
    const fs::path dev = fs::path(KB_SHARED_DIR) / "data" / "ud-ewt" / "en_ewt-ud-dev.conllu";
    if (!fs::exists(dev)) {
      MESSAGE("skipped: no " << dev.string());
      return;
    }
    std::ifstream in(dev, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    auto gold = kb::analysis::read_conllu(ss.str());
    REQUIRE(gold.has_value());
    gold->resize(300);
    auto models = Models::load(fs::path(KB_SOURCE_DIR) / "data" / "analysis" / "en_ewt.kbm");
    REQUIRE(models.has_value());
    const auto s = kb::analysis::evaluate(*models, *gold);
    CAPTURE(s.upos);
    CAPTURE(s.uas);
    CAPTURE(s.las);
    // Sanity bounds, well below the benchmark figures in bench/README.md: a model that no longer
    // matches its code (features changed, file stale) falls far below them.
    CHECK(s.upos > 90.0);
    CHECK(s.lemma > 93.0);
    CHECK(s.uas > 75.0);
    CHECK(s.las > 70.0);
  }
}
