/*
 * adapters.c - the input adapters of extraction: each turns one kind of
 * document into what the segmenter reads (running text plus notes kept
 * apart) or straight into items.
 *
 *   HTML  libxml2's HTML parser; block elements become paragraphs, <ol>
 *         items get their numbers, <sup> digits become superscript
 *         markers, footnote/endnote sections become notes.
 *   DOCX  libzip + libxml2: word/document.xml paragraphs (auto-numbered
 *         list paragraphs get their numbers), footnote and endnote
 *         references become markers, word/footnotes.xml and endnotes.xml
 *         become notes linked to them.
 *   JATS  <ref-list>/<ref> (label + mixed/element citation), <fn> notes,
 *         <xref ref-type="bibr"> citations.
 *   TEI   <listBibl>/<biblStruct>|<bibl>, <note place="foot">, <ref target>.
 *   PDF   the `pdftotext` program of poppler-utils, run without a shell.
 *
 * This is the one place extraction walks libxml2 trees and talks to libzip;
 * documents are parsed by the libxml2 adapter (util/xml.c), and errors
 * become lit_error messages here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/tree.h>
#include <zip.h>

#include "extract_int.h"
#include "util/xml.h"

#define MAX_PART ((size_t)128 << 20)   /* largest DOCX part we inflate */

/* ------------------------------------------------------------------
 * Kinds
 * ---------------------------------------------------------------- */

int lit_xformat_from_name(const char *name)
{
	static const struct { const char *n; int k; } names[] = {
		{ "text", LIT_XF_TEXT }, { "txt", LIT_XF_TEXT }, { "plain", LIT_XF_TEXT },
		{ "markdown", LIT_XF_MARKDOWN }, { "md", LIT_XF_MARKDOWN },
		{ "html", LIT_XF_HTML }, { "htm", LIT_XF_HTML }, { "docx", LIT_XF_DOCX },
		{ "jats", LIT_XF_JATS }, { "tei", LIT_XF_TEI }, { "pdf", LIT_XF_PDF },
		{ NULL, 0 }
	};
	for (size_t i = 0; names[i].n; i++) {
		const char *a = names[i].n, *b = name;
		while (*a && *b && (*a == *b || *a == (*b | 0x20)))
			a++, b++;
		if (!*a && !*b)
			return names[i].k;
	}
	return -1;
}

static int ends_with_ci(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	if (m > n)
		return 0;
	for (size_t i = 0; i < m; i++) {
		char c = s[n - m + i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != suf[i])
			return 0;
	}
	return 1;
}

static int has_str(const char *s, size_t n, const char *pat)
{
	size_t m = strlen(pat);
	if (n > 65536)
		n = 65536;
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(s + i, pat, m) == 0)
			return 1;
	return 0;
}

int lit_xformat_detect(const char *data, size_t len, const char *filename)
{
	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
		return LIT_XF_PDF;
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
		return LIT_XF_DOCX;
	if (filename) {
		if (ends_with_ci(filename, ".pdf")) return LIT_XF_PDF;
		if (ends_with_ci(filename, ".docx")) return LIT_XF_DOCX;
		if (ends_with_ci(filename, ".html") || ends_with_ci(filename, ".htm") ||
		    ends_with_ci(filename, ".xhtml"))
			return LIT_XF_HTML;
		if (ends_with_ci(filename, ".md") || ends_with_ci(filename, ".markdown"))
			return LIT_XF_MARKDOWN;
	}
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
		i++;
	if (len - i > 3 && (unsigned char)data[i] == 0xEF && (unsigned char)data[i + 1] == 0xBB)
		i += 3;
	if (i < len && data[i] == '<') {
		if (has_str(data, len, "<TEI") || has_str(data, len, "<listBibl"))
			return LIT_XF_TEI;
		if (has_str(data, len, "<ref-list") || has_str(data, len, "JATS") ||
		    has_str(data, len, "<!DOCTYPE article"))
			return LIT_XF_JATS;
		if (has_str(data, len, "<html") || has_str(data, len, "<HTML") ||
		    has_str(data, len, "<!DOCTYPE html") || has_str(data, len, "<!doctype html") ||
		    has_str(data, len, "<body") || has_str(data, len, "<p>"))
			return LIT_XF_HTML;
	}
	if (has_str(data, len, "\n[^1]:") || has_str(data, len, "\n# ") ||
	    has_str(data, len, "\n## "))
		return LIT_XF_MARKDOWN;
	return LIT_XF_TEXT;
}

void lit_xnotes_free(lit_xnote *notes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(notes[i].text);
	free(notes);
}

typedef struct notes_acc {
	lit_xnote *v;
	size_t n, cap;
	int failed;
} notes_acc;

static lit_xnote *note_push(notes_acc *a, int where, const char *label, long line)
{
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		lit_xnote *p = realloc(a->v, cap * sizeof *p);
		if (!p) {
			a->failed = 1;
			return NULL;
		}
		a->v = p;
		a->cap = cap;
	}
	lit_xnote *nt = &a->v[a->n++];
	memset(nt, 0, sizeof *nt);
	nt->where = where;
	nt->line = line;
	snprintf(nt->label, sizeof nt->label, "%s", label ? label : "");
	return nt;
}

