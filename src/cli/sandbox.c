// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sysray sandbox: run a command under a seccomp filter built from a policy.
 *
 * The filter is compiled and exported to BPF in the parent, before fork, so
 * that the child does nothing between loading it and execve but those two
 * syscalls: no allocation, no libseccomp, no stdio. The execve itself is let
 * through by policy_pin_exec (matched on its exact three pointers), which is
 * why a policy learned from the program's own trace is enough to run it.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/policy_cli.h"
#include "util/compiler.h"
#include "features/explain.h"
#include "trace/session.h"
#include "util/error.h"

extern char **environ;

static const char sandbox_usage[] =
    "usage: sysray sandbox [--policy FILE] [--allow LIST] [--deny LIST]\n"
    "                      [--deny-action ACTION] [--default ACTION] -- COMMAND [ARGS...]\n"
    "\n"
    "Run COMMAND under a seccomp filter. The filter is built from the policy FILE\n"
    "(see doc/policy.md) and the inline lists, with NO_NEW_PRIVS set, and admits\n"
    "only the architectures the policy names (the native one by default).\n"
    "\n"
    "  -p, --policy FILE      rules from a policy file\n"
    "  -a, --allow LIST       allow the comma-separated syscalls and @groups in LIST\n"
    "  -d, --deny LIST        deny them: fail with EPERM, or as --deny-action says\n"
    "      --deny-action ACT  the action of --deny (default 'errno EPERM')\n"
    "      --default ACT      the action for every syscall no rule names\n"
    "  -h, --help             show this help\n"
    "\n"
    "ACTION is allow, log, trap, kill (the thread), kill-process, or 'errno E' with\n"
    "E an errno name (EPERM) or number. Options may repeat; --deny wins over\n"
    "--allow, and both over the file. Without --default the file's 'default' line\n"
    "applies; with no file, --deny alone means 'default allow' and anything else\n"
    "'default kill-process'.\n"
    "\n"
    "Only the command's own execve is let through implicitly (matched on its exact\n"
    "arguments); every later syscall, including another execve, meets the policy.\n"
    "\n"
    "  -x, --explain          report each denied call before it takes effect:\n"
    "                         'sysray: denied: openat(AT_FDCWD, \"/etc/shadow\", O_RDONLY)\n"
    "                         in pid 1234 (cat) by rule 'default kill-process'; to allow\n"
    "                         it add: allow openat', then carry out the action; calls\n"
    "                         under 'log' run and are listed at exit. The policy is then\n"
    "                         enforced through the tracer (calls it allows outright still\n"
    "                         run at native speed). The default when stderr is a terminal.\n"
    "      --no-explain       enforce with the policy's own seccomp filter only\n"
    "\n"
    "Exit status: the command's, 128+N when it is killed by signal N (a denied\n"
    "syscall under 'kill' gives 159, SIGSYS), 1 when sysray cannot run it.\n"
    "SIGINT, SIGTERM and SIGHUP are passed on to the command.\n";

static const struct option sandbox_options[] = {
	{ "policy", required_argument, NULL, 'p' },
	{ "allow", required_argument, NULL, 'a' },
	{ "deny", required_argument, NULL, 'd' },
	{ "deny-action", required_argument, NULL, 'D' },
	{ "default", required_argument, NULL, 'A' },
	{ "explain", no_argument, NULL, 'x' },
	{ "no-explain", no_argument, NULL, 'X' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* --explain (1), --no-explain (0), or as stderr is a terminal (-1). */
static int sandbox_explain = -1;

/* Signals go to the child: the only state a handler can reach is a global. */
static volatile pid_t sandbox_child;

static void forward_signal(int sig)
{
	if (sandbox_child > 0)
		kill(sandbox_child, sig);
}

static int parse_options(int argc, char **argv, struct policy_source *src)
{
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:p:a:d:hxX", sandbox_options, NULL)) != -1) {
		if (c == 'h') {
			fputs(sandbox_usage, stdout);
			exit(SR_EXIT_OK);
		}
		if (c == ':')
			return sr_error("sandbox: option '%s' needs a value", argv[optind - 1]);
		if (c == 'p') {
			src->file = optarg;
			continue;
		}
		if (c == 'x' || c == 'X') {
			sandbox_explain = c == 'x';
			continue;
		}
		rc = cli_policy_option(src, c, optarg);
		if (rc > 0)
			cli_bad_option("sandbox", argv[optind - 1]);
		if (rc)
			return -1;
	}
	if (optind >= argc)
		return sr_error("sandbox: no command given (see 'sysray sandbox --help')");
	if (!src->file && !src->nallow && !src->ndeny)
		return sr_error("sandbox: no policy given (--policy, --allow or --deny)");
	return optind;
}

/* The file execvp would run, as strace finds it (and words its failure). */
static int find_command(const char *cmd, char *path, size_t size)
{
	const char *dirs = getenv("PATH");
	struct stat st;

	if (strchr(cmd, '/') || !dirs) {
		snprintf(path, size, "%s", cmd);
		if (stat(path, &st) == 0)
			return 0;
		return sr_error("cannot stat '%s': %s", cmd, strerror(errno));
	}
	while (*dirs) {
		size_t n = strcspn(dirs, ":");

		snprintf(path, size, "%.*s%s%s", (int)n, dirs, n ? "/" : "", cmd);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0)
			return 0;
		dirs += n + (dirs[n] == ':');
	}
	return sr_error("cannot stat '%s': %s", cmd, strerror(ENOENT));
}

