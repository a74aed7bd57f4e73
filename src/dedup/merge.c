/*
 * merge.c - merging a cluster of duplicate records into one.
 *
 * The merged record starts as a copy of the cluster's first member and
 * takes from the others every field it lacks and every value that is more
 * complete (more words, then more characters: a title with its subtitle,
 * the full journal name rather than its abbreviation, a page range rather
 * than a first page), the longest author list with initials expanded from
 * the other members, and the most precise dates.  Nothing any member had
 * is dropped.  Provenance: custom "merged_ids" lists the ids of all members
 * (flattening earlier merges) and custom "occurrences" one object per
 * occurrence with its file, line, place (footnote, bibliography...), label
 * and raw text.
 */
#include <stdlib.h>
#include <string.h>

#include "dedup/dedup_internal.h"
#include "util/json.h"
#include "util/utf8.h"

static size_t word_count(const char *s)
{
	size_t n = 0;
	int in = 0;
	for (; *s; s++) {
		int sp = *s == ' ' || *s == '\t' || *s == '\n';
		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

static int has_cyrillic(const char *s)
{
	size_t i = 0, n = strlen(s), adv;
	while (i < n) {
		int32_t cp = lit_utf8_decode(s + i, n - i, &adv);
		if (cp > 0 && lit_cp_is_cyrillic((uint32_t)cp))
			return 1;
		i += adv;
	}
	return 0;
}

/* Is `cand` a more complete value than `cur`?  More words win, then more
 * characters; but the same text in another script (a transliteration) is
 * not more complete: the original Cyrillic is kept. */
static int more_complete(const char *cand, const char *cur)
{
	size_t wa = word_count(cand), wb = word_count(cur);
	lit_buf ka = LIT_BUF_INIT, kb = LIT_BUF_INIT;
	int same;
	if (wa != wb)
		return wa > wb;
	lit_dedup_skeleton(cand, &ka, NULL, NULL, 0);
	lit_dedup_skeleton(cur, &kb, NULL, NULL, 0);
	same = ka.len == kb.len && (ka.len == 0 || memcmp(ka.ptr, kb.ptr, ka.len) == 0);
	lit_buf_free(&ka);
	lit_buf_free(&kb);
	if (same)
		return has_cyrillic(cand) && !has_cyrillic(cur);
	return lit_utf8_length(cand, strlen(cand)) > lit_utf8_length(cur, strlen(cur));
}

static int merge_fields(lit_record *out, lit_record *const *m, size_t n)
{
	size_t k, i;
	for (k = 1; k < n; k++) {
		size_t nf = lit_record_field_count(m[k]);
		for (i = 0; i < nf; i++) {
			lit_var var;
			const char *val = lit_record_field_at(m[k], i, &var), *cur;
			int rc;
			if (!val || !*val)
				continue;
			cur = lit_record_get(out, var);
			if (cur) {
				/* identifiers: keep the first member's form */
				if (var == LIT_VAR_DOI || var == LIT_VAR_URL)
					continue;
				if (!more_complete(val, cur))
					continue;
			}
			if ((rc = lit_record_set(out, var, val)) != LIT_OK)
				return rc;
		}
	}
	return LIT_OK;
}

/* Number of known parts of a date: the more, the more precise. */
static int date_precision(const lit_date *d)
{
	return (d->year != 0) * 4 + (d->month != 0) * 2 + (d->day != 0) + (d->end_year != 0) +
	       (d->literal != NULL && d->year == 0 ? 1 : 0);
}

static int merge_dates(lit_record *out, lit_record *const *m, size_t n)
{
	int v;
	for (v = 0; v < LIT_VAR__COUNT; v++) {
		const lit_date *best = NULL, *cur;
		size_t k;
		if (lit_var_kind_of((lit_var)v) != LIT_KIND_DATE)
			continue;
		cur = lit_record_date(out, (lit_var)v);
		for (k = 1; k < n; k++) {
			const lit_date *d = lit_record_date(m[k], (lit_var)v);
			if (!d)
				continue;
			if ((!best || date_precision(d) > date_precision(best)) &&
			    (!cur || date_precision(d) > date_precision(cur)))
				best = d;
		}
		if (best) {
			int rc = lit_record_set_date(out, (lit_var)v, best);
			if (rc)
				return rc;
		}
	}
	return LIT_OK;
}

static int same_person(const lit_name *a, const lit_name *b)
{
	lit_buf ka = LIT_BUF_INIT, kb = LIT_BUF_INIT;
	int same;
	lit_dedup_name_key(a, &ka);
	lit_dedup_name_key(b, &kb);
	same = ka.len > 0 && ka.len == kb.len && memcmp(ka.ptr, kb.ptr, ka.len) == 0;
	lit_buf_free(&ka);
	lit_buf_free(&kb);
	return same;
}

static size_t cp_len(const char *s)
{
	return s ? lit_utf8_length(s, strlen(s)) : 0;
}

static int merge_names(lit_record *out, lit_record *const *m, size_t n)
{
	int v, rc = LIT_OK;
	for (v = 0; v < LIT_VAR__COUNT && rc == LIT_OK; v++) {
		size_t k, best = 0, bestn, i;
		int changed = 0, etal;
		lit_name *list;
		if (lit_var_kind_of((lit_var)v) != LIT_KIND_NAME)
			continue;
		bestn = lit_record_name_count(out, (lit_var)v);
		for (k = 1; k < n; k++) {
			size_t c = lit_record_name_count(m[k], (lit_var)v);
			if (c > bestn) {
				best = k;
				bestn = c;
			}
		}
		if (bestn == 0)
			continue;
		list = malloc(bestn * sizeof *list);
		if (!list)
			return LIT_ENOMEM;
		{
			const lit_record *src = best ? m[best] : out;
			for (i = 0; i < bestn; i++)
				list[i] = *lit_record_name(src, (lit_var)v, i);
			etal = lit_record_names_etal(src, (lit_var)v);
		}
		changed = best != 0;
		/* fuller given names and particles from the other members */
		for (k = 0; k < n; k++) {
			const lit_record *src = k == 0 ? out : m[k];
			size_t c = lit_record_name_count(src, (lit_var)v), j;
			if (k == best || (k == 0 && best == 0))
				continue;
			for (j = 0; j < c; j++) {
				const lit_name *o = lit_record_name(src, (lit_var)v, j);
				for (i = 0; i < bestn; i++) {
					if (!same_person(&list[i], o))
						continue;
					if (cp_len(o->given) > cp_len(list[i].given)) {
						list[i].given = o->given;
						changed = 1;
					}
					if (!list[i].non_dropping_particle && o->non_dropping_particle) {
						list[i].non_dropping_particle = o->non_dropping_particle;
						changed = 1;
					}
					if (!list[i].dropping_particle && o->dropping_particle) {
						list[i].dropping_particle = o->dropping_particle;
						changed = 1;
					}
					if (!list[i].suffix && o->suffix) {
						list[i].suffix = o->suffix;
						changed = 1;
					}
					break;
				}
			}
		}
		if (changed) {
			/* the pointers may point into `out`: copy them first */
			lit_record *tmp = lit_record_new();
			if (!tmp) {
				free(list);
				return LIT_ENOMEM;
			}
			for (i = 0; i < bestn && rc == LIT_OK; i++)
				rc = lit_record_add_name(tmp, (lit_var)v, &list[i]);
			if (rc == LIT_OK) {
				lit_record_clear_names(out, (lit_var)v);
				for (i = 0; i < bestn && rc == LIT_OK; i++)
					rc = lit_record_add_name(out, (lit_var)v,
					                         lit_record_name(tmp, (lit_var)v, i));
				lit_record_set_names_etal(out, (lit_var)v, etal);
			}
			lit_record_free(tmp);
		}
		free(list);
	}
	return rc;
}

static int merge_customs(lit_record *out, lit_record *const *m, size_t n)
{
	size_t k, i;
	for (k = 1; k < n; k++) {
		size_t nc = lit_record_custom_count(m[k]);
		for (i = 0; i < nc; i++) {
			const char *val;
			int is_json, rc;
			const char *key = lit_record_custom_at(m[k], i, &val, &is_json);
			if (!key || strcmp(key, "merged_ids") == 0 || strcmp(key, "occurrences") == 0 ||
			    strcmp(key, "related") == 0)
				continue;
			if (lit_record_custom(out, key, NULL))
				continue;
			if ((rc = lit_record_set_custom(out, key, val, is_json)) != LIT_OK)
				return rc;
		}
	}
	return LIT_OK;
}

/* Append the ids of one member (its earlier merged_ids, or its id). */
static void put_ids(lit_buf *b, const lit_record *r, int *first)
{
	int is_json = 0;
	const char *prev = lit_record_custom(r, "merged_ids", &is_json);
	if (prev && is_json) {
		lit_json_doc *doc = lit_json_parse(prev, strlen(prev), NULL, NULL);
		const lit_json *root = doc ? lit_json_root(doc) : NULL;
		if (root && root->type == LIT_JSON_ARRAY && root->len > 0) {
			const lit_json *e;
			for (e = root->child; e; e = e->next)
				if (e->type == LIT_JSON_STRING) {
					if (!*first)
						lit_buf_putc(b, ',');
					lit_json_put_string(b, e->str);
					*first = 0;
				}
			lit_json_free(doc);
			return;
		}
		lit_json_free(doc);
	}
	if (lit_record_id(r)) {
		if (!*first)
			lit_buf_putc(b, ',');
		lit_json_put_string(b, lit_record_id(r));
		*first = 0;
	}
}

/* Append the occurrences of one member. */
static void put_occurrences(lit_buf *b, const lit_record *r, int *first)
{
	int is_json = 0;
	const char *prev = lit_record_custom(r, "occurrences", &is_json), *v;
	if (prev && is_json) {
		/* splice the elements of the earlier array */
		const char *s = prev, *e = prev + strlen(prev);
		while (s < e && *s != '[')
			s++;
		while (e > s && e[-1] != ']')
			e--;
		if (s < e && e - s > 2) {
			const char *in = s + 1, *ie = e - 1;
			while (in < ie && (*in == ' ' || *in == '\n'))
				in++;
			if (in < ie) {
				if (!*first)
					lit_buf_putc(b, ',');
				lit_buf_put(b, in, (size_t)(ie - in));
				*first = 0;
				return;
			}
		}
	}
	if (!*first)
		lit_buf_putc(b, ',');
	*first = 0;
	lit_buf_puts(b, "{\"id\":");
	lit_json_put_string(b, lit_record_id(r));
	if ((v = lit_record_source(r))) {
		lit_buf_puts(b, ",\"file\":");
		lit_json_put_string(b, v);
	}
	if (lit_record_line(r) > 0)
		lit_buf_printf(b, ",\"line\":%ld", lit_record_line(r));
	if (lit_record_where(r) != LIT_WHERE_UNKNOWN) {
		lit_buf_puts(b, ",\"where\":");
		lit_json_put_string(b, lit_where_name(lit_record_where(r)));
	}
	if ((v = lit_record_custom(r, "label", NULL))) {
		lit_buf_puts(b, ",\"label\":");
		lit_json_put_string(b, v);
	}
	if ((v = lit_record_custom(r, "cited_at", &is_json))) {
		lit_buf_puts(b, ",\"cited_at\":");
		if (is_json)
			lit_buf_puts(b, v);
		else
			lit_json_put_string(b, v);
	}
	if ((v = lit_record_raw(r))) {
		lit_buf_puts(b, ",\"raw\":");
		lit_json_put_string(b, v);
	}
	lit_buf_putc(b, '}');
}

int lit_dedup_merge(lit_record *const *members, size_t n)
{
	lit_record *r;
	lit_buf b = LIT_BUF_INIT;
	size_t k;
	int rc, first;

	if (n == 0)
		return LIT_EINVAL;
	r = members[0];
	if (lit_record_type(r) == LIT_TYPE_DOCUMENT)
		for (k = 1; k < n; k++)
			if (lit_record_type(members[k]) != LIT_TYPE_DOCUMENT) {
				lit_record_set_type(r, lit_record_type(members[k]));
				break;
			}
	if (!lit_record_source(r))
		for (k = 1; k < n; k++)
			if (lit_record_source(members[k])) {
				if ((rc = lit_record_set_source(r, lit_record_source(members[k]),
				                                lit_record_line(members[k]))) != LIT_OK)
					goto fail;
				break;
			}
	/* provenance first, from the members as they came */
	lit_buf_putc(&b, '[');
	first = 1;
	for (k = 0; k < n; k++)
		put_ids(&b, members[k], &first);
	lit_buf_puts(&b, "]\x1e[");
	first = 1;
	for (k = 0; k < n; k++)
		put_occurrences(&b, members[k], &first);
	lit_buf_putc(&b, ']');
	if ((rc = lit_buf_status(&b)) != LIT_OK)
		goto fail;
	if ((rc = merge_fields(r, members, n)) != LIT_OK ||
	    (rc = merge_names(r, members, n)) != LIT_OK ||
	    (rc = merge_dates(r, members, n)) != LIT_OK ||
	    (rc = merge_customs(r, members, n)) != LIT_OK)
		goto fail;
	{
		char *sep = strchr(b.ptr, '\x1e');
		*sep = '\0';
		if ((rc = lit_record_set_custom(r, "merged_ids", b.ptr, 1)) != LIT_OK ||
		    (rc = lit_record_set_custom(r, "occurrences", sep + 1, 1)) != LIT_OK)
			goto fail;
	}
	lit_buf_free(&b);
	return LIT_OK;
fail:
	lit_buf_free(&b);
	return rc;
}
