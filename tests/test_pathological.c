/*
 * test_pathological.c - pathological inputs for every reader (through
 * lit_read_buffer) and every writer, after cmark's pathological_tests:
 * a 10 MB single line, 100,000 entries, 10,000 nested braces, brackets
 * and XML elements, 1M-character fields, 50,000 authors, long runs of
 * backslashes and escapes, and deeply nested CSL macros and groups.
 *
 * Each case must finish quickly (linear work, no recursion without a
 * bound) and give either records or a clear error with the file name.  A
 * case has a generous internal deadline (alarm(), DEADLINE seconds) that
 * makes it fail with its name instead of hanging: quadratic behaviour on
 * these sizes blows through it.  The sanitizer build runs this file for
 * leaks and overflows.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#include "litera.h"
#include "litera/csl.h"

#define DEADLINE 20

/* ---- deadline --------------------------------------------------------- */

static const char *volatile current_case = "";
static volatile pid_t current_child = 0;

static void on_alarm(int sig)
{
	static const char msg[] = "pathological: deadline exceeded (quadratic or hanging): ";
	(void)sig;
	if (current_child > 0)
		kill(current_child, SIGKILL);
	if (write(2, msg, sizeof msg - 1) < 0 ||
	    write(2, current_case, strlen(current_case)) < 0 || write(2, "\n", 1) < 0)
		_exit(3);
	_exit(3);
}

/* Start a case: it must end within DEADLINE seconds. */
static void begin(const char *name)
{
	current_case = name;
	signal(SIGALRM, on_alarm);
	alarm(DEADLINE);
}

static void end(void)
{
	alarm(0);
}

/* ---- text building ---------------------------------------------------- */

typedef struct sb {
	char *s;
	size_t len, cap;
} sb;

