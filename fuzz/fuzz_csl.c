/*
 * fuzz_csl.c - libFuzzer target for the CSL processor.  The input is a
 * style, a line "=====", and CSL-JSON records; the style is loaded, the
 * records read, and a bibliography plus one citation of every record are
 * rendered in HTML.  Inputs without the separator are tried as a style
 * against a small built-in record list.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "litera.h"
#include "litera/csl.h"

static const char default_records[] =
	"[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T <i>x</i> \\\"q\\\"\",\"author\":[{\"family\":\"Doe\",\"given\":\"J. P.\"},"
	"{\"family\":\"van Roe\",\"given\":\"Ann, Jr.\"}],\"issued\":{\"date-parts\":[[2000,13,1],[2001,2]]},\"page\":\"5-9\"},"
	"{\"id\":\"b\",\"type\":\"article-journal\",\"title\":\"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80\","
	"\"author\":[{\"literal\":\"Org\"}],\"issued\":{\"date-parts\":[[-50]]},\"edition\":\"2\",\"volume\":\"1-3\"}]";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1u << 20))
		return 0;
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = 0;
	const char *recs_json = default_records;
	size_t style_len = size;
	char *sep = strstr(text, "\n=====\n");
	if (sep) {
		style_len = (size_t)(sep - text);
		recs_json = sep + 7;
	}
	lit_csl_style *st = NULL;
	lit_records *recs = lit_records_new();
	lit_error err;
	if (recs && lit_csl_style_load_buffer(&st, text, style_len, "fuzz", NULL, &err) == LIT_OK) {
		lit_read_options ro = LIT_READ_OPTIONS_INIT;
		ro.format = "csljson";
		lit_read_buffer(recs, recs_json, strlen(recs_json), &ro, &err);
		lit_csl_engine *eng = NULL;
		if (lit_csl_engine_new(&eng, st, recs, LIT_CSL_HTML, &err) == LIT_OK) {
			size_t n = lit_records_count(recs);
			lit_csl_cite *cs = calloc(n ? n : 1, sizeof(*cs));
			for (size_t i = 0; cs && i < n; i++) {
				cs[i].id = lit_record_id(lit_records_at(recs, i));
				cs[i].locator = i % 2 ? "12-14" : NULL;
				if (!cs[i].id)
					cs[i].id = "";
			}
			lit_csl_citation ct[2] = { { cs, n, 1 }, { cs, n ? 1 : 0, 2 } };
			char **out = NULL;
			if (cs && lit_csl_engine_cite(eng, ct, 2, &out, &err) == LIT_OK)
				lit_csl_strings_free(out, 2);
			char *b = NULL;
			size_t bl;
			if (lit_csl_engine_bibliography(eng, &b, &bl, &err) == LIT_OK)
				lit_free(b);
			free(cs);
			lit_csl_engine_free(eng);
		}
	}
	lit_csl_style_free(st);
	lit_records_free(recs);
	free(text);
	return 0;
}
