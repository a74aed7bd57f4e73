/*
 * ris.c - RIS reader and writer.
 *
 * Reader: accepts the dialects in use: Zotero (T2 for the container, DA
 * and PY, Y2 as the access date), JabRef (T1, JO, Y1 "year/month", the DOI
 * in M3 as a URL, ER without a trailing space), bibutils (JO, JF) and the
 * old RefMan tags (A1, BT, CT, JA, J1, J2, N2, CP, L2, LK).  Lines end in
 * CRLF or LF, a BOM is skipped, a line without a tag continues the value
 * before it, unknown tags are ignored.  Each record is collected first
 * (tag, value, line) and then mapped, so tag order does not matter.
 *
 * Writer: Zotero's conventions: CRLF, TY first, "ER  - " last followed by
 * a blank line, one tag per line with no wrapping, AU "Family, Given",
 * DA "YYYY/MM/DD/", Y2 for the access date, SN with the ISSN for articles
 * and the ISBN otherwise, KW one per keyword, GEN for generic records.
 * The bibutils defects (Y2 read as a month, T2 read as a short title,
 * 13-digit ISBNs dropped, TY STD, "others" as an author) do not apply.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/format.h"
#include "util/date.h"
#include "util/utf8.h"

/* ------------------------------------------------------------------ */
/* Type map                                                            */
/* ------------------------------------------------------------------ */

typedef struct ris_type_map {
	const char *code;
	lit_type type;
} ris_type_map;

/* RIS code -> CSL type, for reading (the refdb list, the 2011 additions
 * and what Zotero writes). */
static const ris_type_map ris_in_types[] = {
	{ "JOUR", LIT_TYPE_ARTICLE_JOURNAL }, { "EJOUR", LIT_TYPE_ARTICLE_JOURNAL },
	{ "ABST", LIT_TYPE_ARTICLE_JOURNAL }, { "INPR", LIT_TYPE_ARTICLE_JOURNAL },
	{ "JFULL", LIT_TYPE_PERIODICAL }, { "SER", LIT_TYPE_PERIODICAL },
	{ "MGZN", LIT_TYPE_ARTICLE_MAGAZINE }, { "NEWS", LIT_TYPE_ARTICLE_NEWSPAPER },
	{ "BOOK", LIT_TYPE_BOOK }, { "EBOOK", LIT_TYPE_BOOK }, { "EDBOOK", LIT_TYPE_BOOK },
	{ "CHAP", LIT_TYPE_CHAPTER }, { "ECHAP", LIT_TYPE_CHAPTER },
	{ "CONF", LIT_TYPE_PAPER_CONFERENCE }, { "CPAPER", LIT_TYPE_PAPER_CONFERENCE },
	{ "THES", LIT_TYPE_THESIS }, { "RPRT", LIT_TYPE_REPORT }, { "GOVDOC", LIT_TYPE_REPORT },
	{ "ELEC", LIT_TYPE_WEBPAGE }, { "WEB", LIT_TYPE_WEBPAGE }, { "BLOG", LIT_TYPE_POST_WEBLOG },
	{ "ENCYC", LIT_TYPE_ENTRY_ENCYCLOPEDIA }, { "DICT", LIT_TYPE_ENTRY_DICTIONARY },
	{ "DATA", LIT_TYPE_DATASET }, { "DBASE", LIT_TYPE_DATASET }, { "AGGR", LIT_TYPE_DATASET },
	{ "MANSCPT", LIT_TYPE_MANUSCRIPT }, { "UNPB", LIT_TYPE_MANUSCRIPT },
	{ "UNPD", LIT_TYPE_MANUSCRIPT },
	{ "PAT", LIT_TYPE_PATENT }, { "STAT", LIT_TYPE_LEGISLATION }, { "LEGAL", LIT_TYPE_LEGISLATION },
	{ "BILL", LIT_TYPE_BILL }, { "UNBILL", LIT_TYPE_BILL }, { "CASE", LIT_TYPE_LEGAL_CASE },
	{ "HEAR", LIT_TYPE_HEARING },
	{ "MPCT", LIT_TYPE_MOTION_PICTURE }, { "VIDEO", LIT_TYPE_MOTION_PICTURE },
	{ "ADVS", LIT_TYPE_MOTION_PICTURE },
	{ "SLIDE", LIT_TYPE_SPEECH }, { "PCOMM", LIT_TYPE_PERSONAL_COMMUNICATION },
	{ "ICOMM", LIT_TYPE_PERSONAL_COMMUNICATION }, { "STAND", LIT_TYPE_STANDARD },
	{ "COMP", LIT_TYPE_SOFTWARE }, { "MAP", LIT_TYPE_MAP }, { "ART", LIT_TYPE_GRAPHIC },
	{ "FIGURE", LIT_TYPE_FIGURE }, { "CHART", LIT_TYPE_FIGURE }, { "SOUND", LIT_TYPE_SONG },
	{ "MUSIC", LIT_TYPE_MUSICAL_SCORE }, { "PAMP", LIT_TYPE_PAMPHLET },
	{ "CLSWK", LIT_TYPE_CLASSIC }, { "ANCIENT", LIT_TYPE_CLASSIC },
	{ "GEN", LIT_TYPE_DOCUMENT }, { "STD", LIT_TYPE_DOCUMENT }, { "CTLG", LIT_TYPE_DOCUMENT },
	{ "GRANT", LIT_TYPE_DOCUMENT }, { "EQUA", LIT_TYPE_DOCUMENT }, { "MULTI", LIT_TYPE_DOCUMENT },
};

