/*
 * test_csl_gost.c - the bundled GOST styles on records written for these
 * tests (tests/data/gost/records.json): whole lists in GOST R 7.0.100-2018
 * and 7.0.5-2008 against hand-written strings, alphabetical order
 * (Cyrillic before Latin, ё as е, entries without a heading by title),
 * per-entry language terms, footnote repeats and citation markers.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "litera.h"
#include "litera/csl.h"

static char *slurp(const char *name)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/tests/data/gost/%s", LITERA_SOURCE_DIR, name);
	char *b = test_read_file(path, NULL);
	cr_assert_not_null(b, "%s", path);
	return b;
}

static lit_records *records_from(const char *file)
{
	char *json = slurp(file);
	lit_records *r = lit_records_new();
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	ro.format = "csljson";
	lit_error err;
	cr_assert_eq(lit_read_buffer(r, json, strlen(json), &ro, &err), LIT_OK, "%s", err.message);
	free(json);
	return r;
}

static lit_records *records(void)
{
	return records_from("records.json");
}

/* Collapse runs of spaces (including no-break spaces) to one space. */
static void norm(char *s)
{
	char *o = s;
	int sp = 0;
	for (char *p = s; *p;) {
		if (*p == ' ' || ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)) {
			p += *p == ' ' ? 1 : 2;
			if (!sp)
				*o++ = ' ';
			sp = 1;
			continue;
		}
		sp = 0;
		*o++ = *p++;
	}
	*o = 0;
}

static void compare_lists_of(const char *records_file, const char *format, const char *expected_file)
{
	lit_records *r = records_from(records_file);
	char *out = NULL, *exp = slurp(expected_file);
	size_t len;
	lit_error err;
	lit_write_options wo = LIT_WRITE_OPTIONS_INIT;
	cr_assert_eq(lit_write_buffer(r, format, &wo, &out, &len, &err), LIT_OK, "%s", err.message);
	char *sa, *sb;
	char *la = strtok_r(out, "\n", &sa), *lb = strtok_r(exp, "\n", &sb);
	int n = 0;
	while (la && lb) {
		norm(la);
		norm(lb);
		cr_expect_str_eq(la, lb, "entry %d differs", n + 1);
		la = strtok_r(NULL, "\n", &sa);
		lb = strtok_r(NULL, "\n", &sb);
		n++;
	}
	cr_assert_null(la, "more entries than expected");
	cr_assert_null(lb, "fewer entries than expected");
	cr_assert_eq(n, (int)lit_records_count(r));
	lit_free(out);
	free(exp);
	lit_records_free(r);
}

static void compare_lists(const char *format, const char *expected_file)
{
	compare_lists_of("records.json", format, expected_file);
}

Test(gost, list_7_0_100_2018)
{
	compare_lists("gost", "expected-7.0.100.txt");
}

Test(gost, list_7_0_5_2008)
{
	compare_lists("gost-2008", "expected-7.0.5.txt");
}

/*
 * rules.json: one record per rule fixed after measuring on held-out data:
 * a translation names the source language (пер. с англ. / перевод с
 * английского), the volume of a chapter's host stays in the host's title
 * area (// Избранные труды. Т. 2. – Харьков ...), a dissertation's
 * specialty code (: специальность 10.02.01 : диссертация ... in 7.0.100,
 * : дис. … канд. филол. наук : 10.02.01 in 7.0.5), a designation the title
 * already carries is not repeated, laws outside the legal gazette are cited
 * by page, a site named "официальный сайт" gets no ": [сайт]", one volume
 * of a set ("Title : в 4 т. Т. 2. Volume title : other title information" in
 * 7.0.100), conference proceedings spelled out in 7.0.100, a law's bracketed
 * details left out of a 7.0.5 reference, the translator before the editor,
 * a bibliography note in 7.0.100 (other notes not printed), a standard's
 * long other title information left out of a 7.0.5 reference, the source
 * language of a translation from the custom entry "original-language", a
 * patent's application date (заявл.) before the publication date, a
 * feminine surname behind initials declined (под ред. Н. А. Гусевой), a
 * French entry with the Latin terms (400 p.), a language given by name,
 * several places abbreviated one by one and joined by " ; " (М. ; Л.), a
 * research report of an organisation under its title in 7.0.100 ("/ Институт ;
 * руководитель И. И. Иванов", "Рег. № …"), a program's version in the edition
 * area (Версия 2.1).
 */
