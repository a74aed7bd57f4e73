/*
 * csl_render.c - evaluating CSL rendering elements for one item: text,
 * number, label, group, choose, date and names, into an output tree.
 *
 * Group suppression follows CSL 1.0.2: a group that calls variables and
 * renders none of them is empty.  Substituted name variables are
 * suppressed for the rest of the item.  Dates and numbers render as sort
 * keys when ctx->sorting is set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <strings.h>

#include "csl_int.h"
#include "util/utf8.h"

static onode *render_node(csl_ctx *c, const csl_node *n);

/* ------------------------------------------------------------ helpers */

int lit_csl_var_from_name(const char *name)
{
	int v = lit_var_from_name(name);
	if (v >= 0)
		return v;
	if (!strcmp(name, "journalAbbreviation"))
		return LIT_VAR_CONTAINER_TITLE_SHORT;
	if (!strcmp(name, "shortTitle"))
		return LIT_VAR_TITLE_SHORT;
	if (!strcmp(name, "editortranslator"))
		return -3;
	return -2;
}

static int is_supp(const csl_ctx *c, int var)
{
	return var >= 0 && (c->supp[var / 32] >> (var % 32) & 1u);
}

static void set_supp(csl_ctx *c, int var)
{
	if (var >= 0)
		c->supp[var / 32] |= 1u << (var % 32);
}

static char *afmt(csl_arena *a, const char *fmt, long v)
{
	char tmp[48];
	snprintf(tmp, sizeof(tmp), fmt, v);
	return lit_csl_strdup(a, tmp);
}

static const char *lang_of(csl_ctx *c)
{
	if (c->item && c->item->lang)
		return c->item->lang;
	return c->loc ? c->loc->lang : "en";
}

static const char *var_text_raw(csl_ctx *c, int var, int shortform);

const char *lit_csl_var_text(csl_ctx *c, int var, int shortform)
{
	const char *v = var_text_raw(c, var, shortform);
	if (v && c->in_substitute && var >= 0)
		c->rec_vars[var / 32] |= 1u << (var % 32);
	return v;
}

/* litera extension <abbreviation variable long short>: the other form of a
 * value of variable `vn` (short when shortform, long when expanding), or
 * NULL when the table has none. */
static const char *abbrev_value(csl_ctx *c, const char *vn, const char *val, int shortform, int exp)
{
	for (const csl_node *ab = c->st->abbrevs->child; ab; ab = ab->next) {
		const char *av = lit_csl_attr(ab, "variable"), *lg = lit_csl_attr(ab, "long");
		const char *sh = lit_csl_attr(ab, "short");
		if (!av || !lg || !sh || !vn || strcmp(av, vn))
			continue;
		if (shortform && !strcmp(lg, val))
			return sh;
		if (!shortform && exp && !strcmp(sh, val))
			return lg;
	}
	return NULL;
}

static const char *var_text_raw(csl_ctx *c, int var, int shortform)
{
	if (var < 0 || is_supp(c, var))
		return NULL;
	const lit_record *r = c->item ? c->item->rec : NULL;
	const char *v = NULL;
	switch (var) {
	case LIT_VAR_LOCATOR: {
		const char *l = c->ref ? c->ref->locator : NULL;
		while (l && *l == ' ')
			l++;
		return l && *l ? l : NULL;
	}
	case LIT_VAR_CITATION_NUMBER:
		return c->item ? afmt(c->ar, "%ld", c->item->citation_number) : NULL;
	case LIT_VAR_FIRST_REFERENCE_NOTE_NUMBER:
		if (c->ref && c->ref->first_note > 0 && c->ref->position != LIT_CSL_POS_FIRST)
			return afmt(c->ar, "%ld", c->ref->first_note);
		return NULL;
	case LIT_VAR_CITATION_LABEL: {
		/* the record's label, or a trigraph (Aaaa00, AaAa00, AaAA00, AAAA00) */
		if (!c->item)
			return NULL;
		lit_buf b = LIT_BUF_INIT;
		const char *own = lit_record_get(c->item->rec, LIT_VAR_CITATION_LABEL);
		if (own && *own) {
			lit_buf_puts(&b, own);
		} else {
			lit_var nv = LIT_VAR_AUTHOR;
			size_t cnt = lit_record_name_count(c->item->rec, nv);
			if (!cnt) {
				nv = LIT_VAR_EDITOR;
				cnt = lit_record_name_count(c->item->rec, nv);
			}
			static const int pat[4][4] = { { 4, 0, 0, 0 }, { 2, 2, 0, 0 }, { 2, 1, 1, 0 }, { 1, 1, 1, 1 } };
			size_t use = cnt > 4 ? 4 : cnt;
			for (size_t k = 0; k < use; k++) {
				const lit_name *nm = lit_record_name(c->item->rec, nv, k);
				const char *f = nm->family ? nm->family : nm->literal ? nm->literal : "";
				while (*f >= 'a' && *f <= 'z' && strchr(f, ' '))
					f = strchr(f, ' ') + 1;
				int want = pat[use - 1][k];
				size_t fl = strlen(f), i = 0;
				for (int q = 0; q < want && i < fl; q++) {
					size_t adv;
					lit_utf8_decode(f + i, fl - i, &adv);
					lit_buf_put(&b, f + i, adv);
					i += adv;
				}
			}
			const lit_date *d = lit_record_date(c->item->rec, LIT_VAR_ISSUED);
			if (d && d->year)
				lit_buf_printf(&b, "%02d", (d->year < 0 ? -d->year : d->year) % 100);
		}
		if (c->dis && c->dis->year_suffix > 0 && !c->eng->has_year_suffix_var) {
			int ys = c->dis->year_suffix - 1;
			if (ys >= 26)
				lit_buf_putc(&b, (char)('a' + ys / 26 - 1));
			lit_buf_putc(&b, (char)('a' + ys % 26));
			c->year_suffix_rendered = 1;
		}
		const char *lbl = b.len ? lit_csl_strdup(c->ar, lit_buf_cstr(&b)) : NULL;
		lit_buf_free(&b);
		return lbl;
	}
	case LIT_VAR_YEAR_SUFFIX: {
		int ys = c->dis ? c->dis->year_suffix : 0;
		if (ys <= 0)
			return NULL;
		return lit_csl_year_suffix(c->ar, ys);
	}
	default:
		break;
	}
	if (!r)
		return NULL;
	if (c->st->abbrevs) {
		/* litera extension: <abbreviation variable="publisher-place" long="Москва" short="М."/>;
		 * form="short" abbreviates; with <abbreviations expand="true"> the long
		 * form of a known abbreviation is printed otherwise. */
		const char *expand = lit_csl_attr(c->st->abbrevs, "expand");
		int exp = expand && !strcmp(expand, "true");
		const char *full = lit_record_get(r, (lit_var)var);
		const char *vn = lit_var_name((lit_var)var);
		int listed = 0;
		for (const csl_node *ab = c->st->abbrevs->child; ab && !listed && vn; ab = ab->next) {
			const char *av = lit_csl_attr(ab, "variable");
			listed = av && !strcmp(av, vn);
		}
		if (listed && full && (shortform || exp) && strchr(full, ';') && strlen(full) < 1024) {
			/* several places ("Москва; Санкт-Петербург"): each one on its own,
			 * joined by the prescribed " ; " */
			lit_buf b = LIT_BUF_INIT;
			const char *p = full;
			while (*p) {
				size_t l = strcspn(p, ";");
				const char *s0 = p, *e0 = p + l;
				while (s0 < e0 && *s0 == ' ')
					s0++;
				while (e0 > s0 && e0[-1] == ' ')
					e0--;
				char part[1024];
				memcpy(part, s0, (size_t)(e0 - s0));
				part[e0 - s0] = 0;
				const char *m = abbrev_value(c, vn, part, shortform, exp);
				if (*part) {
					if (b.len)
						lit_buf_puts(&b, " ; ");
					lit_buf_puts(&b, m ? m : part);
				}
				p += l;
				if (*p)
					p++;
			}
			const char *res = lit_buf_status(&b) ? NULL : lit_csl_strdup(c->ar, lit_buf_cstr(&b));
			lit_buf_free(&b);
			if (res)
				return res;
		}
		const char *m = full && (shortform || exp) ? abbrev_value(c, vn, full, shortform, exp) : NULL;
		if (m)
			return *m ? m : NULL;
	}
	if (shortform) {
		if (var == LIT_VAR_TITLE) {
			v = lit_record_get(r, LIT_VAR_TITLE_SHORT);
		} else if (var == LIT_VAR_CONTAINER_TITLE) {
			v = lit_record_get(r, LIT_VAR_CONTAINER_TITLE_SHORT);
		} else if (var == LIT_VAR_COLLECTION_TITLE) {
			v = lit_record_get(r, LIT_VAR_COLLECTION_TITLE_SHORT);
		}
		if (v && *v)
			return v;
	}
	if (lit_var_kind_of((lit_var)var) == LIT_KIND_NAME || lit_var_kind_of((lit_var)var) == LIT_KIND_DATE)
		return NULL;
	v = lit_record_get(r, (lit_var)var);
	if ((!v || !*v) && var == LIT_VAR_PAGE_FIRST) {
		const char *p = lit_record_get(r, LIT_VAR_PAGE);
		if (p) {
			size_t n = 0;
			while (p[n] && p[n] != '-' && p[n] != ',' && p[n] != '&' && p[n] != ' ' &&
			       (unsigned char)p[n] != 0xe2)
				n++;
			return n ? lit_csl_strndup(c->ar, p, n) : NULL;
		}
	}
	if ((!v || !*v) && var == LIT_VAR_CONTAINER_TITLE_SHORT)
		v = lit_record_get(r, LIT_VAR_CONTAINER_TITLE);
	return v && *v ? v : NULL;
}

static int var_present(csl_ctx *c, int var)
{
	if (var == LIT_VAR_CITATION_NUMBER)
		return 1;
	if (var < 0 || is_supp(c, var))
		return 0;
	if (!c->item)
		return 0;
	lit_var_kind k = lit_var_kind_of((lit_var)var);
	if (k == LIT_KIND_NAME)
		return lit_record_name_count(c->item->rec, (lit_var)var) > 0;
	if (k == LIT_KIND_DATE) {
		const lit_date *d = lit_record_date(c->item->rec, (lit_var)var);
		return d && (d->year || d->literal || d->season || d->month);
	}
	if (var == LIT_VAR_TITLE_SHORT || var == LIT_VAR_CONTAINER_TITLE_SHORT) {
		const char *v = lit_record_get(c->item->rec, (lit_var)var);
		return v && *v;
	}
	return lit_csl_var_text(c, var, 0) != NULL;
}

/* Numeric content: numbers with optional letter affixes, separated by
 * commas, ampersands or hyphens ("12", "2-4", "L2", "1, 3 & 5"). */
int lit_csl_is_numeric(const char *s)
{
	if (!s || !*s)
		return 0;
	int need_num = 1, saw = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		/* token */
		int digits = 0, letters = 0;
		const unsigned char *t = p;
		while (*p && (isalnum(*p) || *p == '.')) {
			if (isdigit(*p))
				digits++;
			else if (*p != '.')
				letters++;
			p++;
		}
		if (p == t || !digits)
			return 0;
		(void)letters;
		saw = 1;
		need_num = 0;
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (*p == ',' || *p == '&' || *p == '-') {
			p++;
			need_num = 1;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94)) {
			p += 3;
			need_num = 1;
		} else {
			return 0;
		}
	}
	return saw && !need_num;
}

/* Is the word at [s, e) a number: with a digit, or a roman numeral? */
static int numberish(const char *s, const char *e)
{
	int roman = s < e;
	for (; s < e; s++) {
		if (isdigit((unsigned char)*s))
			return 1;
		if (!strchr("ivxlcdmIVXLCDM", *s))
			roman = 0;
	}
	return roman;
}

/* Does a number string denote several numbers ("1-3", "1, 2", "1 & 2",
 * "213 and 235", "i–ix")?  Words that are not numbers on either side of
 * the separator do not count ("Michaelson-Morely"). */
static int is_plural_num(const char *s)
{
	if (!s)
		return 0;
	const char *p = s;
	int seen = 0;
	for (; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (isalnum(ch)) {
			seen = 1;
			continue;
		}
		if (!seen)
			continue;
		const char *q = p;
		int sep = 0;
		if (*q == '\\' && q[1] == '-') {
			p++;
			continue;
		}
		if (*q == '-' || *q == ',' || *q == '&') {
			sep = 1;
			q++;
		} else if (ch == 0xe2 && (unsigned char)q[1] == 0x80 && ((unsigned char)q[2] == 0x93 || (unsigned char)q[2] == 0x94)) {
			sep = 1;
			q += 3;
		} else if (*q == ' ') {
			while (*q == ' ')
				q++;
			if (!strncmp(q, "and ", 4) || !strncmp(q, "et ", 3) || !strncmp(q, "und ", 4) ||
			    !strncmp(q, "\xd0\xb8 ", 3)) {
				sep = 1;
				q = strchr(q, ' ');
			} else if (*q == '-' || *q == ',' || *q == '&') {
				sep = 1;
				q++;
			}
		}
		if (sep && q) {
			while (*q == ' ')
				q++;
			if (*p != ' ' && (!strncmp(q, "and ", 4) || !strncmp(q, "et ", 3) ||
			                  !strncmp(q, "und ", 4) || !strncmp(q, "\xd0\xb8 ", 3)))
				for (q = strchr(q, ' '); *q == ' '; q++)
					;  /* "213, and 235" */
			const char *ws = p, *we = q;
			while (ws > s && isalnum((unsigned char)ws[-1]))
				ws--;
			while (isalnum((unsigned char)*we))
				we++;
			if (isalnum((unsigned char)*q) && numberish(ws, p) && numberish(q, we))
				return 1;
		}
	}
	return 0;
}

static onode *leaf(csl_ctx *c, const char *s)
{
	return lit_csl_onode(c->ar, s);
}

