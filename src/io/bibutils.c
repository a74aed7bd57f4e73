/*
 * bibutils.c - the one adapter to libbibutils (7.2): readers for EndNote
 * (refer), EndNote XML, MODS, ISI, Medline XML, NBIB, Word 2007 and COPAC,
 * and writers for MODS, EndNote, ISI, Word 2007, ADS and NBIB.
 *
 * bibutils keeps a MODS-like record of (tag, value, level) triples: level 0
 * is the item, 1 its host (journal, book), 2 the series.  Names are stored
 * as "Family|Given|Middle||Suffix", with ":CORP" (organisation) and ":ASIS"
 * (keep as written) tag suffixes; dates as DATE:* (whole works) or
 * PARTDATE:* (parts); pages as PAGES:START / PAGES:STOP; the item type only
 * as hints (GENRE:MARC, GENRE:BIBUTILS, RESOURCE, ISSUANCE).  This file
 * translates both ways between that model and lit_record, and routes
 * around the defects listed in docs (formats notes):
 *
 *   - ISBN13 is read as ISBN and always written as ISBN, which every
 *     bibutils writer outputs (they ignore ISBN13);
 *   - an author "others" / "et al." sets the "and others" flag instead of
 *     becoming a person, and is never written as a name;
 *   - web pages are typed from the "web page"/"web site" genre before the
 *     "software, multimedia" resource hint, and written with a "web site"
 *     genre and no software resource, so no writer calls them programs;
 *   - URLDATE is read and written as the access date;
 *   - outputs never carry a BOM (utf8bom = 0) nor LaTeX (latexout = 0);
 *   - every write builds a fresh bibl from our records (bibutils converts
 *     the data it writes in place, P1), and the writer driver is our own
 *     loop over the writer's header/assemble/write/footer functions,
 *     because bibl_write() leaks the last assembled record (P8);
 *   - bibutils reports success for empty or garbage input (P6): a
 *     non-empty input that yields no record is LIT_EPARSE with the file
 *     name and line; XML inputs are checked for well-formedness (with a
 *     depth limit) before bibutils sees them;
 *   - the Word 2007 reader of bibutils drops years, authors, the source
 *     type and issues, the MODS reader the access date and <etal/>, and
 *     the refer reader %R (DOI) and EndNote's corporate-author comma: all
 *     are filled in from the raw text here;
 *   - bugs found while writing this adapter: the NBIB reader loops forever
 *     (growing memory) on records not separated by a blank line, so one
 *     is inserted; the XML readers lose most records when many elements
 *     share a line (EndNote's own XML export is one line), so a line break
 *     is put between adjacent tags; bibl_read is quadratic in the number
 *     of records (cite-key de-duplication), so input is fed in chunks of
 *     BU_CHUNK records; the EndNote XML reader is quadratic in line length,
 *     so text lines over BU_XML_MAX_LINE are refused (LIT_ELIMIT); the ISI
 *     and NBIB writers cut Cyrillic initials in half (invalid UTF-8), so
 *     those lines are rebuilt; the EndNote writer merges suffixes into the
 *     family name and drops the corporate-author mark; the Word writer
 *     types journal articles as periodicals and drops ISBN, DOI and thesis
 *     type - all repaired in its output.
 *
 * Threads.  bibutils has process-wide state (static tables and caches in
 * its readers, P5), so every call into it is serialised behind the one
 * mutex `bu_lock` below: this is the only mutable global of the adapter.
 *
 * Diagnostics.  bibutils prints warnings ("Cannot identify TYPE ...")
 * straight to the process's stderr, with no callback.  Capturing them
 * would need dup2() on file descriptor 2, which changes the whole process
 * (and races with other threads), so we do not: verbose is off, every
 * record we write carries type hints so writers stay quiet, and what is
 * left is prefixed "bibutils:" or with the input's file name (readers'
 * warnings about unknown types or stray tags).  Our own error for the
 * caller is always in lit_error.  Out of memory inside bibutils ends the
 * process (its str.c calls exit()); that cannot be routed around here.
 *
 * Input is fed through fmemopen() and output collected with
 * open_memstream(): no temporary files.
 */
#include "io/format.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <bibutils/bibutils.h>
#include <bibutils/bibformats.h>

#include "util/buf.h"
#include "util/date.h"
#include "util/names.h"
#include "util/utf8.h"

/* Serialises every call into libbibutils (see the file comment). */
static pthread_mutex_t bu_lock = PTHREAD_MUTEX_INITIALIZER;

#define BU_PROGNAME "bibutils"
#define BU_XML_MAX_DEPTH 256
#define BU_XML_MAX_LINE (256 * 1024)

/* ------------------------------------------------------------------
 * Small text helpers
 * ---------------------------------------------------------------- */

static int bu_streq(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

static int bu_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Case-insensitive ASCII substring test. */
static int bu_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* 1-based line of byte offset `off` in data. */
static long bu_line_at(const char *data, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n')
			line++;
	return line;
}

/* Is there anything but white space? */
static int bu_blank(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)data[i]))
			return 0;
	return 1;
}

/* First line that is not blank (for messages). */
static long bu_first_content_line(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)data[i]))
			return bu_line_at(data, i);
	return 0;
}

/* ------------------------------------------------------------------
 * XML well-formedness check (bibutils' own XML reader accepts anything)
 * ---------------------------------------------------------------- */

typedef struct bu_xname { const char *p; size_t n; } bu_xname;

static int bu_is_namechar(unsigned char c)
{
	return c >= 0x80 || isalnum(c) || c == ':' || c == '_' || c == '-' || c == '.';
}

/*
 * Check that tags nest and close, comments/CDATA/PIs end, and nesting
 * stays under BU_XML_MAX_DEPTH.  Returns LIT_OK or an error with line.
 */
static int bu_xml_check(const char *d, size_t len, const char *file, lit_error *err)
{
	bu_xname stack[BU_XML_MAX_DEPTH];
	size_t depth = 0, i = 0;
	int seen_root = 0;

	while (i < len) {
		if (d[i] != '<') {
			i++;
			continue;
		}
		size_t start = i;
		if (len - i >= 4 && memcmp(d + i, "<!--", 4) == 0) {
			const char *e = NULL;
			for (size_t j = i + 4; j + 3 <= len; j++)
				if (memcmp(d + j, "-->", 3) == 0) { e = d + j; break; }
			if (!e)
				return lit_error_set(err, LIT_EPARSE, file, bu_line_at(d, start),
				                     "malformed XML: unterminated comment");
			i = (size_t)(e - d) + 3;
			continue;
		}
		if (len - i >= 9 && memcmp(d + i, "<![CDATA[", 9) == 0) {
			const char *e = NULL;
			for (size_t j = i + 9; j + 3 <= len; j++)
				if (memcmp(d + j, "]]>", 3) == 0) { e = d + j; break; }
			if (!e)
				return lit_error_set(err, LIT_EPARSE, file, bu_line_at(d, start),
				                     "malformed XML: unterminated CDATA section");
			i = (size_t)(e - d) + 3;
			continue;
		}
		if (i + 1 < len && (d[i + 1] == '?' || d[i + 1] == '!')) {
			/* processing instruction or declaration: skip to '>' */
			size_t j = i + 2;
			int bracket = 0;
			while (j < len && (d[j] != '>' || bracket)) {
				if (d[j] == '[') bracket++;
				else if (d[j] == ']' && bracket) bracket--;
				j++;
			}
			if (j >= len)
				return lit_error_set(err, LIT_EPARSE, file, bu_line_at(d, start),
				                     "malformed XML: unterminated declaration");
			i = j + 1;
			continue;
		}
		int closing = (i + 1 < len && d[i + 1] == '/');
		size_t j = i + 1 + (size_t)closing;
		size_t ns = j;
		while (j < len && bu_is_namechar((unsigned char)d[j]))
			j++;
		if (j == ns)
			return lit_error_set(err, LIT_EPARSE, file, bu_line_at(d, start),
			                     "malformed XML: '<' not followed by a tag name");
		bu_xname name = { d + ns, j - ns };
		/* find the end of the tag, honouring quoted attribute values */
		char quote = 0;
		while (j < len && (quote || d[j] != '>')) {
			if (quote) {
				if (d[j] == quote) quote = 0;
			} else if (d[j] == '"' || d[j] == '\'') {
				quote = d[j];
			} else if (d[j] == '<') {
				break;
			}
			j++;
		}
		if (j >= len || d[j] != '>')
			return lit_error_set(err, LIT_EPARSE, file, bu_line_at(d, start),
			                     "malformed XML: unterminated tag <%.*s>",
			                     (int)(name.n > 64 ? 64 : name.n), name.p);
		int selfclose = (!closing && j > i && d[j - 1] == '/');
		i = j + 1;
		if (closing) {
			if (depth == 0 || stack[depth - 1].n != name.n ||
			    memcmp(stack[depth - 1].p, name.p, name.n) != 0)
				return lit_error_set(err, LIT_EPARSE, file, bu_line_at(d, start),
				                     "malformed XML: unexpected </%.*s>",
				                     (int)(name.n > 64 ? 64 : name.n), name.p);
			depth--;
		} else if (!selfclose) {
			if (depth == 0 && seen_root)
				return lit_error_set(err, LIT_EPARSE, file, bu_line_at(d, start),
				                     "malformed XML: content after the root element");
			if (depth == BU_XML_MAX_DEPTH)
				return lit_error_set(err, LIT_ELIMIT, file, bu_line_at(d, start),
				                     "XML nested deeper than %d elements", BU_XML_MAX_DEPTH);
			stack[depth++] = name;
			seen_root = 1;
		} else {
			seen_root = 1;
		}
	}
	if (depth > 0)
		return lit_error_set(err, LIT_EPARSE, file, bu_line_at(d, len),
		                     "malformed XML: <%.*s> is not closed",
		                     (int)(stack[depth - 1].n > 64 ? 64 : stack[depth - 1].n),
		                     stack[depth - 1].p);
	if (!seen_root)
		return lit_error_set(err, LIT_EPARSE, file, bu_first_content_line(d, len),
		                     "not XML: no element found");
	return LIT_OK;
}

/* ------------------------------------------------------------------
 * Raw-text side information (record start lines, fields bibutils drops)
 * ---------------------------------------------------------------- */

/* Minimal XML text access for the Word 2007 supplement. */

/* Find "<tag>" or "<tag " at or after s within [s, end); returns pointer
 * to '<' or NULL. */
static const char *bu_find_open(const char *s, const char *end, const char *tag)
{
	size_t n = strlen(tag);
	for (const char *p = s; p + n + 2 <= end; p++) {
		if (p[0] == '<' && memcmp(p + 1, tag, n) == 0 &&
		    (p[n + 1] == '>' || p[n + 1] == ' ' || p[n + 1] == '/' ||
		     p[n + 1] == '\t' || p[n + 1] == '\n' || p[n + 1] == '\r'))
			return p;
	}
	return NULL;
}

static const char *bu_find_close(const char *s, const char *end, const char *tag)
{
	size_t n = strlen(tag);
	for (const char *p = s; p + n + 3 <= end; p++)
		if (p[0] == '<' && p[1] == '/' && memcmp(p + 2, tag, n) == 0 && p[n + 2] == '>')
			return p;
	return NULL;
}

/* Element body [*bs, *be) of the first <tag> in [s, end); 0 when absent. */
static int bu_elem(const char *s, const char *end, const char *tag,
                   const char **bs, const char **be)
{
	const char *o = bu_find_open(s, end, tag);
	if (!o)
		return 0;
	const char *gt = memchr(o, '>', (size_t)(end - o));
	if (!gt || gt[-1] == '/')
		return 0;
	const char *c = bu_find_close(gt + 1, end, tag);
	if (!c)
		return 0;
	*bs = gt + 1;
	*be = c;
	return 1;
}

/* Decode the five predefined entities and numeric references. */
static void bu_xml_text(lit_buf *b, const char *s, const char *e)
{
	while (s < e && isspace((unsigned char)*s)) s++;
	while (e > s && isspace((unsigned char)e[-1])) e--;
	while (s < e) {
		if (*s == '&') {
			const char *semi = memchr(s, ';', (size_t)(e - s));
			if (semi && semi - s < 12) {
				size_t n = (size_t)(semi - s - 1);
				const char *nm = s + 1;
				unsigned cp = 0;
				if (n == 3 && !memcmp(nm, "amp", 3)) cp = '&';
				else if (n == 2 && !memcmp(nm, "lt", 2)) cp = '<';
				else if (n == 2 && !memcmp(nm, "gt", 2)) cp = '>';
				else if (n == 4 && !memcmp(nm, "quot", 4)) cp = '"';
				else if (n == 4 && !memcmp(nm, "apos", 4)) cp = '\'';
				else if (n > 1 && nm[0] == '#')
					cp = (unsigned)strtoul(nm + 1 + (nm[1] == 'x'), NULL, nm[1] == 'x' ? 16 : 10);
				if (cp && cp < 0x110000) {
					lit_buf_put_cp(b, cp);
					s = semi + 1;
					continue;
				}
			}
		}
		lit_buf_putc(b, *s++);
	}
}

/* ------------------------------------------------------------------
 * bibutils fields -> lit_record
 * ---------------------------------------------------------------- */

static const char *bu_tag(fields *f, int i)
{
	return (const char *)fields_tag(f, i, FIELDS_CHRP_NOUSE);
}

static const char *bu_val(fields *f, int i)
{
	return (const char *)fields_value(f, i, FIELDS_CHRP_NOUSE);
}

/* First value of tag at level (LEVEL_ANY allowed), without marking it used. */
static const char *bu_get(fields *f, const char *tag, int level)
{
	int n = fields_find(f, tag, level);
	return n == FIELDS_NOTFOUND ? NULL : bu_val(f, n);
}

static int bu_is_etal(const char *v)
{
	static const char *const forms[] = {
		"others", "et al", "et al.", "et alii", "и др", "и др.", "и другие", "[и др.]", "[et al.]"
	};
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		if (bu_streq(v, forms[i]))
			return 1;
	return 0;
}

/* Does any type hint (any GENRE*, RESOURCE, ISSUANCE) at `level` (or any)
 * contain `word`? */
