#!/bin/sh
# Regenerates the sample briefing examples/briefing-ukraine.md (+ .svg) from the reference
# article's events (examples/ukraine-events.csv) and two hand-entered ones, as known on the day
# the article appeared. Usage: KB=build/dev/cli/kb examples/briefing-ukraine.sh
set -eu
KB=${KB:-kb}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
url=https://caliber.az/
kb() { "$KB" --db "$tmp/kb.db" "$@"; }

kb import --strict "$here/ukraine-events.csv"
kb add "Biden tells the G7 the US will support training Ukrainian pilots on F-16s" \
  --date 2023-W20 --kind aid --actor "United States" --target Ukraine --source "$url" \
  --quote "And last week, Biden told his Group of Seven counterparts that the US would support training Ukrainian pilots to fly F-16 jets, an essential step to supplying the US-made fighters."
kb add "Grushko warns that sending F-16s to Ukraine would escalate the conflict" \
  --date 2023-05-20 --kind statement --actor "person:Alexander Grushko" --target Ukraine \
  --source "$url" \
  --quote "Russian Deputy Foreign Minister Alexander Grushko warned Saturday that sending F-16s to Ukraine would escalate the conflict."
kb link 2 violates 1
kb link 7 responds-to 6
kb brief Ukraine --from 2014 --as-of 2023-05-23 \
  --title "Ukraine: security guarantees, as of 23 May 2023" -o "$here/briefing-ukraine.md"
