// Tests for issue #11, "an analyst's work is never lost": permanent ids and local numbers that
// are never reused, curated events that re-extraction and import undo leave alone.

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/test_util.hpp"

namespace kb::test {
namespace {

const std::string kArticle =
    std::string(KB_SOURCE_DIR) + "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt";

nlohmann::json show_json(TempKb& kb, const std::string& ref) {
  return nlohmann::json::parse(kb.ok({"show", ref, "--format", "json"}));
}

// The imported events of the timeline (merged ones included), as (local number, permanent id).
std::set<std::pair<long, std::string>> imported_ids(TempKb& kb) {
  std::set<std::pair<long, std::string>> out;
  const auto dump = nlohmann::json::parse(kb.ok({"export", "--format", "json"}));
  for (const auto& e : dump["events"]) {
    if (e["origin"] == "imported") {
      out.emplace(e["id"].get<long>(), e["uuid"].get<std::string>());
    }
  }
  return out;
}

// The first imported event of the kb, as its local number.
std::string first_imported(TempKb& kb) {
  const auto ids = imported_ids(kb);
  REQUIRE(!ids.empty());
  return std::to_string(ids.begin()->first);
}

void set_uuid(const std::string& db, const std::string& id, const std::string& uuid) {
  Db raw = must(Db::open(db, OpenMode::read_write));
  Statement s = must(raw.prepare("UPDATE event SET uuid = ?2 WHERE event_id = ?1"));
  s.bind(1, static_cast<std::int64_t>(std::stol(id))).bind(2, uuid);
  must(s.run());
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "every event gets a permanent id, local numbers are never reused") {
    ok({"add", "First", "--date", "2020"});
    ok({"add", "Second", "--date", "2021"});
    const std::string uuid = show_json(*this, "2")["uuid"];
    CHECK(is_uuid(uuid));
    CHECK(uuid[14] == '4');  // version 4
    CHECK(std::string("89ab").find(uuid[19]) != std::string::npos);
    CHECK(show_json(*this, "1")["uuid"] != uuid);
    ok({"rm", "2", "--yes"});
    // The next event is #3, not #2 again, and has another permanent id.
    CHECK(ok({"add", "Third", "--date", "2022"}).rfind("#3 ", 0) == 0);
    CHECK(show_json(*this, "3")["uuid"] != uuid);
    CHECK(kb({"show", "2"}).code == 1);
    CHECK(kb({"show", uuid}).err == "kb: no event with permanent id " + uuid + "\n");
  }

  TEST_CASE_FIXTURE(TempKb, "commands accept a permanent id or its first 8+ characters") {
    ok({"add", "First", "--date", "2020"});
    ok({"add", "Second", "--date", "2021"});
    // A fixed id: a random one may start with 8 digits, which name a local number.
    const std::string uuid = "c0ffee12-3456-4abc-8def-0123456789ab";
    set_uuid(db, "2", uuid);
    CHECK(show_json(*this, uuid)["id"] == 2);
    CHECK(show_json(*this, uuid.substr(0, 8))["id"] == 2);
    CHECK(ok({"tag", uuid.substr(0, 13), "checked"}).rfind("#2  Second  tags: checked", 0) == 0);
    ok({"edit", uuid, "--title", "Second, edited"});
    ok({"link", "1", "precedes", uuid});
    CHECK(show_json(*this, "1")["links"][0]["id"] == 2);
    ok({"unlink", "1", "precedes", uuid});
    CHECK(ok({"xref", uuid}).find("Second, edited") != std::string::npos);
    // Too short, not hex, or a prefix of several: clear errors, nothing changed.
    CHECK(kb({"show", uuid.substr(0, 7)}).code == 2);
    CHECK(kb({"show", "12345678"}).err == "kb: no event with id 12345678\n");  // digits: a number
    CHECK(kb({"show", "zzzzzzzz"}).code == 2);
    set_uuid(db, "1", "abcdef01-0000-4000-8000-000000000001");
    set_uuid(db, "2", "abcdef01-0000-4000-8000-000000000002");
    const KbRun ambiguous = kb({"rm", "abcdef01", "--yes"});
    CHECK(ambiguous.code == 2);
    CHECK(ambiguous.err.find("several events (#1, #2)") != std::string::npos);
    CHECK(show_json(*this, "abcdef01-0000-4000-8000-000000000002")["id"] == 2);
    CHECK(show_json(*this, "ABCDEF01-0000-4000-8000-000000000001")["id"] == 1);
  }

