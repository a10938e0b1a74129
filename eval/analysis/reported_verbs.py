#!/usr/bin/env python3
"""How kb tags and attaches the verb of ISW's "... Russian|Ukrainian forces|troops <verb>ed
Russian|Ukrainian ..." sentences (issue #10/#17 error class: a finite verb in a reported clause
read as a participle, "The General Staff reported that Ukrainian forces repelled Russian attacks").

    python3 eval/analysis/reported_verbs.py KB [DEV_JSONL]

KB is the kb binary (KB_DATA_DIR chooses its models); prints the verb's tags and relations.
Reads the articles from ../shared; copies nothing of them anywhere.
"""
import collections
import json
import re
import subprocess
import sys

kb = sys.argv[1]
corpus = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/articles/dev.jsonl"
pattern = re.compile(r"[^.]*\b(?:Russian|Ukrainian) (?:forces|troops) (\w+ed) (?:Russian|Ukrainian)[^.]*\.")
sentences, verbs = [], set()
with open(corpus, encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        if "isw" not in (record.get("id") or "").lower():
            continue
        for m in pattern.finditer(record["text"]):
            sentences.append(m.group(0).strip())
            verbs.add(m.group(1))
out = subprocess.run([kb, "parse", "-"], input="\n\n".join(sentences) + "\n",
                     capture_output=True, text=True, check=True).stdout.split("\n")
tags, relations = collections.Counter(), collections.Counter()
for i, line in enumerate(out):
    f = line.split()
    if len(f) >= 7 and f[1] in verbs and i > 0:
        p = out[i - 1].split()
        if len(p) >= 2 and p[1] in ("forces", "troops"):
            tags[f[4]] += 1
            relations[f[6]] += 1
print(f"{len(sentences)} sentences; verb tags: {dict(tags.most_common())}")
print(f"relations: {dict(relations.most_common(8))}")
