#!/usr/bin/env bash
# Installs what kb needs to build, test and run on Debian 12 (run as root; a no-op when all is
# there). Everything comes from Debian's packages. postgresql-15 is the server the tests start a
# throwaway cluster of (scripts/pg_test_cluster.sh); kb itself needs only the client, libpq.
# postgresql-15-rum gives that server the RUM index (search ranked from the index, PostgreSQL
# schema 5), pgbouncer the pooler the tests and the scale benchmark can run through
# (scripts/pgbouncer.sh); kb works without either.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-15-rum pgbouncer libhowardhinnant-date-dev libfmt-dev libcli11-dev doctest-dev
  libicu-dev libxml2-dev zlib1g-dev nlohmann-json3-dev libmd4c-dev iso-codes
  clang-14 libfuzzer-14-dev clang-format-14 clang-tidy-14 hyperfine
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
