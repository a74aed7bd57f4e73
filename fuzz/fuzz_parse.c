/*
 * fuzz_parse.c - libFuzzer target for the reference-string parser
 * (src/parse/).  Every input line is parsed with the built-in model and
 * its token labels are written as AnyStyle XML.  Invariants: parsing
 * always yields a record whose raw text is valid UTF-8, the records write
 * as CSL-JSON that parses back as JSON, and the label XML is produced.
 * The corpus in fuzz/corpus/fuzz_parse/ is replayed as a test.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera.h"
#include "util/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_parse: invariant broken: %s\n", what);
		abort();
	}
}

static int valid_utf8(const unsigned char *s)
{
	while (*s) {
		int n = *s < 0x80 ? 1 : (*s >> 5) == 6 ? 2 : (*s >> 4) == 14 ? 3 : (*s >> 3) == 30 ? 4 : 0;
		if (!n)
			return 0;
		for (int k = 1; k < n; k++)
			if ((s[k] & 0xC0) != 0x80)
				return 0;
		s += n;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lit_parser *p = NULL;
	if (size > 1 << 16)
		return 0;
	check(lit_parser_new(&p, NULL, NULL) == LIT_OK, "parser loads");
	lit_records *recs = lit_records_new();
	check(recs != NULL, "records");
	size_t pos = 0;
	while (pos <= size) {
		size_t e = pos;
		while (e < size && data[e] != '\n')
			e++;
		lit_record *r = NULL;
		check(lit_parse_reference(p, (const char *)data + pos, e - pos, &r, NULL) == LIT_OK, "parse ok");
		check(r != NULL && lit_record_raw(r) != NULL, "record with raw text");
		check(valid_utf8((const unsigned char *)lit_record_raw(r)), "raw is UTF-8");
		char *xml = NULL;
		check(lit_parse_labels(p, (const char *)data + pos, e - pos, &xml, NULL) == LIT_OK, "labels");
		lit_free(xml);
		lit_records_push(recs, r);
		pos = e + 1;
	}
	char *out = NULL;
	size_t outlen = 0;
	if (lit_write_buffer(recs, "csljson", NULL, &out, &outlen, NULL) == LIT_OK) {
		lit_error err;
		lit_json_doc *doc = lit_json_parse(out, outlen, "fuzz", &err);
		check(doc != NULL, "CSL-JSON output is JSON");
		lit_json_free(doc);
		lit_free(out);
	}
	lit_records_free(recs);
	lit_parser_free(p);
	return 0;
}
