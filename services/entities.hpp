// The one rule by which a name finds the entity it refers to, for every writer of the knowledge
// base: kb add/edit (--actor, --target ...), record imports and the storing of extracted events.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kb/repository.hpp"

namespace kb::services {

// The entity `name` refers to, `kind` the kind it is known or taken to be (`kind_stated`: the
// text or the record says so; false for a name typed without a kind), `aliases` the other names
// it goes by. Names match by alias_key (case and accents aside). In order, oldest first within
// each step:
//   1. an entity of `kind` with that name or alias;
//   2. an entity of any kind whose own name it is (the country "Georgia" for an actor
//      "Georgia"), not one it merely aliases (a place "Washington" is not the United States);
//   3. an entity of `kind` with one of `aliases` as name or alias;
//   4. when the kind was not stated, an entity of any kind with that name or alias ("Moscow"
//      typed for an event's actor, where the KB has it as an alias of Russia).
// nullopt when none: the caller creates the entity.
Result<std::optional<Id>> find_entity(Repository& store, std::string_view name, EntityKind kind,
                                      bool kind_stated, std::span<const std::string> aliases = {});

}  // namespace kb::services
