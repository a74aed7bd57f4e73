/*
 * litera/common.h - export macros, status codes and the error record shared by
 * every part of the litera public API.
 *
 * Conventions (after libgit2): functions that can fail return an int status,
 * 0 (LIT_OK) on success and a negative lit_status on failure.  When the caller
 * passes a lit_error, it receives a one-line message and, where known, the
 * file and line the problem was found at.  Errors are propagated unchanged.
 */
#ifndef LITERA_COMMON_H
#define LITERA_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define LIT_EXTERN(type) __declspec(dllexport) type
#elif defined(__GNUC__)
#define LIT_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define LIT_EXTERN(type) type
#endif

#define LITERA_VERSION "0.1.0"
#define LITERA_VERSION_MAJOR 0
#define LITERA_VERSION_MINOR 1
#define LITERA_VERSION_PATCH 0

/**
 * Status codes.  Stable: new codes are added at the end, never renumbered.
 */
typedef enum lit_status {
	LIT_OK = 0,
	LIT_ENOMEM = -1,      /**< out of memory */
	LIT_EPARSE = -2,      /**< input is not valid in its format */
	LIT_EIO = -3,         /**< a file could not be read or written */
	LIT_EINVAL = -4,      /**< an argument or option is invalid */
	LIT_EUNSUPPORTED = -5,/**< format or feature not available */
	LIT_EENCODING = -6,   /**< text encoding could not be decoded */
	LIT_ELIMIT = -7,      /**< an input exceeded a size or depth limit */
	LIT_ENETWORK = -8,    /**< a network operation failed */
	LIT_ENOTFOUND = -9,   /**< a named thing (format, style, key) does not exist */
	LIT_EEXTERNAL = -10   /**< an external program failed or is missing */
} lit_status;

/**
 * A one-line error description filled in by failing functions.
 * `file` may be empty and `line` 0 when no position applies.
 */
typedef struct lit_error {
	int code;           /**< a lit_status */
	long line;          /**< 1-based line of the problem, 0 if none */
	char file[512];     /**< input name, "" if none */
	char message[512];  /**< the message, without position */
} lit_error;

/** Static description of a status code; never NULL. */
LIT_EXTERN(const char *) lit_strerror(int code);

/**
 * Set `err` (if not NULL) and return `code`.  `file` may be NULL.
 * Convenience for implementers of readers and writers.
 */
LIT_EXTERN(int) lit_error_set(lit_error *err, int code, const char *file,
                              long line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

/** Reset `err` to "no error". */
LIT_EXTERN(void) lit_error_clear(lit_error *err);

/**
 * Format `err` as "FILE:LINE: message" (or the shorter forms when no file
 * or line is known) into `buf` of size `size`.  Returns `buf`.
 */
LIT_EXTERN(const char *) lit_error_format(const lit_error *err, char *buf,
                                          size_t size);

/** Free memory returned by the library (strings and buffers). */
LIT_EXTERN(void) lit_free(void *ptr);

/** The library version string, e.g. "0.1.0". */
LIT_EXTERN(const char *) lit_version(void);

#ifdef __cplusplus
}
#endif

#endif