static void sb_put(sb *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = realloc(b->s, cap);
		cr_assert_not_null(b->s);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

static void sb_str(sb *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

static void sb_fmt(sb *b, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	cr_assert(n >= 0);
	char *tmp = malloc((size_t)n + 1);
	cr_assert_not_null(tmp);
	vsnprintf(tmp, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	sb_put(b, tmp, (size_t)n);
	free(tmp);
}

static void sb_rep(sb *b, const char *s, size_t times)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < times; i++)
		sb_put(b, s, n);
}

/* ---- reading ---------------------------------------------------------- */

typedef struct outcome {
	int rc;
	lit_records *recs;
	lit_error err;
} outcome;

static outcome read_as(const char *format, const char *data, size_t len)
{
	outcome o;
	memset(&o, 0, sizeof o);
	o.recs = lit_records_new();
	cr_assert_not_null(o.recs);
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	ro.format = format;
	ro.filename = "patho.txt";
	o.rc = lit_read_buffer(o.recs, data, len, &ro, &o.err);
	return o;
}

/* Records or a clear error: a message and the file name. */
static void expect_sane(const char *what, const outcome *o)
{
	if (o->rc != LIT_OK) {
		cr_expect_gt(strlen(o->err.message), 0, "%s: error without a message", what);
		cr_expect_str_eq(o->err.file, "patho.txt", "%s: error names file '%s' (%s)", what,
		                 o->err.file, o->err.message);
	}
}

static void expect_records(const char *what, const outcome *o, size_t n)
{
	cr_expect_eq(o->rc, LIT_OK, "%s: failed: %s:%ld: %s", what, o->err.file, o->err.line,
	             o->err.message);
	if (o->rc == LIT_OK)
		cr_expect_eq(lit_records_count(o->recs), n, "%s: %zu records, expected %zu", what,
		             lit_records_count(o->recs), n);
}

/* ---- writing ---------------------------------------------------------- */

static const struct {
	const char *name;
	int bibutils; /* through libbibutils: linear but ~100-200 us a record */
} writers[] = {
	{ "bibtex", 0 }, { "biblatex", 0 }, { "ris", 0 }, { "csljson", 0 }, { "endnote", 1 },
	{ "endnotexml", 1 }, { "mods", 1 }, { "isi", 1 }, { "word", 1 }, { "ads", 1 },
	{ "gost", 0 }, { "gost2008", 0 },
};
#define NWRITERS (sizeof writers / sizeof *writers)

/* Write `recs` with every writer (each under its own deadline): output or
 * an error with a message.  `max_bibutils` > 0 gives the bibutils writers
 * only that many records (they take ~10 s for 100,000 in a release build,
 * far more under ASan, and scale linearly: see bench/). */
static void write_some(const char *what, const lit_records *all, size_t max_bibutils)
{
	char name[256];
	lit_records *part = NULL;
	if (max_bibutils && lit_records_count(all) > max_bibutils) {
		part = lit_records_new();
		cr_assert_not_null(part);
		for (size_t i = 0; i < max_bibutils; i++)
			cr_assert_eq(lit_records_push(part, lit_record_clone(lit_records_at(all, i))), LIT_OK);
	}
	for (size_t i = 0; i < NWRITERS; i++) {
		const lit_records *recs = writers[i].bibutils && part ? part : all;
		if (!lit_format_find(writers[i].name) || !lit_format_find(writers[i].name)->can_write)
			continue;
		snprintf(name, sizeof name, "%s: write %s (%zu records)", what, writers[i].name,
		         lit_records_count(recs));
		begin(name);
		char *out = NULL;
		size_t len = 0;
		lit_error err;
		memset(&err, 0, sizeof err);
		lit_write_options wo = LIT_WRITE_OPTIONS_INIT;
		int rc = lit_write_buffer(recs, writers[i].name, &wo, &out, &len, &err);
		end();
		if (rc == LIT_OK)
			cr_expect(out != NULL && (lit_records_count(recs) == 0 || len > 0),
			          "%s: empty output", name);
		else
			cr_expect_gt(strlen(err.message), 0, "%s: error without a message", name);
		lit_free(out);
	}
	lit_records_free(part);
}

static void write_all(const char *what, const lit_records *recs)
{
	write_some(what, recs, 0);
}

/* ---- record generators per reader ------------------------------------- */

/* One entry in `format` with title `title` and authors `authors` (already
 * in the format's syntax for one author; repeated `nauth` times). */
typedef enum { F_BIBTEX, F_BIBLATEX, F_RIS, F_CSLJSON } fmt_id;
static const char *const fmt_names[] = { "bibtex", "biblatex", "ris", "csljson" };
#define NFMT 4

static void entry(sb *b, fmt_id f, size_t i, const char *title, size_t nauth, int oneline)
{
	const char *nl = oneline ? " " : "\n";
	switch (f) {
	case F_BIBTEX:
	case F_BIBLATEX:
		sb_fmt(b, "@article{k%zu,%s author = {", i, nl);
		for (size_t a = 0; a < nauth; a++)
			sb_fmt(b, "%sFamily%zu, G.", a ? " and " : "", a);
		sb_fmt(b, "},%s title = {%s},%s %s = {2020},%s journal = {J}}%s", nl, title, nl,
		       f == F_BIBTEX ? "year" : "date", nl, nl);
		break;
	case F_RIS:
		sb_str(b, "TY  - JOUR\n");
		for (size_t a = 0; a < nauth; a++)
			sb_fmt(b, "AU  - Family%zu, G.\n", a);
		sb_fmt(b, "TI  - %s\nPY  - 2020\nT2  - J\nER  - \n", title);
		break;
	case F_CSLJSON:
		sb_fmt(b, "%s{\"id\":\"k%zu\",\"type\":\"article-journal\",\"author\":[", i ? "," : "", i);
		for (size_t a = 0; a < nauth; a++)
			sb_fmt(b, "%s{\"family\":\"Family%zu\",\"given\":\"G.\"}", a ? "," : "", a);
		sb_fmt(b, "],\"title\":\"%s\",\"issued\":{\"date-parts\":[[2020]]},"
		       "\"container-title\":\"J\"}%s", title, nl);
		break;
	}
}

static void open_list(sb *b, fmt_id f)
{
	if (f == F_CSLJSON)
		sb_str(b, "[");
}

static void close_list(sb *b, fmt_id f)
{
	if (f == F_CSLJSON)
		sb_str(b, "]\n");
}

/* ---- cases ------------------------------------------------------------ */

Test(pathological, ten_mb_single_line)
{
	char name[128];
	for (int f = 0; f < NFMT; f++) {
		if (f == F_RIS)
			continue; /* a line-based format: see the 1M-character field case */
		sb b = { 0 };
		open_list(&b, (fmt_id)f);
		size_t n = 0;
		while (b.len < 10u * 1024 * 1024)
			entry(&b, (fmt_id)f, n++, "A title on one line", 2, 1);
		close_list(&b, (fmt_id)f);
		cr_assert_null(memchr(b.s, '\n', b.len - 1), "generator put a newline in");
		snprintf(name, sizeof name, "%s: 10 MB single line of %zu entries", fmt_names[f], n);
		begin(name);
		outcome o = read_as(fmt_names[f], b.s, b.len);
		end();
		expect_records(name, &o, n);
		lit_records_free(o.recs);
		free(b.s);
	}
	/* one 10 MB line without structure: detection and every reader */
	sb b = { 0 };
	while (b.len < 10u * 1024 * 1024)
		sb_str(&b, "lorem {ipsum} [dolor] <sit> \\amet \"consectetur\", ");
	for (size_t i = 0; i < lit_format_count(); i++) {
		const lit_format_info *fi = lit_format_at(i);
		if (!fi->can_read)
			continue;
		snprintf(name, sizeof name, "%s: 10 MB line of junk", fi->name);
		begin(name);
		outcome o = read_as(fi->name, b.s, b.len);
		end();
		expect_sane(name, &o);
		lit_records_free(o.recs);
	}
	begin("detection: 10 MB line of junk");
	outcome o = read_as(NULL, b.s, b.len);
	end();
	expect_sane("detection: 10 MB line of junk", &o);
	lit_records_free(o.recs);
	free(b.s);
}

Test(pathological, hundred_thousand_entries)
{
	char name[128];
	for (int f = 0; f < NFMT; f++) {
		sb b = { 0 };
		open_list(&b, (fmt_id)f);
		for (size_t i = 0; i < 100000; i++)
			entry(&b, (fmt_id)f, i, "Same title", 1, 0);
		close_list(&b, (fmt_id)f);
		snprintf(name, sizeof name, "%s: 100,000 entries", fmt_names[f]);
		begin(name);
		outcome o = read_as(fmt_names[f], b.s, b.len);
		end();
		expect_records(name, &o, 100000);
		/* the same records through every writer (keys must be made unique
		 * for 100,000 equal author/year/title triples without quadratic work) */
		if (f == F_BIBTEX && o.rc == LIT_OK)
			write_some("100,000 entries", o.recs, 10000);
		lit_records_free(o.recs);
		free(b.s);
	}
}

Test(pathological, ten_thousand_nested)
{
	static const struct {
		const char *format, *pre, *open, *close, *post;
	} cases[] = {
		{ "bibtex", "@misc{k, title = {", "{", "}", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "\\textbf{", "}", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "\\\"{", "}", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "$\\mathrm{", "}$", "}}\n" },
		{ "bibtex", "@misc{k, title = \"", "{", "}", "\"}\n" },
		{ "bibtex", "@misc{k, title = {", "{", "", "}}\n" },
		{ "biblatex", "@misc{k, title = {", "\\mkbibquote{", "}", "}}\n" },
		{ "csljson", "[{\"id\":\"k\",\"type\":\"book\",\"title\":", "[", "]", "}]\n" },
		{ "csljson", "[{\"id\":\"k\",\"type\":\"book\",\"note\":", "{\"a\":", "}", "}]\n" },
		{ "csljson", "", "[", "", "\n" },
		{ "ris", "TY  - BOOK\nTI  - ", "{[<", ">]}", "\nER  - \n" },
		{ "mods", "<modsCollection><mods><titleInfo><title>", "<b>", "</b>",
		  "</title></titleInfo></mods></modsCollection>\n" },
		{ "mods", "<modsCollection><mods>", "<relatedItem type=\"host\">", "</relatedItem>",
		  "</mods></modsCollection>\n" },
		{ "endnotexml", "<xml><records><record><titles><title>", "<style>", "</style>",
		  "</title></titles></record></records></xml>\n" },
		{ "word", "<b:Sources><b:Source><b:Title>", "<b:x>", "</b:x>",
		  "</b:Title></b:Source></b:Sources>\n" },
		{ "medline", "<PubmedArticleSet><PubmedArticle><MedlineCitation><Article>", "<i>", "</i>",
		  "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n" },
	};
	char name[160];
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		sb b = { 0 };
		sb_str(&b, cases[c].pre);
		sb_rep(&b, cases[c].open, 10000);
		sb_str(&b, "x");
		sb_rep(&b, cases[c].close, 10000);
		sb_str(&b, cases[c].post);
		snprintf(name, sizeof name, "%s: 10,000 x '%s' '%s'", cases[c].format, cases[c].open,
		         cases[c].close);
		begin(name);
		outcome o = read_as(cases[c].format, b.s, b.len);
		end();
		expect_sane(name, &o);
		if (o.rc == LIT_OK && lit_records_count(o.recs))
			write_all(name, o.recs);
		lit_records_free(o.recs);
		free(b.s);
	}
}

