/*
 * bibtex_read.c - the BibTeX/BibLaTeX reader.
 *
 * A hand-written, non-recursive parser (no bibutils, so no global state):
 * every read has its own @string table, which starts with the month
 * macros only and is discarded afterwards.  Parsing happens in two steps:
 *
 *   1. the text is cut into raw entries: type, key, the line of the '@',
 *      and fields whose values are already macro-expanded and
 *      #-concatenated but still LaTeX (braces kept);
 *   2. crossref inheritance is applied between raw entries (biblatex
 *      rules: a parent's title becomes the child's booktitle/journaltitle),
 *      then each entry is mapped to a lit_record: LaTeX to Unicode, names
 *      split, dates parsed, fields mapped to CSL variables.  Fields with
 *      no CSL variable are kept raw in custom entries "bibtex-FIELD", and
 *      an entry type that is not the default for its CSL type in
 *      "bibtex-type", so that the writers can give them back.
 *
 * When the text has no "crossref" at all, step 2 runs as soon as each
 * entry is read, so raw entries never pile up (a 10,000-entry file reads
 * in about 32 MB).
 *
 * The first syntax error stops the read: the message names the file and
 * line, LIT_EPARSE is returned, and the entries read before stay in `out`.
 * Invalid UTF-8 and NUL bytes are refused up front.  Pathological inputs
 * get a clear LIT_ELIMIT instead of time or memory: @string expansion is
 * bounded (4x the input + 16 MB), as are fields per entry (1000) and names
 * per list (20000).  Nothing recurses, so brace depth is unbounded.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "io/bibtex.h"
#include "io/latex.h"
#include "util/date.h"
#include "util/names.h"
#include "util/utf8.h"

/* Real entries have a few dozen fields; the bound keeps the per-entry
 * duplicate check and the mapping linear in practice. */
#define MAX_FIELDS 1000

typedef struct bfield {
	char *name;   /* lower case */
	char *value;  /* raw LaTeX */
	size_t len;
} bfield;

typedef struct bentry {
	char *type;   /* lower case */
	char *key;
	long line;
	bfield *f;
	size_t nf, cap;
} bentry;

typedef struct macro {
	char *name;   /* lower case; NULL = empty slot */
	char *value;
	size_t len;
} macro;

typedef struct reader {
	const char *s;
	size_t len, i;
	long line;
	const char *file;
	lit_error *err;
	macro *mt;        /* open-addressing hash table of @string macros */
	size_t mcap, mcount;
	bentry *e;
	size_t ne, ecap;
	lit_buf val;      /* value being assembled */
	size_t ncommands; /* @string, @comment, @preamble seen */
	lit_records *stream; /* set when entries are mapped as they are read */
	size_t expanded;     /* bytes produced by @string expansion so far */
	size_t nstreamed;
	int status;
} reader;

/* ------------------------------------------------------------------ */
/* macros                                                              */

