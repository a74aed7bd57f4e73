/*
 * test_csl.c - the CSL processor on small styles written inline: text,
 * groups, names, dates, labels, sorting, disambiguation, collapsing,
 * positions, output formats and errors.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera.h"
#include "litera/csl.h"

#define STYLE_HEAD "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">" \
	"<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>"

static lit_records *read_json(const char *json)
{
	lit_records *r = lit_records_new();
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	ro.format = "csljson";
	lit_error err;
	cr_assert_not_null(r);
	int rc = lit_read_buffer(r, json, strlen(json), &ro, &err);
	cr_assert_eq(rc, LIT_OK, "%s", err.message);
	return r;
}

static lit_csl_style *style(const char *xml)
{
	lit_csl_style *st = NULL;
	lit_error err;
	int rc = lit_csl_style_load_buffer(&st, xml, strlen(xml), "inline", NULL, &err);
	cr_assert_eq(rc, LIT_OK, "%s", err.message);
	return st;
}

/* Bibliography of `json` in `xml` as text; caller frees. */
static char *bib(const char *xml, const char *json, lit_csl_format fmt)
{
	lit_records *r = read_json(json);
	lit_csl_style *st = style(xml);
	char *out = NULL;
	size_t len;
	lit_error err;
	int rc = lit_csl_render_bibliography(r, st, fmt, &out, &len, &err);
	cr_assert_eq(rc, LIT_OK, "%s", err.message);
	cr_assert_eq(strlen(out), len);
	lit_csl_style_free(st);
	lit_records_free(r);
	return out;
}

/* Render citations; each citation is a list of ids separated by spaces. */
static char **cite(const char *xml, const char *json, const char *const *groups, size_t n)
{
	lit_records *r = read_json(json);
	lit_csl_style *st = style(xml);
	lit_csl_engine *eng;
	lit_error err;
	cr_assert_eq(lit_csl_engine_new(&eng, st, r, LIT_CSL_TEXT, &err), LIT_OK);
	lit_csl_citation *cits = calloc(n, sizeof(*cits));
	char ids[16][32];
	lit_csl_cite cs[16];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		cits[i].cites = &cs[k];
		const char *p = groups[i];
		while (*p) {
			size_t l = strcspn(p, " ");
			memcpy(ids[k], p, l);
			ids[k][l] = 0;
			memset(&cs[k], 0, sizeof(cs[k]));
			cs[k].id = ids[k];
			k++;
			cits[i].count++;
			p += l;
			while (*p == ' ')
				p++;
		}
		cits[i].note = (int)i + 1;
	}
	char **out = NULL;
	cr_assert_eq(lit_csl_engine_cite(eng, cits, n, &out, &err), LIT_OK, "%s", err.message);
	free(cits);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(r);
	return out;
}

static const char *people =
	"[{\"id\":\"a\",\"type\":\"book\",\"title\":\"Alpha\",\"author\":[{\"family\":\"Doe\",\"given\":\"John\"}],"
	"\"issued\":{\"date-parts\":[[2000,5,3]]},\"publisher\":\"Pub\",\"page\":\"10-15\"},"
	"{\"id\":\"b\",\"type\":\"book\",\"title\":\"Beta\",\"author\":[{\"family\":\"Doe\",\"given\":\"Jane\"}],"
	"\"issued\":{\"date-parts\":[[2000]]}},"
	"{\"id\":\"c\",\"type\":\"article-journal\",\"title\":\"Gamma\",\"author\":[{\"family\":\"Roe\",\"given\":\"Richard\"},"
	"{\"family\":\"Poe\",\"given\":\"Edgar Allan\"},{\"family\":\"Moe\",\"given\":\"M.\"}],\"issued\":{\"date-parts\":[[1999]]}}]";

Test(csl, text_group_and_affixes)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout suffix=\".\"><group delimiter=\", \"><text variable=\"title\" font-style=\"italic\"/>"
		"<text variable=\"publisher\" prefix=\"(\" suffix=\")\"/><group><text term=\"in\"/><text variable=\"volume\"/></group>"
		"</group></layout></bibliography></style>";
	char *out = bib(xml, people, LIT_CSL_HTML);
	/* the group with only an empty variable is dropped, with its term */
	cr_assert(strstr(out, "<i>Alpha</i>, (Pub).") != NULL, "%s", out);
	cr_assert(strstr(out, "<i>Beta</i>.") != NULL, "%s", out);
	cr_assert(strstr(out, "<div class=\"csl-bib-body\">") == out);
	lit_free(out);
	out = bib(xml, people, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "Alpha, (Pub).\nBeta.\nGamma.\n");
	lit_free(out);
	out = bib(xml, people, LIT_CSL_MARKDOWN);
	cr_assert(strstr(out, "*Alpha*, (Pub).") != NULL, "%s", out);
	lit_free(out);
	out = bib(xml, people, LIT_CSL_RTF);
	cr_assert(strstr(out, "{\\i Alpha}") != NULL, "%s", out);
	lit_free(out);
}

Test(csl, names_initials_and_et_al)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><names variable=\"author\"><name name-as-sort-order=\"first\" and=\"text\" "
		"initialize-with=\". \" delimiter=\", \" et-al-min=\"4\" et-al-use-first=\"2\"/></names></layout></bibliography></style>";
	char *out = bib(xml, people, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "Doe, J.\nDoe, J.\nRoe, R., E. A. Poe, and M. Moe\n");
	lit_free(out);
	const char *xml2 = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><names variable=\"author\"><name form=\"short\" et-al-min=\"3\" et-al-use-first=\"1\"/>"
		"</names></layout></bibliography></style>";
	out = bib(xml2, people, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "Doe\nDoe\nRoe et al.\n");
	lit_free(out);
}

Test(csl, dates_and_ranges)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><date variable=\"issued\"><date-part name=\"day\" suffix=\" \"/>"
		"<date-part name=\"month\" suffix=\" \"/><date-part name=\"year\"/></date></layout></bibliography></style>";
	const char *json = "[{\"id\":\"r\",\"type\":\"book\",\"issued\":{\"date-parts\":[[2001,3,2],[2001,3,9]]}},"
		"{\"id\":\"s\",\"type\":\"book\",\"issued\":{\"date-parts\":[[1999,5,1]]}}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "2\xe2\x80\x93" "9 March 2001\n1 May 1999\n");
	lit_free(out);
}

Test(csl, labels_numbers_and_pages)
{
	const char *xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" page-range-format=\"minimal\">"
		"<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
		"<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><group delimiter=\" \"><label variable=\"page\" form=\"short\"/><text variable=\"page\"/></group>"
		"<number variable=\"edition\" form=\"ordinal\" prefix=\"; \"/></layout></bibliography></style>";
	const char *json = "[{\"id\":\"r\",\"type\":\"book\",\"page\":\"321-328\",\"edition\":\"2\"},"
		"{\"id\":\"s\",\"type\":\"book\",\"page\":\"7\",\"edition\":\"21\"}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "pp. 321\xe2\x80\x93" "8; 2nd\np. 7; 21st\n");
	lit_free(out);
}

Test(csl, choose_and_substitute)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout delimiter=\" \"><choose><if type=\"article-journal\"><text value=\"ART\"/></if>"
		"<else-if variable=\"page\"><text value=\"PAGED\"/></else-if><else><text value=\"OTHER\"/></else></choose>"
		"<names variable=\"editor\" prefix=\" \"><substitute><text variable=\"title\"/></substitute></names>"
		"<text variable=\"title\" prefix=\" / \"/></layout></bibliography></style>";
	char *out = bib(xml, people, LIT_CSL_TEXT);
	/* the substituted title is not printed a second time */
	cr_assert_str_eq(out, "PAGED Alpha\nOTHER Beta\nART Gamma\n");
	lit_free(out);
}

