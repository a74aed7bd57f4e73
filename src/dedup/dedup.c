/*
 * dedup.c - lit_dedup(): blocking, pairwise comparison, clustering and the
 * report.
 *
 * Cost grows close to linearly with the number of records: each record
 * gets a handful of blocking keys (normalised DOI, each ISBN, normalised
 * URL, pairs of significant title tokens from the skeleton, the original
 * title's first tokens, first-author key + year and year + 1, first-author
 * key + first title token).  The keys are sorted, and only records sharing
 * a key are compared: all pairs in a block of up to max_block records, a
 * sliding window over the block sorted by title in larger ones.
 *
 * Matches are joined with union-find.  Each cluster keeps a summary of its
 * volume, edition, chapter, pages, years and DOI, and two clusters are not
 * joined when their summaries conflict, so a chain of pairwise matches can
 * never put volume 1 and volume 2 of a book in one cluster.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera/dedup.h"
#include "dedup/dedup_internal.h"
#include "util/json.h"

#define NONE_IDX UINT32_MAX
#define WINDOW 4

/* A key entry is one 64-bit word: the high bits of the key's hash above
 * the record index (recbits wide), so a million records' keys take 8
 * bytes each and sorting the words groups blocks with records in order. */
typedef uint64_t key_ent;

typedef struct keyset {
	key_ent *k;
	size_t n, cap;
	unsigned recbits;
	int failed;
} keyset;

#define KEY_REC(ks, e) ((uint32_t)((e) & (((uint64_t)1 << (ks)->recbits) - 1)))
#define KEY_HASH(ks, e) ((e) >> (ks)->recbits)

static void add_key(keyset *ks, uint64_t h, uint32_t rec)
{
	if (ks->failed)
		return;
	if (ks->n == ks->cap) {
		size_t nc = ks->cap ? ks->cap * 2 : 4096;
		key_ent *nk = realloc(ks->k, nc * sizeof *nk);
		if (!nk) {
			ks->failed = 1;
			return;
		}
		ks->k = nk;
		ks->cap = nc;
	}
	ks->k[ks->n++] = (h << ks->recbits) | rec;
}

static uint64_t key_hash(char kind, const char *a, size_t alen, const char *b, size_t blen)
{
	uint64_t h = lit_dedup_hash64(LIT_DEDUP_HASH64_INIT, &kind, 1);
	h = lit_dedup_hash64(h, a, alen);
	if (b) {
		h = lit_dedup_hash64(h, "\x1f", 1);
		h = lit_dedup_hash64(h, b, blen);
	}
	return h;
}

/* Significant tokens: not function words, longer than one letter. */
static size_t significant(const lit_dedup_tokens *t, size_t *idx, size_t max)
{
	size_t i, n = 0;
	for (i = 0; i < t->n && n < max; i++)
		if (!(t->flags[i] & LIT_SKEL_STOP) && (t->len[i] >= 2 || (t->flags[i] & LIT_SKEL_NUMBER)))
			idx[n++] = i;
	return n;
}

static void title_keys(keyset *ks, const lit_dedup_tokens *t, uint32_t rec)
{
	size_t s[8], n = significant(t, s, 8);
	static const int pairs[4][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 0, 2 } };
	size_t p;
#define TOK(i) t->text + t->off[s[i]], t->len[s[i]]
	if (n == 1)
		add_key(ks, key_hash('T', TOK(0), NULL, 0), rec);
	for (p = 0; p < 4; p++)
		if ((size_t)pairs[p][1] < n)
			add_key(ks, key_hash('T', TOK(pairs[p][0]), TOK(pairs[p][1])), rec);
#undef TOK
}

/* Keys of one kind family: pass 0 identifiers, 1 titles (with original
 * titles, so a translation meets its original), 2 authors.  One family at a
 * time keeps the key array small. */
static int make_keys(const lit_dedup_store *st, const lit_records *recs, keyset *ks, int pass)
{
	size_t i;
	for (i = 0; i < st->n && !ks->failed; i++) {
		const lit_dedup_feat *f = &st->f[i];
		lit_dedup_tokens t;
		uint32_t r = (uint32_t)i;
		size_t k;
		lit_dedup_store_tokens(st, i, 0, &t);
		if (pass == 1)
			goto titles;
		if (pass == 2)
			goto authors;
		if (f->doi) {
			const char *d = st->arena.ptr + f->doi;
			add_key(ks, key_hash('D', d, strlen(d), NULL, 0), r);
		}
		for (k = 0; k < f->nisbn; k++)
			add_key(ks, key_hash('I', st->isbns[f->isbn + k], 13, NULL, 0), r);
		if (f->url) {
			const char *u = st->arena.ptr + f->url;
			add_key(ks, key_hash('U', u, strlen(u), NULL, 0), r);
		}
		continue;
titles:
		title_keys(ks, &t, r);
		if (f->orig_hash) {
			/* so that a translation meets its original */
			const char *o = lit_record_get(lit_records_at(recs, i), LIT_VAR_ORIGINAL_TITLE);
			lit_buf b = LIT_BUF_INIT;
			uint32_t off[16], hash[16];
			uint8_t len[16], fl[16];
			size_t mn, n = lit_dedup_skeleton(o, &b, &mn, fl, 16), pos = 0, j;
			if (n > 16)
				n = 16;
			for (j = 0; j < n && !lit_buf_status(&b); j++) {
				size_t e = pos;
				while (e < b.len && b.ptr[e] != ' ')
					e++;
				off[j] = (uint32_t)pos;
				len[j] = (uint8_t)(e - pos > 255 ? 255 : e - pos);
				hash[j] = 0;
				pos = e + 1;
			}
			if (!lit_buf_status(&b)) {
				lit_dedup_tokens ot = { b.ptr, off, len, fl, hash, n, n };
				title_keys(ks, &ot, r);
			}
			lit_buf_free(&b);
		}
		continue;
authors:
		if (f->nauth) {
			const char *a = st->arena.ptr + st->auth_off[f->auth];
			size_t al = st->auth_len[f->auth];
			if (f->year) {
				/* surname, initial and year (and year + 1 for online
				 * first): "Smith 2019" alone makes large blocks */
				char y[2][12];
				int ini = st->auth_init[f->auth] ? st->auth_init[f->auth] : '-';
				snprintf(y[0], sizeof y[0], "%c%d", ini, f->year);
				snprintf(y[1], sizeof y[1], "%c%d", ini, f->year + 1);
				add_key(ks, key_hash('A', a, al, y[0], strlen(y[0])), r);
				add_key(ks, key_hash('A', a, al, y[1], strlen(y[1])), r);
			}
			{
				size_t s[1];
				if (significant(&t, s, 1))
					add_key(ks, key_hash('B', a, al, t.text + t.off[s[0]], t.len[s[0]]), r);
			}
		}
	}
	return ks->failed ? LIT_ENOMEM : LIT_OK;
}

