/*
 * date.c - parsing dates as references write them, and printing them as
 * ISO 8601 text.
 *
 * The parser works in three steps.  The text is cut into tokens (numbers,
 * words, separators).  Runs of numbers joined by '.', '/' or '-' without
 * spaces ("2024-05-01", "27.07.2023", "2004-05/2004-06", RIS
 * "2024/05/01/12:00:00") are interpreted as a whole and turned into
 * elements (year, month, day, range mark); words become months, seasons,
 * circa marks or range marks ("to", "по"), everything else is ignored.
 * Finally the elements are split at the first range mark and each side is
 * assembled into year/month/day, missing parts being shared between the
 * two sides ("18-20 August 2023", "May-June 2020").
 *
 * lit_date_parse_text reads dates inside running text (reference strings)
 * with the same machinery, stricter about what a number is: only four-digit
 * numbers from 1000 to 2200 are years, a small number is a day only next to
 * a month name, "c" after a year is a suffix ("2014c"), a second date after
 * the first one without a range mark is left out, and French and German
 * month names are known.
 *
 * Only a bounded prefix of the input is examined (dates are short), so the
 * cost is linear and memory is on the stack.
 */
#include <stdio.h>
#include <string.h>

#include "util/date.h"

#define DATE_MAX_TOKENS 64
#define DATE_MAX_INPUT 512

enum tok_kind { TK_NUM, TK_WORD, TK_SEP };

typedef struct tok {
	int kind;
	int sep;          /* TK_SEP: '-', '/', '.', ',', ':', '?', '~', '%', ';', brackets, or ' ' */
	long val;         /* TK_NUM */
	int ndig;         /* TK_NUM: number of digits */
	const char *s;    /* TK_WORD: text */
	size_t len;       /* TK_WORD: length in bytes (without a trailing '.') */
} tok;

enum el_kind { EL_YEAR, EL_MONTH, EL_DAY, EL_SEASON, EL_RANGE };

typedef struct el {
	int kind;
	int val;
} el;

typedef struct part {
	int y, m, d, s;
} part;

/* ------------------------------------------------------------------ */
/* Month and season names                                              */
/* ------------------------------------------------------------------ */

/* Lower-case one code point of Latin or Cyrillic. */
static unsigned lower_cp(unsigned cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	return cp;
}

/* Decode one UTF-8 code point (1-3 bytes are enough for names); returns
 * the byte count, 0 at the end or on invalid input. */
static size_t next_cp(const char *s, size_t len, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xE0) == 0xC0 && len >= 2 && (u[1] & 0xC0) == 0x80) {
		*cp = ((unsigned)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	if ((u[0] & 0xF0) == 0xE0 && len >= 3 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		*cp = ((unsigned)(u[0] & 0x0F) << 12) | ((unsigned)(u[1] & 0x3F) << 6) |
		      (u[2] & 0x3F);
		return 3;
	}
	return 0;
}

/* Lower-case `s` into `out` (UTF-8), dropping a trailing '.'; returns the
 * length or (size_t)-1 when it does not fit or is not valid. */
static size_t fold_word(const char *s, size_t len, char *out, size_t cap)
{
	size_t i = 0, o = 0;
	while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ' '))
		len--;
	while (i < len) {
		unsigned cp;
		size_t n = next_cp(s + i, len - i, &cp);
		if (n == 0)
			return (size_t)-1;
		i += n;
		cp = lower_cp(cp);
		if (cp == 0x451) /* ё -> е */
			cp = 0x435;
		if (cp < 0x80) {
			if (o + 1 >= cap)
				return (size_t)-1;
			out[o++] = (char)cp;
		} else if (cp < 0x800) {
			if (o + 2 >= cap)
				return (size_t)-1;
			out[o++] = (char)(0xC0 | (cp >> 6));
			out[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			if (o + 3 >= cap)
				return (size_t)-1;
			out[o++] = (char)(0xE0 | (cp >> 12));
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (cp & 0x3F));
		}
	}
	out[o] = '\0';
	return o;
}

