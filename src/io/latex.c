/*
 * latex.c - LaTeX as written in BibTeX fields to Unicode (one iterative
 * pass with an explicit brace stack, so nesting depth is only bounded by
 * the input), and the reverse escaping used by the BibTeX writers.
 *
 * An accent is applied by composing (NFC) the base letter with a combining
 * mark, which covers every letter without a table of precomposed forms (\u{и} -> й, \"{е} -> ё, \v{s} -> š).
 */
#include <string.h>

#include "litera/common.h"
#include "io/latex.h"
#include "util/utf8.h"

#include <stdlib.h>

enum cmd_kind {
	K_SYM,      /* a symbol: cp, or text */
	K_SYMSP,    /* a symbol that keeps the following space (\No 5 -> № 5) */
	K_ACCENT,   /* combining accent on the next letter */
	K_UNWRAP,   /* drop the command, keep its argument (\textit{x}) */
	K_DROPARG,  /* drop the first argument, keep the second (\href{u}{t}) */
	K_DROPALL,  /* drop the command and its argument (\selectlanguage{x}) */
	K_VERB,     /* the argument verbatim (\url{...}) */
	K_NOP       /* nothing (\relax, \cyrchar, \selectfont) */
};

typedef struct cmd_def {
	const char *name;
	unsigned char kind;
	unsigned cp;
	const char *text;
} cmd_def;