/* CSL type -> RIS code, for writing (Zotero's export map; GEN otherwise). */
static const ris_type_map ris_out_types[] = {
	{ "JOUR", LIT_TYPE_ARTICLE_JOURNAL }, { "JOUR", LIT_TYPE_ARTICLE },
	{ "JOUR", LIT_TYPE_REVIEW }, { "JOUR", LIT_TYPE_REVIEW_BOOK },
	{ "MGZN", LIT_TYPE_ARTICLE_MAGAZINE }, { "NEWS", LIT_TYPE_ARTICLE_NEWSPAPER },
	{ "JFULL", LIT_TYPE_PERIODICAL },
	{ "BOOK", LIT_TYPE_BOOK }, { "BOOK", LIT_TYPE_COLLECTION }, { "CHAP", LIT_TYPE_CHAPTER },
	{ "CONF", LIT_TYPE_PAPER_CONFERENCE }, { "THES", LIT_TYPE_THESIS }, { "RPRT", LIT_TYPE_REPORT },
	{ "ELEC", LIT_TYPE_WEBPAGE }, { "BLOG", LIT_TYPE_POST_WEBLOG }, { "BLOG", LIT_TYPE_POST },
	{ "ENCYC", LIT_TYPE_ENTRY_ENCYCLOPEDIA }, { "DICT", LIT_TYPE_ENTRY_DICTIONARY },
	{ "DATA", LIT_TYPE_DATASET }, { "MANSCPT", LIT_TYPE_MANUSCRIPT }, { "PAT", LIT_TYPE_PATENT },
	{ "STAT", LIT_TYPE_LEGISLATION }, { "STAT", LIT_TYPE_REGULATION }, { "BILL", LIT_TYPE_BILL },
	{ "CASE", LIT_TYPE_LEGAL_CASE }, { "HEAR", LIT_TYPE_HEARING },
	{ "MPCT", LIT_TYPE_MOTION_PICTURE }, { "SLIDE", LIT_TYPE_SPEECH },
	{ "PCOMM", LIT_TYPE_PERSONAL_COMMUNICATION }, { "STAND", LIT_TYPE_STANDARD },
	{ "COMP", LIT_TYPE_SOFTWARE }, { "MAP", LIT_TYPE_MAP }, { "ART", LIT_TYPE_GRAPHIC },
	{ "FIGURE", LIT_TYPE_FIGURE }, { "SOUND", LIT_TYPE_SONG }, { "MUSIC", LIT_TYPE_MUSICAL_SCORE },
	{ "PAMP", LIT_TYPE_PAMPHLET }, { "CLSWK", LIT_TYPE_CLASSIC },
};

static lit_type ris_type_from_code(const char *code)
{
	size_t i;
	for (i = 0; i < sizeof(ris_in_types) / sizeof(ris_in_types[0]); i++)
		if (strcasecmp(code, ris_in_types[i].code) == 0)
			return ris_in_types[i].type;
	return LIT_TYPE_DOCUMENT;
}

static const char *ris_code_from_type(lit_type t)
{
	size_t i;
	for (i = 0; i < sizeof(ris_out_types) / sizeof(ris_out_types[0]); i++)
		if (ris_out_types[i].type == t)
			return ris_out_types[i].code;
	return "GEN";
}

/* Types whose T2 is a series title in Zotero's export (RIS.js fieldMap:
 * "series" for book, "seriesTitle" for report, map, computerProgram). */
static int t2_is_series(lit_type t)
{
	return t == LIT_TYPE_BOOK || t == LIT_TYPE_REPORT || t == LIT_TYPE_MAP ||
	       t == LIT_TYPE_SOFTWARE;
}

/* Types whose SN is an ISSN when it is not recognisable by its shape. */
static int is_serial_type(lit_type t)
{
	return t == LIT_TYPE_ARTICLE_JOURNAL || t == LIT_TYPE_ARTICLE ||
	       t == LIT_TYPE_ARTICLE_MAGAZINE || t == LIT_TYPE_ARTICLE_NEWSPAPER ||
	       t == LIT_TYPE_PERIODICAL || t == LIT_TYPE_REVIEW || t == LIT_TYPE_REVIEW_BOOK;
}

/* ------------------------------------------------------------------ */
/* Small string helpers                                                */
/* ------------------------------------------------------------------ */

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Trim spaces at both ends of s[0..*len); returns the new start. */
static const char *trim(const char *s, size_t *len)
{
	size_t n = *len;
	while (n > 0 && is_ws(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_ws(s[n - 1]))
		n--;
	*len = n;
	return s;
}

static int ci_prefix(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix), i;
	if (len < n)
		return 0;
	for (i = 0; i < n; i++) {
		char a = s[i], b = prefix[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a + 32);
		if (a != b)
			return 0;
	}
	return 1;
}

/* Count digits (and a final X) in s, ignoring hyphens and spaces; returns
 * -1 when something else occurs. */
static int id_digits(const char *s, size_t len)
{
	size_t i;
	int n = 0;
	for (i = 0; i < len; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			n++;
		else if ((c == 'X' || c == 'x') && i + 1 == len)
			n++;
		else if (c != '-' && c != ' ')
			return -1;
	}
	return n;
}

/* Classify a standard number: 1 ISSN, 2 ISBN, 0 unknown.  Looks at each
 * word ("ISBN 978-5-02-038493-3 (pbk.)"): 8 digits is an ISSN, 10 or 13
 * an ISBN. */
static int classify_sn(const char *s, size_t len)
{
	size_t i = 0, st;
	int best = 0;
	while (i < len) {
		int n;
		while (i < len && (s[i] == ' ' || s[i] == ';' || s[i] == ',' || s[i] == '(' || s[i] == ')'))
			i++;
		st = i;
		while (i < len && s[i] != ' ' && s[i] != ';' && s[i] != ',' && s[i] != '(' && s[i] != ')')
			i++;
		if (i == st)
			continue;
		{
			const char *tok = s + st;
			size_t tl = i - st;
			if (ci_prefix(tok, tl, "isbn") || ci_prefix(tok, tl, "issn")) {
				if (tl > 4 && tok[4] == ':') { tok += 5; tl -= 5; }
				else if (tl == 4) continue;
				else if (tl > 4) { tok += 4; tl -= 4; }
			}
			n = id_digits(tok, tl);
			if (n == 8 && (tl == 8 || tl == 9))
				return 1;
			if (n == 10 || n == 13)
				best = 2;
		}
	}
	return best;
}

/* ------------------------------------------------------------------ */
/* Reader                                                              */
/* ------------------------------------------------------------------ */

typedef struct ris_field {
	char tag[3];
	size_t off, len;  /* value in the record's text buffer */
	long line;
} ris_field;

typedef struct ris_rec {
	ris_field *f;
	size_t n, cap;
	lit_buf text;
	long line;        /* line of TY */
	int open;
} ris_rec;

