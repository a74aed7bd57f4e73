/*
 * test_csljson.c - the CSL-JSON reader and writer: every kind of variable,
 * names with particles and "and others", dates (parts, ranges, seasons,
 * circa, literal, raw), custom entries and provenance, round trips, and
 * bad input (invalid JSON, deep nesting, huge lines, junk).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "litera/io.h"
#include "litera/record.h"
#include "util/json.h"

static lit_records *read_json(const char *text, size_t len, int expect_rc, lit_error *err)
{
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_records *list = lit_records_new();
	int rc;
	o.format = "csljson";
	o.filename = "items.json";
	cr_assert_not_null(list);
	rc = lit_read_buffer(list, text, len, &o, err);
	cr_assert_eq(rc, expect_rc, "rc %d (%s line %ld)", rc, err ? err->message : "",
	             err ? err->line : 0L);
	return list;
}

static lit_records *read_ok(const char *text)
{
	lit_error err;
	lit_error_clear(&err);
	return read_json(text, strlen(text), LIT_OK, &err);
}

static char *write_json(const lit_records *list)
{
	char *out = NULL;
	size_t len = 0;
	lit_error err;
	lit_json_doc *doc;
	lit_error_clear(&err);
	cr_assert_eq(lit_write_buffer(list, "csljson", NULL, &out, &len, &err), LIT_OK, "%s",
	             err.message);
	cr_assert_not_null(out);
	/* the output is always valid JSON */
	doc = lit_json_parse(out, len, "out", &err);
	cr_assert_not_null(doc, "invalid JSON written (%s line %ld):\n%s", err.message, err.line, out);
	cr_assert_eq(lit_json_root(doc)->type, LIT_JSON_ARRAY);
	lit_json_free(doc);
	return out;
}

static const char *get(const lit_record *r, lit_var v)
{
	const char *s = lit_record_get(r, v);
	return s ? s : "(null)";
}

static const char sample[] =
	"[\n"
	"  {\n"
	"    \"id\": \"petrova2019\",\n"
	"    \"type\": \"article-journal\",\n"
	"    \"title\": \"Морфология глагола\",\n"
	"    \"container-title\": \"Вопросы языкознания\",\n"
	"    \"container-title-short\": \"ВЯ\",\n"
	"    \"volume\": 12,\n"
	"    \"issue\": \"3\",\n"
	"    \"page\": \"115-131\",\n"
	"    \"DOI\": \"10.31857/S0373658X0004711-1\",\n"
	"    \"ISSN\": \"0373-658X\",\n"
	"    \"language\": \"ru\",\n"
	"    \"author\": [\n"
	"      {\"family\": \"Петрова\", \"given\": \"А. С.\"},\n"
	"      {\"family\": \"Beethoven\", \"given\": \"Ludwig\", \"non-dropping-particle\": \"van\"},\n"
	"      {\"family\": \"La Fontaine\", \"given\": \"Jean\", \"dropping-particle\": \"de\"},\n"
	"      {\"family\": \"King\", \"given\": \"Martin Luther\", \"suffix\": \"Jr.\", \"comma-suffix\": true},\n"
	"      {\"family\": \"Мао\", \"given\": \"Цзэдун\", \"static-ordering\": true},\n"
	"      {\"literal\": \"Институт языкознания РАН\"},\n"
	"      {\"literal\": \"others\"}\n"
	"    ],\n"
	"    \"editor\": [{\"family\": \"Smith\", \"given\": \"J.\"}, {\"family\": \"others\"}],\n"
	"    \"issued\": {\"date-parts\": [[\"2019\", \"3\", 15]]},\n"
	"    \"accessed\": {\"date-parts\": [[2024, 5, 1]]},\n"
	"    \"event-date\": {\"date-parts\": [[2004, 5], [2004, 6]]},\n"
	"    \"original-date\": {\"date-parts\": [[1850]], \"circa\": true},\n"
	"    \"submitted\": {\"season\": 1, \"date-parts\": [[2004]]},\n"
	"    \"available-date\": {\"literal\": \"в печати\"},\n"
	"    \"custom\": {\n"
	"      \"raw\": \"Петрова А. С. Морфология глагола // ВЯ. 2019.\",\n"
	"      \"where\": \"footnote\",\n"
	"      \"line\": 42,\n"
	"      \"source\": \"thesis.docx\",\n"
	"      \"label\": \"12\",\n"
	"      \"cited_at\": [3, 17],\n"
	"      \"merged_ids\": {\"a\": [1, 2.5, \"x\"], \"b\": null}\n"
	"    }\n"
	"  },\n"
	"  {\"id\": 7, \"type\": \"book\", \"title\": \"Second\", \"number-of-pages\": 320,\n"
	"   \"issued\": {\"raw\": \"Spring 2004\"}, \"publisher\": \"Наука\",\n"
	"   \"publisher-place\": \"Москва\", \"ISBN\": \"978-5-02-038493-3\",\n"
	"   \"note\": \"line one\\nline two\\t\\u0001end\", \"unknown-thing\": 5}\n"
	"]\n";

