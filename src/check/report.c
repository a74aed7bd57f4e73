/*
 * report.c - writing a link-check report as text, JSON, Markdown or JUnit
 * XML.  One table maps a format name to its writer; all share the
 * buffer, escaping helpers and the error path in lit_check_report_render().
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check_int.h"
#include "util/json.h"

typedef void (*render_fn)(const lit_check_report *rep, lit_buf *b);

static void put_age(lit_buf *b, const lit_link_result *r)
{
	if (!r->accessed)
		return;
	long d = r->accessed_days;
	if (d < 0)
		lit_buf_printf(b, "accessed %s", r->accessed);
	else if (d < 60)
		lit_buf_printf(b, "accessed %s, %ld day%s ago", r->accessed, d, d == 1 ? "" : "s");
	else if (d < 730)
		lit_buf_printf(b, "accessed %s, %ld months ago", r->accessed, d / 30);
	else
		lit_buf_printf(b, "accessed %s, %ld years ago", r->accessed, d / 365);
}

static void render_text(const lit_check_report *rep, lit_buf *b)
{
	size_t n = lit_check_report_count(rep);
	for (size_t i = 0; i < n; i++) {
		const lit_link_result *r = lit_check_report_at(rep, i);
		const char *v = lit_verdict_name(r->verdict);
		if (r->source && r->line > 0)
			lit_buf_printf(b, "%s:%ld: ", r->source, r->line);
		else if (r->source)
			lit_buf_printf(b, "%s: ", r->source);
		lit_buf_printf(b, "[%s] %s", v, r->url);
		if (r->record_id)
			lit_buf_printf(b, " (%s)", r->record_id);
		if (r->http_status)
			lit_buf_printf(b, " %d", r->http_status);
		lit_buf_printf(b, " %ldms%s", r->ms, r->from_cache ? " cached" : "");
		if (r->message && *r->message)
			lit_buf_printf(b, ": %s", r->message);
		lit_buf_putc(b, '\n');
		if (r->suggestion)
			lit_buf_printf(b, "    suggested repair: %s\n", r->suggestion);
		if (r->verdict == LIT_VERDICT_REDIRECT && r->final_url)
			lit_buf_printf(b, "    now at: %s\n", r->final_url);
		if (r->archived_url)
			lit_buf_printf(b, "    archived copy: %s\n", r->archived_url);
		if (r->accessed) {
			lit_buf_puts(b, "    ");
			put_age(b, r);
			lit_buf_putc(b, '\n');
		}
	}
	lit_buf_printf(b, "%zu link%s:", n, n == 1 ? "" : "s");
	for (int v = 0; v < LIT_VERDICT__COUNT; v++) {
		size_t c = lit_check_report_tally(rep, (lit_verdict)v);
		if (c)
			lit_buf_printf(b, " %zu %s", c, lit_verdict_name((lit_verdict)v));
	}
	lit_buf_putc(b, '\n');
}

static void render_json(const lit_check_report *rep, lit_buf *b)
{
	size_t n = lit_check_report_count(rep);
	lit_buf_puts(b, "[");
	for (size_t i = 0; i < n; i++) {
		const lit_link_result *r = lit_check_report_at(rep, i);
		lit_buf_puts(b, i ? ",\n  {" : "\n  {");
		lit_buf_puts(b, "\"url\": ");
		lit_json_put_string(b, r->url);
		lit_buf_printf(b, ", \"kind\": \"%s\", \"verdict\": \"%s\"",
		               r->kind == LIT_LINK_DOI ? "doi" : "url", lit_verdict_name(r->verdict));
		if (r->http_status)
			lit_buf_printf(b, ", \"http_status\": %d", r->http_status);
		else
			lit_buf_puts(b, ", \"http_status\": null");
		lit_buf_puts(b, ", \"final_url\": ");
		lit_json_put_string(b, r->final_url);
		lit_buf_printf(b, ", \"ms\": %ld, \"archived_url\": ", r->ms);
		lit_json_put_string(b, r->archived_url);
		lit_buf_puts(b, ", \"record_id\": ");
		lit_json_put_string(b, r->record_id);
		lit_buf_puts(b, ", \"message\": ");
		lit_json_put_string(b, r->message);
		if (r->verdict == LIT_VERDICT_REDIRECT)
			lit_buf_printf(b, ", \"permanent\": %s", r->permanent ? "true" : "false");
		if (r->suggestion) {
			lit_buf_puts(b, ", \"suggestion\": ");
			lit_json_put_string(b, r->suggestion);
		}
		if (r->checked_url && r->url && strcmp(r->checked_url, r->url) != 0) {
			lit_buf_puts(b, ", \"checked_url\": ");
			lit_json_put_string(b, r->checked_url);
		}
		if (r->archived_timestamp) {
			lit_buf_puts(b, ", \"archived_timestamp\": ");
			lit_json_put_string(b, r->archived_timestamp);
		}
		if (r->accessed) {
			lit_buf_puts(b, ", \"accessed\": ");
			lit_json_put_string(b, r->accessed);
			lit_buf_printf(b, ", \"accessed_days\": %ld", r->accessed_days);
		}
		if (r->doi_mismatch)
			lit_buf_puts(b, ", \"doi_mismatch\": true");
		if (r->from_cache)
			lit_buf_puts(b, ", \"cached\": true");
		if (r->source) {
			lit_buf_puts(b, ", \"source\": ");
			lit_json_put_string(b, r->source);
			if (r->line > 0)
				lit_buf_printf(b, ", \"line\": %ld", r->line);
		}
		lit_buf_puts(b, "}");
	}
	lit_buf_puts(b, n ? "\n]\n" : "]\n");
}

/* Markdown table cell: pipes and newlines escaped. */
static void md_cell(lit_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			lit_buf_puts(b, "\\|");
		else if (*s == '\n' || *s == '\r')
			lit_buf_putc(b, ' ');
		else
			lit_buf_putc(b, *s);
	}
}

