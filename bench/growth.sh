#!/usr/bin/env bash
# Growth of time and peak memory with input size (issue #14): each stage must be linear.
#   import  `kb import FILE` (events extracted) of one-line files of ~10 KB, 100 KB, 1 MB, 10 MB:
#           "one sentence": 'Russia met Ukraine on 24 February 2022 and ' repeated (the issue's
#             input: a single sentence, which kb skips for extraction past 2,000 bytes);
#           "sentences": 'Russia met Ukraine on 24 February 2022. ' repeated (one line of
#             many short dated sentences, each parsed by the extractor).
#   search  `kb search` with 10, 100, 1,000, 10,000 words on the 10 KB knowledge base (above 64
#           words kb refuses the query with exit 2; that refusal must stay fast).
# Prints a table with seconds, peak RSS and the ratio to the previous row (a 10x step: ~10 for
# linear growth, ~1 for constant).
# Usage: bench/growth.sh [SIZES...]   (default: 10000 100000 1000000 10000000 bytes)
# Env: KB (default build/ci-release/cli/kb), SENTENCE_MAX (largest "sentences" size, default
#      the largest size), RUNS (default 1; the best run is kept).
set -euo pipefail
cd "$(dirname "$0")/.."
kb=${KB:-build/ci-release/cli/kb}
runs=${RUNS:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000 10000000)
sentence_max=${SENTENCE_MAX:-${sizes[-1]}}
[ -x "$kb" ] || { echo "growth.sh: no kb binary at $kb (set KB=...)" >&2; exit 2; }
work=$(mktemp -d /tmp/kb-bench-growth.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); kb: $kb"

# measure CMD...: runs CMD $runs times; prints "best_seconds max_rss_kb exit_code" (wall clock
# from date +%s%N, peak RSS from /usr/bin/time).
measure() {
  local best="" rss=0 code=0
  for _ in $(seq "$runs"); do
    rm -f "$work"/kb.db*
    code=0
    local t0 t1 secs kb_rss
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || code=$?
    t1=$(date +%s%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b - a) / 1e9}')
    kb_rss=$(tail -n 1 "$work/time")  # after "Command exited with non-zero status N", if any
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
    [ "$kb_rss" -gt "$rss" ] && rss=$kb_rss
  done
  echo "$best $rss $code"
}

# line FILE BYTES PHRASE: one line of PHRASE repeated to about BYTES bytes.
line() {
  python3 -c "import sys; p=sys.argv[2]; print(p * max(1, int(sys.argv[1]) // len(p)))" "$2" "$3" >"$1"
}

prev_s="" prev_m=""
row() {  # what size seconds rss_kb code
  local ratio_s="" ratio_m=""
  if [ -n "$prev_s" ]; then
    ratio_s=$(awk -v a="$3" -v b="$prev_s" 'BEGIN{ if (b > 0) printf "%.1f", a/b; else printf "-" }')
    ratio_m=$(awk -v a="$4" -v b="$prev_m" 'BEGIN{ printf "%.2f", a/b }')
  fi
  printf "| %-22s | %10s | %8.3f | %8.1f | %6s | %6s | %4s |\n" "$1" "$2" "$3" "$(awk -v r="$4" 'BEGIN{print r/1024}')" "$ratio_s" "$ratio_m" "$5"
  prev_s=$3 prev_m=$4
}
header() {
  echo
  echo "| $1 | input | seconds | peak RSS MiB | time ratio | RSS ratio | exit |"
  echo "|:---|---:|---:|---:|---:|---:|---:|"
}

for kind in "one sentence" "sentences"; do
  header "kb import ($kind)"
  prev_s="" prev_m=""
  phrase='Russia met Ukraine on 24 February 2022 and '
  [ "$kind" = sentences ] && phrase='Russia met Ukraine on 24 February 2022. '
  for size in "${sizes[@]}"; do
    [ "$kind" = sentences ] && [ "$size" -gt "$sentence_max" ] && continue
    line "$work/in.txt" "$size" "$phrase"
    read -r s m c < <(measure "$kb" --db "$work/kb.db" import "$work/in.txt")
    row "import" "$(stat -c %s "$work/in.txt") B" "$s" "$m" "$c"
  done
done

# The knowledge base searched: a 10 KB sentences import (search only reads it).
line "$work/small.txt" 10000 'Russia met Ukraine on 24 February 2022. '
rm -f "$work"/search.db*
"$kb" --db "$work/search.db" import "$work/small.txt" >/dev/null 2>&1
header "kb search"
prev_s="" prev_m=""
for words in 10 100 1000 10000; do
  query=$(python3 -c "import sys; n = int(sys.argv[1]); w = ['ukraine', 'russia', 'february', 'met']; print(' '.join(w[i % 4] for i in range(n)))" "$words")
  read -r s m c < <(measure "$kb" --db "$work/search.db" search "$query")
  row "search" "$words words" "$s" "$m" "$c"
done
