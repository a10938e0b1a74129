// Access to a shared knowledge base: three PostgreSQL roles (kb_reader, kb_editor, kb_admin)
// with their GRANTs on kb's tables, and granting one of them to a login (`kb admin`).
#pragma once

#include <string_view>

#include "kb/result.hpp"
#include "storage/postgres/pg.hpp"

namespace kb::postgres {

enum class Access { reader, editor, admin };

// "reader", "editor" or "admin". Error (invalid_argument) otherwise.
Result<Access> parse_access(std::string_view name);

// Creates the roles kb_reader (SELECT on kb's tables), kb_editor (also INSERT, UPDATE, DELETE)
// and kb_admin (an editor who may also change the schema) where missing, and grants them on the
// current database, in one transaction. Requires: kb's schema (migrate()), a connection allowed
// to create roles and grant on kb's tables (the database's owner with CREATEROLE, or a
// superuser). Running it again changes nothing. Error (storage) with the server's reason.
Result<void> init_access(Db& db);

// Makes login `user` a kb reader, editor or admin: grants that role and revokes the other two.
// Error (not_found) for a role the server does not know, (storage) with the server's reason.
Result<void> grant_access(Db& db, std::string_view user, Access access);

}  // namespace kb::postgres
