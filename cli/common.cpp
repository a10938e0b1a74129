// Helpers shared by the commands.

#include "cli/common.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "importers/timex/tagger.hpp"
#include "storage/open.hpp"

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

Result<std::unique_ptr<Repository>> open_store(const Context& ctx, bool write) {
  const std::string path = db_path(ctx);
  if (storage::engine_of(path) == storage::Engine::postgres) {
    return storage::open(path, storage::OpenMode::create);
  }
  if (write) {
    const auto dir = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::exists(dir, ec)) {
      // Only kb's own default place is created; a folder named by --db or KB_DB that does not
      // exist is more likely a typo than a wish.
      const bool chosen = !ctx.db_option.empty() || !ctx.env("KB_DB").value_or("").empty();
      if (chosen) {
        return fail(Errc::not_found,
                    fmt::format("cannot create database '{}': folder '{}' does not exist", path,
                                dir.string()));
      }
      std::filesystem::create_directories(dir, ec);
      if (ec) {
        return fail(Errc::storage,
                    fmt::format("cannot create directory '{}': {}", dir.string(), ec.message()));
      }
    }
    return storage::open(path, storage::OpenMode::create);
  }
  // Readers open read-write so that a knowledge base from an older kb is migrated in place.
  auto store = storage::open(path, storage::OpenMode::read_write);
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

namespace {

// Why `st` (from lstat) is no place for kb to put a file, or "" when it is a regular file.
std::string_view refusal(const struct stat& st) {
  if (S_ISDIR(st.st_mode)) {
    return "it is a directory";
  }
  if (S_ISFIFO(st.st_mode)) {
    return "it is a FIFO, not a regular file";
  }
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
    return "it is a device, not a regular file";
  }
  if (!S_ISREG(st.st_mode)) {
    return "it is not a regular file";
  }
  return {};
}

Error write_error(const std::string& path, int err) {
  return Error{Errc::storage, fmt::format("cannot write '{}': {}", path, std::strerror(err))};
}

// Writes all of `text` to `fd` and makes it durable; errno on failure, 0 on success.
int write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return ::fsync(fd) == 0 ? 0 : errno;
}

}  // namespace

Result<OutputTarget> output_target(const std::string& path, bool force) {
  namespace fs = std::filesystem;
  std::string target = path;
  struct stat st {};
  bool exists = ::lstat(path.c_str(), &st) == 0;
  if (exists && S_ISLNK(st.st_mode)) {
    if (!force) {
      return fail(Errc::invalid_argument,
                  fmt::format("cannot write '{}': it is a symbolic link (--force writes to the "
                              "file it points to)",
                              path));
    }
    std::error_code ec;
    target = fs::weakly_canonical(path, ec).string();
    if (ec) {
      return fail(Errc::storage, fmt::format("cannot write '{}': {}", path, ec.message()));
    }
    exists = ::lstat(target.c_str(), &st) == 0;
  }
  if (exists) {
    if (const auto why = refusal(st); !why.empty()) {
      return fail(Errc::invalid_argument, fmt::format("cannot write '{}': {}", path, why));
    }
  }
  return OutputTarget{target, exists ? std::optional<unsigned>(st.st_mode & 07777) : std::nullopt};
}

Result<void> write_text_file(const std::string& path, std::string_view text, bool force) {
  namespace fs = std::filesystem;
  KB_ASSIGN(const OutputTarget out, output_target(path, force));
  const std::string& target = out.path;
  // A new file beside the target, renamed over it once complete: a failed write leaves the old
  // file (or none), never half of one. The random suffix keeps concurrent writers apart.
  const fs::path dir = fs::path(target).parent_path();
  const std::string base = fs::path(target).filename().string();
  std::random_device rd;
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 16; ++attempt) {
    tmp = (dir / fmt::format(".{}.kb-tmp-{:08x}", base, rd())).string();
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) {
      return write_error(path, errno);
    }
  }
  if (fd < 0) {
    return write_error(path, EEXIST);
  }
  int err = out.mode && ::fchmod(fd, static_cast<mode_t>(*out.mode)) != 0 ? errno : 0;
  if (err == 0) {
    err = write_all(fd, text);
  }
  if (::close(fd) != 0 && err == 0) {
    err = errno;
  }
  if (err == 0 && ::rename(tmp.c_str(), target.c_str()) != 0) {
    err = errno;
  }
  if (err != 0) {
    ::unlink(tmp.c_str());
    return write_error(path, err);
  }
  return ok();
}

std::string op_user(const Context& ctx) {
  for (const char* name : {"KB_USER", "LOGNAME", "USER"}) {
    if (ctx.env) {
      if (auto v = ctx.env(name); v && !v->empty()) {
        return *v;
      }
    }
  }
  return "unknown";
}

std::string count_text(long long n, std::string_view one, std::string_view many) {
  if (n == 1) {
    return fmt::format("1 {}", one);
  }
  return many.empty() ? fmt::format("{} {}s", n, one) : fmt::format("{} {}", n, many);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

namespace {
template <typename E>
std::string listed_names(std::span<const E> values) {
  std::vector<std::string_view> names;
  names.reserve(values.size());
  for (const E v : values) {
    names.push_back(to_string(v));
  }
  return fmt::format("{}", fmt::join(names, ", "));
}
}  // namespace

std::string listed(std::span<const EventKind> kinds) { return listed_names(kinds); }
std::string listed(std::span<const Relation> relations) { return listed_names(relations); }

}  // namespace kb::cli
