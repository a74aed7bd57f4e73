/*
 * parser.c - the public reference-parser API: loading the model (the one
 * built into the library, or a file), parsing one string into a record,
 * and writing token labels as AnyStyle XML for correction and retraining.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "litera/parse.h"
#include "parse_internal.h"

struct lit_parser {
	lit_pmodel model;
	int has_model;
};

static const char *const label_names[] = {
#define LIT_X_(id, name) name,
	LIT_PLABELS(LIT_X_)
#undef LIT_X_
};

const char *lit_plabel_name(int label)
{
	if (label < 0 || label >= LIT_PL__COUNT)
		return "other";
	return label_names[label];
}

int lit_plabel_from_name(const char *name, size_t len)
{
	static const struct { const char *alias; int label; } aliases[] = {
		{ "location", LIT_PL_LOCATION }, { "pubplace", LIT_PL_LOCATION }, { "publisher-place", LIT_PL_LOCATION },
		{ "page", LIT_PL_PAGES }, { "doi", LIT_PL_DOI }, { "url", LIT_PL_URL }, { "ptr", LIT_PL_URL },
		{ "director", LIT_PL_EDITOR }, { "producer", LIT_PL_EDITOR }, { "source", LIT_PL_NOTE },
		{ "number", LIT_PL_ISSUE }, { "container", LIT_PL_CONTAINER }, { "booktitle", LIT_PL_CONTAINER },
		{ "series", LIT_PL_COLLECTION }, { "year", LIT_PL_DATE }, { "issn", LIT_PL_ISBN },
		{ "o", LIT_PL_OTHER }, { "", LIT_PL_OTHER },
	};
	for (int i = 0; i < LIT_PL__COUNT; i++)
		if (strlen(label_names[i]) == len && memcmp(label_names[i], name, len) == 0)
			return i;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strlen(aliases[i].alias) == len && memcmp(aliases[i].alias, name, len) == 0)
			return aliases[i].label;
	return -1;
}

int lit_parser_new(lit_parser **out, const lit_parse_options *opts, lit_error *err)
{
	lit_parser *p;
	int rc;

	if (!out)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "lit_parser_new: out is NULL");
	*out = NULL;
	if (opts && opts->version != LIT_PARSE_OPTIONS_VERSION)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "lit_parser_new: options version %u, expected %u",
		                     opts->version, LIT_PARSE_OPTIONS_VERSION);
	p = calloc(1, sizeof *p);
	if (!p)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	if (opts && opts->model_path) {
		rc = lit_pmodel_load_file(&p->model, opts->model_path, err);
		if (rc != LIT_OK) {
			free(p);
			return rc;
		}
		p->has_model = 1;
	} else if (lit_pmodel_builtin_words > 0) {
		rc = lit_pmodel_init(&p->model, lit_pmodel_builtin, lit_pmodel_builtin_words, err);
		if (rc != LIT_OK) {
			free(p);
			return rc;
		}
		p->has_model = 1;
	}
	*out = p;
	return LIT_OK;
}

void lit_parser_free(lit_parser *parser)
{
	if (!parser)
		return;
	lit_pmodel_fini(&parser->model);
	free(parser);
}

int lit_parser_has_model(const lit_parser *parser)
{
	return parser && parser->has_model;
}

static void label_tokens(const lit_parser *parser, const lit_ptokens *t, uint8_t *labels)
{
	if (parser && parser->has_model)
		lit_pmodel_decode(&parser->model, t, labels);
	else
		lit_prules_label(t, labels);
}

int lit_parse_reference(const lit_parser *parser, const char *text, size_t len,
                        lit_record **out, lit_error *err)
{
	lit_ptokens *t;
	uint8_t *labels;
	lit_record *rec;
	char *raw;
	int rc;

	if (!out)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "lit_parse_reference: out is NULL");
	*out = NULL;
	if (!text && len)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "lit_parse_reference: text is NULL");
	rec = lit_record_new();
	t = malloc(sizeof *t);
	labels = malloc(LIT_PARSE_MAX_TOKENS);
	raw = malloc(len * 3 + 1);
	if (!rec || !t || !labels || !raw) {
		lit_record_free(rec);
		free(t);
		free(labels);
		free(raw);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	/* the raw text without NULs and with line breaks joined */
	size_t rl = 0;
	for (size_t i = 0; i < len;) {
		unsigned char b = (unsigned char)text[i];
		if (b < 0x80) { /* ASCII: the same rules, without decoding */
			i++;
			if (b == '\n' || b == '\r' || b == '\t')
				raw[rl++] = ' ';
			else if (b >= 0x20 && b != 0x7F)
				raw[rl++] = (char)b;
			continue;
		}
		size_t a = i;
		int32_t c = lit_pu8_next(text, len, &i);
		if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F)
			continue;
		if (c == '\n' || c == '\r' || c == '\t') {
			raw[rl++] = ' ';
		} else if (c == 0xFFFD) {
			memcpy(raw + rl, "\xEF\xBF\xBD", 3); /* invalid bytes become U+FFFD */
			rl += 3;
		} else {
			memcpy(raw + rl, text + a, i - a);
			rl += i - a;
		}
	}
	while (rl > 0 && raw[rl - 1] == ' ')
		rl--;
	raw[rl] = 0;
	{
		size_t a = 0;
		while (raw[a] == ' ')
			a++;
		if (a)
			memmove(raw, raw + a, rl - a + 1), rl -= a;
	}
	/* the text parsed: markdown escapes and emphasis removed ("\\$2" -> "$2",
	 * "*Journal*" -> "Journal"); the record keeps the raw text as given */
	char *txt = malloc(rl + 1);
	if (!txt) {
		lit_record_free(rec);
		free(t);
		free(labels);
		free(raw);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	size_t tl = 0, nemph = 0, emph[4][2], open_at = (size_t)-1;
	for (size_t i = 0; i < rl; i++) {
		char c = raw[i];
		if (c == '\\' && i + 1 < rl && strchr("$*_[]()#\\`", raw[i + 1]))
			continue;
		if (c == '*' && (i == 0 || raw[i - 1] == ' ' || i + 1 == rl || raw[i + 1] == ' ' || raw[i + 1] == '.' ||
		                 raw[i + 1] == ',' || raw[i + 1] == ';')) {
			/* an emphasis opens after a space and closes before one */
			if ((i == 0 || raw[i - 1] == ' ') && i + 1 < rl && raw[i + 1] != ' ')
				open_at = tl;
			else if (open_at != (size_t)-1 && tl > open_at && nemph < 4) {
				emph[nemph][0] = open_at;
				emph[nemph][1] = tl;
				nemph++;
				open_at = (size_t)-1;
			}
			continue;
		}
		txt[tl++] = c;
	}
	txt[tl] = 0;
	lit_ptok_run(t, txt, tl);
	t->nemph = nemph;
	memcpy(t->emph, emph, sizeof emph[0] * nemph);
	memset(labels, 0, LIT_PARSE_MAX_TOKENS);
	label_tokens(parser, t, labels);
	rc = lit_pfields_build(t, labels, !(parser && parser->has_model), rec);
	free(txt);
	if (rc == LIT_OK)
		rc = lit_record_set_raw(rec, raw);
	free(t);
	free(labels);
	free(raw);
	if (rc != LIT_OK) {
		lit_record_free(rec);
		return lit_error_set(err, rc, NULL, 0, "out of memory");
	}
	*out = rec;
	return LIT_OK;
}

