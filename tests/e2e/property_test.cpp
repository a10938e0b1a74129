// Issue #11's reliability test: random sequences of add, edit, tag, link, same-as merge, rm,
// extract, import, entity add/alias/merge and undo against one knowledge base, checking after every
// step that
// - local numbers and permanent ids are unique, and a number never changes its permanent id;
// - an analyst's curated event is changed only by a command aimed at it (extraction and
//   commands aimed at other events leave it exactly as it was);
// - a command that fails changes nothing;
// - `kb undo` gives back exactly the kb JSON from before the command it reverts;
// - both FTS5 indexes pass SQLite's integrity check.
// Seeded, so a failure repeats; the seed and step are in the failure message.

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/test_util.hpp"

namespace kb::test {
namespace {

const std::string kArticle =
    std::string(KB_SOURCE_DIR) + "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt";

// What an analyst owns in an event: compared before and after commands not aimed at it.
nlohmann::json analyst_fields(const nlohmann::json& e) {
  nlohmann::json out;
  for (const char* key :
       {"title", "summary", "date", "kind", "status", "tags", "entities", "curated", "uuid"}) {
    if (e.contains(key)) {
      out[key] = e[key];
    }
  }
  return out;
}

void check_fts(const std::string& db) {
  Db raw = must(Db::open(db, OpenMode::read_write));
  for (const char* table : {"event_fts", "source_fts"}) {
    auto checked = raw.exec(fmt::format("INSERT INTO {0}({0}) VALUES('integrity-check')", table));
    CHECK_MESSAGE(checked.has_value(), table << ": " << (checked ? "" : checked.error().message));
  }
}

struct Run {
  TempKb kb;
  std::mt19937 rng;
  std::string colleague_json;
  std::vector<std::string> undo_stack;  // kb JSON before each logged command not yet undone
  std::map<long, std::string> uuid_of;  // every local number ever seen, with its permanent id
  int step = 0;
  int links_tried = 0;              // relations are tried in turn
  std::vector<long> runs;           // import runs, for kb import --undo N
  std::map<std::string, int> done;  // successful commands by name, "undo" included

  explicit Run(unsigned seed) : rng(seed) {}

  nlohmann::json dump() { return nlohmann::json::parse(kb.ok({"export", "--format", "json"})); }

  std::vector<long> event_ids(const nlohmann::json& d) {
    std::vector<long> ids;
    for (const auto& e : d["events"]) {
      ids.push_back(e["id"].get<long>());
    }
    return ids;
  }

  long pick(const std::vector<long>& ids) {
    return ids[std::uniform_int_distribution<std::size_t>(0, ids.size() - 1)(rng)];
  }
  int roll(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }

  void check_ids(const nlohmann::json& d) {
    std::set<long> ids;
    std::set<std::string> uuids;
    for (const auto& e : d["events"]) {
      const long id = e["id"].get<long>();
      const std::string uuid = e["uuid"];
      CHECK_MESSAGE(ids.insert(id).second, "number " << id << " twice");
      CHECK_MESSAGE(uuids.insert(uuid).second, "permanent id " << uuid << " twice");
      const auto [it, fresh] = uuid_of.emplace(id, uuid);
      CHECK_MESSAGE((fresh || it->second == uuid),
                    "#" << id << " was " << it->second << ", is now " << uuid);
    }
  }

