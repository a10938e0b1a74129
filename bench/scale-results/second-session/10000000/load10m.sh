#!/usr/bin/env bash
# bench/scale.sh's "pg" step for 10M, by hand: the empty database migrated by main's kb (schema 2)
# and then by migration 0003 of branch q (the same SQL the new kb runs), then the same load.
set -euo pipefail
root=/work/q
out=/tmp/q-scale
events=10000000
res=$out/results-$events
pgdir=$out/pg
uri="postgresql://kbtest@/kb_$events?host=$pgdir&port=5432"
admin="postgresql://kbtest@/postgres?host=$pgdir&port=5432"
copy=$out/copy-$events
log() { echo "== $(date -u +%H:%M:%S) $* (load $(cut -d' ' -f1-3 /proc/loadavg))"; }
log "copy files"
rm -rf "$copy"
/usr/bin/time -f "copy files: %e s wall" /work/main/build/rel/bench/bench_core --copy "$copy" --events $events --entities 100000 --sources $((events / 5)) --years 50 2>&1 | grep -v '^bench_core: [0-9]* events$'
psql -X -q "$admin" -c "CREATE DATABASE kb_$events"
/work/main/build/rel/cli/kb --db "$uri" stats >/dev/null
(echo 'BEGIN;'; cat /tmp/q_0003_entity_days.sql; echo "UPDATE kb_schema_version SET version = 3; COMMIT;") | psql -X -q -v ON_ERROR_STOP=1 "$uri"
pg_dump --schema-only "$uri" | grep -Ev '^\\(un)?restrict ' >"$res/schema-kb.sql"
log "loading"
start=$(date +%s.%N)
psql -X -v ON_ERROR_STOP=1 -1 -v dir="$copy" -f "$root/bench/scale_load.sql" "$uri" 2>&1
loaded_at=$(date +%s.%N)
psql -X -q "$uri" -c "VACUUM ANALYZE"
end=$(date +%s.%N)
printf "pg load: %.1f s, VACUUM ANALYZE: %.1f s\n" "$(echo "$loaded_at - $start" | bc)" "$(echo "$end - $loaded_at" | bc)"
log "loaded"
rm -rf "$copy"
pg_dump --schema-only "$uri" | grep -Ev '^\\(un)?restrict ' >"$res/schema-loaded.sql"
diff -u "$res/schema-kb.sql" "$res/schema-loaded.sql" && echo "pg_dump --schema-only: loaded database = migrated database"
psql -X -q "$uri" -c "SELECT pg_size_pretty(pg_database_size(current_database()))"
