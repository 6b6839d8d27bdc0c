// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Unit test runner: `unit [SUBSTRING]` runs the tests whose name contains
 * SUBSTRING, each in its own child.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit/unit.h"

static struct unit_test *tests;

void unit_register(struct unit_test *t)
{
	t->next = tests;
	tests = t;
}

static int run_one(const struct unit_test *t)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0)
		_exit(t->fn());
	if (waitpid(pid, &status, 0) < 0)
		return 1;
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "  killed by signal %d\n", WTERMSIG(status));
		return 1;
	}
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	const char *only = argc > 1 ? argv[1] : NULL;
	int failed = 0;

	for (const struct unit_test *t = tests; t; t = t->next) {
		if (only && !strstr(t->name, only))
			continue;
		int rc = run_one(t);
		printf("%s: unit: %s\n",
		       rc == 0		 ? "PASS"
		       : rc == UNIT_SKIP ? "SKIP"
					 : "FAIL",
		       t->name);
		fflush(stdout);
		failed += rc != 0 && rc != UNIT_SKIP;
	}
	return failed ? 1 : 0;
}
