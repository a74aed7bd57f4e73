/*
 * url.c - URL validation, normalisation and repair suggestions for the
 * link checker, IDNA/punycode (RFC 3492) for internationalised host names,
 * and DOI syntax.
 *
 * Only http and https URLs with a host are valid.  Non-ASCII characters
 * in path, query and fragment are percent-encoded as UTF-8 (an IRI is a
 * fine URL once encoded); a non-ASCII host becomes punycode.  What PDF
 * extraction typically breaks (spaces from line breaks, "№" for "N",
 * typographic dashes, soft hyphens, a lone '%') makes the URL malformed,
 * and we suggest the repaired form.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "util/utf8.h"

/* ---------------------------------------------------------------- punycode */

enum { PC_BASE = 36, PC_TMIN = 1, PC_TMAX = 26, PC_SKEW = 38, PC_DAMP = 700,
       PC_INITIAL_BIAS = 72, PC_INITIAL_N = 128 };

static char pc_digit(uint32_t d)
{
	return (char)(d < 26 ? 'a' + d : '0' + (d - 26));
}

static uint32_t pc_adapt(uint32_t delta, uint32_t numpoints, int first)
{
	uint32_t k = 0;
	delta = first ? delta / PC_DAMP : delta / 2;
	delta += delta / numpoints;
	while (delta > ((PC_BASE - PC_TMIN) * PC_TMAX) / 2) {
		delta /= PC_BASE - PC_TMIN;
		k += PC_BASE;
	}
	return k + (PC_BASE - PC_TMIN + 1) * delta / (delta + PC_SKEW);
}

/* RFC 3492 encoder: append the punycode of cps[0..n) to b. */
static int punycode_encode(const uint32_t *cps, size_t n, lit_buf *b)
{
	uint32_t cp_n = PC_INITIAL_N, delta = 0, bias = PC_INITIAL_BIAS;
	size_t h, basic = 0;
	for (size_t j = 0; j < n; j++) {
		if (cps[j] < 0x80) {
			lit_buf_putc(b, (int)cps[j]);
			basic++;
		}
	}
	h = basic;
	if (basic > 0)
		lit_buf_putc(b, '-');
	while (h < n) {
		uint32_t m = UINT32_MAX;
		for (size_t j = 0; j < n; j++)
			if (cps[j] >= cp_n && cps[j] < m)
				m = cps[j];
		if ((uint64_t)(m - cp_n) * (h + 1) + delta > UINT32_MAX)
			return -1;
		delta += (m - cp_n) * (uint32_t)(h + 1);
		cp_n = m;
		for (size_t j = 0; j < n; j++) {
			if (cps[j] < cp_n) {
				if (++delta == 0)
					return -1;
			}
			if (cps[j] == cp_n) {
				uint32_t q = delta;
				for (uint32_t k = PC_BASE;; k += PC_BASE) {
					uint32_t t = k <= bias ? PC_TMIN :
					             k >= bias + PC_TMAX ? PC_TMAX : k - bias;
					if (q < t)
						break;
					lit_buf_putc(b, pc_digit(t + (q - t) % (PC_BASE - t)));
					q = (q - t) / (PC_BASE - t);
				}
				lit_buf_putc(b, pc_digit(q));
				bias = pc_adapt(delta, (uint32_t)(h + 1), h == basic);
				delta = 0;
				h++;
			}
		}
		delta++;
		cp_n++;
	}
	return lit_buf_status(b) ? -1 : 0;
}

static int host_char_ok(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_';
}

