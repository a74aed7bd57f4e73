/*
 * features.c - what duplicate detection knows about each record, and the
 * comparison of two records.
 *
 * Every record is reduced once to compact features (title and container
 * tokens, author keys, year, volume, edition, pages, identifiers) kept in a
 * few shared arrays, so comparing two records touches no strings of the
 * records themselves and a million records fit in a few hundred megabytes.
 *
 * The comparison first applies the rules that keep records apart (a part
 * and its whole, different volumes, editions, chapters, pages, years more
 * than one apart, different DOIs, different numbers in the titles), then
 * decides at once on a shared DOI, ISBN or URL, and otherwise scores title
 * similarity, authors, year and the container/volume/pages evidence.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dedup/dedup_internal.h"
#include "util/utf8.h"

#define MAX_TITLE_TOKENS 40
#define MAX_CONT_TOKENS 16
#define MAX_AUTHORS 6
#define MAX_ISBNS 4

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t nc;
	void *np;
	if (need <= *cap)
		return 0;
	nc = *cap ? *cap : 1024;
	while (nc < need)
		nc *= 2;
	np = realloc(*p, nc * elem);
	if (!np)
		return -1;
	*p = np;
	*cap = nc;
	return 0;
}

static int grow_tokens(lit_dedup_store *st, size_t need)
{
	size_t cap = st->captoks;
	if (need <= cap)
		return 0;
	if (grow((void **)&st->tok_off, &cap, need, sizeof *st->tok_off))
		return -1;
	cap = st->captoks;
	if (grow((void **)&st->tok_hash, &cap, need, sizeof *st->tok_hash))
		return -1;
	cap = st->captoks;
	if (grow((void **)&st->tok_len, &cap, need, 1))
		return -1;
	cap = st->captoks;
	if (grow((void **)&st->tok_flags, &cap, need, 1))
		return -1;
	st->captoks = cap;
	return 0;
}

static int grow_auths(lit_dedup_store *st, size_t need)
{
	size_t cap = st->capauths;
	if (need <= cap)
		return 0;
	if (grow((void **)&st->auth_off, &cap, need, sizeof *st->auth_off))
		return -1;
	cap = st->capauths;
	if (grow((void **)&st->auth_hash, &cap, need, sizeof *st->auth_hash))
		return -1;
	cap = st->capauths;
	if (grow((void **)&st->auth_len, &cap, need, 1))
		return -1;
	cap = st->capauths;
	if (grow((void **)&st->auth_init, &cap, need, 1))
		return -1;
	st->capauths = cap;
	return 0;
}

/* Texts repeat across records (journal names, surnames): while the store
 * is built, a small direct-mapped cache remembers recent texts, and a text
 * found there again is not stored twice: the record points at the first
 * copy (and its tokens), which holds exactly the same bytes. */
#define INTERN_BITS 16

struct lit_dedup_intern {
	uint32_t hash, off, first;
	uint8_t n, main_n, kind, unused;
};

enum { INTERN_TITLE = 1, INTERN_CONT, INTERN_AUTHOR };

static struct lit_dedup_intern *intern_slot(const lit_dedup_store *st, uint32_t h, int kind)
{
	if (!st->intern)
		return NULL;
	return &st->intern[(h ^ (uint32_t)kind * 0x9E3779B9u) & ((1u << INTERN_BITS) - 1)];
}

/* Append the tokens of `s` (skeleton or plain) to the store; returns the
 * arena offset of the text (0 when there are no tokens). */
