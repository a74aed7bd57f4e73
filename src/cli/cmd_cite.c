/*
 * cmd_cite.c - `litera cite` (placeholder while the command is being written).
 */
#include "cli.h"

int cmd_cite(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_errorf("cite: not available in this build yet");
	return EXIT_USAGE;
}
