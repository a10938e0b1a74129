// import_records(): stores what the structured readers return, one transaction per file.

#include "services/import_records.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "importers/records/kb_json.hpp"
#include "services/dump.hpp"

namespace kb::services {
namespace {

Result<std::optional<Id>> same_event(Repository& store, const Event& e) {
  return store.find_event(e.title, e.date);
}

// The entity called `name` (of `kind` when several share the name), created when missing.
Result<Id> entity_named(Repository& store, const Entity& wanted, RecordImportSummary& sum) {
  KB_ASSIGN(auto found, store.lookup_entities(wanted.name));
  for (const auto& n : found) {
    if (n.kind == wanted.kind) {
      return n.id;
    }
  }
  if (!found.empty()) {
    return found.front().id;
  }
  ++sum.entities;
  return store.add_entity(wanted);
}

Result<Id> source_for(Repository& store, const importers::RecordSource& rs, std::string_view origin,
                      RecordImportSummary& sum) {
  KB_ASSIGN(auto existing,
            rs.url ? store.find_source_by_url(*rs.url) : store.find_source_by_hash(rs.key));
  if (existing) {
    return *existing;
  }
  Source s;
  s.url = rs.url;
  s.title = rs.title;
  s.publisher = rs.publisher;
  s.original_publisher = rs.original_publisher;
  s.published = rs.published;
  s.content_hash = rs.key;
  s.origin = std::string(origin);
  ++sum.sources;
  return store.add_source(s);
}

Result<void> store_record(Repository& store, const importers::RecordEvent& r,
                          std::string_view origin, RecordImportSummary& sum) {
  KB_ASSIGN(auto same, same_event(store, r.event));
  if (same) {
    ++sum.existing;
    return ok();
  }
  Event e = r.event;
  for (const auto& n : r.entities) {
    Entity wanted;
    wanted.name = n.name;
    wanted.kind = n.kind;
    wanted.description = n.description;
    if (n.country) {
      Entity country{0, *n.country, EntityKind::country, {}, {}, {}, {}, {}};
      KB_ASSIGN(wanted.country_id, entity_named(store, country, sum));
    }
    KB_ASSIGN(Id id, entity_named(store, wanted, sum));
    e.participants.push_back(Participant{id, n.name, n.kind, n.role});
  }
  if (r.source) {
    Citation c;
    KB_ASSIGN(c.source_id, source_for(store, *r.source, origin, sum));
    c.quote = r.quote;
    e.citations.push_back(std::move(c));
  }
  KB_TRY(store.add_event(e));
  ++sum.events;
  return ok();
}

Result<void> import_csv(Repository& store, std::string_view content, std::string_view origin,
                        RecordFormat format, bool strict, const SkipReporter& skipped,
                        RecordImportSummary& sum) {
  auto read = format == RecordFormat::acled_csv ? importers::read_acled_csv(content)
                                                : importers::read_analyst_csv(content);
  if (!read) {  // "line 7: a quoted field is never closed": say which file
    return fail(read.error().code, fmt::format("{}: {}", origin, read.error().message));
  }
  importers::RecordBatch batch = std::move(read).value();
  if (strict && !batch.warnings.empty()) {
    const auto& w = batch.warnings.front();
    return fail(Errc::invalid_argument,
                fmt::format("{}:{}: {} (--strict: nothing imported from this file)", origin, w.line,
                            w.message));
  }
  if (skipped) {
    for (const auto& w : batch.warnings) {
      skipped(w);
    }
  }
  sum.warnings = std::move(batch.warnings);
  for (const auto& r : batch.events) {
    auto stored = store_record(store, r, origin, sum);
    if (!stored) {
      return fail(stored.error().code,
                  fmt::format("{}:{}: {}", origin, r.line, stored.error().message));
    }
  }
  return ok();
}

// Merges a kb JSON dump into a knowledge base that already holds records: new ids throughout.
Result<void> merge_dump(Repository& store, const KbDump& dump, RecordImportSummary& sum) {
  std::map<Id, Id> entities, sources, events, citations;
  for (int pass = 0; pass < 2; ++pass) {  // places after the countries they lie in
    for (const auto& n : dump.entities) {
      if (n.country_id.has_value() != (pass == 1)) {
        continue;
      }
      Entity e = n;
      e.country_id = n.country_id && entities.count(*n.country_id) != 0
                         ? std::optional<Id>(entities[*n.country_id])
                         : std::nullopt;
      KB_ASSIGN(entities[n.id], entity_named(store, e, sum));
      for (const auto& a : n.aliases) {
        KB_TRY(store.add_alias(entities[n.id], a));
      }
    }
  }
  for (const auto& s : dump.sources) {
    KB_ASSIGN(auto existing, store.find_source_by_hash(s.content_hash));
    if (!existing) {
      ++sum.sources;
    }
    KB_ASSIGN(sources[s.id], existing ? Result<Id>(*existing) : store.add_source(s));
  }
  for (const auto& d : dump.events) {
    KB_ASSIGN(auto same, same_event(store, d));
    if (same) {
      events[d.id] = *same;
      ++sum.existing;
      continue;
    }
    Event e = d;
    e.citations.clear();
    for (auto& p : e.participants) {
      p.entity_id = entities.at(p.entity_id);
    }
    KB_ASSIGN(events[d.id], store.add_event(e));
    ++sum.events;
    for (Citation c : d.citations) {
      c.source_id = sources.at(c.source_id);
      KB_ASSIGN(citations[c.id], store.add_citation(events[d.id], c));
    }
  }
  for (const auto& l : dump.links) {
    std::optional<Id> cite;
    if (l.citation_id && citations.count(*l.citation_id) != 0) {
      cite = citations[*l.citation_id];
    }
    auto added = store.add_link(events.at(l.from), l.relation, events.at(l.to), cite);
    if (added) {
      ++sum.links;
    } else if (added.error().code != Errc::conflict) {
      return std::move(added).error();
    }
  }
  return ok();
}

// Every id a dump refers to must be in it, so merge_dump's lookups cannot miss.
Result<void> check_references(const KbDump& dump) {
  std::map<Id, int> entities, sources, events;
  for (const auto& n : dump.entities) {
    entities[n.id] = 1;
  }
  for (const auto& s : dump.sources) {
    sources[s.id] = 1;
  }
  for (const auto& e : dump.events) {
    events[e.id] = 1;
  }
  for (const auto& e : dump.events) {
    for (const auto& p : e.participants) {
      if (entities.count(p.entity_id) == 0) {
        return fail(Errc::parse,
                    fmt::format("kb JSON: event {} names unknown entity {}", e.id, p.entity_id));
      }
    }
    for (const auto& c : e.citations) {
      if (sources.count(c.source_id) == 0) {
        return fail(Errc::parse,
                    fmt::format("kb JSON: event {} cites unknown source {}", e.id, c.source_id));
      }
    }
  }
  for (const auto& l : dump.links) {
    if (events.count(l.from) == 0 || events.count(l.to) == 0) {
      return fail(Errc::parse, fmt::format("kb JSON: link {} joins unknown events", l.id));
    }
  }
  return ok();
}

Result<void> import_kb_json(Repository& store, std::string_view content, std::string_view origin,
                            RecordImportSummary& sum) {
  auto read = importers::read_kb_json(content);
  if (!read) {  // "kb JSON: events[3].date: ...": say which file
    return fail(read.error().code, fmt::format("{}: {}", origin, read.error().message));
  }
  const KbDump dump = std::move(read).value();
  if (auto checked = check_references(dump); !checked) {
    return fail(checked.error().code, fmt::format("{}: {}", origin, checked.error().message));
  }
  KB_ASSIGN(bool empty, store_is_empty(store));
  if (!empty) {
    return merge_dump(store, dump, sum);
  }
  KB_TRY(restore_store(store, dump));
  sum.verbatim = true;
  sum.events = dump.events.size();
  sum.entities = dump.entities.size();
  sum.sources = dump.sources.size();
  sum.links = dump.links.size();
  return ok();
}

}  // namespace

std::optional<RecordFormat> sniff_record_format(std::string_view content) {
  if (importers::looks_like_kb_json(content)) {
    return RecordFormat::kb_json;
  }
  if (importers::looks_like_acled_csv(content)) {
    return RecordFormat::acled_csv;
  }
  if (importers::looks_like_analyst_csv(content)) {
    return RecordFormat::analyst_csv;
  }
  return std::nullopt;
}

Result<RecordImportSummary> import_records(Repository& store, std::string_view content,
                                           std::string_view origin, RecordFormat format,
                                           bool strict, const SkipReporter& skipped) {
  RecordImportSummary sum;
  KB_ASSIGN(Transaction tx, store.transaction());
  if (format == RecordFormat::kb_json) {
    KB_TRY(import_kb_json(store, content, origin, sum));
  } else {
    KB_TRY(import_csv(store, content, origin, format, strict, skipped, sum));
  }
  KB_TRY(tx.commit());
  return sum;
}

}  // namespace kb::services