Test(gost, rules_7_0_100_2018)
{
	compare_lists_of("rules.json", "gost", "rules-7.0.100.txt");
}

Test(gost, rules_7_0_5_2008)
{
	compare_lists_of("rules.json", "gost-2008", "rules-7.0.5.txt");
}

/*
 * cases.json: one record per type and rule of ../shared/docs/gost.md, written
 * for these tests, with the 7.0.100-2018 and 7.0.5-2008 strings derived from
 * the rules by hand: journal articles (1-3, 4 and 5+ authors, issue without
 * volume, volume without issue, DOI, URL), newspapers (with and without
 * author and issue), books (1/2/4/5+ authors, editors, translators, an
 * organisation, no author, one volume of a set, a whole set, series, ISBN,
 * URL), chapters and conference papers (Russian and English, host editors,
 * event dates), theses, reports, standards, a patent, laws (as a book and in
 * a gazette), web pages and blog posts, foreign places without the state
 * code ("Cambridge, MA" -> "Cambridge"), "No. 4" at the start of an area,
 * DOI before URL in 7.0.5, organisations abbreviated after " / " in 7.0.5
 * (GOST R 7.0.12: "Рос. библ. о-во"), titles ending in "?", a chapter's
 * host under its own author ("// Лихачёв, Д. С. Избранные работы. Т. 2 /
 * Д. С. Лихачёв"), its number of volumes and volume before its editors
 * ("// … : в 10 т. Т. 6 / … ; под ред. …"), a preprint's kind
 * and number as other title information ("препринт № 12") and its page
 * count in 7.0.5, a standard written as a book shortened in 7.0.5,
 * "офиц. сайт" in 7.0.5 (GOST R 7.0.12), a combined issue "№ 1/2", "no. 5/6".
 */
Test(gost, cases_7_0_100_2018)
{
	compare_lists_of("cases.json", "gost", "cases-7.0.100.txt");
}

Test(gost, cases_7_0_5_2008)
{
	compare_lists_of("cases.json", "gost-2008", "cases-7.0.5.txt");
}

static char **entries_of(const char *file, const char *style_name, const char ***ids, size_t *n)
{
	lit_records *r = records_from(file);
	lit_csl_style *st;
	lit_csl_engine *eng;
	lit_error err;
	char **ents;
	cr_assert_eq(lit_csl_style_load(&st, style_name, NULL, &err), LIT_OK, "%s", err.message);
	cr_assert_eq(lit_csl_engine_new(&eng, st, r, LIT_CSL_TEXT, &err), LIT_OK);
	cr_assert_eq(lit_csl_engine_entries(eng, &ents, ids, n, &err), LIT_OK);
	/* the ids belong to the records: copy them out before freeing */
	const char **cp = calloc(*n, sizeof(char *));
	for (size_t i = 0; i < *n; i++)
		cp[i] = strdup((*ids)[i]);
	free((void *)*ids);
	*ids = cp;
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(r);
	return ents;
}

static char **entries(const char *style_name, const char ***ids, size_t *n)
{
	return entries_of("records.json", style_name, ids, n);
}

Test(gost, alphabetical_cyrillic_first)
{
	const char **ids;
	size_t n;
	char **ents = entries("gost-r-7-0-100-2018-alpha", &ids, &n);
	const char *expect[] = { "b2", "s1", "b4", "l1", "c1", "b5", "w1", "n1", "b3", "b1", "t1", "a1", "a3", "b6", "a2" };
	cr_assert_eq(n, sizeof(expect) / sizeof(expect[0]));
	for (size_t i = 0; i < n; i++)
		cr_expect_str_eq(ids[i], expect[i], "position %zu", i + 1);
	/* Ёлкин after Белов in one entry is no issue; Фёдоров files as Федоров, before Latin */
	lit_csl_strings_free(ents, n);
	for (size_t i = 0; i < n; i++)
		free((void *)ids[i]);
	free(ids);
}

