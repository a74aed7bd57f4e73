/*
 * dedup_internal.h - the pieces of duplicate detection shared between the
 * files of src/dedup/ and the tests: identifier normalisers, the
 * transliteration-proof "skeleton" of names and titles, title tokens and
 * similarity measures.
 */
#ifndef LIT_DEDUP_INTERNAL_H
#define LIT_DEDUP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "litera/record.h"
#include "util/buf.h"

/* ---- identifiers ---------------------------------------------------- */

/* Normalised DOI ("10.1000/abc", lower case, resolver and "doi:" prefixes,
 * percent escapes and trailing punctuation removed) appended to `out`.
 * Returns 1 when `s` holds a DOI, 0 otherwise (nothing appended). */
int lit_dedup_norm_doi(const char *s, lit_buf *out);

/* ISBNs found in `s` (ISBN-10 converted to ISBN-13, hyphens and spaces
 * removed).  Writes up to `max` 13-digit strings (14 bytes each) to
 * `isbns` and returns how many were found. */
size_t lit_dedup_norm_isbn(const char *s, char (*isbns)[14], size_t max);

/* Normalised URL appended to `out`: scheme dropped, host lower-cased
 * without "www." and default port, tracking parameters (utm_*, fbclid,
 * gclid, yclid, mc_cid, mc_eid, _ga) and the fragment removed, trailing
 * slash removed.  A doi.org URL becomes "doi:10...." (the DOI form).
 * Returns 1 on success, 0 when `s` is not a URL. */
int lit_dedup_norm_url(const char *s, lit_buf *out);

/* ---- skeleton --------------------------------------------------------- */

/* Flags on skeleton tokens. */
enum {
	LIT_SKEL_ABBREV = 1,   /* the token was followed by '.' in the text */
	LIT_SKEL_STOP = 2,     /* a function word (the, of, и, в, ...) */
	LIT_SKEL_NUMBER = 4    /* digits only */
};

/* Skeleton of `s`: the tokens of the text (words and numbers) reduced to a
 * form shared by Cyrillic and every common romanisation of it (GOST
 * 7.79-2000 B, BGN/PCGN, ISO 9, Library of Congress, ad-hoc forms), so that
 * "Дьячков", "Dyachkov", "D'yachkov", "D`yachkov", "Diachkov" and "D'âčkov"
 * give the same string.  Tokens are joined by single spaces.  Appended to
 * `out`; returns the number of tokens.  When `main_tokens` is not NULL it
 * receives the number of tokens before the first subtitle separator
 * (':', '.', ';', '?', '!', dash), or the token count if there is none.
 * When `flags` is not NULL it receives LIT_SKEL_* per token (up to
 * `max_flags` tokens). */
size_t lit_dedup_skeleton(const char *s, lit_buf *out, size_t *main_tokens,
                          unsigned char *flags, size_t max_flags);

/* The same tokens in the plain romanisation only (no skeleton rewriting):
 * for container titles, whose abbreviations must stay prefixes or
 * contractions of the full words. */
size_t lit_dedup_plain(const char *s, lit_buf *out, unsigned char *flags, size_t max_flags);

/* Skeleton of a personal name's family part, without spaces (a key). */
void lit_dedup_name_key(const lit_name *n, lit_buf *out);

/* ---- similarity ------------------------------------------------------- */

/* Levenshtein distance between a and b, or limit+1 when larger than
 * `limit` (computed in a band, so the cost is O(len * limit)). */
size_t lit_dedup_edit_distance(const char *a, size_t alen, const char *b,
                               size_t blen, size_t limit);

/* Whether the edit distance of a and b is at most lim (with cheap
 * length and letter-set filters first). */
int lit_dedup_within(const char *a, size_t la, const char *b, size_t lb, size_t lim);
/* The letter-set mask used by lit_dedup_within(). */
uint64_t lit_dedup_char_mask(const char *s, size_t n);
int lit_dedup_popcount(uint64_t x);

/* A tokenised title: skeleton text plus token offsets. */
typedef struct lit_dedup_tokens {
	const char *text;        /* skeleton, tokens joined by spaces */
	const uint32_t *off;     /* token start offsets into text */
	const uint8_t *len;      /* token lengths */
	const uint8_t *flags;    /* LIT_SKEL_* */
	const uint32_t *hash;    /* token hashes */
	size_t n;                /* token count */
	size_t main_n;           /* tokens of the main title (before a subtitle) */
} lit_dedup_tokens;

/* Similarity of two titles in [0, 1]: matched tokens (exact, one typo, or
 * an abbreviation that is a prefix) over all tokens, allowing one title to
 * lack the other's subtitle, and an edit-distance similarity of the whole
 * skeleton for split or joined words.  Function words count less. */
double lit_dedup_title_sim(const lit_dedup_tokens *a, const lit_dedup_tokens *b);

/* Whether every token of the shorter container title matches (as an
 * abbreviation prefix or exactly) a token of the longer, in order: "J.
 * Comput. Phys." and "Journal of Computational Physics".  Returns a
 * similarity in [0, 1]. */
double lit_dedup_container_sim(const lit_dedup_tokens *a, const lit_dedup_tokens *b);

/* 32-bit FNV-1a hash. */
uint32_t lit_dedup_hash32(const char *s, size_t len);
/* 64-bit FNV-1a hash, continuing from `h` (start with LIT_DEDUP_HASH64_INIT). */
#define LIT_DEDUP_HASH64_INIT 0xcbf29ce484222325ULL
uint64_t lit_dedup_hash64(uint64_t h, const char *s, size_t len);

/* First integer in `s` (Arabic or Roman numeral, or an English/Russian
 * ordinal word such as "second" / "второе"); -1 when none. */
