/*
 * csl_output.c - the output tree of the CSL processor: rich text inside
 * field values, text-case, and serialising to text, HTML, Markdown and RTF.
 *
 * Serialising keeps the set of active decorations so that a nested italic
 * inside italic flips to normal (flip-flop), nested quotes alternate between
 * outer and inner quote marks, and it keeps the last visible character so
 * that doubled punctuation at affix joins is dropped and, for locales with
 * punctuation-in-quote, a following period or comma moves inside the
 * closing quote.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <stdint.h>

#include "csl_int.h"
#include "util/utf8.h"

onode *lit_csl_onode(csl_arena *a, const char *text)
{
	onode *n = lit_csl_alloc(a, sizeof(*n));
	if (!n)
		return NULL;
	if (text) {
		n->text = lit_csl_strdup(a, text);
		if (!n->text)
			return NULL;
	}
	return n;
}

void lit_csl_onode_add(onode *p, onode *c)
{
	if (!p || !c)
		return;
	c->next = NULL;
	if (p->last)
		p->last->next = c;
	else
		p->child = c;
	p->last = c;
}

int lit_csl_onode_empty(const onode *n)
{
	if (!n)
		return 1;
	if (n->text)
		return !*n->text;
	for (const onode *k = n->child; k; k = k->next)
		if (!lit_csl_onode_empty(k))
			return 0;
	return 1;
}

/* ------------------------------------------------------------ rich text */

static int is_word_cp(int32_t cp)
{
	return cp > 0 && (lit_cp_is_letter((uint32_t)cp) || (cp >= '0' && cp <= '9'));
}

typedef struct rstack {
	onode *node;
	int kind;  /* 0 root, 1 i, 2 b, 3 sc, 4 sup, 5 sub, 6 nocase span, 7 dq, 8 sq, 9 span sc */
} rstack;

/* French spacing inside guillemets: "« x »" keeps its spaces as narrow
 * no-break spaces (U+202F), so a line never breaks inside the marks. */
