// Db, Statement, Transaction over libpq.

#include "storage/postgres/pg.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <libpq-fe.h>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace kb::postgres {
namespace detail {
void ConnCloser::operator()(pg_conn* conn) const noexcept { PQfinish(conn); }
void ResultClearer::operator()(pg_result* res) const noexcept { PQclear(res); }
}  // namespace detail

namespace {

using ResultPtr = std::unique_ptr<pg_result, detail::ResultClearer>;

// Every write transaction takes this transaction-scoped advisory lock first ("kb" in ASCII), so
// that kb's writers take turns as they do on SQLite (BEGIN IMMEDIATE); readers never wait.
constexpr std::string_view kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(27490)";

// libpq prints server notices (NOTICE: ... already exists) on stderr unless told otherwise;
// kb's output is its own.
void ignore_notice(void* /*arg*/, const char* /*message*/) {}

// The kind of error a failed result is: a constraint violation is a conflict, a full-text query
// the server cannot parse is the user's, everything else is storage.
Errc errc_of(const pg_result* res) {
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string_view code = state != nullptr ? state : "";
  if (code.substr(0, 2) == "23" || code == "40001" || code == "40P01") {
    return Errc::conflict;
  }
  if (code == "42601" || code == "22023") {  // syntax error (in a tsquery), bad parameter
    return Errc::invalid_argument;
  }
  return Errc::storage;
}

// The server's message without libpq's trailing newline.
std::string message_of(pg_conn* conn, const pg_result* res) {
  std::string msg = res != nullptr ? PQresultErrorMessage(res) : "";
  if (msg.empty() && conn != nullptr) {
    msg = PQerrorMessage(conn);
  }
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) {
    msg.pop_back();
  }
  if (msg.rfind("ERROR:  ", 0) == 0) {
    msg.erase(0, 8);
  }
  // libpq's connection errors span lines ("...failed: ...\n\tIs the server running..."): kb
  // reports on one.
  for (auto at = msg.find('\n'); at != std::string::npos; at = msg.find('\n', at)) {
    auto end = msg.find_first_not_of("\n\t ", at);
    msg.replace(at, (end == std::string::npos ? msg.size() : end) - at, " ");
  }
  return msg.empty() ? "unknown error" : msg;
}

// The kb error for a failed result: its kind and the server's message; a permission the login
// lacks also says which login it is and how it gets the right.
Error error_of(pg_conn* conn, const pg_result* res) {
  std::string msg = message_of(conn, res);
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  if (state != nullptr && std::string_view(state) == "42501") {
    const char* user = PQuser(conn);
    const std::string_view login = user != nullptr ? user : "";
    msg = fmt::format(
        "{}: PostgreSQL login '{}' may not do this here (an admin runs `kb admin grant {} "
        "editor` to let it write, or `... reader` to let it read)",
        msg, login, login);
  }
  return Error{errc_of(res), std::move(msg)};
}

bool succeeded(const pg_result* res) {
  const auto status = PQresultStatus(res);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

}  // namespace

