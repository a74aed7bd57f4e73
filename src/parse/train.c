/*
 * train.c - training the reference parser: an averaged structured
 * perceptron (Collins 2002) over the hashed token features of features.c
 * with first-order label transitions, then quantisation of the averaged
 * weights to int16, pruning of near-zero weights, and writing the model
 * image (binary file, or C source for embedding as model_data.c).
 *
 * Memory: features seen fewer than min_count times are dropped before
 * training, so the weight matrix is (kept features x labels) floats, twice
 * (weights and the averaging accumulator).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "litera/parse.h"
#include "parse_internal.h"
#include "ptrain.h"

#define L LIT_PL__COUNT

typedef struct fmap {
	uint32_t *keys;
	uint32_t *vals;
	size_t cap, n;
} fmap;

static int fmap_init(fmap *m, size_t cap)
{
	m->cap = cap;
	m->n = 0;
	m->keys = calloc(cap, sizeof *m->keys);
	m->vals = calloc(cap, sizeof *m->vals);
	return m->keys && m->vals;
}

static void fmap_free(fmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

static int fmap_grow(fmap *m)
{
	fmap nm;
	if (!fmap_init(&nm, m->cap * 2)) {
		fmap_free(&nm);
		return 0;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t s = m->keys[i] & (nm.cap - 1);
		while (nm.keys[s])
			s = (s + 1) & (nm.cap - 1);
		nm.keys[s] = m->keys[i];
		nm.vals[s] = m->vals[i];
		nm.n++;
	}
	fmap_free(m);
	*m = nm;
	return 1;
}

/* Pointer to the value of key (inserted with 0 when `insert`), or NULL. */
static uint32_t *fmap_get(fmap *m, uint32_t key, int insert)
{
	if (insert && (m->n + 1) * 10 > m->cap * 7 && !fmap_grow(m))
		return NULL;
	size_t s = key & (m->cap - 1);
	while (m->keys[s]) {
		if (m->keys[s] == key)
			return &m->vals[s];
		s = (s + 1) & (m->cap - 1);
	}
	if (!insert)
		return NULL;
	m->keys[s] = key;
	m->vals[s] = 0;
	m->n++;
	return &m->vals[s];
}

typedef struct trainer {
	fmap ids;          /* feature hash -> id + 1 */
	size_t nfeat;
	uint32_t *hash_of; /* id -> hash */
	float *w, *u;      /* nfeat x L */
	float tw[(L + 1) * L], tu[(L + 1) * L];
	double c;
} trainer;

static uint32_t xorshift(uint32_t *s)
{
	uint32_t x = *s;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x ? x : 0x9E3779B9u;
}

/* Feature ids of every token; unknown features are -1. */
static void token_ids(trainer *tr, const lit_ptokens *t, int32_t (*fid)[LIT_PFEAT_MAX], uint8_t *nf)
{
	uint32_t feats[LIT_PFEAT_MAX];
	for (size_t i = 0; i < t->n; i++) {
		size_t n = lit_pfeat_token(t, i, feats);
		nf[i] = (uint8_t)n;
		for (size_t k = 0; k < n; k++) {
			uint32_t *v = fmap_get(&tr->ids, feats[k], 0);
			fid[i][k] = v ? (int32_t)(*v - 1) : -1;
		}
	}
}

static void viterbi(const trainer *tr, size_t n, int32_t (*fid)[LIT_PFEAT_MAX], const uint8_t *nf, uint8_t *out,
                    float *em, uint8_t *back)
{
	float cur[L], prev[L];
	for (size_t i = 0; i < n; i++) {
		float *e = em + i * L;
		for (int y = 0; y < L; y++)
			e[y] = 0;
		for (size_t k = 0; k < nf[i]; k++) {
			if (fid[i][k] < 0)
				continue;
			const float *row = tr->w + (size_t)fid[i][k] * L;
			for (int y = 0; y < L; y++)
				e[y] += row[y];
		}
	}
	for (int y = 0; y < L; y++)
		cur[y] = em[y] + tr->tw[L * L + y];
	for (size_t i = 1; i < n; i++) {
		memcpy(prev, cur, sizeof prev);
		for (int y = 0; y < L; y++) {
			float best = -INFINITY;
			int arg = 0;
			for (int x = 0; x < L; x++) {
				float v = prev[x] + tr->tw[x * L + y];
				if (v > best) {
					best = v;
					arg = x;
				}
			}
			cur[y] = best + em[i * L + y];
			back[i * L + y] = (uint8_t)arg;
		}
	}
	int arg = 0;
	for (int y = 1; y < L; y++)
		if (cur[y] > cur[arg])
			arg = y;
	for (size_t i = n; i-- > 0;) {
		out[i] = (uint8_t)arg;
		if (i > 0)
			arg = back[i * L + arg];
	}
}

