/*
 * json.c - a small JSON reader and writing helpers (see json.h).
 *
 * Recursive descent with a depth limit; nodes and decoded strings live in
 * one arena of chunks freed together.  Errors carry the line number.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

#define JSON_MAX_DEPTH 512

typedef struct chunk { struct chunk *next; size_t used, cap; char data[]; } chunk;

struct lit_json_doc {
	chunk *chunks;
	lit_json *root;
};

typedef struct parser {
	const char *s, *end;
	long line;
	const char *file;
	lit_error *err;
	lit_json_doc *doc;
	int failed;
} parser;

static void *arena_alloc(lit_json_doc *doc, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	chunk *c = doc->chunks;
	if (!c || c->cap - c->used < size) {
		size_t cap = size > 65536 ? size : 65536;
		chunk *n = malloc(sizeof(chunk) + cap);
		if (!n)
			return NULL;
		n->next = doc->chunks;
		n->used = 0;
		n->cap = cap;
		doc->chunks = n;
		c = n;
	}
	void *p = c->data + c->used;
	c->used += size;
	return p;
}

static int fail(parser *p, int code, const char *msg)
{
	if (!p->failed)
		lit_error_set(p->err, code, p->file, p->line, "%s", msg);
	p->failed = 1;
	return -1;
}

static void skip_ws(parser *p)
{
	while (p->s < p->end) {
		char c = *p->s;
		if (c == '\n')
			p->line++;
		else if (c != ' ' && c != '\t' && c != '\r')
			break;
		p->s++;
	}
}

static lit_json *new_node(parser *p, lit_json_type t)
{
	lit_json *n = arena_alloc(p->doc, sizeof *n);
	if (!n) {
		fail(p, LIT_ENOMEM, "out of memory");
		return NULL;
	}
	memset(n, 0, sizeof *n);
	n->type = t;
	n->line = p->line;
	return n;
}

static int hex4(const char *s, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
		else return -1;
	}
	*out = v;
	return 0;
}

/* Parse a string literal at p->s (on the quote); returns arena copy. */
static const char *parse_string(parser *p, size_t *outlen)
{
	const char *s = ++p->s;
	/* first pass: find the end, bound the size */
	const char *q = s;
	while (q < p->end && *q != '"') {
		if (*q == '\\')
			q++;
		else if ((unsigned char)*q < 0x20) {
			fail(p, LIT_EPARSE, "control character in string");
			return NULL;
		}
		q++;
	}
	if (q >= p->end) {
		fail(p, LIT_EPARSE, "unterminated string");
		return NULL;
	}
	size_t max = (size_t)(q - s);
	char *out = arena_alloc(p->doc, max + 1);
	if (!out) {
		fail(p, LIT_ENOMEM, "out of memory");
		return NULL;
	}
	size_t n = 0;
	while (s < q) {
		if (*s != '\\') {
			out[n++] = *s++;
			continue;
		}
		s++;
		char e = *s++;
		switch (e) {
		case '"': out[n++] = '"'; break;
		case '\\': out[n++] = '\\'; break;
		case '/': out[n++] = '/'; break;
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case 'n': out[n++] = '\n'; break;
		case 'r': out[n++] = '\r'; break;
		case 't': out[n++] = '\t'; break;
		case 'u': {
			uint32_t cp;
			if (q - s < 4 || hex4(s, &cp)) {
				fail(p, LIT_EPARSE, "bad \\u escape");
				return NULL;
			}
			s += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && q - s >= 6 && s[0] == '\\' && s[1] == 'u') {
				uint32_t lo;
				if (!hex4(s + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					s += 6;
				}
			}
			if (cp >= 0xD800 && cp <= 0xDFFF)
				cp = 0xFFFD;
			if (cp == 0)
				cp = 0xFFFD; /* keep strings NUL-free */
			n += lit_utf8_encode(cp, out + n); /* \uXXXX (6 bytes) >= 3 bytes of UTF-8 */
			break;
		}
		default:
			fail(p, LIT_EPARSE, "bad escape in string");
			return NULL;
		}
	}
	out[n] = '\0';
	p->s = q + 1;
	*outlen = n;
	return out;
}

static lit_json *parse_value(parser *p, int depth);

