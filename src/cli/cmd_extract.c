/*
 * cmd_extract.c - `litera extract DOC... [--to FMT] [-o OUT] [--report]`:
 * find the references (list entries, footnotes, endnotes) in documents
 * and write them as records, CSL-JSON by default.
 *
 * Documents are processed one at a time and, when the output goes to
 * standard output, written as soon as each is done, so memory stays
 * bounded by the largest document.  CSL-JSON output from several
 * documents is one JSON array.  The --report summary goes to standard
 * error, so it never mixes with the records.
 *
 * Repeats: CSL-JSON output lists every occurrence (one item per reference
 * as found, the extraction contract that evaluations read), with repeats
 * pointing at their work.  Every other output is a bibliography, so the
 * occurrences of one work within a document are merged into one record
 * (lit_dedup: custom.merged_ids and custom.occurrences keep where each
 * was found).  --merge and --no-merge choose either way for any format.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "litera/extract.h"
#include "litera/dedup.h"

static const cli_opt opts[] = {
	{ 't', 't', "to", "FMT", "output format (default csljson; see 'litera formats')" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically) instead of standard output" },
	{ 'r', 'r', "report", NULL,
	  "print per document what was found where (list entries, footnotes, endnotes, in-text "
	  "citations linked/unlinked, repeats resolved) and warnings (marker without footnote, "
	  "footnote without marker, damaged URL) to standard error" },
	{ 'f', 'f', "format", "KIND",
	  "input kind: text, markdown, html, docx, jats, tei, pdf (default: detected)" },
	{ 'e', 'e', "encoding", "ENC", "text encoding: utf-8, utf-16, cp1251, koi8-r (default: detected)" },
	{ 'n', 'n', "no-parse", NULL, "do not parse the references: records carry raw text and provenance" },
	{ 'm', 'm', "model", "FILE", "reference parser model (default: built-in)" },
	{ 'M', 0, "merge", NULL, "merge the occurrences of one work within a document (default for all formats but csljson)" },
	{ 'N', 0, "no-merge", NULL, "keep every occurrence as its own record (default for csljson)" },
	{ 'h', 'h', "help", NULL, "show this help" },
	{ 0, 0, NULL, NULL, NULL }
};

static const char *const description =
	"Find every reference in the documents: reference-list entries (under headings such as "
	"Литература, Список литературы, References, Bibliography, or a numbered list), footnotes "
	"(also when interleaved with the text of PDF-extracted pages) and endnotes. In-text "
	"citations ([4], [4, с. 25], [Лукин, 2024], superscripts) are linked to the entries, and "
	"repeats (Там же, Ibid., Указ. соч., Op. cit.) to the works they repeat. Inputs: plain "
	"text (UTF-8, UTF-16, CP1251, KOI8-R), Markdown, HTML, DOCX, JATS and TEI XML, and PDF "
	"through pdftotext (poppler-utils). Each record carries custom.raw, custom.where, "
	"custom.label, custom.line and custom.cited_at. Reads standard input for '-'.";

/* Append the items of one CSL-JSON array text to the combined array. */
static void merge_array(FILE *out, const char *s, size_t n, int *first)
{
	const char *b = memchr(s, '[', n);
	const char *e = s + n;
	while (e > s && e[-1] != ']')
		e--;
	if (!b || e <= b + 1)
		return;
	b++;
	e--;
	while (b < e && (*b == ' ' || *b == '\n' || *b == '\r' || *b == '\t'))
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r' || e[-1] == '\t'))
		e--;
	if (e <= b)
		return;
	fputs(*first ? "[\n  " : ",\n  ", out);
	fwrite(b, 1, (size_t)(e - b), out);
	*first = 0;
}

