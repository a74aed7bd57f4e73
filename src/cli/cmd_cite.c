/*
 * cmd_cite.c - `litera cite`: replace the citations of a Markdown
 * ([@key], [@key, p. 5], [see @a; -@b]) or LaTeX (\cite{key},
 * \cite[p.~5]{key}, \parencite, \autocite, \footcite, ...) manuscript with
 * citations formatted in a CSL style, append the bibliography of the cited
 * records, and report unknown and unused keys.  A LaTeX .aux file gives the
 * cited keys (\citation{...}) and only the bibliography is written.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ 'b', 'b', "bib", "FILE", "bibliography database (any input format; repeatable)" },
	{ 's', 's', "style", "NAME|PATH", "CSL style (default gost-r-7-0-100-2018); see 'litera format --help'" },
	{ 't', 't', "to", "FMT", "text, html, markdown or rtf (default: markdown for Markdown manuscripts, text otherwise)" },
	{ 'o', 'o', "output", "FILE", "write to FILE (atomically) instead of standard output" },
	{ 'l', 'l', "locale", "LANG", "locale instead of the style's default" },
	{ 'h', 'h', "help", NULL, "show this help" },
	{ 0, 0, NULL, NULL, NULL }
};

enum { MS_MARKDOWN, MS_LATEX, MS_AUX };

/* One citation found in the manuscript. */
typedef struct mcit {
	size_t start, end;        /* byte range replaced in the manuscript */
	long line;
	int footnote;             /* \footcite: always a footnote */
	lit_csl_cite *cites;
	size_t count, cap;
} mcit;

typedef struct mstate {
	mcit *v;
	size_t n, cap;
	char **strs;              /* strings owned for the cites */
	size_t nstr, capstr;
	int oom;
	size_t line_off;          /* line_at() cache: lines counted up to here */
	long line_no;
} mstate;

static char *keep(mstate *m, const char *s, size_t len)
{
	if (m->nstr == m->capstr) {
		size_t nc = m->capstr ? m->capstr * 2 : 64;
		char **nv = realloc(m->strs, nc * sizeof(char *));
		if (!nv) {
			m->oom = 1;
			return NULL;
		}
		m->strs = nv;
		m->capstr = nc;
	}
	char *r = malloc(len + 1);
	if (!r) {
		m->oom = 1;
		return NULL;
	}
	memcpy(r, s, len);
	r[len] = 0;
	m->strs[m->nstr++] = r;
	return r;
}

static mcit *add_cit(mstate *m)
{
	if (m->n == m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 32;
		mcit *nv = realloc(m->v, nc * sizeof(mcit));
		if (!nv) {
			m->oom = 1;
			return NULL;
		}
		m->v = nv;
		m->cap = nc;
	}
	mcit *c = &m->v[m->n++];
	memset(c, 0, sizeof(*c));
	return c;
}

static lit_csl_cite *add_cite(mstate *m, mcit *c)
{
	if (c->count == c->cap) { /* doubling: one realloc per cite was quadratic */
		size_t nc = c->cap ? c->cap * 2 : 4;
		lit_csl_cite *nv = realloc(c->cites, nc * sizeof(lit_csl_cite));
		if (!nv) {
			m->oom = 1;
			return NULL;
		}
		c->cites = nv;
		c->cap = nc;
	}
	memset(&c->cites[c->count], 0, sizeof(lit_csl_cite));
	return &c->cites[c->count++];
}

/* Line of byte `off`.  Citations are found in text order, so counting on
 * from the previous answer keeps the scan linear (counting from the start
 * for each of 100,000 citations took minutes). */
static long line_at(mstate *m, const char *text, size_t off)
{
	if (off < m->line_off || m->line_no == 0) {
		m->line_off = 0;
		m->line_no = 1;
	}
	for (size_t i = m->line_off; i < off; i++)
		if (text[i] == '\n')
			m->line_no++;
	m->line_off = off;
	return m->line_no;
}

/* The first `ch` at or after `pos`, remembered between calls (positions
 * mostly increase): NULL when there is none.  Asking memchr() again from
 * every unclosed "\cite{" or "[" made such text quadratic. */
typedef struct next_cache {
	int valid;
	size_t from;
	const char *at;
} next_cache;

