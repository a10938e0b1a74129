#!/usr/bin/env bash
# Import throughput against the floor, whole processes on the same corpus in the same run:
#   floor      bench_floor: texts into a plain SQLite table + FTS5, nothing else
#   sources    kb import --no-events: read, clean, store sources (+FTS5), import log
#   events     kb import: the same plus event extraction (workers) and storage (one writer)
# Usage: bench/import.sh [CORPUS.jsonl] [RUNS]   (default ../shared/data/articles/dev.jsonl, 3)
# Env: BUILD (default build/bench-release), SKIP_BUILD=1 to reuse a build.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/articles/dev.jsonl}
runs=${2:-3}
build=${BUILD:-build/bench-release}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKB_TESTS=OFF >/dev/null
  cmake --build "$build" --target kb bench_floor >/dev/null
fi
work=$(mktemp -d /tmp/kb-bench-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM; corpus: $corpus ($(stat -c %s "$corpus") bytes)"

# best_of CMD...: runs CMD $runs times on a fresh database; prints "best_seconds max_rss_kb".
best_of() {
  local best="" rss=0
  for _ in $(seq "$runs"); do
    rm -f "$work"/*.db*
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
      cat "$work/err" >&2; return 1; }
    read -r secs kb <"$work/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  echo "$best $rss"
}

read -r articles bytes _ < <("$build/bench/bench_floor" "$corpus" "$work/probe.db")
read -r floor floor_rss < <(best_of "$build/bench/bench_floor" "$corpus" "$work/floor.db")
read -r sources sources_rss < <(best_of "$build/cli/kb" --db "$work/kb.db" import --no-events "$corpus")
read -r events events_rss < <(best_of "$build/cli/kb" --db "$work/kb.db" import "$corpus")
stored_events=$("$build/cli/kb" --db "$work/kb.db" stats --format json | grep '"events"' | tr -dc 0-9)

row() {  # name seconds rss_kb
  awk -v n="$1" -v s="$2" -v r="$3" -v a="$articles" -v b="$bytes" -v f="$floor" 'BEGIN {
    printf "| %-8s | %7.2f | %8.0f | %6.2f | %5.2f | %6.0f |\n", n, s, a/s, b/s/1e6, f/s, r/1024 }'
}
echo
echo "| run      | seconds | articles/s | MB/s | ratio to floor | peak RSS MiB |"
echo "|:---------|--------:|-----------:|-----:|---------------:|-------------:|"
row floor "$floor" "$floor_rss"
row sources "$sources" "$sources_rss"
row events "$events" "$events_rss"
echo
echo "$articles articles, $bytes bytes of text; events stored: $stored_events ($(awk -v e="$stored_events" -v a="$articles" 'BEGIN{printf "%.2f", e/a}') per article); best of $runs runs"
