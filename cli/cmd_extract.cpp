// kb extract: re-runs event extraction on stored sources (after the rules improve), replacing
// what earlier extractions of those sources stored and keeping hand-entered events and citations.

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "services/extraction.hpp"
#include "services/identity.hpp"

namespace kb::cli {

namespace {

Result<std::vector<Id>> chosen_sources(Repository& store, const std::vector<std::string>& refs,
                                       bool all) {
  if (!all) {
    if (refs.empty()) {
      return make_error(Errc::invalid_argument, "name the sources to re-extract, or give --all");
    }
    std::vector<Id> ids;
    for (const auto& ref : refs) {
      KB_ASSIGN(const Id id, services::resolve_ref(store, RecordKind::source, ref));
      ids.push_back(id);
    }
    return ids;
  }
  KB_ASSIGN(const auto sources, store.sources(false));
  std::vector<Id> out;
  out.reserve(sources.size());
  for (const auto& s : sources) {
    out.push_back(s.source.id);
  }
  return out;
}

// Prints what re-extraction did (or, in a dry run, would do) to the events of one source.
void print_changes(const services::ReextractReport& r, bool dry_run, Context& ctx) {
  for (const auto& c : r.updated) {
    ctx.out << fmt::format("  {} #{} {} ({}):\n", dry_run ? "would update" : "updated", c.event_id,
                           c.title, c.uuid);
    for (const auto& line : c.changes) {
      ctx.out << "    " << line << '\n';
    }
  }
  for (const auto& c : r.curated) {
    if (c.changes.empty()) {
      continue;
    }
    ctx.out << fmt::format("  curated #{} {} ({}) kept as it is; extraction says:\n", c.event_id,
                           c.title, c.uuid);
    for (const auto& line : c.changes) {
      ctx.out << "    " << line << '\n';
    }
  }
}

// The text a trace step is about, on one line: a word as it is, a sentence's first words.
std::string trace_text(std::string_view text, const importers::extract::TraceStep& t) {
  constexpr std::size_t kShown = 70;
  std::string out;
  for (std::size_t i = std::min(t.begin, text.size()); i < std::min(t.end, text.size()); ++i) {
    const char c = text[i];
    out += c == '\n' || c == '\t' || c == '\r' ? ' ' : c;
    if (out.size() >= kShown && (static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
      out.pop_back();
      out += "…";
      break;
    }
  }
  return out;
}

// Prints which rule or decision read, kept or left out each part of a source (kb extract
// --trace), and collects the ids that fired.
void print_trace(std::string_view text, const importers::extract::Extraction& x,
                 std::set<std::string_view>& fired, Context& ctx) {
  for (const auto& t : x.trace) {
    fired.insert(t.rule);
    ctx.out << fmt::format("  {:>6}  {:<19} \"{}\"{}{}\n", t.begin, t.rule, trace_text(text, t),
                           t.detail.empty() ? "" : "  ", t.detail);
  }
}

Result<void> run_extract(Context& ctx, const std::vector<std::string>& ids, bool all,
                         bool all_topics, bool dry_run, bool trace) {
  KB_ASSIGN(const auto data_dir, importers::find_data_dir());
  KB_ASSIGN(importers::Gazetteer gazetteer, importers::load_gazetteer(data_dir));
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  // The KB's own entities are recognised as at import (kb entity add ... --in ...).
  KB_TRY(services::add_kb_entities(store, gazetteer));
  std::vector<std::string> setup_warnings;
  auto options = importers::extract::default_options(data_dir, setup_warnings);
  options.all_topics = all_topics;
  options.trace = trace;
  std::set<std::string_view> fired;
  const importers::extract::Extractor extractor(gazetteer, std::move(options));
  for (const auto& w : setup_warnings) {
    ctx.err << "kb: warning: " << w << '\n';
  }
  KB_ASSIGN(const std::vector<Id> chosen, chosen_sources(store, ids, all));
  services::StoredCounts total;
  std::int64_t kept = 0, removed = 0;
  const auto report = [&](const services::SourceExtracted& done,
                          const importers::extract::Extraction& x) {
    for (const auto& w : x.warnings) {
      ctx.err << "kb: warning: " << w << '\n';
    }
    const auto& r = done.report;
    const auto& c = r.stored;
    ctx.out << fmt::format(
        "source #{}: {} ({} kept, {} new, {} merged, {} refined, {} disputed; {} curated "
        "left as they are), {}; {} {} no longer found; replaced {}\n",
        done.source, count_of(done.events, "event"), r.kept, c.created, c.merged, c.refined,
        c.disputed, r.curated.size(), count_of(c.links, "link"),
        dry_run ? "would remove" : "removed", count_of(r.removed, "event"),
        count_of(r.citations, "earlier citation"));
    print_changes(r, dry_run, ctx);
    if (trace) {
      print_trace(done.text, x, fired, ctx);
    }
    total.created += c.created;
    total.merged += c.merged;
    kept += r.kept;
    removed += r.removed;
  };
  KB_TRY(services::extract_sources(
      store, extractor, chosen, dry_run,
      all ? std::string("extract --all") : fmt::format("extract {}", fmt::join(ids, " ")),
      op_user(ctx), report));
  ctx.out << fmt::format("{}: {} kept, {}, {} merged, {} removed{}\n",
                         count_of(chosen.size(), "source"), kept,
                         count_of(total.created, "new event"), total.merged, removed,
                         dry_run ? " (dry run: nothing was changed)" : "");
  if (trace) {
    ctx.out << "rules and decisions in this trace (byte offset, rule, text, what it decided):\n";
    for (const auto& r : importers::extract::trace_rules()) {
      if (fired.contains(r.id)) {
        ctx.out << fmt::format("  {:<19} {}\n", r.id, r.what);
      }
    }
  }
  return ok();
}

}  // namespace

void add_extract_command(CLI::App& app, Context& ctx) {
  auto ids = std::make_shared<std::vector<std::string>>();
  auto dry_run = std::make_shared<bool>(false);
  auto all = std::make_shared<bool>(false);
  auto all_topics = std::make_shared<bool>(false);
  auto trace = std::make_shared<bool>(false);
  auto* sub = app.add_subcommand("extract", "Re-run event extraction on stored sources");
  sub->add_option("source_ids", *ids,
                  "Sources: local numbers or permanent ids (see kb sources / kb search)");
  sub->add_flag("--dry-run,-n", *dry_run,
                "Report what would change (also on curated events), change nothing");
  sub->add_flag("--all", *all, "Every stored source");
  sub->add_flag("--all-topics", *all_topics,
                "Read events from every source, also business, sport and entertainment news");
  sub->add_flag("--trace", *trace,
                "Show which rule or learned decision read, kept or left out each sentence, "
                "candidate word and event (with --dry-run to change nothing)");
  sub->footer(
      "Redoes what earlier extractions of these sources stored. Events found again (same "
      "sentence) keep their number and permanent id; events an analyst curated (edit, tag, "
      "link, same-as) and hand-entered events are never changed or removed.\nExample: kb "
      "extract --all --dry-run; kb extract 12 --dry-run --trace");
  on_run(sub, ctx, [ids, all, all_topics, dry_run, trace, &ctx]() {
    return run_extract(ctx, *ids, *all, *all_topics, *dry_run, *trace);
  });
}

}  // namespace kb::cli
