/*
 * test_ris.c - the RIS reader and writer: Zotero's, JabRef's and
 * bibutils' dialects, the writer's Zotero conventions, regression tests for
 * the libbibutils defects (Y2, T2, ISBN-13, BOM, "others", STD), round
 * trips and bad input.  All sample records are written for these tests.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "litera/io.h"
#include "litera/record.h"

static lit_records *read_ris(const char *text, size_t len, int expect_rc, lit_error *err)
{
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_records *list = lit_records_new();
	int rc;
	o.format = "ris";
	o.filename = "test.ris";
	cr_assert_not_null(list);
	rc = lit_read_buffer(list, text, len, &o, err);
	cr_assert_eq(rc, expect_rc, "rc %d (%s)", rc, err ? err->message : "");
	return list;
}

static lit_records *read_ok(const char *text)
{
	lit_error err;
	lit_error_clear(&err);
	return read_ris(text, strlen(text), LIT_OK, &err);
}

static char *write_ris(const lit_records *list)
{
	char *out = NULL;
	size_t len = 0;
	lit_error err;
	lit_error_clear(&err);
	cr_assert_eq(lit_write_buffer(list, "ris", NULL, &out, &len, &err), LIT_OK, "%s", err.message);
	cr_assert_not_null(out);
	cr_assert_eq(strlen(out), len);
	return out;
}

static const char *get(const lit_record *r, lit_var v)
{
	const char *s = lit_record_get(r, v);
	return s ? s : "(null)";
}

/* A Cyrillic journal article written the way Zotero's RIS export does. */
static const char zotero_sample[] =
	"TY  - JOUR\r\n"
	"TI  - Морфология глагольных форм в говорах Русского Севера\r\n"
	"AU  - Петрова, Анна Сергеевна\r\n"
	"AU  - Ким, Д. Л.\r\n"
	"T2  - Вопросы языкознания. Серия 4: Диалектология\r\n"
	"DA  - 2019/03/15/\r\n"
	"PY  - 2019\r\n"
	"DP  - elibrary.example\r\n"
	"VL  - 12\r\n"
	"IS  - 3\r\n"
	"SP  - 115\r\n"
	"EP  - 131\r\n"
	"LA  - ru\r\n"
	"SN  - 0373-658X\r\n"
	"DO  - 10.31857/S0373658X0004711-1\r\n"
	"UR  - https://journal.example/item?id=4711\r\n"
	"Y2  - 2024/05/01/12:00:00\r\n"
	"KW  - диалекты\r\n"
	"KW  - морфология\r\n"
	"ER  - \r\n"
	"\r\n";

Test(ris, zotero_article)
{
	lit_records *list = read_ok(zotero_sample);
	const lit_record *r;
	const lit_name *n;
	const lit_date *d;

	cr_assert_eq(lit_records_count(list), 1);
	r = lit_records_at(list, 0);
	cr_expect_eq(lit_record_type(r), LIT_TYPE_ARTICLE_JOURNAL);
	cr_expect_str_eq(get(r, LIT_VAR_TITLE), "Морфология глагольных форм в говорах Русского Севера");
	cr_expect_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Вопросы языкознания. Серия 4: Диалектология");
	cr_expect_null(lit_record_get(r, LIT_VAR_TITLE_SHORT));
	cr_expect_null(lit_record_get(r, LIT_VAR_CONTAINER_TITLE_SHORT));
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 2);
	n = lit_record_name(r, LIT_VAR_AUTHOR, 0);
	cr_expect_str_eq(n->family, "Петрова");
	cr_expect_str_eq(n->given, "Анна Сергеевна");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 1);
	cr_expect_str_eq(n->family, "Ким");
	cr_expect_str_eq(n->given, "Д. Л.");
	d = lit_record_date(r, LIT_VAR_ISSUED);
	cr_assert_not_null(d);
	cr_expect_eq(d->year, 2019);
	cr_expect_eq(d->month, 3);
	cr_expect_eq(d->day, 15);
	cr_expect_str_eq(get(r, LIT_VAR_VOLUME), "12");
	cr_expect_str_eq(get(r, LIT_VAR_ISSUE), "3");
	cr_expect_str_eq(get(r, LIT_VAR_PAGE), "115-131");
	cr_expect_str_eq(get(r, LIT_VAR_LANGUAGE), "ru");
	cr_expect_str_eq(get(r, LIT_VAR_ISSN), "0373-658X");
	cr_expect_null(lit_record_get(r, LIT_VAR_ISBN));
	cr_expect_str_eq(get(r, LIT_VAR_DOI), "10.31857/S0373658X0004711-1");
	cr_expect_str_eq(get(r, LIT_VAR_URL), "https://journal.example/item?id=4711");
	cr_expect_str_eq(get(r, LIT_VAR_SOURCE), "elibrary.example");
	cr_expect_str_eq(get(r, LIT_VAR_KEYWORD), "диалекты, морфология");
	cr_expect_str_eq(lit_record_source(r), "test.ris");
	cr_expect_eq(lit_record_line(r), 1);
	cr_expect_eq(lit_record_where(r), LIT_WHERE_BIBFILE);
	lit_records_free(list);
}

/* bibutils 7.2 reads Y2 as the publication month; it is the access date. */
Test(ris, regression_y2_is_access_date)
{
	lit_records *list = read_ok(zotero_sample);
	const lit_record *r = lit_records_at(list, 0);
	const lit_date *acc = lit_record_date(r, LIT_VAR_ACCESSED);
	const lit_date *iss = lit_record_date(r, LIT_VAR_ISSUED);
	cr_assert_not_null(acc);
	cr_expect_eq(acc->year, 2024);
	cr_expect_eq(acc->month, 5);
	cr_expect_eq(acc->day, 1);
	cr_assert_not_null(iss);
	cr_expect_eq(iss->month, 3, "issued month taken from Y2: %d", iss->month);
	lit_records_free(list);
}

