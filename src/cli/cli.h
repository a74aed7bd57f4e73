/*
 * cli.h - what the commands of the `litera` tool share: the option table
 * that drives both parsing and --help, exit codes, diagnostics, and reading
 * inputs / writing outputs through the public API only.
 */
#ifndef LIT_CLI_H
#define LIT_CLI_H

#include <stdio.h>
#include "litera.h"

/* Exit codes (documented in README.md and `litera --help`). */
enum {
	EXIT_OK = 0,
	EXIT_BADINPUT = 1,  /* input could not be read in its format */
	EXIT_USAGE = 2,     /* bad command line */
	EXIT_IO = 3,        /* a file could not be opened or written */
	EXIT_BROKEN = 4,    /* check: at least one link or DOI is broken */
	EXIT_INTERNAL = 5   /* out of memory or an internal error */
};

/* Option table entry.  `arg` non-NULL means the option takes a value,
 * named `arg` in help.  `id` is what cli_next_opt returns. */
typedef struct cli_opt {
	int id;              /* > 0; the short letter for options that have one */
	char shortname;      /* 0 if none */
	const char *longname;
	const char *arg;
	const char *help;
} cli_opt;

typedef struct cli_parser {
	int argc;
	char **argv;
	int i;               /* next argv index */
	const cli_opt *opts;
	const char *value;   /* value of the last option that takes one */
	const char *cmd;     /* command name for messages */
	int only_args;       /* after "--" */
} cli_parser;

void cli_parser_init(cli_parser *p, const char *cmd, int argc, char **argv, const cli_opt *opts);
/* Next option id; 0 when the next item is a positional argument (in p->value);
 * -1 at the end; -2 after printing a usage error.  --help is id 'h' when listed. */
int cli_next(cli_parser *p);
/* Print "Usage: litera CMD SYNOPSIS", a description, and the option table. */
void cli_print_help(FILE *out, const char *cmd, const char *synopsis,
                    const char *description, const cli_opt *opts);

/* "litera: message" on stderr. */
void cli_errorf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* "litera: FILE:LINE: message" from a lit_error. */
void cli_report(const lit_error *err);
/* Map a lit_status to an exit code. */
int cli_exit_code(int status);

/* Read every input (NULL list or "-" = stdin) into `out` with format `from`
 * (NULL = detect).  Prints diagnostics; returns an exit code. */
int cli_read_inputs(lit_records *out, char **files, int nfiles, const char *from);
/* Write records to `path` (NULL or "-" = stdout) in format `to`; prints
 * diagnostics; returns an exit code. */
int cli_write_output(const lit_records *recs, const char *to, const char *path);

/* Commands: each in its own cmd_NAME.c. */
int cmd_convert(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_format(int argc, char **argv);
int cmd_cite(int argc, char **argv);
int cmd_formats(int argc, char **argv);

#endif