/* Superscript form of a decimal number. */
static void put_sup(lit_buf *b, long v)
{
	static const char *const sup[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
	char d[24];
	snprintf(d, sizeof d, "%ld", v);
	for (char *c = d; *c; c++)
		lit_buf_puts(b, sup[*c - '0']);
}

static long count_lines(const lit_buf *b)
{
	long n = 1;
	for (size_t i = 0; i < b->len; i++)
		n += b->ptr[i] == '\n';
	return n;
}

/* Ensure the text ends with a blank line (paragraph break). */
static void para_break(lit_buf *b)
{
	if (b->len == 0)
		return;
	while (b->len && (b->ptr[b->len - 1] == ' ' || b->ptr[b->len - 1] == '\t'))
		b->len--;
	if (b->ptr)
		b->ptr[b->len] = 0;
	if (b->len && b->ptr[b->len - 1] != '\n')
		lit_buf_putc(b, '\n');
	if (b->len >= 2 && b->ptr[b->len - 2] == '\n')
		return;
	lit_buf_putc(b, '\n');
}

/* Append text collapsing white space as HTML does. */
static void put_collapsed(lit_buf *b, const char *s)
{
	for (; *s; s++) {
		char c = *s;
		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c == ' ' && (b->len == 0 || b->ptr[b->len - 1] == ' ' || b->ptr[b->len - 1] == '\n'))
			continue;
		lit_buf_putc(b, c);
	}
}

static int name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static char *attr(const xmlNode *n, const char *name)
{
	return (char *)xmlGetProp((xmlNode *)n, (const xmlChar *)name);
}

/* All the text below a node, collapsed. */
static void text_of(lit_buf *b, const xmlNode *n)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				put_collapsed(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			if (name_is(c, "script") || name_is(c, "style"))
				continue;
			if (name_is(c, "br"))
				lit_buf_putc(b, ' ');
			text_of(b, c->children);
		}
	}
}

/* ------------------------------------------------------------------
 * HTML
 * ---------------------------------------------------------------- */

typedef struct html_ctx {
	lit_buf *out;
	notes_acc notes;
	int depth;
} html_ctx;

static int is_block(const char *nm)
{
	static const char *const blocks[] = {
		"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li",
		"tr", "blockquote", "pre", "ul", "ol", "table", "dd", "dt", "dl", "header",
		"footer", "aside", "main", "nav", "figure", "figcaption", "hr", "body", "td",
		NULL
	};
	for (size_t i = 0; blocks[i]; i++)
		if (strcmp(nm, blocks[i]) == 0)
			return 1;
	return 0;
}

/* A footnote/endnote container: 0 no, LIT_XW_FOOT or LIT_XW_END. */
static int notes_container(const xmlNode *n)
{
	const char *names[] = { "class", "id", "role", "epub:type", "type", NULL };
	for (size_t i = 0; names[i]; i++) {
		char *v = attr(n, names[i]);
		if (!v)
			continue;
		int k = 0;
		if (strstr(v, "endnote") || strstr(v, "doc-endnotes"))
			k = LIT_XW_END;
		else if (strstr(v, "footnotes") || strstr(v, "doc-footnotes") ||
		         strcmp(v, "footnote-list") == 0 || strcmp(v, "fn-group") == 0)
			k = LIT_XW_FOOT;
		xmlFree(v);
		if (k)
			return k;
	}
	return 0;
}

static int attr_has_note(const xmlNode *n);

static void html_notes(html_ctx *h, const xmlNode *box, int where)
{
	long k = 0;
	for (const xmlNode *c = box->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, "ol") || name_is(c, "ul") || name_is(c, "div") || name_is(c, "section")) {
			if (!name_is(c, "div") || !attr_has_note(c))
				html_notes(h, c, where);
			else
				goto one;
			continue;
		}
		if (!name_is(c, "li") && !name_is(c, "p") && !name_is(c, "aside"))
			continue;
one:
		k++;
		lit_buf t = LIT_BUF_INIT;
		text_of(&t, c->children);
		if (lit_buf_status(&t)) {
			h->notes.failed = 1;
			lit_buf_free(&t);
			return;
		}
		/* label: a leading number, or the position */
		const char *s = t.ptr ? t.ptr : "";
		while (*s == ' ')
			s++;
		char label[24];
		size_t d = 0;
		while (s[d] >= '0' && s[d] <= '9' && d < 6)
			d++;
		if (d && (s[d] == ' ' || s[d] == '.' || s[d] == ')')) {
			snprintf(label, sizeof label, "%.*s", (int)d, s);
			s += d;
			while (*s == ' ' || *s == '.' || *s == ')')
				s++;
		} else {
			snprintf(label, sizeof label, "%ld", k);
		}
		/* drop back-links */
		lit_buf clean = LIT_BUF_INIT;
		for (const char *p = s; *p; p++) {
			if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x86 &&
			    (unsigned char)p[2] == 0xA9) {
				p += 2;
				continue;
			}
			lit_buf_putc(&clean, *p);
		}
		while (clean.len && clean.ptr[clean.len - 1] == ' ')
			clean.ptr[--clean.len] = 0;
		lit_xnote *nt = clean.len ? note_push(&h->notes, where, label, 0) : NULL;
		if (nt)
			nt->text = lit_buf_detach(&clean, NULL);
		lit_buf_free(&clean);
		lit_buf_free(&t);
	}
}

