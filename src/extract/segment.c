/*
 * segment.c - finding the references in running text: reference lists
 * under their headings (or, without one, a numbered run, or a run of
 * paragraphs at the end that each read as a reference), footnotes
 * interleaved with the body and linked to their markers, endnote
 * sections, in-text citations ([4], [4, с. 25], [Лукин, 2024]) linked to
 * list entries, repeats ("Там же", "Ibid.", "Op. cit.", and short forms
 * "Smith, Transit Diplomacy, 45." of an earlier note) resolved, several
 * works in one footnote split, and explanatory notes set aside.
 *
 * The text is split into lines once; each line gets a kind (blank, text,
 * page furniture) and a role (body, list, note, heading).  Lists are found
 * first, then one pass over the body builds the footnotes and collects
 * markers and citations.  Everything is linear in the size of the text
 * except the linking, which is linear in the number of citations times a
 * small constant (lookups by label go through a table).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

enum { K_BLANK = 0, K_TEXT, K_PAGENUM, K_FURN };
enum { R_BODY = 0, R_LIST, R_NOTE, R_HEAD };

typedef struct xline {
	const char *s;      /* first non-blank byte */
	size_t len;         /* trimmed length */
	unsigned ind;       /* leading blanks */
	unsigned char kind;
	unsigned char role;
	unsigned char pb;   /* the line starts a page (form feed) */
} xline;

/* A parsed label at the start of a line. */
enum { LAB_NONE = 0, LAB_DOT, LAB_PAREN, LAB_BRACKET, LAB_SPACE, LAB_SUP, LAB_MD, LAB_GLUED };

typedef struct xlabel {
	int style;          /* LAB_* */
	long value;
	size_t text_off;    /* offset of the text after the label (in the trimmed line) */
	char printed[24];   /* the label as printed, without punctuation */
} xlabel;

typedef struct seg {
	lit_xdoc *doc;
	const lit_xinput *in;
	xline *lines;
	size_t n;
	lit_xvocab vocab;
	lit_xmarker *marks;
	size_t nmarks, capmarks;
	/* index of list items by label value (first list only) */
	long *bylabel;
	size_t nbylabel;
	int have_list;
	/* list items by the hash of their first word (author-year linking) */
	uint64_t *akeys;
	long *ahead, *atail, *anext;
	size_t acap;
	lit_buf tmp;
	/* probing a list without a heading: every entry must pass
	 * strict_entry(); the first line of the first that fails, else -1 */
	int strict;
	size_t strict_bad;
} seg;

/* ------------------------------------------------------------------
 * Lines
 * ---------------------------------------------------------------- */

static int blank_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int split_lines(seg *g)
{
	const char *t = g->in->text;
	size_t len = g->in->len;
	size_t cap = 64;
	for (size_t i = 0; i < len; i++)
		cap += t[i] == '\n';
	g->lines = malloc(cap * sizeof *g->lines);
	if (!g->lines)
		return -1;
	size_t i = 0, n = 0;
	while (i < len || (i == len && n == 0 && len > 0)) {
		const char *nl = memchr(t + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - t) : len;
		size_t b = i;
		unsigned ind = 0;
		/* leading blanks, including NBSP (C2 A0) */
		while (b < e) {
			if (blank_byte((unsigned char)t[b])) { b++; ind++; continue; }
			if ((unsigned char)t[b] == 0xC2 && b + 1 < e && (unsigned char)t[b + 1] == 0xA0) {
				b += 2; ind++; continue;
			}
			break;
		}
		size_t te = e;
		while (te > b && (blank_byte((unsigned char)t[te - 1]) ||
		                  (te - b >= 2 && (unsigned char)t[te - 2] == 0xC2 &&
		                   (unsigned char)t[te - 1] == 0xA0))) {
			if (blank_byte((unsigned char)t[te - 1]))
				te--;
			else
				te -= 2;
		}
		xline *L = &g->lines[n++];
		L->pb = memchr(t + i, '\f', b - i) != NULL;
		L->s = t + b;
		L->len = te - b;
		L->ind = ind;
		L->kind = L->len ? K_TEXT : K_BLANK;
		L->role = R_BODY;
		if (!nl)
			break;
		i = e + 1;
		if (n == cap)
			break;
	}
	g->n = n;
	return 0;
}

static int is_pagenum(const xline *L)
{
	if (L->len == 0 || L->len > 16)
		return 0;
	size_t digits = 0;
	for (size_t i = 0; i < L->len; i++) {
		unsigned char c = (unsigned char)L->s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c == ' ' || c == '-' || c == 0xE2 || c == 0x80 || c == 0x93 || c == 0x94)
			continue;
		else
			return 0;
	}
	return digits >= 1 && digits <= 4;
}

static size_t cp_count(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static int ends_terminal(const char *s, size_t n)
{
	if (!n)
		return 0;
	char c = s[n - 1];
	return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

static uint64_t line_hash(const xline *L)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < L->len; i++) {
		h ^= (unsigned char)L->s[i];
		h *= 1099511628211ULL;
	}
	return h ? h : 1;
}

static int starts_lower(const char *s, size_t n);

/* Hash of a line with every run of digits as one '#' and letters folded
 * to lower case ("Вестник. 2021. № 3. С. 15" and "ВЕСТНИК. 2021. № 3.
 * С. 16" alike); *letters receives its letter count. */
static uint64_t line_hash_nodigits(const xline *L, size_t *letters)
{
	uint64_t h = 1469598103934665603ULL;
	size_t k = 0, adv;
	int in_dig = 0;
	for (size_t i = 0; i < L->len; i += adv) {
		uint32_t cp = lit_xcp(L->s + i, L->len - i, &adv);
		if (cp >= '0' && cp <= '9') {
			if (in_dig)
				continue;
			in_dig = 1;
			cp = '#';
		} else {
			in_dig = 0;
			if (lit_xcp_letter(cp))
				k++;
			if (cp >= 'A' && cp <= 'Z')
				cp += 32;
			else if (cp >= 0x410 && cp <= 0x42F)
				cp += 32;
		}
		h ^= cp;
		h *= 1099511628211ULL;
	}
	*letters = k;
	return h ? h : 1;
}

/* The candidates (short lines next to page numbers) whose text, numbers
 * aside, occurs again in the document are running headers or footers. */
static void mark_repeated_near_pages(seg *g, const size_t *cand, size_t ncand)
{
	size_t cap = 16;
	while (cap < ncand * 4)
		cap <<= 1;
	uint64_t *keys = calloc(cap, sizeof *keys);
	uint32_t *cnt = calloc(cap, sizeof *cnt);
	size_t mask = cap - 1, minlen = (size_t)-1, maxlen = 0, letters;
	if (!keys || !cnt)
		goto out;
	for (size_t c = 0; c < ncand; c++) {
		const xline *L = &g->lines[cand[c]];
		uint64_t h = line_hash_nodigits(L, &letters);
		if (letters < 4)
			continue;
		size_t k = (size_t)h & mask;
		while (keys[k] && keys[k] != h)
			k = (k + 1) & mask;
		keys[k] = h;
		if (L->len < minlen) minlen = L->len;
		if (L->len > maxlen) maxlen = L->len;
	}
	if (!maxlen)
		goto out;
	/* page numbers in a header change its length by a few digits */
	minlen = minlen > 8 ? minlen - 8 : 0;
	maxlen += 8;
	for (size_t i = 0; i < g->n; i++) {
		const xline *L = &g->lines[i];
		if (L->kind == K_BLANK || L->len < minlen || L->len > maxlen)
			continue;
		uint64_t h = line_hash_nodigits(L, &letters);
		size_t k = (size_t)h & mask;
		while (keys[k] && keys[k] != h)
			k = (k + 1) & mask;
		if (keys[k])
			cnt[k]++;
	}
	for (size_t c = 0; c < ncand; c++) {
		xline *L = &g->lines[cand[c]];
		uint64_t h = line_hash_nodigits(L, &letters);
		if (letters < 4)
			continue;
		size_t k = (size_t)h & mask;
		while (keys[k] && keys[k] != h)
			k = (k + 1) & mask;
		if (keys[k] && cnt[k] >= 2)
			L->kind = K_FURN;
	}
out:
	free(keys);
	free(cnt);
}

/* A running head that carries its page number: "116 A. NURLANOVA",
 * "JOURNAL OF EURASIAN BORDERLANDS 117".  Returns the number and sets
 * *text and *tn to the rest, or -1 when the line is not of that shape. */
static long head_number(const xline *L, const char **text, size_t *tn)
{
	const char *s = L->s;
	size_t n = L->len, i = 0;
	if (n < 6 || n > 200)
		return -1;
	long v = 0;
	if (s[0] >= '0' && s[0] <= '9') {
		while (i < n && i < 5 && s[i] >= '0' && s[i] <= '9')
			v = v * 10 + (s[i++] - '0');
		if (i > 4 || i >= n || s[i] != ' ')
			return -1;
		*text = s + i + 1;
		*tn = n - i - 1;
		return v;
	}
	size_t e = n;
	while (e > 0 && s[e - 1] >= '0' && s[e - 1] <= '9')
		e--;
	if (e == n || n - e > 4 || e < 2 || s[e - 1] != ' ')
		return -1;
	for (size_t q = e; q < n; q++)
		v = v * 10 + (s[q] - '0');
	*text = s;
	*tn = e - 1;
	return v;
}

/*
 * Running heads with their page number in the line, citing nothing: all
 * in capitals, or the same words (numbers and case aside) again elsewhere
 * with another number.  A note's first line ("12 Там же.", "3 Interview
 * with the author.") is kept: repeats are not heads, and a note repeated
 * on another page has the same number.
 */
typedef struct headcand {
	size_t line;
	long num;
	uint64_t hash;
	int caps;
} headcand;

static void mark_numbered_heads(seg *g)
{
	headcand *c = NULL;
	size_t nc = 0, capc = 0;
	for (size_t i = 0; i < g->n; i++) {
		xline *L = &g->lines[i];
		if (L->kind != K_TEXT)
			continue;
		unsigned char c0 = (unsigned char)L->s[0], cl = (unsigned char)L->s[L->len - 1];
		if (!(c0 >= '0' && c0 <= '9') && !(cl >= '0' && cl <= '9'))
			continue;
		const char *t;
		size_t tn, loc, adv;
		long v = head_number(L, &t, &tn);
		if (v < 0)
			continue;
		size_t letters = 0, upper = 0, words = 1, chars = 0;
		for (size_t q = 0; q < tn && words <= 10 && chars <= 80; q += adv, chars++) {
			uint32_t cp = lit_xcp(t + q, tn - q, &adv);
			if (lit_xcp_letter(cp)) {
				letters++;
				upper += lit_xcp_upper(cp) != 0;
			}
			words += cp == ' ';
		}
		/* "5 СПИСОК ЛИТЕРАТУРЫ" is a heading; a note citing something
		 * ("6 TASS, 12 May 2022.") may repeat under another number */
		if (letters < 4 || words > 10 || chars > 80 || lit_xheading_kind(L->s, L->len) ||
		    lit_xbib_score(t, tn) >= 2 || lit_xrepeat_kind(t, tn, &loc))
			continue;
		if (nc == capc) {
			size_t c2 = capc ? capc * 2 : 16;
			headcand *p2 = realloc(c, c2 * sizeof *p2);
			if (!p2)
				break;
			c = p2;
			capc = c2;
		}
		xline T = { t, tn, 0, K_TEXT, R_BODY, 0 };
		size_t lt;
		c[nc].line = i;
		c[nc].num = v;
		c[nc].hash = line_hash_nodigits(&T, &lt);
		c[nc].caps = letters >= 8 && upper == letters;
		nc++;
	}
	/* candidates are few: compare them pairwise when a handful, else by
	 * a table */
	size_t cap = 16;
	while (cap < nc * 4)
		cap <<= 1;
	uint64_t *keys = nc ? calloc(cap, sizeof *keys) : NULL;
	long *first = nc ? calloc(cap, sizeof *first) : NULL;
	unsigned char *differs = nc ? calloc(cap, 1) : NULL;
	if (nc && (!keys || !first || !differs))
		goto out;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t q = 0; q < nc; q++) {
			size_t k = (size_t)c[q].hash & (cap - 1);
			while (keys[k] && keys[k] != c[q].hash)
				k = (k + 1) & (cap - 1);
			if (pass == 0) {
				if (!keys[k]) {
					keys[k] = c[q].hash;
					first[k] = c[q].num;
				} else if (first[k] != c[q].num) {
					differs[k] = 1;
				}
			} else if (differs[k] || c[q].caps) {
				g->lines[c[q].line].kind = K_FURN;
			}
		}
	}
out:
	free(c);
	free(keys);
	free(first);
	free(differs);
}

