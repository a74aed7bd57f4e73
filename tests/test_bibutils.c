/*
 * test_bibutils.c - the libbibutils adapter: every reader on the sample
 * files in tests/data, the writers, content detection, and one regression
 * test per libbibutils 7.2 defect listed in issue 2 (RIS Y2 and T2, ISBN-13,
 * "and others", @online, BOM, writers changing data, @string leaking,
 * Cyrillic LaTeX escapes).  Tests that go through the BibTeX, RIS or
 * CSL-JSON readers use only the public API.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "litera/io.h"
#include "litera/record.h"

/* ---------------------------------------------------------------- helpers */

static char *slurp(const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/data/%s", LITERA_SOURCE_DIR, name);
	char *buf = test_read_file(path, len);
	cr_assert_not_null(buf, "cannot read %s", path);
	return buf;
}

/* Read text in `format` (NULL: detect); asserts success. */
static lit_records *read_text(const char *text, size_t len, const char *format)
{
	lit_records *rs = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	char msg[1200];
	memset(&err, 0, sizeof err);
	o.format = format;
	o.filename = "test-input";
	int rc = lit_read_buffer(rs, text, len, &o, &err);
	cr_assert_eq(rc, LIT_OK, "reading %s failed: %s", format ? format : "(detected)",
	             lit_error_format(&err, msg, sizeof msg));
	return rs;
}

static lit_records *read_str(const char *text, const char *format)
{
	return read_text(text, strlen(text), format);
}

static lit_records *read_sample(const char *name, const char *format)
{
	size_t len;
	char *text = slurp(name, &len);
	lit_records *rs = read_text(text, len, format);
	free(text);
	return rs;
}

/* Write; asserts success; caller frees. */
static char *write_fmt(const lit_records *rs, const char *format, size_t *len)
{
	char *out = NULL;
	size_t n = 0;
	lit_error err;
	memset(&err, 0, sizeof err);
	int rc = lit_write_buffer(rs, format, NULL, &out, &n, &err);
	cr_assert_eq(rc, LIT_OK, "writing %s failed: %s", format, err.message);
	cr_assert_not_null(out);
	if (len)
		*len = n;
	return out;
}

/* The record whose title starts with `prefix`. */
static const lit_record *by_title(const lit_records *rs, const char *prefix)
{
	for (size_t i = 0; i < lit_records_count(rs); i++) {
		const char *t = lit_record_get(lit_records_at(rs, i), LIT_VAR_TITLE);
		if (t && strncmp(t, prefix, strlen(prefix)) == 0)
			return lit_records_at(rs, i);
	}
	cr_assert_fail("no record titled '%s...'", prefix);
	return NULL;
}

static void assert_var(const lit_record *r, lit_var v, const char *want)
{
	const char *got = lit_record_get(r, v);
	cr_assert_not_null(got, "%s missing (want '%s')", lit_var_name(v), want);
	cr_assert_str_eq(got, want, "%s: got '%s', want '%s'", lit_var_name(v), got, want);
}

static const lit_name *name_at(const lit_record *r, lit_var v, size_t i)
{
	const lit_name *n = lit_record_name(r, v, i);
	cr_assert_not_null(n, "%s[%zu] missing", lit_var_name(v), i);
	return n;
}

/* Field-by-field equality of two records (types, ids excluded). */
static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void assert_same_record(const lit_record *a, const lit_record *b)
{
	cr_assert_eq(lit_record_type(a), lit_record_type(b));
	cr_assert(same_str(lit_record_id(a), lit_record_id(b)));
	for (int v = 0; v < LIT_VAR__COUNT; v++) {
		switch (lit_var_kind_of((lit_var)v)) {
		case LIT_KIND_TEXT:
		case LIT_KIND_NUMBER:
			cr_assert(same_str(lit_record_get(a, (lit_var)v), lit_record_get(b, (lit_var)v)),
			          "%s differs", lit_var_name((lit_var)v));
			break;
		case LIT_KIND_NAME: {
			size_t n = lit_record_name_count(a, (lit_var)v);
			cr_assert_eq(n, lit_record_name_count(b, (lit_var)v));
			cr_assert_eq(lit_record_names_etal(a, (lit_var)v), lit_record_names_etal(b, (lit_var)v));
			for (size_t i = 0; i < n; i++) {
				const lit_name *x = lit_record_name(a, (lit_var)v, i);
				const lit_name *y = lit_record_name(b, (lit_var)v, i);
				cr_assert(same_str(x->family, y->family) && same_str(x->given, y->given) &&
				          same_str(x->literal, y->literal) && same_str(x->suffix, y->suffix));
			}
			break;
		}
		case LIT_KIND_DATE: {
			const lit_date *x = lit_record_date(a, (lit_var)v), *y = lit_record_date(b, (lit_var)v);
			cr_assert_eq(!x, !y);
			if (x)
				cr_assert(x->year == y->year && x->month == y->month && x->day == y->day &&
				          x->end_year == y->end_year && same_str(x->literal, y->literal));
			break;
		}
		}
	}
}