Test(pathological, million_character_fields)
{
	char name[160];
	char *big = malloc(1000001);
	cr_assert_not_null(big);
	for (size_t i = 0; i < 1000000; i++)
		big[i] = "Abc def ghi, jkl. "[i % 18];
	big[1000000] = 0;
	char *digits = malloc(1000001);
	cr_assert_not_null(digits);
	memset(digits, '9', 1000000);
	digits[1000000] = 0;

	for (int f = 0; f < NFMT; f++) {
		sb b = { 0 };
		open_list(&b, (fmt_id)f);
		entry(&b, (fmt_id)f, 0, big, 1, 0);
		close_list(&b, (fmt_id)f);
		snprintf(name, sizeof name, "%s: 1M-character title", fmt_names[f]);
		begin(name);
		outcome o = read_as(fmt_names[f], b.s, b.len);
		end();
		expect_records(name, &o, 1);
		if (o.rc == LIT_OK) {
			const char *t = lit_record_get(lit_records_at(o.recs, 0), LIT_VAR_TITLE);
			cr_expect(t && strlen(t) >= 999000, "%s: title lost", name);
			if (f == F_BIBTEX)
				write_all(name, o.recs);
		}
		lit_records_free(o.recs);
		free(b.s);
	}

	/* a 1M-character key, author, year, pages, DOI and one-word title */
	static const char *const tmpl[] = {
		"@article{%s, title = {T}}\n",
		"@article{k, author = {%s}, title = {T}}\n",
		"@article{k, author = {Family, %s}, title = {T}}\n",
		"@article{k, year = {%s}, title = {T}}\n",
		"@article{k, date = {%s-01-01/%s}, title = {T}}\n",
		"@article{k, pages = {%s--%s}, title = {T}}\n",
		"@article{k, doi = {10.1/%s}, title = {T}}\n",
		"@article{k, month = {%s}, title = {T}}\n",
	};
	const char *vals[] = { big, digits };
	for (size_t t = 0; t < sizeof tmpl / sizeof *tmpl; t++) {
		for (size_t v = 0; v < 2; v++) {
			sb b = { 0 };
			const char *p = tmpl[t], *q;
			while ((q = strstr(p, "%s"))) {
				sb_put(&b, p, (size_t)(q - p));
				sb_str(&b, vals[v]);
				p = q + 2;
			}
			sb_str(&b, p);
			snprintf(name, sizeof name, "biblatex: 1M-character %s in '%.30s'",
			         v ? "digits" : "text", tmpl[t]);
			begin(name);
			outcome o = read_as("biblatex", b.s, b.len);
			end();
			expect_sane(name, &o);
			if (o.rc == LIT_OK)
				write_all(name, o.recs);
			lit_records_free(o.recs);
			free(b.s);
		}
	}

	/* RIS and CSL-JSON dates and numbers of a million digits */
	{
		sb b = { 0 };
		sb_str(&b, "TY  - JOUR\nTI  - T\nPY  - ");
		sb_str(&b, digits);
		sb_str(&b, "\nDA  - ");
		sb_str(&b, digits);
		sb_str(&b, "/01/01\nSP  - ");
		sb_str(&b, digits);
		sb_str(&b, "\nER  - \n");
		begin("ris: 1M-digit dates");
		outcome o = read_as("ris", b.s, b.len);
		end();
		expect_sane("ris: 1M-digit dates", &o);
		if (o.rc == LIT_OK)
			write_all("ris: 1M-digit dates", o.recs);
		lit_records_free(o.recs);
		free(b.s);
	}
	{
		sb b = { 0 };
		sb_str(&b, "[{\"id\":\"k\",\"type\":\"book\",\"issued\":{\"date-parts\":[[");
		sb_str(&b, digits);
		sb_str(&b, ",1,1]]},\"accessed\":{\"raw\":\"");
		sb_str(&b, digits);
		sb_str(&b, "\"},\"volume\":");
		sb_str(&b, digits);
		sb_str(&b, "}]");
		begin("csljson: 1M-digit numbers");
		outcome o = read_as("csljson", b.s, b.len);
		end();
		expect_sane("csljson: 1M-digit numbers", &o);
		if (o.rc == LIT_OK)
			write_all("csljson: 1M-digit numbers", o.recs);
		lit_records_free(o.recs);
		free(b.s);
	}
	free(big);
	free(digits);
}