Test(csl, sorting_and_citation_numbers)
{
	const char *xml = STYLE_HEAD "<citation><layout prefix=\"[\" suffix=\"]\" delimiter=\",\"><text variable=\"citation-number\"/></layout></citation>"
		"<bibliography><sort><key variable=\"title\" sort=\"descending\"/></sort>"
		"<layout><text variable=\"citation-number\" suffix=\" \"/><text variable=\"title\"/></layout></bibliography></style>";
	char *out = bib(xml, people, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "1 Gamma\n2 Beta\n3 Alpha\n");
	lit_free(out);
}

Test(csl, collapse_citation_numbers)
{
	const char *xml = STYLE_HEAD "<citation collapse=\"citation-number\"><sort><key variable=\"citation-number\"/></sort>"
		"<layout prefix=\"[\" suffix=\"]\" delimiter=\", \"><text variable=\"citation-number\"/></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\"},{\"id\":\"b\",\"type\":\"book\"},{\"id\":\"c\",\"type\":\"book\"},"
		"{\"id\":\"d\",\"type\":\"book\"}]";
	const char *groups[] = { "a b c d", "d b", "c" };
	char **out = cite(xml, json, groups, 3);
	cr_assert_str_eq(out[0], "[1\xe2\x80\x93" "4]");
	cr_assert_str_eq(out[1], "[2, 4]");
	cr_assert_str_eq(out[2], "[3]");
	lit_csl_strings_free(out, 3);
}

Test(csl, disambiguation_year_suffix_and_givenname)
{
	const char *xml = STYLE_HEAD "<citation disambiguate-add-givenname=\"true\" disambiguate-add-year-suffix=\"true\">"
		"<layout delimiter=\"; \"><group delimiter=\" \"><names variable=\"author\"><name form=\"short\" initialize-with=\". \"/></names>"
		"<date variable=\"issued\"><date-part name=\"year\"/></date></group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\",\"given\":\"John\"}],\"issued\":{\"date-parts\":[[2000]]}},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\",\"given\":\"Mary\"}],\"issued\":{\"date-parts\":[[2000]]}},"
		"{\"id\":\"c\",\"type\":\"book\",\"author\":[{\"family\":\"Roe\",\"given\":\"Ann\"}],\"issued\":{\"date-parts\":[[2001]]}},"
		"{\"id\":\"d\",\"type\":\"book\",\"author\":[{\"family\":\"Roe\",\"given\":\"Ann\"}],\"issued\":{\"date-parts\":[[2001]]}}]";
	const char *groups[] = { "a b c d" };
	char **out = cite(xml, json, groups, 1);
	cr_assert_str_eq(out[0], "J. Doe 2000; M. Doe 2000; Roe 2001a; Roe 2001b");
	lit_csl_strings_free(out, 1);
}

Test(csl, positions_ibid_and_subsequent)
{
	const char *xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">"
		"<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
		"<citation><layout suffix=\".\" delimiter=\"; \"><choose><if position=\"ibid\"><text term=\"ibid\"/></if>"
		"<else-if position=\"subsequent\"><text variable=\"title\" form=\"short\"/><text variable=\"first-reference-note-number\" prefix=\", n. \"/></else-if>"
		"<else><text variable=\"title\"/></else></choose></layout></citation></style>";
	const char *groups[] = { "a", "a", "b", "a" };
	char **out = cite(xml, people, groups, 4);
	cr_assert_str_eq(out[0], "Alpha.");
	cr_assert_str_eq(out[1], "Ibid.");
	cr_assert_str_eq(out[2], "Beta.");
	cr_assert_str_eq(out[3], "Alpha, n. 1.");
	lit_csl_strings_free(out, 4);
}

Test(csl, rich_text_flip_flop_and_quotes)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><text variable=\"title\" font-style=\"italic\"/><text variable=\"note\" quotes=\"true\" prefix=\" \"/></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"On <i>Homo sapiens</i> & apes\",\"note\":\"a \\\"b\\\" c\"}]";
	char *out = bib(xml, json, LIT_CSL_HTML);
	cr_assert(strstr(out, "<i>On <span style=\"font-style:normal;\">Homo sapiens</span> &#38; apes</i>") != NULL, "%s", out);
	cr_assert(strstr(out, "\xe2\x80\x9c" "a \xe2\x80\x98" "b\xe2\x80\x99 c\xe2\x80\x9d") != NULL, "%s", out);
	lit_free(out);
}

Test(csl, text_case_title_and_sentence)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><text variable=\"title\" text-case=\"title\"/><text variable=\"note\" text-case=\"uppercase\" prefix=\" \"/></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"the lord of the rings: a history of <span class=\\\"nocase\\\">iPod</span>s\",\"note\":\"ok\"}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "The Lord of the Rings: A History of iPods OK\n");
	lit_free(out);
}

Test(csl, locales_and_terms)
{
	lit_csl_options o = LIT_CSL_OPTIONS_INIT;
	o.locale = "ru-RU";
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><group delimiter=\" \"><text term=\"page\" form=\"short\"/><text variable=\"page\"/></group></layout></bibliography></style>";
	lit_csl_style *st = NULL;
	lit_error err;
	cr_assert_eq(lit_csl_style_load_buffer(&st, xml, strlen(xml), "inline", &o, &err), LIT_OK);
	lit_records *r = read_json("[{\"id\":\"a\",\"type\":\"book\",\"page\":\"5\"}]");
	char *out;
	size_t len;
	cr_assert_eq(lit_csl_render_bibliography(r, st, LIT_CSL_TEXT, &out, &len, &err), LIT_OK);
	cr_assert_str_eq(out, "\xd1\x81. 5\n");
	lit_free(out);
	lit_records_free(r);
	lit_csl_style_free(st);
}

Test(csl, errors_are_reported)
{
	lit_csl_style *st = NULL;
	lit_error err;
	const char *bad = "<style><citation>";
	cr_assert_eq(lit_csl_style_load_buffer(&st, bad, strlen(bad), "bad.csl", NULL, &err), LIT_EPARSE);
	cr_assert_null(st);
	cr_assert_str_eq(err.file, "bad.csl");
	const char *nomacro = STYLE_HEAD "<citation><layout><text macro=\"nope\"/></layout></citation></style>";
	cr_assert_eq(lit_csl_style_load_buffer(&st, nomacro, strlen(nomacro), "m.csl", NULL, &err), LIT_EPARSE);
	cr_assert(strstr(err.message, "nope") != NULL);
	cr_assert_eq(lit_csl_style_load(&st, "no-such-style-anywhere", NULL, &err), LIT_ENOTFOUND);
	/* citing an unknown key */
	lit_records *r = read_json(people);
	st = style(STYLE_HEAD "<citation><layout><text variable=\"title\"/></layout></citation></style>");
	lit_csl_engine *eng;
	cr_assert_eq(lit_csl_engine_new(&eng, st, r, LIT_CSL_TEXT, &err), LIT_OK);
	lit_csl_cite c = { 0 };
	c.id = "zzz";
	lit_csl_citation ct = { &c, 1, 0 };
	char **out = NULL;
	cr_assert_eq(lit_csl_engine_cite(eng, &ct, 1, &out, &err), LIT_ENOTFOUND);
	cr_assert(strstr(err.message, "zzz") != NULL);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(r);
}

/* Fuzzer find: the root element's line was read after xmlFreeDoc(). */
Test(csl, wrong_root_element_reports_its_line)
{
	lit_csl_style *st = NULL;
	lit_error err;
	const char *bad = "<?xml version=\"1.0\"?>\n\n<styl lnxms=\"hitle\"/>";
	cr_assert_eq(lit_csl_style_load_buffer(&st, bad, strlen(bad), "root.csl", NULL, &err), LIT_EPARSE);
	cr_assert_null(st);
	cr_expect_str_eq(err.file, "root.csl");
	cr_expect_eq(err.line, 3);
	cr_expect(strstr(err.message, "<style>") != NULL, "%s", err.message);
}

