/*
 * format.h - the one table of readers and writers, and the shared writing
 * driver.
 *
 * Each format is one file defining one `lit_format_def` and one row in
 * formats.c.  A reader turns UTF-8 text into records; a writer is either
 * streaming (begin/record/end, called by the driver for each record) or
 * whole-list (write_all, for formats that need every record at once).
 * Writers append to ctx->out and must not change the records.
 */
#ifndef LIT_IO_FORMAT_H
#define LIT_IO_FORMAT_H

#include "litera/io.h"
#include "../util/buf.h"

typedef struct lit_wctx {
	lit_buf *out;                    /* where the writer appends */
	const lit_write_options *opts;   /* never NULL */
	lit_error *err;                  /* may be NULL */
	const lit_records *records;      /* the whole list being written */
	size_t index;                    /* index of the current record */
	void *state;                     /* writer-private, set in begin, freed in end */
} lit_wctx;

typedef struct lit_format_def {
	lit_format_info info;
	const char *aliases;   /* space-separated other names, or NULL */
	/* 0..100: how sure the content is in this format (input already UTF-8). */
	int (*detect)(const char *data, size_t len);
	/* Append records read from UTF-8 `data` to `out`; `filename` for messages. */
	int (*read)(lit_records *out, const char *data, size_t len,
	            const char *filename, lit_error *err);
	int (*write_begin)(lit_wctx *ctx);
	int (*write_record)(lit_wctx *ctx, const lit_record *rec);
	int (*write_end)(lit_wctx *ctx);
	int (*write_all)(lit_wctx *ctx, const lit_records *records);
} lit_format_def;

/* Lookup in the table (name or alias, case-insensitive). */
const lit_format_def *lit_format_def_find(const char *name);

/* Unique BibTeX-style keys for every record of a list ("ivanov2020sblizhenie"):
 * author family name, year, first significant title word, transliterated;
 * duplicates get a, b, c...  Existing ids are kept when keep_ids and unique.
 * Returns an array of `count` strings (free with lit_keys_free). */
char **lit_make_keys(const lit_records *records, int keep_ids);
void lit_keys_free(char **keys, size_t count);

/* Every format definition (defined in their own files). */
extern const lit_format_def lit_format_bibtex;
extern const lit_format_def lit_format_biblatex;
extern const lit_format_def lit_format_ris;
extern const lit_format_def lit_format_csljson;
extern const lit_format_def lit_format_endnote;     /* bibutils.c */
extern const lit_format_def lit_format_endnotexml;
extern const lit_format_def lit_format_mods;
extern const lit_format_def lit_format_isi;
extern const lit_format_def lit_format_medline;
extern const lit_format_def lit_format_nbib;
extern const lit_format_def lit_format_word;
extern const lit_format_def lit_format_ads;
extern const lit_format_def lit_format_copac;
extern const lit_format_def lit_format_gost;        /* csl/gost_format.c */
extern const lit_format_def lit_format_gost2008;

#endif
