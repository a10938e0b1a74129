// Curation of entities: see curation.hpp.
#include "services/curation.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

#include "services/extraction.hpp"
#include "services/identity.hpp"
#include "services/oplog.hpp"

namespace kb::services {

Result<Entity> entity_by_ref(Repository& store, std::string_view ref) {
  if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string_view::npos) {
    Id id = 0;
    const auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
    if (ec != std::errc() || end != ref.data() + ref.size()) {
      return fail(Errc::not_found, fmt::format("no entity with id {}", ref));
    }
    return store.entity(id);
  }
  KB_ASSIGN(auto found, store.lookup_entities(ref));
  if (found.empty()) {
    return fail(Errc::not_found, fmt::format("no entity named '{}'", ref));
  }
  if (found.size() > 1) {
    std::string list;
    for (const auto& e : found) {
      list += fmt::format(" #{} {} ({})", e.id, e.name, to_string(e.kind));
    }
    return fail(Errc::invalid_argument,
                fmt::format("'{}' names several entities:{}; use an id", ref, list));
  }
  return found.front();
}

std::optional<importers::extract::ExtractedParticipant> GazetteerOnDemand::find(
    std::string_view name, std::optional<EntityKind> kind) {
  if (!tried_) {
    tried_ = true;
    if (auto dir = importers::find_data_dir()) {
      if (auto g = importers::load_gazetteer(*dir)) {
        gazetteer_ = std::move(g).value();
      }
    }
  }
  if (!gazetteer_) {
    return std::nullopt;
  }
  const auto at = gazetteer_->find(name, kind);
  if (!at) {
    return std::nullopt;
  }
  const importers::NamedEntity& n = gazetteer_->entities()[*at];
  importers::extract::ExtractedParticipant p;
  p.name = n.name;
  p.kind = n.kind;
  p.description = n.description;
  if (!n.wikidata.empty()) {
    p.wikidata = n.wikidata;
  }
  p.aliases = n.aliases;
  if (n.kind != EntityKind::country && !n.country.empty()) {
    for (const importers::NamedEntity& c : gazetteer_->entities()) {
      if (c.kind == EntityKind::country && c.country == n.country) {
        p.country = c.name;
        break;
      }
    }
  }
  return p;
}

Result<std::optional<Id>> store_known_entity(Repository& store, std::string_view name,
                                             std::optional<EntityKind> kind, bool* created) {
  GazetteerOnDemand gazetteer;
  const auto p = gazetteer.find(name, kind);
  if (!p) {
    return std::optional<Id>();
  }
  KB_ASSIGN(const Id id, resolve_participant(store, *p, created));
  return std::optional<Id>(id);
}

Result<void> check_wikidata(const std::optional<std::string>& wikidata) {
  if (wikidata && (wikidata->size() < 2 || (*wikidata)[0] != 'Q' ||
                   wikidata->find_first_not_of("0123456789", 1) != std::string::npos)) {
    return fail(Errc::invalid_argument, fmt::format("not a Wikidata id: '{}'", *wikidata));
  }
  return ok();
}

Result<Entity> add_entity(Repository& store, const NewEntity& wanted, const std::string& user) {
  KB_TRY(check_wikidata(wanted.entity.wikidata));
  KB_ASSIGN(Transaction tx, store.transaction());
  OpRecorder op(user, fmt::format("entity add {}", wanted.entity.name));
  KB_TRY(op.mark_new_records(store));  // the entity, and a country the gazetteer gave
  Entity e = wanted.entity;
  if (wanted.in) {
    auto country = entity_by_ref(store, *wanted.in);
    if (!country && country.error().code == Errc::not_found) {
      // A country the KB has not met yet but kb's gazetteer knows ("--in Ukraine").
      KB_ASSIGN(const auto known,
                store_known_entity(store, *wanted.in, EntityKind::country, nullptr));
      if (known) {
        country = store.entity(*known);
      }
    }
    if (!country) {
      return country.error();
    }
    e.country_id = country->id;
  }
  KB_ASSIGN(e.id, store.add_entity(e));
  op.set_command(fmt::format("entity add #{} {}", e.id, e.name));
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  return e;
}

Result<Entity> add_aliases(Repository& store, std::string_view ref,
                           const std::vector<std::string>& aliases, const std::string& user) {
  KB_ASSIGN(Transaction tx, store.transaction());
  KB_ASSIGN(const Entity e, entity_by_ref(store, ref));
  OpRecorder op(user,
                fmt::format("entity alias #{} {}: {}", e.id, e.name, fmt::join(aliases, ", ")));
  KB_TRY(op.watch_entity(store, e.id));
  for (const auto& alias : aliases) {
    KB_TRY(store.add_alias(e.id, alias));
  }
  KB_ASSIGN(Entity updated, store.entity(e.id));
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  return updated;
}

