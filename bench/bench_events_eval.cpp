// Event-extraction scorer: runs the extractor over the articles named by the gold files in
// eval/events/gold/*.json and reports precision and recall, in total and per set (the "set" field,
// else "blind" when the annotator field says so, else "dev"; format: eval/events/README.md).
// Usage: bench_events_eval [--dump] [--errors] [--titles] [--gold DIR] [--shared DIR] [--repo DIR]
//                          [--set dev|blind|blind2] [--only NAME]... [--rules]
//        bench_events_eval --gold2 [--set train|dev|blind] [--errors] [--dump] [--titles]
//                          [--only NAME]...
//                          [--rules] [--articles JSONL] [--shift X] [--greedy]
// --gold2 scores eval/events/gold2 (annotated to ../shared/EVENTS-GUIDE.md) and adds the role,
// status, title and relation checks; it reads the train and dev splits unless --set names one
// (the blind split only when asked for by name). --rules uses the hand rules instead of the
// learned models of data/events; --shift X adds X to the trigger model's threshold bias (how
// scripts/train_events.sh's --shift is chosen on dev). Events and gold events are matched one
// to one by a maximum matching (assign); the greedy matching in text order that the scorer used
// before 2026-12-07 is printed beside it, and --greedy makes it the one the other figures use.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "importers/extract/learned.hpp"
#include "importers/readers/reader.hpp"
#include "tools/gold2.hpp"

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
  bool dump = false, errors = false, titles = false;
  fs::path gold = kRepoDir / "eval/events/gold";
  fs::path shared = kRepoDir / "../shared/data/articles";
  fs::path repo = kRepoDir;
  std::string set;                // score only this set ("dev", "blind", "blind2"); empty: all
  std::vector<std::string> only;  // score only these gold files (stem or file name); empty: all
  bool gold2 = false;             // score eval/events/gold2
  bool rules = false;             // the hand rules, not the learned models
  fs::path articles = kRepoDir / "../shared/data/articles/dev.jsonl";
  float shift = 0;      // added to the trigger model's bias
  bool why = false;     // attribute each missed gold event to the step that lost it (--why)
  bool greedy = false;  // --greedy: match events greedily in text order only (assign)
};

// Why a gold event was missed: the last step of the extraction trace at its trigger (the word
// the annotator marked), else the step of the sentence holding it; "event.unmatched" when an
// event came of that word but its date or words do not match the gold; "word.not-candidate"
// when the trigger is no verb or noun the models consider (or lies in a name or a date).
// `detail` receives what the step decided on (a margin, the event it gave way to).
std::string why_missed(const ex::Extraction& x, std::span<const std::size_t> at,
                       std::string& detail) {
  std::string sentence_step;
  for (const std::size_t a : at) {
    const ex::TraceStep* last = nullptr;
    for (const auto& t : x.trace) {
      if (t.begin <= a && a < t.end) {
        if (t.rule.starts_with("sentence.") || t.rule.starts_with("topic.")) {
          sentence_step = std::string(t.rule);
        } else {
          last = &t;
        }
      }
    }
    if (last != nullptr) {
      detail = last->detail;
      return last->rule == "trigger.yes" || last->rule == "pattern.event" ? "event.unmatched"
                                                                          : std::string(last->rule);
    }
  }
  return sentence_step.empty() ? "word.not-candidate" : sentence_step;
}

// What the parse makes of the word at the first of `at` that a parsed sentence holds, for a
// trigger that was no candidate: "UPOS/XPOS deprel lemma <- head", with " in name" or " in date"
// when the word lies in an entity mention or a date; "unparsed" when no sentence holds it.
std::string word_at(const ex::Extractor& extractor, const kb::importers::Article& article,
                    std::span<const std::size_t> at) {
  std::string out;
  extractor.visit(article, [&](const ex::learned::SynSentence& s, const ex::detail::DocContext&) {
    const auto& words = s.parse.words;
    for (const std::size_t a : at) {
      for (std::size_t w = 0; w < words.size() && out.empty(); ++w) {
        if (words[w].begin <= a && a < std::max(words[w].end, words[w].begin + 1)) {
          const int h = words[w].head - 1;
          out = fmt::format("{}/{} {} {} <- {}{}{}", words[w].upos, words[w].xpos, words[w].deprel,
                            s.lemmas[w], h >= 0 ? s.lemmas[static_cast<std::size_t>(h)] : "ROOT",
                            s.mention_of[w] >= 0 ? " in name" : "",
                            s.date_of[w] >= 0 ? " in date" : "");
        }
      }
    }
  });
  return out.empty() ? "unparsed" : out;
}

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

