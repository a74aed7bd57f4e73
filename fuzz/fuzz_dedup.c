/*
 * fuzz_dedup.c - libFuzzer target for duplicate detection (src/dedup/).
 *
 * The input is split into lines; each line "title|family|year|DOI|ISBN|URL|
 * volume|pages|container" becomes a record (missing parts stay unset), and
 * every line is also fed to the DOI, ISBN and URL normalisers and the
 * skeleton as it is, invalid UTF-8 included.  lit_dedup() must succeed and
 * account for every record: the records left plus the absorbed members of
 * each cluster equal the records given, and the report agrees.  A broken
 * invariant aborts.  The corpus in fuzz/corpus/fuzz_dedup/ is replayed as a
 * test.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera.h"
#include "litera/dedup.h"
#include "dedup/dedup_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_dedup: invariant broken: %s\n", what);
		abort();
	}
}

static void set_part(lit_record *r, int k, const char *s)
{
	static const lit_var vars[] = { LIT_VAR_TITLE, LIT_VAR__COUNT, LIT_VAR__COUNT, LIT_VAR_DOI,
	                                LIT_VAR_ISBN, LIT_VAR_URL, LIT_VAR_VOLUME, LIT_VAR_PAGE,
	                                LIT_VAR_CONTAINER_TITLE };
	if (!*s || k >= (int)(sizeof vars / sizeof vars[0]))
		return;
	if (k == 1) {
		lit_name n = { 0 };
		n.family = s;
		lit_record_add_name(r, LIT_VAR_AUTHOR, &n);
	} else if (k == 2) {
		lit_date d = { 0 };
		d.year = atoi(s);
		if (d.year)
			lit_record_set_date(r, LIT_VAR_ISSUED, &d);
	} else {
		lit_record_set(r, vars[k], s);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lit_records *recs = lit_records_new();
	lit_dedup_report *rep = NULL;
	lit_dedup_options o = LIT_DEDUP_OPTIONS_INIT;
	char *text = malloc(size + 1);
	size_t pos = 0, before, after, c, absorbed = 0;
	if (!recs || !text) {
		free(text);
		lit_records_free(recs);
		return 0;
	}
	memcpy(text, data, size);
	text[size] = '\0';
	while (pos < size && lit_records_count(recs) < 2000) {
		char *line = text + pos, *nl = memchr(line, '\n', size - pos), *p;
		lit_record *r;
		lit_buf b = LIT_BUF_INIT;
		char isbns[4][14];
		int k = 0;
		if (nl)
			*nl = '\0';
		pos = nl ? (size_t)(nl - text) + 1 : size;
		/* the normalisers see the raw line */
		lit_dedup_norm_doi(line, &b);
		lit_dedup_norm_url(line, &b);
		lit_dedup_norm_isbn(line, isbns, 4);
		lit_dedup_skeleton(line, &b, NULL, NULL, 0);
		lit_buf_free(&b);
		r = lit_record_new();
		if (!r)
			break;
		lit_record_set_type(r, (lit_type)((unsigned char)line[0] % LIT_TYPE__COUNT));
		for (p = line;; k++) {
			char *bar = strchr(p, '|');
			if (bar)
				*bar = '\0';
			set_part(r, k, p);
			if (!bar)
				break;
			p = bar + 1;
		}
		lit_records_push(recs, r);
	}
	before = lit_records_count(recs);
	check(lit_dedup(recs, &o, &rep, NULL) == LIT_OK, "lit_dedup succeeds");
	after = lit_records_count(recs);
	for (c = 0; c < lit_dedup_report_cluster_count(rep); c++) {
		size_t n = lit_dedup_report_cluster_size(rep, c);
		check(n >= 2, "clusters have two members or more");
		absorbed += n - 1;
	}
	check(after + absorbed == before, "every record is kept or absorbed");
	check(lit_dedup_report_output_count(rep) == after, "report counts the output");
	check(lit_dedup_report_input_count(rep) == before, "report counts the input");
	lit_dedup_report_free(rep);
	lit_records_free(recs);
	free(text);
	return 0;
}
