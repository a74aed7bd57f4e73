/*
 * encoding.c - decoding input bytes to UTF-8: BOMs, UTF-16 (LE/BE, with or
 * without BOM), UTF-8, and the two Russian 8-bit encodings CP1251 and
 * KOI8-R, told apart by letter case statistics (running text is mostly
 * lower case; the two encodings put lower and upper case in swapped halves).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "litera/io.h"
#include "util/buf.h"
#include "util/utf8.h"

static const uint16_t cp1251_hi[64] = {
	0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
	0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
	0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
	0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

static const uint16_t koi8r_hi[128] = {
	0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590,
	0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248, 0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7,
	0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556, 0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E,
	0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565, 0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9,
	0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433, 0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E,
	0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432, 0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
	0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
	0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, 0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
};

enum enc { ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE, ENC_CP1251, ENC_KOI8R };
static const char *const enc_names[] = { "utf-8", "utf-16le", "utf-16be", "cp1251", "koi8-r" };

static int enc_from_name(const char *name)
{
	static const struct { const char *n; int e; } map[] = {
		{ "utf-8", ENC_UTF8 }, { "utf8", ENC_UTF8 }, { "utf-16", ENC_UTF16LE },
		{ "utf-16le", ENC_UTF16LE }, { "utf-16be", ENC_UTF16BE }, { "utf16", ENC_UTF16LE },
		{ "cp1251", ENC_CP1251 }, { "windows-1251", ENC_CP1251 }, { "win1251", ENC_CP1251 },
		{ "koi8-r", ENC_KOI8R }, { "koi8r", ENC_KOI8R }, { "koi8", ENC_KOI8R },
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcasecmp(map[i].n, name) == 0)
			return map[i].e;
	return -1;
}

static long line_at(const char *s, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

static int decode_utf16(lit_buf *b, const unsigned char *s, size_t len, int be, lit_error *err)
{
	if (len % 2)
		len--; /* a dangling odd byte is dropped */
	for (size_t i = 0; i + 1 < len; i += 2) {
		uint32_t u = be ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			uint32_t lo = be ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		if ((u >= 0xD800 && u <= 0xDFFF) || u == 0)
			u = 0xFFFD;
		lit_buf_put_cp(b, u);
	}
	(void)err;
	return 0;
}

static void decode_8bit(lit_buf *b, const unsigned char *s, size_t len, int enc)
{
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		if (c < 0x80)
			lit_buf_putc(b, (int)c);
		else if (enc == ENC_KOI8R)
			lit_buf_put_cp(b, koi8r_hi[c - 0x80]);
		else if (c >= 0xC0)
			lit_buf_put_cp(b, 0x0410 + (c - 0xC0));
		else
			lit_buf_put_cp(b, cp1251_hi[c - 0x80]);
	}
}

/* Guess UTF-16 without BOM: many zero bytes at even or odd positions. */
static int guess_utf16(const unsigned char *s, size_t len)
{
	size_t n = len < 4096 ? len : 4096, even = 0, odd = 0;
	if (n < 4)
		return -1;
	for (size_t i = 0; i + 1 < n; i += 2) {
		even += s[i] == 0;
		odd += s[i + 1] == 0;
	}
	if (odd > n / 8 && even <= n / 64)
		return ENC_UTF16LE;
	if (even > n / 8 && odd <= n / 64)
		return ENC_UTF16BE;
	return -1;
}

static int guess_8bit(const unsigned char *s, size_t len)
{
	/* Lower-case letters are C0..DF in KOI8-R and E0..FF in CP1251. */
	size_t koi_lower = 0, cp_lower = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] >= 0xC0 && s[i] <= 0xDF)
			koi_lower++;
		else if (s[i] >= 0xE0)
			cp_lower++;
	}
	return koi_lower > cp_lower ? ENC_KOI8R : ENC_CP1251;
}

static int looks_binary(const unsigned char *s, size_t len, size_t *where)
{
	size_t n = len < 65536 ? len : 65536, ctrl = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c == 0) {
			*where = i;
			return 1;
		}
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
			ctrl++;
	}
	*where = 0;
	return n && ctrl * 20 > n;
}

int lit_decode_text(const char *data, size_t len, const char *encoding, char **out,
                    size_t *outlen, const char **detected, lit_error *err)
{
	const unsigned char *s = (const unsigned char *)data;
	int enc = -1;
	*out = NULL;
	if (outlen)
		*outlen = 0;
	if (encoding && *encoding) {
		enc = enc_from_name(encoding);
		if (enc < 0)
			return lit_error_set(err, LIT_EINVAL, NULL, 0, "unknown encoding '%s'", encoding);
	}
	/* BOMs */
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		s += 3; len -= 3;
		if (enc < 0) enc = ENC_UTF8;
	} else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		s += 2; len -= 2;
		if (enc < 0 || enc == ENC_UTF16BE) enc = ENC_UTF16LE;
	} else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		s += 2; len -= 2;
		if (enc < 0 || enc == ENC_UTF16LE) enc = ENC_UTF16BE;
	}
	if (enc < 0)
		enc = guess_utf16(s, len);
	if (enc < 0) {
		size_t bad;
		if (lit_utf8_valid((const char *)s, len, &bad)) {
			enc = ENC_UTF8;
		} else {
			size_t zero;
			if (looks_binary(s, len, &zero))
				return lit_error_set(err, LIT_EENCODING, NULL, line_at((const char *)s, zero),
				                     "binary data, not text");
			/* Valid multi-byte UTF-8 before the bad byte means broken UTF-8. */
			int has_utf8 = 0;
			for (size_t i = 0; i < bad; i++)
				if (s[i] >= 0xC2) { has_utf8 = 1; break; }
			if (has_utf8)
				return lit_error_set(err, LIT_EENCODING, NULL, line_at((const char *)s, bad),
				                     "invalid UTF-8 (byte 0x%02X at offset %zu)", s[bad], bad);
			enc = guess_8bit(s, len);
		}
	} else if (enc == ENC_UTF8) {
		size_t bad;
		if (!lit_utf8_valid((const char *)s, len, &bad))
			return lit_error_set(err, LIT_EENCODING, NULL, line_at((const char *)s, bad),
			                     "invalid UTF-8 (byte 0x%02X at offset %zu)", s[bad], bad);
	}
	if (enc == ENC_UTF8 || enc == ENC_CP1251 || enc == ENC_KOI8R) {
		size_t zero;
		if (looks_binary(s, len, &zero))
			return lit_error_set(err, LIT_EENCODING, NULL, line_at((const char *)s, zero),
			                     "binary data, not text");
	}
	lit_buf b = LIT_BUF_INIT;
	b.max = (size_t)1 << 31;
	if (enc == ENC_UTF8) {
		lit_buf_put(&b, (const char *)s, len);
	} else if (enc == ENC_UTF16LE || enc == ENC_UTF16BE) {
		decode_utf16(&b, s, len, enc == ENC_UTF16BE, err);
	} else {
		lit_buf_grow(&b, len * 2);
		decode_8bit(&b, s, len, enc);
	}
	int st = lit_buf_status(&b);
	if (st) {
		lit_buf_free(&b);
		return lit_error_set(err, st, NULL, 0, "%s", lit_strerror(st));
	}
	*out = lit_buf_detach(&b, outlen);
	if (!*out)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	if (detected)
		*detected = enc_names[enc];
	return LIT_OK;
}