static const cmd_def commands[] = {
	/* accents with letter names */
	{ "c", K_ACCENT, 0x327, NULL }, { "v", K_ACCENT, 0x30C, NULL },
	{ "u", K_ACCENT, 0x306, NULL }, { "H", K_ACCENT, 0x30B, NULL },
	{ "k", K_ACCENT, 0x328, NULL }, { "r", K_ACCENT, 0x30A, NULL },
	{ "d", K_ACCENT, 0x323, NULL }, { "b", K_ACCENT, 0x331, NULL },
	{ "t", K_ACCENT, 0x361, NULL }, { "G", K_ACCENT, 0x30F, NULL },
	/* letters */
	{ "ss", K_SYM, 0xDF, NULL }, { "SS", K_SYM, 0x1E9E, NULL },
	{ "ae", K_SYM, 0xE6, NULL }, { "AE", K_SYM, 0xC6, NULL },
	{ "oe", K_SYM, 0x153, NULL }, { "OE", K_SYM, 0x152, NULL },
	{ "o", K_SYM, 0xF8, NULL }, { "O", K_SYM, 0xD8, NULL },
	{ "aa", K_SYM, 0xE5, NULL }, { "AA", K_SYM, 0xC5, NULL },
	{ "l", K_SYM, 0x142, NULL }, { "L", K_SYM, 0x141, NULL },
	{ "i", K_SYM, 0x131, NULL }, { "j", K_SYM, 0x237, NULL },
	{ "dh", K_SYM, 0xF0, NULL }, { "DH", K_SYM, 0xD0, NULL },
	{ "th", K_SYM, 0xFE, NULL }, { "TH", K_SYM, 0xDE, NULL },
	{ "ng", K_SYM, 0x14B, NULL }, { "NG", K_SYM, 0x14A, NULL },
	{ "dj", K_SYM, 0x111, NULL }, { "DJ", K_SYM, 0x110, NULL },
	/* punctuation and symbols */
	{ "textendash", K_SYM, 0x2013, NULL }, { "textemdash", K_SYM, 0x2014, NULL },
	{ "textquoteleft", K_SYM, 0x2018, NULL }, { "textquoteright", K_SYM, 0x2019, NULL },
	{ "textquotedblleft", K_SYM, 0x201C, NULL }, { "textquotedblright", K_SYM, 0x201D, NULL },
	{ "textquotedbl", K_SYM, '"', NULL }, { "quotedblbase", K_SYM, 0x201E, NULL },
	{ "guillemotleft", K_SYM, 0xAB, NULL }, { "guillemotright", K_SYM, 0xBB, NULL },
	{ "guillemetleft", K_SYM, 0xAB, NULL }, { "guillemetright", K_SYM, 0xBB, NULL },
	{ "flqq", K_SYM, 0xAB, NULL }, { "frqq", K_SYM, 0xBB, NULL },
	{ "glqq", K_SYM, 0x201E, NULL }, { "grqq", K_SYM, 0x201C, NULL },
	{ "No", K_SYMSP, 0x2116, NULL }, { "textnumero", K_SYMSP, 0x2116, NULL },
	{ "S", K_SYM, 0xA7, NULL }, { "textsection", K_SYM, 0xA7, NULL },
	{ "P", K_SYM, 0xB6, NULL }, { "textparagraph", K_SYM, 0xB6, NULL },
	{ "copyright", K_SYM, 0xA9, NULL }, { "textcopyright", K_SYM, 0xA9, NULL },
	{ "textregistered", K_SYM, 0xAE, NULL }, { "texttrademark", K_SYM, 0x2122, NULL },
	{ "dag", K_SYM, 0x2020, NULL }, { "ddag", K_SYM, 0x2021, NULL },
	{ "textdagger", K_SYM, 0x2020, NULL }, { "textdaggerdbl", K_SYM, 0x2021, NULL },
	{ "ldots", K_SYM, 0x2026, NULL }, { "dots", K_SYM, 0x2026, NULL },
	{ "textellipsis", K_SYM, 0x2026, NULL },
	{ "textbackslash", K_SYM, '\\', NULL }, { "textasciitilde", K_SYM, '~', NULL },
	{ "textasciicircum", K_SYM, '^', NULL }, { "textunderscore", K_SYM, '_', NULL },
	{ "textbar", K_SYM, '|', NULL }, { "textless", K_SYM, '<', NULL },
	{ "textgreater", K_SYM, '>', NULL }, { "textbraceleft", K_SYM, '{', NULL },
	{ "textbraceright", K_SYM, '}', NULL }, { "textdollar", K_SYM, '$', NULL },
	{ "textdegree", K_SYM, 0xB0, NULL }, { "textbullet", K_SYM, 0x2022, NULL },
	{ "textperiodcentered", K_SYM, 0xB7, NULL }, { "pounds", K_SYM, 0xA3, NULL },
	{ "textsterling", K_SYM, 0xA3, NULL }, { "euro", K_SYM, 0x20AC, NULL },
	{ "texteuro", K_SYM, 0x20AC, NULL }, { "textordfeminine", K_SYM, 0xAA, NULL },
	{ "textordmasculine", K_SYM, 0xBA, NULL }, { "textexclamdown", K_SYM, 0xA1, NULL },
	{ "textquestiondown", K_SYM, 0xBF, NULL }, { "textminus", K_SYM, 0x2212, NULL },
	{ "textonehalf", K_SYM, 0xBD, NULL }, { "textmu", K_SYM, 0xB5, NULL },
	{ "textvisiblespace", K_SYM, 0x2423, NULL },
	{ "textquotesingle", K_SYM, '\'', NULL }, { "textasciigrave", K_SYM, '`', NULL },
	{ "textasciiacute", K_SYM, 0xB4, NULL }, { "textasciidieresis", K_SYM, 0xA8, NULL },
	{ "textasciimacron", K_SYM, 0xAF, NULL }, { "textperthousand", K_SYM, 0x2030, NULL },
	{ "textpm", K_SYM, 0xB1, NULL }, { "texttimes", K_SYM, 0xD7, NULL },
	{ "textdiv", K_SYM, 0xF7, NULL }, { "textcent", K_SYM, 0xA2, NULL },
	{ "textyen", K_SYM, 0xA5, NULL }, { "textrubl", K_SYM, 0x20BD, NULL },
	{ "textleftarrow", K_SYM, 0x2190, NULL }, { "textrightarrow", K_SYM, 0x2192, NULL },
	{ "enskip", K_SYM, ' ', NULL }, { "hfill", K_SYM, ' ', NULL },
	{ "allowbreak", K_NOP, 0, NULL }, { "nobreak", K_NOP, 0, NULL },
	{ "break", K_NOP, 0, NULL }, { "hyp", K_SYM, '-', NULL },
	{ "NoCaseChange", K_UNWRAP, 0, NULL },
	{ "MakeLowercase", K_UNWRAP, 0, NULL }, { "lowercase", K_UNWRAP, 0, NULL },
	{ "textls", K_UNWRAP, 0, NULL }, { "underline", K_UNWRAP, 0, NULL },
	{ "LaTeX", K_SYM, 0, "LaTeX" }, { "TeX", K_SYM, 0, "TeX" },
	{ "BibTeX", K_SYM, 0, "BibTeX" }, { "LaTeXe", K_SYM, 0, "LaTeX2e" },
	{ "slash", K_SYM, '/', NULL }, { "nobreakspace", K_SYM, 0xA0, NULL },
	{ "quad", K_SYM, ' ', NULL }, { "qquad", K_SYM, ' ', NULL },
	{ "space", K_SYM, ' ', NULL }, { "enspace", K_SYM, 0x2002, NULL },
	{ "thinspace", K_SYM, 0x2009, NULL }, { "newline", K_SYM, ' ', NULL },
	{ "par", K_SYM, ' ', NULL }, { "linebreak", K_SYM, ' ', NULL },
	/* styles and wrappers: keep the argument */
	{ "textit", K_UNWRAP, 0, NULL }, { "textbf", K_UNWRAP, 0, NULL },
	{ "textsl", K_UNWRAP, 0, NULL }, { "textsc", K_UNWRAP, 0, NULL },
	{ "textrm", K_UNWRAP, 0, NULL }, { "textsf", K_UNWRAP, 0, NULL },
	{ "texttt", K_UNWRAP, 0, NULL }, { "textup", K_UNWRAP, 0, NULL },
	{ "textmd", K_UNWRAP, 0, NULL }, { "textnormal", K_UNWRAP, 0, NULL },
	{ "emph", K_UNWRAP, 0, NULL }, { "mbox", K_UNWRAP, 0, NULL },
	{ "hbox", K_UNWRAP, 0, NULL }, { "text", K_UNWRAP, 0, NULL },
	{ "textsuperscript", K_UNWRAP, 0, NULL }, { "textsubscript", K_UNWRAP, 0, NULL },
	{ "textcyrillic", K_UNWRAP, 0, NULL }, { "textenglish", K_UNWRAP, 0, NULL },
	{ "textrussian", K_UNWRAP, 0, NULL }, { "enquote", K_UNWRAP, 0, NULL },
	{ "uppercase", K_UNWRAP, 0, NULL }, { "MakeUppercase", K_UNWRAP, 0, NULL },
	{ "ensuremath", K_UNWRAP, 0, NULL }, { "protect", K_NOP, 0, NULL },
	{ "em", K_NOP, 0, NULL }, { "it", K_NOP, 0, NULL }, { "bf", K_NOP, 0, NULL },
	{ "sc", K_NOP, 0, NULL }, { "rm", K_NOP, 0, NULL }, { "tt", K_NOP, 0, NULL },
	{ "sl", K_NOP, 0, NULL }, { "sf", K_NOP, 0, NULL },
	{ "itshape", K_NOP, 0, NULL }, { "bfseries", K_NOP, 0, NULL },
	{ "scshape", K_NOP, 0, NULL }, { "upshape", K_NOP, 0, NULL },
	{ "normalfont", K_NOP, 0, NULL }, { "relax", K_NOP, 0, NULL },
	{ "cyrchar", K_NOP, 0, NULL }, { "cyr", K_NOP, 0, NULL },
	{ "selectfont", K_NOP, 0, NULL }, { "noindent", K_NOP, 0, NULL },
	{ "ignorespaces", K_NOP, 0, NULL }, { "unskip", K_NOP, 0, NULL },
	{ "href", K_DROPARG, 0, NULL }, { "foreignlanguage", K_DROPARG, 0, NULL },
	{ "textcolor", K_DROPARG, 0, NULL },
	{ "noopsort", K_DROPALL, 0, NULL }, { "selectlanguage", K_DROPALL, 0, NULL },
	{ "fontencoding", K_DROPALL, 0, NULL }, { "label", K_DROPALL, 0, NULL },
	{ "index", K_DROPALL, 0, NULL }, { "hspace", K_DROPALL, 0, NULL },
	{ "vspace", K_DROPALL, 0, NULL }, { "color", K_DROPALL, 0, NULL },
	{ "url", K_VERB, 0, NULL }, { "path", K_VERB, 0, NULL },
	{ "nolinkurl", K_VERB, 0, NULL }, { "doi", K_VERB, 0, NULL },
};

