// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Messages on sockets: recvmsg's name length in => out, what a failed recvmsg
 * still shows, iovec arrays cut at -s items (all of them with -v, which the
 * conformance run checks against strace), and sendmmsg/recvmmsg's vectors
 * with msg_len, recvmmsg's timeout and its note after the result.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>

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

/* One mmsghdr item as strace shows it; name: the address text, or NULL. */
static char *mmsg_item(char *p, const char *name, const char *namelen, const char *data,
		       size_t iov_len, const char *flags, long msg_len)
{
	p += sprintf(p,
		     "{msg_hdr={msg_name=%s, msg_namelen=%s, msg_iov=[{iov_base=\"%s\", "
		     "iov_len=%zu}], msg_iovlen=1, msg_controllen=0, msg_flags=%s}",
		     name ? name : "NULL", namelen, data, iov_len, flags);
	if (msg_len >= 0)
		p += sprintf(p, ", msg_len=%ld", msg_len);
	return p + sprintf(p, "}");
}

static void test_mmsg_pair(int s, const struct sockaddr_in *self)
{
	struct iovec out[2] = { { "abc", 3 }, { "defg", 4 } };
	struct mmsghdr m[2] = { { .msg_hdr = { (void *)self, sizeof(*self), &out[0], 1 } },
				{ .msg_hdr = { (void *)self, sizeof(*self), &out[1], 1 } } };
	struct sockaddr_in from[2];
	char b0[8], b1[2], line[2048], *p;
	struct iovec in[2] = { { b0, sizeof(b0) }, { b1, sizeof(b1) } };
	struct mmsghdr r[2] = { { .msg_hdr = { &from[0], 64, &in[0], 1 } },
				{ .msg_hdr = { &from[1], 64, &in[1], 1 } } };
	struct timespec ts = { 1, 0 };
	char name[128];
	long rc;

	snprintf(name, sizeof(name), "%s", inet(self));
	rc = syscall(SYS_sendmmsg, s, m, 2, 0);
	p = line + sprintf(line, "sendmmsg(%d, [", s);
	p = mmsg_item(p, name, "16", "abc", 3, "0", 3);
	p = mmsg_item(p + sprintf(p, ", "), name, "16", "defg", 4, "0", 4);
	expect("%s], 2, 0) = %ld", line, rc);
	/* Data up to msg_len, the name length in => out, the second message cut to 2 bytes. */
	rc = syscall(SYS_recvmmsg, s, r, 2, 0, &ts);
	p = line + sprintf(line, "recvmmsg(%d, [", s);
	p = mmsg_item(p, name, "64 => 16", "abc", 8, "0", 3);
	p = mmsg_item(p + sprintf(p, ", "), name, "64 => 16", "de", 2, "MSG_TRUNC", 2);
	expect("%s], 2, 0, {tv_sec=1, tv_nsec=0}) = %ld (left {tv_sec=%lld, tv_nsec=%ld})", line,
	       rc, (long long)ts.tv_sec, ts.tv_nsec);
	rc = syscall(SYS_recvmmsg, s, r, 0, 0, NULL);
	expect("recvmmsg(%d, [], 0, 0, NULL) = %ld (Timeout)", s, rc);
	ts = (struct timespec){ 0, 1000 };
	syscall(SYS_recvmmsg, s, r, 2, MSG_DONTWAIT, &ts);
	expect("recvmmsg(%d, %p, 2, MSG_DONTWAIT, {tv_sec=0, tv_nsec=1000}) = %s", s, (void *)r,
	       err_str(EAGAIN, "EAGAIN"));
}

static void test_mmsg_hostile(int s)
{
	struct iovec iov = { "xyz", 3 };
	struct mmsghdr *edge = tail_alloc(sizeof(*edge));
	char line[1024];
	long rc;

	*edge = (struct mmsghdr){ .msg_hdr = { .msg_iov = &iov, .msg_iovlen = 1 } };
	/* A failed call: the vector all the same, without msg_len; the fd's high bits dropped. */
	syscall(SYS_sendmmsg, DIRTY_FD(-1), edge, 1, 0);
	mmsg_item(line, NULL, "0", "xyz", 3, "0", -1);
	expect("sendmmsg(-1, [%s], 1, 0) = %s", line, err_str(EBADF, "EBADF"));
	/* The second item is past the mapping: where the unreadable rest begins. */
	rc = syscall(SYS_sendmmsg, s, edge, 3, 0);
	mmsg_item(line, NULL, "0", "xyz", 3, "0", 3);
	expect("sendmmsg(%d, [%s, ... /* %p */], 3, 0) = %ld", s, line, (void *)(edge + 1), rc);
	syscall(SYS_sendmmsg, s, NULL, 2, 0);
	expect("sendmmsg(%d, NULL, 2, 0) = %s", s, err_str(EFAULT, "EFAULT"));
	syscall(SYS_sendmmsg, s, edge + 1, 2, 0);
	expect("sendmmsg(%d, %p, 2, 0) = %s", s, (void *)(edge + 1), err_str(EFAULT, "EFAULT"));
	rc = syscall(SYS_sendmmsg, s, edge, 0, 0);
	expect("sendmmsg(%d, [], 0, 0) = %ld", s, rc);
}

/* 40 messages: -s items, then "..." (the conformance run's -v pass sees all 40). */
static void test_mmsg_many(void)
{
	static struct mmsghdr m[40];
	static char line[40 * 200];
	static char buf[1];
	struct iovec iov = { "a", 1 };
	char *p = line;
	long rc;
	int sv[2], s, r;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		abort();
	s = sv[0];
	r = sv[1];
	for (int k = 0; k < 40; k++)
		m[k] = (struct mmsghdr){ .msg_hdr = { .msg_iov = &iov, .msg_iovlen = 1 } };
	rc = syscall(SYS_sendmmsg, s, m, 40, MSG_DONTWAIT);
	for (int k = 0; k < 32; k++) {
		p = mmsg_item(p, NULL, "0", "a", 1, "0", 1);
		p += sprintf(p, ", ");
	}
	expect("sendmmsg(%d, [%s...], 40, MSG_DONTWAIT) = %ld", s, line, rc);
	iov.iov_base = buf;
	rc = syscall(SYS_recvmmsg, r, m, 40, MSG_DONTWAIT, NULL);
	p = line;
	for (int k = 0; k < 32; k++) {
		p = mmsg_item(p, NULL, "0", "a", 1, "0", 1);
		p += sprintf(p, ", ");
	}
	expect("recvmmsg(%d, [%s...], 40, MSG_DONTWAIT, NULL) = %ld", r, line, rc);
}

int main(void)
{
	struct sockaddr_in self;
	int s = udp_self(&self), sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		abort();

	expect_start();
	test_recvmsg(s, &self);
	test_sendmsg_iovecs(s, &self);
	test_mmsg_pair(s, &self);
	test_mmsg_hostile(sv[0]);
	test_mmsg_many();
	return 0;
}
