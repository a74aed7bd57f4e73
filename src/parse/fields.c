/*
 * fields.c - post-processing: labelled tokens to a lit_record.
 *
 * Consecutive tokens with one label form a span.  Each span is cleaned of
 * the punctuation around it and turned into CSL variables: names are
 * split, dates parsed, volume/issue/page numbers separated from their
 * abbreviations ("Т. 49", "Vol. 3, No. 2", "45(3)", "pp. 1761-1800",
 * "С. 75-85", "234 с."), identifiers normalised (DOI without resolver,
 * URL kept as written), the access date read from "(дата обращения:
 * 12.03.2024)", and the item type and language inferred.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse_internal.h"
#include "pfields.h"

#define SPAN_MAX 64

typedef struct span {
	int label;
	size_t t0, t1;   /* token range */
	size_t a, b;     /* byte range */
} span;

typedef struct ctx {
	const lit_ptokens *t;
	const uint8_t *labels;
	uint8_t lab[LIT_PARSE_MAX_TOKENS]; /* the model's labels after token-level repairs */
	int org_author;                     /* the author span is one group's name (APA) */
	span sp[LIT_PARSE_MAX_TOKENS];
	size_t nsp;
	lit_record *rec;
	char buf[LIT_PARSE_MAX_TEXT + 64];
	char low[LIT_PARSE_MAX_TEXT + 8]; /* the whole text, lower-cased */
} ctx;

/* Does the lower-cased text contain `needle` (lower-case)? */
static int text_has(const ctx *c, const char *needle)
{
	return strstr(c->low, needle) != NULL;
}

/* "А. с. 1007970 СССР" (an author's certificate, авторское свидетельство),
 * not the initials "А. С. Солодовниковой": "а. с." before a number. */
static int author_certificate(const ctx *c)
{
	static const char key[] = "\xd0\xb0. \xd1\x81. ";
	for (const char *m = strstr(c->low, key); m; m = strstr(m + 1, key))
		if (m[sizeof key - 1] >= '0' && m[sizeof key - 1] <= '9')
			return 1;
	return 0;
}

/* Does the lower-cased text contain `word` at the start of a word ("thesis"
 * but not "synthesis")? */
static int text_has_word(const ctx *c, const char *word)
{
	for (const char *m = strstr(c->low, word); m; m = strstr(m + 1, word))
		if (m == c->low || !(((unsigned char)m[-1] >= 'a' && (unsigned char)m[-1] <= 'z') || (unsigned char)m[-1] >= 0x80))
			return 1;
	return 0;
}

static int is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Copy s[a,b) to out collapsing whitespace (incl. NBSP etc.) to single spaces. */
static size_t squash(const char *s, size_t a, size_t b, char *out, size_t cap)
{
	size_t pos = 0, i = a;
	int sp = 0;
	while (i < b) {
		size_t j = i;
		int32_t c = lit_pu8_next(s, b, &j);
		if (lit_pu8_is_space(c) || c == 0xAD) {
			if (c != 0xAD)
				sp = pos > 0;
			i = j;
			continue;
		}
		if (sp) {
			if (pos + 1 >= cap)
				break;
			out[pos++] = ' ';
			sp = 0;
		}
		if (pos + (j - i) >= cap)
			break;
		memcpy(out + pos, s + i, j - i);
		pos += j - i;
		i = j;
	}
	out[pos] = 0;
	return pos;
}

static int count_char(const char *s, size_t len, char c)
{
	int n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == c;
	return n;
}

/* Is the code point at s[i] edge punctuation? Returns its byte length or 0. */
static size_t edge_len(const char *s, size_t len, size_t i, int leading)
{
	size_t j = i;
	int32_t c = lit_pu8_next(s, len, &j);
	switch (c) {
	case ' ': case ',': case ';': case ':': case '/': case '*': case '_':
	case '"': case '\'': case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E:
	case 0x2018: case 0x2019: case 0x201A: case 0x2039: case 0x203A:
		return j - i;
	case '.':
		return leading ? j - i : 0;
	default:
		if (lit_pu8_is_dash(c) || lit_pu8_is_space(c))
			return j - i;
		return 0;
	}
}

/* Trim edge punctuation in place; keeps a final '.' of an abbreviation
 * only when `keep_dot`; balances brackets.  Returns the new length. */
/* Is the guillemet or curly quote at s[i] one half of a pair whose other
 * half stands inside s[a, b), not at its edge ("«Слово о полку Игореве» и
 * его время", "специальность 5.2.6 «Менеджмент»")?  Such a quote is text,
 * not edge punctuation. */
static int inner_quote_pair(const char *s, size_t a, size_t b, size_t i)
{
	static const char *const open[] = { "\xc2\xab", "\xe2\x80\x9c" }, *const close[] = { "\xc2\xbb", "\xe2\x80\x9d" };
	for (int q = 0; q < 2; q++) {
		size_t ol = strlen(open[q]), cl = strlen(close[q]);
		if (i + ol <= b && !memcmp(s + i, open[q], ol)) {
			/* an opening quote whose closing one is followed by more words */
			for (size_t k = i + ol; k + cl <= b; k++)
				if (!memcmp(s + k, close[q], cl)) {
					for (size_t m = k + cl; m < b; m++)
						if (((unsigned char)s[m] >= 0x80) || (s[m] >= '0' && s[m] <= '9') ||
						    ((s[m] | 0x20) >= 'a' && (s[m] | 0x20) <= 'z'))
							return 1;
					return 0;
				}
			return 0;
		}
		if (i + cl <= b && !memcmp(s + i, close[q], cl)) {
			/* a closing quote whose opening one is not at the start */
			for (size_t k = a + 1; k + ol <= i; k++)
				if (!memcmp(s + k, open[q], ol))
					return 1;
			return 0;
		}
	}
	return 0;
}

static size_t trim(char *s, size_t len, int keep_dot)
{
	size_t a = 0, b = len;
	for (int round = 0; round < 8; round++) {
		size_t oa = a, ob = b;
		while (a < b) {
			size_t l = edge_len(s, b, a, 1);
			if (!l || inner_quote_pair(s, a, b, a))
				break;
			a += l;
		}
		while (b > a) {
			size_t k = b - 1;
			while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			size_t l = edge_len(s, b, k, 0);
			if (l && inner_quote_pair(s, a, b, k))
				break;
			if (!l) {
				if (s[k] == '.' && !keep_dot) {
					/* keep "..." and a dot after a one-letter word (initials, "Vol. 3 A.") */
					if (k >= 1 && s[k - 1] == '.')
						break;
					b = k;
					continue;
				}
				break;
			}
			b = k;
		}
		/* unbalanced brackets at the edges */
		if (b > a && (s[a] == '(' || s[a] == '[') &&
		    count_char(s + a, b - a, s[a] == '(' ? ')' : ']') < count_char(s + a, b - a, s[a]))
			a++;
		if (b > a && (s[b - 1] == ')' || s[b - 1] == ']') &&
		    count_char(s + a, b - a, s[b - 1] == ')' ? '(' : '[') < count_char(s + a, b - a, s[b - 1]))
			b--;
		/* a fully bracketed value: "(2011)" "[Title]" */
		if (b > a + 1 && ((s[a] == '(' && s[b - 1] == ')') || (s[a] == '[' && s[b - 1] == ']')) &&
		    count_char(s + a + 1, b - a - 2, '(') == count_char(s + a + 1, b - a - 2, ')') &&
		    count_char(s + a + 1, b - a - 2, '[') == count_char(s + a + 1, b - a - 2, ']') &&
		    count_char(s + a + 1, b - a - 2, s[a]) == 0) {
			a++;
			b--;
		}
		if (a == oa && b == ob)
			break;
	}
	if (a > 0)
		memmove(s, s + a, b - a);
	s[b - a] = 0;
	return b - a;
}

/* Cleaned text of a span into c->buf; returns length. */
static size_t span_text(ctx *c, const span *p, int keep_dot)
{
	size_t l = squash(c->t->text, p->a, p->b, c->buf, sizeof c->buf);
	return trim(c->buf, l, keep_dot);
}

static const span *first_span(const ctx *c, int label)
{
	for (size_t i = 0; i < c->nsp; i++)
		if (c->sp[i].label == label)
			return &c->sp[i];
	return NULL;
}

/* Splits span i at token k: tokens [k, t1) become a new span labelled
 * `label` right after it. */
static void split_span(ctx *c, size_t i, size_t k, int label)
{
	span *p = &c->sp[i];
	if (c->nsp >= LIT_PARSE_MAX_TOKENS || k <= p->t0 || k >= p->t1)
		return;
	memmove(&c->sp[i + 2], &c->sp[i + 1], (c->nsp - i - 1) * sizeof c->sp[0]);
	c->nsp++;
	c->sp[i + 1].label = label;
	c->sp[i + 1].t0 = k;
	c->sp[i + 1].t1 = p->t1;
	c->sp[i + 1].a = c->t->tok[k].start;
	c->sp[i + 1].b = p->b;
	p->t1 = k;
	p->b = c->t->tok[k - 1].end;
}

/* The boundary between span i and span i + 1 moves to token k (either way:
 * span i ends before k, span i + 1 starts at it). */
static void move_boundary(ctx *c, size_t i, size_t k)
{
	span *p = &c->sp[i], *j = &c->sp[i + 1];
	j->t0 = k;
	j->a = c->t->tok[k].start;
	p->t1 = k;
	p->b = c->t->tok[k - 1].end;
}

/* Is there a span with this label? */
static int has_span(const ctx *c, int label)
{
	for (size_t i = 0; i < c->nsp; i++)
		if (c->sp[i].label == label)
			return 1;
	return 0;
}

/* The first title span and its index in *at; NULL when there is none. */
static span *title_span(ctx *c, size_t *at)
{
	for (size_t i = 0; i < c->nsp; i++)
		if (c->sp[i].label == LIT_PL_TITLE) {
			*at = i;
			return &c->sp[i];
		}
	return NULL;
}


/* Lower-case ASCII/Cyrillic prefix test, ignoring case. */
static int starts_ci(const char *s, size_t len, const char *p)
{
	char low[64];
	size_t pl = strlen(p);
	if (pl >= sizeof low || len < pl)
		return 0;
	size_t l = lit_pu8_lower_str(s, pl, low, sizeof low);
	return l == pl && memcmp(low, p, pl) == 0;
}

static int contains_ci(const char *s, size_t len, const char *p)
{
	char low[LIT_PARSE_MAX_TEXT + 8];
	size_t l = lit_pu8_lower_str(s, len, low, sizeof low - 1);
	low[l] = 0;
	return strstr(low, p) != NULL;
}

/* Remove a leading word/phrase (case-insensitive) followed by spaces. */
static size_t strip_prefix(char *s, size_t len, const char *const *prefixes)
{
	for (int again = 1; again;) {
		again = 0;
		for (size_t i = 0; prefixes[i]; i++) {
			size_t pl = strlen(prefixes[i]);
			if (len >= pl && starts_ci(s, len, prefixes[i])) {
				/* word boundary: next is space, punctuation or end */
				unsigned char nc = len > pl ? (unsigned char)s[pl] : ' ';
				char last = prefixes[i][pl - 1];
				if (!(last == '.' || last == ':' || last == ' ' || nc == ' ' || nc == '.' || nc == ':' || nc == ','))
					continue;
				memmove(s, s + pl, len - pl);
				len -= pl;
				s[len] = 0;
				len = trim(s, len, 1);
				again = 1;
				break;
			}
		}
	}
	return len;
}

static void set_text(ctx *c, lit_var var, const char *s, size_t len)
{
	if (len && !lit_record_get(c->rec, var))
		lit_record_setn(c->rec, var, s, len);
}

/*
 * A final '.' that ends an abbreviation ("Phys. Rev. Lett.", "М.", "СПб.",
 * "B.") is kept; one that ends a word ("Review.", "Press."), an acronym
 * ("PISM.") or an undotted abbreviation list ("J Pediatr Surg.") is the
 * separator after the field and goes.  Returns the new length.
 */
static size_t final_dot(char *s, size_t len)
{
	if (len < 2 || s[len - 1] != '.')
		return len;
	size_t k = len - 1, letters = 0, lower = 0;
	while (k > 0 && s[k - 1] != ' ' && s[k - 1] != '.')
		k--;
	for (size_t q = k; q < len - 1;) {
		int32_t cp = lit_pu8_next(s, len - 1, &q);
		if (lit_pu8_is_letter(cp)) {
			letters++;
			if (!lit_pu8_is_upper(cp))
				lower++;
		}
	}
	int other_dots = memchr(s, '.', k) != NULL;
	/* "Phys.", "J.", "Высш. шк." (a short lower-case word after other abbreviations) */
	int abbrev = letters == 1 || (letters <= 5 && lower && lower < letters && (other_dots || k == 0)) ||
	             (letters <= 3 && lower == letters && other_dots);
	if (!abbrev)
		s[--len] = 0;
	return len;
}

/* ------------------------------------------------------------------ */
/* numbers                                                              */

/* First number-like item (digits, roman numerals, "12a", "Suppl.") of s. */
static int first_number(const char *s, size_t len, size_t *na, size_t *nb)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			size_t j = i;
			while (j < len && ((s[j] >= '0' && s[j] <= '9') || (s[j] >= 'a' && s[j] <= 'z' && j > i && j - i < 4 &&
			                                                    !(j + 1 < len && s[j + 1] >= 'a' && s[j + 1] <= 'z'))))
				j++;
			/* "1-2" / "1–2" double issue */
			size_t k = j;
			if (k < len && (s[k] == '-' || s[k] == '/')) {
				size_t m = k + 1;
				while (m < len && s[m] >= '0' && s[m] <= '9')
					m++;
				if (m > k + 1)
					j = m;
			} else if (k + 3 < len && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
			           ((unsigned char)s[k + 2] == 0x93 || (unsigned char)s[k + 2] == 0x94)) {
				size_t m = k + 3;
				while (m < len && s[m] >= '0' && s[m] <= '9')
					m++;
				if (m > k + 3)
					j = m;
			}
			*na = i;
			*nb = j;
			return 1;
		}
	}
	/* roman numerals as a whole word */
	for (size_t i = 0; i < len; i++) {
		if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '.') && strchr("IVXLC", s[i])) {
			size_t j = i;
			while (j < len && strchr("IVXLC", s[j]))
				j++;
			if (j == len || s[j] == ' ' || s[j] == ',' || s[j] == '.' || s[j] == ')') {
				*na = i;
				*nb = j;
				return 1;
			}
		}
	}
	return 0;
}

/* Find "(N)" / "No. N" / "№ N" / "Issue N" / "Вып. N" / "H. N" after the volume. */
static int issue_in(const char *s, size_t len, size_t from, size_t *ia, size_t *ib)
{
	static const char *const marks[] = { "no.", "no ", "nos.", "nr.", "№", "issue", "iss.", "вып.", "n.", "н.", "heft", "h.", "num.", "number", NULL };
	for (size_t i = from; i < len; i++) {
		if (s[i] == '(') {
			size_t na, nb;
			size_t close = i + 1;
			while (close < len && s[close] != ')')
				close++;
			if (close < len && first_number(s + i + 1, close - i - 1, &na, &nb) && na == 0) {
				*ia = i + 1 + na;
				*ib = i + 1 + nb;
				return 1;
			}
		}
		for (size_t m = 0; marks[m]; m++) {
			size_t ml = strlen(marks[m]);
			if (i + ml <= len && starts_ci(s + i, len - i, marks[m]) &&
			    (i == 0 || s[i - 1] == ' ' || s[i - 1] == ',' || s[i - 1] == '.')) {
				size_t na, nb;
				if (first_number(s + i + ml, len - i - ml, &na, &nb) && na <= 2) {
					*ia = i + ml + na;
					*ib = i + ml + nb;
					return 1;
				}
			}
		}
	}
	return 0;
}

static void do_volume(ctx *c, const span *p)
{
	char *s = c->buf;
	size_t len = span_text(c, p, 1), na, nb;
	if (!len)
		return;
	/* "3 vols.", "2 Bde.": the number of volumes, not one of them */
	if (first_number(s, len, &na, &nb) && na == 0 && s[nb] == ' ' &&
	    (starts_ci(s + nb + 1, len - nb - 1, "vols") || starts_ci(s + nb + 1, len - nb - 1, "volumes") ||
	     starts_ci(s + nb + 1, len - nb - 1, "bde"))) {
		set_text(c, LIT_VAR_NUMBER_OF_VOLUMES, s, nb);
		return;
	}
	/* after "2 volumes", a bare number or range is no volume ("2012-2015") */
	if (lit_record_get(c->rec, LIT_VAR_NUMBER_OF_VOLUMES)) {
		int letters = 0;
		for (size_t k = 0; k < len; k++)
			letters |= (s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || (unsigned char)s[k] >= 0x80;
		if (!letters)
			return;
	}
	if (first_number(s, len, &na, &nb)) {
		char vol[64];
		size_t vl = nb - na < sizeof vol ? nb - na : sizeof vol - 1;
		memcpy(vol, s + na, vl);
		vol[vl] = 0;
		/* an issue marker before the number: the span is an issue ("No. 134") */
		int issue_first = 0;
		{
			size_t ia, ib;
			if (issue_in(s, len, 0, &ia, &ib) && ia == na && !starts_ci(s, len, "vol") && !starts_ci(s, len, "т."))
				issue_first = 1;
		}
		/* "Policy Memo no. 462", "No. 134": a number after "no." / "№" is
		 * an issue, whatever the label */
		if (issue_first) {
			set_text(c, LIT_VAR_ISSUE, vol, vl);
			return;
		}
		set_text(c, LIT_VAR_VOLUME, vol, vl);
		size_t ia, ib;
		if (issue_in(s, len, nb, &ia, &ib)) {
			set_text(c, LIT_VAR_ISSUE, s + ia, ib - ia);
		} else if (nb + 2 < len && s[nb] == ',' && !first_span(c, LIT_PL_PAGES) &&
		           !lit_record_get(c->rec, LIT_VAR_PAGE)) {
			/* "Nucl. Phys. B 283,342", "Nano Lett. 2010, 10, 1012": a
			 * number of three digits or a range after the volume's comma,
			 * with no pages labelled, is the page */
			size_t k = nb + 1, e;
			while (k < len && s[k] == ' ')
				k++;
			e = k;
			while (e < len && ((s[e] >= '0' && s[e] <= '9') || s[e] == '-'))
				e++;
			/* three digits or a range: "58, 1 (Summer 2004)" is an issue */
			if (e > k && s[k] >= '0' && s[k] <= '9' && (e == len || (e + 1 == len && s[e] == '.')) &&
			    (e - k >= 3 || memchr(s + k, '-', e - k)) && !(e - k >= 3 && s[k + 1] == '-'))
				set_text(c, LIT_VAR_PAGE, s + k, e - k);
		}
	} else {
		set_text(c, LIT_VAR_VOLUME, s, len);
	}
}

static void do_issue(ctx *c, const span *p)
{
	char *s = c->buf;
	size_t len = span_text(c, p, 1), na, nb;
	if (!len)
		return;
	if (first_number(s, len, &na, &nb)) {
		/* "(12:2)" "(17:4)": volume and issue in one bracket */
		size_t m = nb;
		while (m < len && s[m] == ' ')
			m++;
		if (m < len && s[m] == ':' && !lit_record_get(c->rec, LIT_VAR_VOLUME) && s[na] >= '0' && s[na] <= '9') {
			size_t ia, ib;
			if (first_number(s + m + 1, len - m - 1, &ia, &ib) && ia <= 1) {
				set_text(c, LIT_VAR_VOLUME, s + na, nb - na);
				set_text(c, LIT_VAR_ISSUE, s + m + 1 + ia, ib - ia);
				return;
			}
		}
		set_text(c, LIT_VAR_ISSUE, s + na, nb - na);
	} else {
		static const char *const pre[] = { "no.", "№", "issue", "вып.", "nr.", NULL };
		len = strip_prefix(s, len, pre);
		/* a word the model took for the number ("Éditeurs", "QoMEX") is
		 * not one: only a letter ("B") or a roman numeral ("IX") */
		{
			int roman = len > 0;
			for (size_t k = 0; k < len; k++)
				if (!strchr("IVXLC", s[k]))
					roman = 0;
			if (!(roman || (len == 1 && lit_pu8_is_letter((unsigned char)s[0]))))
				return;
		}
		set_text(c, LIT_VAR_ISSUE, s, len);
	}
}

/* A physics-style date span "16)( 2008)" / "(4 )(2015)": the number in the
 * first bracket, after the volume, is the issue ("Phys. Rev. Lett. 100 (
 * 16)( 2008)"). */
static void issue_before_year(ctx *c, const char *s, size_t len)
{
	size_t i = 0, a, b;
	if (lit_record_get(c->rec, LIT_VAR_ISSUE))
		return;
	while (i < len && (s[i] == '(' || s[i] == ' '))
		i++;
	a = i;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	b = i;
	if (b == a || b - a > 3)
		return;
	while (i < len && s[i] == ' ')
		i++;
	if (i + 1 >= len || s[i] != ')')
		return;
	i++;
	while (i < len && s[i] == ' ')
		i++;
	if (i >= len || s[i] != '(')
		return;
	set_text(c, LIT_VAR_ISSUE, s + a, b - a);
}

/* Could `s` be a page or page range?  It needs a digit or be a roman
 * numeral ("xiv-xx"); an ISBN ("5-7914-0008-X": 9-13 digits in four or
 * more groups) or a word ("ил", "UF") is not one. */
static int page_like(const char *s, size_t len)
{
	size_t digits = 0, hyph = 0, roman = 0, other = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (ch >= '0' && ch <= '9')
			digits++;
		else if (ch == '-')
			hyph++;
		else if (strchr("ivxlcdmIVXLCDM", ch))
			roman++;
		else if (ch != ' ' && ch != ',')
			other++;
	}
	if (hyph >= 3 && digits >= 9 && digits <= 13 && !memchr(s, ',', len) && !memchr(s, '+', len) &&
	    !memchr(s, ';', len))
		return 0;
	if (!digits)
		return roman > 0 && other == 0;
	return 1;
}

