#!/usr/bin/env bash
# Enforces tests/README.md "Layout": every header in kb/, storage/, services/, render/, importers/
# and cli/ has its tests in tests/<path without .hpp>_test.cpp, unless tests/README.md lists it
# under "Exceptions" (one line each: "- `path`: reason"). Also fails for an exception that is
# not a header any more or that has a test file after all, so the list stays true.
set -euo pipefail
cd "$(dirname "$0")/.."
readme=tests/README.md
exceptions=$(sed -n '/^## Exceptions/,/^## /p' "$readme" | sed -n 's/^- `\([^`]*\)`:.*/\1/p')
fail=0
while IFS= read -r header; do
  test_file="tests/${header%.hpp}_test.cpp"
  if [ -f "$test_file" ]; then
    continue
  fi
  if ! grep -qxF "$header" <<<"$exceptions"; then
    echo "test layout: $header has no $test_file (write one, or list it with a reason under" \
      "\"Exceptions\" in $readme)"
    fail=1
  fi
done < <(git ls-files --cached --others --exclude-standard -- \
  'kb/*.hpp' 'storage/*.hpp' 'services/*.hpp' 'render/*.hpp' 'importers/*.hpp' 'cli/*.hpp' | sort)
while IFS= read -r header; do
  [ -n "$header" ] || continue
  if [ ! -f "$header" ]; then
    echo "test layout: $readme lists $header as an exception, but there is no such header"
    fail=1
  elif [ -f "tests/${header%.hpp}_test.cpp" ]; then
    echo "test layout: $readme lists $header as an exception, but it has a test file"
    fail=1
  fi
done <<<"$exceptions"
exit $fail