static int bu_hint(fields *f, const char *word, int level)
{
	for (int i = 0; i < f->n; i++) {
		const char *t = bu_tag(f, i);
		if (level != LEVEL_ANY && fields_level(f, i) != level)
			continue;
		if (bu_has_prefix(t, "GENRE") || bu_streq(t, "RESOURCE") ||
		    bu_streq(t, "ISSUANCE") || bu_streq(t, "INTERNAL_TYPE")) {
			if (bu_contains(bu_val(f, i), word))
				return 1;
		}
	}
	return 0;
}

static int bu_hint_exact(fields *f, const char *tag, const char *value, int level)
{
	for (int i = 0; i < f->n; i++)
		if ((level == LEVEL_ANY || fields_level(f, i) == level) &&
		    bu_streq(bu_tag(f, i), tag) && bu_streq(bu_val(f, i), value))
			return 1;
	return 0;
}

/* CSL type from the hints bibutils' readers leave.  Order matters: the
 * web page genre wins over the "software, multimedia" resource that the
 * BibLaTeX reader adds to @online (a bibutils defect). */
static lit_type bu_guess_type(fields *f)
{
	int host = fields_maxlevel(f) >= 1 && bu_get(f, "TITLE", LEVEL_HOST) != NULL;

	if (bu_hint(f, "blog", LEVEL_ANY))
		return LIT_TYPE_POST_WEBLOG;
	if (bu_hint(f, "web page", LEVEL_ANY) || bu_hint(f, "web site", LEVEL_ANY) ||
	    bu_hint(f, "webpage", LEVEL_ANY) || bu_hint(f, "internet site", LEVEL_ANY) ||
	    bu_hint(f, "online system", LEVEL_ANY))
		return LIT_TYPE_WEBPAGE;
	/* EndNote "Electronic Source" (what we write for web pages) */
	if (bu_hint_exact(f, "GENRE:UNKNOWN", "electronic", LEVEL_ANY) ||
	    bu_hint_exact(f, "GENRE:BIBUTILS", "electronic", LEVEL_ANY))
		return LIT_TYPE_WEBPAGE;
	if (bu_hint(f, "standard or specification", LEVEL_ANY))
		return LIT_TYPE_STANDARD;
	if (bu_hint(f, "newspaper", LEVEL_ANY))
		return LIT_TYPE_ARTICLE_NEWSPAPER;
	if (bu_hint(f, "magazine", LEVEL_ANY))
		return LIT_TYPE_ARTICLE_MAGAZINE;
	if (bu_hint(f, "journal article", LEVEL_ANY) || bu_hint(f, "academic journal", LEVEL_ANY) ||
	    bu_hint_exact(f, "INTERNAL_TYPE", "ARTICLE", LEVEL_ANY))
		return LIT_TYPE_ARTICLE_JOURNAL;
	if (bu_hint(f, "thesis", LEVEL_ANY))
		return LIT_TYPE_THESIS;
	if (bu_hint(f, "report", LEVEL_ANY))
		return LIT_TYPE_REPORT;
	if (bu_hint(f, "patent", LEVEL_ANY))
		return LIT_TYPE_PATENT;
	if (bu_hint_exact(f, "INTERNAL_TYPE", "INPROCEEDINGS", LEVEL_ANY) ||
	    bu_hint_exact(f, "INTERNAL_TYPE", "CONFERENCE", LEVEL_ANY))
		return LIT_TYPE_PAPER_CONFERENCE;
	if (bu_hint(f, "conference", LEVEL_ANY) || bu_hint(f, "proceedings", LEVEL_ANY))
		return host ? LIT_TYPE_PAPER_CONFERENCE : LIT_TYPE_BOOK;
	if (bu_hint(f, "encyclopedia", LEVEL_HOST))
		return LIT_TYPE_ENTRY_ENCYCLOPEDIA;
	if (bu_hint(f, "dictionary", LEVEL_HOST))
		return LIT_TYPE_ENTRY_DICTIONARY;
	if (bu_hint(f, "book chapter", LEVEL_ANY) || bu_hint(f, "INBOOK", LEVEL_ANY) ||
	    bu_hint(f, "INCOLLECTION", LEVEL_ANY) || bu_hint(f, "book", LEVEL_HOST) ||
	    bu_hint(f, "collection", LEVEL_HOST) || bu_hint_exact(f, "ISSUANCE", "monographic", LEVEL_HOST))
		return LIT_TYPE_CHAPTER;
	if (bu_hint(f, "legal case", LEVEL_ANY))
		return LIT_TYPE_LEGAL_CASE;
	if (bu_hint(f, "legislation", LEVEL_ANY) || bu_hint(f, "statute", LEVEL_ANY))
		return LIT_TYPE_LEGISLATION;
	if (bu_hint(f, "bill", LEVEL_ANY))
		return LIT_TYPE_BILL;
	if (bu_hint(f, "hearing", LEVEL_ANY))
		return LIT_TYPE_HEARING;
	if (bu_hint(f, "map", LEVEL_ANY) || bu_hint(f, "atlas", LEVEL_ANY) ||
	    bu_hint(f, "cartographic", LEVEL_ANY))
		return LIT_TYPE_MAP;
	if (bu_hint(f, "letter", LEVEL_ANY) || bu_hint(f, "communication", LEVEL_ANY))
		return LIT_TYPE_PERSONAL_COMMUNICATION;
	if (bu_hint(f, "manuscript", LEVEL_ANY) || bu_hint(f, "unpublished", LEVEL_ANY))
		return LIT_TYPE_MANUSCRIPT;
	if (bu_hint(f, "motion picture", LEVEL_ANY) || bu_hint(f, "moving image", LEVEL_ANY) ||
	    bu_hint(f, "videorecording", LEVEL_ANY) || bu_hint(f, "film", LEVEL_ANY))
		return LIT_TYPE_MOTION_PICTURE;
	if (bu_hint(f, "sound", LEVEL_ANY))
		return LIT_TYPE_SONG;
	if (bu_hint(f, "database", LEVEL_ANY) || bu_hint(f, "dataset", LEVEL_ANY) ||
	    bu_hint(f, "numeric data", LEVEL_ANY))
		return LIT_TYPE_DATASET;
	if (bu_hint(f, "standard", LEVEL_ANY))
		return LIT_TYPE_STANDARD;
	if (bu_hint(f, "software", LEVEL_ANY) || bu_hint(f, "computer program", LEVEL_ANY))
		return LIT_TYPE_SOFTWARE;
	if (bu_hint(f, "periodical", LEVEL_HOST) || bu_hint_exact(f, "ISSUANCE", "continuing", LEVEL_HOST))
		return LIT_TYPE_ARTICLE_JOURNAL;
	if (bu_hint(f, "book", LEVEL_MAIN) || bu_hint(f, "instruction", LEVEL_MAIN) ||
	    bu_hint_exact(f, "ISSUANCE", "monographic", LEVEL_MAIN))
		return LIT_TYPE_BOOK;
	if (host)
		return LIT_TYPE_ARTICLE_JOURNAL;
	return LIT_TYPE_DOCUMENT;
}

/* Is the item itself a monograph whose level-1 title is its series? */
static int bu_type_is_monograph(lit_type t)
{
	switch (t) {
	case LIT_TYPE_BOOK: case LIT_TYPE_THESIS: case LIT_TYPE_REPORT:
	case LIT_TYPE_DOCUMENT: case LIT_TYPE_MANUSCRIPT: case LIT_TYPE_STANDARD:
	case LIT_TYPE_PATENT: case LIT_TYPE_MAP: case LIT_TYPE_SOFTWARE:
	case LIT_TYPE_DATASET: case LIT_TYPE_WEBPAGE: case LIT_TYPE_COLLECTION:
	case LIT_TYPE_PAMPHLET: case LIT_TYPE_MOTION_PICTURE: case LIT_TYPE_SONG:
		return 1;
	default:
		return 0;
	}
}

