/*
 * utf8.h - small UTF-8 helpers: decoding, validation, classification,
 * case folding and normalisation (through utf8proc, see unicode.c), and
 * Cyrillic-to-Latin transliteration.
 */
#ifndef LIT_UTIL_UTF8_H
#define LIT_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s[0..len).  Stores the byte length in *adv
 * (at least 1 even for invalid bytes) and returns the code point, or -1
 * for an invalid or truncated sequence. */
int32_t lit_utf8_decode(const char *s, size_t len, size_t *adv);
/* Encode cp into out (4 bytes room); returns the byte count (0 if invalid). */
size_t lit_utf8_encode(uint32_t cp, char *out);
/* Returns 1 if s[0..len) is valid UTF-8; else 0 and *bad (if not NULL) = offset of the first bad byte. */
int lit_utf8_valid(const char *s, size_t len, size_t *bad);
/* Number of code points. */
size_t lit_utf8_length(const char *s, size_t len);

int lit_cp_is_cyrillic(uint32_t cp);
int lit_cp_is_latin(uint32_t cp);    /* ASCII letters and Latin-1/Extended letters */
int lit_cp_is_letter(uint32_t cp);
int lit_cp_is_upper(uint32_t cp);
int lit_cp_is_space(uint32_t cp);    /* includes NBSP, thin spaces, etc. */
int lit_cp_is_dash(uint32_t cp);     /* - ‐ ‑ ‒ – — ― − */
uint32_t lit_cp_tolower(uint32_t cp);
uint32_t lit_cp_toupper(uint32_t cp);
/* Base letter of a letter with diacritics (é -> e, Й stays Й); 0 if none. */
uint32_t lit_cp_base_letter(uint32_t cp);

/* Does the string contain Cyrillic letters (and more Cyrillic than Latin)? */
int lit_utf8_mostly_cyrillic(const char *s, size_t len);

/* New string, NFC-normalised.  NULL on ENOMEM or invalid UTF-8. free() it. */
char *lit_utf8_nfc(const char *s, size_t len);
/* New string, NFKC + case folded + accents stripped + whitespace collapsed:
 * a key for comparing titles and names.  free() it. */
char *lit_utf8_fold(const char *s, size_t len);

/* Transliterate Cyrillic to Latin ASCII by GOST 7.79-2000 system B
 * (щ -> shh, ж -> zh, х -> x, ц -> cz/c, ё -> yo, й -> j, ъ -> ``, ь -> `,
 * ы -> y`, э -> e`, ю -> yu, я -> ya), with the apostrophes and backticks
 * dropped when `plain` is non-zero (for keys).  Latin letters with
 * diacritics lose them.  New string; free() it. */
char *lit_translit(const char *s, size_t len, int plain);

#endif
