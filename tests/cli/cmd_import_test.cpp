// Tests for `kb import` and `kb sources`: storing articles, idempotence, undo, bad input,
// dry runs, directories and stdin.

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "services/merge_model.hpp"
#include "tests/test_util.hpp"

namespace kb::test {
namespace {

const std::string kSeed =
    std::string(KB_SOURCE_DIR) + "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt";

// A short scraped page of our own, with a dateline and footer.
constexpr std::string_view kPage =
    "Menu\nSearch\n\nEU agrees new sanctions package against Russia\n\n"
    "12 June 2024 09:15\n\n"
    "The European Union agreed on Wednesday a new package of sanctions against Russia, its "
    "foreign ministers said after a meeting in Brussels.\n\n"
    "The measures target shipping and banks, officials said.\n\n"
    "Share it on social media!\nAll rights reserved.\n";

// The N of "N warning(s)" in an import's summary line; -1 when absent.
long reported_warnings(const std::string& out) {
  const auto at = out.find(" warning");
  if (at == std::string::npos) {
    return -1;
  }
  const auto start = out.rfind(' ', at - 1);
  return std::stol(out.substr(start + 1, at - start - 1));
}

// The tab-separated fields of `row`.
std::vector<std::string> split_tsv(const std::string& row) {
  std::vector<std::string> out(1);
  for (const char c : row) {
    if (c == '	') {
      out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

// How many warnings the import log holds for run `id`, and how many of them are empty.
std::pair<std::int64_t, std::int64_t> stored_warnings(const std::string& db, std::int64_t id) {
  Db raw = must(Db::open(db, OpenMode::read_only));
  Statement s =
      must(raw.prepare("SELECT count(*), count(*) FILTER (WHERE message = '') FROM import_warning "
                       "WHERE import_id = ?1"));
  s.bind(1, id);
  REQUIRE(must(s.step()) == Step::row);
  return {s.column_int(0), s.column_int(1)};
}

nlohmann::json sources_json(TempKb& kb) {
  return nlohmann::json::parse(kb.ok({"sources", "--format", "json", "--text"}));
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb import stores the reference article as a clean, dated source") {
    const KbRun r = kb({"import", "--no-events", kSeed});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("1 article from 1 file: 1 new, 0 unchanged, 0 failed") != std::string::npos);
    const auto sources = sources_json(*this);
    REQUIRE(sources.size() == 1);
    const auto& s = sources[0];
    CHECK(s["title"] ==
          "WSJ: Allies look to security model to aid Ukraine in fight against Russia");
    CHECK(s["publisher"] == "Caliber.Az");
    CHECK(s["original_publisher"] == "The Wall Street Journal");
    CHECK(s["published"] == "2023-05-23T03:02:00");
    CHECK(s["events"] == 0);
    const std::string text = s["text"];
    CHECK(text.starts_with("The Wall Street Journal has published an article"));
    CHECK(text.ends_with("moving toward NATO.”"));
    for (std::string_view junk : {"twitter", "Views: 147", "Liked the story", "Caliber.az ©",
                                  "copy link", "loading2", "Any use of materials"}) {
      CAPTURE(junk);
      CHECK(text.find(junk) == std::string::npos);
    }
  }

  TEST_CASE_FIXTURE(TempKb,
                    "kb import --trace-merges shows each comparison and --no-merge keeps "
                    "every extracted event apart") {
    // A second copy of the reference article (one word more: another source) tells the same
    // happenings in the same words: merged, each event cites both; with --no-merge, each is
    // stored twice, and the trace shows every comparison with the model's decision.
    std::string text;
    {
      std::ifstream in(kSeed, std::ios::binary);
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const std::string copy = dir.file("copy.txt");
    {
      const std::string_view opening = "has published an article";
      const auto at = text.find(opening);
      REQUIRE(at != std::string::npos);
      text.replace(at, opening.size(), "has published a long article");
      std::ofstream out(copy, std::ios::binary);
      out << text;
    }
    const std::string trace = dir.file("trace.tsv");
    ok({"import", kSeed});
    const auto once = nlohmann::json::parse(ok({"timeline", "--format", "json"})).size();
    REQUIRE(once > 0);
    ok({"import", copy, "--url", "https://example.org/reprint", "--trace-merges", trace});
    const auto merged = nlohmann::json::parse(ok({"timeline", "--format", "json"}));
    CHECK(merged.size() == once);
    std::ifstream in(trace);
    std::string header, row;
    REQUIRE(std::getline(in, header));
    CHECK(header.starts_with("source\tquote_begin\tquote_end\tevent\tsame\tbias\tsame_title"));
    CHECK(header.ends_with("\tstatement\tconcept\ttitle"));
    std::size_t rows = 0, same = 0, invasion = 0;
    while (std::getline(in, row)) {
      ++rows;
      const auto cols = split_tsv(row);
      REQUIRE(cols.size() == 5 + kb::services::kMergeFeatures + 2);
      same += cols[4] == "1" ? 1U : 0U;
      // the shared concept: the invasion told twice shares "invade"
      invasion += cols[cols.size() - 2] == "invade" ? 1U : 0U;
    }
    CHECK(invasion >= 1);
    CHECK(rows >= once);
    CHECK(same >= once);

    TempKb apart;
    apart.ok({"import", kSeed});
    apart.ok({"import", copy, "--url", "https://example.org/reprint", "--no-merge"});
    CHECK(nlohmann::json::parse(apart.ok({"timeline", "--format", "json"})).size() == 2 * once);
  }

  TEST_CASE_FIXTURE(TempKb, "kb import of identical content changes nothing") {
    ok({"import", "--no-events", kSeed});
    const auto before = rows();
    const KbRun again = kb({"import", "--no-events", kSeed});
    REQUIRE(again.code == 0);
    CHECK(again.out.find("0 new, 1 unchanged") != std::string::npos);
    const auto after = rows();
    // Only the import log and the operation log grow (one more run, one more operation);
    // sources, events and citations are untouched.
    auto without_log = [](std::vector<std::string> v) {
      std::erase_if(v, [](const std::string& row) {
        return row.starts_with("import_run:") || row.starts_with("op:") ||
               row.starts_with("sqlite_sequence: 'op'");
      });
      return v;
    };
    CHECK(without_log(before) == without_log(after));
  }

  TEST_CASE_FIXTURE(TempKb, "kb import --undo removes exactly what that import added") {
    seed();  // hand entries survive the undo
    const auto before = sources_json(*this).size();
    ok({"import", "--no-events", kSeed});
    CHECK(sources_json(*this).size() == before + 1);
    const std::string listed = ok({"import", "--list"});
    CHECK(listed.find("#1 ") != std::string::npos);
    const std::string undone = ok({"import", "--undo", "1"});
    CHECK(undone.find("removed 1 source, ") != std::string::npos);
    CHECK(sources_json(*this).size() == before);
    CHECK(ok({"timeline"}).find("Russia annexes Crimea") != std::string::npos);
    const KbRun twice = kb({"import", "--undo", "1"});
    CHECK(twice.code == 1);
    CHECK(twice.err.find("already undone") != std::string::npos);
    const KbRun unknown = kb({"import", "--undo", "42"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err == "kb: no import with id 42\n");
  }

  TEST_CASE_FIXTURE(TempKb, "kb import reports a bad file by name and still stores the others") {
    const std::string good = dir.file("good.txt");
    const std::string binary = dir.file("image.bin");
    write_file(good, kPage);
    constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    write_file(binary, std::string_view(kPng, sizeof kPng - 1));
    const KbRun r = kb({"import", "--no-events", good, binary});
    CHECK(r.code == 1);
    CHECK(r.err.find("image.bin") != std::string::npos);
    CHECK(r.out.find("1 new") != std::string::npos);
    CHECK(r.out.find("1 failed") != std::string::npos);
    const auto sources = sources_json(*this);
    REQUIRE(sources.size() == 1);
    CHECK(sources[0]["title"] == "EU agrees new sanctions package against Russia");
    CHECK(sources[0]["published"] == "2024-06-12T09:15:00");
  }

  TEST_CASE_FIXTURE(TempKb, "kb import skips an article the store refuses and keeps its batch") {
    // The writer stores a batch without savepoints and, when one article fails, rolls the batch
    // back and writes it again one savepoint per article. A trigger makes the store refuse
    // the citation of the article about refineries, after its source row was written.
    {
      Store store = must(Store::open(db, OpenMode::create));
      must(kb::sqlite::StoreInternals::db(store).exec(
          "CREATE TRIGGER refuse BEFORE INSERT ON citation WHEN NEW.quote LIKE '%refineries%' "
          "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"));
    }

    std::vector<std::string> files;
    for (std::string_view word : {"shipping", "refineries", "airlines"}) {
      std::string page(kPage);
      page.replace(page.find("package of sanctions"), 20,
                   "package of " + std::string(word) + " sanctions");
      files.push_back(dir.file(std::string(word) + ".txt"));
      write_file(files.back(), page);
    }
    const KbRun r = kb({"import", files[0], files[1], files[2]});
    CHECK(r.code == 1);
    CHECK(r.out.find("3 articles from 3 files: 2 new, 0 unchanged, 1 failed") != std::string::npos);
    CHECK(r.err.find("refineries.txt: not stored:") != std::string::npos);
    CHECK(r.err.find("refused by test trigger") != std::string::npos);
    const auto sources = sources_json(*this);
    REQUIRE(sources.size() == 2);
    for (const auto& src : sources) {
      CAPTURE(src.dump());
      CHECK(src["title"] == "EU agrees new sanctions package against Russia");
      CHECK(src["events"].get<int>() >= 1);
    }
    // Nothing of the refused article was stored but its name in the import and operation logs.
    for (const auto& row : rows()) {
      if (!row.starts_with("import_warning:") && !row.starts_with("import_run:") &&
          !row.starts_with("op:")) {
        CHECK_MESSAGE(row.find("refineries") == std::string::npos, row);
      }
    }
  }

  TEST_CASE_FIXTURE(TempKb, "kb import logs every warning it reports, none of them empty") {
    // An undated article (an article warning), and a file no reader takes (a file problem).
    std::string undated(kPage);
    undated.erase(undated.find("12 June 2024 09:15\n\n"), 20);
    const std::string article = dir.file("undated.txt");
    write_file(article, undated);
    const std::string binary = dir.file("image.bin");
    constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    write_file(binary, std::string_view(kPng, sizeof kPng - 1));
    // The second run finds the article already stored: its warning is reported all the same.
    for (std::int64_t run = 1; run <= 2; ++run) {
      CAPTURE(run);
      const KbRun r = kb({"import", "--no-events", article, binary});
      CHECK(r.code == 1);
      CHECK(r.out.find(run == 1 ? "1 new" : "1 unchanged") != std::string::npos);
      CHECK(r.err.find("no publication time found") != std::string::npos);
      const long reported = reported_warnings(r.out);
      CHECK(reported == 2);
      const auto [stored, empty] = stored_warnings(db, run);
      CHECK(stored == reported);
      CHECK(empty == 0);
      // kb import --log RUN lists them, one a line, each naming its file.
      const KbRun log = kb({"import", "--log", std::to_string(run)});
      CHECK(log.code == 0);
      CHECK(std::count(log.out.begin(), log.out.end(), '\n') == reported);
      CHECK(log.out.find(article + ": no publication time found\n") != std::string::npos);
      CHECK(log.out.find(binary) != std::string::npos);
      CHECK(log.err == fmt::format("kb: import #{}: {} warnings\n", run, reported));
    }
    const KbRun none = kb({"import", "--log", "9"});
    CHECK(none.code == 1);
    CHECK(none.err == "kb: no import with id 9\n");
    const std::string listed = ok({"import", "--list"});
    CHECK(listed.find("2 warnings  " + article) != std::string::npos);
    CHECK(listed.find("did not finish") == std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb import logs the warnings of an article the store refuses") {
    {
      Store store = must(Store::open(db, OpenMode::create));
      must(kb::sqlite::StoreInternals::db(store).exec(
          "CREATE TRIGGER refuse BEFORE INSERT ON source WHEN NEW.title LIKE '%refused%' "
          "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"));
    }
    std::string page(kPage);
    page.erase(page.find("12 June 2024 09:15\n\n"), 20);  // and undated: one more warning
    page.replace(page.find("EU agrees"), 9, "EU refused");
    const std::string file = dir.file("refused.txt");
    write_file(file, page);
    const KbRun r = kb({"import", "--no-events", file});
    CHECK(r.code == 1);
    CHECK(r.out.find("1 failed") != std::string::npos);
    CHECK(reported_warnings(r.out) == 2);
    const auto [stored, empty] = stored_warnings(db, 1);
    CHECK(stored == 2);
    CHECK(empty == 0);
  }

  TEST_CASE_FIXTURE(TempKb, "kb import --list marks a run that did not finish") {
    {
      Store store = must(Store::open(db, OpenMode::create));
      must(store.begin_import({"killed.jsonl"}));  // as a kill -9 mid-import leaves it
    }
    const std::string listed = ok({"import", "--list"});
    CHECK(listed.find("(interrupted: did not finish)  killed.jsonl") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb import --jobs beyond the machine is clamped, not a crash") {
    const std::string page = dir.file("page.txt");
    write_file(page, kPage);
    const KbRun r = kb({"import", "--no-events", "--jobs", "100000", page});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("1 new") != std::string::npos);
    const std::string listed = ok({"import", "--list"});
    CHECK(listed.find("1 article: 1 new") != std::string::npos);
    CHECK(listed.find("did not finish") == std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb import of a missing path is an error naming it") {
    const KbRun r = kb({"import", dir.file("nope.txt")});
    CHECK(r.code == 1);
    CHECK(r.err.find("nope.txt") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb import --dry-run writes nothing") {
    seed();
    const auto before = rows();
    const KbRun r = kb({"import", "--dry-run", kSeed});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("dry run: would import 1 article") != std::string::npos);
    CHECK(rows() == before);
  }

  TEST_CASE_FIXTURE(TempKb, "kb import reads directories recursively and stdin") {
    std::filesystem::create_directories(dir.path() / "in" / "sub");
    write_file(dir.file("in/sub/page.txt"), kPage);
    std::string other(kPage);
    other.replace(other.find("shipping"), 8, "airlines");
    write_file(dir.file("in/other.txt"), other);
    const KbRun r = kb({"import", "--no-events", dir.file("in")});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("2 articles from 2 files: 2 new") != std::string::npos);
    RunOptions opts;
    std::string third(kPage);
    third.replace(third.find("shipping"), 8, "refineries");
    opts.input = third;
    const KbRun piped = kb({"import", "--no-events", "-", "--publisher", "Example Wire"}, opts);
    REQUIRE_MESSAGE(piped.code == 0, piped.err);
    const auto sources = sources_json(*this);
    REQUIRE(sources.size() == 3);
    CHECK(sources[2]["publisher"] == "Example Wire");
  }

  TEST_CASE_FIXTURE(TempKb, "kb sources ID --text prints the kept text, unknown id fails") {
    ok({"import", "--no-events", kSeed});
    const std::string text = ok({"sources", "1", "--text"});
    CHECK(text.find("Caliber.Az (reprinting The Wall Street Journal)") != std::string::npos);
    CHECK(text.find("Bakhmut") != std::string::npos);
    const KbRun missing = kb({"sources", "7"});
    CHECK(missing.code == 1);
    CHECK(missing.err == "kb: no source with id 7\n");
  }
}

}  // namespace kb::test

namespace kb::test {
namespace {

// A market report of our own: no event for a geopolitical timeline.
constexpr std::string_view kMarketReport =
    "Acme Holdings profit jumps on strong chip sales\n\n"
    "Acme Holdings said on Tuesday, March 3, 1987, that its quarterly net profit rose 35 pct to "
    "120 mln dlrs, or 1.20 dlrs a share, on record sales of memory chips and personal "
    "computers.\n\n"
    "The company acquired Beta Software Inc for 300 mln dlrs in cash on March 2, 1987, and "
    "its shares rose 2-1/4 to 48-3/4 dlrs on the New York Stock Exchange in active trading.\n\n"
    "Analysts said earnings per share and revenue beat forecasts and the dividend was "
    "raised to 30 cts a share from 25 cts, payable April 15 to shareholders of record.\n";

TEST_CASE_FIXTURE(TempKb, "kb import reads no events from business news unless --all-topics") {
  const std::string file = dir.file("market.txt");
  std::ofstream(file) << kMarketReport;
  ok({"import", "--published", "1987-03-04", file});
  CHECK(ok({"stats", "--format", "json"}).find("\"events\": 0") != std::string::npos);
  TempKb other;
  other.ok({"import", "--all-topics", "--published", "1987-03-04", file});
  CHECK(other.ok({"stats", "--format", "json"}).find("\"events\": 0") == std::string::npos);
}

}  // namespace
}  // namespace kb::test

namespace kb::test {

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb,
                    "kb import keeps the publisher's offset, and its day is the article's") {
    const std::string page = dir.file("page.html");
    write_file(page,
               "<html><head><title>Shelling in Kharkiv</title><meta "
               "property=\"article:published_time\" content=\"2017-02-23T17:18:13-08:00\">"
               "</head><body><article><p>Russian forces shelled Kharkiv yesterday, the General "
               "Staff of Ukraine said, and the regional governor reported damage to homes and "
               "a school in the city.</p><p>President Volodymyr Zelensky met Olaf Scholz in Kyiv "
               "today to discuss air defence, his office said in a statement.</p></article>"
               "</body></html>");
    // A Telegraph record of the corpus: no "published", a byline time in the text.
    const std::string jsonl = dir.file("tel.jsonl");
    write_file(jsonl,
               "{\"id\":\"tel-1\",\"title\":\"Ukraine's east\",\"text\":\"Photo: AP By Harry "
               "Alsop3:17PM BST 12 Apr 2014Ukraine's eastern cities were tense on Saturday as "
               "armed men seized a police station, officials in Kyiv said.\"}\n");
    ok({"import", page, jsonl});
    const auto sources = sources_json(*this);
    REQUIRE(sources.size() == 2);
    CHECK(sources[0]["published"] == "2017-02-23T17:18:13-08:00");
    CHECK(sources[0]["published_utc"] == "2017-02-24T01:18:13Z");
    CHECK(sources[1]["published"] == "2014-04-12T15:17:00+01:00");
    CHECK(ok({"sources"}).find("2017-02-23T17:18:13-08:00 (2017-02-24T01:18 UTC)") !=
          std::string::npos);
    // "yesterday" counts from the publisher's day, 23 February, not the UTC day.
    const auto events = nlohmann::json::parse(ok({"export", "--format", "json"}))["events"];
    bool shelling = false;
    for (const auto& e : events) {
      if (e["title"].get<std::string>().find("Kharkiv") != std::string::npos) {
        shelling = true;
        CHECK(e["date"]["value"] == "2017-02-22");
      }
    }
    CHECK(shelling);
  }
}

}  // namespace kb::test