/* bibutils 7.2 reads T2 as a short title; it is the container title. */
Test(ris, regression_t2_is_container_title)
{
	lit_records *list = read_ok("TY  - CHAP\nTI  - Глава\nT2  - Сборник статей\nER  - \n");
	const lit_record *r = lit_records_at(list, 0);
	cr_expect_eq(lit_record_type(r), LIT_TYPE_CHAPTER);
	cr_expect_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Сборник статей");
	cr_expect_null(lit_record_get(r, LIT_VAR_TITLE_SHORT));
	cr_expect_null(lit_record_get(r, LIT_VAR_CONTAINER_TITLE_SHORT));
	lit_records_free(list);
}

/* JabRef's layout: T1, JO, Y1 year/month, DOI as a dx.doi.org URL in M3,
 * ISSN in U1, ER without a trailing space, LF line ends. */
Test(ris, jabref_dialect)
{
	const char *text =
		"TY  - JOUR\n"
		"AU  - Smith, John\n"
		"AU  - van der Berg, Anna\n"
		"T1  - Sparse models of lexical change\n"
		"JO  - Journal of Quantitative Linguistics\n"
		"Y1  - 2007/05\n"
		"VL  - 14\n"
		"IS  - 2\n"
		"SP  - 40\n"
		"EP  - 58\n"
		"M3  - http://dx.doi.org/10.1080/09296170701234567\n"
		"U1  - 0929-6174\n"
		"ER  -\n";
	lit_records *list = read_ok(text);
	const lit_record *r;
	const lit_date *d;
	cr_assert_eq(lit_records_count(list), 1);
	r = lit_records_at(list, 0);
	cr_expect_str_eq(get(r, LIT_VAR_TITLE), "Sparse models of lexical change");
	cr_expect_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Journal of Quantitative Linguistics");
	cr_expect_str_eq(get(r, LIT_VAR_DOI), "10.1080/09296170701234567");
	cr_expect_null(lit_record_get(r, LIT_VAR_GENRE));
	cr_expect_str_eq(get(r, LIT_VAR_ISSN), "0929-6174");
	cr_expect_str_eq(get(r, LIT_VAR_PAGE), "40-58");
	d = lit_record_date(r, LIT_VAR_ISSUED);
	cr_assert_not_null(d);
	cr_expect_eq(d->year, 2007);
	cr_expect_eq(d->month, 5);
	cr_expect_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 1)->family, "Berg");
	cr_expect_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 1)->non_dropping_particle, "van der");
	lit_records_free(list);
}

/* What bibutils' xml2ris writes: BOM, JO, journal abbreviation, STD. */
Test(ris, bibutils_output)
{
	const char *text =
		"\xEF\xBB\xBFTY  - STD\n"
		"AU  - Orlov, P.\n"
		"TI  - Notes\n"
		"PY  - 2001\n"
		"ER  - \n"
		"\n"
		"TY  - JOUR\n"
		"A1  - Orlov, P.\n"
		"TI  - Tables\n"
		"JA  - J. Tab.\n"
		"PY  - 2002\n"
		"SN  - 9785020384933\n"
		"ER  - \n";
	lit_records *list = read_ok(text);
	const lit_record *r;
	cr_assert_eq(lit_records_count(list), 2);
	r = lit_records_at(list, 0);
	cr_expect_eq(lit_record_type(r), LIT_TYPE_DOCUMENT);
	cr_expect_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 0)->family, "Orlov");
	r = lit_records_at(list, 1);
	cr_expect_str_eq(get(r, LIT_VAR_CONTAINER_TITLE_SHORT), "J. Tab.");
	cr_expect_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "J. Tab.");
	/* a 13-digit number is an ISBN even on an article */
	cr_expect_str_eq(get(r, LIT_VAR_ISBN), "9785020384933");
	cr_expect_eq(lit_record_line(r), 7);
	lit_records_free(list);
}

Test(ris, old_refman_tags)
{
	const char *text =
		"TY  - BOOK\n"
		"BT  - A Whole Book\n"
		"A2  - Editor, Ed\n"
		"ED  - Second, Ed\n"
		"A3  - Series, Ed\n"
		"A4  - Translator, Tr\n"
		"CP  - 7\n"
		"PP  - Москва\n"
		"PB  - Наука\n"
		"ET  - 2-е изд.\n"
		"N2  - The abstract from N2.\n"
		"N1  - First note.\n"
		"N1  - Second note.\n"
		"LK  - https://example.org/lk\n"
		"SP  - 320\n"
		"T3  - Library series\n"
		"ID  - ignored-id\n"
		"C1  - ignored custom\n"
		"ZZ  - unknown tag\n"
		"ER  - \n";
	lit_records *list = read_ok(text);
	const lit_record *r = lit_records_at(list, 0);
	cr_expect_str_eq(get(r, LIT_VAR_TITLE), "A Whole Book");
	cr_expect_eq(lit_record_name_count(r, LIT_VAR_EDITOR), 2);
	cr_expect_str_eq(lit_record_name(r, LIT_VAR_COLLECTION_EDITOR, 0)->family, "Series");
	cr_expect_str_eq(lit_record_name(r, LIT_VAR_TRANSLATOR, 0)->family, "Translator");
	cr_expect_str_eq(get(r, LIT_VAR_ISSUE), "7");
	cr_expect_str_eq(get(r, LIT_VAR_PUBLISHER_PLACE), "Москва");
	cr_expect_str_eq(get(r, LIT_VAR_PUBLISHER), "Наука");
	cr_expect_str_eq(get(r, LIT_VAR_EDITION), "2-е изд.");
	cr_expect_str_eq(get(r, LIT_VAR_ABSTRACT), "The abstract from N2.");
	cr_expect_str_eq(get(r, LIT_VAR_NOTE), "First note.\nSecond note.");
	cr_expect_str_eq(get(r, LIT_VAR_URL), "https://example.org/lk");
	cr_expect_str_eq(get(r, LIT_VAR_NUMBER_OF_PAGES), "320");
	cr_expect_str_eq(get(r, LIT_VAR_COLLECTION_TITLE), "Library series");
	cr_expect_null(lit_record_id(r));
	lit_records_free(list);
}

