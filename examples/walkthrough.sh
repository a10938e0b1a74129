#!/usr/bin/env bash
# Builds an example knowledge base from examples/ and prints `kb timeline ukraine`.
# KB: the kb binary (default: kb on PATH); DB: the database to create (replaced if present).
# Hand-curated events (real dates, with their public sources) are entered with `kb add`, the
# way an analyst keeps a timeline by hand.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
KB=${KB:-kb}
DB=${DB:-$here/../build/demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
export KB_DB="$DB"
kb() { "$KB" "$@" >/dev/null 2>&1 || { echo "walkthrough: kb $* failed" >&2; "$KB" "$@"; }; }

kb entity add Ukraine --kind country --alias Ukrainian --wikidata Q212
kb entity add Russia --kind country --alias "Russian Federation" --wikidata Q159
kb entity add "United States" --kind country --alias US --alias U.S. --alias USA --wikidata Q30
kb entity add "United Kingdom" --kind country --alias UK --alias U.K. --alias Britain --wikidata Q145
kb entity add NATO --kind organisation --alias "North Atlantic Treaty Organization" --wikidata Q7184
kb entity add Crimea --kind place --in Ukraine
kb entity add Bakhmut --kind place --alias Artemivsk --in Ukraine
kb entity add Vilnius --kind place
kb entity add Wagner --kind group --alias "Wagner Group"
kb entity add Kyiv --kind place --alias Kiev --in Ukraine

W=https://en.wikipedia.org/wiki
kb add "Ukraine declares independence" --date 1991-08-24 --kind decision --actor Ukraine \
  --source "$W/Declaration_of_Independence_of_Ukraine" --tag independence
kb add "Budapest Memorandum: security assurances for Ukraine giving up its nuclear arsenal" \
  --date 1994-12-05 --kind agreement --actor Ukraine --actor "United States" \
  --actor "United Kingdom" --actor Russia --source "$W/Budapest_Memorandum_on_Security_Assurances"
kb add "NATO Bucharest summit says Ukraine will become a member" --date 2008-04-03 \
  --kind meeting --actor NATO --target Ukraine --source "$W/2008_Bucharest_summit"
kb add "Russia annexes Crimea" --date 2014-03-18 --kind territorial_change --actor Russia \
  --target Ukraine --place Crimea --source "$W/Annexation_of_Crimea_by_the_Russian_Federation"
kb add "Minsk II agreement on the war in Donbas" --date 2015-02-12 --kind agreement \
  --actor Ukraine --actor Russia --source "$W/Minsk_agreements"
kb add "Russia launches a full-scale invasion of Ukraine" --date 2022-02-24 --kind attack \
  --actor Russia --target Ukraine --source "$W/Russian_invasion_of_Ukraine"
kb add "Ukraine applies for accelerated NATO membership" --date 2022-09-30 --kind application \
  --actor Ukraine --target NATO --source "$W/Ukraine–NATO_relations"
kb add "Wagner claims the capture of Bakhmut" --date 2023-05-20 --kind territorial_change \
  --actor Wagner --target Ukraine --place Bakhmut --source "$W/Battle_of_Bakhmut"
kb add "NATO summit in Vilnius" --date 2023-07-11 --end 2023-07-12 --kind meeting --actor NATO \
  --place Vilnius --tag ukraine --source "$W/2023_Vilnius_summit"
kb link 4 violates 2

"$KB" timeline ukraine
