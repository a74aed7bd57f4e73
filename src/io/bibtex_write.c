/*
 * bibtex_write.c - the BibTeX (classic) and BibLaTeX writers: one field
 * table walked in a fixed order, with the dialect choosing names.
 *
 * Output conventions (both dialects): UTF-8, no BOM, no LaTeX escaping of
 * letters; only \ { } & % # _ ~ ^ and lone $ are escaped (see latex.h), so
 * the text reads back unchanged.  One field per line, two-space indent,
 * a trailing comma, each field at most once; names "Family, Given" joined
 * by " and ", organisations in braces, "and others" unbraced at the end;
 * pages with "--"; in titles, words with capitals inside ({NLP}, {ГОСТ},
 * {iPhone}) are braced against case-changing styles.  Keys come from lit_make_keys() (keys.c, docs/keys.md).
 *
 * Classic BibTeX: journal, address, school (theses), institution
 * (reports), year + month (month as the macro jan..dec; a full `date` is
 * added when the day or a range is known), language = {russian} (the
 * babel name, as the GOST .bst styles expect), archiveprefix and
 * primaryclass for arXiv.  The access date is written as
 * urldate = {YYYY-MM-DD}: not read by the standard styles, but understood
 * by natbib-era styles, JabRef, Zotero and biber, and lossless; no
 * "Дата обращения" note is invented.  Entry types outside the classic 14
 * (online, patent, dataset, software, standard) are kept by name: BibTeX
 * treats them as misc with a warning, while every reader keeps the type.
 *
 * BibLaTeX: journaltitle, location, institution, date (ISO 8601, ranges),
 * urldate, langid = {russian}, eprint + eprinttype + eprintclass.
 */
#include <stdlib.h>
#include <string.h>

#include "io/bibtex.h"
#include "io/latex.h"
#include "util/date.h"
#include "util/utf8.h"

typedef struct wstate {
	char **keys;
	size_t n;
} wstate;

#define MAX_WRITTEN 160

typedef struct wr {
	lit_buf *b;
	int bl;                               /* BibLaTeX dialect */
	const char *written[MAX_WRITTEN];     /* field names already out */
	size_t nwritten;
} wr;

static int begin_field(wr *w, const char *name)
{
	for (size_t k = 0; k < w->nwritten; k++)
		if (strcmp(w->written[k], name) == 0)
			return 0;
	if (w->nwritten < MAX_WRITTEN)
		w->written[w->nwritten++] = name;
	lit_buf_printf(w->b, "  %s = {", name);
	return 1;
}

static void end_field(wr *w)
{
	lit_buf_puts(w->b, "},\n");
}

static void field_text(wr *w, const char *name, const char *value)
{
	if (!value || !*value || !begin_field(w, name))
		return;
	lit_latex_escape(w->b, value, strlen(value));
	end_field(w);
}

static void field_verb(wr *w, const char *name, const char *value)
{
	if (!value || !*value || !begin_field(w, name))
		return;
	lit_latex_escape_verbatim(w->b, value, strlen(value));
	end_field(w);
}

static void field_var(wr *w, const char *name, const lit_record *rec, lit_var var)
{
	field_text(w, name, lit_record_get(rec, var));
}

/* Does the word need protecting from a style's case change: two capitals
 * ("NLP", "ГОСТ", "LaTeX") or a capital after the first letter ("iPhone")? */
static int word_needs_braces(const char *s, size_t n)
{
	size_t i = 0, letters = 0, upper = 0;
	int inner = 0;
	while (i < n) {
		size_t adv;
		int32_t cp = lit_utf8_decode(s + i, n - i, &adv);
		i += adv;
		if (cp == '$' || cp == '{' || cp == '}' || cp == '\\')
			return 0;
		if (cp > 0 && lit_cp_is_letter((uint32_t)cp)) {
			if (lit_cp_is_upper((uint32_t)cp)) {
				upper++;
				if (letters > 0)
					inner = 1;
			}
			letters++;
		}
	}
	return upper >= 2 || inner;
}

/* A title: escaped, with words in capitals braced so that BibTeX styles
 * that change case keep them ({NLP}, {XX}, {ГОСТ}).  The reader drops
 * these braces again, so the text round-trips. */