Test(ris, continuation_lines_and_blank_lines)
{
	const char *text =
		"\n\nTY  - JOUR\r\n"
		"TI  - A title that was\r\n"
		"   wrapped over lines\r\n"
		"AB  - First paragraph.\r\n"
		"Second paragraph.\r\n"
		"\r\n"
		"ER  - \r\n";
	lit_records *list = read_ok(text);
	const lit_record *r = lit_records_at(list, 0);
	cr_expect_str_eq(get(r, LIT_VAR_TITLE), "A title that was wrapped over lines");
	cr_expect_str_eq(get(r, LIT_VAR_ABSTRACT), "First paragraph.\nSecond paragraph.");
	cr_expect_eq(lit_record_line(r), 3);
	lit_records_free(list);
}

Test(ris, names_and_others)
{
	const char *text =
		"TY  - BOOK\n"
		"AU  - Иванов, И. И.\n"
		"AU  - King, Martin Luther, Jr.\n"
		"AU  - Институт языкознания РАН\n"
		"AU  - others\n"
		"TI  - T\n"
		"ER  - \n";
	lit_records *list = read_ok(text);
	const lit_record *r = lit_records_at(list, 0);
	const lit_name *n;
	char *out;
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 3);
	n = lit_record_name(r, LIT_VAR_AUTHOR, 1);
	cr_expect_str_eq(n->family, "King");
	cr_expect_str_eq(n->given, "Martin Luther");
	cr_expect_str_eq(n->suffix, "Jr.");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 2);
	cr_expect_str_eq(n->literal, "Институт языкознания РАН");
	cr_expect_null(n->family);
	cr_expect(lit_record_names_etal(r, LIT_VAR_AUTHOR));
	out = write_ris(list);
	cr_expect_null(strstr(out, "others"), "'others' written as a name:\n%s", out);
	cr_expect_not_null(strstr(out, "AU  - King, Martin Luther, Jr.\r\n"));
	cr_expect_not_null(strstr(out, "AU  - Институт языкознания РАН\r\n"));
	cr_expect_not_null(strstr(out, "AU  - Иванов, И. И.\r\n"));
	free(out);
	lit_records_free(list);
}

Test(ris, type_map_read)
{
	struct { const char *code; lit_type t; } m[] = {
		{ "JOUR", LIT_TYPE_ARTICLE_JOURNAL }, { "EJOUR", LIT_TYPE_ARTICLE_JOURNAL },
		{ "BOOK", LIT_TYPE_BOOK }, { "EBOOK", LIT_TYPE_BOOK }, { "CHAP", LIT_TYPE_CHAPTER },
		{ "ECHAP", LIT_TYPE_CHAPTER }, { "CONF", LIT_TYPE_PAPER_CONFERENCE },
		{ "CPAPER", LIT_TYPE_PAPER_CONFERENCE }, { "THES", LIT_TYPE_THESIS },
		{ "RPRT", LIT_TYPE_REPORT }, { "ELEC", LIT_TYPE_WEBPAGE }, { "WEB", LIT_TYPE_WEBPAGE },
		{ "BLOG", LIT_TYPE_POST_WEBLOG }, { "ENCYC", LIT_TYPE_ENTRY_ENCYCLOPEDIA },
		{ "DICT", LIT_TYPE_ENTRY_DICTIONARY }, { "DATA", LIT_TYPE_DATASET },
		{ "MANSCPT", LIT_TYPE_MANUSCRIPT }, { "NEWS", LIT_TYPE_ARTICLE_NEWSPAPER },
		{ "MGZN", LIT_TYPE_ARTICLE_MAGAZINE }, { "PAT", LIT_TYPE_PATENT },
		{ "STAT", LIT_TYPE_LEGISLATION }, { "LEGAL", LIT_TYPE_LEGISLATION },
		{ "MPCT", LIT_TYPE_MOTION_PICTURE }, { "SLIDE", LIT_TYPE_SPEECH },
		{ "PCOMM", LIT_TYPE_PERSONAL_COMMUNICATION }, { "ICOMM", LIT_TYPE_PERSONAL_COMMUNICATION },
		{ "STAND", LIT_TYPE_STANDARD }, { "GEN", LIT_TYPE_DOCUMENT }, { "COMP", LIT_TYPE_SOFTWARE },
		{ "STD", LIT_TYPE_DOCUMENT }, { "WHATEVER", LIT_TYPE_DOCUMENT }, { "jour", LIT_TYPE_ARTICLE_JOURNAL },
	};
	size_t i;
	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		char text[128];
		lit_records *list;
		snprintf(text, sizeof(text), "TY  - %s\nTI  - x\nER  - \n", m[i].code);
		list = read_ok(text);
		cr_expect_eq(lit_record_type(lit_records_at(list, 0)), m[i].t, "%s", m[i].code);
		lit_records_free(list);
	}
}

