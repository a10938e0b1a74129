// resolve_ref(): local numbers and permanent ids (see identity.hpp).

#include "services/identity.hpp"

#include <charconv>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace kb::services {
namespace {

std::string_view noun(RecordKind kind) {
  switch (kind) {
    case RecordKind::event:
      return "event";
    case RecordKind::entity:
      return "entity";
    case RecordKind::source:
      return "source";
  }
  return "record";
}

}  // namespace

Result<Id> resolve_ref(Repository& store, RecordKind kind, std::string_view text) {
  std::string_view number = text;
  if (!number.empty() && number.front() == '#') {
    number.remove_prefix(1);
  }
  if (!number.empty() && number.size() <= 18 &&
      number.find_first_not_of("0123456789") == std::string_view::npos) {
    // All digits is always a local number: a permanent id that starts with eight digits is
    // named by more of it (its first dash included).
    Id id = 0;
    std::from_chars(number.data(), number.data() + number.size(), id);
    return id;
  }
  const auto prefix = uuid_prefix(text);
  if (!prefix) {
    return fail(Errc::invalid_argument,
                fmt::format("not a {} id: '{}' (a local number, or a permanent id or at least "
                            "its first 8 characters)",
                            noun(kind), text));
  }
  KB_ASSIGN(const std::vector<Id> ids, store.ids_by_uuid(kind, *prefix, 6));
  if (ids.empty()) {
    return fail(Errc::not_found, fmt::format("no {} with permanent id {}", noun(kind), text));
  }
  if (ids.size() > 1) {
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < ids.size() && i < 5; ++i) {
      shown.push_back(fmt::format("#{}", ids[i]));
    }
    return fail(Errc::invalid_argument,
                fmt::format("'{}' is the start of the permanent ids of several {}s ({}{}); give "
                            "more of it",
                            text, noun(kind), fmt::join(shown, ", "), ids.size() > 5 ? ", …" : ""));
  }
  return ids.front();
}

}  // namespace kb::services