static int ris_rec_add(ris_rec *r, const char *tag, const char *v, size_t vlen, long line)
{
	if (r->n == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 32;
		ris_field *nf = realloc(r->f, nc * sizeof(*nf));
		if (!nf)
			return LIT_ENOMEM;
		r->f = nf;
		r->cap = nc;
	}
	r->f[r->n].tag[0] = tag[0];
	r->f[r->n].tag[1] = tag[1];
	r->f[r->n].tag[2] = '\0';
	r->f[r->n].off = r->text.len;
	r->f[r->n].len = vlen;
	r->f[r->n].line = line;
	r->n++;
	lit_buf_put(&r->text, v, vlen);
	lit_buf_putc(&r->text, '\0');
	return lit_buf_status(&r->text);
}

/* Continue the last value with another line. */
static int ris_rec_continue(ris_rec *r, const char *v, size_t vlen)
{
	ris_field *f = &r->f[r->n - 1];
	int para = strcmp(f->tag, "AB") == 0 || strcmp(f->tag, "N1") == 0 ||
	           strcmp(f->tag, "N2") == 0;
	/* the last value ends the buffer, followed by its NUL */
	lit_buf_truncate(&r->text, r->text.len - 1);
	if (f->len > 0) {
		lit_buf_putc(&r->text, para ? '\n' : ' ');
		f->len++;
	}
	lit_buf_put(&r->text, v, vlen);
	f->len += vlen;
	lit_buf_putc(&r->text, '\0');
	return lit_buf_status(&r->text);
}

static void ris_rec_reset(ris_rec *r)
{
	r->n = 0;
	lit_buf_clear(&r->text);
	r->open = 0;
	r->line = 0;
}

static const char *fval(const ris_rec *r, size_t i)
{
	return r->text.ptr + r->f[i].off;
}

/* Is this line a tag line?  "XX  - value", tolerant of one or more spaces
 * before the dash and of nothing after it.  Stores the tag and value. */
static int parse_tag_line(const char *s, size_t len, char *tag, const char **val, size_t *vlen)
{
	size_t i = 2;
	if (len < 4)
		return 0;
	if (!(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	if (!((s[1] >= 'A' && s[1] <= 'Z') || (s[1] >= '0' && s[1] <= '9')))
		return 0;
	if (s[2] != ' ' && s[2] != '\t')
		return 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= len || s[i] != '-')
		return 0;
	i++;
	if (i < len && s[i] != ' ' && s[i] != '\t')
		return 0;
	tag[0] = s[0];
	tag[1] = s[1];
	tag[2] = '\0';
	*val = s + i;
	*vlen = len - i;
	*val = trim(*val, vlen);
	return 1;
}

/* Is s[0..len) a group of initials: "И.", "И.И.", "J.-P."? */
static int is_initials(const char *s, size_t len)
{
	size_t i = 0;
	int groups = 0;
	while (i < len) {
		size_t adv = 1;
		int32_t cp = lit_utf8_decode(s + i, len - i, &adv);
		if (cp < 0 || !lit_cp_is_upper((uint32_t)cp))
			return 0;
		i += adv;
		if (i >= len || s[i] != '.')
			return 0;
		i++;
		groups++;
		if (i < len && s[i] == '-')
			i++;
	}
	return groups > 0;
}

/* "Иванов И.И." or "И. И. Иванов" written without a comma (as some
 * Russian databases export): one word plus initials.  Splits `buf` in
 * place into *family and *given; returns 0 when it is not of that shape. */
static int split_initials_name(char *buf, char **family, char **given)
{
	char *w[5];
	size_t n = 0, i, fam = 0, ninit = 0;
	char *p = buf;
	while (*p && n < 5) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		w[n++] = p;
		while (*p && *p != ' ')
			p++;
	}
	while (*p == ' ')
		p++;
	if (*p || n < 2 || n > 4)
		return 0;
	for (i = 0; i < n; i++) {
		char *e = w[i];
		while (*e && *e != ' ')
			e++;
		if (is_initials(w[i], (size_t)(e - w[i])))
			ninit++;
		else
			fam = i;
	}
	if (ninit != n - 1 || (fam != 0 && fam != n - 1))
		return 0;
	{
		char *fe = w[fam];
		while (*fe && *fe != ' ')
			fe++;
		if (fam == 0) {
			*fe = '\0';
			*family = w[0];
			*given = w[1];
		} else {
			/* initials first: they end where the family name starts */
			char *ge = w[fam] - 1;
			while (ge > w[0] && ge[-1] == ' ')
				ge--;
			*ge = '\0';
			*family = w[fam];
			*given = w[0];
		}
	}
	return 1;
}

/* Does the word at s start with a lower-case letter? */
static int starts_lower(const char *s)
{
	size_t adv = 1;
	int32_t cp = lit_utf8_decode(s, strlen(s), &adv);
	return cp > 0 && lit_cp_is_letter((uint32_t)cp) && !lit_cp_is_upper((uint32_t)cp);
}

/* "van der Berg" -> particle "van der", family "Berg": leading lower-case
 * words of a family name, as long as a capitalised word remains.  `fam` is
 * modified in place. */
static void split_particles(lit_name *n, char *fam)
{
	char *p = fam, *last = NULL;
	while (starts_lower(p)) {
		char *sp = strchr(p, ' ');
		if (!sp)
			break;
		last = sp;
		p = sp;
		while (*p == ' ')
			p++;
	}
	if (!last || !*p || starts_lower(p))
		return;
	*last = '\0';
	n->non_dropping_particle = fam;
	n->family = p;
}

/* "Jean de" -> given "Jean", dropping particle "de" (as the writer puts a
 * dropping particle after the given names).  `given` is modified in place. */
static void split_dropping(lit_name *n, char *given)
{
	char *end = given + strlen(given), *w = end, *cut = NULL;
	for (;;) {
		char *sp;
		while (w > given && w[-1] != ' ')
			w--;
		if (w == given || !starts_lower(w))
			break;
		cut = w;
		sp = w;
		while (sp > given && sp[-1] == ' ')
			sp--;
		w = sp;
	}
	if (!cut || starts_lower(given))
		return;
	{
		char *e = cut;
		while (e > given && e[-1] == ' ')
			e--;
		*e = '\0';
	}
	n->dropping_particle = cut;
	n->given = given;
}