static const char *next_ch(next_cache *c, const char *t, size_t len, size_t pos, char ch)
{
	if (pos >= len)
		return NULL;
	if (c->valid && c->from <= pos && (!c->at || (size_t)(c->at - t) >= pos))
		return c->at;
	c->valid = 1;
	c->from = pos;
	c->at = memchr(t + pos, ch, len - pos);
	return c->at;
}

/* For every '[' in Markdown text (in order) the position of its matching
 * ']', or SIZE_MAX when it has none before the end or before a paragraph
 * break ("\n\n" starting at least two bytes after it), in one pass with a
 * stack: the same answers as counting depth from each '[', in linear time. */
typedef struct brackets {
	size_t *open, *close;
	size_t n, next;
} brackets;

static int match_brackets(brackets *b, const char *t, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += t[i] == '[';
	b->open = malloc((n ? n : 1) * sizeof(size_t));
	b->close = malloc((n ? n : 1) * sizeof(size_t));
	size_t *stack = malloc((n ? n : 1) * sizeof(size_t));
	if (!b->open || !b->close || !stack) {
		free(stack);
		return -1;
	}
	size_t sp = 0, k = 0;
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '[') {
			b->open[k] = i;
			b->close[k] = SIZE_MAX;
			stack[sp++] = k++;
		} else if (t[i] == ']') {
			if (sp)
				b->close[stack[--sp]] = i;
		} else if (t[i] == '\n' && i + 1 < len && t[i + 1] == '\n' && sp) {
			/* a paragraph break ends every bracket opened before i - 1 */
			size_t keep = b->open[stack[sp - 1]] + 1 == i ? stack[sp - 1] : SIZE_MAX;
			sp = 0;
			if (keep != SIZE_MAX)
				stack[sp++] = keep;
		}
	}
	free(stack);
	b->n = k;
	b->next = 0;
	return 0;
}

/* The matching ']' of the '[' at `pos` (SIZE_MAX if none); positions are
 * asked in increasing order. */
static size_t bracket_close(brackets *b, size_t pos)
{
	while (b->next < b->n && b->open[b->next] < pos)
		b->next++;
	if (b->next < b->n && b->open[b->next] == pos)
		return b->close[b->next];
	return SIZE_MAX;
}

static int key_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80 || strchr("_-:.#$%&+?<>~/", c);
}

/* "p. 5", "pp. 5-7", "с. 12", "chap. 3", "5" -> label and locator. */
static void parse_locator(mstate *m, lit_csl_cite *ct, const char *s, size_t len)
{
	static const struct { const char *abbr; const char *label; } labels[] = {
		{ "pp.", "page" }, { "p.", "page" }, { "pages", "page" }, { "page", "page" },
		{ "с.", "page" }, { "С.", "page" }, { "стр.", "page" }, { "chap.", "chapter" },
		{ "ch.", "chapter" }, { "chapter", "chapter" }, { "гл.", "chapter" }, { "vol.", "volume" },
		{ "т.", "volume" }, { "Т.", "volume" }, { "sec.", "section" }, { "§", "section" },
		{ "para.", "paragraph" }, { "fig.", "figure" }, { "l.", "line" }, { "ll.", "line" },
		{ "n.", "note" }, { "no.", "issue" }, { "№", "issue" },
	};
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (!len)
		return;
	const char *label = "page";
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		size_t l = strlen(labels[i].abbr);
		if (len > l && !strncmp(s, labels[i].abbr, l) && (isspace((unsigned char)s[l]) || s[l] == '~' || isdigit((unsigned char)s[l]))) {
			label = labels[i].label;
			s += l;
			len -= l;
			while (len && (isspace((unsigned char)*s) || *s == '~'))
				s++, len--;
			break;
		}
	}
	/* the locator runs while it looks like numbers and ranges; the rest is a suffix */
	size_t n = 0;
	while (n < len && (isalnum((unsigned char)s[n]) || strchr("-–,& ", s[n]) || (unsigned char)s[n] >= 0x80)) {
		if (s[n] == ',' && n + 1 < len && s[n + 1] == ' ' && n + 2 < len && !isdigit((unsigned char)s[n + 2]))
			break;
		n++;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
		n--;
	ct->label = label;
	ct->locator = keep(m, s, n);
	if (n < len) {
		size_t k = n;
		while (k < len && (s[k] == ',' || s[k] == ' '))
			k++;
		if (k < len) {
			char *sx = keep(m, s + k - 1, len - k + 1);
			if (sx)
				sx[0] = ' ';
			ct->suffix = sx;
		}
	}
}