static uint32_t add_text(lit_dedup_store *st, const char *s, int plain, uint32_t *first,
                         uint8_t *ntok, uint8_t *main_n, size_t max, uint32_t *hash)
{
	unsigned char flags[MAX_TITLE_TOKENS];
	size_t start = st->arena.len, n, mn = 0, i, pos;
	if (max > MAX_TITLE_TOKENS)
		max = MAX_TITLE_TOKENS;
	if (plain)
		n = mn = lit_dedup_plain(s, &st->arena, flags, MAX_TITLE_TOKENS);
	else
		n = lit_dedup_skeleton(s, &st->arena, &mn, flags, MAX_TITLE_TOKENS);
	if (n == 0 || lit_buf_status(&st->arena)) {
		lit_buf_truncate(&st->arena, start);
		*ntok = 0;
		if (main_n)
			*main_n = 0;
		return 0;
	}
	if (n > max)
		n = max;
	if (mn > n)
		mn = n;
	lit_buf_putc(&st->arena, '\0');
	if (grow_tokens(st, st->ntoks + n))
		return 0;
	*first = (uint32_t)st->ntoks;
	pos = 0;
	for (i = 0; i < n; i++) {
		const char *t = st->arena.ptr + start;
		size_t e = pos;
		while (t[e] && t[e] != ' ')
			e++;
		st->tok_off[st->ntoks] = (uint32_t)pos;
		st->tok_len[st->ntoks] = (uint8_t)(e - pos > 255 ? 255 : e - pos);
		st->tok_flags[st->ntoks] = flags[i];
		st->tok_hash[st->ntoks] = lit_dedup_hash32(t + pos, e - pos);
		st->ntoks++;
		pos = t[e] ? e + 1 : e;
	}
	*ntok = (uint8_t)n;
	if (main_n)
		*main_n = (uint8_t)mn;
	{
		/* whole text and main title (the first mn tokens) */
		const char *t = st->arena.ptr + start;
		size_t tl = strlen(t), cut = tl;
		uint32_t whole = lit_dedup_hash32(t, tl);
		int kind = plain ? INTERN_CONT : INTERN_TITLE;
		struct lit_dedup_intern *e = intern_slot(st, whole, kind);
		if (hash) {
			if (mn < n && mn > 0)
				cut = st->tok_off[*first + mn - 1] + st->tok_len[*first + mn - 1];
			hash[0] = whole | 1;
			hash[1] = lit_dedup_hash32(t, cut) | 1;
		}
		if (e && e->off && e->kind == kind && e->hash == whole && e->n == n && e->main_n == mn &&
		    strcmp(st->arena.ptr + e->off, t) == 0 &&
		    memcmp(st->tok_flags + e->first, st->tok_flags + *first, n) == 0) {
			/* the same text and tokens as an earlier record: share them */
			lit_buf_truncate(&st->arena, start);
			st->ntoks -= n;
			*first = e->first;
			return e->off;
		}
		if (e) {
			e->hash = whole;
			e->off = (uint32_t)start;
			e->first = *first;
			e->n = (uint8_t)n;
			e->main_n = (uint8_t)mn;
			e->kind = (uint8_t)kind;
		}
	}
	return (uint32_t)start;
}

static uint32_t skel_hash(const char *s, int main_only)
{
	lit_buf b = LIT_BUF_INIT;
	size_t mn = 0, n, i, cut;
	uint32_t h = 0;
	n = lit_dedup_skeleton(s, &b, &mn, NULL, 0);
	if (n && !lit_buf_status(&b)) {
		cut = b.len;
		if (main_only && mn < n) {
			size_t k = 0;
			for (i = 0; i < b.len; i++)
				if (b.ptr[i] == ' ' && ++k == mn) {
					cut = i;
					break;
				}
		}
		h = lit_dedup_hash32(b.ptr, cut) | 1;
	}
	lit_buf_free(&b);
	return h;
}

static int32_t to_i32(long v)
{
	return v < 0 ? -1 : v > 2000000000L ? 2000000000 : (int32_t)v;
}

static uint16_t lang_code(const char *s)
{
	char a, b;
	if (!s || !*s)
		return 0;
	if (strncmp(s, "рус", 6) == 0 || strncmp(s, "Рус", 6) == 0)
		return ('r' << 8) | 'u';
	if (strncmp(s, "анг", 6) == 0 || strncmp(s, "Анг", 6) == 0)
		return ('e' << 8) | 'n';
	if (!isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1]))
		return 0;
	a = (char)tolower((unsigned char)s[0]);
	b = (char)tolower((unsigned char)s[1]);
	/* ISO 639-2 and English names that do not start with the 639-1 code */
	if (a == 'g' && b == 'e')
		return ('d' << 8) | 'e'; /* ger, German */
	if (a == 'f' && b == 'r')
		return ('f' << 8) | 'r';
	if (a == 's' && b == 'p')
		return ('e' << 8) | 's'; /* spa, Spanish */
	if (a == 'u' && b == 'k')
		return ('u' << 8) | 'k';
	if (a == 'c' && b == 'h')
		return ('z' << 8) | 'h'; /* chi, Chinese */
	return (uint16_t)((a << 8) | b);
}

