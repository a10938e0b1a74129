// Store: sources (articles and bare URL references).

#include <sstream>

#include <fmt/format.h>

#include "storage/sqlite/store.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::sqlite {
namespace {

constexpr std::string_view kInsertSource =
    "INSERT INTO source (source_id, url, title, publisher, original_publisher, published, "
    "published_day, retrieved, content_hash, origin, body, import_id, uuid) "
    "VALUES ((SELECT last_id + 1 FROM id_sequence WHERE name = 'source'), ?1, ?2, ?3, ?4, ?5, "
    "?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr std::string_view kByHash = "SELECT source_id FROM source WHERE content_hash = ?1";
constexpr std::string_view kByUrl =
    "SELECT source_id FROM source WHERE url = ?1 ORDER BY source_id DESC LIMIT 1";
constexpr std::string_view kSource =
    "SELECT source_id, url, title, publisher, original_publisher, published, retrieved, "
    "content_hash, origin, CASE WHEN ?2 THEN body ELSE '' END, import_id, uuid FROM source "
    "WHERE source_id = ?1";
constexpr std::string_view kSources =
    "SELECT s.source_id, (SELECT count(DISTINCT c.event_id) FROM citation c "
    "WHERE c.source_id = s.source_id) FROM source s ORDER BY s.source_id";

Result<std::optional<Id>> find_one(Db& db, std::string_view sql, std::string_view value) {
  KB_ASSIGN(Statement s, db.prepare(sql));
  s.bind(1, value);
  KB_ASSIGN(Step step, s.step());
  if (step == Step::done) {
    return std::optional<Id>{};
  }
  return std::optional<Id>{s.column_int(0)};
}

// One source; its body only when `with_body`.
Result<Source> read_source(Db& db, Id id, bool with_body) {
  KB_ASSIGN(Statement s, db.prepare(kSource));
  s.bind(1, id).bind(2, with_body ? 1 : 0);
  KB_ASSIGN(Step step, s.step());
  if (step != Step::row) {
    return fail(Errc::not_found, fmt::format("no source with id {}", id));
  }
  Source src;
  src.id = s.column_int(0);
  src.url = s.column_optional_text(1);
  src.title = s.column_text(2);
  src.publisher = s.column_optional_text(3);
  src.original_publisher = s.column_optional_text(4);
  src.published = s.column_optional_text(5);
  src.retrieved = s.column_text(6);
  src.content_hash = s.column_text(7);
  src.origin = s.column_optional_text(8);
  src.body = s.column_text(9);
  src.import_id = s.column_optional_int(10);
  src.uuid = s.column_text(11);
  return src;
}

}  // namespace

Result<Id> Store::add_source(const Source& src) {
  if (src.content_hash.empty()) {
    return fail(Errc::invalid_argument, "a source needs a content hash");
  }
  KB_ASSIGN(Statement s, db_.prepare(kInsertSource));
  s.bind(1, src.url).bind(2, src.title).bind(3, src.publisher).bind(4, src.original_publisher);
  s.bind(5, src.published).bind(6, rows::published_day(src.published));
  s.bind(7, src.retrieved.empty() ? now_iso() : src.retrieved);
  s.bind(8, src.content_hash).bind(9, src.origin).bind(10, src.body).bind(11, src.import_id);
  s.bind(12, rows::optional_uuid(src.uuid));
  KB_TRY(s.run());
  return db_.last_insert_id();
}

Result<std::optional<Id>> Store::find_source_by_hash(std::string_view hash) {
  return find_one(db_, kByHash, hash);
}

Result<std::optional<Id>> Store::find_source_by_url(std::string_view url) {
  return find_one(db_, kByUrl, url);
}

Result<Id> Store::source_for_url(std::string_view url) {
  KB_ASSIGN(auto existing, find_source_by_url(url));
  if (existing) {
    return *existing;
  }
  Source s;
  s.url = std::string(url);
  s.content_hash = fmt::format("url:{}", url);
  return add_source(s);
}

Result<Source> Store::source(Id id) { return read_source(db_, id, true); }

Result<std::vector<SourceSummary>> Store::sources(bool with_text) {
  KB_ASSIGN(Statement s, db_.prepare(kSources));
  std::vector<std::pair<Id, std::int64_t>> ids;
  for (;;) {
    KB_ASSIGN(Step step, s.step());
    if (step == Step::done) {
      break;
    }
    ids.emplace_back(s.column_int(0), s.column_int(1));
  }
  std::vector<SourceSummary> out;
  out.reserve(ids.size());
  for (const auto& [id, events] : ids) {
    KB_ASSIGN(Source src, read_source(db_, id, with_text));
    out.push_back(SourceSummary{std::move(src), events});
  }
  return out;
}

}  // namespace kb::sqlite