bool is_uri(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string redact(std::string_view uri) {
  std::string out(uri);
  // user:password@host
  const auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    const auto start = scheme + 3;
    const auto at = out.find('@', start);
    const auto slash = out.find('/', start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const auto colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) {
        out.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  // ?password=... or &password=...
  for (std::size_t at = out.find("password="); at != std::string::npos;
       at = out.find("password=", at + 1)) {
    const auto value = at + 9;
    const auto end = out.find('&', value);
    out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
  }
  return out;
}

Db::Db(pg_conn* conn, std::string label) : conn_(conn), label_(std::move(label)) {}

Result<Db> Db::open(const std::string& uri) {
  // The URI's settings, and UTF8 as the client encoding whatever the URI says: set at the
  // connection's start, it costs no round trip of its own (PQsetClientEncoding would).
  const std::array<const char*, 3> keywords{"dbname", "client_encoding", nullptr};
  const std::array<const char*, 3> values{uri.c_str(), "UTF8", nullptr};
  pg_conn* conn = PQconnectdbParams(keywords.data(), values.data(), 1);
  if (conn == nullptr) {
    return fail(Errc::storage, fmt::format("cannot connect to '{}': out of memory", redact(uri)));
  }
  const char* host = PQhost(conn);
  const char* port = PQport(conn);
  const char* name = PQdb(conn);
  std::string label = fmt::format("database '{}' on '{}' port {}", name != nullptr ? name : "",
                                  host != nullptr ? host : "", port != nullptr ? port : "");
  Db db(conn, std::move(label));
  if (PQstatus(conn) != CONNECTION_OK) {
    return fail(Errc::storage,
                fmt::format("cannot connect to {}: {}", db.label_, message_of(conn, nullptr)));
  }
  PQsetNoticeProcessor(conn, ignore_notice, nullptr);
  if (PQclientEncoding(conn) != pg_char_to_encoding("UTF8")) {
    return fail(Errc::storage, fmt::format("{}: cannot use the UTF8 client encoding", db.label_));
  }
  return db;
}

Result<void> Db::exec(std::string_view sql) {
  ++statements_;
  const std::string text(sql);
  ResultPtr res(PQexec(conn_.get(), text.c_str()));
  if (!res || !succeeded(res.get())) {
    return error_of(conn_.get(), res.get());
  }
  return ok();
}

void Db::exec_quietly(const char* sql) noexcept {
  ++statements_;
  if (conn_) {
    PQclear(PQexec(conn_.get(), sql));
  }
}

Statement Db::prepare(std::string_view sql) { return {this, std::string(sql)}; }

Result<ResultPtr> Db::run_params(const std::string& sql,
                                 const std::vector<std::optional<std::string>>& values) {
  ++statements_;
  std::vector<const char*> params;
  params.reserve(values.size());
  for (const auto& v : values) {
    params.push_back(v ? v->c_str() : nullptr);
  }
  ResultPtr res;
  if (depth_ > 0) {
    KB_ASSIGN(res, run_guarded(sql, params));
  } else {
    res.reset(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(params.size()), nullptr,
                           params.data(), nullptr, nullptr, 0));
    if (!res || !succeeded(res.get())) {
      return error_of(conn_.get(), res.get());
    }
  }
  const char* tuples = PQcmdTuples(res.get());
  changes_ = (tuples != nullptr && *tuples != '\0') ? std::strtoll(tuples, nullptr, 10) : 0;
  return res;
}

Result<ResultPtr> Db::run_guarded(const std::string& sql, const std::vector<const char*>& params) {
  // SAVEPOINT, the statement and RELEASE go to the server in one pipeline, so that a statement
  // costs one round trip rather than three (a writer holding kb's write lock waits for the
  // server less, and so do the writers queued behind it).
  pg_conn* conn = conn_.get();
  if (PQenterPipelineMode(conn) != 1) {
    return error_of(conn, nullptr);
  }
  const bool sent = PQsendQueryParams(conn, "SAVEPOINT kb_statement", 0, nullptr, nullptr, nullptr,
                                      nullptr, 0) == 1 &&
                    PQsendQueryParams(conn, sql.c_str(), static_cast<int>(params.size()), nullptr,
                                      params.data(), nullptr, nullptr, 0) == 1 &&
                    PQsendQueryParams(conn, "RELEASE SAVEPOINT kb_statement", 0, nullptr, nullptr,
                                      nullptr, nullptr, 0) == 1 &&
                    PQpipelineSync(conn) == 1;
  // The results in order: the savepoint's, the statement's, the release's, then the sync.
  std::vector<ResultPtr> results;
  bool synced = false;
  for (int nulls = 0; !synced && nulls < 8;) {
    ResultPtr r(PQgetResult(conn));
    if (!r) {
      ++nulls;  // the end of one statement's results (or, when sending failed, of them all)
      if (!sent && nulls > 1) {
        break;
      }
      continue;
    }
    nulls = 0;
    synced = PQresultStatus(r.get()) == PGRES_PIPELINE_SYNC;
    if (!synced) {
      results.push_back(std::move(r));
    }
  }
  PQexitPipelineMode(conn);
  if (!sent || !synced || results.size() != 3) {
    return fail(Errc::storage, fmt::format("{}: {}", label_, message_of(conn, nullptr)));
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!succeeded(results[i].get())) {
      Error error = error_of(conn, results[i].get());
      if (i > 0) {  // the savepoint exists: undo the failed statement only
        exec_quietly("ROLLBACK TO SAVEPOINT kb_statement; RELEASE SAVEPOINT kb_statement");
      }
      return error;
    }
  }
  return std::move(results[1]);
}

