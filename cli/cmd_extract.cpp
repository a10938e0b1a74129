// kb extract: re-runs event extraction on stored sources (after the rules improve), replacing
// what earlier extractions of those sources stored and keeping hand-entered events and citations.

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "importers/entities/gazetteer.hpp"
#include "importers/extract/extractor.hpp"
#include "services/extraction.hpp"

namespace kb::cli {

namespace {

// The article a stored source was read from, as far as the extractor needs it.
importers::Article article_of(const Source& s) {
  importers::Article a;
  a.url = s.url.value_or("");
  a.title = s.title;
  a.publisher = s.publisher.value_or("");
  a.text = s.body;
  a.origin = s.origin.value_or(fmt::format("source #{}", s.id));
  if (s.published && s.published->size() >= 10) {
    if (auto d = FuzzyDate::from_timex(s.published->substr(0, 10));
        d && d->precision() == Precision::day) {
      a.published = date::sys_seconds(d->first());
    }
  }
  return a;
}

Result<std::vector<Id>> chosen_sources(Store& store, const std::vector<Id>& ids, bool all) {
  if (!all) {
    if (ids.empty()) {
      return make_error(Errc::invalid_argument, "name the sources to re-extract, or give --all");
    }
    return ids;
  }
  KB_ASSIGN(const auto sources, store.sources(false));
  std::vector<Id> out;
  for (const auto& s : sources) {
    out.push_back(s.source.id);
  }
  return out;
}

Result<void> run_extract(Context& ctx, const std::vector<Id>& ids, bool all, bool all_topics) {
  KB_ASSIGN(const auto data_dir, importers::find_data_dir());
  KB_ASSIGN(const importers::Gazetteer gazetteer, importers::load_gazetteer(data_dir));
  std::vector<std::string> setup_warnings;
  auto options = importers::extract::default_options(data_dir, setup_warnings);
  options.all_topics = all_topics;
  const importers::extract::Extractor extractor(gazetteer, std::move(options));
  for (const auto& w : setup_warnings) {
    ctx.err << "kb: warning: " << w << '\n';
  }
  KB_ASSIGN(Store store, open_store(ctx, true));
  KB_ASSIGN(const std::vector<Id> chosen, chosen_sources(store, ids, all));
  services::StoredCounts total;
  for (const Id id : chosen) {
    KB_ASSIGN(const Source source, store.source(id));
    if (source.body.empty()) {
      continue;  // a bare URL reference: nothing to read
    }
    const auto x = extractor.extract(article_of(source));
    for (const auto& w : x.warnings) {
      ctx.err << "kb: warning: " << w << '\n';
    }
    KB_ASSIGN(Transaction tx, store.transaction());
    KB_ASSIGN(const services::ForgetCounts gone, services::forget_extraction(store, id));
    KB_ASSIGN(const services::StoredCounts c, services::store_extraction(store, id, x));
    KB_TRY(tx.commit());
    ctx.out << fmt::format(
        "source #{}: {} events ({} new, {} merged, {} refined, {} disputed), {} links; replaced "
        "{} earlier citations\n",
        id, x.events.size(), c.created, c.merged, c.refined, c.disputed, c.links, gone.citations);
    total.created += c.created;
    total.merged += c.merged;
  }
  ctx.out << fmt::format("{} sources: {} new events, {} merged\n", chosen.size(), total.created,
                         total.merged);
  return ok();
}

}  // namespace

void add_extract_command(CLI::App& app, Context& ctx) {
  auto ids = std::make_shared<std::vector<Id>>();
  auto all = std::make_shared<bool>(false);
  auto all_topics = std::make_shared<bool>(false);
  auto* sub = app.add_subcommand("extract", "Re-run event extraction on stored sources");
  sub->add_option("source_ids", *ids, "Source ids (see kb stats / kb search)");
  sub->add_flag("--all", *all, "Every stored source");
  sub->add_flag("--all-topics", *all_topics,
                "Read events from every source, also business, sport and entertainment news");
  sub->footer(
      "Replaces the events, citations and date changes earlier extractions of these sources "
      "stored; hand-entered events and citations are kept.\nExample: kb extract --all");
  on_run(sub, ctx,
         [ids, all, all_topics, &ctx]() { return run_extract(ctx, *ids, *all, *all_topics); });
}

}  // namespace kb::cli