/* Number of code points in a UTF-8 string. */
static size_t cp_count(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char *const en_months[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/* Russian stems; every form is the stem plus one of ru_endings, and the
 * abbreviations are prefixes of the stem of at least three letters. */
static const char *const ru_stems[12] = {
	"январ", "феврал", "март", "апрел", "ма", "июн", "июл",
	"август", "сентябр", "октябр", "ноябр", "декабр"
};

static const char *const ru_endings[] = {
	"", "ь", "я", "е", "ю", "ем", "ей", "а", "у", "ом", "й", NULL
};

static int is_ru_ending(const char *rest)
{
	size_t i;
	for (i = 0; ru_endings[i]; i++)
		if (strcmp(rest, ru_endings[i]) == 0)
			return 1;
	return 0;
}

int lit_month_from_name(const char *s, size_t len)
{
	char w[64];
	size_t n, i;

	if (!s)
		return 0;
	n = fold_word(s, len, w, sizeof(w));
	if (n == (size_t)-1 || n == 0)
		return 0;
	if (cp_count(w) < 3)
		return 0;
	/* English: any prefix of 3+ letters of the full name, and "sept". */
	for (i = 0; i < 12; i++)
		if (n <= strlen(en_months[i]) && strncmp(w, en_months[i], n) == 0)
			return (int)i + 1;
	if (strcmp(w, "sept") == 0)
		return 9;
	/* Russian: "май" and its cases are special (stem of two letters). */
	if (strcmp(w, "май") == 0 || strcmp(w, "мая") == 0 || strcmp(w, "мае") == 0 ||
	    strcmp(w, "маю") == 0 || strcmp(w, "маем") == 0)
		return 5;
	for (i = 0; i < 12; i++) {
		const char *stem = ru_stems[i];
		size_t sl = strlen(stem);
		if (i == 4)
			continue;
		if (n <= sl && strncmp(w, stem, n) == 0)
			return (int)i + 1; /* abbreviation: "авг", "сент" */
		if (n > sl && strncmp(w, stem, sl) == 0 && is_ru_ending(w + sl))
			return (int)i + 1;
	}
	/* "март" has the ending on a stem that already ends in a consonant:
	 * "марта", "марте" are covered above; "мар" is a prefix. */
	return 0;
}

/* French and German month names and their usual abbreviations (folded:
 * lower case, no final '.'). */
static const struct {
	const char *name;
	int month;
} other_months[] = {
	{ "janvier", 1 }, { "janv", 1 }, { "février", 2 }, { "fevrier", 2 }, { "févr", 2 }, { "fevr", 2 },
	{ "mars", 3 }, { "avril", 4 }, { "avr", 4 }, { "mai", 5 }, { "juin", 6 }, { "juillet", 7 },
	{ "juil", 7 }, { "août", 8 }, { "aout", 8 }, { "septembre", 9 }, { "octobre", 10 },
	{ "novembre", 11 }, { "décembre", 12 }, { "decembre", 12 }, { "déc", 12 },
	{ "januar", 1 }, { "jänner", 1 }, { "februar", 2 }, { "märz", 3 }, { "juni", 6 }, { "juli", 7 },
	{ "oktober", 10 }, { "okt", 10 }, { "dezember", 12 }, { "dez", 12 },
};

int lit_month_from_name_any(const char *s, size_t len)
{
	char w[64];
	size_t n, i;
	int m = lit_month_from_name(s, len);
	if (m || !s)
		return m;
	n = fold_word(s, len, w, sizeof(w));
	if (n == (size_t)-1 || n == 0)
		return 0;
	for (i = 0; i < sizeof other_months / sizeof other_months[0]; i++)
		if (strcmp(w, other_months[i].name) == 0)
			return other_months[i].month;
	return 0;
}

/* Season (LIT_SEASON_*) for an English or Russian word; 0 if none. */
static int season_from_name(const char *w)
{
	if (strcmp(w, "spring") == 0 || starts_with(w, "весн"))
		return LIT_SEASON_SPRING;
	if (strcmp(w, "summer") == 0 || strcmp(w, "лето") == 0 ||
	    strcmp(w, "летом") == 0 || strcmp(w, "лета") == 0)
		return LIT_SEASON_SUMMER;
	if (strcmp(w, "autumn") == 0 || strcmp(w, "fall") == 0 || starts_with(w, "осен"))
		return LIT_SEASON_AUTUMN;
	if (strcmp(w, "winter") == 0 || starts_with(w, "зим"))
		return LIT_SEASON_WINTER;
	return 0;
}

static int is_circa_word(const char *w)
{
	static const char *const words[] = {
		"ca", "c", "circa", "approx", "approximately", "около", "ок",
		"прибл", "примерно", NULL
	};
	size_t i;
	for (i = 0; words[i]; i++)
		if (strcmp(w, words[i]) == 0)
			return 1;
	return 0;
}

static int is_range_word(const char *w)
{
	return strcmp(w, "to") == 0 || strcmp(w, "until") == 0 ||
	       strcmp(w, "till") == 0 || strcmp(w, "по") == 0 || strcmp(w, "до") == 0;
}

static int is_bc_word(const char *w)
{
	return strcmp(w, "bc") == 0 || strcmp(w, "bce") == 0 || strcmp(w, "b.c") == 0;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

/* Is there a dash-like or space-like multibyte character at s?  Returns
 * its length and stores '-' or ' ' in *sep. */
static size_t special_cp(const char *s, size_t len, int *sep)
{
	unsigned cp;
	size_t n = next_cp(s, len, &cp);
	if (n < 2)
		return 0;
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) {
		*sep = '-';
		return n;
	}
	if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000) {
		*sep = ' ';
		return n;
	}
	return 0;
}

static size_t tokenize(const char *s, size_t len, tok *t, size_t max)
{
	size_t i = 0, n = 0;
	while (i < len && n < max) {
		unsigned char c = (unsigned char)s[i];
		int sep;
		size_t k;
		if (c >= '0' && c <= '9') {
			long v = 0;
			int nd = 0;
			while (i < len && s[i] >= '0' && s[i] <= '9') {
				if (nd < 9)
					v = v * 10 + (s[i] - '0');
				nd++;
				i++;
			}
			t[n].kind = TK_NUM;
			t[n].val = v;
			t[n].ndig = nd;
			n++;
		} else if ((k = special_cp(s + i, len - i, &sep)) > 0) {
			t[n].kind = TK_SEP;
			t[n].sep = sep;
			n++;
			i += k;
		} else if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
			size_t st = i;
			while (i < len) {
				unsigned char d = (unsigned char)s[i];
				int dummy;
				if (d >= 0x80) {
					if (special_cp(s + i, len - i, &dummy) > 0)
						break;
					i++;
				} else if ((d | 0x20) >= 'a' && (d | 0x20) <= 'z') {
					i++;
				} else if (d == '.' && i + 1 < len &&
				           (((unsigned char)s[i + 1] | 0x20) >= 'a' &&
				            ((unsigned char)s[i + 1] | 0x20) <= 'z')) {
					i++; /* "b.c" */
				} else {
					break;
				}
			}
			t[n].kind = TK_WORD;
			t[n].s = s + st;
			t[n].len = i - st;
			n++;
			if (i < len && s[i] == '.')
				i++; /* abbreviation point belongs to the word */
		} else {
			t[n].kind = TK_SEP;
			switch (c) {
			case '-': case '/': case '.': case ',': case ':': case '?':
			case '~': case '%': case ';': case '(': case ')': case '[': case ']':
				t[n].sep = c;
				break;
			default:
				t[n].sep = ' ';
				break;
			}
			n++;
			i++;
		}
	}
	return n;
}