/* Page numbers, running headers and footers. */
static void mark_furniture(seg *g)
{
	size_t n = g->n;
	for (size_t i = 0; i < n; i++)
		if (g->lines[i].kind == K_TEXT && is_pagenum(&g->lines[i]))
			g->lines[i].kind = K_PAGENUM;
	mark_numbered_heads(g);
	/* short lines repeated three times or more */
	size_t cap = 1024;
	while (cap < n * 2 && cap < ((size_t)1 << 26))
		cap <<= 1;
	uint64_t *keys = calloc(cap, sizeof *keys);
	uint32_t *cnt = calloc(cap, sizeof *cnt);
	if (keys && cnt && n < cap) {
		size_t mask = cap - 1;
		for (int pass = 0; pass < 2; pass++) {
			for (size_t i = 0; i < n; i++) {
				xline *L = &g->lines[i];
				if (L->kind != K_TEXT || L->len < 3 || L->len > 320 ||
				    (L->len > 80 && cp_count(L->s, L->len) > 80))
					continue;
				unsigned char c0 = (unsigned char)L->s[0];
				size_t adv0, rloc;
				if ((c0 >= '0' && c0 <= '9') || c0 == '[' ||
				    lit_xcp_supdigit(lit_xcp(L->s, L->len, &adv0)) >= 0)
					continue;
				uint64_t h = line_hash(L);
				size_t k = (size_t)h & mask;
				while (keys[k] && keys[k] != h)
					k = (k + 1) & mask;
				if (pass == 0) {
					keys[k] = h;
					cnt[k]++;
				} else if (cnt[k] >= 3 && !lit_xheading_kind(L->s, L->len) &&
				           !lit_xrepeat_kind(L->s, L->len, &rloc)) {
					/* a header does not go on from the text above it, unless
					 * a page ends or starts next to it: the last line of a
					 * note repeated in others ("(дата обращения: ...)") stays */
					int before = i > 0 && !L->pb && (g->lines[i - 1].kind == K_TEXT ||
					                                  g->lines[i - 1].kind == K_FURN);
					int boundary = 0;
					for (size_t q = i > 2 ? i - 2 : 0; q <= i + 2 && q < n; q++)
						if (g->lines[q].kind == K_PAGENUM || (q != i && g->lines[q].pb))
							boundary = 1;
					if (!before || boundary)
						L->kind = K_FURN;
				}
			}
		}
	}
	free(keys);
	free(cnt);
	/* a short line next to a page number (across blank lines) is a
	 * running header or footer only when it repeats on other pages (the
	 * page's own numbers aside), stands apart from the text around it, or
	 * opens a page under its number; a footnote's short last line above
	 * the page number stays */
	size_t ncand = 0, capcand = 0;
	size_t *cand = NULL;
	for (size_t i = 0; i < n; i++) {
		if (g->lines[i].kind != K_PAGENUM)
			continue;
		for (int dir = -1; dir <= 1; dir += 2) {
			size_t j = i;
			int blanks = 0;
			for (;;) {
				if (dir < 0 && j == 0) break;
				j += dir;
				if (j >= n) break;
				if (g->lines[j].kind == K_BLANK) { blanks++; if (blanks > 3) break; continue; }
				break;
			}
			if (j >= n || j == i || g->lines[j].kind != K_TEXT)
				continue;
			xline *L = &g->lines[j];
			unsigned char c0 = (unsigned char)L->s[0];
			int near_page = L->pb || g->lines[i].pb || (j + 1 < n && g->lines[j + 1].pb) ||
			                (i + 1 < n && g->lines[i + 1].pb);
			if ((blanks == 0 && !near_page) || cp_count(L->s, L->len) > 60 || ends_terminal(L->s, L->len) ||
			    (c0 >= '0' && c0 <= '9') || lit_xheading_kind(L->s, L->len) ||
			    lit_xcp_supdigit(lit_xcp(L->s, L->len, &(size_t){0})) >= 0)
				continue;
			/* at most eight words */
			size_t words = 1;
			for (size_t q = 0; q < L->len; q++)
				words += L->s[q] == ' ';
			if (words > 8)
				continue;
			/* the side away from the page number */
			size_t o = j;
			int apart;
			if (dir < 0)
				apart = o == 0 || L->pb || g->lines[o - 1].kind != K_TEXT;
			else
				apart = o + 1 >= n || g->lines[o + 1].pb || g->lines[o + 1].kind != K_TEXT;
			int top = dir > 0 && g->lines[i].pb;
			if ((apart || top) && !starts_lower(L->s, L->len)) {
				L->kind = K_FURN;
				continue;
			}
			if (ncand == capcand) {
				size_t c2 = capcand ? capcand * 2 : 16;
				size_t *p1 = realloc(cand, c2 * sizeof *p1);
				if (!p1)
					break;
				cand = p1;
				capcand = c2;
			}
			cand[ncand++] = j;
		}
	}
	if (ncand)
		mark_repeated_near_pages(g, cand, ncand);
	free(cand);
}

/* ------------------------------------------------------------------
 * Labels
 * ---------------------------------------------------------------- */

static int parse_label(const xline *L, xlabel *lab)
{
	memset(lab, 0, sizeof *lab);
	const char *s = L->s;
	size_t n = L->len, i = 0, adv;
	if (n < 2)
		return 0;
	/* superscript digits */
	uint32_t cp = lit_xcp(s, n, &adv);
	if (lit_xcp_supdigit(cp) >= 0) {
		while (i < n) {
			cp = lit_xcp(s + i, n - i, &adv);
			if (lit_xcp_supdigit(cp) < 0)
				break;
			i += adv;
		}
		if (i >= sizeof lab->printed)
			return 0;
		memcpy(lab->printed, s, i);
		lab->value = lit_xlabel_value(s, i);
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n || lab->value < 0)
			return 0;
		lab->style = LAB_SUP;
		lab->text_off = i;
		return 1;
	}
	/* Markdown footnote definition [^n]: */
	if (s[0] == '[' && n > 4 && s[1] == '^') {
		size_t j = 2;
		while (j < n && j < 12 && s[j] != ']')
			j++;
		if (j < n && s[j] == ']' && j + 1 < n && s[j + 1] == ':') {
			size_t pl = j - 2;
			memcpy(lab->printed, s + 2, pl < 20 ? pl : 20);
			lab->value = lit_xlabel_value(s + 2, pl);
			i = j + 2;
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++;
			lab->style = LAB_MD;
			lab->text_off = i;
			return i < n;
		}
		return 0;
	}
	int br = 0;
	if (s[0] == '[') {
		br = 1;
		i = 1;
	}
	size_t ds = i;
	while (i < n && s[i] >= '0' && s[i] <= '9' && i - ds < 4)
		i++;
	size_t nd = i - ds;
	if (nd == 0 || nd > 3 || i >= n)
		return 0;
	memcpy(lab->printed, s + ds, nd);
	lab->value = lit_xlabel_value(s + ds, nd);
	if (br) {
		if (s[i] != ']')
			return 0;
		lab->style = LAB_BRACKET;
		i++;
	} else if (s[i] == '.') {
		if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
			return 0;   /* 12.05.2020, 1.2 */
		lab->style = LAB_DOT;
		i++;
	} else if (s[i] == ')') {
		lab->style = LAB_PAREN;
		i++;
	} else if (s[i] == ' ' || s[i] == '\t') {
		lab->style = LAB_SPACE;
	} else {
		/* "1Договор": a label glued to a capitalised word */
		uint32_t c1 = lit_xcp(s + i, n - i, &adv);
		if (!lit_xcp_upper(c1) && c1 != 0xAB && c1 != '[')
			return 0;
		lab->style = LAB_GLUED;
		lab->text_off = i;
		return 1;
	}
	if (i < n && s[i] != ' ' && s[i] != '\t' && lab->style != LAB_BRACKET) {
		/* "1.Иванов И. И." as PDF extraction glues it: a capital after
		 * the stop */
		uint32_t c1 = lit_xcp(s + i, n - i, &adv);
		if (lab->style != LAB_DOT || (!lit_xcp_upper(c1) && c1 != 0xAB))
			return 0;
		lab->text_off = i;
		return 1;
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n) {
		/* a bare "1." / "[1]" / "1)" whose text is on the next line */
		if (lab->style == LAB_SPACE)
			return 0;
		lab->text_off = n;
		return 1;
	}
	lab->text_off = i;
	return 1;
}

/* ------------------------------------------------------------------
 * Items
 * ---------------------------------------------------------------- */

typedef struct entry {
	size_t first;       /* first line */
	size_t text_off;    /* offset of text in the first line */
	size_t *lines;      /* continuation lines */
	size_t nlines, caplines;
	xlabel lab;
	int open;
} entry;

static void entry_reset(entry *e)
{
	e->nlines = 0;
	e->open = 0;
}

static int entry_add_line(entry *e, size_t li)
{
	if (e->nlines == e->caplines) {
		size_t cap = e->caplines ? e->caplines * 2 : 16;
		size_t *p = realloc(e->lines, cap * sizeof *p);
		if (!p)
			return -1;
		e->lines = p;
		e->caplines = cap;
	}
	e->lines[e->nlines++] = li;
	return 0;
}

/* Join the lines of an entry into g->tmp. */
static void entry_text(seg *g, const entry *e)
{
	lit_buf_clear(&g->tmp);
	const xline *L = &g->lines[e->first];
	lit_xjoin_line(&g->tmp, L->s + e->text_off, L->len - e->text_off, &g->vocab);
	for (size_t k = 0; k < e->nlines; k++) {
		const xline *M = &g->lines[e->lines[k]];
		lit_xjoin_line(&g->tmp, M->s, M->len, &g->vocab);
	}
}

static long entry_emit(seg *g, const entry *e, int where)
{
	entry_text(g, e);
	if (lit_buf_status(&g->tmp)) {
		g->doc->failed = 1;
		return -1;
	}
	if (g->tmp.len == 0)
		return -1;
	return lit_xdoc_add(g->doc, where, (long)e->first + 1, e->lab.printed,
	                    g->tmp.ptr, g->tmp.len);
}

/* ------------------------------------------------------------------
 * Reference lists
 * ---------------------------------------------------------------- */

static int starts_lower(const char *s, size_t n)
{
	size_t adv;
	return lit_xcp_lower(lit_xcp(s, n, &adv));
}

static int has_prefix(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p);
	return n >= m && memcmp(s, p, m) == 0;
}

/* A line that cannot end a list entry: "№", "Т.", "Vol.", a comma... */
static int ends_midway(const xline *L)
{
	static const char *const tails[] = {
		",", ":", "/", "-", "–", "—", "№", " Т.", " т.", " Vol.", " vol.", " No.", " no.",
		" Вып.", " С.", " P.", " pp.", " Iss.", " N", NULL
	};
	if (!L->len)
		return 0;
	char last = L->s[L->len - 1];
	for (size_t k = 0; tails[k]; k++) {
		size_t m = strlen(tails[k]);
		if (tails[k][m - 1] != last)
			continue;
		if (L->len >= m && memcmp(L->s + L->len - m, tails[k], m) == 0) {
			/* "300 P." is a page count that ends an entry */
			if (tails[k][0] == ' ' && L->len > m && L->s[L->len - m - 1] >= '0' &&
			    L->s[L->len - m - 1] <= '9')
				return 0;
			return 1;
		}
	}
	return 0;
}

/* Paragraphs that close a reference list. */
static int is_list_ender(const xline *L)
{
	static const char *const enders[] = {
		"Статья поступила", "Поступила в редакцию", "Сведения об автор",
		"Информация об автор", "Об авторе", "Об авторах", "About the author",
		"Information about the author", "Received", "Submitted", "Accepted",
		"Для цитирования", "For citation", "Аннотация", "Abstract", "Keywords",
		"Ключевые слова", "©", "Конфликт интересов", "Conflict of interest",
		"Funding", "Финансирование", "Acknowledg", "Благодарност", "Вклад авторов",
		"Author contributions", "Appendix", "Приложение", "Система Orphus",
		NULL
	};
	for (size_t k = 0; enders[k]; k++)
		if (enders[k][0] == L->s[0] && has_prefix(L->s, L->len, enders[k]))
			return 1;
	return 0;
}

/* Capitalised words that start a line of a reference without being a
 * surname ("In H. Davies & T. Mbeki (Eds.)", "See J. Smith"). */
static int function_word(const char *s, size_t n)
{
	static const char *const w[] = {
		"In", "On", "At", "By", "To", "Of", "As", "An", "Ed", "Eds", "See", "The", "And",
		"For", "From", "With", "Vol", "No", "Pp", "Cf", NULL
	};
	for (size_t k = 0; w[k]; k++)
		if (strlen(w[k]) == n && memcmp(w[k], s, n) == 0)
			return 1;
	return 0;
}

/* Does the line start a new unnumbered entry: "Иванов И. И.", "Smith, J.",
 * "Smith J.", a bullet? */
static int author_start(const char *s, size_t n)
{
	size_t i = 0, adv;
	uint32_t cp = lit_xcp(s, n, &adv);
	if (!lit_xcp_upper(cp))
		return 0;
	i += adv;
	size_t letters = 1;
	while (i < n) {
		cp = lit_xcp(s + i, n - i, &adv);
		if (!lit_xcp_letter(cp) && cp != '-' && cp != '\'' && cp != 0x2019)
			break;
		i += adv;
		letters++;
	}
	if (letters < 2 || i >= n || function_word(s, i))
		return 0;
	if (s[i] == ',')
		i++;
	if (i < n && s[i] == ' ')
		i++;
	cp = lit_xcp(s + i, n - i, &adv);
	return lit_xcp_upper(cp) && i + adv < n && (s[i + adv] == '.' || s[i + adv] == ' ');
}

/* A capitalised word of letters (and inner hyphens/apostrophes) at s[i];
 * its end, or i when there is none.  *lower: it has lower-case letters. */
static size_t cap_word(const char *s, size_t n, size_t i, int *lower)
{
	size_t adv, j = i;
	*lower = 0;
	if (j >= n || !lit_xcp_upper(lit_xcp(s + j, n - j, &adv)))
		return i;
	j += adv;
	while (j < n) {
		uint32_t cp = lit_xcp(s + j, n - j, &adv);
		if (lit_xcp_lower(cp))
			*lower = 1;
		else if (!lit_xcp_letter(cp) && cp != '-' && cp != '\'' && cp != 0x2019)
			break;
		j += adv;
	}
	return j;
}

/* "Ellison, Margaret." / "Berg, Jonas, and Karin Lund, eds." / "Kalniņš,
 * Ēriks." / "Smith, John R.": a bibliography entry (Chicago, MLA) that
 * starts with the surname and the full given name. */
static int inverted_name_start(const char *s, size_t n)
{
	int lower;
	size_t i = cap_word(s, n, 0, &lower);
	if (i == 0 || !lower || function_word(s, i) || i + 2 >= n || s[i] != ',' || s[i + 1] != ' ')
		return 0;
	i += 2;
	for (int tok = 0; tok < 4; tok++) {
		size_t j = cap_word(s, n, i, &lower);
		if (j == i)
			return 0;
		if (j < n && s[j] == '.')     /* "Margaret." or the initial "R." */
			return tok > 0 || lower;
		if (!lower)
			return 0;                 /* "Routledge" is fine, "USA" is not a name */
		if (j + 6 <= n && memcmp(s + j, ", and ", 6) == 0)
			return 1;
		if (j + 6 <= n && memcmp(s + j, ", eds.", 6) == 0)
			return 1;
		if (j >= n || s[j] != ' ')
			return 0;
		i = j + 1;
	}
	return 0;
}

/* "American Community Research Council. (2022)." / "Garner, S. (n.d.).":
 * an APA head, names (capitalised words, initials, '&', a few particles,
 * "(Eds.).") closed by ". (" and a year, "n.d." or "in press": 1; 2 when
 * the names fill the line up to a '.' (the date may open the next line,
 * see apa_date_start); else 0. */
static int apa_head_start(const char *s, size_t n)
{
	static const char *const small[] = {
		"&", "of", "for", "and", "the", "on", "in", "de", "van", "der", "von", "du", "la",
		"le", "da", "di", NULL
	};
	size_t i = 0, words = 0, adv;
	if (!lit_xcp_upper(lit_xcp(s, n, &adv)))
		return 0;
	while (i < n && i < 200 && words <= 12) {
		size_t b = i;
		while (i < n && s[i] != ' ')
			i++;
		size_t wl = i - b;
		words++;
		if (wl >= 2 && s[i - 1] == '.' && i + 2 < n && s[i + 1] == '(') {
			const char *t = s + i + 2;
			size_t tn = n - i - 2;
			if (has_prefix(t, tn, "n.d.") || has_prefix(t, tn, "in press"))
				return 1;
			if (!has_prefix(t, tn, "Ed"))     /* "T. (Eds.). (2021)" goes on */
				return tn >= 5 && t[0] >= '1' && t[0] <= '2' && t[1] >= '0' &&
				       t[1] <= '9' && t[2] >= '0' && t[2] <= '9' && t[3] >= '0' &&
				       t[3] <= '9' &&
				       (t[4] == ')' || t[4] == ',' || (t[4] >= 'a' && t[4] <= 'z'));
		}
		int ok = lit_xcp_upper(lit_xcp(s + b, n - b, &adv)) || has_prefix(s + b, wl, "(Ed");
		for (size_t k = 0; !ok && small[k]; k++)
			if (strlen(small[k]) == wl && memcmp(small[k], s + b, wl) == 0)
				ok = 1;
		if (!ok)
			return 0;
		if (i >= n && wl >= 2 && s[i - 1] == '.' && words >= 2)
			return 2;   /* the names fill the line: the year may open the next */
		while (i < n && s[i] == ' ')
			i++;
	}
	return 0;
}

