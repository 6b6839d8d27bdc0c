// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * N fsync(2) calls on /dev/null (N = argv[1]): the fault-injection
 * benchmark's workload. With --seccomp-floor, under a filter that fails
 * fsync with EIO, as sysray's native-speed injection does (floor.h).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "floor.h"

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0 || floor_setup(argc, argv, SYS_fsync, EIO))
		return 1;
	for (long i = 0; i < n; i++)
		(void)fsync(fd);
	return 0;
}
