#!/usr/bin/env python3
"""gen.py - synthetic bibliographic collections with planted duplicates.

Writes N records split into CSL-JSON and BibTeX files (every --chunk records
go to one file, formats alternating) and a truth file (one line per record:
"id<TAB>work"), for measuring `litera dedup` with score.py.

Works are drawn from word and name lists (English and Russian); most are
journal articles, the rest books, chapters, conference papers and web
pages.  Some works appear more than once, each copy a realistic variant:
typos, case and punctuation changes, a dropped subtitle, an abbreviated
journal name, initials instead of given names, reordered or truncated
authors, missing fields, DOI written as a URL, year off by one (online
first), Cyrillic fields transliterated by GOST 7.79-2000 B, BGN/PCGN,
ISO 9 or an ad-hoc system.  Hard negatives are planted too: parts of a
series, editions and volumes of one book, chapters of one book and the
book itself, translations (linked by original-title), and one title by
different authors.

Usage: gen.py N OUTDIR [--seed S] [--dup-rate R] [--chunk C] [--bibtex-share F]
Deterministic for a given seed.  Standard library only.
"""
import argparse
import json
import os
import random

EN_WORDS = """analysis approach model models method methods system systems network networks
learning deep neural graph graphs data dynamics theory quantum stochastic optimal control
estimation inference bayesian robust efficient scalable distributed parallel adaptive
nonlinear linear sparse structure structures evolution protein gene genome expression cell
cellular molecular chemical reaction kinetics thermal transport energy storage battery
materials surface interface crystal growth phase transition magnetic spin electron
electronic optical photonic laser plasma fluid flow turbulence turbulent boundary layer
heat mass transfer numerical simulation simulations finite element solver equations
differential partial boundary value problems problem algorithm algorithms complexity
approximation randomized online streaming query queries database databases index indexing
retrieval information semantic language languages speech recognition image images vision
segmentation detection tracking classification clustering regression prediction
forecasting time series climate ocean atmosphere soil water urban rural economic
economics market markets policy social behavior cognitive memory attention brain neural
clinical patients treatment therapy cancer tumor immune response infection viral
bacterial antibiotic resistance drug design discovery synthesis catalysis polymer
composite mechanical properties fatigue fracture stress strain wave waves propagation
scattering spectroscopy imaging resolution high low temperature pressure effect effects
role impact study studies survey review evaluation assessment framework toolkit
software engineering testing verification security privacy attack attacks blockchain
wireless sensor sensors mobile edge cloud computing architecture hardware energy-aware
scheduling allocation resource resources game games equilibrium auction mechanism
learning-based representation representations embedding embeddings transformer
attention-based generative adversarial reinforcement policy gradient variational""".split()

RU_WORDS = """анализ метод методы модель модели система системы теория исследование
исследования развитие применение свойства структура структуры процессы процесса
динамика управление оптимизация алгоритм алгоритмы задача задачи решение решения
уравнения уравнений численное моделирование расчет расчета оценка оценки влияние
температуры давления воды почвы растений животных человека общества экономики
рынка политики истории культуры языка литературы права государства региона
регионов города образования школы университета науки техники энергии тепла
массы металлов сплавов полимеров кристаллов поверхности слоя волн излучения
частиц ядра атомов молекул реакции синтез катализ белков генов клеток
организма болезни лечения диагностики психологии поведения памяти мышления
сознания философии социологии демографии миграции труда производства сельского
хозяйства промышленности транспорта связи информации данных сетей безопасности
защиты контроля качества надежности прочности устойчивости колебаний движения
вопросы проблемы особенности характеристики условия факторы механизмы""".split()

