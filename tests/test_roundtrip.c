/*
 * test_roundtrip.c - cross-format round trips on tests/data/roundtrip.bib
 * (30 Cyrillic and Latin entries of every common type):
 *
 *   BibTeX -> RIS -> BibTeX        every field RIS maps is kept
 *   BibTeX -> CSL-JSON -> BibTeX   every field is kept
 *   BibTeX -> MODS -> BibTeX       the fields MODS maps are kept (bibutils)
 *   BibTeX -> EndNote -> BibTeX    the fields EndNote maps are kept (bibutils)
 *
 * Records are compared field by field through the record API, not as text.
 * Only formatting that a format cannot carry is normalised (page-range
 * dashes, keyword separators).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera/io.h"
#include "litera/record.h"

static lit_records *read_file_as(const char *name, const char *format)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/data/%s", LITERA_SOURCE_DIR, name);
	lit_records *rs = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	char msg[1200];
	memset(&err, 0, sizeof err);
	o.format = format;
	int rc = lit_read_file(rs, path, &o, &err);
	cr_assert_eq(rc, LIT_OK, "%s", lit_error_format(&err, msg, sizeof msg));
	return rs;
}

/* Write in `format` and read the text back. */
static lit_records *through(const lit_records *rs, const char *format)
{
	char *text = NULL;
	size_t len = 0;
	lit_error err;
	char msg[1200];
	memset(&err, 0, sizeof err);
	int rc = lit_write_buffer(rs, format, NULL, &text, &len, &err);
	cr_assert_eq(rc, LIT_OK, "writing %s: %s", format, lit_error_format(&err, msg, sizeof msg));
	lit_records *back = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	o.format = format;
	o.filename = format;
	rc = lit_read_buffer(back, text, len, &o, &err);
	cr_assert_eq(rc, LIT_OK, "reading back %s: %s\n%.2000s", format,
	             lit_error_format(&err, msg, sizeof msg), text);
	lit_free(text);
	return back;
}