Test(csljson, read_everything)
{
	lit_records *list = read_ok(sample);
	const lit_record *r;
	const lit_name *n;
	const lit_date *d;
	const char *v;
	int is_json = -1;

	cr_assert_eq(lit_records_count(list), 2);
	r = lit_records_at(list, 0);
	cr_expect_str_eq(lit_record_id(r), "petrova2019");
	cr_expect_eq(lit_record_type(r), LIT_TYPE_ARTICLE_JOURNAL);
	cr_expect_str_eq(get(r, LIT_VAR_TITLE), "Морфология глагола");
	cr_expect_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Вопросы языкознания");
	cr_expect_str_eq(get(r, LIT_VAR_CONTAINER_TITLE_SHORT), "ВЯ");
	cr_expect_str_eq(get(r, LIT_VAR_VOLUME), "12");
	cr_expect_str_eq(get(r, LIT_VAR_ISSUE), "3");
	cr_expect_str_eq(get(r, LIT_VAR_PAGE), "115-131");
	cr_expect_str_eq(get(r, LIT_VAR_DOI), "10.31857/S0373658X0004711-1");
	cr_expect_str_eq(get(r, LIT_VAR_ISSN), "0373-658X");
	cr_expect_str_eq(get(r, LIT_VAR_LANGUAGE), "ru");

	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 6);
	cr_expect(lit_record_names_etal(r, LIT_VAR_AUTHOR));
	n = lit_record_name(r, LIT_VAR_AUTHOR, 1);
	cr_expect_str_eq(n->non_dropping_particle, "van");
	cr_expect_str_eq(n->family, "Beethoven");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 2);
	cr_expect_str_eq(n->dropping_particle, "de");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 3);
	cr_expect_str_eq(n->suffix, "Jr.");
	cr_expect(n->comma_suffix);
	cr_expect(!n->static_ordering);
	n = lit_record_name(r, LIT_VAR_AUTHOR, 4);
	cr_expect(n->static_ordering);
	n = lit_record_name(r, LIT_VAR_AUTHOR, 5);
	cr_expect_str_eq(n->literal, "Институт языкознания РАН");
	cr_expect_null(n->family);
	cr_expect_eq(lit_record_name_count(r, LIT_VAR_EDITOR), 1);
	cr_expect(lit_record_names_etal(r, LIT_VAR_EDITOR));

	d = lit_record_date(r, LIT_VAR_ISSUED);
	cr_assert_not_null(d);
	cr_expect_eq(d->year, 2019);
	cr_expect_eq(d->month, 3);
	cr_expect_eq(d->day, 15);
	d = lit_record_date(r, LIT_VAR_ACCESSED);
	cr_expect_eq(d->year, 2024);
	cr_expect_eq(d->day, 1);
	d = lit_record_date(r, LIT_VAR_EVENT_DATE);
	cr_expect_eq(d->month, 5);
	cr_expect_eq(d->end_year, 2004);
	cr_expect_eq(d->end_month, 6);
	d = lit_record_date(r, LIT_VAR_ORIGINAL_DATE);
	cr_expect_eq(d->year, 1850);
	cr_expect(d->circa);
	d = lit_record_date(r, LIT_VAR_SUBMITTED);
	cr_expect_eq(d->season, LIT_SEASON_SPRING);
	d = lit_record_date(r, LIT_VAR_AVAILABLE_DATE);
	cr_expect_eq(d->year, 0);
	cr_expect_str_eq(d->literal, "в печати");

	cr_expect_str_eq(lit_record_raw(r), "Петрова А. С. Морфология глагола // ВЯ. 2019.");
	cr_expect_eq(lit_record_where(r), LIT_WHERE_FOOTNOTE);
	cr_expect_eq(lit_record_line(r), 42);
	cr_expect_str_eq(lit_record_source(r), "thesis.docx");
	v = lit_record_custom(r, "label", &is_json);
	cr_expect_str_eq(v, "12");
	cr_expect_eq(is_json, 0);
	v = lit_record_custom(r, "cited_at", &is_json);
	cr_expect_str_eq(v, "[3, 17]");
	cr_expect_eq(is_json, 1);
	v = lit_record_custom(r, "merged_ids", &is_json);
	cr_expect_str_eq(v, "{\"a\": [1, 2.5, \"x\"], \"b\": null}");
	cr_expect_null(lit_record_custom(r, "raw", NULL));

	r = lit_records_at(list, 1);
	cr_expect_str_eq(lit_record_id(r), "7");
	cr_expect_eq(lit_record_type(r), LIT_TYPE_BOOK);
	cr_expect_str_eq(get(r, LIT_VAR_NUMBER_OF_PAGES), "320");
	cr_expect_str_eq(get(r, LIT_VAR_ISBN), "978-5-02-038493-3");
	cr_expect_str_eq(get(r, LIT_VAR_NOTE), "line one\nline two\t\x01" "end");
	d = lit_record_date(r, LIT_VAR_ISSUED);
	cr_expect_eq(d->year, 2004);
	cr_expect_eq(d->season, LIT_SEASON_SPRING);
	cr_expect_str_eq(lit_record_source(r), "items.json");
	cr_expect_eq(lit_record_line(r), 40);
	lit_records_free(list);
}