static void upd(float *w, float *u, size_t idx, float d, double c)
{
	w[idx] += d;
	u[idx] += (float)(d * c);
}

static int write_model(trainer *tr, const char *path, int emit_c, int verbose, int prune, lit_error *err)
{
	size_t F = tr->nfeat;
	float *avg = tr->w; /* averaged in place */
	float tavg[(L + 1) * L];
	double maxabs = 1e-9;
	for (size_t i = 0; i < F * L; i++) {
		avg[i] = tr->w[i] - (float)(tr->u[i] / tr->c);
		if (fabs(avg[i]) > maxabs)
			maxabs = fabs(avg[i]);
	}
	for (int i = 0; i < (L + 1) * L; i++) {
		tavg[i] = tr->tw[i] - (float)(tr->tu[i] / tr->c);
		if (fabs(tavg[i]) > maxabs)
			maxabs = fabs(tavg[i]);
	}
	double scale = 32000.0 / maxabs;
	if (verbose) {
		size_t nz = 0, small = 0;
		for (size_t i = 0; i < F * L; i++) {
			if (avg[i] != 0)
				nz++;
			if (avg[i] != 0 && fabs(avg[i]) * scale < 2)
				small++;
		}
		fprintf(stderr, "litera train: max |w| %.3f, %zu non-zero weights, %zu below quantum\n", maxabs, nz, small);
	}
	/* count kept entries */
	size_t kept = 0, entries = 0;
	for (size_t f = 0; f < F; f++) {
		int any = 0;
		for (int y = 0; y < L; y++) {
			long q = lround(avg[f * L + y] * scale);
			if (q >= prune || q <= -prune) {
				entries++;
				any = 1;
			}
		}
		kept += any;
	}
	uint32_t bits = 4;
	while (((size_t)1 << bits) < kept * 10 / 7 + 16)
		bits++;
	size_t tslots = (size_t)1 << bits;
	size_t nw = 8 + (size_t)L * 6 + (size_t)(L + 1) * L + 2 * tslots + entries;
	uint32_t *w = calloc(nw, sizeof *w);
	if (!w)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	w[0] = LIT_PMODEL_MAGIC;
	w[1] = LIT_PMODEL_FORMAT;
	w[2] = LIT_PFEAT_VERSION;
	w[3] = L;
	w[4] = bits;
	w[5] = (uint32_t)entries;
	for (int l = 0; l < L; l++) {
		const char *nm = lit_plabel_name(l);
		for (size_t b = 0; b < strlen(nm) && b < 23; b++)
			w[8 + l * 6 + b / 4] |= (uint32_t)(unsigned char)nm[b] << (8 * (b % 4));
	}
	int32_t *tr32 = (int32_t *)(w + 8 + L * 6);
	for (int i = 0; i < (L + 1) * L; i++)
		tr32[i] = (int32_t)lround(tavg[i] * scale);
	uint32_t *table = w + 8 + L * 6 + (L + 1) * L;
	uint32_t *ent = table + 2 * tslots;
	size_t eo = 0;
	for (size_t f = 0; f < F; f++) {
		size_t start = eo;
		for (int y = 0; y < L; y++) {
			long q = lround(avg[f * L + y] * scale);
			if (q >= prune || q <= -prune) {
				if (q > 32767) q = 32767;
				if (q < -32767) q = -32767;
				ent[eo++] = (uint32_t)y << 16 | (uint16_t)(int16_t)q;
			}
		}
		if (eo == start)
			continue;
		uint32_t key = tr->hash_of[f];
		size_t s = key & (tslots - 1);
		while (table[2 * s])
			s = (s + 1) & (tslots - 1);
		table[2 * s] = key;
		table[2 * s + 1] = (uint32_t)(start << 8 | (eo - start));
	}
	w[7] = lit_pmodel_checksum(w, nw);
	if (verbose)
		fprintf(stderr, "litera train: model %zu features (of %zu), %zu weights, %zu KiB\n", kept, F, entries,
		        nw * 4 / 1024);

	FILE *f = fopen(path, emit_c ? "w" : "wb");
	if (!f) {
		free(w);
		return lit_error_set(err, LIT_EIO, path, 0, "cannot write model");
	}
	int ok = 1;
	if (emit_c) {
		fprintf(f, "/*\n * model_data.c - the trained parser model compiled into the library.\n"
		           " * Generated by `litera train --emit-c`; do not edit.  Format %u, feature set %u,\n"
		           " * %zu labels, %zu features, %zu weights.  See NOTICE for the training data.\n */\n",
		        (unsigned)LIT_PMODEL_FORMAT, (unsigned)LIT_PFEAT_VERSION, (size_t)L, kept, entries);
		/* the words as an array: the library uses it in place (no copy,
		 * no decoding), so loading costs one checksum pass */
		fprintf(f, "#include \"parse_internal.h\"\n\nconst uint32_t lit_pmodel_builtin[] = {\n");
		for (size_t i = 0; i < nw; i++)
			fprintf(f, "%s0x%x,%s", i % 12 == 0 ? "\t" : "", w[i], i % 12 == 11 || i + 1 == nw ? "\n" : "");
		fprintf(f, "};\nconst size_t lit_pmodel_builtin_words = %zu;\n", nw);
	} else {
		unsigned char b4[4];
		for (size_t i = 0; i < nw && ok; i++) {
			b4[0] = (unsigned char)(w[i] & 0xFF);
			b4[1] = (unsigned char)((w[i] >> 8) & 0xFF);
			b4[2] = (unsigned char)((w[i] >> 16) & 0xFF);
			b4[3] = (unsigned char)(w[i] >> 24);
			ok = fwrite(b4, 1, 4, f) == 4;
		}
	}
	if (fclose(f) != 0)
		ok = 0;
	free(w);
	if (!ok)
		return lit_error_set(err, LIT_EIO, path, 0, "cannot write model");
	return LIT_OK;
}