Test(csl, bundled_and_system_styles_load)
{
	lit_csl_style *st = NULL;
	lit_error err;
	cr_assert_eq(lit_csl_style_load(&st, "gost", NULL, &err), LIT_OK, "%s", err.message);
	cr_assert(strstr(lit_csl_style_title(st), "7.0.100") != NULL);
	lit_csl_style_free(st);
	char path[1024];
	cr_assert_not_null(lit_csl_bundled_path("gost-r-7-0-5-2008-footnote", path, sizeof(path)));
	cr_assert_eq(lit_csl_style_load(&st, path, NULL, &err), LIT_OK, "%s", err.message);
	cr_assert(lit_csl_style_is_note(st));
	lit_csl_style_free(st);
}

/* Pathological input: thousands of records with the same author and year
 * under a disambiguating style must not take quadratic time. */
Test(csl, many_identical_cites_stay_fast, .timeout = 30)
{
	const char *xml = STYLE_HEAD "<citation disambiguate-add-names=\"true\" disambiguate-add-givenname=\"true\" "
		"givenname-disambiguation-rule=\"all-names\" disambiguate-add-year-suffix=\"true\">"
		"<layout delimiter=\"; \"><group delimiter=\" \"><names variable=\"author\"><name form=\"short\"/></names>"
		"<date variable=\"issued\"><date-part name=\"year\"/></date></group></layout></citation>"
		"<bibliography><sort><key variable=\"author\"/><key variable=\"title\"/></sort>"
		"<layout><text variable=\"title\"/></layout></bibliography></style>";
	size_t n = 3000;
	char *json = malloc(n * 160 + 16);
	size_t o = 0;
	o += (size_t)sprintf(json + o, "[");
	for (size_t i = 0; i < n; i++)
		o += (size_t)sprintf(json + o, "%s{\"id\":\"k%zu\",\"type\":\"book\",\"title\":\"T%zu\","
		                     "\"author\":[{\"family\":\"Doe\",\"given\":\"%c\"}],\"issued\":{\"date-parts\":[[2000]]}}",
		                     i ? "," : "", i, i, (char)('A' + i % 3));
	o += (size_t)sprintf(json + o, "]");
	char *out = bib(xml, json, LIT_CSL_TEXT);
	size_t lines = 0;
	for (char *p = out; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(lines, n);
	lit_free(out);
	free(json);
}

/* Macros that call each other twice per level expand to 2^40 elements and
 * a macro reaching itself never ends: both are load errors naming the cause. */
Test(csl, recursive_and_exploding_macros_are_refused)
{
	lit_csl_style *st = NULL;
	lit_error err;
	const char *rec = STYLE_HEAD "<macro name=\"a\"><group><text macro=\"b\"/></group></macro>"
		"<macro name=\"b\"><choose><if variable=\"title\"><text macro=\"a\"/></if></choose></macro>"
		"<citation><layout><text macro=\"a\"/></layout></citation></style>";
	cr_assert_eq(lit_csl_style_load_buffer(&st, rec, strlen(rec), "rec.csl", NULL, &err), LIT_EPARSE);
	cr_assert_null(st);
	cr_expect(strstr(err.message, "calls itself") != NULL, "%s", err.message);
	cr_expect_str_eq(err.file, "rec.csl");

	char *xml = malloc(8192);
	cr_assert_not_null(xml);
	size_t o = (size_t)sprintf(xml, "%s", STYLE_HEAD);
	for (int i = 0; i < 40; i++)
		o += (size_t)sprintf(xml + o, "<macro name=\"m%d\"><text macro=\"m%d\"/><text macro=\"m%d\"/></macro>",
		                     i, i + 1, i + 1);
	o += (size_t)sprintf(xml + o, "<macro name=\"m40\"><text variable=\"title\"/></macro>"
	                     "<citation><layout><text macro=\"m0\"/></layout></citation></style>");
	cr_assert_eq(lit_csl_style_load_buffer(&st, xml, o, "fan.csl", NULL, &err), LIT_EPARSE);
	cr_expect(strstr(err.message, "expands to more than") != NULL, "%s", err.message);

	/* 15 levels (2^15 calls) is large but legal, and renders */
	o = (size_t)sprintf(xml, "%s", STYLE_HEAD);
	for (int i = 0; i < 15; i++)
		o += (size_t)sprintf(xml + o, "<macro name=\"m%d\"><text macro=\"m%d\"/><text macro=\"m%d\"/></macro>",
		                     i, i + 1, i + 1);
	o += (size_t)sprintf(xml + o, "<macro name=\"m15\"><text variable=\"title\"/></macro>"
	                     "<citation><layout><text macro=\"m0\"/></layout></citation></style>");
	cr_assert_eq(lit_csl_style_load_buffer(&st, xml, o, "ok.csl", NULL, &err), LIT_OK, "%s", err.message);
	lit_csl_style_free(st);
	free(xml);
}

/* Titles with thousands of unclosed "<i>" or quotes: each opening tag used
 * to search the rest of the text for its closer (quadratic). */
Test(csl, unclosed_rich_text_markup_stays_fast, .timeout = 60)
{
	size_t n = 100000;
	static const char *const units[] = { "<i>", "\xe2\x80\x9c", " \"a", " 'a", "<b>x</i>" };
	for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
		size_t ul = strlen(units[u]);
		char *json = malloc(n * ul * 2 + 256);
		cr_assert_not_null(json);
		size_t o = (size_t)sprintf(json, "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"");
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < ul; k++) {
				if (units[u][k] == '"')
					json[o++] = '\\';
				json[o++] = units[u][k];
			}
		o += (size_t)sprintf(json + o, "\"}]");
		char *out = bib(STYLE_HEAD "<citation><layout><text variable=\"title\"/></layout></citation>"
		                "<bibliography><layout><text variable=\"title\"/></layout></bibliography></style>",
		                json, LIT_CSL_HTML);
		cr_expect_gt(strlen(out), n, "unit %zu: output shorter than input", u);
		lit_free(out);
		free(json);
	}
}

/* A cite that prints nothing says so instead of vanishing. */
Test(csl, empty_cite_reports_no_printed_form)
{
	const char *xml = STYLE_HEAD "<citation><layout><date variable=\"issued\" prefix=\"(\" suffix=\")\">"
		"<date-part name=\"year\"/></date></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T\"}]";
	const char *const g[] = { "a" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "[CSL STYLE ERROR: reference with no printed form.]");
	lit_csl_strings_free(out, 1);
}

/* variable="title-short" is the short title only; form="short" falls back. */
Test(csl, title_short_variable_does_not_fall_back)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"|\"><group delimiter=\" \">"
		"<text variable=\"title-short\"/><text value=\"v\"/></group>"
		"<text variable=\"title\" form=\"short\" prefix=\" \"/></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"Long\",\"title-short\":\"S\"},"
		"{\"id\":\"b\",\"type\":\"book\",\"title\":\"Long Two\"}]";
	const char *const g[] = { "a", "b" };
	char **out = cite(xml, json, g, 2);
	cr_assert_str_eq(out[0], "S v S");
	cr_assert_str_eq(out[1], " Long Two");
	lit_csl_strings_free(out, 2);
}

/* A nested group of plain text is output of its parent group: the parent is
 * kept although its one variable is empty. */
Test(csl, nested_text_group_keeps_parent_group)
{
	const char *xml = STYLE_HEAD "<citation><layout><group delimiter=\" \"><text variable=\"title\"/>"
		"<group><text value=\"no title\"/></group></group>"
		"<group prefix=\" [\" suffix=\"]\"><text variable=\"volume\"/><text term=\"in\"/></group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\"}]";
	const char *const g[] = { "a" };
	char **out = cite(xml, json, g, 1);
	/* a term beside an empty variable still goes with its group */
	cr_assert_str_eq(out[0], "no title");
	lit_csl_strings_free(out, 1);
}

