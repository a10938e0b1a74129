// Generates a large synthetic knowledge base for the core benchmark (see bench/README.md and
// bench/core.sh): events over decades, zipf-distributed entities, FTS-realistic titles and
// citations, written in bulk through prepared statements into a database migrate() created.
// Usage: bench_core OUT.db [--events N] [--entities N] [--sources N] [--years N] [--first-year Y]
//                         [--seed S]
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "kb/fuzzy_date.hpp"
#include "kb/text_key.hpp"
#include "storage/sqlite/migrate.hpp"
#include "storage/sqlite/sqlite.hpp"
#include "storage/sqlite/store.hpp"

namespace {

struct Options {
  std::string out;
  std::int64_t events = 1'000'000;
  int entities = 10'000;
  // Events that cite a source of their own: 0 means every 3rd event (events / 3); otherwise
  // this many, spread evenly over the event ids.
  std::int64_t sources = 0;
  int years = 50;
  int first_year = 1975;
  unsigned seed = 42;
};

// The busiest entities get real names so the benchmark commands read naturally.
constexpr std::array<std::string_view, 12> kBusyNames = {
    "Russia",  "Ukraine", "United States", "China",  "European Union", "NATO",
    "Germany", "France",  "Poland",        "Turkey", "United Kingdom", "Iran"};
constexpr std::array<std::string_view, 5> kKinds = {"country", "person", "organisation", "place",
                                                    "group"};
constexpr std::array<std::string_view, 24> kVerbs = {
    "signs",      "attacks",  "meets",      "warns",    "sanctions", "visits",
    "announces",  "rejects",  "supports",   "condemns", "captures",  "withdraws from",
    "agrees",     "proposes", "suspends",   "expands",  "delivers",  "blocks",
    "recognises", "shells",   "negotiates", "approves", "threatens", "restores"};
constexpr std::array<std::string_view, 24> kObjects = {
    "ceasefire",   "treaty",      "security guarantees", "gas pipeline",  "border crossing",
    "aid package", "sanctions",   "peace talks",         "referendum",    "military exercises",
    "air defence", "grain deal",  "nuclear plant",       "embassy",       "trade agreement",
    "summit",      "election",    "troop deployment",    "arms shipment", "humanitarian corridor",
    "energy deal", "visa regime", "naval blockade",      "missile strike"};
constexpr std::array<std::string_view, 6> kPublishers = {"Reuters",          "AP",     "BBC",
                                                         "Kyiv Independent", "Meduza", "Le Monde"};

constexpr std::string_view kInsertEntity =
    "INSERT INTO entity (entity_id, name, kind, description) VALUES (?1, ?2, ?3, '')";
constexpr std::string_view kInsertAlias =
    "INSERT INTO entity_alias (alias_key, alias, entity_id) VALUES (?1, ?2, ?3)";
constexpr std::string_view kInsertEvent =
    "INSERT INTO event (event_id, title, summary, first_day, last_day, precision, modifier, "
    "timex, date_text, kind, status, confidence, origin, recorded_at, updated_at) VALUES (?1, ?2, "
    "?3, ?4, ?5, ?6, 'none', ?7, '', ?8, 'reported', 1.0, 'imported', ?9, ?9)";
constexpr std::string_view kInsertRole =
    "INSERT OR IGNORE INTO event_entity (event_id, entity_id, role) VALUES (?1, ?2, ?3)";
constexpr std::string_view kInsertSource =
    "INSERT INTO source (source_id, url, title, publisher, published, published_day, retrieved, "
    "content_hash, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr std::string_view kInsertCitation =
    "INSERT INTO citation (event_id, source_id, quote) VALUES (?1, ?2, ?3)";

// Zipf-like sampling over ranks 1..n with exponent 1: P(rank k) ~ 1/k.
class Zipf {
 public:
  explicit Zipf(int n) : cdf_(static_cast<std::size_t>(n)) {
    double sum = 0;
    for (int k = 1; k <= n; ++k) {
      sum += 1.0 / k;
      cdf_[static_cast<std::size_t>(k - 1)] = sum;
    }
    for (double& c : cdf_) {
      c /= sum;
    }
  }
  // A 0-based rank.
  int operator()(std::mt19937_64& rng) const {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    const auto it = std::lower_bound(cdf_.begin(), cdf_.end(), u);
    return static_cast<int>(
        std::min<std::ptrdiff_t>(it - cdf_.begin(), static_cast<std::ptrdiff_t>(cdf_.size()) - 1));
  }

