/*
 * pdate.c - dates as they appear inside reference strings: "2024",
 * "(2011a)", "27.07.2023", "07/18/2022", "2024-05-01", "August 18, 2023",
 * "18 авг. 2023", "20 июля 2023 г.", "Spring 2004", "1999-2001", "2017/18".
 * The parser keeps its own reader so that what it extracts does not depend
 * on the shared date utility's conventions.
 */
#include <string.h>
#include "parse_internal.h"
#include "pfields.h"

typedef struct month_name {
	const char *name; /* lower-case prefix */
	int min;          /* shortest accepted prefix length in bytes */
	int month;
} month_name;

static const month_name months[] = {
	{ "january", 3, 1 }, { "february", 3, 2 }, { "march", 3, 3 }, { "april", 3, 4 },
	{ "may", 3, 5 }, { "june", 3, 6 }, { "july", 3, 7 }, { "august", 3, 8 },
	{ "september", 3, 9 }, { "october", 3, 10 }, { "november", 3, 11 }, { "december", 3, 12 },
	{ "январ", 6, 1 }, { "янв", 6, 1 }, { "феврал", 8, 2 }, { "февр", 8, 2 }, { "фев", 6, 2 },
	{ "март", 8, 3 }, { "марта", 10, 3 }, { "мар", 6, 3 },
	{ "апрел", 8, 4 }, { "апр", 6, 4 }, { "мая", 6, 5 }, { "май", 6, 5 },
	{ "июн", 6, 6 }, { "июл", 6, 7 }, { "август", 8, 8 }, { "авг", 6, 8 },
	{ "сентябр", 8, 9 }, { "сент", 8, 9 }, { "сен", 6, 9 }, { "октябр", 8, 10 }, { "окт", 6, 10 },
	{ "ноябр", 8, 11 }, { "нояб", 8, 11 }, { "ноя", 6, 11 }, { "декабр", 8, 12 }, { "дек", 6, 12 },
	{ "janvier", 4, 1 }, { "février", 4, 2 }, { "mars", 4, 3 }, { "avril", 3, 4 }, { "mai", 3, 5 },
	{ "juin", 4, 6 }, { "juillet", 4, 7 }, { "août", 4, 8 }, { "septembre", 4, 9 },
	{ "octobre", 3, 10 }, { "novembre", 3, 11 }, { "décembre", 3, 12 },
	{ "januar", 6, 1 }, { "februar", 6, 2 }, { "märz", 5, 3 }, { "juni", 4, 6 }, { "juli", 4, 7 },
	{ "oktober", 3, 10 }, { "dezember", 3, 12 }, { "sept", 4, 9 },
};

int lit_pdate_month(const char *w, size_t len)
{
	char low[32];
	size_t l;
	if (len == 0 || len > 24)
		return 0;
	l = lit_pu8_lower_str(w, len, low, sizeof low);
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
		size_t nl = strlen(months[i].name);
		if (l < (size_t)months[i].min)
			continue;
		if (l <= nl && memcmp(months[i].name, low, l) == 0)
			return months[i].month;
		/* inflected Russian forms: the name is a prefix of the word */
		if (l > nl && (unsigned char)low[0] >= 0x80 && memcmp(months[i].name, low, nl) == 0 && l - nl <= 4)
			return months[i].month;
	}
	return 0;
}

static int season_of(const char *w, size_t len)
{
	char low[16];
	size_t l;
	if (len > 14)
		return 0;
	l = lit_pu8_lower_str(w, len, low, sizeof low);
	low[l < sizeof low ? l : sizeof low - 1] = 0;
	if (!strcmp(low, "spring") || !strncmp(low, "весн", 8)) return LIT_SEASON_SPRING;
	if (!strcmp(low, "summer") || !strncmp(low, "лет", 6)) return LIT_SEASON_SUMMER;
	if (!strcmp(low, "autumn") || !strcmp(low, "fall") || !strncmp(low, "осен", 8)) return LIT_SEASON_AUTUMN;
	if (!strcmp(low, "winter") || !strncmp(low, "зим", 6)) return LIT_SEASON_WINTER;
	return 0;
}

/* Number items of a date string: runs of digits and words. */
typedef struct ditem {
	int kind;       /* 'n' number, 'w' word, 'p' punct */
	long val;
	int ndig;
	size_t a, b;
	char sep;       /* punctuation character (for 'p') */
} ditem;

