/*
 * litera.h - umbrella header for the litera library: the record model,
 * reading and writing formats, and the pipeline stages.
 */
#ifndef LITERA_H
#define LITERA_H

#include "litera/common.h"
#include "litera/record.h"
#include "litera/io.h"
#include "litera/parse.h"

#endif
