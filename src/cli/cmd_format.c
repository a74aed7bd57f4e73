/*
 * cmd_format.c - `litera format` (placeholder while the command is being written).
 */
#include "cli.h"

int cmd_format(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_errorf("format: not available in this build yet");
	return EXIT_USAGE;
}
