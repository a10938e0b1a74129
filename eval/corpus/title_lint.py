#!/usr/bin/env python3
"""Counts the headline defects of a kb database by class (issue #17, item 5), from kb's own
parse of each title: a mechanical proxy for the judges' "usable title", cheap enough to run
after every change (a full import's 15,000 titles parse in ~3 s).

    build/rel/cli/kb --db /tmp/c.db import ../shared/data/articles/dev.jsonl
    python3 eval/corpus/title_lint.py /tmp/c.db [--kb build/rel/cli/kb] [--list CLASS] [--n 40]
    python3 eval/corpus/title_lint.py --titles FILE ...     # one title a line instead of a database

A title may fall in several classes; "flawed" counts titles with at least one. Classes (each a
defect the corpus judges named, eval/corpus/README.md):

  no verb        no verb heads the title ("Elections in Russia", "Report by CIA")
  bare verb      a verb opens the title, nothing acts ("Precede a meeting")
  dangling end   ends in a word that needs more: a preposition, determiner, conjunction,
                 auxiliary, "to" or a bare adjective ("Russia conducts air", "calls to say")
  active by      "by" right after an active verb's object or the verb ("Russia fires by
                 Russian fighter")
  repeated name  the subject's name again inside the title ("Russia says Russia to sell jets")

The counts measure kb's headline builder, not the truth of the title; the judged sample stays
the measure of usable titles.
"""
import argparse
import collections
import os
import random
import sqlite3
import subprocess
import sys
import tempfile

CLASSES = ['no verb', 'bare verb', 'dangling end', 'active by', 'repeated name']
DANGLING = {'ADP', 'DET', 'CCONJ', 'SCONJ', 'AUX', 'PART'}


def sentences(conllu):
    tokens, text = [], None
    for line in conllu.splitlines():
        if line.startswith('# text = '):
            text = line[len('# text = '):]
        elif not line.strip():
            if tokens:
                yield text, tokens
            tokens, text = [], None
        elif not line.startswith('#'):
            f = line.split('\t')
            if '-' in f[0] or '.' in f[0]:
                continue
            tokens.append({'id': int(f[0]), 'form': f[1], 'lemma': f[2], 'upos': f[3], 'xpos': f[4],
                           'head': int(f[6]), 'rel': f[7]})
    if tokens:
        yield text, tokens


def defects(tokens):
    words = [t for t in tokens if t['upos'] != 'PUNCT']
    out = []
    if not words:
        return ['no verb']
    root = next((t for t in tokens if t['head'] == 0), words[0])
    verbs = [t for t in words if t['upos'] == 'VERB']
    # The tagger reads many headline verbs as plural nouns ("Russia shells Kherson"), so a
    # title whose named subject is followed by a word in -s counts as having its verb.
    lead = 0
    while lead < len(words) and words[lead]['upos'] == 'PROPN':
        lead += 1
    headline_verb = 0 < lead < len(words) and words[lead]['form'].islower() and words[lead]['form'].endswith('s')
    finite = any(t['xpos'] in ('VBZ', 'VBP', 'VBD', 'MD') for t in words)
    if root['upos'] != 'VERB' and not any(v['head'] == root['id'] for v in verbs) and not (
            root['upos'] == 'AUX' or any(t['rel'] == 'cop' for t in words)) and not finite and not headline_verb:
        out.append('no verb')
    first = words[0]
    if first['upos'] == 'VERB' and first['xpos'] in ('VB', 'VBP', 'VBG') and not any(
            t['rel'].startswith('nsubj') and t['head'] == first['id'] for t in words):
        out.append('bare verb')
    last = words[-1]
    if last['upos'] in DANGLING or (last['upos'] == 'ADJ' and last['rel'] == 'amod') or (
            last['upos'] == 'VERB' and len(words) >= 2 and words[-2]['form'].lower() == 'to' and
            last['lemma'] in ('say', 'state', 'note', 'add', 'stress', 'be')):
        out.append('dangling end')
    for i, t in enumerate(words[1:], 1):
        if t['form'] == 'by' and any(w['upos'] == 'VERB' and w['xpos'] != 'VBN' and w['id'] < t['id']
                                      for w in words) and not any(
                w['xpos'] == 'VBN' and w['id'] < t['id'] for w in words):
            out.append('active by')
            break
    names = []
    cur = []
    for t in words:
        if t['upos'] == 'PROPN':
            cur.append(t['form'])
        elif cur:
            names.append(' '.join(cur))
            cur = []
    if cur:
        names.append(' '.join(cur))
    if len(names) >= 2 and words[0]['upos'] == 'PROPN' and names[0] in names[1:]:
        out.append('repeated name')
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('db', nargs='?')
    ap.add_argument('--titles', help='a file of titles, one a line, instead of a database')
    ap.add_argument('--kb', default=os.path.join(os.path.dirname(__file__), '..', '..', 'build', 'rel', 'cli', 'kb'))
    ap.add_argument('--list', help='print a sample of the titles of this class')
    ap.add_argument('--n', type=int, default=40)
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    if a.titles:
        with open(a.titles, encoding='utf-8') as f:
            titles = [line.strip() for line in f if line.strip()]
    elif a.db:
        db = sqlite3.connect(f'file:{a.db}?mode=ro', uri=True)
        titles = [r[0] for r in db.execute(
            "SELECT title FROM event WHERE origin = 'imported' AND merged_into IS NULL ORDER BY event_id")]
    else:
        ap.error('name a database or --titles FILE')
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
        for t in titles:
            # One title a paragraph; the final stop makes each a sentence of its own.
            f.write(t.replace('\n', ' ') + '.\n\n')
        path = f.name
    try:
        conllu = subprocess.run([a.kb, 'parse', path, '--format', 'conllu'], check=True,
                                capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    # A title the splitter cuts in two ("St. Petersburg sues ...") is joined again: its
    # sentences are taken until their words cover the title's.
    parsed, it = [], sentences(conllu)
    for title in titles:
        want = len((title + '.').replace(' ', ''))
        got, tokens = 0, []
        while got < want:
            try:
                text, part = next(it)
            except StopIteration:
                sys.exit(f'title_lint: the parse ended before the title "{title}"')
            base = len(tokens)
            for t in part:
                t = dict(t, id=t['id'] + base, head=t['head'] + base if t['head'] else (0 if not tokens else 1))
                tokens.append(t)
            got += len(text.replace(' ', ''))
        parsed.append((title, tokens))
    counts = collections.Counter()
    members = collections.defaultdict(list)
    flawed = 0
    for title, (_, tokens) in zip(titles, parsed):
        d = defects(tokens)
        flawed += 1 if d else 0
        for c in d:
            counts[c] += 1
            members[c].append(title)
    n = len(titles)
    print(f'titles {n}  flawed {flawed} ({flawed / max(n, 1):.1%})')
    for c in CLASSES:
        print(f'  {c:14} {counts[c]:6} ({counts[c] / max(n, 1):.1%})')
    if a.list:
        pick = members.get(a.list, [])
        random.Random(a.seed).shuffle(pick)
        for t in pick[:a.n]:
            print('   ', t)


if __name__ == '__main__':
    main()
