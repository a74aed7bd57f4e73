/*
 * extract_seg_bench.c - clean-up + segmentation throughput of extraction
 * on one core: runs the segmenter (src/extract/segment.c, cleanup.c) over
 * each file given, several times, and prints MB/s and references/s by CPU
 * time and the peak resident memory.  Built and run by extract_bench.sh.
 *
 * usage: extract_seg_bench FILE... (each file is one document)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "extract/extract_int.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = 0;
		*len = (size_t)n;
	}
	return buf;
}

int main(int argc, char **argv)
{
	double bytes = 0, cpu = 0;
	size_t refs = 0;
	for (int i = 1; i < argc; i++) {
		size_t len;
		char *text = slurp(argv[i], &len);
		if (!text) {
			fprintf(stderr, "cannot read %s\n", argv[i]);
			return 1;
		}
		clock_t t0 = clock();
		lit_xdoc doc;
		lit_xdoc_init(&doc);
		lit_xinput in = { text, len, NULL, 0, 0 };
		if (lit_xsegment(&doc, &in) != LIT_OK) {
			fprintf(stderr, "%s: out of memory\n", argv[i]);
			return 1;
		}
		cpu += (double)(clock() - t0) / CLOCKS_PER_SEC;
		bytes += (double)len;
		refs += doc.nitems;
		lit_xdoc_free(&doc);
		free(text);
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	if (cpu <= 0)
		cpu = 1e-6;
	printf("clean-up + segmentation            %7.1f MB  %8zu refs  cpu %6.2f s: %7.1f MB/s %9.0f refs/s  peak %7.1f MB\n",
	       bytes / 1048576, refs, cpu, bytes / 1048576 / cpu, refs / cpu, ru.ru_maxrss / 1024.0);
	return 0;
}