/* ------------------------------------------------------------------ */
/* Interpreting tokens as elements                                     */
/* ------------------------------------------------------------------ */

typedef struct elist {
	el e[DATE_MAX_TOKENS * 2];
	size_t n;
} elist;

static void push(elist *l, int kind, int val)
{
	if (l->n < sizeof(l->e) / sizeof(l->e[0])) {
		l->e[l->n].kind = kind;
		l->e[l->n].val = val;
		l->n++;
	}
}

/* Push a month value that may be an EDTF season code (21-24). */
static void push_month(elist *l, long m)
{
	if (m >= 1 && m <= 12)
		push(l, EL_MONTH, (int)m);
	else if (m >= 21 && m <= 24)
		push(l, EL_SEASON, (int)(m - 20));
}

/* A year: three or four digits; in running text (loose) only four digits
 * from 1000 to 2200, so "Vol. 123" or "No. 4213" is no year. */
static int is_year_tok(const tok *t, int loose)
{
	if (loose)
		return t->kind == TK_NUM && t->ndig == 4 && t->val >= 1000 && t->val <= 2200;
	return t->kind == TK_NUM && (t->ndig == 4 || t->ndig == 3);
}

/*
 * A group: numbers t[a], t[a+2], ... joined by single '.', '/', '-'
 * separators (t[a+1], ...).  nums holds the indexes of its numbers.
 */
