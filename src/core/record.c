/*
 * record.c - the record model (see include/litera/record.h).
 *
 * A record stores only the variables that are set, in small vectors
 * (text/number values, names, dates, custom entries), so a million records
 * stay compact.  All strings are owned by the record.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "litera/record.h"

typedef struct field { int var; char *value; } field;
typedef struct nament { int var; lit_name n; } nament;
typedef struct datent { int var; lit_date d; } datent;
typedef struct custom { char *key; char *value; int is_json; } custom;

struct lit_record {
	lit_type type;
	lit_where where;
	char *id;
	char *source;
	char *raw;
	long line;
	field *fields; size_t nfields, capfields;
	nament *names; size_t nnames, capnames;
	datent *dates; size_t ndates, capdates;
	custom *customs; size_t ncustoms, capcustoms;
	uint64_t etal[2];
};

struct lit_records {
	lit_record **items;
	size_t n, cap;
};

/* ---- names of types and variables ------------------------------------ */

static const char *const type_names[] = {
#define LIT_X_(id, name) name,
	LIT_TYPES(LIT_X_)
#undef LIT_X_
};

static const struct { const char *name; lit_var_kind kind; } var_info[] = {
#define LIT_X_(id, name, kind) { name, LIT_KIND_##kind },
	LIT_VARIABLES(LIT_X_)
#undef LIT_X_
};

const char *lit_type_name(lit_type type)
{
	if ((int)type < 0 || type >= LIT_TYPE__COUNT)
		return "document";
	return type_names[type];
}

int lit_type_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < LIT_TYPE__COUNT; i++)
		if (strcmp(type_names[i], name) == 0)
			return i;
	return -1;
}

const char *lit_var_name(lit_var var)
{
	if ((int)var < 0 || var >= LIT_VAR__COUNT)
		return NULL;
	return var_info[var].name;
}

int lit_var_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < LIT_VAR__COUNT; i++)
		if (strcmp(var_info[i].name, name) == 0)
			return i;
	return -1;
}

lit_var_kind lit_var_kind_of(lit_var var)
{
	if ((int)var < 0 || var >= LIT_VAR__COUNT)
		return LIT_KIND_TEXT;
	return var_info[var].kind;
}

const char *lit_where_name(lit_where where)
{
	switch (where) {
	case LIT_WHERE_BIBLIOGRAPHY: return "bibliography";
	case LIT_WHERE_FOOTNOTE: return "footnote";
	case LIT_WHERE_ENDNOTE: return "endnote";
	case LIT_WHERE_INTEXT: return "in-text";
	case LIT_WHERE_BIBFILE: return "bibfile";
	default: return "";
	}
}

/* ---- helpers ---------------------------------------------------------- */

static char *dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static char *dup0(const char *s)
{
	return s ? dupn(s, strlen(s)) : NULL;
}

/* Replace *slot with a copy of s (NULL clears).  Returns 0 or LIT_ENOMEM. */
static int set_str(char **slot, const char *s)
{
	char *p = NULL;
	if (s && !(p = dup0(s)))
		return LIT_ENOMEM;
	free(*slot);
	*slot = p;
	return LIT_OK;
}

static int reserve(void **items, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 4;
	void *p = realloc(*items, nc * size);
	if (!p)
		return -1;
	*items = p;
	*cap = nc;
	return 0;
}

static void name_free(lit_name *n)
{
	free((char *)n->family);
	free((char *)n->given);
	free((char *)n->dropping_particle);
	free((char *)n->non_dropping_particle);
	free((char *)n->suffix);
	free((char *)n->literal);
	memset(n, 0, sizeof *n);
}

static int name_copy(lit_name *dst, const lit_name *src)
{
	memset(dst, 0, sizeof *dst);
	const char *const *from[] = { &src->family, &src->given, &src->dropping_particle,
		&src->non_dropping_particle, &src->suffix, &src->literal };
	const char **to[] = { &dst->family, &dst->given, &dst->dropping_particle,
		&dst->non_dropping_particle, &dst->suffix, &dst->literal };
	for (size_t i = 0; i < 6; i++) {
		if (*from[i] && **from[i]) {
			if (!(*to[i] = dup0(*from[i]))) {
				name_free(dst);
				return LIT_ENOMEM;
			}
		}
	}
	dst->comma_suffix = src->comma_suffix;
	dst->static_ordering = src->static_ordering;
	return LIT_OK;
}

