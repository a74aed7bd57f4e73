/*
 * bibutils.c - the one adapter to libbibutils (placeholder, being written).
 */
#include "io/format.h"

const lit_format_def lit_format_endnote = {
	{ "endnote", "EndNote tagged (refer)", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_endnotexml = {
	{ "endnotexml", "EndNote XML", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_mods = {
	{ "mods", "MODS XML", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_isi = {
	{ "isi", "ISI Web of Science", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_medline = {
	{ "medline", "Medline XML", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_nbib = {
	{ "nbib", "PubMed NBIB", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_word = {
	{ "word", "Word 2007 bibliography XML", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_ads = {
	{ "ads", "ADS abstracts", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_copac = {
	{ "copac", "COPAC", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};