static void do_pages(ctx *c, const span *p)
{
	char *s = c->buf;
	size_t len = span_text(c, p, 0);
	static const char *const pre[] = { "pp.", "pp", "p.", "pages", "page", "pgs.", "pg.", "с.", "c.", "стр.", "s.", "ss.", "p", "с", "ст.", "art.", "article", NULL };
	char out[128];
	size_t ol = 0;
	if (!len)
		return;
	/* Vancouver newspapers: "Sect. A:5", "Sect. 2:1 (col. 3)" - the section, then the page */
	if (starts_ci(s, len, "sect. ") || starts_ci(s, len, "sect ")) {
		char *colon = memchr(s, ':', len);
		size_t a = s[4] == '.' ? 6 : 5;
		if (colon && (size_t)(colon - s) > a && (size_t)(colon - s) - a < 16) {
			size_t e = (size_t)(colon - s) + 1, b;
			set_text(c, LIT_VAR_SECTION, s + a, (size_t)(colon - s) - a);
			for (b = e; b < len && ((s[b] >= '0' && s[b] <= '9') || s[b] == '-' || s[b] == '+'); b++)
				;
			if (b > e && !lit_record_get(c->rec, LIT_VAR_PAGE))
				set_text(c, LIT_VAR_PAGE, s + e, b - e);
			return;
		}
	}
	{
		/* a dissertation's specialty code ("08.00.13", "5.2.6") is no page */
		size_t k = 0, dots = 0, run = 0;
		for (; k < len; k++) {
			if (s[k] >= '0' && s[k] <= '9') {
				if (++run > 2)
					break;
			} else if (s[k] == '.' && run) {
				dots++;
				run = 0;
			} else {
				break;
			}
		}
		if (k == len && dots >= 2)
			return;
	}
	/* extent: "234 с." "589 p." "xx, 137" */
	{
		size_t na, nb;
		if (first_number(s, len, &na, &nb) && na == 0) {
			const char *rest = s + nb;
			size_t rl = len - nb;
			while (rl && *rest == ' ') { rest++; rl--; }
			static const char *const units[] = { "pages", "pp", "p", "стр", "с", "s", "л", "лл", "ss", NULL };
			int unit = 0;
			for (size_t u = 0; units[u] && !unit; u++) {
				size_t ul = strlen(units[u]);
				if (rl >= ul && starts_ci(rest, rl, units[u]) &&
				    (rl == ul || strchr(".,:; ", rest[ul])))
					unit = 1;
			}
			if (unit && !(rest[0] == 'P' || (rl > 1 && (unsigned char)rest[0] == 0xD0 && (unsigned char)rest[1] == 0xA1))) {
				/* lower-case unit after the number = extent; "С." upper = location */
				set_text(c, LIT_VAR_NUMBER_OF_PAGES, s, nb);
				return;
			}
		}
	}
	len = strip_prefix(s, len, pre);
	/* "Phys. Lett. B734,290" with no volume: section letter, volume, page */
	if (!lit_record_get(c->rec, LIT_VAR_VOLUME) && len > 4 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= '0' && s[1] <= '9') {
		size_t k = 1, m;
		while (k < len && s[k] >= '0' && s[k] <= '9')
			k++;
		m = k + 1;
		while (m < len && s[m] == ' ')
			m++;
		if (k < len && s[k] == ',' && k <= 5 && m < len && s[m] >= '0' && s[m] <= '9') {
			const char *cont = lit_record_get(c->rec, LIT_VAR_CONTAINER_TITLE);
			size_t e = m;
			while (e < len && ((s[e] >= '0' && s[e] <= '9') || s[e] == '-'))
				e++;
			if (e == len) {
				if (cont) {
					char ct[512];
					size_t cl = strlen(cont);
					if (cl + 3 < sizeof ct && !(cl >= 2 && cont[cl - 2] == ' ' && cont[cl - 1] == s[0])) {
						memcpy(ct, cont, cl);
						ct[cl] = ' ';
						ct[cl + 1] = s[0];
						ct[cl + 2] = 0;
						lit_record_set(c->rec, LIT_VAR_CONTAINER_TITLE, ct);
					}
				}
				set_text(c, LIT_VAR_VOLUME, s + 1, k - 1);
				set_text(c, LIT_VAR_PAGE, s + m, e - m);
				return;
			}
		}
	}
	int has_digit = 0, keep_letters = 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			has_digit = 1;
	/* copy digits, letters and dashes (normalised to '-') of the range;
	 * lower-case letters before the first digit are a glued abbreviation
	 * ("pp55-78", "s12"), capitals a part of the number ("L09605",
	 * "R2470", "A-349", "S117-S132") */
	{
		size_t k = 0;
		while (k < len && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z')))
			k++;
		if (has_digit && k > 0 && k <= 3 && s[0] >= 'A' && s[0] <= 'Z' && k < len &&
		    ((s[k] >= '0' && s[k] <= '9') || (s[k] == '-' && k == 1)))
			keep_letters = 1;
	}
	for (size_t i = 0; i < len && ol + 4 < sizeof out;) {
		size_t j = i;
		int32_t cp = lit_pu8_next(s, len, &j);
		if (has_digit && ol == 0 && lit_pu8_is_letter(cp) && !keep_letters) {
			i = j;
			continue;
		}
		if (lit_pu8_is_dash(cp)) {
			if (ol && out[ol - 1] != '-')
				out[ol++] = '-';
		} else if (cp == ' ') {
			/* "12 - 15" */
		} else if (cp == ',' || cp == ';') {
			memcpy(out + ol, s + i, j - i);
			ol += j - i;
			out[ol++] = ' ';
		} else if (cp == '(' || cp == ')' || cp == '.') {
			if (cp == '(' && ol)
				break;
		} else {
			memcpy(out + ol, s + i, j - i);
			ol += j - i;
		}
		i = j;
	}
	while (ol && (out[ol - 1] == '-' || out[ol - 1] == ' ' || out[ol - 1] == ','))
		ol--;
	out[ol] = 0;
	if (ol && !page_like(out, ol))
		return;
	if (ol) {
		set_text(c, LIT_VAR_PAGE, out, ol);
		/* page-first is derived by writers that want it */
	}
}

/* ------------------------------------------------------------------ */
/* identifiers                                                          */

static size_t clean_url(char *s, size_t len)
{
	/* markdown [text](url): take the url */
	if (len > 4 && s[0] == '[') {
		char *m = strstr(s, "](");
		if (m) {
			size_t off = (size_t)(m + 2 - s);
			char *e = strchr(s + off, ')');
			size_t l = e ? (size_t)(e - (s + off)) : len - off;
			memmove(s, s + off, l);
			len = l;
			s[len] = 0;
		}
	}
	static const char *const pre[] = { "url:", "url", "available at:", "available from:", "retrieved from", "режим доступа:", "link:", NULL };
	for (int round = 0; round < 2; round++) {
		/* ").URLhttp://...", "<http://...>", ":http://..." */
		while (len && (s[0] == '<' || s[0] == '(' || s[0] == '[' || s[0] == ' ' || s[0] == '.' || s[0] == ')' ||
		               s[0] == ':'))
			memmove(s, s + 1, len--);
		len = strip_prefix(s, len, pre);
		/* "URLhttp://..." glued */
		if (starts_ci(s, len, "urlhttp") || starts_ci(s, len, "urlwww.")) {
			memmove(s, s + 3, len - 3 + 1);
			len -= 3;
		}
	}
	while (len && strchr(">.,;)]( \"'", s[len - 1])) {
		if (s[len - 1] == ')' && count_char(s, len, '(') >= count_char(s, len, ')'))
			break;
		len--;
	}
	/* a word glued after a comma: "...-1247.pdf,NACA", "...05.070,in press" */
	{
		size_t k = len;
		while (k > 0 && ((s[k - 1] >= 'a' && s[k - 1] <= 'z') || (s[k - 1] >= 'A' && s[k - 1] <= 'Z')))
			k--;
		if (k > 10 && k < len && len - k <= 6 && s[k - 1] == ',' && memchr(s, '/', k))
			len = k - 1;
	}
	s[len] = 0;
	/* no spaces inside */
	size_t o = 0;
	for (size_t i = 0; i < len; i++)
		if (!is_space_byte(s[i]))
			s[o++] = s[i];
	s[o] = 0;
	return o;
}

/* The URL starting at token k, rejoined where typesetting or PDF text
 * extraction put spaces into it: "http : / / www . host.org/a/" and
 * "page06_01. html".  Writes the raw text (not yet cleaned) to out;
 * returns its length. */
static size_t joined_url(const lit_ptokens *t, size_t k, char *out, size_t cap)
{
	static const char *const ext[] = { "html", "htm", "shtml", "php", "pdf", "asp", "aspx", "jsp", NULL };
	size_t o = 0, i = k;
	int scheme_split = 0;
#define TOKLEN(q) ((size_t)(t->tok[q].end - t->tok[q].start))
#define TOKTXT(q) (t->text + t->tok[q].start)
#define APPEND(q) do { size_t l_ = TOKLEN(q); if (o + l_ + 1 >= cap) return o; memcpy(out + o, TOKTXT(q), l_); o += l_; out[o] = 0; } while (0)
	if (cap < 2)
		return 0;
	out[0] = 0;
	APPEND(i);
	if ((starts_ci(out, o, "http") && (o == 4 || (o == 5 && (out[4] == 's' || out[4] == 'S')))) ||
	    (o >= 5 && starts_ci(out, o, "http") && out[o - 1] == ':'))
		scheme_split = 1;
	i++;
	if (scheme_split) {
		/* ":" "/" "/", ":/" "/" or "://host/..." after "http", then a host
		 * in pieces joined by "." */
		int host = 0;
		while (i < t->n && o < 12 && !host) {
			const char *x = TOKTXT(i);
			size_t l = TOKLEN(i), q;
			for (q = 0; q < l && (x[q] == ':' || x[q] == '/'); q++)
				;
			if (q == 0)
				break;
			host = q < l;
			APPEND(i);
			i++;
		}
		if (!strstr(out, "://")) {
			/* not a split "http://": the token alone */
			o = TOKLEN(k) < cap ? TOKLEN(k) : 0;
			memcpy(out, TOKTXT(k), o);
			out[o] = 0;
			return o;
		}
		if (!host && i < t->n) {
			APPEND(i);
			i++;
		}
		while (i < t->n && o &&
		       (out[o - 1] == '.' || (TOKLEN(i) == 1 && TOKTXT(i)[0] == '.') ||
		        (TOKLEN(i) > 1 && (TOKTXT(i)[0] == '-' || TOKTXT(i)[0] == '.') && TOKTXT(i)[1] != ' ' &&
		         TOKTXT(i)[1] != '-'))) {
			APPEND(i);
			i++;
		}
	}
	/* a file extension cut off after the dot */
	if (o && out[o - 1] == '.' && i < t->n) {
		size_t l = TOKLEN(i);
		char e[8];
		if (l > 0 && TOKTXT(i)[l - 1] == '.')
			l--;
		if (l > 0 && l < sizeof e) {
			size_t el = lit_pu8_lower_str(TOKTXT(i), l, e, sizeof e - 1);
			e[el] = 0;
			for (size_t m = 0; ext[m]; m++)
				if (strcmp(e, ext[m]) == 0) {
					APPEND(i);
					break;
				}
		}
	}
#undef APPEND
#undef TOKTXT
#undef TOKLEN
	return o;
}

/* Is the cleaned s an address: a scheme or "www." and a dotted host, or a
 * host with a dot and a path ("classiques.uqac.ca/x.pdf")?  Not a bare
 * DOI ("10.1140/epjst/e2009-01098-2"), not "www". */
static int url_plausible(const char *s, size_t len)
{
	const char *host = s;
	size_t hl = len;
	const char *sch = NULL;
	for (size_t i = 0; i + 2 < len && i < 10; i++)
		if (s[i] == ':' && s[i + 1] == '/') {
			sch = s + i;
			break;
		}
	if (sch) {
		host = sch + 1;
		while (host < s + len && *host == '/')
			host++;
		hl = (size_t)(s + len - host);
	} else if (starts_ci(s, len, "www.")) {
		host = s + 4;
		hl = len - 4;
	} else if (len > 3 && s[0] == '1' && s[1] == '0' && s[2] == '.') {
		return 0;
	}
	return hl >= 3 && memchr(host, '.', hl) != NULL;
}

/* Does the token's text start an address: "http", "https:", "www.",
 * "ftp://", possibly after "<", "(" or "["? */
static int url_start_tok(const lit_ptokens *t, size_t k)
{
	const char *x = t->text + t->tok[k].start;
	size_t l = t->tok[k].end - t->tok[k].start;
	while (l && (*x == '<' || *x == '(' || *x == '[' || *x == '.' || *x == ')' || *x == ':'))
		x++, l--;
	if (starts_ci(x, l, "urlhttp") || starts_ci(x, l, "url:http"))
		return 1;
	if (starts_ci(x, l, "http") || starts_ci(x, l, "www.") || starts_ci(x, l, "ftp:"))
		return 1;
	/* "www .host.org/" */
	if (l == 3 && starts_ci(x, l, "www") && k + 1 < t->n && t->text[t->tok[k + 1].start] == '.')
		return 1;
	return (t->tok[k].flags & LIT_TF_URL) != 0;
}

/* Is the piece `x` (a token after a space) the continuation of an address
 * ending in `prev`: "https://sites." + "google.com/", ".../impact/Final" +
 * "Brochure.pdf", "http:" + "//host", "host.org" + "/path"?  A plain word
 * ("box", "Retrieved") is not. */
static int url_continues(char prev, const char *x, size_t l)
{
	static const char *const ext[] = { ".html", ".htm", ".pdf", ".php", ".asp", ".aspx", ".shtml", ".shtm",
	                                   ".jsp", ".cfm", ".xml", ".txt", ".ps", NULL };
	if (!l || prev == '(')
		return 0;
	if (strchr("/.-_=?&:#~", prev) || strchr("/.-_=?&#~:", x[0]))
		return 1;
	if (memchr(x, '/', l))
		return 1;
	while (l && (x[l - 1] == '.' || x[l - 1] == ',' || x[l - 1] == '>' || x[l - 1] == ')'))
		l--;
	for (size_t i = 0; ext[i]; i++) {
		size_t el = strlen(ext[i]);
		if (l > el && starts_ci(x + l - el, el, ext[i]))
			return 1;
	}
	return 0;
}

/* A word after an address that is not part of it: "or", "from",
 * "(accessed", "Retrieved". */
static int url_stop_tok(const lit_ptokens *t, size_t k)
{
	static const char *const stop[] = { "or", "and", "from", "at", "on", "accessed", "retrieved", "viewed",
	                                    "visited", "last", "cited", "see", "doi", "doi:", "url", "url:", "pmid",
	                                    "pmid:", "available", NULL };
	const char *x = t->text + t->tok[k].start;
	size_t l = t->tok[k].end - t->tok[k].start;
	char low[16];
	if (l && (*x == '(' || *x == '['))
		return 1;
	if (l >= sizeof low)
		return 0;
	l = lit_pu8_lower_str(x, l, low, sizeof low - 1);
	while (l && (low[l - 1] == ',' || low[l - 1] == '.' || low[l - 1] == ';'))
		l--;
	low[l] = 0;
	for (size_t i = 0; stop[i]; i++)
		if (strcmp(low, stop[i]) == 0)
			return 1;
	return 0;
}

/*
 * The address of a span labelled "url", rejoined where typesetting or PDF
 * text extraction put spaces into it ("https: //link.aps.org/doi/10.1103/
 * PhysRevD.11.395", "https://sites. google.com/site/...", "www.host.org/
 * community development/assets/x.pdf"): from the first token that starts
 * an address to the end of the span, words before it ("URL:", "Available
 * at") and after it ("or", "(accessed") left out, the spaces dropped by
 * clean_url.  Writes the raw text to c->buf; returns its length (0: no
 * address in the span).
 */
static size_t url_from_span(ctx *c, const span *p)
{
	const lit_ptokens *t = c->t;
	size_t k0 = p->t1, k1;
	for (size_t k = p->t0; k < p->t1; k++)
		if (url_start_tok(t, k)) {
			k0 = k;
			break;
		}
	if (k0 == p->t1)
		return 0;
	for (k1 = k0 + 1; k1 < p->t1; k1++) {
		/* a second address after a space: keep the first */
		const char *x = t->text + t->tok[k1].start;
		size_t l = t->tok[k1].end - t->tok[k1].start;
		if ((t->tok[k1].flags & LIT_TF_SPACE) &&
		    (url_stop_tok(t, k1) || starts_ci(x, l, "http") || starts_ci(x, l, "www.") ||
		     !url_continues(t->text[t->tok[k1 - 1].end - 1], x, l)))
			break;
	}
	return squash(t->text, t->tok[k0].start, t->tok[k1 - 1].end, c->buf, sizeof c->buf);
}

/*
 * Length of the DOI d[0..len) (its suffix starting at `suf`) without what
 * PDF text and careless typing glue to its end: a following field
 * (".URL http...", ".PMID:20847271", ".arXiv"), a bracketed tag ("[doi]",
 * "[pii]"), an unclosed remark ("(in korean with english abstract"), a
 * word after a comma (",in press").
 */
static size_t doi_tail(const char *d, size_t len, size_t suf)
{
	static const char *const next[] = { "url", "pmid", "pmcid", "pubmed", "issn", "isbn", "arxiv", "http",
	                                    "available", "accessed", "epub", "retrieved", NULL };
	for (int again = 1; again;) {
		again = 0;
		/* "[doi]" "[pii" */
		if (len > suf) {
			size_t k = len;
			while (k > suf && ((d[k - 1] >= 'a' && d[k - 1] <= 'z') || (d[k - 1] >= 'A' && d[k - 1] <= 'Z') ||
			                   d[k - 1] == ']'))
				k--;
			if (k > suf + 1 && d[k - 1] == '[' && len - k >= 2) {
				len = k - 1;
				again = 1;
				continue;
			}
		}
		for (size_t k = suf; k + 1 < len; k++) {
			if (d[k] != '.' && d[k] != ',' && d[k] != '(')
				continue;
			const char *x = d + k + 1;
			size_t xl = len - k - 1, letters = 0;
			for (size_t q = 0; q < xl; q++)
				if ((x[q] >= 'a' && x[q] <= 'z') || (x[q] >= 'A' && x[q] <= 'Z'))
					letters++;
			if (d[k] == '.') {
				for (size_t m = 0; next[m]; m++) {
					size_t ml = strlen(next[m]);
					/* ".URL" ".PMID:2084" but not "j.issn.1674-8999" */
					if (xl >= ml && starts_ci(x, xl, next[m]) &&
					    (xl == ml || x[ml] == ':' || x[ml] == ' ' || x[ml] == '=')) {
						len = k;
						again = 1;
						break;
					}
				}
				if (again)
					break;
			} else if (d[k] == ',' && k > suf + 2 && letters >= 2 &&
			           (letters == xl ? xl <= 6 : (letters < xl && x[letters] == ':' && xl > letters))) {
				/* ",in", ",doi:10..." */
				size_t q = 0;
				while (q < xl && ((x[q] >= 'a' && x[q] <= 'z') || (x[q] >= 'A' && x[q] <= 'Z')))
					q++;
				if (q != letters)
					continue;
				len = k;
				again = 1;
				break;
			} else if (d[k] == '(' && letters >= 1 &&
			           ((!memchr(x, ')', xl) && letters + (xl && x[xl - 1] == '.') == xl) ||
			            (k > suf && d[k - 1] == '.' && x[xl - 1] == ')' && letters + 1 == xl))) {
				len = k;
				again = 1;
				break;
			}
		}
	}
	while (len > suf && strchr(".,;:", d[len - 1]))
		len--;
	return len;
}

/* Copy s[0..len) to out (room cap) without the spaces PDF text puts into a
 * DOI: "10. 1103/PhysRevD.10.2445", "10 .1088/1367", "10.1093/molbev
 * /msu300", "npg- 19-227", "10.1097/ SHK.000", "PhysRevLett. 113.091601"
 * (a space after '.' only before a digit).  Returns the length. */
static size_t doi_despace(const char *s, size_t len, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 1 < cap; i++) {
		if (s[i] == ' ' && i > 0 && i + 1 < len) {
			char a = s[i - 1], b = s[i + 1];
			int an = (a >= '0' && a <= '9') || (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z');
			int bn = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
			/* "10. 1103/", "palcomms. 2015.46", but not "2465(22). 2010." */
			int year_after = i + 5 <= len && b >= '0' && b <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
			                 s[i + 3] >= '0' && s[i + 3] <= '9' && s[i + 4] >= '0' && s[i + 4] <= '9' &&
			                 (i + 5 == len || !(s[i + 5] >= '0' && s[i + 5] <= '9')) &&
			                 (i + 6 >= len || s[i + 6] == ' ' || s[i + 5] == ',' || s[i + 5] == ' ');
			if ((a == '.' && b >= '0' && b <= '9' && !(i >= 2 && s[i - 2] == ')') && !year_after) ||
			    ((a == '/' || a == '-') && bn) ||
			    ((b == '.' || b == '/') && an && i + 2 < len && s[i + 2] != ' '))
				continue;
		}
		out[o++] = s[i];
	}
	out[o] = 0;
	return o;
}

/* Find a DOI "10.NNNN/..." inside s; returns start and sets *dl. */
static const char *find_doi(const char *s, size_t len, size_t *dl)
{
	for (size_t i = 0; i + 7 < len; i++) {
		if (s[i] == '1' && s[i + 1] == '0' && s[i + 2] == '.' && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
			size_t k = i + 3;
			while (k < len && s[k] >= '0' && s[k] <= '9')
				k++;
			if (k - (i + 3) < 4 || k >= len || s[k] != '/')
				continue;
			size_t e = k + 1;
			while (e < len && !is_space_byte(s[e]) && s[e] != '>' && s[e] != '"')
				e++;
			while (e > k + 1 && strchr(".,;)]", s[e - 1])) {
				if (s[e - 1] == ')' && count_char(s + i, e - i, '(') >= count_char(s + i, e - i, ')'))
					break;
				e--;
			}
			e = i + doi_tail(s + i, e - i, k + 1 - i);
			if (e > k + 1) {
				*dl = e - i;
				return s + i;
			}
		}
	}
	return NULL;
}

static void set_doi_from(ctx *c, const char *s, size_t len)
{
	size_t dl;
	char tmp[512];
	const char *d;
	if (len < sizeof tmp) {
		len = doi_despace(s, len, tmp, sizeof tmp);
		s = tmp;
	}
	d = find_doi(s, len, &dl);
	if (d)
		set_text(c, LIT_VAR_DOI, d, dl);
}

static void do_isbn(ctx *c, const char *s, size_t len, lit_var var)
{
	/* ISBN 5-8163-0016-4 / ISSN 1234-5678 */
	char out[40];
	size_t o = 0;
	int started = 0;
	for (size_t i = 0; i < len && o + 1 < sizeof out; i++) {
		char ch = s[i];
		if ((ch >= '0' && ch <= '9') || ((ch == 'X' || ch == 'x') && started)) {
			out[o++] = ch == 'x' ? 'X' : ch;
			started = 1;
		} else if (ch == '-' && started) {
			out[o++] = ch;
		} else if (started && (ch == ' ' || ch == ',' || ch == ';' || ch == '.' || ch == ')')) {
			if (ch == ' ' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9' && o < 10)
				continue;
			break;
		}
	}
	while (o && out[o - 1] == '-')
		o--;
	if (o >= 8)
		set_text(c, var, out, o);
}

/* ------------------------------------------------------------------ */
/* dates                                                                */

static void set_date(ctx *c, lit_var var, const char *s, size_t len)
{
	lit_date d;
	if (lit_record_date(c->rec, var))
		return;
	if (lit_pdate_parse(s, len, &d)) {
		lit_record_set_date(c->rec, var, &d);
	} else if (len) {
		/* "n.d.", "б. г.", "s. d." mean no date; "in press", "forthcoming",
		 * "в печати" a status; anything else stays a literal date */
		static const char *const none[] = { "n.d", "n. d", "nd.", "б. г", "б.г", "s. d", "s.d", "o. j", "o.j", NULL };
		static const char *const status[] = { "in press", "forthcoming", "в печати", "in print", "accepted", NULL };
		const char *x = s;
		size_t xl = len;
		while (xl && (*x == '(' || *x == '[' || *x == ' ')) {
			x++;
			xl--;
		}
		for (size_t k = 0; none[k]; k++)
			if (starts_ci(x, xl, none[k]))
				return;
		for (size_t k = 0; status[k]; k++)
			if (starts_ci(x, xl, status[k])) {
				if (var == LIT_VAR_ISSUED)
					lit_record_set(c->rec, LIT_VAR_STATUS, status[k]);
				return;
			}
		char lit[128];
		size_t l = len < sizeof lit - 1 ? len : sizeof lit - 1;
		memcpy(lit, s, l);
		lit[l] = 0;
		memset(&d, 0, sizeof d);
		d.literal = lit;
		if (var == LIT_VAR_ISSUED)
			lit_record_set_date(c->rec, var, &d);
	}
}

/* Access date written anywhere: "(дата обращения: 12.03.2024)", "accessed 17.06.2025",
 * "Accessed August 18, 2023", "[viewed 2020-05-01]". */
static void find_accessed(ctx *c)
{
	static const char *const keys[] = { "дата обращения", "дата обр", "accessed", "access date", "viewed", "visited", "consulted", "abgerufen am", "retrieved on", "last accessed", "retrieved", NULL };
	const char *low = c->low;
	size_t ll = strlen(low);
	if (lit_record_date(c->rec, LIT_VAR_ACCESSED))
		return;
	for (size_t k = 0; keys[k]; k++) {
		const char *m = strstr(low, keys[k]);
		if (!m)
			continue;
		/* the lower-cased copy has the same byte offsets for these scripts */
		size_t off = (size_t)(m - low) + strlen(keys[k]);
		size_t end = off;
		while (end < ll && low[end] != ')' && low[end] != ']' && end - off < 48)
			end++;
		lit_date d;
		if (off < ll && lit_pdate_parse(low + off, end - off, &d) && d.year) {
			lit_record_set_date(c->rec, LIT_VAR_ACCESSED, &d);
			return;
		}
	}
}

/* "Accessed January 10, 2024." / "(дата обращения: 15.03.2024)" that the
 * model left in a note: the access date, and nothing for the note. */
static int access_note(ctx *c, const char *s, size_t len)
{
	static const char *const keys[] = { "accessed", "(accessed", "дата обращения", "(дата обращения", "viewed",
		                            "last accessed", "retrieved on", "retrieved", NULL };
	lit_date d;
	size_t kl = 0;
	for (size_t k = 0; keys[k] && !kl; k++)
		if (starts_ci(s, len, keys[k]))
			kl = strlen(keys[k]);
	if (!kl)
		return 0;
	while (kl < len && (s[kl] == ':' || s[kl] == ' '))
		kl++;
	/* "Retrieved from https://…", "Accessed at: http://…" name a source,
	 * not a date; the date comes first and is short */
	if (kl >= len || starts_ci(s + kl, len - kl, "from") || starts_ci(s + kl, len - kl, "at") ||
	    starts_ci(s + kl, len - kl, "http") || !lit_pdate_parse(s + kl, len - kl < 24 ? len - kl : 24, &d) || !d.year)
		return 0;
	if (!lit_record_date(c->rec, LIT_VAR_ACCESSED))
		lit_record_set_date(c->rec, LIT_VAR_ACCESSED, &d);
	return 1;
}

/* ------------------------------------------------------------------ */

static int text_has_cjk(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		int32_t cp = lit_pu8_next(s, len, &i);
		if (lit_pu8_is_cjk(cp))
			return 1;
	}
	return 0;
}

/* "조선 중앙통신 (Центральное телеграфное агентство Кореи)": move a bracketed
 * translation after a CJK title into the note. */
static size_t split_translation(ctx *c, char *s, size_t len, char *note, size_t notecap, size_t *notelen)
{
	if (!text_has_cjk(s, len))
		return len;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] == '(' || s[i] == '[') && s[i - 1] == ' ') {
			char close = s[i] == '(' ? ')' : ']';
			size_t e = len;
			while (e > i && s[e - 1] != close)
				e--;
			if (e > i + 1 && !text_has_cjk(s + i, e - i)) {
				size_t nl = e - i - 2;
				if (*notelen + nl + 3 < notecap) {
					if (*notelen) {
						memcpy(note + *notelen, "; ", 2);
						*notelen += 2;
					}
					memcpy(note + *notelen, s + i + 1, nl);
					*notelen += nl;
					note[*notelen] = 0;
				}
				size_t l = i;
				while (l && s[l - 1] == ' ')
					l--;
				s[l] = 0;
				(void)c;
				return l;
			}
		}
	}
	return len;
}

static const char *language_of(const ctx *c)
{
	const char *s = c->t->text;
	size_t len = c->t->len;
	static const struct { const char *cue; const char *lang; } cues[] = {
		{ "(in russian)", "ru" }, { "(in russ.)", "ru" }, { "(на рус", "ru" }, { "(in chinese)", "zh" },
		{ "(на кит", "zh" }, { "(in korean)", "ko" }, { "(на кор", "ko" }, { "(in japanese)", "ja" },
		{ "(на яп", "ja" }, { "(на англ", "en" }, { "(in english)", "en" }, { "(in german)", "de" },
		{ "(на нем", "de" }, { "(in french)", "fr" }, { "(на фр", "fr" }, { "(in ukrainian)", "uk" },
		{ "(на укр", "uk" },
	};
	for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++)
		if (text_has(c, cues[i].cue))
			return cues[i].lang;
	/* the title's script decides, else the whole string's */
	const span *t = first_span(c, LIT_PL_TITLE);
	size_t a = t ? t->a : 0, b = t ? t->b : len;
	int cyr = 0, lat = 0, hangul = 0, kana = 0, han = 0, ukr = 0;
	for (int pass = 0; pass < 2; pass++) {
		size_t i = a;
		while (i < b) {
			int32_t cp = lit_pu8_next(s, b, &i);
			if (lit_pu8_is_cyr(cp)) {
				cyr++;
				if (cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491 || cp == 0x406 || cp == 0x407)
					ukr++;
			} else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F))
				hangul++;
			else if (cp >= 0x3040 && cp <= 0x30FF)
				kana++;
			else if (lit_pu8_is_cjk(cp))
				han++;
			else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F))
				lat++;
		}
		if (cyr + lat + hangul + kana + han > 0)
			break;
		a = 0;
		b = len;
	}
	if (hangul)
		return "ko";
	if (kana)
		return "ja";
	if (han)
		return "zh";
	if (cyr > lat)
		return ukr > 1 ? "uk" : "ru";
	if (lat)
		return "en";
	return NULL;
}

/* Is the host a news outlet by its name ("NK News", "Xinhua Net", "The
 * Guardian", "ТАСС", "РИА Новости", "Коммерсантъ", "Известия")? */
static int news_outlet(const char *cont)
{
	static const char *const words[] = { "news", "times", "post", "herald", "gazette", "tribune", "guardian", "reuters",
		                             "xinhua", "interfax", "sputnik", "kommersant", "bbc", "cnn", "новост", "газет",
		                             "ведомост", "известия", "правда", "тасс", "риа ", "интерфакс", "коммерсант",
		                             "рбк", "лента.ру", "вести", NULL };
	size_t cl;
	if (!cont)
		return 0;
	cl = strlen(cont);
	for (size_t k = 0; words[k]; k++)
		if (contains_ci(cont, cl, words[k]))
			return 1;
	return 0;
}

/* "Patent 10 872 415", "Patent No. 5,351,122", "patent US 11,712,046": the
 * word followed by the patent's number */
static int patent_numbered(const ctx *c)
{
	for (const char *m = strstr(c->low, "patent "); m; m = strstr(m + 7, "patent ")) {
		const char *x = m + 7;
		if (!strncmp(x, "no", 2) && (x[2] == '.' || x[2] == ' '))
			x += 3;
		while (*x == ' ')
			x++;
		/* a country code: "US 11,712,046", "EP 3 418 022 B1" */
		if (x[0] >= 'a' && x[0] <= 'z' && x[1] >= 'a' && x[1] <= 'z' && x[2] == ' ')
			x += 3;
		if (*x >= '0' && *x <= '9')
			return 1;
	}
	return 0;
}

/* Does the string hold the lower-case ASCII word w, starting a word
 * ("presentation", not "representation")? */
static int has_word_ci(const char *s, size_t len, const char *w)
{
	size_t wl = strlen(w);
	for (size_t i = 0; i + wl <= len; i++) {
		if (i > 0 && (lit_pu8_is_letter((unsigned char)s[i - 1]) || (unsigned char)s[i - 1] >= 0x80))
			continue;
		if (starts_ci(s + i, len - i, w))
			return 1;
	}
	return 0;
}

