/*
 * csl_engine.c - the CSL processor proper: binding a style to records,
 * bibliography sorting and citation numbers, cite positions (first,
 * subsequent, ibid, ibid-with-locator, near-note), disambiguation (add
 * names, add given names, the disambiguate condition, year suffixes),
 * collapsing of numbers and years, and the public rendering API.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csl_int.h"
#include "util/utf8.h"

/* ------------------------------------------------------------- setup */

static int uses_var_d(const csl_node *n, int var, int depth)
{
	if (depth > 32)
		return 0;
	for (; n; n = n->next) {
		for (int i = 0; i < n->nvars; i++)
			if (n->vars[i] == var && n->kind != K_IF && n->kind != K_ELSEIF)
				return 1;
		if (uses_var_d(n->child, var, depth + 1))
			return 1;
		if (n->macro && uses_var_d(n->macro->child, var, depth + 1))
			return 1;
	}
	return 0;
}

static int uses_var(const csl_node *n, int var)
{
	return uses_var_d(n, var, 0);
}

static const char *item_lang(const lit_record *rec, int guess_latin)
{
	const char *l = lit_record_get(rec, LIT_VAR_LANGUAGE);
	if (l && *l)
		return l;
	/* guess from the title script: Cyrillic titles are Russian */
	const char *t = lit_record_get(rec, LIT_VAR_TITLE);
	if (!t)
		t = lit_record_get(rec, LIT_VAR_CONTAINER_TITLE);
	if (t && lit_utf8_mostly_cyrillic(t, strlen(t)))
		return "ru";
	if (guess_latin && t) {
		/* with per-item locales, a title in Latin script is taken as English */
		for (const unsigned char *p = (const unsigned char *)t; *p; p++)
			if ((*p | 32) >= 'a' && (*p | 32) <= 'z')
				return "en";
	}
	return NULL;
}

/* Per-item locales: the language an entry takes its terms from.  Language
 * names (biblatex "english", "russian") become codes; a Latin-script
 * language the style has no <locale xml:lang> for takes the style's English
 * terms (GOST: foreign entries use the Latin abbreviations p., P., Vol.,
 * et al.) rather than the default locale's Russian ones. */