/* Markdown: [@key], [@key, p. 5], [see @a, 12; -@b]. */
static void scan_markdown_with(mstate *m, const char *t, size_t len, brackets *br)
{
	next_cache at_cache = { 0, 0, NULL };
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '`') {
			/* skip code spans */
			size_t j = i + 1;
			while (j < len && t[j] != '`')
				j++;
			i = j;
			continue;
		}
		if (t[i] != '[' || (i > 0 && t[i - 1] == '\\'))
			continue;
		size_t close = bracket_close(br, i);
		const char *at1 = close == SIZE_MAX ? NULL : next_ch(&at_cache, t, len, i, '@');
		if (close >= len || !at1 || (size_t)(at1 - t) >= close)
			continue;
		if (close + 1 < len && (t[close + 1] == '(' || t[close + 1] == ':'))
			continue; /* a link */
		mcit *c = add_cit(m);
		if (!c)
			return;
		c->start = i;
		c->end = close + 1;
		c->line = line_at(m, t, i);
		size_t p = i + 1;
		while (p < close) {
			size_t q = p;
			while (q < close && t[q] != ';')
				q++;
			/* one cite: [prefix] [-]@key [, locator] */
			const char *at = memchr(t + p, '@', q - p);
			if (at) {
				lit_csl_cite *ct = add_cite(m, c);
				if (!ct)
					return;
				size_t a = (size_t)(at - t);
				size_t pre_end = a;
				if (a > p && t[a - 1] == '-') {
					ct->suppress_author = 1;
					pre_end = a - 1;
				}
				size_t ps = p;
				while (ps < pre_end && t[ps] == ' ')
					ps++;
				if (pre_end > ps)
					ct->prefix = keep(m, t + ps, pre_end - ps);
				size_t k = a + 1, ks = k;
				if (k < q && t[k] == '{') {
					ks = ++k;
					while (k < q && t[k] != '}')
						k++;
					ct->id = keep(m, t + ks, k - ks);
					if (k < q)
						k++;
				} else {
					while (k < q && key_char((unsigned char)t[k]))
						k++;
					while (k > ks && strchr(".:,", t[k - 1]))
						k--;
					ct->id = keep(m, t + ks, k - ks);
				}
				size_t r = k;
				while (r < q && t[r] == ' ')
					r++;
				if (r < q && t[r] == ',')
					parse_locator(m, ct, t + r + 1, q - r - 1);
				else if (r < q)
					ct->suffix = keep(m, t + k, q - k);
			}
			p = q + 1;
		}
		if (!c->count)
			m->n--;
		i = close;
	}
}

static void scan_markdown(mstate *m, const char *t, size_t len)
{
	brackets br;
	if (match_brackets(&br, t, len)) {
		free(br.open);
		free(br.close);
		m->oom = 1;
		return;
	}
	scan_markdown_with(m, t, len, &br);
	free(br.open);
	free(br.close);
}

