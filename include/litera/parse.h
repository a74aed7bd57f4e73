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

#ifdef __cplusplus
}
#endif

#endif
