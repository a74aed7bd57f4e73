/*
 * model.c - the linear-chain labelling model at parse time: checking and
 * wrapping a model image (embedded array or file), looking features up in
 * its open-addressing table, and first-order Viterbi decoding.
 *
 * The image layout is described in parse_internal.h.  Nothing is copied
 * when the image is embedded, so loading costs one checksum pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse_internal.h"

#define HDR 8
#define NAMEW 6

uint32_t lit_pmodel_checksum(const uint32_t *words, size_t nwords)
{
	/* FNV-1a over 32-bit words (four lanes, so the multiplications overlap) */
	uint32_t h[4] = { 2166136261u, 2166136261u ^ 1u, 2166136261u ^ 2u, 2166136261u ^ 3u };
	size_t i = HDR;
	for (; i + 4 <= nwords; i += 4)
		for (int k = 0; k < 4; k++)
			h[k] = (h[k] ^ words[i + (size_t)k]) * 16777619u;
	for (; i < nwords; i++)
		h[0] = (h[0] ^ words[i]) * 16777619u;
	return ((h[0] * 31u + h[1]) * 31u + h[2]) * 31u + h[3];
}

int lit_pmodel_init(lit_pmodel *m, const uint32_t *w, size_t nwords, lit_error *err)
{
	memset(m, 0, sizeof *m);
	if (!w || nwords < HDR)
		return lit_error_set(err, LIT_EPARSE, NULL, 0, "parser model: too short");
	if (w[0] != LIT_PMODEL_MAGIC)
		return lit_error_set(err, LIT_EPARSE, NULL, 0, "parser model: not a litera model");
	if (w[1] != LIT_PMODEL_FORMAT)
		return lit_error_set(err, LIT_EUNSUPPORTED, NULL, 0,
		                     "parser model: format %u, this build reads %u", w[1], LIT_PMODEL_FORMAT);
	if (w[2] != LIT_PFEAT_VERSION)
		return lit_error_set(err, LIT_EUNSUPPORTED, NULL, 0,
		                     "parser model: feature set %u, this build computes %u (retrain)",
		                     w[2], LIT_PFEAT_VERSION);
	uint32_t nl = w[3], bits = w[4], ne = w[5];
	if (nl == 0 || nl > 64 || bits < 4 || bits > 26)
		return lit_error_set(err, LIT_EPARSE, NULL, 0, "parser model: bad header");
	size_t need = HDR + (size_t)nl * NAMEW + (size_t)(nl + 1) * nl + ((size_t)2 << bits) + ne;
	if (need != nwords)
		return lit_error_set(err, LIT_EPARSE, NULL, 0, "parser model: size %zu words, header says %zu",
		                     nwords, need);
	if (lit_pmodel_checksum(w, nwords) != w[7])
		return lit_error_set(err, LIT_EPARSE, NULL, 0, "parser model: checksum mismatch (damaged file)");
	m->words = w;
	m->nwords = nwords;
	m->nlabels = (int)nl;
	for (uint32_t l = 0; l < nl && l < LIT_PL__COUNT; l++)
		m->map[l] = LIT_PL_OTHER;
	for (uint32_t l = 0; l < nl; l++) {
		char name[NAMEW * 4 + 1];
		for (int k = 0; k < NAMEW; k++)
			for (int b = 0; b < 4; b++)
				name[k * 4 + b] = (char)((w[HDR + l * NAMEW + k] >> (8 * b)) & 0xFF);
		name[NAMEW * 4] = 0;
		int lab = lit_plabel_from_name(name, strlen(name));
		if (l < LIT_PL__COUNT)
			m->map[l] = lab < 0 ? LIT_PL_OTHER : lab;
	}
	if (nl > LIT_PL__COUNT)
		return lit_error_set(err, LIT_EUNSUPPORTED, NULL, 0, "parser model: %u labels, at most %d known",
		                     nl, (int)LIT_PL__COUNT);
	m->trans = (const int32_t *)(w + HDR + nl * NAMEW);
	for (uint32_t x = 0; x < nl; x++)
		for (uint32_t y = 0; y < nl; y++)
			m->transT[y * nl + x] = m->trans[x * nl + y];
	m->table = w + HDR + nl * NAMEW + (nl + 1) * nl;
	m->mask = (1u << bits) - 1;
	m->entries = m->table + ((size_t)2 << bits);
	m->nentries = ne;
	/* every slot must point inside the entries */
	for (uint32_t s = 0; s <= m->mask; s++) {
		uint32_t v = m->table[2 * s + 1];
		if (m->table[2 * s] && (v >> 8) + (v & 0xFF) > ne)
			return lit_error_set(err, LIT_EPARSE, NULL, 0, "parser model: bad table slot");
	}
	return LIT_OK;
}

