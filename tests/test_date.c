/*
 * test_date.c - unit tests for the shared date parser (src/util/date.c):
 * ISO/EDTF, RIS, European, US, English and Russian month names, seasons,
 * circa, ranges, the ISO printer, and the running-text reader used by the
 * reference parser (lit_date_parse_text).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "util/date.h"

static lit_date parse(const char *s, int *ok)
{
	lit_date d;
	*ok = lit_date_parse(s, strlen(s), &d);
	return d;
}

#define CHECK_DATE(str, y, m, d_) do { \
	int ok_; \
	lit_date dd_ = parse(str, &ok_); \
	cr_assert_eq(ok_, 1, "not parsed: %s", str); \
	cr_expect_eq(dd_.year, y, "%s: year %d", str, dd_.year); \
	cr_expect_eq(dd_.month, m, "%s: month %d", str, dd_.month); \
	cr_expect_eq(dd_.day, d_, "%s: day %d", str, dd_.day); \
	cr_expect_eq(dd_.end_year, 0, "%s: unexpected range", str); \
} while (0)

#define CHECK_RANGE(str, y, m, d_, ey, em, ed) do { \
	int ok_; \
	lit_date dd_ = parse(str, &ok_); \
	cr_assert_eq(ok_, 1, "not parsed: %s", str); \
	cr_expect_eq(dd_.year, y, "%s: year %d", str, dd_.year); \
	cr_expect_eq(dd_.month, m, "%s: month %d", str, dd_.month); \
	cr_expect_eq(dd_.day, d_, "%s: day %d", str, dd_.day); \
	cr_expect_eq(dd_.end_year, ey, "%s: end year %d", str, dd_.end_year); \
	cr_expect_eq(dd_.end_month, em, "%s: end month %d", str, dd_.end_month); \
	cr_expect_eq(dd_.end_day, ed, "%s: end day %d", str, dd_.end_day); \
} while (0)

Test(date, iso)
{
	CHECK_DATE("2024-05-01", 2024, 5, 1);
	CHECK_DATE("2024-05", 2024, 5, 0);
	CHECK_DATE("2024", 2024, 0, 0);
	CHECK_DATE("  2024-5-1  ", 2024, 5, 1);
	CHECK_DATE("2024-05-01T12:30:45Z", 2024, 5, 1);
	CHECK_DATE("20240501", 2024, 5, 1);
	CHECK_DATE("2023.07.27", 2023, 7, 27);
}

Test(date, ris)
{
	CHECK_DATE("2024/05/01/12:00:00", 2024, 5, 1);
	CHECK_DATE("2007///", 2007, 0, 0);
	CHECK_DATE("2007/05/01/", 2007, 5, 1);
	CHECK_DATE("2007/05//", 2007, 5, 0);
	CHECK_DATE("2007/05/01/Spring", 2007, 5, 1);
}

Test(date, ranges)
{
	CHECK_RANGE("1999/2001", 1999, 0, 0, 2001, 0, 0);
	CHECK_RANGE("1999-2001", 1999, 0, 0, 2001, 0, 0);
	CHECK_RANGE("1999\xe2\x80\x93" "2001", 1999, 0, 0, 2001, 0, 0);
	CHECK_RANGE("2004-05/2004-06", 2004, 5, 0, 2004, 6, 0);
	CHECK_RANGE("2004-05-01/2004-05-03", 2004, 5, 1, 2004, 5, 3);
	CHECK_RANGE("27.07.2023-29.07.2023", 2023, 7, 27, 2023, 7, 29);
	CHECK_RANGE("18-20 August 2023", 2023, 8, 18, 2023, 8, 20);
	CHECK_RANGE("May\xe2\x80\x93June 2020", 2020, 5, 0, 2020, 6, 0);
	CHECK_RANGE("2019\xe2\x80\x93" "2020 гг.", 2019, 0, 0, 2020, 0, 0);
	CHECK_RANGE("1 марта 2020 по 5 марта 2020", 2020, 3, 1, 2020, 3, 5);
}

Test(date, european_and_us)
{
	CHECK_DATE("27.07.2023", 2023, 7, 27);
	CHECK_DATE("27.07.2023 г.", 2023, 7, 27);
	CHECK_DATE("1.7.2023", 2023, 7, 1);
	CHECK_DATE("07.2022", 2022, 7, 0);
	CHECK_DATE("07/18/2022", 2022, 7, 18);
	CHECK_DATE("18/07/2022", 2022, 7, 18); /* first part > 12: day first */
	CHECK_DATE("05/06/2022", 2022, 5, 6);  /* ambiguous: US order */
	CHECK_DATE("18-07-2022", 2022, 7, 18);
}

