// Helpers shared by the commands.

#include "cli/common.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "importers/timex/tagger.hpp"

namespace kb::cli {

Result<Format> parse_format(std::string_view s) {
  if (s == "text") {
    return Format::text;
  }
  if (s == "md" || s == "markdown") {
    return Format::md;
  }
  if (s == "json") {
    return Format::json;
  }
  if (s == "csv") {
    return Format::csv;
  }
  return fail(Errc::invalid_argument,
              fmt::format("unknown format '{}' (expected text, md, json or csv)", s));
}

std::string db_path(const Context& ctx) {
  if (!ctx.db_option.empty()) {
    return ctx.db_option;
  }
  if (auto db = ctx.env("KB_DB"); db && !db->empty()) {
    return *db;
  }
  if (auto xdg = ctx.env("XDG_DATA_HOME"); xdg && !xdg->empty()) {
    return (std::filesystem::path(*xdg) / "kb" / "kb.db").string();
  }
  const std::string home = ctx.env("HOME").value_or(".");
  return (std::filesystem::path(home) / ".local" / "share" / "kb" / "kb.db").string();
}

Result<Store> open_store(const Context& ctx, bool write) {
  const std::string path = db_path(ctx);
  if (write) {
    const auto dir = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::exists(dir, ec)) {
      std::filesystem::create_directories(dir, ec);
      if (ec) {
        return fail(Errc::storage,
                    fmt::format("cannot create directory '{}': {}", dir.string(), ec.message()));
      }
    }
    return Store::open(path, OpenMode::create);
  }
  // Readers open read-write so that a knowledge base from an older kb is migrated in place.
  auto store = Store::open(path, OpenMode::read_write);
  if (!store && store.error().code == Errc::not_found) {
    return fail(Errc::not_found,
                fmt::format("no knowledge base at '{}' yet: add events with `kb add` or "
                            "`kb import`, or point --db / KB_DB at one",
                            path));
  }
  return store;
}

Result<FuzzyDate> parse_date_option(std::string_view text, const Context& ctx) {
  return timex::resolve_expression(text, ctx.today);
}

int report(Context& ctx, const Error& error) {
  ctx.err << "kb: " << error.message << '\n';
  switch (error.code) {
    case Errc::invalid_argument:
    case Errc::parse:
      return 2;
    case Errc::not_found:
    case Errc::conflict:
    case Errc::storage:
      return 1;
  }
  return 1;
}

void on_run(CLI::App* sub, Context& ctx, std::function<Result<void>()> action) {
  sub->callback([&ctx, action = std::move(action)] {
    auto result = action();
    if (!result) {
      ctx.exit_code = report(ctx, result.error());
    }
  });
}

bool use_color(const Context& ctx) {
  if (!ctx.out_is_tty) {
    return false;
  }
  const auto no_color = ctx.env("NO_COLOR");
  return !no_color || no_color->empty();
}

Result<std::string> read_input(const std::string& file, Context& ctx) {
  std::ostringstream buf;
  if (file.empty() || file == "-") {
    buf << ctx.in.rdbuf();
    return buf.str();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return fail(Errc::not_found, fmt::format("cannot read '{}'", file));
  }
  buf << in.rdbuf();
  return buf.str();
}

Result<void> write_text_file(const std::string& path, std::string_view text) {
  const std::string tmp = path + ".kb-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return fail(Errc::storage, fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      return fail(Errc::storage, fmt::format("cannot write '{}'", path));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return fail(Errc::storage, fmt::format("cannot write '{}': {}", path, ec.message()));
  }
  return ok();
}

}  // namespace kb::cli