 private:
  std::vector<double> cdf_;
};

template <typename T>
T must(kb::Result<T> r, std::string_view what) {
  if (!r) {
    std::cerr << "bench_core: " << what << ": " << r.error().message << '\n';
    std::exit(1);
  }
  return std::move(r).value();
}
void must(const kb::Result<void>& r, std::string_view what) {
  if (!r) {
    std::cerr << "bench_core: " << what << ": " << r.error().message << '\n';
    std::exit(1);
  }
}

std::string entity_name(int i) {
  if (static_cast<std::size_t>(i) < kBusyNames.size()) {
    return std::string(kBusyNames[static_cast<std::size_t>(i)]);
  }
  return fmt::format("{} {}", kKinds[static_cast<std::size_t>(i) % kKinds.size()], i);
}

// A random date within the years: 70% a day, 15% a month, 10% a year, 5% an ISO week.
kb::FuzzyDate random_date(std::mt19937_64& rng, const Options& o) {
  const date::sys_days start{date::year{o.first_year} / 1 / 1};
  const date::sys_days end{date::year{o.first_year + o.years - 1} / 12 / 31};
  const int span = static_cast<int>((end - start).count());
  const date::sys_days d = start + date::days{std::uniform_int_distribution<int>(0, span)(rng)};
  const int p = std::uniform_int_distribution<int>(0, 99)(rng);
  if (p < 70) {
    return kb::FuzzyDate::day(date::year_month_day{d});
  }
  if (p < 85) {
    return kb::FuzzyDate::unit(d, kb::Precision::month);
  }
  if (p < 95) {
    return kb::FuzzyDate::unit(d, kb::Precision::year);
  }
  return kb::FuzzyDate::unit(d, kb::Precision::week);
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "bench_core: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--events") {
      o.events = std::stoll(next());
    } else if (a == "--entities") {
      o.entities = std::stoi(next());
    } else if (a == "--sources") {
      o.sources = std::stoll(next());
    } else if (a == "--years") {
      o.years = std::stoi(next());
    } else if (a == "--first-year") {
      o.first_year = std::stoi(next());
    } else if (a == "--seed") {
      o.seed = static_cast<unsigned>(std::stoul(next()));
    } else if (o.out.empty() && !a.empty() && a[0] != '-') {
      o.out = a;
    } else {
      std::cerr << "usage: bench_core OUT.db [--events N] [--entities N] [--sources N] "
                   "[--years N] [--first-year Y] [--seed S]\n";
      std::exit(2);
    }
  }
  if (o.out.empty() || o.entities < static_cast<int>(kBusyNames.size()) || o.sources < 0 ||
      o.sources > o.events) {
    std::cerr << "usage: bench_core OUT.db [--events N] [--entities N (>= 12)] ...\n";
    std::exit(2);
  }
  return o;
}

