#!/usr/bin/env python3
"""Trains kb's merge model (data/events/merge.tsv) on the annotated pairs of eval/merge/pairs.tsv.

    python3 eval/merge/train.py PAIRS.tsv KB.db TRACE.tsv JSONL [--out data/events/merge.tsv]
        [--beta B]

KB.db and TRACE.tsv come from `kb import JSONL --no-merge --trace-merges TRACE.tsv` (see
scripts/train_merge.sh): every extracted event is stored on its own, and each comparison of an
extracted event with an earlier stored one is traced with the features the model reads. Each
annotated pair (the stored event's sentence A, the new one's B, both as record id, byte offset
and kb's title) is found in the trace; `not-event` answers are left out. The model is an
L2-regularised logistic regression (the trace's features, and one indicator per concept the
train pairs share: the `concept` column, written as `concept:NAME` weights) fitted by Newton's
method (deterministic: same inputs, same bytes); its threshold maximises the F1 of `same` over a 5-fold cross-validation of the train
split (with --beta B the F-beta: B < 1 weighs precision, a wrong merge costing more than a missed one). Prints the cross-validated and blind scores beside those of the decision the trace was
made with (its `same` column: the model kb shipped at the time, or the hand rules before it).
"""
import json
import math
import sqlite3
import sys
import zlib

from sample import parse_args

L2 = 0.3  # chosen by the train split's cross-validated F1 among 0.3, 1 and 3
ITERATIONS = 30


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / piv
            if f != 0.0:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


