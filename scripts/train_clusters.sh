#!/usr/bin/env bash
# Retrains data/analysis/clusters.kbc, the word classes (see data/analysis/NOTICE.md). A developer
# step: the build and the tests never train. Retrain the analysis and event models after it.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${ARTICLES:-../shared/data/articles/dev.jsonl}
treebank=${TREEBANK:-../shared/data/ud-ewt}
build=${BUILD:-build/train-release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKB_TESTS=OFF -DKB_BENCH=OFF >/dev/null
cmake --build "$build" --target kb_train_clusters >/dev/null
"$build/tools/kb_train_clusters" --articles "$articles" \
  --conllu "$treebank/en_ewt-ud-train.conllu" --fine 256 --coarse 32 --min-count 5 --iter 12 \
  --out data/analysis/clusters.kbc
sha256sum data/analysis/clusters.kbc
