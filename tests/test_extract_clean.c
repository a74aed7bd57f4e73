/*
 * test_extract_clean.c - unit tests of the clean-up rules of extraction
 * (src/extract/cleanup.c): line-break hyphenation repaired or kept for
 * real compounds, URLs and DOIs rejoined, Markdown unwrapped, footnote
 * markers found, headings, labels, bibliographic evidence and repeats.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "extract/extract_int.h"

/* Join the lines of `lines` (NULL-terminated) with the document `doc` as
 * vocabulary; returns a static buffer. */
static const char *join(const char *const *lines, const char *doc)
{
	static char out[2048];
	lit_buf b = LIT_BUF_INIT;
	lit_xvocab v;
	lit_xvocab_init(&v, doc ? doc : "", doc ? strlen(doc) : 0);
	for (size_t i = 0; lines[i]; i++)
		lit_xjoin_line(&b, lines[i], strlen(lines[i]), &v);
	snprintf(out, sizeof out, "%s", b.ptr ? b.ptr : "");
	lit_buf_free(&b);
	lit_xvocab_free(&v);
	return out;
}

#define JOIN2(a, b, doc) join((const char *const[]){ (a), (b), NULL }, (doc))

Test(hyphen, ascii_hyphen_at_line_end_is_repaired)
{
	cr_assert_str_eq(JOIN2("Московский жур-", "нал международного права", NULL),
	                 "Московский журнал международного права");
	cr_assert_str_eq(JOIN2("the com-", "prehensive treaty", NULL), "the comprehensive treaty");
}

Test(hyphen, soft_hyphen_and_replacement_char)
{
	cr_assert_str_eq(JOIN2("госу\u00ad", "дарством", NULL), "государством");
	cr_assert_str_eq(JOIN2("стратегиче\ufffd", "ском партнерстве", NULL),
	                 "стратегическом партнерстве");
	/* U+FFFD in the middle of a line is a lost hyphen and stays as printed */
	cr_assert_str_eq(JOIN2("Russia\ufffdDPRK", "relations", NULL), "Russia\ufffdDPRK relations");
}

Test(hyphen, compounds_keep_their_hyphen)
{
	/* capital after the hyphen */
	cr_assert_str_eq(JOIN2("МГИМО-", "Университет", NULL), "МГИМО-Университет");
	cr_assert_str_eq(JOIN2("Russia-", "North Korea", NULL), "Russia-North Korea");
	/* digit after the hyphen */
	cr_assert_str_eq(JOIN2("COVID-", "19 pandemic", NULL), "COVID-19 pandemic");
	/* all-capital first part */
	cr_assert_str_eq(JOIN2("IT-", "компания", NULL), "IT-компания");
	/* known first part of a compound adjective */
	cr_assert_str_eq(JOIN2("российско-", "северокорейский договор", NULL),
	                 "российско-северокорейский договор");
}

Test(hyphen, document_vocabulary_decides)
{
	const char *doc = "Сотрудничество носит торгово-экономический характер. Далее: торгово-\n"
	                  "экономический. И ещё торгово-экономический.";
	cr_assert_str_eq(JOIN2("торгово-", "экономический", doc), "торгово-экономический");
	const char *doc2 = "Слово политике встречается: политике, политике. по-\nлитике";
	cr_assert_str_eq(JOIN2("по-", "литике", doc2), "политике");
	/* the second part is a word of the text and the first ends in -о: compound */
	const char *doc3 = "северокорейский режим и северокорейский лидер";
	cr_assert_str_eq(JOIN2("сибирско-", "северокорейский", doc3), "сибирско-северокорейский");
}

