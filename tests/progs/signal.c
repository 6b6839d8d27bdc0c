// SPDX-License-Identifier: LGPL-2.1-or-later
/* Delivered signals: siginfo for a tgkill and a sigqueue, and a fault's si_addr. */
#include <signal.h>
#include <setjmp.h>

#include "expect.h"

static sigjmp_buf back;

static void on_signal(int sig)
{
	if (sig == SIGSEGV)
		siglongjmp(back, 1);
}

int main(void)
{
	pid_t pid = getpid();
	uid_t uid = getuid();
	union sigval val = { .sival_int = 42 };
	volatile char *bad = (char *)8;

	signal(SIGUSR1, on_signal);
	signal(SIGUSR2, on_signal);
	signal(SIGSEGV, on_signal);
	expect_start();
	syscall(SYS_tgkill, pid, pid, SIGUSR1);
	expect("tgkill(%d, %d, SIGUSR1) = 0", pid, pid);
	expect("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=%d, si_uid=%u} ---", pid,
	       uid);
	sigqueue(pid, SIGUSR2, val);
	expect("rt_sigqueueinfo(%d, SIGUSR2, {si_signo=SIGUSR2, si_code=SI_QUEUE, si_pid=%d, "
	       "si_uid=%u, si_int=42, si_ptr=0x2a}) = 0",
	       pid, pid, uid);
	expect("--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_QUEUE, si_pid=%d, si_uid=%u, si_int=42, "
	       "si_ptr=0x2a} ---",
	       pid, uid);
	/* rt_sigpending may take less than a word of set; more than 8 bytes is an address. */
	sigset_t set;

	syscall(SYS_rt_sigpending, &set, 4);
	expect("rt_sigpending([], 4) = 0");
	syscall(SYS_rt_sigpending, &set, 16);
	expect("rt_sigpending(%p, 16) = %s", (void *)&set, err_str(EINVAL, "EINVAL"));
	if (!sigsetjmp(back, 1))
		(void)*bad;
	expect("--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x8} ---");
	return 0;
}
