// Test helper shared by the PostgreSQL store tests and the engine-parity CLI tests: one small
// knowledge base written through kb::Repository, the same on every engine (fixed permanent ids).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "kb/repository.hpp"
#include "tests/test_util.hpp"

namespace kb::test {

// A fixed permanent id per record, so that both engines hold the same ones.
inline std::string uuid_of(char kind, int n) {
  return fmt::format("{:08x}-0000-4000-8000-{:012x}", static_cast<unsigned char>(kind), n);
}

// Writes the same small knowledge base into `r`: Ukraine (with Kharkiv and Kyiv in it),
// Russia, NATO; two sources (one undated); six events, one merged into another (same-as), one
// violating another, tagged, with quotes.
inline void seed(Repository& r) {
  auto tx = must(r.transaction());
  const auto entity = [&r](const std::string& name, EntityKind kind, int n,
                           std::optional<Id> country, std::vector<std::string> aliases) {
    Entity e;
    e.name = name;
    e.kind = kind;
    e.country_id = country;
    e.aliases = std::move(aliases);
    e.uuid = uuid_of('n', n);
    return must(r.add_entity(e));
  };
  const Id ukraine = entity("Ukraine", EntityKind::country, 1, std::nullopt, {"Ukr."});
  const Id russia = entity("Russia", EntityKind::country, 2, std::nullopt, {"Russian Federation"});
  const Id kharkiv = entity("Kharkiv", EntityKind::place, 3, ukraine, {"Kharkov"});
  const Id kyiv = entity("Kyiv", EntityKind::place, 4, ukraine, {"Kiev", "Київ"});
  const Id nato = entity("NATO", EntityKind::organisation, 5, std::nullopt, {});
  must(r.set_point(kyiv, 50.45, 30.5236));
  Source wsj;
  wsj.url = "https://www.wsj.com/articles/ukraine-security";
  wsj.title = "Ukraine seeks security assurances";
  wsj.publisher = "The Wall Street Journal";
  wsj.published = "2023-05-23";
  wsj.content_hash = "hash-wsj";
  wsj.body = "Kyiv wants security assurances from NATO before the Vilnius summit.";
  wsj.uuid = uuid_of('s', 1);
  const Id s1 = must(r.add_source(wsj));
  Source note;
  note.title = "Analyst note";
  note.content_hash = "hash-note";
  note.body = "Shelling of Kharkiv continued overnight.";
  note.uuid = uuid_of('s', 2);
  const Id s2 = must(r.add_source(note));
  const auto event = [&r](const std::string& title, std::string_view timex, int n,
                          std::vector<std::pair<Id, Role>> roles, EventKind kind) {
    Event e;
    e.title = title;
    e.date = must(FuzzyDate::from_timex(timex));
    e.date_text = std::string(timex);
    e.kind = kind;
    e.uuid = uuid_of('e', n);
    for (const auto& role : roles) {
      e.participants.push_back(Participant{role.first, "", EntityKind::country, role.second});
    }
    return must(r.add_event(e));
  };
  const Id memo = event("Budapest Memorandum signed", "1994-12-05", 1,
                        {{ukraine, Role::actor}, {russia, Role::actor}}, EventKind::agreement);
  const Id annex =
      event("Russia annexes Crimea", "2014-03", 2, {{russia, Role::actor}, {ukraine, Role::target}},
            EventKind::territorial_change);
  const Id shelling = event("Shelling of Kharkiv", "2022-W09", 3,
                            {{russia, Role::actor}, {kharkiv, Role::location}}, EventKind::attack);
  const Id shelling2 = event("Kharkiv shelled overnight", "2022-03-01", 4,
                             {{kharkiv, Role::location}}, EventKind::attack);
  const Id summit = event("Vilnius summit", "2023-07", 5,
                          {{nato, Role::actor}, {ukraine, Role::mentioned}}, EventKind::meeting);
  const Id kyiv_talks = event("Talks in Kyiv", "2023-05-20", 6,
                              {{ukraine, Role::actor}, {kyiv, Role::location}}, EventKind::meeting);
  Citation c1;
  c1.source_id = s1;
  c1.quote = "Kyiv wants security assurances from NATO";
  const Id cit = must(r.add_citation(summit, c1));
  Citation c2;
  c2.source_id = s2;
  c2.quote = "Shelling of Kharkiv continued overnight.";
  must(r.add_citation(shelling2, c2));
  must(r.add_citation(kyiv_talks, c1));
  must(r.add_tags(summit, {"NATO", "Security"}));
  must(r.add_tags(annex, {"crimea"}));
  must(r.add_link(annex, Relation::violates, memo, cit));
  must(r.add_link(shelling, Relation::same_as, shelling2, std::nullopt));
  must(r.mark_curated(annex));
  must(tx.commit());
}

}  // namespace kb::test