static int cmp_key(const void *x, const void *y)
{
	const key_ent *a = x, *b = y;
	return *a < *b ? -1 : *a > *b;
}

/* In-place MSD radix sort (American flag sort) of the key words, 8 bits
 * a level from the top: no scratch array as large as the keys. */
static void flag_sort(key_ent *k, size_t n, unsigned shift)
{
	size_t cnt[256], next[256], end[256], i, sum = 0;
	unsigned b;
	if (n < 32) {
		for (i = 1; i < n; i++) {
			key_ent v = k[i];
			size_t j = i;
			while (j > 0 && k[j - 1] > v) {
				k[j] = k[j - 1];
				j--;
			}
			k[j] = v;
		}
		return;
	}
	memset(cnt, 0, sizeof cnt);
	for (i = 0; i < n; i++)
		cnt[(k[i] >> shift) & 0xFF]++;
	for (b = 0; b < 256; b++) {
		next[b] = sum;
		sum += cnt[b];
		end[b] = sum;
	}
	for (b = 0; b < 256; b++) {
		while (next[b] < end[b]) {
			key_ent v = k[next[b]];
			unsigned d = (unsigned)((v >> shift) & 0xFF);
			while (d != b) {
				key_ent t = k[next[d]];
				k[next[d]++] = v;
				v = t;
				d = (unsigned)((v >> shift) & 0xFF);
			}
			k[next[b]++] = v;
		}
	}
	if (shift == 0)
		return;
	for (b = 0, sum = 0; b < 256; b++) {
		if (cnt[b] > 1)
			flag_sort(k + sum, cnt[b], shift - 8);
		sum += cnt[b];
	}
}

static void sort_keys(key_ent *k, size_t n)
{
	if (n < 4096) {
		if (n > 1)
			qsort(k, n, sizeof *k, cmp_key);
		return;
	}
	flag_sort(k, n, 56);
}

/* ------------------------------------------------------------------ */
/* Union-find with cluster summaries                                    */
/* ------------------------------------------------------------------ */

typedef struct summary {
	int32_t volume, edition, chapter, page_first, page_last;
	uint32_t doi;
	int16_t ymin, ymax;
	uint8_t part, whole;
} summary;

typedef struct tentative {
	uint32_t x, y;       /* x lacks the volume or edition y has */
	lit_dedup_verdict v;
} tentative;

typedef struct engine {
	const lit_records *recs;
	lit_dedup_store st;
	double threshold;
	size_t max_block;
	uint32_t *parent;
	uint32_t *size;
	summary *sum;
	/* the edge that brought each record in (for the report) */
	uint32_t *edge_other;
	uint8_t *edge_why, *edge_agree;
	float *edge_score, *edge_title;
	/* matches of a record without volume/edition to one with them, decided
	 * at the end: kept only when they do not point at several volumes */
	struct tentative *tent;
	size_t ntent, captent;
	/* related pairs */
	uint32_t *rel;       /* pairs: rel[2k], rel[2k+1] */
	uint8_t *rel_why;
	size_t nrel, caprel;
	int failed;
} engine;

static uint32_t find(engine *e, uint32_t x)
{
	while (e->parent[x] != x) {
		e->parent[x] = e->parent[e->parent[x]];
		x = e->parent[x];
	}
	return x;
}

/* `same_doi`: the pair shares a DOI, which outweighs years (online first,
 * print, reprint). */