  TEST_CASE_FIXTURE(TempKb, "exports carry the permanent id, calendars and TimelineJS use it") {
    ok({"add", "Summit", "--date", "2030-06-01", "--status", "planned"});
    const std::string uuid = show_json(*this, "1")["uuid"];
    const auto dump = nlohmann::json::parse(ok({"export", "--format", "json"}));
    CHECK(dump["events"][0]["uuid"] == uuid);
    CHECK(ok({"export", "--format", "csv"}).find(uuid) != std::string::npos);
    CHECK(ok({"export", "--format", "ics"}).find("UID:" + uuid + "@kb") != std::string::npos);
    CHECK(ok({"export", "--format", "timelinejs"}).find("\"kb-" + uuid + "\"") !=
          std::string::npos);
    CHECK(nlohmann::json::parse(ok({"timeline", "--format", "json"}))[0]["uuid"] == uuid);
  }

  TEST_CASE_FIXTURE(TempKb, "kb JSON round trip keeps permanent ids and curation") {
    seed();
    ok({"tag", "2", "checked"});
    const std::string first = ok({"export", "--format", "json"});
    TempKb other;
    const std::string file = dir.file("kb.json");
    write_file(file, first);
    other.ok({"import", file});
    CHECK(other.ok({"export", "--format", "json"}) == first);
    CHECK(show_json(other, "2")["curated"] == true);
    CHECK(show_json(other, "1")["curated"] == false);
    // After the restore, new events still get fresh numbers and ids.
    CHECK(other.ok({"add", "New", "--date", "2024"}).rfind("#", 0) == 0);
  }

  TEST_CASE_FIXTURE(TempKb, "analyst changes mark an event curated") {
    seed();
    CHECK(show_json(*this, "1")["curated"] == false);
    ok({"tag", "1", "x"});
    CHECK(show_json(*this, "1")["curated"] == true);
    ok({"edit", "2", "--status", "disputed"});
    CHECK(show_json(*this, "2")["curated"] == true);
  }

  // Issue #11, first scenario: edit + tag an imported event, re-extract its source.
  TEST_CASE_FIXTURE(TempKb,
                    "kb extract keeps an edited, tagged imported event as the analyst left it") {
    ok({"import", kArticle});
    const std::string id = first_imported(*this);
    const auto before = show_json(*this, id);
    ok({"edit", id, "--date", "2022-12-25"});
    ok({"tag", id, "checked"});
    const KbRun r = kb({"extract", "1"});
    CHECK(r.code == 0);
    const auto after = show_json(*this, id);
    CHECK(after["uuid"] == before["uuid"]);
    CHECK(after["title"] == before["title"]);
    CHECK(after["date"]["value"] == "2022-12-25");
    CHECK(after["tags"] == nlohmann::json::array({"checked"}));
    CHECK(after["curated"] == true);
    CHECK(after["citations"].size() == before["citations"].size());
    // What extraction would have changed is reported, not done.
    CHECK(r.out.find("curated #" + id) != std::string::npos);
    CHECK(r.out.find("date: '25 December 2022' -> ") != std::string::npos);
  }

  // Issue #11, third scenario: `kb extract` renumbered every imported event.
  TEST_CASE_FIXTURE(TempKb,
                    "kb extract keeps the numbers and permanent ids of events it finds again") {
    ok({"import", kArticle});
    const auto before = imported_ids(*this);
    REQUIRE(before.size() >= 2);
    // The same text again changes nothing and says so (no "updated" roles it had all along).
    const std::string again = ok({"extract", "--all"});
    CHECK(again.find("updated #") == std::string::npos);
    CHECK(imported_ids(*this) == before);
    ok({"extract", "1"});
    CHECK(imported_ids(*this) == before);
    // A new event still gets a number above every one given out.
    const std::string added = ok({"add", "Later", "--date", "2024"});
    const std::string next = fmt::format("#{} ", before.rbegin()->first + 1);
    CHECK(added.rfind(next, 0) == 0);
  }

