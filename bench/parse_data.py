#!/usr/bin/env python3
"""Training data for the reference parser, made from the shared material.

Turns labelled references into AnyStyle XML (what `litera train` reads):

* AnyStyle XML and GROBID TEI are used as they are (subsets are written per
  cross-validation fold);
* biblatex-gost pairs (bib fields + rendered GOST string), the seed
  articles' gold references (raw string + CSL-JSON) and the GOST test
  vectors (CSL-JSON + renderings) carry no token labels: the field values
  are aligned to the string to label its characters.

Nothing here is copied into the repository; the files are written to a
scratch directory at run time.
"""
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

SHARED = os.environ.get("LITERA_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
TEI = "{http://www.tei-c.org/ns/1.0}"

DASH = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def squash(s):
    return re.sub(r"\s+", " ", s or "").strip()


# --------------------------------------------------------------------------
# normalised search with an index map back to the original string

def norm_map(s):
    """Case-folded, dash-unified, whitespace-collapsed copy of s and, for
    each of its characters, the index in s."""
    out, idx = [], []
    prev_space = True
    for i, ch in enumerate(s):
        c = unicodedata.normalize("NFKC", ch)
        if not c:
            continue
        if c.isspace() or ch in "\u00a0\u202f\u2009~":
            if not prev_space:
                out.append(" ")
                idx.append(i)
            prev_space = True
            continue
        prev_space = False
        if c in DASH:
            c = "-"
        if c in "«»“”„\"'‘’":
            c = '"'
        if c == "ё" or c == "Ё":
            c = "е"
        for cc in c.casefold():
            out.append(cc)
            idx.append(i)
    return "".join(out), idx


def norm(s):
    return norm_map(s)[0].strip()


class Labeller:
    def __init__(self, s):
        self.s = s
        self.lab = [None] * len(s)
        self.n, self.idx = norm_map(s)

    def free(self, a, b, frac=0.8):
        if b <= a:
            return False
        free = sum(1 for i in range(a, b) if self.lab[i] is None)
        return free >= frac * (b - a)

    def set(self, a, b, label, force=False):
        for i in range(a, b):
            if force or self.lab[i] is None:
                self.lab[i] = label

    def find_text(self, value, label, all_hits=False, start=0, frac=0.8):
        v = norm(value)
        if len(v) < 1:
            return None
        pos = self.n.find(v)
        hit = None
        while pos >= 0:
            a = self.idx[pos]
            b = self.idx[pos + len(v) - 1] + 1
            if a >= start and self.free(a, b, frac):
                self.set(a, b, label)
                hit = (a, b)
                if not all_hits:
                    return hit
            pos = self.n.find(v, pos + 1)
        return hit

    def find_re(self, pattern, label, start=0, flags=re.I, group=0, all_hits=False):
        hit = None
        for m in re.finditer(pattern, self.s, flags):
            a, b = m.span(group)
            if a >= start and b > a and self.free(a, b):
                self.set(a, b, label)
                hit = (a, b)
                if not all_hits:
                    return hit
        return hit

    def name(self, family, given, label):
        """Label a personal name: the family name with the initials or given
        names written next to it (before or after)."""
        if not family:
            return None
        fam = re.escape(family.strip())
        init = r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?-?\s?){1,3}"
        words = ""
        if given:
            gw = [re.escape(w) for w in re.split(r"[\s.]+", given) if len(w) > 1]
            if gw:
                words = r"(?:(?:" + "|".join(gw) + r")\s+){1,3}"
        pats = [fam + r",?\s+" + init, init + r"\s*" + fam, fam + r",?\s+" + (words.replace(r"\s+){1,3}", r"\s*){1,3}") or "(?!)") ,
                (words or "(?!)") + fam, fam + r",?\s+[A-ZА-ЯЁ]{1,3}\b", fam]
        best = None
        for k, p in enumerate(pats):
            for m in re.finditer(p, self.s):
                a, b = m.span()
                while b > a and self.s[b - 1] in " ,;":
                    b -= 1
                if self.free(a, b, 0.6):
                    if best is None or (k < 2 and a < best[0]):
                        best = (a, b)
                    break
            if best and k >= 1:
                break
        if best:
            self.set(best[0], best[1], label)
        return best

    def anystyle(self):
        return runs_xml(self.s, self.lab)


