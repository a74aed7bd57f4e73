/*
 * extract.c - the public extraction API (litera/extract.h): reads the
 * input, sends it through the adapter for its kind (text, Markdown, HTML,
 * DOCX, JATS, TEI, PDF), runs the segmenter, and turns every reference
 * found into a record: parsed by the reference parser, with raw text,
 * place, source line, label, citing lines and repeat links.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera/extract.h"
#include "litera/io.h"
#include "extract_int.h"

#define DEFAULT_MAX_INPUT ((size_t)256 << 20)

void lit_extract_report_clear(lit_extract_report *report)
{
	if (!report)
		return;
	for (size_t i = 0; i < report->warning_count; i++)
		free(report->warnings[i].message);
	free(report->warnings);
	memset(report, 0, sizeof *report);
}

int lit_extract_report_format(const lit_extract_report *r, const char *name, char **out)
{
	lit_buf b = LIT_BUF_INIT;
	const char *nm = name ? name : "-";
	*out = NULL;
	lit_buf_printf(&b, "%s: %zu list entries, %zu footnotes, %zu endnotes", nm,
	               r->list_entries, r->footnotes, r->endnotes);
	if (r->notes_skipped)
		lit_buf_printf(&b, " (+%zu explanatory notes skipped)", r->notes_skipped);
	lit_buf_printf(&b, "; in-text citations: %zu linked, %zu unlinked", r->citations_linked,
	               r->citations_unlinked);
	lit_buf_printf(&b, "; footnote markers: %zu linked of %zu", r->markers_linked, r->markers);
	lit_buf_printf(&b, "; repeats resolved: %zu", r->repeats_resolved);
	lit_buf_printf(&b, "; warnings: %zu\n", r->warning_count);
	for (size_t i = 0; i < r->warning_count; i++) {
		if (r->warnings[i].line > 0)
			lit_buf_printf(&b, "%s:%ld: warning: %s\n", nm, r->warnings[i].line,
			               r->warnings[i].message);
		else
			lit_buf_printf(&b, "%s: warning: %s\n", nm, r->warnings[i].message);
	}
	int st = lit_buf_status(&b);
	if (st) {
		lit_buf_free(&b);
		return st;
	}
	*out = lit_buf_detach(&b, NULL);
	return *out ? LIT_OK : LIT_ENOMEM;
}

static int fill_report(lit_extract_report *r, const lit_xdoc *doc)
{
	lit_extract_report_clear(r);
	r->list_entries = doc->n_list;
	r->footnotes = doc->n_foot;
	r->endnotes = doc->n_end;
	r->notes_skipped = doc->n_nonbib;
	r->citations_linked = doc->n_cites_linked;
	r->citations_unlinked = doc->n_cites_unlinked;
	r->markers = doc->n_markers;
	r->markers_linked = doc->n_markers_linked;
	r->repeats_resolved = doc->n_repeats;
	/* footnotes and endnotes counted without the explanatory ones */
	for (size_t i = 0; i < doc->nitems; i++) {
		if (!doc->items[i].nonbib)
			continue;
		if (doc->items[i].where == LIT_XW_FOOT && r->footnotes)
			r->footnotes--;
		else if (doc->items[i].where == LIT_XW_END && r->endnotes)
			r->endnotes--;
	}
	if (doc->nwarns) {
		r->warnings = calloc(doc->nwarns, sizeof *r->warnings);
		if (!r->warnings)
			return LIT_ENOMEM;
		for (size_t i = 0; i < doc->nwarns; i++) {
			size_t n = strlen(doc->warns[i].msg);
			r->warnings[i].line = doc->warns[i].line;
			r->warnings[i].message = malloc(n + 1);
			if (!r->warnings[i].message)
				return LIT_ENOMEM;
			memcpy(r->warnings[i].message, doc->warns[i].msg, n + 1);
			r->warning_count++;
		}
	}
	return LIT_OK;
}

/* Warn about URLs that look damaged: spaces or Cyrillic inside, an
 * unbalanced bracket, a scheme without a host. */
