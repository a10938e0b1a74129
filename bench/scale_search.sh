#!/usr/bin/env bash
# Scale benchmark, fourth session (issue #16; bench/README.md "Scale", docs/scale.md section 2.2):
# `kb search` whole-process at 10M events, before and after the newest months' window (schema 6),
# connecting directly and through PgBouncer (transaction pooling), in one hyperfine run per query.
#
# Usage: bench/scale_search.sh [EVENTS]   (default 10,000,000; the server bench/pg_cluster.sh
#        started under OUT/pg)
# Env: KB (this branch's kb), KB_BEFORE (main's kb, schema 5), BEFORE_DB (default
#   kb_EVENTS_rum: schema 5, the RUM indexes), AFTER_DB (default kb_EVENTS_s22: a copy of it,
#   `CREATE DATABASE ... TEMPLATE`, that KB migrated to schema 6), OUT (default /tmp/kb-scale),
#   RUNS (default 5).
# It starts the transaction pooler (scripts/pgbouncer.sh, OUT/pgb-tx) unless it is running.
# Results: OUT/results-EVENTS-search/ (hyperfine tables, stderr of each query, plans, load).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
events=${1:-10000000}
out=${OUT:-/tmp/kb-scale}
runs=${RUNS:-5}
kb=${KB:?KB: this branch\'s kb}
before=${KB_BEFORE:?KB_BEFORE: the kb to compare with}
before_db=${BEFORE_DB:-kb_${events}_rum}
after_db=${AFTER_DB:-kb_${events}_s22}
res=$out/results-$events-search
mkdir -p "$res"

direct() { echo "postgresql://kbtest@/$1?host=$out/pg&port=5432"; }
pooled() { echo "postgresql://kbtest@/$1?host=$out/pgb-tx&port=6432"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
if [[ ! -S $out/pgb-tx/.s.PGSQL.6432 ]]; then
  POOL_MODE=transaction bash "$root/scripts/pgbouncer.sh" start "$out/pgb-tx" "$out/pg" 5432 \
    >/dev/null
fi

# The queries: a word in 4% of the events, one in every quote, two words, a phrase (--raw).
queries=("ceasefire" "officials" "'ceasefire russia'" "--raw '\"delivers ceasefire\"'")
names=("ceasefire" "officials" "two-words" "phrase")

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/Mem:/ {print $2}') GB"
  echo "kb: $kb; before: $before"
  echo "before: $before_db; after: $after_db"
  psql -X -Atq "$(direct "$after_db")" -c "SELECT indexrelid::regclass || ': ' ||
    pg_size_pretty(pg_relation_size(indexrelid)) FROM pg_index
    WHERE indrelid IN ('event'::regclass, 'source'::regclass)
      AND indexrelid::regclass::text LIKE '%search%' ORDER BY 1"
} | tee "$res/machine.txt"

# What each command says on stderr (counts, the window), both kbs, and with --all.
for i in "${!queries[@]}"; do
  q=${queries[$i]}
  for variant in "$before $(direct "$before_db")" "$kb $(direct "$after_db")" \
    "$kb $(direct "$after_db") --all"; do
    read -r bin uri all <<<"$variant"
    echo "== $bin search $q --limit 20 $all"
    eval "\"$bin\" --db \"$uri\" search $q --limit 20 $all" 2>&1 >/dev/null
  done
done | tee "$res/stderr.txt"

# The window's statement as the server runs it (the months of the after database).
{
  for w in ceasefire officials; do
    echo "-- $w: the best 20 events of the newest 6 months, then of every match"
    psql -X -q "$(direct "$after_db")" <<SQL
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH RECURSIVE m(day) AS ((SELECT first_day FROM event ORDER BY first_day DESC LIMIT 1)
  UNION ALL SELECT (SELECT e.first_day FROM event e WHERE e.first_day < m.day + 1 -
  extract(day FROM make_date(1970, 1, 1) + m.day::int)::bigint ORDER BY e.first_day DESC LIMIT 1)
  FROM m WHERE m.day IS NOT NULL),
months AS (SELECT kb_search_month_of(day) AS lexeme FROM m WHERE day IS NOT NULL LIMIT 6)
SELECT w.id, w.distance FROM months CROSS JOIN LATERAL (
  SELECT e.event_id AS id, kb_search_month(e.search, e.first_day) <=> plainto_tsquery('simple', '$w')
    AS distance FROM event e
  WHERE kb_search_month(e.search, e.first_day) @@
    (plainto_tsquery('simple', '$w') && quote_literal(months.lexeme)::tsquery)
    AND e.merged_into IS NULL
  ORDER BY kb_search_month(e.search, e.first_day) <=> plainto_tsquery('simple', '$w') LIMIT 20) w
ORDER BY w.distance, w.id LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.event_id, e.search <=> plainto_tsquery('simple', '$w')
  FROM event e WHERE e.search @@ plainto_tsquery('simple', '$w') AND e.merged_into IS NULL
  ORDER BY e.search <=> plainto_tsquery('simple', '$w') LIMIT 20;
SQL
  done
} >"$res/plans.txt" 2>&1

echo "load before the timings: $(load)" | tee -a "$res/machine.txt"
se() { echo "$1 --db '$2' search $3 --limit 20 $4"; }
for i in "${!queries[@]}"; do
  q=${queries[$i]}
  hyperfine --warmup 2 --runs "$runs" --export-markdown "$res/search-${names[$i]}.md" \
    -n "before, direct" "$(se "$before" "$(direct "$before_db")" "$q" "")" \
    -n "before, PgBouncer" "$(se "$before" "$(pooled "$before_db")" "$q" "")" \
    -n "after, direct" "$(se "$kb" "$(direct "$after_db")" "$q" "")" \
    -n "after, PgBouncer" "$(se "$kb" "$(pooled "$after_db")" "$q" "")" \
    -n "after --all, PgBouncer" "$(se "$kb" "$(pooled "$after_db")" "$q" "--all")" |
    tee -a "$res/bench.txt"
  echo "load after search ${names[$i]}: $(load)" | tee -a "$res/machine.txt"
done
cat "$res"/search-*.md