  TEST_CASE_FIXTURE(TempKb, "kb extract --dry-run reports and changes nothing") {
    ok({"import", kArticle});
    const std::string id = first_imported(*this);
    ok({"edit", id, "--title", "Retitled by hand"});
    const auto rows_before = rows();
    const KbRun r = kb({"extract", "--all", "--dry-run"});
    CHECK(r.code == 0);
    CHECK(r.out.find("curated #" + id + " Retitled by hand") != std::string::npos);
    CHECK(r.out.find("title: 'Retitled by hand' -> ") != std::string::npos);
    CHECK(r.out.find("dry run: nothing was changed") != std::string::npos);
    CHECK(rows() == rows_before);
  }

  TEST_CASE_FIXTURE(TempKb, "kb extract --trace shows the rule or decision behind each event") {
    ok({"import", kArticle});
    const auto rows_before = rows();
    const KbRun r = kb({"extract", "1", "--dry-run", "--trace"});
    CHECK(r.code == 0);
    // Grushko's warning: the trigger model's decision, with its margin, date and title; the
    // annexation of Crimea: the model's decision or, where the model misses it, a lexicon pattern.
    CHECK(r.out.find("trigger.yes         \"warned\"  margin ") != std::string::npos);
    CHECK(r.out.find(": 2023-05-20 Alexander Grushko warns") != std::string::npos);
    const bool by_pattern =
        r.out.find("pattern.event       \"annexed\"  2014 Russia annexes Crimea") !=
        std::string::npos;
    const auto by_model = r.out.find("trigger.yes         \"annexed\"  margin ");
    const std::string model_line =
        by_model == std::string::npos
            ? std::string()
            : r.out.substr(by_model, r.out.find('\n', by_model) - by_model);
    CHECK((by_pattern || model_line.find(": 2014 Russia annexes Crimea") != std::string::npos));
    // Words the model turned down, with their margins.
    CHECK(r.out.find("trigger.no") != std::string::npos);
    // The legend names what each id that fired does.
    CHECK(r.out.find("rules and decisions in this trace") != std::string::npos);
    CHECK(r.out.find("  trigger.no          the trigger model: not a reportable happening") !=
          std::string::npos);
    CHECK(rows() == rows_before);
    // Without --trace, no trace.
    CHECK(ok({"extract", "1", "--dry-run"}).find("trigger.") == std::string::npos);
  }

  // Issue #11, second scenario: undo of an import silently deleted curated events.
  TEST_CASE_FIXTURE(TempKb, "kb import --undo refuses to remove curated events unless --force") {
    ok({"import", kArticle});
    const std::string id = first_imported(*this);
    const std::string title = show_json(*this, id)["title"];
    const std::string uuid = show_json(*this, id)["uuid"];
    ok({"edit", id, "--title", "Retitled"});
    ok({"tag", id, "checked"});
    const auto rows_before = rows();
    const KbRun refused = kb({"import", "--undo", "1"});
    CHECK(refused.code == 1);
    CHECK(refused.err.find("#" + id + " " + uuid + " Retitled") != std::string::npos);
    CHECK(refused.err.find("--force") != std::string::npos);
    CHECK(rows() == rows_before);
    const KbRun forced = kb({"import", "--undo", "1", "--force"});
    CHECK(forced.code == 0);
    CHECK(kb({"show", id}).code == 1);
    CHECK(imported_ids(*this).empty());
  }

  TEST_CASE_FIXTURE(TempKb, "kb import --undo still removes uncurated events without --force") {
    ok({"import", kArticle});
    REQUIRE(!imported_ids(*this).empty());
    CHECK(kb({"import", "--undo", "1"}).code == 0);
    CHECK(imported_ids(*this).empty());
  }

