// Db, Statement, Transaction over the SQLite C API.

#include "storage/sqlite/sqlite.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <sqlite3.h>

namespace kb::sqlite {

// Compiled statements by SQL text. Nodes of an unordered_map do not move, so a Statement can
// hold a pointer to its entry's in_use flag.
struct StatementCache {
  struct Entry {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  // Bounded so that SQL built at run time cannot grow it without end; past it, statements are
  // compiled and finalized as if uncached.
  static constexpr std::size_t kCapacity = 256;
  std::unordered_map<std::string, Entry> entries;

  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache() {
    for (auto& [sql, entry] : entries) {
      sqlite3_finalize(entry.stmt);
    }
  }
};

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kWriteLockWaitMs = 60000;  // how long a write transaction waits to begin
constexpr int kWalRetryMs = 10;          // between tries to switch a new file to WAL

Error storage_error(sqlite3* db, std::string_view what) {
  const int code = db != nullptr ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  const char* msg = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  const Errc errc = (code & 0xff) == SQLITE_CONSTRAINT ? Errc::conflict : Errc::storage;
  return Error{errc, fmt::format("{}: {}", what, msg)};
}

int to_int(std::size_t n) { return static_cast<int>(n); }

// `path` as a SQLite URI that opens it read-only as an immutable file.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '?' || c == '#' || c == '%') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

Result<Db> Db::open(const std::string& path, OpenMode mode) {
  // SQLite's allocation statistics take one process-wide mutex on every malloc, which makes
  // connections in different threads (import workers, search) wait on each other. kb never
  // reads them. This must precede SQLite's initialisation; if something else initialised it
  // first, the call fails harmlessly.
  static const bool memstatus_off = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)memstatus_off;
  const bool memory = path == ":memory:";
  if (!memory && mode != OpenMode::create) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return fail(Errc::not_found, fmt::format("no database at '{}'", path));
    }
  }
  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= mode == OpenMode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (mode == OpenMode::create) {
    flags |= SQLITE_OPEN_CREATE;
  }
  // Opens `name` (the path, or a URI for it) with foreign keys on and a busy timeout.
  auto connect = [&path](const std::string& name, int how) -> Result<Db> {
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(name.c_str(), &handle, how, nullptr) != SQLITE_OK) {
      Error e = storage_error(handle, fmt::format("cannot open database '{}'", path));
      sqlite3_close(handle);
      return e;
    }
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, kBusyTimeoutMs);
    Db db(handle, path);
    KB_TRY(db.exec("PRAGMA foreign_keys = ON"));
    return db;
  };
  KB_ASSIGN(Db db, connect(path, flags));
  if (memory) {
    return db;
  }
  // Read the header now, so a file that is not a database fails here with its path rather than
  // on the first query with SQLite's bare "file is not a database". This only reads.
  auto pages = db.page_count();
  if (!pages && (sqlite3_extended_errcode(db.handle_) & 0xff) == SQLITE_READONLY &&
      sqlite3_db_readonly(db.handle_, "main") == 1) {
    // A WAL database that kb may not write, in a folder where SQLite cannot create the
    // shared-memory file it reads through. No one can write it in WAL mode there either (that
    // needs a -wal file beside it), so it is read as an immutable file.
    KB_ASSIGN(db, connect(immutable_uri(path),
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX));
    pages = db.page_count();
  }
  if (!pages) {
    return fail(Errc::storage,
                fmt::format("'{}' is not a kb database ({})", path, pages.error().message));
  }
  if (mode != OpenMode::read_only) {
    KB_TRY(db.exec("PRAGMA synchronous = NORMAL"));  // per connection: writes nothing
    // A writer's page cache of up to 64 MiB (SQLite's default is 2 MiB): an import reads the
    // events its merge compares with again and again, each page a pread() once evicted
    // (bench/README.md "Import", twenty-third session). Pages are only held as they are read.
    KB_TRY(db.exec("PRAGMA cache_size = -65536"));
    // A new, empty file is ours to set up. An existing one keeps its journal mode until
    // migrate() knows it is a kb database: kb changes nothing in someone else's file.
    if (*pages == 0) {
      KB_TRY(db.use_wal());
    }
  }
  return db;
}