/* Add one "Family, Given[, Suffix]" name (or a literal without comma). */
static int add_ris_name(lit_record *rec, lit_var var, const char *s, size_t len)
{
	lit_name n;
	char *buf;
	const char *comma;
	int rc;

	s = trim(s, &len);
	if (len == 0)
		return LIT_OK;
	if ((len == 6 && memcmp(s, "others", 6) == 0) || (len == 6 && memcmp(s, "et al.", 6) == 0) ||
	    (len == 5 && memcmp(s, "et al", 5) == 0) ||
	    (len == strlen("и др.") && memcmp(s, "и др.", len) == 0)) {
		lit_record_set_names_etal(rec, var, 1);
		return LIT_OK;
	}
	buf = malloc(len + 1);
	if (!buf)
		return LIT_ENOMEM;
	memcpy(buf, s, len);
	buf[len] = '\0';
	memset(&n, 0, sizeof(n));
	comma = strchr(buf, ',');
	if (!comma) {
		char *fam = NULL, *given = NULL;
		if (split_initials_name(buf, &fam, &given)) {
			n.family = fam;
			n.given = given;
		} else {
			n.literal = buf;
		}
	} else {
		char *fam = buf, *given = (char *)comma + 1, *suffix;
		size_t fl = (size_t)(comma - buf), gl;
		*(char *)comma = '\0';
		fam = (char *)trim(fam, &fl);
		fam[fl] = '\0';
		suffix = strchr(given, ',');
		if (suffix) {
			size_t sl;
			*suffix++ = '\0';
			sl = strlen(suffix);
			suffix = (char *)trim(suffix, &sl);
			suffix[sl] = '\0';
			if (sl)
				n.suffix = suffix;
		}
		gl = strlen(given);
		given = (char *)trim(given, &gl);
		given[gl] = '\0';
		if (fl) {
			n.family = fam;
			split_particles(&n, fam);
		}
		if (gl) {
			n.given = given;
			split_dropping(&n, given);
		}
		if (!fl && !gl) {
			free(buf);
			return LIT_OK;
		}
	}
	rc = lit_record_add_name(rec, var, &n);
	free(buf);
	return rc;
}

/* A DOI from a DO/M3 value: "10.x/y", "doi:10.x/y", "https://doi.org/10.x/y"
 * or "http://dx.doi.org/...".  Returns the start of "10." or NULL. */
static const char *doi_start(const char *s, size_t len, size_t *dlen)
{
	const char *p;
	size_t i;
	for (i = 0; i + 3 < len; i++) {
		if (s[i] == '1' && s[i + 1] == '0' && s[i + 2] == '.' &&
		    (i == 0 || s[i - 1] == '/' || s[i - 1] == ':' || s[i - 1] == ' ')) {
			p = s + i;
			if (i > 0) {
				/* only after a doi prefix or a doi.org host */
				size_t j;
				int ok = 0;
				for (j = 0; j + 3 <= i; j++)
					if (ci_prefix(s + j, i - j, "doi"))
						ok = 1;
				if (!ok)
					return NULL;
			}
			if (memchr(p, '/', len - i) == NULL)
				return NULL;
			*dlen = len - i;
			return p;
		}
	}
	return NULL;
}

static void set_if_empty(lit_record *rec, lit_var var, const char *v, size_t len)
{
	if (len && !lit_record_get(rec, var))
		lit_record_setn(rec, var, v, len);
}

static int set_date_from(lit_record *rec, lit_var var, const char *v, size_t len)
{
	lit_date d;
	if (len == 0)
		return 0;
	if (lit_date_parse(v, len, &d)) {
		lit_record_set_date(rec, var, &d);
		return 1;
	}
	{
		/* keep what could not be parsed as a literal date */
		char *lit = malloc(len + 1);
		if (!lit)
			return 0;
		memcpy(lit, v, len);
		lit[len] = '\0';
		memset(&d, 0, sizeof(d));
		d.literal = lit;
		lit_record_set_date(rec, var, &d);
		free(lit);
	}
	return 0;
}

/* Append `v` to a TEXT variable with a separator. */
static int append_var(lit_record *rec, lit_var var, const char *v, size_t len, const char *sep)
{
	const char *old = lit_record_get(rec, var);
	lit_buf b = LIT_BUF_INIT;
	int rc;
	if (!old)
		return lit_record_setn(rec, var, v, len);
	lit_buf_puts(&b, old);
	lit_buf_puts(&b, sep);
	lit_buf_put(&b, v, len);
	rc = lit_buf_status(&b);
	if (!rc)
		rc = lit_record_setn(rec, var, b.ptr, b.len);
	lit_buf_free(&b);
	return rc;
}

