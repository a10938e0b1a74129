#!/usr/bin/env bash
# Core benchmark (bench/README.md, "Core"): builds kb in Release, generates a synthetic knowledge
# base (1,000,000 events over 50 years, 10,000 zipf-distributed entities) under /tmp, then times
# `kb timeline <busy entity> --limit 100` and `kb search <term> --limit 20` with hyperfine beside
# the sqlite3 CLI running the equivalent raw SQL on the same file.
# Usage: bench/core.sh [EVENTS]
#   env: BUILD (default build/bench-release), DB (default /tmp/kb-bench/core-EVENTS.db), OUT,
#   JOBS (build parallelism, default 2), SKIP_BUILD=1 to use an existing build in $BUILD as is.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build/bench-release}
events=${1:-1000000}
db=${DB:-/tmp/kb-bench/core-$events.db}
out=${OUT:-/tmp/kb-bench}
jobs=${JOBS:-2}
mkdir -p "$out" "$(dirname "$db")"

if [[ -z ${SKIP_BUILD:-} ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKB_TESTS=OFF >/dev/null
  cmake --build "$build" -j"$jobs" --target kb bench_core
fi
grep -E '^CMAKE_BUILD_TYPE' "$build/CMakeCache.txt" || true

if [[ ! -f $db ]]; then
  /usr/bin/time -f "generation: %e s wall, %M KiB max RSS" \
    "$build/bench/bench_core" "$db" --events "$events" --entities 10000 --years 50
fi
ls -l "$db"

kb="$build/cli/kb"
busy=Russia   # rank 1 of the zipf distribution
term=ceasefire
# The raw queries: the same selection and order kb uses, without kb's per-event detail loading.
cat >"$out/timeline.sql" <<SQL
SELECT e.event_id, e.title, e.timex FROM event e WHERE e.event_id IN
  (SELECT ee.event_id FROM event_entity ee WHERE ee.entity_id IN
    (SELECT entity_id FROM entity_alias WHERE alias_key = 'russia'))
  ORDER BY e.first_day, e.last_day, e.event_id LIMIT 100;
SQL
cat >"$out/search.sql" <<SQL
WITH hit AS (SELECT rowid AS id, bm25(event_fts) AS score FROM event_fts
  WHERE event_fts MATCH '"$term"' ORDER BY score LIMIT 50)
SELECT h.id, e.title, (SELECT snippet(event_fts, -1, '[', ']', '…', 12) FROM event_fts
  WHERE event_fts MATCH '"$term"' AND rowid = h.id), h.score
  FROM hit h JOIN event e ON e.event_id = h.id WHERE e.merged_into IS NULL ORDER BY h.score LIMIT 20;
WITH hit AS (SELECT rowid AS id, bm25(source_fts) AS score FROM source_fts
  WHERE source_fts MATCH '"$term"' ORDER BY score LIMIT 20)
SELECT h.id, s.title, (SELECT snippet(source_fts, 1, '[', ']', '…', 12) FROM source_fts
  WHERE source_fts MATCH '"$term"' AND rowid = h.id), h.score
  FROM hit h JOIN source s ON s.source_id = h.id ORDER BY h.score;
SQL

echo "== counts"
sqlite3 "$db" "SELECT (SELECT count(*) FROM event), (SELECT count(*) FROM event_entity),
  (SELECT count(*) FROM event_entity ee JOIN entity_alias a ON a.entity_id = ee.entity_id
   WHERE a.alias_key = 'russia'),
  (SELECT count(*) FROM event_fts WHERE event_fts MATCH '\"$term\"');"

"$kb" --db "$db" timeline "$busy" --limit 3
"$kb" --db "$db" search "$term" --limit 2

hyperfine --warmup 3 --runs 20 --export-markdown "$out/core-timeline.md" \
  -n "kb timeline $busy --limit 100" "$kb --db $db timeline $busy --limit 100" \
  -n "sqlite3 raw timeline query" "sqlite3 $db < $out/timeline.sql"
hyperfine --warmup 3 --runs 20 --export-markdown "$out/core-search.md" \
  -n "kb search $term --limit 20" "$kb --db $db search $term --limit 20" \
  -n "sqlite3 raw search query" "sqlite3 $db < $out/search.sql"
cat "$out/core-timeline.md" "$out/core-search.md"
