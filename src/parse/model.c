/*
 * model.c - the linear-chain labelling model at parse time: checking a
 * model image (embedded array or file), turning it into the decoder's
 * layout (bucketed hash table, dense rows of label weights), and
 * first-order Viterbi decoding.
 *
 * The image layout is described in parse_internal.h; the decoder's layout
 * above build_runtime.  Loading costs a checksum pass and one pass over the
 * image (about 4 ms and 4.5 MB for the built-in model); decoding then needs
 * no allocation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse_internal.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Labels padded to a multiple of 8, so the per-label loops have a fixed
 * trip count and vectorise. */
#define LP ((LIT_PL__COUNT + 7) & ~7)
/* Keys per bucket of the decoder's table (one 64-byte line with the values). */
#define BUCKET 8

/*
 * The decoder's copy of the model, built once by lit_pmodel_init (in
 * m->owned; the image is not needed afterwards):
 *   table: buckets of BUCKET keys then their BUCKET values, one 64-byte
 *     line each, at most half full; a key sits in the first bucket from
 *     key & mask with a free slot; its value is, for a feature with one
 *     weight, label << 24 | (uint16) weight << 8 | 1, else its row << 1;
 *   entries: the weights of features with more than one as dense rows of
 *     LP int16, row 0 all zero (the row of absent features), padding
 *     labels zero;
 *   trans: (nlabels + 1) x LP int32, [from * LP + to], row nlabels =
 *     start, padding 0.
 * A token's emission scores are then sums of whole rows and single weights,
 * the same integers in any order as the image's sparse weights, so the
 * labels are exactly those of the image.  (Single weights stay in the
 * table: a row for each would double the memory to fill at load time.)
 */
