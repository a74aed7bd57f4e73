/*
 * fuzz_read.c - libFuzzer target for the reading front end: encoding
 * detection and conversion (src/io/encoding.c), format detection and
 * dispatch (src/io/formats.c, lit_read_buffer without a format), and the
 * date parser (src/util/date.c).  Whatever is read is written as CSL-JSON
 * and must read back with the same number of records; errors carry a
 * message and the file name; a parsed date prints as ISO text.  The
 * corpus in
 * fuzz/corpus/fuzz_read/ is replayed as a test.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera.h"
#include "util/buf.h"
#include "util/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_read: invariant broken: %s\n", what);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encodings[] = { NULL, "utf-8", "utf-16", "cp1251", "koi8-r" };
	const char *s = (const char *)data;
	lit_error err;

	if (size > (1u << 20))
		return 0;
	for (size_t e = 0; e < sizeof encodings / sizeof *encodings; e++) {
		char *out = NULL;
		size_t outlen = 0;
		const char *detected = NULL;
		if (lit_decode_text(s, size, encodings[e], &out, &outlen, &detected, &err) == LIT_OK) {
			check(out != NULL, "decoded text");
			check(strlen(out) <= outlen, "decoded length");
			lit_free(out);
		} else {
			check(err.message[0] != 0, "decode error has a message");
		}
	}

	lit_records *recs = lit_records_new();
	if (!recs)
		return 0;
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	ro.filename = "fuzz.txt";
	if (lit_read_buffer(recs, s, size, &ro, &err) == LIT_OK) {
		char *out = NULL;
		size_t len = 0;
		lit_write_options wo = LIT_WRITE_OPTIONS_INIT;
		if (lit_write_buffer(recs, "csljson", &wo, &out, &len, &err) == LIT_OK) {
			lit_records *back = lit_records_new();
			lit_read_options jo = LIT_READ_OPTIONS_INIT;
			jo.format = "csljson";
			if (back) {
				int rc = lit_read_buffer(back, out, len, &jo, &err);
				if (rc != LIT_OK)
					fprintf(stderr, "%s\n", err.message);
				check(rc == LIT_OK, "written CSL-JSON reads back");
				check(lit_records_count(back) == lit_records_count(recs), "same record count");
				lit_records_free(back);
			}
			lit_free(out);
		}
	} else {
		check(err.message[0] != 0, "read error has a message");
		check(strcmp(err.file, "fuzz.txt") == 0, "read error names the file");
	}
	lit_records_free(recs);

	/* the date parser on the first line */
	size_t line = 0;
	while (line < size && line < 4096 && data[line] != '\n')
		line++;
	lit_date d;
	if (lit_date_parse(s, line, &d)) {
		lit_buf b = LIT_BUF_INIT;
		lit_date_put_iso(&b, &d);
		lit_buf_free(&b);
	}
	return 0;
}