static void interpret_group(const tok *t, const size_t *nums, size_t cnt, elist *l, int loose)
{
	size_t i = 0;
	const tok *first = &t[nums[0]];

	if (cnt == 1) {
		if (first->ndig == 8) { /* YYYYMMDD */
			push(l, EL_YEAR, (int)(first->val / 10000));
			push_month(l, (first->val / 100) % 100);
			if (first->val % 100 >= 1 && first->val % 100 <= 31)
				push(l, EL_DAY, (int)(first->val % 100));
		} else if (is_year_tok(first, loose)) {
			push(l, EL_YEAR, (int)first->val);
		} else if (first->ndig <= 2 && first->val >= 1 && first->val <= 31) {
			push(l, EL_DAY, (int)first->val);
		}
		return;
	}

	while (i < cnt) {
		const tok *a = &t[nums[i]];
		if (is_year_tok(a, loose)) {
			/* Year first: Y [sep M [sep D]] ... then maybe a range. */
			size_t j = i + 1;
			push(l, EL_YEAR, (int)a->val);
			if (j + 1 == cnt && t[nums[j]].ndig == 2 && a->ndig == 4 &&
			    (t[nums[j]].val > 12 || t[nums[j]].val == 0) &&
			    !(t[nums[j] - 1].sep == '-' && t[nums[j]].val >= 21 && t[nums[j]].val <= 24)) {
				/* "2020/21", "1999/00": an abbreviated end year */
				long ey = (a->val / 100) * 100 + t[nums[j]].val;
				if (ey <= a->val)
					ey += 100;
				if (ey - a->val <= 10) {
					push(l, EL_RANGE, 0);
					push(l, EL_YEAR, (int)ey);
				}
				return;
			}
			/* running text: "2013/2" is a year and an issue, "1991-2" a
			 * range of years */
			if (loose && j + 1 == cnt && t[nums[j]].ndig == 1)
				return;
			if (j < cnt && t[nums[j]].ndig <= 2) {
				push_month(l, t[nums[j]].val);
				j++;
				if (j < cnt && t[nums[j]].ndig <= 2) {
					if (t[nums[j]].val >= 1 && t[nums[j]].val <= 31)
						push(l, EL_DAY, (int)t[nums[j]].val);
					j++;
				}
			}
			/* Range: the next number (after '/' or '-') is a year. */
			if (j < cnt && is_year_tok(&t[nums[j]], loose) &&
			    (t[nums[j] - 1].sep == '/' || t[nums[j] - 1].sep == '-')) {
				push(l, EL_RANGE, 0);
				i = j;
				continue;
			}
			return; /* anything else (RIS time, "other" part) ignored */
		}
		/* Year last: D.M.Y, M/D/Y, M.Y, with ranges between them. */
		{
			size_t j = i, k;
			long v[3];
			int sep = i + 1 < cnt ? t[nums[i] + 1].sep : ' ';
			size_t nv = 0;
			while (j < cnt && !is_year_tok(&t[nums[j]], loose) && t[nums[j]].ndig <= 2) {
				if (nv < 3)
					v[nv++] = t[nums[j]].val;
				j++;
			}
			if (j >= cnt || !is_year_tok(&t[nums[j]], loose)) {
				/* Only small numbers: a day range "18-20". */
				for (k = i; k < cnt; k++) {
					if (k > i)
						push(l, EL_RANGE, 0);
					if (t[nums[k]].ndig <= 2 && t[nums[k]].val >= 1 &&
					    t[nums[k]].val <= 31)
						push(l, EL_DAY, (int)t[nums[k]].val);
				}
				return;
			}
			if (nv == 1) {
				push_month(l, v[0]);
			} else if (nv >= 2) {
				long d = v[nv - 2], m = v[nv - 1];
				if (sep == '/' && m <= 31 && d <= 12 && !(m <= 12 && d > 12)) {
					/* US month/day/year, unless the first cannot be a month */
					long tmp = d;
					d = m;
					m = tmp;
				}
				if (m > 12 && d <= 12) {
					long tmp = d;
					d = m;
					m = tmp;
				}
				push_month(l, m);
				if (d >= 1 && d <= 31)
					push(l, EL_DAY, (int)d);
			}
			push(l, EL_YEAR, (int)t[nums[j]].val);
			j++;
			if (j < cnt) {
				push(l, EL_RANGE, 0);
				i = j;
				continue;
			}
			return;
		}
	}
}