/* Does the line open with an APA date: "(2021).", "(2020, August 5).",
 * "(n.d.).", "(in press)."? */
static int apa_date_start(const xline *L)
{
	const char *t = L->s;
	size_t tn = L->len;
	if (tn < 6 || t[0] != '(')
		return 0;
	t++;
	tn--;
	if (has_prefix(t, tn, "n.d.") || has_prefix(t, tn, "in press"))
		return 1;
	return t[0] >= '1' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9' && t[2] >= '0' &&
	       t[2] <= '9' && t[3] >= '0' && t[3] <= '9' &&
	       (t[4] == ')' || t[4] == ',' || (t[4] >= 'a' && t[4] <= 'z'));
}

/* Does the last token of a line end a URL or DOI ("https://doi.org/10.1/x",
 * "doi:10.1/x")? */
static int ends_with_url(const xline *L)
{
	size_t b = L->len;
	while (b && L->s[b - 1] != ' ')
		b--;
	const char *t = L->s + b;
	size_t tn = L->len - b;
	return has_prefix(t, tn, "http://") || has_prefix(t, tn, "https://") ||
	       has_prefix(t, tn, "www.") || has_prefix(t, tn, "doi:") ||
	       (tn > 4 && t[0] == '1' && t[1] == '0' && t[2] == '.' && t[3] >= '0' && t[3] <= '9');
}

static int bullet_start(const xline *L, size_t *off)
{
	const char *s = L->s;
	size_t n = L->len;
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
		*off = 2;
		return 1;
	}
	if (n >= 4 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0xA2) {
		*off = 3;
		while (*off < n && s[*off] == ' ')
			(*off)++;
		return 1;
	}
	return 0;
}

/* An entry of a list that has no heading (its text in g->tmp) must read
 * as a reference on its own: not a numbered or lower-case line, not a
 * long paragraph, and an author followed by a year or other evidence, or
 * strong evidence (a "//", a URL with a year, pages and a place). */