// One-to-one matching of system events to gold events by matches(): first greedily in text
// order (each event the first free gold event it matches), then grown to a maximum matching by
// augmenting paths, so that an event that took a gold event another could only have matched
// gives it up for one of its own (error class of the greedy rule alone: "Russia captures
// outskirts of Tavriyske" unmatched because an earlier event of that day took the gold event
// it shares a keyword with). `match[i]` is the gold index of event i, or -1; with `greedy`
// only the first pass. Returns how many the greedy pass matched.
std::size_t assign(const std::vector<ex::ExtractedEvent>& events,
                   const std::vector<GoldEvent>& gold, bool greedy, std::vector<int>& match) {
  match.assign(events.size(), -1);
  std::vector<int> owner(gold.size(), -1);
  std::vector<std::vector<std::size_t>> fits(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    for (std::size_t g = 0; g < gold.size(); ++g) {
      if (matches(events[i], gold[g])) {
        fits[i].push_back(g);
      }
    }
  }
  std::size_t first = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    for (const std::size_t g : fits[i]) {
      if (owner[g] < 0) {
        owner[g] = static_cast<int>(i);
        match[i] = static_cast<int>(g);
        ++first;
        break;
      }
    }
  }
  if (greedy) {
    return first;
  }
  // Kuhn's augmenting paths from each unmatched event; `seen` per search keeps it finite.
  std::vector<bool> seen;
  const std::function<bool(std::size_t)> augment = [&](std::size_t i) {
    for (const std::size_t g : fits[i]) {
      if (seen[g]) {
        continue;
      }
      seen[g] = true;
      if (owner[g] < 0 || augment(static_cast<std::size_t>(owner[g]))) {
        owner[g] = static_cast<int>(i);
        match[i] = static_cast<int>(g);
        return true;
      }
    }
    return false;
  };
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (match[i] < 0 && !fits[i].empty()) {
      seen.assign(gold.size(), false);
      augment(i);
    }
  }
  return first;
}

void dump(const ex::ExtractedEvent& e, std::string_view mark) {
  fmt::print("  {} [{}] {} | {} | {} | {:.2f} | {}\n", mark, e.date.timex(), e.title,
             kb::to_string(e.kind), kb::to_string(e.status), e.confidence, e.date_text);
  std::string q = e.quote.substr(0, 160);
  fmt::print("      \"{}\"\n", q);
}

// The system's names in `role`.
std::vector<std::string> names(const ex::ExtractedEvent& e, kb::Role role) {
  std::vector<std::string> out;
  for (const auto& p : e.participants) {
    if (p.role == role) {
      out.push_back(p.name);
    }
  }
  return out;
}

// Whether the system's names for a role agree with the gold's: both empty, or one in common.
bool role_right(const std::vector<std::string>& system, const std::vector<std::string>& gold) {
  if (gold.empty() || system.empty()) {
    return gold.empty() && system.empty();
  }
  return std::any_of(system.begin(), system.end(), [&](const std::string& s) {
    return std::any_of(gold.begin(), gold.end(),
                       [&](const std::string& g) { return kb::gold2::same_name(s, g); });
  });
}

