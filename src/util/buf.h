/*
 * buf.h - growable byte buffer with a size limit and a sticky failure flag.
 *
 * Writers append without checking every call; lit_buf_ok() (or the
 * `failed` field) tells at the end whether memory ran out or the limit was
 * hit.  The contents are always NUL-terminated when ptr is not NULL.
 */
#ifndef LIT_UTIL_BUF_H
#define LIT_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct lit_buf {
	char *ptr;
	size_t len;
	size_t cap;
	size_t max;  /* 0 = default limit (1 GiB) */
	int failed;  /* 1 out of memory, 2 limit */
} lit_buf;

#define LIT_BUF_INIT { NULL, 0, 0, 0, 0 }

int lit_buf_grow(lit_buf *b, size_t extra);
int lit_buf_put(lit_buf *b, const char *data, size_t len);
int lit_buf_puts(lit_buf *b, const char *s);
int lit_buf_putc(lit_buf *b, int c);
int lit_buf_printf(lit_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
int lit_buf_vprintf(lit_buf *b, const char *fmt, va_list ap);
/* Append a Unicode code point as UTF-8. */
int lit_buf_put_cp(lit_buf *b, unsigned cp);
/* Set length to 0, keep memory. */
void lit_buf_clear(lit_buf *b);
/* Truncate to len (<= current length). */
void lit_buf_truncate(lit_buf *b, size_t len);
/* Hand the memory to the caller (free with free()/lit_free()); the buffer is reset.
 * Returns an empty string rather than NULL when nothing was written (NULL only on ENOMEM). */
char *lit_buf_detach(lit_buf *b, size_t *len);
void lit_buf_free(lit_buf *b);
/* 0 when no failure happened, else LIT_ENOMEM or LIT_ELIMIT. */
int lit_buf_status(const lit_buf *b);
/* The contents as a C string ("" when empty). */
const char *lit_buf_cstr(const lit_buf *b);

#endif
