// Search hits as JSON.

#include "render/search.hpp"

#include "render/timeline.hpp"

namespace kb::render {
namespace {

nlohmann::ordered_json optional_text(const std::optional<std::string>& s) {
  return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json(nullptr);
}

}  // namespace

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
  j["url"] = optional_text(s.url);
  j["publisher"] = optional_text(s.publisher);
  j["original_publisher"] = optional_text(s.original_publisher);
  j["published"] = optional_text(s.published);
  j["snippet"] = hit.snippet;
  j["rank"] = hit.rank;
  return j;
}

}  // namespace kb::render
