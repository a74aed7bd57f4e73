/*
 * cleanup.c - the clean-up rules for text extracted from PDF and Markdown:
 * line-break hyphenation (ASCII hyphen, U+2010, soft hyphen U+00AD and
 * U+FFFD standing for a lost soft hyphen) repaired while real compounds
 * keep their hyphen, URLs and DOIs split over lines rejoined exactly,
 * footnote markers recognised (superscripts, digits glued to words),
 * Markdown wrappers unwrapped for the parser, and the small classifiers the
 * segmenter needs (headings, bibliographic evidence, repeats).
 *
 * All functions work on UTF-8 bytes in one pass and allocate only through
 * lit_buf (bounded) or the vocabulary table (bounded by the text).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

/* ------------------------------------------------------------------
 * Code points
 * ---------------------------------------------------------------- */

uint32_t lit_xcp(const char *s, size_t len, size_t *adv)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len == 0) {
		*adv = 0;
		return 0;
	}
	unsigned c = p[0];
	if (c < 0x80) {
		*adv = 1;
		return c;
	}
	size_t n;
	uint32_t cp;
	if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
	else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
	else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
	else { *adv = 1; return 0xFFFD; }
	if (n > len) { *adv = 1; return 0xFFFD; }
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80) { *adv = 1; return 0xFFFD; }
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	*adv = n;
	return cp;
}

uint32_t lit_xcp_before(const char *s, size_t end, size_t *start)
{
	if (end == 0) {
		*start = 0;
		return 0;
	}
	size_t i = end - 1;
	size_t lim = end >= 4 ? end - 4 : 0;
	while (i > lim && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	size_t adv;
	uint32_t cp = lit_xcp(s + i, end - i, &adv);
	if (i + adv != end) {
		/* invalid sequence: step back one byte */
		*start = end - 1;
		return 0xFFFD;
	}
	*start = i;
	return cp;
}

int lit_xcp_cyr(uint32_t cp)
{
	return (cp >= 0x400 && cp <= 0x4FF);
}

int lit_xcp_lower(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z') return 1;
	if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) return 1;
	if (cp >= 0x430 && cp <= 0x45F) return 1;
	if (cp >= 0x3B1 && cp <= 0x3C9) return 1;
	if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 1;
	return 0;
}

int lit_xcp_upper(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z') return 1;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return 1;
	if (cp >= 0x400 && cp <= 0x42F) return 1;
	if (cp >= 0x391 && cp <= 0x3A9) return 1;
	if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 0;
	return 0;
}

int lit_xcp_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp == 0xAD || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
		return 0;
	if (cp < 0xC0)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp >= 0x2000 && cp <= 0x2BFF) return 0;  /* punctuation, symbols */
	if (cp >= 0x3000 && cp <= 0x303F) return 0;  /* CJK punctuation */
	if (cp >= 0xFE00 && cp <= 0xFE6F) return 0;
	if (cp >= 0xFF00 && cp <= 0xFF20) return 0;
	return 1;
}

int lit_xcp_supdigit(uint32_t cp)
{
	switch (cp) {
	case 0x2070: return 0;
	case 0xB9: return 1;
	case 0xB2: return 2;
	case 0xB3: return 3;
	default:
		if (cp >= 0x2074 && cp <= 0x2079)
			return (int)(cp - 0x2070);
		return -1;
	}
}

static int is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000 || cp == '\r' ||
	       cp == '\n' || cp == '\f' || cp == '\v';
}

static int is_hyphen_cp(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0xAD || cp == 0xFFFD || cp == 0x2011;
}

/* ------------------------------------------------------------------
 * Vocabulary (for the compound-or-hyphenation decision)
 * ---------------------------------------------------------------- */

/* FNV-1a over the bytes with ASCII, Latin-1 and Cyrillic capitals folded
 * to small letters byte by byte (no decoding: this runs over every word). */
static uint64_t hash_word(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c >= 'A' && c <= 'Z') {
			c += 32;
		} else if ((c == 0xD0 || c == 0xC3) && i + 1 < n) {
			unsigned d = s[i + 1];
			if (c == 0xC3) {
				if (d >= 0x80 && d <= 0x9E && d != 0x97)
					d += 0x20;
			} else if (d >= 0x90 && d <= 0x9F) {
				d += 0x20;            /* А-П -> а-п */
			} else if (d >= 0xA0 && d <= 0xAF) {
				c = 0xD1;             /* Р-Я -> р-я */
				d -= 0x20;
			} else if (d >= 0x80 && d <= 0x8F) {
				c = 0xD1;             /* Ѐ-Џ (Ё) -> ѐ-џ (ё) */
				d += 0x10;
			}
			h ^= c;
			h *= 1099511628211ULL;
			c = d;
			i++;
		}
		h ^= c;
		h *= 1099511628211ULL;
	}
	return h ? h : 1;
}

/* Byte length of the letter at s[i] (0 if not a letter), by the lead
 * byte only: ASCII letters, two-byte letters (Latin, Greek, Cyrillic),
 * three-byte scripts from U+3040 (CJK, Hangul), never punctuation. */
static size_t letter_len(const unsigned char *s, size_t n, size_t i)
{
	unsigned c = s[i];
	if (c < 0x80)
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 1 : 0;
	if (c >= 0xC3 && c <= 0xDF)
		return i + 1 < n ? 2 : 0;
	if (c >= 0xE3 && c <= 0xEE)
		return i + 2 < n ? 3 : 0;
	return 0;
}

/* Hyphen at s[i] joining two word parts: its byte length, or 0. */
static size_t inner_hyphen(const unsigned char *s, size_t n, size_t i)
{
	if (s[i] == '-')
		return 1;
	if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x90 || s[i + 2] == 0x91))
		return 3;
	if (s[i] == 0xEF && i + 2 < n && s[i + 1] == 0xBF && s[i + 2] == 0xBD)
		return 3;
	return 0;
}

void lit_xvocab_init(lit_xvocab *v, const char *text, size_t len)
{
	memset(v, 0, sizeof *v);
	v->text = text;
	v->len = len;
}

void lit_xvocab_free(lit_xvocab *v)
{
	free(v->keys);
	free(v->counts);
	free(v->hyph);
	memset(v, 0, sizeof *v);
}

