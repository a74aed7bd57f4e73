/*
 * cmd_check.c - `litera check` (placeholder while the command is being written).
 */
#include "cli.h"

int cmd_check(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_errorf("check: not available in this build yet");
	return EXIT_USAGE;
}
