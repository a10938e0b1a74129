// Tests for importers/records/kb_json.cpp: the kb JSON reader's errors (other documents, unusable
// values, deep nesting, files cut short), version 1, the round trip of a dump, and the operation
// log's bookkeeping.
#include "importers/records/kb_json.hpp"

#include <string>

#include <doctest/doctest.h>

#include "importers/records/records.hpp"

namespace kb::importers {

TEST_SUITE("importers") {
  TEST_CASE("read_kb_json rejects other documents with a message") {
    CHECK(!looks_like_kb_json("{\"events\": []}"));
    CHECK(looks_like_kb_json(" {\"format\": \"kb-json\", \"version\": 1}"));
    CHECK(read_kb_json("{").error().code == Errc::parse);
    CHECK(
        read_kb_json("{\"format\": \"kb-json\", \"version\": 9}").error().message.find("version") !=
        std::string::npos);
    const auto bad = read_kb_json(
        "{\"format\": \"kb-json\", \"version\": 1, \"entities\": [], \"sources\": [], "
        "\"events\": [{\"id\": 1}], \"links\": []}");
    REQUIRE(!bad.has_value());
    CHECK(bad.error().message.find("events[0]") != std::string::npos);
  }

  TEST_CASE("read_kb_json names the field of a value it cannot use") {
    const std::string head =
        "{\"format\": \"kb-json\", \"version\": 1, \"entities\": [], \"sources\": [], "
        "\"links\": [], \"events\": [{\"id\": 1, \"title\": ";
    const auto wrong_type = read_kb_json(head + "5}]}");
    REQUIRE(!wrong_type.has_value());
    CHECK(wrong_type.error().message ==
          "kb JSON: events[0].title: expected a string, found a number");
    // nlohmann refuses numbers beyond a double; the message says which field held one.
    const auto huge = read_kb_json(head + "\"T\", \"confidence\": 1e999999}]}");
    REQUIRE(!huge.has_value());
    CHECK(huge.error().code == Errc::parse);
    CHECK(huge.error().message.rfind(
              "kb JSON: events[0].confidence: number overflow parsing '1e999999'", 0) == 0);
    const auto missing = read_kb_json(
        "{\"format\": \"kb-json\", \"version\": 1, \"entities\": [], \"sources\": {}}");
    REQUIRE(!missing.has_value());
    CHECK(missing.error().message ==
          "kb JSON: document.sources: expected an array, found an object");
    // A link's relation is read as one of kb's relations; the message names the link.
    const auto relation = read_kb_json(
        "{\"format\": \"kb-json\", \"version\": 1, \"entities\": [], \"sources\": [], "
        "\"events\": [], \"links\": [{\"id\": 1, \"from\": 1, \"relation\": \"contradicts\", "
        "\"to\": 2, \"citation_id\": null, \"created_at\": \"2024-01-01T00:00:00Z\"}]}");
    REQUIRE(!relation.has_value());
    CHECK(relation.error().code == Errc::parse);
    CHECK(relation.error().message ==
          "kb JSON: links[0].relation: unknown relation 'contradicts' (expected one of: violates, "
          "responds-to, part-of, caused, precedes, same-as, related)");
    for (const auto* r : {&wrong_type, &huge, &missing, &relation}) {
      CHECK(r->error().message.find("json.exception") == std::string::npos);
    }
  }

  TEST_CASE("bookkeeping round-trips its roles, and a snapshot from before them reads without") {
    Bookkeeping b;
    b.extraction.push_back(ExtractionCitation{7, 2, 3, true});
    b.roles.push_back(ExtractionRole{2, 3, 5, Role::target});
    b.roles.push_back(ExtractionRole{4, 3, 6, Role::location});
    const auto back = read_bookkeeping(write_bookkeeping(b));
    REQUIRE(back.has_value());
    CHECK(back->roles == b.roles);
    CHECK(back->extraction.size() == 1);
    const auto old = read_bookkeeping(R"({"date_changes": [], "extraction": []})");
    REQUIRE(old.has_value());
    CHECK(old->roles.empty());
    const auto bad = read_bookkeeping(
        R"({"date_changes": [], "extraction": [], "roles": [{"source_id": 1, "event_id": 2, )"
        R"("entity_id": 3, "role": "villain"}]})");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message.find("roles[0].role") != std::string::npos);
  }

