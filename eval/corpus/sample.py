#!/usr/bin/env python3
"""Draws the corpus judging sample of issue #17: N events of a kb database, in a fixed
pseudo-random order ((event_id * 2654435761) % 1000003, the order earlier samples used), each
with what a judge needs and nothing of how kb made it: title, date, kind, status, roles, the
first citation's quote, its source's title, day and origin (file and line, so that a judge
can read the whole article). Merged-away events are left out. With --seed S the events are
drawn by Python's random.Random(S).sample over the stored event ids instead (the protocol of
the 2026-12-06 readings).

    python3 eval/corpus/sample.py KB.db [N] [--seed S] > sample.jsonl

Judges answer per event (eval/corpus/README.md): a real event by ../shared/EVENTS-GUIDE.md?
date right? actors (and targets) right? title usable?"""
import json
import random
import sqlite3
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    args = sys.argv[1:]
    seed = None
    if "--seed" in args:
        k = args.index("--seed")
        seed = int(args[k + 1])
        del args[k:k + 2]
    db = sqlite3.connect(f"file:{args[0]}?mode=ro", uri=True)
    n = int(args[1]) if len(args) > 1 else 100
    columns = "SELECT event_id, title, timex, date_text, kind, status FROM event "
    if seed is None:
        rows = db.execute(columns + "WHERE merged_into IS NULL "
                          "ORDER BY (event_id * 2654435761) % 1000003 LIMIT ?", (n,)).fetchall()
    else:
        ids = [i for (i,) in db.execute(
            "SELECT event_id FROM event WHERE merged_into IS NULL ORDER BY event_id")]
        chosen = random.Random(seed).sample(ids, min(n, len(ids)))
        rows = [db.execute(columns + "WHERE event_id = ?", (i,)).fetchone() for i in chosen]
    for i, (eid, title, timex, date_text, kind, status) in enumerate(rows, 1):
        roles = {}
        for name, role in db.execute(
                "SELECT e.name, ee.role FROM event_entity ee JOIN entity e USING (entity_id) "
                "WHERE ee.event_id = ? ORDER BY e.name", (eid,)):
            roles.setdefault(role, []).append(name)
        tags = [t for (t,) in db.execute("SELECT tag FROM event_tag WHERE event_id = ?", (eid,))]
        cite = db.execute(
            "SELECT c.quote, s.title, s.published, s.origin FROM citation c "
            "JOIN source s USING (source_id) "
            "WHERE c.event_id = ? ORDER BY c.citation_id LIMIT 1", (eid,)).fetchone()
        quote, source_title, published, origin = cite if cite else ("", "", None, None)
        print(json.dumps({
            "n": i, "event": eid, "title": title, "date": timex, "date_text": date_text,
            "kind": kind, "status": "claimed" if "claimed" in tags and status == "reported"
            else status,
            "actors": roles.get("actor", []), "targets": roles.get("target", []),
            "places": roles.get("location", []), "claimants": roles.get("claimant", []),
            "source_title": source_title, "source_published": published, "origin": origin,
            "quote": quote},
            ensure_ascii=False))


if __name__ == "__main__":
    main()
