#!/usr/bin/env python3
"""Cross-validated field F1 of `litera parse` on the shared data.

usage: bench/parse_eval.py [--litera BIN] [--folds K] [--epochs N] [--work DIR] [--synth N]
                           [--only anystyle,grobid,gost,seeds] [--final OUT.c]

Every reference of the AnyStyle, GROBID, biblatex-gost and seed sets is put
in one of K folds (index mod K).  For each fold a model is trained with
`litera train` on the other folds of every set (plus the GOST test vectors
and the synthetic references of bench/parse_synth.py, which are never
scored), the fold's strings are parsed with `litera parse --to csljson`,
and at the end each set is scored once with ../shared/eval/score_fields.py
over all its references (each predicted by a model that never saw it).  The
seeds have no score_fields format; they are scored with the same field
canonicalisation (../shared/eval/common.py).

--final OUT.c additionally trains on everything and writes the embeddable
model (src/parse/model_data.c) - the figures printed are still the
cross-validated ones.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import parse_data as D  # noqa: E402

EVAL = os.path.join(D.SHARED, "eval")
sys.path.insert(0, EVAL)


def run(cmd, inp=None):
    r = subprocess.run(cmd, input=inp, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(f"command failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-2000:]}\n")
        sys.exit(1)
    return r.stdout


def parse_strings(litera, model, strings):
    if not strings:
        return []
    out = run([litera, "parse", "--model", model, "--to", "csljson", "-q"], "\n".join(strings) + "\n")
    items = json.loads(out)
    if len(items) != len(strings):
        sys.exit(f"parse returned {len(items)} items for {len(strings)} strings")
    return items


def score_file(data, preds, work, name):
    p = os.path.join(work, f"pred_{name}.json")
    json.dump(preds, open(p, "w", encoding="utf-8"), ensure_ascii=False)
    out = run([sys.executable, os.path.join(EVAL, "score_fields.py"), data, p])
    return out


def score_seeds(refs, preds):
    from common import FIELDS, Tally, canon
    t = Tally()
    for r, p in zip(refs, preds):
        for f in FIELDS:
            t.add(f, canon(f, r["csl"]), canon(f, p))
    pr, rc, f1, _ = t.prf()
    return t.table() + f"\nfields F1={f1:.3f} (P={pr:.3f} R={rc:.3f})\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--litera", default=os.path.join(HERE, "..", "build-parse-rel", "litera"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--work", default="/tmp/litera-parse-eval")
    ap.add_argument("--only", default="anystyle,grobid,gost,seeds")
    ap.add_argument("--no-synth", action="store_true")
    ap.add_argument("--synth", type=int, default=10000, help="synthetic references (bench/parse_synth.py)")
    ap.add_argument("--final", default=None)
    ap.add_argument("--final-model", default=None, help="also write the final binary model here")
    ap.add_argument("--skip-cv", action="store_true", help="only train the --final model (no figures)")
    ap.add_argument("--train-args", default="-c 3 -p 500", help="extra `litera train` options (CV and final alike)")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    K = a.folds
    only = set(a.only.split(","))
    t0 = time.time()

    import score_fields as SF

    data = {}
    # anystyle: four files scored separately
    any_files = ["core", "good", "ugly", "bad"]
    any_seqs, any_gold = {}, {}
    for f in any_files:
        path = os.path.join(D.SHARED, "data", "anystyle", f + ".xml")
        any_seqs[f] = D.anystyle_sequences(path)
        any_gold[f] = [g["string"] for g in SF.load(path)]
    grobid_dir = os.path.join(D.SHARED, "data", "grobid-citation", "corpus")
    bibls = D.tei_bibls(grobid_dir)
    grobid_strings = [g["string"] for g in SF.load(grobid_dir)]
    assert len(bibls) == len(grobid_strings), (len(bibls), len(grobid_strings))
    gost_path = os.path.join(D.SHARED, "data", "gost", "biblatex-gost-pairs.json")
    pairs = D.blx_pairs(gost_path)
    gost_seqs = D.blx_sequences(pairs)
    gost_strings = [g["string"] for g in SF.load(gost_path)]
    seeds = D.seed_refs()
    seed_seqs = [D.label_csl(r["raw"], r["csl"]).anystyle() for r in seeds]
    seed_strings = [D.squash(r["raw"]) for r in seeds]
    extra = D.vector_sequences()
    if not a.no_synth:
        import parse_synth
        extra += parse_synth.generate(a.synth, seed=7, seed_share=0.1)
    D.write_anystyle(os.path.join(a.work, "extra.xml"), extra)

    preds = {f: [None] * len(any_gold[f]) for f in any_files}
    preds["grobid"] = [None] * len(grobid_strings)
    preds["gost"] = [None] * len(gost_strings)
    preds["seeds"] = [None] * len(seed_strings)

    def fold_of(i):
        return i % K

    for k in range(0 if a.skip_cv else K):
        tr_any = [s for f in any_files for i, s in enumerate(any_seqs[f]) if fold_of(i) != k]
        D.write_anystyle(os.path.join(a.work, f"train_any_{k}.xml"), tr_any)
        D.write_tei(os.path.join(a.work, f"train_grobid_{k}.xml"),
                    [b for i, b in enumerate(D.tei_bibls(grobid_dir)) if fold_of(i) != k])
        D.write_anystyle(os.path.join(a.work, f"train_gost_{k}.xml"),
                         [s for i, s in enumerate(gost_seqs) if fold_of(i) != k] +
                         [s for i, s in enumerate(seed_seqs) if fold_of(i) != k])
        model = os.path.join(a.work, f"model_{k}.bin")
        run([a.litera, "train", "-e", str(a.epochs)] + a.train_args.split() + ["-o", model,
             os.path.join(a.work, f"train_any_{k}.xml"), os.path.join(a.work, f"train_grobid_{k}.xml"),
             os.path.join(a.work, f"train_gost_{k}.xml"), os.path.join(a.work, "extra.xml")])
        if "anystyle" in only:
            for f in any_files:
                idx = [i for i in range(len(any_gold[f])) if fold_of(i) == k]
                for i, p in zip(idx, parse_strings(a.litera, model, [any_gold[f][i] for i in idx])):
                    preds[f][i] = p
        for name, strings in (("grobid", grobid_strings), ("gost", gost_strings), ("seeds", seed_strings)):
            if name not in only:
                continue
            idx = [i for i in range(len(strings)) if fold_of(i) == k]
            for i, p in zip(idx, parse_strings(a.litera, model, [strings[i] for i in idx])):
                preds[name][i] = p
        sys.stderr.write(f"fold {k + 1}/{K} done ({time.time() - t0:.0f} s)\n")

    summary = []
    if a.skip_cv:
        only = set()
    if "anystyle" in only:
        for f in any_files:
            out = score_file(os.path.join(D.SHARED, "data", "anystyle", f + ".xml"), preds[f], a.work, f)
            open(os.path.join(a.work, f"score_{f}.txt"), "w").write(out)
            summary.append((f"anystyle/{f}.xml", out.strip().splitlines()[-1]))
    if "grobid" in only:
        out = score_file(grobid_dir, preds["grobid"], a.work, "grobid")
        open(os.path.join(a.work, "score_grobid.txt"), "w").write(out)
        summary.append(("grobid-citation", out.strip().splitlines()[-1]))
    if "gost" in only:
        out = score_file(gost_path, preds["gost"], a.work, "gost")
        open(os.path.join(a.work, "score_gost.txt"), "w").write(out)
        summary.append(("gost/biblatex-gost-pairs", out.strip().splitlines()[-1]))
    if "seeds" in only:
        out = score_seeds(seeds, preds["seeds"])
        json.dump(preds["seeds"], open(os.path.join(a.work, "pred_seeds.json"), "w"), ensure_ascii=False)
        open(os.path.join(a.work, "score_seeds.txt"), "w").write(out)
        summary.append(("seeds (references)", out.strip().splitlines()[-1]))

    if not a.skip_cv:
        print(f"{K}-fold cross-validation, {a.epochs} epochs ({time.time() - t0:.0f} s); details in {a.work}/score_*.txt")
    for name, line in summary:
        print(f"  {name:28s} {line}")

    if a.final:
        allf = [os.path.join(a.work, "all_any.xml"), os.path.join(a.work, "all_gost.xml"), os.path.join(a.work, "extra.xml")]
        D.write_anystyle(allf[0], [s for f in any_files for s in any_seqs[f]])
        D.write_anystyle(allf[1], gost_seqs + seed_seqs)
        run([a.litera, "train", "-e", str(a.epochs), "--emit-c"] + a.train_args.split() + ["-o", a.final] + allf + [grobid_dir])
        if a.final_model:
            run([a.litera, "train", "-e", str(a.epochs)] + a.train_args.split() + ["-o", a.final_model] + allf + [grobid_dir])
        print(f"final model (all data) written to {a.final}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