/* Is the number t[k] next to a month name, with only spaces or a '.'
 * between ("18 авг.", "Aug. 18", "August 18, 2023", "17-23 March"; not
 * "17, décembre")?  For running text, where other numbers are no days. */
static int near_month(const tok *t, size_t n, size_t k, size_t last)
{
	size_t j = k;
	int days = 0;
	/* back over spaces, stops and an earlier day of a range ("May 15 -20") */
	while (j > 0 && ((t[j - 1].kind == TK_SEP && (t[j - 1].sep == ' ' || t[j - 1].sep == '.' ||
	                                               t[j - 1].sep == '-')) ||
	                 (t[j - 1].kind == TK_NUM && t[j - 1].ndig <= 2 && !days++)))
		j--;
	if (j > 0 && t[j - 1].kind == TK_WORD && lit_month_from_name_any(t[j - 1].s, t[j - 1].len))
		return 1;
	j = last + 1;
	while (j < n && t[j].kind == TK_SEP && (t[j].sep == ' ' || t[j].sep == '.'))
		j++;
	return j < n && t[j].kind == TK_WORD && lit_month_from_name_any(t[j].s, t[j].len);
}

/* Running text: a group of small numbers without a year is a day ("18")
 * or a day range ("17-23") next to a month name, else nothing (a volume,
 * an issue "18/3-4", a version "4.2"). */
static void interpret_days(const tok *t, size_t n, const size_t *nums, size_t cnt, elist *l)
{
	const tok *a = &t[nums[0]], *b = &t[nums[cnt - 1]];
	if (cnt > 2 || a->ndig > 2 || a->val < 1 || a->val > 31 || !near_month(t, n, nums[0], nums[cnt - 1]))
		return;
	if (cnt == 2 && (t[nums[0] + 1].sep != '-' || b->ndig > 2 || b->val < 1 || b->val > 31))
		return;
	push(l, EL_DAY, (int)a->val);
	if (cnt == 2) {
		push(l, EL_RANGE, 0);
		push(l, EL_DAY, (int)b->val);
	}
}