/* second-field-align: spaces ending the entry move out of the right-inline
 * block, before the entry's closing tag. */
Test(csl, second_field_align_trailing_space_outside_block)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography second-field-align=\"flush\"><layout><text variable=\"citation-number\" suffix=\". \"/>"
		"<text variable=\"title\" suffix=\". \"/></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T\"}]";
	char *out = bib(xml, json, LIT_CSL_HTML);
	cr_assert(strstr(out, "<div class=\"csl-right-inline\">T.</div>\n   </div>\n") != NULL, "%s", out);
	lit_free(out);
}

/* A substitute stops at a term the locale defines, even an empty one. */
Test(csl, substitute_stops_at_defined_empty_term)
{
	const char *xml = STYLE_HEAD "<locale><terms><term name=\"author\">AUTH</term><term name=\"editor\"></term>"
		"</terms></locale><citation><layout><text value=\"C:\"/><names variable=\"translator\" prefix=\" \">"
		"<substitute><text term=\"editor\"/><text term=\"author\"/></substitute></names></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\"}]";
	const char *const g[] = { "a" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "C:");
	lit_csl_strings_free(out, 1);
}

/* A hyphen between words that are not numbers neither makes a label plural
 * nor becomes a range dash; roman numerals and "213, and 235" still do. */
Test(csl, plural_needs_numbers_on_both_sides)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"; \"><group delimiter=\" \">"
		"<label variable=\"page\"/><text variable=\"page\"/></group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"page\":\"Michaelson-Morely\"},"
		"{\"id\":\"b\",\"type\":\"book\",\"page\":\"i-ix\"},{\"id\":\"c\",\"type\":\"book\",\"page\":\"213, and 235\"}]";
	const char *const g[] = { "a b c" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "page Michaelson-Morely; pages i\xe2\x80\x93ix; pages 213, and 235");
	lit_csl_strings_free(out, 1);
}

/* punctuation-in-quote moves punctuation into the style's quotes, also from
 * the start of a cite's suffix, but not into quotes the user typed in the
 * prefix or suffix. */
Test(csl, punctuation_in_quote_leaves_user_quotes_alone)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"; \"><text variable=\"title\" quotes=\"true\"/>"
		"</layout></citation></style>";
	lit_records *r = read_json("[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T\"}]");
	lit_csl_style *st = style(xml);
	lit_csl_engine *eng;
	lit_error err;
	cr_assert_eq(lit_csl_engine_new(&eng, st, r, LIT_CSL_TEXT, &err), LIT_OK);
	lit_csl_cite cs[2];
	memset(cs, 0, sizeof(cs));
	cs[0].id = "a";
	cs[0].prefix = "'q', ";
	cs[0].suffix = ". And \"x\".";
	cs[1].id = "a";
	lit_csl_citation cits[2] = { { &cs[0], 1, 1 }, { &cs[1], 1, 2 } };
	char **out = NULL;
	cr_assert_eq(lit_csl_engine_cite(eng, cits, 2, &out, &err), LIT_OK, "%s", err.message);
	cr_assert_str_eq(out[0], "\xe2\x80\x9cq\xe2\x80\x9d, \xe2\x80\x9cT.\xe2\x80\x9d And \xe2\x80\x9cx\xe2\x80\x9d.");
	lit_csl_strings_free(out, 2);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(r);
}

/* Equal sort keys ending in punctuation ("Inc.") tie, so the entries keep
 * their order instead of the later one sorting first. */
Test(csl, sort_ties_on_keys_ending_in_punctuation)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><sort><key variable=\"author\"/></sort><layout><text variable=\"title\"/></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"Three\",\"author\":[{\"literal\":\"Alto Inc.\"}]},"
		"{\"id\":\"b\",\"type\":\"book\",\"title\":\"Four\",\"author\":[{\"literal\":\"Alto Inc.\"}]},"
		"{\"id\":\"c\",\"type\":\"book\",\"title\":\"Five\",\"author\":[{\"literal\":\"Alto Inc\"}]}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "Five\nThree\nFour\n");
	lit_free(out);
}

/* "variable: value" lines of the note (Zotero's Extra) give variables the
 * record lacks, dates included, and leave the note. */
Test(csl, note_field_variables)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"|\"><group delimiter=\"; \">"
		"<text variable=\"container-title\"/><date variable=\"original-date\"><date-part name=\"year\"/></date>"
		"<text variable=\"note\"/></group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"note\":\"container-title: Box: a title\\n{:original-date: 1964-05}\\nkept line\"},"
		"{\"id\":\"b\",\"type\":\"book\",\"container-title\":\"Own\",\"note\":\"container-title: Other\"}]";
	const char *const g[] = { "a b" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "Box: a title; 1964; kept line|Own");
	lit_csl_strings_free(out, 1);
}

/* et-al-use-first="0": a list long enough for et al. prints nothing. */
Test(csl, et_al_use_first_zero_prints_nothing)
{
	const char *xml = STYLE_HEAD "<citation><layout><group delimiter=\" // \"><names variable=\"author\">"
		"<name et-al-min=\"3\" et-al-use-first=\"0\"/></names><text variable=\"title\"/></group></layout></citation></style>";
	const char *const g[] = { "a", "c" };
	char **out = cite(xml, people, g, 2);
	cr_assert_str_eq(out[0], "John Doe // Alpha");
	cr_assert_str_eq(out[1], "Gamma");
	lit_csl_strings_free(out, 2);
}

/* Upper case in Turkish gives the dotted capital I. */
Test(csl, uppercase_turkish_dotted_i)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"|\"><text variable=\"title\" text-case=\"uppercase\"/>"
		"</layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"ic \xc4\xb1" "d\",\"language\":\"tr\"},"
		"{\"id\":\"b\",\"type\":\"book\",\"title\":\"ic \xc4\xb1" "d\",\"language\":\"en\"}]";
	const char *const g[] = { "a b" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "\xc4\xb0" "C ID|IC ID");
	lit_csl_strings_free(out, 1);
}

/* editor and translator with the same names stay apart when the locale
 * leaves the combined term empty. */
Test(csl, editortranslator_empty_term_keeps_roles_apart)
{
	const char *xml = STYLE_HEAD "<locale><terms><term name=\"editortranslator\"></term></terms></locale>"
		"<citation><layout><names variable=\"editor translator\" delimiter=\", \"><name/>"
		"<label prefix=\" (\" suffix=\")\"/></names></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"editor\":[{\"family\":\"Doe\",\"given\":\"John\"}],"
		"\"translator\":[{\"family\":\"Doe\",\"given\":\"John\"}]}]";
	const char *const g[] = { "a" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "John Doe (editor), John Doe (translator)");
	lit_csl_strings_free(out, 1);
}

/* Title case leaves name particles in lower case. */
Test(csl, title_case_keeps_particles_lower)
{
	const char *xml = STYLE_HEAD "<citation><layout><text variable=\"title\" text-case=\"title\"/>"
		"</layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"john von doe and the annals de paris\"}]";
	const char *const g[] = { "a" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "John von Doe and the Annals de Paris");
	lit_csl_strings_free(out, 1);
}

/* Spaces just inside guillemets become narrow no-break spaces. */
Test(csl, guillemet_inner_spaces_narrow_nbsp)
{
	const char *xml = STYLE_HEAD "<citation><layout><text variable=\"title\"/></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"His \xc2\xab Anonymous \xc2\xbb Life\"}]";
	const char *const g[] = { "a" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "His \xc2\xab\xe2\x80\xaf" "Anonymous\xe2\x80\xaf\xc2\xbb Life");
	lit_csl_strings_free(out, 1);
}

/* A particle ending in an apostrophe keeps the space it had before the
 * family name ("de' Frinkle"); without one it stays glued ("d'Wander"). */
