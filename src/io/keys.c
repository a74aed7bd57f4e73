/*
 * keys.c - citation keys for formats that need them (BibTeX, CSL-JSON ids).
 *
 * Scheme (documented in docs/keys.md): first author's family name (or
 * editor's, or the organisation's first word), the year, and the first
 * significant word of the title, each transliterated from Cyrillic by GOST
 * 7.79-2000 system B without apostrophes, lower-cased, reduced to [a-z0-9]:
 * "Забровская 2025 Сближение России..." -> "zabrovskaya2025sblizhenie".
 * Duplicates get "a", "b", ... appended in input order (the first keeps the
 * bare key).  With keep_ids, an existing id is kept when it is a valid key
 * (no spaces, commas, braces, quotes, '#', '%') and unique in the list.
 */
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "util/buf.h"
#include "util/utf8.h"

static const char *const stopwords[] = {
	"a", "an", "the", "on", "of", "in", "and", "to", "for", "from", "at", "by", "with",
	"der", "die", "das", "le", "la", "les", "el", "un", "une",
	"i", "v", "vo", "na", "o", "ob", "k", "ko", "po", "s", "so", "dlya", "ot", "iz", "za", "pri", "u",
	NULL
};

/* Append the ASCII letters/digits of a transliterated word, lowercased. */
static size_t put_word(lit_buf *b, const char *s, size_t len, size_t maxchars)
{
	char *t = lit_translit(s, len, 1);
	size_t n = 0;
	if (!t)
		return 0;
	for (char *p = t; *p && n < maxchars; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			lit_buf_putc(b, c);
			n++;
		}
	}
	free(t);
	return n;
}

static int is_stop(const char *w, size_t n)
{
	for (size_t i = 0; stopwords[i]; i++)
		if (strlen(stopwords[i]) == n && memcmp(stopwords[i], w, n) == 0)
			return 1;
	return 0;
}

