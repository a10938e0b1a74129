#!/usr/bin/env bash
# Enforces the layering (README "Architecture"):
#   kb (model + Repository) <- storage/{sqlite,postgres} <- storage/open <- cli
#   kb <- importers <- services <- render <- cli
# SQL, <sqlite3.h> and <libpq-fe.h> live only under storage/ (each in its engine's one file); CLI11 only under cli/; services/ and render/
# never see a storage engine or the command line; importers/ never open a database; and cli/
# holds no SQL of its own (it parses options, calls a service, renders, maps errors).
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
check() {  # pattern, allowed-path-regex, message
  local hits
  hits=$(git grep -lE "$1" -- '*.cpp' '*.hpp' | grep -vE "$2" || true)
  if [ -n "$hits" ]; then
    echo "layering: $3:"; echo "$hits" | sed 's/^/  /'; fail=1
  fi
}
tools='bench/|tests/|fuzz/|eval/|tools/'
check '#include <sqlite3\.h>' "^(storage/sqlite/sqlite\.cpp|$tools)" "<sqlite3.h> outside storage/sqlite/sqlite.cpp"
check '#include <libpq-fe\.h>' "^(storage/postgres/pg\.cpp|$tools)" "<libpq-fe.h> outside storage/postgres/pg.cpp"
check '#include "storage/' "^(storage/|cli/|$tools)" "storage/ included outside storage/ and cli/ (use kb/repository.hpp)"
check '#include <CLI/' "^(cli/|$tools)" "CLI11 outside cli/"
check '#include "cli/' "^(cli/|$tools)" "cli/ included from a lower layer"
check '#include "(render|cli)/' "^(render/|cli/|$tools)" "render/ included below it"
check '#include "(services|render|cli)/' "^(services/|render/|cli/|$tools)" "services/ included below it"
check '#include "(importers|services|render|cli|storage)/' "^(importers/|services/|render/|cli/|storage/|$tools)" \
  "kb/ includes a higher layer"
check '#include "(services|render|cli|storage)/' "^(services/|render/|cli/|storage/|$tools)" \
  "importers/ includes services/, render/, cli/ or storage/"
# SQL text: statements in string literals (SELECT ... FROM, INSERT INTO, UPDATE ... SET,
# DELETE FROM, CREATE ..., PRAGMA) may appear only in storage/.
check '"[^"]*\b(SELECT\b[^"]*\bFROM|INSERT (OR [A-Z]+ )?INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE (TABLE|INDEX|TRIGGER|VIRTUAL)|PRAGMA )' \
  "^(storage/|$tools)" "SQL outside storage/"
# The domain's write side belongs in services/: cli/ never prepares statements or opens
# transactions by hand beyond what a command needs to call the repository.
check '\.prepare\(|Statement\b|\bDb\b' "^(storage/|$tools)" "SQLite handles outside storage/"
exit $fail