static size_t hash_str(const char *s, size_t n)
{
	size_t h = 1469598103934665603ULL & (size_t)-1;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static macro *macro_find(reader *r, const char *name, size_t n)
{
	if (!r->mcap)
		return NULL;
	size_t h = hash_str(name, n) & (r->mcap - 1);
	while (r->mt[h].name) {
		if (strlen(r->mt[h].name) == n && memcmp(r->mt[h].name, name, n) == 0)
			return &r->mt[h];
		h = (h + 1) & (r->mcap - 1);
	}
	return NULL;
}

static int macro_set(reader *r, const char *name, size_t n, const char *value, size_t vlen)
{
	macro *m = macro_find(r, name, n);
	char *v = malloc(vlen + 1);
	if (!v)
		return LIT_ENOMEM;
	memcpy(v, value, vlen);
	v[vlen] = 0;
	if (m) {
		free(m->value);
		m->value = v;
		m->len = vlen;
		return LIT_OK;
	}
	if ((r->mcount + 1) * 2 > r->mcap) {
		size_t ncap = r->mcap ? r->mcap * 2 : 64;
		macro *nt = calloc(ncap, sizeof *nt);
		if (!nt) {
			free(v);
			return LIT_ENOMEM;
		}
		for (size_t i = 0; i < r->mcap; i++) {
			if (!r->mt[i].name)
				continue;
			size_t h = hash_str(r->mt[i].name, strlen(r->mt[i].name)) & (ncap - 1);
			while (nt[h].name)
				h = (h + 1) & (ncap - 1);
			nt[h] = r->mt[i];
		}
		free(r->mt);
		r->mt = nt;
		r->mcap = ncap;
	}
	char *k = malloc(n + 1);
	if (!k) {
		free(v);
		return LIT_ENOMEM;
	}
	memcpy(k, name, n);
	k[n] = 0;
	size_t h = hash_str(name, n) & (r->mcap - 1);
	while (r->mt[h].name)
		h = (h + 1) & (r->mcap - 1);
	r->mt[h].name = k;
	r->mt[h].value = v;
	r->mt[h].len = vlen;
	r->mcount++;
	return LIT_OK;
}

static const char *const month_macros[12][2] = {
	{ "jan", "January" }, { "feb", "February" }, { "mar", "March" },
	{ "apr", "April" }, { "may", "May" }, { "jun", "June" },
	{ "jul", "July" }, { "aug", "August" }, { "sep", "September" },
	{ "oct", "October" }, { "nov", "November" }, { "dec", "December" },
};

/* ------------------------------------------------------------------ */
/* scanning                                                            */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(reader *r, long line, const char *fmt, ...)
{
	if (r->status == LIT_OK) {
		char msg[400];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		r->status = LIT_EPARSE;
		lit_error_set(r->err, LIT_EPARSE, r->file, line, "%s", msg);
	}
	return LIT_EPARSE;
}

static int oom(reader *r)
{
	if (r->status == LIT_OK) {
		r->status = LIT_ENOMEM;
		lit_error_set(r->err, LIT_ENOMEM, r->file, r->line, "out of memory");
	}
	return LIT_ENOMEM;
}

static void skip_ws(reader *r)
{
	while (r->i < r->len) {
		char c = r->s[r->i];
		if (c == '\n')
			r->line++;
		else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
			break;
		r->i++;
	}
}

static int ident_char(unsigned char c)
{
	/* BibTeX allows most printable characters in names; exclude the
	 * syntax characters */
	return c > ' ' && c != '{' && c != '}' && c != '(' && c != ')' && c != ',' &&
	       c != '=' && c != '"' && c != '#' && c != '%' && c != '@' && c != '\'' && c != 0x7F;
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

/* Largest length <= n that does not cut a UTF-8 sequence of s. */
static size_t utf8_cut(const char *s, size_t len, size_t n)
{
	if (n >= len)
		return len;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = 0;
	}
	return p;
}

/* Scan a {..} value at r->i (the '{'); append its contents to r->val.
 * Braces are counted as BibTeX does, escaped or not. */
static int scan_braced(reader *r, long entry_line, const char *field)
{
	size_t depth = 0, b = r->i + 1;
	const char *s = r->s;
	for (size_t i = r->i; i < r->len; i++) {
		char c = s[i];
		if (c == '{') {
			depth++;
		} else if (c == '}') {
			if (--depth == 0) {
				lit_buf_put(&r->val, s + b, i - b);
				r->i = i + 1;
				return LIT_OK;
			}
		} else if (c == '\n') {
			r->line++;
		}
	}
	r->i = r->len;
	(void)field;
	return fail(r, entry_line, "unterminated entry: unbalanced braces in field '%s'", field);
}

/* Is s[i] preceded by an odd number of backslashes (after `from`)? */
static int odd_backslashes(const char *s, size_t from, size_t i)
{
	size_t n = 0;
	while (i > from && s[i - 1] == '\\') {
		n++;
		i--;
	}
	return (int)(n & 1);
}

static int scan_quoted(reader *r, long entry_line, const char *field)
{
	size_t depth = 0, b = r->i + 1;
	const char *s = r->s;
	for (size_t i = r->i + 1; i < r->len; i++) {
		char c = s[i];
		if (c == '{') {
			depth++;
		} else if (c == '}') {
			if (depth == 0)
				return fail(r, r->line, "unbalanced '}' in quoted field '%s'", field);
			depth--;
		} else if (c == '"' && depth == 0 && !odd_backslashes(s, b, i)) {
			/* (\" is taken as the umlaut, although BibTeX itself would end
			 * the value there: hand-written files often have "G\"odel") */
			lit_buf_put(&r->val, s + b, i - b);
			r->i = i + 1;
			return LIT_OK;
		} else if (c == '\n') {
			r->line++;
		}
	}
	r->i = r->len;
	return fail(r, entry_line, "unterminated entry: unclosed quote in field '%s'", field);
}

/* value = part ('#' part)*; the result is left in r->val. */
static int scan_value(reader *r, long entry_line, const char *field)
{
	lit_buf_clear(&r->val);
	for (;;) {
		skip_ws(r);
		if (r->i >= r->len)
			return fail(r, entry_line, "unterminated entry: missing value of field '%s'", field);
		unsigned char c = (unsigned char)r->s[r->i];
		int rc = LIT_OK;
		if (c == '{') {
			rc = scan_braced(r, entry_line, field);
		} else if (c == '"') {
			rc = scan_quoted(r, entry_line, field);
		} else if (c >= '0' && c <= '9') {
			size_t b = r->i;
			while (r->i < r->len && r->s[r->i] >= '0' && r->s[r->i] <= '9')
				r->i++;
			lit_buf_put(&r->val, r->s + b, r->i - b);
		} else if (ident_char(c)) {
			size_t b = r->i;
			while (r->i < r->len && ident_char((unsigned char)r->s[r->i]))
				r->i++;
			size_t n = r->i - b;
			char name[64];
			const macro *m = NULL;
			const char *month = NULL;
			if (n < sizeof name) {
				for (size_t k = 0; k < n; k++)
					name[k] = (char)tolower((unsigned char)r->s[b + k]);
				name[n] = 0;
				m = macro_find(r, name, n);
				if (!m)
					for (int k = 0; k < 12; k++)
						if (strcmp(month_macros[k][0], name) == 0)
							month = month_macros[k][1];
			}
			if (m) {
				/* @string values may reference each other, so a few
				 * lines can expand to gigabytes: bound the total */
				r->expanded += m->len;
				if (r->expanded > 4 * r->len + ((size_t)16 << 20)) {
					fail(r, r->line, "@string expansion too large (macro '%s')", name);
					r->status = LIT_ELIMIT;
					if (r->err)
						r->err->code = LIT_ELIMIT;
					return LIT_ELIMIT;
				}
				lit_buf_put(&r->val, m->value, m->len);
			}
			else if (month)
				lit_buf_puts(&r->val, month);
			else /* undefined macro: keep its name (BibTeX warns) */
				lit_buf_put(&r->val, r->s + b, n);
		} else {
			return fail(r, r->line, "expected a value for field '%s'", field);
		}
		if (rc)
			return rc;
		if (lit_buf_status(&r->val))
			return oom(r);
		skip_ws(r);
		if (r->i < r->len && r->s[r->i] == '#') {
			r->i++;
			continue;
		}
		return LIT_OK;
	}
}

/* Skip a balanced body after @comment{ / @preamble{ (r->i just past the opener). */
static int skip_body(reader *r, char close, long entry_line, const char *what)
{
	size_t depth = 0;
	for (; r->i < r->len; r->i++) {
		char c = r->s[r->i];
		if (c == '\n')
			r->line++;
		else if (c == '{')
			depth++;
		else if (c == '}' && depth > 0)
			depth--;
		else if (c == close && depth == 0) {
			r->i++;
			return LIT_OK;
		}
	}
	return fail(r, entry_line, "unterminated @%s", what);
}

static int entry_add_field(reader *r, bentry *e, const char *name, size_t n)
{
	char lname[128];
	n = utf8_cut(name, n, sizeof lname - 1);
	memcpy(lname, name, n);
	lname[n] = 0;
	lower(lname);
	for (size_t k = 0; k < e->nf; k++)
		if (e->f[k].name[0] == lname[0] && strcmp(e->f[k].name, lname) == 0)
			return LIT_OK; /* duplicate field: the first one wins */
	if (e->nf >= MAX_FIELDS) {
		fail(r, r->line, "entry has more than %d fields", MAX_FIELDS);
		r->status = LIT_ELIMIT;
		if (r->err)
			r->err->code = LIT_ELIMIT;
		return LIT_ELIMIT;
	}
	if (e->nf == e->cap) {
		size_t ncap = e->cap ? e->cap * 2 : 16;
		bfield *nf = realloc(e->f, ncap * sizeof *nf);
		if (!nf)
			return oom(r);
		e->f = nf;
		e->cap = ncap;
	}
	bfield *f = &e->f[e->nf];
	f->name = dup_n(lname, strlen(lname));
	f->value = dup_n(r->val.ptr ? r->val.ptr : "", r->val.len);
	f->len = r->val.len;
	if (!f->name || !f->value) {
		free(f->name);
		free(f->value);
		return oom(r);
	}
	e->nf++;
	return LIT_OK;
}

static void entry_free(bentry *e)
{
	for (size_t k = 0; k < e->nf; k++) {
		free(e->f[k].name);
		free(e->f[k].value);
	}
	free(e->f);
	free(e->type);
	free(e->key);
}

/* Fields of an entry or @string, up to the closing delimiter. */
static int scan_fields(reader *r, bentry *e, char close, long entry_line, int is_string)
{
	for (;;) {
		skip_ws(r);
		if (r->i >= r->len)
			return fail(r, entry_line, "unterminated entry (missing '%c')", close);
		char c = r->s[r->i];
		if (c == close) {
			r->i++;
			return LIT_OK;
		}
		if (c == ',') {
			r->i++;
			continue;
		}
		if (c == '@')
			return fail(r, entry_line, "unterminated entry (missing '%c' before the next '@')",
			            close);
		size_t b = r->i;
		while (r->i < r->len && ident_char((unsigned char)r->s[r->i]))
			r->i++;
		size_t n = r->i - b;
		if (n == 0)
			return ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7F)
			       ? fail(r, r->line, "unexpected byte 0x%02X in entry", (unsigned char)c)
			       : fail(r, r->line, "unexpected character '%c' in entry", c);
		char fname[128];
		size_t fn = utf8_cut(r->s + b, n, sizeof fname - 1);
		memcpy(fname, r->s + b, fn);
		fname[fn] = 0;
		skip_ws(r);
		if (r->i >= r->len || r->s[r->i] != '=')
			return fail(r, r->i >= r->len ? entry_line : r->line,
			            "expected '=' after field name '%s'", fname);
		r->i++;
		int rc = scan_value(r, entry_line, fname);
		if (rc)
			return rc;
		if (is_string) {
			lower(fname);
			if (macro_set(r, fname, strlen(fname), r->val.ptr ? r->val.ptr : "", r->val.len))
				return oom(r);
		} else if (entry_add_field(r, e, fname, fn)) {
			return r->status;
		}
		skip_ws(r);
		if (r->i < r->len && r->s[r->i] == '@')
			return fail(r, entry_line, "unterminated entry (missing '%c' before the next '@')",
			            close);
		if (r->i < r->len && r->s[r->i] != ',' && r->s[r->i] != close)
			return fail(r, r->line, "expected ',' or '%c' after field '%s'", close, fname);
	}
}