static char *guillemet_spaces(csl_arena *a, const char *s)
{
	if (!strstr(s, "\xc2\xab ") && !strstr(s, " \xc2\xbb"))
		return NULL;
	lit_buf b = LIT_BUF_INIT;
	for (const char *p = s; *p;) {
		if (!strncmp(p, "\xc2\xab ", 3)) {
			lit_buf_puts(&b, "\xc2\xab\xe2\x80\xaf");
			p += 3;
			while (*p == ' ')
				p++;
		} else if (*p == ' ' && (p[strspn(p, " ")] == '\xc2' && p[strspn(p, " ") + 1] == '\xbb')) {
			lit_buf_puts(&b, "\xe2\x80\xaf\xc2\xbb");
			p += strspn(p, " ") + 2;
		} else {
			lit_buf_putc(&b, *p++);
		}
	}
	char *r = lit_buf_status(&b) ? NULL : lit_csl_strdup(a, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return r;
}

static void flush_text(csl_arena *a, onode *parent, lit_buf *t, int nocase)
{
	if (!t->len)
		return;
	char *g = guillemet_spaces(a, lit_buf_cstr(t));
	onode *l = lit_csl_onode(a, g ? g : lit_buf_cstr(t));
	if (l)
		l->nocase = (unsigned char)nocase;
	lit_csl_onode_add(parent, l);
	lit_buf_clear(t);
}

/* The first occurrence of a needle at or after a position, remembered: the
 * scanner asks with increasing positions, so each part of the text is
 * searched once per needle (asking strstr() from every opening tag made
 * text full of unclosed "<i>" quadratic). */
typedef struct next_cache {
	int valid;
	size_t from;    /* position the search started at */
	const char *at; /* what it found (NULL: none after `from`) */
} next_cache;

static const char *next_occ(next_cache *c, const char *s, size_t pos, const char *needle)
{
	if (c->valid && c->from <= pos && (!c->at || (size_t)(c->at - s) >= pos))
		return c->at;
	c->valid = 1;
	c->from = pos;
	c->at = strstr(s + pos, needle);
	return c->at;
}

onode *lit_csl_rich(csl_arena *a, const char *s)
{
	if (!s)
		return NULL;
	/* fast path: nothing special */
	if (!strpbrk(s, "<\"'") && !strstr(s, "\xe2\x80\x9c") && !strstr(s, "\xe2\x80\x98")) {
		const char *g = guillemet_spaces(a, s);
		return lit_csl_onode(a, g ? g : s);
	}
	static const struct { const char *open, *close; int kind; } tags[] = {
		{ "<i>", "</i>", 1 }, { "<b>", "</b>", 2 }, { "<sc>", "</sc>", 3 },
		{ "<sup>", "</sup>", 4 }, { "<sub>", "</sub>", 5 },
		{ "<span class=\"nocase\">", "</span>", 6 },
		{ "<span style=\"font-variant:small-caps;\">", "</span>", 9 },
		{ "<span style=\"font-variant: small-caps;\">", "</span>", 9 },
		{ "<span class=\"nodecor\">", "</span>", 10 },
	};
	onode *root = lit_csl_onode(a, NULL);
	if (!root)
		return NULL;
	rstack st[32];
	int sp = 0;
	st[0].node = root;
	st[0].kind = 0;
	lit_buf t = LIT_BUF_INIT;
	size_t len = strlen(s), i = 0;
	int nocase = 0;
	next_cache close_at[sizeof(tags) / sizeof(tags[0])], uq_at[2], dq_at, sq_at;
	memset(close_at, 0, sizeof(close_at));
	memset(uq_at, 0, sizeof(uq_at));
	memset(&dq_at, 0, sizeof(dq_at));
	memset(&sq_at, 0, sizeof(sq_at));
	while (i < len) {
		char ch = s[i];
		if (ch == '<') {
			int matched = 0;
			for (size_t k = 0; k < sizeof(tags) / sizeof(tags[0]) && !matched; k++) {
				size_t ol = strlen(tags[k].open);
				if (!strncmp(s + i, tags[k].open, ol) && sp < 31) {
					/* only open if a closing tag follows */
					if (!next_occ(&close_at[k], s, i + ol, tags[k].close))
						continue;
					flush_text(a, st[sp].node, &t, nocase);
					onode *n = lit_csl_onode(a, NULL);
					if (!n)
						break;
					n->rich = 1;
					switch (tags[k].kind) {
					case 1: n->fmt.font_style = FS_ITALIC; break;
					case 2: n->fmt.font_weight = FW_BOLD; break;
					case 3: case 9: n->fmt.font_variant = FV_SMALLCAPS; break;
					case 4: n->fmt.vertical_align = VA_SUP; break;
					case 5: n->fmt.vertical_align = VA_SUB; break;
					case 6: n->nocase = 1; break;
					case 10:
						n->fmt.font_style = FS_NORMAL;
						n->fmt.font_variant = FV_NORMAL;
						n->fmt.font_weight = FW_NORMAL;
						break;
					}
					lit_csl_onode_add(st[sp].node, n);
					sp++;
					st[sp].node = n;
					st[sp].kind = tags[k].kind;
					if (tags[k].kind >= 3)
						nocase++;
					i += ol;
					matched = 1;
				}
			}
			if (matched)
				continue;
			/* closing tag of the innermost open element */
			if (sp > 0 && (st[sp].kind < 7 || st[sp].kind == 10)) {
				const char *cl = NULL;
				for (size_t k = 0; k < sizeof(tags) / sizeof(tags[0]); k++)
					if (tags[k].kind == st[sp].kind)
						cl = tags[k].close;
				if (st[sp].kind == 9 || st[sp].kind == 10)
					cl = "</span>";
				if (cl && !strncmp(s + i, cl, strlen(cl))) {
					flush_text(a, st[sp].node, &t, nocase);
					if (st[sp].kind >= 3)
						nocase--;
					sp--;
					i += strlen(cl);
					continue;
				}
			}
			if (sp > 0 && st[sp].kind == 9 && !strncmp(s + i, "</span>", 7)) {
				flush_text(a, st[sp].node, &t, nocase);
				nocase--;
				sp--;
				i += 7;
				continue;
			}
			lit_buf_putc(&t, ch);
			i++;
			continue;
		}
		if ((unsigned char)ch == 0xe2 && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x9c || (unsigned char)s[i + 2] == 0x9d ||
		     (unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
			unsigned char q = (unsigned char)s[i + 2];
			int kind = q == 0x9c || q == 0x9d ? 7 : 8;
			int opening = q == 0x9c || q == 0x98;
			if (!opening && sp > 0 && st[sp].kind == kind) {
				flush_text(a, st[sp].node, &t, nocase);
				sp--;
				i += 3;
				continue;
			}
			const char *closer = kind == 7 ? "\xe2\x80\x9d" : "\xe2\x80\x99";
			if (opening && sp < 31 && next_occ(&uq_at[kind - 7], s, i + 3, closer)) {
				flush_text(a, st[sp].node, &t, nocase);
				onode *n = lit_csl_onode(a, NULL);
				n->rich = 1;
				n->fmt.quotes = 1;
				n->single_quote = kind == 8;
				lit_csl_onode_add(st[sp].node, n);
				sp++;
				st[sp].node = n;
				st[sp].kind = kind;
				i += 3;
				continue;
			}
			lit_buf_put(&t, s + i, 3);
			i += 3;
			continue;
		}
		if (ch == '"') {
			/* closing if a double quote is open */
			int open_idx = -1;
			for (int k = sp; k > 0; k--)
				if (st[k].kind == 7) {
					open_idx = k;
					break;
				}
			if (open_idx > 0 && open_idx == sp) {
				flush_text(a, st[sp].node, &t, nocase);
				sp--;
				i++;
				continue;
			}
			const char *cl = next_occ(&dq_at, s, i + 1, "\"");
			if (sp < 31 && cl && s[i + 1] != ' ' && cl[-1] != ' ') {
				flush_text(a, st[sp].node, &t, nocase);
				onode *n = lit_csl_onode(a, NULL);
				n->rich = 1;
				n->fmt.quotes = 1;
				lit_csl_onode_add(st[sp].node, n);
				sp++;
				st[sp].node = n;
				st[sp].kind = 7;
				i++;
				continue;
			}
			lit_buf_putc(&t, ch);
			i++;
			continue;
		}
		if (ch == '\'') {
			size_t adv;
			int32_t prev = -1, next = -1;
			if (i > 0) {
				size_t j = i - 1;
				while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
					j--;
				prev = lit_utf8_decode(s + j, len - j, &adv);
			}
			if (i + 1 < len)
				next = lit_utf8_decode(s + i + 1, len - i - 1, &adv);
			int open_here = sp > 0 && st[sp].kind == 8;
			if (open_here && !is_word_cp(next) && prev != ' ') {
				flush_text(a, st[sp].node, &t, nocase);
				sp--;
				i++;
				continue;
			}
			if ((prev < 0 || prev == ' ' || prev == '(' || prev == '[' ) && next > 0 && next != ' ' &&
			    sp < 31 && next_occ(&sq_at, s, i + 1, "'")) {
				flush_text(a, st[sp].node, &t, nocase);
				onode *n = lit_csl_onode(a, NULL);
				n->rich = 1;
				n->fmt.quotes = 1;
				lit_csl_onode_add(st[sp].node, n);
				sp++;
				st[sp].node = n;
				st[sp].kind = 8;
				i++;
				continue;
			}
			lit_buf_puts(&t, "\xe2\x80\x99");
			i++;
			continue;
		}
		lit_buf_putc(&t, ch);
		i++;
	}
	flush_text(a, st[sp].node, &t, nocase);
	lit_buf_free(&t);
	return root;
}

/* ------------------------------------------------------------ text-case */

static const char *const stop_words[] = {
	"a", "about", "above", "across", "afore", "after", "against", "along", "alongside", "amid",
	"amidst", "among", "amongst", "an", "and", "anenst", "apropos", "apud", "around", "as", "aside",
	"astride", "at", "athwart", "atop", "barring", "before", "behind", "below", "beneath", "beside",
	"besides", "between", "beyond", "but", "by", "circa", "despite", "down", "during", "except",
	"for", "forenenst", "from", "given", "in", "inside", "into", "lest", "like", "modulo", "near",
	"next", "nor", "notwithstanding", "of", "off", "on", "onto", "or", "out", "over", "per", "plus",
	"pro", "qua", "sans", "since", "so", "than", "the", "through", "thru", "throughout", "thruout",
	"till", "to", "toward", "towards", "under", "underneath", "until", "unto", "up", "upon", "versus",
	"vs.", "v.", "via", "vis-à-vis", "with", "within", "without", "worth", "yet",
	/* name particles stay lower case too ("John von Doe", "de l'Égypte") */
	"de", "van", "von", NULL
};

static int is_stop(const char *w, size_t l)
{
	for (int i = 0; stop_words[i]; i++)
		if (strlen(stop_words[i]) == l && !strncmp(stop_words[i], w, l))
			return 1;
	return 0;
}

typedef struct tcstate {
	int mode;
	int first_done;     /* capitalize-first / sentence: first letter seen */
	int word_start;
	int all_upper_input;
	int after_colon;
	int english;
	int turkic;         /* tr, az: dotted capital İ, dotless small ı */
	int words_seen;
} tcstate;

static uint32_t tc_upper(const tcstate *st, uint32_t cp)
{
	return st->turkic && cp == 'i' ? 0x130 : lit_cp_toupper(cp);
}

static uint32_t tc_lower(const tcstate *st, uint32_t cp)
{
	return st->turkic && cp == 'I' ? 0x131 : lit_cp_tolower(cp);
}

static void collect_leaves(onode *n, onode **arr, int *cnt, int max)
{
	if (n->text) {
		if (*cnt < max)
			arr[(*cnt)++] = n;
		return;
	}
	for (onode *k = n->child; k; k = k->next)
		collect_leaves(k, arr, cnt, max);
}

static int has_lower(const char *s)
{
	size_t l = strlen(s), i = 0;
	while (i < l) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + i, l - i, &adv);
		i += adv;
		if (cp > 0 && lit_cp_is_letter((uint32_t)cp) && !lit_cp_is_upper((uint32_t)cp) &&
		    lit_cp_toupper((uint32_t)cp) != (uint32_t)cp)
			return 1;
	}
	return 0;
}

