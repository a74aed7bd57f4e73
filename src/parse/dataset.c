/*
 * dataset.c - reading labelled references for training: AnyStyle XML
 * (<dataset><sequence><author>..</author><title>..</title>..</sequence>)
 * and GROBID TEI (<bibl> with <author>, <title level="a|j|m|s">, <date>,
 * <biblScope unit=...>, <publisher>, <pubPlace>, <idno type=...>, <ptr>,
 * <note>).  Each reference becomes its text (whitespace squashed, as the
 * scorer sees it) with a label per byte; token labels are derived from
 * the byte labels by majority.  This is the parser's only use of libxml2.
 */
#include <dirent.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <libxml/tree.h>
#include "parse_internal.h"
#include "util/xml.h"
#include "ptrain.h"

typedef struct sbuf {
	char *s;
	uint8_t *lab;
	size_t len, cap;
	int failed;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n, int label)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 256;
		while (nc < b->len + n + 1)
			nc *= 2;
		char *ns = realloc(b->s, nc);
		if (!ns) { b->failed = 1; return; }
		b->s = ns;
		uint8_t *nl = realloc(b->lab, nc);
		if (!nl) { b->failed = 1; return; }
		b->lab = nl;
		b->cap = nc;
	}
	memcpy(b->s + b->len, s, n);
	memset(b->lab + b->len, label, n);
	b->len += n;
	b->s[b->len] = 0;
}

/* Collapse whitespace runs (ASCII and Unicode) to one space, trim. */
static void sb_squash(sbuf *b)
{
	size_t o = 0, i = 0;
	int sp = 0;
	while (i < b->len) {
		size_t j = i;
		int32_t c = lit_pu8_next(b->s, b->len, &j);
		if (lit_pu8_is_space(c)) {
			sp = o > 0;
			i = j;
			continue;
		}
		if (sp) {
			b->s[o] = ' ';
			b->lab[o] = b->lab[i];
			o++;
			sp = 0;
		}
		while (i < j) {
			b->s[o] = b->s[i];
			b->lab[o] = b->lab[i];
			o++;
			i++;
		}
	}
	b->len = o;
	if (b->s)
		b->s[o] = 0;
}

int lit_pset_add(lit_pset *set, const char *text, size_t len, const uint8_t *charlab, lit_ptokens *t)
{
	if (len == 0)
		return LIT_OK;
	if (set->n == set->cap) {
		size_t nc = set->cap ? set->cap * 2 : 1024;
		lit_pseq *ns = realloc(set->seq, nc * sizeof *ns);
		if (!ns)
			return LIT_ENOMEM;
		set->seq = ns;
		set->cap = nc;
	}
	lit_pseq *q = &set->seq[set->n];
	q->text = malloc(len + 1);
	if (!q->text)
		return LIT_ENOMEM;
	memcpy(q->text, text, len);
	q->text[len] = 0;
	q->len = len;
	lit_ptok_run(t, q->text, len);
	q->ntok = t->n;
	q->labels = malloc(t->n ? t->n : 1);
	if (!q->labels) {
		free(q->text);
		return LIT_ENOMEM;
	}
	for (size_t i = 0; i < t->n; i++) {
		int cnt[LIT_PL__COUNT] = { 0 }, cnt_all[LIT_PL__COUNT] = { 0 };
		int any = 0;
		for (size_t k = t->tok[i].start; k < t->tok[i].end; k++) {
			unsigned char ch = (unsigned char)text[k];
			int alnum = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
			if (charlab[k] < LIT_PL__COUNT) {
				cnt_all[charlab[k]]++;
				if (alnum) {
					cnt[charlab[k]]++;
					any = 1;
				}
			}
		}
		int *c = any ? cnt : cnt_all, best = charlab[t->tok[i].start] < LIT_PL__COUNT ? charlab[t->tok[i].start] : 0;
		for (int l = 0; l < LIT_PL__COUNT; l++)
			if (c[l] > c[best])
				best = l;
		q->labels[i] = (uint8_t)best;
	}
	/* one convention for every source (AnyStyle's): "In"/"In:" before a
	 * container belongs to it, "(eds.)" next to editors to the editors */
	for (size_t i = 0; i < t->n; i++) {
		const lit_ptoken *k = &t->tok[i];
		if (q->labels[i] != LIT_PL_OTHER)
			continue;
		if ((k->lex & LIT_LEX_IN) && i + 1 < t->n &&
		    (q->labels[i + 1] == LIT_PL_CONTAINER || q->labels[i + 1] == LIT_PL_JOURNAL) &&
		    (text[k->start] == 'I' || text[k->start] == 'i'))
			q->labels[i] = q->labels[i + 1];
		else if ((k->lex & LIT_LEX_ED) &&
		         ((i > 0 && q->labels[i - 1] == LIT_PL_EDITOR) || (i + 1 < t->n && q->labels[i + 1] == LIT_PL_EDITOR)))
			q->labels[i] = LIT_PL_EDITOR;
	}
	set->n++;
	return LIT_OK;
}