static void check_urls(lit_xdoc *doc)
{
	for (size_t i = 0; i < doc->nitems; i++) {
		const char *s = doc->items[i].text ? doc->items[i].text : doc->items[i].raw;
		const char *p = s;
		while ((p = strstr(p, "http")) != NULL) {
			const char *q = p;
			if (strncmp(q, "http://", 7) != 0 && strncmp(q, "https://", 8) != 0) {
				p += 4;
				continue;
			}
			q += q[4] == 's' ? 8 : 7;
			const char *host = q;
			while (*q && *q != ' ' && *q != '>' && *q != ')' && *q != ']' && *q != '"')
				q++;
			size_t hl = (size_t)(q - host);
			int bad = hl < 4 || !memchr(host, '.', hl);
			if (!bad && *q == ' ') {
				/* "https://site.ru/ path" split by a space */
				if (q[-1] == '/' && q[1] && q[1] != '(' && (unsigned char)q[1] < 0x80 &&
				    q[1] >= 'a' && q[1] <= 'z')
					bad = 1;
			}
			if (bad)
				lit_xdoc_warn(doc, doc->items[i].line, "URL looks damaged: %.*s",
				              (int)((size_t)(q - p) < 80 ? (size_t)(q - p) : 80), p);
			p = q;
		}
	}
}

static int set_custom_json_lines(lit_record *rec, const char *key, const long *v, size_t n)
{
	lit_buf b = LIT_BUF_INIT;
	lit_buf_putc(&b, '[');
	for (size_t i = 0; i < n; i++)
		lit_buf_printf(&b, "%s%ld", i ? ", " : "", v[i]);
	lit_buf_putc(&b, ']');
	int rc = lit_buf_status(&b);
	if (!rc)
		rc = lit_record_set_custom(rec, key, b.ptr, 1);
	lit_buf_free(&b);
	return rc;
}

static int to_records(lit_records *out, lit_xdoc *doc, const lit_parser *parser,
                      const char *source, lit_error *err)
{
	lit_record **made = calloc(doc->nitems ? doc->nitems : 1, sizeof *made);
	/* position of each item among the document's records, from 1 */
	long *ord = calloc(doc->nitems ? doc->nitems : 1, sizeof *ord);
	if (!made || !ord) {
		free(made);
		free(ord);
		return LIT_ENOMEM;
	}
	long nmade = 0;
	int rc = LIT_OK;
	for (size_t i = 0; i < doc->nitems && rc == LIT_OK; i++) {
		lit_xitem *it = &doc->items[i];
		if (it->nonbib)
			continue;
		lit_record *rec = NULL;
		const char *text = it->text ? it->text : it->raw;
		if (it->repeat_of >= 0 && (size_t)it->repeat_of < i && made[it->repeat_of]) {
			rec = lit_record_clone(made[it->repeat_of]);
			if (!rec) {
				rc = LIT_ENOMEM;
				break;
			}
			lit_record_set_custom(rec, "label", NULL, 0);
			lit_record_set_custom(rec, "cited_at", NULL, 0);
		} else if (parser) {
			lit_error perr;
			lit_error_clear(&perr);
			if (lit_parse_reference(parser, text, strlen(text), &rec, &perr) != LIT_OK)
				rec = NULL;
		}
		if (!rec) {
			rec = lit_record_new();
			if (!rec) {
				rc = LIT_ENOMEM;
				break;
			}
		}
		lit_where w = it->where == LIT_XW_LIST ? LIT_WHERE_BIBLIOGRAPHY :
		              it->where == LIT_XW_END ? LIT_WHERE_ENDNOTE : LIT_WHERE_FOOTNOTE;
		if (lit_record_set_raw(rec, it->raw) || lit_record_set_source(rec, source, it->line) ||
		    (it->label[0] && lit_record_set_custom(rec, "label", it->label, 0)) ||
		    (it->ncited && set_custom_json_lines(rec, "cited_at", it->cited, it->ncited))) {
			lit_record_free(rec);
			rc = LIT_ENOMEM;
			break;
		}
		lit_record_set_where(rec, w);
		if (it->repeat_of >= 0) {
			const lit_xitem *t = &doc->items[it->repeat_of];
			lit_buf b = LIT_BUF_INIT;
			lit_buf_printf(&b, "{\"line\": %ld, \"label\": ", t->line);
			lit_buf_putc(&b, '"');
			for (const char *c = t->label; *c; c++) {
				if (*c == '"' || *c == '\\')
					lit_buf_putc(&b, '\\');
				lit_buf_putc(&b, *c);
			}
			lit_buf_putc(&b, '"');
			if (ord[it->repeat_of] > 0)
				lit_buf_printf(&b, ", \"item\": %ld", ord[it->repeat_of]);
			lit_buf_putc(&b, '}');
			if (!lit_buf_status(&b))
				lit_record_set_custom(rec, "repeat_of", b.ptr, 1);
			lit_buf_free(&b);
			if (it->locator) {
				lit_record_set_custom(rec, "locator", it->locator, 0);
				lit_record_set(rec, LIT_VAR_LOCATOR, it->locator);
			}
		}
		made[i] = rec;
		ord[i] = ++nmade;
	}
	if (rc == LIT_OK) {
		for (size_t i = 0; i < doc->nitems; i++) {
			if (!made[i])
				continue;
			rc = lit_records_push(out, made[i]);
			made[i] = NULL;
			if (rc)
				break;
		}
	}
	for (size_t i = 0; i < doc->nitems; i++)
		lit_record_free(made[i]);
	free(made);
	free(ord);
	if (rc)
		lit_error_set(err, rc, source, 0, "out of memory while building records");
	return rc;
}