Test(pathological, fifty_thousand_authors)
{
	char name[128];
	for (int f = 0; f < NFMT; f++) {
		sb b = { 0 };
		open_list(&b, (fmt_id)f);
		entry(&b, (fmt_id)f, 0, "Many hands", 50000, 0);
		close_list(&b, (fmt_id)f);
		snprintf(name, sizeof name, "%s: 50,000 authors", fmt_names[f]);
		begin(name);
		outcome o = read_as(fmt_names[f], b.s, b.len);
		end();
		/* the BibTeX reader caps a name list (20,000) with an error at its line */
		if (o.rc != LIT_OK && (f == F_BIBTEX || f == F_BIBLATEX)) {
			expect_sane(name, &o);
			cr_expect_eq(o.err.line, 1, "%s: error at line %ld", name, o.err.line);
		} else {
			expect_records(name, &o, 1);
		}
		if (o.rc == LIT_OK) {
			lit_record *r = lit_records_at(o.recs, 0);
			cr_expect_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 50000,
			             "%s: %zu authors", name, lit_record_name_count(r, LIT_VAR_AUTHOR));
			if (f == F_BIBTEX)
				write_all(name, o.recs);
		}
		lit_records_free(o.recs);
		free(b.s);
	}
	/* one author made of 50,000 particles and given names */
	sb b = { 0 };
	sb_str(&b, "@book{k, author = {");
	sb_rep(&b, "van ", 50000);
	sb_str(&b, "Beethoven, ");
	sb_rep(&b, "Ludwig ", 50000);
	sb_str(&b, "}, editor = {");
	sb_rep(&b, "A. ", 50000);
	sb_str(&b, "Z}, title = {T}}\n");
	begin("bibtex: 50,000 name parts");
	outcome o = read_as("bibtex", b.s, b.len);
	end();
	expect_sane("bibtex: 50,000 name parts", &o);
	if (o.rc == LIT_OK)
		write_all("bibtex: 50,000 name parts", o.recs);
	lit_records_free(o.recs);
	free(b.s);
}

