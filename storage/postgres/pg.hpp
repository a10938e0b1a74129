// Db, Statement, Transaction, Savepoint: a small RAII layer over libpq, PostgreSQL's C client
// library. The only code that sees <libpq-fe.h>. libpq is what Debian's libpq-dev ships and what
// every PostgreSQL client links anyway; kb needs no more than parameterised statements and
// transactions, so a C++ wrapper such as libpqxx would only add a dependency.
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

struct pg_conn;
struct pg_result;

namespace kb::postgres {

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
struct ConnCloser {
  void operator()(pg_conn* conn) const noexcept;
};
struct ResultClearer {
  void operator()(pg_result* res) const noexcept;
};
}  // namespace detail

class Statement;
class Transaction;
class Savepoint;

// Whether `location` names a PostgreSQL server: a libpq connection URI (postgresql://... or
// postgres://...).
bool is_uri(std::string_view location);

// `uri` with its password (user:password@ or password=...) replaced by "***", for messages.
std::string redact(std::string_view uri);

// Rows for COPY ... FROM STDIN (Db::copy) in PostgreSQL's text format: values separated by
// tabs, rows by newlines, NULL as \N, and backslash, tab, newline and carriage return in a
// value escaped with a backslash; other bytes (UTF-8 text) go as they are.
class CopyRows {
 public:
  // Appenders return *this so calls chain; end_row() closes the row.
  CopyRows& add(std::int64_t value);
  CopyRows& add(int value) { return add(static_cast<std::int64_t>(value)); }
  CopyRows& add(double value);
  CopyRows& add(std::string_view value);
  CopyRows& add(const char* value) { return add(std::string_view(value)); }
  CopyRows& add(const std::string& value) { return add(std::string_view(value)); }
  CopyRows& add_null();
  template <typename T>
  CopyRows& add(const std::optional<T>& value) {
    return value ? add(*value) : add_null();
  }
  void end_row();

  std::size_t rows() const { return rows_; }
  const std::string& text() const { return text_; }

 private:
  void separate();
  std::string text_;
  bool row_open_ = false;
  std::size_t rows_ = 0;
};

// One connection to a PostgreSQL server. Move-only; closes itself. Invariant: conn_ is non-null
// iff open.
class Db {
 public:
  // Connects to `uri` (libpq's PG* environment variables and ~/.pgpass apply as usual) with
  // client messages quiet and the UTF8 client encoding. Error (storage) naming the server and
  // database (never the password) and libpq's reason.
  static Result<Db> open(const std::string& uri);

  Db(Db&&) noexcept = default;
  Db& operator=(Db&&) noexcept = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db() = default;

  // Runs one or more statements with no parameters (schema, BEGIN, COMMIT). Error (storage,
  // conflict for a constraint violation) with the server's message.
  Result<void> exec(std::string_view sql);
  // Runs a constant statement, ignoring failure: for destructors (ROLLBACK).
  void exec_quietly(const char* sql) noexcept;
  // A statement with $1, $2 ... parameters, run on its first step().
  Statement prepare(std::string_view sql);
  // Writes `rows` with one `COPY <into> FROM STDIN` (`into`: a table and its column list), for
  // many rows at once; inside a transaction under a savepoint, so that a failure leaves the
  // transaction usable, as a Statement does. changes() is the number of rows written. Error as
  // exec(), with the server's message (which names the table and the line of the failing row).
  Result<void> copy(std::string_view into, const CopyRows& rows);
  // Begins a transaction, rolled back unless committed. With `write`, waits for kb's writer lock
  // first (a transaction-scoped advisory lock), so writers take turns as on SQLite.
  Result<Transaction> transaction(bool write = true);
  // Opens a savepoint inside the current transaction: its writes are undone unless released.
  Result<Savepoint> savepoint();
  // Rows changed by the last INSERT/UPDATE/DELETE run through a Statement.
  std::int64_t changes() const { return changes_; }
  // How many statements this connection has run (each exec and each Statement's run): a reader
  // that keeps what it read can tell that nothing ran since.
  std::uint64_t statements() const { return statements_; }
  // Whether a transaction is open on this connection.
  bool in_transaction() const { return depth_ > 0; }
  // "database 'kb' on host '/tmp/x' port 5432": what error messages call this connection.
  const std::string& label() const { return label_; }

 private:
  friend class Statement;
  friend class Transaction;
  friend class Savepoint;
  Db(pg_conn* conn, std::string label);
  // Runs `sql` with `values` as text parameters; inside a transaction under a savepoint, so
  // that a failing statement leaves the transaction usable, as SQLite does.
  Result<std::unique_ptr<pg_result, detail::ResultClearer>> run_params(
      const std::string& sql, const std::vector<std::optional<std::string>>& values);
  // run_params() inside a transaction: the statement between SAVEPOINT and RELEASE, sent
  // together.
  Result<std::unique_ptr<pg_result, detail::ResultClearer>> run_guarded(
      const std::string& sql, const std::vector<const char*>& params);
  // copy() without the savepoint: COPY, the data in pieces, the end.
  Result<void> copy_rows(std::string_view into, const std::string& data);
  std::unique_ptr<pg_conn, detail::ConnCloser> conn_;
  std::string label_;
  std::int64_t changes_ = 0;
  std::uint64_t statements_ = 0;
  int depth_ = 0;  // 0: no transaction; 1: a transaction; more: savepoints inside it
};

// What Statement::step() found.
enum class Step { row, done };

// One statement with parameters ($1 ... in the SQL, 1-based in bind()). Every value travels as
// text and the server infers its type from the SQL (cast a parameter where it cannot). Rows are
// read in text form: integers, reals and text as the server prints them. Move-only.
class Statement {
 public:
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() = default;

  // Binders return *this so calls chain.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Runs the statement on the first call, then advances through its rows. Error (storage;
  // conflict for a constraint violation; invalid_argument for a full-text query the server
  // cannot parse) with the server's message.
  Result<Step> step();
  // Runs to completion, ignoring rows.
  Result<void> run();
  // Forgets the rows and the bound values, for another execution.
  void reset();

  // Steps through every remaining row and returns what `read` makes of each, in order.
  template <typename Read>
  auto collect(Read read) -> Result<
      std::vector<typename detail::RowValue<std::invoke_result_t<Read&, Statement&>>::type>>;

  // Column readers for the current row (0-based). A boolean reads as 1 or 0.
  std::int64_t column_int(int col) const;
  double column_double(int col) const;
  std::string column_text(int col) const;  // "" for NULL
  std::optional<std::string> column_optional_text(int col) const;
  std::optional<std::int64_t> column_optional_int(int col) const;
  bool column_is_null(int col) const;

 private:
  friend class Db;
  Statement(Db* db, std::string sql) : db_(db), sql_(std::move(sql)) {}
  std::optional<std::string>& slot(int index);
  Db* db_ = nullptr;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::unique_ptr<pg_result, detail::ResultClearer> result_;
  int row_ = -1;  // the current row of result_
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
  Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
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

// A nested unit of work (SAVEPOINT): rolled back to its start on destruction unless release()
// succeeded. Requires: an open transaction that outlives it.
class Savepoint {
 public:
  Savepoint(Savepoint&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), name_(std::move(other.name_)) {}
  Savepoint& operator=(Savepoint&&) = delete;
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint();

  // Keeps the savepoint's writes (they commit with the enclosing transaction).
  Result<void> release();

 private:
  friend class Db;
  Savepoint(Db* db, std::string name) : db_(db), name_(std::move(name)) {}
  Db* db_ = nullptr;  // non-null while the savepoint is open
  std::string name_;
};

}  // namespace kb::postgres