/* Title and subtitle at level joined with ": " (bibutils splits them). */
static int bu_set_title(lit_record *rec, lit_var var, fields *f, const char *tt,
                        const char *st, int level)
{
	const char *t = bu_get(f, tt, level);
	const char *s = bu_get(f, st, level);
	if (!t && !s)
		return LIT_OK;
	lit_buf b = LIT_BUF_INIT;
	if (t)
		lit_buf_puts(&b, t);
	if (t && s) {
		size_t n = strlen(t);
		/* "Title?" or "Title." already end the main part */
		if (n && (t[n - 1] == '?' || t[n - 1] == '!' || t[n - 1] == '.'))
			lit_buf_puts(&b, " ");
		else
			lit_buf_puts(&b, ": ");
	}
	if (s)
		lit_buf_puts(&b, s);
	int rc = lit_buf_status(&b);
	if (rc == LIT_OK)
		rc = lit_record_set(rec, var, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return rc;
}

/* Append a bibutils name "Family|Given|Middle||Suffix" (or a corporate /
 * as-is name) to var. */
static int bu_add_name(lit_record *rec, lit_var var, const char *tag, const char *value)
{
	if (!value || !*value)
		return LIT_OK;
	if (bu_is_etal(value)) {
		lit_record_set_names_etal(rec, var, 1);
		return LIT_OK;
	}
	lit_name n;
	memset(&n, 0, sizeof n);
	if (strstr(tag, ":CORP") || strstr(tag, ":ASIS") || !strchr(value, '|')) {
		/* ":ASIS" names and names bibutils did not split stay literal */
		if (!strstr(tag, ":CORP") && !strstr(tag, ":ASIS")) {
			n.family = value;
		} else {
			n.literal = value;
		}
		return lit_record_add_name(rec, var, &n);
	}
	lit_buf fam = LIT_BUF_INIT, giv = LIT_BUF_INIT, suf = LIT_BUF_INIT;
	const char *p = value;
	const char *bar = strchr(p, '|');
	lit_buf_put(&fam, p, (size_t)(bar - p));
	p = bar + 1;
	while (*p) {
		if (*p == '|') {
			/* "||" introduces the suffix */
			lit_buf_puts(&suf, p + 1);
			break;
		}
		bar = strchr(p, '|');
		size_t n_ = bar ? (size_t)(bar - p) : strlen(p);
		/* "King, Martin Luther, Jr." leaves a comma on "Luther," */
		while (n_ && p[n_ - 1] == ',')
			n_--;
		if (n_) {
			if (giv.len)
				lit_buf_putc(&giv, ' ');
			lit_buf_put(&giv, p, n_);
		}
		if (!bar)
			break;
		p = bar + 1;
	}
	int rc = lit_buf_status(&fam);
	if (rc == LIT_OK) rc = lit_buf_status(&giv);
	if (rc == LIT_OK) rc = lit_buf_status(&suf);
	if (rc == LIT_OK) {
		n.family = fam.len ? lit_buf_cstr(&fam) : NULL;
		n.given = giv.len ? lit_buf_cstr(&giv) : NULL;
		n.suffix = suf.len ? lit_buf_cstr(&suf) : NULL;
		if (bu_is_etal(lit_buf_cstr(&fam)) && !giv.len)
			lit_record_set_names_etal(rec, var, 1);
		else
			rc = lit_record_add_name(rec, var, &n);
	}
	lit_buf_free(&fam);
	lit_buf_free(&giv);
	lit_buf_free(&suf);
	return rc;
}

/* Which name variable a bibutils person tag at a level goes to; -1 none. */
static int bu_name_var(const char *tag, int level, lit_type type, int host_title)
{
	char base[32];
	size_t n = strcspn(tag, ":");
	if (n >= sizeof base)
		return -1;
	memcpy(base, tag, n);
	base[n] = 0;
	static const struct { const char *tag; lit_var var; } map[] = {
		{ "TRANSLATOR", LIT_VAR_TRANSLATOR }, { "DIRECTOR", LIT_VAR_DIRECTOR },
		{ "PRODUCER", LIT_VAR_PRODUCER }, { "PERFORMER", LIT_VAR_PERFORMER },
		{ "ILLUSTRATOR", LIT_VAR_ILLUSTRATOR }, { "COMPOSER", LIT_VAR_COMPOSER },
		{ "INTERVIEWER", LIT_VAR_INTERVIEWER }, { "RECIPIENT", LIT_VAR_RECIPIENT },
		{ "COMPILER", LIT_VAR_COMPILER }, { "NARRATOR", LIT_VAR_NARRATOR },
		{ "INVENTOR", LIT_VAR_AUTHOR }, { "ARTIST", LIT_VAR_AUTHOR },
		{ "CARTOGRAPHER", LIT_VAR_AUTHOR }, { "WRITER", LIT_VAR_AUTHOR },
		{ "CONTRIBUTOR", LIT_VAR_CONTRIBUTOR }, { "CURATOR", LIT_VAR_CURATOR },
	};
	if (!strcmp(base, "AUTHOR")) {
		if (level == LEVEL_MAIN)
			return LIT_VAR_AUTHOR;
		if (level == LEVEL_HOST)
			return bu_type_is_monograph(type) ? (host_title ? -1 : LIT_VAR_EDITOR)
			                                  : LIT_VAR_CONTAINER_AUTHOR;
		return -1;
	}
	if (!strcmp(base, "EDITOR")) {
		if (level == LEVEL_SERIES || (level == LEVEL_HOST && bu_type_is_monograph(type)))
			return LIT_VAR_COLLECTION_EDITOR;
		return LIT_VAR_EDITOR;
	}
	if (level == LEVEL_MAIN || !strcmp(base, "TRANSLATOR"))
		for (size_t i = 0; i < sizeof map / sizeof *map; i++)
			if (!strcmp(base, map[i].tag))
				return map[i].var;
	return -1;
}

/* Leading integer of s, 0 if none. */
static int bu_atoi(const char *s)
{
	while (s && *s && !isdigit((unsigned char)*s) && *s != '-')
		s++;
	return s ? atoi(s) : 0;
}

static int bu_month(const char *s)
{
	if (!s)
		return 0;
	if (isdigit((unsigned char)*s)) {
		int m = atoi(s);
		return m >= 1 && m <= 12 ? m : 0;
	}
	return lit_month_from_name(s, strlen(s));
}

/* issued from DATE:* / PARTDATE:* at any level, or an unsplit DATE. */
static int bu_set_issued(lit_record *rec, fields *f)
{
	static const char *const pre[] = { "PARTDATE", "DATE" };
	for (int level = LEVEL_MAIN; level <= LEVEL_SERIES; level++) {
		for (size_t k = 0; k < 2; k++) {
			char tag[32];
			snprintf(tag, sizeof tag, "%s:YEAR", pre[k]);
			const char *y = bu_get(f, tag, level);
			if (!y)
				continue;
			lit_date d;
			memset(&d, 0, sizeof d);
			if (!lit_date_parse(y, strlen(y), &d)) {
				d.literal = y;
			} else if (!d.month) {
				snprintf(tag, sizeof tag, "%s:MONTH", pre[k]);
				d.month = bu_month(bu_get(f, tag, level));
				snprintf(tag, sizeof tag, "%s:DAY", pre[k]);
				if (d.month)
					d.day = bu_atoi(bu_get(f, tag, level));
				if (d.day < 0 || d.day > 31)
					d.day = 0;
			}
			return lit_record_set_date(rec, LIT_VAR_ISSUED, &d);
		}
	}
	const char *full = bu_get(f, "DATE", LEVEL_ANY);
	if (full) {
		lit_date d;
		memset(&d, 0, sizeof d);
		if (!lit_date_parse(full, strlen(full), &d))
			d.literal = full;
		return lit_record_set_date(rec, LIT_VAR_ISSUED, &d);
	}
	return LIT_OK;
}

/* Set var from tag unless already set. */
static int bu_set_first(lit_record *rec, lit_var var, fields *f, const char *tag, int level)
{
	if (lit_record_get(rec, var))
		return LIT_OK;
	const char *v = bu_get(f, tag, level);
	return v && *v ? lit_record_set(rec, var, v) : LIT_OK;
}

/* Join every value of tag (any level) with sep into var. */
static int bu_set_joined(lit_record *rec, lit_var var, fields *f, const char *tag, const char *sep)
{
	lit_buf b = LIT_BUF_INIT;
	for (int i = 0; i < f->n; i++) {
		if (!bu_streq(bu_tag(f, i), tag) || !*bu_val(f, i))
			continue;
		if (b.len)
			lit_buf_puts(&b, sep);
		lit_buf_puts(&b, bu_val(f, i));
	}
	int rc = lit_buf_status(&b);
	if (rc == LIT_OK && b.len)
		rc = lit_record_set(rec, var, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return rc;
}

/* COPAC puts "Place : Publisher, 1980." in PUBLISHER: split it. */
static int bu_split_imprint(lit_record *rec)
{
	const char *pub = lit_record_get(rec, LIT_VAR_PUBLISHER);
	if (!pub || lit_record_get(rec, LIT_VAR_PUBLISHER_PLACE))
		return LIT_OK;
	const char *colon = strstr(pub, " : ");
	if (!colon)
		return LIT_OK;
	char *copy = strdup(pub);
	if (!copy)
		return LIT_ENOMEM;
	char *c = copy + (colon - pub);
	*c = 0;
	char *rest = c + 3;
	size_t n = strlen(rest);
	while (n && (rest[n - 1] == '.' || isspace((unsigned char)rest[n - 1])))
		rest[--n] = 0;
	/* trailing ", 1980" is the year */
	char *comma = strrchr(rest, ',');
	int rc = LIT_OK;
	if (comma) {
		lit_date d;
		memset(&d, 0, sizeof d);
		if (lit_date_parse(comma + 1, strlen(comma + 1), &d) && d.year > 0) {
			if (!lit_record_date(rec, LIT_VAR_ISSUED))
				rc = lit_record_set_date(rec, LIT_VAR_ISSUED, &d);
			*comma = 0;
		}
	}
	if (rc == LIT_OK)
		rc = lit_record_set(rec, LIT_VAR_PUBLISHER_PLACE, copy);
	if (rc == LIT_OK)
		rc = lit_record_set(rec, LIT_VAR_PUBLISHER, rest);
	free(copy);
	return rc;
}

/*
 * Did bibutils make this key up (first author's family name + year, or
 * "refN", plus a uniqueness letter)?  Such keys are dropped so that our
 * own key generator names the record.
 */
static int bu_generated_key(fields *f, const char *key)
{
	if (!strncmp(key, "ref", 3) && key[3]) {
		const char *p = key + 3;
		while (isdigit((unsigned char)*p))
			p++;
		if (!*p && p > key + 3)
			return 1;
	}
	static const char *const atags[] = { "AUTHOR", "AUTHOR:ASIS", "AUTHOR:CORP" };
	const char *a = NULL;
	for (size_t i = 0; i < 3 && !a; i++)
		a = bu_get(f, atags[i], LEVEL_MAIN);
	for (size_t i = 0; i < 3 && !a; i++)
		a = bu_get(f, atags[i], LEVEL_ANY);
	const char *y = bu_get(f, "DATE:YEAR", LEVEL_MAIN);
	if (!y) y = bu_get(f, "DATE:YEAR", LEVEL_ANY);
	if (!y) y = bu_get(f, "PARTDATE:YEAR", LEVEL_MAIN);
	if (!y) y = bu_get(f, "PARTDATE:YEAR", LEVEL_ANY);
	if (!a || !y)
		return 0;
	/* rebuild bibutils' key: family without white space, then the year */
	lit_buf b = LIT_BUF_INIT;
	for (const char *p = a; *p && *p != '|'; p++)
		if (!isspace((unsigned char)*p))
			lit_buf_putc(&b, *p);
	for (const char *p = y; *p; p++)
		if (!isspace((unsigned char)*p))
			lit_buf_putc(&b, *p);
	int gen = 0;
	if (lit_buf_status(&b) == LIT_OK && b.len) {
		size_t n = strlen(key);
		gen = !strncmp(key, lit_buf_cstr(&b), b.len) &&
		      (n == b.len || (n > b.len && islower((unsigned char)key[b.len]) &&
		                      strspn(key + b.len, "abcdefghijklmnopqrstuvwxyz") == n - b.len));
	}
	lit_buf_free(&b);
	return gen;
}

/* Convert one bibutils record into a new lit_record. */
static int bu_to_record(fields *f, int mode, lit_record **out)
{
	lit_record *rec = lit_record_new();
	int rc = LIT_OK;
	if (!rec)
		return LIT_ENOMEM;
	lit_type type = bu_guess_type(f);
	/* COPAC is a library catalogue: untyped entries are books */
	if (type == LIT_TYPE_DOCUMENT && mode == BIBL_COPACIN)
		type = LIT_TYPE_BOOK;
	lit_record_set_type(rec, type);

	const char *id = bu_get(f, "REFNUM", LEVEL_ANY);
	if (id && *id && !bu_generated_key(f, id))
		rc = lit_record_set_id(rec, id);

	/* titles */
	if (rc == LIT_OK) rc = bu_set_title(rec, LIT_VAR_TITLE, f, "TITLE", "SUBTITLE", LEVEL_MAIN);
	if (rc == LIT_OK && !lit_record_get(rec, LIT_VAR_TITLE))
		rc = bu_set_title(rec, LIT_VAR_TITLE, f, "SHORTTITLE", "SHORTSUBTITLE", LEVEL_MAIN);
	else if (rc == LIT_OK)
		rc = bu_set_title(rec, LIT_VAR_TITLE_SHORT, f, "SHORTTITLE", "SHORTSUBTITLE", LEVEL_MAIN);
	if (bu_type_is_monograph(type)) {
		if (rc == LIT_OK) rc = bu_set_title(rec, LIT_VAR_COLLECTION_TITLE, f, "TITLE", "SUBTITLE", LEVEL_HOST);
	} else {
		if (rc == LIT_OK) rc = bu_set_title(rec, LIT_VAR_CONTAINER_TITLE, f, "TITLE", "SUBTITLE", LEVEL_HOST);
		if (rc == LIT_OK && !lit_record_get(rec, LIT_VAR_CONTAINER_TITLE))
			rc = bu_set_title(rec, LIT_VAR_CONTAINER_TITLE, f, "SHORTTITLE", "SHORTSUBTITLE", LEVEL_HOST);
		else if (rc == LIT_OK)
			rc = bu_set_title(rec, LIT_VAR_CONTAINER_TITLE_SHORT, f, "SHORTTITLE", "SHORTSUBTITLE", LEVEL_HOST);
		/* EndNote "Conference Proceedings" keep the proceedings' title
		 * in %S, which bibutils files as the series */
		if (rc == LIT_OK && !lit_record_get(rec, LIT_VAR_CONTAINER_TITLE) &&
		    type == LIT_TYPE_PAPER_CONFERENCE)
			rc = bu_set_title(rec, LIT_VAR_CONTAINER_TITLE, f, "TITLE", "SUBTITLE", LEVEL_SERIES);
		else if (rc == LIT_OK)
			rc = bu_set_title(rec, LIT_VAR_COLLECTION_TITLE, f, "TITLE", "SUBTITLE", LEVEL_SERIES);
	}

	/* names, in file order */
	for (int i = 0; i < f->n && rc == LIT_OK; i++) {
		const char *t = bu_tag(f, i);
		int v = bu_name_var(t, fields_level(f, i), type,
		                    bu_get(f, "TITLE", LEVEL_HOST) != NULL);
		if (v >= 0)
			rc = bu_add_name(rec, (lit_var)v, t, bu_val(f, i));
	}

	/* dates */
	if (rc == LIT_OK) rc = bu_set_issued(rec, f);
	const char *acc = bu_get(f, "URLDATE", LEVEL_ANY);
	if (rc == LIT_OK && acc) {
		lit_date d;
		memset(&d, 0, sizeof d);
		if (!lit_date_parse(acc, strlen(acc), &d))
			d.literal = acc;
		rc = lit_record_set_date(rec, LIT_VAR_ACCESSED, &d);
	}

	/* pages */
	const char *sp = bu_get(f, "PAGES:START", LEVEL_ANY);
	const char *ep = bu_get(f, "PAGES:STOP", LEVEL_ANY);
	if (rc == LIT_OK && (sp || ep)) {
		lit_buf b = LIT_BUF_INIT;
		if (sp) lit_buf_puts(&b, sp);
		if (sp && ep && strcmp(sp, ep) != 0) lit_buf_puts(&b, "-");
		if (ep && (!sp || strcmp(sp, ep) != 0)) lit_buf_puts(&b, ep);
		rc = lit_buf_status(&b);
		if (rc == LIT_OK)
			rc = lit_record_set(rec, LIT_VAR_PAGE, lit_buf_cstr(&b));
		lit_buf_free(&b);
	}
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_NUMBER_OF_PAGES, f, "PAGES:TOTAL", LEVEL_ANY);
	const char *desc = bu_get(f, "DESCRIPTION", LEVEL_ANY);
	if (rc == LIT_OK && desc && isdigit((unsigned char)desc[0]) && !lit_record_get(rec, LIT_VAR_NUMBER_OF_PAGES)) {
		char num[32];
		snprintf(num, sizeof num, "%d", atoi(desc));
		rc = lit_record_set(rec, LIT_VAR_NUMBER_OF_PAGES, num);
	}

	/* numbering */
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_VOLUME, f, "VOLUME", LEVEL_MAIN);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_VOLUME, f, "VOLUME", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_ISSUE, f, "ISSUE", LEVEL_ANY);
	if (rc == LIT_OK && (type == LIT_TYPE_ARTICLE_JOURNAL || type == LIT_TYPE_ARTICLE_MAGAZINE ||
	                     type == LIT_TYPE_ARTICLE_NEWSPAPER))
		rc = bu_set_first(rec, LIT_VAR_ISSUE, f, "NUMBER", LEVEL_ANY);
	else if (rc == LIT_OK)
		rc = bu_set_first(rec, LIT_VAR_NUMBER, f, "NUMBER", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_NUMBER, f, "ARTICLENUMBER", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_EDITION, f, "EDITION", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_NUMBER_OF_VOLUMES, f, "NUMVOLUMES", LEVEL_ANY);

	/* publisher: PUBLISHER, then a thesis' degree grantor */
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_PUBLISHER, f, "PUBLISHER", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_PUBLISHER, f, "PUBLISHER:CORP", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_PUBLISHER, f, "DEGREEGRANTOR:ASIS", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_PUBLISHER, f, "DEGREEGRANTOR:CORP", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_PUBLISHER, f, "DEGREEGRANTOR", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_PUBLISHER_PLACE, f, "ADDRESS", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_PUBLISHER_PLACE, f, "ADDRESS:PUBLISHER", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_split_imprint(rec);

	/* identifiers */
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_DOI, f, "DOI", LEVEL_ANY);
	for (int i = 0; i < f->n && rc == LIT_OK && !lit_record_get(rec, LIT_VAR_URL); i++) {
		const char *t = bu_tag(f, i), *v = bu_val(f, i);
		if (!bu_streq(t, "URL") || !*v)
			continue;
		/* skip the doi.org link some readers derive from the DOI */
		const char *doi = lit_record_get(rec, LIT_VAR_DOI);
		if (doi && strstr(v, "doi.org/") && strstr(v, doi))
			continue;
		rc = lit_record_set(rec, LIT_VAR_URL, v);
	}
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_ISBN, f, "ISBN13", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_ISBN, f, "ISBN", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_ISSN, f, "ISSN", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_PMID, f, "PMID", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_PMCID, f, "PMC", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_CALL_NUMBER, f, "CALLNUMBER", LEVEL_ANY);

	/* text */
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_LANGUAGE, f, "LANGUAGE", LEVEL_MAIN);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_LANGUAGE, f, "LANGUAGE", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_ABSTRACT, f, "ABSTRACT", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_joined(rec, LIT_VAR_NOTE, f, "NOTES", "\n");
	if (rc == LIT_OK) rc = bu_set_first(rec, LIT_VAR_ANNOTE, f, "ANNOTE", LEVEL_ANY);
	if (rc == LIT_OK) rc = bu_set_joined(rec, LIT_VAR_KEYWORD, f, "KEYWORD", ", ");
	if (rc == LIT_OK && type == LIT_TYPE_THESIS) {
		for (int i = 0; i < f->n; i++) {
			const char *v = bu_val(f, i);
			if (bu_streq(bu_tag(f, i), "GENRE:BIBUTILS") && bu_contains(v, "thesis")) {
				rc = lit_record_set(rec, LIT_VAR_GENRE, v);
				break;
			}
		}
	}
	if (rc != LIT_OK) {
		lit_record_free(rec);
		return rc;
	}
	*out = rec;
	return LIT_OK;
}

/* ------------------------------------------------------------------
 * Reading
 * ---------------------------------------------------------------- */