static int attr_has_note(const xmlNode *n)
{
	char *v = attr(n, "class");
	int r = v && (strstr(v, "footnote") || strstr(v, "endnote"));
	if (v)
		xmlFree(v);
	return r;
}

/* A footnote reference or back-link: <a href="#_ftn1">, <a href="#fn1">,
 * <span class="MsoFootnoteReference">. */
static int note_link(const xmlNode *n)
{
	int r = 0;
	if (name_is(n, "a")) {
		char *href = attr(n, "href");
		if (href && href[0] == '#' &&
		    (strstr(href, "ftn") || strstr(href, "edn") || strncmp(href, "#fn", 3) == 0 ||
		     strstr(href, "footnote") || strstr(href, "endnote")))
			r = 1;
		if (href)
			xmlFree(href);
	} else if (name_is(n, "span")) {
		char *cls = attr(n, "class");
		if (cls && (strstr(cls, "FootnoteReference") || strstr(cls, "EndnoteReference")))
			r = 1;
		if (cls)
			xmlFree(cls);
	}
	return r;
}

static void html_walk(html_ctx *h, const xmlNode *n, long *olnum)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				put_collapsed(h->out, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || !c->name)
			continue;
		const char *nm = (const char *)c->name;
		if (!strcmp(nm, "script") || !strcmp(nm, "style") || !strcmp(nm, "head") ||
		    !strcmp(nm, "noscript") || !strcmp(nm, "template"))
			continue;
		if (++h->depth > 200) {
			h->depth--;
			continue;
		}
		int nk = notes_container(c);
		if (nk) {
			html_notes(h, c, nk);
			h->depth--;
			continue;
		}
		if (!strcmp(nm, "br")) {
			lit_buf_putc(h->out, '\n');
		} else if (note_link(c)) {
			/* Word HTML and similar: <a href="#_ftn1">[1]</a> in the text,
			 * <a href="#_ftnref1" name="_ftn1">[1]</a> before the note */
			lit_buf t = LIT_BUF_INIT;
			text_of(&t, c->children);
			const char *q = t.ptr ? t.ptr : "";
			while (*q == ' ' || *q == '[')
				q++;
			char *end;
			long v = strtol(q, &end, 10);
			while (*end == ']' || *end == ' ')
				end++;
			if (end != q && !*end && v > 0 && v < 100000)
				put_sup(h->out, v);
			else
				lit_buf_puts(h->out, t.ptr ? t.ptr : "");
			lit_buf_free(&t);
		} else if (!strcmp(nm, "sup")) {
			lit_buf t = LIT_BUF_INIT;
			text_of(&t, c->children);
			const char *s = t.ptr ? t.ptr : "";
			while (*s == ' ' || *s == '[')
				s++;
			char *end;
			long v = strtol(s, &end, 10);
			while (*end == ']' || *end == ' ')
				end++;
			if (end != s && !*end && v > 0 && v < 100000)
				put_sup(h->out, v);
			else
				lit_buf_puts(h->out, t.ptr ? t.ptr : "");
			lit_buf_free(&t);
		} else if (is_block(nm)) {
			para_break(h->out);
			if (!strcmp(nm, "li")) {
				if (olnum && *olnum > 0) {
					char *v = attr(c, "value");
					if (v) {
						long x = strtol(v, NULL, 10);
						if (x > 0)
							*olnum = x;
						xmlFree(v);
					}
					lit_buf_printf(h->out, "%ld. ", *olnum);
					(*olnum)++;
				} else if (olnum) {
					lit_buf_puts(h->out, "- ");
				}
			}
			if (!strcmp(nm, "ol")) {
				long num = 1;
				char *st = attr(c, "start");
				if (st) {
					long x = strtol(st, NULL, 10);
					if (x > 0)
						num = x;
					xmlFree(st);
				}
				html_walk(h, c->children, &num);
			} else if (!strcmp(nm, "ul")) {
				long none = 0;
				html_walk(h, c->children, &none);
			} else {
				html_walk(h, c->children, NULL);
			}
			para_break(h->out);
		} else {
			html_walk(h, c->children, NULL);
		}
		h->depth--;
	}
}

static void notes_lines(notes_acc *a, long line)
{
	for (size_t i = 0; i < a->n; i++)
		if (!a->v[i].line)
			a->v[i].line = line + (long)i;
}

int lit_xhtml_to_text(const char *data, size_t len, lit_buf *text, lit_xnote **notes,
                      size_t *nnotes, lit_error *err)
{
	*notes = NULL;
	*nnotes = 0;
	if (len > (size_t)INT32_MAX)
		return lit_error_set(err, LIT_ELIMIT, NULL, 0, "HTML input too large");
	xmlDoc *doc = lit_xml_parse(data, len, LIT_XML_HTML, NULL, 0, err);
	if (!doc)
		return err ? err->code : LIT_EPARSE;
	html_ctx h;
	memset(&h, 0, sizeof h);
	h.out = text;
	html_walk(&h, xmlDocGetRootElement(doc), NULL);
	xmlFreeDoc(doc);
	notes_lines(&h.notes, count_lines(text) + 1);
	*notes = h.notes.v;
	*nnotes = h.notes.n;
	if (h.notes.failed || lit_buf_status(text))
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory reading HTML");
	return LIT_OK;
}

