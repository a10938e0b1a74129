// Issue #16's concurrency test: 8 `kb import` processes (distinct and overlapping articles), 8
// analysts editing, tagging and linking, and 8 readers run at once against one knowledge base,
// on SQLite and on PostgreSQL (KB_TEST_PG). Every process must succeed, and the knowledge base
// must then equal the one the same writing commands build run one after another: the same
// events, citations, curated fields and links (local numbers, permanent ids and times aside),
// and the operation log must name the user of each command. Runs the built kb binary.

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/process_util.hpp"
#include "tests/test_util.hpp"

namespace kb::test {
namespace {

constexpr int kImporters = 8;
constexpr int kEditors = 8;
constexpr int kReaders = 8;
constexpr int kBaseEvents = 2 * kEditors;  // entered by hand first: #1 .. #16, the editors' own
// A bound on the concurrent phase: beyond it the test kills what still runs and fails.
constexpr std::chrono::seconds kDeadline{120};
// How long a reader waits between two commands: readers keep reading while the writers run,
// without taking all of a small machine's cores from them.
constexpr std::chrono::milliseconds kReaderPause{250};

// One process's script: its user (KB_USER) and its commands, run one after another. A reader
// goes round its commands again for as long as a writer is still running.
struct Worker {
  std::string user;
  std::vector<std::vector<std::string>> commands;
  bool reader = false;
  std::size_t next = 0;
  std::size_t runs = 0;
};

// One dated report as a line of JSONL.
std::string report(const std::string& id, const std::string& published, const std::string& text) {
  return nlohmann::json{
             {"id", id}, {"title", "Report " + id}, {"published", published}, {"text", text}}
             .dump() +
         "\n";
}

// Writes the importers' articles into `dir` and returns each importer's inputs: two reports of
// its own (a town shelled, in a month of 2021 only it uses), a file of meetings that one other
// importer imports too (the same bytes: stored once), and a report of a shelling in 2019 that
// one other importer reports in other words (two sources: one event citing both).
std::vector<std::vector<std::string>> write_articles(const TempDir& dir) {
  const char* towns[] = {"Kharkiv",  "Kherson",      "Bakhmut",    "Izium",
                         "Mariupol", "Sumy",         "Lyman",      "Odesa",
                         "Mykolaiv", "Zaporizhzhia", "Dnipro",     "Chernihiv",
                         "Poltava",  "Kupiansk",     "Kramatorsk", "Sloviansk"};
  const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                          "July",    "August",   "September", "October", "November", "December"};
  const char* guests[] = {"Olaf Scholz", "Emmanuel Macron", "Antony Blinken", "Jens Stoltenberg"};
  const char* shelled[] = {"Avdiivka", "Pokrovsk", "Vuhledar", "Toretsk"};
  for (int j = 0; j < 4; ++j) {
    write_file(dir.file(fmt::format("shared{}.jsonl", j)),
               report(fmt::format("meeting-{}", j), fmt::format("2020-{:02d}-20", 1 + j),
                      fmt::format("President Volodymyr Zelensky met {} in Kyiv on {} {} 2020 to "
                                  "discuss air defence, his office said.",
                                  guests[j], 3 + j, months[j])));
  }
  std::vector<std::vector<std::string>> inputs;
  for (int i = 0; i < kImporters; ++i) {
    std::string own;
    for (int k = 0; k < 2; ++k) {
      own += report(fmt::format("own-{}-{}", i, k), fmt::format("2021-{:02d}-28", 1 + i),
                    fmt::format("Russian forces shelled {} on {} {} 2021, the regional governor "
                                "said. Residents reported damage to {} buildings.",
                                towns[2 * i + k], 5 + 10 * k, months[i], 3 + i + k));
    }
    write_file(dir.file(fmt::format("own{}.jsonl", i)), own);
    write_file(dir.file(fmt::format("echo{}.jsonl", i)),
               report(fmt::format("echo-{}", i), fmt::format("2019-{:02d}-20", 9 + i % 4),
                      fmt::format("Russian forces shelled {} on 15 {} 2019, the General Staff "
                                  "said. Residents reported damage to {} houses.",
                                  shelled[i % 4], months[8 + i % 4], 10 * (i + 1))));
    inputs.push_back({dir.file(fmt::format("own{}.jsonl", i)),
                      dir.file(fmt::format("shared{}.jsonl", i % 4)),
                      dir.file(fmt::format("echo{}.jsonl", i))});
  }
  return inputs;
}

// The writers and readers: importer-I imports its inputs; editor-J edits, tags and links its two
// events (#2J+1 and #2J+2, entered by hand before); reader-R reads timelines, searches and events.
std::vector<Worker> workers(const std::vector<std::vector<std::string>>& inputs) {
  std::vector<Worker> out;
  for (int i = 0; i < kImporters; ++i) {
    std::vector<std::string> import{"import", "--jobs", "1"};
    import.insert(import.end(), inputs[static_cast<std::size_t>(i)].begin(),
                  inputs[static_cast<std::size_t>(i)].end());
    out.push_back({fmt::format("importer-{}", i), {import}});
  }
  for (int j = 0; j < kEditors; ++j) {
    const std::string a = std::to_string(2 * j + 1);
    const std::string b = std::to_string(2 * j + 2);
    out.push_back({fmt::format("editor-{}", j),
                   {{"edit", a, "--summary", fmt::format("Checked by editor {}", j)},
                    {"tag", a, b, fmt::format("editor-{}", j), "reviewed"},
                    {"link", a, "precedes", b},
                    {"edit", b, "--status", "disputed", "--title",
                     fmt::format("Analyst note {}, revised", b)}}});
  }
  for (int r = 0; r < kReaders; ++r) {
    out.push_back({fmt::format("reader-{}", r),
                   {{"timeline", "--limit", "5"},
                    {"search", "shelled", "--limit", "5"},
                    {"show", std::to_string(1 + r)},
                    {"show", std::to_string(1 + kReaders + r), "--format", "json"},
                    {"timeline", "--tag", "reviewed"}},
                   true});
  }
  return out;
}

// Enters the editors' events by hand (#1 .. #16, one a year from 1981), as user "setup".
void enter_base_events(const std::string& db) {
  for (int n = 1; n <= kBaseEvents; ++n) {
    const auto r = run_kb({"--db", db, "add", fmt::format("Analyst note {}", n), "--date",
                           fmt::format("{}-06-01", 1980 + n)},
                          std::map<std::string, std::string>{{"KB_USER", "setup"}});
    REQUIRE_MESSAGE(r.code == 0, r.err);
  }
}

// Starts `w`'s next command against `db`; its stderr goes to a file of its own in `dir`.
pid_t start(Worker& w, const std::string& db, const TempDir& dir) {
  std::vector<std::string> args{"--db", db};
  const auto& cmd = w.commands[w.next];
  args.insert(args.end(), cmd.begin(), cmd.end());
  ProcessOptions opts;
  opts.err = dir.file("err-" + w.user);
  opts.env = {"KB_USER=" + w.user};
  return spawn_kb(args, opts);
}

// What went wrong with `w`'s current command, for the test's report.
std::string failure(const Worker& w, int code, const TempDir& dir) {
  return fmt::format("{}: kb {} exited {}: {}", w.user, fmt::join(w.commands[w.next], " "), code,
                     slurp(dir.file("err-" + w.user)));
}

// Runs every worker at once against `db`, each command as its own process (a reader pausing
// kReaderPause between its commands); returns the failures (none when every process exited 0).
std::vector<std::string> run_concurrently(std::vector<Worker> all, const std::string& db,
                                          const TempDir& dir) {
  using Clock = std::chrono::steady_clock;
  std::map<pid_t, std::size_t> running;
  std::multimap<Clock::time_point, std::size_t> paused;  // readers, by when they go on
  std::size_t writers = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    writers += all[i].reader ? 0U : 1U;
    running.emplace(start(all[i], db, dir), i);
  }
  std::vector<std::string> failures;
  const auto deadline = Clock::now() + kDeadline;
  while (!running.empty() || !paused.empty()) {
    const auto now = Clock::now();
    while (!paused.empty() && paused.begin()->first <= now) {
      running.emplace(start(all[paused.begin()->second], db, dir), paused.begin()->second);
      paused.erase(paused.begin());
    }
    int status = 0;
    const pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid <= 0) {
      if (now > deadline) {
        for (const auto& [left, index] : running) {
          ::kill(left, SIGKILL);
          waitpid(left, nullptr, 0);
          failures.push_back(all[index].user + ": still running at the deadline");
        }
        return failures;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    const auto it = running.find(pid);
    REQUIRE(it != running.end());
    const std::size_t index = it->second;
    Worker& w = all[index];
    running.erase(it);
    const int code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
    if (code != 0) {
      failures.push_back(failure(w, code, dir));
    }
    ++w.runs;
    if (++w.next == w.commands.size()) {
      if (!w.reader) {
        --writers;
        continue;
      }
      w.next = 0;
    }
    if (!w.reader) {
      running.emplace(start(w, db, dir), index);
    } else if (writers > 0) {
      paused.emplace(Clock::now() + kReaderPause, index);
    }
  }
  for (const auto& w : all) {
    CHECK_MESSAGE((!w.reader || w.runs > 0), w.user << " ran no command");
  }
  return failures;
}

// Runs the writers' commands one after another against `db` (importers first, then editors).
void run_serially(std::vector<Worker> all, const std::string& db, const TempDir& dir) {
  for (Worker& w : all) {
    if (w.reader) {
      continue;
    }
    for (w.next = 0; w.next < w.commands.size(); ++w.next) {
      const int code = wait_kb(start(w, db, dir));
      REQUIRE_MESSAGE(code == 0, failure(w, code, dir));
    }
  }
}

// The knowledge base as sorted lines of JSON, one per entity, source, event and link, with what
// legitimately differs between two runs of the same commands taken out: local numbers (records
// refer to each other by name, source file and hash, or event title and date instead),
// permanent ids, and the times kb stamped.
std::vector<std::string> normalised(const std::string& db) {
  const auto r = run_kb({"--db", db, "export", "--format", "json"});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  auto dump = nlohmann::json::parse(r.out);
  std::map<std::int64_t, std::string> entity_key, source_key, event_key;
  for (const auto& e : dump["entities"]) {
    entity_key[e["id"].get<std::int64_t>()] =
        e["kind"].get<std::string>() + ":" + e["name"].get<std::string>();
  }
  for (const auto& s : dump["sources"]) {
    source_key[s["id"].get<std::int64_t>()] =
        s["origin"].dump() + " " + s["content_hash"].get<std::string>();
  }
  for (const auto& e : dump["events"]) {
    event_key[e["id"].get<std::int64_t>()] =
        e["title"].get<std::string>() + " @ " + e["date"]["value"].get<std::string>();
  }
  const auto key_of = [](const std::map<std::int64_t, std::string>& keys,
                         const nlohmann::json& id) {
    return id.is_null() ? nlohmann::json() : nlohmann::json(keys.at(id.get<std::int64_t>()));
  };
  const auto sorted = [](nlohmann::json& list) { std::sort(list.begin(), list.end()); };
  std::vector<std::string> lines;
  for (auto e : dump["entities"]) {
    e.erase("id");
    e.erase("uuid");
    e["country_id"] = key_of(entity_key, e["country_id"]);
    sorted(e["aliases"]);
    lines.push_back("entity " + e.dump());
  }
  for (auto s : dump["sources"]) {
    s.erase("id");
    s.erase("uuid");
    s.erase("retrieved");
    lines.push_back("source " + s.dump());
  }
  for (auto e : dump["events"]) {
    for (const char* stamp : {"id", "uuid", "recorded_at", "updated_at"}) {
      e.erase(stamp);
    }
    for (auto& p : e["entities"]) {
      p.erase("id");
    }
    for (auto& c : e["citations"]) {
      c.erase("id");
      c["source_id"] = key_of(source_key, c["source_id"]);
    }
    e["merged_into"] = key_of(event_key, e["merged_into"]);
    // The keys of its states hash its entities' permanent ids: only how many it had is the same.
    e["lineage"] = e["lineage"].size();
    for (const char* list : {"entities", "citations", "tags"}) {
      sorted(e[list]);
    }
    lines.push_back("event " + e.dump());
  }
  for (auto l : dump["links"]) {
    l.erase("id");
    l.erase("created_at");
    l["from"] = key_of(event_key, l["from"]);
    l["to"] = key_of(event_key, l["to"]);
    l["citation_id"] = !l["citation_id"].is_null();
    lines.push_back("link " + l.dump());
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// The operation log as sorted "user  command" lines.
std::vector<std::string> logged_ops(const std::string& db) {
  const auto r = run_kb({"--db", db, "log", "--limit", "0"});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  std::vector<std::string> ops;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    // "#12  2026-12-03T14:05:00Z  alice  edit #3"
    const auto at = line.find("  ");
    const auto user = line.find("  ", at + 2);
    if (line.rfind('#', 0) == 0 && user != std::string::npos) {
      ops.push_back(line.substr(user + 2));
    }
  }
  std::sort(ops.begin(), ops.end());
  return ops;
}

// The lines of `a` that `b` lacks, one per line, for a failure message.
std::string missing(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return fmt::format("{}", fmt::join(out, "\n"));
}

// Runs everything concurrently against `db` (fresh) and compares it with `serial`'s result.
void check_concurrent(const std::string& db, const std::string& serial,
                      const std::vector<Worker>& all, const TempDir& dir) {
  enter_base_events(db);
  const auto started = std::chrono::steady_clock::now();
  const auto failures = run_concurrently(all, db, dir);
  MESSAGE(fmt::format("{} writers and {} readers at once: {} ms", kImporters + kEditors, kReaders,
                      std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count()));
  CHECK_MESSAGE(failures.empty(), fmt::format("{}", fmt::join(failures, "\n")));

  const auto want = normalised(serial);
  const auto got = normalised(db);
  CHECK_MESSAGE(want == got, "only serially:\n"
                                 << missing(want, got) << "\nonly concurrently:\n"
                                 << missing(got, want));
  // One event per happening: no two events with the same title and date, merged or not.
  std::map<std::string, int> titles;
  for (const auto& line : got) {
    if (line.rfind("event ", 0) == 0) {
      const auto e = nlohmann::json::parse(line.substr(6));
      CHECK_MESSAGE(++titles[e["title"].get<std::string>() + " @ " + e["date"].dump()] == 1,
                    "duplicate event: " << line);
    }
  }
  const auto want_ops = logged_ops(serial);
  const auto got_ops = logged_ops(db);
  CHECK_MESSAGE(want_ops == got_ops, "logged only serially:\n"
                                         << missing(want_ops, got_ops)
                                         << "\nlogged only concurrently:\n"
                                         << missing(got_ops, want_ops));
  // Each writing command is logged under the user that ran it.
  for (const auto& w : all) {
    const auto n = std::count_if(got_ops.begin(), got_ops.end(), [&](const std::string& op) {
      return op.rfind(w.user + "  ", 0) == 0;
    });
    CHECK_MESSAGE(n == static_cast<long>(w.reader ? 0 : w.commands.size()),
                  w.user << " has " << n << " logged operations");
  }
}

}  // namespace

TEST_SUITE("concurrency") {
  TEST_CASE("8 importers, 8 editors and 8 readers at once build what they build one by one") {
    TempDir dir;
    const auto all = workers(write_articles(dir));
    const std::string serial = dir.file("serial.db");
    const auto started = std::chrono::steady_clock::now();
    enter_base_events(serial);
    run_serially(all, serial, dir);
    MESSAGE(fmt::format("the writers one after another: {} ms",
                        std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count()));
    // The serial run itself: every happening once (the shared and reworded reports merged).
    const auto reference = normalised(serial);
    CHECK(std::count_if(reference.begin(), reference.end(), [](const std::string& line) {
            return line.rfind("event ", 0) == 0;
          }) == kBaseEvents + 2 * kImporters + 4 + 4);

    check_concurrent(dir.file("concurrent.db"), serial, all, dir);  // SQLite
    PgDatabase pg;
    if (pg.available()) {
      check_concurrent(pg.uri(), serial, all, dir);
    }
  }
}

}  // namespace kb::test