void lit_pset_free(lit_pset *set)
{
	for (size_t i = 0; i < set->n; i++) {
		free(set->seq[i].text);
		free(set->seq[i].labels);
	}
	free(set->seq);
	memset(set, 0, sizeof *set);
}

/* ---------------------------------------------------------------- */

static int name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *attr(const xmlNode *n, const char *name)
{
	return (char *)xmlGetProp((xmlNode *)n, (const xmlChar *)name);
}

/* AnyStyle: all text of an element. */
static void collect_text(const xmlNode *n, sbuf *b, int label)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const char *s = (const char *)c->content;
			if (s)
				sb_put(b, s, strlen(s), label);
		} else if (c->type == XML_ELEMENT_NODE) {
			collect_text(c, b, label);
		}
	}
}

static int read_anystyle_seq(const xmlNode *seq, lit_pset *set, lit_ptokens *t)
{
	sbuf b = { 0 };
	int first = 1, rc = LIT_OK, space = 0;
	/* Elements are joined with a space when whitespace separates them in
	 * the file (AnyStyle puts each on its own line) and with nothing when
	 * they touch: <volume>12</volume><issue>(3)</issue>. */
	for (const xmlNode *c = seq->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content && c->content[0])
			space = 1;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		int lab = lit_plabel_from_name((const char *)c->name, strlen((const char *)c->name));
		if (lab < 0)
			lab = LIT_PL_NOTE;
		sbuf part = { 0 };
		collect_text(c, &part, lab);
		sb_squash(&part);
		if (c->children && c->children->type == XML_TEXT_NODE && c->children->content &&
		    (c->children->content[0] == ' ' || c->children->content[0] == '\n'))
			space = 1;
		if (part.len) {
			if (!first && space)
				sb_put(&b, " ", 1, LIT_PL_OTHER);
			space = 0;
			sb_put(&b, part.s, part.len, lab);
			first = 0;
		}
		if (part.failed)
			b.failed = 1;
		free(part.s);
		free(part.lab);
	}
	if (b.failed)
		rc = LIT_ENOMEM;
	else if (b.len)
		rc = lit_pset_add(set, b.s, b.len, b.lab, t);
	free(b.s);
	free(b.lab);
	return rc;
}

static int tei_has_analytic(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (name_is(c, "title")) {
			char *lv = attr(c, "level");
			int a = lv && strcmp(lv, "a") == 0;
			xmlFree(lv);
			if (a)
				return 1;
		}
		if (c->type == XML_ELEMENT_NODE && tei_has_analytic(c))
			return 1;
	}
	return 0;
}

static int tei_label(const xmlNode *n, int analytic, int inherited)
{
	const char *nm = (const char *)n->name;
	int lab = inherited;
	if (!strcmp(nm, "author"))
		lab = LIT_PL_AUTHOR;
	else if (!strcmp(nm, "editor"))
		lab = LIT_PL_EDITOR;
	else if (!strcmp(nm, "title")) {
		char *lv = attr(n, "level");
		if (!lv || !strcmp(lv, "a"))
			lab = LIT_PL_TITLE;
		else if (!strcmp(lv, "j"))
			lab = LIT_PL_JOURNAL;
		else if (!strcmp(lv, "m"))
			lab = analytic ? LIT_PL_CONTAINER : LIT_PL_TITLE;
		else if (!strcmp(lv, "s"))
			lab = LIT_PL_COLLECTION;
		else
			lab = LIT_PL_TITLE;
		xmlFree(lv);
	} else if (!strcmp(nm, "date"))
		lab = LIT_PL_DATE;
	else if (!strcmp(nm, "biblScope")) {
		char *u = attr(n, "unit");
		if (!u)
			u = attr(n, "type");
		lab = LIT_PL_OTHER;
		if (u) {
			if (!strcmp(u, "volume") || !strcmp(u, "vol"))
				lab = LIT_PL_VOLUME;
			else if (!strcmp(u, "issue"))
				lab = LIT_PL_ISSUE;
			else if (!strcmp(u, "page") || !strcmp(u, "pp") || !strcmp(u, "pages"))
				lab = LIT_PL_PAGES;
			else
				lab = LIT_PL_NOTE;
		}
		xmlFree(u);
	} else if (!strcmp(nm, "publisher"))
		lab = LIT_PL_PUBLISHER;
	else if (!strcmp(nm, "pubPlace"))
		lab = LIT_PL_LOCATION;
	else if (!strcmp(nm, "idno")) {
		char *ty = attr(n, "type");
		lab = LIT_PL_NOTE;
		if (ty && !strcasecmp(ty, "doi"))
			lab = LIT_PL_DOI;
		else if (ty && (!strcasecmp(ty, "isbn") || !strcasecmp(ty, "issn")))
			lab = LIT_PL_ISBN;
		xmlFree(ty);
	} else if (!strcmp(nm, "ptr"))
		lab = LIT_PL_URL;
	else if (!strcmp(nm, "note") || !strcmp(nm, "orgName"))
		lab = LIT_PL_NOTE;
	else if (!strcmp(nm, "edition"))
		lab = LIT_PL_EDITION;
	return lab;
}

