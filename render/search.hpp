// Search hits as JSON: an event hit is the event's JSON contract (render/timeline.hpp) with the
// hit's type, snippet and rank added; a source hit carries the source's own fields. Dates are ISO
// 8601 (the event's `date` object; a source's `published` as stored).
#pragma once

#include <nlohmann/json.hpp>

#include "kb/model.hpp"
#include "kb/repository.hpp"

namespace kb::render {

// {"type": "event", <every key of event_json(e)>, "snippet", "rank"}.
nlohmann::ordered_json event_hit_json(const SearchHit& hit, const Event& e);

// {"type": "source", "id", "uuid", "title", "url", "publisher", "original_publisher",
// "published", "snippet", "rank"}.
nlohmann::ordered_json source_hit_json(const SearchHit& hit, const Source& s);

}  // namespace kb::render