/* Map the collected fields of one record to a new record. */
static int ris_map(const ris_rec *r, const char *filename, lit_record **out)
{
	lit_record *rec = lit_record_new();
	const char *sp = NULL, *ep = NULL, *py = NULL, *da = NULL, *ja = NULL;
	size_t spl = 0, epl = 0, pyl = 0, dal = 0, jal = 0, i;
	const char *bt = NULL;
	size_t btl = 0;
	int rc = LIT_OK, has_t3 = 0;

	if (!rec)
		return LIT_ENOMEM;
	for (i = 0; i < r->n; i++)
		if (strcmp(r->f[i].tag, "T3") == 0 && r->f[i].len)
			has_t3 = 1;
	lit_record_set_source(rec, filename, r->line);
	lit_record_set_where(rec, LIT_WHERE_BIBFILE);

	for (i = 0; i < r->n && rc == LIT_OK; i++) {
		const char *t = r->f[i].tag;
		const char *v = fval(r, i);
		size_t len = r->f[i].len;
#define TAG(x) (strcmp(t, x) == 0)
		if (len == 0 && !TAG("TY"))
			continue;
		if (TAG("TY")) {
			lit_record_set_type(rec, ris_type_from_code(v));
		} else if (TAG("TI") || TAG("T1") || TAG("CT")) {
			set_if_empty(rec, LIT_VAR_TITLE, v, len);
		} else if (TAG("BT")) {
			bt = v;
			btl = len;
		} else if (TAG("T2") && t2_is_series(lit_record_type(rec)) && !has_t3) {
			/* Zotero writes a book's (report's, map's, program's) series in T2 */
			set_if_empty(rec, LIT_VAR_COLLECTION_TITLE, v, len);
		} else if (TAG("T2") || TAG("JF") || TAG("JO")) {
			set_if_empty(rec, LIT_VAR_CONTAINER_TITLE, v, len);
		} else if (TAG("JA") || TAG("J2") || TAG("J1")) {
			set_if_empty(rec, LIT_VAR_CONTAINER_TITLE_SHORT, v, len);
			if (!ja && !TAG("J2")) { /* Zotero's J2 always goes with T2 */
				ja = v;
				jal = len;
			}
		} else if (TAG("T3")) {
			set_if_empty(rec, LIT_VAR_COLLECTION_TITLE, v, len);
		} else if (TAG("ST")) {
			set_if_empty(rec, LIT_VAR_TITLE_SHORT, v, len);
		} else if (TAG("AU") || TAG("A1")) {
			rc = add_ris_name(rec, LIT_VAR_AUTHOR, v, len);
		} else if (TAG("A2") || TAG("ED")) {
			rc = add_ris_name(rec, LIT_VAR_EDITOR, v, len);
		} else if (TAG("A3")) {
			rc = add_ris_name(rec, LIT_VAR_COLLECTION_EDITOR, v, len);
		} else if (TAG("A4")) {
			rc = add_ris_name(rec, LIT_VAR_TRANSLATOR, v, len);
		} else if (TAG("PY") || TAG("Y1")) {
			if (!py) {
				py = v;
				pyl = len;
			}
		} else if (TAG("DA")) {
			if (!da) {
				da = v;
				dal = len;
			}
		} else if (TAG("Y2")) {
			if (!lit_record_date(rec, LIT_VAR_ACCESSED))
				set_date_from(rec, LIT_VAR_ACCESSED, v, len);
		} else if (TAG("VL")) {
			set_if_empty(rec, LIT_VAR_VOLUME, v, len);
		} else if (TAG("IS") || TAG("CP")) {
			set_if_empty(rec, LIT_VAR_ISSUE, v, len);
		} else if (TAG("SP")) {
			if (!sp) {
				sp = v;
				spl = len;
			}
		} else if (TAG("EP")) {
			if (!ep) {
				ep = v;
				epl = len;
			}
		} else if (TAG("SN") || TAG("BN") || TAG("U1")) {
			int k = classify_sn(v, len);
			if (TAG("U1") && k != 1)
				continue; /* JabRef writes the ISSN in U1; other uses are free-form */
			if (k == 0 && TAG("SN") && (lit_record_type(rec) == LIT_TYPE_REPORT ||
			                            lit_record_type(rec) == LIT_TYPE_PATENT)) {
				/* Zotero: a report's or patent's number */
				set_if_empty(rec, LIT_VAR_NUMBER, v, len);
				continue;
			}
			if (k == 0)
				k = is_serial_type(lit_record_type(rec)) ? 1 : 2;
			if (TAG("BN"))
				k = 2;
			set_if_empty(rec, k == 1 ? LIT_VAR_ISSN : LIT_VAR_ISBN, v, len);
		} else if (TAG("DO") || TAG("M3")) {
			size_t dl = 0;
			const char *d = doi_start(v, len, &dl);
			if (d)
				set_if_empty(rec, LIT_VAR_DOI, d, dl);
			else if (TAG("M3"))
				set_if_empty(rec, LIT_VAR_GENRE, v, len);
			else
				set_if_empty(rec, LIT_VAR_DOI, v, len);
		} else if (TAG("UR")) {
			set_if_empty(rec, LIT_VAR_URL, v, len);
		} else if (TAG("L2") || TAG("LK")) {
			/* fall back only: UR wins wherever it appears */
		} else if (TAG("PB")) {
			set_if_empty(rec, LIT_VAR_PUBLISHER, v, len);
		} else if (TAG("CY") || TAG("PP")) {
			set_if_empty(rec, LIT_VAR_PUBLISHER_PLACE, v, len);
		} else if (TAG("ET")) {
			set_if_empty(rec, LIT_VAR_EDITION, v, len);
		} else if (TAG("LA")) {
			set_if_empty(rec, LIT_VAR_LANGUAGE, v, len);
		} else if (TAG("AB")) {
			lit_record_setn(rec, LIT_VAR_ABSTRACT, v, len); /* AB wins over N2 */
		} else if (TAG("N2")) {
			set_if_empty(rec, LIT_VAR_ABSTRACT, v, len);
		} else if (TAG("N1")) {
			rc = append_var(rec, LIT_VAR_NOTE, v, len, "\n");
		} else if (TAG("KW")) {
			rc = append_var(rec, LIT_VAR_KEYWORD, v, len, ", ");
		} else if (TAG("NV")) {
			set_if_empty(rec, LIT_VAR_NUMBER_OF_VOLUMES, v, len);
		} else if (TAG("SE")) {
			set_if_empty(rec, LIT_VAR_SECTION, v, len);
		} else if (TAG("M1")) {
			set_if_empty(rec, LIT_VAR_NUMBER, v, len);
		} else if (TAG("DP")) {
			set_if_empty(rec, LIT_VAR_SOURCE, v, len);
		} else if (TAG("DB")) {
			set_if_empty(rec, LIT_VAR_ARCHIVE, v, len);
		} else if (TAG("AN")) {
			set_if_empty(rec, LIT_VAR_ARCHIVE_LOCATION, v, len);
		} else if (TAG("OP")) {
			set_if_empty(rec, LIT_VAR_ORIGINAL_TITLE, v, len);
		} else if (TAG("CN")) {
			set_if_empty(rec, LIT_VAR_CALL_NUMBER, v, len);
		}
		/* ID, C1-C8, RP, TT, U2-U5, L1, L4, ... ignored */
#undef TAG
	}
	if (rc != LIT_OK) {
		lit_record_free(rec);
		return rc;
	}

	/* URL from L2/LK when there is no UR */
	if (!lit_record_get(rec, LIT_VAR_URL))
		for (i = 0; i < r->n; i++)
			if ((strcmp(r->f[i].tag, "L2") == 0 || strcmp(r->f[i].tag, "LK") == 0) &&
			    r->f[i].len) {
				lit_record_setn(rec, LIT_VAR_URL, fval(r, i), r->f[i].len);
				break;
			}

	/* BT: the title of a whole book, else the container */
	if (bt) {
		lit_type ty = lit_record_type(rec);
		if ((ty == LIT_TYPE_BOOK || ty == LIT_TYPE_DOCUMENT) &&
		    !lit_record_get(rec, LIT_VAR_TITLE))
			lit_record_setn(rec, LIT_VAR_TITLE, bt, btl);
		else
			set_if_empty(rec, LIT_VAR_CONTAINER_TITLE, bt, btl);
	}
	/* A journal known only by its abbreviation. */
	if (ja && !lit_record_get(rec, LIT_VAR_CONTAINER_TITLE))
		lit_record_setn(rec, LIT_VAR_CONTAINER_TITLE, ja, jal);

	/* Pages: SP-EP, or SP holding a range; a book's lone SP is its page count. */
	if (sp || ep) {
		lit_buf b = LIT_BUF_INIT;
		if (sp && ep && !(spl == epl && memcmp(sp, ep, spl) == 0)) {
			lit_buf_put(&b, sp, spl);
			lit_buf_putc(&b, '-');
			lit_buf_put(&b, ep, epl);
		} else if (sp) {
			lit_buf_put(&b, sp, spl);
		} else {
			lit_buf_put(&b, ep, epl);
		}
		if (lit_buf_status(&b) == 0) {
			lit_type ty = lit_record_type(rec);
			if (sp && !ep && (ty == LIT_TYPE_BOOK || ty == LIT_TYPE_THESIS ||
			                  ty == LIT_TYPE_REPORT) &&
			    !memchr(sp, '-', spl))
				lit_record_setn(rec, LIT_VAR_NUMBER_OF_PAGES, b.ptr, b.len);
			else
				lit_record_setn(rec, LIT_VAR_PAGE, b.ptr, b.len);
		}
		lit_buf_free(&b);
	}

	/* Issued: DA (full date) when it agrees with PY, else PY. */
	{
		lit_date dpy, dda;
		int okpy = py ? lit_date_parse(py, pyl, &dpy) : 0;
		int okda = da ? lit_date_parse(da, dal, &dda) : 0;
		if (okda && (!okpy || dpy.year == dda.year)) {
			if (okpy && dda.month == 0 && dpy.month != 0)
				lit_record_set_date(rec, LIT_VAR_ISSUED, &dpy); /* Y1 2007/05 */
			else
				lit_record_set_date(rec, LIT_VAR_ISSUED, &dda);
		} else if (okpy) {
			lit_record_set_date(rec, LIT_VAR_ISSUED, &dpy);
		} else if (da) {
			set_date_from(rec, LIT_VAR_ISSUED, da, dal);
		} else if (py) {
			set_date_from(rec, LIT_VAR_ISSUED, py, pyl);
		}
	}
	*out = rec;
	return LIT_OK;
}

