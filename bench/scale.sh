#!/usr/bin/env bash
# Scale benchmark (issue #16; bench/README.md "Scale", docs/scale.md): a synthetic knowledge base
# of EVENTS events (default 10,000,000 over 50 years, 100,000 zipf-distributed entities,
# EVENTS/5 sources each cited by one event) in PostgreSQL and, the same rows, in SQLite; then
# whole-process hyperfine timings of both engines in the same run, and the throughput of 1, 2
# and 4 concurrent `kb import` processes into one PostgreSQL knowledge base.
#
# Usage: bench/scale.sh [EVENTS]
# Steps (env STEPS, default "sqlite pg bench import"; each skips what already exists):
#   sqlite  bench_core OUT/sqlite-EVENTS.db --events EVENTS --entities 100000 --sources EVENTS/5
#           (kb's own schema and triggers, through kb::migrate: the same generator as
#           bench/core.sh, 10x the entities)
#   pg      bench/pg_cluster.sh start (a benchmark server under OUT/pg; settings there), database
#           kb_EVENTS migrated by kb itself (`kb --db URI stats` on the empty database), then the
#           same rows written by `bench_core --copy` loaded by bench/scale_load.sql (triggers and
#           secondary indexes off during the load, recreated after, search documents computed in
#           bulk), VACUUM ANALYZE (kb never runs it: on PostgreSQL it relies on autovacuum), and
#           `pg_dump --schema-only` of the loaded database compared with the one kb made: the
#           script stops if they differ
#   bench   hyperfine --warmup 3 --runs $RUNS (default 20) of `kb --db X timeline BUSY --limit
#           100` and `kb --db X search WORD --limit 20` for X = the PostgreSQL URI and the SQLite
#           file, and EXPLAIN (ANALYZE, BUFFERS) of kb's PostgreSQL statements (plans.txt)
#   import  ARTICLES (default ../shared/data/articles/dev.jsonl) split into 1, 2 and 4 parts
#           (round robin: split -n r/N),
#           one `kb import PART` process per part at once into a new, empty PostgreSQL
#           database, with and without --no-events; wall time, articles/s, events/s
#           (IMPORT_ARTICLES=N: the first N articles only)
# Env: KB (default build/bench-release/cli/kb), BENCH_CORE (default
#   build/bench-release/bench/bench_core), SKIP_BUILD=1 to use them as they are (otherwise both
#   are built in Release into build/bench-release), OUT (default /tmp/kb-scale), ENTITIES,
#   SOURCES, BUSY (default Russia, rank 1), WORD (default ceasefire, in 1 of 24 titles; several
#   words separated by spaces are timed one by one), RUNS,
#   STOP=0 to leave the PostgreSQL server running at the end (default: stopped; its data stays
#   under OUT/pg until `bench/pg_cluster.sh remove OUT/pg`).
# Results: OUT/results-EVENTS/*.md (hyperfine tables), *.txt (plans, counts, import figures).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
events=${1:-10000000}
out=${OUT:-/tmp/kb-scale}
entities=${ENTITIES:-100000}
sources=${SOURCES:-$((events / 5))}
busy=${BUSY:-Russia}
word=${WORD:-ceasefire}
word1=${word%% *}  # the counts and plans are of the first word
runs=${RUNS:-20}
steps=${STEPS:-sqlite pg bench import}
articles=${ARTICLES:-$root/../shared/data/articles/dev.jsonl}
build=$root/build/bench-release
kb=${KB:-$build/cli/kb}
bench_core=${BENCH_CORE:-$build/bench/bench_core}
res=$out/results-$events
sqlite_db=$out/sqlite-$events.db
pgdir=$out/pg
mkdir -p "$out" "$res"