/* A record built through the API (no reader involved). */
static lit_record *make_article(void)
{
	lit_record *r = lit_record_new();
	lit_record_set_type(r, LIT_TYPE_ARTICLE_JOURNAL);
	lit_record_set_id(r, "ivanov2020");
	lit_record_set(r, LIT_VAR_TITLE, "Сближение & «кавычки»: <теги>");
	lit_record_set(r, LIT_VAR_CONTAINER_TITLE, "Вестник МГУ. Серия 3: Физика");
	lit_record_set(r, LIT_VAR_VOLUME, "12");
	lit_record_set(r, LIT_VAR_ISSUE, "4");
	lit_record_set(r, LIT_VAR_PAGE, "40-58");
	lit_record_set(r, LIT_VAR_DOI, "10.1234/abc.2020.4");
	lit_record_set(r, LIT_VAR_URL, "https://example.org/a?b=c&d=e");
	lit_record_set(r, LIT_VAR_ISSN, "0320-8095");
	lit_record_set(r, LIT_VAR_LANGUAGE, "ru");
	lit_name n = { .family = "Иванов", .given = "Иван Иванович" };
	lit_record_add_name(r, LIT_VAR_AUTHOR, &n);
	lit_name m = { .family = "Smith", .given = "John" };
	lit_record_add_name(r, LIT_VAR_AUTHOR, &m);
	lit_record_set_names_etal(r, LIT_VAR_AUTHOR, 1);
	lit_date d = { .year = 2020, .month = 5 };
	lit_record_set_date(r, LIT_VAR_ISSUED, &d);
	return r;
}

static lit_record *make_book(void)
{
	lit_record *r = lit_record_new();
	lit_record_set_type(r, LIT_TYPE_BOOK);
	lit_record_set_id(r, "knuth1997");
	lit_record_set(r, LIT_VAR_TITLE, "The Art of Computer Programming");
	lit_record_set(r, LIT_VAR_PUBLISHER, "Addison-Wesley");
	lit_record_set(r, LIT_VAR_PUBLISHER_PLACE, "Reading, MA");
	lit_record_set(r, LIT_VAR_ISBN, "978-0-201-89683-1");
	lit_record_set(r, LIT_VAR_EDITION, "3");
	lit_name n = { .family = "Knuth", .given = "Donald E." };
	lit_record_add_name(r, LIT_VAR_AUTHOR, &n);
	lit_name org = { .literal = "ООО «Рога и копыта»" };
	lit_record_add_name(r, LIT_VAR_EDITOR, &org);
	lit_date d = { .year = 1997 };
	lit_record_set_date(r, LIT_VAR_ISSUED, &d);
	return r;
}

static lit_record *make_webpage(void)
{
	lit_record *r = lit_record_new();
	lit_record_set_type(r, LIT_TYPE_WEBPAGE);
	lit_record_set_id(r, "portal2024");
	lit_record_set(r, LIT_VAR_TITLE, "Портал госуслуг");
	lit_record_set(r, LIT_VAR_URL, "https://www.gosuslugi.ru/");
	lit_date acc = { .year = 2024, .month = 5, .day = 1 };
	lit_record_set_date(r, LIT_VAR_ACCESSED, &acc);
	return r;
}

static lit_records *make_set(void)
{
	lit_records *rs = lit_records_new();
	lit_records_push(rs, make_article());
	lit_records_push(rs, make_book());
	lit_records_push(rs, make_webpage());
	return rs;
}

/* ------------------------------------------------------------ readers */

Test(bibutils_read, endnote_refer)
{
	lit_records *rs = read_sample("sample.enw", "endnote");
	cr_assert_eq(lit_records_count(rs), 3);
	const lit_record *a = by_title(rs, "Иноязычные");
	cr_assert_eq(lit_record_type(a), LIT_TYPE_ARTICLE_JOURNAL);
	assert_var(a, LIT_VAR_CONTAINER_TITLE, "Вестник Московского университета. Серия 13: Востоковедение");
	assert_var(a, LIT_VAR_PAGE, "40-58");
	assert_var(a, LIT_VAR_VOLUME, "13");
	assert_var(a, LIT_VAR_ISSUE, "1");
	assert_var(a, LIT_VAR_ISSN, "0320-8095");
	assert_var(a, LIT_VAR_DOI, "10.1234/vmu.2007.1.40");
	assert_var(a, LIT_VAR_KEYWORD, "заимствования, иврит");
	cr_assert_str_eq(name_at(a, LIT_VAR_AUTHOR, 0)->family, "Светлова");
	cr_assert_str_eq(name_at(a, LIT_VAR_AUTHOR, 0)->given, "Мария Викторовна");
	cr_assert_eq(lit_record_date(a, LIT_VAR_ISSUED)->year, 2007);
	cr_assert_eq(lit_record_line(a), 1);
	cr_assert_str_eq(lit_record_source(a), "test-input");

	const lit_record *c = by_title(rs, "Глава");
	cr_assert_eq(lit_record_type(c), LIT_TYPE_CHAPTER);
	assert_var(c, LIT_VAR_CONTAINER_TITLE, "Сборник статей по лингвистике");
	cr_assert_str_eq(name_at(c, LIT_VAR_EDITOR, 0)->family, "Иванов");
	assert_var(c, LIT_VAR_PUBLISHER, "Наука");
	assert_var(c, LIT_VAR_PUBLISHER_PLACE, "Москва");
	cr_assert_eq(lit_record_line(c), 29);
	lit_records_free(rs);
}

Test(bibutils_read, endnote_xml)
{
	lit_records *rs = read_sample("sample_endnote.xml", "endnotexml");
	cr_assert_eq(lit_records_count(rs), 2);
	const lit_record *a = by_title(rs, "Квантовые");
	cr_assert_eq(lit_record_type(a), LIT_TYPE_ARTICLE_JOURNAL);
	assert_var(a, LIT_VAR_CONTAINER_TITLE, "Физика и техника полупроводников");
	assert_var(a, LIT_VAR_DOI, "10.21883/FTP.2020.10.49937");
	assert_var(a, LIT_VAR_PAGE, "1021-1030");
	cr_assert_eq(lit_record_name_count(a, LIT_VAR_AUTHOR), 2);
	const lit_record *b = by_title(rs, "Algorithms");
	cr_assert_eq(lit_record_type(b), LIT_TYPE_BOOK);
	assert_var(b, LIT_VAR_ISBN, "978-0-13-022418-7");
	assert_var(b, LIT_VAR_TITLE, "Algorithms + Data Structures = Programs");
	lit_records_free(rs);
}