static int build_runtime(lit_pmodel *m, const int32_t *trans, const uint32_t *table, const uint32_t *entries,
                         lit_error *err)
{
	uint32_t L = (uint32_t)m->nlabels, nslots = m->mask + 1, ne = m->nentries;
	size_t nkeys = 0, nrows = 0;
	/* every slot must point inside the entries (their labels are checked
	 * below, as they are copied) */
	for (uint32_t s = 0; s < nslots; s++) {
		uint32_t v = table[2 * s + 1];
		if (!table[2 * s])
			continue;
		if ((v & 0xFF) > L || (v >> 8) + (v & 0xFF) > ne)
			return lit_error_set(err, LIT_EPARSE, NULL, 0, "parser model: bad table slot");
		nkeys += (v & 0xFF) > 0;
		nrows += (v & 0xFF) > 1;
	}
	uint32_t nb = 16;
	while ((size_t)nb * BUCKET < nkeys * 2)
		nb *= 2;
	size_t ntab = (size_t)nb * 2 * BUCKET;
	size_t nent = (nrows + 1) * (LP / 2);
	if (nrows >= ((size_t)1 << 30))
		return lit_error_set(err, LIT_EUNSUPPORTED, NULL, 0, "parser model: too many features");
	size_t ntrans = (size_t)(L + 1) * LP;
	/* + 16 words: the table starts on a 64-byte boundary */
	uint32_t *blk = calloc(ntab + nent + ntrans + 16, sizeof *blk);
	if (!blk)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	uint32_t *tab = blk + (16 - ((uintptr_t)blk / 4) % 16) % 16;
	uint32_t *ent = tab + ntab;
	int32_t *tr = (int32_t *)(ent + nent);
	for (uint32_t x = 0; x <= L; x++)
		for (uint32_t y = 0; y < L; y++)
			tr[x * LP + y] = trans[x * L + y];
	int16_t *rows = (int16_t *)ent;
	uint32_t row = 1;
	for (uint32_t s = 0; s < nslots; s++) {
		uint32_t key = table[2 * s], v = table[2 * s + 1];
		const uint32_t *e = entries + (v >> 8);
		if (!key || (v & 0xFF) == 0) /* no weights: as good as absent */
			continue;
		uint32_t *bk = tab + (size_t)2 * BUCKET * (key & (nb - 1));
		int j = 0;
		for (;;) {
			while (j < BUCKET && bk[j])
				j++;
			if (j < BUCKET)
				break;
			bk = bk + 2 * BUCKET == tab + ntab ? tab : bk + 2 * BUCKET;
			j = 0;
		}
		for (uint32_t k = 0; k < (v & 0xFF); k++)
			if ((e[k] >> 16) >= L) {
				free(blk);
				return lit_error_set(err, LIT_EPARSE, NULL, 0, "parser model: bad weight label");
			}
		bk[j] = key;
		if ((v & 0xFF) == 1) {
			bk[BUCKET + j] = (e[0] >> 16) << 24 | (e[0] & 0xFFFF) << 8 | 1;
		} else {
			bk[BUCKET + j] = row << 1;
			for (uint32_t k = 0; k < (v & 0xFF); k++)
				rows[(size_t)row * LP + (e[k] >> 16)] = (int16_t)(e[k] & 0xFFFF);
			row++;
		}
	}
	m->owned = blk;
	m->mask = nb - 1;
	m->trans = tr;
	m->table = tab;
	m->entries = ent;
	m->nentries = (uint32_t)nent;
	return LIT_OK;
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
	if (nl > LIT_PL__COUNT)
		return lit_error_set(err, LIT_EUNSUPPORTED, NULL, 0, "parser model: %u labels, at most %d known",
		                     nl, (int)LIT_PL__COUNT);
	for (uint32_t l = 0; l < nl; l++) {
		char name[NAMEW * 4 + 1];
		for (int k = 0; k < NAMEW; k++)
			for (int b = 0; b < 4; b++)
				name[k * 4 + b] = (char)((w[HDR + l * NAMEW + k] >> (8 * b)) & 0xFF);
		name[NAMEW * 4] = 0;
		int lab = lit_plabel_from_name(name, strlen(name));
		m->map[l] = lab < 0 ? LIT_PL_OTHER : lab;
	}
	const int32_t *trans = (const int32_t *)(w + HDR + nl * NAMEW);
	const uint32_t *table = w + HDR + nl * NAMEW + (nl + 1) * nl;
	const uint32_t *entries = table + ((size_t)2 << bits);
	m->words = w;
	m->nwords = nwords;
	m->nlabels = (int)nl;
	m->mask = (1u << bits) - 1;
	m->nentries = ne;
	return build_runtime(m, trans, table, entries, err);
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
	/* the decoder works from its own copy (m->owned): the image can go */
	free(w);
	m->words = NULL;
	if (rc != LIT_OK) {
		if (err && !err->file[0])
			snprintf(err->file, sizeof err->file, "%s", path);
		memset(m, 0, sizeof *m);
		return rc;
	}
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
#define CTZ(x) __builtin_ctz(x)
#else
#define PREFETCH(p) ((void)(p))
static int CTZ(unsigned x)
{
	int n = 0;
	while (!(x & 1))
		x >>= 1, n++;
	return n;
}
#endif

/* Where the compiler can make an AVX2 copy of the decoder chosen at load
 * time (GCC's ifunc-based target_clones), the rows are widened and added
 * 8 labels per instruction instead of 4: about a third less decoding time.
 * The sums are the same integers either way. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 9 && defined(__x86_64__) && defined(__linux__)
#define DECODE_CLONES __attribute__((target_clones("avx2", "default")))
#define DECODE_INLINE __attribute__((always_inline)) inline
#else
#define DECODE_CLONES
#define DECODE_INLINE
#endif

/* Bit j set when k[j] == f, j < BUCKET. */
static DECODE_INLINE unsigned match(const uint32_t *k, uint32_t f)
{
#ifdef __SSE2__
	__m128i kf = _mm_set1_epi32((int)f);
	__m128i a = _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)k), kf);
	__m128i b = _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)(k + 4)), kf);
	return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(a)) | (unsigned)_mm_movemask_ps(_mm_castsi128_ps(b)) << 4;
#else
	unsigned r = 0;
	for (int j = 0; j < BUCKET; j++)
		r |= (unsigned)(k[j] == f) << j;
	return r;
#endif
}

/* Table value of feature f (0, row 0, when absent). */
static DECODE_INLINE uint32_t find_slot(const lit_pmodel *m, uint32_t f)
{
	uint32_t b = f & m->mask;
	for (;;) {
		const uint32_t *k = m->table + (size_t)2 * BUCKET * b;
		unsigned hit = match(k, f);
		if (hit)
			return k[BUCKET + CTZ(hit)];
		if (match(k, 0))
			return 0;
		b = (b + 1) & m->mask;
	}
}

/* Vector types of GCC >= 9 and Clang: a row is added as whole vectors. */
#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 9)
#define ROW_VECTORS 1
typedef int16_t v8hi __attribute__((vector_size(16)));
typedef int32_t v8si __attribute__((vector_size(32)));
#endif

/* Tokens whose emissions are computed together (see emissions). */
#define BLOCK 16

/*
 * Emission scores of tokens [i0, i0 + n), n <= BLOCK, into emit[n][LP].
 * The model takes a few MB, so a lookup is often a cache miss: the
 * features of all the tokens are hashed first and their buckets
 * prefetched, then the buckets are read and the rows prefetched, then the
 * rows added - the misses overlap instead of queueing.
 */