Test(ris, type_map_write_never_std)
{
	struct { lit_type t; const char *code; } m[] = {
		{ LIT_TYPE_ARTICLE_JOURNAL, "JOUR" }, { LIT_TYPE_BOOK, "BOOK" },
		{ LIT_TYPE_CHAPTER, "CHAP" }, { LIT_TYPE_PAPER_CONFERENCE, "CONF" },
		{ LIT_TYPE_THESIS, "THES" }, { LIT_TYPE_REPORT, "RPRT" }, { LIT_TYPE_WEBPAGE, "ELEC" },
		{ LIT_TYPE_POST_WEBLOG, "BLOG" }, { LIT_TYPE_ENTRY_ENCYCLOPEDIA, "ENCYC" },
		{ LIT_TYPE_ENTRY_DICTIONARY, "DICT" }, { LIT_TYPE_DATASET, "DATA" },
		{ LIT_TYPE_MANUSCRIPT, "MANSCPT" }, { LIT_TYPE_ARTICLE_NEWSPAPER, "NEWS" },
		{ LIT_TYPE_ARTICLE_MAGAZINE, "MGZN" }, { LIT_TYPE_PATENT, "PAT" },
		{ LIT_TYPE_LEGISLATION, "STAT" }, { LIT_TYPE_MOTION_PICTURE, "MPCT" },
		{ LIT_TYPE_SPEECH, "SLIDE" }, { LIT_TYPE_PERSONAL_COMMUNICATION, "PCOMM" },
		{ LIT_TYPE_STANDARD, "STAND" }, { LIT_TYPE_SOFTWARE, "COMP" },
		{ LIT_TYPE_DOCUMENT, "GEN" }, { LIT_TYPE_EVENT, "GEN" }, { LIT_TYPE_INTERVIEW, "GEN" },
	};
	size_t i, t;
	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		lit_records *list = lit_records_new();
		lit_record *r = lit_record_new();
		char want[32], *out;
		lit_record_set_type(r, m[i].t);
		lit_records_push(list, r);
		out = write_ris(list);
		snprintf(want, sizeof(want), "TY  - %s\r\n", m[i].code);
		cr_expect_eq(strncmp(out, want, strlen(want)), 0, "%s -> %s", lit_type_name(m[i].t), out);
		free(out);
		lit_records_free(list);
	}
	/* and no type at all is ever written as STD */
	for (t = 0; t < LIT_TYPE__COUNT; t++) {
		lit_records *list = lit_records_new();
		lit_record *r = lit_record_new();
		char *out;
		lit_record_set_type(r, (lit_type)t);
		lit_records_push(list, r);
		out = write_ris(list);
		cr_expect_null(strstr(out, "STD"), "%s written as STD", lit_type_name((lit_type)t));
		free(out);
		lit_records_free(list);
	}
}

static lit_records *make_book(void)
{
	lit_records *list = lit_records_new();
	lit_record *r = lit_record_new();
	lit_name a = { 0 }, org = { 0 }, ed = { 0 };
	lit_date issued = { 2020, 0, 0, 0, 0, 0, 0, 0, NULL };
	lit_date acc = { 2024, 5, 1, 0, 0, 0, 0, 0, NULL };

	lit_record_set_type(r, LIT_TYPE_BOOK);
	lit_record_set(r, LIT_VAR_TITLE, "Словарь\tредких слов");
	a.family = "Сидоров";
	a.given = "П. А.";
	lit_record_add_name(r, LIT_VAR_AUTHOR, &a);
	org.literal = "Отдел словарей";
	lit_record_add_name(r, LIT_VAR_AUTHOR, &org);
	lit_record_set_names_etal(r, LIT_VAR_AUTHOR, 1);
	ed.family = "Beethoven";
	ed.non_dropping_particle = "van";
	ed.given = "Ludwig";
	lit_record_add_name(r, LIT_VAR_EDITOR, &ed);
	lit_record_set_date(r, LIT_VAR_ISSUED, &issued);
	lit_record_set_date(r, LIT_VAR_ACCESSED, &acc);
	lit_record_set(r, LIT_VAR_ISBN, "978-5-02-038493-3");
	lit_record_set(r, LIT_VAR_PUBLISHER, "Наука");
	lit_record_set(r, LIT_VAR_PUBLISHER_PLACE, "Москва");
	lit_record_set(r, LIT_VAR_EDITION, "3");
	lit_record_set(r, LIT_VAR_LANGUAGE, "ru");
	lit_record_set(r, LIT_VAR_KEYWORD, "лексика, словари");
	lit_record_set(r, LIT_VAR_NOTE, "line one\nline two");
	lit_record_set(r, LIT_VAR_PAGE, "40\xE2\x80\x93" "58");
	lit_record_set(r, LIT_VAR_URL, "https://example.org/book");
	lit_record_set(r, LIT_VAR_COLLECTION_TITLE, "Серия словарей");
	lit_record_set(r, LIT_VAR_ARCHIVE, "Архив РАН");
	lit_record_set(r, LIT_VAR_ARCHIVE_LOCATION, "Ф. 1, оп. 2");
	lit_record_set(r, LIT_VAR_ORIGINAL_TITLE, "Dictionary of rare words");
	lit_record_set(r, LIT_VAR_CALL_NUMBER, "81.2 С34");
	lit_record_set(r, LIT_VAR_SOURCE, "Каталог РГБ");
	lit_record_set(r, LIT_VAR_TITLE_SHORT, "Словарь");
	lit_record_set(r, LIT_VAR_CONTAINER_TITLE_SHORT, "Сл.");
	lit_record_set(r, LIT_VAR_NUMBER_OF_VOLUMES, "2");
	lit_record_set(r, LIT_VAR_ABSTRACT, "Аннотация.");
	lit_record_set(r, LIT_VAR_GENRE, "справочник");
	lit_record_set(r, LIT_VAR_NUMBER, "7");
	lit_records_push(list, r);
	return list;
}

