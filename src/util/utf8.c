/*
 * utf8.c - UTF-8 decoding, validation, classification and Cyrillic to
 * Latin transliteration (GOST 7.79-2000 system B).  Unicode tables beyond
 * these small sets come from utf8proc, through unicode.c.
 */
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "buf.h"

int32_t lit_utf8_decode(const char *str, size_t len, size_t *adv)
{
	const unsigned char *s = (const unsigned char *)str;
	*adv = 1;
	if (len == 0)
		return -1;
	unsigned c = s[0];
	if (c < 0x80)
		return (int32_t)c;
	size_t n;
	uint32_t cp, min;
	if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; min = 0x80; }
	else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; min = 0x800; }
	else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; min = 0x10000; }
	else return -1;
	if (len < n)
		return -1;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*adv = n;
	return (int32_t)cp;
}

size_t lit_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) { out[0] = (char)cp; return 1; }
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			return 0;
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp < 0x110000) {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

int lit_utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	while (i < len) {
		/* fast path for ASCII runs */
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t adv;
		if (lit_utf8_decode(s + i, len - i, &adv) < 0) {
			if (bad)
				*bad = i;
			return 0;
		}
		i += adv;
	}
	return 1;
}

size_t lit_utf8_length(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

int lit_cp_is_cyrillic(uint32_t cp)
{
	return (cp >= 0x0400 && cp <= 0x052F) || (cp >= 0x1C80 && cp <= 0x1C8F) ||
	       (cp >= 0x2DE0 && cp <= 0x2DFF) || (cp >= 0xA640 && cp <= 0xA69F);
}

int lit_cp_is_latin(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0x1E00 && cp <= 0x1EFF);
}

int lit_cp_is_space(uint32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
		return 1;
	default:
		return cp >= 0x2000 && cp <= 0x200B;
	}
}

int lit_cp_is_dash(uint32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
	       cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D;
}

int lit_utf8_mostly_cyrillic(const char *s, size_t len)
{
	size_t cyr = 0, lat = 0, i = 0;
	while (i < len) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + i, len - i, &adv);
		i += adv;
		if (cp < 0)
			continue;
		if (lit_cp_is_cyrillic((uint32_t)cp))
			cyr++;
		else if (lit_cp_is_latin((uint32_t)cp))
			lat++;
	}
	return cyr > 0 && cyr >= lat;
}

/* GOST 7.79-2000 system B, lower case, for U+0430..U+045F. */
static const char *const gost_b[0x30] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "j", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "x", "cz", "ch", "sh", "shh", "``", "y`", "`", "e`", "yu", "ya",
	/* U+0450..U+045F: ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ */
	"e", "yo", "dj", "g`", "ye", "z`", "i", "yi", "j", "lj", "nj", "c`", "k`", "i", "u`", "dh",
};

/* Letters where "cz" shortens to "c" (before e, i, y, j per GOST 7.79 B). */
static int c_short_before(uint32_t next)
{
	next = lit_cp_tolower(next);
	return next == 0x0435 || next == 0x0438 || next == 0x044B || next == 0x0439 ||
	       next == 0x0456 || next == 0x044D;
}

char *lit_translit(const char *s, size_t len, int plain)
{
	lit_buf b = LIT_BUF_INIT;
	lit_buf_grow(&b, len + 8);
	size_t i = 0;
	while (i < len) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + i, len - i, &adv);
		if (cp < 0) {
			i += adv;
			continue;
		}
		uint32_t c = (uint32_t)cp;
		i += adv;
		if (c < 0x80) {
			lit_buf_putc(&b, (int)c);
			continue;
		}
		uint32_t lower = lit_cp_tolower(c);
		if (lower >= 0x0430 && lower <= 0x045F) {
			const char *t = gost_b[lower - 0x0430];
			if (lower == 0x0446) { /* ц */
				size_t a2;
				int32_t nx = i < len ? lit_utf8_decode(s + i, len - i, &a2) : -1;
				t = (nx >= 0 && c_short_before((uint32_t)nx)) ? "c" : "cz";
			}
			int upper = lower != c;
			for (size_t k = 0; t[k]; k++) {
				char ch = t[k];
				if (plain && (ch == '`' || ch == '\''))
					continue;
				if (upper && k == 0 && ch >= 'a' && ch <= 'z')
					ch = (char)(ch - 'a' + 'A');
				lit_buf_putc(&b, ch);
			}
			continue;
		}
		if (lower == 0x0491) { /* ґ */
			lit_buf_puts(&b, lower != c ? "G" : "g");
			if (!plain)
				lit_buf_putc(&b, '`');
			continue;
		}
		/* Other letters: strip diacritics through the base letter. */
		uint32_t base = lit_cp_base_letter(c);
		if (base && base < 0x80) {
			lit_buf_putc(&b, (int)base);
			continue;
		}
		switch (c) {
		case 0xDF: lit_buf_puts(&b, "ss"); break;
		case 0xC6: lit_buf_puts(&b, "AE"); break;
		case 0xE6: lit_buf_puts(&b, "ae"); break;
		case 0xD8: lit_buf_puts(&b, "O"); break;
		case 0xF8: lit_buf_puts(&b, "o"); break;
		case 0x141: lit_buf_puts(&b, "L"); break;
		case 0x142: lit_buf_puts(&b, "l"); break;
		case 0x110: lit_buf_puts(&b, "D"); break;
		case 0x111: lit_buf_puts(&b, "d"); break;
		case 0x152: lit_buf_puts(&b, "OE"); break;
		case 0x153: lit_buf_puts(&b, "oe"); break;
		case 0x2013: case 0x2014: case 0x2010: case 0x2011: case 0x2212:
			lit_buf_putc(&b, '-');
			break;
		case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E:
			lit_buf_putc(&b, '"');
			break;
		case 0x2018: case 0x2019:
			lit_buf_putc(&b, '\'');
			break;
		default:
			if (lit_cp_is_space(c))
				lit_buf_putc(&b, ' ');
			else if (!plain)
				lit_buf_put(&b, s + i - adv, adv);
			break;
		}
	}
	return lit_buf_detach(&b, NULL);
}
