/*
 * normalize.c - keys for duplicate detection: normalised DOI, ISBN and
 * URL, and the "skeleton" of names and titles.
 *
 * The skeleton is what lets Cyrillic text and its romanisations compare
 * equal.  Cyrillic is first spelled out in a plain BGN-like romanisation;
 * Latin letters with diacritics used by ISO 9 (č š ž ŝ â û ë è) are spelled
 * the same way; apostrophes, backticks and prime signs (soft and hard signs
 * in GOST 7.79-2000 B, BGN/PCGN and ISO 9) are dropped.  Every token is
 * then rewritten so that the spellings the systems disagree on meet:
 * shch/shh/sch/sh -> S, ch/tch -> C, zh -> Z, kh/x/h/ks -> H, ts/tz/cz/c -> T,
 * w -> v, a run of i/y/j before a vowel (the glide in ya, yu, ye, ia, iu,
 * yo) is dropped and yo/io become e (for ё), any other run of i/y/j
 * becomes i (ий, ый, -y, -ij, -ii), and doubled letters are collapsed.
 * So Дьячков, Dyachkov, D'yachkov, D`yachkov, Diachkov and D'âčkov all
 * become "daCkov".  The result is only ever compared for equality or
 * edit distance, never shown.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dedup/dedup_internal.h"
#include "util/utf8.h"

/* ------------------------------------------------------------------ */
/* Hashing                                                             */
/* ------------------------------------------------------------------ */