/* Build the element list from the tokens. */
static void interpret(const tok *t, size_t n, elist *l, int *circa, int *bc, int loose)
{
	size_t i = 0;
	while (i < n) {
		if (t[i].kind == TK_NUM) {
			size_t nums[DATE_MAX_TOKENS];
			size_t cnt = 0, j = i;
			nums[cnt++] = j;
			while (j + 2 < n && t[j + 1].kind == TK_SEP &&
			       (t[j + 1].sep == '.' || t[j + 1].sep == '/' || t[j + 1].sep == '-') &&
			       t[j + 2].kind == TK_NUM && cnt < DATE_MAX_TOKENS) {
				j += 2;
				nums[cnt++] = j;
			}
			/* A number before ':' starts a time of day ("12:00:00"),
			 * which is skipped with everything up to the next space. */
			if (j + 1 < n && t[j + 1].kind == TK_SEP && t[j + 1].sep == ':' &&
			    !(loose && t[j].ndig > 2)) {
				if (cnt > 1)
					interpret_group(t, nums, cnt - 1, l, loose);
				i = j + 1;
				while (i < n && (t[i].kind == TK_NUM ||
				                 (t[i].kind == TK_SEP && t[i].sep == ':')))
					i++;
				continue;
			}
			/* RIS "2007///": the empty parts are just separators. */
			if (loose) {
				size_t k, years = 0;
				for (k = 0; k < cnt; k++)
					years += is_year_tok(&t[nums[k]], 1);
				if (!years) {
					interpret_days(t, n, nums, cnt, l);
					i = j + 1;
					continue;
				}
				/* "194-1995": a number that is neither day nor year first */
				while (cnt > 1 && !is_year_tok(&t[nums[0]], 1) && t[nums[0]].ndig > 2) {
					memmove(nums, nums + 1, (cnt - 1) * sizeof nums[0]);
					cnt--;
				}
			}
			interpret_group(t, nums, cnt, l, loose);
			i = j + 1;
		} else if (t[i].kind == TK_WORD) {
			char w[64];
			size_t wl = fold_word(t[i].s, t[i].len, w, sizeof(w));
			int m, s;
			if (wl != (size_t)-1 && wl > 0) {
				if ((m = loose ? lit_month_from_name_any(t[i].s, t[i].len)
				               : lit_month_from_name(t[i].s, t[i].len)) > 0)
					push(l, EL_MONTH, m);
				else if ((s = season_from_name(w)) > 0)
					push(l, EL_SEASON, s);
				else if (is_circa_word(w) && !(loose && strcmp(w, "c") == 0))
					*circa = 1; /* "2014c" in running text is a year suffix */
				else if (is_range_word(w))
					push(l, EL_RANGE, 0);
				else if (is_bc_word(w))
					*bc = 1;
			}
			i++;
		} else {
			if (t[i].sep == '?' || t[i].sep == '~' || t[i].sep == '%') {
				/* running text: only "1850?" is uncertain, not "watch?v=" */
				if (!loose || (t[i].sep == '?' && i > 0 && is_year_tok(&t[i - 1], 1)))
					*circa = 1;
			} else if (t[i].sep == '-' || t[i].sep == '/') {
				/* a free-standing dash between words or groups: a range,
				 * unless it is the first thing (a negative year) */
				if (l->n > 0 && l->e[l->n - 1].kind != EL_RANGE)
					push(l, EL_RANGE, 0);
			}
			i++;
		}
	}
}

static void assemble(const el *e, size_t n, part *p)
{
	size_t i;
	memset(p, 0, sizeof(*p));
	for (i = 0; i < n; i++) {
		switch (e[i].kind) {
		case EL_YEAR: if (!p->y) p->y = e[i].val; break;
		case EL_MONTH: if (!p->m) p->m = e[i].val; break;
		case EL_DAY: if (!p->d) p->d = e[i].val; break;
		case EL_SEASON: if (!p->s) p->s = e[i].val; break;
		default: break;
		}
	}
}

/* Both parsers: `loose` for dates inside running text. */
/* Does the text end as an open range: a dash ("1987–", "1987-"), "/..",
 * or a single slash after the only date ("1987/"; not RIS's "2024/05/01/")? */
static int open_tail(const char *s, size_t len)
{
	size_t slashes = 0;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len >= 3 && !memcmp(s + len - 3, "/..", 3))
		return 1;
	if (len >= 1 && s[len - 1] == '-')
		return 1;
	if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
	    ((unsigned char)s[len - 1] == 0x93 || (unsigned char)s[len - 1] == 0x94))
		return 1;
	for (size_t i = 0; i < len; i++)
		slashes += s[i] == '/';
	return len >= 1 && s[len - 1] == '/' && slashes == 1;
}

