#!/usr/bin/env python3
"""score.py - pair precision and recall of duplicate clusters.

score.py TRUTH PRED [-v]

TRUTH: lines "id<TAB>work" (as written by gen.py).
PRED:  either the JSON report of `litera dedup --json` ({"clusters":
       [{"members": [{"id": ...}]}]}) or a CSL-JSON array whose merged
       records carry custom.merged_ids.
A pair is two records of one cluster.  Prints predicted, true and correct
pairs, then "pairs P=... R=... F1=...".  With -v, lists wrong and missed
pairs (up to 30 each).
"""
import json
import sys
from collections import Counter, defaultdict


def load_truth(path):
    t = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            rid, work = line.rstrip("\n").split("\t")
            t[rid] = work
    return t


def load_pred(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    clusters = []
    if isinstance(data, dict) and "clusters" in data:
        for c in data["clusters"]:
            clusters.append([m["id"] for m in c["members"]])
    else:
        for item in data:
            ids = (item.get("custom") or {}).get("merged_ids")
            if isinstance(ids, str):
                ids = json.loads(ids)
            if ids and len(ids) > 1:
                clusters.append(list(ids))
    return clusters


def c2(n):
    return n * (n - 1) // 2


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    verbose = "-v" in sys.argv[3:]
    truth = load_truth(sys.argv[1])
    clusters = load_pred(sys.argv[2])
    true_pairs = sum(c2(n) for n in Counter(truth.values()).values())
    pred_pairs = correct = 0
    wrong = []
    for c in clusters:
        pred_pairs += c2(len(c))
        by_work = defaultdict(list)
        for rid in c:
            by_work[truth.get(rid, "?" + rid)].append(rid)
        correct += sum(c2(len(v)) for v in by_work.values())
        if verbose and len(by_work) > 1 and len(wrong) < 30:
            wrong.append(list(by_work.values()))
    p = correct / pred_pairs if pred_pairs else 1.0
    r = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    if verbose:
        for w in wrong:
            print("WRONG", w)
        in_cluster = {}
        for i, c in enumerate(clusters):
            for rid in c:
                in_cluster[rid] = i
        works = defaultdict(list)
        for rid, wk in truth.items():
            works[wk].append(rid)
        missed = 0
        for wk, ids in works.items():
            if len(ids) > 1 and len({in_cluster.get(x, x) for x in ids}) > 1 and missed < 30:
                print("MISSED", ids)
                missed += 1
    print("predicted %d, true %d, correct %d" % (pred_pairs, true_pairs, correct))
    print("pairs P=%.4f R=%.4f F1=%.4f" % (p, r, f1))


if __name__ == "__main__":
    main()
