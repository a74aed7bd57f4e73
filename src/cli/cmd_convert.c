/*
 * cmd_convert.c - `litera convert`: read bibliography files in one format
 * and write them in another.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ 'f', 'f', "from", "FMT", "input format (default: detected from content)" },
	{ 't', 't', "to", "FMT", "output format (required; see 'litera formats')" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically) instead of standard output" },
	{ 'h', 'h', "help", NULL, "show this help" },
	{ 0, 0, NULL, NULL, NULL }
};

int cmd_convert(int argc, char **argv)
{
	cli_parser p;
	const char *from = NULL, *to = NULL, *out = NULL;
	char **files = calloc((size_t)argc + 1, sizeof *files);
	int nfiles = 0, id, rc;
	if (!files)
		return EXIT_INTERNAL;
	cli_parser_init(&p, "convert", argc, argv, opts);
	while ((id = cli_next(&p)) != -1) {
		switch (id) {
		case 0: files[nfiles++] = (char *)p.value; break;
		case 'f': from = p.value; break;
		case 't': to = p.value; break;
		case 'o': out = p.value; break;
		case 'h':
			cli_print_help(stdout, "convert", "[FILE...|-] [--from FMT] --to FMT [-o OUT]",
			               "Convert between bibliography formats. Reads standard input when no FILE is given.",
			               opts);
			free(files);
			return EXIT_OK;
		default:
			free(files);
			return EXIT_USAGE;
		}
	}
	if (!to) {
		cli_errorf("convert: --to FMT is required (see 'litera formats')");
		free(files);
		return EXIT_USAGE;
	}
	const lit_format_info *fi = lit_format_find(to);
	if (!fi || !fi->can_write) {
		cli_errorf("convert: '%s' is not an output format (see 'litera formats')", to);
		free(files);
		return EXIT_USAGE;
	}
	if (from) {
		fi = lit_format_find(from);
		if (!fi || !fi->can_read) {
			cli_errorf("convert: '%s' is not an input format (see 'litera formats')", from);
			free(files);
			return EXIT_USAGE;
		}
	}
	lit_records *recs = lit_records_new();
	if (!recs) {
		free(files);
		return EXIT_INTERNAL;
	}
	rc = cli_read_inputs(recs, files, nfiles, from);
	if (rc == EXIT_OK)
		rc = cli_write_output(recs, to, out);
	lit_records_free(recs);
	free(files);
	return rc;
}