  // Issue #11, fourth scenario: a colleague's export into a KB that holds the same events.
  TEST_CASE_FIXTURE(TempKb, "kb import of a colleague's export merges by permanent id") {
    seed();
    TempKb colleague;
    const std::string full = dir.file("full.json");
    ok({"export", "-o", full});
    const std::string restored = colleague.ok({"import", full});
    const auto op = restored.find("logged as operation #");
    REQUIRE(op != std::string::npos);
    // The colleague's changes: the operations after that import.
    const std::string since = std::to_string(std::stol(restored.substr(op + 21)) + 1);
    ok({"tag", "1", "checked"});  // my own work on an event we both hold
    colleague.ok({"edit", "2", "--title", "Russia annexes Crimea after a referendum"});
    colleague.ok({"tag", "2", "crimea"});
    const std::string changes = dir.file("changes.json");
    colleague.ok({"export", "--since", "#" + since, "-o", changes});
    const std::string before = ok({"export"});
    const std::string out = ok({"import", changes});
    CHECK(out.find(": 0 events added, ") != std::string::npos);
    CHECK(out.find(" already present (1 updated)") != std::string::npos);
    const auto two = show_json(*this, "2");
    CHECK(two["title"] == "Russia annexes Crimea after a referendum");
    CHECK(two["tags"] == nlohmann::json::array({"crimea"}));
    CHECK(show_json(*this, "1")["tags"] == nlohmann::json::array({"checked"}));
    CHECK(nlohmann::json::parse(ok({"export"}))["events"].size() == 2);  // no duplicate
    const std::string merged = ok({"export"});
    const std::string again = ok({"import", changes});
    CHECK(again.find(": 0 events added, ") != std::string::npos);
    CHECK(again.find("updated") == std::string::npos);
    CHECK(ok({"export"}) == merged);
    // kb undo takes back the imports, one at a time.
    ok({"undo"});
    ok({"undo"});
    CHECK(ok({"export"}) == before);

    const KbRun bad = kb({"export", "--since", "yesterday"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--since: 'yesterday' is neither a date") != std::string::npos);
    const KbRun unknown = kb({"export", "--since", "#999"});
    CHECK(unknown.code != 0);
    CHECK(unknown.err.find("no operation 999") != std::string::npos);
  }

  // Issue #11, item 2: a changed text at a URL kb has read is a new version of that source.
  TEST_CASE_FIXTURE(TempKb, "re-import of changed text updates uncurated events, keeps curated") {
    const std::string v1 = dir.file("v1.jsonl");
    const std::string v2 = dir.file("v2.jsonl");
    const std::string shelling =
        "Russian forces shelled Kharkiv on Monday, the General Staff of Ukraine said. ";
    const std::string meeting =
        "President Volodymyr Zelensky met Olaf Scholz in Kyiv on 10 May 2022 to discuss air "
        "defence.";
    const auto article = [](const std::string& published, const std::string& text) {
      return nlohmann::json{{"id", "r1"},
                            {"url", "https://example.org/report"},
                            {"title", "Report"},
                            {"published", published},
                            {"text", text}}
                 .dump() +
             "\n";
    };
    // The publisher corrects the date of the report (so "Monday" moves a week) and adds a line.
    write_file(v1, article("2022-05-11", shelling + meeting));
    write_file(v2, article("2022-05-18", shelling + meeting +
                                             " Russia launched missiles at Odesa on 17 May 2022."));
    ok({"import", v1});
    const auto first = imported_ids(*this);
    REQUIRE(first.size() == 2);
    ok({"edit", "2", "--title", "Zelensky and Scholz discuss air defence"});
    const std::string before = ok({"export"});
    const KbRun r = kb({"import", v2});
    REQUIRE(r.code == 0);
    CHECK(r.err.find("new version of source #1: curated event #2 left as it is (title: "
                     "'Zelensky and Scholz discuss air defence' -> ") != std::string::npos);
    // The same events keep their numbers and permanent ids; one more for the new line.
    const auto second = imported_ids(*this);
    CHECK(second.size() == 3);
    for (const auto& id : first) {
      CHECK(second.count(id) == 1);
    }
    const auto shelled = show_json(*this, "1");
    CHECK(shelled["date"]["first"] == "2022-05-16");  // the machine's reading of the new version
    CHECK(shelled["status"] == "reported");
    CHECK(shelled["citations"].size() == 2);
    const auto met = show_json(*this, "2");
    CHECK(met["title"] == "Zelensky and Scholz discuss air defence");
    CHECK(met["citations"].size() == 2);
    // Undoing the import gives back the knowledge base as it was.
    ok({"undo"});
    CHECK(ok({"export"}) == before);
  }
}

}  // namespace kb::test
