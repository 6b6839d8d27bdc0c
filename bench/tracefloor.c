// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The floor under any ptrace tracer that starts its command: what a tracer
 * must do at the least, and nothing else. It forks, lets the child install
 * the smallest seccomp filter, seizes it, and restarts every stop after one
 * PTRACE_GET_SYSCALL_INFO (a tracer must learn the call and its result). No
 * decoding, no output, no bookkeeping. The bench compares sysray with it:
 * what sysray costs above this is sysray's own.
 *
 *   tracefloor [-t NAME] [-f NAME] [-a] -- CMD [ARG...]
 *     -t NAME  stop at NAME's entry (SECCOMP_RET_TRACE) and exit: -e trace=NAME
 *     -f NAME  fail NAME with EIO in the filter, with no stop: -e fault=NAME:error=EIO
 *     -a       stop at every call's entry and exit, with no filter: -c or a full trace
 *
 * Children are followed and exec and exit are reported, as sysray's engine
 * asks for; group-stops are not kept (the bench's workloads have none). The
 * exit status is the command's, a signal death as 128+N.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct {
	const char *name;
	long nr;
} calls[] = { { "openat", SYS_openat }, { "fsync", SYS_fsync }, { "write", SYS_write } };

static long call_nr(const char *name)
{
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		if (!strcmp(calls[i].name, name))
			return calls[i].nr;
	fprintf(stderr, "tracefloor: unknown call '%s'\n", name);
	_exit(2);
}

/* Trace nr_trace (-1: none), fail nr_fail with EIO (-1: none), let the rest run. */
static int install_filter(long nr_trace, long nr_fail)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (__u32)nr_trace, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (__u32)nr_fail, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EIO),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(insns) / sizeof(insns[0]), .filter = insns };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

int main(int argc, char **argv)
{
	long nr_trace = -1, nr_fail = -1;
	unsigned long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |
				PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
				PTRACE_O_EXITKILL;
	int opt, go[2], status = 0;
	bool all = false;
	pid_t child;
	char byte;

	while ((opt = getopt(argc, argv, "+t:f:a")) != -1) {
		if (opt == 't')
			nr_trace = call_nr(optarg);
		else if (opt == 'f')
			nr_fail = call_nr(optarg);
		else if (opt == 'a')
			all = true;
		else
			return 2;
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: tracefloor [-t NAME] [-f NAME] [-a] -- CMD [ARG...]\n");
		return 2;
	}
	if (!all)
		options |= PTRACE_O_TRACESECCOMP;
	if (pipe2(go, O_CLOEXEC) || (child = fork()) < 0) {
		perror("tracefloor");
		return 1;
	}
	if (child == 0) {
		close(go[1]);
		if (read(go[0], &byte, 1) != 1 || (!all && install_filter(nr_trace, nr_fail)))
			_exit(1);
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	/* With -a the child needs a stop first, to be restarted with PTRACE_SYSCALL. */
	if (ptrace(PTRACE_SEIZE, child, NULL, (void *)options) ||
	    (all && ptrace(PTRACE_INTERRUPT, child, NULL, NULL)) || write(go[1], "", 1) != 1) {
		perror("tracefloor: seize");
		kill(child, SIGKILL);
		return 1;
	}
	close(go[1]);
	for (;;) {
		struct __ptrace_syscall_info info;
		int st, sig, event, req = all ? PTRACE_SYSCALL : PTRACE_CONT;
		long data = 0;
		pid_t tid = wait4(-1, &st, __WALL, NULL);

		if (tid < 0)
			break;
		if (!WIFSTOPPED(st)) {
			if (tid == child)
				status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
			continue;
		}
		sig = WSTOPSIG(st);
		event = (unsigned int)st >> 16;
		if (event == PTRACE_EVENT_SECCOMP || sig == (SIGTRAP | 0x80))
			ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof(info), &info);
		if (event == PTRACE_EVENT_SECCOMP)
			req = PTRACE_SYSCALL; /* on to its exit stop */
		else if (event == 0 && sig != (SIGTRAP | 0x80))
			data = sig; /* a signal on its way: pass it on */
		ptrace(req, tid, NULL, (void *)data);
	}
	return status;
}
