/*
 * tokens.c - splitting a reference string into tokens for the sequence
 * labeller, and annotating each token with what the features need:
 * script, case, shape and lexicon hashes, and the structural context of
 * GOST and English references (area separators ". - ", the host marker
 * " // ", the responsibility marker " / ", "In:", quotes and brackets).
 *
 * Tokens are whitespace-separated chunks, further split where punctuation
 * glues fields together ("2020;9(1):18-28", "Smith,J.", "Title//Journal",
 * "URL:http://...").  URLs and DOIs stay whole.
 */
#include <string.h>
#include "parse_internal.h"

static int is_alnum_cp(int32_t c)
{
	return lit_pu8_is_letter(c) || (c >= '0' && c <= '9');
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Case-insensitive ASCII prefix test at s[i..len). */
static int has_prefix(const char *s, size_t len, size_t i, const char *p)
{
	size_t n = strlen(p);
	if (len - i < n)
		return 0;
	for (size_t k = 0; k < n; k++) {
		char c = s[i + k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != p[k])
			return 0;
	}
	return 1;
}

/* Offset within [a,b) where a URL-like thing starts, or b. */
static size_t url_start(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		if (has_prefix(s, b, i, "http://") || has_prefix(s, b, i, "https://") ||
		    has_prefix(s, b, i, "ftp://") || has_prefix(s, b, i, "www."))
			return i;
		if (has_prefix(s, b, i, "10.") && i + 4 < b && is_digit(s[i + 3]) &&
		    (i == a || !is_digit(s[i - 1]))) {
			/* DOI: 10.NNNN/... */
			size_t k = i + 3;
			while (k < b && is_digit(s[k]))
				k++;
			if (k - (i + 3) >= 4 && k < b && s[k] == '/')
				return i;
		}
	}
	return b;
}

typedef struct tok_ctx {
	lit_ptokens *t;
	int space;
} tok_ctx;

static void emit(tok_ctx *c, size_t a, size_t b, int url)
{
	lit_ptokens *t = c->t;
	if (a >= b)
		return;
	if (t->n >= LIT_PARSE_MAX_TOKENS) {
		/* fold the rest into the last token */
		if (t->n > 0)
			t->tok[t->n - 1].end = (uint32_t)b;
		return;
	}
	lit_ptoken *k = &t->tok[t->n++];
	memset(k, 0, sizeof *k);
	k->start = (uint32_t)a;
	k->end = (uint32_t)b;
	if (c->space)
		k->flags |= LIT_TF_SPACE;
	if (url)
		k->flags |= LIT_TF_URL;
	c->space = 0;
}

/* Split a non-URL chunk [a,b) at glue punctuation. */
static void split_chunk(tok_ctx *c, const char *s, size_t a, size_t b)
{
	size_t start = a, i = a;
	int32_t prev = 0;
	while (i < b) {
		size_t here = i;
		int32_t cp = lit_pu8_next(s, b, &i);
		size_t after = i;
		int32_t next = 0;
		if (after < b) {
			size_t j = after;
			next = lit_pu8_next(s, b, &j);
		}
		/* "//" inside a chunk: its own token */
		if (cp == '/' && next == '/' && !(here > a && s[here - 1] == ':')) {
			emit(c, start, here, 0);
			emit(c, here, here + 2, 0);
			i = here + 2;
			start = i;
			prev = '/';
			continue;
		}
		int cut_before = 0, cut_after = 0;
		if ((cp == '(' || cp == '[') && here > start && is_alnum_cp(prev))
			cut_before = 1;
		if ((cp == ';' || cp == ':') && is_alnum_cp(next))
			cut_after = 1;
		if (cp == ',' && (lit_pu8_is_letter(next) ||
		                  (is_digit(next) && !(prev >= '0' && prev <= '9'))))
			cut_after = 1;
		if ((cp == ')' || cp == ']') && is_alnum_cp(next))
			cut_after = 1;
		/* a marker glued to its number: "Т.16,", "С.402-415", "Vol.5", "No.3" */
		if (cp == '.' && is_digit(next) && lit_pu8_is_letter(prev) && here - start <= 8) {
			/* a word of one to four letters ("Т.16", "pp.12"; not "jawwa.2012"),
			 * not "c." / "ca." (circa: "c.1770") */
			size_t k = start, letters = 0;
			int word = 1;
			while (k < here && word) {
				int32_t x = lit_pu8_next(s, here, &k);
				word = lit_pu8_is_letter(x);
				letters++;
			}
			cut_after = word && letters <= 4 && !(s[start] == 'c' && (letters == 1 || (letters == 2 && s[start + 1] == 'a')));
			/* not a piece of an identifier ("ces.2012.05.033" of a DOI
			 * broken after "j.") */
			for (k = after; k < b && is_digit(s[k]); k++)
				;
			if (k + 1 < b && s[k] == '.' && is_digit(s[k + 1]))
				cut_after = 0;
		}
		if (cut_before) {
			emit(c, start, here, 0);
			start = here;
		}
		if (cut_after) {
			emit(c, start, after, 0);
			start = after;
		}
		prev = cp;
	}
	emit(c, start, b, 0);
}

