/*
 * unicode.c - the one adapter to utf8proc: case mapping, letter classes,
 * normalisation and folding.  utf8proc is used because Unicode tables are
 * exactly what hand-written code gets wrong.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"
#include "buf.h"

uint32_t lit_cp_tolower(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

uint32_t lit_cp_toupper(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
	return (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}

int lit_cp_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int lit_cp_is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

uint32_t lit_cp_base_letter(uint32_t cp)
{
	utf8proc_int32_t out[8];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, out, 8,
		UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
	if (n < 1 || n > 8 || (uint32_t)out[0] == cp)
		return 0;
	return (uint32_t)out[0];
}

static char *map(const char *s, size_t len, utf8proc_option_t opts)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	                                  &out, opts);
	if (n < 0) {
		free(out);
		return NULL;
	}
	return (char *)out;
}

char *lit_utf8_nfc(const char *s, size_t len)
{
	return map(s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

char *lit_utf8_fold(const char *s, size_t len)
{
	char *m = map(s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
	if (!m)
		return NULL;
	/* collapse whitespace, trim */
	size_t n = strlen(m), j = 0, i = 0;
	int space = 1;
	while (i < n) {
		size_t adv;
		int32_t cp = lit_utf8_decode(m + i, n - i, &adv);
		if (cp >= 0 && lit_cp_is_space((uint32_t)cp)) {
			if (!space)
				m[j++] = ' ';
			space = 1;
		} else {
			memmove(m + j, m + i, adv);
			j += adv;
			space = 0;
		}
		i += adv;
	}
	if (j && m[j - 1] == ' ')
		j--;
	m[j] = '\0';
	return m;
}