Test(bibutils_read, mods)
{
	lit_records *rs = read_sample("sample_mods.xml", "mods");
	cr_assert_eq(lit_records_count(rs), 2);
	const lit_record *b = by_title(rs, "Методы");
	cr_assert_eq(lit_record_type(b), LIT_TYPE_BOOK);
	assert_var(b, LIT_VAR_TITLE, "Методы машинного обучения: учебное пособие");
	assert_var(b, LIT_VAR_PUBLISHER, "Питер");
	assert_var(b, LIT_VAR_PUBLISHER_PLACE, "Санкт-Петербург");
	cr_assert_str_eq(lit_record_id(b), "kuznetsov2019");
	const lit_record *a = by_title(rs, "Graph");
	cr_assert_eq(lit_record_type(a), LIT_TYPE_ARTICLE_JOURNAL);
	assert_var(a, LIT_VAR_CONTAINER_TITLE, "Scientometrics");
	assert_var(a, LIT_VAR_VOLUME, "126");
	assert_var(a, LIT_VAR_PAGE, "3001-3025");
	cr_assert_eq(lit_record_date(a, LIT_VAR_ISSUED)->year, 2021);
	lit_records_free(rs);
}

Test(bibutils_read, isi)
{
	lit_records *rs = read_sample("sample.isi", "isi");
	cr_assert_eq(lit_records_count(rs), 2);
	const lit_record *a = by_title(rs, "Нелинейная");
	cr_assert_eq(lit_record_type(a), LIT_TYPE_ARTICLE_JOURNAL);
	cr_assert_str_eq(name_at(a, LIT_VAR_AUTHOR, 0)->family, "Орлов");
	assert_var(a, LIT_VAR_DOI, "10.1070/QEL16543");
	assert_var(a, LIT_VAR_PAGE, "201-209");
	/* generated bibutils keys (Орлов2018) are not kept as ids */
	cr_assert_null(lit_record_id(a));
	lit_records_free(rs);
}

Test(bibutils_read, medline_and_nbib)
{
	lit_records *rs = read_sample("sample_medline.xml", "medline");
	cr_assert_eq(lit_records_count(rs), 2);
	const lit_record *a = by_title(rs, "Эпидемиология");
	assert_var(a, LIT_VAR_PMID, "31234567");
	assert_var(a, LIT_VAR_CONTAINER_TITLE, "Вопросы вирусологии");
	assert_var(a, LIT_VAR_PAGE, "55-62");
	cr_assert_eq(lit_record_date(a, LIT_VAR_ISSUED)->month, 3);
	lit_records_free(rs);

	rs = read_sample("sample.nbib", "nbib");
	cr_assert_eq(lit_records_count(rs), 2);
	a = by_title(rs, "Антибиотикорезистентность");
	assert_var(a, LIT_VAR_PMID, "31234568");
	assert_var(a, LIT_VAR_DOI, "10.36488/cmac.2019.1.10-18");
	cr_assert_str_eq(name_at(a, LIT_VAR_AUTHOR, 0)->family, "Волкова");
	cr_assert_eq(lit_record_line(by_title(rs, "Microbiome")), 20);
	lit_records_free(rs);
}

Test(bibutils_read, word2007_fills_what_bibutils_drops)
{
	lit_records *rs = read_sample("sample_word.xml", "word");
	cr_assert_eq(lit_records_count(rs), 2);
	const lit_record *b = by_title(rs, "История");
	cr_assert_eq(lit_record_type(b), LIT_TYPE_BOOK);
	cr_assert_eq(lit_record_date(b, LIT_VAR_ISSUED)->year, 2020);
	cr_assert_str_eq(name_at(b, LIT_VAR_AUTHOR, 0)->family, "Морозов");
	cr_assert_str_eq(name_at(b, LIT_VAR_AUTHOR, 0)->given, "Николай");
	const lit_record *a = by_title(rs, "Sparse");
	cr_assert_eq(lit_record_type(a), LIT_TYPE_ARTICLE_JOURNAL);
	assert_var(a, LIT_VAR_ISSUE, "3");
	assert_var(a, LIT_VAR_CONTAINER_TITLE, "Journal of Computation");
	lit_records_free(rs);
}

Test(bibutils_read, copac_imprint_split)
{
	lit_records *rs = read_sample("sample.copac", "copac");
	cr_assert_eq(lit_records_count(rs), 2);
	const lit_record *b = by_title(rs, "Русская");
	cr_assert_eq(lit_record_type(b), LIT_TYPE_BOOK);
	assert_var(b, LIT_VAR_PUBLISHER, "Наука");
	assert_var(b, LIT_VAR_PUBLISHER_PLACE, "Москва");
	cr_assert_eq(lit_record_date(b, LIT_VAR_ISSUED)->year, 1980);
	assert_var(b, LIT_VAR_NUMBER_OF_PAGES, "783");
	lit_records_free(rs);
}