static int strict_entry(seg *g, const entry *e)
{
	const xline *L = &g->lines[e->first];
	const char *s = L->s + e->text_off;
	size_t n = L->len - e->text_off, adv;
	if (!n || e->lab.style != LAB_NONE || g->tmp.len > 1500)
		return 0;
	unsigned char c0 = (unsigned char)s[0];
	if ((c0 >= '0' && c0 <= '9') || c0 == '[' || c0 == '(' ||
	    lit_xcp_supdigit(lit_xcp(s, n, &adv)) >= 0 || starts_lower(s, n))
		return 0;
	int sc = lit_xbib_score(g->tmp.ptr, g->tmp.len);
	if (sc >= 4)
		return 1;
	if (sc < 2 || !author_start(s, n))
		return 0;
	/* "Lee K. confirmed in 2022 that ..." is a sentence: a reference
	 * falls into parts (author. title. place, year.) */
	const char *t = g->tmp.ptr;
	size_t tn = g->tmp.len, parts = 0, tok = 0;
	for (size_t i = 0; i < tn; i++) {
		if (t[i] == ' ') {
			tok = i + 1;
			continue;
		}
		if (t[i] != '.' || (i + 1 < tn && t[i + 1] != ' '))
			continue;
		/* the word before the stop: three letters or more, or a number */
		if (i > tok && (cp_count(t + tok, i - tok) >= 3 ||
		                (t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == ')'))
			parts++;
	}
	return parts >= 2;
}

/* Does the line end inside an author list: ',', '&', "and", ". . .",
 * '…' or an initial? */
static int authors_go_on(const xline *Q)
{
	size_t n = Q->len;
	if (!n)
		return 0;
	char c = Q->s[n - 1];
	/* an initial: "... In S." + "Hall, R. Ito, & M. Weber (Eds.)" */
	size_t st;
	if (c == '.' && n >= 3) {
		uint32_t x = lit_xcp_before(Q->s, n - 1, &st);
		if (lit_xcp_upper(x) && (st == 0 || Q->s[st - 1] == ' '))
			return 1;
	}
	return c == ',' || c == '&' || (n >= 5 && memcmp(Q->s + n - 5, ". . .", 5) == 0) ||
	       (n >= 3 && memcmp(Q->s + n - 3, "\xE2\x80\xA6", 3) == 0) ||
	       (n >= 4 && memcmp(Q->s + n - 4, " and", 4) == 0);
}

/* Does the line end with an ordinal after a lower-case word ("im 19.",
 * "dem 2.")?  A page or volume number follows "С.", "p.", ',' instead. */
static int ordinal_end(const xline *P)
{
	size_t n = P->len, d = n - 1;
	if (n < 4 || P->s[n - 1] != '.')
		return 0;
	while (d > 0 && P->s[d - 1] >= '0' && P->s[d - 1] <= '9')
		d--;
	if (d == n - 1 || n - 1 - d > 2 || d < 3 || P->s[d - 1] != ' ')
		return 0;
	size_t st, b = d - 1, letters = 0;
	while (b > 0) {
		uint32_t c = lit_xcp_before(P->s, b, &st);
		if (!lit_xcp_lower(c))
			break;
		b = st;
		letters++;
	}
	return letters >= 2 && (b == 0 || P->s[b - 1] == ' ');
}

/* Does the line start with a place and a colon, the publication area
 * of an entry going on ("Cambridge: Cambridge University Press, 2009.",
 * "New Haven, CT: Yale", "Москва : Наука", "М.: Наука")? */
static int place_start(const xline *L)
{
	const char *s = L->s;
	size_t n = L->len, i = 0, words = 0;
	while (i < n && words < 4) {
		int lower;
		size_t j = cap_word(s, n, i, &lower);
		if (j == i)
			return 0;
		words++;
		if (j < n && s[j] == '.')      /* "М.:", "St. Petersburg:" */
			j++;
		if (j < n && s[j] == ':')
			return 1;
		if (j + 1 < n && s[j] == ' ' && s[j + 1] == ':')
			return 1;
		if (j + 1 < n && s[j] == ',' && s[j + 1] == ' ')   /* "New Haven, CT:" */
			j++;
		if (j >= n || s[j] != ' ')
			return 0;
		i = j + 1;
	}
	return 0;
}

/* Case-folded comparison of the first words (ASCII letters) of a and b:
 * < 0, 0, > 0 as strcmp. */
static int first_word_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0;
	for (;; i++) {
		int ca = i < an && ((a[i] | 0x20) >= 'a' && (a[i] | 0x20) <= 'z') ? a[i] | 0x20 : 0;
		int cb = i < bn && ((b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z') ? b[i] | 0x20 : 0;
		if (ca != cb || !ca)
			return ca - cb;
	}
}

/* "Riga Exchange Committee. Annual Report ...": an organisation heading an
 * entry of a Latin-script list sorted by author (Chicago, APA) -
 * capitalised words ("of", "for", "and", "the" aside) closed by '.' and a
 * capitalised word, where the entry open started with an inverted full
 * name (Chicago) and sorts before it ("Raudsepp, Peter." < "Riga";
 * "Whitaker, Thomas. ..." is not followed by "Journal of Baltic
 * Studies. 48", which sorts before). */
static int org_start(seg *g, const entry *e, const xline *L)
{
	static const char *const small[] = { "of", "for", "and", "the", "&", NULL };
	const char *s = L->s;
	size_t n = L->len, i = 0, words = 0;
	if (!n || !((s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	while (i < n && words < 8) {
		int lower;
		size_t j = cap_word(s, n, i, &lower);
		if (j == i) {
			size_t b = i;
			while (j < n && s[j] != ' ')
				j++;
			int ok = 0;
			for (size_t k = 0; small[k] && !ok; k++)
				ok = strlen(small[k]) == j - b && memcmp(small[k], s + b, j - b) == 0;
			if (!ok || words == 0)
				return 0;
		}
		words++;
		if (j < n && s[j] == '.') {
			if (words < 2 || j + 2 >= n || s[j + 1] != ' ' || !(s[j + 2] >= 'A' && s[j + 2] <= 'Z'))
				return 0;
			break;
		}
		if (j >= n || s[j] != ' ')
			return 0;
		i = j + 1;
	}
	if (i >= n || words >= 8)
		return 0;
	const xline *F = &g->lines[e->first];
	const char *f = F->s + e->text_off;
	size_t fn = F->len - e->text_off;
	if (!inverted_name_start(f, fn))
		return 0;   /* APA names organisations in apa_head_start's way */
	return first_word_cmp(f, fn, s, n) <= 0;
}

/* In a list whose open entry starts with an APA head or an inverted full
 * name (Chicago), can only a line starting with a name open the next? */
static int head_needed(seg *g, const entry *e, const xline *L)
{
	const xline *F = &g->lines[e->first];
	const char *f = F->s + e->text_off;
	size_t fn = F->len - e->text_off;
	if (!apa_head_start(f, fn) && !inverted_name_start(f, fn))
		return 0;
	return !(author_start(L->s, L->len) || inverted_name_start(L->s, L->len) ||
	         apa_head_start(L->s, L->len) || org_start(g, e, L));
}

/* Can the first paragraph of an unnumbered list (its text in g->tmp) be a
 * reference?  Not without bibliographic evidence, nor when it is long and
 * its first line neither starts with a name nor shows evidence of its
 * own: that is a body paragraph (with its footnotes) under a section
 * heading that reads like a list heading ("Sources" over "Besides the
 * printed reports, this article draws on the records ..."). */
static int first_entry_ok(seg *g, const entry *e)
{
	if (lit_xbib_score(g->tmp.ptr, g->tmp.len) < 2)
		return 0;
	if (g->tmp.len <= 400)
		return 1;
	const xline *L = &g->lines[e->first];
	const char *s = L->s + e->text_off;
	size_t n = L->len - e->text_off;
	/* footnotes glued under the body paragraph may bring evidence
	 * enough: the first line has to show some itself */
	return author_start(s, n) || inverted_name_start(s, n) || apa_head_start(s, n) ||
	       lit_xbib_score(s, n) >= 2;
}

/*
 * Segment a list starting at line `from` (exclusive end `to`).  Marks the
 * lines it takes.  Returns the number of entries; *end receives the line
 * after the list.  With `probe`, nothing is emitted: the entries are only
 * counted, and *bibgood receives how many look bibliographic.
 */
static size_t seg_list(seg *g, size_t from, size_t to, int where, int probe,
                       size_t *end, size_t *bibgood)
{
	entry e = {0};
	size_t count = 0, good = 0, i = from;
	while (i < to && (g->lines[i].kind == K_BLANK || g->lines[i].kind == K_PAGENUM ||
	                  g->lines[i].kind == K_FURN))
		i++;
	if (i >= to) {
		*end = i;
		return 0;
	}
	xlabel lab;
	int numbered = parse_label(&g->lines[i], &lab) && lab.style != LAB_MD &&
	               lab.value >= 0 &&
	               lab.style != LAB_GLUED &&
	               (lab.style != LAB_SPACE || where == LIT_XW_END || lab.value == 1);
	int style = numbered ? lab.style : LAB_NONE;
	long expected = numbered ? lab.value : 0;
	int blank_seen = 0;
	size_t last_taken = i;
	/* the widest line of the section: the right margin of wrapped text */
	size_t maxw = 0;   /* computed when first needed */
	int have_maxw = 0;
	size_t from_line = i;
#define FLUSH() do { \
		if (e.open) { \
			if (bibgood) { entry_text(g, &e); \
				if (lit_xbib_score(g->tmp.ptr, g->tmp.len) >= 2) good++; \
				if (g->strict && g->strict_bad == (size_t)-1 && !strict_entry(g, &e)) \
					g->strict_bad = e.first; } \
			if (!probe) { \
				long ix_ = entry_emit(g, &e, where); \
				if (ix_ >= 0 && where == LIT_XW_LIST) g->doc->n_list++; \
				if (ix_ >= 0 && where == LIT_XW_END) g->doc->n_end++; \
			} \
			count++; \
			entry_reset(&e); \
		} \
	} while (0)
	for (; i < to; i++) {
		xline *L = &g->lines[i];
		if (g->strict && g->strict_bad != (size_t)-1)
			break;   /* a strict probe has failed: no need to go on */
		if (L->kind == K_BLANK) {
			blank_seen = 1;
			continue;
		}
		if (L->kind == K_PAGENUM || L->kind == K_FURN)
			continue;
		if (lit_xheading_kind(L->s, L->len))
			break;
		if (numbered) {
			xlabel lb;
			if (parse_label(L, &lb) && lb.style == style && lb.value >= expected &&
			    lb.value <= expected + 2 &&
			    !(e.open && !blank_seen && lb.style != LAB_BRACKET &&
			      ends_midway(&g->lines[e.nlines ? e.lines[e.nlines - 1] : e.first]))) {
				FLUSH();
				e.first = i;
				e.text_off = lb.text_off;
				e.lab = lb;
				e.open = 1;
				expected = lb.value + 1;
				blank_seen = 0;
				last_taken = i;
				if (!probe)
					L->role = where == LIT_XW_END ? R_NOTE : R_LIST;
				continue;
			}
			if (!e.open)
				break;
			int cont = !blank_seen;
			if (blank_seen) {
				/* the last line decides (joining the whole entry each
				 * time would be quadratic in its length) */
				const xline *P = &g->lines[e.nlines ? e.lines[e.nlines - 1] : e.first];
				int incomplete = !ends_terminal(P->s, P->len) &&
				                 !(P->len && P->s[P->len - 1] == ')');
				cont = incomplete && (starts_lower(L->s, L->len) ||
				                      lit_xurl_continues(P->s, P->len, L->s, L->len));
			}
			if (e.nlines == 0 && e.text_off >= g->lines[e.first].len)
				cont = 1;   /* the text of a bare label */
			if (e.nlines > 400)
				cont = 0;   /* no entry is that long: this is running text */
			if (!cont && !is_list_ender(L)) {
				/* page furniture inside the list ("24 Journal. 2021. № 3"):
				 * the next entry follows within a few short lines */
				size_t j = i, seen = 0;
				xlabel nl;
				while (++j < to && seen < 6) {
					xline *M = &g->lines[j];
					if (M->kind == K_BLANK)
						continue;
					if (parse_label(M, &nl) && nl.style == style && nl.value == expected)
						break;
					if (cp_count(M->s, M->len) > 100 || lit_xheading_kind(M->s, M->len))
						j = to;
					seen++;
				}
				if (j < to && seen < 6 && j - i < 12) {
					for (size_t q = i; q < j && !probe; q++)
						if (g->lines[q].kind == K_TEXT)
							g->lines[q].kind = K_FURN;
					i = j - 1;
					continue;
				}
			}
			if (!cont || is_list_ender(L))
				break;
			if (entry_add_line(&e, i))
				g->doc->failed = 1;
			blank_seen = 0;
			last_taken = i;
			if (!probe)
				L->role = where == LIT_XW_END ? R_NOTE : R_LIST;
			continue;
		}
		/* unnumbered: one entry per paragraph, or per line when lines
		 * start with an author and the previous one ended a sentence */
		if (is_list_ender(L))
			break;
		size_t boff = 0;
		int bullet = bullet_start(L, &boff);
		int starts = !e.open || blank_seen || bullet;
		if (!starts && e.open) {
			const xline *Q = &g->lines[e.nlines ? e.lines[e.nlines - 1] : e.first];
			/* an entry may also end with its URL or access date:
			 * "<https://...>", "(дата обращения: 01.02.2023)" */
			/* or with a bare URL or DOI that the line does not continue
			 * (APA: "... https://doi.org/10.1177/0042098022" + "Baptiste, R.") */
			/* (a line that is only the tail of a URL cut over lines,
			 * "1093/jeg/lbz038", ends it too) */
			const xline *Q0 = e.nlines >= 2 ? &g->lines[e.lines[e.nlines - 2]] :
			                  e.nlines == 1 ? &g->lines[e.first] : NULL;
			int url_end = (ends_with_url(Q) ||
			               (Q0 && !memchr(Q->s, ' ', Q->len) &&
			                lit_xurl_continues(Q0->s, Q0->len, Q->s, Q->len))) &&
			              !lit_xurl_continues(Q->s, Q->len, L->s, L->len);
			if ((ends_terminal(Q->s, Q->len) ||
			     (Q->len && (Q->s[Q->len - 1] == '>' || Q->s[Q->len - 1] == ')')) || url_end) &&
			    !authors_go_on(Q) &&
			    (author_start(L->s, L->len) || inverted_name_start(L->s, L->len) ||
			     org_start(g, &e, L)))
				starts = 1;
			/* an APA head ("Chen, L. (2023a).", "Statistics Nordland.
			 * (2023).") starts an entry whatever the line before ended
			 * with (a DOI cut over lines, a URL ending in '/'), unless
			 * that was an author list going on ("Taylor, V., . . ." +
			 * "Zhao, Y. (2023).") */
			int ah = apa_head_start(L->s, L->len);
			if (ah == 2)
				ah = i + 1 < to && apa_date_start(&g->lines[i + 1]);
			if (ah && !authors_go_on(Q))
				starts = 1;
			if (e.nlines > 400)
				break;
			/* a short line ending a sentence, then a capital: the previous
			 * entry ended before the right margin */
			const xline *P = &g->lines[e.nlines ? e.lines[e.nlines - 1] : e.first];
			size_t adv;
			int tail_num = 0;
			for (size_t q = P->len > 8 ? P->len - 8 : 0; q < P->len; q++)
				if (P->s[q] >= '0' && P->s[q] <= '9')
					tail_num = 1;
			if (P->len >= 2 && P->s[P->len - 2] == ')')
				tail_num = 1;
			if (!starts && !have_maxw && P->len && P->s[P->len - 1] == '.' && tail_num) {
				for (size_t q = from_line; q < to && q - from_line < 300; q++) {
					/* bytes bound the characters from above */
					if (g->lines[q].kind == K_TEXT && g->lines[q].len > maxw) {
						size_t w = cp_count(g->lines[q].s, g->lines[q].len);
						if (w > maxw)
							maxw = w;
					}
				}
				have_maxw = 1;
			}
			/* (not after a bare APA head "Organisation for Regional
			 * Co-operation and Development. (2021).", nor after an
			 * ordinal "Die Rigaer Börse im 19." + "Jahrhundert.", nor
			 * before a place "Cambridge: Cambridge University Press",
			 * nor in an APA or Chicago list before a line that does not
			 * start with a name: "Edward Elgar. https://doi.org/...") */
			if (!starts && maxw >= 40 && P->len && P->s[P->len - 1] == '.' && tail_num &&
			    cp_count(P->s, P->len) * 10 < maxw * 9 &&
			    lit_xcp_upper(lit_xcp(L->s, L->len, &adv)) &&
			    !(e.nlines == 0 && P->len >= 2 && P->s[P->len - 2] == ')' &&
			      apa_head_start(P->s + e.text_off, P->len - e.text_off)) &&
			    !ordinal_end(P) && !place_start(L) && !head_needed(g, &e, L))
				starts = 1;
			/* hanging indent: continuation lines are indented more */
			if (L->ind < g->lines[e.nlines ? e.lines[e.nlines - 1] : e.first].ind &&
			    L->ind <= g->lines[e.first].ind)
				starts = 1;
		}
		if (starts) {
			if (e.open && count == 0) {
				/* a first paragraph that is not a reference: no list here
				 * (a section "Sources" or "Источники" of the body) */
				entry_text(g, &e);
				if (!first_entry_ok(g, &e)) {
					entry_reset(&e);   /* not emitted either */
					break;
				}
			}
			FLUSH();
			/* the new paragraph must look like a reference */
			lit_buf_clear(&g->tmp);
			size_t j = i;
			/* peek at the paragraph */
			while (j < to && g->lines[j].kind != K_BLANK && j - i < 12) {
				lit_xjoin_line(&g->tmp, g->lines[j].s, g->lines[j].len, NULL);
				j++;
			}
			if ((lit_xbib_score(g->tmp.ptr, g->tmp.len) < 2 || L->len > 1500) && !bullet) {
				/* a short subheading ("Архивные материалы") followed by references */
				size_t k2 = j;
				while (k2 < to && g->lines[k2].kind != K_TEXT)
					k2++;
				if (j == i + 1 && cp_count(L->s, L->len) <= 60 && !ends_terminal(L->s, L->len) &&
				    k2 < to && k2 > j && !is_list_ender(L)) {
					lit_buf_clear(&g->tmp);
					for (size_t q = k2; q < to && q - k2 < 12 && g->lines[q].kind != K_BLANK; q++)
						lit_xjoin_line(&g->tmp, g->lines[q].s, g->lines[q].len, NULL);
					if (lit_xbib_score(g->tmp.ptr, g->tmp.len) >= 2) {
						L->kind = K_FURN;
						blank_seen = 1;
						continue;
					}
				}
				break;
			}
			e.first = i;
			e.text_off = boff;
			memset(&e.lab, 0, sizeof e.lab);
			e.open = 1;
			blank_seen = 0;
			last_taken = i;
			if (!probe)
				L->role = where == LIT_XW_END ? R_NOTE : R_LIST;
			continue;
		}
		if (entry_add_line(&e, i))
			g->doc->failed = 1;
		last_taken = i;
		if (!probe)
			L->role = where == LIT_XW_END ? R_NOTE : R_LIST;
	}
	if (!numbered && e.open && count == 0) {
		/* the only paragraph, up to a heading or the end */
		entry_text(g, &e);
		if (!first_entry_ok(g, &e))
			entry_reset(&e);
	}
	FLUSH();
#undef FLUSH
	free(e.lines);
	*end = last_taken + 1;
	if (bibgood)
		*bibgood = good;
	return count;
}

/* Do lines [from, end) sit right after a list (or its heading) or right
 * before a list heading, with only blank lines and page furniture
 * between? */
static int next_to_list(seg *g, size_t from, size_t end)
{
	size_t p = from;
	while (p > 0 && g->lines[p - 1].kind != K_TEXT)
		p--;
	if (p > 0 && (g->lines[p - 1].role == R_LIST || g->lines[p - 1].role == R_HEAD))
		return 1;
	size_t q = end;
	while (q < g->n && g->lines[q].kind != K_TEXT)
		q++;
	return q < g->n && g->lines[q].role == R_HEAD;
}

/* Nothing but the closing matter of an article from line `from` on: the
 * end, a paragraph that closes a list ("Сведения об авторе", "©"), or a
 * few short lines (page furniture the detector missed). */
static int only_closing_after(seg *g, size_t from)
{
	size_t short_lines = 0;
	for (size_t q = from; q < g->n; q++) {
		const xline *L = &g->lines[q];
		if (L->kind != K_TEXT)
			continue;
		if (L->role != R_BODY || is_list_ender(L))
			return 1;
		if (cp_count(L->s, L->len) > 80 || ++short_lines > 3)
			return 0;
	}
	return 1;
}

/* Can an unnumbered entry of a list start at line i (a paragraph start
 * whose first line shows an author or strong evidence)? */
static int tail_entry_start(seg *g, size_t i)
{
	const xline *L = &g->lines[i];
	xlabel lab;
	if (L->kind != K_TEXT || L->role != R_BODY || parse_label(L, &lab))
		return 0;
	return author_start(L->s, L->len) || lit_xbib_score(L->s, L->len) >= 4;
}

/*
 * An unnumbered list without a heading at the end of the document: a run
 * of at least three paragraphs (or hanging-indent entries), every one of
 * which reads as a reference by itself (strict_entry), followed by nothing
 * but the closing matter.  Conservative: body text with a year or an
 * initial here and there must not be taken for references.
 */
static void find_tail_list(seg *g)
{
	size_t n = g->n;
	for (size_t i = 0; i < n; i++) {
		xline *L = &g->lines[i];
		if (L->kind != K_TEXT || L->role != R_BODY)
			continue;
		/* a paragraph start */
		size_t p = i;
		while (p > 0 && (g->lines[p - 1].kind == K_FURN || g->lines[p - 1].kind == K_PAGENUM))
			p--;
		if (p > 0 && !L->pb && g->lines[p - 1].kind == K_TEXT &&
		    !(ends_terminal(g->lines[p - 1].s, g->lines[p - 1].len) &&
		      author_start(L->s, L->len)))
			continue;
		/* an author, or a title-first entry whose first line already
		 * shows strong evidence (a URL, "//" and a year, an access date) */
		if (!tail_entry_start(g, i))
			continue;
		size_t end, good;
		g->strict = 1;
		g->strict_bad = (size_t)-1;
		size_t k = seg_list(g, i, n, LIT_XW_LIST, 1, &end, &good);
		g->strict = 0;
		if (g->strict_bad != (size_t)-1) {
			/* a later start may do: go on after the entry that failed */
			if (g->strict_bad > i)
				i = g->strict_bad;
			continue;
		}
		if (k >= 3 && only_closing_after(g, end)) {
			seg_list(g, i, n, LIT_XW_LIST, 0, &end, NULL);
			return;
		}
		/* any later start ends where this run ended */
		if (end > i + 1)
			i = end - 1;
	}
}

/*
 * The same strict run, unnumbered, right above a list heading: a Russian
 * list that lost its own heading above "References".  Walks up from each
 * heading one paragraph at a time while the run from there to the heading
 * stays strict.
 */
static void find_list_above_headings(seg *g)
{
	for (size_t h = 0; h < g->n; h++) {
		if (g->lines[h].role != R_HEAD)
			continue;
		size_t b = h, best = (size_t)-1, tries = 0;
		while (b > 0 && tries < 200) {
			/* the previous paragraph start above b */
			while (b > 0 && g->lines[b - 1].kind != K_TEXT)
				b--;
			if (b == 0 || g->lines[b - 1].role != R_BODY)
				break;
			size_t p = b - 1;
			while (p > 0 && g->lines[p - 1].kind == K_TEXT && g->lines[p - 1].role == R_BODY)
				p--;
			if (!tail_entry_start(g, p))
				break;
			size_t end, good;
			g->strict = 1;
			g->strict_bad = (size_t)-1;
			size_t k = seg_list(g, p, h, LIT_XW_LIST, 1, &end, &good);
			g->strict = 0;
			if (g->strict_bad != (size_t)-1 || !next_to_list(g, p, end))
				break;
			if (k >= 3)
				best = p;
			b = p;
			tries++;
		}
		if (best != (size_t)-1) {
			size_t end;
			seg_list(g, best, h, LIT_XW_LIST, 0, &end, NULL);
		}
	}
}

/* Lists under headings, else a numbered run starting at 1. */
static void find_lists(seg *g)
{
	size_t n = g->n;
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		xline *L = &g->lines[i];
		if (L->kind != K_TEXT || L->role != R_BODY)
			continue;
		int kind = lit_xheading_kind(L->s, L->len);
		if (!kind)
			continue;
		size_t end;
		/* "Примечания" may hold notes or a plain list: both are endnotes */
		size_t k = seg_list(g, i + 1, n, kind, 1, &end, NULL);
		if (k == 0)
			continue;
		L->role = R_HEAD;
		seg_list(g, i + 1, n, kind, 0, &end, NULL);
		if (kind == LIT_XW_LIST)
			found = 1;
		i = end ? end - 1 : i;
	}
	/* no heading: the last numbered run 1., 2., 3. ... that looks
	 * bibliographic; next to a list under a heading, a run that lost its
	 * own heading (the Russian list above "References", the
	 * transliterated one below "Литература") */
	size_t best_from = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		xline *L = &g->lines[i];
		xlabel lab;
		if (L->kind != K_TEXT || L->role != R_BODY || !parse_label(L, &lab) ||
		    lab.value != 1 || lab.style == LAB_SPACE || lab.style == LAB_SUP || lab.style == LAB_GLUED ||
		    lab.style == LAB_MD)
			continue;
		size_t end, good;
		size_t k = seg_list(g, i, n, LIT_XW_LIST, 1, &end, &good);
		if (k >= 3 && good * 10 >= k * 6) {
			if (!found)
				best_from = i;
			else if (next_to_list(g, i, end))
				seg_list(g, i, n, LIT_XW_LIST, 0, &end, NULL);
			i = end ? end - 1 : i;
		}
	}
	if (found) {
		/* an unnumbered list that lost its heading right above one
		 * under a heading */
		find_list_above_headings(g);
		return;
	}
	if (best_from != (size_t)-1) {
		size_t end;
		seg_list(g, best_from, n, LIT_XW_LIST, 0, &end, NULL);
		return;
	}
	find_tail_list(g);
}

/* ------------------------------------------------------------------
 * Footnotes and markers
 * ---------------------------------------------------------------- */

typedef struct mctx {
	seg *g;
	long line;
} mctx;

static void on_marker(void *ctx, long num, int sup, size_t off)
{
	mctx *m = ctx;
	seg *g = m->g;
	(void)off;
	if (g->nmarks == g->capmarks) {
		size_t cap = g->capmarks ? g->capmarks * 2 : 64;
		lit_xmarker *p = realloc(g->marks, cap * sizeof *p);
		if (!p) {
			g->doc->failed = 1;
			return;
		}
		g->marks = p;
		g->capmarks = cap;
	}
	lit_xmarker *k = &g->marks[g->nmarks++];
	k->line = m->line;
	k->num = num;
	k->used = 0;
	k->sup = sup;
}

/* The nearest earlier unused marker with this number, within `window`
 * lines before `line` (0 = any distance); its index or -1. */
static long find_marker(seg *g, long num, long line, long window)
{
	for (size_t k = g->nmarks, steps = 0; k-- > 0 && steps < 4000; steps++) {
		lit_xmarker *m = &g->marks[k];
		if (window && m->line < line - window)
			break;
		if (!m->used && m->num == num && m->line <= line)
			return (long)k;
	}
	return -1;
}

static int lower_ok_note(const char *s, size_t n)
{
	static const char *const ok[] = { "ibid", "cf.", "see ", "op. cit", "id.", "там же", NULL };
	for (size_t k = 0; ok[k]; k++)
		if (has_prefix(s, n, ok[k]))
			return 1;
	return 0;
}

/* Can this line start a footnote here? */
static int note_start(seg *g, size_t i, int in_note, long last_num, xlabel *lab)
{
	xline *L = &g->lines[i];
	if (!parse_label(L, lab))
		return 0;
	const char *t = L->s + lab->text_off;
	size_t tn = L->len - lab->text_off;
	if (tn == 0)
		return 0;
	char c0 = t[0];
	if (c0 == '.' || c0 == ',' || c0 == ';' || c0 == ':' || c0 == ')' || c0 == '%')
		return 0;
	if (lab->style == LAB_SUP || lab->style == LAB_MD)
		return 1;
	if (lab->style == LAB_DOT && lab->value >= 1 && lab->value <= 999) {
		/* "1. Text" as a footnote: only for a waiting marker and a text
		 * that cites something, or a note that goes on the numbering of
		 * the note above it or of the one below it (Chicago notes "4.
		 * Ibid., 312-14.", "8. LVVA, f. 2736, op. 1" + "9. ...") */
		if (starts_lower(t, tn))
			return 0;
		/* the next number right under a note: its marker may be lost
		 * ("active in 1900.11" reads as a number) */
		if (in_note && lab->value == last_num + 1 && g->lines[i - 1].role == R_NOTE)
			return 1;
		if (find_marker(g, lab->value, (long)i + 1, 150) < 0)
			return 0;
		size_t loc;
		if (lit_xrepeat_kind(t, tn, &loc))
			return 1;
		for (size_t q = i + 1; q < g->n && q - i <= 8 && g->lines[q].kind == K_TEXT; q++) {
			xlabel nl;
			if (parse_label(&g->lines[q], &nl) && nl.style == LAB_DOT &&
			    nl.value == lab->value + 1 && find_marker(g, nl.value, (long)i + 1, 150) >= 0)
				return 1;
		}
		lit_buf_clear(&g->tmp);
		for (size_t q = i; q < g->n && q - i < 6 && g->lines[q].kind == K_TEXT; q++)
			lit_xjoin_line(&g->tmp, g->lines[q].s, g->lines[q].len, NULL);
		return lit_xbib_score(g->tmp.ptr, g->tmp.len) >= 3;
	}
	if (lab->style == LAB_GLUED)
		return lab->value >= 1 && lab->value <= 999 &&
		       find_marker(g, lab->value, (long)i + 1, 150) >= 0;
	if (lab->style != LAB_SPACE || lab->value < 1 || lab->value > 999)
		return 0;
	if (c0 >= '0' && c0 <= '9')
		return 0;
	if (starts_lower(t, tn) && !lower_ok_note(t, tn))
		return 0;
	if (c0 == '-' || c0 == '+' || c0 == '*' || c0 == '=' || c0 == '/')
		return 0;
	if (in_note && lab->value == last_num + 1)
		return 1;
	if (find_marker(g, lab->value, (long)i + 1, 150) >= 0)
		return 1;
	/* the marker may have been lost ("СВА 1."): a note that clearly cites
	 * a work (URL and year, or "//" with year and pages) still counts */
	if (lab->value > 50)
		return 0;
	lit_buf_clear(&g->tmp);
	for (size_t q = i; q < g->n && q - i < 6 && g->lines[q].kind == K_TEXT; q++)
		lit_xjoin_line(&g->tmp, q == i ? t : g->lines[q].s, q == i ? tn : g->lines[q].len, NULL);
	int score = lit_xbib_score(g->tmp.ptr, g->tmp.len);
	/* notes gathered far from their markers (at the end of a web page) */
	if (score >= 2 && find_marker(g, lab->value, (long)i + 1, 0) >= 0)
		return 1;
	return score >= 5;
}

typedef struct cite_ctx {
	seg *g;
} cite_ctx;

static void link_citation(seg *g, const char *s, size_t n, long line, int quiet);

/* Scan one body line (and maybe the next) for [...] citations. */
static void scan_citations(seg *g, size_t i)
{
	xline *L = &g->lines[i];
	const char *s = L->s;
	size_t n = L->len;
	/* author-year in parentheses: (Иванов, 2020), linked only when found */
	if (g->acap) {
		for (size_t k = 0; k + 6 < n; k++) {
			if (s[k] != '(')
				continue;
			size_t j = k + 1;
			while (j < n && s[j] != ')' && s[j] != '(' && j - k < 200)
				j++;
			if (j < n && s[j] == ')') {
				size_t adv;
				if (lit_xcp_upper(lit_xcp(s + k + 1, j - k - 1, &adv)))
					link_citation(g, s + k + 1, j - k - 1, (long)i + 1, 1);
				k = j;
			}
		}
	}
	for (size_t k = 0; k < n; k++) {
		if (s[k] != '[' || (k + 1 < n && s[k + 1] == '^'))
			continue;
		size_t j = k + 1;
		while (j < n && s[j] != ']' && s[j] != '[' && j - k < 400)
			j++;
		if (j < n && s[j] == ']') {
			/* skip Markdown links [text](url) */
			if (j + 1 < n && s[j + 1] == '(') {
				k = j;
				continue;
			}
			link_citation(g, s + k + 1, j - k - 1, (long)i + 1, 0);
			k = j;
			continue;
		}
		if (j >= n && n - k < 300) {
			/* wrapped over the line end: join with the next body line */
			size_t nx = i + 1;
			while (nx < g->n && nx - i < 4 && g->lines[nx].kind != K_TEXT)
				nx++;
			if (nx >= g->n || g->lines[nx].role != R_BODY || g->lines[nx].kind != K_TEXT)
				break;
			xline *M = &g->lines[nx];
			const char *close = memchr(M->s, ']', M->len < 200 ? M->len : 200);
			if (!close)
				break;
			lit_buf b = LIT_BUF_INIT;
			lit_buf_put(&b, s + k + 1, n - k - 1);
			lit_xjoin_line(&b, M->s, (size_t)(close - M->s), NULL);
			if (!lit_buf_status(&b))
				link_citation(g, b.ptr, b.len, (long)i + 1, 0);
			lit_buf_free(&b);
			break;
		}
		k = j - 1;
	}
}

static void note_finish(seg *g, entry *e, int where)
{
	if (!e->open)
		return;
	long ix = entry_emit(g, e, where);
	if (ix >= 0) {
		lit_xitem *it = &g->doc->items[ix];
		long mk = find_marker(g, e->lab.value, it->line, 400);
		if (mk >= 0) {
			g->marks[mk].used = 1;
			lit_xitem_cite(it, g->marks[mk].line);
		} else {
			lit_xdoc_warn(g->doc, it->line, "footnote %s has no marker in the text",
			              it->label);
		}
		g->doc->n_foot++;
	}
	entry_reset(e);
}

/* Is the last line of a note cut short by the page break (", ", "С.",
 * "(accessed:", a title without a final stop)? */
static int note_open_end(const xline *P)
{
	if (!P->len)
		return 0;
	char c = P->s[P->len - 1];
	if (ends_midway(P))
		return 1;
	return !ends_terminal(P->s, P->len) && c != ')' && c != ']';
}

/* Does S[0..N) end with W (ASCII case of its first letter ignored)? */
static int ends_with_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	if (n < m)
		return 0;
	const char *t = s + n - m;
	return memcmp(t + 1, w + 1, m - 1) == 0 && (t[0] == w[0] || (t[0] | 32) == w[0]);
}

/* A note cut at the page end goes on at the top of the next page's
 * footnote block, just before the next note (numbered one more, or 1
 * where notes are numbered per page), `next`: the short block of body
 * lines (set apart by a blank line or page furniture) right before line
 * `i` is joined to the held note `h` when it reads as the rest of a
 * reference. */
static void note_attach_tail(seg *g, entry *h, size_t i, long next)
{
	size_t last = h->nlines ? h->lines[h->nlines - 1] : h->first;
	const xline *P = &g->lines[last];
	if (!note_open_end(P))
		return;
	size_t j = i, gap = 0;
	while (j > last + 1 && gap < 8 && g->lines[j - 1].role == R_BODY &&
	       g->lines[j - 1].kind != K_TEXT) {
		j--;
		gap++;
	}
	size_t k = j;
	while (k > last + 1 && j - k < 4 && g->lines[k - 1].role == R_BODY &&
	       g->lines[k - 1].kind == K_TEXT)
		k--;
	if (k == j || k <= last + 1 || j - k >= 4)
		return;
	/* the block stands apart from what precedes it */
	if (g->lines[k - 1].kind == K_TEXT)
		return;
	const xline *F = &g->lines[k];
	unsigned char c0 = (unsigned char)F->s[0];
	/* the rest of a reference ends it; a block that breaks off itself is
	 * the page's body going on overleaf */
	if (note_open_end(&g->lines[j - 1]))
		return;
	/* "(accessed:" / "(дата обращения:" goes on with the date */
	if (ends_with_ci(P->s, P->len, "accessed:") || ends_with_ci(P->s, P->len, "обращения:")) {
		if (!(c0 >= '0' && c0 <= '9'))
			return;
	}
	int ok = starts_lower(F->s, F->len) || (c0 >= '0' && c0 <= '9') || c0 == '(' ||
	         c0 == '/' || c0 == ',' || c0 == '.' || c0 == ':' || c0 == ';' ||
	         lit_xurl_continues(P->s, P->len, F->s, F->len);
	if (!ok && ends_midway(P) && j - k <= 2) {
		/* a capital start only after a clear cut, and not a lone short
		 * line under a page number (a running header) */
		size_t b = k;
		while (b > last + 1 && g->lines[b - 1].kind == K_BLANK)
			b--;
		int header = j - k == 1 && cp_count(F->s, F->len) < 60 &&
		             b > last + 1 && g->lines[b - 1].kind == K_PAGENUM;
		ok = !header;
	}
	if (!ok)
		return;
	/* body text that cites the next note is the page's body, not a tail */
	for (size_t m = g->nmarks; m-- > 0 && g->marks[m].line > (long)k;)
		if (g->marks[m].num == next)
			return;
	for (size_t q = k; q < j; q++) {
		if (entry_add_line(h, q)) {
			g->doc->failed = 1;
			return;
		}
		g->lines[q].role = R_NOTE;
	}
	/* the markers read in those lines were not in the body */
	while (g->nmarks && g->marks[g->nmarks - 1].line > (long)k)
		g->nmarks--;
}

/* End the note `e`; one cut short at a page end is held back in `held`
 * (emitting the one held before) until the next note shows whether its
 * rest follows on the next page. */
static void note_close(seg *g, entry *e, entry *held)
{
	if (!e->open)
		return;
	note_finish(g, held, LIT_XW_FOOT);
	size_t last = e->nlines ? e->lines[e->nlines - 1] : e->first;
	if (!note_open_end(&g->lines[last])) {
		note_finish(g, e, LIT_XW_FOOT);
		return;
	}
	entry t = *held;
	*held = *e;
	*e = t;
}

/* Does the line end with a lower-case abbreviation that does not end a
 * note: "дис. … канд." + "ист. наук. Томск, 2004", "XIX в.", "ed."?  Not
 * after a number ("210 с.", "2004 г." end one).  Also "Указ." + "соч.",
 * "Op." + "cit.". */
static int ends_abbrev(const xline *P)
{
	/* capitalised ones that cannot end a note either */
	static const char *const caps[] = { " Указ.", " Цит.", " Op.", " Вып.", " Изд.", NULL };
	for (size_t k = 0; caps[k]; k++) {
		size_t m = strlen(caps[k]);
		if (P->len >= m && memcmp(P->s + P->len - m, caps[k], m) == 0)
			return 1;
	}
	size_t b = P->len - 1, letters = 0, st;   /* before the final '.' */
	while (b > 0) {
		uint32_t c = lit_xcp_before(P->s, b, &st);
		if (!lit_xcp_lower(c))
			break;
		b = st;
		letters++;
	}
	if (letters == 0 || letters > 5 || (b > 0 && P->s[b - 1] != ' '))
		return 0;
	size_t q = b;
	while (q > 0 && P->s[q - 1] == ' ')
		q--;
	return !(q > 0 && P->s[q - 1] >= '0' && P->s[q - 1] <= '9');
}

static void body_pass(seg *g)
{
	entry e = {0}, held = {0};
	int in_note = 0, note_blank = 0;
	long last_num = 0;
	size_t prev_text = (size_t)-1;
	for (size_t i = 0; i < g->n; i++) {
		xline *L = &g->lines[i];
		if (L->role != R_BODY) {
			if (in_note) {
				note_close(g, &e, &held);
				in_note = 0;
			}
			continue;
		}
		if (L->kind == K_BLANK) {
			if (in_note)
				note_blank = 1;
			continue;
		}
		if (L->kind == K_PAGENUM || L->kind == K_FURN) {
			/* a page ends below its footnotes: the next page opens with
			 * body text (a note cut here goes on in the next page's
			 * footnote block, see note_attach_tail) */
			if (in_note)
				note_blank = 1;
			continue;
		}
		if (L->pb && in_note)
			note_blank = 1;
		xlabel lab;
		if (note_start(g, i, in_note, last_num, &lab)) {
			if (in_note)
				note_close(g, &e, &held);
			if (held.open) {
				/* the next note, or the first of a page numbering its
				 * notes afresh */
				if (lab.value == held.lab.value + 1 ||
				    (lab.value == 1 && held.lab.value > 1))
					note_attach_tail(g, &held, i, lab.value);
				note_finish(g, &held, LIT_XW_FOOT);
			}
			e.first = i;
			e.text_off = lab.text_off;
			e.lab = lab;
			e.open = 1;
			in_note = 1;
			note_blank = 0;
			last_num = lab.value;
			L->role = R_NOTE;
			prev_text = i;
			continue;
		}
		if (in_note) {
			int body = note_blank || e.nlines >= 60;  /* no footnote runs that long */
			if (!body && L->ind > 0 && prev_text != (size_t)-1 && e.lab.style != LAB_MD &&
			    L->ind != g->lines[prev_text].ind)
				body = 1;  /* a new text block: the page body resumes */
			if (!body && prev_text != (size_t)-1 && starts_lower(L->s, L->len)) {
				/* a finished note followed by a lower-case line: the body
				 * sentence cut by the page break goes on */
				xline *P = &g->lines[prev_text];
				/* (unless it reads as the note's end: "Бурят." +
				 * "кн. изд-во, 1954. Т. 1. С. 233.") */
				if (P->len && P->s[P->len - 1] == '.' && !ends_abbrev(P) &&
				    !lit_xurl_continues(P->s, P->len, L->s, L->len) &&
				    lit_xbib_score(L->s, L->len) < 3)
					body = 1;
			}
			if (!body) {
				if (entry_add_line(&e, i))
					g->doc->failed = 1;
				L->role = R_NOTE;
				prev_text = i;
				continue;
			}
			note_close(g, &e, &held);
			in_note = 0;
		}
		/* running text */
		mctx m = { g, (long)i + 1 };
		lit_xfind_markers(L->s, L->len, on_marker, &m);
		if (memchr(L->s, '[', L->len) || (g->acap && memchr(L->s, '(', L->len)))
			scan_citations(g, i);
		prev_text = i;
	}
	if (in_note)
		note_close(g, &e, &held);
	note_finish(g, &held, LIT_XW_FOOT);
	free(e.lines);
	free(held.lines);
}

/* ------------------------------------------------------------------
 * In-text citations
 * ---------------------------------------------------------------- */

static long list_item_by_label(seg *g, long v)
{
	if (v < 0 || (size_t)v >= g->nbylabel)
		return -1;
	return g->bylabel[v];
}

static size_t first_word(const char *s, size_t n, const char **w);

static uint64_t word_key(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i = 0, adv;
	while (i < n) {
		uint32_t cp = lit_xcp(s + i, n - i, &adv);
		if (cp >= 'A' && cp <= 'Z') cp += 32;
		else if (cp >= 0x410 && cp <= 0x42F) cp += 32;
		h ^= cp;
		h *= 1099511628211ULL;
		i += adv;
	}
	return h ? h : 1;
}

static void build_author_index(seg *g)
{
	size_t nlist = 0;
	for (size_t k = 0; k < g->doc->nitems; k++)
		nlist += g->doc->items[k].where == LIT_XW_LIST;
	if (!nlist)
		return;
	size_t cap = 64;
	while (cap < nlist * 2)
		cap <<= 1;
	g->akeys = calloc(cap, sizeof *g->akeys);
	g->ahead = malloc(cap * sizeof *g->ahead);
	g->atail = malloc(cap * sizeof *g->atail);
	g->anext = malloc(g->doc->nitems * sizeof *g->anext);
	if (!g->akeys || !g->ahead || !g->atail || !g->anext) {
		g->doc->failed = 1;
		return;
	}
	g->acap = cap;
	for (size_t k = 0; k < g->doc->nitems; k++) {
		lit_xitem *it = &g->doc->items[k];
		g->anext[k] = -1;
		if (it->where != LIT_XW_LIST)
			continue;
		const char *w;
		size_t wn = first_word(it->raw, strlen(it->raw), &w);
		if (wn < 2)
			continue;
		uint64_t h = word_key(w, wn);
		size_t i = (size_t)h & (cap - 1);
		while (g->akeys[i] && g->akeys[i] != h)
			i = (i + 1) & (cap - 1);
		if (!g->akeys[i]) {
			g->akeys[i] = h;
			g->ahead[i] = -1;
		}
		/* keep document order: append at the end of the chain */
		if (g->ahead[i] < 0)
			g->ahead[i] = (long)k;
		else
			g->anext[g->atail[i]] = (long)k;
		g->atail[i] = (long)k;
	}
}

/* First list item whose first word is w[0..wn); -1 if none. */
static long author_first(seg *g, const char *w, size_t wn)
{
	if (!g->acap)
		return -1;
	uint64_t h = word_key(w, wn);
	size_t i = (size_t)h & (g->acap - 1);
	while (g->akeys[i]) {
		if (g->akeys[i] == h)
			return g->ahead[i];
		i = (i + 1) & (g->acap - 1);
	}
	return -1;
}

static void build_label_index(seg *g)
{
	build_author_index(g);
	long maxv = -1;
	for (size_t k = 0; k < g->doc->nitems; k++) {
		lit_xitem *it = &g->doc->items[k];
		if (it->where != LIT_XW_LIST)
			continue;
		g->have_list = 1;
		long v = lit_xlabel_value(it->label, strlen(it->label));
		if (v > maxv && v < 100000)
			maxv = v;
	}
	if (maxv < 0)
		return;
	g->bylabel = malloc((size_t)(maxv + 1) * sizeof *g->bylabel);
	if (!g->bylabel) {
		g->doc->failed = 1;
		return;
	}
	g->nbylabel = (size_t)maxv + 1;
	for (size_t k = 0; k < g->nbylabel; k++)
		g->bylabel[k] = -1;
	for (size_t k = 0; k < g->doc->nitems; k++) {
		lit_xitem *it = &g->doc->items[k];
		if (it->where != LIT_XW_LIST)
			continue;
		long v = lit_xlabel_value(it->label, strlen(it->label));
		/* the first list in the document (the original, not its
		 * transliteration), whichever was found first */
		if (v >= 0 && (size_t)v < g->nbylabel &&
		    (g->bylabel[v] < 0 || it->line < g->doc->items[g->bylabel[v]].line))
			g->bylabel[v] = (long)k;
	}
}

static int is_locator_token(const char *s, size_t n)
{
	static const char *const loc[] = {
		"с.", "С.", "p.", "pp.", "P.", "S.", "s.", "стр.", "л.", "т.", "Т.", "vol.",
		"ch.", "гл.", "fig.", "рис.", "разд.", "ст.", "para", "§", "col.", "кол.", NULL
	};
	for (size_t k = 0; loc[k]; k++)
		if (has_prefix(s, n, loc[k]))
			return 1;
	return 0;
}

static size_t trim_span(const char **s, size_t n)
{
	while (n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		n--;
	}
	while (n && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t'))
		n--;
	return n;
}

/* Numeric citation "4", "4; 6", "1-3", "4, с. 25": fills nums; 0 if not numeric. */
static size_t parse_numeric(const char *s, size_t n, long *nums, size_t max)
{
	size_t cnt = 0, i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != ';' && s[j] != ',')
			j++;
		const char *t = s + i;
		size_t tn = trim_span(&t, j - i);
		if (tn == 0)
			return 0;
		if (t[0] >= '0' && t[0] <= '9') {
			size_t q = 0;
			long a = 0, b = -1;
			while (q < tn && t[q] >= '0' && t[q] <= '9' && q < 6)
				a = a * 10 + (t[q++] - '0');
			size_t qs = q;
			while (qs < tn && t[qs] == ' ')
				qs++;
			if (qs < tn && t[qs] == ':') {
				/* "[2: 45]": the work, then its pages */
				q = tn;
			}
			if (q < tn) {
				/* a range: - – — */
				size_t r = q;
				while (r < tn && t[r] == ' ')
					r++;
				if (r < tn && t[r] == '-')
					r++;
				else if (r + 3 <= tn && (unsigned char)t[r] == 0xE2 && (unsigned char)t[r + 1] == 0x80 &&
				         ((unsigned char)t[r + 2] == 0x93 || (unsigned char)t[r + 2] == 0x94))
					r += 3;
				else
					return 0;
				while (r < tn && t[r] == ' ')
					r++;
				b = 0;
				size_t r0 = r;
				while (r < tn && t[r] >= '0' && t[r] <= '9' && r - r0 < 6)
					b = b * 10 + (t[r++] - '0');
				if (r != tn || r == r0 || b < a || b - a > 50)
					return 0;
			}
			if (b < 0)
				b = a;
			for (long v = a; v <= b && cnt < max; v++)
				nums[cnt++] = v;
		} else if (is_locator_token(t, tn)) {
			/* a locator: skip the rest of this part up to ';' */
			while (j < n && s[j] != ';')
				j++;
		} else {
			return 0;
		}
		i = j + 1;
	}
	return cnt;
}