/* T2A Cyrillic: \cyrNAME is the lower-case letter, \CYRNAME the capital. */
typedef struct cyr_def {
	const char *name;
	unsigned cp;
} cyr_def;

static const cyr_def cyrillic[] = {
	{ "a", 0x430 }, { "b", 0x431 }, { "v", 0x432 }, { "g", 0x433 }, { "d", 0x434 },
	{ "e", 0x435 }, { "yo", 0x451 }, { "zh", 0x436 }, { "z", 0x437 }, { "i", 0x438 },
	{ "ishrt", 0x439 }, { "k", 0x43A }, { "l", 0x43B }, { "m", 0x43C }, { "n", 0x43D },
	{ "o", 0x43E }, { "p", 0x43F }, { "r", 0x440 }, { "s", 0x441 }, { "t", 0x442 },
	{ "u", 0x443 }, { "f", 0x444 }, { "h", 0x445 }, { "c", 0x446 }, { "ch", 0x447 },
	{ "sh", 0x448 }, { "shch", 0x449 }, { "hrdsn", 0x44A }, { "ery", 0x44B },
	{ "sftsn", 0x44C }, { "erev", 0x44D }, { "yu", 0x44E }, { "ya", 0x44F },
	{ "ii", 0x456 }, { "yi", 0x457 }, { "ie", 0x454 }, { "gup", 0x491 },
	{ "dje", 0x452 }, { "tshe", 0x45B }, { "lje", 0x459 }, { "nje", 0x45A },
	{ "dze", 0x455 }, { "je", 0x458 }, { "dzhe", 0x45F }, { "ushrt", 0x45E },
	{ "gje", 0x453 }, { "kje", 0x45C }, { "yat", 0x463 }, { "fita", 0x473 },
	{ "izh", 0x475 }, { "sdsc", 0x4AB }, { "ghcrs", 0x493 }, { "kdsc", 0x49B },
	{ "ndsc", 0x4A3 }, { "y", 0x4AF }, { "ystr", 0x4B1 }, { "hdsc", 0x4B3 },
	{ "shha", 0x4BB }, { "schwa", 0x4D9 }, { "otld", 0x4E9 }, { "ng", 0x4A5 },
};

