#!/usr/bin/env python3
"""Generates src/parse/lexicon.c (the sorted word table the parser features consult)."""
# generates src/parse/lexicon.c (sorted word table)
L = {}
def add(bits, words):
    for w in words.split():
        w = w.replace('_', ' ')
        L[w] = L.get(w, []) + [bits]
add('MONTH', '''january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec janv févr fevr avr juil sept déc
januar februar märz juni juli oktober dezember janvier février mars avril mai juin juillet août septembre octobre novembre décembre
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
янв февр фев апр авг сент сен окт нояб ноя дек spring summer autumn fall winter весна лето осень зима''')
add('VOL', 'vol vols volume volumes т том тома bd band tome tomo v vyp')
add('NUM', 'no nos number issue iss № n nr num вып выпуск нр no_. ч part pt кн книга suppl supplement')
add('PAGE', 'pp p pg pgs page pages с стр s ss с_. seiten pagg')
add('EXTENT', 'с p pp pages стр s л илл ил табл')
add('ED', 'ed eds edited editor editors ed_by hrsg hrsgg herausgegeben éd éds dir под ред редакцией общ отв сост составитель составители редактор ред.-сост науч гл coord')
add('IN', 'in in: dans в кн en')
add('ETAL', 'et al al. др and_others others u.a et_al')
add('AND', 'and & и und et y e')
add('URLW', 'url retrieved available from режим доступа online at avail http https www')
add('ACCESS', 'accessed accessed: access дата обращения обр visited viewed consulted abgerufen retrieved')
add('PLACE', '''м спб л н.новгород london new york paris berlin oxford cambridge amsterdam boston chicago leipzig vienna wien
princeton washington dc ny ma ca nj uk usa u.s.a. tokyo moscow москва санкт-петербург петербург ленинград киев минск новосибирск
екатеринбург казань тарту ростов н/д heidelberg stuttgart munich münchen frankfurt hamburg zürich zurich basel bern geneva genève
madrid barcelona rome roma milan milano florence firenze torino bologna napoli lisbon brussels leiden utrecht dordrecht
copenhagen stockholm oslo helsinki warsaw prague praha budapest bucharest sofia athens beijing shanghai seoul pyongyang
hong kong singapore delhi bombay mumbai calcutta sydney melbourne toronto montreal ottawa vancouver philadelphia baltimore
los angeles san francisco berkeley stanford ithaca ann arbor new haven cambridge, mass london: hoboken englewood cliffs upper saddle river
thousand oaks newbury park beverly hills malden chichester oxon abingdon routledge basingstoke harmondsworth edinburgh glasgow
manchester dublin belfast cardiff bristol brighton leeds sheffield nottingham toulouse lyon marseille bordeaux lille strasbourg
mass conn calif ill pa md mich wis minn tex fla va ga nc wa il tx fl pa mi oh ont b.c. n.j. n.y. d.c. владивосток хабаровск
иркутск томск омск пермь самара саратов воронеж ярославль красноярск уфа челябинск нижний новгород калининград вологда архангельск
мурманск петрозаводск якутск улан-удэ бишкек алматы алма-ата ташкент баку ереван тбилиси рига вильнюс таллин кишинев харьков одесса львов
s.l. б.м place''')
add('PUBL', '''press publishers publisher publishing publ pub books verlag éditions editions editorial edizioni wiley springer elsevier
academic routledge sage blackwell kluwer pergamon macmillan penguin norton harper mcgraw-hill prentice addison-wesley
cup oup ieee acm siam ams crc dover thieme karger lippincott saunders mosby nauka наука изд-во издательство изд издательский
дом юрайт проспект инфра-м инфра питер эксмо аст логос прогресс мысль юнити физматлит высшая школа статут норма
феникс дашков кнорус лань academia литература искусство советская энциклопедия энциклопедия мир просвещение росспэн
university univ college institute inst company co inc ltd gmbh ag s.a. llc group associates corp corporation
б.и
''')
add('JOURNAL', '''journal j journ review rev letters lett proceedings proc transactions trans annals ann bulletin bull quarterly
magazine newsletter acta zeitschrift zeitschr revue rivista archives arch reports rep research res science sciences nature physical phys
chemistry chem medicine med studies stud quarterly international int american am european eur british br
журнал журн вестник вестн известия изв труды тр записки зап ученые уч доклады докл вопросы вопр проблемы пробл
сборник сб альманах бюллетень бюл обозрение мир газета новости review обзор''')
add('EDITION', 'edition ed изд издание edn aufl auflage éd revised rev enlarged перераб доп испр стер 1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 2-е 3-е 4-е 5-е 6-е 7-е 8-е 9-е 10-е 1-е')
add('GENRE', '''thesis dissertation diss phd ph.d ph.d. master's masters doctoral report technical tech working paper preprint
дис дисс диссертация автореф автореферат канд д-ра кандидата доктора наук учеб учебник пособие монография
отчет отчёт нир препринт рукопись тезисы доклад материалы конференции конф патент пат гост стандарт
закон федер федеральный указ постановление распоряжение приказ кодекс''')
add('MEDIUM', 'электронный ресурс текст непосредственный электронный электрон online cd-rom dvd video film [электронный [текст] ресурс] видео')
add('TRANS', 'пер переводчик перевод trans transl translated translator translation übers übersetzt trad traduit')
add('IDENT', 'isbn issn doi arxiv pmid pmcid pii eisbn e-issn eissn urn hdl')
add('CONF', 'proceedings proc conference conf symposium symp workshop congress meeting colloquium конференция конф симпозиум съезд семинар форум материалы междунар всерос науч.-практ')
add('STOP', '''the a an of in on and for to with from by at as is are its their our how what why new
la le les des du de et der die das und für von zur zum el los las del y il di della per
в на и о об с к по для из от как при о''')
add('UNIV', 'university univ universität université universidad università college institute institut school academy академия университет ун-т институт ин-т вуз гу государственный центр center centre laboratory лаборатория')
add('LAW', 'закон указ постановление распоряжение кодекс конституция act law regulation directive decree статья ст фз федер федеральный приказ')
bitsname = lambda b: ' | '.join('LIT_LEX_' + x for x in sorted(set(b)))
out = []
for w in sorted(L):
    if not w: continue
    out.append('\t{ "%s", %d, %s },' % (w.replace('\\','\\\\').replace('"','\\"'), len(w.encode()), bitsname(L[w])))