int lit_parser_train(const char *const *files, size_t nfiles, const char *out_path,
                     const lit_train_options *opts, lit_error *err)
{
	lit_train_options o = LIT_TRAIN_OPTIONS_INIT;
	lit_pset set = { 0 };
	lit_ptokens *t = NULL;
	trainer tr;
	fmap counts = { 0 };
	int rc = LIT_OK;
	int32_t (*fid)[LIT_PFEAT_MAX] = NULL;
	uint8_t *nf = NULL, *pred = NULL, *back = NULL;
	float *em = NULL;
	size_t *order = NULL;

	memset(&tr, 0, sizeof tr);
	if (opts) {
		if (opts->version != LIT_TRAIN_OPTIONS_VERSION)
			return lit_error_set(err, LIT_EINVAL, NULL, 0, "lit_parser_train: options version %u", opts->version);
		o = *opts;
	}
	if (o.epochs <= 0)
		o.epochs = 12;
	if (o.min_count <= 0)
		o.min_count = 2;
	if (!files || nfiles == 0 || !out_path)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "lit_parser_train: no training data or no output");

	t = malloc(sizeof *t);
	fid = malloc(sizeof *fid * LIT_PARSE_MAX_TOKENS);
	nf = malloc(LIT_PARSE_MAX_TOKENS);
	pred = malloc(LIT_PARSE_MAX_TOKENS);
	back = malloc((size_t)LIT_PARSE_MAX_TOKENS * L);
	em = malloc(sizeof(float) * LIT_PARSE_MAX_TOKENS * L);
	if (!t || !fid || !nf || !pred || !back || !em) {
		rc = lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < nfiles; i++) {
		rc = lit_pset_read(&set, files[i], t, err);
		if (rc != LIT_OK)
			goto done;
	}
	if (set.n == 0) {
		rc = lit_error_set(err, LIT_EPARSE, NULL, 0, "no labelled references in the training data");
		goto done;
	}
	if (o.verbose)
		fprintf(stderr, "litera train: %zu references\n", set.n);

	/* feature counts */
	if (!fmap_init(&counts, 1 << 20) || !fmap_init(&tr.ids, 1 << 18)) {
		rc = lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
		goto done;
	}
	for (size_t s = 0; s < set.n; s++) {
		uint32_t feats[LIT_PFEAT_MAX];
		lit_ptok_run(t, set.seq[s].text, set.seq[s].len);
		for (size_t i = 0; i < t->n; i++) {
			size_t n = lit_pfeat_token(t, i, feats);
			for (size_t k = 0; k < n; k++) {
				uint32_t *v = fmap_get(&counts, feats[k], 1);
				if (!v) {
					rc = lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
					goto done;
				}
				(*v)++;
			}
		}
	}
	for (size_t i = 0; i < counts.cap; i++)
		if (counts.keys[i] && counts.vals[i] >= (uint32_t)o.min_count)
			tr.nfeat++;
	tr.hash_of = malloc(sizeof *tr.hash_of * (tr.nfeat + 1));
	tr.w = calloc(tr.nfeat * L + 1, sizeof *tr.w);
	tr.u = calloc(tr.nfeat * L + 1, sizeof *tr.u);
	if (!tr.hash_of || !tr.w || !tr.u) {
		rc = lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory (%zu features)", tr.nfeat);
		goto done;
	}
	{
		size_t id = 0;
		for (size_t i = 0; i < counts.cap; i++) {
			if (!counts.keys[i] || counts.vals[i] < (uint32_t)o.min_count)
				continue;
			uint32_t *v = fmap_get(&tr.ids, counts.keys[i], 1);
			if (!v) {
				rc = lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
				goto done;
			}
			*v = (uint32_t)(id + 1);
			tr.hash_of[id++] = counts.keys[i];
		}
	}
	if (o.verbose)
		fprintf(stderr, "litera train: %zu features (of %zu distinct)\n", tr.nfeat, counts.n);
	fmap_free(&counts);

	order = malloc(sizeof *order * set.n);
	if (!order) {
		rc = lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < set.n; i++)
		order[i] = i;
	uint32_t rng = o.seed ? o.seed : 12345u;
	tr.c = 1;
	for (int ep = 0; ep < o.epochs; ep++) {
		size_t wrong = 0, total = 0;
		for (size_t i = set.n; i > 1; i--) {
			size_t j = xorshift(&rng) % i;
			size_t tmp = order[i - 1];
			order[i - 1] = order[j];
			order[j] = tmp;
		}
		for (size_t oi = 0; oi < set.n; oi++) {
			const lit_pseq *q = &set.seq[order[oi]];
			lit_ptok_run(t, q->text, q->len);
			size_t n = t->n < q->ntok ? t->n : q->ntok;
			if (n == 0)
				continue;
			token_ids(&tr, t, fid, nf);
			viterbi(&tr, n, fid, nf, pred, em, back);
			int bad = 0;
			for (size_t i = 0; i < n; i++)
				if (pred[i] != q->labels[i]) {
					bad = 1;
					wrong++;
				}
			total += n;
			if (bad) {
				for (size_t i = 0; i < n; i++) {
					int g = q->labels[i], p = pred[i];
					if (g != p) {
						for (size_t k = 0; k < nf[i]; k++) {
							if (fid[i][k] < 0)
								continue;
							size_t base = (size_t)fid[i][k] * L;
							upd(tr.w, tr.u, base + (size_t)g, 1.0f, tr.c);
							upd(tr.w, tr.u, base + (size_t)p, -1.0f, tr.c);
						}
					}
					int gp = i ? q->labels[i - 1] : L, pp = i ? pred[i - 1] : L;
					if (gp != pp || g != p) {
						upd(tr.tw, tr.tu, (size_t)gp * L + (size_t)g, 1.0f, tr.c);
						upd(tr.tw, tr.tu, (size_t)pp * L + (size_t)p, -1.0f, tr.c);
					}
				}
			}
			tr.c += 1;
		}
		if (o.verbose)
			fprintf(stderr, "litera train: epoch %d: token error %.4f\n", ep + 1,
			        total ? (double)wrong / (double)total : 0.0);
	}
	rc = write_model(&tr, out_path, o.emit_c, o.verbose, o.prune > 0 ? o.prune : 2, err);

done:
	fmap_free(&counts);
	fmap_free(&tr.ids);
	free(tr.hash_of);
	free(tr.w);
	free(tr.u);
	free(order);
	lit_pset_free(&set);
	free(t);
	free(fid);
	free(nf);
	free(pred);
	free(back);
	free(em);
	return rc;
}
