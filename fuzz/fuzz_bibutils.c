/*
 * fuzz_bibutils.c - libFuzzer target for the readers behind the libbibutils
 * adapter (src/io/bibutils.c).  The first input byte picks the reader
 * (EndNote, EndNote XML, MODS, ISI, Medline, NBIB, Word 2007, COPAC, or
 * content detection); the rest is the file.  Whatever is read is written
 * back through two bibutils writers, so the writers see fuzzed records too.
 * The corpus in fuzz/corpus/fuzz_bibutils/ is replayed as a test.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "litera/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = {
		"endnote", "endnotexml", "mods", "isi", "medline", "nbib", "word", "copac", NULL
	};
	static const char *const writers[] = { "mods", "endnote", "isi", "word", "ads", "nbib" };
	const size_t nformats = sizeof formats / sizeof *formats;
	if (size < 1 || size > (1u << 20))
		return 0;
	lit_records *rs = lit_records_new();
	if (!rs)
		return 0;
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	lit_error err;
	o.format = formats[data[0] % nformats];
	o.encoding = "utf-8";
	o.filename = "fuzz";
	(void)lit_read_buffer(rs, (const char *)data + 1, size - 1, &o, &err);
	if (lit_records_count(rs) > 0) {
		char *out = NULL;
		size_t n = 0;
		const char *w = writers[data[0] % (sizeof writers / sizeof *writers)];
		if (lit_write_buffer(rs, w, NULL, &out, &n, &err) == LIT_OK)
			lit_free(out);
	}
	lit_records_free(rs);
	return 0;
}