src = '''/*
 * lexicon.c - word lists the parser's features consult: months, GOST and
 * English abbreviations, place names, publisher, journal, genre and medium
 * words.  Keys are lower-case (ё as е), without surrounding punctuation,
 * sorted bytewise (a test checks the order) for binary search.
 */
#include <string.h>
#include "parse_internal.h"

typedef struct lex_entry {
	const char *word;
	uint32_t len;
	uint32_t bits;
} lex_entry;

static const lex_entry lexicon[] = {
%s
};

uint32_t lit_plex_lookup(const char *lower, size_t len)
{
	size_t lo = 0, hi = sizeof lexicon / sizeof lexicon[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *w = lexicon[mid].word;
		size_t wl = lexicon[mid].len;
		int c = memcmp(w, lower, wl < len ? wl : len);
		if (c == 0)
			c = (wl > len) - (wl < len);
		if (c == 0)
			return lexicon[mid].bits;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* For tests: 1 when the table is sorted and duplicate-free. */
int lit_plex_check(void);
int lit_plex_check(void)
{
	for (size_t i = 1; i < sizeof lexicon / sizeof lexicon[0]; i++)
		if (strcmp(lexicon[i - 1].word, lexicon[i].word) >= 0 || strlen(lexicon[i].word) != lexicon[i].len)
			return 0;
	return 1;
}
''' % '\n'.join(out)
open(__import__('os').path.join(__import__('os').path.dirname(__file__), '..', 'src', 'parse', 'lexicon.c'), 'w').write(src)
print(len(out))