def runs_xml(s, lab):
    """<sequence> XML from a string and a label per character.  Runs of one
    label become elements; a space between two elements is written as a
    space, no space as nothing (litera's reader keeps that distinction)."""
    out = []
    i, n = 0, len(s)
    while i < n:
        if s[i] == " ":
            out.append(" ")
            i += 1
            continue
        l = lab[i] or "other"
        j = i
        while j < n:
            if s[j] == " ":
                if j + 1 < n and s[j + 1] != " " and (lab[j + 1] or "other") == l:
                    j += 1
                    continue
                break
            if (lab[j] or "other") != l:
                break
            j += 1
        out.append(f"<{l}>{escape(s[i:j])}</{l}>")
        i = j
    return "<sequence>" + "".join(out).strip() + "</sequence>"


# --------------------------------------------------------------------------
# generic fills for GOST-punctuated strings (fields absent from the gold)

NAME_INV = r"[A-ZА-ЯЁ][\w'’\-]+(?: (?:де|ван|фон|делла|van|de|von|der|la|le|du|di)(?: [\w\-]+)?)?,? (?:[A-ZА-ЯЁ][a-zа-я]?\.\s?-?){1,3}"
NAME_FWD = r"(?:[A-ZА-ЯЁ][a-zа-я]?\.\s?-?){1,3}\s?[A-ZА-ЯЁ][\w'’\-]+"


def role_fill(L):
    # role phrases with the names they govern
    L.find_re(r"(?:под (?:общ\. |науч\. )?ред\.|отв\. ред\.:?|ed\. by|eds\.|hrsg\. von|сост\.:?|edited by)\s*(?:" + NAME_FWD +
              r"(?:, | and | и )?)+(?:\[?(?:и др\.|et al\.)\]?)?", "editor", all_hits=True)
    L.find_re(r"(?:пер\. с [а-я]+\.|пер\.|trans\. by|transl\. by|translated by)\s*(?:" + NAME_FWD + r"(?:, | and | и )?)+",
              "translator", all_hits=True)


def gost_fill(L):
    s = L.s
    # heading names at the start: "Иванов И. И., Петров П. П." / "Smith, J."
    m = re.match(r"((?:" + NAME_INV + r"(?:, | and | и )?){1,4})(?:\[?(?:и др\.|et al\.)\]?)?", s)
    if m and L.free(*m.span(), 0.5):
        L.set(*m.span(), "author")
    # role phrases with the names they govern
    L.find_re(r"(?:под (?:общ\. |науч\. )?ред\.|отв\. ред\.:?|ed\. by|eds\.|hrsg\. von|сост\.:?|edited by)\s*(?:" + NAME_FWD +
              r"(?:, | and | и )?)+(?:\[?(?:и др\.|et al\.)\]?)?", "editor", all_hits=True)
    L.find_re(r"(?:пер\. с [а-я]+\.|пер\.|trans\. by|transl\. by|translated by)\s*(?:" + NAME_FWD + r"(?:, | and | и )?)+",
              "translator", all_hits=True)
    # responsibility names after " / " (4+ authors, 7.0.100 repeats)
    for m in re.finditer(r" / ((?:" + NAME_FWD + r"(?:, | and | и )?)+(?:\s?\[?(?:и др\.|et al\.)\]?)?)", s):
        if L.free(*m.span(1), 0.6):
            L.set(*m.span(1), "author")
    # "(дата обращения: 17.06.2025)" / "(accessed ...)" / "(дата обр. ...)"
    L.find_re(r"\(?\s*(?:дата обращения|дата обр\.|accessed|access date|дата доступа)[^)]*\)?", "accessed", all_hits=True)
    L.find_re(r"\[?Электронный ресурс\]?|\[Текст\]|Текст\s*:\s*(?:электронный|непосредственный)|\[Electronic resource\]", "medium", all_hits=True)
    L.find_re(r"\b(?:URL|Режим доступа|Available at|Available from|Retrieved from)\s*:?", "other", all_hits=True)
    L.find_re(r"(?:ISBN|ISSN)[\s:]*[\dXx][\d\-Xx ]{7,}[\dXx]", "isbn", all_hits=True)
    L.find_re(r"(?:https?://|www\.)\S+", "url", all_hits=True)
    L.find_re(r"\b(?:DOI|doi)\s*:?\s*10\.\d{4,}/\S+", "doi", all_hits=True)
    # container after " // " up to the next area separator or " / "
    m = re.search(r" // ", s)
    if m:
        a = m.end()
        e = len(s)
        for sep in (r"\. [-–—] ", r" / ", r"\. (?=\d{4}\b)", r"\. (?=[ТTV]\. |№|С\. |Vol\.|URL)", r"\. (?=[A-ZА-Я][a-zа-я]*\.? : )"):
            mm = re.compile(sep).search(s, a)
            if mm and mm.start() < e:
                e = mm.start()
        if L.free(a, e, 0.7):
            L.set(a, e, "container-title")
    # "М. : Наука, 2019" place and publisher
    for m in re.finditer(r"(?:^|\. [-–—]? ?|\. )((?:[A-ZА-ЯЁ][\w.\- ]{0,25}?)(?: ; [A-ZА-ЯЁ][\w.\- ]{0,25}?)*) : ([^,.;]+?(?:[,;] [^,.;0-9]+?)?), (\d{4})", s):
        if L.free(*m.span(1)):
            L.set(*m.span(1), "location")
        if L.free(*m.span(2), 0.6):
            L.set(*m.span(2), "publisher")
        if L.free(*m.span(3)):
            L.set(*m.span(3), "date")
    # "М., 2002"
    for m in re.finditer(r"\. [-–—]? ?([A-ZА-ЯЁ][\w.\-]{0,20}), (\d{4})\b", s):
        if L.free(*m.span(1)):
            L.set(*m.span(1), "location")
    L.find_re(r"\b(?:Т|Vol|Bd|Tome|т)\.\s*[\dIVXLC]+", "volume", all_hits=True)
    L.find_re(r"(?:№|No\.|no\.|Вып\.|Iss\.)\s*\d+(?:\s*[-–—/]\s*\d+)?", "issue", all_hits=True)
    L.find_re(r"\b(?:С|P|S|pp?)\.\s*\d+(?:\s*[-–—]\s*\d+)?", "pages", all_hits=True)
    L.find_re(r"\b\d+\s*(?:с|p|S|pp|стр)\.", "pages", all_hits=True)
    L.find_re(r"\b(?:1[5-9]\d\d|20\d\d)\b", "date")