bool Db::in_transaction() const {
  return handle_ != nullptr && sqlite3_get_autocommit(handle_) == 0;
}

Db::Db(sqlite3* handle, std::string path)
    : handle_(handle), path_(std::move(path)), cache_(std::make_unique<StatementCache>()) {}

Db::Db(Db&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)),
      path_(std::move(other.path_)),
      cache_(std::move(other.cache_)) {}

Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    close();
    handle_ = std::exchange(other.handle_, nullptr);
    path_ = std::move(other.path_);
    cache_ = std::move(other.cache_);
  }
  return *this;
}

void Db::close() {
  cache_.reset();  // finalizes the cached statements first
  sqlite3_close_v2(handle_);
  handle_ = nullptr;
}

Db::~Db() { close(); }

Result<void> Db::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string msg = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    return fail(Errc::storage, fmt::format("database error: {}", msg));
  }
  return ok();
}

Result<Statement> Db::prepare(std::string_view sql) {
  std::string key;
  if (cache_) {
    key.assign(sql);
    if (auto it = cache_->entries.find(key); it != cache_->entries.end() && !it->second.in_use) {
      it->second.in_use = true;
      return Statement(it->second.stmt, handle_, &it->second.in_use);
    }
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(handle_, sql.data(), to_int(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return storage_error(handle_, "cannot prepare statement");
  }
  // Cache it unless the cache is full, another copy of it is in use, or the SQL compiled to no
  // statement (empty text).
  if (cache_ && stmt != nullptr && cache_->entries.size() < StatementCache::kCapacity) {
    auto [it, inserted] = cache_->entries.try_emplace(std::move(key));
    if (inserted) {
      it->second.stmt = stmt;
      it->second.in_use = true;
      return Statement(stmt, handle_, &it->second.in_use);
    }
  }
  return Statement(stmt, handle_);
}

Result<void> Db::run(std::string_view sql) {
  KB_ASSIGN(Statement s, prepare(sql));
  return s.run();
}

void Db::run_quietly(const char* sql) noexcept {
  (void)sqlite3_exec(handle_, sql, nullptr, nullptr, nullptr);
}

Result<Transaction> Db::transaction(bool write) {
  if (!write) {
    KB_TRY(run("BEGIN"));
    return Transaction(this);
  }
  // A writer waits for the write lock as long as another kb process may reasonably hold it (an
  // import writing a batch on a loaded machine), not just one busy timeout: each try waits
  // kBusyTimeoutMs in SQLite's busy handler, and several kb processes writing at once take
  // turns as they do on PostgreSQL (issue #16).
  for (int waited = 0;; waited += kBusyTimeoutMs) {
    auto begun = run("BEGIN IMMEDIATE");
    if (begun) {
      return Transaction(this);
    }
    const bool busy = (sqlite3_extended_errcode(handle_) & 0xff) == SQLITE_BUSY;
    if (!busy || waited + kBusyTimeoutMs >= kWriteLockWaitMs) {
      return std::move(begun).error();
    }
  }
}

Result<Savepoint> Db::savepoint() {
  KB_TRY(run("SAVEPOINT kb_unit"));
  return Savepoint(this);
}

std::int64_t Db::last_insert_id() const { return sqlite3_last_insert_rowid(handle_); }

std::int64_t Db::changes() const { return sqlite3_changes64(handle_); }

Result<std::int64_t> Db::page_count() {
  KB_ASSIGN(Statement stmt, prepare("PRAGMA page_count"));
  KB_ASSIGN(Step s, stmt.step());
  if (s != Step::row) {
    return fail(Errc::storage, "cannot read PRAGMA page_count");
  }
  return stmt.column_int(0);
}

Result<void> Db::use_wal() {
  if (path_ == ":memory:") {
    return ok();
  }
  // Switching a new file to WAL reads its header, then takes the write lock. When several kb
  // processes start on the same new file together, SQLite answers SQLITE_BUSY at once to all
  // but one (a read lock waiting to be upgraded would deadlock, so the busy timeout does not
  // apply): wait and try again, for as long as the busy timeout would have waited.
  for (int waited = 0;; waited += kWalRetryMs) {
    KB_ASSIGN(Statement stmt, prepare("PRAGMA journal_mode = WAL"));
    auto s = stmt.step();
    if (s && *s == Step::row && stmt.column_text(0) == "wal") {
      return ok();
    }
    const bool busy = (sqlite3_extended_errcode(handle_) & 0xff) == SQLITE_BUSY;
    if (!busy || waited >= kBusyTimeoutMs) {
      return s ? fail(Errc::storage, fmt::format("cannot switch '{}' to WAL journaling", path_))
               : Result<void>(s.error());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kWalRetryMs));
  }
}

Result<int> Db::user_version() {
  KB_ASSIGN(Statement stmt, prepare("PRAGMA user_version"));
  KB_ASSIGN(Step s, stmt.step());
  if (s != Step::row) {
    return fail(Errc::storage, "cannot read PRAGMA user_version");
  }
  return static_cast<int>(stmt.column_int(0));
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      db_(other.db_),
      in_use_(std::exchange(other.in_use_, nullptr)),
      bind_error_(other.bind_error_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    release();
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
    in_use_ = std::exchange(other.in_use_, nullptr);
    bind_error_ = other.bind_error_;
  }
  return *this;
}

Statement::~Statement() { release(); }

void Statement::release() {
  if (in_use_ != nullptr) {
    // Back to the cache: reset (ending any read it holds open) with no bindings left.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
    in_use_ = nullptr;
  } else {
    sqlite3_finalize(stmt_);
  }
  stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) {
    bind_error_ = rc;
  }
  return *this;
}

