#!/usr/bin/env bash
# The main job on the bundled examples: set up, build kb (Release), build a knowledge base from
# examples/ into build/demo.db and print `kb timeline ukraine`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
KB="$PWD/build/release/cli/kb" DB="$PWD/build/demo.db" bash examples/walkthrough.sh
