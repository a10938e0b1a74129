// kb import: read articles (text, HTML, RSS/Atom, JSONL), store each as a source in its own
// transaction, log the run; --undo removes what a run added, --list shows the runs.

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/import_files.hpp"
#include "services/import_articles.hpp"
#include "services/undo.hpp"

namespace kb::cli {
namespace {

constexpr std::size_t kWarningsShown = 20;

struct ImportOptions {
  std::vector<std::string> inputs;
  std::string format = "auto";
  std::optional<std::string> published;
  std::optional<std::string> publisher;
  std::optional<std::string> url;
  bool dry_run = false;
  bool no_events = false;
  bool all_topics = false;
  unsigned jobs = 0;
  std::optional<Id> undo;
  bool force = false;  // --undo: also remove curated events
  bool list = false;
  std::optional<Id> log;  // --log ID: the warnings import ID stored
  bool strict = false;    // structured files (CSV, kb JSON): reject the file on any bad row
  std::optional<std::string> trace_merges;  // where to write each merge comparison (TSV)
  bool no_merge = false;                    // store each extracted event on its own
};

Result<void> run_undo(Id id, bool force, Context& ctx) {
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  KB_ASSIGN(const UndoCounts n, services::undo_import(store, id, force, op_user(ctx)));
  ctx.out << fmt::format("undid import #{}: removed {}, {}, {}, {}\n", id,
                         count_of(n.sources, "source"), count_of(n.citations, "citation"),
                         count_of(n.events, "event"), count_of(n.entities, "entity", "entities"));
  return ok();
}

Result<void> run_list(Context& ctx) {
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(auto runs, store.imports());
  for (const auto& r : runs) {
    std::string inputs = r.inputs;
    std::replace(inputs.begin(), inputs.end(), '\n', ' ');
    ctx.out << fmt::format(
        "#{:<4} {}  {}: {} new, {} unchanged, {} failed, {}, {}{}{}  {}\n", r.id, r.started_at,
        count_of(r.articles, "article"), r.added, r.unchanged, r.failed,
        count_of(r.events, "event"), count_of(r.warnings, "warning"),
        // A run that never finished (killed, or the database failed) has no counts yet.
        r.finished_at ? "" : " (interrupted: did not finish)",
        r.undone_at ? fmt::format(" (undone {})", *r.undone_at) : "", inputs);
  }
  return ok();
}

Result<services::ImportRequest> make_request(const ImportOptions& o, const Context& ctx) {
  services::ImportRequest req;
  req.user = op_user(ctx);
  req.inputs = o.inputs;
  KB_ASSIGN(req.read.format, importers::parse_format(o.format));
  if (o.published) {
    KB_ASSIGN(FuzzyDate d, parse_date_option(*o.published, ctx));
    req.read.published = date::sys_seconds{d.first()};
  }
  req.read.publisher = o.publisher.value_or("");
  req.read.url = o.url.value_or("");
  req.dry_run = o.dry_run;
  req.events = !o.no_events;
  req.all_topics = o.all_topics;
  req.jobs = o.jobs;
  req.in = &ctx.in;
  req.progress = ctx.out_is_tty || ctx.in_is_tty ? &ctx.err : nullptr;
  return req;
}

Result<void> run_import(const ImportOptions& o, Context& ctx) {
  if (o.undo) {
    return run_undo(*o.undo, o.force, ctx);
  }
  if (o.log) {
    KB_ASSIGN(const auto owned, open_store(ctx, false));
    Repository& store = *owned;
    KB_ASSIGN(const auto warnings, store.import_warnings(*o.log));
    for (const std::string& w : warnings) {
      ctx.out << w << '\n';
    }
    ctx.err << fmt::format("kb: import #{}: {}\n", *o.log, count_of(warnings.size(), "warning"));
    return ok();
  }
  if (o.list) {
    return run_list(ctx);
  }
  if (o.inputs.empty()) {
    return fail(Errc::invalid_argument, "kb import needs files, directories or - (stdin)");
  }
  ImportOptions articles = o;  // structured files (kb JSON, analyst/ACLED CSV) go their own way
  articles.inputs.clear();
  for (const auto& input : o.inputs) {
    KB_ASSIGN(bool done, o.format == "auto" ? import_record_file(input, o.strict, o.dry_run, ctx)
                                            : Result<bool>(false));
    if (!done) {
      articles.inputs.push_back(input);
    }
  }
  if (articles.inputs.empty()) {
    return ok();
  }
  KB_ASSIGN(services::ImportRequest req, make_request(articles, ctx));
  req.merge = !o.no_merge;
  std::ofstream trace;
  if (o.trace_merges) {
    trace.open(*o.trace_merges, std::ios::binary | std::ios::trunc);
    if (!trace) {
      return fail(Errc::storage, fmt::format("--trace-merges: cannot write {}", *o.trace_merges));
    }
    trace << "source\tquote_begin\tquote_end\tevent\tsame";
    for (const auto name : services::kMergeFeatureNames) {
      trace << '\t' << name;
    }
    trace << "\tconcept\ttitle\n";
    req.on_compare = [&trace](const services::MergeTrace& t) {
      trace << fmt::format("{}\t{}\t{}\t{}\t{}", t.source_id, t.quote_begin, t.quote_end,
                           t.event_id, t.same ? 1 : 0);
      for (const double v : t.features) {
        trace << fmt::format("\t{:.4g}", v);
      }
      trace << '\t' << t.concept_name << '\t' << t.title << '\n';
    };
  }
  std::unique_ptr<Repository> store;
  if (!o.dry_run) {
    KB_ASSIGN(store, open_store(ctx, true));
  } else if (auto existing = open_store(ctx, false)) {
    store = std::move(*existing);
  }
  KB_ASSIGN(services::ImportReport rep, services::import_articles(store.get(), req));
  for (std::size_t i = 0; i < rep.warnings.size() && i < kWarningsShown; ++i) {
    ctx.err << "kb: warning: " << rep.warnings[i] << '\n';
  }
  if (rep.warnings.size() > kWarningsShown) {
    ctx.err << fmt::format(
        "kb: … and {} more warnings{}\n", rep.warnings.size() - kWarningsShown,
        o.dry_run ? "" : fmt::format(" (`kb import --log {}` lists them all)", rep.run.id));
  }
  const auto& r = rep.run;
  ctx.out << fmt::format("{}{} from {}: {} new, {} unchanged, {} failed, {}, {}",
                         o.dry_run ? "dry run: would import " : "imported ",
                         count_of(r.articles, "article"), count_of(rep.files, "file"), r.added,
                         r.unchanged, r.failed, count_of(rep.warnings.size(), "warning"),
                         count_of(r.events, "event"));
  if (!o.dry_run) {
    ctx.out << fmt::format(" (import #{}; undo with `kb import --undo {}`)", r.id, r.id);
  }
  ctx.out << '\n';
  if (r.failed > 0) {
    ctx.exit_code = 1;
  }
  return ok();
}

}  // namespace

void add_import_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ImportOptions>();
  auto* sub = app.add_subcommand("import", "Import articles: text, HTML, RSS/Atom, JSONL");
  sub->add_option("inputs", o->inputs, "Files, directories (recursive), or - for stdin");
  sub->add_option("--format", o->format,
                  "auto (default: from the content), text, html, rss, "
                  "jsonl");
  sub->add_option("--published", o->published, "Publication date, when the article lacks one");
  sub->add_option("--publisher", o->publisher, "Publisher, overriding what the page says");
  sub->add_option("--url", o->url, "URL of a single article");
  sub->add_flag("--dry-run,-n", o->dry_run, "Read and clean, report, write nothing");
  sub->add_flag("--no-events", o->no_events, "Store sources only, no event extraction");
  sub->add_flag("--all-topics", o->all_topics,
                "Read events from every article, also business, sport and entertainment news");
  sub->add_option("--jobs,-j", o->jobs, "Worker threads (default and most: one per core)");
  sub->add_option("--undo", o->undo, "Remove what import ID added");
  sub->add_flag("--force", o->force,
                "With --undo: also remove events an analyst curated (otherwise listed, and "
                "nothing is undone)");
  sub->add_flag("--list", o->list, "List past imports");
  sub->add_option("--log", o->log, "List the warnings import ID stored (all of them)");
  sub->add_flag("--strict", o->strict,
                "CSV files: reject the whole file on a bad row (default: skip the row)");
  sub->add_option("--trace-merges", o->trace_merges,
                  "Write each comparison of an extracted event with a stored one it may repeat "
                  "(the merge model's features and the decision) to FILE as TSV");
  sub->add_flag("--no-merge", o->no_merge,
                "Store every extracted event on its own, merging none with stored events (with "
                "--trace-merges: the pairs the merge model is trained on)");
  sub->footer(
      "Example: kb import examples/ feed.xml corpus.jsonl\n"
      "         kb import --undo 3");
  on_run(sub, ctx, [o, &ctx] { return run_import(*o, ctx); });
}

}  // namespace kb::cli
