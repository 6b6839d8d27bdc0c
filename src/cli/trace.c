// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/cli.h"
#include "util/error.h"

int cmd_trace(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return sr_error("trace: the engine is being built");
}

int cmd_stat(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return sr_error("stat: the engine is being built");
}