Test(ris, writer_zotero_conventions)
{
	lit_records *list = make_book();
	char *out = write_ris(list);
	const char *p;
	cr_expect_neq((unsigned char)out[0], 0xEF, "BOM written");
	cr_expect_eq(strncmp(out, "TY  - BOOK\r\n", 12), 0);
	/* ends with ER and a blank line */
	cr_expect_str_eq(out + strlen(out) - 10, "ER  - \r\n\r\n");
	/* every newline is a CRLF */
	for (p = out; *p; p++)
		if (*p == '\n')
			cr_assert(p > out && p[-1] == '\r', "bare LF at %ld", (long)(p - out));
	cr_expect_not_null(strstr(out, "TI  - Словарь редких слов\r\n"));
	cr_expect_not_null(strstr(out, "AU  - Сидоров, П. А.\r\nAU  - Отдел словарей\r\n"));
	cr_expect_not_null(strstr(out, "A2  - van Beethoven, Ludwig\r\n"));
	cr_expect_not_null(strstr(out, "T3  - Серия словарей\r\n"));
	cr_expect_not_null(strstr(out, "DA  - 2020///\r\n"));
	cr_expect_not_null(strstr(out, "PY  - 2020\r\n"));
	cr_expect_not_null(strstr(out, "Y2  - 2024/05/01/\r\n"));
	cr_expect_not_null(strstr(out, "SP  - 40\r\nEP  - 58\r\n"));
	cr_expect_not_null(strstr(out, "SN  - 978-5-02-038493-3\r\n"));
	cr_expect_not_null(strstr(out, "KW  - лексика\r\nKW  - словари\r\n"));
	cr_expect_not_null(strstr(out, "N1  - line one\r\nline two\r\n"));
	cr_expect(strstr(out, "PB  - Наука\r\nCY  - Москва\r\n") != NULL ||
	          strstr(out, "CY  - Москва\r\n") != NULL);
	cr_expect_not_null(strstr(out, "ET  - 3\r\n"));
	cr_expect_not_null(strstr(out, "LA  - ru\r\n"));
	cr_expect_not_null(strstr(out, "UR  - https://example.org/book\r\n"));
	cr_expect_null(strstr(out, "others"));
	cr_expect_null(strstr(out, "JO  -"));
	free(out);
	lit_records_free(list);
}

/* bibutils drops 13-digit ISBNs in RIS -> RIS; they must survive. */
Test(ris, regression_isbn13_round_trip)
{
	const char *text = "TY  - BOOK\r\nTI  - Книга\r\nSN  - 978-5-02-038493-3\r\nER  - \r\n\r\n";
	lit_records *list = read_ok(text);
	char *out = write_ris(list);
	cr_expect_str_eq(get(lit_records_at(list, 0), LIT_VAR_ISBN), "978-5-02-038493-3");
	cr_expect_not_null(strstr(out, "SN  - 978-5-02-038493-3\r\n"), "%s", out);
	free(out);
	lit_records_free(list);
}

Test(ris, sn_issn_for_articles_isbn_otherwise)
{
	lit_records *list = lit_records_new();
	lit_record *r = lit_record_new();
	char *out;
	lit_records *back;
	lit_record_set_type(r, LIT_TYPE_ARTICLE_JOURNAL);
	lit_record_set(r, LIT_VAR_ISSN, "1234-5679");
	lit_record_set(r, LIT_VAR_ISBN, "9780306406157");
	lit_records_push(list, r);
	out = write_ris(list);
	cr_expect_not_null(strstr(out, "SN  - 1234-5679\r\nSN  - 9780306406157\r\n"), "%s", out);
	back = read_ok(out);
	cr_expect_str_eq(get(lit_records_at(back, 0), LIT_VAR_ISSN), "1234-5679");
	cr_expect_str_eq(get(lit_records_at(back, 0), LIT_VAR_ISBN), "9780306406157");
	lit_records_free(back);
	free(out);
	lit_records_free(list);
}

/* Every mapped field survives RIS -> records -> RIS -> records, and the
 * second RIS text equals the first. */
Test(ris, round_trip)
{
	lit_records *list = make_book(), *back, *back2;
	char *out = write_ris(list), *out2;
	const lit_record *a = lit_records_at(list, 0), *b;
	size_t i;
	back = read_ok(out);
	cr_assert_eq(lit_records_count(back), 1);
	b = lit_records_at(back, 0);
	cr_expect_eq(lit_record_type(b), LIT_TYPE_BOOK);
	for (i = 0; i < lit_record_field_count(a); i++) {
		lit_var v;
		const char *val = lit_record_field_at(a, i, &v);
		if (v == LIT_VAR_TITLE)
			cr_expect_str_eq(get(b, v), "Словарь редких слов"); /* tab became a space */
		else if (v == LIT_VAR_PAGE)
			cr_expect_str_eq(get(b, v), "40-58");
		else
			cr_expect_str_eq(get(b, v), val, "%s", lit_var_name(v));
	}
	cr_expect_eq(lit_record_field_count(b), lit_record_field_count(a));
	cr_expect_eq(lit_record_name_count(b, LIT_VAR_AUTHOR), 2);
	cr_expect(lit_record_names_etal(b, LIT_VAR_AUTHOR) == 0); /* RIS cannot say "et al." */
	cr_expect_str_eq(lit_record_name(b, LIT_VAR_EDITOR, 0)->family, "Beethoven");
	cr_expect_str_eq(lit_record_name(b, LIT_VAR_EDITOR, 0)->non_dropping_particle, "van");
	cr_expect_eq(lit_record_date(b, LIT_VAR_ISSUED)->year, 2020);
	cr_expect_eq(lit_record_date(b, LIT_VAR_ACCESSED)->day, 1);
	out2 = write_ris(back);
	cr_expect_str_eq(out2, out);
	back2 = read_ok(zotero_sample);
	free(out2);
	out2 = write_ris(back2);
	{
		/* the Zotero sample comes back with the same tags and values */
		const char *tags[] = { "TY  - JOUR", "AU  - Петрова, Анна Сергеевна", "AU  - Ким, Д. Л.",
			"T2  - Вопросы языкознания. Серия 4: Диалектология", "DA  - 2019/03/15/",
			"PY  - 2019", "VL  - 12", "IS  - 3", "SP  - 115", "EP  - 131", "LA  - ru",
			"SN  - 0373-658X", "DO  - 10.31857/S0373658X0004711-1", "DP  - elibrary.example",
			"Y2  - 2024/05/01/", "KW  - диалекты", "KW  - морфология", NULL };
		for (i = 0; tags[i]; i++)
			cr_expect_not_null(strstr(out2, tags[i]), "missing %s", tags[i]);
	}
	free(out2);
	lit_records_free(back2);
	lit_records_free(back);
	free(out);
	lit_records_free(list);
}

