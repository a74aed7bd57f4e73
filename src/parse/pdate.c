/*
 * pdate.c - dates as they appear inside reference strings: "2024",
 * "(2011a)", "27.07.2023", "07/18/2022", "2024-05-01", "August 18, 2023",
 * "18 авг. 2023", "20 июля 2023 г.", "12 mars 2004", "Spring 2004",
 * "1999-2001", "2017/18".  The shared date reader (util/date.c) in its
 * running-text mode does the work: there only four-digit numbers are
 * years, so a volume or report number next to the year is not taken.
 */
#include "pfields.h"
#include "util/date.h"

int lit_pdate_parse(const char *s, size_t len, lit_date *out)
{
	return lit_date_parse_text(s, len, out);
}

int lit_pdate_month(const char *w, size_t len)
{
	return lit_month_from_name_any(w, len);
}
