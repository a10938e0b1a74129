// Search hits as JSON.

#include "render/search.hpp"

#include "render/timeline.hpp"

namespace kb::render {
nlohmann::ordered_json event_hit_json(const SearchHit& hit, const Event& e) {
  nlohmann::ordered_json j;
  j["type"] = "event";
  const nlohmann::ordered_json event = event_json(e);
  for (const auto& [key, value] : event.items()) {
    j[key] = value;
  }
  j["snippet"] = hit.snippet;
  j["rank"] = hit.rank;
  return j;
}

nlohmann::ordered_json source_hit_json(const SearchHit& hit, const Source& s) {
  nlohmann::ordered_json j;
  j["type"] = "source";
  j["id"] = s.id;
  j["uuid"] = s.uuid;
  j["title"] = s.title;
  j["url"] = optional_json(s.url);
  j["publisher"] = optional_json(s.publisher);
  j["original_publisher"] = optional_json(s.original_publisher);
  j["published"] = optional_json(s.published);
  j["snippet"] = hit.snippet;
  j["rank"] = hit.rank;
  return j;
}

}  // namespace kb::render