static int parse_date(const char *s, size_t len, lit_date *out, int loose)
{
	tok t[DATE_MAX_TOKENS];
	elist l;
	size_t n, i, split;
	int circa = 0, bc = 0;
	part a, b;
	int open = 0;

	if (!out)
		return 0;
	memset(out, 0, sizeof(*out));
	if (!s)
		return 0;
	if (len > DATE_MAX_INPUT)
		len = DATE_MAX_INPUT;
	n = tokenize(s, len, t, DATE_MAX_TOKENS);
	l.n = 0;
	interpret(t, n, &l, &circa, &bc, loose);

	/* drop trailing range marks ("2007-"); outside running text such a
	 * mark opens a range with no end ("1987–", "1987/", "1987/..") */
	while (l.n > 0 && l.e[l.n - 1].kind == EL_RANGE) {
		l.n--;
		open = !loose && open_tail(s, len);
	}
	/* running text with two dates and no range between ("2 Aug. 2001. 23
	 * Jan. 2002", "(2014, Aug. 29). Retrieved Nov. 20, 2014"): the first
	 * year with the month and day before it, or else the first ones after */
	if (loose) {
		size_t y1 = l.n, y2 = l.n, k;
		for (k = 0; k < l.n && l.e[k].kind != EL_RANGE; k++)
			if (l.e[k].kind == EL_YEAR) {
				if (y1 == l.n)
					y1 = k;
				else if (y2 == l.n)
					y2 = k;
			}
		if (y2 < l.n) {
			int before = 0, m = 0, d = 0;
			for (k = 0; k < y1; k++)
				before |= l.e[k].kind == EL_MONTH || l.e[k].kind == EL_SEASON;
			k = y1 + 1;
			while (!before && k < y2 && ((l.e[k].kind == EL_MONTH && !m++) || (l.e[k].kind == EL_DAY && !d++)))
				k++;
			l.n = k;
		}
	}
	split = l.n;
	for (i = 0; i < l.n; i++)
		if (l.e[i].kind == EL_RANGE) {
			split = i;
			break;
		}
	assemble(l.e, split, &a);
	if (split < l.n)
		assemble(l.e + split + 1, l.n - split - 1, &b);
	else
		memset(&b, 0, sizeof(b));

	/* Share parts between the sides of a range. */
	if (split < l.n) {
		if (!a.y)
			a.y = b.y;
		if (!a.m && a.d && b.m)
			a.m = b.m;
		if (!a.m && !a.s && b.s && !b.m)
			a.s = b.s;
		if (!b.y && (b.m || b.d))
			b.y = a.y;
		if (!b.m && b.d && a.m)
			b.m = a.m;
	}
	if (!a.y)
		return 0;
	/* running text: "(2011) 1975-1986" ends before it starts: pages; a
	 * bare repeat of the year ends nothing ("May 15-20, 2000 (2000)") */
	if (loose && b.y && (b.y < a.y || (b.y == a.y && !b.m && !b.d && !b.s)))
		memset(&b, 0, sizeof(b));
	if (bc) {
		a.y = -a.y;
		if (b.y)
			b.y = -b.y;
	}
	if (a.d && !a.m)
		a.d = 0;
	if (b.d && !b.m)
		b.d = 0;
	out->year = a.y;
	out->month = a.m;
	out->day = a.d;
	out->season = a.s;
	out->circa = circa;
	if (b.y && (b.y != a.y || b.m != a.m || b.d != a.d)) {
		out->end_year = b.y;
		out->end_month = b.m;
		out->end_day = b.d;
	}
	out->open_end = open && !out->end_year;
	return 1;
}

int lit_date_parse(const char *s, size_t len, lit_date *out)
{
	return parse_date(s, len, out, 0);
}

int lit_date_parse_text(const char *s, size_t len, lit_date *out)
{
	return parse_date(s, len, out, 1);
}

static void put_part(lit_buf *b, int y, int m, int d)
{
	if (y < 0)
		lit_buf_printf(b, "-%04d", -y);
	else
		lit_buf_printf(b, "%04d", y);
	if (m >= 1 && m <= 12) {
		lit_buf_printf(b, "-%02d", m);
		if (d >= 1 && d <= 31)
			lit_buf_printf(b, "-%02d", d);
	}
}

int lit_date_put_iso(lit_buf *b, const lit_date *d)
{
	if (!d || d->year == 0)
		return 0;
	put_part(b, d->year, d->month, d->day);
	if (d->end_year != 0) {
		lit_buf_putc(b, '/');
		put_part(b, d->end_year, d->end_month, d->end_day);
	} else if (d->open_end) {
		/* biblatex's open-ended range: "1987/" */
		lit_buf_putc(b, '/');
	}
	return 1;
}