static int summaries_conflict(const engine *e, const summary *a, const summary *b, int same_doi)
{
	if (a->volume >= 0 && b->volume >= 0 && a->volume != b->volume)
		return 1;
	if (a->edition >= 0 && b->edition >= 0 && a->edition != b->edition)
		return 1;
	if (a->chapter >= 0 && b->chapter >= 0 && a->chapter != b->chapter)
		return 1;
	if (a->page_first > 0 && b->page_first > 0 &&
	    (a->page_last < b->page_first || b->page_last < a->page_first))
		return 1;
	if (a->doi && b->doi && strcmp(e->st.arena.ptr + a->doi, e->st.arena.ptr + b->doi) != 0)
		return 1;
	if (a->ymin && b->ymin && !same_doi) {
		int lo = a->ymin < b->ymin ? a->ymin : b->ymin;
		int hi = a->ymax > b->ymax ? a->ymax : b->ymax;
		if (hi - lo > 1)
			return 1;
	}
	if ((a->part && b->whole) || (a->whole && b->part))
		return 1;
	return 0;
}

static void summary_join(summary *a, const summary *b)
{
	if (a->volume < 0) a->volume = b->volume;
	if (a->edition < 0) a->edition = b->edition;
	if (a->chapter < 0) a->chapter = b->chapter;
	if (a->page_first <= 0) {
		a->page_first = b->page_first;
		a->page_last = b->page_last;
	}
	if (!a->doi) a->doi = b->doi;
	if (!a->ymin) {
		a->ymin = b->ymin;
		a->ymax = b->ymax;
	} else if (b->ymin) {
		if (b->ymin < a->ymin) a->ymin = b->ymin;
		if (b->ymax > a->ymax) a->ymax = b->ymax;
	}
	a->part |= b->part;
	a->whole |= b->whole;
}

static void set_edge(engine *e, uint32_t x, uint32_t other, const lit_dedup_verdict *v)
{
	e->edge_other[x] = other;
	e->edge_why[x] = (uint8_t)v->why;
	e->edge_agree[x] = (uint8_t)v->agree;
	e->edge_score[x] = v->score;
	e->edge_title[x] = v->title;
}

static void unite(engine *e, uint32_t a, uint32_t b, const lit_dedup_verdict *v)
{
	uint32_t ra = find(e, a), rb = find(e, b);
	if (ra == rb)
		return;
	if (summaries_conflict(e, &e->sum[ra], &e->sum[rb], v->why == LIT_DEDUP_WHY_DOI))
		return;
	if (e->size[ra] < e->size[rb]) {
		uint32_t t = ra;
		ra = rb;
		rb = t;
	}
	e->parent[rb] = ra;
	e->size[ra] += e->size[rb];
	summary_join(&e->sum[ra], &e->sum[rb]);
	/* the later record joined the earlier one */
	if (a < b) {
		if (e->edge_other[b] == NONE_IDX)
			set_edge(e, b, a, v);
		else if (e->edge_other[a] == NONE_IDX)
			set_edge(e, a, b, v);
	} else {
		if (e->edge_other[a] == NONE_IDX)
			set_edge(e, a, b, v);
		else if (e->edge_other[b] == NONE_IDX)
			set_edge(e, b, a, v);
	}
}

static void add_related(engine *e, uint32_t a, uint32_t b, int why)
{
	if (e->nrel == e->caprel) {
		size_t nc = e->caprel ? e->caprel * 2 : 64;
		uint32_t *nr = realloc(e->rel, nc * 2 * sizeof *nr);
		uint8_t *nw;
		if (!nr) {
			e->failed = 1;
			return;
		}
		e->rel = nr;
		nw = realloc(e->rel_why, nc);
		if (!nw) {
			e->failed = 1;
			return;
		}
		e->rel_why = nw;
		e->caprel = nc;
	}
	e->rel[2 * e->nrel] = a < b ? a : b;
	e->rel[2 * e->nrel + 1] = a < b ? b : a;
	e->rel_why[e->nrel] = (uint8_t)why;
	e->nrel++;
}

static void add_tentative(engine *e, uint32_t x, uint32_t y, const lit_dedup_verdict *v)
{
	if (e->ntent == e->captent) {
		size_t nc = e->captent ? e->captent * 2 : 256;
		tentative *nt = realloc(e->tent, nc * sizeof *nt);
		if (!nt) {
			e->failed = 1;
			return;
		}
		e->tent = nt;
		e->captent = nc;
	}
	e->tent[e->ntent].x = x;
	e->tent[e->ntent].y = y;
	e->tent[e->ntent].v = *v;
	e->ntent++;
}

/* Does x lack a volume or edition that y has? */
static int lacks(const lit_dedup_feat *x, const lit_dedup_feat *y)
{
	return (x->volume < 0 && y->volume >= 0) || (x->edition < 0 && y->edition >= 0);
}


static void compare_pair(engine *e, uint32_t a, uint32_t b)
{
	lit_dedup_verdict v;
	if (a == b || find(e, a) == find(e, b))
		return;
	lit_dedup_compare(&e->st, a, b, e->threshold, &v);
	if (v.kind == 1) {
		if (v.why == LIT_DEDUP_WHY_DOI)
			unite(e, a, b, &v);
		else if (lacks(&e->st.f[a], &e->st.f[b]))
			add_tentative(e, a, b, &v);
		else if (lacks(&e->st.f[b], &e->st.f[a]))
			add_tentative(e, b, a, &v);
		else
			unite(e, a, b, &v);
	} else if (v.kind == 2) {
		add_related(e, a, b, v.why);
	}
}

static int cmp_tent(const void *p, const void *q)
{
	const tentative *a = p, *b = q;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	return a->y < b->y ? -1 : a->y > b->y;
}

/* A record without a volume that matches volume 1 and volume 2 of a work
 * could be either: it joins neither. */
