// The kb model: Event, Entity, Source, Citation, Link as plain structs, plus the small
// vocabularies (kinds, roles, relations, statuses) with their database spellings.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kb/fuzzy_date.hpp"
#include "kb/result.hpp"

namespace kb {

using Id = std::int64_t;

// What kind of thing an entity is.
enum class EntityKind { person, country, organisation, place, group };
// How an entity takes part in an event: who acts, to whom, where, only named nearby, or who
// claims that it happened (a claimed event's source: "the Ukrainian General Staff reported").
enum class Role { actor, target, location, mentioned, claimant };
// Whether an event happened as reported, is planned/expected, or its account is disputed.
enum class Status { reported, planned, disputed };
// Who put the event in the knowledge base.
enum class Origin { manual, imported };

// Database / CLI spellings and their parsers. The parsers return Error (invalid_argument)
// naming the value and the accepted spellings.
std::string_view to_string(EntityKind k);
std::string_view to_string(Role r);
std::string_view to_string(Status s);
std::string_view to_string(Origin o);
Result<EntityKind> parse_entity_kind(std::string_view s);
Result<Role> parse_role(std::string_view s);
Result<Status> parse_status(std::string_view s);

// A tag as stored: trimmed and lower-cased (ASCII); empty if nothing is left.
std::string normal_tag(std::string_view tag);

// What happened: the rows of the `event_kind` table (storage/sqlite/schema/0001_init.sql), in
// that order.
enum class EventKind {
  agreement,
  attack,
  territorial_change,
  meeting,
  statement,
  aid,
  visit,
  election,
  application,
  sanction,
  decision,
  protest,
  other
};
// How one event bears on another: the rows of the `link_relation` table, in that order.
enum class Relation { violates, responds_to, part_of, caused, precedes, same_as, related };

// The kinds' database / CLI spellings, in the order of EventKind.
inline constexpr std::array<std::string_view, 13> kEventKindNames = {
    "agreement", "attack",      "territorial_change", "meeting",  "statement", "aid",  "visit",
    "election",  "application", "sanction",           "decision", "protest",   "other"};

// The kind spelt exactly `name` ("territorial_change"), or nullopt; constexpr, so tables of
// kinds written by name are checked when kb is compiled (parse_event_kind is the forgiving,
// run-time reading of user input).
constexpr std::optional<EventKind> event_kind_named(std::string_view name) {
  for (std::size_t i = 0; i < kEventKindNames.size(); ++i) {
    if (kEventKindNames[i] == name) {
      return static_cast<EventKind>(i);
    }
  }
  return std::nullopt;
}

// Every event kind and every relation, in the order above (for help texts and validation).
std::span<const EventKind> event_kinds();
std::span<const Relation> link_relations();
// Database / CLI spellings: "territorial_change"; relations with dashes, "responds-to".
std::string_view to_string(EventKind k);
std::string_view to_string(Relation r);
// Parses a kind ("agreement", ...; "territorial-change" too): Error (invalid_argument) naming
// the value and listing the valid kinds.
Result<EventKind> parse_event_kind(std::string_view s);
// Parses a relation; accepts "responds_to" and "responds-to". Error (invalid_argument) names the
// value and lists the valid ones.
Result<Relation> parse_relation(std::string_view s);
// How a relation reads from its other end, for display: violates -> "violated-by",
// same_as -> "same-as" (the `inverse` column of the `link_relation` table).
std::string_view inverse_relation(Relation r);

// Whether `s` is a UUID as kb writes permanent ids: 8-4-4-4-12 hex digits (either case).
bool is_uuid(std::string_view s);
// What an analyst typed to name a record by its permanent id: at least 8 leading characters of a
// UUID (hex digits, dashes where a UUID has them), lower-cased; nullopt for anything else.
std::optional<std::string> uuid_prefix(std::string_view s);

// A person, country, organisation, place or armed group.
struct Entity {
  Id id = 0;
  std::string name;
  EntityKind kind = EntityKind::organisation;
  std::string description;
  std::optional<std::string> wikidata;  // "Q212"
  std::optional<Id> country_id;         // for places: the country they lie in
  std::vector<std::string> aliases;     // other names (the canonical name is not repeated)
  std::string uuid;             // the permanent id (UUID v4), set by the store; never reused
  std::optional<Id> import_id;  // the `kb import` run whose extraction created it (not exported)
  // A place's point in WGS 84 degrees, when a source gave it (ACLED); both or neither.
  std::optional<double> latitude, longitude;
};

// An entity as it takes part in one event.
struct Participant {
  Id entity_id = 0;
  std::string name;
  EntityKind kind = EntityKind::organisation;
  Role role = Role::mentioned;
};

// An article or other document kb has read.
struct Source {
  Id id = 0;
  std::optional<std::string> url;
  std::string title;
  std::optional<std::string> publisher;
  std::optional<std::string> original_publisher;
  std::optional<std::string> published;  // ISO 8601 day or date-time
  std::string retrieved;                 // ISO 8601 UTC
  std::string content_hash;
  std::optional<std::string> origin;  // file (and line) it came from
  std::string body;
  std::optional<Id> import_id;  // the `kb import` run that added it
  std::string uuid;             // the permanent id (UUID v4), set by the store; never reused
};

// The sentence of a source that supports an event.
struct Citation {
  Id id = 0;
  Id source_id = 0;
  std::string quote;
  std::optional<std::int64_t> quote_begin;  // byte offsets into the source body
  std::optional<std::int64_t> quote_end;
  // Filled by reads, for display: the source's details.
  std::optional<std::string> url;
  std::string source_title;
  std::optional<std::string> publisher;
  std::optional<std::string> original_publisher;
  std::optional<std::string> published;
};

// A typed relation as seen from one event: `outgoing` when this event is the subject
// ("A violates B" seen from A), otherwise seen from B.
struct LinkRef {
  Id link_id = 0;
  Relation relation = Relation::related;  // for incoming links still the stored relation
  bool outgoing = true;
  Id other_id = 0;
  std::string other_title;
  FuzzyDate other_date = FuzzyDate::year(date::year{1970});
  std::optional<std::string> quote;  // the citation supporting the link, if any
};

// What happened, when, who was involved, and where it was reported.
struct Event {
  Id id = 0;
  std::string title;
  std::string summary;
  FuzzyDate date = FuzzyDate::year(date::year{1970});
  std::string date_text;  // the expression as stated, e.g. "over the weekend"
  EventKind kind = EventKind::other;
  Status status = Status::reported;
  double confidence = 1.0;
  Origin origin = Origin::manual;
  std::string recorded_at;  // ISO 8601 UTC, set by the store
  std::string updated_at;
  std::optional<Id> import_id;    // the `kb import` run that created it, for imported events
  std::optional<Id> merged_into;  // set when `kb link A same-as B` merged this event (B) into A
  bool curated = false;  // an analyst changed it: extraction and import undo leave it alone
  std::optional<std::int64_t> fatalities;  // the death toll a source counted (ACLED), if any
  // Grows with every write of the event, its roles, tags, citations and links (set by the
  // store): `kb edit --expect-revision` compares it. Local to one knowledge base.
  std::int64_t revision = 0;
  std::vector<Participant> participants;
  std::vector<Citation> citations;
  std::vector<LinkRef> links;
  std::vector<std::string> tags;
  std::string uuid;  // the permanent id (UUID v4), set by the store; never reused
  // Keys of the analyst-visible states it has had, oldest first, the last kLineageKept, kept
  // by the store (schema 0014): merging a colleague's version compares them
  // (services/import_records.cpp).
  std::vector<std::string> lineage;
};

inline constexpr std::size_t kLineageKept = 32;

}  // namespace kb
