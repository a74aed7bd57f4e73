#!/usr/bin/env python3
"""Synthetic labelled references for training the parser.

Renders invented records through GOST R 7.0.5-2008 / 7.0.100-2018 patterns
(Russian and foreign entries, articles, books, chapters, conference papers,
web pages, newspapers, theses, laws) and APA, MLA, Chicago, Harvard,
Vancouver, IEEE and physics patterns, and the web, news and legal
references of the English and Russian lists of Russian journal articles
(headlines led by a name, decrees, "(in Russian) (accessed: ...)",
bracketed translated titles, CJK titles), with realistic noise (separator
variants, run-together initials, missing parts), and writes them as
AnyStyle XML <sequence> elements: every piece of text carries its label.

usage: bench/parse_synth.py [N] [SEED] > synth.xml
All names, titles and identifiers are made up from the word lists below.
"""
import random
import sys
from xml.sax.saxutils import escape  # noqa: F401

from parse_data import runs_xml

RU_FAM = ("Иванов Петров Сидоров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров Морозов Волков "
          "Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров "
          "Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев "
          "Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов "
          "Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоренко Забровская Лукина "
          "Колмогоров Фомин Тарасова Куликов Гайденко Ткаченко Шевченко Бондаренко Ким Пак Цой Ли Толстой Лотман").split()
RU_FEM = {"ов": "ова", "ев": "ева", "ёв": "ёва", "ин": "ина", "ий": "ая"}
RU_INIT = "АБВГДЕЖЗИКЛМНОПРСТУФЭЮЯ"
EN_FAM = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson "
          "Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
          "Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker "
          "Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Kelly Howard "
          "Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders Myers Long Ross Foster "
          "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Dubois Durand Lefebvre Moreau Rossi Russo "
          "Tanaka Suzuki Wang Zhang Chen Liu Yang Huang Zhao Kim Park Nguyen Kowalski Nowak Novák Svensson "
          "O'Brien McDonald Pérez-García Ivanov Petrov Sokolov Berg").split()
EN_GIVEN = ("John Mary James Robert Patricia Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica "
            "Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Helen Paul Sandra Steven Donna "
            "Andrew Carol Kenneth Ruth Joshua Sharon Kevin Michelle Brian Laura George Emily Edward Kimberly Ronald").split()
RU_WORDS = ("развитие анализ исследование проблемы вопросы методы модели теория практика система управление "
            "текст текста тексты электронные ресурсы издание журнал сборник статья материалы "
            "экономика политика история культура общество государство право образование наука технологии "
            "информационные региональные международные современные российской федерации отношения сотрудничество "
            "безопасность кризис реформы институты рынок предприятия инновации оценка эффективность стратегия "
            "социальные языковые литературные философские этнографии археологии институт регион Дальний Восток "
            "Корея Китай Россия Азия КНДР санкций период причины тенденции взаимодействие опыт перспективы "
            "трансформация формирование особенности роль значение влияние условиях основы методология").split()
RU_GLUE = "в и на о по для с к как при между".split()
EN_WORDS = ("analysis study effects model theory approach method evaluation development network learning data "
            "text online electronic journal proceedings edition press volume "
            "system systems design control dynamics structure function role impact policy health social economic "
            "cognitive quantum neural transport protein cell gene regulation climate energy market behavior "
            "evidence review framework performance optimization algorithm estimation distribution properties "
            "measurement observations spectroscopy magnetic thermal stability growth response patients children "
            "language history culture political urban rural international relations security cooperation "
            "Russia China Korea Europe America alliance sanctions").split()
EN_GLUE = "of in on for and the with from to under a toward".split()
RU_JOURNALS = ["Вопросы философии", "Вопросы экономики", "Вестник Московского университета. Серия 6. Экономика",
               "Известия РАН. Серия географическая", "Проблемы Дальнего Востока", "Мировая экономика и международные отношения",
               "Вестник СПбГУ. Востоковедение и африканистика", "Полис. Политические исследования", "Журнал физической химии",
               "Успехи физических наук", "Доклады Академии наук", "Социологические исследования", "Вопросы истории",
               "Труды института истории, археологии и этнографии ДВО РАН", "Россия и АТР", "Восточная Азия: факты и аналитика",
               "Вестник Томского государственного университета", "Известия вузов. Физика", "Экономика региона",
               "Проблемы передачи информации", "Теоретическая и математическая физика", "Компьютерная оптика",
               "Вестн. Моск. ун-та. Сер. 8, История", "Изв. РАН. Сер. физ.", "Докл. АН СССР", "Журн. эксперим. и теор. физики"]
EN_JOURNALS = ["Journal of Applied Physics", "Physical Review B", "Nature", "Science", "The Lancet", "PLoS ONE",
               "Journal of Contemporary East Asia Studies", "Asia Policy", "International Affairs", "Foreign Affairs",
               "Journal of Economic Perspectives", "American Economic Review", "Cognitive Science", "Neural Computation",
               "IEEE Transactions on Pattern Analysis and Machine Intelligence", "Journal of the American Chemical Society",
               "Proceedings of the National Academy of Sciences", "Annals of Mathematics", "Communications of the ACM",
               "Journal of Korean Studies", "Europe-Asia Studies", "Post-Soviet Affairs", "The China Quarterly",
               "J. Chem. Phys.", "Phys. Rev. Lett.", "Astrophys. J.", "Nucl. Phys. B", "J. Am. Chem. Soc.", "Appl. Phys. Lett.",
               "Mon. Not. R. Astron. Soc.", "Proc Natl Acad Sci U S A", "J Endod", "N Engl J Med", "BMJ", "JAMA"]