/* ------------------------------------------------------------------
 * DOCX
 * ---------------------------------------------------------------- */

static int zip_part(zip_t *z, const char *name, char **out, size_t *outlen)
{
	*out = NULL;
	*outlen = 0;
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat(z, name, 0, &st) != 0)
		return LIT_ENOTFOUND;
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > MAX_PART)
		return LIT_ELIMIT;
	zip_file_t *f = zip_fopen(z, name, 0);
	if (!f)
		return LIT_EPARSE;
	char *buf = malloc((size_t)st.size + 1);
	if (!buf) {
		zip_fclose(f);
		return LIT_ENOMEM;
	}
	zip_int64_t got = 0;
	while ((zip_uint64_t)got < st.size) {
		zip_int64_t r = zip_fread(f, buf + got, st.size - (zip_uint64_t)got);
		if (r <= 0)
			break;
		got += r;
	}
	zip_fclose(f);
	if ((zip_uint64_t)got != st.size) {
		free(buf);
		return LIT_EPARSE;
	}
	buf[got] = 0;
	*out = buf;
	*outlen = (size_t)got;
	return LIT_OK;
}

/* XML through the libxml2 adapter; NULL with ERR (may be NULL) filled. */
static xmlDocPtr read_xml(const char *data, size_t len, lit_error *err)
{
	return lit_xml_parse(data, len, LIT_XML_STRICT, NULL, 0, err);
}

typedef struct docx_ctx {
	lit_buf *out;
	/* footnote id -> number as shown */
	long *fn_ids, *en_ids;
	size_t nfn, nen, capfn, capen;
	long *fn_line, *en_line;
	long numcount[64];   /* auto-numbering per numId */
	int failed;
	int depth;
} docx_ctx;

static long id_attr(const xmlNode *n)
{
	char *v = (char *)xmlGetProp((xmlNode *)n, (const xmlChar *)"id");
	if (!v)
		return -1;
	long x = strtol(v, NULL, 10);
	xmlFree(v);
	return x;
}

static int push_id(long **ids, long **lines, size_t *n, size_t *cap, long id, long line)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		long *p = realloc(*ids, c * sizeof *p);
		if (!p)
			return -1;
		*ids = p;
		long *q = realloc(*lines, c * sizeof *q);
		if (!q)
			return -1;
		*lines = q;
		*cap = c;
	}
	(*ids)[*n] = id;
	(*lines)[*n] = line;
	(*n)++;
	return 0;
}

static void docx_runs(docx_ctx *d, const xmlNode *n)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (++d->depth > 200) {
			d->depth--;
			continue;
		}
		if (name_is(c, "t")) {
			for (const xmlNode *t = c->children; t; t = t->next)
				if (t->type == XML_TEXT_NODE && t->content)
					lit_buf_puts(d->out, (const char *)t->content);
		} else if (name_is(c, "tab")) {
			lit_buf_putc(d->out, ' ');
		} else if (name_is(c, "br") || name_is(c, "cr")) {
			lit_buf_putc(d->out, '\n');
		} else if (name_is(c, "footnoteReference") || name_is(c, "endnoteReference")) {
			int fn = name_is(c, "footnoteReference");
			long id = id_attr(c);
			long line = count_lines(d->out);
			if (fn) {
				if (push_id(&d->fn_ids, &d->fn_line, &d->nfn, &d->capfn, id, line))
					d->failed = 1;
				put_sup(d->out, (long)d->nfn);
			} else {
				if (push_id(&d->en_ids, &d->en_line, &d->nen, &d->capen, id, line))
					d->failed = 1;
				put_sup(d->out, (long)d->nen);
			}
		} else if (name_is(c, "delText") || name_is(c, "instrText") ||
		           name_is(c, "footnoteRef") || name_is(c, "endnoteRef")) {
			/* deleted text, field codes, the note's own number */
		} else {
			docx_runs(d, c->children);
		}
		d->depth--;
	}
}

/* Auto-numbered paragraph: its numId (>= 0) or -1. */
static long para_num_id(const xmlNode *p)
{
	for (const xmlNode *c = p->children; c; c = c->next) {
		if (!name_is(c, "pPr"))
			continue;
		for (const xmlNode *q = c->children; q; q = q->next) {
			if (!name_is(q, "numPr"))
				continue;
			for (const xmlNode *r = q->children; r; r = r->next) {
				if (name_is(r, "numId")) {
					char *v = (char *)xmlGetProp((xmlNode *)r, (const xmlChar *)"val");
					long x = v ? strtol(v, NULL, 10) : -1;
					if (v)
						xmlFree(v);
					return x > 0 ? x : -1;
				}
			}
		}
	}
	return -1;
}