Test(csljson, top_level_forms)
{
	lit_records *list = read_ok("{\"id\": \"a\", \"type\": \"book\", \"title\": \"One\"}");
	cr_expect_eq(lit_records_count(list), 1);
	cr_expect_str_eq(get(lit_records_at(list, 0), LIT_VAR_TITLE), "One");
	lit_records_free(list);
	list = read_ok("{\"items\": [{\"id\": \"a\", \"type\": \"book\"}, {\"id\": \"b\", \"type\": \"nonsense\"}]}");
	cr_expect_eq(lit_records_count(list), 2);
	cr_expect_eq(lit_record_type(lit_records_at(list, 1)), LIT_TYPE_DOCUMENT);
	lit_records_free(list);
	list = read_ok("[]");
	cr_expect_eq(lit_records_count(list), 0);
	lit_records_free(list);
}

Test(csljson, dates_in_other_shapes)
{
	lit_records *list = read_ok(
		"[{\"id\": \"a\", \"type\": \"book\", \"issued\": \"2004-05-01/2004-06\",\n"
		"  \"accessed\": {\"date-parts\": [[\"2020\"]], \"season\": \"Winter\"},\n"
		"  \"event-date\": {\"raw\": \"18 августа 2023 г.\"},\n"
		"  \"original-date\": {\"raw\": \"неизвестно\"},\n"
		"  \"submitted\": {\"date-parts\": [[2004, 22]]},\n"
		"  \"available-date\": {\"date-parts\": [[2004, 18]]}}]");
	const lit_record *r = lit_records_at(list, 0);
	const lit_date *d = lit_record_date(r, LIT_VAR_ISSUED);
	cr_expect_eq(d->year, 2004);
	cr_expect_eq(d->day, 1);
	cr_expect_eq(d->end_month, 6);
	d = lit_record_date(r, LIT_VAR_ACCESSED);
	cr_expect_eq(d->year, 2020);
	cr_expect_eq(d->season, LIT_SEASON_WINTER);
	d = lit_record_date(r, LIT_VAR_EVENT_DATE);
	cr_expect_eq(d->month, 8);
	cr_expect_eq(d->day, 18);
	d = lit_record_date(r, LIT_VAR_ORIGINAL_DATE);
	cr_expect_eq(d->year, 0);
	cr_expect_str_eq(d->literal, "неизвестно");
	d = lit_record_date(r, LIT_VAR_SUBMITTED);
	cr_expect_eq(d->month, 0);
	cr_expect_eq(d->season, LIT_SEASON_SUMMER);
	/* 17-20 are seasons too (citeproc-js: ((m - 13) mod 4) + 1): 18 is summer */
	d = lit_record_date(r, LIT_VAR_AVAILABLE_DATE);
	cr_expect_eq(d->month, 0);
	cr_expect_eq(d->season, LIT_SEASON_SUMMER);
	lit_records_free(list);
}