/* Upper-case form of a Cyrillic letter of the table. */
static unsigned cyr_upper(unsigned cp)
{
	if (cp >= 0x430 && cp <= 0x44F)
		return cp - 0x20;
	if (cp >= 0x450 && cp <= 0x45F)
		return cp - 0x50;
	if (cp >= 0x460 && cp <= 0x4FF)
		return cp - 1;
	return cp;
}

static const cmd_def *find_command(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (commands[i].name[0] == name[0] && strncmp(commands[i].name, name, n) == 0 &&
		    commands[i].name[n] == 0)
			return &commands[i];
	return NULL;
}

static unsigned find_cyrillic(const char *name, size_t n)
{
	int upper;
	if (n > 3 && memcmp(name, "cyr", 3) == 0)
		upper = 0;
	else if (n > 3 && memcmp(name, "CYR", 3) == 0)
		upper = 1;
	else
		return 0;
	char low[16];
	n -= 3;
	if (n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = name[3 + i];
		low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	low[n] = 0;
	for (size_t i = 0; i < sizeof cyrillic / sizeof *cyrillic; i++)
		if (strcmp(cyrillic[i].name, low) == 0)
			return upper ? cyr_upper(cyrillic[i].cp) : cyrillic[i].cp;
	return 0;
}

/* Spacing form of an accent whose argument was empty (\~{} -> ~). */
static unsigned spacing_accent(unsigned mark)
{
	switch (mark) {
	case 0x303: return '~';
	case 0x302: return '^';
	case 0x301: return 0xB4;
	case 0x300: return '`';
	case 0x308: return 0xA8;
	case 0x304: return 0xAF;
	case 0x327: return 0xB8;
	default: return 0;
	}
}

enum { G_KEEP = 1, G_SPECIAL = 2 };

typedef struct dec {
	const char *s;
	size_t len, i;
	unsigned flags;
	lit_buf *out;
	size_t start;
	lit_buf stack;        /* one byte per open group */
	size_t special_depth; /* depth of the open special-character group, 0 none */
	unsigned accent[2];   /* pending combining accents, innermost last */
	int naccent;
	size_t accent_depth;  /* group depth when the first accent was set */
	int want_space;
	int arg_next;         /* the next group is a command argument */
	int no_dollar;        /* no closing $ exists after the current point */
} dec;

/* Fast path for the common accented letters (the rest go through NFC). */
static unsigned precomposed(unsigned base, unsigned mark)
{
	static const struct { unsigned mark; const char *bases; unsigned cps[26]; } tab[] = {
		{ 0x301, "AEIOUYaeiouyCcNnSsZz", { 0xC1, 0xC9, 0xCD, 0xD3, 0xDA, 0xDD, 0xE1, 0xE9, 0xED,
		  0xF3, 0xFA, 0xFD, 0x106, 0x107, 0x143, 0x144, 0x15A, 0x15B, 0x179, 0x17A } },
		{ 0x300, "AEIOUaeiou", { 0xC0, 0xC8, 0xCC, 0xD2, 0xD9, 0xE0, 0xE8, 0xEC, 0xF2, 0xF9 } },
		{ 0x302, "AEIOUaeiou", { 0xC2, 0xCA, 0xCE, 0xD4, 0xDB, 0xE2, 0xEA, 0xEE, 0xF4, 0xFB } },
		{ 0x303, "ANOano", { 0xC3, 0xD1, 0xD5, 0xE3, 0xF1, 0xF5 } },
		{ 0x308, "AEIOUaeiouy", { 0xC4, 0xCB, 0xCF, 0xD6, 0xDC, 0xE4, 0xEB, 0xEF, 0xF6, 0xFC, 0xFF } },
		{ 0x327, "CcSs", { 0xC7, 0xE7, 0x15E, 0x15F } },
		{ 0x30C, "CcSsZzEeRrNn", { 0x10C, 0x10D, 0x160, 0x161, 0x17D, 0x17E, 0x11A, 0x11B,
		  0x158, 0x159, 0x147, 0x148 } },
		{ 0x30A, "AaUu", { 0xC5, 0xE5, 0x16E, 0x16F } },
	};
	if (base == 0x438 && mark == 0x306)
		return 0x439; /* й */
	if (base == 0x418 && mark == 0x306)
		return 0x419; /* Й */
	if (base == 0x435 && mark == 0x308)
		return 0x451; /* ё */
	if (base == 0x415 && mark == 0x308)
		return 0x401; /* Ё */
	if (base >= 0x80)
		return 0;
	for (size_t i = 0; i < sizeof tab / sizeof *tab; i++) {
		if (tab[i].mark != mark)
			continue;
		const char *hit = strchr(tab[i].bases, (int)base);
		return hit && base ? tab[i].cps[hit - tab[i].bases] : 0;
	}
	return 0;
}

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void flush_space(dec *d)
{
	if (d->want_space) {
		if (d->out->len > d->start && d->out->ptr[d->out->len - 1] != ' ')
			lit_buf_putc(d->out, ' ');
		d->want_space = 0;
	}
}

/* Emit text; a pending accent goes on its first code point. */
static void emit(dec *d, const char *p, size_t n)
{
	if (n == 0)
		return;
	flush_space(d);
	d->arg_next = 0;
	if (d->naccent) {
		/* base letter + combining marks, composed (NFC) on their own */
		char piece[16];
		size_t adv, len;
		int32_t base = lit_utf8_decode(p, n, &adv);
		unsigned pre = d->naccent == 1 && base > 0 ? precomposed((unsigned)base, d->accent[0]) : 0;
		if (pre) {
			lit_buf_put_cp(d->out, pre);
			d->naccent = 0;
			p += adv;
			n -= adv;
			lit_buf_put(d->out, p, n);
			return;
		}
		memcpy(piece, p, adv);
		len = adv;
		for (int k = d->naccent - 1; k >= 0; k--)
			len += lit_utf8_encode(d->accent[k], piece + len);
		char *nfc = lit_utf8_nfc(piece, len);
		lit_buf_puts(d->out, nfc ? nfc : "");
		if (!nfc)
			lit_buf_put(d->out, piece, len);
		free(nfc);
		d->naccent = 0;
		p += adv;
		n -= adv;
	}
	lit_buf_put(d->out, p, n);
}

static void emit_cp(dec *d, unsigned cp)
{
	char b[4];
	size_t n = lit_utf8_encode(cp, b);
	if (cp == ' ') {
		d->want_space = 1;
		return;
	}
	emit(d, b, n);
}

static void skip_ws(dec *d)
{
	while (d->i < d->len && is_ws((unsigned char)d->s[d->i]))
		d->i++;
}

/* Skip a balanced {...} group starting at d->i (which is '{'). */
static size_t group_end(const char *s, size_t len, size_t i)
{
	size_t depth = 0;
	for (; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			i++;
			continue;
		}
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth == 0)
			return i + 1;
	}
	return len;
}