/* The class of the first letter of a given name, the same for Cyrillic and
 * every romanisation: vowels and glides (Юрий, Yury, Iurii, "J." and
 * "Jessica"), k/kh/h/x (Х), c/t/ch/ts (Ц, Ч), w/v. */
static uint8_t initial_class(const char *given)
{
	lit_buf g = LIT_BUF_INIT;
	uint8_t c = 0;
	lit_dedup_plain(given, &g, NULL, 0);
	if (g.len && !lit_buf_status(&g)) {
		c = (uint8_t)g.ptr[0];
		if (strchr("aeiouyj", c))
			c = 'a';
		else if (strchr("hxkq", c))
			c = 'k';
		else if (c == 'c')
			c = 't';
		else if (c == 'w')
			c = 'v';
	}
	lit_buf_free(&g);
	return c;
}

static void add_authors(lit_dedup_store *st, const lit_record *r, lit_dedup_feat *f)
{
	static const lit_var roles[] = { LIT_VAR_AUTHOR, LIT_VAR_EDITOR, LIT_VAR_COMPILER,
	                                 LIT_VAR_CONTAINER_AUTHOR, LIT_VAR_DIRECTOR };
	size_t k, i, n = 0;
	lit_var role = LIT_VAR_AUTHOR;
	for (k = 0; k < sizeof roles / sizeof roles[0]; k++)
		if ((n = lit_record_name_count(r, roles[k])) > 0) {
			role = roles[k];
			break;
		}
	f->nauth = 0;
	f->etal = n > 0 && lit_record_names_etal(r, role);
	if (n > MAX_AUTHORS)
		n = MAX_AUTHORS, f->etal = 1;
	if (grow_auths(st, st->nauths + n))
		return;
	f->auth = (uint32_t)st->nauths;
	for (i = 0; i < n; i++) {
		const lit_name *nm = lit_record_name(r, role, i);
		size_t start = st->arena.len;
		lit_dedup_name_key(nm, &st->arena);
		if (st->arena.len == start || lit_buf_status(&st->arena))
			continue;
		size_t klen = st->arena.len - start;
		uint32_t kh = lit_dedup_hash32(st->arena.ptr + start, klen);
		struct lit_dedup_intern *e = intern_slot(st, kh, INTERN_AUTHOR);
		st->auth_len[st->nauths] = (uint8_t)(klen > 255 ? 255 : klen);
		st->auth_hash[st->nauths] = kh;
		if (e && e->off && e->kind == INTERN_AUTHOR && e->hash == kh &&
		    strlen(st->arena.ptr + e->off) == klen &&
		    memcmp(st->arena.ptr + e->off, st->arena.ptr + start, klen) == 0) {
			/* a key seen before (a common surname): share its text */
			lit_buf_truncate(&st->arena, start);
			start = e->off;
		} else {
			lit_buf_putc(&st->arena, '\0');
			if (e) {
				e->hash = kh;
				e->off = (uint32_t)start;
				e->kind = INTERN_AUTHOR;
			}
		}
		st->auth_off[st->nauths] = (uint32_t)start;
		st->auth_init[st->nauths] = 0;
		if (nm->family && nm->given && *nm->given)
			st->auth_init[st->nauths] = initial_class(nm->given);
		if (f->nauth == 0) {
			f->a1_hash = st->auth_hash[st->nauths];
			f->a1_len = st->auth_len[st->nauths];
			f->a1_init = st->auth_init[st->nauths];
			f->a1_mask = lit_dedup_char_mask(st->arena.ptr + start, f->a1_len);
		}
		f->a_bloom |= (uint64_t)1 << (st->auth_hash[st->nauths] % 64);
		st->nauths++;
		f->nauth++;
	}
}