static void resolve_tentative(engine *e)
{
	size_t s = 0, i;
	if (e->ntent > 1)
		qsort(e->tent, e->ntent, sizeof *e->tent, cmp_tent);
	while (s < e->ntent) {
		size_t t = s + 1;
		uint32_t x = e->tent[s].x, rx;
		int ambiguous = 0;
		int32_t vol = -2, ed = -2;
		while (t < e->ntent && e->tent[t].x == x)
			t++;
		rx = find(e, x);
		if (e->sum[rx].volume < 0 && e->sum[rx].edition < 0) {
			for (i = s; i < t && !ambiguous; i++) {
				const summary *sy = &e->sum[find(e, e->tent[i].y)];
				if (vol == -2) {
					vol = sy->volume;
					ed = sy->edition;
				} else if (sy->volume != vol || sy->edition != ed) {
					ambiguous = 1;
				}
			}
		}
		if (!ambiguous)
			for (i = s; i < t; i++)
				unite(e, e->tent[i].x, e->tent[i].y, &e->tent[i].v);
		s = t;
	}
}

typedef struct win_ent {
	uint64_t prefix;     /* first 8 bytes of the title, compared first */
	const char *title;
	uint32_t rec;
} win_ent;

static int cmp_win(const void *x, const void *y)
{
	const win_ent *a = x, *b = y;
	int c;
	if (a->prefix != b->prefix)
		return a->prefix < b->prefix ? -1 : 1;
	c = strcmp(a->title, b->title);
	if (c)
		return c;
	return a->rec < b->rec ? -1 : a->rec > b->rec;
}

static int process_blocks(engine *e, keyset *ks)
{
	size_t s = 0, i, j;
	win_ent *win = NULL;
	size_t wincap = 0;
	sort_keys(ks->k, ks->n);
	while (s < ks->n) {
		size_t t = s + 1, m;
		while (t < ks->n && KEY_HASH(ks, ks->k[t]) == KEY_HASH(ks, ks->k[s]))
			t++;
		m = t - s;
		if (m > 1 && m <= e->max_block) {
			for (i = s; i < t; i++)
				for (j = i + 1; j < t; j++)
					compare_pair(e, KEY_REC(ks, ks->k[i]), KEY_REC(ks, ks->k[j]));
		} else if (m > e->max_block) {
			if (m > wincap) {
				win_ent *nw = realloc(win, m * sizeof *nw);
				if (!nw) {
					free(win);
					return LIT_ENOMEM;
				}
				win = nw;
				wincap = m;
			}
			for (i = 0; i < m; i++) {
				uint32_t r = KEY_REC(ks, ks->k[s + i]);
				uint32_t off = e->st.f[r].title;
				win[i].title = e->st.arena.ptr + off;
				win[i].prefix = e->st.f[r].title_prefix;
				win[i].rec = r;
			}
			qsort(win, m, sizeof *win, cmp_win);
			for (i = 0; i < m; i++)
				for (j = i + 1; j < m && j <= i + WINDOW; j++)
					compare_pair(e, win[i].rec, win[j].rec);
		}
		s = t;
		if (e->failed)
			break;
	}
	free(win);
	return e->failed ? LIT_ENOMEM : LIT_OK;
}

/* ------------------------------------------------------------------ */
/* Report                                                              */
/* ------------------------------------------------------------------ */

struct lit_dedup_report {
	size_t input, output;
	size_t nclusters;
	size_t *cstart;   /* nclusters + 1 */
	size_t *midx;     /* member input positions */
	char **mid;       /* member ids */
	char **mreason;
	size_t nrel;
	size_t *rel;      /* 2 per link */
	char **rel_reason;
};

void lit_dedup_report_free(lit_dedup_report *r)
{
	size_t i;
	if (!r)
		return;
	if (r->cstart) {
		size_t nm = r->cstart[r->nclusters];
		for (i = 0; i < nm; i++) {
			if (r->mid)
				free(r->mid[i]);
			if (r->mreason)
				free(r->mreason[i]);
		}
	}
	for (i = 0; i < r->nrel; i++)
		if (r->rel_reason)
			free(r->rel_reason[i]);
	free(r->cstart);
	free(r->midx);
	free(r->mid);
	free(r->mreason);
	free(r->rel);
	free(r->rel_reason);
	free(r);
}

size_t lit_dedup_report_input_count(const lit_dedup_report *r) { return r ? r->input : 0; }
size_t lit_dedup_report_output_count(const lit_dedup_report *r) { return r ? r->output : 0; }
size_t lit_dedup_report_cluster_count(const lit_dedup_report *r) { return r ? r->nclusters : 0; }

size_t lit_dedup_report_cluster_size(const lit_dedup_report *r, size_t c)
{
	if (!r || c >= r->nclusters)
		return 0;
	return r->cstart[c + 1] - r->cstart[c];
}

const char *lit_dedup_report_member(const lit_dedup_report *r, size_t c, size_t i,
                                    size_t *index, const char **reason)
{
	size_t k;
	if (!r || c >= r->nclusters || i >= r->cstart[c + 1] - r->cstart[c])
		return NULL;
	k = r->cstart[c] + i;
	if (index)
		*index = r->midx[k];
	if (reason)
		*reason = r->mreason[k];
	return r->mid[k];
}

size_t lit_dedup_report_related_count(const lit_dedup_report *r) { return r ? r->nrel : 0; }