static lit_records *make_records(void)
{
	lit_records *list = lit_records_new();
	lit_record *r = lit_record_new();
	lit_name a = { 0 }, org = { 0 };
	lit_date issued = { 2021, 4, 0, 2022, 0, 0, 0, 0, NULL };
	lit_date orig = { 1850, 0, 0, 0, 0, 0, LIT_SEASON_AUTUMN, 1, NULL };
	lit_date lit = { 0, 0, 0, 0, 0, 0, 0, 0, "б. г." };

	lit_record_set_id(r, "x1");
	lit_record_set_type(r, LIT_TYPE_CHAPTER);
	lit_record_set(r, LIT_VAR_TITLE, "Title with \"quotes\", \\ and \x01\x1f control\ttab\nnewline");
	lit_record_set(r, LIT_VAR_CONTAINER_TITLE, "Сборник");
	lit_record_set(r, LIT_VAR_PAGE, "10-20");
	lit_record_set(r, LIT_VAR_VOLUME, "2");
	lit_record_set(r, LIT_VAR_ABSTRACT, "Аннотация");
	lit_record_set(r, LIT_VAR_YEAR_SUFFIX, "a");
	a.family = "Иванов";
	a.given = "И. И.";
	lit_record_add_name(r, LIT_VAR_AUTHOR, &a);
	org.literal = "ООО «Рога и копыта»";
	lit_record_add_name(r, LIT_VAR_AUTHOR, &org);
	lit_record_set_names_etal(r, LIT_VAR_AUTHOR, 1);
	lit_record_add_name(r, LIT_VAR_TRANSLATOR, &a);
	lit_record_set_date(r, LIT_VAR_ISSUED, &issued);
	lit_record_set_date(r, LIT_VAR_ORIGINAL_DATE, &orig);
	lit_record_set_date(r, LIT_VAR_ACCESSED, &lit);
	lit_record_set_raw(r, "Иванов И. И. Глава // Сборник. 2021. С. 10-20.");
	lit_record_set_where(r, LIT_WHERE_BIBLIOGRAPHY);
	lit_record_set_source(r, "paper.pdf", 120);
	lit_record_set_custom(r, "label", "[5]", 0);
	lit_record_set_custom(r, "cited_at", "[1, 4]", 1);
	lit_record_set_custom(r, "broken", "{not json", 1);
	lit_records_push(list, r);

	r = lit_record_new();
	lit_record_set_type(r, LIT_TYPE_WEBPAGE);
	lit_record_set(r, LIT_VAR_TITLE, "No id here");
	lit_record_set(r, LIT_VAR_URL, "https://example.org/?a=1&b=2");
	lit_records_push(list, r);
	return list;
}

