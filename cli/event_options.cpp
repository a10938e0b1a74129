// The options shared by `kb add` and `kb edit`.

#include "cli/event_options.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/common.hpp"

namespace kb::cli {
namespace {

// "person:Andrzej Duda" names the kind of a new entity; a plain name uses `fallback`.
// The name, its kind, and whether the kind was typed.
struct NamedKind {
  std::string name;
  EntityKind kind;
  bool explicit_kind;
};

NamedKind split_kind(const std::string& spec, EntityKind fallback) {
  const auto colon = spec.find(':');
  if (colon != std::string::npos && colon > 0) {
    auto kind = parse_entity_kind(spec.substr(0, colon));
    if (kind) {
      return {spec.substr(colon + 1), *kind, true};
    }
  }
  return {spec, fallback, false};
}

Result<void> resolve_role(const std::vector<std::string>& names, Role role, EntityKind fallback,
                          Event& e, Repository& store, std::vector<std::string>& notes) {
  std::erase_if(e.participants, [role](const Participant& p) { return p.role == role; });
  for (const auto& spec : names) {
    const NamedKind named = split_kind(spec, fallback);
    if (named.name.find_first_not_of(' ') == std::string::npos) {
      return fail(Errc::invalid_argument, fmt::format("empty {} name", to_string(role)));
    }
    bool created = false;
    KB_ASSIGN(Id id, store.resolve_entity(named.name, named.kind, &created));
    if (created) {
      notes.push_back(fmt::format("new {} '{}' (#{}){}", to_string(named.kind), named.name, id,
                                  named.explicit_kind
                                      ? ""
                                      : "; write KIND:NAME (e.g. person:Andrzej Duda) "
                                        "to choose another kind"));
    }
    KB_ASSIGN(Entity entity, store.entity(id));
    e.participants.push_back(Participant{id, entity.name, entity.kind, role});
  }
  return ok();
}

Result<void> apply_date(const EventOptions& o, Event& e, const Context& ctx) {
  if (!o.date && !o.end) {
    return ok();
  }
  KB_ASSIGN(FuzzyDate start, o.date ? parse_date_option(*o.date, ctx) : Result<FuzzyDate>(e.date));
  if (o.date) {
    e.date_text = *o.date;
  }
  if (!o.end) {
    e.date = start;
    return ok();
  }
  KB_ASSIGN(FuzzyDate end, parse_date_option(*o.end, ctx));
  if (end.last() < start.first()) {
    return fail(Errc::invalid_argument,
                fmt::format("--end {} comes before --date {}", end.display(), start.display()));
  }
  KB_ASSIGN(e.date, FuzzyDate::from_timex(fmt::format("{}/{}", start.timex(), end.timex())));
  e.date_text = fmt::format("{} – {}", o.date.value_or(start.display()), *o.end);
  return ok();
}

}  // namespace

void add_event_options(CLI::App& sub, EventOptions& o) {
  sub.add_option("--date,-d", o.date, "When: 2022-02-24, 'Feb 2022', 1994, 2023-W20-WE, ...");
  sub.add_option("--end", o.end, "Last day of a span that started at --date");
  sub.add_option("--kind,-k", o.kind,
                 "agreement, attack, territorial_change, meeting, statement, "
                 "aid, visit, election, application, sanction, decision, "
                 "protest, other");
  sub.add_option("--summary,-s", o.summary, "One or two sentences on what happened");
  sub.add_option("--status", o.status, "reported (default), planned or disputed");
  sub.add_option("--confidence", o.confidence, "0..1 (default 1 for hand entries)");
  sub.add_option("--actor,-a", o.actors,
                 "Who acted (repeatable; KIND:NAME creates a new entity "
                 "of that kind)");
  sub.add_option("--target,-t", o.targets, "Who or what it was aimed at (repeatable)");
  sub.add_option("--place,-p", o.places, "Where (repeatable)");
  sub.add_option("--claimed-by", o.claimants,
                 "Who claims it happened, when only they say so (repeatable; tags it 'claimed')");
  sub.add_option("--tag", o.tags, "A tag (repeatable)");
  sub.add_option("--source", o.source, "URL of the source that reports it");
  sub.add_option("--quote", o.quote, "The sentence of --source that supports it");
}

Result<void> apply_event_options(const EventOptions& o, Event& e, Repository& store, Context& ctx,
                                 std::vector<std::string>& notes) {
  if (o.title) {
    e.title = *o.title;
  }
  if (o.summary) {
    e.summary = *o.summary;
  }
  if (o.kind) {
    KB_ASSIGN(e.kind, parse_event_kind(*o.kind));
  }
  if (o.status) {
    KB_ASSIGN(e.status, parse_status(*o.status));
  }
  if (o.confidence) {
    e.confidence = *o.confidence;
  }
  KB_TRY(apply_date(o, e, ctx));
  if (!o.actors.empty()) {
    KB_TRY(resolve_role(o.actors, Role::actor, EntityKind::organisation, e, store, notes));
  }
  if (!o.targets.empty()) {
    KB_TRY(resolve_role(o.targets, Role::target, EntityKind::organisation, e, store, notes));
  }
  if (!o.places.empty()) {
    KB_TRY(resolve_role(o.places, Role::location, EntityKind::place, e, store, notes));
  }
  if (!o.tags.empty()) {
    e.tags = o.tags;
  }
  if (!o.claimants.empty()) {
    KB_TRY(resolve_role(o.claimants, Role::claimant, EntityKind::organisation, e, store, notes));
    if (std::find(e.tags.begin(), e.tags.end(), "claimed") == e.tags.end()) {
      e.tags.emplace_back("claimed");
    }
  }
  if (o.quote && !o.source) {
    return fail(Errc::invalid_argument, "--quote needs --source URL");
  }
  if (o.source) {
    KB_ASSIGN(Id source_id, store.source_for_url(*o.source));
    Citation c;
    c.source_id = source_id;
    c.quote = o.quote.value_or("");
    e.citations.push_back(std::move(c));
  }
  return ok();
}

}  // namespace kb::cli