static uint32_t add_string(lit_dedup_store *st, const char *s, size_t len)
{
	uint32_t off = (uint32_t)st->arena.len;
	lit_buf_put(&st->arena, s, len);
	lit_buf_putc(&st->arena, '\0');
	return off;
}

static void record_features(lit_dedup_store *st, const lit_record *r, lit_dedup_feat *f)
{
	const char *s;
	const lit_date *d;
	long a, b;
	lit_buf tmp = LIT_BUF_INIT;

	memset(f, 0, sizeof *f);
	f->volume = f->edition = f->chapter = -1;
	f->type = (uint8_t)lit_record_type(r);

	s = lit_record_get(r, LIT_VAR_TITLE);
	if (!s)
		s = lit_record_get(r, LIT_VAR_TITLE_SHORT);
	if (s) {
		uint32_t h[2] = { 0, 0 };
		f->title = add_text(st, s, 0, &f->tok, &f->ntok, &f->main_n, MAX_TITLE_TOKENS, h);
		f->title_hash = h[0];
		f->main_hash = h[1];
		if (f->title) {
			const unsigned char *t = (const unsigned char *)st->arena.ptr + f->title;
			int k;
			for (k = 0; k < f->ntok; k++)
				if (!(st->tok_flags[f->tok + k] & LIT_SKEL_STOP))
					f->title_bloom |= (uint64_t)1 << (st->tok_hash[f->tok + k] % 64);
			for (k = 0; k < 8; k++) {
				f->title_prefix = (f->title_prefix << 8) | *t;
				if (*t)
					t++;
			}
		}
	}
	s = lit_record_get(r, LIT_VAR_CONTAINER_TITLE);
	if (!s)
		s = lit_record_get(r, LIT_VAR_CONTAINER_TITLE_SHORT);
	if (s) {
		f->ctext = add_text(st, s, 1, &f->cont, &f->ncont, NULL, MAX_CONT_TOKENS, NULL);
		f->cont_hash = skel_hash(s, 0);
	}
	s = lit_record_get(r, LIT_VAR_ORIGINAL_TITLE);
	if (s) {
		f->orig_hash = skel_hash(s, 0);
		f->orig_main_hash = skel_hash(s, 1);
	}
	f->translated = s != NULL || lit_record_name_count(r, LIT_VAR_TRANSLATOR) > 0 ||
	                lit_record_name_count(r, LIT_VAR_ORIGINAL_AUTHOR) > 0;
	add_authors(st, r, f);

	d = lit_record_date(r, LIT_VAR_ISSUED);
	if (d && d->year > 0 && d->year < 30000)
		f->year = (int16_t)d->year;
	else if (d && d->literal) {
		const char *p = d->literal;
		for (; *p; p++)
			if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
			    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
			    !isdigit((unsigned char)p[4])) {
				f->year = (int16_t)atoi(p);
				break;
			}
	}
	if ((s = lit_record_get(r, LIT_VAR_VOLUME)))
		f->volume = to_i32(lit_dedup_first_number(s));
	if ((s = lit_record_get(r, LIT_VAR_EDITION)))
		f->edition = to_i32(lit_dedup_first_number(s));
	if ((s = lit_record_get(r, LIT_VAR_CHAPTER_NUMBER)))
		f->chapter = to_i32(lit_dedup_first_number(s));
	/* pages locate a part in its container; without a container they are
	 * a page count or the page a footnote cites, which says nothing */
	if (f->ctext && (s = lit_record_get(r, LIT_VAR_PAGE)) && lit_dedup_pages(s, &a, &b)) {
		f->page_first = to_i32(a);
		f->page_last = to_i32(b);
	}
	f->lang = lang_code(lit_record_get(r, LIT_VAR_LANGUAGE));

	if ((s = lit_record_get(r, LIT_VAR_DOI)) && lit_dedup_norm_doi(s, &tmp)) {
		f->doi = add_string(st, tmp.ptr, tmp.len);
		f->doi_hash = lit_dedup_hash32(tmp.ptr, tmp.len);
	}
	lit_buf_clear(&tmp);
	if ((s = lit_record_get(r, LIT_VAR_URL)) && lit_dedup_norm_url(s, &tmp)) {
		if (strncmp(tmp.ptr, "doi:", 4) == 0) {
			if (!f->doi) {
				f->doi = add_string(st, tmp.ptr + 4, tmp.len - 4);
				f->doi_hash = lit_dedup_hash32(tmp.ptr + 4, tmp.len - 4);
			}
		} else {
			f->url = add_string(st, tmp.ptr, tmp.len);
		}
	}
	lit_buf_free(&tmp);
	if ((s = lit_record_get(r, LIT_VAR_ISBN))) {
		char found[MAX_ISBNS][14];
		size_t k, n = lit_dedup_norm_isbn(s, found, MAX_ISBNS);
		if (n && !grow((void **)&st->isbns, &st->capisbns, st->nisbns + n, sizeof *st->isbns)) {
			f->isbn = (uint32_t)st->nisbns;
			for (k = 0; k < n; k++)
				memcpy(st->isbns[st->nisbns++], found[k], 14);
			f->nisbn = (uint8_t)n;
		}
	}
}