/* Grow the table to twice its size (load kept under one half). */
static int vocab_grow(lit_xvocab *v)
{
	size_t cap = v->cap ? v->cap * 2 : 4096;
	if (cap > ((size_t)1 << 26))
		return -1;
	uint64_t *keys = calloc(cap, sizeof *keys);
	uint32_t *counts = calloc(cap, sizeof *counts);
	uint8_t *hyph = calloc(cap, 1);
	if (!keys || !counts || !hyph) {
		free(keys);
		free(counts);
		free(hyph);
		return -1;
	}
	for (size_t i = 0; i < v->cap; i++) {
		if (!v->keys[i])
			continue;
		size_t j = (size_t)v->keys[i] & (cap - 1);
		while (keys[j])
			j = (j + 1) & (cap - 1);
		keys[j] = v->keys[i];
		counts[j] = v->counts[i];
		hyph[j] = v->hyph[i];
	}
	free(v->keys);
	free(v->counts);
	free(v->hyph);
	v->keys = keys;
	v->counts = counts;
	v->hyph = hyph;
	v->cap = cap;
	return 0;
}

static int vocab_insert(lit_xvocab *v, uint64_t h, int hyph)
{
	if (v->used * 2 >= v->cap && vocab_grow(v))
		return -1;
	size_t mask = v->cap - 1, i = (size_t)h & mask;
	while (v->keys[i] && v->keys[i] != h)
		i = (i + 1) & mask;
	if (!v->keys[i]) {
		v->keys[i] = h;
		v->counts[i] = 0;
		v->used++;
	}
	if (v->counts[i] < UINT32_MAX)
		v->counts[i]++;
	if (hyph)
		v->hyph[i] = 1;
	return 0;
}

static void vocab_build(lit_xvocab *v)
{
	v->built = 1;
	if (vocab_grow(v))
		return;
	const unsigned char *s = (const unsigned char *)v->text;
	size_t n = v->len, i = 0, k;
	while (i < n) {
		if (!(k = letter_len(s, n, i))) {
			i++;
			continue;
		}
		/* a word: letters, possibly joined by single inner hyphens */
		size_t ws = i, we, part = i;
		int hyph = 0, full = 0;
		for (;;) {
			while (i < n && (k = letter_len(s, n, i)))
				i += k;
			we = i;
			size_t hl;
			if (i < n && (hl = inner_hyphen(s, n, i)) && i + hl < n && letter_len(s, n, i + hl)) {
				/* count the part before the hyphen as a word too */
				if (vocab_insert(v, hash_word((const char *)s + part, we - part), 0))
					full = 1;
				hyph = 1;
				i += hl;
				part = i;
				continue;
			}
			break;
		}
		if (hyph && vocab_insert(v, hash_word((const char *)s + part, we - part), 0))
			full = 1;
		if (vocab_insert(v, hash_word((const char *)s + ws, we - ws), hyph) || full)
			break;   /* table at its limit: what was counted still helps */
	}
}

static size_t vocab_slot(lit_xvocab *v, const char *s, size_t n)
{
	if (!v->built)
		vocab_build(v);
	if (!v->cap)
		return (size_t)-1;
	uint64_t h = hash_word(s, n);
	size_t mask = v->cap - 1, i = (size_t)h & mask;
	while (v->keys[i]) {
		if (v->keys[i] == h)
			return i;
		i = (i + 1) & mask;
	}
	return (size_t)-1;
}

unsigned lit_xvocab_count(lit_xvocab *v, const char *s, size_t n)
{
	size_t i = vocab_slot(v, s, n);
	return i == (size_t)-1 ? 0 : v->counts[i];
}

/* ------------------------------------------------------------------
 * URLs split over lines
 * ---------------------------------------------------------------- */

static int has_cyrillic(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xD0 || (unsigned char)s[i] == 0xD1)
			return 1;
	return 0;
}

static int mem_has(const char *s, size_t n, const char *pat)
{
	size_t m = strlen(pat);
	if (m > n)
		return 0;
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(s + i, pat, m) == 0)
			return 1;
	return 0;
}

/* Is the token a URL or DOI (possibly inside <...> or (...))? */
static int token_is_url(const char *t, size_t n)
{
	while (n && (*t == '<' || *t == '(' || *t == '[')) {
		t++;
		n--;
	}
	if (mem_has(t, n, "://") || (n > 4 && memcmp(t, "www.", 4) == 0) ||
	    (n > 4 && memcmp(t, "doi:", 4) == 0))
		return 1;
	/* bare DOI 10.NNNN/... */
	if (n > 8 && t[0] == '1' && t[1] == '0' && t[2] == '.') {
		size_t i = 3;
		while (i < n && t[i] >= '0' && t[i] <= '9')
			i++;
		return i >= 7 && i < n && t[i] == '/';
	}
	return 0;
}