Test(csl, apostrophe_particle_keeps_its_space)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"; \"><names variable=\"author\">"
		"<name form=\"short\"/></names></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"de' Frinkle\",\"given\":\"B\"}]},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"d'Wander\",\"given\":\"W\"}]}]";
	const char *const g[] = { "a b" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "de\xe2\x80\x99 Frinkle; d\xe2\x80\x99Wander");
	lit_csl_strings_free(out, 1);
}

/* An ordinal term of another gender is never used: a feminine noun with
 * only a masculine ordinal-02 falls back to the neuter "ordinal". */
Test(csl, ordinal_gender_falls_back_to_neuter)
{
	const char *xml = STYLE_HEAD "<locale><terms><term name=\"ordinal\">.a</term>"
		"<term name=\"ordinal-02\" gender-form=\"masculine\">.oo</term>"
		"<term name=\"edition\" gender=\"feminine\">edition</term><term name=\"issue\" gender=\"masculine\">issue</term>"
		"</terms></locale><citation><layout><number variable=\"edition\" form=\"ordinal\" suffix=\" \"/>"
		"<number variable=\"issue\" form=\"ordinal\"/></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"edition\":\"2\",\"issue\":\"2\"}]";
	const char *const g[] = { "a" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "2.a 2.oo");
	lit_csl_strings_free(out, 1);
}

/* An institution's literal name takes the family name-part's formatting. */
Test(csl, literal_name_takes_family_part_formatting)
{
	const char *xml = STYLE_HEAD "<citation><layout><names variable=\"author\"><name>"
		"<name-part name=\"family\" text-case=\"uppercase\"/></name></names></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"literal\":\"S\xc3\xa3o Paulo (Estado)\"}]}]";
	const char *const g[] = { "a" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "S\xc3\x83O PAULO (ESTADO)");
	lit_csl_strings_free(out, 1);
}

/* The locator label "sub verbo" (CSL 1.0 spelling) finds the term
 * "sub-verbo"; title case keeps "via" lower case. */
Test(csl, sub_verbo_label_and_via_stop_word)
{
	const char *xml = STYLE_HEAD "<locale><terms><term name=\"sub-verbo\" form=\"short\">s.v.</term></terms></locale>"
		"<citation><layout><text variable=\"title\" text-case=\"title\"/><group prefix=\", \" delimiter=\" \">"
		"<label variable=\"locator\" form=\"short\"/><text variable=\"locator\"/></group></layout></citation></style>";
	lit_records *r = read_json("[{\"id\":\"a\",\"type\":\"book\",\"title\":\"one via two\"}]");
	lit_csl_style *st = style(xml);
	lit_csl_engine *eng;
	lit_error err;
	cr_assert_eq(lit_csl_engine_new(&eng, st, r, LIT_CSL_TEXT, &err), LIT_OK);
	lit_csl_cite cs = { .id = "a", .locator = "gargoyle", .label = "sub verbo" };
	lit_csl_citation cit = { &cs, 1, 1 };
	char **out = NULL;
	cr_assert_eq(lit_csl_engine_cite(eng, &cit, 1, &out, &err), LIT_OK, "%s", err.message);
	cr_assert_str_eq(out[0], "One via Two, s.v. gargoyle");
	lit_csl_strings_free(out, 1);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(r);
}

/* A given name in markup is initialised inside the markup. */
Test(csl, initialize_inside_markup)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><names variable=\"author\"><name name-as-sort-order=\"all\" initialize-with=\". \"/>"
		"</names></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\",\"given\":\"<b>John</b> Quiggly\"}]},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Roe\",\"given\":\"<b>J</b>-Q\"}]}]";
	char *out = bib(xml, json, LIT_CSL_HTML);
	cr_assert(strstr(out, "Doe, <b>J.</b> Q.</div>") != NULL, "%s", out);
	cr_assert(strstr(out, "Roe, <b>J.</b>-Q.</div>") != NULL, "%s", out);
	lit_free(out);
}

/* A macro sort key sorts names as the macro prints them: with
 * initialize-with, "Doe JA" comes before "Doe JB" even though the full
 * given names would sort the other way (Jane < John). */
Test(csl, sort_key_names_initialised_as_printed)
{
	const char *xml = STYLE_HEAD "<macro name=\"k\"><names variable=\"author\"><name name-as-sort-order=\"all\" "
		"initialize-with=\"\"/></names></macro><citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><sort><key macro=\"k\"/></sort><layout><text variable=\"title\"/></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"Jane\",\"author\":[{\"family\":\"Doe\",\"given\":\"Jane B.\"}]},"
		"{\"id\":\"b\",\"type\":\"book\",\"title\":\"John\",\"author\":[{\"family\":\"Doe\",\"given\":\"John A.\"}]}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "John\nJane\n");
	lit_free(out);
}

/* After collapsed year-suffixes the next year of the same author follows
 * the after-collapse delimiter (by default the layout's). */
Test(csl, after_collapsed_suffixes_layout_delimiter)
{
	const char *xml = STYLE_HEAD "<citation collapse=\"year-suffix\" disambiguate-add-year-suffix=\"true\" "
		"year-suffix-delimiter=\",\"><layout delimiter=\";\"><group delimiter=\" \"><names variable=\"author\">"
		"<name form=\"short\"/></names><date variable=\"issued\"><date-part name=\"year\"/></date></group>"
		"<text variable=\"year-suffix\"/></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"A\",\"author\":[{\"family\":\"Doe\"}],\"issued\":{\"date-parts\":[[2000]]}},"
		"{\"id\":\"b\",\"type\":\"book\",\"title\":\"B\",\"author\":[{\"family\":\"Doe\"}],\"issued\":{\"date-parts\":[[2000]]}},"
		"{\"id\":\"c\",\"type\":\"book\",\"title\":\"C\",\"author\":[{\"family\":\"Doe\"}],\"issued\":{\"date-parts\":[[2001]]}}]";
	const char *const g[] = { "a b c" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "Doe 2000a,b;2001");
	lit_csl_strings_free(out, 1);
}

/* Without a citation sort, cites keep the order they were given in: the
 * same author's cites are grouped only where they are adjacent. */
Test(csl, unsorted_cites_not_regrouped)
{
	const char *xml = STYLE_HEAD "<citation collapse=\"year\"><layout delimiter=\"; \"><group delimiter=\" \">"
		"<names variable=\"author\"><name form=\"short\"/></names><date variable=\"issued\"><date-part name=\"year\"/>"
		"</date></group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"issued\":{\"date-parts\":[[1999]]}},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Roe\"}],\"issued\":{\"date-parts\":[[2002]]}},"
		"{\"id\":\"c\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"issued\":{\"date-parts\":[[2006]]}}]";
	const char *const g[] = { "a b c" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "Doe 1999; Roe 2002; Doe 2006");
	lit_csl_strings_free(out, 1);
}

/* Name disambiguation by the primary-name rule: "dos Santos" and "Santos"
 * are different names, so neither gets initials. */
Test(csl, primary_name_rule_particle_makes_another_name)
{
	const char *xml = STYLE_HEAD "<citation disambiguate-add-givenname=\"true\" givenname-disambiguation-rule=\"primary-name\">"
		"<layout delimiter=\"; \"><group delimiter=\" \"><names variable=\"author\"><name form=\"short\" initialize-with=\". \"/>"
		"</names><date variable=\"issued\"><date-part name=\"year\"/></date></group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Santos\",\"given\":\"Rafael\",\"non-dropping-particle\":\"dos\"}],"
		"\"issued\":{\"date-parts\":[[2016]]}},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Santos\",\"given\":\"Beatriz\"}],\"issued\":{\"date-parts\":[[2020]]}}]";
	const char *const g[] = { "a b" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "dos Santos 2016; Santos 2020");
	lit_csl_strings_free(out, 1);
}

/* A locator without a label that names its own parts ("vol. 1, fol. 186")
 * gets no page label before it. */