struct launch {
	char path[PATH_MAX];
	char **argv;
	struct policy_bpf bpf;
	int pipe[2]; /* the child's errno if it cannot exec; EOF when it did */
};

enum { STAGE_FILTER, STAGE_EXEC };

static ATTR_NORETURN void run_child(struct launch *l)
{
	struct sock_fprog prog = { .len = l->bpf.len, .filter = l->bpf.insns };
	int report[2] = { STAGE_FILTER, 0 };

	close(l->pipe[0]);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0) {
		/* From here the filter applies: execve must be the next syscall. */
		execve(l->path, l->argv, environ);
		report[0] = STAGE_EXEC;
	}
	report[1] = errno;
	if (write(l->pipe[1], report, sizeof(report)) < 0)
		_exit(127);
	_exit(127);
}

static void forward_signals(void)
{
	struct sigaction sa = { .sa_handler = forward_signal };
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };

	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_SIZE(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
}

static int exec_failed(const struct launch *l, const int report[2])
{
	if (report[0] == STAGE_FILTER)
		return sr_error("cannot load the seccomp filter: %s", strerror(report[1]));
	return sr_error("cannot run '%s': %s", l->path, strerror(report[1]));
}

/* Wait for the child; its exit status, or 128+N for signal N like strace. */
static int wait_child(struct launch *l, pid_t pid)
{
	int report[2], status;
	ssize_t n;

	while ((n = read(l->pipe[0], report, sizeof(report))) < 0 && errno == EINTR)
		;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			sr_error("cannot wait for '%s': %s", l->path, strerror(errno));
			return SR_EXIT_FAILURE;
		}
	if (n == sizeof(report)) {
		exec_failed(l, report);
		return SR_EXIT_FAILURE;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static int launch(struct launch *l)
{
	pid_t pid;
	int rc;

	if (pipe2(l->pipe, O_CLOEXEC) < 0) {
		sr_error("cannot create a pipe: %s", strerror(errno));
		return SR_EXIT_FAILURE;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		sr_error("cannot fork: %s", strerror(errno));
		return SR_EXIT_FAILURE;
	}
	if (pid == 0)
		run_child(l);
	sandbox_child = pid;
	forward_signals();
	close(l->pipe[1]);
	rc = wait_child(l, pid);
	close(l->pipe[0]);
	return rc;
}

static int prepare(struct launch *l, struct policy *p, const struct policy_source *src)
{
	int rc = cli_policy_build(p, src);

	if (rc)
		return rc;
	rc = policy_pin_exec(p, l->path, l->argv, environ);
	if (!rc)
		rc = policy_bpf(p, &l->bpf);
	if (rc) {
		sr_error("cannot compile the policy: %s", strerror(-rc));
		return SR_EXIT_FAILURE;
	}
	return 0;
}

/* --explain: the policy checked by the tracer at each call it does not allow outright. */
static int explained(struct policy *p, const struct policy_source *src, char **command)
{
	struct sr_trace_opts t = { 0 };
	struct sr_explain *x;
	int rc = cli_policy_build(p, src);

	if (rc)
		return rc;
	x = explain_new(p);
	if (!x) {
		sr_error("cannot compile the policy: %s", strerror(errno));
		return SR_EXIT_FAILURE;
	}
	t.decode.strsize = 32;
	t.text.acolumn = 40;
	t.status = SR_STATUS_ALL;
	t.signals = ~0ULL;
	t.quiet = ~0u;
	t.command = command;
	t.engine.follow_forks = true;
	t.explain = x;
	rc = session_run(&t);
	explain_report(x, stderr);
	explain_free(x);
	return rc;
}

int cmd_sandbox(int argc, char **argv)
{
	struct policy_source src = { 0 };
	struct launch l = { .bpf = { NULL, 0 } };
	struct policy p;
	int first = parse_options(argc, argv, &src), rc;

	if (first < 0)
		return SR_EXIT_FAILURE;
	if (find_command(argv[first], l.path, sizeof(l.path)))
		return SR_EXIT_FAILURE;
	l.argv = argv + first;
	policy_init(&p);
	if (sandbox_explain < 0)
		sandbox_explain = isatty(STDERR_FILENO) == 1;
	if (sandbox_explain) {
		rc = explained(&p, &src, argv + first);
		policy_free(&p);
		return rc;
	}
	rc = prepare(&l, &p, &src);
	policy_free(&p);
	if (!rc)
		rc = launch(&l);
	free(l.bpf.insns);
	return rc;
}
