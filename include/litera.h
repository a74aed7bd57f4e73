/*
 * litera.h - umbrella header for the litera library: the record model,
 * reading and writing formats, and the pipeline stages (extraction,
 * parsing, link checking, deduplication, CSL formatting).
 */
#ifndef LITERA_H
#define LITERA_H

#include "litera/common.h"
#include "litera/record.h"
#include "litera/io.h"
#include "litera/parse.h"
#include "litera/extract.h"
#include "litera/check.h"
#include "litera/dedup.h"
#include "litera/csl.h"

#endif
