/*
 * fuzz_extract.c - libFuzzer entry point for extraction: the first byte
 * picks the input kind (text, Markdown, HTML, JATS, TEI, DOCX), the rest
 * is the document.  Runs without the parser so that it exercises the
 * adapters, the clean-up rules and the segmenter; any crash, leak or
 * undefined behaviour is a bug.  Its corpus is replayed as a test.
 */
#include <stddef.h>
#include <stdint.h>

#include "litera.h"
#include "litera/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = { "text", "markdown", "html", "jats", "tei", "docx", NULL, NULL };
	if (size == 0)
		return 0;
	lit_extract_options o = LIT_EXTRACT_OPTIONS_INIT;
	o.no_parse = 1;
	o.format = kinds[data[0] & 7];
	o.max_input = 1 << 22;
	lit_records *recs = lit_records_new();
	lit_extract_report rep = LIT_EXTRACT_REPORT_INIT;
	lit_error err;
	if (recs) {
		lit_extract_buffer(recs, (const char *)data + 1, size - 1, &o, &rep, &err);
		char *txt = NULL;
		if (lit_extract_report_format(&rep, "fuzz", &txt) == LIT_OK)
			lit_free(txt);
		lit_extract_report_clear(&rep);
		lit_records_free(recs);
	}
	return 0;
}
