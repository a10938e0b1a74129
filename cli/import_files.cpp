// import_record_file(): reads a structured file, imports it through services::import_records,
// and prints what it added.

#include "cli/import_files.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "services/import_records.hpp"

namespace kb::cli {

Result<bool> import_record_file(const std::string& path, bool strict, bool dry_run, Context& ctx) {
  namespace fs = std::filesystem;
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::error_code ec;
  if ((ext != ".csv" && ext != ".json") || !fs::is_regular_file(path, ec)) {
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    return fail(Errc::storage, fmt::format("cannot read '{}'", path));
  }
  const std::string content = text.str();
  const auto format = services::sniff_record_format(content);
  if (!format) {
    return false;
  }
  constexpr std::array<std::string_view, 3> kNames = {"kb JSON", "analyst CSV", "ACLED CSV"};
  const std::string_view name = kNames[static_cast<std::size_t>(*format)];
  if (dry_run) {
    ctx.out << fmt::format("dry run: {} is {}; nothing written\n", path, name);
    return true;
  }
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  const auto skipped = [&](const importers::RecordWarning& w) {
    ctx.err << fmt::format("kb: {}:{}: skipped: {}\n", path, w.line, w.message);
  };
  services::RecordImportOptions options;
  options.strict = strict;
  options.skipped = skipped;
  options.user = op_user(ctx);
  KB_ASSIGN(services::RecordImportSummary sum,
            services::import_records(store, content, path, *format, options));
  const std::string updated =
      sum.updated == 0 ? std::string() : fmt::format(" ({} updated)", sum.updated);
  ctx.out << fmt::format(
      "imported {} ({}{}): {} event{} added, {} already present{}, {} skipped; {} new entit{}, "
      "{} new source{}, {} link{}; logged as operation #{}\n",
      path, name, sum.verbatim ? ", ids kept" : "", sum.events, sum.events == 1 ? "" : "s",
      sum.existing, updated, sum.warnings.size(), sum.entities, sum.entities == 1 ? "y" : "ies",
      sum.sources, sum.sources == 1 ? "" : "s", sum.links, sum.links == 1 ? "" : "s", sum.op);
  for (const auto& c : sum.conflicts) {
    ctx.out << "  conflict: " << c << '\n';
  }
  return true;
}

}  // namespace kb::cli
