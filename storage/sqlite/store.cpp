// Store: opening, migrating, the clock, and the conversions the other store_*.cpp share.

#include "storage/sqlite/store.hpp"

#include <memory>
#include <type_traits>

#include <fmt/format.h>

#include "storage/sqlite/migrate.hpp"
#include "storage/sqlite/store_rows.hpp"

namespace kb::sqlite {

std::int64_t to_day_number(date::sys_days d) { return d.time_since_epoch().count(); }

date::sys_days from_day_number(std::int64_t n) {
  return date::sys_days{date::days{static_cast<date::days::rep>(n)}};
}

Result<Store> Store::open(const std::string& path, OpenMode mode) {
  KB_ASSIGN(Db db, Db::open(path, mode));
  if (mode == OpenMode::read_only) {
    KB_ASSIGN(const int version, db.user_version());
    if (version == 0) {
      return fail(Errc::storage, fmt::format("'{}' is not a kb database", path));
    }
    if (version > schema_version()) {
      return fail(Errc::conflict,
                  fmt::format("'{}' has schema version {}, newer than this kb ({}); upgrade kb",
                              path, version, schema_version()));
    }
    if (version < schema_version()) {
      // Reading an old schema could misread it; the next write migrates it.
      return fail(Errc::conflict,
                  fmt::format("'{}' has an older schema; open it for writing to upgrade it", path));
    }
  } else {
    KB_TRY(migrate(db));
  }
  return Store(std::move(db));
}

namespace {

// A SQLite transaction or savepoint behind kb::Transaction; its destructor rolls back.
template <typename Unit>
class UnitImpl final : public kb::Transaction::Impl {
 public:
  explicit UnitImpl(Unit unit) : unit_(std::move(unit)) {}
  Result<void> commit() override {
    if constexpr (std::is_same_v<Unit, Savepoint>) {
      return unit_.release();
    } else {
      return unit_.commit();
    }
  }

 private:
  Unit unit_;
};

}  // namespace

Result<kb::Transaction> Store::transaction() {
  KB_ASSIGN(Transaction tx, db_.transaction(true));
  return kb::Transaction(std::make_unique<UnitImpl<Transaction>>(std::move(tx)));
}

Result<kb::Transaction> Store::savepoint() {
  KB_ASSIGN(Savepoint sp, db_.savepoint());
  return kb::Transaction(std::make_unique<UnitImpl<Savepoint>>(std::move(sp)));
}

Result<Store> Store::open_memory() { return open(":memory:", OpenMode::create); }

std::string Store::now_iso() const {
  const auto now = std::chrono::floor<std::chrono::seconds>(clock_());
  return date::format("%FT%TZ", now);
}

namespace rows {

Result<FuzzyDate> restore_date(std::string_view timex, std::string_view modifier,
                               std::int64_t first, std::int64_t last, std::string_view precision) {
  const Modifier mod = modifier_from_string(modifier).value_or(Modifier::none);
  auto parsed = FuzzyDate::from_timex(timex);
  if (parsed) {
    return parsed->with_modifier(mod);
  }
  const auto p = precision_from_string(precision);
  if (!p || first > last) {
    return fail(Errc::storage, fmt::format("corrupt date in database: '{}'", timex));
  }
  return FuzzyDate::interval(from_day_number(first), from_day_number(last), *p, mod);
}

std::vector<std::string> split_lineage(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) {
      out.emplace_back(text.substr(at, end - at));
    }
    at = end + 1;
  }
  return out;
}

std::string join_lineage(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) {
    out += (out.empty() ? "" : " ") + k;
  }
  return out;
}

Result<Event> read_event(const Statement& s) {
  Event e;
  e.id = s.column_int(0);
  e.title = s.column_text(1);
  e.summary = s.column_text(2);
  KB_ASSIGN(e.date, restore_date(s.column_text(7), s.column_text(6), s.column_int(3),
                                 s.column_int(4), s.column_text(5)));
  e.date_text = s.column_text(8);
  KB_ASSIGN(e.kind, parse_event_kind(s.column_text(9)));
  KB_ASSIGN(e.status, parse_status(s.column_text(10)));
  e.confidence = s.column_double(11);
  e.origin = s.column_text(12) == "manual" ? Origin::manual : Origin::imported;
  e.recorded_at = s.column_text(13);
  e.updated_at = s.column_text(14);
  e.import_id = s.column_optional_int(15);
  e.merged_into = s.column_optional_int(16);
  e.uuid = s.column_text(17);
  e.curated = s.column_int(18) != 0;
  e.fatalities = s.column_optional_int(19);
  e.lineage = split_lineage(s.column_text(20));
  e.revision = s.column_int(21);
  return e;
}

Result<DumpLink> read_link(const Statement& s) {
  DumpLink l;
  l.id = s.column_int(0);
  l.from = s.column_int(1);
  KB_ASSIGN(l.relation, parse_relation(s.column_text(2)));
  l.to = s.column_int(3);
  l.citation_id = s.column_optional_int(4);
  l.created_at = s.column_text(5);
  return l;
}

}  // namespace rows
}  // namespace kb::sqlite
