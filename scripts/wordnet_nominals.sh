#!/usr/bin/env bash
# Writes data/lexicon/extract/nominal_verbs.tsv, the verb a headline says for an event noun the
# extractor titles with no verb of the sentence's ("Signing of agreements by Russia": "Russia
# signs agreements"; importers/extract/learned.cpp, headline), from Debian's WordNet 3.0
# (package wordnet-base, installed if missing): for each one-word noun of an act, an event or a
# communication (lexicographer files noun.act, noun.event, noun.communication), the one-word
# verb its "derivationally related form" pointers name that is no longer than the noun and
# shares the most letters with its start, at least three ("deployment" -> deploy, "speech" ->
# speak, not speechify); a noun that is its own verb only as a communication is left out
# ("letter"), as are the zero derivations in the exclusions below, each with the error class it
# avoids. Deterministic (sorted, C locale). A developer step, never run by the build or the
# tests.
set -euo pipefail
cd "$(dirname "$0")/.."
wn=${WORDNET:-/usr/share/wordnet}
if [ ! -f "$wn/data.noun" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y wordnet-base >/dev/null
fi
out=data/lexicon/extract/nominal_verbs.tsv
{
  cat <<'HEAD'
# The verb a headline says for an event noun when the sentence gives it none (error class:
# nominal titles with no subject first, "Signing of agreements by Russia", "Deployment by
# Russia in Nagorno-Karabakh": "Russia signs agreements", "Russia deploys in
# Nagorno-Karabakh"). From WordNet 3.0's derivational links (Princeton University; licence in
# data/lexicon/extract/LICENSE-WordNet, see data/analysis/NOTICE.md).
# Written by scripts/wordnet_nominals.sh; do not edit by hand.
#
# Read by importers/extract/learned.cpp as kNominalVerbs (binary search: sorted, C locale).
# Columns: the noun's lemma, the verb's lemma
HEAD
  python3 - "$wn" <<'PY'
import collections
import sys

wn = sys.argv[1]
ACT, COMMUNICATION, EVENT = 4, 10, 11
# Zero derivations whose verb says something else (error class: "Zelensky trips outside
# Ukraine" for his trip, "United States deals Russia" for a deal).
EXCLUDED = {"deal", "trip"}


def read(pos):
    synsets = {}
    with open(f"{wn}/data.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            lex, n = int(fields[1]), int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(n)]
            i = 4 + 2 * n
            pointers = []
            for _ in range(int(fields[i])):
                symbol, target, pos_, st = fields[i + 1:i + 5]
                i += 4
                pointers.append((symbol, target, pos_, int(st[:2], 16), int(st[2:], 16)))
            synsets[fields[0]] = (lex, words, pointers)
    return synsets


nouns, verbs = read("noun"), read("verb")
candidates = collections.defaultdict(collections.Counter)
lexes = collections.defaultdict(set)
for lex, words, pointers in nouns.values():
    if lex not in (ACT, COMMUNICATION, EVENT):
        continue
    for symbol, target, pos_, s, t in pointers:
        if symbol != "+" or pos_ != "v" or s == 0 or t == 0:
            continue
        noun, verb = words[s - 1], verbs[target][1][t - 1]
        if noun.isascii() and verb.isascii() and noun.isalpha() and verb.isalpha():
            candidates[noun][verb] += 1
            lexes[noun].add(lex)


def shared(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


for noun in sorted(candidates):
    c = candidates[noun]
    verb = max(c, key=lambda v: (len(v) <= len(noun), shared(noun, v), c[v], [-ord(x) for x in v]))
    if shared(noun, verb) < 3 or noun in EXCLUDED:
        continue
    if verb == noun and lexes[noun] == {COMMUNICATION}:
        continue
    print(f"{noun}\t{verb}")
PY
} >"$out"
sha256sum "$out"
