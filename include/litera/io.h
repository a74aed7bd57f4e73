/*
 * litera/io.h - reading and writing bibliography formats.
 *
 * Readers and writers are looked up by name in one table ("bibtex",
 * "biblatex", "ris", "csljson", "endnote", "endnotexml", "mods", "isi",
 * "medline", "nbib", "word", "ads", "copac", "gost", ...).  The input format
 * and the text encoding are detected from the content unless given.
 */
#ifndef LITERA_IO_H
#define LITERA_IO_H

#include <stdio.h>
#include "common.h"
#include "record.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Description of one format known to the library. */
typedef struct lit_format_info {
	const char *name;        /**< "bibtex" */
	const char *description; /**< "BibTeX database" */
	int can_read;
	int can_write;
} lit_format_info;

/** Number of known formats. */
LIT_EXTERN(size_t) lit_format_count(void);
/** The i-th format; NULL when out of range. */
LIT_EXTERN(const lit_format_info *) lit_format_at(size_t i);
/** Look up a format by name (case-insensitive, aliases accepted); NULL if unknown. */
LIT_EXTERN(const lit_format_info *) lit_format_find(const char *name);

/**
 * Guess the format of `data` (already UTF-8).  Returns the format name or
 * NULL when nothing matches.
 */
LIT_EXTERN(const char *) lit_detect_format(const char *data, size_t len);

/** Options for reading. */
typedef struct lit_read_options {
	unsigned version;
	const char *format;   /**< reader name; NULL detects from content */
	const char *encoding; /**< "utf-8", "utf-16", "cp1251", "koi8-r"; NULL detects */
	const char *filename; /**< name used in messages and provenance; may be NULL */
	size_t max_input;     /**< refuse inputs larger than this (bytes); 0 = 256 MiB */
} lit_read_options;

#define LIT_READ_OPTIONS_VERSION 1
#define LIT_READ_OPTIONS_INIT { LIT_READ_OPTIONS_VERSION, NULL, NULL, NULL, 0 }

/**
 * Read records from a buffer and append them to `out`.  The bytes are
 * decoded to UTF-8 first (BOM, UTF-16, CP1251 and KOI8-R are detected).
 * On failure `out` keeps the records read before the error, and `err`
 * (if not NULL) says what and where.
 */
LIT_EXTERN(int) lit_read_buffer(lit_records *out, const char *data, size_t len,
                                const lit_read_options *opts, lit_error *err);

/** Read a file ("-" is standard input); see lit_read_buffer(). */
LIT_EXTERN(int) lit_read_file(lit_records *out, const char *path,
                              const lit_read_options *opts, lit_error *err);

/** Options for writing. */
typedef struct lit_write_options {
	unsigned version;
	int keep_ids;        /**< non-zero: keep existing ids as BibTeX keys when unique */
	const char *style;   /**< style name/path for formatted output (e.g. "gost"), NULL = writer default */
} lit_write_options;

#define LIT_WRITE_OPTIONS_VERSION 1
#define LIT_WRITE_OPTIONS_INIT { LIT_WRITE_OPTIONS_VERSION, 1, NULL }

/**
 * Render `records` in `format` to a new NUL-terminated UTF-8 buffer
 * (no BOM).  On success *out receives the buffer, which the caller frees
 * with lit_free(), and *outlen its length.  Records are not changed.
 */
LIT_EXTERN(int) lit_write_buffer(const lit_records *records, const char *format,
                                 const lit_write_options *opts, char **out,
                                 size_t *outlen, lit_error *err);

/**
 * Render to a file: the output is written to a temporary file in the same
 * directory and renamed into place, so a failure never leaves a partial
 * file.  `path` NULL or "-" writes to standard output.
 */
LIT_EXTERN(int) lit_write_file(const lit_records *records, const char *format,
                               const lit_write_options *opts, const char *path,
                               lit_error *err);

/**
 * Write `len` bytes to `path` atomically (temporary file + rename); NULL or
 * "-" writes to standard output.  Used by every command that writes a file.
 */
LIT_EXTERN(int) lit_write_atomic(const char *path, const char *data, size_t len,
                                 lit_error *err);

/**
 * Decode `data` to UTF-8.  `encoding` NULL detects (BOM, UTF-16 by zero
 * bytes, valid UTF-8, else CP1251 or KOI8-R by letter statistics).  Invalid
 * UTF-8 sequences in UTF-8 input are an error reported with their line.
 * On success *out (free with lit_free()) and *outlen receive the text, and
 * *detected (if not NULL) the name of the encoding used.
 */
LIT_EXTERN(int) lit_decode_text(const char *data, size_t len, const char *encoding,
                                char **out, size_t *outlen, const char **detected,
                                lit_error *err);

#ifdef __cplusplus
}
#endif

#endif