Result<Entity> set_point(Repository& store, std::string_view ref, double latitude, double longitude,
                         const std::string& user) {
  KB_ASSIGN(Transaction tx, store.transaction());
  KB_ASSIGN(Entity e, entity_by_ref(store, ref));
  if (e.kind != EntityKind::place) {
    return fail(Errc::invalid_argument, fmt::format("#{} {} is a {}: only places have a point",
                                                    e.id, e.name, to_string(e.kind)));
  }
  OpRecorder op(user,
                fmt::format("entity point #{} {}: {}, {}", e.id, e.name, latitude, longitude));
  KB_TRY(op.watch_entity(store, e.id));
  KB_TRY(store.set_point(e.id, latitude, longitude));
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  e.latitude = latitude;
  e.longitude = longitude;
  return e;
}

Result<Merged> merge_entities(Repository& store, std::string_view keep, std::string_view drop,
                              const std::string& user) {
  KB_ASSIGN(Transaction tx, store.transaction());
  Merged m;
  KB_ASSIGN(m.kept, entity_by_ref(store, keep));
  KB_ASSIGN(m.dropped, entity_by_ref(store, drop));
  OpRecorder op(user, fmt::format("entity merge #{} {} into #{} {}", m.dropped.id, m.dropped.name,
                                  m.kept.id, m.kept.name));
  KB_TRY(op.watch_entity_merge(store, m.kept.id, m.dropped.id));
  KB_TRY(store.merge_entities(m.kept.id, m.dropped.id));
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  return m;
}

namespace {

// Relations that hold one way only: "A caused B" excludes "B caused A".
constexpr std::array<Relation, 5> kOneWay = {Relation::violates, Relation::responds_to,
                                             Relation::part_of, Relation::caused,
                                             Relation::precedes};

// Whether `a RELATION b` can hold beside what the knowledge base already says: a one-way
// relation is refused when its reverse is stated, and `precedes` when `a` starts after `b` ends
// (issue #12: both directions of "caused" were accepted).
Result<void> check_relation(Repository& store, const Event& a, Relation relation, const Event& b) {
  if (std::find(kOneWay.begin(), kOneWay.end(), relation) == kOneWay.end()) {
    return ok();
  }
  KB_ASSIGN(const auto links, store.links_of(a.id));
  for (const DumpLink& l : links) {
    if (l.from == b.id && l.to == a.id && l.relation == relation) {
      return fail(Errc::conflict,
                  fmt::format("event {} already {} event {}: the reverse cannot hold too "
                              "(kb unlink {} {} {} first)",
                              b.id, to_string(relation), a.id, b.id, to_string(relation), a.id));
    }
  }
  if (relation == Relation::precedes && a.date.first() > b.date.last()) {
    return fail(Errc::invalid_argument,
                fmt::format("event {} ({}) cannot precede event {} ({}): it starts after that ends",
                            a.id, a.date.display(), b.id, b.date.display()));
  }
  return ok();
}

}  // namespace

Result<Linked> link_events(Repository& store, const LinkRequest& link, const std::string& user) {
  if (link.quote && !link.source) {
    return fail(Errc::invalid_argument, "--quote needs --source URL");
  }
  KB_ASSIGN(Transaction tx, store.transaction());
  // Both events must exist before a citation is attached to `from`: otherwise an unknown id
  // surfaces as a foreign-key failure instead of "no event with id N".
  KB_ASSIGN(const Id from, resolve_ref(store, RecordKind::event, link.from));
  KB_ASSIGN(const Id to, resolve_ref(store, RecordKind::event, link.to));
  Linked out;
  KB_ASSIGN(out.from, store.event(from));
  KB_ASSIGN(out.to, store.event(to));
  KB_TRY(check_relation(store, out.from, link.relation, out.to));
  OpRecorder op(user, fmt::format("link #{} {} #{}", from, to_string(link.relation), to));
  KB_TRY(op.watch(store, from));
  KB_TRY(op.watch(store, to));
  KB_TRY(op.watch_merged(store, to));  // a same-as merge moves them on to `from`
  KB_TRY(op.mark_new_records(store));  // --source may be new
  std::optional<Id> citation;
  if (link.source) {
    KB_ASSIGN(Id source_id, store.source_for_url(*link.source));
    Citation c;
    c.source_id = source_id;
    c.quote = link.quote.value_or("");
    KB_ASSIGN(citation, store.add_citation(from, c));
  }
  KB_ASSIGN(const Id added, store.add_link(from, link.relation, to, citation));
  (void)added;
  KB_TRY(store.mark_curated(from));
  KB_TRY(store.mark_curated(to));
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  return out;
}

