#!/bin/bash
# kb copy SQLite -> PostgreSQL -> SQLite: this branch at 100k events; main vs this branch at 20k
# events, one after the other on one throwaway cluster (scripts/pg_test_cluster.sh run).
set -eu
cd /tmp/cbench
BASE=/work/c-base/kb
NEW=/work/c/build/release/cli/kb
q=${KB_TEST_PG#*\?}
uri() { echo "postgresql://kbtest@/$1?$q"; }
measure() {  # label command...
  local label=$1; shift
  echo "== $label: $(uptime)"
  /usr/bin/time -v "$@" > "$label.out" 2> "$label.time" || { cat "$label.time"; exit 1; }
  cat "$label.out"
  grep -E "Elapsed|Maximum resident|User time|System time" "$label.time"
}
cp kb100k.db src100k-new.db
cp kb20k.db src20k-base.db
cp kb20k.db src20k-new.db
for d in n100k b20k n20k; do psql -q "$KB_TEST_PG" -c "CREATE DATABASE $d"; done
rm -f back*.db
measure new-100k-to-pg $NEW copy src100k-new.db "$(uri n100k)"
measure new-100k-from-pg $NEW copy "$(uri n100k)" back100k-new.db
measure base-20k-to-pg $BASE copy src20k-base.db "$(uri b20k)"
measure new-20k-to-pg $NEW copy src20k-new.db "$(uri n20k)"
measure base-20k-from-pg $BASE copy "$(uri b20k)" back20k-base.db
measure new-20k-from-pg $NEW copy "$(uri n20k)" back20k-new.db
echo "== exports (md5), by this branch's kb"
for kb in src100k-new.db "$(uri n100k)" back100k-new.db src20k-new.db "$(uri b20k)" "$(uri n20k)" back20k-base.db back20k-new.db; do
  echo "$($NEW --db "$kb" export --format json | md5sum) $kb"
done
uptime
