// Events entered and corrected by hand: see event_edit.hpp.

#include "services/event_edit.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "importers/timex/tagger.hpp"
#include "services/curation.hpp"
#include "services/entities.hpp"
#include "services/extraction.hpp"
#include "services/identity.hpp"
#include "services/oplog.hpp"

namespace kb::services {
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
                          Event& e, Repository& store, GazetteerOnDemand& gazetteer,
                          std::vector<std::string>& notes) {
  std::erase_if(e.participants, [role](const Participant& p) { return p.role == role; });
  for (const auto& spec : names) {
    const NamedKind named = split_kind(spec, fallback);
    if (named.name.find_first_not_of(' ') == std::string::npos) {
      return fail(Errc::invalid_argument, fmt::format("empty {} name", to_string(role)));
    }
    bool created = false;
    std::optional<Id> known;
    if (!named.explicit_kind) {
      // A name the KB lacks but kb's gazetteer knows is that entity ("Ukraine" the country,
      // "Kharkiv" a place in Ukraine), not a new organisation.
      KB_ASSIGN(const auto stored, store.lookup_entities(named.name));
      if (stored.empty()) {
        if (const auto p = gazetteer.find(named.name)) {
          KB_ASSIGN(known, resolve_participant(store, *p, &created));
          if (created) {
            notes.push_back(fmt::format("new {} '{}' (#{}{}) from kb's gazetteer",
                                        to_string(p->kind), p->name, *known,
                                        p->country ? ", in " + *p->country : ""));
            created = false;
          }
        }
      }
    }
    Id id = 0;
    if (known) {
      id = *known;
    } else {
      KB_ASSIGN(const auto found, find_entity(store, named.name, named.kind, named.explicit_kind));
      if (found) {
        id = *found;
      } else {
        Entity fresh;
        fresh.name = named.name;
        fresh.kind = named.kind;
        KB_ASSIGN(id, store.add_entity(fresh));
        created = true;
      }
    }
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

// Whether `s` is a calendar day written YYYY-MM-DD.
bool iso_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
      return false;
    }
  }
  const auto num = [&](std::size_t at, std::size_t n) {
    unsigned v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      v = v * 10 + static_cast<unsigned>(s[i] - '0');
    }
    return v;
  };
  return date::year_month_day{date::year{static_cast<int>(num(0, 4))}, date::month{num(5, 2)},
                              date::day{num(8, 2)}}
      .ok();
}

// The source the options name, if any: a stored one (--source-id), a new one described by
// --source-title/--source-publisher/--source-date (with --source as its URL; the same
// description again is the same source, and a URL already stored is that source), or the
// source of a URL alone (--source).
Result<std::optional<Id>> source_of(const EventFields& o, Repository& store,
                                    std::vector<std::string>& notes) {
  const bool described = o.source_title || o.source_publisher || o.source_date;
  if (o.source_id) {
    if (o.source || described) {
      return fail(Errc::invalid_argument,
                  "--source-id names a stored source: give no --source, --source-title, "
                  "--source-publisher or --source-date with it");
    }
    KB_ASSIGN(const Id id, resolve_ref(store, RecordKind::source, *o.source_id));
    KB_TRY(store.source(id));  // not_found names the number
    return std::optional<Id>(id);
  }
  if (!described) {
    if (!o.source) {
      return std::optional<Id>();
    }
    KB_ASSIGN(const Id id, store.source_for_url(*o.source));
    return std::optional<Id>(id);
  }
  if (!o.source_title || o.source_title->find_first_not_of(' ') == std::string::npos) {
    return fail(Errc::invalid_argument,
                "a new source needs --source-title (with --source-publisher, --source-date and "
                "--source URL as known)");
  }
  if (o.source_date && !iso_day(*o.source_date)) {
    return fail(Errc::invalid_argument,
                fmt::format("--source-date '{}': expected a day as YYYY-MM-DD", *o.source_date));
  }
  Source s;
  s.url = o.source;
  s.title = *o.source_title;
  s.publisher = o.source_publisher;
  s.published = o.source_date;
  s.content_hash = fmt::format("hand:{}\n{}\n{}\n{}", o.source.value_or(""), s.title,
                               o.source_publisher.value_or(""), o.source_date.value_or(""));
  KB_ASSIGN(const auto same, store.find_source_by_hash(s.content_hash));
  if (same) {
    return same;
  }
  if (o.source) {
    KB_ASSIGN(const auto stored, store.find_source_by_url(*o.source));
    if (stored) {
      notes.push_back(fmt::format("source #{} already has the URL {}: cited as it is stored",
                                  *stored, *o.source));
      return stored;
    }
  }
  KB_ASSIGN(const Id id, store.add_source(s));
  return std::optional<Id>(id);
}

