// Generates a large synthetic knowledge base for the core benchmark (see bench/README.md and
// bench/core.sh): events over decades, zipf-distributed entities, FTS-realistic titles and
// citations, written in bulk through prepared statements into a database migrate() created.
// Usage: bench_core OUT.db [--events N] [--entities N] [--sources N] [--years N] [--first-year Y]
//                         [--seed S] [--cache-mb MB (SQLite's page cache, default 256)]
//        bench_core --copy OUTDIR [same options]: the same rows as PostgreSQL COPY text files
//        (entity, entity_alias, event, event_entity, source, citation .tsv) for bench/scale.sh.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

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
  int cache_mb = 256;  // --cache-mb: SQLite's page cache while generating
  bool copy = false;   // --copy: OUT is a directory of COPY files for PostgreSQL (bench/scale.sh)
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
    } else if (a == "--cache-mb") {
      o.cache_mb = std::stoi(next());
    } else if (a == "--copy") {
      o.copy = true;
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
      std::cerr << "usage: bench_core [--copy] OUT [--events N] [--entities N] [--sources N] "
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

// Where the generated rows go: kb's SQLite schema (through prepared statements) or, with
// --copy DIR, PostgreSQL COPY text files (bench/scale.sh loads them), the same rows either way.
struct Row {
  std::int64_t id = 0;
  std::string title, summary, precision, timex, kind;
  std::int64_t first_day = 0, last_day = 0;
};
struct SourceRow {
  std::int64_t id = 0, published_day = 0;
  std::string url, title, publisher, published, hash, body;
};
constexpr std::string_view kRecordedAt = "2024-01-15T10:00:00Z";

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void entity(int id, const std::string& name, std::string_view kind) = 0;
  virtual void event(const Row& r) = 0;
  virtual void role(std::int64_t event, int entity, std::string_view role) = 0;
  virtual void source(const SourceRow& s) = 0;
  virtual void citation(std::int64_t event, std::int64_t source, const std::string& quote) = 0;
  virtual void finish() = 0;
};

class SqliteSink final : public Sink {
 public:
  SqliteSink(const std::string& path, int cache_mb)
      : db_(must(kb::sqlite::Db::open(path, kb::sqlite::OpenMode::create), "open")) {
    must(kb::sqlite::migrate(db_), "migrate");
    must(db_.exec(fmt::format("PRAGMA synchronous = OFF; PRAGMA cache_size = -{}",
                              std::int64_t{cache_mb} * 1024)),
         "pragmas");
    must(db_.exec("BEGIN"), "begin");
    entity_ = must(db_.prepare(kInsertEntity), "prepare entity");
    alias_ = must(db_.prepare(kInsertAlias), "prepare alias");
    event_ = must(db_.prepare(kInsertEvent), "prepare event");
    role_ = must(db_.prepare(kInsertRole), "prepare role");
    source_ = must(db_.prepare(kInsertSource), "prepare source");
    cite_ = must(db_.prepare(kInsertCitation), "prepare citation");
  }
  void entity(int id, const std::string& name, std::string_view kind) override {
    entity_->reset();
    entity_->bind(1, id).bind(2, name).bind(3, kind);
    must(entity_->run(), "insert entity");
    alias_->reset();
    alias_->bind(1, kb::alias_key(name)).bind(2, name).bind(3, id);
    must(alias_->run(), "insert alias");
  }
  void event(const Row& r) override {
    auto& s = *event_;
    s.reset();
    s.bind(1, r.id).bind(2, r.title).bind(3, r.summary).bind(4, r.first_day).bind(5, r.last_day);
    s.bind(6, r.precision).bind(7, r.timex).bind(8, r.kind).bind(9, kRecordedAt);
    must(s.run(), "insert event");
  }
  void role(std::int64_t event, int entity, std::string_view role) override {
    role_->reset();
    role_->bind(1, event).bind(2, entity).bind(3, role);
    must(role_->run(), "insert role");
  }
  void source(const SourceRow& r) override {
    auto& s = *source_;
    s.reset();
    s.bind(1, r.id).bind(2, r.url).bind(3, r.title).bind(4, r.publisher).bind(5, r.published);
    s.bind(6, r.published_day).bind(7, kRecordedAt).bind(8, r.hash).bind(9, r.body);
    must(s.run(), "insert source");
  }
  void citation(std::int64_t event, std::int64_t source, const std::string& quote) override {
    cite_->reset();
    cite_->bind(1, event).bind(2, source).bind(3, quote);
    must(cite_->run(), "insert citation");
  }
  void finish() override {
    entity_.reset();
    alias_.reset();
    event_.reset();
    role_.reset();
    source_.reset();
    cite_.reset();
    must(db_.exec("COMMIT"), "commit");
  }

 private:
  kb::sqlite::Db db_;
  std::optional<kb::sqlite::Statement> entity_, alias_, event_, role_, source_, cite_;
};