Test(ris, several_records_and_missing_er)
{
	const char *text =
		"TY  - JOUR\nTI  - one\nER  - \n"
		"TY  - BOOK\nTI  - two\n"          /* no ER: ended by the next TY */
		"TY  - RPRT\nTI  - three\nER  -\n";
	lit_records *list = read_ok(text);
	cr_assert_eq(lit_records_count(list), 3);
	cr_expect_str_eq(get(lit_records_at(list, 1), LIT_VAR_TITLE), "two");
	cr_expect_eq(lit_record_type(lit_records_at(list, 2)), LIT_TYPE_REPORT);
	cr_expect_eq(lit_record_line(lit_records_at(list, 2)), 6);
	lit_records_free(list);
	/* no ER at the end of the input: the file was cut; an error at the record's line */
	lit_error err;
	lit_error_clear(&err);
	const char *cut = "TY  - JOUR\nTI  - one\nER  - \nTY  - BOOK\nTI  - two\n";
	list = read_ris(cut, strlen(cut), LIT_EPARSE, &err);
	cr_expect_eq(err.line, 4);
	cr_expect_eq(lit_records_count(list), 1);
	lit_records_free(list);
}

Test(ris, empty_input_is_no_records)
{
	lit_records *list = read_ok("\r\n  \n");
	cr_expect_eq(lit_records_count(list), 0);
	lit_records_free(list);
}

Test(ris, error_record_without_ty)
{
	lit_error err;
	const char *text = "TY  - JOUR\nTI  - ok\nER  - \n\nAU  - Lost, Author\nER  - \n";
	lit_records *list;
	lit_error_clear(&err);
	list = read_ris(text, strlen(text), LIT_EPARSE, &err);
	cr_expect_eq(err.line, 5);
	cr_expect_str_eq(err.file, "test.ris");
	cr_expect_not_null(strstr(err.message, "TY"), "%s", err.message);
	cr_expect_eq(lit_records_count(list), 1); /* records before the error are kept */
	lit_records_free(list);
}

Test(ris, error_garbage)
{
	lit_error err;
	const char *text = "this is not RIS at all\nTY  - JOUR\n";
	lit_records *list;
	lit_error_clear(&err);
	list = read_ris(text, strlen(text), LIT_EPARSE, &err);
	cr_expect_eq(err.line, 1);
	cr_expect_eq(lit_records_count(list), 0);
	lit_records_free(list);

	lit_error_clear(&err);
	list = read_ris("ER  - \n", 7, LIT_EPARSE, &err);
	cr_expect_eq(err.line, 1);
	lit_records_free(list);

	lit_error_clear(&err);
	list = read_ris("TY  - \nER  - \n", 14, LIT_EPARSE, &err);
	cr_expect_eq(err.line, 1);
	lit_records_free(list);
}

Test(ris, binary_junk)
{
	unsigned char junk[4096];
	size_t i;
	unsigned x = 12345;
	lit_error err;
	lit_records *list = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	for (i = 0; i < sizeof(junk); i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (unsigned char)(x >> 16);
	}
	o.format = "ris";
	lit_error_clear(&err);
	cr_expect_neq(lit_read_buffer(list, (const char *)junk, sizeof(junk), &o, &err), LIT_OK);
	cr_expect_eq(lit_records_count(list), 0);
	lit_records_free(list);
}

Test(ris, ten_megabyte_line)
{
	size_t n = 10u << 20;
	char *text = malloc(n + 64);
	lit_records *list;
	const char *v;
	cr_assert_not_null(text);
	memcpy(text, "TY  - JOUR\nAB  - ", 17);
	memset(text + 17, 'a', n);
	memcpy(text + 17 + n, "\nER  - \n", 9);
	list = read_ok(text);
	cr_assert_eq(lit_records_count(list), 1);
	v = lit_record_get(lit_records_at(list, 0), LIT_VAR_ABSTRACT);
	cr_assert_not_null(v);
	cr_expect_eq(strlen(v), n);
	lit_records_free(list);

	/* the same line without a record is an error at line 1, not a crash */
	{
		lit_error err;
		memset(text, 'b', n);
		text[n] = '\0';
		lit_error_clear(&err);
		list = read_ris(text, n, LIT_EPARSE, &err);
		cr_expect_eq(err.line, 1);
		lit_records_free(list);
	}
	free(text);
}

Test(ris, detect)
{
	cr_expect_str_eq(lit_detect_format(zotero_sample, strlen(zotero_sample)), "ris");
	cr_expect_str_eq(lit_detect_format("\xEF\xBB\xBF\r\nTY  - BOOK\r\n", 16), "ris");
}

