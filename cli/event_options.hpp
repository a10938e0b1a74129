// The options `kb add` and `kb edit` share, and how they become an Event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.hpp"
#include "kb/repository.hpp"

namespace CLI {
class App;
}

namespace kb::cli {

// What the analyst typed; unset fields leave an edited event as it was.
struct EventOptions {
  std::optional<std::string> title;
  std::optional<std::string> date;
  std::optional<std::string> end;
  std::optional<std::string> kind;
  std::optional<std::string> summary;
  std::optional<std::string> status;
  std::optional<double> confidence;
  std::vector<std::string> actors, targets, places, tags;
  std::vector<std::string> claimants;  // --claimed-by: who claims it (the event is tagged claimed)
  std::optional<std::string> source;   // --source URL
  std::optional<std::string> source_id;  // --source-id: a stored source, by number or id
  std::optional<std::string> source_title, source_publisher, source_date;  // a new source
  std::optional<std::string> quote;
};

// Declares the shared options on `sub` (the title is positional and declared by the caller).
void add_event_options(CLI::App& sub, EventOptions& o);

// Applies `o` to `e`: dates parsed, entities resolved (a name the KB lacks is taken from the
// gazetteer when it knows it — "Ukraine" is the country — else created; a note for the analyst
// appended to `notes` either way), a citation added for the source options and --quote. Writes
// entities/sources through `store`, so call it inside the command's transaction and print the
// notes only once it has committed.
Result<void> apply_event_options(const EventOptions& o, Event& e, Repository& store, Context& ctx,
                                 std::vector<std::string>& notes);

}  // namespace kb::cli
