// kb parse: what the extractor sees in a text — its sentences, UD words with lemmas, tags and
// dependency tree, and the entities kb recognises — as readable text or as CoNLL-U.

#include <chrono>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "importers/analysis/actors.hpp"
#include "importers/analysis/analyzer.hpp"
#include "importers/entities/gazetteer.hpp"
#include "importers/entities/recognizer.hpp"

namespace kb::cli {
namespace {

struct ParseOptions {
  std::string file;  // empty or "-": standard input
  std::string format = "text";
  std::string dct;  // the day office holders are resolved on; empty: ctx.today
};

// "Russia (country) 0-6; Sergei Lavrov (person, RUSGOVFRM) 20-33" for the mentions inside one
// sentence; people and organisations carry their CAMEO actor code on `day` where the
// dictionaries know one.
std::string entity_line(const importers::Recognition& rec, std::size_t begin, std::size_t end,
                        const analysis::ActorDictionary& actors, std::chrono::year_month_day day) {
  std::string line;
  for (const importers::Mention& m : importers::mentions_between(rec, begin, end)) {
    const auto& e = rec.entities[m.entity].entity;
    std::string code;
    if (e.kind == EntityKind::person || e.kind == EntityKind::organisation) {
      if (auto match = actors.resolve(e.name, day)) {
        code = ", " + match->role.code;
      }
    }
    line += fmt::format("{}{} ({}{}) {}-{}", line.empty() ? "" : "; ", e.name,
                        kb::to_string(e.kind), code, m.begin, m.end);
  }
  return line;
}

Result<void> run_parse(const ParseOptions& o, Context& ctx) {
  if (o.format != "text" && o.format != "conllu") {
    return fail(Errc::invalid_argument,
                fmt::format("kb parse prints text or conllu, not '{}'", o.format));
  }
  KB_ASSIGN(std::filesystem::path data_dir, importers::find_data_dir());
  KB_ASSIGN(analysis::Analyzer analyzer, analysis::Analyzer::load(data_dir));
  KB_ASSIGN(const importers::Gazetteer gazetteer, importers::load_gazetteer(data_dir));
  KB_ASSIGN(const analysis::ActorDictionary actors,
            analysis::ActorDictionary::load(data_dir / "cameo"));
  date::sys_days dct = ctx.today;
  if (!o.dct.empty()) {
    KB_ASSIGN(FuzzyDate d, parse_date_option(o.dct, ctx));
    dct = d.stated_first();
  }
  const std::chrono::year_month_day day{
      std::chrono::sys_days{std::chrono::days{dct.time_since_epoch().count()}}};
  KB_ASSIGN(std::string text, read_input(o.file, ctx));
  const std::vector<analysis::ParsedSentence> sentences = analyzer.analyze(text);
  const importers::Recognition rec = importers::recognize(gazetteer, text);
  std::size_t n = 0;
  for (const analysis::ParsedSentence& s : sentences) {
    ++n;
    const std::string entities = entity_line(rec, s.begin, s.end, actors, day);
    if (o.format == "conllu") {
      std::string block = analysis::write_conllu({s}, n);
      if (!entities.empty()) {
        // after "# sent_id" and "# text": one comment line naming the recognised entities
        const std::size_t second = block.find('\n', block.find('\n') + 1);
        block.insert(second + 1, "# entities = " + entities + "\n");
      }
      ctx.out << block;
      continue;
    }
    ctx.out << fmt::format("# sentence {} (bytes {}-{})\n", n, s.begin, s.end);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const analysis::Word& w = s.words[i];
      const std::string head = w.head == 0  ? "ROOT"
                               : w.head > 0 ? s.words[static_cast<std::size_t>(w.head - 1)].form
                                            : "?";
      ctx.out << fmt::format("{:>3}  {:<18} {:<16} {:<6} {:<5} {:>3} {:<12} <- {}\n", i + 1, w.form,
                             w.lemma, w.upos, w.xpos, w.head, w.deprel, head);
    }
    if (!entities.empty()) {
      ctx.out << "entities: " << entities << '\n';
    }
    ctx.out << '\n';
  }
  return ok();
}

}  // namespace

void add_parse_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ParseOptions>();
  auto* sub = app.add_subcommand(
      "parse", "Show the sentences, words, tags, lemmas, dependency trees and entities of a text");
  sub->add_option("file", o->file, "Text file to read ('-' or none: standard input)");
  sub->add_option("--format,-f", o->format, "text or conllu (CoNLL-U, as UD's tools read it)");
  sub->add_option("--dct", o->dct,
                  "Day on which people's offices are resolved to CAMEO codes (default: today)");
  sub->footer("Example: echo 'Russia annexed Crimea in 2014.' | kb parse --format conllu");
  on_run(sub, ctx, [o, &ctx] { return run_parse(*o, ctx); });
}

}  // namespace kb::cli
