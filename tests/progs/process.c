// SPDX-License-Identifier: LGPL-2.1-or-later
/* wait4 statuses, kill, exit_group. SIGCHLD is blocked: when it would be delivered races
 * with the calls (signals have their own test). */
#include <signal.h>
#include <sys/wait.h>

#include "expect.h"

static pid_t child(int how)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (how == 0)
			_exit(7);
		pause();
		_exit(0);
	}
	return pid;
}

int main(void)
{
	int st;
	pid_t pid;
	long rc;
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid = child(0);

	expect_start();
	rc = syscall(SYS_wait4, pid, &st, 0, NULL);
	expect("wait4(%d, [{WIFEXITED(s) && WEXITSTATUS(s) == 7}], 0, NULL) = %ld", pid, rc);
	pid = child(1);
	rc = syscall(SYS_kill, pid, SIGTERM);
	expect("kill(%d, SIGTERM) = %ld", pid, rc);
	rc = syscall(SYS_wait4, pid, &st, __WALL, NULL);
	expect("wait4(%d, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], __WALL, NULL) = %ld", pid,
	       rc);
	rc = syscall(SYS_wait4, -1, &st, WNOHANG, NULL);
	expect("wait4(-1, %p, WNOHANG, NULL) = %s", (void *)&st, err_str(ECHILD, "ECHILD"));
	expect("exit_group(3) = ?");
	expect_flush();
	syscall(SYS_exit_group, 3);
	return 0;
}
