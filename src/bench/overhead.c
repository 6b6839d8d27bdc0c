// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What sysray adds to a system call: the null syscall (getppid) under an
 * allow-all seccomp filter, under a learned sandbox policy, and under
 * `sysray trace` three ways. Each row is one function; a row whose sysray
 * verb is missing or fails says so instead of showing a number.
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/internal.h"
#include "util/compiler.h"

/* What the seccomp child sends back through its pipe. */
struct seccomp_result {
	int err;
	struct bench_stat stat;
};

static void seccomp_child(struct bench_report *rep, struct bench_env *env, int fd)
{
	struct seccomp_result res = { 0 };
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);

	/* libseccomp sets no_new_privs first, so this works without privileges. */
	if (!ctx)
		res.err = -ENOMEM;
	else
		res.err = seccomp_load(ctx);
	if (!res.err)
		res.err = bench_measure(&rep->plan, env, bench_loop_getppid, &res.stat);
	if (write(fd, &res, sizeof(res)) != sizeof(res))
		_exit(2);
	_exit(0);
}

/* (a) an allow-all filter: the cost of running a cBPF program on every call. */
static int row_seccomp(struct bench_report *rep, struct bench_env *env, struct bench_row *row)
{
	struct seccomp_result res;
	int fds[2];
	pid_t pid;
	ssize_t got;

	if (pipe2(fds, O_CLOEXEC) < 0)
		return -errno;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		seccomp_child(rep, env, fds[1]);
	}
	close(fds[1]);
	got = pid < 0 ? -1 : read(fds[0], &res, sizeof(res));
	close(fds[0]);
	if (pid < 0 || waitpid(pid, NULL, 0) != pid)
		return -errno;
	if (got != sizeof(res))
		return -EIO;
	if (res.err)
		return res.err;
	row->stat = res.stat;
	return 0;
}

static void run_loop_under(struct bench_report *rep, struct bench_row *row, const char *const *opts,
			   uint64_t n);

/* Run `sysray policy learn [--append] -o path -- cmd...`; 0 when it worked. */
static int learn_into(struct bench_report *rep, const char *path, bool append,
		      const char *const *cmd)
{
	const char *argv[16] = { rep->plan.self, "policy", "learn", "-o", path };
	char out[4096];
	size_t argc = 5;
	int status, err;

	if (append)
		argv[argc++] = "--append";
	argv[argc++] = "--";
	for (; *cmd && argc < ARRAY_SIZE(argv) - 1; cmd++)
		argv[argc++] = *cmd;
	argv[argc] = NULL;
	err = bench_child_run(argv, out, sizeof(out), rep->plan.child_timeout_ms, &status);
	return err ? err : WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -ECHILD;
}

/*
 * (b) the null syscall under the policy `sysray policy learn` writes for ls
 * (merged with what the loop child itself needs, or it could not run): the cost
 * of a real, learned filter of a few dozen rules.
 */
static void row_policy(struct bench_report *rep, struct bench_env *env, struct bench_row *row)
{
	char path[] = "/tmp/sysray-bench-policy-XXXXXX";
	const char *const ls[] = { "ls", "/", NULL };
	const char *const loop[] = { rep->plan.self, "bench",	  "--loop", "getppid",
				     "100",	     "--samples", "2",	    NULL };
	const char *const sandbox[] = { "sandbox", "--no-explain", "--policy", path, "--", NULL };
	int fd = mkstemp(path), err;

	(void)env;
	if (fd < 0) {
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "cannot make a policy file: %s",
				     strerror(errno));
		return;
	}
	close(fd);
	err = learn_into(rep, path, false, ls);
	if (!err)
		err = learn_into(rep, path, true, loop);
	if (err)
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "sysray policy learn failed");
	else
		run_loop_under(rep, row, sandbox, rep->plan.child_iters * 20);
	unlink(path);
}

/* Turn the loop child's "<iterations> <ns>" lines into a row, skipping the warm-up batch. */
static int parse_loop_output(const struct bench_plan *plan, char *out, struct bench_stat *st)
{
	double v[BENCH_LOOP_MAX_SAMPLES];
	unsigned long long iters = 0, ns;
	size_t n = 0, line = 0;
	char *save = NULL;

	for (char *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (sscanf(l, "%llu %llu", &iters, &ns) != 2 || !iters)
			continue;
		if (line++ == 0 || n >= ARRAY_SIZE(v))
			continue;
		v[n++] = (double)ns / (double)iters - plan->loop_ns;
	}
	if (n < plan->samples)
		return -ENODATA;
	bench_stat_from(st, v, n);
	st->iters = iters;
	return 0;
}