Test(csl, locator_with_own_label_abbreviation)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"|\"><group delimiter=\" \">"
		"<label variable=\"locator\" form=\"short\"/><text variable=\"locator\"/></group></layout></citation></style>";
	lit_records *r = read_json("[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T\"}]");
	lit_csl_style *st = style(xml);
	lit_csl_engine *eng;
	lit_error err;
	cr_assert_eq(lit_csl_engine_new(&eng, st, r, LIT_CSL_TEXT, &err), LIT_OK);
	lit_csl_cite cs[2] = { { .id = "a", .locator = "vol. 1, fol. 186" }, { .id = "a", .locator = "12-14" } };
	lit_csl_citation cits[2] = { { &cs[0], 1, 1 }, { &cs[1], 1, 2 } };
	char **out = NULL;
	cr_assert_eq(lit_csl_engine_cite(eng, cits, 2, &out, &err), LIT_OK, "%s", err.message);
	cr_assert_str_eq(out[0], "vol. 1, fol. 186");
	cr_assert_str_eq(out[1], "pp. 12\xe2\x80\x93" "14");
	lit_csl_strings_free(out, 2);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(r);
}

/* Cites that collide only in their subsequent form ("Doe" for two books)
 * are disambiguated too: the disambiguate condition adds the title. */
Test(csl, disambiguate_subsequent_form)
{
	const char *xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">"
		"<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
		"<citation><layout delimiter=\"; \"><choose><if position=\"subsequent\"><group delimiter=\", \">"
		"<names variable=\"author\"><name form=\"short\"/></names><choose><if disambiguate=\"true\">"
		"<text variable=\"title\"/></if></choose></group></if><else><group delimiter=\", \">"
		"<names variable=\"author\"><name/></names><text variable=\"title\"/></group></else></choose>"
		"</layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"Book A\",\"author\":[{\"family\":\"Doe\",\"given\":\"John\"}]},"
		"{\"id\":\"b\",\"type\":\"book\",\"title\":\"Book B\",\"author\":[{\"family\":\"Doe\",\"given\":\"John\"}]}]";
	const char *const g[] = { "a b", "a b" };
	char **out = cite(xml, json, g, 2);
	cr_assert_str_eq(out[0], "John Doe, Book A; John Doe, Book B");
	cr_assert_str_eq(out[1], "Doe, Book A; Doe, Book B");
	lit_csl_strings_free(out, 2);
}

/* The access date does not make two cites different: works alike but for
 * it still get year suffixes. */
Test(csl, disambiguation_ignores_access_date)
{
	const char *xml = STYLE_HEAD "<citation disambiguate-add-year-suffix=\"true\"><layout delimiter=\"; \">"
		"<group delimiter=\" \"><names variable=\"author\"><name form=\"short\"/></names>"
		"<text term=\"no date\" form=\"short\"/><text variable=\"year-suffix\"/>"
		"<date variable=\"accessed\" prefix=\"[\" suffix=\"]\"><date-part name=\"year\"/></date></group>"
		"</layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"accessed\":{\"date-parts\":[[1965]]}},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"accessed\":{\"date-parts\":[[2065]]}}]";
	const char *const g[] = { "a b" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "Doe n.d. a [1965]; Doe n.d. b [2065]");
	lit_csl_strings_free(out, 1);
}

/* A cite suffix ending in a comma or period keeps only the spacing of the
 * layout delimiter after it. */
Test(csl, cite_suffix_comma_replaces_delimiter)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"; \"><text variable=\"title\"/></layout></citation></style>";
	lit_records *r = read_json("[{\"id\":\"a\",\"type\":\"book\",\"title\":\"A\"},{\"id\":\"b\",\"type\":\"book\",\"title\":\"B\"}]");
	lit_csl_style *st = style(xml);
	lit_csl_engine *eng;
	lit_error err;
	cr_assert_eq(lit_csl_engine_new(&eng, st, r, LIT_CSL_TEXT, &err), LIT_OK);
	lit_csl_cite cs[4] = { { .id = "a", .suffix = " is one," }, { .id = "b" },
	                       { .id = "a", .suffix = " is one" }, { .id = "b" } };
	lit_csl_citation cits[2] = { { &cs[0], 2, 1 }, { &cs[2], 2, 2 } };
	char **out = NULL;
	cr_assert_eq(lit_csl_engine_cite(eng, cits, 2, &out, &err), LIT_OK, "%s", err.message);
	cr_assert_str_eq(out[0], "A is one, B");
	cr_assert_str_eq(out[1], "A is one; B");
	lit_csl_strings_free(out, 2);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(r);
}

/* In a numeric style an entry that prints nothing stays in the list as an
 * error, so the numbers of the others do not shift. */
Test(csl, numeric_bibliography_keeps_empty_entry)
{
	const char *xml = STYLE_HEAD "<citation><layout><text variable=\"citation-number\"/></layout></citation>"
		"<bibliography><layout><choose><if type=\"book\"><group delimiter=\". \"><text variable=\"citation-number\"/>"
		"<text variable=\"title\"/></group></if></choose></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"A\"},{\"id\":\"b\",\"type\":\"personal_communication\"},"
		"{\"id\":\"c\",\"type\":\"book\",\"title\":\"C\"}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "1. A\n2. [CSL STYLE ERROR: reference with no printed form.]\n3. C\n");
	lit_free(out);
	/* not in a style without citation numbers */
	const char *xml2 = STYLE_HEAD "<citation><layout><text variable=\"title\"/></layout></citation>"
		"<bibliography><layout><text variable=\"title\"/></layout></bibliography></style>";
	out = bib(xml2, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "A\nC\n");
	lit_free(out);
}

/* Ranges that end in a season or are open, read from CSL-JSON, printed,
 * and written back to CSL-JSON unchanged. */
Test(csl, season_and_open_date_ranges)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><date variable=\"issued\" form=\"text\" date-parts=\"year-month-day\"/>"
		"</layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"issued\":{\"date-parts\":[[1999,21],[2001,22]]}},"
		"{\"id\":\"b\",\"type\":\"book\",\"issued\":{\"date-parts\":[[1999,21],[1999,22]]}},"
		"{\"id\":\"c\",\"type\":\"book\",\"issued\":{\"date-parts\":[[1987],[0]]}},"
		"{\"id\":\"d\",\"type\":\"book\",\"issued\":{\"date-parts\":[[2000,5],[2000,6]]}}]";
	const char *want = "Spring 1999\xe2\x80\x93Summer 2001\nSpring\xe2\x80\x93Summer 1999\n1987\xe2\x80\x93\n"
		"May\xe2\x80\x93June 2000\n";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, want);
	lit_free(out);
	/* through the CSL-JSON writer and back */
	lit_records *r = read_json(json);
	char *js = NULL;
	size_t jl;
	lit_error err;
	cr_assert_eq(lit_write_buffer(r, "csljson", NULL, &js, &jl, &err), LIT_OK, "%s", err.message);
	lit_records_free(r);
	out = bib(xml, js, LIT_CSL_TEXT);
	cr_assert_str_eq(out, want, "%s", js);
	lit_free(out);
	lit_free(js);
}

/* An "and" term of a script that joins it to the next word (Hebrew vav,
 * Chinese) gets no spaces around it; Latin, Cyrillic and Hangul ones do. */