EN_SURNAMES = """Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas
Moore Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King
Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans
Turner Torres Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Peterson
Cooper Reed Bailey Bell Gomez Kelly Howard Ward Cox Diaz Richardson Wood Watson Brooks
Bennett Gray James Reyes Cruz Hughes Price Myers Long Foster Sanders Ross Morales Powell
Sullivan Russell Ortiz Jenkins Gutierrez Perry Butler Barnes Fisher Henderson Coleman
Simmons Patterson Jordan Reynolds Hamilton Graham Kim Gonzales Alexander Ramos Wallace
Griffin West Cole Hayes Chavez Gibson Bryant Ellis Stevens Murray Ford Marshall Owens
McDonald Harrison Ruiz Kennedy Wells Alvarez Woods Mendoza Castillo Olson Webb Washington
Tucker Freeman Burns Henry Vasquez Snyder Simpson Crawford Jimenez Porter Mason Shaw Gordon
Wagner Hunter Romero Hicks Dixon Hunt Palmer Robertson Black Holmes Stone Meyer Boyd Mills
Warren Fox Rose Rice Moreno Schmidt Patel Ferguson Nichols Herrera Medina Ryan Fernandez
Weaver Daniels Stephens Gardner Payne Kelley Dunn Pierce Arnold Tran Spencer Peters Hawkins
Grant Hansen Castro Hoffman Hart Elliott Cunningham Knight Bradley Zhang Wang Li Liu Chen
Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Tang Song
Nakamura Tanaka Suzuki Sato Watanabe Ito Yamamoto Kobayashi Muller Schneider Fischer Weber
Becker Schulz Koch Richter Klein Wolf Neumann Schwarz Zimmermann Braun Hofmann Lange Rossi
Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Dubois
Durand Lefebvre Moreau Laurent Simon Michel Garcia Martinez Lopez Sanchez Perez Gonzalez""".split()

RU_SURNAMES = """Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Федоров
Морозов Волков Алексеев Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов
Андреев Макаров Никитин Захаров Зайцев Соловьев Борисов Яковлев Григорьев Романов
Воробьев Сергеев Кузьмин Фролов Александров Дмитриев Королев Гусев Киселев Ильин
Максимов Поляков Сорокин Виноградов Ковалев Белов Медведев Антонов Тарасов Жуков
Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев
Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов
Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов
Федотов Щербаков Назаров Калинин Исаев Чернышев Быков Маслов Родионов Коновалов
Лазарев Воронин Климов Филатов Пономарев Голубев Кудрявцев Прохоров Наумов Потапов
Журавлев Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов
Никифоров Грачев Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев
Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Еремин Тихомиров Галкин Лукьянов
Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков
Левин Митрофанов Воронов Аксенов Софронов Мальцев Логинов Горшков Савин Краснов
Майоров Демидов Елисеев Рыбаков Сафонов Плотников Демин Хохлов Жданов Дьячков Щукин
Хрущев Цыганков Юрьев Яшин Ширяев Чистяков Шубин Эйдельман Ющенко Зуев Шилов""".split()

EN_GIVEN = """James John Robert Michael William David Richard Joseph Thomas Charles Mary
Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Daniel Matthew Anthony
Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward
Jason Jeffrey Ryan Jacob Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily Donna
Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Wei Jing
Hiroshi Yuki Hans Anna Marco Giulia Pierre Marie Carlos Ana""".split()

RU_GIVEN = """Александр Алексей Андрей Антон Борис Вадим Валентин Валерий Василий Виктор
Виталий Владимир Вячеслав Геннадий Георгий Григорий Дмитрий Евгений Егор Иван Игорь
Илья Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел Пётр Роман
Сергей Станислав Степан Юрий Ярослав Анастасия Анна Валентина Вера Галина Дарья
Екатерина Елена Ирина Ксения Лариса Любовь Людмила Мария Наталья Нина Ольга Светлана
Татьяна Юлия""".split()

RU_PATRONYMIC = """Александрович Алексеевич Андреевич Борисович Васильевич Викторович
Владимирович Дмитриевич Евгеньевич Иванович Игоревич Михайлович Николаевич Олегович
Павлович Петрович Сергеевич Юрьевич""".split()

