#!/usr/bin/env python3
"""Annotators' helper for eval/events/gold2 (see README there).

    gold2tool.py show ID                 the article's text with character offsets every line
    gold2tool.py find ID "words"         every offset where the words occur (case-sensitive)
    gold2tool.py check [FILE...]         validate gold2 files (all when none named)
"""
import json, os, re, sys, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'articles', 'dev.jsonl')
KINDS = {'statement', 'attack', 'territorial_change', 'meeting', 'visit', 'agreement', 'aid',
         'sanction', 'decision', 'election', 'application', 'protest', 'other'}
STATUS = {'reported', 'claimed', 'planned'}
RELATIONS = {'violates', 'responds-to', 'caused', 'part-of'}

def article(aid):
    with open(DEV, encoding='utf-8') as f:
        for line in f:
            if line.startswith('{"id": "%s"' % aid):
                return json.loads(line)
    sys.exit(f'no article {aid} in dev.jsonl')

def show(aid):
    d = article(aid)
    print(f"id={d['id']} published={d['published']} source={d['source']}\ntitle={d['title']}\n")
    text = d['text']
    # wrap at ~100 characters on spaces, print the offset of each line start
    i = 0
    while i < len(text):
        j = min(len(text), i + 100)
        if j < len(text):
            k = text.rfind(' ', i, j)
            if k > i:
                j = k + 1
        print(f'{i:6d}| {text[i:j]}')
        i = j

def find(aid, words):
    text = article(aid)['text']
    for m in re.finditer(re.escape(words), text):
        s = m.start()
        print(f"{s}\t…{text[max(0, s - 60):s]}[{text[s:m.end()]}]{text[m.end():m.end() + 60]}…")

def valid_day(s):
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False

def check(path):
    errs = []
    g = json.load(open(path, encoding='utf-8'))
    aid = os.path.basename(path)[:-5]
    text = article(aid)['text']
    for k in ('article', 'annotator', 'set', 'events'):
        if k not in g:
            errs.append(f'missing "{k}"')
    if g.get('set') not in ('train', 'dev', 'blind'):
        errs.append('set must be train, dev or blind')
    for n, e in enumerate(g.get('events', [])):
        where = f'event {n}'
        for k in ('from', 'to', 'value', 'trigger', 'at', 'keywords', 'actors', 'targets', 'kind',
                  'status', 'title'):
            if k not in e:
                errs.append(f'{where}: missing "{k}"')
        if not (valid_day(e.get('from', '')) and valid_day(e.get('to', '')) and e['from'] <= e['to']):
            errs.append(f'{where}: from/to must be ISO days, from <= to')
        at = e.get('at')
        trig = e.get('trigger', '')
        ats = at if isinstance(at, list) else [at]
        for a in ats:
            if not isinstance(a, int) or text[a:a + len(trig)] != trig:
                errs.append(f'{where}: text at {a} is not the trigger "{trig}"')
        if e.get('kind') not in KINDS:
            errs.append(f'{where}: kind "{e.get("kind")}" not one of {sorted(KINDS)}')
        if e.get('status') not in STATUS:
            errs.append(f'{where}: status must be one of {sorted(STATUS)}')
        if e.get('status') == 'claimed' and not e.get('claimant'):
            errs.append(f'{where}: a claimed event names its "claimant"')
        t = e.get('title', '')
        if not t or len(t) > 80 or '…' in t or len(t.split()) < 3:
            errs.append(f'{where}: title must be 3+ words, at most 80 characters, no "…"')
        if not e.get('keywords'):
            errs.append(f'{where}: give at least one keyword')
        for w in e.get('keywords', []):
            if w.lower() not in text.lower():
                errs.append(f'{where}: keyword "{w}" is not in the text')
    for n, r in enumerate(g.get('relations', [])):
        if r.get('type') not in RELATIONS:
            errs.append(f'relation {n}: type must be one of {sorted(RELATIONS)}')
        for k in ('from', 'to'):
            if not isinstance(r.get(k), int) or not 0 <= r[k] < len(g.get('events', [])):
                errs.append(f'relation {n}: "{k}" must be an event index')
        if not isinstance(r.get('at'), int):
            errs.append(f'relation {n}: "at" must be the offset of the sentence that states it')
    return errs

if __name__ == '__main__':
    if len(sys.argv) >= 3 and sys.argv[1] == 'show':
        show(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'find':
        find(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == 'check':
        files = sys.argv[2:] or sorted(os.path.join(HERE, 'gold2', f)
                                      for f in os.listdir(os.path.join(HERE, 'gold2')) if f.endswith('.json'))
        bad = 0
        for p in files:
            errs = check(p)
            for e in errs:
                print(f'{p}: {e}')
            bad += bool(errs)
        print(f'{len(files) - bad} ok, {bad} with errors')
        sys.exit(1 if bad else 0)
    else:
        sys.exit(__doc__)
