#!/usr/bin/env bash
# The CLI and end-to-end suites (tests/cli, tests/e2e) once more, with each test's knowledge base
# a fresh PostgreSQL database instead of a SQLite file (KB_TEST_ENGINE=postgres, see
# tests/test_util.hpp's TempKb), against the server $KB_TEST_PG names:
#   bash scripts/pg_test_cluster.sh run bash scripts/test_postgres.sh [BUILD_DIR]
# BUILD_DIR defaults to build/dev. The cases below test what only a SQLite file has, reach into
# the SQLite file directly, or check the full-text syntax and snippets that differ by engine
# (docs/storage.md); they are left out (TODO(#16): give those that can a PostgreSQL twin).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
if [ -z "${KB_TEST_PG:-}" ]; then
  echo "test_postgres: KB_TEST_PG is not set (scripts/pg_test_cluster.sh run ...)" >&2
  exit 2
fi
sqlite_only=(
  # the file's bytes and SQLite's header, PRAGMA user_version, a read-only folder, a missing file
  "kb refuses a file that is not a database and leaves it alone"
  "kb refuses another program's SQLite database"
  "kb refuses a database with a newer schema and leaves it alone"
  "kb reading commands work on a database in a read-only folder"
  "kb --db in a missing folder fails clearly and creates no folder"
  "kb timeline errors"
  # they reach into the SQLite file itself (sqlite::Store or raw SQL: a trigger that makes the
  # store refuse an article, a run left unfinished, uuids and invariants read back directly)
  "commands accept a permanent id or its first 8+ characters"
  "kb import --list marks a run that did not finish"
  "kb import logs every warning it reports*"
  "kb import logs the warnings of an article the store refuses"
  "kb import skips an article the store refuses and keeps its batch"
  "property: random analyst commands*"
  # FTS5's snippets and query syntax (PostgreSQL: ts_headline, websearch_to_tsquery)
  "kb search finds events by title*"  # (doctest splits filters at commas)
  "kb search takes punctuation literally unless --raw"
)
exclude=$(IFS=,; echo "${sqlite_only[*]}")
start=$(date +%s)
KB_TEST_ENGINE=postgres "$build/tests/kb_tests" --test-suite=cli,e2e --test-case-exclude="$exclude"
echo "test_postgres: CLI and e2e suites on PostgreSQL in $(( $(date +%s) - start ))s"