Test(bibutils_read, detection)
{
	static const struct { const char *file, *format; } cases[] = {
		{ "sample.enw", "endnote" }, { "sample_endnote.xml", "endnotexml" },
		{ "sample_mods.xml", "mods" }, { "sample.isi", "isi" },
		{ "sample_medline.xml", "medline" }, { "sample.nbib", "nbib" },
		{ "sample_word.xml", "word" }, { "sample.copac", "copac" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len;
		char *t = slurp(cases[i].file, &len);
		const char *got = lit_detect_format(t, len);
		cr_assert_not_null(got, "%s not detected", cases[i].file);
		cr_assert_str_eq(got, cases[i].format, "%s detected as %s", cases[i].file, got);
		/* and read without --from */
		lit_records *rs = read_text(t, len, NULL);
		cr_assert_gt(lit_records_count(rs), 0);
		lit_records_free(rs);
		free(t);
	}
}

Test(bibutils_read, nonempty_input_without_records_is_an_error)
{
	static const char *const fmts[] = { "endnote", "isi", "nbib", "copac", "mods", "endnotexml", "medline", "word" };
	for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
		lit_records *rs = lit_records_new();
		lit_read_options o = LIT_READ_OPTIONS_INIT;
		lit_error err;
		memset(&err, 0, sizeof err);
		o.format = fmts[i];
		o.filename = "junk.txt";
		const char *junk = "\n\nthis is not a bibliography\njust words\n";
		int rc = lit_read_buffer(rs, junk, strlen(junk), &o, &err);
		cr_assert_neq(rc, LIT_OK, "%s accepted junk", fmts[i]);
		cr_assert_str_eq(err.file, "junk.txt");
		cr_assert_gt(err.line, 0, "%s: no line", fmts[i]);
		cr_assert_gt(strlen(err.message), 0);
		cr_assert_eq(lit_records_count(rs), 0);
		lit_records_free(rs);
		/* white space only is simply empty */
		rs = lit_records_new();
		cr_assert_eq(lit_read_buffer(rs, " \n\n", 3, &o, &err), LIT_OK);
		cr_assert_eq(lit_records_count(rs), 0);
		lit_records_free(rs);
	}
}

Test(bibutils_read, malformed_xml_reports_line)
{
	const char *bad = "<?xml version=\"1.0\"?>\n<modsCollection>\n<mods>\n<titleInfo><title>X</title>\n</mods>\n</modsCollection>\n";
	lit_records *rs = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	memset(&err, 0, sizeof err);
	o.format = "mods";
	o.filename = "bad.xml";
	cr_assert_eq(lit_read_buffer(rs, bad, strlen(bad), &o, &err), LIT_EPARSE);
	cr_assert_eq(err.line, 5, "line %ld: %s", err.line, err.message);
	cr_assert(strstr(err.message, "mods") != NULL, "%s", err.message);
	lit_records_free(rs);
}

/* ------------------------------------------------------------ writers */

Test(bibutils_write, mods_round_trip_keeps_fields)
{
	lit_records *rs = make_set();
	char *xml = write_fmt(rs, "mods", NULL);
	cr_assert(strstr(xml, "&amp;") != NULL, "XML special characters must be escaped");
	lit_records *back = read_str(xml, "mods");
	cr_assert_eq(lit_records_count(back), 3);
	const lit_record *a = by_title(back, "Сближение & «кавычки»: <теги>");
	cr_assert_eq(lit_record_type(a), LIT_TYPE_ARTICLE_JOURNAL);
	assert_var(a, LIT_VAR_CONTAINER_TITLE, "Вестник МГУ. Серия 3: Физика");
	assert_var(a, LIT_VAR_URL, "https://example.org/a?b=c&d=e");
	assert_var(a, LIT_VAR_PAGE, "40-58");
	assert_var(a, LIT_VAR_DOI, "10.1234/abc.2020.4");
	assert_var(a, LIT_VAR_ISSN, "0320-8095");
	cr_assert_eq(lit_record_date(a, LIT_VAR_ISSUED)->month, 5);
	cr_assert_str_eq(name_at(a, LIT_VAR_AUTHOR, 0)->given, "Иван Иванович");
	const lit_record *b = by_title(back, "The Art");
	cr_assert_eq(lit_record_type(b), LIT_TYPE_BOOK);
	assert_var(b, LIT_VAR_ISBN, "978-0-201-89683-1");
	assert_var(b, LIT_VAR_EDITION, "3");
	cr_assert_str_eq(name_at(b, LIT_VAR_EDITOR, 0)->literal, "ООО «Рога и копыта»");
	const lit_record *w = by_title(back, "Портал");
	cr_assert_eq(lit_record_type(w), LIT_TYPE_WEBPAGE);
	cr_assert_not_null(lit_record_date(w, LIT_VAR_ACCESSED));
	cr_assert_eq(lit_record_date(w, LIT_VAR_ACCESSED)->year, 2024);
	cr_assert_eq(lit_record_date(w, LIT_VAR_ACCESSED)->day, 1);
	lit_records_free(back);
	free(xml);
	lit_records_free(rs);
}

Test(bibutils_write, endnote_and_word_round_trip)
{
	lit_records *rs = make_set();
	static const char *const fmts[] = { "endnote", "word" };
	for (size_t k = 0; k < 2; k++) {
		char *text = write_fmt(rs, fmts[k], NULL);
		lit_records *back = read_str(text, fmts[k]);
		cr_assert_eq(lit_records_count(back), 3, "%s", fmts[k]);
		const lit_record *a = by_title(back, "Сближение");
		cr_assert_eq(lit_record_type(a), LIT_TYPE_ARTICLE_JOURNAL, "%s", fmts[k]);
		assert_var(a, LIT_VAR_VOLUME, "12");
		assert_var(a, LIT_VAR_PAGE, "40-58");
		cr_assert_str_eq(name_at(a, LIT_VAR_AUTHOR, 1)->family, "Smith");
		const lit_record *b = by_title(back, "The Art");
		cr_assert_eq(lit_record_type(b), LIT_TYPE_BOOK, "%s", fmts[k]);
		assert_var(b, LIT_VAR_PUBLISHER, "Addison-Wesley");
		cr_assert_eq(lit_record_date(b, LIT_VAR_ISSUED)->year, 1997);
		lit_records_free(back);
		free(text);
	}
	lit_records_free(rs);
}