Test(url, split_urls_are_rejoined_exactly)
{
	cr_assert_str_eq(JOIN2("URL: https://", "www.interfax-russia.ru/main/x (accessed:", NULL),
	                 "URL: https://www.interfax-russia.ru/main/x (accessed:");
	cr_assert_str_eq(JOIN2("http://www.xinhuanet.com/world/", "2017-07/05/c_1.html (дата", NULL),
	                 "http://www.xinhuanet.com/world/2017-07/05/c_1.html (дата");
	/* a hyphen inside a URL is kept */
	cr_assert_str_eq(JOIN2("https://a.com/china-unnerved-russia-growing-", "ties-north-korea (accessed", NULL),
	                 "https://a.com/china-unnerved-russia-growing-ties-north-korea (accessed");
	/* a URL cut in the middle of a word */
	cr_assert_str_eq(JOIN2("https://www.economist.com/raises-difficult-ques", "tions-in-china (accessed", NULL),
	                 "https://www.economist.com/raises-difficult-questions-in-china (accessed");
	cr_assert_str_eq(JOIN2("https://v.cctv.com/2024/VIDEQ95kKrKZL6v", "KXQF3Q9PT241129.shtml (дата", NULL),
	                 "https://v.cctv.com/2024/VIDEQ95kKrKZL6vKXQF3Q9PT241129.shtml (дата");
	/* a DOI */
	cr_assert_str_eq(JOIN2("DOI: 10.24833/0869-0049-", "2022-1-6-19.", NULL),
	                 "DOI: 10.24833/0869-0049-2022-1-6-19.");
	/* a complete URL followed by text gets a space */
	cr_assert_str_eq(JOIN2("URL: https://tass.ru/politika/22211493", "(дата обращения: 12.12.2024).", NULL),
	                 "URL: https://tass.ru/politika/22211493 (дата обращения: 12.12.2024).");
	cr_assert_str_eq(JOIN2("URL: <https://tass.ru/x>", "Accessed 2020", NULL),
	                 "URL: <https://tass.ru/x> Accessed 2020");
	cr_assert_str_eq(JOIN2("см. https://example.org/page", "Далее текст", NULL),
	                 "см. https://example.org/page Далее текст");
}

static const char *unwrap(const char *s)
{
	static char out[1024];
	lit_buf b = LIT_BUF_INIT;
	lit_xunwrap_markdown(&b, s, strlen(s));
	snprintf(out, sizeof out, "%s", b.ptr ? b.ptr : "");
	lit_buf_free(&b);
	return out;
}

Test(markdown, wrappers_are_unwrapped)
{
	cr_assert_str_eq(unwrap("URL: <https://tass.ru/ekonomika/18324161> (дата"),
	                 "URL: https://tass.ru/ekonomika/18324161 (дата");
	cr_assert_str_eq(unwrap("до \\$2,18 млрд"), "до $2,18 млрд");
	cr_assert_str_eq(unwrap("[https://b.ru/a-\\\\$2.html](https://b.ru/a-$2.html) (дата"),
	                 "https://b.ru/a-$2.html (дата");
	cr_assert_str_eq(unwrap("*Asia Policy*. 2024"), "Asia Policy. 2024");
	cr_assert_str_eq(unwrap("[the report](https://x.org/r)"), "the report (https://x.org/r)");
	cr_assert_str_eq(unwrap("a < b and c > d"), "a < b and c > d");
}

typedef struct found {
	long num[16];
	int sup[16];
	int n;
} found;

static void collect(void *ctx, long num, int sup, size_t off)
{
	found *f = ctx;
	(void)off;
	if (f->n < 16) {
		f->num[f->n] = num;
		f->sup[f->n] = sup;
		f->n++;
	}
}

static found markers(const char *s)
{
	found f;
	memset(&f, 0, sizeof f);
	lit_xfind_markers(s, strlen(s), collect, &f);
	return f;
}

Test(markers, superscripts_and_glued_digits)
{
	found f = markers("Корейской Народно-Демократической Республикой¹. Далее²³ текст");
	cr_assert_eq(f.n, 2);
	cr_assert_eq(f.num[0], 1);
	cr_assert_eq(f.num[1], 23);
	cr_assert_eq(f.sup[0], 1);
	f = markers("отношений1. А также Хасан-Рачжин42, и СВА1 и «Пекин—Москва»2.");
	cr_assert_eq(f.n, 4);
	cr_assert_eq(f.num[0], 1);
	cr_assert_eq(f.num[1], 42);
	cr_assert_eq(f.num[2], 1);
	cr_assert_eq(f.num[3], 2);
	cr_assert_eq(f.sup[1], 0);
}