static void child_failed(struct bench_row *row, const char *what, int err, int status,
			 uint64_t timeout_ms)
{
	if (err == -ETIMEDOUT)
		bench_row_set_reason(row, BENCH_UNAVAILABLE,
				     "sysray %s failed (timed out after %llu s)", what,
				     (unsigned long long)timeout_ms / 1000);
	else if (err)
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "cannot run sysray %s: %s", what,
				     strerror(-err));
	else if (WIFSIGNALED(status))
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "sysray %s failed (signal %d)", what,
				     WTERMSIG(status));
	else
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "sysray %s failed (exit %d)", what,
				     WEXITSTATUS(status));
}

/*
 * Run `<opts...> <self> bench --loop getppid N --samples R+1` and keep its
 * self-timed batches. opts is a sysray verb and its options ("trace", "-o",
 * "/dev/null", "--"), or empty for the untraced reference.
 */
static void run_loop_under(struct bench_report *rep, struct bench_row *row, const char *const *opts,
			   uint64_t n)
{
	const struct bench_plan *plan = &rep->plan;
	char num[24], samples[16], out[BENCH_LOOP_MAX_SAMPLES * 48];
	const char *const tail[] = { plan->self, "bench",     "--loop", "getppid",
				     num,	 "--samples", samples,	NULL };
	const char *what = opts[0] ? opts[0] : "bench --loop";
	const char *argv[24];
	size_t argc = 0;
	int err, status = 0;

	snprintf(num, sizeof(num), "%llu", (unsigned long long)n);
	snprintf(samples, sizeof(samples), "%u", plan->samples + 1);
	if (opts[0])
		argv[argc++] = plan->self;
	for (; *opts && argc < ARRAY_SIZE(argv) - 8; opts++)
		argv[argc++] = *opts;
	memcpy(argv + argc, tail, sizeof(tail));

	err = bench_child_run(argv, out, sizeof(out), plan->child_timeout_ms, &status);
	if (err || !WIFEXITED(status) || WEXITSTATUS(status)) {
		child_failed(row, what, err, status, plan->child_timeout_ms);
		return;
	}
	if (parse_loop_output(plan, out, &row->stat))
		bench_row_set_reason(row, BENCH_UNAVAILABLE,
				     "sysray %s gave no loop timings (exit 0)", what);
}

static const char *const untraced[] = { NULL };
/* The exact strace options the tracer accepts; trace output is thrown away. */
static const char *const trace_full[] = { "trace", "-o", "/dev/null", "--", NULL };
static const char *const trace_filtered[] = { "trace",	      "-o", "/dev/null", "-e",
					      "trace=openat", "--", NULL };
static const char *const trace_count[] = { "trace", "-c", "-o", "/dev/null", "--", NULL };

struct overhead_row {
	const char *id;
	const char *label;
	const char *const *opts; /* for rows run through run_loop_under */
	unsigned scale;		 /* iterations: plan->child_iters times this */
	void (*run)(struct bench_report *rep, struct bench_env *env, struct bench_row *row);
};

static void row_seccomp_allow(struct bench_report *rep, struct bench_env *env,
			      struct bench_row *row)
{
	int err = row_seccomp(rep, env, row);

	if (err)
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "seccomp filter: %s", strerror(-err));
}

static const struct overhead_row overhead_rows[] = {
	{ "seccomp_allow", "getppid under an allow-all seccomp filter", .run = row_seccomp_allow },
	{ "policy_ls", "getppid under sysray's learned policy of ls", .run = row_policy },
	/* Untraced, it checks the loop child itself; it is ~100x faster, so more calls. */
	{ "loop_child", "getppid in a 'bench --loop' child, untraced", untraced, 20 },
	{ "trace_full", "getppid under 'sysray trace' (traced)", trace_full, 1 },
	{ "trace_filtered", "getppid under 'trace -e trace=openat' (not traced)", trace_filtered,
	  1 },
	{ "trace_count", "getppid under 'sysray trace -c'", trace_count, 1 },
};

void bench_run_overhead(struct bench_report *rep, struct bench_env *env)
{
	const struct bench_row *bare = bench_row_find(rep, "getppid");

	for (size_t i = 0; i < ARRAY_SIZE(overhead_rows); i++) {
		const struct overhead_row *o = &overhead_rows[i];
		struct bench_row *row = bench_row_add(rep, o->id, o->label, BENCH_G_OVERHEAD);

		if (!row)
			return;
		if (o->run)
			o->run(rep, env, row);
		else
			run_loop_under(rep, row, o->opts, rep->plan.child_iters * o->scale);
		if (row->status != BENCH_OK || !bare || bare->status != BENCH_OK)
			continue;
		row->overhead = row->stat.median - bare->stat.median;
		row->multiple = row->stat.median / bare->stat.median;
	}
}
