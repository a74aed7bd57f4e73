/*
 * record.c - the record model (see include/litera/record.h).
 *
 * A record stores only the variables that are set, in small vectors
 * (text/number values, names, dates, custom entries) that start at the
 * size one record needs, so a million records stay compact.  All strings
 * are owned by the record.  Most of them live in one per-record string
 * pool: a single block, sized by lit_record_reserve() when a reader knows
 * what the record will hold (256 bytes otherwise), filled from the front
 * and never moved, so every string keeps its address until its value is
 * changed, as record.h promises.  A string that does not fit gets its own
 * allocation.  A replaced or removed string in the pool is given back only
 * when it was the last one added; otherwise its bytes stay unused until
 * the record is freed, which the pool's fixed size bounds.  What few
 * records have (raw text, custom entries, "and others" flags) lives in a
 * separate part made on first use.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "litera/record.h"
#include "core/record_int.h"

typedef struct datent { int var; lit_date d; } datent;
typedef struct custom { char *key; char *value; int is_json; } custom;

/* The pool a record gets when the first string arrives and no reader
 * reserved one: enough for the strings of a typical bibliography entry. */
#define DEFAULT_POOL 256
/* Strings longer than this never go to a default pool. */
#define POOL_MAX_STRING 128

/* What few records have (raw text, custom entries, "and others" flags),
 * kept apart so that the record itself stays small. */
typedef struct rec_extra {
	char *raw;
	custom *customs;
	uint32_t ncustoms, capcustoms;
	uint64_t etal[2];
} rec_extra;

struct lit_record {
	char *id;
	char *source;
	char **fields;       /* text/number values; their variables follow (FVARS) */
	lit_name *names;     /* sorted by variable; the variables follow (NVARS) */
	datent *dates;
	char *pool;          /* string pool; NULL until the first string */
	rec_extra *x;        /* NULL until needed */
	long line;
	uint32_t pool_cap, pool_used;
	uint32_t nnames, capnames;
	uint8_t nfields, capfields; /* at most the number of TEXT/NUMBER variables */
	uint8_t ndates, capdates;   /* at most the number of DATE variables */
	uint8_t type;        /* lit_type */
	uint8_t where;       /* lit_where */
	uint8_t pool_tried;  /* a pool was made or could not be made */
	uint8_t inblock;     /* BLK_*: vectors that live in the pool's block */
};

/* lit_record_reserve() puts the pool and the vectors it sizes in one
 * block, the pool first (so `pool` is the block to free); a vector that
 * outgrows its place moves to its own allocation. */
enum { BLK_FIELDS = 1, BLK_NAMES = 2, BLK_DATES = 4 };

/* The variables of the fields: one byte each, stored after the value
 * pointers in the same block. */
#define FVARS(r) ((uint8_t *)((r)->fields + (r)->capfields))
/* The same for the names. */
#define NVARS(r) ((uint8_t *)((r)->names + (r)->capnames))

_Static_assert(LIT_VAR__COUNT < 255, "a variable fits in a byte");

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
	/* the CSL renderer asks for every variable it prints: the first byte
	 * rules out most names before strcmp */
	for (int i = 0; i < LIT_VAR__COUNT; i++)
		if (var_info[i].name[0] == name[0] && strcmp(var_info[i].name, name) == 0)
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

/* ---- strings ------------------------------------------------------------ */

static int in_pool(const lit_record *r, const char *p)
{
	uintptr_t a = (uintptr_t)p, b = (uintptr_t)r->pool;
	return r->pool && a >= b && a < b + r->pool_cap;
}

static void make_pool(lit_record *r, size_t cap)
{
	r->pool_tried = 1;
	if (cap == 0 || cap > UINT32_MAX)
		return;
	r->pool = malloc(cap);
	if (r->pool)
		r->pool_cap = (uint32_t)cap;
}