/* LaTeX: \cite[pre][post]{a,b} and the natbib/biblatex variants. */
static void scan_latex(mstate *m, const char *t, size_t len, int aux)
{
	next_cache rbracket = { 0, 0, NULL }, rbrace = { 0, 0, NULL };
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '%' && (i == 0 || t[i - 1] != '\\')) {
			while (i < len && t[i] != '\n')
				i++;
			continue;
		}
		if (t[i] != '\\')
			continue;
		size_t j = i + 1;
		while (j < len && isalpha((unsigned char)t[j]))
			j++;
		size_t nl = j - i - 1;
		const char *name = t + i + 1;
		int is_cite = 0;
		if (aux)
			is_cite = nl == 8 && !strncmp(name, "citation", 8);
		else
			is_cite = nl >= 4 && nl < 16 && (!strncmp(name, "cite", 4) || !strncmp(name + nl - 4, "cite", 4));
		if (!is_cite)
			continue;
		if (j < len && t[j] == '*')
			j++;
		const char *opt[2] = { NULL, NULL };
		size_t optl[2] = { 0, 0 };
		int nopt = 0;
		while (j < len && t[j] == '[' && nopt < 2) {
			const char *rb = next_ch(&rbracket, t, len, j + 1, ']');
			size_t k = rb ? (size_t)(rb - t) : len;
			opt[nopt] = t + j + 1;
			optl[nopt] = k - j - 1;
			nopt++;
			j = k + 1;
		}
		if (j >= len || t[j] != '{')
			continue;
		const char *rc = next_ch(&rbrace, t, len, j + 1, '}');
		if (!rc)
			continue;
		size_t k = (size_t)(rc - t);
		mcit *c = add_cit(m);
		if (!c)
			return;
		c->start = i;
		c->end = k + 1;
		c->line = line_at(m, t, i);
		size_t p = j + 1;
		while (p < k) {
			size_t q = p;
			while (q < k && t[q] != ',')
				q++;
			size_t a = p, b = q;
			while (a < b && isspace((unsigned char)t[a]))
				a++;
			while (b > a && isspace((unsigned char)t[b - 1]))
				b--;
			if (b > a) {
				lit_csl_cite *ct = add_cite(m, c);
				if (!ct)
					return;
				ct->id = keep(m, t + a, b - a);
			}
			p = q + 1;
		}
		if (!c->count) {
			m->n--;
			continue;
		}
		/* one optional argument is the postnote; two are prenote and postnote */
		const char *post = nopt == 2 ? opt[1] : opt[0];
		size_t postl = nopt == 2 ? optl[1] : optl[0];
		if (nopt == 2 && optl[0])
			c->cites[0].prefix = keep(m, opt[0], optl[0]);
		if (post && postl)
			parse_locator(m, &c->cites[c->count - 1], post, postl);
		c->footnote = nl >= 8 && !strncmp(name, "footcite", 8);
		i = k;
	}
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = !strcmp(path, "-") ? stdin : fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 65536, n = 0;
	char *b = malloc(cap + 1);
	if (!b) {
		if (f != stdin)
			fclose(f);
		return NULL;
	}
	size_t r;
	while ((r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			if (cap > ((size_t)256 << 20)) {
				free(b);
				if (f != stdin)
					fclose(f);
				return NULL;
			}
			char *nb = realloc(b, cap * 2 + 1);
			if (!nb) {
				free(b);
				if (f != stdin)
					fclose(f);
				return NULL;
			}
			b = nb;
			cap *= 2;
		}
	}
	if (f != stdin)
		fclose(f);
	b[n] = 0;
	*len = n;
	return b;
}

typedef struct id_index {
	const char *id;
	size_t rec;
} id_index;

/* By id, then by record order, so the first record with an id wins as before. */
static int id_cmp(const void *a, const void *b)
{
	const id_index *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->rec > y->rec) - (x->rec < y->rec);
}