void write_entities(kb::sqlite::Db& db, const Options& o) {
  auto ins = must(db.prepare(kInsertEntity), "prepare entity");
  auto alias = must(db.prepare(kInsertAlias), "prepare alias");
  for (int i = 0; i < o.entities; ++i) {
    const std::string name = entity_name(i);
    const std::string_view kind =
        i < 12 ? std::string_view("country") : kKinds[static_cast<std::size_t>(i) % kKinds.size()];
    ins.reset();
    ins.bind(1, i + 1).bind(2, name).bind(3, kind);
    must(ins.run(), "insert entity");
    alias.reset();
    alias.bind(1, kb::alias_key(name)).bind(2, name).bind(3, i + 1);
    must(alias.run(), "insert alias");
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_args(argc, argv);
  if (std::filesystem::exists(o.out)) {
    std::cerr << "bench_core: " << o.out << " exists; remove it first\n";
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  kb::sqlite::Db db = must(kb::sqlite::Db::open(o.out, kb::sqlite::OpenMode::create), "open");
  must(kb::sqlite::migrate(db), "migrate");
  must(db.exec("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144"), "pragmas");
  auto tx = must(db.transaction(), "begin");
  write_entities(db, o);

  std::mt19937_64 rng(o.seed);
  const Zipf zipf(o.entities);
  auto event = must(db.prepare(kInsertEvent), "prepare event");
  auto role = must(db.prepare(kInsertRole), "prepare role");
  auto source = must(db.prepare(kInsertSource), "prepare source");
  auto cite = must(db.prepare(kInsertCitation), "prepare citation");
  constexpr std::array<std::string_view, 4> kRoles = {"actor", "target", "location", "mentioned"};
  std::int64_t sources = 0;
  std::int64_t roles = 0;
  for (std::int64_t id = 1; id <= o.events; ++id) {
    const kb::FuzzyDate d = random_date(rng, o);
    const int n = std::uniform_int_distribution<int>(1, 4)(rng);
    std::vector<int> who;
    while (static_cast<int>(who.size()) < n) {
      const int e = zipf(rng);
      if (std::find(who.begin(), who.end(), e) == who.end()) {
        who.push_back(e);
      }
    }
    const auto verb = kVerbs[rng() % kVerbs.size()];
    const auto object = kObjects[rng() % kObjects.size()];
    const std::string title = n > 1 ? fmt::format("{} {} {} with {}", entity_name(who[0]), verb,
                                                  object, entity_name(who[1]))
                                    : fmt::format("{} {} {}", entity_name(who[0]), verb, object);
    event.reset();
    event.bind(1, id).bind(2, title).bind(
        3, id % 4 == 0 ? fmt::format("Talks on the {}.", object) : std::string());
    event.bind(4, kb::sqlite::to_day_number(d.first()))
        .bind(5, kb::sqlite::to_day_number(d.last()));
    event.bind(6, kb::to_string(d.precision())).bind(7, d.timex());
    event.bind(8, kb::to_string(kb::event_kinds()[rng() % kb::event_kinds().size()]))
        .bind(9, "2024-01-15T10:00:00Z");
    must(event.run(), "insert event");
    for (int i = 0; i < n; ++i) {
      role.reset();
      role.bind(1, id).bind(2, who[static_cast<std::size_t>(i)] + 1);
      role.bind(3, kRoles[static_cast<std::size_t>(std::min(i, 3))]);
      must(role.run(), "insert role");
      ++roles;
    }
    // A third of the events cite an article, or --sources of them: event id cites one when
    // floor(id * sources / events) steps up (id = events / sources, 2 * events / sources, ...).
    const bool cites = o.sources == 0 ? id % 3 == 0
                                      : (id * o.sources) / o.events >
                                            ((id - 1) * o.sources) / o.events;
    if (cites) {
      ++sources;
      const std::string quote = fmt::format("{}, officials said.", title);
      source.reset();
      source.bind(1, sources).bind(2, fmt::format("https://news.example/{}", sources));
      source.bind(3, title).bind(4, kPublishers[rng() % kPublishers.size()]);
      source.bind(5, kb::iso_day(d.last())).bind(6, kb::sqlite::to_day_number(d.last()));
      source.bind(7, "2024-01-15T10:00:00Z").bind(8, fmt::format("bench:{}", sources));
      source.bind(9, fmt::format("{} The {} was discussed at length.", quote, object));
      must(source.run(), "insert source");
      cite.reset();
      cite.bind(1, id).bind(2, sources).bind(3, quote);
      must(cite.run(), "insert citation");
    }
    if (id % 100'000 == 0) {
      std::cerr << "bench_core: " << id << " events\n";
    }
  }
  must(tx.commit(), "commit");
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("{}: {} events, {} entities, {} roles, {} sources/citations in {:.1f} s\n", o.out,
             o.events, o.entities, roles, sources, secs);
  return 0;
}
