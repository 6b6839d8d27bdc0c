// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Operations that involve another process: a pipe round trip (two context
 * switches), fork+wait, posix_spawn+wait, and the int 0x80 probe.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch/host.h"
#include "bench/internal.h"
#include "util/compiler.h"

#define barrier() __asm__ volatile("" ::: "memory")

extern char **environ;

/* The echo partner: returns every byte it reads until EOF. */
static void echo_child(int in, int out)
{
	char c;

	while (read(in, &c, 1) == 1)
		if (write(out, &c, 1) != 1)
			break;
	_exit(0);
}

static int echo_start(struct bench_env *env)
{
	int down[2], up[2], err;
	pid_t pid;

	if (pipe2(down, O_CLOEXEC) < 0)
		return -errno;
	if (pipe2(up, O_CLOEXEC) < 0) {
		err = -errno;
		goto out_close_down;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		err = -errno;
		goto out_close_up;
	}
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		echo_child(down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	env->to_echo = down[1];
	env->from_echo = up[0];
	env->echo_pid = pid;
	return 0;

out_close_up:
	close(up[0]);
	close(up[1]);
out_close_down:
	close(down[0]);
	close(down[1]);
	return err;
}

static void echo_stop(struct bench_env *env)
{
	/* EOF on its input makes the partner exit. */
	close(env->to_echo);
	close(env->from_echo);
	waitpid(env->echo_pid, NULL, 0);
	env->to_echo = env->from_echo = env->echo_pid = -1;
}

static void loop_pipe_roundtrip(struct bench_env *env, uint64_t k)
{
	for (uint64_t i = 0; i < k && !env->error; i++) {
		if (write(env->to_echo, env->buf, 1) != 1 || read(env->from_echo, env->buf, 1) != 1)
			env->error = errno ? -errno : -EPIPE;
		barrier();
	}
}

static void loop_fork_wait(struct bench_env *env, uint64_t k)
{
	for (uint64_t i = 0; i < k && !env->error; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		if (pid < 0 || waitpid(pid, NULL, 0) != pid)
			env->error = -errno;
	}
}

static void loop_spawn_wait(struct bench_env *env, uint64_t k)
{
	for (uint64_t i = 0; i < k && !env->error; i++) {
		pid_t pid;
		int err = posix_spawn(&pid, env->spawn_path, NULL, NULL, env->spawn_argv, environ);

		if (err)
			env->error = -err;
		else if (waitpid(pid, NULL, 0) != pid)
			env->error = -errno;
	}
}

const struct bench_op bench_ops_process[] = {
	{ "pipe_roundtrip", "pipe round trip between two processes", loop_pipe_roundtrip,
	  echo_start, echo_stop },
	{ "fork_wait", "fork + _exit + waitpid", loop_fork_wait },
	/* The label names the program: set by bench_spawn_target at run time. */
	{ "spawn_exec", NULL, loop_spawn_wait },
	{ NULL },
};

void bench_spawn_target(struct bench_env *env, const char *self, const char **label)
{
	static char *const true_argv[] = { "true", NULL };
	static char *self_argv[] = { "sysray", "bench", "--exec-child", NULL };

	/*
	 * /bin/true needs only libc, so it is the nearest thing to a tiny program
	 * on a machine without a static helper; sysray itself also maps
	 * libseccomp and libm and would measure the dynamic loader as much as exec.
	 */
	if (!access("/bin/true", X_OK)) {
		env->spawn_path = "/bin/true";
		env->spawn_argv = true_argv;
		*label = "posix_spawn (vfork+exec) /bin/true + wait";
		return;
	}
	env->spawn_path = self;
	env->spawn_argv = self_argv;
	*label = "posix_spawn (vfork+exec) sysray bench --exec-child + wait";
}

static void loop_int80(struct bench_env *env, uint64_t k)
{
	(void)env;
	for (uint64_t i = 0; i < k; i++) {
		arch_host_int80_getppid();
		barrier();
	}
}

static int try_int80(void)
{
	return arch_host_int80_getppid() == getppid() ? 0 : 3;
}

int bench_probe(int (*try)(void))
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		/* Under ASan its own SEGV handler would turn the signal into an exit. */
		sigaction(SIGSEGV, &dfl, NULL);
		sigaction(SIGBUS, &dfl, NULL);
		_exit(try());
	}
	if (waitpid(pid, &status, 0) != pid)
		return -errno;
	if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGSEGV || WTERMSIG(status) == SIGBUS))
		return -ENOSYS;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -EIO;
}

void bench_run_int80(struct bench_report *rep, struct bench_env *env)
{
	struct bench_row *row = bench_row_add(
	    rep, "int80_getppid", "legacy int 0x80 entry: i386 getppid", BENCH_G_SYSCALL);
	int err;

	if (!row)
		return;
	/* A kernel without IA32 emulation kills the caller: try in a child first. */
	err = ARCH_HOST_HAS_INT80 ? bench_probe(try_int80) : -ENOSYS;
	if (err == -ENOSYS)
		bench_row_set_reason(row, BENCH_NOT_AVAILABLE,
				     "int 0x80 disabled (no IA32 emulation)");
	else if (err)
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "int 0x80 probe failed: %s",
				     strerror(-err));
	else if ((err = bench_measure(&rep->plan, env, loop_int80, &row->stat)))
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "%s", strerror(-err));
}