Test(csl, and_term_spacing_by_script)
{
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Aa\"},{\"family\":\"Bb\"}]}]";
	const char *terms[] = { "\xd7\x95", "\xe5\x92\x8c", "and", "\xd0\xb8", "\xeb\xb0\x8f" };
	const char *want[] = { "Aa\xd7\x95" "Bb", "Aa\xe5\x92\x8c" "Bb", "Aa and Bb", "Aa \xd0\xb8 Bb", "Aa \xeb\xb0\x8f Bb" };
	for (int i = 0; i < 5; i++) {
		char xml[1024];
		snprintf(xml, sizeof(xml), STYLE_HEAD "<locale><terms><term name=\"and\">%s</term></terms></locale>"
		         "<citation><layout><text value=\"x\"/></layout></citation><bibliography><layout>"
		         "<names variable=\"author\"><name and=\"text\"/></names></layout></bibliography></style>", terms[i]);
		char *out = bib(xml, json, LIT_CSL_TEXT);
		char w[64];
		snprintf(w, sizeof(w), "%s\n", want[i]);
		cr_assert_str_eq(out, w);
		lit_free(out);
	}
}

/* A Chinese or Japanese et-al term follows the names directly ("Ziggy
 * Zither等"); a delimiter before it stays; a Hebrew one is a word. */
Test(csl, etal_term_spacing_by_script)
{
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Aa\"},{\"family\":\"Bb\"},{\"family\":\"Cc\"}]}]";
	const char *dpe[] = { "never", "always", "never" };
	const char *term[] = { "\xe7\xad\x89", "\xe7\xad\x89", "\xd7\x95\xd7\x90\xd7\x97\xd7\xa8\xd7\x99\xd7\x9d" };
	const char *want[] = { "Aa\xe7\xad\x89\n", "Aa, \xe7\xad\x89\n",
		"Aa \xd7\x95\xd7\x90\xd7\x97\xd7\xa8\xd7\x99\xd7\x9d\n" };
	for (int i = 0; i < 3; i++) {
		char xml[1024];
		snprintf(xml, sizeof(xml), STYLE_HEAD "<locale><terms><term name=\"et-al\">%s</term></terms></locale>"
		         "<citation><layout><text value=\"x\"/></layout></citation><bibliography><layout>"
		         "<names variable=\"author\"><name et-al-min=\"3\" et-al-use-first=\"1\" delimiter-precedes-et-al=\"%s\"/>"
		         "</names></layout></bibliography></style>", term[i], dpe[i]);
		char *out = bib(xml, json, LIT_CSL_TEXT);
		cr_assert_str_eq(out, want[i]);
		lit_free(out);
	}
}

/* An entry ending in a display block takes the layout suffix inside it. */
Test(csl, layout_suffix_inside_last_display_block)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout suffix=\".\"><group display=\"block\"><text variable=\"title\"/></group>"
		"<group display=\"right-inline\"><text variable=\"publisher\"/></group></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T\",\"publisher\":\"P\"}]";
	char *out = bib(xml, json, LIT_CSL_HTML);
	cr_assert(strstr(out, "<div class=\"csl-right-inline\">P.</div>") != NULL, "%s", out);
	lit_free(out);
}

/* Names in the note field: "reviewed-author: Hall || W.C." is a family and
 * a given name, a line without "||" a name given whole; several lines add
 * several names, and names the record has of its own win. */
Test(csl, note_field_names)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"|\"><group delimiter=\"; \">"
		"<names variable=\"reviewed-author\"><name initialize-with=\". \" and=\"text\"/></names>"
		"<text variable=\"note\"/></group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"note\":\"reviewed-author: Hall || W.C.\\n"
		"reviewed-author: ACME Corp\\nkept\"},"
		"{\"id\":\"b\",\"type\":\"book\",\"reviewed-author\":[{\"family\":\"Own\",\"given\":\"Otto\"}],"
		"\"note\":\"reviewed-author: Hall || W.C.\"}]";
	const char *const g[] = { "a b" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "W. C. Hall and ACME Corp; kept|O. Own");
	lit_csl_strings_free(out, 1);
}

/* Typographic single quotes outside any quotes stay single; straight
 * single quotes there become double; inside quotes both alternate. */
Test(csl, typographic_single_quotes_stay_single)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><text variable=\"title\"/><text variable=\"publisher\" quotes=\"true\" prefix=\" \"/>"
		"</layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"A \xe2\x80\x98" "b\xe2\x80\x99 c 'd'\","
		"\"publisher\":\"E \xe2\x80\x98" "f\xe2\x80\x99\"}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "A \xe2\x80\x98" "b\xe2\x80\x99 c \xe2\x80\x9c" "d\xe2\x80\x9d \xe2\x80\x9c" "E \xe2\x80\x98"
		"f\xe2\x80\x99\xe2\x80\x9d\n");
	lit_free(out);
}

/* punctuation-in-quote: marks after a closing quote add up inside it
 * ("comma,." "period.!"), a period after ! or ? goes, and ! or ? after a
 * colon outside the quote takes its place inside. */
Test(csl, punctuation_in_quote_marks_add_up)
{
	const char *head = STYLE_HEAD "<locale><style-options punctuation-in-quote=\"true\"/></locale>"
		"<citation><layout><text value=\"x\"/></layout></citation><bibliography><layout>";
	const char *cases[][3] = {
		{ ",", ". ", "\xe2\x80\x9c" "a,.\xe2\x80\x9d b" },
		{ ".", "! ", "\xe2\x80\x9c" "a.!\xe2\x80\x9d b" },
		{ "!", ". ", "\xe2\x80\x9c" "a!\xe2\x80\x9d b" },
		{ "?", ": ", "\xe2\x80\x9c" "a?\xe2\x80\x9d b" },
		{ ":", "! ", "\xe2\x80\x9c" "a!\xe2\x80\x9d b" },
		{ ";", "? ", "\xe2\x80\x9c" "a?\xe2\x80\x9d b" },
		{ ":", "; ", "\xe2\x80\x9c" "a\xe2\x80\x9d:; b" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char xml[2048];
		snprintf(xml, sizeof(xml), "%s<group><text value=\"a\" quotes=\"true\" suffix=\"%s\"/>"
		         "<text value=\"b\" prefix=\"%s\"/></group></layout></bibliography></style>", head, cases[i][0], cases[i][1]);
		char *out = bib(xml, "[{\"id\":\"a\",\"type\":\"book\"}]", LIT_CSL_TEXT);
		char w[64];
		snprintf(w, sizeof(w), "%s\n", cases[i][2]);
		cr_assert_str_eq(out, w, "case %zu", i);
		lit_free(out);
	}
}

/* Without cite-group-delimiter, collapsed cites of one author are joined
 * by ", " in in-text styles and by the layout delimiter in note styles. */
Test(csl, cite_group_delimiter_default_by_class)
{
	const char *cit = "<citation collapse=\"year\"><layout delimiter=\"; \"><group delimiter=\" \">"
		"<names variable=\"author\"><name form=\"short\"/></names><date variable=\"issued\"><date-part name=\"year\"/>"
		"</date></group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"issued\":{\"date-parts\":[[1999]]}},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"issued\":{\"date-parts\":[[2002]]}}]";
	const char *const g[] = { "a b" };
	char xml[2048];
	snprintf(xml, sizeof(xml), "%s%s", STYLE_HEAD, cit);
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "Doe 1999, 2002");
	lit_csl_strings_free(out, 1);
	snprintf(xml, sizeof(xml), "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">"
	         "<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>%s", cit);
	out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "Doe 1999; 2002");
	lit_csl_strings_free(out, 1);
}

/* Cites that collide only in their subsequent form are told apart only
 * for items that are cited more than once (only those print that form). */
Test(csl, subsequent_form_disambiguation_needs_a_subsequent_cite)
{
	const char *xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">"
		"<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
		"<citation><layout delimiter=\"; \"><choose><if position=\"subsequent\"><names variable=\"author\">"
		"<name form=\"short\"/></names></if><else><group delimiter=\" \"><names variable=\"author\"><name/></names>"
		"<date variable=\"issued\"><date-part name=\"year\"/></date></group></else></choose>"
		"<choose><if disambiguate=\"true\"><text value=\" [d]\"/></if></choose></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\",\"given\":\"John\"}],\"issued\":{\"date-parts\":[[2000]]}},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\",\"given\":\"John\"}],\"issued\":{\"date-parts\":[[2001]]}}]";
	const char *const once[] = { "a b" };
	char **out = cite(xml, json, once, 1);
	cr_assert_str_eq(out[0], "John Doe 2000; John Doe 2001");
	lit_csl_strings_free(out, 1);
	const char *const twice[] = { "a b", "a b" };
	out = cite(xml, json, twice, 2);
	cr_assert_str_eq(out[1], "Doe [d]; Doe [d]");
	lit_csl_strings_free(out, 2);
}

