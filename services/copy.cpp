// copy_store: kb copy a slice at a time (see copy.hpp).

#include "services/copy.hpp"

#include <array>

#include <fmt/format.h>

#include "kb/dump.hpp"

namespace kb::services {
namespace {

constexpr std::array<CopyPass, 6> kPasses = {CopyPass::entities, CopyPass::countries,
                                             CopyPass::sources,  CopyPass::events,
                                             CopyPass::merges,   CopyPass::links};

// What identifies the source's contents for a resumed copy: the highest numbers it gave out,
// which any record added since the copy began raises.
Result<std::string> fingerprint(Repository& from) {
  KB_ASSIGN(const Id events, from.last_id(RecordKind::event));
  KB_ASSIGN(const Id entities, from.last_id(RecordKind::entity));
  KB_ASSIGN(const Id sources, from.last_id(RecordKind::source));
  return fmt::format("events {} entities {} sources {}", events, entities, sources);
}

// The records of pass `pass` whose keys are `keys`, read from `from`.
Result<KbDump> read_slice(Repository& from, CopyPass pass, const std::vector<Id>& keys) {
  KbDump part;
  switch (pass) {
    case CopyPass::entities:
    case CopyPass::countries:
      for (const Id id : keys) {
        KB_ASSIGN(Entity n, from.entity(id));
        part.entities.push_back(std::move(n));
      }
      break;
    case CopyPass::sources:
      for (const Id id : keys) {
        KB_ASSIGN(Source s, from.source(id));
        part.sources.push_back(std::move(s));
      }
      break;
    case CopyPass::events:
    case CopyPass::merges:
      for (const Id id : keys) {
        KB_ASSIGN(auto e, from.stored_event(id));
        if (!e) {
          return fail(Errc::conflict,
                      fmt::format("event {} went away during the copy: the source changed", id));
        }
        part.events.push_back(std::move(*e));
      }
      break;
    case CopyPass::links:
      KB_ASSIGN(part.links, from.links_between(keys.front(), keys.back()));
      break;
  }
  return part;
}

void count(CopyCounts& counts, CopyPass pass, const KbDump& part) {
  if (pass == CopyPass::entities) {
    counts.entities += part.entities.size();
  } else if (pass == CopyPass::sources) {
    counts.sources += part.sources.size();
  } else if (pass == CopyPass::events) {
    counts.events += part.events.size();
  } else if (pass == CopyPass::links) {
    counts.links += part.links.size();
  }
}

// Where the copy starts: a new marker in an empty target, or the one an interrupted copy of the
// same source left.
Result<CopyMarker> start(Repository& to, const CopySettings& settings, const std::string& print,
                         CopyCounts& counts) {
  KB_ASSIGN(Transaction tx, to.transaction());
  KB_ASSIGN(const auto marker, to.copy_marker());
  if (marker) {
    if (marker->source != settings.source_name || marker->fingerprint != print) {
      return fail(Errc::conflict,
                  fmt::format("'{}' holds an unfinished copy of '{}' ({}), not of '{}' as it is "
                              "now ({}): copy into an empty knowledge base",
                              settings.target_name, marker->source, marker->fingerprint,
                              settings.source_name, print));
    }
    counts.resumed = true;
    return *marker;
  }
  KB_ASSIGN(const bool empty, to.is_empty());
  if (!empty) {
    return fail(Errc::conflict,
                fmt::format("'{}' is not empty: kb copy writes only into an empty knowledge base "
                            "(kb import merges a kb JSON export into one that is not)",
                            settings.target_name));
  }
  CopyMarker fresh{settings.source_name, print, CopyPass::entities, 0};
  KB_TRY(to.set_copy_marker(fresh));
  KB_TRY(tx.commit());
  return fresh;
}

}  // namespace

Result<CopyCounts> copy_store(Repository& from, Repository& to, const CopySettings& settings) {
  KB_ASSIGN(const auto unfinished, from.copy_marker());
  if (unfinished) {
    return fail(Errc::invalid_argument,
                fmt::format("'{}' is an unfinished copy of '{}': run that kb copy again to "
                            "finish it first",
                            settings.source_name, unfinished->source));
  }
  KB_ASSIGN(const std::string print, fingerprint(from));
  CopyCounts counts;
  KB_ASSIGN(CopyMarker marker, start(to, settings, print, counts));
  const std::size_t slice = settings.slice == 0 ? 1 : settings.slice;
  std::size_t slices = 0;
  for (const CopyPass pass : kPasses) {
    if (pass < marker.pass) {
      continue;
    }
    Id after = pass == marker.pass ? marker.after : 0;
    for (;;) {
      KB_ASSIGN(const auto keys, from.copy_keys(pass, after, slice));
      if (keys.empty()) {
        break;
      }
      KB_ASSIGN(const KbDump part, read_slice(from, pass, keys));
      KB_ASSIGN(Transaction tx, to.transaction());
      if (pass == CopyPass::countries || pass == CopyPass::merges) {
        KB_TRY(to.restore_refs(part));
      } else {
        KB_TRY(to.restore_part(part));
      }
      after = keys.back();
      KB_TRY(to.set_copy_marker(CopyMarker{marker.source, print, pass, after}));
      KB_TRY(tx.commit());
      count(counts, pass, part);
      if (settings.stop_after && ++slices >= *settings.stop_after) {
        return fail(Errc::storage, fmt::format("kb copy stopped after {} (KB_COPY_STOP_AFTER)",
                                               slices == 1 ? std::string("1 slice")
                                                           : fmt::format("{} slices", slices)));
      }
    }
  }
  // The last step: the highest numbers given out as in the source, and no marker.
  KB_ASSIGN(Transaction tx, to.transaction());
  for (const RecordKind kind : {RecordKind::event, RecordKind::entity, RecordKind::source}) {
    KB_ASSIGN(const Id last, from.last_id(kind));
    KB_TRY(to.raise_last_id(kind, last));
  }
  KB_TRY(to.set_copy_marker(std::nullopt));
  KB_TRY(tx.commit());
  return counts;
}

}  // namespace kb::services
