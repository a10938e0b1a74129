#!/usr/bin/env bash
# Analysis-layer speed beside kb import --no-events, whole processes on the same articles in the
# same run (Release, one thread for the analysis).
# Usage: bench/analysis.sh [CORPUS.jsonl] [MAX_ARTICLES]  (default ../shared/data/articles/dev.jsonl, 2000)
# Env: BUILD (default build/bench-release), SKIP_BUILD=1 to reuse a build, BASELINE=MODEL.kbm to
# run the analysis a second time, in the same run, with that model file instead of
# data/analysis/en_ewt.kbm (e.g. the previous model, from `git show main:data/analysis/en_ewt.kbm`).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/articles/dev.jsonl}
max=${2:-2000}
build=${BUILD:-build/bench-release}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKB_TESTS=OFF >/dev/null
  cmake --build "$build" --target kb bench_analysis >/dev/null
fi
work=$(mktemp -d /tmp/kb-bench-analysis.XXXXXX)
trap 'rm -rf "$work"' EXIT
head -n "$max" "$corpus" >"$work/corpus.jsonl"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(wc -l <"$work/corpus.jsonl") articles of $corpus"
/usr/bin/time -f "kb import --no-events: %e s, peak RSS %M kB" \
  "$build/cli/kb" --db "$work/kb.db" import --no-events "$work/corpus.jsonl" >/dev/null
/usr/bin/time -f "bench_analysis: %e s wall, peak RSS %M kB" "$build/bench/bench_analysis" "$work/corpus.jsonl"
if [ -n "${BASELINE:-}" ]; then
  # the same data directory, but for the model file
  mkdir -p "$work/data/analysis"
  for f in data/*; do
    [ "$(basename "$f")" = analysis ] || ln -s "$PWD/$f" "$work/data/"
  done
  for f in data/analysis/*; do
    [ "$(basename "$f")" = en_ewt.kbm ] || ln -s "$PWD/$f" "$work/data/analysis/"
  done
  ln -s "$(realpath "$BASELINE")" "$work/data/analysis/en_ewt.kbm"
  echo "baseline model: $BASELINE"
  KB_DATA_DIR="$work/data" /usr/bin/time -f "bench_analysis (baseline): %e s wall, peak RSS %M kB" \
    "$build/bench/bench_analysis" "$work/corpus.jsonl"
fi
