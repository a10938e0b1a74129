#!/bin/bash
# kb copy of the 100k-event bench_core file SQLite -> PostgreSQL (and back), baseline (main) vs
# this branch, one after the other on one throwaway cluster (scripts/pg_test_cluster.sh run).
set -eu
cd /tmp/cbench
BASE=/work/c-base/kb
NEW=/work/c/build/release/cli/kb
q=${KB_TEST_PG#*\?}
uri() { echo "postgresql://kbtest@/$1?$q"; }
ROUNDS=${ROUNDS:-1}
measure() {  # label command...
  local label=$1; shift
  echo "== $label: $(uptime)"
  /usr/bin/time -v "$@" > "$label.out" 2> "$label.time" || { cat "$label.time"; exit 1; }
  cat "$label.out"
  grep -E "Elapsed|Maximum resident|User time|System time" "$label.time"
}
for r in $(seq 1 "$ROUNDS"); do
  for who in base new; do
    cp kb100k.db "src-$who-$r.db"
    psql -q "$KB_TEST_PG" -c "CREATE DATABASE ${who}_$r"
  done
  measure "base-to-pg-$r" $BASE copy "src-base-$r.db" "$(uri base_$r)"
  measure "new-to-pg-$r" $NEW copy "src-new-$r.db" "$(uri new_$r)"
  measure "base-from-pg-$r" $BASE copy "$(uri base_$r)" "back-base-$r.db"
  measure "new-from-pg-$r" $NEW copy "$(uri new_$r)" "back-new-$r.db"
done
echo "== exports (md5), by this branch's kb"
$NEW --db src-new-1.db export --format json | md5sum
$NEW --db "$(uri base_1)" export --format json | md5sum
$NEW --db "$(uri new_1)" export --format json | md5sum
$NEW --db back-base-1.db export --format json | md5sum
$NEW --db back-new-1.db export --format json | md5sum
uptime
