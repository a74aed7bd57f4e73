/*
 * buf.c - growable byte buffer (see buf.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "litera/common.h"

#define LIT_BUF_DEFAULT_MAX ((size_t)1 << 30)

int lit_buf_grow(lit_buf *b, size_t extra)
{
	if (b->failed)
		return -1;
	size_t max = b->max ? b->max : LIT_BUF_DEFAULT_MAX;
	if (extra > max || b->len > max - extra) {
		b->failed = 2;
		return -1;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap < ((size_t)1 << 62) ? cap * 2 : need;
	char *p = realloc(b->ptr, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->ptr = p;
	b->cap = cap;
	b->ptr[b->len] = '\0';
	return 0;
}

int lit_buf_put(lit_buf *b, const char *data, size_t len)
{
	if (lit_buf_grow(b, len))
		return -1;
	if (len)
		memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
	return 0;
}

int lit_buf_puts(lit_buf *b, const char *s)
{
	return lit_buf_put(b, s, s ? strlen(s) : 0);
}

int lit_buf_putc(lit_buf *b, int c)
{
	char ch = (char)c;
	return lit_buf_put(b, &ch, 1);
}

int lit_buf_vprintf(lit_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0 || lit_buf_grow(b, (size_t)n))
		return -1;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int lit_buf_printf(lit_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = lit_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return r;
}

int lit_buf_put_cp(lit_buf *b, unsigned cp)
{
	char out[4];
	size_t n;
	if (cp < 0x80) {
		out[0] = (char)cp; n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F)); n = 2;
	} else if (cp < 0x10000) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			cp = 0xFFFD;
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
	} else if (cp < 0x110000) {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
	} else {
		return lit_buf_put(b, "\xEF\xBF\xBD", 3);
	}
	return lit_buf_put(b, out, n);
}

void lit_buf_clear(lit_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

void lit_buf_truncate(lit_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->ptr[len] = '\0';
	}
}

char *lit_buf_detach(lit_buf *b, size_t *len)
{
	char *p = b->ptr;
	if (b->failed) {
		free(p);
		p = NULL;
	} else if (!p) {
		p = calloc(1, 1);
	}
	if (len)
		*len = p ? b->len : 0;
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
	return p;
}

void lit_buf_free(lit_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

int lit_buf_status(const lit_buf *b)
{
	return b->failed == 1 ? LIT_ENOMEM : b->failed == 2 ? LIT_ELIMIT : LIT_OK;
}

const char *lit_buf_cstr(const lit_buf *b)
{
	return b->ptr ? b->ptr : "";
}