static void docx_body(docx_ctx *d, const xmlNode *n)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, "p")) {
			long nid = para_num_id(c);
			if (nid > 0) {
				size_t slot = (size_t)nid % 64;
				d->numcount[slot]++;
				lit_buf_printf(d->out, "%ld. ", d->numcount[slot]);
			}
			docx_runs(d, c->children);
			para_break(d->out);
		} else if (++d->depth <= 200) {
			docx_body(d, c->children);
			d->depth--;
		}
	}
}

static void docx_notes(docx_ctx *d, const char *xml, size_t len, int where, notes_acc *acc)
{
	xmlDocPtr doc = read_xml(xml, len, NULL);
	if (!doc)
		return;
	const xmlNode *root = xmlDocGetRootElement(doc);
	long *ids = where == LIT_XW_FOOT ? d->fn_ids : d->en_ids;
	long *lines = where == LIT_XW_FOOT ? d->fn_line : d->en_line;
	size_t nids = where == LIT_XW_FOOT ? d->nfn : d->nen;
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		if (!name_is(c, "footnote") && !name_is(c, "endnote"))
			continue;
		char *type = (char *)xmlGetProp((xmlNode *)c, (const xmlChar *)"type");
		int special = type && (strstr(type, "eparator") || strstr(type, "ontinuation"));
		if (type)
			xmlFree(type);
		if (special)
			continue;
		long id = id_attr(c);
		size_t k;
		for (k = 0; k < nids; k++)
			if (ids[k] == id)
				break;
		if (k == nids)
			continue;   /* never referenced */
		lit_buf t = LIT_BUF_INIT;
		lit_buf *save = d->out;
		d->out = &t;
		for (const xmlNode *p = c->children; p; p = p->next) {
			if (name_is(p, "p")) {
				docx_runs(d, p->children);
				lit_buf_putc(&t, '\n');
			}
		}
		d->out = save;
		char label[24];
		snprintf(label, sizeof label, "%zu", k + 1);
		lit_xnote *nt = NULL;
		if (!lit_buf_status(&t) && t.len)
			nt = note_push(acc, where, label, lines[k]);
		if (nt)
			nt->text = lit_buf_detach(&t, NULL);
		lit_buf_free(&t);
	}
	xmlFreeDoc(doc);
}

int lit_xdocx_to_text(const char *data, size_t len, lit_buf *text, lit_xnote **notes,
                      size_t *nnotes, lit_error *err)
{
	*notes = NULL;
	*nnotes = 0;
	zip_error_t zerr;
	zip_error_init(&zerr);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &zerr);
	if (!src) {
		zip_error_fini(&zerr);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory opening DOCX");
	}
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	if (!z) {
		zip_source_free(src);
		int rc = lit_error_set(err, LIT_EPARSE, NULL, 0, "not a DOCX (zip) file: %s",
		                       zip_error_strerror(&zerr));
		zip_error_fini(&zerr);
		return rc;
	}
	zip_error_fini(&zerr);
	char *xml = NULL;
	size_t xlen = 0;
	int rc = zip_part(z, "word/document.xml", &xml, &xlen);
	if (rc != LIT_OK) {
		zip_close(z);
		return lit_error_set(err, rc == LIT_ENOMEM ? LIT_ENOMEM : LIT_EPARSE, NULL, 0,
		                     "DOCX has no readable word/document.xml");
	}
	xmlDocPtr doc = read_xml(xml, xlen, NULL);
	free(xml);
	if (!doc) {
		zip_close(z);
		return lit_error_set(err, LIT_EPARSE, NULL, 0, "word/document.xml is not well-formed XML");
	}
	docx_ctx d;
	memset(&d, 0, sizeof d);
	d.out = text;
	docx_body(&d, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	notes_acc acc;
	memset(&acc, 0, sizeof acc);
	if (zip_part(z, "word/footnotes.xml", &xml, &xlen) == LIT_OK) {
		docx_notes(&d, xml, xlen, LIT_XW_FOOT, &acc);
		free(xml);
	}
	if (zip_part(z, "word/endnotes.xml", &xml, &xlen) == LIT_OK) {
		docx_notes(&d, xml, xlen, LIT_XW_END, &acc);
		free(xml);
	}
	zip_close(z);
	free(d.fn_ids);
	free(d.en_ids);
	free(d.fn_line);
	free(d.en_line);
	*notes = acc.v;
	*nnotes = acc.n;
	if (d.failed || acc.failed || lit_buf_status(text))
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory reading DOCX");
	return LIT_OK;
}

/* ------------------------------------------------------------------
 * JATS and TEI
 * ---------------------------------------------------------------- */

typedef struct xref_ctx {
	lit_xdoc *doc;
	int kind;
	/* ids of the items, parallel to doc->items from `first` */
	char **ids;
	size_t nids, capids;
	size_t first;
	int depth;
} xref_ctx;

