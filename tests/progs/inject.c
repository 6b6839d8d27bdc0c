// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What a program sees under fault injection: argv[1] picks the check, stdout
 * says what happened (the test compares it), exit 0 when it saw the expected.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = sig;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "second-open")) {
		/* open(2), not openat(2): the dynamic loader's opens are openat, and counting
		 * them would make "the second" depend on the libraries. */
		int a = syscall(SYS_open, "/dev/null", O_RDONLY);
		int b = syscall(SYS_open, "/dev/null", O_RDONLY);

		printf("first=%s second=%s\n", a >= 0 ? "ok" : strerror(errno),
		       b >= 0 ? "ok" : strerror(errno));
		return a >= 0 && b < 0 && errno == ENOENT ? 0 : 1;
	}
	if (!strcmp(what, "retval")) {
		long pid = syscall(SYS_getpid);

		printf("getpid=%ld\n", pid);
		return pid == 42 ? 0 : 1;
	}
	if (!strcmp(what, "signal")) {
		signal(SIGUSR1, on_usr1);
		syscall(SYS_getppid);
		printf("signal=%d\n", (int)got);
		return got == SIGUSR1 ? 0 : 1;
	}
	if (!strcmp(what, "substitute")) {
		long a = syscall(SYS_getpid), b = syscall(SYS_getppid);

		printf("getpid==getppid: %s\n", a == b ? "yes" : "no");
		return a == b ? 0 : 1;
	}
	if (!strcmp(what, "delay")) {
		double t0 = now();

		syscall(SYS_getppid);
		printf("delayed=%s\n", now() - t0 >= 0.2 ? "yes" : "no");
		return now() - t0 >= 0.2 ? 0 : 1;
	}
	if (!strcmp(what, "delay-others")) {
		/* A child is held in a delayed getppid; the parent's traced getpid must not
		 * wait for it. The child is killed while held. */
		pid_t child = fork();
		char path[64], stat[256] = "";
		double t0, waited;
		int status;

		if (child == 0) {
			syscall(SYS_getppid);
			_exit(0);
		}
		snprintf(path, sizeof(path), "/proc/%d/stat", (int)child);
		for (int i = 0; i < 1000 && !strstr(stat, ") t "); i++) {
			FILE *f = fopen(path, "r");

			stat[0] = 0;
			if (f && !fgets(stat, sizeof(stat), f))
				stat[0] = 0;
			if (f)
				fclose(f);
			usleep(10000);
		}
		t0 = now();
		syscall(SYS_getpid);
		waited = now() - t0;
		kill(child, SIGKILL);
		waitpid(child, &status, 0);
		printf("child held=%s parent waited=%s child killed=%s\n",
		       strstr(stat, ") t ") ? "yes" : "no", waited >= 1 ? "yes" : "no",
		       WIFSIGNALED(status) ? "yes" : "no");
		return strstr(stat, ") t ") && waited < 1 && WIFSIGNALED(status) ? 0 : 1;
	}
	if (!strcmp(what, "fsync")) {
		int fd = open("/dev/null", O_WRONLY), eio = 0;

		for (int i = 0; i < 1000; i++)
			eio += fsync(fd) < 0 && errno == EIO;
		printf("EIO %d/1000\n", eio);
		return eio == 1000 ? 0 : 1;
	}
	if (!strcmp(what, "poke")) {
		/* A string literal (read-only memory) written to a pipe and read back. */
		int p[2];
		char buf[8] = { 0 };

		if (pipe(p) || write(p[1], "xyz", 3) != 3 || read(p[0], buf, 3) != 3)
			return 1;
		printf("read %s\n", buf);
		return strcmp(buf, "ABC") ? 1 : 0;
	}
	return 2;
}
