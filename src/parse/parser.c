/*
 * parser.c - reference-string parser (placeholder while it is being written).
 */
#include <stdlib.h>
#include "litera/parse.h"

struct lit_parser { int dummy; };

int lit_parser_new(lit_parser **out, const lit_parse_options *opts, lit_error *err)
{
	(void)opts;
	*out = NULL;
	return lit_error_set(err, LIT_EUNSUPPORTED, NULL, 0, "reference parser not built yet");
}

void lit_parser_free(lit_parser *parser) { free(parser); }

int lit_parse_reference(const lit_parser *parser, const char *text, size_t len,
                        lit_record **out, lit_error *err)
{
	(void)parser; (void)text; (void)len;
	*out = NULL;
	return lit_error_set(err, LIT_EUNSUPPORTED, NULL, 0, "reference parser not built yet");
}
