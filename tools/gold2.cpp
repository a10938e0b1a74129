// gold2: see gold2.hpp.
#include "tools/gold2.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "importers/readers/formats.hpp"

namespace kb::gold2 {

namespace fs = std::filesystem;

namespace {

// The byte offset of code point `chars` in UTF-8 `s` (Python's str offsets count code points).
std::size_t byte_offset(std::string_view s, std::size_t chars) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == chars) {
        return i;
      }
      ++seen;
    }
  }
  return s.size();
}

// Where the trigger annotated at byte `raw_at` of the record's raw text lies in the reader's
// cleaned text: the same offset when the texts agree there, else the nearest occurrence.
std::size_t locate(std::string_view clean, std::size_t raw_at, std::string_view trigger) {
  if (clean.substr(std::min(raw_at, clean.size()), trigger.size()) == trigger) {
    return raw_at;
  }
  std::size_t best = raw_at;
  std::size_t best_gap = std::string_view::npos;
  for (std::size_t p = clean.find(trigger); p != std::string_view::npos;
       p = clean.find(trigger, p + 1)) {
    const std::size_t gap = p > raw_at ? p - raw_at : raw_at - p;
    if (gap < best_gap) {
      best_gap = gap;
      best = p;
    }
  }
  return best;
}

Result<date::sys_days> day(const nlohmann::json& j, const fs::path& file) {
  if (!j.is_string()) {
    return fail(Errc::parse, file.string() + ": a date is not a string");
  }
  auto d = FuzzyDate::from_timex(j.get<std::string>());
  if (!d) {
    return fail(Errc::parse, file.string() + ": bad date " + j.get<std::string>());
  }
  return d->first();
}

std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j.at(key).is_array()) {
    for (const auto& x : j.at(key)) {
      if (x.is_string()) {
        out.push_back(x.get<std::string>());
      }
    }
  } else if (j.contains(key) && j.at(key).is_string()) {
    out.push_back(j.at(key).get<std::string>());
  }
  return out;
}

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
  }
  return out;
}

bool same_name(std::string_view system, std::string_view gold) {
  const std::string a = lower(system), b = lower(gold);
  if (a == b) {
    return true;
  }
  const auto last = [](const std::string& s) {
    const auto sp = s.find_last_of(' ');
    return sp == std::string::npos ? s : s.substr(sp + 1);
  };
  const std::string la = last(a), lb = last(b);
  return la == b || lb == a || (la == lb && la.size() >= 5);
}

Result<std::vector<Doc>> load(const fs::path& dir, const fs::path& jsonl,
                              const std::vector<std::string>& sets) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(dir, ec)) {
    if (f.path().extension() == ".json") {
      files.push_back(f.path());
    }
  }
  if (ec) {
    return fail(Errc::not_found, "cannot list " + dir.string() + ": " + ec.message());
  }
  std::sort(files.begin(), files.end());
  std::vector<Doc> docs;
  std::vector<nlohmann::json> golds;
  std::map<std::string, std::size_t> wanted;  // article id -> docs index
  for (const auto& f : files) {
    std::ifstream in(f);
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return fail(Errc::parse, f.string() + ": not a JSON object");
    }
    const std::string set = j.value("set", "");
    if (std::find(sets.begin(), sets.end(), set) == sets.end()) {
      continue;
    }
    Doc d;
    d.id = f.stem().string();
    d.set = set;
    wanted.emplace(d.id, docs.size());
    docs.push_back(std::move(d));
    golds.push_back(std::move(j));
  }
  std::ifstream in(jsonl, std::ios::binary);
  if (!in) {
    return fail(Errc::not_found, "cannot read " + jsonl.string());
  }
  std::vector<std::string> raw(docs.size());
  std::string line;
  std::size_t line_no = 0;
  std::size_t found = 0;
  while (found < docs.size() && std::getline(in, line)) {
    ++line_no;
    // Records start {"id": "..."; parse only the wanted ones.
    const std::size_t q = line.find("\"id\": \"");
    if (q == std::string::npos || q > 4) {
      continue;
    }
    const std::size_t s = q + 7;
    const std::size_t e = line.find('"', s);
    const auto it = wanted.find(line.substr(s, e == std::string::npos ? 0 : e - s));
    if (it == wanted.end()) {
      continue;
    }
    auto a = importers::readers::read_jsonl_record(line, jsonl.filename().string(), line_no, {});
    if (!a) {
      return fail(Errc::parse, a.error().message);
    }
    docs[it->second].article = std::move(a).value();
    raw[it->second] = nlohmann::json::parse(line).value("text", "");
    ++found;
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    Doc& d = docs[i];
    const nlohmann::json& j = golds[i];
    const fs::path file = dir / (d.id + ".json");
    if (raw[i].empty() && d.article.text.empty()) {
      return fail(Errc::not_found,
                  file.string() + ": no article " + d.id + " in " + jsonl.string());
    }
    if (!d.article.published && j.contains("published") && j.at("published").is_string()) {
      KB_ASSIGN(const date::sys_days p, day(j.at("published"), file));
      d.article.published = date::sys_seconds(p);
      d.published_from_gold = true;
    }
    for (const auto& g : j.at("events")) {
      Event e;
      KB_ASSIGN(e.from, day(g.at("from"), file));
      KB_ASSIGN(e.to, day(g.at("to"), file));
      e.value = g.value("value", "");
      e.trigger = g.value("trigger", "");
      auto kind = parse_event_kind(g.value("kind", "other"));
      if (!kind) {
        return fail(Errc::parse, file.string() + ": " + kind.error().message);
      }
      e.kind = *kind;
      e.status = g.value("status", "reported");
      e.title = g.value("title", "");
      e.keywords = strings(g, "keywords");
      e.actors = strings(g, "actors");
      e.targets = strings(g, "targets");
      e.places = strings(g, "places");
      e.claimant = strings(g, "claimant");
      std::vector<std::size_t> at;
      if (g.contains("at") && g.at("at").is_array()) {
        for (const auto& x : g.at("at")) {
          at.push_back(x.get<std::size_t>());
        }
      } else if (g.contains("at") && g.at("at").is_number_unsigned()) {
        at.push_back(g.at("at").get<std::size_t>());
      }
      for (const std::size_t c : at) {
        e.at.push_back(locate(d.article.text, byte_offset(raw[i], c), e.trigger));
      }
      d.events.push_back(std::move(e));
    }
    if (j.contains("relations") && j.at("relations").is_array()) {
      for (const auto& r : j.at("relations")) {
        auto type = parse_relation(r.value("type", ""));
        if (!type) {
          return fail(Errc::parse, file.string() + ": " + type.error().message);
        }
        d.relations.push_back(
            {r.value("from", std::size_t{0}), r.value("to", std::size_t{0}), *type});
      }
    }
  }
  return docs;
}

}  // namespace kb::gold2