int lit_dedup_store_build(lit_dedup_store *st, const lit_records *recs)
{
	size_t i, n = lit_records_count(recs);
	memset(st, 0, sizeof *st);
	st->arena.max = (size_t)4 << 30; /* offsets are 32-bit */
	st->f = calloc(n ? n : 1, sizeof *st->f);
	if (!st->f)
		return LIT_ENOMEM;
	st->n = n;
	lit_buf_putc(&st->arena, '\0'); /* offset 0 means "none" */
	st->intern = calloc((size_t)1 << INTERN_BITS, sizeof *st->intern); /* optional */
	for (i = 0; i < n; i++) {
		record_features(st, lit_records_at(recs, i), &st->f[i]);
		if (lit_buf_status(&st->arena) || st->arena.len >= 0xFFFFFF00u) {
			lit_dedup_store_free(st);
			return LIT_ENOMEM;
		}
	}
	free(st->intern);
	st->intern = NULL;
	if (n && (st->ntoks && !st->tok_off)) {
		lit_dedup_store_free(st);
		return LIT_ENOMEM;
	}
	return LIT_OK;
}

void lit_dedup_store_free(lit_dedup_store *st)
{
	free(st->intern);
	free(st->f);
	lit_buf_free(&st->arena);
	free(st->tok_off);
	free(st->tok_len);
	free(st->tok_flags);
	free(st->tok_hash);
	free(st->auth_off);
	free(st->auth_len);
	free(st->auth_init);
	free(st->auth_hash);
	free(st->isbns);
	memset(st, 0, sizeof *st);
}

void lit_dedup_store_tokens(const lit_dedup_store *st, size_t i, int kind, lit_dedup_tokens *out)
{
	const lit_dedup_feat *f = &st->f[i];
	uint32_t text = kind ? f->ctext : f->title, first = kind ? f->cont : f->tok;
	size_t n = kind ? f->ncont : f->ntok;
	if (!text) {
		memset(out, 0, sizeof *out);
		out->text = "";
		return;
	}
	out->text = st->arena.ptr + text;
	out->off = st->tok_off + first;
	out->len = st->tok_len + first;
	out->flags = st->tok_flags + first;
	out->hash = st->tok_hash + first;
	out->n = n;
	out->main_n = kind ? n : f->main_n;
}

/* ------------------------------------------------------------------ */
/* Comparison                                                          */
/* ------------------------------------------------------------------ */

static int is_part_type(int t)
{
	return t == LIT_TYPE_CHAPTER || t == LIT_TYPE_ENTRY || t == LIT_TYPE_ENTRY_DICTIONARY ||
	       t == LIT_TYPE_ENTRY_ENCYCLOPEDIA || t == LIT_TYPE_PAPER_CONFERENCE;
}

