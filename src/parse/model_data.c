/*
 * model_data.c - the trained parser model compiled into the library.
 * Placeholder until the first model is trained: no words, so the parser
 * falls back to its rules.
 */
#include "parse_internal.h"

const uint32_t lit_pmodel_builtin[] = { 0 };
const size_t lit_pmodel_builtin_words = 0;
