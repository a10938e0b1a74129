// Renders cross-references (kb xref) as text, Markdown or JSON.
#pragma once

#include <string>

#include "render/text.hpp"
#include "services/xref.hpp"

namespace kb::render {

using services::EntityXref;
using services::EventXref;

// An entity's cross-references: aliases, events with roles, companions, sources. JSON: {entity,
// events[{role[], event}], companions[], sources[]}, events in the event_json contract.
std::string render_entity_xref(const EntityXref& x, Format format);

// An event's cross-references: links both ways, related events within `window_days`, candidate
// duplicates with the `kb link` command that accepts them, citations. JSON: event_json plus
// "related" and "duplicates".
std::string render_event_xref(const EventXref& x, Format format, int window_days);

}  // namespace kb::render