/* Normalise a value for comparison: dashes in ranges, keyword lists. */
static void norm(char *out, size_t size, const char *s, lit_var v)
{
	size_t o = 0;
	for (const char *p = s; *p && o + 1 < size; ) {
		if (v == LIT_VAR_PAGE && (!strncmp(p, "\xE2\x80\x93", 3) || !strncmp(p, "\xE2\x80\x94", 3))) {
			out[o++] = '-';
			p += 3;
		} else if (v == LIT_VAR_PAGE && p[0] == '-' && p[1] == '-') {
			out[o++] = '-';
			p += 2;
		} else if (v == LIT_VAR_KEYWORD && (*p == ';' || *p == ',')) {
			out[o++] = ',';
			p++;
			while (*p == ' ')
				p++;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = 0;
}

/* A name as one comparable string. */
static void name_key(char *out, size_t size, const lit_name *n)
{
	snprintf(out, size, "%s%s%s%s%s|%s|%s|%s",
	         n->dropping_particle ? n->dropping_particle : "", n->dropping_particle ? " " : "",
	         n->non_dropping_particle ? n->non_dropping_particle : "",
	         n->non_dropping_particle ? " " : "",
	         n->family ? n->family : "", n->given ? n->given : "",
	         n->suffix ? n->suffix : "", n->literal ? n->literal : "");
}

/* The record of `list` with the same title as `r`. */
static const lit_record *match(const lit_records *list, const lit_record *r)
{
	const char *t = lit_record_get(r, LIT_VAR_TITLE);
	for (size_t i = 0; i < lit_records_count(list); i++) {
		const char *u = lit_record_get(lit_records_at(list, i), LIT_VAR_TITLE);
		if (t && u && !strcmp(t, u))
			return lit_records_at(list, i);
	}
	return NULL;
}

/*
 * Compare `b` against `a` on the variables in `vars` (-1 terminated; NULL
 * means every variable), the type when `types` is set and the "and
 * others" flags when `etal` is set (RIS and EndNote have no way to say
 * "et al.": Zotero and EndNote write nothing, and writing "others" as a
 * name is the bibutils defect we avoid).  Appends the
 * differences to `report`; returns their number.
 */
static int compare(const lit_record *a, const lit_record *b, const int *vars, int types,
                   int etal, char *report, size_t size)
{
	int diffs = 0;
	const char *id = lit_record_id(a) ? lit_record_id(a) : "?";
#define DIFF(...) do { size_t l_ = strlen(report); \
	if (l_ + 1 < size) { snprintf(report + l_, size - l_, __VA_ARGS__); } \
	diffs++; } while (0)
	if (types && lit_record_type(a) != lit_record_type(b))
		DIFF("  %s: type %s -> %s\n", id, lit_type_name(lit_record_type(a)),
		     lit_type_name(lit_record_type(b)));
	for (int k = 0; vars ? vars[k] >= 0 : k < LIT_VAR__COUNT; k++) {
		lit_var v = (lit_var)(vars ? vars[k] : k);
		switch (lit_var_kind_of(v)) {
		case LIT_KIND_TEXT:
		case LIT_KIND_NUMBER: {
			const char *x = lit_record_get(a, v), *y = lit_record_get(b, v);
			if (!x)
				break;
			char nx[4096], ny[4096];
			norm(nx, sizeof nx, x, v);
			norm(ny, sizeof ny, y ? y : "", v);
			if (!y || strcmp(nx, ny))
				DIFF("  %s: %s '%s' -> '%s'\n", id, lit_var_name(v), x, y ? y : "(lost)");
			break;
		}
		case LIT_KIND_NAME: {
			size_t n = lit_record_name_count(a, v);
			if (n != lit_record_name_count(b, v)) {
				DIFF("  %s: %s count %zu -> %zu\n", id, lit_var_name(v), n,
				     lit_record_name_count(b, v));
				break;
			}
			if (etal && lit_record_names_etal(a, v) != lit_record_names_etal(b, v))
				DIFF("  %s: %s 'and others' %d -> %d\n", id, lit_var_name(v),
				     lit_record_names_etal(a, v), lit_record_names_etal(b, v));
			for (size_t i = 0; i < n; i++) {
				char kx[1024], ky[1024];
				name_key(kx, sizeof kx, lit_record_name(a, v, i));
				name_key(ky, sizeof ky, lit_record_name(b, v, i));
				if (strcmp(kx, ky))
					DIFF("  %s: %s[%zu] '%s' -> '%s'\n", id, lit_var_name(v), i, kx, ky);
			}
			break;
		}
		case LIT_KIND_DATE: {
			const lit_date *x = lit_record_date(a, v), *y = lit_record_date(b, v);
			if (!x)
				break;
			if (!y || x->year != y->year || x->month != y->month || x->day != y->day ||
			    x->end_year != y->end_year)
				DIFF("  %s: %s %d-%d-%d -> %d-%d-%d\n", id, lit_var_name(v), x->year, x->month,
				     x->day, y ? y->year : 0, y ? y->month : 0, y ? y->day : 0);
			break;
		}
		}
	}
#undef DIFF
	return diffs;
}

static void round_trip(const char *via, const int *vars, int types, int etal)
{
	lit_records *orig = read_file_as("roundtrip.bib", "bibtex");
	cr_assert_eq(lit_records_count(orig), 30, "roundtrip.bib: %zu records", lit_records_count(orig));
	lit_records *mid = through(orig, via);
	cr_assert_eq(lit_records_count(mid), 30, "%s kept %zu of 30 records", via, lit_records_count(mid));
	lit_records *back = through(mid, "bibtex");
	cr_assert_eq(lit_records_count(back), 30);

	static char report[65536];
	report[0] = 0;
	int diffs = 0;
	for (size_t i = 0; i < lit_records_count(orig); i++) {
		const lit_record *a = lit_records_at(orig, i);
		const lit_record *b = match(back, a);
		if (!b) {
			size_t l = strlen(report);
			snprintf(report + l, sizeof report - l, "  %s: title '%s' not found after the round trip\n",
			         lit_record_id(a) ? lit_record_id(a) : "?", lit_record_get(a, LIT_VAR_TITLE));
			diffs++;
			continue;
		}
		diffs += compare(a, b, vars, types, etal, report, sizeof report);
	}
	cr_assert_eq(diffs, 0, "BibTeX -> %s -> BibTeX lost or changed %d field(s):\n%s", via, diffs, report);
	lit_records_free(back);
	lit_records_free(mid);
	lit_records_free(orig);
}

/* The sample set itself reads as intended (guards the comparisons below). */
Test(roundtrip, sample_set_reads)
{
	lit_records *rs = read_file_as("roundtrip.bib", "bibtex");
	cr_assert_eq(lit_records_count(rs), 30);
	int cyr = 0, seen[LIT_TYPE__COUNT] = { 0 };
	for (size_t i = 0; i < lit_records_count(rs); i++) {
		const lit_record *r = lit_records_at(rs, i);
		seen[lit_record_type(r)] = 1;
		const char *t = lit_record_get(r, LIT_VAR_TITLE);
		cr_assert_not_null(t);
		if ((unsigned char)t[0] == 0xD0 || (unsigned char)t[0] == 0xD1)
			cyr++;
	}
	cr_assert_geq(cyr, 12, "only %d Cyrillic titles", cyr);
	static const lit_type want[] = { LIT_TYPE_ARTICLE_JOURNAL, LIT_TYPE_BOOK, LIT_TYPE_CHAPTER,
	                                 LIT_TYPE_PAPER_CONFERENCE, LIT_TYPE_THESIS, LIT_TYPE_REPORT,
	                                 LIT_TYPE_WEBPAGE };
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_assert(seen[want[i]], "no %s in the sample set", lit_type_name(want[i]));
	lit_records_free(rs);
}

/* Everything CSL-JSON can hold, i.e. every variable. */
Test(roundtrip, bibtex_csljson_bibtex)
{
	round_trip("csljson", NULL, 1, 1);
}

/* The variables the RIS reader and writer map (Zotero conventions). */
Test(roundtrip, bibtex_ris_bibtex)
{
	static const int vars[] = {
		LIT_VAR_TITLE, LIT_VAR_CONTAINER_TITLE, LIT_VAR_COLLECTION_TITLE, LIT_VAR_AUTHOR,
		LIT_VAR_EDITOR, LIT_VAR_TRANSLATOR, LIT_VAR_ISSUED, LIT_VAR_ACCESSED, LIT_VAR_VOLUME,
		LIT_VAR_ISSUE, LIT_VAR_PAGE, LIT_VAR_EDITION, LIT_VAR_PUBLISHER, LIT_VAR_PUBLISHER_PLACE,
		LIT_VAR_DOI, LIT_VAR_ISBN, LIT_VAR_ISSN, LIT_VAR_URL, LIT_VAR_LANGUAGE, LIT_VAR_ABSTRACT,
		LIT_VAR_KEYWORD, LIT_VAR_NOTE, LIT_VAR_NUMBER, -1
	};
	round_trip("ris", vars, 1, 0);
}

/* Through the bibutils adapter: the variables MODS carries. */
Test(roundtrip, bibtex_mods_bibtex)
{
	static const int vars[] = {
		LIT_VAR_TITLE, LIT_VAR_CONTAINER_TITLE, LIT_VAR_AUTHOR, LIT_VAR_EDITOR,
		LIT_VAR_TRANSLATOR, LIT_VAR_ISSUED, LIT_VAR_ACCESSED, LIT_VAR_VOLUME, LIT_VAR_ISSUE,
		LIT_VAR_PAGE, LIT_VAR_EDITION, LIT_VAR_PUBLISHER, LIT_VAR_PUBLISHER_PLACE, LIT_VAR_DOI,
		LIT_VAR_ISBN, LIT_VAR_ISSN, LIT_VAR_URL, LIT_VAR_ABSTRACT, LIT_VAR_KEYWORD, LIT_VAR_NOTE, -1
	};
	round_trip("mods", vars, 1, 1);
}

/* Through the bibutils adapter: the variables EndNote (refer) carries. */
Test(roundtrip, bibtex_endnote_bibtex)
{
	static const int vars[] = {
		LIT_VAR_TITLE, LIT_VAR_CONTAINER_TITLE, LIT_VAR_AUTHOR, LIT_VAR_EDITOR,
		LIT_VAR_ISSUED, LIT_VAR_VOLUME, LIT_VAR_ISSUE, LIT_VAR_PAGE, LIT_VAR_EDITION,
		LIT_VAR_PUBLISHER, LIT_VAR_PUBLISHER_PLACE, LIT_VAR_DOI, LIT_VAR_ISBN, LIT_VAR_URL,
		LIT_VAR_ABSTRACT, LIT_VAR_KEYWORD, -1
	};
	round_trip("endnote", vars, 0, 0);
}
