#!/usr/bin/env python3
"""How many stored events each well-known happening became (#17, "one event per happening").

Usage: eval/happenings/score.py KB.db [--list] [--tsv happenings.tsv]

An event counts for a happening when (1) its date interval overlaps the happening's window and
spans at most 31 days (day, weekend, week or month precision: a year-only "2022 invasion" is
reported apart, as coarse), (2) its kind is one the happening may carry, and (3) its title or
one of its citations' quotes matches the happening's pattern. Events merged into another
(`same-as`) are not counted. This is a mechanical judge: --list prints every matched event so a
person can check it; README.md gives the last reading and what the judge gets wrong.
"""
import argparse
import datetime
import re
import sqlite3
import sys
from pathlib import Path

EPOCH = datetime.date(1970, 1, 1)


def day(iso):
    return (datetime.date.fromisoformat(iso) - EPOCH).days


def load(path):
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        hid, first, last, kinds, pattern, name = line.split("\t")
        out.append(dict(id=hid, first=day(first), last=day(last), kinds=set(kinds.split(",")),
                        pattern=re.compile(pattern, re.I), name=name))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--tsv", default=str(Path(__file__).with_name("happenings.tsv")))
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    happenings = load(args.tsv)
    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    cols = {r[1] for r in con.execute("PRAGMA table_info(event)")}
    merged = "AND merged_into IS NULL" if "merged_into" in cols else ""
    total = covered = 0
    rows = []
    for h in happenings:
        events = con.execute(
            f"SELECT event_id, title, kind, first_day, last_day, timex FROM event "
            f"WHERE first_day <= ? AND last_day >= ? {merged}", (h["last"], h["first"])).fetchall()
        fine, coarse = [], []
        for eid, title, kind, first, last, timex in events:
            if kind not in h["kinds"]:
                continue
            hit = h["pattern"].search(title)
            if not hit:
                quotes = con.execute("SELECT quote FROM citation WHERE event_id = ?", (eid,))
                hit = any(h["pattern"].search(q) for (q,) in quotes)
            if not hit:
                continue
            (fine if last - first <= 31 else coarse).append((eid, timex, kind, title))
        rows.append((h, fine, coarse))
        total += len(fine)
        covered += bool(fine)
    print(f"{'happening':<20} {'events':>6} {'coarse':>6}  name")
    for h, fine, coarse in rows:
        print(f"{h['id']:<20} {len(fine):>6} {len(coarse):>6}  {h['name']}")
        if args.list:
            for eid, timex, kind, title in fine:
                print(f"    #{eid:<7} {timex:<12} {kind:<18} {title}")
            for eid, timex, kind, title in coarse:
                print(f"    (coarse) #{eid:<7} {timex:<12} {kind:<18} {title}")
    n = len(happenings)
    mean = total / covered if covered else 0.0
    print(f"happenings {n}, found {covered}, missing {n - covered}; "
          f"events per found happening {mean:.2f} (target <= 1.3, none missing)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
