// The analyst's curation of entities, for any front end: finding an entity by what the analyst
// typed, adding one (with the country it lies in), giving it other names, a point, merging two.
// Each writing call is one transaction, logged for kb undo under the analyst's name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "kb/repository.hpp"

namespace kb::services {

// The entity `ref` names: its local number, or a name or alias only one entity has. Error
// (not_found) naming the ref, (invalid_argument) listing the entities a name fits.
Result<Entity> entity_by_ref(Repository& store, std::string_view ref);

// kb's gazetteer (data/entities), loaded the first time a name the KB lacks is looked up.
class GazetteerOnDemand {
 public:
  // The gazetteer's entity named `name` (of `kind` when given) as an extraction participant
  // (with its country's name), or nullopt when kb's data has no such name (or cannot be loaded).
  std::optional<importers::extract::ExtractedParticipant> find(
      std::string_view name, std::optional<EntityKind> kind = std::nullopt);

 private:
  bool tried_ = false;
  std::optional<importers::Gazetteer> gazetteer_;
};

// The entity kb's gazetteer knows by `name` (of `kind` when given), stored in the KB as
// extraction stores entities (found by name or alias, else created with its country); nullopt
// when the gazetteer does not know the name. `created` tells whether it was added.
Result<std::optional<Id>> store_known_entity(Repository& store, std::string_view name,
                                             std::optional<EntityKind> kind, bool* created);

// A new entity and, for a place, the country it lies in as the analyst typed it (an entity of the
// KB, or a country kb's gazetteer knows, which is then added too).
struct NewEntity {
  Entity entity;
  std::optional<std::string> in;
};
// Error (invalid_argument) unless `wikidata` is absent or "Q" and digits ("Q212").
Result<void> check_wikidata(const std::optional<std::string>& wikidata);
// Adds the entity; returns it as stored. Error (invalid_argument) for a Wikidata id that is not
// "Q" and digits, (conflict) when an entity of that kind has that name.
Result<Entity> add_entity(Repository& store, const NewEntity& wanted, const std::string& user);
// Gives entity `ref` the other names `aliases`; returns it with all its aliases.
Result<Entity> add_aliases(Repository& store, std::string_view ref,
                           const std::vector<std::string>& aliases, const std::string& user);
// Sets place `ref`'s point (WGS 84 degrees). Error (invalid_argument) for an entity that is no
// place, or a point off the globe.
Result<Entity> set_point(Repository& store, std::string_view ref, double latitude, double longitude,
                         const std::string& user);
// Merges entity `drop` into entity `keep` (its roles, aliases and the places lying in it).
struct Merged {
  Entity kept, dropped;
};
Result<Merged> merge_entities(Repository& store, std::string_view keep, std::string_view drop,
                              const std::string& user);

// A typed relation between two events (each given by local number or permanent id), with the
// sentence that states it and that sentence's source when given. Both events become curated.
// Error (conflict) when a one-way relation's reverse is stated already, (invalid_argument) for
// "precedes" from an event that starts after the other ends or a quote without a source.
struct LinkRequest {
  std::string from;
  Relation relation = Relation::related;
  std::string to;
  std::optional<std::string> quote, source;
};
struct Linked {
  Event from, to;
};
Result<Linked> link_events(Repository& store, const LinkRequest& link, const std::string& user);
// Removes that relation (a same-as merge is undone); returns the two local numbers. `relation`
// is as typed: Error (invalid_argument) when parse_relation() refuses it, checked after the
// events are found.
Result<std::pair<Id, Id>> unlink_events(Repository& store, std::string_view from,
                                        std::string_view relation, std::string_view to,
                                        const std::string& user);

// Deletes the events `ids` (with their roles, citations, links and tags) in one transaction,
// logged as `command`; an event already gone (taken with an earlier one's merge) is skipped.
// With `expect_revision` (one event only), Error (conflict) naming the event and both revisions
// when the event is no longer at that revision, checked inside the write transaction: nothing
// is deleted (a colleague changed it since it was read).
Result<void> remove_events(Repository& store, const std::vector<Id>& ids,
                           const std::string& command, const std::string& user,
                           std::optional<std::int64_t> expect_revision = std::nullopt);

// Adds (`add`) or removes `tags` on the events `ids` in one transaction, logged as `command`;
// each event changed becomes curated. `changed` counts them; `events` holds the events as they
// are now when there are at most `shown` of them.
struct Tagged {
  std::size_t changed = 0;
  std::vector<Event> events;
};
Result<Tagged> tag_events(Repository& store, const std::vector<Id>& ids,
                          const std::vector<std::string>& tags, bool add,
                          const std::string& command, const std::string& user,
                          std::size_t shown = 20);

}  // namespace kb::services
