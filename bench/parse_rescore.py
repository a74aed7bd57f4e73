#!/usr/bin/env python3
"""parse_rescore.py - the parser's cross-validated predictions scored twice:
with the shared scorer as it is, and with four artefacts of its gold
corrected, so that the gap between litera and the targets can be split into
parser errors and gold that no output can match.

usage: bench/parse_rescore.py WORK [SHARED] [-v]
  -v      also print per-field F1 (scorer / corrected gold)
  WORK    the --work folder of bench/parse_eval.py (pred_*.json are read)
  SHARED  the shared folder (default ../shared next to the repository)

Corrections (gold side only; predictions are untouched; six artefacts):
  page     AnyStyle gold "pages 393-397": the scorer strips "p" and keeps
           "ages393-397"; the corrected gold drops a leading "pages"/"page".
  editor   AnyStyle gold keeps the words around the names ("In", "editors",
           "edited by"); the corrected gold drops those role words.
  container-title  AnyStyle gold keeps the "In" / "In:" that introduces the
           host ("In Proceedings of ..."; 216 of 963 containers in core);
           the corrected gold drops it, as litera's output does.
  author,  biblatex-gost gold holds the bib entry's full given names while
  editor   the rendered string prints initials; the corrected gold keeps only
           the name words that occur in the string.
  DOI      GROBID gold "doi :10.1103/..." and "10 .1088/...": the scorer
           strips "doi:" only without the space and keeps PDF spaces; the
           corrected gold drops both.
  all      biblatex-gost entries with "crossref" or "xdata" take their
           container, publisher, place, year and editors from the parent
           entry, which the scorer does not resolve, so the gold is empty
           while the string prints them; a field that is empty in such gold
           is not counted (neither right nor wrong).
A line per set also gives the ceiling under the scorer as it is where gold
names hold words the string does not print (biblatex-gost's full given
names).  A "ceiling" line also reports, for every set, the share of gold fields whose
canonical value occurs in the reference string at all (an upper bound on
recall for any parser that copies text).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROLE = {"in", "editor", "editors", "edited", "by", "eds", "ed", "hrsg", "hg", "edn"}


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    if not argv:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    work = argv[0]
    shared = argv[1] if len(argv) > 1 else os.path.join(HERE, "..", "..", "shared")
    sys.path.insert(0, os.path.join(shared, "eval"))
    import score_fields as SF
    from common import Tally, words

    sets = [("anystyle/core", os.path.join(shared, "data/anystyle/core.xml"), "pred_core.json"),
            ("grobid", os.path.join(shared, "data/grobid-citation/corpus"), "pred_grobid.json"),
            ("biblatex-gost", os.path.join(shared, "data/gost/biblatex-gost-pairs.json"), "pred_gost.json")]
    for name, data, predf in sets:
        pp = os.path.join(work, predf)
        if not os.path.exists(pp):
            continue
        gold = SF.load(data)
        pred = json.load(open(pp, encoding="utf-8"))
        fields = ["author", "editor", "title", "container-title", "publisher",
                  "publisher-place", "issued", "volume", "page", "URL", "DOI"]
        if any("issue" in g for g in gold):
            fields.insert(8, "issue")
        raw, fixed = Tally(), Tally()
        seen = total = 0
        raw_total = unprintable = 0
        xref = []
        if name == "biblatex-gost":
            pairs = json.load(open(data, encoding="utf-8"))["pairs"]
            xref = [bool({"crossref", "xdata"} & set(q["bib_fields"])) for q in pairs]
        for i, (g, p) in enumerate(zip(gold, pred)):
            sw = set(words(g["string"]))
            for f in fields:
                gc = SF.gold_canon(f, g)
                pc = SF.pred_canon(f, p)
                raw.add(f, gc, pc)
                if gc:
                    raw_total += 1
                    unprintable += f in ("author", "editor") and not all(w in sw for w in gc)
                if f == "page" and re.match(r"(?i)\s*pages?\b", g.get("page", "")):
                    gc = SF.page(re.sub(r"(?i)^\s*pages?\s*", "", g["page"]))
                if f == "container-title" and name.startswith("anystyle"):
                    gc = SF.text(re.sub(r"(?i)^\s*in\b:?\s*", "", g.get("container-title", "")))
                if f == "editor" and name.startswith("anystyle"):
                    gc = tuple(w for w in gc if w not in ROLE)
                if f in ("author", "editor") and name == "biblatex-gost":
                    gc = tuple(w for w in gc if w in sw)
                if f == "DOI" and gc:
                    gc = SF.doi(re.sub(r"\s+", "", g.get("DOI", "")).replace("doi:", "", 1) if
                                re.match(r"(?i)\s*doi\s*:", g.get("DOI", "")) else re.sub(r"\s+", "", g.get("DOI", "")))
                if xref and xref[i] and not gc:
                    continue
                fixed.add(f, gc, pc)
                if gc:
                    total += 1
                    s = SF.text(g["string"])
                    if f in ("author", "editor"):
                        seen += all(w in sw for w in gc)
                    elif f == "page":
                        seen += gc.replace("-", "") in re.sub(r"[\s\-\u2013\u2014]", "", s)
                    else:
                        seen += gc in s
        print(f"{name:16s} scorer F1={raw.prf()[2]:.3f}   corrected gold F1={fixed.prf()[2]:.3f}   "
              f"gold fields found in the string: {seen}/{total} ({seen / max(total, 1):.3f})")
        if unprintable > 0.01 * raw_total:
            # every other field right and these names as the string prints
            # them: each is one false positive and one false negative
            tp = raw_total - unprintable
            best = 2 * tp / (2 * tp + 2 * unprintable)
            print(f"{'':16s} {unprintable} of {raw_total} gold fields are names with words the string does not "
                  f"print (full given names): the scorer's F1 is at most {best:.3f} for any parser that "
                  f"returns the names as printed")
        if verbose:
            for f in fields:
                n = fixed.prf(f)[3]
                if n or fixed.fp.get(f):
                    print(f"    {f:16s} scorer F1={raw.prf(f)[2]:.3f}   corrected F1={fixed.prf(f)[2]:.3f}   (gold {n})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
