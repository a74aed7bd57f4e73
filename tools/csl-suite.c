/*
 * csl-suite.c - runs the fixtures of the CSL processor test suite
 * (citation-style-language/test-suite, processor-tests/humans format)
 * through the litera CSL engine.
 *
 * Usage: csl-suite DIR [-v] [-d] [-f SUBSTRING]
 *   -v  print the name of every failing fixture
 *   -d  print expected and actual output of failures
 *   -f  run only fixtures whose file name contains SUBSTRING
 * The last line of output is always "N passed, M failed".  The exit status
 * is 0 whenever the fixtures could be run (failures are a measurement, not
 * an error); 2 for usage errors and 3 when the folder cannot be read.
 *
 * Fixture handling follows the citeproc-js test runner: without
 * CITATION-ITEMS/CITATIONS one citation cites every input item; with
 * CITATIONS each citation is added in turn and the output marks with ">>"
 * the citations whose rendering changed when the last one was added.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litera.h"
#include "litera/csl.h"
#include "csl/csl_int.h"
#include "util/json.h"
#include "util/buf.h"

typedef struct fixture {
	char *mode, *result, *csl, *input, *items, *citations;
} fixture;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	lit_buf b = LIT_BUF_INIT;
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		lit_buf_put(&b, tmp, n);
	fclose(f);
	return lit_buf_detach(&b, len);
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && (*s == '\n' || *s == '\r' || *s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	char *r = malloc(n + 1);
	if (!r)
		return NULL;
	memcpy(r, s, n);
	r[n] = 0;
	return r;
}

/* Find ">>=+ NAME =+>>" ... "<<=+ NAME =+<<" sections. */
static int parse_fixture(const char *text, fixture *fx)
{
	memset(fx, 0, sizeof(*fx));
	const char *p = text;
	while ((p = strstr(p, ">>=")) != NULL) {
		const char *q = p + 2;
		while (*q == '=')
			q++;
		while (*q == ' ')
			q++;
		const char *ns = q;
		while (*q && *q != ' ' && *q != '=')
			q++;
		size_t nl = (size_t)(q - ns);
		char name[64];
		if (nl >= sizeof(name)) {
			p = q;
			continue;
		}
		memcpy(name, ns, nl);
		name[nl] = 0;
		const char *body = strchr(q, '\n');
		if (!body)
			break;
		body++;
		char endm[80];
		snprintf(endm, sizeof(endm), " %s ", name);
		const char *end = body;
		const char *e2 = NULL;
		while ((end = strstr(end, "<<=")) != NULL) {
			const char *t = end + 2;
			while (*t == '=')
				t++;
			if (!strncmp(t, endm, strlen(endm))) {
				e2 = end;
				break;
			}
			end += 3;
		}
		if (!e2)
			return -1;
		char *val = trim_dup(body, (size_t)(e2 - body));
		if (!strcmp(name, "MODE"))
			fx->mode = val;
		else if (!strcmp(name, "RESULT"))
			fx->result = val;
		else if (!strcmp(name, "CSL"))
			fx->csl = val;
		else if (!strcmp(name, "INPUT"))
			fx->input = val;
		else if (!strcmp(name, "CITATION-ITEMS"))
			fx->items = val;
		else if (!strcmp(name, "CITATIONS"))
			fx->citations = val;
		else
			free(val);
		p = e2 + 3;
	}
	return fx->mode && fx->result && fx->csl && fx->input ? 0 : -1;
}

static void fixture_free(fixture *fx)
{
	free(fx->mode);
	free(fx->result);
	free(fx->csl);
	free(fx->input);
	free(fx->items);
	free(fx->citations);
}

static const char *json_text(const lit_json *v)
{
	if (!v)
		return NULL;
	if (v->type == LIT_JSON_STRING || v->type == LIT_JSON_NUMBER)
		return v->str;
	return NULL;
}

static int json_true(const lit_json *v)
{
	return v && (v->type == LIT_JSON_TRUE || (v->type == LIT_JSON_NUMBER && v->num != 0));
}

