/*
 * date.h - parsing and printing dates in the forms references use:
 * ISO 8601 and EDTF-like ("2024-05-01", "2024/05/01/12:00:00" as in RIS,
 * "1999-2001", "2004-05/2004-06"), European numeric ("27.07.2023"),
 * US numeric ("07/18/2022"), month names in English and Russian
 * ("August 18, 2023", "18 авг. 2023", "18 августа 2023 г.", "May 2020"),
 * seasons ("Spring 2004"), circa ("ca. 1850", "[1850?]") and bare years.
 */
#ifndef LIT_UTIL_DATE_H
#define LIT_UTIL_DATE_H

#include <stddef.h>
#include "litera/record.h"

/* Parse `s` into *out (zeroed first).  Returns 1 when at least a year was
 * found, 0 otherwise (out->literal is left NULL either way: callers that
 * want to keep unparsed text set it themselves). */
int lit_date_parse(const char *s, size_t len, lit_date *out);
/* As lit_date_parse, for a date inside running text such as a reference
 * string ("(2011a)", "Vol. 5, 2004", "TASS. 11/03/2021", "12 mars 2004"):
 * only four-digit numbers from 1000 to 2200 are years, and French and
 * German month names are known too. */
int lit_date_parse_text(const char *s, size_t len, lit_date *out);
/* Month number 1-12 for an English or Russian month name or abbreviation
 * (any case, any grammatical case: "авг", "августа", "Aug", "August"); 0 if none. */
int lit_month_from_name(const char *s, size_t len);
/* As lit_month_from_name, also French and German names ("juillet",
 * "août", "März", "Dez."). */
int lit_month_from_name_any(const char *s, size_t len);
/* ISO-style text "YYYY", "YYYY-MM", "YYYY-MM-DD", ranges joined by "/".
 * Appends to b; returns 0 when the date has no year (nothing written). */
#include "buf.h"
int lit_date_put_iso(lit_buf *b, const lit_date *d);

#endif
