// Db, Statement, Transaction: a small RAII layer over SQLite. The only code that sees
// <sqlite3.h>; everything else talks to the database through these types.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "kb/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kb::sqlite {

namespace detail {
// The value a row reader yields: T for a reader returning T or Result<T>.
template <typename T>
struct RowValue {
  using type = T;
};
template <typename T>
struct RowValue<Result<T>> {
  using type = T;
};
}  // namespace detail

class Statement;
class Transaction;
class Savepoint;
struct StatementCache;

// How Db::open treats a missing file.
enum class OpenMode { read_only, read_write, create };

// One SQLite connection. Move-only; closes itself. Invariant: handle_ is non-null iff open.
class Db {
 public:
  // Opens `path` (":memory:" for a private in-memory database) with foreign keys on and a busy
  // timeout. A new, empty file is switched to WAL journaling; an existing file is only read
  // (its header checked), never changed. Error (storage) naming the path on failure or when
  // the file is not a SQLite database, (not_found) when `mode` is read_only/read_write and the
  // file does not exist.
  static Result<Db> open(const std::string& path, OpenMode mode);

  Db(Db&& other) noexcept;
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Runs one or more statements with no parameters (schema, pragmas). Error (storage) with
  // SQLite's message on failure.
  Result<void> exec(std::string_view sql);
  // Runs one statement without parameters through the statement cache (BEGIN, COMMIT,
  // SAVEPOINT ...). Error (storage) with SQLite's message on failure.
  Result<void> run(std::string_view sql);
  // Runs a constant statement, ignoring failure and allocating nothing: for destructors
  // (ROLLBACK). Requires: `sql` is a NUL-terminated constant.
  void run_quietly(const char* sql) noexcept;
  // Compiles one statement, or takes it from this connection's cache of compiled statements
  // (keyed by the SQL text; a cached statement in use elsewhere is compiled afresh), so code
  // that runs the same SQL for every row pays SQLite's parser once. Error (storage) naming
  // SQLite's complaint.
  Result<Statement> prepare(std::string_view sql);
  // Begins a transaction (BEGIN IMMEDIATE when `write`), rolled back unless committed.
  Result<Transaction> transaction(bool write = true);
  // Opens a savepoint inside the current transaction: its writes are undone unless released,
  // so one unit of work can fail without losing the rest of the transaction.
  Result<Savepoint> savepoint();
  // The rowid of the last successful INSERT on this connection.
  std::int64_t last_insert_id() const;
  // Rows changed by the last INSERT/UPDATE/DELETE.
  std::int64_t changes() const;
  // Whether a transaction is open on this connection.
  bool in_transaction() const;
  // The value of PRAGMA user_version.
  Result<int> user_version();
  // The number of pages in the database file (0 for a new, empty file).
  Result<std::int64_t> page_count();
  // Switches a file database to WAL journaling (persistent; a no-op when it already is, and for
  // ":memory:"). Error (storage) when SQLite keeps another mode or fails.
  Result<void> use_wal();
  // The path the database was opened with.
  const std::string& path() const { return path_; }

 private:
  Db(sqlite3* handle, std::string path);
  void close();
  sqlite3* handle_ = nullptr;
  std::string path_;
  // Compiled statements kept for reuse; destroyed (finalized) before the connection closes.
  // Statements taken from it must not outlive the Db.
  std::unique_ptr<StatementCache> cache_;
};

// What Statement::step() found.
enum class Step { row, done };

// One prepared statement. Move-only; finalizes itself. Parameters are 1-based as in SQLite.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binders return *this so calls chain; a failed bind is reported by the next step().
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);  // copied by SQLite
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Advances; Error (storage, or conflict for constraint violations) with SQLite's message.
  Result<Step> step();
  // Steps to completion, ignoring rows.
  Result<void> run();
  // Resets for another execution and clears bindings.
  void reset();

  // Steps through every remaining row and returns what `read` makes of each, in order. `read`
  // takes the Statement (at the current row) and returns a value or a Result of one. Error: the
  // first failed step or read.
  template <typename Read>
  auto collect(Read read) -> Result<
      std::vector<typename detail::RowValue<std::invoke_result_t<Read&, Statement&>>::type>>;

  // Column readers for the current row (0-based).
  std::int64_t column_int(int col) const;
  double column_double(int col) const;
  std::string column_text(int col) const;  // "" for NULL
  std::optional<std::string> column_optional_text(int col) const;
  std::optional<std::int64_t> column_optional_int(int col) const;
  bool column_is_null(int col) const;

 private:
  friend class Db;
  Statement(sqlite3_stmt* stmt, sqlite3* db, bool* in_use = nullptr)
      : stmt_(stmt), db_(db), in_use_(in_use) {}
  void release();
  sqlite3_stmt* stmt_ = nullptr;  // non-null iff usable
  sqlite3* db_ = nullptr;
  // Non-null for a statement borrowed from the Db's cache: released by resetting it and
  // clearing this flag, not by finalizing it.
  bool* in_use_ = nullptr;
  int bind_error_ = 0;  // first failed bind's SQLite code, reported by step()
};

template <typename Read>
auto Statement::collect(Read read) -> Result<
    std::vector<typename detail::RowValue<std::invoke_result_t<Read&, Statement&>>::type>> {
  using Raw = std::invoke_result_t<Read&, Statement&>;
  std::vector<typename detail::RowValue<Raw>::type> out;
  for (;;) {
    KB_ASSIGN(const Step s, step());
    if (s != Step::row) {
      return out;
    }
    if constexpr (std::is_same_v<Raw, typename detail::RowValue<Raw>::type>) {
      out.push_back(read(*this));
    } else {
      KB_ASSIGN(auto value, read(*this));
      out.push_back(std::move(value));
    }
  }
}

// An open transaction: rolls back on destruction unless commit() succeeded.
class Transaction {
 public:
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Commits; afterwards the destructor does nothing. Error (storage) if COMMIT fails.
  Result<void> commit();

 private:
  friend class Db;
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_ = nullptr;  // non-null while the transaction is open
};

// A nested unit of work (SQL SAVEPOINT): rolled back to its start on destruction unless
// release() succeeded. Requires: an open transaction that outlives it.
class Savepoint {
 public:
  Savepoint(Savepoint&& other) noexcept;
  Savepoint& operator=(Savepoint&&) = delete;
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint();

  // Keeps the savepoint's writes (they commit with the enclosing transaction).
  Result<void> release();

 private:
  friend class Db;
  explicit Savepoint(Db* db) : db_(db) {}
  Db* db_ = nullptr;  // non-null while the savepoint is open
};

}  // namespace kb::sqlite
