// render_briefing(): a Briefing as a Markdown document an analyst can send as is — key
// developments with footnoted sources, the older events they link to, what lies ahead, the
// actors, and the sources. Pure: model in, text out.
#pragma once

#include <string>
#include <string_view>

#include "render/escape.hpp"
#include "services/briefing.hpp"

namespace kb::render {

using services::Briefing;

// The Markdown text: CommonMark with GitHub footnotes ([^1]), one footnote per source, numbered
// in order of first citation. Deterministic; valid for zero, one or many events.
std::string render_briefing(const Briefing& b);

}  // namespace kb::render