int lit_pmodel_load_file(lit_pmodel *m, const char *path, lit_error *err)
{
	FILE *f = fopen(path, "rb");
	memset(m, 0, sizeof *m);
	if (!f)
		return lit_error_set(err, LIT_EIO, path, 0, "cannot open parser model");
	if (fseek(f, 0, SEEK_END) != 0) {
		fclose(f);
		return lit_error_set(err, LIT_EIO, path, 0, "cannot read parser model");
	}
	long size = ftell(f);
	rewind(f);
	if (size < 32 || size % 4 != 0 || size > (1L << 28)) {
		fclose(f);
		return lit_error_set(err, LIT_EPARSE, path, 0, "not a parser model (size %ld)", size);
	}
	unsigned char *bytes = malloc((size_t)size);
	uint32_t *w = malloc((size_t)size);
	if (!bytes || !w) {
		free(bytes);
		free(w);
		fclose(f);
		return lit_error_set(err, LIT_ENOMEM, path, 0, "out of memory");
	}
	size_t got = fread(bytes, 1, (size_t)size, f);
	fclose(f);
	if (got != (size_t)size) {
		free(bytes);
		free(w);
		return lit_error_set(err, LIT_EIO, path, 0, "cannot read parser model");
	}
	size_t nw = (size_t)size / 4;
	for (size_t i = 0; i < nw; i++)
		w[i] = (uint32_t)bytes[4 * i] | (uint32_t)bytes[4 * i + 1] << 8 |
		       (uint32_t)bytes[4 * i + 2] << 16 | (uint32_t)bytes[4 * i + 3] << 24;
	free(bytes);
	int rc = lit_pmodel_init(m, w, nw, err);
	if (rc != LIT_OK) {
		free(w);
		if (err && !err->file[0])
			snprintf(err->file, sizeof err->file, "%s", path);
		memset(m, 0, sizeof *m);
		return rc;
	}
	m->owned = w;
	return LIT_OK;
}

void lit_pmodel_fini(lit_pmodel *m)
{
	if (m) {
		free(m->owned);
		memset(m, 0, sizeof *m);
	}
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* Table slot value for feature f (0 when absent). */
static uint32_t find_slot(const lit_pmodel *m, uint32_t f)
{
	uint32_t s = f & m->mask;
	for (;;) {
		uint32_t key = m->table[2 * s];
		if (key == f)
			return m->table[2 * s + 1];
		if (key == 0)
			return 0;
		s = (s + 1) & m->mask;
	}
}

/*
 * Emission scores of every token.  The model is a few MB, so every feature
 * lookup is a cache miss: the features of all tokens are hashed first and
 * their table slots prefetched, then the slots are read and the weight
 * entries prefetched, then the weights added - the misses overlap instead
 * of queueing.
 */
static void emissions(const lit_pmodel *m, const lit_ptokens *t, uint32_t *feats, uint8_t *nf, int32_t *emit)
{
	size_t n = t->n;
	int L = m->nlabels;
	for (size_t i = 0; i < n; i++) {
		uint32_t *f = feats + i * LIT_PFEAT_MAX;
		nf[i] = (uint8_t)lit_pfeat_token(t, i, f);
		for (size_t k = 0; k < nf[i]; k++)
			PREFETCH(&m->table[2 * (f[k] & m->mask)]);
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t *f = feats + i * LIT_PFEAT_MAX;
		for (size_t k = 0; k < nf[i]; k++) {
			f[k] = find_slot(m, f[k]);
			if (f[k])
				PREFETCH(m->entries + (f[k] >> 8));
		}
	}
	for (size_t i = 0; i < n; i++) {
		const uint32_t *f = feats + i * LIT_PFEAT_MAX;
		int32_t *score = emit + i * (size_t)L;
		/* two accumulators break the store-to-load chains on one label */
		int32_t acc[2][64];
		memset(acc, 0, sizeof acc);
		for (size_t k = 0; k < nf[i]; k++) {
			uint32_t v = f[k];
			const uint32_t *e = m->entries + (v >> 8);
			int32_t *a = acc[k & 1];
			for (uint32_t j = 0, c = v & 0xFF; j < c; j++)
				a[e[j] >> 16] += (int16_t)(e[j] & 0xFFFF);
		}
		for (int y = 0; y < L; y++)
			score[y] = acc[0][y] + acc[1][y];
	}
}

void lit_pmodel_decode(const lit_pmodel *m, const lit_ptokens *t, uint8_t *labels)
{
	int L = m->nlabels;
	size_t n = t->n;
	if (n == 0)
		return;
	int32_t *delta = malloc(sizeof(int32_t) * (size_t)L * 2);
	uint8_t *back = malloc(n * (size_t)L);
	uint32_t *feats = malloc(sizeof(uint32_t) * n * LIT_PFEAT_MAX);
	uint8_t *nf = malloc(n);
	int32_t *emit = malloc(sizeof(int32_t) * n * (size_t)L);
	if (!delta || !back || !feats || !nf || !emit) {
		free(delta);
		free(back);
		free(feats);
		free(nf);
		free(emit);
		lit_prules_label(t, labels);
		return;
	}
	int32_t *cur = delta, *prev = delta + L;
	emissions(m, t, feats, nf, emit);
	for (size_t i = 0; i < n; i++) {
		const int32_t *em = emit + i * (size_t)L;
		if (i == 0) {
			for (int y = 0; y < L; y++)
				cur[y] = em[y] + m->trans[L * L + y];
		} else {
			int32_t *tmp = prev;
			prev = cur;
			cur = tmp;
			for (int y = 0; y < L; y++) {
				const int32_t *tc = m->transT + y * L;
				int32_t best = INT32_MIN;
				int arg = 0;
				/* max first (vectorises), then the first index reaching it */
				for (int x = 0; x < L; x++) {
					int32_t v = prev[x] + tc[x];
					best = v > best ? v : best;
				}
				while (prev[arg] + tc[arg] != best)
					arg++;
				cur[y] = best + em[y];
				back[i * (size_t)L + (size_t)y] = (uint8_t)arg;
			}
		}
	}
	int arg = 0;
	for (int y = 1; y < L; y++)
		if (cur[y] > cur[arg])
			arg = y;
	for (size_t i = n; i-- > 0;) {
		labels[i] = (uint8_t)m->map[arg];
		if (i > 0)
			arg = back[i * (size_t)L + (size_t)arg];
	}
	free(delta);
	free(back);
	free(feats);
	free(nf);
	free(emit);
}
