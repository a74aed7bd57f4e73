/*
 * features.c - hashed features of one token for the sequence labeller.
 *
 * Every feature is a 32-bit hash of (template number, value); the model
 * maps hashes to per-label weights.  Values are precomputed per token by
 * the tokenizer (lower-cased word, core, shape, lexicon bits, structural
 * context), so a feature costs one hash mix.  Changing anything here
 * changes what a trained model means: bump LIT_PFEAT_VERSION.
 */
#include <string.h>
#include "parse_internal.h"

static uint32_t mix(uint32_t tmpl, uint64_t v)
{
	uint64_t h = v ^ ((uint64_t)tmpl * 0x9E3779B97F4A7C15ull);
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	uint32_t r = (uint32_t)h;
	return r ? r : 1;
}

enum {
	F_BIAS = 1, F_LOWER, F_CORE, F_SHAPE, F_EXACT, F_PRE1, F_PRE2, F_PRE3,
	F_SUF1, F_SUF2, F_SUF3, F_CLASS, F_LEX, F_POS, F_RELPOS,
	F_PCORE, F_NCORE, F_P2CORE, F_N2CORE, F_PSHAPE, F_NSHAPE, F_PLEX, F_NLEX,
	F_STRUCT, F_AREA, F_HOST_SHAPE, F_BRACKETS, F_DOC, F_DOC_POS, F_LEN,
	F_NUMCLASS, F_PCORE_CORE, F_PLAST, F_NFIRST, F_CORE_BEFORE, F_RESP_CLASS,
	F_INIT_CTX, F_DOC_SHAPE, F_QUOTE_SHAPE, F_AFTERIN_SHAPE, F_LEX_AREA,
	F_YEAR_SHAPE, F_SEG, F_SEG_SHAPE, F_SEGPOS_CORE, F_N_IN, F_NN_SHAPE,
	F_SENT, F_SENT_SHAPE, F_SFIRST, F_SFIRST_POS, F_SNEXT, F_SLEX, F_SLEN, F_QREL, F_QREL_CORE
};

#define CLASS_BITS (LIT_TF_CYR | LIT_TF_LAT | LIT_TF_CJK | LIT_TF_DIGIT | LIT_TF_UPPER0 | \
                    LIT_TF_ALLCAPS | LIT_TF_INITIAL | LIT_TF_YEAR | LIT_TF_RANGE | LIT_TF_PUNCT | LIT_TF_URL)

static uint64_t numclass(const lit_ptoken *k)
{
	if (!(k->flags & LIT_TF_DIGIT))
		return 0;
	if (k->flags & LIT_TF_RANGE)
		return 1;
	if (k->nletters)
		return 2 + (k->ndigits > 3 ? 1 : 0);
	if (k->flags & LIT_TF_YEAR)
		return k->ndigits == 4 ? 4 : 5;
	if (k->ndigits <= 2)
		return 6;
	if (k->ndigits <= 4)
		return 7;
	return 8;
}

