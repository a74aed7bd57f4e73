/*
 * litera/parse.h - turning reference strings into records.
 *
 * A lit_parser holds a trained sequence-labelling model (loaded once) and
 * is read-only afterwards, so one parser may serve several threads.
 */
#ifndef LITERA_PARSE_H
#define LITERA_PARSE_H

#include <stddef.h>
#include "common.h"
#include "record.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct lit_parser lit_parser;

typedef struct lit_parse_options {
	unsigned version;
	const char *model_path; /**< model file; NULL uses the built-in model */
} lit_parse_options;

#define LIT_PARSE_OPTIONS_VERSION 1
#define LIT_PARSE_OPTIONS_INIT { LIT_PARSE_OPTIONS_VERSION, NULL }

/** Load a parser.  On success *out receives it; free with lit_parser_free(). */
LIT_EXTERN(int) lit_parser_new(lit_parser **out, const lit_parse_options *opts, lit_error *err);
LIT_EXTERN(void) lit_parser_free(lit_parser *parser);

/**
 * Parse one reference string (UTF-8) into a new record (*out, owned by the
 * caller).  A string that yields little still gives a record (with what
 * could be found); the raw text is stored with lit_record_set_raw().
 */
LIT_EXTERN(int) lit_parse_reference(const lit_parser *parser, const char *text, size_t len,
                                    lit_record **out, lit_error *err);

/**
 * Label the tokens of one reference string and write them as one AnyStyle
 * XML <sequence> element (`<author>...</author> <title>...</title>`), the
 * form `litera train` reads back: correct the labels by hand and retrain.
 * On success *out receives a NUL-terminated string the caller frees with
 * lit_free().
 */
LIT_EXTERN(int) lit_parse_labels(const lit_parser *parser, const char *text, size_t len,
                                 char **out, lit_error *err);

/** Whether the parser runs a trained model (1) or the rule-based fallback (0). */
LIT_EXTERN(int) lit_parser_has_model(const lit_parser *parser);

/** Options for lit_parser_train(). */
typedef struct lit_train_options {
	unsigned version;
	int epochs;          /**< passes over the data; 0 = default (12) */
	int min_count;       /**< drop features seen fewer times; 0 = default (2) */
	unsigned seed;       /**< shuffling seed; 0 = fixed default */
	int emit_c;          /**< non-zero: write C source (an embeddable array) instead of a binary model */
	int verbose;         /**< progress on stderr */
	int prune;           /**< drop weights below this many 1/32000ths of the largest; 0 = default (2) */
} lit_train_options;

#define LIT_TRAIN_OPTIONS_VERSION 1
#define LIT_TRAIN_OPTIONS_INIT { LIT_TRAIN_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0 }

/**
 * Train a model from labelled references and write it to `out_path`.
 * `files` are AnyStyle XML datasets (<dataset><sequence><author>...) or
 * GROBID TEI files with <bibl> elements; a directory stands for the .xml
 * files in it.  The model is refused by a parser built with another
 * feature set (it records the feature version).  Returns LIT_OK or an
 * error (file and line of bad input in err).
 */
LIT_EXTERN(int) lit_parser_train(const char *const *files, size_t nfiles, const char *out_path,
                                 const lit_train_options *opts, lit_error *err);

#ifdef __cplusplus
}
#endif

#endif