Test(date, english_names)
{
	CHECK_DATE("August 18, 2023", 2023, 8, 18);
	CHECK_DATE("18 August 2023", 2023, 8, 18);
	CHECK_DATE("Aug. 2023", 2023, 8, 0);
	CHECK_DATE("Aug 18 2023", 2023, 8, 18);
	CHECK_DATE("sept 2001", 2001, 9, 0);
	CHECK_DATE("December 2019", 2019, 12, 0);
	CHECK_DATE("1st March 2020", 2020, 3, 1);
}

Test(date, russian_names)
{
	CHECK_DATE("18 авг. 2023", 2023, 8, 18);
	CHECK_DATE("18 августа 2023 г.", 2023, 8, 18);
	CHECK_DATE("май 2020", 2020, 5, 0);
	CHECK_DATE("Май 2020", 2020, 5, 0);
	CHECK_DATE("1 мая 2020", 2020, 5, 1);
	CHECK_DATE("Декабрь 1999", 1999, 12, 0);
	CHECK_DATE("3 сентября 2021 г.", 2021, 9, 3);
	CHECK_DATE("в марте 2018 г.", 2018, 3, 0);
	CHECK_DATE("2023 г.", 2023, 0, 0);
}

Test(date, seasons)
{
	int ok;
	lit_date d = parse("Spring 2004", &ok);
	cr_assert_eq(ok, 1);
	cr_expect_eq(d.year, 2004);
	cr_expect_eq(d.season, LIT_SEASON_SPRING);
	cr_expect_eq(d.month, 0);
	d = parse("весна 2004", &ok);
	cr_expect_eq(d.season, LIT_SEASON_SPRING);
	d = parse("Fall 1999", &ok);
	cr_expect_eq(d.season, LIT_SEASON_AUTUMN);
	d = parse("зима 2010", &ok);
	cr_expect_eq(d.season, LIT_SEASON_WINTER);
	cr_expect_eq(d.year, 2010);
	d = parse("Summer 2001", &ok);
	cr_expect_eq(d.season, LIT_SEASON_SUMMER);
	d = parse("2004-22", &ok); /* EDTF season code: summer */
	cr_expect_eq(d.year, 2004);
	cr_expect_eq(d.season, LIT_SEASON_SUMMER);
	cr_expect_eq(d.month, 0);
}

Test(date, circa)
{
	const char *forms[] = { "ca. 1850", "c. 1850", "[1850?]", "circa 1850", "около 1850", "1850~" };
	size_t i;
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		int ok;
		lit_date d = parse(forms[i], &ok);
		cr_expect_eq(ok, 1, "%s", forms[i]);
		cr_expect_eq(d.year, 1850, "%s", forms[i]);
		cr_expect_eq(d.circa, 1, "%s", forms[i]);
	}
	{
		int ok;
		lit_date d = parse("1850", &ok);
		cr_expect_eq(d.circa, 0);
	}
}

Test(date, not_dates)
{
	const char *bad[] = { "", "junk", "5", "vol. 12", "May", "\xff\xfe", "--//..", NULL };
	size_t i;
	for (i = 0; bad[i]; i++) {
		int ok;
		lit_date d = parse(bad[i], &ok);
		cr_expect_eq(ok, 0, "'%s' parsed", bad[i]);
		cr_expect_eq(d.year, 0);
		cr_expect_null(d.literal);
	}
	cr_expect_eq(lit_date_parse(NULL, 0, &(lit_date){0}), 0);
}