/* A header line some publishers put before the first record
 * ("Provider: Cambridge University Press", "Database: ...",
 * "Content: text/plain; charset=\"UTF-8\""): a short name, then ':'. */
static int is_header_line(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && i < 40 && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
	                             (i > 0 && (s[i] == ' ' || s[i] == '-'))))
		i++;
	return i >= 2 && i < len && s[i] == ':';
}

static int ris_read(lit_records *out, const char *data, size_t len, const char *filename,
                    lit_error *err)
{
	ris_rec r;
	size_t pos = 0;
	long line = 0;
	int rc = LIT_OK, seen_ty = 0;

	memset(&r, 0, sizeof(r));
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len && rc == LIT_OK) {
		const char *s = data + pos, *nl = memchr(s, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - s) : len - pos;
		char tag[3];
		const char *v;
		size_t vl, tl;
		const char *ts;

		pos += ll + (nl ? 1 : 0);
		line++;
		if (ll > 0 && s[ll - 1] == '\r')
			ll--;
		tl = ll;
		ts = trim(s, &tl);
		if (tl == 0)
			continue;
		if (memchr(s, '\0', ll)) {
			rc = lit_error_set(err, LIT_EPARSE, filename, line, "NUL byte in RIS input");
			break;
		}
		if (!parse_tag_line(s, ll, tag, &v, &vl)) {
			if (r.open && r.n > 0) {
				rc = ris_rec_continue(&r, ts, tl);
				continue;
			}
			if (!seen_ty && is_header_line(ts, tl))
				continue; /* "Provider: ...", "Content: text/plain" */
			rc = lit_error_set(err, LIT_EPARSE, filename, line,
			                   "not a RIS line (expected 'TY  - ' to start a record)");
			break;
		}
		if (strcmp(tag, "TY") == 0) {
			seen_ty = 1;
			if (r.open) {
				/* a record without ER: take it as ended */
				lit_record *rec = NULL;
				rc = ris_map(&r, filename, &rec);
				if (rc == LIT_OK)
					rc = lit_records_push(out, rec);
				ris_rec_reset(&r);
				if (rc)
					break;
			}
			if (vl == 0) {
				rc = lit_error_set(err, LIT_EPARSE, filename, line, "empty RIS type in 'TY'");
				break;
			}
			r.open = 1;
			r.line = line;
			rc = ris_rec_add(&r, tag, v, vl, line);
		} else if (strcmp(tag, "ER") == 0) {
			lit_record *rec = NULL;
			if (!r.open) {
				rc = lit_error_set(err, LIT_EPARSE, filename, line,
				                   "'ER' without a record (missing 'TY  - ')");
				break;
			}
			rc = ris_map(&r, filename, &rec);
			if (rc == LIT_OK)
				rc = lit_records_push(out, rec);
			ris_rec_reset(&r);
		} else {
			if (!r.open) {
				rc = lit_error_set(err, LIT_EPARSE, filename, line,
				                   "RIS tag '%s' outside a record (missing 'TY  - ')", tag);
				break;
			}
			rc = ris_rec_add(&r, tag, v, vl, line);
		}
	}
	if (rc == LIT_OK && r.open) {
		/* Input ends inside a record: the file was cut short.  Records
		 * before it are kept; the cut one is reported, not guessed at. */
		rc = lit_error_set(err, LIT_EPARSE, filename, r.line,
		                   "record is not terminated by 'ER  - ' (file cut short?)");
	}
	if (rc == LIT_ENOMEM && (!err || err->code != LIT_ENOMEM))
		lit_error_set(err, rc, filename, line, "out of memory");
	free(r.f);
	lit_buf_free(&r.text);
	return rc;
}

