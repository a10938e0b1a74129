#!/usr/bin/env bash
# Retrains data/events/events.kbm, the learned extractor's models (importers/extract/learned.hpp),
# on the train split of eval/events/gold2 with the articles of ../shared/data/articles/dev.jsonl;
# the trigger threshold is chosen on the dev split, the blind split is never read. Prints dev
# accuracies, then the sha256 of the model. Deterministic: same gold, articles, analysis models
# and options -> same bytes. A developer step, never run by the build or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${ARTICLES:-../shared/data/articles/dev.jsonl}
build=${BUILD:-build/train-release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKB_TESTS=OFF -DKB_BENCH=OFF >/dev/null
cmake --build "$build" --target kb_train_events >/dev/null
"$build/tools/kb_train_events" --gold eval/events/gold2 --articles "$articles" \
  --timeml ../shared/data/timeml --out data/events/events.kbm --iter 10 --seed 1 --bag 5 \
  --ignore-near 1 --cv 5
sha256sum data/events/events.kbm
