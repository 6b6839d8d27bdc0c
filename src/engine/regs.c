// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * x86_64 (the 64-bit register view also serves i386 and x32 tracees): the
 * kernel takes the syscall number from orig_rax after the entry stop, and a
 * number of -1 runs no syscall at all (its result stays -ENOSYS until we set
 * rax at the exit stop). arch/x86/entry/common.c, do_syscall_64.
 */
#include <errno.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "engine/regs.h"

#if defined(__x86_64__)

static int poke(pid_t tid, size_t off, long val)
{
	return ptrace(PTRACE_POKEUSER, tid, (void *)off, (void *)val) ? -errno : 0;
}

int regs_set_syscall(pid_t tid, long nr)
{
	return poke(tid, offsetof(struct user_regs_struct, orig_rax), nr);
}

int regs_set_return(pid_t tid, int64_t ret)
{
	return poke(tid, offsetof(struct user_regs_struct, rax), (long)ret);
}

#else

int regs_set_syscall(pid_t tid, long nr)
{
	(void)tid;
	(void)nr;
	return -ENOSYS;
}

int regs_set_return(pid_t tid, int64_t ret)
{
	(void)tid;
	(void)ret;
	return -ENOSYS;
}

#endif
