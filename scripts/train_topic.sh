#!/usr/bin/env bash
# Retrains data/events/topic.kbm, the topic gate (importers/extract/topic.hpp), on the section
# labels of ../shared/data/articles/dev.jsonl (tools/train_topic.cpp says which); the gold
# articles of eval/events/gold2's dev and blind splits are never trained on. Prints held-out pass
# rates, then the sha256 of the model. Deterministic: same articles and options -> same bytes.
# A developer step, never run by the build or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${ARTICLES:-../shared/data/articles/dev.jsonl}
build=${BUILD:-build/train-release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKB_TESTS=OFF -DKB_BENCH=OFF >/dev/null
cmake --build "$build" --target kb_train_topic >/dev/null
"$build/tools/kb_train_topic" --articles "$articles" --gold eval/events/gold2 \
  --out data/events/topic.kbm --iter 10 --seed 1
sha256sum data/events/topic.kbm
