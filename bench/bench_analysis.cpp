// bench_analysis: speed and memory of the analysis layer on real articles, one thread.
//   bench_analysis CORPUS.jsonl [MAX_ARTICLES]
// Prints: model load time, peak RSS after loading, then sentence splitting + tokenisation alone
// and the whole pipeline (split, tokenise, tag, lemmatise, parse) in words per second.
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "importers/analysis/analyzer.hpp"
#include "importers/analysis/tokenizer.hpp"
#include "importers/entities/gazetteer.hpp"
#include "importers/sentences.hpp"

namespace {

long peak_rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      return std::stol(line.substr(6));
    }
  }
  return -1;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_analysis CORPUS.jsonl [MAX_ARTICLES]\n";
    return 2;
  }
  const std::size_t max = argc > 2 ? std::stoul(argv[2]) : SIZE_MAX;
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  {
    std::ifstream in(argv[1]);
    std::string line;
    while (texts.size() < max && std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j["text"].is_string()) {
        texts.push_back(j["text"].get<std::string>());
        bytes += texts.back().size();
      }
    }
  }
  const long rss_before = peak_rss_kb();
  auto t0 = std::chrono::steady_clock::now();
  auto dir = kb::importers::find_data_dir();
  if (!dir) {
    std::cerr << dir.error().message << "\n";
    return 1;
  }
  auto analyzer = kb::analysis::Analyzer::load(*dir);
  if (!analyzer) {
    std::cerr << analyzer.error().message << "\n";
    return 1;
  }
  const double load = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const auto models_only =
      kb::analysis::Models::load(kb::analysis::model_path(*dir), kb::analysis::verbs_path(*dir));
  const double load_models = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  { kb::importers::SentenceSplitter probe; }
  const double load_splitter = seconds_since(t0);
  const long rss_loaded = peak_rss_kb();

  t0 = std::chrono::steady_clock::now();
  std::size_t words = 0;
  kb::importers::SentenceSplitter splitter;
  for (const std::string& t : texts) {
    for (const auto& s : splitter.split(t)) {
      words += kb::analysis::tokenize(std::string_view(t).substr(s.begin, s.end - s.begin), s.begin)
                   .size();
    }
  }
  const double tok = seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  std::size_t analysed = 0;
  for (const std::string& t : texts) {
    for (const auto& s : analyzer->analyze(t)) {
      analysed += s.words.size();
    }
  }
  const double all = seconds_since(t0);
  std::cout << "articles " << texts.size() << ", " << bytes << " bytes, " << analysed << " words\n";
  std::cout << "analyzer load " << load * 1000 << " ms (model file alone " << load_models * 1000
            << " ms, sentence splitter " << load_splitter * 1000 << " ms); peak RSS "
            << rss_before / 1024 << " MB before, " << rss_loaded / 1024
            << " MB with the models loaded (" << (rss_loaded - rss_before) / 1024 << " MB)\n";
  std::cout << "split + tokenise: " << tok << " s, " << static_cast<double>(words) / tok
            << " words/s\n";
  std::cout << "whole pipeline (split, tokenise, tag, lemmatise, parse): " << all << " s, "
            << static_cast<double>(analysed) / all << " words/s\n";
  std::cout << "peak RSS at the end " << peak_rss_kb() / 1024 << " MB\n";
  return 0;
}