static void chunk(tok_ctx *c, const char *s, size_t a, size_t b)
{
	size_t u = url_start(s, a, b);
	if (u < b) {
		/* leading glue such as "URL:" or "doi:" with letters becomes a token */
		int letters = 0;
		for (size_t k = a; k < u; k++)
			if ((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z') ||
			    (unsigned char)s[k] >= 0x80)
				letters = 1;
		if (letters) {
			split_chunk(c, s, a, u);
			emit(c, u, b, 1);
		} else {
			emit(c, a, b, 1);
		}
		return;
	}
	split_chunk(c, s, a, b);
}

/* Is there a letter or digit in p[j..n)? */
static int rest_alnum(const char *p, size_t j, size_t n)
{
	while (j < n) {
		int32_t c = lit_pu8_next(p, n, &j);
		if (is_alnum_cp(c))
			return 1;
	}
	return 0;
}

/* Does [a,b) (one token) look like an initial: "J." "Ж.-П." "Yu." "И.И." */
static int is_initial(const char *s, size_t a, size_t b)
{
	size_t i = a;
	int groups = 0;
	while (b > a && (s[b - 1] == ',' || s[b - 1] == ';'))
		b--;
	while (i < b) {
		int32_t c = lit_pu8_next(s, b, &i);
		if (!lit_pu8_is_letter(c) || !lit_pu8_is_upper(c))
			return 0;
		if (i < b) {
			size_t j = i;
			int32_t d = lit_pu8_next(s, b, &j);
			if (lit_pu8_is_letter(d) && !lit_pu8_is_upper(d))
				i = j; /* Yu. Kh. Th. */
		}
		if (i >= b || s[i] != '.')
			return 0;
		i++;
		groups++;
		if (i < b && s[i] == '-')
			i++;
	}
	return groups > 0;
}

static void annotate(lit_ptokens *t, lit_ptoken *k)
{
	const char *s = t->text;
	size_t a = k->start, b = k->end;
	char low[128], shape[48];
	size_t sl, shl = 0, i;
	int32_t last = -1, first_letter = 0, prev_class = 0;
	int run = 0, letters = 0, upper = 0, digits = 0;
	int has_dash_between = 0, seen_digit = 0;

	/* core span */
	size_t ca = a, cb = b;
	while (ca < cb) {
		size_t j = ca;
		int32_t c = lit_pu8_next(s, cb, &j);
		if (is_alnum_cp(c))
			break;
		ca = j;
	}
	while (cb > ca) {
		size_t j = cb - 1;
		while (j > ca && ((unsigned char)s[j] & 0xC0) == 0x80)
			j--;
		size_t jj = j;
		int32_t c = lit_pu8_next(s, cb, &jj);
		if (is_alnum_cp(c))
			break;
		cb = j;
	}
	if (ca >= cb) {
		ca = a;
		cb = b;
	}
	k->core_start = (uint32_t)ca;
	k->core_end = (uint32_t)cb;

	i = a;
	while (i < b) {
		int32_t c = lit_pu8_next(s, b, &i);
		int cls;
		char sc;
		if (lit_pu8_is_letter(c)) {
			letters++;
			if (!first_letter) {
				first_letter = 1;
				if (lit_pu8_is_upper(c))
					k->flags |= LIT_TF_UPPER0;
			}
			if (lit_pu8_is_upper(c))
				upper++;
			if (lit_pu8_is_cyr(c))
				k->flags |= LIT_TF_CYR;
			else if (lit_pu8_is_cjk(c))
				k->flags |= LIT_TF_CJK;
			else
				k->flags |= LIT_TF_LAT;
			cls = lit_pu8_is_cjk(c) ? 'C' : lit_pu8_is_upper(c) ? 'X' : 'x';
		} else if (c >= '0' && c <= '9') {
			digits++;
			seen_digit = 1;
			cls = 'd';
		} else {
			if (lit_pu8_is_dash(c) && seen_digit)
				has_dash_between = 1;
			cls = c < 0x80 ? (int)c : lit_pu8_is_dash(c) ? '-' :
			      (c == 0x2116) ? '#' : (c == 0xAB || c == 0xBB || (c >= 0x2018 && c <= 0x201F)) ? '"' : '?';
		}
		if (cls == prev_class)
			run++;
		else
			run = 1;
		prev_class = cls;
		sc = (char)cls;
		if (((cls == 'x' || cls == 'C') && run > 1) || (cls == 'X' && run > 2) || (cls == 'd' && run > 4))
			continue;
		if (shl < sizeof shape)
			shape[shl++] = sc;
		last = c;
	}
	(void)last;
	k->nletters = (uint16_t)(letters > 65535 ? 65535 : letters);
	k->ndigits = (uint16_t)(digits > 65535 ? 65535 : digits);
	if (digits)
		k->flags |= LIT_TF_DIGIT;
	if (!letters && !digits)
		k->flags |= LIT_TF_PUNCT;
	if (letters >= 2 && upper == letters)
		k->flags |= LIT_TF_ALLCAPS;
	if (has_dash_between && digits >= 2) {
		/* digits, dash, digits */
		size_t j = a;
		int state = 0;
		while (j < b) {
			int32_t c = lit_pu8_next(s, b, &j);
			if (c >= '0' && c <= '9') {
				if (state == 0 || state == 2)
					state++;
			} else if (lit_pu8_is_dash(c) && state == 1) {
				state = 2;
			}
		}
		if (state >= 3)
			k->flags |= LIT_TF_RANGE;
	}
	if (digits >= 4) {
		size_t j = a;
		while (j + 4 <= b) {
			if (is_digit(s[j]) && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
			    (j == a || !is_digit(s[j - 1])) && (j + 4 == b || !is_digit(s[j + 4]))) {
				int y = (s[j] - '0') * 1000 + (s[j + 1] - '0') * 100 + (s[j + 2] - '0') * 10 + (s[j + 3] - '0');
				if (y >= 1500 && y <= 2099) {
					k->flags |= LIT_TF_YEAR;
					break;
				}
			}
			j++;
		}
	}
	if (letters && is_initial(s, a, b))
		k->flags |= LIT_TF_INITIAL;
	if (k->flags & LIT_TF_URL) {
		k->flags &= ~(uint32_t)(LIT_TF_INITIAL | LIT_TF_YEAR | LIT_TF_RANGE);
	}

	sl = lit_pu8_lower_str(s + a, b - a, low, sizeof low);
	k->h_lower = lit_phash(low, sl, 1);
	{
		/* lower-casing keeps byte lengths, so the core is a slice of low
		 * (unless the token was cut at the buffer size) */
		const char *cl;
		size_t cn = cb - ca;
		char low2[128];
		if (sl != b - a) {
			/* (not low + (ca - a): past the end of low for a long token) */
			cn = lit_pu8_lower_str(s + ca, cb - ca, low2, sizeof low2);
			cl = low2;
		} else {
			cl = low + (ca - a);
		}
		k->h_core = lit_phash(cl, cn, 2);
		k->lex = (k->flags & LIT_TF_URL) ? 0 : lit_plex_lookup(cl, cn);
		/* prefixes and suffixes of 1-3 characters */
		size_t cut[4] = { 0, 0, 0, 0 }, ends[4] = { cn, cn, cn, cn };
		size_t i2 = 0, np = 0, ns = 0, j = cn;
		while (i2 < cn && np < 3) {
			lit_pu8_next(cl, cn, &i2);
			cut[++np] = i2;
		}
		while (j > 0 && ns < 3) {
			j--;
			while (j > 0 && ((unsigned char)cl[j] & 0xC0) == 0x80)
				j--;
			ends[++ns] = j;
		}
		for (size_t q = 0; q < 3; q++) {
			k->h_pre[q] = (q + 1 <= np && !(k->flags & LIT_TF_URL)) ? lit_phash(cl, cut[q + 1], 10 + q) : 0;
			k->h_suf[q] = (q + 1 <= ns && !(k->flags & LIT_TF_URL)) ? lit_phash(cl + ends[q + 1], cn - ends[q + 1], 20 + q) : 0;
		}
	}
	k->h_shape = lit_phash(shape, shl, 3);
}

/* Does a sentence end after token i? */
static int sentence_end(const lit_ptokens *t, size_t i)
{
	const char *s = t->text;
	const lit_ptoken *k = &t->tok[i];
	const lit_ptoken *nx = i + 1 < t->n ? &t->tok[i + 1] : NULL;
	size_t a = k->start, b = k->end;
	if (b - a == 2 && s[a] == '/' && s[a + 1] == '/')
		return 1;
	if (k->flags & (LIT_TF_INITIAL | LIT_TF_URL))
		return 0;
	/* closing quotes and brackets after the stop: ."  .)  .” */
	while (b > a) {
		unsigned char c = (unsigned char)s[b - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']')
			b--;
		else if (b - a >= 3 && c >= 0x98 && c <= 0x9D && (unsigned char)s[b - 2] == 0x80 &&
		         (unsigned char)s[b - 3] == 0xE2)
			b -= 3; /* U+2018..U+201D */
		else if (b - a >= 2 && c == 0xBB && (unsigned char)s[b - 2] == 0xC2)
			b -= 2; /* U+00BB */
		else
			break;
	}
	if (b == a || (s[b - 1] != '.' && s[b - 1] != '?' && s[b - 1] != '!'))
		return 0;
	if (b - a == 1)
		return 1; /* a lone stop */
	if (!nx)
		return 0;
	/* "pp. 12", "Vol. 3", "No. 4" */
	if ((k->lex & (LIT_LEX_VOL | LIT_LEX_NUM | LIT_LEX_PAGE)) && (nx->flags & LIT_TF_DIGIT))
		return 0;
	{
		size_t j = nx->start;
		int32_t c = lit_pu8_next(s, t->len, &j);
		if (lit_pu8_is_letter(c) && !lit_pu8_is_upper(c) && !lit_pu8_is_cjk(c))
			return 0;
	}
	return 1;
}

/* Sentence-like segments and what each token knows about its own. */
static void sentences(lit_ptokens *t)
{
	size_t n = t->n, i = 0, year_sent = 0;
	int year_seen = 0, sidx = 0;
	/* first pass: index of every token's sentence, first year's sentence */
	while (i < n) {
		size_t a = i, b = i;
		while (b < n) {
			int end = sentence_end(t, b);
			b++;
			if (end)
				break;
		}
		uint64_t first = 0;
		uint32_t lex = 0;
		for (size_t q = a; q < b; q++) {
			const lit_ptoken *k = &t->tok[q];
			if (!first && !(k->flags & LIT_TF_PUNCT))
				first = k->h_core;
			lex |= k->lex;
			if (!year_seen && (k->flags & LIT_TF_YEAR) && !(k->flags & LIT_TF_URL)) {
				year_seen = 1;
				year_sent = (size_t)(sidx > 255 ? 255 : sidx);
			}
		}
		for (size_t q = a; q < b; q++) {
			lit_ptoken *k = &t->tok[q];
			k->sent = (uint8_t)(sidx > 6 ? 6 : sidx);
			k->sentpos = (uint8_t)(q - a > 3 ? 3 : q - a);
			if (q + 1 == b && q > a)
				k->sentpos = 4; /* last of several */
			k->sentlen = (uint8_t)(b - a > 255 ? 255 : b - a);
			k->sentlex = lex;
			k->h_sfirst = first ? first : 1;
			k->sentrel = (uint8_t)(sidx > 255 ? 255 : sidx); /* fixed below */
		}
		/* the previous sentence learns this one's first word */
		for (size_t q = a; q-- > 0;) {
			if (t->tok[q].sent != (a > 0 ? t->tok[a - 1].sent : 0) || t->tok[q].h_snext)
				break;
			t->tok[q].h_snext = first ? first : 1;
		}
		sidx++;
		i = b;
	}
	for (size_t q = 0; q < n; q++) {
		lit_ptoken *k = &t->tok[q];
		size_t si = k->sentrel;
		k->sentrel = (uint8_t)(!year_seen ? 0 : si < year_sent ? 1 : si == year_sent ? 2 : 3);
	}
}

void lit_ptok_run(lit_ptokens *t, const char *text, size_t len)
{
	tok_ctx tc;
	size_t i = 0, a = 0;
	int in_chunk = 0;

	if (len > LIT_PARSE_MAX_TEXT)
		len = LIT_PARSE_MAX_TEXT;
	t->text = text;
	t->len = len;
	t->n = 0;
	t->doc_flags = 0;
	t->nemph = 0;
	tc.t = t;
	tc.space = 0;
	while (i < len) {
		size_t here = i;
		int32_t cp = lit_pu8_next(text, len, &i);
		if (lit_pu8_is_space(cp) || cp == 0) {
			if (in_chunk)
				chunk(&tc, text, a, here);
			in_chunk = 0;
			tc.space = 1;
		} else if (!in_chunk) {
			in_chunk = 1;
			a = here;
		}
	}
	if (in_chunk)
		chunk(&tc, text, a, len);

	/* per-token annotation and structural context */
	int area = 0, host = 0, resp = 0, after_in = 0, quote = 0, paren = 0, brack = 0;
	int year = 0, seg = 0, segpos = 0, squote = 0, quotes_closed = 0;
	for (size_t n = 0; n < t->n; n++) {
		lit_ptoken *k = &t->tok[n];
		size_t tl = k->end - k->start;
		const char *p = text + k->start;
		annotate(t, k);
		k->area = (uint8_t)(area > 7 ? 7 : area);
		k->host = (uint8_t)host;
		k->resp = (uint8_t)resp;
		k->after_in = (uint8_t)after_in;
		k->year_before = (uint8_t)year;
		k->seg = (uint8_t)(seg > 7 ? 7 : seg);
		k->segpos = (uint8_t)(segpos > 5 ? 5 : segpos);
		if (n > 0) {
			const lit_ptoken *pk = &t->tok[n - 1];
			char lc = text[pk->end - 1];
			k->period_before = lc == '.';
			k->comma_before = lc == ',';
		}
		if (quote || squote)
			k->flags |= LIT_TF_INQUOTE;
		if (paren)
			k->flags |= LIT_TF_INPAREN;
		if (brack)
			k->flags |= LIT_TF_INBRACK;
		t->doc_flags |= k->flags & (LIT_TF_CYR | LIT_TF_LAT | LIT_TF_CJK);
		/* update state after this token */
		if (!(k->flags & LIT_TF_URL)) {
			size_t j = 0;
			while (j < tl) {
				int32_t c = lit_pu8_next(p, tl, &j);
				if (c == 0x201C || c == 0xAB || c == 0x201E) {
					quote = 1;
					k->flags |= LIT_TF_INQUOTE;
					t->doc_flags |= LIT_DF_QUOTES;
				} else if (c == 0x201D || c == 0xBB) {
					if (quote)
						quotes_closed++;
					quote = 0;
				} else if (c == '"') {
					if (!quote && j == 1) {
						quote = 1;
						k->flags |= LIT_TF_INQUOTE;
						t->doc_flags |= LIT_DF_QUOTES;
					} else {
						if (quote)
							quotes_closed++;
						quote = 0;
					}
				} else if ((c == 0x2018 || c == '\'') && j == (c == '\'' ? 1u : 3u) && !quote && !squote) {
					/* a single quote opening a token: 'Title' or ‘Title’ */
					squote = 1;
					k->flags |= LIT_TF_INQUOTE;
					t->doc_flags |= LIT_DF_QUOTES;
				} else if ((c == 0x2019 || c == '\'') && squote && !rest_alnum(p, j, tl)) {
					squote = 0;
					quotes_closed++;
				} else if (c == '(') {
					paren++;
					k->flags |= LIT_TF_INPAREN;
				} else if (c == ')') {
					if (paren > 0)
						paren--;
				} else if (c == '[') {
					brack++;
					k->flags |= LIT_TF_INBRACK;
				} else if (c == ']') {
					if (brack > 0)
						brack--;
				}
			}
			if (paren > 3)
				paren = 3;
		}
		k->qrel = (uint8_t)((k->flags & LIT_TF_INQUOTE) ? 1 : quotes_closed ? 2 : 0);
		{
			if (brack > 3)
				brack = 3;
		}
		if (tl == 2 && p[0] == '/' && p[1] == '/') {
			host = 1;
			resp = 0;
			area++;
			t->doc_flags |= LIT_DF_SLASHES;
		} else if (tl == 1 && p[0] == '/' && (k->flags & LIT_TF_SPACE)) {
			resp = 1;
		} else if ((k->flags & LIT_TF_PUNCT) && n > 0 && (k->flags & LIT_TF_SPACE)) {
			size_t j = 0;
			int32_t c = lit_pu8_next(p, tl, &j);
			char lc = text[t->tok[n - 1].end - 1];
			if (j == tl && lit_pu8_is_dash(c) && (lc == '.' || lc == ')' || lc == ']')) {
				area++;
				resp = 0;
				t->doc_flags |= LIT_DF_AREAS;
			}
		}
		if ((k->flags & LIT_TF_YEAR) && !(k->flags & LIT_TF_URL))
			year = 1;
		segpos++;
		{
			char lc = text[k->end - 1];
			if ((lc == '.' && !(k->flags & LIT_TF_INITIAL)) || lc == ',' || lc == ':' || lc == ';' ||
			    (tl == 2 && p[0] == '/' && p[1] == '/')) {
				seg++;
				segpos = 0;
			}
		}
		if ((k->lex & LIT_LEX_IN) && n > 0) {
			/* "In", "In:", "in:" "В кн.:" */
			if ((k->flags & LIT_TF_UPPER0) || text[k->end - 1] == ':')
				after_in = 1;
		}
	}
	if (t->n > 0) {
		const lit_ptoken *k = &t->tok[0];
		if ((k->flags & LIT_TF_DIGIT) && !(k->flags & LIT_TF_YEAR) && k->nletters == 0)
			t->doc_flags |= LIT_DF_LEADNUM;
	}
	sentences(t);
}