static void add_id(xref_ctx *x, const xmlNode *n)
{
	char *id = attr(n, "id");
	if (!id)
		id = (char *)xmlGetNsProp((xmlNode *)n, (const xmlChar *)"id", XML_XML_NAMESPACE);
	if (x->nids == x->capids) {
		size_t cap = x->capids ? x->capids * 2 : 32;
		char **p = realloc(x->ids, cap * sizeof *p);
		if (!p) {
			if (id)
				xmlFree(id);
			x->doc->failed = 1;
			return;
		}
		x->ids = p;
		x->capids = cap;
	}
	x->ids[x->nids++] = id;
}

static void element_text(lit_buf *b, const xmlNode *n, int sep)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			if (sep && b->len && b->ptr[b->len - 1] != ' ')
				lit_buf_putc(b, ' ');
			put_collapsed(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && !name_is(c, "label")) {
			element_text(b, c->children, sep);
		}
	}
}

/* First descendant element called `name` (any depth, bounded). */
static const xmlNode *find_el(const xmlNode *n, const char *name, int depth)
{
	for (const xmlNode *c = n ? n->children : NULL; c && depth < 20; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, name))
			return c;
		const xmlNode *r = find_el(c, name, depth + 1);
		if (r)
			return r;
	}
	return NULL;
}

/* Text of the first descendant `name` whose attribute `an` is `av` (any when NULL). */
static int put_el(lit_buf *b, const xmlNode *n, const char *name, const char *an,
                  const char *av, const char *before, const char *after)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		int ok = name_is(c, name);
		if (ok && an) {
			char *v = attr(c, an);
			ok = v && strcmp(v, av) == 0;
			if (v)
				xmlFree(v);
		}
		if (ok) {
			lit_buf t = LIT_BUF_INIT;
			element_text(&t, c->children, 1);
			const char *s = t.ptr ? t.ptr : "";
			while (*s == ' ')
				s++;
			size_t len = strlen(s);
			while (len && s[len - 1] == ' ')
				len--;
			if (len) {
				lit_buf_puts(b, before);
				lit_buf_put(b, s, len);
				lit_buf_puts(b, after);
			}
			lit_buf_free(&t);
			return len > 0;
		}
		if (put_el(b, c, name, an, av, before, after))
			return 1;
	}
	return 0;
}

/* A structured citation (JATS element-citation, TEI biblStruct) written as
 * a GOST-style reference string, so the parser reads it like printed text. */
static void structured_text(lit_buf *b, const xmlNode *n, int tei)
{
	/* authors */
	int k = 0;
	const char *pname = tei ? "persName" : "name";
	const char *fam = tei ? "surname" : "surname";
	const char *giv = tei ? "forename" : "given-names";
	const xmlNode *scope = tei ? n : find_el(n, "person-group", 0);
	if (!scope)
		scope = n;
	for (const xmlNode *c = scope->children; c; c = c->next) {
		const xmlNode *pn = NULL;
		if (name_is(c, pname))
			pn = c;
		else if (tei && name_is(c, "author"))
			pn = find_el(c, "persName", 0) ? find_el(c, "persName", 0) : c;
		else if (tei && (name_is(c, "analytic") || name_is(c, "monogr"))) {
			for (const xmlNode *a = c->children; a; a = a->next)
				if (name_is(a, "author")) {
					const xmlNode *p2 = find_el(a, "persName", 0);
					lit_buf_puts(b, k++ ? ", " : "");
					if (!p2 || !put_el(b, p2, fam, NULL, NULL, "", ""))
						element_text(b, a->children, 1);
					if (p2)
						put_el(b, p2, giv, NULL, NULL, " ", "");
				}
			if (k)
				break;
			continue;
		}
		if (!pn)
			continue;
		lit_buf_puts(b, k++ ? ", " : "");
		if (!put_el(b, pn, fam, NULL, NULL, "", ""))
			element_text(b, pn->children, 1);
		put_el(b, pn, giv, NULL, NULL, " ", "");
	}
	if (k)
		lit_buf_puts(b, b->len && b->ptr[b->len - 1] == '.' ? " " : ". ");
	if (tei) {
		int art = put_el(b, n, "title", "level", "a", "", "");
		if (art)
			lit_buf_puts(b, " // ");
		if (!put_el(b, n, "title", "level", "j", "", ". ") && !put_el(b, n, "title", "level", "m", "", ". "))
			put_el(b, n, "title", NULL, NULL, "", ". ");
		put_el(b, n, "pubPlace", NULL, NULL, "", ": ");
		put_el(b, n, "publisher", NULL, NULL, "", ", ");
		put_el(b, n, "date", NULL, NULL, "", ". ");
		put_el(b, n, "biblScope", "unit", "volume", "Vol. ", ", ");
		put_el(b, n, "biblScope", "unit", "issue", "no. ", ". ");
		put_el(b, n, "biblScope", "unit", "page", "P. ", ". ");
		put_el(b, n, "idno", "type", "DOI", "DOI: ", ". ");
		put_el(b, n, "ptr", NULL, NULL, "", "");
	} else {
		int art = put_el(b, n, "article-title", NULL, NULL, "", "") ||
		          put_el(b, n, "chapter-title", NULL, NULL, "", "");
		if (art)
			lit_buf_puts(b, " // ");
		put_el(b, n, "source", NULL, NULL, "", ". ");
		put_el(b, n, "publisher-loc", NULL, NULL, "", ": ");
		put_el(b, n, "publisher-name", NULL, NULL, "", ", ");
		put_el(b, n, "year", NULL, NULL, "", ". ");
		put_el(b, n, "volume", NULL, NULL, "Vol. ", ", ");
		put_el(b, n, "issue", NULL, NULL, "no. ", ". ");
		if (put_el(b, n, "fpage", NULL, NULL, "P. ", ""))
			put_el(b, n, "lpage", NULL, NULL, "–", "");
		lit_buf_puts(b, ". ");
		put_el(b, n, "pub-id", "pub-id-type", "doi", "DOI: ", ". ");
		put_el(b, n, "uri", NULL, NULL, "URL: ", ". ");
		put_el(b, n, "ext-link", NULL, NULL, "URL: ", ". ");
	}
	/* tidy: no ". . " */
	size_t o = 0;
	for (size_t i = 0; i < b->len; i++) {
		if (b->ptr[i] == '.' && o >= 2 && b->ptr[o - 1] == ' ' && b->ptr[o - 2] == '.')
			continue;
		if (b->ptr[i] == ' ' && o && b->ptr[o - 1] == ' ')
			continue;
		b->ptr[o++] = b->ptr[i];
	}
	if (b->ptr) {
		b->len = o;
		while (b->len && b->ptr[b->len - 1] == ' ')
			b->len--;
		b->ptr[b->len] = 0;
	}
}

