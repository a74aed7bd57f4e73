/*
 * ptrain.h - training-side structures of the reference parser: labelled
 * sequences read from AnyStyle XML or TEI, and the perceptron trainer.
 */
#ifndef LIT_PARSE_PTRAIN_H
#define LIT_PARSE_PTRAIN_H

#include "parse_internal.h"

typedef struct lit_pseq {
	char *text;
	size_t len;
	uint8_t *labels;   /* one per token of lit_ptok_run(text) */
	size_t ntok;
} lit_pseq;

typedef struct lit_pset {
	lit_pseq *seq;
	size_t n, cap;
} lit_pset;

/* Read an AnyStyle XML or TEI file (or a directory of .xml files) into set.
 * t is scratch space. */
int lit_pset_read(lit_pset *set, const char *path, lit_ptokens *t, lit_error *err);
/* Add one reference with a label per byte. */
int lit_pset_add(lit_pset *set, const char *text, size_t len, const uint8_t *charlab, lit_ptokens *t);
void lit_pset_free(lit_pset *set);

#endif