/* Wrap `in` with the formatting of element n (affixes, decorations,
 * display, quotes, text-case, strip-periods).  Returns NULL for NULL input. */
static onode *wrap(csl_ctx *c, const csl_node *n, onode *in)
{
	if (!in)
		return NULL;
	if (c->sorting)
		return in;
	if (n->fmt.text_case)
		lit_csl_text_case(c->ar, in, n->fmt.text_case, lang_of(c));
	onode *w = lit_csl_onode(c->ar, NULL);
	if (!w)
		return in;
	w->fmt = n->fmt;
	w->fmt.text_case = 0;
	lit_csl_onode_add(w, in);
	return w;
}

static void strip_periods(csl_ctx *c, onode *n)
{
	if (n->text) {
		size_t l = strlen(n->text), j = 0;
		char *s = lit_csl_strndup(c->ar, n->text, l);
		if (!s)
			return;
		for (size_t i = 0; i < l; i++)
			if (s[i] != '.')
				s[j++] = s[i];
		s[j] = 0;
		n->text = s;
	}
	for (onode *k = n->child; k; k = k->next)
		strip_periods(c, k);
}

/* Add a rendered child; the output of cs:choose is spliced into the parent
 * so that the parent's delimiter applies between the elements it chose. */
static void add_child(onode *out, const csl_node *k, onode *r)
{
	if (k->kind == K_CHOOSE && !r->text) {
		onode *ch = r->child;
		while (ch) {
			onode *nx = ch->next;
			lit_csl_onode_add(out, ch);
			ch = nx;
		}
		return;
	}
	lit_csl_onode_add(out, r);
}

/* Join the rendered children of n into a container. */
onode *lit_csl_render_children(csl_ctx *c, const csl_node *n)
{
	onode *out = NULL;
	for (const csl_node *k = n->child; k; k = k->next) {
		onode *r = render_node(c, k);
		if (!r)
			continue;
		if (!out) {
			out = lit_csl_onode(c->ar, NULL);
			if (!out)
				return NULL;
		}
		add_child(out, k, r);
	}
	return out;
}

/* ------------------------------------------------------------ numbers */

static const char *ordinal_suffix(csl_ctx *c, long num, const char *gender)
{
	const csl_locale *loc = c->loc;
	char name[32];
	/* ordinal-00 .. ordinal-99 with match rules (CSL 1.0.1+) */
	long n100 = num % 100, n10 = num % 10;
	const csl_term *best = NULL;
	for (int pass = 0; pass < 2 && !best; pass++) {
		for (size_t i = 0; i < loc->nterms; i++) {
			const csl_term *t = &loc->terms[i];
			if (strncmp(t->name, "ordinal-", 8) || strlen(t->name) != 10)
				continue;
			if (pass == 0 && gender && (!t->gender_form || strcmp(t->gender_form, gender)))
				continue;
			/* without a gendered match the neuter variant applies, never
			 * another gender's */
			if ((pass == 1 || !gender) && t->gender_form && strcmp(t->gender_form, "neuter"))
				continue;
			int k = atoi(t->name + 8);
			const char *m = t->match;
			int ok;
			if (k >= 10) {
				ok = m && !strcmp(m, "whole-number") ? num == k : n100 == k;
			} else {
				if (m && !strcmp(m, "last-two-digits"))
					ok = n100 == k;
				else if (m && !strcmp(m, "whole-number"))
					ok = num == k;
				else
					ok = n10 == k;
			}
			if (ok && (!best || k >= 10))
				best = t;
		}
	}
	if (best)
		return best->single;
	snprintf(name, sizeof(name), "ordinal");
	const char *s = NULL;
	if (gender)
		for (size_t i = 0; i < loc->nterms; i++)
			if (!strcmp(loc->terms[i].name, "ordinal") && loc->terms[i].gender_form &&
			    !strcmp(loc->terms[i].gender_form, gender))
				s = loc->terms[i].single;
	if (!s)
		s = lit_csl_term_str(loc, name, "long", 0);
	return s ? s : "";
}

static const char *long_ordinal(csl_ctx *c, long num, const char *gender)
{
	if (num >= 1 && num <= 10) {
		char name[32];
		snprintf(name, sizeof(name), "long-ordinal-%02ld", num);
		if (gender)
			for (size_t i = 0; i < c->loc->nterms; i++)
				if (!strcmp(c->loc->terms[i].name, name) && c->loc->terms[i].gender_form &&
				    !strcmp(c->loc->terms[i].gender_form, gender))
					return c->loc->terms[i].single;
		const char *s = lit_csl_term_str(c->loc, name, "long", 0);
		if (s)
			return s;
	}
	return NULL;
}