Test(csljson, writer_shape)
{
	lit_records *list = make_records();
	char *out = write_json(list);
	{
		const char *head = "[\n  {\n    \"id\": \"x1\",\n    \"type\": \"chapter\",\n    \"title\": ";
		cr_expect_eq(strncmp(out, head, strlen(head)), 0, "%s", out);
	}
	cr_expect_neq((unsigned char)out[0], 0xEF);
	cr_expect_not_null(strstr(out, "\\\"quotes\\\", \\\\ and \\u0001\\u001f control\\ttab\\nnewline"), "%s", out);
	cr_expect_not_null(strstr(out, "\"author\": [\n      {\"family\": \"Иванов\", \"given\": \"И. И.\"},\n"
	                               "      {\"literal\": \"ООО «Рога и копыта»\"}\n    ]"), "%s", out);
	cr_expect_null(strstr(out, "\"others\""), "others written as a name");
	cr_expect_not_null(strstr(out, "\"issued\": {\"date-parts\": [[2021, 4], [2022]]}"), "%s", out);
	cr_expect_not_null(strstr(out, "\"original-date\": {\"date-parts\": [[1850]], \"season\": 3, \"circa\": true}"));
	cr_expect_not_null(strstr(out, "\"accessed\": {\"literal\": \"б. г.\"}"));
	cr_expect_not_null(strstr(out, "\"raw\": \"Иванов И. И. Глава // Сборник. 2021. С. 10-20.\""));
	cr_expect_not_null(strstr(out, "\"where\": \"bibliography\""));
	cr_expect_not_null(strstr(out, "\"line\": 120"));
	cr_expect_not_null(strstr(out, "\"source\": \"paper.pdf\""));
	cr_expect_not_null(strstr(out, "\"label\": \"[5]\""));
	cr_expect_not_null(strstr(out, "\"cited_at\": [1, 4]"));
	cr_expect_not_null(strstr(out, "\"broken\": \"{not json\""));
	cr_expect_not_null(strstr(out, "\"etal\": [\"author\"]"));
	/* the second record gets an id although it had none */
	cr_expect_not_null(strstr(out, "\"type\": \"webpage\""));
	cr_expect_str_eq(out + strlen(out) - 6, "  }\n]\n");
	free(out);
	lit_records_free(list);
}

Test(csljson, empty_list)
{
	lit_records *list = lit_records_new();
	char *out = write_json(list);
	cr_expect_str_eq(out, "[]\n");
	free(out);
	lit_records_free(list);
}

static void expect_same_record(const lit_record *a, const lit_record *b)
{
	size_t i, k;
	cr_expect_eq(lit_record_type(a), lit_record_type(b));
	cr_expect_eq(lit_record_field_count(a), lit_record_field_count(b));
	for (i = 0; i < lit_record_field_count(a); i++) {
		lit_var v;
		const char *val = lit_record_field_at(a, i, &v);
		cr_expect_str_eq(get(b, v), val, "%s", lit_var_name(v));
	}
	for (i = 0; i < LIT_VAR__COUNT; i++) {
		lit_var v = (lit_var)i;
		if (lit_var_kind_of(v) == LIT_KIND_NAME) {
			cr_expect_eq(lit_record_name_count(a, v), lit_record_name_count(b, v), "%s", lit_var_name(v));
			cr_expect_eq(lit_record_names_etal(a, v), lit_record_names_etal(b, v), "%s etal", lit_var_name(v));
			for (k = 0; k < lit_record_name_count(a, v) && k < lit_record_name_count(b, v); k++) {
				const lit_name *x = lit_record_name(a, v, k), *y = lit_record_name(b, v, k);
#define SAME(f) cr_expect_str_eq(x->f ? x->f : "", y->f ? y->f : "", #f)
				SAME(family); SAME(given); SAME(literal); SAME(suffix);
				SAME(dropping_particle); SAME(non_dropping_particle);
#undef SAME
				cr_expect_eq(x->comma_suffix, y->comma_suffix);
				cr_expect_eq(x->static_ordering, y->static_ordering);
			}
		} else if (lit_var_kind_of(v) == LIT_KIND_DATE) {
			const lit_date *x = lit_record_date(a, v), *y = lit_record_date(b, v);
			cr_expect_eq(x == NULL, y == NULL, "%s", lit_var_name(v));
			if (x && y) {
				cr_expect_eq(x->year, y->year);
				cr_expect_eq(x->month, y->month);
				cr_expect_eq(x->day, y->day);
				cr_expect_eq(x->end_year, y->end_year);
				cr_expect_eq(x->end_month, y->end_month);
				cr_expect_eq(x->end_day, y->end_day);
				cr_expect_eq(x->season, y->season);
				cr_expect_eq(x->circa, y->circa);
				cr_expect_str_eq(x->literal ? x->literal : "", y->literal ? y->literal : "");
			}
		}
	}
	cr_expect_str_eq(lit_record_raw(a) ? lit_record_raw(a) : "", lit_record_raw(b) ? lit_record_raw(b) : "");
	if (lit_record_where(a) != LIT_WHERE_UNKNOWN)
		cr_expect_eq(lit_record_where(a), lit_record_where(b));
	else
		cr_expect_eq(lit_record_where(b), LIT_WHERE_BIBFILE); /* read from a file */
	if (lit_record_line(a) > 0)
		cr_expect_eq(lit_record_line(a), lit_record_line(b));
	for (i = 0; i < lit_record_custom_count(a); i++) {
		const char *va = NULL, *vb;
		int ja = 0, jb = 0;
		const char *key = lit_record_custom_at(a, i, &va, &ja);
		if (ja && strcmp(key, "broken") == 0)
			continue; /* invalid JSON was written as a string */
		vb = lit_record_custom(b, key, &jb);
		cr_expect_str_eq(vb ? vb : "(missing)", va, "custom %s", key);
		cr_expect_eq(ja, jb, "custom %s kind", key);
	}
}