Result<void> apply_date(const EventFields& o, Event& e, date::sys_days today) {
  if (!o.date && !o.end) {
    return ok();
  }
  KB_ASSIGN(FuzzyDate start,
            o.date ? timex::resolve_expression(*o.date, today) : Result<FuzzyDate>(e.date));
  if (o.date) {
    e.date_text = *o.date;
  }
  if (!o.end) {
    e.date = start;
    return ok();
  }
  KB_ASSIGN(FuzzyDate end, timex::resolve_expression(*o.end, today));
  if (end.last() < start.first()) {
    return fail(Errc::invalid_argument,
                fmt::format("--end {} comes before --date {}", end.display(), start.display()));
  }
  KB_ASSIGN(e.date, FuzzyDate::from_timex(fmt::format("{}/{}", start.timex(), end.timex())));
  e.date_text = fmt::format("{} – {}", o.date.value_or(start.display()), *o.end);
  return ok();
}

Result<void> apply_changes(const EventFields& o, Event& e, Repository& store, date::sys_days today,
                           GazetteerOnDemand& gazetteer, std::vector<std::string>& notes) {
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
  KB_TRY(apply_date(o, e, today));
  if (!o.actors.empty()) {
    KB_TRY(
        resolve_role(o.actors, Role::actor, EntityKind::organisation, e, store, gazetteer, notes));
  }
  if (!o.targets.empty()) {
    KB_TRY(resolve_role(o.targets, Role::target, EntityKind::organisation, e, store, gazetteer,
                        notes));
  }
  if (!o.places.empty()) {
    KB_TRY(resolve_role(o.places, Role::location, EntityKind::place, e, store, gazetteer, notes));
  }
  if (!o.tags.empty()) {
    e.tags = o.tags;
  }
  if (!o.claimants.empty()) {
    KB_TRY(resolve_role(o.claimants, Role::claimant, EntityKind::organisation, e, store, gazetteer,
                        notes));
    if (std::find(e.tags.begin(), e.tags.end(), "claimed") == e.tags.end()) {
      e.tags.emplace_back("claimed");
    }
  }
  KB_ASSIGN(const std::optional<Id> source_id, source_of(o, store, notes));
  if (o.quote && !source_id) {
    return fail(Errc::invalid_argument,
                "--quote needs a source: --source URL, --source-id N or --source-title TITLE");
  }
  if (source_id) {
    Citation c;
    c.source_id = *source_id;
    c.quote = o.quote.value_or("");
    e.citations.push_back(std::move(c));
  }
  return ok();
}

}  // namespace

Result<Changed> add_event(Repository& store, const EventFields& changes, date::sys_days today,
                          const std::string& user) {
  if (!changes.date) {
    return fail(Errc::invalid_argument, "a new event needs a date");
  }
  KB_ASSIGN(Transaction tx, store.transaction());
  Changed out;
  GazetteerOnDemand gazetteer;
  Event e;
  e.origin = Origin::manual;
  OpRecorder op(user, "add");
  KB_TRY(op.mark_new_records(store));  // actors and sources it names may be new
  KB_TRY(apply_changes(changes, e, store, today, gazetteer, out.notes));
  KB_ASSIGN(e.id, store.add_event(e));
  op.set_command(fmt::format("add #{} {}", e.id, e.title));
  op.created(e.id);
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  out.events.push_back(std::move(e));
  out.changed = 1;
  return out;
}

Result<Changed> edit_events(Repository& store, const std::vector<Id>& ids,
                            const EventFields& changes, date::sys_days today,
                            const std::string& command, const std::string& user,
                            std::size_t shown) {
  if (ids.size() > 1 && changes.title) {
    return fail(Errc::invalid_argument, "a title names one event: give it to one event only");
  }
  if (ids.size() > 1 && changes.expect_revision) {
    return fail(Errc::invalid_argument,
                "an expected revision is one event's: give it to one event only");
  }
  KB_ASSIGN(Transaction tx, store.transaction());
  Changed out;
  GazetteerOnDemand gazetteer;  // loaded once, when a name the KB lacks is first looked up
  OpRecorder op(user, command);
  KB_TRY(op.mark_new_records(store));
  for (const Id id : ids) {
    KB_TRY(op.watch(store, id));
    KB_ASSIGN(Event e, store.event(id));
    // Read inside the write transaction, so no other writer can come between check and write.
    if (changes.expect_revision && *changes.expect_revision != e.revision) {
      return fail(Errc::conflict,
                  fmt::format("event #{} changed since you read it: you expected revision {}, it "
                              "is at revision {} now (see kb show {}); nothing was written",
                              id, *changes.expect_revision, e.revision, id));
    }
    const std::size_t old_citations = e.citations.size();
    KB_TRY(apply_changes(changes, e, store, today, gazetteer, out.notes));
    KB_TRY(store.update_event(e));
    for (std::size_t i = old_citations; i < e.citations.size(); ++i) {
      KB_TRY(store.add_citation(id, e.citations[i]));
    }
    KB_TRY(store.mark_curated(id));
    ++out.changed;
    if (out.events.size() < shown) {
      out.events.push_back(std::move(e));
    }
  }
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  return out;
}

}  // namespace kb::services
