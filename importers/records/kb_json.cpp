// kb JSON: KbDump to text and back, with nlohmann::ordered_json so that key order is fixed.

#include "importers/records/kb_json.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <vector>

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
              {"uuid", n.uuid},
              {"name", n.name},
              {"kind", std::string(to_string(n.kind))},
              {"description", n.description},
              {"wikidata", opt(n.wikidata)},
              {"country_id", opt(n.country_id)},
              {"aliases", n.aliases},
              {"latitude", n.latitude && n.longitude ? Json(*n.latitude) : Json(nullptr)},
              {"longitude", n.latitude && n.longitude ? Json(*n.longitude) : Json(nullptr)}};
}

Json source_json(const Source& s) {
  return Json{{"id", s.id},
              {"uuid", s.uuid},
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

// An event as the README's JSON contract writes it (version 2: `date` with the TIMEX3 mod, the
// text and the display; entities with their names and kinds; citations with their sources'
// details), plus what a restore needs (citation ids and quote offsets). Only ids, roles, the
// date's value, mod and text, and the citation ids, sources, quotes and offsets are read back.
Json event_json(const Event& e) {
  Json j;
  j["id"] = e.id;
  j["uuid"] = e.uuid;
  j["title"] = e.title;
  j["summary"] = e.summary;
  j["kind"] = std::string(to_string(e.kind));
  j["status"] = std::string(to_string(e.status));
  j["confidence"] = e.confidence;
  j["origin"] = std::string(to_string(e.origin));
  j["date"] = Json{{"value", e.date.timex()},
                   {"mod", std::string(e.date.timex_mod())},
                   {"first", day(e.date.first())},
                   {"last", day(e.date.last())},
                   {"precision", std::string(to_string(e.date.precision()))},
                   {"text", e.date_text},
                   {"display", e.date.display()}};
  auto roles = Json::array();
  for (const auto& p : e.participants) {
    roles.push_back(Json{{"id", p.entity_id},
                         {"name", p.name},
                         {"kind", std::string(to_string(p.kind))},
                         {"role", std::string(to_string(p.role))}});
  }
  j["entities"] = std::move(roles);
  auto cites = Json::array();
  for (const auto& c : e.citations) {
    cites.push_back(Json{{"id", c.id},
                         {"source_id", c.source_id},
                         {"url", opt(c.url)},
                         {"title", c.source_title},
                         {"publisher", opt(c.publisher)},
                         {"original_publisher", opt(c.original_publisher)},
                         {"published", opt(c.published)},
                         {"quote", c.quote},
                         {"quote_begin", opt(c.quote_begin)},
                         {"quote_end", opt(c.quote_end)}});
  }
  j["citations"] = std::move(cites);
  j["tags"] = e.tags;
  j["merged_into"] = e.merged_into ? Json(*e.merged_into) : Json(nullptr);
  j["recorded_at"] = e.recorded_at;
  j["updated_at"] = e.updated_at;
  j["curated"] = e.curated;
  j["fatalities"] = e.fatalities ? Json(*e.fatalities) : Json(nullptr);
  j["lineage"] = e.lineage;
  return j;
}

// The deepest nesting a kb JSON document may have: the format itself needs four levels
// (document, events, event, date or citations); deeper input is refused before it is converted.
constexpr std::size_t kMaxDepth = 64;

// What a value in `j` is, for messages ("a string", "an array").
std::string_view kind_of(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    default:
      return "binary data";
  }
}

// The conversion of a document stops at the first value it cannot use, with this message;
// read_kb_json turns it into one Error.
[[noreturn]] void bad(const std::string& where, std::string_view what) {
  throw std::invalid_argument(fmt::format("{}: {}", where, what));
}

// `j` itself, which must be an object.
const Json& object(const Json& j, const std::string& where) {
  if (!j.is_object()) {
    bad(where, fmt::format("expected an object, found {}", kind_of(j)));
  }
  return j;
}

// The member `key` of the object `j` (named `where`), which must be present.
const Json& member(const Json& j, std::string_view key, const std::string& where) {
  const auto it = object(j, where).find(key);
  if (it == j.end()) {
    bad(fmt::format("{}.{}", where, key), "missing");
  }
  return *it;
}

// `where`.`key` as a string / an id / a number / a list of strings / an array.
std::string str(const Json& j, std::string_view key, const std::string& where) {
  const Json& v = member(j, key, where);
  if (!v.is_string()) {
    bad(fmt::format("{}.{}", where, key), fmt::format("expected a string, found {}", kind_of(v)));
  }
  return v.get<std::string>();
}
Id id(const Json& j, std::string_view key, const std::string& where) {
  const Json& v = member(j, key, where);
  if (v.is_number_integer() && !v.is_number_unsigned()) {
    return v.get<Id>();
  }
  if (v.is_number_unsigned() &&
      v.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<Id>::max())) {
    return static_cast<Id>(v.get<std::uint64_t>());
  }
  bad(fmt::format("{}.{}", where, key),
      v.is_number() ? std::string("expected an integer id, found a number out of range")
                    : fmt::format("expected an integer id, found {}", kind_of(v)));
}
double number(const Json& j, std::string_view key, const std::string& where) {
  const Json& v = member(j, key, where);
  if (!v.is_number()) {
    bad(fmt::format("{}.{}", where, key), fmt::format("expected a number, found {}", kind_of(v)));
  }
  return v.get<double>();
}
const Json& array(const Json& j, std::string_view key, const std::string& where) {
  const Json& v = member(j, key, where);
  if (!v.is_array()) {
    bad(fmt::format("{}.{}", where, key), fmt::format("expected an array, found {}", kind_of(v)));
  }
  return v;
}
std::vector<std::string> strings(const Json& j, std::string_view key, const std::string& where) {
  std::vector<std::string> out;
  std::size_t i = 0;
  for (const auto& v : array(j, key, where)) {
    if (!v.is_string()) {
      bad(fmt::format("{}.{}[{}]", where, key, i),
          fmt::format("expected a string, found {}", kind_of(v)));
    }
    out.push_back(v.get<std::string>());
    ++i;
  }
  return out;
}
std::optional<std::string> opt_text(const Json& j, std::string_view key, const std::string& where) {
  return member(j, key, where).is_null() ? std::nullopt
                                         : std::optional<std::string>(str(j, key, where));
}
std::optional<std::int64_t> opt_id(const Json& j, std::string_view key, const std::string& where) {
  return member(j, key, where).is_null() ? std::nullopt
                                         : std::optional<std::int64_t>(id(j, key, where));
}