static void set_accent(dec *d, unsigned mark)
{
	if (d->naccent == 0)
		d->accent_depth = d->stack.len;
	if (d->naccent < 2)
		d->accent[d->naccent++] = mark;
	d->arg_next = 1;
	skip_ws(d);
}

/* Emit the contents of a verbatim group {...} at d->i. */
static void verbatim_group(dec *d)
{
	skip_ws(d);
	if (d->i >= d->len || d->s[d->i] != '{')
		return;
	size_t end = group_end(d->s, d->len, d->i);
	size_t j = d->i + 1;
	size_t stop = end;
	if (stop > j && d->s[stop - 1] == '}')
		stop--;
	flush_space(d);
	d->arg_next = 0;
	for (; j < stop; j++) {
		char c = d->s[j];
		if (c == '\\' && j + 1 < stop && d->s[j + 1] && strchr("_%#&$~{}/", d->s[j + 1])) {
			j++;
			lit_buf_putc(d->out, d->s[j]);
		} else if (c == '{' || c == '}' || is_ws((unsigned char)c)) {
			continue;
		} else {
			lit_buf_putc(d->out, c);
		}
	}
	d->i = end;
}

static void command(dec *d)
{
	d->i++; /* the backslash */
	if (d->i >= d->len)
		return;
	unsigned char c = (unsigned char)d->s[d->i];
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
		size_t b = d->i;
		while (d->i < d->len && ((d->s[d->i] >= 'a' && d->s[d->i] <= 'z') ||
		                         (d->s[d->i] >= 'A' && d->s[d->i] <= 'Z')))
			d->i++;
		const char *name = d->s + b;
		size_t n = d->i - b;
		const cmd_def *cmd = find_command(name, n);
		if (!cmd || cmd->kind != K_SYMSP)
			skip_ws(d);
		if (!cmd) {
			unsigned cp = find_cyrillic(name, n);
			if (cp)
				emit_cp(d, cp);
			d->arg_next = 1; /* unknown command: keep its argument */
			return;
		}
		switch (cmd->kind) {
		case K_SYM:
		case K_SYMSP:
			if (cmd->text)
				emit(d, cmd->text, strlen(cmd->text));
			else if (d->naccent && cmd->cp == 0x131)
				emit_cp(d, 'i');
			else if (d->naccent && cmd->cp == 0x237)
				emit_cp(d, 'j');
			else
				emit_cp(d, cmd->cp);
			d->arg_next = 1;
			break;
		case K_ACCENT:
			set_accent(d, cmd->cp);
			break;
		case K_UNWRAP:
		case K_NOP:
			d->arg_next = 1;
			break;
		case K_DROPARG:
			if (d->i < d->len && d->s[d->i] == '{')
				d->i = group_end(d->s, d->len, d->i);
			skip_ws(d);
			d->arg_next = 1;
			break;
		case K_DROPALL:
			if (d->i < d->len && d->s[d->i] == '{')
				d->i = group_end(d->s, d->len, d->i);
			break;
		case K_VERB:
			verbatim_group(d);
			break;
		}
		return;
	}
	if (c >= 0x80) {
		/* "\з": a backslash before a non-ASCII letter; keep the letter whole */
		size_t adv;
		(void)lit_utf8_decode(d->s + d->i, d->len - d->i, &adv);
		emit(d, d->s + d->i, adv);
		d->i += adv;
		return;
	}
	d->i++;
	switch (c) {
	case '\'': set_accent(d, 0x301); break;
	case '`': set_accent(d, 0x300); break;
	case '^': set_accent(d, 0x302); break;
	case '"': set_accent(d, 0x308); break;
	case '~': set_accent(d, 0x303); break;
	case '=': set_accent(d, 0x304); break;
	case '.': set_accent(d, 0x307); break;
	case '&': case '%': case '$': case '#': case '_': case '{': case '}':
	case '|': case '[': case ']':
		{
			char ch = (char)c;
			emit(d, &ch, 1);
		}
		break;
	case ',':
		if (d->flags & LIT_LATEX_KEEP_BRACES)
			d->want_space = 1;
		else
			emit_cp(d, 0x2009);
		break;
	case '\\': case ' ': case '\n': case '\t': case '\r': case ';': case ':': case '>':
		d->want_space = 1;
		break;
	default: /* \- \/ \@ \! and the rest: nothing */
		break;
	}
}

