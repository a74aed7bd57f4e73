/*
 * names.c - splitting one personal name written as text into its parts,
 * following BibTeX's rules ("First von Last", "von Last, First",
 * "von Last, Jr, First"; tokens are separated by white space at brace
 * depth 0 and a token is "von" when its first letter at depth 0 is lower
 * case), plus the Russian habit "Иванов И. И." (family name followed by
 * initials).  A name wholly wrapped in braces is an organisation.
 */
#include <stdlib.h>
#include <string.h>

#include "litera/common.h"
#include "names.h"
#include "buf.h"
#include "utf8.h"

#define MAX_TOKENS 64

typedef struct tok {
	size_t b, e;   /* byte range in the string */
	int part;      /* 0, 1, 2: index of the comma-separated part */
} tok;

static size_t space_len(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c >= 0x80) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + i, len - i, &adv);
		if (cp > 0 && lit_cp_is_space((uint32_t)cp))
			return adv;
	}
	return 0;
}

/* 1 when the token's first letter at brace depth 0 is lower case.  A
 * token that opens with a group ("{Ch}ristopher", the decoded form of
 * {\relax Ch}ristopher) takes its case from the group's first letter. */
static int token_is_lower(const char *s, size_t b, size_t e)
{
	long depth = 0;
	size_t i = b;
	if (i < e && s[i] == '{') {
		while (i < e && s[i] == '{')
			i++;
		while (i < e) {
			size_t adv;
			int32_t cp = lit_utf8_decode(s + i, e - i, &adv);
			i += adv;
			if (cp == '}')
				break;
			if (cp > 0 && lit_cp_is_letter((uint32_t)cp))
				return lit_cp_toupper((uint32_t)cp) != (uint32_t)cp &&
				       lit_cp_tolower((uint32_t)cp) == (uint32_t)cp;
		}
		return 0;
	}
	while (i < e) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + i, e - i, &adv);
		i += adv;
		if (cp == '{')
			depth++;
		else if (cp == '}')
			depth--;
		else if (depth == 0 && cp > 0 && lit_cp_is_letter((uint32_t)cp))
			return lit_cp_toupper((uint32_t)cp) != (uint32_t)cp &&
			       lit_cp_tolower((uint32_t)cp) == (uint32_t)cp;
	}
	return 0;
}

/* "И.", "И.И.", "Ж.-Л.", "Yu.": letters in runs of at most two, each run
 * followed by '.', first letter upper case. */
static int token_is_initials(const char *s, size_t b, size_t e)
{
	if (e <= b || s[e - 1] != '.')
		return 0;
	size_t i = b, run = 0, runs = 0;
	int first = 1;
	while (i < e) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + i, e - i, &adv);
		i += adv;
		if (cp > 0 && lit_cp_is_letter((uint32_t)cp)) {
			if (first && !lit_cp_is_upper((uint32_t)cp))
				return 0;
			first = 0;
			if (++run > 2)
				return 0;
		} else if (cp == '.') {
			if (run == 0)
				return 0;
			run = 0;
			runs++;
		} else if (cp == '-') {
			if (run != 0)
				return 0;
		} else {
			return 0;
		}
	}
	return runs > 0;
}

static int is_suffix_word(const char *s, size_t b, size_t e)
{
	static const char *const words[] = { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "мл.", "ст." };
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (strlen(words[k]) == e - b && memcmp(words[k], s + b, e - b) == 0)
			return 1;
	return 0;
}

/* New string: tokens [from, to) joined by one space, braces removed.
 * NULL when the range is empty; *fail set on ENOMEM. */
static char *join(const char *s, const tok *t, size_t from, size_t to, int *fail)
{
	if (from >= to)
		return NULL;
	lit_buf b = LIT_BUF_INIT;
	for (size_t k = from; k < to; k++) {
		if (b.len && b.ptr[b.len - 1] != ' ')
			lit_buf_putc(&b, ' ');
		for (size_t i = t[k].b; i < t[k].e; i++)
			if (s[i] != '{' && s[i] != '}')
				lit_buf_putc(&b, s[i]);
	}
	while (b.len && b.ptr[b.len - 1] == ' ')
		b.len--;
	if (b.ptr)
		b.ptr[b.len] = 0;
	if (lit_buf_status(&b)) {
		lit_buf_free(&b);
		*fail = 1;
		return NULL;
	}
	if (b.len == 0) {
		lit_buf_free(&b);
		return NULL;
	}
	return lit_buf_detach(&b, NULL);
}

static void set_part(lit_owned_name *out, int slot, char *value)
{
	out->mem[slot] = value;
	switch (slot) {
	case 0: out->n.family = value; break;
	case 1: out->n.given = value; break;
	case 2: out->n.dropping_particle = value; break;
	case 3: out->n.non_dropping_particle = value; break;
	case 4: out->n.suffix = value; break;
	default: out->n.literal = value; break;
	}
}

/* von Last within tokens [b, e): von ends at the last lower-case token
 * before the final token, when the first token is lower case. */