void CopyRows::separate() {
  if (row_open_) {
    text_ += '\t';
  }
  row_open_ = true;
}

CopyRows& CopyRows::add(std::int64_t value) {
  separate();
  text_ += std::to_string(value);
  return *this;
}

CopyRows& CopyRows::add(double value) {
  separate();
  text_ += fmt::format("{}", value);  // the shortest text that reads back as the same double
  return *this;
}

CopyRows& CopyRows::add(std::string_view value) {
  separate();
  for (const char c : value) {
    switch (c) {
      case '\\':
        text_ += "\\\\";
        break;
      case '\t':
        text_ += "\\t";
        break;
      case '\n':
        text_ += "\\n";
        break;
      case '\r':
        text_ += "\\r";
        break;
      default:
        text_ += c;
    }
  }
  return *this;
}

CopyRows& CopyRows::add_null() {
  separate();
  text_ += "\\N";
  return *this;
}

void CopyRows::end_row() {
  text_ += '\n';
  row_open_ = false;
  ++rows_;
}

Result<void> Db::copy(std::string_view into, const CopyRows& rows) {
  changes_ = 0;
  if (rows.rows() == 0) {
    return ok();
  }
  const bool guarded = depth_ > 0;
  if (guarded) {
    KB_TRY(exec("SAVEPOINT kb_statement"));
  }
  auto copied = copy_rows(into, rows.text());
  if (guarded) {
    if (!copied) {
      exec_quietly("ROLLBACK TO SAVEPOINT kb_statement; RELEASE SAVEPOINT kb_statement");
      return copied;
    }
    KB_TRY(exec("RELEASE SAVEPOINT kb_statement"));
  }
  return copied;
}

Result<void> Db::copy_rows(std::string_view into, const std::string& data) {
  pg_conn* conn = conn_.get();
  const std::string sql = fmt::format("COPY {} FROM STDIN", into);
  ResultPtr start(PQexec(conn, sql.c_str()));
  if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN) {
    return error_of(conn, start.get());
  }
  // In pieces of at most 1 MiB: PQputCopyData takes an int length, and the server gets the rows
  // while the next piece is sent.
  constexpr std::size_t kPiece = std::size_t{1} << 20;
  bool sent = true;
  for (std::size_t at = 0; sent && at < data.size(); at += kPiece) {
    const std::size_t n = std::min(kPiece, data.size() - at);
    sent = PQputCopyData(conn, data.data() + at, static_cast<int>(n)) == 1;
  }
  // A failed send ends the COPY with an error, so the server rolls it back.
  sent = PQputCopyEnd(conn, sent ? nullptr : "kb: sending the rows failed") == 1 && sent;
  ResultPtr end(PQgetResult(conn));
  for (ResultPtr more(PQgetResult(conn)); more; more.reset(PQgetResult(conn))) {
  }
  if (!end || !succeeded(end.get())) {
    return error_of(conn, end.get());
  }
  if (!sent) {
    return fail(Errc::storage, fmt::format("{}: {}", label_, message_of(conn, nullptr)));
  }
  const char* tuples = PQcmdTuples(end.get());
  changes_ = (tuples != nullptr && *tuples != '\0') ? std::strtoll(tuples, nullptr, 10) : 0;
  return ok();
}

