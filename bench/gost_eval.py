#!/usr/bin/env python3
"""gost_eval.py - exact-match figures of the GOST writers on the shared data.

Usage: bench/gost_eval.py [LITERA] [SHARED] [-v]
  LITERA  the litera binary (default build/litera)
  SHARED  the shared folder (default ../shared next to the repository)
  -v      print a diff for every miss

Two measurements, both read from SHARED/data/gost at run time (nothing is
copied into the repository):

1. hand_examples.json: the 28 records (their CSL-JSON from vectors.json)
   rendered with `litera convert --to gost` (GOST R 7.0.100-2018) and
   `--to gost-2008` (GOST R 7.0.5-2008) against the hand-written strings.
2. vectors.json: the biblatex-gost rendering of the records that have no hand
   example, as a 7.0.5-2008 reference where it conforms.  biblatex-gost uses
   ". — " between areas, an em dash in ranges, "(дата обр. …)", full place
   names and foreign places with the state code ("Reading, MA"); these
   equivalent forms are normalised on both sides (the standard
   allows ". " for ". — " and both place forms).  Records whose biblatex-gost
   rendering departs from the standard are listed in NONCONFORMING, and those
   that choose another permitted form than the hand examples in VARIANTS,
   each with the reason; both are left out of the count.

Comparison: runs of white space (including U+00A0, U+202F, U+2009) become
one space; nothing else is changed in part 1.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

# biblatex-gost renderings that do not follow the standard (judged against
# ../shared/docs/gost.md); not counted.
NONCONFORMING = {
    "book-ru-org": "organisation used as heading (gost.md 4: organisations go after ' / ')",
    "book-ru-4": "translator in the nominative ('пер. И. В. Красиков') and no ' : ' in the title",
    "book-ru-ed": "editor in the nominative ('под ред. С. В. Симонович')",
    "book-ru-noplace": "translator in the nominative",
    "book-en-ed": "volume letter without 'Vol.'",
    "law-ru-1": "gazette cited by page and without '№' (gost.md 5: 'Ст. 7598')",
    "law-ru-3": "year of the site instead of none, spelled-out designation",
    "law-en-1": "month and volume as separate areas",
    "pat-ru-1": "patent number in the other title information, 'Заявл.' for the publication date",
    "rep-ru-1": "genre printed twice, registration number without 'Рег.'",
    "rep-en-1": "report number as a bare area",
    "news-ru-1": "issue number as a separate area (7.0.5: date only)",
    "news-ru-2": "issue number as a separate area (7.0.5: date only)",
    "news-en-1": "month before day, page without 'P.'",
    "mag-ru-1": "month as a separate area",
    "thesis-ru-1": "awarding institution as publisher (gost.md 5: place only)",
    "thesis-en-1": "awarding institution as publisher (gost.md 5: place only)",
    "thesis-en-2": "awarding institution as publisher (gost.md 5: place only)",
    "soft-en-1": "'visited on' with a US date instead of '(дата обращения: …)'",
    "art-en-arxiv": "'visited on' with a US date instead of '(дата обращения: …)'",
    "web-en-blog": "'visited on' with a US date, site after ' / ' instead of ' // '",
    "web-ru-3": "organisation used as heading (gost.md 4)",
    "art-ru-issue": "no space before the colon of other title information",
    "chap-ru-1": "host's author (container-author) not given ('// Бахтин М. М. Собрание сочинений', "
                 "the record's own deviations_from_standard)",
}

# biblatex-gost renderings that choose another permitted 7.0.5 form than the
# hand examples (which the styles follow); not counted either.
VARIANTS = {
    "book-ru-yo": "ISBN printed (optional in a reference; the hand examples leave it out)",
    "book-en-1": "ISBN printed (optional in a reference; the hand examples leave it out)",
    "art-ru-3": "journal title in full where the record has an abbreviated one (both allowed)",
    "art-en-3": "journal title in full where the record has an abbreviated one (both allowed)",
    "art-en-2": "DOI of a foreign article printed (optional in a reference; hand example art-en-1 leaves it out)",
    "art-en-3b": "DOI of a foreign article printed (optional in a reference; hand example art-en-1 leaves it out)",
    "conf-en-4": "DOI of a foreign paper printed (optional in a reference; hand example art-en-1 leaves it out)",
    "std-ru-2": "a standard's other title information kept (hand example std-ru-1 leaves it out of a reference)",
    "thesis-ru-3": "designation in full and author repeated after ' / ' (hand examples: 'дис. … канд.', no repeat)",
}

# Hand examples whose string shows information the record lacks: the fields
# that would carry it (what a fuller record from the same source would hold).
# Measured separately ("with the missing fields"), to tell missing data from
# rule errors; for 7.0.100 only, since the 7.0.5 strings are short references
# written from the records as they are (they leave out what the 7.0.100
# strings add).
AUGMENT = {
    "ebook-ru-1": {"number-of-volumes": "2", "volume-title": "Общая часть",
                   "collection-title": "Бакалавр и магистр. Академический курс"},
    "web-ru-2": {"publisher": "Российская национальная библиотека, Центр правовой информации"},
    "thesis-ru-1": {"genre": "дис. … канд. экон. наук : 08.00.13 «Математические и инструментальные методы экономики»",
                    "note": "Библиогр.: с. 220–230"},
    "std-ru-1": {"title": "Система стандартов по информации, библиотечному и издательскому делу. "
                          "Библиографическая ссылка. Общие требования и правила составления",
                 "genre": "национальный стандарт Российской Федерации : издание официальное : утвержден и введен "
                          "в действие Приказом Федерального агентства по техническому регулированию и метрологии "
                          "от 28 апреля 2008 г. № 95-ст : введен впервые : дата введения 2009-01-01"},
}

WS = re.compile(r"[\s\u00a0\u202f\u2009]+")


def norm(s):
    return WS.sub(" ", s).strip()


PLACES = [("М.", "Москва"), ("СПб.", "Санкт-Петербург"), ("Л.", "Ленинград"),
          ("Н. Новгород", "Нижний Новгород"), ("Ростов н/Д", "Ростов-на-Дону")]


def norm_equiv(s):
    """Equivalent 7.0.5 forms: '. — ' = '. ', ranges with an en dash,
    'дата обр.' spelled out, places in full, a foreign city without its
    state code, responsibility after ' / ' dropped when it only repeats the
    heading (biblatex prints it for theses)."""
    s = norm(s)
    s = re.sub(r"\. [—–] ", ". ", s)
    s = re.sub(r"(\d)—(\d)", r"\1–\2", s)
    s = re.sub(r"\(дата обр\. ([\d.]+)\)", r"(дата обращения: \1)", s)
    for short, full in PLACES:
        s = re.sub(r"(^|[.\]] |\[)" + re.escape(short) + r"(?= :|, \d{4}|\])", r"\1" + full, s)
    # a foreign place with or without the state's postal code ("Reading, MA" /
    # "Reading"): the hand examples write the city alone (thesis-en-1), as the
    # styles do; biblatex-gost copies the field
    s = re.sub(r"([A-Za-z]), [A-Z]{2}(?= :|, \d{4})", r"\1", s)
    return s


def render(litera, records, fmt):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(records, f, ensure_ascii=False)
        path = f.name
    try:
        out = subprocess.run([litera, "convert", path, "--from", "csljson", "--to", fmt],
                             capture_output=True, text=True, timeout=120)
    finally:
        os.unlink(path)
    if out.returncode != 0:
        sys.exit("litera convert --to %s failed: %s" % (fmt, out.stderr.strip()))
    lines = out.stdout.split("\n")
    if len(lines) < len(records):
        sys.exit("litera printed %d lines for %d records" % (len(lines), len(records)))
    return lines[:len(records)]


def diff(a, b):
    """The first point where two strings differ, with context."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    lo = max(0, i - 30)
    return "   at %d: got  ...%s\n          want ...%s" % (i, a[lo:i + 50], b[lo:i + 50])


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    litera = args[0] if args else os.path.join(here, "..", "build", "litera")
    shared = args[1] if len(args) > 1 else os.path.join(here, "..", "..", "shared")
    gdir = os.path.join(shared, "data", "gost")
    if not os.path.isdir(gdir):
        print("no %s: GOST evaluation skipped" % gdir)
        return 0
    vectors = json.load(open(os.path.join(gdir, "vectors.json"), encoding="utf-8"))["vectors"]
    hand = json.load(open(os.path.join(gdir, "hand_examples.json"), encoding="utf-8"))["records"]
    byid = {v["id"]: v for v in vectors}

    recs = [byid[h["vector_id"]]["csl_json"] for h in hand]
    full = []
    for h in hand:
        r = dict(byid[h["vector_id"]]["csl_json"])
        r.update(AUGMENT.get(h["vector_id"], {}))
        full.append(r)
    for fmt, key, name in (("gost", "gost_r_7_0_100_2018", "GOST R 7.0.100-2018"),
                           ("gost-2008", "gost_r_7_0_5_2008", "GOST R 7.0.5-2008")):
        variants = [("", recs)]
        if fmt == "gost":
            variants.append((" with the missing fields of AUGMENT", full))
        for label, rs in variants:
            got = render(litera, rs, fmt)
            ok = 0
            misses = []
            for h, g in zip(hand, got):
                a, b = norm(g), norm(h[key])
                if a == b:
                    ok += 1
                else:
                    misses.append((h["vector_id"], a, b))
            print("hand examples%s, %s (--to %s): %d/%d exact" % (label, name, fmt, ok, len(hand)))
            for vid, a, b in misses:
                print("  miss %s" % vid)
                if verbose:
                    print("   got:  %s\n   want: %s\n%s" % (a, b, diff(a, b)))

    handids = {h["vector_id"] for h in hand}
    rest = [v for v in vectors if v["id"] not in handids]
    got = render(litera, [v["csl_json"] for v in rest], "gost-2008")
    ok = n = 0
    misses = []
    for v, g in zip(rest, got):
        if v["id"] in NONCONFORMING or v["id"] in VARIANTS:
            continue
        ref = [a["text"] for a in v["alternates"] if a["processor"].startswith("biblatex")]
        if not ref:
            continue
        n += 1
        a, b = norm_equiv(g), norm_equiv(ref[0])
        if a == b:
            ok += 1
        else:
            misses.append((v["id"], a, b))
    print("vectors.json biblatex-gost as GOST R 7.0.5-2008 (--to gost-2008, %d records without a hand example, "
          "%d left out as nonconforming or another permitted form): %d/%d exact" % (len(rest), len(rest) - n, ok, n))
    for vid, a, b in misses:
        print("  miss %s" % vid)
        if verbose:
            print("   got:  %s\n   want: %s\n%s" % (a, b, diff(a, b)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