/* First word (surname) of a citation part; returns its length. */
static size_t first_word(const char *s, size_t n, const char **w)
{
	size_t i = 0, adv;
	while (i < n) {
		uint32_t cp = lit_xcp(s + i, n - i, &adv);
		if (lit_xcp_letter(cp))
			break;
		i += adv;
	}
	size_t st = i;
	while (i < n) {
		uint32_t cp = lit_xcp(s + i, n - i, &adv);
		if (!lit_xcp_letter(cp) && cp != '-' && cp != '\'')
			break;
		i += adv;
	}
	*w = s + st;
	return i - st;
}

static int find_year(const char *s, size_t n, char year[5])
{
	for (size_t i = 0; i + 4 <= n; i++) {
		if ((s[i] == '1' || s[i] == '2') && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
		    s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
		    s[i + 3] >= '0' && s[i + 3] <= '9' &&
		    (i + 4 == n || !(s[i + 4] >= '0' && s[i + 4] <= '9'))) {
			memcpy(year, s + i, 4);
			year[4] = 0;
			return 1;
		}
	}
	return 0;
}

static int mem_contains(const char *h, size_t hn, const char *nd, size_t nn)
{
	if (nn == 0 || nn > hn)
		return 0;
	for (size_t i = 0; i + nn <= hn; i++)
		if (h[i] == nd[0] && memcmp(h + i, nd, nn) == 0)
			return 1;
	return 0;
}