Test(pathological, backslash_and_escape_runs)
{
	static const struct {
		const char *format, *pre, *unit, *post;
	} cases[] = {
		{ "bibtex", "@misc{k, title = {", "\\\\", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "\\", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "\\\"o", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "\\{", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "\\cyr", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "\\relax ", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "\\&", "}}\n" },
		{ "bibtex", "@misc{k, title = {", "$", "}}\n" },
		{ "bibtex", "@misc{k, title = \"", "\\\"", "\"}\n" },
		{ "bibtex", "@misc{k, title = {", "\\url{", "}}\n" },
		{ "bibtex", "@string{a = \"x\"}\n@misc{k, title = ", "a # ", "a}\n" },
		{ "bibtex", "", "@", "\n" },
		{ "bibtex", "", "@misc{", "\n" },
		{ "bibtex", "", "%", "\n" },
		{ "csljson", "[{\"id\":\"k\",\"type\":\"book\",\"title\":\"", "\\\\", "\"}]" },
		{ "csljson", "[{\"id\":\"k\",\"type\":\"book\",\"title\":\"", "\\u0041", "\"}]" },
		{ "csljson", "[{\"id\":\"k\",\"type\":\"book\",\"title\":\"", "\\ud83d\\ude00", "\"}]" },
		{ "csljson", "[{\"id\":\"k\",\"type\":\"book\",\"title\":\"", "\\ud83d", "\"}]" },
		{ "csljson", "[{\"id\":\"k\",\"type\":\"book\",\"title\":\"", "\\\"", "\"}]" },
		{ "csljson", "[{\"id\":\"k\",\"type\":\"book\",\"title\":\"", "<i>", "\"}]" },
		{ "ris", "TY  - BOOK\nTI  - ", "\\", "\nER  - \n" },
		{ "ris", "TY  - BOOK\nTI  - ", "\r", "\nER  - \n" },
		{ "ris", "TY  - BOOK\nTI  - T\n", "\n", "ER  - \n" },
		{ "endnote", "%0 Book\n%T ", "\\", "\n\n" },
		{ "mods", "<modsCollection><mods><titleInfo><title>", "&amp;", "</title></titleInfo></mods></modsCollection>" },
	};
	char name[160];
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		sb b = { 0 };
		sb_str(&b, cases[c].pre);
		sb_rep(&b, cases[c].unit, 200000);
		sb_str(&b, cases[c].post);
		snprintf(name, sizeof name, "%s: 200,000 x '%s'", cases[c].format, cases[c].unit);
		begin(name);
		outcome o = read_as(cases[c].format, b.s, b.len);
		end();
		expect_sane(name, &o);
		if (o.rc == LIT_OK && lit_records_count(o.recs))
			write_all(name, o.recs);
		lit_records_free(o.recs);
		free(b.s);
	}
}

