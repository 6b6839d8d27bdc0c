// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Tracee scenarios for tests/e2e/engine.sh: signals, stops, vfork, threads, an
 * execve from a non-leader thread, a crash, and loops to attach to. The first
 * argument names the scenario; what the test checks is printed on stdout.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t usr1_count;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

static void nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* usr1 N: send ourselves SIGUSR1 N times; the handler must run each time. */
static int usr1_self(int n)
{
	signal(SIGUSR1, on_usr1);
	for (int i = 0; i < n; i++)
		kill(getpid(), SIGUSR1);
	printf("usr1 count %d\n", (int)usr1_count);
	return usr1_count == n ? 0 : 1;
}

/* usr1-wait: announce readiness on stdout, then wait for one SIGUSR1 from outside. */
static int usr1_wait(void)
{
	sigset_t block, old;

	signal(SIGUSR1, on_usr1);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	printf("ready %d\n", getpid());
	fflush(stdout);
	while (!usr1_count)
		sigsuspend(&old);
	printf("usr1 count %d\n", (int)usr1_count);
	return 0;
}

/* stop SIG: stop ourselves with SIG (default action), then say we were continued. */
static int stop_self(int sig)
{
	/*
	 * Our own process group, in our tracer's session: the kernel discards SIGTSTP,
	 * SIGTTIN and SIGTTOU sent to an orphaned group (POSIX), as the tests' group may
	 * be when run in the background; with its parent outside it, ours is not.
	 */
	setpgid(0, 0);
	printf("stopping %d\n", getpid());
	fflush(stdout);
	kill(getpid(), sig);
	printf("continued\n");
	return 0;
}

/* sleeper: wait, doing nothing, until a signal ends us (or 30 s). */
static int sleeper(void)
{
	printf("ready %d\n", getpid());
	fflush(stdout);
	for (int i = 0; i < 300; i++)
		nap_ms(100);
	return 0;
}

/* sigchld: fork a child that exits 4; the parent's SIGCHLD handler must see it. */
static volatile sig_atomic_t chld_seen;

static void on_chld(int sig)
{
	(void)sig;
	chld_seen = 1;
}

static int sigchld(void)
{
	sigset_t block, old;
	int st;
	pid_t pid;

	signal(SIGCHLD, on_chld);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	pid = fork();
	if (pid == 0)
		_exit(4);
	while (!chld_seen)
		sigsuspend(&old);
	waitpid(pid, &st, 0);
	printf("sigchld seen, child status %d\n", WEXITSTATUS(st));
	return 0;
}

/* vfork-exit / vfork-exec: the parent must resume once the child is done with its memory. */
static int vforker(bool exec)
{
	int st;
	pid_t pid = vfork();

	if (pid == 0) {
		if (exec)
			execl("/bin/true", "true", (char *)NULL);
		_exit(5);
	}
	waitpid(pid, &st, 0);
	printf("vfork child %s status %d\n", exec ? "exec" : "exit", WEXITSTATUS(st));
	return 0;
}

/* fork: a plain fork, the child exits 6. */
static int forker(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0)
		_exit(6);
	waitpid(pid, &st, 0);
	printf("fork child status %d\n", WEXITSTATUS(st));
	return 0;
}

/* child-stop: a child stops itself; its parent must see that (WUNTRACED), continue it, and
 * see it exit 3. */
static int child_stop(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		kill(getpid(), SIGSTOP);
		_exit(3);
	}
	waitpid(pid, &st, WUNTRACED);
	printf("child %s %d\n", WIFSTOPPED(st) ? "stopped by" : "status",
	       WIFSTOPPED(st) ? WSTOPSIG(st) : st);
	kill(pid, SIGCONT);
	waitpid(pid, &st, 0);
	printf("child exited %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	return 0;
}

static void *thread_getpid(void *arg)
{
	(void)arg;
	syscall(SYS_getpid);
	nap_ms(10);
	return NULL;
}

/* threads N: start N threads that each make a call and sleep a moment, then join them. */
static int threads(int n)
{
	pthread_t th[16];

	if (n > 16)
		n = 16;
	for (int i = 0; i < n; i++)
		pthread_create(&th[i], NULL, thread_getpid, NULL);
	for (int i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	printf("joined %d threads\n", n);
	return 0;
}

static char *self_path;

static void *thread_exec(void *arg)
{
	(void)arg;
	/* Let the leader block in its call first, so that it is in a syscall when we exec. */
	nap_ms(50);
	execl(self_path, self_path, "exec-done", (char *)NULL);
	_exit(9);
}

static void *thread_tick(void *arg);

/* thread-exec [N]: a second thread calls execve while the leader and N more threads sleep. */
static int __attribute__((noreturn)) thread_execve(int nsleepers)
{
	pthread_t th;

	for (int i = 0; i < nsleepers; i++)
		pthread_create(&th, NULL, thread_tick, NULL);
	pthread_create(&th, NULL, thread_exec, NULL);
	for (;;)
		pause();
}

static void *thread_tick(void *arg)
{
	(void)arg;
	for (;;)
		nap_ms(20);
	return NULL;
}

/* ticker N-THREADS: print a counter every 20 ms from the leader; extra threads sleep in a loop. */
static int __attribute__((noreturn)) ticker(int nthreads)
{
	pthread_t th;

	for (int i = 0; i < nthreads; i++)
		pthread_create(&th, NULL, thread_tick, NULL);
	for (long i = 0;; i++) {
		printf("tick %ld\n", i);
		fflush(stdout);
		nap_ms(20);
	}
}

/* segv: say something, then crash. */
static int segv(void)
{
	volatile int *p = NULL;

	printf("about to crash\n");
	fflush(stdout);
	return *p;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	int n = argc > 2 ? atoi(argv[2]) : 0;

	self_path = argv[0];
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(what, "usr1"))
		return usr1_self(n);
	if (!strcmp(what, "usr1-wait"))
		return usr1_wait();
	if (!strcmp(what, "stop"))
		return stop_self(n ? n : SIGSTOP);
	if (!strcmp(what, "sleeper"))
		return sleeper();
	if (!strcmp(what, "sigchld"))
		return sigchld();
	if (!strcmp(what, "vfork-exit"))
		return vforker(false);
	if (!strcmp(what, "vfork-exec"))
		return vforker(true);
	if (!strcmp(what, "fork"))
		return forker();
	if (!strcmp(what, "child-stop"))
		return child_stop();
	if (!strcmp(what, "threads"))
		return threads(n);
	if (!strcmp(what, "thread-exec"))
		return thread_execve(n);
	if (!strcmp(what, "exec-done")) {
		printf("exec done in %d\n", getpid());
		return 0;
	}
	if (!strcmp(what, "ticker"))
		return ticker(n);
	if (!strcmp(what, "segv"))
		return segv();
	fprintf(stderr, "engine: unknown scenario '%s'\n", what);
	return 2;
}
