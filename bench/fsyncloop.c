// SPDX-License-Identifier: LGPL-2.1-or-later
/* N fsync(2) calls on /dev/null (N = argv[1]): the fault-injection benchmark's workload. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0)
		return 1;
	for (long i = 0; i < n; i++)
		(void)fsync(fd);
	return 0;
}