static void field_title(wr *w, const char *name, const lit_record *rec, lit_var var)
{
	const char *v = lit_record_get(rec, var);
	if (!v || !*v || !begin_field(w, name))
		return;
	if (strchr(v, '$')) {
		lit_latex_escape(w->b, v, strlen(v)); /* math: leave alone */
		end_field(w);
		return;
	}
	size_t i = 0, n = strlen(v);
	while (i < n) {
		size_t j = i;
		while (j < n && v[j] != ' ')
			j++;
		int brace = word_needs_braces(v + i, j - i);
		if (brace)
			lit_buf_putc(w->b, '{');
		lit_latex_escape(w->b, v + i, j - i);
		if (brace)
			lit_buf_putc(w->b, '}');
		while (j < n && v[j] == ' ')
			lit_buf_putc(w->b, v[j++]);
		i = j;
	}
	end_field(w);
}

/* A raw value (custom entries kept by the reader): written as is when
 * its braces balance, else escaped. */
static void field_raw(wr *w, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	long depth = 0;
	int ok = 1;
	for (const char *p = value; *p && ok; p++) {
		if (*p == '{')
			depth++;
		else if (*p == '}' && --depth < 0)
			ok = 0;
	}
	if (!ok || depth != 0) {
		field_text(w, name, value);
		return;
	}
	if (!begin_field(w, name))
		return;
	lit_buf_puts(w->b, value);
	end_field(w);
}

static int has_word_and(const char *s)
{
	for (const char *p = s; (p = strstr(p, "and")) != NULL; p += 3) {
		int before = p == s || p[-1] == ' ';
		int after = p[3] == 0 || p[3] == ' ';
		if (before && after)
			return 1;
	}
	return 0;
}

static int starts_lower(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	if (c >= 'a' && c <= 'z')
		return 1;
	/* Cyrillic small letters а..я, ё */
	if (c == 0xD0 && (unsigned char)s[1] >= 0xB0)
		return 1;
	if (c == 0xD1 && (unsigned char)s[1] <= 0x9F)
		return 1;
	return 0;
}

/* "de la Cruz", "van der Berg": a family name that starts with known
 * particles (as RIS and CSL-JSON sources often write it) is left
 * unbraced, so that BibTeX reads the particles as its "von" part. */
static int starts_with_particles(const char *s)
{
	static const char *const particles[] = { "van", "von", "der", "den", "de", "la", "le", "du",
	                                         "di", "da", "del", "della", "dos", "das", "do",
	                                         "ter", "ten", "zu", "zur", "af", "av", NULL };
	const char *p = s;
	int n = 0;
	for (;;) {
		const char *sp = strchr(p, ' ');
		if (!sp)
			return n > 0 && !starts_lower(p);
		int hit = 0;
		for (int k = 0; particles[k] && !hit; k++)
			hit = strlen(particles[k]) == (size_t)(sp - p) && !strncmp(particles[k], p, (size_t)(sp - p));
		if (!hit)
			return 0;
		n++;
		p = sp + 1;
	}
}

/* One name part, braced when BibTeX would otherwise split it wrongly. */
static void put_part(wr *w, const char *s, int is_family)
{
	int brace = strchr(s, ',') != NULL || has_word_and(s) ||
	            (is_family && starts_lower(s) && !starts_with_particles(s));
	if (brace)
		lit_buf_putc(w->b, '{');
	lit_latex_escape(w->b, s, strlen(s));
	if (brace)
		lit_buf_putc(w->b, '}');
}

static void put_name(wr *w, const lit_name *n)
{
	if (!n->family && (n->literal || !n->given)) {
		lit_buf_putc(w->b, '{');
		const char *lit = n->literal ? n->literal : "";
		lit_latex_escape(w->b, lit, strlen(lit));
		lit_buf_putc(w->b, '}');
		return;
	}
	if (!n->family) {
		/* a given name only: keep it as one unit */
		lit_buf_putc(w->b, '{');
		lit_latex_escape(w->b, n->given, strlen(n->given));
		lit_buf_putc(w->b, '}');
		return;
	}
	int particle = 0;
	if (n->dropping_particle && *n->dropping_particle) {
		lit_latex_escape(w->b, n->dropping_particle, strlen(n->dropping_particle));
		lit_buf_putc(w->b, ' ');
		particle = 1;
	}
	if (n->non_dropping_particle && *n->non_dropping_particle) {
		lit_latex_escape(w->b, n->non_dropping_particle, strlen(n->non_dropping_particle));
		lit_buf_putc(w->b, ' ');
		particle = 1;
	}
	if (particle && !starts_lower(n->family))
		put_part(w, n->family, 0);
	else
		put_part(w, n->family, 1);
	if (n->suffix && *n->suffix) {
		lit_buf_puts(w->b, ", ");
		put_part(w, n->suffix, 0);
	}
	if (n->given && *n->given) {
		lit_buf_puts(w->b, ", ");
		put_part(w, n->given, 0);
	} else if (n->suffix && *n->suffix) {
		lit_buf_puts(w->b, ", ");
	}
}

