#!/usr/bin/env bash
# Writes data/analysis/wordnet-verbs.txt, the verb lexicon the lemmatizer checks unseen verbs
# against (importers/analysis/lemmatizer.hpp), from Debian's WordNet 3.0 (package wordnet-base,
# installed if missing): every one-word verb lemma of index.verb, one a line, then every
# one-word irregular form of verb.exc as "form lemma" (its first lemma). Deterministic (sorted,
# C locale). A developer step, never run by the build or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
wn=${WORDNET:-/usr/share/wordnet}
if [ ! -f "$wn/index.verb" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y wordnet-base >/dev/null
fi
out=data/analysis/wordnet-verbs.txt
{
  echo "# WordNet 3.0 verb lemmas and irregular verb forms (see NOTICE.md and LICENSE-WordNet.txt)."
  echo "# Written by scripts/wordnet_verbs.sh; do not edit by hand."
  grep -v '^ ' "$wn/index.verb" | awk '{print $1}' | grep -v '[_.]' | LC_ALL=C sort -u
  awk 'NF >= 2 && $1 !~ /[_.]/ && $2 !~ /[_.]/ {print $1, $2}' "$wn/verb.exc" | LC_ALL=C sort -u -k1,1
} >"$out"
sha256sum "$out"