static int known_command(const char *name)
{
	return lit_bibtex_type_find(name) || strcmp(name, "string") == 0 ||
	       strcmp(name, "preamble") == 0 || strcmp(name, "comment") == 0;
}

static int convert(reader *r, const bentry *e, lit_records *out);

static void scan(reader *r)
{
	while (r->i < r->len && r->status == LIT_OK) {
		const char *at = memchr(r->s + r->i, '@', r->len - r->i);
		size_t stop = at ? (size_t)(at - r->s) : r->len;
		for (const char *p = r->s + r->i; (p = memchr(p, '\n', (size_t)(r->s + stop - p))); p++)
			r->line++;
		r->i = stop;
		if (!at)
			break;
		long line = r->line;
		r->i++;
		skip_ws(r);
		size_t b = r->i;
		while (r->i < r->len && ident_char((unsigned char)r->s[r->i]))
			r->i++;
		size_t n = r->i - b;
		if (n == 0 || n > 64)
			continue; /* an '@' in comment text */
		char type[72];
		memcpy(type, r->s + b, n);
		type[n] = 0;
		lower(type);
		skip_ws(r);
		if (r->i >= r->len || (r->s[r->i] != '{' && r->s[r->i] != '(')) {
			if (known_command(type)) {
				fail(r, line, "expected '{' after @%s", type);
				return;
			}
			continue;
		}
		char close = r->s[r->i] == '{' ? '}' : ')';
		r->i++;
		if (strcmp(type, "comment") == 0 || strcmp(type, "preamble") == 0 ||
		    strcmp(type, "string") == 0)
			r->ncommands++;
		if (strcmp(type, "comment") == 0 || strcmp(type, "preamble") == 0) {
			skip_body(r, close, line, type);
			continue;
		}
		if (strcmp(type, "string") == 0) {
			scan_fields(r, NULL, close, line, 1);
			continue;
		}
		/* an entry: key, then fields */
		bentry e;
		memset(&e, 0, sizeof e);
		e.line = line;
		skip_ws(r);
		size_t kb = r->i;
		while (r->i < r->len && r->s[r->i] != ',' && r->s[r->i] != close &&
		       r->s[r->i] != '\n' && r->s[r->i] != '\r' && r->s[r->i] != ' ' &&
		       r->s[r->i] != '\t' && r->s[r->i] != '=' && r->s[r->i] != '{' && r->s[r->i] != '}')
			r->i++;
		size_t ke = r->i;
		skip_ws(r);
		if (r->i < r->len && r->s[r->i] == '=') {
			r->i = kb; /* no key: the body starts with a field */
			ke = kb;
		}
		e.type = dup_n(type, n);
		e.key = dup_n(r->s + kb, ke - kb);
		if (!e.type || !e.key) {
			entry_free(&e);
			oom(r);
			return;
		}
		if (scan_fields(r, &e, close, line, 0)) {
			entry_free(&e);
			return;
		}
		if (r->stream) {
			/* no crossref anywhere: map at once, keep no raw entries */
			r->nstreamed++;
			int rc = strcmp(e.type, "xdata") ? convert(r, &e, r->stream) : LIT_OK;
			entry_free(&e);
			if (rc) {
				oom(r);
				return;
			}
			continue;
		}
		if (r->ne == r->ecap) {
			size_t ncap = r->ecap ? r->ecap * 2 : 64;
			bentry *ne = realloc(r->e, ncap * sizeof *ne);
			if (!ne) {
				entry_free(&e);
				oom(r);
				return;
			}
			r->e = ne;
			r->ecap = ncap;
		}
		r->e[r->ne++] = e;
	}
}

