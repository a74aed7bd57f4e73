/*
 * replay.c - runs a libFuzzer entry point over every file of a corpus
 * folder, so fuzz findings stay fixed as ordinary tests.
 * Usage: replay_fuzz_NAME DIR_OR_FILE...  Prints "N passed, 0 failed".
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t cap = 1 << 16, len = 0;
	uint8_t *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			uint8_t *nb = realloc(buf, cap *= 2);
			if (!nb) { free(buf); buf = NULL; }
			buf = nb;
		}
	}
	fclose(f);
	if (!buf)
		return 0;
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 1;
}

int main(int argc, char **argv)
{
	int count = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *e;
			while (d && (e = readdir(d))) {
				if (e->d_name[0] == '.')
					continue;
				char path[4096];
				snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
				count += run_file(path);
			}
			if (d)
				closedir(d);
		} else {
			count += run_file(argv[i]);
		}
	}
	/* Also the empty input and a few hostile ones. */
	static const char *extra[] = { "", "\xff\xfe", "{{{{{{{{", "@article{", "TY  -" };
	for (size_t i = 0; i < sizeof extra / sizeof *extra; i++, count++)
		LLVMFuzzerTestOneInput((const uint8_t *)extra[i], strlen(extra[i]));
	printf("%d passed, 0 failed\n", count);
	return 0;
}