/* disambiguate="true" conditions come true one at a time: cites told
 * apart by the first (the title) do not print the second (the edition). */
Test(csl, disambiguate_conditions_incremental)
{
	const char *xml = STYLE_HEAD "<citation><layout delimiter=\"|\"><group delimiter=\", \">"
		"<names variable=\"author\"><name/></names>"
		"<choose><if disambiguate=\"true\"><text variable=\"title\"/></if></choose>"
		"<choose><if disambiguate=\"true\"><text variable=\"edition\"/></if></choose>"
		"</group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"title\":\"One\",\"edition\":\"3\"},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"title\":\"Two\",\"edition\":\"4\"},"
		"{\"id\":\"c\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"title\":\"All\",\"edition\":\"5\"},"
		"{\"id\":\"d\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\"}],\"title\":\"All\",\"edition\":\"6\"}]";
	const char *const g[] = { "a b c d" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "Doe, One|Doe, Two|Doe, All, 5|Doe, All, 6");
	lit_csl_strings_free(out, 1);
}

/* A list no longer than et-al-use-first is printed whole, without "et al.". */
Test(csl, et_al_not_added_when_nothing_is_cut)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><names variable=\"author\"><name form=\"short\" et-al-min=\"3\" et-al-use-first=\"3\"/>"
		"</names></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Aa\"},{\"family\":\"Bb\"},{\"family\":\"Cc\"}]},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Dd\"},{\"family\":\"Ee\"},{\"family\":\"Ff\"},{\"family\":\"Gg\"}]}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "Aa, Bb, Cc\nDd, Ee, Ff, et al.\n");
	lit_free(out);
}

/* Cites that differ only in their first form but collide in the form
 * et-al-subsequent-* gives them are told apart (by year suffix). */
Test(csl, disambiguate_on_et_al_subsequent_form)
{
	const char *xml = STYLE_HEAD "<citation disambiguate-add-year-suffix=\"true\" et-al-min=\"4\" et-al-use-first=\"4\" "
		"et-al-subsequent-min=\"1\" et-al-subsequent-use-first=\"1\"><layout delimiter=\"; \"><group delimiter=\" \">"
		"<names variable=\"author\"><name form=\"short\"/></names><date variable=\"issued\"><date-part name=\"year\"/></date>"
		"</group></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Aa\"},{\"family\":\"Bb\"}],\"issued\":{\"date-parts\":[[2000]]}},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Aa\"},{\"family\":\"Cc\"}],\"issued\":{\"date-parts\":[[2000]]}}]";
	const char *const g[] = { "a b" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "Aa, Bb 2000a; Aa, Cc 2000b");
	lit_csl_strings_free(out, 1);
}

/* A number variable printed with <text> keeps its en dash range ("n. 3–4"). */
Test(csl, number_variable_as_text_range_dash)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><text variable=\"issue\" prefix=\"n. \"/><text variable=\"title\" prefix=\" \"/>"
		"</layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"issue\":\"3-4\",\"title\":\"A-B\"},"
		"{\"id\":\"b\",\"type\":\"book\",\"issue\":\"Spring-Summer\",\"title\":\"C\"}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "n. 3\xe2\x80\x93" "4 A-B\nn. Spring-Summer C\n");
	lit_free(out);
}

/* HTML: spaces opening an entry's first display block move out before it. */
Test(csl, leading_space_of_first_block_moves_out)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><group display=\"left-margin\"><text variable=\"title\" prefix=\" \"/></group>"
		"<group display=\"right-inline\"><text variable=\"publisher\"/></group></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T\",\"publisher\":\"P\"}]";
	char *out = bib(xml, json, LIT_CSL_HTML);
	cr_assert(strstr(out, "<div class=\"csl-entry\"> \n    <div class=\"csl-left-margin\">T</div>") != NULL, "%s", out);
	lit_free(out);
}

/* by-cite given names with added names, one name at a time: the second
 * name's given name tells "Josephine Roe" apart before a third name is
 * added for the two cites still alike. */
Test(csl, add_names_then_given_names_by_cite)
{
	const char *xml = STYLE_HEAD "<citation disambiguate-add-givenname=\"true\" disambiguate-add-names=\"true\" "
		"et-al-min=\"3\" et-al-use-first=\"1\" givenname-disambiguation-rule=\"by-cite\"><layout delimiter=\"; \">"
		"<names variable=\"author\"><name delimiter=\", \" initialize-with=\".\"/></names></layout></citation></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\",\"given\":\"John\"},"
		"{\"family\":\"Roe\",\"given\":\"Jane\"},{\"family\":\"Jones\",\"given\":\"Robert\"}]},"
		"{\"id\":\"b\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\",\"given\":\"John\"},"
		"{\"family\":\"Roe\",\"given\":\"Josephine\"},{\"family\":\"Jones\",\"given\":\"Robert\"}]},"
		"{\"id\":\"c\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\",\"given\":\"John\"},"
		"{\"family\":\"Roe\",\"given\":\"Jane\"},{\"family\":\"Jones\",\"given\":\"Richard\"}]},"
		"{\"id\":\"d\",\"type\":\"book\",\"author\":[{\"family\":\"Poe\",\"given\":\"Ann\"},"
		"{\"family\":\"Roe\",\"given\":\"Jane\"},{\"family\":\"Jones\",\"given\":\"Richard\"}]}]";
	const char *const g[] = { "a b c d" };
	char **out = cite(xml, json, g, 1);
	cr_assert_str_eq(out[0], "J. Doe, Jane Roe, Robert Jones; J. Doe, Josephine Roe, et al.; "
		"J. Doe, Jane Roe, Richard Jones; A. Poe et al.");
	lit_csl_strings_free(out, 1);
}

/* A number followed by labelled numbers: the form applies to the number,
 * the label becomes its (plural) term and the rest stays plain. */
Test(csl, number_with_labelled_numbers)
{
	const char *xml = STYLE_HEAD "<citation><layout><text value=\"x\"/></layout></citation>"
		"<bibliography><layout><number variable=\"edition\" form=\"ordinal\"/></layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"edition\":\"7, p. 3-8\"},"
		"{\"id\":\"b\",\"type\":\"book\",\"edition\":\"2, vol. 4\"},"
		"{\"id\":\"c\",\"type\":\"book\",\"edition\":\"2, xyz. 4\"}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "7th, pp. 3\xe2\x80\x93" "8\n2nd, vol. 4\n2, xyz. 4\n");
	lit_free(out);
}

/* A term holding only the file's indentation is empty, not a line break. */
Test(csl, whitespace_only_term_is_empty)
{
	const char *xml = STYLE_HEAD "<locale><terms><term name=\"and others\">\n      </term></terms></locale>"
		"<citation><layout><text value=\"x\"/></layout></citation><bibliography><layout suffix=\".\">"
		"<names variable=\"author\"><name et-al-min=\"2\" et-al-use-first=\"1\"/><et-al term=\"and others\"/></names>"
		"</layout></bibliography></style>";
	const char *json = "[{\"id\":\"a\",\"type\":\"book\",\"author\":[{\"family\":\"Doe\",\"given\":\"J.\"},{\"family\":\"Roe\",\"given\":\"R.\"}]}]";
	char *out = bib(xml, json, LIT_CSL_TEXT);
	cr_assert_str_eq(out, "J. Doe.\n");
	lit_free(out);
}