typedef struct bu_reader {
	int mode;             /* BIBL_*IN */
	int xml;              /* check well-formedness first */
	/* record start marker: at line start (tagged formats) or anywhere (XML) */
	const char *marker;
	int marker_at_bol;
} bu_reader;

/* Byte offsets of every record start marker (for lines and P6 checks). */
static size_t bu_markers(const bu_reader *r, const char *d, size_t len,
                         size_t *offs, size_t max)
{
	size_t count = 0, m = strlen(r->marker);
	for (size_t i = 0; i + m <= len; i++) {
		if (r->marker_at_bol && i > 0 && d[i - 1] != '\n')
			continue;
		if (memcmp(d + i, r->marker, m) != 0)
			continue;
		if (!r->marker_at_bol) {
			/* an element name must end there */
			if (i + m < len && bu_is_namechar((unsigned char)d[i + m]))
				continue;
		}
		if (offs && count < max)
			offs[count] = i;
		count++;
	}
	return count;
}

/* Replace the names of `var` whose raw refer lines ("%A Name,") end in a
 * comma - EndNote's mark of a corporate author - by literal names.
 * `corp` has one flag per name line; `lines` is their count. */
static int bu_refer_corporate(lit_record *rec, lit_var var, const char *const *vals,
                              const size_t *lens, size_t lines)
{
	size_t n = lit_record_name_count(rec, var);
	int any = 0;
	for (size_t i = 0; i < lines; i++)
		if (lens[i] && vals[i][lens[i] - 1] == ',')
			any = 1;
	if (!any || n != lines)
		return LIT_OK;
	int etal = lit_record_names_etal(rec, var);
	lit_owned_name *keep = calloc(n, sizeof *keep);
	if (!keep)
		return LIT_ENOMEM;
	int rc = LIT_OK;
	for (size_t i = 0; i < n && rc == LIT_OK; i++) {
		const lit_name *nm = lit_record_name(rec, var, i);
		const char *src[6] = { nm->family, nm->given, nm->dropping_particle,
		                       nm->non_dropping_particle, nm->suffix, nm->literal };
		for (int k = 0; k < 6; k++)
			if (src[k] && !(keep[i].mem[k] = strdup(src[k])))
				rc = LIT_ENOMEM;
		if (lens[i] && vals[i][lens[i] - 1] == ',') {
			for (int k = 0; k < 6; k++) {
				free(keep[i].mem[k]);
				keep[i].mem[k] = NULL;
			}
			size_t l = lens[i];
			while (l && (vals[i][l - 1] == ',' || vals[i][l - 1] == ' '))
				l--;
			if (!(keep[i].mem[5] = strndup(vals[i], l)))
				rc = LIT_ENOMEM;
		}
	}
	if (rc == LIT_OK) {
		lit_record_clear_names(rec, var);
		for (size_t i = 0; i < n && rc == LIT_OK; i++) {
			lit_name nm;
			memset(&nm, 0, sizeof nm);
			nm.family = keep[i].mem[0];
			nm.given = keep[i].mem[1];
			nm.dropping_particle = keep[i].mem[2];
			nm.non_dropping_particle = keep[i].mem[3];
			nm.suffix = keep[i].mem[4];
			nm.literal = keep[i].mem[5];
			rc = lit_record_add_name(rec, var, &nm);
		}
		lit_record_set_names_etal(rec, var, etal);
	}
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 6; k++)
			free(keep[i].mem[k]);
	free(keep);
	return rc;
}

/* Refer %R lines hold the DOI but bibutils drops them: add them. */
static int bu_refer_extras(lit_record *rec, const char *d, size_t start, size_t end)
{
	enum { MAXN = 512 };
	const char *av[MAXN], *ev[MAXN];
	size_t al[MAXN], el[MAXN], na = 0, ne = 0;
	size_t i = start;
	while (i < end) {
		size_t e = i;
		while (e < end && d[e] != '\n')
			e++;
		if (e - i > 3 && d[i] == '%' && (d[i + 1] == 'A' || d[i + 1] == 'E') && d[i + 2] == ' ') {
			const char *v = d + i + 3;
			size_t n = e - i - 3;
			while (n && (v[n - 1] == '\r' || v[n - 1] == ' '))
				n--;
			int etal = 0;
			char tmp[32];
			if (n < sizeof tmp) {
				memcpy(tmp, v, n);
				tmp[n] = 0;
				etal = bu_is_etal(tmp);
			}
			if (!etal && d[i + 1] == 'A' && na < MAXN) { av[na] = v; al[na++] = n; }
			if (!etal && d[i + 1] == 'E' && ne < MAXN) { ev[ne] = v; el[ne++] = n; }
		}
		if (e - i > 3 && d[i] == '%' && d[i + 1] == 'R' && d[i + 2] == ' ' &&
		    !lit_record_get(rec, LIT_VAR_DOI)) {
			const char *v = d + i + 3;
			size_t n = e - i - 3;
			while (n && (v[n - 1] == '\r' || v[n - 1] == ' '))
				n--;
			const char *ten = NULL;
			for (size_t k = 0; k + 3 < n; k++)
				if (v[k] == '1' && v[k + 1] == '0' && v[k + 2] == '.') { ten = v + k; break; }
			if (ten) {
				int rc = lit_record_setn(rec, LIT_VAR_DOI, ten, n - (size_t)(ten - v));
				if (rc)
					return rc;
			}
		}
		i = e + 1;
	}
	int rc = bu_refer_corporate(rec, LIT_VAR_AUTHOR, av, al, na);
	if (rc == LIT_OK)
		rc = bu_refer_corporate(rec, LIT_VAR_EDITOR, ev, el, ne);
	return rc;
}

/* Word 2007 people of one role section (b:Author, b:Editor, ...). */
static int bu_word_people(lit_record *rec, lit_var var, const char *s, const char *e)
{
	int rc = LIT_OK;
	const char *p = s;
	const char *bs, *be;
	if (bu_elem(s, e, "b:Corporate", &bs, &be)) {
		lit_buf b = LIT_BUF_INIT;
		bu_xml_text(&b, bs, be);
		lit_name n;
		memset(&n, 0, sizeof n);
		n.literal = lit_buf_cstr(&b);
		if (b.len)
			rc = lit_record_add_name(rec, var, &n);
		lit_buf_free(&b);
		return rc;
	}
	while (rc == LIT_OK && bu_elem(p, e, "b:Person", &bs, &be)) {
		lit_buf last = LIT_BUF_INIT, first = LIT_BUF_INIT;
		const char *xs, *xe, *q = bs;
		if (bu_elem(bs, be, "b:Last", &xs, &xe))
			bu_xml_text(&last, xs, xe);
		while (bu_elem(q, be, "b:First", &xs, &xe) || bu_elem(q, be, "b:Middle", &xs, &xe)) {
			/* First then Middle, in document order */
			const char *f1s = NULL, *f1e = NULL, *m1s = NULL, *m1e = NULL;
			int hf = bu_elem(q, be, "b:First", &f1s, &f1e);
			int hm = bu_elem(q, be, "b:Middle", &m1s, &m1e);
			if (hf && (!hm || f1s < m1s)) { xs = f1s; xe = f1e; }
			else { xs = m1s; xe = m1e; }
			if (first.len)
				lit_buf_putc(&first, ' ');
			bu_xml_text(&first, xs, xe);
			q = xe + 1;
		}
		lit_name n;
		memset(&n, 0, sizeof n);
		n.family = last.len ? lit_buf_cstr(&last) : NULL;
		n.given = first.len ? lit_buf_cstr(&first) : NULL;
		if (n.family && bu_is_etal(n.family) && !n.given)
			lit_record_set_names_etal(rec, var, 1);
		else if (n.family || n.given)
			rc = lit_record_add_name(rec, var, &n);
		lit_buf_free(&last);
		lit_buf_free(&first);
		p = be + 1;
	}
	return rc;
}

