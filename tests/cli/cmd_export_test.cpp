// Tests `kb export` end to end (kb JSON round trip, CSV, TimelineJS, iCalendar, GeoJSON,
// unwritable paths and standard outputs). The structured imports behind `kb import` are tested in
// tests/services/import_records_test.cpp and tests/cli/import_files_test.cpp.

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <nlohmann/json.hpp>
#include <streambuf>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "tests/cli/cli_seed.hpp"
#include "tests/process_util.hpp"
#include "tests/services/import_records_fixture.hpp"

namespace kb {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A stream buffer on a full disk: every write fails with ENOSPC.
class FullBuf : public std::streambuf {
 protected:
  int_type overflow(int_type) override {
    errno = ENOSPC;
    return traits_type::eof();
  }
  std::streamsize xsputn(const char*, std::streamsize) override {
    errno = ENOSPC;
    return 0;
  }
};

// Runs `kb --db DB args...` in-process with standard output on a full disk.
test::CliResult kb_run_full(const std::string& db, std::vector<std::string> args) {
  FullBuf full;
  std::ostream out(&full);
  std::ostringstream err;
  std::istringstream in;
  auto ctx = test::make_context(out, err, in);
  args.insert(args.begin(), {"--db", db});
  test::CliResult r;
  r.code = cli::run(args, ctx);
  r.err = err.str();
  return r;
}

using test::import_text;

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("kb export json -> import into an empty KB -> export is byte-identical") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    REQUIRE(test::kb_run(db, {"entity", "alias", "Ukraine", "Ukraina"}).code == 0);
    const auto first = test::kb_run(db, {"export"});
    REQUIRE(first.code == 0);
    const auto j = nlohmann::json::parse(first.out);
    CHECK(j["format"] == "kb-json");
    CHECK(j["events"].size() == 7);
    CHECK(j["links"].size() == 2);
    const std::string copy = dir.file("copy.db");
    auto sum = import_text(copy, first.out, false);
    REQUIRE(sum.has_value());
    CHECK(sum->verbatim);
    const auto second = test::kb_run(copy, {"export"});
    CHECK(second.out == first.out);
    // Full-text search works in the copy (the FTS tables were filled on restore).
    CHECK(test::kb_run(copy, {"search", "Bakhmut"}).out.find("Bakhmut falls to Wagner") !=
          std::string::npos);
    // Importing the same export again merges: nothing new.
    sum = import_text(copy, first.out, false);
    REQUIRE(sum.has_value());
    CHECK(!sum->verbatim);
    CHECK(sum->events == 0);
    CHECK(sum->existing == 7);
  }

  TEST_CASE("kb export TOPIC json keeps the topic's events and what they need") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const auto r = test::kb_run(db, {"export", "Crimea"});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["events"].size() == 1);
    CHECK(j["links"].empty());  // the 1994 assurances are not about Crimea
    CHECK(j["sources"].size() == 1);
    CHECK(j["entities"].size() == 3);  // Russia, Ukraine, Crimea
  }

  TEST_CASE("kb export's JSON events are the timeline's JSON objects (one schema)") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const auto exported = nlohmann::json::parse(test::kb_run(db, {"export"}).out);
    const auto timeline =
        nlohmann::json::parse(test::kb_run(db, {"timeline", "--format", "json"}).out);
    REQUIRE(exported["events"].size() == timeline.size());
    for (const auto& t : timeline) {
      CAPTURE(t["id"]);
      const nlohmann::json* e = nullptr;
      for (const auto& x : exported["events"]) {
        if (x["id"] == t["id"]) {
          e = &x;
        }
      }
      REQUIRE(e != nullptr);
      for (const auto& [key, value] : t.items()) {
        if (key == "links") {  // kb JSON keeps links once, in its own list
          continue;
        }
        CAPTURE(key);
        if (key == "citations") {
          auto cites = (*e)["citations"];
          for (auto& c : cites) {  // kb JSON adds what a restore needs
            c.erase("id");
            c.erase("quote_begin");
            c.erase("quote_end");
          }
          CHECK(cites == value);
        } else {
          CHECK((*e)[key] == value);
        }
      }
    }
  }

  TEST_CASE("kb export --format csv writes documented columns and imports again") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const auto r = test::kb_run(db, {"export", "--format", "csv", "Ukraine"});
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("date,title,kind,actors,place,source,quote,tags,id,status,targets,summary,"
                      "first,last,precision,uuid,source_title,publisher,claimants,mentioned,"
                      "confidence\r\n",
                      0) == 0);
    CHECK(r.out.find("2023-W20-WE,Bakhmut falls to Wagner,territorial_change,Wagner,Bakhmut,") !=
          std::string::npos);
    auto sum = import_text(dir.file("copy.db"), r.out, true);
    REQUIRE(sum.has_value());
    CHECK(sum->events == 7);
    const auto again = test::kb_run(dir.file("copy.db"), {"timeline", "--format", "csv"});
    CHECK(again.out.find("Bakhmut falls to Wagner") != std::string::npos);
  }

  TEST_CASE("kb export --format timelinejs gives dates at their precision") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const std::string path = dir.file("t.json");
    REQUIRE(test::kb_run(db, {"export", "--format", "timelinejs", "-o", path}).code == 0);
    const auto j = nlohmann::json::parse(slurp(path));
    REQUIRE(j["events"].size() == 7);
    CHECK(j["events"][0]["start_date"] == nlohmann::json{{"year", "1994"}});
    CHECK(!j["events"][0].contains("end_date"));
    CHECK(j["events"][0]["group"] == "agreement");
    const auto& bakhmut = j["events"][5];
    CHECK(bakhmut["text"]["headline"] == "Bakhmut falls to Wagner");
    CHECK(bakhmut["start_date"] == nlohmann::json{{"year", "2023"}, {"month", "5"}, {"day", "20"}});
    CHECK(bakhmut["end_date"] == nlohmann::json{{"year", "2023"}, {"month", "5"}, {"day", "21"}});
    CHECK(bakhmut["text"]["text"].get<std::string>().find("<blockquote>But after") !=
          std::string::npos);
    CHECK(j["events"][6]["start_date"] == nlohmann::json{{"year", "2023"}, {"month", "7"}});
  }

  TEST_CASE("kb export --format ics lists the planned events") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const auto r = test::kb_run(db, {"export", "--format", "ics"});
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(r.out.find("BEGIN:VEVENT") == r.out.rfind("BEGIN:VEVENT"));  // one planned event
    // The UID is the permanent id, so that it never names another event.
    const auto shown = test::kb_run(db, {"show", "5", "--format", "json"});
    const std::string uuid = nlohmann::json::parse(shown.out)["uuid"];
    CHECK(r.out.find("UID:" + uuid + "@kb\r\n") != std::string::npos);
    CHECK(r.out.find("DTSTART;VALUE=DATE:20230701\r\nDTEND;VALUE=DATE:20230801\r\n") !=
          std::string::npos);
    CHECK(r.out.find("SUMMARY:NATO summit in Vilnius\r\n") != std::string::npos);
    for (std::size_t p = 0, e = 0; (e = r.out.find("\r\n", p)) != std::string::npos; p = e + 2) {
      CHECK(e - p <= 75);
    }
  }

  TEST_CASE("kb export to an unwritable path fails cleanly, unknown formats are refused") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const std::string path = dir.file("no/such/dir/kb.json");
    auto r = test::kb_run(db, {"export", "-o", path});
    CHECK(r.code == 1);
    CHECK(r.err.rfind("kb: cannot write '" + path + "'", 0) == 0);
    r = test::kb_run(db, {"export", "--format", "xml"});
    CHECK(r.code == 2);
  }

  TEST_CASE("kb commands whose standard output cannot be written fail with one message") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const std::vector<std::vector<std::string>> commands = {{"export"},
                                                            {"export", "--format", "csv"},
                                                            {"timeline"},
                                                            {"search", "Bakhmut"},
                                                            {"show", "1"},
                                                            {"brief", "Ukraine"},
                                                            {"stats"},
                                                            {"xref", "1"},
                                                            {"timeline", "--help"}};
    for (const auto& args : commands) {
      CAPTURE(args);
      const auto r = kb_run_full(db, args);
      CHECK(r.code == 1);
      // The reason is known when the last flush failed, not when an earlier write did.
      CHECK(r.err.rfind("kb: cannot write to standard output", 0) == 0);
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
  }

  TEST_CASE("kb export > /dev/full exits 1 with one message") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    for (std::string_view format : {"json", "csv"}) {
      CAPTURE(format);
      test::ProcessOptions opts;
      opts.out = "/dev/full";
      opts.err = dir.file("err");
      const int code = test::wait_kb(
          test::spawn_kb({"--db", db, "export", "--format", std::string(format)}, opts));
      CHECK(code == 1);
      const std::string err = slurp(dir.file("err"));
      CHECK(err.rfind("kb: cannot write to standard output", 0) == 0);
      CHECK(std::count(err.begin(), err.end(), '\n') == 1);
    }
  }

  TEST_CASE("kb timeline and kb export into a pipe closed by its reader exit 1 without a word") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const std::vector<std::vector<std::string>> commands = {
        {"--db", db, "timeline", "Ukraine"},
        {"--db", db, "export"},
        {"--db", db, "export", "--format", "csv"}};
    for (const bool ignored : {false, true}) {
      for (const auto& args : commands) {
        CAPTURE(ignored);
        CAPTURE(args);
        // The reader is gone before kb writes, as `kb ... | head -c1` leaves it once head has
        // its byte.
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        close(fds[0]);
        test::ProcessOptions opts;
        opts.out_fd = fds[1];
        opts.err = dir.file("err");
        opts.sigpipe_ignored = ignored;
        const pid_t pid = test::spawn_kb(args, opts);
        close(fds[1]);
        CHECK(test::wait_kb(pid) == 1);  // 141 would be death by SIGPIPE
        CHECK(slurp(dir.file("err")).empty());
      }
    }
  }

  TEST_CASE("kb export -o refuses a directory, a FIFO and a symbolic link") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    namespace fs = std::filesystem;
    auto r = test::kb_run(db, {"export", "-o", dir.path().string()});
    CHECK(r.code == 2);
    CHECK(r.err == "kb: cannot write '" + dir.path().string() + "': it is a directory\n");

    const std::string fifo = dir.file("pipe");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    r = test::kb_run(db, {"export", "-o", fifo});
    CHECK(r.code == 2);
    CHECK(r.err == "kb: cannot write '" + fifo + "': it is a FIFO, not a regular file\n");
    CHECK(fs::is_fifo(fifo));

    const std::string target = dir.file("target.json");
    const std::string link = dir.file("link.json");
    std::ofstream(target) << "old";
    fs::create_symlink(target, link);
    r = test::kb_run(db, {"export", "-o", link});
    CHECK(r.code == 2);
    CHECK(r.err.find("it is a symbolic link") != std::string::npos);
    CHECK(fs::is_symlink(link));
    CHECK(slurp(target) == "old");
    // With --force the file it points to is replaced, and the link stays a link.
    r = test::kb_run(db, {"export", "-o", link, "--force"});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(fs::is_symlink(link));
    CHECK(slurp(target) == test::kb_run(db, {"export"}).out);
    // No temporary file left beside it.
    for (const auto& e : fs::directory_iterator(dir.path())) {
      CHECK(e.path().filename().string().find("kb-tmp") == std::string::npos);
    }
  }

  TEST_CASE("kb export -o replaces a regular file, keeping its permissions") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    namespace fs = std::filesystem;
    const std::string path = dir.file("kb.json");
    std::ofstream(path) << "old";
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    const auto r = test::kb_run(db, {"export", "-o", path});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(slurp(path) == test::kb_run(db, {"export"}).out);
    CHECK(fs::status(path).permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  }
}

