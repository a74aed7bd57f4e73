/*
 * cmd_dedup.c - `litera dedup` (placeholder while the command is being written).
 */
#include "cli.h"

int cmd_dedup(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_errorf("dedup: not available in this build yet");
	return EXIT_USAGE;
}
