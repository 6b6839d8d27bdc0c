// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sysray children: `bench --loop` (the measured side of the tracing rows) and
 * the helper that runs a child, collects its stdout and enforces a deadline.
 *
 * The loop child times itself with clock_gettime and reports each batch on
 * stdout, rather than the parent timing the whole child: exec, the dynamic
 * loader and the tracer's attach take milliseconds, far more than the calls
 * being measured, and would have to be estimated and subtracted. vDSO reads
 * are not system calls, so the tracer does not see (or slow) the timing.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/internal.h"
#include "util/compiler.h"

extern char **environ;

static const char *const loop_names[] = {
	"getppid", "getpid", "clock_gettime_vdso", "clock_gettime_syscall", "empty", NULL,
};

const char *const *bench_loop_names(void)
{
	return loop_names;
}

static bench_loop_fn *loop_by_name(const char *name)
{
	const struct bench_op *op;

	if (!strcmp(name, "empty"))
		return bench_loop_empty;
	op = bench_op_find(bench_ops_syscall, name);
	return op ? op->run : NULL;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -errno;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int bench_loop_child(const char *name, uint64_t n, uint32_t samples, int fd)
{
	bench_loop_fn *fn = loop_by_name(name);
	struct bench_env env;
	char line[64];
	uint64_t ns[BENCH_LOOP_MAX_SAMPLES];
	uint64_t per, t0;
	int err;

	if (!fn)
		return -ENOENT;
	if (!samples || samples > BENCH_LOOP_MAX_SAMPLES || n < samples)
		return -EINVAL;
	err = bench_env_open(&env);
	if (err)
		return err;
	per = n / samples;
	/* Times first, output after: a write per batch would be traced too. */
	for (uint32_t i = 0; i < samples; i++) {
		t0 = bench_now_ns();
		fn(&env, per);
		ns[i] = bench_now_ns() - t0;
	}
	for (uint32_t i = 0; i < samples && !err; i++) {
		int len = snprintf(line, sizeof(line), "%llu %llu\n", (unsigned long long)per,
				   (unsigned long long)ns[i]);
		err = write_all(fd, line, (size_t)len);
	}
	bench_env_close(&env);
	return err;
}

static int spawn_piped(const char *const argv[], int out_fd, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	int err;

	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&attr);
	posix_spawn_file_actions_adddup2(&fa, out_fd, STDOUT_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	/* Its own process group, so a hung tracer and its tracee die together. */
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	err = posix_spawn(pid, argv[0], &fa, &attr, (char *const *)argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	return -err;
}

/* Read fd into out until EOF or the deadline; returns bytes kept or -ETIMEDOUT. */
static long read_until(int fd, char *out, size_t size, uint64_t deadline_ns)
{
	size_t len = 0;

	for (;;) {
		uint64_t now = bench_now_ns();
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		char scratch[512];
		ssize_t r;

		if (now >= deadline_ns)
			return -ETIMEDOUT;
		if (poll(&pfd, 1, (int)((deadline_ns - now) / 1000000 + 1)) < 0 && errno != EINTR)
			return -errno;
		if (!pfd.revents)
			continue;
		r = read(fd, len + 1 < size ? out + len : scratch,
			 len + 1 < size ? size - 1 - len : sizeof(scratch));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (len + 1 < size)
			len += (size_t)r;
	}
	out[len] = '\0';
	return (long)len;
}

int bench_child_run(const char *const argv[], char *out, size_t size, uint64_t timeout_ms,
		    int *status)
{
	int fds[2], err;
	pid_t pid;
	long got;

	if (pipe2(fds, O_CLOEXEC) < 0)
		return -errno;
	fflush(NULL);
	err = spawn_piped(argv, fds[1], &pid);
	close(fds[1]);
	if (err) {
		close(fds[0]);
		return err;
	}
	got = read_until(fds[0], out, size, bench_now_ns() + timeout_ms * 1000000);
	close(fds[0]);
	if (got == -ETIMEDOUT)
		kill(-pid, SIGKILL);
	if (waitpid(pid, status, 0) != pid)
		return -errno;
	return got < 0 ? (int)got : 0;
}