/* The word (letters, digits, apostrophes) starting at s[i]. */
static size_t word_len(const char *s, size_t len, size_t i)
{
	size_t j = i;
	while (j < len) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + j, len - j, &adv);
		if (!(is_word_cp(cp) || cp == '\'' || cp == 0x2019 || cp == '.'))
			break;
		j += adv;
	}
	return j - i;
}

static int word_has_upper_after_first(const char *w, size_t l)
{
	size_t i = 0, adv;
	lit_utf8_decode(w, l, &adv);
	i = adv;
	while (i < l) {
		int32_t cp = lit_utf8_decode(w + i, l - i, &adv);
		if (cp > 0 && lit_cp_is_upper((uint32_t)cp))
			return 1;
		i += adv;
	}
	return 0;
}

static char *case_leaf(csl_arena *a, const char *s, tcstate *st, int nocase, int last_leaf)
{
	lit_buf b = LIT_BUF_INIT;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + i, len - i, &adv);
		if (cp < 0) {
			lit_buf_put(&b, s + i, adv);
			i += adv;
			continue;
		}
		if (!is_word_cp(cp)) {
			if (cp == ':' || cp == '?' || cp == '!')
				st->after_colon = 1;
			st->word_start = 1;
			if (cp == '\'' || cp == 0x2019 || cp == '`') {
				/* apostrophe inside a word keeps it going */
				if (i > 0 && i + adv < len) {
					size_t a2;
					int32_t nx = lit_utf8_decode(s + i + adv, len - i - adv, &a2);
					if (is_word_cp(nx))
						st->word_start = 0;
				}
			}
			lit_buf_put(&b, s + i, adv);
			i += adv;
			continue;
		}
		if (nocase) {
			lit_buf_put(&b, s + i, adv);
			i += adv;
			st->first_done = 1;
			if (st->word_start)
				st->after_colon = 0;
			st->word_start = 0;
			st->words_seen++;
			continue;
		}
		int ws = st->word_start;
		size_t wl = ws ? word_len(s, len, i) : 0;
		uint32_t out = (uint32_t)cp;
		switch (st->mode) {
		case TC_LOWER:
			out = tc_lower(st, out);
			break;
		case TC_UPPER:
			out = tc_upper(st, out);
			break;
		case TC_CAPFIRST:
			if (!st->first_done)
				out = tc_upper(st, out);
			break;
		case TC_CAPALL:
			if (ws)
				out = tc_upper(st, out);
			break;
		case TC_SENTENCE:
			if (!st->first_done)
				out = tc_upper(st, out);
			else if (st->all_upper_input)
				out = tc_lower(st, out);
			else if (ws && !word_has_upper_after_first(s + i, wl))
				out = tc_lower(st, out);
			break;
		case TC_TITLE:
			if (!st->english)
				break;
			if (ws && !lit_cp_is_latin((uint32_t)cp)) {
				st->words_seen++;
				break;
			}
			if (ws && i > 0 && s[i - 1] == '-' && wl == 1) {
				/* a single letter after a hyphen ("07-x") stays */
				st->words_seen++;
				break;
			}
			if (ws) {
				int stop = is_stop(s + i, wl) && st->words_seen > 0 && !st->after_colon &&
				           !(i + wl < len && s[i + wl] == '-' && !(i > 0 && s[i - 1] == '-'));
				/* the last word is never a stop word */
				if (stop && last_leaf) {
					size_t j = i + wl;
					while (j < len && !is_word_cp((int32_t)(unsigned char)s[j]) && s[j] != ' ')
						j++;
					int more = 0;
					for (size_t q = j; q < len; q++)
						if (is_word_cp((int32_t)(unsigned char)s[q]) || ((unsigned char)s[q] & 0x80))
							more = 1;
					if (!more)
						stop = 0;
				}
				int lower_word = !word_has_upper_after_first(s + i, wl) && !lit_cp_is_upper(out);
				if (stop) {
					if (lower_word)
						out = tc_lower(st, out);
				} else if (lower_word) {
					out = tc_upper(st, out);
				}
			}
			break;
		}
		if (ws) {
			st->words_seen++;
			st->after_colon = 0;
		}
		st->first_done = 1;
		st->word_start = 0;
		lit_buf_put_cp(&b, out);
		i += adv;
	}
	char *r = lit_csl_strdup(a, lit_buf_cstr(&b));
	lit_buf_free(&b);
	return r;
}