// The Result of a conversion step, or Error naming the record it failed in.
template <typename T>
T unwrap(Result<T> r, const std::string& where) {
  if (!r) {
    bad(where, r.error().message);
  }
  return std::move(r).value();
}

// The permanent id of a record: "" when the export predates permanent ids or gives "" (the store
// makes one then); a string in UUID form otherwise, lower-cased.
std::string uuid_of(const Json& j, const std::string& where) {
  if (!object(j, where).contains("uuid")) {
    return "";
  }
  std::string u = str(j, "uuid", where);
  if (!u.empty() && !is_uuid(u)) {
    bad(where + ".uuid", fmt::format("not a UUID: '{}'", u));
  }
  std::transform(u.begin(), u.end(), u.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return u;
}

Entity read_entity(const Json& j, const std::string& where) {
  Entity n;
  n.id = id(j, "id", where);
  n.uuid = uuid_of(j, where);
  n.name = str(j, "name", where);
  n.kind = unwrap(parse_entity_kind(str(j, "kind", where)), where + ".kind");
  n.description = str(j, "description", where);
  n.wikidata = opt_text(j, "wikidata", where);
  n.country_id = opt_id(j, "country_id", where);
  n.aliases = strings(j, "aliases", where);
  // Version 2: a place's point (both or neither), within the globe.
  if (j.contains("latitude") && !j["latitude"].is_null() && j.contains("longitude") &&
      !j["longitude"].is_null()) {
    const double lat = number(j, "latitude", where), lon = number(j, "longitude", where);
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
      bad(where + ".latitude", "not a point on Earth");
    }
    n.latitude = lat;
    n.longitude = lon;
  }
  return n;
}