static void field_names(wr *w, const char *name, const lit_record *rec, lit_var var)
{
	size_t count = lit_record_name_count(rec, var);
	int etal = lit_record_names_etal(rec, var);
	if (count == 0 || !begin_field(w, name))
		return;
	for (size_t i = 0; i < count; i++) {
		if (i)
			lit_buf_puts(w->b, " and ");
		put_name(w, lit_record_name(rec, var, i));
	}
	if (etal)
		lit_buf_puts(w->b, " and others");
	end_field(w);
}

static void field_date_iso(wr *w, const char *name, const lit_date *d)
{
	if (!d)
		return;
	if (d->year) {
		lit_buf tmp = LIT_BUF_INIT;
		lit_date_put_iso(&tmp, d);
		if (d->season >= 1 && d->season <= 4 && !d->month && !d->end_year)
			lit_buf_printf(&tmp, "-%d", 20 + d->season); /* EDTF season: 2022-21 */
		if (d->circa)
			lit_buf_putc(&tmp, '~');
		field_text(w, name, lit_buf_cstr(&tmp));
		lit_buf_free(&tmp);
	} else if (d->literal) {
		field_text(w, name, d->literal);
	}
}

static const char *const month_macro[13] = {
	NULL, "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

static void field_issued(wr *w, const lit_record *rec)
{
	const lit_date *d = lit_record_date(rec, LIT_VAR_ISSUED);
	if (!d)
		return;
	if (!d->year) {
		field_text(w, "year", d->literal);
		return;
	}
	if (w->bl) {
		field_date_iso(w, "date", d);
		return;
	}
	char year[48];
	if (d->end_year && d->end_year != d->year)
		snprintf(year, sizeof year, "%d--%d", d->year, d->end_year);
	else if (d->open_end)
		snprintf(year, sizeof year, "%d--", d->year);
	else
		snprintf(year, sizeof year, "%d", d->year);
	if (begin_field(w, "year")) {
		lit_buf_puts(w->b, year);
		end_field(w);
	}
	if (d->month >= 1 && d->month <= 12 && begin_field(w, "month")) {
		/* the month macro, unbraced: month = may */
		w->b->len -= 1;
		lit_buf_printf(w->b, "%s,\n", month_macro[d->month]);
	} else if (!d->month && d->season >= 1 && d->season <= 4) {
		static const char *const seasons[] = { "Spring", "Summer", "Autumn", "Winter" };
		field_text(w, "month", seasons[d->season - 1]);
	}
	if (d->day || d->circa || (d->end_year && (d->month || d->end_month)))
		field_date_iso(w, "date", d);
}

static int is_article(lit_type t)
{
	return t == LIT_TYPE_ARTICLE_JOURNAL || t == LIT_TYPE_ARTICLE_MAGAZINE ||
	       t == LIT_TYPE_ARTICLE_NEWSPAPER || t == LIT_TYPE_ARTICLE ||
	       t == LIT_TYPE_REVIEW || t == LIT_TYPE_REVIEW_BOOK;
}

static const char *publisher_field(const char *etype, int bl)
{
	if (!strcmp(etype, "phdthesis") || !strcmp(etype, "mastersthesis") || !strcmp(etype, "thesis"))
		return bl ? "institution" : "school";
	if (!strcmp(etype, "techreport") || !strcmp(etype, "report"))
		return "institution";
	if (!strcmp(etype, "manual"))
		return "organization";
	if (!strcmp(etype, "misc") || !strcmp(etype, "unpublished") || !strcmp(etype, "booklet"))
		return "howpublished";
	if (!strcmp(etype, "online") || !strcmp(etype, "electronic") || !strcmp(etype, "www"))
		return bl ? "organization" : "howpublished";
	return "publisher";
}

static void put_pages(wr *w, const char *pages)
{
	if (!pages || !*pages || !begin_field(w, "pages"))
		return;
	lit_buf tmp = LIT_BUF_INIT;
	for (const char *p = pages; *p; p++) {
		if (*p == '-') {
			while (p[1] == '-')
				p++;
			lit_buf_putc(&tmp, '\x01');
		} else {
			lit_buf_putc(&tmp, *p);
		}
	}
	/* escape the text, then turn the markers into "--" */
	lit_buf esc = LIT_BUF_INIT;
	lit_latex_escape(&esc, lit_buf_cstr(&tmp), tmp.len);
	for (size_t i = 0; i < esc.len; i++) {
		if (esc.ptr[i] == '\x01')
			lit_buf_puts(w->b, "--");
		else
			lit_buf_putc(w->b, esc.ptr[i]);
	}
	lit_buf_free(&tmp);
	lit_buf_free(&esc);
	end_field(w);
}

static int write_entry(lit_wctx *ctx, const lit_record *rec, int bl)
{
	wr w;
	memset(&w, 0, sizeof w);
	w.b = ctx->out;
	w.bl = bl;
	lit_type t = lit_record_type(rec);
	const char *etype = lit_bibtex_type_for(rec, bl);
	wstate *st = ctx->state;
	const char *key = NULL;
	char fallback[32];
	if (st && ctx->index < st->n)
		key = st->keys[ctx->index];
	if (!key) {
		snprintf(fallback, sizeof fallback, "ref%zu", ctx->index + 1);
		key = fallback;
	}
	if (ctx->index > 0)
		lit_buf_putc(w.b, '\n');
	lit_buf_printf(w.b, "@%s{%s,\n", etype, key);

	field_names(&w, "author", rec, LIT_VAR_AUTHOR);
	field_names(&w, "editor", rec, LIT_VAR_EDITOR);
	field_names(&w, "translator", rec, LIT_VAR_TRANSLATOR);
	field_names(&w, "bookauthor", rec, LIT_VAR_CONTAINER_AUTHOR);
	field_title(&w, "title", rec, LIT_VAR_TITLE);
	field_title(&w, "shorttitle", rec, LIT_VAR_TITLE_SHORT);
	if (is_article(t))
		field_var(&w, bl ? "journaltitle" : "journal", rec, LIT_VAR_CONTAINER_TITLE);
	else
		field_title(&w, "booktitle", rec, LIT_VAR_CONTAINER_TITLE);
	field_var(&w, "shortjournal", rec, LIT_VAR_CONTAINER_TITLE_SHORT);
	field_var(&w, "issuetitle", rec, LIT_VAR_VOLUME_TITLE);
	field_var(&w, "eventtitle", rec, LIT_VAR_EVENT_TITLE);
	field_var(&w, "venue", rec, LIT_VAR_EVENT_PLACE);
	field_var(&w, "series", rec, LIT_VAR_COLLECTION_TITLE);
	field_var(&w, "edition", rec, LIT_VAR_EDITION);
	field_var(&w, "volume", rec, LIT_VAR_VOLUME);
	field_var(&w, "volumes", rec, LIT_VAR_NUMBER_OF_VOLUMES);
	if (is_article(t)) {
		field_var(&w, "number", rec, LIT_VAR_ISSUE);
		field_var(&w, bl ? "issue" : "number", rec, LIT_VAR_NUMBER);
	} else {
		field_var(&w, "number", rec, LIT_VAR_NUMBER);
		field_var(&w, bl ? "issue" : "number", rec, LIT_VAR_ISSUE);
		field_var(&w, "number", rec, LIT_VAR_COLLECTION_NUMBER);
	}
	put_pages(&w, lit_record_get(rec, LIT_VAR_PAGE));
	field_var(&w, "pagetotal", rec, LIT_VAR_NUMBER_OF_PAGES);
	field_var(&w, "chapter", rec, LIT_VAR_CHAPTER_NUMBER);
	field_var(&w, "part", rec, LIT_VAR_PART_NUMBER);
	field_var(&w, "version", rec, LIT_VAR_VERSION);
	field_var(&w, publisher_field(etype, bl), rec, LIT_VAR_PUBLISHER);
	field_var(&w, bl ? "location" : "address", rec, LIT_VAR_PUBLISHER_PLACE);
	field_issued(&w, rec);
	field_verb(&w, "isbn", lit_record_get(rec, LIT_VAR_ISBN));
	field_verb(&w, "issn", lit_record_get(rec, LIT_VAR_ISSN));
	field_verb(&w, "doi", lit_record_get(rec, LIT_VAR_DOI));
	const char *eprint = lit_record_custom(rec, LIT_BIB_CUSTOM_PREFIX "eprint", NULL);
	if (eprint) {
		field_raw(&w, "eprint", eprint);
		field_raw(&w, bl ? "eprinttype" : "archiveprefix",
		          lit_record_custom(rec, LIT_BIB_CUSTOM_PREFIX "eprinttype", NULL));
		field_raw(&w, bl ? "eprintclass" : "primaryclass",
		          lit_record_custom(rec, LIT_BIB_CUSTOM_PREFIX "eprintclass", NULL));
	}
	field_verb(&w, "url", lit_record_get(rec, LIT_VAR_URL));
	field_date_iso(&w, "urldate", lit_record_date(rec, LIT_VAR_ACCESSED));
	const char *lang = lit_record_get(rec, LIT_VAR_LANGUAGE);
	if (lang) {
		const char *babel = lit_bibtex_lang_to_babel(lang);
		field_text(&w, bl ? "langid" : "language", babel ? babel : lang);
	}
	field_var(&w, "type", rec, LIT_VAR_GENRE);
	field_var(&w, "pubstate", rec, LIT_VAR_STATUS);
	field_var(&w, "origtitle", rec, LIT_VAR_ORIGINAL_TITLE);
	field_var(&w, "origpublisher", rec, LIT_VAR_ORIGINAL_PUBLISHER);
	field_var(&w, "origlocation", rec, LIT_VAR_ORIGINAL_PUBLISHER_PLACE);
	field_date_iso(&w, "origdate", lit_record_date(rec, LIT_VAR_ORIGINAL_DATE));
	field_date_iso(&w, "eventdate", lit_record_date(rec, LIT_VAR_EVENT_DATE));
	field_verb(&w, "pmid", lit_record_get(rec, LIT_VAR_PMID));
	field_verb(&w, "pmcid", lit_record_get(rec, LIT_VAR_PMCID));
	field_var(&w, "keywords", rec, LIT_VAR_KEYWORD);
	field_var(&w, "abstract", rec, LIT_VAR_ABSTRACT);
	field_var(&w, "note", rec, LIT_VAR_NOTE);
	field_var(&w, bl ? "annotation" : "annote", rec, LIT_VAR_ANNOTE);
	/* fields the reader could not map, kept raw */
	size_t nc = lit_record_custom_count(rec);
	for (size_t i = 0; i < nc; i++) {
		const char *value;
		int is_json;
		const char *ck = lit_record_custom_at(rec, i, &value, &is_json);
		size_t pl = strlen(LIT_BIB_CUSTOM_PREFIX);
		if (!ck || is_json || strncmp(ck, LIT_BIB_CUSTOM_PREFIX, pl) != 0 ||
		    strcmp(ck, LIT_BIB_CUSTOM_TYPE) == 0)
			continue;
		const char *fname = ck + pl;
		if (!strcmp(fname, "eprint") || !strcmp(fname, "eprinttype") || !strcmp(fname, "eprintclass"))
			continue;
		int ok = *fname != 0;
		for (const char *p = fname; *p && ok; p++)
			ok = !strchr(" \t\n\r{}(),=\"#%@", *p);
		if (ok)
			field_raw(&w, fname, value);
	}
	lit_buf_puts(w.b, "}\n");
	return lit_buf_status(w.b) ? lit_error_set(ctx->err, lit_buf_status(w.b), NULL, 0,
	                                           "BibTeX output too large or out of memory")
	                           : LIT_OK;
}

int lit_bibtex_write_begin(lit_wctx *ctx)
{
	wstate *st = calloc(1, sizeof *st);
	if (!st)
		return lit_error_set(ctx->err, LIT_ENOMEM, NULL, 0, "out of memory");
	if (ctx->records) {
		st->n = lit_records_count(ctx->records);
		st->keys = lit_make_keys(ctx->records, ctx->opts ? ctx->opts->keep_ids : 1);
		if (!st->keys) {
			free(st);
			return lit_error_set(ctx->err, LIT_ENOMEM, NULL, 0, "out of memory");
		}
	}
	ctx->state = st;
	return LIT_OK;
}

int lit_bibtex_write_record(lit_wctx *ctx, const lit_record *rec)
{
	return write_entry(ctx, rec, 0);
}

int lit_biblatex_write_record(lit_wctx *ctx, const lit_record *rec)
{
	return write_entry(ctx, rec, 1);
}

int lit_bibtex_write_end(lit_wctx *ctx)
{
	wstate *st = ctx->state;
	if (st) {
		lit_keys_free(st->keys, st->n);
		free(st);
		ctx->state = NULL;
	}
	return LIT_OK;
}
