// migrate(): brings a database up to the schema embedded from schema/*.sql.
#pragma once

#include "kb/result.hpp"
#include "storage/sqlite/sqlite.hpp"

namespace kb::sqlite {

// Applies every embedded migration numbered above PRAGMA user_version, all in one write
// transaction that re-reads the version once it holds the lock, so kb processes starting
// together on a new file do not collide. Running it twice is a no-op, and an up-to-date database
// is only read. Error (conflict) when the file has a newer schema than this kb knows; (storage)
// when it is not a kb database (it has schema objects but no version: nothing is changed in it)
// or a migration fails.
Result<void> migrate(Db& db);

// The schema version this build of kb writes.
int schema_version();

}  // namespace kb::sqlite