Source read_source(const Json& j, const std::string& where) {
  Source s;
  s.id = id(j, "id", where);
  s.uuid = uuid_of(j, where);
  s.url = opt_text(j, "url", where);
  s.title = str(j, "title", where);
  s.publisher = opt_text(j, "publisher", where);
  s.original_publisher = opt_text(j, "original_publisher", where);
  s.published = opt_text(j, "published", where);
  s.retrieved = str(j, "retrieved", where);
  s.content_hash = str(j, "content_hash", where);
  s.origin = opt_text(j, "origin", where);
  s.body = str(j, "body", where);
  return s;
}

// A date's value and mod: the TIMEX3 mod (version 2: "", "START", ...) when `timex`, else kb's
// own name for it (version 1 and bookkeeping: "none", "early", ...).
FuzzyDate read_date(const Json& j, const std::string& where, bool timex = false) {
  const std::string spelled = str(j, "mod", where);
  const auto mod = timex ? modifier_from_timex(spelled) : modifier_from_string(spelled);
  if (!mod) {
    bad(where + ".mod", "unknown date mod");
  }
  return unwrap(FuzzyDate::from_timex(str(j, "value", where)), where + ".value")
      .with_modifier(*mod);
}

Event read_event(const Json& j, const std::string& where, int version) {
  Event e;
  e.id = id(j, "id", where);
  e.uuid = uuid_of(j, where);
  e.title = str(j, "title", where);
  e.summary = str(j, "summary", where);
  const Json& date = member(j, "date", where);
  e.date = read_date(date, where + ".date", version >= 2);
  e.date_text = version >= 2 ? str(date, "text", where + ".date") : str(j, "date_text", where);
  e.kind = unwrap(parse_event_kind(str(j, "kind", where)), where + ".kind");
  e.status = unwrap(parse_status(str(j, "status", where)), where + ".status");
  e.confidence = number(j, "confidence", where);
  e.origin = str(j, "origin", where) == "imported" ? Origin::imported : Origin::manual;
  e.recorded_at = str(j, "recorded_at", where);
  e.updated_at = str(j, "updated_at", where);
  if (j.contains("merged_into") && !j["merged_into"].is_null()) {
    e.merged_into = id(j, "merged_into", where);
  }
  if (j.contains("curated")) {
    const Json& c = member(j, "curated", where);
    if (!c.is_boolean()) {
      bad(where + ".curated", fmt::format("expected a boolean, found {}", kind_of(c)));
    }
    e.curated = c.get<bool>();
  }
  if (j.contains("lineage")) {  // schema 0014: the keys of the states the event has had
    e.lineage = strings(j, "lineage", where);
    for (std::size_t k = 0; k < e.lineage.size(); ++k) {
      const std::string& key = e.lineage[k];
      if (key.empty() || key.size() > 16 ||
          key.find_first_not_of("0123456789abcdef") != std::string::npos) {
        bad(fmt::format("{}.lineage[{}]", where, k), "expected 1 to 16 lower-case hex digits");
      }
    }
  }
  std::size_t i = 0;
  for (const auto& r : array(j, "entities", where)) {
    const std::string at = fmt::format("{}.entities[{}]", where, i++);
    Participant p;
    p.entity_id = id(r, "id", at);
    p.role = unwrap(parse_role(str(r, "role", at)), at + ".role");
    if (version >= 2) {  // shown for other readers; the entity record is what is restored
      p.name = str(r, "name", at);
      p.kind = unwrap(parse_entity_kind(str(r, "kind", at)), at + ".kind");
    }
    e.participants.push_back(std::move(p));
  }
  i = 0;
  for (const auto& c : array(j, "citations", where)) {
    const std::string at = fmt::format("{}.citations[{}]", where, i++);
    Citation cit;
    cit.id = id(c, "id", at);
    cit.source_id = id(c, "source_id", at);
    cit.quote = str(c, "quote", at);
    cit.quote_begin = opt_id(c, "quote_begin", at);
    cit.quote_end = opt_id(c, "quote_end", at);
    if (version >= 2) {  // the source's details, as the JSON contract shows them
      cit.url = opt_text(c, "url", at);
      cit.source_title = str(c, "title", at);
      cit.publisher = opt_text(c, "publisher", at);
      cit.original_publisher = opt_text(c, "original_publisher", at);
      cit.published = opt_text(c, "published", at);
    }
    e.citations.push_back(std::move(cit));
  }
  e.tags = strings(j, "tags", where);
  if (j.contains("fatalities")) {
    e.fatalities = opt_id(j, "fatalities", where);
  }
  return e;
}