/* ------------------------------------------------------------------ */
/* crossref                                                            */

static bfield *entry_get(const bentry *e, const char *name)
{
	for (size_t k = 0; k < e->nf; k++)
		if (strcmp(e->f[k].name, name) == 0)
			return &e->f[k];
	return NULL;
}

static int copy_field(reader *r, bentry *child, const char *name, const bfield *src)
{
	if (!src || entry_get(child, name))
		return LIT_OK;
	lit_buf_clear(&r->val);
	lit_buf_put(&r->val, src->value, src->len);
	return entry_add_field(r, child, name, strlen(name));
}

static int type_in(const char *t, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(t, *list) == 0)
			return 1;
	return 0;
}

/* biblatex's default inheritance (biblatex manual, appendix B). */
static int inherit(reader *r, bentry *child, const bentry *parent)
{
	static const char *const books[] = { "book", "mvbook", NULL };
	static const char *const in_books[] = { "inbook", "bookinbook", "suppbook", NULL };
	static const char *const colls[] = { "collection", "mvcollection", "reference",
	                                     "mvreference", NULL };
	static const char *const in_colls[] = { "incollection", "suppcollection", "inreference", NULL };
	static const char *const procs[] = { "proceedings", "mvproceedings", NULL };
	static const char *const in_procs[] = { "inproceedings", "conference", NULL };
	static const char *const periodicals[] = { "periodical", NULL };
	static const char *const in_periodicals[] = { "article", "suppperiodical", NULL };
	static const char *const never[] = { "ids", "crossref", "xref", "entryset", "entrysubtype",
	                                     "execute", "label", "options", "presort", "related",
	                                     "relatedoptions", "relatedstring", "relatedtype",
	                                     "shorthand", "shorthandintro", "sortkey", "key", NULL };
	static const char *const titles[] = { "title", "subtitle", "titleaddon", "shorttitle",
	                                      "sorttitle", "indextitle", "indexsorttitle", NULL };
	const char *pt = parent->type, *ct = child->type;
	const char *to = NULL; /* what the parent's title becomes */
	if ((type_in(pt, books) && type_in(ct, in_books)) ||
	    (type_in(pt, colls) && type_in(ct, in_colls)) ||
	    (type_in(pt, procs) && type_in(ct, in_procs)))
		to = "book";
	else if (type_in(pt, periodicals) && type_in(ct, in_periodicals))
		to = "journal";
	else if (strcmp(pt, "mvbook") == 0 || strcmp(pt, "mvcollection") == 0 ||
	         strcmp(pt, "mvproceedings") == 0 || strcmp(pt, "mvreference") == 0)
		to = "main";
	int rc = LIT_OK;
	if (to) {
		char name[32];
		static const char *const parts[] = { "title", "subtitle", "titleaddon" };
		for (int k = 0; k < 3 && !rc; k++) {
			/* title -> booktitle, subtitle -> booksubtitle, ... */
			snprintf(name, sizeof name, "%s%s", to, parts[k]);
			if (strcmp(to, "journal") == 0 && k == 0)
				snprintf(name, sizeof name, "journaltitle");
			if (strcmp(to, "journal") == 0 && k == 0 && entry_get(child, "journal"))
				continue;
			rc = copy_field(r, child, name, entry_get(parent, parts[k]));
		}
		if (!rc && strcmp(to, "book") == 0 && type_in(pt, books))
			rc = copy_field(r, child, "bookauthor", entry_get(parent, "author"));
	}
	for (size_t k = 0; k < parent->nf && !rc; k++) {
		const char *fn = parent->f[k].name;
		if (type_in(fn, never) || (to && type_in(fn, titles)))
			continue;
		if (strcmp(fn, "journal") == 0 && entry_get(child, "journaltitle"))
			continue;
		if (strcmp(fn, "journaltitle") == 0 && entry_get(child, "journal"))
			continue;
		rc = copy_field(r, child, fn, &parent->f[k]);
	}
	return rc;
}