static lit_type infer_type(ctx *c)
{
	const char *s = c->t->text;
	size_t len = c->t->len;
	const span *ct = first_span(c, LIT_PL_CONTAINER);
	const span *jt = first_span(c, LIT_PL_JOURNAL);
	const char *title = lit_record_get(c->rec, LIT_VAR_TITLE);
	const char *genre = lit_record_get(c->rec, LIT_VAR_GENRE);
	const char *cont = lit_record_get(c->rec, LIT_VAR_CONTAINER_TITLE);
	size_t tl = title ? strlen(title) : 0;
	int has_url = lit_record_get(c->rec, LIT_VAR_URL) != NULL;
	int has_pub = lit_record_get(c->rec, LIT_VAR_PUBLISHER) != NULL || lit_record_get(c->rec, LIT_VAR_PUBLISHER_PLACE) != NULL;
	int has_vol = lit_record_get(c->rec, LIT_VAR_VOLUME) != NULL || lit_record_get(c->rec, LIT_VAR_ISSUE) != NULL;
	int has_page = lit_record_get(c->rec, LIT_VAR_PAGE) != NULL;
	const lit_date *iss = lit_record_date(c->rec, LIT_VAR_ISSUED);

	/* "Пат. 2187888", "Патент № …" - not "Патриотизм …" */
	/* ("… an update on the patent literature. Expert Opinion on Therapeutic
	 * Patents. 23(4)": a journal article) */
	if (text_has_word(c, "пат. ") || text_has_word(c, "патент ") || text_has_word(c, "патент №") ||
	    (text_has_word(c, "patent ") && (!lit_record_get(c->rec, LIT_VAR_VOLUME) || patent_numbered(c))) ||
	    text_has(c, ": заявка ") || author_certificate(c) ||
	    text_has(c, "авторское свидетельство"))
		return LIT_TYPE_PATENT;
	/* "Свидетельство о государственной регистрации программы для ЭВМ …",
	 * "– Программа для ЭВМ : электронная" */
	if (text_has(c, "программы для эвм") || text_has(c, "программа для эвм"))
		return LIT_TYPE_SOFTWARE;
	/* US law and rules: "Pub. L. No. 117-301", "87 Fed. Reg. 60122" */
	if (text_has(c, "pub. l. "))
		return LIT_TYPE_LEGISLATION;
	if (text_has(c, " fed. reg. "))
		return LIT_TYPE_REGULATION;
	/* "ГОСТ Р 7.0.5–2008", not "Гостиничный бизнес" */
	if (starts_ci(s, len, "гост ") || (title && (starts_ci(title, tl, "гост ") || starts_ci(title, tl, "iso ") ||
	                                            starts_ci(title, tl, "снип") || starts_ci(title, tl, "сп "))))
		return LIT_TYPE_STANDARD;
	if (text_has(c, "дис.") || text_has(c, "диссертац") || text_has(c, "автореф") ||
	    text_has_word(c, "thesis") || text_has_word(c, "dissertation") || (genre && contains_ci(genre, strlen(genre), "diss")))
		return LIT_TYPE_THESIS;
	if (starts_ci(s, len, "decree of") || starts_ci(s, len, "federal law") || starts_ci(s, len, "executive order") ||
	    starts_ci(s, len, "directive ") || starts_ci(s, len, "council directive") || starts_ci(s, len, "regulation (e") ||
	    starts_ci(s, len, "council regulation") || starts_ci(s, len, "commission regulation") ||
	    text_has(c, "федер. закон") || text_has(c, "федеральный закон") ||
	    text_has(c, "федерального закона") || text_has(c, " : указ ") || text_has(c, "постановление ") ||
	    text_has(c, "собр. законодательства") || text_has(c, "собрание законодательства") ||
	    text_has(c, " : закон ") || text_has(c, "кодекс российской") || text_has(c, "распоряжение ") ||
	    text_has(c, "указ президента") || text_has(c, ": указ ") || text_has(c, " : приказ ") ||
	    text_has(c, ": приказ ") || text_has(c, "российская федерация. законы") ||
	    (title && starts_ci(title, tl, "конституция российской")))
		return LIT_TYPE_LEGISLATION;
	if (text_has(c, "отчет о нир") || text_has(c, "отчёт о нир") || text_has(c, "tech. rep") ||
	    text_has(c, "technical report") || text_has(c, "working paper") ||
	    text_has(c, "occasional paper") || text_has(c, "research report") ||
	    (genre && (contains_ci(genre, strlen(genre), "report") || contains_ci(genre, strlen(genre), "brief") ||
	               contains_ci(genre, strlen(genre), "working paper") || contains_ci(genre, strlen(genre), "release") ||
	               contains_ci(genre, strlen(genre), "discussion paper"))))
		return LIT_TYPE_REPORT;
	if (title && (starts_ci(title, tl, "interview with") || starts_ci(title, tl, "интервью ") ||
	              starts_ci(title, tl, "an interview")))
		return LIT_TYPE_INTERVIEW;
	if (title && (starts_ci(title, tl, "договор ") || starts_ci(title, tl, "treaty ") || starts_ci(title, tl, "соглашение между") ||
	              starts_ci(title, tl, "agreement between") || starts_ci(title, tl, "конвенция ") ||
	              starts_ci(title, tl, "convention on") || starts_ci(title, tl, "convention for")))
		return LIT_TYPE_TREATY;
	/* "Annual Report for 1900", "Digital jobs report 2022", "… : аналитический
	 * доклад", "Policy Memo" with no host */
	if (!cont && ((title && (contains_ci(title, tl, " report") || contains_ci(title, tl, "policy memo"))) ||
	              (genre && (contains_ci(genre, strlen(genre), "доклад") || contains_ci(genre, strlen(genre), "отчет") ||
	                         contains_ci(genre, strlen(genre), "отчёт")))))
		return LIT_TYPE_REPORT;
	/* "ISO/IEC 27001:2022. Information security …", "DIN 1505-2" opening the string */
	{
		static const char *const marks[] = { "iso ", "iso/iec ", "iec ", "astm ", "din ", "ieee std ", "снип ", "сто ", NULL };
		for (size_t m = 0; marks[m]; m++) {
			size_t ml = strlen(marks[m]);
			if (!strncmp(c->low, marks[m], ml) && len > ml + 1 && s[ml] >= '0' && s[ml] <= '9')
				return LIT_TYPE_STANDARD;
		}
	}
	/* "IEEE Std 754-2019", "(ISO Standard No. 690:2021)" */
	if (text_has(c, "ieee std ") || text_has(c, "ansi/ieee std") || text_has(c, "standard no.") ||
	    (title && (starts_ci(title, tl, "iso/iec ") || starts_ci(title, tl, "iec ") || starts_ci(title, tl, "ieee standard for") ||
	               starts_ci(title, tl, "astm "))))
		return LIT_TYPE_STANDARD;
	/* "Keynote address, Urban Climate Forum", "Interview by Rachel Moreau" */
	if (text_has(c, "keynote address") || text_has(c, "invited talk"))
		return LIT_TYPE_SPEECH;
	if (text_has(c, "interview by") || text_has(c, "[интервью") || text_has(c, ": интервью"))
		return LIT_TYPE_INTERVIEW;
	if (genre) {
		size_t gl = strlen(genre);
		/* "… : выступление на заседании …" */
		if (starts_ci(genre, gl, "выступление") || starts_ci(genre, gl, "доклад на"))
			return LIT_TYPE_SPEECH;
		if (starts_ci(genre, gl, "набор данных") || starts_ci(genre, gl, "база данных"))
			return LIT_TYPE_DATASET;
		/* APA "[Speech]", "[Paper presentation]", "[Keynote address]" */
		if (has_word_ci(genre, gl, "speech") || has_word_ci(genre, gl, "lecture") || has_word_ci(genre, gl, "keynote") ||
		    starts_ci(genre, gl, "address") || starts_ci(genre, gl, "talk"))
			return LIT_TYPE_SPEECH;
		/* "[Paper presentation]", "[Poster session]": a conference paper in its conference */
		if (has_word_ci(genre, gl, "presentation") || has_word_ci(genre, gl, "poster"))
			return LIT_TYPE_PAPER_CONFERENCE;
		/* "Росстат : официальный сайт", "КонсультантПлюс : справочная правовая система" */
		if ((has_url || lit_record_date(c->rec, LIT_VAR_ACCESSED)) && !cont &&
		    (contains_ci(genre, gl, "сайт") || contains_ci(genre, gl, "портал") || contains_ci(genre, gl, "website") ||
		     contains_ci(genre, gl, "правовая система") || contains_ci(genre, gl, "электронная библиотека")))
			return LIT_TYPE_WEBPAGE;
	}
	/* a site described as one, with no host: "Росстат : официальный сайт. –
	 * Москва, 1999– . – URL: …", "Лаборатория … : [сайт]" */
	if ((has_url || lit_record_date(c->rec, LIT_VAR_ACCESSED)) && !cont &&
	    (text_has(c, " : официальный сайт") || text_has(c, " : [сайт]") || text_has(c, " : сайт.") ||
	     text_has(c, " : портал")))
		return LIT_TYPE_WEBPAGE;
	/* preprint servers: "SSRN Working Paper", "bioRxiv [Preprint]", "SocArXiv" */
	if (!lit_record_get(c->rec, LIT_VAR_VOLUME) &&
	    (text_has(c, "ssrn") || text_has(c, "biorxiv") || text_has(c, "medrxiv") || text_has(c, "socarxiv") ||
	     text_has(c, "psyarxiv") || text_has(c, "[preprint]") || text_has(c, ": препринт")))
		return LIT_TYPE_ARTICLE;
	/* APA's bracketed descriptions: "[Motion picture]", "[Computer software]", "[Data set]" */
	if (genre || lit_record_get(c->rec, LIT_VAR_MEDIUM)) {
		const char *g = genre ? genre : lit_record_get(c->rec, LIT_VAR_MEDIUM);
		size_t gl = strlen(g);
		if (contains_ci(g, gl, "motion picture") || starts_ci(g, gl, "film") || contains_ci(g, gl, "video"))
			return LIT_TYPE_MOTION_PICTURE;
		if (contains_ci(g, gl, "software") || contains_ci(g, gl, "computer program"))
			return LIT_TYPE_SOFTWARE;
		if (contains_ci(g, gl, "data set") || contains_ci(g, gl, "dataset"))
			return LIT_TYPE_DATASET;
		if (contains_ci(g, gl, "podcast") || contains_ci(g, gl, "television") || contains_ci(g, gl, "radio"))
			return LIT_TYPE_BROADCAST;
		if (contains_ci(g, gl, "blog post") || starts_ci(g, gl, "blog"))
			return LIT_TYPE_POST_WEBLOG;
		if (starts_ci(g, gl, "preprint"))
			return LIT_TYPE_ARTICLE;
	}
	/* "Speech by …", not "Speech recognition …" */
	if (title && (starts_ci(title, tl, "statement by") || starts_ci(title, tl, "speech by") ||
	              starts_ci(title, tl, "speech at") || starts_ci(title, tl, "speech to") ||
	              starts_ci(title, tl, "выступление") || starts_ci(title, tl, "address by")))
		return LIT_TYPE_SPEECH;
	if (cont) {
		size_t cl = strlen(cont);
		const char *host = strstr(c->low, "// ");
		int conf = (host && (strstr(host, "конференц") || strstr(host, " конф.") || strstr(host, "симпозиум"))) ||
		           contains_ci(cont, cl, "proc") || contains_ci(cont, cl, "conference") || contains_ci(cont, cl, "конф") ||
		           contains_ci(cont, cl, "symposium") || contains_ci(cont, cl, "workshop") || contains_ci(cont, cl, "congress") ||
		           contains_ci(cont, cl, "материалы") || contains_ci(cont, cl, "meeting") || contains_ci(cont, cl, "симпозиум");
		if (conf)
			return LIT_TYPE_PAPER_CONFERENCE;
		/* a paper cited by its day, with no volume or issue ("(2021,
		 * November 14). … The New York Chronicle, B3."), or a news outlet
		 * by its name ("// NK News", "// ТАСС", "// Коммерсантъ") */
		/* "The Atlantic Monthly Review", "The Economist Weekly", "… Magazine" */
		/* (not "Monthly Notices of the RAS", "American Mathematical Monthly":
		 * those come with volumes) */
		/* "Tessellate Engineering Blog" */
		if (has_word_ci(cont, cl, "blog") && !lit_record_get(c->rec, LIT_VAR_VOLUME))
			return LIT_TYPE_POST_WEBLOG;
		if (!has_pub && (contains_ci(cont, cl, "magazine") ||
		                 ((contains_ci(cont, cl, "weekly") || contains_ci(cont, cl, "monthly")) &&
		                  !lit_record_get(c->rec, LIT_VAR_VOLUME))))
			return LIT_TYPE_ARTICLE_MAGAZINE;
		if ((iss && iss->day && !lit_record_get(c->rec, LIT_VAR_VOLUME) && !has_pub) ||
		    (!lit_record_get(c->rec, LIT_VAR_VOLUME) && !has_pub && news_outlet(cont)))
			return LIT_TYPE_ARTICLE_NEWSPAPER;
		/* a journal's imprint has at most a place ("// Вестник НГУ. —
		 * Новосибирск, 2012. — Т. 10, вып. 4.") */
		if (jt || (has_vol && !lit_record_get(c->rec, LIT_VAR_PUBLISHER)))
			return LIT_TYPE_ARTICLE_JOURNAL;
		if (lit_record_name_count(c->rec, LIT_VAR_EDITOR) || has_pub || text_has(c, " in: ") ||
		    text_has(c, "в кн.") || (ct && ct->t0 > 0 && (c->t->tok[ct->t0 - 1].lex & LIT_LEX_IN)))
			return LIT_TYPE_CHAPTER;
		if (iss && iss->day && !has_vol)
			return LIT_TYPE_ARTICLE_NEWSPAPER;
		/* a page read online (a URL or an access date), no volume or pages */
		if ((has_url || lit_record_date(c->rec, LIT_VAR_ACCESSED)) && !has_page && !has_vol)
			return LIT_TYPE_WEBPAGE;
		if (has_page && !has_vol && (c->t->doc_flags & LIT_DF_SLASHES))
			return LIT_TYPE_ARTICLE_JOURNAL;
		return LIT_TYPE_ARTICLE_JOURNAL;
	}
	if ((has_url || (lit_record_date(c->rec, LIT_VAR_ACCESSED) && !has_vol && !has_page)) && !has_pub)
		return LIT_TYPE_WEBPAGE;
	if (has_pub || lit_record_get(c->rec, LIT_VAR_ISBN) || lit_record_get(c->rec, LIT_VAR_NUMBER_OF_PAGES) ||
	    lit_record_get(c->rec, LIT_VAR_EDITION))
		return LIT_TYPE_BOOK;
	if (has_vol || has_page)
		return LIT_TYPE_ARTICLE_JOURNAL;
	return LIT_TYPE_DOCUMENT;
}

/* Does the UTF-8 string end with the suffix? */
static int ends_with(const char *s, size_t len, const char *suf)
{
	size_t sl = strlen(suf);
	return len > sl && !memcmp(s + len - sl, suf, sl);
}

/* The nominative of a Russian surname written in the genitive after "под
 * ред." or "пер." ("под ред. В. А. Гришиной", "пер. с фр. А. К.
 * Черноглазова", "под ред. В. Ф. Асмуса"): the record holds the person's
 * name, and the GOST styles decline it again.  -ской/-цкой -> -ская/-цкая,
 * -ского/-цкого -> -ский/-цкий, -ой after a consonant -> -а (Гришиной ->
 * Гришина), -а after a consonant -> nothing (Сорокина -> Сорокин, Асмуса
 * -> Асмус); other endings (Шевченко, Минц) are left alone.  Writes into
 * out (cap bytes); returns 0 when nothing changes. */
static int nominative_surname(const char *f, char *out, size_t cap)
{
	static const char *const vowels[] = { "а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я", "й", "ь", "ъ", NULL };
	size_t l = strlen(f);
	if (l < 8 || l + 4 >= cap || (unsigned char)f[0] < 0xD0)
		return 0;
	memcpy(out, f, l + 1);
	if (ends_with(f, l, "ской") || ends_with(f, l, "цкой")) {
		memcpy(out + l - 4, "ая", 5);
		return 1;
	}
	if (ends_with(f, l, "ского") || ends_with(f, l, "цкого")) {
		memcpy(out + l - 6, "ий", 5);
		return 1;
	}
	if (ends_with(f, l, "ой") || ends_with(f, l, "а")) {
		size_t cut = ends_with(f, l, "ой") ? 4 : 2;
		const char *prev = f + l - cut - 2; /* the letter before the ending (Cyrillic, 2 bytes) */
		for (size_t k = 0; vowels[k]; k++)
			if (!memcmp(prev, vowels[k], 2))
				return 0;
		if (cut == 4)
			memcpy(out + l - 4, "а", 3);
		else
			out[l - 2] = 0;
		return 1;
	}
	return 0;
}

/* Names from index `from` on in `var` become nominative (see above). */
static void nominative_names(lit_record *rec, lit_var var, size_t from)
{
	size_t n = lit_record_name_count(rec, var);
	lit_name *copy;
	char (*fam)[128];
	int changed = 0;
	if (n <= from)
		return;
	copy = calloc(n, sizeof *copy);
	fam = calloc(n, sizeof *fam);
	if (!copy || !fam) {
		free(copy);
		free(fam);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		copy[i] = *lit_record_name(rec, var, i);
		if (i >= from && copy[i].family && nominative_surname(copy[i].family, fam[i], sizeof fam[i])) {
			copy[i].family = fam[i];
			changed = 1;
		}
	}
	if (changed) {
		/* the copies point into the record's strings: keep them alive */
		lit_record *tmp = lit_record_new();
		if (tmp) {
			int etal = lit_record_names_etal(rec, var);
			for (size_t i = 0; i < n; i++)
				lit_record_add_name(tmp, var, &copy[i]);
			lit_record_clear_names(rec, var);
			for (size_t i = 0; i < n; i++)
				lit_record_add_name(rec, var, lit_record_name(tmp, var, i));
			lit_record_set_names_etal(rec, var, etal);
			lit_record_free(tmp);
		}
	}
	free(copy);
	free(fam);
}

/* An author span that names one organisation ("World Health
 * Organization.", "U.S. Department of State.", "Минобрнауки России."):
 * capitalised words with an organisation word among them, and no initial,
 * comma between names, "and" or "et al.". */
static int tok_ends(const lit_ptokens *t, size_t k, char ch);

static int org_name(const ctx *c, const span *a)
{
	static const char *const words[] = {
		"organization", "organisation", "department", "ministry", "bureau", "agency", "association", "institute",
		"commission", "council", "centre", "center", "bank", "fund", "office", "service", "society", "academy",
		"committee", "nations", "foundation", "corporation", "administration", "government", "federation",
		"минобрнауки", "минфин", "минэкономразвития", "минцифры", "минздрав", "минпросвещения", "росстат",
		"министерство", "служба", "правительство", "академия", "институт", "комитет", "агентство", "банк",
		"союз", "федерация", "администрация", NULL
	};
	const lit_ptokens *t = c->t;
	int org = 0;
	if (!a)
		return 0;
	for (size_t k = a->t0; k < a->t1; k++) {
		const lit_ptoken *q = &t->tok[k];
		char w[64];
		size_t wl;
		/* "J." is a person's; "U.S." may open an agency's name */
		if (((q->flags & LIT_TF_INITIAL) && q->end - q->start <= 3) || (q->lex & (LIT_LEX_AND | LIT_LEX_ETAL)) ||
		    (k + 1 < a->t1 && tok_ends(t, k, ',')))
			return 0;
		if (q->end - q->start >= sizeof w)
			continue;
		wl = lit_pu8_lower_str(t->text + q->start, q->end - q->start, w, sizeof w - 1);
		while (wl && (w[wl - 1] == '.' || w[wl - 1] == ','))
			wl--;
		w[wl] = 0;
		for (size_t j = 0; words[j] && !org; j++)
			org = !strcmp(w, words[j]);
	}
	return org;
}

static void do_names(ctx *c, int label, lit_var var)
{
	char tmp[LIT_PARSE_MAX_TEXT + 64];
	size_t pos = 0, nspans = 0;
	for (size_t i = 0; i < c->nsp; i++) {
		if (c->sp[i].label != label)
			continue;
		nspans++;
		size_t l = span_text(c, &c->sp[i], 1);
		if (pos + l + 3 >= sizeof tmp)
			break;
		if (pos) {
			/* separate spans as separate names */
			memcpy(tmp + pos, ", ", 2);
			pos += 2;
		}
		memcpy(tmp + pos, c->buf, l);
		pos += l;
	}
	tmp[pos] = 0;
	if (!pos)
		return;
	size_t before = lit_record_name_count(c->rec, var);
	int genitive = 0;
	if (label == LIT_PL_AUTHOR && nspans == 1 && !c->org_author && org_name(c, first_span(c, LIT_PL_AUTHOR)))
		c->org_author = 1;
	if (label == LIT_PL_AUTHOR && c->org_author && nspans == 1) {
		lit_name nm;
		memset(&nm, 0, sizeof nm);
		pos = final_dot(tmp, pos);
		nm.literal = tmp;
		lit_record_add_name(c->rec, var, &nm);
		return;
	}
	if (label != LIT_PL_AUTHOR) {
		/* "под ред." / "под общ. ред." / "под редакцией" / "пер." / "перевод"
		 * govern the genitive; "сост.", "отв. ред." the nominative */
		const span *f = first_span(c, label);
		size_t a = f->a > 48 ? f->a - 48 : 0, b = f->a + 32 < c->t->len ? f->a + 32 : c->t->len;
		char win[88];
		memcpy(win, c->low + a, b - a);
		win[b - a] = 0;
		genitive = strstr(win, "под ред") || strstr(win, "под общ") || strstr(win, "редакцией") ||
		           strstr(win, "пер.") || strstr(win, "перевод");
		/* not "сост." / "отв. ред." right before the names */
		if (genitive && (strstr(win, "сост.") || strstr(win, "отв. ред")))
			genitive = 0;
	}
	if (label != LIT_PL_AUTHOR) {
		static const char *const pre[] = {
			"in:", "in ", "edited by", "ed. by", "eds. by", "ed.", "eds.", "under the editorship of",
			"под общей редакцией", "под общ. ред.", "под редакцией", "под ред.", "отв. ред.:", "отв. ред.",
			"гл. ред.", "науч. ред.", "ред.-сост.", "сост.:", "сост.", "trans. by", "transl. by", "translated by",
			"translated from the", "пер. с англ.", "пер. с нем.", "пер. с фр.", "пер. с", "пер.", "перевод с английского",
			"hrsg. von", "hg. von", "herausgegeben von", "éd. par", "sous la dir. de", "by", NULL
		};
		pos = strip_prefix(tmp, pos, pre);
	}
	/* the same person in the heading and after " / " (GOST 7.0.100) once;
	 * within one list two people may share a surname ("Vinogradov, M. A.
	 * and Vinogradov, M. M.") */
	if (nspans < 2) {
		lit_pnames_add(c->rec, var, tmp, pos);
		if (genitive)
			nominative_names(c->rec, var, before);
		return;
	}
	lit_record *tmprec = lit_record_new();
	if (!tmprec) {
		lit_pnames_add(c->rec, var, tmp, pos);
		return;
	}
	lit_pnames_add(tmprec, var, tmp, pos);
	for (size_t i = 0; i < lit_record_name_count(tmprec, var); i++) {
		const lit_name *nm = lit_record_name(tmprec, var, i);
		int dup = 0;
		for (size_t j = 0; j < lit_record_name_count(c->rec, var) && nm->family; j++) {
			const lit_name *o = lit_record_name(c->rec, var, j);
			if (o->family && !strcmp(o->family, nm->family) &&
			    (!o->given || !nm->given || o->given[0] == nm->given[0]))
				dup = 1;
		}
		if (!dup)
			lit_record_add_name(c->rec, var, nm);
	}
	if (lit_record_names_etal(tmprec, var))
		lit_record_set_names_etal(c->rec, var, 1);
	lit_record_free(tmprec);
	if (genitive)
		nominative_names(c->rec, var, before);
}

/* A web reference without a container ("Title. Site Name. 13.09.2023. URL: ...
 * (accessed ...)") whose model put the site into the title: the last
 * sentence of the title (after a word of two or more letters and a full
 * stop or question mark, before a capital) becomes the container-title
 * ("... to the DPRK. TASS.").  Only for references with a URL or an access
 * date and no publisher, where such a tail is the site, not a subtitle. */
static void split_site_title(ctx *c)
{
	const char *title = lit_record_get(c->rec, LIT_VAR_TITLE);
	size_t len, cut = 0, tail = 0;
	int32_t prev1 = 0, prev2 = 0;
	if (!title || lit_record_get(c->rec, LIT_VAR_CONTAINER_TITLE) || lit_record_get(c->rec, LIT_VAR_PUBLISHER))
		return;
	if (!lit_record_get(c->rec, LIT_VAR_URL) && !lit_record_date(c->rec, LIT_VAR_ACCESSED))
		return;
	len = strlen(title);
	for (size_t i = 0; i < len;) {
		int32_t cp = lit_pu8_next(title, len, &i);
		if ((cp == '.' || cp == '?') && lit_pu8_is_letter(prev1) && lit_pu8_is_letter(prev2)) {
			size_t j = i, k;
			int32_t q;
			/* closing quotes after the stop */
			while (j < len) {
				k = j;
				q = lit_pu8_next(title, len, &k);
				if (q != '"' && q != 0x201D && q != 0xBB && q != '\'')
					break;
				j = k;
			}
			if (j + 1 < len && title[j] == ' ') {
				k = j + 1;
				q = lit_pu8_next(title, len, &k);
				if (lit_pu8_is_letter(q) && lit_pu8_is_upper(q)) {
					cut = j;
					tail = j + 1;
				}
			}
		}
		prev2 = prev1;
		prev1 = cp;
	}
	if (!cut || cut < 15 || len - tail < 2 || len - tail > 90 || len - tail >= sizeof c->buf)
		return;
	/* a site's name, not "Available at: <...>", "Published: 14 May" */
	for (size_t k = tail; k < len; k++)
		if ((title[k] >= '0' && title[k] <= '9') || title[k] == ':' || title[k] == '<' || title[k] == '/' ||
		    title[k] == '@')
			return;
	{
		size_t tl = len - tail, hl = cut;
		char head[1024];
		if (hl >= sizeof head)
			return;
		memcpy(c->buf, title + tail, tl);
		tl = trim(c->buf, tl, 1);
		tl = final_dot(c->buf, tl);
		memcpy(head, title, hl);
		hl = trim(head, hl, 0);
		if (!tl || !hl)
			return;
		/* head copied first: title points into the record */
		set_text(c, LIT_VAR_CONTAINER_TITLE, c->buf, tl);
		lit_record_setn(c->rec, LIT_VAR_TITLE, head, hl);
	}
}

static int tok_ends(const lit_ptokens *t, size_t k, char ch)
{
	return t->tok[k].end > t->tok[k].start && t->text[t->tok[k].end - 1] == ch;
}

/* A web reference: a URL token or an access date. */
static int is_web_ref(const ctx *c)
{
	for (size_t k = 0; k < c->t->n; k++)
		if ((c->t->tok[k].flags & LIT_TF_URL) || c->labels[k] == LIT_PL_ACCESSED)
			return 1;
	return 0;
}

/* The "author" span sp[0] is the start of the title span sp[1]: the title
 * begins there and the author span goes. */
static void author_into_title(ctx *c)
{
	c->sp[1].t0 = c->sp[0].t0;
	c->sp[1].a = c->sp[0].a;
	memmove(&c->sp[0], &c->sp[1], (c->nsp - 1) * sizeof c->sp[0]);
	c->nsp--;
}

/* A colon right after the "author" span is a headline's speaker or a
 * title's first word, not a name separator, when no name in the span is
 * complete without it: "Peskov: Russia-DPRK relations ... URL: ..." (one
 * word, no initials, in a web reference) and "Sutherland, I. Sketchpad: A
 * Man-Machine ..." (one word after the initials).  Those words go to the
 * title; "Smith, J.: Graph algorithms" keeps its author. */
static void colon_title_start(ctx *c)
{
	const lit_ptokens *t = c->t;
	span *au;
	size_t w0, k;
	if (c->nsp < 2 || c->sp[0].label != LIT_PL_AUTHOR || c->sp[1].label != LIT_PL_TITLE)
		return;
	au = &c->sp[0];
	if (au->b == 0 || t->text[au->b - 1] != ':')
		return;
	/* start of the run of words after the last "," or "." inside the span */
	w0 = au->t0;
	for (k = au->t0; k + 1 < au->t1; k++) {
		const lit_ptoken *q = &t->tok[k];
		char e = t->text[q->end - 1];
		if (e == ',' || e == '.' || e == ';' || e == '&')
			w0 = k + 1;
	}
	for (k = w0; k < au->t1; k++)
		if (t->tok[k].flags & LIT_TF_INITIAL)
			return;
	if (w0 == au->t0) {
		/* "Wolfgang Jantzen: Behinderung", "Corrigan P: On the stigma" are
		 * names: only a one-word "author" of a web reference goes */
		if (au->t1 - au->t0 != 1 || !is_web_ref(c))
			return;
		author_into_title(c);
		return;
	}
	/* "Surname, I. Word:" - not "C.H. Thompson:", "G. Feuser:", "Meissner, K. J.:" */
	if (au->t1 - w0 != 1 || t->tok[w0].nletters < 2 || w0 < au->t0 + 2 ||
	    !(t->tok[w0 - 1].flags & LIT_TF_INITIAL) || !tok_ends(t, w0 - 1, '.') || !tok_ends(t, w0 - 2, ','))
		return;
	move_boundary(c, 0, w0);
}