// PostgreSQL's COPY text format: tab-separated columns, one row a line, \ escapes.
class CopySink final : public Sink {
 public:
  explicit CopySink(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    for (const char* name :
         {"entity", "entity_alias", "event", "event_entity", "source", "citation"}) {
      files_.emplace_back(dir / fmt::format("{}.tsv", name), std::ios::binary);
      if (!files_.back()) {
        std::cerr << "bench_core: cannot write " << (dir / name).string() << ".tsv\n";
        std::exit(1);
      }
    }
  }
  void entity(int id, const std::string& name, std::string_view kind) override {
    line(0, id, name, kind, "");
    line(1, kb::alias_key(name), name, id);
  }
  void event(const Row& r) override {
    line(2, r.id, r.title, r.summary, r.first_day, r.last_day, r.precision, "none", r.timex, "",
         r.kind, "reported", "1.0", "imported", kRecordedAt, kRecordedAt);
  }
  void role(std::int64_t event, int entity, std::string_view role) override {
    line(3, event, entity, role);
  }
  void source(const SourceRow& r) override {
    line(4, r.id, r.url, r.title, r.publisher, r.published, r.published_day, kRecordedAt, r.hash,
         r.body);
  }
  void citation(std::int64_t event, std::int64_t source, const std::string& quote) override {
    line(5, event, source, quote);
  }
  void finish() override {
    for (auto& f : files_) {
      f.close();
      if (!f) {
        std::cerr << "bench_core: writing the COPY files failed\n";
        std::exit(1);
      }
    }
  }

 private:
  static void put(std::string& out, std::string_view v) {
    for (const char c : v) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          out += c;
      }
    }
  }
  static void put(std::string& out, const std::string& v) { put(out, std::string_view(v)); }
  static void put(std::string& out, const char* v) { put(out, std::string_view(v)); }
  template <typename T>
  requires std::is_integral_v<T>
  static void put(std::string& out, T v) { out += std::to_string(v); }
  template <typename... T>
  void line(std::size_t file, const T&... cols) {
    buf_.clear();
    bool first = true;
    ((buf_ += first ? "" : "\t", first = false, put(buf_, cols)), ...);
    buf_ += '\n';
    files_[file].write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }
  std::vector<std::ofstream> files_;
  std::string buf_;
};

void write_entities(Sink& sink, const Options& o) {
  for (int i = 0; i < o.entities; ++i) {
    const std::string_view kind =
        i < 12 ? std::string_view("country") : kKinds[static_cast<std::size_t>(i) % kKinds.size()];
    sink.entity(i + 1, entity_name(i), kind);
  }
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // glibc gives freed memory back to the system (heap trimming, mmap'ed large blocks) and takes
  // it again at once, page faults included: with the defaults, 100,000 events took 73 s (32 s of
  // it in the kernel), with these 23 s (5 s; 2 cores AMD EPYC, loaded).
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_TOP_PAD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
  const Options o = parse_args(argc, argv);
  if (std::filesystem::exists(o.out)) {
    std::cerr << "bench_core: " << o.out << " exists; remove it first\n";
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<Sink> sink;
  if (o.copy) {
    sink = std::make_unique<CopySink>(o.out);
  } else {
    sink = std::make_unique<SqliteSink>(o.out, o.cache_mb);
  }
  write_entities(*sink, o);

  std::mt19937_64 rng(o.seed);
  const Zipf zipf(o.entities);
  constexpr std::array<std::string_view, 4> kRoles = {"actor", "target", "location", "mentioned"};
  std::int64_t sources = 0;
  std::int64_t roles = 0;
  Row row;
  SourceRow src;
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
    row.id = id;
    row.title = n > 1 ? fmt::format("{} {} {} with {}", entity_name(who[0]), verb, object,
                                    entity_name(who[1]))
                      : fmt::format("{} {} {}", entity_name(who[0]), verb, object);
    row.summary = id % 4 == 0 ? fmt::format("Talks on the {}.", object) : std::string();
    row.first_day = kb::sqlite::to_day_number(d.first());
    row.last_day = kb::sqlite::to_day_number(d.last());
    row.precision = kb::to_string(d.precision());
    row.timex = d.timex();
    row.kind = kb::to_string(kb::event_kinds()[rng() % kb::event_kinds().size()]);
    sink->event(row);
    for (int i = 0; i < n; ++i) {
      sink->role(id, who[static_cast<std::size_t>(i)] + 1,
                 kRoles[static_cast<std::size_t>(std::min(i, 3))]);
      ++roles;
    }
    // A third of the events cite an article, or --sources of them: event id cites one when
    // floor(id * sources / events) steps up (id = events / sources, 2 * events / sources, ...).
    const bool cites = o.sources == 0
                           ? id % 3 == 0
                           : (id * o.sources) / o.events > ((id - 1) * o.sources) / o.events;
    if (cites) {
      ++sources;
      const std::string quote = fmt::format("{}, officials said.", row.title);
      src.id = sources;
      src.url = fmt::format("https://news.example/{}", sources);
      src.title = row.title;
      src.publisher = kPublishers[rng() % kPublishers.size()];
      src.published = kb::iso_day(d.last());
      src.published_day = kb::sqlite::to_day_number(d.last());
      src.hash = fmt::format("bench:{}", sources);
      src.body = fmt::format("{} The {} was discussed at length.", quote, object);
      sink->source(src);
      sink->citation(id, sources, quote);
    }
    if (id % 100'000 == 0) {
      std::cerr << "bench_core: " << id << " events\n";
    }
  }
  sink->finish();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("{}: {} events, {} entities, {} roles, {} sources/citations in {:.1f} s\n", o.out,
             o.events, o.entities, roles, sources, secs);
  return 0;
}
