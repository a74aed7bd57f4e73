/*
 * names.h - splitting personal names written as text into lit_name parts.
 */
#ifndef LIT_UTIL_NAMES_H
#define LIT_UTIL_NAMES_H

#include <stddef.h>
#include "litera/record.h"

/* A lit_name whose strings are owned by the struct (free with lit_owned_name_free). */
typedef struct lit_owned_name {
	lit_name n;
	char *mem[6];
} lit_owned_name;

/* Split one BibTeX-style name ("von Last, Jr, First", "von Last, First",
 * "First von Last"; a name wrapped in braces is an organisation: literal).
 * Also accepts "Иванов И. И." / "И. И. Иванов" (initials recognised). */
int lit_name_split(const char *s, size_t len, lit_owned_name *out);
void lit_owned_name_free(lit_owned_name *n);

#endif
