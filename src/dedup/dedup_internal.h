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

#endif
