/*
 * cmd_format.c - `litera format`: render the records of any number of
 * inputs as a bibliography in a CSL style (a bundled GOST style, a file, or
 * a name from the system styles directory), as text, HTML, Markdown or RTF.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ 's', 's', "style", "NAME|PATH", "CSL style: bundled (gost-r-7-0-100-2018, gost-r-7-0-100-2018-alpha, "
	  "gost-r-7-0-5-2008, gost-r-7-0-5-2008-footnote, gost-r-7-0-5-2008-intext; aliases gost, gost-2008), "
	  "a .csl file, or a name from /usr/share/citation-style-language/styles" },
	{ 't', 't', "to", "FMT", "output: text (default), html, markdown, rtf" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically) instead of standard output" },
	{ 'f', 'f', "from", "FMT", "input format (default: detected from the content)" },
	{ 'l', 'l', "locale", "LANG", "locale to use instead of the style's default (e.g. ru-RU, en-US)" },
	{ 'h', 'h', "help", NULL, "show this help" },
	{ 0, 0, NULL, NULL, NULL }
};

int cmd_format(int argc, char **argv)
{
	cli_parser p;
	const char *style = NULL, *to = "text", *out = NULL, *from = NULL, *locale = NULL;
	char **files = calloc((size_t)(argc > 0 ? argc : 1), sizeof(char *));
	int nfiles = 0, id, rc = EXIT_OK;
	lit_records *recs = NULL;
	lit_csl_style *st = NULL;
	lit_error err;
	char *text = NULL;
	size_t len = 0;

	if (!files) {
		cli_errorf("format: out of memory");
		return EXIT_INTERNAL;
	}
	cli_parser_init(&p, "format", argc, argv, opts);
	while ((id = cli_next(&p)) != -1) {
		switch (id) {
		case 0: files[nfiles++] = (char *)p.value; break;
		case 's': style = p.value; break;
		case 't': to = p.value; break;
		case 'o': out = p.value; break;
		case 'f': from = p.value; break;
		case 'l': locale = p.value; break;
		case 'h':
			cli_print_help(stdout, "format", "FILE... --style NAME|PATH [--to text|html|markdown|rtf] [-o OUT]",
			               "Format the records of every input as a bibliography in a CSL style. "
			               "Text and Markdown put one entry per line. GOST styles choose each "
			               "entry's terms from its own language (field 'language', or Cyrillic "
			               "titles taken as Russian). Reads standard input when no FILE is given.",
			               opts);
			free(files);
			return EXIT_OK;
		default:
			free(files);
			return EXIT_USAGE;
		}
	}
	int fmt = lit_csl_format_from_name(to);
	if (!style || fmt < 0) {
		cli_errorf(!style ? "format: --style is required (try --style gost)"
		                  : "format: --to must be text, html, markdown or rtf");
		free(files);
		return EXIT_USAGE;
	}
	lit_csl_options co = LIT_CSL_OPTIONS_INIT;
	co.locale = locale;
	lit_error_clear(&err);
	if (lit_csl_style_load(&st, style, &co, &err) != LIT_OK) {
		cli_report(&err);
		free(files);
		return err.code == LIT_ENOTFOUND || err.code == LIT_EINVAL ? EXIT_USAGE : cli_exit_code(err.code);
	}
	recs = lit_records_new();
	if (!recs) {
		rc = EXIT_INTERNAL;
		goto done;
	}
	rc = cli_read_inputs(recs, files, nfiles, from);
	if (rc != EXIT_OK)
		goto done;
	if (lit_csl_render_bibliography(recs, st, (lit_csl_format)fmt, &text, &len, &err) != LIT_OK) {
		cli_report(&err);
		rc = cli_exit_code(err.code);
		goto done;
	}
	if (lit_write_atomic(out, text, len, &err) != LIT_OK) {
		cli_report(&err);
		rc = EXIT_IO;
	}
done:
	lit_free(text);
	lit_records_free(recs);
	lit_csl_style_free(st);
	free(files);
	return rc;
}