static void roman(lit_buf *b, long n)
{
	static const struct { int v; const char *s; } t[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
		{ 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" } };
	if (n <= 0 || n >= 4000) {
		lit_buf_printf(b, "%ld", n);
		return;
	}
	for (int i = 0; i < 13; i++)
		while (n >= t[i].v) {
			lit_buf_puts(b, t[i].s);
			n -= t[i].v;
		}
}

/* Does a locator start with a label abbreviation of its own ("vol. 1",
 * "ch. 3", "fol. 186")?  Then no page label goes before it. */
static int locator_has_label(const char *v)
{
	static const char *const abbr[] = { "art", "bk", "ch", "subch", "col", "fig", "fol", "l", "n", "no",
		"op", "p", "pp", "para", "subpara", "pt", "r", "sec", "subsec", "sv", "sch", "tit", "vrs",
		"vol", NULL };
	size_t n = strspn(v, "abcdefghijklmnopqrstuvwxyz");
	if (!n || v[n] != '.' || v[n + 1] != ' ')
		return 0;
	for (int i = 0; abbr[i]; i++)
		if (strlen(abbr[i]) == n && !strncmp(abbr[i], v, n))
			return 1;
	return 0;
}

/* Gender of the term a number belongs to (for ordinals). */
static const char *var_gender(csl_ctx *c, int var)
{
	const char *name = var >= 0 ? lit_var_name((lit_var)var) : NULL;
	if (var == LIT_VAR_LOCATOR && c->ref)
		name = c->ref->label ? c->ref->label : "page";
	if (!name)
		return NULL;
	const csl_term *t = lit_csl_term(c->loc, name, "long");
	return t ? t->gender : NULL;
}

/* A number variable as text: forms, ranges with an en dash (or "dash", the
 * litera extension range-delimiter="/" for a combined issue "№ 3/4"). */
static onode *render_number_str(csl_ctx *c, const char *s, const char *form, int var, const char *dash)
{
	lit_buf b = LIT_BUF_INIT;
	const char *gender = var_gender(c, var);
	const char *p = s;
	while (*p) {
		if (isdigit((unsigned char)*p)) {
			char *end;
			long v = strtol(p, &end, 10);
			if (c->sorting) {
				lit_buf_printf(&b, "%08ld", v);
			} else if (!form || !strcmp(form, "numeric")) {
				lit_buf_put(&b, p, (size_t)(end - p));
			} else if (!strcmp(form, "ordinal")) {
				lit_buf_printf(&b, "%ld%s", v, ordinal_suffix(c, v, gender));
			} else if (!strcmp(form, "long-ordinal")) {
				const char *lo = long_ordinal(c, v, gender);
				if (lo)
					lit_buf_puts(&b, lo);
				else
					lit_buf_printf(&b, "%ld%s", v, ordinal_suffix(c, v, gender));
			} else if (!strcmp(form, "roman")) {
				roman(&b, v);
			} else {
				lit_buf_put(&b, p, (size_t)(end - p));
			}
			p = end;
			/* an ordinal given with its suffix ("2nd") takes the locale's suffix only once */
			if (form && strstr(form, "ordinal") && !c->sorting)
				while (isalpha((unsigned char)*p))
					p++;
		} else if (*p == '-' && !c->sorting) {
			lit_buf_puts(&b, dash ? dash : "\xe2\x80\x93");
			p++;
		} else if (dash && !c->sorting && !strncmp(p, "\xe2\x80\x93", 3)) {
			/* an en dash given in the data takes the asked delimiter too */
			lit_buf_puts(&b, dash);
			p += 3;
		} else if (*p == ',' && !c->sorting) {
			lit_buf_puts(&b, ", ");
			p++;
			while (*p == ' ')
				p++;
		} else if (*p == '&' && !c->sorting) {
			lit_buf_puts(&b, " & ");
			p++;
			while (*p == ' ')
				p++;
		} else if (*p == ' ' && !c->sorting) {
			while (*p == ' ')
				p++;
			if (*p != '-' && *p != ',' && *p != '&')
				lit_buf_putc(&b, ' ');
		} else {
			lit_buf_putc(&b, *p);
			p++;
		}
	}
	onode *n = leaf(c, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return n;
}

/* Page ranges by page-range-format: both ends are numbers with the same
 * (possibly empty) letter prefix, else the range is left as written. */
static void fmt_pages(lit_buf *b, const char *pre, const char *a, size_t al, const char *z, size_t zl,
                      const char *fmt, const char *delim)
{
	char full[64];
	if (fmt && zl < al && al < sizeof(full)) {
		/* "321-8" -> "321-328" before formatting */
		memcpy(full, a, al - zl);
		memcpy(full + al - zl, z, zl);
		z = full;
		zl = al;
	}
	lit_buf_puts(b, pre);
	lit_buf_put(b, a, al);
	lit_buf_puts(b, delim);
	if (!fmt || !strcmp(fmt, "expanded"))
		lit_buf_puts(b, pre);
	if (!fmt || !strcmp(fmt, "expanded") || al != zl) {
		lit_buf_put(b, z, zl);
		return;
	}
	size_t i = 0;
	while (i < al && a[i] == z[i])
		i++;
	if (i == al) {
		lit_buf_put(b, z, zl);
		return;
	}
	if (!strcmp(fmt, "minimal")) {
		lit_buf_put(b, z + i, zl - i);
	} else if (!strcmp(fmt, "minimal-two")) {
		size_t keep = zl - i < 2 ? 2 : zl - i;
		if (keep > zl)
			keep = zl;
		lit_buf_put(b, z + zl - keep, keep);
	} else { /* chicago, chicago-15, chicago-16 */
		long av = atol(a);
		int c16 = !strcmp(fmt, "chicago-16");
		size_t keep;
		if (av < 100 || av % 100 == 0)
			keep = zl;
		else if (av % 100 < 10)
			keep = zl - i;
		else {
			keep = zl - i < 2 ? 2 : zl - i;
			if (!c16 && al == 4 && zl - i >= 3)
				keep = zl;
		}
		if (keep > zl)
			keep = zl;
		lit_buf_put(b, z + zl - keep, keep);
	}
}

/* Length of the prefix before the final run of digits ("8n11564" -> 2). */
static size_t alpha_prefix(const char *s, size_t n)
{
	size_t i = n;
	while (i > 0 && isdigit((unsigned char)s[i - 1]))
		i--;
	return i;
}

static int all_alpha(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return 0;
	return 1;
}

static int all_digits(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static onode *render_page(csl_ctx *c, const char *s, const char *fmt)
{
	const char *delim = lit_csl_term_str(c->loc, "page-range-delimiter", "long", 0);
	if (!delim)
		delim = "\xe2\x80\x93";
	lit_buf b = LIT_BUF_INIT;
	const char *p = s;
	while (*p) {
		/* one piece up to "," or "&" */
		size_t n = strcspn(p, ",&");
		const char *e = p + n;
		const char *q = p;
		while (q < e && *q == ' ') {
			lit_buf_putc(&b, ' ');
			q++;
		}
		const char *pe = e;
		while (pe > q && pe[-1] == ' ')
			pe--;
		/* find the range hyphen (not escaped) */
		const char *h = NULL;
		size_t hl = 0;
		for (const char *r = q; r < pe; r++) {
			if (*r == '\\' && r + 1 < pe && r[1] == '-') {
				r++;
				continue;
			}
			if (*r == '-') {
				h = r;
				hl = 1;
				while (h + hl < pe && h[hl] == '-')
					hl++;
				break;
			}
			if ((unsigned char)r[0] == 0xe2 && (unsigned char)r[1] == 0x80 &&
			    ((unsigned char)r[2] == 0x93 || (unsigned char)r[2] == 0x94)) {
				h = r;
				hl = 3;
				break;
			}
		}
		if (!h) {
			for (const char *r = q; r < pe; r++)
				if (!(*r == '\\' && r + 1 < pe && r[1] == '-'))
					lit_buf_putc(&b, *r);
		} else {
			const char *l = q, *le = h;
			while (le > l && le[-1] == ' ')
				le--;
			const char *z = h + hl, *ze = pe;
			while (z < ze && *z == ' ')
				z++;
			size_t lp = alpha_prefix(l, (size_t)(le - l)), zp = alpha_prefix(z, (size_t)(ze - z));
			int simple = all_digits(l + lp, (size_t)(le - l) - lp) && all_digits(z + zp, (size_t)(ze - z) - zp) &&
			             (zp == 0 ? lp == 0 : (lp == zp && !strncmp(l, z, lp)));
			if (all_alpha(l, (size_t)(le - l)) && all_alpha(z, (size_t)(ze - z)) &&
			    numberish(l, le) && numberish(z, ze)) {
				/* roman numerals: "xxv-xxviii" */
				lit_buf_put(&b, l, (size_t)(le - l));
				lit_buf_puts(&b, delim);
				lit_buf_put(&b, z, (size_t)(ze - z));
			} else if (simple) {
				char pre[32];
				size_t pl = lp < sizeof(pre) - 1 ? lp : sizeof(pre) - 1;
				memcpy(pre, l, pl);
				pre[pl] = 0;
				fmt_pages(&b, pre, l + lp, (size_t)(le - l) - lp, z + zp, (size_t)(ze - z) - zp, fmt, delim);
			} else {
				lit_buf_put(&b, l, (size_t)(le - l));
				lit_buf_putc(&b, '-');
				lit_buf_put(&b, z, (size_t)(ze - z));
			}
		}
		for (const char *r = pe; r < e; r++)
			lit_buf_putc(&b, *r);
		if (!*e)
			break;
		if (*e == '&') {
			const char *amp = NULL;
			for (size_t ti = 0; ti < c->loc->nterms; ti++)
				if (!strcmp(c->loc->terms[ti].name, "and") && !strcmp(c->loc->terms[ti].form, "symbol"))
					amp = c->loc->terms[ti].single;
			lit_buf_puts(&b, amp && *amp ? amp : "&");
		} else {
			lit_buf_putc(&b, *e);
		}
		p = e + 1;
	}
	onode *n = lit_csl_rich(c->ar, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return n;
}

/* ---------------------------------------------------------------- text */

static const char *term_form(const csl_node *n)
{
	const char *f = lit_csl_attr(n, "form");
	return f ? f : "long";
}

/* litera extension gost-punctuation="true": in entries in Cyrillic script
 * languages the colon before other title information is a prescribed sign
 * with a space on both sides ("Алгоритмы: построение" -> "Алгоритмы : построение"). */
static const char *gost_punct(csl_ctx *c, const char *v)
{
	const char *l = c->item && c->item->lang ? c->item->lang : "";
	if (strncmp(l, "ru", 2) && strncmp(l, "uk", 2) && strncmp(l, "be", 2))
		return v;
	if (!strstr(v, ": "))
		return v;
	lit_buf b = LIT_BUF_INIT;
	for (const char *p = v; *p; p++) {
		if (p[0] == ':' && p[1] == ' ' && p > v && p[-1] != ' ')
			lit_buf_putc(&b, ' ');
		lit_buf_putc(&b, *p);
	}
	const char *r = lit_csl_strdup(c->ar, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return r ? r : v;
}

static int word_char(unsigned char ch)
{
	return ch >= 0x80 || isalnum(ch);
}

/* litera extension abbreviate-words="other-title|all": the words and
 * phrases listed as <word long=".." short=".."/> in the style's
 * <abbreviations> are abbreviated (GOST R 7.0.12 style), in the whole value
 * or only after the first " : " (other title information; the main title is
 * never abbreviated). */
static const char *abbreviate_words(csl_ctx *c, const char *v, int all)
{
	const char *start = v;
	if (!all) {
		start = strstr(v, " : ");
		if (!start)
			return v;
		start += 3;
	}
	lit_buf b = LIT_BUF_INIT;
	lit_buf_put(&b, v, (size_t)(start - v));
	const char *p = start;
	while (*p) {
		int done = 0;
		if (p == start || !word_char((unsigned char)p[-1])) {
			const csl_node *best = NULL;
			size_t bl = 0;
			for (const csl_node *w = c->st->abbrevs->child; w; w = w->next) {
				const char *lg = lit_csl_attr(w, "long");
				if (!lg || lit_csl_attr(w, "variable"))
					continue;
				size_t l = strlen(lg);
				if (l > bl && !strncmp(p, lg, l) && !word_char((unsigned char)p[l])) {
					best = w;
					bl = l;
				}
			}
			if (best) {
				const char *sh = lit_csl_attr(best, "short");
				lit_buf_puts(&b, sh ? sh : "");
				p += bl;
				/* "журн." at the end of a value keeps one period */
				done = 1;
			}
		}
		if (!done) {
			lit_buf_putc(&b, *p);
			p++;
		}
	}
	const char *r = lit_csl_strdup(c->ar, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return r ? r : v;
}

/* litera extension place-city="true": the place of publication without the
 * postal code of a state or province that follows the city ("Princeton, NJ"
 * -> "Princeton", "Cambridge, MA ; London" -> "Cambridge ; London"), as the
 * GOST examples write foreign places.  Only a final ", " plus two capital
 * Latin letters is taken off each place; other values are left alone. */
static const char *place_city(csl_ctx *c, const char *v)
{
	if (!strstr(v, ", "))
		return v;
	lit_buf b = LIT_BUF_INIT;
	const char *p = v;
	int changed = 0;
	while (*p) {
		size_t l = strcspn(p, ";");
		size_t e = l;
		while (e > 0 && p[e - 1] == ' ')
			e--;
		if (e >= 5 && p[e - 4] == ',' && p[e - 3] == ' ' && isupper((unsigned char)p[e - 2]) &&
		    isupper((unsigned char)p[e - 1]) && (p[e - 2] & 0x80) == 0) {
			lit_buf_put(&b, p, e - 4);
			lit_buf_put(&b, p + e, l - e);
			changed = 1;
		} else {
			lit_buf_put(&b, p, l);
		}
		p += l;
		if (*p)
			lit_buf_putc(&b, *p++);
	}
	const char *r = changed && !lit_buf_status(&b) ? lit_csl_strdup(c->ar, lit_buf_cstr(&b)) : NULL;
	lit_buf_free(&b);
	return r ? r : v;
}

/* litera extension ordinal-term="edition": an edition given as an ordinal
 * with more after it and without the term ("2-е, испр. и доп.", "2nd, rev.",
 * "3-е") gets the term's short form right after the ordinal ("2-е изд.,
 * испр. и доп.", "2nd ed., rev."); values that hold the term already, or do
 * not start with an ordinal, are left alone. */
static const char *ordinal_term(csl_ctx *c, const char *v, const char *term)
{
	const char *t = lit_csl_term_str(c->loc, term, "short", 0);
	if (!t || !*t || !isdigit((unsigned char)*v))
		return v;
	/* the term without its final period ("изд", "ed") already in the value */
	size_t tl = strlen(t);
	if (tl > 1 && t[tl - 1] == '.')
		tl--;
	for (const char *q = v; *q; q++)
		if (!strncmp(q, t, tl))
			return v;
	const char *p = v;
	while (isdigit((unsigned char)*p))
		p++;
	const char *suf = p;
	if (*p == '-')
		p++;
	while (*p && (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80)) {
		if ((unsigned char)*p >= 0x80) {
			size_t adv;
			int32_t cp = lit_utf8_decode(p, strlen(p), &adv);
			if (!((cp >= 0x430 && cp <= 0x44f) || cp == 0x451))
				break;  /* only Cyrillic small letters make up a suffix */
			p += adv;
		} else {
			p++;
		}
	}
	if (p == suf || (p == suf + 1 && *suf == '-'))
		return v;  /* a bare number is handled as a number */
	if (*p && *p != ',' && *p != ' ')
		return v;
	lit_buf b = LIT_BUF_INIT;
	lit_buf_put(&b, v, (size_t)(p - v));
	lit_buf_putc(&b, ' ');
	lit_buf_puts(&b, t);
	lit_buf_puts(&b, p);
	const char *r = lit_buf_status(&b) ? NULL : lit_csl_strdup(c->ar, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return r ? r : v;
}

static onode *render_text(csl_ctx *c, const csl_node *n)
{
	onode *out = NULL;
	const char *v;
	if (n->macro) {
		/* a macro call is suppressed like a group when it calls only empty variables */
		int oc = c->ncalled, orr = c->nrendered;
		c->ncalled = c->nrendered = 0;
		out = lit_csl_render_children(c, n->macro);
		int called = c->ncalled, rendered = c->nrendered;
		if (called > 0 && rendered == 0)
			out = NULL;
		/* output of a macro (terms included) counts as content for the caller */
		c->ncalled = oc + called;
		c->nrendered = orr + (rendered ? rendered : (out && !lit_csl_onode_empty(out) ? 1 : 0));
	} else if (n->variable) {
		int var = n->var;
		const char *form = lit_csl_attr(n, "form");
		int shortf = form && !strcmp(form, "short");
		if (var != LIT_VAR_YEAR_SUFFIX)
			c->ncalled++;
		if (var == LIT_VAR_CITATION_NUMBER) {
			c->num_rendered = 1;
		}
		v = lit_csl_var_text(c, var, shortf);
		if (!v)
			return NULL;
		if (var != LIT_VAR_YEAR_SUFFIX)
			c->nrendered++;
		if (var == LIT_VAR_PAGE || var == LIT_VAR_LOCATOR) {
			/* page-range-format applies to pages; other locators only get the dash */
			if (var == LIT_VAR_PAGE || !c->ref || !c->ref->label || !strcmp(c->ref->label, "page"))
				out = render_page(c, v, c->st->page_range_format);
			else
				out = render_page(c, v, NULL);
		} else if (var != LIT_VAR_CITATION_NUMBER && !c->sorting && lit_var_kind_of((lit_var)var) == LIT_KIND_NUMBER &&
		           !lit_csl_attr(n, "gost-punctuation") && lit_csl_is_numeric(v)) {
			/* a number variable printed as text is still a number: a range
			 * of numbers takes an en dash ("n. 3–4") */
			out = render_number_str(c, v, NULL, var, NULL);
		} else if (var == LIT_VAR_CITATION_NUMBER) {
			out = leaf(c, c->sorting ? afmt(c->ar, "%08ld", c->item->citation_number) : v);
			if (out)
				out->is_num = 1;
		} else if (var == LIT_VAR_YEAR_SUFFIX) {
			out = leaf(c, v);
			if (out)
				out->yearsuffix = 1;
			c->year_suffix_rendered = 1;
		} else if (var == LIT_VAR_URL || var == LIT_VAR_DOI) {
			/* litera extension strip-prefix="https://doi.org/ doi:": the first listed
			 * prefix the value starts with (case ignored) is left out (a DOI given as a link) */
			const char *sp = lit_csl_attr(n, "strip-prefix");
			while (sp && *sp) {
				while (*sp == ' ')
					sp++;
				size_t pl = strcspn(sp, " ");
				if (pl && !strncasecmp(v, sp, pl) && v[pl]) {
					v += pl;
					while (*v == ' ')
						v++;
					break;
				}
				sp += pl;
			}
			if (!*v)
				return NULL;
			out = leaf(c, v);
			if (out)
				out->nocase = 1;
		} else {
			const char *gp = lit_csl_attr(n, "gost-punctuation");
			if (gp && !strcmp(gp, "true"))
				v = gost_punct(c, v);
			const char *mt = lit_csl_attr(n, "main-title");
			if (mt && !strcmp(mt, "true")) {
				/* litera extension: only the main title, without other title information */
				const char *colon = strstr(v, " : ");
				if (colon)
					v = lit_csl_strndup(c->ar, v, (size_t)(colon - v));
			}
			const char *ob = lit_csl_attr(n, "omit-bracketed");
			if (ob && !strcmp(ob, "true") && strstr(v, " : [")) {
				/* litera extension: drop other title information supplied in brackets
				 * (" : [принят Государственной думой …]"), as a short reference may */
				lit_buf b = LIT_BUF_INIT;
				const char *p = v, *q;
				while ((q = strstr(p, " : [")) != NULL) {
					const char *e = strchr(q + 4, ']');
					if (!e)
						break;
					lit_buf_put(&b, p, (size_t)(q - p));
					p = e + 1;
				}
				lit_buf_puts(&b, p);
				const char *r = lit_buf_status(&b) ? NULL : lit_csl_strdup(c->ar, lit_buf_cstr(&b));
				lit_buf_free(&b);
				if (r)
					v = r;
			}
			const char *ot = lit_csl_attr(n, "other-title");
			if (ot && !strcmp(ot, "true")) {
				/* litera extension: only what follows the first " : " (nothing without one) */
				const char *colon = strstr(v, " : ");
				if (!colon || !colon[3]) {
					c->nrendered--;  /* an empty part counts as an empty variable */
					return NULL;
				}
				v = colon + 3;
			}
			const char *otm = lit_csl_attr(n, "ordinal-term");
			if (otm && *otm)
				v = ordinal_term(c, v, otm);
			const char *pc = lit_csl_attr(n, "place-city");
			if (pc && !strcmp(pc, "true"))
				v = place_city(c, v);
			const char *aw = lit_csl_attr(n, "abbreviate-words");
			if (aw && c->st->abbrevs)
				v = abbreviate_words(c, v, !strcmp(aw, "all"));
			out = lit_csl_rich(c->ar, v);
		}
	} else if ((v = lit_csl_attr(n, "term")) != NULL) {
		const char *pl = lit_csl_attr(n, "plural");
		const char *s = lit_csl_term_str(c->loc, v, term_form(n), pl && !strcmp(pl, "true"));
		if (!s || !*s)
			return NULL;
		out = leaf(c, s);
		if (out)
			out->is_term = 1;
	} else if ((v = lit_csl_attr(n, "value")) != NULL) {
		if (!*v)
			return NULL;
		out = lit_csl_rich(c->ar, v);
	}
	if (!out)
		return NULL;
	if (n->fmt.strip_periods)
		strip_periods(c, out);
	return wrap(c, n, out);
}

/* The term of a label abbreviation written in a number ("p." page). */
static const char *label_term(const char *s, size_t n)
{
	static const struct { const char *abbr, *term; } tab[] = {
		{ "art", "article" }, { "bk", "book" }, { "ch", "chapter" }, { "col", "column" },
		{ "fig", "figure" }, { "fol", "folio" }, { "l", "line" }, { "n", "note" }, { "no", "issue" },
		{ "op", "opus" }, { "p", "page" }, { "pp", "page" }, { "para", "paragraph" }, { "pt", "part" },
		{ "sec", "section" }, { "sv", "sub-verbo" }, { "vrs", "verse" }, { "vol", "volume" },
	};
	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strlen(tab[i].abbr) == n && !strncmp(tab[i].abbr, s, n))
			return tab[i].term;
	return NULL;
}

/* A number followed by labelled numbers ("7, p. 3-8"): the number takes the
 * element's form, each label its locale term (plural before several numbers,
 * "pp. 3–8") and the numbers after it stay plain.  NULL when v is not of
 * that shape. */
static onode *render_labelled_number(csl_ctx *c, const char *v, const csl_node *n)
{
	const char *comma = strstr(v, ", ");
	if (!comma)
		return NULL;
	char *head = lit_csl_strndup(c->ar, v, (size_t)(comma - v));
	if (!head || !lit_csl_is_numeric(head))
		return NULL;
	onode *out = lit_csl_onode(c->ar, NULL);
	if (!out)
		return NULL;
	lit_csl_onode_add(out, render_number_str(c, head, lit_csl_attr(n, "form"), n->var, lit_csl_attr(n, "range-delimiter")));
	const char *p = comma + 2;
	while (*p) {
		size_t ln = strspn(p, "abcdefghijklmnopqrstuvwxyz");
		const char *term = ln ? label_term(p, ln) : NULL;
		if (!term || p[ln] != '.' || p[ln + 1] != ' ')
			return NULL;
		const char *num = p + ln + 2;
		const char *end = strstr(num, ", ");
		char *nv = lit_csl_strndup(c->ar, num, end ? (size_t)(end - num) : strlen(num));
		if (!nv || !lit_csl_is_numeric(nv))
			return NULL;
		const char *t = lit_csl_term_str(c->loc, term, "short", is_plural_num(nv));
		lit_csl_onode_add(out, leaf(c, ", "));
		lit_csl_onode_add(out, leaf(c, t && *t ? t : lit_csl_strndup(c->ar, p, ln + 1)));
		lit_csl_onode_add(out, leaf(c, " "));
		lit_csl_onode_add(out, render_number_str(c, nv, NULL, -1, NULL));
		p = end ? end + 2 : num + strlen(num);
	}
	return out;
}

static onode *render_number(csl_ctx *c, const csl_node *n)
{
	c->ncalled++;
	const char *v = lit_csl_var_text(c, n->var, 0);
	if (!v)
		return NULL;
	c->nrendered++;
	onode *out = NULL;
	if (lit_csl_is_numeric(v))
		out = render_number_str(c, v, lit_csl_attr(n, "form"), n->var, lit_csl_attr(n, "range-delimiter"));
	else if (!c->sorting)
		out = render_labelled_number(c, v, n);
	if (!out)
		out = leaf(c, v);
	return wrap(c, n, out);
}

static onode *render_label(csl_ctx *c, const csl_node *n)
{
	int var = n->var;
	const char *term = n->variable;
	const char *v;
	int plural = 0;
	if (!term)
		return NULL;
	if (var == LIT_VAR_LOCATOR) {
		v = lit_csl_var_text(c, var, 0);
		if (!v)
			return NULL;
		term = c->ref && c->ref->label ? c->ref->label : "page";
		if (!strcmp(term, "page") && locator_has_label(v))
			return NULL;  /* "vol. 1, fol. 186": the locator names its own parts */
		plural = is_plural_num(v);
	} else {
		v = lit_csl_var_text(c, var, 0);
		if (!v)
			return NULL;
		if (var == LIT_VAR_NUMBER_OF_PAGES || var == LIT_VAR_NUMBER_OF_VOLUMES)
			plural = atol(v) > 1 || is_plural_num(v);
		else
			plural = is_plural_num(v);
		if (var == LIT_VAR_PAGE_FIRST)
			term = "page";
	}
	const char *pl = lit_csl_attr(n, "plural");
	if (pl && !strcmp(pl, "always"))
		plural = 1;
	else if (pl && !strcmp(pl, "never"))
		plural = 0;
	const char *s = lit_csl_term_str(c->loc, term, term_form(n), plural);
	if (!s || !*s)
		return NULL;
	onode *out = leaf(c, s);
	if (n->fmt.strip_periods)
		strip_periods(c, out);
	return wrap(c, n, out);
}

static onode *render_group(csl_ctx *c, const csl_node *n)
{
	int oc = c->ncalled, orr = c->nrendered;
	c->ncalled = c->nrendered = 0;
	onode *out = NULL;
	for (const csl_node *k = n->child; k; k = k->next) {
		onode *r = render_node(c, k);
		if (!r)
			continue;
		if (!out)
			out = lit_csl_onode(c->ar, NULL);
		if (out)
			add_child(out, k, r);
	}
	int called = c->ncalled, rendered = c->nrendered;
	c->ncalled = oc + called;
	c->nrendered = orr + rendered;
	if (called > 0 && rendered == 0)
		return NULL;
	if (!out)
		return NULL;
	if (called == 0 && !lit_csl_onode_empty(out))
		c->nrendered++;  /* a nested group of plain text counts as output */
	out->delim = n->delimiter;
	return wrap(c, n, out);
}

/* ---------------------------------------------------------------- choose */

static int date_uncertain(csl_ctx *c, int var)
{
	if (var < 0 || !c->item || lit_var_kind_of((lit_var)var) != LIT_KIND_DATE)
		return 0;
	const lit_date *d = lit_record_date(c->item->rec, (lit_var)var);
	return d && d->circa;
}

static int names_count_of(csl_ctx *c, int var)
{
	if (var < 0 || !c->item || lit_var_kind_of((lit_var)var) != LIT_KIND_NAME)
		return 0;
	int n = (int)lit_record_name_count(c->item->rec, (lit_var)var);
	if (lit_record_names_etal(c->item->rec, (lit_var)var))
		n += 100;
	return n;
}

/* Does a language given as a code ("de", "en-GB") or an English or Russian
 * name ("german", "English", "немецкий") have the primary subtag `code`? */
static int original_language_is(const char *lang, const char *code)
{
	static const char *const names[][2] = {
		{ "english", "en" }, { "german", "de" }, { "french", "fr" }, { "italian", "it" },
		{ "spanish", "es" }, { "polish", "pl" }, { "latin", "la" }, { "greek", "el" },
		{ "chinese", "zh" }, { "japanese", "ja" }, { "czech", "cs" }, { "ukrainian", "uk" },
		{ "russian", "ru" }, { "portuguese", "pt" }, { "swedish", "sv" }, { "dutch", "nl" },
		{ "англ", "en" }, { "нем", "de" }, { "франц", "fr" }, { "итал", "it" },
		{ "исп", "es" }, { "пол", "pl" }, { "лат", "la" }, { "греч", "el" },
		{ "кит", "zh" }, { "яп", "ja" }, { "чеш", "cs" }, { "укр", "uk" },
	};
	size_t cl = strlen(code);
	if (!strncasecmp(lang, code, cl) && (lang[cl] == 0 || lang[cl] == '-' || lang[cl] == '_'))
		return 1;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t nl = strlen(names[i][0]);
		if (!strcmp(names[i][1], code) && !strncasecmp(lang, names[i][0], nl))
			return 1;
	}
	return 0;
}

static int test_one(csl_ctx *c, const char *attr, const char *val)
{
	if (!strcmp(attr, "type")) {
		return c->item && !strcmp(lit_type_name(lit_record_type(c->item->rec)), val);
	} else if (!strcmp(attr, "variable")) {
		return var_present(c, lit_csl_var_from_name(val));
	} else if (!strcmp(attr, "is-numeric")) {
		int var = lit_csl_var_from_name(val);
		return lit_csl_is_numeric(lit_csl_var_text(c, var, 0));
	} else if (!strcmp(attr, "is-uncertain-date")) {
		return date_uncertain(c, lit_csl_var_from_name(val));
	} else if (!strcmp(attr, "locator")) {
		if (!c->ref || !c->ref->locator || !*c->ref->locator)
			return 0;
		const char *l = c->ref->label ? c->ref->label : "page";
		if (!strcmp(val, "sub-verbo") && !strcmp(l, "sub verbo"))
			return 1;
		return !strcmp(l, val);
	} else if (!strcmp(attr, "position")) {
		if (c->mode != MODE_CITATION || !c->ref)
			return 0;
		int p = c->ref->position;
		if (!strcmp(val, "first"))
			return p == LIT_CSL_POS_FIRST;
		if (!strcmp(val, "subsequent"))
			return p != LIT_CSL_POS_FIRST;
		if (!strcmp(val, "ibid"))
			return p == LIT_CSL_POS_IBID || p == LIT_CSL_POS_IBID_WITH_LOCATOR;
		if (!strcmp(val, "ibid-with-locator"))
			return p == LIT_CSL_POS_IBID_WITH_LOCATOR;
		if (!strcmp(val, "near-note"))
			return p != LIT_CSL_POS_FIRST && c->ref->near_note;
		return 0;
	} else if (!strcmp(attr, "disambiguate")) {
		/* the n-th disambiguate condition met is true at level n and up */
		if (strcmp(val, "true") || !c->dis)
			return 0;
		return ++c->disamb_tests <= c->dis->disambiguate;
	} else if (!strcmp(attr, "names-min")) {
		/* litera extension: names-min="author 4": at least 4 names ("and others" counts as many) */
		char vn[64];
		int k = 0;
		if (sscanf(val, "%63s %d", vn, &k) != 2)
			return 0;
		return names_count_of(c, lit_csl_var_from_name(vn)) >= k;
	} else if (!strcmp(attr, "contains")) {
		/* litera extension: contains="container-title [": the variable's text contains the string */
		const char *sp = strchr(val, ' ');
		if (!sp || !sp[1])
			return 0;
		char vn[64];
		size_t l = (size_t)(sp - val) < sizeof(vn) - 1 ? (size_t)(sp - val) : sizeof(vn) - 1;
		memcpy(vn, val, l);
		vn[l] = 0;
		const char *v = lit_csl_var_text(c, lit_csl_var_from_name(vn), 0);
		return v && strstr(v, sp + 1) != NULL;
	} else if (!strcmp(attr, "in-title")) {
		/* litera extension: in-title="genre": the variable's text already appears in the
		 * title (case and accents folded), e.g. "Отчет о НИР" in "… : отчет о НИР" */
		int var = lit_csl_var_from_name(val);
		const char *v = var >= 0 ? lit_csl_var_text(c, var, 0) : NULL;
		const char *t = lit_csl_var_text(c, LIT_VAR_TITLE, 0);
		if (!v || !*v || !t)
			return 0;
		char *fv = lit_utf8_fold(v, strlen(v)), *ft = lit_utf8_fold(t, strlen(t));
		int r = fv && ft && *fv && strstr(ft, fv) != NULL;
		free(fv);
		free(ft);
		return r;
	} else if (!strcmp(attr, "personal")) {
		/* litera extension: personal="author": the first name is a person, not an organisation */
		int var = lit_csl_var_from_name(val);
		if (var < 0 || !c->item || lit_var_kind_of((lit_var)var) != LIT_KIND_NAME || is_supp(c, var))
			return 0;
		const lit_name *nm = lit_record_name(c->item->rec, (lit_var)var, 0);
		return nm && !(nm->literal && *nm->literal) && nm->family && *nm->family;
	} else if (!strcmp(attr, "original-language")) {
		/* litera extension: original-language="de": the language a translation was made
		 * from, kept in the record's custom entry "original-language" (CSL-JSON) or
		 * "bibtex-origlanguage" (biblatex); "none" when the record does not say */
		const char *ol = NULL;
		if (c->item) {
			ol = lit_record_custom(c->item->rec, "original-language", NULL);
			if (!ol || !*ol)
				ol = lit_record_custom(c->item->rec, "bibtex-origlanguage", NULL);
		}
		if (!ol || !*ol)
			return !strcmp(val, "none");
		return original_language_is(ol, val);
	} else if (!strcmp(attr, "language")) {
		/* litera extension: language="ru en": the item's language (primary subtag) */
		const char *l = c->item && c->item->lang ? c->item->lang : "";
		size_t vl = strlen(val);
		return !strncasecmp(l, val, vl) && (l[vl] == 0 || l[vl] == '-' || l[vl] == '_');
	}
	return 0;
}

static int test_cond(csl_ctx *c, const csl_node *n)
{
	const char *match = lit_csl_attr(n, "match");
	int mode = !match || !strcmp(match, "all") ? 0 : !strcmp(match, "any") ? 1 : 2;
	int any = 0, all = 1, ntests = 0;
	for (int i = 0; i < n->nattrs; i++) {
		const char *a = n->attrs[2 * i];
		if (!strcmp(a, "match"))
			continue;
		const char *v = n->attrs[2 * i + 1];
		char tok[128];
		const char *p = v;
		while (*p) {
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			size_t l = 0;
			const char *s = p;
			if (!strcmp(a, "names-min") || !strcmp(a, "contains")) {
				l = strlen(p);
				p += l;
			} else {
				while (*p && *p != ' ')
					p++;
				l = (size_t)(p - s);
			}
			if (l >= sizeof(tok))
				l = sizeof(tok) - 1;
			memcpy(tok, s, l);
			tok[l] = 0;
			int r = test_one(c, a, tok);
			ntests++;
			if (r)
				any = 1;
			else
				all = 0;
		}
	}
	if (!ntests)
		return 0;
	return mode == 0 ? all : mode == 1 ? any : !any;
}

static onode *render_choose(csl_ctx *c, const csl_node *n)
{
	for (const csl_node *k = n->child; k; k = k->next) {
		if (k->kind == K_ELSE || ((k->kind == K_IF || k->kind == K_ELSEIF) && test_cond(c, k))) {
			onode *r = lit_csl_render_children(c, k);
			return r;
		}
	}
	return NULL;
}

/* ----------------------------------------------------------------- dates */

static const csl_node *find_part(const csl_node *parent, int which)
{
	for (const csl_node *k = parent ? parent->child : NULL; k; k = k->next)
		if (k->kind == K_DATEPART && k->datepart == which)
			return k;
	return NULL;
}

typedef struct dpart {
	const csl_node *node;      /* attributes source */
	const csl_node *override;  /* style's date-part for localized forms */
	int which;
} dpart;

static const char *dattr(const dpart *p, const char *name)
{
	const char *v = p->override ? lit_csl_attr(p->override, name) : NULL;
	return v ? v : lit_csl_attr(p->node, name);
}

static onode *render_dpart(csl_ctx *c, const dpart *p, int year, int month, int day, int season,
                           int is_issued, int strip_prefix, int strip_suffix)
{
	const char *form = dattr(p, "form");
	char tmp[64];
	const char *s = NULL;
	onode *extra = NULL;
	if (p->which == 0) {
		if (!year)
			return NULL;
		long y = year < 0 ? -(long)year : year;
		if (form && !strcmp(form, "short"))
			snprintf(tmp, sizeof(tmp), "%02ld", y % 100);
		else
			snprintf(tmp, sizeof(tmp), "%ld", y);
		if (year < 0) {
			const char *bc = lit_csl_term_str(c->loc, "bc", "long", 0);
			size_t l = strlen(tmp);
			snprintf(tmp + l, sizeof(tmp) - l, " %s", bc ? bc : "BC");
		} else if (year < 1000) {
			const char *ad = lit_csl_term_str(c->loc, "ad", "long", 0);
			size_t l = strlen(tmp);
			snprintf(tmp + l, sizeof(tmp) - l, " %s", ad ? ad : "AD");
		}
		s = tmp;
		if (is_issued && c->dis && c->dis->year_suffix > 0 && !c->eng->has_year_suffix_var &&
		    !c->year_suffix_rendered) {
			c->year_suffix_rendered = 1;
			extra = leaf(c, lit_csl_var_text(c, LIT_VAR_YEAR_SUFFIX, 0));
			if (extra)
				extra->yearsuffix = 1;
		}
	} else if (p->which == 1) {
		if (month >= 13 && month <= 16) {
			season = month - 12;
			month = 0;
		}
		if (season && !month) {
			snprintf(tmp, sizeof(tmp), "season-%02d", season);
			s = lit_csl_term_str(c->loc, tmp, "long", 0);
			if (!s)
				return NULL;
		} else {
			if (month < 1 || month > 12)
				return NULL;
			if (form && !strcmp(form, "numeric")) {
				snprintf(tmp, sizeof(tmp), "%d", month);
				s = tmp;
			} else if (form && !strcmp(form, "numeric-leading-zeros")) {
				snprintf(tmp, sizeof(tmp), "%02d", month);
				s = tmp;
			} else {
				char name[16];
				snprintf(name, sizeof(name), "month-%02d", month);
				s = lit_csl_term_str(c->loc, name, form && !strcmp(form, "short") ? "short" : "long", 0);
				if (!s)
					return NULL;
				const char *sp = dattr(p, "strip-periods");
				if (sp && !strcmp(sp, "true")) {
					size_t j = 0;
					for (size_t i = 0; s[i] && j < sizeof(tmp) - 1; i++)
						if (s[i] != '.')
							tmp[j++] = s[i];
					tmp[j] = 0;
					s = tmp;
				}
			}
		}
	} else {
		if (!day || !month)
			return NULL;
		if (form && !strcmp(form, "numeric-leading-zeros")) {
			snprintf(tmp, sizeof(tmp), "%02d", day);
		} else if (form && !strcmp(form, "ordinal") && (!c->loc->limit_day_ordinals || day == 1)) {
			const char *g = NULL;
			char name[16];
			snprintf(name, sizeof(name), "month-%02d", month);
			const csl_term *mt = lit_csl_term(c->loc, name, "long");
			g = mt ? mt->gender : NULL;
			snprintf(tmp, sizeof(tmp), "%d%s", day, ordinal_suffix(c, day, g));
		} else {
			snprintf(tmp, sizeof(tmp), "%d", day);
		}
		s = tmp;
	}
	onode *o = leaf(c, s);
	if (!o)
		return NULL;
	if (extra) {
		onode *w = lit_csl_onode(c->ar, NULL);
		lit_csl_onode_add(w, o);
		lit_csl_onode_add(w, extra);
		o = w;
	}
	onode *w = lit_csl_onode(c->ar, NULL);
	if (!w)
		return o;
	csl_node tmpn = *p->node;
	if (p->override) {
		/* formatting from the style's date-part, affixes from the locale's */
		const csl_node *ov = p->override;
		if (ov->fmt.font_style) tmpn.fmt.font_style = ov->fmt.font_style;
		if (ov->fmt.font_weight) tmpn.fmt.font_weight = ov->fmt.font_weight;
		if (ov->fmt.font_variant) tmpn.fmt.font_variant = ov->fmt.font_variant;
		if (ov->fmt.text_decoration) tmpn.fmt.text_decoration = ov->fmt.text_decoration;
		if (ov->fmt.vertical_align) tmpn.fmt.vertical_align = ov->fmt.vertical_align;
		if (ov->fmt.text_case) tmpn.fmt.text_case = ov->fmt.text_case;
		if (lit_csl_attr(ov, "prefix")) tmpn.fmt.prefix = ov->fmt.prefix;
		if (lit_csl_attr(ov, "suffix")) tmpn.fmt.suffix = ov->fmt.suffix;
	}
	if (tmpn.fmt.text_case)
		lit_csl_text_case(c->ar, o, tmpn.fmt.text_case, lang_of(c));
	w->fmt = tmpn.fmt;
	w->fmt.text_case = 0;
	if (strip_prefix)
		w->fmt.prefix = NULL;
	if (strip_suffix)
		w->fmt.suffix = NULL;
	lit_csl_onode_add(w, o);
	return w;
}

static onode *render_date(csl_ctx *c, const csl_node *n)
{
	int var = n->var;
	c->ncalled++;
	if (var < 0 || !c->item || is_supp(c, var) || lit_var_kind_of((lit_var)var) != LIT_KIND_DATE)
		return NULL;
	/* The access date does not tell two works apart: cites compared for
	 * disambiguation leave it out (as citeproc-js does). */
	if (c->disamb && var == LIT_VAR_ACCESSED)
		return NULL;
	const lit_date *d = lit_record_date(c->item->rec, (lit_var)var);
	if (!d || (!d->year && !d->literal && !d->season))
		return NULL;
	if (c->sorting) {
		c->nrendered++;
		char tmp[64];
		if (!d->year)
			return d->literal ? leaf(c, d->literal) : NULL;
		/* only the parts the element renders take part in the key */
		int has_m = 1, has_d = 1;
		const char *dpa = lit_csl_attr(n, "date-parts");
		if (lit_csl_attr(n, "form")) {
			if (dpa && !strcmp(dpa, "year"))
				has_m = has_d = 0;
			else if (dpa && !strcmp(dpa, "year-month"))
				has_d = 0;
		} else if (n->child) {
			has_m = find_part(n, 1) != NULL;
			has_d = find_part(n, 2) != NULL;
		}
		snprintf(tmp, sizeof(tmp), "%c%05d%02d%02d-%05d%02d%02d", d->year < 0 ? '0' : '1',
		         d->year < 0 ? 99999 + d->year : d->year, has_m ? d->month : 0, has_d ? d->day : 0,
		         d->end_year, has_m ? d->end_month : 0, has_d ? d->end_day : 0);
		return leaf(c, tmp);
	}
	if (!d->year && d->literal) {
		c->nrendered++;
		return wrap(c, n, lit_csl_rich(c->ar, d->literal));
	}
	/* collect the parts to render */
	const char *form = lit_csl_attr(n, "form");
	dpart parts[3];
	int np = 0;
	if (form) {
		const csl_node *ld = !strcmp(form, "numeric") ? c->loc->date_numeric : c->loc->date_text;
		if (!ld)
			return NULL;
		const char *dp = lit_csl_attr(n, "date-parts");
		int maxp = !dp || !strcmp(dp, "year-month-day") ? 2 : !strcmp(dp, "year-month") ? 1 : 0;
		for (const csl_node *k = ld->child; k; k = k->next) {
			if (k->kind != K_DATEPART || k->datepart > maxp || np >= 3)
				continue;
			parts[np].node = k;
			parts[np].override = find_part(n, k->datepart);
			parts[np].which = k->datepart;
			np++;
		}
	} else {
		for (const csl_node *k = n->child; k; k = k->next) {
			if (k->kind != K_DATEPART || np >= 3)
				continue;
			parts[np].node = k;
			parts[np].override = NULL;
			parts[np].which = k->datepart;
			np++;
		}
	}
	int is_issued = var == LIT_VAR_ISSUED;
	int month = d->month, season = d->season;
	if (month >= 13 && month <= 16) {
		season = month - 12;
		month = 0;
	}
	int emonth = d->end_month, eseason = d->end_season;
	int erange = d->end_year || d->end_month || d->end_day || eseason;
	int ey = d->end_year ? d->end_year : d->year;
	int em = emonth ? emonth : (d->end_day ? month : 0);
	int ed = d->end_day;
	/* largest differing part among those rendered (seasons in place of months) */
	int diff = -1;
	if (erange) {
		int has[3] = { 0, 0, 0 };
		for (int i = 0; i < np; i++)
			has[parts[i].which] = 1;
		if (has[0] && ey != d->year)
			diff = 0;
		else if (has[1] && ((em != month && em) || (!month && !em && eseason && eseason != season)))
			diff = 1;
		else if (has[2] && ed != d->day && ed)
			diff = 2;
		if (diff < 0)
			erange = 0;
	}
	onode *out = lit_csl_onode(c->ar, NULL);
	if (!out)
		return NULL;
	const char *ddelim = n->delimiter;
	if (!ddelim && form) {
		const csl_node *ld = !strcmp(form, "numeric") ? c->loc->date_numeric : c->loc->date_text;
		ddelim = ld ? ld->delimiter : NULL;
	}
	out->delim = ddelim;
	if (!erange && d->open_end) {
		/* an open range: the date, then the range delimiter of its largest part */
		onode *a = lit_csl_onode(c->ar, NULL);
		if (!a)
			return NULL;
		a->delim = ddelim;
		const char *rd = NULL;
		for (int i = 0; i < np; i++) {
			onode *r = render_dpart(c, &parts[i], d->year, month, d->day, season, is_issued, 0, 0);
			if (r)
				lit_csl_onode_add(a, r);
			/* litera extension open-range-delimiter: GOST's "2000– ." */
			if (parts[i].which == 0 || !rd)
				rd = dattr(&parts[i], "open-range-delimiter") ? dattr(&parts[i], "open-range-delimiter")
				     : dattr(&parts[i], "range-delimiter") ? dattr(&parts[i], "range-delimiter") : rd;
		}
		if (a->child) {
			a->last->fmt.suffix = NULL;
			lit_csl_onode_add(out, a);
			out->delim = NULL;
			lit_csl_onode_add(out, leaf(c, rd ? rd : "\xe2\x80\x93"));
		}
	} else if (!erange) {
		for (int i = 0; i < np; i++) {
			onode *r = render_dpart(c, &parts[i], d->year, month, d->day, season, is_issued, 0, 0);
			if (r)
				lit_csl_onode_add(out, r);
		}
	} else {
		/* the varying parts: those at or below the differing level */
		int first = -1, last = -1;
		for (int i = 0; i < np; i++)
			if (parts[i].which >= diff) {
				if (first < 0)
					first = i;
				last = i;
			}
		const char *rd = dattr(&parts[first], "range-delimiter");
		for (int i = 0; i < np; i++)
			if (parts[i].which == diff && dattr(&parts[i], "range-delimiter"))
				rd = dattr(&parts[i], "range-delimiter");
		if (!rd)
			rd = "\xe2\x80\x93";
		if (diff == 0) {
			first = 0;
			last = np - 1;
		}
		for (int i = 0; i < first; i++) {
			onode *r = render_dpart(c, &parts[i], d->year, month, d->day, season, 0, 0, 0);
			if (r)
				lit_csl_onode_add(out, r);
		}
		onode *a = lit_csl_onode(c->ar, NULL), *z = lit_csl_onode(c->ar, NULL);
		a->delim = z->delim = ddelim;
		for (int i = first; i <= last; i++) {
			onode *r = render_dpart(c, &parts[i], d->year, month, d->day, season, 0, 0, i == last);
			if (r)
				lit_csl_onode_add(a, r);
		}
		if (a->last)   /* the last part printed (a season has no day after it) */
			a->last->fmt.suffix = NULL;
		for (int i = first; i <= last; i++) {
			onode *r = render_dpart(c, &parts[i], ey, em, ed, eseason, is_issued, i == first && 0, 0);
			if (r)
				lit_csl_onode_add(z, r);
		}
		onode *rng = lit_csl_onode(c->ar, NULL);
		rng->delim = rd;
		lit_csl_onode_add(rng, a);
		lit_csl_onode_add(rng, z);
		lit_csl_onode_add(out, rng);
		for (int i = last + 1; i < np; i++) {
			onode *r = render_dpart(c, &parts[i], d->year, month, d->day, season, is_issued, 0, 0);
			if (r)
				lit_csl_onode_add(out, r);
		}
	}
	if (!out->child || lit_csl_onode_empty(out))
		return NULL;
	c->nrendered++;
	return wrap(c, n, out);
}

/* ----------------------------------------------------------------- names */

typedef struct nameopts {
	const char *and_;
	const char *delim;
	const char *dpl;     /* delimiter-precedes-last */
	const char *dpe;     /* delimiter-precedes-et-al */
	int et_al_min, et_al_use_first, et_al_use_last;
	int initialize;
	const char *initialize_with;
	const char *nso;     /* name-as-sort-order */
	const char *sort_sep;
	const char *form;
	const csl_node *name_node;
	const csl_node *given_part, *family_part;
	int genitive;
	int abbrev_literal;  /* litera extension abbreviate-words="all": organisation names */
} nameopts;

static const char *inh(csl_ctx *c, const csl_node *name, const char *attr, const char *inh_attr)
{
	const char *v = name ? lit_csl_attr(name, attr) : NULL;
	if (v)
		return v;
	const char *ia = inh_attr ? inh_attr : attr;
	if (c->mode_node && (v = lit_csl_attr(c->mode_node, ia)))
		return v;
	if (c->st->root && (v = lit_csl_attr(c->st->root, ia)))
		return v;
	return NULL;
}

static void get_nameopts(csl_ctx *c, const csl_node *name, nameopts *o)
{
	const char *v;
	memset(o, 0, sizeof(*o));
	o->name_node = name;
	o->and_ = inh(c, name, "and", NULL);
	o->delim = inh(c, name, "delimiter", "name-delimiter");
	if (!o->delim)
		o->delim = ", ";
	o->dpl = inh(c, name, "delimiter-precedes-last", NULL);
	o->dpe = inh(c, name, "delimiter-precedes-et-al", NULL);
	int subsequent = c->mode == MODE_CITATION && c->ref && c->ref->position != LIT_CSL_POS_FIRST;
	v = subsequent ? inh(c, name, "et-al-subsequent-min", NULL) : NULL;
	if (!v)
		v = inh(c, name, "et-al-min", NULL);
	o->et_al_min = v ? atoi(v) : 0;
	v = subsequent ? inh(c, name, "et-al-subsequent-use-first", NULL) : NULL;
	if (!v)
		v = inh(c, name, "et-al-use-first", NULL);
	o->et_al_use_first = v ? atoi(v) : -1;  /* "0": et al. prints no names at all */
	v = inh(c, name, "et-al-use-last", NULL);
	o->et_al_use_last = v && !strcmp(v, "true");
	v = inh(c, name, "initialize", NULL);
	o->initialize = !v || strcmp(v, "false");
	o->initialize_with = inh(c, name, "initialize-with", NULL);
	o->nso = inh(c, name, "name-as-sort-order", NULL);
	o->sort_sep = inh(c, name, "sort-separator", NULL);
	if (!o->sort_sep)
		o->sort_sep = ", ";
	v = name ? lit_csl_attr(name, "case") : NULL;
	o->genitive = v && !strcmp(v, "genitive");
	v = name ? lit_csl_attr(name, "abbreviate-words") : NULL;
	o->abbrev_literal = v && !strcmp(v, "all");
	o->form = inh(c, name, "form", "name-form");
	if (!o->form)
		o->form = "long";
	for (const csl_node *k = name ? name->child : NULL; k; k = k->next)
		if (k->kind == K_NAMEPART) {
			const char *nm = lit_csl_attr(k, "name");
			if (nm && !strcmp(nm, "given"))
				o->given_part = k;
			else if (nm && !strcmp(nm, "family"))
				o->family_part = k;
		}
	if (c->sorting) {
		if (c->sort_names_min > 0)
			o->et_al_min = c->sort_names_min;
		if (c->sort_names_first > 0)
			o->et_al_use_first = c->sort_names_first;
		if (c->sort_names_last >= 0)
			o->et_al_use_last = c->sort_names_last;
	}
}

/* Is the "and" term set off by spaces: does it start with a letter of a
 * script written with spaces between words (Latin, Greek, Cyrillic, Hebrew
 * other than the prefixed vav, Arabic, Thai; citeproc-js's
 * STARTSWITH_ROMANESQUE_REGEXP, and Hangul, which citeproc-js runs
 * together) or "&"? */
static int and_spaced(const char *s)
{
	size_t adv;
	int32_t cp = lit_utf8_decode(s, strlen(s), &adv);
	if (cp < 0)
		return 1;
	if (cp < 0x80)
		return cp == '&' || isalpha(cp);
	return (cp >= 0xc0 && cp <= 0x17f) || (cp >= 0x218 && cp <= 0x21b) || (cp >= 0x370 && cp <= 0x52f) ||
	       (cp >= 0x590 && cp <= 0x6ff && cp != 0x5d5) || (cp >= 0xe01 && cp <= 0xe5b) ||
	       (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af) ||
	       (cp >= 0x1f00 && cp <= 0x1fff) || (cp >= 0x200c && cp <= 0x200e) || (cp >= 0x202a && cp <= 0x202e);
}

/* Does an et-al term follow the names without a space: one in Chinese or
 * Japanese ("等", "ほか")?  (Hebrew "ואחרים" and Korean "기타" are words
 * of their own, unlike a lone "and" vav.) */
static int etal_unspaced(const char *s)
{
	size_t adv;
	int32_t cp = lit_utf8_decode(s, strlen(s), &adv);
	return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef);
}

static int romanesque(const char *s)
{
	if (!s)
		return 1;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + i, len - i, &adv);
		i += adv;
		if (cp < 0)
			continue;
		if (cp >= 0x2e80 && cp < 0xa000)
			return 0; /* CJK */
		if (cp >= 0xac00 && cp < 0xd7b0)
			return 0;
		if (cp >= 0x0600 && cp < 0x0700)
			return 2; /* Arabic: romanesque-like ordering without initials */
	}
	return 1;
}

/* Initialise a given name: "John Ronald" -> "J. R." with `with` = ". ".
 * Words followed by a period are abbreviations and stay whole ("Ph."),
 * lowercase words (particles such as "de") stay as they are, and hyphenated
 * names keep the hyphen ("J.-P."). */
static char *initialize(csl_ctx *c, const char *given, const char *with, int do_init)
{
	lit_buf b = LIT_BUF_INIT;
	size_t len = strlen(given), i = 0;
	int hyphen = c->st->init_hyphen;
	size_t wl = strlen(with);
	size_t wtrim = wl;
	while (wtrim && with[wtrim - 1] == ' ')
		wtrim--;
	int need_sep = 0; /* previous token was a lowercase word: add a space */
	while (i < len) {
		while (i < len && given[i] == ' ')
			i++;
		if (i >= len)
			break;
		size_t s = i;
		while (i < len && given[i] != ' ' && given[i] != '.' && given[i] != '-')
			i++;
		size_t wlen = i - s;
		if (!wlen) {
			i++;
			continue;
		}
		/* a word in markup ("<b>John</b>") is initialised inside it: "<b>J.</b>" */
		const char *otag = "", *ctag = "";
		size_t olen = 0, clen = 0;
		if (given[s] == '<' && given[s + wlen - 1] == '>') {
			const char *gt = memchr(given + s, '>', wlen);
			const char *cl = NULL;
			for (const char *q = gt ? gt + 1 : NULL; q && q + 1 < given + s + wlen && !cl; q++)
				if (q[0] == '<' && q[1] == '/')
					cl = q;
			if (gt && cl && cl > gt + 1) {
				otag = given + s, olen = (size_t)(gt + 1 - otag);
				ctag = cl, clen = (size_t)(given + s + wlen - cl);
				s = (size_t)(gt + 1 - given);
				wlen = (size_t)(cl - (given + s));
			}
		}
		int ended_dot = i < len && given[i] == '.';
		if (ended_dot)
			i++;
		int is_hyph = i < len && given[i] == '-';
		if (is_hyph)
			i++;
		size_t adv;
		int32_t cp = lit_utf8_decode(given + s, len - s, &adv);
		int lower = cp >= 0 && lit_cp_is_letter((uint32_t)cp) && !lit_cp_is_upper((uint32_t)cp) &&
		            lit_cp_toupper((uint32_t)cp) != (uint32_t)cp;
		if (lower && b.len && b.ptr[b.len - 1] == '-') {
			/* "Guo-ping": a lowercase part after a hyphen gives no initial */
			lit_buf_truncate(&b, b.len - 1);
			continue;
		}
		if (lower) {
			if (b.len && b.ptr[b.len - 1] != ' ')
				lit_buf_putc(&b, ' ');
			lit_buf_put(&b, otag, olen);
			lit_buf_put(&b, given + s, wlen);
			lit_buf_put(&b, ctag, clen);
			need_sep = 1;
			continue;
		}
		if (need_sep && b.len && b.ptr[b.len - 1] != ' ')
			lit_buf_putc(&b, ' ');
		need_sep = 0;
		if (ended_dot || wlen == adv) {
			/* an initial or an abbreviation: normalise its punctuation */
			lit_buf_put(&b, otag, olen);
			lit_buf_put(&b, given + s, wlen);
			lit_buf_put(&b, with, wtrim);
			lit_buf_put(&b, ctag, clen);
			if (is_hyph)
				lit_buf_putc(&b, '-');
			else
				lit_buf_put(&b, with + wtrim, wl - wtrim);
		} else if (do_init) {
			lit_buf_put(&b, otag, olen);
			lit_buf_put(&b, given + s, adv);
			/* "TSerendorjiin" -> "Ts.": a capital digraph keeps its second letter */
			if (wlen > adv + 1) {
				size_t a2, a3;
				int32_t c2 = lit_utf8_decode(given + s + adv, wlen - adv, &a2);
				int32_t c3 = wlen > adv + a2 ? lit_utf8_decode(given + s + adv + a2, wlen - adv - a2, &a3) : -1;
				if (c2 > 0 && lit_cp_is_upper((uint32_t)c2) && c3 > 0 && lit_cp_is_letter((uint32_t)c3) &&
				    !lit_cp_is_upper((uint32_t)c3))
					lit_buf_put_cp(&b, lit_cp_tolower((uint32_t)c2));
			}
			lit_buf_put(&b, with, wtrim);
			lit_buf_put(&b, ctag, clen);
			if (is_hyph) {
				if (hyphen)
					lit_buf_putc(&b, '-');
			} else {
				lit_buf_put(&b, with + wtrim, wl - wtrim);
			}
		} else {
			lit_buf_put(&b, otag, olen);
			lit_buf_put(&b, given + s, wlen);
			lit_buf_put(&b, ctag, clen);
			lit_buf_putc(&b, is_hyph ? '-' : ' ');
		}
	}
	size_t bl = b.len;
	while (bl > 0 && b.ptr[bl - 1] == ' ')
		bl--;
	lit_buf_truncate(&b, bl);
	char *r = lit_csl_strdup(c->ar, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return r;
}

static void add_sp(csl_ctx *c, onode *parent, const char *sep)
{
	lit_csl_onode_add(parent, leaf(c, sep));
}

/* Does the particle end with an apostrophe or hyphen (no space after)? */
static int sticky(const char *p)
{
	size_t l = strlen(p);
	if (!l)
		return 0;
	if (p[l - 1] == '\'' || p[l - 1] == '-')
		return 1;
	return l >= 3 && !strcmp(p + l - 3, "\xe2\x80\x99");
}

/* Split leading lowercase particles off a family name ("van Gogh") and
 * trailing ones off a given name ("Alexander von"), as citeproc-js does. */
static void parse_particles(csl_ctx *c, const char **family, const char **given,
                            const char **ndp, const char **dp)
{
	const char *f = *family;
	if (!*ndp && f) {
		/* "al-One", "d'Aubignac", "d’Aubignac": a lowercase particle glued to the name */
		size_t i = 0;
		while (f[i] >= 'a' && f[i] <= 'z')
			i++;
		if (i > 0 && i <= 3) {
			size_t gl = 0;
			if (f[i] == '-' || f[i] == '\'')
				gl = 1;
			else if ((unsigned char)f[i] == 0xe2 && (unsigned char)f[i + 1] == 0x80 && (unsigned char)f[i + 2] == 0x99)
				gl = 3;
			if (gl && f[i + gl] >= 'A' && f[i + gl] <= 'Z') {
				*ndp = lit_csl_strndup(c->ar, f, i + gl);
				*family = f + i + gl;
				return;
			}
		}
	}
	if (!*ndp && f && strchr(f, ' ') && !(f[0] == '"')) {
		const char *p = f, *cut = NULL;
		while (*p) {
			size_t adv;
			int32_t cp = lit_utf8_decode(p, strlen(p), &adv);
			if (cp == 0x2019 || cp == '\'') {
				/* "’t" */
				size_t a2;
				int32_t nx = lit_utf8_decode(p + adv, strlen(p + adv), &a2);
				if (nx > 0 && lit_cp_is_letter((uint32_t)nx) && !lit_cp_is_upper((uint32_t)nx))
					cp = nx;
			}
			if (cp < 0 || !lit_cp_is_letter((uint32_t)cp) || lit_cp_is_upper((uint32_t)cp))
				break;
			const char *sp = strchr(p, ' ');
			if (!sp)
				break;
			cut = sp;
			p = sp + 1;
		}
		if (cut && *p) {
			*ndp = lit_csl_strndup(c->ar, f, (size_t)(cut - f));
			*family = p;
			if (sticky(*ndp)) {
				/* "de' Frinkle": the particle keeps the space it had */
				*ndp = NULL;
				*family = f;
			}
		}
	}
	const char *g = *given;
	if (!*dp && g) {
		const char *sp = strrchr(g, ' ');
		if (sp && sp[1]) {
			size_t adv;
			int32_t cp = lit_utf8_decode(sp + 1, strlen(sp + 1), &adv);
			if (cp > 0 && lit_cp_is_letter((uint32_t)cp) && !lit_cp_is_upper((uint32_t)cp) &&
			    lit_cp_toupper((uint32_t)cp) != (uint32_t)cp) {
				/* take every trailing lowercase word */
				const char *start = sp;
				for (;;) {
					const char *q = start;
					while (q > g && q[-1] != ' ')
						q--;
					if (q == g)
						break;
					int32_t c0 = lit_utf8_decode(q, strlen(q), &adv);
					if (!(c0 > 0 && !lit_cp_is_upper((uint32_t)c0) && lit_cp_toupper((uint32_t)c0) != (uint32_t)c0))
						break;
					start = q - 1;
				}
				*dp = lit_csl_strdup(c->ar, start + 1);
				*given = lit_csl_strndup(c->ar, g, (size_t)(start - g));
			}
		}
	}
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcmp(s + a - b, suf);
}

/* litera extension case="genitive" on cs:name: Russian surnames in the
 * genitive case ("под редакцией С. В. Симоновича").  The gender is taken
 * from a full given name (patronymic -вна/-чна, or a first name in -а/-я)
 * or a feminine surname ending (-ова, -ева, -ёва, -ина, -ына); otherwise
 * initials count as masculine.  Names that do not decline are kept, and so
 * are surnames already in the genitive (-овой, -иной ...). */
static const char *genitive(csl_ctx *c, const char *family, const char *given)
{
	if (!family || !lit_utf8_mostly_cyrillic(family, strlen(family)))
		return family;
	int female = 0;
	if (given) {
		if (strstr(given, "\xd0\xb2\xd0\xbd\xd0\xb0") || strstr(given, "\xd1\x87\xd0\xbd\xd0\xb0"))
			female = 1; /* -вна, -чна */
		else {
			size_t gl = strcspn(given, " ");
			if (gl > 3 && given[gl - 1] != '.' &&
			    ((unsigned char)given[gl - 2] == 0xd0 && (unsigned char)given[gl - 1] == 0xb0))
				female = 1; /* first name in -а */
			if (gl > 3 && (unsigned char)given[gl - 2] == 0xd1 && (unsigned char)given[gl - 1] == 0x8f)
				female = 1; /* -я */
		}
	}
	/* -овой/-евой/-иной/-ыной: already in the genitive (data copied from a reference) */
	if (ends_with(family, "\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xb9") || ends_with(family, "\xd0\xb5\xd0\xb2\xd0\xbe\xd0\xb9") ||
	    ends_with(family, "\xd0\xb8\xd0\xbd\xd0\xbe\xd0\xb9") || ends_with(family, "\xd1\x8b\xd0\xbd\xd0\xbe\xd0\xb9"))
		return family;
	/* -ова/-ева/-ёва/-ина/-ына are feminine surnames even behind initials */
	if (ends_with(family, "\xd0\xbe\xd0\xb2\xd0\xb0") || ends_with(family, "\xd0\xb5\xd0\xb2\xd0\xb0") ||
	    ends_with(family, "\xd1\x91\xd0\xb2\xd0\xb0") || ends_with(family, "\xd0\xb8\xd0\xbd\xd0\xb0") ||
	    ends_with(family, "\xd1\x8b\xd0\xbd\xd0\xb0"))
		female = 1;
	size_t l = strlen(family);
	lit_buf b = LIT_BUF_INIT;
	const char *res = family;
	if (female) {
		if (ends_with(family, "\xd0\xbe\xd0\xb2\xd0\xb0") || ends_with(family, "\xd0\xb5\xd0\xb2\xd0\xb0") ||
		    ends_with(family, "\xd1\x91\xd0\xb2\xd0\xb0") ||
		    ends_with(family, "\xd0\xb8\xd0\xbd\xd0\xb0") || ends_with(family, "\xd1\x8b\xd0\xbd\xd0\xb0")) {
			lit_buf_put(&b, family, l - 2);
			lit_buf_puts(&b, "\xd0\xbe\xd0\xb9"); /* ой */
		} else if (ends_with(family, "\xd0\xb0\xd1\x8f")) { /* -ая */
			lit_buf_put(&b, family, l - 4);
			lit_buf_puts(&b, "\xd0\xbe\xd0\xb9");
		}
	} else {
		if (ends_with(family, "\xd0\xb8\xd0\xb9") || ends_with(family, "\xd0\xbe\xd0\xb9") ||
		    ends_with(family, "\xd1\x8b\xd0\xb9")) { /* -ий -ой -ый */
			lit_buf_put(&b, family, l - 4);
			lit_buf_puts(&b, "\xd0\xbe\xd0\xb3\xd0\xbe"); /* ого */
		} else if (ends_with(family, "\xd0\xb9")) { /* -й */
			lit_buf_put(&b, family, l - 2);
			lit_buf_puts(&b, "\xd1\x8f");
		} else if (ends_with(family, "\xd1\x8c")) { /* -ь */
			lit_buf_put(&b, family, l - 2);
			lit_buf_puts(&b, "\xd1\x8f");
		} else {
			size_t adv;
			size_t j = l - 1;
			while (j > 0 && ((unsigned char)family[j] & 0xc0) == 0x80)
				j--;
			int32_t cp = lit_utf8_decode(family + j, l - j, &adv);
			static const char vowels[] = "\xd0\xb0\xd0\xb5\xd0\xb8\xd0\xbe\xd1\x83\xd1\x8b\xd1\x8d\xd1\x8e\xd1\x8f\xd1\x91";
			char enc[5] = { 0 };
			lit_utf8_encode((uint32_t)cp, enc);
			if (cp > 0 && lit_cp_is_cyrillic((uint32_t)cp) && !strstr(vowels, enc) && cp != 0x44a) {
				lit_buf_puts(&b, family);
				lit_buf_puts(&b, "\xd0\xb0"); /* +а */
			}
		}
	}
	if (b.len)
		res = lit_csl_strdup(c->ar, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return res ? res : family;
}

/* Render one name.  inverted: name-as-sort-order applies. gn: givenname
 * disambiguation level (0 style, 1 initials, 2 full). */
static onode *render_name(csl_ctx *c, const lit_name *nm, const nameopts *o, int inverted, int gn)
{
	onode *out = lit_csl_onode(c->ar, NULL);
	if (!out)
		return NULL;
	if (nm->literal && *nm->literal) {
		/* an organisation: its words may be abbreviated (GOST R 7.0.12) */
		const char *lit = nm->literal;
		if (o->abbrev_literal && c->st->abbrevs)
			lit = abbreviate_words(c, lit, 1);
		onode *ln = lit_csl_rich(c->ar, lit);
		/* the family name-part's formatting applies to it as to a family name */
		lit_csl_onode_add(out, o->family_part ? wrap(c, o->family_part, ln) : ln);
		return out;
	}
	const char *family = nm->family ? nm->family : "";
	const char *given = nm->given && *nm->given ? nm->given : NULL;
	const char *dp = nm->dropping_particle && *nm->dropping_particle ? nm->dropping_particle : NULL;
	const char *ndp = nm->non_dropping_particle && *nm->non_dropping_particle ? nm->non_dropping_particle : NULL;
	const char *suffix = nm->suffix && *nm->suffix ? nm->suffix : NULL;
	int comma_suffix = nm->comma_suffix;
	if (given && !suffix) {
		const char *cm = strchr(given, ',');
		if (cm) {
			const char *sx = cm + 1;
			if (*sx == '!') {
				comma_suffix = 1;
				sx++;
			}
			while (*sx == ' ')
				sx++;
			if (*sx) {
				suffix = sx;
				given = lit_csl_strndup(c->ar, given, (size_t)(cm - given));
			}
		}
	}
	size_t fl = strlen(family);
	if (fl >= 2 && family[0] == '"' && family[fl - 1] == '"') {
		/* a quoted family name is taken as it is */
		family = lit_csl_strndup(c->ar, family + 1, fl - 2);
	} else if (!nm->static_ordering) {
		parse_particles(c, &family, &given, &ndp, &dp);
	}
	if (!*family && given) {
		/* only a given name: shown whole */
		lit_csl_onode_add(out, lit_csl_rich(c->ar, given));
		return out;
	}
	if (o->genitive)
		family = genitive(c, family, given);
	int rom = romanesque(family) && romanesque(given);
	int shortf = !strcmp(o->form, "short");
	if (gn >= 1 && shortf)
		shortf = 0;
	const char *g = given;
	if (g && o->initialize_with && gn < 2 && rom == 1)
		g = initialize(c, g, o->initialize_with, o->initialize);
	if (c->sorting) {
		lit_buf b = LIT_BUF_INIT;
		if (ndp && c->st->demote_ndp == 0) {
			lit_buf_puts(&b, ndp);
			lit_buf_putc(&b, ' ');
		}
		lit_buf_puts(&b, family);
		if (!shortf) {
			if (dp || (ndp && c->st->demote_ndp != 0)) {
				lit_buf_putc(&b, ' ');
				if (dp)
					lit_buf_puts(&b, dp);
				if (ndp && c->st->demote_ndp != 0) {
					if (dp)
						lit_buf_putc(&b, ' ');
					lit_buf_puts(&b, ndp);
				}
			}
			if (g && *g) {
				/* as the key's names element prints it (initialised or not) */
				lit_buf_puts(&b, "  ");
				lit_buf_puts(&b, g);
			}
			if (suffix) {
				lit_buf_putc(&b, ' ');
				lit_buf_puts(&b, suffix);
			}
		}
		onode *r = leaf(c, lit_buf_cstr(&b));
		lit_buf_free(&b);
		return r;
	}
	const csl_node *fp = o->family_part, *gp = o->given_part;
	/* name-part formatting applies to each part, name-part affixes around
	 * the group of parts (given + dropping particle, particles + family) */
	csl_node fpf, gpf;
	if (fp) {
		fpf = *fp;
		fpf.fmt.prefix = fpf.fmt.suffix = NULL;
	}
	if (gp) {
		gpf = *gp;
		gpf.fmt.prefix = gpf.fmt.suffix = NULL;
	}
	const csl_node *fpn = fp ? &fpf : NULL, *gpn = gp ? &gpf : NULL;
	onode *famw = fpn ? wrap(c, fpn, lit_csl_rich(c->ar, family)) : lit_csl_rich(c->ar, family);
	onode *ndpw = ndp ? (fpn ? wrap(c, fpn, lit_csl_rich(c->ar, ndp)) : lit_csl_rich(c->ar, ndp)) : NULL;
	onode *dpw = dp ? (gpn ? wrap(c, gpn, lit_csl_rich(c->ar, dp)) : lit_csl_rich(c->ar, dp)) : NULL;
	onode *gw = g && *g ? (gpn ? wrap(c, gpn, lit_csl_rich(c->ar, g)) : lit_csl_rich(c->ar, g)) : NULL;
	onode *fgrp = lit_csl_onode(c->ar, NULL), *ggrp = lit_csl_onode(c->ar, NULL);
	if (fp) {
		fgrp->fmt.prefix = fp->fmt.prefix;
		fgrp->fmt.suffix = fp->fmt.suffix;
	}
	if (gp) {
		ggrp->fmt.prefix = gp->fmt.prefix;
		ggrp->fmt.suffix = gp->fmt.suffix;
	}
	if (rom != 1) {
		/* CJK: family then given without a space */
		lit_csl_onode_add(fgrp, famw);
		lit_csl_onode_add(out, fgrp);
		if (gw && !shortf) {
			lit_csl_onode_add(ggrp, gw);
			lit_csl_onode_add(out, ggrp);
		}
		return out;
	}
	if (shortf) {
		if (ndpw) {
			lit_csl_onode_add(fgrp, ndpw);
			if (!sticky(ndp))
				add_sp(c, fgrp, " ");
		}
		lit_csl_onode_add(fgrp, famw);
		lit_csl_onode_add(out, fgrp);
		return out;
	}
	if (!inverted) {
		if (gw) {
			lit_csl_onode_add(ggrp, gw);
			lit_csl_onode_add(out, ggrp);
			add_sp(c, out, " ");
		}
		if (dpw) {
			lit_csl_onode_add(fgrp, dpw);
			if (!sticky(dp))
				add_sp(c, fgrp, " ");
		}
		if (ndpw) {
			lit_csl_onode_add(fgrp, ndpw);
			if (!sticky(ndp))
				add_sp(c, fgrp, " ");
		}
		lit_csl_onode_add(fgrp, famw);
		if (suffix) {
			add_sp(c, fgrp, comma_suffix ? ", " : " ");
			lit_csl_onode_add(fgrp, lit_csl_rich(c->ar, suffix));
		}
		lit_csl_onode_add(out, fgrp);
		return out;
	}
	/* inverted */
	int demote = c->st->demote_ndp == 2;
	if (ndpw && !demote) {
		lit_csl_onode_add(fgrp, ndpw);
		if (!sticky(ndp))
			add_sp(c, fgrp, " ");
	}
	lit_csl_onode_add(fgrp, famw);
	lit_csl_onode_add(out, fgrp);
	if (gw || dpw || (ndpw && demote)) {
		add_sp(c, out, o->sort_sep);
		int any = 0;
		if (gw) {
			lit_csl_onode_add(ggrp, gw);
			any = 1;
		}
		if (dpw) {
			if (any)
				add_sp(c, ggrp, " ");
			lit_csl_onode_add(ggrp, dpw);
			any = 1;
		}
		if (ndpw && demote) {
			if (any)
				add_sp(c, ggrp, " ");
			lit_csl_onode_add(ggrp, ndpw);
		}
		lit_csl_onode_add(out, ggrp);
	}
	if (suffix) {
		add_sp(c, out, o->sort_sep);
		lit_csl_onode_add(out, lit_csl_rich(c->ar, suffix));
	}
	return out;
}

typedef struct namelist {
	int var;
	const lit_name **names;
	int n;
	int etal;                   /* "and others" in the data */
} namelist;

/* Render one list of names; returns NULL when empty. */
static onode *render_namelist(csl_ctx *c, const namelist *nl, const nameopts *o,
                              const csl_node *etal_node, int name_base)
{
	int n = nl->n;
	int show = n;
	int use_etal = 0;
	if (o->et_al_min > 0 && o->et_al_use_first >= 0 && n >= o->et_al_min && o->et_al_use_first < n) {
		/* a list no longer than et-al-use-first is not truncated: no "et al." */
		show = o->et_al_use_first;
		use_etal = 1;
	}
	if (nl->etal && !use_etal && n > 0)
		use_etal = 1;
	if (c->dis && c->dis->add_names > 0 && use_etal && !c->sorting) {
		show += c->dis->add_names;
		if (show >= n) {
			show = n;
			use_etal = nl->etal;
		}
	}
	if (show > n)
		show = n;
	if (!strcmp(o->form, "count")) {
		c->names_count += show;
		return NULL;
	}
	if (show <= 0)
		return NULL;
	onode *out = lit_csl_onode(c->ar, NULL);
	if (!out)
		return NULL;
	int last_inverted = 0;
	const char *and_term = NULL;
	if (o->and_ && !c->sorting) {
		if (!strcmp(o->and_, "symbol"))
			and_term = "&";
		else
			and_term = lit_csl_term_str(c->loc, "and", "long", 0);
	}
	int use_last = use_etal && o->et_al_use_last && show + 2 <= n && !nl->etal;
	for (int i = 0; i < show; i++) {
		int inverted = o->nso && (!strcmp(o->nso, "all") || (i == 0 && !strcmp(o->nso, "first")));
		int gn = 0;
		if (c->dis && !c->sorting) {
			int idx = name_base + i;
			if (c->dis->gn_level && idx < c->dis->ngn)
				gn = c->dis->gn_level[idx];
		}
		if (i > 0) {
			int is_last = i == show - 1 && !use_etal;
			if (is_last && and_term) {
				int dpl;
				const char *r = o->dpl ? o->dpl : "contextual";
				if (!strcmp(r, "always"))
					dpl = 1;
				else if (!strcmp(r, "never"))
					dpl = 0;
				else if (!strcmp(r, "after-inverted-name"))
					dpl = last_inverted;
				else
					dpl = show >= 3;
				if (!and_spaced(and_term))
					/* "and" of a script that joins it to the name (Hebrew ו, CJK) */
					add_sp(c, out, !strcmp(o->dpl ? o->dpl : "", "always") ? o->delim : "");
				else if (dpl)
					add_sp(c, out, o->delim);
				else
					add_sp(c, out, " ");
				add_sp(c, out, and_term);
				if (and_spaced(and_term))
					add_sp(c, out, " ");
			} else {
				add_sp(c, out, c->sorting ? "   " : o->delim);
			}
		}
		onode *r = render_name(c, nl->names[i], o, inverted, gn);
		if (r)
			lit_csl_onode_add(out, r);
		last_inverted = inverted && !(nl->names[i]->literal && *nl->names[i]->literal);
	}
	if (use_last) {
		add_sp(c, out, o->delim);
		add_sp(c, out, "\xe2\x80\xa6 ");
		int inverted = o->nso && !strcmp(o->nso, "all");
		onode *r = render_name(c, nl->names[n - 1], o, inverted, 0);
		if (r)
			lit_csl_onode_add(out, r);
	} else if (use_etal && !c->sorting) {
		const char *term = etal_node ? lit_csl_attr(etal_node, "term") : NULL;
		const char *s = lit_csl_term_str(c->loc, term ? term : "et-al", "long", 0);
		if (s && *s) {
			const char *r = o->dpe ? o->dpe : "contextual";
			int d;
			if (!strcmp(r, "always"))
				d = 1;
			else if (!strcmp(r, "never"))
				d = 0;
			else if (!strcmp(r, "after-inverted-name"))
				d = last_inverted;
			else
				d = show >= 2;
			const char *sep = d ? o->delim : " ";
			if (etal_unspaced(s) && sep && !strcmp(sep, " "))
				sep = "";   /* "Ziggy Zither等" (a comma delimiter stays) */
			add_sp(c, out, sep);
			onode *e = leaf(c, s);
			if (etal_node)
				e = wrap(c, etal_node, e);
			lit_csl_onode_add(out, e);
		}
	}
	if (!o->name_node)
		return out;
	/* the name element's formatting wraps the list */
	onode *w = lit_csl_onode(c->ar, NULL);
	w->fmt = o->name_node->fmt;
	w->fmt.text_case = 0;
	if (o->name_node->fmt.text_case)
		lit_csl_text_case(c->ar, out, o->name_node->fmt.text_case, lang_of(c));
	lit_csl_onode_add(w, out);
	return w;
}

static int names_equal(const namelist *a, const namelist *b)
{
	if (a->n != b->n)
		return 0;
	for (int i = 0; i < a->n; i++) {
		const lit_name *x = a->names[i], *y = b->names[i];
#define SEQ(f) (!(x->f) == !(y->f) && (!(x->f) || !strcmp(x->f, y->f)))
		if (!SEQ(family) || !SEQ(given) || !SEQ(literal))
			return 0;
#undef SEQ
	}
	return 1;
}

static onode *render_label_for(csl_ctx *c, const csl_node *lab, const char *term, int plural)
{
	if (c->sorting)
		return NULL;
	const char *pl = lit_csl_attr(lab, "plural");
	if (pl && !strcmp(pl, "always"))
		plural = 1;
	else if (pl && !strcmp(pl, "never"))
		plural = 0;
	const char *s = lit_csl_term_str(c->loc, term, term_form(lab), plural);
	if (!s || !*s)
		return NULL;
	onode *o = leaf(c, s);
	if (lab->fmt.strip_periods)
		strip_periods(c, o);
	return wrap(c, lab, o);
}

static onode *render_names_with(csl_ctx *c, const csl_node *n, const csl_node *name,
                                const csl_node *etal, const csl_node *label, int label_before,
                                const short *vars, int nvars, const char *delim)
{
	namelist lists[16];
	int nl = 0;
	for (int i = 0; i < nvars && nl < 16; i++) {
		int var = vars[i];
		if (var < 0 || is_supp(c, var) || !c->item)
			continue;
		if (lit_var_kind_of((lit_var)var) != LIT_KIND_NAME)
			continue;
		size_t cnt = lit_record_name_count(c->item->rec, (lit_var)var);
		if (!cnt)
			continue;
		namelist *l = &lists[nl];
		l->var = var;
		l->n = (int)cnt;
		l->names = lit_csl_alloc(c->ar, sizeof(*l->names) * cnt);
		if (!l->names)
			return NULL;
		for (size_t k = 0; k < cnt; k++)
			l->names[k] = lit_record_name(c->item->rec, (lit_var)var, k);
		l->etal = lit_record_names_etal(c->item->rec, (lit_var)var);
		if (c->in_substitute)
			c->rec_vars[var / 32] |= 1u << (var % 32);
		nl++;
	}
	if (!nl)
		return NULL;
	nameopts o;
	get_nameopts(c, name, &o);
	/* editor + translator with the same names render once, unless the
	 * locale leaves the combined term empty */
	int combined = -1;
	const csl_term *et = label ? lit_csl_term(c->loc, "editortranslator", term_form(label)) : NULL;
	int may_combine = !et || (et->single && *et->single) || (et->multiple && *et->multiple);
	for (int i = 0; i < nl && may_combine; i++)
		for (int j = 0; j < nl; j++)
			if (i != j && lists[i].var == LIT_VAR_EDITOR && lists[j].var == LIT_VAR_TRANSLATOR &&
			    names_equal(&lists[i], &lists[j]) && label) {
				combined = i;
				lists[j].n = 0;
			}
	onode *out = lit_csl_onode(c->ar, NULL);
	int before = c->names_count;
	int base = 0;
	for (int i = 0; i < nl; i++) {
		if (!lists[i].n)
			continue;
		onode *r = render_namelist(c, &lists[i], &o, etal, c->name_index_base + base);
		base += lists[i].n;
		if (!r)
			continue;
		if (!c->names_done_list) {
			c->names_done_list = 1;
			c->first_names_list = r;
		}
		onode *item = lit_csl_onode(c->ar, NULL);
		onode *lab = NULL;
		if (label) {
			const char *term = combined == i ? "editortranslator" : lit_var_name((lit_var)lists[i].var);
			lab = render_label_for(c, label, term, lists[i].n > 1);
		}
		if (lab && label_before)
			lit_csl_onode_add(item, lab);
		lit_csl_onode_add(item, r);
		if (lab && !label_before)
			lit_csl_onode_add(item, lab);
		lit_csl_onode_add(out, item);
	}
	c->name_index_base += base;
	if (c->in_substitute && !c->sorting)
		/* a name variable printed by a substitute is not printed again, even inside it */
		for (int i = 0; i < nl; i++)
			set_supp(c, lists[i].var);
	if (!strcmp(o.form, "count")) {
		int cnt = c->names_count - before;
		if (cnt <= 0)
			return NULL;
		c->names_count = before;
		char tmp[16];
		snprintf(tmp, sizeof(tmp), c->sorting ? "%08d" : "%d", cnt);
		return wrap(c, n, leaf(c, tmp));
	}
	if (!out->child)
		return NULL;
	out->delim = delim;
	return out;
}

static onode *render_names(csl_ctx *c, const csl_node *n)
{
	const csl_node *name = NULL, *etal = NULL, *label = NULL, *subst = NULL;
	int label_before = 0;
	for (const csl_node *k = n->child; k; k = k->next) {
		if (k->kind == K_NAME)
			name = k;
		else if (k->kind == K_ETAL)
			etal = k;
		else if (k->kind == K_LABEL) {
			label = k;
			label_before = name == NULL;
		} else if (k->kind == K_SUBSTITUTE)
			subst = k;
	}
	const char *delim = n->delimiter ? n->delimiter : inh(c, NULL, "names-delimiter", NULL);
	c->ncalled++;
	int is_first_names = !c->names_done;
	if (is_first_names)
		c->names_done = 1;
	onode *out = render_names_with(c, n, name, etal, label, label_before, n->vars, n->nvars, delim);
	if (out) {
		c->nrendered++;
		out = wrap(c, n, out);
		if (is_first_names)
			c->first_names_out = out;
		if (is_first_names && c->suppress_author_names)
			return NULL;
		return out;
	}
	if (!subst)
		return NULL;
	for (const csl_node *s = subst->child; s; s = s->next) {
		onode *r;
		int oc = c->ncalled, orr = c->nrendered;
		unsigned saved_rec[(LIT_VAR__COUNT + 31) / 32];
		memcpy(saved_rec, c->rec_vars, sizeof(saved_rec));
		memset(c->rec_vars, 0, sizeof(saved_rec));
		c->in_substitute++;
		if (s->kind == K_NAMES && !s->child) {
			/* shorthand: inherit name, et-al and label of the parent */
			c->ncalled++;
			r = render_names_with(c, s, name, etal, label, label_before, s->vars, s->nvars,
			                      s->delimiter ? s->delimiter : delim);
			if (r) {
				c->nrendered++;
				r = wrap(c, s, r);
			}
		} else {
			r = render_node(c, s);
		}
		c->in_substitute--;
		unsigned used[(LIT_VAR__COUNT + 31) / 32];
		memcpy(used, c->rec_vars, sizeof(used));
		for (size_t q = 0; q < sizeof(used) / sizeof(used[0]); q++)
			c->rec_vars[q] = saved_rec[q] | (c->in_substitute ? used[q] : 0);
		if (r && !lit_csl_onode_empty(r)) {
			for (size_t q = 0; q < sizeof(used) / sizeof(used[0]); q++)
				c->supp[q] |= used[q];
			/* suppress the variables used by the substitute */
			if (s->kind == K_NAMES)
				for (int i = 0; i < s->nvars; i++)
					set_supp(c, s->vars[i]);
			else if (s->var >= 0)
				set_supp(c, s->var);
			else if (s->kind == K_TEXT && s->macro) {
				/* suppress the variables the macro used: approximate by first-level vars */
				for (const csl_node *m = s->macro->child; m; m = m->next)
					if (m->var >= 0 && var_present(c, m->var))
						set_supp(c, m->var);
			}
			c->nrendered = orr + 1;
			c->ncalled = oc + 1;
			r = wrap(c, n, r);
			if (is_first_names)
				c->first_names_out = r;
			if (is_first_names && c->suppress_author_names)
				return NULL;
			return r;
		}
		c->ncalled = oc;
		c->nrendered = orr;
		if (s->kind == K_TEXT && lit_csl_attr(s, "term")) {
			/* a term the locale defines, even as empty, is the substitute:
			 * the elements after it are not tried */
			const char *f = lit_csl_attr(s, "form");
			if (lit_csl_term(c->loc, lit_csl_attr(s, "term"), f ? f : "long"))
				return NULL;
		}
	}
	return NULL;
}

/* ------------------------------------------------------------- dispatch */

static onode *render_node(csl_ctx *c, const csl_node *n)
{
	if (++c->render_depth > 64) {
		c->render_depth--;
		return NULL;
	}
	onode *r = NULL;
	switch (n->kind) {
	case K_TEXT: r = render_text(c, n); break;
	case K_NUMBER: r = render_number(c, n); break;
	case K_LABEL: r = render_label(c, n); break;
	case K_GROUP: r = render_group(c, n); break;
	case K_CHOOSE: r = render_choose(c, n); break;
	case K_DATE: r = render_date(c, n); break;
	case K_NAMES: r = render_names(c, n); break;
	default: break;
	}
	c->render_depth--;
	return r;
}

onode *lit_csl_render_layout(csl_ctx *c, const csl_node *layout)
{
	onode *r = lit_csl_render_children(c, layout);
	return r;
}

onode *lit_csl_sort_var(csl_ctx *c, int var)
{
	if (var < 0 || !c->item)
		return NULL;
	lit_var_kind k = lit_var_kind_of((lit_var)var);
	if (k == LIT_KIND_NAME) {
		short v = (short)var;
		nameopts o;
		get_nameopts(c, NULL, &o);
		o.et_al_min = 0;
		o.form = "long";
		size_t cnt = lit_record_name_count(c->item->rec, (lit_var)var);
		if (!cnt)
			return NULL;
		onode *out = lit_csl_onode(c->ar, NULL);
		out->delim = "   ";
		for (size_t i = 0; i < cnt; i++)
			lit_csl_onode_add(out, render_name(c, lit_record_name(c->item->rec, (lit_var)var, i), &o, 1, 2));
		(void)v;
		return out;
	}
	if (k == LIT_KIND_DATE) {
		csl_node tmp;
		memset(&tmp, 0, sizeof(tmp));
		tmp.kind = K_DATE;
		tmp.var = var;
		return render_date(c, &tmp);
	}
	const char *v = lit_csl_var_text(c, var, 0);
	if (!v)
		return NULL;
	if (k == LIT_KIND_NUMBER || var == LIT_VAR_CITATION_NUMBER) {
		if (var == LIT_VAR_CITATION_NUMBER)
			return leaf(c, afmt(c->ar, "%08ld", c->item->citation_number));
		if (lit_csl_is_numeric(v))
			return render_number_str(c, v, NULL, var, NULL);
	}
	onode *r = lit_csl_rich(c->ar, v);
	return r;
}

char *lit_csl_year_suffix(csl_arena *a, int ys)
{
	char tmp[8];
	int k = 0;
	ys--;
	if (ys >= 26) {
		tmp[k++] = (char)('a' + ys / 26 - 1);
		ys %= 26;
	}
	tmp[k++] = (char)('a' + ys);
	tmp[k] = 0;
	return lit_csl_strdup(a, tmp);
}
