/*
 * error.c - status code descriptions and the lit_error helpers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera/common.h"

const char *lit_strerror(int code)
{
	switch (code) {
	case LIT_OK: return "no error";
	case LIT_ENOMEM: return "out of memory";
	case LIT_EPARSE: return "invalid input";
	case LIT_EIO: return "input/output error";
	case LIT_EINVAL: return "invalid argument";
	case LIT_EUNSUPPORTED: return "not supported";
	case LIT_EENCODING: return "undecodable text encoding";
	case LIT_ELIMIT: return "size or depth limit exceeded";
	case LIT_ENETWORK: return "network error";
	case LIT_ENOTFOUND: return "not found";
	case LIT_EEXTERNAL: return "external program failed";
	default: return "unknown error";
	}
}

int lit_error_set(lit_error *err, int code, const char *file, long line,
                  const char *fmt, ...)
{
	if (!err)
		return code;
	err->code = code;
	err->line = line;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof err->message, fmt, ap);
		va_end(ap);
	} else {
		snprintf(err->message, sizeof err->message, "%s", lit_strerror(code));
	}
	return code;
}

void lit_error_clear(lit_error *err)
{
	if (!err)
		return;
	err->code = 0;
	err->line = 0;
	err->file[0] = '\0';
	err->message[0] = '\0';
}

const char *lit_error_format(const lit_error *err, char *buf, size_t size)
{
	if (!buf || !size)
		return buf;
	if (!err) {
		snprintf(buf, size, "%s", lit_strerror(LIT_OK));
		return buf;
	}
	const char *msg = err->message[0] ? err->message : lit_strerror(err->code);
	if (err->file[0] && err->line > 0)
		snprintf(buf, size, "%s:%ld: %s", err->file, err->line, msg);
	else if (err->file[0])
		snprintf(buf, size, "%s: %s", err->file, msg);
	else if (err->line > 0)
		snprintf(buf, size, "line %ld: %s", err->line, msg);
	else
		snprintf(buf, size, "%s", msg);
	return buf;
}

void lit_free(void *ptr)
{
	free(ptr);
}

const char *lit_version(void)
{
	return LITERA_VERSION;
}