static void open_group(dec *d)
{
	unsigned char flag = 0;
	if (d->arg_next) {
		flag = 0;
	} else if (!d->special_depth && d->i + 1 < d->len && d->s[d->i + 1] == '\\') {
		/* {\"o}, {\ss}: a BibTeX special character.  In a name list a
		 * group with spaces ({\bf Acme Corp}) stays one protected unit. */
		int space = 0;
		if (d->flags & LIT_LATEX_KEEP_BRACES) {
			size_t end = group_end(d->s, d->len, d->i);
			for (size_t j = d->i; j < end && !space; j++)
				space = is_ws((unsigned char)d->s[j]);
		}
		if (space) {
			flag = G_KEEP;
		} else {
			flag = G_SPECIAL;
			d->special_depth = d->stack.len + 1;
		}
	} else if ((d->flags & LIT_LATEX_KEEP_BRACES) && !d->special_depth) {
		flag = G_KEEP;
	}
	lit_buf_putc(&d->stack, (char)flag);
	if (flag & G_KEEP) {
		flush_space(d);
		lit_buf_putc(d->out, '{');
	}
	d->arg_next = 0;
	d->i++;
}

static void close_group(dec *d)
{
	d->i++;
	if (d->stack.len == 0)
		return; /* stray brace */
	unsigned char flag = (unsigned char)d->stack.ptr[--d->stack.len];
	if (d->naccent && d->stack.len <= d->accent_depth) {
		unsigned sp = spacing_accent(d->accent[0]);
		d->naccent = 0;
		if (sp)
			emit_cp(d, sp);
	}
	if (flag & G_KEEP)
		lit_buf_putc(d->out, '}');
	if (d->special_depth && d->stack.len < d->special_depth)
		d->special_depth = 0;
	d->arg_next = 0;
}

