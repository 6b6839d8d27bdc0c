// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * An independent witness for --regs: "getregs write" makes one write with
 * fixed arguments (a buffer at a fixed address, so two runs agree);
 * "getregs witness" runs that under its own minimal PTRACE_TRACEME tracer and
 * prints what PTRACE_GETREGS reports at the write's entry and exit, in
 * --regs' form. The test compares it with sysray's line.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#define FIXED ((void *)0x200000000UL)

static int do_write(void)
{
	char *buf = mmap(FIXED, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	int fd = open("/dev/null", O_WRONLY);

	if (buf != FIXED || fd < 0)
		return 1;
	memcpy(buf, "hello, kernel\n", 14);
	return syscall(SYS_write, fd, buf, 14) == 14 ? 0 : 1;
}

/* Stop at each syscall of the child; report the write's registers. */
static int witness(char *self)
{
	struct user_regs_struct r;
	pid_t pid = fork();
	int st, entering = 1;

	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		raise(SIGSTOP);
		execl(self, self, "write", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &st, 0);
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_TRACESYSGOOD);
	for (;;) {
		ptrace(PTRACE_SYSCALL, pid, NULL, NULL);
		if (waitpid(pid, &st, 0) != pid || WIFEXITED(st) || WIFSIGNALED(st))
			break;
		if (WSTOPSIG(st) != (SIGTRAP | 0x80))
			continue;
		ptrace(PTRACE_GETREGS, pid, NULL, &r);
		if (r.orig_rax == SYS_write && entering)
			printf(" regs: rax=%llu rdi=%#llx rsi=%#llx rdx=%#llx", r.orig_rax, r.rdi,
			       r.rsi, r.rdx);
		else if (r.orig_rax == SYS_write)
			printf(" -> rax=%#llx\n", r.rax);
		if (r.orig_rax == SYS_write)
			entering = !entering;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "witness"))
		return witness(argv[0]);
	return do_write();
}