def fit(xs, ys):
    d = len(xs[0])
    w = [0.0] * d
    for _ in range(ITERATIONS):
        g = [L2 * w[j] if j > 0 else 0.0 for j in range(d)]
        h = [[(L2 if (i == j and i > 0) else 0.0) for j in range(d)] for i in range(d)]
        h[0][0] += 1e-6
        for x, y in zip(xs, ys):
            p = sigmoid(sum(wj * xj for wj, xj in zip(w, x)))
            r = p - y
            s = p * (1 - p)
            for i in range(d):
                if x[i] == 0.0:
                    continue
                g[i] += r * x[i]
                hi = h[i]
                for j in range(d):
                    if x[j] != 0.0:
                        hi[j] += s * x[i] * x[j]
        step = solve(h, g)
        w = [wj - sj for wj, sj in zip(w, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return w


def prob(w, x):
    return sigmoid(sum(wj * xj for wj, xj in zip(w, x)))


# The features that forbid a merge unless the second is set (services/merge_model.cpp,
# kMergeVetoes).
VETOES = [("objects_clash", None), ("swapped", "symmetric_meeting")]


def allowed(x, vetoes):
    return all(x[i] == 0.0 or (u is not None and x[u] != 0.0) for i, u in vetoes)


def decide(w, x, threshold, vetoes):
    return prob(w, x) >= threshold and allowed(x, vetoes)


def scores(pred, gold):
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    acc = sum(p == g for p, g in zip(pred, gold)) / max(1, len(gold))
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f1, acc


def fold(pair):
    return zlib.crc32(pair.encode()) % 5


def main():
    args, opts = parse_args(sys.argv[1:])
    pairs_path, db, trace, jsonl = args
    out = opts.get("--out", "data/events/merge.tsv")
    ids = []
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            ids.append(json.loads(line)["id"])
    con = sqlite3.connect(db)
    src_record = {}
    for sid, origin in con.execute("SELECT source_id, origin FROM source"):
        src_record[sid] = ids[int(origin.rsplit(":", 1)[1]) - 1]
    old_key = {}
    for ev, sid, qb, title in con.execute(
            "SELECT c.event_id, c.source_id, c.quote_begin, e.title FROM citation c"
            " JOIN event e USING (event_id)"):
        old_key[ev] = (src_record[sid], qb, title)
    found = {}
    with open(trace, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        end = head.index("concept")
        names = head[5:end]
        for line in f:
            r = line.rstrip("\n").split("\t")
            old = old_key.get(int(r[3]))
            if old is None:
                continue
            key = old + (src_record[int(r[0])], int(r[1]), r[-1])
            found[key] = ([float(v) for v in r[5:end]], r[4] == "1", r[end])
    # A pair is found by its two sentences and kb's titles; when kb now titles a sentence's
    # event otherwise, by its two sentences alone where each gives one event of the trace, else
    # by the titles closest to the annotated ones (half their words or more in common).
    by_sentences = {}
    for key, hit in found.items():
        by_sentences.setdefault((key[0], key[1], key[3], key[4]), []).append((key[2], key[5], hit))

    def words(title):
        return set(title.lower().split())

    def closeness(a, b):
        wa, wb = words(a), words(b)
        return len(wa & wb) / max(1, len(wa | wb))

    def lookup(ar, ab, at, br, bb, bt):
        hit = found.get((ar, ab, at, br, bb, bt))
        if hit is not None:
            return hit, False
        cands = by_sentences.get((ar, ab, br, bb), [])
        if len({c[0] for c in cands}) == 1 and len({c[1] for c in cands}) == 1:
            return cands[0][2], True
        best = max(cands, key=lambda c: (min(closeness(c[0], at), closeness(c[1], bt)), c[0], c[1]),
                   default=None)
        if best is not None and min(closeness(best[0], at), closeness(best[1], bt)) >= 0.5:
            return best[2], True
        return None, False
    sets = {"train": [], "blind": []}
    missing = 0
    retitled = 0
    with open(pairs_path, encoding="utf-8") as f:
        f.readline()
        for line in f:
            if line.startswith("#"):
                continue
            pair, split, _annotator, answer, ar, ab, at, br, bb, bt = line.rstrip("\n").split("\t")
            if answer == "not-event":
                continue
            hit, moved = lookup(ar, int(ab), at, br, int(bb), bt)
            if hit is None:
                missing += 1
                continue
            retitled += moved
            sets[split].append((pair, hit[0], answer == "same", hit[1], hit[2]))
    # One weight per concept the train pairs share (MergeModel::concept_weights), beside the
    # features the trace gives.
    concepts = sorted({t[4] for t in sets["train"] if t[4]})
    for split in sets:
        sets[split] = [(p, x + [1.0 if c == k else 0.0 for k in concepts], g, d)
                       for p, x, g, d, c in sets[split]]
    vetoes = [(names.index(v), names.index(u) if u else None) for v, u in VETOES]
    train, blind = sets["train"], sets["blind"]
    print(f"pairs: train {len(train)} ({sum(t[2] for t in train)} same), blind {len(blind)} "
          f"({sum(t[2] for t in blind)} same); {missing} annotated pairs not in the trace, "
          f"{retitled} found by their sentences (kb titles them otherwise now)")
    # Threshold by 5-fold cross-validation on train.
    cv = [0.0] * len(train)
    for k in range(5):
        fit_on = [t for t in train if fold(t[0]) != k]
        w = fit([t[1] for t in fit_on], [1.0 if t[2] else 0.0 for t in fit_on])
        for i, t in enumerate(train):
            if fold(t[0]) == k:
                cv[i] = prob(w, t[1])
    gold = [t[2] for t in train]
    free = [allowed(t[1], vetoes) for t in train]
    beta = float(opts.get("--beta", "1"))

    def f_beta(pr, rc):
        return (1 + beta * beta) * pr * rc / (beta * beta * pr + rc) if pr + rc else 0.0

    best = max((f_beta(*scores([p >= th and a for p, a in zip(cv, free)], gold)[:2]),
                -abs(th - 0.5), th)
               for th in [i / 100 for i in range(5, 96)])
    threshold = best[2]
    w = fit([t[1] for t in train], [1.0 if t[2] else 0.0 for t in train])
    print("train, 5-fold cross-validated: model P {:.3f} R {:.3f} F1 {:.3f} acc {:.3f} "
          "(threshold {:.2f})".format(
              *scores([p >= threshold and a for p, a in zip(cv, free)], gold), threshold))
    print("train: the trace's decision   P {:.3f} R {:.3f} F1 {:.3f} acc {:.3f}".format(
        *scores([t[3] for t in train], gold)))
    if blind:
        bgold = [t[2] for t in blind]
        print("blind: model                  P {:.3f} R {:.3f} F1 {:.3f} acc {:.3f}".format(
            *scores([decide(w, t[1], threshold, vetoes) for t in blind], bgold)))
        print("blind: the trace's decision   P {:.3f} R {:.3f} F1 {:.3f} acc {:.3f}".format(
            *scores([t[3] for t in blind], bgold)))
    with open(out, "w", encoding="utf-8") as f:
        f.write("# kb's merge model (services/merge_model.hpp): logistic regression over the\n"
                "# features of a stored and an extracted event; trained by eval/merge/train.py on\n"
                f"# eval/merge/pairs.tsv ({len(train)} train pairs). Retrain: bash scripts/train_merge.sh\n")
        f.write(f"threshold\t{threshold:.6f}\n")
        for name, wj in zip(names + [f"concept:{c}" for c in concepts], w):
            f.write(f"{name}\t{wj:.6f}\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
