#!/usr/bin/env python3
"""Titles and publication days of the AEB pages (issue #13), kept without copying headlines.

The annotators' files (outside the repository: they hold the publishers' headlines) have the
columns sha, title, day, evidence, note. `make` turns them into eval/aeb/truth.tsv, where a
title is only a key: its \\w+ tokens lower-cased, joined by spaces, hashed with 64-bit FNV-1a
(bench_aeb.cpp's title_key computes the same). `compare` shows, for development, where a
bench_aeb --dump differs from the annotators' own files, with both texts.

    python3 eval/aeb/truth.py make /work/aeb_truth/truth-0*.tsv > eval/aeb/truth.tsv
    build/rel/bench/bench_aeb --dump /tmp/aeb.json
    python3 eval/aeb/truth.py compare /tmp/aeb.json /work/aeb_truth/truth-0*.tsv
"""
import csv, json, re, sys


def title_key(title):
    words = [''.join(c.lower()[0] for c in w) for w in re.findall(r'\w+', title)]
    h = 14695981039346656037
    for b in ' '.join(words).encode('utf-8'):
        h ^= b
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return '%016x' % h


def read_annotations(paths):
    rows = {}
    for path in paths:
        with open(path, encoding='utf-8', newline='') as f:
            lines = f.read().split('\n')
        header = lines[0].split('\t')
        if header[:3] != ['sha', 'title', 'day']:
            sys.exit(f'{path}:1: expected the header sha, title, day, evidence, note')
        for n, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            f = line.split('\t')
            if len(f) < 4:
                sys.exit(f'{path}:{n}: expected at least 4 tab-separated fields')
            sha, title, day, evidence = f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()
            if day != '-' and not re.fullmatch(r'\d{4}-\d\d-\d\d', day):
                sys.exit(f'{path}:{n}: day "{day}" is neither YYYY-MM-DD nor -')
            if sha in rows:
                sys.exit(f'{path}:{n}: page {sha} annotated twice')
            rows[sha] = (title, day, evidence)
    return rows


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ('make', 'compare'):
        sys.exit(__doc__)
    if sys.argv[1] == 'make':
        rows = read_annotations(sys.argv[2:])
        print('sha\ttitle_key\tday\tevidence')
        for sha in sorted(rows):
            title, day, evidence = rows[sha]
            print(f'{sha}\t{title_key(title) if title != "-" else "-"}\t{day}\t{evidence}')
        return
    dump = json.load(open(sys.argv[2], encoding='utf-8'))
    rows = read_annotations(sys.argv[3:])
    for sha, (title, day, evidence) in sorted(rows.items()):
        got = dump.get(sha, {})
        bad_title = title != '-' and title_key(got.get('title', '')) != title_key(title)
        bad_day = day != '-' and got.get('day', '') != day
        if bad_title or bad_day:
            print(f'{sha[:12]} {"TITLE" if bad_title else "     "} {"DAY" if bad_day else "   "}'
                  f' truth {day} ({evidence}) kb {got.get("day", "") or "-"}\n'
                  f'    truth: {title}\n    kb:    {got.get("title", "")}')


if __name__ == '__main__':
    main()
