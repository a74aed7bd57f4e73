#!/usr/bin/env python3
"""gen_bibtex.py - write a synthetic BibTeX/BibLaTeX database for the
conversion benchmark (bench/convert.sh).

Deterministic (fixed seed): the same N always gives the same bytes.
About half of the entries are Russian (Cyrillic titles, names, journals,
publishers, `langid = {russian}`), the rest English.  Every common entry
type appears (article, book, inbook, incollection, inproceedings,
proceedings, phdthesis, mastersthesis, techreport, manual, misc, online,
unpublished) with realistic fields: 1-6 authors (sometimes "and others",
sometimes an organisation in braces), subtitles, page ranges, DOIs, URLs
with access dates, ISBN-13/ISSN, editions, series, keywords, abstracts,
notes, and a few LaTeX accents.

Usage: gen_bibtex.py [N] [SEED] > bench.bib    (defaults: 10000, 20240501)
All words are made up here; no external data is used.
"""
import random
import sys

RU_SURNAMES = ["Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов", "Попов", "Васильев",
               "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев",
               "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
               "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
               "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин"]
RU_FEMALE = {"ов": "ова", "ев": "ева", "ёв": "ёва", "ин": "ина"}
RU_GIVEN_M = ["Александр", "Алексей", "Андрей", "Борис", "Виктор", "Дмитрий", "Евгений",
              "Иван", "Игорь", "Михаил", "Николай", "Олег", "Павел", "Сергей", "Юрий"]
RU_GIVEN_F = ["Анна", "Елена", "Ирина", "Мария", "Наталья", "Ольга", "Светлана", "Татьяна"]
RU_PATR_M = ["Александрович", "Иванович", "Петрович", "Сергеевич", "Николаевич", "Викторович"]
RU_PATR_F = ["Александровна", "Ивановна", "Петровна", "Сергеевна", "Николаевна", "Викторовна"]
RU_WORDS = ["анализ", "метод", "модель", "система", "развитие", "исследование", "структура",
            "оптимизация", "управление", "теория", "применение", "свойства", "процессы",
            "динамика", "устойчивость", "алгоритм", "данные", "сети", "эксперимент",
            "моделирование", "кристаллов", "полупроводников", "языка", "истории", "права",
            "экономики", "регионов", "России", "Сибири", "нелинейных", "квантовых",
            "цифровых", "образования", "культуры", "медицины", "климата", "энергетики"]
RU_ADJ = ["Новые", "Современные", "Численные", "Экспериментальные", "Теоретические",
          "Прикладные", "Основные", "Некоторые", "Актуальные", "Статистические"]
RU_JOURNALS = ["Вестник Московского университета. Серия 3: Физика. Астрономия",
               "Журнал экспериментальной и теоретической физики", "Успехи физических наук",
               "Вопросы языкознания", "Известия РАН. Серия математическая",
               "Прикладная математика и механика", "Вопросы экономики", "Вопросы истории",
               "Журнал вычислительной математики и математической физики",
               "Физика и техника полупроводников", "Квантовая электроника", "Право и политика"]
RU_PUBLISHERS = [("Наука", "Москва"), ("Физматлит", "Москва"), ("Питер", "Санкт-Петербург"),
                 ("Издательство МГУ", "Москва"), ("Лань", "Санкт-Петербург"),
                 ("Наука. Сибирское отделение", "Новосибирск"), ("Юрайт", "Москва"),
                 ("Издательство Уральского университета", "Екатеринбург")]
RU_SCHOOLS = ["Московский государственный университет им. М. В. Ломоносова",
              "Санкт-Петербургский государственный университет",
              "Новосибирский государственный университет", "МФТИ"]
RU_ORGS = ["{Росстат}", "{ООО «Техносфера»}", "{Институт проблем управления РАН}",
           "{Министерство науки и высшего образования РФ}"]

EN_SURNAMES = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia",
               "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Lee", "Thompson",
               "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "King",
               "M{\\\"u}ller", "Sch{\\\"o}n", "Jos{\\'e}", "van der Berg", "de la Cruz", "O'Brien"]
EN_GIVEN = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
            "David", "Elizabeth", "Thomas", "Susan", "Daniel", "Karen", "Paul", "Emma", "Wei"]
EN_WORDS = ["analysis", "method", "model", "system", "networks", "learning", "dynamics",
            "stability", "optimization", "control", "theory", "applications", "properties",
            "processes", "algorithms", "data", "structure", "experiments", "simulation",
            "quantum", "semiconductor", "language", "history", "policy", "markets", "climate"]
EN_ADJ = ["Efficient", "Robust", "Scalable", "Nonlinear", "Adaptive", "Distributed",
          "Probabilistic", "Fast", "Deep", "Sparse", "Stochastic", "Parallel"]