Statement& Statement::bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) {
    bind_error_ = rc;
  }
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  // An empty string_view may have a null data(), which SQLite would bind as NULL, not ''.
  const char* text = value.data() != nullptr ? value.data() : "";
  const int rc =
      sqlite3_bind_text64(stmt_, index, text, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == 0) {
    bind_error_ = rc;
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_ == 0) {
    bind_error_ = rc;
  }
  return *this;
}

Result<Step> Statement::step() {
  if (bind_error_ != 0) {
    return fail(Errc::storage,
                fmt::format("cannot bind parameter: {}", sqlite3_errstr(bind_error_)));
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return Step::row;
  }
  if (rc == SQLITE_DONE) {
    return Step::done;
  }
  return storage_error(db_, "database error");
}

Result<void> Statement::run() {
  for (;;) {
    KB_ASSIGN(Step s, step());
    if (s == Step::done) {
      return ok();
    }
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
}

std::int64_t Statement::column_int(int col) const { return sqlite3_column_int64(stmt_, col); }

double Statement::column_double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::column_text(int col) const {
  const auto* text = sqlite3_column_text(stmt_, col);
  if (text == nullptr) {
    return {};
  }
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col));
  return {reinterpret_cast<const char*>(text), size};
}

std::optional<std::string> Statement::column_optional_text(int col) const {
  if (column_is_null(col)) {
    return std::nullopt;
  }
  return column_text(col);
}

std::optional<std::int64_t> Statement::column_optional_int(int col) const {
  if (column_is_null(col)) {
    return std::nullopt;
  }
  return column_int(col);
}

bool Statement::column_is_null(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  if (db_ != nullptr) {
    db_->run_quietly("ROLLBACK");
  }
}

Result<void> Transaction::commit() {
  assert(db_ != nullptr);
  KB_TRY(db_->run("COMMIT"));
  db_ = nullptr;
  return ok();
}

Savepoint::Savepoint(Savepoint&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Savepoint::~Savepoint() {
  if (db_ != nullptr) {
    db_->run_quietly("ROLLBACK TO kb_unit");
    db_->run_quietly("RELEASE kb_unit");
  }
}

Result<void> Savepoint::release() {
  assert(db_ != nullptr);
  KB_TRY(db_->run("RELEASE kb_unit"));
  db_ = nullptr;
  return ok();
}

}  // namespace kb::sqlite
