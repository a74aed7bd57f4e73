/*
 * record_int.h - record-model internals for the readers of the library:
 * sizing a record for what it is about to hold, so that it is built
 * without regrowing its vectors and with its strings in one block.
 */
#ifndef LIT_CORE_RECORD_INT_H
#define LIT_CORE_RECORD_INT_H

#include <stddef.h>
#include "litera/record.h"

/* Prepare `rec` for about `nfields` text/number variables, `nnames` names,
 * `ndates` dates and `ncustoms` custom entries (vectors grown to at least
 * these sizes) and, when it has no string pool yet, a pool of `bytes`
 * bytes for its strings (each with its NUL).  Estimates are fine: too
 * little falls back to the usual growth, too much only costs memory.
 * Does not change what the record holds.  LIT_OK, LIT_EINVAL or
 * LIT_ENOMEM (then the record is unchanged but valid). */
int lit_record_reserve(lit_record *rec, size_t nfields, size_t nnames, size_t ndates,
                       size_t ncustoms, size_t bytes);

#endif
