#!/usr/bin/env python3
"""score.py - how many verdicts a link checker got right in the benchmark.

  score.py TOOL EXPECTED.tsv OUTPUT

EXPECTED.tsv has "URL<TAB>verdict" (from server.py gen).  litera is scored
on its exact verdict.  The peers only say alive/dead (some also "skipped"),
so they are scored on that: a link is dead when it is broken (404, 410) or
answers 500 every time; everything else (redirects, bot walls 403/999, a
429 that clears after Retry-After, a 503 that recovers after 1.5 s, HEAD
refused) is alive.  Prints "right total".
"""
import csv
import json
import re
import sys

DEAD = {"broken", "server-error"}


def load_expected(path):
    exp = {}
    for line in open(path):
        url, verdict = line.rstrip("\n").split("\t")
        exp[url] = verdict
    return exp


def peer_dead(tool, path):
    """URL -> True (dead) / False (alive) as the tool reported it."""
    res = {}
    if tool == "curl":
        for line in open(path, errors="replace"):
            parts = line.split()
            if len(parts) == 2:
                code, url = int(parts[0]), parts[1]
                res[url] = code == 0 or code >= 400
    elif tool == "linkinator":
        data = json.load(open(path))
        for l in data.get("links", []):
            res[l["url"]] = l.get("state") == "BROKEN"
    elif tool == "markdown-link-check":
        for line in open(path, errors="replace"):
            m = re.search(r"\[(✓|✖|/)\] (\S+)", line)
            if m:
                res[m.group(2)] = m.group(1) == "✖"
    elif tool == "linkchecker":
        rows = [l for l in open(path, errors="replace") if not l.startswith("#")]
        for r in csv.DictReader(rows, delimiter=";"):
            if r.get("urlname", "").startswith("http"):
                res[r["urlname"]] = r.get("valid") != "True"
    return res


def main():
    tool, exp_path, out = sys.argv[1:4]
    exp = load_expected(exp_path)
    right = 0
    if tool == "litera":
        for o in json.load(open(out)):
            if exp.get(o["url"]) == o["verdict"]:
                right += 1
    else:
        got = peer_dead(tool, out)
        for url, verdict in exp.items():
            if url in got and got[url] == (verdict in DEAD):
                right += 1
    print(right, len(exp))


if __name__ == "__main__":
    main()
