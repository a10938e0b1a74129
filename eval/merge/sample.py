#!/usr/bin/env python3
"""Draws pairs of extracted events for annotators to judge: one happening or two (issue #17).

    python3 eval/merge/sample.py KB.db TRACE.tsv JSONL OUT_DIR N [--files K] [--seed S]
        [--bins 0,0.08,0.15,0.25,1.01] [--exclude KEYS.tsv] [--prefix P]
        [--require "overlap=1,same_concept=1|overlap=1,same_kind=1,shared_object=1"] [--spread concept]

KB.db and TRACE.tsv come from `kb import JSONL --no-merge --trace-merges TRACE.tsv` (every
extracted event stored on its own, every comparison with an earlier one traced). The pairs are
drawn evenly from four bins of the share of content words their sentences share (most candidate
pairs share few words and are two happenings; an even draw gives the model both answers), and
written as K Markdown files for annotators (the sentences, their sources' dates and kb's reading)
plus OUT_DIR/keys.tsv, which says which pair is which (record ids and byte offsets, no text).
`--bins` sets the bin edges (a second round drew from the upper bins, where the pairs that are
one happening are); `--exclude` leaves out the pairs of an earlier round's keys; `--require` keeps only the
comparisons whose traced features have the given values (alternatives separated by "|", all
conditions of one alternative must hold: a third round drew tellings of one day's happening by
other sources in other words); `--spread concept` draws a comparison with a weight of one over the square
root of how many comparisons of its group the bin holds (the group: the shared concept, else the
kind), so that the rarer happenings (an invasion, an annexation) are drawn beside the many
attacks and meetings of ISW and Kremlin reports.
The Markdown files quote the articles: keep them outside the repository.
"""
import json
import math
import random
import sqlite3
import sys

def parse_args(argv):
    """Positional arguments and "--name value" options (shared with train.py)."""
    args, opts = [], {}
    argv = list(argv)
    while argv:
        a = argv.pop(0)
        if a.startswith("--"):
            if not argv:
                sys.exit(f"{a} needs a value")
            opts[a] = argv.pop(0)
        else:
            args.append(a)
    return args, opts


def main():
    args, opts = parse_args(sys.argv[1:])
    files = int(opts.get("--files", "4"))
    seed = int(opts.get("--seed", "17"))
    db, trace, jsonl, out, n = args[0], args[1], args[2], args[3], int(args[4])
    edges = [float(x) for x in opts.get("--bins", "0,0.08,0.15,0.25,1.01").split(",")]
    bins = list(zip(edges, edges[1:]))
    prefix = opts.get("--prefix", "")
    require = []  # alternatives, each a list of (feature, value)
    if "--require" in opts:
        for alt in opts["--require"].split("|"):
            conds = []
            for cond in alt.split(","):
                name, _, value = cond.partition("=")
                conds.append((name.strip(), float(value)))
            require.append(conds)
    seen = set()
    if "--exclude" in opts:
        with open(opts["--exclude"], encoding="utf-8") as f:
            f.readline()
            for line in f:
                r = line.rstrip("\n").split("\t")
                seen.add((r[2], int(r[3]), r[5], int(r[6])))
    ids = []
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            ids.append(json.loads(line)["id"])
    con = sqlite3.connect(db)
    cit = {}
    for (ev, src, qb, qe, quote, title, timex, date_text, origin, published, publisher, concept,
         kind) in con.execute(
            "SELECT c.event_id, c.source_id, c.quote_begin, c.quote_end, c.quote, e.title, e.timex,"
            " e.date_text, s.origin, s.published, s.publisher, e.concept, e.kind FROM citation c"
            " JOIN event e USING (event_id) JOIN source s USING (source_id)"):
        line = int(origin.rsplit(":", 1)[1])
        cit[ev] = dict(source=src, begin=qb, end=qe, quote=quote, title=title, timex=timex,
                       date_text=date_text, record=ids[line - 1], published=published,
                       publisher=publisher, group=concept or f"kind:{kind}")
    by_key = {}
    for ev, c in cit.items():
        by_key.setdefault((c["source"], c["begin"]), []).append(ev)
    rows = []
    with open(trace, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        wj = head.index("words_jaccard")
        columns = {name: i for i, name in enumerate(head)}
        for alt in require:
            for name, _ in alt:
                if name not in columns:
                    sys.exit(f"--require: no feature {name!r} in {trace}")
        for line in f:
            r = line.rstrip("\n").split("\t")
            if require and not any(all(float(r[columns[name]]) == value for name, value in alt)
                                   for alt in require):
                continue
            rows.append((int(r[0]), int(r[1]), int(r[3]), float(r[wj])))
    rng = random.Random(seed)
    chosen = []
    per_bin = n // len(bins)
    for lo, hi in bins:
        pool = [r for r in rows if lo <= r[3] < hi]
        rng.shuffle(pool)
        if opts.get("--spread") == "concept":
            groups = {}
            for r in pool:
                g = cit[r[2]]["group"] if r[2] in cit else ""
                groups[g] = groups.get(g, 0) + 1
            # Efraimidis-Spirakis: a weighted draw without replacement, weight 1/sqrt(group size)
            keyed = []
            for r in pool:
                n_group = groups[cit[r[2]]["group"] if r[2] in cit else ""]
                keyed.append((rng.random() ** math.sqrt(n_group), r))
            keyed.sort(key=lambda x: -x[0])
            pool = [r for _, r in keyed]
        taken = 0
        for src, qb, old, w in pool:
            if taken == per_bin:
                break
            new_events = by_key.get((src, qb), [])
            if old not in cit or len(new_events) != 1:
                continue  # a sentence of several events: which one is meant is unclear
            a, b = cit[old], cit[new_events[0]]
            if a["source"] == b["source"]:
                continue  # one article's own repetitions are the extractor's business
            key = (a["record"], a["begin"], b["record"], b["begin"])
            if key in seen:
                continue
            seen.add(key)
            chosen.append((a, b, w))
            taken += 1
    rng.shuffle(chosen)
    with open(f"{out}/{prefix}keys.tsv", "w", encoding="utf-8") as k:
        k.write("pair\tfile\ta_record\ta_begin\ta_title\tb_record\tb_begin\tb_title\twords\n")
        for fi in range(files):
            part = chosen[fi::files]
            with open(f"{out}/{prefix}pairs-{fi + 1}.md", "w", encoding="utf-8") as md:
                for i, (a, b, w) in enumerate(part):
                    pid = f"{prefix}{fi + 1}-{i + 1}"
                    k.write(f"{pid}\t{fi + 1}\t{a['record']}\t{a['begin']}\t{a['title']}\t"
                            f"{b['record']}\t{b['begin']}\t{b['title']}\t{w:.3f}\n")
                    md.write(f"## Pair {pid}\n\n")
                    for tag, c in (("A", a), ("B", b)):
                        md.write(f"**{tag}** ({c['publisher']}, published {c['published']}); "
                                 f"kb read: \"{c['title']}\", dated {c['timex']}"
                                 f" (from \"{c['date_text']}\")\n\n> {c['quote']}\n\n")
    print(f"{len(chosen)} pairs in {files} files under {out}")


if __name__ == "__main__":
    main()