/* APA newspapers: "(2021, November 14). Title. The New York Chronicle,
 * B3." - the model took the paper and its page for a publisher.  A last
 * publisher span ending in a section page ("B3", "A12") after a full date
 * in brackets, with no place, is the newspaper and its page. */
static void newspaper_page(ctx *c)
{
	const lit_ptokens *t = c->t;
	size_t i = c->nsp;
	span *pb;
	const lit_ptoken *q;
	const char *x;
	size_t l;
	while (i > 0 && (c->sp[i - 1].label == LIT_PL_OTHER || c->sp[i - 1].label == LIT_PL_URL))
		i--;
	if (i == 0 || c->sp[i - 1].label != LIT_PL_PUBLISHER || has_span(c, LIT_PL_LOCATION) ||
	    has_span(c, LIT_PL_CONTAINER) || has_span(c, LIT_PL_JOURNAL) || has_span(c, LIT_PL_PAGES))
		return;
	pb = &c->sp[i - 1];
	if (pb->t1 - pb->t0 < 2 || !tok_ends(t, pb->t1 - 2, ','))
		return;
	q = &t->tok[pb->t1 - 1];
	x = t->text + q->start;
	l = q->end - q->start;
	while (l && x[l - 1] == '.')
		l--;
	if (l < 2 || l > 4 || x[0] < 'A' || x[0] > 'Z')
		return;
	for (size_t k = 1; k < l; k++)
		if (x[k] < '0' || x[k] > '9')
			return;
	/* a day in the date: "(2021, November 14)" */
	{
		const span *d = first_span(c, LIT_PL_DATE);
		lit_date dd;
		if (!d || t->text[d->a] != '(' || !lit_pdate_parse(t->text + d->a, d->b - d->a, &dd) || !dd.day)
			return;
	}
	pb->label = LIT_PL_JOURNAL;
	split_span(c, i - 1, pb->t1 - 1, LIT_PL_PAGES);
}

/* A newspaper cited by name and day alone ("Rigasche Zeitung, March 3,
 * 1896.", "Le Monde, 30 juillet 1952"): with no title, an "author" of a few
 * capitalised words without initials before a day's date is the paper. */
static void paper_by_day(ctx *c)
{
	const lit_ptokens *t = c->t;
	span *a;
	lit_date d;
	if (c->nsp < 2 || has_span(c, LIT_PL_TITLE) || c->sp[0].label != LIT_PL_AUTHOR || c->sp[1].label != LIT_PL_DATE)
		return;
	a = &c->sp[0];
	if (a->t1 - a->t0 > 4)
		return;
	for (size_t k = a->t0; k < a->t1; k++) {
		const lit_ptoken *q = &t->tok[k];
		if ((q->flags & (LIT_TF_INITIAL | LIT_TF_DIGIT)) || !(q->flags & LIT_TF_UPPER0) || (k + 1 < a->t1 && tok_ends(t, k, ',')))
			return;
	}
	if (!lit_pdate_parse(t->text + c->sp[1].a, c->sp[1].b - c->sp[1].a, &d) || !d.day)
		return;
	/* nothing but a page, an address or the access date after the day */
	for (size_t i = 2; i < c->nsp; i++)
		if (c->sp[i].label != LIT_PL_OTHER && c->sp[i].label != LIT_PL_PAGES && c->sp[i].label != LIT_PL_URL &&
		    c->sp[i].label != LIT_PL_ACCESSED)
			return;
	a->label = LIT_PL_JOURNAL;
}

/* "…,” in Knowledge and Commerce in the Baltic Provinces, ed. Liene Zariņa
 * (Riga: …)": the model labelled the role word alone as the editor and the
 * name after it as the container.  A name of two to four capitalised words
 * right after an editor span of role words only joins it. */
static void role_then_name(ctx *c)
{
	const lit_ptokens *t = c->t;
	for (size_t i = 0; i + 1 < c->nsp; i++) {
		span *ed = &c->sp[i], *nx = &c->sp[i + 1];
		size_t n = nx->t1 - nx->t0;
		if (ed->label != LIT_PL_EDITOR || nx->t0 != ed->t1 || n < 2 || n > 4 ||
		    (nx->label != LIT_PL_CONTAINER && nx->label != LIT_PL_JOURNAL && nx->label != LIT_PL_OTHER))
			continue;
		for (size_t k = ed->t0; k < ed->t1; k++)
			if (!(t->tok[k].lex & LIT_LEX_ED))
				return;
		for (size_t k = nx->t0; k < nx->t1; k++)
			if (!(t->tok[k].flags & LIT_TF_UPPER0) || (t->tok[k].flags & LIT_TF_DIGIT) ||
			    (t->tok[k].lex & (LIT_LEX_JOURNAL | LIT_LEX_CONF | LIT_LEX_PUBL | LIT_LEX_UNIV)))
				return;
		ed->t1 = nx->t1;
		ed->b = nx->b;
		memmove(&c->sp[i + 1], &c->sp[i + 2], (c->nsp - i - 2) * sizeof c->sp[0]);
		c->nsp--;
		return;
	}
}

/* "/ M. Janssen, H. van der Voort. –": a name whose particle the model
 * left out of the author span.  After an author span ending in an initial,
 * lower-case particles and one capitalised word join the span. */
static void particle_surname(ctx *c)
{
	static const char *const particles[] = { "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del",
		                                 "della", "dos", "das", "ten", "ter", "zu", "y", NULL };
	const lit_ptokens *t = c->t;
	for (size_t i = 0; i + 1 < c->nsp; i++) {
		span *au = &c->sp[i], *o = &c->sp[i + 1];
		size_t k = o->t0, np = 0;
		if (au->label != LIT_PL_AUTHOR && au->label != LIT_PL_EDITOR)
			continue;
		if (o->label != LIT_PL_OTHER || !(t->tok[au->t1 - 1].flags & LIT_TF_INITIAL) || !tok_ends(t, au->t1 - 1, '.'))
			continue;
		for (; k < o->t1; k++) {
			const lit_ptoken *q = &t->tok[k];
			int is_particle = 0;
			for (size_t m = 0; particles[m]; m++)
				if ((size_t)(q->end - q->start) == strlen(particles[m]) &&
				    !memcmp(t->text + q->start, particles[m], q->end - q->start))
					is_particle = 1;
			if (!is_particle)
				break;
			np++;
		}
		if (!np || k >= o->t1 || !(t->tok[k].flags & LIT_TF_UPPER0) || (t->tok[k].flags & LIT_TF_INITIAL) ||
		    t->tok[k].nletters < 2)
			continue;
		/* the surname, then the rest of the other span */
		au->t1 = k + 1;
		au->b = t->tok[k].end;
		if (k + 1 < o->t1) {
			o->t0 = k + 1;
			o->a = t->tok[k + 1].start;
		} else {
			memmove(&c->sp[i + 1], &c->sp[i + 2], (c->nsp - i - 2) * sizeof c->sp[0]);
			c->nsp--;
		}
	}
}

/* Initials inside a title ("Записки иркутского купца Н. Л. Баснина //
 * Сибирская старина"): an author span of initials only between two title
 * spans, with no "/" before it, is part of the title. */
static void title_inner_initials(ctx *c)
{
	const lit_ptokens *t = c->t;
	for (size_t i = 1; i + 1 < c->nsp; i++) {
		span *a = &c->sp[i];
		if (a->label != LIT_PL_AUTHOR || c->sp[i - 1].label != LIT_PL_TITLE || c->sp[i + 1].label != LIT_PL_TITLE ||
		    c->sp[i - 1].t1 != a->t0 || a->t1 != c->sp[i + 1].t0)
			continue;
		for (size_t k = a->t0; k < a->t1; k++)
			if (!(t->tok[k].flags & LIT_TF_INITIAL))
				return;
		c->sp[i - 1].t1 = c->sp[i + 1].t1;
		c->sp[i - 1].b = c->sp[i + 1].b;
		memmove(&c->sp[i], &c->sp[i + 2], (c->nsp - i - 2) * sizeof c->sp[0]);
		c->nsp -= 2;
		return;
	}
}

/* A heading that ends with a comma goes on: "Бадмаев Ц. Б., Очирова С. Д.,
 * Ли Вэй. Чайная дорога …" - the model closed the author span at the
 * comma and started the title with "Ли Вэй.".  Up to three short
 * capitalised Cyrillic words, the last closed by a full stop, then a
 * capitalised word: they are the last name of the list. */
static void author_list_continues(ctx *c)
{
	const lit_ptokens *t = c->t;
	span *au, *ti;
	size_t k, e = 0;
	if (c->nsp < 2 || c->sp[0].label != LIT_PL_AUTHOR || c->sp[1].label != LIT_PL_TITLE)
		return;
	au = &c->sp[0];
	ti = &c->sp[1];
	if (!tok_ends(t, au->t1 - 1, ',') || ti->t0 != au->t1)
		return;
	for (k = ti->t0; k < ti->t1 && k < ti->t0 + 3; k++) {
		const lit_ptoken *q = &t->tok[k];
		/* short Cyrillic words: "Ли Вэй.", "Ким Чен Ын." (an English list that
		 * ends with a comma runs into its title: "Brown, K., Deep Learning.") */
		if (!(q->flags & LIT_TF_UPPER0) || !(q->flags & LIT_TF_CYR) || (q->flags & LIT_TF_DIGIT) ||
		    (q->lex & LIT_LEX_STOP) || q->nletters > 5)
			return;
		if (tok_ends(t, k, '.')) {
			e = k + 1;
			break;
		}
	}
	if (!e || e >= ti->t1 || !(t->tok[e].flags & LIT_TF_UPPER0))
		return;
	move_boundary(c, 0, e);
}

/* GOST headings end with the initials: "Лакан Ж. Символическое,
 * воображаемое, реальное", "Grigg R. Lacan, language, and philosophy",
 * "Heyting A. Intuitionism. An Introduction" in a string with GOST areas or
 * slashes; "Cooley A. Great Games, Local Rules: …" in a surname-first list.
 * When the author span ends in capitalised words without initials right
 * after an initial that closes a name ("Ж.", not "Ж.,"), and the title goes
 * on after them, they are the title's first words: a second author would
 * follow a comma. */
static void author_word_into_title(ctx *c)
{
	const lit_ptokens *t = c->t;
	span *au, *ti;
	size_t m, n;
	int gost = (t->doc_flags & (LIT_DF_AREAS | LIT_DF_SLASHES)) != 0;
	if (c->nsp < 2 || c->sp[0].label != LIT_PL_AUTHOR || c->sp[1].label != LIT_PL_TITLE)
		return;
	au = &c->sp[0];
	ti = &c->sp[1];
	if (au->t1 - au->t0 < 3 || ti->t0 != au->t1 || !(t->tok[au->t0].flags & LIT_TF_UPPER0))
		return;
	/* the last initial, closing a name ("Ж.", not "Ж.,") */
	for (m = au->t1 - 1; m > au->t0 && !(t->tok[m].flags & LIT_TF_INITIAL); m--)
		;
	n = au->t1 - 1 - m;
	if (m == au->t0 || !n || !tok_ends(t, m, '.'))
		return;
	/* one word in a GOST string; outside GOST two to four words, not closed
	 * by a full stop, after a surname-first heading ("Cooley A. Great Games,
	 * Local Rules"), never a name's last word ("Sarita V. Adve.") or words
	 * after initials that precede a surname ("J. R. R. Tolkien") */
	if (n > (gost ? 1u : 4u) || (!gost && (n < 2 || tok_ends(t, au->t1 - 1, '.') ||
	                                         (t->tok[au->t0].flags & LIT_TF_INITIAL) ||
	                                         !(t->tok[au->t0 + 1].flags & LIT_TF_INITIAL))))
		return;
	for (size_t k = m + 1; k < au->t1; k++) {
		const lit_ptoken *w = &t->tok[k];
		if ((w->flags & (LIT_TF_INITIAL | LIT_TF_DIGIT | LIT_TF_ALLCAPS)) || !(w->flags & LIT_TF_UPPER0) ||
		    w->nletters < 3 || (w->lex & (LIT_LEX_AND | LIT_LEX_ETAL)))
			return;
		/* "John C. Baez, James Dolan," and "Enrique V. Muñoz Pérez:" are names */
		if (!gost && ((k + 1 < au->t1 && tok_ends(t, k, ',')) || tok_ends(t, k, ':')))
			return;
	}
	move_boundary(c, 0, m + 1);
}

/* "Russian Deputy Foreign Minister Igor Morgulov's response ...": an
 * "author" of capitalised words without initials, commas or conjunctions
 * that runs into the title with no punctuation between is the title's
 * start in a web reference (a name before a title ends with ".", ",", ":"
 * or a date). */
static void author_runs_into_title(ctx *c)
{
	const lit_ptokens *t = c->t;
	span *au, *ti;
	if (c->nsp < 2 || c->sp[0].label != LIT_PL_AUTHOR || c->sp[1].label != LIT_PL_TITLE)
		return;
	au = &c->sp[0];
	ti = &c->sp[1];
	for (size_t k = au->t0; k < au->t1; k++) {
		const lit_ptoken *q = &t->tok[k];
		char e = t->text[q->end - 1];
		if ((q->flags & (LIT_TF_INITIAL | LIT_TF_DIGIT | LIT_TF_INQUOTE | LIT_TF_INPAREN)) ||
		    !(q->flags & LIT_TF_UPPER0) || (q->lex & (LIT_LEX_AND | LIT_LEX_ETAL)) ||
		    !lit_pu8_is_letter((unsigned char)e) || q->nletters < 2)
			return;
	}
	if (!(t->tok[ti->t0].flags & LIT_TF_UPPER0) || (t->tok[ti->t0].flags & LIT_TF_INQUOTE))
		return;
	/* only in a web reference: styles without punctuation ("Bloch Marc
	 * L'origine ...") write names so */
	if (is_web_ref(c))
		author_into_title(c);
}

/* "(H. Weaver, Trans.). Basic Books.", "(M. Cole, Ed.). Harvard University
 * Press.": the bracketed role closes the names; what follows is the
 * publisher (APA), when the model ran it into the translator or editor. */
static void role_bracket_end(ctx *c)
{
	const lit_ptokens *t = c->t;
	for (size_t i = 0; i < c->nsp; i++) {
		span *p = &c->sp[i];
		if (p->label != LIT_PL_EDITOR && p->label != LIT_PL_TRANSLATOR)
			continue;
		for (size_t k = p->t0; k + 1 < p->t1; k++) {
			const char *x = t->text + t->tok[k].start;
			size_t l = t->tok[k].end - t->tok[k].start;
			if (l >= 3 && (!strncmp(x + l - 2, ").", 2) || x[l - 1] == ')') &&
			    (starts_ci(x, l, "trans.") || starts_ci(x, l, "eds.") || starts_ci(x, l, "ed.") ||
			     starts_ci(x, l, "transl.") || starts_ci(x, l, "trad.") || starts_ci(x, l, "hrsg."))) {
				split_span(c, i, k + 1, has_span(c, LIT_PL_PUBLISHER) ? LIT_PL_OTHER : LIT_PL_PUBLISHER);
				return;
			}
		}
	}
}

/* "Said, Edward W. Orientalism. 1978.": with no title found, the words after
 * the last initial of an inverted name ("Family, Given I.") up to a full
 * stop before the date are the title. */
static void title_after_initial(ctx *c)
{
	const lit_ptokens *t = c->t;
	span *au;
	size_t last = 0, k;
	if (has_span(c, LIT_PL_TITLE) || c->nsp < 2 || c->sp[0].label != LIT_PL_AUTHOR || c->sp[1].label != LIT_PL_DATE)
		return;
	au = &c->sp[0];
	if (au->t1 - au->t0 < 4 || !tok_ends(t, au->t0, ',') || !tok_ends(t, au->t1 - 1, '.'))
		return;
	for (k = au->t0; k < au->t1; k++) {
		if ((t->tok[k].lex & (LIT_LEX_AND | LIT_LEX_ETAL)) || (k > au->t0 && k + 1 < au->t1 && tok_ends(t, k, ',')))
			return;
		if (t->tok[k].flags & LIT_TF_INITIAL)
			last = k;
	}
	if (!last || last + 1 >= au->t1 || (t->tok[last + 1].flags & LIT_TF_INITIAL) ||
	    !(t->tok[last + 1].flags & LIT_TF_UPPER0) || t->tok[last + 1].nletters < 3)
		return;
	split_span(c, 0, last + 1, LIT_PL_TITLE);
}

/* The end of the author list the model ran into a quoted title: "…, and R. C.
 * Vrijen- hoek, “Unusual benthic fauna …”", "… and Kevin O. Pope., “…”":
 * up to four tokens ending in a comma before the opening quote go back to
 * the authors. */
static void author_tail_before_quote(ctx *c)
{
	const lit_ptokens *t = c->t;
	for (size_t i = 1; i < c->nsp; i++) {
		span *ti = &c->sp[i];
		if (ti->label != LIT_PL_TITLE || c->sp[i - 1].label != LIT_PL_AUTHOR)
			continue;
		if (t->tok[ti->t0].flags & LIT_TF_INQUOTE)
			return;
		for (size_t k = ti->t0 + 1; k < ti->t1 && k <= ti->t0 + 4; k++) {
			/* names only: no date ("4 mai 2012, « … »") or role
			 * ("(Principal Investigator), “…”") */
			if ((t->tok[k - 1].flags & (LIT_TF_DIGIT | LIT_TF_INPAREN | LIT_TF_INBRACK)) ||
			    t->text[t->tok[k - 1].start] == '(')
				return;
			if (!(t->tok[k].flags & LIT_TF_INQUOTE))
				continue;
			if (tok_ends(t, k - 1, ',') && k + 1 < ti->t1)
				move_boundary(c, i - 1, k);
			return;
		}
		return;
	}
}

/* PDF text that lost the space between the title and the journal:
 * "... gravitational wave detectorsClass. Quantum Grav.", "... anti-spring
 * bladesNucl. Instrum. Meth.": when the title's last token has a
 * lower-case letter followed by a capitalised abbreviation of three to six
 * letters, the next token continues it (".Quantum", ".Instrum"), and the
 * journal or container follows, the tail moves to it. */
static void glued_title_tail(ctx *c)
{
	const lit_ptokens *t = c->t;
	const char *x = t->text;
	for (size_t i = 0; i + 1 < c->nsp; i++) {
		span *ti = &c->sp[i], *j = &c->sp[i + 1];
		const lit_ptoken *q;
		size_t k, cut = 0;
		if (ti->label != LIT_PL_TITLE || (j->label != LIT_PL_JOURNAL && j->label != LIT_PL_CONTAINER))
			continue;
		q = &t->tok[ti->t1 - 1];
		for (k = q->start + 1; k + 2 < q->end; k++)
			if (x[k - 1] >= 'a' && x[k - 1] <= 'z' && x[k] >= 'A' && x[k] <= 'Z' && x[k + 1] >= 'a' &&
			    x[k + 1] <= 'z')
				cut = k;
		/* not "McDonald", "iPhone": the head is a word of three or more
		 * letters; the tail an abbreviation ("Class .Quantum", "Nucl."), not
		 * a word run together inside the title ("GeneralSpacetimes ,") */
		if (!cut || cut - q->start < 3)
			continue;
		if (!(((x[q->end - 1] >= 'a' && x[q->end - 1] <= 'z') || (x[q->end - 1] >= 'A' && x[q->end - 1] <= 'Z')) &&
		      ti->t1 < t->n && t->tok[ti->t1].end - t->tok[ti->t1].start > 2 && x[t->tok[ti->t1].start] == '.' &&
		      x[t->tok[ti->t1].start + 1] >= 'A' && x[t->tok[ti->t1].start + 1] <= 'Z'))
			continue;
		{
			/* one capitalised word: "Class", "Nucl", not "PtBi" */
			size_t letters = 1;
			for (k = cut + 1; k < q->end && x[k] >= 'a' && x[k] <= 'z'; k++)
				letters++;
			if (letters < 3 || letters > 6 || k != q->end)
				continue;
		}
		ti->b = cut;
		j->a = cut;
	}
}

/* "(Orgs.). Criminologia e ...", "eds.). Comics: ...": the closing role
 * word of the names before a title is no part of it. */
static void title_role_start(ctx *c)
{
	static const char *const roles[] = { "ed", "eds", "org", "orgs", "coord", "coords", "dir", "dirs", "hrsg", "hg",
		                             "comp", "comps", "editor", "editors", "éd", "éds", NULL };
	const lit_ptokens *t = c->t;
	for (size_t i = 1; i < c->nsp; i++) {
		span *ti = &c->sp[i];
		const lit_ptoken *q;
		char w[16];
		size_t a, b, l;
		if (ti->label != LIT_PL_TITLE || ti->t1 - ti->t0 < 2)
			continue;
		if (c->sp[i - 1].label != LIT_PL_AUTHOR && c->sp[i - 1].label != LIT_PL_EDITOR)
			return;
		q = &t->tok[ti->t0];
		a = q->start;
		b = q->end;
		if (!memchr(t->text + a, ')', b - a))
			return;
		while (a < b && t->text[a] == '(')
			a++;
		while (b > a && strchr(").,", t->text[b - 1]))
			b--;
		if (b - a >= sizeof w)
			return;
		l = lit_pu8_lower_str(t->text + a, b - a, w, sizeof w - 1);
		w[l] = 0;
		for (size_t k = 0; roles[k]; k++)
			if (!strcmp(w, roles[k])) {
				ti->t0++;
				ti->a = t->tok[ti->t0].start;
				return;
			}
		return;
	}
}

/* A journal's first words left in the title: "Transit diplomacy in Central
 * Asia. Russia in Global" + "Affairs.".  A title span that ends in a word
 * with no punctuation, right before a capitalised journal or container, has
 * its boundary at the title's last sentence stop (a word of two or more
 * letters, not an initial, ending in "." "?" or "!" before a capital), when
 * at most six words follow that stop: they start the container. */
static void title_tail_to_container(ctx *c)
{
	const lit_ptokens *t = c->t;
	for (size_t i = 0; i + 1 < c->nsp; i++) {
		span *ti = &c->sp[i], *j = &c->sp[i + 1];
		const lit_ptoken *last;
		size_t k, cut = 0;
		if (ti->label != LIT_PL_TITLE || (j->label != LIT_PL_JOURNAL && j->label != LIT_PL_CONTAINER) ||
		    ti->t1 - ti->t0 < 3)
			continue;
		last = &t->tok[ti->t1 - 1];
		unsigned char e = (unsigned char)t->text[last->end - 1];
		const lit_ptoken *j0 = &t->tok[j->t0];
		/* "... Afghanistan. Aviation, Space," + "and Environmental
		 * Medicine.": a journal opening with a lower-case "and" / "of"
		 * continues the words before it, comma or not */
		int joined = (j0->lex & (LIT_LEX_AND | LIT_LEX_STOP)) && !(j0->flags & LIT_TF_UPPER0) && j0->nletters >= 2 &&
		             (e == ',' || (e < 0x80 && lit_pu8_is_letter(e)));
		if ((!((e < 0x80 && lit_pu8_is_letter(e)) || (e >= 0x80 && (last->flags & LIT_TF_CYR))) ||
		     !(j0->flags & LIT_TF_UPPER0) || (j0->lex & LIT_LEX_IN) || (last->flags & LIT_TF_INQUOTE)) &&
		    !(joined && !(last->flags & LIT_TF_INQUOTE)))
			continue;
		for (k = ti->t1 - 1; k > ti->t0; k--) {
			const lit_ptoken *q = &t->tok[k - 1];
			char ch = t->text[q->end - 1];
			if ((ch == '.' || ch == '?' || ch == '!') && q->nletters >= 2 && !(q->flags & LIT_TF_INITIAL) &&
			    (t->tok[k].flags & LIT_TF_UPPER0)) {
				cut = k;
				break;
			}
		}
		/* not "Hugh of Saint Victor. Didascalion ..." + "(Studies in ...)":
		 * the journal continues the title's words, it does not open a bracket */
		if (!cut || cut - ti->t0 < 2 || ti->t1 - cut > 6 || t->tok[cut].nletters < 2 ||
		    strchr("([{", t->text[t->tok[j->t0].start]))
			continue;
		for (k = cut; k < ti->t1; k++)
			if (t->tok[k].flags & (LIT_TF_DIGIT | LIT_TF_INQUOTE | LIT_TF_INPAREN))
				break;
		if (k < ti->t1)
			continue;
		move_boundary(c, i, cut);
	}
}

/* The host after a title span that ran past it: tokens [k, t1) of title
 * span i are the container ("in Proceedings ...", a journal): they join a
 * container or journal span that follows, or become one when the record has
 * none; a lone "in" goes to no field. */
static void title_tail_host(ctx *c, size_t i, size_t k)
{
	const lit_ptokens *t = c->t;
	span *ti = &c->sp[i];
	int lone_in = ti->t1 - k == 1 && (t->tok[k].lex & LIT_LEX_IN);
	if (i + 1 < c->nsp && (c->sp[i + 1].label == LIT_PL_CONTAINER || c->sp[i + 1].label == LIT_PL_JOURNAL))
		move_boundary(c, i, k);
	else if (!lone_in && !has_span(c, LIT_PL_CONTAINER) && !has_span(c, LIT_PL_JOURNAL))
		split_span(c, i, k, LIT_PL_CONTAINER);
	else
		split_span(c, i, k, LIT_PL_OTHER);
}

/* Does the token close a quotation with punctuation next to the closing
 * mark: 'Systems,”' 'Interpolation",' 'Title.»' 'Title’,'? */
static int closes_quote_punct(const lit_ptokens *t, size_t k)
{
	const unsigned char *x = (const unsigned char *)t->text + t->tok[k].start;
	size_t l = t->tok[k].end - t->tok[k].start;
	/* the closing marks: " ” » ’ ' (UTF-8 lengths 1, 3, 2, 3, 1) */
	for (size_t q = 0; q < l; q++) {
		size_t ml = 0;
		if (x[q] == '"' || x[q] == '\'')
			ml = 1;
		else if (q + 2 < l && x[q] == 0xE2 && x[q + 1] == 0x80 && (x[q + 2] == 0x9D || x[q + 2] == 0x99))
			ml = 3;
		else if (q + 1 < l && x[q] == 0xC2 && x[q + 1] == 0xBB)
			ml = 2;
		if (!ml || q == 0)
			continue;
		/* mark at the end after , . ? !, or followed by , . */
		if (q + ml == l && strchr(",.?!", x[q - 1]))
			return 1;
		if (q + ml + 1 == l && strchr(",.", x[q + ml]))
			return 1;
	}
	return 0;
}

/* A quoted title the model ran past its closing mark: '"Intelligent
 * Security Systems," in' + editors, '"Section 3.7.1. Radial Basis Function
 * Interpolation", Numerical Recipes'.  When the title span opens with a
 * quotation mark and a token inside it closes the quotation next to a
 * comma or full stop ('Systems,”', 'Interpolation",'), the title ends
 * there and what follows is the host (or nothing, for a lone "in").  A
 * quotation that opens a longer title ('«Слово о полку Игореве» и его
 * время', '“Yes we can”: rhetoric') closes without such punctuation and is
 * left alone. */
static void quoted_title_end(ctx *c)
{
	const lit_ptokens *t = c->t;
	size_t i, k;
	span *ti = title_span(c, &i);
	if (!ti)
		return;
	if (!(t->tok[ti->t0].flags & LIT_TF_INQUOTE) ||
	    (i > 0 && ti->t0 > 0 && (t->tok[ti->t0 - 1].flags & LIT_TF_INQUOTE)))
		return;
	for (k = ti->t0; k < ti->t1 && (t->tok[k].flags & LIT_TF_INQUOTE); k++)
		;
	if (k >= ti->t1 || k == ti->t0 || !closes_quote_punct(t, k - 1))
		return;
	title_tail_host(c, i, k);
}