static int is_whole_type(int t)
{
	return t == LIT_TYPE_BOOK || t == LIT_TYPE_COLLECTION || t == LIT_TYPE_PERIODICAL;
}

int lit_dedup_apart(const lit_dedup_feat *a, const lit_dedup_feat *b)
{
	if ((is_part_type(a->type) && is_whole_type(b->type)) ||
	    (is_part_type(b->type) && is_whole_type(a->type)))
		return 1;
	/* one's container is the other's title: a part and its whole */
	if (a->cont_hash && !b->cont_hash && (a->cont_hash == b->title_hash || a->cont_hash == b->main_hash))
		return 1;
	if (b->cont_hash && !a->cont_hash && (b->cont_hash == a->title_hash || b->cont_hash == a->main_hash))
		return 1;
	if (a->volume >= 0 && b->volume >= 0 && a->volume != b->volume)
		return 1;
	if (a->edition >= 0 && b->edition >= 0 && a->edition != b->edition)
		return 1;
	if (a->edition > 1 && b->edition < 0 && (a->year == 0 || b->year == 0 || a->year != b->year))
		return 1;
	if (b->edition > 1 && a->edition < 0 && (a->year == 0 || b->year == 0 || a->year != b->year))
		return 1;
	if (a->chapter >= 0 && b->chapter >= 0 && a->chapter != b->chapter)
		return 1;
	if (a->page_first > 0 && b->page_first > 0 &&
	    (a->page_last < b->page_first || b->page_last < a->page_first))
		return 1;
	return 0;
}

static int author_key_eq(const lit_dedup_store *st, size_t x, size_t y)
{
	size_t lx = st->auth_len[x], ly = st->auth_len[y], mn, lim;
	const char *sx = st->arena.ptr + st->auth_off[x], *sy = st->arena.ptr + st->auth_off[y];
	if (st->auth_hash[x] == st->auth_hash[y] && lx == ly && memcmp(sx, sy, lx) == 0)
		return 1;
	mn = lx < ly ? lx : ly;
	if (mn < 5)
		return 0;
	lim = mn >= 9 ? 2 : 1;
	return lit_dedup_within(sx, lx, sy, ly, lim);
}

/* 1 first authors agree, 2 authors agree in another order, 0 disagree,
 * -1 unknown (one side has no authors). */
static int authors_agree(const lit_dedup_store *st, const lit_dedup_feat *a, const lit_dedup_feat *b)
{
	size_t i, j, na = a->nauth, nb = b->nauth, hits = 0, mn, need;
	if (na == 0 || nb == 0)
		return -1;
	if (a->a1_hash == b->a1_hash && a->a1_len == b->a1_len) {
		/* same surname, other first name: another person */
		if (a->a1_init && b->a1_init && a->a1_init != b->a1_init)
			return 0;
		return 1;
	}
	/* a typo in the first author's surname */
	{
		size_t lx = a->a1_len, ly = b->a1_len, m1 = lx < ly ? lx : ly;
		size_t lim = m1 >= 9 ? 2 : 1;
		if (m1 >= 5 && (lx > ly ? lx - ly : ly - lx) <= lim &&
		    (size_t)lit_dedup_popcount(a->a1_mask ^ b->a1_mask) <= 2 * lim &&
		    author_key_eq(st, a->auth, b->auth)) {
			if (a->a1_init && b->a1_init && a->a1_init != b->a1_init)
				return 0;
			return 1;
		}
	}
	/* reordered: most of the shorter list appears in the longer (exact
	 * keys only: a typo and a new order at once are too rare to pay for) */
	mn = na < nb ? na : nb;
	if (mn < 2)
		return 0;
	need = (mn + 2) / 2;
	if ((size_t)lit_dedup_popcount(a->a_bloom & b->a_bloom) < need)
		return 0;
	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (st->auth_hash[a->auth + i] == st->auth_hash[b->auth + j] &&
			    st->auth_len[a->auth + i] == st->auth_len[b->auth + j]) {
				hits++;
				break;
			}
	if (hits >= need)
		return 2;
	/* a single author who is not the other list's first author: another
	 * work ("Gerasimov" alone vs "Rodionov, Khrushchev, Gerasimov") */
	return 0;
}