uint32_t lit_dedup_hash32(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

uint64_t lit_dedup_hash64(uint64_t h, const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* ------------------------------------------------------------------ */
/* DOI                                                                 */
/* ------------------------------------------------------------------ */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int lit_dedup_norm_doi(const char *s, lit_buf *out)
{
	const char *p, *start = NULL, *end;
	size_t before = out->len;

	if (!s)
		return 0;
	/* The DOI proper starts at "10.<digits>/"; everything before it
	 * (resolver URL, "doi:", "DOI ", "info:doi/") is a prefix. */
	for (p = s; *p; p++) {
		if (p[0] == '1' && p[1] == '0' && p[2] == '.' && isdigit((unsigned char)p[3])) {
			const char *q = p + 3;
			while (isdigit((unsigned char)*q) || *q == '.')
				q++;
			if (*q == '/' || (q[0] == '%' && q[1] == '2' && (q[2] == 'f' || q[2] == 'F'))) {
				if (p == s || !isalnum((unsigned char)p[-1])) {
					start = p;
					break;
				}
			}
		}
	}
	if (!start)
		return 0;
	end = start;
	while (*end && !isspace((unsigned char)*end) && (unsigned char)*end >= 0x20)
		end++;
	for (p = start; p < end; p++) {
		int c = (unsigned char)*p;
		if (c == '%' && p + 2 < end + 0 + 1 && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			c = hexval(p[1]) * 16 + hexval(p[2]);
			p += 2;
		}
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		lit_buf_putc(out, c);
	}
	/* Trailing punctuation of the sentence the DOI was written in. */
	while (out->len > before) {
		char c = out->ptr[out->len - 1];
		if (c == '.' || c == ',' || c == ';' || c == ':' || c == '"' || c == '\'' ||
		    c == '>') {
			lit_buf_truncate(out, out->len - 1);
		} else if (c == ')' || c == ']') {
			char open = c == ')' ? '(' : '[';
			if (memchr(out->ptr + before, open, out->len - before))
				break;
			lit_buf_truncate(out, out->len - 1);
		} else {
			break;
		}
	}
	if (out->len - before < 6) {
		lit_buf_truncate(out, before);
		return 0;
	}
	return 1;
}

/* ------------------------------------------------------------------ */
/* ISBN                                                                */
/* ------------------------------------------------------------------ */

static void isbn13_from_digits(const char *d, size_t n, char *out13)
{
	int sum = 0, i;
	if (n == 13) {
		memcpy(out13, d, 13);
	} else {
		memcpy(out13, "978", 3);
		memcpy(out13 + 3, d, 9);
		for (i = 0; i < 12; i++)
			sum += (out13[i] - '0') * (i % 2 ? 3 : 1);
		out13[12] = (char)('0' + (10 - sum % 10) % 10);
	}
	out13[13] = '\0';
}

size_t lit_dedup_norm_isbn(const char *s, char (*isbns)[14], size_t max)
{
	size_t found = 0;
	const char *p = s;

	if (!s)
		return 0;
	while (*p && found < max) {
		char d[16];
		size_t n = 0;
		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		if (p > s && isalnum((unsigned char)p[-1]) && !(p[-1] == 'N' || p[-1] == 'n')) {
			/* inside a word or a longer number: skip it */
			while (isalnum((unsigned char)*p))
				p++;
			continue;
		}
		while (*p) {
			if (isdigit((unsigned char)*p) && n < 13) {
				d[n++] = *p++;
			} else if ((*p == 'X' || *p == 'x') && n == 9) {
				d[n++] = 'X';
				p++;
				break;
			} else if ((*p == '-' || *p == ' ') && n > 0 && n < 13 &&
			           isdigit((unsigned char)p[1]) && !(n == 10 && *p == ' ')) {
				p++;
			} else {
				break;
			}
		}
		if (isdigit((unsigned char)*p)) {
			/* longer digit run: not an ISBN */
			while (isdigit((unsigned char)*p))
				p++;
			continue;
		}
		if (n == 13 && d[0] == '9' && d[1] == '7' && (d[2] == '8' || d[2] == '9')) {
			isbn13_from_digits(d, 13, isbns[found++]);
		} else if (n == 10) {
			isbn13_from_digits(d, 10, isbns[found++]);
		}
	}
	return found;
}

/* ------------------------------------------------------------------ */
/* URL                                                                 */
/* ------------------------------------------------------------------ */

static int tracking_param(const char *k, size_t n)
{
	static const char *const names[] = {
		"fbclid", "gclid", "yclid", "dclid", "msclkid", "mc_cid", "mc_eid",
		"_ga", "_gl", "igshid", "ref_src", NULL
	};
	size_t i;
	if (n >= 4 && strncmp(k, "utm_", 4) == 0)
		return 1;
	for (i = 0; names[i]; i++)
		if (strlen(names[i]) == n && strncmp(k, names[i], n) == 0)
			return 1;
	return 0;
}

static int ascii_prefix_ci(const char *s, size_t n, const char *pre)
{
	size_t i, m = strlen(pre);
	if (n < m)
		return 0;
	for (i = 0; i < m; i++)
		if (tolower((unsigned char)s[i]) != pre[i])
			return 0;
	return 1;
}

int lit_dedup_norm_url(const char *s, lit_buf *out)
{
	const char *p, *host, *hend, *pend, *e, *at, *path;
	size_t before = out->len, i;

	if (!s)
		return 0;
	while (isspace((unsigned char)*s) || *s == '<')
		s++;
	e = s + strlen(s);
	while (e > s && (isspace((unsigned char)e[-1]) || e[-1] == '>' || e[-1] == '.' ||
	                 e[-1] == ','))
		e--;
	p = s;
	while (p < e && (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.'))
		p++;
	if (p > s && e - p >= 3 && p[0] == ':' && p[1] == '/' && p[2] == '/')
		host = p + 3;
	else if (ascii_prefix_ci(s, (size_t)(e - s), "www."))
		host = s;
	else
		return 0;
	hend = host;
	while (hend < e && *hend != '/' && *hend != '?' && *hend != '#')
		hend++;
	path = hend;
	/* userinfo */
	at = memchr(host, '@', (size_t)(hend - host));
	if (at)
		host = at + 1;
	if (ascii_prefix_ci(host, (size_t)(hend - host), "www."))
		host += 4;
	/* default ports and a trailing dot */
	{
		const char *c = hend;
		while (c > host && isdigit((unsigned char)c[-1]))
			c--;
		if (c > host && c[-1] == ':' && ((hend - c == 2 && strncmp(c, "80", 2) == 0) ||
		                                  (hend - c == 3 && strncmp(c, "443", 3) == 0)))
			hend = c - 1;
	}
	if (hend > host && hend[-1] == '.')
		hend--;
	if (hend == host)
		return 0;
	/* doi.org forms are DOIs */
	{
		size_t hl = (size_t)(hend - host);
		if ((hl == 7 && ascii_prefix_ci(host, hl, "doi.org")) ||
		    (hl == 10 && ascii_prefix_ci(host, hl, "dx.doi.org"))) {
			lit_buf_puts(out, "doi:");
			if (lit_dedup_norm_doi(path, out))
				return 1;
			lit_buf_truncate(out, before);
		}
	}
	for (p = host; p < hend; p++)
		lit_buf_putc(out, tolower((unsigned char)*p));
	/* path */
	p = path;
	pend = p;
	while (pend < e && *pend != '?' && *pend != '#')
		pend++;
	{
		size_t pstart = out->len;
		lit_buf_put(out, p, (size_t)(pend - p));
		while (out->len > pstart && out->ptr[out->len - 1] == '/')
			lit_buf_truncate(out, out->len - 1);
		for (i = pstart; i + 2 < out->len; i++)
			if (out->ptr[i] == '%' && hexval(out->ptr[i + 1]) >= 0 && hexval(out->ptr[i + 2]) >= 0) {
				out->ptr[i + 1] = (char)toupper((unsigned char)out->ptr[i + 1]);
				out->ptr[i + 2] = (char)toupper((unsigned char)out->ptr[i + 2]);
			}
	}
	/* query without tracking parameters */
	if (pend < e && *pend == '?') {
		const char *qp = pend + 1, *qend = qp;
		int first = 1;
		while (qend < e && *qend != '#')
			qend++;
		while (qp < qend) {
			const char *amp = qp, *eq;
			while (amp < qend && *amp != '&' && *amp != ';')
				amp++;
			eq = qp;
			while (eq < amp && *eq != '=')
				eq++;
			if (amp > qp && !tracking_param(qp, (size_t)(eq - qp))) {
				lit_buf_putc(out, first ? '?' : '&');
				lit_buf_put(out, qp, (size_t)(amp - qp));
				first = 0;
			}
			qp = amp < qend ? amp + 1 : amp;
		}
	}
	return lit_buf_status(out) == 0;
}

/* ------------------------------------------------------------------ */
/* Skeleton                                                            */
/* ------------------------------------------------------------------ */

/* Plain romanisation of lower-case Cyrillic U+0430..U+045F. */
static const char *const cyr_lower[48] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
	/* U+0450..U+045F: ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ */
	"e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz"
};

/* Spelling of Latin letters with diacritics that romanisations use for one
 * Cyrillic letter; NULL for the rest (they lose their diacritics). */
static const char *latin_special(uint32_t cp)
{
	switch (cp) {
	case 0x10D: return "ch";   /* č */
	case 0x161: return "sh";   /* š */
	case 0x17E: return "zh";   /* ž */
	case 0x15D: return "shch"; /* ŝ */
	case 0xE2: return "ya";    /* â (ISO 9 я) */
	case 0xFB: return "yu";    /* û (ISO 9 ю) */
	case 0xEB: return "e";     /* ë */
	case 0xDF: return "ss";    /* ß */
	case 0xE6: return "ae";    /* æ */
	case 0x153: return "oe";   /* œ */
	case 0xF8: return "o";     /* ø */
	case 0x142: return "l";    /* ł */
	case 0x111: return "d";    /* đ */
	case 0xFE: return "th";    /* þ */
	case 0xF0: return "d";     /* ð */
	case 0x131: return "i";    /* ı */
	default: return NULL;
	}
}

/* Characters dropped inside words: apostrophes, backticks, primes, the
 * soft/hard sign letters of ISO 9 and BGN, and combining marks. */
static int is_ignorable(uint32_t cp)
{
	return cp == '\'' || cp == '`' || cp == 0x2BC || cp == 0x2B9 || cp == 0x2BA ||
	       cp == 0x2019 || cp == 0x2018 || cp == 0xB4 || cp == 0x2032 || cp == 0x2033 ||
	       cp == 0x2BB || cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
	       (cp >= 0x300 && cp <= 0x36F) || cp == 0xFE20 || cp == 0xFE21;
}

static int is_vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'o' || c == 'u';
}

/* Function words (in the plain romanisation), counted less in titles. */
static int is_stopword(const char *t, size_t n)
{
	static const char *const words[6] = {
		"",
		"a i v o s k u ",
		"an of in on to by at as or la le de du et vo na ob po so ko iz ot za ",
		"the and for der die das les des pri ili kak ",
		"with from into dlya dlia ",
		""
	};
	const char *w;
	if (n == 0 || n > 4)
		return 0;
	/* the words of length n, each followed by a space */
	for (w = words[n]; *w; w += n + 1)
		if (memcmp(w, t, n) == 0)
			return 1;
	return 0;
}

static int starts_n(const char *t, size_t n, size_t i, const char *pat, size_t m)
{
	return i + m <= n && memcmp(t + i, pat, m) == 0;
}

#define starts(t, n, i, lit) starts_n(t, n, i, lit, sizeof(lit) - 1)

/* Rewrite one plain-romanised token into its skeleton. */
static void skel_rewrite(const char *t, size_t n, lit_buf *out)
{
	size_t i = 0;
	int last = -1;
	while (i < n) {
		int c = (unsigned char)t[i], emit;
		if (c >= 0x80 || isdigit(c)) {
			lit_buf_putc(out, c);
			last = -1;
			i++;
			continue;
		}
		if (starts(t, n, i, "shch")) { emit = 'S'; i += 4; }
		else if (starts(t, n, i, "tsch")) { emit = 'C'; i += 4; }
		else if (starts(t, n, i, "sch") || starts(t, n, i, "shh")) { emit = 'S'; i += 3; }
		else if (starts(t, n, i, "tch")) { emit = 'C'; i += 3; }
		else if (starts(t, n, i, "sh")) { emit = 'S'; i += 2; }
		else if (starts(t, n, i, "ch")) { emit = 'C'; i += 2; }
		else if (starts(t, n, i, "zh")) { emit = 'Z'; i += 2; }
		else if (starts(t, n, i, "kh") || starts(t, n, i, "ks")) { emit = 'H'; i += 2; }
		else if (starts(t, n, i, "ck")) { emit = 'k'; i += 2; }
		else if (starts(t, n, i, "ts") || starts(t, n, i, "tz") || starts(t, n, i, "cz")) {
			emit = 'T'; i += 2;
		}
		else if (starts(t, n, i, "ph")) { emit = 'f'; i += 2; }
		else if (c == 'x' || c == 'h') { emit = 'H'; i++; }
		else if (c == 'c') { emit = 'T'; i++; }
		else if (c == 'w') { emit = 'v'; i++; }
		else if (c == 'q') { emit = 'k'; i++; }
		else if (c == 'i' || c == 'y' || c == 'j') {
			while (i < n && (t[i] == 'i' || t[i] == 'y' || t[i] == 'j'))
				i++;
			if (i < n && is_vowel((unsigned char)t[i])) {
				/* a glide: ya = ia = a, yu = u, ye = e, yo = io = e */
				emit = t[i] == 'o' ? 'e' : t[i];
				i++;
			} else {
				emit = 'i';
			}
		} else {
			emit = c;
			i++;
		}
		if (emit != last)
			lit_buf_putc(out, emit);
		last = emit;
	}
}

static long roman_value(const char *s, size_t n)
{
	long v = 0, prev = 0;
	size_t i;
	for (i = n; i-- > 0;) {
		long d;
		switch (tolower((unsigned char)s[i])) {
		case 'i': d = 1; break;
		case 'v': d = 5; break;
		case 'x': d = 10; break;
		case 'l': d = 50; break;
		case 'c': d = 100; break;
		default: return -1;
		}
		if (d < prev)
			v -= d;
		else
			v += d, prev = d;
	}
	return v;
}

/* Words after which a lone lower-case i, v or x is a number ("part i"). */
static int numbered(const char *w, size_t n)
{
	static const char *const words[] = {
		"part", "vol", "volume", "book", "chapter", "section", "no", "chast", "tom",
		"kniga", "vyp", "vypusk", "ch", "t", "kn", "razdel", "glava", NULL
	};
	size_t i;
	for (i = 0; words[i]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return 1;
	return 0;
}

/* Canonical Roman numeral of v (1..3999) in upper case. */
static void to_roman(long v, char *out, size_t cap)
{
	static const struct { long v; const char *s; } t[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" },
		{ 90, "XC" }, { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" },
		{ 5, "V" }, { 4, "IV" }, { 1, "I" }
	};
	size_t k, n = 0;
	for (k = 0; k < sizeof t / sizeof t[0]; k++)
		while (v >= t[k].v && n + 2 < cap) {
			size_t m = strlen(t[k].s);
			memcpy(out + n, t[k].s, m);
			n += m;
			v -= t[k].v;
		}
	out[n] = '\0';
}

/* A token written in capital Roman numerals ("II", "XIV") as its number. */
static int roman_token(const char *tok, size_t n, char *out, size_t cap)
{
	char canon[32], up[16];
	long v;
	size_t i;
	if (n == 0 || n > 8)
		return 0;
	v = roman_value(tok, n);
	if (v <= 0)
		return 0;
	for (i = 0; i < n; i++)
		up[i] = (char)toupper((unsigned char)tok[i]);
	up[n] = '\0';
	to_roman(v, canon, sizeof canon);
	if (strcmp(canon, up) != 0)
		return 0;
	snprintf(out, cap, "%ld", v);
	return 1;
}

static size_t tokenize(const char *s, lit_buf *out, size_t *main_tokens,
                       unsigned char *flags, size_t max_flags, int rewrite)
{
	char tok[256];
	size_t tn = 0, ntok = 0, i = 0, len, main_n = (size_t)-1;
	int pending_split = 0, roman = 1;
	char prev[16];
	size_t prevn = 0;

	if (!s) {
		if (main_tokens)
			*main_tokens = 0;
		return 0;
	}
	len = strlen(s);
	while (i <= len) {
		size_t adv = 1;
		int32_t cp = i < len ? lit_utf8_decode(s + i, len - i, &adv) : ' ';
		const char *rep = NULL;
		char one[5];
		int sep = 0;

		if (cp < 0) {
			cp = ' ';
		}
		if (cp < 0x80 && isalnum(cp)) {
			one[0] = (char)tolower(cp);
			one[1] = '\0';
			rep = one;
		} else if (is_ignorable((uint32_t)cp)) {
			i += adv;
			continue;
		} else if (lit_cp_is_cyrillic((uint32_t)cp)) {
			uint32_t lc = lit_cp_tolower((uint32_t)cp);
			if (lc >= 0x430 && lc <= 0x45F)
				rep = cyr_lower[lc - 0x430];
			else if (lc == 0x491)
				rep = "g";
			else if (lc == 0x4E9)
				rep = "o";
			else if (lc == 0x4AF || lc == 0x4B1)
				rep = "u";
			else {
				size_t k = lit_utf8_encode(lc, one);
				one[k] = '\0';
				rep = one;
			}
		} else if (cp >= 0x80 && lit_cp_is_letter((uint32_t)cp)) {
			uint32_t lc = lit_cp_tolower((uint32_t)cp), base;
			rep = latin_special(lc);
			if (!rep) {
				base = lit_cp_base_letter(lc);
				if (base && base < 0x80 && isalpha((int)base)) {
					one[0] = (char)tolower((int)base);
					one[1] = '\0';
				} else {
					size_t k = lit_utf8_encode(lc, one);
					one[k] = '\0';
				}
				rep = one;
			}
		} else if (cp >= 0x80 && lit_cp_base_letter((uint32_t)cp) &&
		           lit_cp_base_letter((uint32_t)cp) < 0x80 &&
		           isalnum((int)lit_cp_base_letter((uint32_t)cp))) {
			/* compatibility forms: ligatures, full-width letters */
			one[0] = (char)tolower((int)lit_cp_base_letter((uint32_t)cp));
			one[1] = '\0';
			rep = one;
		} else {
			sep = 1;
		}

		if (rep) {
			size_t rl = rep[0] == '\0' ? 0 : rep[1] == '\0' ? 1 : strlen(rep);
			/* Roman numerals: capitals, or lower case of two letters or
			 * more ("part ii" in a title set in lower case) */
			if (!(cp == 'I' || cp == 'V' || cp == 'X' || cp == 'L' || cp == 'C' ||
			      cp == 'i' || cp == 'v' || cp == 'x' || cp == 'l' || cp == 'c'))
				roman = 0;
			else if (cp >= 'a' && roman)
				roman |= 2;
			if (tn + rl < sizeof tok) {
				memcpy(tok + tn, rep, rl);
				tn += rl;
			}
			i += adv;
			continue;
		}
		/* a separator: finish the token */
		if (sep && tn > 0) {
			size_t start;
			unsigned char fl = 0;
			if (pending_split && main_n == (size_t)-1)
				main_n = ntok;
			pending_split = 0;
			if (ntok > 0)
				lit_buf_putc(out, ' ');
			start = out->len;
			if (is_stopword(tok, tn))
				fl |= LIT_SKEL_STOP;
			/* a single capital letter is a Roman numeral only as I, V or X
			 * not followed by a full stop (initials are not numbers) */
			if (roman && !(tn == 1 && ((roman & 2 && !numbered(prev, prevn)) || cp == '.' ||
			                           !strchr("ivx", tok[0])))) {
				char num[24];
				if (roman_token(tok, tn, num, sizeof num)) {
					tn = strlen(num);
					memcpy(tok, num, tn);
					fl &= (unsigned char)~LIT_SKEL_STOP;
				}
			}
			prevn = tn < sizeof prev ? tn : 0;
			memcpy(prev, tok, prevn);
			if (rewrite)
				skel_rewrite(tok, tn, out);
			else
				lit_buf_put(out, tok, tn);
			if (out->len == start) {
				/* nothing left (only signs): undo the space */
				if (ntok > 0)
					lit_buf_truncate(out, out->len - 1);
			} else {
				size_t k;
				int digits = 1;
				for (k = start; k < out->len; k++)
					if (!isdigit((unsigned char)out->ptr[k]))
						digits = 0;
				if (digits)
					fl |= LIT_SKEL_NUMBER;
				if (cp == '.')
					fl |= LIT_SKEL_ABBREV;
				if (flags && ntok < max_flags)
					flags[ntok] = fl;
				ntok++;
			}
			tn = 0;
		}
		roman = 1;
		/* subtitle separators */
		if (ntok > 0 && (cp == ':' || cp == ';' || cp == '?' || cp == '!' || cp == 0x2014 ||
		                 cp == 0x2013 || cp == '(' || cp == '[' ||
		                 (cp == '.' && i + 1 < len && s[i + 1] == ' ') ||
		                 (cp == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < len && s[i + 1] == ' ')))
			pending_split = 1;
		i += adv;
	}
	if (main_tokens)
		*main_tokens = main_n == (size_t)-1 ? ntok : main_n;
	return ntok;
}

size_t lit_dedup_skeleton(const char *s, lit_buf *out, size_t *main_tokens,
                          unsigned char *flags, size_t max_flags)
{
	return tokenize(s, out, main_tokens, flags, max_flags, 1);
}

size_t lit_dedup_plain(const char *s, lit_buf *out, unsigned char *flags, size_t max_flags)
{
	return tokenize(s, out, NULL, flags, max_flags, 0);
}

void lit_dedup_name_key(const lit_name *n, lit_buf *out)
{
	const char *fam = n->family;
	char tmp[256];
	size_t i, start;

	if (!fam || !*fam) {
		const char *lit = n->literal, *best = NULL, *p, *comma;
		size_t bestlen = 0;
		if (!lit || !*lit)
			lit = n->given;
		if (!lit)
			return;
		comma = strchr(lit, ',');
		if (comma && comma > lit) {
			size_t l = (size_t)(comma - lit);
			if (l >= sizeof tmp)
				l = sizeof tmp - 1;
			memcpy(tmp, lit, l);
			tmp[l] = '\0';
			fam = tmp;
		} else {
			/* the first word that is not an initial */
			p = lit;
			while (*p) {
				const char *w = p;
				size_t wl;
				while (*p && *p != ' ' && *p != '.')
					p++;
				wl = (size_t)(p - w);
				if (wl > 0 && *p != '.' && lit_utf8_length(w, wl) > 1) {
					best = w;
					bestlen = wl;
					break;
				}
				while (*p == ' ' || *p == '.')
					p++;
			}
			if (!best) {
				best = lit;
				bestlen = strlen(lit);
			}
			if (bestlen >= sizeof tmp)
				bestlen = sizeof tmp - 1;
			memcpy(tmp, best, bestlen);
			tmp[bestlen] = '\0';
			fam = tmp;
		}
	}
	start = out->len;
	lit_dedup_skeleton(fam, out, NULL, NULL, 0);
	/* drop the spaces: "Ter Haar" = "TerHaar" */
	{
		size_t j = start;
		for (i = start; i < out->len; i++)
			if (out->ptr[i] != ' ')
				out->ptr[j++] = out->ptr[i];
		lit_buf_truncate(out, j);
	}
}

/* ------------------------------------------------------------------ */
/* Similarity                                                          */
/* ------------------------------------------------------------------ */

/* Levenshtein distance of a (1..64 bytes) and b by the bit-parallel
 * algorithm of Myers as formulated by Hyyrö: O(|b|) word operations. */
static size_t myers64(const char *a, size_t m, const char *b, size_t n)
{
	uint64_t peq[256];
	uint64_t pv = ~(uint64_t)0, mv = 0, top = (uint64_t)1 << (m - 1);
	size_t score = m, i, j;
	for (i = 0; i < m; i++)
		peq[(unsigned char)a[i]] = 0;
	for (j = 0; j < n; j++)
		peq[(unsigned char)b[j]] = 0;
	for (i = 0; i < m; i++)
		peq[(unsigned char)a[i]] |= (uint64_t)1 << i;
	for (j = 0; j < n; j++) {
		uint64_t eq = peq[(unsigned char)b[j]];
		uint64_t xv = eq | mv;
		uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
		uint64_t ph = mv | ~(xh | pv);
		uint64_t mh = pv & xh;
		if (ph & top)
			score++;
		else if (mh & top)
			score--;
		ph = (ph << 1) | 1;
		mh <<= 1;
		pv = mh | ~(xv | ph);
		mv = ph & xv;
	}
	return score;
}

size_t lit_dedup_edit_distance(const char *a, size_t alen, const char *b,
                               size_t blen, size_t limit)
{
	size_t row[257], i, j, d;
	if (alen > 256)
		alen = 256;
	if (blen > 256)
		blen = 256;
	if ((alen > blen ? alen - blen : blen - alen) > limit)
		return limit + 1;
	if (alen == 0 || blen == 0)
		d = alen + blen;
	else if (alen <= 64)
		d = myers64(a, alen, b, blen);
	else if (blen <= 64)
		d = myers64(b, blen, a, alen);
	else {
		for (j = 0; j <= blen; j++)
			row[j] = j;
		for (i = 1; i <= alen; i++) {
			size_t diag = row[0], best;
			row[0] = i;
			best = row[0];
			for (j = 1; j <= blen; j++) {
				size_t up = row[j];
				size_t v = diag + (a[i - 1] != b[j - 1]);
				if (row[j - 1] + 1 < v)
					v = row[j - 1] + 1;
				if (up + 1 < v)
					v = up + 1;
				diag = up;
				row[j] = v;
				if (v < best)
					best = v;
			}
			if (best > limit)
				return limit + 1;
		}
		d = row[blen];
	}
	return d > limit ? limit + 1 : d;
}

static double tok_weight(const lit_dedup_tokens *t, size_t i)
{
	if (t->flags[i] & LIT_SKEL_STOP)
		return 0.25;
	if (t->len[i] <= 2 && !(t->flags[i] & LIT_SKEL_NUMBER))
		return 0.5;
	return 1.0;
}

/* Which letters occur in s: one bit per letter class.  Each edit changes
 * at most two bits, so masks differing in more than 2k bits rule out an
 * edit distance of k without computing it. */
uint64_t lit_dedup_char_mask(const char *s, size_t n)
{
	uint64_t m = 0;
	size_t i;
	for (i = 0; i < n; i++)
		m |= (uint64_t)1 << ((unsigned char)s[i] & 63);
	return m;
}

int lit_dedup_popcount(uint64_t x)
{
	int c = 0;
	while (x) {
		x &= x - 1;
		c++;
	}
	return c;
}

int lit_dedup_within(const char *a, size_t la, const char *b, size_t lb, size_t lim)
{
	if ((la > lb ? la - lb : lb - la) > lim)
		return 0;
	if ((size_t)lit_dedup_popcount(lit_dedup_char_mask(a, la) ^ lit_dedup_char_mask(b, lb)) > 2 * lim)
		return 0;
	return lit_dedup_edit_distance(a, la, b, lb, lim) <= lim;
}

static int tok_exact(const lit_dedup_tokens *a, size_t i, const lit_dedup_tokens *b, size_t j)
{
	return a->hash[i] == b->hash[j] && a->len[i] == b->len[j] &&
	       memcmp(a->text + a->off[i], b->text + b->off[j], a->len[i]) == 0;
}

/* 2 = same, 1 = one typo or an abbreviation, 0 = different. */
static int tok_match(const lit_dedup_tokens *a, size_t i, const lit_dedup_tokens *b, size_t j,
                     int prefix_any)
{
	size_t la = a->len[i], lb = b->len[j], mn;
	const char *ta = a->text + a->off[i], *tb = b->text + b->off[j];
	if (a->hash[i] == b->hash[j] && la == lb && memcmp(ta, tb, la) == 0)
		return 2;
	if ((a->flags[i] | b->flags[j]) & LIT_SKEL_NUMBER)
		return 0;
	mn = la < lb ? la : lb;
	/* abbreviation: the shorter one is a prefix of the longer ("Proc." =
	 * "Proceedings") or a contraction with the same first letter ("Natl." =
	 * "National") */
	if (la != lb && mn >= 1 && ta[0] == tb[0]) {
		int abbrev = prefix_any || ((la < lb ? a->flags[i] : b->flags[j]) & LIT_SKEL_ABBREV);
		if (memcmp(ta, tb, mn) == 0 && (abbrev || mn >= 4))
			return 1;
		if (abbrev) {
			const char *sh = la < lb ? ta : tb, *lo = la < lb ? tb : ta;
			size_t ls = mn, ll = la < lb ? lb : la, x = 1, y = 1;
			while (x < ls && y < ll) {
				if (sh[x] == lo[y])
					x++;
				y++;
			}
			if (x == ls)
				return 1;
		}
	}
	if (mn >= 4 && lit_dedup_within(ta, la, tb, lb, mn >= 8 ? 2 : 1))
		return 1;
	return 0;
}

/* Dice similarity of token ranges a[0..na) and b[0..nb). */
static double dice(const lit_dedup_tokens *a, size_t na, const lit_dedup_tokens *b, size_t nb)
{
	unsigned char used[64];
	size_t i, j;
	double wa = 0, wb = 0, m = 0;
	if (na > 64) na = 64;
	if (nb > 64) nb = 64;
	memset(used, 0, nb);
	for (i = 0; i < na; i++)
		wa += tok_weight(a, i);
	for (j = 0; j < nb; j++)
		wb += tok_weight(b, j);
	if (wa <= 0 || wb <= 0)
		return 0;
	/* exact matches first, then typos and abbreviations */
	unsigned char amatched[64];
	memset(amatched, 0, na);
	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (!used[j] && tok_exact(a, i, b, j)) {
				used[j] = 1;
				amatched[i] = 1;
				m += (tok_weight(a, i) + tok_weight(b, j)) / 2;
				break;
			}
	{
		/* even if every token left matched with a typo, too far apart:
		 * the exact part is answer enough (callers need 0.6 or more) */
		double ra = 0, rb = 0;
		for (i = 0; i < na; i++)
			if (!amatched[i])
				ra += tok_weight(a, i);
		for (j = 0; j < nb; j++)
			if (!used[j])
				rb += tok_weight(b, j);
		if (2 * (m + 0.9 * (ra < rb ? ra : rb)) / (wa + wb) < 0.5)
			return 2 * m / (wa + wb);
	}
	for (i = 0; i < na; i++) {
		if (amatched[i])
			continue;
		for (j = 0; j < nb; j++)
			if (!used[j] && tok_match(a, i, b, j, 0) == 1) {
				used[j] = 1;
				m += 0.9 * (tok_weight(a, i) + tok_weight(b, j)) / 2;
				break;
			}
	}
	return 2 * m / (wa + wb);
}

static double range_weight(const lit_dedup_tokens *t, size_t n)
{
	double w = 0;
	size_t i;
	for (i = 0; i < n; i++)
		w += tok_weight(t, i);
	return w;
}

double lit_dedup_title_sim(const lit_dedup_tokens *a, const lit_dedup_tokens *b)
{
	double best, d;
	if (a->n == 0 || b->n == 0)
		return 0;
	best = dice(a, a->n, b, b->n);
	if (best >= 0.999)
		return 1.0;
	/* one title lacks the other's subtitle */
	if (a->main_n < a->n && a->main_n > 0 && b->main_n == b->n &&
	    range_weight(a, a->main_n) >= 1.5) {
		d = 0.95 * dice(a, a->main_n, b, b->n);
		if (d > best)
			best = d;
	}
	if (b->main_n < b->n && b->main_n > 0 && a->main_n == a->n &&
	    range_weight(b, b->main_n) >= 1.5) {
		d = 0.95 * dice(a, a->n, b, b->main_n);
		if (d > best)
			best = d;
	}
	/* split or joined words, typos in short words */
	if (best >= 0.4 && best < 0.92) {
		size_t la = strlen(a->text), lb = strlen(b->text);
		size_t mx = la > lb ? la : lb;
		if (mx >= 12) {
			size_t lim = mx / 5;
			size_t dist = lit_dedup_edit_distance(a->text, la, b->text, lb, lim);
			if (dist <= lim) {
				d = 1.0 - (double)dist / (double)mx;
				if (d > best)
					best = d;
			}
		}
	}
	return best;
}

double lit_dedup_container_sim(const lit_dedup_tokens *a, const lit_dedup_tokens *b)
{
	const lit_dedup_tokens *s = a, *l = b;
	size_t i, j = 0, matched = 0, ns = 0;
	if (a->n == 0 || b->n == 0)
		return 0;
	if (a->n > b->n) {
		s = b;
		l = a;
	}
	for (i = 0; i < s->n; i++) {
		size_t k;
		if (s->flags[i] & LIT_SKEL_STOP)
			continue;
		ns++;
		for (k = j; k < l->n; k++)
			if (tok_match(s, i, l, k, 1)) {
				matched++;
				j = k + 1;
				break;
			}
	}
	if (ns == 0)
		return dice(a, a->n, b, b->n);
	if (matched == ns)
		return 1.0;
	{
		double d = dice(a, a->n, b, b->n), f = (double)matched / (double)ns;
		return d > f ? d : f;
	}
}

/* ------------------------------------------------------------------ */
/* Numbers and pages                                                   */
/* ------------------------------------------------------------------ */

long lit_dedup_first_number(const char *s)
{
	static const struct { const char *w; long n; } ords[] = {
		{ "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 }, { "fifth", 5 },
		{ "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 }, { "ninth", 9 }, { "tenth", 10 },
		{ "перв", 1 }, { "втор", 2 }, { "трет", 3 }, { "четв", 4 }, { "пят", 5 },
		{ "шест", 6 }, { "седьм", 7 }, { "восьм", 8 }, { "девят", 9 }, { "десят", 10 },
		{ "Перв", 1 }, { "Втор", 2 }, { "Трет", 3 }, { "Четв", 4 }, { "Пят", 5 },
		{ NULL, 0 }
	};
	const char *p;
	size_t k;
	if (!s)
		return -1;
	for (p = s; *p; p++)
		if (isdigit((unsigned char)*p)) {
			long v = 0;
			while (isdigit((unsigned char)*p) && v < 100000000)
				v = v * 10 + (*p++ - '0');
			return v;
		}
	/* Roman numerals as whole words */
	for (p = s; *p;) {
		const char *w;
		while (*p && !isalpha((unsigned char)*p))
			p++;
		w = p;
		while (isalpha((unsigned char)*p))
			p++;
		if (p > w && p - w <= 8) {
			long v = roman_value(w, (size_t)(p - w));
			if (v > 0)
				return v;
		}
		if (!*p)
			break;
		if (p == w)
			p++;
	}
	for (k = 0; ords[k].w; k++) {
		const char *hit = strstr(s, ords[k].w);
		if (hit)
			return ords[k].n;
		{
			/* English ordinals in any case */
			size_t wl = strlen(ords[k].w), i2;
			for (p = s; *p; p++) {
				for (i2 = 0; i2 < wl && p[i2] && tolower((unsigned char)p[i2]) == ords[k].w[i2]; i2++)
					;
				if (i2 == wl)
					return ords[k].n;
			}
		}
	}
	return -1;
}

int lit_dedup_pages(const char *s, long *first, long *last)
{
	const char *p = s;
	long a = 0, b;
	int da = 0;
	if (!s)
		return 0;
	while (*p && !isdigit((unsigned char)*p))
		p++;
	if (!*p)
		return 0;
	while (isdigit((unsigned char)*p) && a < 100000000) {
		a = a * 10 + (*p++ - '0');
		da++;
	}
	b = a;
	while (*p == ' ')
		p++;
	{
		size_t adv = 1;
		int32_t cp = *p ? lit_utf8_decode(p, strlen(p), &adv) : 0;
		if (cp > 0 && lit_cp_is_dash((uint32_t)cp)) {
			const char *q = p + adv;
			while (*q == ' ' || *q == '-')
				q++;
			while (*q && !isdigit((unsigned char)*q) && isalpha((unsigned char)*q))
				q++; /* "e12-e19" */
			if (isdigit((unsigned char)*q)) {
				long v = 0;
				int dv = 0;
				while (isdigit((unsigned char)*q) && v < 100000000) {
					v = v * 10 + (*q++ - '0');
					dv++;
				}
				if (v < a && dv < da) {
					/* "123-9" = 123-129 */
					long m = 1;
					int k;
					for (k = 0; k < dv; k++)
						m *= 10;
					v = a - a % m + v;
				}
				if (v >= a)
					b = v;
			}
		}
	}
	*first = a;
	*last = b;
	return 1;
}