Test(ris, dates_y1_and_literal)
{
	const char *text =
		"TY  - JOUR\nY1  - 2007/05/01/\nER  - \n"
		"TY  - JOUR\nPY  - 2007///\nDA  - 2007/11/20/\nER  - \n"
		"TY  - JOUR\nPY  - в печати\nER  - \n"
		"TY  - JOUR\nPY  - 2010\nDA  - 2011/02/03\nER  - \n";
	lit_records *list = read_ok(text);
	const lit_date *d;
	cr_assert_eq(lit_records_count(list), 4);
	d = lit_record_date(lit_records_at(list, 0), LIT_VAR_ISSUED);
	cr_expect_eq(d->year, 2007);
	cr_expect_eq(d->month, 5);
	cr_expect_eq(d->day, 1);
	d = lit_record_date(lit_records_at(list, 1), LIT_VAR_ISSUED);
	cr_expect_eq(d->month, 11);
	cr_expect_eq(d->day, 20);
	d = lit_record_date(lit_records_at(list, 2), LIT_VAR_ISSUED);
	cr_expect_eq(d->year, 0);
	cr_expect_str_eq(d->literal, "в печати");
	d = lit_record_date(lit_records_at(list, 3), LIT_VAR_ISSUED);
	cr_expect_eq(d->year, 2010); /* PY wins when DA disagrees */
	lit_records_free(list);
}

/* A note whose lines would read back as tags ("ER  - ", even through a
 * control character the writer turns into a space) is written on one line,
 * so the output still has one record per input record. */
Test(ris, note_with_tag_like_lines)
{
	const char *notes[] = { "first\nER  - \nPY  - 1999", "x\rER  -\x1d",
		"x\nER\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f  - y", "ok\nplain second line", NULL };
	size_t i;
	for (i = 0; notes[i]; i++) {
		lit_records *list = lit_records_new(), *back;
		lit_record *r = lit_record_new();
		char *out;
		lit_record_set(r, LIT_VAR_NOTE, notes[i]);
		lit_record_set(r, LIT_VAR_TITLE, "T");
		lit_records_push(list, r);
		out = write_ris(list);
		back = read_ok(out);
		cr_expect_eq(lit_records_count(back), 1, "%s", out);
		cr_expect_str_eq(get(lit_records_at(back, 0), LIT_VAR_TITLE), "T");
		if (i == 3)
			cr_expect_str_eq(get(lit_records_at(back, 0), LIT_VAR_NOTE), "ok\nplain second line");
		else
			cr_expect_null(lit_record_date(lit_records_at(back, 0), LIT_VAR_ISSUED));
		lit_records_free(back);
		free(out);
		lit_records_free(list);
	}
}

Test(ris, season_survives_da)
{
	lit_records *list = lit_records_new(), *back;
	lit_record *r = lit_record_new();
	lit_date d = { 2004, 0, 0, 0, 0, 0, LIT_SEASON_WINTER, 0, NULL };
	char *out;
	const lit_date *b;
	lit_record_set_date(r, LIT_VAR_ISSUED, &d);
	lit_records_push(list, r);
	out = write_ris(list);
	cr_expect_not_null(strstr(out, "DA  - 2004///Winter\r\nPY  - 2004\r\n"), "%s", out);
	back = read_ok(out);
	b = lit_record_date(lit_records_at(back, 0), LIT_VAR_ISSUED);
	cr_assert_not_null(b);
	cr_expect_eq(b->year, 2004);
	cr_expect_eq(b->season, LIT_SEASON_WINTER);
	lit_records_free(back);
	free(out);
	lit_records_free(list);
}

/* Some publishers put a short header before the first record. */
Test(ris, publisher_header_lines)
{
	const char *text =
		"Provider: Example University Press\r\n"
		"Database: Example Core\r\n"
		"Content: text/plain; charset=\"UTF-8\"\r\n"
		"\r\n"
		"TY  - JOUR\r\nTI  - Headed\r\nER  - \r\n";
	lit_records *list = read_ok(text);
	cr_assert_eq(lit_records_count(list), 1);
	cr_expect_str_eq(get(lit_records_at(list, 0), LIT_VAR_TITLE), "Headed");
	cr_expect_eq(lit_record_line(lit_records_at(list, 0)), 5);
	cr_expect_str_eq(lit_detect_format(text, strlen(text)), "ris");
	lit_records_free(list);
	{
		/* but not between records */
		lit_error err;
		const char *bad = "TY  - JOUR\nER  - \nProvider: late\n";
		lit_error_clear(&err);
		list = read_ris(bad, strlen(bad), LIT_EPARSE, &err);
		cr_expect_eq(err.line, 3);
		lit_records_free(list);
	}
}

/* Names written without a comma: "Family I.I." and "I. I. Family" are
 * split; anything else (organisations) stays a literal. */
Test(ris, names_without_comma)
{
	const char *text =
		"TY  - JOUR\n"
		"AU  - Иванов И.И.\n"
		"AU  - И. И. Петров\n"
		"AU  - Dupont J.-P.\n"
		"AU  - U.S. Department of Energy\n"
		"AU  - Институт языкознания РАН\n"
		"AU  - Mao Zedong\n"
		"ER  - \n";
	lit_records *list = read_ok(text);
	const lit_record *r = lit_records_at(list, 0);
	const lit_name *n;
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 6);
	n = lit_record_name(r, LIT_VAR_AUTHOR, 0);
	cr_expect_str_eq(n->family, "Иванов");
	cr_expect_str_eq(n->given, "И.И.");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 1);
	cr_expect_str_eq(n->family, "Петров");
	cr_expect_str_eq(n->given, "И. И.");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 2);
	cr_expect_str_eq(n->family, "Dupont");
	cr_expect_str_eq(n->given, "J.-P.");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 3);
	cr_expect_str_eq(n->literal, "U.S. Department of Energy");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 4);
	cr_expect_str_eq(n->literal, "Институт языкознания РАН");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 5);
	cr_expect_str_eq(n->literal, "Mao Zedong");
	lit_records_free(list);
}

/* Through the command line: RIS -> CSL-JSON -> RIS with `litera convert`,
 * and the error format for bad RIS ("litera: FILE:LINE: message", exit 1). */
