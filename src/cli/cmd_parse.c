/*
 * cmd_parse.c - `litera parse`: reference strings, one per line, to
 * records, one per line and in the same order.  A line that yields little
 * still gives an item (with a warning), so outputs never shift against the
 * input.  `--labels` prints the token labels as AnyStyle XML instead, for
 * correcting by hand and retraining with `litera train`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ 't', 't', "to", "FMT", "output format (default: csljson; see 'litera formats')" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically) instead of standard output" },
	{ 'm', 'm', "model", "FILE", "use this model file instead of the built-in model" },
	{ 'l', 'l', "labels", NULL, "print token labels as AnyStyle XML (for retraining) instead of records" },
	{ 'q', 'q', "quiet", NULL, "no warnings for lines that yield little" },
	{ 'h', 'h', "help", NULL, "show this help" },
	{ 0, 0, NULL, NULL, NULL }
};

static char *read_all(const char *path, size_t *len)
{
	FILE *f = (!path || !strcmp(path, "-")) ? stdin : fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	if (!f)
		return NULL;
	for (;;) {
		if (n + 65536 > cap) {
			size_t nc = cap ? cap * 2 : 131072;
			char *nb = realloc(buf, nc + 1);
			if (!nb) {
				free(buf);
				if (f != stdin)
					fclose(f);
				return NULL;
			}
			buf = nb;
			cap = nc;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	if (f != stdin)
		fclose(f);
	if (bad) {
		free(buf);
		return NULL;
	}
	buf[n] = 0;
	*len = n;
	return buf;
}

static int write_labels(const lit_parser *parser, const char *text, size_t len, const char *out)
{
	FILE *f = (!out || !strcmp(out, "-")) ? stdout : fopen(out, "w");
	lit_error err;
	size_t pos = 0;
	int rc = EXIT_OK;
	if (!f) {
		cli_errorf("%s: cannot open for writing", out);
		return EXIT_IO;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset>\n", f);
	while (pos < len) {
		size_t e = pos;
		while (e < len && text[e] != '\n')
			e++;
		size_t l = e - pos;
		if (l && text[pos + l - 1] == '\r')
			l--;
		char *xml = NULL;
		lit_error_clear(&err);
		if (lit_parse_labels(parser, text + pos, l, &xml, &err) != LIT_OK) {
			cli_report(&err);
			rc = EXIT_INTERNAL;
			break;
		}
		fprintf(f, "  %s\n", xml);
		lit_free(xml);
		pos = e + 1;
	}
	fputs("</dataset>\n", f);
	if ((f == stdout ? fflush(f) : fclose(f)) != 0) {
		cli_errorf("%s: write error", out ? out : "<stdout>");
		return EXIT_IO;
	}
	return rc;
}

int cmd_parse(int argc, char **argv)
{
	cli_parser p;
	const char *to = "csljson", *out = NULL, *model = NULL, *file = NULL;
	int id, labels = 0, quiet = 0, rc = EXIT_OK;
	lit_error err;

	cli_parser_init(&p, "parse", argc, argv, opts);
	while ((id = cli_next(&p)) != -1) {
		switch (id) {
		case 0:
			if (file) {
				cli_errorf("parse: one input at a time ('%s' and '%s')", file, p.value);
				return EXIT_USAGE;
			}
			file = p.value;
			break;
		case 't': to = p.value; break;
		case 'o': out = p.value; break;
		case 'm': model = p.value; break;
		case 'l': labels = 1; break;
		case 'q': quiet = 1; break;
		case 'h':
			cli_print_help(stdout, "parse", "[FILE|-] [--to FMT] [-o OUT] [--model FILE] [--labels]",
			               "Parse reference strings, one per line, into records, one per line and in the "
			               "same order. Reads standard input when no FILE is given. GOST (7.0.5, 7.0.100, "
			               "7.1), APA, MLA, Chicago, Harvard, Vancouver, IEEE and physics styles.",
			               opts);
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (!labels) {
		const lit_format_info *fi = lit_format_find(to);
		if (!fi || !fi->can_write) {
			cli_errorf("parse: '%s' is not an output format (see 'litera formats')", to);
			return EXIT_USAGE;
		}
	}

	lit_parse_options po = LIT_PARSE_OPTIONS_INIT;
	lit_parser *parser = NULL;
	po.model_path = model;
	lit_error_clear(&err);
	if (lit_parser_new(&parser, &po, &err) != LIT_OK) {
		cli_report(&err);
		return cli_exit_code(err.code);
	}

	size_t rawlen = 0;
	char *raw = read_all(file, &rawlen);
	if (!raw) {
		cli_errorf("%s: cannot read", file && strcmp(file, "-") ? file : "<stdin>");
		lit_parser_free(parser);
		return EXIT_IO;
	}
	/* decode to UTF-8 when possible; otherwise the parser replaces bad bytes */
	char *text = raw;
	size_t len = rawlen;
	{
		char *dec = NULL;
		size_t dl = 0;
		lit_error_clear(&err);
		if (lit_decode_text(raw, rawlen, NULL, &dec, &dl, NULL, &err) == LIT_OK && dec) {
			text = dec;
			len = dl;
		} else if (!quiet) {
			fprintf(stderr, "litera: %s: warning: %s; invalid bytes replaced\n",
			        file && strcmp(file, "-") ? file : "<stdin>", err.message);
		}
	}

	if (labels) {
		rc = write_labels(parser, text, len, out);
	} else {
		lit_records *recs = lit_records_new();
		const char *src = file && strcmp(file, "-") ? file : "<stdin>";
		size_t pos = 0;
		long line = 0;
		if (!recs)
			rc = EXIT_INTERNAL;
		while (rc == EXIT_OK && pos < len) {
			size_t e = pos;
			while (e < len && text[e] != '\n')
				e++;
			size_t l = e - pos;
			if (l && text[pos + l - 1] == '\r')
				l--;
			line++;
			lit_record *rec = NULL;
			lit_error_clear(&err);
			if (lit_parse_reference(parser, text + pos, l, &rec, &err) != LIT_OK) {
				cli_report(&err);
				rc = EXIT_INTERNAL;
				break;
			}
			lit_record_set_source(rec, src, line);
			if (!quiet && !lit_record_get(rec, LIT_VAR_TITLE) && !lit_record_name_count(rec, LIT_VAR_AUTHOR) &&
			    !lit_record_get(rec, LIT_VAR_CONTAINER_TITLE) && !lit_record_get(rec, LIT_VAR_ARCHIVE))
				fprintf(stderr, "litera: %s:%ld: warning: %s\n", src, line,
				        l ? "no title, author, container or archive found" : "empty line");
			if (lit_records_push(recs, rec) != LIT_OK)
				rc = EXIT_INTERNAL;
			pos = e + 1;
		}
		if (rc == EXIT_OK)
			rc = cli_write_output(recs, to, out);
		lit_records_free(recs);
	}
	if (text != raw)
		lit_free(text);
	free(raw);
	lit_parser_free(parser);
	return rc;
}