Test(bibutils_write, cyrillic_initials_stay_valid_utf8)
{
	lit_records *rs = make_set();
	static const char *const fmts[] = { "isi", "nbib", "ads" };
	for (size_t k = 0; k < 3; k++) {
		size_t n;
		char *text = write_fmt(rs, fmts[k], &n);
		char *copy = NULL;
		size_t clen = 0;
		lit_error err;
		/* decoding as UTF-8 fails on invalid bytes */
		cr_assert_eq(lit_decode_text(text, n, "utf-8", &copy, &clen, NULL, &err), LIT_OK,
		             "%s output is not valid UTF-8: %s", fmts[k], err.message);
		lit_free(copy);
		if (k == 0)
			cr_assert(strstr(text, "AU Иванов, ИИ") != NULL, "%s", text);
		if (k == 1)
			cr_assert(strstr(text, "AU  - Иванов ИИ") != NULL, "%s", text);
		free(text);
	}
	lit_records_free(rs);
}

static void *read_in_thread(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20; i++) {
		lit_records *rs = lit_records_new();
		lit_read_options o = LIT_READ_OPTIONS_INIT;
		char path[1024];
		snprintf(path, sizeof path, "%s/tests/data/sample.enw", LITERA_SOURCE_DIR);
		o.format = "endnote";
		if (lit_read_file(rs, path, &o, NULL) != LIT_OK || lit_records_count(rs) != 3) {
			lit_records_free(rs);
			return (void *)1;
		}
		char *out = NULL;
		size_t n;
		int bad = lit_write_buffer(rs, "mods", NULL, &out, &n, NULL) != LIT_OK || !strstr(out, "Светлова");
		lit_free(out);
		lit_records_free(rs);
		if (bad)
			return (void *)1;
	}
	return NULL;
}

Test(bibutils_write, concurrent_use_is_serialised)
{
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		cr_assert_eq(pthread_create(&t[i], NULL, read_in_thread, NULL), 0);
	for (int i = 0; i < 4; i++) {
		void *res;
		pthread_join(t[i], &res);
		cr_assert_null(res, "thread %d failed", i);
	}
}

/* ------------------------------------- regression: bibutils 7.2 defects */

/* RIS Y2 is the access date, not the publication month. */
Test(bibutils_defects, ris_y2_is_access_date)
{
	const char *ris = "TY  - JOUR\r\nTI  - Статья\r\nAU  - Свет, М. В.\r\nT2  - Вестник\r\n"
	                  "PY  - 2007\r\nY2  - 2024/05/01/12:00:00\r\nER  - \r\n";
	lit_records *rs = read_str(ris, "ris");
	cr_assert_eq(lit_records_count(rs), 1);
	const lit_record *r = lit_records_at(rs, 0);
	const lit_date *iss = lit_record_date(r, LIT_VAR_ISSUED);
	cr_assert_not_null(iss);
	cr_assert_eq(iss->year, 2007);
	cr_assert_eq(iss->month, 0, "Y2 leaked into the publication month");
	const lit_date *acc = lit_record_date(r, LIT_VAR_ACCESSED);
	cr_assert_not_null(acc, "Y2 lost");
	cr_assert_eq(acc->year, 2024);
	cr_assert_eq(acc->month, 5);
	cr_assert_eq(acc->day, 1);
	lit_records_free(rs);
}

/* RIS T2 is the container (journal), not a short title. */
Test(bibutils_defects, ris_t2_is_container)
{
	const char *ris = "TY  - JOUR\r\nTI  - Заимствования\r\nT2  - Вестник Московского университета\r\n"
	                  "PY  - 2007\r\nER  - \r\n";
	lit_records *rs = read_str(ris, "ris");
	const lit_record *r = lit_records_at(rs, 0);
	assert_var(r, LIT_VAR_CONTAINER_TITLE, "Вестник Московского университета");
	cr_assert_null(lit_record_get(r, LIT_VAR_TITLE_SHORT));
	cr_assert_null(lit_record_get(r, LIT_VAR_CONTAINER_TITLE_SHORT));
	lit_records_free(rs);
}

/* 13-digit ISBNs survive EndNote -> EndNote and EndNote -> RIS. */
Test(bibutils_defects, isbn13_kept)
{
	const char *enw = "%0 Book\n%T Data structures\n%A Knuth, Donald\n%I Addison-Wesley\n"
	                  "%D 1997\n%@ 978-0-201-89683-1\n\n";
	lit_records *rs = read_str(enw, "endnote");
	assert_var(lit_records_at(rs, 0), LIT_VAR_ISBN, "978-0-201-89683-1");

	char *again = write_fmt(rs, "endnote", NULL);
	cr_assert(strstr(again, "%@ 978-0-201-89683-1") != NULL, "ISBN-13 lost in EndNote output:\n%s", again);
	lit_records *back = read_str(again, "endnote");
	assert_var(lit_records_at(back, 0), LIT_VAR_ISBN, "978-0-201-89683-1");

	/* the other bibutils writers too */
	static const char *const fmts[] = { "mods", "isi", "word" };
	for (size_t k = 0; k < 3; k++) {
		char *t = write_fmt(rs, fmts[k], NULL);
		cr_assert(strstr(t, "978-0-201-89683-1") != NULL, "ISBN-13 lost in %s", fmts[k]);
		free(t);
	}

	char *ris = write_fmt(rs, "ris", NULL);
	cr_assert(strstr(ris, "978-0-201-89683-1") != NULL, "ISBN-13 lost in RIS output:\n%s", ris);
	lit_records *r2 = read_str(ris, "ris");
	assert_var(lit_records_at(r2, 0), LIT_VAR_ISBN, "978-0-201-89683-1");

	lit_records_free(r2);
	free(ris);
	lit_records_free(back);
	free(again);
	lit_records_free(rs);
}