/* $...$ (or $$...$$) is kept as written, white space collapsed. */
static void math(dec *d)
{
	size_t i = d->i;
	size_t open = (i + 1 < d->len && d->s[i + 1] == '$') ? 2 : 1;
	size_t j = i + open, end = 0;
	if (!d->no_dollar) {
		for (; j < d->len; j++) {
			if (d->s[j] == '\\') {
				j++;
				continue;
			}
			if (d->s[j] == '$') {
				if (open == 1 || (j + 1 < d->len && d->s[j + 1] == '$')) {
					end = j + open;
					break;
				}
			}
		}
		if (!end)
			d->no_dollar = 1;
	}
	if (!end) {
		emit(d, "$", 1);
		d->i++;
		return;
	}
	flush_space(d);
	emit(d, "$", 1);
	for (size_t k = i + 1; k < end; k++) {
		unsigned char c = (unsigned char)d->s[k];
		if (is_ws(c)) {
			if (d->out->len && d->out->ptr[d->out->len - 1] != ' ')
				lit_buf_putc(d->out, ' ');
		} else {
			lit_buf_putc(d->out, (char)c);
		}
	}
	d->i = end;
}

static int is_special(unsigned char c)
{
	switch (c) {
	case '\\': case '{': case '}': case '$': case '~': case '-': case '`':
	case '\'': case '<': case '>': case ',':
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
		return 1;
	default:
		return 0;
	}
}

static int verbatim(const char *s, size_t len, lit_buf *out)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < len) {
			if (s[i + 1] && strchr("_%#&$~{}", s[i + 1])) {
				lit_buf_putc(out, s[++i]);
				continue;
			}
			size_t j = i + 1;
			while (j < len && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
				j++;
			if (j - i - 1 == 3 && memcmp(s + i + 1, "url", 3) == 0) {
				i = j - 1;
				continue;
			}
			lit_buf_putc(out, c);
		} else if (c == '{' || c == '}' || is_ws((unsigned char)c)) {
			continue;
		} else {
			lit_buf_putc(out, c);
		}
	}
	return lit_buf_status(out);
}

int lit_latex_decode(const char *s, size_t len, unsigned flags, lit_buf *out)
{
	if (flags & LIT_LATEX_VERBATIM)
		return verbatim(s, len, out);
	dec d;
	memset(&d, 0, sizeof d);
	lit_buf init = LIT_BUF_INIT;
	d.stack = init;
	d.s = s;
	d.len = len;
	d.flags = flags;
	d.out = out;
	d.start = out->len;
	while (d.i < len) {
		unsigned char c = (unsigned char)s[d.i];
		unsigned char n = d.i + 1 < len ? (unsigned char)s[d.i + 1] : 0;
		switch (c) {
		case '\\':
			command(&d);
			break;
		case '{':
			open_group(&d);
			break;
		case '}':
			close_group(&d);
			break;
		case '$':
			math(&d);
			break;
		case '~':
			d.i++;
			if (flags & LIT_LATEX_KEEP_BRACES)
				d.want_space = 1;
			else
				emit_cp(&d, 0xA0);
			break;
		case '-':
			if (n == '-' && d.i + 2 < len && s[d.i + 2] == '-') {
				emit_cp(&d, 0x2014);
				d.i += 3;
			} else if (n == '-') {
				emit_cp(&d, 0x2013);
				d.i += 2;
			} else {
				emit(&d, "-", 1);
				d.i++;
			}
			break;
		case '`': case '\'': case '<': case '>': case ',':
			if (n == c) {
				unsigned cp = c == '`' ? 0x201C : c == '\'' ? 0x201D :
				              c == '<' ? 0xAB : c == '>' ? 0xBB : 0x201E;
				emit_cp(&d, cp);
				d.i += 2;
			} else {
				emit(&d, (const char *)&s[d.i], 1);
				d.i++;
			}
			break;
		case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
			d.want_space = 1;
			d.i++;
			break;
		default: {
			size_t j = d.i + 1;
			while (j < len && !is_special((unsigned char)s[j]))
				j++;
			emit(&d, s + d.i, j - d.i);
			d.i = j;
			break;
		}
		}
	}
	lit_buf_free(&d.stack);
	return lit_buf_status(out);
}