/* Both titles have numbers ("Part 2", "1999", "IV") and they differ. */
static int numbers_differ(const lit_dedup_tokens *a, const lit_dedup_tokens *b)
{
	size_t i, j, na = 0, nb = 0;
	for (i = 0; i < a->n; i++)
		na += (a->flags[i] & LIT_SKEL_NUMBER) != 0;
	for (j = 0; j < b->n; j++)
		nb += (b->flags[j] & LIT_SKEL_NUMBER) != 0;
	if (!na || !nb)
		return 0;
	for (i = 0; i < a->n; i++) {
		int found = 0;
		if (!(a->flags[i] & LIT_SKEL_NUMBER))
			continue;
		for (j = 0; j < b->n && !found; j++)
			found = (b->flags[j] & LIT_SKEL_NUMBER) && a->hash[i] == b->hash[j];
		if (!found)
			return 1;
	}
	for (j = 0; j < b->n; j++) {
		int found = 0;
		if (!(b->flags[j] & LIT_SKEL_NUMBER))
			continue;
		for (i = 0; i < a->n && !found; i++)
			found = (a->flags[i] & LIT_SKEL_NUMBER) && a->hash[i] == b->hash[j];
		if (!found)
			return 1;
	}
	return 0;
}

static double title_weight(const lit_dedup_tokens *t)
{
	size_t i;
	double w = 0;
	for (i = 0; i < t->n; i++)
		w += (t->flags[i] & LIT_SKEL_STOP) ? 0.25 : t->len[i] <= 2 ? 0.5 : 1.0;
	return w;
}