Test(date, long_input_is_bounded)
{
	size_t n = 1 << 20, i;
	char *s = malloc(n + 1);
	cr_assert_not_null(s);
	for (i = 0; i < n; i++)
		s[i] = (char)("2024-/. 1a"[i % 10]);
	s[n] = '\0';
	{
		lit_date d;
		lit_date_parse(s, n, &d); /* must return, whatever it finds */
	}
	memcpy(s, "2021-03-04 ", 11);
	{
		lit_date d;
		cr_expect_eq(lit_date_parse(s, n, &d), 1);
		cr_expect_eq(d.year, 2021);
		cr_expect_eq(d.month, 3);
	}
	free(s);
}

Test(date, month_names)
{
	struct { const char *s; int m; } t[] = {
		{ "January", 1 }, { "jan", 1 }, { "Jan.", 1 }, { "FEB", 2 }, { "March", 3 },
		{ "apr", 4 }, { "May", 5 }, { "june", 6 }, { "Jul", 7 }, { "aug", 8 },
		{ "Sept", 9 }, { "sep", 9 }, { "Oct.", 10 }, { "nov", 11 }, { "December", 12 },
		{ "январь", 1 }, { "января", 1 }, { "январе", 1 }, { "янв.", 1 },
		{ "Февраль", 2 }, { "февраля", 2 }, { "февр.", 2 }, { "фев", 2 },
		{ "март", 3 }, { "марта", 3 }, { "марте", 3 }, { "мар", 3 },
		{ "апрель", 4 }, { "апреля", 4 }, { "апр.", 4 },
		{ "май", 5 }, { "мая", 5 }, { "мае", 5 },
		{ "июнь", 6 }, { "июня", 6 }, { "июн", 6 },
		{ "июль", 7 }, { "июля", 7 }, { "июл.", 7 },
		{ "август", 8 }, { "августа", 8 }, { "АВГ", 8 },
		{ "сентябрь", 9 }, { "сентября", 9 }, { "сент.", 9 }, { "сен", 9 },
		{ "октябрь", 10 }, { "октября", 10 }, { "окт", 10 },
		{ "ноябрь", 11 }, { "ноября", 11 }, { "нояб.", 11 },
		{ "декабрь", 12 }, { "декабря", 12 }, { "декабрём", 12 }, { "дек", 12 },
		{ "ДЕКАБРЯ", 12 },
		{ "", 0 }, { "ma", 0 }, { "xyz", 0 }, { "мама", 0 }, { "spring", 0 },
		{ "июнььь", 0 }, { "decade", 0 },
	};
	size_t i;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		cr_expect_eq(lit_month_from_name(t[i].s, strlen(t[i].s)), t[i].m,
		             "%s -> %d", t[i].s, lit_month_from_name(t[i].s, strlen(t[i].s)));
	cr_expect_eq(lit_month_from_name(NULL, 0), 0);
	cr_expect_eq(lit_month_from_name("augustXYZ", 6), 8); /* length respected */
}

static void check_iso(const lit_date *d, const char *want, int ret)
{
	lit_buf b = LIT_BUF_INIT;
	cr_expect_eq(lit_date_put_iso(&b, d), ret);
	cr_expect_str_eq(lit_buf_cstr(&b), want);
	lit_buf_free(&b);
}

Test(date, put_iso)
{
	lit_date d = { 0 };
	check_iso(&d, "", 0);
	d.year = 2024;
	check_iso(&d, "2024", 1);
	d.month = 5;
	check_iso(&d, "2024-05", 1);
	d.day = 1;
	check_iso(&d, "2024-05-01", 1);
	d.end_year = 2024;
	d.end_month = 6;
	check_iso(&d, "2024-05-01/2024-06", 1);
	memset(&d, 0, sizeof(d));
	d.year = 850;
	check_iso(&d, "0850", 1);
	d.year = -44;
	check_iso(&d, "-0044", 1);
	d.year = 2001;
	d.day = 5; /* a day without a month is not printed */
	check_iso(&d, "2001", 1);
}