# --------------------------------------------------------------------------
# biblatex-gost pairs

def tex_clean(v):
    v = re.sub(r"\\url\{([^}]*)\}", r"\1", v)
    v = re.sub(r"\\[a-zA-Z]+\*?\s*", "", v)
    v = v.replace("{", "").replace("}", "").replace("~", " ")
    v = v.replace("---", "—").replace("--", "–")
    return squash(v)


def bib_names(v):
    out = []
    for n in re.split(r"\s+and\s+", v):
        n = n.strip()
        if not n or n == "others":
            continue
        if "," in n:
            fam, giv = n.split(",", 1)
        else:
            w = n.split()
            fam, giv = w[-1], " ".join(w[:-1])
        out.append((fam.strip(), giv.strip()))
    return out


def label_blx(p, bykey):
    f = {k: tex_clean(v) for k, v in p["bib_fields"].items() if isinstance(v, str)}
    parent = bykey.get(p["bib_fields"].get("crossref", ""))
    if parent:
        pf = {k: tex_clean(v) for k, v in parent["bib_fields"].items() if isinstance(v, str)}
        if "title" in pf and "booktitle" not in f and "maintitle" not in f:
            f["booktitle"] = pf["title"]
        for k in ("editor", "publisher", "location", "year", "date", "translator", "series", "volume", "isbn"):
            if k in pf and k not in f:
                f[k] = pf[k]
    L = Labeller(squash(p["rendered"]))
    for k in ("url", "doi"):
        if k in f:
            L.find_text(f[k], k, all_hits=True)
    if "isbn" in f:
        L.find_re(r"ISBN\s*" + re.escape(f["isbn"]), "isbn")
    L.find_text(f.get("title", ""), "title")
    if "subtitle" in f:
        L.find_text(f["subtitle"], "note")
    for k, lab in (("journaltitle", "journal"), ("journal", "journal"), ("booktitle", "container-title"),
                   ("maintitle", "container-title"), ("series", "collection-title")):
        if k in f:
            L.find_text(f[k], lab)
    role_fill(L)
    for k, lab in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
        for fam, giv in bib_names(f.get(k, "")):
            L.name(fam, giv, lab)
    if "publisher" in f:
        for pub in re.split(r"\s*;\s*", f["publisher"]):
            L.find_text(pub, "publisher")
    if "location" in f:
        for loc in re.split(r"\s*;\s*", f["location"]):
            L.find_text(loc, "location")
    y = f.get("date") or f.get("year")
    if y:
        m = re.search(r"\d{4}", y)
        if m:
            L.find_re(r"(?<!\d)" + m.group(0) + r"(?!\d)", "date")
    if "volume" in f:
        L.find_re(r"(?:Т|Vol|Bd|Tome|т|vol)\.\s*" + re.escape(f["volume"]) + r"\b", "volume") or \
            L.find_re(r"\b" + re.escape(f["volume"]) + r"\b", "volume", start=0)
    num = f.get("number") or f.get("issue")
    if num:
        L.find_re(r"(?:№|No\.|no\.|Вып\.|Iss\.)\s*" + re.escape(num), "issue")
    if "pages" in f:
        a, _, b = f["pages"].partition("–")
        pat = re.escape(a.strip()) + (r"\s*[-–—]\s*" + re.escape(b.strip()) if b else "")
        L.find_re(r"(?:\b(?:С|P|S|pp?|с)\.\s*)?" + pat, "pages")
    if "pagetotal" in f:
        L.find_re(re.escape(f["pagetotal"]) + r"\s*(?:с|p|S|pp|стр)?\.?", "pages")
    if "edition" in f:
        L.find_re(r"\b\S*" + re.escape(f["edition"][:8]) + r"\S*\s*(?:изд|ed|Aufl)\.?[^.—–]*", "edition", flags=re.I)
    if "urldate" in f:
        L.find_re(r"\(?\s*(?:дата обращения|дата обр\.|accessed)[^)]*\)?", "accessed")
    for k in ("type", "titleaddon", "addendum", "note", "howpublished"):
        if k in f:
            L.find_text(f[k], "note")
    gost_fill(L)
    return L


