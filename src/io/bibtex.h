/*
 * bibtex.h - internals shared by the BibTeX/BibLaTeX reader
 * (bibtex_read.c), the writers (bibtex_write.c) and the format table
 * entries (bibtex.c): the entry-type and language tables.
 */
#ifndef LIT_IO_BIBTEX_H
#define LIT_IO_BIBTEX_H

#include "io/format.h"

/* Custom-entry keys the reader sets and the writers read back. */
#define LIT_BIB_CUSTOM_TYPE "bibtex-type"   /* original entry type when not the default */
#define LIT_BIB_CUSTOM_PREFIX "bibtex-"     /* + field name: unmapped fields, raw LaTeX */

enum {
	LIT_BIBT_CANON = 1,   /* preferred name for its CSL type */
	LIT_BIBT_CLASSIC = 2, /* written by the classic BibTeX writer */
	LIT_BIBT_LATEX = 4    /* written by the BibLaTeX writer */
};

typedef struct lit_bib_type {
	const char *name;   /* lower-case entry type */
	lit_type type;
	unsigned flags;
} lit_bib_type;

/* Row for a (lower-case) entry type name; NULL when unknown. */
const lit_bib_type *lit_bibtex_type_find(const char *name);

/* Entry type to write for `rec` in the classic (biblatex = 0) or BibLaTeX
 * dialect: the original type kept by the reader when it still fits,
 * otherwise the default for the CSL type.  Never NULL. */
const char *lit_bibtex_type_for(const lit_record *rec, int biblatex);

/* "russian", "Russian", "langrussian", "ru-RU", "rus", "русский" -> "ru";
 * NULL when not recognised. */
const char *lit_bibtex_lang_to_bcp47(const char *name);
/* "ru", "ru-RU" -> "russian"; NULL when not recognised. */
const char *lit_bibtex_lang_to_babel(const char *bcp47);

/* The reader (both dialects): see lit_format_def.read. */
int lit_bibtex_read(lit_records *out, const char *data, size_t len,
                    const char *filename, lit_error *err);
/* Detection score 0..100. */
int lit_bibtex_detect(const char *data, size_t len);

/* Writers (bibtex_write.c). */
int lit_bibtex_write_begin(lit_wctx *ctx);
int lit_bibtex_write_record(lit_wctx *ctx, const lit_record *rec);
int lit_biblatex_write_record(lit_wctx *ctx, const lit_record *rec);
int lit_bibtex_write_end(lit_wctx *ctx);

#endif