int cmd_extract(int argc, char **argv)
{
	cli_parser p;
	const char *to = "csljson", *out = NULL, *format = NULL, *encoding = NULL, *model = NULL;
	int report = 0, no_parse = 0, merge = -1, id;
	char **files = calloc((size_t)argc + 1, sizeof *files);
	int nfiles = 0;
	if (!files)
		return EXIT_INTERNAL;
	cli_parser_init(&p, "extract", argc, argv, opts);
	while ((id = cli_next(&p)) != -1) {
		switch (id) {
		case 0: files[nfiles++] = (char *)p.value; break;
		case 't': to = p.value; break;
		case 'o': out = p.value; break;
		case 'r': report = 1; break;
		case 'f': format = p.value; break;
		case 'e': encoding = p.value; break;
		case 'n': no_parse = 1; break;
		case 'm': model = p.value; break;
		case 'M': merge = 1; break;
		case 'N': merge = 0; break;
		case 'h':
			cli_print_help(stdout, "extract", "DOC... [--to FMT] [-o OUT] [--report]",
			               description, opts);
			free(files);
			return EXIT_OK;
		default:
			free(files);
			return EXIT_USAGE;
		}
	}
	if (nfiles == 0) {
		cli_errorf("extract: no document given (use '-' for standard input; see 'litera extract --help')");
		free(files);
		return EXIT_USAGE;
	}
	const lit_format_info *fi = lit_format_find(to);
	if (!fi || !fi->can_write) {
		cli_errorf("extract: '%s' is not an output format (see 'litera formats')", to);
		free(files);
		return EXIT_USAGE;
	}
	int csljson = strcmp(fi->name, "csljson") == 0;
	if (merge < 0)
		merge = !csljson;
	int stream = out == NULL || strcmp(out, "-") == 0;

	lit_parser *parser = NULL;
	if (!no_parse) {
		lit_parse_options po = LIT_PARSE_OPTIONS_INIT;
		lit_error perr;
		lit_error_clear(&perr);
		po.model_path = model;
		if (lit_parser_new(&parser, &po, &perr) != LIT_OK) {
			if (model) {
				cli_report(&perr);
				free(files);
				return cli_exit_code(perr.code);
			}
			/* no usable built-in model: extraction still works */
			parser = NULL;
			no_parse = 1;
			if (report)
				cli_errorf("extract: reference parser unavailable (%s); records carry raw text only",
				           perr.message);
		}
	}

	int rc = EXIT_OK, first = 1;
	lit_records *all = stream ? NULL : lit_records_new();
	if (!stream && !all) {
		lit_parser_free(parser);
		free(files);
		return EXIT_INTERNAL;
	}
	for (int i = 0; i < nfiles; i++) {
		lit_records *recs = lit_records_new();
		if (!recs) {
			rc = EXIT_INTERNAL;
			break;
		}
		lit_extract_options eo = LIT_EXTRACT_OPTIONS_INIT;
		lit_extract_report rep = LIT_EXTRACT_REPORT_INIT;
		lit_error err;
		lit_error_clear(&err);
		eo.format = format;
		eo.encoding = encoding;
		eo.parser = parser;
		eo.no_parse = no_parse;
		int st = lit_extract_file(recs, files[i], &eo, report ? &rep : NULL, &err);
		if (st == LIT_OK && merge) {
			lit_dedup_options dopt = LIT_DEDUP_OPTIONS_INIT;
			lit_dedup_report *drep = NULL;
			st = lit_dedup(recs, &dopt, report ? &drep : NULL, &err);
			if (st == LIT_OK && drep)
				fprintf(stderr, "%s: %zu records, %zu after merging repeats of one work\n",
				        strcmp(files[i], "-") ? files[i] : "<stdin>",
				        lit_dedup_report_input_count(drep), lit_dedup_report_output_count(drep));
			lit_dedup_report_free(drep);
		}
		if (st != LIT_OK) {
			cli_report(&err);
			int code = cli_exit_code(st);
			if (rc == EXIT_OK || code > rc)
				rc = code;
		} else if (report) {
			char *txt = NULL;
			if (lit_extract_report_format(&rep, strcmp(files[i], "-") ? files[i] : "<stdin>",
			                              &txt) == LIT_OK) {
				fputs(txt, stderr);
				lit_free(txt);
			}
		}
		lit_extract_report_clear(&rep);
		if (stream) {
			if (st == LIT_OK) {
				lit_write_options wo = LIT_WRITE_OPTIONS_INIT;
				char *buf = NULL;
				size_t blen = 0;
				lit_error_clear(&err);
				int ws = lit_write_buffer(recs, to, &wo, &buf, &blen, &err);
				if (ws != LIT_OK) {
					cli_report(&err);
					rc = cli_exit_code(ws);
				} else if (csljson) {
					merge_array(stdout, buf, blen, &first);
				} else {
					fwrite(buf, 1, blen, stdout);
				}
				lit_free(buf);
			}
		} else if (st == LIT_OK && lit_records_append(all, recs) != LIT_OK) {
			rc = EXIT_INTERNAL;
		}
		lit_records_free(recs);
	}
	if (stream) {
		if (csljson)
			fputs(first ? "[]\n" : "\n]\n", stdout);
		if (fflush(stdout) != 0) {
			cli_errorf("extract: cannot write to standard output");
			rc = EXIT_IO;
		}
	} else {
		/* a document that failed leaves no output file behind: the
		 * records of the others would pass for the whole result */
		if (rc == EXIT_OK || !out) {
			int wr = cli_write_output(all, to, out);
			if (wr != EXIT_OK)
				rc = wr;
		} else {
			cli_errorf("extract: %s not written", out);
		}
		lit_records_free(all);
	}
	lit_parser_free(parser);
	free(files);
	return rc;
}
