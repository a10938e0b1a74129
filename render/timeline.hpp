// Renders events for the terminal, Markdown and the JSON contract (see README "JSON"); the one
// CSV layout for events is export_csv (render/exchange.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kb/model.hpp"
#include "render/escape.hpp"

namespace kb::render {

// The JSON object of one event, the documented contract: id, title, summary, kind, status,
// confidence, origin, date{value, mod, first, last, precision, text, display}, entities[],
// citations[], links[], tags[].
nlohmann::ordered_json event_json(const Event& e);

// A value, or null when absent.
template <typename T>
nlohmann::ordered_json optional_json(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

// A day as ISO 8601, or null for the open ends of "since 2014" / "before 2014".
nlohmann::ordered_json day_json(date::sys_days d);

// Aligned text lines: date column, title, kind, status, id. `color` adds ANSI styling.
std::string timeline_text(const std::vector<Event>& events, bool color);
// A Markdown list, one event per line, with its first citation's URL as a link.
std::string timeline_markdown(const std::vector<Event>& events);

}  // namespace kb::render
