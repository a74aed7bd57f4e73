/*
 * bibtex.c - BibTeX and BibLaTeX reader and writers (placeholder, being written).
 */
#include "io/format.h"

const lit_format_def lit_format_bibtex = {
	{ "bibtex", "BibTeX database", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

const lit_format_def lit_format_biblatex = {
	{ "biblatex", "BibLaTeX database", 0, 0 },
	NULL, NULL, NULL, NULL, NULL, NULL, NULL
};