static void render_markdown(const lit_check_report *rep, lit_buf *b)
{
	size_t n = lit_check_report_count(rep);
	lit_buf_puts(b, "# Link check\n\n");
	for (int v = 0; v < LIT_VERDICT__COUNT; v++) {
		size_t c = lit_check_report_tally(rep, (lit_verdict)v);
		if (c)
			lit_buf_printf(b, "- **%s**: %zu\n", lit_verdict_name((lit_verdict)v), c);
	}
	lit_buf_printf(b, "\n| verdict | link | record | status | ms | details |\n"
	                  "|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < n; i++) {
		const lit_link_result *r = lit_check_report_at(rep, i);
		lit_buf_printf(b, "| %s | ", lit_verdict_name(r->verdict));
		md_cell(b, r->url);
		lit_buf_puts(b, " | ");
		md_cell(b, r->record_id);
		if (r->http_status)
			lit_buf_printf(b, " | %d | %ld | ", r->http_status, r->ms);
		else
			lit_buf_printf(b, " |  | %ld | ", r->ms);
		md_cell(b, r->message);
		if (r->suggestion) {
			lit_buf_puts(b, "; suggested: ");
			md_cell(b, r->suggestion);
		}
		if (r->archived_url) {
			lit_buf_puts(b, "; [archived copy](");
			md_cell(b, r->archived_url);
			lit_buf_puts(b, ")");
		}
		if (r->accessed) {
			lit_buf_puts(b, "; ");
			put_age(b, r);
		}
		lit_buf_puts(b, " |\n");
	}
}

static void xml_escape(lit_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': lit_buf_puts(b, "&lt;"); break;
		case '>': lit_buf_puts(b, "&gt;"); break;
		case '&': lit_buf_puts(b, "&amp;"); break;
		case '"': lit_buf_puts(b, "&quot;"); break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n')
				lit_buf_putc(b, ' ');
			else
				lit_buf_putc(b, *s);
		}
	}
}

