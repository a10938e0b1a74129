#!/usr/bin/env bash
# Writes data/events/support_verbs.tsv, the verb a headline puts before an event noun the text
# names without one ("Limited gains by Russia" -> "Russia makes limited gains", "Concern by
# Russia" -> "Russia expresses concern"): for every noun, the support verb that takes it as its
# object most often in the development corpus, as kb's own parser reads it (`kb parse --format
# conllu` over every article of ../shared/data/articles/dev.jsonl). Support verbs are the closed
# class below (verbs that add little meaning of their own to an event noun); a noun is kept when
# one of them governs it at least 5 times and in at least 30% of the nouns' support-verb uses.
# Deterministic (same corpus, same parser model -> same bytes). A developer step, never run by
# the build or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${ARTICLES:-../shared/data/articles/dev.jsonl}
kb=${KB:-build/rel/cli/kb}
out=data/events/support_verbs.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$articles" >"$tmp/corpus.txt" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        text = (json.loads(line).get("text") or "").replace("\r", "")
        sys.stdout.write(text + "\n\n")
PY
"$kb" parse "$tmp/corpus.txt" --format conllu >"$tmp/corpus.conllu"
python3 - "$tmp/corpus.conllu" >"$out" <<'PY'
import collections, sys
SUPPORT = {"make", "hold", "launch", "conduct", "carry", "give", "deliver", "pay", "issue",
           "express", "announce", "sign", "stage", "impose", "take", "open", "mount", "declare",
           "adopt", "file", "submit", "reach", "achieve", "organize", "organise", "host"}
MIN_COUNT, MIN_SHARE = 5, 0.3
pairs = collections.Counter()
uses = collections.Counter()
def flush(sent):
    for form, lemma, upos, head, rel in sent:
        if upos != "NOUN" or rel != "obj" or head <= 0 or not lemma.isalpha():
            continue
        verb = sent[head - 1]
        if verb[2] == "VERB" and verb[1].lower() in SUPPORT:
            pairs[(lemma.lower(), verb[1].lower())] += 1
            uses[lemma.lower()] += 1
sent = []
with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    for line in f:
        if line.startswith("#"):
            continue
        if not line.strip():
            flush(sent)
            sent = []
            continue
        p = line.rstrip("\n").split("\t")
        if len(p) < 8 or not p[0].isdigit():
            continue
        sent.append((p[1], p[2], p[3], int(p[6]) if p[6].isdigit() else 0, p[7]))
flush(sent)
best = {}
for (noun, verb), n in sorted(pairs.items()):
    if noun not in best or n > best[noun][1]:
        best[noun] = (verb, n)
print("# noun\tsupport verb\tcount\tshare of the noun's support-verb uses")
print("# Written by scripts/support_verbs.sh from kb's parse of dev.jsonl; do not edit by hand.")
for noun in sorted(best):
    verb, n = best[noun]
    share = n / uses[noun]
    if n >= MIN_COUNT and share >= MIN_SHARE:
        print(f"{noun}\t{verb}\t{n}\t{share:.2f}")
PY
sha256sum "$out"