static int bu_word_text(lit_record *rec, lit_var var, const char *s, const char *e, const char *tag)
{
	const char *bs, *be;
	if (lit_record_get(rec, var) || !bu_elem(s, e, tag, &bs, &be))
		return LIT_OK;
	lit_buf b = LIT_BUF_INIT;
	bu_xml_text(&b, bs, be);
	int rc = lit_buf_status(&b);
	if (rc == LIT_OK && b.len)
		rc = lit_record_set(rec, var, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return rc;
}

/* bibutils' Word reader keeps only tag, title, journal, volume, pages,
 * city, publisher and comments: fill in the rest from the <b:Source>. */
static int bu_word_extras(lit_record *rec, const char *s, const char *e)
{
	static const struct { const char *st; lit_type t; } types[] = {
		{ "Book", LIT_TYPE_BOOK }, { "BookSection", LIT_TYPE_CHAPTER },
		{ "JournalArticle", LIT_TYPE_ARTICLE_JOURNAL },
		{ "ArticleInAPeriodical", LIT_TYPE_ARTICLE_MAGAZINE },
		{ "ConferenceProceedings", LIT_TYPE_PAPER_CONFERENCE },
		{ "Proceedings", LIT_TYPE_PAPER_CONFERENCE },
		{ "Report", LIT_TYPE_REPORT }, { "SoundRecording", LIT_TYPE_SONG },
		{ "Performance", LIT_TYPE_PERFORMANCE }, { "Art", LIT_TYPE_GRAPHIC },
		{ "DocumentFromInternetSite", LIT_TYPE_WEBPAGE }, { "InternetSite", LIT_TYPE_WEBPAGE },
		{ "Film", LIT_TYPE_MOTION_PICTURE }, { "Interview", LIT_TYPE_INTERVIEW },
		{ "Patent", LIT_TYPE_PATENT }, { "ElectronicSource", LIT_TYPE_WEBPAGE },
		{ "Case", LIT_TYPE_LEGAL_CASE }, { "Misc", LIT_TYPE_DOCUMENT },
	};
	const char *bs, *be;
	int rc = LIT_OK;
	if (bu_elem(s, e, "b:SourceType", &bs, &be)) {
		lit_buf b = LIT_BUF_INIT;
		bu_xml_text(&b, bs, be);
		for (size_t i = 0; i < sizeof types / sizeof *types; i++)
			if (b.len && !strcmp(lit_buf_cstr(&b), types[i].st)) {
				lit_type t = types[i].t;
				lit_record_set_type(rec, t);
				/* the reader put the journal at host level: fine for
				 * articles, but a book's host title is its series */
				lit_buf_free(&b);
				goto typed;
			}
		lit_buf_free(&b);
	}
typed:
	/* Word has no thesis type: a Report with a ThesisType */
	if (lit_record_type(rec) == LIT_TYPE_REPORT && bu_elem(s, e, "b:ThesisType", &bs, &be)) {
		lit_record_set_type(rec, LIT_TYPE_THESIS);
		rc = bu_word_text(rec, LIT_VAR_GENRE, s, e, "b:ThesisType");
	}
	if (rc == LIT_OK && (lit_record_type(rec) == LIT_TYPE_CHAPTER ||
	                     lit_record_type(rec) == LIT_TYPE_PAPER_CONFERENCE))
		rc = bu_word_text(rec, LIT_VAR_CONTAINER_TITLE, s, e, "b:BookTitle");
	if (rc == LIT_OK && lit_record_type(rec) == LIT_TYPE_PAPER_CONFERENCE)
		rc = bu_word_text(rec, LIT_VAR_CONTAINER_TITLE, s, e, "b:ConferenceName");
	if (rc == LIT_OK && lit_record_type(rec) == LIT_TYPE_ARTICLE_MAGAZINE)
		rc = bu_word_text(rec, LIT_VAR_CONTAINER_TITLE, s, e, "b:PeriodicalTitle");
	if (rc == LIT_OK) rc = bu_word_text(rec, LIT_VAR_ISSUE, s, e, "b:Issue");
	if (rc == LIT_OK) rc = bu_word_text(rec, LIT_VAR_EDITION, s, e, "b:Edition");
	if (rc == LIT_OK) rc = bu_word_text(rec, LIT_VAR_URL, s, e, "b:URL");
	if (rc == LIT_OK) rc = bu_word_text(rec, LIT_VAR_DOI, s, e, "b:DOI");
	if (rc == LIT_OK) rc = bu_word_text(rec, LIT_VAR_ISBN, s, e, "b:StandardNumber");
	if (rc == LIT_OK) rc = bu_word_text(rec, LIT_VAR_LANGUAGE, s, e, "b:LCID");
	if (rc == LIT_OK) rc = bu_word_text(rec, LIT_VAR_PUBLISHER, s, e, "b:Institution");
	if (rc == LIT_OK && !lit_record_date(rec, LIT_VAR_ISSUED) && bu_elem(s, e, "b:Year", &bs, &be)) {
		lit_buf b = LIT_BUF_INIT;
		bu_xml_text(&b, bs, be);
		lit_date d;
		memset(&d, 0, sizeof d);
		if (b.len && lit_date_parse(lit_buf_cstr(&b), b.len, &d)) {
			const char *ms, *me;
			if (!d.month && bu_elem(s, e, "b:Month", &ms, &me)) {
				lit_buf m = LIT_BUF_INIT;
				bu_xml_text(&m, ms, me);
				d.month = bu_month(lit_buf_cstr(&m));
				lit_buf_free(&m);
				if (d.month && bu_elem(s, e, "b:Day", &ms, &me))
					d.day = atoi(ms);
				if (d.day < 0 || d.day > 31)
					d.day = 0;
			}
			rc = lit_record_set_date(rec, LIT_VAR_ISSUED, &d);
		}
		lit_buf_free(&b);
	}
	/* people: <b:Author> wraps <b:Author>, <b:Editor>, <b:Translator> ... */
	const char *as, *ae;
	if (rc == LIT_OK && bu_elem(s, e, "b:Author", &as, &ae)) {
		/* the outer element ends at the last </b:Author> of the source */
		const char *last = NULL, *p = as;
		while ((p = bu_find_close(p, e, "b:Author")) != NULL) {
			last = p;
			p += 10;
		}
		if (last)
			ae = last;
		static const struct { const char *tag; lit_var var; } roles[] = {
			{ "b:Author", LIT_VAR_AUTHOR }, { "b:Editor", LIT_VAR_EDITOR },
			{ "b:Translator", LIT_VAR_TRANSLATOR }, { "b:Compiler", LIT_VAR_COMPILER },
			{ "b:Director", LIT_VAR_DIRECTOR }, { "b:Performer", LIT_VAR_PERFORMER },
			{ "b:Interviewer", LIT_VAR_INTERVIEWER }, { "b:Inventor", LIT_VAR_AUTHOR },
		};
		for (size_t i = 0; i < sizeof roles / sizeof *roles && rc == LIT_OK; i++) {
			const char *rs, *re;
			if (lit_record_name_count(rec, roles[i].var) > 0 ||
			    lit_record_names_etal(rec, roles[i].var))
				continue;
			if (bu_elem(as, ae, roles[i].tag, &rs, &re))
				rc = bu_word_people(rec, roles[i].var, rs, re);
		}
	}
	return rc;
}

/* bibutils' MODS reader drops the access date (<dateCaptured>, or the
 * dateLastAccessed attribute of <url>) and <etal/>: add them. */
static int bu_mods_extras(lit_record *rec, const char *s, const char *e)
{
	int rc = LIT_OK;
	const char *bs, *be;
	lit_buf b = LIT_BUF_INIT;
	if (bu_elem(s, e, "dateCaptured", &bs, &be) || bu_elem(s, e, "mods:dateCaptured", &bs, &be)) {
		bu_xml_text(&b, bs, be);
	} else {
		static const char attr[] = "dateLastAccessed=\"";
		for (const char *p = s; p + sizeof attr < e; p++)
			if (!memcmp(p, attr, sizeof attr - 1)) {
				const char *v = p + sizeof attr - 1;
				const char *q = memchr(v, '"', (size_t)(e - v));
				if (q)
					bu_xml_text(&b, v, q);
				break;
			}
	}
	if (b.len && !lit_record_date(rec, LIT_VAR_ACCESSED)) {
		lit_date d;
		memset(&d, 0, sizeof d);
		if (lit_date_parse(lit_buf_cstr(&b), b.len, &d))
			rc = lit_record_set_date(rec, LIT_VAR_ACCESSED, &d);
	}
	lit_buf_free(&b);
	/* <etal/> inside the item's own <name> elements (not a relatedItem's) */
	const char *rel = bu_find_open(s, e, "relatedItem");
	const char *lim = rel ? rel : e;
	if (rc == LIT_OK && (bu_find_open(s, lim, "etal") || bu_find_open(s, lim, "mods:etal")))
		lit_record_set_names_etal(rec, LIT_VAR_AUTHOR, 1);
	return rc;
}

#define BU_CHUNK 256

/* One bibl_read over `cdata` (a whole input or a chunk of it); appends the
 * converted records to `out` and their number to *got.  `data`/`len` is
 * the whole input, for messages. */
static int bu_read_chunk(const bu_reader *r, lit_records *out, const char *cdata, size_t clen,
                         const char *fname, const char *filename, const char *data, size_t len,
                         long *got, lit_error *err)
{
	FILE *fp = fmemopen((void *)cdata, clen, "r");
	if (!fp)
		return lit_error_set(err, LIT_ENOMEM, filename, 0, "cannot open the input buffer");
	int rc = LIT_OK;
	param p;
	bibl b;
	memset(&p, 0, sizeof p);
	bibl_init(&b);

	pthread_mutex_lock(&bu_lock);
	int st = r->mode == BIBL_ISIIN ? isiin_initparams(&p, BU_PROGNAME)
	                               : bibl_initparams(&p, r->mode, BIBL_MODSOUT, BU_PROGNAME);
	if (st == BIBL_OK) {
		/* our input is UTF-8 already, whatever the file declares */
		p.charsetin = BIBL_CHARSET_UNICODE;
		p.charsetin_src = BIBL_SRC_USER;
		p.utf8in = 1;
		p.latexin = 0;
		p.verbose = 0;
		st = bibl_read(&b, fp, (char *)fname, &p);
	}
	if (st == BIBL_ERR_MEMERR) {
		rc = lit_error_set(err, LIT_ENOMEM, filename, 0, "out of memory in bibutils");
	} else if (st != BIBL_OK) {
		rc = lit_error_set(err, LIT_EPARSE, filename, bu_first_content_line(data, len),
		                   "bibutils could not read this input");
	} else {
		for (long i = 0; i < b.n && rc == LIT_OK; i++) {
			lit_record *rec = NULL;
			rc = bu_to_record(b.ref[i], r->mode, &rec);
			if (rc) {
				lit_error_set(err, rc, filename, 0, "out of memory");
				break;
			}
			rc = lit_records_push(out, rec);
			if (rc)
				lit_error_set(err, rc, filename, 0, "out of memory");
		}
	}
	*got = b.n;
	bibl_free(&b);
	bibl_freeparams(&p);
	pthread_mutex_unlock(&bu_lock);
	fclose(fp);
	return rc;
}

/*
 * Read `data` with a bibutils reader and append the records to `out`.
 */
static int bu_read(const bu_reader *r, lit_records *out, const char *data, size_t len,
                   const char *filename, lit_error *err)
{
	const char *fname = filename ? filename : "";
	if (!data || bu_blank(data, len))
		return LIT_OK;
	size_t bad = 0;
	if (!lit_utf8_valid(data, len, &bad))
		return lit_error_set(err, LIT_EENCODING, filename, bu_line_at(data, bad),
		                     "invalid UTF-8");
	if (memchr(data, '\0', len))
		return lit_error_set(err, LIT_EPARSE, filename,
		                     bu_line_at(data, (size_t)((const char *)memchr(data, '\0', len) - data)),
		                     "binary data (NUL byte) in a text format");
	if (r->xml) {
		int rc = bu_xml_check(data, len, filename, err);
		if (rc)
			return rc;
	}

	size_t nmark = bu_markers(r, data, len, NULL, 0);
	size_t *offs = NULL;
	if (nmark) {
		offs = malloc(nmark * sizeof *offs);
		if (!offs)
			return lit_error_set(err, LIT_ENOMEM, filename, 0, "out of memory");
		bu_markers(r, data, len, offs, nmark);
	}

	/* ISI records end with "ER": a last record without one was cut off */
	if (r->mode == BIBL_ISIIN && nmark) {
		int ended = 0;
		for (size_t k = offs[nmark - 1]; k + 2 <= len; k++)
			if ((k == 0 || data[k - 1] == '\n') && data[k] == 'E' && data[k + 1] == 'R' &&
			    (k + 2 == len || data[k + 2] == '\n' || data[k + 2] == '\r' || data[k + 2] == ' ')) {
				ended = 1;
				break;
			}
		if (!ended) {
			long line = bu_line_at(data, offs[nmark - 1]);
			free(offs);
			return lit_error_set(err, LIT_EPARSE, filename, line,
			                     "ISI record is not terminated by ER");
		}
	}

	/* bibutils' NBIB reader loops forever (growing memory) when a record
	 * starts right after the previous one without a blank line: add one */
	char *norm = NULL;
	const char *feed = data;
	size_t feedlen = len;
	if (r->mode == BIBL_NBIBIN && nmark > 1) {
		norm = malloc(len + nmark + 1);
		if (!norm) {
			free(offs);
			return lit_error_set(err, LIT_ENOMEM, filename, 0, "out of memory");
		}
		size_t o = 0, prev = 0;
		for (size_t k = 0; k < nmark; k++) {
			memcpy(norm + o, data + prev, offs[k] - prev);
			o += offs[k] - prev;
			prev = offs[k];
			if (offs[k] >= 2 && !(data[offs[k] - 2] == '\n' ||
			                      (data[offs[k] - 2] == '\r' && offs[k] >= 3 && data[offs[k] - 3] == '\n')))
				norm[o++] = '\n';
		}
		memcpy(norm + o, data + prev, len - prev);
		o += len - prev;
		feed = norm;
		feedlen = o;
	} else if (r->xml) {
		/* bibutils' XML readers lose records (and turn quadratic) when
		 * many elements share one line, as in EndNote's own XML export:
		 * put a line break between adjacent tags ("><" -> ">\n<"), which
		 * changes no element's text */
		size_t extra = 0;
		for (size_t k = 1; k < len; k++)
			if (data[k] == '<' && data[k - 1] == '>')
				extra++;
		if (extra) {
			norm = malloc(len + extra + 1);
			if (!norm) {
				free(offs);
				return lit_error_set(err, LIT_ENOMEM, filename, 0, "out of memory");
			}
			size_t o = 0;
			for (size_t k = 0; k < len; k++) {
				if (k && data[k] == '<' && data[k - 1] == '>')
					norm[o++] = '\n';
				norm[o++] = data[k];
			}
			feed = norm;
			feedlen = o;
		}
	}

	/* bibutils' EndNote XML reader is quadratic in the length of a line:
	 * refuse text nodes longer than BU_XML_MAX_LINE (after the tag split
	 * above only text can make a line that long) */
	if (r->mode == BIBL_ENDNOTEXMLIN) {
		size_t ls = 0;
		long ln = 1;
		for (size_t k = 0; k <= len; k++) {
			/* a line of the split feed ends at a newline or at "><" */
			int brk = k == len || data[k] == '\n' || (k && data[k] == '<' && data[k - 1] == '>');
			if (brk) {
				if (k - ls > BU_XML_MAX_LINE) {
					free(norm);
					free(offs);
					return lit_error_set(err, LIT_ELIMIT, filename, ln,
					                     "a line of EndNote XML text is longer than %d bytes",
					                     BU_XML_MAX_LINE);
				}
				if (k < len && data[k] == '\n') {
					ls = k + 1;
					ln++;
				} else {
					ls = k;
				}
			}
		}
	}

	size_t before = lit_records_count(out);
	int rc = LIT_OK;
	long got = 0;

	/* bibutils is quadratic in the number of records per bibl_read (its
	 * cite-key de-duplication compares every pair), so feed it chunks of
	 * at most BU_CHUNK records, cut at record starts */
	size_t nfeed = nmark;
	size_t *foffs = offs;
	if (norm) {
		nfeed = bu_markers(r, feed, feedlen, NULL, 0);
		foffs = nfeed ? malloc(nfeed * sizeof *foffs) : NULL;
		if (nfeed && !foffs)
			rc = lit_error_set(err, LIT_ENOMEM, filename, 0, "out of memory");
		else if (nfeed)
			bu_markers(r, feed, feedlen, foffs, nfeed);
	}
	size_t tail = feedlen; /* XML: where the text after the last record starts */
	if (r->xml && nfeed) {
		char close[64];
		snprintf(close, sizeof close, "</%s>", r->marker + 1);
		size_t cl = strlen(close);
		for (size_t k = feedlen; k >= cl && k > foffs[nfeed - 1]; k--)
			if (!memcmp(feed + k - cl, close, cl)) {
				tail = k;
				break;
			}
	}
	lit_buf chunk = LIT_BUF_INIT;
	size_t k = 0;
	do {
		/* records [k, next) go in this chunk */
		size_t next = nfeed;
		if (nfeed > BU_CHUNK) {
			next = k + BU_CHUNK;
			/* tagged formats: cut only where a blank line precedes */
			while (next < nfeed && !r->xml && r->mode != BIBL_ISIIN && r->mode != BIBL_NBIBIN &&
			       !(foffs[next] >= 2 && feed[foffs[next] - 1] == '\n' &&
			         (feed[foffs[next] - 2] == '\n' ||
			          (feed[foffs[next] - 2] == '\r' && foffs[next] >= 3 && feed[foffs[next] - 3] == '\n'))))
				next++;
			if (next > nfeed)
				next = nfeed;
		}
		const char *cdata = feed;
		size_t clen = feedlen;
		if (next < nfeed || k > 0) {
			lit_buf_clear(&chunk);
			size_t from = k == 0 ? 0 : foffs[k];
			if (r->xml && k > 0)
				lit_buf_put(&chunk, feed, foffs[0]);          /* the XML head */
			if (next < nfeed) {
				lit_buf_put(&chunk, feed + from, foffs[next] - from);
				if (r->xml)
					lit_buf_put(&chunk, feed + tail, feedlen - tail); /* closing tags */
			} else {
				lit_buf_put(&chunk, feed + from, feedlen - from);
			}
			if (lit_buf_status(&chunk)) {
				rc = lit_error_set(err, LIT_ENOMEM, filename, 0, "out of memory");
				break;
			}
			cdata = chunk.ptr;
			clen = chunk.len;
		}
		long n = 0;
		rc = bu_read_chunk(r, out, cdata, clen, fname, filename, data, len, &n, err);
		got += n;
		k = next;
	} while (rc == LIT_OK && k < nfeed);
	lit_buf_free(&chunk);
	if (foffs != offs)
		free(foffs);
	free(norm);

	if (rc == LIT_OK && got == 0) {
		long line = nmark ? bu_line_at(data, offs[0]) : bu_first_content_line(data, len);
		rc = lit_error_set(err, LIT_EPARSE, filename, line,
		                   "no %s record found in non-empty input",
		                   r->mode == BIBL_ENDNOTEIN ? "EndNote" :
		                   r->mode == BIBL_ENDNOTEXMLIN ? "EndNote XML" :
		                   r->mode == BIBL_MODSIN ? "MODS" :
		                   r->mode == BIBL_ISIIN ? "ISI" :
		                   r->mode == BIBL_MEDLINEIN ? "Medline" :
		                   r->mode == BIBL_NBIBIN ? "NBIB" :
		                   r->mode == BIBL_WORDIN ? "Word 2007" :
		                   r->mode == BIBL_COPACIN ? "COPAC" : "");
	}

	/* provenance and side information, when records and markers agree */
	size_t added = lit_records_count(out) - before;
	size_t scanned = 0;
	long cur_line = 1;
	for (size_t i = 0; rc == LIT_OK && i < added; i++) {
		lit_record *rec = lit_records_at(out, before + i);
		long line = 0;
		if (nmark == added) {
			/* markers are in increasing order: count lines incrementally */
			for (; scanned < offs[i]; scanned++)
				if (data[scanned] == '\n')
					cur_line++;
			line = cur_line;
		}
		rc = lit_record_set_source(rec, filename, line);
		if (rc == LIT_OK)
			lit_record_set_where(rec, LIT_WHERE_BIBFILE);
		if (rc != LIT_OK || nmark != added)
			continue;
		size_t end = i + 1 < nmark ? offs[i + 1] : len;
		if (r->mode == BIBL_ENDNOTEIN)
			rc = bu_refer_extras(rec, data, offs[i], end);
		else if (r->mode == BIBL_WORDIN)
			rc = bu_word_extras(rec, data + offs[i], data + end);
		else if (r->mode == BIBL_MODSIN)
			rc = bu_mods_extras(rec, data + offs[i], data + end);
		if (rc)
			lit_error_set(err, rc, filename, line, "out of memory");
	}
	free(offs);
	return rc;
}

#define BU_READER(fn, MODE, XML, MARK, BOL) \
	static int fn(lit_records *out, const char *data, size_t len, \
	              const char *filename, lit_error *err) \
	{ \
		static const bu_reader r = { MODE, XML, MARK, BOL }; \
		return bu_read(&r, out, data, len, filename, err); \
	}

BU_READER(bu_read_endnote, BIBL_ENDNOTEIN, 0, "%0 ", 1)
BU_READER(bu_read_endnotexml, BIBL_ENDNOTEXMLIN, 1, "<record", 0)
BU_READER(bu_read_mods, BIBL_MODSIN, 1, "<mods", 0)
BU_READER(bu_read_isi, BIBL_ISIIN, 0, "PT ", 1)
BU_READER(bu_read_medline, BIBL_MEDLINEIN, 1, "<PubmedArticle", 0)
BU_READER(bu_read_nbib, BIBL_NBIBIN, 0, "PMID-", 1)
BU_READER(bu_read_word, BIBL_WORDIN, 1, "<b:Source", 0)
BU_READER(bu_read_copac, BIBL_COPACIN, 0, "TI- ", 1)

/* ------------------------------------------------------------------
 * lit_record -> bibutils fields
 * ---------------------------------------------------------------- */

/* Add (tag, value, level) allowing duplicates; 0 or LIT_ENOMEM. */
static int bu_add(fields *f, const char *tag, const char *value, int level)
{
	if (!value || !*value)
		return LIT_OK;
	return fields_add_can_dup(f, tag, value, level) == FIELDS_OK ? LIT_OK : LIT_ENOMEM;
}

/* Type hints that every bibutils writer understands. */
static int bu_add_hints(fields *f, lit_type t, const lit_record *rec, int mode)
{
	int rc = LIT_OK;
#define H(tag, val, lvl) do { if (rc == LIT_OK) rc = bu_add(f, tag, val, lvl); } while (0)
	switch (t) {
	case LIT_TYPE_ARTICLE_JOURNAL:
	case LIT_TYPE_ARTICLE:
	case LIT_TYPE_REVIEW:
	case LIT_TYPE_REVIEW_BOOK:
		H("RESOURCE", "text", 0);
		H("GENRE:BIBUTILS", "journal article", 0);
		H("ISSUANCE", "continuing", 1);
		H("GENRE:MARC", "periodical", 1);
		H("GENRE:BIBUTILS", "academic journal", 1);
		break;
	case LIT_TYPE_ARTICLE_MAGAZINE:
		H("RESOURCE", "text", 0);
		H("ISSUANCE", "continuing", 1);
		H("GENRE:MARC", "periodical", 1);
		H("GENRE:BIBUTILS", "magazine", 1);
		break;
	case LIT_TYPE_ARTICLE_NEWSPAPER:
		H("RESOURCE", "text", 0);
		H("ISSUANCE", "continuing", 1);
		H("GENRE:MARC", "newspaper", 1);
		break;
	case LIT_TYPE_BOOK:
	case LIT_TYPE_CLASSIC:
	case LIT_TYPE_COLLECTION:
	case LIT_TYPE_PERIODICAL:
	case LIT_TYPE_PAMPHLET:
		H("RESOURCE", "text", 0);
		H("ISSUANCE", "monographic", 0);
		H("GENRE:MARC", "book", 0);
		break;
	case LIT_TYPE_CHAPTER:
		H("RESOURCE", "text", 0);
		H("GENRE:BIBUTILS", "book chapter", 0);
		H("ISSUANCE", "monographic", 1);
		H("GENRE:MARC", "book", 1);
		break;
	case LIT_TYPE_ENTRY:
	case LIT_TYPE_ENTRY_ENCYCLOPEDIA:
	case LIT_TYPE_ENTRY_DICTIONARY:
		H("RESOURCE", "text", 0);
		H("ISSUANCE", "monographic", 1);
		H("GENRE:MARC", t == LIT_TYPE_ENTRY_DICTIONARY ? "dictionary" : "encyclopedia", 1);
		break;
	case LIT_TYPE_PAPER_CONFERENCE:
		H("RESOURCE", "text", 0);
		H("GENRE:MARC", "conference publication", 1);
		H("ISSUANCE", "monographic", 1);
		break;
	case LIT_TYPE_THESIS: {
		const char *g = lit_record_get(rec, LIT_VAR_GENRE);
		H("RESOURCE", "text", 0);
		H("GENRE:MARC", "thesis", 0);
		if (g && (bu_contains(g, "master") || bu_contains(g, "магистр")))
			H("GENRE:BIBUTILS", "Masters thesis", 0);
		else if (g && (bu_contains(g, "ph") || bu_contains(g, "doctor") ||
		               bu_contains(g, "кандидат") || bu_contains(g, "доктор")))
			H("GENRE:BIBUTILS", "Ph.D. thesis", 0);
		break;
	}
	case LIT_TYPE_REPORT:
		H("RESOURCE", "text", 0);
		H("GENRE:MARC", "technical report", 0);
		break;
	case LIT_TYPE_WEBPAGE:
	case LIT_TYPE_POST:
	case LIT_TYPE_POST_WEBLOG:
		/* "web site": EndNote "Electronic Source", RIS ELEC, Word
		 * InternetSite; never the software resource (bibutils defect) */
		H("GENRE:MARC", "web site", 0);
		if (t == LIT_TYPE_POST_WEBLOG)
			H("GENRE:BIBUTILS", "blog", 0);
		break;
	case LIT_TYPE_SOFTWARE:
		H("RESOURCE", "software, multimedia", 0);
		break;
	case LIT_TYPE_PATENT:
		H("RESOURCE", "text", 0);
		H("GENRE:MARC", "patent", 0);
		break;
	case LIT_TYPE_MAP:
		H("RESOURCE", "cartographic", 0);
		H("GENRE:MARC", "map", 0);
		break;
	case LIT_TYPE_MANUSCRIPT:
		H("RESOURCE", "text", 0);
		H("GENRE:BIBUTILS", "manuscript", 0);
		break;
	case LIT_TYPE_PERSONAL_COMMUNICATION:
	case LIT_TYPE_INTERVIEW:
		H("RESOURCE", "text", 0);
		H("GENRE:BIBUTILS", "communication", 0);
		break;
	case LIT_TYPE_LEGISLATION:
	case LIT_TYPE_BILL:
	case LIT_TYPE_REGULATION:
	case LIT_TYPE_TREATY:
		H("RESOURCE", "text", 0);
		H("GENRE:MARC", "legislation", 0);
		break;
	case LIT_TYPE_LEGAL_CASE:
		H("RESOURCE", "text", 0);
		H("GENRE:MARC", "legal case and case notes", 0);
		break;
	case LIT_TYPE_HEARING:
		H("RESOURCE", "text", 0);
		H("GENRE:BIBUTILS", "hearing", 0);
		break;
	case LIT_TYPE_MOTION_PICTURE:
	case LIT_TYPE_BROADCAST:
		H("RESOURCE", "moving image", 0);
		/* the EndNote writer would make this genre "Audiovisual
		 * Material"; the resource alone gives "Film or Broadcast" */
		if (mode != BIBL_ENDNOTEOUT)
			H("GENRE:MARC", "motion picture", 0);
		break;
	case LIT_TYPE_SONG:
		H("RESOURCE", "sound recording", 0);
		H("GENRE:MARC", "sound", 0);
		break;
	case LIT_TYPE_DATASET:
		H("GENRE:MARC", "database", 0);
		break;
	case LIT_TYPE_STANDARD:
		H("RESOURCE", "text", 0);
		H("GENRE:MARC", "standard or specification", 0);
		H("GENRE:BIBUTILS", "report", 0);
		break;
	case LIT_TYPE_FIGURE:
	case LIT_TYPE_GRAPHIC:
		H("RESOURCE", "still image", 0);
		H("GENRE:MARC", "graphic", 0);
		break;
	default:
		/* EndNote's writer knows "loose-leaf" as Generic (and says
		 * nothing); the others take "miscellaneous" */
		if (mode == BIBL_ENDNOTEOUT)
			H("GENRE:MARC", "loose-leaf", 0);
		else
			H("GENRE:BIBUTILS", "miscellaneous", 0);
		break;
	}
#undef H
	return rc;
}

/* "Family|Given|Middle||Suffix" for a person; NULL name -> nothing. */
static int bu_add_person(fields *f, const char *tag, const lit_name *n, int level, int whole_given)
{
	if (n->literal && *n->literal && !(n->family && *n->family)) {
		char t[64];
		snprintf(t, sizeof t, "%s:CORP", tag);
		return bu_add(f, t, n->literal, level);
	}
	lit_buf b = LIT_BUF_INIT;
	if (n->dropping_particle && *n->dropping_particle) {
		lit_buf_puts(&b, n->dropping_particle);
		lit_buf_putc(&b, ' ');
	}
	if (n->non_dropping_particle && *n->non_dropping_particle) {
		lit_buf_puts(&b, n->non_dropping_particle);
		lit_buf_putc(&b, ' ');
	}
	if (n->family)
		lit_buf_puts(&b, n->family);
	if (n->given && *n->given && whole_given) {
		/* MODS: one given namePart, so "E." keeps its period */
		lit_buf_putc(&b, '|');
		lit_buf_puts(&b, n->given);
	} else if (n->given && *n->given) {
		/* each given name or initial is one part */
		const char *p = n->given;
		while (*p) {
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			const char *e = p;
			while (*e && *e != ' ')
				e++;
			lit_buf_putc(&b, '|');
			lit_buf_put(&b, p, (size_t)(e - p));
			p = e;
		}
	}
	if (n->suffix && *n->suffix) {
		lit_buf_puts(&b, "||");
		lit_buf_puts(&b, n->suffix);
	}
	int rc = lit_buf_status(&b);
	if (rc == LIT_OK && b.len)
		rc = bu_add(f, tag, lit_buf_cstr(&b), level);
	lit_buf_free(&b);
	return rc;
}

static int bu_add_names(fields *f, const lit_record *rec, lit_var var, const char *tag, int level,
                        int mode)
{
	size_t n = lit_record_name_count(rec, var);
	for (size_t i = 0; i < n; i++) {
		int rc = bu_add_person(f, tag, lit_record_name(rec, var, i), level, mode == BIBL_MODSOUT);
		if (rc)
			return rc;
	}
	/* "and others" is a flag in our model and is not written as a name */
	return LIT_OK;
}

static int bu_add_date(fields *f, const char *prefix, const lit_date *d, int level)
{
	char tag[32], v[32];
	int rc = LIT_OK;
	if (!d)
		return LIT_OK;
	if (d->year == 0) {
		if (d->literal && *d->literal) {
			snprintf(tag, sizeof tag, "%s:YEAR", prefix);
			rc = bu_add(f, tag, d->literal, level);
		}
		return rc;
	}
	snprintf(tag, sizeof tag, "%s:YEAR", prefix);
	snprintf(v, sizeof v, "%d", d->year);
	rc = bu_add(f, tag, v, level);
	if (rc == LIT_OK && d->month >= 1 && d->month <= 12) {
		snprintf(tag, sizeof tag, "%s:MONTH", prefix);
		snprintf(v, sizeof v, "%02d", d->month);
		rc = bu_add(f, tag, v, level);
		if (rc == LIT_OK && d->day >= 1 && d->day <= 31) {
			snprintf(tag, sizeof tag, "%s:DAY", prefix);
			snprintf(v, sizeof v, "%02d", d->day);
			rc = bu_add(f, tag, v, level);
		}
	}
	return rc;
}

/* Split "40-58" / "40–58" / "40--58" into PAGES:START/STOP. */
static int bu_add_pages(fields *f, const char *page, int level)
{
	if (!page || !*page)
		return LIT_OK;
	const char *p = page;
	size_t n = strlen(page);
	size_t i = 0;
	/* find the first dash (ASCII or Unicode) after the start */
	for (i = 1; i < n; i++) {
		size_t adv = 1;
		int32_t cp = lit_utf8_decode(p + i, n - i, &adv);
		if (cp == '-' || (cp > 0 && lit_cp_is_dash((uint32_t)cp))) {
			char *start = strndup(p, i);
			if (!start)
				return LIT_ENOMEM;
			size_t j = i + adv;
			while (j < n) {
				size_t a2 = 1;
				int32_t c2 = lit_utf8_decode(p + j, n - j, &a2);
				if (!(c2 == '-' || (c2 > 0 && lit_cp_is_dash((uint32_t)c2)) || c2 == ' '))
					break;
				j += a2;
			}
			int rc = bu_add(f, "PAGES:START", start, level);
			free(start);
			if (rc == LIT_OK)
				rc = bu_add(f, "PAGES:STOP", p + j, level);
			return rc;
		}
		i += adv - 1;
	}
	return bu_add(f, "PAGES:START", page, level);
}

/* Keywords are one string in CSL ("a, b; c"): one KEYWORD each. */
static int bu_add_keywords(fields *f, const char *kw)
{
	if (!kw)
		return LIT_OK;
	int rc = LIT_OK;
	const char *p = kw;
	while (*p && rc == LIT_OK) {
		size_t n = strcspn(p, ",;");
		const char *s = p, *e = p + n;
		while (s < e && isspace((unsigned char)*s)) s++;
		while (e > s && isspace((unsigned char)e[-1])) e--;
		if (e > s) {
			char *k = strndup(s, (size_t)(e - s));
			if (!k)
				return LIT_ENOMEM;
			rc = bu_add(f, "KEYWORD", k, 0);
			free(k);
		}
		p += n;
		if (*p)
			p++;
	}
	return rc;
}

/* One lit_record as a new bibutils record (the caller owns it). */
static int bu_from_record(const lit_record *rec, const char *key, int mode, fields **out)
{
	fields *f = fields_new();
	if (!f)
		return LIT_ENOMEM;
	lit_type t = lit_record_type(rec);
	int mono = bu_type_is_monograph(t);
	/* where the parts of a "whole" item go: a book's publisher is its own
	 * (level 0), a chapter's is the book's (level 1) */
	int part = !mono;
	int pl = part ? 1 : 0;
	int rc = LIT_OK;
#define A(tag, val, lvl) do { if (rc == LIT_OK) rc = bu_add(f, tag, val, lvl); } while (0)
#define G(v) lit_record_get(rec, v)

	A("REFNUM", key, 0);
	A("TITLE", G(LIT_VAR_TITLE), 0);
	A("SHORTTITLE", G(LIT_VAR_TITLE_SHORT), 0);
	if (mono) {
		A("TITLE", G(LIT_VAR_COLLECTION_TITLE), 1);
		if (!G(LIT_VAR_COLLECTION_TITLE))
			A("TITLE", G(LIT_VAR_CONTAINER_TITLE), 1);
	} else {
		A("TITLE", G(LIT_VAR_CONTAINER_TITLE), 1);
		A("SHORTTITLE", G(LIT_VAR_CONTAINER_TITLE_SHORT), 1);
		A("TITLE", G(LIT_VAR_COLLECTION_TITLE), 2);
	}

	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_AUTHOR, "AUTHOR", 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_EDITOR, "EDITOR", part ? 1 : 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_CONTAINER_AUTHOR, "AUTHOR", 1, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_COLLECTION_EDITOR, "EDITOR", mono ? 1 : 2, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_TRANSLATOR, "TRANSLATOR", 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_DIRECTOR, "DIRECTOR", 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_PRODUCER, "PRODUCER", 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_PERFORMER, "PERFORMER", 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_ILLUSTRATOR, "ILLUSTRATOR", 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_COMPOSER, "COMPOSER", 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_INTERVIEWER, "INTERVIEWER", 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_RECIPIENT, "RECIPIENT", 0, mode);
	if (rc == LIT_OK) rc = bu_add_names(f, rec, LIT_VAR_COMPILER, "COMPILER", 0, mode);

	const lit_date *iss = lit_record_date(rec, LIT_VAR_ISSUED);
	if (rc == LIT_OK) rc = bu_add_date(f, part ? "PARTDATE" : "DATE", iss, 0);
	const lit_date *acc = lit_record_date(rec, LIT_VAR_ACCESSED);
	if (rc == LIT_OK && acc && acc->year) {
		lit_buf b = LIT_BUF_INIT;
		lit_date_put_iso(&b, acc);
		rc = lit_buf_status(&b);
		if (rc == LIT_OK)
			A("URLDATE", lit_buf_cstr(&b), 0);
		lit_buf_free(&b);
	}

	if (rc == LIT_OK) rc = bu_add_pages(f, G(LIT_VAR_PAGE), 0);
	A("PAGES:TOTAL", G(LIT_VAR_NUMBER_OF_PAGES), 0);
	A("VOLUME", G(LIT_VAR_VOLUME), 0);
	A("ISSUE", G(LIT_VAR_ISSUE), 0);
	A("NUMBER", G(LIT_VAR_NUMBER), 0);
	A("EDITION", G(LIT_VAR_EDITION), 0);
	A("NUMVOLUMES", G(LIT_VAR_NUMBER_OF_VOLUMES), 0);

	if (t == LIT_TYPE_THESIS && mode != BIBL_ENDNOTEOUT) {
		A("DEGREEGRANTOR:ASIS", G(LIT_VAR_PUBLISHER), 0);
	} else {
		A("PUBLISHER", G(LIT_VAR_PUBLISHER), pl);
	}
	A("ADDRESS", G(LIT_VAR_PUBLISHER_PLACE), pl);

	A("DOI", G(LIT_VAR_DOI), 0);
	A("URL", G(LIT_VAR_URL), 0);
	/* always ISBN, never ISBN13: only the MODS writer knows ISBN13 */
	A("ISBN", G(LIT_VAR_ISBN), t == LIT_TYPE_CHAPTER ? 1 : 0);
	A("ISSN", G(LIT_VAR_ISSN), part ? 1 : 0);
	A("PMID", G(LIT_VAR_PMID), 0);
	A("PMC", G(LIT_VAR_PMCID), 0);
	A("CALLNUMBER", G(LIT_VAR_CALL_NUMBER), 0);
	A("LANGUAGE", G(LIT_VAR_LANGUAGE), 0);
	A("ABSTRACT", G(LIT_VAR_ABSTRACT), 0);
	A("NOTES", G(LIT_VAR_NOTE), 0);
	A("ANNOTE", G(LIT_VAR_ANNOTE), 0);
	if (rc == LIT_OK) rc = bu_add_keywords(f, G(LIT_VAR_KEYWORD));
	if (rc == LIT_OK) rc = bu_add_hints(f, t, rec, mode);
#undef A
#undef G
	if (rc != LIT_OK) {
		fields_delete(f);
		return rc;
	}
	*out = f;
	return LIT_OK;
}

