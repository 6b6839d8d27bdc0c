// SPDX-License-Identifier: LGPL-2.1-or-later
/* Sockets: addresses of every family strace decodes, in/out lengths, options, send/recv. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "expect.h"

#define EXPECT_ERR(err) err_str(err, #err)

int main(void)
{
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(0) };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6,
				    .sin6_port = htons(8080),
				    .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	socklen_t len;
	int one = 1, val, sv[2];
	char buf[16];
	void *bad = tail_alloc(0);
	long rc;

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	expect_start();
	int u = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	expect("socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = %d", u);
	memcpy(un.sun_path, "\0sysray-net", 11);
	rc = bind(u, (struct sockaddr *)&un, offsetof(struct sockaddr_un, sun_path) + 11);
	expect("bind(%d, {sa_family=AF_UNIX, sun_path=@\"sysray-net\"}, 13) = %ld", u, rc);
	len = sizeof(un);
	rc = getsockname(u, (struct sockaddr *)&un, &len);
	expect("getsockname(%d, {sa_family=AF_UNIX, sun_path=@\"sysray-net\"}, [110 => 13]) = %ld",
	       u, rc);
	strcpy(un.sun_path, "/nonexistent/sysray.sock");
	rc = connect(socket(AF_UNIX, SOCK_DGRAM, 0), (struct sockaddr *)&un, sizeof(un));
	expect("socket(AF_UNIX, SOCK_DGRAM, 0) = %d", u + 1);
	expect("connect(%d, {sa_family=AF_UNIX, sun_path=\"/nonexistent/sysray.sock\"}, 110) = %s",
	       u + 1, EXPECT_ERR(ENOENT));
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP);
	expect("socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP) = %d", s);
	rc = setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	expect("setsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [1], 4) = %ld", s, rc);
	len = sizeof(val);
	rc = getsockopt(s, SOL_SOCKET, SO_TYPE, &val, &len);
	expect("getsockopt(%d, SOL_SOCKET, SO_TYPE, [1], [4]) = %ld", s, rc);
	rc = bind(s, (struct sockaddr *)&in, sizeof(in));
	expect(
	    "bind(%d, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}, "
	    "16) = %ld",
	    s, rc);
	rc = listen(s, 5);
	expect("listen(%d, 5) = %ld", s, rc);
	rc = getpeername(s, (struct sockaddr *)&in, &len);
	expect("getpeername(%d, %p, [4]) = %s", s, (void *)&in, EXPECT_ERR(ENOTCONN));
	rc = accept4(s, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	expect("accept4(%d, NULL, NULL, SOCK_CLOEXEC|SOCK_NONBLOCK) = %s", s, EXPECT_ERR(EAGAIN));
	int s6 = socket(AF_INET6, SOCK_DGRAM, 0);
	expect("socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = %d", s6);
	rc = connect(s6, (struct sockaddr *)&in6, sizeof(in6));
	expect("connect(%d, {sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), "
	       "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = %ld",
	       s6, rc);
	rc = socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	expect("socketpair(AF_UNIX, SOCK_STREAM, 0, [%d, %d]) = %ld", sv[0], sv[1], rc);
	rc = sendto(sv[0], "ping", 4, MSG_DONTWAIT | MSG_NOSIGNAL, NULL, 0);
	expect("sendto(%d, \"ping\", 4, MSG_DONTWAIT|MSG_NOSIGNAL, NULL, 0) = %ld", sv[0], rc);
	rc = recvfrom(sv[1], buf, sizeof(buf), 0, NULL, NULL);
	expect("recvfrom(%d, \"ping\", 16, 0, NULL, NULL) = %ld", sv[1], rc);
	rc = shutdown(sv[0], SHUT_WR);
	expect("shutdown(%d, SHUT_WR) = %ld", sv[0], rc);
	/* Hostile: an address that faults, garbage above the fd, unknown flag bits. */
	rc = syscall(SYS_connect, DIRTY_FD(s6), bad, 16);
	expect("connect(%d, %p, 16) = %s", s6, bad, EXPECT_ERR(EFAULT));
	rc = syscall(SYS_sendto, sv[0], "x", 1, 0x1000000 | MSG_DONTWAIT | MSG_NOSIGNAL, NULL, 0);
	expect("sendto(%d, \"x\", 1, MSG_DONTWAIT|MSG_NOSIGNAL|0x1000000, NULL, 0) = %s", sv[0],
	       EXPECT_ERR(EPIPE));
	return 0;
}