int lit_xurl_continues(const char *s, size_t slen, const char *t, size_t tlen)
{
	/* last token of s */
	size_t e = slen;
	while (e && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	size_t b = e;
	while (b && s[b - 1] != ' ' && s[b - 1] != '\t' && s[b - 1] != '\n')
		b--;
	if (b == e || tlen == 0)
		return 0;
	const char *tok = s + b;
	size_t tn = e - b;
	if (!token_is_url(tok, tn))
		return 0;
	/* closed forms end the URL */
	char last = tok[tn - 1];
	if (last == '>' || last == ')' || last == ']' || last == ',' || last == ';')
		return 0;
	/* the next token */
	size_t k = 0;
	while (k < tlen && t[k] != ' ' && t[k] != '\t')
		k++;
	const char *nx = t;
	size_t nn = k;
	if (has_cyrillic(nx, nn))
		return 0;
	unsigned char c0 = (unsigned char)nx[0];
	if (c0 == '(' || c0 == '[' || c0 == '<' || c0 == '"' || c0 == '\'' || c0 >= 0x80)
		return 0;
	if (tn >= 3 && memcmp(tok + tn - 3, "://", 3) == 0)
		return 1;
	if (last == '/' || last == '-' || last == '_' || last == '=' || last == '?' ||
	    last == '&' || last == '%' || last == '#' || last == '~')
		return 1;
	/* a DOI cut after one of its inner dots ("10.1080/1088937X.2022." +
	 * "2034567"): the rest is letters and digits */
	if (last == '.' && (mem_has(tok, tn, "doi") || (tn > 3 && tok[0] == '1' && tok[1] == '0' &&
	                                               tok[2] == '.'))) {
		size_t q = 0;
		while (q < nn && ((nx[q] >= '0' && nx[q] <= '9') || (nx[q] >= 'A' && nx[q] <= 'Z') ||
		                  (nx[q] >= 'a' && nx[q] <= 'z')))
			q++;
		if (q > 0 && (q == nn || (q + 1 == nn && nx[q] == '.')) &&
		    nx[0] >= '0' && nx[0] <= '9')
			return 1;
	}
	/* the token must look like the rest of a URL: an inner URL character */
	for (size_t i = 0; i + 1 < nn; i++) {
		char c = nx[i];
		if (c == '/' || c == '.' || c == '-' || c == '_' || c == '=' || c == '?' ||
		    c == '&' || c == '%' || c == '#')
			return i > 0 || c != '.';
	}
	/* a closing '>' of <url> at its end also marks a continuation */
	if (nn >= 2 && (nx[nn - 1] == '>' || (nn >= 3 && nx[nn - 2] == '>')) && tok[0] == '<')
		return 1;
	return 0;
}

/* ------------------------------------------------------------------
 * Joining lines
 * ---------------------------------------------------------------- */

/* Common first parts of Russian compound adjectives. */
static const char *const compound_heads[] = {
	"российско", "русско", "советско", "северо", "юго", "западно", "восточно",
	"военно", "научно", "социально", "политико", "экономико", "торгово",
	"финансово", "культурно", "историко", "общественно", "государственно",
	"историко", "технико", "организационно", "информационно", "национально",
	"международно", "историко", "литературно", "художественно", "учебно",
	"естественно", "административно", "нормативно", "правово", "морально",
	"духовно", "идейно", "медико", "физико", "химико", "китайско",
	"американо", "англо", "франко", "германо", "японо", "индо", "афро",
	"евро", "корейско", "северокорейско", "южнокорейско", "сино", "ирано",
	NULL
};

static int is_compound_head(const char *s, size_t n)
{
	for (size_t i = 0; compound_heads[i]; i++) {
		size_t m = strlen(compound_heads[i]);
		if (m == n && memcmp(compound_heads[i], s, n) == 0)
			return 1;
	}
	return 0;
}

static int all_upper(const char *s, size_t n)
{
	size_t i = 0, adv;
	int k = 0;
	while (i < n) {
		uint32_t cp = lit_xcp(s + i, n - i, &adv);
		if (lit_xcp_letter(cp) && !lit_xcp_upper(cp))
			return 0;
		if (lit_xcp_letter(cp))
			k++;
		i += adv;
	}
	return k >= 2;
}

/* Lower-case Cyrillic/Latin copy (for the built-in list). */
static size_t lower_copy(char *dst, size_t cap, const char *s, size_t n)
{
	size_t o = 0, i = 0, adv;
	while (i < n && o + 4 < cap) {
		uint32_t cp = lit_xcp(s + i, n - i, &adv);
		if (cp >= 'A' && cp <= 'Z') cp += 32;
		else if (cp >= 0x410 && cp <= 0x42F) cp += 32;
		if (cp < 0x80) dst[o++] = (char)cp;
		else if (cp < 0x800) {
			dst[o++] = (char)(0xC0 | (cp >> 6));
			dst[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			dst[o++] = (char)(0xE0 | (cp >> 12));
			dst[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			dst[o++] = (char)(0x80 | (cp & 0x3F));
		}
		i += adv;
	}
	dst[o] = 0;
	return o;
}

/*
 * Decide what a hyphen `hy` at a line end between word part A and word
 * part B means.  Returns LIT_XJ_JOIN (hyphenation: drop it) or
 * LIT_XJ_KEEP (a real compound: keep it, no space).
 */
static int hyphen_decision(uint32_t hy, const char *a, size_t an, const char *b,
                           size_t bn, lit_xvocab *vocab)
{
	if (hy == 0xAD)
		return LIT_XJ_JOIN;
	if (bn == 0)
		return LIT_XJ_KEEP;
	size_t adv;
	uint32_t b0 = lit_xcp(b, bn, &adv);
	if (!lit_xcp_letter(b0) || lit_xcp_upper(b0))
		return LIT_XJ_KEEP;    /* "COVID-19", "МГИМО-Университет", "Russia-North" */
	if (an == 0)
		return LIT_XJ_KEEP;
	size_t st;
	uint32_t alast = lit_xcp_before(a, an, &st);
	if (!lit_xcp_letter(alast))
		return LIT_XJ_KEEP;
	if (all_upper(a, an))
		return LIT_XJ_KEEP;    /* "IT-компания" */
	if (hy == 0xFFFD)
		return LIT_XJ_JOIN;    /* the PDF lost the soft hyphen */
	if (vocab) {
		/* the document itself says which form it uses */
		char tmp[256];
		if (an + bn + 1 < sizeof tmp) {
			memcpy(tmp, a, an);
			memcpy(tmp + an, b, bn);
			unsigned joined = lit_xvocab_count(vocab, tmp, an + bn);
			tmp[an] = '-';
			memcpy(tmp + an + 1, b, bn);
			size_t slot = vocab_slot(vocab, tmp, an + bn + 1);
			unsigned hyph = slot != (size_t)-1 ? vocab->counts[slot] : 0;
			if (hyph > joined)
				return LIT_XJ_KEEP;
			if (joined > 0)
				return LIT_XJ_JOIN;
		}
	}
	/* Russian compound adjectives: "российско-северокорейский" */
	if (lit_xcp_cyr(alast)) {
		char low[128];
		size_t ln = lower_copy(low, sizeof low, a, an);
		if (is_compound_head(low, ln))
			return LIT_XJ_KEEP;
		int ends_oe = (alast == 0x43E || alast == 0x435);  /* о, е */
		size_t chars = 0, i = 0;
		while (i < an) { lit_xcp(a + i, an - i, &adv); i += adv; chars++; }
		if (ends_oe && chars >= 5 && vocab && bn >= 8 &&
		    lit_xvocab_count(vocab, b, bn) > 0)
			return LIT_XJ_KEEP;
	}
	return LIT_XJ_JOIN;
}

int lit_xjoin_line(lit_buf *out, const char *next, size_t nlen, lit_xvocab *vocab)
{
	while (nlen && (next[0] == ' ' || next[0] == '\t')) {
		next++;
		nlen--;
	}
	while (nlen && (next[nlen - 1] == ' ' || next[nlen - 1] == '\t' || next[nlen - 1] == '\r'))
		nlen--;
	/* trim the end of out */
	while (out->len && (out->ptr[out->len - 1] == ' ' || out->ptr[out->len - 1] == '\t'))
		out->len--;
	if (out->ptr)
		out->ptr[out->len] = 0;
	if (out->len == 0) {
		lit_buf_put(out, next, nlen);
		return LIT_XJ_SPACE;
	}
	if (nlen == 0)
		return LIT_XJ_SPACE;
	if (lit_xurl_continues(out->ptr, out->len, next, nlen)) {
		lit_buf_put(out, next, nlen);
		return LIT_XJ_URL;
	}
	size_t hs;
	uint32_t hy = lit_xcp_before(out->ptr, out->len, &hs);
	if ((hy == '-' || hy == 0x2013 || hy == 0x2014) && hs > 0 && out->ptr[hs - 1] >= '0' &&
	    out->ptr[hs - 1] <= '9' && next[0] >= '0' && next[0] <= '9') {
		/* a range cut after its dash: "С. 112–" + "121." */
		lit_buf_put(out, next, nlen);
		return LIT_XJ_KEEP;
	}
	if (is_hyphen_cp(hy) && hs > 0) {
		/* word part before the hyphen */
		size_t ae = hs, as = hs, st;
		while (as > 0) {
			uint32_t cp = lit_xcp_before(out->ptr, as, &st);
			if (!lit_xcp_letter(cp))
				break;
			as = st;
		}
		if (as < ae) {
			size_t be = 0, adv;
			while (be < nlen) {
				uint32_t cp = lit_xcp(next + be, nlen - be, &adv);
				if (!lit_xcp_letter(cp))
					break;
				be += adv;
			}
			/* a digit right after keeps the hyphen too */
			int d = hyphen_decision(hy, out->ptr + as, ae - as, next,
			                        be ? be : (nlen ? 1 : 0), vocab);
			if (be == 0 && nlen && !(next[0] >= '0' && next[0] <= '9'))
				d = LIT_XJ_KEEP;
			if (d == LIT_XJ_JOIN) {
				out->len = hs;
				out->ptr[out->len] = 0;
			}
			lit_buf_put(out, next, nlen);
			return d;
		}
	}
	lit_buf_putc(out, ' ');
	lit_buf_put(out, next, nlen);
	return LIT_XJ_SPACE;
}

/* ------------------------------------------------------------------
 * Markdown unwrapping
 * ---------------------------------------------------------------- */

static int looks_url(const char *s, size_t n)
{
	return token_is_url(s, n);
}

void lit_xunwrap_markdown(lit_buf *out, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		/* copy the run up to the next character that may start markup */
		size_t r = i;
		while (r < len && s[r] != '\\' && s[r] != '<' && s[r] != '[' && s[r] != '*' &&
		       s[r] != '_')
			r++;
		if (r > i) {
			lit_buf_put(out, s + i, r - i);
			i = r;
			continue;
		}
		char c = s[i];
		if (c == '\\' && i + 1 < len && strchr("$\\*_[]()<>#`~|{}", s[i + 1])) {
			lit_buf_putc(out, s[i + 1]);
			i += 2;
			continue;
		}
		if (c == '<') {
			size_t j = i + 1;
			while (j < len && s[j] != '>' && s[j] != ' ' && s[j] != '<' && s[j] != '\n')
				j++;
			if (j < len && s[j] == '>' && looks_url(s + i + 1, j - i - 1)) {
				lit_buf_put(out, s + i + 1, j - i - 1);
				i = j + 1;
				continue;
			}
		}
		if (c == '[') {
			/* [text](url) */
			size_t j = i + 1;
			int depth = 1;
			while (j < len && depth) {
				if (s[j] == '\\' && j + 1 < len) { j += 2; continue; }
				if (s[j] == '[') depth++;
				else if (s[j] == ']') depth--;
				if (depth) j++;
			}
			if (j < len && j + 1 < len && s[j + 1] == '(') {
				size_t k = j + 2;
				while (k < len && s[k] != ')' && s[k] != ' ' && s[k] != '\n')
					k++;
				if (k < len && s[k] == ')' && looks_url(s + j + 2, k - j - 2)) {
					const char *tx = s + i + 1;
					size_t tn = j - i - 1;
					if (!looks_url(tx, tn)) {
						lit_xunwrap_markdown(out, tx, tn);
						lit_buf_puts(out, " (");
						lit_buf_put(out, s + j + 2, k - j - 2);
						lit_buf_putc(out, ')');
					} else {
						lit_buf_put(out, s + j + 2, k - j - 2);
					}
					i = k + 1;
					continue;
				}
			}
		}
		if (c == '*' || (c == '_' && (i == 0 || s[i - 1] == ' '))) {
			/* emphasis markers: *x*, **x**, _x_ */
			size_t j = i;
			while (j < len && s[j] == c)
				j++;
			if (j - i <= 2 && j < len && s[j] != ' ') {
				/* find the closer on the same text */
				size_t k = j;
				while (k < len && !(s[k] == c && s[k - 1] != ' '))
					k++;
				if (k < len) {
					size_t run = j - i, m = k;
					while (m < len && s[m] == c)
						m++;
					if (m - k == run) {
						lit_xunwrap_markdown(out, s + j, k - j);
						i = m;
						continue;
					}
				}
			}
		}
		lit_buf_putc(out, c);
		i++;
	}
}

/* ------------------------------------------------------------------
 * Labels and markers
 * ---------------------------------------------------------------- */

long lit_xlabel_value(const char *s, size_t len)
{
	long v = 0;
	size_t i = 0, adv;
	int k = 0;
	while (i < len) {
		uint32_t cp = lit_xcp(s + i, len - i, &adv);
		int d;
		if (cp >= '0' && cp <= '9')
			d = (int)(cp - '0');
		else if ((d = lit_xcp_supdigit(cp)) < 0)
			return -1;
		if (++k > 4)
			return -1;
		v = v * 10 + d;
		i += adv;
	}
	return k ? v : -1;
}

void lit_xfind_markers(const char *s, size_t len,
                       void (*cb)(void *ctx, long num, int sup, size_t off), void *ctx)
{
	size_t i = 0, adv;
	uint32_t prev = 0;
	size_t tokstart = 0;
	while (i < len) {
		uint32_t cp = lit_xcp(s + i, len - i, &adv);
		if (is_space_cp(cp)) {
			prev = cp;
			i += adv;
			tokstart = i;
			continue;
		}
		/* Markdown [^n] */
		if (cp == '[' && i + 2 < len && s[i + 1] == '^') {
			size_t j = i + 2;
			long v = 0;
			while (j < len && s[j] >= '0' && s[j] <= '9' && j - i < 6)
				v = v * 10 + (s[j++] - '0');
			if (j < len && s[j] == ']' && j > i + 2 && !(j + 1 < len && s[j + 1] == ':')) {
				cb(ctx, v, 1, i);
				i = j + 1;
				prev = ']';
				continue;
			}
		}
		int sd = lit_xcp_supdigit(cp);
		if (sd >= 0 && i > 0 && prev && !is_space_cp(prev)) {
			size_t st = i;
			long v = 0;
			int k = 0;
			while (i < len) {
				uint32_t c2 = lit_xcp(s + i, len - i, &adv);
				int d = lit_xcp_supdigit(c2);
				if (d < 0)
					break;
				if (k < 9)
					v = v * 10 + d;
				k++;
				i += adv;
			}
			if (k <= 3)
				cb(ctx, v, 1, st);
			prev = 0xB9;
			continue;
		}
		int after_abbrev = 0;
		if (cp >= '0' && cp <= '9' && prev == '.' && i >= 2 && i - tokstart >= 2) {
			/* "в 2024 г.1 Далее": a word, a period, the marker, then a space */
			size_t pst;
			uint32_t bp = lit_xcp_before(s, i - 1, &pst);
			size_t j2 = i;
			while (j2 < len && s[j2] >= '0' && s[j2] <= '9')
				j2++;
			/* "в 2018 г.1, рассматривает": after the year's "г." a comma
			 * or semicolon may follow too */
			int year_abbr = (i - 1 - tokstart == 2 || i - 1 - tokstart == 4) &&
			                memcmp(s + tokstart, "г", 2) == 0 &&
			                (i - 1 - tokstart == 2 || memcmp(s + tokstart + 2, "г", 2) == 0);
			after_abbrev = lit_xcp_lower(bp) && j2 - i <= 2 &&
			               (j2 == len || s[j2] == ' ' ||
			                (year_abbr && (s[j2] == ',' || s[j2] == ';' || s[j2] == ':')));
		}
		/* "routes,1 and": a marker after a comma or semicolon that
		 * follows a word (after a digit it is a decimal: "2,5") */
		int after_comma = 0;
		if (cp >= '0' && cp <= '9' && (prev == ',' || prev == ';') && i >= 3) {
			size_t pst;
			uint32_t bp = lit_xcp_before(s, i - 1, &pst);
			size_t j2 = i;
			while (j2 < len && s[j2] >= '0' && s[j2] <= '9')
				j2++;
			after_comma = lit_xcp_letter(bp) && j2 - i <= 2 && (j2 == len || s[j2] == ' ');
		}
		if (cp >= '0' && cp <= '9' && i > 0 && prev &&
		    (lit_xcp_letter(prev) || prev == 0xBB || prev == 0x201D || prev == '"' ||
		     prev == ')' || prev == 0x2019 || prev == '%' || after_abbrev || after_comma)) {
			/* digits glued to a word */
			size_t st = i, j = i;
			while (j < len && s[j] >= '0' && s[j] <= '9')
				j++;
			size_t nd = j - i;
			int ok = nd >= 1 && nd <= 3;
			if (ok && j < len) {
				size_t a2;
				uint32_t nx = lit_xcp(s + j, len - j, &a2);
				if (lit_xcp_letter(nx) || nx == '%' || nx == '/' || nx == '-' ||
				    nx == '_' || nx == '=' || nx == '@' || nx == '\\' || nx == '(' ||
				    nx == 0x2013 || nx == 0x2014)
					ok = 0;
				else if ((nx == '.' || nx == ',' || nx == ':') && j + 1 < len &&
				         s[j + 1] >= '0' && s[j + 1] <= '9')
					ok = 0;
			}
			if (ok && lit_xcp_letter(prev)) {
				/* the word before: at least two letters, not a Latin code (G20, CO2) */
				size_t ws = st, pst;
				int letters = 0, latin_up = 1, has_lower = 0;
				while (ws > tokstart) {
					uint32_t c2 = lit_xcp_before(s, ws, &pst);
					if (!lit_xcp_letter(c2))
						break;
					letters++;
					if (lit_xcp_lower(c2))
						has_lower = 1;
					if (!(c2 >= 'A' && c2 <= 'Z'))
						latin_up = 0;
					ws = pst;
				}
				if (letters < 2 || (latin_up && !has_lower))
					ok = 0;
			}
			if (ok) {
				/* not inside a URL, e-mail or code-like token */
				size_t te = j;
				while (te < len && s[te] != ' ' && s[te] != '\t')
					te++;
				for (size_t q = tokstart; q < te && ok; q++) {
					char c = s[q];
					if (c == '/' || c == '@' || c == '=' || c == '_' || c == '\\' || c == '#')
						ok = 0;
				}
				if (ok && (mem_has(s + tokstart, te - tokstart, "www.") ||
				           mem_has(s + tokstart, te - tokstart, "://")))
					ok = 0;
			}
			if (ok) {
				long v = 0;
				for (size_t q = i; q < j; q++)
					v = v * 10 + (s[q] - '0');
				if (v > 0)
					cb(ctx, v, 0, st);
			}
			i = j;
			prev = '0';
			continue;
		}
		prev = cp;
		i += adv;
	}
}

/* ------------------------------------------------------------------
 * Classifiers
 * ---------------------------------------------------------------- */

static int at(const char *s, size_t n, size_t i, const char *pat, size_t m)
{
	return i + m <= n && memcmp(s + i, pat, m) == 0;
}

#define AT(lit) at(s, n, i, lit, sizeof lit - 1)

int lit_xbib_score(const char *s, size_t n)
{
	int score = 0, strong = 0;
	int year = 0, url = 0, slashes = 0, pages = 0, vol = 0, initials = 0, acc = 0, place = 0;
	int archive = 0;    /* an archival shelfmark: fond, opis (inventory), delo */
	/* one pass; each feature is checked only where its first byte occurs */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '/':
			if (i + 1 < n && s[i + 1] == '/') {
				if (i > 0 && s[i - 1] == ':')
					url = 1;
				else
					slashes = 1;
				i++;
			}
			break;
		case '1': case '2':
			if (i + 4 <= n && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
			    s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
			    s[i + 3] >= '0' && s[i + 3] <= '9' &&
			    (i + 4 == n || !(s[i + 4] >= '0' && s[i + 4] <= '9'))) {
				int y = (c - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
				        (s[i + 3] - '0');
				if (y >= 1500 && y <= 2099)
					year = 1;
				i += 3;
			}
			break;
		case 'w': if (AT("www.")) url = 1; break;
		case 'd': if (AT("doi:") || AT("doi.")) url = 1; break;
		case 'U':
			/* "URL" as a word, not inside "NURLANOVA" */
			if (AT("URL") && (i == 0 || !lit_xcp_letter(lit_xcp_before(s, i, &(size_t){0}))))
				url = 1;
			else if (AT("University"))
				place = 1;
			break;
		case 'D':
			if (AT("DOI") && (i == 0 || !lit_xcp_letter(lit_xcp_before(s, i, &(size_t){0}))))
				url = 1;
			break;
		case 'P': if (AT("P. ")) pages = 1; else if (AT("Press") || AT("Publish")) place = 1; break;
		case 'p': if (AT("pp.") || AT("p. ")) pages = 1; break;
		case 'S': if (AT("S. ")) pages = 1; break;
		case 'V': if (AT("Vol.")) vol = 1; else if (AT("Verlag")) place = 1; break;
		case 'v': if (AT("vol.")) vol = 1; break;
		case 'N': if (AT("No.")) vol = 1; break;
		case 'I': if (AT("Iss.")) vol = 1; else if (AT("Ibid")) strong = 1; break;
		case 'B': if (AT("Bd.")) vol = 1; break;
		case 'a': if (AT("accessed")) acc = 1; break;
		case 'A': if (AT("Accessed") || AT("Available at")) acc = 1; break;
		case 'R': if (AT("Retrieved")) acc = 1; break;
		case 'e': if (AT("et al")) strong = 1; break;
		case 'O':
			if (AT("Op. cit"))
				strong = 1;
			else if (AT("Op. ") && i + 4 < n && s[i + 4] >= '0' && s[i + 4] <= '9')
				archive = 1;   /* "GARF. F. 5446. Op. 1. D. 12" */
			break;
		case 'o':
			if (AT("op. cit"))
				strong = 1;
			else if (AT("op. ") && i + 4 < n && s[i + 4] >= '0' && s[i + 4] <= '9')
				archive = 1;   /* "LVVA, f. 2736, op. 1, d. 45" */
			break;
		case 'i': if (AT("ibid")) strong = 1; break;
		case 0xE2: if (AT("№")) vol = 1; break;
		case 0xD0: case 0xD1:
			if (i + 2 < n) {
				unsigned char c2 = (unsigned char)s[i + 1];
				/* quick reject: the patterns need '.', ' ' or a few letters next */
				if (c == 0xD0 && (c2 == 0xA1 || c2 == 0xA2) && (s[i + 2] == '.')) {
					/* С. Т. */
					if (AT("С. ")) pages = 1;
					else if (AT("Т. ")) vol = 1;
				} else if (c == 0xD1 && c2 == 0x81 && s[i + 2] == '.') {
					if (AT("с. ")) pages = 1;
				} else if (c == 0xD0 && c2 == 0xA1) {
					if (AT("Стр.")) pages = 1;
					else if (AT("СПб")) place = 1;
				} else if (c == 0xD1 && c2 == 0x81 && AT("стр.")) {
					pages = 1;
				} else if (c == 0xD0 && c2 == 0x92 && AT("Вып.")) {
					vol = 1;
				} else if (c == 0xD0 && c2 == 0xB4 && AT("дата обращения")) {
					acc = 1;
				} else if (c == 0xD0 && c2 == 0xA0 && AT("Режим доступа")) {
					acc = 1;
				} else if (c == 0xD0 && (c2 == 0x9C || c2 == 0x9B) && (AT("М.:") || AT("М. :") || AT("Л.:"))) {
					place = 1;
				} else if (c == 0xD0 && c2 == 0x98 && AT("Изд")) {
					place = 1;
				} else if (c == 0xD0 && c2 == 0xB8 && (s[i + 2] == (char)0xD0 || s[i + 2] == ' ')) {
					if (AT("изд.")) place = 1;
					else if (AT("и др.")) strong = 1;
				} else if (c == 0xD0 && c2 == 0xA2 && AT("Там же")) {
					strong = 1;
				} else if (c == 0xD0 && c2 == 0xA3 && AT("Указ. соч")) {
					strong = 1;
				} else if (c == 0xD0 && c2 == 0x9E && AT("Оп. ") && i + 6 < n &&
				           s[i + 6] >= '0' && s[i + 6] <= '9') {
					archive = 1;   /* "ГАРФ. Ф. 5446. Оп. 1. Д. 12" */
				}
			}
			break;
		default:
			break;
		}
		/* initials: capital + '.' + optional space + capital + '.' */
		if (!initials && i + 3 < n && s[i + 1] == '.') {
			size_t adv, a2;
			uint32_t cp = lit_xcp(s + i, n - i, &adv);
			if (adv == 1 && lit_xcp_upper(cp)) {
				size_t j = i + 2;
				if (j < n && s[j] == ' ')
					j++;
				uint32_t c2 = lit_xcp(s + j, n - j, &a2);
				if (lit_xcp_upper(c2) && j + a2 < n && s[j + a2] == '.')
					initials = 1;
			}
		} else if (!initials && (c == 0xD0 || c == 0xD1) && i + 4 < n && s[i + 2] == '.') {
			size_t adv, a2;
			uint32_t cp = lit_xcp(s + i, n - i, &adv);
			if (lit_xcp_upper(cp)) {
				size_t j = i + 3;
				if (j < n && s[j] == ' ')
					j++;
				uint32_t c2 = lit_xcp(s + j, n - j, &a2);
				if (lit_xcp_upper(c2) && j + a2 < n && s[j + a2] == '.')
					initials = 1;
			}
		}
	}
	if (strong)
		score += 2;
	score += year * 2 + url * 3 + slashes * 2 + pages + vol + initials + acc * 2 + place +
	         archive * 3;
	return score;
}

#undef AT

size_t lit_xintro_len(const char *s, size_t n)
{
	static const char *const intro[] = {
		"См., например", "См., напр.", "См. также", "См.", "см.", "Ср.", "ср.", "Cf.", "cf.",
		"See, e.g.,", "See also", "See", NULL
	};
	/* all start with С/с (D0 A1, D1 81), Ср, C/c or S */
	if (n < 4 || !(s[0] == 'C' || s[0] == 'c' || s[0] == 'S' ||
	               ((unsigned char)s[0] == 0xD0 && (unsigned char)s[1] == 0xA1) ||
	               ((unsigned char)s[0] == 0xD1 && (unsigned char)s[1] == 0x81)))
		return lit_xintro_clause(s, n);
	for (size_t k = 0; intro[k]; k++) {
		size_t m = strlen(intro[k]);
		if (n <= m + 1 || memcmp(s, intro[k], m) != 0 ||
		    (s[m] != ' ' && s[m] != ':' && s[m] != ','))
			continue;
		while (m < n && (s[m] == ' ' || s[m] == ':' || s[m] == ','))
			m++;
		return m;
	}
	return lit_xintro_clause(s, n);
}

size_t lit_xintro_clause(const char *s, size_t n)
{
	static const char *const see[] = { " см.:", " см. ", ", see ", ", see:", " see:", NULL };
	size_t lim = n < 90 ? n : 90;
	for (size_t i = 2; i + 5 < lim; i++) {
		char c = s[i];
		if (c == '.' || c == ';' || c == '/' || c == '(' || c == '"')
			return 0;   /* a sentence or a reference has begun */
		if (c != ' ' && c != ',')
			continue;
		for (size_t k = 0; see[k]; k++) {
			size_t m = strlen(see[k]);
			if (i + m >= n || memcmp(s + i, see[k], m) != 0)
				continue;
			m += i;
			while (m < n && (s[m] == ' ' || s[m] == ':'))
				m++;
			return m < n ? m : 0;
		}
	}
	return 0;
}

static int repeat_kind(const char *s, size_t n, size_t *loc);

int lit_xrepeat_kind(const char *s, size_t n, size_t *loc)
{
	size_t b = lit_xintro_len(s, n);
	if (b) {
		int r = repeat_kind(s + b, n - b, loc);
		*loc += b;
		if (r)
			return r;
		*loc = n;
	}
	return repeat_kind(s, n, loc);
}

static int repeat_kind(const char *s, size_t n, size_t *loc)
{
	static const char *const ibid[] = {
		"там же", "ibidem", "ibid", "там само", "ebd.", "ebenda", "id.", NULL
	};
	*loc = n;
	char low[64];
	/* all of them start with Т/т, I/i or E/e: skip the copy otherwise */
	unsigned char c0 = n ? (unsigned char)s[0] : 0;
	int may = c0 == 'I' || c0 == 'i' || c0 == 'E' || c0 == 'e' ||
	          (n > 1 && ((c0 == 0xD0 && (unsigned char)s[1] == 0xA2) ||
	                     (c0 == 0xD1 && (unsigned char)s[1] == 0x82)));
	size_t ln = may ? lower_copy(low, sizeof low, s, n < 40 ? n : 40) : 0;
	for (size_t k = 0; may && ibid[k]; k++) {
		size_t m = strlen(ibid[k]);
		if (ln < m || memcmp(low, ibid[k], m) != 0)
			continue;
		/* the lower-cased prefix has the same byte length as the original */
		size_t adv;
		if (m < n && lit_xcp_letter(lit_xcp(s + m, n - m, &adv)))
			continue;
		while (m < n && (s[m] == '.' || s[m] == ',' || s[m] == ' ' || s[m] == ';'))
			m++;
		*loc = m;
		return 1;
	}
	static const char *const opcit[] = {
		"Указ. соч.", "указ. соч.", "Op. cit.", "op. cit.", "Цит. соч.", "цит. соч.",
		"Указ. раб.", "указ. раб.", NULL
	};
	size_t lim = n < 200 ? n : 200;
	/* find the final '.' of "соч." / "cit." / "раб." first, then the pattern */
	for (size_t i = 3; i < lim; i++) {
		if (s[i] != '.')
			continue;
		int cand = (s[i - 1] == 't' && s[i - 2] == 'i' && s[i - 3] == 'c') ||
		           (i >= 6 && ((unsigned char)s[i - 2] == 0xD1 || (unsigned char)s[i - 2] == 0xD0));
		if (!cand)
			continue;
		for (size_t k = 0; opcit[k]; k++) {
			size_t m = strlen(opcit[k]);
			if (i + 1 >= m && memcmp(s + i + 1 - m, opcit[k], m) == 0) {
				size_t e = i + 1;
				while (e < n && (s[e] == '.' || s[e] == ',' || s[e] == ' ' || s[e] == ';'))
					e++;
				*loc = e;
				return 2;
			}
		}
	}
	return 0;
}

int lit_xheading_kind(const char *s, size_t n)
{
	static const char *const list_heads[] = {
		"литература", "список литературы", "библиографический список",
		"список источников", "источники и литература", "литература и источники",
		"список использованной литературы", "список использованных источников",
		"список использованных источников и литературы", "использованная литература",
		"список цитируемой литературы", "цитированная литература",
		"библиография", "источники", "список источников и литературы",
		"references", "bibliography", "works cited", "literature", "literature cited",
		"references cited", "sources", "reference list", "list of references",
		"cited literature", "bibliographie", "literaturverzeichnis", "literatur",
		"references and notes", "sources and literature",
		NULL
	};
	static const char *const note_heads[] = {
		"примечания", "примечание", "notes", "endnotes", "сноски", "комментарии",
		"notes and references", NULL
	};
	if (n == 0 || n > 120)
		return 0;
	/* strip Markdown/numbering decoration and trailing punctuation */
	size_t b = 0, e = n;
	while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '#' || s[b] == '*' ||
	                 s[b] == '_' || (s[b] >= '0' && s[b] <= '9') || s[b] == '.' ||
	                 s[b] == 'I' || s[b] == 'V' || s[b] == 'X'))  {
		/* roman numerals only as a prefix followed by '.' or ' ' */
		if ((s[b] == 'I' || s[b] == 'V' || s[b] == 'X')) {
			size_t k = b;
			while (k < e && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
				k++;
			if (k < e && (s[k] == '.' || s[k] == ' ')) {
				b = k;
				continue;
			}
			break;
		}
		b++;
	}
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == ':' ||
	                 s[e - 1] == '.' || s[e - 1] == '*' || s[e - 1] == '_' ||
	                 s[e - 1] == '#' || s[e - 1] == '\r'))
		e--;
	if (e <= b || e - b > 100)
		return 0;
	/* headings have no inner sentence punctuation */
	for (size_t i = b; i < e; i++)
		if (s[i] == ',' || s[i] == ';' || s[i] == '(' || s[i] == '"' || (s[i] >= '0' && s[i] <= '9'))
			return 0;
	char low[256];
	size_t ln = lower_copy(low, sizeof low, s + b, e - b);
	/* collapse runs of spaces */
	size_t o = 0;
	for (size_t i = 0; i < ln; i++) {
		if (low[i] == ' ' && o && low[o - 1] == ' ')
			continue;
		low[o++] = low[i];
	}
	low[o] = 0;
	for (size_t k = 0; list_heads[k]; k++)
		if (strcmp(low, list_heads[k]) == 0)
			return LIT_XW_LIST;
	/* "Литература / References" */
	char *slash = strstr(low, " / ");
	if (slash) {
		*slash = 0;
		for (size_t k = 0; list_heads[k]; k++)
			if (strcmp(low, list_heads[k]) == 0)
				return LIT_XW_LIST;
		*slash = ' ';
	}
	for (size_t k = 0; note_heads[k]; k++)
		if (strcmp(low, note_heads[k]) == 0)
			return LIT_XW_END;
	return 0;
}