/* CSL-JSON -> records -> CSL-JSON keeps every field; writing again gives
 * the same text. */
Test(csljson, round_trip)
{
	lit_records *first = read_ok(sample), *second;
	char *out1 = write_json(first), *out2;
	size_t i;
	second = read_ok(out1);
	cr_assert_eq(lit_records_count(second), lit_records_count(first));
	for (i = 0; i < lit_records_count(first); i++) {
		expect_same_record(lit_records_at(first, i), lit_records_at(second, i));
		cr_expect_str_eq(lit_record_id(lit_records_at(second, i)), lit_record_id(lit_records_at(first, i)));
	}
	out2 = write_json(second);
	cr_expect_str_eq(out2, out1);
	free(out1);
	free(out2);
	lit_records_free(first);
	lit_records_free(second);
}

Test(csljson, round_trip_from_records)
{
	lit_records *list = make_records(), *back;
	char *out = write_json(list);
	size_t i;
	back = read_ok(out);
	cr_assert_eq(lit_records_count(back), 2);
	for (i = 0; i < 2; i++)
		expect_same_record(lit_records_at(list, i), lit_records_at(back, i));
	cr_expect_str_eq(lit_record_source(lit_records_at(back, 0)), "paper.pdf");
	free(out);
	lit_records_free(back);
	lit_records_free(list);
}

/* RIS -> CSL-JSON: the access date and the container come through. */
Test(csljson, from_ris)
{
	const char *ris = "TY  - JOUR\r\nTI  - T\r\nT2  - Journal\r\nY2  - 2024/05/01/\r\nPY  - 2020\r\nER  - \r\n";
	lit_records *list = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	char *out;
	o.format = "ris";
	cr_assert_eq(lit_read_buffer(list, ris, strlen(ris), &o, NULL), LIT_OK);
	out = write_json(list);
	cr_expect_not_null(strstr(out, "\"container-title\": \"Journal\""));
	cr_expect_not_null(strstr(out, "\"accessed\": {\"date-parts\": [[2024, 5, 1]]}"));
	cr_expect_not_null(strstr(out, "\"issued\": {\"date-parts\": [[2020]]}"));
	free(out);
	lit_records_free(list);
}

static void expect_error(const char *text, size_t len, long line, const char *what)
{
	lit_error err;
	lit_records *list;
	lit_error_clear(&err);
	list = read_json(text, len, LIT_EPARSE, &err);
	if (line)
		cr_expect_eq(err.line, line, "%s: line %ld (%s)", what, err.line, err.message);
	cr_expect_str_eq(err.file, "items.json", "%s", what);
	cr_expect_neq(err.message[0], '\0');
	lit_records_free(list);
}