void lit_csl_text_case(csl_arena *a, onode *n, int tc, const char *lang)
{
	onode *leaves[512];
	int cnt = 0;
	if (!n || !tc)
		return;
	collect_leaves(n, leaves, &cnt, 512);
	tcstate st = { 0 };
	st.mode = tc;
	st.word_start = 1;
	st.english = !lang || !*lang || !strncmp(lang, "en", 2);
	st.turkic = lang && (!strncmp(lang, "tr", 2) || !strncmp(lang, "az", 2)) &&
	            (!lang[2] || lang[2] == '-' || lang[2] == '_');
	if (tc == TC_SENTENCE || tc == TC_TITLE) {
		int any_lower = 0;
		for (int i = 0; i < cnt; i++)
			if (!leaves[i]->nocase && has_lower(leaves[i]->text))
				any_lower = 1;
		st.all_upper_input = !any_lower;
	}
	/* nocase inherited from containers */
	for (int i = 0; i < cnt; i++) {
		char *r = case_leaf(a, leaves[i]->text, &st, leaves[i]->nocase, i == cnt - 1);
		if (r)
			leaves[i]->text = r;
	}
}

/* ------------------------------------------------------------ serialise */

typedef struct writer {
	lit_buf *b;
	int format;
	const csl_locale *loc;
	int italic, bold, smallcaps, quote_depth;
	int32_t last;          /* last visible code point */
	size_t close_quote_at; /* buffer offset of the last close quote + 1, 0 none */
	size_t close_quote_len;
	size_t quote_punct_at; /* offset of a lone ':' or ';' written right after a close quote */
	int piq;
	int user;              /* inside user text: its quotes take no punctuation in */
} writer;

