// find_entity(): see entities.hpp.
#include "services/entities.hpp"

#include <vector>

#include "kb/text_key.hpp"

namespace kb::services {

Result<std::optional<Id>> find_entity(Repository& store, std::string_view name, EntityKind kind,
                                      bool kind_stated, std::span<const std::string> aliases) {
  KB_ASSIGN(const std::vector<Entity> named, store.lookup_entities(name));
  for (const Entity& e : named) {
    if (e.kind == kind) {
      return std::optional<Id>(e.id);  // 1
    }
  }
  const std::string key = alias_key(name);
  for (const Entity& e : named) {
    if (alias_key(e.name) == key) {
      return std::optional<Id>(e.id);  // 2
    }
  }
  for (const std::string& alias : aliases) {
    KB_ASSIGN(const std::vector<Entity> found, store.lookup_entities(alias));
    for (const Entity& e : found) {
      if (e.kind == kind) {
        return std::optional<Id>(e.id);  // 3
      }
    }
  }
  if (!kind_stated && !named.empty()) {
    return std::optional<Id>(named.front().id);  // 4
  }
  return std::optional<Id>();
}

}  // namespace kb::services