def blx_pairs(path=None):
    path = path or os.path.join(SHARED, "data", "gost", "biblatex-gost-pairs.json")
    pairs = json.load(open(path, encoding="utf-8"))["pairs"]
    return pairs


def blx_sequences(pairs, all_pairs=None):
    bykey = {p["bibkey"]: p for p in (all_pairs or pairs)}
    return [label_blx(p, bykey).anystyle() for p in pairs]


# --------------------------------------------------------------------------
# CSL-JSON + string (seeds' gold, GOST vectors)

def date_str_re(d):
    parts = (d or {}).get("date-parts") or [[]]
    p = parts[0] if parts else []
    return p


def label_csl(raw, csl):
    L = Labeller(squash(raw))
    s = L.s
    if csl.get("URL"):
        u = csl["URL"]
        for m in re.finditer(re.escape(u[:60]), s):
            a, b = m.span()
            # extend to the end of the token (markdown/angle brackets)
            while b < len(s) and not s[b].isspace():
                b += 1
            while a > 0 and not s[a - 1].isspace():
                a -= 1
            L.set(a, b, "url")
    if csl.get("DOI") and not csl.get("URL"):
        L.find_re(r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*|DOI:?\s*)?" + re.escape(csl["DOI"]), "doi")
    if csl.get("accessed"):
        L.find_re(r"\(?\s*(?:дата обращения|дата обр\.|accessed|access date)[^)]*\)?", "accessed")
    if csl.get("title"):
        L.find_text(csl["title"], "title") or L.find_text(csl["title"][:60], "title")
    if csl.get("container-title"):
        lab = "journal" if csl.get("type") == "article-journal" else "container-title"
        L.find_text(csl["container-title"], lab)
    if csl.get("collection-title"):
        L.find_text(csl["collection-title"], "collection-title")
    role_fill(L)
    for k, lab in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
        for n in csl.get(k) or []:
            if n.get("literal"):
                L.find_text(n["literal"], lab)
            else:
                L.name(n.get("family", ""), n.get("given", ""), lab)
    if csl.get("publisher"):
        L.find_text(csl["publisher"], "publisher")
    if csl.get("publisher-place"):
        L.find_text(csl["publisher-place"], "location")
    p = date_str_re(csl.get("issued"))
    if p:
        y = str(p[0])
        done = None
        if len(p) >= 3:
            d, m = int(p[2]), int(p[1])
            for pat in (rf"\b0?{d}\.0?{m}\.{y}\b(?:\s*г\.)?", rf"\b0?{m}/0?{d}/{y}\b", rf"\b{y}-0?{m}-0?{d}\b",
                        rf"\b{d}\s+\w+\.?\s+{y}(?:\s*г\.)?", rf"\b\w+\.?\s+{d},\s+{y}"):
                done = L.find_re(pat, "date")
                if done:
                    break
        elif len(p) == 2:
            done = L.find_re(rf"\b\w+\.?\s+{y}\b", "date")
        if not done:
            L.find_re(rf"\(?(?<!\d){y}(?!\d)[a-z]?\)?", "date")
    if csl.get("volume"):
        L.find_re(r"(?:(?:Т|Vol|Bd|т|vol)\.\s*)?(?<![\d.])" + re.escape(str(csl["volume"])) + r"(?![\d])", "volume",
                  start=(L.lab.index("date") if "date" in L.lab else 0))
    if csl.get("issue"):
        L.find_re(r"(?:№\s*|No\.\s*|no\.\s*|Вып\.\s*|\()" + re.escape(str(csl["issue"])) + r"\)?", "issue")
    if csl.get("page"):
        a, _, b = str(csl["page"]).replace("–", "-").partition("-")
        pat = re.escape(a) + (r"\s*[-–—]\s*" + re.escape(b) if b else r"\b")
        L.find_re(r"(?:\b(?:С|P|S|pp?|с)\.\s*)?" + pat, "pages")
    if csl.get("number-of-pages"):
        L.find_re(re.escape(str(csl["number-of-pages"])) + r"\s*(?:с|p|S|pp|стр)\.?", "pages")
    if csl.get("edition"):
        L.find_text(csl["edition"], "edition")
    if csl.get("ISBN"):
        L.find_re(r"ISBN\s*" + re.escape(csl["ISBN"]), "isbn")
    if csl.get("genre"):
        L.find_text(csl["genre"], "genre")
    if csl.get("note"):
        for part in csl["note"].split("; "):
            L.find_text(part, "note")
    L.find_re(r"\((?:in|на) [A-Za-zА-Яа-я.]+\)", "note", all_hits=True)
    gost_fill(L)
    return L