/* ------------------------------------------------------------------
 * lit_xdoc
 * ---------------------------------------------------------------- */

void lit_xdoc_init(lit_xdoc *doc)
{
	memset(doc, 0, sizeof *doc);
}

void lit_xdoc_free(lit_xdoc *doc)
{
	for (size_t i = 0; i < doc->nitems; i++) {
		free(doc->items[i].raw);
		free(doc->items[i].text);
		free(doc->items[i].cited);
		free(doc->items[i].locator);
	}
	free(doc->items);
	for (size_t i = 0; i < doc->nwarns; i++)
		free(doc->warns[i].msg);
	free(doc->warns);
	memset(doc, 0, sizeof *doc);
}

long lit_xdoc_add(lit_xdoc *doc, int where, long line, const char *label,
                  const char *raw, size_t rawlen)
{
	if (doc->nitems == doc->capitems) {
		size_t cap = doc->capitems ? doc->capitems * 2 : 32;
		lit_xitem *p = realloc(doc->items, cap * sizeof *p);
		if (!p) {
			doc->failed = 1;
			return -1;
		}
		doc->items = p;
		doc->capitems = cap;
	}
	lit_xitem *it = &doc->items[doc->nitems];
	memset(it, 0, sizeof *it);
	it->where = where;
	it->line = line;
	it->repeat_of = -1;
	it->seq = (long)doc->nitems;
	if (label) {
		size_t ln = strlen(label);
		if (ln >= sizeof it->label)
			ln = sizeof it->label - 1;
		memcpy(it->label, label, ln);
		it->label[ln] = 0;
	}
	it->raw = malloc(rawlen + 1);
	if (!it->raw) {
		doc->failed = 1;
		return -1;
	}
	memcpy(it->raw, raw, rawlen);
	it->raw[rawlen] = 0;
	return (long)doc->nitems++;
}