/* ---- CSL -------------------------------------------------------------- */

static void csl_case(const char *name, const char *style, size_t len)
{
	static const char recs_json[] =
		"[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T\",\"author\":[{\"family\":\"Doe\","
		"\"given\":\"J.\"}],\"issued\":{\"date-parts\":[[2000]]}}]";
	begin(name);
	lit_csl_style *st = NULL;
	lit_error err;
	memset(&err, 0, sizeof err);
	int rc = lit_csl_style_load_buffer(&st, style, len, "patho.csl", NULL, &err);
	if (rc != LIT_OK) {
		end();
		cr_expect_gt(strlen(err.message), 0, "%s: error without a message", name);
		return;
	}
	lit_records *recs = lit_records_new();
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	ro.format = "csljson";
	cr_assert_eq(lit_read_buffer(recs, recs_json, strlen(recs_json), &ro, &err), LIT_OK);
	lit_csl_engine *eng = NULL;
	rc = lit_csl_engine_new(&eng, st, recs, LIT_CSL_TEXT, &err);
	if (rc == LIT_OK) {
		lit_csl_cite c = { 0 };
		c.id = "a";
		lit_csl_citation ct = { &c, 1, 1 };
		char **out = NULL;
		rc = lit_csl_engine_cite(eng, &ct, 1, &out, &err);
		if (rc == LIT_OK)
			lit_csl_strings_free(out, 1);
		else
			cr_expect_gt(strlen(err.message), 0, "%s: cite error without a message", name);
		char *bib = NULL;
		size_t bl = 0;
		rc = lit_csl_engine_bibliography(eng, &bib, &bl, &err);
		if (rc == LIT_OK)
			lit_free(bib);
		else
			cr_expect_gt(strlen(err.message), 0, "%s: bib error without a message", name);
		lit_csl_engine_free(eng);
	}
	end();
	lit_records_free(recs);
	lit_csl_style_free(st);
}