long lit_dedup_first_number(const char *s);
/* Page range of `s` ("123-130", "С. 45–67", "e1234"): first and last page
 * (last = first when single).  Returns 0 when no page number is found. */
int lit_dedup_pages(const char *s, long *first, long *last);

/* ---- per-record features (features.c) -------------------------------- */

/* Compact features of one record, pointing into the store's arrays
 * (members ordered by size, so the struct has no padding: 128 bytes). */
typedef struct lit_dedup_feat {
	/* the first author and a summary of all, so that most comparisons
	 * touch nothing but this struct */
	uint64_t a1_mask;    /* letters of the first author's key */
	uint64_t a_bloom;    /* one bit per author key hash */
	uint64_t title_prefix; /* first 8 bytes of the title skeleton, big-endian */
	uint64_t title_bloom;  /* one bit per title word (not function words) */
	uint32_t title;      /* arena offset of the title skeleton (0 = none) */
	uint32_t tok;        /* first title token */
	uint32_t cont;       /* first container token (plain romanisation) */
	uint32_t ctext;      /* arena offset of the container's plain text */
	uint32_t auth;       /* first author key */
	uint32_t doi;        /* arena offset of the normalised DOI (0 = none) */
	uint32_t url;        /* arena offset of the normalised URL (0 = none) */
	uint32_t isbn;       /* first ISBN in the store's ISBN array */
	uint32_t title_hash; /* hash of the whole title skeleton (0 = none) */
	uint32_t main_hash;  /* hash of the main title (before a subtitle) */
	uint32_t cont_hash;  /* hash of the container title's skeleton (0 = none) */
	uint32_t orig_hash;  /* hash of the original-title skeleton (0 = none) */
	uint32_t orig_main_hash;
	uint32_t doi_hash;
	uint32_t a1_hash;
	int32_t volume, edition, chapter, page_first, page_last; /* -1 / 0 unknown */
	int16_t year;        /* 0 = unknown */
	uint16_t lang;       /* two lower-case letters, 0 = unknown */
	uint8_t a1_len, a1_init;
	uint8_t ntok, main_n, ncont, nauth, nisbn;
	uint8_t type;        /* lit_type */
	uint8_t translated;  /* has translator / original-title / original-author */
	uint8_t etal;        /* the author list ends in "and others" */
} lit_dedup_feat;

/* Features of every record of a list. */
typedef struct lit_dedup_store {
	size_t n;
	lit_dedup_feat *f;
	lit_buf arena;       /* NUL-terminated texts; offset 0 is a dummy */
	uint32_t *tok_off;   /* token offset relative to its text */
	uint8_t *tok_len, *tok_flags;
	uint32_t *tok_hash;
	size_t ntoks, captoks;
	uint32_t *auth_off;  /* arena offset of an author key */
	uint8_t *auth_len;
	uint8_t *auth_init;  /* first letter of the given name's skeleton, 0 unknown */
	uint32_t *auth_hash;
	size_t nauths, capauths;
	char (*isbns)[14];
	size_t nisbns, capisbns;
	struct lit_dedup_intern *intern; /* texts seen recently (while building) */
} lit_dedup_store;

/* Compute the features of every record.  LIT_OK or LIT_ENOMEM. */
int lit_dedup_store_build(lit_dedup_store *st, const lit_records *recs);
void lit_dedup_store_free(lit_dedup_store *st);

/* Title (kind 0), container (kind 1) tokens of record i as a view. */
void lit_dedup_store_tokens(const lit_dedup_store *st, size_t i, int kind, lit_dedup_tokens *out);

/* Why two records were found to be one work (or related). */
enum {
	LIT_DEDUP_WHY_NONE = 0,
	LIT_DEDUP_WHY_DOI,
	LIT_DEDUP_WHY_ISBN,
	LIT_DEDUP_WHY_URL,
	LIT_DEDUP_WHY_SCORE,
	LIT_DEDUP_WHY_ORIGINAL_TITLE, /* related: one is a translation of the other */
	LIT_DEDUP_WHY_LANGUAGE        /* related: same work in another language */
};

/* Agreement bits of a scored comparison (for the report). */
enum {
	LIT_DEDUP_AGREE_AUTHOR = 1,
	LIT_DEDUP_AGREE_YEAR = 2,
	LIT_DEDUP_AGREE_CONTAINER = 4,
	LIT_DEDUP_AGREE_VOLUME = 8,
	LIT_DEDUP_AGREE_PAGES = 16,
	LIT_DEDUP_AGREE_REORDERED = 32  /* authors match, in another order */
};

typedef struct lit_dedup_verdict {
	int kind;         /* 0 different, 1 same work, 2 related */
	int why;          /* LIT_DEDUP_WHY_* */
	float score;      /* combined score (1 for identifier matches) */
	float title;      /* title similarity */
	unsigned agree;   /* LIT_DEDUP_AGREE_* */
} lit_dedup_verdict;

/* Compare records i and j. */
void lit_dedup_compare(const lit_dedup_store *st, size_t i, size_t j, double threshold,
                       lit_dedup_verdict *v);

/* Whether two records may not be in one cluster whatever their score:
 * different volumes, editions, chapters, pages, years more than one apart,
 * a part and its whole.  Exposed for the cluster guard. */
int lit_dedup_apart(const lit_dedup_feat *a, const lit_dedup_feat *b);

/* ---- merging (merge.c) ------------------------------------------------ */

/* Merge the n members of a cluster into members[0] (changed in place;
 * the others are not changed).  LIT_OK, LIT_EINVAL or LIT_ENOMEM (then
 * members[0] may hold part of the merge, but is a valid record). */
int lit_dedup_merge(lit_record *const *members, size_t n);

#endif