static int ris_detect(const char *data, size_t len)
{
	size_t i = 0, lim = len < 8192 ? len : 8192;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < lim && is_ws(data[i]))
		i++;
	if (i + 5 <= len && memcmp(data + i, "TY", 2) == 0) {
		size_t j = i + 2;
		while (j < len && (data[j] == ' ' || data[j] == '\t'))
			j++;
		if (j < len && data[j] == '-' && j > i + 2)
			return 100;
	}
	/* a TY line further down, after some preamble */
	for (; i + 6 < lim; i++)
		if (data[i] == '\n' && memcmp(data + i + 1, "TY  -", 5) == 0)
			return 40;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Writer                                                              */
/* ------------------------------------------------------------------ */

/* Write "XX  - value\r\n"; newlines inside values become spaces, except
 * in notes and abstracts where they stay as CRLF-separated lines. */
/* The character put_tag() writes for c inside a value: controls become
 * spaces. */
static char written_char(char c)
{
	return ((unsigned char)c < 0x20 || c == 0x7f) ? ' ' : c;
}

/* Would the line s[0..len), as put_tag() writes it, be read as a tag line?
 * Mirrors parse_tag_line(). */
static int written_line_is_tag(const char *s, size_t len)
{
	size_t i = 2;
	char c0, c1;
	if (len < 3)
		return 0;
	c0 = written_char(s[0]);
	c1 = written_char(s[1]);
	if (!(c0 >= 'A' && c0 <= 'Z') || !((c1 >= 'A' && c1 <= 'Z') || (c1 >= '0' && c1 <= '9')))
		return 0;
	if (written_char(s[2]) != ' ' && s[2] != '\t')
		return 0;
	while (i < len && (written_char(s[i]) == ' ' || s[i] == '\t'))
		i++;
	if (i >= len || s[i] != '-')
		return 0;
	i++;
	return i >= len || written_char(s[i]) == ' ' || s[i] == '\t';
}

/* Would some line after the first of v[0..len) be read as a tag line?
 * Lines start after every CR or LF, since put_tag() writes both as CRLF. */
static int has_tag_like_line(const char *v, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t st, e;
		if (v[i] != '\n' && v[i] != '\r') {
			i++;
			continue;
		}
		st = i + 1;
		for (e = st; e < len && v[e] != '\n' && v[e] != '\r'; e++)
			;
		if (written_line_is_tag(v + st, e - st))
			return 1;
		i = e;
	}
	return 0;
}

static void put_tag(lit_buf *b, const char *tag, const char *v, size_t len)
{
	size_t i, run = 0;
	int keep_nl = strcmp(tag, "N1") == 0 || strcmp(tag, "AB") == 0;
	v = trim(v, &len);
	if (len == 0)
		return;
	if (keep_nl && has_tag_like_line(v, len))
		keep_nl = 0; /* such lines would be read back as tags */
	lit_buf_puts(b, tag);
	lit_buf_puts(b, "  - ");
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c < 0x20 || c == 0x7f) {
			lit_buf_put(b, v + i - run, run);
			run = 0;
			if (c == '\n' && keep_nl) {
				lit_buf_puts(b, "\r\n");
			} else if (c == '\r' && keep_nl) {
				if (i + 1 < len && v[i + 1] == '\n')
					continue;
				lit_buf_puts(b, "\r\n");
			} else {
				lit_buf_putc(b, ' ');
			}
		} else {
			run++;
		}
	}
	lit_buf_put(b, v + len - run, run);
	lit_buf_puts(b, "\r\n");
}

static void put_var(lit_buf *b, const char *tag, const lit_record *rec, lit_var var)
{
	const char *v = lit_record_get(rec, var);
	if (v)
		put_tag(b, tag, v, strlen(v));
}

static void put_names(lit_buf *b, const char *tag, const lit_record *rec, lit_var var)
{
	size_t n = lit_record_name_count(rec, var), i;
	for (i = 0; i < n; i++) {
		const lit_name *nm = lit_record_name(rec, var, i);
		lit_buf t = LIT_BUF_INIT;
		if (!nm)
			continue;
		if (nm->family && *nm->family) {
			if (nm->non_dropping_particle && *nm->non_dropping_particle) {
				lit_buf_puts(&t, nm->non_dropping_particle);
				lit_buf_putc(&t, ' ');
			}
			lit_buf_puts(&t, nm->family);
			if ((nm->given && *nm->given) ||
			    (nm->dropping_particle && *nm->dropping_particle) ||
			    (nm->suffix && *nm->suffix)) {
				lit_buf_puts(&t, ",");
				if (nm->given && *nm->given) {
					lit_buf_putc(&t, ' ');
					lit_buf_puts(&t, nm->given);
				}
				if (nm->dropping_particle && *nm->dropping_particle) {
					lit_buf_putc(&t, ' ');
					lit_buf_puts(&t, nm->dropping_particle);
				}
				if (nm->suffix && *nm->suffix) {
					lit_buf_puts(&t, ", ");
					lit_buf_puts(&t, nm->suffix);
				}
			}
		} else if (nm->literal && *nm->literal) {
			lit_buf_puts(&t, nm->literal);
		} else if (nm->given && *nm->given) {
			lit_buf_puts(&t, nm->given);
		}
		if (t.len && lit_buf_status(&t) == 0)
			put_tag(b, tag, t.ptr, t.len);
		else if (lit_buf_status(&t))
			b->failed = b->failed ? b->failed : t.failed;
		lit_buf_free(&t);
	}
}

static const char *const season_names[5] = { "", "Spring", "Summer", "Autumn", "Winter" };