/* Fill one citation from a JSON array of cite objects. */
static int fill_citation(lit_csl_citation *ct, const lit_json *arr, int note)
{
	size_t n = arr && arr->type == LIT_JSON_ARRAY ? arr->len : 0;
	lit_csl_cite *cites = calloc(n ? n : 1, sizeof(*cites));
	if (!cites)
		return -1;
	size_t k = 0;
	for (const lit_json *c = arr ? arr->child : NULL; c; c = c->next) {
		if (c->type != LIT_JSON_OBJECT)
			continue;
		lit_csl_cite *x = &cites[k++];
		x->id = json_text(lit_json_get(c, "id"));
		x->locator = json_text(lit_json_get(c, "locator"));
		x->label = json_text(lit_json_get(c, "label"));
		x->prefix = json_text(lit_json_get(c, "prefix"));
		x->suffix = json_text(lit_json_get(c, "suffix"));
		x->suppress_author = json_true(lit_json_get(c, "suppress-author"));
		x->author_only = json_true(lit_json_get(c, "author-only"));
		const lit_json *pos = lit_json_get(c, "position");
		if (pos && pos->type == LIT_JSON_NUMBER)
			x->position_override = (int)pos->num + 1;
		const lit_json *nn = lit_json_get(c, "near-note");
		if (nn)
			x->near_note_override = json_true(nn) ? 1 : -1;
	}
	ct->cites = cites;
	ct->count = k;
	ct->note = note;
	return 0;
}

static void join_lines(lit_buf *b, char **s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			lit_buf_putc(b, '\n');
		lit_buf_puts(b, s[i]);
	}
}

/* Run one fixture; returns a malloc'd output string or NULL with a message in err. */
/* Does the element list n (or a macro it calls) print variable var? */
static int uses_var(const csl_node *n, int var, int depth)
{
	for (; n && depth < 32; n = n->next) {
		if (n->var == var)
			return 1;
		for (int i = 0; i < n->nvars; i++)
			if (n->vars[i] == var)
				return 1;
		if (uses_var(n->child, var, depth + 1))
			return 1;
		if (n->macro && uses_var(n->macro->child, var, depth + 1))
			return 1;
	}
	return 0;
}

