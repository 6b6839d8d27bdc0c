// SPDX-License-Identifier: LGPL-2.1-or-later
/* Waiting on descriptors: poll and its revents note, epoll, eventfd, flock. */
#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>

#include "expect.h"

int main(void)
{
	int p[2];
	long rc;
	void *bad = tail_alloc(0);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = 7 }, out[4];

	if (pipe2(p, O_CLOEXEC))
		return 1;
	expect_start();
	rc = write(p[1], "x", 1);
	expect("write(%d, \"x\", 1) = %ld", p[1], rc);
	struct pollfd pf[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT | POLLIN, 0 } };

	rc = poll(pf, 2, -1);
	expect("poll([{fd=%d, events=POLLIN}, {fd=%d, events=POLLIN|POLLOUT}], 2, -1) = %ld "
	       "([{fd=%d, revents=POLLIN}, {fd=%d, revents=POLLOUT}])",
	       p[0], p[1], rc, p[0], p[1]);
	pf[0].fd = p[1];
	pf[0].events = POLLIN;
	rc = poll(pf, 1, 0);
	expect("poll([{fd=%d, events=POLLIN}], 1, 0) = %ld (Timeout)", p[1], rc);
	rc = syscall(SYS_poll, bad, 1, 0);
	expect("poll(%p, 1, 0) = %s", bad, err_str(EFAULT, "EFAULT"));
	int ep = epoll_create1(EPOLL_CLOEXEC);
	expect("epoll_create1(EPOLL_CLOEXEC) = %d", ep);
	rc = epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	expect(
	    "epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLIN|EPOLLET, data={u32=7, u64=7}}) = %ld",
	    ep, p[0], rc);
	rc = epoll_wait(ep, out, 4, -1);
	expect("epoll_wait(%d, [{events=EPOLLIN, data={u32=7, u64=7}}], 4, -1) = %ld", ep, rc);
	rc = epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL);
	expect("epoll_ctl(%d, EPOLL_CTL_DEL, %d, NULL) = %ld", ep, p[0], rc);
	rc = epoll_wait(ep, out, 4, 0);
	expect("epoll_wait(%d, [], 4, 0) = %ld", ep, rc);
	rc = syscall(SYS_epoll_ctl, DIRTY_FD(ep), EPOLL_CTL_ADD, p[0], bad);
	expect("epoll_ctl(%d, EPOLL_CTL_ADD, %d, %p) = %s", ep, p[0], bad,
	       err_str(EFAULT, "EFAULT"));
	int efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	expect("eventfd2(0, EFD_CLOEXEC|EFD_NONBLOCK) = %d", efd);
	rc = flock(p[0], LOCK_EX | LOCK_NB);
	expect("flock(%d, LOCK_EX|LOCK_NB) = %ld", p[0], rc);
	rc = syscall(SYS_flock, p[0], LOCK_UN | 0x100);
	expect("flock(%d, LOCK_UN|0x100) = %s", p[0], err_str(EINVAL, "EINVAL"));
	return 0;
}