#ifdef LITERA_TOOL
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static char *slurp_cmd(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	char tmp[4096];
	cr_assert_not_null(p);
	while ((n = fread(tmp, 1, sizeof(tmp), p)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			buf = realloc(buf, cap);
			cr_assert_not_null(buf);
		}
		memcpy(buf + len, tmp, n);
		len += n;
	}
	if (!buf)
		buf = calloc(1, 1);
	else
		buf[len] = '\0';
	*status = pclose(p);
	return buf;
}

Test(ris, cli_round_trip_and_errors)
{
	char dir[] = "/tmp/litera-ris-XXXXXX";
	char path[512], json[512], cmd[2048];
	FILE *f;
	char *out;
	int st;
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/in.ris", dir);
	snprintf(json, sizeof(json), "%s/out.json", dir);
	f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs(zotero_sample, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "'%s' convert '%s' --to csljson -o '%s' 2>&1", LITERA_TOOL, path, json);
	out = slurp_cmd(cmd, &st);
	cr_expect_eq(WEXITSTATUS(st), 0, "%s", out);
	free(out);
	snprintf(cmd, sizeof(cmd), "'%s' convert '%s' --to ris 2>&1", LITERA_TOOL, json);
	out = slurp_cmd(cmd, &st);
	cr_expect_eq(WEXITSTATUS(st), 0, "%s", out);
	cr_expect_not_null(strstr(out, "T2  - Вопросы языкознания. Серия 4: Диалектология\r\n"), "%s", out);
	cr_expect_not_null(strstr(out, "Y2  - 2024/05/01/\r\n"));
	cr_expect_not_null(strstr(out, "DA  - 2019/03/15/\r\n"));
	free(out);

	f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs("TY  - JOUR\nER  - \nnot ris\n", f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "'%s' convert '%s' --from ris --to csljson 2>&1 >/dev/null", LITERA_TOOL, path);
	out = slurp_cmd(cmd, &st);
	cr_expect_eq(WEXITSTATUS(st), 1, "%s", out);
	{
		char want[600];
		snprintf(want, sizeof(want), "litera: %s:3: ", path);
		cr_expect_eq(strncmp(out, want, strlen(want)), 0, "got: %s", out);
	}
	free(out);
	unlink(path);
	unlink(json);
	rmdir(dir);
}
#endif

/* Zotero writes a book's series in T2 and a report's number in SN. */
Test(ris, zotero_book_series_and_report_number)
{
	const char *text =
		"TY  - BOOK\r\nTI  - Книга\r\nT2  - Серия «Словари»\r\nSN  - 978-5-02-038493-3\r\nER  - \r\n\r\n"
		"TY  - BOOK\r\nTI  - Том\r\nT2  - Собрание\r\nT3  - Серия\r\nER  - \r\n\r\n"
		"TY  - RPRT\r\nTI  - Отчёт\r\nSN  - ТР-2020/17\r\nPB  - Институт\r\nER  - \r\n\r\n"
		"TY  - CHAP\r\nTI  - Глава\r\nT2  - Сборник\r\nT3  - Серия\r\nER  - \r\n\r\n";
	lit_records *list = read_ok(text);
	const lit_record *r;
	cr_assert_eq(lit_records_count(list), 4);
	r = lit_records_at(list, 0);
	cr_expect_str_eq(get(r, LIT_VAR_COLLECTION_TITLE), "Серия «Словари»");
	cr_expect_null(lit_record_get(r, LIT_VAR_CONTAINER_TITLE));
	cr_expect_str_eq(get(r, LIT_VAR_ISBN), "978-5-02-038493-3");
	r = lit_records_at(list, 1);
	cr_expect_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Собрание");
	cr_expect_str_eq(get(r, LIT_VAR_COLLECTION_TITLE), "Серия");
	r = lit_records_at(list, 2);
	cr_expect_str_eq(get(r, LIT_VAR_NUMBER), "ТР-2020/17");
	cr_expect_null(lit_record_get(r, LIT_VAR_ISBN));
	r = lit_records_at(list, 3);
	cr_expect_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Сборник");
	cr_expect_str_eq(get(r, LIT_VAR_COLLECTION_TITLE), "Серия");
	lit_records_free(list);
}

Test(ris, name_particles)
{
	const char *text =
		"TY  - BOOK\n"
		"AU  - de la Cruz, Juana Inés\n"
		"AU  - La Fontaine, Jean de\n"
		"AU  - hooks, bell\n"
		"AU  - d'Artagnan, Charles\n"
		"ER  - \n";
	lit_records *list = read_ok(text);
	const lit_record *r = lit_records_at(list, 0);
	const lit_name *n;
	char *out;
	n = lit_record_name(r, LIT_VAR_AUTHOR, 0);
	cr_expect_str_eq(n->non_dropping_particle, "de la");
	cr_expect_str_eq(n->family, "Cruz");
	cr_expect_str_eq(n->given, "Juana Inés");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 1);
	cr_expect_str_eq(n->family, "La Fontaine");
	cr_expect_str_eq(n->given, "Jean");
	cr_expect_str_eq(n->dropping_particle, "de");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 2);
	cr_expect_str_eq(n->family, "hooks");
	cr_expect_str_eq(n->given, "bell");
	cr_expect_null(n->non_dropping_particle);
	n = lit_record_name(r, LIT_VAR_AUTHOR, 3);
	cr_expect_str_eq(n->family, "d'Artagnan");
	out = write_ris(list);
	cr_expect_not_null(strstr(out, "AU  - de la Cruz, Juana Inés\r\nAU  - La Fontaine, Jean de\r\n"
	                               "AU  - hooks, bell\r\nAU  - d'Artagnan, Charles\r\n"), "%s", out);
	free(out);
	lit_records_free(list);
}
