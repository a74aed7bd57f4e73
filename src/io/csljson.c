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

#include "core/record_int.h"
#include "io/format.h"
#include "util/date.h"
#include "util/json.h"
#include "util/utf8.h"

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

/* A decimal integer (as printf's %ld writes it). */
static void put_int(lit_buf *b, long v)
{
	char tmp[24];
	size_t i = sizeof tmp;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--i] = '-';
	lit_buf_put(b, tmp + i, sizeof tmp - i);
}

/* A JSON string; invalid UTF-8 (possible in records built through the
 * API) becomes U+FFFD so that the output is always valid JSON. */
static void put_str(lit_buf *b, const char *s)
{
	size_t len, i = 0;
	lit_buf fixed = LIT_BUF_INIT;
	if (!s) {
		lit_buf_puts(b, "null");
		return;
	}
	/* printable ASCII without quotes or backslashes goes out as it is */
	const unsigned char *p = (const unsigned char *)s;
	while (*p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\')
		p++;
	if (*p == 0) {
		lit_buf_putc(b, '"');
		lit_buf_put(b, s, (size_t)(p - (const unsigned char *)s));
		lit_buf_putc(b, '"');
		return;
	}
	len = (size_t)(p - (const unsigned char *)s) + strlen((const char *)p);
	if (lit_utf8_valid(s, len, NULL)) {
		lit_json_put_stringn(b, s, len);
		return;
	}
	while (i < len) {
		size_t adv = 1;
		int32_t cp = lit_utf8_decode(s + i, len - i, &adv);
		if (adv == 0)
			adv = 1;
		if (cp < 0)
			lit_buf_puts(&fixed, "\xEF\xBF\xBD");
		else
			lit_buf_put(&fixed, s + i, adv);
		i += adv;
	}
	if (lit_buf_status(&fixed))
		b->failed = fixed.failed;
	else
		lit_json_put_stringn(b, lit_buf_cstr(&fixed), fixed.len);
	lit_buf_free(&fixed);
}

/* Start a member: separator from the previous one, indent (<= 8), key. */
static void put_key(lit_buf *b, int *first, int indent, const char *key)
{
	static const char sep[] = ",\n        ";
	if (*first)
		lit_buf_put(b, sep + 1, 1 + (size_t)indent);
	else
		lit_buf_put(b, sep, 2 + (size_t)indent);
	*first = 0;
	put_str(b, key);
	lit_buf_put(b, ": ", 2);
}

static void put_name(lit_buf *b, const lit_name *n)
{
	int first = 1;
#define NAME_PART(field, key) \
	if (n->field && *n->field) { \
		if (!first) lit_buf_puts(b, ", "); \
		first = 0; \
		put_str(b, key); \
		lit_buf_puts(b, ": "); \
		put_str(b, n->field); \
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
	lit_buf_putc(b, '[');
	put_int(b, y);
	if (m >= 1 && m <= 12) {
		lit_buf_put(b, ", ", 2);
		put_int(b, m);
		if (d >= 1 && d <= 31) {
			lit_buf_put(b, ", ", 2);
			put_int(b, d);
		}
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
			if (d->end_season >= 1 && d->end_season <= 4 && !d->end_month) {
				/* a range ending in a season: seasons as months 21-24 */
				lit_buf_putc(b, '[');
				put_int(b, d->end_year);
				lit_buf_puts(b, ", ");
				put_int(b, 20 + d->end_season);
				lit_buf_putc(b, ']');
			} else {
				put_date_parts(b, d->end_year, d->end_month, d->end_day);
			}
		} else if (d->open_end) {
			lit_buf_puts(b, ", [0]");
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
		put_str(b, d->literal);
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
		put_str(b, v);
	}
}

/* The variables of each kind in the order they are written, found once
 * per output instead of once per item. */
typedef struct var_lists {
	lit_var name[LIT_VAR__COUNT];
	lit_var date[LIT_VAR__COUNT];  /* "issued" first */
	lit_var text[LIT_VAR__COUNT];  /* TEXT and NUMBER, not among csl_first_vars */
	size_t nname, ndate, ntext;
} var_lists;

static void var_lists_init(var_lists *vl)
{
	size_t i;
	vl->nname = vl->ndate = vl->ntext = 0;
	vl->date[vl->ndate++] = LIT_VAR_ISSUED;
	for (i = 0; i < LIT_VAR__COUNT; i++) {
		lit_var var = (lit_var)i;
		lit_var_kind kind = lit_var_kind_of(var);
		if (kind == LIT_KIND_NAME)
			vl->name[vl->nname++] = var;
		else if (kind == LIT_KIND_DATE && var != LIT_VAR_ISSUED)
			vl->date[vl->ndate++] = var;
		else if ((kind == LIT_KIND_TEXT || kind == LIT_KIND_NUMBER) && !is_first_var(var))
			vl->text[vl->ntext++] = var;
	}
}

static void put_custom(lit_buf *b, const lit_record *rec, const var_lists *vl)
{
	int first = 1;
	size_t i, n;
	const char *raw = lit_record_raw(rec);
	lit_where where = lit_record_where(rec);
	const char *src = lit_record_source(rec);
	long line = lit_record_line(rec);
	int any_etal = 0;

	for (i = 0; i < vl->nname; i++)
		if (lit_record_names_etal(rec, vl->name[i]))
			any_etal = 1;
	n = lit_record_custom_count(rec);
	if (!raw && where == LIT_WHERE_UNKNOWN && !src && line <= 0 && !any_etal && n == 0)
		return;

	put_key(b, &(int){ 0 }, 4, "custom");
	lit_buf_putc(b, '{');
	if (raw) {
		put_key(b, &first, 6, "raw");
		put_str(b, raw);
	}
	if (where != LIT_WHERE_UNKNOWN && *lit_where_name(where)) {
		put_key(b, &first, 6, "where");
		put_str(b, lit_where_name(where));
	}
	if (line > 0) {
		put_key(b, &first, 6, "line");
		put_int(b, line);
	}
	if (src) {
		put_key(b, &first, 6, "source");
		put_str(b, src);
	}
	if (any_etal) {
		int f2 = 1;
		put_key(b, &first, 6, "etal");
		lit_buf_putc(b, '[');
		for (i = 0; i < vl->nname; i++)
			if (lit_record_names_etal(rec, vl->name[i])) {
				if (!f2)
					lit_buf_puts(b, ", ");
				f2 = 0;
				put_str(b, lit_var_name(vl->name[i]));
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
			put_str(b, val);
	}
	lit_buf_puts(b, "\n    }");
}

static void put_item(lit_buf *b, const lit_record *rec, const char *id, const var_lists *vl)
{
	int first = 1;
	size_t i, k, nf;
	const char *v;
	/* the record's text variables by variable: the first value of each,
	 * as lit_record_get would find it */
	const char *val[LIT_VAR__COUNT];

	memset(val, 0, sizeof val);
	nf = lit_record_field_count(rec);
	for (i = 0; i < nf; i++) {
		lit_var var = LIT_VAR__COUNT;
		const char *fv = lit_record_field_at(rec, i, &var);
		if ((int)var >= 0 && var < LIT_VAR__COUNT && !val[var])
			val[var] = fv;
	}

	lit_buf_puts(b, "  {");
	put_key(b, &first, 4, "id");
	put_str(b, id);
	put_key(b, &first, 4, "type");
	put_str(b, lit_type_name(lit_record_type(rec)));

	for (i = 0; i < sizeof(csl_first_vars) / sizeof(csl_first_vars[0]); i++) {
		if ((v = val[csl_first_vars[i]]) != NULL && *v) {
			put_key(b, &first, 4, lit_var_name(csl_first_vars[i]));
			put_str(b, v);
		}
	}
	for (i = 0; i < vl->nname; i++) {
		lit_var var = vl->name[i];
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
	for (i = 0; i < vl->ndate; i++) {
		const lit_date *d = lit_record_date(rec, vl->date[i]);
		if (d && !date_is_empty(d)) {
			put_key(b, &first, 4, lit_var_name(vl->date[i]));
			put_date(b, d);
		}
	}
	for (i = 0; i < vl->ntext; i++) {
		if ((v = val[vl->text[i]]) != NULL && *v) {
			put_key(b, &first, 4, lit_var_name(vl->text[i]));
			put_str(b, v);
		}
	}
	put_custom(b, rec, vl);
	lit_buf_puts(b, "\n  }");
}

/* Writer state: the keys of every record and the variable order.  The
 * records are written one at a time, so the shared driver can flush the
 * output as it goes instead of holding all of it. */
typedef struct csl_wstate {
	char **keys;
	size_t n;
	var_lists vl;
} csl_wstate;

static int csljson_write_begin(lit_wctx *ctx)
{
	size_t n = lit_records_count(ctx->records);
	csl_wstate *ws;

	if (n == 0) {
		lit_buf_puts(ctx->out, "[]\n");
		return lit_buf_status(ctx->out);
	}
	ws = calloc(1, sizeof *ws);
	if (!ws)
		return lit_error_set(ctx->err, LIT_ENOMEM, NULL, 0, "CSL-JSON output: %s",
		                     lit_strerror(LIT_ENOMEM));
	ws->n = n;
	ws->keys = lit_make_keys(ctx->records, ctx->opts ? ctx->opts->keep_ids : 1);
	var_lists_init(&ws->vl);
	ctx->state = ws;
	lit_buf_putc(ctx->out, '[');
	return LIT_OK;
}

static int csljson_write_record(lit_wctx *ctx, const lit_record *rec)
{
	const csl_wstate *ws = ctx->state;
	size_t i = ctx->index;
	char idbuf[32];
	const char *id = ws->keys && ws->keys[i] ? ws->keys[i] : NULL;
	int st;

	if (!id)
		id = lit_record_id(rec);
	if (!id) {
		snprintf(idbuf, sizeof(idbuf), "item%zu", i + 1);
		id = idbuf;
	}
	lit_buf_puts(ctx->out, i ? ",\n" : "\n");
	put_item(ctx->out, rec, id, &ws->vl);
	st = lit_buf_status(ctx->out);
	if (st)
		return lit_error_set(ctx->err, st, NULL, 0, "CSL-JSON output: %s",
		                     lit_strerror(st));
	return LIT_OK;
}

static int csljson_write_end(lit_wctx *ctx)
{
	csl_wstate *ws = ctx->state;
	int st;

	if (!ws)
		return lit_buf_status(ctx->out);
	ctx->state = NULL;
	lit_buf_puts(ctx->out, "\n]\n");
	if (ws->keys)
		lit_keys_free(ws->keys, ws->n);
	free(ws);
	st = lit_buf_status(ctx->out);
	if (st)
		return lit_error_set(ctx->err, st, NULL, 0, "CSL-JSON output: %s",
		                     lit_strerror(st));
	return LIT_OK;
}

/* ------------------------------------------------------------------ */
/* Reader                                                              */
/* ------------------------------------------------------------------ */

/* Compact JSON text of a DOM value (for custom entries that are not
 * strings).  Depth is bounded by the parser's limit. */
static void put_dom(lit_buf *b, const lit_json *v)
{
	const lit_json *c;
	switch (v->type) {
	case LIT_JSON_NULL: lit_buf_puts(b, "null"); break;
	case LIT_JSON_FALSE: lit_buf_puts(b, "false"); break;
	case LIT_JSON_TRUE: lit_buf_puts(b, "true"); break;
	case LIT_JSON_NUMBER: lit_buf_put(b, v->str, v->len); break;
	case LIT_JSON_STRING: lit_json_put_stringn(b, v->str, v->len); break;
	case LIT_JSON_ARRAY:
	case LIT_JSON_OBJECT:
		lit_buf_putc(b, v->type == LIT_JSON_ARRAY ? '[' : '{');
		for (c = v->child; c; c = c->next) {
			if (c != v->child)
				lit_buf_puts(b, ", ");
			if (v->type == LIT_JSON_OBJECT) {
				lit_json_put_string(b, c->key ? c->key : "");
				lit_buf_puts(b, ": ");
			}
			put_dom(b, c);
		}
		lit_buf_putc(b, v->type == LIT_JSON_ARRAY ? ']' : '}');
		break;
	}
}

/* Text of a scalar (string or number); NULL for other kinds. */
static const char *scalar_text(const lit_json *v, size_t *len)
{
	if (v && (v->type == LIT_JSON_STRING || v->type == LIT_JSON_NUMBER)) {
		*len = v->len;
		return v->str;
	}
	return NULL;
}

static int json_truthy(const lit_json *v)
{
	if (!v)
		return 0;
	switch (v->type) {
	case LIT_JSON_TRUE: return 1;
	case LIT_JSON_NUMBER: return v->num != 0;
	case LIT_JSON_STRING:
		return v->len > 0 && strcmp(v->str, "false") != 0 && strcmp(v->str, "0") != 0;
	default: return 0;
	}
}

typedef struct csl_reader {
	const char *file;
	lit_error *err;
} csl_reader;

static int is_others(const char *s)
{
	return s && (strcmp(s, "others") == 0 || strcmp(s, "et al.") == 0 ||
	             strcmp(s, "et al") == 0 || strcmp(s, "и др.") == 0);
}

static const char *member_str(const lit_json *obj, const char *key)
{
	const lit_json *v = lit_json_get(obj, key);
	return v && v->type == LIT_JSON_STRING && v->len ? v->str : NULL;
}

/* One name (an object, or a string taken as a literal); `last` tells
 * whether it ends the list, where "others" means "and others". */
static int read_one_name(csl_reader *cr, lit_record *rec, lit_var var, const lit_json *c,
                         int last)
{
	lit_name n;
	int rc;
	memset(&n, 0, sizeof(n));
	if (c->type == LIT_JSON_STRING) {
		if (is_others(c->str) && last) {
			lit_record_set_names_etal(rec, var, 1);
			return LIT_OK;
		}
		if (!c->len)
			return LIT_OK;
		n.literal = c->str;
	} else if (c->type == LIT_JSON_OBJECT) {
		n.family = member_str(c, "family");
		n.given = member_str(c, "given");
		n.dropping_particle = member_str(c, "dropping-particle");
		n.non_dropping_particle = member_str(c, "non-dropping-particle");
		n.suffix = member_str(c, "suffix");
		n.literal = member_str(c, "literal");
		n.comma_suffix = json_truthy(lit_json_get(c, "comma-suffix"));
		n.static_ordering = json_truthy(lit_json_get(c, "static-ordering"));
		if (last && !n.given &&
		    ((n.literal && is_others(n.literal) && !n.family) ||
		     (n.family && is_others(n.family) && !n.literal))) {
			lit_record_set_names_etal(rec, var, 1);
			return LIT_OK;
		}
		if (!n.family && !n.given && !n.literal)
			return LIT_OK;
	} else {
		return lit_error_set(cr->err, LIT_EPARSE, cr->file, c->line,
		                     "CSL-JSON name in '%s' is not an object", lit_var_name(var));
	}
	if ((rc = lit_record_add_name(rec, var, &n)) != LIT_OK)
		return lit_error_set(cr->err, rc, cr->file, c->line, "out of memory");
	return LIT_OK;
}

static int read_names(csl_reader *cr, lit_record *rec, lit_var var, const lit_json *v)
{
	const lit_json *c;
	int rc = LIT_OK;
	if (v->type == LIT_JSON_OBJECT || v->type == LIT_JSON_STRING)
		return read_one_name(cr, rec, var, v, 1); /* a single name: tolerated */
	if (v->type != LIT_JSON_ARRAY)
		return lit_error_set(cr->err, LIT_EPARSE, cr->file, v->line,
		                     "CSL-JSON '%s' must be a list of names", lit_var_name(var));
	for (c = v->child; c && rc == LIT_OK; c = c->next)
		rc = read_one_name(cr, rec, var, c, c->next == NULL);
	return rc;
}

/* A date part given as a number or a string ("2020", "05"). */
static int date_part(const lit_json *v, int *out)
{
	char *end;
	long x;
	if (!v)
		return 0;
	if (v->type == LIT_JSON_NUMBER) {
		if (v->num < -100000 || v->num > 100000)
			return 0;
		*out = (int)v->num;
		return 1;
	}
	if (v->type == LIT_JSON_STRING && v->len > 0) {
		x = strtol(v->str, &end, 10);
		if (end == v->str || x < -100000 || x > 100000)
			return 0;
		*out = (int)x;
		return 1;
	}
	return 0;
}

static int season_value(const lit_json *v)
{
	int s = 0;
	if (!v)
		return 0;
	if (date_part(v, &s) && s >= 1 && s <= 4)
		return s;
	if (v->type == LIT_JSON_STRING) {
		static const char *const names[] = { "spring", "summer", "autumn", "winter" };
		size_t i;
		char low[16];
		size_t k;
		for (k = 0; k < sizeof(low) - 1 && v->str[k]; k++)
			low[k] = (char)((v->str[k] >= 'A' && v->str[k] <= 'Z') ? v->str[k] + 32 : v->str[k]);
		low[k] = '\0';
		if (strcmp(low, "fall") == 0)
			return LIT_SEASON_AUTUMN;
		for (i = 0; i < 4; i++)
			if (strcmp(low, names[i]) == 0)
				return (int)i + 1;
	}
	return 0;
}

static int read_date(csl_reader *cr, lit_record *rec, lit_var var, const lit_json *v)
{
	lit_date d;
	const lit_json *dp, *raw, *lit;
	int rc;

	memset(&d, 0, sizeof(d));
	if (v->type == LIT_JSON_STRING || v->type == LIT_JSON_NUMBER) {
		/* an EDTF / free-form date string */
		if (!lit_date_parse(v->str, v->len, &d))
			d.literal = v->str;
		goto store;
	}
	if (v->type != LIT_JSON_OBJECT)
		return lit_error_set(cr->err, LIT_EPARSE, cr->file, v->line,
		                     "CSL-JSON date '%s' is not an object", lit_var_name(var));
	dp = lit_json_get(v, "date-parts");
	if (dp && dp->type == LIT_JSON_ARRAY) {
		const lit_json *a = lit_json_at(dp, 0), *b = lit_json_at(dp, 1);
		if (a && a->type == LIT_JSON_ARRAY) {
			date_part(lit_json_at(a, 0), &d.year);
			if (date_part(lit_json_at(a, 1), &d.month) && (d.month < 1 || d.month > 12)) {
				/* 13-24 are seasons, as citeproc-js reads them: ((m - 13) mod 4) + 1 */
				if (d.month >= 13 && d.month <= 24)
					d.season = (d.month - 13) % 4 + 1;
				d.month = 0;
			}
			if (date_part(lit_json_at(a, 2), &d.day) && (d.day < 1 || d.day > 31 || !d.month))
				d.day = 0;
		} else if (a) {
			return lit_error_set(cr->err, LIT_EPARSE, cr->file, a->line,
			                     "CSL-JSON date-parts of '%s' must be arrays", lit_var_name(var));
		}
		if (b && b->type == LIT_JSON_ARRAY && d.year) {
			const lit_json *b0 = lit_json_at(b, 0);
			date_part(b0, &d.end_year);
			if (date_part(lit_json_at(b, 1), &d.end_month) && (d.end_month < 1 || d.end_month > 12)) {
				if (d.end_month >= 13 && d.end_month <= 24)
					d.end_season = (d.end_month - 13) % 4 + 1;
				d.end_month = 0;
			}
			if (date_part(lit_json_at(b, 2), &d.end_day) &&
			    (d.end_day < 1 || d.end_day > 31 || !d.end_month))
				d.end_day = 0;
			if (!d.end_year) {
				/* [0] or [""] as the end: an open range ("1987–") */
				d.end_month = d.end_day = d.end_season = 0;
				d.open_end = b0 && ((b0->type == LIT_JSON_NUMBER && b0->num == 0) ||
				                    (b0->type == LIT_JSON_STRING && (!b0->len || !strcmp(b0->str, "0"))));
			}
			if (d.end_year == d.year && d.end_month == d.month && d.end_day == d.day &&
			    (!d.end_season || d.end_season == d.season))
				d.end_year = d.end_month = d.end_day = d.end_season = 0;
		}
	} else if (dp) {
		return lit_error_set(cr->err, LIT_EPARSE, cr->file, dp->line,
		                     "CSL-JSON date-parts of '%s' must be an array", lit_var_name(var));
	}
	if (d.year == 0) {
		d.month = d.day = 0;
		d.end_year = d.end_month = d.end_day = d.end_season = d.open_end = 0;
		raw = lit_json_get(v, "raw");
		if (raw && raw->type == LIT_JSON_STRING)
			lit_date_parse(raw->str, raw->len, &d);
	}
	if (lit_json_get(v, "season"))
		d.season = season_value(lit_json_get(v, "season"));
	if (json_truthy(lit_json_get(v, "circa")))
		d.circa = 1;
	lit = lit_json_get(v, "literal");
	if (lit && lit->type == LIT_JSON_STRING && lit->len)
		d.literal = lit->str;
	if (d.year == 0 && !d.literal) {
		raw = lit_json_get(v, "raw");
		if (raw && raw->type == LIT_JSON_STRING && raw->len)
			d.literal = raw->str; /* unparsable raw text is kept */
		else
			return LIT_OK;    /* an empty date: nothing to keep */
	}
store:
	rc = lit_record_set_date(rec, var, &d);
	if (rc)
		return lit_error_set(cr->err, rc, cr->file, v->line, "out of memory");
	return LIT_OK;
}

static lit_where where_from_name(const char *s)
{
	int w;
	for (w = LIT_WHERE_BIBLIOGRAPHY; w <= LIT_WHERE_BIBFILE; w++)
		if (strcmp(lit_where_name((lit_where)w), s) == 0)
			return (lit_where)w;
	return LIT_WHERE_UNKNOWN;
}

static int read_custom(csl_reader *cr, lit_record *rec, const lit_json *obj)
{
	const lit_json *c;
	int rc = LIT_OK;
	if (obj->type != LIT_JSON_OBJECT)
		return LIT_OK; /* not ours to judge: ignored */
	for (c = obj->child; c && rc == LIT_OK; c = c->next) {
		const char *k = c->key ? c->key : "";
		if (strcmp(k, "raw") == 0 && c->type == LIT_JSON_STRING) {
			rc = lit_record_set_raw(rec, c->str);
		} else if (strcmp(k, "where") == 0 && c->type == LIT_JSON_STRING &&
		           where_from_name(c->str) != LIT_WHERE_UNKNOWN) {
			lit_record_set_where(rec, where_from_name(c->str));
		} else if (strcmp(k, "line") == 0 && c->type == LIT_JSON_NUMBER) {
			if (c->num >= 1 && c->num < 1e12)
				rc = lit_record_set_source(rec, lit_record_source(rec), (long)c->num);
		} else if (strcmp(k, "source") == 0 && c->type == LIT_JSON_STRING) {
			/* copy: the record may own the old source string */
			rc = lit_record_set_source(rec, c->str, lit_record_line(rec));
		} else if (strcmp(k, "etal") == 0 && c->type == LIT_JSON_ARRAY) {
			const lit_json *e;
			for (e = c->child; e; e = e->next) {
				int var = e->type == LIT_JSON_STRING ? lit_var_from_name(e->str) : -1;
				if (var >= 0 && lit_var_kind_of((lit_var)var) == LIT_KIND_NAME)
					lit_record_set_names_etal(rec, (lit_var)var, 1);
			}
		} else if (c->type == LIT_JSON_STRING) {
			rc = lit_record_set_custom(rec, k, c->str, 0);
		} else {
			lit_buf b = LIT_BUF_INIT;
			put_dom(&b, c);
			rc = lit_buf_status(&b);
			if (!rc)
				rc = lit_record_set_custom(rec, k, lit_buf_cstr(&b), 1);
			lit_buf_free(&b);
		}
	}
	if (rc)
		return lit_error_set(cr->err, rc, cr->file, obj->line, "out of memory");
	return LIT_OK;
}

/* Non-standard keys some producers write (Zotero's, citeproc-js'). */
static int alias_var(const char *key)
{
	if (strcmp(key, "journalAbbreviation") == 0 || strcmp(key, "shortContainerTitle") == 0)
		return LIT_VAR_CONTAINER_TITLE_SHORT;
	if (strcmp(key, "shortTitle") == 0)
		return LIT_VAR_TITLE_SHORT;
	if (strcmp(key, "doi") == 0)
		return LIT_VAR_DOI;
	if (strcmp(key, "url") == 0)
		return LIT_VAR_URL;
	if (strcmp(key, "isbn") == 0)
		return LIT_VAR_ISBN;
	if (strcmp(key, "issn") == 0)
		return LIT_VAR_ISSN;
	return -1;
}

/* What the record of `item` will hold, judged from the shapes of its
 * members (strings and numbers are variables, arrays of objects names,
 * objects dates), so the record is sized once (lit_record_reserve): its
 * strings then share one block instead of one allocation each. */
static void reserve_item(lit_record *rec, const lit_json *item, const char *file)
{
	size_t nf = 0, nn = 0, nd = 0, nc = 0, bytes = file ? strlen(file) + 1 : 0;
	const lit_json *c, *e, *m;
	for (c = item->child; c; c = c->next) {
		const char *k = c->key ? c->key : "";
		if (strcmp(k, "type") == 0)
			continue;
		switch (c->type) {
		case LIT_JSON_STRING:
		case LIT_JSON_NUMBER:
			if (c->len) {
				bytes += c->len + 1;
				nf += strcmp(k, "id") != 0;
			}
			break;
		case LIT_JSON_ARRAY:
			if (c->child && c->child->type == LIT_JSON_OBJECT) {
				for (e = c->child; e; e = e->next, nn++)
					for (m = e->child; m; m = m->next)
						if (m->type == LIT_JSON_STRING && m->len)
							bytes += m->len + 1;
			} else {
				/* strings: joined with ", " */
				nf++;
				for (e = c->child; e; e = e->next)
					if (e->type == LIT_JSON_STRING || e->type == LIT_JSON_NUMBER)
						bytes += e->len + 2;
			}
			break;
		case LIT_JSON_OBJECT:
			if (strcmp(k, "custom") == 0) {
				for (m = c->child; m; m = m->next) {
					if (m->type != LIT_JSON_STRING)
						continue;
					bytes += m->len + 1;
					if (m->key && strcmp(m->key, "raw") != 0 && strcmp(m->key, "source") != 0 &&
					    strcmp(m->key, "where") != 0) {
						bytes += strlen(m->key) + 1;
						nc++;
					}
				}
				break;
			}
			nd++;
			for (m = c->child; m; m = m->next)
				if (m->type == LIT_JSON_STRING && m->len &&
				    m->key && (strcmp(m->key, "literal") == 0 || strcmp(m->key, "raw") == 0)) {
					bytes += m->len + 1;
					break;
				}
			break;
		default:
			break;
		}
	}
	(void)lit_record_reserve(rec, nf, nn, nd, nc, bytes);
}

static int read_item(csl_reader *cr, lit_records *out, const lit_json *item)
{
	lit_record *rec;
	const lit_json *c, *custom = NULL;
	int rc = LIT_OK;

	if (item->type != LIT_JSON_OBJECT)
		return lit_error_set(cr->err, LIT_EPARSE, cr->file, item->line,
		                     "CSL-JSON item is not an object");
	rec = lit_record_new();
	if (!rec)
		return lit_error_set(cr->err, LIT_ENOMEM, cr->file, item->line, "out of memory");
	reserve_item(rec, item, cr->file);
	lit_record_set_source(rec, cr->file, item->line);
	lit_record_set_where(rec, LIT_WHERE_BIBFILE);
	for (c = item->child; c && rc == LIT_OK; c = c->next) {
		const char *k = c->key ? c->key : "";
		int var;
		size_t len;
		const char *s;
		if (strcmp(k, "id") == 0) {
			if ((s = scalar_text(c, &len)) != NULL && len)
				rc = lit_record_set_id(rec, s);
			continue;
		}
		if (strcmp(k, "type") == 0) {
			int t = c->type == LIT_JSON_STRING ? lit_type_from_name(c->str) : -1;
			lit_record_set_type(rec, t >= 0 ? (lit_type)t : LIT_TYPE_DOCUMENT);
			continue;
		}
		if (strcmp(k, "custom") == 0) {
			custom = c;
			continue;
		}
		var = lit_var_from_name(k);
		if (var < 0)
			var = alias_var(k);
		if (var < 0)
			continue; /* not a CSL variable: ignored */
		switch (lit_var_kind_of((lit_var)var)) {
		case LIT_KIND_TEXT:
		case LIT_KIND_NUMBER:
			if ((s = scalar_text(c, &len)) != NULL) {
				if (!lit_record_get(rec, (lit_var)var))
					rc = lit_record_setn(rec, (lit_var)var, s, len);
			} else if (c->type == LIT_JSON_ARRAY) {
				/* a list of strings ("ISBN": [..]): joined */
				lit_buf b = LIT_BUF_INIT;
				const lit_json *e;
				for (e = c->child; e; e = e->next)
					if ((s = scalar_text(e, &len)) != NULL && len) {
						if (b.len)
							lit_buf_puts(&b, ", ");
						lit_buf_put(&b, s, len);
					}
				rc = lit_buf_status(&b);
				if (!rc && b.len)
					rc = lit_record_setn(rec, (lit_var)var, b.ptr, b.len);
				lit_buf_free(&b);
			} else if (c->type != LIT_JSON_NULL) {
				rc = lit_error_set(cr->err, LIT_EPARSE, cr->file, c->line,
				                   "CSL-JSON variable '%s' must be a string or number", k);
			}
			break;
		case LIT_KIND_NAME:
			if (c->type != LIT_JSON_NULL)
				rc = read_names(cr, rec, (lit_var)var, c);
			break;
		case LIT_KIND_DATE:
			if (c->type != LIT_JSON_NULL)
				rc = read_date(cr, rec, (lit_var)var, c);
			break;
		}
	}
	if (rc == LIT_OK && custom)
		rc = read_custom(cr, rec, custom);
	if (rc != LIT_OK) {
		if (rc == LIT_ENOMEM && (!cr->err || cr->err->code != LIT_ENOMEM))
			lit_error_set(cr->err, rc, cr->file, item->line, "out of memory");
		lit_record_free(rec);
		return rc;
	}
	rc = lit_records_push(out, rec);
	if (rc)
		return lit_error_set(cr->err, rc, cr->file, item->line, "out of memory");
	return LIT_OK;
}

static int csljson_read(lit_records *out, const char *data, size_t len, const char *filename,
                        lit_error *err)
{
	csl_reader cr;
	lit_json_doc *doc;
	const lit_json *root, *items, *c;
	int rc = LIT_OK;

	cr.file = filename;
	cr.err = err;
	doc = lit_json_parse(data, len, filename, err);
	if (!doc) {
		if (err && err->code == LIT_OK)
			lit_error_set(err, LIT_EPARSE, filename, 0, "invalid JSON");
		return err ? err->code : LIT_EPARSE;
	}
	root = lit_json_root(doc);
	items = root;
	if (root && root->type == LIT_JSON_OBJECT) {
		const lit_json *it = lit_json_get(root, "items");
		if (it && it->type == LIT_JSON_ARRAY)
			items = it;
	}
	if (!items) {
		rc = lit_error_set(err, LIT_EPARSE, filename, 1, "empty CSL-JSON document");
	} else if (items->type == LIT_JSON_OBJECT) {
		rc = read_item(&cr, out, items);
	} else if (items->type == LIT_JSON_ARRAY) {
		for (c = items->child; c && rc == LIT_OK; c = c->next)
			rc = read_item(&cr, out, c);
	} else {
		rc = lit_error_set(err, LIT_EPARSE, filename, items->line,
		                   "CSL-JSON must be an array of items or an item object");
	}
	lit_json_free(doc);
	return rc;
}

static int csljson_detect(const char *data, size_t len)
{
	size_t i = 0, lim = len < 4096 ? len : 4096;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < lim && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (i >= lim || (data[i] != '[' && data[i] != '{'))
		return 0;
	{
		/* look for the CSL member names near the start */
		size_t j;
		int type = 0, id = 0;
		for (j = i; j + 6 < lim; j++) {
			if (memcmp(data + j, "\"type\"", 6) == 0)
				type = 1;
			if (j + 4 < lim && memcmp(data + j, "\"id\"", 4) == 0)
				id = 1;
		}
		if (type || id)
			return 90;
		return data[i] == '[' ? 30 : 20;
	}
}

/* ------------------------------------------------------------------ */
/* Format definition                                                   */
/* ------------------------------------------------------------------ */

const lit_format_def lit_format_csljson = {
	{ "csljson", "CSL-JSON", 1, 1 },
	"csl-json json csl",
	csljson_detect,
	csljson_read,
	csljson_write_begin,
	csljson_write_record,
	csljson_write_end,
	NULL
};