static int valid_ymd(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return y >= 1000 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

int lit_pdate_parse(const char *s, size_t len, lit_date *out)
{
	ditem it[48];
	size_t n = 0, i = 0;
	memset(out, 0, sizeof *out);
	while (i < len && n < 48) {
		size_t a = i;
		int32_t c = lit_pu8_next(s, len, &i);
		if (c >= '0' && c <= '9') {
			long v = c - '0';
			int nd = 1;
			while (i < len && s[i] >= '0' && s[i] <= '9') {
				if (nd < 9)
					v = v * 10 + (s[i] - '0');
				nd++;
				i++;
			}
			it[n].kind = 'n'; it[n].val = v; it[n].ndig = nd; it[n].a = a; it[n].b = i; it[n].sep = 0;
			n++;
		} else if (lit_pu8_is_letter(c)) {
			while (i < len) {
				size_t j = i;
				int32_t d = lit_pu8_next(s, len, &j);
				if (!lit_pu8_is_letter(d))
					break;
				i = j;
			}
			it[n].kind = 'w'; it[n].val = 0; it[n].ndig = 0; it[n].a = a; it[n].b = i; it[n].sep = 0;
			n++;
		} else if (!lit_pu8_is_space(c)) {
			it[n].kind = 'p'; it[n].val = 0; it[n].ndig = 0; it[n].a = a; it[n].b = i;
			it[n].sep = c < 0x80 ? (char)c : lit_pu8_is_dash(c) ? '-' : '?';
			n++;
		}
	}
	/* numeric full dates: d.m.y, m/d/y, y-m-d */
	for (size_t k = 0; k + 4 < n; k++) {
		if (it[k].kind != 'n' || it[k + 1].kind != 'p' || it[k + 2].kind != 'n' ||
		    it[k + 3].kind != 'p' || it[k + 4].kind != 'n' || it[k + 1].sep != it[k + 3].sep)
			continue;
		char sp = it[k + 1].sep;
		long x = it[k].val, y = it[k + 2].val, z = it[k + 4].val;
		if (it[k].ndig == 4 && (sp == '-' || sp == '/' || sp == '.') && valid_ymd((int)x, (int)y, (int)z)) {
			out->year = (int)x; out->month = (int)y; out->day = (int)z;
			return 1;
		}
		if (it[k + 4].ndig == 4 && it[k].ndig <= 2 && it[k + 2].ndig <= 2) {
			if (sp == '/' && valid_ymd((int)z, (int)x, (int)y)) { /* US 07/18/2022 */
				out->year = (int)z; out->month = (int)x; out->day = (int)y;
				return 1;
			}
			if (valid_ymd((int)z, (int)y, (int)x)) { /* European 27.07.2023 */
				out->year = (int)z; out->month = (int)y; out->day = (int)x;
				return 1;
			}
		}
	}
	/* find the year */
	int yi = -1;
	for (size_t k = 0; k < n; k++)
		if (it[k].kind == 'n' && it[k].ndig == 4 && it[k].val >= 1000 && it[k].val <= 2200) {
			yi = (int)k;
			break;
		}
	if (yi < 0)
		return 0;
	out->year = (int)it[yi].val;
	/* year range: 1999-2001, 2017/18 */
	if ((size_t)yi + 2 < n && it[yi + 1].kind == 'p' && (it[yi + 1].sep == '-' || it[yi + 1].sep == '/') &&
	    it[yi + 2].kind == 'n') {
		long e = it[yi + 2].val;
		if (it[yi + 2].ndig == 2)
			e += (out->year / 100) * 100;
		if (it[yi + 2].ndig == 4 || it[yi + 2].ndig == 2) {
			if (e > out->year && e <= 2200)
				out->end_year = (int)e;
		} else if (it[yi + 2].ndig <= 2 && it[yi + 2].val >= 1 && it[yi + 2].val <= 12 &&
		           (size_t)yi + 4 < n && it[yi + 3].kind == 'p' && it[yi + 4].kind == 'n') {
			/* 2024-5-1 handled above; ignore */
		}
	}
	/* month words and day numbers around the year */
	for (size_t k = 0; k < n; k++) {
		if (it[k].kind != 'w')
			continue;
		int m = lit_pdate_month(s + it[k].a, it[k].b - it[k].a);
		if (!m) {
			int se = season_of(s + it[k].a, it[k].b - it[k].a);
			if (se && !out->season)
				out->season = se;
			continue;
		}
		if (out->month)
			break;
		out->month = m;
		/* day before ("18 авг.", "8 August") or after ("August 18,") */
		if (k > 0 && it[k - 1].kind == 'n' && it[k - 1].ndig <= 2 && it[k - 1].val >= 1 && it[k - 1].val <= 31)
			out->day = (int)it[k - 1].val;
		else if (k >= 2 && it[k - 1].kind == 'p' && it[k - 1].sep == '.' && it[k - 2].kind == 'n' &&
		         it[k - 2].ndig <= 2 && it[k - 2].val >= 1 && it[k - 2].val <= 31)
			out->day = (int)it[k - 2].val;
		else if (k + 1 < n && it[k + 1].kind == 'n' && it[k + 1].ndig <= 2 && it[k + 1].val >= 1 &&
		         it[k + 1].val <= 31)
			out->day = (int)it[k + 1].val;
	}
	if (out->month && out->day && !valid_ymd(out->year, out->month, out->day))
		out->day = 0;
	return 1;
}
