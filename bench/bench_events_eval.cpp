// Event-extraction scorer: runs the extractor over the articles named by the gold files in
// eval/events/gold/*.json and reports precision and recall, in total and per set (the "set" field,
// else "blind" when the annotator field says so, else "dev"; format: eval/events/README.md).
// Usage: bench_events_eval [--dump] [--errors] [--gold DIR] [--shared DIR] [--repo DIR]
//                          [--set dev|blind|blind2] [--only NAME]...
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "importers/readers/reader.hpp"

namespace {

namespace fs = std::filesystem;
namespace ex = kb::importers::extract;

struct GoldEvent {
  date::sys_days from, to;
  std::vector<std::string> keywords;
  std::string note;
};

// The source tree, from this file's path (CMake passes absolute paths).
const fs::path kRepoDir = fs::path(__FILE__).parent_path().parent_path();

struct Options {
  bool dump = false, errors = false;
  fs::path gold = kRepoDir / "eval/events/gold";
  fs::path shared = kRepoDir / "../shared/data/articles";
  fs::path repo = kRepoDir;
  std::string set;                // score only this set ("dev", "blind", "blind2"); empty: all
  std::vector<std::string> only;  // score only these gold files (stem or file name); empty: all
};

// Counts of one set of gold files.
struct Tally {
  std::size_t articles = 0, tp = 0, sys = 0, gold = 0;
};

void print_tally(std::string_view name, const Tally& t) {
  const double p = t.sys ? static_cast<double>(t.tp) / static_cast<double>(t.sys) : 0;
  const double r = t.gold ? static_cast<double>(t.tp) / static_cast<double>(t.gold) : 0;
  fmt::print(
      "{:<6} articles {}  gold {}  system {}  matched {}  precision {:.3f}  recall {:.3f}  F1 "
      "{:.3f}\n",
      name, t.articles, t.gold, t.sys, t.tp, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
}

// Whether gold file `f` of set `set` is selected by the options.
bool selected(const Options& o, const fs::path& f, const std::string& set) {
  if (!o.set.empty() && o.set != set) {
    return false;
  }
  return o.only.empty() || std::any_of(o.only.begin(), o.only.end(), [&](const std::string& n) {
           return n == f.stem().string() || n == f.filename().string();
         });
}

std::string lower(std::string s) {
  for (char& c : s) {
    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
  }
  return s;
}

date::sys_days parse_day(const std::string& s) {
  auto r = kb::FuzzyDate::from_timex(s);
  if (!r) {
    std::cerr << "bad gold date " << s << "\n";
    std::exit(2);
  }
  return r->first();
}

bool matches(const ex::ExtractedEvent& e, const GoldEvent& g) {
  if (e.date.first() < g.from || e.date.last() > g.to) {
    return false;
  }
  const std::string text = lower(e.title + " " + e.summary + " " + e.quote);
  return std::any_of(g.keywords.begin(), g.keywords.end(), [&](const std::string& k) {
    return text.find(lower(k)) != std::string::npos;
  });
}

void dump(const ex::ExtractedEvent& e, std::string_view mark) {
  fmt::print("  {} [{}] {} | {} | {} | {:.2f} | {}\n", mark, e.date.timex(), e.title, e.kind,
             kb::to_string(e.status), e.confidence, e.date_text);
  std::string q = e.quote.substr(0, 160);
  fmt::print("      \"{}\"\n", q);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--dump") {
      o.dump = true;
    } else if (a == "--errors") {
      o.errors = true;
    } else if ((a == "--gold" || a == "--shared" || a == "--repo") && i + 1 < argc) {
      (a == "--gold" ? o.gold : a == "--shared" ? o.shared : o.repo) = argv[++i];
    } else if (a == "--set" && i + 1 < argc) {
      o.set = argv[++i];
    } else if (a == "--only" && i + 1 < argc) {
      o.only.emplace_back(argv[++i]);
    } else {
      std::cerr << "usage: bench_events_eval [--dump] [--errors] [--gold DIR] [--shared DIR] "
                   "[--repo DIR] [--set dev|blind|blind2] [--only NAME]...\n";
      return 2;
    }
  }
  auto dir = kb::importers::find_data_dir();
  auto gaz =
      dir ? kb::importers::load_gazetteer(*dir) : kb::Result<kb::importers::Gazetteer>(dir.error());
  if (!gaz) {
    std::cerr << gaz.error().message << "\n";
    return 1;
  }
  const ex::Extractor extractor(*gaz);
  std::vector<fs::path> files;
  for (const auto& f : fs::directory_iterator(o.gold)) {
    if (f.path().extension() == ".json") {
      files.push_back(f.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, Tally> sets;
  for (const auto& f : files) {
    std::ifstream in(f);
    const nlohmann::json j = nlohmann::json::parse(in);
    const std::string set = j.contains("set") ? j.value("set", "")
                            : j.value("annotator", "").find("blind") != std::string::npos ? "blind"
                                                                                          : "dev";
    if (!selected(o, f, set)) {
      continue;
    }
    const std::string article = j.at("article");
    const fs::path path = article.starts_with("examples/") ? o.repo / article : o.shared / article;
    if (!fs::exists(path)) {
      std::cerr << "skip " << f.filename().string() << ": " << path.string() << " missing\n";
      continue;
    }
    std::vector<GoldEvent> gold;
    for (const auto& g : j.at("events")) {
      gold.push_back({parse_day(g.at("from")), parse_day(g.at("to")),
                      g.at("keywords").get<std::vector<std::string>>(), g.value("note", "")});
    }
    auto read = kb::importers::read_path(path, {});
    if (!read || read->articles.empty()) {
      std::cerr << "cannot read " << path.string() << "\n";
      continue;
    }
    kb::importers::Article doc = read->articles.front();
    if (!doc.published && j.contains("published")) {
      // The reader found no date; the gold file says what the page states (reported as a note).
      doc.published = date::sys_seconds(parse_day(j.at("published")));
      std::cerr << "note: " << f.filename().string() << ": publication date from the gold file\n";
    }
    const ex::Extraction x = extractor.extract(doc);
    std::vector<bool> used(gold.size());
    std::size_t hit = 0;
    if (o.dump || o.errors) {
      fmt::print("== {}\n", f.filename().string());
    }
    for (const auto& e : x.events) {
      bool ok = false;
      for (std::size_t g = 0; g < gold.size() && !ok; ++g) {
        if (!used[g] && matches(e, gold[g])) {
          used[g] = ok = true;
        }
      }
      hit += ok ? 1 : 0;
      if (o.dump || (o.errors && !ok)) {
        dump(e, ok ? "OK " : "FP ");
      }
    }
    for (std::size_t g = 0; g < gold.size() && (o.dump || o.errors); ++g) {
      if (!used[g]) {
        fmt::print("  FN  [{} .. {}] {} {}\n", kb::iso_day(gold[g].from), kb::iso_day(gold[g].to),
                   fmt::join(gold[g].keywords, "/"), gold[g].note);
      }
    }
    fmt::print("{:<40} gold {:>3}  system {:>3}  matched {:>3}\n", f.filename().string(),
               gold.size(), x.events.size(), hit);
    for (Tally* t : {&sets[set], &sets["all"]}) {
      t->articles += 1;
      t->tp += hit;
      t->sys += x.events.size();
      t->gold += gold.size();
    }
  }
  for (const char* name : {"dev", "blind", "blind2", "all"}) {
    if (sets.contains(name)) {
      print_tally(name, sets[name]);
    }
  }
  return 0;
}