/* "The Europeans, in Novels, 1871-1880", "An Introduction to ChPT, in
 * Nuclear, subnuclear and astroparticle physics": a title span that holds
 * ", in" before a capitalised word, in a record with no container, ends
 * before the "in"; the rest is the host. */
static void title_comma_in(ctx *c)
{
	const lit_ptokens *t = c->t;
	if (has_span(c, LIT_PL_CONTAINER) || has_span(c, LIT_PL_JOURNAL))
		return;
	for (size_t i = 0; i < c->nsp; i++) {
		span *ti = &c->sp[i];
		if (ti->label != LIT_PL_TITLE)
			continue;
		for (size_t k = ti->t0 + 2; k + 1 < ti->t1; k++) {
			const lit_ptoken *q = &t->tok[k];
			if (q->end - q->start == 2 && (q->lex & LIT_LEX_IN) && tok_ends(t, k - 1, ',') &&
			    (t->tok[k + 1].flags & LIT_TF_UPPER0) && !(q->flags & (LIT_TF_INQUOTE | LIT_TF_INPAREN))) {
				split_span(c, i, k, LIT_PL_CONTAINER);
				return;
			}
		}
		return;
	}
}

/* GOST's " : " opens the other title information ("Теория : учебное
 * пособие", "… : дис. … канд. экон. наук", "The Liar : An Essay on Truth",
 * "… : федеральный закон от 27.07.2006 № 149-ФЗ"): the title proper ends
 * before it.  The information becomes the genre (the record's "сведения,
 * относящиеся к заглавию", printed back after " : " by the GOST styles),
 * or joins the note when a genre span exists.  Only in strings written to
 * GOST (Cyrillic, ". – " areas or "//"); English and French titles keep a
 * spaced colon ("Voir et planifier : l'aménagement").  Returns the title's
 * new length. */
/* A title ending in an abbreviation keeps its stop: "… в 1860–1880-е гг.",
 * "… во второй половине XIX в.", "… и др.", "etc.".  Returns the new
 * length (s has room: it is c->buf). */
static size_t title_abbrev_dot(ctx *c, const span *p, char *s, size_t len)
{
	static const char *const abbr[] = { " гг", " вв", " в", " г", " др", " пр", " etc", " et al", " ca", NULL };
	const char *raw = c->t->text;
	size_t e = p->b;
	if (!len || s[len - 1] == '.')
		return len;
	/* the span as written ends with that word and a full stop */
	while (e > p->a && (raw[e - 1] == ' ' || raw[e - 1] == ':' || raw[e - 1] == ',' || raw[e - 1] == ';'))
		e--;
	if (e == p->a || raw[e - 1] != '.')
		return len;
	for (size_t k = 0; abbr[k]; k++) {
		size_t al = strlen(abbr[k]);
		if (len > al && !memcmp(s + len - al, abbr[k], al)) {
			s[len++] = '.';
			s[len] = 0;
			return len;
		}
	}
	return len;
}

/* GOST 7.0.5's general material designation closing a title or its other
 * information ("Кяхта : история торговой слободы [Электронный ресурс]") is
 * the record's medium, not its words.  Returns the new length. */
static size_t strip_gmd(ctx *c, char *s, size_t len)
{
	static const char *const gmd[] = { "[Электронный ресурс]", "[Текст]", "[Electronic resource]", NULL };
	for (size_t k = 0; gmd[k]; k++) {
		size_t gl = strlen(gmd[k]);
		if (len > gl && !memcmp(s + len - gl, gmd[k], gl)) {
			set_text(c, LIT_VAR_MEDIUM, gmd[k] + 1, gl - 2);
			len -= gl;
			while (len && s[len - 1] == ' ')
				len--;
			s[len] = 0;
			return len;
		}
	}
	return len;
}

static int designation_start(const char *s, size_t len);

static size_t other_title_info(ctx *c, char *s, size_t len, char *note, size_t notecap, size_t *notelen)
{
	char *sep;
	size_t cut, from, rest;
	if (!(c->t->doc_flags & (LIT_TF_CYR | LIT_DF_AREAS | LIT_DF_SLASHES)))
		return len;
	sep = strstr(s, " : ");
	if (sep) {
		cut = (size_t)(sep - s);
		from = cut + 3;
	} else {
		/* "Административное право: учебник", "Записки: в 2 т." */
		for (sep = strstr(s, ": "); sep; sep = strstr(sep + 1, ": ")) {
			const char *r = sep + 2;
			size_t rl = len - (size_t)(r - s);
			/* in a title, "материалы и документы" is a subtitle; "материалы
			 * … конференции" a designation */
			if (designation_start(r, rl) && (!starts_ci(r, rl, "материалы") || strstr(r, "конф") ||
			                                 strstr(r, "семинар") || strstr(r, "симпоз") || strstr(r, "форум")))
				break;
		}
		if (!sep)
			return len;
		cut = (size_t)(sep - s);
		from = cut + 2;
	}
	if (cut < 2)
		return len;
	rest = len - from;
	if (rest) {
		char r[LIT_PARSE_MAX_TEXT + 1];
		memcpy(r, s + from, rest);
		r[rest] = 0;
		rest = final_dot(r, rest);
		rest = strip_gmd(c, r, rest);
		if (!has_span(c, LIT_PL_GENRE) && !lit_record_get(c->rec, LIT_VAR_GENRE)) {
			set_text(c, LIT_VAR_GENRE, r, rest);
		} else if (*notelen + rest + 3 < notecap) {
			if (*notelen) {
				memcpy(note + *notelen, "; ", 2);
				*notelen += 2;
			}
			memcpy(note + *notelen, r, rest);
			*notelen += rest;
			note[*notelen] = 0;
		}
	}
	s[cut] = 0;
	return cut;
}

/* Does s start with a GOST designation of the kind of document ("сб.
 * ст.", "материалы конференции", "в 3 т.", "учеб. пособие", "официальный
 * сайт", "справочная правовая система", "монография")? */
static int designation_start(const char *s, size_t len)
{
	static const char *const words[] = { "сб.", "сборник", "материалы", "тез.", "тезисы", "труды", "учеб", "монография",
		                             "официальный сайт", "офиц. сайт", "сайт", "[сайт]", "справочная", "справ.",
		                             "информационно-правовой", "информационный портал", "интернет-портал",
		                             "электронный журнал", "научный журнал", "науч. журн", "журнал", "ежегодник",
		                             "альманах", "хрестоматия", "словарь", "энциклопедия", "антология", "избранные",
		                             "пер. с", "в 2 т", "в 3 т", "в 4 т", "в 5 т", "в 6 т", "в 7 т", "в 8 т",
		                             "в 9 т", "в 10 т", "в 12 т", "в 2 ч", "в 3 ч", "в 4 ч", "в 2-х т", "в 3-х т",
		                             "в 4-х т", "в 5-ти т", "в 6-ти т", "федеральный закон", "федер. закон",
		                             "закон ", "указ ", "постановление", "распоряжение", "приказ ", "приказÂ ",
		                             "национальный стандарт", "нац. стандарт", "межгосударственный стандарт",
		                             "дис.", "диссертация", "автореф", "специальность", "учебник", "отчет о",
		                             "отчёт о", "аналитический доклад", "доклад", "препринт", "статистический",
		                             "краткий статистический", "справочник", "коллективная монография", NULL };
	char low[48];
	size_t ll = lit_pu8_lower_str(s, len < 40 ? len : 40, low, sizeof low - 1);
	low[ll] = 0;
	for (size_t k = 0; words[k]; k++)
		if (!strncmp(low, words[k], strlen(words[k])))
			return 1;
	return 0;
}

/* A host's other title information: "Сибирь в XIX веке: сб. ст.",
 * "Сибирь: проблемы истории и культуры: материалы всерос. науч. конф.
 * (Улан-Удэ, …)", "КонсультантПлюс : справочная правовая система",
 * "Историческая энциклопедия Сибири: в 3 т.": in a GOST string the host's
 * name ends before " : ", or before ": " that opens a designation.
 * Returns the new length. */
static size_t host_other_info(ctx *c, char *s, size_t len)
{
	if (!(c->t->doc_flags & (LIT_TF_CYR | LIT_DF_AREAS | LIT_DF_SLASHES)))
		return len;
	for (size_t k = 2; k + 2 < len; k++) {
		size_t r;
		if (s[k] != ':' || s[k + 1] != ' ')
			continue;
		r = k + 2;
		if (s[k - 1] == ' ' || designation_start(s + r, len - r)) {
			len = s[k - 1] == ' ' ? k - 1 : k;
			s[len] = 0;
			return len;
		}
	}
	return len;
}

/* "Записки о Кяхте и Маймачене. Ч. 2. СПб.", "Title. Vol. 3. Place": a
 * title span ending in a volume or part marker ("Т.", "Ч.", "Кн.", "Вып.",
 * "Vol.", "Part") before a number: the marker and the number are the
 * volume. */
static void title_part_marker(ctx *c)
{
	const lit_ptokens *t = c->t;
	for (size_t i = 0; i + 1 < c->nsp; i++) {
		span *ti = &c->sp[i], *nx = &c->sp[i + 1];
		const lit_ptoken *m;
		if (ti->label != LIT_PL_TITLE)
			continue;
		if (ti->t1 - ti->t0 < 2)
			return;
		m = &t->tok[ti->t1 - 1];
		if (!(m->lex & (LIT_LEX_VOL | LIT_LEX_NUM)) || !tok_ends(t, ti->t1 - 1, '.') || m->nletters > 4 ||
		    nx->t1 - nx->t0 != 1 || !(t->tok[nx->t0].flags & LIT_TF_DIGIT) || t->tok[nx->t0].nletters ||
		    nx->label == LIT_PL_VOLUME || nx->label == LIT_PL_ISSUE || nx->label == LIT_PL_PAGES)
			return;
		nx->label = (m->lex & LIT_LEX_VOL) || m->nletters == 1 ? LIT_PL_VOLUME : LIT_PL_ISSUE;
		nx->t0 = ti->t1 - 1;
		nx->a = m->start;
		ti->t1--;
		ti->b = t->tok[ti->t1 - 1].end;
		return;
	}
}

/* A reference opening with a "journal" or "container" and no title ("История
 * Сибири. Т. 2 / В. А. Шишкин [и др.]. Новосибирск: Наука", "Critical
 * Inquiry. — 2011. — Vol. 37"), in a string with an imprint or GOST
 * areas: what comes first is the title. */
static void first_container_title(ctx *c)
{
	size_t i = 0;
	/* not "12. Ann Neurol. 1991 Dec;30(6):831-40", a journal cited without
	 * its article's title: only with an imprint or GOST areas */
	if (has_span(c, LIT_PL_TITLE) || !(has_span(c, LIT_PL_PUBLISHER) || has_span(c, LIT_PL_LOCATION) ||
	                                   (c->t->doc_flags & (LIT_DF_AREAS | LIT_DF_SLASHES))))
		return;
	/* only a number or punctuation before it */
	while (i < c->nsp && (c->sp[i].label == LIT_PL_CITNUM ||
	                      (c->sp[i].label == LIT_PL_OTHER && c->sp[i].t1 - c->sp[i].t0 == 1 &&
	                       (c->t->tok[c->sp[i].t0].flags & LIT_TF_PUNCT))))
		i++;
	if (i < c->nsp && (c->sp[i].label == LIT_PL_CONTAINER || c->sp[i].label == LIT_PL_JOURNAL) &&
	    !(c->t->text[c->sp[i].a] == '/'))
		c->sp[i].label = LIT_PL_TITLE;
}

/* APA puts the author, a person or a group, before "(2022)." or "(2022,
 * September 15).": "Federal Census Office. (2022, …). Home-based workers
 * …", "Statistics Nordland. (2023). Commuting …".  A first span the model
 * took for a publisher, title or journal, right before such a date and
 * with a title after it, is the author; an author span of capitalised
 * words without commas, "&" or initials there is a group's name, kept
 * whole (c->org_author). */
static void apa_group_author(ctx *c)
{
	const lit_ptokens *t = c->t;
	span *a;
	c->org_author = 0;
	if (c->nsp < 3 || c->sp[1].label != LIT_PL_DATE || t->text[c->sp[1].a] != '(')
		return;
	a = &c->sp[0];
	if (a->label != LIT_PL_AUTHOR) {
		int later_title = 0;
		for (size_t i = 2; i < c->nsp; i++)
			later_title |= c->sp[i].label == LIT_PL_TITLE;
		if (!later_title || (a->label != LIT_PL_PUBLISHER && a->label != LIT_PL_TITLE && a->label != LIT_PL_JOURNAL &&
		                     a->label != LIT_PL_CONTAINER))
			return;
		a->label = LIT_PL_AUTHOR;
	}
	for (size_t k = a->t0; k < a->t1; k++) {
		const lit_ptoken *q = &t->tok[k];
		if ((q->flags & (LIT_TF_INITIAL | LIT_TF_DIGIT)) || (q->lex & (LIT_LEX_AND | LIT_LEX_ETAL)) ||
		    (k + 1 < a->t1 && tok_ends(t, k, ',')) || (!(q->flags & LIT_TF_UPPER0) && !(q->lex & LIT_LEX_STOP)))
			return;
	}
	if (a->t1 - a->t0 >= 2 || (t->tok[a->t0].flags & LIT_TF_ALLCAPS))
		c->org_author = 1;
}

/* GOST's responsibility area may name organisations after " ; " or " / "
 * ("/ В. Л. Абашкин [и др.] ; Национальный исследовательский университет
 * «Высшая школа экономики». – Москва : ИСИЭЗ ВШЭ, 2024"); the model takes
 * them for the publisher.  The imprint is the first place followed by a
 * publisher; a publisher or place span before it that follows ";" or "/"
 * is the organisation: the author when there is none, else no field. */
static void imprint_first_pair(ctx *c)
{
	const lit_ptokens *t = c->t;
	size_t j;
	if (!(t->doc_flags & (LIT_TF_CYR | LIT_DF_AREAS | LIT_DF_SLASHES)))
		return;
	for (j = 0; j + 1 < c->nsp; j++) {
		size_t k = j + 1;
		if (c->sp[j].label != LIT_PL_LOCATION)
			continue;
		if (c->sp[k].label == LIT_PL_OTHER && k + 1 < c->nsp && c->sp[k].t1 - c->sp[k].t0 == 1)
			k++;
		if (c->sp[k].label == LIT_PL_PUBLISHER)
			break;
	}
	if (j + 1 >= c->nsp)
		return;
	for (size_t i = 1; i < j; i++) {
		span *p = &c->sp[i];
		const span *q = &c->sp[i - 1];
		const char *x;
		size_t xl;
		if (p->label != LIT_PL_PUBLISHER && p->label != LIT_PL_LOCATION)
			continue;
		if (q->label != LIT_PL_OTHER)
			continue;
		x = t->text + q->a;
		xl = q->b - q->a;
		if (memchr(x, ';', xl) || memchr(x, '/', xl)) {
			p->label = memchr(x, '/', xl) && !has_span(c, LIT_PL_AUTHOR) ? LIT_PL_AUTHOR : LIT_PL_OTHER;
			/* a place the model split off the organisation's last word goes with it */
			if (i + 1 < j && (c->sp[i + 1].label == LIT_PL_LOCATION || c->sp[i + 1].label == LIT_PL_PUBLISHER))
				c->sp[i + 1].label = LIT_PL_OTHER;
		}
	}
}

/* Is the token an edition word ("Revised", "Edition", "4th", "2-е",
 * "Reprint", "illustrated")?  "ed." alone is also the editor's role. */
static int edition_word(const lit_ptokens *t, size_t k)
{
	const lit_ptoken *q = &t->tok[k];
	const char *x = t->text + q->start;
	size_t l = q->end - q->start;
	while (l && strchr(".,;:", x[l - 1]))
		l--;
	if ((q->lex & LIT_LEX_EDITION) && !(l <= 3 && (starts_ci(x, l, "ed") || starts_ci(x, l, "éd"))))
		return 1;
	return (l == 7 && starts_ci(x, l, "reprint")) || (l == 11 && starts_ci(x, l, "illustrated"));
}

/* Edition statements the model left at the end of a title: "The Lambda
 * Calculus. Revised Edition.", "The Iliad, Books XXIII–XXIV. 4th.",
 * "Semiotics ... Language. Reprint, illustrated.": a last sentence of at
 * most four words, one of them an edition word and every other one short
 * or an edition word, becomes the edition. */
static void title_edition_tail(ctx *c)
{
	const lit_ptokens *t = c->t;
	size_t i;
	span *ti = title_span(c, &i);
	if (!ti)
		return;
	size_t k, cut = 0;
	int ed = 0;
	if (ti->t1 - ti->t0 < 3)
		return;
	for (k = ti->t1 - 1; k > ti->t0 && ti->t1 - k <= 4; k--)
		if (tok_ends(t, k - 1, '.') && t->tok[k - 1].nletters >= 2 && !(t->tok[k - 1].flags & LIT_TF_INITIAL)) {
			cut = k;
			break;
		}
	if (!cut || cut - ti->t0 < 2)
		return;
	for (k = cut; k < ti->t1; k++) {
		if (edition_word(t, k))
			ed = 1;
		else if (t->tok[k].nletters > 3 || (t->tok[k].flags & (LIT_TF_INQUOTE | LIT_TF_INPAREN)))
			return;
	}
	if (ed)
		split_span(c, i, cut, LIT_PL_EDITION);
}

/* APA's description in brackets after a title ("Harry Potter and the
 * half-blood prince [Motion picture].", "[Computer software]", "[Data
 * set]"): one to three bracketed words closing the title are its medium.
 * Not a bracketed translation after a CJK title (kept for the note), not a
 * title that is all in brackets. */
static void title_bracket_medium(ctx *c)
{
	const lit_ptokens *t = c->t;
	size_t i, k;
	span *ti = title_span(c, &i);
	if (!ti)
		return;
	for (k = ti->t1; k > ti->t0 && (t->tok[k - 1].flags & LIT_TF_INBRACK); k--)
		;
	if (k == ti->t1 || k == ti->t0 || ti->t1 - k > 3 || t->text[t->tok[k].start] != '[' ||
	    (t->tok[k - 1].flags & LIT_TF_INBRACK) || text_has_cjk(t->text + ti->a, ti->b - ti->a))
		return;
	{
		const lit_ptoken *e = &t->tok[ti->t1 - 1];
		if (!memchr(t->text + e->start, ']', e->end - e->start))
			return;
	}
	split_span(c, i, k, LIT_PL_MEDIUM);
}

/* "Rio de Janeiro: Aeroplano", "М. : Наука" labelled as one publisher: a
 * place of one to four capitalised words before ": " is the place, when
 * no location span gave one.  Returns the publisher's new length. */
static size_t place_in_publisher(ctx *c, char *s, size_t len)
{
	char *colon = strstr(s, ": ");
	size_t pl, words = 1;
	if (!colon || has_span(c, LIT_PL_LOCATION) || lit_record_get(c->rec, LIT_VAR_PUBLISHER_PLACE))
		return len;
	pl = (size_t)(colon - s);
	while (pl && s[pl - 1] == ' ')
		pl--;
	{
		size_t q = 0;
		if (!pl || pl > 40 || !lit_pu8_is_upper(lit_pu8_next(s, pl, &q)))
			return len;
	}
	for (size_t k = 0; k < pl; k++) {
		if ((s[k] >= '0' && s[k] <= '9') || strchr(";()[]/&", s[k]))
			return len;
		if (s[k] == ' ')
			words++;
	}
	/* "Available at SSRN: https://…", "Retrieved from: …" are no places */
	if (contains_ci(s, pl, "available") || contains_ci(s, pl, "retrieved") || contains_ci(s, pl, "online") ||
	    contains_ci(s, pl, "url") || contains_ci(colon, strlen(colon), "http"))
		return len;
	if (words > 4 || len - (size_t)(colon + 2 - s) < 2)
		return len;
	set_text(c, LIT_VAR_PUBLISHER_PLACE, s, pl);
	len -= (size_t)(colon + 2 - s);
	memmove(s, colon + 2, len + 1);
	return len;
}

/* "Title: subtitle. Problems of Post-Communism. 2015. Vol. 62, No. 5.":
 * an article (a volume or issue follows) whose model found no journal and
 * ran the title into it, up to the date.  The title's last sentence, of at
 * most eight words, is the journal. */
static void title_journal_before_date(ctx *c)
{
	const lit_ptokens *t = c->t;
	size_t i, k, cut = 0;
	span *ti;
	if (has_span(c, LIT_PL_CONTAINER) || has_span(c, LIT_PL_JOURNAL) ||
	    !(has_span(c, LIT_PL_VOLUME) || has_span(c, LIT_PL_ISSUE)))
		return;
	ti = title_span(c, &i);
	if (!ti || i + 1 >= c->nsp || c->sp[i + 1].label != LIT_PL_DATE || ti->t1 - ti->t0 < 6)
		return;
	/* four title words at least before the journal ("Proc. Natl. Acad Sci" is one name) */
	for (k = ti->t1 - 1; k > ti->t0 + 3 && ti->t1 - k <= 8; k--) {
		const lit_ptoken *q = &t->tok[k - 1];
		if (tok_ends(t, k - 1, '.') && q->nletters >= 2 && !(q->flags & LIT_TF_INITIAL) &&
		    (t->tok[k].flags & LIT_TF_UPPER0)) {
			cut = k;
			break;
		}
	}
	if (!cut)
		return;
	for (k = cut; k < ti->t1; k++)
		if (t->tok[k].flags & (LIT_TF_DIGIT | LIT_TF_INQUOTE))
			return;
	split_span(c, i, cut, LIT_PL_JOURNAL);
}

/* "Freeport of" + "Riga Authority, accessed …": a host span the model
 * closed on a lower-case function word goes on over the capitalised words
 * after it, up to the first comma or full stop. */
static void host_cut_on_stopword(ctx *c)
{
	const lit_ptokens *t = c->t;
	for (size_t i = 0; i + 1 < c->nsp; i++) {
		span *h = &c->sp[i], *nx = &c->sp[i + 1];
		const lit_ptoken *last;
		size_t k;
		if ((h->label != LIT_PL_JOURNAL && h->label != LIT_PL_CONTAINER) || nx->t0 != h->t1)
			continue;
		last = &t->tok[h->t1 - 1];
		if (!(last->lex & LIT_LEX_STOP) || (last->flags & LIT_TF_UPPER0) || last->nletters > 4 ||
		    (nx->label != LIT_PL_NOTE && nx->label != LIT_PL_OTHER))
			return;
		for (k = nx->t0; k < nx->t1; k++) {
			const lit_ptoken *q = &t->tok[k];
			if (!(q->flags & LIT_TF_UPPER0) || (q->lex & LIT_LEX_ACCESS) || (q->flags & LIT_TF_DIGIT))
				break;
			if (tok_ends(t, k, ',') || tok_ends(t, k, '.')) {
				k++;
				break;
			}
		}
		if (k == nx->t0)
			return;
		h->t1 = k;
		h->b = t->tok[k - 1].end;
		if (k >= nx->t1) {
			memmove(&c->sp[i + 1], &c->sp[i + 2], (c->nsp - i - 2) * sizeof c->sp[0]);
			c->nsp--;
		} else {
			nx->t0 = k;
			nx->a = t->tok[k].start;
		}
		return;
	}
}

/* Physics journals carry a section letter written against the volume:
 * "Phys. Rev. D59", "Nucl.Phys. B214,", "Phys .Rev .D85" - the model takes
 * the token as the volume, but the letter belongs to the journal's name
 * ("Phys. Rev. D", volume 59).  Moves the letter's bytes from the volume
 * span to the container span that precedes it. */
static void section_letter(ctx *c)
{
	const char *x = c->t->text;
	for (size_t i = 0; i + 1 < c->nsp; i++) {
		span *j = &c->sp[i], *v = &c->sp[i + 1];
		size_t a = v->a;
		if ((j->label != LIT_PL_JOURNAL && j->label != LIT_PL_CONTAINER) || v->label != LIT_PL_VOLUME)
			continue;
		if (a < v->b && x[a] == '.')
			a++;
		if (a + 1 < v->b && x[a] >= 'A' && x[a] <= 'Z' && x[a + 1] >= '0' && x[a + 1] <= '9') {
			j->b = a + 1;
			v->a = a + 1;
		}
	}
}

/* "// ТАСС. 20 июля 2023 г." with the date inside the container span: a
 * last sentence that is a full date (day or month given) leaves the
 * container and becomes the issued date when no date span exists.
 * Returns the new length of s. */
static size_t container_date(ctx *c, char *s, size_t len)
{
	size_t k;
	lit_date d;
	if (first_span(c, LIT_PL_DATE) || lit_record_date(c->rec, LIT_VAR_ISSUED))
		return len;
	for (k = len; k > 2; k--)
		if (s[k - 2] == '.' && s[k - 1] == ' ')
			break;
	if (k <= 2 || k >= len || s[k] < '0' || s[k] > '9')
		return len;
	if (!lit_pdate_parse(s + k, len - k, &d) || !d.year || !d.month)
		return len;
	lit_record_set_date(c->rec, LIT_VAR_ISSUED, &d);
	len = k - 1;
	s[len] = 0;
	return trim(s, len, 1);
}

/* "(1980) 1510.", "(2011) 1975–1986", "2003 )313." labelled as the date
 * after the volume: a number or range after the bracketed year, with no
 * pages labelled, is the page. */
static void date_page(ctx *c, const span *p)
{
	char tmp[96];
	size_t l, k, e, a;
	/* physics style only: "Journal 24 (2011) 1975" with its volume before */
	if (first_span(c, LIT_PL_PAGES) || lit_record_get(c->rec, LIT_VAR_PAGE) ||
	    !lit_record_get(c->rec, LIT_VAR_VOLUME))
		return;
	l = squash(c->t->text, p->a, p->b, tmp, sizeof tmp);
	while (l && (tmp[l - 1] == '.' || tmp[l - 1] == ',' || tmp[l - 1] == ';'))
		l--;
	e = l;
	k = l;
	for (;;) {
		if (k > 0 && ((tmp[k - 1] >= '0' && tmp[k - 1] <= '9') || tmp[k - 1] == '-' || tmp[k - 1] == ' '))
			k--;
		else if (k >= 3 && (unsigned char)tmp[k - 3] == 0xE2 && (unsigned char)tmp[k - 2] == 0x80 &&
		         ((unsigned char)tmp[k - 1] == 0x93 || (unsigned char)tmp[k - 1] == 0x94))
			k -= 3; /* en or em dash */
		else
			break;
	}
	/* the digits must follow ')' of "(YEAR)" */
	a = k;
	while (a < e && tmp[a] == ' ')
		a++;
	if (a >= e || k == 0 || tmp[k - 1] != ')' || !(tmp[a] >= '0' && tmp[a] <= '9'))
		return;
	{
		/* a four-digit year inside the bracket before */
		size_t o = k - 1, digits = 0;
		while (o > 0 && tmp[o - 1] != '(') {
			if (tmp[o - 1] >= '0' && tmp[o - 1] <= '9')
				digits++;
			o--;
		}
		if (digits < 4)
			return;
	}
	{
		char pg[64];
		size_t pl = e - a, o = 0;
		if (pl >= sizeof pg)
			return;
		for (size_t q = a; q < e; q++) {
			if (tmp[q] == ' ')
				continue;
			if ((unsigned char)tmp[q] == 0xE2 && q + 2 < e) {
				pg[o++] = '-';
				q += 2;
				continue;
			}
			pg[o++] = tmp[q];
		}
		while (o && pg[o - 1] == '-')
			o--;
		if (o)
			set_text(c, LIT_VAR_PAGE, pg, o);
	}
}

/* "TASS. 11/03/2021." labelled as the date: a leading sentence without
 * digits before a full date (day or month given) is the site or paper
 * the item appeared in, when nothing was labelled as the container.
 * Returns the offset of the date in s (0: no such sentence). */