EN_JOURNALS = ["Journal of Computational Physics", "Physical Review B", "Nature Methods",
               "IEEE Transactions on Information Theory", "Journal of Applied Mathematics",
               "Linguistics and Philosophy", "The Review of Economic Studies",
               "ACM Computing Surveys", "Journal of Machine Learning Research"]
EN_PUBLISHERS = [("Springer", "Berlin"), ("Elsevier", "Amsterdam"), ("MIT Press", "Cambridge, MA"),
                 ("Cambridge University Press", "Cambridge"), ("Wiley", "Hoboken, NJ"),
                 ("Addison-Wesley", "Reading, MA"), ("O'Reilly", "Sebastopol, CA")]
EN_SCHOOLS = ["Stanford University", "University of Cambridge", "ETH Z{\\\"u}rich", "MIT"]
EN_ORGS = ["{World Health Organization}", "{IEEE Standards Association}", "{Acme Corporation}"]
EN_CONF = ["Proceedings of the International Conference on Machine Learning",
           "Proceedings of the ACM Symposium on Theory of Computing",
           "Advances in Neural Information Processing Systems"]
RU_CONF = ["Труды Всероссийской конференции «Математическое моделирование»",
           "Материалы международной научной конференции «Ломоносов»"]

TYPES = [("article", 40), ("book", 12), ("inbook", 4), ("incollection", 8), ("inproceedings", 12),
         ("proceedings", 2), ("phdthesis", 5), ("mastersthesis", 3), ("techreport", 5),
         ("manual", 2), ("misc", 3), ("online", 3), ("unpublished", 1)]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def isbn13(r):
    digits = [9, 7, 8] + [r.randint(0, 9) for _ in range(9)]
    check = (10 - sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10) % 10
    s = "".join(map(str, digits + [check]))
    return "%s-%s-%s-%s-%s" % (s[:3], s[3], s[4:8], s[8:12], s[12])


def issn(r):
    d = [r.randint(0, 9) for _ in range(7)]
    c = (11 - sum(v * (8 - i) for i, v in enumerate(d)) % 11) % 11
    cs = "X" if c == 10 else str(c)
    return "%d%d%d%d-%d%d%d%s" % (*d, cs)


def ru_person(r):
    fam = r.choice(RU_SURNAMES)
    if r.random() < 0.35:
        for a, b in RU_FEMALE.items():
            if fam.endswith(a):
                fam = fam[:-2] + b
                break
        giv, patr = r.choice(RU_GIVEN_F), r.choice(RU_PATR_F)
    else:
        giv, patr = r.choice(RU_GIVEN_M), r.choice(RU_PATR_M)
    if r.random() < 0.5:
        return "%s, %s. %s." % (fam, giv[0], patr[0])
    return "%s, %s %s" % (fam, giv, patr)


def en_person(r):
    fam = r.choice(EN_SURNAMES)
    giv = r.choice(EN_GIVEN)
    if r.random() < 0.3:
        return "%s, %s %s." % (fam, giv, r.choice("ABCDEFGHJKLMNPRSTW"))
    if r.random() < 0.2:
        return "%s %s" % (giv, fam)
    return "%s, %s" % (fam, giv)


def people(r, ru, lo=1, hi=5):
    n = r.randint(lo, hi)
    names = [ru_person(r) if ru else en_person(r) for _ in range(n)]
    if r.random() < 0.05:
        names = [r.choice(RU_ORGS if ru else EN_ORGS)]
    elif r.random() < 0.08:
        names.append("others")
    return " and ".join(names)


def title(r, ru):
    if ru:
        w = r.sample(RU_WORDS, r.randint(3, 7))
        t = r.choice(RU_ADJ) + " " + " ".join(w)
        if r.random() < 0.3:
            t += ": " + " ".join(r.sample(RU_WORDS, r.randint(2, 4)))
    else:
        w = r.sample(EN_WORDS, r.randint(3, 7))
        t = r.choice(EN_ADJ) + " " + " ".join(w)
        if r.random() < 0.3:
            t += ": a study of " + " ".join(r.sample(EN_WORDS, r.randint(2, 3)))
        if r.random() < 0.1:
            t += " in {DNA} and {GPU} workloads"
    return t


def sentence(r, ru, n):
    return " ".join(r.choice(RU_WORDS if ru else EN_WORDS) for _ in range(n)).capitalize() + "."