/* Encode host[0..len) (UTF-8) into b as lower-case IDNA ASCII. */
static int idna_to_buf(const char *host, size_t len, lit_buf *b)
{
	char *nfc = NULL;
	int ascii = 1;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)host[i] >= 0x80)
			ascii = 0;
	if (memchr(host, '\0', len))
		return -1;
	if (!ascii) {
		nfc = lit_utf8_nfc(host, len);
		if (!nfc)
			return -1;
		host = nfc;
		len = strlen(nfc);
	}
	size_t i = 0;
	int rc = 0;
	uint32_t cps[256];
	while (i <= len && rc == 0) {
		size_t start = i, ncp = 0;
		int label_ascii = 1;
		/* a label ends at '.', or the ideographic/fullwidth full stops */
		while (i < len) {
			size_t adv;
			int32_t cp = lit_utf8_decode(host + i, len - i, &adv);
			if (cp < 0) {
				rc = -1;
				break;
			}
			if (cp == '.' || cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61)
				break;
			if (lit_cp_is_space((uint32_t)cp) || cp < 0x21) {
				rc = -1;
				break;
			}
			if (ncp == sizeof cps / sizeof cps[0]) {
				rc = -1;
				break;
			}
			cp = (int32_t)lit_cp_tolower((uint32_t)cp);
			if (cp >= 0x80)
				label_ascii = 0;
			else if (!host_char_ok(cp))
				rc = -1;
			cps[ncp++] = (uint32_t)cp;
			i += adv;
		}
		if (rc)
			break;
		/* no empty labels, except the root after a trailing dot */
		if (ncp == 0 && !(i >= len && start > 0)) {
			rc = -1;
			break;
		}
		if (label_ascii) {
			for (size_t j = 0; j < ncp; j++)
				lit_buf_putc(b, (int)cps[j]);
		} else {
			lit_buf_puts(b, "xn--");
			if (punycode_encode(cps, ncp, b))
				rc = -1;
		}
		if (i >= len)
			break;
		/* skip the separator */
		size_t adv;
		lit_utf8_decode(host + i, len - i, &adv);
		i += adv;
		lit_buf_putc(b, '.');
	}
	free(nfc);
	if (lit_buf_status(b))
		rc = -1;
	return rc;
}

int lit_idna_encode(const char *host, size_t len, char **out)
{
	lit_buf b = LIT_BUF_INIT;
	if (!host || !out)
		return LIT_EINVAL;
	b.max = 4096;
	if (len == 0 || idna_to_buf(host, len, &b)) {
		lit_buf_free(&b);
		return LIT_EPARSE;
	}
	*out = lit_buf_detach(&b, NULL);
	return *out ? LIT_OK : LIT_ENOMEM;
}

/* ------------------------------------------------------------------- URLs */

static int is_hex(int c)
{
	return isxdigit(c) != 0;
}

