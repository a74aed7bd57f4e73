/*
 * cmd_train.c - `litera train`: train the reference parser's model from
 * labelled references (AnyStyle XML or GROBID TEI), so users can adapt it
 * to their own material.  `litera parse --labels` produces AnyStyle XML
 * to start from.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ 'o', 'o', "output", "MODEL", "write the model here (required)" },
	{ 'e', 'e', "epochs", "N", "passes over the data (default 12)" },
	{ 'c', 'c', "min-count", "N", "drop features seen fewer than N times (default 2)" },
	{ 's', 's', "seed", "N", "shuffling seed" },
	{ 'p', 'p', "prune", "Q", "drop weights below Q/32000 of the largest (default 2; larger = smaller model)" },
	{ 'C', 0, "emit-c", NULL, "write C source for embedding (src/parse/model_data.c)" },
	{ 'v', 'v', "verbose", NULL, "report progress on standard error" },
	{ 'h', 'h', "help", NULL, "show this help" },
	{ 0, 0, NULL, NULL, NULL }
};

static int number(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 0 || v > 1000000)
		return 0;
	*out = (int)v;
	return 1;
}

int cmd_train(int argc, char **argv)
{
	cli_parser p;
	const char *out = NULL;
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	size_t nfiles = 0;
	int id, v;
	lit_train_options to = LIT_TRAIN_OPTIONS_INIT;
	lit_error err;

	if (!files)
		return EXIT_INTERNAL;
	cli_parser_init(&p, "train", argc, argv, opts);
	while ((id = cli_next(&p)) != -1) {
		switch (id) {
		case 0: files[nfiles++] = p.value; break;
		case 'o': out = p.value; break;
		case 'e':
		case 'c':
		case 's':
		case 'p':
			if (!number(p.value, &v)) {
				cli_errorf("train: --%s needs a number, got '%s'",
				           id == 'e' ? "epochs" : id == 'c' ? "min-count" : id == 'p' ? "prune" : "seed", p.value);
				free(files);
				return EXIT_USAGE;
			}
			if (id == 'e') to.epochs = v;
			else if (id == 'c') to.min_count = v;
			else if (id == 'p') to.prune = v;
			else to.seed = (unsigned)v;
			break;
		case 'C': to.emit_c = 1; break;
		case 'v': to.verbose = 1; break;
		case 'h':
			cli_print_help(stdout, "train", "DATA... -o MODEL [--epochs N] [--emit-c]",
			               "Train the reference parser on labelled references: AnyStyle XML "
			               "(<dataset><sequence><author>..</author>..) or GROBID TEI (<bibl>) files, or "
			               "folders of them. Use the model with 'litera parse --model MODEL'.",
			               opts);
			free(files);
			return EXIT_OK;
		default:
			free(files);
			return EXIT_USAGE;
		}
	}
	if (!nfiles || !out) {
		cli_errorf("train: need training data and -o MODEL (see 'litera train --help')");
		free(files);
		return EXIT_USAGE;
	}
	lit_error_clear(&err);
	int rc = lit_parser_train(files, nfiles, out, &to, &err);
	free(files);
	if (rc != LIT_OK) {
		cli_report(&err);
		return cli_exit_code(rc);
	}
	return EXIT_OK;
}