/* ------------------------------------------------------------------
 * Writing
 * ---------------------------------------------------------------- */

/* Bytes bibl_write's character conversion would do for our UTF-8 data
 * (entities for XML writers), applied to our own fresh copy. */
static int bu_convert_out(fields *f, const param *p)
{
	for (int i = 0; i < f->n; i++) {
		str *v = (str *)fields_value(f, i, FIELDS_STRP_NOUSE);
		if (!str_convert(v, BIBL_CHARSET_UNICODE, 0, 1, 0,
		                 p->charsetout, 0, p->utf8out, p->xmlout))
			return LIT_ENOMEM;
	}
	return LIT_OK;
}

/* Initials of a given name ("Мария Викторовна" -> "МВ"), whole code points. */
static void bu_put_initials(lit_buf *b, const char *given)
{
	size_t n = given ? strlen(given) : 0, i = 0;
	int at_start = 1;
	while (i < n) {
		size_t adv = 1;
		int32_t cp = lit_utf8_decode(given + i, n - i, &adv);
		if (cp < 0) {
			i += adv;
			continue;
		}
		if (cp == ' ' || cp == '-' || cp == '.') {
			at_start = 1;
		} else if (at_start && lit_cp_is_letter((uint32_t)cp)) {
			lit_buf_put_cp(b, lit_cp_toupper((uint32_t)cp));
			at_start = 0;
		} else {
			at_start = 0;
		}
		i += adv;
	}
}