def seed_refs():
    d = os.path.join(SHARED, "data", "seeds")
    out = []
    for name in sorted(os.listdir(d)):
        if name.endswith(".gold.json"):
            for r in json.load(open(os.path.join(d, name), encoding="utf-8"))["references"]:
                if not r.get("non_bibliographic") and r.get("raw"):
                    out.append(r)
    return out


def vector_sequences():
    """GOST test vectors: every rendering of each CSL record, plus the
    hand-written 7.0.5 / 7.0.100 forms."""
    out = []
    v = json.load(open(os.path.join(SHARED, "data", "gost", "vectors.json"), encoding="utf-8"))["vectors"]
    byid = {}
    for x in v:
        csl = x["csl_json"]
        byid[x["id"]] = csl
        texts = [x.get("expected")] + [a.get("text") for a in x.get("alternates", [])]
        for t in texts:
            if t and len(t) > 10:
                out.append(label_csl(t, csl).anystyle())
    h = json.load(open(os.path.join(SHARED, "data", "gost", "hand_examples.json"), encoding="utf-8"))
    for r in h["records"]:
        csl = byid.get(r.get("vector_id"))
        if not csl:
            continue
        for k in ("gost_r_7_0_5_2008", "gost_r_7_0_100_2018"):
            if r.get(k):
                out.append(label_csl(r[k], csl).anystyle())
    return out


# --------------------------------------------------------------------------
# AnyStyle and TEI subsets

def anystyle_sequences(path):
    """Raw XML text of each <sequence>, in the scorer's order."""
    root = ET.parse(path).getroot()
    return [ET.tostring(s, encoding="unicode") for s in root.iter("sequence")]


def tei_bibls(path):
    """(file, bibl element) in the scorer's order (sorted files, non-empty bibls)."""
    out = []
    names = sorted(os.listdir(path)) if os.path.isdir(path) else [path]
    for name in names:
        if not name.endswith(".xml"):
            continue
        root = ET.parse(os.path.join(path, name) if os.path.isdir(path) else name).getroot()
        for b in root.iter(TEI + "bibl"):
            if squash("".join(b.itertext())):
                out.append(b)
    return out


def write_anystyle(path, seqs):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<dataset>\n')
        for s in seqs:
            s = re.sub(r"\s*\n\s*", " ", s.strip())
            f.write("  " + s + "\n")
        f.write("</dataset>\n")


def write_tei(path, bibls):
    ET.register_namespace("", "http://www.tei-c.org/ns/1.0")
    root = ET.Element(TEI + "TEI")
    lb = ET.SubElement(ET.SubElement(ET.SubElement(root, TEI + "text"), TEI + "back"), TEI + "listBibl")
    for b in bibls:
        tail = b.tail
        b.tail = "\n"
        lb.append(b)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    # debugging aid: print the labelled GOST pairs / seeds
    what = sys.argv[1] if len(sys.argv) > 1 else "gost"
    if what == "gost":
        ps = blx_pairs()
        for s in blx_sequences(ps):
            print(s)
    elif what == "seeds":
        for r in seed_refs():
            print(label_csl(r["raw"], r["csl"]).anystyle())
    elif what == "vectors":
        for s in vector_sequences():
            print(s)