/* A copy of s[0..n) owned by r: in the pool when it fits, else malloc'd. */
static char *str_new(lit_record *r, const char *s, size_t n)
{
	char *p;
	if (!r->pool_tried && n < POOL_MAX_STRING)
		make_pool(r, DEFAULT_POOL);
	if (r->pool && n < r->pool_cap - r->pool_used) {
		p = r->pool + r->pool_used;
		r->pool_used += (uint32_t)(n + 1);
	} else if (!(p = malloc(n + 1))) {
		return NULL;
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static char *str_dup(lit_record *r, const char *s)
{
	return s ? str_new(r, s, strlen(s)) : NULL;
}

/* Give back a string of r (NULL is allowed). */
static void str_free(lit_record *r, const char *p)
{
	if (!p)
		return;
	if (in_pool(r, p)) {
		size_t n = strlen(p) + 1;
		if (p + n == r->pool + r->pool_used)
			r->pool_used -= (uint32_t)n;
		return;
	}
	free((char *)p);
}

/* Replace *slot with a copy of s (NULL clears).  Returns 0 or LIT_ENOMEM. */
static int set_str(lit_record *r, char **slot, const char *s)
{
	char *p = NULL;
	if (s && !(p = str_dup(r, s)))
		return LIT_ENOMEM;
	str_free(r, *slot);
	*slot = p;
	return LIT_OK;
}

/* Resize a vector of `used` items to `nc`; one in a record's block
 * (`inblk`) is copied out to its own allocation instead. */
static void *vec_resize(void *items, size_t used, size_t nc, size_t size, int inblk)
{
	void *p;
	if (!inblk)
		return realloc(items, nc * size);
	p = malloc(nc * size);
	if (p && used)
		memcpy(p, items, used * size);
	return p;
}

/* Room for n + 1 items in a vector of *cap (first capacity `first`,
 * doubling, at most `max`); `inblk` as for vec_resize. */
static int reserve_in(void **items, size_t cap_now, size_t n, size_t size, size_t first,
                      size_t max, size_t *cap_out, int inblk)
{
	size_t nc;
	void *p;
	if (n < cap_now) {
		*cap_out = cap_now;
		return 0;
	}
	nc = cap_now ? cap_now * 2 : first;
	if (nc > max)
		nc = max;
	if (nc <= n)
		return -1;
	p = vec_resize(*items, n, nc, size, inblk);
	if (!p)
		return -1;
	*items = p;
	*cap_out = nc;
	return 0;
}

static int reserve(void **items, size_t cap_now, size_t n, size_t size, size_t first,
                   size_t max, size_t *cap_out)
{
	return reserve_in(items, cap_now, n, size, first, max, cap_out, 0);
}

/* Set a vector's capacity to exactly `want` when it is smaller (a vector
 * outside the block). */
static int reserve_exact(void **items, size_t cap_now, size_t want, size_t size, size_t *cap_out)
{
	void *p;
	*cap_out = cap_now;
	if (want <= cap_now)
		return 0;
	p = realloc(*items, want * size);
	if (!p)
		return -1;
	*items = p;
	*cap_out = want;
	return 0;
}

/* Grow a block of `old` slots holding `n` entries of `size` bytes followed
 * by one variable byte per slot to `want` slots.  A block inside the
 * record's string pool (in_pool) is copied out, never freed; a block of its
 * own is reallocated.  Returns the new block or NULL (the old one is then
 * unchanged). */
static void *vblock_grow(void *items, size_t n, size_t old, size_t want, size_t size, int in_pool)
{
	uint8_t *p;
	if (want > SIZE_MAX / (size + 1))
		return NULL;
	if (in_pool) {
		p = malloc(want * (size + 1));
		if (!p)
			return NULL;
		memcpy(p, items, n * size);
		memcpy(p + want * size, (uint8_t *)items + old * size, n);
	} else {
		p = realloc(items, want * (size + 1));
		if (!p)
			return NULL;
		memmove(p + want * size, p + old * size, n);
	}
	return p;
}

/* Grow the field block to `want` entries (values, then variables). */
static int fields_grow(lit_record *r, size_t want)
{
	char **p;
	if (want <= r->capfields)
		return 0;
	if (want > 255)
		return -1;
	p = vblock_grow(r->fields, r->nfields, r->capfields, want, sizeof *p, (r->inblock & BLK_FIELDS) != 0);
	if (!p)
		return -1;
	r->inblock &= (uint8_t)~BLK_FIELDS;
	r->fields = p;
	r->capfields = (uint8_t)want;
	return 0;
}

/* Grow the name block to `want` entries (names, then variables). */
static int names_grow(lit_record *r, size_t want)
{
	lit_name *p;
	if (want <= r->capnames)
		return 0;
	if (want >= UINT32_MAX)
		return -1;
	p = vblock_grow(r->names, r->nnames, r->capnames, want, sizeof *p, (r->inblock & BLK_NAMES) != 0);
	if (!p)
		return -1;
	r->inblock &= (uint8_t)~BLK_NAMES;
	r->names = p;
	r->capnames = (uint32_t)want;
	return 0;
}

static void name_free(lit_record *r, lit_name *n)
{
	str_free(r, n->family);
	str_free(r, n->given);
	str_free(r, n->dropping_particle);
	str_free(r, n->non_dropping_particle);
	str_free(r, n->suffix);
	str_free(r, n->literal);
	memset(n, 0, sizeof *n);
}

static int name_copy(lit_record *r, lit_name *dst, const lit_name *src)
{
	memset(dst, 0, sizeof *dst);
	const char *const *from[] = { &src->family, &src->given, &src->dropping_particle,
		&src->non_dropping_particle, &src->suffix, &src->literal };
	const char **to[] = { &dst->family, &dst->given, &dst->dropping_particle,
		&dst->non_dropping_particle, &dst->suffix, &dst->literal };
	for (size_t i = 0; i < 6; i++) {
		if (*from[i] && **from[i]) {
			if (!(*to[i] = str_dup(r, *from[i]))) {
				name_free(r, dst);
				return LIT_ENOMEM;
			}
		}
	}
	dst->comma_suffix = src->comma_suffix;
	dst->static_ordering = src->static_ordering;
	return LIT_OK;
}

/* The extra part of r, made when missing; NULL when out of memory. */
static rec_extra *extra(lit_record *r)
{
	if (!r->x)
		r->x = calloc(1, sizeof *r->x);
	return r->x;
}

/* ---- records ---------------------------------------------------------- */

lit_record *lit_record_new(void)
{
	lit_record *r = calloc(1, sizeof *r);
	if (r)
		r->type = LIT_TYPE_DOCUMENT;
	return r;
}

int lit_record_reserve(lit_record *r, size_t nfields, size_t nnames, size_t ndates,
                       size_t ncustoms, size_t bytes)
{
	size_t cap;
	if (!r)
		return LIT_EINVAL;
	if (nfields > LIT_VAR__COUNT)
		nfields = LIT_VAR__COUNT;
	if (ndates > LIT_VAR__COUNT)
		ndates = LIT_VAR__COUNT;
	if (!r->pool && !r->pool_tried && !r->fields && !r->names && !r->dates && bytes &&
	    nnames < (UINT32_MAX - bytes) / sizeof *r->names / 2) {
		/* a new record: everything in one block */
		size_t pb = (bytes + 7) & ~(size_t)7, nb = (nnames * (sizeof *r->names + 1) + 7) & ~(size_t)7;
		size_t db = ndates * sizeof *r->dates, fb = nfields * (sizeof *r->fields + 1);
		char *blk;
		r->pool_tried = 1;
		if (pb + nb + db + fb <= UINT32_MAX && (blk = malloc(pb + nb + db + fb)) != NULL) {
			r->pool = blk;
			r->pool_cap = (uint32_t)pb;
			if (nnames) {
				r->names = (lit_name *)(void *)(blk + pb);
				r->capnames = (uint32_t)nnames;
				r->inblock |= BLK_NAMES;
			}
			if (ndates) {
				r->dates = (datent *)(void *)(blk + pb + nb);
				r->capdates = (uint8_t)ndates;
				r->inblock |= BLK_DATES;
			}
			if (nfields) {
				r->fields = (char **)(void *)(blk + pb + nb + db);
				r->capfields = (uint8_t)nfields;
				r->inblock |= BLK_FIELDS;
			}
		}
	}
	if (fields_grow(r, nfields))
		return LIT_ENOMEM;
	if (names_grow(r, nnames))
		return LIT_ENOMEM;
	if (ndates > r->capdates) {
		void *p = vec_resize(r->dates, r->ndates, ndates, sizeof *r->dates, r->inblock & BLK_DATES);
		if (!p)
			return LIT_ENOMEM;
		r->dates = p;
		r->capdates = (uint8_t)ndates;
		r->inblock &= (uint8_t)~BLK_DATES;
	}
	if (ncustoms) {
		rec_extra *x = extra(r);
		if (!x || ncustoms >= UINT32_MAX ||
		    reserve_exact((void **)&x->customs, x->capcustoms, ncustoms, sizeof *x->customs, &cap))
			return LIT_ENOMEM;
		x->capcustoms = (uint32_t)cap;
	}
	if (!r->pool && bytes)
		make_pool(r, bytes);
	return LIT_OK;
}

void lit_record_free(lit_record *r)
{
	if (!r)
		return;
	/* strings outside the pool are freed one by one */
	for (size_t i = 0; i < r->nfields; i++)
		if (!in_pool(r, r->fields[i]))
			free(r->fields[i]);
	for (size_t i = 0; i < r->nnames; i++) {
		const lit_name *n = &r->names[i];
		const char *s[] = { n->family, n->given, n->dropping_particle,
		                    n->non_dropping_particle, n->suffix, n->literal };
		for (size_t k = 0; k < 6; k++)
			if (s[k] && !in_pool(r, s[k]))
				free((char *)s[k]);
	}
	for (size_t i = 0; i < r->ndates; i++)
		if (r->dates[i].d.literal && !in_pool(r, r->dates[i].d.literal))
			free((char *)r->dates[i].d.literal);
	if (r->x) {
		for (size_t i = 0; i < r->x->ncustoms; i++) {
			if (!in_pool(r, r->x->customs[i].key))
				free(r->x->customs[i].key);
			if (!in_pool(r, r->x->customs[i].value))
				free(r->x->customs[i].value);
		}
		if (r->x->raw && !in_pool(r, r->x->raw))
			free(r->x->raw);
		free(r->x->customs);
		free(r->x);
	}
	if (r->id && !in_pool(r, r->id))
		free(r->id);
	if (r->source && !in_pool(r, r->source))
		free(r->source);
	if (!(r->inblock & BLK_FIELDS))
		free(r->fields);
	if (!(r->inblock & BLK_NAMES))
		free(r->names);
	if (!(r->inblock & BLK_DATES))
		free(r->dates);
	free(r->pool);
	free(r);
}

/* Bytes of a string with its NUL (0 for NULL). */
static size_t sz(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

lit_record *lit_record_clone(const lit_record *r)
{
	if (!r)
		return NULL;
	lit_record *c = lit_record_new();
	if (!c)
		return NULL;
	/* one pool for all the strings of the copy */
	const rec_extra *x = r->x;
	size_t ncustoms = x ? x->ncustoms : 0;
	size_t bytes = sz(r->id) + sz(r->source) + (x ? sz(x->raw) : 0);
	for (size_t i = 0; i < r->nfields; i++)
		bytes += sz(r->fields[i]);
	for (size_t i = 0; i < r->nnames; i++) {
		const lit_name *n = &r->names[i];
		bytes += sz(n->family) + sz(n->given) + sz(n->dropping_particle) +
		         sz(n->non_dropping_particle) + sz(n->suffix) + sz(n->literal);
	}
	for (size_t i = 0; i < r->ndates; i++)
		bytes += sz(r->dates[i].d.literal);
	for (size_t i = 0; i < ncustoms; i++)
		bytes += sz(x->customs[i].key) + sz(x->customs[i].value);
	if (lit_record_reserve(c, r->nfields, r->nnames, r->ndates, ncustoms, bytes))
		goto fail;
	c->type = r->type;
	c->where = r->where;
	c->line = r->line;
	if (x && (x->etal[0] || x->etal[1])) {
		if (!extra(c))
			goto fail;
		c->x->etal[0] = x->etal[0];
		c->x->etal[1] = x->etal[1];
	}
	if (set_str(c, &c->id, r->id) || set_str(c, &c->source, r->source) ||
	    (x && x->raw && lit_record_set_raw(c, x->raw)))
		goto fail;
	for (size_t i = 0; i < r->nfields; i++)
		if (lit_record_set(c, (lit_var)FVARS(r)[i], r->fields[i]))
			goto fail;
	for (size_t i = 0; i < r->nnames; i++)
		if (lit_record_add_name(c, (lit_var)NVARS(r)[i], &r->names[i]))
			goto fail;
	for (size_t i = 0; i < r->ndates; i++)
		if (lit_record_set_date(c, (lit_var)r->dates[i].var, &r->dates[i].d))
			goto fail;
	for (size_t i = 0; i < ncustoms; i++)
		if (lit_record_set_custom(c, x->customs[i].key, x->customs[i].value, x->customs[i].is_json))
			goto fail;
	return c;
fail:
	lit_record_free(c);
	return NULL;
}

lit_type lit_record_type(const lit_record *r) { return (lit_type)r->type; }

void lit_record_set_type(lit_record *r, lit_type type)
{
	if ((int)type >= 0 && type < LIT_TYPE__COUNT)
		r->type = (uint8_t)type;
}

const char *lit_record_id(const lit_record *r) { return r->id; }
int lit_record_set_id(lit_record *r, const char *id) { return set_str(r, &r->id, id && *id ? id : NULL); }

static int is_kind(lit_var var, int want_text)
{
	if ((int)var < 0 || var >= LIT_VAR__COUNT)
		return 0;
	lit_var_kind k = var_info[var].kind;
	return want_text ? (k == LIT_KIND_TEXT || k == LIT_KIND_NUMBER) : 0;
}

const char *lit_record_get(const lit_record *r, lit_var var)
{
	if (!r->nfields)
		return NULL;
	const uint8_t *vars = FVARS(r);
	for (size_t i = 0; i < r->nfields; i++)
		if (vars[i] == (int)var)
			return r->fields[i];
	return NULL;
}

int lit_record_setn(lit_record *r, lit_var var, const char *value, size_t len)
{
	if (!is_kind(var, 1))
		return LIT_EINVAL;
	size_t i;
	uint8_t *vars = r->fields ? FVARS(r) : NULL;
	for (i = 0; i < r->nfields; i++)
		if (vars[i] == (int)var)
			break;
	if (!value || len == 0) {
		if (i < r->nfields) {
			str_free(r, r->fields[i]);
			memmove(&r->fields[i], &r->fields[i + 1], (r->nfields - i - 1) * sizeof *r->fields);
			memmove(&vars[i], &vars[i + 1], r->nfields - i - 1);
			r->nfields--;
		}
		return LIT_OK;
	}
	char *copy = str_new(r, value, len);
	if (!copy)
		return LIT_ENOMEM;
	if (i < r->nfields) {
		str_free(r, r->fields[i]);
		r->fields[i] = copy;
		return LIT_OK;
	}
	if (r->nfields == r->capfields &&
	    fields_grow(r, r->capfields ? (r->capfields < 128 ? (size_t)r->capfields * 2 : 255) : 4)) {
		str_free(r, copy);
		return LIT_ENOMEM;
	}
	r->fields[r->nfields] = copy;
	FVARS(r)[r->nfields] = (uint8_t)var;
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
		*var = (lit_var)FVARS(r)[i];
	return r->fields[i];
}

/* Names are kept sorted by variable (stable within one variable), so the
 * names of a variable are one run found by binary search. */
static size_t names_lower(const lit_record *r, int var)
{
	size_t lo = 0, hi = r->nnames;
	const uint8_t *vars = hi ? NVARS(r) : NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (vars[mid] < var)
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
	if (lo + k >= r->nnames || NVARS(r)[lo + k] != (int)var)
		return NULL;
	return &r->names[lo + k];
}

int lit_record_add_name(lit_record *r, lit_var var, const lit_name *name)
{
	if ((int)var < 0 || var >= LIT_VAR__COUNT || var_info[var].kind != LIT_KIND_NAME || !name)
		return LIT_EINVAL;
	if (r->nnames == r->capnames &&
	    names_grow(r, r->capnames ? (size_t)r->capnames * 2 : 2))
		return LIT_ENOMEM;
	size_t at = names_lower(r, (int)var + 1);
	lit_name copy;
	if (name_copy(r, &copy, name))
		return LIT_ENOMEM;
	uint8_t *vars = NVARS(r);
	memmove(&r->names[at + 1], &r->names[at], (r->nnames - at) * sizeof *r->names);
	memmove(&vars[at + 1], &vars[at], r->nnames - at);
	r->names[at] = copy;
	vars[at] = (uint8_t)var;
	r->nnames++;
	return LIT_OK;
}

void lit_record_clear_names(lit_record *r, lit_var var)
{
	size_t lo = names_lower(r, (int)var), hi = names_lower(r, (int)var + 1);
	if (hi > lo) {
		/* (no memmove on an empty list: names may be NULL) */
		for (size_t i = lo; i < hi; i++)
			name_free(r, &r->names[i]);
		memmove(&r->names[lo], &r->names[hi], (r->nnames - hi) * sizeof *r->names);
		memmove(&NVARS(r)[lo], &NVARS(r)[hi], r->nnames - hi);
		r->nnames -= (uint32_t)(hi - lo);
	}
	lit_record_set_names_etal(r, var, 0);
}

int lit_record_names_etal(const lit_record *r, lit_var var)
{
	if ((unsigned)var >= 128 || !r->x)
		return 0;
	return (int)((r->x->etal[var / 64] >> (var % 64)) & 1u);
}

void lit_record_set_names_etal(lit_record *r, lit_var var, int etal)
{
	if ((unsigned)var >= 128)
		return;
	uint64_t bit = (uint64_t)1 << (var % 64);
	if (etal) {
		/* (out of memory: the flag cannot be kept) */
		if (extra(r))
			r->x->etal[var / 64] |= bit;
	} else if (r->x) {
		r->x->etal[var / 64] &= ~bit;
	}
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
	size_t i, cap;
	for (i = 0; i < r->ndates; i++)
		if (r->dates[i].var == (int)var)
			break;
	if (!date) {
		if (i < r->ndates) {
			str_free(r, r->dates[i].d.literal);
			memmove(&r->dates[i], &r->dates[i + 1], (r->ndates - i - 1) * sizeof *r->dates);
			r->ndates--;
		}
		return LIT_OK;
	}
	char *lit = NULL;
	if (date->literal && *date->literal && !(lit = str_dup(r, date->literal)))
		return LIT_ENOMEM;
	if (i == r->ndates) {
		if (reserve_in((void **)&r->dates, r->capdates, r->ndates, sizeof *r->dates, 1,
		               LIT_VAR__COUNT < 255 ? LIT_VAR__COUNT : 255, &cap, r->inblock & BLK_DATES)) {
			str_free(r, lit);
			return LIT_ENOMEM;
		}
		if (cap != r->capdates)
			r->inblock &= (uint8_t)~BLK_DATES;
		r->capdates = (uint8_t)cap;
		r->ndates++;
	} else {
		str_free(r, r->dates[i].d.literal);
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
	return set_str(r, &r->source, file);
}

const char *lit_record_raw(const lit_record *r) { return r->x ? r->x->raw : NULL; }

int lit_record_set_raw(lit_record *r, const char *raw)
{
	if (!raw && !r->x)
		return LIT_OK;
	if (!extra(r))
		return LIT_ENOMEM;
	return set_str(r, &r->x->raw, raw);
}
lit_where lit_record_where(const lit_record *r) { return (lit_where)r->where; }
void lit_record_set_where(lit_record *r, lit_where where) { r->where = (uint8_t)where; }

/* ---- custom ------------------------------------------------------------ */

int lit_record_set_custom(lit_record *r, const char *key, const char *value, int is_json)
{
	if (!key || !*key)
		return LIT_EINVAL;
	size_t i, cap, n = r->x ? r->x->ncustoms : 0;
	custom *cs = r->x ? r->x->customs : NULL;
	for (i = 0; i < n; i++)
		if (strcmp(cs[i].key, key) == 0)
			break;
	if (!value) {
		if (i < n) {
			/* the value was added after the key: give it back first */
			str_free(r, cs[i].value);
			str_free(r, cs[i].key);
			memmove(&cs[i], &cs[i + 1], (n - i - 1) * sizeof *cs);
			r->x->ncustoms--;
		}
		return LIT_OK;
	}
	if (i < n) {
		char *v = str_dup(r, value);
		if (!v)
			return LIT_ENOMEM;
		str_free(r, cs[i].value);
		cs[i].value = v;
		cs[i].is_json = is_json != 0;
		return LIT_OK;
	}
	rec_extra *x = extra(r);
	if (!x || reserve((void **)&x->customs, x->capcustoms, x->ncustoms, sizeof *x->customs, 2,
	                  UINT32_MAX - 1, &cap))
		return LIT_ENOMEM;
	x->capcustoms = (uint32_t)cap;
	char *k = str_dup(r, key), *v = k ? str_dup(r, value) : NULL;
	if (!v) {
		str_free(r, k);
		return LIT_ENOMEM;
	}
	x->customs[x->ncustoms].key = k;
	x->customs[x->ncustoms].value = v;
	x->customs[x->ncustoms].is_json = is_json != 0;
	x->ncustoms++;
	return LIT_OK;
}

const char *lit_record_custom(const lit_record *r, const char *key, int *is_json)
{
	size_t n = r->x ? r->x->ncustoms : 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(r->x->customs[i].key, key) == 0) {
			if (is_json)
				*is_json = r->x->customs[i].is_json;
			return r->x->customs[i].value;
		}
	}
	return NULL;
}

size_t lit_record_custom_count(const lit_record *r) { return r->x ? r->x->ncustoms : 0; }

const char *lit_record_custom_at(const lit_record *r, size_t i, const char **value, int *is_json)
{
	if (!r->x || i >= r->x->ncustoms)
		return NULL;
	if (value)
		*value = r->x->customs[i].value;
	if (is_json)
		*is_json = r->x->customs[i].is_json;
	return r->x->customs[i].key;
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
	if (reserve((void **)&l->items, l->cap, l->n, sizeof *l->items, 4, SIZE_MAX / sizeof *l->items,
	            &l->cap)) {
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
