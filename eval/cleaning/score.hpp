// Cleaning-quality scorer: reads eval/cleaning/gold.jsonl, runs the readers on each input and
// reports title accuracy, publication-day accuracy and bag-of-words body precision/recall.
// Header-only so that both bench/bench_readers.cpp and the tests can use it.
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "importers/readers/reader.hpp"

namespace kb::eval {

// Totals over the gold set.
struct CleaningScore {
  std::size_t items = 0, skipped = 0;
  std::size_t title_ok = 0, day_ok = 0;
  double tp = 0, found = 0, expected = 0;  // body words: matched, produced, in gold
  std::vector<std::string> misses;         // one line per wrong title/day or weak body

  double title_accuracy() const {
    return items ? static_cast<double>(title_ok) / static_cast<double>(items) : 0;
  }
  double day_accuracy() const {
    return items ? static_cast<double>(day_ok) / static_cast<double>(items) : 0;
  }
  double precision() const { return found > 0 ? tp / found : 0; }
  double recall() const { return expected > 0 ? tp / expected : 0; }
};

// Lower-cased words (letters/digits, non-ASCII bytes kept; Unicode spaces split) with counts.
inline std::unordered_map<std::string, double> bag_of_words(std::string_view s) {
  std::unordered_map<std::string, double> bag;
  std::string w;
  const auto flush = [&] {
    if (!w.empty()) {
      bag[w] += 1;
      w.clear();
    }
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    // Unicode spaces (NBSP, thin and narrow spaces) separate words like ASCII spaces.
    if (s.substr(i).starts_with("\xC2\xA0") || s.substr(i).starts_with("\xE2\x80\x89") ||
        s.substr(i).starts_with("\xE2\x80\xAF")) {
      flush();
      i += s[i] == '\xC2' ? std::size_t{1} : std::size_t{2};
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      w += c;
    } else if (c >= 'A' && c <= 'Z') {
      w += static_cast<char>(c - 'A' + 'a');
    } else {
      flush();
    }
  }
  flush();
  return bag;
}

// The dev.jsonl records named by the gold file, by id (read once, streaming).
inline std::map<std::string, nlohmann::json> load_records(const std::filesystem::path& jsonl,
                                                          const std::vector<std::string>& ids) {
  std::map<std::string, nlohmann::json> out;
  std::ifstream in(jsonl);
  std::string line;
  while (std::getline(in, line) && out.size() < ids.size()) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j["id"].is_string()) {
      continue;
    }
    std::string id = j["id"].get<std::string>();
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
      out[std::move(id)] = std::move(j);
    }
  }
  return out;
}