static int is_ws_c(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static int resolve_crossrefs(reader *r)
{
	int any = 0;
	for (size_t k = 0; k < r->ne && !any; k++)
		any = entry_get(&r->e[k], "crossref") != NULL;
	if (!any)
		return LIT_OK;
	/* index of lower-cased keys (BibTeX compares keys without case);
	 * kept apart from the macro table, which it temporarily replaces */
	macro *saved = r->mt;
	size_t scap = r->mcap, scount = r->mcount;
	r->mt = NULL;
	r->mcap = r->mcount = 0;
	int rc = LIT_OK;
	for (size_t k = 0; k < r->ne && !rc; k++) {
		char *key = dup_n(r->e[k].key, strlen(r->e[k].key));
		char idx[32];
		if (!key) {
			rc = oom(r);
			break;
		}
		lower(key);
		if (!macro_find(r, key, strlen(key))) {
			snprintf(idx, sizeof idx, "%zu", k);
			if (macro_set(r, key, strlen(key), idx, strlen(idx)))
				rc = oom(r);
		}
		free(key);
	}
	for (size_t k = 0; k < r->ne && !rc; k++) {
		bfield *cr = entry_get(&r->e[k], "crossref");
		if (!cr)
			continue;
		const char *kv = cr->value;
		size_t kn = cr->len;
		while (kn && is_ws_c(*kv)) {
			kv++;
			kn--;
		}
		while (kn && is_ws_c(kv[kn - 1]))
			kn--;
		char *key = dup_n(kv, kn);
		if (!key) {
			rc = oom(r);
			break;
		}
		lower(key);
		const macro *m = macro_find(r, key, strlen(key));
		free(key);
		if (!m)
			continue;
		size_t j = (size_t)strtoul(m->value, NULL, 10);
		if (j != k && j < r->ne)
			rc = inherit(r, &r->e[k], &r->e[j]);
	}
	for (size_t k = 0; k < r->mcap; k++) {
		free(r->mt[k].name);
		free(r->mt[k].value);
	}
	free(r->mt);
	r->mt = saved;
	r->mcap = scap;
	r->mcount = scount;
	return rc;
}

/* ------------------------------------------------------------------ */
/* entries to records                                                  */

typedef struct conv {
	reader *r;
	const bentry *e;
	lit_record *rec;
	unsigned char *used;  /* per field */
	lit_buf tmp;
	int rc;
} conv;

static const bfield *cfield(conv *c, const char *name, size_t *index)
{
	for (size_t k = 0; k < c->e->nf; k++)
		if (c->e->f[k].name[0] == name[0] && strcmp(c->e->f[k].name, name) == 0) {
			if (index)
				*index = k;
			return &c->e->f[k];
		}
	return NULL;
}

static void mark(conv *c, const char *name)
{
	size_t k;
	if (cfield(c, name, &k))
		c->used[k] = 1;
}

/* Decoded value of a field in c->tmp (valid until the next call); NULL
 * when the field is absent or empty. Does not mark it used. */
static const char *decoded(conv *c, const char *name, unsigned flags)
{
	const bfield *f = cfield(c, name, NULL);
	if (!f)
		return NULL;
	lit_buf_clear(&c->tmp);
	if (lit_latex_decode(f->value, f->len, flags, &c->tmp)) {
		c->rc = LIT_ENOMEM;
		return NULL;
	}
	return c->tmp.len ? lit_buf_cstr(&c->tmp) : NULL;
}

static void setv(conv *c, lit_var var, const char *value)
{
	if (value && *value && lit_record_set(c->rec, var, value) == LIT_ENOMEM)
		c->rc = LIT_ENOMEM;
}

/* Map field `name` to `var` unless var is set already (an alias came first). */
static void map_text(conv *c, const char *name, lit_var var, unsigned flags)
{
	if (lit_record_get(c->rec, var) || !cfield(c, name, NULL))
		return;
	const char *v = decoded(c, name, flags);
	mark(c, name);
	setv(c, var, v);
}

/* Title plus subtitle: "Title: Subtitle". */
static void map_title(conv *c, const char *tfield, const char *sfield, lit_var var)
{
	if (lit_record_get(c->rec, var) || !cfield(c, tfield, NULL))
		return;
	const char *t = decoded(c, tfield, 0);
	mark(c, tfield);
	if (!t)
		return;
	char *title = dup_n(t, strlen(t));
	if (!title) {
		c->rc = LIT_ENOMEM;
		return;
	}
	const char *sub = sfield ? decoded(c, sfield, 0) : NULL;
	if (sub) {
		mark(c, sfield);
		lit_buf b = LIT_BUF_INIT;
		size_t n = strlen(title);
		lit_buf_puts(&b, title);
		if (n && strchr("?!:", title[n - 1]))
			lit_buf_putc(&b, ' ');
		else
			lit_buf_puts(&b, ": ");
		lit_buf_puts(&b, sub);
		setv(c, var, lit_buf_cstr(&b));
		if (lit_buf_status(&b))
			c->rc = LIT_ENOMEM;
		lit_buf_free(&b);
	} else {
		setv(c, var, title);
	}
	free(title);
}


static void add_one_name(conv *c, lit_var var, const char *s, size_t n, int last)
{
	while (n && is_ws_c(*s)) {
		s++;
		n--;
	}
	while (n && is_ws_c(s[n - 1]))
		n--;
	if (!n)
		return;
	if (last && ((n == 6 && strncasecmp(s, "others", 6) == 0) ||
	             (n == 8 && strncasecmp(s, "{others}", 8) == 0))) {
		lit_record_set_names_etal(c->rec, var, 1);
		return;
	}
	lit_buf_clear(&c->tmp);
	if (lit_latex_decode(s, n, LIT_LATEX_KEEP_BRACES, &c->tmp)) {
		c->rc = LIT_ENOMEM;
		return;
	}
	lit_owned_name name;
	int rc = lit_name_split(c->tmp.ptr ? c->tmp.ptr : "", c->tmp.len, &name);
	if (rc == LIT_ENOMEM) {
		c->rc = rc;
		return;
	}
	if (rc == LIT_OK) {
		if (lit_record_add_name(c->rec, var, &name.n) == LIT_ENOMEM)
			c->rc = LIT_ENOMEM;
		lit_owned_name_free(&name);
	}
}

/* Names per list: collaborations have a few thousand; far more is a
 * pathological input (and lit_record_name() is linear in the list). */
#define MAX_NAMES 20000

/* Split a name list at " and " (any case) at brace depth 0. */
static void map_names(conv *c, const char *field, lit_var var)
{
	size_t k;
	const bfield *f = cfield(c, field, &k);
	if (!f || lit_record_name_count(c->rec, var) || lit_record_names_etal(c->rec, var))
		return;
	c->used[k] = 1;
	const char *s = f->value;
	size_t len = f->len, start = 0, depth = 0, count = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (ch == '{') {
			depth++;
		} else if (ch == '}') {
			if (depth)
				depth--;
		} else if (depth == 0 && is_ws_c(ch)) {
			size_t j = i;
			while (j < len && is_ws_c(s[j]))
				j++;
			if (j + 3 < len && strncasecmp(s + j, "and", 3) == 0 && is_ws_c(s[j + 3])) {
				if (++count > MAX_NAMES) {
					fail(c->r, c->e->line, "more than %d names in field '%s'", MAX_NAMES, field);
					c->r->status = LIT_ELIMIT;
					if (c->r->err)
						c->r->err->code = LIT_ELIMIT;
					c->rc = LIT_ELIMIT;
					return;
				}
				add_one_name(c, var, s + start, i - start, 0);
				start = j + 3;
				i = j + 2;
			}
		}
	}
	add_one_name(c, var, s + start, len - start, 1);
}


static void set_date(conv *c, lit_var var, const lit_date *d)
{
	if (lit_record_set_date(c->rec, var, d) == LIT_ENOMEM)
		c->rc = LIT_ENOMEM;
}

/* A date field (ISO 8601 / EDTF in biblatex, free text elsewhere). */
static void map_date(conv *c, const char *field, lit_var var)
{
	if (lit_record_date(c->rec, var) || !cfield(c, field, NULL))
		return;
	const char *v = decoded(c, field, 0);
	mark(c, field);
	if (!v)
		return;
	/* EDTF "1850~" (circa): the decoder made the ~ a no-break space */
	size_t vl = strlen(v);
	if (vl >= 2 && (unsigned char)v[vl - 2] == 0xC2 && (unsigned char)v[vl - 1] == 0xA0) {
		c->tmp.len -= 1;
		c->tmp.ptr[c->tmp.len - 1] = '~';
		c->tmp.ptr[c->tmp.len] = 0;
	}
	lit_date d;
	if (!lit_date_parse(v, strlen(v), &d)) {
		memset(&d, 0, sizeof d);
		d.literal = v;
	}
	set_date(c, var, &d);
}