Result<std::pair<Id, Id>> unlink_events(Repository& store, std::string_view from_ref,
                                        std::string_view relation, std::string_view to_ref,
                                        const std::string& user) {
  KB_ASSIGN(Transaction tx, store.transaction());
  KB_ASSIGN(const Id from, resolve_ref(store, RecordKind::event, from_ref));
  KB_ASSIGN(const Id to, resolve_ref(store, RecordKind::event, to_ref));
  KB_ASSIGN(const Relation rel, parse_relation(relation));
  // The log keeps the relation as typed.
  OpRecorder op(user, fmt::format("unlink #{} {} #{}", from, relation, to));
  KB_TRY(op.watch(store, from));
  KB_TRY(op.watch(store, to));
  KB_TRY(store.remove_link(from, rel, to));
  KB_TRY(store.mark_curated(from));
  KB_TRY(store.mark_curated(to));
  KB_TRY(op.finish(store));
  KB_TRY(tx.commit());
  return std::pair{from, to};
}

namespace {

// Deletes event `id` (recorded in `op`): its own links change the other ends too.
Result<void> remove_one(Repository& store, Id id, OpRecorder& op) {
  KB_ASSIGN(const Event e, store.event(id));
  KB_TRY(op.watch(store, id));
  // Events merged into this one and events it links to change too.
  for (const auto& l : e.links) {
    KB_TRY(op.watch(store, l.other_id));
  }
  KB_TRY(op.watch_merged(store, id));  // also those merged through a chain, without a link
  return store.remove_event(id);
}

}  // namespace

Result<void> remove_events(Repository& store, const std::vector<Id>& ids,
                           const std::string& command, const std::string& user,
                           std::optional<std::int64_t> expect_revision) {
  if (ids.size() != 1 && expect_revision) {
    return fail(Errc::invalid_argument,
                "an expected revision is one event's: give it to one event only");
  }
  KB_ASSIGN(Transaction tx, store.transaction());
  OpRecorder op(user, command);
  if (expect_revision) {
    // Read inside the write transaction, so no other writer can come between check and delete.
    KB_ASSIGN(const Event e, store.event(ids.front()));
    if (e.revision != *expect_revision) {
      return fail(Errc::conflict,
                  fmt::format("event #{} changed since you read it: you expected revision {}, it "
                              "is at revision {} now (see kb show {}); nothing was deleted",
                              e.id, *expect_revision, e.revision, e.id));
    }
  }
  for (const Id id : ids) {
    // An earlier deletion in this run may have taken a merged event with it.
    auto removed = remove_one(store, id, op);
    if (!removed.has_value() && (ids.size() == 1 || removed.error().code != Errc::not_found)) {
      return removed.error();
    }
  }
  KB_TRY(op.finish(store));
  return tx.commit();
}

Result<Tagged> tag_events(Repository& store, const std::vector<Id>& ids,
                          const std::vector<std::string>& tags, bool add,
                          const std::string& command, const std::string& user, std::size_t shown) {
  KB_ASSIGN(Transaction tx, store.transaction());
  OpRecorder op(user, command);
  std::vector<std::string> normal;
  normal.reserve(tags.size());
  for (const auto& t : tags) {
    normal.push_back(normal_tag(t));
  }
  Tagged out;
  for (const Id event_id : ids) {
    KB_TRY(op.watch(store, event_id));
    if (add) {
      KB_TRY(store.add_tags(event_id, tags));
    } else {
      KB_ASSIGN(Event e, store.event(event_id));
      const std::size_t before = e.tags.size();
      std::erase_if(e.tags, [&](const std::string& t) {
        return std::find(normal.begin(), normal.end(), normal_tag(t)) != normal.end();
      });
      if (e.tags.size() == before) {
        continue;
      }
      KB_TRY(store.update_event(e));
    }
    KB_TRY(store.mark_curated(event_id));
    ++out.changed;
  }
  KB_TRY(op.finish(store));
  if (ids.size() <= shown) {
    for (const Id event_id : ids) {
      KB_ASSIGN(Event e, store.event(event_id));
      out.events.push_back(std::move(e));
    }
  }
  KB_TRY(tx.commit());
  return out;
}

}  // namespace kb::services