Test(markers, not_markers)
{
	/* codes, units, dates, URLs, decimals */
	found f = markers("G20 и CO2, МиГ-29, Су-27, м2 http://x.ru/kc4be46b9 date26.02.2023 v2.0 a@b1.ru");
	cr_assert_eq(f.n, 0, "found %d, first %ld", f.n, f.num[0]);
	/* a superscript at the start of a line is a footnote label, not a marker */
	f = markers("¹ Договор о партнерстве");
	cr_assert_eq(f.n, 0);
	f = markers("Markdown note[^12] here");
	cr_assert_eq(f.n, 1);
	cr_assert_eq(f.num[0], 12);
}

Test(headings, russian_and_english)
{
	cr_assert_eq(lit_xheading_kind("Литература", strlen("Литература")), LIT_XW_LIST);
	cr_assert_eq(lit_xheading_kind("СПИСОК ЛИТЕРАТУРЫ", strlen("СПИСОК ЛИТЕРАТУРЫ")), LIT_XW_LIST);
	cr_assert_eq(lit_xheading_kind("Библиографический список:", strlen("Библиографический список:")), LIT_XW_LIST);
	cr_assert_eq(lit_xheading_kind("Источники и литература", strlen("Источники и литература")), LIT_XW_LIST);
	cr_assert_eq(lit_xheading_kind("## References", strlen("## References")), LIT_XW_LIST);
	cr_assert_eq(lit_xheading_kind("5. Bibliography", strlen("5. Bibliography")), LIT_XW_LIST);
	cr_assert_eq(lit_xheading_kind("Works Cited", strlen("Works Cited")), LIT_XW_LIST);
	cr_assert_eq(lit_xheading_kind("Примечания", strlen("Примечания")), LIT_XW_END);
	cr_assert_eq(lit_xheading_kind("Notes", strlen("Notes")), LIT_XW_END);
	const char *no = "Литература по теме обширна и разнообразна.";
	cr_assert_eq(lit_xheading_kind(no, strlen(no)), 0);
}

Test(labels, values)
{
	cr_assert_eq(lit_xlabel_value("12", 2), 12);
	cr_assert_eq(lit_xlabel_value("¹²", strlen("¹²")), 12);
	cr_assert_eq(lit_xlabel_value("x", 1), -1);
	cr_assert_eq(lit_xlabel_value("", 0), -1);
}

Test(classify, bibliographic_evidence)
{
	const char *ref = "Лукин А. В. Китай и Арктика // Россия в глобальной политике. 2024. № 1. С. 88–101.";
	const char *note = "Здесь и далее перевод автора.";
	const char *web = "Russia Supports North Korea // PISM. URL: <https://www.pism.pl/x>";
	cr_assert_geq(lit_xbib_score(ref, strlen(ref)), 2);
	cr_assert_geq(lit_xbib_score(web, strlen(web)), 2);
	cr_assert_lt(lit_xbib_score(note, strlen(note)), 2);
	/* archival shelfmarks cite a source though they carry no year */
	const char *arch = "ГАРФ. Ф. 5446. Оп. 1. Д. 12. Л. 3–5.";
	const char *arch_en = "GARF. F. 5446. Op. 1. D. 12. L. 3.";
	const char *opus = "Оп. 1 и Ф. 2 упомянуты выше без номеров";
	cr_assert_geq(lit_xbib_score(arch, strlen(arch)), 2);
	cr_assert_geq(lit_xbib_score(arch_en, strlen(arch_en)), 2);
	cr_assert_geq(lit_xbib_score(opus, strlen(opus)), 2);   /* a shelfmark, even in prose */
	/* "URL" and "DOI" as words only */
	const char *head = "A. NURLANOVA";
	cr_assert_lt(lit_xbib_score(head, strlen(head)), 2);
	const char *opno = "Оп. без номера";
	cr_assert_lt(lit_xbib_score(opno, strlen(opno)), 2);
	/* a lower-case shelfmark (Chicago: "f. 2736, op. 1, d. 45") */
	const char *arch_lc = "Latvian State Historical Archive (LVVA), f. 2736, op. 1, d. 45, l. 12.";
	cr_assert_geq(lit_xbib_score(arch_lc, strlen(arch_lc)), 2);
	const char *opcit = "Smith, op. cit.";   /* a repeat, no shelfmark */
	cr_assert_lt(lit_xbib_score(opcit, strlen(opcit)), 5);
}