Test(csljson, errors)
{
	expect_error("[{\"id\": \"a\",\n \"type\": \"book\",\n \"title\": }]", 41, 3, "missing value");
	expect_error("[{\"id\": \"a\"}, 5]", 16, 1, "item not an object");
	expect_error("[\n{\"id\": \"a\",\n\"author\": \"x\", \"editor\": 7}]", 41, 3, "names not a list");
	expect_error("[\n{\"id\": \"a\",\n\"title\": {\"x\": 1}}]", 33, 3, "text variable object");
	expect_error("[{\"id\": \"a\",\n\"issued\": {\"date-parts\": 2020}}]", 45, 2, "date-parts not array");
	expect_error("\"just a string\"", 15, 1, "scalar document");
	expect_error("[{\"id\": \"a\"", 11, 0, "unterminated");
	expect_error("{\"id\": \"a\"} trailing", 20, 0, "trailing garbage");
}

Test(csljson, deep_nesting)
{
	size_t n = 10000, i;
	char *text = malloc(2 * n + 1);
	cr_assert_not_null(text);
	for (i = 0; i < n; i++) {
		text[i] = '[';
		text[n + i] = ']';
	}
	text[2 * n] = '\0';
	{
		lit_error err;
		lit_records *list;
		int rc;
		lit_read_options o = LIT_READ_OPTIONS_INIT;
		o.format = "csljson";
		lit_error_clear(&err);
		list = lit_records_new();
		rc = lit_read_buffer(list, text, 2 * n, &o, &err);
		cr_expect(rc == LIT_EPARSE || rc == LIT_ELIMIT, "rc %d", rc);
		cr_expect_eq(lit_records_count(list), 0);
		lit_records_free(list);
	}
	free(text);
}

Test(csljson, ten_megabyte_line)
{
	size_t n = 10u << 20;
	char *text = malloc(n + 128);
	lit_records *list;
	int len;
	cr_assert_not_null(text);
	len = snprintf(text, 128, "[{\"id\": \"big\", \"type\": \"book\", \"abstract\": \"");
	memset(text + len, 'z', n);
	memcpy(text + len + n, "\"}]", 4);
	list = read_ok(text);
	cr_assert_eq(lit_records_count(list), 1);
	cr_expect_eq(strlen(get(lit_records_at(list, 0), LIT_VAR_ABSTRACT)), n);
	lit_records_free(list);
	/* an unterminated 10 MB string is an error, not a crash */
	text[len + n] = '\0';
	expect_error(text, len + n, 1, "unterminated huge string");
	free(text);
}

Test(csljson, junk)
{
	unsigned char junk[4096];
	size_t i;
	unsigned x = 99;
	lit_records *list = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	for (i = 0; i < sizeof(junk); i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (unsigned char)(x >> 16);
	}
	junk[0] = '[';
	o.format = "csljson";
	lit_error_clear(&err);
	cr_expect_neq(lit_read_buffer(list, (const char *)junk, sizeof(junk), &o, &err), LIT_OK);
	cr_expect_eq(lit_records_count(list), 0);
	lit_records_free(list);
}

Test(csljson, detect)
{
	cr_expect_str_eq(lit_detect_format(sample, strlen(sample)), "csljson");
	cr_expect_str_eq(lit_detect_format("  {\"type\": \"book\"}", 19), "csljson");
}

/* Records built through the API may hold invalid UTF-8; the output stays
 * valid JSON (U+FFFD in place of the bad bytes). */
Test(csljson, writer_repairs_invalid_utf8)
{
	lit_records *list = lit_records_new();
	lit_record *r = lit_record_new();
	char *out;
	lit_record_set(r, LIT_VAR_TITLE, "\xff\xfe" "abc\xd0");
	lit_records_push(list, r);
	out = write_json(list);
	cr_expect_not_null(strstr(out, "\"title\": \"\xEF\xBF\xBD\xEF\xBF\xBD" "abc\xEF\xBF\xBD\""), "%s", out);
	free(out);
	lit_records_free(list);
}
