// Cross-references of entities and events, on top of Repository's reads.

#include "services/xref.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

namespace kb::services {
namespace {

constexpr int kDuplicateSlackDays = 7;
constexpr std::size_t kNearbyLimit = 500;
constexpr double kDuplicateThreshold = 0.3;
constexpr std::size_t kRelatedLimit = 50;

bool by_date(const Event& a, const Event& b) {
  if (a.date.first() != b.date.first()) {
    return a.date.first() < b.date.first();
  }
  if (a.date.last() != b.date.last()) {
    return a.date.last() < b.date.last();
  }
  return a.id < b.id;
}

// Lower-case words of three or more letters, without a few English function words.
std::set<std::string> words(std::string_view text) {
  static constexpr auto kStopWords = std::to_array<std::string_view>({
#include "lexicon/services/xref_stop_words.inc"
  });
  std::set<std::string> out;
  std::string w;
  auto flush = [&] {
    if (w.size() >= 3 && std::find(kStopWords.begin(), kStopWords.end(), w) == kStopWords.end()) {
      out.insert(w);
    }
    w.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) != 0) {
      w += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) {
    return 0;
  }
  std::size_t shared = 0;
  for (const auto& w : a) {
    shared += b.count(w);
  }
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

Result<std::vector<EntityEvent>> events_of(Repository& store, Id id, const XrefWindow& w) {
  KB_ASSIGN(auto roles, store.roles_of_entity(id));
  std::vector<EntityEvent> out;
  for (auto& [event_id, r] : roles) {
    KB_ASSIGN(Event e, store.event(event_id));
    if (in_window(e, w)) {
      out.push_back(
          EntityEvent{w.as_of ? as_known_on(std::move(e), *w.as_of) : std::move(e), std::move(r)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const EntityEvent& a, const EntityEvent& b) { return by_date(a.event, b.event); });
  return out;
}

std::vector<Companion> companions_of(Id id, const std::vector<EntityEvent>& events,
                                     std::size_t limit) {
  std::map<Id, Companion> found;
  for (const auto& ee : events) {
    std::set<Id> seen;
    for (const auto& p : ee.event.participants) {
      if (p.entity_id == id || !seen.insert(p.entity_id).second) {
        continue;
      }
      auto [it, inserted] = found.try_emplace(p.entity_id);
      Companion& c = it->second;
      if (inserted) {
        c = Companion{p.entity_id, p.name, p.kind, 0, ee.event.date, ee.event.date};
      }
      ++c.events;
      c.first = std::min(c.first, ee.event.date);
      c.last = std::max(c.last, ee.event.date);
    }
  }
  std::vector<Companion> out;
  out.reserve(found.size());
  for (auto& [_, c] : found) {
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Companion& a, const Companion& b) {
    return a.events != b.events ? a.events > b.events : a.name < b.name;
  });
  if (limit > 0 && out.size() > limit) {
    out.resize(limit);
  }
  return out;
}

std::vector<CitedSource> sources_of(const std::vector<EntityEvent>& events) {
  std::map<Id, CitedSource> found;
  for (const auto& ee : events) {
    std::set<Id> seen;
    for (const auto& c : ee.event.citations) {
      if (!seen.insert(c.source_id).second) {
        continue;
      }
      auto [it, inserted] = found.try_emplace(c.source_id);
      if (inserted) {
        it->second = CitedSource{
            c.source_id, c.url, c.source_title, c.publisher, c.original_publisher, c.published, 0};
      }
      ++it->second.events;
    }
  }
  std::vector<CitedSource> out;
  out.reserve(found.size());
  for (auto& [_, s] : found) {
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const CitedSource& a, const CitedSource& b) {
    return a.published.value_or("~") < b.published.value_or("~");
  });
  return out;
}

Result<std::vector<DuplicateCandidate>> duplicates_of(Repository& store, const Event& e,
                                                      const XrefWindow& w) {
  KB_ASSIGN(const auto ids, store.events_overlapping(
                                e.id, e.date.first() - date::days{kDuplicateSlackDays},
                                e.date.last() + date::days{kDuplicateSlackDays}, kNearbyLimit));
  std::vector<DuplicateCandidate> out;
  for (Id id : ids) {
    KB_ASSIGN(Event other, store.event(id));
    if (!in_window(other, XrefWindow{std::nullopt, std::nullopt, w.as_of})) {
      continue;
    }
    const double score = duplicate_score(e, other);
    if (score >= kDuplicateThreshold) {
      out.push_back(DuplicateCandidate{other.id, other.title, other.date, score});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  return out;
}

}  // namespace

bool known_as_of(const Event& e, date::sys_days day) {
  const std::string iso = iso_day(day);
  if (e.origin == Origin::manual && e.recorded_at.substr(0, 10) <= iso) {
    return true;
  }
  return std::any_of(e.citations.begin(), e.citations.end(), [&](const Citation& c) {
    return c.published && c.published->size() >= 10 && c.published->substr(0, 10) <= iso;
  });
}

Event as_known_on(Event e, date::sys_days day) {
  const std::string iso = iso_day(day);
  std::erase_if(e.citations,
                [&](const Citation& c) { return c.published && c.published->substr(0, 10) > iso; });
  return e;
}

bool in_window(const Event& e, const XrefWindow& w) {
  if (w.from && e.date.last() < w.from->first()) {
    return false;
  }
  if (w.to && e.date.first() > w.to->last()) {
    return false;
  }
  return !w.as_of || known_as_of(e, *w.as_of);
}

double duplicate_score(const Event& a, const Event& b) {
  const double title = jaccard(words(a.title), words(b.title));
  std::set<Id> ea, eb;
  for (const auto& p : a.participants) {
    ea.insert(p.entity_id);
  }
  for (const auto& p : b.participants) {
    eb.insert(p.entity_id);
  }
  std::size_t shared = 0;
  for (Id id : ea) {
    shared += eb.count(id);
  }
  const std::size_t all = ea.size() + eb.size() - shared;
  const double entities = all == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(all);
  const double kind = a.kind == b.kind && a.kind != EventKind::other ? 1.0 : 0.0;
  return 0.55 * title + 0.3 * entities + 0.15 * kind;
}

Result<EntityXref> entity_xref(Repository& store, Id id, const XrefWindow& w,
                               std::size_t companions) {
  EntityXref x;
  KB_ASSIGN(x.entity, store.entity(id));
  KB_ASSIGN(x.events, events_of(store, id, w));
  x.companions = companions_of(id, x.events, companions);
  x.sources = sources_of(x.events);
  return x;
}

Result<EventXref> event_xref(Repository& store, Id id, const XrefWindow& w, int window_days) {
  EventXref x;
  KB_ASSIGN(x.event, store.event(id));
  if (w.as_of) {
    x.event = as_known_on(std::move(x.event), *w.as_of);
  }
  KB_ASSIGN(auto related, store.related_events(id, window_days, kRelatedLimit));
  for (auto& r : related) {
    KB_ASSIGN(Event other, store.event(r.id));
    if (in_window(other, w)) {
      x.related.push_back(std::move(r));
    }
  }
  std::vector<LinkRef> links;
  for (auto& l : x.event.links) {
    KB_ASSIGN(Event other, store.event(l.other_id));
    if (!w.as_of || known_as_of(other, *w.as_of)) {
      links.push_back(std::move(l));
    }
  }
  x.event.links = std::move(links);
  KB_ASSIGN(x.duplicates, duplicates_of(store, x.event, w));
  return x;
}

}  // namespace kb::services
