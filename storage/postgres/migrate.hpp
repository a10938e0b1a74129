// migrate(): brings a PostgreSQL database up to the schema embedded from schema/*.sql.
#pragma once

#include "kb/result.hpp"
#include "storage/postgres/pg.hpp"

namespace kb::postgres {

// Applies every embedded migration numbered above the version in table kb_schema_version, all
// in one transaction under an advisory lock (kb processes starting together on a new database
// take turns; whoever comes second finds the work done). Running it twice is a no-op, and an
// up-to-date database is only read. Error (conflict) when the database has a newer schema than
// this kb knows; (storage) when it holds tables but no kb_schema_version (someone else's:
// nothing is changed in it) or a migration fails.
Result<void> migrate(Db& db);

// The schema version this build of kb writes on PostgreSQL.
int schema_version();

}  // namespace kb::postgres
