/*
 * gost_format.c - GOST list writers through the CSL engine (placeholder, being written).
 */
#include "io/format.h"

const lit_format_def lit_format_gost = {
	{ "gost", "GOST R 7.0.100-2018 list (text)", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_gost2008 = {
	{ "gost-2008", "GOST R 7.0.5-2008 list (text)", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};
