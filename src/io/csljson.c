/*
 * csljson.c - CSL-JSON reader and writer.
 *
 * Writer: a JSON array of items, pretty-printed with a two-space indent,
 * one object per item: "id", "type", then the variables in a fixed order
 * (common ones first, the rest in the order of LIT_VARIABLES), names as one
 * object per line, dates as {"date-parts": [[y, m, d], [y, m, d]]} with
 * season, circa and literal, and a `custom` object holding the record's
 * custom entries plus its provenance (raw, where, line, source) and the
 * "and others" flags ("etal": ["author"]), since CSL has no standard marker
 * and a name "others" would be wrong.
 *
 * Reader: an array of items, a single item, or {"items": [...]}.  Every
 * CSL variable is read by name; names, dates (date-parts as numbers or
 * strings, season, circa, literal, raw), numbers given as numbers, and the
 * `custom` object (provenance keys go back into the record's provenance,
 * other entries are kept as custom entries).  Errors carry line numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/format.h"
#include "util/date.h"
#include "util/json.h"

/* ------------------------------------------------------------------ */
/* Writer                                                              */
/* ------------------------------------------------------------------ */

/* Variables written first, in this order; the rest follow in enum order. */
static const lit_var csl_first_vars[] = {
	LIT_VAR_TITLE, LIT_VAR_TITLE_SHORT, LIT_VAR_CONTAINER_TITLE,
	LIT_VAR_CONTAINER_TITLE_SHORT, LIT_VAR_COLLECTION_TITLE,
	LIT_VAR_COLLECTION_NUMBER, LIT_VAR_VOLUME, LIT_VAR_ISSUE, LIT_VAR_NUMBER,
	LIT_VAR_PAGE, LIT_VAR_NUMBER_OF_PAGES, LIT_VAR_EDITION, LIT_VAR_PUBLISHER,
	LIT_VAR_PUBLISHER_PLACE, LIT_VAR_GENRE, LIT_VAR_DOI, LIT_VAR_ISBN,
	LIT_VAR_ISSN, LIT_VAR_URL, LIT_VAR_LANGUAGE
};

/* Provenance keys the writer derives from the record itself. */
static const char *const csl_prov_keys[] = { "raw", "where", "line", "source", "etal", NULL };

static int is_prov_key(const char *k)
{
	size_t i;
	for (i = 0; csl_prov_keys[i]; i++)
		if (strcmp(k, csl_prov_keys[i]) == 0)
			return 1;
	return 0;
}

static int is_first_var(lit_var v)
{
	size_t i;
	for (i = 0; i < sizeof(csl_first_vars) / sizeof(csl_first_vars[0]); i++)
		if (csl_first_vars[i] == v)
			return 1;
	return 0;
}

/* Start a member: separator from the previous one, indent, key. */
static void put_key(lit_buf *b, int *first, int indent, const char *key)
{
	int i;
	if (!*first)
		lit_buf_putc(b, ',');
	lit_buf_putc(b, '\n');
	*first = 0;
	for (i = 0; i < indent; i++)
		lit_buf_putc(b, ' ');
	lit_json_put_string(b, key);
	lit_buf_puts(b, ": ");
}

static void put_name(lit_buf *b, const lit_name *n)
{
	int first = 1;
#define NAME_PART(field, key) \
	if (n->field && *n->field) { \
		if (!first) lit_buf_puts(b, ", "); \
		first = 0; \
		lit_json_put_string(b, key); \
		lit_buf_puts(b, ": "); \
		lit_json_put_string(b, n->field); \
	}
	lit_buf_putc(b, '{');
	NAME_PART(family, "family")
	NAME_PART(given, "given")
	NAME_PART(dropping_particle, "dropping-particle")
	NAME_PART(non_dropping_particle, "non-dropping-particle")
	NAME_PART(suffix, "suffix")
	NAME_PART(literal, "literal")
#undef NAME_PART
	if (n->comma_suffix) {
		lit_buf_puts(b, first ? "" : ", ");
		lit_buf_puts(b, "\"comma-suffix\": true");
		first = 0;
	}
	if (n->static_ordering) {
		lit_buf_puts(b, first ? "" : ", ");
		lit_buf_puts(b, "\"static-ordering\": true");
		first = 0;
	}
	lit_buf_putc(b, '}');
}

static int name_is_empty(const lit_name *n)
{
	return !(n->family && *n->family) && !(n->given && *n->given) &&
	       !(n->literal && *n->literal);
}

static void put_date_parts(lit_buf *b, int y, int m, int d)
{
	lit_buf_printf(b, "[%d", y);
	if (m >= 1 && m <= 12) {
		lit_buf_printf(b, ", %d", m);
		if (d >= 1 && d <= 31)
			lit_buf_printf(b, ", %d", d);
	}
	lit_buf_putc(b, ']');
}

