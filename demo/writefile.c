// SPDX-License-Identifier: LGPL-2.1-or-later
/* The demo's program: what f.write() comes down to. Writes a line to a file. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int __attribute__((noinline)) save(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return -1;
	if (write(fd, text, strlen(text)) < 0) {
		close(fd);
		return -1;
	}
	return close(fd);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/tmp/sysray-demo.txt";

	if (save(path, "hello from user space\n")) {
		perror(path);
		return 1;
	}
	printf("wrote %s\n", path);
	return 0;
}
