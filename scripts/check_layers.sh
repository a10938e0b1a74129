#!/usr/bin/env bash
# Enforces the layering: <sqlite3.h> only in kb/sqlite.cpp, CLI11 only under cli/, and kb/
# never includes importers/ or cli/, importers/ never includes cli/.
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
check '#include <sqlite3\.h>' '^(kb/sqlite\.cpp|bench/|tests/)' "<sqlite3.h> outside kb/sqlite.cpp"
check '#include <CLI/' '^(cli/|tests/|bench/)' "CLI11 outside cli/"
check '#include "(importers|cli)/' '^(importers/|cli/|tests/|bench/|fuzz/|eval/)' "kb/ includes importers/ or cli/"
check '#include "cli/' '^(cli/|tests/|bench/|fuzz/|eval/)' "importers/ includes cli/"
exit $fail
