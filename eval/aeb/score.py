#!/usr/bin/env python3
"""The Article Extraction Benchmark's metric in Python, as ../shared/data/aeb/README.md states it:
a cross-check of bench_aeb's C++ scorer on the same predictions.

    build/rel/bench/bench_aeb --dump /tmp/aeb.json
    python3 eval/aeb/score.py /tmp/aeb.json [../shared/data/aeb/ground-truth.json]
"""
import json, re, sys
from collections import Counter

def shingles(text):
    toks = re.findall(r'\w+', text or '')
    if len(toks) < 4:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))

def main():
    pred = json.load(open(sys.argv[1], encoding='utf-8'))
    truth = json.load(open(sys.argv[2] if len(sys.argv) > 2 else '../shared/data/aeb/ground-truth.json',
                           encoding='utf-8'))
    ps, rs, exact = [], [], 0
    for sha, t in truth.items():
        if sha not in pred:
            continue
        body = pred[sha].get('articleBody', '')
        exact += re.findall(r'\w+', t['articleBody']) == re.findall(r'\w+', body)
        a, b = shingles(t['articleBody']), shingles(body)
        tp = sum((a & b).values())
        fp = sum((b - a).values())
        fn = sum((a - b).values())
        n = tp + fp + fn
        if n:
            tp, fp, fn = tp / n, fp / n, fn / n
        if fp == 0 and fn == 0:
            ps.append(1.0), rs.append(1.0)
            continue
        if tp + fp > 0:
            ps.append(tp / (tp + fp))
        if tp + fn > 0:
            rs.append(tp / (tp + fn))
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f'F1 {f1:.3f} P {p:.3f} R {r:.3f} accuracy {exact / max(1, len(pred)):.3f} ({len(pred)} pages)')

if __name__ == '__main__':
    main()
