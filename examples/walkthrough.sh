#!/usr/bin/env bash
# Builds an example knowledge base from examples/ and prints `kb timeline ukraine`.
# KB: the kb binary (default: kb on PATH); DB: the database to create (replaced if present).
#  1. `kb import` reads the reference article (a scraped Caliber.az page reprinting The Wall
#     Street Journal), cleans it, resolves its dates against the publication time and records
#     the dated events it reports, each citing its sentence;
#  2. an analyst adds context by hand (`kb add`, `kb link`), with public sources;
#  3. the timeline shows both, each date at the precision it was stated.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
KB=${KB:-kb}
DB=${DB:-$here/../build/demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
export KB_DB="$DB"
kb() { command "$KB" "$@" >/dev/null || { echo "walkthrough: kb $* failed" >&2; exit 1; }; }

kb import --url https://caliber.az/ "$here/caliber-az-2023-05-23-wsj-ukraine-security-model.txt"

W=https://en.wikipedia.org/wiki
kb add "Ukraine declares independence" --date 1991-08-24 --kind decision --actor Ukraine \
  --source "$W/Declaration_of_Independence_of_Ukraine"
kb add "Minsk II agreement on the war in Donbas" --date 2015-02-12 --kind agreement \
  --actor Ukraine --actor Russia --source "$W/Minsk_agreements"

command "$KB" timeline ukraine