TEST_SUITE("cli") {
  TEST_CASE("kb export --format geojson writes RFC 7946 features at ACLED's coordinates") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    REQUIRE(
        test::kb_run(db, {"import", std::string(KB_TEST_DATA_DIR) + "/records/acled.csv"}).code ==
        0);
    REQUIRE(test::kb_run(db, {"add", "Talks somewhere", "--date", "2023-05-02", "--place",
                              "place:Nowhere Special"})
                .code == 0);
    REQUIRE(test::kb_run(db, {"add", "A statement", "--date", "2023-05-03"}).code == 0);
    const auto r = test::kb_run(db, {"export", "--format", "geojson"});
    REQUIRE(r.code == 0);
    const auto g = nlohmann::json::parse(r.out);
    // RFC 7946's structure: a FeatureCollection of Features, each with a geometry (or null) and
    // a properties object; positions [longitude, latitude] in range; no "crs" member.
    CHECK(g["type"] == "FeatureCollection");
    CHECK_FALSE(g.contains("crs"));
    REQUIRE(g["features"].is_array());
    CHECK(g["features"].size() == 4);  // the three ACLED events and the talks; not the statement
    std::size_t located = 0;
    for (const auto& f : g["features"]) {
      CHECK(f["type"] == "Feature");
      REQUIRE(f.contains("geometry"));
      REQUIRE(f["properties"].is_object());
      CHECK((f["id"].is_string() || f["id"].is_number()));
      if (f["geometry"].is_null()) {
        CHECK(f["properties"]["title"] == "Talks somewhere");
        continue;
      }
      ++located;
      const auto& geo = f["geometry"];
      const bool multi = geo["type"] == "MultiPoint";
      CHECK((geo["type"] == "Point" || multi));
      const auto positions =
          multi ? geo["coordinates"] : nlohmann::json::array({geo["coordinates"]});
      for (const auto& pos : positions) {
        REQUIRE(pos.is_array());
        REQUIRE(pos.size() == 2);
        CHECK(pos[0].get<double>() >= -180);
        CHECK(pos[0].get<double>() <= 180);
        CHECK(pos[1].get<double>() >= -90);
        CHECK(pos[1].get<double>() <= 90);
      }
    }
    CHECK(located == 3);
    bool bakhmut = false;
    for (const auto& f : g["features"]) {
      if (f["properties"]["title"].get<std::string>().find("Bakhmut") != std::string::npos) {
        bakhmut = true;
        CHECK(f["geometry"]["coordinates"][0].get<double>() == doctest::Approx(38.0003));
        CHECK(f["geometry"]["coordinates"][1].get<double>() == doctest::Approx(48.5956));
        CHECK(f["properties"]["fatalities"] == 0);
        CHECK(f["properties"]["date"] == "2023-05-20");
      }
    }
    CHECK(bakhmut);
    // Coordinates and fatalities survive kb JSON: a restore exports byte for byte the same.
    const auto json = test::kb_run(db, {"export"});
    CHECK(json.out.find("\"latitude\": 48.5956") != std::string::npos);
    CHECK(json.out.find("\"fatalities\": 2") != std::string::npos);
    const std::string file = dir.file("kb.json");
    std::ofstream(file) << json.out;
    REQUIRE(test::kb_run(dir.file("copy.db"), {"import", file}).code == 0);
    CHECK(test::kb_run(dir.file("copy.db"), {"export"}).out == json.out);
    CHECK(test::kb_run(dir.file("copy.db"), {"export", "--format", "geojson"}).out == r.out);
  }
}

}  // namespace kb