static const char *item_locale_lang(const lit_csl_style *st, const char *lang)
{
	static const char *const names[][2] = {
		{ "english", "en" }, { "american", "en-US" }, { "british", "en-GB" }, { "russian", "ru" },
		{ "ukrainian", "uk" }, { "belarusian", "be" }, { "german", "de" }, { "ngerman", "de" },
		{ "french", "fr" }, { "italian", "it" }, { "spanish", "es" }, { "polish", "pl" },
		{ "latin", "la" }, { "czech", "cs" }, { "portuguese", "pt" }, { "dutch", "nl" },
		{ "swedish", "sv" }, { "bulgarian", "bg" }, { "serbian", "sr" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcasecmp(lang, names[i][0])) {
			lang = names[i][1];
			break;
		}
	static const char *const cyrillic[] = { "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn" };
	size_t pl = strcspn(lang, "-_");
	for (size_t i = 0; i < sizeof(cyrillic) / sizeof(cyrillic[0]); i++)
		if (pl == strlen(cyrillic[i]) && !strncasecmp(lang, cyrillic[i], pl))
			return lang;
	int has_en = 0;
	for (size_t i = 0; i < st->nstyle_locales; i++) {
		const char *l = lit_csl_attr(st->style_locales[i], "xml:lang");
		if (!l)
			continue;
		size_t ll = strcspn(l, "-_");
		if (ll == pl && !strncasecmp(l, lang, pl))
			return lang;
		if (ll == 2 && !strncasecmp(l, "en", 2))
			has_en = 1;
	}
	return has_en ? "en" : lang;
}

static void id_sort(csl_engine *e, size_t *v, size_t *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t m = n / 2;
	id_sort(e, v, tmp, m);
	id_sort(e, v + m, tmp, n - m);
	size_t i = 0, j = m, k = 0;
	while (i < m && j < n) {
		if (strcmp(e->items[v[j]].id, e->items[v[i]].id) < 0)
			tmp[k++] = v[j++];
		else
			tmp[k++] = v[i++];
	}
	while (i < m)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

/* "2004-10-01", "1964-5", "2004-10-01/2004-10-14" into d; 0 when it is not such a date. */
static int note_date(const char *s, size_t n, lit_date *d)
{
	int v[6] = { 0 }, k = 0, half = 0;
	size_t i = 0;
	memset(d, 0, sizeof(*d));
	while (i < n) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		long x = 0;
		size_t st = i;
		while (i < n && s[i] >= '0' && s[i] <= '9' && i - st < 5)
			x = x * 10 + (s[i++] - '0');
		v[half * 3 + k] = (int)x;
		if (i == n)
			break;
		if (s[i] == '-' && k < 2)
			k++;
		else if (s[i] == '/' && !half)
			half = 1, k = 0;
		else
			return 0;
		i++;
	}
	if (!v[0] || v[1] > 12 || v[2] > 31 || v[4] > 12 || v[5] > 31)
		return 0;
	d->year = v[0], d->month = v[1], d->day = v[2];
	d->end_year = v[3], d->end_month = v[4], d->end_day = v[5];
	return 1;
}

/* Zotero's "Extra" convention, as citeproc-js reads it: lines of the note
 * "variable: value" (or "{:variable: value}") give variables the record
 * lacks; those lines leave the note.  Returns a changed copy of rec, or NULL
 * when nothing applies (or on out of memory: the record is then used as is). */
static lit_record *note_vars(const lit_record *rec)
{
	const char *note = lit_record_get(rec, LIT_VAR_NOTE);
	if (!note || !strchr(note, ':'))
		return NULL;
	lit_record *cp = NULL;
	lit_buf rest = LIT_BUF_INIT;
	for (const char *p = note; *p;) {
		size_t ll = strcspn(p, "\n");
		const char *l = p, *le = p + ll;
		p = *le ? le + 1 : le;
		int brace = l + 1 < le && l[0] == '{' && l[1] == ':' && le[-1] == '}';
		const char *k = brace ? l + 2 : l, *ke = k;
		while (ke < le && ((*ke >= 'a' && *ke <= 'z') || (*ke >= 'A' && *ke <= 'Z') || *ke == '-'))
			ke++;
		int var = -1;
		const char *v = ke + 1, *ve = brace ? le - 1 : le;
		if (ke > k && ke + 1 < ve && *ke == ':' && ke[1] == ' ' && ke - k < 40) {
			char name[48];
			memcpy(name, k, (size_t)(ke - k));
			name[ke - k] = 0;
			for (char *q = name; *q; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q = (char)(*q - 'A' + 'a');
			var = lit_var_from_name(name);
		}
		while (v < ve && *v == ' ')
			v++;
		while (ve > v && (ve[-1] == ' ' || ve[-1] == '\r'))
			ve--;
		int used = 0;
		if (var >= 0 && var != LIT_VAR_NOTE && ve > v) {
			lit_var_kind kind = lit_var_kind_of((lit_var)var);
			const lit_record *cur = cp ? cp : rec;
			if (!cp && (kind == LIT_KIND_TEXT || kind == LIT_KIND_NUMBER || kind == LIT_KIND_DATE ||
			            kind == LIT_KIND_NAME))
				cur = cp = lit_record_clone(rec);
			if (cp && (kind == LIT_KIND_TEXT || kind == LIT_KIND_NUMBER)) {
				const char *have = lit_record_get(cur, (lit_var)var);
				used = 1;
				if (!have || !*have)
					used = lit_record_setn(cp, (lit_var)var, v, (size_t)(ve - v)) == LIT_OK;
			} else if (cp && kind == LIT_KIND_NAME) {
				/* "Family || Given", or a name given whole; names the record
				 * has of its own are kept, the line then only leaves the note */
				used = 1;
				if (!lit_record_name_count(rec, (lit_var)var)) {
					char *buf = malloc((size_t)(ve - v) + 1);
					if (buf) {
						memcpy(buf, v, (size_t)(ve - v));
						buf[ve - v] = 0;
						lit_name nm;
						memset(&nm, 0, sizeof(nm));
						char *bar = strstr(buf, "||");
						if (bar) {
							char *fe = bar;
							while (fe > buf && fe[-1] == ' ')
								fe--;
							*fe = 0;
							char *g = bar + 2;
							while (*g == ' ')
								g++;
							nm.family = buf;
							nm.given = *g ? g : NULL;
						} else {
							nm.literal = buf;
						}
						used = lit_record_add_name(cp, (lit_var)var, &nm) == LIT_OK;
						free(buf);
					} else {
						used = 0;
					}
				}
			} else if (cp && kind == LIT_KIND_DATE) {
				lit_date d;
				if (note_date(v, (size_t)(ve - v), &d)) {
					used = 1;
					if (!lit_record_date(cur, (lit_var)var))
						used = lit_record_set_date(cp, (lit_var)var, &d) == LIT_OK;
				}
			}
		}
		if (!used) {
			if (rest.len)
				lit_buf_putc(&rest, '\n');
			lit_buf_put(&rest, l, ll);
		}
	}
	if (cp && !lit_buf_status(&rest))
		lit_record_set(cp, LIT_VAR_NOTE, rest.len ? lit_buf_cstr(&rest) : NULL);
	lit_buf_free(&rest);
	return cp;
}

int lit_csl_engine_new(lit_csl_engine **out, lit_csl_style *style, const lit_records *records,
                       lit_csl_format format, lit_error *err)
{
	*out = NULL;
	if (!style)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "no style");
	csl_engine *e = calloc(1, sizeof(*e));
	if (!e)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	e->st = style;
	e->format = (int)format;
	size_t n = records ? lit_records_count(records) : 0;
	e->items = calloc(n ? n : 1, sizeof(*e->items));
	if (!e->items) {
		free(e);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	e->nitems = n;
	for (size_t i = 0; i < n; i++) {
		csl_item *it = &e->items[i];
		it->rec = lit_records_at(records, i);
		it->own = note_vars(it->rec);
		if (it->own)
			it->rec = it->own;
		it->id = lit_record_id(it->rec);
		it->index = i;
		it->citation_number = (int)i + 1;
		it->cited = 1;
		const char *lang = item_lang(it->rec, style->item_locale);
		if (style->item_locale && lang)
			lang = item_locale_lang(style, lang);
		it->lang = lang;
		it->loc = style->item_locale && lang ? lit_csl_style_locale(style, lang) : style->locales[0];
		if (!style->item_locale)
			it->lang = lang ? lang : style->locales[0]->lang;
	}
	e->has_year_suffix_var = uses_var(style->root ? style->root->child : NULL, LIT_VAR_YEAR_SUFFIX);
	e->order = calloc(n ? n : 1, sizeof(size_t));
	if (!e->order) {
		lit_csl_engine_free(e);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		e->order[i] = i;
	e->norder = n;
	/* index of ids, sorted (stable for duplicate ids: the first record wins) */
	e->byid = malloc((n ? n : 1) * sizeof(size_t));
	size_t *tmp = malloc((n ? n : 1) * sizeof(size_t));
	if (!e->byid || !tmp) {
		free(tmp);
		lit_csl_engine_free(e);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		if (e->items[i].id)
			e->byid[e->nbyid++] = i;
	id_sort(e, e->byid, tmp, e->nbyid);
	free(tmp);
	*out = e;
	return LIT_OK;
}

void lit_csl_engine_free(lit_csl_engine *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->nitems; i++) {
		for (int k = 0; k < e->items[i].nsortkeys; k++)
			free(e->items[i].sortkeys[k]);
		free(e->items[i].sortkeys);
		free(e->items[i].dis.gn_level);
		lit_record_free(e->items[i].own);
	}
	free(e->items);
	free(e->order);
	free(e->byid);
	lit_csl_arena_reset(&e->ar);
	lit_csl_arena_reset(&e->keep);
	lit_csl_arena_reset(&e->tmp);
	free(e);
}

void lit_csl_strings_free(char **s, size_t n)
{
	if (!s)
		return;
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

int lit_csl_format_from_name(const char *name)
{
	if (!name)
		return -1;
	if (!strcmp(name, "text") || !strcmp(name, "txt") || !strcmp(name, "plain"))
		return LIT_CSL_TEXT;
	if (!strcmp(name, "html"))
		return LIT_CSL_HTML;
	if (!strcmp(name, "markdown") || !strcmp(name, "md"))
		return LIT_CSL_MARKDOWN;
	if (!strcmp(name, "rtf"))
		return LIT_CSL_RTF;
	return -1;
}

/* ------------------------------------------------------------ rendering */

static void ctx_init(csl_ctx *c, csl_engine *e, const csl_item *it, const csl_citeref *ref, int mode)
{
	memset(c, 0, sizeof(*c));
	c->eng = e;
	c->st = e->st;
	c->item = it;
	c->ref = ref;
	c->mode = mode;
	c->loc = it && it->loc ? it->loc : e->st->locales[0];
	c->ar = &e->ar;
	c->mode_node = mode == MODE_CITATION ? e->st->citation : e->st->bibliography;
	c->dis = it ? &it->dis : NULL;
	c->sort_names_last = -1;
}

/* The layout for an item: CSL-M style multiple layouts with locale="..". */
static const csl_node *pick_layout(csl_engine *e, const csl_item *it, int mode)
{
	const csl_node *parent = mode == MODE_CITATION ? e->st->citation : e->st->bibliography;
	const csl_node *def = mode == MODE_CITATION ? e->st->cit_layout : e->st->bib_layout;
	if (!parent || !it || !it->lang)
		return def;
	for (const csl_node *k = parent->child; k; k = k->next) {
		if (k->kind != K_LAYOUT)
			continue;
		const char *l = lit_csl_attr(k, "locale");
		if (!l)
			continue;
		const char *p = l;
		while (*p) {
			while (*p == ' ')
				p++;
			size_t n = 0;
			while (p[n] && p[n] != ' ')
				n++;
			if (n && !strncmp(it->lang, p, n) && (it->lang[n] == 0 || it->lang[n] == '-'))
				return k;
			p += n;
		}
	}
	for (const csl_node *k = parent->child; k; k = k->next)
		if (k->kind == K_LAYOUT && !lit_csl_attr(k, "locale"))
			return k;
	return def;
}

static onode *render_item_ctx(csl_engine *e, const csl_item *it, const csl_citeref *ref, int mode,
                              csl_ctx *c, const csl_node **layout_out)
{
	ctx_init(c, e, it, ref, mode);
	const csl_node *layout = pick_layout(e, it, mode);
	if (layout_out)
		*layout_out = layout;
	if (!layout)
		return NULL;
	return lit_csl_render_layout(c, layout);
}

/* Render the layout children for one item; the first-names output is stored in *names. */
onode *lit_csl_render_item(csl_engine *e, const csl_item *it, const csl_citeref *ref, int mode,
                           int suppress_author, const onode **names_out, const csl_node **layout_out)
{
	csl_ctx c;
	ctx_init(&c, e, it, ref, mode);
	c.suppress_author_names = suppress_author;
	const csl_node *layout = pick_layout(e, it, mode);
	if (layout_out)
		*layout_out = layout;
	if (!layout)
		return NULL;
	onode *r = lit_csl_render_layout(&c, layout);
	if (names_out)
		*names_out = c.first_names_out;
	return r;
}

char *lit_csl_to_string(csl_engine *e, const onode *n, int format, const csl_locale *loc)
{
	lit_buf b = LIT_BUF_INIT;
	if (format < 0)
		lit_csl_plain(&b, n);
	else
		lit_csl_serialize(&b, n, format, loc ? loc : e->st->locales[0]);
	if (lit_buf_status(&b)) {
		lit_buf_free(&b);
		return NULL;
	}
	return lit_buf_detach(&b, NULL);
}

/* ------------------------------------------------------------- sorting */

static int key_uses_citation_number(const csl_node *sort)
{
	for (const csl_node *k = sort ? sort->child : NULL; k; k = k->next) {
		if (k->var == LIT_VAR_CITATION_NUMBER)
			return 1;
		if (k->macro && uses_var(k->macro->child, LIT_VAR_CITATION_NUMBER))
			return 1;
	}
	return 0;
}

static char *sort_key(csl_engine *e, const csl_item *it, const csl_node *key, int mode)
{
	csl_ctx c;
	ctx_init(&c, e, it, NULL, mode);
	c.ar = &e->tmp;
	c.sorting = 1;
	c.dis = mode == MODE_CITATION ? &it->dis : NULL;
	const char *v;
	if ((v = lit_csl_attr(key, "names-min")))
		c.sort_names_min = atoi(v);
	if ((v = lit_csl_attr(key, "names-use-first")))
		c.sort_names_first = atoi(v);
	if ((v = lit_csl_attr(key, "names-use-last")))
		c.sort_names_last = !strcmp(v, "true");
	onode *r = NULL;
	if (key->macro) {
		r = lit_csl_render_children(&c, key->macro);
	} else if (key->variable) {
		r = lit_csl_sort_var(&c, key->var);
	}
	lit_buf b = LIT_BUF_INIT;
	lit_csl_plain(&b, r);
	char *s = lit_buf_detach(&b, NULL);
	lit_csl_arena_reset(&e->tmp);
	return s;
}

static int collate_cp(int32_t cp, int cyr_first)
{
	/* primary weight classes: spaces/punctuation, digits, then scripts */
	if (cp < 0x80 && !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')))
		return cp;
	int cyr = lit_cp_is_cyrillic((uint32_t)cp);
	uint32_t low = lit_cp_tolower((uint32_t)cp);
	if (low == 0x451)
		low = 0x435; /* ё = е */
	if (cyr)
		return (cyr_first ? 0x100000 : 0x200000) + (int)low;
	return (cyr_first ? 0x200000 : 0x100000) + (int)low;
}

/* Is the character at s skipped by collation (punctuation, symbols)?  If so
 * *pos advances past it. */
static int ignorable(const char *s, size_t n, size_t *pos)
{
	size_t adv;
	int32_t cp = lit_utf8_decode(s, n, &adv);
	if (cp >= 0 && cp != ' ' && !lit_cp_is_letter((uint32_t)cp) && !(cp >= '0' && cp <= '9')) {
		*pos += adv;
		return 1;
	}
	return 0;
}

int lit_csl_collate(const char *a, const char *b, int cyr_first)
{
	char *fa = lit_utf8_fold(a, strlen(a)), *fb = lit_utf8_fold(b, strlen(b));
	const char *x = fa ? fa : a, *y = fb ? fb : b;
	/* ё must survive folding as е; fold strips the diaeresis already */
	size_t la = strlen(x), lb = strlen(y), i = 0, j = 0;
	int r = 0;
	while (i < la && j < lb) {
		size_t aa, ab;
		int32_t ca = lit_utf8_decode(x + i, la - i, &aa);
		int32_t cb = lit_utf8_decode(y + j, lb - j, &ab);
		if (ca >= 0 && ca != ' ' && !lit_cp_is_letter((uint32_t)ca) && !(ca >= '0' && ca <= '9')) {
			i += aa;
			continue;
		}
		if (cb >= 0 && cb != ' ' && !lit_cp_is_letter((uint32_t)cb) && !(cb >= '0' && cb <= '9')) {
			j += ab;
			continue;
		}
		int wa = collate_cp(ca, cyr_first), wb = collate_cp(cb, cyr_first);
		if (wa != wb) {
			r = wa < wb ? -1 : 1;
			break;
		}
		i += aa;
		j += ab;
	}
	if (!r) {
		/* punctuation left over at either end is ignored too ("Inc." = "Inc.") */
		while (i < la && ignorable(x + i, la - i, &i))
			;
		while (j < lb && ignorable(y + j, lb - j, &j))
			;
		r = (i < la) - (j < lb);
	}
	free(fa);
	free(fb);
	if (!r)
		r = strcmp(a, b);
	return r;
}

typedef struct sortctx {
	csl_engine *e;
	const csl_node *sort;
	int cyr_first;
	int tie_cnum;      /* citations: ties keep bibliography order */
} sortctx;

static int cmp_items(const sortctx *s, const csl_item *a, const csl_item *b)
{
	int k = 0;
	for (const csl_node *key = s->sort->child; key; key = key->next, k++) {
		if (key->kind != K_KEY)
			continue;
		const char *ka = k < a->nsortkeys ? a->sortkeys[k] : NULL;
		const char *kb = k < b->nsortkeys ? b->sortkeys[k] : NULL;
		int ea = !ka || !*ka, eb = !kb || !*kb;
		if (ea && eb)
			continue;
		if (ea)
			return 1;
		if (eb)
			return -1;
		int r = lit_csl_collate(ka, kb, s->cyr_first);
		const char *dir = lit_csl_attr(key, "sort");
		if (dir && !strcmp(dir, "descending"))
			r = -r;
		if (r)
			return r;
	}
	if (s->tie_cnum && a->citation_number != b->citation_number)
		return a->citation_number < b->citation_number ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* merge sort of indices (stable, no global state) */
static void msort(size_t *v, size_t *tmp, size_t n, const sortctx *s)
{
	if (n < 2)
		return;
	size_t m = n / 2;
	msort(v, tmp, m, s);
	msort(v + m, tmp, n - m, s);
	size_t i = 0, j = m, k = 0;
	while (i < m && j < n) {
		if (cmp_items(s, &s->e->items[v[j]], &s->e->items[v[i]]) < 0)
			tmp[k++] = v[j++];
		else
			tmp[k++] = v[i++];
	}
	while (i < m)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

static int compute_keys(csl_engine *e, csl_item *it, const csl_node *sort, int mode)
{
	for (int k = 0; k < it->nsortkeys; k++)
		free(it->sortkeys[k]);
	free(it->sortkeys);
	it->sortkeys = NULL;
	it->nsortkeys = 0;
	int nk = 0;
	for (const csl_node *key = sort->child; key; key = key->next)
		nk++;
	it->sortkeys = calloc((size_t)nk + 1, sizeof(char *));
	if (!it->sortkeys)
		return LIT_ENOMEM;
	it->nsortkeys = nk;
	int k = 0;
	for (const csl_node *key = sort->child; key; key = key->next, k++)
		if (key->kind == K_KEY)
			it->sortkeys[k] = sort_key(e, it, key, mode);
	return LIT_OK;
}

static int sort_cyr_first(const csl_node *sort)
{
	const char *v = sort ? lit_csl_attr(sort, "script-order") : NULL;
	return v && !strncmp(v, "Cyrl", 4);
}

/* Sort e->order (the registered items) by the bibliography sort and assign
 * citation numbers. */
static int sort_bibliography(csl_engine *e)
{
	const csl_node *sort = e->st->bib_sort;
	size_t n = e->norder;
	for (size_t i = 0; i < n; i++)
		e->items[e->order[i]].citation_number = (int)i + 1;
	if (!sort || !n)
		return LIT_OK;
	for (size_t i = 0; i < n; i++)
		if (compute_keys(e, &e->items[e->order[i]], sort, MODE_BIBLIOGRAPHY))
			return LIT_ENOMEM;
	size_t *tmp = malloc(n * sizeof(size_t));
	if (!tmp)
		return LIT_ENOMEM;
	sortctx s = { e, sort, sort_cyr_first(sort), 0 };
	msort(e->order, tmp, n, &s);
	free(tmp);
	if (!key_uses_citation_number(sort))
		for (size_t i = 0; i < n; i++)
			e->items[e->order[i]].citation_number = (int)i + 1;
	return LIT_OK;
}

/* ------------------------------------------------------- disambiguation */

static char *cite_plain(csl_engine *e, csl_item *it)
{
	csl_citeref ref;
	memset(&ref, 0, sizeof(ref));
	ref.position = e->dis_position;
	csl_ctx c;
	ctx_init(&c, e, it, &ref, MODE_CITATION);
	c.disamb = 1;
	const csl_node *layout = pick_layout(e, it, MODE_CITATION);
	onode *r = layout ? lit_csl_render_layout(&c, layout) : NULL;
	char *s = lit_csl_to_string(e, r, -1, it->loc);
	lit_csl_arena_reset(&e->ar);
	return s;
}

static int name_count_total(const csl_item *it)
{
	int n = 0;
	for (int v = 0; v < LIT_VAR__COUNT; v++)
		if (lit_var_kind_of((lit_var)v) == LIT_KIND_NAME)
			n += (int)lit_record_name_count(it->rec, (lit_var)v);
	return n;
}

static const char *cit_attr(csl_engine *e, const char *name)
{
	return e->st->citation ? lit_csl_attr(e->st->citation, name) : NULL;
}

/* Given names compared without spaces and periods ("J. J." = "J.J."). */
static int given_eq(const char *a, const char *b)
{
	if (!a || !b)
		return !a == !b;
	for (;;) {
		while (*a == ' ' || *a == '.')
			a++;
		while (*b == ' ' || *b == '.')
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++, b++;
	}
}

static int given_initial_eq(const char *a, const char *b)
{
	if (!a || !b)
		return !a == !b;
	size_t aa, ab;
	return lit_utf8_decode(a, strlen(a), &aa) == lit_utf8_decode(b, strlen(b), &ab);
}

static void ensure_gn(csl_item *it)
{
	if (!it->dis.gn_level) {
		int na = name_count_total(it);
		it->dis.gn_level = calloc((size_t)na + 1, 1);
		it->dis.ngn = it->dis.gn_level ? na : 0;
	}
}

/* givenname-disambiguation-rule all-names / primary-name (with initials):
 * names that share a family name with a different given name elsewhere get
 * their initials or full given names.  Sorted by family and given name, so
 * the work grows with the number of distinct given names per family. */
typedef struct nref {
	const char *family, *given;
	char *own;     /* family with its non-dropping particle, malloc'd, or NULL */
	size_t item;   /* index into idx */
	size_t k;      /* position in the name list */
	int level;
} nref;

static int nref_cmp(const void *a, const void *b)
{
	const nref *x = a, *y = b;
	int r = strcmp(x->family, y->family);
	if (r)
		return r;
	return strcmp(x->given ? x->given : "", y->given ? y->given : "");
}

static void name_rules(csl_engine *e, size_t *idx, size_t n, const char *rule)
{
	int primary = !strncmp(rule, "primary-name", 12);
	int initials_only = strstr(rule, "with-initials") != NULL;
	size_t cap = 0;
	for (size_t i = 0; i < n; i++) {
		csl_item *a = &e->items[idx[i]];
		ensure_gn(a);
		cap += lit_record_name_count(a->rec, LIT_VAR_AUTHOR) + lit_record_name_count(a->rec, LIT_VAR_EDITOR);
	}
	nref *v = malloc((cap ? cap : 1) * sizeof(nref));
	if (!v)
		return;
	size_t nv = 0;
	for (size_t i = 0; i < n; i++) {
		csl_item *a = &e->items[idx[i]];
		for (int pass = 0; pass < 2; pass++) {
			lit_var var = pass ? LIT_VAR_EDITOR : LIT_VAR_AUTHOR;
			size_t cnt = lit_record_name_count(a->rec, var);
			for (size_t k = 0; k < cnt && nv < cap; k++) {
				const lit_name *x = lit_record_name(a->rec, var, k);
				if (!x->family)
					continue;
				v[nv].family = x->family;
				v[nv].own = NULL;
				if (x->non_dropping_particle && *x->non_dropping_particle) {
					/* "dos Santos" is another name than "Santos" */
					size_t pl = strlen(x->non_dropping_particle), fl = strlen(x->family);
					v[nv].own = malloc(pl + fl + 2);
					if (v[nv].own) {
						memcpy(v[nv].own, x->non_dropping_particle, pl);
						v[nv].own[pl] = ' ';
						memcpy(v[nv].own + pl + 1, x->family, fl + 1);
						v[nv].family = v[nv].own;
					}
				}
				v[nv].given = x->given;
				v[nv].item = i;
				/* only the first variable's positions carry a level */
				v[nv].k = pass == 0 || !lit_record_name_count(a->rec, LIT_VAR_AUTHOR) ? k : (size_t)-1;
				v[nv].level = 0;
				nv++;
			}
		}
	}
	qsort(v, nv, sizeof(nref), nref_cmp);
	size_t i = 0;
	while (i < nv) {
		size_t j = i + 1;
		while (j < nv && !strcmp(v[j].family, v[i].family))
			j++;
		/* distinct given names of this family: v[i..j) sorted by given */
		for (size_t p = i; p < j; p++) {
			if (p > i && given_eq(v[p].given, v[p - 1].given)) {
				v[p].level = v[p - 1].level;
				continue;
			}
			int level = 0;
			for (size_t q = i; q < j && level < 2; q++) {
				if (given_eq(v[q].given, v[p].given))
					continue;
				if (!given_initial_eq(v[q].given, v[p].given))
					level = level < 1 ? 1 : level;
				else if (!initials_only)
					level = 2;
			}
			v[p].level = level;
		}
		i = j;
	}
	for (size_t p = 0; p < nv; p++) {
		if (v[p].k == (size_t)-1 || (primary && v[p].k > 0))
			continue;
		csl_item *a = &e->items[idx[v[p].item]];
		if ((int)v[p].k < a->dis.ngn && v[p].level > a->dis.gn_level[v[p].k])
			a->dis.gn_level[v[p].k] = (unsigned char)v[p].level;
	}
	for (size_t p = 0; p < nv; p++)
		free(v[p].own);
	free(v);
}

typedef struct dgroup {
	csl_engine *e;
	size_t *idx;   /* items of the group */
	char **s;      /* their current strings */
	size_t m;
	int *coll;     /* cached collision counts */
	size_t *tmp;
	int dirty;
} dgroup;

static void dg_render(dgroup *g, size_t i)
{
	free(g->s[i]);
	g->s[i] = cite_plain(g->e, &g->e->items[g->idx[i]]);
	g->dirty = 1;
}

/* Collision counts of every member, by sorting (no quadratic scan). */
static void dg_recount(dgroup *g)
{
	size_t m = g->m;
	/* insertion-free: simple merge sort of indices by string */
	for (size_t i = 0; i < m; i++)
		g->tmp[i] = i;
	/* shell sort keeps this reentrant without a comparison callback */
	for (size_t gap = m / 2; gap > 0; gap /= 2)
		for (size_t i = gap; i < m; i++) {
			size_t t = g->tmp[i];
			size_t j = i;
			while (j >= gap && strcmp(g->s[g->tmp[j - gap]] ? g->s[g->tmp[j - gap]] : "",
			                          g->s[t] ? g->s[t] : "") > 0) {
				g->tmp[j] = g->tmp[j - gap];
				j -= gap;
			}
			g->tmp[j] = t;
		}
	size_t i = 0;
	while (i < m) {
		size_t j = i + 1;
		while (j < m && g->s[g->tmp[i]] && g->s[g->tmp[j]] && !strcmp(g->s[g->tmp[i]], g->s[g->tmp[j]]))
			j++;
		for (size_t k = i; k < j; k++)
			g->coll[g->tmp[k]] = g->s[g->tmp[k]] ? (int)(j - i - 1) : 0;
		i = j;
	}
	g->dirty = 0;
}

static int dg_coll(dgroup *g, size_t i)
{
	if (g->dirty)
		dg_recount(g);
	return g->coll[i];
}

/* Raise the given-name level of name q to lvl in the members that still
 * collide; keep it where that reduced their collisions.  Nonzero on
 * out of memory. */
static int try_given(dgroup *g, int q, int lvl)
{
	csl_engine *e = g->e;
	size_t m = g->m;
	int *before = calloc(m, sizeof(int)), *after = calloc(m, sizeof(int));
	unsigned char *old = calloc(m, 1);
	if (!before || !old || !after) {
		free(before);
		free(after);
		free(old);
		return 1;
	}
	for (size_t i = 0; i < m; i++)
		before[i] = dg_coll(g, i);
	for (size_t i = 0; i < m; i++) {
		csl_item *it = &e->items[g->idx[i]];
		if (!before[i] || q >= it->dis.ngn)
			continue;
		old[i] = it->dis.gn_level[q];
		if (old[i] >= lvl)
			continue;
		it->dis.gn_level[q] = (unsigned char)lvl;
		dg_render(g, i);
	}
	for (size_t i = 0; i < m; i++)
		after[i] = dg_coll(g, i);
	/* revert expansions that did not reduce the member's collisions */
	for (size_t i = 0; i < m; i++) {
		csl_item *it = &e->items[g->idx[i]];
		if (!before[i] || q >= it->dis.ngn || old[i] >= lvl)
			continue;
		if (after[i] >= before[i]) {
			it->dis.gn_level[q] = old[i];
			dg_render(g, i);
		}
	}
	free(after);
	free(before);
	free(old);
	return 0;
}

/* disambiguate-add-names with by-cite given names, as citeproc-js does
 * it: one name more at a time for the cites still ambiguous, and after
 * each the given names of the shown names expanded where that tells
 * cites apart ("J. Doe, Josephine Roe, et al." against "J. Doe, Jane Roe,
 * R. Jones").  Cites that nothing helped go back to their plain form. */
static void names_and_givens(dgroup *g)
{
	csl_engine *e = g->e;
	size_t m = g->m;
	int maxn = 0, maxq = 0;
	int *start = calloc(m, sizeof(int)), *mark = calloc(m, sizeof(int));
	int *best_c = calloc(m, sizeof(int)), *best_k = calloc(m, sizeof(int));
	char **prev = calloc(m, sizeof(char *));
	if (!start || !mark || !prev || !best_c || !best_k)
		goto out;
	for (size_t i = 0; i < m; i++) {
		csl_item *it = &e->items[g->idx[i]];
		ensure_gn(it);
		if (it->dis.ngn > maxq)
			maxq = it->dis.ngn;
		int t = name_count_total(it);
		if (t > maxn)
			maxn = t;
		start[i] = best_c[i] = dg_coll(g, i);
	}
	for (int k = 0; k <= maxn; k++) {
		int any = 0;
		for (size_t i = 0; i < m; i++)
			if ((mark[i] = dg_coll(g, i) > 0))
				any = 1;
		if (!any)
			break;
		if (k > 0) {
			int changed = 0;
			for (size_t i = 0; i < m; i++) {
				if (!mark[i])
					continue;
				prev[i] = g->s[i] ? strdup(g->s[i]) : NULL;
				e->items[g->idx[i]].dis.add_names = k;
				dg_render(g, i);
				if (!prev[i] || !g->s[i] || strcmp(prev[i], g->s[i]))
					changed = 1;
				free(prev[i]);
				prev[i] = NULL;
			}
			if (!changed)
				break;   /* every name is shown already */
		}
		for (int q = 0; q < maxq; q++)
			for (int lvl = 1; lvl <= 2; lvl++)
				if (try_given(g, q, lvl))
					goto out;
		/* the fewest names that gave a cite its fewest collisions */
		for (size_t i = 0; i < m; i++) {
			int c = dg_coll(g, i);
			if (c < best_c[i]) {
				best_c[i] = c;
				best_k[i] = e->items[g->idx[i]].dis.add_names;
			}
		}
	}
	for (size_t i = 0; i < m; i++) {
		csl_item *it = &e->items[g->idx[i]];
		mark[i] = it->dis.add_names != best_k[i] || (best_c[i] && best_c[i] >= start[i]);
	}
	for (size_t i = 0; i < m; i++) {
		if (!mark[i])
			continue;
		csl_item *it = &e->items[g->idx[i]];
		it->dis.add_names = best_k[i];
		if (best_c[i] && best_c[i] >= start[i] && it->dis.gn_level)
			memset(it->dis.gn_level, 0, (size_t)it->dis.ngn);  /* nothing helped */
		dg_render(g, i);
	}
out:
	free(start);
	free(mark);
	free(best_c);
	free(best_k);
	free(prev);
}

static void resolve_group(dgroup *g, int add_names, int add_given_bycite, int use_cond, int add_ys)
{
	csl_engine *e = g->e;
	size_t m = g->m;
	int *best_k = calloc(m, sizeof(int)), *best_c = calloc(m, sizeof(int));
	if (!best_k || !best_c)
		goto out;
	if (add_names && add_given_bycite) {
		names_and_givens(g);
	} else if (add_names) {
		int maxn = 0;
		for (size_t i = 0; i < m; i++) {
			csl_item *it = &e->items[g->idx[i]];
			int t = name_count_total(it);
			if (t > maxn)
				maxn = t;
			best_c[i] = dg_coll(g, i);
			if (add_given_bycite) {
				ensure_gn(it);
				if (it->dis.gn_level)
					memset(it->dis.gn_level, 2, (size_t)it->dis.ngn);
			}
		}
		if (add_given_bycite)
			for (size_t i = 0; i < m; i++) {
				dg_render(g, i);
			}
		if (add_given_bycite)
			for (size_t i = 0; i < m; i++)
				best_c[i] = dg_coll(g, i);
		for (int k = 1; k <= maxn; k++) {
			int all0 = 1;
			for (size_t i = 0; i < m; i++)
				if (best_c[i])
					all0 = 0;
			if (all0)
				break;
			for (size_t i = 0; i < m; i++) {
				e->items[g->idx[i]].dis.add_names = k;
				dg_render(g, i);
			}
			for (size_t i = 0; i < m; i++) {
				int c = dg_coll(g, i);
				if (c < best_c[i]) {
					best_c[i] = c;
					best_k[i] = k;
				}
			}
		}
		for (size_t i = 0; i < m; i++) {
			csl_item *it = &e->items[g->idx[i]];
			it->dis.add_names = best_k[i];
			if (add_given_bycite && it->dis.gn_level)
				memset(it->dis.gn_level, 0, (size_t)it->dis.ngn);
			dg_render(g, i);
		}
	}
	if (add_given_bycite) {
		int maxq = 0;
		for (size_t i = 0; i < m; i++) {
			csl_item *it = &e->items[g->idx[i]];
			ensure_gn(it);
			if (it->dis.ngn > maxq)
				maxq = it->dis.ngn;
		}
		for (int q = 0; q < maxq; q++) {
			for (int lvl = 1; lvl <= 2; lvl++) {
				int any = 0;
				for (size_t i = 0; i < m; i++)
					if (dg_coll(g, i))
						any = 1;
				if (!any)
					break;
				if (try_given(g, q, lvl))
					break;
			}
		}
		for (size_t i = 0; i < m; i++) {
			csl_item *it = &e->items[g->idx[i]];
			if (dg_coll(g, i) && it->dis.gn_level) {
				/* expansion could not separate it: back to the plain form when
				 * every partner is in the same state */
				int all_coll = 1;
				for (size_t j = 0; j < m; j++)
					if (!dg_coll(g, j))
						all_coll = 0;
				if (all_coll) {
					memset(it->dis.gn_level, 0, (size_t)it->dis.ngn);
				}
			}
		}
		for (size_t i = 0; i < m; i++)
			dg_render(g, i);
	}
	if (use_cond) {
		/* the disambiguate conditions come true one at a time, in the
		 * order they are met, for the cites still ambiguous (so "title"
		 * may do where "title, edition" is not needed); cites that stay
		 * ambiguous end with all of them true */
		for (int lvl = 1; lvl <= use_cond + 1; lvl++) {
			int any = 0;
			for (size_t i = 0; i < m; i++)
				if (dg_coll(g, i)) {
					e->items[g->idx[i]].dis.disambiguate = lvl <= use_cond ? lvl : INT_MAX;
					any = 1;
				}
			if (!any)
				break;
			for (size_t i = 0; i < m; i++)
				dg_render(g, i);
		}
	}
	if (add_ys) {
		/* still ambiguous members, in bibliography order, numbered per identical string */
		size_t *amb = malloc(m * sizeof(size_t));
		size_t na = 0;
		if (!amb)
			goto out;
		for (size_t i = 0; i < m; i++)
			if (dg_coll(g, i))
				amb[na++] = i;
		for (size_t i = 1; i < na; i++) {
			size_t t = amb[i], j = i;
			while (j > 0) {
				size_t pa = e->pos[g->idx[amb[j - 1]]], pb = e->pos[g->idx[t]];
				int c = strcmp(g->s[amb[j - 1]], g->s[t]);
				if (c < 0 || (c == 0 && pa <= pb))
					break;
				amb[j] = amb[j - 1];
				j--;
			}
			amb[j] = t;
		}
		int suffix = 0;
		for (size_t i = 0; i < na; i++) {
			if (i == 0 || strcmp(g->s[amb[i]], g->s[amb[i - 1]]))
				suffix = 0;
			e->items[g->idx[amb[i]]].dis.year_suffix = ++suffix;
		}
		free(amb);
	}
out:
	free(best_k);
	free(best_c);
}

typedef struct strix {
	char *s;
	size_t i;
} strix;

static int strix_cmp(const void *a, const void *b)
{
	const strix *x = a, *y = b;
	int r = strcmp(x->s ? x->s : "", y->s ? y->s : "");
	return r ? r : (x->i < y->i ? -1 : x->i > y->i);
}

/* How many disambiguate="true" conditions the style has. */
static int style_has_disamb_cond(const csl_node *n)
{
	int k = 0;
	for (; n; n = n->next) {
		if ((n->kind == K_IF || n->kind == K_ELSEIF) && lit_csl_attr(n, "disambiguate"))
			k++;
		k += style_has_disamb_cond(n->child);
	}
	return k;
}

static int dis_pass(csl_engine *e, size_t *idx, size_t n, int add_names, int add_given, const char *rule,
                    int use_cond, int add_ys);

/* Does the citation test position="subsequent" (or a position it implies)? */
/* Do cites print differently in a subsequent position: a position
 * condition, or et-al-subsequent-* on a name element? */
static int style_has_subsequent(const csl_node *n, int depth)
{
	for (; n && depth < 32; n = n->next) {
		const char *p = (n->kind == K_IF || n->kind == K_ELSEIF) ? lit_csl_attr(n, "position") : NULL;
		if (p && strstr(p, "subsequent"))
			return 1;
		if (n->kind == K_NAME &&
		    (lit_csl_attr(n, "et-al-subsequent-min") || lit_csl_attr(n, "et-al-subsequent-use-first")))
			return 1;
		if (style_has_subsequent(n->child, depth + 1) ||
		    (n->macro && style_has_subsequent(n->macro->child, depth + 1)))
			return 1;
	}
	return 0;
}

static int disambiguate(csl_engine *e, size_t *idx, size_t n)
{
	if (n < 2)
		return LIT_OK;
	const char *v;
	int add_names = (v = cit_attr(e, "disambiguate-add-names")) && !strcmp(v, "true");
	int add_given = (v = cit_attr(e, "disambiguate-add-givenname")) && !strcmp(v, "true");
	int add_ys = (v = cit_attr(e, "disambiguate-add-year-suffix")) && !strcmp(v, "true");
	int use_cond = style_has_disamb_cond(e->st->root ? e->st->root->child : NULL);
	const char *rule = cit_attr(e, "givenname-disambiguation-rule");
	if (!rule)
		rule = "by-cite";
	if (!add_names && !add_given && !add_ys && !use_cond)
		return LIT_OK;
	if (add_given && strcmp(rule, "by-cite"))
		name_rules(e, idx, n, rule);
	int rc = dis_pass(e, idx, n, add_names, add_given, rule, use_cond, add_ys);
	const csl_node *ci = e->st->citation, *root = e->st->root;
	int etal_sub = (ci && (lit_csl_attr(ci, "et-al-subsequent-min") || lit_csl_attr(ci, "et-al-subsequent-use-first"))) ||
	               (root && (lit_csl_attr(root, "et-al-subsequent-min") || lit_csl_attr(root, "et-al-subsequent-use-first")));
	if (rc || (!etal_sub && !style_has_subsequent(e->st->cit_layout ? e->st->cit_layout->child : NULL, 0)))
		return rc;
	/* cites rendered in their subsequent form may collide where the first
	 * forms do not ("Doe" for two books): disambiguate those too, keeping
	 * what the first forms needed */
	csl_disamb *keep = calloc(n, sizeof(csl_disamb));
	if (!keep)
		return LIT_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		keep[i] = e->items[idx[i]].dis;
		keep[i].gn_level = NULL;
		if (e->items[idx[i]].dis.gn_level && e->items[idx[i]].dis.ngn) {
			keep[i].gn_level = malloc((size_t)e->items[idx[i]].dis.ngn);
			if (keep[i].gn_level)
				memcpy(keep[i].gn_level, e->items[idx[i]].dis.gn_level, (size_t)e->items[idx[i]].dis.ngn);
		}
	}
	e->dis_position = LIT_CSL_POS_SUBSEQUENT;
	rc = dis_pass(e, idx, n, add_names, add_given, rule, use_cond, add_ys);
	e->dis_position = LIT_CSL_POS_FIRST;
	for (size_t i = 0; i < n; i++) {
		csl_disamb *d = &e->items[idx[i]].dis;
		if (e->cites_known && e->items[idx[i]].ncites < 2) {
			/* cited once: never printed in a subsequent form, so what
			 * those forms need is not its own (another item's cite may
			 * still need it told apart from this one); year suffixes are
			 * given out together and stay */
			int ngn = d->ngn < keep[i].ngn ? d->ngn : keep[i].ngn;
			d->add_names = keep[i].add_names;
			d->givenname = keep[i].givenname;
			d->disambiguate = keep[i].disambiguate;
			for (int q = 0; keep[i].gn_level && d->gn_level && q < ngn; q++)
				d->gn_level[q] = keep[i].gn_level[q];
			free(keep[i].gn_level);
			continue;
		}
		if (keep[i].add_names > d->add_names)
			d->add_names = keep[i].add_names;
		if (keep[i].givenname > d->givenname)
			d->givenname = keep[i].givenname;
		if (keep[i].disambiguate > d->disambiguate)
			d->disambiguate = keep[i].disambiguate;
		if (keep[i].year_suffix)
			d->year_suffix = keep[i].year_suffix;
		for (int q = 0; keep[i].gn_level && d->gn_level && q < d->ngn && q < keep[i].ngn; q++)
			if (keep[i].gn_level[q] > d->gn_level[q])
				d->gn_level[q] = keep[i].gn_level[q];
		free(keep[i].gn_level);
	}
	free(keep);
	return rc;
}

/* One round of disambiguation over the cites rendered in e->dis_position. */
static int dis_pass(csl_engine *e, size_t *idx, size_t n, int add_names, int add_given, const char *rule,
                    int use_cond, int add_ys)
{
	strix *sx = calloc(n, sizeof(strix));
	if (!sx)
		return LIT_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		sx[i].s = cite_plain(e, &e->items[idx[i]]);
		sx[i].i = i;
	}
	qsort(sx, n, sizeof(strix), strix_cmp);
	size_t *gi = malloc(n * sizeof(size_t));
	char **gs = calloc(n, sizeof(char *));
	int *gcoll = calloc(n, sizeof(int));
	size_t *gtmp = malloc(n * sizeof(size_t));
	e->pos = malloc(e->nitems * sizeof(size_t) + 1);
	if (!gi || !gs || !gcoll || !gtmp || !e->pos) {
		free(gi), free(gs), free(gcoll), free(gtmp);
		free(e->pos);
		e->pos = NULL;
		for (size_t i = 0; i < n; i++)
			free(sx[i].s);
		free(sx);
		return LIT_ENOMEM;
	}
	for (size_t k = 0; k < e->nitems; k++)
		e->pos[k] = e->nitems;
	for (size_t k = 0; k < e->norder; k++)
		e->pos[e->order[k]] = k;
	size_t i = 0;
	while (i < n) {
		size_t j = i + 1;
		while (j < n && sx[j].s && sx[i].s && !strcmp(sx[j].s, sx[i].s))
			j++;
		if (j - i > 1) {
			/* keep registration order inside the group */
			dgroup g = { e, gi, gs, j - i, gcoll, gtmp, 1 };
			for (size_t k = i; k < j; k++) {
				gi[k - i] = idx[sx[k].i];
				gs[k - i] = strdup(sx[k].s);
			}
			resolve_group(&g, add_names, add_given && !strcmp(rule, "by-cite") ? 1 :
			              (add_given && !strncmp(rule, "primary", 7)) ? 0 : 0,
			              use_cond, add_ys);
			for (size_t k = 0; k < j - i; k++) {
				free(gs[k]);
				gs[k] = NULL;
			}
		}
		i = j;
	}
	for (i = 0; i < n; i++)
		free(sx[i].s);
	free(sx);
	free(gi);
	free(gs);
	free(gcoll);
	free(gtmp);
	free(e->pos);
	e->pos = NULL;
	return LIT_OK;
}

static void reset_dis(csl_engine *e)
{
	for (size_t i = 0; i < e->nitems; i++) {
		free(e->items[i].dis.gn_level);
		memset(&e->items[i].dis, 0, sizeof(e->items[i].dis));
	}
}

/* ---------------------------------------------------------- citations */

/* Items by id: binary search over e->byid (indices sorted by id). */
static csl_item *find_item(csl_engine *e, const char *id)
{
	if (!id)
		return NULL;
	size_t lo = 0, hi = e->nbyid;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(e->items[e->byid[mid]].id, id);
		if (!c) {
			/* the first record with this id */
			while (mid > 0 && !strcmp(e->items[e->byid[mid - 1]].id, id))
				mid--;
			return &e->items[e->byid[mid]];
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int streq0(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && !strcmp(a, b);
}

typedef struct rcite {
	csl_item *it;
	csl_citeref ref;
	const lit_csl_cite *src;
	onode *out;          /* rendered cite with its affixes */
	const onode *names;  /* first names output */
	char *names_plain;
	int skip;
	int number_only;     /* output is just the citation number */
	int year_suffix_only_ok;
	onode *ys_leaf;
	int year;
} rcite;

/* A cite's prefix or suffix: rich text whose quotes keep punctuation that
 * follows them outside (punctuation-in-quote is for the style's text). */
static onode *user_text(csl_engine *e, const char *s)
{
	onode *n = lit_csl_rich(&e->ar, s);
	if (n)
		n->no_piq = 1;
	return n;
}

static onode *find_leaf(onode *n, int which)
{
	if (!n)
		return NULL;
	if (n->text)
		return (which == 0 ? n->is_num : n->yearsuffix) ? n : NULL;
	for (onode *k = n->child; k; k = k->next) {
		onode *r = find_leaf(k, which);
		if (r)
			return r;
	}
	return NULL;
}

static int cite_cmp(csl_engine *e, const csl_node *sort, const rcite *a, const rcite *b)
{
	sortctx s = { e, sort, sort_cyr_first(sort), 1 };
	return cmp_items(&s, a->it, b->it);
}

static onode *first_leaf(onode *n)
{
	if (!n)
		return NULL;
	if (n->text)
		return *n->text || n->fmt.prefix ? n : NULL;
	if (n->fmt.prefix && *n->fmt.prefix)
		return NULL;
	for (onode *k = n->child; k; k = k->next) {
		if (lit_csl_onode_empty(k))
			continue;
		return first_leaf(k);
	}
	return NULL;
}

/* In note styles a term that starts a cite ("ibid.") is capitalised, unless a
 * one-word prefix (an abbreviation like "Cf.") comes before it. */
static void cap_leading_term(onode *r, const char *prefix, int first, int note)
{
	if (prefix && *prefix) {
		size_t l = strlen(prefix);
		while (l && prefix[l - 1] == ' ')
			l--;
		/* skip a closing quote after the sentence end */
		while (l >= 3 && (unsigned char)prefix[l - 3] == 0xe2 && (unsigned char)prefix[l - 2] == 0x80 &&
		       ((unsigned char)prefix[l - 1] == 0x9d || (unsigned char)prefix[l - 1] == 0x99))
			l -= 3;
		while (l && (prefix[l - 1] == '"' || prefix[l - 1] == '\''))
			l--;
		if (!l || !strchr(".!?", prefix[l - 1]) || !memchr(prefix, ' ', l))
			return;
	} else if (!first) {
		return;
	}
	onode *lf = first_leaf(r);
	if (!lf || !lf->is_term || !lf->text)
		return;
	if (!note && strncmp(lf->text, "ibid", 4))
		return;
	unsigned char c0 = (unsigned char)lf->text[0];
	if (c0 >= 'a' && c0 <= 'z') {
		char *t = (char *)lf->text;
		t[0] = (char)(c0 - 32);
	}
}

static int has_loc(const rcite *r)
{
	return r->ref.locator && *r->ref.locator;
}

static int suffix_only(const char *collapse, const rcite *rc, size_t k)
{
	if (!strcmp(collapse, "year"))
		return 0;
	return rc[k].it->dis.year_suffix && rc[k - 1].it->dis.year_suffix && rc[k].year == rc[k - 1].year &&
	       !has_loc(&rc[k]) && !has_loc(&rc[k - 1]) && !(rc[k].src && (rc[k].src->prefix || rc[k].src->suffix));
}

/* A delimiter before a cite; a cite prefix that starts with punctuation
 * replaces it, and after a cite suffix ending in a period or comma only the
 * delimiter's spacing is kept ("Smith is one source, Jones", not ",; "). */
static void put_delim(csl_engine *e, onode *all, const char *d, const rcite *prev, const rcite *next)
{
	if (next->src && next->src->prefix && strchr(".,;:!?", next->src->prefix[0]))
		return;
	const char *ps = prev && prev->src ? prev->src->suffix : NULL;
	size_t pl = ps ? strlen(ps) : 0;
	if (pl && (ps[pl - 1] == '.' || ps[pl - 1] == ',')) {
		d = strchr(d, ' ');
		if (!d)
			return;
	}
	lit_csl_onode_add(all, lit_csl_onode(&e->ar, d));
}

/* Render one citation (cites already positioned) into a string. */
static char *render_citation(csl_engine *e, rcite *rc, size_t n)
{
	const csl_node *layout = e->st->cit_layout;
	const csl_node *cit = e->st->citation;
	/* sort the cites */
	if (e->st->cit_sort && n > 1) {
		for (size_t i = 0; i < n; i++)
			compute_keys(e, rc[i].it, e->st->cit_sort, MODE_CITATION);
		for (size_t i = 1; i < n; i++) {
			rcite t = rc[i];
			size_t j = i;
			while (j > 0 && cite_cmp(e, e->st->cit_sort, &rc[j - 1], &t) > 0) {
				rc[j] = rc[j - 1];
				j--;
			}
			rc[j] = t;
		}
	}
	const char *collapse = lit_csl_attr(cit, "collapse");
	const char *cgd = lit_csl_attr(cit, "cite-group-delimiter");
	const char *acd = lit_csl_attr(cit, "after-collapse-delimiter");
	const char *ldelim = layout->delimiter ? layout->delimiter : "";
	int year_collapse = collapse && !strncmp(collapse, "year", 4);
	/* render each cite */
	for (size_t i = 0; i < n; i++) {
		const onode *nm = NULL;
		const csl_node *lay = NULL;
		onode *r = lit_csl_render_item(e, rc[i].it, &rc[i].ref, MODE_CITATION,
		                               rc[i].src && rc[i].src->suppress_author, &nm, &lay);
		if (rc[i].src && rc[i].src->author_only)
			r = (onode *)nm;
		onode *w = lit_csl_onode(&e->ar, NULL);
		if (w && r) {
			if (rc[i].src && rc[i].src->prefix)
				lit_csl_onode_add(w, user_text(e, rc[i].src->prefix));
			lit_csl_onode_add(w, r);
			if (rc[i].src && rc[i].src->suffix)
				lit_csl_onode_add(w, user_text(e, rc[i].src->suffix));
		}
		if (r)
			cap_leading_term(r, rc[i].src ? rc[i].src->prefix : NULL, i == 0, e->st->is_note);
		if (!r || lit_csl_onode_empty(r)) {
			/* nothing printed for this reference: say so rather than vanish */
			r = lit_csl_onode(&e->ar, "[CSL STYLE ERROR: reference with no printed form.]");
			w = lit_csl_onode(&e->ar, NULL);
			if (w && r)
				lit_csl_onode_add(w, r);
		}
		rc[i].out = r ? w : NULL;
		rc[i].names = nm;
		if (nm) {
			lit_buf b = LIT_BUF_INIT;
			lit_csl_plain(&b, nm);
			rc[i].names_plain = lit_csl_strdup(&e->ar, lit_buf_cstr(&b));
			lit_buf_free(&b);
		}
		const lit_date *d = lit_record_date(rc[i].it->rec, LIT_VAR_ISSUED);
		rc[i].year = d ? d->year : 0;
		if (r && collapse && !strcmp(collapse, "citation-number")) {
			lit_buf b = LIT_BUF_INIT;
			lit_csl_plain(&b, r);
			char num[16];
			snprintf(num, sizeof(num), "%d", rc[i].it->citation_number);
			onode *nl = find_leaf(r, 0);
			rc[i].number_only = nl && nl->text && !strcmp(nl->text, num) &&
			                    !(rc[i].src && (rc[i].src->prefix || rc[i].src->suffix)) &&
			                    !(rc[i].ref.locator && *rc[i].ref.locator);
			lit_buf_free(&b);
		}
	}
	/* group cites by author when collapsing by year */
	if ((year_collapse || cgd) && e->st->cit_sort) {
		for (size_t i = 0; i < n; i++) {
			if (!rc[i].names_plain)
				continue;
			for (size_t j = i + 1; j < n; j++) {
				if (rc[j].names_plain && !strcmp(rc[j].names_plain, rc[i].names_plain)) {
					/* move j right after the last of i's group */
					size_t k = i + 1;
					while (k < j && rc[k].names_plain && !strcmp(rc[k].names_plain, rc[i].names_plain))
						k++;
					if (k < j) {
						rcite t = rc[j];
						memmove(&rc[k + 1], &rc[k], (j - k) * sizeof(rcite));
						rc[k] = t;
					}
				}
			}
		}
	}
	onode *all = lit_csl_onode(&e->ar, NULL);
	if (!all)
		return NULL;
	const char *ysd = lit_csl_attr(cit, "year-suffix-delimiter");
	if (!ysd)
		ysd = cgd ? cgd : ldelim;
	/* collapsed cites of one author: the cite-group-delimiter, by default ", "
	 * in in-text styles and the layout delimiter in note styles (citeproc-js) */
	const char *gdel = cgd ? cgd : e->st->is_note ? ldelim : ", ";
	const char *adel = acd ? acd : ldelim;
	int number_collapse = collapse && !strcmp(collapse, "citation-number");
	int ranged = collapse && !strcmp(collapse, "year-suffix-ranged");
	int first = 1;
	const char *pending = ldelim;
	const rcite *prev = NULL;   /* the cite printed last */
	size_t i = 0;
	while (i < n) {
		if (!rc[i].out) {
			i++;
			continue;
		}
		if (number_collapse && rc[i].number_only) {
			size_t j = i;
			while (j + 1 < n && rc[j + 1].number_only && rc[j + 1].out &&
			       rc[j + 1].it->citation_number == rc[j].it->citation_number + 1)
				j++;
			if (!first)
				put_delim(e, all, pending, prev, &rc[i]);
			first = 0;
			lit_csl_onode_add(all, rc[i].out);
			if (j - i >= 2) {
				lit_csl_onode_add(all, lit_csl_onode(&e->ar, "\xe2\x80\x93"));
				lit_csl_onode_add(all, rc[j].out);
				pending = adel;
				prev = &rc[j];
				i = j + 1;
			} else {
				pending = ldelim;
				prev = &rc[i];
				i++;
			}
			continue;
		}
		if (year_collapse) {
			const char *nm_i = rc[i].names_plain ? rc[i].names_plain : "";
			size_t j = i;
			while (j + 1 < n && rc[j + 1].out &&
			       !strcmp(rc[j + 1].names_plain ? rc[j + 1].names_plain : "", nm_i))
				j++;
			if (!first)
				put_delim(e, all, pending, prev, &rc[i]);
			first = 0;
			lit_csl_onode_add(all, rc[i].out);
			prev = &rc[i];
			size_t k = i + 1;
			int after_suffixes = 0;  /* year-suffixes were just collapsed */
			while (k <= j) {
				if (suffix_only(collapse, rc, k)) {
					after_suffixes = 1;
					size_t r = k;
					while (r + 1 <= j && suffix_only(collapse, rc, r + 1))
						r++;
					size_t q = k;
					while (q <= r) {
						size_t z = q;
						if (ranged)
							while (z + 1 <= r && rc[z + 1].it->dis.year_suffix == rc[z].it->dis.year_suffix + 1)
								z++;
						if (ranged && rc[q].it->dis.year_suffix == rc[q - 1].it->dis.year_suffix + 1 &&
						    z - (q - 1) >= 2) {
							lit_csl_onode_add(all, lit_csl_onode(&e->ar, "\xe2\x80\x93"));
							lit_csl_onode_add(all, lit_csl_onode(&e->ar, lit_csl_year_suffix(&e->ar, rc[z].it->dis.year_suffix)));
							q = z + 1;
						} else {
							lit_csl_onode_add(all, lit_csl_onode(&e->ar, ysd));
							lit_csl_onode_add(all, lit_csl_onode(&e->ar, lit_csl_year_suffix(&e->ar, rc[q].it->dis.year_suffix)));
							q++;
						}
					}
					k = r + 1;
					continue;
				}
				const onode *nm2;
				onode *r = lit_csl_render_item(e, rc[k].it, &rc[k].ref, MODE_CITATION, 1, &nm2, NULL);
				if (lit_csl_onode_empty(r) && !(rc[k].src && (rc[k].src->prefix || rc[k].src->suffix))) {
					k++;
					continue;
				}
				onode *w = lit_csl_onode(&e->ar, NULL);
				if (rc[k].src && rc[k].src->prefix)
					lit_csl_onode_add(w, user_text(e, rc[k].src->prefix));
				lit_csl_onode_add(w, r);
				if (rc[k].src && rc[k].src->suffix)
					lit_csl_onode_add(w, user_text(e, rc[k].src->suffix));
				/* after a collapsed run the after-collapse delimiter follows */
				put_delim(e, all, has_loc(&rc[k - 1]) || after_suffixes ? adel : gdel, prev, &rc[k]);
				after_suffixes = 0;
				lit_csl_onode_add(all, w);
				prev = &rc[k];
				k++;
			}
			pending = j > i ? adel : ldelim;
			i = j + 1;
			continue;
		}
		if (!first)
			put_delim(e, all, pending, prev, &rc[i]);
		first = 0;
		lit_csl_onode_add(all, rc[i].out);
		prev = &rc[i];
		pending = ldelim;
		/* cite-group-delimiter without collapsing: cites of one author joined by it */
		if (cgd && i + 1 < n && rc[i].names_plain && rc[i + 1].names_plain &&
		    !strcmp(rc[i].names_plain, rc[i + 1].names_plain))
			pending = cgd;
		i++;
	}
	if (lit_csl_onode_empty(all))
		return lit_csl_strdup(&e->keep, "") ? strdup("") : NULL;
	onode *w = lit_csl_onode(&e->ar, NULL);
	onode *aff = lit_csl_onode(&e->ar, NULL);
	w->fmt = layout->fmt;
	w->fmt.text_case = 0;
	w->fmt.prefix = w->fmt.suffix = NULL;
	aff->fmt.prefix = layout->fmt.prefix;
	aff->fmt.suffix = layout->fmt.suffix;
	lit_csl_onode_add(aff, all);
	lit_csl_onode_add(w, aff);
	const csl_locale *loc = n ? rc[0].it->loc : e->st->locales[0];
	return lit_csl_to_string(e, w, e->format, loc);
}

int lit_csl_engine_cite_ex(lit_csl_engine *e, const lit_csl_citation *cits, size_t n,
                           char ***out, int register_cited, lit_error *err)
{
	*out = NULL;
	/* validate ids; register in order of first citation */
	if (register_cited) {
		size_t k = 0;
		int *seen = calloc(e->nitems + 1, sizeof(int));
		if (!seen)
			return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < cits[i].count; j++) {
				csl_item *it = find_item(e, cits[i].cites[j].id);
				if (!it) {
					free(seen);
					return lit_error_set(err, LIT_ENOTFOUND, NULL, 0, "unknown citation key \"%s\"",
					                     cits[i].cites[j].id ? cits[i].cites[j].id : "");
				}
				if (!seen[it->index]) {
					seen[it->index] = 1;
					e->order[k++] = it->index;
				}
			}
		e->norder = k;
		for (size_t i = 0; i < e->nitems; i++)
			e->items[i].cited = seen[i];
		free(seen);
	} else {
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < cits[i].count; j++)
				if (!find_item(e, cits[i].cites[j].id))
					return lit_error_set(err, LIT_ENOTFOUND, NULL, 0, "unknown citation key \"%s\"",
					                     cits[i].cites[j].id ? cits[i].cites[j].id : "");
	}
	for (size_t i = 0; i < e->nitems; i++)
		e->items[i].ncites = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < cits[i].count; j++)
			find_item(e, cits[i].cites[j].id)->ncites++;
	e->cites_known = 1;
	reset_dis(e);
	if (sort_bibliography(e))
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	int drc = disambiguate(e, e->order, e->norder);
	e->cites_known = 0;
	if (drc)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	e->sorted_once = 1;
	char **res = calloc(n ? n : 1, sizeof(char *));
	int *last_note = calloc(e->nitems + 1, sizeof(int));
	int *first_note = calloc(e->nitems + 1, sizeof(int));
	int *seen = calloc(e->nitems + 1, sizeof(int));
	if (!res || !last_note || !first_note || !seen) {
		free(res), free(last_note), free(first_note), free(seen);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	const char *nnd = e->st->citation ? lit_csl_attr(e->st->citation, "near-note-distance") : NULL;
	int near_dist = nnd ? atoi(nnd) : 5;
	/* ibid looks back within a stream: citations in the running text (note 0)
	 * and citations in notes, where a note counts as one unit */
	const lit_csl_cite *prev_last[2] = { NULL, NULL };
	size_t prev_count[2] = { 0, 0 };
	int prev_note = -1;
	size_t last_cit_count = 0;
	int rc = LIT_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		const lit_csl_citation *ct = &cits[i];
		rcite *rcs = lit_csl_alloc(&e->ar, sizeof(rcite) * (ct->count + 1));
		if (!rcs) {
			rc = LIT_ENOMEM;
			break;
		}
		int note = ct->note;
		for (size_t j = 0; j < ct->count; j++) {
			const lit_csl_cite *src = &ct->cites[j];
			csl_item *it = find_item(e, src->id);
			rcite *r = &rcs[j];
			r->it = it;
			r->src = src;
			r->ref.locator = src->locator;
			/* "sub verbo" is the CSL 1.0 spelling of the term "sub-verbo" */
			r->ref.label = src->label && !strcmp(src->label, "sub verbo") ? "sub-verbo" : src->label;
			r->ref.note = note;
			int stream = note > 0;
			/* in the same note the previous citation counts; across notes the whole note */
			size_t pc = stream && note == prev_note ? last_cit_count : prev_count[stream];
			const lit_csl_cite *prev = j > 0 ? &ct->cites[j - 1] : (pc == 1 ? prev_last[stream] : NULL);
			if (!seen[it->index]) {
				r->ref.position = LIT_CSL_POS_FIRST;
				seen[it->index] = 1;
				first_note[it->index] = note;
			} else if (prev && prev->id && !strcmp(prev->id, src->id)) {
				if (!src->locator || !*src->locator)
					r->ref.position = (!prev->locator || !*prev->locator) ? LIT_CSL_POS_IBID
					                                                       : LIT_CSL_POS_SUBSEQUENT;
				else if (!prev->locator || !*prev->locator || !streq0(prev->locator, src->locator) ||
				         !streq0(prev->label, src->label))
					r->ref.position = LIT_CSL_POS_IBID_WITH_LOCATOR;
				else
					r->ref.position = LIT_CSL_POS_IBID;
			} else {
				r->ref.position = LIT_CSL_POS_SUBSEQUENT;
			}
			if (src->position_override)
				r->ref.position = src->position_override - 1;
			r->ref.first_note = first_note[it->index];
			r->ref.near_note = last_note[it->index] && note - last_note[it->index] <= near_dist;
			if (src->near_note_override)
				r->ref.near_note = src->near_note_override > 0;
			last_note[it->index] = note;
		}
		res[i] = render_citation(e, rcs, ct->count);
		if (!res[i])
			rc = LIT_ENOMEM;
		{
			int stream = note > 0;
			if (stream && note == prev_note)
				prev_count[1] += ct->count;
			else
				prev_count[stream] = ct->count;
			if (stream)
				last_cit_count = ct->count;
			if (ct->count)
				prev_last[stream] = &ct->cites[ct->count - 1];
			if (stream)
				prev_note = note;
		}
		lit_csl_arena_reset(&e->ar);
	}
	free(last_note);
	free(first_note);
	free(seen);
	if (rc) {
		lit_csl_strings_free(res, n);
		return lit_error_set(err, rc, NULL, 0, "out of memory");
	}
	*out = res;
	return LIT_OK;
}

int lit_csl_engine_cite(lit_csl_engine *e, const lit_csl_citation *cits, size_t n,
                        char ***out, lit_error *err)
{
	return lit_csl_engine_cite_ex(e, cits, n, out, 1, err);
}

/* ------------------------------------------------------- bibliography */

static int bib_opt_true(csl_engine *e, const char *name)
{
	const char *v = e->st->bibliography ? lit_csl_attr(e->st->bibliography, name) : NULL;
	return v && !strcmp(v, "true");
}

/* Apply second-field-align: wrap the first child in left-margin and the rest in right-inline. */
static onode *second_field(csl_engine *e, onode *r)
{
	onode *content = r;
	/* descend through single-child containers without affixes */
	if (!content || !content->child)
		return r;
	onode *lm = lit_csl_onode(&e->ar, NULL), *ri = lit_csl_onode(&e->ar, NULL);
	onode *first = content->child, *rest = first->next;
	lm->fmt.display = DISP_LEFT;
	ri->fmt.display = DISP_RIGHT;
	lit_csl_onode_add(lm, first);
	while (rest) {
		onode *nx = rest->next;
		lit_csl_onode_add(ri, rest);
		rest = nx;
	}
	onode *w = lit_csl_onode(&e->ar, NULL);
	lit_csl_onode_add(w, lm);
	lit_csl_onode_add(w, ri);
	return w;
}

int lit_csl_engine_entries(lit_csl_engine *e, char ***out, const char ***ids, size_t *count,
                           lit_error *err)
{
	*out = NULL;
	*count = 0;
	if (ids)
		*ids = NULL;
	if (!e->sorted_once) {
		reset_dis(e);
		e->sorted_once = 1;
		if (sort_bibliography(e))
			return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
		if (disambiguate(e, e->order, e->norder))
			return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	size_t n = e->norder;
	char **res = calloc(n ? n : 1, sizeof(char *));
	const char **rid = calloc(n ? n : 1, sizeof(char *));
	if (!res || !rid) {
		free(res);
		free(rid);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	const char *sas = e->st->bibliography ? lit_csl_attr(e->st->bibliography, "subsequent-author-substitute") : NULL;
	const char *sas_rule = e->st->bibliography ? lit_csl_attr(e->st->bibliography, "subsequent-author-substitute-rule") : NULL;
	int sfa = e->st->bibliography && lit_csl_attr(e->st->bibliography, "second-field-align");
	char *prev_names = NULL;
	(void)bib_opt_true;
	for (size_t i = 0; i < n; i++) {
		csl_item *it = &e->items[e->order[i]];
		rid[i] = it->id;
		const onode *nm = NULL;
		const csl_node *lay = NULL;
		onode *r;
		const onode *first_list = NULL;
		if (e->st->bib_layout) {
			csl_ctx bc;
			r = render_item_ctx(e, it, NULL, MODE_BIBLIOGRAPHY, &bc, &lay);
			nm = bc.first_names_out;
			first_list = bc.first_names_list;
		} else {
			csl_citeref ref;
			memset(&ref, 0, sizeof(ref));
			r = lit_csl_render_item(e, it, &ref, MODE_CITATION, 0, &nm, &lay);
		}
		if (sas && nm) {
			const onode *nl = first_list ? first_list : nm;
			lit_buf b = LIT_BUF_INIT;
			lit_csl_plain(&b, nl);
			nm = nl;
			char *cur = lit_buf_detach(&b, NULL);
			if (prev_names && cur && *cur && !strcmp(prev_names, cur)) {
				onode *m = (onode *)nm;
				(void)sas_rule;
				m->child = m->last = NULL;
				m->text = NULL;
				if (*sas) {
					onode *l = lit_csl_onode(&e->ar, sas);
					lit_csl_onode_add(m, l);
				} else {
					m->fmt.prefix = m->fmt.suffix = NULL;
				}
			}
			free(prev_names);
			prev_names = cur;
		}
		onode *w = lit_csl_onode(&e->ar, NULL);
		if (r && sfa) {
			r = second_field(e, r);
			if (w && lay) {
				/* the layout suffix goes inside the right-inline block */
				w->fmt.prefix = lay->fmt.prefix;
				if (r->last && lay->fmt.suffix) {
					/* trailing spaces of the layout suffix are dropped inside the block */
					size_t sl = strlen(lay->fmt.suffix);
					while (sl && lay->fmt.suffix[sl - 1] == ' ')
						sl--;
					r->last->fmt.suffix = lit_csl_strndup(&e->ar, lay->fmt.suffix, sl);
				}
				lit_csl_onode_add(w, r);
			}
		} else if (w && r && lay) {
			w->fmt = lay->fmt;
			w->fmt.text_case = 0;
			/* an entry ending in a display block takes the layout suffix
			 * inside that block (as citeproc-js) */
			onode *lastb = NULL;
			for (onode *k = r->child; k; k = k->next)
				if (!lit_csl_onode_empty(k))
					lastb = k;
			if (lastb && !lastb->text && lastb->fmt.display && lay->fmt.suffix && !lastb->fmt.suffix) {
				onode *sx = lit_csl_onode(&e->ar, lay->fmt.suffix);
				if (sx) {
					lit_csl_onode_add(lastb, sx);
					w->fmt.suffix = NULL;
				}
			}
			lit_csl_onode_add(w, r);
		}
		res[i] = r ? lit_csl_to_string(e, w, e->format, it->loc) : strdup("");
		if (res[i] && sfa) {
			size_t l = strlen(res[i]);
			while (l && res[i][l - 1] == ' ')
				res[i][--l] = 0;
		}
		lit_csl_arena_reset(&e->ar);
		if (!res[i]) {
			free(prev_names);
			lit_csl_strings_free(res, n);
			free(rid);
			return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
		}
	}
	free(prev_names);
	*out = res;
	*count = n;
	if (ids)
		*ids = rid;
	else
		free(rid);
	return LIT_OK;
}

int lit_csl_engine_bibliography(lit_csl_engine *e, char **out, size_t *outlen, lit_error *err)
{
	char **ents;
	size_t n;
	*out = NULL;
	int rc = lit_csl_engine_entries(e, &ents, NULL, &n, err);
	if (rc)
		return rc;
	lit_buf b = LIT_BUF_INIT;
	int sfa = e->st->bibliography && lit_csl_attr(e->st->bibliography, "second-field-align");
	if (e->format == LIT_CSL_HTML)
		lit_buf_puts(&b, "<div class=\"csl-bib-body\">\n");
	else if (e->format == LIT_CSL_RTF)
		lit_buf_puts(&b, "{\\rtf1\\ansi\\deff0\n");
	/* a numeric citation style whose list does not print the numbers: number the entries */
	int number = e->format != LIT_CSL_HTML && e->st->cit_layout && e->st->bib_layout &&
	             uses_var(e->st->cit_layout->child, LIT_VAR_CITATION_NUMBER) &&
	             !uses_var(e->st->bib_layout->child, LIT_VAR_CITATION_NUMBER);
	/* in a numeric style an entry with no printed form stays in the list
	 * as an error, numbered after the entries printed before it (as
	 * citeproc-js does), so that the numbers of the others still match */
	int numeric = e->st->cit_layout && uses_var(e->st->cit_layout->child, LIT_VAR_CITATION_NUMBER);
	size_t printed = 0;
	for (size_t i = 0; i < n; i++) {
		if (!*ents[i]) {
			if (!numeric)
				continue;
			char *msg = malloc(80);
			if (!msg)
				continue;
			snprintf(msg, 80, "%zu. [CSL STYLE ERROR: reference with no printed form.]", printed + 1);
			free(ents[i]);
			ents[i] = msg;
		} else if (number) {
			char *num = malloc(strlen(ents[i]) + 24);
			if (num) {
				sprintf(num, "%d. %s", e->items[e->order[i]].citation_number, ents[i]);
				free(ents[i]);
				ents[i] = num;
			}
		}
		printed++;
		switch (e->format) {
		case LIT_CSL_HTML:
			if (sfa || strstr(ents[i], "<div class=\"csl-")) {
				/* spaces closing the last block move out of it, before the
				 * entry's own closing tag (as citeproc-js prints them) */
				size_t l = strlen(ents[i]), sp = 0;
				if (l >= 6 && !strcmp(ents[i] + l - 6, "</div>"))
					while (sp < l - 6 && ents[i][l - 7 - sp] == ' ')
						sp++;
				if (sp)
					memmove(ents[i] + l - 6 - sp, ents[i] + l - 6, 7);
				/* and spaces opening the first block move out before it */
				char *p = ents[i];
				while (*p == '\n' || *p == ' ')
					p++;
				size_t lead = 0;
				if (!strncmp(p, "<div class=\"csl-", 16) && strchr(p, '>')) {
					char *q = strchr(p, '>') + 1;
					while (q[lead] == ' ')
						lead++;
					if (lead) {
						memmove(q, q + lead, strlen(q + lead) + 1);
						lit_buf_printf(&b, "  <div class=\"csl-entry\">%*s", (int)lead, "");
					}
				}
				if (!lead)
					lit_buf_puts(&b, "  <div class=\"csl-entry\">");
				lit_buf_printf(&b, "%s\n  %*s</div>\n", ents[i], (int)sp, "");
			}
			else
				lit_buf_printf(&b, "  <div class=\"csl-entry\">%s</div>\n", ents[i]);
			break;
		case LIT_CSL_RTF:
			lit_buf_printf(&b, "{\\pard %s\\par}\n", ents[i]);
			break;
		case LIT_CSL_MARKDOWN:
			lit_buf_printf(&b, "%s\n\n", ents[i]);
			break;
		default:
			lit_buf_printf(&b, "%s\n", ents[i]);
		}
	}
	if (e->format == LIT_CSL_HTML)
		lit_buf_puts(&b, "</div>");
	else if (e->format == LIT_CSL_RTF)
		lit_buf_puts(&b, "}\n");
	lit_csl_strings_free(ents, n);
	if (lit_buf_status(&b)) {
		lit_buf_free(&b);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	*out = lit_buf_detach(&b, outlen);
	return LIT_OK;
}

int lit_csl_render_bibliography(const lit_records *records, lit_csl_style *style,
                                lit_csl_format format, char **out, size_t *outlen, lit_error *err)
{
	lit_csl_engine *e;
	int rc = lit_csl_engine_new(&e, style, records, format, err);
	if (rc)
		return rc;
	rc = lit_csl_engine_bibliography(e, out, outlen, err);
	lit_csl_engine_free(e);
	return rc;
}