/* ---- records ---------------------------------------------------------- */

lit_record *lit_record_new(void)
{
	lit_record *r = calloc(1, sizeof *r);
	if (r)
		r->type = LIT_TYPE_DOCUMENT;
	return r;
}

void lit_record_free(lit_record *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i].value);
	for (size_t i = 0; i < r->nnames; i++)
		name_free(&r->names[i].n);
	for (size_t i = 0; i < r->ndates; i++)
		free((char *)r->dates[i].d.literal);
	for (size_t i = 0; i < r->ncustoms; i++) {
		free(r->customs[i].key);
		free(r->customs[i].value);
	}
	free(r->fields);
	free(r->names);
	free(r->dates);
	free(r->customs);
	free(r->id);
	free(r->source);
	free(r->raw);
	free(r);
}

lit_record *lit_record_clone(const lit_record *r)
{
	if (!r)
		return NULL;
	lit_record *c = lit_record_new();
	if (!c)
		return NULL;
	c->type = r->type;
	c->where = r->where;
	c->line = r->line;
	c->etal[0] = r->etal[0];
	c->etal[1] = r->etal[1];
	if (set_str(&c->id, r->id) || set_str(&c->source, r->source) || set_str(&c->raw, r->raw))
		goto fail;
	for (size_t i = 0; i < r->nfields; i++)
		if (lit_record_set(c, (lit_var)r->fields[i].var, r->fields[i].value))
			goto fail;
	for (size_t i = 0; i < r->nnames; i++)
		if (lit_record_add_name(c, (lit_var)r->names[i].var, &r->names[i].n))
			goto fail;
	for (size_t i = 0; i < r->ndates; i++)
		if (lit_record_set_date(c, (lit_var)r->dates[i].var, &r->dates[i].d))
			goto fail;
	for (size_t i = 0; i < r->ncustoms; i++)
		if (lit_record_set_custom(c, r->customs[i].key, r->customs[i].value, r->customs[i].is_json))
			goto fail;
	return c;
fail:
	lit_record_free(c);
	return NULL;
}

lit_type lit_record_type(const lit_record *r) { return r->type; }

void lit_record_set_type(lit_record *r, lit_type type)
{
	if ((int)type >= 0 && type < LIT_TYPE__COUNT)
		r->type = type;
}

const char *lit_record_id(const lit_record *r) { return r->id; }
int lit_record_set_id(lit_record *r, const char *id) { return set_str(&r->id, id && *id ? id : NULL); }

static int is_kind(lit_var var, int want_text)
{
	if ((int)var < 0 || var >= LIT_VAR__COUNT)
		return 0;
	lit_var_kind k = var_info[var].kind;
	return want_text ? (k == LIT_KIND_TEXT || k == LIT_KIND_NUMBER) : 0;
}

const char *lit_record_get(const lit_record *r, lit_var var)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (r->fields[i].var == (int)var)
			return r->fields[i].value;
	return NULL;
}

int lit_record_setn(lit_record *r, lit_var var, const char *value, size_t len)
{
	if (!is_kind(var, 1))
		return LIT_EINVAL;
	size_t i;
	for (i = 0; i < r->nfields; i++)
		if (r->fields[i].var == (int)var)
			break;
	if (!value || len == 0) {
		if (i < r->nfields) {
			free(r->fields[i].value);
			memmove(&r->fields[i], &r->fields[i + 1], (r->nfields - i - 1) * sizeof *r->fields);
			r->nfields--;
		}
		return LIT_OK;
	}
	char *copy = dupn(value, len);
	if (!copy)
		return LIT_ENOMEM;
	if (i < r->nfields) {
		free(r->fields[i].value);
		r->fields[i].value = copy;
		return LIT_OK;
	}
	if (reserve((void **)&r->fields, &r->capfields, r->nfields, sizeof *r->fields)) {
		free(copy);
		return LIT_ENOMEM;
	}
	r->fields[r->nfields].var = (int)var;
	r->fields[r->nfields].value = copy;
	r->nfields++;
	return LIT_OK;
}

int lit_record_set(lit_record *r, lit_var var, const char *value)
{
	return lit_record_setn(r, var, value, value ? strlen(value) : 0);
}

size_t lit_record_field_count(const lit_record *r) { return r->nfields; }