Test(classify, introductory_clauses)
{
	size_t loc;
	/* a clause ending in "см.:" / ", see" introduces the work */
	const char *a = "Об этом подробнее см.: Петров В. Н. Указ. соч. С. 115.";
	cr_assert_eq(lit_xintro_len(a, strlen(a)), strlen("Об этом подробнее см.: "));
	cr_assert_eq(lit_xrepeat_kind(a, strlen(a), &loc), 2);
	cr_assert_str_eq(a + loc, "С. 115.");
	const char *b = "On the 1905 strikes in the port, see Raudsepp, “Merchants and Money,” 320.";
	cr_assert_eq(lit_xintro_len(b, strlen(b)), strlen("On the 1905 strikes in the port, see "));
	/* not when a reference or a sentence has begun before it */
	const char *c = "Иванов И. И. Как мы см. выше. М., 2000.";
	cr_assert_eq(lit_xintro_len(c, strlen(c)), 0);
	const char *d = "Smith J. Ways to see the city. London, 2001.";
	cr_assert_eq(lit_xintro_len(d, strlen(d)), 0);
	const char *e = "Подробнее об этом см. Там же. С. 4.";
	cr_assert_eq(lit_xintro_clause(e, strlen(e)), strlen("Подробнее об этом см. "));
	cr_assert_eq(lit_xrepeat_kind(e, strlen(e), &loc), 1);
}

Test(classify, repeats)
{
	size_t loc;
	const char *a = "Там же. С. 45.";
	cr_assert_eq(lit_xrepeat_kind(a, strlen(a), &loc), 1);
	cr_assert_str_eq(a + loc, "С. 45.");
	const char *b = "Ibid., p. 12.";
	cr_assert_eq(lit_xrepeat_kind(b, strlen(b), &loc), 1);
	cr_assert_str_eq(b + loc, "p. 12.");
	const char *c = "Смирнов К. Л. Указ. соч. С. 118.";
	cr_assert_eq(lit_xrepeat_kind(c, strlen(c), &loc), 2);
	cr_assert_str_eq(c + loc, "С. 118.");
	const char *d = "Jones A. Op. cit. P. 50.";
	cr_assert_eq(lit_xrepeat_kind(d, strlen(d), &loc), 2);
	const char *e = "Иванов И. И. Книга. М., 2000.";
	cr_assert_eq(lit_xrepeat_kind(e, strlen(e), &loc), 0);
	/* an introducing "См.:" / "Cf." before the repeat */
	const char *f = "См.: там же. С. 33.";
	cr_assert_eq(lit_xrepeat_kind(f, strlen(f), &loc), 1);
	cr_assert_str_eq(f + loc, "С. 33.");
	const char *g = "Cf. Smith, op. cit., p. 9.";
	cr_assert_eq(lit_xrepeat_kind(g, strlen(g), &loc), 2);
	cr_assert_str_eq(g + loc, "p. 9.");
	cr_assert_eq(lit_xintro_len(g, strlen(g)), 4);
	const char *j = "См., например: Там же. С. 5.";
	cr_assert_eq(lit_xrepeat_kind(j, strlen(j), &loc), 1);
	cr_assert_str_eq(j + loc, "С. 5.");
	const char *h = "См. также работы 1990-х гг.";
	cr_assert_eq(lit_xrepeat_kind(h, strlen(h), &loc), 0);
	cr_assert_eq(loc, strlen(h));
	const char *i = "Там жеребьёвка проходила в 2001 г.";
	cr_assert_eq(lit_xrepeat_kind(i, strlen(i), &loc), 0);
}