// The content words of a title, each cut to its first five letters (a crude stem: "invades",
// "invasion" -> "invad"/"invas" stay apart, "attacks"/"attacked" meet).
std::vector<std::string> title_stems(const std::string& title) {
  static const std::vector<std::string> kStop = {
      "a",  "an", "the", "of", "in",   "on",  "to",    "with", "and", "for",  "at",
      "by", "is", "are", "as", "from", "its", "their", "his",  "her", "into", "over"};
  std::vector<std::string> out;
  std::string w;
  const auto flush = [&] {
    if (!w.empty() && std::find(kStop.begin(), kStop.end(), w) == kStop.end()) {
      out.push_back(w.substr(0, 5));
    }
    w.clear();
  };
  for (const char c : title) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      w.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      w.push_back(static_cast<char>(c | 0x20));
    } else {
      flush();
    }
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Agreement of a system title with the annotator's: F1 of their content-word stems. A proxy
// for "usable", not a judgement: a good title in other words scores low.
double title_agreement(const std::string& system, const std::string& gold) {
  const auto a = title_stems(system), b = title_stems(gold);
  if (a.empty() || b.empty()) {
    return 0;
  }
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  const double p = static_cast<double>(common.size()) / static_cast<double>(a.size());
  const double r = static_cast<double>(common.size()) / static_cast<double>(b.size());
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

// Whether a claimed event's claimant agrees with the annotator's: a name in common, or a word
// stem in common ("Ukraine" for "Ukrainian General Staff": kb names the side, the annotator
// the office). A proxy, lenient by design.
bool claimant_right(const std::vector<std::string>& system, const std::vector<std::string>& gold) {
  for (const auto& s : system) {
    for (const auto& g : gold) {
      if (kb::gold2::same_name(s, g)) {
        return true;
      }
      const auto a = title_stems(s), b = title_stems(g);
      if (std::any_of(a.begin(), a.end(), [&](const std::string& x) {
            return x.size() >= 4 && std::find(b.begin(), b.end(), x) != b.end();
          })) {
        return true;
      }
    }
  }
  return false;
}

// The checks a title can be given without a reader: at most 80 bytes, at least three words,
// not cut with "...", not the sentence itself, starting with a capital.
bool title_well_formed(const ex::ExtractedEvent& e) {
  const std::string& t = e.title;
  const auto words = std::count(t.begin(), t.end(), ' ') + 1;
  return t.size() <= 80 && words >= 3 && t.find("\u2026") == std::string::npos &&
         t.find("...") == std::string::npos && t != e.quote && !t.empty() && t[0] >= 'A' &&
         t[0] <= 'Z';
}

struct Tally2 {
  std::size_t articles = 0, tp = 0, sys = 0, gold = 0;
  std::size_t actor_ok = 0, target_ok = 0, roles_ok = 0, status_ok = 0, titles_ok = 0, kind_ok = 0;
  std::size_t rel_sys = 0, rel_gold = 0, rel_tp = 0;
  std::size_t claims = 0, claimant_ok = 0;    // matched gold claims; their claimant found
  std::size_t strict_tp = 0;                  // matched by the strict rule (match_strict)
  std::size_t greedy_tp = 0;                  // matched by assign()'s greedy pass alone
  double title_f1 = 0;                        // summed over matched events
  std::map<std::string, std::size_t> missed;  // gold events missed, by why_missed() (--why)

  Tally2& operator+=(const Tally2& o) {
    for (auto [a, b] : {std::pair{&articles, o.articles},
                        {&tp, o.tp},
                        {&sys, o.sys},
                        {&gold, o.gold},
                        {&actor_ok, o.actor_ok},
                        {&target_ok, o.target_ok},
                        {&roles_ok, o.roles_ok},
                        {&status_ok, o.status_ok},
                        {&titles_ok, o.titles_ok},
                        {&kind_ok, o.kind_ok},
                        {&rel_sys, o.rel_sys},
                        {&rel_gold, o.rel_gold},
                        {&rel_tp, o.rel_tp},
                        {&claims, o.claims},
                        {&claimant_ok, o.claimant_ok},
                        {&strict_tp, o.strict_tp},
                        {&greedy_tp, o.greedy_tp}}) {
      *a += b;
    }
    title_f1 += o.title_f1;
    for (const auto& [why, n] : o.missed) {
      missed[why] += n;
    }
    return *this;
  }
};

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// The strict rule: besides the date and a keyword, the gold event's trigger (one of its offsets)
// lies in the system event's sentence; of several such, the one whose trigger is nearest the
// system's. The loose rule (matches) lets an event stand for any gold event of its date whose
// keyword its sentence holds; the strict one does not let two tellings of one happening in one
// sentence stand for two happenings told elsewhere.
std::size_t match_strict(const std::vector<ex::ExtractedEvent>& events,
                         const std::vector<GoldEvent>& gold,
                         const std::vector<std::vector<std::size_t>>& at) {
  std::vector<bool> used(gold.size());
  std::size_t tp = 0;
  for (const auto& e : events) {
    std::size_t best = gold.size(), best_gap = 0;
    for (std::size_t g = 0; g < gold.size(); ++g) {
      if (used[g] || !matches(e, gold[g])) {
        continue;
      }
      for (const std::size_t a : at[g]) {
        if (a < e.quote_begin || a >= e.quote_end) {
          continue;
        }
        const std::size_t gap = a > e.trigger_begin ? a - e.trigger_begin : e.trigger_begin - a;
        if (best == gold.size() || gap < best_gap) {
          best = g;
          best_gap = gap;
        }
      }
    }
    if (best < gold.size()) {
      used[best] = true;
      tp += 1;
    }
  }
  return tp;
}

void print_tally2(std::string_view name, const Tally2& t) {
  const auto pct = [](std::size_t a, std::size_t b) {
    return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  const double p = pct(t.tp, t.sys), r = pct(t.tp, t.gold);
  fmt::print(
      "{:<6} articles {}  gold {}  system {}  matched {}  precision {:.3f}  recall {:.3f}  F1 "
      "{:.3f}\n       of matched: actor {:.3f}  target {:.3f}  roles {:.3f}  status {:.3f}  kind "
      "{:.3f}  title well-formed {:.3f} (all system titles)  title agreement {:.3f}\n       "
      "claims {}  claimant {:.3f}\n       relations: gold {}  system {}  matched {}\n"
      "       strict (a gold trigger in the event's sentence): matched {}  precision {:.3f}  "
      "recall {:.3f}  F1 {:.3f}\n"
      "       greedy (each event the first free gold event it matches, the scorer before "
      "2026-12-07): matched {}  precision {:.3f}  recall {:.3f}  F1 {:.3f}\n",
      name, t.articles, t.gold, t.sys, t.tp, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0,
      pct(t.actor_ok, t.tp), pct(t.target_ok, t.tp), pct(t.roles_ok, t.tp), pct(t.status_ok, t.tp),
      pct(t.kind_ok, t.tp), pct(t.titles_ok, t.sys),
      t.tp ? t.title_f1 / static_cast<double>(t.tp) : 0.0, t.claims, pct(t.claimant_ok, t.claims),
      t.rel_gold, t.rel_sys, t.rel_tp, t.strict_tp, pct(t.strict_tp, t.sys),
      pct(t.strict_tp, t.gold), f1(pct(t.strict_tp, t.sys), pct(t.strict_tp, t.gold)), t.greedy_tp,
      pct(t.greedy_tp, t.sys), pct(t.greedy_tp, t.gold),
      f1(pct(t.greedy_tp, t.sys), pct(t.greedy_tp, t.gold)));
  if (!t.missed.empty()) {
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& [why, n] : t.missed) {
      ranked.emplace_back(n, why);
    }
    std::sort(ranked.rbegin(), ranked.rend());
    fmt::print("       missed, by the step that lost them (--why):");
    for (const auto& [n, why] : ranked) {
      fmt::print(" {} {}", why, n);
    }
    fmt::print("\n");
  }
}

std::string system_status(const ex::ExtractedEvent& e) {
  if (e.status == kb::Status::planned) {
    return "planned";
  }
  return std::find(e.tags.begin(), e.tags.end(), "claimed") != e.tags.end() ? "claimed"
                                                                            : "reported";
}

int score_gold2(const Options& o, const ex::Extractor& extractor) {
  std::vector<std::string> sets = {"train", "dev"};
  if (!o.set.empty()) {
    sets = {o.set};
  }
  auto docs = kb::gold2::load(o.gold, o.articles, sets);
  if (!docs) {
    std::cerr << docs.error().message << "\n";
    return 1;
  }
  std::map<std::string, Tally2> tallies;
  for (const auto& doc : *docs) {
    if (!o.only.empty() && std::find(o.only.begin(), o.only.end(), doc.id) == o.only.end()) {
      continue;
    }
    const ex::Extraction x = extractor.extract(doc.article);
    std::vector<GoldEvent> gold;
    for (const auto& g : doc.events) {
      gold.push_back({g.from, g.to, g.keywords, g.title});
    }
    // Matching: one to one, a gold event at most once (assign).
    std::vector<int> match;
    Tally2 t;
    t.greedy_tp = assign(x.events, gold, o.greedy, match);
    std::vector<bool> used(gold.size());
    for (const int g : match) {
      if (g >= 0) {
        used[static_cast<std::size_t>(g)] = true;
      }
    }
    t.articles = 1;
    t.sys = x.events.size();
    {
      std::vector<std::vector<std::size_t>> at;
      for (const auto& g : doc.events) {
        at.push_back(g.at);
      }
      t.strict_tp = match_strict(x.events, gold, at);
    }
    t.gold = gold.size();
    if (o.dump || o.errors) {
      fmt::print("== {} ({})\n", doc.id, doc.set);
    }
    for (std::size_t i = 0; i < x.events.size(); ++i) {
      const auto& e = x.events[i];
      t.titles_ok += title_well_formed(e) ? 1U : 0U;
      if (match[i] < 0) {
        if (o.dump || o.errors) {
          dump(e, "FP ");
        }
        continue;
      }
      const auto& g = doc.events[static_cast<std::size_t>(match[i])];
      t.tp += 1;
      const bool actor = role_right(names(e, kb::Role::actor), g.actors);
      const bool target = role_right(names(e, kb::Role::target), g.targets);
      t.actor_ok += actor ? 1U : 0U;
      t.target_ok += target ? 1U : 0U;
      t.roles_ok += actor && target ? 1U : 0U;
      t.status_ok += system_status(e) == g.status ? 1U : 0U;
      t.kind_ok += e.kind == g.kind ? 1U : 0U;
      if (g.status == "claimed") {
        t.claims += 1;
        const bool right = claimant_right(names(e, kb::Role::claimant), g.claimant);
        t.claimant_ok += right ? 1U : 0U;
        if (o.errors && !right) {
          fmt::print("  CLAIM [{}] {} | {} | claimant {} / gold {}\n      \"{}\"\n", e.date.timex(),
                     e.title, system_status(e), fmt::join(names(e, kb::Role::claimant), ", "),
                     fmt::join(g.claimant, ", "), e.quote.substr(0, 200));
        }
      }
      const double agreement = title_agreement(e.title, g.title);
      t.title_f1 += agreement;
      if (o.titles) {
        fmt::print("  TITLE {:.2f} | {} | gold: {}\n        \"{}\"\n", agreement, e.title, g.title,
                   e.quote.substr(0, 200));
      }
      if (o.dump) {
        dump(e, "OK ");
      }
      if (o.errors && (!actor || !target)) {
        fmt::print("  ROLE [{}] {} | actors {} / gold {} | targets {} / gold {}\n      \"{}\"\n",
                   e.date.timex(), e.title, fmt::join(names(e, kb::Role::actor), ", "),
                   fmt::join(g.actors, ", "), fmt::join(names(e, kb::Role::target), ", "),
                   fmt::join(g.targets, ", "), e.quote.substr(0, 200));
      }
    }
    for (std::size_t g = 0; g < gold.size(); ++g) {
      if (used[g]) {
        continue;
      }
      std::string detail;
      const std::string why = o.why ? why_missed(x, doc.events[g].at, detail) : std::string();
      if (why == "word.not-candidate" && extractor.learned()) {
        detail = word_at(extractor, doc.article, doc.events[g].at);
      }
      if (o.why) {
        t.missed[why] += 1;
      }
      if (o.dump || o.errors) {
        fmt::print("  FN  [{} .. {}] {} | {} | {}{}{}\n", kb::iso_day(gold[g].from),
                   kb::iso_day(gold[g].to), doc.events[g].title, doc.events[g].trigger,
                   fmt::join(gold[g].keywords, "/"), why.empty() ? "" : " | ",
                   detail.empty() ? why : why + " (" + detail + ")");
      }
    }
    t.rel_gold = doc.relations.size();
    t.rel_sys = x.links.size();
    std::vector<bool> found(doc.relations.size(), false);
    for (const auto& l : x.links) {
      const int a = match[l.from], b = match[l.to];
      const auto hit = std::find_if(
          doc.relations.begin(), doc.relations.end(), [&](const kb::gold2::Relation& r) {
            return a >= 0 && b >= 0 && r.from == static_cast<std::size_t>(a) &&
                   r.to == static_cast<std::size_t>(b) && r.type == l.relation;
          });
      if (hit != doc.relations.end()) {
        ++t.rel_tp;
        found[static_cast<std::size_t>(hit - doc.relations.begin())] = true;
      }
      if (o.dump || o.errors) {
        fmt::print("  {} {} {} {}\n      \"{}\"\n", hit != doc.relations.end() ? "LINK" : "LINK-FP",
                   x.events[l.from].title, kb::to_string(l.relation), x.events[l.to].title,
                   l.quote.substr(0, 200));
      }
    }
    for (std::size_t r = 0; (o.dump || o.errors) && r < doc.relations.size(); ++r) {
      const auto& g = doc.relations[r];
      if (!found[r] && g.from < doc.events.size() && g.to < doc.events.size()) {
        const auto matched = [&](std::size_t e) {
          return std::find(match.begin(), match.end(), static_cast<int>(e)) != match.end();
        };
        fmt::print("  LINK-FN {}{} {} {}{}\n", doc.events[g.from].title,
                   matched(g.from) ? "" : " (unmatched)", kb::to_string(g.type),
                   doc.events[g.to].title, matched(g.to) ? "" : " (unmatched)");
      }
    }
    fmt::print("{:<40} gold {:>3}  system {:>3}  matched {:>3}\n", doc.id, t.gold, t.sys, t.tp);
    for (Tally2* all : {&tallies[doc.set], &tallies["all"]}) {
      *all += t;
    }
  }
  fmt::print("extractor: {}\n",
             extractor.learned() ? "learned models (data/events)" : "hand rules");
  for (const char* name : {"train", "dev", "blind", "all"}) {
    if (tallies.contains(name)) {
      print_tally2(name, tallies[name]);
    }
  }
  return 0;
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
    } else if (a == "--greedy") {
      o.greedy = true;
    } else if (a == "--titles") {
      o.titles = true;
    } else if ((a == "--gold" || a == "--shared" || a == "--repo") && i + 1 < argc) {
      (a == "--gold" ? o.gold : a == "--shared" ? o.shared : o.repo) = argv[++i];
    } else if (a == "--set" && i + 1 < argc) {
      o.set = argv[++i];
    } else if (a == "--only" && i + 1 < argc) {
      o.only.emplace_back(argv[++i]);
    } else if (a == "--gold2") {
      o.gold2 = true;
      o.gold = kRepoDir / "eval/events/gold2";
    } else if (a == "--rules") {
      o.rules = true;
    } else if (a == "--articles" && i + 1 < argc) {
      o.articles = argv[++i];
    } else if (a == "--why") {
      o.why = true;
    } else if (a == "--shift" && i + 1 < argc) {
      o.shift = std::stof(argv[++i]);
    } else {
      std::cerr
          << "usage: bench_events_eval [--dump] [--errors] [--titles] [--gold DIR] [--shared DIR] "
             "[--repo DIR] [--set dev|blind|blind2] [--only NAME]... [--rules] [--gold2] "
             "[--articles JSONL] [--shift X]\n";
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
  ex::ExtractOptions options;
  if (!o.rules) {
    auto learned = ex::load_learned_models(*dir);
    if (!learned) {
      std::cerr << "no learned models (" << learned.error().message << "): using the hand rules\n";
    } else {
      // --shift moves the trigger threshold (to choose scripts/train_events.sh's --shift).
      learned->events.trigger_bias += o.shift;
      options.learned = std::make_shared<const ex::LearnedModels>(std::move(*learned));
    }
  }
  options.trace = o.why;
  const ex::Extractor extractor(*gaz, options);
  if (o.gold2) {
    return score_gold2(o, extractor);
  }
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
      hit += ok ? 1U : 0U;
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
