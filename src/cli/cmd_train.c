/*
 * cmd_train.c - `litera train` (placeholder while the command is being written).
 */
#include "cli.h"

int cmd_train(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_errorf("train: not available in this build yet");
	return EXIT_USAGE;
}