Test(gost, per_entry_language_terms)
{
	const char **ids;
	size_t n;
	char **ents = entries("gost-r-7-0-100-2018", &ids, &n);
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(ids[i], "a2")) {
			cr_expect(strstr(ents[i], "Vol. 59, no. 236. \xe2\x80\x93 P. 433\xe2\x80\x93" "460") != NULL, "%s", ents[i]);
			cr_expect(strstr(ents[i], "Text : unmediated") != NULL);
		}
		if (!strcmp(ids[i], "a1"))
			cr_expect(strstr(ents[i], "\xd0\xa2. 59, \xe2\x84\x96 4. \xe2\x80\x93 \xd0\xa1. 12\xe2\x80\x93" "27") != NULL, "%s", ents[i]);
		if (!strcmp(ids[i], "a3"))
			cr_expect(strstr(ents[i], "[et al.]") != NULL, "%s", ents[i]);
		if (!strcmp(ids[i], "b4"))
			cr_expect(strstr(ents[i], "[\xd0\xb8 \xd0\xb4\xd1\x80.]") != NULL, "%s", ents[i]);
		if (!strcmp(ids[i], "w1"))
			/* URL and access date stay Russian */
			cr_expect(strstr(ents[i], "URL: https://example.org/history (\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0 "
			                          "\xd0\xbe\xd0\xb1\xd1\x80\xd0\xb0\xd1\x89\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f: 05.02.2024)") != NULL,
			          "%s", ents[i]);
	}
	lit_csl_strings_free(ents, n);
	for (size_t i = 0; i < n; i++)
		free((void *)ids[i]);
	free(ids);
}

static char **cite_seq_of(const char *file, const char *style_name, const lit_csl_cite *cs, const size_t *counts,
                          size_t ncit)
{
	lit_records *r = records_from(file);
	lit_csl_style *st;
	lit_csl_engine *eng;
	lit_error err;
	cr_assert_eq(lit_csl_style_load(&st, style_name, NULL, &err), LIT_OK, "%s", err.message);
	cr_assert_eq(lit_csl_engine_new(&eng, st, r, LIT_CSL_TEXT, &err), LIT_OK);
	lit_csl_citation cits[8];
	size_t k = 0;
	for (size_t i = 0; i < ncit; i++) {
		cits[i].cites = cs + k;
		cits[i].count = counts[i];
		cits[i].note = (int)i + 1;
		k += counts[i];
	}
	char **out;
	cr_assert_eq(lit_csl_engine_cite(eng, cits, ncit, &out, &err), LIT_OK, "%s", err.message);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(r);
	return out;
}

static char **cite_seq(const char *style_name, const lit_csl_cite *cs, const size_t *counts, size_t ncit)
{
	return cite_seq_of("records.json", style_name, cs, counts, ncit);
}

Test(gost, footnotes_repeat_forms)
{
	lit_csl_cite cs[6];
	memset(cs, 0, sizeof(cs));
	cs[0].id = "b1", cs[0].locator = "25";
	cs[1].id = "b1", cs[1].locator = "30";
	cs[2].id = "a2";
	cs[3].id = "b1", cs[3].locator = "15";
	cs[4].id = "a1", cs[4].locator = "14";
	cs[5].id = "a2", cs[5].locator = "440";
	size_t counts[] = { 1, 1, 1, 1, 2 };
	char **out = cite_seq("gost-r-7-0-5-2008-footnote", cs, counts, 5);
	cr_expect_str_eq(out[0], "\xd0\xa1\xd0\xbc\xd0\xb8\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb0 \xd0\x9e. \xd0\x9f. "
	                 "\xd0\x9e\xd1\x81\xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b \xd1\x82\xd0\xb5\xd0\xbe\xd1\x80\xd0\xb8\xd0\xb8 "
	                 "\xd0\xb3\xd1\x80\xd0\xb0\xd1\x84\xd0\xbe\xd0\xb2 : \xd1\x83\xd1\x87\xd0\xb5\xd0\xb1. "
	                 "\xd0\xbf\xd0\xbe\xd1\x81\xd0\xbe\xd0\xb1\xd0\xb8\xd0\xb5. 3-\xd0\xb5 \xd0\xb8\xd0\xb7\xd0\xb4. "
	                 "\xd0\x9c. : \xd0\x9b\xd0\xb0\xd0\xbd\xd1\x8c, 2018. \xd0\xa1. 25.");
	cr_expect_str_eq(out[1], "\xd0\xa2\xd0\xb0\xd0\xbc \xd0\xb6\xd0\xb5. \xd0\xa1. 30.");  /* Там же. С. 30. */
	cr_expect_str_eq(out[2], "Turing A. M. Computing Machinery and Intelligence // Mind. 1950. Vol. 59, no. 236. "
	                 "P. 433\xe2\x80\x93" "460.");
	/* Смирнова О. П. Указ. соч. С. 15. */
	cr_expect_str_eq(out[3], "\xd0\xa1\xd0\xbc\xd0\xb8\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb0 \xd0\x9e. \xd0\x9f. "
	                 "\xd0\xa3\xd0\xba\xd0\xb0\xd0\xb7. \xd1\x81\xd0\xbe\xd1\x87. \xd0\xa1. 15.");
	/* two works in one footnote, joined by " ; "; Turing again: Op. cit. */
	cr_expect(strstr(out[4], " ; Turing A. M. Op. cit. P. 440.") != NULL, "%s", out[4]);
	cr_expect(strstr(out[4], "\xd0\xa1. 14 ; ") != NULL, "%s", out[4]);
	lit_csl_strings_free(out, 5);
}

