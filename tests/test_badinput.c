/*
 * test_badinput.c - hostile input for every reader (bibtex, biblatex, ris,
 * csljson and the bibutils-backed endnote, endnotexml, mods, isi, medline,
 * nbib, word, copac): invalid UTF-8, binary junk, a 10 MB line, 10,000
 * nested braces/brackets/elements, unterminated entries and malformed XML.
 *
 * Each case either must fail (non-zero status, a message, the file name,
 * and the line where one applies) or, where the input is legal in that
 * format (deep but balanced BibTeX braces, a huge field value), must merely
 * not crash.  The sanitizer build runs this file for leaks and overflows.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera/io.h"

#define TEN_MB (10u * 1024 * 1024)

typedef struct reader {
	const char *name;
	/* a small valid file with one record whose title is "@@T@@" */
	const char *tmpl;
	int xml;        /* an XML format */
	int terminated; /* records have an explicit end (so a cut one is an error) */
} reader;

static const reader readers[] = {
	{ "bibtex", "@article{k,\n  author = {A, B},\n  title = {@@T@@},\n  year = {2020}\n}\n", 0, 1 },
	{ "biblatex", "@article{k,\n  author = {A, B},\n  title = {@@T@@},\n  date = {2020}\n}\n", 0, 1 },
	{ "ris", "TY  - JOUR\nAU  - A, B\nTI  - @@T@@\nPY  - 2020\nER  - \n", 0, 1 },
	{ "csljson", "[\n{\"id\": \"k\",\n\"type\": \"book\",\n\"title\": \"@@T@@\"}\n]\n", 0, 1 },
	{ "endnote", "%0 Book\n%A A, B\n%T @@T@@\n%D 2020\n\n", 0, 0 },
	{ "endnotexml", "<xml><records>\n<record><ref-type name=\"Book\">6</ref-type>\n"
	  "<titles><title>@@T@@</title></titles>\n</record></records></xml>\n", 1, 1 },
	{ "mods", "<modsCollection>\n<mods>\n<titleInfo><title>@@T@@</title></titleInfo>\n"
	  "</mods>\n</modsCollection>\n", 1, 1 },
	{ "isi", "PT J\nAU A, B\nTI @@T@@\nPY 2020\nER\n", 0, 1 },
	{ "medline", "<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID>\n"
	  "<Article><ArticleTitle>@@T@@</ArticleTitle></Article>\n"
	  "</MedlineCitation></PubmedArticle>\n</PubmedArticleSet>\n", 1, 1 },
	{ "nbib", "PMID- 1\nFAU - A, B\nTI  - @@T@@\nDP  - 2020\n\n", 0, 0 },
	{ "word", "<b:Sources>\n<b:Source><b:Tag>k</b:Tag>\n<b:Title>@@T@@</b:Title>\n"
	  "</b:Source>\n</b:Sources>\n", 1, 1 },
	{ "copac", "TI- @@T@@\nAU- A, B\nPU- London : X, 2000.\n\n", 0, 0 },
};
#define NREADERS (sizeof readers / sizeof *readers)

/* The template with its title replaced by `title` (len bytes). */
static char *fill(const char *tmpl, const char *title, size_t tlen, size_t *outlen, long *title_line)
{
	const char *at = strstr(tmpl, "@@T@@");
	cr_assert_not_null(at);
	size_t pre = (size_t)(at - tmpl), post = strlen(at + 5);
	char *s = malloc(pre + tlen + post + 1);
	cr_assert_not_null(s);
	memcpy(s, tmpl, pre);
	memcpy(s + pre, title, tlen);
	memcpy(s + pre + tlen, at + 5, post + 1);
	*outlen = pre + tlen + post;
	if (title_line) {
		*title_line = 1;
		for (size_t i = 0; i < pre; i++)
			if (tmpl[i] == '\n')
				(*title_line)++;
	}
	return s;
}

typedef struct outcome {
	int rc;
	size_t count;
	lit_error err;
} outcome;

static outcome run(const char *format, const char *data, size_t len, const char *encoding)
{
	outcome o;
	memset(&o, 0, sizeof o);
	lit_records *rs = lit_records_new();
	cr_assert_not_null(rs);
	lit_read_options opts = LIT_READ_OPTIONS_INIT;
	opts.format = format;
	opts.encoding = encoding;
	opts.filename = "bad-input.txt";
	o.rc = lit_read_buffer(rs, data, len, &opts, &o.err);
	o.count = lit_records_count(rs);
	lit_records_free(rs);
	return o;
}