  TEST_CASE("read_kb_json refuses 100,000 nested arrays with one message") {
    const std::string deep =
        "{\"format\": \"kb-json\", \"version\": 1, \"entities\": " + std::string(100000, '[') +
        std::string(100000, ']') + "}";
    CHECK(looks_like_kb_json(deep));
    const auto r = read_kb_json(deep);
    REQUIRE(!r.has_value());
    CHECK(r.error().code == Errc::parse);
    CHECK(r.error().message.rfind("kb JSON: entities", 0) == 0);
    CHECK(r.error().message.find("nested deeper than 64 levels") != std::string::npos);
    // Unclosed, and without the kb JSON header: no kb JSON, and no crash either way.
    CHECK(!looks_like_kb_json(std::string(100000, '[')));
    CHECK(!looks_like_kb_json("{\"a\": " + std::string(100000, '[')));
    CHECK(!read_kb_json(std::string(100000, '[')).has_value());
  }

  TEST_CASE("looks_like_kb_json knows a kb JSON file cut short, so read_kb_json says where") {
    const std::string cut =
        "{\"format\": \"kb-json\", \"version\": 1, \"entities\": [{\"id\": 1, \"na";
    CHECK(looks_like_kb_json(cut));
    CHECK(looks_like_kb_json("{\"version\": 1, \"x\": {\"format\": 1}, \"format\": \"kb-json\"}"));
    CHECK(!looks_like_kb_json("{\"x\": {\"format\": \"kb-json\"}}"));
    CHECK(!looks_like_kb_json("{\"format\": [\"kb-json\"]}"));
    const auto r = read_kb_json(cut);
    REQUIRE(!r.has_value());
    CHECK(r.error().message.rfind("kb JSON: entities[0]", 0) == 0);
    CHECK(r.error().message.find("line 1, column 63: syntax error") != std::string::npos);
    CHECK(r.error().message.find("missing closing quote") != std::string::npos);
    // The parser quotes what it last read: of a string cut short, only its first 200 bytes.
    const auto long_cut = read_kb_json(cut + std::string(100000, 'a'));
    REQUIRE(!long_cut.has_value());
    CHECK(long_cut.error().message.size() < 400);
    CHECK(long_cut.error().message.ends_with("aaa …"));
    // A path names keys by their first 40 bytes.
    const auto long_key =
        read_kb_json("{\"format\": \"kb-json\", \"" + std::string(100000, 'k') + "\": [1e999999]}");
    REQUIRE(!long_key.has_value());
    CHECK(long_key.error().message.rfind("kb JSON: " + std::string(40, 'k') + "…[0]: number", 0) ==
          0);
  }

  TEST_CASE("read_kb_json still reads version 1 (kb's modifier names and date_text)") {
    const std::string v1 =
        R"({"format": "kb-json", "version": 1, "entities": [], "sources": [], "events": [)"
        R"({"id": 7, "uuid": "", "title": "Talks", "summary": "", "date": {"value": "2014",)"
        R"( "mod": "early", "first": "2014-01-01", "last": "2014-04-30", "precision": "year"},)"
        R"( "date_text": "early 2014", "kind": "meeting", "status": "reported", "confidence": 1,)"
        R"( "origin": "manual", "recorded_at": "", "updated_at": "", "entities": [],)"
        R"( "citations": [], "tags": []}], "links": []})";
    auto back = read_kb_json(v1);
    REQUIRE(back.has_value());
    CHECK(back->events.at(0).date.display() == "early 2014");
    CHECK(back->events.at(0).date_text == "early 2014");
    // Version 2 writes the JSON contract's spellings: the TIMEX3 mod and date.text.
    const std::string v2 = write_kb_json(*back);
    CHECK(v2.find("\"version\": 2") != std::string::npos);
    CHECK(v2.find("\"mod\": \"START\"") != std::string::npos);
    CHECK(v2.find("\"text\": \"early 2014\"") != std::string::npos);
    CHECK(v2.find("date_text") == std::string::npos);
    CHECK_FALSE(read_kb_json(R"({"format": "kb-json", "version": 3})").has_value());
  }

  TEST_CASE("write_kb_json and read_kb_json round-trip a dump") {
    KbDump d;
    Entity n;
    n.id = 3;
    n.name = "Kyiv";
    n.kind = EntityKind::place;
    n.aliases = {"Kiev"};
    d.entities.push_back(n);
    Event e;
    e.id = 7;
    e.title = "Since 2014";
    e.date = FuzzyDate::parse("since 2014").value();
    e.confidence = 0.8;
    e.participants.push_back(Participant{3, "Kyiv", EntityKind::place, Role::location});
    d.events.push_back(e);
    const std::string text = write_kb_json(d);
    auto back = read_kb_json(text);
    REQUIRE(back.has_value());
    CHECK(write_kb_json(*back) == text);
    CHECK(back->events[0].date.display() == "since 2014");
    CHECK(text.find("\"last\": null") != std::string::npos);
  }
}

}  // namespace kb::importers
