/*
 * prules.c - a small rule-based labeller, used only when no trained model
 * can be loaded (or memory runs out while decoding).  It knows the common
 * shapes "Authors. Title. Container, volume, pages (year)." and GOST
 * "Authors Title // Container. Year. Т. N, № N. С. x-y.", which is enough
 * to keep the pipeline useful without a model.
 */
#include "parse_internal.h"

static int ends_with(const lit_ptokens *t, const lit_ptoken *k, char c)
{
	return k->end > k->start && t->text[k->end - 1] == c;
}

void lit_prules_label(const lit_ptokens *t, uint8_t *labels)
{
	enum { S_AUTHOR, S_TITLE, S_CONTAINER, S_REST } st = S_TITLE;
	size_t n = t->n;
	int pending = LIT_PL_OTHER;

	if (n == 0)
		return;
	if (n > 1 && (t->tok[0].flags & LIT_TF_UPPER0) &&
	    ((t->tok[1].flags & LIT_TF_INITIAL) || (t->tok[0].flags & LIT_TF_INITIAL) || ends_with(t, &t->tok[0], ',')))
		st = S_AUTHOR;
	for (size_t i = 0; i < n; i++) {
		const lit_ptoken *k = &t->tok[i];
		const char *p = t->text + k->start;
		size_t tl = k->end - k->start;
		int lab;
		if (i == 0 && (t->doc_flags & LIT_DF_LEADNUM)) {
			labels[i] = LIT_PL_CITNUM;
			if (st == S_TITLE && i + 2 < n && (t->tok[i + 2].flags & LIT_TF_INITIAL))
				st = S_AUTHOR;
			continue;
		}
		if (k->flags & LIT_TF_URL) {
			int doi = tl > 3 && p[0] == '1' && p[1] == '0' && p[2] == '.';
			for (size_t j = 0; j + 7 < tl && !doi; j++)
				if (p[j] == 'd' && p[j + 1] == 'o' && p[j + 2] == 'i' && p[j + 3] == '.' &&
				    p[j + 4] == 'o' && p[j + 5] == 'r' && p[j + 6] == 'g')
					doi = 1;
			labels[i] = doi ? LIT_PL_DOI : LIT_PL_URL;
			st = S_REST;
			continue;
		}
		if (tl == 2 && p[0] == '/' && p[1] == '/') {
			labels[i] = LIT_PL_OTHER;
			st = S_CONTAINER;
			continue;
		}
		switch (st) {
		case S_AUTHOR:
			labels[i] = LIT_PL_AUTHOR;
			if ((k->flags & LIT_TF_YEAR) && !(k->flags & LIT_TF_INITIAL)) {
				labels[i] = LIT_PL_DATE;
				st = S_TITLE;
			} else if (ends_with(t, k, '.') && !(k->flags & LIT_TF_INITIAL) && !(k->lex & LIT_LEX_ETAL)) {
				st = S_TITLE;
			} else if ((k->flags & LIT_TF_INITIAL) && i + 1 < n &&
			           !(t->tok[i + 1].flags & (LIT_TF_INITIAL)) &&
			           !(t->tok[i + 1].lex & (LIT_LEX_AND | LIT_LEX_ETAL)) &&
			           !ends_with(t, k, ',') && i + 2 < n &&
			           !(t->tok[i + 2].flags & LIT_TF_INITIAL) && !ends_with(t, &t->tok[i + 1], ',')) {
				st = S_TITLE; /* "Иванов И. И. Title": initials end the heading */
			}
			break;
		case S_TITLE:
			labels[i] = LIT_PL_TITLE;
			if ((k->flags & LIT_TF_YEAR) && tl <= 7 && (k->flags & LIT_TF_INPAREN)) {
				labels[i] = LIT_PL_DATE;
				break;
			}
			if (ends_with(t, k, '.') && k->nletters > 1 && !(t->doc_flags & LIT_DF_SLASHES))
				st = S_CONTAINER;
			break;
		case S_CONTAINER:
			labels[i] = (k->flags & LIT_TF_PUNCT) ? LIT_PL_OTHER : LIT_PL_CONTAINER;
			if ((k->flags & LIT_TF_DIGIT) || ends_with(t, k, '.') || ends_with(t, k, ',')) {
				st = S_REST;
				if (k->flags & LIT_TF_DIGIT)
					goto rest;
			}
			break;
		case S_REST:
		rest:
			lab = pending;
			pending = LIT_PL_OTHER;
			if (k->lex & LIT_LEX_VOL) {
				lab = LIT_PL_VOLUME;
				pending = LIT_PL_VOLUME;
			} else if (k->lex & LIT_LEX_NUM) {
				lab = LIT_PL_ISSUE;
				pending = LIT_PL_ISSUE;
			} else if ((k->lex & LIT_LEX_PAGE) && (k->flags & LIT_TF_UPPER0 || tl <= 3)) {
				lab = LIT_PL_PAGES;
				pending = LIT_PL_PAGES;
			} else if (k->flags & LIT_TF_RANGE) {
				lab = LIT_PL_PAGES;
			} else if (k->flags & LIT_TF_YEAR) {
				lab = LIT_PL_DATE;
			} else if (k->lex & LIT_LEX_PLACE) {
				lab = LIT_PL_LOCATION;
			} else if ((k->flags & LIT_TF_DIGIT) && lab == LIT_PL_OTHER && !(k->flags & LIT_TF_PUNCT)) {
				lab = LIT_PL_VOLUME;
			} else if (lab == LIT_PL_OTHER && !(k->flags & LIT_TF_PUNCT)) {
				lab = LIT_PL_NOTE;
			}
			labels[i] = (uint8_t)lab;
			break;
		}
	}
}
