/*
 * fuzz_csljson.c - libFuzzer target for the CSL-JSON reader and writer
 * (src/io/csljson.c, over src/util/json.c).
 *
 * The input is read as CSL-JSON; what is read is written again, and the
 * output must be valid JSON, read back with the same number of records,
 * and be written identically the second time (the writer is a fixed point
 * of read + write).  RIS output is produced too, so the RIS writer sees
 * fuzzed records.  A broken invariant aborts.  The corpus in
 * fuzz/corpus/fuzz_csljson/ is replayed as a test.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera/io.h"
#include "util/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_csljson: invariant broken: %s\n", what);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lit_records *rs, *back;
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	char *out = NULL, *out2 = NULL;
	size_t len = 0, len2 = 0, n;

	if (size > (1u << 20))
		return 0;
	rs = lit_records_new();
	if (!rs)
		return 0;
	o.format = "csljson";
	o.filename = "fuzz.json";
	(void)lit_read_buffer(rs, (const char *)data, size, &o, &err);
	n = lit_records_count(rs);
	if (n == 0 || lit_write_buffer(rs, "csljson", NULL, &out, &len, &err) != LIT_OK) {
		lit_records_free(rs);
		return 0;
	}
	{
		lit_json_doc *doc = lit_json_parse(out, len, NULL, NULL);
		check(doc != NULL, "output is valid JSON");
		lit_json_free(doc);
	}
	back = lit_records_new();
	if (back) {
		o.encoding = "utf-8";
		if (lit_read_buffer(back, out, len, &o, &err) != LIT_ENOMEM) {
			check(lit_records_count(back) == n, "same number of records read back");
			if (lit_write_buffer(back, "csljson", NULL, &out2, &len2, &err) == LIT_OK) {
				check(len2 == len && memcmp(out, out2, len) == 0,
				      "writing what was read gives the same text");
				lit_free(out2);
			}
		}
		lit_records_free(back);
	}
	lit_free(out);
	if (lit_write_buffer(rs, "ris", NULL, &out, &len, &err) == LIT_OK)
		lit_free(out);
	lit_records_free(rs);
	return 0;
}
