// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * -yy on sockets and devices: unix socket pairs and connections with their
 * peers and bound names (sock_diag), the kernel's protocol names ("UNIX" for
 * datagram and seqpacket sockets), names that need quoting, and a device's
 * numbers after its path. Inodes come from fstat: a socket's st_ino is its
 * inode, as sock_diag and /proc/PID/fd show it.
 */
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>

#include "expect.h"

static unsigned long ino(int fd)
{
	struct stat st;

	if (fstat(fd, &st))
		abort();
	return (unsigned long)st.st_ino;
}

/* One write on each end of a fresh pair of type; proto is the kernel's name for it. */
static void pair(int type, const char *proto)
{
	int sv[2];

	if (socketpair(AF_UNIX, type, 0, sv))
		abort();
	for (int k = 0; k < 2; k++) {
		long rc = write(sv[k], "x", 1);

		expect("write(%d<%s:[%lu->%lu]>, \"x\", 1) = %ld", sv[k], proto, ino(sv[k]),
		       ino(sv[!k]), rc);
	}
}

/* A listener bound to name (len bytes of sun_path), a client and the accepted end. */
static void connection(const char *name, socklen_t len, const char *shown)
{
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	socklen_t alen = offsetof(struct sockaddr_un, sun_path) + len;
	int l = socket(AF_UNIX, SOCK_STREAM, 0), c = socket(AF_UNIX, SOCK_STREAM, 0), a;
	long rc;

	memcpy(un.sun_path, name, len);
	if (l < 0 || c < 0 || bind(l, (struct sockaddr *)&un, alen) || listen(l, 1) ||
	    connect(c, (struct sockaddr *)&un, alen) || (a = accept(l, NULL, NULL)) < 0)
		abort();
	rc = write(c, "c", 1);
	expect("write(%d<UNIX-STREAM:[%lu->%lu]>, \"c\", 1) = %ld", c, ino(c), ino(a), rc);
	/* The accepted end carries the listener's name. */
	rc = write(a, "a", 1);
	expect("write(%d<UNIX-STREAM:[%lu->%lu,%s]>, \"a\", 1) = %ld", a, ino(a), ino(c), shown,
	       rc);
	rc = shutdown(l, SHUT_RDWR);
	expect("shutdown(%d<UNIX-STREAM:[%lu,%s]>, SHUT_RDWR) = %ld", l, ino(l), shown, rc);
	close(a);
	close(c);
	close(l);
}

int main(void)
{
	char path[64], shown[80];
	struct stat st;
	long rc;
	int fd;

	expect_start();
	pair(SOCK_STREAM, "UNIX-STREAM");
	pair(SOCK_DGRAM, "UNIX");
	pair(SOCK_SEQPACKET, "UNIX");
	connection("\0sysray-yy", 10, "@\"sysray-yy\"");
	/* An abstract name with a quote, a backslash, a tab and a NUL inside: strace shows
	 * it up to the NUL. */
	connection("\0q\"b\\n\t\0z", 9, "@\"q\\\"b\\\\n\\t\"");
	snprintf(path, sizeof(path), "/tmp/sysray-yy.%d", getpid());
	unlink(path);
	snprintf(shown, sizeof(shown), "\"%s\"", path);
	connection(path, strlen(path) + 1, shown);
	unlink(path);

	/* Unbound and unconnected: the inode alone. */
	fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	rc = write(fd, "u", 1);
	expect("write(%d<UNIX:[%lu]>, \"u\", 1) = %s", fd, ino(fd), err_str(ENOTCONN, "ENOTCONN"));

	/* A device: its path, then its type and numbers. */
	fd = open("/dev/null", O_WRONLY);
	if (fd < 0 || fstat(fd, &st))
		abort();
	rc = write(fd, "d", 1);
	expect("write(%d</dev/null<char %u:%u>>, \"d\", 1) = %ld", fd, major(st.st_rdev),
	       minor(st.st_rdev), rc);
	return 0;
}
