#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for kb's tests, on localhost only.
#
#   eval "$(bash scripts/pg_test_cluster.sh start)"   # prints: export KB_TEST_PG=... KB_TEST_PG_DIR=...
#   bash scripts/pg_test_cluster.sh stop              # stops it and removes its directory
#   bash scripts/pg_test_cluster.sh run CMD...        # start, run CMD with KB_TEST_PG set, stop
#                                                     # (also when CMD fails or is interrupted)
#
# initdb refuses to run as root, so as root the cluster belongs to a system user (kbtest, created
# when missing). It listens on no TCP address, only on a unix socket in its own temporary
# directory, with trust authentication for that socket: nobody else on
# the machine can reach it unless they can enter the directory. KB_TEST_PG is a connection URI
# naming the superuser and the socket directory; the tests create a database of their own in it
# for each case (tests/storage/postgres/pg_fixture.hpp).
#
# KB_TEST_PGBOUNCER=transaction (or session) puts PgBouncer in that pool mode between the tests
# and the server (scripts/pgbouncer.sh, same directory, port 6432): KB_TEST_PG then names the
# pooler, so that every PostgreSQL test runs through it (docs/scale.md section 2.2); the cases
# that log in as logins they create themselves fail there (the pooler's auth file lacks them):
#   KB_TEST_PGBOUNCER=transaction bash scripts/pg_test_cluster.sh run bash -c \
#     "build/rel/tests/kb_tests -tc='postgres::*' && bash scripts/test_postgres.sh build/rel"
# KB_TEST_PG_OPTS adds server settings ("-c name=value ..."), e.g. "-c kb.search_index=gin" for
# the whole suite on GIN-ranked search as on a server without the RUM extension (schema 0005).
set -euo pipefail

bindir=${KB_PG_BINDIR:-/usr/lib/postgresql/15/bin}
user=kbtest

# Runs a command as the cluster's owner (ourselves unless we are root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

start() {
  if [ ! -x "$bindir/initdb" ]; then
    echo "pg_test_cluster: no PostgreSQL server in $bindir (install postgresql-15)" >&2
    return 1
  fi
  if [ "$(id -u)" = 0 ] && ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  fi
  local dir
  dir=$(mktemp -d /tmp/kb-pg.XXXXXX)
  chmod 700 "$dir"
  [ "$(id -u)" = 0 ] && chown "$user" "$dir"
  # Nothing listens on TCP: the port number only names the socket file, in a directory of this
  # cluster's own, so the default one cannot collide with another server.
  local port=5432
  as_owner "$bindir/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p $port -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off ${KB_TEST_PG_OPTS:-}" start >/dev/null ||
    { cat "$dir/server.log" >&2; return 1; }
  if [ -n "${KB_TEST_PGBOUNCER:-}" ]; then
    local pooled
    pooled=$(POOL_MODE=$KB_TEST_PGBOUNCER bash "$(dirname "$0")/pgbouncer.sh" start "$dir" "$dir" \
      "$port") || return 1
    echo "export KB_TEST_PG='$pooled'"
  else
    echo "export KB_TEST_PG='postgresql://$user@/postgres?host=$dir&port=$port'"
  fi
  echo "export KB_TEST_PG_DIR='$dir'"
}

stop() {
  local dir=${1:-${KB_TEST_PG_DIR:-}}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "pg_test_cluster: no cluster to stop (KB_TEST_PG_DIR is unset)" >&2
    return 0
  fi
  bash "$(dirname "$0")/pgbouncer.sh" stop "$dir"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  run)
    shift
    eval "$(start)"
    trap 'stop "$KB_TEST_PG_DIR"' EXIT
    trap 'exit 130' INT TERM
    "$@"
    ;;
  *)
    echo "usage: $0 start | stop [DIR] | run COMMAND..." >&2
    exit 2
    ;;
esac
