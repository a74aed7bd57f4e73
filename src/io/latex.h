/*
 * latex.h - LaTeX text as found in BibTeX fields to Unicode, and back.
 *
 * Decoding handles accents (\'e, \"{o}, \c{c}, \v{s}, \u{и}), special
 * letters ({\ss}, \o, \l, \i), T2A Cyrillic (\cyra..\CYRYA, \cyrchar), the
 * TeX ligatures (--- -- `` '' << >> ,,), \No, quotes, spacing commands,
 * text-style commands (\textit{x} -> x), \url{} verbatim and math ($..$)
 * kept as written.  It is a single iterative pass (no recursion), so any
 * brace depth is fine; output is NFC.
 */
#ifndef LIT_IO_LATEX_H
#define LIT_IO_LATEX_H

#include <stddef.h>
#include "../util/buf.h"

enum {
	/* Keep protective braces ({Acme Inc}) in the output; braces of special
	 * characters ({\"o}) and of command arguments are still removed, and
	 * '~' becomes an ordinary space.  Used for name lists. */
	LIT_LATEX_KEEP_BRACES = 1,
	/* Verbatim field (url, doi, eprint, file): only braces, \url{} and the
	 * escapes \_ \% \# \& \$ \~ are interpreted; whitespace is removed. */
	LIT_LATEX_VERBATIM = 2
};

/**
 * Decode LaTeX `s[0..len)` and append the Unicode text to `out`, with runs
 * of white space collapsed to one space and no leading or trailing space.
 * Returns 0, or LIT_ENOMEM / LIT_ELIMIT when `out` failed.
 */
int lit_latex_decode(const char *s, size_t len, unsigned flags, lit_buf *out);

/**
 * Append UTF-8 text `s[0..len)` to `out` escaped for a braced BibTeX field
 * value: \ { } & % # _ ~ ^ and lone $ are escaped (braces as
 * \textbraceleft{}: BibTeX counts even escaped braces), math ($..$) is kept,
 * TeX ligature sequences (--, <<, ``) are broken with {} so they read back
 * unchanged, U+00A0 becomes ~ and U+2009 \,.  Non-ASCII text stays UTF-8.
 */
void lit_latex_escape(lit_buf *out, const char *s, size_t len);

/**
 * Append a verbatim value (URL, DOI) for a braced field: kept as is except
 * that unbalanced braces are percent-encoded and white space is dropped.
 */
void lit_latex_escape_verbatim(lit_buf *out, const char *s, size_t len);

#endif
