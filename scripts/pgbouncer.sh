#!/usr/bin/env bash
# PgBouncer (Debian: pgbouncer) in front of a PostgreSQL server, on a unix socket only, for kb's
# PostgreSQL tests through a pooler (scripts/pg_test_cluster.sh with KB_TEST_PGBOUNCER) and the
# scale benchmark (bench/README.md "Scale"); README "PostgreSQL behind PgBouncer" has a team's
# set-up, of which this is the smallest form:
#
#   scripts/pgbouncer.sh start DIR SERVER_SOCKET_DIR [SERVER_PORT]   # prints the pooler's URI
#   scripts/pgbouncer.sh stop DIR                                    # stops it (DIR stays)
#
# kb connects to postgresql://USER@/DATABASE?host=DIR&port=6432 instead of the server's URI.
# Every database name is passed through to the server (`* =`), with the login's own name; the
# socket is the only way in and authentication is trust, as for the test servers: nobody else
# can reach it unless they can enter DIR. POOL_MODE: transaction (the default; a server
# connection per transaction, which kb's statements allow: docs/scale.md section 2.2) or
# session. POOL_SIZE: server connections per database and login (default 4). As root it runs
# as the test servers' user, kbtest (PgBouncer refuses to run as root).
set -euo pipefail

user=kbtest
port=6432

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir=$1 server=$2 server_port=${3:-5432}
  command -v pgbouncer >/dev/null || {
    echo "pgbouncer.sh: no pgbouncer (install the pgbouncer package)" >&2
    return 1
  }
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown "$user" "$dir"
  local who=$user
  [ "$(id -u)" = 0 ] || who=$(id -un)
  # trust still wants each login named in the auth file (with any password)
  echo "\"$who\" \"\"" >"$dir/userlist.txt"
  cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=$server port=$server_port

[pgbouncer]
listen_addr =
listen_port = $port
unix_socket_dir = $dir
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = ${POOL_MODE:-transaction}
default_pool_size = ${POOL_SIZE:-4}
max_client_conn = 200
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
EOF
  [ "$(id -u)" = 0 ] && chown "$user" "$dir"/*
  as_owner pgbouncer -d "$dir/pgbouncer.ini"
  for _ in $(seq 50); do
    [ -S "$dir/.s.PGSQL.$port" ] && break
    sleep 0.1
  done
  [ -S "$dir/.s.PGSQL.$port" ] || {
    cat "$dir/pgbouncer.log" >&2
    return 1
  }
  echo "postgresql://$who@/postgres?host=$dir&port=$port"
}

stop() {
  local dir=$1
  if [ -f "$dir/pgbouncer.pid" ]; then
    local pid
    pid=$(cat "$dir/pgbouncer.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
}

case "${1:-}" in
  start) start "${2:?DIR}" "${3:?SERVER_SOCKET_DIR}" "${4:-}" ;;
  stop) stop "${2:?DIR}" ;;
  *)
    echo "usage: $0 start DIR SERVER_SOCKET_DIR [SERVER_PORT] | stop DIR" >&2
    exit 2
    ;;
esac