DumpLink read_link(const Json& j, const std::string& where) {
  return DumpLink{id(j, "id", where),
                  id(j, "from", where),
                  unwrap(parse_relation(str(j, "relation", where)), where + ".relation"),
                  id(j, "to", where),
                  opt_id(j, "citation_id", where),
                  str(j, "created_at", where)};
}

// A SAX pass over the text before it is parsed into a document: it refuses nesting deeper
// than kMaxDepth and, for malformed JSON, says where the parser stopped ("events[3].confidence:
// number overflow parsing '1e999999'") instead of the library's exception text.
class Locator final : public nlohmann::json_sax<Json> {
 public:
  // The message for the first problem found, "" when the text is well-formed.
  const std::string& problem() const { return problem_; }

  bool null() override { return value(); }
  bool boolean(bool /*val*/) override { return value(); }
  bool number_integer(number_integer_t /*val*/) override { return value(); }
  bool number_unsigned(number_unsigned_t /*val*/) override { return value(); }
  bool number_float(number_float_t /*val*/, const string_t& /*s*/) override { return value(); }
  bool string(string_t& /*val*/) override { return value(); }
  bool binary(binary_t& /*val*/) override { return value(); }
  bool start_object(std::size_t /*elements*/) override { return open(false); }
  bool key(string_t& val) override {
    frames_.back().key = val;
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override { return open(true); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) override {
    // nlohmann's messages open with "[json.exception.<kind>.<id>] "; the rest is readable.
    std::string_view what = ex.what();
    if (what.starts_with("[json.exception.")) {
      const auto end = what.find("] ");
      what.remove_prefix(end == std::string_view::npos ? 0 : end + 2);
    }
    // The message quotes what was last read, which may be a whole unterminated string: keep
    // its first 200 bytes (ending on a UTF-8 character boundary).
    if (what.size() > 200) {
      std::size_t cut = 200;
      while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) {
        --cut;
      }
      what = what.substr(0, cut);
      what_cut_ = true;
    }
    // Syntax errors name their line and column; others (a number out of range) get the byte.
    problem_ = what.starts_with("parse error at ")
                   ? fmt::format("{}: {}", path(), what)
                   : fmt::format("{}: {} (byte {})", path(), what, position);
    if (what_cut_) {
      problem_ += " …";
    }
    return false;
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;  // arrays: the element being read
    std::string key;        // objects: the member being read
  };