Test(date, round_trip_iso)
{
	const char *s[] = { "2024-05-01", "2024-05", "1999", "1999/2001", "2004-05/2004-06", NULL };
	size_t i;
	for (i = 0; s[i]; i++) {
		lit_date d;
		lit_buf b = LIT_BUF_INIT;
		cr_assert_eq(lit_date_parse(s[i], strlen(s[i]), &d), 1);
		lit_date_put_iso(&b, &d);
		cr_expect_str_eq(lit_buf_cstr(&b), s[i]);
		lit_buf_free(&b);
	}
}

Test(date, ris_other_part_season)
{
	int ok;
	lit_date d = parse("2004///Spring", &ok);
	cr_assert_eq(ok, 1);
	cr_expect_eq(d.year, 2004);
	cr_expect_eq(d.month, 0);
	cr_expect_eq(d.season, LIT_SEASON_SPRING);
	cr_expect_eq(d.end_year, 0);
	d = parse("2004/06//Summer", &ok);
	cr_expect_eq(d.month, 6);
	cr_expect_eq(d.end_year, 0);
}

Test(date, abbreviated_end_year)
{
	CHECK_RANGE("2020/21", 2020, 0, 0, 2021, 0, 0);
	CHECK_RANGE("1999/00", 1999, 0, 0, 2000, 0, 0);
	CHECK_RANGE("2019-20", 2019, 0, 0, 2020, 0, 0);
	CHECK_DATE("2020-13", 2020, 0, 0); /* not a plausible range */
}

Test(date, free_text_around)
{
	CHECK_DATE("(дата обращения: 12.03.2021)", 2021, 3, 12);
	CHECK_DATE("2019, 15 May", 2019, 5, 15);
	CHECK_DATE("2020a", 2020, 0, 0);
	CHECK_DATE("1995\xe2\x80\x93", 1995, 0, 0);
	CHECK_DATE("12:30 15.05.2019", 2019, 5, 15);
	CHECK_DATE("2019-05-15 12:30", 2019, 5, 15);
	CHECK_DATE("15 мая 2019 года", 2019, 5, 15);
	CHECK_DATE("March 3rd, 2020", 2020, 3, 3);
	CHECK_DATE("Vol. 5, 2019", 2019, 0, 0);
}

/* lit_date_parse_text: dates inside reference strings */
static lit_date parse_text(const char *s, int *ok)
{
	lit_date d;
	*ok = lit_date_parse_text(s, strlen(s), &d);
	return d;
}

#define CHECK_TEXT(str, y, m, d_, ey, em, ed, c) do { \
	int ok_; \
	lit_date dd_ = parse_text(str, &ok_); \
	cr_assert_eq(ok_, 1, "not parsed: %s", str); \
	cr_expect_eq(dd_.year, y, "%s: year %d", str, dd_.year); \
	cr_expect_eq(dd_.month, m, "%s: month %d", str, dd_.month); \
	cr_expect_eq(dd_.day, d_, "%s: day %d", str, dd_.day); \
	cr_expect_eq(dd_.end_year, ey, "%s: end year %d", str, dd_.end_year); \
	cr_expect_eq(dd_.end_month, em, "%s: end month %d", str, dd_.end_month); \
	cr_expect_eq(dd_.end_day, ed, "%s: end day %d", str, dd_.end_day); \
	cr_expect_eq(dd_.circa, c, "%s: circa %d", str, dd_.circa); \
} while (0)

