// What the extractor tests share: the shipped data and gazetteer, loaded once per test binary,
// and three ways to read an article: by the hand rules as published on 23 May 2023
// (hand_rules::run), by the hand rules as the second blind round's articles (blind_round::run:
// published on 24 May 2022, under a title), and by the learned extractor (learned::extract).
// A test file brings in the `run` it reads with by a using-declaration.
#pragma once

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"

// A list of titles prints as its items, so that CAPTURE(titles) shows what was extracted.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& v) {
    std::string out = "[";
    for (const auto& item : v) {
      out += (out.size() > 1 ? " | " : "") + item;
    }
    return (out + "]").c_str();
  }
};

namespace kb::test {

inline const std::filesystem::path& data_dir() {
  static const std::filesystem::path dir = [] {
    auto d = kb::importers::find_data_dir();
    REQUIRE(d.has_value());
    return *d;
  }();
  return dir;
}

inline const kb::importers::Gazetteer& gazetteer() {
  static const kb::importers::Gazetteer g = [] {
    auto loaded = kb::importers::load_gazetteer(data_dir());
    REQUIRE(loaded.has_value());
    return std::move(loaded).value();
  }();
  return g;
}

namespace hand_rules {

inline kb::importers::extract::Extraction run(
    const std::string& text,
    std::optional<date::sys_days> published = date::sys_days{date::year{2023} / 5 / 23}) {
  kb::importers::Article a;
  a.title = "Test article";
  a.text = text;
  a.origin = "test.txt";
  if (published) {
    a.published = date::sys_seconds(*published);
  }
  return kb::importers::extract::Extractor(gazetteer()).extract(a);
}

}  // namespace hand_rules

// The extractor rules of the second blind round (eval/events/README.md).
namespace blind_round {

inline const kb::importers::extract::Extractor& extractor() {
  static const kb::importers::extract::Extractor x(gazetteer());
  return x;
}

inline kb::importers::extract::Extraction run(const std::string& text,
                                              const std::string& title = "Test article") {
  kb::importers::Article a;
  a.title = title;
  a.text = text;
  a.origin = "test.txt";
  a.published = date::sys_seconds(date::sys_days{date::year{2022} / 5 / 24});
  return extractor().extract(a);
}

inline bool has_actor(const kb::importers::extract::ExtractedEvent& e, const std::string& name) {
  return std::any_of(e.participants.begin(), e.participants.end(),
                     [&](const auto& p) { return p.role == kb::Role::actor && p.name == name; });
}

}  // namespace blind_round

namespace learned {

inline const kb::importers::extract::Extractor& learned_extractor() {
  static const kb::importers::extract::Extractor x = [] {
    std::vector<std::string> warnings;
    kb::importers::extract::ExtractOptions options =
        kb::importers::extract::default_options(data_dir(), warnings);
    REQUIRE(warnings.empty());
    REQUIRE(options.learned != nullptr);
    return kb::importers::extract::Extractor(gazetteer(), options);
  }();
  return x;
}

// An article of `text` as the importers would give it to the extractor.
inline kb::importers::Article article(const std::string& text, date::sys_days published,
                                      const std::string& publisher, const std::string& title) {
  kb::importers::Article a;
  a.title = title;
  a.publisher = publisher;
  a.text = text;
  a.origin = "test.txt";
  a.published = date::sys_seconds(published);
  return a;
}

inline kb::importers::extract::Extraction extract(const std::string& text, date::sys_days published,
                                                  const std::string& publisher = {},
                                                  const std::string& title = "Test article") {
  return learned_extractor().extract(article(text, published, publisher, title));
}

// The same, with `triggers` as the trigger oracle (ExtractOptions::triggers): the words written
// so are the triggers and no others, so that a test of what follows the trigger decision holds
// whatever the shipped trigger model draws.
inline kb::importers::extract::Extraction extract_triggers(
    const std::string& text, date::sys_days published, std::vector<std::string> triggers,
    const std::string& publisher = {}, const std::string& title = "Test article") {
  static const kb::importers::extract::ExtractOptions shipped = [] {
    std::vector<std::string> warnings;
    return kb::importers::extract::default_options(data_dir(), warnings);
  }();
  kb::importers::extract::ExtractOptions options = shipped;  // the models are shared, not copied
  options.triggers = std::move(triggers);
  const kb::importers::extract::Extractor x(gazetteer(), options);
  return x.extract(article(text, published, publisher, title));
}

inline constexpr date::sys_days kDay = date::sys_days{date::year{2022} / 3 / 14};

// The titles of an extraction's events, in order.
inline std::vector<std::string> titles_of(const kb::importers::extract::Extraction& x) {
  std::vector<std::string> titles;
  for (const auto& e : x.events) {
    titles.push_back(e.title);
  }
  return titles;
}

// Whether `titles` holds `title`.
inline bool has(const std::vector<std::string>& titles, std::string_view title) {
  return std::find(titles.begin(), titles.end(), title) != titles.end();
}

}  // namespace learned

}  // namespace kb::test