static void link_citation(seg *g, const char *s, size_t n, long line, int quiet)
{
	const char *t = s;
	n = trim_span(&t, n);
	if (n == 0 || n > 400)
		return;
	/* "[см.: 1; 3]", "[see 4]", "[cf. 2]" */
	static const char *const intro[] = { "см.:", "см.", "См.:", "См.", "ср.", "see", "See", "cf.", "Cf.", NULL };
	for (size_t q = 0; intro[q]; q++) {
		size_t m = strlen(intro[q]);
		if (n > m + 1 && memcmp(t, intro[q], m) == 0 && (t[m] == ' ' || t[m] == ':')) {
			t += m;
			n -= m;
			while (n && (*t == ' ' || *t == ':')) {
				t++;
				n--;
			}
			break;
		}
	}
	long nums[64];
	size_t k = quiet ? 0 : parse_numeric(t, n, nums, 64);
	if (k) {
		int linked = 0;
		for (size_t q = 0; q < k; q++) {
			long ix = list_item_by_label(g, nums[q]);
			if (ix >= 0) {
				lit_xitem_cite(&g->doc->items[ix], line);
				linked = 1;
			}
		}
		if (linked)
			g->doc->n_cites_linked++;
		else
			g->doc->n_cites_unlinked++;
		return;
	}
	/* author-year: parts separated by ';' */
	char year[5];
	if (!find_year(t, n, year)) {
		if (quiet)
			return;
		/* [Some title] without a year: a citation only if it has capitals and words */
		size_t adv;
		if (lit_xcp_upper(lit_xcp(t, n, &adv)) && memchr(t, ' ', n) && g->have_list)
			g->doc->n_cites_unlinked++;
		return;
	}
	int any = 0;
	const char *lastw = NULL;
	size_t lastwn = 0;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && t[j] != ';')
			j++;
		const char *p = t + i;
		size_t pn = trim_span(&p, j - i);
		char y[5];
		if (pn && find_year(p, pn, y)) {
			const char *w;
			size_t wn = first_word(p, pn, &w);
			/* a part that is only a year reuses the previous author */
			if (wn == 0 || (w > p + 0 && (size_t)(w - p) > 0 && wn == 0)) {
				w = lastw;
				wn = lastwn;
			} else {
				/* words before the first digit only */
				const char *dig = p;
				while (dig < p + pn && !(*dig >= '0' && *dig <= '9'))
					dig++;
				if (w >= dig) {
					w = lastw;
					wn = lastwn;
				}
			}
			if (w && wn >= 2) {
				lastw = w;
				lastwn = wn;
				/* a real list names one author a few times; the bound keeps
				 * huge concatenated inputs linear */
				int steps = 0;
				for (long q = author_first(g, w, wn); q >= 0 && steps < 64;
				     q = g->anext[q], steps++) {
					lit_xitem *it = &g->doc->items[q];
					size_t rl = strlen(it->raw);
					if (mem_contains(it->raw, rl, y, 4)) {
						lit_xitem_cite(it, line);
						any = 1;
						break;
					}
				}
			}
		}
		i = j + 1;
	}
	if (any)
		g->doc->n_cites_linked++;
	else if (!quiet)
		g->doc->n_cites_unlinked++;
}

/* ------------------------------------------------------------------
 * Notes from adapters, endnote markers, repeats, splitting
 * ---------------------------------------------------------------- */

static void add_given_notes(seg *g)
{
	const lit_xinput *in = g->in;
	for (size_t k = 0; k < in->nnotes; k++) {
		const lit_xnote *nt = &in->notes[k];
		if (!nt->text)
			continue;
		long line = nt->line ? nt->line : (long)g->n + 1 + (long)k;
		lit_buf_clear(&g->tmp);
		/* notes may hold line breaks: join them */
		const char *s = nt->text;
		size_t len = strlen(s), i = 0;
		while (i <= len) {
			const char *nl = memchr(s + i, '\n', len - i);
			size_t e = nl ? (size_t)(nl - s) : len;
			lit_xjoin_line(&g->tmp, s + i, e - i, &g->vocab);
			i = e + 1;
			if (!nl)
				break;
		}
		if (!g->tmp.len)
			continue;
		long ix = lit_xdoc_add(g->doc, nt->where, line, nt->label, g->tmp.ptr, g->tmp.len);
		if (ix < 0)
			continue;
		if (nt->where == LIT_XW_END)
			g->doc->n_end++;
		else
			g->doc->n_foot++;
	}
}

/* Markers sorted by number (then position), for lookups by number. */
typedef struct mref {
	long num;
	size_t idx;
} mref;