static void put_raw(writer *w, const char *s)
{
	lit_buf_puts(w->b, s);
}

static const struct { uint32_t cp; const char *base; } supers[] = {
	{ 0xaa, "a" }, { 0xb2, "2" }, { 0xb3, "3" }, { 0xb9, "1" }, { 0xba, "o" },
	{ 0x2b0, "h" }, { 0x2b1, "\xc9\xa6" }, { 0x2b2, "j" }, { 0x2b3, "r" }, { 0x2b4, "\xc9\xb9" },
	{ 0x2b5, "\xc9\xbb" }, { 0x2b6, "\xca\x81" }, { 0x2b7, "w" }, { 0x2b8, "y" }, { 0x2e0, "\xc9\xa3" },
	{ 0x2e1, "l" }, { 0x2e2, "s" }, { 0x2e3, "x" }, { 0x2e4, "\xca\x95" },
	{ 0x1d2c, "A" }, { 0x1d2d, "\xc3\x86" }, { 0x1d2e, "B" }, { 0x1d30, "D" }, { 0x1d31, "E" },
	{ 0x1d32, "\xc6\x8e" }, { 0x1d33, "G" }, { 0x1d34, "H" }, { 0x1d35, "I" }, { 0x1d36, "J" },
	{ 0x1d37, "K" }, { 0x1d38, "L" }, { 0x1d39, "M" }, { 0x1d3a, "N" }, { 0x1d3c, "O" },
	{ 0x1d3d, "\xc8\xa2" }, { 0x1d3e, "P" }, { 0x1d3f, "R" }, { 0x1d40, "T" }, { 0x1d41, "U" },
	{ 0x1d42, "W" }, { 0x1d43, "a" }, { 0x1d44, "\xc9\x90" }, { 0x1d45, "\xc9\x91" },
	{ 0x1d46, "\xe1\xb4\x82" }, { 0x1d47, "b" }, { 0x1d48, "d" }, { 0x1d49, "e" },
	{ 0x1d4a, "\xc9\x99" }, { 0x1d4b, "\xc9\x9b" }, { 0x1d4c, "\xc9\x9c" }, { 0x1d4d, "g" },
	{ 0x1d4f, "k" }, { 0x1d50, "m" }, { 0x1d51, "\xc5\x8b" }, { 0x1d52, "o" }, { 0x1d53, "\xc9\x94" },
	{ 0x1d54, "\xe1\xb4\x96" }, { 0x1d55, "\xe1\xb4\x97" }, { 0x1d56, "p" }, { 0x1d57, "t" },
	{ 0x1d58, "u" }, { 0x1d59, "\xe1\xb4\x9d" }, { 0x1d5a, "\xc9\xaf" }, { 0x1d5b, "v" },
	{ 0x1d5c, "\xe1\xb4\xa5" }, { 0x1d5d, "\xce\xb2" }, { 0x1d5e, "\xce\xb3" }, { 0x1d5f, "\xce\xb4" },
	{ 0x1d60, "\xcf\x86" }, { 0x1d61, "\xcf\x87" }, { 0x2070, "0" }, { 0x2071, "i" }, { 0x2074, "4" },
	{ 0x2075, "5" }, { 0x2076, "6" }, { 0x2077, "7" }, { 0x2078, "8" }, { 0x2079, "9" }, { 0x207a, "+" },
	{ 0x207b, "\xe2\x88\x92" }, { 0x207c, "=" }, { 0x207d, "(" }, { 0x207e, ")" }, { 0x207f, "n" },
	{ 0x2120, "SM" }, { 0x2122, "TM" }, { 0x3192, "\xe4\xb8\x80" }, { 0x3193, "\xe4\xba\x8c" },
	{ 0x3194, "\xe4\xb8\x89" }, { 0x3195, "\xe5\x9b\x9b" }, { 0x3196, "\xe4\xb8\x8a" },
	{ 0x3197, "\xe4\xb8\xad" }, { 0x3198, "\xe4\xb8\x8b" }, { 0x3199, "\xe7\x94\xb2" },
	{ 0x319a, "\xe4\xb9\x99" }, { 0x319b, "\xe4\xb8\x99" }, { 0x319c, "\xe4\xb8\x81" },
	{ 0x319d, "\xe5\xa4\xa9" }, { 0x319e, "\xe5\x9c\xb0" }, { 0x319f, "\xe4\xba\xba" },
	{ 0x02c0, "\xca\x94" }, { 0x02c1, "\xca\x95" }, { 0x06e5, "\xd9\x88" }, { 0x06e6, "\xd9\x8a" },
};

