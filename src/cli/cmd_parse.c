/*
 * cmd_parse.c - `litera parse` (placeholder while the command is being written).
 */
#include "cli.h"

int cmd_parse(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_errorf("parse: not available in this build yet");
	return EXIT_USAGE;
}