has() { [[ " $steps " == *" $1 "* ]]; }
log() { echo "== $(date -u +%H:%M:%S) $*"; }
machine() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/Mem:/ {print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

if [[ -z ${SKIP_BUILD:-} ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKB_TESTS=OFF >/dev/null
  cmake --build "$build" -j2 --target kb bench_core
fi
log "machine: $(machine)" | tee -a "$res/machine.txt"
log "kb: $kb; bench_core: $bench_core" | tee -a "$res/machine.txt"

if has sqlite && [[ ! -f $sqlite_db ]]; then
  log "sqlite: generating $sqlite_db"
  /usr/bin/time -f "sqlite generation: %e s wall, %U s user, %S s sys, %M KiB max RSS" \
    "$bench_core" "$sqlite_db" --events "$events" --entities "$entities" --sources "$sources" \
    --years 50 --cache-mb 2048 2>&1 | grep -v '^bench_core: [0-9]* events$' | tee -a "$res/load.txt"
  log "machine after: $(machine)" | tee -a "$res/load.txt"
fi

pg_up=
pg_start() {
  if [[ -z $pg_up ]]; then
    "$root/bench/pg_cluster.sh" start "$pgdir" >/dev/null
    pg_up=1
    [[ ${STOP:-1} == 0 ]] || trap '"$root/bench/pg_cluster.sh" stop "$pgdir"' EXIT
  fi
}
# The URI of database $1 on the benchmark server (bench/pg_cluster.sh's user and socket).
pg_uri() { echo "postgresql://kbtest@/$1?host=$pgdir&port=5432"; }
psql_as() { psql -X -v ON_ERROR_STOP=1 "$@"; }
pg_uri_main() { pg_uri "kb_$events"; }

if has pg; then
  pg_start
  uri=$(pg_uri_main)
  admin=$(pg_uri postgres)
  loaded=$(psql_as -Atq "$admin" -c "SELECT 1 FROM pg_database WHERE datname = 'kb_$events'")
  if [[ $loaded != 1 ]]; then
    copy=$out/copy-$events
    rm -rf "$copy"
    log "pg: writing COPY files to $copy"
    /usr/bin/time -f "copy files: %e s wall" "$bench_core" --copy "$copy" --events "$events" \
      --entities "$entities" --sources "$sources" --years 50 2>&1 |
      grep -v '^bench_core: [0-9]* events$' | tee -a "$res/load.txt"
    psql_as -q "$admin" -c "CREATE DATABASE kb_$events"
    "$kb" --db "$uri" stats >/dev/null # kb migrates the empty database
    # (without pg_dump's \restrict lines, whose key is random in each dump)
    pg_dump --schema-only "$uri" | grep -Ev '^\\(un)?restrict ' >"$res/schema-kb.sql"
    log "pg: loading"
    start=$(date +%s.%N)
    psql_as -1 -v dir="$copy" -f "$root/bench/scale_load.sql" "$uri" 2>&1 | tee -a "$res/load.txt"
    loaded_at=$(date +%s.%N)
    psql_as -q "$uri" -c "VACUUM ANALYZE"
    end=$(date +%s.%N)
    printf "pg load: %.1f s, VACUUM ANALYZE: %.1f s\n" "$(echo "$loaded_at - $start" | bc)" \
      "$(echo "$end - $loaded_at" | bc)" | tee -a "$res/load.txt"
    log "machine after: $(machine)" | tee -a "$res/load.txt"
    rm -rf "$copy"
    pg_dump --schema-only "$uri" | grep -Ev '^\\(un)?restrict ' >"$res/schema-loaded.sql"
    if ! diff -u "$res/schema-kb.sql" "$res/schema-loaded.sql"; then
      echo "scale.sh: the loaded schema differs from kb's (above)" >&2
      exit 1
    fi
    echo "pg_dump --schema-only: loaded database = kb-migrated database" | tee -a "$res/load.txt"
  fi
fi

if has bench; then
  pg_start
  uri=$(pg_uri_main)
  log "bench: machine $(machine)" | tee "$res/bench.txt"
  {
    echo "PostgreSQL database size: $(psql_as -Atq "$uri" -c \
      "SELECT pg_size_pretty(pg_database_size(current_database()))")"
    if [[ -f $sqlite_db ]]; then
      echo "SQLite file: $(du -h "$sqlite_db" | cut -f1)"
    else
      echo "SQLite file: none ($sqlite_db was not generated): PostgreSQL only"
    fi
    psql_as -q "$uri" -c "SELECT (SELECT count(*) FROM event) AS events,
      (SELECT count(*) FROM entity) AS entities, (SELECT count(*) FROM source) AS sources,
      (SELECT count(*) FROM event_entity) AS roles,
      (SELECT count(*) FROM event_entity ee JOIN entity_alias a USING (entity_id)
        WHERE a.alias_key = lower('$busy')) AS busy_events,
      (SELECT count(*) FROM event WHERE search @@ plainto_tsquery('simple', '$word1'))
        AS word_events,
      (SELECT count(*) FROM source WHERE search @@ plainto_tsquery('simple', '$word1'))
        AS word_sources"
    psql_as -q "$uri" -c "SELECT e.name, count(*) AS events FROM event_entity ee
      JOIN entity e USING (entity_id) GROUP BY e.name ORDER BY count(*) DESC LIMIT 3"
  } | tee -a "$res/bench.txt"
  for db in "$uri" "$sqlite_db"; do
    [[ $db == "$uri" || -f $db ]] || continue
    "$kb" --db "$db" timeline "$busy" --limit 2
    "$kb" --db "$db" search "$word1" --limit 2
  done
  # kb's PostgreSQL statements for these two commands (storage/postgres/store_query.cpp), as
  # the server runs them: the timeline selection, then the search's ranked hits.
  {
    echo "-- timeline $busy (kb's selection, kTopicOldestFirst without the filters kb binds as"
    echo "-- NULL; entity ids and tag bound as kb binds them), run twice in one session: the"
    echo "-- first run is what a new kb process gets"
    psql_as -q "$uri" <<SQL
PREPARE t(bigint[], text, bigint) AS
WITH picked AS (
  SELECT p.event_id FROM unnest(\$1) AS t(id) CROSS JOIN LATERAL (
    SELECT d.event_id FROM (SELECT DISTINCT ee.first_day, ee.last_day, ee.event_id
      FROM event_entity ee WHERE ee.entity_id = t.id) d
    JOIN event e ON e.event_id = d.event_id WHERE e.merged_into IS NULL
    ORDER BY d.first_day, d.last_day, d.event_id LIMIT \$3) p
  UNION
  (SELECT e.event_id FROM event e
   WHERE e.event_id IN (SELECT event_id FROM event_tag WHERE tag = \$2::ctext)
     AND e.merged_into IS NULL
   ORDER BY e.first_day, e.last_day, e.event_id LIMIT \$3))
SELECT e.event_id FROM event e WHERE e.event_id IN (SELECT event_id FROM picked)
ORDER BY e.first_day, e.last_day, e.event_id LIMIT \$3;
SELECT array_agg(entity_id) AS ids FROM entity_alias WHERE alias_key = lower('$busy') \\gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE t(:'ids', lower('$busy'), 100);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE t(:'ids', lower('$busy'), 100);
SQL
    echo "-- search $word1: kb's ranked events (counting the matches as they are ranked),"
    echo "-- first and second run in one session"
    psql_as -q "$uri" <<SQL
PREPARE s(text) AS
WITH q AS (SELECT plainto_tsquery('simple', \$1) AS q),
m AS MATERIALIZED (SELECT e.event_id AS id, ts_rank_cd(e.search, q.q) AS score FROM event e, q
                   WHERE e.search @@ q.q AND e.merged_into IS NULL),
hit AS (SELECT id, score FROM m ORDER BY score DESC, id LIMIT 20)
SELECT h.*, (SELECT count(*) FROM m) AS matches FROM hit h;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE s('$word1');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE s('$word1');
SQL
  } >"$res/plans.txt" 2>&1
  # Both engines in one hyperfine run (the SQLite file only where it was generated).
  tl=(-n "PostgreSQL: kb timeline $busy --limit 100" "$kb --db '$uri' timeline $busy --limit 100")
  [[ -f $sqlite_db ]] &&
    tl+=(-n "SQLite: kb timeline $busy --limit 100" "$kb --db $sqlite_db timeline $busy --limit 100")
  hyperfine --warmup 3 --runs "$runs" --export-markdown "$res/timeline.md" "${tl[@]}" |
    tee -a "$res/bench.txt"
  for w in $word; do
    se=(-n "PostgreSQL: kb search $w --limit 20" "$kb --db '$uri' search $w --limit 20")
    [[ -f $sqlite_db ]] &&
      se+=(-n "SQLite: kb search $w --limit 20" "$kb --db $sqlite_db search $w --limit 20")
    hyperfine --warmup 3 --runs "$runs" --export-markdown "$res/search-$w.md" "${se[@]}" |
      tee -a "$res/bench.txt"
  done
  log "bench done: machine $(machine)" | tee -a "$res/bench.txt"
  cat "$res/timeline.md" "$res"/search-*.md
fi

if has import; then
  pg_start
  [[ -f $articles ]] || { echo "scale.sh: no articles at $articles (set ARTICLES)" >&2; exit 2; }
  split_dir=$out/import-parts
  input=$articles
  if [[ -n ${IMPORT_ARTICLES:-} ]]; then # the first N articles only
    input=$out/import-first-$IMPORT_ARTICLES.jsonl
    head -n "$IMPORT_ARTICLES" "$articles" >"$input"
  fi
  total=$(wc -l <"$input")
  : >"$res/import.txt"
  echo "| importers | mode | seconds | articles/s | events | events/s | load average |" \
    >"$res/import.md"
  echo "|---:|:---|---:|---:|---:|---:|:---|" >>"$res/import.md"
  for mode in events no-events; do
    for n in 1 2 4; do
      rm -rf "$split_dir"
      mkdir -p "$split_dir"
      split -n "r/$n" -d "$input" "$split_dir/part-" --additional-suffix=.jsonl
      db=kb_import
      admin=$(pg_uri postgres)
      psql_as -q "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
      iuri=$(pg_uri $db)
      "$kb" --db "$iuri" stats >/dev/null # migrated before the clock starts
      flag=()
      [[ $mode == no-events ]] && flag=(--no-events)
      log "import: $n importer(s), $mode" | tee -a "$res/import.txt"
      start=$(date +%s.%N)
      pids=()
      for part in "$split_dir"/part-*.jsonl; do
        "$kb" --db "$iuri" import "${flag[@]}" "$part" >"$part.log" 2>&1 &
        pids+=($!)
      done
      failed=0
      for p in "${pids[@]}"; do wait "$p" || failed=1; done
      end=$(date +%s.%N)
      load=$(cut -d' ' -f1-3 /proc/loadavg)
      tail -n 3 "$split_dir"/part-*.log >>"$res/import.txt"
      if [[ $failed != 0 ]]; then
        cat "$split_dir"/part-*.log >&2
        echo "scale.sh: an importer failed" >&2
        exit 1
      fi
      read -r nsrc nev < <(psql_as -Atq -F ' ' "$iuri" -c \
        "SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM event)")
      secs=$(echo "$end - $start" | bc)
      printf "| %d | %s | %.1f | %.0f | %d | %.0f | %s |\n" "$n" "$mode" "$secs" \
        "$(echo "$total / $secs" | bc -l)" "$nev" "$(echo "$nev / $secs" | bc -l)" "$load" |
        tee -a "$res/import.md"
      echo "sources stored: $nsrc of $total articles" >>"$res/import.txt"
    done
  done
  rm -rf "$split_dir"
  [[ $input == "$articles" ]] || rm -f "$input"
  psql_as -q "$(pg_uri postgres)" -c "DROP DATABASE IF EXISTS kb_import"
  cat "$res/import.md"
fi