/*
 * The ISI and NBIB writers of bibutils make initials from the first BYTE
 * of each given name, which cuts Cyrillic letters in half (invalid UTF-8).
 * Rebuild such "AU" lines from our own names (ISI) or from the full name
 * on the preceding "FAU" line (NBIB); drop any other invalid byte.  NBIB
 * records without a PMID get an empty "PMID-" line, without which no NBIB
 * reader sees where they start.
 */
static void bu_fix_output(lit_buf *out, const char *s, size_t n,
                          const lit_records *records, int mode)
{
	size_t rec = 0, author = 0;
	int in_au = 0, at_start = 1;
	const char *fau = NULL;
	size_t faulen = 0;
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) + 1 : n;
		const char *line = s + i;
		size_t len = e - i;
		int valid = lit_utf8_valid(line, len, NULL);
		int blank = 1;
		for (size_t k = 0; k < len; k++)
			if (!isspace((unsigned char)line[k]))
				blank = 0;
		/* NBIB readers (bibutils' too) start a record only at "PMID-":
		 * the writer omits the line when there is no PMID */
		if (mode == BIBL_NBIBOUT && at_start && !blank && !(len >= 5 && !memcmp(line, "PMID-", 5)))
			lit_buf_puts(out, "PMID- \n");
		if (!blank)
			at_start = 0;
		else
			at_start = 1;
		if (mode == BIBL_NBIBOUT && len > 6 && !memcmp(line, "FAU - ", 6)) {
			fau = line + 6;
			faulen = len - 6;
		}
		if (mode == BIBL_ISIOUT && len >= 2 && !memcmp(line, "ER", 2) &&
		    (len == 2 || line[2] == '\n' || line[2] == '\r' || line[2] == ' ')) {
			rec++;
			author = 0;
		}
		int fixed = 0;
		/* ISI continues a tag on lines starting with three spaces */
		if (mode == BIBL_ISIOUT && len > 3 && memcmp(line, "   ", 3) != 0)
			in_au = !memcmp(line, "AU ", 3);
		if (mode == BIBL_ISIOUT && len > 3 && in_au) {
			const lit_record *r = lit_records_at(records, rec);
			const lit_name *nm = r ? lit_record_name(r, LIT_VAR_AUTHOR, author) : NULL;
			author++;
			if (!valid && nm && nm->family) {
				lit_buf_put(out, line, 3);
				lit_buf_puts(out, nm->family);
				if (nm->given) {
					lit_buf_puts(out, ", ");
					bu_put_initials(out, nm->given);
				}
				lit_buf_putc(out, '\n');
				fixed = 1;
			}
		} else if (mode == BIBL_NBIBOUT && !valid && len > 6 && !memcmp(line, "AU  - ", 6) && fau) {
			/* "FAU - Family, Given Names" -> "AU  - Family GN" */
			const char *comma = memchr(fau, ',', faulen);
			size_t fl = comma ? (size_t)(comma - fau) : faulen;
			while (fl && (fau[fl - 1] == '\n' || fau[fl - 1] == '\r'))
				fl--;
			lit_buf_puts(out, "AU  - ");
			lit_buf_put(out, fau, fl);
			if (comma) {
				char *given = strndup(comma + 1, faulen - fl - 1);
				if (given) {
					lit_buf_putc(out, ' ');
					bu_put_initials(out, given);
					free(given);
				}
			}
			lit_buf_putc(out, '\n');
			fixed = 1;
		}
		if (!fixed) {
			if (valid) {
				lit_buf_put(out, line, len);
			} else {
				size_t k = 0;
				while (k < len) {
					size_t adv = 1;
					if (lit_utf8_decode(line + k, len - k, &adv) >= 0)
						lit_buf_put(out, line + k, adv);
					k += adv;
				}
			}
		}
		i = e;
	}
}

static void bu_xml_escape(lit_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': lit_buf_puts(b, "&amp;"); break;
		case '<': lit_buf_puts(b, "&lt;"); break;
		case '>': lit_buf_puts(b, "&gt;"); break;
		case '"': lit_buf_puts(b, "&quot;"); break;
		default: lit_buf_putc(b, *s); break;
		}
	}
}

static void bu_put_replaced(lit_buf *out, const char *s, size_t n, const char *from, const char *to)
{
	size_t fl = strlen(from);
	size_t i = 0;
	while (i < n) {
		if (n - i >= fl && !memcmp(s + i, from, fl)) {
			lit_buf_puts(out, to);
			i += fl;
		} else {
			lit_buf_putc(out, s[i++]);
		}
	}
}

/*
 * bibutils' Word 2007 writer types journal articles as
 * ArticleInAPeriodical, writes theses as plain reports, and writes neither
 * the ISBN nor the DOI: fix each <b:Source> (they come in record order).
 */
static void bu_fix_word(lit_buf *out, const char *s, size_t n, const lit_records *records)
{
	static const char close[] = "</b:Source>";
	size_t i = 0, rec = 0;
	while (i < n) {
		const char *open = bu_find_open(s + i, s + n, "b:Source");
		const char *end = open ? bu_find_close(open, s + n, "b:Source") : NULL;
		if (!open || !end) {
			lit_buf_put(out, s + i, n - i);
			return;
		}
		lit_buf_put(out, s + i, (size_t)(open - (s + i)));
		const lit_record *r = lit_records_at(records, rec++);
		size_t blen = (size_t)(end - open);
		if (r && lit_record_type(r) == LIT_TYPE_ARTICLE_JOURNAL) {
			lit_buf tmp = LIT_BUF_INIT;
			bu_put_replaced(&tmp, open, blen, "<b:SourceType>ArticleInAPeriodical</b:SourceType>",
			                "<b:SourceType>JournalArticle</b:SourceType>");
			bu_put_replaced(out, lit_buf_cstr(&tmp), tmp.len, "b:PeriodicalTitle>", "b:JournalName>");
			lit_buf_free(&tmp);
		} else {
			lit_buf_put(out, open, blen);
		}
		const char *isbn = r ? lit_record_get(r, LIT_VAR_ISBN) : NULL;
		const char *doi = r ? lit_record_get(r, LIT_VAR_DOI) : NULL;
		if (isbn && !bu_find_open(open, end, "b:StandardNumber")) {
			lit_buf_puts(out, "<b:StandardNumber>");
			bu_xml_escape(out, isbn);
			lit_buf_puts(out, "</b:StandardNumber>\n");
		}
		if (r && lit_record_type(r) == LIT_TYPE_THESIS && !bu_find_open(open, end, "b:ThesisType")) {
			const char *g = lit_record_get(r, LIT_VAR_GENRE);
			lit_buf_puts(out, "<b:ThesisType>");
			bu_xml_escape(out, g ? g : "Thesis");
			lit_buf_puts(out, "</b:ThesisType>\n");
		}
		if (doi && !bu_find_open(open, end, "b:DOI")) {
			lit_buf_puts(out, "<b:DOI>");
			bu_xml_escape(out, doi);
			lit_buf_puts(out, "</b:DOI>\n");
		}
		lit_buf_puts(out, close);
		i = (size_t)(end - s) + sizeof close - 1;
	}
}

/* A person as EndNote writes it: "Family, Given, Suffix"; an
 * organisation with EndNote's trailing comma: "Name,". */
static void bu_put_refer_name(lit_buf *b, const lit_name *n)
{
	if (n->literal && !(n->family && *n->family)) {
		lit_buf_puts(b, n->literal);
		lit_buf_putc(b, ',');
		return;
	}
	if (n->dropping_particle) { lit_buf_puts(b, n->dropping_particle); lit_buf_putc(b, ' '); }
	if (n->non_dropping_particle) { lit_buf_puts(b, n->non_dropping_particle); lit_buf_putc(b, ' '); }
	if (n->family) lit_buf_puts(b, n->family);
	if (n->given) { lit_buf_puts(b, ", "); lit_buf_puts(b, n->given); }
	if (n->suffix) { lit_buf_puts(b, ", "); lit_buf_puts(b, n->suffix); }
}

/*
 * bibutils' EndNote writer loses the difference between people and
 * organisations and puts suffixes inside the family name ("King Jr.,
 * Martin"): rewrite the %A and %E lines that need it from our names.
 */