/* Is there a closing '$' for the '$' at s[i]? Returns its index, or 0
 * when there is none or the braces between do not balance (then the
 * segment is escaped as text, so the output still balances). */
static size_t math_end(const char *s, size_t len, size_t i, int *none)
{
	long depth = 0;
	for (size_t j = i + 1; j < len; j++) {
		/* \$ does not close; every brace counts, escaped or not, as in BibTeX */
		if (s[j] == '\\' && j + 1 < len && s[j + 1] == '$') {
			j++;
			continue;
		}
		if (s[j] == '{')
			depth++;
		else if (s[j] == '}' && --depth < 0)
			return 0;
		if (s[j] == '$')
			return j > i + 1 && depth == 0 ? j : 0;
	}
	*none = 1;
	return 0;
}

void lit_latex_escape(lit_buf *out, const char *s, size_t len)
{
	size_t i = 0;
	int no_dollar = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		unsigned char n = i + 1 < len ? (unsigned char)s[i + 1] : 0;
		if (c == '$') {
			size_t e = no_dollar ? 0 : math_end(s, len, i, &no_dollar);
			if (e) {
				lit_buf_put(out, s + i, e + 1 - i);
				i = e + 1;
				continue;
			}
			lit_buf_puts(out, "\\$");
			i++;
			continue;
		}
		switch (c) {
		case '\\': lit_buf_puts(out, "\\textbackslash{}"); break;
		/* BibTeX counts escaped braces too: keep the value balanced */
		case '{': lit_buf_puts(out, "\\textbraceleft{}"); break;
		case '}': lit_buf_puts(out, "\\textbraceright{}"); break;
		case '&': lit_buf_puts(out, "\\&"); break;
		case '%': lit_buf_puts(out, "\\%"); break;
		case '#': lit_buf_puts(out, "\\#"); break;
		case '_': lit_buf_puts(out, "\\_"); break;
		case '~': lit_buf_puts(out, "\\textasciitilde{}"); break;
		case '^': lit_buf_puts(out, "\\textasciicircum{}"); break;
		case '\n': case '\r': case '\t': lit_buf_putc(out, ' '); break;
		case '-': case '<': case '>': case '`': case '\'': case ',':
			lit_buf_putc(out, (char)c);
			if (n == c)
				lit_buf_puts(out, "{}");
			break;
		case 0xC2:
			if (n == 0xA0) {
				lit_buf_putc(out, '~');
				i++;
			} else {
				lit_buf_putc(out, (char)c);
			}
			break;
		case 0xE2:
			if (n == 0x80 && i + 2 < len && (unsigned char)s[i + 2] == 0x89) {
				lit_buf_puts(out, "\\,");
				i += 2;
			} else {
				lit_buf_putc(out, (char)c);
			}
			break;
		default:
			lit_buf_putc(out, (char)c);
			break;
		}
		i++;
	}
}

void lit_latex_escape_verbatim(lit_buf *out, const char *s, size_t len)
{
	/* balanced braces are kept; if they do not balance, encode them all */
	long depth = 0;
	int ok = 1;
	for (size_t i = 0; i < len && ok; i++) {
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth < 0)
			ok = 0;
	}
	ok = ok && depth == 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (is_ws((unsigned char)c))
			continue;
		if (!ok && c == '{')
			lit_buf_puts(out, "%7B");
		else if (!ok && c == '}')
			lit_buf_puts(out, "%7D");
		else if (c == '\\')
			lit_buf_puts(out, "%5C");
		else
			lit_buf_putc(out, c);
	}
}