EN_JOURNALS = [
    "Journal of Applied Physics", "Physical Review Letters", "Journal of Computational Physics",
    "Proceedings of the National Academy of Sciences", "Journal of Chemical Physics",
    "International Journal of Heat and Mass Transfer", "Journal of Fluid Mechanics",
    "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    "Journal of Machine Learning Research", "Nature Communications", "Scientific Reports",
    "Journal of the American Chemical Society", "Applied Physics Letters",
    "Journal of Biological Chemistry", "International Journal of Computer Vision",
    "ACM Transactions on Database Systems", "Journal of Economic Theory",
    "Review of Economic Studies", "Journal of Statistical Software", "Bioinformatics",
    "Computers and Education", "Journal of Materials Chemistry", "Physics of Fluids",
    "Journal of Mathematical Analysis and Applications", "Annals of Applied Probability",
    "European Journal of Operational Research", "Journal of Neuroscience",
    "American Journal of Physics", "Journal of Research in Science Teaching",
    "International Journal of Remote Sensing",
]
RU_JOURNALS = [
    "Журнал физической химии", "Вестник Московского университета", "Известия вузов. Физика",
    "Журнал технической физики", "Вопросы философии", "Вопросы истории",
    "Журнал вычислительной математики и математической физики", "Теплофизика высоких температур",
    "Доклады Академии наук", "Вестник Санкт-Петербургского университета", "Успехи физических наук",
    "Журнал неорганической химии", "Социологические исследования", "Вопросы экономики",
    "Известия Российской академии наук. Серия физическая", "Прикладная математика и механика",
]
PUBLISHERS_EN = ["Springer", "Elsevier", "Wiley", "Cambridge University Press",
                 "Oxford University Press", "MIT Press", "CRC Press", "Academic Press"]
PUBLISHERS_RU = ["Наука", "Физматлит", "Мир", "Высшая школа", "Издательство МГУ", "Юрайт",
                 "Питер", "БХВ-Петербург"]
TITLE_STARTS_EN = ["", "", "", "On the ", "Towards ", "A study of ", "An introduction to ",
                   "The role of ", "Effects of ", "Advances in "]
SUBTITLES_EN = ["a review", "theory and applications", "an empirical study", "new results",
                "a case study", "methods and algorithms", "a comparative analysis"]
SUBTITLES_RU = ["учебное пособие", "монография", "обзор", "теория и практика",
                "сравнительный анализ", "новые результаты"]

ABBREV = {
    "Journal": "J.", "Proceedings": "Proc.", "International": "Int.", "Transactions": "Trans.",
    "Physics": "Phys.", "Physical": "Phys.", "Chemistry": "Chem.", "Chemical": "Chem.",
    "Review": "Rev.", "Letters": "Lett.", "Sciences": "Sci.", "Science": "Sci.",
    "Computational": "Comput.", "Computer": "Comput.", "Mathematical": "Math.",
    "Mathematics": "Math.", "Research": "Res.", "Applied": "Appl.", "American": "Am.",
    "European": "Eur.", "Academy": "Acad.", "National": "Natl.", "Society": "Soc.",
    "Analysis": "Anal.", "Applications": "Appl.", "Economic": "Econ.", "Studies": "Stud.",
    "Biological": "Biol.", "Materials": "Mater.", "Operational": "Oper.", "Statistical": "Stat.",
    "Software": "Softw.", "Remote": "Remote", "Sensing": "Sens.", "Mechanics": "Mech.",
    "Fluid": "Fluid", "Communications": "Commun.", "Reports": "Rep.", "Education": "Educ.",
    "Teaching": "Teach.", "Neuroscience": "Neurosci.", "Probability": "Probab.",
    "Журнал": "Журн.", "Вестник": "Вестн.", "Известия": "Изв.", "физической": "физ.",
    "химии": "хим.", "технической": "техн.", "физики": "физ.", "университета": "ун-та",
    "Доклады": "Докл.", "Академии": "Акад.", "наук": "наук", "математики": "матем.",
}
STOP_ABBR = {"of", "the", "and", "on", "for", "in"}

# --- transliteration ------------------------------------------------------

_BASE = dict(zip("абвгдезиклмнопрстуф", "abvgdeziklmnoprstuf"))


def _system(extra):
    t = dict(_BASE)
    t.update(extra)
    return t


GOST_B = _system({"ё": "yo", "ж": "zh", "й": "j", "х": "x", "ц": "cz", "ч": "ch", "ш": "sh",
                  "щ": "shh", "ъ": "``", "ы": "y`", "ь": "`", "э": "e`", "ю": "yu", "я": "ya"})
BGN = _system({"ё": "ë", "ж": "zh", "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
               "щ": "shch", "ъ": "\"", "ы": "y", "ь": "'", "э": "e", "ю": "yu", "я": "ya"})