static int month_number(const char *v)
{
	if (!v)
		return 0;
	if (v[0] >= '0' && v[0] <= '9') {
		int m = atoi(v);
		return m >= 1 && m <= 12 ? m : 0;
	}
	return lit_month_from_name(v, strlen(v));
}

static void map_issued(conv *c)
{
	if (cfield(c, "date", NULL)) {
		map_date(c, "date", LIT_VAR_ISSUED);
		if (lit_record_date(c->rec, LIT_VAR_ISSUED)) {
			mark(c, "year");
			mark(c, "month");
			mark(c, "day");
			return;
		}
	}
	const char *y = decoded(c, "year", 0);
	if (!y)
		return;
	mark(c, "year");
	lit_date d;
	char *ycopy = NULL;
	if (!lit_date_parse(y, strlen(y), &d)) {
		ycopy = dup_n(y, strlen(y));
		memset(&d, 0, sizeof d);
		d.literal = ycopy;
		set_date(c, LIT_VAR_ISSUED, &d);
		free(ycopy);
		return;
	}
	if (!d.month && !d.end_year) {
		const char *mv = decoded(c, "month", 0);
		int m = month_number(mv);
		if (m) {
			d.month = m;
			mark(c, "month");
			const char *day = decoded(c, "day", 0);
			if (day && atoi(day) >= 1 && atoi(day) <= 31) {
				d.day = atoi(day);
				mark(c, "day");
			}
		} else if (mv) {
			/* "jan # {~15}", "15 мая", "Spring": parse month and year together */
			char both[160];
			lit_date md;
			snprintf(both, sizeof both, "%.140s %d", mv, d.year);
			if (lit_date_parse(both, strlen(both), &md) && md.year == d.year &&
			    (md.month || md.season)) {
				d = md;
				mark(c, "month");
			}
		}
	}
	set_date(c, LIT_VAR_ISSUED, &d);
}

static void map_language(conv *c)
{
	static const char *const fields[] = { "langid", "hyphenation", "language" };
	const char *tag = NULL;
	for (int k = 0; k < 3; k++) {
		const char *v = decoded(c, fields[k], 0);
		const char *t = v ? lit_bibtex_lang_to_bcp47(v) : NULL;
		if (t && (!tag || strcmp(tag, t) == 0)) {
			tag = t;
			mark(c, fields[k]);
		}
	}
	if (tag) {
		setv(c, LIT_VAR_LANGUAGE, tag);
		return;
	}
	for (int k = 0; k < 3; k++)
		if (cfield(c, fields[k], NULL)) {
			map_text(c, fields[k], LIT_VAR_LANGUAGE, 0);
			return;
		}
}

/* biblatex's location is a list ("London and New York"): the places are
 * split at " and " outside braces, decoded one by one and joined with
 * "; ", the usual separator of several places in CSL-JSON.  BibTeX's
 * address is a literal and is mapped as it is. */
static void map_location(conv *c)
{
	size_t k;
	const bfield *f = cfield(c, "location", &k);
	if (!f || lit_record_get(c->rec, LIT_VAR_PUBLISHER_PLACE))
		return;
	c->used[k] = 1;
	lit_buf out = LIT_BUF_INIT;
	const char *s = f->value;
	size_t len = f->len, start = 0, depth = 0;
	for (size_t i = 0; i <= len; i++) {
		int cut = i == len;
		if (!cut) {
			if (s[i] == '{')
				depth++;
			else if (s[i] == '}' && depth)
				depth--;
			else if (depth == 0 && is_ws_c(s[i]) && i + 4 < len && strncasecmp(s + i + 1, "and", 3) == 0 &&
			         is_ws_c(s[i + 4]))
				cut = 1;
		}
		if (!cut)
			continue;
		lit_buf_clear(&c->tmp);
		if (lit_latex_decode(s + start, i - start, 0, &c->tmp)) {
			c->rc = LIT_ENOMEM;
			break;
		}
		const char *v = lit_buf_cstr(&c->tmp);
		while (*v == ' ')
			v++;
		size_t vl = strlen(v);
		while (vl && v[vl - 1] == ' ')
			vl--;
		if (vl) {
			if (out.len)
				lit_buf_puts(&out, "; ");
			lit_buf_put(&out, v, vl);
		}
		start = i + 4;
		i += 3;
	}
	if (lit_buf_status(&out))
		c->rc = LIT_ENOMEM;
	else if (!c->rc && out.len)
		setv(c, LIT_VAR_PUBLISHER_PLACE, lit_buf_cstr(&out));
	lit_buf_free(&out);
}

/* biblatex's type holds localisation keys for theses and reports
 * ("phdthesis", "mathesis", "techreport"); they become the words a
 * reference prints, in the entry's language (Russian or English).  Other
 * values are kept as written. */
static void map_genre(conv *c)
{
	static const struct { const char *key, *en, *ru; } keys[] = {
		{ "phdthesis", "PhD thesis", "дис. … канд. наук" },
		{ "candthesis", "Candidate's thesis", "дис. … канд. наук" },
		{ "docthesis", "Doctoral thesis", "дис. … д-ра наук" },
		{ "mathesis", "Master's thesis", "магистерская диссертация" },
		{ "techreport", "Technical report", "технический отчет" },
		{ "resreport", "Research report", "отчет о НИР" },
	};
	const char *v = decoded(c, "type", LIT_LATEX_VERBATIM);
	if (!v || lit_record_get(c->rec, LIT_VAR_GENRE))
		return;
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
		if (strcmp(v, keys[k].key) == 0) {
			const char *lang = decoded(c, "langid", 0);
			if (!lang)
				lang = decoded(c, "hyphenation", 0);
			const char *tag = lang ? lit_bibtex_lang_to_bcp47(lang) : NULL;
			mark(c, "type");
			setv(c, LIT_VAR_GENRE, tag && !strncmp(tag, "ru", 2) ? keys[k].ru : keys[k].en);
			return;
		}
}

