#!/usr/bin/env python3
"""Draws events that kb merged across sources, for annotators to judge (issue #17, item 7).

    python3 eval/merge/sample_merged.py OUT_DIR N JSONL NAME=KB.db [NAME=KB.db ...] [--seed S]
    python3 eval/merge/sample_merged.py --score OUT_DIR     (after the answers are written)
    python3 eval/merge/sample_merged.py --score eval/merge/merged-judged-1.tsv   (kept judgements)

For each KB (a full `kb import JSONL`, one per model compared), N events cited by two sources or
more are drawn; for each, its first citation and a citation of another source form a pair. The
pairs of all KBs are shuffled together into two Markdown files (the annotator does not know which
model merged which pair) plus OUT_DIR/keys.tsv (pair, KB name, event, and both sentences as
record id and byte offset; no text). Annotators answer in OUT_DIR/answers-1.tsv and -2.tsv
(PAIR<TAB>same|different|not-event<TAB>why, per eval/merge/INSTRUCTIONS.md); `--score` prints,
per KB, the share of pairs judged one happening: the precision of the merges it made. The
Markdown files quote the articles: keep them outside the repository.
"""
import json
import os
import random
import sqlite3
import sys
from collections import Counter

from sample import parse_args


def score(out):
    counts = Counter()
    if os.path.isfile(out):  # keys with their answers, as eval/merge/merged-judged-*.tsv keep them
        with open(out, encoding="utf-8") as f:
            for line in f:
                r = line.rstrip("\n").split("\t")
                if not line.startswith(("#", "pair\t")) and len(r) == 8:
                    counts[r[1], r[7]] += 1
        report(counts)
        return
    keys = {}
    with open(os.path.join(out, "keys.tsv"), encoding="utf-8") as f:
        f.readline()
        for line in f:
            r = line.rstrip("\n").split("\t")
            keys[r[0]] = r[1]
    for name in sorted(os.listdir(out)):
        if name.startswith("answers-") and name.endswith(".tsv"):
            with open(os.path.join(out, name), encoding="utf-8") as f:
                for line in f:
                    r = line.rstrip("\n").split("\t")
                    if len(r) >= 2 and r[0] in keys:
                        counts[keys[r[0]], r[1].strip()] += 1
    report(counts)


def report(counts):
    for kb in sorted({k for k, _ in counts}):
        same, diff, none = counts[kb, "same"], counts[kb, "different"], counts[kb, "not-event"]
        n = same + diff + none
        print(f"{kb}: {n} merged pairs judged: same {same}, different {diff}, not-event {none}; "
              f"precision {same / max(1, n):.2f}")


def main():
    args, opts = parse_args(sys.argv[1:])
    if "--score" in opts:
        score(opts["--score"])
        return
    out, n, jsonl = args[0], int(args[1]), args[2]
    kbs = [a.split("=", 1) for a in args[3:]]
    rng = random.Random(int(opts.get("--seed", "7")))
    ids = []
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            ids.append(json.loads(line)["id"])
    items = []
    for name, db in kbs:
        con = sqlite3.connect(db)
        events = [r[0] for r in con.execute(
            "SELECT e.event_id FROM event e JOIN citation c USING (event_id) GROUP BY e.event_id"
            " HAVING count(DISTINCT c.source_id) >= 2 ORDER BY e.event_id")]
        rng.shuffle(events)
        for ev in events[:n]:
            cits = list(con.execute(
                "SELECT c.source_id, c.quote, s.publisher, s.published, s.origin, c.quote_begin"
                " FROM citation c JOIN source s USING (source_id) WHERE c.event_id = ?"
                " ORDER BY c.citation_id", (ev,)))
            a = cits[0]
            b = rng.choice([c for c in cits if c[0] != a[0]])
            title, timex = con.execute("SELECT title, timex FROM event WHERE event_id = ?",
                                       (ev,)).fetchone()
            items.append((name, ev, title, timex, a, b))
    rng.shuffle(items)

    def record(c):
        return ids[int(c[4].rsplit(":", 1)[1]) - 1]

    with open(os.path.join(out, "keys.tsv"), "w", encoding="utf-8") as keys:
        keys.write("pair\tkb\tevent\ta_record\ta_begin\tb_record\tb_begin\n")
        for fi in range(2):
            with open(os.path.join(out, f"pairs-{fi + 1}.md"), "w", encoding="utf-8") as md:
                for i, (name, ev, title, timex, a, b) in enumerate(items[fi::2]):
                    pid = f"p{fi + 1}-{i + 1}"
                    keys.write(f"{pid}\t{name}\t{ev}\t{record(a)}\t{a[5]}\t{record(b)}\t{b[5]}\n")
                    md.write(f"## Pair {pid}\n\n")
                    for tag, c in (("A", a), ("B", b)):
                        md.write(f"**{tag}** ({c[2]}, published {c[3]}); kb read: \"{title}\", "
                                 f"dated {timex}\n\n> {c[1]}\n\n")
    print(f"{len(items)} pairs in 2 files under {out}")


if __name__ == "__main__":
    main()
