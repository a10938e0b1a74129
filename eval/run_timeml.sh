#!/bin/sh
# Regenerates the score table of docs/date-tagger.md: runs bench_timeml_eval (TempEval-3 Task A
# measures) on each TimeML corpus in ../shared/data/timeml and replaces the lines between the
# SCORES markers. Usage: eval/run_timeml.sh [BUILD_DIR]   (default build/release)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
data=${KB_TIMEML_DIR:-$root/../shared/data/timeml}
tool=$build/bench/bench_timeml_eval
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target bench_timeml_eval -j2 >/dev/null
doc=$root/docs/date-tagger.md
table=$(mktemp)
{
  echo "| corpus | docs | gold | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value F1 | type F1 |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for c in timebank aquaint wikiwars-timex3; do
    if [ -d "$data/$c" ]; then
      "$tool" --markdown "$c" "$data/$c"
    else
      echo "run_timeml.sh: no $data/$c; skipped" >&2
    fi
  done
} >"$table"
awk -v table="$table" '
  /<!-- SCORES BEGIN -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
  /<!-- SCORES END -->/ { skip = 0 }
  !skip { print }
' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
rm -f "$table"
cat "$doc" | sed -n '/SCORES BEGIN/,/SCORES END/p'
