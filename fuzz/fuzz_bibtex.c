/*
 * fuzz_bibtex.c - libFuzzer target for the BibTeX/BibLaTeX reader
 * (src/io/bibtex_read.c), the LaTeX decoder (src/io/latex.c) and the
 * name splitter (src/util/names.c).
 *
 * The raw bytes go to the reader directly (no encoding step, so the
 * reader also sees invalid UTF-8 and NUL bytes) and to the LaTeX decoder
 * in every mode.  Whatever is read is written as BibTeX and BibLaTeX, and
 * both outputs must read back without error and with the same number of
 * records: the writers' escaping must always produce parseable text.  A
 * broken invariant aborts, so libFuzzer reports it.  The corpus in
 * fuzz/corpus/fuzz_bibtex/ is replayed as a test.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera/io.h"
#include "io/bibtex.h"
#include "io/latex.h"
#include "util/names.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_bibtex: invariant broken: %s\n", what);
		abort();
	}
}

static void reread(const lit_records *list, const char *format)
{
	char *out = NULL;
	size_t len = 0;
	lit_error err;
	lit_write_options wo = LIT_WRITE_OPTIONS_INIT;
	if (lit_write_buffer(list, format, &wo, &out, &len, &err) != LIT_OK)
		return; /* out of memory or size limit only */
	lit_records *back = lit_records_new();
	if (back) {
		int rc = lit_bibtex_read(back, out, len, "out.bib", &err);
		if (rc != LIT_OK)
			fprintf(stderr, "%s\n---\n%s\n", err.message, out);
		check(rc == LIT_OK, "written BibTeX reads back");
		check(lit_records_count(back) == lit_records_count(list), "same record count");
		lit_records_free(back);
	}
	lit_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	static const unsigned modes[] = { 0, LIT_LATEX_KEEP_BRACES, LIT_LATEX_VERBATIM };
	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		lit_buf b = LIT_BUF_INIT;
		lit_latex_decode(text, size, modes[m], &b);
		if (m == 0 && b.ptr) {
			/* escaping any decoded text gives balanced braces */
			lit_buf e = LIT_BUF_INIT;
			long depth = 0;
			lit_latex_escape(&e, b.ptr, b.len);
			for (size_t i = 0; i < e.len; i++) {
				depth += e.ptr[i] == '{';
				depth -= e.ptr[i] == '}';
				check(depth >= 0, "escaped braces balance");
			}
			check(depth == 0, "escaped braces close");
			lit_buf_free(&e);
		}
		lit_buf_free(&b);
	}
	/* the name splitter on any text (other readers call it too) */
	lit_owned_name name;
	if (lit_name_split(text, size < 4096 ? size : 4096, &name) == LIT_OK)
		lit_owned_name_free(&name);
	lit_records *list = lit_records_new();
	if (!list)
		return 0;
	lit_error err;
	int rc = lit_bibtex_read(list, text, size, "fuzz.bib", &err);
	check(rc == LIT_OK || rc == LIT_EPARSE || rc == LIT_ENOMEM, "known status");
	if (rc != LIT_OK)
		check(err.message[0] != 0, "an error has a message");
	reread(list, "bibtex");
	reread(list, "biblatex");
	lit_records_free(list);
	return 0;
}
