// Tests for importers/analysis/perceptron.cpp: bagged linear models and the model table format
// (read in place or copied, old files, bounded damage).
#include "importers/analysis/perceptron.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/importers/analysis/analysis_fixture.hpp"

TEST_SUITE("importers") {
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

  TEST_CASE("perceptron trainer: add() moves one class's weight and is averaged over time") {
    using kb::analysis::PerceptronTrainer;
    PerceptronTrainer t(3);
    const std::vector<std::uint64_t> keys = {5, 6};
    t.add(keys, 2, 1.0F);
    t.add(keys, 1, -1.0F);
    std::vector<float> now(3, 0.0F);
    t.score(keys, now);
    CHECK(now[0] == doctest::Approx(0.0));
    CHECK(now[1] == doctest::Approx(-2.0));  // two keys, -1 each
    CHECK(now[2] == doctest::Approx(2.0));
    t.tick();
    t.add(std::vector<std::uint64_t>{5}, 2, -1.0F);  // back to 0 for key 5 from now on
    t.tick();
    std::vector<float> avg(3, 0.0F);
    t.average().score(std::vector<std::uint64_t>{5}, avg);
    // key 5, class 2: weight 1 for one of the two ticks, 0 since (time starts at 1)
    CHECK(avg[2] == doctest::Approx(1.0 / 3.0));
    CHECK(avg[1] == doctest::Approx(-2.0 / 3.0));
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

  TEST_CASE("a memo of rows gives score()'s sums exactly, and forgets another model's rows") {
    using kb::analysis::LinearModel;
    using kb::analysis::PerceptronTrainer;
    // Two models over the same keys with different weights; many keys share a memo entry.
    PerceptronTrainer ta(4), tb(4);
    std::vector<std::uint64_t> keys;
    for (std::uint64_t i = 1; i <= 20000; ++i) {
      keys.push_back(i * 0x9E3779B97F4A7C15ULL);
      const std::vector<std::uint64_t> one = {keys.back()};
      ta.update(one, i % 4, (i + 1) % 4);
      tb.update(one, (i + 3) % 4, i % 4);
      ta.tick();
      tb.tick();
    }
    const LinearModel a = ta.average(), b = tb.average();
    LinearModel::Memo memo;
    for (std::size_t i = 0; i + 40 <= keys.size(); i += 997) {
      // present keys, absent ones, and the same keys again (from the memo)
      std::vector<std::uint64_t> ks(keys.begin() + static_cast<std::ptrdiff_t>(i),
                                    keys.begin() + static_cast<std::ptrdiff_t>(i) + 40);
      ks.push_back(keys[i] + 1);
      ks.push_back(0);
      for (int round = 0; round < 2; ++round) {
        for (const LinearModel* m : {&a, &b}) {
          std::vector<float> plain(4, 0.0F), memoised(4, 0.0F);
          m->score(ks, plain);
          m->score(ks, memoised, memo);
          CHECK(plain == memoised);
        }
      }
    }
    // A copy shares the tables and the memo's entries; a model read from a file is another.
    const LinearModel copy = a;
    std::string bytes;
    a.write(bytes);
    std::size_t pos = 0;
    auto read = LinearModel::read(bytes, pos);
    REQUIRE(read.has_value());
    const LinearModel& from_file = *read;
    for (const LinearModel* m : {&copy, &from_file, &a}) {
      std::vector<float> plain(4, 0.0F), memoised(4, 0.0F);
      m->score(keys, plain);
      m->score(keys, memoised, memo);
      CHECK(plain == memoised);
    }
  }

  TEST_CASE("a memo adds long rows as dense vectors: the same floats as one weight at a time") {
    using kb::analysis::LinearModel;
    using kb::analysis::PerceptronTrainer;
    // 60 classes; the first 700 keys get a weight for every class (long rows, more than the
    // memo holds as dense vectors), the rest one or two.
    constexpr std::size_t kClasses = 60;
    PerceptronTrainer t(kClasses);
    std::vector<std::uint64_t> keys;
    for (std::uint64_t i = 1; i <= 3000; ++i) {
      keys.push_back(i * 0xD6E8FEB86659FD93ULL);
      const std::vector<std::uint64_t> one = {keys.back()};
      const std::size_t spread = i <= 700 ? kClasses : 2;
      for (std::size_t c = 0; c < spread; ++c) {
        t.add(one, (i + c) % kClasses, static_cast<float>((i * 7 + c * 13) % 11) - 5.0F);
        t.tick();
      }
    }
    std::string bytes;
    t.average().write(bytes);
    std::size_t pos = 0;
    auto m = LinearModel::read(bytes, pos);  // 16-bit weights, as a shipped model
    REQUIRE(m.has_value());
    LinearModel::Memo memo;
    for (int round = 0; round < 3; ++round) {
      for (std::size_t i = 0; i + 64 <= keys.size(); i += 61) {
        const std::span<const std::uint64_t> ks(keys.data() + i, 64);
        std::vector<float> plain(kClasses, 0.0F), memoised(kClasses, 0.0F);
        m->score(ks, plain);
        m->score(ks, memoised, memo);
        CHECK(plain == memoised);
      }
    }
  }

  TEST_CASE("perceptron trainer: scores see every update made since they were last asked") {
    using kb::analysis::PerceptronTrainer;
    PerceptronTrainer t(3);
    const std::vector<std::uint64_t> keys = {11, 11 + 8192, 12};  // two share a memo entry
    std::vector<float> s(3, 0.0F);
    t.score(keys, s);  // nothing yet: remembered as absent
    CHECK(s == std::vector<float>(3, 0.0F));
    t.add(std::vector<std::uint64_t>{11 + 8192}, 1, 2.0F);
    t.score(keys, s);
    CHECK(s == std::vector<float>{0.0F, 2.0F, 0.0F});
    t.add(std::vector<std::uint64_t>{12}, 2, -1.0F);
    std::fill(s.begin(), s.end(), 0.0F);
    t.score(keys, s);
    t.score(keys, s);  // twice: the remembered rows add the same again
    CHECK(s == std::vector<float>{0.0F, 4.0F, -2.0F});
  }
}