static void add_xml_item(xref_ctx *x, const xmlNode *n, int where, const char *label, int sep)
{
	lit_buf b = LIT_BUF_INIT;
	if (name_is(n, "element-citation") || name_is(n, "biblStruct"))
		structured_text(&b, n, name_is(n, "biblStruct"));
	if (b.len == 0)
		element_text(&b, n->children, sep);
	while (b.len && b.ptr[b.len - 1] == ' ')
		b.ptr[--b.len] = 0;
	const char *s = b.ptr ? b.ptr : "";
	while (*s == ' ')
		s++;
	if (*s && !lit_buf_status(&b)) {
		long ix = lit_xdoc_add(x->doc, where, (long)xmlGetLineNo((xmlNode *)n), label, s,
		                       strlen(s));
		if (ix >= 0) {
			add_id(x, n);
			if (where == LIT_XW_LIST)
				x->doc->n_list++;
			else if (lit_xbib_score(s, strlen(s)) < 2) {
				x->doc->items[ix].nonbib = 1;
				x->doc->n_nonbib++;
				x->doc->n_foot++;
			} else {
				x->doc->n_foot++;
			}
		}
	}
	lit_buf_free(&b);
}

static void label_of(const xmlNode *n, char *label, size_t cap)
{
	label[0] = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (name_is(c, "label")) {
			lit_buf b = LIT_BUF_INIT;
			element_text(&b, c->children, 0);
			const char *s = b.ptr ? b.ptr : "";
			while (*s == '[' || *s == ' ')
				s++;
			size_t k = 0;
			while (s[k] && s[k] != ']' && s[k] != '.' && k + 1 < cap)
				k++;
			memcpy(label, s, k);
			label[k] = 0;
			lit_buf_free(&b);
			return;
		}
	}
	char *v = attr(n, "n");
	if (v) {
		snprintf(label, cap, "%s", v);
		xmlFree(v);
	}
}

static void xml_walk(xref_ctx *x, const xmlNode *n)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (++x->depth > 300) {
			x->depth--;
			continue;
		}
		char label[24];
		if (x->kind == LIT_XF_JATS && name_is(c, "ref")) {
			label_of(c, label, sizeof label);
			const xmlNode *cit = NULL;
			for (const xmlNode *q = c->children; q; q = q->next)
				if (name_is(q, "mixed-citation") || name_is(q, "element-citation") ||
				    name_is(q, "citation") || name_is(q, "nlm-citation"))
					cit = q;
			if (cit) {
				size_t before = x->doc->nitems;
				add_xml_item(x, cit, LIT_XW_LIST, label, !name_is(cit, "mixed-citation"));
				if (x->doc->nitems > before && x->nids) {
					/* the id is on <ref>, not on the citation */
					char *id = attr(c, "id");
					if (id) {
						if (x->ids[x->nids - 1])
							xmlFree(x->ids[x->nids - 1]);
						x->ids[x->nids - 1] = id;
					}
				}
			}
		} else if (x->kind == LIT_XF_JATS && name_is(c, "fn")) {
			label_of(c, label, sizeof label);
			add_xml_item(x, c, LIT_XW_FOOT, label, 0);
		} else if (x->kind == LIT_XF_TEI && (name_is(c, "biblStruct") || name_is(c, "bibl")) &&
		           c->parent && name_is(c->parent, "listBibl")) {
			label_of(c, label, sizeof label);
			add_xml_item(x, c, LIT_XW_LIST, label, name_is(c, "biblStruct"));
		} else if (x->kind == LIT_XF_TEI && name_is(c, "note")) {
			char *place = attr(c, "place");
			int foot = place && (strstr(place, "foot") || strstr(place, "end"));
			int end = place && strstr(place, "end");
			if (place)
				xmlFree(place);
			if (foot) {
				label_of(c, label, sizeof label);
				add_xml_item(x, c, end ? LIT_XW_END : LIT_XW_FOOT, label, 0);
			} else {
				xml_walk(x, c->children);
			}
		} else {
			xml_walk(x, c->children);
		}
		x->depth--;
	}
}

