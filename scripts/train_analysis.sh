#!/usr/bin/env bash
# Retrains data/analysis/en_ewt.kbm (tagger, lemmatizer, parser) from the UD English EWT train
# split in ../shared/data/ud-ewt, printing dev scores as it goes, then scores the result on the
# test split. Deterministic: same treebank + options -> same bytes. A developer step, never run by
# the build or the tests. Takes ~15 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
treebank=${TREEBANK:-../shared/data/ud-ewt}
build=${BUILD:-build/train-release}
beam=${BEAM:-1}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKB_TESTS=OFF -DKB_BENCH=OFF >/dev/null
cmake --build "$build" --target kb_train_analysis >/dev/null
"$build/tools/kb_train_analysis" train --treebank "$treebank" --out data/analysis/en_ewt.kbm \
  --tagger-iter 8 --parser-iter 10 --beam "$beam" --seed 1 --folds 5 --prune 0.7
"$build/tools/kb_train_analysis" eval --model data/analysis/en_ewt.kbm --conllu "$treebank/en_ewt-ud-test.conllu"
sha256sum data/analysis/en_ewt.kbm