/* A failure with a usable message. */
static void expect_error(const char *format, const char *what, const outcome *o, long line)
{
	cr_expect_neq(o->rc, LIT_OK, "%s: %s was accepted (%zu records)", format, what, o->count);
	if (o->rc == LIT_OK)
		return;
	cr_expect_gt(strlen(o->err.message), 0, "%s: %s: empty message", format, what);
	cr_expect_str_eq(o->err.file, "bad-input.txt", "%s: %s: file '%s'", format, what, o->err.file);
	if (line > 0)
		cr_expect_eq(o->err.line, line, "%s: %s: line %ld, expected %ld (%s)", format, what,
		             o->err.line, line, o->err.message);
}

/* Legal but extreme: must not crash; an error still needs a message. */
static void expect_survives(const char *format, const char *what, const outcome *o)
{
	if (o->rc != LIT_OK)
		cr_expect_gt(strlen(o->err.message), 0, "%s: %s: empty message", format, what);
}

/* The templates are valid: every other case is a real test of the reader. */
Test(badinput, templates_are_valid)
{
	for (size_t i = 0; i < NREADERS; i++) {
		size_t len;
		char *s = fill(readers[i].tmpl, "Заглавие", strlen("Заглавие"), &len, NULL);
		outcome o = run(readers[i].name, s, len, NULL);
		cr_expect_eq(o.rc, LIT_OK, "%s: template rejected: %s", readers[i].name, o.err.message);
		cr_expect_eq(o.count, 1, "%s: template gave %zu records", readers[i].name, o.count);
		free(s);
	}
}

Test(badinput, invalid_utf8)
{
	static const char bad[] = "Ti\xff\xfe" "tle \xC3\x28 end";
	for (size_t i = 0; i < NREADERS; i++) {
		size_t len;
		long line;
		char *s = fill(readers[i].tmpl, bad, sizeof bad - 1, &len, &line);
		outcome o = run(readers[i].name, s, len, "utf-8");
		expect_error(readers[i].name, "invalid UTF-8", &o, line);
		free(s);
	}
}

Test(badinput, binary_junk)
{
	size_t len = 65536;
	char *junk = malloc(len);
	cr_assert_not_null(junk);
	unsigned x = 12345u;
	for (size_t k = 0; k < len; k++) {
		x = x * 1103515245u + 12345u;
		junk[k] = (char)(x >> 16);
	}
	for (size_t i = 0; i < NREADERS; i++) {
		outcome o = run(readers[i].name, junk, len, NULL);
		expect_error(readers[i].name, "binary junk", &o, 0);
		o = run(readers[i].name, junk, len, "utf-8");
		expect_error(readers[i].name, "binary junk as UTF-8", &o, 0);
	}
	free(junk);
}

Test(badinput, ten_mb_line)
{
	char *line = malloc(TEN_MB);
	cr_assert_not_null(line);
	for (size_t k = 0; k < TEN_MB; k++)
		line[k] = "abcdefghij klmnopqrstuvwxyz"[k % 27];
	for (size_t i = 0; i < NREADERS; i++) {
		/* a 10 MB line with no structure at all */
		outcome o = run(readers[i].name, line, TEN_MB, NULL);
		if (strcmp(readers[i].name, "bibtex") && strcmp(readers[i].name, "biblatex"))
			expect_error(readers[i].name, "a 10 MB line of text", &o, 0);
		else /* text outside entries is a comment in BibTeX */
			expect_survives(readers[i].name, "a 10 MB comment line", &o);
		/* a record whose title is a 10 MB line: legal, must not crash */
		size_t len;
		char *s = fill(readers[i].tmpl, line, TEN_MB, &len, NULL);
		o = run(readers[i].name, s, len, NULL);
		expect_survives(readers[i].name, "a 10 MB title", &o);
		if (o.rc == LIT_OK)
			cr_expect_leq(o.count, 1, "%s: 10 MB title gave %zu records", readers[i].name, o.count);
		free(s);
	}
	free(line);
}

static char *repeat(const char *pre, const char *open, const char *close, size_t depth,
                    const char *post, size_t *len)
{
	size_t lo = strlen(open), lc = close ? strlen(close) : 0;
	size_t n = strlen(pre) + depth * (lo + lc) + strlen(post);
	char *s = malloc(n + 1), *p = s;
	cr_assert_not_null(s);
	p += sprintf(p, "%s", pre);
	for (size_t k = 0; k < depth; k++, p += lo)
		memcpy(p, open, lo);
	for (size_t k = 0; close && k < depth; k++, p += lc)
		memcpy(p, close, lc);
	p += sprintf(p, "%s", post);
	*len = (size_t)(p - s);
	return s;
}