#define CSL_HEAD "<?xml version=\"1.0\"?><style xmlns=\"http://purl.org/net/xbiblio/csl\" " \
	"class=\"in-text\" version=\"1.0\"><info><title>P</title></info>"

Test(pathological, deep_csl_macros)
{
	/* a chain of 10,000 macros, each calling the next */
	sb b = { 0 };
	sb_str(&b, CSL_HEAD);
	for (size_t i = 0; i < 10000; i++) {
		sb_fmt(&b, "<macro name=\"m%zu\"><text macro=\"m%zu\"/><text value=\".\"/></macro>", i,
		       i + 1);
	}
	sb_str(&b, "<macro name=\"m10000\"><text variable=\"title\"/></macro>");
	sb_str(&b, "<citation><layout><text macro=\"m0\"/></layout></citation>"
	           "<bibliography><layout><text macro=\"m0\"/></layout></bibliography></style>");
	csl_case("csl: chain of 10,000 macros", b.s, b.len);
	free(b.s);

	/* each macro calls the next one twice: 2^40 expansions unless bounded */
	b = (sb){ 0 };
	sb_str(&b, CSL_HEAD);
	for (size_t i = 0; i < 40; i++)
		sb_fmt(&b, "<macro name=\"m%zu\"><text macro=\"m%zu\"/><text macro=\"m%zu\"/></macro>",
		       i, i + 1, i + 1);
	sb_str(&b, "<macro name=\"m40\"><text variable=\"title\"/></macro>");
	sb_str(&b, "<citation><layout><text macro=\"m0\"/></layout></citation></style>");
	csl_case("csl: exponential macro fan-out", b.s, b.len);
	free(b.s);

	/* mutual recursion */
	b = (sb){ 0 };
	sb_str(&b, CSL_HEAD "<macro name=\"a\"><group><text macro=\"b\"/></group></macro>"
	           "<macro name=\"b\"><choose><if variable=\"title\"><text macro=\"a\"/></if></choose></macro>"
	           "<citation><layout><text macro=\"a\"/></layout></citation></style>");
	csl_case("csl: mutual recursion", b.s, b.len);
	free(b.s);

	/* 10,000 nested groups and 10,000 nested choose/if */
	b = (sb){ 0 };
	sb_str(&b, CSL_HEAD "<citation><layout>");
	sb_rep(&b, "<group delimiter=\", \">", 10000);
	sb_str(&b, "<text variable=\"title\"/>");
	sb_rep(&b, "</group>", 10000);
	sb_str(&b, "</layout></citation></style>");
	csl_case("csl: 10,000 nested groups", b.s, b.len);
	free(b.s);

	b = (sb){ 0 };
	sb_str(&b, CSL_HEAD "<citation><layout>");
	sb_rep(&b, "<choose><if variable=\"title\">", 10000);
	sb_str(&b, "<text variable=\"title\"/>");
	sb_rep(&b, "</if></choose>", 10000);
	sb_str(&b, "</layout></citation></style>");
	csl_case("csl: 10,000 nested choose", b.s, b.len);
	free(b.s);

	/* 100,000 sibling text elements and a 1M-character value */
	b = (sb){ 0 };
	sb_str(&b, CSL_HEAD "<citation><layout>");
	sb_rep(&b, "<text variable=\"title\" prefix=\"(\" suffix=\")\"/>", 100000);
	sb_str(&b, "</layout></citation></style>");
	csl_case("csl: 100,000 sibling elements", b.s, b.len);
	free(b.s);

	b = (sb){ 0 };
	sb_str(&b, CSL_HEAD "<citation><layout><text value=\"");
	sb_rep(&b, "x&amp;", 200000);
	sb_str(&b, "\"/></layout></citation></style>");
	csl_case("csl: 1M-character value", b.s, b.len);
	free(b.s);
}