void lit_dedup_compare(const lit_dedup_store *st, size_t i, size_t j, double threshold,
                       lit_dedup_verdict *v)
{
	const lit_dedup_feat *a = &st->f[i], *b = &st->f[j];
	lit_dedup_tokens ta, tb;
	int auth, ident = LIT_DEDUP_WHY_NONE, ydiff;
	double title = -1, score, extra = 0, extra_n = 0;

	memset(v, 0, sizeof *v);
	if (lit_dedup_apart(a, b))
		return;
	/* different DOIs: different items */
	if (a->doi && b->doi && (a->doi_hash != b->doi_hash ||
	                         strcmp(st->arena.ptr + a->doi, st->arena.ptr + b->doi) != 0))
		return;
	ydiff = a->year && b->year ? abs(a->year - b->year) : 0;
	auth = authors_agree(st, a, b);
	lit_dedup_store_tokens(st, i, 0, &ta);
	lit_dedup_store_tokens(st, j, 0, &tb);

	/* A translation: the original title of one is the title of the other. */
	if ((a->orig_hash && (a->orig_hash == b->title_hash || a->orig_main_hash == b->main_hash) &&
	     a->orig_hash != b->orig_hash) ||
	    (b->orig_hash && (b->orig_hash == a->title_hash || b->orig_main_hash == a->main_hash) &&
	     a->orig_hash != b->orig_hash)) {
		if (auth != 0) {
			v->kind = 2;
			v->why = LIT_DEDUP_WHY_ORIGINAL_TITLE;
			v->score = 1;
		}
		return;
	}

	/* Identifiers decide at once.  The title is computed only when needed:
	 * most pairs that share a block fail on authors or years. */
	if (a->doi && b->doi)
		ident = LIT_DEDUP_WHY_DOI;
	if (!ident && a->nisbn && b->nisbn && ydiff <= 1) {
		size_t x, y;
		for (x = 0; x < a->nisbn && !ident; x++)
			for (y = 0; y < b->nisbn; y++)
				if (memcmp(st->isbns[a->isbn + x], st->isbns[b->isbn + y], 13) == 0) {
					ident = LIT_DEDUP_WHY_ISBN;
					break;
				}
		/* chapters of one book share its ISBN */
		if (ident && ta.n && tb.n) {
			title = lit_dedup_title_sim(&ta, &tb);
			if (title < 0.6)
				ident = LIT_DEDUP_WHY_NONE;
		}
	}
	if (!ident && a->url && b->url && ydiff <= 1 &&
	    strcmp(st->arena.ptr + a->url, st->arena.ptr + b->url) == 0) {
		ident = LIT_DEDUP_WHY_URL;
		if (ta.n && tb.n) {
			title = lit_dedup_title_sim(&ta, &tb);
			if (title < 0.6)
				ident = LIT_DEDUP_WHY_NONE;
		}
	}
	if (ident) {
		v->why = ident;
		v->score = 1;
		v->title = (float)(title < 0 ? 0 : title);
		v->kind = a->lang && b->lang && a->lang != b->lang ? 2 : 1;
		if (v->kind == 2)
			v->why = LIT_DEDUP_WHY_LANGUAGE;
		return;
	}
	if (!ta.n || !tb.n || ydiff > 1 || auth == 0 || (a->nisbn && b->nisbn))
		return;
	/* too few words in common for any similarity that counts (typos leave
	 * most words intact; split words keep the others) */
	{
		int ca = lit_dedup_popcount(a->title_bloom), cb = lit_dedup_popcount(b->title_bloom);
		int common = lit_dedup_popcount(a->title_bloom & b->title_bloom);
		int mn = ca < cb ? ca : cb;
		if (mn > 0 && (common == 0 || common * 3 < mn))
			return;
	}
	title = lit_dedup_title_sim(&ta, &tb);

	/* Scored comparison (both having ISBNs that differ means other
	 * editions or volumes: refused above). */
	if (title < 0.7 || numbers_differ(&ta, &tb))
		return;
	/* one-word titles ("Poems") need the rest to agree exactly */
	if ((title_weight(&ta) < 2 || title_weight(&tb) < 2) &&
	    (title < 0.999 || auth < 0 || !a->year || !b->year || ydiff != 0))
		return;
	v->title = (float)title;
	score = 0.5 * title;
	if (auth > 0) {
		score += auth == 1 ? 0.25 : 0.22;
		v->agree |= LIT_DEDUP_AGREE_AUTHOR | (auth == 2 ? LIT_DEDUP_AGREE_REORDERED : 0);
	} else {
		score += 0.12;
	}
	if (a->year && b->year) {
		score += ydiff == 0 ? 0.1 : 0.06;
		if (ydiff == 0)
			v->agree |= LIT_DEDUP_AGREE_YEAR;
	} else {
		score += 0.05;
	}
	if (a->ncont && b->ncont) {
		lit_dedup_tokens ca, cb;
		double c;
		lit_dedup_store_tokens(st, i, 1, &ca);
		lit_dedup_store_tokens(st, j, 1, &cb);
		c = a->cont_hash == b->cont_hash ? 1.0 : lit_dedup_container_sim(&ca, &cb);
		extra += c >= 0.8 ? 1 : c < 0.3 ? 0 : 0.5;
		extra_n++;
		if (c >= 0.8)
			v->agree |= LIT_DEDUP_AGREE_CONTAINER;
	}
	if (a->volume >= 0 && b->volume >= 0) {
		extra += 1;
		extra_n++;
		v->agree |= LIT_DEDUP_AGREE_VOLUME;
	}
	if (a->page_first > 0 && b->page_first > 0) {
		extra += a->page_first == b->page_first ? 1 : 0.5;
		extra_n++;
		if (a->page_first == b->page_first)
			v->agree |= LIT_DEDUP_AGREE_PAGES;
	}
	score += 0.15 * (extra_n > 0 ? (extra + 0.5) / (extra_n + 1) : 0.5);
	v->score = (float)score;
	if (score + 1e-9 < threshold)
		return;
	v->why = LIT_DEDUP_WHY_SCORE;
	v->kind = 1;
	if (a->lang && b->lang && a->lang != b->lang) {
		v->kind = 2;
		v->why = LIT_DEDUP_WHY_LANGUAGE;
	}
}