static char *run_fixture(const fixture *fx, const char *name, lit_error *err)
{
	lit_csl_style *st = NULL;
	lit_records *recs = lit_records_new();
	lit_csl_engine *eng = NULL;
	lit_json_doc *jd = NULL;
	lit_csl_citation *cits = NULL;
	size_t ncits = 0;
	char *out = NULL;
	char **res = NULL;
	lit_buf b = LIT_BUF_INIT;
	int bib = !strcmp(fx->mode, "bibliography");
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	ro.format = "csljson";
	ro.filename = name;
	if (!recs)
		goto fail;
	if (lit_csl_style_load_buffer(&st, fx->csl, strlen(fx->csl), name, NULL, err))
		goto fail;
	if (lit_read_buffer(recs, fx->input, strlen(fx->input), &ro, err))
		goto fail;
	for (size_t i = 0; i < lit_records_count(recs); i++) {
		lit_record *r = lit_records_at(recs, i);
		if (!lit_record_id(r)) {
			char idb[32];
			snprintf(idb, sizeof(idb), "ITEM-%zu", i + 1);
			lit_record_set_id(r, idb);
		}
	}
	/* the fixtures' items are keyed by id: of two with one id, the later wins */
	for (size_t i = 0; i < lit_records_count(recs);) {
		const char *id = lit_record_id(lit_records_at(recs, i));
		int dup = 0;
		for (size_t j = i + 1; j < lit_records_count(recs) && !dup; j++)
			dup = !strcmp(id, lit_record_id(lit_records_at(recs, j)));
		if (dup)
			lit_record_free(lit_records_take(recs, i));
		else
			i++;
	}
	if (lit_csl_engine_new(&eng, st, recs, LIT_CSL_HTML, err))
		goto fail;
	if (fx->citations) {
		/* each entry: [citation, pre, post]; pre/post list [citationID, noteIndex]
		 * in document order.  The document after the last call is printed. */
		jd = lit_json_parse(fx->citations, strlen(fx->citations), name, err);
		if (!jd)
			goto fail;
		const lit_json *root = lit_json_root(jd);
		size_t ncalls = root->len;
		cits = calloc(ncalls ? ncalls : 1, sizeof(*cits));
		const char **cids = calloc(ncalls ? ncalls : 1, sizeof(char *));
		char **prev_out = calloc(ncalls ? ncalls : 1, sizeof(char *));
		char **cur_out = calloc(ncalls ? ncalls : 1, sizeof(char *));
		size_t *order = calloc(ncalls ? ncalls : 1, sizeof(size_t));
		lit_csl_citation *seq = calloc(ncalls ? ncalls : 1, sizeof(*seq));
		/* what a citation's rendering depends on besides its text: its note
		 * number (if the style prints first-reference-note-number) and its
		 * items' citation numbers (if it prints those).  citeproc-js reports
		 * a citation as updated when these change, even if the text stays. */
		char **prev_note = calloc(ncalls ? ncalls : 1, sizeof(char *));
		char **cur_note = calloc(ncalls ? ncalls : 1, sizeof(char *));
		int note_dep = uses_var(st->cit_layout, LIT_VAR_FIRST_REFERENCE_NOTE_NUMBER, 0);
		int num_dep = uses_var(st->cit_layout, LIT_VAR_CITATION_NUMBER, 0);
		if (!cits || !cids || !prev_out || !cur_out || !order || !seq || !prev_note || !cur_note) {
			free(cids), free(prev_out), free(cur_out), free(order), free(seq);
			free(prev_note), free(cur_note);
			goto fail;
		}
		size_t k = 0, norder = 0;
		int ok = 1;
		for (const lit_json *c = root->child; c && ok; c = c->next) {
			const lit_json *cit = c->type == LIT_JSON_ARRAY ? lit_json_at(c, 0) : c;
			const lit_json *props = lit_json_get(cit, "properties");
			const lit_json *ni = lit_json_get(props, "noteIndex");
			int note = ni && ni->type == LIT_JSON_NUMBER ? (int)ni->num : 0;
			if (fill_citation(&cits[k], lit_json_get(cit, "citationItems"), note)) {
				ok = 0;
				break;
			}
			cids[k] = json_text(lit_json_get(cit, "citationID"));
			k++;
			ncits = k;
			/* document order for this call */
			norder = 0;
			const lit_json *lists[2] = { c->type == LIT_JSON_ARRAY ? lit_json_at(c, 1) : NULL,
				c->type == LIT_JSON_ARRAY ? lit_json_at(c, 2) : NULL };
			for (int li = 0; li < 2; li++) {
				if (li == 1)
					order[norder++] = k - 1;
				for (const lit_json *pp = lists[li] ? lists[li]->child : NULL; pp; pp = pp->next) {
					const char *pid = json_text(lit_json_at(pp, 0));
					const lit_json *pn = lit_json_at(pp, 1);
					for (size_t q = 0; q + 1 < k; q++)
						if (pid && cids[q] && !strcmp(pid, cids[q])) {
							if (pn && pn->type == LIT_JSON_NUMBER)
								cits[q].note = (int)pn->num;
							if (norder < ncalls)
								order[norder++] = q;
						}
				}
			}
			for (size_t q = 0; q < norder; q++)
				seq[q] = cits[order[q]];
			lit_csl_engine *e2 = NULL;
			char **r2 = NULL;
			if (lit_csl_engine_new(&e2, st, recs, LIT_CSL_HTML, err) ||
			    lit_csl_engine_cite_ex(e2, seq, norder, &r2, 1, err)) {
				lit_csl_engine_free(e2);
				ok = 0;
				break;
			}
			for (size_t q = 0; q < ncalls; q++) {
				free(prev_out[q]);
				prev_out[q] = cur_out[q];
				cur_out[q] = NULL;
				free(prev_note[q]);
				prev_note[q] = cur_note[q];
				cur_note[q] = NULL;
			}
			for (size_t q = 0; q < norder; q++) {
				cur_out[order[q]] = strdup(r2[q]);
				lit_buf kb = LIT_BUF_INIT;
				if (note_dep)
					lit_buf_printf(&kb, "%d;", cits[order[q]].note);
				for (size_t ci = 0; num_dep && ci < cits[order[q]].count; ci++)
					for (size_t it = 0; it < e2->nitems; it++)
						if (!strcmp(e2->items[it].id, cits[order[q]].cites[ci].id))
							lit_buf_printf(&kb, "%d,", e2->items[it].citation_number);
				/* and its items' disambiguation: citeproc-js re-renders every
				 * citation of an item whose disambiguation changed */
				for (size_t ci = 0; ci < cits[order[q]].count; ci++)
					for (size_t it = 0; it < e2->nitems; it++)
						if (!strcmp(e2->items[it].id, cits[order[q]].cites[ci].id)) {
							const csl_disamb *d = &e2->items[it].dis;
							lit_buf_printf(&kb, "|%d.%d.%d.%d", d->add_names, d->givenname, d->disambiguate,
							               d->year_suffix);
							for (int g = 0; d->gn_level && g < d->ngn; g++)
								lit_buf_printf(&kb, ".%d", d->gn_level[g]);
						}
				cur_note[order[q]] = lit_buf_detach(&kb, NULL);
			}
			lit_csl_strings_free(r2, norder);
			if (bib && !c->next) {
				lit_csl_engine_free(eng);
				eng = e2;
			} else {
				lit_csl_engine_free(e2);
			}
		}
		if (ok && !bib)
			for (size_t q = 0; q < norder; q++) {
				size_t id = order[q];
				int changed = !prev_out[id] || !cur_out[id] || strcmp(prev_out[id], cur_out[id]) ||
				              !prev_note[id] || !cur_note[id] || strcmp(prev_note[id], cur_note[id]);
				lit_buf_printf(&b, "%s%s[%zu] %s", q ? "\n" : "", changed ? ">>" : "..", q,
				               cur_out[id] ? cur_out[id] : "");
			}
		for (size_t q = 0; q < ncalls; q++) {
			free(prev_out[q]);
			free(cur_out[q]);
			free(prev_note[q]);
			free(cur_note[q]);
		}
		free(cids), free(prev_out), free(cur_out), free(order), free(seq);
		free(prev_note), free(cur_note);
		if (!ok)
			goto fail;
		eng->sorted_once = 1;
	} else {
		if (fx->items) {
			jd = lit_json_parse(fx->items, strlen(fx->items), name, err);
			if (!jd)
				goto fail;
			const lit_json *root = lit_json_root(jd);
			ncits = root->len;
			cits = calloc(ncits ? ncits : 1, sizeof(*cits));
			if (!cits)
				goto fail;
			size_t k = 0;
			for (const lit_json *c = root->child; c; c = c->next)
				if (fill_citation(&cits[k], c, (int)k + 1) == 0)
					k++;
			ncits = k;
		} else {
			size_t n = lit_records_count(recs);
			cits = calloc(1, sizeof(*cits));
			lit_csl_cite *cs = calloc(n ? n : 1, sizeof(*cs));
			if (!cits || !cs) {
				free(cs);
				goto fail;
			}
			for (size_t i = 0; i < n; i++)
				cs[i].id = lit_record_id(lit_records_at(recs, i));
			/* as citeproc-js's runner: the items are cited in bibliography order */
			lit_csl_engine *so = NULL;
			char **sents = NULL;
			const char **sids = NULL;
			size_t sn = 0;
			if (st->bib_sort && lit_csl_engine_new(&so, st, recs, LIT_CSL_TEXT, err) == LIT_OK &&
			    lit_csl_engine_entries(so, &sents, &sids, &sn, err) == LIT_OK && sn == n)
				for (size_t i = 0; i < n; i++)
					for (size_t j = 0; j < n; j++)
						if (sids[i] && !strcmp(sids[i], lit_record_id(lit_records_at(recs, j))))
							cs[i].id = lit_record_id(lit_records_at(recs, j));
			lit_csl_strings_free(sents, sn);
			free((void *)sids);
			lit_csl_engine_free(so);
			cits[0].cites = cs;
			cits[0].count = n;
			cits[0].note = 1;
			ncits = 1;
		}
		if (lit_csl_engine_cite_ex(eng, cits, ncits, &res, 0, err))
			goto fail;
		if (!bib)
			join_lines(&b, res, ncits);
	}
	if (bib) {
		char *bo = NULL;
		size_t bl;
		if (lit_csl_engine_bibliography(eng, &bo, &bl, err))
			goto fail;
		lit_buf_puts(&b, bo);
		lit_free(bo);
	}
	out = lit_buf_detach(&b, NULL);
fail:
	lit_buf_free(&b);
	lit_csl_strings_free(res, ncits);
	for (size_t i = 0; i < ncits; i++)
		free((void *)cits[i].cites);
	free(cits);
	lit_json_free(jd);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	lit_records_free(recs);
	if (!out && err && !err->message[0])
		lit_error_set(err, LIT_ENOMEM, name, 0, "failed");
	return out;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	const char *dir = NULL, *filter = NULL;
	int verbose = 0, diffs = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else if (!strcmp(argv[i], "-d"))
			verbose = diffs = 1;
		else if (!strcmp(argv[i], "-f") && i + 1 < argc)
			filter = argv[++i];
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			printf("Usage: csl-suite DIR [-v] [-d] [-f SUBSTRING]\n");
			return 0;
		} else if (!dir)
			dir = argv[i];
		else {
			fprintf(stderr, "csl-suite: unexpected argument %s\n", argv[i]);
			return 2;
		}
	}
	if (!dir) {
		fprintf(stderr, "Usage: csl-suite DIR [-v] [-d] [-f SUBSTRING]\n");
		return 2;
	}
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "csl-suite: %s: cannot open folder\n", dir);
		return 3;
	}
	char **names = NULL;
	size_t nn = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l < 5 || strcmp(de->d_name + l - 4, ".txt"))
			continue;
		if (filter && !strstr(de->d_name, filter))
			continue;
		if (nn == cap) {
			cap = cap ? cap * 2 : 256;
			char **nv = realloc(names, cap * sizeof(char *));
			if (!nv)
				return 5;
			names = nv;
		}
		names[nn++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof(char *), cmp_str);
	int passed = 0, failed = 0;
	for (size_t i = 0; i < nn; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		size_t len;
		char *text = slurp(path, &len);
		fixture fx;
		lit_error err;
		lit_error_clear(&err);
		const char *t = text;
		if (t && !strncmp(t, "\xef\xbb\xbf", 3))
			t += 3;
		if (!t || parse_fixture(t, &fx)) {
			failed++;
			if (verbose)
				printf("FAIL %s (cannot parse fixture)\n", names[i]);
			free(text);
			fixture_free(&fx);
			continue;
		}
		char *out = run_fixture(&fx, names[i], &err);
		if (out && !strcmp(out, fx.result)) {
			passed++;
		} else {
			failed++;
			if (verbose) {
				char eb[1200];
				printf("FAIL %s%s%s\n", names[i], out ? "" : ": ", out ? "" : lit_error_format(&err, eb, sizeof(eb)));
				if (diffs && out)
					printf("  expected: %s\n  actual:   %s\n", fx.result, out);
			}
		}
		free(out);
		free(text);
		fixture_free(&fx);
		free(names[i]);
	}
	free(names);
	printf("%d passed, %d failed\n", passed, failed);
	return 0;
}
