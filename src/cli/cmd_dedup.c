/*
 * cmd_dedup.c - `litera dedup`: read any number of inputs (any format the
 * readers accept), find the records that describe the same work, merge
 * them and write the result.  `--report` explains every cluster;
 * `--dry-run` only reports.  Records without an id are named r1, r2, ...
 * in input order, so each merged record's custom.merged_ids names its
 * members.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "litera/dedup.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

static const cli_opt opts[] = {
	{ 'f', 'f', "from", "FMT", "input format (default: detected from the content)" },
	{ 't', 't', "to", "FMT", "output format (default: csljson; see 'litera formats')" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically) instead of standard output" },
	{ 'r', 'r', "report", NULL, "explain each cluster (on standard error, or standard output with --dry-run or -o)" },
	{ 'j', 'j', "json", NULL, "write the report as JSON" },
	{ 'n', 'n', "dry-run", NULL, "only report the clusters; write no records" },
	{ 's', 0, "threshold", "X", "score from 0 to 1 at which records are the same work (default 0.80)" },
	{ 'h', 'h', "help", NULL, "show this help" },
	{ 0, 0, NULL, NULL, NULL }
};

int cmd_dedup(int argc, char **argv)
{
	cli_parser p;
	const char *from = NULL, *to = "csljson", *out = NULL;
	char **files = NULL;
	int nfiles = 0, id, report = 0, json = 0, rc = EXIT_OK;
	lit_dedup_options o = LIT_DEDUP_OPTIONS_INIT;
	lit_dedup_report *rep = NULL;
	lit_records *recs = NULL;
	lit_error err;

	files = calloc((size_t)(argc > 0 ? argc : 1), sizeof *files);
	if (!files) {
		cli_errorf("dedup: out of memory");
		return EXIT_INTERNAL;
	}
	cli_parser_init(&p, "dedup", argc, argv, opts);
	while ((id = cli_next(&p)) != -1) {
		switch (id) {
		case 0: files[nfiles++] = (char *)p.value; break;
		case 'f': from = p.value; break;
		case 't': to = p.value; break;
		case 'o': out = p.value; break;
		case 'r': report = 1; break;
		case 'j': json = 1; report = 1; break;
		case 'n': o.dry_run = 1; break;
		case 's': {
			char *end = NULL;
			double t = strtod(p.value, &end);
			if (!end || *end || t <= 0 || t > 1) {
				cli_errorf("dedup: --threshold takes a number above 0 and at most 1, not '%s'", p.value);
				free(files);
				return EXIT_USAGE;
			}
			o.threshold = t;
			break;
		}
		case 'h':
			cli_print_help(stdout, "dedup", "FILE... [--to FMT] [-o OUT] [--report] [--dry-run]",
			               "Find records that describe the same work across all inputs (same DOI, "
			               "ISBN or URL, or matching title, authors, year, container, volume and "
			               "pages, also between Cyrillic and its transliterations) and merge them. "
			               "Each merged record keeps the most complete value of every field, lists "
			               "its members in custom.merged_ids and where each was found in "
			               "custom.occurrences. Different editions, volumes, chapters of one book "
			               "and translations are kept apart (translations are linked in "
			               "custom.related). Reads standard input when no FILE is given.",
			               opts);
			free(files);
			return EXIT_OK;
		default:
			free(files);
			return EXIT_USAGE;
		}
	}
	if (!o.dry_run) {
		const lit_format_info *fi = lit_format_find(to);
		if (!fi || !fi->can_write) {
			cli_errorf("dedup: '%s' is not an output format (see 'litera formats')", to);
			free(files);
			return EXIT_USAGE;
		}
	}
	recs = lit_records_new();
	if (!recs) {
		cli_errorf("dedup: out of memory");
		free(files);
		return EXIT_INTERNAL;
	}
	rc = cli_read_inputs(recs, files, nfiles, from);
	free(files);
	if (rc != EXIT_OK)
		goto done;

	o.assign_ids = 1;
	lit_error_clear(&err);
	if (lit_dedup(recs, &o, report || o.dry_run ? &rep : NULL, &err) != LIT_OK) {
		cli_report(&err);
		rc = cli_exit_code(err.code);
		goto done;
	}
	if (rep) {
		char *text = NULL;
		size_t len = 0;
		FILE *dst = (o.dry_run || (out && strcmp(out, "-") != 0)) ? stdout : stderr;
		if (lit_dedup_report_render(rep, json, &text, &len) != LIT_OK) {
			cli_errorf("dedup: out of memory");
			rc = EXIT_INTERNAL;
			goto done;
		}
		if (fwrite(text, 1, len, dst) != len || fflush(dst) != 0) {
			cli_errorf("dedup: cannot write the report");
			rc = EXIT_IO;
		}
		lit_free(text);
		if (rc != EXIT_OK)
			goto done;
	}
	/* the writer builds its whole output in memory: give back what the
	 * report and the absorbed records held first */
	lit_dedup_report_free(rep);
	rep = NULL;
#if defined(__GLIBC__)
	malloc_trim(0);
#endif
	if (!o.dry_run)
		rc = cli_write_output(recs, to, out);
done:
	lit_dedup_report_free(rep);
	lit_records_free(recs);
	return rc;
}