const char *lit_record_field_at(const lit_record *r, size_t i, lit_var *var)
{
	if (i >= r->nfields)
		return NULL;
	if (var)
		*var = (lit_var)r->fields[i].var;
	return r->fields[i].value;
}

/* Names are kept sorted by variable (stable within one variable), so the
 * names of a variable are one run found by binary search. */
static size_t names_lower(const lit_record *r, int var)
{
	size_t lo = 0, hi = r->nnames;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->names[mid].var < var)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t lit_record_name_count(const lit_record *r, lit_var var)
{
	return names_lower(r, (int)var + 1) - names_lower(r, (int)var);
}

const lit_name *lit_record_name(const lit_record *r, lit_var var, size_t k)
{
	size_t lo = names_lower(r, (int)var);
	if (lo + k >= r->nnames || r->names[lo + k].var != (int)var)
		return NULL;
	return &r->names[lo + k].n;
}

int lit_record_add_name(lit_record *r, lit_var var, const lit_name *name)
{
	if ((int)var < 0 || var >= LIT_VAR__COUNT || var_info[var].kind != LIT_KIND_NAME || !name)
		return LIT_EINVAL;
	if (reserve((void **)&r->names, &r->capnames, r->nnames, sizeof *r->names))
		return LIT_ENOMEM;
	size_t at = names_lower(r, (int)var + 1);
	lit_name copy;
	if (name_copy(&copy, name))
		return LIT_ENOMEM;
	memmove(&r->names[at + 1], &r->names[at], (r->nnames - at) * sizeof *r->names);
	r->names[at].n = copy;
	r->names[at].var = (int)var;
	r->nnames++;
	return LIT_OK;
}

void lit_record_clear_names(lit_record *r, lit_var var)
{
	size_t lo = names_lower(r, (int)var), hi = names_lower(r, (int)var + 1);
	if (hi > lo) {
		/* (no memmove on an empty list: names may be NULL) */
		for (size_t i = lo; i < hi; i++)
			name_free(&r->names[i].n);
		memmove(&r->names[lo], &r->names[hi], (r->nnames - hi) * sizeof *r->names);
		r->nnames -= hi - lo;
	}
	lit_record_set_names_etal(r, var, 0);
}

int lit_record_names_etal(const lit_record *r, lit_var var)
{
	if ((unsigned)var >= 128)
		return 0;
	return (int)((r->etal[var / 64] >> (var % 64)) & 1u);
}

void lit_record_set_names_etal(lit_record *r, lit_var var, int etal)
{
	if ((unsigned)var >= 128)
		return;
	uint64_t bit = (uint64_t)1 << (var % 64);
	if (etal)
		r->etal[var / 64] |= bit;
	else
		r->etal[var / 64] &= ~bit;
}

const lit_date *lit_record_date(const lit_record *r, lit_var var)
{
	for (size_t i = 0; i < r->ndates; i++)
		if (r->dates[i].var == (int)var)
			return &r->dates[i].d;
	return NULL;
}

int lit_record_set_date(lit_record *r, lit_var var, const lit_date *date)
{
	if ((int)var < 0 || var >= LIT_VAR__COUNT || var_info[var].kind != LIT_KIND_DATE)
		return LIT_EINVAL;
	size_t i;
	for (i = 0; i < r->ndates; i++)
		if (r->dates[i].var == (int)var)
			break;
	if (!date) {
		if (i < r->ndates) {
			free((char *)r->dates[i].d.literal);
			memmove(&r->dates[i], &r->dates[i + 1], (r->ndates - i - 1) * sizeof *r->dates);
			r->ndates--;
		}
		return LIT_OK;
	}
	char *lit = NULL;
	if (date->literal && *date->literal && !(lit = dup0(date->literal)))
		return LIT_ENOMEM;
	if (i == r->ndates) {
		if (reserve((void **)&r->dates, &r->capdates, r->ndates, sizeof *r->dates)) {
			free(lit);
			return LIT_ENOMEM;
		}
		r->ndates++;
	} else {
		free((char *)r->dates[i].d.literal);
	}
	r->dates[i].var = (int)var;
	r->dates[i].d = *date;
	r->dates[i].d.literal = lit;
	return LIT_OK;
}

/* ---- provenance -------------------------------------------------------- */

