// kb dates: what the date tagger understands in a text — each temporal expression with its
// TIMEX3 value and the date as a person would write it, as text or JSON.

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "importers/timex/tagger.hpp"

namespace kb::cli {
namespace {

struct DatesOptions {
  std::string file;  // empty or "-": standard input
  std::string dct;   // empty: ctx.today
  std::string format = "text";
  bool explain = false;  // which rule found each expression, what joined it, its reference
};

// The names of the steps in a Timex::steps mask.
std::vector<std::string_view> step_names(std::uint8_t steps) {
  std::vector<std::string_view> out;
  const auto all = timex::steps();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if ((steps & (1U << i)) != 0) {
      out.push_back(all[i].id);
    }
  }
  return out;
}

// What --explain adds to a line: "[rule month; steps signal; against 2023-05-23]".
std::string explanation(const timex::Timex& t) {
  std::string out = fmt::format("  [rule {}", t.rule);
  if (const auto names = step_names(t.steps); !names.empty()) {
    out += fmt::format("; steps {}", fmt::join(names, ", "));
  }
  if (!t.reference.empty()) {
    out += "; against " + t.reference;
  }
  return out + "]";
}

// One timex as a JSON object; "mod" and "display" only where known.
nlohmann::ordered_json to_json(const timex::Timex& t, std::string_view text, bool explain) {
  nlohmann::ordered_json j;
  j["start"] = t.begin;
  j["end"] = t.end;
  j["text"] = std::string(text.substr(t.begin, t.end - t.begin));
  j["type"] = std::string(timex::to_string(t.type));
  j["value"] = t.value;
  if (!t.mod.empty()) {
    j["mod"] = t.mod;
  }
  if (t.date) {
    j["display"] = t.date->display();
  }
  if (explain) {
    j["rule"] = std::string(t.rule);
    auto names = nlohmann::ordered_json::array();
    for (const auto n : step_names(t.steps)) {
      names.push_back(std::string(n));
    }
    j["steps"] = std::move(names);
    if (!t.reference.empty()) {
      j["reference"] = t.reference;
    }
  }
  return j;
}

// The text form: "<start>-<end>  <TYPE>  <value> [mod]  "<text>"  -> <display>".
std::string to_line(const timex::Timex& t, std::string_view text) {
  std::string value = t.value;
  if (!t.mod.empty()) {
    value += fmt::format(" ({})", t.mod);
  }
  std::string line =
      fmt::format("{:>6}-{:<6} {:<8} {:<22} \"{}\"", t.begin, t.end, timex::to_string(t.type),
                  value, text.substr(t.begin, t.end - t.begin));
  if (t.date) {
    line += fmt::format("  -> {}", t.date->display());
  }
  return line + '\n';
}

Result<void> run_dates(const DatesOptions& o, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(o.format));
  if (format != Format::text && format != Format::json) {
    return fail(Errc::invalid_argument,
                fmt::format("kb dates prints text or json, not '{}'", o.format));
  }
  date::sys_days dct = ctx.today;
  if (!o.dct.empty()) {
    KB_ASSIGN(FuzzyDate d, parse_date_option(o.dct, ctx));
    dct = d.stated_first();
  }
  KB_ASSIGN(std::string text, read_input(o.file, ctx));
  const auto timexes = timex::tag(text, dct);
  if (format == Format::json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& t : timexes) {
      arr.push_back(to_json(t, text, o.explain));
    }
    nlohmann::ordered_json j;
    j["timexes"] = std::move(arr);
    ctx.out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return ok();
  }
  for (const auto& t : timexes) {
    std::string line = to_line(t, text);
    if (o.explain) {
      line.insert(line.size() - 1, explanation(t));
    }
    ctx.out << line;
  }
  if (o.explain && !timexes.empty()) {
    std::set<std::string_view> used;
    std::uint8_t steps = 0;
    for (const auto& t : timexes) {
      used.insert(t.rule);
      steps |= t.steps;
    }
    ctx.out << "rules and steps:\n";
    for (const auto& r : timex::rules()) {
      if (used.contains(r.id)) {
        ctx.out << fmt::format("  rule {:<16} {}\n", r.id, r.what);
      }
    }
    for (const auto n : step_names(steps)) {
      for (const auto& s : timex::steps()) {
        if (s.id == n) {
          ctx.out << fmt::format("  step {:<16} {}\n", s.id, s.what);
        }
      }
    }
    ctx.out << "  \"against\": the date an expression that does not state its own was resolved "
               "against (the --dct day, or in a history the last date it stated)\n";
  }
  return ok();
}

}  // namespace

void add_dates_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<DatesOptions>();
  auto* sub = app.add_subcommand("dates", "Show the dates kb understands in a text");
  sub->add_option("file", o->file, "Text file to read ('-' or none: standard input)");
  sub->add_option("--dct", o->dct,
                  "Document creation time the text is read against (default: today)");
  sub->add_option("--format,-f", o->format, "text or json");
  sub->add_flag("--explain", o->explain,
                "Show the rule that found each expression, the steps that widened it and the "
                "date it was resolved against");
  sub->footer("Example: echo 'He left last Tuesday.' | kb dates --dct 2023-05-23 --explain");
  on_run(sub, ctx, [o, &ctx] { return run_dates(*o, ctx); });
}

}  // namespace kb::cli