/* Link <xref rid> (JATS) and <ref target="#id"> / <ptr> (TEI). */
static void xml_cites(xref_ctx *x, const xmlNode *n)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (++x->depth > 300) {
			x->depth--;
			continue;
		}
		char *rid = NULL;
		if (x->kind == LIT_XF_JATS && name_is(c, "xref"))
			rid = attr(c, "rid");
		else if (x->kind == LIT_XF_TEI && (name_is(c, "ref") || name_is(c, "ptr")))
			rid = attr(c, "target");
		if (rid) {
			int linked = 0;
			/* several ids separated by spaces */
			char *save = NULL;
			for (char *tok = strtok_r(rid, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
				const char *id = tok[0] == '#' ? tok + 1 : tok;
				for (size_t k = 0; k < x->nids; k++) {
					if (x->ids[k] && strcmp(x->ids[k], id) == 0) {
						lit_xitem_cite(&x->doc->items[x->first + k],
						               (long)xmlGetLineNo((xmlNode *)c));
						linked = 1;
					}
				}
			}
			if (linked)
				x->doc->n_cites_linked++;
			else if (x->kind == LIT_XF_JATS)
				x->doc->n_cites_unlinked++;
			xmlFree(rid);
		}
		xml_cites(x, c->children);
		x->depth--;
	}
}

int lit_xxml_refs(lit_xdoc *doc, const char *data, size_t len, int kind, lit_error *err)
{
	xmlDocPtr xd = read_xml(data, len, err);
	if (!xd)
		return err ? err->code : LIT_EPARSE;
	xref_ctx x;
	memset(&x, 0, sizeof x);
	x.doc = doc;
	x.kind = kind;
	x.first = doc->nitems;
	const xmlNode *root = xmlDocGetRootElement(xd);
	xml_walk(&x, root);
	x.depth = 0;
	xml_cites(&x, root);
	for (size_t k = 0; k < x.nids; k++)
		if (x.ids[k])
			xmlFree(x.ids[k]);
	free(x.ids);
	xmlFreeDoc(xd);
	if (doc->failed)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory reading XML");
	return LIT_OK;
}

/* ------------------------------------------------------------------
 * PDF through pdftotext
 * ---------------------------------------------------------------- */

int lit_xpdf_to_text(const char *data, size_t len, const char *path, lit_buf *text,
                     lit_error *err)
{
	char tmpl[] = "/tmp/litera-pdf-XXXXXX";
	int tmpfd = -1;
	const char *file = path;
	if (!file) {
		const char *dir = getenv("TMPDIR");
		(void)dir;
		tmpfd = mkstemp(tmpl);
		if (tmpfd < 0)
			return lit_error_set(err, LIT_EIO, NULL, 0, "cannot create a temporary file: %s",
			                     strerror(errno));
		size_t off = 0;
		while (off < len) {
			ssize_t w = write(tmpfd, data + off, len - off);
			if (w <= 0) {
				close(tmpfd);
				unlink(tmpl);
				return lit_error_set(err, LIT_EIO, NULL, 0, "cannot write a temporary file");
			}
			off += (size_t)w;
		}
		close(tmpfd);
		file = tmpl;
	}
	int pfd[2];
	if (pipe(pfd) != 0) {
		if (tmpfd >= 0)
			unlink(tmpl);
		return lit_error_set(err, LIT_EIO, NULL, 0, "pipe: %s", strerror(errno));
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		if (tmpfd >= 0)
			unlink(tmpl);
		return lit_error_set(err, LIT_EEXTERNAL, NULL, 0, "cannot start pdftotext: %s",
		                     strerror(errno));
	}
	if (pid == 0) {
		dup2(pfd[1], 1);
		close(pfd[0]);
		close(pfd[1]);
		int devnull = open("/dev/null", O_WRONLY);
		if (devnull >= 0)
			dup2(devnull, 2);
		char *argv[] = { "pdftotext", "-enc", "UTF-8", "-q", (char *)file, "-", NULL };
		execvp("pdftotext", argv);
		_exit(127);
	}
	close(pfd[1]);
	char chunk[65536];
	ssize_t r;
	while ((r = read(pfd[0], chunk, sizeof chunk)) > 0)
		lit_buf_put(text, chunk, (size_t)r);
	close(pfd[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (tmpfd >= 0)
		unlink(tmpl);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return lit_error_set(err, LIT_EEXTERNAL, path, 0,
		                     "pdftotext is not installed: install poppler-utils "
		                     "(apt-get install poppler-utils) to extract from PDF");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return lit_error_set(err, LIT_EEXTERNAL, path, 0,
		                     "pdftotext could not read the PDF (exit status %d)",
		                     WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	if (lit_buf_status(text))
		return lit_error_set(err, lit_buf_status(text), path, 0, "PDF text too large");
	return LIT_OK;
}