static size_t date_site(ctx *c, const char *s, size_t len)
{
	size_t k;
	lit_date d;
	/* after a title ("Rosneft decided to sue ... RBC. 09/03/2020."); with
	 * none, the sentence is more likely the title ("Homepage. 28 Mar. 2002") */
	if (first_span(c, LIT_PL_CONTAINER) || first_span(c, LIT_PL_JOURNAL) ||
	    lit_record_get(c->rec, LIT_VAR_CONTAINER_TITLE) || !first_span(c, LIT_PL_TITLE))
		return 0;
	for (k = 0; k + 2 < len; k++) {
		if (s[k] >= '0' && s[k] <= '9')
			return 0;
		if (s[k] == '.' && s[k + 1] == ' ')
			break;
	}
	if (k < 2 || k + 2 >= len || k > 60 || !lit_pu8_is_letter((unsigned char)s[0]))
		return 0;
	if (!lit_pdate_parse(s + k + 2, len - k - 2, &d) || !d.year || !d.month)
		return 0;
	{
		/* not a month name: "Aug. 2, 2022" */
		char w[64];
		size_t wl = k < sizeof w ? k : sizeof w - 1;
		memcpy(w, s, wl);
		w[wl] = 0;
		if (lit_pdate_month(w, wl))
			return 0;
		set_text(c, LIT_VAR_CONTAINER_TITLE, w, trim(w, wl, 1));
	}
	return k + 2;
}

/* A volume glued to the journal's last word ("Ann. Phys.326", "Science356",
 * "Beams9", "Phys .Rev.D62"): digits right after a '.' or a lower-case
 * letter, at the end of a container whose last word has at least two
 * letters, or up to three after a section letter.
 * Cuts them off the container text `s`; returns the new length and the
 * digits in vol. */
static size_t glued_volume(char *s, size_t len, char *vol, size_t volcap)
{
	size_t d = len, w, letters = 0;
	while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9')
		d--;
	if (d == len || d == 0 || len - d >= volcap || len - d > 5)
		return len;
	w = d;
	while (w > 0 && s[w - 1] != ' ')
		w--;
	for (size_t k = w; k < d; k++)
		if ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))
			letters++;
	if (s[d - 1] >= 'A' && s[d - 1] <= 'Z') {
		/* "Phys .Rev.D62", "Nucl.Phys.B415", "Phys. Rev. D10": a section
		 * letter after '.' or a space stays with the journal (not an
		 * article number "P06007", nor "ICSE99", "JHEP03") */
		if (!(d >= 2 && (s[d - 2] == '.' || s[d - 2] == ' ')) || len - d > 3)
			return len;
	} else if (!(s[d - 1] == '.' || (s[d - 1] >= 'a' && s[d - 1] <= 'z')) || letters < 2) {
		return len;
	}
	memcpy(vol, s + d, len - d);
	vol[len - d] = 0;
	s[d] = 0;
	return d;
}

/* Does s[0..len) hold a publisher word ("Press", "Verlag", "Wiley",
 * "University", "Publications")? */
static int has_publisher_word(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t a, b;
		char low[32];
		while (i < len && !lit_pu8_is_letter((unsigned char)s[i]) && !((unsigned char)s[i] & 0x80))
			i++;
		a = i;
		while (i < len && (lit_pu8_is_letter((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80) || s[i] == '-'))
			i++;
		b = i;
		if (b > a && b - a < sizeof low) {
			size_t l = lit_pu8_lower_str(s + a, b - a, low, sizeof low - 1);
			low[l] = 0;
			if (lit_plex_lookup(low, l) & (LIT_LEX_PUBL | LIT_LEX_UNIV))
				return 1;
			if (l > 11 && strcmp(low + l - 11, "publication") == 0)
				return 1;
			if (l > 12 && strcmp(low + l - 12, "publications") == 0)
				return 1;
		}
		if (b == a)
			i++;
	}
	return 0;
}

/*
 * A publisher span that runs over sentences of other fields: "Detroit.
 * Morgan Kaufmann", "Adaptive Behavior. MIT Press", "A. Brossi. Academic
 * Press", "L. A. Wall. NBS Publication, U.S. Government Printing Office.
 * Washington, DC".  Sentences end at ". " after a word of five or more
 * letters with a lower-case one (not an initial, "U.S." or "Dept."); the last
 * sentence with a publisher word is kept, when another has none.  Works
 * in place; returns the new length.
 */
static size_t publisher_sentence(char *s, size_t len)
{
	size_t cut[16], nc = 0, best_a = 0, best_b = len;
	int found = 0, others = 0;
	for (size_t i = 2; i + 1 < len && nc < 15; i++) {
		if (s[i] != '.' || (s[i + 1] != ' ' && !(s[i + 1] >= 'A' && s[i + 1] <= 'Z')))
			continue;
		size_t k = i, letters = 0, lower = 0;
		while (k > 0 && s[k - 1] != ' ' && s[k - 1] != '.') {
			k--;
			if (s[k] >= 'a' && s[k] <= 'z')
				lower++;
			if (lit_pu8_is_letter((unsigned char)s[k]) || ((unsigned char)s[k] & 0x80))
				letters++;
		}
		/* a word, not an abbreviation ("Dept.", "Univ.", "Publ.") */
		if ((letters >= 5 && lower >= 1) || s[i - 1] == ')')
			cut[nc++] = i;
	}
	if (!nc)
		return len;
	for (size_t q = 0; q <= nc; q++) {
		size_t a = q == 0 ? 0 : cut[q - 1] + 1, b = q == nc ? len : cut[q];
		while (a < b && s[a] == ' ')
			a++;
		if (b > a && has_publisher_word(s + a, b - a)) {
			best_a = a;
			best_b = b;
			found = 1;
		} else if (b > a) {
			others = 1;
		}
	}
	if (!found || !others)
		return len;
	memmove(s, s + best_a, best_b - best_a);
	s[best_b - best_a] = 0;
	return best_b - best_a;
}

/* A note "Ph.D. thesis, Dept. of Computer Science, Rice University" or
 * "Technical Report CS-TR-317-91, Computer Science Department, Princeton
 * University": the kind of work is the genre, what follows the first comma
 * (up to a sentence stop such as ". To appear in ...") the institution,
 * which CSL calls the publisher.  Only when no publisher was labelled.
 * Returns 1 when the note was used up this way. */
static int note_institution(ctx *c, char *s, size_t len)
{
	static const char *const kinds[] = { "ph.d. thesis", "ph. d. thesis", "phd thesis", "ph.d. dissertation",
	                                     "phd dissertation", "doctoral dissertation", "doctoral thesis",
	                                     "master's thesis", "masters thesis", "m.sc. thesis", "msc thesis",
	                                     "technical report", "tech. report", "tech. rep.", "tech report",
	                                     "research report", "internal report", "tr ", NULL };
	size_t comma, b, hl;
	int kind = 0;
	if (first_span(c, LIT_PL_PUBLISHER) || lit_record_get(c->rec, LIT_VAR_PUBLISHER))
		return 0;
	for (size_t k = 0; kinds[k]; k++)
		if (starts_ci(s, len, kinds[k]))
			kind = 1;
	if (!kind)
		return 0;
	for (comma = 0; comma < len && s[comma] != ','; comma++)
		;
	if (comma + 2 >= len || comma > 60)
		return 0;
	b = comma + 1;
	while (b < len && s[b] == ' ')
		b++;
	/* the institution ends at a sentence stop before a capitalised word */
	size_t e = b;
	for (; e < len; e++)
		if (s[e] == '.' && e + 2 < len && s[e + 1] == ' ' && s[e + 2] >= 'A' && s[e + 2] <= 'Z' &&
		    e >= b + 4 && s[e - 1] >= 'a' && s[e - 1] <= 'z' && s[e - 2] >= 'a' && s[e - 2] <= 'z' &&
		    s[e - 3] >= 'a' && s[e - 3] <= 'z' && s[e - 4] >= 'a' && s[e - 4] <= 'z')
			break;
	{
		char inst[512];
		size_t il = e - b;
		int letters = 0;
		if (il == 0 || il >= sizeof inst || il > 160)
			return 0;
		memcpy(inst, s + b, il);
		for (size_t k = 0; k < il; k++)
			if ((inst[k] >= 'a' && inst[k] <= 'z') || (inst[k] >= 'A' && inst[k] <= 'Z'))
				letters++;
		if (letters < 3)
			return 0;
		il = trim(inst, il, 1);
		il = final_dot(inst, il);
		if (!il)
			return 0;
		set_text(c, LIT_VAR_PUBLISHER, inst, il);
	}
	hl = trim(s, comma, 1);
	set_text(c, LIT_VAR_GENRE, s, hl);
	return e >= len;
}

/* "..., and H. M. Levy. Techniques for ..." with the last surname taken
 * for the title's first word: when the names are written initials first
 * (the span opens with an initial, or has "A. Wood," somewhere), ends with
 * an initial, and the title opens with one capitalised word and a full
 * stop before another capitalised word, or a comma ("P. J. Olver and
 * J. M." + "Verosky, Multi-Hamiltonian ..."), that word is the surname. */
static void surname_from_title(ctx *c)
{
	const lit_ptokens *t = c->t;
	span *au, *ti;
	int given_first = 0;
	int host;
	if (c->nsp < 2 || c->sp[0].label != LIT_PL_AUTHOR)
		return;
	/* also before a journal: "M. J. Sparnaay, Physica 24, 751 (1958)." */
	host = c->sp[1].label == LIT_PL_JOURNAL || c->sp[1].label == LIT_PL_CONTAINER;
	if (c->sp[1].label != LIT_PL_TITLE && !host)
		return;
	au = &c->sp[0];
	ti = &c->sp[1];
	if (ti->t1 - ti->t0 < (host ? 2u : 3u) || !(t->tok[au->t1 - 1].flags & LIT_TF_INITIAL) || !tok_ends(t, au->t1 - 1, '.'))
		return;
	if (host && !tok_ends(t, ti->t0, ','))
		return;
	if (t->tok[au->t0].flags & LIT_TF_INITIAL)
		given_first = 1;
	for (size_t k = au->t0; k + 1 < au->t1 && !given_first; k++)
		if ((t->tok[k].flags & LIT_TF_INITIAL) && tok_ends(t, k, '.') && !(t->tok[k + 1].flags & LIT_TF_INITIAL) &&
		    (t->tok[k + 1].flags & LIT_TF_UPPER0) && tok_ends(t, k + 1, ','))
			given_first = 1;
	if (!given_first)
		return;
	{
		const lit_ptoken *w = &t->tok[ti->t0], *nx = &t->tok[ti->t0 + 1];
		if ((w->flags & (LIT_TF_INITIAL | LIT_TF_DIGIT | LIT_TF_INQUOTE)) || !(w->flags & LIT_TF_UPPER0) ||
		    w->nletters < 2 || !(tok_ends(t, ti->t0, '.') || tok_ends(t, ti->t0, ',')) ||
		    !(tok_ends(t, ti->t0, ',') || (nx->flags & LIT_TF_UPPER0)))
			return;
	}
	au->t1++;
	au->b = t->tok[ti->t0].end;
	ti->t0++;
	ti->a = t->tok[ti->t0].start;
}

/* "Annual Transit Report 2021. Almaty, 2022. 48 p.": a "journal" of one
 * word closed by a comma before the year, in a reference with an extent
 * and no volume, issue or pages, is a book's place of publication. */
static void place_not_container(ctx *c)
{
	const lit_ptokens *t = c->t;
	for (size_t i = 0; i + 1 < c->nsp; i++) {
		const span *p = &c->sp[i];
		const char *cont;
		if (p->label != LIT_PL_JOURNAL && p->label != LIT_PL_CONTAINER)
			continue;
		cont = lit_record_get(c->rec, LIT_VAR_CONTAINER_TITLE);
		if (p->t1 - p->t0 != 1 || !tok_ends(t, p->t0, ',') || c->sp[i + 1].label != LIT_PL_DATE ||
		    !(t->tok[p->t0].flags & LIT_TF_UPPER0) || (t->tok[p->t0].flags & (LIT_TF_DIGIT | LIT_TF_ALLCAPS)) ||
		    !cont || lit_record_get(c->rec, LIT_VAR_PUBLISHER_PLACE) || !lit_record_get(c->rec, LIT_VAR_NUMBER_OF_PAGES) ||
		    lit_record_get(c->rec, LIT_VAR_PAGE) || lit_record_get(c->rec, LIT_VAR_VOLUME) ||
		    lit_record_get(c->rec, LIT_VAR_ISSUE))
			return;
		lit_record_set(c->rec, LIT_VAR_PUBLISHER_PLACE, cont);
		lit_record_set(c->rec, LIT_VAR_CONTAINER_TITLE, NULL);
		return;
	}
}

/* "// Гарант.ру : информационно-правовой портал", "// Lenta.ru": a
 * "place" that is a site's name (a word with a dot and a domain ending,
 * no space) after "//" is the host, when no host was found. */
static void site_not_place(ctx *c)
{
	static const char *const tld[] = { ".ру", ".рф", ".ru", ".com", ".org", ".net", ".info", ".su", NULL };
	const char *pl = lit_record_get(c->rec, LIT_VAR_PUBLISHER_PLACE);
	char low[64];
	size_t l, ll;
	if (!pl || lit_record_get(c->rec, LIT_VAR_CONTAINER_TITLE) || !(c->t->doc_flags & LIT_DF_SLASHES))
		return;
	l = strlen(pl);
	if (l >= 48 || strchr(pl, ' '))
		return;
	ll = lit_pu8_lower_str(pl, l, low, sizeof low - 1);
	low[ll] = 0;
	for (size_t k = 0; tld[k]; k++)
		if (ends_with(low, ll, tld[k])) {
			char tmp[64];
			memcpy(tmp, pl, l + 1);
			lit_record_set(c->rec, LIT_VAR_CONTAINER_TITLE, tmp);
			lit_record_set(c->rec, LIT_VAR_PUBLISHER_PLACE, NULL);
			return;
		}
}

/* A report series taken for a journal: "ORF Occasional Paper No. 489,
 * Observer Research Foundation", "NBER Working Paper 31234": the series is
 * the report's genre and its number the report's number, not a host's
 * issue. */
static void report_series(ctx *c)
{
	static const char *const kinds[] = { "paper", "papers", "brief", "briefs", "report", "reports", "note", "notes", NULL };
	const char *ct = lit_record_get(c->rec, LIT_VAR_CONTAINER_TITLE);
	const char *last;
	char tmp[256];
	size_t cl;
	if (!ct) {
		/* a report's own number, with no host: no issue */
		if (lit_record_get(c->rec, LIT_VAR_ISSUE) && !lit_record_get(c->rec, LIT_VAR_VOLUME) &&
		    !lit_record_get(c->rec, LIT_VAR_NUMBER)) {
			lit_record_set(c->rec, LIT_VAR_NUMBER, lit_record_get(c->rec, LIT_VAR_ISSUE));
			lit_record_set(c->rec, LIT_VAR_ISSUE, NULL);
		}
		return;
	}
	if ((cl = strlen(ct)) >= sizeof tmp)
		return;
	last = strrchr(ct, ' ');
	last = last ? last + 1 : ct;
	for (size_t k = 0; kinds[k]; k++)
		if (!strcmp(last, kinds[k]) || (last[0] >= 'A' && last[0] <= 'Z' && starts_ci(last, strlen(last), kinds[k]) &&
		                                 strlen(last) == strlen(kinds[k]))) {
			memcpy(tmp, ct, cl + 1);
			set_text(c, LIT_VAR_GENRE, tmp, cl);
			lit_record_set(c->rec, LIT_VAR_CONTAINER_TITLE, NULL);
			if (lit_record_get(c->rec, LIT_VAR_ISSUE) && !lit_record_get(c->rec, LIT_VAR_NUMBER)) {
				lit_record_set(c->rec, LIT_VAR_NUMBER, lit_record_get(c->rec, LIT_VAR_ISSUE));
				lit_record_set(c->rec, LIT_VAR_ISSUE, NULL);
			}
			return;
		}
}

/* A standard's description starts with its designation: "ГОСТ Р
 * 70462–2022. Умный город. …" is the title with "ГОСТ" (the model may
 * leave the word out), and its approval details ("Приказом … № 1385-ст",
 * "дата введения 2023-03-01") give no issue or pages to a standard
 * published on its own. */
/* Does a title open with the rest of a designation ("7.0.100–2018. …",
 * "Р 70462–2022. …", "ИСО 9001–2015. …")? */
static int designation_rest(const char *t)
{
	size_t w = 0;
	while (t[w] && t[w] != ' ' && w < 8)
		w++;
	if (t[0] >= '0' && t[0] <= '9')
		return 1;
	return t[w] == ' ' && w <= 6 && t[w + 1] >= '0' && t[w + 1] <= '9';
}

static void standard_fields(ctx *c)
{
	const char *title = lit_record_get(c->rec, LIT_VAR_TITLE);
	static const char *const marks[] = { "гост ", "ost ", "iso ", "iso/iec ", "iec ", "снип ", "сп ", "сто ", "ieee std ",
		                             "ansi ", "din ", NULL };
	char tmp[LIT_PARSE_MAX_TEXT + 1];
	if (title) {
		size_t tl = strlen(title);
		/* the model may leave "ГОСТ" or "ГОСТ Р" out of the title: what
		 * the string has before the title, when it opens with such a mark */
		for (size_t m = 0; marks[m]; m++) {
			size_t ml = strlen(marks[m]), off;
			char head[16];
			const char *at;
			if (c->t->len <= ml + 4 || strncmp(c->low, marks[m], ml) || starts_ci(title, tl, marks[m]))
				continue;
			snprintf(head, sizeof head, "%.*s", (int)(tl < 8 ? tl : 8), title);
			at = strstr(c->t->text + ml, head);
			off = at ? (size_t)(at - c->t->text) : 0;
			/* only a designation closed by ". " ("ГОСТ Р 7.0.100–2018. ") or
			 * continued by the title ("ГОСТ Р " + "7.0.100–2018. …"), not
			 * 'ISO/IEC 23090-6: "' */
			if (at && off <= ml + 16 && off >= 3 && c->t->text[off - 1] == ' ' &&
			    (c->t->text[off - 2] == '.' || designation_rest(title)) && off + tl < LIT_PARSE_MAX_TEXT) {
				memcpy(tmp, c->t->text, off);
				memcpy(tmp + off, title, tl + 1);
				lit_record_set(c->rec, LIT_VAR_TITLE, tmp);
			}
			break;
		}
	}
	/* "ГОСТ Р 7.0.5–2008. Библиографическая ссылка …", "ISO 690:2021.
	 * Information and documentation …": the designation is the standard's
	 * number (as Zotero's Standard item and CSL keep it), the rest its
	 * title; the styles print the number first again */
	title = lit_record_get(c->rec, LIT_VAR_TITLE);
	if (title && !lit_record_get(c->rec, LIT_VAR_NUMBER)) {
		size_t tl = strlen(title);
		for (size_t m = 0; marks[m]; m++) {
			const char *stop;
			int digit = 0;
			if (!starts_ci(title, tl, marks[m]))
				continue;
			stop = strstr(title, ". ");
			if (!stop || stop - title > 48 || !stop[2])
				break;
			for (const char *x = title; x < stop; x++)
				digit |= *x >= '0' && *x <= '9';
			if (!digit)
				break;
			set_text(c, LIT_VAR_NUMBER, title, (size_t)(stop - title));
			snprintf(tmp, sizeof tmp, "%s", stop + 2);
			lit_record_set(c->rec, LIT_VAR_TITLE, tmp);
			/* the designation's head the model left in a note ("ISO/IEC 27001") */
			{
				const char *note = lit_record_get(c->rec, LIT_VAR_NOTE), *num = lit_record_get(c->rec, LIT_VAR_NUMBER);
				if (note && num && !strncmp(num, note, strlen(note)))
					lit_record_set(c->rec, LIT_VAR_NOTE, NULL);
			}
			break;
		}
	}
	if (!lit_record_get(c->rec, LIT_VAR_CONTAINER_TITLE)) {
		lit_record_set(c->rec, LIT_VAR_ISSUE, NULL);
		lit_record_set(c->rec, LIT_VAR_PAGE, NULL);
	}
}

/* A law's own numbers and dates.  "Decree ... No. 484" without a gazette:
 * the number is the law's, no journal issue.  In a gazette ("// Собрание
 * законодательства Российской Федерации. – 2006. – № 31, ч. 1. – Ст.
 * 3448.") the "№" is the gazette's issue and "Ст." an article, which is
 * the law's section, not a page.  The date of a law ("Федеральный закон
 * от 27.07.2006 № 149-ФЗ") is its issued date when the string gives no
 * other. */
static void legislation_fields(ctx *c)
{
	lit_record *rec = c->rec;
	const char *page = lit_record_get(rec, LIT_VAR_PAGE);
	const char *genre = lit_record_get(rec, LIT_VAR_GENRE), *iss = lit_record_get(rec, LIT_VAR_ISSUE);
	if (genre && iss) {
		/* "Указ Президента … от 07.05.2024 №" + "309": the number the model
		 * took for an issue ends the law's designation */
		size_t gl = strlen(genre);
		size_t il = strlen(iss);
		if (gl >= 3 && !strcmp(genre + gl - 3, "\xe2\x84\x96") && gl + il + 2 < LIT_PARSE_MAX_TEXT) {
			char tmp[LIT_PARSE_MAX_TEXT + 1];
			memcpy(tmp, genre, gl);
			tmp[gl] = ' ';
			memcpy(tmp + gl + 1, iss, il + 1);
			lit_record_set(rec, LIT_VAR_GENRE, tmp);
			lit_record_set(rec, LIT_VAR_ISSUE, NULL);
		}
	}
	if (lit_record_get(rec, LIT_VAR_ISSUE) && !lit_record_get(rec, LIT_VAR_NUMBER) &&
	    !lit_record_get(rec, LIT_VAR_VOLUME) && !lit_record_get(rec, LIT_VAR_CONTAINER_TITLE)) {
		lit_record_set(rec, LIT_VAR_NUMBER, lit_record_get(rec, LIT_VAR_ISSUE));
		lit_record_set(rec, LIT_VAR_ISSUE, NULL);
	}
	if (page) {
		char pat[48];
		snprintf(pat, sizeof pat, "ст. %s", page);
		if (strstr(c->low, pat)) {
			char tmp[40];
			snprintf(tmp, sizeof tmp, "%s", page);
			lit_record_set(rec, LIT_VAR_SECTION, tmp);
			lit_record_set(rec, LIT_VAR_PAGE, NULL);
		}
	}
	if (!lit_record_date(rec, LIT_VAR_ISSUED)) {
		for (const char *m = strstr(c->low, " от "); m; m = strstr(m + 1, " от ")) {
			lit_date d;
			size_t off = (size_t)(m - c->low) + 4, e = off;
			while (e < c->t->len && c->t->text[e] != ' ' && c->t->text[e] != ',')
				e++;
			/* "от 27.07.2006", "от 20 сент. 2019 г." (three words) */
			if (e - off < 6)
				for (int w = 0; w < 2 && e < c->t->len; w++)
					for (e++; e < c->t->len && c->t->text[e] != ' ' && c->t->text[e] != ','; e++)
						;
			if (lit_pdate_parse(c->t->text + off, e - off, &d) && d.year) {
				lit_record_set_date(rec, LIT_VAR_ISSUED, &d);
				break;
			}
		}
	}
}

/* A catalogue heading before a law or decree: "Российская Федерация.
 * Законы. Об общих принципах …", "Российская Федерация. Президент. О
 * национальных целях …", "Российская Федерация. Правительство. Об
 * утверждении …" (gost.md: optional, catalogues).  The model takes the
 * country for the author and the body for the title's first word: neither
 * is the work's.  A title opening with such a body word, after an author
 * of one organisation name, loses both. */
static void catalogue_heading(ctx *c)
{
	static const char *const body[] = { "законы. ", "президент. ", "правительство. ", "указы. ", "постановления. ",
		                            "федеральное собрание. ", "государственная дума. ", NULL };
	const char *title = lit_record_get(c->rec, LIT_VAR_TITLE);
	const lit_name *n;
	char low[48];
	size_t tl, ll;
	if (!title || lit_record_name_count(c->rec, LIT_VAR_AUTHOR) != 1)
		return;
	n = lit_record_name(c->rec, LIT_VAR_AUTHOR, 0);
	if (!n || (n->given && n->given[0]))
		return;
	tl = strlen(title);
	ll = lit_pu8_lower_str(title, tl < 40 ? tl : 40, low, sizeof low - 1);
	low[ll] = 0;
	for (size_t k = 0; body[k]; k++) {
		size_t bl = strlen(body[k]);
		if (ll > bl && !strncmp(low, body[k], bl)) {
			/* the byte length of the body word is the same in lower case */
			char tmp[LIT_PARSE_MAX_TEXT + 1];
			size_t rl = tl - bl;
			if (rl >= sizeof tmp)
				return;
			memcpy(tmp, title + bl, rl + 1);
			lit_record_set(c->rec, LIT_VAR_TITLE, tmp);
			lit_record_clear_names(c->rec, LIT_VAR_AUTHOR);
			return;
		}
	}
}

/* An archival shelfmark ("ГАИО. Ф. 70. Оп. 1. Д. 1243. Л. 15–15 об.",
 * "РГИА. Ф. 1263. Оп. 1. Д. 2810. Л. 44."): the archive, then fond,
 * inventory, file and leaves.  The model reads "Ф." as an initial and the
 * numbers as volume and pages; the record is a manuscript with the
 * archive and the shelfmark as its location, nothing else. */
static void archive_shelfmark(ctx *c)
{
	const char *f, *op;
	size_t a = 0, e;
	char tmp[LIT_PARSE_MAX_TEXT + 1];
	/* Cyrillic, and the transliteration English texts use ("Latvian State
	 * Historical Archive (LVVA), f. 2736, op. 1, d. 45, l. 12.") */
	static const char *const fond[] = { "ф. ", "f. ", NULL }, *const opis[] = { "оп. ", "op. ", NULL },
	                         *const delo[] = { "д. ", "d. ", NULL };
	f = NULL;
	for (size_t w = 0; fond[w] && !f; w++)
		for (f = strstr(c->low, fond[w]); f; f = strstr(f + 1, fond[w])) {
			unsigned char d;
			a = (size_t)(f - c->low);
			d = (unsigned char)c->low[a + strlen(fond[w])];
			/* "Ф." starts the string or follows the archive's name and a stop
			 * or comma, before a number or "Р-5325", then "Оп." and "Д." /
			 * "Ед. хр." */
			if ((a == 0 || (a >= 2 && c->low[a - 1] == ' ' && (c->low[a - 2] == '.' || c->low[a - 2] == ','))) &&
			    ((d >= '0' && d <= '9') || d == 0xd1 || d == 0xd0) && (op = strstr(f, opis[w])) != NULL &&
			    op - f <= 24 && (strstr(op, delo[w]) || strstr(op, "ед. хр.")))
				break;
		}
	if (!f)
		return;
	lit_record_clear_names(c->rec, LIT_VAR_AUTHOR);
	for (lit_var v = 0; v < LIT_VAR__COUNT; v++)
		if (v == LIT_VAR_TITLE || v == LIT_VAR_VOLUME || v == LIT_VAR_ISSUE || v == LIT_VAR_PAGE ||
		    v == LIT_VAR_CONTAINER_TITLE || v == LIT_VAR_PUBLISHER || v == LIT_VAR_PUBLISHER_PLACE ||
		    v == LIT_VAR_NUMBER_OF_PAGES || v == LIT_VAR_EDITION)
			lit_record_set(c->rec, v, NULL);
	lit_record_set_date(c->rec, LIT_VAR_ISSUED, NULL);
	e = a;
	while (e > 0 && (c->t->text[e - 1] == ' ' || c->t->text[e - 1] == '.' || c->t->text[e - 1] == ','))
		e--;
	if (e > 0 && e < sizeof tmp) {
		memcpy(tmp, c->t->text, e);
		tmp[e] = 0;
		lit_record_set(c->rec, LIT_VAR_ARCHIVE, tmp);
	}
	e = c->t->len;
	if (e - a < sizeof tmp) {
		memcpy(tmp, c->t->text + a, e - a);
		tmp[e - a] = 0;
		lit_record_set(c->rec, LIT_VAR_ARCHIVE_LOCATION, tmp);
	}
	lit_record_set_type(c->rec, LIT_TYPE_MANUSCRIPT);
}