Test(gost, numeric_markers_and_in_text)
{
	lit_csl_cite cs[3];
	memset(cs, 0, sizeof(cs));
	cs[0].id = "a1", cs[0].locator = "81";
	cs[1].id = "b2", cs[1].locator = "106";
	cs[2].id = "a2", cs[2].locator = "12";
	size_t counts[] = { 2, 1 };
	char **out = cite_seq("gost-r-7-0-5-2008", cs, counts, 2);
	cr_expect_str_eq(out[0], "[1, \xd1\x81. 81; 2, \xd1\x81. 106]");  /* [1, с. 81; 2, с. 106] */
	cr_expect_str_eq(out[1], "[3, p. 12]");
	lit_csl_strings_free(out, 2);
	size_t one[] = { 1 };
	cs[0].locator = NULL;
	cs[0].id = "b1";
	out = cite_seq("gost-r-7-0-5-2008-intext", cs, one, 1);
	/* (Смирнова О. П. Основы теории графов. М., 2018) */
	cr_expect_str_eq(out[0], "(\xd0\xa1\xd0\xbc\xd0\xb8\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb0 \xd0\x9e. \xd0\x9f. "
	                 "\xd0\x9e\xd1\x81\xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b \xd1\x82\xd0\xb5\xd0\xbe\xd1\x80\xd0\xb8\xd0\xb8 "
	                 "\xd0\xb3\xd1\x80\xd0\xb0\xd1\x84\xd0\xbe\xd0\xb2. \xd0\x9c., 2018)");
	lit_csl_strings_free(out, 1);
}

/* The alphabetical list of cases.json: Cyrillic before Latin, ё as е
 * (Ёжиков between Доклад and Жуков), entries without a heading by title
 * (Куда идти? after Корнилов), a patent under "Патент № …" (before Пеликан),
 * one author's works by title (Ким, О. Заметки / Морфологический / Статья). */
Test(gost, cases_alphabetical)
{
	const char **ids;
	size_t n;
	char **ents = entries_of("cases.json", "gost-r-7-0-100-2018-alpha", &ids, &n);
	const char *expect[] = { "h03", "g05", "g12", "c7", "c5", "h10", "h01", "g26", "g32", "g25", "g01", "x1",
	                         "e2", "x2", "e4", "e5", "x5", "e9", "e8", "h12", "n1", "z1", "v1", "v2", "w1",
	                         "k05", "k03", "w5", "d2", "k08", "g14", "c3", "g22", "g07", "k02", "g30", "c1",
	                         "h16", "g33", "g17", "h05", "g23", "w2", "g21", "k10", "c9", "h04", "w3", "c8",
	                         "h09", "c11", "g27", "h02", "m1", "h18", "h14", "g28", "g13", "w7", "g03", "k01", "h06",
	                         "h13", "c6", "h08", "h07", "g11", "g08", "c2", "g20", "k04", "k09", "g16", "g15",
	                         "m2", "g24", "c4", "h17", "c10", "h11", "g09", "g02", "g04", "g18", "v3", "e1",
	                         "e3", "x3", "e10", "e7", "d1", "g10", "w4", "h15", "g19", "g06" };
	cr_assert_eq(n, sizeof(expect) / sizeof(expect[0]));
	for (size_t i = 0; i < n; i++)
		cr_expect_str_eq(ids[i], expect[i], "position %zu", i + 1);
	lit_csl_strings_free(ents, n);
	for (size_t i = 0; i < n; i++)
		free((void *)ids[i]);
	free(ids);
}