def entry(r, i):
    ru = r.random() < 0.5
    types, weights = zip(*TYPES)
    typ = r.choices(types, weights)[0]
    year = r.randint(1960, 2024)
    key = "%s%d%s%d" % ("ru" if ru else "en", year, typ[:3], i)
    f = []
    add = f.append
    if typ not in ("proceedings",):
        add(("author", people(r, ru)))
    add(("title", title(r, ru)))
    pubs = RU_PUBLISHERS if ru else EN_PUBLISHERS
    if typ == "article":
        add(("journal", r.choice(RU_JOURNALS if ru else EN_JOURNALS)))
        add(("year", str(year)))
        if r.random() < 0.4:
            add(("month", r.choice(MONTHS)))
        add(("volume", str(r.randint(1, 120))))
        add(("number", str(r.randint(1, 12))))
        p = r.randint(1, 900)
        add(("pages", "%d--%d" % (p, p + r.randint(3, 40))))
        add(("issn", issn(r)))
    elif typ in ("book", "proceedings", "manual"):
        pub, place = r.choice(pubs)
        if typ == "proceedings":
            add(("editor", people(r, ru, 1, 3)))
        add(("publisher", pub))
        add(("address", place))
        add(("year", str(year)))
        if r.random() < 0.4:
            add(("edition", str(r.randint(2, 6))))
        if r.random() < 0.3:
            add(("series", "Серия «Библиотека учёного»" if ru else "Lecture Notes in Computer Science"))
            add(("volume", str(r.randint(1, 900))))
        add(("isbn", isbn13(r)))
        if r.random() < 0.5:
            add(("pagetotal", str(r.randint(80, 900))))
    elif typ in ("inbook", "incollection", "inproceedings"):
        pub, place = r.choice(pubs)
        if typ == "inproceedings":
            add(("booktitle", r.choice(RU_CONF if ru else EN_CONF)))
        else:
            add(("booktitle", title(r, ru)))
        add(("editor", people(r, ru, 1, 3)))
        add(("publisher", pub))
        add(("address", place))
        add(("year", str(year)))
        p = r.randint(1, 500)
        add(("pages", "%d--%d" % (p, p + r.randint(5, 30))))
        if r.random() < 0.5:
            add(("isbn", isbn13(r)))
    elif typ in ("phdthesis", "mastersthesis"):
        add(("school", r.choice(RU_SCHOOLS if ru else EN_SCHOOLS)))
        add(("address", "Москва" if ru else "Cambridge, MA"))
        add(("year", str(year)))
        if ru:
            add(("type", "Дис. … канд. физ.-мат. наук" if typ == "phdthesis" else "Магистерская диссертация"))
    elif typ == "techreport":
        add(("institution", r.choice(RU_SCHOOLS if ru else EN_SCHOOLS)))
        add(("number", "TR-%d-%03d" % (year, r.randint(1, 999))))
        add(("year", str(year)))
    elif typ in ("misc", "online"):
        add(("howpublished", "Электронный ресурс" if ru else "Web page"))
        add(("year", str(year)))
        add(("url", "https://example.%s/%s/%d" % ("ru" if ru else "org", typ, i)))
        add(("urldate", "%d-%02d-%02d" % (r.randint(2015, 2024), r.randint(1, 12), r.randint(1, 28))))
    elif typ == "unpublished":
        add(("note", "Рукопись" if ru else "Manuscript in preparation"))
        add(("year", str(year)))
    if typ not in ("misc", "online") and r.random() < 0.6:
        add(("doi", "10.%d/%s.%d.%d" % (r.randint(1000, 9999), key[:6], year, i)))
    if typ not in ("misc", "online") and r.random() < 0.25:
        add(("url", "https://example.%s/item/%d" % ("ru" if ru else "org", i)))
        add(("urldate", "%d-%02d-%02d" % (r.randint(2015, 2024), r.randint(1, 12), r.randint(1, 28))))
    if r.random() < 0.4:
        kw = r.sample(RU_WORDS if ru else EN_WORDS, r.randint(2, 5))
        add(("keywords", ", ".join(kw)))
    if r.random() < 0.2:
        add(("abstract", " ".join(sentence(r, ru, r.randint(8, 20)) for _ in range(r.randint(2, 5)))))
    if ru:
        add(("langid", "russian"))
        add(("language", "russian"))
    elif r.random() < 0.5:
        add(("langid", "english"))
    lines = ["@%s{%s," % (typ, key)]
    for k, v in f:
        lines.append("  %s = {%s}," % (k, v))
    lines.append("}")
    return "\n".join(lines) + "\n\n"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20240501
    r = random.Random(seed)
    out = sys.stdout
    out.write("%% Synthetic benchmark database: %d entries, seed %d (bench/gen_bibtex.py)\n\n" % (n, seed))
    for i in range(n):
        out.write(entry(r, i))


if __name__ == "__main__":
    main()