static int cmp_mref(const void *a, const void *b)
{
	const mref *x = a, *y = b;
	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Endnotes (and given notes) take the remaining markers by number. */
static void link_notes_to_markers(seg *g)
{
	mref *ord = g->nmarks ? malloc(g->nmarks * sizeof *ord) : NULL;
	if (g->nmarks && !ord) {
		g->doc->failed = 1;
		return;
	}
	for (size_t k = 0; k < g->nmarks; k++) {
		ord[k].num = g->marks[k].num;
		ord[k].idx = k;
	}
	if (ord)
		qsort(ord, g->nmarks, sizeof *ord, cmp_mref);
	for (size_t q = 0; q < g->doc->nitems; q++) {
		lit_xitem *it = &g->doc->items[q];
		if (it->where == LIT_XW_LIST || it->ncited)
			continue;
		if (it->where == LIT_XW_FOOT && !g->in->nnotes)
			continue;   /* footnotes of the text were linked in the body pass */
		long v = lit_xlabel_value(it->label, strlen(it->label));
		if (v < 0)
			continue;
		/* lower bound of v, then the first unused (used ones are passed
		 * over by moving the group's first entry forward) */
		size_t lo = 0, hi = g->nmarks;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (ord[mid].num < v)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t k = lo;
		while (k < g->nmarks && ord[k].num == v && g->marks[ord[k].idx].used)
			k++;
		if (k < g->nmarks && ord[k].num == v) {
			g->marks[ord[k].idx].used = 1;
			lit_xitem_cite(it, g->marks[ord[k].idx].line);
		}
		if (!it->ncited)
			lit_xdoc_warn(g->doc, it->line, "note %s has no marker in the text", it->label);
	}
	free(ord);
	int has_notes = g->doc->n_foot || g->doc->n_end;
	/* without notes, superscript numbers cite the numbered list */
	if (!has_notes && g->nbylabel) {
		for (size_t k = 0; k < g->nmarks; k++) {
			lit_xmarker *m = &g->marks[k];
			if (!m->sup)
				continue;
			long ix = list_item_by_label(g, m->num);
			if (ix >= 0) {
				m->used = 1;
				lit_xitem_cite(&g->doc->items[ix], m->line);
				g->doc->n_cites_linked++;
			}
		}
	}
	for (size_t k = 0; k < g->nmarks; k++) {
		g->doc->n_markers++;
		if (g->marks[k].used)
			g->doc->n_markers_linked++;
		else if (has_notes)
			lit_xdoc_warn(g->doc, g->marks[k].line,
			              "footnote marker %ld has no footnote text", g->marks[k].num);
	}
}

static int cmp_items(const void *a, const void *b)
{
	const lit_xitem *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Two numbered notes run together in one paragraph ("12 Иванов И. И. ...
 * С. 5. 13 Петров П. П. ... 2020."): the note is split where the next
 * number follows a full stop and starts a new reference; the new note
 * is linked to its own marker. */
static void split_run_on(seg *g)
{
	for (size_t q = 0; q < g->doc->nitems; q++) {
		lit_xitem *it = &g->doc->items[q];
		if (it->where != LIT_XW_FOOT && it->where != LIT_XW_END)
			continue;
		size_t ll = strnlen(it->label, sizeof it->label);
		long v = ll ? lit_xlabel_value(it->label, ll) : -1;
		if (v < 1 || v >= 999)
			continue;
		char want[8];
		int wn = snprintf(want, sizeof want, "%ld", v + 1);
		if (wn <= 0 || (size_t)wn >= sizeof want)
			continue;
		size_t rl = strlen(it->raw);
		if (rl > 4000)
			continue;
		for (size_t i = 10; i + (size_t)wn + 3 < rl; i++) {
			const char *r = it->raw;
			if (r[i - 1] != ' ' || (r[i - 2] != '.' && r[i - 2] != ')') ||
			    memcmp(r + i, want, (size_t)wn) != 0 || r[i + wn] != ' ')
				continue;
			const char *t = r + i + wn + 1;
			size_t tn = rl - i - (size_t)wn - 1;
			size_t adv;
			uint32_t c = lit_xcp(t, tn, &adv);
			if (!lit_xcp_upper(c) && c != 0xAB)
				continue;
			if (!author_start(t, tn) && lit_xbib_score(t, tn) < 3)
				continue;
			if (lit_xbib_score(r, i - 1) < 2)
				continue;
			long line = it->line;
			int where = it->where;
			long ix = lit_xdoc_add(g->doc, where, line, want, t, tn);
			it = &g->doc->items[q];   /* may have moved */
			if (ix < 0)
				return;
			lit_xitem *nw = &g->doc->items[ix];
			long mk = find_marker(g, v + 1, line, 400);
			if (mk >= 0) {
				g->marks[mk].used = 1;
				lit_xitem_cite(nw, g->marks[mk].line);
			}
			if (where == LIT_XW_FOOT) g->doc->n_foot++;
			else g->doc->n_end++;
			size_t e = i - 1;
			while (e > 0 && it->raw[e - 1] == ' ')
				e--;
			it->raw[e] = 0;
			break;
		}
	}
}

/* A note in the humanities style starts with the author's full name and
 * a comma, then a quoted or capitalised title: "Ivan Sokolov, "Transit
 * Diplomacy..."", "Nargis Kassenova, China's Silk Road...". */
static int fullname_start(const char *s, size_t n)
{
	size_t i = 0, words = 0, adv;
	while (words < 4 && i < n) {
		if (!lit_xcp_upper(lit_xcp(s + i, n - i, &adv)))
			return 0;
		i += adv;
		while (i < n) {
			uint32_t cp = lit_xcp(s + i, n - i, &adv);
			if (!lit_xcp_letter(cp) && cp != '.' && cp != '-' && cp != '\'' && cp != 0x2019)
				break;
			i += adv;
		}
		words++;
		if (i < n && s[i] == ',') {
			if (words < 2 || i + 2 >= n || s[i + 1] != ' ')
				return 0;
			uint32_t c = lit_xcp(s + i + 2, n - i - 2, &adv);
			return c == '"' || c == 0x201C || c == 0xAB || lit_xcp_upper(c);
		}
		if (i >= n || s[i] != ' ')
			return 0;
		i++;
	}
	return 0;
}

/* A short-form repeat note (see parse_short_note below). */
typedef struct short_note {
	const char *name;   /* surname, organisation word or abbreviation */
	size_t namen;
	const char *title;  /* the shortened title, quotes and ellipsis off */
	size_t titlen;
	int cut;            /* the title ended with an ellipsis */
	size_t loc;         /* offset of the locator in the note */
} short_note;
static int parse_short_note(const char *s, size_t n, short_note *sn);

/* Split "A. Work one. 2001; B. Work two. 2002" into two items (the new
 * item is checked in its turn: three works make three items). */
static void split_multi(seg *g)
{
	for (size_t q = 0; q < g->doc->nitems; q++) {
		lit_xitem *it = &g->doc->items[q];
		if (it->where == LIT_XW_LIST)
			continue;
		size_t rl = strlen(it->raw);
		size_t loc;
		if (rl > 4000)
			continue;
		/* "Там же. С. 15; Петров П. П. ...": a repeat, then a work */
		int rep = lit_xrepeat_kind(it->raw, rl, &loc) != 0;
		int depth = 0, quote = 0;
		size_t start = 0;
		for (size_t i = 0; i + 2 < rl; i++) {
			char c = it->raw[i];
			if (c == '(' || c == '[') depth++;
			else if ((c == ')' || c == ']') && depth) depth--;
			else if (c == '"') quote = !quote;
			if (c != ';' || depth || quote)
				continue;
			const char *r = it->raw + i + 1;
			size_t rn = rl - i - 1;
			while (rn && *r == ' ') { r++; rn--; }
			int see = has_prefix(r, rn, "См. также") || has_prefix(r, rn, "См.:") ||
			          has_prefix(r, rn, "See also") || has_prefix(r, rn, "Cf.");
			/* or two works each named by title: "Title // Paper. 2023; Title // Site. 2024" */
			int titled = lit_xcp_upper(lit_xcp(r, rn, &(size_t){0})) &&
			             mem_contains(r, rn, " // ", 4) && mem_contains(it->raw + start, i - start, " // ", 4);
			int full = !see && !titled && fullname_start(r, rn);
			/* or short forms with their locators: "See Ellison, Baltic
			 * Grain Trade, 61; Raudsepp, "Merchants and Money," 315-18." */
			short_note s1, s2;
			size_t r1 = 0;   /* the right part up to a third work */
			while (r1 < rn && r[r1] != ';')
				r1++;
			int shorts = !see && !titled && parse_short_note(r, r1, &s2) &&
			             (rep || parse_short_note(it->raw + start, i - start, &s1) ||
			              lit_xbib_score(it->raw + start, i - start) >= 3);
			if (!see && !titled && !full && !shorts && !author_start(r, rn))
				continue;
			/* after a repeat a named work needs less evidence */
			int weak = full || (rep && !see && !titled);
			if (!shorts &&
			    ((!rep && lit_xbib_score(it->raw + start, i - start) < (full ? 2 : 3)) ||
			     lit_xbib_score(r, rn) < (weak ? 2 : 3)))
				continue;
			/* split: the right part becomes a new item */
			char label[24];
			memcpy(label, it->label, sizeof label);
			long line = it->line;
			long ix = lit_xdoc_add(g->doc, it->where, line, label, r, rn);
			it = &g->doc->items[q];   /* may have moved */
			if (ix < 0)
				return;
			lit_xitem *nw = &g->doc->items[ix];
			for (size_t c2 = 0; c2 < it->ncited; c2++)
				lit_xitem_cite(nw, it->cited[c2]);
			if (it->where == LIT_XW_FOOT) g->doc->n_foot++;
			else g->doc->n_end++;
			/* cut the original */
			size_t e = i;
			while (e > 0 && it->raw[e - 1] == ' ')
				e--;
			it->raw[e] = 0;
			break;   /* the new item is checked again later in the loop bound? no: one split per pass */
		}
	}
}

/* ------------------------------------------------------------------
 * Short-form repeats: a later note naming the author (or the
 * organisation, or its abbreviation) and the start of the title with
 * its own locator, "Smith, Transit Diplomacy, 45.", "Петров.
 * Арктическая политика… С. 17.", "ERG, Annual Transit Report 2021, 20."
 * ---------------------------------------------------------------- */


/* Lower-case code point (Latin, Cyrillic) for comparing titles. */
static uint32_t fold_cp(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F))
		return c + 32;
	if (c == 0x401)
		return 0x451;
	return c;
}

static int is_quote_cp(uint32_t c)
{
	return c == '"' || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D || c == 0x201E;
}

/* An initial "П." / "J." at s[i]: its length, else 0. */
static size_t initial_at(const char *s, size_t n, size_t i)
{
	size_t adv;
	if (i >= n || !lit_xcp_upper(lit_xcp(s + i, n - i, &adv)))
		return 0;
	return i + adv < n && s[i + adv] == '.' ? adv + 1 : 0;
}

/* Does the note read as a short form "Name[ I. I.][,.] Title[…][,.] [С.|p.] 17."?
 * Fills sn; 0 when it does not. */
static int parse_short_note(const char *s, size_t n, short_note *sn)
{
	static const char *const marks[] = { "С.", "с.", "P.", "p.", "pp.", "Pp.", "S.", "Л.", "л.", NULL };
	size_t adv;
	if (n < 8 || n > 160)
		return 0;
	/* the locator at the end: digits and ranges, maybe after "С." / "p." */
	size_t e = n;
	while (e && (s[e - 1] == '.' || s[e - 1] == ' '))
		e--;
	size_t ls = e;
	while (ls) {
		unsigned char c = (unsigned char)s[ls - 1];
		if ((c >= '0' && c <= '9') || c == '-')
			ls--;
		else if (ls >= 3 && (unsigned char)s[ls - 3] == 0xE2 && (unsigned char)s[ls - 2] == 0x80 &&
		         (c == 0x93 || c == 0x94))
			ls -= 3;   /* – — */
		else
			break;
	}
	if (ls == e || !(s[ls] >= '0' && s[ls] <= '9') || ls < 2)
		return 0;
	size_t j = ls;
	int marked = 0;
	for (size_t k = 0; s[j - 1] == ' ' && marks[k]; k++) {
		size_t m = strlen(marks[k]);
		if (j > m + 2 && memcmp(s + j - 1 - m, marks[k], m) == 0 && s[j - m - 2] == ' ') {
			j -= m + 1;
			ls = j;
			marked = 1;
			break;
		}
	}
	/* the separator before it: ", " (Chicago) or, with a page mark, ". " or "… " */
	if (!j || s[j - 1] != ' ')
		return 0;
	while (j && s[j - 1] == ' ')
		j--;
	int seps = 0, dots = 0, comma = 0, cut = 0;
	while (j) {
		size_t st;
		uint32_t c = lit_xcp_before(s, j, &st);
		if (c == ',') comma = 1;
		else if (c == '.') dots++;
		else if (c == 0x2026) cut = 1;
		else if (!is_quote_cp(c)) break;
		seps++;
		j = st;
	}
	if (!seps || (!marked && !comma))
		return 0;
	/* ", 2019." with no page mark is a year (1500-2099): a reference, not
	 * a page ("1115." is one) */
	if (!marked && e - ls == 4 && ((s[ls] == '1' && s[ls + 1] >= '5') || (s[ls] == '2' && s[ls + 1] == '0')))
		return 0;
	if (dots >= 2)
		cut = 1;
	size_t te = j;
	/* the name: a capitalised word at the start, then initials */
	size_t i = lit_xintro_len(s, n);
	size_t ns = i;
	if (i >= te || !lit_xcp_upper(lit_xcp(s + i, te - i, &adv)))
		return 0;
	while (i < te) {
		uint32_t c = lit_xcp(s + i, te - i, &adv);
		if (!lit_xcp_letter(c) && c != '-' && c != '\'')
			break;
		i += adv;
	}
	size_t ne = i;
	if (ne - ns < 2)
		return 0;
	/* an organisation of capitalised words up to the comma ("Riga
	 * Exchange Committee, Annual Report for 1900, 22.") */
	for (int w = 0; w < 5 && i + 2 < te && s[i] == ' ' && !initial_at(s, te, i + 1); w++) {
		int lower;
		size_t we = cap_word(s, te, i + 1, &lower);
		if (we == i + 1 || !lower)
			break;
		if (we < te && s[we] == ',') {
			i = ne = we;
			break;
		}
		if (we >= te || s[we] != ' ')
			break;
		i = we;
	}
	if (i != ne)
		i = ne;
	int inits = 0;
	while (i + 1 < te && s[i] == ' ') {
		size_t m = initial_at(s, te, i + 1);
		if (!m)
			break;
		i += 1 + m;
		inits++;
	}
	if (!inits) {
		if (i >= te || (s[i] != ',' && s[i] != '.'))
			return 0;
		i++;
	} else if (i < te && s[i] == ',') {
		i++;
	}
	if (i >= te || s[i] != ' ')
		return 0;
	while (i < te && s[i] == ' ')
		i++;
	/* the title: words only, no publisher, no "//", no brackets */
	size_t ts = i;
	while (ts < te) {
		uint32_t c = lit_xcp(s + ts, te - ts, &adv);
		if (!is_quote_cp(c))
			break;
		ts += adv;
	}
	size_t letters = 0, words = 0;
	int inword = 0;
	for (size_t k = ts; k < te; k += adv) {
		uint32_t c = lit_xcp(s + k, te - k, &adv);
		if (lit_xcp_letter(c)) {
			letters++;
			if (!inword)
				words++;
			inword = 1;
		} else if (c >= '0' && c <= '9') {
			if (!inword)
				words++;
			inword = 1;
		} else if (c == ' ') {
			inword = 0;
		} else if (c != '-' && c != '\'' && c != 0x2019 &&
		           !((ts > i || cut) && (c == ',' || c == ':' || c == '?' || c == '!'))) {
			/* a quoted title or one cut by an ellipsis may hold
			 * commas: "Railways, Tariffs,", "Tea, Silver and the…" */
			return 0;
		}
	}
	if (letters < 5 || (words == 1 && letters < 6) || te - ts > 100)
		return 0;
	sn->name = s + ns;
	sn->namen = ne - ns;
	sn->title = s + ts;
	sn->titlen = te - ts;
	sn->cut = cut;
	sn->loc = ls;
	return 1;
}

/* Does t[p..) start with the short title (case and runs of spaces aside)? */
static int title_at(const char *t, size_t tn, size_t p, const short_note *sn)
{
	size_t i = 0, adv, adv2;
	while (i < sn->titlen) {
		uint32_t a = lit_xcp(sn->title + i, sn->titlen - i, &adv);
		if (p >= tn)
			return 0;
		uint32_t b = lit_xcp(t + p, tn - p, &adv2);
		if (a == ' ') {
			if (b != ' ')
				return 0;
			while (p < tn && t[p] == ' ')
				p++;
			i += adv;
			continue;
		}
		if (fold_cp(a) != fold_cp(b))
			return 0;
		i += adv;
		p += adv2;
	}
	if (sn->cut || p >= tn)
		return 1;
	uint32_t b = lit_xcp(t + p, tn - p, &adv);
	return !lit_xcp_letter(b) && !(b >= '0' && b <= '9');
}

/* The title of the note t starts with the short title: the first clause
 * after the name (which ends at t[from]) that is not an initial or a
 * co-author ("Brown K.") must match. */
static int title_follows(const char *t, size_t tn, size_t from, const short_note *sn)
{
	size_t lim = tn < from + 160 ? tn : from + 160, adv;
	for (size_t p = from; p + 1 < lim; p++) {
		if (t[p] != ' ' || p == 0 || (t[p - 1] != '.' && t[p - 1] != ',' && t[p - 1] != ':'))
			continue;
		size_t q = p + 1;
		while (q < tn && is_quote_cp(lit_xcp(t + q, tn - q, &adv)))
			q += adv;
		if (q >= tn || initial_at(t, tn, q))
			continue;
		/* a co-author: a word followed by an initial */
		size_t w = q;
		while (w < tn) {
			uint32_t c = lit_xcp(t + w, tn - w, &adv);
			if (!lit_xcp_letter(c) && c != '-')
				break;
			w += adv;
		}
		if (w > q && w + 1 < tn && t[w] == ' ' && initial_at(t, tn, w + 1))
			continue;
		if (title_at(t, tn, q, sn))
			return 1;
		/* the short title drops a leading article ("The Baltic Grain
		 * Trade, 1850-1914" -> "Baltic Grain Trade") */
		static const char *const art[] = { "The ", "A ", "An ", "Die ", "Der ", "Das ", "La ",
		                                   "Le ", "Les ", "L'", "Il ", "El ", NULL };
		for (size_t k = 0; art[k]; k++)
			if (has_prefix(t + q, tn - q, art[k]) && !has_prefix(sn->title, sn->titlen, art[k]))
				return title_at(t, tn, q + strlen(art[k]), sn);
		return 0;
	}
	return 0;
}

/* The abbreviation (all capitals, "ERG", "ЕЖШ") of the organisation the
 * note t starts with ("Eurasian Rail Gateway. ..."): the end of the
 * organisation's name, else 0.  Initials of every word or of the
 * capitalised ones. */
static size_t abbrev_of(const char *t, size_t tn, const char *a, size_t an)
{
	uint32_t ab[9];
	size_t nab = 0, adv;
	for (size_t i = 0; i < an; i += adv) {
		uint32_t c = lit_xcp(a + i, an - i, &adv);
		if (!lit_xcp_upper(c) || nab == 8)
			return 0;
		ab[nab++] = fold_cp(c);
	}
	if (nab < 2)
		return 0;
	for (int caps = 0; caps < 2; caps++) {
		size_t k = 0, i = 0, words = 0;
		while (i < tn && i < 120) {
			uint32_t c = lit_xcp(t + i, tn - i, &adv);
			if (c == '.' || c == ',' || c == ':' || c == '(')
				break;
			if (!lit_xcp_letter(c)) {
				i += adv;
				continue;
			}
			words++;
			if (!caps || lit_xcp_upper(c)) {
				if (k >= nab || fold_cp(c) != ab[k])
					break;
				k++;
			}
			while (i < tn) {
				c = lit_xcp(t + i, tn - i, &adv);
				if (!lit_xcp_letter(c) && c != '-')
					break;
				i += adv;
			}
		}
		if (k == nab && words >= 2 && i < tn && t[i] == '.')
			return i;
	}
	return 0;
}

/* The earlier full note the short form sn (note q) repeats; -1 if none.
 * Same surname as the note's first word, else the name near its start
 * ("John Smith, ..."), else the abbreviation of its organisation; and
 * always the title starting with the short title. */
static long short_form_target(seg *g, size_t q, const short_note *sn, size_t rl)
{
	size_t adv;
	int caps = 1;
	for (size_t i = 0; i < sn->namen && caps; i += adv)
		caps = lit_xcp_upper(lit_xcp(sn->name + i, sn->namen - i, &adv));
	/* one walk back: the nearest note naming the author first wins at
	 * once, the nearest naming it further on ("John Smith, ...") or by
	 * the abbreviation only if none does; the name is looked for with
	 * memchr in the first 60 bytes, since most notes are not the one */
	long inside = -1, abbr = -1;
	for (size_t p = q; p-- > 0 && q - p <= 300;) {
		lit_xitem *t = &g->doc->items[p];
		if (t->where == LIT_XW_LIST || t->repeat_of >= 0 || t->nonbib)
			continue;
		const char *tr = t->raw, *h;
		size_t hn = strnlen(tr, 64), lim = hn < 60 ? hn : 60, from = 0, tl, l2;
		long *slot = NULL;
		/* look for the name's second byte when the first is a UTF-8
		 * lead byte (0xD0 starts half of every Cyrillic text) */
		size_t kb = ((unsigned char)sn->name[0] & 0x80) ? 1 : 0;
		h = tr + kb;
		while (h < tr + lim && (h = memchr(h, sn->name[kb], lim - (size_t)(h - tr))) != NULL) {
			size_t i = (size_t)(h - tr) - kb, e = i + sn->namen;
			if (e <= lim && memcmp(tr + i, sn->name, sn->namen) == 0 &&
			    (i == 0 || !lit_xcp_letter(lit_xcp_before(tr, i, &(size_t){0}))) &&
			    (e >= hn || !lit_xcp_letter(lit_xcp(tr + e, hn - e, &adv)))) {
				from = i + sn->namen;
				break;
			}
			h++;
		}
		if (from) {
			/* the first word, after "См.:" / "See" perhaps */
			size_t ib = lit_xintro_len(tr, hn);
			int first = 1;
			for (size_t k = ib; k < from - sn->namen && first; k += adv)
				first = !lit_xcp_letter(lit_xcp(tr + k, from - sn->namen - k, &adv));
			if (!first) {
				if (inside >= 0)
					continue;
				slot = &inside;
			}
		} else if (!caps || abbr >= 0) {
			continue;
		}
		tl = strlen(tr);
		if (tl <= rl)
			continue;
		if (!from) {
			if (!(from = abbrev_of(tr, tl, sn->name, sn->namen)))
				continue;
			slot = &abbr;
		}
		if (!title_follows(tr, tl, from, sn) || lit_xrepeat_kind(tr, tl, &l2))
			continue;
		if (!slot)
			return (long)p;
		*slot = (long)p;
	}
	return inside >= 0 ? inside : abbr;
}

static void resolve_repeats(seg *g)
{
	long last_note = -1;
	for (size_t q = 0; q < g->doc->nitems; q++) {
		lit_xitem *it = &g->doc->items[q];
		if (it->where == LIT_XW_LIST)
			continue;
		size_t rl = strlen(it->raw), loc;
		short_note sn;
		int kind = lit_xrepeat_kind(it->raw, rl, &loc);
		if (kind == 1) {
			if (last_note >= 0) {
				lit_xitem *t = &g->doc->items[last_note];
				it->repeat_of = t->repeat_of >= 0 ? t->repeat_of : last_note;
				g->doc->n_repeats++;
			} else {
				lit_xdoc_warn(g->doc, it->line, "\"%.*s\" repeats no earlier note",
				              (int)(loc < 30 ? loc : 30), it->raw);
			}
		} else if (kind == 2) {
			/* the author named before "Указ. соч." / "op. cit."; the
			 * earlier note that starts with that name, else one that
			 * names it near its start */
			const char *w;
			size_t ib = lit_xintro_len(it->raw, rl);
			size_t wn = first_word(it->raw + ib, rl - ib, &w);
			long found = -1;
			int named = wn >= 2 && !has_prefix(w, wn, "Указ") && !has_prefix(w, wn, "указ") &&
			            !has_prefix(w, wn, "Цит") && !has_prefix(w, wn, "цит") &&
			            !(wn == 2 && (w[0] == 'O' || w[0] == 'o') && w[1] == 'p');
			uint64_t wk = named ? word_key(w, wn) : 0;
			for (int pass = 0; pass < 2 && named && found < 0; pass++) {
				for (size_t p = q; p-- > 0 && q - p <= 300;) {
					lit_xitem *t = &g->doc->items[p];
					if (t->repeat_of >= 0 || t->nonbib)
						continue;
					size_t tl = strlen(t->raw), l2;
					if (pass == 0) {
						const char *tw;
						size_t twn = first_word(t->raw, tl, &tw);
						if (twn != wn || word_key(tw, twn) != wk)
							continue;
					} else if (!mem_contains(t->raw, tl < 120 ? tl : 120, w, wn)) {
						continue;
					}
					if (lit_xrepeat_kind(t->raw, tl, &l2) == 0) {
						found = (long)p;
						break;
					}
				}
			}
			if (!named && last_note >= 0) {
				/* "Указ. соч. С. 7." without a name: the work just cited */
				lit_xitem *t = &g->doc->items[last_note];
				found = t->repeat_of >= 0 ? t->repeat_of : last_note;
			}
			if (found >= 0) {
				it->repeat_of = found;
				g->doc->n_repeats++;
			} else {
				lit_xdoc_warn(g->doc, it->line, "\"%.*s\" repeats no earlier work",
				              (int)(rl < 40 ? rl : 40), it->raw);
			}
		} else if (parse_short_note(it->raw, rl, &sn)) {
			/* "Smith, Transit Diplomacy, 45.": linked only to a
			 * longer earlier note by the same name whose title
			 * starts the same; otherwise it stays as it is */
			long found = short_form_target(g, q, &sn, rl);
			if (found >= 0) {
				it->repeat_of = found;
				g->doc->n_repeats++;
				if (it->nonbib) {
					it->nonbib = 0;
					g->doc->n_nonbib--;
				}
				kind = 3;
				loc = sn.loc;
			}
		}
		if (kind && loc < rl) {
			const char *l = it->raw + loc;
			size_t ln = rl - loc;
			while (ln && (l[ln - 1] == '.' || l[ln - 1] == ' '))
				ln--;
			if (ln) {
				it->locator = malloc(ln + 1);
				if (it->locator) {
					memcpy(it->locator, l, ln);
					it->locator[ln] = 0;
				}
			}
		}
		/* "Там же" repeats the work the previous note cited, whether
		 * that note named it or repeated it in turn */
		if (!it->nonbib && (!kind || it->repeat_of >= 0))
			last_note = (long)q;
	}
}

/* A sentence with a date in it, not a reference: "Здесь и далее даты до
 * 1918 г. приводятся по старому стилю.", "The figures for 1913 exclude
 * transit cargo, which ..." - a year is all its evidence (score 2, no
 * "//", no quotes around a title) and most of its words are lower-case. */
static int dated_sentence(const char *s, size_t n)
{
	char year[5];
	if (!find_year(s, n, year) || mem_contains(s, n, "//", 2))
		return 0;
	size_t words = 0, lower = 0, adv;
	int start = 1;
	for (size_t i = 0; i < n; i += adv) {
		uint32_t c = lit_xcp(s + i, n - i, &adv);
		if (c == '"' || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D || c == 0x201E)
			return 0;
		if (c == ' ') {
			start = 1;
			continue;
		}
		if (start && lit_xcp_letter(c)) {
			words++;
			lower += lit_xcp_lower(c) != 0;
		} else if (start) {
			words++;
		}
		start = 0;
	}
	return lower >= 6 && lower * 10 >= words * 6;
}

static void mark_nonbib(seg *g)
{
	for (size_t q = 0; q < g->doc->nitems; q++) {
		lit_xitem *it = &g->doc->items[q];
		if (it->where == LIT_XW_LIST)
			continue;
		size_t rl = strlen(it->raw), loc;
		if (lit_xrepeat_kind(it->raw, rl, &loc))
			continue;
		int sc = lit_xbib_score(it->raw, rl);
		if (sc < 2 || (sc == 2 && dated_sentence(it->raw, rl))) {
			it->nonbib = 1;
			g->doc->n_nonbib++;
		}
	}
}

static void make_texts(seg *g)
{
	for (size_t q = 0; q < g->doc->nitems; q++) {
		lit_xitem *it = &g->doc->items[q];
		lit_buf b = LIT_BUF_INIT;
		const char *r = it->raw;
		size_t rl = strlen(r);
		/* "См.:", "См. также", "See also", "Cf." introduce the work: the
		 * parser gets the work alone (raw keeps them) */
		static const char *const intro[] = {
			"См., например:", "См., например,", "См., напр.:", "См. напр.:", "См. также:",
			"См. также", "См.:", "См. ", "Ср.:", "Ср. ", "See, e.g.,", "See, for example,",
			"See also:", "See also", "See:", "See ", "Cf.:", "Cf. ", "Подробнее см.:",
			"Подробнее см.", NULL
		};
		if (it->where != LIT_XW_LIST) {
			for (size_t k = 0; intro[k]; k++) {
				size_t m = strlen(intro[k]);
				if (rl > m + 3 && memcmp(r, intro[k], m) == 0) {
					r += m;
					rl -= m;
					while (rl && (*r == ' ' || *r == ':')) {
						r++;
						rl--;
					}
					break;
				}
			}
		}
		lit_xunwrap_markdown(&b, r, rl);
		if (lit_buf_status(&b)) {
			lit_buf_free(&b);
			g->doc->failed = 1;
			continue;
		}
		free(it->text);
		it->text = lit_buf_detach(&b, NULL);
	}
}

int lit_xsegment(lit_xdoc *doc, const lit_xinput *in)
{
	seg g;
	memset(&g, 0, sizeof g);
	g.doc = doc;
	g.in = in;
	g.tmp.max = (size_t)1 << 24;
	size_t first_item = doc->nitems;
	lit_xvocab_init(&g.vocab, in->text, in->len);
	if (in->len && split_lines(&g)) {
		doc->failed = 1;
		goto done;
	}
	mark_furniture(&g);
	find_lists(&g);
	build_label_index(&g);
	body_pass(&g);
	split_run_on(&g);
	add_given_notes(&g);
	link_notes_to_markers(&g);
	mark_nonbib(&g);
	split_multi(&g);
	if (doc->nitems > first_item)
		qsort(doc->items + first_item, doc->nitems - first_item, sizeof *doc->items,
		      cmp_items);
	resolve_repeats(&g);
	make_texts(&g);
done:
	free(g.lines);
	free(g.marks);
	free(g.bylabel);
	free(g.akeys);
	free(g.ahead);
	free(g.atail);
	free(g.anext);
	lit_buf_free(&g.tmp);
	lit_xvocab_free(&g.vocab);
	return doc->failed ? LIT_ENOMEM : LIT_OK;
}