  // Where the parser is: "events[3].date", "document" before the first key; past eight
  // levels, "…" stands for the rest.
  std::string path() const {
    std::string out;
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      if (i == 8) {
        out += "…";
        break;
      }
      if (f.array) {
        out += fmt::format("[{}]", f.index);
      } else if (!f.key.empty()) {
        out += (out.empty() ? "" : ".") + short_key(f.key);
      }
    }
    return out.empty() ? "document" : out;
  }
  // A key as a path shows it: its first 40 bytes (ending on a UTF-8 character boundary).
  static std::string short_key(const std::string& key) {
    if (key.size() <= 40) {
      return key;
    }
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    return key.substr(0, cut) + "…";
  }
  bool value() {
    if (!frames_.empty() && frames_.back().array) {
      ++frames_.back().index;
    }
    return true;
  }
  bool open(bool array) {
    if (frames_.size() >= kMaxDepth) {
      problem_ = fmt::format("{}: nested deeper than {} levels (a kb JSON document needs 5)",
                             path(), kMaxDepth);
      return false;
    }
    frames_.push_back(Frame{array, 0, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return value();
  }

  std::vector<Frame> frames_;
  std::string problem_;
  bool what_cut_ = false;
};

// Converts the parsed document; throws invalid_argument naming the first unusable value, which
// read_kb_json turns into one Error.
KbDump read_document(const Json& doc, std::string& where, int version) {
  KbDump dump;
  std::size_t i = 0;
  for (const auto& j : array(doc, "entities", "document")) {
    where = fmt::format("entities[{}]", i++);
    dump.entities.push_back(read_entity(j, where));
  }
  i = 0;
  for (const auto& j : array(doc, "sources", "document")) {
    where = fmt::format("sources[{}]", i++);
    dump.sources.push_back(read_source(j, where));
  }
  i = 0;
  for (const auto& j : array(doc, "events", "document")) {
    where = fmt::format("events[{}]", i++);
    dump.events.push_back(read_event(j, where, version));
  }
  i = 0;
  for (const auto& j : array(doc, "links", "document")) {
    where = fmt::format("links[{}]", i++);
    dump.links.push_back(read_link(j, where));
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
                                {"relation", std::string(to_string(l.relation))},
                                {"to", l.to},
                                {"citation_id", opt(l.citation_id)},
                                {"created_at", l.created_at}});
  }
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {

// Reads a document's top-level "format" member and stops there, so that sniffing costs little
// and a damaged kb JSON file (cut short, say) is still recognised, and its damage reported by
// read_kb_json rather than mistaken for another format.
class FormatSniffer final : public nlohmann::json_sax<Json> {
 public:
  bool is_kb_json = false;

  bool null() override { return value(false); }
  bool boolean(bool /*val*/) override { return value(false); }
  bool number_integer(number_integer_t /*val*/) override { return value(false); }
  bool number_unsigned(number_unsigned_t /*val*/) override { return value(false); }
  bool number_float(number_float_t /*val*/, const string_t& /*s*/) override { return value(false); }
  bool string(string_t& val) override { return value(val == kKbJsonFormat); }
  bool binary(binary_t& /*val*/) override { return value(false); }
  bool start_object(std::size_t /*elements*/) override { return open(); }
  bool key(string_t& val) override {
    format_key_ = depth_ == 1 && val == "format";
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override {
    return depth_ != 0 && !format_key_ && open();  // a top-level array is no kb JSON
  }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& /*ex*/) override {
    return false;
  }

 private:
  // A scalar: when it is the top-level "format", the answer (and the end of the pass).
  bool value(bool kb_format) {
    if (depth_ == 1 && format_key_) {
      is_kb_json = kb_format;
      return false;
    }
    return depth_ != 0;
  }
  bool open() {
    if (depth_ == 1 && format_key_) {
      return false;  // "format" holds an object: not kb JSON
    }
    ++depth_;
    return depth_ <= kMaxDepth;
  }
  bool close() {
    --depth_;
    return depth_ != 0;  // the document ended without a "format"
  }

  std::size_t depth_ = 0;
  bool format_key_ = false;
};

}  // namespace

bool looks_like_kb_json(std::string_view text) {
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text[start] != '{') {
    return false;
  }
  FormatSniffer sniffer;
  Json::sax_parse(text, &sniffer);
  return sniffer.is_kb_json;
}

Result<KbDump> read_kb_json(std::string_view text) {
  Locator locator;
  if (!Json::sax_parse(text, &locator)) {
    return fail(Errc::parse,
                fmt::format("kb JSON: {}", locator.problem().empty() ? std::string("not valid JSON")
                                                                     : locator.problem()));
  }
  const Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    return fail(Errc::parse, "kb JSON: not valid JSON");
  }
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != std::string(kKbJsonFormat)) {
    return fail(Errc::parse, R"(kb JSON: missing "format": "kb-json")");
  }
  if (!doc.contains("version") || (doc["version"] != 1 && doc["version"] != kKbJsonVersion)) {
    return fail(Errc::parse,
                fmt::format("kb JSON: unsupported version (this kb reads versions 1 and {})",
                            kKbJsonVersion));
  }
  const int version = doc["version"] == 1 ? 1 : kKbJsonVersion;
  std::string where = "document";
  try {  // the conversion stops by exception at the first unusable value; here it is an Error
    return read_document(doc, where, version);
  } catch (const std::invalid_argument& e) {
    return fail(Errc::parse, fmt::format("kb JSON: {}", e.what()));
  } catch (const std::exception& e) {  // not expected: every access above is checked first
    return fail(Errc::parse, fmt::format("kb JSON: {}: {}", where, e.what()));
  }
}

