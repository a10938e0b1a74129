#!/usr/bin/env bash
# Runs libFuzzer targets one after the other, each for SECONDS, at low priority, and prints one
# summary line per target (runs, executions, coverage, corpus, findings).
# Usage: fuzz/run.sh SECONDS [TARGET...]   (default: every fuzz_* built in build/fuzz/fuzz)
# Build first: cmake --preset fuzz && cmake --build --preset fuzz -j2 --target TARGET...
# The working corpus grows in build/fuzz/corpus/TARGET (seeded from fuzz/corpus/TARGET and, for
# the text targets, tests/data/readers); crashes, leaks and timeouts land in
# build/fuzz/artifacts/TARGET/ and logs in build/fuzz/logs/TARGET.log.
# FUZZ_TIMEOUT (seconds, default 60) is libFuzzer's per-input limit: raise it on a machine whose
# other work can starve these low-priority runs, or a model load reads as a hang.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for t in build/fuzz/fuzz/fuzz_*; do targets+=("$(basename "$t")"); done
fi
for t in "${targets[@]}"; do
  bin=build/fuzz/fuzz/$t
  [ -x "$bin" ] || { echo "$t: not built ($bin)"; continue; }
  work=build/fuzz/corpus/$t
  art=build/fuzz/artifacts/$t
  mkdir -p "$work" "$art" build/fuzz/logs
  seeds=()
  [ -d "fuzz/corpus/$t" ] && seeds+=("fuzz/corpus/$t")
  case $t in fuzz_readers|fuzz_timex|fuzz_analysis|fuzz_extract) seeds+=(tests/data/readers) ;; esac
  log=build/fuzz/logs/$t.log
  start=$(date +%s)
  nice -n 10 "$bin" "$work" "${seeds[@]}" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=2048 -timeout="${FUZZ_TIMEOUT:-60}" -artifact_prefix="$art/" -print_final_stats=1 >"$log" 2>&1
  code=$?
  end=$(date +%s)
  runs=$(grep -m1 '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[^ ]+')
  found=$(ls "$art" | wc -l)
  echo "$t: exit $code, $((end - start)) s, ${runs:-?} executions, $cov, artifacts: $found"
done