/* "and others" is a flag, never an author called "others". */
Test(bibutils_defects, and_others_is_not_an_author)
{
	const char *bib = "@article{a, author = {Smith, John and Иванов, Иван and others},"
	                  " title = {T}, journal = {J}, year = {2020}}\n";
	lit_records *rs = read_str(bib, "bibtex");
	const lit_record *r = lit_records_at(rs, 0);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 2);
	cr_assert(lit_record_names_etal(r, LIT_VAR_AUTHOR));
	for (size_t i = 0; i < 2; i++) {
		const lit_name *n = lit_record_name(r, LIT_VAR_AUTHOR, i);
		cr_assert(!same_str(n->family, "others") && !same_str(n->literal, "others"));
	}
	/* through the bibutils writers and back */
	static const char *const fmts[] = { "endnote", "mods", "word" };
	for (size_t k = 0; k < 3; k++) {
		char *t = write_fmt(rs, fmts[k], NULL);
		cr_assert(strstr(t, "others") == NULL, "%s wrote 'others' as a name:\n%s", fmts[k], t);
		free(t);
	}
	lit_records_free(rs);

	/* EndNote input with "%A others" (bibutils: AUTHOR:ASIS) */
	rs = read_str("%0 Book\n%T T\n%A Knuth, Donald\n%A others\n%D 1997\n\n", "endnote");
	r = lit_records_at(rs, 0);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 1);
	cr_assert(lit_record_names_etal(r, LIT_VAR_AUTHOR));
	lit_records_free(rs);
}

/* BibLaTeX @online is a web page, not a computer program. */
Test(bibutils_defects, online_is_a_webpage)
{
	const char *bib = "@online{portal, title = {Портал госуслуг}, url = {https://www.gosuslugi.ru/},"
	                  " urldate = {2024-05-01}, year = {2024}}\n";
	lit_records *rs = read_str(bib, "biblatex");
	cr_assert_eq(lit_record_type(lit_records_at(rs, 0)), LIT_TYPE_WEBPAGE);
	char *mods = write_fmt(rs, "mods", NULL);
	cr_assert(strstr(mods, "software") == NULL, "MODS typed the web page as software:\n%s", mods);
	cr_assert(strstr(mods, "web site") != NULL, "%s", mods);
	cr_assert(strstr(mods, "2024-05-01") != NULL, "access date lost:\n%s", mods);
	char *enw = write_fmt(rs, "endnote", NULL);
	cr_assert(strstr(enw, "Computer Program") == NULL, "%s", enw);
	cr_assert(strstr(enw, "%0 Electronic Source") != NULL, "%s", enw);
	char *word = write_fmt(rs, "word", NULL);
	cr_assert(strstr(word, "<b:SourceType>InternetSite</b:SourceType>") != NULL, "%s", word);
	/* and read back as a web page */
	lit_records *back = read_str(mods, "mods");
	cr_assert_eq(lit_record_type(lit_records_at(back, 0)), LIT_TYPE_WEBPAGE);
	lit_records_free(back);
	free(word);
	free(enw);
	free(mods);
	lit_records_free(rs);
}

/* No output format starts with a byte-order mark. */
Test(bibutils_defects, no_bom_on_any_output)
{
	lit_records *rs = make_set();
	size_t tested = 0;
	for (size_t i = 0; i < lit_format_count(); i++) {
		const lit_format_info *f = lit_format_at(i);
		if (!f->can_write)
			continue;
		char *out = NULL;
		size_t n = 0;
		if (lit_write_buffer(rs, f->name, NULL, &out, &n, NULL) != LIT_OK)
			continue; /* writer not available yet */
		tested++;
		cr_assert(!(n >= 3 && (unsigned char)out[0] == 0xEF && (unsigned char)out[1] == 0xBB &&
		            (unsigned char)out[2] == 0xBF), "%s output starts with a BOM", f->name);
		cr_assert(strstr(out, "\xEF\xBB\xBF") == NULL, "%s output contains a BOM", f->name);
		lit_free(out);
	}
	cr_assert_geq(tested, 6, "only %zu writers ran", tested);
	lit_records_free(rs);
}

/* Writers do not change the records: same bytes twice, records unchanged. */
Test(bibutils_defects, writers_do_not_change_records)
{
	lit_records *rs = make_set();
	lit_records *orig = make_set();
	size_t tested = 0;
	for (size_t i = 0; i < lit_format_count(); i++) {
		const lit_format_info *f = lit_format_at(i);
		if (!f->can_write)
			continue;
		char *a = NULL, *b = NULL;
		size_t na = 0, nb = 0;
		if (lit_write_buffer(rs, f->name, NULL, &a, &na, NULL) != LIT_OK)
			continue;
		cr_assert_eq(lit_write_buffer(rs, f->name, NULL, &b, &nb, NULL), LIT_OK);
		cr_assert_eq(na, nb, "%s: second write differs in length", f->name);
		cr_assert(memcmp(a, b, na) == 0, "%s: second write differs", f->name);
		for (size_t k = 0; k < lit_records_count(rs); k++)
			assert_same_record(lit_records_at(rs, k), lit_records_at(orig, k));
		lit_free(a);
		lit_free(b);
		tested++;
	}
	cr_assert_geq(tested, 6);
	/* MODS then EndNote from the same records: no XML entities leak */
	char *mods = write_fmt(rs, "mods", NULL);
	char *enw = write_fmt(rs, "endnote", NULL);
	cr_assert(strstr(enw, "&amp;") == NULL, "%s", enw);
	cr_assert(strstr(enw, "b=c&d=e") != NULL, "%s", enw);
	free(mods);
	free(enw);
	lit_records_free(orig);
	lit_records_free(rs);
}