void lit_xdoc_warn(lit_xdoc *doc, long line, const char *fmt, ...)
{
	if (doc->nwarns >= 10000)
		return;
	if (doc->nwarns == doc->capwarns) {
		size_t cap = doc->capwarns ? doc->capwarns * 2 : 16;
		lit_xwarn *p = realloc(doc->warns, cap * sizeof *p);
		if (!p) {
			doc->failed = 1;
			return;
		}
		doc->warns = p;
		doc->capwarns = cap;
	}
	lit_buf b = LIT_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	lit_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (lit_buf_status(&b)) {
		lit_buf_free(&b);
		doc->failed = 1;
		return;
	}
	doc->warns[doc->nwarns].line = line;
	doc->warns[doc->nwarns].msg = lit_buf_detach(&b, NULL);
	doc->nwarns++;
}

int lit_xitem_cite(lit_xitem *it, long line)
{
	if (it->ncited && it->cited[it->ncited - 1] == line)
		return 0;
	if (it->ncited == it->capcited) {
		size_t cap = it->capcited ? it->capcited * 2 : 4;
		long *p = realloc(it->cited, cap * sizeof *p);
		if (!p)
			return -1;
		it->cited = p;
		it->capcited = cap;
	}
	it->cited[it->ncited++] = line;
	return 0;
}