const char *lit_record_source(const lit_record *r) { return r->source; }
long lit_record_line(const lit_record *r) { return r->line; }

int lit_record_set_source(lit_record *r, const char *file, long line)
{
	r->line = line;
	return set_str(&r->source, file);
}

const char *lit_record_raw(const lit_record *r) { return r->raw; }
int lit_record_set_raw(lit_record *r, const char *raw) { return set_str(&r->raw, raw); }
lit_where lit_record_where(const lit_record *r) { return r->where; }
void lit_record_set_where(lit_record *r, lit_where where) { r->where = where; }

/* ---- custom ------------------------------------------------------------ */

int lit_record_set_custom(lit_record *r, const char *key, const char *value, int is_json)
{
	if (!key || !*key)
		return LIT_EINVAL;
	size_t i;
	for (i = 0; i < r->ncustoms; i++)
		if (strcmp(r->customs[i].key, key) == 0)
			break;
	if (!value) {
		if (i < r->ncustoms) {
			free(r->customs[i].key);
			free(r->customs[i].value);
			memmove(&r->customs[i], &r->customs[i + 1], (r->ncustoms - i - 1) * sizeof *r->customs);
			r->ncustoms--;
		}
		return LIT_OK;
	}
	char *v = dup0(value);
	if (!v)
		return LIT_ENOMEM;
	if (i < r->ncustoms) {
		free(r->customs[i].value);
		r->customs[i].value = v;
		r->customs[i].is_json = is_json != 0;
		return LIT_OK;
	}
	char *k = dup0(key);
	if (!k || reserve((void **)&r->customs, &r->capcustoms, r->ncustoms, sizeof *r->customs)) {
		free(k);
		free(v);
		return LIT_ENOMEM;
	}
	r->customs[r->ncustoms].key = k;
	r->customs[r->ncustoms].value = v;
	r->customs[r->ncustoms].is_json = is_json != 0;
	r->ncustoms++;
	return LIT_OK;
}

const char *lit_record_custom(const lit_record *r, const char *key, int *is_json)
{
	for (size_t i = 0; i < r->ncustoms; i++) {
		if (strcmp(r->customs[i].key, key) == 0) {
			if (is_json)
				*is_json = r->customs[i].is_json;
			return r->customs[i].value;
		}
	}
	return NULL;
}

size_t lit_record_custom_count(const lit_record *r) { return r->ncustoms; }

const char *lit_record_custom_at(const lit_record *r, size_t i, const char **value, int *is_json)
{
	if (i >= r->ncustoms)
		return NULL;
	if (value)
		*value = r->customs[i].value;
	if (is_json)
		*is_json = r->customs[i].is_json;
	return r->customs[i].key;
}

/* ---- lists ------------------------------------------------------------- */

lit_records *lit_records_new(void)
{
	return calloc(1, sizeof(lit_records));
}

void lit_records_free(lit_records *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		lit_record_free(l->items[i]);
	free(l->items);
	free(l);
}

size_t lit_records_count(const lit_records *l) { return l ? l->n : 0; }

lit_record *lit_records_at(const lit_records *l, size_t i)
{
	return l && i < l->n ? l->items[i] : NULL;
}

int lit_records_push(lit_records *l, lit_record *rec)
{
	if (!rec)
		return LIT_EINVAL;
	if (reserve((void **)&l->items, &l->cap, l->n, sizeof *l->items)) {
		lit_record_free(rec);
		return LIT_ENOMEM;
	}
	l->items[l->n++] = rec;
	return LIT_OK;
}

lit_record *lit_records_take(lit_records *l, size_t i)
{
	if (!l || i >= l->n)
		return NULL;
	lit_record *r = l->items[i];
	memmove(&l->items[i], &l->items[i + 1], (l->n - i - 1) * sizeof *l->items);
	l->n--;
	return r;
}

int lit_records_append(lit_records *to, lit_records *from)
{
	if (!from->n)
		return LIT_OK;
	if (to->cap < to->n + from->n) {
		size_t nc = to->n + from->n;
		void *p = realloc(to->items, nc * sizeof *to->items);
		if (!p)
			return LIT_ENOMEM;
		to->items = p;
		to->cap = nc;
	}
	memcpy(&to->items[to->n], from->items, from->n * sizeof *from->items);
	to->n += from->n;
	from->n = 0;
	return LIT_OK;
}
