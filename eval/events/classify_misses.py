#!/usr/bin/env python3
"""Classifies the gold2 events the extractor missed, by what lost them (issue #17, 22nd session).

Reads the output of `bench_events_eval --gold2 --set S --errors --why` (stdin or files) and counts
each missed gold event ("FN" line) of the chosen article types by class:

  no candidate      the trigger word is no verb or noun the models consider (its tag, or inside a
                    name or a date), per UPOS
  rejected          a candidate the trigger model turned down, by its margin (near: > -5,
                    -5..-20, firm: < -20)
  wrong date        an event came of the trigger word but dated outside the gold interval (with
                    whether the gold date is the publication day)
  unmatched words   an event came of the word, dated right, but none of the gold keywords is in
                    its title, summary or quote
  no headline       the models took it, no headline could be built (no one acting / nothing acted on)
  merged            told as an earlier event of the article, or given way to another predicate of
                    the same date expression, or a pattern found it told
  other             sentence skipped, undated, the guide's exclusions ...

Each class also says how many of its misses the annotators dated by the article's publication
day (eval/events/gold2/articles.tsv).

Usage: bench_events_eval --gold2 --set train --errors --why | eval/events/classify_misses.py
       [--prefix kremlin- --prefix zelenskyy-] [--list] [--lemmas]
Never run the bench on --set blind (the lead's split).
"""
import argparse
import collections
import re
import sys

FN = re.compile(r"^  FN  \[(\S+) \.\. (\S+)\] (.*?) \| (.*?) \| (.*?)(?: \| (\S+)(?: \((.*)\))?)?$")
DOC = re.compile(r"^== (\S+) \((\S+)\)")


def margin_bucket(detail):
    m = re.search(r"margin (-?[0-9.]+)", detail or "")
    if not m:
        return "rejected"
    v = float(m.group(1))
    return "rejected near (> -5)" if v > -5 else (
        "rejected (-5 .. -20)" if v > -20 else "rejected firm (< -20)")


def interval(timex):
    """First and last ISO day of a timex value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www), or None."""
    import datetime
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex):
            return timex, timex
        if re.fullmatch(r"\d{4}-\d{2}", timex):
            y, mo = map(int, timex.split("-"))
            nxt = datetime.date(y + mo // 12, mo % 12 + 1, 1)
            return timex + "-01", (nxt - datetime.timedelta(days=1)).isoformat()
        if re.fullmatch(r"\d{4}", timex):
            return timex + "-01-01", timex + "-12-31"
        m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", timex)
        if m:
            first = datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 1)
            last = datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 7)
            return first.isoformat(), last.isoformat()
    except ValueError:
        return None
    return None


def classify(why, detail, frm, to):
    if why == "word.not-candidate":
        d = detail or "unparsed"
        if d.endswith(" in name"):
            return "no candidate: in a name"
        if d.endswith(" in date"):
            return "no candidate: in a date"
        return "no candidate: " + d.split("/")[0]
    if why == "trigger.no":
        return margin_bucket(detail)
    if why == "event.unmatched":
        m = re.search(r": (\S+) ", detail or "")
        span = interval(m.group(1)) if m else None
        if span is None or span[0] < frm or span[1] > to:
            return "wrong date"
        return "unmatched words"
    if why == "headline.none":
        return "no headline"
    if why in ("article.duplicate", "date.one-happening", "pattern.told"):
        return "merged: " + why
    return "other: " + why


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--prefix", action="append", default=[],
                    help="article id prefixes to count (default: kremlin- and zelenskyy-)")
    ap.add_argument("--list", action="store_true", help="print each miss with its class")
    ap.add_argument("--lemmas", action="store_true", help="count the trigger words per class")
    a = ap.parse_args()
    prefixes = a.prefix or ["kremlin-", "zelenskyy-"]
    lines = []
    for f in a.files or ["-"]:
        lines += (sys.stdin.buffer.read().decode("utf-8", "replace") if f == "-" else open(f, encoding="utf-8", errors="replace").read()).splitlines()
    published = {}  # article id -> publication day (eval/events/gold2/articles.tsv)
    import os
    tsv = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold2", "articles.tsv")
    for row in open(tsv, encoding="utf-8").read().splitlines()[1:]:
        cols = row.split("\t")
        published[cols[0]] = cols[4][:10]
    doc = None
    counts = collections.Counter()
    on_day = collections.Counter()  # misses dated by their article's publication day, per class
    words = collections.defaultdict(collections.Counter)
    total = 0
    for line in lines:
        m = DOC.match(line)
        if m:
            doc = m.group(1)
            continue
        m = FN.match(line)
        if not m or doc is None or not any(doc.startswith(p) for p in prefixes):
            continue
        frm, to, title, trigger, kws, why, detail = m.groups()
        cls = classify(why or "", detail, frm, to)
        counts[cls] += 1
        on_day[cls] += 1 if frm == to == published.get(doc) else 0
        words[cls][trigger.lower()] += 1
        total += 1
        if a.list:
            print(f"{cls:28} {doc:18} [{frm}..{to}] {trigger!r} | {title} | {detail or ''}")
    print(f"missed gold events in {', '.join(prefixes)} articles: {total}")
    for cls, n in counts.most_common():
        extra = ""
        if a.lemmas:
            extra = "  " + ", ".join(f"{w} {c}" for w, c in words[cls].most_common(12))
        print(f"  {n:4}  {cls} (dated by the publication day: {on_day[cls]}){extra}")


if __name__ == "__main__":
    main()