static void split_von_last(const char *s, const tok *t, size_t b, size_t e,
                           lit_owned_name *out, int *fail)
{
	size_t von_end = b;
	if (e - b >= 2 && token_is_lower(s, t[b].b, t[b].e)) {
		for (size_t k = b; k + 1 < e; k++)
			if (token_is_lower(s, t[k].b, t[k].e))
				von_end = k + 1;
	}
	set_part(out, 3, join(s, t, b, von_end, fail));
	set_part(out, 0, join(s, t, von_end, e, fail));
}

int lit_name_split(const char *s, size_t len, lit_owned_name *out)
{
	memset(out, 0, sizeof *out);
	/* trim */
	while (len > 0 && space_len(s, len, 0)) {
		size_t n = space_len(s, len, 0);
		s += n;
		len -= n;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if (len == 0)
		return LIT_EINVAL;
	int fail = 0;

	/* {Organisation Name}: one group covering the whole name */
	if (s[0] == '{') {
		long depth = 0;
		size_t i;
		for (i = 0; i < len; i++) {
			if (s[i] == '{')
				depth++;
			else if (s[i] == '}' && --depth == 0)
				break;
		}
		if (i == len - 1) {
			tok whole = { 1, len - 1, 0 };
			set_part(out, 5, join(s, &whole, 0, 1, &fail));
			if (fail) {
				lit_owned_name_free(out);
				return LIT_ENOMEM;
			}
			return out->n.literal ? LIT_OK : LIT_EINVAL;
		}
	}

	tok t[MAX_TOKENS];
	size_t n = 0;
	int part = 0;
	long depth = 0;
	size_t i = 0, start = (size_t)-1;
	while (i <= len) {
		size_t sp = i < len ? space_len(s, len, i) : 1;
		char c = i < len ? s[i] : ',';
		int end_tok = (i == len) || (depth == 0 && (sp || c == ','));
		if (end_tok) {
			if (start != (size_t)-1) {
				if (n < MAX_TOKENS) {
					t[n].b = start;
					t[n].e = i;
					t[n].part = part;
					n++;
				} else {
					t[n - 1].e = i; /* glue the rest into the last token */
				}
				start = (size_t)-1;
			}
			if (i < len && c == ',' && part < 2)
				part++;
			i += sp && i < len ? sp : 1;
			continue;
		}
		if (c == '{')
			depth++;
		else if (c == '}' && depth > 0)
			depth--;
		if (start == (size_t)-1)
			start = i;
		i++;
	}
	if (n == 0)
		return LIT_EINVAL;

	if (part == 0) {
		size_t e = n;
		if (n >= 3 && is_suffix_word(s, t[n - 1].b, t[n - 1].e)) {
			set_part(out, 4, join(s, t, n - 1, n, &fail));
			e = n - 1;
		}
		int initials = e >= 2 && !token_is_initials(s, t[0].b, t[0].e);
		for (size_t k = 1; k < e && initials; k++)
			initials = token_is_initials(s, t[k].b, t[k].e);
		if (initials) {
			/* Иванов И. И. */
			set_part(out, 0, join(s, t, 0, 1, &fail));
			set_part(out, 1, join(s, t, 1, e, &fail));
		} else if (e == 1) {
			set_part(out, 0, join(s, t, 0, 1, &fail));
		} else {
			/* First von Last */
			size_t von_b = e, von_e = e;
			for (size_t k = 0; k + 1 < e; k++) {
				if (token_is_lower(s, t[k].b, t[k].e)) {
					if (von_b == e)
						von_b = k;
					von_e = k + 1;
				}
			}
			if (von_b == e) {
				/* no von: Last is the final token */
				set_part(out, 1, join(s, t, 0, e - 1, &fail));
				set_part(out, 0, join(s, t, e - 1, e, &fail));
			} else {
				set_part(out, 1, join(s, t, 0, von_b, &fail));
				set_part(out, 3, join(s, t, von_b, von_e, &fail));
				set_part(out, 0, join(s, t, von_e, e, &fail));
			}
		}
	} else {
		size_t p1 = 0, p2 = 0;
		while (p1 < n && t[p1].part == 0)
			p1++;
		p2 = p1;
		while (p2 < n && t[p2].part == 1)
			p2++;
		if (p1 > 0)
			split_von_last(s, t, 0, p1, out, &fail);
		if (part == 1) {
			set_part(out, 1, join(s, t, p1, n, &fail));
		} else {
			set_part(out, 4, join(s, t, p1, p2, &fail));
			set_part(out, 1, join(s, t, p2, n, &fail));
		}
		if (!out->n.family && out->n.non_dropping_particle) {
			/* "von, First": treat the lone lower-case word as the family */
			out->n.family = out->mem[0] = out->mem[3];
			out->mem[3] = NULL;
			out->n.non_dropping_particle = NULL;
		}
	}
	if (fail) {
		lit_owned_name_free(out);
		return LIT_ENOMEM;
	}
	if (!out->n.family && !out->n.given && !out->n.literal) {
		lit_owned_name_free(out); /* e.g. ", Jr," alone */
		return LIT_EINVAL;
	}
	return LIT_OK;
}

void lit_owned_name_free(lit_owned_name *n)
{
	if (!n)
		return;
	for (int i = 0; i < 6; i++)
		free(n->mem[i]);
	memset(n, 0, sizeof *n);
}