/* Footnotes for foreign and organisation entries: "Ibid. P. 6.", a repeat
 * without a page after one with a page is not "Ibid." (CSL 1.0.2 position
 * rules), "Whitfield R. Op. cit. P. 7.", a report under its title repeated by its
 * title ("Оцифровка фондов… С. 9."), 4+ authors by title. */
Test(gost, footnotes_foreign_and_title_forms)
{
	lit_csl_cite cs[6];
	memset(cs, 0, sizeof(cs));
	cs[0].id = "g06", cs[0].locator = "5";
	cs[1].id = "g06", cs[1].locator = "6";
	cs[2].id = "g06";
	cs[3].id = "g09", cs[3].locator = "3";
	cs[4].id = "g06", cs[4].locator = "7";
	cs[5].id = "g09", cs[5].locator = "8";
	size_t counts[] = { 1, 1, 1, 1, 1, 1 };
	char **out = cite_seq_of("cases.json", "gost-r-7-0-5-2008-footnote", cs, counts, 6);
	cr_expect_str_eq(out[0], "Whitfield R. The Quiet Return of the Card Catalogue // The Guardian. 2016. 3 Sept. P. 5.");
	cr_expect_str_eq(out[1], "Ibid. P. 6.");
	cr_expect_str_eq(out[2], "Whitfield R. Op. cit.");
	cr_expect_str_eq(out[3], "Practical Cryptography / R. Adams [et al.]. London : Springer, 2014. P. 3.");
	cr_expect_str_eq(out[4], "Whitfield R. Op. cit. P. 7.");
	cr_expect_str_eq(out[5], "Practical Cryptography\xe2\x80\xa6 P. 8.");
	lit_csl_strings_free(out, 6);
	/* the report, another work, the report again */
	lit_csl_cite seq[3];
	memset(seq, 0, sizeof(seq));
	seq[0].id = "rp2", seq[0].locator = "5";
	seq[1].id = "tr1";
	seq[2].id = "rp2", seq[2].locator = "9";
	size_t three[] = { 1, 1, 1 };
	out = cite_seq_of("rules.json", "gost-r-7-0-5-2008-footnote", seq, three, 3);
	/* Оцифровка фондов : отчет о НИР (заключ.) / Нац. б-ка ; рук. И. П. Лебедев. М., 2009. С. 5. */
	cr_expect(strstr(out[0], " / \xd0\x9d\xd0\xb0\xd1\x86. \xd0\xb1-\xd0\xba\xd0\xb0 ; "
	                         "\xd1\x80\xd1\x83\xd0\xba. \xd0\x98. \xd0\x9f. ") != NULL, "%s", out[0]);
	/* Оцифровка фондов… С. 9. */
	cr_expect_str_eq(out[2], "\xd0\x9e\xd1\x86\xd0\xb8\xd1\x84\xd1\x80\xd0\xbe\xd0\xb2\xd0\xba\xd0\xb0 "
	                 "\xd1\x84\xd0\xbe\xd0\xbd\xd0\xb4\xd0\xbe\xd0\xb2\xe2\x80\xa6 \xd0\xa1. 9.");
	lit_csl_strings_free(out, 3);
}

/* In-text references (7.0.5-2008): a component part keeps its host,
 * "(Pratt H., Okafor D. K. Sparse Coding … // Journal of Neural Systems.
 * 2018. No. 4. P. 203)"; a book keeps place and year. */
Test(gost, in_text_component_parts)
{
	lit_csl_cite cs[2];
	memset(cs, 0, sizeof(cs));
	cs[0].id = "g02", cs[0].locator = "203";
	cs[1].id = "g08";
	size_t counts[] = { 1, 1 };
	char **out = cite_seq_of("cases.json", "gost-r-7-0-5-2008-intext", cs, counts, 2);
	cr_expect_str_eq(out[0], "(Pratt H., Okafor D. K. Sparse Coding in the Auditory Cortex // Journal of Neural Systems. "
	                 "2018. No. 4. P. 203)");
	cr_expect_str_eq(out[1], "(Harlow P. J., Nguyen T. M. Foundations of Compiler Design. Cambridge, 2009)");
	lit_csl_strings_free(out, 2);
}
