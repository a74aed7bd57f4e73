/*
 * testutil.h - small helpers shared by the test programs (header-only,
 * each test is its own executable).
 */
#ifndef LITERA_TESTUTIL_H
#define LITERA_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>

/* The whole file at PATH, NUL-terminated, in a malloc'd buffer the caller
 * frees; its length in *LEN when LEN is not NULL.  NULL if it cannot be
 * read. */
static inline char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = 0;
		if (len)
			*len = (size_t)n;
	}
	return buf;
}

#endif
