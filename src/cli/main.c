/*
 * main.c - the `litera` command: dispatches to one function per command
 * from one table, which also produces the top-level help.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{ "extract", cmd_extract, "find the references and footnotes in documents" },
	{ "parse", cmd_parse, "turn reference strings (one per line) into records" },
	{ "convert", cmd_convert, "convert between bibliography formats" },
	{ "check", cmd_check, "check the links and DOIs of references" },
	{ "dedup", cmd_dedup, "find and merge duplicate references" },
	{ "format", cmd_format, "format a bibliography (GOST, any CSL style)" },
	{ "cite", cmd_cite, "resolve citations in a Markdown or LaTeX manuscript" },
	{ "train", cmd_train, "train the reference parser on labelled data" },
	{ "formats", cmd_formats, "list the formats litera reads and writes" },
};

static void usage(FILE *out)
{
	fprintf(out,
	        "Usage: litera COMMAND [OPTIONS] [FILE...]\n\n"
	        "litera extracts, parses, checks, deduplicates, converts and formats references.\n\n"
	        "Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(out,
	        "\nRun 'litera COMMAND --help' for the options of a command.\n\n"
	        "Exit codes:\n"
	        "  0  success\n"
	        "  1  bad input (a file is not valid in its format or encoding)\n"
	        "  2  usage error (unknown option, missing argument, unknown format)\n"
	        "  3  I/O error (a file could not be opened, read or written)\n"
	        "  4  check: at least one link or DOI is broken\n"
	        "  5  internal error (out of memory)\n\n"
	        "Diagnostics are printed as 'litera: FILE:LINE: message'.\n");
}

int cmd_formats(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("Usage: litera formats\n\nList the formats litera reads (r) and writes (w).\n");
		return EXIT_OK;
	}
	for (size_t i = 0; i < lit_format_count(); i++) {
		const lit_format_info *f = lit_format_at(i);
		printf("%-11s %c%c  %s\n", f->name, f->can_read ? 'r' : '-', f->can_write ? 'w' : '-',
		       f->description);
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		if (argc > 2) {
			char *sub[] = { argv[2], "--help", NULL };
			for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
				if (strcmp(commands[i].name, argv[2]) == 0)
					return commands[i].run(2, sub);
		}
		usage(stdout);
		return fclose(stdout) == 0 ? EXIT_OK : EXIT_IO;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("litera %s\n", lit_version());
		return fclose(stdout) == 0 ? EXIT_OK : EXIT_IO;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		if (strcmp(commands[i].name, cmd) == 0) {
			int rc = commands[i].run(argc - 1, argv + 1);
			if (fclose(stdout) != 0 && rc == EXIT_OK) {
				cli_errorf("cannot write to standard output");
				rc = EXIT_IO;
			}
			return rc;
		}
	}
	cli_errorf("unknown command '%s' (see 'litera --help')", cmd);
	return EXIT_USAGE;
}