static void put_title_word(lit_buf *b, const char *title)
{
	/* transliterate the whole title, then take the first non-stop word */
	char *t = lit_translit(title, strlen(title), 1);
	if (!t)
		return;
	const char *p = t;
	while (*p) {
		while (*p && !((*p | 32) >= 'a' && (*p | 32) <= 'z') && !(*p >= '0' && *p <= '9'))
			p++;
		const char *s = p;
		char word[64];
		size_t n = 0;
		while (*p && (((*p | 32) >= 'a' && (*p | 32) <= 'z') || (*p >= '0' && *p <= '9'))) {
			if (n < sizeof word - 1)
				word[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
			p++;
		}
		word[n] = '\0';
		if (p > s && !is_stop(word, n)) {
			lit_buf_puts(b, word);
			break;
		}
	}
	free(t);
}

static char *base_key(const lit_record *r)
{
	lit_buf b = LIT_BUF_INIT;
	const lit_name *n = lit_record_name(r, LIT_VAR_AUTHOR, 0);
	if (!n)
		n = lit_record_name(r, LIT_VAR_EDITOR, 0);
	if (n) {
		const char *fam = n->family ? n->family : n->literal;
		if (fam) {
			size_t len = strlen(fam);
			if (!n->family) { /* organisation: its first word */
				const char *sp = strchr(fam, ' ');
				if (sp)
					len = (size_t)(sp - fam);
			}
			put_word(&b, fam, len, 24);
		}
	}
	const lit_date *d = lit_record_date(r, LIT_VAR_ISSUED);
	if (d && d->year > 0)
		lit_buf_printf(&b, "%d", d->year);
	const char *title = lit_record_get(r, LIT_VAR_TITLE);
	if (title)
		put_title_word(&b, title);
	if (b.len == 0)
		lit_buf_puts(&b, "ref");
	return lit_buf_detach(&b, NULL);
}

static int valid_key(const char *id)
{
	if (!id || !*id)
		return 0;
	for (const char *p = id; *p; p++)
		if (strchr(" \t\n\r,{}\"'#%()=\\~", *p))
			return 0;
	return 1;
}

/* A set of taken keys: open addressing over indexes into `keys`. */
typedef struct keyset { char **keys; size_t *slots; size_t cap; } keyset;

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static int key_taken(const keyset *ks, const char *k)
{
	for (size_t h = hash_str(k) & (ks->cap - 1);; h = (h + 1) & (ks->cap - 1)) {
		size_t v = ks->slots[h];
		if (!v)
			return 0;
		if (strcmp(ks->keys[v - 1], k) == 0)
			return 1;
	}
}

static void key_add(keyset *ks, size_t i)
{
	size_t h = hash_str(ks->keys[i]) & (ks->cap - 1);
	while (ks->slots[h])
		h = (h + 1) & (ks->cap - 1);
	ks->slots[h] = i + 1;
}

/* Next suffix to try for each colliding base key, so that n records with
 * one base key cost O(n), not O(n^2). */
typedef struct suffixes { char **base; unsigned long *next; size_t cap, n; } suffixes;

static unsigned long *suffix_slot(suffixes *sf, const char *base)
{
	if (!sf->base) {
		sf->cap = 64;
		sf->base = calloc(sf->cap, sizeof *sf->base);
		sf->next = calloc(sf->cap, sizeof *sf->next);
		if (!sf->base || !sf->next)
			return NULL;
	}
	if (2 * (sf->n + 1) > sf->cap) {
		suffixes g = { calloc(sf->cap * 2, sizeof(char *)), calloc(sf->cap * 2, sizeof(unsigned long)), sf->cap * 2, sf->n };
		if (!g.base || !g.next) {
			free(g.base);
			free(g.next);
			return NULL;
		}
		for (size_t i = 0; i < sf->cap; i++) {
			if (!sf->base[i])
				continue;
			size_t h = hash_str(sf->base[i]) & (g.cap - 1);
			while (g.base[h])
				h = (h + 1) & (g.cap - 1);
			g.base[h] = sf->base[i];
			g.next[h] = sf->next[i];
		}
		free(sf->base);
		free(sf->next);
		*sf = g;
	}
	size_t h = hash_str(base) & (sf->cap - 1);
	while (sf->base[h] && strcmp(sf->base[h], base) != 0)
		h = (h + 1) & (sf->cap - 1);
	if (!sf->base[h]) {
		if (!(sf->base[h] = strdup(base)))
			return NULL;
		sf->n++;
	}
	return &sf->next[h];
}

static void suffixes_free(suffixes *sf)
{
	for (size_t i = 0; i < sf->cap; i++)
		free(sf->base[i]);
	free(sf->base);
	free(sf->next);
}

char **lit_make_keys(const lit_records *records, int keep_ids)
{
	suffixes sf = { NULL, NULL, 0, 0 };
	size_t n = lit_records_count(records);
	char **keys = calloc(n ? n : 1, sizeof *keys);
	keyset ks = { keys, NULL, 16 };
	while (ks.cap < 2 * n + 2)
		ks.cap *= 2;
	ks.slots = calloc(ks.cap, sizeof *ks.slots);
	if (!keys || !ks.slots)
		goto fail;
	/* pass 1: kept ids (unique among themselves) */
	if (keep_ids) {
		for (size_t i = 0; i < n; i++) {
			const char *id = lit_record_id(lit_records_at(records, i));
			if (valid_key(id) && !key_taken(&ks, id)) {
				if (!(keys[i] = strdup(id)))
					goto fail;
				key_add(&ks, i);
			}
		}
	}
	/* pass 2: generated keys for the rest */
	for (size_t i = 0; i < n; i++) {
		if (keys[i])
			continue;
		char *base = base_key(lit_records_at(records, i));
		if (!base)
			goto fail;
		if (key_taken(&ks, base)) {
			size_t bl = strlen(base);
			char *k = malloc(bl + 24);
			if (!k) {
				free(base);
				goto fail;
			}
			unsigned long *next = suffix_slot(&sf, base);
			if (!next) {
				free(k);
				free(base);
				goto fail;
			}
			for (unsigned long s = *next;; s++) {
				memcpy(k, base, bl);
				if (s < 26)
					snprintf(k + bl, 24, "%c", (char)('a' + s));
				else if (s < 26 * 27)
					snprintf(k + bl, 24, "%c%c", (char)('a' + s / 26 - 1), (char)('a' + s % 26));
				else
					snprintf(k + bl, 24, "%lu", s);
				if (!key_taken(&ks, k)) {
					*next = s + 1;
					break;
				}
			}
			free(base);
			base = k;
		}
		keys[i] = base;
		key_add(&ks, i);
	}
	free(ks.slots);
	suffixes_free(&sf);
	return keys;
fail:
	free(ks.slots);
	suffixes_free(&sf);
	lit_keys_free(keys, n);
	return NULL;
}

void lit_keys_free(char **keys, size_t count)
{
	if (!keys)
		return;
	for (size_t i = 0; i < count; i++)
		free(keys[i]);
	free(keys);
}
