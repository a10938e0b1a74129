#!/usr/bin/env python3
"""Scores kb's analysis of raw text against a UD treebank, with the CoNLL 2018 shared task's
measures (our own implementation of its definitions: words aligned by their character spans in
the text with whitespace removed; F1 of sentences, tokens and words; UPOS, lemma, UAS and LAS as
F1 over aligned words, LAS on universal relations; punctuation included).

    python3 eval/ud/score_raw.py GOLD.conllu [KB_BINARY]

It rebuilds the raw text from the gold file's "# text" lines (one paragraph per "# newpar",
sentences separated by a space), runs `kb parse --format conllu` on it and scores the output.
"""
import subprocess, sys, tempfile

def read(conllu):
    sents, cur, newpar, pars = [], [], False, []
    text = None
    for line in conllu.split('\n'):
        if line.startswith('# newpar'):
            newpar = True
        elif line.startswith('# text = '):
            text = line[9:]
        elif line.startswith('#'):
            continue
        elif not line.strip():
            if cur:
                sents.append((cur, text, newpar))
                cur, newpar, text = [], False, None
        else:
            f = line.split('\t')
            if '-' in f[0] or '.' in f[0]:
                continue
            cur.append({'form': f[1], 'lemma': f[2], 'upos': f[3], 'head': int(f[6]) if f[6].isdigit() else 0,
                        'deprel': f[7].split(':')[0]})
    if cur:
        sents.append((cur, text, newpar))
    return sents

def spans(sents):
    """Character spans (whitespace removed) of every word and sentence; words get global indexes."""
    words, sspans, pos = [], [], 0
    for ws, _, _ in sents:
        start, base = pos, len(words)
        for w in ws:
            n = len(''.join(w['form'].split()))
            words.append(dict(w, span=(pos, pos + n), head_g=(base + w['head'] - 1) if w['head'] > 0 else -1))
            pos += n
        sspans.append((start, pos))
    return words, sspans

def f1(correct, system, gold):
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0

def main():
    gold_path = sys.argv[1]
    kb = sys.argv[2] if len(sys.argv) > 2 else 'build/release/cli/kb'
    gold = read(open(gold_path, encoding='utf-8').read())
    paras, cur = [], []
    for ws, text, newpar in gold:
        if newpar and cur:
            paras.append(' '.join(cur))
            cur = []
        cur.append(text if text is not None else ' '.join(w['form'] for w in ws))
    if cur:
        paras.append(' '.join(cur))
    raw = '\n\n'.join(paras) + '\n'
    out = subprocess.run([kb, 'parse', '--format', 'conllu'], input=raw.encode(), capture_output=True, check=True)
    system = read(out.stdout.decode('utf-8', 'replace'))
    gw, gs = spans(gold)
    sw, ss = spans(system)
    if gw[-1]['span'][1] != sw[-1]['span'][1]:
        print(f'warning: gold has {gw[-1]["span"][1]} non-space characters, system {sw[-1]["span"][1]}', file=sys.stderr)
    by_span = {w['span']: i for i, w in enumerate(gw)}
    align = {}  # system word index -> gold word index
    for i, w in enumerate(sw):
        if w['span'] in by_span:
            align[i] = by_span[w['span']]
    n = len(align)
    upos = sum(sw[i]['upos'] == gw[g]['upos'] for i, g in align.items())
    lemma = sum(sw[i]['lemma'] == gw[g]['lemma'] for i, g in align.items())
    uas = las = 0
    for i, g in align.items():
        sh, gh = sw[i]['head_g'], gw[g]['head_g']
        same = (sh == -1 and gh == -1) or (sh != -1 and align.get(sh) == gh and gh != -1)
        uas += same
        las += same and sw[i]['deprel'] == gw[g]['deprel']
    sent = len(set(gs) & set(ss))
    print(f'gold: {len(gs)} sentences, {len(gw)} words; system: {len(ss)} sentences, {len(sw)} words')
    print(f'Sentences F1 {100 * f1(sent, len(ss), len(gs)):.2f}')
    print(f'Words F1     {100 * f1(n, len(sw), len(gw)):.2f}')
    for name, c in (('UPOS', upos), ('Lemmas', lemma), ('UAS', uas), ('LAS', las)):
        print(f'{name:<12} {100 * f1(c, len(sw), len(gw)):.2f}')

main()
