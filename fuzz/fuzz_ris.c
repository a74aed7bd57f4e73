/*
 * fuzz_ris.c - libFuzzer target for the RIS reader (src/io/ris.c).
 *
 * The input goes through lit_read_buffer() as a file would (encoding
 * detection, then the RIS reader).  Whatever is read is written as RIS and
 * as CSL-JSON, and both outputs must read back with the same number of
 * records; the CSL-JSON must be valid JSON.  A broken invariant aborts, so
 * libFuzzer reports it.  The corpus in fuzz/corpus/fuzz_ris/ is replayed
 * as a test.
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
		fprintf(stderr, "fuzz_ris: invariant broken: %s\n", what);
		abort();
	}
}

/* Read `text` back in `format`; it must give `want` records. */
static void reread(const char *text, size_t len, const char *format, size_t want)
{
	lit_records *back = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	int rc;
	if (!back)
		return;
	o.format = format;
	o.encoding = "utf-8";
	rc = lit_read_buffer(back, text, len, &o, &err);
	if (rc != LIT_ENOMEM) {
		if (rc != LIT_OK)
			fprintf(stderr, "fuzz_ris: %s reread: line %ld: %s\n", format, err.line, err.message);
		check(rc == LIT_OK, "written output reads back");
		check(lit_records_count(back) == want, "same number of records after a round trip");
	}
	lit_records_free(back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lit_records *rs;
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	size_t n;

	if (size > (1u << 20))
		return 0;
	rs = lit_records_new();
	if (!rs)
		return 0;
	o.format = "ris";
	o.filename = "fuzz.ris";
	(void)lit_read_buffer(rs, (const char *)data, size, &o, &err);
	n = lit_records_count(rs);
	if (n > 0) {
		char *out = NULL;
		size_t len = 0;
		if (lit_write_buffer(rs, "ris", NULL, &out, &len, &err) == LIT_OK) {
			check(len < 3 || memcmp(out, "\xEF\xBB\xBF", 3) != 0, "no BOM written");
			reread(out, len, "ris", n);
			lit_free(out);
		}
		if (lit_write_buffer(rs, "csljson", NULL, &out, &len, &err) == LIT_OK) {
			lit_json_doc *doc = lit_json_parse(out, len, NULL, NULL);
			check(doc != NULL, "CSL-JSON output is valid JSON");
			lit_json_free(doc);
			reread(out, len, "csljson", n);
			lit_free(out);
		}
	}
	lit_records_free(rs);
	return 0;
}
