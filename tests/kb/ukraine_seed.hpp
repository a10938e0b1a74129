// Test helper: a knowledge base holding the events of the reference article (Caliber.az's
// 23 May 2023 reprint of the WSJ's "Allies look to security model to aid Ukraine") plus two
// hand-entered ones, written through Store's API with a fixed clock.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "storage/sqlite/store.hpp"

namespace kb::test {

using sqlite::Store;

inline constexpr std::string_view kSeedUrl = "https://caliber.az/";

// Ids of the seed's records, by short name.
struct UkraineSeed {
  Store store;
  std::map<std::string, Id> events;
  std::map<std::string, Id> entities;
  Id source = 0;
};

// Fixed clock: 2023-05-24T09:00:00Z (so hand entries were recorded on 24 May 2023).
inline Store::Clock fixed_clock(date::sys_days day) {
  return [day] { return std::chrono::system_clock::time_point(day) + std::chrono::hours(9); };
}

inline Id seed_entity(UkraineSeed& s, const std::string& name, EntityKind kind) {
  Entity n;
  n.name = name;
  n.kind = kind;
  if (kind == EntityKind::place && s.entities.count("Ukraine") != 0 && name != "Vilnius") {
    n.country_id = s.entities.at("Ukraine");
  }
  auto id = s.store.add_entity(n);
  REQUIRE(id.has_value());
  s.entities[name] = *id;
  return *id;
}

struct SeedEvent {
  std::string key, title, date, date_text, kind;
  Status status;
  std::vector<std::pair<std::string, Role>> who;
  std::string quote;  // empty: no citation (a hand entry)
};

inline void seed_event(UkraineSeed& s, const SeedEvent& se) {
  Event e;
  e.title = se.title;
  auto d = FuzzyDate::parse(se.date);
  REQUIRE(d.has_value());
  e.date = *d;
  e.date_text = se.date_text;
  auto kind = parse_event_kind(se.kind);
  REQUIRE(kind.has_value());
  e.kind = *kind;
  e.status = se.status;
  e.origin = se.quote.empty() ? Origin::manual : Origin::imported;
  for (const auto& [name, role] : se.who) {
    const auto& n = s.store.entity(s.entities.at(name));
    REQUIRE(n.has_value());
    e.participants.push_back(Participant{n->id, n->name, n->kind, role});
  }
  if (!se.quote.empty()) {
    Citation c;
    c.source_id = s.source;
    c.quote = se.quote;
    e.citations.push_back(c);
  }
  e.tags = {"ukraine"};
  auto id = s.store.add_event(e);
  REQUIRE(id.has_value());
  s.events[se.key] = *id;
}

// Builds the seed knowledge base in memory.
inline UkraineSeed ukraine_seed() {
  auto store = Store::open_memory();
  REQUIRE(store.has_value());
  UkraineSeed s{std::move(store).value(), {}, {}, 0};
  s.store.set_clock(fixed_clock(date::sys_days{date::year{2023} / 5 / 24}));
  Source src;
  src.url = std::string(kSeedUrl);
  src.title = "WSJ: Allies look to security model to aid Ukraine in fight against Russia";
  src.publisher = "Caliber.az";
  src.original_publisher = "The Wall Street Journal";
  src.published = "2023-05-23T03:02:00Z";
  src.content_hash = "seed-article";
  auto sid = s.store.add_source(src);
  REQUIRE(sid.has_value());
  s.source = *sid;
  for (const auto& name : {"Ukraine", "Russia", "United States", "United Kingdom"}) {
    seed_entity(s, name, EntityKind::country);
  }
  seed_entity(s, "NATO", EntityKind::organisation);
  seed_entity(s, "Wagner", EntityKind::group);
  seed_entity(s, "Crimea", EntityKind::place);
  seed_entity(s, "Bakhmut", EntityKind::place);
  seed_entity(s, "Vilnius", EntityKind::place);
  using R = Role;
  const std::vector<SeedEvent> events = {
      {"assurances",
       "The US, UK and Russia give Ukraine security assurances",
       "1994",
       "1994",
       "agreement",
       Status::reported,
       {{"United States", R::actor},
        {"United Kingdom", R::actor},
        {"Russia", R::actor},
        {"Ukraine", R::target}},
       "The US helped persuade Ukraine in 1994 to give up its nuclear weapons, offering it "
       "security assurances alongside the UK and Russia."},
      {"crimea",
       "Russia annexes Crimea",
       "2014",
       "2014",
       "territorial_change",
       Status::reported,
       {{"Russia", R::actor}, {"Ukraine", R::target}, {"Crimea", R::location}},
       "Moscow violated that agreement when it annexed Crimea and moved military units into "
       "eastern Ukraine in 2014."},
      {"invasion",
       "Russia invades Ukraine",
       "February 2022",
       "February 2022",
       "attack",
       Status::reported,
       {{"Russia", R::actor}, {"Ukraine", R::target}},
       "Since Russia’s February 2022 invasion, the Ukrainian government has pushed for a path to "
       "NATO membership."},
      {"bakhmut",
       "Bakhmut falls to Wagner",
       "2023-W20-WE",
       "over the weekend",
       "territorial_change",
       Status::reported,
       {{"Wagner", R::actor}, {"Ukraine", R::target}, {"Bakhmut", R::location}},
       "But after the largely-obliterated Ukrainian city fell into the hands of the Russian "
       "mercenary group Wagner over the weekend, a broader challenge is coming into focus."},
      {"vilnius",
       "NATO summit in Vilnius",
       "July 2023",
       "July",
       "meeting",
       Status::planned,
       {{"NATO", R::actor}, {"Ukraine", R::target}, {"Vilnius", R::location}},
       "It is now gaining traction among Western allies as part of the agenda for the NATO "
       "summit in July in Vilnius, Lithuania’s capital."},
      {"wagner-bakhmut",
       "Wagner claims the capture of Bakhmut",
       "20 May 2023",
       "20 May 2023",
       "territorial_change",
       Status::disputed,
       {{"Wagner", R::actor}, {"Bakhmut", R::location}},
       ""},
  };
  for (const auto& e : events) {
    seed_event(s, e);
  }
  auto link = s.store.add_link(s.events.at("crimea"), kb::Relation::violates,
                               s.events.at("assurances"), std::nullopt);
  REQUIRE(link.has_value());
  return s;
}

}  // namespace kb::test