/* @string macros of one file do not leak into the next. */
Test(bibutils_defects, string_macros_do_not_leak)
{
	const char *a = "@string{jr = \"Journal of Results\"}\n"
	                "@article{a, author = {A, B}, title = {First}, journal = jr, year = 2020}\n";
	const char *b = "@article{b, author = {C, D}, title = {Second}, journal = jr, year = 2021}\n";
	lit_records *ra = read_str(a, "bibtex");
	assert_var(lit_records_at(ra, 0), LIT_VAR_CONTAINER_TITLE, "Journal of Results");
	lit_records *rb = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	o.format = "bibtex";
	lit_error err;
	memset(&err, 0, sizeof err);
	lit_read_buffer(rb, b, strlen(b), &o, &err);
	if (lit_records_count(rb) > 0) {
		const char *j = lit_record_get(lit_records_at(rb, 0), LIT_VAR_CONTAINER_TITLE);
		cr_assert(!same_str(j, "Journal of Results"), "@string from the first file leaked");
	}
	lit_records_free(rb);
	lit_records_free(ra);
}

/* Cyrillic LaTeX escapes (T2A \cyr... macros) are decoded. */
Test(bibutils_defects, cyrillic_latex_escapes_decoded)
{
	const char *bib = "@book{k, author = {{\\CYRI}\\cyrv\\cyra\\cyrn\\cyro\\cyrv, {\\CYRI}\\cyrv\\cyra\\cyrn},"
	                  " title = {\\CYRP\\cyrr\\cyri\\cyrv\\cyre\\cyrt, \\cyrm\\cyri\\cyrr},"
	                  " publisher = {\\CYRN\\cyra\\cyru\\cyrk\\cyra}, year = 2001}\n";
	lit_records *rs = read_str(bib, "bibtex");
	const lit_record *r = lit_records_at(rs, 0);
	assert_var(r, LIT_VAR_TITLE, "Привет, мир");
	assert_var(r, LIT_VAR_PUBLISHER, "Наука");
	cr_assert_str_eq(name_at(r, LIT_VAR_AUTHOR, 0)->family, "Иванов");
	cr_assert_str_eq(name_at(r, LIT_VAR_AUTHOR, 0)->given, "Иван");
	lit_records_free(rs);
}

/* ------------------------------ bibutils bugs found while writing this */

/* NBIB records not separated by a blank line: bibutils loops forever. */
Test(bibutils_found, nbib_without_blank_lines, .timeout = 30)
{
	const char *nbib = "PMID- 1\nTI  - Первая статья\nDP  - 2019\nPMID- 2\nTI  - Second paper\n"
	                   "DP  - 2020\nPMID- 3\nTI  - Third\nDP  - 2021\n";
	lit_records *rs = read_str(nbib, "nbib");
	cr_assert_eq(lit_records_count(rs), 3);
	assert_var(lit_records_at(rs, 1), LIT_VAR_PMID, "2");
	cr_assert_eq(lit_record_line(lit_records_at(rs, 2)), 7);
	lit_records_free(rs);
}

/* Many records on one line (EndNote's own XML export): bibutils loses
 * most of them; all must be read, in order, with their data. */
Test(bibutils_found, one_line_xml_keeps_every_record, .timeout = 60)
{
	static const struct { const char *fmt, *head, *rec, *tail; } cases[] = {
		{ "endnotexml", "<xml><records>",
		  "<record><ref-type name=\"Book\">6</ref-type><titles><title>Книга %d</title></titles>"
		  "<dates><year>2001</year></dates></record>", "</records></xml>" },
		{ "word", "<b:Sources>", "<b:Source><b:Tag>k%d</b:Tag><b:SourceType>Book</b:SourceType>"
		  "<b:Title>Книга %d</b:Title></b:Source>", "</b:Sources>" },
		{ "medline", "<PubmedArticleSet>", "<PubmedArticle><MedlineCitation><PMID>%d</PMID><Article>"
		  "<ArticleTitle>Книга %d</ArticleTitle></Article></MedlineCitation></PubmedArticle>",
		  "</PubmedArticleSet>" },
		{ "mods", "<modsCollection>", "<mods><titleInfo><title>Книга %d</title></titleInfo>"
		  "<genre authority=\"marcgt\">book</genre></mods>", "</modsCollection>" },
	};
	const int n = 1000;
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		size_t cap = 256 * (size_t)n + 256, len = 0;
		char *s = malloc(cap);
		cr_assert_not_null(s);
		len += (size_t)sprintf(s + len, "%s", cases[c].head);
		for (int i = 0; i < n; i++)
			len += (size_t)sprintf(s + len, cases[c].rec, i, i);
		len += (size_t)sprintf(s + len, "%s", cases[c].tail);
		lit_records *rs = read_text(s, len, cases[c].fmt);
		cr_assert_eq(lit_records_count(rs), (size_t)n, "%s: %zu of %d records", cases[c].fmt,
		             lit_records_count(rs), n);
		char want[64];
		snprintf(want, sizeof want, "Книга %d", n - 1);
		assert_var(lit_records_at(rs, (size_t)n - 1), LIT_VAR_TITLE, want);
		lit_records_free(rs);
		free(s);
	}
}