int lit_dedup_report_related(const lit_dedup_report *r, size_t i, size_t *a, size_t *b,
                             const char **reason)
{
	if (!r || i >= r->nrel)
		return LIT_EINVAL;
	if (a)
		*a = r->rel[2 * i];
	if (b)
		*b = r->rel[2 * i + 1];
	if (reason)
		*reason = r->rel_reason[i];
	return LIT_OK;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

static const char *rec_id(const lit_records *recs, size_t i, char *buf, size_t cap)
{
	const char *id = lit_record_id(lit_records_at(recs, i));
	if (id && *id)
		return id;
	snprintf(buf, cap, "#%zu", i + 1);
	return buf;
}

static char *edge_reason(const engine *e, uint32_t x)
{
	lit_buf b = LIT_BUF_INIT;
	char ib[32];
	uint32_t o = e->edge_other[x];
	const lit_dedup_feat *f = &e->st.f[x];
	if (o == NONE_IDX) {
		lit_buf_puts(&b, "joined through other members of the cluster");
		return lit_buf_detach(&b, NULL);
	}
	switch (e->edge_why[x]) {
	case LIT_DEDUP_WHY_DOI:
		lit_buf_printf(&b, "same DOI %s as %s", f->doi ? e->st.arena.ptr + f->doi : "",
		               rec_id(e->recs, o, ib, sizeof ib));
		break;
	case LIT_DEDUP_WHY_ISBN:
		lit_buf_printf(&b, "same ISBN as %s", rec_id(e->recs, o, ib, sizeof ib));
		break;
	case LIT_DEDUP_WHY_URL:
		lit_buf_printf(&b, "same URL %s as %s", f->url ? e->st.arena.ptr + f->url : "",
		               rec_id(e->recs, o, ib, sizeof ib));
		break;
	default: {
		unsigned ag = e->edge_agree[x];
		lit_buf_printf(&b, "score %.2f with %s: title %.2f", e->edge_score[x],
		               rec_id(e->recs, o, ib, sizeof ib), e->edge_title[x]);
		if (ag & LIT_DEDUP_AGREE_AUTHOR)
			lit_buf_puts(&b, (ag & LIT_DEDUP_AGREE_REORDERED) ? ", authors (reordered)" : ", author");
		if (ag & LIT_DEDUP_AGREE_YEAR)
			lit_buf_puts(&b, ", year");
		if (ag & LIT_DEDUP_AGREE_CONTAINER)
			lit_buf_puts(&b, ", container");
		if (ag & LIT_DEDUP_AGREE_VOLUME)
			lit_buf_puts(&b, ", volume");
		if (ag & LIT_DEDUP_AGREE_PAGES)
			lit_buf_puts(&b, ", pages");
		break;
	}
	}
	return lit_buf_status(&b) ? (lit_buf_free(&b), (char *)NULL) : lit_buf_detach(&b, NULL);
}

static int cmp_u32pair(const void *x, const void *y)
{
	const uint32_t *a = x, *b = y;
	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return a[1] < b[1] ? -1 : a[1] > b[1];
}

/* Build the report from the union-find state.  `order` receives, for
 * each cluster, its members in input order (cstart/midx arrays). */
static int build_report(engine *e, lit_dedup_report **out)
{
	size_t n = e->st.n, i, c, nm = 0;
	uint32_t *cid = NULL;
	size_t *count = NULL;
	lit_dedup_report *r = calloc(1, sizeof *r);
	if (!r)
		return LIT_ENOMEM;
	r->input = n;
	cid = malloc((n ? n : 1) * sizeof *cid);
	if (!cid)
		goto oom;
	/* cluster number by first member, in input order */
	for (i = 0; i < n; i++)
		cid[i] = NONE_IDX;
	for (i = 0; i < n; i++) {
		uint32_t root = find(e, (uint32_t)i);
		if (e->size[root] < 2)
			continue;
		if (cid[root] == NONE_IDX)
			cid[root] = (uint32_t)r->nclusters++;
		nm++;
	}
	r->output = n - nm + r->nclusters;
	r->cstart = calloc(r->nclusters + 1, sizeof *r->cstart);
	r->midx = malloc((nm ? nm : 1) * sizeof *r->midx);
	r->mid = calloc(nm ? nm : 1, sizeof *r->mid);
	r->mreason = calloc(nm ? nm : 1, sizeof *r->mreason);
	count = calloc(r->nclusters + 1, sizeof *count);
	if (!r->cstart || !r->midx || !r->mid || !r->mreason || !count)
		goto oom;
	for (i = 0; i < n; i++) {
		uint32_t root = find(e, (uint32_t)i);
		if (e->size[root] >= 2)
			r->cstart[cid[root] + 1]++;
	}
	for (c = 0; c < r->nclusters; c++)
		r->cstart[c + 1] += r->cstart[c];
	for (i = 0; i < n; i++) {
		uint32_t root = find(e, (uint32_t)i);
		size_t k;
		char ib[32];
		if (e->size[root] < 2)
			continue;
		c = cid[root];
		k = r->cstart[c] + count[c];
		r->midx[k] = i;
		r->mid[k] = xstrdup(lit_record_id(lit_records_at(e->recs, i)) ?
		                    lit_record_id(lit_records_at(e->recs, i)) : "");
		r->mreason[k] = count[c] == 0 ? xstrdup("kept (first occurrence)") : edge_reason(e, (uint32_t)i);
		(void)ib;
		if (!r->mid[k] || !r->mreason[k])
			goto oom;
		count[c]++;
	}
	/* related links between clusters, by their first members */
	if (e->nrel) {
		size_t k, w = 0;
		for (k = 0; k < e->nrel; k++) {
			uint32_t a = find(e, e->rel[2 * k]), b = find(e, e->rel[2 * k + 1]);
			uint32_t fa = a, fb = b;
			if (a == b)
				continue;
			/* the first member of each cluster */
			if (e->size[a] >= 2)
				fa = (uint32_t)r->midx[r->cstart[cid[a]]];
			if (e->size[b] >= 2)
				fb = (uint32_t)r->midx[r->cstart[cid[b]]];
			e->rel[2 * w] = fa < fb ? fa : fb;
			e->rel[2 * w + 1] = fa < fb ? fb : fa;
			e->rel_why[w] = e->rel_why[k];
			w++;
		}
		/* sort and drop repeats (why travels with the pair only loosely:
		 * repeated pairs have the same kind of reason) */
		{
			uint32_t *tmp = malloc((w ? w : 1) * 3 * sizeof *tmp);
			if (!tmp)
				goto oom;
			for (k = 0; k < w; k++) {
				tmp[3 * k] = e->rel[2 * k];
				tmp[3 * k + 1] = e->rel[2 * k + 1];
				tmp[3 * k + 2] = e->rel_why[k];
			}
			if (w > 1)
				qsort(tmp, w, 3 * sizeof *tmp, cmp_u32pair);
			r->rel = malloc((w ? w : 1) * 2 * sizeof *r->rel);
			r->rel_reason = calloc(w ? w : 1, sizeof *r->rel_reason);
			if (!r->rel || !r->rel_reason) {
				free(tmp);
				goto oom;
			}
			for (k = 0; k < w; k++) {
				char buf[256];
				if (k > 0 && tmp[3 * k] == tmp[3 * (k - 1)] && tmp[3 * k + 1] == tmp[3 * (k - 1) + 1])
					continue;
				r->rel[2 * r->nrel] = tmp[3 * k];
				r->rel[2 * r->nrel + 1] = tmp[3 * k + 1];
				snprintf(buf, sizeof buf, "%s",
				         tmp[3 * k + 2] == LIT_DEDUP_WHY_ORIGINAL_TITLE ?
				         "translation: the original title of one is the title of the other" :
				         "the same work in another language");
				r->rel_reason[r->nrel] = xstrdup(buf);
				if (!r->rel_reason[r->nrel]) {
					free(tmp);
					goto oom;
				}
				r->nrel++;
			}
			free(tmp);
		}
	}
	free(cid);
	free(count);
	*out = r;
	return LIT_OK;
oom:
	free(cid);
	free(count);
	lit_dedup_report_free(r);
	return LIT_ENOMEM;
}

int lit_dedup_report_render(const lit_dedup_report *r, int json, char **out, size_t *len)
{
	lit_buf b = LIT_BUF_INIT;
	size_t c, i;
	if (!r || !out)
		return LIT_EINVAL;
	if (json) {
		lit_buf_printf(&b, "{\"input\":%zu,\"output\":%zu,\"clusters\":[", r->input, r->output);
		for (c = 0; c < r->nclusters; c++) {
			lit_buf_puts(&b, c ? ",\n{\"members\":[" : "\n{\"members\":[");
			for (i = r->cstart[c]; i < r->cstart[c + 1]; i++) {
				lit_buf_puts(&b, i > r->cstart[c] ? ",{\"id\":" : "{\"id\":");
				lit_json_put_string(&b, r->mid[i]);
				lit_buf_printf(&b, ",\"index\":%zu,\"reason\":", r->midx[i]);
				lit_json_put_string(&b, r->mreason[i]);
				lit_buf_putc(&b, '}');
			}
			lit_buf_puts(&b, "]}");
		}
		lit_buf_puts(&b, "],\"related\":[");
		for (i = 0; i < r->nrel; i++) {
			lit_buf_printf(&b, "%s{\"a\":%zu,\"b\":%zu,\"reason\":", i ? ",\n" : "\n",
			               r->rel[2 * i], r->rel[2 * i + 1]);
			lit_json_put_string(&b, r->rel_reason[i]);
			lit_buf_putc(&b, '}');
		}
		lit_buf_puts(&b, "]}\n");
	} else {
		lit_buf_printf(&b, "%zu records, %zu after merging, %zu clusters of duplicates\n",
		               r->input, r->output, r->nclusters);
		for (c = 0; c < r->nclusters; c++) {
			lit_buf_printf(&b, "\ncluster %zu (%zu records):\n", c + 1,
			               r->cstart[c + 1] - r->cstart[c]);
			for (i = r->cstart[c]; i < r->cstart[c + 1]; i++)
				lit_buf_printf(&b, "  %s [#%zu]: %s\n", r->mid[i][0] ? r->mid[i] : "(no id)",
				               r->midx[i] + 1, r->mreason[i]);
		}
		if (r->nrel)
			lit_buf_printf(&b, "\n%zu related pairs (kept apart):\n", r->nrel);
		for (i = 0; i < r->nrel; i++)
			lit_buf_printf(&b, "  #%zu and #%zu: %s\n", r->rel[2 * i] + 1, r->rel[2 * i + 1] + 1,
			               r->rel_reason[i]);
	}
	if (lit_buf_status(&b)) {
		lit_buf_free(&b);
		return LIT_ENOMEM;
	}
	*out = lit_buf_detach(&b, len);
	return *out ? LIT_OK : LIT_ENOMEM;
}

/* ------------------------------------------------------------------ */
/* Ids                                                                 */
/* ------------------------------------------------------------------ */

typedef struct idset {
	uint64_t *h;
	size_t cap;
} idset;

static int idset_has_add(idset *s, const char *id, int add)
{
	uint64_t h = lit_dedup_hash64(LIT_DEDUP_HASH64_INIT, id, strlen(id)) | 1;
	size_t i = (size_t)(h % s->cap);
	while (s->h[i]) {
		if (s->h[i] == h)
			return 1;
		i = (i + 1) % s->cap;
	}
	if (add)
		s->h[i] = h;
	return 0;
}

static int assign_ids(lit_records *recs)
{
	size_t n = lit_records_count(recs), i, missing = 0;
	idset s;
	for (i = 0; i < n; i++)
		if (!lit_record_id(lit_records_at(recs, i)) || !*lit_record_id(lit_records_at(recs, i)))
			missing++;
	if (!missing)
		return LIT_OK;
	s.cap = 2 * n + 16;
	s.h = calloc(s.cap, sizeof *s.h);
	if (!s.h)
		return LIT_ENOMEM;
	for (i = 0; i < n; i++) {
		const char *id = lit_record_id(lit_records_at(recs, i));
		if (id && *id)
			idset_has_add(&s, id, 1);
	}
	for (i = 0; i < n; i++) {
		lit_record *r = lit_records_at(recs, i);
		char buf[48];
		int k = 1;
		if (lit_record_id(r) && *lit_record_id(r))
			continue;
		snprintf(buf, sizeof buf, "r%zu", i + 1);
		while (idset_has_add(&s, buf, 0))
			snprintf(buf, sizeof buf, "r%zu_%d", i + 1, ++k);
		idset_has_add(&s, buf, 1);
		if (lit_record_set_id(r, buf) != LIT_OK) {
			free(s.h);
			return LIT_ENOMEM;
		}
	}
	free(s.h);
	return LIT_OK;
}

/* ------------------------------------------------------------------ */
/* Merging the clusters into the list                                   */
/* ------------------------------------------------------------------ */

static int set_related(lit_record *r, const char *other_id)
{
	lit_buf b = LIT_BUF_INIT;
	int is_json = 0, rc;
	const char *prev = lit_record_custom(r, "related", &is_json);
	if (prev && is_json && prev[0] == '[' && strlen(prev) > 2) {
		lit_buf_put(&b, prev, strlen(prev) - 1);
		lit_buf_putc(&b, ',');
	} else {
		lit_buf_putc(&b, '[');
	}
	lit_json_put_string(&b, other_id);
	lit_buf_putc(&b, ']');
	rc = lit_buf_status(&b) ? LIT_ENOMEM : lit_record_set_custom(r, "related", b.ptr, 1);
	lit_buf_free(&b);
	return rc;
}

static int apply(lit_records *recs, const lit_dedup_report *rep, int link_related)
{
	size_t n = lit_records_count(recs), c, i;
	lit_record **all = NULL, **members = NULL;
	uint8_t *drop = NULL;
	size_t maxc = 0;
	int rc = LIT_OK;

	all = malloc((n ? n : 1) * sizeof *all);
	drop = calloc(n ? n : 1, 1);
	for (c = 0; c < rep->nclusters; c++)
		if (rep->cstart[c + 1] - rep->cstart[c] > maxc)
			maxc = rep->cstart[c + 1] - rep->cstart[c];
	members = malloc((maxc ? maxc : 1) * sizeof *members);
	if (!all || !drop || !members) {
		rc = LIT_ENOMEM;
		goto done;
	}
	for (i = 0; i < n; i++)
		all[i] = lit_records_at(recs, i);
	/* merge into each first member, in place: copies of a million records
	 * would cost as much memory as the records */
	for (c = 0; c < rep->nclusters && rc == LIT_OK; c++) {
		size_t k, m = rep->cstart[c + 1] - rep->cstart[c];
		for (k = 0; k < m; k++)
			members[k] = all[rep->midx[rep->cstart[c] + k]];
		rc = lit_dedup_merge(members, m);
		if (rc == LIT_OK)
			for (k = 1; k < m; k++)
				drop[rep->midx[rep->cstart[c] + k]] = 1;
	}
	for (i = 0; i < rep->nrel && rc == LIT_OK && link_related; i++) {
		lit_record *ra = all[rep->rel[2 * i]], *rb = all[rep->rel[2 * i + 1]];
		if (lit_record_id(rb))
			rc = set_related(ra, lit_record_id(rb));
		if (rc == LIT_OK && lit_record_id(ra))
			rc = set_related(rb, lit_record_id(ra));
	}
	/* drop the absorbed records: empty the list from the end (O(1) each)
	 * and push back the others (the capacity is kept: no failure) */
	while (lit_records_count(recs) > 0)
		(void)lit_records_take(recs, lit_records_count(recs) - 1);
	for (i = 0; i < n; i++) {
		if (drop[i])
			lit_record_free(all[i]);
		else
			lit_records_push(recs, all[i]);
	}
done:
	free(all);
	free(drop);
	free(members);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

static void engine_free(engine *e)
{
	lit_dedup_store_free(&e->st);
	free(e->parent);
	free(e->size);
	free(e->sum);
	free(e->edge_other);
	free(e->edge_why);
	free(e->edge_agree);
	free(e->edge_score);
	free(e->edge_title);
	free(e->rel);
	free(e->rel_why);
	free(e->tent);
}

int lit_dedup(lit_records *records, const lit_dedup_options *opts,
              lit_dedup_report **report, lit_error *err)
{
	lit_dedup_options defaults = LIT_DEDUP_OPTIONS_INIT;
	engine e;
	keyset ks = { NULL, 0, 0, 1, 0 };
	lit_dedup_report *rep = NULL;
	size_t n, i;
	int rc;

	if (report)
		*report = NULL;
	if (!records)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "dedup: no records");
	if (!opts)
		opts = &defaults;
	if (opts->version != LIT_DEDUP_OPTIONS_VERSION)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "dedup: unknown options version %u",
		                     opts->version);
	if (opts->threshold < 0 || opts->threshold > 1)
		return lit_error_set(err, LIT_EINVAL, NULL, 0,
		                     "dedup: threshold must be between 0 and 1, not %g", opts->threshold);
	n = lit_records_count(records);
	if (n >= NONE_IDX)
		return lit_error_set(err, LIT_ELIMIT, NULL, 0, "dedup: too many records (%zu)", n);
	if (opts->assign_ids && (rc = assign_ids(records)) != LIT_OK)
		return lit_error_set(err, rc, NULL, 0, "dedup: %s", lit_strerror(rc));

	memset(&e, 0, sizeof e);
	e.recs = records;
	while (ks.recbits < 40 && ((size_t)1 << ks.recbits) < n)
		ks.recbits++;
	e.threshold = opts->threshold > 0 ? opts->threshold : LIT_DEDUP_DEFAULT_THRESHOLD;
	e.max_block = opts->max_block ? opts->max_block : 12;
	if ((rc = lit_dedup_store_build(&e.st, records)) != LIT_OK)
		goto fail;
	rc = LIT_ENOMEM;
	e.parent = malloc((n ? n : 1) * sizeof *e.parent);
	e.size = malloc((n ? n : 1) * sizeof *e.size);
	e.sum = malloc((n ? n : 1) * sizeof *e.sum);
	e.edge_other = malloc((n ? n : 1) * sizeof *e.edge_other);
	e.edge_why = calloc(n ? n : 1, 1);
	e.edge_agree = calloc(n ? n : 1, 1);
	e.edge_score = calloc(n ? n : 1, sizeof *e.edge_score);
	e.edge_title = calloc(n ? n : 1, sizeof *e.edge_title);
	if (!e.parent || !e.size || !e.sum || !e.edge_other || !e.edge_why || !e.edge_agree ||
	    !e.edge_score || !e.edge_title)
		goto fail;
	for (i = 0; i < n; i++) {
		const lit_dedup_feat *f = &e.st.f[i];
		summary *s = &e.sum[i];
		e.parent[i] = (uint32_t)i;
		e.size[i] = 1;
		e.edge_other[i] = NONE_IDX;
		s->volume = f->volume;
		s->edition = f->edition;
		s->chapter = f->chapter;
		s->page_first = f->page_first;
		s->page_last = f->page_last;
		s->doi = f->doi;
		s->ymin = s->ymax = f->year;
		s->part = f->type == LIT_TYPE_CHAPTER || f->type == LIT_TYPE_ENTRY ||
		          f->type == LIT_TYPE_ENTRY_DICTIONARY || f->type == LIT_TYPE_ENTRY_ENCYCLOPEDIA ||
		          f->type == LIT_TYPE_PAPER_CONFERENCE;
		s->whole = f->type == LIT_TYPE_BOOK || f->type == LIT_TYPE_COLLECTION ||
		           f->type == LIT_TYPE_PERIODICAL;
	}
	{
		int pass;
		for (pass = 0; pass < 3; pass++) {
			ks.n = 0;
			if ((rc = make_keys(&e.st, records, &ks, pass)) != LIT_OK ||
			    (rc = process_blocks(&e, &ks)) != LIT_OK)
				goto fail;
		}
	}
	resolve_tentative(&e);
	free(ks.k);
	ks.k = NULL;
	/* the report needs only the identifiers (arena) and the edges: give
	 * the token and author arrays back before it is built */
	free(e.st.tok_off);
	free(e.st.tok_len);
	free(e.st.tok_flags);
	free(e.st.tok_hash);
	free(e.st.auth_off);
	free(e.st.auth_len);
	free(e.st.auth_init);
	free(e.st.auth_hash);
	e.st.tok_off = e.st.tok_hash = e.st.auth_off = e.st.auth_hash = NULL;
	e.st.tok_len = e.st.tok_flags = e.st.auth_len = e.st.auth_init = NULL;
	free(e.sum);
	e.sum = NULL;
	if ((rc = build_report(&e, &rep)) != LIT_OK)
		goto fail;
	engine_free(&e);
	if (!opts->dry_run && (rc = apply(records, rep, opts->link_related)) != LIT_OK) {
		lit_dedup_report_free(rep);
		return lit_error_set(err, rc, NULL, 0, "dedup: %s", lit_strerror(rc));
	}
	if (report)
		*report = rep;
	else
		lit_dedup_report_free(rep);
	return LIT_OK;
fail:
	free(ks.k);
	engine_free(&e);
	return lit_error_set(err, rc, NULL, 0, "dedup: %s", lit_strerror(rc));
}