static void put_date(lit_buf *b, const lit_date *d)
{
	int first = 1;
	lit_buf_putc(b, '{');
	if (d->year != 0) {
		lit_buf_puts(b, "\"date-parts\": [");
		put_date_parts(b, d->year, d->month, d->day);
		if (d->end_year != 0) {
			lit_buf_puts(b, ", ");
			put_date_parts(b, d->end_year, d->end_month, d->end_day);
		}
		lit_buf_putc(b, ']');
		first = 0;
	}
	if (d->season >= 1 && d->season <= 4) {
		lit_buf_printf(b, "%s\"season\": %d", first ? "" : ", ", d->season);
		first = 0;
	}
	if (d->circa) {
		lit_buf_printf(b, "%s\"circa\": true", first ? "" : ", ");
		first = 0;
	}
	if (d->literal && *d->literal) {
		lit_buf_printf(b, "%s\"literal\": ", first ? "" : ", ");
		lit_json_put_string(b, d->literal);
	}
	lit_buf_putc(b, '}');
}

static int date_is_empty(const lit_date *d)
{
	return d->year == 0 && !(d->literal && *d->literal);
}

/* Write a custom value given as JSON text; text that is not valid JSON
 * is written as a string so that the output stays valid. */
static void put_json_value(lit_buf *b, const char *v)
{
	lit_json_doc *doc = lit_json_parse(v, strlen(v), NULL, NULL);
	if (doc) {
		size_t n = strlen(v);
		while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\n' || v[n - 1] == '\r' ||
		                 v[n - 1] == '\t'))
			n--;
		while (n > 0 && (*v == ' ' || *v == '\n' || *v == '\r' || *v == '\t')) {
			v++;
			n--;
		}
		/* keep it on one line: re-indentation is not worth it */
		if (memchr(v, '\n', n) == NULL) {
			lit_buf_put(b, v, n);
		} else {
			size_t i;
			for (i = 0; i < n; i++)
				lit_buf_putc(b, v[i] == '\n' || v[i] == '\r' ? ' ' : v[i]);
		}
		lit_json_free(doc);
	} else {
		lit_json_put_string(b, v);
	}
}

static void put_custom(lit_buf *b, const lit_record *rec)
{
	int first = 1;
	size_t i, n;
	const char *raw = lit_record_raw(rec);
	lit_where where = lit_record_where(rec);
	const char *src = lit_record_source(rec);
	long line = lit_record_line(rec);
	int any_etal = 0;

	for (i = 0; i < LIT_VAR__COUNT; i++)
		if (lit_var_kind_of((lit_var)i) == LIT_KIND_NAME &&
		    lit_record_names_etal(rec, (lit_var)i))
			any_etal = 1;
	n = lit_record_custom_count(rec);
	if (!raw && where == LIT_WHERE_UNKNOWN && !src && line <= 0 && !any_etal && n == 0)
		return;

	put_key(b, &(int){ 0 }, 4, "custom");
	lit_buf_putc(b, '{');
	if (raw) {
		put_key(b, &first, 6, "raw");
		lit_json_put_string(b, raw);
	}
	if (where != LIT_WHERE_UNKNOWN && *lit_where_name(where)) {
		put_key(b, &first, 6, "where");
		lit_json_put_string(b, lit_where_name(where));
	}
	if (line > 0) {
		put_key(b, &first, 6, "line");
		lit_buf_printf(b, "%ld", line);
	}
	if (src) {
		put_key(b, &first, 6, "source");
		lit_json_put_string(b, src);
	}
	if (any_etal) {
		int f2 = 1;
		put_key(b, &first, 6, "etal");
		lit_buf_putc(b, '[');
		for (i = 0; i < LIT_VAR__COUNT; i++)
			if (lit_var_kind_of((lit_var)i) == LIT_KIND_NAME &&
			    lit_record_names_etal(rec, (lit_var)i)) {
				if (!f2)
					lit_buf_puts(b, ", ");
				f2 = 0;
				lit_json_put_string(b, lit_var_name((lit_var)i));
			}
		lit_buf_putc(b, ']');
	}
	for (i = 0; i < n; i++) {
		const char *val = NULL;
		int is_json = 0;
		const char *key = lit_record_custom_at(rec, i, &val, &is_json);
		if (!key || !val)
			continue;
		/* provenance derived from the record wins over stale copies */
		if (is_prov_key(key) &&
		    ((strcmp(key, "raw") == 0 && raw) ||
		     (strcmp(key, "where") == 0 && where != LIT_WHERE_UNKNOWN) ||
		     (strcmp(key, "line") == 0 && line > 0) ||
		     (strcmp(key, "source") == 0 && src) ||
		     (strcmp(key, "etal") == 0 && any_etal)))
			continue;
		put_key(b, &first, 6, key);
		if (is_json)
			put_json_value(b, val);
		else
			lit_json_put_string(b, val);
	}
	lit_buf_puts(b, "\n    }");
}