static void tei_collect(const xmlNode *n, sbuf *b, int analytic, int label)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const char *s = (const char *)c->content;
			if (s)
				sb_put(b, s, strlen(s), label);
		} else if (c->type == XML_ELEMENT_NODE) {
			tei_collect(c, b, analytic, tei_label(c, analytic, label));
		}
	}
}

static int walk(const xmlNode *n, lit_pset *set, lit_ptokens *t, int *kind)
{
	int rc = LIT_OK;
	for (const xmlNode *c = n; c && rc == LIT_OK; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, "sequence")) {
			*kind = 1;
			rc = read_anystyle_seq(c, set, t);
		} else if (name_is(c, "bibl")) {
			sbuf b = { 0 };
			*kind = 2;
			tei_collect(c, &b, tei_has_analytic(c), LIT_PL_OTHER);
			sb_squash(&b);
			if (b.failed)
				rc = LIT_ENOMEM;
			else if (b.len)
				rc = lit_pset_add(set, b.s, b.len, b.lab, t);
			free(b.s);
			free(b.lab);
		} else {
			rc = walk(c->children, set, t, kind);
		}
	}
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int lit_pset_read(lit_pset *set, const char *path, lit_ptokens *t, lit_error *err)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return lit_error_set(err, LIT_EIO, path, 0, "cannot open training data");
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		char **names = NULL;
		size_t nn = 0, cap = 0;
		struct dirent *e;
		int rc = LIT_OK;
		if (!d)
			return lit_error_set(err, LIT_EIO, path, 0, "cannot open directory");
		while ((e = readdir(d)) != NULL) {
			size_t l = strlen(e->d_name);
			if (l < 5 || strcmp(e->d_name + l - 4, ".xml") != 0)
				continue;
			if (nn == cap) {
				cap = cap ? cap * 2 : 64;
				char **nb = realloc(names, cap * sizeof *nb);
				if (!nb) { rc = LIT_ENOMEM; break; }
				names = nb;
			}
			size_t pl = strlen(path) + l + 2;
			names[nn] = malloc(pl);
			if (!names[nn]) { rc = LIT_ENOMEM; break; }
			snprintf(names[nn], pl, "%s/%s", path, e->d_name);
			nn++;
		}
		closedir(d);
		if (names)
			qsort(names, nn, sizeof *names, cmp_str);
		for (size_t i = 0; i < nn; i++) {
			if (rc == LIT_OK)
				rc = lit_pset_read(set, names[i], t, err);
			free(names[i]);
		}
		free(names);
		if (rc == LIT_ENOMEM)
			return lit_error_set(err, rc, path, 0, "out of memory");
		return rc;
	}
	xmlDoc *doc = lit_xml_parse_file(path, LIT_XML_STRICT | LIT_XML_LARGE, 0, err);
	if (!doc)
		return err ? err->code : LIT_EPARSE;
	int kind = 0;
	size_t before = set->n;
	int rc = walk(xmlDocGetRootElement(doc), set, t, &kind);
	xmlFreeDoc(doc);
	if (rc != LIT_OK)
		return lit_error_set(err, rc, path, 0, "out of memory");
	if (kind == 0 || set->n == before)
		return lit_error_set(err, LIT_EPARSE, path, 0,
		                     "no labelled references (expected AnyStyle <sequence> or TEI <bibl> elements)");
	return LIT_OK;
}
