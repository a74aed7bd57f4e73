/*
 * csl_style.c - reading CSL styles and locales with libxml2 (the one file of
 * the processor that includes it), resolving style names to files, and
 * merging locales in the order CSL 1.0.2 prescribes (en-US, the locale
 * file's primary dialect, the exact locale file, then the style's own
 * <locale> elements from the least to the most specific).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <dirent.h>
#include <libxml/tree.h>

#include "csl_int.h"
#include "util/xml.h"

#define SYS_STYLES "/usr/share/citation-style-language/styles"
#define SYS_LOCALES "/usr/share/citation-style-language/locales"
#define MAX_STYLE_BYTES (16u * 1024 * 1024)

/* ------------------------------------------------------------- arena */

struct csl_arena_block {
	csl_arena_block *next;
	size_t used, cap;
	max_align_t data[];
};

void *lit_csl_alloc(csl_arena *a, size_t size)
{
	csl_arena_block *b = a->head;
	size = (size + 15) & ~(size_t)15;
	if (!b || b->cap - b->used < size) {
		size_t cap = size > 32768 ? size : 32768;
		b = malloc(sizeof(*b) + cap);
		if (!b) {
			a->failed = 1;
			return NULL;
		}
		b->cap = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *lit_csl_strndup(csl_arena *a, const char *s, size_t n)
{
	char *p = lit_csl_alloc(a, n + 1);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *lit_csl_strdup(csl_arena *a, const char *s)
{
	return s ? lit_csl_strndup(a, s, strlen(s)) : NULL;
}

void lit_csl_arena_reset(csl_arena *a)
{
	csl_arena_block *b = a->head;
	while (b) {
		csl_arena_block *n = b->next;
		free(b);
		b = n;
	}
	a->head = NULL;
	a->failed = 0;
}

/* ---------------------------------------------------------- nodes */

static const struct { const char *name; int kind; } kinds[] = {
	{ "style", K_STYLE }, { "info", K_INFO }, { "locale", K_LOCALE }, { "macro", K_MACRO },
	{ "citation", K_CITATION }, { "bibliography", K_BIBLIOGRAPHY }, { "layout", K_LAYOUT },
	{ "sort", K_SORT }, { "key", K_KEY }, { "text", K_TEXT }, { "number", K_NUMBER },
	{ "label", K_LABEL }, { "group", K_GROUP }, { "choose", K_CHOOSE }, { "if", K_IF },
	{ "else-if", K_ELSEIF }, { "else", K_ELSE }, { "date", K_DATE }, { "date-part", K_DATEPART },
	{ "names", K_NAMES }, { "name", K_NAME }, { "name-part", K_NAMEPART }, { "et-al", K_ETAL },
	{ "substitute", K_SUBSTITUTE }, { "terms", K_TERMS }, { "term", K_TERM },
	{ "single", K_SINGLE }, { "multiple", K_MULTIPLE }, { "style-options", K_STYLEOPTS },
	{ "abbreviations", K_ABBREVS }, { "abbreviation", K_ABBREV }, { "word", K_ABBREV },
};

const char *lit_csl_attr(const csl_node *n, const char *name)
{
	/* called for every attribute a node might have, on every render: the
	 * first two bytes rule out most names before strcmp (names are never
	 * empty, so name[1] is there) */
	for (int i = 0; i < n->nattrs; i++)
		if (n->attrs[2 * i][0] == name[0] && n->attrs[2 * i][1] == name[1] && !strcmp(n->attrs[2 * i], name))
			return n->attrs[2 * i + 1];
	return NULL;
}

static int pick(const char *v, const char *const *names)
{
	if (!v)
		return 0;
	for (int i = 0; names[i]; i++)
		if (!strcmp(v, names[i]))
			return i + 1;
	return 0;
}

static void parse_fmt(csl_node *n)
{
	static const char *const fs[] = { "normal", "italic", "oblique", NULL };
	static const char *const fv[] = { "normal", "small-caps", NULL };
	static const char *const fw[] = { "normal", "bold", "light", NULL };
	static const char *const td[] = { "none", "underline", NULL };
	static const char *const va[] = { "baseline", "sup", "sub", NULL };
	static const char *const di[] = { "block", "left-margin", "right-inline", "indent", NULL };
	static const char *const tc[] = { "lowercase", "uppercase", "capitalize-first",
		"capitalize-all", "sentence", "title", NULL };
	const char *v;
	n->fmt.prefix = lit_csl_attr(n, "prefix");
	n->fmt.suffix = lit_csl_attr(n, "suffix");
	n->fmt.font_style = (unsigned char)pick(lit_csl_attr(n, "font-style"), fs);
	n->fmt.font_variant = (unsigned char)pick(lit_csl_attr(n, "font-variant"), fv);
	n->fmt.font_weight = (unsigned char)pick(lit_csl_attr(n, "font-weight"), fw);
	n->fmt.text_decoration = (unsigned char)pick(lit_csl_attr(n, "text-decoration"), td);
	n->fmt.vertical_align = (unsigned char)pick(lit_csl_attr(n, "vertical-align"), va);
	n->fmt.display = (unsigned char)pick(lit_csl_attr(n, "display"), di);
	n->fmt.text_case = (unsigned char)pick(lit_csl_attr(n, "text-case"), tc);
	v = lit_csl_attr(n, "quotes");
	n->fmt.quotes = v && !strcmp(v, "true");
	v = lit_csl_attr(n, "strip-periods");
	n->fmt.strip_periods = v && !strcmp(v, "true");
	n->delimiter = lit_csl_attr(n, "delimiter");
}

static void cache_vars(csl_arena *a, csl_node *n)
{
	const char *v = lit_csl_attr(n, "variable");
	n->var = -1;
	n->variable = v;
	if (!v)
		return;
	int count = 0;
	for (const char *p = v; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		count++;
		while (*p && *p != ' ')
			p++;
	}
	n->vars = lit_csl_alloc(a, sizeof(short) * (size_t)(count + 1));
	if (!n->vars)
		return;
	for (const char *p = v; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *s = p;
		while (*p && *p != ' ')
			p++;
		char tmp[64];
		size_t l = (size_t)(p - s) < sizeof(tmp) - 1 ? (size_t)(p - s) : sizeof(tmp) - 1;
		memcpy(tmp, s, l);
		tmp[l] = 0;
		n->vars[n->nvars++] = (short)lit_csl_var_from_name(tmp);
	}
	if (n->nvars)
		n->var = n->vars[0];
}

static csl_node *convert(csl_arena *a, xmlNode *x, csl_node *parent)
{
	csl_node *n = lit_csl_alloc(a, sizeof(*n));
	if (!n)
		return NULL;
	n->parent = parent;
	n->var = -1;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp((const char *)x->name, kinds[i].name)) {
			n->kind = kinds[i].kind;
			break;
		}
	int na = 0;
	for (xmlAttr *at = x->properties; at; at = at->next)
		na++;
	n->attrs = lit_csl_alloc(a, sizeof(char *) * (size_t)(2 * na + 2));
	if (!n->attrs)
		return NULL;
	for (xmlAttr *at = x->properties; at; at = at->next) {
		xmlChar *val = xmlNodeListGetString(x->doc, at->children, 1);
		const char *name = (const char *)at->name;
		if (at->ns && at->ns->prefix && !strcmp((const char *)at->ns->prefix, "xml"))
			name = !strcmp(name, "lang") ? "xml:lang" : name;
		n->attrs[2 * n->nattrs] = lit_csl_strdup(a, name);
		n->attrs[2 * n->nattrs + 1] = lit_csl_strdup(a, val ? (const char *)val : "");
		n->nattrs++;
		xmlFree(val);
	}
	parse_fmt(n);
	cache_vars(a, n);
	if (n->kind == K_DATEPART) {
		const char *nm = lit_csl_attr(n, "name");
		n->datepart = nm && !strcmp(nm, "month") ? 1 : nm && !strcmp(nm, "day") ? 2 : 0;
	}
	if (n->kind == K_TERM || n->kind == K_SINGLE || n->kind == K_MULTIPLE) {
		int has_elem = 0;
		for (xmlNode *c = x->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				has_elem = 1;
		if (!has_elem) {
			xmlChar *t = xmlNodeGetContent(x);
			const char *tx = t ? (const char *)t : "";
			/* a term holding only the indentation of the file
			 * ("<term name=\"and others\">\n      </term>") is empty */
			if (strchr(tx, '\n') && tx[strspn(tx, " \t\r\n")] == 0)
				tx = "";
			n->text = lit_csl_strdup(a, tx);
			xmlFree(t);
		}
	}
	csl_node *last = NULL;
	for (xmlNode *c = x->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		csl_node *k = convert(a, c, n);
		if (!k)
			return NULL;
		if (last)
			last->next = k;
		else
			n->child = k;
		last = k;
	}
	return n;
}

/* Read an XML document from memory; NULL with err filled on failure. */
static xmlDoc *read_xml(const char *data, size_t len, const char *name, lit_error *err)
{
	if (len > MAX_STYLE_BYTES) {
		lit_error_set(err, LIT_ELIMIT, name, 0, "style or locale too large");
		return NULL;
	}
	return lit_xml_parse(data, len, LIT_XML_STRICT, name, MAX_STYLE_BYTES, err);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	lit_buf b = LIT_BUF_INIT;
	b.max = MAX_STYLE_BYTES + 1;
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		lit_buf_put(&b, tmp, n);
	fclose(f);
	if (lit_buf_status(&b)) {
		lit_buf_free(&b);
		return NULL;
	}
	return lit_buf_detach(&b, len);
}

static int file_exists(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* ---------------------------------------------------------- locales */

/* Built-in fallback locales, used when the locale package is absent. */
static const char builtin_en[] =
	"<locale xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" xml:lang=\"en-US\">"
	"<style-options punctuation-in-quote=\"true\"/>"
	"<date form=\"text\"><date-part name=\"month\" suffix=\" \"/><date-part name=\"day\" suffix=\", \"/><date-part name=\"year\"/></date>"
	"<date form=\"numeric\"><date-part name=\"month\" form=\"numeric-leading-zeros\" suffix=\"/\"/><date-part name=\"day\" form=\"numeric-leading-zeros\" suffix=\"/\"/><date-part name=\"year\"/></date>"
	"<terms><term name=\"accessed\">accessed</term><term name=\"and\">and</term><term name=\"and others\">and others</term>"
	"<term name=\"anonymous\">anonymous</term><term name=\"at\">at</term><term name=\"by\">by</term>"
	"<term name=\"circa\">circa</term><term name=\"circa\" form=\"short\">c.</term><term name=\"cited\">cited</term>"
	"<term name=\"edition\"><single>edition</single><multiple>editions</multiple></term><term name=\"edition\" form=\"short\">ed.</term>"
	"<term name=\"et-al\">et al.</term><term name=\"forthcoming\">forthcoming</term><term name=\"from\">from</term>"
	"<term name=\"ibid\">ibid.</term><term name=\"in\">in</term><term name=\"in press\">in press</term>"
	"<term name=\"no date\">no date</term><term name=\"no date\" form=\"short\">n.d.</term><term name=\"online\">online</term>"
	"<term name=\"presented at\">presented at the</term><term name=\"retrieved\">retrieved</term><term name=\"op-cit\">op. cit.</term>"
	"<term name=\"ad\">AD</term><term name=\"bc\">BC</term><term name=\"open-quote\">\xe2\x80\x9c</term><term name=\"close-quote\">\xe2\x80\x9d</term>"
	"<term name=\"open-inner-quote\">\xe2\x80\x98</term><term name=\"close-inner-quote\">\xe2\x80\x99</term><term name=\"page-range-delimiter\">\xe2\x80\x93</term>"
	"<term name=\"ordinal\">th</term><term name=\"ordinal-01\">st</term><term name=\"ordinal-02\">nd</term><term name=\"ordinal-03\">rd</term>"
	"<term name=\"ordinal-11\">th</term><term name=\"ordinal-12\">th</term><term name=\"ordinal-13\">th</term>"
	"<term name=\"book\"><single>book</single><multiple>books</multiple></term><term name=\"chapter\"><single>chapter</single><multiple>chapters</multiple></term>"
	"<term name=\"issue\"><single>issue</single><multiple>issues</multiple></term><term name=\"page\"><single>page</single><multiple>pages</multiple></term>"
	"<term name=\"volume\"><single>volume</single><multiple>volumes</multiple></term>"
	"<term name=\"issue\" form=\"short\"><single>no.</single><multiple>nos.</multiple></term><term name=\"page\" form=\"short\"><single>p.</single><multiple>pp.</multiple></term>"
	"<term name=\"volume\" form=\"short\"><single>vol.</single><multiple>vols.</multiple></term><term name=\"chapter\" form=\"short\"><single>chap.</single><multiple>chaps.</multiple></term>"
	"<term name=\"number-of-pages\"><single>page</single><multiple>pages</multiple></term><term name=\"number-of-pages\" form=\"short\"><single>p.</single><multiple>pp.</multiple></term>"
	"<term name=\"editor\"><single>editor</single><multiple>editors</multiple></term><term name=\"translator\"><single>translator</single><multiple>translators</multiple></term>"
	"<term name=\"editor\" form=\"short\"><single>ed.</single><multiple>eds.</multiple></term><term name=\"translator\" form=\"short\"><single>tran.</single><multiple>trans.</multiple></term>"
	"<term name=\"editor\" form=\"verb\">edited by</term><term name=\"translator\" form=\"verb\">translated by</term>"
	"<term name=\"editor\" form=\"verb-short\">ed. by</term><term name=\"translator\" form=\"verb-short\">trans. by</term>"
	"<term name=\"month-01\">January</term><term name=\"month-02\">February</term><term name=\"month-03\">March</term><term name=\"month-04\">April</term>"
	"<term name=\"month-05\">May</term><term name=\"month-06\">June</term><term name=\"month-07\">July</term><term name=\"month-08\">August</term>"
	"<term name=\"month-09\">September</term><term name=\"month-10\">October</term><term name=\"month-11\">November</term><term name=\"month-12\">December</term>"
	"<term name=\"month-01\" form=\"short\">Jan.</term><term name=\"month-02\" form=\"short\">Feb.</term><term name=\"month-03\" form=\"short\">Mar.</term><term name=\"month-04\" form=\"short\">Apr.</term>"
	"<term name=\"month-05\" form=\"short\">May</term><term name=\"month-06\" form=\"short\">Jun.</term><term name=\"month-07\" form=\"short\">Jul.</term><term name=\"month-08\" form=\"short\">Aug.</term>"
	"<term name=\"month-09\" form=\"short\">Sep.</term><term name=\"month-10\" form=\"short\">Oct.</term><term name=\"month-11\" form=\"short\">Nov.</term><term name=\"month-12\" form=\"short\">Dec.</term>"
	"<term name=\"season-01\">Spring</term><term name=\"season-02\">Summer</term><term name=\"season-03\">Autumn</term><term name=\"season-04\">Winter</term>"
	"</terms></locale>";

static const char builtin_ru[] =
	"<locale xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" xml:lang=\"ru-RU\">"
	"<style-options punctuation-in-quote=\"false\"/>"
	"<date form=\"text\"><date-part name=\"day\" suffix=\" \"/><date-part name=\"month\" suffix=\" \"/><date-part name=\"year\"/></date>"
	"<date form=\"numeric\"><date-part name=\"day\" form=\"numeric-leading-zeros\" suffix=\".\"/><date-part name=\"month\" form=\"numeric-leading-zeros\" suffix=\".\"/><date-part name=\"year\"/></date>"
	"<terms><term name=\"accessed\">дата обращения</term><term name=\"and\">и</term><term name=\"and others\">и др.</term>"
	"<term name=\"et-al\">и др.</term><term name=\"ibid\">там же</term><term name=\"in\">в</term><term name=\"no date\" form=\"short\">б. д.</term>"
	"<term name=\"op-cit\">указ. соч.</term><term name=\"open-quote\">«</term><term name=\"close-quote\">»</term>"
	"<term name=\"open-inner-quote\">„</term><term name=\"close-inner-quote\">“</term><term name=\"page-range-delimiter\">–</term>"
	"<term name=\"ordinal\">-й</term>"
	"<term name=\"edition\" form=\"short\">изд.</term><term name=\"page\" form=\"short\">с.</term><term name=\"volume\" form=\"short\">т.</term>"
	"<term name=\"issue\" form=\"short\">№</term><term name=\"chapter\" form=\"short\">гл.</term><term name=\"number-of-pages\" form=\"short\">с.</term>"
	"<term name=\"editor\" form=\"short\">ред.</term><term name=\"translator\" form=\"short\">пер.</term>"
	"<term name=\"editor\" form=\"verb-short\">под ред.</term><term name=\"translator\" form=\"verb-short\">пер.</term>"
	"<term name=\"month-01\">январь</term><term name=\"month-02\">февраль</term><term name=\"month-03\">март</term><term name=\"month-04\">апрель</term>"
	"<term name=\"month-05\">май</term><term name=\"month-06\">июнь</term><term name=\"month-07\">июль</term><term name=\"month-08\">август</term>"
	"<term name=\"month-09\">сентябрь</term><term name=\"month-10\">октябрь</term><term name=\"month-11\">ноябрь</term><term name=\"month-12\">декабрь</term>"
	"<term name=\"month-01\" form=\"short\">янв.</term><term name=\"month-02\" form=\"short\">февр.</term><term name=\"month-03\" form=\"short\">марта</term><term name=\"month-04\" form=\"short\">апр.</term>"
	"<term name=\"month-05\" form=\"short\">мая</term><term name=\"month-06\" form=\"short\">июня</term><term name=\"month-07\" form=\"short\">июля</term><term name=\"month-08\" form=\"short\">авг.</term>"
	"<term name=\"month-09\" form=\"short\">сент.</term><term name=\"month-10\" form=\"short\">окт.</term><term name=\"month-11\" form=\"short\">нояб.</term><term name=\"month-12\" form=\"short\">дек.</term>"
	"</terms></locale>";

static int term_cmp(const void *a, const void *b)
{
	const csl_term *x = a, *y = b;
	return strcmp(x->name, y->name);
}

static const char *canon_form(const char *f)
{
	return f && *f ? f : "long";
}

/* Apply the terms, dates and options of a <locale> node onto loc. */
static int apply_locale(csl_locale *loc, const csl_node *ln, csl_arena *a)
{
	for (const csl_node *c = ln->child; c; c = c->next) {
		if (c->kind == K_STYLEOPTS) {
			const char *v = lit_csl_attr(c, "punctuation-in-quote");
			if (v)
				loc->punctuation_in_quote = !strcmp(v, "true");
			v = lit_csl_attr(c, "limit-day-ordinals-to-day-1");
			if (v)
				loc->limit_day_ordinals = !strcmp(v, "true");
		} else if (c->kind == K_DATE) {
			const char *f = lit_csl_attr(c, "form");
			if (f && !strcmp(f, "text"))
				loc->date_text = c;
			else if (f && !strcmp(f, "numeric"))
				loc->date_numeric = c;
		} else if (c->kind == K_TERMS) {
			/* ordinals: a locale defining any ordinal term replaces them all */
			int has_ord = 0;
			for (const csl_node *t = c->child; t; t = t->next) {
				const char *nm = lit_csl_attr(t, "name");
				if (nm && !strncmp(nm, "ordinal", 7))
					has_ord = 1;
			}
			if (has_ord) {
				size_t j = 0;
				for (size_t i = 0; i < loc->nterms; i++)
					if (strncmp(loc->terms[i].name, "ordinal", 7))
						loc->terms[j++] = loc->terms[i];
				loc->nterms = j;
			}
			for (const csl_node *t = c->child; t; t = t->next) {
				if (t->kind != K_TERM)
					continue;
				csl_term nt = { 0 };
				nt.name = lit_csl_attr(t, "name");
				if (!nt.name)
					continue;
				nt.form = canon_form(lit_csl_attr(t, "form"));
				nt.gender = lit_csl_attr(t, "gender");
				nt.gender_form = lit_csl_attr(t, "gender-form");
				nt.match = lit_csl_attr(t, "match");
				if (t->text) {
					nt.single = nt.multiple = t->text;
				} else {
					for (const csl_node *s = t->child; s; s = s->next) {
						if (s->kind == K_SINGLE)
							nt.single = s->text ? s->text : "";
						else if (s->kind == K_MULTIPLE)
							nt.multiple = s->text ? s->text : "";
					}
					if (!nt.single)
						nt.single = nt.multiple ? nt.multiple : "";
					if (!nt.multiple)
						nt.multiple = nt.single;
				}
				size_t i;
				for (i = 0; i < loc->nterms; i++) {
					csl_term *o = &loc->terms[i];
					if (!strcmp(o->name, nt.name) && !strcmp(o->form, nt.form) &&
					    !strcmp(o->gender_form ? o->gender_form : "", nt.gender_form ? nt.gender_form : "")) {
						/* keep the noun gender if the override does not give one */
						if (!nt.gender)
							nt.gender = o->gender;
						*o = nt;
						break;
					}
				}
				if (i == loc->nterms) {
					if (loc->nterms == loc->capterms) {
						size_t nc = loc->capterms ? loc->capterms * 2 : 256;
						csl_term *nt2 = realloc(loc->terms, nc * sizeof(*nt2));
						if (!nt2)
							return LIT_ENOMEM;
						loc->terms = nt2;
						loc->capterms = nc;
					}
					loc->terms[loc->nterms++] = nt;
				}
			}
		}
	}
	(void)a;
	return LIT_OK;
}

/* Load a locale file (or built-in) for an exact tag into a node tree kept
 * in the style arena; NULL when there is none. */
static const csl_node *locale_file(lit_csl_style *st, const char *tag)
{
	char path[1024];
	const char *dir = st->locales_dir[0] ? st->locales_dir : SYS_LOCALES;
	snprintf(path, sizeof(path), "%s/locales-%s.xml", dir, tag);
	size_t len = 0;
	char *data = file_exists(path) ? slurp(path, &len) : NULL;
	const char *src = data;
	if (!data) {
		if (!strcmp(tag, "en-US"))
			src = builtin_en, len = sizeof(builtin_en) - 1;
		else if (!strcmp(tag, "ru-RU"))
			src = builtin_ru, len = sizeof(builtin_ru) - 1;
		else
			return NULL;
	}
	xmlDoc *doc = read_xml(src, len, path, NULL);
	free(data);
	if (!doc)
		return NULL;
	csl_node *n = convert(&st->mem, xmlDocGetRootElement(doc), NULL);
	xmlFreeDoc(doc);
	return n;
}

static void primary_dialect(const char *lang, char *out, size_t size)
{
	static const char *const map[][2] = {
		{ "af", "af-ZA" }, { "bg", "bg-BG" }, { "ca", "ca-AD" }, { "cs", "cs-CZ" }, { "cy", "cy-GB" },
		{ "da", "da-DK" }, { "de", "de-DE" }, { "el", "el-GR" }, { "en", "en-US" }, { "es", "es-ES" },
		{ "et", "et-EE" }, { "fa", "fa-IR" }, { "fi", "fi-FI" }, { "fr", "fr-FR" }, { "he", "he-IL" },
		{ "hr", "hr-HR" }, { "hu", "hu-HU" }, { "id", "id-ID" }, { "is", "is-IS" }, { "it", "it-IT" },
		{ "ja", "ja-JP" }, { "km", "km-KH" }, { "ko", "ko-KR" }, { "lt", "lt-LT" }, { "lv", "lv-LV" },
		{ "mn", "mn-MN" }, { "nb", "nb-NO" }, { "nl", "nl-NL" }, { "nn", "nn-NO" }, { "pl", "pl-PL" },
		{ "pt", "pt-PT" }, { "ro", "ro-RO" }, { "ru", "ru-RU" }, { "sk", "sk-SK" }, { "sl", "sl-SI" },
		{ "sr", "sr-RS" }, { "sv", "sv-SE" }, { "th", "th-TH" }, { "tr", "tr-TR" }, { "uk", "uk-UA" },
		{ "vi", "vi-VN" }, { "zh", "zh-CN" },
	};
	char p[16];
	size_t i = 0;
	while (lang[i] && lang[i] != '-' && lang[i] != '_' && i < sizeof(p) - 1) {
		p[i] = lang[i];
		i++;
	}
	p[i] = 0;
	out[0] = 0;
	for (size_t k = 0; k < sizeof(map) / sizeof(map[0]); k++)
		if (!strcasecmp(map[k][0], p)) {
			snprintf(out, size, "%s", map[k][1]);
			return;
		}
	snprintf(out, size, "%s", p);
}

void lit_csl_locale_free(csl_locale *loc)
{
	if (!loc)
		return;
	free(loc->terms);
	free(loc);
}

static int lang_primary_eq(const char *a, const char *b)
{
	while (*a && *a != '-' && *b && *b != '-') {
		if ((*a | 32) != (*b | 32))
			return 0;
		a++, b++;
	}
	return (!*a || *a == '-') && (!*b || *b == '-');
}

int lit_csl_load_locale(lit_csl_style *st, const char *lang, csl_locale **out)
{
	csl_locale *loc = calloc(1, sizeof(*loc));
	if (!loc)
		return LIT_ENOMEM;
	snprintf(loc->lang, sizeof(loc->lang), "%s", lang);
	loc->punctuation_in_quote = 0;
	char prim[32], full[32];
	primary_dialect(lang, prim, sizeof(prim));
	snprintf(full, sizeof(full), "%s", lang);
	for (char *p = full; *p; p++)
		if (*p == '_')
			*p = '-';
	const csl_node *src[3];
	int ns = 0;
	src[ns] = locale_file(st, "en-US");
	if (src[ns])
		ns++;
	if (strcmp(prim, "en-US")) {
		src[ns] = locale_file(st, prim);
		if (src[ns])
			ns++;
	}
	if (strchr(full, '-') && strcmp(full, prim) && strcmp(full, "en-US")) {
		src[ns] = locale_file(st, full);
		if (src[ns])
			ns++;
	}
	int rc = LIT_OK;
	for (int i = 0; i < ns && !rc; i++)
		rc = apply_locale(loc, src[i], &st->mem);
	/* style locales: no lang, primary language, exact */
	for (int pass = 0; pass < 3 && !rc; pass++) {
		for (size_t i = 0; i < st->nstyle_locales; i++) {
			const char *l = lit_csl_attr(st->style_locales[i], "xml:lang");
			int level = !l || !*l ? 0 : !strchr(l, '-') ? 1 : 2;
			if (level != pass)
				continue;
			if (level == 1 && !lang_primary_eq(l, full))
				continue;
			if (level == 2 && strcasecmp(l, full))
				continue;
			rc = apply_locale(loc, st->style_locales[i], &st->mem);
		}
	}
	if (rc) {
		lit_csl_locale_free(loc);
		return rc;
	}
	qsort(loc->terms, loc->nterms, sizeof(csl_term), term_cmp);
	*out = loc;
	return LIT_OK;
}

const csl_locale *lit_csl_style_locale(lit_csl_style *st, const char *lang)
{
	if (!lang || !*lang || !st->nlocales)
		return st->nlocales ? st->locales[0] : NULL;
	for (size_t i = 0; i < st->nlocales; i++)
		if (!strcasecmp(st->locales[i]->lang, lang))
			return st->locales[i];
	/* same primary language as an existing locale with no region given */
	if (!strchr(lang, '-'))
		for (size_t i = 0; i < st->nlocales; i++)
			if (lang_primary_eq(st->locales[i]->lang, lang))
				return st->locales[i];
	if (st->nlocales >= 64)
		return st->locales[0];
	csl_locale *loc;
	char tag[32];
	if (!strchr(lang, '-'))
		primary_dialect(lang, tag, sizeof(tag));
	else
		snprintf(tag, sizeof(tag), "%s", lang);
	if (lit_csl_load_locale(st, tag, &loc))
		return st->locales[0];
	csl_locale **nl = realloc(st->locales, (st->nlocales + 1) * sizeof(*nl));
	if (!nl) {
		lit_csl_locale_free(loc);
		return st->locales[0];
	}
	snprintf(loc->lang, sizeof(loc->lang), "%s", lang);
	st->locales = nl;
	st->locales[st->nlocales++] = loc;
	return loc;
}

const csl_term *lit_csl_term(const csl_locale *loc, const char *name, const char *form)
{
	if (!loc || !name)
		return NULL;
	form = canon_form(form);
	csl_term key = { 0 };
	key.name = name;
	csl_term *t = bsearch(&key, loc->terms, loc->nterms, sizeof(csl_term), term_cmp);
	if (!t)
		return NULL;
	while (t > loc->terms && !strcmp(t[-1].name, name))
		t--;
	const csl_term *end = loc->terms + loc->nterms;
	for (;;) {
		for (const csl_term *u = t; u < end && !strcmp(u->name, name); u++)
			if (!strcmp(u->form, form) && !u->gender_form)
				return u;
		for (const csl_term *u = t; u < end && !strcmp(u->name, name); u++)
			if (!strcmp(u->form, form))
				return u;
		if (!strcmp(form, "verb-short"))
			form = "verb";
		else if (!strcmp(form, "symbol"))
			form = "short";
		else if (strcmp(form, "long"))
			form = "long";
		else
			return NULL;
	}
}

const char *lit_csl_term_str(const csl_locale *loc, const char *name, const char *form, int plural)
{
	const csl_term *t = lit_csl_term(loc, name, form);
	if (!t)
		return NULL;
	return plural ? t->multiple : t->single;
}

/* ---------------------------------------------------------- styles */

static int is_file_path(const char *s)
{
	return strchr(s, '/') != NULL || (strlen(s) > 4 && !strcmp(s + strlen(s) - 4, ".csl"));
}

static const char *style_alias(const char *name)
{
	if (!strcasecmp(name, "gost") || !strcasecmp(name, "gost-2018") || !strcasecmp(name, "gost-r-7.0.100-2018"))
		return "gost-r-7-0-100-2018";
	if (!strcasecmp(name, "gost-alpha") || !strcasecmp(name, "gost-alphabetical"))
		return "gost-r-7-0-100-2018-alpha";
	if (!strcasecmp(name, "gost-2008") || !strcasecmp(name, "gost-r-7.0.5-2008"))
		return "gost-r-7-0-5-2008";
	if (!strcasecmp(name, "gost-2008-footnote"))
		return "gost-r-7-0-5-2008-footnote";
	if (!strcasecmp(name, "gost-2008-intext"))
		return "gost-r-7-0-5-2008-intext";
	return name;
}

const char *lit_csl_bundled_path(const char *name, char *buf, size_t size)
{
	const char *dirs[] = {
#ifdef LITERA_SOURCE_STYLES_DIR
		LITERA_SOURCE_STYLES_DIR,
#endif
#ifdef LITERA_DATA_DIR
		LITERA_DATA_DIR "/styles",
#endif
		NULL
	};
	name = style_alias(name);
	const char *env = getenv("LITERA_STYLES_DIR");
	if (env && *env) {
		snprintf(buf, size, "%s/%s.csl", env, name);
		if (file_exists(buf))
			return buf;
	}
	for (int i = 0; dirs[i]; i++) {
		snprintf(buf, size, "%s/%s.csl", dirs[i], name);
		if (file_exists(buf))
			return buf;
	}
	return NULL;
}

static int find_style(const char *name, const lit_csl_options *opts, char *path, size_t size)
{
	if (file_exists(name) && is_file_path(name)) {
		snprintf(path, size, "%s", name);
		return 1;
	}
	if (strchr(name, '/'))
		return 0;
	char base[256];
	snprintf(base, sizeof(base), "%s", style_alias(name));
	size_t bl = strlen(base);
	if (bl > 4 && !strcmp(base + bl - 4, ".csl"))
		base[bl - 4] = 0;
	if (lit_csl_bundled_path(base, path, size))
		return 1;
	const char *dirs[3] = { opts && opts->styles_dir ? opts->styles_dir : NULL, SYS_STYLES,
		SYS_STYLES "/dependent" };
	for (int i = 0; i < 3; i++) {
		if (!dirs[i])
			continue;
		snprintf(path, size, "%s/%s.csl", dirs[i], base);
		if (file_exists(path))
			return 1;
	}
	if (file_exists(name)) {
		snprintf(path, size, "%s", name);
		return 1;
	}
	return 0;
}

static void collect(lit_csl_style *st, csl_node *n, size_t *nm, size_t *nl, int count_only)
{
	for (csl_node *c = n->child; c; c = c->next) {
		if (c->kind == K_MACRO) {
			if (!count_only)
				st->macros[*nm] = c;
			(*nm)++;
		} else if (c->kind == K_LOCALE) {
			if (!count_only)
				st->style_locales[*nl] = c;
			(*nl)++;
		}
	}
}

static const csl_node *find_macro(lit_csl_style *st, const char *name)
{
	for (size_t i = 0; i < st->nmacros; i++) {
		const char *n = lit_csl_attr(st->macros[i], "name");
		if (n && !strcmp(n, name))
			return st->macros[i];
	}
	return NULL;
}

/* ---- macro expansion bound ----------------------------------------
 * Rendering expands every macro call in place, so a style whose macros
 * call each other several times grows exponentially (40 macros that each
 * call the next twice are 2^40 elements), and a macro that reaches itself
 * never ends.  Both are refused when the style is loaded, where the error
 * can name the macro, instead of being cut short during rendering. */

#define CSL_MAX_EXPANSION 1000000 /* elements rendered per cite, all macros expanded */

typedef struct macro_memo {
	const csl_node *node;
	size_t index;
} macro_memo;

typedef struct expand_ctx {
	lit_csl_style *st;
	macro_memo *byptr;     /* macros sorted by address */
	unsigned char *state;  /* per macro: 0 new, 1 being expanded, 2 done */
	size_t *cost;          /* per macro: elements after expansion (saturated) */
	const char *file;
	lit_error *err;
} expand_ctx;

static int memo_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const macro_memo *)a)->node;
	uintptr_t y = (uintptr_t)((const macro_memo *)b)->node;
	return x < y ? -1 : x > y;
}

static int subtree_cost(expand_ctx *x, const csl_node *n, size_t *cost);

/* Elements rendered for one call of macro `m`, into *cost. */
static int macro_cost(expand_ctx *x, const csl_node *m, size_t *cost)
{
	macro_memo key = { m, 0 };
	const macro_memo *e = bsearch(&key, x->byptr, x->st->nmacros, sizeof(*x->byptr), memo_cmp);
	if (!e) { /* not a registered macro: cannot happen after resolve_macros */
		*cost = 0;
		return LIT_OK;
	}
	size_t i = e->index;
	if (x->state[i] == 2) {
		*cost = x->cost[i];
		return LIT_OK;
	}
	if (x->state[i] == 1) {
		const char *name = lit_csl_attr(m, "name");
		return lit_error_set(x->err, LIT_EPARSE, x->file, 0,
		                     "macro \"%s\" calls itself (directly or through other macros)",
		                     name ? name : "");
	}
	x->state[i] = 1;
	size_t c = 0;
	int rc = subtree_cost(x, m->child, &c);
	if (rc)
		return rc;
	x->state[i] = 2;
	x->cost[i] = c;
	*cost = c;
	return LIT_OK;
}

/* Elements rendered for the sibling list starting at `n` (saturates just
 * above the limit). */
static int subtree_cost(expand_ctx *x, const csl_node *n, size_t *cost)
{
	size_t total = 0;
	for (; n; n = n->next) {
		size_t c = 0;
		total++;
		if (n->macro) {
			int rc = macro_cost(x, n->macro, &c);
			if (rc)
				return rc;
			total += c;
		}
		if (n->child) {
			int rc = subtree_cost(x, n->child, &c);
			if (rc)
				return rc;
			total += c;
		}
		if (total > CSL_MAX_EXPANSION)
			total = CSL_MAX_EXPANSION + 1;
	}
	*cost = total;
	return LIT_OK;
}

/* Refuse recursive macros and styles whose layouts expand beyond the bound. */
static int check_expansion(lit_csl_style *st, const csl_node *root, const char *file,
                           lit_error *err)
{
	size_t n = st->nmacros;
	expand_ctx x = { st, NULL, NULL, NULL, file, err };
	x.byptr = malloc(sizeof(*x.byptr) * (n + 1));
	x.state = calloc(n + 1, 1);
	x.cost = calloc(n + 1, sizeof(*x.cost));
	int rc = LIT_OK;
	if (!x.byptr || !x.state || !x.cost) {
		rc = lit_error_set(err, LIT_ENOMEM, file, 0, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		x.byptr[i].node = st->macros[i];
		x.byptr[i].index = i;
	}
	if (n)
		qsort(x.byptr, n, sizeof(*x.byptr), memo_cmp);
	for (size_t i = 0; i < n && rc == LIT_OK; i++) {
		size_t c;
		rc = macro_cost(&x, st->macros[i], &c);
	}
	for (const csl_node *c = root->child; c && rc == LIT_OK; c = c->next) {
		size_t cost = 0;
		if (c->kind != K_CITATION && c->kind != K_BIBLIOGRAPHY)
			continue;
		rc = subtree_cost(&x, c->child, &cost);
		if (rc == LIT_OK && cost > CSL_MAX_EXPANSION)
			rc = lit_error_set(err, LIT_EPARSE, file, 0,
			                   "<%s> expands to more than %d elements through its macros",
			                   c->kind == K_CITATION ? "citation" : "bibliography",
			                   CSL_MAX_EXPANSION);
	}
done:
	free(x.byptr);
	free(x.state);
	free(x.cost);
	return rc;
}

static int resolve_macros(lit_csl_style *st, csl_node *n, const char *file, lit_error *err)
{
	for (; n; n = n->next) {
		const char *m = (n->kind == K_TEXT || n->kind == K_KEY) ? lit_csl_attr(n, "macro") : NULL;
		if (m) {
			n->macro = find_macro(st, m);
			if (!n->macro)
				return lit_error_set(err, LIT_EPARSE, file, 0, "undefined macro \"%s\"", m);
		}
		if (n->child && resolve_macros(st, n->child, file, err))
			return LIT_EPARSE;
	}
	return LIT_OK;
}

static csl_node *child_of(csl_node *n, int kind)
{
	for (csl_node *c = n ? n->child : NULL; c; c = c->next)
		if (c->kind == kind)
			return c;
	return NULL;
}

static int load_doc(lit_csl_style *st, const char *xml, size_t len, const char *name,
                    const lit_csl_options *opts, int depth, lit_error *err);

static int load_parent(lit_csl_style *st, csl_node *info, const lit_csl_options *opts,
                       int depth, const char *file, lit_error *err)
{
	for (csl_node *l = info ? info->child : NULL; l; l = l->next) {
		const char *rel = lit_csl_attr(l, "rel");
		const char *href = lit_csl_attr(l, "href");
		if (!rel || strcmp(rel, "independent-parent") || !href)
			continue;
		const char *slash = strrchr(href, '/');
		const char *pname = slash ? slash + 1 : href;
		char path[1024];
		if (!find_style(pname, opts, path, sizeof(path)))
			return lit_error_set(err, LIT_ENOTFOUND, file, 0,
			                     "parent style \"%s\" not found", pname);
		size_t plen;
		char *data = slurp(path, &plen);
		if (!data)
			return lit_error_set(err, LIT_EIO, path, 0, "cannot read style");
		int rc = load_doc(st, data, plen, path, opts, depth + 1, err);
		free(data);
		return rc;
	}
	return lit_error_set(err, LIT_EPARSE, file, 0, "dependent style without a parent link");
}

static int load_doc(lit_csl_style *st, const char *xml, size_t len, const char *name,
                    const lit_csl_options *opts, int depth, lit_error *err)
{
	if (depth > 3)
		return lit_error_set(err, LIT_EPARSE, name, 0, "dependent style chain too long");
	xmlDoc *doc = read_xml(xml, len, name, err);
	if (!doc)
		return LIT_EPARSE;
	xmlNode *rootx = xmlDocGetRootElement(doc);
	if (!rootx || strcmp((const char *)rootx->name, "style")) {
		long line = rootx ? (long)rootx->line : 0; /* read before the tree is freed */
		xmlFreeDoc(doc);
		return lit_error_set(err, LIT_EPARSE, name, line,
		                     "not a CSL style (root element is not <style>)");
	}
	csl_node *root = convert(&st->mem, rootx, NULL);
	xmlFreeDoc(doc);
	if (!root)
		return lit_error_set(err, LIT_ENOMEM, name, 0, "out of memory");
	const char *dl = lit_csl_attr(root, "default-locale");
	if (dl && !st->default_locale[0])
		snprintf(st->default_locale, sizeof(st->default_locale), "%s", dl);
	csl_node *info = child_of(root, K_INFO);
	if (!child_of(root, K_CITATION)) {
		/* dependent style: use the parent with this style's locale */
		return load_parent(st, info, opts, depth, name, err);
	}
	st->root = root;
	st->citation = child_of(root, K_CITATION);
	st->bibliography = child_of(root, K_BIBLIOGRAPHY);
	st->cit_layout = child_of(st->citation, K_LAYOUT);
	st->bib_layout = child_of(st->bibliography, K_LAYOUT);
	st->cit_sort = child_of(st->citation, K_SORT);
	st->bib_sort = child_of(st->bibliography, K_SORT);
	if (!st->cit_layout)
		return lit_error_set(err, LIT_EPARSE, name, 0, "<citation> has no <layout>");
	const char *cls = lit_csl_attr(root, "class");
	st->is_note = cls && !strcmp(cls, "note");
	size_t nm = 0, nl = 0;
	collect(st, root, &nm, &nl, 1);
	st->macros = lit_csl_alloc(&st->mem, sizeof(*st->macros) * (nm + 1));
	st->style_locales = lit_csl_alloc(&st->mem, sizeof(*st->style_locales) * (nl + 1));
	if (!st->macros || !st->style_locales)
		return lit_error_set(err, LIT_ENOMEM, name, 0, "out of memory");
	nm = nl = 0;
	collect(st, root, &nm, &nl, 0);
	st->nmacros = nm;
	st->nstyle_locales = nl;
	if (resolve_macros(st, root->child, name, err))
		return LIT_EPARSE;
	int xrc = check_expansion(st, root, name, err);
	if (xrc)
		return xrc;
	const char *v = lit_csl_attr(root, "demote-non-dropping-particle");
	st->demote_ndp = !v ? 2 : !strcmp(v, "never") ? 0 : !strcmp(v, "sort-only") ? 1 : 2;
	v = lit_csl_attr(root, "initialize-with-hyphen");
	st->init_hyphen = !v || strcmp(v, "false");
	st->page_range_format = lit_csl_attr(root, "page-range-format");
	st->abbrevs = child_of(root, K_ABBREVS);
	v = lit_csl_attr(root, "item-locale");
	if (!v && st->bibliography)
		v = lit_csl_attr(st->bibliography, "item-locale");
	st->item_locale = v && !strcmp(v, "language");
	if (info)
		for (csl_node *c = info->child; c; c = c->next)
			if (c->text && !st->title && c->nattrs == 0)
				st->title = c->text;
	return LIT_OK;
}

/* Titles are text content of <title>; convert() keeps text only for terms,
 * so fetch it separately. */
static void fetch_title(lit_csl_style *st, const char *xml, size_t len)
{
	const char *p = strstr(xml, "<title>");
	if (!p || (size_t)(p - xml) > len)
		return;
	p += 7;
	const char *e = strstr(p, "</title>");
	if (!e)
		return;
	st->title = lit_csl_strndup(&st->mem, p, (size_t)(e - p));
}

int lit_csl_style_load_buffer(lit_csl_style **out, const char *xml, size_t len,
                              const char *name, const lit_csl_options *opts, lit_error *err)
{
	*out = NULL;
	lit_csl_style *st = calloc(1, sizeof(*st));
	if (!st)
		return lit_error_set(err, LIT_ENOMEM, name, 0, "out of memory");
	if (opts && opts->locales_dir)
		snprintf(st->locales_dir, sizeof(st->locales_dir), "%s", opts->locales_dir);
	int rc = load_doc(st, xml, len, name ? name : "<style>", opts, 0, err);
	if (rc) {
		lit_csl_style_free(st);
		return rc;
	}
	fetch_title(st, xml, len);
	const char *lang = opts && opts->locale ? opts->locale :
	                   st->default_locale[0] ? st->default_locale : "en-US";
	csl_locale *loc;
	char tag[32];
	if (!strchr(lang, '-'))
		primary_dialect(lang, tag, sizeof(tag));
	else
		snprintf(tag, sizeof(tag), "%s", lang);
	rc = lit_csl_load_locale(st, tag, &loc);
	if (rc) {
		lit_csl_style_free(st);
		return lit_error_set(err, rc, name, 0, "cannot build locale %s", lang);
	}
	st->locales = malloc(sizeof(*st->locales));
	if (!st->locales) {
		lit_csl_locale_free(loc);
		lit_csl_style_free(st);
		return lit_error_set(err, LIT_ENOMEM, name, 0, "out of memory");
	}
	st->locales[0] = loc;
	st->nlocales = 1;
	*out = st;
	return LIT_OK;
}

int lit_csl_style_load(lit_csl_style **out, const char *name_or_path,
                       const lit_csl_options *opts, lit_error *err)
{
	char path[1024];
	*out = NULL;
	if (!name_or_path || !*name_or_path)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "no style given");
	if (!find_style(name_or_path, opts, path, sizeof(path)))
		return lit_error_set(err, LIT_ENOTFOUND, name_or_path, 0,
		                     "style not found (not a file, a bundled style or a name in %s)",
		                     SYS_STYLES);
	size_t len;
	char *data = slurp(path, &len);
	if (!data)
		return lit_error_set(err, LIT_EIO, path, 0, "cannot read style");
	int rc = lit_csl_style_load_buffer(out, data, len, path, opts, err);
	free(data);
	return rc;
}

void lit_csl_style_free(lit_csl_style *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->nlocales; i++)
		lit_csl_locale_free(st->locales[i]);
	free(st->locales);
	lit_csl_arena_reset(&st->mem);
	free(st);
}

const char *lit_csl_style_title(const lit_csl_style *st)
{
	return st && st->title ? st->title : "";
}

int lit_csl_style_is_note(const lit_csl_style *st)
{
	return st ? st->is_note : 0;
}

int lit_csl_style_has_bibliography(const lit_csl_style *st)
{
	return st && st->bib_layout != NULL;
}