size_t lit_pfeat_token(const lit_ptokens *t, size_t i, uint32_t *out)
{
	const lit_ptoken *k = &t->tok[i];
	const lit_ptoken *p = i > 0 ? &t->tok[i - 1] : NULL;
	const lit_ptoken *p2 = i > 1 ? &t->tok[i - 2] : NULL;
	const lit_ptoken *nx = i + 1 < t->n ? &t->tok[i + 1] : NULL;
	const lit_ptoken *n2 = i + 2 < t->n ? &t->tok[i + 2] : NULL;
	size_t n = 0;
	uint64_t cls = k->flags & CLASS_BITS;

	out[n++] = mix(F_BIAS, 0);
	out[n++] = mix(F_LOWER, k->h_lower);
	out[n++] = mix(F_CORE, k->h_core);
	out[n++] = mix(F_SHAPE, k->h_shape);
	if (k->h_pre[0]) out[n++] = mix(F_PRE1, k->h_pre[0]);
	if (k->h_pre[1]) out[n++] = mix(F_PRE2, k->h_pre[1]);
	if (k->h_pre[2]) out[n++] = mix(F_PRE3, k->h_pre[2]);
	if (k->h_suf[0]) out[n++] = mix(F_SUF1, k->h_suf[0]);
	if (k->h_suf[1]) out[n++] = mix(F_SUF2, k->h_suf[1]);
	if (k->h_suf[2]) out[n++] = mix(F_SUF3, k->h_suf[2]);
	out[n++] = mix(F_CLASS, cls);
	for (uint32_t b = 0, nb = 0; b < 23 && nb < 8; b++)
		if (k->lex & (1u << b)) {
			out[n++] = mix(F_LEX, b);
			nb++;
		}
	out[n++] = mix(F_POS, i < 6 ? i : (i + 1 == t->n ? 99 : 50));
	out[n++] = mix(F_RELPOS, t->n ? (i * 8) / t->n : 0);
	out[n++] = mix(F_PCORE, p ? p->h_core : 1);
	out[n++] = mix(F_NCORE, nx ? nx->h_core : 1);
	out[n++] = mix(F_P2CORE, p2 ? p2->h_core : 1);
	out[n++] = mix(F_N2CORE, n2 ? n2->h_core : 1);
	out[n++] = mix(F_PSHAPE, p ? p->h_shape : 1);
	out[n++] = mix(F_NSHAPE, nx ? nx->h_shape : 1);
	out[n++] = mix(F_PLEX, p ? p->lex : 0xFFFFFFFFu);
	out[n++] = mix(F_NLEX, nx ? nx->lex : 0xFFFFFFFFu);
	out[n++] = mix(F_STRUCT, (uint64_t)k->host | (uint64_t)k->resp << 1 | (uint64_t)k->after_in << 2 |
	                         (uint64_t)(k->area > 3 ? 3 : k->area) << 3);
	out[n++] = mix(F_HOST_SHAPE, k->h_shape ^ ((uint64_t)k->host << 60) ^ ((uint64_t)k->resp << 61));
	out[n++] = mix(F_BRACKETS, k->flags & (LIT_TF_INQUOTE | LIT_TF_INPAREN | LIT_TF_INBRACK));
	{
		uint64_t doc = t->doc_flags & (LIT_TF_CYR | LIT_TF_LAT | LIT_TF_CJK | LIT_DF_SLASHES |
		                               LIT_DF_AREAS | LIT_DF_QUOTES | LIT_DF_LEADNUM);
		out[n++] = mix(F_DOC_POS, doc ^ ((uint64_t)(t->n ? (i * 4) / t->n : 0) << 40));
		out[n++] = mix(F_DOC_SHAPE, k->h_shape ^ (doc << 24));
	}
	out[n++] = mix(F_NUMCLASS, numclass(k) | (uint64_t)(p ? p->lex : 0) << 8);
	out[n++] = mix(F_PCORE_CORE, (p ? p->h_core : 7) * 31 + k->h_core);
	{
		uint64_t pl = p ? (unsigned char)t->text[p->end - 1] : 0;
		uint64_t nf = nx ? (unsigned char)t->text[nx->start] : 0;
		out[n++] = mix(F_PLAST, pl | (uint64_t)(k->flags & LIT_TF_SPACE) << 8);
		out[n++] = mix(F_NFIRST, nf | (uint64_t)(nx ? nx->flags & LIT_TF_SPACE : 2) << 8);
	}
	out[n++] = mix(F_CORE_BEFORE, k->h_core ^ ((uint64_t)k->period_before << 62) ^ ((uint64_t)k->comma_before << 63));
	out[n++] = mix(F_RESP_CLASS, cls | (uint64_t)k->resp << 32 | (uint64_t)k->host << 33 | (uint64_t)k->after_in << 34);
	out[n++] = mix(F_INIT_CTX, (uint64_t)(p ? p->flags & (LIT_TF_INITIAL | LIT_TF_UPPER0) : 1) << 1 |
	                          (uint64_t)(nx ? nx->flags & (LIT_TF_INITIAL | LIT_TF_UPPER0) : 1) << 20 |
	                          (k->flags & (LIT_TF_INITIAL | LIT_TF_UPPER0)));
	out[n++] = mix(F_QUOTE_SHAPE, k->h_shape ^ (uint64_t)(k->flags & (LIT_TF_INQUOTE | LIT_TF_INPAREN)) << 40);
	out[n++] = mix(F_AFTERIN_SHAPE, k->h_shape ^ ((uint64_t)k->after_in << 50) ^ ((uint64_t)(i < 3) << 51));
	out[n++] = mix(F_YEAR_SHAPE, k->h_shape ^ ((uint64_t)k->year_before << 56) ^ ((uint64_t)(i == 0) << 57));
	out[n++] = mix(F_SEG, (uint64_t)k->seg | (uint64_t)k->segpos << 8 | (uint64_t)k->year_before << 16);
	out[n++] = mix(F_SEG_SHAPE, k->h_shape ^ ((uint64_t)k->seg << 48) ^ ((uint64_t)(k->segpos ? 1 : 0) << 56));
	out[n++] = mix(F_SEGPOS_CORE, k->h_core ^ ((uint64_t)(k->segpos > 1 ? 2 : k->segpos) << 58));
	out[n++] = mix(F_N_IN, (uint64_t)(nx ? (nx->lex & (LIT_LEX_IN | LIT_LEX_ED | LIT_LEX_URLW | LIT_LEX_VOL | LIT_LEX_PAGE | LIT_LEX_NUM)) : 1) |
	                       (uint64_t)(unsigned char)t->text[k->end - 1] << 32);
	out[n++] = mix(F_NN_SHAPE, (nx ? nx->h_shape : 3) * 1000003u + (n2 ? n2->h_shape : 5));
	{
		/* the sentence-like segment the token is in */
		uint64_t sl = k->sentlen <= 2 ? k->sentlen : k->sentlen <= 4 ? 3 : k->sentlen <= 8 ? 4 :
		              k->sentlen <= 16 ? 5 : 6;
		uint64_t sent = (uint64_t)k->sent | (uint64_t)k->sentrel << 4;
		out[n++] = mix(F_SENT, sent | (uint64_t)k->sentpos << 8);
		out[n++] = mix(F_SENT_SHAPE, k->h_shape ^ (sent << 48));
		out[n++] = mix(F_SFIRST, k->h_sfirst ^ ((uint64_t)(k->sentpos == 0) << 60));
		out[n++] = mix(F_SFIRST_POS, k->h_sfirst ^ (sent << 52));
		out[n++] = mix(F_SNEXT, k->h_snext ^ ((uint64_t)(k->sentpos == 4) << 60));
		out[n++] = mix(F_SLEX, (uint64_t)k->sentlex | sent << 32);
		out[n++] = mix(F_SLEN, sl | sent << 8 | (uint64_t)(k->flags & LIT_TF_INQUOTE) << 16);
	}
	if (t->doc_flags & LIT_DF_QUOTES) {
		/* before, inside or after the quoted title */
		out[n++] = mix(F_QREL, k->qrel | (uint64_t)(p ? p->qrel : 3) << 4 | (uint64_t)k->sent << 8);
		out[n++] = mix(F_QREL_CORE, k->h_core ^ ((uint64_t)(k->qrel + 1) << 56));
	}
	if (k->lex)
		out[n++] = mix(F_LEX_AREA, k->lex ^ (uint64_t)k->area << 32 ^ (uint64_t)k->host << 40);
	return n;
}