inline std::string json_string(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// Resolves "repo:" and "shared:" prefixes of gold paths.
inline std::filesystem::path resolve(const std::string& ref, const std::filesystem::path& repo,
                                     const std::filesystem::path& shared) {
  if (ref.starts_with("repo:")) {
    return repo / ref.substr(5);
  }
  if (ref.starts_with("shared:")) {
    return shared / ref.substr(7);
  }
  return ref;
}

// Gold body "between" two phrases of the source file, lines trimmed, blank lines dropped.
inline std::string body_between(const std::filesystem::path& file, const std::string& from,
                                const std::string& to) {
  std::ifstream in(file, std::ios::binary);
  const std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t b = s.find(from);
  const std::size_t e = s.find(to, b == std::string::npos ? 0 : b);
  return (b == std::string::npos || e == std::string::npos) ? std::string()
                                                            : s.substr(b, e + to.size() - b);
}

// Boilerplate around synthesised scraped pages ("wrap" items). Deliberately includes lines that
// are not in the readers' vocabulary tables, so the positional rules are what is tested.
constexpr std::string_view kWrapHead =
    "Skip to content\nHome\nEurope\nOpinion\nAdvertise with us\nSign up to our morning "
    "briefing\nen\nde\nMost popular\n\n";
constexpr std::string_view kWrapTail =
    "\n\nTags: Russia, Ukraine, NATO\nShare this:\nRelated stories\nLeaders meet again "
    "after summit collapse\nNew sanctions package agreed in Brussels\nAbout us\nContact us\n"
    "\xC2\xA9 2024 Example Media Group. All rights reserved.\n";

// A scraped-looking page around a dev.jsonl record: navigation, title and dateline (in one of
// three orders and styles, chosen by `variant`), the body, then footers.
inline std::string wrap_record(const nlohmann::json& rec, std::size_t variant) {
  const std::string title = rec.contains("title") && rec["title"].is_string()
                                ? rec["title"].get<std::string>()
                                : std::string();
  std::string dateline;
  if (rec.contains("published") && rec["published"].is_string()) {
    const std::string p = rec["published"].get<std::string>();
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    const int n = std::sscanf(p.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &sec);
    const auto t = date::sys_days{date::year{y} / date::month{static_cast<unsigned>(mo)} /
                                  date::day{static_cast<unsigned>(d)}} +
                   std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{sec};
    if (n >= 3) {
      dateline = variant % 3 == 0   ? date::format("%d %B %Y %H:%M", t)
                 : variant % 3 == 1 ? date::format("%B %d, %Y", date::floor<date::days>(t))
                                    : date::format("Published: %Y-%m-%d %H:%M", t);
    }
  }
  std::string page(kWrapHead);
  if (variant % 2 == 0) {
    page += title + "\n\n" + dateline + "\n\n";
  } else {
    page += dateline + "\n" + title + "\n\n";
  }
  page += rec.contains("text") && rec["text"].is_string() ? rec["text"].get<std::string>() : "";
  page += kWrapTail;
  return page;
}

// Scores one produced article against its gold expectations.
inline void score_item(CleaningScore& sc, const std::string& name, const importers::Article& a,
                       const std::string& title, const std::string& day, const std::string& body) {
  ++sc.items;
  const std::string got_day = a.published ? date::format("%F", *a.published) : std::string("-");
  const bool title_ok = a.title == title;
  const bool day_ok = got_day == (day.empty() ? "-" : day);
  sc.title_ok += title_ok ? 1 : 0;
  sc.day_ok += day_ok ? 1 : 0;
  const auto want = bag_of_words(body);
  const auto got = bag_of_words(a.text);
  double tp = 0, nf = 0, ne = 0;
  for (const auto& [w, n] : got) {
    nf += n;
    const auto it = want.find(w);
    tp += it == want.end() ? 0 : std::min(n, it->second);
  }
  for (const auto& [w, n] : want) {
    ne += n;
  }
  sc.tp += tp, sc.found += nf, sc.expected += ne;
  const double p = nf > 0 ? tp / nf : 0, r = ne > 0 ? tp / ne : 0;
  if (!title_ok) {
    sc.misses.push_back(fmt::format("{}: title '{}' (want '{}')", name, a.title, title));
  }
  if (!day_ok) {
    sc.misses.push_back(fmt::format("{}: day {} (want {})", name, got_day, day));
  }
  if (p < 0.95 || r < 0.95) {
    sc.misses.push_back(fmt::format("{}: body P={:.3f} R={:.3f}", name, p, r));
  }
}

// Runs the gold set; with `wrapped` set, only the items whose "wrap" flag equals it. `shared` is
// the ../shared directory; items needing it are skipped (counted in `skipped`) when it is absent.
inline CleaningScore score_cleaning(const std::filesystem::path& gold,
                                    const std::filesystem::path& repo,
                                    const std::filesystem::path& shared,
                                    std::optional<bool> wrapped = std::nullopt) {
  CleaningScore sc;
  std::vector<nlohmann::json> items;
  std::vector<std::string> ids;
  std::ifstream in(gold);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object()) {
      if (j.contains("record")) {
        ids.push_back(j["record"].get<std::string>());
      }
      items.push_back(std::move(j));
    }
  }
  const bool have_shared = std::filesystem::exists(shared / "data/articles/dev.jsonl");
  std::map<std::string, nlohmann::json> records;
  if (have_shared) {
    records = load_records(shared / "data/articles/dev.jsonl", ids);
  }
  for (const auto& g : items) {
    const std::string input = json_string(g, "input");
    if (input.starts_with("shared:") && !have_shared) {
      ++sc.skipped;
      continue;
    }
    const auto path = resolve(input, repo, shared);
    const bool wrap = g.contains("wrap") && g["wrap"].get<bool>();
    if (wrapped && *wrapped != wrap) {
      continue;
    }
    if (wrap && !records.contains(json_string(g, "record"))) {
      ++sc.skipped;
      continue;
    }
    auto r = wrap ? importers::read_articles(
                        wrap_record(records.at(json_string(g, "record")), sc.items), input, {})
                  : importers::read_path(path, {});
    const std::size_t index = g.contains("item") ? g["item"].get<std::size_t>() : 0;
    if (!r || r->articles.size() <= index) {
      ++sc.items;
      sc.misses.push_back(fmt::format("{}: not read", input));
      continue;
    }
    std::string title = json_string(g, "title"), day = json_string(g, "day"), body;
    if (g.contains("record")) {
      const auto it = records.find(g["record"].get<std::string>());
      if (it == records.end()) {
        ++sc.skipped;
        continue;
      }
      title = json_string(it->second, "title");
      day = json_string(it->second, "published").substr(0, 10);
      body = json_string(it->second, "text");
    } else if (g.contains("body_file")) {
      std::ifstream bf(resolve(json_string(g, "body_file"), repo, shared), std::ios::binary);
      body.assign(std::istreambuf_iterator<char>(bf), std::istreambuf_iterator<char>());
    } else if (g.contains("body_between")) {
      body = body_between(path, g["body_between"][0].get<std::string>(),
                          g["body_between"][1].get<std::string>());
    }
    score_item(sc, fmt::format("{}#{}{}", input, index, wrap ? " (wrapped)" : ""),
               r->articles[index], title, day, body);
  }
  return sc;
}

}  // namespace kb::eval
