// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Reads and writes of every shape -e read=/write= dump: plain buffers, vectors,
 * message headers, a write that fails, a read that returns less than asked,
 * bytes of every value and a buffer over 64 KiB (five-digit offsets).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	static unsigned char big[70000];
	unsigned char all[256], in[64];
	int null = open("/dev/null", O_WRONLY), full = open("/dev/full", O_WRONLY), sv[2];
	struct iovec iov[3] = { { all, 5 }, { all + 100, 0 }, { all + 200, 20 } };
	struct iovec rio[2] = { { in, 4 }, { in + 8, 16 } };
	struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 3 };
	struct msghdr rmsg = { .msg_iov = rio, .msg_iovlen = 2 };

	for (int i = 0; i < 256; i++)
		all[i] = (unsigned char)i;
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (unsigned char)(i * 31);
	if (null < 0 || full < 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return 1;
	write(null, all, sizeof(all));
	write(full, "full", 4);
	write(null, big, sizeof(big));
	writev(null, iov, 3);
	pwrite(null, "at", 2, 7);
	sendmsg(sv[0], &msg, 0);
	recvmsg(sv[1], &rmsg, 0);
	send(sv[0], "0123456789", 10, 0);
	recv(sv[1], in, sizeof(in), 0);
	send(sv[0], "abcdef", 6, 0);
	readv(sv[1], rio, 2);
	return 0;
}
