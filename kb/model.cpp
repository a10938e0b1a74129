// Spellings of the model's small vocabularies, as stored in the database and typed at the CLI.

#include "kb/model.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

namespace kb {
namespace {

constexpr std::array<std::string_view, 5> kEntityKinds = {"person", "country", "organisation",
                                                          "place", "group"};
constexpr std::array<std::string_view, 5> kRoles = {"actor", "target", "location", "mentioned",
                                                    "claimant"};
constexpr std::array<std::string_view, 3> kStatuses = {"reported", "planned", "disputed"};

// Finds `s` in `names`; the index doubles as the enumerator.
template <typename E, std::size_t N>
Result<E> parse_enum(std::string_view s, const std::array<std::string_view, N>& names,
                     std::string_view what) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) {
      return static_cast<E>(i);
    }
  }
  return fail(Errc::invalid_argument, fmt::format("unknown {} '{}' (expected one of: {})", what, s,
                                                  fmt::join(names, ", ")));
}

constexpr std::array<std::string_view, 7> kRelationNames = {
    "violates", "responds-to", "part-of", "caused", "precedes", "same-as", "related"};
// Mirrors the `inverse` column of schema/0001_init.sql's link_relation table.
constexpr std::array<std::string_view, 7> kInverseNames = {
    "violated-by", "responded-to-by", "has-part", "caused-by", "follows", "same-as", "related"};

// The enumerators 0 .. N-1 of `E`, in order.
template <typename E, std::size_t N>
constexpr std::array<E, N> all_of() {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    out[i] = static_cast<E>(i);
  }
  return out;
}
static_assert(static_cast<std::size_t>(EventKind::other) + 1 == kEventKindNames.size());
static_assert(static_cast<std::size_t>(Relation::related) + 1 == kRelationNames.size());
constexpr auto kEventKinds = all_of<EventKind, kEventKindNames.size()>();
constexpr auto kRelations = all_of<Relation, kRelationNames.size()>();

// Like parse_enum, but '_' and '-' are the same letter: "responds_to" is "responds-to".
template <typename E, std::size_t N>
Result<E> parse_dashed(std::string_view s, const std::array<std::string_view, N>& names,
                       std::string_view what) {
  std::string normal(s);
  std::replace(normal.begin(), normal.end(), '_', '-');
  for (std::size_t i = 0; i < N; ++i) {
    std::string alt(names[i]);
    std::replace(alt.begin(), alt.end(), '_', '-');
    if (alt == normal) {
      return static_cast<E>(i);
    }
  }
  return fail(Errc::invalid_argument, fmt::format("unknown {} '{}' (expected one of: {})", what, s,
                                                  fmt::join(names, ", ")));
}

}  // namespace

std::string_view to_string(EntityKind k) { return kEntityKinds[static_cast<std::size_t>(k)]; }
std::string_view to_string(Role r) { return kRoles[static_cast<std::size_t>(r)]; }
std::string_view to_string(Status s) { return kStatuses[static_cast<std::size_t>(s)]; }
std::string_view to_string(Origin o) { return o == Origin::manual ? "manual" : "imported"; }

Result<EntityKind> parse_entity_kind(std::string_view s) {
  if (s == "organization" || s == "org") {
    return EntityKind::organisation;
  }
  return parse_enum<EntityKind>(s, kEntityKinds, "entity kind");
}
Result<Role> parse_role(std::string_view s) { return parse_enum<Role>(s, kRoles, "role"); }
Result<Status> parse_status(std::string_view s) {
  return parse_enum<Status>(s, kStatuses, "status");
}

std::span<const EventKind> event_kinds() { return kEventKinds; }
std::span<const Relation> link_relations() { return kRelations; }
std::string_view to_string(EventKind k) { return kEventKindNames[static_cast<std::size_t>(k)]; }
std::string_view to_string(Relation r) { return kRelationNames[static_cast<std::size_t>(r)]; }
std::string_view inverse_relation(Relation r) { return kInverseNames[static_cast<std::size_t>(r)]; }

Result<EventKind> parse_event_kind(std::string_view s) {
  return parse_dashed<EventKind>(s, kEventKindNames, "event kind");
}

Result<Relation> parse_relation(std::string_view s) {
  return parse_dashed<Relation>(s, kRelationNames, "relation");
}

bool is_uuid(std::string_view s) {
  const auto prefix = uuid_prefix(s);
  return prefix && prefix->size() == 36;
}

std::optional<std::string> uuid_prefix(std::string_view s) {
  if (s.size() < 8 || s.size() > 36) {
    return std::nullopt;
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool dash_here = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_here ? c != '-' : std::isxdigit(c) == 0) {
      return std::nullopt;
    }
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

std::string normal_tag(std::string_view tag) {
  while (!tag.empty() && std::isspace(static_cast<unsigned char>(tag.front())) != 0) {
    tag.remove_prefix(1);
  }
  while (!tag.empty() && std::isspace(static_cast<unsigned char>(tag.back())) != 0) {
    tag.remove_suffix(1);
  }
  std::string out(tag);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace kb
