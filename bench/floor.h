// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The floor under any seccomp-based filtering: the bench programs, given
 * --seccomp-floor, install the smallest filter that does the job themselves
 * (no tracer, no arch check) before their loop. A call that enters the kernel
 * through a filter takes the slow entry path even when the filter's answer is
 * cached, and that cost is ours to measure, not to remove.
 */
#ifndef SYSRAY_BENCH_FLOOR_H
#define SYSRAY_BENCH_FLOOR_H

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Fail system call nr with err (0: let every call run). Returns 0 or -1. */
static inline int floor_filter(long nr, int err)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (__u32)nr, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (__u32)err),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = 4, .filter = insns };

	if (!err)
		prog = (struct sock_fprog){ .len = 1, .filter = insns + 3 };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

/* argv[2] == "--seccomp-floor"? Then install the filter; 0 or -1. */
static inline int floor_setup(int argc, char **argv, long nr, int err)
{
	if (argc > 2 && !strcmp(argv[2], "--seccomp-floor"))
		return floor_filter(nr, err);
	return 0;
}

#endif