Test(badinput, ten_thousand_nested)
{
	for (size_t i = 0; i < NREADERS; i++) {
		const reader *r = &readers[i];
		size_t len;
		char *s;
		outcome o;
		/* nothing but 10,000 nested brackets of the format's own kind */
		if (r->xml)
			s = repeat("", "<a>", "</a>", 10000, "\n", &len);
		else if (!strcmp(r->name, "csljson"))
			s = repeat("", "[", "]", 10000, "\n", &len);
		else
			s = repeat("", "{", "}", 10000, "\n", &len);
		o = run(r->name, s, len, NULL);
		if (strcmp(r->name, "bibtex") && strcmp(r->name, "biblatex"))
			expect_error(r->name, "10,000 nested brackets", &o, 0);
		else
			expect_survives(r->name, "10,000 nested braces outside entries", &o);
		free(s);

		/* 10,000 unclosed braces inside a record */
		s = repeat(!strcmp(r->name, "csljson") ? "[{\"id\":\"k\",\"type\":\"book\",\"title\":" :
		           r->xml ? "<modsCollection><mods>" : "@article{k, title = ",
		           !strcmp(r->name, "csljson") ? "[" : r->xml ? "<titleInfo>" : "{",
		           NULL, 10000, "\n", &len);
		o = run(r->name, s, len, NULL);
		if (r->xml || !strcmp(r->name, "csljson") || !strcmp(r->name, "bibtex") ||
		    !strcmp(r->name, "biblatex"))
			expect_error(r->name, "10,000 unclosed brackets", &o, 0);
		else
			expect_survives(r->name, "10,000 unclosed brackets", &o);
		free(s);

		/* balanced braces 10,000 deep inside a title: legal in BibTeX */
		char *title = repeat("", "{", "}", 10000, "", &len);
		s = fill(r->tmpl, title, len, &len, NULL);
		o = run(r->name, s, len, NULL);
		expect_survives(r->name, "10,000 nested braces in a title", &o);
		free(s);
		free(title);
	}
}

Test(badinput, unterminated_entry)
{
	for (size_t i = 0; i < NREADERS; i++) {
		const reader *r = &readers[i];
		size_t len;
		long line;
		char *s = fill(r->tmpl, "Title", 5, &len, &line);
		/* cut the file after the title line */
		char *nl = strchr(strstr(s, "Title"), '\n');
		cr_assert_not_null(nl);
		size_t cut = (size_t)(nl - s) + 1;
		outcome o = run(r->name, s, cut, NULL);
		if (r->terminated)
			expect_error(r->name, "an unterminated entry", &o, 0);
		else
			expect_survives(r->name, "a record cut short", &o);
		if (r->terminated && o.rc != LIT_OK)
			cr_expect_gt(o.err.line, 0, "%s: unterminated entry without a line", r->name);
		free(s);
	}
}

Test(badinput, malformed_xml)
{
	/* closing tag mismatch on line 4 */
	static const char *const bad[] = {
		"<xml><records>\n<record><ref-type name=\"Book\">6</ref-type>\n<titles><title>T</title></titles>\n</recod></records></xml>\n",
		"<modsCollection>\n<mods>\n<titleInfo><title>T</title></titleInfo>\n</mod>\n</modsCollection>\n",
		"<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID>\n<Article><ArticleTitle>T</ArticleTitle></Article>\n</MedlineCitation></PubmedArticl>\n</PubmedArticleSet>\n",
		"<b:Sources>\n<b:Source><b:Tag>k</b:Tag>\n<b:Title>T</b:Title>\n</b:Sourc>\n</b:Sources>\n",
	};
	static const char *const fmt[] = { "endnotexml", "mods", "medline", "word" };
	for (size_t i = 0; i < 4; i++) {
		outcome o = run(fmt[i], bad[i], strlen(bad[i]), NULL);
		expect_error(fmt[i], "mismatched closing tag", &o, 4);
		/* truncated in the middle of a tag */
		o = run(fmt[i], bad[i], 40, NULL);
		expect_error(fmt[i], "XML cut inside a tag", &o, 0);
		/* unclosed attribute quote */
		const char *q = "<modsCollection>\n<mods ID=\"x>\n<titleInfo><title>T</title></titleInfo>\n</mods>\n</modsCollection>\n";
		o = run(fmt[i], q, strlen(q), NULL);
		expect_error(fmt[i], "unclosed attribute quote", &o, 0);
	}
	/* XML given to the other readers is not their format either */
	for (size_t i = 0; i < NREADERS; i++) {
		if (readers[i].xml)
			continue;
		outcome o = run(readers[i].name, bad[1], strlen(bad[1]), NULL);
		if (strcmp(readers[i].name, "bibtex") && strcmp(readers[i].name, "biblatex"))
			expect_error(readers[i].name, "XML", &o, 0);
		else
			expect_survives(readers[i].name, "XML (a BibTeX comment)", &o);
	}
}

/* Detection must not choke on any of it either. */
Test(badinput, detection_survives)
{
	size_t len;
	char *s = repeat("", "<a>", NULL, 10000, "", &len);
	(void)lit_detect_format(s, len);
	free(s);
	s = repeat("", "{", NULL, 10000, "", &len);
	(void)lit_detect_format(s, len);
	free(s);
	cr_assert_null(lit_detect_format("", 0));
}