/* More records than one bibutils chunk: all read, lines right. */
Test(bibutils_found, large_files_read_in_chunks, .timeout = 60)
{
	const int n = 700;
	size_t cap = 64 * (size_t)n, len = 0;
	char *s = malloc(cap);
	cr_assert_not_null(s);
	for (int i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, "%%0 Book\n%%T Книга %d\n%%D 2001\n\n", i);
	lit_records *rs = read_text(s, len, "endnote");
	cr_assert_eq(lit_records_count(rs), (size_t)n);
	for (int i = 0; i < n; i += 97) {
		char want[64];
		snprintf(want, sizeof want, "Книга %d", i);
		assert_var(lit_records_at(rs, (size_t)i), LIT_VAR_TITLE, want);
		cr_assert_eq(lit_record_line(lit_records_at(rs, (size_t)i)), 1 + 4 * i);
	}
	lit_records_free(rs);
	free(s);
}

/* The EndNote XML reader is quadratic in the length of a line: a huge
 * text node is refused with a limit error instead of running for minutes. */
Test(bibutils_found, endnote_xml_long_text_is_limited, .timeout = 30)
{
	size_t n = 2u << 20, len = 0;
	char *s = malloc(n + 256);
	cr_assert_not_null(s);
	len += (size_t)sprintf(s, "<xml><records>\n<record><titles><title>");
	memset(s + len, 'x', n);
	len += n;
	len += (size_t)sprintf(s + len, "</title></titles></record></records></xml>\n");
	lit_records *rs = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	o.format = "endnotexml";
	o.filename = "big.xml";
	cr_assert_eq(lit_read_buffer(rs, s, len, &o, &err), LIT_ELIMIT);
	cr_assert_eq(err.line, 2);
	lit_records_free(rs);
	free(s);
}

/* ISI records end with ER; a cut-off last record is an error with its line. */
Test(bibutils_found, isi_without_er)
{
	const char *isi = "PT J\nTI First\nER\n\nPT J\nTI Second\n";
	lit_records *rs = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	o.format = "isi";
	o.filename = "cut.isi";
	cr_assert_eq(lit_read_buffer(rs, isi, strlen(isi), &o, &err), LIT_EPARSE);
	cr_assert_eq(err.line, 5);
	cr_assert_str_eq(err.file, "cut.isi");
	lit_records_free(rs);
}

/* The common types survive a trip through each bibutils writer and reader. */
Test(bibutils_write, types_round_trip)
{
	static const lit_type common[] = {
		LIT_TYPE_ARTICLE_JOURNAL, LIT_TYPE_BOOK, LIT_TYPE_CHAPTER, LIT_TYPE_PAPER_CONFERENCE,
		LIT_TYPE_THESIS, LIT_TYPE_REPORT, LIT_TYPE_WEBPAGE, LIT_TYPE_ARTICLE_MAGAZINE,
		LIT_TYPE_ARTICLE_NEWSPAPER, LIT_TYPE_MANUSCRIPT,
	};
	static const char *const fmts[] = { "mods", "endnote", "word" };
	for (size_t k = 0; k < 3; k++) {
		for (size_t i = 0; i < sizeof common / sizeof *common; i++) {
			if (k == 2 && (common[i] == LIT_TYPE_ARTICLE_NEWSPAPER || common[i] == LIT_TYPE_MANUSCRIPT ||
			               common[i] == LIT_TYPE_ARTICLE_MAGAZINE))
				continue; /* Word 2007 has no such source types */
			lit_records *rs = lit_records_new();
			lit_record *r = lit_record_new();
			lit_record_set_type(r, common[i]);
			lit_record_set(r, LIT_VAR_TITLE, "Заглавие");
			if (common[i] != LIT_TYPE_BOOK && common[i] != LIT_TYPE_THESIS &&
			    common[i] != LIT_TYPE_REPORT && common[i] != LIT_TYPE_WEBPAGE &&
			    common[i] != LIT_TYPE_MANUSCRIPT)
				lit_record_set(r, LIT_VAR_CONTAINER_TITLE, "Сборник");
			lit_record_set(r, LIT_VAR_PUBLISHER, "Наука");
			lit_name n = { .family = "Иванов", .given = "Иван" };
			lit_record_add_name(r, LIT_VAR_AUTHOR, &n);
			lit_date d = { .year = 2001 };
			lit_record_set_date(r, LIT_VAR_ISSUED, &d);
			lit_records_push(rs, r);
			char *text = write_fmt(rs, fmts[k], NULL);
			lit_records *back = read_str(text, fmts[k]);
			cr_assert_eq(lit_records_count(back), 1);
			cr_expect_eq(lit_record_type(lit_records_at(back, 0)), common[i], "%s: %s came back as %s",
			             fmts[k], lit_type_name(common[i]),
			             lit_type_name(lit_record_type(lit_records_at(back, 0))));
			lit_records_free(back);
			free(text);
			lit_records_free(rs);
		}
	}
}

/* NBIB output stays readable: every record starts with a PMID line. */
Test(bibutils_write, nbib_records_without_pmid_read_back)
{
	lit_records *rs = make_set();
	char *text = write_fmt(rs, "nbib", NULL);
	cr_assert(!strncmp(text, "PMID-", 5), "%s", text);
	lit_records *back = read_str(text, "nbib");
	cr_assert_eq(lit_records_count(back), 3, "%s", text);
	const lit_record *a = by_title(back, "Сближение");
	cr_assert_str_eq(name_at(a, LIT_VAR_AUTHOR, 0)->family, "Иванов");
	assert_var(a, LIT_VAR_VOLUME, "12");
	lit_records_free(back);
	free(text);
	lit_records_free(rs);
}