Result<Transaction> Db::transaction(bool write) {
  if (depth_ > 0) {
    return fail(Errc::storage, "a transaction is already open");
  }
  KB_TRY(exec(write ? kBeginWrite : std::string_view("BEGIN")));
  depth_ = 1;
  return Transaction(this);
}

Result<Savepoint> Db::savepoint() {
  if (depth_ == 0) {
    return fail(Errc::storage, "a savepoint needs an open transaction");
  }
  std::string name = fmt::format("kb_unit_{}", depth_);
  KB_TRY(exec("SAVEPOINT " + name));
  ++depth_;
  return Savepoint(this, std::move(name));
}

Transaction::~Transaction() {
  if (db_ != nullptr) {
    db_->exec_quietly("ROLLBACK");
    db_->depth_ = 0;
  }
}

Result<void> Transaction::commit() {
  auto done = db_->exec("COMMIT");
  if (!done) {
    return done;  // the destructor rolls back
  }
  db_->depth_ = 0;
  db_ = nullptr;
  return ok();
}

Savepoint::~Savepoint() {
  if (db_ != nullptr) {
    const std::string sql = fmt::format("ROLLBACK TO SAVEPOINT {0}; RELEASE SAVEPOINT {0}", name_);
    db_->exec_quietly(sql.c_str());
    --db_->depth_;
  }
}

Result<void> Savepoint::release() {
  KB_TRY(db_->exec("RELEASE SAVEPOINT " + name_));
  --db_->depth_;
  db_ = nullptr;
  return ok();
}

std::optional<std::string>& Statement::slot(int index) {
  const auto i = static_cast<std::size_t>(index - 1);
  if (values_.size() <= i) {
    values_.resize(i + 1);
  }
  return values_[i];
}

Statement& Statement::bind(int index, std::int64_t value) {
  slot(index) = std::to_string(value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  // Shortest text that reads back as the same double.
  slot(index) = fmt::format("{}", value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  slot(index) = std::string(value);
  return *this;
}

Statement& Statement::bind_null(int index) {
  slot(index) = std::nullopt;
  return *this;
}

Result<Step> Statement::step() {
  if (!result_) {
    KB_ASSIGN(result_, db_->run_params(sql_, values_));
    row_ = -1;
  }
  if (row_ + 1 < PQntuples(result_.get())) {
    ++row_;
    return Step::row;
  }
  return Step::done;
}

Result<void> Statement::run() {
  KB_TRY(step());
  return ok();
}

void Statement::reset() {
  result_.reset();
  values_.clear();
  row_ = -1;
}

bool Statement::column_is_null(int col) const { return PQgetisnull(result_.get(), row_, col) != 0; }

std::int64_t Statement::column_int(int col) const {
  if (column_is_null(col)) {
    return 0;
  }
  const char* text = PQgetvalue(result_.get(), row_, col);
  const std::string_view v(text, static_cast<std::size_t>(PQgetlength(result_.get(), row_, col)));
  if (v == "t") {
    return 1;
  }
  if (v == "f") {
    return 0;
  }
  std::int64_t out = 0;
  const auto parsed = std::from_chars(v.data(), v.data() + v.size(), out);
  if (parsed.ec != std::errc()) {
    return static_cast<std::int64_t>(std::strtod(text, nullptr));
  }
  return out;
}

double Statement::column_double(int col) const {
  if (column_is_null(col)) {
    return 0;
  }
  return std::strtod(PQgetvalue(result_.get(), row_, col), nullptr);
}

std::string Statement::column_text(int col) const {
  if (column_is_null(col)) {
    return {};
  }
  return {PQgetvalue(result_.get(), row_, col),
          static_cast<std::size_t>(PQgetlength(result_.get(), row_, col))};
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

}  // namespace kb::postgres
