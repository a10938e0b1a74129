// migrate(): brings a database up to the schema embedded from schema/*.sql.
#pragma once

#include "kb/result.hpp"
#include "storage/sqlite/sqlite.hpp"

namespace kb::sqlite {

// Applies every embedded migration numbered above PRAGMA user_version, each in its own
// transaction, bumping the version after each. Running it twice is a no-op. Error (conflict)
// when the file has a newer schema than this kb knows; (storage) when it is not a kb database
// (it has tables but no version) or a migration fails.
Result<void> migrate(Db& db);

// The schema version this build of kb writes.
int schema_version();

}  // namespace kb::sqlite
