/*
 * json.h - a small JSON reader (DOM in one arena, depth and size limits,
 * errors with line numbers) and writing helpers for lit_buf.
 *
 * Reading: lit_json_parse() returns a document whose nodes live until
 * lit_json_free().  Strings are NUL-terminated UTF-8 (escapes decoded).
 */
#ifndef LIT_UTIL_JSON_H
#define LIT_UTIL_JSON_H

#include <stddef.h>
#include "litera/common.h"
#include "buf.h"

typedef enum lit_json_type {
	LIT_JSON_NULL, LIT_JSON_FALSE, LIT_JSON_TRUE, LIT_JSON_NUMBER,
	LIT_JSON_STRING, LIT_JSON_ARRAY, LIT_JSON_OBJECT
} lit_json_type;

typedef struct lit_json lit_json;
struct lit_json {
	lit_json_type type;
	long line;          /* line where the value starts */
	const char *str;    /* STRING: value; NUMBER: the number's text */
	size_t len;         /* STRING/NUMBER length; ARRAY/OBJECT: child count */
	double num;         /* NUMBER */
	lit_json *child;    /* ARRAY/OBJECT: first child */
	lit_json *next;     /* next sibling */
	const char *key;    /* member name when the parent is an OBJECT */
};

typedef struct lit_json_doc lit_json_doc;

/* Parse; max depth 512.  Returns NULL on error (err filled, with line; `file`
 * is only copied into the error). */
lit_json_doc *lit_json_parse(const char *text, size_t len, const char *file, lit_error *err);
const lit_json *lit_json_root(const lit_json_doc *doc);
void lit_json_free(lit_json_doc *doc);

/* Member of an object by key (first match); NULL when absent or not an object. */
const lit_json *lit_json_get(const lit_json *obj, const char *key);
/* i-th element of an array; NULL when out of range. */
const lit_json *lit_json_at(const lit_json *arr, size_t i);
/* String value, or NULL when v is not a string. */
const char *lit_json_string(const lit_json *v);

/* Writing: append s as a JSON string literal (with quotes); NULL writes null. */
void lit_json_put_string(lit_buf *b, const char *s);
void lit_json_put_stringn(lit_buf *b, const char *s, size_t len);

#endif