static int ascii_ieq(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);
	if (alen != blen)
		return 0;
	for (size_t i = 0; i < alen; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* Characters encoded even though they are ASCII: not allowed in URLs. */
static int must_encode(int c)
{
	return c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
	       c == '{' || c == '|' || c == '}';
}

typedef struct url_problem {
	const char *why;
} url_problem;

/* The repair applied to one code point in a suggestion: "" removes it,
 * NULL keeps it. */
static const char *repair_for(uint32_t cp, const char **why)
{
	switch (cp) {
	case 0x2116: *why = "'\xe2\x84\x96' where 'N' was meant"; return "N";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
		*why = "a typographic dash instead of '-'"; return "-";
	case 0x00AD: *why = "a soft hyphen (line break in a PDF)"; return "";
	case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x2060:
		*why = "an invisible zero-width character"; return "";
	case 0x00A0: case 0x2009: case 0x202F: case 0x2002: case 0x2003:
		*why = "spaces (a URL split across lines?)"; return "";
	case 0x2018: case 0x2019: *why = "a typographic apostrophe"; return "'";
	default: return NULL;
	}
}

/*
 * Core: validate url[0..len) and write the normalised URL into `norm`,
 * and the repaired text (before normalisation) into `fix`.  Returns NULL
 * when valid, else the first problem found.
 */
/* A problem no repair can fix: no suggestion. */
#define FATAL(msg) do { lit_buf_clear(fix); return (msg); } while (0)

static const char *url_scan(const char *url, size_t len, lit_buf *norm, lit_buf *fix)
{
	const char *why = NULL;
	size_t i = 0;
	/* surrounding whitespace and <...> are tolerated */
	while (len > 0 && isspace((unsigned char)url[len - 1]))
		len--;
	while (i < len && isspace((unsigned char)url[i]))
		i++;
	if (len - i >= 2 && url[i] == '<' && url[len - 1] == '>') {
		i++;
		len--;
	}
	if (i >= len)
		FATAL("empty URL");
	size_t s0 = i;
	while (i < len && (isalnum((unsigned char)url[i]) || url[i] == '+' || url[i] == '-' || url[i] == '.'))
		i++;
	if (i == len || url[i] != ':' || i == s0 || !isalpha((unsigned char)url[s0])) {
		/* no scheme */
		if (len - s0 > 4 && ascii_ieq(url + s0, 4, "www.")) {
			lit_buf_puts(fix, "https://");
			lit_buf_put(fix, url + s0, len - s0);
			return "no scheme (http:// or https://)";
		}
		if (len - s0 > 6 && (ascii_ieq(url + s0, 6, "https/") || ascii_ieq(url + s0, 5, "http/"))) {
			size_t sl = url[s0 + 4] == 's' || url[s0 + 4] == 'S' ? 5 : 4;
			lit_buf_put(fix, url + s0, sl);
			lit_buf_puts(fix, "://");
			size_t k = s0 + sl;
			while (k < len && url[k] == '/')
				k++;
			lit_buf_put(fix, url + k, len - k);
			return "missing ':' after the scheme";
		}
		FATAL("not a URL (no scheme)");
	}
	int https;
	if (ascii_ieq(url + s0, i - s0, "http"))
		https = 0;
	else if (ascii_ieq(url + s0, i - s0, "https"))
		https = 1;
	else
		FATAL("unsupported scheme (only http and https are checked)");
	i++; /* ':' */
	size_t slashes = 0;
	while (i + slashes < len && (url[i + slashes] == '/' || url[i + slashes] == '\\'))
		slashes++;
	if (slashes != 2 || url[i] == '\\' || url[i + 1] == '\\') {
		lit_buf_puts(fix, https ? "https://" : "http://");
		lit_buf_put(fix, url + i + slashes, len - i - slashes);
		return slashes < 2 ? "missing '//' after the scheme" : "malformed '//' after the scheme";
	}
	i += 2;
	lit_buf_puts(norm, https ? "https://" : "http://");
	lit_buf_puts(fix, https ? "https://" : "http://");

	/* authority */
	size_t a0 = i;
	while (i < len && url[i] != '/' && url[i] != '?' && url[i] != '#')
		i++;
	size_t a1 = i;
	/* userinfo */
	size_t h0 = a0;
	for (size_t k = a0; k < a1; k++)
		if (url[k] == '@')
			h0 = k + 1;
	if (h0 > a0) {
		/* user info: kept, with unsafe and non-ASCII bytes encoded */
		for (size_t k = a0; k < h0; k++) {
			unsigned char c = (unsigned char)url[k];
			if (c <= 0x20 || c == 0x7f)
				FATAL("invalid characters in the user name");
			if (c >= 0x80 || must_encode(c) || (c == '@' && k + 1 < h0))
				lit_buf_printf(norm, "%%%02X", c);
			else
				lit_buf_putc(norm, c);
		}
		lit_buf_put(fix, url + a0, h0 - a0);
	}
	size_t h1 = a1, p0 = a1;
	if (h0 < a1 && url[h0] == '[') {
		/* IPv6 literal */
		size_t k = h0 + 1;
		while (k < a1 && url[k] != ']') {
			if (!is_hex((unsigned char)url[k]) && url[k] != ':' && url[k] != '.')
				FATAL("invalid IPv6 address");
			k++;
		}
		if (k == a1)
			FATAL("unterminated IPv6 address");
		h1 = k + 1;
		p0 = h1;
		if (p0 < a1 && url[p0] != ':')
			FATAL("invalid characters after the IPv6 address");
		lit_buf_put(norm, url + h0, h1 - h0);
		lit_buf_put(fix, url + h0, h1 - h0);
	} else {
		for (size_t k = a1; k > h0; k--) {
			if (url[k - 1] == ':') {
				h1 = k - 1;
				p0 = h1;
				break;
			}
			if (!isdigit((unsigned char)url[k - 1]))
				break;
		}
		if (h1 == h0)
			FATAL("empty host");
		/* spaces or stray characters inside the host */
		int bad = 0, spaces = 0;
		lit_buf hostfix = LIT_BUF_INIT;
		for (size_t k = h0; k < h1;) {
			size_t adv;
			int32_t cp = lit_utf8_decode(url + k, h1 - k, &adv);
			const char *w = NULL, *rep = NULL;
			if (cp < 0) {
				lit_buf_free(&hostfix);
				FATAL("invalid UTF-8 in the host");
			}
			if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
				spaces = 1;
				rep = "";
			} else if (cp < 0x20 || cp == 0x7f) {
				lit_buf_free(&hostfix);
				FATAL("control characters in the host");
			} else if ((rep = repair_for((uint32_t)cp, &w)) != NULL) {
				bad = 1;
				if (!why)
					why = w;
			}
			if (rep)
				lit_buf_puts(&hostfix, rep);
			else
				lit_buf_put(&hostfix, url + k, adv);
			k += adv;
		}
		if (spaces && !why)
			why = "spaces in the host (a URL split across lines?)";
		const char *hst = (bad || spaces) ? lit_buf_cstr(&hostfix) : url + h0;
		size_t hlen = (bad || spaces) ? hostfix.len : h1 - h0;
		lit_buf_put(fix, hst, hlen);
		if (!why) {
			if (idna_to_buf(hst, hlen, norm)) {
				lit_buf_free(&hostfix);
				FATAL("invalid host name");
			}
			/* a host must have a letter or digit, no empty labels inside */
			if (hlen > 0 && hst[0] == '.') {
				lit_buf_free(&hostfix);
				FATAL("invalid host name");
			}
			for (size_t k = 0; k + 1 < hlen; k++)
				if (hst[k] == '.' && hst[k + 1] == '.') {
					lit_buf_free(&hostfix);
					FATAL("invalid host name (empty label)");
				}
		}
		lit_buf_free(&hostfix);
	}
	if (p0 < a1) {
		/* port */
		size_t plen = a1 - p0 - 1;
		long port = 0;
		for (size_t k = p0 + 1; k < a1; k++) {
			if (!isdigit((unsigned char)url[k]))
				FATAL("invalid port");
			port = port * 10 + (url[k] - '0');
			if (port > 65535)
				FATAL("port out of range");
		}
		if (plen > 0) {
			lit_buf_put(norm, url + p0, a1 - p0);
		}
		lit_buf_put(fix, url + p0, a1 - p0);
	} else if (h1 < a1) {
		FATAL("invalid characters after the host");
	}

	/* path, query, fragment */
	if (i == len || url[i] != '/')
		lit_buf_putc(norm, '/');
	while (i < len) {
		unsigned char c = (unsigned char)url[i];
		if (c == '%') {
			if (i + 2 < len + 0 && is_hex((unsigned char)url[i + 1]) && is_hex((unsigned char)url[i + 2])) {
				lit_buf_put(norm, url + i, 3);
				lit_buf_put(fix, url + i, 3);
				i += 3;
				continue;
			}
			/* "% 20": an escape split by a line break */
			if (i + 3 < len && isspace((unsigned char)url[i + 1]) &&
			    is_hex((unsigned char)url[i + 2]) && is_hex((unsigned char)url[i + 3])) {
				if (!why)
					why = "a percent-escape split by a space";
				lit_buf_putc(fix, '%');
				lit_buf_put(fix, url + i + 2, 2);
				i += 4;
				continue;
			}
			if (!why)
				why = "broken percent-encoding ('%' not followed by two hex digits)";
			lit_buf_puts(fix, "%25");
			i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (!why)
				why = "spaces in the URL (split across lines?)";
			i++;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			FATAL("control characters in the URL");
		if (c < 0x80) {
			if (must_encode(c))
				lit_buf_printf(norm, "%%%02X", c);
			else
				lit_buf_putc(norm, c);
			lit_buf_putc(fix, c);
			i++;
			continue;
		}
		size_t adv;
		int32_t cp = lit_utf8_decode(url + i, len - i, &adv);
		if (cp < 0) {
			FATAL("invalid UTF-8 in the URL");
		}
		const char *w = NULL;
		const char *rep = repair_for((uint32_t)cp, &w);
		if (rep) {
			if (!why)
				why = w;
			lit_buf_puts(fix, rep);
		} else {
			for (size_t k = 0; k < adv; k++)
				lit_buf_printf(norm, "%%%02X", (unsigned char)url[i + k]);
			lit_buf_put(fix, url + i, adv);
		}
		i += adv;
	}
	return why;
}

#undef FATAL

int lit_url_normalize(const char *url, size_t len, char **normalized,
                      char **suggestion, lit_error *err)
{
	lit_buf norm = LIT_BUF_INIT, fix = LIT_BUF_INIT;
	if (normalized)
		*normalized = NULL;
	if (suggestion)
		*suggestion = NULL;
	if (!url)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "no URL");
	norm.max = fix.max = 64 * 1024 + len * 12;
	const char *why = url_scan(url, len, &norm, &fix);
	if (!why && lit_buf_status(&norm))
		why = "URL too long";
	if (why) {
		int rc = lit_buf_status(&fix) == LIT_ENOMEM ? LIT_ENOMEM : LIT_EPARSE;
		if (suggestion && fix.len > 0 && !lit_buf_status(&fix)) {
			/* the repair must itself be valid (and differ) */
			lit_buf n2 = LIT_BUF_INIT, f2 = LIT_BUF_INIT;
			n2.max = f2.max = norm.max;
			const char *w2 = url_scan(fix.ptr, fix.len, &n2, &f2);
			if (!w2 && !lit_buf_status(&n2) && !(fix.len == len && memcmp(fix.ptr, url, len) == 0))
				*suggestion = lit_buf_detach(&fix, NULL);
			lit_buf_free(&n2);
			lit_buf_free(&f2);
		}
		lit_buf_free(&norm);
		lit_buf_free(&fix);
		if (rc == LIT_ENOMEM)
			return lit_error_set(err, rc, NULL, 0, "out of memory");
		return lit_error_set(err, rc, NULL, 0, "%s", why);
	}
	lit_buf_free(&fix);
	if (normalized) {
		*normalized = lit_buf_detach(&norm, NULL);
		if (!*normalized)
			return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	lit_buf_free(&norm);
	return LIT_OK;
}

int lit_url_host_key(const char *url, char *out, size_t n)
{
	const char *p = strstr(url, "://");
	if (!p || n == 0)
		return -1;
	p += 3;
	const char *e = p;
	while (*e && *e != '/' && *e != '?' && *e != '#')
		e++;
	const char *at = p;
	for (const char *k = p; k < e; k++)
		if (*k == '@')
			at = k + 1;
	size_t slen = (size_t)(p - url), hlen = (size_t)(e - at);
	if (slen + hlen + 1 > n)
		return -1;
	for (size_t k = 0; k < slen; k++)
		out[k] = (char)tolower((unsigned char)url[k]);
	for (size_t k = 0; k < hlen; k++)
		out[slen + k] = (char)tolower((unsigned char)at[k]);
	out[slen + hlen] = '\0';
	return 0;
}

int lit_url_looks_large(const char *url)
{
	static const char *const ext[] = {
		".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar",
		".mp4", ".mkv", ".avi", ".mov", ".mp3", ".wav", ".flac", ".iso", ".djvu",
		".epub", ".docx", ".doc", ".pptx", ".ppt", ".xlsx", ".xls", ".csv", ".tif",
		".tiff", ".dmg", ".exe", ".bin", ".img", ".h5", ".nc", NULL
	};
	const char *p = strstr(url, "://");
	if (!p)
		return 0;
	p += 3;
	const char *path = strchr(p, '/');
	if (!path)
		return 0;
	size_t plen = strcspn(path, "?#");
	for (size_t k = 0; ext[k]; k++) {
		size_t el = strlen(ext[k]);
		if (plen >= el && ascii_ieq(path + plen - el, el, ext[k]))
			return 1;
	}
	return 0;
}

size_t lit_url_trim_bycatch(const char *url, size_t len)
{
	for (;;) {
		if (len == 0)
			return 0;
		char c = url[len - 1];
		if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
		    c == '"' || c == '\'' || c == '>') {
			len--;
			continue;
		}
		if (c == ')' || c == ']') {
			char open = c == ')' ? '(' : '[';
			int bal = 0;
			for (size_t k = 0; k < len; k++)
				bal += url[k] == open ? 1 : url[k] == c ? -1 : 0;
			if (bal < 0) {
				len--;
				continue;
			}
		}
		/* closing typographic quotes and guillemets */
		if (len >= 2 && (unsigned char)url[len - 2] == 0xC2 && (unsigned char)c == 0xBB) {
			len -= 2;
			continue;
		}
		if (len >= 3 && (unsigned char)url[len - 3] == 0xE2 && (unsigned char)url[len - 2] == 0x80 &&
		    ((unsigned char)c == 0x9D || (unsigned char)c == 0x99)) {
			len -= 3;
			continue;
		}
		return len;
	}
}

