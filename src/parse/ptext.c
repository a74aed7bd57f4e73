/*
 * ptext.c - the small UTF-8 toolkit of the reference parser: decoding,
 * script and case classification, lower-casing and hashing.  Kept inside
 * the parser so that tokenization (and thus the trained model) does not
 * change when the shared utilities do.
 */
#include <string.h>
#include "parse_internal.h"

int32_t lit_pu8_next_multi(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i;
	unsigned c = p[0];
	int32_t cp;
	size_t n;

	if (c < 0x80) {
		*i += 1;
		return (int32_t)c;
	}
	if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
	else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
	else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
	else { *i += 1; return 0xFFFD; }
	if (left < n) { *i += 1; return 0xFFFD; }
	for (size_t k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80) { *i += 1; return 0xFFFD; }
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	*i += n;
	return cp;
}

int lit_pu8_is_cyr(int32_t c) { return c >= 0x400 && c <= 0x52F; }

int lit_pu8_is_cjk(int32_t c)
{
	return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3040 && c <= 0x30FF) ||
	       (c >= 0x3130 && c <= 0x318F) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	       (c >= 0xF900 && c <= 0xFAFF);
}

int lit_pu8_is_letter(int32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	if (c < 0xC0)
		return c == 0xAA || c == 0xB5 || c == 0xBA;
	if (c == 0xD7 || c == 0xF7)
		return 0;
	if (c <= 0x24F || (c >= 0x250 && c <= 0x2AF))
		return 1;
	if (c >= 0x300 && c <= 0x36F) /* combining marks stay inside words */
		return 1;
	if (c >= 0x370 && c <= 0x3FF)
		return c != 0x37E && c != 0x387;
	if (lit_pu8_is_cyr(c) || lit_pu8_is_cjk(c))
		return 1;
	if (c >= 0x1E00 && c <= 0x1FFF) /* Latin extended additional, Greek ext. */
		return 1;
	if (c >= 0x531 && c <= 0x587) /* Armenian */
		return 1;
	if (c >= 0x5D0 && c <= 0x5EA) /* Hebrew */
		return 1;
	if (c >= 0x620 && c <= 0x64A) /* Arabic */
		return 1;
	return 0;
}

int lit_pu8_is_upper(int32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return 1;
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if (c >= 0x100 && c <= 0x17F)
		return (c & 1) == 0;
	if (c >= 0x391 && c <= 0x3A9)
		return 1;
	if (c >= 0x400 && c <= 0x42F)
		return 1;
	if (c >= 0x460 && c <= 0x4FF)
		return (c & 1) == 0;
	return 0;
}

int lit_pu8_is_space(int32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

int lit_pu8_is_dash(int32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

int32_t lit_pu8_lower(int32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xC0)
		return c;
	if (c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c >= 0x100 && c <= 0x17F && (c & 1) == 0)
		return c + 1;
	if (c >= 0x391 && c <= 0x3A9)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c >= 0x460 && c <= 0x4FF && (c & 1) == 0)
		return c + 1;
	return c;
}

static size_t put_cp(char *out, size_t pos, size_t cap, int32_t c)
{
	unsigned u = (unsigned)c;
	if (u < 0x80) {
		if (pos + 1 > cap) return pos;
		out[pos++] = (char)u;
	} else if (u < 0x800) {
		if (pos + 2 > cap) return pos;
		out[pos++] = (char)(0xC0 | (u >> 6));
		out[pos++] = (char)(0x80 | (u & 0x3F));
	} else if (u < 0x10000) {
		if (pos + 3 > cap) return pos;
		out[pos++] = (char)(0xE0 | (u >> 12));
		out[pos++] = (char)(0x80 | ((u >> 6) & 0x3F));
		out[pos++] = (char)(0x80 | (u & 0x3F));
	} else {
		if (pos + 4 > cap) return pos;
		out[pos++] = (char)(0xF0 | (u >> 18));
		out[pos++] = (char)(0x80 | ((u >> 12) & 0x3F));
		out[pos++] = (char)(0x80 | ((u >> 6) & 0x3F));
		out[pos++] = (char)(0x80 | (u & 0x3F));
	}
	return pos;
}

size_t lit_pu8_lower_str(const char *s, size_t len, char *out, size_t outcap)
{
	size_t i = 0, pos = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			/* ASCII: one byte in, one out */
			if (pos + 1 > outcap)
				break;
			out[pos++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
			i++;
			continue;
		}
		int32_t c = lit_pu8_next(s, len, &i);
		if (c == 0x451) /* ё folds to е */
			c = 0x435;
		size_t np = put_cp(out, pos, outcap, lit_pu8_lower(c));
		if (np == pos)
			break;
		pos = np;
	}
	return pos;
}

uint64_t lit_phash(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ull ^ (seed * 0x9E3779B97F4A7C15ull);
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return h;
}