/* "YYYY/MM/DD/other" as Zotero writes DA (and Y2). */
static void put_ris_date(lit_buf *b, const char *tag, const lit_date *d)
{
	if (!d)
		return;
	if (d->year == 0) {
		if (d->literal && *d->literal)
			put_tag(b, tag, d->literal, strlen(d->literal));
		return;
	}
	lit_buf_puts(b, tag);
	lit_buf_puts(b, "  - ");
	lit_buf_printf(b, "%04d/", d->year);
	if (d->month >= 1 && d->month <= 12)
		lit_buf_printf(b, "%02d", d->month);
	lit_buf_putc(b, '/');
	if (d->month >= 1 && d->month <= 12 && d->day >= 1 && d->day <= 31)
		lit_buf_printf(b, "%02d", d->day);
	lit_buf_putc(b, '/');
	if (d->season >= 1 && d->season <= 4)
		lit_buf_puts(b, season_names[d->season]);
	lit_buf_puts(b, "\r\n");
}

/* SP/EP from a page range "40-58", "40–58", "40--58". */
static void put_pages(lit_buf *b, const char *page)
{
	size_t len = strlen(page), i, dash = len, dl = 0;
	for (i = 0; i < len; i++) {
		if (page[i] == '-') {
			dash = i;
			dl = 1;
			while (dash + dl < len && page[dash + dl] == '-')
				dl++;
			break;
		}
		if ((unsigned char)page[i] == 0xE2 && i + 2 < len &&
		    (unsigned char)page[i + 1] == 0x80 &&
		    ((unsigned char)page[i + 2] >= 0x90 && (unsigned char)page[i + 2] <= 0x95)) {
			dash = i;
			dl = 3;
			break;
		}
	}
	if (dash == len || dash == 0 || dash + dl >= len || memchr(page, ',', len)) {
		put_tag(b, "SP", page, len);
		return;
	}
	put_tag(b, "SP", page, dash);
	put_tag(b, "EP", page + dash + dl, len - dash - dl);
}

/* KW per keyword: the keyword variable holds "a, b" or "a; b". */
static void put_keywords(lit_buf *b, const char *kw)
{
	const char *p = kw;
	int semi = strchr(kw, ';') != NULL;
	while (*p) {
		const char *e = strchr(p, semi ? ';' : ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		put_tag(b, "KW", p, n);
		p += n;
		if (*p)
			p++;
	}
}

static int ris_write_record(lit_wctx *ctx, const lit_record *rec)
{
	lit_buf *b = ctx->out;
	lit_type ty = lit_record_type(rec);
	const char *page = lit_record_get(rec, LIT_VAR_PAGE);
	const char *kw = lit_record_get(rec, LIT_VAR_KEYWORD);
	const lit_date *issued = lit_record_date(rec, LIT_VAR_ISSUED);

	lit_buf_puts(b, "TY  - ");
	lit_buf_puts(b, ris_code_from_type(ty));
	lit_buf_puts(b, "\r\n");
	put_var(b, "TI", rec, LIT_VAR_TITLE);
	put_names(b, "AU", rec, LIT_VAR_AUTHOR);
	put_var(b, "T2", rec, LIT_VAR_CONTAINER_TITLE);
	put_names(b, "A2", rec, LIT_VAR_EDITOR);
	put_var(b, "T3", rec, LIT_VAR_COLLECTION_TITLE);
	put_names(b, "A3", rec, LIT_VAR_COLLECTION_EDITOR);
	put_names(b, "A4", rec, LIT_VAR_TRANSLATOR);
	put_var(b, "AB", rec, LIT_VAR_ABSTRACT);
	put_var(b, "CY", rec, LIT_VAR_PUBLISHER_PLACE);
	if (issued) {
		put_ris_date(b, "DA", issued);
		if (issued->year > 0)
			lit_buf_printf(b, "PY  - %04d\r\n", issued->year);
	}
	put_var(b, "DO", rec, LIT_VAR_DOI);
	put_var(b, "ET", rec, LIT_VAR_EDITION);
	put_var(b, "VL", rec, LIT_VAR_VOLUME);
	put_var(b, "IS", rec, LIT_VAR_ISSUE);
	put_var(b, "M1", rec, LIT_VAR_NUMBER);
	put_var(b, "M3", rec, LIT_VAR_GENRE);
	if (page && *page)
		put_pages(b, page);
	else
		put_var(b, "SP", rec, LIT_VAR_NUMBER_OF_PAGES);
	put_var(b, "J2", rec, LIT_VAR_CONTAINER_TITLE_SHORT);
	put_var(b, "LA", rec, LIT_VAR_LANGUAGE);
	put_var(b, "NV", rec, LIT_VAR_NUMBER_OF_VOLUMES);
	put_var(b, "PB", rec, LIT_VAR_PUBLISHER);
	put_var(b, "SE", rec, LIT_VAR_SECTION);
	if (is_serial_type(ty)) {
		put_var(b, "SN", rec, LIT_VAR_ISSN);
		put_var(b, "SN", rec, LIT_VAR_ISBN);
	} else {
		put_var(b, "SN", rec, LIT_VAR_ISBN);
		put_var(b, "SN", rec, LIT_VAR_ISSN);
	}
	put_var(b, "ST", rec, LIT_VAR_TITLE_SHORT);
	put_var(b, "UR", rec, LIT_VAR_URL);
	put_var(b, "DP", rec, LIT_VAR_SOURCE);
	put_var(b, "DB", rec, LIT_VAR_ARCHIVE);
	put_var(b, "AN", rec, LIT_VAR_ARCHIVE_LOCATION);
	put_var(b, "CN", rec, LIT_VAR_CALL_NUMBER);
	put_var(b, "OP", rec, LIT_VAR_ORIGINAL_TITLE);
	put_ris_date(b, "Y2", lit_record_date(rec, LIT_VAR_ACCESSED));
	put_var(b, "N1", rec, LIT_VAR_NOTE);
	if (kw && *kw)
		put_keywords(b, kw);
	lit_buf_puts(b, "ER  - \r\n\r\n");
	return lit_buf_status(b);
}

const lit_format_def lit_format_ris = {
	{ "ris", "RIS (Zotero conventions)", 1, 1 },
	NULL,
	ris_detect,
	ris_read,
	NULL,
	ris_write_record,
	NULL,
	NULL
};
