// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The overhead benchmark's workload: N one-byte writes to /dev/null
 * (N = argv[1]). With --seccomp-floor, under a filter that lets every call
 * run (floor.h).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "floor.h"

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0 || floor_setup(argc, argv, -1, 0))
		return 1;
	for (long i = 0; i < n; i++)
		if (write(fd, "x", 1) != 1)
			return 1;
	return 0;
}
