/*
 * opt.c - the option table parser and help printer shared by every
 * command (one table drives both), plus diagnostics and the input/output
 * helpers of the CLI.  Uses only the public API.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_parser_init(cli_parser *p, const char *cmd, int argc, char **argv, const cli_opt *opts)
{
	memset(p, 0, sizeof *p);
	p->argc = argc;
	p->argv = argv;
	p->i = 1;
	p->opts = opts;
	p->cmd = cmd;
}

static const cli_opt *find_long(const cli_opt *opts, const char *name, size_t n)
{
	for (const cli_opt *o = opts; o && o->id; o++)
		if (o->longname && strlen(o->longname) == n && strncmp(o->longname, name, n) == 0)
			return o;
	return NULL;
}

static const cli_opt *find_short(const cli_opt *opts, char c)
{
	for (const cli_opt *o = opts; o && o->id; o++)
		if (o->shortname && o->shortname == c)
			return o;
	return NULL;
}

int cli_next(cli_parser *p)
{
	p->value = NULL;
	if (p->i >= p->argc)
		return -1;
	char *a = p->argv[p->i++];
	if (p->only_args || a[0] != '-' || a[1] == '\0') {
		p->value = a;
		return 0;
	}
	if (strcmp(a, "--") == 0) {
		p->only_args = 1;
		return cli_next(p);
	}
	const cli_opt *o;
	const char *inline_val = NULL;
	if (a[1] == '-') {
		const char *name = a + 2;
		const char *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		o = find_long(p->opts, name, n);
		if (!o) {
			cli_errorf("%s: unknown option '--%.*s' (see 'litera %s --help')", p->cmd, (int)n, name, p->cmd);
			return -2;
		}
		if (eq)
			inline_val = eq + 1;
	} else {
		o = find_short(p->opts, a[1]);
		if (!o) {
			cli_errorf("%s: unknown option '-%c' (see 'litera %s --help')", p->cmd, a[1], p->cmd);
			return -2;
		}
		if (a[2])
			inline_val = a + 2;
	}
	if (o->arg) {
		if (inline_val) {
			p->value = inline_val;
		} else if (p->i < p->argc) {
			p->value = p->argv[p->i++];
		} else {
			cli_errorf("%s: option '%s%s' needs a value", p->cmd, o->longname ? "--" : "-",
			           o->longname ? o->longname : (char[]){ o->shortname, 0 });
			return -2;
		}
	} else if (inline_val && a[1] == '-') {
		cli_errorf("%s: option '--%s' takes no value", p->cmd, o->longname);
		return -2;
	}
	return o->id;
}

void cli_print_help(FILE *out, const char *cmd, const char *synopsis,
                    const char *description, const cli_opt *opts)
{
	fprintf(out, "Usage: litera %s %s\n\n", cmd, synopsis);
	if (description)
		fprintf(out, "%s\n\n", description);
	if (!opts || !opts->id)
		return;
	fprintf(out, "Options:\n");
	for (const cli_opt *o = opts; o->id; o++) {
		char left[64];
		int n = 0;
		if (o->shortname)
			n += snprintf(left + n, sizeof left - (size_t)n, "-%c%s", o->shortname, o->longname ? ", " : "");
		else
			n += snprintf(left + n, sizeof left - (size_t)n, "    ");
		if (o->longname)
			n += snprintf(left + n, sizeof left - (size_t)n, "--%s", o->longname);
		if (o->arg && n < (int)sizeof left)
			snprintf(left + n, sizeof left - (size_t)n, " %s", o->arg);
		fprintf(out, "  %-26s %s\n", left, o->help ? o->help : "");
	}
}

void cli_errorf(const char *fmt, ...)
{
	va_list ap;
	fputs("litera: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_report(const lit_error *err)
{
	char buf[1200];
	fprintf(stderr, "litera: %s\n", lit_error_format(err, buf, sizeof buf));
}

int cli_exit_code(int status)
{
	switch (status) {
	case LIT_OK: return EXIT_OK;
	case LIT_EIO: return EXIT_IO;
	case LIT_EINVAL: case LIT_ENOTFOUND: case LIT_EUNSUPPORTED: return EXIT_USAGE;
	case LIT_ENOMEM: return EXIT_INTERNAL;
	default: return EXIT_BADINPUT;
	}
}

int cli_read_inputs(lit_records *out, char **files, int nfiles, const char *from)
{
	static char *dash[] = { "-" };
	if (nfiles == 0) {
		files = dash;
		nfiles = 1;
	}
	for (int i = 0; i < nfiles; i++) {
		lit_read_options ro = LIT_READ_OPTIONS_INIT;
		lit_error err;
		lit_error_clear(&err);
		ro.format = from;
		int rc = lit_read_file(out, files[i], &ro, &err);
		if (rc) {
			cli_report(&err);
			return cli_exit_code(rc);
		}
	}
	return EXIT_OK;
}

int cli_write_output(const lit_records *recs, const char *to, const char *path)
{
	lit_write_options wo = LIT_WRITE_OPTIONS_INIT;
	lit_error err;
	lit_error_clear(&err);
	int rc = lit_write_file(recs, to, &wo, path, &err);
	if (rc) {
		cli_report(&err);
		return cli_exit_code(rc);
	}
	return EXIT_OK;
}
