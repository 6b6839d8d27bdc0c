// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Messages on sockets: recvmsg's name length in => out, what a failed recvmsg
 * still shows, and iovec arrays cut at -s items (all of them with -v, which
 * the conformance run checks against strace).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "expect.h"

static int udp_self(struct sockaddr_in *a)
{
	socklen_t len = sizeof(*a);
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	*a = (struct sockaddr_in){ .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	if (s < 0 || bind(s, (struct sockaddr *)a, sizeof(*a)) || getsockname(s, (void *)a, &len))
		abort();
	return s;
}

/* What strace shows of a loopback address. */
static const char *inet(const struct sockaddr_in *a)
{
	static char buf[128];

	snprintf(buf, sizeof(buf),
		 "{sa_family=AF_INET, sin_port=htons(%u), sin_addr=inet_addr(\"127.0.0.1\")}",
		 ntohs(a->sin_port));
	return buf;
}

static void test_recvmsg(int s, const struct sockaddr_in *self)
{
	struct sockaddr_in from;
	char buf[8];
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr mh = {
		.msg_name = &from, .msg_namelen = 64, .msg_iov = &iov, .msg_iovlen = 1
	};
	struct msghdr *bad = tail_alloc(sizeof(*bad));
	long rc;

	sendto(s, "abc", 3, 0, (const struct sockaddr *)self, sizeof(*self));
	expect("sendto(%d, \"abc\", 3, 0, %s, 16) = 3", s, inet(self));
	rc = recvmsg(s, &mh, 0);
	expect("recvmsg(%d, {msg_name=%s, msg_namelen=64 => 16, msg_iov=[{iov_base=\"abc\", "
	       "iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = %ld",
	       s, inet(self), rc);
	/* A failed call: only the length the caller gave. */
	recvmsg(s, &mh, MSG_DONTWAIT);
	expect("recvmsg(%d, {msg_namelen=16}, MSG_DONTWAIT) = %s", s, err_str(EAGAIN, "EAGAIN"));
	recvmsg(s, (struct msghdr *)(bad + 1), MSG_DONTWAIT);
	expect("recvmsg(%d, %p, MSG_DONTWAIT) = %s", s, (void *)(bad + 1),
	       err_str(EFAULT, "EFAULT"));
}

static void test_sendmsg_iovecs(int s, const struct sockaddr_in *self)
{
	struct iovec iov[40];
	struct msghdr mh = { .msg_name = (void *)self,
			     .msg_namelen = sizeof(*self),
			     .msg_iov = iov,
			     .msg_iovlen = 40 };
	char list[1024] = "", *p = list;
	char buf[8];
	long rc;

	for (int k = 0; k < 40; k++)
		iov[k] = (struct iovec){ "a", 1 };
	for (int k = 0; k < 32; k++)
		p += sprintf(p, "{iov_base=\"a\", iov_len=1}, ");
	rc = sendmsg(s, &mh, 0);
	expect("sendmsg(%d, {msg_name=%s, msg_namelen=16, msg_iov=[%s...], msg_iovlen=40, "
	       "msg_controllen=0, msg_flags=0}, 0) = %ld",
	       s, inet(self), list, rc);
	rc = recvfrom(s, buf, 8, 0, NULL, NULL);
	expect("recvfrom(%d, \"aaaaaaaa\", 8, 0, NULL, NULL) = %ld", s, rc);
}

int main(void)
{
	struct sockaddr_in self;
	int s = udp_self(&self);

	expect_start();
	test_recvmsg(s, &self);
	test_sendmsg_iovecs(s, &self);
	return 0;
}