static void bu_fix_endnote(lit_buf *out, const char *s, size_t n, const lit_records *records)
{
	size_t i = 0, rec = 0, na = 0, ne = 0;
	int started = 0;
	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) + 1 : n;
		const char *line = s + i;
		size_t len = e - i;
		if (len >= 3 && !memcmp(line, "%0 ", 3)) {
			if (started)
				rec++;
			started = 1;
			na = ne = 0;
		}
		const lit_record *r = lit_records_at(records, rec);
		const lit_name *nm = NULL;
		if (r && len > 3 && line[0] == '%' && line[1] == 'A' && line[2] == ' ')
			nm = lit_record_name(r, LIT_VAR_AUTHOR, na++);
		else if (r && len > 3 && line[0] == '%' && line[1] == 'E' && line[2] == ' ')
			nm = lit_record_name(r, LIT_VAR_EDITOR, ne++);
		if (nm && ((nm->literal && !(nm->family && *nm->family)) || (nm->suffix && *nm->suffix))) {
			lit_buf_put(out, line, 3);
			bu_put_refer_name(out, nm);
			lit_buf_putc(out, '\n');
		} else {
			lit_buf_put(out, line, len);
		}
		i = e;
	}
}

/* MODS: bibutils writes no <etal/>; add one to each item whose authors
 * end in "and others" (right after its first </titleInfo>). */
static void bu_fix_mods(lit_buf *out, const char *s, size_t n, const lit_records *records)
{
	size_t i = 0, rec = 0;
	while (i < n) {
		const char *open = bu_find_open(s + i, s + n, "mods");
		const char *end = open ? bu_find_close(open, s + n, "mods") : NULL;
		if (!open || !end) {
			lit_buf_put(out, s + i, n - i);
			return;
		}
		const lit_record *r = lit_records_at(records, rec++);
		const char *ti = bu_find_close(open, end, "titleInfo");
		if (r && ti && lit_record_names_etal(r, LIT_VAR_AUTHOR)) {
			const char *after = ti + strlen("</titleInfo>");
			lit_buf_put(out, s + i, (size_t)(after - (s + i)));
			lit_buf_puts(out, "\n    <name>\n        <etal/>\n    </name>");
			i = (size_t)(after - s);
		} else {
			lit_buf_put(out, s + i, (size_t)(end - (s + i)));
			i = (size_t)(end - s);
		}
		lit_buf_put(out, s + i, 7); /* "</mods>" */
		i += 7;
	}
}

static int bu_write(lit_wctx *ctx, const lit_records *records, int mode)
{
	size_t count = lit_records_count(records);
	char **keys = lit_make_keys(records, ctx->opts->keep_ids);
	if (!keys && count)
		return lit_error_set(ctx->err, LIT_ENOMEM, NULL, 0, "out of memory");

	char *mem = NULL;
	size_t memlen = 0;
	FILE *fp = open_memstream(&mem, &memlen);
	if (!fp) {
		lit_keys_free(keys, count);
		return lit_error_set(ctx->err, LIT_ENOMEM, NULL, 0, "cannot open an output buffer");
	}

	int rc = LIT_OK;
	param p;
	memset(&p, 0, sizeof p);
	pthread_mutex_lock(&bu_lock);
	if (bibl_initparams(&p, BIBL_MODSIN, mode, BU_PROGNAME) != BIBL_OK) {
		rc = lit_error_set(ctx->err, LIT_ENOMEM, NULL, 0, "bibutils could not start its writer");
	} else {
		/* UTF-8 in and out, no BOM, no LaTeX, like bibl_write's own
		 * write parameters for internal data */
		p.readformat = BIBL_LASTIN + 1;
		p.charsetin = BIBL_CHARSET_UNICODE;
		p.charsetin_src = BIBL_SRC_DEFAULT;
		p.utf8in = 1;
		p.latexin = 0;
		p.xmlin = 0;
		p.charsetout = BIBL_CHARSET_UNICODE;
		p.charsetout_src = BIBL_SRC_USER;
		p.utf8out = 1;
		p.utf8bom = 0;
		p.latexout = 0;
		p.verbose = 0;
		p.singlerefperfile = 0;

		fields assembled;
		fields_init(&assembled);
		if (p.headerf)
			p.headerf(fp, &p);
		for (size_t i = 0; i < count && rc == LIT_OK; i++) {
			fields *f = NULL;
			/* a fresh record per write: bibutils changes what it writes */
			rc = bu_from_record(lit_records_at(records, i), keys[i], mode, &f);
			if (rc == LIT_OK)
				rc = bu_convert_out(f, &p);
			if (rc != LIT_OK) {
				if (f)
					fields_delete(f);
				lit_error_set(ctx->err, rc, NULL, 0, "out of memory");
				break;
			}
			fields *use = f;
			if (p.assemblef) {
				fields_free(&assembled);
				fields_init(&assembled);
				if (p.assemblef(f, &assembled, &p, (unsigned long)i) != BIBL_OK)
					rc = lit_error_set(ctx->err, LIT_ENOMEM, NULL, 0,
					                   "bibutils could not assemble record %zu", i + 1);
				use = &assembled;
			}
			if (rc == LIT_OK && p.writef(use, fp, &p, (unsigned long)i) != BIBL_OK)
				rc = lit_error_set(ctx->err, LIT_EIO, NULL, 0,
				                   "bibutils could not write record %zu", i + 1);
			fields_delete(f);
		}
		fields_free(&assembled);
		if (rc == LIT_OK && p.footerf)
			p.footerf(fp);
	}
	bibl_freeparams(&p);
	pthread_mutex_unlock(&bu_lock);

	if (fclose(fp) != 0 && rc == LIT_OK)
		rc = lit_error_set(ctx->err, LIT_ENOMEM, NULL, 0, "out of memory");
	if (rc == LIT_OK && mem) {
		const char *s = mem;
		size_t n = memlen;
		/* belt and braces: never emit a BOM */
		if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
		    (unsigned char)s[2] == 0xBF) {
			s += 3;
			n -= 3;
		}
		if (mode == BIBL_WORD2007OUT || mode == BIBL_ENDNOTEOUT || mode == BIBL_MODSOUT) {
			lit_buf tmp = LIT_BUF_INIT;
			bu_fix_output(&tmp, s, n, records, mode);
			if (lit_buf_status(&tmp) != LIT_OK)
				ctx->out->failed = 1;
			else if (mode == BIBL_WORD2007OUT)
				bu_fix_word(ctx->out, lit_buf_cstr(&tmp), tmp.len, records);
			else if (mode == BIBL_ENDNOTEOUT)
				bu_fix_endnote(ctx->out, lit_buf_cstr(&tmp), tmp.len, records);
			else
				bu_fix_mods(ctx->out, lit_buf_cstr(&tmp), tmp.len, records);
			lit_buf_free(&tmp);
		} else {
			bu_fix_output(ctx->out, s, n, records, mode);
		}
		rc = lit_buf_status(ctx->out);
		if (rc)
			lit_error_set(ctx->err, rc, NULL, 0, "output too large or out of memory");
	}
	free(mem);
	lit_keys_free(keys, count);
	return rc;
}

#define BU_WRITER(fn, MODE) \
	static int fn(lit_wctx *ctx, const lit_records *records) \
	{ \
		return bu_write(ctx, records, MODE); \
	}

BU_WRITER(bu_write_mods, BIBL_MODSOUT)
BU_WRITER(bu_write_endnote, BIBL_ENDNOTEOUT)
BU_WRITER(bu_write_isi, BIBL_ISIOUT)
BU_WRITER(bu_write_word, BIBL_WORD2007OUT)
BU_WRITER(bu_write_ads, BIBL_ADSABSOUT)
BU_WRITER(bu_write_nbib, BIBL_NBIBOUT)

/* ------------------------------------------------------------------
 * Detection (0-100 from content)
 * ---------------------------------------------------------------- */

/* Does `s` occur within the first `limit` bytes? */
static int bu_has(const char *d, size_t len, const char *s, size_t limit)
{
	size_t n = strlen(s);
	if (len > limit)
		len = limit;
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(d + i, s, n) == 0)
			return 1;
	return 0;
}

/* Number of lines (among the first 200) that start with `tag`. */
static int bu_lines_with(const char *d, size_t len, const char *tag)
{
	size_t n = strlen(tag);
	int count = 0, lines = 0;
	for (size_t i = 0; i < len && lines < 200; lines++) {
		if (len - i >= n && memcmp(d + i, tag, n) == 0)
			count++;
		const char *nl = memchr(d + i, '\n', len - i);
		if (!nl)
			break;
		i = (size_t)(nl - d) + 1;
	}
	return count;
}

/* Skip a BOM and leading white space. */
static const char *bu_skip_ws(const char *d, size_t *len)
{
	if (*len >= 3 && (unsigned char)d[0] == 0xEF && (unsigned char)d[1] == 0xBB &&
	    (unsigned char)d[2] == 0xBF) {
		d += 3;
		*len -= 3;
	}
	while (*len && isspace((unsigned char)*d)) {
		d++;
		(*len)--;
	}
	return d;
}

#define BU_SCAN (64 * 1024)

static int bu_detect_endnote(const char *data, size_t len)
{
	data = bu_skip_ws(data, &len);
	int zero = bu_lines_with(data, len, "%0 ");
	int tagged = bu_lines_with(data, len, "%A ") + bu_lines_with(data, len, "%T ") +
	             bu_lines_with(data, len, "%D ") + bu_lines_with(data, len, "%J ");
	if (len >= 3 && !memcmp(data, "%0 ", 3) && tagged)
		return 95;
	if (zero && tagged)
		return 85;
	if (tagged >= 2 && len && data[0] == '%')
		return 70;
	return 0;
}

static int bu_detect_endnotexml(const char *data, size_t len)
{
	if (bu_has(data, len, "<records>", BU_SCAN) && bu_has(data, len, "<record>", BU_SCAN)) {
		if (bu_has(data, len, "<xml>", BU_SCAN))
			return 95;
		if (bu_has(data, len, "<ref-type", BU_SCAN))
			return 90;
		return 60;
	}
	return 0;
}

static int bu_detect_mods(const char *data, size_t len)
{
	if (bu_has(data, len, "<modsCollection", BU_SCAN) || bu_has(data, len, "<mods ", BU_SCAN) ||
	    bu_has(data, len, "<mods>", BU_SCAN) || bu_has(data, len, "<mods:mods", BU_SCAN))
		return 95;
	return 0;
}

static int bu_detect_isi(const char *data, size_t len)
{
	data = bu_skip_ws(data, &len);
	int pt = bu_lines_with(data, len, "PT ");
	int er = bu_lines_with(data, len, "ER");
	if (len >= 3 && !memcmp(data, "FN ", 3) && (pt || bu_has(data, len, "\nVR ", 256)))
		return 95;
	if (len >= 3 && !memcmp(data, "PT ", 3) && er)
		return 90;
	if (pt && er && (bu_lines_with(data, len, "AU ") || bu_lines_with(data, len, "TI ")))
		return 75;
	return 0;
}

static int bu_detect_medline(const char *data, size_t len)
{
	if (bu_has(data, len, "<PubmedArticle", BU_SCAN))
		return 95;
	if (bu_has(data, len, "<MedlineCitation", BU_SCAN))
		return 90;
	return 0;
}

static int bu_detect_nbib(const char *data, size_t len)
{
	data = bu_skip_ws(data, &len);
	if (len >= 5 && !memcmp(data, "PMID-", 5))
		return 95;
	if (bu_lines_with(data, len, "PMID-") && bu_lines_with(data, len, "TI  - "))
		return 85;
	return 0;
}

static int bu_detect_word(const char *data, size_t len)
{
	if (bu_has(data, len, "<b:Sources", BU_SCAN))
		return 95;
	if (bu_has(data, len, "<b:Source>", BU_SCAN))
		return 80;
	return 0;
}

static int bu_detect_copac(const char *data, size_t len)
{
	data = bu_skip_ws(data, &len);
	int ti = bu_lines_with(data, len, "TI- ");
	int other = bu_lines_with(data, len, "AU- ") + bu_lines_with(data, len, "PU- ");
	if (ti && other)
		return len >= 4 && !memcmp(data, "TI- ", 4) ? 80 : 65;
	return 0;
}

/* ------------------------------------------------------------------
 * The format table rows
 * ---------------------------------------------------------------- */

const lit_format_def lit_format_endnote = {
	.info = { "endnote", "EndNote tagged (refer)", 1, 1 },
	.aliases = "enw refer end",
	.detect = bu_detect_endnote,
	.read = bu_read_endnote,
	.write_all = bu_write_endnote,
};

const lit_format_def lit_format_endnotexml = {
	.info = { "endnotexml", "EndNote XML", 1, 0 },
	.aliases = "endx endnote-xml",
	.detect = bu_detect_endnotexml,
	.read = bu_read_endnotexml,
};

const lit_format_def lit_format_mods = {
	.info = { "mods", "MODS XML", 1, 1 },
	.aliases = "modsxml",
	.detect = bu_detect_mods,
	.read = bu_read_mods,
	.write_all = bu_write_mods,
};

const lit_format_def lit_format_isi = {
	.info = { "isi", "ISI Web of Science", 1, 1 },
	.aliases = "wos",
	.detect = bu_detect_isi,
	.read = bu_read_isi,
	.write_all = bu_write_isi,
};

const lit_format_def lit_format_medline = {
	.info = { "medline", "Medline XML", 1, 0 },
	.aliases = "pubmedxml pubmed-xml",
	.detect = bu_detect_medline,
	.read = bu_read_medline,
};

const lit_format_def lit_format_nbib = {
	.info = { "nbib", "PubMed NBIB", 1, 1 },
	.aliases = "pubmed",
	.detect = bu_detect_nbib,
	.read = bu_read_nbib,
	.write_all = bu_write_nbib,
};

const lit_format_def lit_format_word = {
	.info = { "word", "Word 2007 bibliography XML", 1, 1 },
	.aliases = "word2007 wordbib",
	.detect = bu_detect_word,
	.read = bu_read_word,
	.write_all = bu_write_word,
};

/* bibutils has an ADS writer but no ADS reader. */
const lit_format_def lit_format_ads = {
	.info = { "ads", "ADS abstracts (tagged)", 0, 1 },
	.aliases = "adsabs",
	.write_all = bu_write_ads,
};

/* bibutils has a COPAC reader but no writer. */
const lit_format_def lit_format_copac = {
	.info = { "copac", "COPAC", 1, 0 },
	.aliases = NULL,
	.detect = bu_detect_copac,
	.read = bu_read_copac,
};
