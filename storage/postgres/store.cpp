// Store: connecting, migrating, the clock and transactions.

#include "storage/postgres/store.hpp"

#include <memory>
#include <type_traits>

#include <date/date.h>
#include <fmt/format.h>

#include "storage/postgres/migrate.hpp"

namespace kb::postgres {

Result<Store> Store::open(const std::string& uri) {
  KB_ASSIGN(Db db, Db::open(uri));
  KB_TRY(migrate(db));
  return Store(std::move(db));
}

namespace {

// A PostgreSQL transaction or savepoint behind kb::Transaction; its destructor rolls back.
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

std::string Store::now_iso() const {
  const auto now = std::chrono::floor<std::chrono::seconds>(clock_());
  return date::format("%FT%TZ", now);
}

}  // namespace kb::postgres
