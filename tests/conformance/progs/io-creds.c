// SPDX-License-Identifier: LGPL-2.1-or-later
/* A conformance program: calls whose decoding is compared with strace's by run.sh. */
#define _GNU_SOURCE
#include <sys/epoll.h>
#include <poll.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/prctl.h>
#include <signal.h>
#include <grp.h>
#include <stdlib.h>
#include <sys/uio.h>
int main(void)
{
	int p[2];
	pipe2(p, O_CLOEXEC);
	write(p[1], "x", 1);
	struct pollfd pf[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT | POLLIN, 0 } };
	poll(pf, 2, -1);
	poll(pf, 1, 0);
	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event e = { EPOLLIN | EPOLLET, { .u64 = 7 } };
	epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e);
	struct epoll_event out[4];
	epoll_wait(ep, out, 4, -1);
	epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL);
	epoll_wait(ep, out, 4, 0);
	epoll_pwait(ep, out, 4, 0, NULL);
	flock(p[0], LOCK_EX | LOCK_NB);
	int efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	int in = inotify_init1(IN_CLOEXEC);
	inotify_add_watch(in, "/tmp", IN_CREATE | IN_DELETE | IN_ONLYDIR);
	int m = syscall(SYS_memfd_create, "foo", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	fallocate(m, 0, 0, 4096);
	void *a = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mlock(a, 4096);
	munlock(a, 4096);
	msync(a, 4096, MS_SYNC);
	mlockall(MCL_CURRENT);
	munlockall();
	setresuid(-1, -1, -1);
	uid_t r, ee, s;
	getresuid(&r, &ee, &s);
	gid_t gg[4];
	getgroups(0, NULL);
	getgroups(4, gg);
	setgroups(0, NULL);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	char rw[4] = "abc";
	struct iovec rv[2] = { { rw, 2 }, { rw + 2, 1 } };
	pwritev2(m, rv, 2, 0, RWF_DSYNC);
	preadv2(m, rv, 2, 0, RWF_HIPRI | RWF_NOWAIT);
	preadv2(m, rv, 1, -1, 0);
	syscall(SYS_pwritev2, m, rv, 1, 0, 0, 0x40 | RWF_APPEND);
	struct tms t;
	times(&t);
	struct timeval tv;
	gettimeofday(&tv, NULL);
	cpu_set_t cs;
	sched_getaffinity(0, sizeof(cs), &cs);
	sched_getscheduler(0);
	struct sched_param sp;
	sched_getparam(0, &sp);
	prctl(PR_SET_NAME, "hello");
	char nm[16];
	prctl(PR_GET_NAME, nm);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	prctl(PR_GET_DUMPABLE);
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	stack_t ss = { .ss_sp = malloc(65536), .ss_size = 65536, .ss_flags = 0 }, os;
	sigaltstack(&ss, &os);
	sigset_t set;
	sigpending(&set);
	/* A set size below the word size: strace shows the address. */
	syscall(SYS_rt_sigpending, &set, 4);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4);
	syscall(SYS_rt_sigsuspend, &set, 4);
	struct itimerspec its = { { 0, 0 }, { 1, 0 } }, old;
	timerfd_settime(tfd, 0, &its, &old);
	timerfd_gettime(tfd, &old);
	syscall(SYS_renameat2, AT_FDCWD, "/nonexist", AT_FDCWD, "/nonexist2", 1);
	syscall(SYS_membarrier, 0, 0);
	syscall(SYS_pidfd_open, getpid(), 0);
	(void)efd;
	return 0;
}