static DECODE_INLINE void emissions(const lit_pmodel *m, const lit_ptokens *t, size_t i0, size_t n, int32_t (*emit)[LP])
{
	uint32_t feats[BLOCK][LIT_PFEAT_MAX];
	size_t nf[BLOCK];
	const int16_t *rows = (const int16_t *)m->entries;
	for (size_t i = 0; i < n; i++) {
		uint32_t *f = feats[i];
		nf[i] = lit_pfeat_token(t, i0 + i, f);
		for (size_t k = 0; k < nf[i]; k++)
			PREFETCH(m->table + (size_t)2 * BUCKET * (f[k] & m->mask));
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t *f = feats[i];
		for (size_t k = 0; k < nf[i]; k++) {
			uint32_t v = find_slot(m, f[k]);
			f[k] = v;
			if (!(v & 1)) {
				PREFETCH(rows + (size_t)(v >> 1) * LP);
				PREFETCH(rows + (size_t)(v >> 1) * LP + LP - 1);
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		const uint32_t *f = feats[i];
		int32_t one[LP];
		memset(one, 0, sizeof one);
#ifdef ROW_VECTORS
		v8si acc[LP / 8];
		memset(acc, 0, sizeof acc);
		for (size_t k = 0; k < nf[i]; k++) {
			uint32_t v = f[k];
			if (v & 1) {
				one[v >> 24] += (int16_t)(v >> 8 & 0xFFFF);
				continue;
			}
			const v8hi *row = (const v8hi *)(rows + (size_t)(v >> 1) * LP);
			for (int j = 0; j < LP / 8; j++)
				acc[j] += __builtin_convertvector(row[j], v8si);
		}
		for (int j = 0; j < LP / 8; j++)
			for (int y = 0; y < 8; y++)
				emit[i][8 * j + y] = acc[j][y] + one[8 * j + y];
#else
		int32_t acc[LP];
		memset(acc, 0, sizeof acc);
		for (size_t k = 0; k < nf[i]; k++) {
			uint32_t v = f[k];
			if (v & 1) {
				one[v >> 24] += (int16_t)(v >> 8 & 0xFFFF);
				continue;
			}
			const int16_t *row = rows + (size_t)(v >> 1) * LP;
			for (int y = 0; y < LP; y++)
				acc[y] += row[y];
		}
		for (int y = 0; y < LP; y++)
			emit[i][y] = acc[y] + one[y];
#endif
	}
}

DECODE_CLONES void lit_pmodel_decode(const lit_pmodel *m, const lit_ptokens *t, uint8_t *labels)
{
	int L = m->nlabels;
	size_t n = t->n;
	if (n == 0)
		return;
	if (n > LIT_PARSE_MAX_TOKENS)
		n = LIT_PARSE_MAX_TOKENS;
	/* back[i][y]: the best label before label y at token i */
	uint8_t back[LIT_PARSE_MAX_TOKENS][LP];
	int32_t emit[BLOCK][LP], delta[2][LP];
	int32_t *cur = delta[0], *prev = delta[1];
	const int32_t *tr = m->trans;
	for (size_t i0 = 0; i0 < n; i0 += BLOCK) {
		size_t nb = n - i0 < BLOCK ? n - i0 : BLOCK;
		emissions(m, t, i0, nb, emit);
		for (size_t b = 0; b < nb; b++) {
			const int32_t *em = emit[b];
			size_t i = i0 + b;
			if (i == 0) {
				for (int y = 0; y < LP; y++)
					cur[y] = em[y] + tr[L * LP + y];
				continue;
			}
			int32_t *tmp = prev;
			prev = cur;
			cur = tmp;
			/* all labels y at once, over the labels x before: the first x
			 * reaching the maximum wins, as a scan would find it */
			int32_t best[LP], arg[LP];
			for (int y = 0; y < LP; y++) {
				best[y] = prev[0] + tr[y];
				arg[y] = 0;
			}
			for (int x = 1; x < L; x++) {
				const int32_t *tx = tr + x * LP;
				int32_t px = prev[x];
				for (int y = 0; y < LP; y++) {
					int32_t v = px + tx[y];
					int gt = v > best[y];
					best[y] = gt ? v : best[y];
					arg[y] = gt ? x : arg[y];
				}
			}
			for (int y = 0; y < LP; y++) {
				cur[y] = best[y] + em[y];
				back[i][y] = (uint8_t)arg[y];
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
			arg = back[i][arg];
	}
}
