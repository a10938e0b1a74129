// init_access(), grant_access(): kb's three roles and their GRANTs.

#include "storage/postgres/access.hpp"

#include <fmt/format.h>

namespace kb::postgres {
namespace {

// Roles are the cluster's, shared by its databases; the grants are on this database's tables.
// Sequences: the serial columns' (import runs, warnings, operations).
constexpr std::string_view kInitAccess = R"sql(
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_reader') THEN
    CREATE ROLE kb_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_editor') THEN
    CREATE ROLE kb_editor NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_admin') THEN
    CREATE ROLE kb_admin NOLOGIN;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO kb_reader, kb_editor, kb_admin',
                 current_database());
END $$;
GRANT USAGE ON SCHEMA public TO kb_reader, kb_editor, kb_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO kb_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kb_editor;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO kb_editor;
GRANT kb_editor TO kb_admin;
GRANT CREATE ON SCHEMA public TO kb_admin;
)sql";
constexpr std::string_view kRoleExists = "SELECT 1 FROM pg_roles WHERE rolname = $1";
// The statements that make `$1` a member of kb role `$2` only, with identifiers quoted by the
// server (format's %I), so a login's name is never spliced into SQL by hand.
constexpr std::string_view kGrantStatements =
    "SELECT format('REVOKE kb_reader, kb_editor, kb_admin FROM %I', $1::text), "
    "format('GRANT %I TO %I', $2::text, $1::text)";

}  // namespace

Result<Access> parse_access(std::string_view name) {
  if (name == "reader") {
    return Access::reader;
  }
  if (name == "editor") {
    return Access::editor;
  }
  if (name == "admin") {
    return Access::admin;
  }
  return fail(Errc::invalid_argument,
              fmt::format("unknown access '{}' (expected reader, editor or admin)", name));
}

Result<void> init_access(Db& db) {
  KB_ASSIGN(Transaction tx, db.transaction(false));
  KB_TRY(db.exec(kInitAccess));
  return tx.commit();
}

Result<void> grant_access(Db& db, std::string_view user, Access access) {
  Statement exists = db.prepare(kRoleExists);
  exists.bind(1, user);
  KB_ASSIGN(const Step found, exists.step());
  if (found != Step::row) {
    return fail(Errc::not_found, fmt::format("no PostgreSQL login named '{}'", user));
  }
  const std::string_view role = access == Access::reader   ? "kb_reader"
                                : access == Access::editor ? "kb_editor"
                                                           : "kb_admin";
  Statement make = db.prepare(kGrantStatements);
  make.bind(1, user).bind(2, role);
  KB_TRY(make.step());
  const std::string revoke = make.column_text(0);
  const std::string grant = make.column_text(1);
  KB_ASSIGN(Transaction tx, db.transaction(false));
  KB_TRY(db.exec(revoke));
  KB_TRY(db.exec(grant));
  return tx.commit();
}

}  // namespace kb::postgres
