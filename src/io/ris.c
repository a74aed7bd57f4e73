/*
 * ris.c - RIS reader and writer (placeholder, being written).
 */
#include "io/format.h"

const lit_format_def lit_format_ris = {
	{ "ris", "RIS (Zotero conventions)", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};
