#!/usr/bin/env bash
# Scale benchmark, third session (issue #16; bench/README.md "Scale", docs/scale.md section 2.2):
# kb's timeline and search whole-process on a database bench/scale.sh loaded, connecting directly
# and through PgBouncer, before and after search ranked from the RUM index, in one hyperfine run
# per command.
#
# Usage: bench/scale_pooled.sh [EVENTS]   (default 10,000,000; the server bench/pg_cluster.sh
#        started under OUT/pg, with database kb_EVENTS loaded by `STEPS=pg bench/scale.sh`)
# Env: KB (this branch's kb), KB_BEFORE (the kb to compare with; its database is kb_EVENTS),
#   AFTER_DB (default kb_EVENTS_rum: a copy of kb_EVENTS, `CREATE DATABASE ... TEMPLATE
#   kb_EVENTS`, that KB migrated to schema 5: the RUM indexes), OUT (default /tmp/kb-scale),
#   BUSY (default Russia), WORDS (default "ceasefire officials"), RUNS (default 10).
# It starts two poolers (scripts/pgbouncer.sh: transaction and session pooling, under
# OUT/pgb-tx and OUT/pgb-se) unless they are running, and leaves them running.
# Results: OUT/results-EVENTS-pooled/ (hyperfine tables, plans, the machine's load).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
events=${1:-10000000}
out=${OUT:-/tmp/kb-scale}
busy=${BUSY:-Russia}
words=${WORDS:-ceasefire officials}
runs=${RUNS:-10}
kb=${KB:?KB: this branch\'s kb}
before=${KB_BEFORE:?KB_BEFORE: the kb to compare with}
before_db=kb_$events
after_db=${AFTER_DB:-kb_${events}_rum}
res=$out/results-$events-pooled
mkdir -p "$res"

direct() { echo "postgresql://kbtest@/$1?host=$out/pg&port=5432"; }
pooled() { echo "postgresql://kbtest@/$1?host=$out/pgb-$2&port=6432"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
for mode in tx se; do
  if [[ ! -S $out/pgb-$mode/.s.PGSQL.6432 ]]; then
    POOL_MODE=$([[ $mode == tx ]] && echo transaction || echo session) \
      bash "$root/scripts/pgbouncer.sh" start "$out/pgb-$mode" "$out/pg" 5432 >/dev/null
  fi
done

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/Mem:/ {print $2}') GB"
  echo "kb: $kb; before: $before"
  echo "before: $before_db; after: $after_db ($(psql -X -Atq "$(direct "$after_db")" -c \
    "SELECT value FROM kb_setting WHERE name = 'search_ranking'") ranking)"
  psql -X -Atq "$(direct "$after_db")" -c "SELECT indexrelid::regclass || ': ' ||
    pg_size_pretty(pg_relation_size(indexrelid)) FROM pg_index
    WHERE indrelid IN ('event'::regclass, 'source'::regclass)
      AND indexrelid::regclass::text LIKE '%search%' ORDER BY 1"
} | tee "$res/machine.txt"

# The counts each command shows, both databases (stderr: "showing 20 of N matches"); the GIN
# ranking of the first word only.
for w in ${words%% *}; do
  for db in "$before $(direct "$before_db")" "$kb $(direct "$after_db")"; do
    read -r bin uri <<<"$db"
    echo "== $bin search $w"
    "$bin" --db "$uri" search "$w" --limit 20 2>&1 >/dev/null | tail -1
  done
done | tee "$res/counts.txt"

# The RUM ranking as the server runs it, first and second time in one session.
{
  for w in $words; do
    echo "-- $w: the best 20 events from event_search_rum, then the count from GIN"
    psql -X -q "$(direct "$after_db")" <<SQL
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.event_id, e.search <=> plainto_tsquery('simple', '$w')
  FROM event e WHERE e.search @@ plainto_tsquery('simple', '$w') AND e.merged_into IS NULL
  ORDER BY e.search <=> plainto_tsquery('simple', '$w') LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.event_id, e.search <=> plainto_tsquery('simple', '$w')
  FROM event e WHERE e.search @@ plainto_tsquery('simple', '$w') AND e.merged_into IS NULL
  ORDER BY e.search <=> plainto_tsquery('simple', '$w') LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT
  (SELECT count(*) FROM event c WHERE c.search @@ plainto_tsquery('simple', '$w')) -
  (SELECT count(*) FROM event c WHERE c.merged_into IS NOT NULL
     AND c.search @@ plainto_tsquery('simple', '$w')),
  (SELECT count(*) FROM source c WHERE c.search @@ plainto_tsquery('simple', '$w'));
SQL
  done
} >"$res/plans.txt" 2>&1

echo "load before the timings: $(load)" | tee -a "$res/machine.txt"
tl() { echo "$1 --db '$2' timeline $busy --limit 100"; }
hyperfine --warmup 3 --runs "$runs" --export-markdown "$res/timeline.md" \
  -n "before, direct" "$(tl "$before" "$(direct "$before_db")")" \
  -n "before, PgBouncer transaction" "$(tl "$before" "$(pooled "$before_db" tx)")" \
  -n "after, direct" "$(tl "$kb" "$(direct "$after_db")")" \
  -n "after, PgBouncer transaction" "$(tl "$kb" "$(pooled "$after_db" tx)")" \
  -n "after, PgBouncer session" "$(tl "$kb" "$(pooled "$after_db" se)")" |
  tee -a "$res/bench.txt"
echo "load after the timeline: $(load)" | tee -a "$res/machine.txt"
# The first word on all five; the others (very common words: the GIN ranking takes half a
# minute and more at 10M) on the RUM database only.
se() { echo "$1 --db '$2' search $3 --limit 20"; }
for w in $words; do
  variants=()
  if [[ $w == "${words%% *}" ]]; then
    variants+=(-n "before (GIN, ts_rank_cd), direct" "$(se "$before" "$(direct "$before_db")" "$w")"
      -n "before (GIN, ts_rank_cd), PgBouncer transaction"
      "$(se "$before" "$(pooled "$before_db" tx)" "$w")")
  fi
  variants+=(-n "after (RUM), direct" "$(se "$kb" "$(direct "$after_db")" "$w")"
    -n "after (RUM), PgBouncer transaction" "$(se "$kb" "$(pooled "$after_db" tx)" "$w")"
    -n "after (RUM), PgBouncer session" "$(se "$kb" "$(pooled "$after_db" se)" "$w")")
  hyperfine --warmup 2 --runs "$runs" --export-markdown "$res/search-$w.md" "${variants[@]}" |
    tee -a "$res/bench.txt"
  echo "load after search $w: $(load)" | tee -a "$res/machine.txt"
done
cat "$res/timeline.md" "$res"/search-*.md