/* A patent's number is the one after "Пат." / "Патент №" / "а. с." /
 * "заявка" / "Patent"; the "№ 2000131736/09" of the application that the
 * model took for an issue is no issue of a serial. */
static void patent_number(ctx *c)
{
	static const char *const marks[] = { "патент", "пат.", "а. с.", "а.с.", "заявка", "patent", NULL };
	const char *s = c->low;
	const char *title = lit_record_get(c->rec, LIT_VAR_TITLE);
	lit_record_set(c->rec, LIT_VAR_ISSUE, NULL);
	/* "МПК B02C 13/00 (2006.01). Вертикальная мельница": the classification
	 * is no part of the title */
	if (title && (starts_ci(title, strlen(title), "мпк") || starts_ci(title, strlen(title), "ipc ") ||
	              starts_ci(title, strlen(title), "int. cl"))) {
		const char *dot = strstr(title, ". ");
		if (dot && dot[2]) {
			char tmp[LIT_PARSE_MAX_TEXT + 1];
			size_t l = strlen(dot + 2);
			if (l < sizeof tmp) {
				memcpy(tmp, dot + 2, l + 1);
				lit_record_set(c->rec, LIT_VAR_TITLE, tmp);
			}
		}
	}
	if (lit_record_get(c->rec, LIT_VAR_NUMBER))
		return;
	for (size_t m = 0; marks[m]; m++) {
		const char *at = strstr(s, marks[m]);
		size_t k, e;
		if (!at)
			continue;
		k = (size_t)(at - s) + strlen(marks[m]);
		for (;;) {
			if (k < c->t->len && (s[k] == ' ' || s[k] == '.' || s[k] == ':'))
				k++;
			else if (k + 2 < c->t->len && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x84)
				k += 3; /* "№" is E2 84 96 */
			else if (k + 2 < c->t->len && s[k] == 'n' && s[k + 1] == 'o' && (s[k + 2] == '.' || s[k + 2] == ' '))
				k += 2; /* "U.S. Patent No. 10,152,584" */
			else if (k + 3 < c->t->len && s[k] >= 'a' && s[k] <= 'z' && s[k + 1] >= 'a' && s[k + 1] <= 'z' &&
			         s[k + 2] == ' ' && s[k + 3] >= '0' && s[k + 3] <= '9' && k > 0 && s[k - 1] == ' ')
				k += 3; /* a country code: "patent US 11,712,046", "Patent EP 3 418 022" */
			else
				break;
		}
		/* digits, also in groups ("10,152,584", "4 005 881") */
		for (e = k; e < c->t->len; e++) {
			if (s[e] >= '0' && s[e] <= '9')
				continue;
			if ((s[e] == ',' || s[e] == ' ') && e > k && e + 3 < c->t->len + 0 && s[e + 1] >= '0' && s[e + 1] <= '9' &&
			    s[e + 2] >= '0' && s[e + 2] <= '9' && s[e + 3] >= '0' && s[e + 3] <= '9' &&
			    (e + 4 >= c->t->len || s[e + 4] < '0' || s[e + 4] > '9'))
				continue;
			break;
		}
		if (e - k >= 4) {
			set_text(c, LIT_VAR_NUMBER, c->t->text + k, e - k);
			/* the pieces of the number the model took for a volume and pages */
			for (lit_var v = LIT_VAR_VOLUME; v != LIT_VAR__COUNT; v = v == LIT_VAR_VOLUME ? LIT_VAR_PAGE : LIT_VAR__COUNT) {
				const char *x = lit_record_get(c->rec, v);
				if (x && strstr(lit_record_get(c->rec, LIT_VAR_NUMBER), x))
					lit_record_set(c->rec, v, NULL);
			}
			if (!lit_record_get(c->rec, LIT_VAR_AUTHORITY)) {
				if (strstr(s, "российская федерация"))
					lit_record_set(c->rec, LIT_VAR_AUTHORITY, "Российская Федерация");
				else if (strstr(s, "u.s. pat") || strstr(s, "us pat"))
					lit_record_set(c->rec, LIT_VAR_AUTHORITY, "United States");
			}
			return;
		}
	}
}

/* See kind_fields: a law cited by its designation, then its name in
 * guillemets. */
static void law_quoted_title(ctx *c)
{
	static const char *const acts[] = { "федеральный закон", "федеральный конституционный закон", "закон ", "указ ",
		                            "постановление ", "распоряжение ", "приказ ", "письмо ", "решение ", NULL };
	const char *low = c->low, *q, *qe, *title = lit_record_get(c->rec, LIT_VAR_TITLE);
	char tmp[LIT_PARSE_MAX_TEXT + 1];
	size_t a, b, k;
	int act = 0;
	for (k = 0; acts[k] && !act; k++)
		act = !strncmp(low, acts[k], strlen(acts[k]));
	q = strstr(low, "\xc2\xab"); /* « */
	if (!act || !q || !(qe = strstr(q, "\xc2\xbb"))) /* » */
		return;
	a = (size_t)(q - low);
	b = (size_t)(qe - low);
	/* the designation before the name has the act's number */
	q = strstr(low, "\xe2\x84\x96"); /* № */
	if (!q || (size_t)(q - low) > a || b - a - 2 >= sizeof tmp || b <= a + 2)
		return;
	if (title && strlen(title) == b - a - 2 && !memcmp(title, c->t->text + a + 2, b - a - 2))
		return;
	memcpy(tmp, c->t->text + a + 2, b - a - 2);
	tmp[b - a - 2] = 0;
	lit_record_set(c->rec, LIT_VAR_TITLE, tmp);
	while (a > 0 && c->t->text[a - 1] == ' ')
		a--;
	memcpy(tmp, c->t->text, a);
	tmp[a] = 0;
	lit_record_set(c->rec, LIT_VAR_GENRE, tmp);
	{
		const char *m = strstr(low, " от ");
		lit_date d;
		size_t off, e;
		if (m && (size_t)(m - low) < a) {
			off = (size_t)(m - low) + 4;
			for (e = off; e < a && c->t->text[e] != ' ' && c->t->text[e] != ','; e++)
				;
			if (e - off < 6) /* "от 20 сент. 2019 г." */
				for (int w = 0; w < 2 && e < a; w++)
					for (e++; e < a && c->t->text[e] != ' ' && c->t->text[e] != ','; e++)
						;
			if (lit_pdate_parse(c->t->text + off, e - off, &d) && d.year) {
				const lit_date *cur = lit_record_date(c->rec, LIT_VAR_ISSUED);
				/* a gazette's own year or day ("// Собрание законодательства
				 * РФ. 2024.") stays; a revision's date ("ред. от …") goes */
				if (!cur || !lit_record_get(c->rec, LIT_VAR_CONTAINER_TITLE) || strstr(low, "ред. от"))
					lit_record_set_date(c->rec, LIT_VAR_ISSUED, &d);
			}
		}
	}
}

/* An arXiv identifier ("arXiv preprint arXiv:1812.08434", "[arXiv:0905.2970
 * [hep-th]]", "arxiv.org/abs/1007.3733") with no host: the number of a
 * preprint (type article); a journal article that also gives one keeps its
 * type.  The note loses the part that named it. */
static void preprint_number(ctx *c)
{
	lit_record *rec = c->rec;
	lit_type type = lit_record_type(rec);
	const char *note = lit_record_get(rec, LIT_VAR_NOTE);
	char tmp[LIT_PARSE_MAX_TEXT + 1];
	for (const char *m = strstr(c->low, "arxiv"); m && !lit_record_get(rec, LIT_VAR_CONTAINER_TITLE); m = strstr(m + 5, "arxiv")) {
		size_t k = (size_t)(m - c->low) + 5, e;
		int digits = 0, sep = 0;
		while (k < c->t->len && (c->low[k] == ':' || c->low[k] == ' ' || c->low[k] == '.'))
			k++;
		/* "arxiv.org/abs/1007.3733", "arxiv.org/pdf/…" */
		if (!strncmp(c->low + k, "org/abs/", 8) || !strncmp(c->low + k, "org/pdf/", 8))
			k += 8;
		for (e = k; e < c->t->len && e - k < 40; e++) {
			char x = c->low[e];
			if (x >= '0' && x <= '9')
				digits++;
			else if (x == '.' || x == '/')
				sep += e + 1 < c->t->len && c->low[e + 1] >= '0' && c->low[e + 1] <= '9';
			else if (!(x >= 'a' && x <= 'z') && x != '-')
				break;
		}
		while (e > k && (c->low[e - 1] == '.' || c->low[e - 1] == ','))
			e--;
		if (digits < 7 || !sep)
			continue;
		snprintf(tmp, sizeof tmp, "arXiv:%.*s", (int)(e - k), c->t->text + k);
		if (!lit_record_get(rec, LIT_VAR_NUMBER))
			lit_record_set(rec, LIT_VAR_NUMBER, tmp);
		if (note && contains_ci(note, strlen(note), "arxiv")) {
			/* the note's "; "-separated parts without the one that names arXiv */
			size_t o = 0, nl = strlen(note);
			char kept[LIT_PARSE_MAX_TEXT + 1];
			for (size_t a = 0; a < nl;) {
				const char *semi = strstr(note + a, "; ");
				size_t b = semi ? (size_t)(semi - note) : nl;
				if (!contains_ci(note + a, b - a, "arxiv") && o + (b - a) + 3 < sizeof kept) {
					if (o)
						memcpy(kept + o, "; ", 2), o += 2;
					memcpy(kept + o, note + a, b - a);
					o += b - a;
				}
				a = semi ? b + 2 : nl;
			}
			kept[o] = 0;
			lit_record_set(rec, LIT_VAR_NOTE, o ? kept : NULL);
		}
		if (type == LIT_TYPE_DOCUMENT || type == LIT_TYPE_WEBPAGE ||
		    (type == LIT_TYPE_ARTICLE_JOURNAL && !lit_record_get(rec, LIT_VAR_VOLUME) &&
		     !lit_record_get(rec, LIT_VAR_ISSUE) && !lit_record_get(rec, LIT_VAR_PAGE)) ||
		    (type == LIT_TYPE_BOOK && !lit_record_get(rec, LIT_VAR_PUBLISHER)))
			lit_record_set_type(rec, LIT_TYPE_ARTICLE);
		return;
	}
}

/* A designation or a department the model took for a host: "US Patent
 * 11,593,207", "IEEE Std 1893.2-2019", "; заявитель и патентообладатель …"
 * (patents, standards); "M.S. thesis, Dept. Elect. Comput. Eng., Univ. of
 * Victoria" (theses and reports: the university is the publisher).  And MLA
 * "Interview by Rachel Moreau. Science Weekly": the interviewer's line is
 * the genre, the periodical the host. */
static void host_not_designation(ctx *c)
{
	lit_record *rec = c->rec;
	lit_type type = lit_record_type(rec);
	const char *cont = lit_record_get(rec, LIT_VAR_CONTAINER_TITLE);
	char tmp[LIT_PARSE_MAX_TEXT + 1];
	if (cont) {
		size_t cl = strlen(cont);
		int drop = 0;
		if (type == LIT_TYPE_PATENT)
			drop = contains_ci(cont, cl, "patent") || contains_ci(cont, cl, "заявитель") ||
			       contains_ci(cont, cl, "патентообладатель") || contains_ci(cont, cl, "правообладатель");
		else if (type == LIT_TYPE_STANDARD)
			drop = starts_ci(cont, cl, "ieee std") || starts_ci(cont, cl, "ieee standard") || starts_ci(cont, cl, "ansi") ||
			       starts_ci(cont, cl, "iso ") || starts_ci(cont, cl, "iec ");
		else if (type == LIT_TYPE_THESIS || type == LIT_TYPE_REPORT)
			drop = (starts_ci(cont, cl, "dept.") || starts_ci(cont, cl, "department") || starts_ci(cont, cl, "school of") ||
			        starts_ci(cont, cl, "faculty")) && lit_record_get(rec, LIT_VAR_PUBLISHER);
		if (drop)
			lit_record_set(rec, LIT_VAR_CONTAINER_TITLE, NULL);
	}
	cont = lit_record_get(rec, LIT_VAR_CONTAINER_TITLE);
	if (cont && starts_ci(cont, strlen(cont), "interview by ")) {
		const char *dot = strstr(cont, ". ");
		if (dot && dot[2]) {
			if (!lit_record_get(rec, LIT_VAR_GENRE)) {
				snprintf(tmp, sizeof tmp, "%.*s", (int)(dot - cont), cont);
				lit_record_set(rec, LIT_VAR_GENRE, tmp);
			}
			snprintf(tmp, sizeof tmp, "%s", dot + 2);
			lit_record_set(rec, LIT_VAR_CONTAINER_TITLE, tmp);
		}
	}
}

/* "Росстат : официальный сайт. – Москва, 1999– . – URL: …" with no title
 * found: the site's name before " : " is the title, what follows the genre. */
static void site_title(ctx *c)
{
	lit_record *rec = c->rec;
	const char *txt = c->t->text, *col = strstr(txt, " : ");
	char tmp[LIT_PARSE_MAX_TEXT + 1];
	if (lit_record_type(rec) != LIT_TYPE_WEBPAGE || lit_record_get(rec, LIT_VAR_TITLE) || !col || col == txt ||
	    col - txt >= 120)
		return;
	const char *g = col + 3, *ge = g;
	while (*ge && strncmp(ge, ". ", 2) && strncmp(ge, " \xe2\x80\x93", 4) && strncmp(ge, " \xe2\x80\x94", 4))
		ge++;
	snprintf(tmp, sizeof tmp, "%.*s", (int)(col - txt), txt);
	lit_record_set(rec, LIT_VAR_TITLE, tmp);
	if (lit_record_get(rec, LIT_VAR_MEDIUM) && !strcmp(lit_record_get(rec, LIT_VAR_MEDIUM), tmp))
		lit_record_set(rec, LIT_VAR_MEDIUM, NULL);
	if (!lit_record_get(rec, LIT_VAR_GENRE) && ge > g) {
		snprintf(tmp, sizeof tmp, "%.*s", (int)(ge - g), g);
		lit_record_set(rec, LIT_VAR_GENRE, tmp);
	}
}

/* A repeat ("Там же. С. 17.", "Иванов И. И. Указ. соч. С. 24.", "Ibid., p.
 * 45.") names no title: the marker is a note (extract resolves repeats
 * against the references before them; a single line cannot). */
static void repeat_note(ctx *c)
{
	static const char *const marks[] = { "там же", "указ. соч", "ibid", "ibidem", "op. cit", "loc. cit", "цит. соч", NULL };
	lit_record *rec = c->rec;
	char tmp[LIT_PARSE_MAX_TEXT + 1];
	for (int v = 0; v < 3 && !lit_record_get(rec, LIT_VAR_NOTE); v++) {
		lit_var var = v == 2 ? LIT_VAR_CONTAINER_TITLE : v ? LIT_VAR_GENRE : LIT_VAR_TITLE;
		const char *x = lit_record_get(rec, var);
		size_t xl = x ? strlen(x) : 0;
		while (xl && (x[xl - 1] == '.' || x[xl - 1] == ',' || x[xl - 1] == ' '))
			xl--;
		for (size_t m = 0; x && marks[m]; m++)
			if (starts_ci(x, xl, marks[m]) && xl <= strlen(marks[m]) + 1) {
				snprintf(tmp, sizeof tmp, "%.*s.", (int)xl, x);
				lit_record_set(rec, LIT_VAR_NOTE, tmp);
				lit_record_set(rec, var, NULL);
				break;
			}
	}
}

/* A speech's host named as a meeting ("[Keynote address]. Annual Meeting
 * of the AAS, Chicago.") is the event, and its place the event's (a site
 * that published a statement stays its container). */
static void speech_event(ctx *c)
{
	static const char *const words[] = { "meeting", "conference", "congress", "symposium", "convention", "forum",
		                             "summit", "workshop", "colloquium", "session", NULL };
	lit_record *rec = c->rec;
	const char *cont = lit_record_get(rec, LIT_VAR_CONTAINER_TITLE);
	int event = 0;
	if (lit_record_type(rec) != LIT_TYPE_SPEECH || !cont || lit_record_get(rec, LIT_VAR_EVENT_TITLE))
		return;
	for (size_t k = 0; words[k] && !event; k++)
		event = has_word_ci(cont, strlen(cont), words[k]);
	if (!event)
		return;
	lit_record_set(rec, LIT_VAR_EVENT_TITLE, cont);
	lit_record_set(rec, LIT_VAR_CONTAINER_TITLE, NULL);
	if (lit_record_get(rec, LIT_VAR_PUBLISHER_PLACE) && !lit_record_get(rec, LIT_VAR_PUBLISHER)) {
		lit_record_set(rec, LIT_VAR_EVENT_PLACE, lit_record_get(rec, LIT_VAR_PUBLISHER_PLACE));
		lit_record_set(rec, LIT_VAR_PUBLISHER_PLACE, NULL);
	}
}

/* Numbers of rarer kinds that the labels leave in a note or a genre:
 * a standard's designation in a note ("IEEE Std 754-2019"), a law's "№
 * 51-ФЗ" in its designation; a dissertation's specialty code ("5.2.3") is
 * no issue. */
static void kind_numbers(ctx *c)
{
	lit_record *rec = c->rec;
	lit_type type = lit_record_type(rec);
	const char *note = lit_record_get(rec, LIT_VAR_NOTE), *genre = lit_record_get(rec, LIT_VAR_GENRE);
	char tmp[LIT_PARSE_MAX_TEXT + 1];
	if (type == LIT_TYPE_STANDARD && note && !lit_record_get(rec, LIT_VAR_NUMBER) && strlen(note) < 40 &&
	    (contains_ci(note, strlen(note), " std") || starts_ci(note, strlen(note), "iso") || starts_ci(note, strlen(note), "iec"))) {
		size_t l = snprintf(tmp, sizeof tmp, "%s", note);
		lit_record_set(rec, LIT_VAR_NUMBER, (tmp[final_dot(tmp, l)] = 0, tmp));
		lit_record_set(rec, LIT_VAR_NOTE, NULL);
	}
	if (type == LIT_TYPE_THESIS && !lit_record_get(rec, LIT_VAR_CONTAINER_TITLE))
		lit_record_set(rec, LIT_VAR_ISSUE, NULL);
	if (type == LIT_TYPE_LEGISLATION && genre && !lit_record_get(rec, LIT_VAR_NUMBER)) {
		const char *no = strstr(genre, "\xe2\x84\x96 ");
		if (no) {
			size_t l = 0;
			no += 4;
			while (no[l] && no[l] != ' ' && no[l] != ',' && no[l] != ')' && l < 32)
				l++;
			while (l && no[l - 1] == '.')
				l--;
			if (l && no[0] >= '0' && no[0] <= '9') {
				snprintf(tmp, sizeof tmp, "%.*s", (int)l, no);
				lit_record_set(rec, LIT_VAR_NUMBER, tmp);
			}
		}
	}
}

/* Fields of rarer kinds, after the type is known: preprints, designations
 * taken for hosts, sites, repeats, speeches, laws cited by their name in
 * guillemets (law_quoted_title), and the numbers left in notes and genres. */
static void kind_fields(ctx *c)
{
	preprint_number(c);
	host_not_designation(c);
	site_title(c);
	repeat_note(c);
	speech_event(c);
	if (lit_record_type(c->rec) == LIT_TYPE_LEGISLATION)
		law_quoted_title(c);
	kind_numbers(c);
}

/* Markdown italics ("Lukin A. The Korean Peninsula's New Geopolitics.
 * *Asia Policy*. 2024; 19(3): 57–70"): an emphasised run after the
 * article's title is the journal, whole; the model sometimes runs the title
 * into it or splits it.  An emphasised run with no title before it is a
 * book's title and is left alone. */
static void relabel_emphasis(const lit_ptokens *t, uint8_t *lab)
{
	for (size_t e = 0; e < t->nemph; e++) {
		size_t a = t->emph[e][0], b = t->emph[e][1], k0 = t->n, k1 = 0, hosts = 0, titles_before = 0;
		for (size_t k = 0; k < t->n; k++) {
			if (t->tok[k].start >= a && t->tok[k].end <= b + 1) {
				if (k0 == t->n)
					k0 = k;
				k1 = k + 1;
				hosts += lab[k] == LIT_PL_TITLE || lab[k] == LIT_PL_JOURNAL || lab[k] == LIT_PL_CONTAINER;
			} else if (t->tok[k].end <= a && lab[k] == LIT_PL_TITLE) {
				titles_before++;
			}
		}
		/* every token a title or host label, a title before it */
		if (k0 >= k1 || hosts != k1 - k0 || !titles_before)
			continue;
		for (size_t k = k0; k < k1; k++)
			lab[k] = LIT_PL_JOURNAL;
	}
}

/* APA's descriptions after a title: "(Policy Brief No. 14)", "(Working
 * Paper No. 2021-17)", "(Publication No. 29210447)", "[Doctoral
 * dissertation, Columbia University]".  The model splits them over title,
 * publisher and issue labels; a bracketed group of at most eight tokens
 * right after the title (or after another such group) whose "(…)" holds a
 * number sign, or that is in square brackets, is relabelled as one genre
 * (read apart by genre_groups()). */
static void relabel_report_groups(const lit_ptokens *t, uint8_t *lab)
{
	size_t k = 1;
	int after_title = 0;
	while (k < t->n) {
		const char *x = t->text + t->tok[k].start;
		size_t e;
		int num = 0;
		if (lab[k - 1] == LIT_PL_TITLE)
			after_title = 1;
		if (!after_title || (x[0] != '(' && x[0] != '[') || lab[k - 1] == LIT_PL_AUTHOR) {
			after_title = after_title && lab[k] == LIT_PL_TITLE;
			k++;
			continue;
		}
		for (e = k; e < t->n && e - k < 8; e++) {
			const lit_ptoken *q = &t->tok[e];
			if ((q->lex & LIT_LEX_NUM) && e + 1 < t->n && (t->tok[e + 1].flags & LIT_TF_DIGIT))
				num = 1;
			/* "[Электронный ресурс]", "[Текст]": the GMD, not a genre */
			if (q->lex & LIT_LEX_MEDIUM)
				break;
			if (memchr(t->text + q->start, x[0] == '(' ? ')' : ']', q->end - q->start))
				break;
		}
		if (e >= t->n || e - k >= 8 || (x[0] == '(' && !num) || (t->tok[k].flags & LIT_TF_YEAR) ||
		    (t->tok[e].lex & LIT_LEX_MEDIUM)) {
			after_title = 0;
			k++;
			continue;
		}
		for (size_t q = k; q <= e; q++)
			lab[q] = LIT_PL_GENRE;
		k = e + 1; /* another group may follow: "(Publication No. …) [Doctoral dissertation, …]" */
	}
}

/* The genre groups of relabel_report_groups(): "(Policy Brief No. 14)"
 * gives the genre "Policy Brief" and the number 14, "[Doctoral
 * dissertation, Columbia University]" the genre and the publisher.
 * Returns 1 when s held such groups. */
static int genre_groups(ctx *c, const char *s, size_t len)
{
	int any = 0;
	char g[256];
	size_t gl = 0;
	for (size_t i = 0; i < len;) {
		size_t j;
		char close;
		if (s[i] != '(' && s[i] != '[') {
			i++;
			continue;
		}
		close = s[i] == '(' ? ')' : ']';
		for (j = i + 1; j < len && s[j] != close; j++)
			;
		if (j >= len)
			break;
		{
			const char *in = s + i + 1;
			size_t il = j - i - 1;
			const char *no = NULL;
			for (size_t q = 0; q + 4 < il; q++)
				if ((!strncmp(in + q, " No. ", 5) || !strncmp(in + q, " no. ", 5) || !strncmp(in + q, " Nr. ", 5))) {
					no = in + q;
					break;
				}
			if (close == ')' && no) {
				set_text(c, LIT_VAR_NUMBER, no + 5, il - (size_t)(no + 5 - in));
				if (!gl && (size_t)(no - in) < sizeof g) {
					gl = (size_t)(no - in);
					memcpy(g, in, gl);
				}
				any = 1;
			} else if (close == ']') {
				const char *comma = memchr(in, ',', il);
				size_t cl = comma ? (size_t)(comma - in) : il;
				if (comma && comma + 2 < in + il)
					set_text(c, LIT_VAR_PUBLISHER, comma + 2, il - cl - 2);
				if (cl < sizeof g) {
					/* the bracketed kind ("Doctoral dissertation") wins over a series name */
					gl = cl;
					memcpy(g, in, gl);
				}
				any = 1;
			}
		}
		i = j + 1;
	}
	if (gl)
		set_text(c, LIT_VAR_GENRE, g, gl);
	return any;
}

/* "Умные города России : аналитический доклад / Центр стратегических
 * разработок. – Москва : ЦСР": with no author anywhere, an organisation
 * after " / " (capitalised words, no initials or digits, up to ". –" or
 * " ; ") is the work's author. */
static void responsible_body(ctx *c)
{
	const lit_ptokens *t = c->t;
	if (lit_record_name_count(c->rec, LIT_VAR_AUTHOR) || has_span(c, LIT_PL_EDITOR) || !(t->doc_flags & LIT_TF_CYR))
		return;
	for (size_t i = 1; i < c->nsp; i++) {
		const span *o = &c->sp[i];
		size_t k, e, words = 0;
		if (o->label != LIT_PL_OTHER || c->sp[i - 1].label != LIT_PL_TITLE)
			continue;
		k = o->t0;
		if (t->tok[k].end - t->tok[k].start != 1 || t->text[t->tok[k].start] != '/')
			return;
		for (e = k + 1; e < o->t1; e++) {
			const lit_ptoken *q = &t->tok[e];
			if ((q->flags & (LIT_TF_INITIAL | LIT_TF_DIGIT | LIT_TF_URL)) || (q->lex & LIT_LEX_ED))
				return;
			if (q->flags & LIT_TF_PUNCT)
				break;
			words++;
			if (tok_ends(t, e, '.') || tok_ends(t, e, ';')) {
				e++;
				break;
			}
		}
		if (words < 2 || !(t->tok[k + 1].flags & LIT_TF_UPPER0))
			return;
		{
			lit_name nm;
			size_t len = squash(t->text, t->tok[k + 1].start, t->tok[e - 1].end, c->buf, sizeof c->buf);
			len = final_dot(c->buf, trim(c->buf, len, 1));
			if (!len)
				return;
			memset(&nm, 0, sizeof nm);
			nm.literal = c->buf;
			lit_record_add_name(c->rec, LIT_VAR_AUTHOR, &nm);
		}
		return;
	}
}