static int is_failure(lit_verdict v)
{
	return v == LIT_VERDICT_BROKEN || v == LIT_VERDICT_MALFORMED;
}

static void render_junit(const lit_check_report *rep, lit_buf *b)
{
	size_t n = lit_check_report_count(rep), fails = 0, skipped = 0;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		const lit_link_result *r = lit_check_report_at(rep, i);
		fails += is_failure(r->verdict);
		skipped += r->verdict == LIT_VERDICT_UNVERIFIABLE;
		total += (double)r->ms / 1000.0;
	}
	lit_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                  "<testsuites name=\"litera check\" tests=\"%zu\" failures=\"%zu\">\n"
	                  "  <testsuite name=\"links\" tests=\"%zu\" failures=\"%zu\" skipped=\"%zu\" time=\"%.3f\">\n",
	               n, fails, n, fails, skipped, total);
	for (size_t i = 0; i < n; i++) {
		const lit_link_result *r = lit_check_report_at(rep, i);
		lit_buf_puts(b, "    <testcase classname=\"");
		xml_escape(b, r->record_id ? r->record_id : (r->source ? r->source : "links"));
		lit_buf_puts(b, "\" name=\"");
		xml_escape(b, r->url);
		lit_buf_printf(b, "\" time=\"%.3f\"", (double)r->ms / 1000.0);
		if (r->verdict == LIT_VERDICT_OK || r->verdict == LIT_VERDICT_REDIRECT) {
			lit_buf_puts(b, "/>\n");
			continue;
		}
		lit_buf_puts(b, ">\n      ");
		if (is_failure(r->verdict)) {
			lit_buf_printf(b, "<failure type=\"%s\" message=\"", lit_verdict_name(r->verdict));
			xml_escape(b, r->message);
			lit_buf_puts(b, "\">");
			if (r->suggestion) {
				lit_buf_puts(b, "suggested repair: ");
				xml_escape(b, r->suggestion);
			}
			if (r->archived_url) {
				lit_buf_puts(b, " archived copy: ");
				xml_escape(b, r->archived_url);
			}
			lit_buf_puts(b, "</failure>\n");
		} else if (r->verdict == LIT_VERDICT_UNVERIFIABLE) {
			lit_buf_puts(b, "<skipped message=\"");
			xml_escape(b, r->message);
			lit_buf_puts(b, "\"/>\n");
		} else {
			lit_buf_printf(b, "<error type=\"%s\" message=\"", lit_verdict_name(r->verdict));
			xml_escape(b, r->message);
			lit_buf_puts(b, "\"/>\n");
		}
		lit_buf_puts(b, "    </testcase>\n");
	}
	lit_buf_puts(b, "  </testsuite>\n</testsuites>\n");
}

static const struct {
	const char *name;
	render_fn fn;
} renderers[] = {
	{ "text", render_text },
	{ "json", render_json },
	{ "markdown", render_markdown },
	{ "md", render_markdown },
	{ "junit", render_junit },
};

int lit_check_report_render(const lit_check_report *rep, const char *format,
                            char **out, size_t *outlen, lit_error *err)
{
	*out = NULL;
	if (outlen)
		*outlen = 0;
	if (!rep)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "no report");
	for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++) {
		if (strcasecmp(format ? format : "text", renderers[i].name) != 0)
			continue;
		lit_buf b = LIT_BUF_INIT;
		renderers[i].fn(rep, &b);
		if (lit_buf_status(&b)) {
			lit_buf_free(&b);
			return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
		}
		*out = lit_buf_detach(&b, outlen);
		return *out ? LIT_OK : lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	return lit_error_set(err, LIT_ENOTFOUND, NULL, 0,
	                     "unknown report format '%s' (text, json, markdown, junit)", format);
}