static const char *super_base(uint32_t cp)
{
	for (size_t i = 0; i < sizeof(supers) / sizeof(supers[0]); i++)
		if (supers[i].cp == cp)
			return supers[i].base;
	return NULL;
}

static void put_escaped(writer *w, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (w->format == OUT_HTML && ch >= 0xc2) {
			size_t adv;
			int32_t cp = lit_utf8_decode(s + i, len - i, &adv);
			const char *base = cp > 0 ? super_base((uint32_t)cp) : NULL;
			if (base) {
				lit_buf_puts(w->b, "<sup>");
				lit_buf_puts(w->b, base);
				lit_buf_puts(w->b, "</sup>");
				i += adv - 1;
				continue;
			}
		}
		if (w->format == OUT_HTML) {
			if (ch == '&')
				lit_buf_puts(w->b, "&#38;");
			else if (ch == '<')
				lit_buf_puts(w->b, "&#60;");
			else if (ch == '>')
				lit_buf_puts(w->b, "&#62;");
			else
				lit_buf_putc(w->b, ch);
		} else if (w->format == OUT_RTF) {
			if (ch == '\\' || ch == '{' || ch == '}') {
				lit_buf_putc(w->b, '\\');
				lit_buf_putc(w->b, ch);
			} else if (ch >= 0x80) {
				size_t adv;
				int32_t cp = lit_utf8_decode(s + i, len - i, &adv);
				if (cp < 0)
					cp = '?';
				lit_buf_printf(w->b, "\\uc0\\u%d ", cp > 32767 ? cp - 65536 : cp);
				i += adv - 1;
			} else {
				lit_buf_putc(w->b, ch);
			}
		} else if (w->format == OUT_MD) {
			if (ch == '*' || ch == '_' || ch == '\\' || ch == '^' || ch == '~' || ch == '`')
				lit_buf_putc(w->b, '\\');
			lit_buf_putc(w->b, ch);
		} else {
			lit_buf_putc(w->b, ch);
		}
	}
}

static int32_t last_cp(const char *s, size_t len)
{
	if (!len)
		return 0;
	size_t j = len - 1;
	while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
		j--;
	size_t adv;
	return lit_utf8_decode(s + j, len - j, &adv);
}

/* Visible text with punctuation clean-up at joins. */
static void put_text(writer *w, const char *s)
{
	size_t len = strlen(s);
	if (!len)
		return;
	/* drop doubled punctuation / spaces at the join */
	while (len && w->last) {
		char c0 = s[0];
		if (c0 == ' ' && (w->last == ' ' || w->last == 0xa0)) {
			s++, len--;
			continue;
		}
		if (c0 == '.' && (w->last == '.' || w->last == '?' || w->last == '!' || w->last == 0x2026 ||
		                  w->last == ':' || w->last == ';')) {
			s++, len--;
			continue;
		}
		if ((c0 == ',' || c0 == ';' || c0 == ':' || c0 == '!' || c0 == '?') && w->last == c0) {
			s++, len--;
			continue;
		}
		if (c0 == ':' && (w->last == ';' || w->last == '!' || w->last == '?')) {
			s++, len--;
			continue;
		}
		if ((c0 == '!' || c0 == '?') && (w->last == ':' || w->last == ';') &&
		    w->b->len && w->b->ptr[w->b->len - 1] == (char)w->last) {
			if (w->piq && w->quote_punct_at && w->quote_punct_at + 1 == w->b->len) {
				/* “colon”: + "!" = “colon!”: the mark replaces it inside the quote */
				w->b->len--;
				w->b->ptr[w->b->len] = 0;
				w->close_quote_at = w->quote_punct_at;
				w->quote_punct_at = 0;
				w->last = last_cp(w->b->ptr, w->b->len);
				break;
			}
			w->b->ptr[w->b->len - 1] = c0;
			w->last = c0;
			s++, len--;
			continue;
		}
		break;
	}
	if (!len)
		return;
	/* punctuation-in-quote: "." or "," right after a closing quote moves inside */
	if (w->piq && w->close_quote_at && (s[0] == '.' || s[0] == ',' || s[0] == '!' || s[0] == '?')) {
		size_t at = w->close_quote_at - w->close_quote_len;
		/* also inside inner closing quotes right before it */
		while (at >= 3 && (unsigned char)w->b->ptr[at - 3] == 0xe2 && (unsigned char)w->b->ptr[at - 2] == 0x80 &&
		       ((unsigned char)w->b->ptr[at - 1] == 0x99 || (unsigned char)w->b->ptr[at - 1] == 0x9d))
			at -= 3;
		char pc = s[0];
		/* insert before the close quote, unless the quoted text already ends
		 * in it or, for a period, in a question or exclamation mark; marks
		 * add up inside (“comma,.”, “period.!”), and the quote stays the
		 * place for more of them */
		int32_t before = last_cp(w->b->ptr, at);
		if (!(before == pc || (pc == '.' && (before == '?' || before == '!')))) {
			if (lit_buf_putc(w->b, 0) == 0) {
				memmove(w->b->ptr + at + 1, w->b->ptr + at, w->b->len - 1 - at);
				w->b->ptr[at] = pc;
				w->b->ptr[w->b->len] = 0;
				w->close_quote_at++;
			}
			before = pc;
		}
		w->last = before;
		s++, len--;
		if (!len)
			return;
	}
	size_t qp = w->piq && w->close_quote_at && w->close_quote_at == w->b->len && len == 1 &&
	            (s[0] == ':' || s[0] == ';') ? w->b->len : 0;
	put_escaped(w, s, len);
	w->last = last_cp(s, len);
	w->close_quote_at = 0;
	w->quote_punct_at = qp;
}

