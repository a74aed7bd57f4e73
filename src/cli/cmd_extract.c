/*
 * cmd_extract.c - `litera extract` (placeholder while the command is being written).
 */
#include "cli.h"

int cmd_extract(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_errorf("extract: not available in this build yet");
	return EXIT_USAGE;
}
