// kb JSON: KbDump to text and back, with nlohmann::ordered_json so that key order is fixed.

#include "importers/records/kb_json.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include <fmt/format.h>

namespace kb::importers {
namespace {

using Json = nlohmann::ordered_json;

Json opt(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json opt(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

// A day as ISO 8601, or null for the open ends of "since 2014" / "before 2014".
Json day(date::sys_days d) {
  if (d <= FuzzyDate::kOpenStart || d >= FuzzyDate::kOpenEnd) {
    return nullptr;
  }
  return iso_day(d);
}

Json entity_json(const Entity& n) {
  return Json{{"id", n.id},
              {"name", n.name},
              {"kind", std::string(to_string(n.kind))},
              {"description", n.description},
              {"wikidata", opt(n.wikidata)},
              {"country_id", opt(n.country_id)},
              {"aliases", n.aliases}};
}

Json source_json(const Source& s) {
  return Json{{"id", s.id},
              {"url", opt(s.url)},
              {"title", s.title},
              {"publisher", opt(s.publisher)},
              {"original_publisher", opt(s.original_publisher)},
              {"published", opt(s.published)},
              {"retrieved", s.retrieved},
              {"content_hash", s.content_hash},
              {"origin", opt(s.origin)},
              {"body", s.body}};
}

Json event_json(const Event& e) {
  Json j;
  j["id"] = e.id;
  j["title"] = e.title;
  j["summary"] = e.summary;
  j["date"] = Json{{"value", e.date.timex()},
                   {"mod", std::string(to_string(e.date.modifier()))},
                   {"first", day(e.date.first())},
                   {"last", day(e.date.last())},
                   {"precision", std::string(to_string(e.date.precision()))}};
  j["date_text"] = e.date_text;
  j["kind"] = e.kind;
  j["status"] = std::string(to_string(e.status));
  j["confidence"] = e.confidence;
  j["origin"] = std::string(to_string(e.origin));
  j["recorded_at"] = e.recorded_at;
  j["updated_at"] = e.updated_at;
  if (e.merged_into) {
    j["merged_into"] = *e.merged_into;
  }
  auto roles = Json::array();
  for (const auto& p : e.participants) {
    roles.push_back(Json{{"id", p.entity_id}, {"role", std::string(to_string(p.role))}});
  }
  j["entities"] = std::move(roles);
  auto cites = Json::array();
  for (const auto& c : e.citations) {
    cites.push_back(Json{{"id", c.id},
                         {"source_id", c.source_id},
                         {"quote", c.quote},
                         {"quote_begin", opt(c.quote_begin)},
                         {"quote_end", opt(c.quote_end)}});
  }
  j["citations"] = std::move(cites);
  j["tags"] = e.tags;
  return j;
}

std::optional<std::string> opt_string(const Json& j, const char* key) {
  const auto& v = j.at(key);
  return v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>());
}
std::optional<std::int64_t> opt_int(const Json& j, const char* key) {
  const auto& v = j.at(key);
  return v.is_null() ? std::nullopt : std::optional<std::int64_t>(v.get<std::int64_t>());
}

// The Result of a conversion step, or Error naming the record it failed in.
template <typename T>
T unwrap(Result<T> r, const std::string& where) {
  if (!r) {
    throw std::invalid_argument(fmt::format("{}: {}", where, r.error().message));
  }
  return std::move(r).value();
}

Entity read_entity(const Json& j, const std::string& where) {
  Entity n;
  n.id = j.at("id").get<Id>();
  n.name = j.at("name").get<std::string>();
  n.kind = unwrap(parse_entity_kind(j.at("kind").get<std::string>()), where);
  n.description = j.at("description").get<std::string>();
  n.wikidata = opt_string(j, "wikidata");
  n.country_id = opt_int(j, "country_id");
  n.aliases = j.at("aliases").get<std::vector<std::string>>();
  return n;
}

Source read_source(const Json& j) {
  Source s;
  s.id = j.at("id").get<Id>();
  s.url = opt_string(j, "url");
  s.title = j.at("title").get<std::string>();
  s.publisher = opt_string(j, "publisher");
  s.original_publisher = opt_string(j, "original_publisher");
  s.published = opt_string(j, "published");
  s.retrieved = j.at("retrieved").get<std::string>();
  s.content_hash = j.at("content_hash").get<std::string>();
  s.origin = opt_string(j, "origin");
  s.body = j.at("body").get<std::string>();
  return s;
}

FuzzyDate read_date(const Json& j, const std::string& where) {
  const auto mod = modifier_from_string(j.at("mod").get<std::string>());
  if (!mod) {
    throw std::invalid_argument(fmt::format("{}: unknown date mod", where));
  }
  return unwrap(FuzzyDate::from_timex(j.at("value").get<std::string>()), where).with_modifier(*mod);
}

Event read_event(const Json& j, const std::string& where) {
  Event e;
  e.id = j.at("id").get<Id>();
  e.title = j.at("title").get<std::string>();
  e.summary = j.at("summary").get<std::string>();
  e.date = read_date(j.at("date"), where + ".date");
  e.date_text = j.at("date_text").get<std::string>();
  e.kind = unwrap(parse_event_kind(j.at("kind").get<std::string>()), where);
  e.status = unwrap(parse_status(j.at("status").get<std::string>()), where);
  e.confidence = j.at("confidence").get<double>();
  e.origin = j.at("origin").get<std::string>() == "imported" ? Origin::imported : Origin::manual;
  e.recorded_at = j.at("recorded_at").get<std::string>();
  e.updated_at = j.at("updated_at").get<std::string>();
  if (j.contains("merged_into")) {
    e.merged_into = j.at("merged_into").get<Id>();
  }
  for (const auto& r : j.at("entities")) {
    Participant p;
    p.entity_id = r.at("id").get<Id>();
    p.role = unwrap(parse_role(r.at("role").get<std::string>()), where);
    e.participants.push_back(std::move(p));
  }
  for (const auto& c : j.at("citations")) {
    Citation cit;
    cit.id = c.at("id").get<Id>();
    cit.source_id = c.at("source_id").get<Id>();
    cit.quote = c.at("quote").get<std::string>();
    cit.quote_begin = opt_int(c, "quote_begin");
    cit.quote_end = opt_int(c, "quote_end");
    e.citations.push_back(std::move(cit));
  }
  e.tags = j.at("tags").get<std::vector<std::string>>();
  return e;
}

DumpLink read_link(const Json& j) {
  return DumpLink{
      j.at("id").get<Id>(), j.at("from").get<Id>(),    j.at("relation").get<std::string>(),
      j.at("to").get<Id>(), opt_int(j, "citation_id"), j.at("created_at").get<std::string>()};
}

// Converts the parsed document; throws nlohmann or invalid_argument exceptions that
// read_kb_json turns into one Error.
KbDump read_document(const Json& doc, std::string& where) {
  KbDump dump;
  std::size_t i = 0;
  for (const auto& j : doc.at("entities")) {
    where = fmt::format("entities[{}]", i++);
    dump.entities.push_back(read_entity(j, where));
  }
  i = 0;
  for (const auto& j : doc.at("sources")) {
    where = fmt::format("sources[{}]", i++);
    dump.sources.push_back(read_source(j));
  }
  i = 0;
  for (const auto& j : doc.at("events")) {
    where = fmt::format("events[{}]", i++);
    dump.events.push_back(read_event(j, where));
  }
  i = 0;
  for (const auto& j : doc.at("links")) {
    where = fmt::format("links[{}]", i++);
    dump.links.push_back(read_link(j));
  }
  return dump;
}

}  // namespace

std::string write_kb_json(const KbDump& dump) {
  Json doc;
  doc["format"] = std::string(kKbJsonFormat);
  doc["version"] = kKbJsonVersion;
  doc["entities"] = Json::array();
  for (const auto& n : dump.entities) {
    doc["entities"].push_back(entity_json(n));
  }
  doc["sources"] = Json::array();
  for (const auto& s : dump.sources) {
    doc["sources"].push_back(source_json(s));
  }
  doc["events"] = Json::array();
  for (const auto& e : dump.events) {
    doc["events"].push_back(event_json(e));
  }
  doc["links"] = Json::array();
  for (const auto& l : dump.links) {
    doc["links"].push_back(Json{{"id", l.id},
                                {"from", l.from},
                                {"relation", l.relation},
                                {"to", l.to},
                                {"citation_id", opt(l.citation_id)},
                                {"created_at", l.created_at}});
  }
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool looks_like_kb_json(std::string_view text) {
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text[start] != '{') {
    return false;
  }
  const Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return false;
  }
  const auto it = doc.find("format");
  return it != doc.end() && it->is_string() && it->get<std::string>() == kKbJsonFormat;
}

Result<KbDump> read_kb_json(std::string_view text) {
  const Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    return fail(Errc::parse, "kb JSON: not valid JSON");
  }
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != std::string(kKbJsonFormat)) {
    return fail(Errc::parse, "kb JSON: missing \"format\": \"kb-json\"");
  }
  if (!doc.contains("version") || doc["version"] != kKbJsonVersion) {
    return fail(Errc::parse, fmt::format("kb JSON: unsupported version (this kb reads version {})",
                                         kKbJsonVersion));
  }
  std::string where = "document";
  try {  // nlohmann reports type errors by exception; this is the edge where they become Errors
    return read_document(doc, where);
  } catch (const std::exception& e) {
    return fail(Errc::parse, fmt::format("kb JSON: {}: {}", where, e.what()));
  }
}

}  // namespace kb::importers
