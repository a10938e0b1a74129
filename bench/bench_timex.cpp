// Speed of the date tagger: characters per second over a JSONL news file (one object per line
// with "published" and "text"), each article tagged against its own DCT. Articles whose
// "published" is null or unreadable are tagged against a fixed DCT (2023-05-23), not skipped.
// Usage: bench_timex [FILE.jsonl] [--repeat N]   (default: ../shared/data/articles/dev.jsonl)
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/resource.h>
#include <vector>

#include <fmt/format.h>

#include "importers/timex/tagger.hpp"

namespace {

struct Article {
  std::string text;
  date::sys_days dct;
};

date::sys_days parse_published(const nlohmann::json& j) {
  constexpr date::sys_days kFallback = date::sys_days{date::year{2023} / 5 / 23};
  if (!j.is_string()) {
    return kFallback;
  }
  const std::string s = j.get<std::string>();
  if (s.size() < 10) {
    return kFallback;
  }
  const date::year_month_day ymd{
      date::year{std::atoi(s.substr(0, 4).c_str())},
      date::month{static_cast<unsigned>(std::atoi(s.substr(5, 2).c_str()))},
      date::day{static_cast<unsigned>(std::atoi(s.substr(8, 2).c_str()))}};
  return ymd.ok() ? date::sys_days{ymd} : kFallback;
}

long max_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  // The repository sits next to ../shared; find it from this source file's path.
  std::string path = std::string(__FILE__);
  path = path.substr(0, path.rfind('/')) + "/../../shared/data/articles/dev.jsonl";
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else {
      path = a;
    }
  }
  std::ifstream in(path);
  if (!in) {
    std::cerr << "bench_timex: cannot read " << path << "\n";
    return 1;
  }
  std::vector<Article> articles;
  std::size_t chars = 0;
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) {
      continue;
    }
    Article a{j["text"].get<std::string>(),
              parse_published(j.value("published", nlohmann::json()))};
    chars += a.text.size();
    articles.push_back(std::move(a));
  }
  const long rss_loaded = max_rss_kb();
  double best = 1e300;
  std::size_t found = 0;
  for (int r = 0; r < repeat; ++r) {
    found = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const Article& a : articles) {
      found += kb::timex::tag(a.text, a.dct).size();
    }
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  fmt::print("articles {} bytes {} timexes {}\n", articles.size(), chars, found);
  fmt::print("best of {}: {:.3f} s, {:.1f} M chars/s (one core)\n", repeat, best,
             static_cast<double>(chars) / best / 1e6);
  fmt::print("max RSS after loading {} MB, after tagging {} MB\n", rss_loaded / 1024,
             max_rss_kb() / 1024);
  return 0;
}