RU_PUBL = ["Наука", "Юрайт", "Проспект", "ИНФРА-М", "Питер", "Физматлит", "Высшая школа", "Издательский дом ВШЭ",
           "Изд-во МГУ", "Изд-во СПбГУ", "Логос", "Прогресс", "Мысль", "Статут", "Альпина Паблишер", "РОССПЭН",
           "Весь мир", "ИМЭМО РАН", "Аспект Пресс", "Дальнаука", "КНОРУС", "Лань", "Academia", "Просвещение"]
RU_PLACE = ["М.", "СПб.", "Москва", "Санкт-Петербург", "Л.", "Новосибирск", "Владивосток", "Екатеринбург", "Казань",
            "Томск", "Ростов н/Д", "Хабаровск", "Иркутск", "Н. Новгород", "Киев", "Минск"]
EN_PUBL = ["Springer", "Elsevier", "Oxford University Press", "Cambridge University Press", "Routledge", "Wiley",
           "MIT Press", "Princeton University Press", "Palgrave Macmillan", "SAGE", "Academic Press", "CRC Press",
           "University of Chicago Press", "Harvard University Press", "Brookings Institution Press", "Penguin"]
EN_PLACE = ["New York", "London", "Oxford", "Cambridge", "Berlin", "Amsterdam", "Boston", "Chicago", "Princeton, NJ",
            "Washington, DC", "Cambridge, MA", "Heidelberg", "Singapore", "Thousand Oaks, CA", "Hoboken, NJ"]
SITES = ["ТАСС", "РИА Новости", "Коммерсантъ", "Ведомости", "Известия", "РБК", "Интерфакс", "Российская газета",
         "Министерство иностранных дел Российской Федерации", "Президент России", "РСМД", "Xinhua Net", "NK News",
         "The Guardian", "The Economist", "Reuters", "BBC News", "Korea JoongAng Daily", "38 North", "Sputnik news",
         "Официальный сайт Правительства РФ", "Федеральная служба государственной статистики", "CCTV", "Yonhap"]
NEWSPAPERS = ["Российская газета", "Коммерсантъ", "Известия", "Независимая газета", "Ведомости", "Правда",
              "The New York Times", "The Washington Post", "The Times", "Financial Times"]
DOMAINS = ["tass.ru", "ria.ru", "www.kommersant.ru", "www.mid.ru", "www.nknews.org", "russiancouncil.ru", "www.rbc.ru",
           "www.economist.com", "www.theguardian.com", "elibrary.ru", "cyberleninka.ru", "www.jstor.org", "arxiv.org"]
