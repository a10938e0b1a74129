// kb_train_events: trains the learned extractor's models (importers/extract/learned.hpp) on the
// train split of eval/events/gold2, chooses the trigger threshold on the dev split and reports
// each decision's dev accuracy. The blind split is never read.
//
//   kb_train_events --gold eval/events/gold2 --articles ../shared/data/articles/dev.jsonl
//                   --out data/events/events.kbm [--iter N] [--seed S]
//
// Deterministic: the same gold, articles, analysis models, options and seed give the same bytes.
#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <fmt/core.h>

#include "importers/analysis/features.hpp"
#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "importers/extract/learned.hpp"
#include "importers/timex/timeml.hpp"
#include "tools/gold2.hpp"

namespace {

namespace ex = kb::importers::extract;
namespace an = kb::analysis;
namespace fs = std::filesystem;

using Keys = std::vector<std::uint64_t>;

// The kinds of the guide, in the order of the kind model's classes.
const std::vector<kb::EventKind> kKinds = {
    kb::EventKind::statement, kb::EventKind::attack,      kb::EventKind::territorial_change,
    kb::EventKind::meeting,   kb::EventKind::visit,       kb::EventKind::agreement,
    kb::EventKind::aid,       kb::EventKind::sanction,    kb::EventKind::decision,
    kb::EventKind::election,  kb::EventKind::application, kb::EventKind::protest,
    kb::EventKind::other};

struct Example {
  Keys keys;
  std::size_t label = 0;
};

// A positive predicate's dates: the features of each and whether it fits the gold interval.
struct Group {
  std::vector<Keys> keys;
  std::vector<bool> good;
};

struct Data {
  std::vector<Example> trigger, status, kind, role;
  std::vector<Group> attach;
  std::size_t gold = 0, in_sentence = 0, candidate = 0, datable = 0;
  std::vector<std::string> misses;     // gold events in no analysed sentence, for --misses
  std::vector<std::string> undatable;  // in one, but no date of it fits the gold's
  // Gold events that only an implicit date can date, by where their sentence sits: how much
  // of the article the learned extractor must parse.
  std::map<std::string, std::size_t> implicit_at;
};

[[noreturn]] void die(const std::string& m) {
  std::cerr << "kb_train_events: " << m << "\n";
  std::exit(2);
}

std::size_t status_class(const std::string& s) {
  return s == "claimed" ? 1 : s == "planned" ? 2 : 0;
}

std::size_t kind_class(kb::EventKind k) {
  const auto it = std::find(kKinds.begin(), kKinds.end(), k);
  return it == kKinds.end() ? kKinds.size() - 1 : static_cast<std::size_t>(it - kKinds.begin());
}

bool names_any(const std::vector<std::string>& gold, const std::vector<std::string>& names) {
  for (const auto& g : gold) {
    for (const auto& n : names) {
      if (kb::gold2::same_name(n, g)) {
        return true;
      }
    }
  }
  return false;
}

// --ignore-near 1: a gold trigger's syntactic neighbours are no negative examples (see collect).
bool ignore_near = false;

void collect(const kb::gold2::Doc& doc, const ex::Extractor& extractor,
             const an::CameoDictionary* cameo, const an::LinearModel* timeml, Data& data) {
  data.gold += doc.events.size();
  std::vector<bool> seen(doc.events.size());
  extractor.visit(
      doc.article, [&](const ex::learned::SynSentence& s, const ex::detail::DocContext& ctx) {
        const auto& words = s.parse.words;
        // word -> gold event whose trigger it is (the first telling in this sentence wins)
        // The trigger of a telling is the syntactic head of its words ("telephone conversation":
        // "conversation"); its other words are neither positive nor negative.
        std::map<std::size_t, std::size_t> gold_at;
        std::set<std::size_t> inside;
        for (std::size_t g = 0; g < doc.events.size(); ++g) {
          for (const std::size_t at : doc.events[g].at) {
            if (at < s.view->begin || at >= s.view->end) {
              continue;
            }
            const std::size_t end = at + std::max<std::size_t>(doc.events[g].trigger.size(), 1);
            std::vector<std::size_t> span;
            for (std::size_t w = 0; w < words.size(); ++w) {
              if (words[w].begin < end && at < std::max(words[w].end, words[w].begin + 1)) {
                span.push_back(w);
              }
            }
            std::optional<std::size_t> head;
            for (const std::size_t w : span) {
              inside.insert(w);
              const int h = words[w].head - 1;
              const bool outside = h < 0 || std::find(span.begin(), span.end(),
                                                      static_cast<std::size_t>(h)) == span.end();
              if (outside && ex::learned::candidate(s, w) && !head) {
                head = w;
              }
            }
            if (!head && !span.empty()) {
              head = span.front();
            }
            if (head) {
              gold_at.emplace(*head, g);
            }
          }
        }
        // The words a gold trigger's head governs or is governed by tell the same happening
        // ("launched" an "assault"): neither positive nor negative, since which of them the
        // annotator wrote down is a choice of words, not of events.
        if (ignore_near) {
          for (const auto& [w, g] : gold_at) {
            if (const int h = words[w].head - 1; h >= 0 && !gold_at.contains(std::size_t(h))) {
              inside.insert(static_cast<std::size_t>(h));
            }
            for (std::size_t c = 0; c < words.size(); ++c) {
              if (words[c].head - 1 == static_cast<int>(w) && !gold_at.contains(c)) {
                inside.insert(c);
              }
            }
          }
        }
        std::map<std::size_t, std::vector<bool>> fits;  // positive word -> dates fitting its gold
        for (const auto& [w, g] : gold_at) {
          const auto& e = doc.events[g];
          std::vector<bool> ok(s.dates.size());
          bool any = false;
          for (std::size_t d = 0; d < s.dates.size(); ++d) {
            const auto& date = *s.dates[d].timex->date;
            ok[d] = date.first() >= e.from && date.last() <= e.to;
            any = any || ok[d];
          }
          if (!seen[g]) {
            seen[g] = true;
            if (!any) {
              std::string text(doc.article.text.substr(s.view->begin, s.view->end - s.view->begin));
              std::replace(text.begin(), text.end(), '\n', ' ');
              data.undatable.push_back(doc.id + " [" + e.value + "] " + e.trigger + " | " + text);
            }
            data.in_sentence += 1;
            data.candidate += ex::learned::candidate(s, w) ? 1U : 0U;
            data.datable += ex::learned::candidate(s, w) && any ? 1U : 0U;
          }
          if (any) {
            bool stated = false, framed = false;
            for (std::size_t d = 0; d < s.dates.size(); ++d) {
              stated = stated || (ok[d] && d < s.stated);
              framed = framed || (ok[d] && s.dates[d].source == ex::learned::DateSource::frame);
            }
            if (!stated) {
              const std::string where =
                  std::string(framed ? "framed" : "unframed") + " paragraph " +
                  (s.paragraph < 3 ? std::to_string(s.paragraph) : std::string("3+"));
              data.implicit_at[where] += 1;
            }
            fits.emplace(w, std::move(ok));
          }
        }
        for (std::size_t w = 0; w < words.size(); ++w) {
          if (!ex::learned::candidate(s, w)) {
            continue;
          }
          const auto fit = fits.find(w);
          if (fit == fits.end() && (gold_at.contains(w) || inside.contains(w))) {
            continue;  // a gold trigger no date of this sentence can date, or a word of a trigger
          }
          Example t;
          ex::learned::trigger_features(s, w, cameo, timeml, t.keys);
          t.label = fit != fits.end() ? 1U : 0U;
          data.trigger.push_back(std::move(t));
          if (fit == fits.end()) {
            continue;
          }
          const auto& e = doc.events[gold_at.at(w)];
          Group grp;
          std::size_t first_good = 0;
          for (std::size_t d = 0; d < s.dates.size(); ++d) {
            Keys k;
            ex::learned::attach_features(s, w, d, k);
            grp.keys.push_back(std::move(k));
            grp.good.push_back(fit->second[d]);
            if (fit->second[d] && !fit->second[first_good]) {
              first_good = d;
            }
          }
          data.attach.push_back(std::move(grp));
          Example st;
          ex::learned::status_features(s, w, first_good, st.keys);
          st.label = status_class(e.status);
          data.status.push_back(std::move(st));
          Example k;
          ex::learned::kind_features(s, w, cameo, k.keys);
          k.label = kind_class(e.kind);
          data.kind.push_back(std::move(k));
          for (std::size_t m = 0; m < s.mentions.size(); ++m) {
            const auto& ref = *s.mentions[m].ref;
            const std::vector<std::string> names = {ex::detail::entity_of(ctx, ref).name,
                                                    ex::detail::acting(ctx, ref).name,
                                                    ref.mention->text};
            Example r;
            ex::learned::role_features(s, w, m, r.keys);
            r.label = names_any(e.actors, names)    ? 1
                      : names_any(e.targets, names) ? 2
                      : names_any(e.places, names)  ? 3
                                                    : 0;
            data.role.push_back(std::move(r));
          }
        }
      });
  for (std::size_t g = 0; g < doc.events.size(); ++g) {
    if (!seen[g] && !doc.events[g].at.empty()) {
      const std::size_t at = doc.events[g].at.front();
      const std::string_view t = doc.article.text;
      const std::size_t from = at > 150 ? at - 150 : 0;
      std::string ctx(t.substr(from, std::min<std::size_t>(300, t.size() - from)));
      std::replace(ctx.begin(), ctx.end(), '\n', ' ');
      data.misses.push_back(doc.id + " [" + doc.events[g].value + "] " + doc.events[g].trigger +
                            " | " + ctx);
    }
  }
}

std::size_t argmax(const an::PerceptronTrainer& p, const Keys& k, std::size_t classes) {
  std::vector<float> sc(classes, 0.0F);
  p.score(k, sc);
  return static_cast<std::size_t>(std::max_element(sc.begin(), sc.end()) - sc.begin());
}

an::LinearModel train_model(std::vector<Example> ex, std::size_t classes, int iter,
                            std::uint64_t seed) {
  an::PerceptronTrainer p(classes);
  an::Rng rng{seed};
  for (int it = 0; it < iter; ++it) {
    an::shuffle(ex, rng);
    for (const auto& e : ex) {
      const std::size_t guess = argmax(p, e.keys, classes);
      if (guess != e.label) {
        p.update(e.keys, e.label, guess);
      }
      p.tick();
    }
  }
  return p.average();
}

// The TimeML eventness examples: every verb and common noun of the TimeBank and AQUAINT
// documents under `dir`, labelled with the class of the EVENT it lies in (0: none).
std::vector<Example> timeml_examples(const fs::path& dir, an::Analyzer& analyzer,
                                     const an::CameoDictionary* cameo, std::size_t& docs) {
  std::vector<Example> out;
  std::vector<fs::path> files;
  for (const char* part : {"timebank", "aquaint"}) {
    if (!fs::is_directory(dir / part)) {
      continue;
    }
    for (const auto& e : fs::directory_iterator(dir / part)) {
      if (e.path().extension() == ".tml") {
        files.push_back(e.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto doc = kb::timex::parse_timeml(xml, f.filename().string());
    if (!doc) {
      continue;
    }
    ++docs;
    for (an::ParsedSentence& p : analyzer.analyze(doc->text)) {
      const ex::learned::SynSentence s = ex::learned::bare(std::move(p));
      for (std::size_t w = 0; w < s.parse.words.size(); ++w) {
        if (!ex::learned::candidate(s, w)) {
          continue;
        }
        const auto& word = s.parse.words[w];
        std::size_t label = 0;
        for (const auto& e : doc->events) {
          if (e.begin < word.end && word.begin < e.end) {
            const auto it = std::find(ex::kTimemlClasses.begin(), ex::kTimemlClasses.end(), e.cls);
            label = it == ex::kTimemlClasses.end()
                        ? 0
                        : static_cast<std::size_t>(it - ex::kTimemlClasses.begin());
            break;
          }
        }
        Example x;
        ex::learned::timeml_features(s, w, cameo, x.keys);
        x.label = label;
        out.push_back(std::move(x));
      }
    }
  }
  return out;
}

void append(Data& to, const Data& from) {
  const auto add = [](auto& a, const auto& b) { a.insert(a.end(), b.begin(), b.end()); };
  add(to.trigger, from.trigger);
  add(to.status, from.status);
  add(to.kind, from.kind);
  add(to.role, from.role);
  add(to.attach, from.attach);
  add(to.misses, from.misses);
  add(to.undatable, from.undatable);
  to.gold += from.gold;
  to.in_sentence += from.in_sentence;
  to.candidate += from.candidate;
  to.datable += from.datable;
  for (const auto& [where, n] : from.implicit_at) {
    to.implicit_at[where] += n;
  }
}

// The margin threshold for (margin, label) pairs, and the F1 there. F1 over the threshold is flat
// near its top (out-of-fold on train: within 0.01 of its best from -18 to -8), so the highest
// point is noise; the threshold is the median of the cut points whose F1 is within `tolerance`
// of the best. A cut point falls between two different margins, so tied scores are all taken or
// all left.
std::pair<float, double> best_threshold(std::vector<std::pair<float, std::size_t>> scored,
                                        double tolerance = 0.01) {
  std::size_t positives = 0;
  for (const auto& x : scored) {
    positives += x.second;
  }
  std::sort(scored.begin(), scored.end(), std::greater<>());
  std::vector<std::pair<float, double>> cuts;  // (threshold, F1), thresholds falling
  double best_f1 = 0;
  std::size_t tp = 0;
  for (std::size_t i = 0; i < scored.size(); ++i) {
    tp += scored[i].second;
    if (i + 1 < scored.size() && scored[i + 1].first >= scored[i].first) {
      continue;  // not between two different margins
    }
    const double p = static_cast<double>(tp) / static_cast<double>(i + 1);
    const double r = positives ? static_cast<double>(tp) / static_cast<double>(positives) : 0;
    const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    const float threshold =
        i + 1 < scored.size() ? (scored[i].first + scored[i + 1].first) / 2 : scored[i].first - 1;
    cuts.emplace_back(threshold, f1);
    best_f1 = std::max(best_f1, f1);
  }
  std::vector<std::pair<float, double>> near;
  for (const auto& c : cuts) {
    if (c.second >= best_f1 - tolerance) {
      near.push_back(c);
    }
  }
  if (near.empty()) {
    return {0.0F, 0.0};
  }
  return near[near.size() / 2];
}

float margin(const an::LinearModel& m, const Keys& k) {
  std::vector<float> sc(2, 0.0F);
  m.score(k, sc);
  return sc[1] - sc[0];
}

an::LinearModel train_attach(std::vector<Group> groups, int iter, std::uint64_t seed) {
  an::PerceptronTrainer p(2);
  an::Rng rng{seed};
  for (int it = 0; it < iter; ++it) {
    an::shuffle(groups, rng);
    for (const auto& g : groups) {
      std::size_t best = 0, best_good = g.keys.size();
      float top = -1e30F, top_good = -1e30F;
      for (std::size_t d = 0; d < g.keys.size(); ++d) {
        std::vector<float> sc(2, 0.0F);
        p.score(g.keys[d], sc);
        const float m = sc[1] - sc[0];
        if (m > top) {
          top = m;
          best = d;
        }
        if (g.good[d] && m > top_good) {
          top_good = m;
          best_good = d;
        }
      }
      if (best_good < g.keys.size() && !g.good[best]) {
        p.update(g.keys[best_good], 1, 0);
        p.update(g.keys[best], 0, 1);
      }
      p.tick();
    }
  }
  return p.average();
}

double accuracy(const an::LinearModel& m, const std::vector<Example>& ex) {
  std::size_t ok = 0;
  for (const auto& e : ex) {
    std::vector<float> sc(m.classes(), 0.0F);
    m.score(e.keys, sc);
    ok += static_cast<std::size_t>(std::max_element(sc.begin(), sc.end()) - sc.begin()) == e.label
              ? 1U
              : 0U;
  }
  return ex.empty() ? 0 : 100.0 * static_cast<double>(ok) / static_cast<double>(ex.size());
}

}  // namespace

int main(int argc, char** argv) {
  fs::path timeml_dir = "../shared/data/timeml";
  fs::path gold = "eval/events/gold2", articles = "../shared/data/articles/dev.jsonl",
           out = "data/events/events.kbm";
  int iter = 10;
  std::uint64_t seed = 1;
  float shift = 0;         // added to the chosen trigger bias (to trade precision for recall)
  std::size_t bag = 1;     // models per decision, trained on different shuffles and averaged
  std::size_t misses = 0;  // > 0: print that many train events the models cannot see, and stop
  // --cv K: the trigger threshold from K-fold out-of-fold scores over the fitted articles, not
  // from dev; --fit train,dev then fits the models on both splits (dev is no longer held out).
  std::size_t folds = 0;
  bool fit_dev = false;
  // --base FILE --keep PARTS: the named parts (trigger, attach, status, kind, role; "trigger"
  // keeps the TimeML model and threshold its features and margin were fitted with) are copied
  // from FILE instead of trained, so a decision can be retrained without moving the others.
  fs::path base_file;
  std::set<std::string> keep;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) {
      die("usage: kb_train_events [--gold DIR] [--articles JSONL] [--timeml DIR] [--out FILE] "
          "[--iter N] [--seed S] [--bag K] [--shift X] [--misses N] [--cv K] [--fit SETS] "
          "[--base FILE --keep PARTS]");
    }
    const std::string v = argv[++i];
    if (a == "--gold") {
      gold = v;
    } else if (a == "--articles") {
      articles = v;
    } else if (a == "--out") {
      out = v;
    } else if (a == "--iter") {
      iter = std::stoi(v);
    } else if (a == "--timeml") {
      timeml_dir = v;
    } else if (a == "--shift") {
      shift = std::stof(v);
    } else if (a == "--misses") {
      misses = std::stoull(v);
    } else if (a == "--seed") {
      seed = std::stoull(v);
    } else if (a == "--ignore-near") {
      ignore_near = v == "1";
    } else if (a == "--bag") {
      bag = std::max<std::size_t>(1, std::stoull(v));
    } else if (a == "--cv") {
      folds = std::stoull(v);
      if (folds == 1) {
        die("--cv needs at least 2 folds");
      }
    } else if (a == "--fit") {
      if (v != "train" && v != "train,dev") {
        die("--fit takes train or train,dev, not '" + v + "'");
      }
      fit_dev = v == "train,dev";
    } else if (a == "--base") {
      base_file = v;
    } else if (a == "--keep") {
      for (std::size_t at = 0; at <= v.size();) {
        const std::size_t end = std::min(v.find(',', at), v.size());
        const std::string part = v.substr(at, end - at);
        if (part != "trigger" && part != "attach" && part != "status" && part != "kind" &&
            part != "role") {
          die("--keep takes trigger, attach, status, kind or role, not '" + part + "'");
        }
        keep.insert(part);
        at = end + 1;
      }
    } else {
      die("unknown option " + a);
    }
  }
  if (keep.empty() != base_file.empty()) {
    die("--base and --keep go together");
  }
  std::optional<ex::EventModel> base;
  if (!base_file.empty()) {
    const auto bytes = an::read_model_file(base_file, "event models");
    if (!bytes) {
      die(bytes.error().message);
    }
    auto read = ex::EventModel::read(*bytes);
    if (!read) {
      die(base_file.string() + ": " + read.error().message);
    }
    if (read->kinds != kKinds) {
      die(base_file.string() + ": its kinds are not this trainer's");
    }
    base = std::move(read).value();
  }
  auto dir = kb::importers::find_data_dir();
  if (!dir) {
    die(dir.error().message);
  }
  auto gaz = kb::importers::load_gazetteer(*dir);
  auto analyzer = an::Analyzer::load(*dir);
  auto cameo = an::CameoDictionary::load(*dir / "cameo");
  if (!gaz || !analyzer || !cameo) {
    die(!gaz ? gaz.error().message : !analyzer ? analyzer.error().message : cameo.error().message);
  }
  // First the TimeML eventness model, whose guess the trigger features read.
  std::size_t timeml_docs = 0;
  an::LinearModel timeml;
  {
    auto tml_analyzer = an::Analyzer::load(*dir);
    if (!tml_analyzer) {
      die(tml_analyzer.error().message);
    }
    auto ex_tml = timeml_examples(timeml_dir, *tml_analyzer, &*cameo, timeml_docs);
    std::size_t events = 0;
    for (const auto& e : ex_tml) {
      events += e.label != 0 ? 1U : 0U;
    }
    fmt::print("timeml: {} documents, {} verbs and nouns, {} of them EVENTs\n", timeml_docs,
               ex_tml.size(), events);
    timeml = train_model(std::move(ex_tml), ex::kTimemlClasses.size(), iter, seed + 5);
  }
  auto models = std::shared_ptr<const ex::LearnedModels>(new ex::LearnedModels{
      std::move(*analyzer), std::move(*cameo), ex::EventModel{}, std::nullopt, ex::SupportVerbs{}});
  ex::ExtractOptions options;
  options.learned = models;
  const ex::Extractor extractor(*gaz, options);
  auto docs = kb::gold2::load(gold, articles, {"train", "dev"});
  if (!docs) {
    die(docs.error().message);
  }
  if (fit_dev && folds == 0) {
    die("--fit with dev needs --cv K: the threshold cannot be chosen on dev when dev is fitted");
  }
  Data train, dev;
  std::vector<Data> per_doc;  // the fitted articles one by one, for the folds
  for (const auto& d : *docs) {
    Data one;
    collect(d, extractor, &models->cameo, &timeml, one);
    const bool fitted = d.set == "train" || fit_dev;
    append(fitted ? train : dev, one);
    if (fitted && folds > 0) {
      per_doc.push_back(std::move(one));
    }
  }
  for (const auto& [where, n] : train.implicit_at) {
    fmt::print("train: dated only implicitly, {}: {}\n", where, n);
  }
  for (const auto* d : {&train, &dev}) {
    fmt::print(
        "{}: gold events {}, trigger in a dated sentence {}, a candidate word {}, datable there "
        "{}; trigger examples {} ({} events), roles {}\n",
        d == &train ? "train" : "dev", d->gold, d->in_sentence, d->candidate, d->datable,
        d->trigger.size(), d->attach.size(), d->role.size());
  }
  if (misses > 0) {
    for (const auto& [name, list] :
         {std::pair{"MISS", &train.misses}, {"UNDATABLE", &train.undatable}}) {
      for (std::size_t i = 0; i < list->size() && i < misses; ++i) {
        fmt::print("{} {}\n", name, (*list)[i]);
      }
    }
    return 0;
  }
  // Each decision: `bag` models on different shuffles (seeds 100 apart), averaged.
  const auto bagged = [&](auto&& train_one, std::uint64_t offset) {
    std::vector<an::LinearModel> runs;
    for (std::size_t k = 0; k < bag; ++k) {
      runs.push_back(train_one(seed + offset + 100 * k));
    }
    auto mean = an::LinearModel::mean(runs);
    if (!mean) {
      die(mean.error().message);
    }
    return std::move(mean).value();
  };
  // Each part is copied from the base file when --keep names it, else trained (the seeds are
  // the part's own, so a kept part changes no other part's bytes).
  const auto part = [&](const char* name, an::LinearModel ex::EventModel::*field, auto&& trained) {
    if (keep.count(name) != 0) {
      fmt::print("{}: kept from {}\n", name, base_file.string());
      return (*base).*field;
    }
    return trained();
  };
  const bool keep_trigger = keep.count("trigger") != 0;
  ex::EventModel m;
  m.trigger = part("trigger", &ex::EventModel::trigger, [&] {
    return bagged([&](std::uint64_t s) { return train_model(train.trigger, 2, iter, s); }, 0);
  });
  m.attach = part("attach", &ex::EventModel::attach, [&] {
    return bagged([&](std::uint64_t s) { return train_attach(train.attach, iter, s); }, 1);
  });
  m.status = part("status", &ex::EventModel::status, [&] {
    return bagged(
        [&](std::uint64_t s) { return train_model(train.status, ex::kStatusClasses, iter, s); }, 2);
  });
  m.kind = part("kind", &ex::EventModel::kind, [&] {
    return bagged([&](std::uint64_t s) { return train_model(train.kind, kKinds.size(), iter, s); },
                  3);
  });
  m.role = part("role", &ex::EventModel::role, [&] {
    return bagged(
        [&](std::uint64_t s) { return train_model(train.role, ex::kRoleClasses, iter, s); }, 4);
  });
  m.timeml = keep_trigger ? base->timeml : timeml;
  m.kinds = kKinds;
  // The trigger threshold that maximises F1 on dev, or on every fitted article's scores from the
  // models trained without its fold; a kept trigger model keeps its own.
  if (keep_trigger) {
    m.trigger_bias = base->trigger_bias;
  } else {
    std::vector<std::pair<float, std::size_t>> scored;
    if (folds > 0) {
      for (std::size_t k = 0; k < folds; ++k) {
        Data in, out_of_fold;
        for (std::size_t i = 0; i < per_doc.size(); ++i) {
          append(i % folds == k ? out_of_fold : in, per_doc[i]);
        }
        const an::LinearModel fold =
            bagged([&](std::uint64_t s) { return train_model(in.trigger, 2, iter, s); }, 0);
        for (const auto& e : out_of_fold.trigger) {
          scored.emplace_back(margin(fold, e.keys), e.label);
        }
      }
    } else {
      for (const auto& e : dev.trigger) {
        scored.emplace_back(margin(m.trigger, e.keys), e.label);
      }
    }
    const auto [threshold, best_f1] = best_threshold(std::move(scored));
    m.trigger_bias = -threshold + shift;
    fmt::print("{}: trigger F1 {:.3f} at threshold {:.3f}\n",
               folds > 0 ? fmt::format("{}-fold out-of-fold", folds) : std::string("dev"), best_f1,
               threshold);
  }
  std::size_t attach_ok = 0;
  for (const auto& g : dev.attach) {
    std::size_t best = 0;
    float top = -1e30F;
    for (std::size_t d = 0; d < g.keys.size(); ++d) {
      const float s = margin(m.attach, g.keys[d]);
      if (s > top) {
        top = s;
        best = d;
      }
    }
    attach_ok += g.good[best] ? 1U : 0U;
  }
  fmt::print(
      "dev: trigger accuracy at 0 {:.2f}%, date attachment {:.2f}% of {}, status {:.2f}%, "
      "kind {:.2f}%, role {:.2f}%\n",
      accuracy(m.trigger, dev.trigger),
      dev.attach.empty()
          ? 0.0
          : 100.0 * static_cast<double>(attach_ok) / static_cast<double>(dev.attach.size()),
      dev.attach.size(), accuracy(m.status, dev.status), accuracy(m.kind, dev.kind),
      accuracy(m.role, dev.role));
  std::string bytes;
  m.write(bytes);
  fs::create_directories(out.parent_path());
  if (auto w = an::write_model_file(out, bytes); !w) {
    die(w.error().message);
  }
  fmt::print("wrote {} ({} bytes)\n", out.string(), bytes.size());
  return 0;
}