/* Index of the first record whose id is `id`, or lit_records_count(recs). */
static size_t find_id(const id_index *v, size_t n, const lit_records *recs, const char *id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(v[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && !strcmp(v[lo].id, id) ? v[lo].rec : lit_records_count(recs);
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcmp(s + a - b, suf);
}

int cmd_cite(int argc, char **argv)
{
	cli_parser p;
	const char *style = "gost-r-7-0-100-2018", *to = NULL, *out = NULL, *locale = NULL, *ms = NULL;
	char **bibs = calloc((size_t)(argc > 0 ? argc : 1), sizeof(char *));
	int nbibs = 0, id, rc = EXIT_OK;
	if (!bibs) {
		cli_errorf("cite: out of memory");
		return EXIT_INTERNAL;
	}
	cli_parser_init(&p, "cite", argc, argv, opts);
	while ((id = cli_next(&p)) != -1) {
		switch (id) {
		case 0:
			if (ms) {
				cli_errorf("cite: only one manuscript may be given ('%s' and '%s')", ms, p.value);
				free(bibs);
				return EXIT_USAGE;
			}
			ms = p.value;
			break;
		case 'b': bibs[nbibs++] = (char *)p.value; break;
		case 's': style = p.value; break;
		case 't': to = p.value; break;
		case 'o': out = p.value; break;
		case 'l': locale = p.value; break;
		case 'h':
			cli_print_help(stdout, "cite", "MANUSCRIPT --bib FILE... [--style NAME|PATH] [--to FMT] [-o OUT]",
			               "Format the citations of a Markdown ([@key], [@key, p. 5], [see @a; -@b]) or "
			               "LaTeX (\\cite{key}, \\cite[p.~5]{key}, \\parencite, \\footcite, ...) manuscript "
			               "in a CSL style and append the bibliography of the cited records. Note styles "
			               "put citations in footnotes (^[...] or \\footnote{...}). A LaTeX .aux file "
			               "gives only the bibliography of its \\citation keys. Unknown keys are errors "
			               "(exit 1, the citation is left as it was); unused records are reported.",
			               opts);
			free(bibs);
			return EXIT_OK;
		default:
			free(bibs);
			return EXIT_USAGE;
		}
	}
	if (!ms || !nbibs) {
		cli_errorf(!ms ? "cite: no manuscript given" : "cite: no bibliography given (--bib FILE)");
		free(bibs);
		return EXIT_USAGE;
	}
	int kind = ends_with(ms, ".aux") ? MS_AUX : (ends_with(ms, ".tex") || ends_with(ms, ".ltx") || ends_with(ms, ".latex"))
	           ? MS_LATEX : MS_MARKDOWN;
	if (!to)
		to = kind == MS_MARKDOWN ? "markdown" : "text";
	int fmt = lit_csl_format_from_name(to);
	if (fmt < 0) {
		cli_errorf("cite: --to must be text, html, markdown or rtf");
		free(bibs);
		return EXIT_USAGE;
	}
	size_t tlen = 0;
	char *text = slurp(ms, &tlen);
	if (!text) {
		cli_errorf("cite: %s: cannot read the manuscript", ms);
		free(bibs);
		return EXIT_IO;
	}
	if (kind == MS_MARKDOWN && strstr(text, "\\cite"))
		kind = MS_LATEX;
	lit_records *recs = lit_records_new();
	lit_csl_style *st = NULL;
	lit_csl_engine *eng = NULL;
	lit_csl_citation *cits = NULL;
	id_index *byid = NULL;
	char **rendered = NULL;
	size_t ncits = 0;
	mstate m;
	memset(&m, 0, sizeof(m));
	lit_error err;
	lit_error_clear(&err);
	if (!recs) {
		rc = EXIT_INTERNAL;
		goto done;
	}
	rc = cli_read_inputs(recs, bibs, nbibs, NULL);
	if (rc != EXIT_OK)
		goto done;
	lit_csl_options co = LIT_CSL_OPTIONS_INIT;
	co.locale = locale;
	if (lit_csl_style_load(&st, style, &co, &err) != LIT_OK) {
		cli_report(&err);
		rc = err.code == LIT_ENOTFOUND ? EXIT_USAGE : cli_exit_code(err.code);
		goto done;
	}
	if (kind == MS_MARKDOWN)
		scan_markdown(&m, text, tlen);
	else
		scan_latex(&m, text, tlen, kind == MS_AUX);
	if (m.oom) {
		rc = EXIT_INTERNAL;
		goto done;
	}
	/* unknown keys: reported, and the citation is left as written */
	size_t nrec = lit_records_count(recs);
	int *used = calloc(nrec + 1, sizeof(int));
	int unknown = 0;
	if (!used) {
		rc = EXIT_INTERNAL;
		goto done;
	}
	cits = calloc(m.n ? m.n : 1, sizeof(*cits));
	size_t *which = calloc(m.n ? m.n : 1, sizeof(size_t));
	if (!cits || !which) {
		free(used);
		free(which);
		rc = EXIT_INTERNAL;
		goto done;
	}
	/* record indices sorted by id: 100,000 citations against a large
	 * database must not compare every key with every record */
	size_t nid = 0;
	byid = malloc((nrec ? nrec : 1) * sizeof(*byid));
	if (!byid) {
		free(used);
		free(which);
		rc = EXIT_INTERNAL;
		goto done;
	}
	for (size_t r = 0; r < nrec; r++)
		if (lit_record_id(lit_records_at(recs, r)))
			byid[nid++] = (id_index){ lit_record_id(lit_records_at(recs, r)), r };
	if (nid)
		qsort(byid, nid, sizeof(*byid), id_cmp);
	for (size_t i = 0; i < m.n; i++) {
		mcit *c = &m.v[i];
		int ok = 1;
		for (size_t j = 0; j < c->count; j++) {
			size_t r = find_id(byid, nid, recs, c->cites[j].id);
			if (r == nrec) {
				fprintf(stderr, "litera: %s:%ld: unknown citation key '%s'\n", ms, c->line, c->cites[j].id);
				unknown++;
				ok = 0;
			} else {
				used[r] = 1;
			}
		}
		if (ok) {
			which[ncits] = i;
			cits[ncits].cites = c->cites;
			cits[ncits].count = c->count;
			cits[ncits].note = (int)ncits + 1;
			ncits++;
		}
	}
	for (size_t r = 0; r < nrec; r++)
		if (!used[r]) {
			const lit_record *rec = lit_records_at(recs, r);
			const char *src = lit_record_source(rec);
			fprintf(stderr, "litera: %s%s%ld%swarning: record '%s' is never cited\n",
			        src ? src : "", src ? ":" : "", src ? lit_record_line(rec) : 0L, src ? ": " : "",
			        lit_record_id(rec) ? lit_record_id(rec) : "(no id)");
		}
	free(used);
	if (lit_csl_engine_new(&eng, st, recs, (lit_csl_format)fmt, &err) != LIT_OK ||
	    lit_csl_engine_cite(eng, cits, ncits, &rendered, &err) != LIT_OK) {
		free(which);
		cli_report(&err);
		rc = cli_exit_code(err.code);
		goto done;
	}
	char *bib = NULL;
	size_t blen = 0;
	if (ncits && lit_csl_engine_bibliography(eng, &bib, &blen, &err) != LIT_OK) {
		free(which);
		cli_report(&err);
		rc = cli_exit_code(err.code);
		goto done;
	}
	/* assemble */
	size_t cap = tlen + blen + 256;
	for (size_t i = 0; i < ncits; i++)
		cap += strlen(rendered[i]) + 16;
	char *res = malloc(cap);
	if (!res) {
		free(which);
		lit_free(bib);
		rc = EXIT_INTERNAL;
		goto done;
	}
	size_t o = 0, pos = 0;
	int note = lit_csl_style_is_note(st);
	if (kind != MS_AUX) {
		for (size_t i = 0; i < ncits; i++) {
			mcit *c = &m.v[which[i]];
			memcpy(res + o, text + pos, c->start - pos);
			o += c->start - pos;
			int fn = note || c->footnote;
			const char *open = fn ? (kind == MS_LATEX ? "\\footnote{" : "^[") : "";
			const char *close = fn ? (kind == MS_LATEX ? "}" : "]") : "";
			o += (size_t)sprintf(res + o, "%s%s%s", open, rendered[i], close);
			pos = c->end;
		}
		memcpy(res + o, text + pos, tlen - pos);
		o += tlen - pos;
		if (ncits) {
			while (o && (res[o - 1] == '\n'))
				o--;
			o += (size_t)sprintf(res + o, "\n\n");
		}
	}
	if (bib) {
		memcpy(res + o, bib, blen);
		o += blen;
		if (o && res[o - 1] != '\n')
			res[o++] = '\n';
	}
	free(which);
	lit_free(bib);
	if (lit_write_atomic(out, res, o, &err) != LIT_OK) {
		cli_report(&err);
		rc = EXIT_IO;
	} else if (unknown) {
		rc = EXIT_BADINPUT;
	}
	free(res);
done:
	free(byid);
	lit_csl_strings_free(rendered, ncits);
	for (size_t i = 0; i < m.n; i++)
		free(m.v[i].cites);
	free(m.v);
	for (size_t i = 0; i < m.nstr; i++)
		free(m.strs[i]);
	free(m.strs);
	free(cits);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(recs);
	free(text);
	free(bibs);
	return rc;
}