static void map_pages(conv *c)
{
	const char *v = decoded(c, "pages", 0);
	if (!v)
		return;
	mark(c, "pages");
	lit_buf b = LIT_BUF_INIT;
	for (const char *p = v; *p; p++) {
		/* en and em dashes (from -- and ---) become '-' */
		if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
		    ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94)) {
			while (b.len && b.ptr[b.len - 1] == ' ')
				b.len--;
			lit_buf_putc(&b, '-');
			p += 2;
			while (p[1] == ' ')
				p++;
		} else {
			lit_buf_putc(&b, *p);
		}
	}
	setv(c, LIT_VAR_PAGE, lit_buf_cstr(&b));
	if (lit_buf_status(&b))
		c->rc = LIT_ENOMEM;
	lit_buf_free(&b);
}

static void map_doi(conv *c)
{
	const char *v = decoded(c, "doi", LIT_LATEX_VERBATIM);
	if (!v)
		return;
	mark(c, "doi");
	static const char *const prefixes[] = { "https://doi.org/", "http://doi.org/",
	                                        "https://dx.doi.org/", "http://dx.doi.org/",
	                                        "doi:", "DOI:", "doi.org/" };
	for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
		if (strncmp(v, prefixes[k], strlen(prefixes[k])) == 0) {
			v += strlen(prefixes[k]);
			break;
		}
	setv(c, LIT_VAR_DOI, v);
}

static void map_howpublished(conv *c)
{
	const char *v = decoded(c, "howpublished", LIT_LATEX_VERBATIM);
	if (v && !lit_record_get(c->rec, LIT_VAR_URL) &&
	    (strncmp(v, "http://", 7) == 0 || strncmp(v, "https://", 8) == 0 ||
	     strncmp(v, "ftp://", 6) == 0)) {
		setv(c, LIT_VAR_URL, v);
		mark(c, "howpublished");
		return;
	}
	map_text(c, "howpublished", LIT_VAR_PUBLISHER, 0);
}

static const struct { const char *field; lit_var var; unsigned flags; } simple_fields[] = {
	{ "shorttitle", LIT_VAR_TITLE_SHORT, 0 },
	{ "shortjournal", LIT_VAR_CONTAINER_TITLE_SHORT, 0 },
	{ "issuetitle", LIT_VAR_VOLUME_TITLE, 0 },
	{ "eventtitle", LIT_VAR_EVENT_TITLE, 0 },
	{ "venue", LIT_VAR_EVENT_PLACE, 0 },
	{ "series", LIT_VAR_COLLECTION_TITLE, 0 },
	{ "volume", LIT_VAR_VOLUME, 0 },
	{ "volumes", LIT_VAR_NUMBER_OF_VOLUMES, 0 },
	{ "pagetotal", LIT_VAR_NUMBER_OF_PAGES, 0 },
	{ "chapter", LIT_VAR_CHAPTER_NUMBER, 0 },
	{ "edition", LIT_VAR_EDITION, 0 },
	{ "part", LIT_VAR_PART_NUMBER, 0 },
	{ "version", LIT_VAR_VERSION, 0 },
	{ "publisher", LIT_VAR_PUBLISHER, 0 },
	{ "school", LIT_VAR_PUBLISHER, 0 },
	{ "institution", LIT_VAR_PUBLISHER, 0 },
	{ "organization", LIT_VAR_PUBLISHER, 0 },
	{ "location", LIT_VAR_PUBLISHER_PLACE, 0 },
	{ "address", LIT_VAR_PUBLISHER_PLACE, 0 },
	{ "isbn", LIT_VAR_ISBN, LIT_LATEX_VERBATIM },
	{ "issn", LIT_VAR_ISSN, LIT_LATEX_VERBATIM },
	{ "url", LIT_VAR_URL, LIT_LATEX_VERBATIM },
	{ "pmid", LIT_VAR_PMID, LIT_LATEX_VERBATIM },
	{ "pmcid", LIT_VAR_PMCID, LIT_LATEX_VERBATIM },
	{ "abstract", LIT_VAR_ABSTRACT, 0 },
	{ "note", LIT_VAR_NOTE, 0 },
	{ "annote", LIT_VAR_ANNOTE, 0 },
	{ "annotation", LIT_VAR_ANNOTE, 0 },
	{ "keywords", LIT_VAR_KEYWORD, 0 },
	{ "type", LIT_VAR_GENRE, 0 },
	{ "pubstate", LIT_VAR_STATUS, 0 },
	{ "origtitle", LIT_VAR_ORIGINAL_TITLE, 0 },
	{ "origpublisher", LIT_VAR_ORIGINAL_PUBLISHER, 0 },
	{ "origlocation", LIT_VAR_ORIGINAL_PUBLISHER_PLACE, 0 },
};

static int is_article(lit_type t)
{
	return t == LIT_TYPE_ARTICLE_JOURNAL || t == LIT_TYPE_ARTICLE_MAGAZINE ||
	       t == LIT_TYPE_ARTICLE_NEWSPAPER || t == LIT_TYPE_ARTICLE ||
	       t == LIT_TYPE_PERIODICAL;
}

/* Raw fields nobody mapped, kept as custom "bibtex-NAME" (eprint aliases
 * normalised to the biblatex names). */
static void keep_unused(conv *c)
{
	char key[160];
	for (size_t k = 0; k < c->e->nf && !c->rc; k++) {
		if (c->used[k])
			continue;
		const char *name = c->e->f[k].name;
		if (strcmp(name, "archiveprefix") == 0)
			name = "eprinttype";
		else if (strcmp(name, "primaryclass") == 0)
			name = "eprintclass";
		snprintf(key, sizeof key, LIT_BIB_CUSTOM_PREFIX "%s", name);
		if (lit_record_custom(c->rec, key, NULL) || c->e->f[k].len == 0)
			continue;
		if (lit_record_set_custom(c->rec, key, c->e->f[k].value, 0) == LIT_ENOMEM)
			c->rc = LIT_ENOMEM;
	}
}