Test(date, running_text)
{
	/* only four-digit years; a volume is no year, a stray number no day */
	CHECK_TEXT("Vol. 123 (2004)", 2004, 0, 0, 0, 0, 0, 0);
	CHECK_TEXT("2: 1 (Sept. 1985)", 1985, 9, 0, 0, 0, 0, 0);
	CHECK_TEXT("Archéopages, 17, décembre 2005", 2005, 12, 0, 0, 0, 0, 0);
	CHECK_TEXT("2010 Dec;24(4):847-52", 2010, 12, 0, 0, 0, 0, 0);
	/* French and German months */
	CHECK_TEXT("12 mars 2004", 2004, 3, 12, 0, 0, 0, 0);
	CHECK_TEXT("Dez. 1999", 1999, 12, 0, 0, 0, 0, 0);
	/* a year suffix and a URL's '?' are not "circa"; "1850?" is */
	CHECK_TEXT("2014c", 2014, 0, 0, 0, 0, 0, 0);
	CHECK_TEXT("2014 https://www.youtube.com/watch?v=yzS", 2014, 0, 0, 0, 0, 0, 0);
	CHECK_TEXT("[1850?]", 1850, 0, 0, 0, 0, 0, 1);
	/* "2013/2": year and issue; pages after the year are no range */
	CHECK_TEXT("Gestion et management public, 2013/2", 2013, 0, 0, 0, 0, 0, 0);
	CHECK_TEXT("(2011) 1975-1986", 2011, 0, 0, 0, 0, 0, 0);
	/* ranges of days and years */
	CHECK_TEXT("May 15 -20,2000 ( 2000)", 2000, 5, 15, 2000, 5, 20, 0);
	CHECK_TEXT("1922- 1980", 1922, 0, 0, 1980, 0, 0, 0);
	CHECK_TEXT("26 August 2019 -30 August 2019", 2019, 8, 26, 2019, 8, 30, 0);
	/* two dates: the first */
	CHECK_TEXT("2 Aug. 2001. 23 Jan. 2002", 2001, 8, 2, 0, 0, 0, 0);
	CHECK_TEXT("(2014, Aug. 29). Retrieved Nov. 20, 2014", 2014, 8, 29, 0, 0, 0, 0);
	/* a year before ':' is no time of day */
	CHECK_TEXT("August 17, 2015: http://www.fjp.mg.gov.br", 2015, 8, 17, 0, 0, 0, 0);
	/* the strict reader keeps its conventions */
	{
		int ok;
		lit_date d = parse("Vol. 123", &ok);
		cr_expect_eq(d.year, 123);
		d = parse("2013/2", &ok);
		cr_expect_eq(d.month, 2);
		cr_expect_eq(lit_month_from_name("mars", 4), 0);
		cr_expect_eq(lit_month_from_name_any("mars", 4), 3);
		cr_expect_eq(lit_month_from_name_any("August", 6), 8);
	}
}

/* an open range: "1987–" and "1987/" in data; not in running text */
Test(date, open_end)
{
	const char *s[] = { "1987\xe2\x80\x93", "1987/", "1987/..", "1987-", NULL };
	for (size_t i = 0; s[i]; i++) {
		lit_date d;
		cr_assert_eq(lit_date_parse(s[i], strlen(s[i]), &d), 1);
		cr_expect_eq(d.year, 1987);
		cr_expect_eq(d.open_end, 1, "%s", s[i]);
		cr_expect_eq(d.end_year, 0);
	}
	{
		lit_date d;
		lit_buf b = LIT_BUF_INIT;
		cr_assert_eq(lit_date_parse("1987/", 5, &d), 1);
		lit_date_put_iso(&b, &d);
		cr_expect_str_eq(lit_buf_cstr(&b), "1987/");
		lit_buf_free(&b);
		cr_assert_eq(lit_date_parse("1987/1990", 9, &d), 1);
		cr_expect_eq(d.open_end, 0);
		cr_assert_eq(lit_date_parse_text("pp. 2007-", 9, &d), 1);
		cr_expect_eq(d.open_end, 0);
	}
}
