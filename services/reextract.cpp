// reextract(): `kb extract` over what earlier extractions of a source stored. Events found again
// (the same sentence) keep their local number and permanent id; curated events are never
// rewritten or deleted, and what extraction would have changed on them is reported.

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "importers/readers/timestamps.hpp"
#include "kb/text_key.hpp"
#include "services/extraction.hpp"
#include "services/oplog.hpp"

namespace kb::services {
namespace {

namespace ex = importers::extract;

// A citation an earlier extraction of the source added, with the sentence it quotes.
struct Earlier {
  Id event_id = 0;
  Id citation_id = 0;
  bool created = false;  // that extraction created the event
  bool curated = false;
  std::string quote;
  std::string title;  // the event's, for telling apart several events of one sentence
  std::vector<Participant> participants;  // its roles before forget_extraction took the source's
  bool found = false;                     // matched by this extraction
};

// The roles as "actor Russia, target Ukraine", sorted, for comparing and showing.
Result<std::string> roles_text(Repository& store, const std::vector<std::pair<Id, Role>>& roles) {
  std::vector<std::string> out;
  for (const auto& [id, role] : roles) {
    if (role == Role::mentioned) {
      continue;
    }
    KB_ASSIGN(const Entity n, store.entity(id));
    out.push_back(fmt::format("{} {}", to_string(role), n.name));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return fmt::format("{}", fmt::join(out, ", "));
}

std::vector<std::pair<Id, Role>> roles_of(const Event& e) {
  std::vector<std::pair<Id, Role>> out;
  for (const auto& p : e.participants) {
    out.emplace_back(p.entity_id, p.role);
  }
  return out;
}

// What storing `x` over `old` would change, as "field: old -> new".
Result<std::vector<std::string>> changes(Repository& store, const Event& old,
                                         const ex::ExtractedEvent& x,
                                         const std::vector<std::pair<Id, Role>>& roles) {
  std::vector<std::string> out;
  const auto note = [&](std::string_view field, const std::string& a, const std::string& b) {
    if (a != b) {
      out.push_back(fmt::format("{}: '{}' -> '{}'", field, a, b));
    }
  };
  note("title", old.title, x.title);
  note("summary", old.summary, x.summary);
  note("date", old.date.display(), x.date.display());
  note("kind", std::string(to_string(old.kind)), std::string(to_string(x.kind)));
  note("status", std::string(to_string(old.status)), std::string(to_string(x.status)));
  KB_ASSIGN(const std::string old_roles, roles_text(store, roles_of(old)));
  KB_ASSIGN(const std::string new_roles, roles_text(store, roles));
  note("roles", old_roles, new_roles);
  return out;
}

// The earlier citation `x` repeats: one quoting the same sentence, an unmatched one of the same
// title first; else one whose title no event of this extraction has (`titles`: their
// alias_key), since such a one waits for that event (a sentence telling two happenings must
// not hand one's number to the other); nullptr when there is none.
Earlier* find_earlier(std::vector<Earlier>& earlier, const ex::ExtractedEvent& x,
                      const std::set<std::string>& titles) {
  Earlier* any = nullptr;
  for (Earlier& e : earlier) {
    if (e.found || e.quote != x.quote) {
      continue;
    }
    const std::string key = alias_key(e.title);
    if (key == alias_key(x.title)) {
      return &e;
    }
    if (any == nullptr && !titles.contains(key)) {
      any = &e;
    }
  }
  return any;
}

// What an earlier extraction made of `e`'s sentence, when `e` finds it again: the earlier
// citation (marked found) and its event as stored now; nullopt when there is none, or the
// event was neither curated nor created by that extraction, or is gone since (deleted by a
// merge of this run).
Result<std::optional<std::pair<Earlier*, Event>>> found_again(Repository& store,
                                                              std::vector<Earlier>& earlier,
                                                              const ex::ExtractedEvent& e,
                                                              const std::set<std::string>& titles) {
  using Found = std::optional<std::pair<Earlier*, Event>>;
  Earlier* match = find_earlier(earlier, e, titles);
  if (match == nullptr || (!match->curated && !match->created)) {
    return Found();
  }
  auto loaded = store.event(match->event_id);
  if (!loaded) {
    return Found();
  }
  match->found = true;
  return Found(std::make_pair(match, std::move(*loaded)));
}

// The alias keys of the titles an extraction gives.
std::set<std::string> titles_of(const ex::Extraction& x) {
  std::set<std::string> titles;
  for (const ex::ExtractedEvent& e : x.events) {
    titles.insert(alias_key(e.title));
  }
  return titles;
}

// Rewrites uncurated event `old` (created by an earlier extraction of `source_id`) with the
// machine fields of `x`, and cites it again. When other sources cite it too, its date, status,
// roles and tags only grow by what `x` adds: those sources may have refined them.
// `previous`: an earlier version of the source (the same URL), whose citations do not count as
// other sources'.
Result<StoredEventRef> rewrite(Repository& store, Event old, Id source_id,
                               const ex::ExtractedEvent& x,
                               const std::vector<std::pair<Id, Role>>& roles,
                               std::optional<Id> previous = std::nullopt) {
  const bool shared = std::any_of(
      old.citations.begin(), old.citations.end(),
      [&](const Citation& c) { return c.source_id != source_id && c.source_id != previous; });
  old.title = x.title;
  old.summary = x.summary;
  old.kind = x.kind;
  old.confidence = x.confidence;
  if (!shared) {
    old.date = x.date;
    old.date_text = x.date_text;
    old.status = x.status;
    old.participants.clear();
    old.tags = x.tags;
  } else {
    old.tags.insert(old.tags.end(), x.tags.begin(), x.tags.end());
  }
  std::vector<std::pair<ExtractionRole, bool>> given;  // with whether the event lacked it
  for (const auto& entry : roles) {
    const auto id = entry.first;
    const auto role = entry.second;
    const bool present =
        std::any_of(old.participants.begin(), old.participants.end(),
                    [&](const Participant& p) { return p.entity_id == id && p.role == role; });
    if (!present) {
      old.participants.push_back(Participant{id, "", EntityKind::country, role});
    }
    given.emplace_back(ExtractionRole{source_id, old.id, id, role}, !present);
  }
  KB_TRY(store.update_event(old));
  for (const auto& [r, added] : given) {
    KB_TRY(store.record_extraction_role(r, added));
  }
  if (!x.concept_name.empty()) {
    KB_TRY(store.set_event_concept(old.id, x.concept_name));
  }
  Citation c;
  c.source_id = source_id;
  c.quote = x.quote;
  c.quote_begin = static_cast<std::int64_t>(x.quote_begin);
  c.quote_end = static_cast<std::int64_t>(x.quote_end);
  KB_ASSIGN(const Id citation, store.add_citation(old.id, c));
  KB_TRY(store.record_extraction_citation(ExtractionCitation{citation, source_id, old.id, true}));
  return StoredEventRef{old.id, citation};
}

// What earlier extractions of source `source_id` stored: each citation with its event.
Result<std::vector<Earlier>> earlier_of(Repository& store, Id source_id) {
  std::vector<Earlier> earlier;
  {
    KB_ASSIGN(const auto cited, store.extraction_citations(source_id));
    std::map<Id, Event> events;
    for (const ExtractionCitation& c : cited) {
      auto it = events.find(c.event_id);
      if (it == events.end()) {
        KB_ASSIGN(Event e, store.event(c.event_id));
        it = events.emplace(c.event_id, std::move(e)).first;
      }
      const Event& e = it->second;
      Earlier found;
      found.event_id = c.event_id;
      found.citation_id = c.citation_id;
      found.created = c.created_event;
      found.curated = e.curated;
      found.title = e.title;
      found.participants = e.participants;
      for (const Citation& cit : e.citations) {
        if (cit.id == c.citation_id) {
          found.quote = cit.quote;
        }
      }
      earlier.push_back(std::move(found));
    }
  }
  return earlier;
}

}  // namespace

Result<ReextractReport> reextract(Repository& store, Id source_id, const ex::Extraction& x,
                                  const std::function<Result<void>(Id)>& before_change) {
  ReextractReport report;
  // What earlier extractions of the source stored, before any of it is forgotten.
  KB_ASSIGN(std::vector<Earlier> earlier, earlier_of(store, source_id));
  if (before_change) {
    for (const Earlier& e : earlier) {
      KB_TRY(before_change(e.event_id));
    }
  }
  // Uncurated events lose this source's citations and date changes; none is deleted yet, so
  // that those found again keep their numbers.
  ForgetOptions forget;
  forget.keep_curated = true;
  forget.remove_events = false;
  KB_ASSIGN(const ForgetCounts gone, forget_extraction(store, source_id, forget));
  report.citations = gone.citations;

  const std::set<std::string> titles = titles_of(x);
  StoreExtractionOptions options;
  options.before_change = before_change;
  options.before_event =
      [&](const ex::ExtractedEvent& e,
          const std::vector<std::pair<Id, Role>>& roles) -> Result<std::optional<StoredEventRef>> {
    KB_ASSIGN(auto found, found_again(store, earlier, e, titles));
    if (!found) {
      return std::optional<StoredEventRef>();
    }
    Earlier* match = found->first;
    Event* loaded = &found->second;
    Event shown = *loaded;  // compared with its roles as they were before this run
    shown.participants = match->participants;
    KB_ASSIGN(auto diff, changes(store, shown, e, roles));
    if (match->curated) {
      // Left exactly as the analyst has it; its citation from this source was kept.
      report.curated.push_back(
          EventChanges{loaded->id, loaded->uuid, loaded->title, true, std::move(diff)});
      return std::optional<StoredEventRef>(StoredEventRef{match->event_id, match->citation_id});
    }
    const std::string uuid = loaded->uuid;
    const std::string title = loaded->title;
    KB_ASSIGN(const StoredEventRef ref, rewrite(store, *loaded, source_id, e, roles));
    report.kept += 1;
    if (!diff.empty()) {
      report.updated.push_back(EventChanges{ref.event_id, uuid, title, false, std::move(diff)});
    }
    return std::optional<StoredEventRef>(ref);
  };
  KB_ASSIGN(report.stored, store_extraction(store, source_id, x, options));
  // Curated events this extraction no longer finds keep their citation: say so.
  std::set<Id> reported;
  for (const EventChanges& c : report.curated) {
    reported.insert(c.event_id);
  }
  for (const Earlier& e : earlier) {
    if (e.curated && !e.found && reported.insert(e.event_id).second) {
      KB_ASSIGN(const Event ev, store.event(e.event_id));
      report.curated.push_back(EventChanges{
          ev.id, ev.uuid, ev.title, true, {"no longer extracted from this source (kept)"}});
    }
  }
  if (before_change) {
    KB_ASSIGN(const auto unsupported, store.unsupported_imported_events());
    for (const Id id : unsupported) {
      KB_TRY(before_change(id));
    }
  }
  KB_ASSIGN(report.removed, remove_unsupported_events(store));
  return report;
}

Result<ReextractReport> extract_new_version(Repository& store, Id source_id, Id previous,
                                            const ex::Extraction& x,
                                            const StoreExtractionOptions& base) {
  ReextractReport report;
  KB_ASSIGN(std::vector<Earlier> earlier, earlier_of(store, previous));
  const std::set<std::string> titles = titles_of(x);
  StoreExtractionOptions options = base;
  options.before_event =
      [&](const ex::ExtractedEvent& e,
          const std::vector<std::pair<Id, Role>>& roles) -> Result<std::optional<StoredEventRef>> {
    KB_ASSIGN(auto found, found_again(store, earlier, e, titles));
    if (!found) {
      return std::optional<StoredEventRef>();
    }
    const bool curated = found->first->curated;
    Event* loaded = &found->second;
    if (base.before_change) {
      KB_TRY(base.before_change(loaded->id));
    }
    KB_ASSIGN(auto diff, changes(store, *loaded, e, roles));
    if (curated) {
      // Left as the analyst has it; the new version is cited as one more source.
      report.curated.push_back(
          EventChanges{loaded->id, loaded->uuid, loaded->title, true, std::move(diff)});
      Citation c;
      c.source_id = source_id;
      c.quote = e.quote;
      c.quote_begin = static_cast<std::int64_t>(e.quote_begin);
      c.quote_end = static_cast<std::int64_t>(e.quote_end);
      KB_ASSIGN(const Id citation, store.add_citation(loaded->id, c));
      KB_TRY(store.record_extraction_citation(
          ExtractionCitation{citation, source_id, loaded->id, false}));
      return std::optional<StoredEventRef>(StoredEventRef{loaded->id, citation});
    }
    const std::string uuid = loaded->uuid;
    const std::string title = loaded->title;
    KB_ASSIGN(const StoredEventRef ref, rewrite(store, *loaded, source_id, e, roles, previous));
    report.kept += 1;
    if (!diff.empty()) {
      report.updated.push_back(EventChanges{ref.event_id, uuid, title, false, std::move(diff)});
    }
    return std::optional<StoredEventRef>(ref);
  };
  KB_ASSIGN(report.stored, store_extraction(store, source_id, x, options));
  return report;
}

importers::Article article_of(const Source& s) {
  importers::Article a;
  a.url = s.url.value_or("");
  a.title = s.title;
  a.publisher = s.publisher.value_or("");
  a.text = s.body;
  a.origin = s.origin.value_or(fmt::format("source #{}", s.id));
  // As the import read it: the time of day and the stated offset too, which date a release
  // of the small hours and a local day (error class: `kb extract` re-dating a late Kremlin or
  // president.gov.ua release a day earlier than its import had, its time of day dropped).
  if (s.published) {
    if (const auto t = importers::readers::parse_timestamp(*s.published)) {
      a.published = t->time;
      a.published_has_time = t->has_time;
      a.published_offset = t->offset;
    }
  }
  return a;
}

Result<void> extract_sources(
    Repository& store, const ex::Extractor& extractor, const std::vector<Id>& sources, bool dry_run,
    const std::string& command, const std::string& user,
    const std::function<void(const SourceExtracted&, const ex::Extraction&)>& each) {
  // One logged operation for the whole run, written with each source's transaction: the events
  // it changes are snapshotted before, those it creates are the numbers given out inside its
  // own transactions (another process may write between them).
  OpRecorder op(user, command);
  const auto before_change = [&](Id id) -> Result<void> {
    return dry_run ? ok() : op.watch(store, id);
  };
  for (const Id id : sources) {
    KB_ASSIGN(const Source source, store.source(id));
    if (source.body.empty()) {
      continue;  // a bare URL reference: nothing to read
    }
    const ex::Extraction x = extractor.extract(article_of(source));
    KB_ASSIGN(Transaction tx, store.transaction());
    if (!dry_run) {
      KB_TRY(op.mark_new_records(store));
    }
    SourceExtracted done;
    done.source = id;
    done.events = x.events.size();
    done.text = source.body;
    KB_ASSIGN(done.report, reextract(store, id, x, before_change));
    if (!dry_run) {
      KB_TRY(op.flush(store));  // logged with the source: a crash after it leaves it undoable
      KB_TRY(tx.commit());      // a dry run rolls back when `tx` goes
    }
    each(done, x);
  }
  if (!dry_run) {
    KB_ASSIGN(Transaction tx, store.transaction());
    KB_TRY(op.finish(store));
    KB_TRY(tx.commit());
  }
  return ok();
}

}  // namespace kb::services
