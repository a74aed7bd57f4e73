#!/usr/bin/env python3
"""Regenerate the expected outputs of the extraction fixtures.

usage: make_expected.py LITERA [DOC...]

For each document writes DOC's stem + ".expected": one line per extracted
reference, tab-separated: where, label, line, cited_at, repeat_of, raw
(the custom entries as `litera extract --no-parse --to csljson` prints
them).  Review every change by eye before committing: these files are the
specification the tests check.
"""
import glob, json, os, subprocess, sys

def line_of(item):
    c = item.get("custom", {})
    cited = c.get("cited_at")
    rep = c.get("repeat_of")
    return "\t".join([
        c.get("where", ""), c.get("label", ""), str(c.get("line", 0)),
        "[" + ", ".join(str(x) for x in cited) + "]" if cited else "",
        ('{"line": %d, "label": "%s"' % (rep["line"], rep["label"]) +
         (', "item": %d' % rep["item"] if "item" in rep else "") + "}") if rep else "",
        c.get("raw", ""),
    ])

def main(argv):
    tool = argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    docs = argv[2:] or sorted(p for p in glob.glob(os.path.join(here, "*"))
                              if os.path.isfile(p) and not p.endswith((".expected", ".py")))
    for doc in docs:
        out = subprocess.run([tool, "extract", "--no-parse", doc], capture_output=True, check=True)
        items = json.loads(out.stdout)
        stem = os.path.splitext(os.path.basename(doc))[0]
        with open(os.path.join(here, stem + ".expected"), "w", encoding="utf-8") as f:
            for it in items:
                f.write(line_of(it) + "\n")
        print(f"{stem}: {len(items)} references")

# articles/ holds whole articles with gold annotations instead (checked by
# tests/test_extract_gold.c); they have no .expected files.
# The samples are checked under their own names (tests/test_extract_docs.c):
#   samples/article-ru.txt  -> article-ru.expected      (make_expected.py LITERA samples/article-ru.txt)
#   samples/article-en.md   -> sample-en-md.expected
#   samples/article-en.docx -> sample-en-docx.expected

if __name__ == "__main__":
    main(sys.argv)
