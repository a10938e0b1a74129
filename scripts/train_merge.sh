#!/usr/bin/env bash
# Retrains data/events/merge.tsv, the merge decision (services/merge_model.hpp), on the pairs of
# eval/merge/pairs.tsv: imports ../shared/data/articles/dev.jsonl with every extracted event
# stored on its own (`kb import --no-merge`, so no merge model takes part) while tracing each
# comparison of an extracted event with a stored one (`--trace-merges`), then fits the model on
# the train pairs found in the trace (eval/merge/train.py) and prints the cross-validated and
# blind scores beside kb's former hand rules. Deterministic: same pairs, articles and extraction
# -> same bytes. A developer step (a few minutes), never run by the build or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${ARTICLES:-../shared/data/articles/dev.jsonl}
build=${BUILD:-build/train-release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKB_TESTS=OFF -DKB_BENCH=OFF >/dev/null
cmake --build "$build" --target kb >/dev/null
"$build/cli/kb" --db "$work/kb.db" import "$articles" --no-merge --trace-merges "$work/trace.tsv" \
  2>/dev/null | tail -1
python3 eval/merge/train.py eval/merge/pairs.tsv "$work/kb.db" "$work/trace.tsv" "$articles" \
  --out data/events/merge.tsv
sha256sum data/events/merge.tsv