int lit_pfields_build(const lit_ptokens *t, const uint8_t *labels, int rules, lit_record *rec)
{
	ctx *c = NULL;
	char note[1024];
	char gvol[8] = "";
	size_t pub_date;
	size_t notelen = 0;

	/* ctx is large (buffers): allocate */
	c = malloc(sizeof *c); /* not zeroed: every member is set before use */
	if (!c)
		return LIT_ENOMEM;
	c->nsp = 0;
	c->org_author = 0;
	c->t = t;
	memcpy(c->lab, labels, t->n);
	relabel_report_groups(t, c->lab);
	relabel_emphasis(t, c->lab);
	labels = c->lab;
	c->labels = labels;
	c->rec = rec;
	note[0] = 0;
	{
		size_t ll = lit_pu8_lower_str(t->text, t->len, c->low, sizeof c->low - 1);
		c->low[ll] = 0;
	}

	/* spans */
	for (size_t i = 0; i < t->n;) {
		size_t j = i + 1;
		while (j < t->n && labels[j] == labels[i])
			j++;
		span *p = &c->sp[c->nsp++];
		p->label = labels[i];
		p->t0 = i;
		p->t1 = j;
		p->a = t->tok[i].start;
		p->b = t->tok[j - 1].end;
		i = j;
	}

	first_container_title(c);
	paper_by_day(c);
	newspaper_page(c);
	role_then_name(c);
	particle_surname(c);
	title_inner_initials(c);
	author_list_continues(c);
	apa_group_author(c);
	imprint_first_pair(c);
	colon_title_start(c);
	author_word_into_title(c);
	author_runs_into_title(c);
	author_tail_before_quote(c);
	role_bracket_end(c);
	title_after_initial(c);
	surname_from_title(c);
	glued_title_tail(c);
	title_tail_to_container(c);
	title_role_start(c);
	quoted_title_end(c);
	title_comma_in(c);
	title_part_marker(c);
	host_cut_on_stopword(c);
	title_journal_before_date(c);
	title_edition_tail(c);
	title_bracket_medium(c);
	section_letter(c);
	do_names(c, LIT_PL_AUTHOR, LIT_VAR_AUTHOR);
	responsible_body(c);
	do_names(c, LIT_PL_EDITOR, LIT_VAR_EDITOR);
	do_names(c, LIT_PL_TRANSLATOR, LIT_VAR_TRANSLATOR);

	/* GOST area structure only: elsewhere the first date is the work's
	 * ("1928. ... (Reprinted ..., 1965.)") */
	pub_date = c->nsp;
	for (size_t i = 1; i < c->nsp && (t->doc_flags & LIT_DF_AREAS); i++)
		if (c->sp[i].label == LIT_PL_DATE &&
		    (c->sp[i - 1].label == LIT_PL_PUBLISHER || c->sp[i - 1].label == LIT_PL_LOCATION)) {
			lit_date d;
			size_t len = span_text(c, &c->sp[i], 1);
			if (lit_pdate_parse(c->buf, len, &d))
				pub_date = i;
			break;
		}
	for (size_t i = 0; i < c->nsp; i++) {
		const span *p = &c->sp[i];
		size_t len;
		switch (p->label) {
		case LIT_PL_TITLE:
			if (lit_record_get(rec, LIT_VAR_TITLE)) {
				/* "Избранные произведения. В 3 т. Т. 1. Воля к власти.", "Handbook
				 * of Categorical Algebra. In 3 vols. Vol. 1. Basic Category
				 * Theory.": a second title right after the volume is that
				 * volume's own title */
				if (i > 0 && c->sp[i - 1].label == LIT_PL_VOLUME && !lit_record_get(rec, LIT_VAR_VOLUME_TITLE)) {
					len = trim(c->buf, span_text(c, p, 0), 0);
					set_text(c, LIT_VAR_VOLUME_TITLE, c->buf, len);
				}
				break;
			}
			len = span_text(c, p, 0);
			len = split_translation(c, c->buf, len, note, sizeof note, &notelen);
			len = trim(c->buf, len, 0);
			len = other_title_info(c, c->buf, len, note, sizeof note, &notelen);
			len = title_abbrev_dot(c, p, c->buf, len);
			len = strip_gmd(c, c->buf, len);
			set_text(c, LIT_VAR_TITLE, c->buf, len);
			break;
		case LIT_PL_JOURNAL:
		case LIT_PL_CONTAINER: {
			/* the markers before a container are not its title: GOST's
			 * "//", "In" / "In:" ("In Proceedings of ...", "In: Nature");
			 * "В кн.:" / "В сб.:" */
			static const char *const pre[] = { "//", "in:", "in ", "в кн.:", "в кн.", "в сб.:", "в сб.", NULL };
			if (lit_record_get(rec, LIT_VAR_CONTAINER_TITLE))
				break;
			len = span_text(c, p, 1);
			len = strip_prefix(c->buf, len, pre);
			len = split_translation(c, c->buf, len, note, sizeof note, &notelen);
			len = trim(c->buf, len, 1);
			len = glued_volume(c->buf, len, gvol, sizeof gvol);
			len = host_other_info(c, c->buf, len);
			len = container_date(c, c->buf, len);
			/* keep the dot of an abbreviated journal ("J. Chem. Phys.") but not a sentence stop */
			len = final_dot(c->buf, len);
			set_text(c, LIT_VAR_CONTAINER_TITLE, c->buf, len);
			break;
		}
		case LIT_PL_COLLECTION: {
			len = span_text(c, p, 1);
			/* "(Высшее образование)." */
			while (len && (c->buf[len - 1] == '.' || c->buf[len - 1] == ' '))
				c->buf[--len] = 0;
			if (len > 2 && c->buf[0] == '(' && c->buf[len - 1] == ')' && !memchr(c->buf + 1, '(', len - 2)) {
				memmove(c->buf, c->buf + 1, len - 2);
				len -= 2;
				c->buf[len] = 0;
			}
			/* "(Series ; 14)" */
			char *semi = strstr(c->buf, " ; ");
			if (semi) {
				size_t na, nb;
				const char *num = semi + 3;
				if (first_number(num, strlen(num), &na, &nb))
					set_text(c, LIT_VAR_COLLECTION_NUMBER, num + na, nb - na);
				len = (size_t)(semi - c->buf);
				len = trim(c->buf, len, 1);
			} else if (i + 1 < c->nsp && c->sp[i + 1].label == LIT_PL_OTHER) {
				/* "(Lecture Notes in Logic" + "; 32). —": the number after the span */
				const char *x = t->text + c->sp[i + 1].a;
				size_t xl = c->sp[i + 1].b - c->sp[i + 1].a, na, nb;
				while (xl && *x == ' ')
					x++, xl--;
				if (xl > 1 && *x == ';' && first_number(x + 1, xl - 1, &na, &nb) && na <= 2)
					set_text(c, LIT_VAR_COLLECTION_NUMBER, x + 1 + na, nb - na);
			}
			set_text(c, LIT_VAR_COLLECTION_TITLE, c->buf, len);
			break;
		}
		case LIT_PL_DATE:
			/* GOST: the year of the imprint ("— Paris : Seuil, 2004.") over one
			 * earlier in the string ("Le séminaire, livre X : 1962/1963") */
			if (pub_date < c->nsp && i != pub_date)
				break;
			/* "accessed May 2, 2023" labelled as the date: the access date only */
			if (p->t0 > 0 && (t->tok[p->t0 - 1].lex & LIT_LEX_ACCESS))
				break;
			len = span_text(c, p, 1);
			if (i > 0 && (c->sp[i - 1].label == LIT_PL_VOLUME ||
			              (i > 1 && c->sp[i - 1].label == LIT_PL_OTHER && c->sp[i - 2].label == LIT_PL_VOLUME))) {
				/* the span as written, with its opening bracket */
				char raw[64];
				size_t a = c->sp[i - 1].label == LIT_PL_OTHER ? c->sp[i - 1].a : p->a;
				size_t rl = squash(t->text, a, p->b, raw, sizeof raw);
				issue_before_year(c, raw, rl);
			}
			{
				size_t off = date_site(c, c->buf, len);
				const lit_date *had = lit_record_date(rec, LIT_VAR_ISSUED);
				set_date(c, LIT_VAR_ISSUED, c->buf + off, len - off);
				/* "Москва, 1999– .": a site or serial still going, an open range */
				if (!had && lit_record_date(rec, LIT_VAR_ISSUED)) {
					const char *x = t->text;
					size_t e = p->b;
					lit_date d = *lit_record_date(rec, LIT_VAR_ISSUED);
					while (e > p->a && (x[e - 1] == ' ' || x[e - 1] == '.' || x[e - 1] == ','))
						e--;
					if (d.year && !d.end_year && !d.literal && e >= p->a + 3 &&
					    (x[e - 1] == '-' || ((unsigned char)x[e - 3] == 0xE2 && (unsigned char)x[e - 2] == 0x80 &&
					                         ((unsigned char)x[e - 1] == 0x93 || (unsigned char)x[e - 1] == 0x94)))) {
						d.open_end = 1;
						lit_record_set_date(rec, LIT_VAR_ISSUED, &d);
					}
				}
			}
			date_page(c, p);
			break;
		case LIT_PL_ACCESSED:
			len = span_text(c, p, 1);
			if (!lit_record_date(rec, LIT_VAR_ACCESSED)) {
				lit_date d;
				if (lit_pdate_parse(c->buf, len, &d))
					lit_record_set_date(rec, LIT_VAR_ACCESSED, &d);
			}
			break;
		case LIT_PL_VOLUME:
			if (!lit_record_get(rec, LIT_VAR_VOLUME))
				do_volume(c, p);
			else if (!first_span(c, LIT_PL_PAGES) && !lit_record_get(rec, LIT_VAR_PAGE) && i > 0 &&
			         (c->sp[i - 1].label == LIT_PL_DATE ||
			          (i > 1 && c->sp[i - 1].label == LIT_PL_OTHER && c->sp[i - 2].label == LIT_PL_DATE)) &&
			         !(p->t0 > 0 && (t->tok[p->t0 - 1].lex & LIT_LEX_NUM))) {
				/* "Nucl. Instrum. Methods A 386 (1997) 531.": a second number
				 * labelled as the volume after the date, with no pages, is the page */
				size_t na, nb;
				len = span_text(c, p, 0);
				if (first_number(c->buf, len, &na, &nb) && na == 0)
					do_pages(c, p);
			} else if (!lit_record_get(rec, LIT_VAR_ISSUE) && i > 0 && c->sp[i - 1].label != LIT_PL_VOLUME &&
			         p->t0 > 0 && (t->tok[p->t0 - 1].lex & LIT_LEX_NUM)) {
				/* a second number labelled as the volume after an issue
				 * marker ("Vol. 161, No. 12") is the issue */
				size_t na, nb;
				len = span_text(c, p, 1);
				if (first_number(c->buf, len, &na, &nb) && c->buf[na] >= '0' && c->buf[na] <= '9' && nb - na <= 4 &&
				    strcmp(lit_record_get(rec, LIT_VAR_VOLUME), (c->buf[nb] = 0, c->buf + na)) != 0)
					set_text(c, LIT_VAR_ISSUE, c->buf + na, nb - na);
			}
			break;
		case LIT_PL_ISSUE:
			if (!lit_record_get(rec, LIT_VAR_ISSUE))
				do_issue(c, p);
			break;
		case LIT_PL_PAGES: {
			/* "Т. 1: 1803–1807 / … С. 211.": a range with no page marker
			 * gives way to a later one that has it */
			int later_marked = 0;
			if (!(t->tok[p->t0].lex & (LIT_LEX_PAGE | LIT_LEX_EXTENT)))
				for (size_t j = i + 1; j < c->nsp; j++)
					if (c->sp[j].label == LIT_PL_PAGES && (t->tok[c->sp[j].t0].lex & LIT_LEX_PAGE))
						later_marked = 1;
			/* a second span may still be the extent ("С. 5–7. – 344 с.") */
			if (!later_marked &&
			    (!lit_record_get(rec, LIT_VAR_PAGE) || !lit_record_get(rec, LIT_VAR_NUMBER_OF_PAGES)))
				do_pages(c, p);
			break;
		}
		case LIT_PL_PUBLISHER:
			len = publisher_sentence(c->buf, span_text(c, p, 1));
			len = final_dot(c->buf, trim(c->buf, len, 1));
			len = place_in_publisher(c, c->buf, len);
			set_text(c, LIT_VAR_PUBLISHER, c->buf, len);
			break;
		case LIT_PL_LOCATION:
			if (i + 2 < c->nsp && c->sp[i + 1].label == LIT_PL_OTHER && c->sp[i + 2].label == LIT_PL_LOCATION &&
			    c->sp[i + 1].t1 - c->sp[i + 1].t0 == 1 && t->text[c->sp[i + 1].a] == ';' &&
			    p->t1 - p->t0 <= 3 && c->sp[i + 2].t1 - c->sp[i + 2].t0 <= 3 &&
			    !memchr(t->text + p->a, ':', c->sp[i + 2].b - p->a)) {
				/* "London ; New York : Routledge": both places, as written */
				len = squash(t->text, p->a, c->sp[i + 2].b, c->buf, sizeof c->buf);
				len = final_dot(c->buf, trim(c->buf, len, 1));
			} else {
				len = final_dot(c->buf, span_text(c, p, 1));
			}
			set_text(c, LIT_VAR_PUBLISHER_PLACE, c->buf, len);
			break;
		case LIT_PL_EDITION:
			len = span_text(c, p, 1);
			/* "2 vols." labelled as an edition */
			{
				size_t na, nb;
				if (first_number(c->buf, len, &na, &nb) && na == 0 && c->buf[nb] == ' ' && len - nb <= 10 &&
				    (starts_ci(c->buf + nb + 1, len - nb - 1, "vols") || starts_ci(c->buf + nb + 1, len - nb - 1, "volumes"))) {
					set_text(c, LIT_VAR_NUMBER_OF_VOLUMES, c->buf, nb);
					break;
				}
			}
			/* APA "(Rev. ed.). Verso.": the publisher the model ran into the
			 * edition */
			if (c->buf[0] == '(' && !first_span(c, LIT_PL_PUBLISHER)) {
				char *close = strstr(c->buf, "). ");
				if (close && close[3] >= 'A' && close[3] <= 'Z' && !strchr(close + 3, '(')) {
					size_t pl = strlen(close + 3);
					while (pl && (close[3 + pl - 1] == '.' || close[3 + pl - 1] == ' '))
						pl--;
					set_text(c, LIT_VAR_PUBLISHER, close + 3, pl);
					/* "Rev. ed." without its brackets */
					len = (size_t)(close - c->buf) - 1;
					memmove(c->buf, c->buf + 1, len);
					c->buf[len] = 0;
				}
			}
			/* "Revised Edition." and "4th." lose their stop, "3rd ed." / "доп." keep it */
			if (len > 2 && c->buf[len - 1] == '.') {
				size_t w = len - 1;
				while (w > 0 && c->buf[w - 1] != ' ' && c->buf[w - 1] != '.')
					w--;
				if (len - 1 - w >= 6 || (c->buf[w] >= '0' && c->buf[w] <= '9'))
					c->buf[--len] = 0;
			}
			set_text(c, LIT_VAR_EDITION, c->buf, len);
			break;
		case LIT_PL_GENRE:
		case LIT_PL_MEDIUM:
			/* "[Motion picture].", "[Электронный ресурс]": the words */
			len = span_text(c, p, 1);
			if (p->label == LIT_PL_GENRE && (c->buf[0] == '(' || memchr(c->buf, ',', len)) && c->buf[0] != ':' &&
			    (c->buf[0] == '(' || c->buf[0] == '[') && genre_groups(c, c->buf, len))
				break;
			if (len > 2 && c->buf[0] == '[') {
				size_t e = len;
				while (e > 1 && (c->buf[e - 1] == '.' || c->buf[e - 1] == ' '))
					e--;
				if (c->buf[e - 1] == ']' && !memchr(c->buf + 1, '[', e - 2)) {
					memmove(c->buf, c->buf + 1, e - 2);
					len = e - 2;
					c->buf[len] = 0;
				}
			}
			len = final_dot(c->buf, len);
			set_text(c, p->label == LIT_PL_GENRE ? LIT_VAR_GENRE : LIT_VAR_MEDIUM, c->buf, len);
			break;
		case LIT_PL_URL: {
			/* nothing when no token starts an address (a word the model
			 * took for one) */
			len = url_from_span(c, p);
			len = clean_url(c->buf, len);
			if (len && !url_plausible(c->buf, len)) {
				/* a bare DOI the model took for an address */
				if (starts_ci(c->buf, len, "10."))
					set_doi_from(c, c->buf, len);
				break;
			}
			if (len) {
				size_t dl;
				const char *d;
				if ((contains_ci(c->buf, len, "doi.org/") || starts_ci(c->buf, len, "doi:")) &&
				    (d = find_doi(c->buf, len, &dl)))
					set_text(c, LIT_VAR_DOI, d, dl);
				if (!starts_ci(c->buf, len, "doi:"))
					set_text(c, LIT_VAR_URL, c->buf, len);
			}
			break;
		}
		case LIT_PL_DOI:
			/* a DOI split by PDF spaces may run past the span ("doi:
			 * 10.1057/ palcomms. 2015.46"): read on to the end, set_doi_from
			 * joins only such pieces */
			len = squash(t->text, p->a, t->len < p->b + 64 ? t->len : p->b + 64, c->buf, sizeof c->buf);
			set_doi_from(c, c->buf, len);
			len = span_text(c, p, 1);
			/* written as an address ("https://doi.org/10..."): that is its URL too */
			if (contains_ci(c->buf, len, "http") || contains_ci(c->buf, len, "www.")) {
				len = clean_url(c->buf, url_from_span(c, p));
				if (len && url_plausible(c->buf, len))
					set_text(c, LIT_VAR_URL, c->buf, len);
			}
			break;
		case LIT_PL_ISBN:
			len = span_text(c, p, 1);
			if (contains_ci(c->buf, len, "issn"))
				do_isbn(c, c->buf, len, LIT_VAR_ISSN);
			else
				do_isbn(c, c->buf, len, LIT_VAR_ISBN);
			break;
		case LIT_PL_CITNUM: {
			size_t na, nb;
			int digit = 0;
			len = span_text(c, p, 1);
			for (size_t k = 0; k < len; k++)
				digit |= c->buf[k] >= '0' && c->buf[k] <= '9';
			if (digit && first_number(c->buf, len, &na, &nb))
				lit_record_set_custom(rec, "label", (c->buf[nb] = 0, c->buf + na), 0);
			else if (!digit && i == 0 && !first_span(c, LIT_PL_TITLE) && lit_pu8_is_letter((unsigned char)c->buf[0]) &&
			         strspn(c->buf, "ivxlcdmIVXLCDM") != len) {
				/* not a roman numeral label ("xli") */
				/* "RasonConTrans. (accessed ...)": a name, no number */
				len = final_dot(c->buf, len);
				set_text(c, LIT_VAR_TITLE, c->buf, len);
			}
			break;
		}
		case LIT_PL_NOTE:
			len = span_text(c, p, 1);
			/* "Title : сборник" in a GOST string: other title information */
			if (i >= 2 && c->sp[i - 1].label == LIT_PL_OTHER && c->sp[i - 2].label == LIT_PL_TITLE &&
			    c->sp[i - 1].t1 - c->sp[i - 1].t0 == 1 && t->text[c->sp[i - 1].a] == ':' &&
			    (t->doc_flags & (LIT_TF_CYR | LIT_DF_AREAS | LIT_DF_SLASHES)) && !has_span(c, LIT_PL_GENRE) &&
			    !lit_record_get(rec, LIT_VAR_GENRE)) {
				set_text(c, LIT_VAR_GENRE, c->buf, final_dot(c->buf, len));
				break;
			}
			if (access_note(c, c->buf, len))
				break;
			{
				/* note_institution may cut c->buf: work on a copy */
				char nb[LIT_PARSE_MAX_TEXT + 64];
				memcpy(nb, c->buf, len + 1);
				if (note_institution(c, nb, len))
					break;
			}
			if (len && notelen + len + 3 < sizeof note) {
				if (notelen) {
					memcpy(note + notelen, "; ", 2);
					notelen += 2;
				}
				memcpy(note + notelen, c->buf, len);
				notelen += len;
				note[notelen] = 0;
			}
			break;
		default:
			break;
		}
	}

	if (gvol[0] && !lit_record_get(rec, LIT_VAR_VOLUME))
		lit_record_set(rec, LIT_VAR_VOLUME, gvol);
	place_not_container(c);
	site_not_place(c);

	/* identifiers anywhere in the string, whatever the labels said */
	if (!lit_record_get(rec, LIT_VAR_DOI)) {
		size_t dl;
		const char *d = find_doi(t->text, t->len, &dl);
		if (d) {
			/* only when written as a DOI (not inside an unrelated URL) */
			size_t off = (size_t)(d - t->text);
			if (off >= 4 && (contains_ci(t->text + (off >= 16 ? off - 16 : 0), off >= 16 ? 16 : off, "doi") ||
			                 contains_ci(t->text + (off >= 16 ? off - 16 : 0), off >= 16 ? 16 : off, "doi.org/")))
				set_text(c, LIT_VAR_DOI, d, dl);
			else if (off == 0 || t->text[off - 1] == ' ')
				set_text(c, LIT_VAR_DOI, d, dl);
		}
	}
	/* "doi:10. 1103/...": a DOI with spaces from PDF text after its marker */
	for (const char *m = c->low; !lit_record_get(rec, LIT_VAR_DOI) && (m = strstr(m, "doi")) != NULL; m += 3) {
		size_t off = (size_t)(m - c->low) + 3, e;
		while (off < t->len && (t->text[off] == ' ' || t->text[off] == ':' || t->text[off] == '='))
			off++;
		if (off + 3 >= t->len || t->text[off] != '1' || t->text[off + 1] != '0')
			continue;
		e = off + 96 < t->len ? off + 96 : t->len;
		{
			char tmp[128];
			size_t dl, l = doi_despace(t->text + off, e - off, tmp, sizeof tmp);
			const char *d = find_doi(tmp, l, &dl);
			if (d == tmp)
				set_text(c, LIT_VAR_DOI, d, dl);
		}
	}
	if (!lit_record_get(rec, LIT_VAR_ISBN)) {
		const char *m = NULL;
		for (size_t i = 0; i + 4 < t->len; i++)
			if ((t->text[i] == 'I' || t->text[i] == 'i') && starts_ci(t->text + i, t->len - i, "isbn")) {
				m = t->text + i + 4;
				break;
			}
		if (m)
			do_isbn(c, m, (size_t)(t->text + t->len - m), LIT_VAR_ISBN);
	}
	if (!lit_record_get(rec, LIT_VAR_ISSN)) {
		for (size_t i = 0; i + 4 < t->len; i++)
			if ((t->text[i] == 'I' || t->text[i] == 'i') && starts_ci(t->text + i, t->len - i, "issn")) {
				do_isbn(c, t->text + i + 4, t->len - i - 4, LIT_VAR_ISSN);
				break;
			}
	}
	if (!lit_record_get(rec, LIT_VAR_URL)) {
		for (size_t i = 0; i < t->n; i++) {
			const lit_ptoken *k = &t->tok[i];
			int split_scheme = (k->end - k->start == 4 || k->end - k->start == 5) &&
			                   starts_ci(t->text + k->start, k->end - k->start, "http") && i + 1 < t->n &&
			                   t->text[t->tok[i + 1].start] == ':';
			if (split_scheme ||
			    ((k->flags & LIT_TF_URL) && (contains_ci(t->text + k->start, k->end - k->start, "http") ||
			                                 contains_ci(t->text + k->start, k->end - k->start, "www.")))) {
				size_t len = joined_url(t, i, c->buf, sizeof c->buf);
				len = clean_url(c->buf, len);
				if (len && url_plausible(c->buf, len))
					set_text(c, LIT_VAR_URL, c->buf, len);
				break;
			}
		}
	}
	find_accessed(c);
	split_site_title(c);
	if (!lit_record_date(rec, LIT_VAR_ISSUED) && rules) {
		/* a year somewhere outside the access date */
		for (size_t i = 0; i < t->n; i++) {
			const lit_ptoken *k = &t->tok[i];
			if ((k->flags & LIT_TF_YEAR) && labels[i] != LIT_PL_ACCESSED && labels[i] != LIT_PL_URL &&
			    labels[i] != LIT_PL_DOI && labels[i] != LIT_PL_TITLE && labels[i] != LIT_PL_CONTAINER &&
			    labels[i] != LIT_PL_JOURNAL && labels[i] != LIT_PL_PAGES && labels[i] != LIT_PL_ISBN &&
			    labels[i] != LIT_PL_VOLUME && !(k->flags & LIT_TF_RANGE) && k->nletters == 0) {
				lit_date d;
				const lit_date *acc = lit_record_date(rec, LIT_VAR_ACCESSED);
				if (lit_pdate_parse(t->text + k->start, k->end - k->start, &d) &&
				    !(acc && i > 0 && labels[i - 1] == LIT_PL_ACCESSED)) {
					if (!(acc && acc->year == d.year && i > 0 && contains_ci(t->text + t->tok[i > 3 ? i - 3 : 0].start,
					                                                   k->start - t->tok[i > 3 ? i - 3 : 0].start, "обращ"))) {
						lit_record_set_date(rec, LIT_VAR_ISSUED, &d);
						break;
					}
				}
			}
		}
	}
	if (!lit_record_date(rec, LIT_VAR_ISSUED)) {
		/* "Statement by …, New York, August 2, 2022." with no date span:
		 * a date closing the title is the work's (the title keeps it) */
		const span *ti = first_span(c, LIT_PL_TITLE);
		if (ti && ti->t1 - ti->t0 >= 4 && (t->tok[ti->t1 - 1].flags & LIT_TF_YEAR) && !first_span(c, LIT_PL_DATE)) {
			lit_date d;
			size_t a = t->tok[ti->t1 - 3].start, b = t->tok[ti->t1 - 1].end;
			if (lit_pdate_parse(t->text + a, b - a, &d) && d.year && d.month)
				lit_record_set_date(rec, LIT_VAR_ISSUED, &d);
		}
	}
	if (!lit_record_date(rec, LIT_VAR_ISSUED)) {
		/* "66, no. 4 (2013): 1102–25" labelled as the volume: the year in
		 * brackets there is the date */
		for (size_t i = 0; i < t->n; i++) {
			const lit_ptoken *k = &t->tok[i];
			lit_date d;
			if ((labels[i] == LIT_PL_VOLUME || labels[i] == LIT_PL_ISSUE) && t->text[k->start] == '(' &&
			    (k->flags & LIT_TF_YEAR) && !(k->flags & LIT_TF_RANGE) && k->nletters == 0 &&
			    lit_pdate_parse(t->text + k->start, k->end - k->start, &d) && d.year) {
				lit_record_set_date(rec, LIT_VAR_ISSUED, &d);
				break;
			}
		}
	}
	if (notelen)
		lit_record_set(rec, LIT_VAR_NOTE, note);

	lit_record_set_type(rec, infer_type(c));
	if (lit_record_type(rec) == LIT_TYPE_LEGISLATION)
		legislation_fields(c);
	archive_shelfmark(c);
	if (lit_record_type(rec) == LIT_TYPE_PATENT)
		patent_number(c);
	if (lit_record_type(rec) == LIT_TYPE_STANDARD)
		standard_fields(c);
	if (lit_record_type(rec) == LIT_TYPE_REPORT)
		report_series(c);
	/* a dissertation's university after " ; " is its publisher, no host */
	if (lit_record_type(rec) == LIT_TYPE_THESIS && lit_record_get(rec, LIT_VAR_CONTAINER_TITLE) &&
	    !lit_record_get(rec, LIT_VAR_PUBLISHER) && !(t->doc_flags & LIT_DF_SLASHES)) {
		lit_record_set(rec, LIT_VAR_PUBLISHER, lit_record_get(rec, LIT_VAR_CONTAINER_TITLE));
		lit_record_set(rec, LIT_VAR_CONTAINER_TITLE, NULL);
	}
	/* "/ Воротникова Алина Сергеевна ; Дальневосточный федеральный
	 * университет": the author's full name repeated before the university
	 * is no part of the publisher */
	if (lit_record_type(rec) == LIT_TYPE_THESIS && lit_record_get(rec, LIT_VAR_PUBLISHER) &&
	    lit_record_name_count(rec, LIT_VAR_AUTHOR) > 0) {
		const char *pub = lit_record_get(rec, LIT_VAR_PUBLISHER), *semi = strstr(pub, " ; ");
		const lit_name *a0 = lit_record_name(rec, LIT_VAR_AUTHOR, 0);
		if (semi && semi[3] && a0 && a0->family && !strncmp(pub, a0->family, strlen(a0->family))) {
			char tmp[LIT_PARSE_MAX_TEXT + 1];
			snprintf(tmp, sizeof tmp, "%s", semi + 3);
			lit_record_set(rec, LIT_VAR_PUBLISHER, tmp);
		}
	}
	kind_fields(c);
	catalogue_heading(c);
	{
		const char *lang = language_of(c);
		if (lang)
			lit_record_set(rec, LIT_VAR_LANGUAGE, lang);
	}
	free(c);
	return LIT_OK;
}