  // One random step. Returns the events the command is aimed at (their changes are the
  // analyst's own), or nullopt when no event's fields are protected from it (import, undo).
  void one_step() {
    const nlohmann::json before = dump();
    const std::string before_text = before.dump();
    const auto ids = event_ids(before);
    std::set<long> aimed;
    bool protect = true;  // check curated events not aimed at
    bool logged = true;   // a successful run is an undoable operation
    std::vector<std::string> args;
    const int what = ids.size() < 2 ? 0 : roll(12);
    switch (what) {
      case 0:
        args = {"add", fmt::format("Event {}", step), "--date",
                fmt::format("{}-0{}-1{}", 2000 + roll(24), 1 + roll(9), roll(10))};
        if (roll(2) == 0) {
          args.insert(args.end(), {"--actor", roll(2) == 0 ? "Ukraine" : "person:Analyst Pick"});
        }
        break;
      case 1: {
        const long id = pick(ids);
        aimed.insert(id);
        args = {"edit", std::to_string(id), "--title", fmt::format("Edited at step {}", step)};
        if (roll(2) == 0) {
          args.insert(args.end(), {"--date", fmt::format("{}", 1990 + roll(30))});
        }
        break;
      }
      case 2: {
        const long id = pick(ids);
        aimed.insert(id);
        args = {"tag", std::to_string(id), fmt::format("t{}", roll(4))};
        break;
      }
      case 3:
      case 4: {
        const long a = pick(ids);
        const long b = pick(ids);
        aimed = {a, b};
        const char* relations[] = {"caused", "responds-to", "related", "same-as"};
        args = {"link", std::to_string(a), relations[links_tried++ % 4], std::to_string(b)};
        break;
      }
      case 5: {
        const long id = pick(ids);
        aimed.insert(id);
        args = {"rm", std::to_string(id), "--yes"};
        break;
      }
      case 6:
        args = {"extract", "--all"};
        break;
      case 7:
        if (roll(3) == 0 && !runs.empty()) {
          // Often not the newest run: logged on its own, not as the run's undo.
          args = {"import", "--undo", std::to_string(pick(runs))};
          break;
        }
        args = {"import", roll(2) == 0 ? colleague_json : kArticle};
        protect = false;  // merging a colleague's analyst work is this analyst's command
        break;
      case 8:
      case 9: {
        std::vector<long> entities;
        for (const auto& n : before["entities"]) {
          entities.push_back(n["id"].get<long>());
        }
        const int which = entities.size() < 2 ? 0 : roll(3);
        if (which == 0) {
          args = {"entity", "add",  fmt::format("Place {}", step),      "--kind",
                  "place",  "--in", roll(2) == 0 ? "Ukraine" : "Russia"};
        } else if (which == 1) {
          args = {"entity", "alias", std::to_string(pick(entities)), fmt::format("Alias {}", step)};
        } else {
          args = {"entity", "merge", std::to_string(pick(entities)),
                  std::to_string(pick(entities))};
          protect = false;  // the analyst's own change to every event the entity is in
        }
        break;
      }
      default:
        args = {};  // undo
        break;
    }
    if (args.empty()) {
      if (undo_stack.empty()) {
        return;
      }
      INFO("seed step " << step << ": undo");
      kb.ok({"undo"});
      CHECK(dump().dump() == undo_stack.back());
      undo_stack.pop_back();
      ++done["undo"];
      check_fts(kb.db);
      return;
    }
    INFO("seed step " << step << ": kb " << fmt::format("{}", fmt::join(args, " ")));
    const KbRun r = kb.kb(args);
    const nlohmann::json after = dump();
    if (r.code != 0) {
      CHECK_MESSAGE(after.dump() == before_text, "a failed command changed the KB: " << r.err);
      return;
    }
    ++done[args[0] == "link" || args[0] == "entity" || args[1] == "--undo"
               ? args[0] + " " + args[1 + (args[0] == "link")]
               : args[0]];
    if (const auto run = r.out.find("(import #"); run != std::string::npos) {
      runs.push_back(std::stol(r.out.substr(run + 9)));
    }
    if (logged) {
      undo_stack.push_back(before_text);
    }
    check_ids(after);
    if (protect) {
      std::map<long, nlohmann::json> now;
      for (const auto& e : after["events"]) {
        now[e["id"].get<long>()] = e;
      }
      for (const auto& e : before["events"]) {
        const long id = e["id"].get<long>();
        if (!e.value("curated", false) || aimed.count(id) != 0) {
          continue;
        }
        const auto it = now.find(id);
        REQUIRE_MESSAGE(it != now.end(), "curated #" << id << " was removed");
        CHECK_MESSAGE(analyst_fields(it->second) == analyst_fields(e),
                      "curated #" << id << " changed: " << analyst_fields(e).dump() << " -> "
                                  << analyst_fields(it->second).dump());
      }
    }
    check_fts(kb.db);
  }
};

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("property: random analyst commands, extraction, imports and undo keep kb's promises") {
    TempKb colleague;
    colleague.seed();
    colleague.ok({"tag", "2", "theirs"});
    std::map<std::string, int> done;  // successful steps by kind, over all seeds
    for (const unsigned seed : {1U, 2U, 3U}) {
      CAPTURE(seed);
      Run run(seed);
      run.colleague_json = run.kb.dir.file("colleague.json");
      colleague.ok({"export", "-o", run.colleague_json});
      run.kb.ok({"import", kArticle});
      run.check_ids(run.dump());
      for (run.step = 0; run.step < 60; ++run.step) {
        run.one_step();
      }
      for (const auto& [kind, n] : run.done) {
        done[kind] += n;
      }
      // Everything still logged can be undone, each step exactly.
      while (!run.undo_stack.empty()) {
        const std::string undone = run.kb.ok({"undo"});
        INFO(undone);
        REQUIRE(run.dump().dump() == run.undo_stack.back());
        run.undo_stack.pop_back();
      }
    }
    // The sequences were not vacuous: every kind of step succeeded at least once. (Counted over
    // the seeds: a seed's steps depend on what extraction made of the article, and a kind drawn
    // 1 time in 18 can miss one seed's 60 steps when the models change.)
    for (const char* kind :
         {"add", "edit", "tag", "link caused", "link same-as", "rm", "extract", "import",
          "import --undo", "entity add", "entity alias", "entity merge", "undo"}) {
      CHECK_MESSAGE(done[kind] > 0, std::string(kind) << " never succeeded");
    }
  }
}

}  // namespace kb::test
