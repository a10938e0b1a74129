#!/usr/bin/env bash
# The whole test suite, as CI runs it: set up, check formatting, layering and the tests' layout
# (tests/README.md), run clang-tidy on the product code (scripts/tidy.sh), build with ASan+UBSan
# and run every test (the PostgreSQL ones against a throwaway cluster of its own,
# scripts/pg_test_cluster.sh), build the kb program -O2 and run the examples walkthrough, then fuzz each
# reader briefly.
# KB_FUZZ_SECONDS (default 60) bounds each fuzz target; 0 skips fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)

echo "== clang-format"
git ls-files '*.cpp' '*.hpp' | xargs clang-format-14 --dry-run -Werror

echo "== layering"
bash scripts/check_layers.sh

echo "== test layout"
bash scripts/check_test_layout.sh

echo "== clang-tidy"
KB_TIDY_JOBS="$jobs" bash scripts/tidy.sh

echo "== ci-asan: build and test (SQLite, and PostgreSQL on a throwaway cluster)"
cmake --preset ci-asan >/dev/null
cmake --build --preset ci-asan -j "$jobs"
# The PostgreSQL cases (tests/storage/postgres/, tests/e2e/engines_test.cpp, storage/open) run in
# the same pass against a throwaway cluster, and then the CLI and end-to-end suites once more with
# their knowledge bases on it (scripts/test_postgres.sh); the cluster is stopped when the pass
# ends, also on failure. Without a PostgreSQL server the PostgreSQL cases pass with a message
# saying they were skipped.
if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  ASAN_OPTIONS=detect_leaks=1 bash scripts/pg_test_cluster.sh run bash -c \
    "ctest --preset ci-asan -j $jobs && bash scripts/test_postgres.sh build/ci-asan"
else
  echo "no PostgreSQL server installed: its test cases are skipped"
  ASAN_OPTIONS=detect_leaks=1 ctest --preset ci-asan -j "$jobs"
fi

echo "== ci-release: build and examples"
cmake --preset ci-release >/dev/null
# The kb program and the benchmark tools (which ci-asan leaves out), so this fails on any warning
# -O2 brings out in the product code; the tests and tools were compiled (with -Werror) by ci-asan,
# and building the test program again here cost about a tenth of CI's time limit. No debug info
# (the preset's -O2 without -g): -g made an -O2 compile of importers/extract/learned.cpp take
# 19.3 s instead of 12.8 s.
cmake --build --preset ci-release -j "$jobs" --target kb kb_benches
KB="$PWD/build/ci-release/cli/kb" DB="$(mktemp -d)/walkthrough.db" bash examples/walkthrough.sh >/dev/null
echo "walkthrough: ok"

seconds=${KB_FUZZ_SECONDS:-60}
if [ "$seconds" != 0 ] && ls fuzz/fuzz_*.cpp >/dev/null 2>&1; then
  echo "== fuzz (${seconds}s per target)"
  cmake --preset fuzz >/dev/null
  # Only the fuzz targets and what they link (84 of the preset's 154 objects): the kb program,
  # services and renderers were compiled by both passes above.
  mapfile -t fuzz_targets < <(basename -s .cpp fuzz/fuzz_*.cpp)
  cmake --build --preset fuzz -j "$jobs" --target "${fuzz_targets[@]}"
  for target in build/fuzz/fuzz/fuzz_*; do
    [ -x "$target" ] || continue
    corpus=$(mktemp -d)
    seeds="fuzz/corpus/$(basename "$target")"
    [ -d "$seeds" ] && cp -r "$seeds"/. "$corpus"/
    "$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 "$corpus" 2>&1 | tail -n 3
  done
fi