static lit_json *parse_container(parser *p, int depth, int is_obj)
{
	lit_json *node = new_node(p, is_obj ? LIT_JSON_OBJECT : LIT_JSON_ARRAY);
	if (!node)
		return NULL;
	char close = is_obj ? '}' : ']';
	p->s++;
	skip_ws(p);
	if (p->s < p->end && *p->s == close) {
		p->s++;
		return node;
	}
	lit_json **tail = &node->child;
	for (;;) {
		const char *key = NULL;
		skip_ws(p);
		if (is_obj) {
			size_t kl;
			if (p->s >= p->end || *p->s != '"') {
				fail(p, LIT_EPARSE, "expected a member name");
				return NULL;
			}
			if (!(key = parse_string(p, &kl)))
				return NULL;
			skip_ws(p);
			if (p->s >= p->end || *p->s != ':') {
				fail(p, LIT_EPARSE, "expected ':'");
				return NULL;
			}
			p->s++;
		}
		lit_json *v = parse_value(p, depth + 1);
		if (!v)
			return NULL;
		v->key = key;
		*tail = v;
		tail = &v->next;
		node->len++;
		skip_ws(p);
		if (p->s >= p->end) {
			fail(p, LIT_EPARSE, is_obj ? "unterminated object" : "unterminated array");
			return NULL;
		}
		if (*p->s == ',') {
			p->s++;
			continue;
		}
		if (*p->s == close) {
			p->s++;
			return node;
		}
		fail(p, LIT_EPARSE, is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
		return NULL;
	}
}

static lit_json *parse_value(parser *p, int depth)
{
	if (depth > JSON_MAX_DEPTH) {
		fail(p, LIT_ELIMIT, "nesting too deep");
		return NULL;
	}
	skip_ws(p);
	if (p->s >= p->end) {
		fail(p, LIT_EPARSE, "unexpected end of input");
		return NULL;
	}
	char c = *p->s;
	if (c == '{' || c == '[')
		return parse_container(p, depth, c == '{');
	if (c == '"') {
		lit_json *n = new_node(p, LIT_JSON_STRING);
		if (!n || !(n->str = parse_string(p, &n->len)))
			return NULL;
		return n;
	}
	static const struct { const char *w; size_t n; lit_json_type t; } words[] = {
		{ "true", 4, LIT_JSON_TRUE }, { "false", 5, LIT_JSON_FALSE }, { "null", 4, LIT_JSON_NULL } };
	for (size_t i = 0; i < 3; i++) {
		if ((size_t)(p->end - p->s) >= words[i].n && memcmp(p->s, words[i].w, words[i].n) == 0) {
			p->s += words[i].n;
			return new_node(p, words[i].t);
		}
	}
	if (c == '-' || (c >= '0' && c <= '9')) {
		const char *st = p->s;
		if (*p->s == '-')
			p->s++;
		while (p->s < p->end && ((*p->s >= '0' && *p->s <= '9') || *p->s == '.' ||
		       *p->s == 'e' || *p->s == 'E' || *p->s == '+' || *p->s == '-'))
			p->s++;
		size_t len = (size_t)(p->s - st);
		lit_json *n = new_node(p, LIT_JSON_NUMBER);
		if (!n)
			return NULL;
		char *t = arena_alloc(p->doc, len + 1);
		if (!t) {
			fail(p, LIT_ENOMEM, "out of memory");
			return NULL;
		}
		memcpy(t, st, len);
		t[len] = '\0';
		char *endp;
		n->num = strtod(t, &endp);
		if (*endp || len == 0 || (len == 1 && *t == '-')) {
			fail(p, LIT_EPARSE, "malformed number");
			return NULL;
		}
		n->str = t;
		n->len = len;
		return n;
	}
	fail(p, LIT_EPARSE, "unexpected character");
	return NULL;
}

lit_json_doc *lit_json_parse(const char *text, size_t len, const char *file, lit_error *err)
{
	lit_json_doc *doc = calloc(1, sizeof *doc);
	if (!doc) {
		lit_error_set(err, LIT_ENOMEM, file, 0, "out of memory");
		return NULL;
	}
	parser p = { text, text + len, 1, file, err, doc, 0 };
	/* skip a UTF-8 BOM */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		p.s += 3;
	doc->root = parse_value(&p, 0);
	if (doc->root) {
		skip_ws(&p);
		if (p.s < p.end) {
			fail(&p, LIT_EPARSE, "trailing characters after JSON value");
			doc->root = NULL;
		}
	}
	if (!doc->root) {
		lit_json_free(doc);
		return NULL;
	}
	return doc;
}

const lit_json *lit_json_root(const lit_json_doc *doc)
{
	return doc ? doc->root : NULL;
}

void lit_json_free(lit_json_doc *doc)
{
	if (!doc)
		return;
	chunk *c = doc->chunks;
	while (c) {
		chunk *n = c->next;
		free(c);
		c = n;
	}
	free(doc);
}

const lit_json *lit_json_get(const lit_json *obj, const char *key)
{
	if (!obj || obj->type != LIT_JSON_OBJECT)
		return NULL;
	for (const lit_json *c = obj->child; c; c = c->next)
		if (strcmp(c->key, key) == 0)
			return c;
	return NULL;
}

const lit_json *lit_json_at(const lit_json *arr, size_t i)
{
	if (!arr || arr->type != LIT_JSON_ARRAY)
		return NULL;
	const lit_json *c = arr->child;
	while (c && i--)
		c = c->next;
	return c;
}

const char *lit_json_string(const lit_json *v)
{
	return v && v->type == LIT_JSON_STRING ? v->str : NULL;
}

void lit_json_put_stringn(lit_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	lit_buf_putc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];
		if (c == '"') esc = "\\\"";
		else if (c == '\\') esc = "\\\\";
		else if (c == '\n') esc = "\\n";
		else if (c == '\r') esc = "\\r";
		else if (c == '\t') esc = "\\t";
		else if (c < 0x20 || c == 0x7f) {
			u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
			u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = '\0';
			esc = u;
		}
		if (esc) {
			lit_buf_put(b, s + i - run, run);
			run = 0;
			lit_buf_puts(b, esc);
		} else {
			run++;
		}
	}
	lit_buf_put(b, s + len - run, run);
	lit_buf_putc(b, '"');
}

void lit_json_put_string(lit_buf *b, const char *s)
{
	if (!s) {
		lit_buf_puts(b, "null");
		return;
	}
	lit_json_put_stringn(b, s, strlen(s));
}