std::string write_bookkeeping(const Bookkeeping& b) {
  Json changes = Json::array();
  const auto date = [](const FuzzyDate& d) {
    return Json{{"value", d.timex()}, {"mod", std::string(to_string(d.modifier()))}};
  };
  for (const DateChange& c : b.date_changes) {
    changes.push_back(Json{{"id", c.id},
                           {"event_id", c.event_id},
                           {"change", c.change},
                           {"old_date", date(c.old_date)},
                           {"old_text", c.old_text},
                           {"old_status", std::string(to_string(c.old_status))},
                           {"new_date", date(c.new_date)},
                           {"new_text", c.new_text},
                           {"source_id", opt(c.source_id)},
                           {"quote", c.quote},
                           {"recorded_at", c.recorded_at}});
  }
  Json extraction = Json::array();
  for (const ExtractionCitation& c : b.extraction) {
    extraction.push_back(Json{{"citation_id", c.citation_id},
                              {"source_id", c.source_id},
                              {"event_id", c.event_id},
                              {"created_event", c.created_event}});
  }
  Json roles = Json::array();
  for (const ExtractionRole& r : b.roles) {
    roles.push_back(Json{{"source_id", r.source_id},
                         {"event_id", r.event_id},
                         {"entity_id", r.entity_id},
                         {"role", std::string(to_string(r.role))}});
  }
  return Json{{"date_changes", changes}, {"extraction", extraction}, {"roles", roles}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<Bookkeeping> read_bookkeeping(std::string_view text) {
  const Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return fail(Errc::parse, "bookkeeping: not a JSON object");
  }
  Bookkeeping out;
  try {
    const Json& changes = member(doc, "date_changes", "bookkeeping");
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const std::string where = fmt::format("date_changes[{}]", i);
      const Json& j = changes[i];
      DateChange c;
      c.id = id(j, "id", where);
      c.event_id = id(j, "event_id", where);
      c.change = str(j, "change", where);
      c.old_date = read_date(member(j, "old_date", where), where + ".old_date");
      c.old_text = str(j, "old_text", where);
      c.old_status = unwrap(parse_status(str(j, "old_status", where)), where + ".old_status");
      c.new_date = read_date(member(j, "new_date", where), where + ".new_date");
      c.new_text = str(j, "new_text", where);
      c.source_id = opt_id(j, "source_id", where);
      c.quote = str(j, "quote", where);
      c.recorded_at = str(j, "recorded_at", where);
      out.date_changes.push_back(std::move(c));
    }
    const Json& extraction = member(doc, "extraction", "bookkeeping");
    for (std::size_t i = 0; i < extraction.size(); ++i) {
      const std::string where = fmt::format("extraction[{}]", i);
      const Json& j = extraction[i];
      const Json& created = member(j, "created_event", where);
      if (!created.is_boolean()) {
        bad(where + ".created_event", "expected a boolean");
      }
      out.extraction.push_back(ExtractionCitation{id(j, "citation_id", where),
                                                  id(j, "source_id", where),
                                                  id(j, "event_id", where), created.get<bool>()});
    }
    if (doc.contains("roles")) {
      const Json& roles = array(doc, "roles", "bookkeeping");
      for (std::size_t i = 0; i < roles.size(); ++i) {
        const std::string where = fmt::format("roles[{}]", i);
        const Json& j = roles[i];
        out.roles.push_back(ExtractionRole{
            id(j, "source_id", where), id(j, "event_id", where), id(j, "entity_id", where),
            unwrap(parse_role(str(j, "role", where)), where + ".role")});
      }
    }
  } catch (const std::exception& e) {
    return fail(Errc::parse, fmt::format("bookkeeping: {}", e.what()));
  }
  return out;
}

}  // namespace kb::importers
