// TimeML evaluation of the date tagger: reads .tml files (text + DCT), runs kb::timex::tag and
// prints the TempEval-3 Task A measures (strict/relaxed span P/R/F1, value and type F1).
// Usage: bench_timeml_eval [--errors] [--gold-as-system] [--damage] [--markdown NAME] DIR...
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "importers/timex/tagger.hpp"
#include "importers/timex/timeml.hpp"

namespace {

namespace fs = std::filesystem;
using kb::timex::TimemlTimex;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<TimemlTimex> run_tagger(const kb::timex::TimemlDoc& doc) {
  std::vector<TimemlTimex> out;
  for (const auto& t : kb::timex::tag(doc.text, doc.dct)) {
    out.push_back({t.begin, t.end, std::string(kb::timex::to_string(t.type)), t.value, t.mod});
  }
  return out;
}

// A deliberately damaged copy of the gold: drops every 4th timex, widens every 5th span by
// one byte, and changes every 3rd value; used to check that the scorer sees the damage.
std::vector<TimemlTimex> damage(std::vector<TimemlTimex> gold) {
  std::vector<TimemlTimex> out;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    if (i % 4 == 3) {
      continue;
    }
    TimemlTimex t = gold[i];
    if (i % 5 == 4) {
      t.end += 1;
    }
    if (i % 3 == 2) {
      t.value += "X";
    }
    out.push_back(t);
  }
  return out;
}

void print_errors(const kb::timex::TimemlDoc& doc, const std::vector<TimemlTimex>& sys) {
  auto text = [&](const TimemlTimex& t) {
    std::string s = doc.text.substr(t.begin, t.end - t.begin);
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
  };
  auto context = [&](const TimemlTimex& t) {
    const std::size_t b = t.begin > 40 ? t.begin - 40 : 0;
    std::string s = doc.text.substr(b, std::min<std::size_t>(doc.text.size() - b, t.end - b + 30));
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
  };
  for (const TimemlTimex& g : doc.timexes) {
    const auto it = std::find_if(sys.begin(), sys.end(), [&](const TimemlTimex& x) {
      return x.begin < g.end && g.begin < x.end;
    });
    if (it == sys.end()) {
      fmt::print("MISS\t{}\t{}\t{}\t{}\t| {}\n", doc.name, text(g), g.type, g.value, context(g));
    } else if (it->begin != g.begin || it->end != g.end) {
      fmt::print("SPAN\t{}\t[{}] gold [{}]\t{}\t{}\n", doc.name, text(*it), text(g), it->value,
                 g.value);
    }
    if (it != sys.end() && (it->value != g.value || it->type != g.type)) {
      fmt::print("VALUE\t{}\t{}\t{} {}\tgold {} {}\t| {}\n", doc.name, text(g), it->type, it->value,
                 g.type, g.value, context(g));
    }
  }
  for (const TimemlTimex& x : sys) {
    const bool hit = std::any_of(doc.timexes.begin(), doc.timexes.end(), [&](const TimemlTimex& g) {
      return x.begin < g.end && g.begin < x.end;
    });
    if (!hit) {
      fmt::print("FP\t{}\t{}\t{}\t{}\t| {}\n", doc.name, text(x), x.type, x.value, context(x));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool errors = false;
  bool gold_as_system = false;
  bool damaged = false;
  std::string markdown;
  std::vector<fs::path> dirs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--errors") {
      errors = true;
    } else if (a == "--gold-as-system") {
      gold_as_system = true;
    } else if (a == "--damage") {
      damaged = true;
    } else if (a == "--markdown" && i + 1 < argc) {
      markdown = argv[++i];
    } else {
      dirs.emplace_back(a);
    }
  }
  if (dirs.empty()) {
    std::cerr << "usage: bench_timeml_eval [--errors] [--gold-as-system] [--damage] "
                 "[--markdown NAME] DIR...\n";
    return 2;
  }
  kb::timex::TimexScore total;
  std::size_t docs = 0;
  for (const fs::path& dir : dirs) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".tml") {
        files.push_back(it->path());
      }
    }
    if (ec) {
      std::cerr << "bench_timeml_eval: cannot read directory '" << dir.string()
                << "': " << ec.message() << "\n";
      return 1;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      auto doc = kb::timex::parse_timeml(read_all(f), f.filename().string());
      if (!doc) {
        std::cerr << "skipping: " << doc.error().message << "\n";
        continue;
      }
      const auto sys = gold_as_system ? doc->timexes
                       : damaged      ? damage(doc->timexes)
                                      : run_tagger(*doc);
      if (errors) {
        print_errors(*doc, sys);
      }
      total.add(kb::timex::score_timexes(doc->timexes, sys));
      ++docs;
    }
  }
  if (!markdown.empty()) {
    fmt::print(
        "| {} | {} | {} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} "
        "|\n",
        markdown, docs, total.gold, total.strict_p(), total.strict_r(), total.strict_f1(),
        total.relaxed_p(), total.relaxed_r(), total.relaxed_f1(), total.value_f1(),
        total.type_f1());
    return 0;
  }
  fmt::print("docs {} gold {} system {}\n", docs, total.gold, total.system);
  fmt::print("strict   P {:.1f} R {:.1f} F1 {:.1f}\n", total.strict_p(), total.strict_r(),
             total.strict_f1());
  fmt::print("relaxed  P {:.1f} R {:.1f} F1 {:.1f}\n", total.relaxed_p(), total.relaxed_r(),
             total.relaxed_f1());
  fmt::print("value F1 {:.2f}  type F1 {:.2f}\n", total.value_f1(), total.type_f1());
  return 0;
}