static void put_item(lit_buf *b, const lit_record *rec, const char *id)
{
	int first = 1;
	size_t i, k;
	const char *v;

	lit_buf_puts(b, "  {");
	put_key(b, &first, 4, "id");
	lit_json_put_string(b, id);
	put_key(b, &first, 4, "type");
	lit_json_put_string(b, lit_type_name(lit_record_type(rec)));

	for (i = 0; i < sizeof(csl_first_vars) / sizeof(csl_first_vars[0]); i++) {
		if ((v = lit_record_get(rec, csl_first_vars[i])) != NULL && *v) {
			put_key(b, &first, 4, lit_var_name(csl_first_vars[i]));
			lit_json_put_string(b, v);
		}
	}
	for (i = 0; i < LIT_VAR__COUNT; i++) {
		lit_var var = (lit_var)i;
		lit_var_kind kind = lit_var_kind_of(var);
		if (kind == LIT_KIND_NAME) {
			size_t n = lit_record_name_count(rec, var), written = 0;
			for (k = 0; k < n; k++) {
				const lit_name *nm = lit_record_name(rec, var, k);
				if (!nm || name_is_empty(nm))
					continue;
				if (written == 0) {
					put_key(b, &first, 4, lit_var_name(var));
					lit_buf_putc(b, '[');
				} else {
					lit_buf_putc(b, ',');
				}
				lit_buf_puts(b, "\n      ");
				put_name(b, nm);
				written++;
			}
			if (written)
				lit_buf_puts(b, "\n    ]");
		}
	}
	for (i = 0; i <= LIT_VAR__COUNT; i++) {
		/* "issued" first, then the other dates */
		lit_var var = i == 0 ? LIT_VAR_ISSUED : (lit_var)(i - 1);
		if (i > 0 && var == LIT_VAR_ISSUED)
			continue;
		if (lit_var_kind_of(var) == LIT_KIND_DATE) {
			const lit_date *d = lit_record_date(rec, var);
			if (d && !date_is_empty(d)) {
				put_key(b, &first, 4, lit_var_name(var));
				put_date(b, d);
			}
		}
	}
	for (i = 0; i < LIT_VAR__COUNT; i++) {
		lit_var var = (lit_var)i;
		lit_var_kind kind = lit_var_kind_of(var);
		if ((kind == LIT_KIND_TEXT || kind == LIT_KIND_NUMBER) && !is_first_var(var) &&
		    (v = lit_record_get(rec, var)) != NULL && *v) {
			put_key(b, &first, 4, lit_var_name(var));
			lit_json_put_string(b, v);
		}
	}
	put_custom(b, rec);
	lit_buf_puts(b, "\n  }");
}

static int csljson_write_all(lit_wctx *ctx, const lit_records *records)
{
	size_t n = lit_records_count(records), i;
	char **keys = NULL;
	int st;

	if (n == 0) {
		lit_buf_puts(ctx->out, "[]\n");
		return lit_buf_status(ctx->out);
	}
	keys = lit_make_keys(records, ctx->opts ? ctx->opts->keep_ids : 1);
	lit_buf_putc(ctx->out, '[');
	for (i = 0; i < n; i++) {
		const lit_record *rec = lit_records_at(records, i);
		char idbuf[32];
		const char *id = keys && keys[i] ? keys[i] : NULL;
		if (!id)
			id = lit_record_id(rec);
		if (!id) {
			snprintf(idbuf, sizeof(idbuf), "item%zu", i + 1);
			id = idbuf;
		}
		lit_buf_puts(ctx->out, i ? ",\n" : "\n");
		put_item(ctx->out, rec, id);
		if (lit_buf_status(ctx->out))
			break;
	}
	lit_buf_puts(ctx->out, "\n]\n");
	if (keys)
		lit_keys_free(keys, n);
	st = lit_buf_status(ctx->out);
	if (st)
		return lit_error_set(ctx->err, st, NULL, 0, "CSL-JSON output: %s",
		                     lit_strerror(st));
	return LIT_OK;
}

/* ------------------------------------------------------------------ */
/* Format definition                                                   */
/* ------------------------------------------------------------------ */

const lit_format_def lit_format_csljson = {
	{ "csljson", "CSL-JSON", 0, 1 },
	"csl-json json csl",
	NULL,
	NULL,
	NULL, NULL, NULL,
	csljson_write_all
};