static int convert(reader *r, const bentry *e, lit_records *out)
{
	conv c;
	memset(&c, 0, sizeof c);
	c.r = r;
	c.e = e;
	c.rec = lit_record_new();
	c.used = calloc(e->nf ? e->nf : 1, 1);
	lit_buf tmp = LIT_BUF_INIT;
	c.tmp = tmp;
	if (!c.rec || !c.used) {
		lit_record_free(c.rec);
		free(c.used);
		return LIT_ENOMEM;
	}
	const lit_bib_type *row = lit_bibtex_type_find(e->type);
	lit_type type = row ? row->type : LIT_TYPE_DOCUMENT;
	if (type == LIT_TYPE_ARTICLE_JOURNAL) {
		const char *sub = decoded(&c, "entrysubtype", 0);
		if (sub && strcmp(sub, "magazine") == 0)
			type = LIT_TYPE_ARTICLE_MAGAZINE;
		else if (sub && strcmp(sub, "newspaper") == 0)
			type = LIT_TYPE_ARTICLE_NEWSPAPER;
		if (type != LIT_TYPE_ARTICLE_JOURNAL)
			mark(&c, "entrysubtype");
	}
	lit_record_set_type(c.rec, type);
	if (!row || !(row->flags & LIT_BIBT_CANON))
		if (lit_record_set_custom(c.rec, LIT_BIB_CUSTOM_TYPE, e->type, 0))
			c.rc = LIT_ENOMEM;
	if (e->key[0] && lit_record_set_id(c.rec, e->key))
		c.rc = LIT_ENOMEM;
	if (lit_record_set_source(c.rec, r->file, e->line))
		c.rc = LIT_ENOMEM;
	lit_record_set_where(c.rec, LIT_WHERE_BIBFILE);

	map_names(&c, "author", LIT_VAR_AUTHOR);
	map_names(&c, "editor", LIT_VAR_EDITOR);
	map_names(&c, "translator", LIT_VAR_TRANSLATOR);
	map_names(&c, "bookauthor", LIT_VAR_CONTAINER_AUTHOR);
	map_title(&c, "title", "subtitle", LIT_VAR_TITLE);
	map_title(&c, "journaltitle", "journalsubtitle", LIT_VAR_CONTAINER_TITLE);
	map_title(&c, "journal", "journalsubtitle", LIT_VAR_CONTAINER_TITLE);
	map_title(&c, "booktitle", "booksubtitle", LIT_VAR_CONTAINER_TITLE);
	if (is_article(type)) {
		map_text(&c, "number", LIT_VAR_ISSUE, 0);
		map_text(&c, "issue", LIT_VAR_ISSUE, 0);
	} else {
		map_text(&c, "number", LIT_VAR_NUMBER, 0);
		map_text(&c, "issue", LIT_VAR_ISSUE, 0);
	}
	map_pages(&c);
	map_doi(&c);
	map_location(&c);
	map_genre(&c);
	for (size_t k = 0; k < sizeof simple_fields / sizeof *simple_fields; k++)
		map_text(&c, simple_fields[k].field, simple_fields[k].var, simple_fields[k].flags);
	map_howpublished(&c);
	map_issued(&c);
	map_date(&c, "urldate", LIT_VAR_ACCESSED);
	map_date(&c, "origdate", LIT_VAR_ORIGINAL_DATE);
	map_date(&c, "eventdate", LIT_VAR_EVENT_DATE);
	map_language(&c);
	keep_unused(&c);

	lit_buf_free(&c.tmp);
	free(c.used);
	if (c.rc) {
		lit_record_free(c.rec);
		return c.rc;
	}
	return lit_records_push(out, c.rec);
}

int lit_bibtex_read(lit_records *out, const char *data, size_t len,
                    const char *filename, lit_error *err)
{
	reader r;
	memset(&r, 0, sizeof r);
	lit_buf init = LIT_BUF_INIT;
	r.val = init;
	r.s = data ? data : "";
	r.len = data ? len : 0;
	if (r.len >= 3 && memcmp(r.s, "\xEF\xBB\xBF", 3) == 0) {
		r.s += 3;
		r.len -= 3;
	}
	r.line = 1;
	r.file = filename;
	r.err = err;
	/* The driver hands over UTF-8; callers of the reader itself may not,
	 * and nothing invalid must reach the records. */
	size_t bad = 0;
	const char *nul = memchr(r.s, 0, r.len);
	int valid = lit_utf8_valid(r.s, r.len, &bad);
	if (nul || !valid) {
		size_t at = nul && (valid || (size_t)(nul - r.s) < bad) ? (size_t)(nul - r.s) : bad;
		long line = 1;
		for (size_t j = 0; j < at; j++)
			line += r.s[j] == '\n';
		fail(&r, line, "%s in BibTeX input", at == bad && !valid ? "invalid UTF-8" : "binary data (NUL byte)");
	}
	/* Without any crossref, entries are mapped as soon as they are read,
	 * so the raw entries of a large file never pile up in memory. */
	int has_crossref = 0;
	for (size_t i = 0; i + 8 <= r.len && !has_crossref; i++)
		if ((r.s[i] | 32) == 'c' && strncasecmp(r.s + i, "crossref", 8) == 0)
			has_crossref = 1;
	if (!has_crossref)
		r.stream = out;
	if (r.status == LIT_OK)
		scan(&r);
	int rc = r.status;
	if (rc == LIT_OK && r.ne == 0 && r.nstreamed == 0 && r.ncommands == 0) {
		/* nothing but %-comments is fine; other text is not BibTeX */
		int text = 0;
		for (size_t i = 0; i < r.len && !text; i++) {
			unsigned char ch = (unsigned char)r.s[i];
			if (ch == '%') {
				while (i < r.len && r.s[i] != '\n')
					i++;
			} else if (!isspace(ch)) {
				text = 1;
			}
		}
		if (text)
			rc = fail(&r, 1, "no BibTeX entries found");
	}
	int crc = resolve_crossrefs(&r);
	for (size_t k = 0; k < r.ne && crc == LIT_OK; k++) {
		if (strcmp(r.e[k].type, "xdata") == 0)
			continue;
		crc = convert(&r, &r.e[k], out);
	}
	if (crc && rc == LIT_OK) {
		if (r.status == LIT_OK)
			lit_error_set(err, crc, filename, 0, "out of memory");
		rc = r.status ? r.status : crc;
	}
	for (size_t k = 0; k < r.ne; k++)
		entry_free(&r.e[k]);
	free(r.e);
	for (size_t k = 0; k < r.mcap; k++) {
		free(r.mt[k].name);
		free(r.mt[k].value);
	}
	free(r.mt);
	lit_buf_free(&r.val);
	return rc;
}
