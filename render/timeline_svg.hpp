// The timeline picture of a briefing: events on a time axis as plain, hand-written SVG.
// Density-aware: quiet stretches between clusters of events are cut out of the axis, so that
// 1994 and a busy week of May 2023 both get room. Deterministic; labels are XML-escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/model.hpp"
#include "render/escape.hpp"

namespace kb::render {

// The SVG document (UTF-8, with a final newline) for `events` in any order; planned events are
// drawn hollow. Labels that would collide are left out (each dot keeps a <title> tooltip) and
// counted in a note. `title` heads the picture.
std::string render_timeline_svg(const std::vector<Event>& events, std::string_view title);

}  // namespace kb::render
