// libFuzzer target for search queries: any bytes, as plain words or as FTS5 syntax (--raw), as a
// search or as a timeline topic, on a small in-memory knowledge base, must give hits or one
// error (too many words, a malformed query), never a crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "storage/sqlite/store.hpp"

namespace {

// A knowledge base with a few events and sources for the queries to match.
kb::sqlite::Store& store() {
  static kb::sqlite::Store* s = [] {
    auto opened = kb::sqlite::Store::open_memory();
    if (!opened) {
      std::abort();
    }
    auto* st = new kb::sqlite::Store(std::move(opened).value());
    const char* titles[] = {"Russia annexes Crimea", "Ceasefire agreed in Minsk",
                            "Talks on grain exports resume in Istanbul", "Shelling near Bakhmut",
                            "NATO summit in Vilnius"};
    const char* dates[] = {"2014-03-18", "2015-02", "2022-07-22", "2023-W20", "2023"};
    for (int i = 0; i < 5; ++i) {
      kb::Entity n;
      n.name = std::string("Entity ") + titles[i];
      n.kind = kb::EntityKind::country;
      auto id = st->add_entity(n);
      kb::Event e;
      e.title = titles[i];
      e.summary = "A summary that mentions talks, grain, ceasefire and Crimea.";
      e.date = kb::FuzzyDate::from_timex(dates[i]).value();
      e.tags = {"war", "talks"};
      if (id) {
        e.participants.push_back(kb::Participant{*id, n.name, n.kind, kb::Role::actor});
      }
      (void)st->add_event(e);
      kb::Source src;
      src.title = std::string("Report: ") + titles[i];
      src.url = "https://example.org/" + std::to_string(i);
      src.content_hash = "hash-" + std::to_string(i);
      src.body = std::string(titles[i]) + ", officials said on Monday in a statement.";
      (void)st->add_source(src);
    }
    return st;
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  // The first byte picks raw or plain, and search or timeline; the rest is the query.
  const bool raw = (data[0] & 1) != 0;
  const std::string query(reinterpret_cast<const char*>(data + 1), size - 1);
  auto& s = store();
  if ((data[0] & 2) == 0) {
    auto hits = s.search(query, 20, raw);
    if (hits) {
      if (hits->size() > 20) {
        std::abort();
      }
    } else if (hits.error().message.empty()) {
      std::abort();
    }
  } else {
    (void)s.match_topic(query);
    kb::TimelineQuery q;
    q.topic = query;
    q.limit = 50;
    auto events = s.timeline(q);
    if (!events && events.error().message.empty()) {
      std::abort();
    }
  }
  return 0;
}