MONTHS_RU_ABBR = ["янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MON_EN_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]


class R:
    def __init__(self, rng):
        self.r = rng
        self.parts = []

    def add(self, text, label="other"):
        if text:
            self.parts.append((text, label))

    def xml(self):
        text = "".join(t for t, _ in self.parts)
        lab = []
        for t, l in self.parts:
            lab += [l] * len(t)
        # squash double spaces
        s, lb = [], []
        for c, l in zip(text, lab):
            if c == " " and s and s[-1] == " ":
                continue
            s.append(c)
            lb.append(l)
        while s and s[0] == " ":
            s.pop(0)
            lb.pop(0)
        while s and s[-1] == " ":
            s.pop()
            lb.pop()
        return runs_xml("".join(s), lb)


def ch(rng, xs):
    return rng.choice(xs)


def ru_name(rng, fem=None):
    fam = ch(rng, RU_FAM)
    if fem is None:
        fem = rng.random() < 0.35
    if fem:
        for a, b in RU_FEM.items():
            if fam.endswith(a):
                fam = fam[: -len(a)] + b
                break
    i1, i2 = ch(rng, RU_INIT), ch(rng, RU_INIT)
    return fam, (i1 + ".", i2 + ".") if rng.random() < 0.85 else (i1 + ".",)


def en_name(rng):
    fam = ch(rng, EN_FAM)
    if rng.random() < 0.15:
        fam = ch(rng, EN_FAM) + "-" + ch(rng, EN_FAM)
    g = ch(rng, EN_GIVEN)
    inits = (g[0] + ".",) + ((ch(rng, "ABCDEFGHJKLMNPRST") + ".",) if rng.random() < 0.4 else ())
    return fam, inits, g


def title(rng, lang, n=None):
    n = n or rng.randint(3, 12)
    if lang == "ru":
        ws = [ch(rng, RU_WORDS) if rng.random() < 0.75 else ch(rng, RU_GLUE) for _ in range(n)]
    else:
        ws = [ch(rng, EN_WORDS) if rng.random() < 0.7 else ch(rng, EN_GLUE) for _ in range(n)]
    t = " ".join(ws)
    t = t[0].upper() + t[1:]
    if rng.random() < 0.2:
        t += ": " + title(rng, lang, rng.randint(2, 6)).lower()
    if rng.random() < 0.08:
        t = t.replace(" ", " «", 1) + "»" if lang == "ru" else t
    return t


def pages(rng):
    a = rng.randint(1, 900)
    return a, a + rng.randint(1, 40)


def dash(rng):
    return ch(rng, ["–", "—", "-", "–"])


def date_dmy(rng, y):
    return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{y}"


def url(rng):
    d = ch(rng, DOMAINS)
    path = "/".join(ch(rng, ["news", "politika", "ekonomika", "article", "2023", "analytics", "view", "stable"])
                    for _ in range(rng.randint(1, 3)))
    return f"{ch(rng, ['https://', 'http://', 'https://'])}{d}/{path}/{rng.randint(1000, 99999999)}" + ch(rng, ["", "", ".html", "/"])


def doi(rng):
    return f"10.{rng.randint(1000, 99999)}/{ch(rng, ['j.', 's', 'ab', ''])}{rng.randint(100, 9999999)}" + ch(rng, ["", ".x", "-2"])


def ru_heading(rng, r, n, comma=False, compact=False):
    names = []
    for k in range(n):
        fam, ini = ru_name(rng)
        names.append((fam, ini))
        sep = "" if compact else " "
        txt = fam + ("," if comma else "") + " " + sep.join(ini)
        r.add(txt + (", " if k + 1 < n else " "), "author")
    return names


def ru_resp(rng, r, names, etal=False, label="author"):
    for k, (fam, ini) in enumerate(names):
        r.add(" ".join(ini) + " " + fam + (", " if k + 1 < len(names) else ""), label)
    if etal:
        r.add(" [и др.]", label)


def gost_ru(rng):
    r = R(rng)
    typ = rng.choices(["article", "book", "chapter", "conf", "web", "news", "thesis", "law", "foreign"],
                      [30, 18, 10, 8, 14, 6, 4, 4, 12])[0]
    new = rng.random() < 0.35           # 7.0.100 record
    sep = ". – " if new else ch(rng, [". — ", ". ", ". – ", ". - ", ". — "])
    lang = "en" if typ == "foreign" else "ru"
    if typ == "foreign":
        typ = ch(rng, ["article", "book", "chapter", "web"])
    compact = rng.random() < 0.2
    nauth = rng.choices([0, 1, 2, 3, 4], [12, 45, 25, 12, 6])[0]
    if typ in ("law", "web") and rng.random() < 0.6:
        nauth = 0
    names = []
    if lang == "ru":
        if 1 <= nauth <= 3 or (new and nauth >= 1):
            names = ru_heading(rng, r, 1 if new else nauth, comma=new, compact=compact)
            if new:
                names += [ru_name(rng) for _ in range(nauth - 1)]
    else:
        if 1 <= nauth <= 3:
            for k in range(nauth):
                fam, ini, _ = en_name(rng)
                names.append((fam, ini))
                r.add(fam + (", " if new else " ") + " ".join(ini) + (", " if k + 1 < nauth else " "), "author")
    t = title(rng, lang)
    if typ == "law":
        t = ch(rng, ["Об образовании в Российской Федерации", "О безопасности", "О внесении изменений в отдельные законодательные акты Российской Федерации",
                     "О ратификации Договора о всеобъемлющем стратегическом партнерстве", "Об информации, информационных технологиях и о защите информации"])
    r.add(t, "title")
    if typ == "web" and rng.random() < 0.5 and not new:
        r.add(" [Электронный ресурс]", "medium")
    if typ == "book" and rng.random() < 0.5:
        r.add(" : ", "other")
        r.add(ch(rng, ["учебник", "учеб. пособие", "монография", "учебник для вузов", "сб. науч. тр."]), "note")
    if typ == "thesis":
        r.add(" : ", "other")
        r.add(ch(rng, ["дис. … канд. экон. наук", "дис. ... канд. ист. наук", "автореф. дис. … канд. филол. наук",
                       "дис. … д-ра техн. наук"]), "genre")
        if rng.random() < 0.5:
            r.add(" : ", "other")
            r.add(f"{rng.randint(5, 24):02d}.00.{rng.randint(1, 20):02d}", "note")
    if typ == "law":
        y = rng.randint(1995, 2024)
        r.add(" : ", "other")
        r.add(f"{ch(rng, ['федер. закон', 'Федеральный закон', 'указ Президента Рос. Федерации'])} от {date_dmy(rng, y)} № {rng.randint(1, 500)}-ФЗ", "genre")
    if new and names or (nauth >= 4 and lang == "ru"):
        if not names:
            names = [ru_name(rng) for _ in range(min(nauth, 3))]
        r.add(" / ", "other")
        ru_resp(rng, r, names if new else names[:1] if nauth >= 4 else names, etal=nauth >= 4 and rng.random() < 0.7)
    if typ == "book" and rng.random() < 0.3:
        r.add(" ; ", "other") if new and names else r.add(" / ", "other")
        ed = [ru_name(rng) for _ in range(rng.randint(1, 2))]
        r.add(ch(rng, ["под ред. ", "под общ. ред. ", "отв. ред. "]), "editor")
        ru_resp(rng, r, ed, label="editor")
    if new and typ in ("article", "chapter", "web", "conf", "news"):
        r.add(sep.rstrip(". ") and " – ", "other")
        r.add("Текст : " + ("электронный" if typ == "web" else "непосредственный"), "medium")
    y = rng.randint(1960, 2025)
    if typ in ("article", "news", "law"):
        r.add(" // ", "other")
        if typ == "law":
            r.add(ch(rng, ["Собр. законодательства Рос. Федерации", "Собрание законодательства Российской Федерации", "Рос. газ."]), "journal")
        elif typ == "news":
            r.add(ch(rng, NEWSPAPERS), "journal")
        else:
            r.add(ch(rng, RU_JOURNALS if lang == "ru" else EN_JOURNALS), "journal")
        r.add(sep, "other")
        r.add(str(y), "date")
        if typ == "news":
            r.add(" " if sep == ". " else sep, "other")
            r.add(f"{rng.randint(1, 28)} {ch(rng, MONTHS_RU_ABBR)}", "date")
            if rng.random() < 0.4:
                r.add(" ", "other")
                r.add(f"(№ {rng.randint(1, 300)})", "issue")
            r.add(sep, "other")
            r.add(f"С. {rng.randint(1, 40)}", "pages")
        else:
            r.add(sep, "other")
            v = rng.random()
            volw, numw, pw = ("Т.", "№", "С.") if lang == "ru" else ("Vol.", ch(rng, ["No.", "no.", "Iss."]), "P.")
            if typ == "law":
                r.add(f"№ {rng.randint(1, 53)}", "issue")
                if rng.random() < 0.4:
                    r.add(", ч. 1", "issue")
                r.add(sep, "other")
                r.add(f"Ст. {rng.randint(1, 8000)}", "pages")
            else:
                if v < 0.45:
                    r.add(f"{volw} {rng.randint(1, 80)}", "volume")
                    r.add(", ", "other")
                    r.add(f"{numw} {rng.randint(1, 12)}", "issue")
                elif v < 0.75:
                    r.add(f"{numw} {rng.randint(1, 12)}", "issue")
                    if rng.random() < 0.2:
                        r.add(f" ({rng.randint(10, 300)})", "issue")
                elif v < 0.9:
                    r.add(f"{volw} {rng.randint(1, 80)}", "volume")
                else:
                    r.add(f"{'Вып.' if lang == 'ru' else 'Iss.'} {rng.randint(1, 30)}", "issue")
                r.add(sep, "other")
                a, b = pages(rng)
                r.add(f"{pw} {a}{dash(rng)}{b}", "pages")
    elif typ in ("chapter", "conf"):
        r.add(" // ", "other")
        if typ == "conf":
            r.add(title(rng, lang, rng.randint(2, 5)) + " : " + ch(rng, ["материалы", "сб. ст.", "тезисы докл."]) + " "
                  + ch(rng, ["XII", "IV", "10-й", "Междунар.", "Всерос."]) + " " + ch(rng, ["науч.-практ. конф.", "науч. конф.", "конф. молодых ученых"])
                  + (f" ({ch(rng, ['Москва', 'Томск', 'Владивосток'])}, {rng.randint(1, 28)} {ch(rng, MONTHS_RU_ABBR)} {y} г.)" if rng.random() < 0.5 else ""),
                  "container-title")
        else:
            r.add(title(rng, lang, rng.randint(2, 6)), "container-title")
        if rng.random() < 0.5:
            r.add(" / ", "other")
            ed = [ru_name(rng) for _ in range(rng.randint(1, 2))]
            if lang == "ru":
                r.add(ch(rng, ["под ред. ", "отв. ред. ", "под общ. ред. "]), "editor")
                ru_resp(rng, r, ed, label="editor")
            else:
                fam, ini, _ = en_name(rng)
                r.add("ed. by " + " ".join(ini) + " " + fam, "editor")
        r.add(sep, "other")
        r.add(ch(rng, RU_PLACE if lang == "ru" else EN_PLACE), "location")
        r.add(" : ", "other")
        r.add(ch(rng, RU_PUBL if lang == "ru" else EN_PUBL), "publisher")
        r.add(", ", "other")
        r.add(str(y), "date")
        r.add(sep, "other")
        a, b = pages(rng)
        r.add(f"{'С.' if lang == 'ru' else 'P.'} {a}{dash(rng)}{b}", "pages")
    elif typ == "web":
        if rng.random() < 0.7:
            r.add(" // " if not new else " : ", "other")
            r.add(ch(rng, SITES) if not new else "[сайт]", "container-title" if not new else "note")
        if rng.random() < 0.5:
            r.add(sep, "other")
            r.add(ch(rng, [str(y), date_dmy(rng, y), f"{date_dmy(rng, y)} г.", f"{rng.randint(1, 28)} {ch(rng, MONTHS_RU_ABBR)} {y} г."]), "date")
        r.add(sep if rng.random() < 0.7 else ". ", "other")
        r.add(ch(rng, ["URL: ", "URL:", "Режим доступа: "]), "other")
        u = url(rng)
        r.add(ch(rng, [u, u, f"<{u}>"]), "url")
        r.add(" ", "other")
        r.add(ch(rng, [f"(дата обращения: {date_dmy(rng, rng.randint(2015, 2026))})", f"(дата обращения:{date_dmy(rng, rng.randint(2015, 2026))})",
                       f"(accessed: {date_dmy(rng, rng.randint(2015, 2026))})"]), "accessed")
        if new:
            r.add(" – ", "other")
            r.add("Текст : электронный", "medium")
    else:  # book, thesis
        if typ == "book" and rng.random() < 0.35:
            r.add(sep, "other")
            r.add(ch(rng, ["2-е изд.", "3-е изд., перераб. и доп.", "Изд. 2-е, испр.", "5-е изд., стер."] if lang == "ru" else ["2nd ed.", "3rd ed."]), "edition")
        r.add(sep, "other")
        r.add(ch(rng, RU_PLACE if lang == "ru" else EN_PLACE), "location")
        if typ == "book":
            r.add(" : ", "other")
            r.add(ch(rng, RU_PUBL if lang == "ru" else EN_PUBL), "publisher")
        r.add(", ", "other")
        r.add(str(y), "date")
        if rng.random() < 0.8:
            r.add(sep, "other")
            r.add(f"{rng.randint(50, 900)} {'с.' if lang == 'ru' else 'p.'}", "pages")
        if rng.random() < 0.2:
            r.add(sep, "other")
            r.add("(" + title(rng, lang, rng.randint(2, 4)) + ")", "collection-title")
        if rng.random() < 0.35:
            r.add(sep, "other")
            r.add(f"ISBN 978-5-{rng.randint(100, 999)}-{rng.randint(10000, 99999)}-{rng.randint(0, 9)}", "isbn")
    if typ in ("article", "chapter") and rng.random() < 0.15:
        r.add(sep, "other")
        r.add("DOI: " + doi(rng) if rng.random() < 0.5 else "https://doi.org/" + doi(rng), "doi")
    if typ in ("article", "chapter", "book") and rng.random() < 0.12:
        r.add(sep, "other")
        r.add("URL: ", "other")
        r.add(url(rng), "url")
        r.add(" ", "other")
        r.add(f"(дата обращения: {date_dmy(rng, rng.randint(2015, 2026))})", "accessed")
    if new and typ in ("book", "thesis"):
        r.add(" – ", "other")
        r.add("Текст : непосредственный", "medium")
    r.add(".", "other")
    return r


def english(rng):
    r = R(rng)
    style = rng.choice(["apa", "vancouver", "ieee", "physics", "mla", "chicago", "harvard", "news"])
    typ = rng.choices(["article", "book", "chapter"], [70, 18, 12])[0]
    n = rng.choices([1, 2, 3, 4, 6], [30, 30, 20, 10, 10])[0]
    names = [en_name(rng) for _ in range(n)]
    y = rng.randint(1950, 2025)
    t = title(rng, "en")
    j = ch(rng, EN_JOURNALS)
    vol, iss = rng.randint(1, 300), rng.randint(1, 12)
    a, b = pages(rng)
    d = dash(rng)
    if style == "news" and rng.random() < 0.5:
        tt = " ".join(w[:1].upper() + w[1:] for w in t.split()) if rng.random() < 0.5 else t
        v = rng.random()
        if v < 0.35:   # Title / Author // Site. Available at: <url> (accessed dd.mm.yyyy).
            r.add(tt, "title")
            if rng.random() < 0.6:
                fam, ini, g = names[0]
                r.add(" / ", "other")
                r.add(f"{g} {fam}", "author")
            r.add(" // ", "other")
            r.add(ch(rng, SITES), "container-title")
            r.add(". ", "other")
            if rng.random() < 0.4:
                r.add(date_dmy(rng, y), "date")
                r.add(". ", "other")
            r.add(ch(rng, ["Available at: ", "URL: ", "Available from: "]), "other")
            u = url(rng)
            r.add(ch(rng, [f"<{u}>", u]), "url")
            r.add(" ", "other")
            r.add(ch(rng, [f"(accessed {date_dmy(rng, rng.randint(2015, 2026))})", f"(accessed: {date_dmy(rng, rng.randint(2015, 2026))})",
                           f"(дата обращения: {date_dmy(rng, rng.randint(2015, 2026))})"]), "accessed")
            r.add(".", "other")
        elif v < 0.6:  # The Economist. “Title”. dd.mm.yyyy. URL: ... (accessed: ...).
            r.add(ch(rng, SITES), "container-title")
            r.add(". ", "other")
            r.add(f"“{tt}”", "title")
            r.add(". ", "other")
            r.add(date_dmy(rng, y), "date")
            r.add(". URL: ", "other")
            r.add(url(rng), "url")
            r.add(" ", "other")
            r.add(f"(accessed: {date_dmy(rng, rng.randint(2015, 2026))})", "accessed")
            r.add(".", "other")
        else:          # Title. Organisation. (in Russian) (accessed: ...).
            if rng.random() < 0.3:
                fam, ini, g = names[0]
                r.add(f"{fam} {ini[0]} ", "author")
            r.add(tt, "title")
            r.add(". ", "other")
            r.add(ch(rng, SITES), "container-title")
            r.add(". ", "other")
            if rng.random() < 0.5:
                r.add(ch(rng, [f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{y}", f"{ch(rng, MONTHS_EN)} {rng.randint(1, 28)}, {y}"]), "date")
                r.add(". ", "other")
            r.add("(in Russian) ", "note")
            r.add(f"(accessed: {date_dmy(rng, rng.randint(2015, 2026))})", "accessed")
            r.add(".", "other")
        return r
    if style == "news":
        if rng.random() < 0.3:
            fam, ini, g = names[0]
            r.add(f"{fam} {ini[0]} ", "author")
        r.add(t, "title")
        r.add(". ", "other")
        order = rng.random() < 0.5
        dt = ch(rng, [f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{y}", date_dmy(rng, y), f"{ch(rng, MONTHS_EN)} {rng.randint(1, 28)}, {y}"])
        if order:
            r.add(ch(rng, SITES), "container-title")
            r.add(". ", "other")
            r.add(dt, "date")
        else:
            r.add(dt, "date")
            r.add(". ", "other")
            r.add(ch(rng, SITES), "container-title")
        r.add(". ", "other")
        if rng.random() < 0.5:
            r.add("(in Russian) ", "note")
        r.add(f"(accessed: {date_dmy(rng, rng.randint(2015, 2026))})", "accessed")
        r.add(".", "other")
        return r
    if style == "apa":
        for k, (fam, ini, g) in enumerate(names[:6]):
            pre = ", & " if k == len(names) - 1 and k > 0 else (", " if k else "")
            r.add(pre + f"{fam}, {' '.join(ini)}", "author")
        r.add(" ", "other")
        r.add(f"({y}).", "date")
        r.add(" ", "other")
        r.add(t + ".", "title")
        r.add(" ", "other")
        if typ == "book":
            r.add(ch(rng, EN_PUBL) + ".", "publisher")
        else:
            r.add(j + ",", "journal")
            r.add(" ", "other")
            r.add(f"{vol}({iss}),", "volume")
            r.add(" ", "other")
            r.add(f"{a}{d}{b}.", "pages")
        if rng.random() < 0.4:
            r.add(" ", "other")
            r.add("https://doi.org/" + doi(rng), "doi")
    elif style == "vancouver":
        for k, (fam, ini, g) in enumerate(names[:6]):
            r.add(("," if k else "") + (" " if k else "") + fam + " " + "".join(i[0] for i in ini), "author")
        if n > 6 or rng.random() < 0.1:
            r.add(", et al", "author")
        r.add(". ", "other")
        r.add(t + ".", "title")
        r.add(" ", "other")
        r.add(j.replace(".", "") + ".", "journal")
        r.add(" ", "other")
        r.add(f"{y}" + (f" {ch(rng, MON_EN_ABBR).rstrip('.')}" if rng.random() < 0.3 else "") + ";", "date")
        r.add(f"{vol}({iss}):", "volume")
        r.add(f"{a}-{b}.", "pages")
        if rng.random() < 0.2:
            r.add(" doi:" + doi(rng), "doi")
    elif style == "ieee":
        r.add(f"[{rng.randint(1, 99)}] ", "citation-number")
        for k, (fam, ini, g) in enumerate(names[:6]):
            pre = ", and " if k == len(names) - 1 and k > 1 else (" and " if k == 1 and len(names) == 2 else (", " if k else ""))
            r.add(pre + " ".join(ini) + " " + fam, "author")
        r.add(", ", "other")
        r.add(f"“{t},”", "title")
        r.add(" ", "other")
        r.add(j + ",", "journal")
        r.add(" ", "other")
        r.add(f"vol. {vol},", "volume")
        r.add(" ", "other")
        r.add(f"no. {iss},", "issue")
        r.add(" ", "other")
        r.add(f"pp. {a}{d}{b},", "pages")
        r.add(" ", "other")
        r.add(f"{ch(rng, MON_EN_ABBR)} {y}.", "date")
    elif style == "physics":
        if rng.random() < 0.3:
            r.add(f"[{rng.randint(1, 99)}] ", "citation-number")
        if n > 3 and rng.random() < 0.5:
            fam, ini, g = names[0]
            r.add(" ".join(ini) + " " + fam + " et al.,", "author")
        else:
            for k, (fam, ini, g) in enumerate(names[:3]):
                pre = " and " if k == min(n, 3) - 1 and k > 0 else (", " if k else "")
                r.add(pre + " ".join(ini) + " " + fam, "author")
            r.add(",", "author")
        r.add(" ", "other")
        r.add(ch(rng, ["Phys. Rev. Lett.", "Phys. Rev. B", "Phys. Rev. D", "J. Chem. Phys.", "Nucl. Phys. B", "Astrophys. J.", "Phys. Lett. B", "JETP Lett."]), "journal")
        r.add(" ", "other")
        r.add(f"{vol},", "volume")
        r.add(" ", "other")
        r.add(f"{rng.randint(1, 99999)}", "pages")
        r.add(" ", "other")
        r.add(f"({y})", "date")
        r.add(ch(rng, [".", ";", ""]), "other")
    elif style == "mla":
        fam, ini, g = names[0]
        r.add(f"{fam}, {g}", "author")
        if n > 1:
            f2, i2, g2 = names[1]
            r.add(f", and {g2} {f2}" if n == 2 else ", et al", "author")
        r.add(". ", "other")
        r.add(f"“{t}.”", "title")
        r.add(" ", "other")
        r.add(f"{j},", "journal")
        r.add(" ", "other")
        r.add(f"vol. {vol},", "volume")
        r.add(" ", "other")
        r.add(f"no. {iss},", "issue")
        r.add(" ", "other")
        r.add(f"{y},", "date")
        r.add(" ", "other")
        r.add(f"pp. {a}-{b}.", "pages")
    elif style == "chicago":
        fam, ini, g = names[0]
        r.add(f"{fam}, {g}.", "author")
        r.add(" ", "other")
        r.add(f"{y}.", "date")
        r.add(" ", "other")
        if typ == "book":
            r.add(t + ".", "title")
            r.add(" ", "other")
            r.add(ch(rng, EN_PLACE) + ":", "location")
            r.add(" ", "other")
            r.add(ch(rng, EN_PUBL) + ".", "publisher")
        else:
            r.add(f"“{t}.”", "title")
            r.add(" ", "other")
            r.add(j, "journal")
            r.add(" ", "other")
            r.add(f"{vol}", "volume")
            r.add(" ", "other")
            r.add(f"({iss}):", "issue")
            r.add(" ", "other")
            r.add(f"{a}{d}{b}.", "pages")
    else:  # harvard
        for k, (fam, ini, g) in enumerate(names[:3]):
            pre = " and " if k == min(n, 3) - 1 and k > 0 else (", " if k else "")
            r.add(pre + f"{fam}, {''.join(ini)}", "author")
        r.add(" ", "other")
        r.add(f"({y})", "date")
        r.add(" ", "other")
        if typ == "chapter":
            r.add(f"'{t}',", "title")
            r.add(" in ", "other")
            fe, ie, ge = en_name(rng)
            r.add(f"{fe}, {''.join(ie)} (ed.)", "editor")
            r.add(" ", "other")
            r.add(title(rng, "en", 4) + ".", "container-title")
            r.add(" ", "other")
            r.add(ch(rng, EN_PLACE) + ":", "location")
            r.add(" ", "other")
            r.add(ch(rng, EN_PUBL) + ",", "publisher")
            r.add(" ", "other")
            r.add(f"pp. {a}–{b}.", "pages")
        else:
            r.add(f"'{t}',", "title")
            r.add(" ", "other")
            r.add(j + ",", "journal")
            r.add(" ", "other")
            r.add(f"{vol}({iss}),", "volume")
            r.add(" ", "other")
            r.add(f"pp. {a}–{b}.", "pages")
    return r


POSITIONS = ["Deputy Foreign Minister", "Foreign Minister", "Permanent Representative", "Press Secretary", "Ambassador",
             "Deputy Head of the Delegation", "Director of the Department", "Deputy Prime Minister", "Spokesperson",
             "Chairman of the Committee", "Governor"]
ORGS = ["The Ministry of Foreign Affairs of the Russian Federation", "President of Russia", "Government of the Russian Federation",
        "Official Internet portal of legal information", "United Nations Security Council", "The State Duma",
        "Federal State Statistics Service", "Federal Customs Service", "UN News", "Ministry of Economic Development",
        "Korean Central News Agency", "Administration of Primorsky Krai", "Embassy of the Russian Federation"]
VERBS_EN = ["said", "announced", "expressed readiness to", "called for", "stated that", "urged", "denied that"]
VERBS_RU = ["заявил, что", "сообщил, что", "назвал", "призвал", "выразил готовность", "не исключил", "рассказал о"]
ACTS_EN = ["Decree of the President of the Russian Federation", "Resolution of the Government of the Russian Federation",
           "Federal Law", "Order of the Ministry of Foreign Affairs", "Resolution"]
HANGUL = "가나다라마바사아자차카타파하로동당중앙군사위원회련방작전참전영웅위훈조선민주주의인민공화국무력전투구분대평가통신"
HANZI = "中国俄罗斯朝鲜半岛联合声明关于问题外交部新闻发布会经济合作安全发展国际关系"


def cjk_words(rng, alphabet, n):
    return " ".join("".join(ch(rng, alphabet) for _ in range(rng.randint(2, 7))) for _ in range(n))


def news_title(rng, lang):
    """Headline-like titles, some led by a person's name (which is not an author)."""
    t = title(rng, lang)
    v = rng.random()
    if lang == "ru":
        fam = ru_name(rng)[0]
        if v < 0.25:
            return f"{fam} {ch(rng, VERBS_RU)} {t[0].lower() + t[1:]}"
        if v < 0.4:
            return f"{fam}: {t}"
        return t
    fam, ini, g = en_name(rng)
    if v < 0.15:
        return f"{fam}: {t}"
    if v < 0.25:
        return f"{g} {fam}: {t}"
    if v < 0.33:
        return f"{fam} {ch(rng, VERBS_EN)} {t[0].lower() + t[1:]}"
    if v < 0.4:
        return f"{ch(rng, ['Russian', 'Chinese', 'US', 'Korean', ''])} {ch(rng, POSITIONS)} {g} {fam}'s {ch(rng, ['response to a media question about', 'statement on', 'interview on', 'remarks on'])} {t[0].lower() + t[1:]}".strip()
    if v < 0.47:
        return (f"Statement by {ch(rng, ['Mr. ', 'Ms. ', 'the ', ''])}{g} {fam}, {ch(rng, POSITIONS)} "
                f"{ch(rng, ['at the', 'of the Russian Federation at the'])} {title(rng, 'en', rng.randint(2, 5))}"
                + (f", {ch(rng, EN_PLACE)}, {ch(rng, MONTHS_EN)} {rng.randint(1, 28)}, {rng.randint(2000, 2025)}" if rng.random() < 0.6 else ""))
    if v < 0.52:
        return ch(rng, ["", "The ", ""]) + "".join(w.capitalize() for w in title(rng, "en", rng.randint(1, 3)).split())
    return t


def seedlike(rng):
    """Web, news and legal references of the shapes found in the English
    and Russian reference lists of Russian journal articles."""
    r = R(rng)
    y = rng.randint(2000, 2025)
    acc = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2015, 2026)}"
    v = rng.random()
    if v < 0.45:
        # Title. [Site.] [date.] (in Russian) (accessed: dd.mm.yyyy).
        if rng.random() < 0.2:
            fam, ini, g = en_name(rng)
            r.add(f"{fam} {ini[0]} ", "author")
        tt = news_title(rng, "en")
        if rng.random() < 0.1:
            r.add('"', "other")
            r.add(tt, "title")
            r.add('."', "other")
            r.add(" ", "other")
        else:
            r.add(tt, "title")
            r.add(". ", "other")
        dt = ch(rng, [f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{y}", date_dmy(rng, y),
                      f"{ch(rng, MONTHS_EN)} {rng.randint(1, 28)}, {y}", f"{rng.randint(1, 28)} {ch(rng, MONTHS_EN)} {y}"])
        order = rng.random()
        site = ch(rng, SITES + ORGS + ["RIA News", "Kommersant", "Izvestia", "TASS", "RBC", "East Russia", "Prim.News", "Interfax"])
        if order < 0.15:
            # Title. Section. Organisation.
            r.add(title(rng, "en", rng.randint(1, 3)).title() if rng.random() < 0.5 else f"{rng.randint(100, 2999)} {ch(rng, ['Sanctions Committee', 'Working Group', 'Committee'])}", "container-title")
            r.add(". ", "other")
            r.add(ch(rng, ORGS), "publisher")
            r.add(". ", "other")
        elif order < 0.5:
            r.add(site, "container-title")
            r.add(". ", "other")
            if rng.random() < 0.7:
                r.add(dt, "date")
                r.add(". " if rng.random() < 0.85 else " ", "other")
        elif order < 0.7:
            r.add(dt, "date")
            r.add(". ", "other")
            r.add(site, "container-title")
            r.add(". ", "other")
        elif order < 0.85:
            r.add(dt, "date")
            r.add(". ", "other")
        if rng.random() < 0.8:
            r.add("(in Russian)", "note")
            r.add(" ", "other")
        r.add(f"(accessed: {acc})", "accessed")
        r.add(ch(rng, [".", ".", ""]), "other")
    elif v < 0.6:
        # Decree of ... [of Month d, yyyy. No. N] "On ...". [(As amended ...).] Site. (in Russian) (accessed: ...).
        act = ch(rng, ACTS_EN)
        r.add(act, "note")
        if rng.random() < 0.6:
            r.add(" of ", "other")
            r.add(f"{ch(rng, MONTHS_EN)} {rng.randint(1, 28)}, {y}", "date")
            r.add(". " if rng.random() < 0.6 else " ", "other")
            r.add(f"No. {rng.randint(1, 999)}{ch(rng, ['', '', '-FZ'])}", "note")
        r.add(" ", "other")
        q = ch(rng, [("“", "”"), ('"', '"')])
        t = "On " + title(rng, "en", rng.randint(3, 9)).lower()
        if rng.random() < 0.4:
            t += f" {rng.randint(100, 2999)} of {ch(rng, MONTHS_EN)} {rng.randint(1, 28)}, {rng.randint(1995, 2024)}"
        r.add(q[0], "other")
        r.add(t, "title")
        r.add(q[1] + ".", "other")
        if rng.random() < 0.4:
            r.add(" ", "other")
            r.add(f"(As amended by {ch(rng, ACTS_EN)} No. {rng.randint(1, 999)} dated {ch(rng, MONTHS_EN)} {rng.randint(1, 28)}, {rng.randint(2000, 2024)})", "note")
            r.add(".", "other")
        r.add(" ", "other")
        r.add(ch(rng, ORGS), "container-title")
        r.add(". ", "other")
        r.add("(in Russian)", "note")
        r.add(" ", "other")
        r.add(f"(accessed: {acc})", "accessed")
        r.add(".", "other")
    else:
        # GOST web: [Title] // Site. dd.mm.yyyy. URL: ... (дата обращения: ...). (На кит.)
        lang = rng.random()
        if lang < 0.2:
            t = cjk_words(rng, HANGUL, rng.randint(3, 9))
            r.add(t, "title")
            if rng.random() < 0.7:
                r.add(" ", "other")
                r.add("(" + title(rng, "ru", rng.randint(5, 14)) + ")", "note")
        elif lang < 0.3:
            t = cjk_words(rng, HANZI, rng.randint(2, 5))
            r.add(t, "title")
        else:
            t = news_title(rng, "ru" if rng.random() < 0.6 else "en")
            if rng.random() < 0.35:
                r.add("[", "other")
                r.add(t, "title")
                r.add("]", "other")
            else:
                r.add(t, "title")
        if rng.random() < 0.2:
            r.add(" / ", "other")
            fam, ini, g = en_name(rng) if rng.random() < 0.5 else (ru_name(rng)[0], None, ch(rng, ["Антон", "Ирина", "Сергей"]))
            r.add(f"{g} {fam}", "author")
        r.add(" // ", "other")
        site = ch(rng, SITES + ["PISM", "Biang", "CSIS", "Carnegie", "Korea Herald", "Yonhap News Agency", "KCNA"])
        if lang < 0.2 and rng.random() < 0.6:
            site = cjk_words(rng, HANGUL, 2) + " (" + title(rng, "ru", 3) + ")"
        r.add(site, "container-title")
        r.add(". ", "other")
        if rng.random() < 0.6:
            r.add(ch(rng, [date_dmy(rng, y), f"{date_dmy(rng, y)} г.", str(y), f"{rng.randint(1, 28)} {ch(rng, MONTHS_RU_ABBR)} {y} г."]), "date")
            r.add(". ", "other")
        r.add(ch(rng, ["URL: ", "URL: ", "Available at: ", "Режим доступа: "]), "other")
        u = url(rng)
        r.add(ch(rng, [u, f"<{u}>", f"[{u}]"]), "url")
        if rng.random() < 0.8:
            r.add(" ", "other")
            r.add(ch(rng, [f"(дата обращения: {acc})", f"(дата обращения:{acc})", f"(accessed: {acc})"]), "accessed")
        r.add(".", "other")
        if rng.random() < 0.25:
            r.add(" ", "other")
            r.add(ch(rng, ["(На кит.)", "(На кор.)", "(На англ.)", "(In Chinese)"]), "note")
    return r


def generate(n, seed=1, gost_share=0.65, seed_share=0.0):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        v = rng.random()
        r = seedlike(rng) if v < seed_share else gost_ru(rng) if v < seed_share + gost_share else english(rng)
        out.append(r.xml())
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    print('<?xml version="1.0" encoding="UTF-8"?>\n<dataset>')
    for s in generate(n, seed):
        print("  " + s)
    print("</dataset>")