static int put(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t nc = (*cap ? *cap * 2 : 256);
		while (nc < *len + n + 1)
			nc *= 2;
		char *nb = realloc(*buf, nc);
		if (!nb)
			return 0;
		*buf = nb;
		*cap = nc;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = 0;
	return 1;
}

static int put_escaped(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		default: break;
		}
		if (!(rep ? put(buf, len, cap, rep, strlen(rep)) : put(buf, len, cap, s + i, 1)))
			return 0;
	}
	return 1;
}

int lit_parse_labels(const lit_parser *parser, const char *text, size_t len,
                     char **out, lit_error *err)
{
	lit_ptokens *t;
	uint8_t labels[LIT_PARSE_MAX_TOKENS];
	char *buf = NULL;
	size_t bl = 0, cap = 0;
	int ok = 1;

	if (!out)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "lit_parse_labels: out is NULL");
	*out = NULL;
	t = malloc(sizeof *t);
	if (!t)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	lit_ptok_run(t, text ? text : "", text ? len : 0);
	memset(labels, 0, sizeof labels);
	label_tokens(parser, t, labels);
	ok = put(&buf, &bl, &cap, "<sequence>", 10);
	for (size_t i = 0; i < t->n && ok;) {
		size_t j = i + 1;
		while (j < t->n && labels[j] == labels[i])
			j++;
		const char *name = lit_plabel_name(labels[i]);
		if (i > 0 && (t->tok[i].flags & LIT_TF_SPACE))
			ok = put(&buf, &bl, &cap, " ", 1);
		ok = ok && put(&buf, &bl, &cap, "<", 1) && put(&buf, &bl, &cap, name, strlen(name)) &&
		     put(&buf, &bl, &cap, ">", 1);
		for (size_t k = i; k < j && ok; k++) {
			if (k > i && (t->tok[k].flags & LIT_TF_SPACE))
				ok = put(&buf, &bl, &cap, " ", 1);
			if (ok)
				ok = put_escaped(&buf, &bl, &cap, t->text + t->tok[k].start, t->tok[k].end - t->tok[k].start);
		}
		ok = ok && put(&buf, &bl, &cap, "</", 2) && put(&buf, &bl, &cap, name, strlen(name)) &&
		     put(&buf, &bl, &cap, ">", 1);
		i = j;
	}
	ok = ok && put(&buf, &bl, &cap, "</sequence>", 11);
	free(t);
	if (!ok) {
		free(buf);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	*out = buf;
	return LIT_OK;
}
