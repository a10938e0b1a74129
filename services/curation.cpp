// Curation of entities: see curation.hpp.
#include "services/curation.hpp"

#include <charconv>

#include <fmt/format.h>

#include "services/extraction.hpp"
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

}  // namespace kb::services
