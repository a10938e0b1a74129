// dump_store / restore_store: KbDump from and to a Repository (see dump.hpp).

#include "services/dump.hpp"

#include <algorithm>
#include <set>

namespace kb::services {
namespace {

// Keeps only the records that `dump.events` need.
void keep_referenced(KbDump& dump) {
  std::set<Id> events, sources, entities;
  for (const auto& e : dump.events) {
    events.insert(e.id);
    for (const auto& c : e.citations) {
      sources.insert(c.source_id);
    }
    for (const auto& p : e.participants) {
      entities.insert(p.entity_id);
    }
  }
  std::erase_if(dump.links, [&](const DumpLink& l) {
    return events.count(l.from) == 0 || events.count(l.to) == 0;
  });
  // Places pull in the countries they lie in (and those theirs), so imports keep them.
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& n : dump.entities) {
      if (entities.count(n.id) != 0 && n.country_id && entities.insert(*n.country_id).second) {
        grew = true;
      }
    }
  }
  std::erase_if(dump.entities, [&](const Entity& n) { return entities.count(n.id) == 0; });
  std::erase_if(dump.sources, [&](const Source& s) { return sources.count(s.id) == 0; });
}

}  // namespace

Result<std::vector<Id>> changed_events(Repository& store, const ChangesSince& since) {
  KB_ASSIGN(const auto changed, store.events_changed_since(since));
  std::set<Id> out(changed.begin(), changed.end());
  for (const Id id : changed) {
    KB_ASSIGN(const auto links, store.links_of(id));
    for (const auto& l : links) {
      out.insert(l.from);
      out.insert(l.to);
    }
  }
  return std::vector<Id>(out.begin(), out.end());
}

Result<KbDump> dump_store(Repository& store, const std::optional<std::vector<Id>>& only_events) {
  KbDump dump;
  KB_ASSIGN(dump.entities, store.entities());
  std::sort(dump.entities.begin(), dump.entities.end(),
            [](const Entity& a, const Entity& b) { return a.id < b.id; });
  KB_ASSIGN(auto sources, store.sources(true));
  for (auto& s : sources) {
    dump.sources.push_back(std::move(s.source));
  }
  TimelineQuery all;
  all.include_merged = true;  // every event with only its own details, merges kept as data
  KB_ASSIGN(dump.events, store.timeline(all));
  if (only_events) {
    const std::set<Id> keep(only_events->begin(), only_events->end());
    std::erase_if(dump.events, [&](const Event& e) { return keep.count(e.id) == 0; });
  }
  std::sort(dump.events.begin(), dump.events.end(),
            [](const Event& a, const Event& b) { return a.id < b.id; });
  for (auto& e : dump.events) {
    e.links.clear();
    std::sort(e.citations.begin(), e.citations.end(),
              [](const Citation& a, const Citation& b) { return a.id < b.id; });
  }
  KB_ASSIGN(dump.links, store.links());
  if (only_events) {
    keep_referenced(dump);
  }
  return dump;
}

Result<bool> store_is_empty(Repository& store) { return store.is_empty(); }

Result<void> restore_store(Repository& store, const KbDump& dump) { return store.restore(dump); }

}  // namespace kb::services
