// The options `kb add` and `kb edit` share: declared here, applied by services/event_edit.
#pragma once

#include "services/event_edit.hpp"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's own namespace
class App;
}

namespace kb::cli {

// What the analyst typed; unset fields leave an edited event as it was.
using EventOptions = services::EventFields;

// Declares the shared options on `sub` (the title is positional and declared by the caller).
void add_event_options(CLI::App& sub, EventOptions& o);

}  // namespace kb::cli