static int run(lit_records *out, const char *data, size_t len, const char *path,
               const lit_extract_options *opts, lit_extract_report *report, lit_error *err)
{
	const char *name = opts->filename ? opts->filename : path;
	size_t max = opts->max_input ? opts->max_input : DEFAULT_MAX_INPUT;
	if (len > max)
		return lit_error_set(err, LIT_ELIMIT, name, 0,
		                     "input is %zu bytes, more than the limit of %zu", len, max);
	int kind = opts->format ? lit_xformat_from_name(opts->format)
	                        : lit_xformat_detect(data, len, path ? path : name);
	if (kind < 0)
		return lit_error_set(err, LIT_EINVAL, name, 0, "unknown input kind '%s' (text, "
		                     "markdown, html, docx, jats, tei, pdf)", opts->format);
	lit_xdoc doc;
	lit_xdoc_init(&doc);
	lit_buf text = LIT_BUF_INIT;
	lit_xnote *notes = NULL;
	size_t nnotes = 0;
	char *decoded = NULL;
	int rc = LIT_OK;
	lit_xinput in;
	memset(&in, 0, sizeof in);
	switch (kind) {
	case LIT_XF_PDF:
		rc = lit_xpdf_to_text(data, len, path, &text, err);
		if (rc == LIT_OK) {
			in.text = text.ptr ? text.ptr : "";
			in.len = text.len;
		}
		break;
	case LIT_XF_DOCX:
		rc = lit_xdocx_to_text(data, len, &text, &notes, &nnotes, err);
		in.text = text.ptr ? text.ptr : "";
		in.len = text.len;
		break;
	case LIT_XF_HTML:
		rc = lit_xhtml_to_text(data, len, &text, &notes, &nnotes, err);
		in.text = text.ptr ? text.ptr : "";
		in.len = text.len;
		break;
	case LIT_XF_JATS:
	case LIT_XF_TEI:
		rc = lit_xxml_refs(&doc, data, len, kind, err);
		break;
	default: {
		size_t dlen = 0;
		rc = lit_decode_text(data, len, opts->encoding, &decoded, &dlen, NULL, err);
		in.text = decoded;
		in.len = dlen;
		in.markdown = kind == LIT_XF_MARKDOWN;
		break;
	}
	}
	if (rc != LIT_OK) {
		if (err && !err->file[0] && name)
			snprintf(err->file, sizeof err->file, "%s", name);
		goto done;
	}
	in.notes = notes;
	in.nnotes = nnotes;
	if (kind != LIT_XF_JATS && kind != LIT_XF_TEI)
		rc = lit_xsegment(&doc, &in);
	if (rc == LIT_OK && doc.failed)
		rc = LIT_ENOMEM;
	if (rc != LIT_OK) {
		lit_error_set(err, rc, name, 0, "out of memory during extraction");
		goto done;
	}
	check_urls(&doc);
	const lit_parser *parser = opts->parser;
	lit_parser *own = NULL;
	if (!parser && !opts->no_parse && doc.nitems) {
		lit_parse_options po = LIT_PARSE_OPTIONS_INIT;
		lit_error perr;
		lit_error_clear(&perr);
		if (lit_parser_new(&own, &po, &perr) == LIT_OK)
			parser = own;
		else
			lit_xdoc_warn(&doc, 0, "reference parser unavailable (%s): records carry raw text only",
			              perr.message);
	}
	if (opts->no_parse)
		parser = NULL;
	rc = to_records(out, &doc, parser, name, err);
	lit_parser_free(own);
	if (rc == LIT_OK && report)
		rc = fill_report(report, &doc);
	if (rc != LIT_OK && !err->message[0])
		lit_error_set(err, rc, name, 0, "out of memory");
done:
	lit_xdoc_free(&doc);
	lit_buf_free(&text);
	lit_xnotes_free(notes, nnotes);
	lit_free(decoded);
	return rc;
}

