/*
 * pfields.h - helpers of the parser's post-processing: dates and personal
 * names as written in reference strings.
 */
#ifndef LIT_PARSE_PFIELDS_H
#define LIT_PARSE_PFIELDS_H

#include <stddef.h>
#include "litera/record.h"

/* Parse a date from s[0..len); returns 1 when a year (or a full numeric
 * date) was found.  out is zeroed first; out->literal stays NULL. */
int lit_pdate_parse(const char *s, size_t len, lit_date *out);
/* Month 1-12 for an English, Russian, French or German month word; 0 if none. */
int lit_pdate_month(const char *w, size_t len);

/*
 * Split a list of names ("Romero, C., Paunesku, D., & Dweck, C.",
 * "Иванов И. И., Петров П. П.", "S. E. Han, G. Chen", "Pérez-Higueras JJ,
 * Arias A", "Univalent Foundations Program") and add them to `var` of rec.
 * "et al." / "и др." set the et-al flag.  Returns the number of names added.
 */
size_t lit_pnames_add(lit_record *rec, lit_var var, const char *s, size_t len);

#endif