ISO9 = _system({"ё": "ë", "ж": "ž", "й": "j", "х": "h", "ц": "c", "ч": "č", "ш": "š",
                "щ": "ŝ", "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "û", "я": "â"})
ADHOC = _system({"ё": "e", "ж": "zh", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
                 "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia"})
VOWELS = set("аеёиоуыэюя")


def translit(s, system):
    out = []
    prev = " "
    for i, ch in enumerate(s):
        lo = ch.lower()
        if lo in system:
            t = system[lo]
            if system is GOST_B and lo == "ц" and i + 1 < len(s) and s[i + 1].lower() in "еиыйeiyj":
                t = "c"
            if system is BGN and lo == "е" and (not prev.isalpha() or prev.lower() in VOWELS or prev in "ьъ"):
                t = "ye"
            if system is ADHOC and lo == "й" and (i + 1 == len(s) or not s[i + 1].isalpha()):
                t = "y"
            if ch != lo and t:
                t = t[0].upper() + t[1:]
            out.append(t)
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


SYSTEMS = [GOST_B, BGN, ISO9, ADHOC]

# --- works ------------------------------------------------------------------


def is_cyr(s):
    return any("а" <= c.lower() <= "я" or c in "ёЁ" for c in s)


class Gen:
    def __init__(self, rnd):
        self.r = rnd
        self.work_no = 0
        self.doi_no = 0

    def person(self, ru):
        r = self.r
        if ru:
            fam = r.choice(RU_SURNAMES)
            giv = r.choice(RU_GIVEN)
            if r.random() < 0.5:
                giv += " " + r.choice(RU_PATRONYMIC)
            return {"family": fam, "given": giv}
        return {"family": r.choice(EN_SURNAMES), "given": r.choice(EN_GIVEN) +
                ((" " + r.choice("ABCDEFGHJKLMNPRSTW") + ".") if r.random() < 0.3 else "")}

    def title(self, ru, lo=4, hi=10):
        r = self.r
        words = RU_WORDS if ru else EN_WORDS
        n = r.randint(lo, hi)
        t = " ".join(r.choice(words) for _ in range(n))
        if not ru:
            t = r.choice(TITLE_STARTS_EN) + t
        t = t[0].upper() + t[1:]
        if r.random() < 0.3:
            t += ": " + r.choice(SUBTITLES_RU if ru else SUBTITLES_EN)
        return t

    def doi(self):
        self.doi_no += 1
        return "10.%d/%s.%d" % (1000 + self.doi_no % 9000, self.r.choice(["jap", "prl", "x", "abc", "j"]),
                                self.doi_no)

    def isbn(self):
        d = [9, 7, 8] + [self.r.randint(0, 9) for _ in range(9)]
        s = sum(x * (3 if i % 2 else 1) for i, x in enumerate(d))
        d.append((10 - s % 10) % 10)
        return "".join(map(str, d))

    def base(self, kind=None):
        """One work: a dict of CSL fields."""
        r = self.r
        ru = r.random() < 0.3
        kind = kind or r.choices(["article-journal", "book", "paper-conference", "webpage", "thesis"],
                                 [70, 12, 10, 4, 4])[0]
        w = {"type": kind, "author": [self.person(ru) for _ in range(r.choices([1, 2, 3, 4, 6], [25, 30, 25, 12, 8])[0])],
             "title": self.title(ru), "issued": r.randint(1960, 2024)}
        if kind == "article-journal":
            w["container-title"] = r.choice(RU_JOURNALS if ru else EN_JOURNALS)
            w["volume"] = str(r.randint(1, 120))
            if r.random() < 0.7:
                w["issue"] = str(r.randint(1, 12))
            p = r.randint(1, 2000)
            w["page"] = "%d-%d" % (p, p + r.randint(3, 30))
            if r.random() < 0.6:
                w["DOI"] = self.doi()
        elif kind == "book":
            w["publisher"] = r.choice(PUBLISHERS_RU if ru else PUBLISHERS_EN)
            w["publisher-place"] = r.choice(["Москва", "Санкт-Петербург"] if ru else ["New York", "Berlin", "London"])
            if r.random() < 0.7:
                w["ISBN"] = self.isbn()
            w["number-of-pages"] = str(r.randint(100, 900))
        elif kind == "paper-conference":
            w["container-title"] = "Proceedings of the %d International Conference on %s" % (
                r.randint(1, 40), r.choice(["Machine Learning", "Data Engineering", "Computer Vision",
                                            "Robotics", "Physics of Plasmas", "Databases"]))
            p = r.randint(1, 900)
            w["page"] = "%d-%d" % (p, p + r.randint(5, 12))
            if r.random() < 0.5:
                w["DOI"] = self.doi()
        elif kind == "webpage":
            w["URL"] = "https://www.%s.org/%s/%d" % (r.choice(["example", "stats", "archive", "data"]),
                                                      r.choice(["report", "page", "news"]), r.randint(1, 10 ** 7))
            w["accessed"] = 2023
        elif kind == "thesis":
            w["publisher"] = r.choice(["МГУ", "СПбГУ"] if ru else ["MIT", "Stanford University", "ETH Zurich"])
            w["genre"] = "Дис. ... канд. наук" if ru else "PhD thesis"
        if ru:
            w["language"] = "ru"
        return w

    # --- variants of one work ------------------------------------------------

    def typo(self, s):
        r = self.r
        words = s.split(" ")
        cand = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if not cand:
            return s
        i = r.choice(cand)
        w = words[i]
        j = r.randint(1, len(w) - 2)
        op = r.randint(0, 3)
        if op == 0:
            w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        elif op == 1:
            w = w[:j] + w[j + 1:]
        elif op == 2:
            w = w[:j] + w[j] + w[j:]
        else:
            w = w[:j] + r.choice("aeiounrst") + w[j + 1:]
        words[i] = w
        return " ".join(words)

    def abbrev(self, s):
        return " ".join(ABBREV.get(w, w) for w in s.split(" ") if w not in STOP_ABBR)

    def variant(self, w):
        r = self.r
        v = json.loads(json.dumps(w))
        sys_ = r.choice(SYSTEMS) if r.random() < 0.35 else None
        role = "author" if "author" in v else "editor"
        v.setdefault(role, [])
        if sys_ is not None and (is_cyr(v["title"]) or any(is_cyr(a["family"]) for a in v[role])):
            for k in ("title", "container-title", "publisher", "publisher-place", "genre"):
                if k in v:
                    v[k] = translit(v[k], sys_)
            for a in v[role]:
                a["family"] = translit(a["family"], sys_)
                a["given"] = translit(a["given"], sys_)
            v.pop("language", None) if r.random() < 0.5 else None
        if r.random() < 0.25:
            v["title"] = self.typo(v["title"])
        if r.random() < 0.1:
            v["title"] = self.typo(v["title"])
        x = r.random()
        if x < 0.1:
            v["title"] = v["title"].upper()
        elif x < 0.2:
            v["title"] = v["title"].lower()
        elif x < 0.3:
            v["title"] = "«%s»" % v["title"] if is_cyr(v["title"]) else "\u201c%s\u201d" % v["title"]
        if ":" in v["title"] and r.random() < 0.4:
            v["title"] = v["title"].split(":")[0]
        if "container-title" in v and r.random() < 0.4:
            v["container-title"] = self.abbrev(v["container-title"])
        if r.random() < 0.5:
            for a in v[role]:
                a["given"] = " ".join(p[0] + "." for p in a["given"].replace(".", " ").split() if p)
        if len(v[role]) > 1 and r.random() < 0.15:
            i = r.randrange(len(v[role]) - 1)
            v[role][i], v[role][i + 1] = v[role][i + 1], v[role][i]
        if len(v[role]) > 3 and r.random() < 0.3:
            v[role] = v[role][:3]
            v["etal"] = True
        if not v[role]:
            del v[role]
        keep = set(v.pop("_keep", []))
        for k, p in (("DOI", 0.3), ("page", 0.2), ("volume", 0.15), ("issue", 0.3), ("ISBN", 0.3),
                     ("publisher", 0.2), ("publisher-place", 0.3), ("container-title", 0.1),
                     ("number-of-pages", 0.4), ("language", 0.3)):
            if k in v and k not in keep and r.random() < p:
                del v[k]
        if "DOI" in v:
            x = r.random()
            if x < 0.2:
                v["URL"] = "https://doi.org/" + v.pop("DOI")
            elif x < 0.4:
                v["DOI"] = v["DOI"].upper()
            elif x < 0.5:
                v["DOI"] = "doi:" + v["DOI"]
        if "ISBN" in v and r.random() < 0.5:
            d = v["ISBN"]
            v["ISBN"] = "%s-%s-%s-%s-%s" % (d[:3], d[3], d[4:8], d[8:12], d[12])
        if "URL" in v and "doi.org" not in v["URL"] and r.random() < 0.5:
            v["URL"] = v["URL"].replace("https://www.", "http://") + r.choice(["/", "?utm_source=tw", "#top"])
        if v.get("type") == "article-journal" and r.random() < 0.05:
            v["issued"] += 1  # online first, then print
        return v

    # --- hard negatives: distinct works that look alike -----------------------

    def family(self):
        """A group of distinct works that share title words or authors."""
        r = self.r
        kind = r.randint(0, 5)
        if kind == 0:  # parts of a series
            w = self.base("article-journal")
            out = []
            roman = r.random() < 0.5
            for k in range(1, r.randint(2, 3) + 1):
                x = json.loads(json.dumps(w))
                x["title"] = w["title"].split(":")[0] + ". Part " + (["I", "II", "III"][k - 1] if roman else str(k))
                x["page"] = "%d-%d" % (k * 100, k * 100 + 10)
                x.pop("DOI", None)
                out.append(x)
            return out
        if kind == 1:  # editions
            w = self.base("book")
            out = []
            for k in range(1, r.randint(2, 3) + 1):
                x = json.loads(json.dumps(w))
                x["edition"] = str(k)
                x["issued"] = w["issued"] + 4 * (k - 1)
                x["_keep"] = ["edition"]
                if "ISBN" in x:
                    x["ISBN"] = self.isbn()
                out.append(x)
            return out
        if kind == 2:  # volumes
            w = self.base("book")
            out = []
            for k in range(1, r.randint(2, 4) + 1):
                x = json.loads(json.dumps(w))
                x["volume"] = str(k)
                x["_keep"] = ["volume"]  # what tells the volumes apart stays
                if "ISBN" in x:
                    x["ISBN"] = self.isbn()
                out.append(x)
            return out
        if kind == 3:  # chapters of one edited book, and the book
            b = self.base("book")
            b["editor"] = b.pop("author")
            out = [b]
            isbn = b.get("ISBN")
            p = 1
            for k in range(r.randint(2, 4)):
                c = {"type": "chapter", "author": [self.person(is_cyr(b["title"]))],
                     "title": self.title(is_cyr(b["title"])), "container-title": b["title"],
                     "editor": b["editor"], "issued": b["issued"], "publisher": b["publisher"],
                     "page": "%d-%d" % (p, p + 20)}
                if isbn:
                    c["ISBN"] = isbn
                p += 21
                out.append(c)
            return out
        if kind == 4:  # a Russian work and its English translation
            w = self.base("book")
            if not is_cyr(w["title"]):
                w["title"] = self.title(True)
                w["author"] = [self.person(True)]
                w["language"] = "ru"
            t = json.loads(json.dumps(w))
            t["title"] = self.title(False)
            t["original-title"] = w["title"]
            t["language"] = "en"
            t["translator"] = [self.person(False)]
            t["issued"] = w["issued"] + r.randint(1, 10)
            t["publisher"] = r.choice(PUBLISHERS_EN)
            t.pop("ISBN", None)
            for a in t["author"]:
                a["family"] = translit(a["family"], BGN)
                a["given"] = translit(a["given"], BGN)
            return [w, t]
        # one title, different authors
        w = self.base("book")
        x = json.loads(json.dumps(w))
        while True:  # another person, not a namesake
            p = self.person(is_cyr(w["title"]))
            if p["family"] != w["author"][0]["family"]:
                break
        x["author"] = [p]
        x.pop("ISBN", None)
        return [w, x]


def bib_escape(s):
    return s.replace("\\", "").replace("{", "").replace("}", "").replace("%", "\\%").replace("&", "\\&")


BIBTYPE = {"article-journal": "article", "book": "book", "chapter": "incollection",
           "paper-conference": "inproceedings", "webpage": "online", "thesis": "phdthesis"}


def to_bibtex(rid, w):
    w = {k: x for k, x in w.items() if k != "_keep"}
    t = BIBTYPE.get(w["type"], "misc")
    f = []

    def names(lst):
        return " and ".join("%s, %s" % (bib_escape(a["family"]), bib_escape(a["given"])) if a.get("given")
                            else bib_escape(a["family"]) for a in lst) + (" and others" if w.get("etal") else "")
    if "author" in w:
        f.append(("author", names(w["author"])))
    if "editor" in w:
        f.append(("editor", " and ".join("%s, %s" % (bib_escape(a["family"]), bib_escape(a["given"]))
                                         for a in w["editor"])))
    if "translator" in w:
        f.append(("translator", " and ".join("%s, %s" % (a["family"], a["given"]) for a in w["translator"])))
    f.append(("title", bib_escape(w["title"])))
    cont = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}.get(t)
    if "container-title" in w and cont:
        f.append((cont, bib_escape(w["container-title"])))
    f.append(("year", str(w["issued"])))
    for k, b in (("volume", "volume"), ("issue", "number"), ("edition", "edition"), ("publisher", "publisher"),
                 ("publisher-place", "address"), ("DOI", "doi"), ("ISBN", "isbn"), ("URL", "url"),
                 ("original-title", "origtitle"), ("language", "langid"), ("genre", "type")):
        if k in w:
            f.append((b, bib_escape(w[k])))
    if "page" in w:
        f.append(("pages", w["page"].replace("-", "--")))
    if t == "phdthesis" and "publisher" in w:
        f.append(("school", bib_escape(w["publisher"])))
    return "@%s{%s,\n%s\n}\n" % (t, rid, ",\n".join("  %s = {%s}" % kv for kv in f))


def to_csl(rid, w):
    o = {"id": rid}
    for k, v in w.items():
        if k == "_keep":
            continue
        if k == "issued":
            o["issued"] = {"date-parts": [[v]]}
        elif k == "accessed":
            o["accessed"] = {"date-parts": [[v, 1, 15]]}
        elif k == "etal":
            continue
        else:
            o[k] = v
    if w.get("etal"):
        o["custom"] = {"etal": ["author" if "author" in w else "editor"]}
    return o


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dup-rate", type=float, default=0.3, help="share of works that get copies")
    ap.add_argument("--family-rate", type=float, default=0.08, help="share of look-alike families")
    ap.add_argument("--chunk", type=int, default=100000)
    ap.add_argument("--bibtex-share", type=float, default=0.3, help="share of chunks written as BibTeX")
    a = ap.parse_args()
    r = random.Random(a.seed)
    g = Gen(r)
    os.makedirs(a.outdir, exist_ok=True)
    recs = []  # (work id, fields)
    work = 0
    while len(recs) < a.n:
        if r.random() < a.family_rate:
            group = g.family()
        else:
            group = [g.base()]
        for w in group:
            work += 1
            recs.append((work, w))
            if r.random() < a.dup_rate:
                for _ in range(r.choices([1, 2, 3, 4], [60, 25, 10, 5])[0]):
                    recs.append((work, g.variant(w)))
    recs = recs[:a.n]
    r.shuffle(recs)
    with open(os.path.join(a.outdir, "truth.tsv"), "w", encoding="utf-8") as tf:
        files = []
        for c in range(0, len(recs), a.chunk):
            part = recs[c:c + a.chunk]
            bib = r.random() < a.bibtex_share and c > 0
            name = os.path.join(a.outdir, "part%03d.%s" % (c // a.chunk, "bib" if bib else "json"))
            files.append(name)
            with open(name, "w", encoding="utf-8") as f:
                if bib:
                    for i, (wk, w) in enumerate(part):
                        rid = "g%07d" % (c + i + 1)
                        f.write(to_bibtex(rid, w) + "\n")
                        tf.write("%s\t%d\n" % (rid, wk))
                else:
                    f.write("[\n")
                    for i, (wk, w) in enumerate(part):
                        rid = "g%07d" % (c + i + 1)
                        f.write(json.dumps(to_csl(rid, w), ensure_ascii=False))
                        f.write(",\n" if i + 1 < len(part) else "\n")
                        tf.write("%s\t%d\n" % (rid, wk))
                    f.write("]\n")
    print(" ".join(files))


if __name__ == "__main__":
    main()