int lit_extract_buffer(lit_records *out, const char *data, size_t len,
                       const lit_extract_options *opts, lit_extract_report *report,
                       lit_error *err)
{
	lit_extract_options def = LIT_EXTRACT_OPTIONS_INIT;
	lit_error local;
	if (!err)
		err = &local;
	lit_error_clear(err);
	if (!opts)
		opts = &def;
	if (!out || (!data && len))
		return lit_error_set(err, LIT_EINVAL, opts->filename, 0, "no output list or no data");
	if (report)
		lit_extract_report_clear(report);
	return run(out, data ? data : "", len, NULL, opts, report, err);
}

int lit_extract_file(lit_records *out, const char *path, const lit_extract_options *opts,
                     lit_extract_report *report, lit_error *err)
{
	lit_extract_options def = LIT_EXTRACT_OPTIONS_INIT;
	lit_error local;
	if (!err)
		err = &local;
	lit_error_clear(err);
	if (!opts)
		opts = &def;
	if (!out || !path)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "no output list or no path");
	if (report)
		lit_extract_report_clear(report);
	int use_stdin = strcmp(path, "-") == 0;
	const char *name = opts->filename ? opts->filename : (use_stdin ? "<stdin>" : path);
	size_t max = opts->max_input ? opts->max_input : DEFAULT_MAX_INPUT;
	FILE *f = use_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return lit_error_set(err, LIT_EIO, name, 0, "cannot open: %s", strerror(errno));
	lit_buf b = LIT_BUF_INIT;
	b.max = max + 1;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (lit_buf_put(&b, chunk, n))
			break;
	}
	int ioerr = ferror(f);
	if (!use_stdin)
		fclose(f);
	if (ioerr) {
		lit_buf_free(&b);
		return lit_error_set(err, LIT_EIO, name, 0, "read error");
	}
	if (lit_buf_status(&b) == LIT_ELIMIT) {
		lit_buf_free(&b);
		return lit_error_set(err, LIT_ELIMIT, name, 0, "input is larger than the limit of %zu bytes",
		                     max);
	}
	if (lit_buf_status(&b)) {
		lit_buf_free(&b);
		return lit_error_set(err, LIT_ENOMEM, name, 0, "out of memory reading the input");
	}
	lit_extract_options o = *opts;
	o.filename = name;
	int rc = run(out, b.ptr ? b.ptr : "", b.len, use_stdin ? NULL : path, &o, report, err);
	lit_buf_free(&b);
	return rc;
}
