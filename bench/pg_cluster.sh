#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the scale benchmark (bench/scale.sh, bench/README.md
# "Scale"), on a unix socket only, like scripts/pg_test_cluster.sh but with a data directory
# that survives between runs (a 10M-event load is not redone for every measurement) and settings
# for a benchmark instead of for tests:
#
#   bench/pg_cluster.sh start [DIR]   # initdb DIR/data once, start it; prints the connection URI
#   bench/pg_cluster.sh stop [DIR]    # stops it (the data directory stays)
#   bench/pg_cluster.sh remove [DIR]  # stops it and removes DIR
#   bench/pg_cluster.sh uri [DIR]     # prints the URI of the database "kb" in it
#
# DIR defaults to $KB_SCALE_PG (default /tmp/kb-scale/pg). As root the server runs as the system
# user kbtest (initdb refuses root), created when missing, as scripts/pg_test_cluster.sh does.
#
# Settings (postgresql.conf's defaults otherwise), and why:
#   shared_buffers=4GB, effective_cache_size=12GB  the machine has 23 GB; a 10M-event KB is ~10 GB
#   work_mem=64MB, maintenance_work_mem=1GB        sorts of the bulk load's index builds in memory
#   max_wal_size=16GB, checkpoint_timeout=30min    no checkpoint storm in the middle of the load
#   wal_level=minimal, max_wal_senders=0           no replication here: less WAL for bulk writes
#   random_page_cost=1.1                           the disk is an SSD-backed virtual disk
#   jit=off                                        with the default jit=on, a plan whose
#                                                  estimated cost exceeds jit_above_cost (100,000;
#                                                  a count over 10M rows does) is compiled to
#                                                  machine code first: off, so that the timings
#                                                  are of the plans (its cost was not measured)
#   fsync, synchronous_commit, full_page_writes    left on (the defaults): kb import's commit
#                                                  figures are those of a durable server
# Override or add settings with PG_OPTS ("-c name=value ...").
set -euo pipefail

bindir=${KB_PG_BINDIR:-/usr/lib/postgresql/15/bin}
user=kbtest
port=5432

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

uri() { echo "postgresql://$user@/kb?host=$1&port=$port"; }

start() {
  local dir=$1
  if [ ! -x "$bindir/initdb" ]; then
    echo "pg_cluster: no PostgreSQL server in $bindir (install postgresql-15)" >&2
    return 1
  fi
  if [ "$(id -u)" = 0 ] && ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  fi
  if [ ! -d "$dir/data" ]; then
    mkdir -p "$dir"
    chmod 700 "$dir"
    [ "$(id -u)" = 0 ] && chown "$user" "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p $port \
          -c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=64MB \
          -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min \
          -c wal_level=minimal -c max_wal_senders=0 -c random_page_cost=1.1 -c jit=off \
          ${PG_OPTS:-}" start >/dev/null || { tail -20 "$dir/server.log" >&2; return 1; }
  fi
  if ! as_owner "$bindir/psql" -h "$dir" -p "$port" -U "$user" -d postgres -Atqc \
      "SELECT 1 FROM pg_database WHERE datname = 'kb'" | grep -q 1; then
    as_owner "$bindir/psql" -h "$dir" -p "$port" -U "$user" -d postgres -qc "CREATE DATABASE kb"
  fi
  uri "$dir"
}

stop() {
  local dir=$1
  [ -d "$dir/data" ] || return 0
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

dir=${2:-${KB_SCALE_PG:-/tmp/kb-scale/pg}}
case "${1:-}" in
  start) start "$dir" ;;
  stop) stop "$dir" ;;
  remove) stop "$dir"; rm -rf "$dir" ;;
  uri) uri "$dir" ;;
  *)
    echo "usage: $0 start|stop|remove|uri [DIR]" >&2
    exit 2
    ;;
esac