int lit_url_doi(const char *url, char **doi)
{
	static const char *const pre[] = {
		"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
		"https://www.doi.org/", "http://www.doi.org/", NULL
	};
	*doi = NULL;
	for (size_t k = 0; pre[k]; k++) {
		size_t pl = strlen(pre[k]);
		if (strlen(url) > pl && ascii_ieq(url, pl, pre[k]) && url[pl] == '1' && url[pl + 1] == '0') {
			return lit_doi_normalize(url, strlen(url), doi, NULL) == LIT_OK ? 1 : 0;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------- DOIs */

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

int lit_doi_normalize(const char *doi, size_t len, char **out, lit_error *err)
{
	static const char *const pre[] = {
		"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
		"https://www.doi.org/", "http://www.doi.org/", "doi.org/", "dx.doi.org/",
		"doi:", "doi ", "info:doi/", NULL
	};
	*out = NULL;
	size_t i = 0;
	while (len > 0 && (isspace((unsigned char)doi[len - 1])))
		len--;
	while (i < len && isspace((unsigned char)doi[i]))
		i++;
	int from_url = 0;
	for (int again = 1; again;) {
		again = 0;
		for (size_t k = 0; pre[k]; k++) {
			size_t pl = strlen(pre[k]);
			if (len - i >= pl && ascii_ieq(doi + i, pl, pre[k])) {
				if (strchr(pre[k], '/'))
					from_url = 1; /* percent-escapes are URL syntax there */
				i += pl;
				while (i < len && doi[i] == ' ')
					i++;
				again = 1;
			}
		}
	}
	len = i + lit_url_trim_bycatch(doi + i, len - i);
	lit_buf b = LIT_BUF_INIT;
	b.max = 4096;
	for (size_t k = i; k < len; k++) {
		unsigned char c = (unsigned char)doi[k];
		if (from_url && c == '%' && k + 2 < len && is_hex((unsigned char)doi[k + 1]) && is_hex((unsigned char)doi[k + 2])) {
			lit_buf_putc(&b, hexval(doi[k + 1]) * 16 + hexval(doi[k + 2]));
			k += 2;
			continue;
		}
		lit_buf_putc(&b, c);
	}
	if (lit_buf_status(&b)) {
		lit_buf_free(&b);
		return lit_error_set(err, LIT_ELIMIT, NULL, 0, "DOI too long");
	}
	const char *d = lit_buf_cstr(&b);
	size_t dl = b.len, k = 0;
	const char *why = NULL;
	if (dl < 3 || d[0] != '1' || d[1] != '0' || d[2] != '.')
		why = "a DOI starts with \"10.\"";
	else {
		k = 3;
		size_t digits = 0;
		while (k < dl && (isdigit((unsigned char)d[k]) || (d[k] == '.' && digits > 0))) {
			if (isdigit((unsigned char)d[k]))
				digits++;
			k++;
		}
		if (digits < 4 || digits > 20 || d[k - 1] == '.')
			why = "a DOI prefix is \"10.\" followed by a registrant code of at least 4 digits";
		else if (k >= dl || d[k] != '/')
			why = "a DOI needs '/' after its prefix";
		else if (k + 1 >= dl)
			why = "a DOI needs a suffix after '/'";
		else {
			for (size_t j = k + 1; j < dl; j++) {
				unsigned char c = (unsigned char)d[j];
				if (c < 0x21 || c == 0x7f) {
					why = c == ' ' ? "a DOI contains no spaces" : "control characters in the DOI";
					break;
				}
			}
			if (!why && !lit_utf8_valid(d, dl, NULL))
				why = "invalid UTF-8 in the DOI";
		}
	}
	if (why) {
		lit_buf_free(&b);
		return lit_error_set(err, LIT_EPARSE, NULL, 0, "%s", why);
	}
	*out = lit_buf_detach(&b, NULL);
	return *out ? LIT_OK : lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
}