/* GOST and CSL rendering of many records with many authors. */
Test(pathological, csl_many_records)
{
	sb b = { 0 };
	sb_str(&b, "[");
	for (size_t i = 0; i < 20000; i++)
		entry(&b, F_CSLJSON, i, "Same", 3, 0);
	sb_str(&b, "]");
	begin("csljson: 20,000 records");
	outcome o = read_as("csljson", b.s, b.len);
	end();
	expect_records("csljson: 20,000 records", &o, 20000);
	if (o.rc == LIT_OK)
		write_some("20,000 equal records", o.recs, 10000);
	lit_records_free(o.recs);
	free(b.s);
}

/* ---- litera cite on pathological manuscripts --------------------------- */

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "%s", path);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
}

/* Run `litera cite MS --bib BIB -o OUT`; its exit status. */
static int run_cite(const char *ms, const char *bib, const char *out)
{
	pid_t pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0)
			dup2(fd, 2);
		execl(LITERA_TOOL, LITERA_TOOL, "cite", ms, "--bib", bib, "-o", out, (char *)NULL);
		_exit(127);
	}
	current_child = pid;
	int st = 0;
	while (waitpid(pid, &st, 0) < 0)
		;
	current_child = 0;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

Test(pathological, cite_manuscripts)
{
	static const struct {
		const char *ext, *pre, *unit, *post;
		size_t times;
	} cases[] = {
		{ "md", "", "[@", "", 300000 },               /* unclosed brackets */
		{ "md", "", "[", "@a]", 300000 },             /* 300,000 nested brackets */
		{ "md", "", "text [@a] and [@b, p. 5].\n", "", 100000 },
		{ "md", "[@a", ";@b", "]", 100000 },          /* one citation of 100,000 cites */
		{ "md", "", "`", "[@a]", 300000 },
		{ "tex", "", "\\cite{", "", 300000 },         /* unclosed arguments */
		{ "tex", "", "\\cite[", "", 300000 },
		{ "tex", "", "x \\cite{a} y \\parencite[p.~5]{b}\n", "", 100000 },
		{ "tex", "", "\\", "", 1000000 },
	};
	char dir[] = "/tmp/litera-patho-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char bib[64], ms[64], out[64], name[128];
	snprintf(bib, sizeof bib, "%s/refs.bib", dir);
	static const char refs[] = "@book{a, author={Doe, J.}, title={T}, year={2000}}\n"
		"@book{b, author={Roe, J.}, title={U}, year={2001}}\n";
	write_file(bib, refs, sizeof refs - 1);
	snprintf(out, sizeof out, "%s/out", dir);
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		sb b = { 0 };
		sb_str(&b, cases[c].pre);
		sb_rep(&b, cases[c].unit, cases[c].times);
		sb_str(&b, cases[c].post);
		snprintf(ms, sizeof ms, "%s/ms.%s", dir, cases[c].ext);
		write_file(ms, b.s, b.len);
		free(b.s);
		snprintf(name, sizeof name, "cite: %zu x '%s' (.%s)", cases[c].times, cases[c].unit,
		         cases[c].ext);
		begin(name);
		int rc = run_cite(ms, bib, out);
		end();
		cr_expect(rc == 0 || rc == 1, "%s: exit status %d", name, rc);
		unlink(ms);
		unlink(out);
	}
	unlink(bib);
	rmdir(dir);
}
