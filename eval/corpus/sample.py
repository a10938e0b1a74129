#!/usr/bin/env python3
"""Draws the corpus judging sample of issue #17: N events of a kb database, in a fixed
pseudo-random order ((event_id * 2654435761) % 1000003, the order earlier samples used), each
with what a judge needs and nothing of how kb made it: title, date, kind, status, roles, the
first citation's quote and its source's title and day. Merged-away events are left out.

    python3 eval/corpus/sample.py KB.db [N] > sample.jsonl

Judges answer per event (eval/corpus/README.md): a real event by ../shared/EVENTS-GUIDE.md?
date right? actors (and targets) right? title usable?"""
import json
import sqlite3
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    rows = db.execute(
        "SELECT event_id, title, timex, date_text, kind, status FROM event "
        "WHERE merged_into IS NULL ORDER BY (event_id * 2654435761) % 1000003 LIMIT ?", (n,))
    for i, (eid, title, timex, date_text, kind, status) in enumerate(rows.fetchall(), 1):
        roles = {}
        for name, role in db.execute(
                "SELECT e.name, ee.role FROM event_entity ee JOIN entity e USING (entity_id) "
                "WHERE ee.event_id = ? ORDER BY e.name", (eid,)):
            roles.setdefault(role, []).append(name)
        tags = [t for (t,) in db.execute("SELECT tag FROM event_tag WHERE event_id = ?", (eid,))]
        cite = db.execute(
            "SELECT c.quote, s.title, s.published FROM citation c JOIN source s USING (source_id) "
            "WHERE c.event_id = ? ORDER BY c.citation_id LIMIT 1", (eid,)).fetchone()
        quote, source_title, published = cite if cite else ("", "", None)
        print(json.dumps({
            "n": i, "event": eid, "title": title, "date": timex, "date_text": date_text,
            "kind": kind, "status": "claimed" if "claimed" in tags and status == "reported"
            else status,
            "actors": roles.get("actor", []), "targets": roles.get("target", []),
            "places": roles.get("location", []), "claimants": roles.get("claimant", []),
            "source_title": source_title, "source_published": published, "quote": quote},
            ensure_ascii=False))


if __name__ == "__main__":
    main()