static void open_tag(writer *w, const char *html, const char *md, const char *rtf)
{
	if (w->format == OUT_HTML)
		put_raw(w, html);
	else if (w->format == OUT_MD)
		put_raw(w, md);
	else if (w->format == OUT_RTF)
		put_raw(w, rtf);
	w->close_quote_at = 0;
}

static void serialize(writer *w, const onode *n);

static const char *pick_close(const writer *w, const char *html, const char *md, const char *rtf)
{
	return w->format == OUT_HTML ? html : w->format == OUT_MD ? md : w->format == OUT_RTF ? rtf : "";
}

static void serialize_children(writer *w, const onode *n)
{
	int first = 1;
	for (const onode *k = n->child; k; k = k->next) {
		if (lit_csl_onode_empty(k))
			continue;
		if (!first && n->delim && *n->delim)
			put_text(w, n->delim);
		first = 0;
		serialize(w, k);
	}
}

static void serialize_node(writer *w, const onode *n);

static void serialize(writer *w, const onode *n)
{
	if (n->no_piq) {
		w->user++;
		serialize_node(w, n);
		w->user--;
	} else {
		serialize_node(w, n);
	}
}

static void serialize_node(writer *w, const onode *n)
{
	if (n->text) {
		put_text(w, n->text);
		return;
	}
	if (lit_csl_onode_empty(n))
		return;
	const csl_fmt *f = &n->fmt;
	if (f->display && w->format == OUT_HTML) {
		static const char *const cls[] = { "", "csl-block", "csl-left-margin", "csl-right-inline", "csl-indent" };
		if (f->display == DISP_BLOCK)
			lit_buf_puts(w->b, "\n\n    ");
		else if (f->display == DISP_LEFT)
			lit_buf_puts(w->b, "\n    ");
		lit_buf_printf(w->b, "<div class=\"%s\">", cls[f->display]);
	}
	if (f->prefix)
		put_text(w, f->prefix);
	/* decorations, outermost first */
	int o_it = w->italic, o_b = w->bold, o_sc = w->smallcaps;
	const char *closes[8];
	int nc = 0;
	if (f->vertical_align == VA_SUP) {
		open_tag(w, "<sup>", "^", "{\\super ");
		closes[nc++] = pick_close(w, "</sup>", "^", "}");
	} else if (f->vertical_align == VA_SUB) {
		open_tag(w, "<sub>", "~", "{\\sub ");
		closes[nc++] = pick_close(w, "</sub>", "~", "}");
	} else if (f->vertical_align == VA_BASELINE && !n->rich) {
		open_tag(w, "<span style=\"baseline\">", "", "{\\nosupersub ");
		closes[nc++] = pick_close(w, "</span>", "", "}");
	}
	if (f->text_decoration == TD_UNDERLINE) {
		open_tag(w, "<span style=\"text-decoration:underline;\">", "", "{\\ul ");
		closes[nc++] = pick_close(w, "</span>", "", "}");
	} else if (f->text_decoration == TD_NONE && !n->rich) {
		open_tag(w, "<span style=\"text-decoration:none;\">", "", "{\\ul0 ");
		closes[nc++] = pick_close(w, "</span>", "", "}");
	}
	if (f->font_weight == FW_BOLD) {
		if (w->bold) {
			open_tag(w, "<span style=\"font-weight:normal;\">", "", "{\\b0 ");
			closes[nc++] = pick_close(w, "</span>", "", "}");
			w->bold = 0;
		} else {
			open_tag(w, "<b>", "**", "{\\b ");
			closes[nc++] = pick_close(w, "</b>", "**", "}");
			w->bold = 1;
		}
	} else if (f->font_weight == FW_NORMAL && w->bold) {
		open_tag(w, "<span style=\"font-weight:normal;\">", "", "{\\b0 ");
		closes[nc++] = pick_close(w, "</span>", "", "}");
		w->bold = 0;
	} else if (f->font_weight == FW_LIGHT) {
		open_tag(w, "<span style=\"font-weight:light;\">", "", "{\\b0 ");
		closes[nc++] = pick_close(w, "</span>", "", "}");
	}
	if (f->font_variant == FV_SMALLCAPS) {
		if (w->smallcaps) {
			open_tag(w, "<span style=\"font-variant:normal;\">", "", "{\\scaps0 ");
			closes[nc++] = pick_close(w, "</span>", "", "}");
			w->smallcaps = 0;
		} else {
			open_tag(w, "<span style=\"font-variant:small-caps;\">", "[", "{\\scaps ");
			closes[nc++] = pick_close(w, "</span>", "]{.smallcaps}", "}");
			w->smallcaps = 1;
		}
	} else if (f->font_variant == FV_NORMAL && w->smallcaps) {
		open_tag(w, "<span style=\"font-variant:normal;\">", "", "{\\scaps0 ");
		closes[nc++] = pick_close(w, "</span>", "", "}");
		w->smallcaps = 0;
	}
	if (f->font_style == FS_ITALIC || f->font_style == FS_OBLIQUE) {
		if (w->italic && n->rich) {
			open_tag(w, "<span style=\"font-style:normal;\">", "", "{\\i0 ");
			closes[nc++] = pick_close(w, "</span>", "", "}");
			w->italic = 0;
		} else if (w->italic && f->font_style == FS_ITALIC) {
			open_tag(w, "<span style=\"font-style:normal;\">", "", "{\\i0 ");
			closes[nc++] = pick_close(w, "</span>", "", "}");
			w->italic = 0;
		} else if (f->font_style == FS_OBLIQUE) {
			open_tag(w, "<span style=\"font-style:oblique;\">", "*", "{\\i ");
			closes[nc++] = pick_close(w, "</span>", "*", "}");
			w->italic = 1;
		} else {
			open_tag(w, "<i>", "*", "{\\i ");
			closes[nc++] = pick_close(w, "</i>", "*", "}");
			w->italic = 1;
		}
	} else if (f->font_style == FS_NORMAL && w->italic) {
		open_tag(w, "<span style=\"font-style:normal;\">", "", "{\\i0 ");
		closes[nc++] = pick_close(w, "</span>", "", "}");
		w->italic = 0;
	}
	const char *cq = NULL;
	int qstep = 1;
	if (f->quotes) {
		int inner = w->quote_depth % 2 == 1;
		if (n->single_quote && w->quote_depth == 0) {
			/* typographic single quotes (‘…’) outside any quotes stay
			 * single (straight '…' become double); quotes inside them
			 * are double again */
			inner = 1;
			qstep = 2;
		}
		const char *oq = lit_csl_term_str(w->loc, inner ? "open-inner-quote" : "open-quote", "long", 0);
		cq = lit_csl_term_str(w->loc, inner ? "close-inner-quote" : "close-quote", "long", 0);
		if (!oq)
			oq = inner ? "\xe2\x80\x98" : "\xe2\x80\x9c";
		if (!cq)
			cq = inner ? "\xe2\x80\x99" : "\xe2\x80\x9d";
		put_text(w, oq);
		w->quote_depth += qstep;
	}
	serialize_children(w, n);
	if (cq) {
		w->quote_depth -= qstep;
		int32_t inside = last_cp(w->b->ptr, w->b->len);
		put_escaped(w, cq, strlen(cq));
		w->last = last_cp(cq, strlen(cq));
		if (w->piq && (inside == '!' || inside == '?' || inside == '.' || inside == ','))
			w->last = inside;
		w->close_quote_at = w->user ? 0 : w->b->len;
		w->close_quote_len = strlen(cq);
	}
	for (int i = nc - 1; i >= 0; i--)
		put_raw(w, closes[i]);
	w->italic = o_it;
	w->bold = o_b;
	w->smallcaps = o_sc;
	if (f->suffix)
		put_text(w, f->suffix);
	if (f->display && w->format == OUT_HTML)
		put_raw(w, f->display == DISP_BLOCK ? "</div>\n" : "</div>");
	else if (f->display == DISP_LEFT && w->format != OUT_HTML)
		put_text(w, " ");
}

void lit_csl_serialize(lit_buf *b, const onode *n, int format, const csl_locale *loc)
{
	writer w;
	memset(&w, 0, sizeof(w));
	w.b = b;
	w.format = format;
	w.loc = loc;
	w.piq = loc ? loc->punctuation_in_quote : 0;
	if (n)
		serialize(&w, n);
}

void lit_csl_plain(lit_buf *b, const onode *n)
{
	if (!n)
		return;
	if (n->text) {
		lit_buf_puts(b, n->text);
		return;
	}
	int first = 1;
	if (n->fmt.prefix && !lit_csl_onode_empty(n))
		lit_buf_puts(b, n->fmt.prefix);
	for (const onode *k = n->child; k; k = k->next) {
		if (lit_csl_onode_empty(k))
			continue;
		if (!first && n->delim)
			lit_buf_puts(b, n->delim);
		first = 0;
		lit_csl_plain(b, k);
	}
	if (n->fmt.suffix && !lit_csl_onode_empty(n))
		lit_buf_puts(b, n->fmt.suffix);
}
